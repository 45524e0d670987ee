//! A server with one interpreter per worker thread.
//!
//! Each worker owns an interpreter with its own lock, so the workers run in parallel. A foreign
//! thread (one pyrt did not create) enters a chosen worker's interpreter with `attach`, which is
//! `ensure_in` underneath — the thing CPython's GILState API cannot do for sub-interpreters.
//!
//! Run: `cargo run -p pyrt-examples --example worker_interpreters`

use pyrt::{Interpreter, InterpreterConfig, Runtime};

fn main() {
    Runtime::initialize();
    let workers: Vec<Interpreter> = (0..4).map(|_| Interpreter::new(InterpreterConfig::isolated()).unwrap()).collect();

    let handles: Vec<_> = workers
        .iter()
        .cloned()
        .map(|interp| {
            std::thread::spawn(move || {
                interp
                    .attach(|py| {
                        let mut acc = 0u64;
                        for i in 0..1_000_000u64 {
                            acc = acc.wrapping_add(i * i % 7);
                            if i % 1024 == 0 {
                                py.check_eval_breaker().unwrap();
                            }
                        }
                        (py.interpreter().id(), acc)
                    })
                    .unwrap()
            })
        })
        .collect();
    for h in handles {
        let (id, acc) = h.join().unwrap();
        println!("interpreter {id}: {acc}");
    }

    // A foreign thread enters worker 2's interpreter, nests, and leaves.
    let target = workers[2].clone();
    std::thread::spawn(move || {
        target
            .attach(|py| {
                let nested = target.attach(|inner| inner.interpreter().id()).unwrap();
                println!("foreign thread in interpreter {} (nested: {nested})", py.interpreter().id());
            })
            .unwrap()
    })
    .join()
    .unwrap();

    for w in workers {
        w.destroy().unwrap();
    }
    // SAFETY: no token, guard or object handle is alive at this point.
    unsafe { Runtime::finalize() };
}
