//! Deep recursion on an embedder's thread with a small native stack: native recursion through
//! slots (`__repr__`, `__eq__`, `__hash__`, `__getattr__`, `__init__`, nested containers) gives
//! `RecursionError` at CPython's limits, with CPython's messages, and never overflows the
//! thread's stack (the runtime grows it on demand at its native re-entry points).

use pyrt::{ExcKind, Interpreter, InterpreterConfig, Runtime};

/// 256 KiB: a tenth of what 1000 levels of `__repr__` recursion take in a release build.
const SMALL_STACK: usize = 256 * 1024;

/// Runs `f` on a fresh thread with a [`SMALL_STACK`] stack and returns its result.
fn on_small_stack<R: Send + 'static>(f: impl FnOnce() -> R + Send + 'static) -> R {
    std::thread::Builder::new().stack_size(SMALL_STACK).spawn(f).expect("spawns").join().expect("no panic")
}

const CAUGHT: &str = r#"
import sys
def catch(f):
    try:
        f()
    except RecursionError as e:
        return str(e)
    return "no error"

class R:
    def __repr__(self):
        return repr(self)
assert catch(lambda: repr(R())) == "maximum recursion depth exceeded", catch(lambda: repr(R()))

class Eq:
    def __eq__(self, other):
        return self == other
assert catch(lambda: Eq() == Eq()) == "maximum recursion depth exceeded"

class H:
    def __hash__(self):
        return hash(self)
assert catch(lambda: {H()}) == "maximum recursion depth exceeded"

class Loop:
    def __getattr__(self, name):
        return getattr(self, name + "x")
assert catch(lambda: Loop().a) == "maximum recursion depth exceeded"

class InitLoop:
    def __init__(self):
        InitLoop()
assert catch(InitLoop) == "maximum recursion depth exceeded"

d = {}
cur = d
for _ in range(30000):
    cur["k"] = {}
    cur = cur["k"]
msg = catch(lambda: repr(d))
assert msg == "maximum recursion depth exceeded while getting the repr of an object", msg

def nest(n):
    l = []
    for _ in range(n):
        l = [l]
    return l
a, b = nest(30000), nest(30000)
assert catch(lambda: a == b) == "maximum recursion depth exceeded in comparison"

def gen(n):
    yield next(gen(n + 1))
assert catch(lambda: next(gen(0))) == "maximum recursion depth exceeded"

# The Python frames counted are the limit's: the depth reached is the limit, not what the
# thread's small stack would hold.
depth = 0
class Count:
    def __repr__(self):
        global depth
        depth += 1
        return repr(self)
catch(lambda: repr(Count()))
assert 990 < depth < 1000, depth
print("ok")
"#;

#[test]
fn native_recursion_on_a_small_thread_stack_is_a_recursion_error() {
    Runtime::initialize();
    on_small_stack(|| {
        let interp = Interpreter::new(InterpreterConfig::isolated()).unwrap();
        interp.attach(|py| pyrt::run::exec(py, CAUGHT.as_bytes(), "<caught>")).unwrap().unwrap();
        interp.destroy().unwrap();
    });
}

#[test]
fn uncaught_native_recursion_on_a_small_thread_stack_comes_back_as_the_error() {
    Runtime::initialize();
    on_small_stack(|| {
        let interp = Interpreter::new(InterpreterConfig::isolated()).unwrap();
        let source = b"class Loop:\n    def __repr__(self):\n        return f'Loop({self!r})'\nrepr(Loop())\n";
        let err = interp.attach(|py| pyrt::run::exec(py, source, "<uncaught>")).unwrap().unwrap_err();
        assert_eq!(err.kind(), ExcKind::Other("RecursionError".into()));
        assert_eq!(err.message(), "maximum recursion depth exceeded");
        // The thread's interpreter is still usable afterwards.
        interp.attach(|py| pyrt::run::exec(py, b"assert sum(range(10)) == 45", "<after>")).unwrap().unwrap();
        interp.destroy().unwrap();
    });
}
