//! Interrupting a runaway script from the host, as `PyThreadState_SetAsyncExc` does.
//!
//! The script's thread polls the eval breaker (the eval loop does that at every backward jump);
//! the host raises `KeyboardInterrupt` in it by thread id. This works in free-threaded
//! interpreters too.
//!
//! Run: `cargo run -p pyrt-examples --example interrupt_runaway`

use std::sync::mpsc;

use pyrt::{ExcKind, Interpreter, InterpreterConfig, PyErr, Runtime};

fn main() {
    Runtime::initialize();
    let interp = Interpreter::new(InterpreterConfig::free_threaded()).unwrap();
    let (tx, rx) = mpsc::channel();
    let script = {
        let interp = interp.clone();
        std::thread::spawn(move || {
            interp
                .attach(|py| {
                    tx.send(py.thread_state().thread_id()).unwrap();
                    let mut iterations = 0u64;
                    loop {
                        iterations += 1; // `while True: pass`
                        if let Err(exc) = py.check_eval_breaker() {
                            return (exc, iterations);
                        }
                    }
                })
                .unwrap()
        })
    };
    let thread_id = rx.recv().unwrap();
    let modified = interp.set_async_exc(thread_id, Some(PyErr::from_kind(ExcKind::KeyboardInterrupt)));
    let (exc, iterations) = script.join().unwrap();
    println!("set_async_exc modified {modified} thread state; the script raised {exc} after {iterations} iterations");
    interp.destroy().unwrap();
    // SAFETY: no token, guard or object handle is alive at this point.
    unsafe { Runtime::finalize() };
}
