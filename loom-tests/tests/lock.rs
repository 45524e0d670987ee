//! The interpreter lock: mutual exclusion, no lost wake-up, forced hand-off.
//!
//! SAFETY (every `unsafe` block in this file): each breaker word outlives its use of the lock —
//! its thread calls `forget_holder` before the word goes out of scope — and each thread releases
//! only what it acquired.
#![cfg(loom)]

use loom::cell::UnsafeCell;
use loom::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use loom::thread;
use loom_tests::check;
use pyrt::lock::{DROP_REQUEST_BIT, InterpreterLock};
use pyrt::sync::Mutation;
use std::sync::Arc;
use std::time::Duration;

/// Takes the lock as `me`, runs `f`, releases, and forgets `me` as a holder.
fn with_lock(lock: &InterpreterLock, me: &AtomicUsize, f: impl FnOnce()) {
    // SAFETY: see the file header.
    unsafe { lock.acquire(me) };
    f();
    // SAFETY: see the file header.
    unsafe { lock.release(me) };
    lock.forget_holder(me);
}

/// Three threads increment a plain cell under the lock: loom reports any access the lock does
/// not order, and the total must be 3.
fn mutual_exclusion() {
    let lock = Arc::new(InterpreterLock::new(Duration::from_millis(5)));
    let cell = Arc::new(UnsafeCell::new(0usize));
    let spawn = |lock: Arc<InterpreterLock>, cell: Arc<UnsafeCell<usize>>| {
        thread::spawn(move || {
            let me = AtomicUsize::new(0);
            // SAFETY: the lock orders every access to the cell (that is what loom checks).
            with_lock(&lock, &me, || cell.with_mut(|v| unsafe { *v += 1 }));
        })
    };
    let a = spawn(lock.clone(), cell.clone());
    let b = spawn(lock.clone(), cell.clone());
    let me = AtomicUsize::new(0);
    // SAFETY: as above.
    with_lock(&lock, &me, || cell.with_mut(|v| unsafe { *v += 1 }));
    a.join().unwrap();
    b.join().unwrap();
    // SAFETY: all writers joined.
    assert_eq!(cell.with(|v| unsafe { *v }), 3);
    assert!(!lock.is_locked());
}

#[test]
fn lock_mutual_exclusion_3_threads() {
    check(None, false, mutual_exclusion);
}

#[test]
#[should_panic(expected = "Causality violation")]
fn broken_lock_release_relaxed() {
    check(Some(Mutation::LockReleaseRelaxed), false, mutual_exclusion);
}

/// Two threads contend without timeouts: a waiter only wakes by notification, so a lost
/// wake-up is a deadlock, which loom reports.
fn no_lost_wakeup() {
    let lock = Arc::new(InterpreterLock::new(Duration::from_millis(5)));
    let other = {
        let lock = lock.clone();
        thread::spawn(move || {
            let me = AtomicUsize::new(0);
            with_lock(&lock, &me, || {});
        })
    };
    let me = AtomicUsize::new(0);
    with_lock(&lock, &me, || {});
    other.join().unwrap();
    assert!(!lock.is_locked());
}

#[test]
fn lock_no_lost_wakeup() {
    check(None, false, no_lost_wakeup);
}

#[test]
#[should_panic(expected = "deadlock")]
fn broken_lock_release_skips_wakeup() {
    check(Some(Mutation::LockReleaseSkipsWakeup), false, no_lost_wakeup);
}

/// The holder runs until a waiter's timed-out wait raises a drop request, then drops the lock
/// and takes it back. Forced switching guarantees the waiter held the lock in between.
fn forced_handoff() {
    let lock = Arc::new(InterpreterLock::new(Duration::from_millis(5)));
    let waiter_ran = Arc::new(AtomicBool::new(false));
    let holder = AtomicUsize::new(0);
    // SAFETY: see the file header.
    unsafe { lock.acquire(&holder) };
    let waiter = {
        let (lock, ran) = (lock.clone(), waiter_ran.clone());
        thread::spawn(move || {
            let me = AtomicUsize::new(0);
            with_lock(&lock, &me, || ran.store(true, Ordering::Relaxed));
        })
    };
    // "Bytecode" until the breaker shows a drop request.
    while holder.load(Ordering::Relaxed) & DROP_REQUEST_BIT == 0 {
        thread::yield_now();
    }
    // SAFETY: see the file header.
    unsafe { lock.release(&holder) };
    // SAFETY: see the file header.
    unsafe { lock.acquire(&holder) };
    assert!(waiter_ran.load(Ordering::Relaxed), "the holder took the lock back before the waiter ran");
    // SAFETY: see the file header.
    unsafe { lock.release(&holder) };
    lock.forget_holder(&holder);
    waiter.join().unwrap();
}

#[test]
fn lock_forced_handoff() {
    check(None, true, forced_handoff);
}

#[test]
#[should_panic(expected = "the holder took the lock back before the waiter ran")]
fn broken_lock_no_forced_switch() {
    check(Some(Mutation::LockNoForcedSwitch), true, forced_handoff);
}
