# An exception that escapes a thread's function is printed as unraisable on stderr; SystemExit
# ends the thread silently; the main thread carries on.
import _thread, time

# The thread is counted by _thread._count() while its function runs and until its exception has
# been reported, so the main thread waits for the function to start, then for the count to drop.
started = _thread.allocate_lock()

class Job:
    def __init__(self, name, exc):
        self.name, self.exc = name, exc
    def __repr__(self):
        return "<Job %s>" % self.name
    def __call__(self, n):
        started.release()
        if self.exc is not None:
            raise self.exc(self.name * n)
        print("job", self.name, "ran")

def wait_for_threads():
    started.acquire()
    while _thread._count():
        time.sleep(0.005)

started.acquire()
_thread.start_new_thread(Job("a", ValueError), (2,))
wait_for_threads()
_thread.start_new_thread(Job("b", SystemExit), (1,))
wait_for_threads()
def quits():
    started.release()
    print("quitting")
    _thread.exit()
    print("not reached")

_thread.start_new_thread(quits, ())
wait_for_threads()
_thread.start_new_thread(Job("c", None), (1,))
wait_for_threads()

def nested():
    try:
        {}["missing"]
    except KeyError:
        raise RuntimeError("while handling")

class Nested(Job):
    def __call__(self, n):
        started.release()
        nested()

_thread.start_new_thread(Nested("e", None), (0,))
wait_for_threads()
_thread.start_new_thread(Job("d", ZeroDivisionError), (1,))
wait_for_threads()
print("main continues", _thread._count())
