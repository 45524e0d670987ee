# containers mutated by the code they run: __eq__ clearing a list or dict, __repr__ shrinking a list, a failing sort key, deleting while iterating
l = [1, 2, 3]
l.extend(l); print(l)
l += l; print(len(l))
d = {"a": 1}; d.update(d); print(d)
class Evil:
    def __init__(self, target):
        self.target = target
    def __eq__(self, other):
        self.target.clear()
        return False
    __hash__ = object.__hash__
t = [1, 2, 3]
e = Evil(t)
t.append(e)
print(t.count(5), t)
t2 = [Evil(None)] * 0
u = [1, 2, 3]
print(Evil(u) in u, u)
v = [1, 2, 3]
try:
    v.remove(Evil(v))
except ValueError as ex:
    print("ValueError", ex)
print(v)
class Shrink:
    def __init__(self, target):
        self.target = target
    def __repr__(self):
        self.target.pop()
        return "S"
w = [1, 2, 3]
w.insert(0, Shrink(w))
print(repr(w), w)
def bad_key(x):
    if x == 3:
        raise KeyError("boom")
    return x
z = [5, 3, 1]
try:
    z.sort(key=bad_key)
except KeyError as ex:
    print("KeyError", ex, z)
it_list = [1, 2, 3, 4]
out = []
for x in it_list:
    out.append(x)
    if x == 2:
        del it_list[:]
print(out, it_list)
dd = {1: 1, 2: 2}
for k in list(dd):
    dd[k + 10] = k
print(dd)
class EqKey:
    def __init__(self, d):
        self.d = d
    def __hash__(self):
        return 1
    def __eq__(self, other):
        self.d.clear()
        return False
m = {}
m[EqKey(m)] = 1
m[EqKey(m)] = 2
print(len(m))
r = list(range(10))
r[2:8:2] = r[1:4]
print(r)
