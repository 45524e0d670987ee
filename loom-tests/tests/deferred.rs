//! Deferred decrements of unbound handles: a handle dropped by a thread that is not attached to
//! its interpreter queues its decrement, and a thread that attaches there runs the queue. Racing
//! the queue's push against a drain must lose nothing: the object is freed exactly once.
#![cfg(loom)]

use std::sync::Arc;

use loom::sync::atomic::AtomicUsize;
use loom::thread;
use loom_tests::check;
use loom_tests::support::{frees, new_probe};
use pyrt::sync::Mutation;
use pyrt::{Interpreter, InterpreterConfig, RefcountStrategy, Runtime};

/// Two unbound references are dropped by a thread that is not attached while this thread
/// attaches, drains, and attaches again after the dropper is done.
fn drop_unattached_while_draining() {
    Runtime::initialize();
    let interp = Interpreter::new(InterpreterConfig::free_threaded()).unwrap();
    let counter = Arc::new(AtomicUsize::new(0));
    let (first, second) = interp
        .attach(|py| {
            let obj = new_probe(py, RefcountStrategy::Biased, &counter);
            (obj.unbind_clone(), obj.unbind_clone())
        })
        .unwrap();
    let dropper = thread::spawn(move || {
        drop(first);
        drop(second);
    });
    interp.attach(|py| py.check_eval_breaker().unwrap()).unwrap();
    dropper.join().unwrap();
    interp.attach(|py| py.check_eval_breaker().unwrap()).unwrap();
    assert_eq!(frees(&counter), 1, "freed exactly once");
}

#[test]
fn deferred_decref_queue() {
    check(None, false, drop_unattached_while_draining);
}

#[test]
#[should_panic(expected = "freed exactly once")]
fn broken_deferred_len_cleared_outside_lock() {
    check(Some(Mutation::DeferredLenClearedOutsideLock), false, drop_unattached_while_draining);
}
