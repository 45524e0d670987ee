# range beyond a machine word (up to what pyrt keeps: 128-bit bounds)
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
