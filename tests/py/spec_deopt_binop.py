# Binary operations and comparisons whose operand types change after specialisation.


def add(a, b):
    return a + b


def sub(a, b):
    return a - b


def mul(a, b):
    return a * b


print([add(i, 1) for i in range(4)])
print(add(1.5, 2.25), add("ab", "cd"), add([1], [2]), add((1,), (2,)))
print(add(True, True), add(1, 2.5), add(2.5, 1))

# Overflow of the machine word in the specialised int forms: big ints, exactly.
big = 2**62
print(add(big, big), add(-big, -big - big))
print(sub(-big, big + big), sub(5, 7))
print(mul(3037000500, 3037000500), mul(-(2**40), 2**40), mul(2**70, 3))
x = 1
for i in range(80):
    x = mul(x, 3)
print(x)


# The type of the operands changes mid-loop.
def total(values):
    t = 0
    for v in values:
        t = t + v
    return t


print(total([1, 2, 3, 4.5, 5, 6]))
print(total([1.5, 2.5, 3]))
try:
    total([1, 2, "3"])
except TypeError as e:
    print("TypeError:", e)


def less(a, b):
    return a < b


def same(a, b):
    return a == b


print([less(i, 2) for i in range(4)])
print(less(1.5, 2), less(2, 1.5), less("a", "b"), less(2**70, 1), less(1, 2**70))
print(same("x", "x"), same("x", "y"), same(1, 1.0), same(float("nan"), float("nan")))
print([same(s, "ab") for s in ["ab", "a" + "b", "ba"]])
try:
    less(1, "2")
except TypeError as e:
    print("TypeError:", e)

# Float results keep CPython's formatting.
acc = 0.0
for i in range(10):
    acc = acc + 0.1
    acc = acc * 1.0
print(acc, acc - 1.0)


class Num:
    def __init__(self, v):
        self.v = v

    def __add__(self, other):
        return Num(self.v + other.v)

    def __lt__(self, other):
        return self.v < other.v


r = add(Num(1), Num(2))
print(r.v, less(Num(1), Num(2)))
