class C:
    shared = []
    value = 1
a, b = C(), C()
a.shared.append(1)
a.value = 2
print(b.shared, b.value, a.value, C.value)
C.value = 10
print(a.value, b.value)
del a.value
print(a.value)
class Counter:
    n = 0
    def inc(self):
        self.n += 1
x = Counter(); x.inc(); x.inc()
print(x.n, Counter.n, "n" in vars(x))
