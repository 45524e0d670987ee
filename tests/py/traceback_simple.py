def inner(x):
    return x / 0
def outer():
    return inner(1)
outer()
