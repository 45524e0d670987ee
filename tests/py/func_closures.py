def counter():
    count = 0
    def inc():
        nonlocal count
        count += 1
        return count
    return inc
c1, c2 = counter(), counter()
print(c1(), c1(), c1(), c2())
def make_adders():
    return [lambda x: x + i for i in range(3)]
print([f(10) for f in make_adders()])
def make_adders_fixed():
    return [lambda x, i=i: x + i for i in range(3)]
print([f(10) for f in make_adders_fixed()])
funcs = []
for i in range(3):
    def f():
        return i
    funcs.append(f)
print([f() for f in funcs])
def outer():
    x = 1
    def middle():
        def inner():
            return x
        return inner
    x = 2
    return middle()()
print(outer(), c1.__closure__[0].cell_contents, counter.__code__.co_cellvars if hasattr(counter.__code__, "co_cellvars") else None)
