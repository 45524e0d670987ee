//! The interpreter lock: CPython's GIL, one per `Own` interpreter (PEP 684), shared by `Shared` ones.
//!
//! # Protocol
//!
//! The lock keeps CPython's hand-off rules (`Python/ceval_gil.c`) but puts an atomic fast path in
//! front of them, so that an uncontended acquire + release is one compare-and-swap each and no
//! system call.
//!
//! State lives in one word, `state`:
//!
//! ```text
//!   bit 0   LOCKED       a thread state holds the lock
//!   bit 1   SWITCH_WAIT  the last holder dropped the lock on request and waits for a switch
//!   bits 2+ waiters      number of threads registered in the slow path (units of WAITER)
//! ```
//!
//! Who owns what:
//!
//! * `state` is changed only with atomic read-modify-writes. LOCKED is set by the acquirer and
//!   cleared by the holder. The waiter count and SWITCH_WAIT are changed only under `mutex`.
//! * `last_holder` (the eval-breaker word of the thread state that last took the lock) and
//!   `switch_number` are written only under `mutex` by the thread that just took the lock, and
//!   read under `mutex` by waiters. A thread state that is about to be freed clears `last_holder`
//!   under `mutex` ([`InterpreterLock::forget_holder`]), so a waiter never writes through a
//!   dangling pointer.
//!
//! Acquire: the fast path CASes `0 → LOCKED`; it succeeds only when nobody is registered. The slow
//! path registers as a waiter under `mutex` and loops: take the lock if LOCKED is clear, otherwise
//! sleep on `cond` for at most the switch interval. A waiter that wakes by timeout while the lock
//! is still held and `switch_number` has not moved (nobody switched for a whole interval) sets
//! [`DROP_REQUEST_BIT`] in the last holder's eval breaker — the holder sees it at its next breaker
//! check and drops the lock.
//!
//! Release: the fast path CASes `LOCKED → 0` and succeeds only with no waiters and no drop request.
//! Otherwise, under `mutex`, it clears LOCKED and notifies one waiter. **No lost wake-up**: a waiter
//! registers under `mutex` before it checks LOCKED and sleeps atomically with releasing `mutex`;
//! a releaser that saw the registration notifies under `mutex`; a releaser that did not see it
//! cleared LOCKED before the registration, so the waiter's check sees the lock free.
//!
//! **Forced switching** (CPython's FORCE_SWITCHING): a holder that releases because of a drop
//! request sets SWITCH_WAIT in the same atomic step that clears LOCKED and sleeps on `switch_cond`
//! until a *different* thread state has taken the lock (the new holder clears SWITCH_WAIT under
//! `mutex` and notifies). Without this, the releasing thread would usually win the race to re-take
//! the lock and the waiter would starve. A final release (the thread state is being deleted) skips
//! the wait, as CPython's does (gh-104341).
//!
//! # Lazy release
//!
//! `PyEval_SaveThread` + `RestoreThread` around a short call is the common case, and nobody else
//! wants the lock then. So [`InterpreterLock::release`] does not give the word up when no waiter
//! is registered: it publishes the holder as **idle** (`idle_holder = breaker`, a plain release
//! store) and keeps LOCKED. Its own next [`InterpreterLock::acquire`] re-attaches with one CAS
//! `idle_holder: breaker → null`. Any other thread that finds the lock LOCKED takes it from an
//! idle holder with a CAS `idle_holder: holder → null` (the *steal*) and is then the holder — the
//! pattern of CPython 3.13's free-threaded attach/detach on `tstate->state`, with the lock as the
//! one word. Whoever wins the CAS owns the lock; the loser of a re-attach takes the ordinary path.
//! So `idle_holder == X` means "X holds the lock and is detached"; only X stores X, only while
//! it holds the lock.
//!
//! A registered waiter sleeps on `cond` and must not miss an idle holder: the waiter increments
//! the waiter count, fences, then loads `idle_holder`; the releaser stores `idle_holder`,
//! fences, then loads the waiter count — if it sees a waiter it takes its idle mark back (CAS;
//! if that fails a thief has the lock) and releases the ordinary way, notifying under `mutex`.
//! The two fences make sure at least one side sees the other (store buffering). The releaser's
//! is the light side of an asymmetric pair (a compiler fence; the waiter's is `membarrier`, see
//! [`crate::sync::asymmetric_fences`]); without asymmetric fences there is no lazy release.
//! A release with a drop request pending, and a final release, are never lazy. A thread state
//! that goes away takes its idle mark back in [`InterpreterLock::forget_holder`] and releases.

