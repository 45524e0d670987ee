# _thread locks: acquire/release/locked, blocking and timeout arguments, the context manager,
# errors, and RLock's recursion.
import _thread

lock = _thread.allocate_lock()
print(type(lock) is _thread.LockType, _thread.LockType)
print(lock.locked(), lock.acquire(), lock.locked())
print("non-blocking on a held lock:", lock.acquire(False), lock.acquire(blocking=False), lock.acquire(0))
print("timeout on a held lock:", lock.acquire(timeout=0.01), lock.acquire(True, 0.02), lock.acquire(True, 0))
lock.release()
print(lock.locked(), repr(lock).startswith("<unlocked _thread.lock object at 0x"))
lock.acquire()
print(repr(lock).startswith("<locked _thread.lock object at 0x"))
lock.release()
try:
    lock.release()
except RuntimeError as e:
    print("release:", type(e).__name__, e, _thread.error is RuntimeError)

with lock:
    print("inside with:", lock.locked())
print("after with:", lock.locked())
try:
    with lock:
        raise KeyError("k")
except KeyError as e:
    print("with released on error:", lock.locked(), repr(e))

for args, kwargs in [((False, 1), {}), ((), {"timeout": -2}), ((), {"blocking": False, "timeout": 0.5}),
                     ((1, 2, 3), {}), ((), {"foo": 1}), ((), {"timeout": "x"})]:
    try:
        lock.acquire(*args, **kwargs)
    except (ValueError, TypeError, OverflowError) as e:
        print(type(e).__name__, e)
for t in [1e100, 9.3e9, 2**70, float("nan"), None]:
    try:
        lock.acquire(timeout=t)
    except (ValueError, TypeError, OverflowError) as e:
        print(t, type(e).__name__, e)
print("bool timeout:", lock.acquire(timeout=True))
print(lock.locked(), _thread.TIMEOUT_MAX)

a = _thread.allocate_lock()
print("acquire_lock/release_lock:", a.acquire_lock(), a.locked_lock())
a.release_lock()
print(a.locked())

r = _thread.RLock()
print(type(r), r.acquire(), r.acquire(), r._is_owned(), r._recursion_count())
r.release()
print(r._is_owned(), r._recursion_count())
r.release()
print(r._is_owned(), r._recursion_count())
try:
    r.release()
except RuntimeError as e:
    print("RLock release:", e)
with r:
    with r:
        print("nested with:", r._recursion_count())
print(r._recursion_count(), r.acquire(blocking=False), r.acquire(timeout=0))
r.release()
r.release()
print(type(_thread.get_ident()).__name__, _thread.get_ident() == _thread.get_ident(), _thread.get_native_id() > 0)
print(_thread.lock is _thread.LockType, _thread.daemon_threads_allowed(), _thread._is_main_interpreter())
for exit in (_thread.exit, _thread.exit_thread):
    try:
        exit()
    except SystemExit as e:
        print(repr(e), e.args)
try:
    _thread.exit(1)
except TypeError as e:
    print(e)
