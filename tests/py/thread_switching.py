# Two busy threads both make progress: a thread spinning in a loop lets the others run (at its
# eval-breaker checks), and time.sleep lets others run while it waits.
import _thread, time

stop = []
ticks = [0, 0]
finished = _thread.allocate_lock()
finished.acquire()

def spin(i):
    while not stop:
        ticks[i] += 1
    finished.release()

_thread.start_new_thread(spin, (1,))
# The main thread spins too, until the other thread has been seen to make progress.
while ticks[1] < 1000:
    ticks[0] += 1
stop.append(True)
finished.acquire()
print("both progressed:", ticks[0] > 0, ticks[1] >= 1000)

# A sleeping thread wakes up while another spins.
woke = []
def sleeper():
    time.sleep(0.02)
    woke.append("awake")
_thread.start_new_thread(sleeper, ())
n = 0
while not woke:
    n += 1
print(woke, n > 0)

# A blocked acquire lets the holder's thread run and release.
gate = _thread.allocate_lock()
gate.acquire()
log = []
def opener():
    log.append("opening")
    gate.release()
_thread.start_new_thread(opener, ())
print("acquired:", gate.acquire(timeout=30), log)