use std::time::Duration;

use crate::sync::{
    AtomicPtr, AtomicU64, AtomicUsize, Condvar, Mutation, Mutex, Ordering, asymmetric_fences, broken, heavy_fence,
    light_fence,
};

/// The eval-breaker bit a waiting thread sets on the holder: "drop the lock at your next check".
/// It is bit 0 of the breaker word, as in CPython 3.13 (`_PY_GIL_DROP_REQUEST_BIT`).
pub const DROP_REQUEST_BIT: usize = 1 << 0;

/// CPython's default switch interval (`sys.getswitchinterval()` = 0.005).
pub const DEFAULT_SWITCH_INTERVAL: Duration = Duration::from_millis(5);

const LOCKED: usize = 1;
const SWITCH_WAIT: usize = 2;
const WAITER: usize = 4;

#[inline]
fn waiters(state: usize) -> usize {
    state / WAITER
}

/// An interpreter lock. See the module documentation for the protocol.
///
/// A holder is identified by its eval-breaker word (`&AtomicUsize`): the lock needs nothing else
/// from a thread state, and that word is where a drop request must land.
#[derive(Debug)]
pub struct InterpreterLock {
    state: AtomicUsize,
    /// The holder that released lazily (still owns LOCKED, detached), or null. See the module
    /// documentation; never dereferenced.
    idle_holder: AtomicPtr<AtomicUsize>,
    last_holder: AtomicPtr<AtomicUsize>,
    switch_number: AtomicU64,
    interval_us: AtomicU64,
    mutex: Mutex<()>,
    cond: Condvar,
    switch_cond: Condvar,
}

impl InterpreterLock {
    /// An unlocked lock with the given switch interval.
    pub fn new(switch_interval: Duration) -> Self {
        InterpreterLock {
            state: AtomicUsize::new(0),
            idle_holder: AtomicPtr::new(std::ptr::null_mut()),
            last_holder: AtomicPtr::new(std::ptr::null_mut()),
            switch_number: AtomicU64::new(0),
            interval_us: AtomicU64::new(interval_to_us(switch_interval)),
            mutex: Mutex::new(()),
            cond: Condvar::new(),
            switch_cond: Condvar::new(),
        }
    }

    /// The switch interval: how long a waiter waits before asking the holder to drop the lock.
    pub fn switch_interval(&self) -> Duration {
        Duration::from_micros(self.interval_us.load(Ordering::Relaxed))
    }

    /// Sets the switch interval (rounded to microseconds, at least 1 µs, as CPython does).
    pub fn set_switch_interval(&self, interval: Duration) {
        self.interval_us.store(interval_to_us(interval), Ordering::Relaxed);
    }

    /// Whether an attached thread state holds the lock now (a snapshot; a lazily released
    /// holder does not count).
    pub fn is_locked(&self) -> bool {
        self.state.load(Ordering::Relaxed) & LOCKED != 0 && self.idle_holder.load(Ordering::Relaxed).is_null()
    }

    /// How many times a different thread state has taken the lock.
    pub fn switch_number(&self) -> u64 {
        let _g = self.mutex.lock();
        self.switch_number.load(Ordering::Relaxed)
    }

    /// Takes the lock for the holder whose eval-breaker word is `breaker`, waiting if needed.
    ///
    /// # Safety
    ///
    /// `breaker` must stay alive until [`InterpreterLock::forget_holder`] has been called for it
    /// (a waiter may write a drop request into it long after this call returns).
    #[inline]
    pub unsafe fn acquire(&self, breaker: &AtomicUsize) {
        let me = as_holder(breaker);
        if self.idle_holder.load(Ordering::Relaxed) == me && self.reattach(me) {
            // Still ours: we released lazily and nobody took it. A drop request cannot have been
            // aimed at us meanwhile (a waiter takes an idle lock instead), but one left from
            // before is stale and dropped, as on the fast path below.
            if breaker.load(Ordering::Relaxed) & DROP_REQUEST_BIT != 0 {
                self.note_new_holder(breaker);
            }
            return;
        }
        if self.state.compare_exchange(0, LOCKED, Ordering::Acquire, Ordering::Relaxed).is_ok() || self.steal() {
            if self.last_holder.load(Ordering::Relaxed) != me || breaker.load(Ordering::Relaxed) & DROP_REQUEST_BIT != 0
            {
                self.note_new_holder(breaker);
            }
        } else {
            self.acquire_slow(breaker);
        }
    }

