# The specialised forms of FOR_ITER over lists and tuples, CALL_STR_1 and set membership under
# add/discard churn: each loop runs well past the warm-up, so the specialised form runs, then
# its operands change kind (the guard misses and the generic path takes over).


def iterate(seq):
    out = []
    for x in seq:
        out.append(x)
    return out


# FOR_ITER_LIST / FOR_ITER_TUPLE, then a miss with a range, a str and a generator.
for _ in range(100):
    iterate([1, 2, 3])
    iterate((4, 5))
print(iterate([1, 2, 3]), iterate((4, 5)), iterate(range(3)), iterate("ab"), iterate(x * 2 for x in (1, 2)))


class L(list):
    pass


class T(tuple):
    pass


# Subclasses iterate with the same iterator types.
print(iterate(L([7, 8])), iterate(T((9,))), type(iter(L())).__name__, type(iter(T())).__name__)


def grow_while_iterating(n):
    items = [0]
    for x in items:
        if x < n:
            items.append(x + 1)
    return items


for _ in range(60):
    grow_while_iterating(3)
print(grow_while_iterating(5))


def exhausted_stays_exhausted():
    items = [1, 2]
    it = iter(items)
    first = [x for x in it]
    items.append(3)
    return first, list(it), it.__length_hint__()


for _ in range(60):
    exhausted_stays_exhausted()
print(exhausted_stays_exhausted())


def shrink_while_iterating():
    items = list(range(6))
    seen = []
    for x in items:
        seen.append(x)
        if len(items) > 3:
            items.pop()
    return seen


for _ in range(60):
    shrink_while_iterating()
print(shrink_while_iterating())


def unpack_pairs(pairs):
    total = 0
    for (a, b), c in pairs:
        total += a * b + c
    return total


for _ in range(60):
    unpack_pairs([((1, 2), 3), ((4, 5), 6)])
print(unpack_pairs([((1, 2), 3), ((4, 5), 6)]))
try:
    unpack_pairs([((1, 2), 3), ((4,), 6)])
except ValueError as e:
    print("ValueError:", e)


# CALL_STR_1: exact str, ints, floats, objects with __str__, str subclasses, and errors.
class S(str):
    pass


class WithStr:
    def __str__(self):
        return "with-str"


class StrReturnsSubclass:
    def __str__(self):
        return S("sub")


class BadStr:
    def __str__(self):
        return 42


class Raises:
    def __str__(self):
        raise RuntimeError("no str")


def to_str(x):
    return str(x)


for i in range(100):
    to_str(i)
values = [12, -3.5, "text", S("kept"), WithStr(), StrReturnsSubclass(), None, (1, "a"), [2.0], b"by"]
print([to_str(v) for v in values])
print([type(to_str(v)).__name__ for v in values])
for bad in (BadStr(), Raises()):
    try:
        to_str(bad)
    except Exception as e:
        print(type(e).__name__, e)


def str_rebound(n):
    out = []
    for i in range(n):
        out.append(str(i))
    return out


print(str_rebound(3))
str = lambda x: "shadowed"  # noqa: A001 -- the call site now calls a Python function
print(str_rebound(3))
del str
print(str_rebound(2))


# CONTAINS_OP_SET with many adds and discards (dummy slots reused and rebuilt).
def churn(n):
    s = set()
    hits = 0
    for i in range(n):
        s.add(i % 37)
        s.add(-(i % 11))
        if i % 5 in s:
            hits += 1
        s.discard((i * 7) % 37)
        if -(i % 3) not in s:
            hits += 100
    return hits, sorted(s)


print(churn(2000))
