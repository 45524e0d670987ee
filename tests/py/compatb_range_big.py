# range beyond a machine word: 128-bit fast bounds and big-int bounds (range_big.rs)
r = range(10**20)
print(r, r[-1], r[10**19], 10**19 in r, r.index(5*10**19), r.count(3))
try:
    print(len(r))
except OverflowError as e:
    print("OE", e)
print(len(range(2**62)))
s = range(0, 2**70, 2**65)
print(len(s), list(s)[:3], s[::-1], s[1:3], list(reversed(s))[:2])
print(hash(s) == hash(range(0, 2**70, 2**65)), s == range(0, 2**70 - 1, 2**65))
print(list(reversed(range(2**64, 2**64 + 3))), list(iter(range(2**64, 2**64 + 3))))
print(range(-2**100, 2**100).index(0), bool(range(2**100, 2**100)), range(2**100).stop)
print(range(2**100)[2**90:2**91:3], 2**99 in range(0, 2**100, 2), 2**99 + 1 in range(0, 2**100, 2))
try:
    range(2**64).index(-1)
except ValueError as e:
    print("VE", e)
r = range(2**200)
print(r, r[-1] == 2**200 - 1, 2**199 in r, -1 in r, r.index(2**150), r.count(5), r.count(-5))
print(range(2**200)[2**100:2**101:3], r.start, r.stop, r.step, bool(r), bool(range(2**200, 2**200)))
try:
    len(r)
except OverflowError as e:
    print("OE", e)
b = range(2**130, 2**130 + 10, 3)
print(b, len(b), list(b), list(reversed(b)), b[1], b[-1], b[::-1], b[1:3], b[5:], len(b[5:]))
print(hash(b) == hash(range(2**130, 2**130 + 10, 3)), b == range(2**130, 2**130 + 11, 3), b != range(2**130, 2**130 + 10, 2))
print(range(2**130, 2**130) == range(0), hash(range(2**130, 2**130)) == hash(range(0)))
print(range(2**130, 2**131, 2**129), list(range(-2**130, 2**131, 2**130)))
try:
    b[4]
except IndexError as e:
    print("IE", e)
try:
    b.index(2**130 + 1)
except ValueError as e:
    print("VE", e)
try:
    range(2**130, 2**131, 0)
except ValueError as e:
    print("VE", e)
try:
    b["x"]
except TypeError as e:
    print("TE", e)
print(2.0 * 0 in range(2**200), 2**130 + 3 in b, (2**130 + 3) * 1.0 in b)
print(range(10)[0:2**200], range(10)[-2**200:3], range(5)[::2**200], range(0, 2**100)[::2**30][:2])
it = iter(range(2**200, 2**200 + 2))
print(next(it) - 2**200, next(it) - 2**200)
rr = range(10**40, 0, -10**39)
print(rr, len(rr), rr[3], 10**39 in rr, rr.index(5 * 10**39), list(rr)[-2:])