    /// Takes back the lock `me` released lazily: one CAS on `idle_holder`, which fails if a
    /// thief took the lock.
    #[inline]
    fn reattach(&self, me: *mut AtomicUsize) -> bool {
        if broken(Mutation::LockReattachPlainStore) {
            // The defect: between the load (in `acquire`) and this store a thief may steal.
            self.idle_holder.store(std::ptr::null_mut(), Ordering::Relaxed);
            return true;
        }
        self.idle_holder.compare_exchange(me, std::ptr::null_mut(), Ordering::Acquire, Ordering::Relaxed).is_ok()
    }

    /// Takes the lock from a holder that released it lazily, if one did.
    #[inline]
    fn steal(&self) -> bool {
        let idle = self.idle_holder.load(Ordering::Relaxed);
        !idle.is_null()
            && self
                .idle_holder
                .compare_exchange(idle, std::ptr::null_mut(), Ordering::Acquire, Ordering::Relaxed)
                .is_ok()
    }

    /// Gives the lock up. If a drop was requested, waits until another holder has taken it.
    ///
    /// # Safety
    ///
    /// The caller must hold the lock as `breaker`'s holder.
    #[inline]
    pub unsafe fn release(&self, breaker: &AtomicUsize) {
        let order = if broken(Mutation::LockReleaseRelaxed) { Ordering::Relaxed } else { Ordering::Release };
        if self.release_lazily(breaker, order) {
            return;
        }
        if breaker.load(Ordering::Relaxed) & DROP_REQUEST_BIT == 0
            && self.state.compare_exchange(LOCKED, 0, order, Ordering::Relaxed).is_ok()
        {
            return;
        }
        self.release_slow(breaker, false);
    }

    /// The lazy release (see "Lazy release"): true if the lock is left to an idle `breaker` — or
    /// was taken from it meanwhile —, false if the caller must release the ordinary way (a drop
    /// request is pending, a waiter is registered, or the process has no asymmetric fences).
    #[inline]
    fn release_lazily(&self, breaker: &AtomicUsize, order: Ordering) -> bool {
        if !asymmetric_fences() || breaker.load(Ordering::Relaxed) & DROP_REQUEST_BIT != 0 {
            return false;
        }
        let me = as_holder(breaker);
        self.idle_holder.store(me, order);
        if !broken(Mutation::LockLazyNoFence) {
            light_fence();
        }
        if waiters(self.state.load(Ordering::Relaxed)) == 0 || broken(Mutation::LockLazyIgnoresWaiters) {
            return true;
        }
        // A waiter registered: take the idle mark back and release the ordinary way (if the mark
        // is gone, a thief holds the lock and there is nothing left to release).
        self.idle_holder.compare_exchange(me, std::ptr::null_mut(), Ordering::Relaxed, Ordering::Relaxed).is_err()
    }

    /// Gives the lock up on behalf of a holder whose thread state goes dormant (kept, unlisted,
    /// for its thread's next GILState state): lazily, as [`InterpreterLock::release`], when that
    /// can be; otherwise as [`InterpreterLock::release_final`] (no forced-switch wait).
    ///
    /// # Safety
    ///
    /// As for [`InterpreterLock::release`].
    pub unsafe fn release_dormant(&self, breaker: &AtomicUsize) {
        if !self.release_lazily(breaker, Ordering::Release) {
            // SAFETY: the caller's promise.
            unsafe { self.release_final(breaker) };
        }
    }

    /// Gives the lock up for the last time on behalf of a holder that is going away: no
    /// forced-switch wait (the interpreter may be destroyed right after).
    ///
    /// # Safety
    ///
    /// As for [`InterpreterLock::release`].
    pub unsafe fn release_final(&self, breaker: &AtomicUsize) {
        if self.state.compare_exchange(LOCKED, 0, Ordering::Release, Ordering::Relaxed).is_ok() {
            return;
        }
        self.release_slow(breaker, true);
    }

