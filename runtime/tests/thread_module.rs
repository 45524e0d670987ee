//! Python threads started by `_thread` in each interpreter kind — with its own lock (`Own`), with
//! the shared legacy lock, and free-threaded: four threads hammering one list and one dict lose
//! nothing, and a thread spinning in a busy loop does not starve the others (switches happen at
//! eval-breaker checks: the lock's drop requests, or the free-threaded language lock's hand-off).

use pyrt::{Interpreter, InterpreterConfig, Runtime};

/// The kinds of interpreter, by name.
fn kinds() -> [(&'static str, InterpreterConfig); 3] {
    [
        ("own lock", InterpreterConfig::isolated()),
        ("legacy", InterpreterConfig::legacy()),
        ("free-threaded", InterpreterConfig::free_threaded()),
    ]
}

/// Runs `source` as `__main__` in a fresh interpreter of each kind; the script raises (and the
/// test fails) if a check fails. It must wait for its threads before it ends.
fn run_in_every_kind(source: &str) {
    Runtime::initialize();
    for (name, config) in kinds() {
        let interp = Interpreter::new(config).unwrap();
        let result = interp.attach(|py| pyrt::run::exec(py, source.as_bytes(), "<threads>")).unwrap();
        if let Err(e) = result {
            panic!("{name}: {}", e.message());
        }
        interp.destroy().unwrap();
    }
}

/// Python that waits (detached, in `time.sleep`) until every `_thread` thread has ended.
const WAIT_FOR_THREADS: &str = "
while _thread._count():
    time.sleep(0.001)
";

#[test]
fn four_threads_hammering_one_list_and_one_dict_lose_nothing() {
    let source = format!(
        "
import _thread, time
THREADS, N = 4, 2000
shared = []
table = {{}}
finished = []
finished_lock = _thread.allocate_lock()
all_done = _thread.allocate_lock()
all_done.acquire()

def hammer(k):
    for i in range(N):
        shared.append((k, i))
        table[(k, i)] = i
        table.setdefault(i % 50, []).append(k)
        if i % 7 == 0:
            with finished_lock:
                table['count'] = table.get('count', 0) + 1
    with finished_lock:
        finished.append(k)
        if len(finished) == THREADS:
            all_done.release()

for k in range(THREADS):
    _thread.start_new_thread(hammer, (k,))
assert all_done.acquire(timeout=120), 'the threads did not finish'
assert sorted(finished) == list(range(THREADS)), finished
assert len(shared) == THREADS * N, len(shared)
assert sorted(shared) == [(k, i) for k in range(THREADS) for i in range(N)]
assert sum(1 for key in table if isinstance(key, tuple)) == THREADS * N
assert all(table[(k, i)] == i for k in range(THREADS) for i in range(N))
assert all(sorted(table[j]) == sorted(list(range(THREADS)) * (N // 50)) for j in range(50))
assert table['count'] == THREADS * len(range(0, N, 7)), table['count']
{WAIT_FOR_THREADS}"
    );
    run_in_every_kind(&source);
}

#[test]
fn a_busy_loop_does_not_starve_other_threads() {
    let source = format!(
        "
import _thread, time
deadline = time.monotonic() + 60
stop = []
spins = [0]
work = []

def busy():
    while True:
        spins[0] += 1
        if stop:
            break

def worker():
    for i in range(500):
        work.append(i)

_thread.start_new_thread(busy, ())
while spins[0] == 0 and time.monotonic() < deadline:
    pass
assert spins[0] > 0, 'the busy thread never ran'
_thread.start_new_thread(worker, ())
# The main thread spins too: both it and the busy thread must let the worker run.
while len(work) < 500 and time.monotonic() < deadline:
    pass
assert work == list(range(500)), len(work)
before = spins[0]
while spins[0] == before and time.monotonic() < deadline:
    pass
assert spins[0] > before, 'the busy thread was starved'
stop.append(True)
{WAIT_FOR_THREADS}"
    );
    run_in_every_kind(&source);
}

#[test]
fn a_blocked_acquire_and_sleep_let_other_threads_run() {
    let source = format!(
        "
import _thread, time
gate = _thread.allocate_lock()
gate.acquire()
log = []

def opener():
    time.sleep(0.01)
    log.append('opened')
    gate.release()

_thread.start_new_thread(opener, ())
assert gate.acquire(timeout=60), 'the opener never ran'
assert log == ['opened'], log
t0 = time.monotonic()
assert not gate.acquire(timeout=0.05)
assert time.monotonic() - t0 >= 0.04
gate.release()
local = _thread._local()
local.x = 'main'
seen = []
done = _thread.allocate_lock()
done.acquire()
def reader():
    seen.append(getattr(local, 'x', None))
    local.x = 'reader'
    seen.append(local.x)
    done.release()
_thread.start_new_thread(reader, ())
done.acquire()
assert seen == [None, 'reader'], seen
assert local.x == 'main'
{WAIT_FOR_THREADS}"
    );
    run_in_every_kind(&source);
}
