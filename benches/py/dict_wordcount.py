"""Dict work: word counts over generated text, merges, lookups and deletions."""
N = 400_000

SYLLABLES = ["ka", "lo", "mi", "ne", "ru", "sa", "ti", "vo", "xe", "zu", "ba", "do"]


def words(n):
    seed = 42
    for _ in range(n):
        seed = (seed * 1103515245 + 12345) & 0x7FFFFFFF
        k = 1 + (seed >> 8) % 3
        w = ""
        s = seed
        for _ in range(k):
            w += SYLLABLES[s % 12]
            s //= 12
        yield w


counts = {}
for w in words(N):
    counts[w] = counts.get(w, 0) + 1
by_first = {}
for w, c in counts.items():
    by_first.setdefault(w[:2], {})[w] = c
for w in list(counts):
    if counts[w] % 7 == 0:
        del counts[w]
index = {w: i for i, w in enumerate(sorted(counts))}
hits = 0
for w in words(N // 2):
    if w in index:
        hits += index[w]
top = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:5]
print("checksum", len(counts), len(by_first), hits, top)
