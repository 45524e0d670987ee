def gen(n):
    print("start")
    for i in range(n):
        print("yielding", i)
        yield i
    print("end")
    return "result"
g = gen(2)
print(type(g).__name__, g.__name__)
print(next(g)); print(next(g))
try:
    next(g)
except StopIteration as e:
    print("StopIteration value:", e.value)
print(list(gen(3)))
print(next(g, "exhausted"))
