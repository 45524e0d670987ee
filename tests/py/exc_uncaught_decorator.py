def validate(fn):
    def wrapper(x):
        if x < 0:
            raise ValueError(f"{fn.__name__} needs x >= 0, got {x}")
        return fn(x)
    return wrapper
@validate
def root(x):
    return x ** 0.5
print(root(16))
print(root(-4))
