//! A signal interrupts the main thread blocked in `_thread.lock.acquire`: its handler runs (here
//! the default `SIGINT` one, `KeyboardInterrupt`) while the lock is still held elsewhere, as
//! CPython's `acquire` returns on `EINTR`. Alone in its file: the thread that initialises the
//! runtime is the main OS thread, the one signals are delivered to.

use std::time::Duration;

use pyrt::Runtime;

#[test]
fn sigint_interrupts_a_blocked_acquire_on_the_main_thread() {
    Runtime::initialize();
    let tripper = std::thread::spawn(|| {
        std::thread::sleep(Duration::from_millis(200));
        Runtime::trip_signal(pyrt::state::SIGINT);
    });
    let source = b"
import _thread, time
held = _thread.allocate_lock()
held.acquire()
t0 = time.monotonic()
try:
    held.acquire(timeout=60)
    raise AssertionError('acquire returned')
except KeyboardInterrupt:
    pass
assert time.monotonic() - t0 < 30, 'the signal did not interrupt the wait'
assert held.locked()
";
    let result = pyrt::attach(|py| pyrt::run::exec(py, source, "<sigint>"));
    tripper.join().unwrap();
    if let Err(e) = result {
        panic!("{}", e.message());
    }
}