    /// Forgets `breaker` as the last holder. Called before the thread state that owns `breaker`
    /// is freed, so that no waiter sets a drop request through a dangling pointer.
    ///
    /// If the holder released lazily and still holds the lock, it is released here for good.
    pub fn forget_holder(&self, breaker: &AtomicUsize) {
        let me = as_holder(breaker);
        if self.idle_holder.load(Ordering::Relaxed) == me
            && self.idle_holder.compare_exchange(me, std::ptr::null_mut(), Ordering::Acquire, Ordering::Relaxed).is_ok()
        {
            // SAFETY: the CAS gave us the lock as `breaker`'s holder, which is alive (our caller
            // has not freed it yet).
            unsafe { self.release_final(breaker) };
        }
        if broken(Mutation::LockForgetHolderSkipped) {
            return;
        }
        let _g = self.mutex.lock();
        if self.last_holder.load(Ordering::Relaxed) == as_holder(breaker) {
            self.last_holder.store(std::ptr::null_mut(), Ordering::Relaxed);
        }
    }

    // Thread states use these: a thread state's breaker word lives inside the thread state,
    // which calls `forget_holder` before it is freed, and thread states release only what
    // they hold (attach/detach pair them). That is the contract of the unsafe methods.

    #[inline]
    pub(crate) fn acquire_for(&self, breaker: &AtomicUsize) {
        // SAFETY: see the comment above.
        unsafe { self.acquire(breaker) }
    }

    #[inline]
    pub(crate) fn release_for(&self, breaker: &AtomicUsize) {
        // SAFETY: see the comment above.
        unsafe { self.release(breaker) }
    }

    pub(crate) fn release_final_for(&self, breaker: &AtomicUsize) {
        // SAFETY: see the comment above.
        unsafe { self.release_final(breaker) }
    }

    pub(crate) fn release_dormant_for(&self, breaker: &AtomicUsize) {
        // SAFETY: see the comment above.
        unsafe { self.release_dormant(breaker) }
    }

    #[cold]
    fn note_new_holder(&self, breaker: &AtomicUsize) {
        let _g = self.mutex.lock();
        self.record_holder_locked(breaker);
    }

    /// Records the holder that just took the lock and drops any drop request aimed at it before
    /// it held the lock (stale). Caller holds `mutex` and the lock; waiters set drop requests
    /// under `mutex`, so none is lost between the two.
    fn record_holder_locked(&self, breaker: &AtomicUsize) {
        if breaker.load(Ordering::Relaxed) & DROP_REQUEST_BIT != 0 {
            breaker.fetch_and(!DROP_REQUEST_BIT, Ordering::Relaxed);
        }
        if self.last_holder.load(Ordering::Relaxed) == as_holder(breaker) {
            return;
        }
        self.last_holder.store(as_holder(breaker), Ordering::Relaxed);
        self.switch_number.fetch_add(1, Ordering::Relaxed);
        if self.state.load(Ordering::Relaxed) & SWITCH_WAIT != 0 {
            self.state.fetch_and(!SWITCH_WAIT, Ordering::Relaxed);
            self.switch_cond.notify_all();
        }
    }

    #[cold]
    fn acquire_slow(&self, breaker: &AtomicUsize) {
        let mut guard = self.mutex.lock();
        self.state.fetch_add(WAITER, Ordering::Relaxed);
        // Pairs with the lazy release's light fence: from here on, either we see an idle holder
        // or a releaser sees our registration (see "Lazy release").
        if asymmetric_fences() {
            heavy_fence();
        }
        loop {
            let s = self.state.load(Ordering::Relaxed);
            if s & LOCKED == 0 {
                let taken = (s | LOCKED) - WAITER;
                if self.state.compare_exchange(s, taken, Ordering::Acquire, Ordering::Relaxed).is_ok() {
                    break;
                }
                continue;
            }
            if self.steal() {
                self.state.fetch_sub(WAITER, Ordering::Relaxed);
                break;
            }
            let switches_before = self.switch_number.load(Ordering::Relaxed);
            let (g, timed_out) = self.cond.wait_timeout(guard, self.switch_interval());
            guard = g;
            if timed_out
                && self.state.load(Ordering::Relaxed) & LOCKED != 0
                && self.switch_number.load(Ordering::Relaxed) == switches_before
            {
                let holder = self.last_holder.load(Ordering::Relaxed);
                if !holder.is_null() {
                    // SAFETY: `last_holder` is read under `mutex`, and a thread state clears it
                    // under `mutex` (`forget_holder`) before its breaker word is freed; so the
                    // pointee is alive for as long as we hold `guard`.
                    unsafe { (*holder).fetch_or(DROP_REQUEST_BIT, Ordering::Relaxed) };
                }
            }
        }
        self.record_holder_locked(breaker);
        drop(guard);
    }

