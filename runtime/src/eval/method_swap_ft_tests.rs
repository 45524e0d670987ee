//! A method replaced on its class while other threads call it, in one free-threaded
//! interpreter without the language lock (`pyrt::run`'s lock is not taken: the threads call
//! the eval loop directly, as `specialize_ft_tests` does). Three callers run `o.m()` in a loop;
//! a fourth thread keeps storing freshly made functions as `A.m`, so every replaced function
//! loses its last reference — the class dict's — and is freed at once, while a caller may be
//! between reading the class dict's entry and taking its own reference to the function. Each
//! function returns a number that says which one it is; a caller counts an answer no function
//! could give.

use std::sync::Arc;

use crate::Runtime;
use crate::object::abstract_ops as ops;
use crate::object::dict::as_dict;
use crate::object::int::{int_value, new_int};
use crate::object::{Bound, Py};
use crate::{Interpreter, InterpreterConfig};

const SOURCE: &str = "\
class A:
    def m(self):
        return 1
o = A()
def work(n):
    bad = 0
    for i in range(n):
        r = o.m()
        if r < 1 or r > 3:
            bad += 1
    return bad
def swap(n):
    for i in range(n):
        if i % 2:
            def m(self):
                return 2
        else:
            m = lambda self: 3
        A.m = m
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

#[test]
fn callers_never_use_a_method_freed_by_its_replacement() {
    Runtime::initialize();
    let interp = Interpreter::new(InterpreterConfig::free_threaded()).unwrap();
    let globals: Py = interp
        .attach(|py| {
            let code = pyrt_compile::compile(SOURCE, "<swap>", pyrt_compile::Mode::Module).expect("compiles");
            let globals = crate::eval::run_module(code, "__main__", "<swap>").expect("runs");
            Bound::new_ref(py, &globals).unbind()
        })
        .unwrap();
    let globals = Arc::new(globals);
    let iterations: i64 = std::env::var("PYRT_FT_ITER")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(if cfg!(debug_assertions) { 20_000 } else { 200_000 });
    let mut threads: Vec<_> = (0..3)
        .map(|_| {
            let (interp, globals) = (interp.clone(), globals.clone());
            std::thread::spawn(move || call_global(&interp, &globals, "work", iterations))
        })
        .collect();
    let swapper = {
        let (interp, globals) = (interp.clone(), globals.clone());
        std::thread::spawn(move || call_global(&interp, &globals, "swap", iterations / 4))
    };
    threads.push(swapper);
    for t in threads {
        assert_eq!(t.join().expect("no panic"), 0, "a caller got an answer no method gives");
    }
    drop(globals);
    interp.destroy().unwrap();
}
