print(dict([("a", 1), ["b", 2]]), dict(zip("xyz", range(3))), dict({"k": 1}.items()), dict(a=1, b=2), dict([], c=3))
for bad in [[1, 2], [("a", 1, 2)], ["ab", "c"], 5]:
    try:
        print(dict(bad))
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
class KeysGetitem:
    def keys(self):
        return ["p", "q"]
    def __getitem__(self, k):
        return k * 2
print(dict(KeysGetitem()), {**KeysGetitem()})
