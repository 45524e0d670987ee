class Counter:
    instances = 0
    def __init__(self):
        Counter.instances += 1
        self.n = 0
    def incr(self, by=1):
        self.n += by
        return self
c = Counter()
Counter()
print(Counter.instances, c.incr().incr(5).n)
m = c.incr
print(m(2).n)
class WithStr:
    def __str__(self):
        return "custom str"
print(WithStr(), str(WithStr()))
class Len:
    def __len__(self):
        return 3
    def __getitem__(self, i):
        if i >= 3:
            raise IndexError(i)
        return i * 10
    def __contains__(self, x):
        return x == 42
print(len(Len()), list(Len()), 42 in Len(), 1 in Len(), bool(Len()))