    #[cold]
    fn release_slow(&self, breaker: &AtomicUsize, final_release: bool) {
        if broken(Mutation::LockReleaseSkipsWakeup) {
            self.state.fetch_and(!LOCKED, Ordering::Release);
            return;
        }
        let mut guard = self.mutex.lock();
        let drop_requested = breaker.load(Ordering::Relaxed) & DROP_REQUEST_BIT != 0;
        if drop_requested {
            breaker.fetch_and(!DROP_REQUEST_BIT, Ordering::Relaxed);
        }
        let mut s = self.state.load(Ordering::Relaxed);
        let forced = loop {
            let forced = drop_requested
                && !final_release
                && waiters(s) > 0
                && !broken(Mutation::LockNoForcedSwitch)
                && self.last_holder.load(Ordering::Relaxed) == as_holder(breaker);
            let next = (s & !LOCKED) | if forced { SWITCH_WAIT } else { 0 };
            match self.state.compare_exchange(s, next, Ordering::Release, Ordering::Relaxed) {
                Ok(_) => break forced,
                Err(now) => s = now,
            }
        };
        if waiters(s) > 0 {
            self.cond.notify_one();
        }
        if forced {
            while self.state.load(Ordering::Relaxed) & SWITCH_WAIT != 0 {
                guard = self.switch_cond.wait(guard);
            }
        }
        drop(guard);
    }
}

#[inline]
fn as_holder(breaker: &AtomicUsize) -> *mut AtomicUsize {
    breaker as *const AtomicUsize as *mut AtomicUsize
}

fn interval_to_us(d: Duration) -> u64 {
    (d.as_micros() as u64).max(1)
}

#[cfg(all(test, not(loom)))]
mod tests {
    use super::*;
    use std::sync::Arc;
    use std::sync::atomic::AtomicBool;

    // SAFETY (all tests below): every breaker word outlives the lock, and each thread releases
    // only what it acquired.

    #[test]
    fn uncontended_acquire_release() {
        let lock = InterpreterLock::new(DEFAULT_SWITCH_INTERVAL);
        let me = AtomicUsize::new(0);
        assert!(!lock.is_locked());
        // SAFETY: test code: every breaker word outlives the lock and each thread releases only what it acquired.
        unsafe { lock.acquire(&me) };
        assert!(lock.is_locked());
        assert_eq!(lock.switch_number(), 1);
        // SAFETY: test code: every breaker word outlives the lock and each thread releases only what it acquired.
        unsafe { lock.release(&me) };
        assert!(!lock.is_locked());
        // The same holder re-taking the lock is not a switch.
        // SAFETY: test code: every breaker word outlives the lock and each thread releases only what it acquired.
        unsafe { lock.acquire(&me) };
        // SAFETY: test code: every breaker word outlives the lock and each thread releases only what it acquired.
        unsafe { lock.release(&me) };
        assert_eq!(lock.switch_number(), 1);
    }

    #[test]
    fn a_lazily_released_lock_is_taken_from_its_idle_holder() {
        let lock = Arc::new(InterpreterLock::new(DEFAULT_SWITCH_INTERVAL));
        let holder = Arc::new(AtomicUsize::new(0));
        // SAFETY: test code: every breaker word outlives the lock and each thread releases only what it acquired.
        unsafe { lock.acquire(&holder) };
        // SAFETY: as above.
        unsafe { lock.release(&holder) };
        assert!(!lock.is_locked(), "an idle holder does not count as holding");
        // Re-attaching an idle hold is not a switch.
        // SAFETY: as above.
        unsafe { lock.acquire(&holder) };
        assert!(lock.is_locked());
        // SAFETY: as above.
        unsafe { lock.release(&holder) };
        assert_eq!(lock.switch_number(), 1);
        // Another thread takes the lock from the idle holder at once, and holds it while the
        // holder's re-attach waits.
        let (taken, go_on) = (Arc::new(AtomicBool::new(false)), Arc::new(AtomicBool::new(false)));
        let thief = {
            let (lock, taken, go_on) = (lock.clone(), taken.clone(), go_on.clone());
            std::thread::spawn(move || {
                let me = AtomicUsize::new(0);
                // SAFETY: as above.
                unsafe { lock.acquire(&me) };
                taken.store(true, Ordering::SeqCst);
                while !go_on.load(Ordering::SeqCst) {
                    std::thread::yield_now();
                }
                // SAFETY: as above.
                unsafe { lock.release(&me) };
                lock.forget_holder(&me);
            })
        };
        while !taken.load(Ordering::SeqCst) {
            std::thread::yield_now();
        }
        assert!(lock.is_locked());
        assert_eq!(lock.switch_number(), 2, "taking an idle lock is a switch");
        go_on.store(true, Ordering::SeqCst);
        // SAFETY: as above.
        unsafe { lock.acquire(&holder) };
        thief.join().unwrap();
        assert_eq!(lock.switch_number(), 3);
        // SAFETY: as above.
        unsafe { lock.release(&holder) };
        // A holder that goes away gives up its idle hold.
        lock.forget_holder(&holder);
        assert_eq!(lock.state.load(Ordering::Relaxed), 0, "the lock word is free");
    }

