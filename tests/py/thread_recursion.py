# Deep recursion in a thread started by _thread raises RecursionError there, as in the main
# thread (a thread's native stack is as large as the main thread's).
import _thread

done = _thread.allocate_lock()
done.acquire()
out = []

def deep():
    nested = []
    for i in range(100000):
        nested = [nested]
    try:
        repr(nested)
    except RecursionError as e:
        out.append(str(e))
    def down(n):
        return down(n + 1)
    try:
        down(0)
    except RecursionError as e:
        out.append(str(e))
    done.release()

_thread.start_new_thread(deep, ())
done.acquire()
for line in out:
    print(line)
