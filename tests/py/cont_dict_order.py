# dict order under a deterministic mix of inserts, updates, deletes, pops and popitems
seed = 12345
def rnd(n):
    global seed
    seed = (seed * 1103515245 + 12345) % 2**31
    return seed % n
d = {}
log = []
for step in range(3000):
    op = rnd(10)
    k = rnd(60)
    key = k if k % 3 else "k" + str(k)
    if op < 5:
        d[key] = step
    elif op < 7:
        if key in d:
            del d[key]
    elif op < 8:
        log.append(d.pop(key, None))
    elif op < 9:
        if d:
            log.append(d.popitem())
    else:
        d.setdefault(key, -step)
    if step % 500 == 0:
        print(step, len(d), list(d)[:8], list(d.values())[-3:])
print(len(d), list(d.items())[:10], log[-10:])
print(list(reversed(d))[:5], sorted(d, key=str)[:5])
e = dict.fromkeys(range(10))
for i in range(0, 10, 2):
    del e[i]
e[0] = "again"
e.update({1: "one", 99: "new"})
print(e, list(e.keys()), list(e.values()), list(e.items())[-2:])
f = {}
for i in range(100):
    f[i] = i
for i in range(95):
    del f[i]
print(f, f.popitem(), f)
g = {i: i for i in range(5)}
g2 = {**g, 2: "two", 7: "seven"}
print(g2, g | {0: "zero"}, {0: "zero"} | g)
