//! Stop-the-world racing attach and detach in a free-threaded interpreter.
#![cfg(loom)]

use loom::cell::UnsafeCell;
use loom::sync::{Condvar, Mutex};
use loom::thread;
use loom_tests::check;
use pyrt::sync::Mutation;
use pyrt::{Interpreter, InterpreterConfig, Runtime};
use std::sync::Arc;

/// A worker attaches, writes, checks its breaker, then detaches for a "blocking call" that ends
/// only once the world has been stopped, re-attaches and writes again; the requester stops the
/// world and writes. The plain cell makes loom report any write the protocol does not order,
/// and a detach that does not leave the stop's count deadlocks.
fn stop_vs_attach_detach() {
    Runtime::initialize();
    let interp = Interpreter::new(InterpreterConfig::free_threaded()).unwrap();
    let cell = Arc::new(UnsafeCell::new(0usize));
    let stopped_once = Arc::new((Mutex::new(false), Condvar::new()));
    let worker = {
        let (interp, cell, stopped_once) = (interp.clone(), cell.clone(), stopped_once.clone());
        thread::spawn(move || {
            interp
                .attach(|py| {
                    // SAFETY: the protocol under test orders these writes with the requester's.
                    cell.with_mut(|v| unsafe { *v += 1 });
                    py.check_eval_breaker().unwrap();
                    py.detach(|| {
                        let (flag, cond) = &*stopped_once;
                        let mut stopped = flag.lock().unwrap();
                        while !*stopped {
                            stopped = cond.wait(stopped).unwrap();
                        }
                    });
                    // SAFETY: as above.
                    cell.with_mut(|v| unsafe { *v += 1 });
                })
                .unwrap()
        })
    };
    interp
        .attach(|py| {
            let _world = py.stop_the_world();
            *stopped_once.0.lock().unwrap() = true;
            stopped_once.1.notify_all();
            // SAFETY: as above.
            cell.with_mut(|v| unsafe { *v += 10 });
        })
        .unwrap();
    worker.join().unwrap();
    // SAFETY: the worker is joined.
    assert_eq!(cell.with(|v| unsafe { *v }), 12);
}

#[test]
fn stw_racing_attach_detach() {
    check(None, false, stop_vs_attach_detach);
}

#[test]
#[should_panic(expected = "Causality violation")]
fn broken_attach_ignores_suspended() {
    check(Some(Mutation::AttachIgnoresSuspended), false, stop_vs_attach_detach);
}

#[test]
#[should_panic(expected = "deadlock")]
fn broken_detach_ignores_stop_request() {
    check(Some(Mutation::DetachIgnoresStopRequest), false, stop_vs_attach_detach);
}

/// Without the detaching thread's fence, its load of the request can miss a stop that already
/// counted it as attached (store buffering against the requester's fence): nobody counts down.
#[test]
#[should_panic(expected = "deadlock")]
fn broken_detach_no_fence() {
    check(Some(Mutation::StwDetachNoFence), false, stop_vs_attach_detach);
}
