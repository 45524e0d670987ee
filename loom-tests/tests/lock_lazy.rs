//! The interpreter lock's lazy release: a holder that releases with nobody waiting keeps the lock
//! word and marks itself idle; it re-attaches with one CAS on the idle mark, and any other thread
//! takes the lock from an idle holder with a CAS on the same mark (see "Lazy release" in
//! `runtime/src/lock/interpreter_lock.rs`).
//!
//! SAFETY (every `unsafe` block in this file): each breaker word outlives its use of the lock —
//! its thread calls `forget_holder` before the word goes out of scope — and each thread releases
//! only what it acquired.
#![cfg(loom)]

use loom::cell::UnsafeCell;
use loom::sync::atomic::AtomicUsize;
use loom::sync::{Condvar, Mutex};
use loom::thread;
use loom_tests::{check, check_rejected};
use pyrt::lock::InterpreterLock;
use pyrt::sync::Mutation;
use std::sync::Arc;
use std::time::Duration;

/// The holder enters twice with a (lazy) release in between — the second entry re-attaches by
/// its CAS or, if the other thread took the lock from it meanwhile, by the ordinary path — while
/// another thread enters once (taking the lock from the idle holder, or waiting). Every entry
/// increments a plain cell: loom reports any access the lock does not order, and the total
/// must be 3. No timed wait expires, so a lost wake-up is a deadlock loom reports too.
fn reattach_vs_thief() {
    let lock = Arc::new(InterpreterLock::new(Duration::from_millis(5)));
    let cell = Arc::new(UnsafeCell::new(0usize));
    let thief = {
        let (lock, cell) = (lock.clone(), cell.clone());
        thread::spawn(move || {
            let me = AtomicUsize::new(0);
            // SAFETY: see the file header.
            unsafe { lock.acquire(&me) };
            // SAFETY: the lock orders every access to the cell (that is what loom checks).
            cell.with_mut(|v| unsafe { *v += 1 });
            // SAFETY: see the file header.
            unsafe { lock.release(&me) };
            lock.forget_holder(&me);
        })
    };
    let holder = AtomicUsize::new(0);
    for _ in 0..2 {
        // SAFETY: see the file header.
        unsafe { lock.acquire(&holder) };
        // SAFETY: as above.
        cell.with_mut(|v| unsafe { *v += 1 });
        // SAFETY: see the file header.
        unsafe { lock.release(&holder) };
    }
    lock.forget_holder(&holder);
    thief.join().unwrap();
    // SAFETY: every writer joined.
    assert_eq!(cell.with(|v| unsafe { *v }), 3);
    assert!(!lock.is_locked(), "the lock is held after every holder left");
}

#[test]
fn lock_lazy_reattach_vs_thief() {
    check(None, false, reattach_vs_thief);
}

/// The twin the brief names: the holder re-attaches with a load and a plain store of the idle
/// mark, so a thief's CAS between the two leaves both threads inside.
#[test]
fn broken_lock_reattach_plain_store() {
    check_rejected(Mutation::LockReattachPlainStore, false, "Causality violation", reattach_vs_thief);
}

/// The holder releases lazily and then blocks until the other thread has been inside — like a
/// thread that calls `PyEval_SaveThread` and sleeps in I/O. The other thread may already sleep
/// as a registered waiter (no timed wait expires here): the release must see it and wake it, or
/// the waiter must see the idle holder and take the lock; otherwise both wait for ever.
fn lazy_release_vs_sleeping_waiter() {
    let lock = Arc::new(InterpreterLock::new(Duration::from_millis(5)));
    let done = Arc::new((Mutex::new(false), Condvar::new()));
    let holder = AtomicUsize::new(0);
    // SAFETY: see the file header.
    unsafe { lock.acquire(&holder) };
    let waiter = {
        let (lock, done) = (lock.clone(), done.clone());
        thread::spawn(move || {
            let me = AtomicUsize::new(0);
            // SAFETY: see the file header.
            unsafe { lock.acquire(&me) };
            // SAFETY: see the file header.
            unsafe { lock.release(&me) };
            lock.forget_holder(&me);
            *done.0.lock().unwrap() = true;
            done.1.notify_all();
        })
    };
    // SAFETY: see the file header.
    unsafe { lock.release(&holder) };
    {
        let mut finished = done.0.lock().unwrap();
        while !*finished {
            finished = done.1.wait(finished).unwrap();
        }
    }
    // SAFETY: see the file header.
    unsafe { lock.acquire(&holder) };
    // SAFETY: see the file header.
    unsafe { lock.release(&holder) };
    lock.forget_holder(&holder);
    waiter.join().unwrap();
    assert!(!lock.is_locked(), "the lock is held after every holder left");
}

#[test]
fn lock_lazy_release_vs_sleeping_waiter() {
    check(None, false, lazy_release_vs_sleeping_waiter);
}

/// The twin: a lazy release keeps the lock word although a waiter sleeps.
#[test]
fn broken_lock_lazy_ignores_waiters() {
    check_rejected(Mutation::LockLazyIgnoresWaiters, false, "deadlock", lazy_release_vs_sleeping_waiter);
}

/// The twin: the release reads the waiter count without its fence (store buffering: the waiter
/// misses the idle mark and the releaser misses the waiter). It needs no interleaving, only the
/// memory model: loom lets the waiter's loads return the idle mark's old value already in its
/// first execution, which is why this twin is a plain `should_panic` and not `check_rejected`
/// (which insists on a failure found by the search).
#[test]
#[should_panic(expected = "deadlock")]
fn broken_lock_lazy_no_fence() {
    check(Some(Mutation::LockLazyNoFence), false, lazy_release_vs_sleeping_waiter);
}
