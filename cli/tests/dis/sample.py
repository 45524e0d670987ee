import sys


def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)


class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y

    def norm1(self):
        return abs(self.x) + abs(self.y)


try:
    total = sum(fib(i) for i in range(10))
except ZeroDivisionError as e:
    total = -1
finally:
    print(f"{total:>5}", [p.norm1() for p in (Point(1, -2), Point(3, 4))], file=sys.stderr)
