//! The specialiser under threads that really run at once: four threads of one free-threaded
//! interpreter run the eval loop directly (through `abstract_ops::call`, without `pyrt::run`'s
//! language lock) over instances of three classes whose attribute `x` sits at a different
//! place in each (value index 0, value index 1, a `__slots__` member), while a fifth thread
//! keeps changing one class's attributes. Every instruction of the hot loop keeps being
//! deoptimised and re-published (the classes alternate at every iteration, and the mutator
//! takes tags away; it stores immortal small ints, so no value it replaces can be freed under
//! a reader — reclamation is not part of this protocol), so the publication protocol runs thousands of times against readers of
//! the same caches; a reader that took a value index from one publication and a version from
//! another would read `y` for `x` (or a wrong member), which the Python code counts.

use std::sync::Arc;

use crate::Runtime;
use crate::object::abstract_ops as ops;
use crate::object::dict::as_dict;
use crate::object::int::{int_value, new_int};
use crate::object::{Bound, Py};
use crate::{Interpreter, InterpreterConfig};

const SOURCE: &str = "\
class A:
    X = 1
    k = 0
    def __init__(self):
        self.x = 1
        self.y = 10
    def m(self):
        return self.x * 1000 + self.k
class B:
    X = 2
    k = 7
    def __init__(self):
        self.y = 20
        self.x = 2
    def m(self):
        return self.x * 1000 + self.k
class C:
    __slots__ = ('y', 'x')
    X = 3
    k = 9
    def __init__(self):
        self.y = 30
        self.x = 3
    def m(self):
        return self.x * 1000 + self.k
objs = (A(), B(), C())
def work(n):
    bad = 0
    for i in range(n):
        o = objs[i % 3]
        x = o.x
        if x != o.X:
            bad += 1
        extra = o.m() - x * 1000
        if extra < 0 or extra >= 50:
            bad += 1
    return bad
def mutate(n):
    for i in range(n):
        A.k = i % 50
    return 0
";

/// Calls the global function `name` of `globals` with `n`, attached to `interp` on this thread.
fn call_global(interp: &Interpreter, globals: &Py, name: &str, n: i64) -> i64 {
    interp
        .attach(|py| {
            let g = globals.clone_ref(py).bind(py);
            let f = as_dict(&g).and_then(|d| d.get_str(&crate::object::intern(name).ob_base)).expect("the function");
            let r = ops::call(&f, &[new_int(n).unwrap()], None).expect("runs");
            int_value(&r).expect("an int")
        })
        .expect("attached")
}

/// Runs the module `source` in a fresh free-threaded interpreter, then calls its `work(n)` on
/// `readers` threads and `writer(n / writer_share)` on one more, at once and without the
/// language lock (`n`: `PYRT_FT_ITER`, else `default_n`); gives back each call's result
/// (the `work` functions count what they saw go wrong).
pub(super) fn readers_and_a_writer(
    source: &str,
    readers: usize,
    default_n: i64,
    writer: &'static str,
    writer_share: i64,
) -> Vec<i64> {
    Runtime::initialize();
    let interp = Interpreter::new(InterpreterConfig::free_threaded()).unwrap();
    let globals: Py = interp
        .attach(|py| {
            let code = pyrt_compile::compile(source, "<ft>", pyrt_compile::Mode::Module).expect("compiles");
            let globals = crate::eval::run_module(code, "__main__", "<ft>").expect("runs");
            Bound::new_ref(py, &globals).unbind()
        })
        .unwrap();
    let globals = Arc::new(globals);
    let n: i64 = std::env::var("PYRT_FT_ITER").ok().and_then(|v| v.parse().ok()).unwrap_or(default_n);
    let mut threads: Vec<_> = (0..readers)
        .map(|_| {
            let (interp, globals) = (interp.clone(), globals.clone());
            std::thread::spawn(move || call_global(&interp, &globals, "work", n))
        })
        .collect();
    threads.push({
        let (interp, globals) = (interp.clone(), globals.clone());
        std::thread::spawn(move || call_global(&interp, &globals, writer, n / writer_share))
    });
    let results = threads.into_iter().map(|t| t.join().expect("no panic")).collect();
    drop(globals);
    interp.destroy().unwrap();
    results
}

#[test]
fn threads_reading_attributes_while_classes_change_and_instructions_are_republished() {
    let n = if cfg!(debug_assertions) { 6_000 } else { 60_000 };
    for bad in readers_and_a_writer(SOURCE, 4, n, "mutate", 2) {
        assert_eq!(bad, 0, "a reader used a value its guard did not validate");
    }
}

/// `UNPACK_SEQUENCE_LIST` against a list that another thread keeps refilling with new objects
/// and resizing: the form's length test and its reads of the items run in one section, so a
/// reader that unpacks two items sees two items of one fill (equal, and alive: the writer's
/// fresh tuples are freed as soon as it replaces them), and a list of three raises ValueError.
const UNPACK_LIST_SOURCE: &str = "\
shared = [(0,), (0,)]
def work(n):
    bad = 0
    for i in range(n):
        try:
            a, b = shared
        except ValueError:
            continue
        if a != b or len(a) != 1:
            bad += 1
    return bad
def refill(n):
    for i in range(n):
        shared[:] = [(i,), (i,)]
        shared.append(None)
        del shared[2]
    return 0
";

#[test]
fn threads_unpacking_a_list_another_thread_refills_and_resizes() {
    let n = if cfg!(debug_assertions) { 6_000 } else { 60_000 };
    for bad in readers_and_a_writer(UNPACK_LIST_SOURCE, 3, n, "refill", 1) {
        assert_eq!(bad, 0, "an unpack saw items of two fills");
    }
}
