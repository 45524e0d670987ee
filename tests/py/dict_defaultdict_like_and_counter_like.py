class Counter(dict):
    def __missing__(self, k):
        return 0
    def most_common(self, n):
        return sorted(self.items(), key=lambda kv: (-kv[1], kv[0]))[:n]
c = Counter()
for w in "the quick brown the lazy the quick end".split():
    c[w] += 1
print(c, c.most_common(2), c["absent"], "absent" in c)
