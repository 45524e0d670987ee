//! Async exceptions: delivery at the target's breaker check, replacement and clearing.
#![cfg(loom)]

use loom::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use loom::thread;
use loom_tests::check;
use pyrt::sync::Mutation;
use pyrt::{ExcKind, Interpreter, InterpreterConfig, PyErr, Runtime};
use std::sync::Arc;

fn delivery(config: InterpreterConfig) {
    Runtime::initialize();
    let interp = Interpreter::new(config).unwrap();
    let tid = Arc::new(AtomicU64::new(0));
    let done = Arc::new(AtomicBool::new(false));
    let target = {
        let (interp, tid, done) = (interp.clone(), tid.clone(), done.clone());
        thread::spawn(move || {
            interp
                .attach(|py| {
                    tid.store(py.thread_state().thread_id(), Ordering::Release);
                    let mut raised = Vec::new();
                    raised.extend(py.check_eval_breaker().err());
                    while !done.load(Ordering::Acquire) {
                        thread::yield_now();
                    }
                    raised.extend(py.check_eval_breaker().err());
                    assert!(!py.thread_state().has_async_exc(), "an async exception was left without a signal");
                    raised
                })
                .unwrap()
        })
    };
    let id = loop {
        let id = tid.load(Ordering::Acquire);
        if id != 0 {
            break id;
        }
        thread::yield_now();
    };
    assert_eq!(interp.set_async_exc(id, Some(PyErr::from_kind(ExcKind::SystemExit))), 1);
    assert_eq!(interp.set_async_exc(id, Some(PyErr::from_kind(ExcKind::KeyboardInterrupt))), 1);
    done.store(true, Ordering::Release);
    let raised = target.join().unwrap();
    // The last one set is always raised; the first only if it was taken before being replaced.
    assert_eq!(raised.last().map(|e| e.kind()), Some(ExcKind::KeyboardInterrupt));
}

#[test]
fn async_exc_delivery_own_lock() {
    check(None, false, || delivery(InterpreterConfig::isolated()));
}

#[test]
fn async_exc_delivery_free_threaded() {
    check(None, false, || delivery(InterpreterConfig::free_threaded()));
}

#[test]
#[should_panic(expected = "an async exception was left without a signal")]
fn broken_async_exc_unsignal_after_take() {
    check(Some(Mutation::AsyncExcUnsignalAfterTake), false, || delivery(InterpreterConfig::free_threaded()));
}

/// Setting then clearing from another thread: the target never raises.
fn clearing() {
    Runtime::initialize();
    let interp = Interpreter::new(InterpreterConfig::free_threaded()).unwrap();
    let tid = Arc::new(AtomicU64::new(0));
    let target = {
        let (interp, tid) = (interp.clone(), tid.clone());
        thread::spawn(move || {
            interp
                .attach(|py| {
                    tid.store(py.thread_state().thread_id(), Ordering::Release);
                    py.check_eval_breaker()
                })
                .unwrap()
        })
    };
    let id = loop {
        let id = tid.load(Ordering::Acquire);
        if id != 0 {
            break id;
        }
        thread::yield_now();
    };
    interp.set_async_exc(id, Some(PyErr::from_kind(ExcKind::KeyboardInterrupt)));
    interp.set_async_exc(id, None);
    let r = target.join().unwrap();
    // Raised only if the check ran between the set and the clear.
    if let Err(e) = r {
        assert_eq!(e.kind(), ExcKind::KeyboardInterrupt);
    }
}

#[test]
fn async_exc_clearing() {
    check(None, false, clearing);
}
