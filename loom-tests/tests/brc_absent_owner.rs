//! Biased reference counting: a stranger's drop merges an object on behalf of an owner that has
//! no thread state in the interpreter, while that owner's OS thread enters again — registering
//! as an owner — and counts the object locally. The merge must be complete before the owner
//! can act, or one side's update of the local count is lost.
#![cfg(loom)]

use std::sync::Arc;

use loom::sync::atomic::AtomicUsize;
use loom::thread;
use loom_tests::check;
use loom_tests::support::{Kept, frees, new_probe};
use pyrt::object::Py;
use pyrt::sync::Mutation;
use pyrt::{Interpreter, InterpreterConfig, RefcountStrategy, Runtime};

/// The owner creates the object and leaves (its thread state is deleted) keeping an unbound
/// reference, then enters again and drops it; the stranger drops the reference it was given.
fn merge_vs_reregistration() {
    Runtime::initialize();
    let interp = Interpreter::new(InterpreterConfig::free_threaded()).unwrap();
    let counter = Arc::new(AtomicUsize::new(0));
    let (tx, rx) = loom::sync::mpsc::channel::<Py>();
    let owner = {
        let (interp, counter) = (interp.clone(), counter.clone());
        thread::spawn(move || {
            let mine = interp
                .attach(|py| {
                    let obj = new_probe(py, RefcountStrategy::Biased, &counter);
                    tx.send(obj.unbind_clone()).unwrap();
                    obj.unbind_clone()
                })
                .unwrap();
            // The first thread state is gone: the object's owner has no state here now.
            interp
                .attach(|py| {
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
fn brc_absent_owner_merge_vs_reregistration() {
    check(None, false, merge_vs_reregistration);
}

#[test]
#[should_panic(expected = "freed exactly once")]
fn broken_brc_absent_owner_merge_unlocked() {
    check(Some(Mutation::BrcAbsentOwnerMergeUnlocked), false, merge_vs_reregistration);
}
