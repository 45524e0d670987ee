# Subscripts, containment, unpacking, iteration and truth after specialisation.


def get(seq, i):
    return seq[i]


def put(seq, i, v):
    seq[i] = v


items = [10, 20, 30]
print([get(items, i) for i in range(3)])
print(get(items, -1), get((1, 2, 3), 1), get({"k": 5}, "k"), get("xyz", 2))
try:
    get(items, 3)
except IndexError as e:
    print("IndexError:", e)
try:
    get((1, 2), 5)
except IndexError as e:
    print("IndexError:", e)
try:
    get({"a": 1}, "b")
except KeyError as e:
    print("KeyError:", e)


class Defaulting(dict):
    def __missing__(self, key):
        return "missing " + key


print(get(Defaulting(), "q"))
print(get(items, True), get(items, 2**70 - 2**70))

for i in range(3):
    put(items, i, i * i)
print(items)
put(items, -1, "last")
print(items)
try:
    put(items, 7, 0)
except IndexError as e:
    print("IndexError:", e)
d = {}
for i in range(3):
    put(d, str(i), i)
put(d, 1.5, "f")
print(d)


def has(c, x):
    return x in c


print([has(d, k) for k in ["0", "1", "9"]], has([1, 2], 2), has("abc", "b"))
try:
    has({}, [])
except TypeError as e:
    print("TypeError:", e)


def pair(t):
    a, b = t
    return b, a


print([pair((i, -i)) for i in range(3)])
print(pair([7, 8]), pair("xy"))
try:
    pair((1, 2, 3))
except ValueError as e:
    print("ValueError:", e)
try:
    pair([1])
except ValueError as e:
    print("ValueError:", e)


def loop(it):
    out = []
    for x in it:
        out.append(x)
    return out


print(loop(range(3)), loop(range(5, 0, -2)), loop([1, 2]), loop((3,)), loop("ab"))


def truth(v):
    if v:
        return "T"
    return "F"


print("".join([truth(v) for v in [True, False, 0, 1, 2**80, [], [0], None, "", "a", 0.0, (), {}, {1: 2}]]))
