# Calls of builtins specialised (len, isinstance, type, builtin functions, method descriptors)
# and what happens when the callable or the arguments change.


def sizes(objs):
    return [len(o) for o in objs]


print(sizes(["ab", [1, 2, 3], (), {"k": 1}, range(4)]))
try:
    sizes(["ok", 5])
except TypeError as e:
    print("TypeError:", e)


class Sized:
    def __len__(self):
        return 7


print(sizes([Sized(), "x"]))


class A:
    pass


class B(A):
    pass


def kinds(objs, cls):
    return [isinstance(o, cls) for o in objs]


print(kinds([A(), B(), 1, "s"], A))
print(kinds([A(), B(), 1, "s"], (int, str)))
print(kinds([True, 1, 1.5], int))
try:
    kinds([1], 5)
except TypeError as e:
    print("TypeError:", e)


def names(objs):
    return [type(o).__name__ for o in objs]


print(names([1, "s", 2.5, None, A(), B, [], {}]))


def absolutes(values):
    return [abs(v) for v in values]


print(absolutes([-1, 2, -3.5]))
try:
    absolutes([-1, "x"])
except TypeError as e:
    print("TypeError:", e)


def collect(n):
    out = []
    for i in range(n):
        out.append(i * i)
    return out


print(collect(5))


def uppers(words):
    return [w.upper() for w in words]


print(uppers(["a", "bc"]))


# The builtin is shadowed after specialisation.
def measure(x):
    return len(x)


print([measure("abc") for _ in range(3)])
len = lambda x: -1
print(measure("abc"))
del len
print(measure("abcd"))
