x = "global"
def outer():
    x = "enclosing"
    def inner():
        return x
    return inner()
def shadow():
    x = "local"
    return x
print(outer(), shadow(), x)
len = lambda v: "shadowed len"
print(len([1, 2]))
del len
print(len([1, 2]))
def uses_builtin():
    return max(1, 2)
max = lambda *a: "global max"
print(uses_builtin())
del max
print(uses_builtin())