    #[test]
    fn switch_interval_is_settable_and_at_least_a_microsecond() {
        let lock = InterpreterLock::new(DEFAULT_SWITCH_INTERVAL);
        assert_eq!(lock.switch_interval(), Duration::from_millis(5));
        lock.set_switch_interval(Duration::from_nanos(10));
        assert_eq!(lock.switch_interval(), Duration::from_micros(1));
    }

    #[test]
    fn waiter_raises_drop_request_and_holder_hands_off() {
        let lock = Arc::new(InterpreterLock::new(Duration::from_micros(200)));
        let holder = Arc::new(AtomicUsize::new(0));
        let waiter_got_it = Arc::new(AtomicBool::new(false));
        // SAFETY: test code: every breaker word outlives the lock and each thread releases only what it acquired.
        unsafe { lock.acquire(&holder) };
        let t = {
            let (lock, got) = (lock.clone(), waiter_got_it.clone());
            std::thread::spawn(move || {
                let me = AtomicUsize::new(0);
                // SAFETY: test code: every breaker word outlives the lock and each thread releases only what it acquired.
                unsafe { lock.acquire(&me) };
                got.store(true, Ordering::SeqCst);
                // SAFETY: test code: every breaker word outlives the lock and each thread releases only what it acquired.
                unsafe { lock.release(&me) };
            })
        };
        // The holder "runs bytecode" until its breaker shows a drop request.
        while holder.load(Ordering::Relaxed) & DROP_REQUEST_BIT == 0 {
            std::hint::spin_loop();
        }
        // Forced switching: release returns only after the waiter has taken the lock.
        // SAFETY: test code: every breaker word outlives the lock and each thread releases only what it acquired.
        unsafe { lock.release(&holder) };
        // SAFETY: test code: every breaker word outlives the lock and each thread releases only what it acquired.
        unsafe { lock.acquire(&holder) };
        assert!(waiter_got_it.load(Ordering::SeqCst), "the waiter ran before the holder got the lock back");
        assert_eq!(holder.load(Ordering::Relaxed) & DROP_REQUEST_BIT, 0);
        // SAFETY: test code: every breaker word outlives the lock and each thread releases only what it acquired.
        unsafe { lock.release(&holder) };
        t.join().unwrap();
    }

    #[test]
    fn mutual_exclusion_under_contention() {
        let lock = Arc::new(InterpreterLock::new(Duration::from_micros(50)));
        let inside = Arc::new(AtomicUsize::new(0));
        let total = Arc::new(AtomicUsize::new(0));
        let threads: Vec<_> = (0..4)
            .map(|_| {
                let (lock, inside, total) = (lock.clone(), inside.clone(), total.clone());
                std::thread::spawn(move || {
                    let me = AtomicUsize::new(0);
                    for _ in 0..2000 {
                        // SAFETY: test code: every breaker word outlives the lock and each thread releases only what it acquired.
                        unsafe { lock.acquire(&me) };
                        assert_eq!(inside.fetch_add(1, Ordering::SeqCst), 0);
                        total.fetch_add(1, Ordering::Relaxed);
                        inside.fetch_sub(1, Ordering::SeqCst);
                        // SAFETY: test code: every breaker word outlives the lock and each thread releases only what it acquired.
                        unsafe { lock.release(&me) };
                    }
                })
            })
            .collect();
        for t in threads {
            t.join().unwrap();
        }
        assert_eq!(total.load(Ordering::Relaxed), 8000);
        assert!(!lock.is_locked());
    }
}
