# Automatic collection driven by allocations: cycles made in a loop are freed without
# gc.collect(), and collecting while allocating does not crash.
import gc
import _weakref

gc.set_threshold(100)
freed = []


class Node:
    def __init__(self, i):
        self.i = i
        self.me = self
        self.children = [self, {"parent": self}]


refs = []
for i in range(3000):
    n = Node(i)
    if i % 100 == 0:
        refs.append(_weakref.ref(n, lambda r: freed.append(1)))
    del n
print("automatic collections freed cycles:", len(freed) >= 20)

# collections that run while finalizers allocate
count = 0


class Alloc:
    def __del__(self):
        global count
        count += 1
        junk = [[j] for j in range(50)]
        junk.append(junk)


for i in range(500):
    a = Alloc()
    a.cycle = [a]
    del a
gc.collect()
print("finalizers ran:", count == 500)
gc.collect()
print(gc.collect())
