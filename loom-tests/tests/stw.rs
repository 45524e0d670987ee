//! Stop-the-world racing attach and detach in a free-threaded interpreter.
#![cfg(loom)]

use loom::cell::UnsafeCell;
use std::sync::Arc;
use loom::thread;
use loom_tests::check;
use pyrt::sync::Mutation;
use pyrt::{Interpreter, InterpreterConfig, Runtime};

/// A worker attaches, writes, checks its breaker, writes, detaches; the requester stops the
/// world and writes. The plain cell makes loom report any write the protocol does not order.
fn stop_vs_attach_detach() {
    Runtime::initialize();
    let interp = Interpreter::new(InterpreterConfig::free_threaded()).unwrap();
    let cell = Arc::new(UnsafeCell::new(0usize));
    let worker = {
        let (interp, cell) = (interp.clone(), cell.clone());
        thread::spawn(move || {
            interp.attach(|py| {
                cell.with_mut(|v| unsafe { *v += 1 });
                py.check_eval_breaker().unwrap();
                cell.with_mut(|v| unsafe { *v += 1 });
            })
        })
    };
    {
        let _world = interp.stop_the_world();
        cell.with_mut(|v| unsafe { *v += 10 });
    }
    worker.join().unwrap();
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
