//! Biased reference counting with a parked owner (`object::brc`, "Parked owners"): the owner's
//! thread state stays in the merge-queue table while it is dormant, flagged absent in its
//! breaker word, and a stranger's drop races the owner parking and unparking.
//!
//! * `queued_vs_park`: the stranger's drop queues the object to the owner before it parks (the
//!   park must merge it), or finds the owner parked (it must merge at once: nobody else will).
//!   Either way the object is freed exactly once; a missed merge leaves it queued for good.
//! * `merge_vs_unpark`: the owner keeps a reference across the park and drops it after
//!   unparking, while the stranger's drop may be merging on the parked owner's behalf; the
//!   owner must not count locally until that merge is complete, or one update is lost.
#![cfg(loom)]

use std::sync::Arc;

use loom::sync::atomic::AtomicUsize;
use loom::thread;
use loom_tests::support::{Kept, frees, new_probe};
use loom_tests::{check, check_rejected};
use pyrt::object::Py;
use pyrt::sync::Mutation;
use pyrt::{Interpreter, InterpreterConfig, RefcountStrategy, Runtime};

/// The owner gives the stranger a reference and drops its own, then parks and unparks; the
/// stranger drops its reference meanwhile. Once the stranger is done, the owner's breaker check
/// must find the object freed — by the park's merge, the stranger's, or its own — while it is
/// still registered (leaving the table would merge a forgotten queue and hide the loss).
fn queued_vs_park() {
    Runtime::initialize();
    let interp = Interpreter::new(InterpreterConfig::free_threaded()).unwrap();
    let counter = Arc::new(AtomicUsize::new(0));
    let (tx, rx) = loom::sync::mpsc::channel::<Py>();
    let (done_tx, done_rx) = loom::sync::mpsc::channel::<()>();
    let owner = {
        let (interp, counter) = (interp.clone(), counter.clone());
        thread::spawn(move || {
            interp
                .attach(|py| {
                    let obj = new_probe(py, RefcountStrategy::Biased, &counter);
                    tx.send(obj.unbind_clone()).unwrap();
                    drop(obj);
                    py.model_park_brc();
                    py.model_unpark_brc();
                    done_rx.recv().unwrap();
                    py.check_eval_breaker().unwrap();
                    assert_eq!(frees(&counter), 1, "freed exactly once");
                })
                .unwrap();
        })
    };
    interp.attach(|py| drop(Kept::bind(rx.recv().unwrap(), py))).unwrap();
    done_tx.send(()).unwrap();
    owner.join().unwrap();
    assert_eq!(frees(&counter), 1, "freed exactly once");
}

/// The owner keeps its reference across the park and drops it after unparking.
fn merge_vs_unpark() {
    Runtime::initialize();
    let interp = Interpreter::new(InterpreterConfig::free_threaded()).unwrap();
    let counter = Arc::new(AtomicUsize::new(0));
    let (tx, rx) = loom::sync::mpsc::channel::<Py>();
    let owner = {
        let (interp, counter) = (interp.clone(), counter.clone());
        thread::spawn(move || {
            interp
                .attach(|py| {
                    let obj = new_probe(py, RefcountStrategy::Biased, &counter);
                    let mine = obj.unbind_clone();
                    tx.send(obj.unbind_clone()).unwrap();
                    drop(obj);
                    py.model_park_brc();
                    py.model_unpark_brc();
                    drop(Kept::bind(mine, py));
                    py.check_eval_breaker().unwrap();
                })
                .unwrap();
        })
    };
    interp.attach(|py| drop(Kept::bind(rx.recv().unwrap(), py))).unwrap();
    owner.join().unwrap();
    assert_eq!(frees(&counter), 1, "freed exactly once");
}

#[test]
fn brc_parked_owner_queued_vs_park() {
    assert!(check(None, false, queued_vs_park) > 1);
}

#[test]
fn brc_parked_owner_merge_vs_unpark() {
    assert!(check(None, false, merge_vs_unpark) > 1);
}

#[test]
fn broken_brc_park_skips_merge() {
    check_rejected(Mutation::BrcParkSkipsMerge, false, "freed exactly once", queued_vs_park);
}

#[test]
fn broken_brc_parked_owner_queues() {
    check_rejected(Mutation::BrcParkedOwnerQueues, false, "freed exactly once", queued_vs_park);
}

#[test]
fn broken_brc_unpark_skips_wait() {
    check_rejected(Mutation::BrcUnparkSkipsWait, false, "freed exactly once", merge_vs_unpark);
}
