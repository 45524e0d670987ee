def f(*, a, b=1, c):
    return a, b, c
for args, kw in [((), {"a": 1, "c": 2}), ((1,), {}), ((), {}), ((), {"a": 1}), ((), {"a": 1, "c": 2, "d": 3}), ((1, 2, 3), {})]:
    try:
        print(f(*args, **kw))
    except TypeError as e:
        print(e)
def g(a, *args, b):
    return a, args, b
print(g(1, 2, 3, b=4))
try:
    g(1, 2)
except TypeError as e:
    print(e)
