# Fast paths of int and float arithmetic: results and errors must be the generic ones.
import sys

vals = [0, 1, -1, 7, -7, 2, -2, 255, 256, 257, -5, -6, 2**31, -2**31, 2**53, 2**53 + 1,
        2**62, -2**62, 2**63 - 1, -2**63, 10**20, -10**20]
ops = ["+", "-", "*", "//", "%", "&", "|", "^", "<<", ">>", "/", "**"]
results = []
for a in vals:
    for b in vals:
        for op in ops:
            if op == "**" and (b > 64 or b < -3 or abs(a) > 2**20):
                continue
            if op == "<<" and b > 100:
                continue
            try:
                r = eval(f"a {op} b")
            except Exception as e:
                r = type(e).__name__ + ": " + str(e)
            results.append((a, op, b, r))
print(len(results))
print(hash(tuple(map(repr, results))) == hash(tuple(map(repr, results))))
for row in results[::97]:
    print(row)

# Floats, and floats with ints
fvals = [0.0, -0.0, 1.5, -2.25, 1e308, -1e308, 1e-320, float("inf"), float("-inf"), float("nan"), 3, -4, 2**60]
for a in fvals:
    for b in fvals:
        row = []
        for op in ["+", "-", "*", "/", "**"]:
            if op == "**" and type(a) is int and type(b) is int:
                continue
            try:
                row.append(repr(eval(f"a {op} b")))
            except Exception as e:
                row.append(type(e).__name__ + ": " + str(e))
        print(repr(a), repr(b), row)

# In-place operators and small-int identity
x = 200
x += 56
print(x is int('256'), x == 256)
y = 1000
z = y
y += 1
print(z, y, z is y)
# A dying float reused in place must never change a value someone still holds
a = 1.25
b = a * 2.0 + a
print(a, b)
lst = [0.5, 1.5]
t = lst[0] + lst[1] * 3.0
print(lst, t)
acc = 0.0
keep = []
for i in range(5):
    acc = acc + i * 0.5
    keep.append(acc)
print(keep)
n = 10**6
m = n * 3 + 1
print(n, m, (m - 1) // 3 == n)
big = 2**63 - 1
print(big + 1, -big - 2, big * 2, (-2**63) // -1, (-2**63) % -1)
print(1 / 3, 2**53 / 3, (2**53 + 1) / 3, 7 / -2, -7 // 2, -7 % 2, 7 % -2, 7 >> 70, -7 >> 70, 1 << 62, 1 << 63)
print((-8.0) ** 0.5, 2.0 ** -1, 0.5 ** 2, 10.0 ** 400 if False else "skip")
for bad in ["1 // 0", "1 % 0", "1 / 0", "1.0 / 0", "1.0 / 0.0", "0.0 ** -1", "10.0 ** 400", "1 << -1", "1 >> -1"]:
    try:
        eval(bad)
    except Exception as e:
        print(bad, "->", type(e).__name__, e)


class MyInt(int):
    def __add__(self, other):
        return "MyInt.__add__"

    def __radd__(self, other):
        return "MyInt.__radd__"


class MyFloat(float):
    def __truediv__(self, other):
        return "MyFloat.__truediv__"


print(MyInt(3) + 4, 4 + MyInt(3), MyFloat(1.0) / 2.0, 3.0 / MyFloat(2.0))
