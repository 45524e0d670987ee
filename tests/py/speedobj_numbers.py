# Floats and ints made and freed in quick succession (blocks kept and reused per size class):
# values, reprs, identity of small ints, big ints mixed with word-sized ones, subclasses.
import sys

acc = 0.0
vals = []
for i in range(1, 2000):
    x = i * 0.1
    y = x * x - x / 3.0
    acc += y ** 0.5 if y > 0 else -y
    if i % 400 == 0:
        vals.append(repr(y))
print(repr(acc), vals)
print(0.1 + 0.2, 1e300 * 1e10, -0.0, 2.5 ** -1.5, float("nan") != float("nan"))

n = 0
big = 1
for i in range(300):
    n += i * i
    big = big * 3 + i
    if i % 97 == 0:
        print(i, n, big % 1000003, len(str(big)))
print(n, big.bit_length(), 2 ** 64 + 1 - 2 ** 64, type(2 ** 64 - 2 ** 64 + 5))

# Word ints and big ints share the heap: a big one freed, then many small ones.
xs = [2 ** 70 + i for i in range(50)]
del xs
ys = [1000 + i for i in range(300)]
print(sum(ys), ys[-1], (10 ** 20) // 7, -(10 ** 20) % 7)

# Small ints stay the cached objects; results of arithmetic are equal whatever block they use.
a = 200
b = 56
c = 256
print((a + b) is c, a * 2 + 1, 257 - 1 == c)

# Subclasses never use the kept blocks; their instances keep their dicts and types.
class F(float):
    pass


class I(int):
    pass


fs = [F(i / 7) for i in range(100)]
is_ = [I(i) for i in range(100)]
fs[3].tag = "three"
print(type(fs[3]).__name__, fs[3].tag, repr(fs[50]), type(is_[5] + 1).__name__, is_[99] * 2)
del fs, is_
floats = [i / 3 for i in range(500)]
print(repr(sum(floats)), repr(floats[-1]), min(floats), sys.float_info.max > 1e308)

# Errors keep their messages.
for expr in ("1.0 / 0", "1 // 0", "(-8.0) ** 0.5 + 0", "10.0 ** 400", "int('x')"):
    try:
        print(eval(expr))
    except Exception as e:
        print(type(e).__name__, e)
