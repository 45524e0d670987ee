class Rec:
    def __init__(self, key, tag):
        self.key, self.tag = key, tag
    def __repr__(self):
        return f"{self.key}{self.tag}"
recs = [Rec(k, t) for k, t in zip([3, 1, 2, 1, 3, 2, 1], "abcdefg")]
print(sorted(recs, key=lambda r: r.key))
print(sorted(recs, key=lambda r: r.key, reverse=True))
recs.sort(key=lambda r: -r.key)
print(recs)
