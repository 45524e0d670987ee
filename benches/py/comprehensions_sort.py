"""Comprehensions and sorting: list/dict/set comprehensions, sorted with keys, stable multi-key sorts."""
N = 90_000


def records(n):
    seed = 7
    out = []
    for i in range(n):
        seed = (seed * 69069 + 1) & 0xFFFFFFFF
        out.append((seed % 1000, "n" + str(seed % 9973), i))
    return out


def run(n):
    recs = records(n)
    by_score = sorted(recs, key=lambda r: r[0])
    by_name = sorted(recs, key=lambda r: (r[1], -r[0]))
    squares = [r[0] * r[0] for r in recs if r[0] % 3]
    groups = {r[0] % 100: r[2] for r in recs}
    names = {r[1] for r in recs}
    nested = [[x * y for x in range(12)] for y in range(n // 200)]
    recs.sort(key=lambda r: r[2] % 17)
    recs.sort(reverse=True)
    total = by_score[0][2] + by_score[-1][2] + by_name[n // 2][2] + sum(squares) % 100003
    total += len(groups) + len(names) + sum(sum(row) for row in nested) + recs[0][2] + sorted(squares)[len(squares) // 2]
    return total


print("checksum", run(N))
