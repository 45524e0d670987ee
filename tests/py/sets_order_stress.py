# Iteration order of int sets after long mixed operation sequences must be CPython's: same
# table layout (linear probes, perturbation, dummies, resizes, pop's finger, set algebra).
seed = 12345
def rnd(n):
    global seed
    seed = (seed * 1103515245 + 12345) % 2147483648
    return seed % n
a = set()
b = set()
for step in range(4000):
    op = rnd(10)
    x = rnd(600) - 100
    if op < 4:
        a.add(x)
    elif op < 6:
        a.discard(x)
    elif op == 6 and a:
        a.pop()
    elif op == 7:
        b.add(x * 7)
    elif op == 8:
        b.discard(x * 7)
    else:
        b.add(-x)
    if step % 500 == 499:
        print(step, len(a), list(a)[:25])
        print(step, len(b), list(b)[:25])
print(list(a | b)[:40])
print(list(a & b)[:40])
print(list(a - b)[:40])
print(list(b - a)[:40])
print(list(a ^ b)[:40])
c = set(a)
c |= b
c -= set(range(0, 600, 3))
print(list(c)[:40])
c &= set(range(-50, 400))
print(list(c)[:40])
c ^= {1, 2, 3, 1000, 2**40, -2**40}
print(list(c)[:40])
print(list(frozenset(a))[:30], hash(frozenset(a)), hash(frozenset(b)))
big = set(range(0, 200000, 7))
print(len(big), list(big)[:10], list(big)[-10:])
for i in range(0, 200000, 14):
    big.discard(i)
print(len(big), list(big)[:10], list(big)[-10:])
pops = [big.pop() for _ in range(10)]
print(pops)
print(list({2**61 - 1, 2**61, 2**61 + 1, -1, -2, 2**64, 10**20})[:10])
print(list({0.5, 1.5, 2.0, -0.0, 3.25, 1e100}))
print(list({(1, 2), (2, 1), (), (0,), None, True, False}))
