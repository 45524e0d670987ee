seed = 12345
def rand():
    global seed
    seed = (seed * 1103515245 + 12345) % (2 ** 31)
    return seed
data = [rand() % 1000 for _ in range(3000)]
s = sorted(data)
print(s[:10], s[-10:], s[1500], sum(s[::100]))
pairs = [(rand() % 10, i) for i in range(2000)]
ps = sorted(pairs, key=lambda p: p[0])
print(ps[:5], ps[-5:], all(ps[i] <= ps[i + 1] for i in range(len(ps) - 1)))
strs = [str(rand() % 100000) for _ in range(500)]
print(sorted(strs)[:8], sorted(strs, key=int)[:8])
print(sorted(data, reverse=True)[:5], sorted(range(100), key=lambda x: x % 7)[:15])
