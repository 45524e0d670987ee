# dict views: keys/values/items
def check(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ":", e)

d = {"a": 1, "b": 2, "c": 3}
k, v, it = d.keys(), d.values(), d.items()
print(k, v, it)
print(len(k), len(v), len(it))
print("a" in k, "z" in k, 2 in v, 9 in v, ("a", 1) in it, ("a", 2) in it, "a" in it)
print(list(k), list(v), list(it))
print(list(reversed(k)), list(reversed(v)), list(reversed(it)))
d["d"] = 4
print(k, len(v), it)
print(k == d.keys(), k == ["a", "b", "c", "d"], k != {"a": 0}.keys(), k <= d.keys(), k < k, it == d.items(), v == d.values())
print(k.isdisjoint(["x"]), k.isdisjoint(("a",)))
print(type(k).__name__, type(v).__name__, type(it).__name__)
print(sorted(k), sorted(v), sorted(it))
check(lambda: hash(k))
check(lambda: k[0])
check(lambda: v == v)
print({}.keys(), {}.values(), {}.items())
for key, val in d.items():
    print(key, val, end="; ")
print()
def mutate():
    for x in d.keys():
        d["new" + x] = 1
check(mutate)
def mutate_values():
    e = {1: 1}
    for x in e.values():
        e[2] = 2
check(mutate_values)
e = dict.fromkeys(range(5))
ki = iter(e)
print(next(ki), next(ki))
print(list(e.items())[:2], max(e.keys()), sum(e.keys()))
x = {1: "a"}
print({**x, 2: "b"}, [*x.values()], [*x.items()])
