f = frozenset([1, 2, 3])
print(f, repr(frozenset()), hash(f) == hash(frozenset([3, 2, 1])), {f: 1}[frozenset({1, 2, 3})], f | {4}, type(f | {4}).__name__, type({4} | f).__name__)
try:
    f.add(4)
except AttributeError as e:
    print(e)
try:
    {[1]}
except TypeError as e:
    print(e)
s = {frozenset({1}), frozenset({1})}
print(len(s), set("aaa") == {"a"}, sorted(set("hello")))
