# _thread._local: each thread sees its own attributes.
import _thread

loc = _thread._local()
loc.name = "main"
loc.values = [0]
print(loc.name, loc.__dict__)

seen = {}
guard = _thread.allocate_lock()
done = _thread.allocate_lock()
done.acquire()
remaining = [3]

def worker(k):
    before = hasattr(loc, "name")
    loc.name = "worker%d" % k
    loc.values = [k] * k
    mine = (loc.name, loc.values, sorted(loc.__dict__))
    with guard:
        seen[k] = (before, mine)
        remaining[0] -= 1
        if remaining[0] == 0:
            done.release()

for k in range(1, 4):
    _thread.start_new_thread(worker, (k,))
done.acquire()
for k in sorted(seen):
    print(k, seen[k])
print("main still sees:", loc.name, loc.values)

try:
    loc.missing
except AttributeError as e:
    print(e)
del loc.name
try:
    del loc.name
except AttributeError as e:
    print(e)
try:
    loc.__dict__ = {}
except AttributeError as e:
    print(e)
try:
    _thread._local(1)
except TypeError as e:
    print(e)
print(type(loc).__name__ in ("_local", "_thread._local"), sorted(loc.__dict__))
