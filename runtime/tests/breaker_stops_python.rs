//! The eval breaker reaches running Python code: a `while True: pass` in each kind of interpreter
//! (own lock, the main interpreter's lock, free-threaded) is stopped from another thread — by an
//! async exception (`PyThreadState_SetAsyncExc`) and by a failing pending call — and the
//! interpreter stays usable afterwards. So is code that only calls (no backward jump): the
//! breaker is read at function entry too, also when a specialised call enters its callee past
//! a `RESUME` that had nothing to do.

use std::sync::mpsc;
use std::time::Duration;

use pyrt::{ExcKind, Interpreter, InterpreterConfig, PendingCall, PyErr, Runtime};

/// How the loop is interrupted.
#[derive(Clone, Copy, Debug)]
enum Stop {
    AsyncExc,
    PendingCall,
}

/// A loop that never ends.
const BUSY_LOOP: &[u8] = b"n = 0\nwhile True:\n    n += 1\n";

/// Calls that never end and never jump backwards: recursion to the limit, caught, again.
const ENDLESS_CALLS: &[u8] = b"import sys\nsys.setrecursionlimit(300)\ndef f():\n    try:\n        f()\n    except RecursionError:\n        f()\nf()\n";

/// Runs `script` in `interp` on a new thread, stops it with `how`, and returns the error the
/// script ended with.
fn stop_busy_loop(interp: &Interpreter, script: &'static [u8], how: Stop) -> PyErr {
    let (started, is_started) = mpsc::channel();
    let worker = {
        let interp = interp.clone();
        std::thread::spawn(move || {
            interp
                .attach(|py| {
                    // SAFETY: pthread_self has no preconditions.
                    let me = unsafe { libc::pthread_self() } as u64;
                    started.send(me).expect("the test waits");
                    pyrt::run::exec(py, script, "<busy>")
                })
                .expect("attached")
        })
    };
    let thread_id = is_started.recv().expect("the worker started");
    // Let the loop get going (it is running or about to run; either way the breaker stops it).
    std::thread::sleep(Duration::from_millis(20));
    match how {
        Stop::AsyncExc => {
            assert_eq!(interp.set_async_exc(thread_id, Some(PyErr::from_kind(ExcKind::KeyboardInterrupt))), 1);
        }
        Stop::PendingCall => {
            let call = PendingCall::new(|| Err(PyErr::new(ExcKind::RuntimeError, "stopped by a pending call")));
            assert!(interp.add_pending_call(call).is_ok());
        }
    }
    worker.join().expect("the worker ends").expect_err("the loop was stopped")
}

#[test]
fn busy_loops_and_endless_calls_stop_in_every_kind_of_interpreter() {
    Runtime::initialize();
    for (kind, config) in [
        ("own", InterpreterConfig::isolated()),
        ("shared", InterpreterConfig::legacy()),
        ("free-threaded", InterpreterConfig::free_threaded()),
    ] {
        let interp = Interpreter::new(config).unwrap();
        for (name, script) in [("loop", BUSY_LOOP), ("calls", ENDLESS_CALLS)] {
            let err = stop_busy_loop(&interp, script, Stop::AsyncExc);
            assert_eq!(err.kind(), ExcKind::KeyboardInterrupt, "{kind}, {name}: {err}");
            let err = stop_busy_loop(&interp, script, Stop::PendingCall);
            assert_eq!(err.to_string(), "RuntimeError: stopped by a pending call", "{kind}, {name}");
        }
        // Still usable.
        interp.attach(|py| pyrt::run::exec(py, b"assert sum(range(10)) == 45\n", "<after>")).unwrap().unwrap();
        interp.destroy().unwrap();
    }
}
