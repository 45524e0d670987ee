# Threads started with _thread.start_new_thread append to one list and one dict under a lock;
# the main thread waits for them through a lock released by the last one.
import _thread

N, M = 4, 300
results = []
table = {}
counter = [0]
guard = _thread.allocate_lock()
all_done = _thread.allocate_lock()
all_done.acquire()
idents = []

def worker(k, step, *, tag):
    me = _thread.get_ident()
    for j in range(M):
        with guard:
            results.append((k, j * step))
            table[(k, j)] = tag
    with guard:
        idents.append(me)
        counter[0] += 1
        if counter[0] == N:
            all_done.release()

print("count before:", _thread._count())
for k in range(N):
    ident = _thread.start_new_thread(worker, (k, 2), {"tag": "t%d" % k})
    print("started", type(ident).__name__)
all_done.acquire()
print(len(results), len(table), counter[0])
print(sorted(results)[:3], sorted(results)[-2:])
print(sorted(set(table.values())))
print(all(table[(k, j)] == "t%d" % k for k in range(N) for j in range(M)))
print("idents:", len(idents), all(type(i) is int for i in idents), _thread.get_ident() not in idents)

# A thread whose callable takes no arguments, and a bound method.
class Box:
    def __init__(self):
        self.items = []
        self.done = _thread.allocate_lock()
        self.done.acquire()
    def fill(self, n):
        self.items.extend(range(n))
        self.done.release()

b = Box()
_thread.start_new_thread(b.fill, (5,))
b.done.acquire()
print(b.items)

for bad in [(1, ()), (print, []), (print, (), [])]:
    try:
        _thread.start_new_thread(*bad)
    except TypeError as e:
        print("TypeError:", e)
