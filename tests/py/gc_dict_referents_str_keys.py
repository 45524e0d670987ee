# gc.get_referents of a dict: the values only when every key is an exact str (CPython's
# unicode-keys table), else keys and values; a cycle through such a dict is still collected.
import gc


class S(str):
    pass


print(sorted(map(repr, gc.get_referents({"a": [1], "b": (2,), "c": 3}))))
print(sorted(map(repr, gc.get_referents({1: [1], "b": 2}))))
print(sorted(map(repr, gc.get_referents({S("k"): "v"}))))
print(gc.get_referents({}))


class Node:
    def __del__(self):
        print("node freed")


n = Node()
n.links = {"self": n, "peer": [n]}
del n
print("collecting")
gc.collect()
print("done")
