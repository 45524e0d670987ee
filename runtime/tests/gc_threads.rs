//! The cycle collector with several host threads in one free-threaded interpreter: threads make
//! cycles watched by weak references and call weak references to objects other threads own
//! (biased counts: a stranger's call takes the referent with a try-increment against its
//! owner's last decrement), while another thread collects and lists the heap (`gc.collect()`
//! stops the world, clears the weak references to the garbage during the stop;
//! `gc.get_objects()` takes its references during a stop). Nothing crashes, every callback runs
//! exactly once, and no weak reference hands out a dead object.

use pyrt::{Interpreter, InterpreterConfig, Runtime};

const SETUP: &[u8] = b"
import sys
sys.fired = []
sys.published = []
sys.watchers = []
";

/// Makes `ROUNDS` cycles, each watched by a weak reference with a callback; publishes some
/// objects it owns and calls the weak references the others published.
const MAKER: &[u8] = b"
import sys, _weakref
class Node:
    pass
fired = sys.fired
published = sys.published
keep = []
for i in range(400):
    a = Node(); b = Node()
    a.other = b; b.other = a
    sys.watchers.append(_weakref.ref(a, lambda r: fired.append(1)))
    live = Node()
    live.n = i
    keep.append(live)
    published.append(_weakref.ref(live))
    for r in published[-20:]:
        o = r()
        if o is not None:
            assert isinstance(o.n, int)
    if len(keep) > 50:
        keep.pop(0)
    del a, b, live
";

/// Collects and lists the heap while the makers run.
const COLLECTOR: &[u8] = b"
import gc, sys
for i in range(30):
    gc.collect(i % 3)
    objs = gc.get_objects()
    assert all(o is not None for o in objs)
    del objs
";

#[test]
fn collections_race_makers_of_cycles_and_weak_reference_calls() {
    Runtime::initialize();
    let interp = Interpreter::new(InterpreterConfig::free_threaded()).unwrap();
    interp.attach(|py| pyrt::run::exec(py, SETUP, "<setup>")).unwrap().unwrap();
    const MAKERS: usize = 3;
    std::thread::scope(|s| {
        for _ in 0..MAKERS {
            s.spawn(|| interp.attach(|py| pyrt::run::exec(py, MAKER, "<maker>")).unwrap().unwrap());
        }
        s.spawn(|| interp.attach(|py| pyrt::run::exec(py, COLLECTOR, "<collector>")).unwrap().unwrap());
    });
    let check = b"
import gc, sys
gc.collect()
assert len(sys.fired) == 3 * 400, len(sys.fired)
assert all(r() is None or isinstance(r().n, int) for r in sys.published)
assert sum(r() is not None for r in sys.published) <= 3 * 51
";
    interp.attach(|py| pyrt::run::exec(py, check, "<check>")).unwrap().unwrap();
    interp.destroy().unwrap();
}
