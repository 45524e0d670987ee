//! The interpreter lock's `last_holder` against a waiter writing a drop request.
//!
//! A waiter whose timed wait expires while the lock is held and nobody switched writes a drop
//! request into `last_holder`'s breaker word. That word lives in a thread state, which is freed
//! once the state is deleted; the deleting thread forgets itself as holder (under the lock's
//! mutex) and then makes its final release. Between another thread's fast-path acquire (a CAS)
//! and its recording itself as holder (under the mutex), the lock is held while `last_holder`
//! still names the previous holder — the window in which a waiter would write into a freed word.
//!
//! SAFETY (every `unsafe` block in this file): each breaker word outlives the lock's use of it
//! (the model checks exactly that), and each thread releases only what it acquired.
#![cfg(loom)]

use std::sync::Arc;
use std::time::Duration;

use loom::sync::atomic::{AtomicUsize, Ordering};
use loom::thread;
use loom_tests::check;
use pyrt::lock::InterpreterLock;
use pyrt::sync::Mutation;

/// Thread 1 plays a thread state that takes the lock, is deleted (forget, final release) and is
/// followed by another state on the same OS thread taking the lock by the fast path; thread 2
/// waits for the lock with timed waits that expire at once (the first two). The deleted state's breaker word
/// must not change after its deletion finished: a drop request landing there would be a write
/// into freed memory.
fn waiter_vs_deleted_holder() {
    // Two timed waits expire without handing the processor over (see `set_timeout_budget`);
    // after that the waiter waits for a wake-up.
    pyrt::sync::model::set_timeout_budget(2);
    let lock = Arc::new(InterpreterLock::new(Duration::from_millis(5)));
    let waiter = {
        let lock = lock.clone();
        thread::spawn(move || {
            let me = AtomicUsize::new(0);
            // SAFETY: see the file header.
            unsafe { lock.acquire(&me) };
            // SAFETY: see the file header.
            unsafe { lock.release_final(&me) };
            lock.forget_holder(&me);
        })
    };
    let deleted = AtomicUsize::new(0);
    // SAFETY: see the file header.
    unsafe { lock.acquire(&deleted) };
    // `PyThreadState_DeleteCurrent`'s order: leave the holder slot, then the final release.
    lock.forget_holder(&deleted);
    // SAFETY: see the file header.
    unsafe { lock.release_final(&deleted) };
    let at_deletion = deleted.load(Ordering::Relaxed);
    let next = AtomicUsize::new(0);
    // SAFETY: see the file header.
    unsafe { lock.acquire(&next) };
    // SAFETY: see the file header.
    unsafe { lock.release_final(&next) };
    lock.forget_holder(&next);
    waiter.join().unwrap();
    assert_eq!(deleted.load(Ordering::Relaxed), at_deletion, "a drop request landed in a deleted holder's breaker");
}

#[test]
fn lock_forget_holder_vs_drop_request() {
    check(None, false, waiter_vs_deleted_holder);
}

#[test]
#[should_panic(expected = "a drop request landed in a deleted holder's breaker")]
fn broken_lock_forget_holder_skipped() {
    check(Some(Mutation::LockForgetHolderSkipped), false, waiter_vs_deleted_holder);
}
