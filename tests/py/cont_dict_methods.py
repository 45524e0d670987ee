# dict methods: results and error messages
def check(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ":", e)

d = dict.fromkeys("abc")
print(d, dict.fromkeys([1, 2], 0), dict.fromkeys(()))
check(lambda: dict.fromkeys())
print(d.get("a"), d.get("z"), d.get("z", 5))
check(lambda: d.get())
print(d.setdefault("a", 1), d.setdefault("n", []), d.setdefault("m"), d)
print(d.pop("a"), d.pop("zz", "dflt"), d)
check(lambda: d.pop("zz"))
check(lambda: d.pop())
e = {1: "one", 2: "two", 3: "three"}
print(e.popitem(), e)
check(lambda: {}.popitem())
f = {"x": 1}
f.update({"y": 2})
f.update([("z", 3), ("w", 4)])
f.update(k=5, x=0)
f.update({"q": 1}, r=2)
f.update()
print(f)
check(lambda: f.update(1))
check(lambda: f.update([(1, 2, 3)]))
check(lambda: f.update([1]))
check(lambda: f.update({}, {}))
g = f.copy()
g["new"] = 1
print("new" in f, "new" in g, g is not f)
g.clear()
print(g, len(g))
print(dict(a=1, b=2), dict([("a", 1)], b=2), dict({"a": 1}), dict(), dict(zip("ab", (1, 2))))
check(lambda: dict(1))
check(lambda: dict([1, 2]))
check(lambda: dict({}, {}))
print({1: 2} == {1: 2}, {1: 2} == {1: 3}, {1: 2} != {2: 1}, {1: 1, 2: 2} == {2: 2, 1: 1}, {} == {})
check(lambda: {1: 2} < {1: 2})
a = {"a": 1, "b": 2}
b = {"b": 3, "c": 4}
print(a | b, b | a, a)
a |= b
print(a)
a |= [("z", 26)]
print(a)
check(lambda: {} | [])
print(list(reversed({1: 1, 2: 2, 3: 3})), list(reversed({})))
def change_size():
    h = {1: 1, 2: 2}
    for k in h:
        h[k + 10] = 0
check(change_size)
def change_del():
    h = {1: 1, 2: 2}
    for k in h:
        del h[k]
check(change_del)
h = {1: 1, 2: 2}
for k in h:
    h[k] = 5
print(h)
check(lambda: {}["missing"])
check(lambda: {}[[1]])
check(lambda: {[1]: 2})
class D(dict):
    def __missing__(self, key):
        return key * 2
dd = D(a=1)
print(dd["zz"], dd["a"], dd, type(dd).__name__)
r = {}
r["self"] = r
print(r)
print(len({1: 2, 3: 4}), {1: 2}.__len__(), {1: 2}.__contains__(1), {1: 2}.__getitem__(1))
o = {}
for i in range(20):
    o[i] = i
for i in range(0, 20, 2):
    del o[i]
o[0] = "back"
print(o, list(o))
print(dict.fromkeys(range(3), []), dict(**{"a": 1}, b=2))
