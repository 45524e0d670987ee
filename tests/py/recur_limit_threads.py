# The recursion limit belongs to the interpreter (a thread sees what another set), the depth
# to each thread (a thread started deep in recursion starts at depth 0).
import sys, _thread

def depth_reached(n=0):
    try:
        return depth_reached(n + 1)
    except RecursionError:
        return n

sys.setrecursionlimit(60)
print("main:", depth_reached())

done = _thread.allocate_lock()
done.acquire()
seen = []

def body():
    seen.append(("thread sees", sys.getrecursionlimit(), depth_reached()))
    sys.setrecursionlimit(80)
    done.release()

_thread.start_new_thread(body, ())
done.acquire()
print(seen)
print("main after the thread set it:", sys.getrecursionlimit(), depth_reached())

# A thread started from 40 frames deep counts its own frames from 0.
def start_deep(n):
    if n:
        return start_deep(n - 1)
    _thread.start_new_thread(lambda: (seen.append(depth_reached()), done.release()), ())
    done.acquire()

seen.clear()
start_deep(40)
print("thread started deep reaches:", seen)

# Too low for the current depth.
def at_depth(n):
    if n:
        return at_depth(n - 1)
    try:
        sys.setrecursionlimit(10)
    except RecursionError as e:
        print(type(e).__name__, e)
at_depth(20)
try:
    sys.setrecursionlimit(0)
except ValueError as e:
    print("ValueError", e)
