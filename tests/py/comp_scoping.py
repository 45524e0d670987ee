x = "outer"
r = [x for x in range(3)]
print(x, r)
class C:
    y = 10
    try:
        vals = [y for _ in range(2)]
    except NameError as e:
        vals = str(e)
    direct = [i for i in range(y)]
print(C.vals, C.direct)
def f():
    n = 3
    return [lambda: n * i for i in range(n)]
print([g() for g in f()])
print([(lambda: i)() for i in range(3)])
funcs = [lambda: i for i in range(3)]
print([g() for g in funcs])
print([j := k * 2 for k in range(3)], j)
