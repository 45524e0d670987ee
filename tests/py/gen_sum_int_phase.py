# sum() over ints kept in a machine word while they fit (CPython's i_result), and every way out
# of that phase: overflow, big ints, bools, int subclasses, floats, other types, errors.
import sys

M = sys.maxsize
print(sum(x * x for x in range(1000)))
print(sum(range(10), 5), sum([], 7), sum(iter([]), -3))
print(sum([M, 1]), sum([M, M, -M]), sum([-M - 1, -1]), sum([-M, -M, 2 * M + 2]))
print(sum([1, 2 ** 70, 3]), sum([2 ** 70, -(2 ** 70), 5]), sum([3], 2 ** 80))
print(sum([True, True, 1]), type(sum([True, False])).__name__, sum([], True), sum([True], True))
print(sum([1, 2.5, 3]), sum([1, 2, 0.5, 10 ** 30]), sum([1.5, 2, 3]))
print(sum([1, 2, 3j]), sum([1, 2], 0.0))

class MyInt(int):
    def __add__(self, other):
        return MyInt(int(self) + int(other) + 100)
    def __radd__(self, other):
        return MyInt(int(self) + int(other) + 1000)

r = sum([1, 2, MyInt(3), 4])
print(r, type(r).__name__)
print(sum([MyInt(1), 2]), sum([1, 2], MyInt(0)))

class Num:
    def __radd__(self, other):
        return ("radd", other)

print(sum([1, 2, Num()]))
try:
    sum([1, 2, "x"])
except TypeError as e:
    print("TypeError:", e)
try:
    sum([1, None])
except TypeError as e:
    print("TypeError:", e)

def failing():
    yield 1
    yield 2
    raise ValueError("boom")

try:
    sum(failing())
except ValueError as e:
    print("ValueError:", e)

class Revived:
    """An iterator that yields again after it said it was done: sum() stops at the first end."""
    def __init__(self, items):
        self.items = list(items)
        self.calls = 0
    def __iter__(self):
        return self
    def __next__(self):
        self.calls += 1
        if self.calls == len(self.items) + 1:
            raise StopIteration
        if self.calls > len(self.items) + 1:
            return 1000
        return self.items[self.calls - 1]

it = Revived([1, 2, 3])
print(sum(it), it.calls)
it = Revived([1, 2 ** 70])
print(sum(it), it.calls)
it = Revived([1, 2.5])
print(sum(it), it.calls)
