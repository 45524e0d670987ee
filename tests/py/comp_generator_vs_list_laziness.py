calls = []
def f(x):
    calls.append(x)
    return x
lst = [f(i) for i in range(3)]
gen = (f(i) for i in range(10, 13))
print(calls)
next(gen)
print(calls)
print(any(f(i) > 100 for i in range(5)), calls[-5:])
print(all(f(i) < 1 for i in range(100, 200)), calls[-1])
