//! The per-object mutex: CPython 3.13's `PyMutex` (`Python/lock.c`), one byte in every object
//! header (`ob_mutex`).
//!
//! # Protocol
//!
//! ```text
//!   bit 0   LOCKED      some thread holds the mutex
//!   bit 1   HAS_PARKED  at least one thread may be asleep in the parking lot on this byte
//! ```
//!
//! * **Lock, fast path:** one CAS `0 → LOCKED` (Acquire).
//! * **Lock, slow path:** while LOCKED is set: spin a little (free-threaded builds only), then
//!   set HAS_PARKED with a CAS and park on the byte's address with the check "the byte still
//!   reads `LOCKED | HAS_PARKED`", made under the parking lot's queue lock. A wake-up either
//!   hands the mutex over (the waiter owns it on return) or just wakes the waiter, which retries.
//!   An attached thread detaches while it sleeps ([`PyMutex::lock`]), so a thread asleep on an
//!   object's mutex never holds up a stop-the-world or the interpreter lock.
//! * **Unlock, fast path:** one CAS `LOCKED → 0` (Release), taken when nobody parked.
//! * **Unlock, slow path** (HAS_PARKED set): unpark one waiter; the callback — under the queue
//!   lock, so no waiter can be validating at the same time — stores the new byte: `0`, or
//!   `HAS_PARKED` if more threads sleep, or `LOCKED [| HAS_PARKED]` when the waiter has waited
//!   long enough to be handed the mutex directly (eventual fairness; CPython's 1 ms rule, here
//!   parking_lot's).
//!
//! No lost wake-up: a waiter parks only if, under the queue lock, the byte still has both bits;
//! an unlocker that saw HAS_PARKED changes the byte only under the same lock, after looking for
//! waiters. Either the unlocker finds the waiter queued, or the waiter's check sees the new byte.

use crate::fatal::fatal_error;
use crate::sync::{AtomicU8, Mutation, Ordering, broken, parking};

const LOCKED: u8 = 1;
const HAS_PARKED: u8 = 2;

/// The token an unlocker gives a woken waiter when it hands the mutex over.
const TOKEN_HANDED_OFF: usize = 1;
/// The token of a plain wake-up: the waiter retries.
const TOKEN_RETRY: usize = 0;

/// How often a contended lock spins before it parks. CPython spins only in free-threaded builds
/// (40 `sched_yield`s); under loom there is no spinning, which would only multiply the explored
/// schedules.
#[cfg(not(loom))]
const MAX_SPINS: u32 = 40;

/// A one-byte mutex (`PyMutex`). See the module documentation for the protocol.
///
/// It is a raw lock — no guard, no data — because it lives inside an object header and is taken
/// and released by the critical-section machinery, which keeps the pairing.
#[repr(transparent)]
#[derive(Debug, Default)]
pub struct PyMutex {
    state: AtomicU8,
}

impl PyMutex {
    /// An unlocked mutex.
    #[cfg(not(loom))]
    pub const fn new() -> Self {
        PyMutex { state: AtomicU8::new(0) }
    }

    /// An unlocked mutex.
    #[cfg(loom)]
    pub fn new() -> Self {
        PyMutex { state: AtomicU8::new(0) }
    }

    /// Whether some thread holds it (a snapshot).
    pub fn is_locked(&self) -> bool {
        self.state.load(Ordering::Relaxed) & LOCKED != 0
    }

    /// Takes the mutex if nobody holds it and nobody waits (`PyMutex_LockFast`).
    #[inline]
    pub fn try_lock(&self) -> bool {
        self.state.compare_exchange(0, LOCKED, Ordering::Acquire, Ordering::Relaxed).is_ok()
    }

    /// Takes the mutex, sleeping while another thread holds it (`PyMutex_Lock`). A thread that
    /// is attached detaches while it sleeps and re-attaches before it retries (CPython's
    /// `_PY_LOCK_DETACH`): it then holds neither its interpreter's lock nor a place in a
    /// stop-the-world while it waits, so the holder of the mutex can always get those. The
    /// re-attach is a full attach: it may wait for the interpreter lock or a stop-the-world, and
    /// resumes the thread's critical sections.
    #[inline]
    pub fn lock(&self) {
        if !self.try_lock() {
            self.lock_slow_detaching();
        }
    }

    /// Takes the mutex without ever detaching (`PyMutex_LockFlags(m, _Py_LOCK_DONT_DETACH)`):
    /// for code that must not give up its attachment, at the price of holding it while asleep.
    #[inline]
    pub fn lock_attached(&self) {
        if !self.try_lock() {
            self.lock_slow(&mut |park| park());
        }
    }

    /// The detaching slow path. A mutex handed over while the thread sleeps detached is held
    /// while it re-attaches; if that attach must wait for a stop-the-world (the thread was
    /// suspended meanwhile), the mutex is given back first ([`super::critical_section`]'s
    /// hand-off slot) — the requester may need it while the world is stopped — and the lock is
    /// retried once attached.
    #[cold]
    fn lock_slow_detaching(&self) {
        let current = crate::state::thread_state::current();
        match current {
            Some(ts) if !broken(Mutation::MutexSleepsAttached) => {
                // SAFETY: the current thread state stays alive while attached, and only this
                // thread detaches and re-attaches it here.
                let ts = unsafe { ts.as_ref() };
                self.lock_slow(&mut |park| {
                    request_turn(ts);
                    crate::state::thread_state::detach(ts);
                    let handed_off = park();
                    if handed_off {
                        ts.critical_sections.hold_handoff(self);
                    }
                    crate::state::thread_state::attach(ts);
                    handed_off && ts.critical_sections.take_handoff()
                });
            }
            _ => self.lock_slow(&mut |park| park()),
        }
    }

    /// The slow path of a lock. `around_sleep` is called with the parking step, which returns
    /// whether the mutex was handed over, and must call it exactly once; it may do work before
    /// and after (detach, re-attach) and returns whether the thread holds the mutex now.
    #[cold]
    pub(crate) fn lock_slow(&self, around_sleep: &mut dyn FnMut(&mut dyn FnMut() -> bool) -> bool) {
        let mut v = self.state.load(Ordering::Relaxed);
        #[cfg(not(loom))]
        let mut spins = 0;
        loop {
            if v & LOCKED == 0 {
                match self.state.compare_exchange(v, v | LOCKED, Ordering::Acquire, Ordering::Relaxed) {
                    Ok(_) => return,
                    Err(now) => {
                        v = now;
                        continue;
                    }
                }
            }
            #[cfg(not(loom))]
            if v & HAS_PARKED == 0 && spins < MAX_SPINS {
                spins += 1;
                crate::sync::thread::yield_now();
                v = self.state.load(Ordering::Relaxed);
                continue;
            }
            if v & HAS_PARKED == 0 {
                // The first waiter: announce that unlockers must look in the parking lot.
                if let Err(now) = self.state.compare_exchange(v, v | HAS_PARKED, Ordering::Relaxed, Ordering::Relaxed) {
                    v = now;
                    continue;
                }
            }
            let held = around_sleep(&mut || {
                // SAFETY: the check only loads an atomic; it neither parks, unparks nor panics.
                let token =
                    unsafe { parking::park(self.key(), || self.state.load(Ordering::Relaxed) == LOCKED | HAS_PARKED) };
                // A hand-over: the unlocker left LOCKED set for us; its release of the queue lock
                // (which our wake-up synchronises with) orders its critical section before ours.
                token == Some(TOKEN_HANDED_OFF)
            });
            if held {
                return;
            }
            v = self.state.load(Ordering::Relaxed);
        }
    }

    /// Releases the mutex (`PyMutex_Unlock`); unlocking a mutex nobody holds is a fatal error.
    ///
    /// # Safety
    ///
    /// The calling thread must hold the mutex (a mutex has no owner field to check that).
    #[inline]
    pub unsafe fn unlock(&self) {
        if self.state.compare_exchange(LOCKED, 0, Ordering::Release, Ordering::Relaxed).is_err() {
            self.unlock_slow();
        }
    }

    #[cold]
    fn unlock_slow(&self) {
        let mut v = self.state.load(Ordering::Relaxed);
        loop {
            if v & LOCKED == 0 {
                fatal_error("PyMutex_Unlock", "unlocking mutex that is not locked");
            }
            if v & HAS_PARKED != 0 {
                let callback = |found: parking::UnparkResult| {
                    let hand_off = found.unparked && found.be_fair;
                    let next = if hand_off { LOCKED } else { 0 } | if found.have_more { HAS_PARKED } else { 0 };
                    self.state.store(next, Ordering::Release);
                    if hand_off { TOKEN_HANDED_OFF } else { TOKEN_RETRY }
                };
                // SAFETY: the callback only stores an atomic; it neither parks, unparks nor panics.
                unsafe { parking::unpark_one(self.key(), callback) };
                return;
            }
            match self.state.compare_exchange(v, 0, Ordering::Release, Ordering::Relaxed) {
                Ok(_) => return,
                Err(now) => v = now,
            }
        }
    }

    /// Whether a thread may be asleep waiting for it (a snapshot): the holder should let it in.
    #[inline]
    pub(crate) fn has_parked(&self) -> bool {
        self.state.load(Ordering::Relaxed) & HAS_PARKED != 0
    }

    /// Releases the mutex and, if a thread sleeps on it, hands it to that thread directly
    /// (parking_lot's `unlock_fair`): the releaser cannot take it back before the waiter runs.
    /// What a holder that yields its turn does.
    ///
    /// # Safety
    ///
    /// As for [`PyMutex::unlock`].
    pub(crate) unsafe fn unlock_handing_off(&self) {
        if self.state.load(Ordering::Relaxed) & HAS_PARKED == 0 {
            // SAFETY: forwarded.
            unsafe { self.unlock() };
            return;
        }
        let callback = |found: parking::UnparkResult| {
            let next = if found.unparked { LOCKED } else { 0 } | if found.have_more { HAS_PARKED } else { 0 };
            self.state.store(next, Ordering::Release);
            if found.unparked { TOKEN_HANDED_OFF } else { TOKEN_RETRY }
        };
        // SAFETY: the callback only stores an atomic; it neither parks, unparks nor panics.
        unsafe { parking::unpark_one(self.key(), callback) };
    }

    fn key(&self) -> usize {
        &self.state as *const AtomicU8 as usize
    }
}

/// A free-threaded thread about to sleep on a held mutex asks the threads of its interpreter for
/// a turn: it sets the drop-request bit in their eval breakers, and the holder — which may run a
/// long loop inside a critical section (the language lock of `pyrt::run`) — yields its sections
/// to the sleepers at its next breaker check ([`super::critical_section::yield_to_waiters`]).
/// Interpreters with a lock never sleep here while attached (their sections take no mutex).
#[cfg(not(loom))]
fn request_turn(ts: &crate::state::ThreadState) {
    let interp = ts.interp_state();
    if interp.sched.lock.is_none() {
        interp.sched.signal_all(crate::lock::DROP_REQUEST_BIT);
    }
}

#[cfg(loom)]
fn request_turn(_ts: &crate::state::ThreadState) {}

#[cfg(all(test, not(loom)))]
mod tests {
    use super::*;
    use std::sync::Arc;
    use std::sync::atomic::AtomicUsize;

    #[test]
    fn lock_unlock_uncontended() {
        let m = PyMutex::new();
        assert!(!m.is_locked());
        m.lock();
        assert!(m.is_locked());
        assert!(!m.try_lock());
        // SAFETY: this thread holds it.
        unsafe { m.unlock() };
        assert!(!m.is_locked());
        assert!(m.try_lock());
        // SAFETY: this thread holds it.
        unsafe { m.unlock() };
    }

    #[test]
    fn one_byte() {
        assert_eq!(std::mem::size_of::<PyMutex>(), 1);
    }

    /// `unlock_handing_off` gives the mutex to the thread asleep on it: the releaser cannot take
    /// it back, and the sleeper returns from `lock` holding it.
    #[test]
    fn unlock_handing_off_gives_the_mutex_to_the_sleeper() {
        let m = Arc::new(PyMutex::new());
        let checked = Arc::new(std::sync::atomic::AtomicBool::new(false));
        m.lock();
        let sleeper = {
            let (m, checked) = (m.clone(), checked.clone());
            std::thread::spawn(move || {
                m.lock();
                // Hold it until the releaser has tried to take it back.
                while !checked.load(Ordering::Acquire) {
                    std::thread::yield_now();
                }
                // SAFETY: this thread holds it.
                unsafe { m.unlock() };
            })
        };
        while !m.has_parked() {
            std::thread::yield_now();
        }
        // HAS_PARKED is set just before the sleeper parks; give it time to be queued.
        std::thread::sleep(std::time::Duration::from_millis(50));
        // SAFETY: this thread holds it.
        unsafe { m.unlock_handing_off() };
        let retaken = m.try_lock();
        checked.store(true, Ordering::Release);
        assert!(!retaken, "the mutex went to the sleeper, not back to the releaser");
        sleeper.join().unwrap();
        assert_eq!(m.state.load(Ordering::Relaxed), 0);
        // With nobody asleep it is a plain unlock.
        m.lock();
        // SAFETY: this thread holds it.
        unsafe { m.unlock_handing_off() };
        assert!(!m.is_locked());
    }

    /// Four threads increment a plain counter under the mutex; parking and hand-off keep the
    /// count exact and every thread finishes.
    #[test]
    fn mutual_exclusion_with_parking() {
        struct Shared {
            m: PyMutex,
            inside: AtomicUsize,
            count: std::cell::UnsafeCell<u64>,
        }
        // SAFETY: `count` is only touched with `m` held.
        unsafe impl Sync for Shared {}
        let s = Arc::new(Shared { m: PyMutex::new(), inside: AtomicUsize::new(0), count: 0.into() });
        let threads: Vec<_> = (0..4)
            .map(|_| {
                let s = s.clone();
                std::thread::spawn(move || {
                    for i in 0..20_000 {
                        s.m.lock();
                        assert_eq!(s.inside.fetch_add(1, Ordering::Relaxed), 0);
                        // SAFETY: the mutex is held.
                        unsafe { *s.count.get() += 1 };
                        if i % 1000 == 0 {
                            // Hold it long enough that the others park.
                            std::thread::sleep(std::time::Duration::from_micros(200));
                        }
                        s.inside.fetch_sub(1, Ordering::Relaxed);
                        // SAFETY: this thread holds it.
                        unsafe { s.m.unlock() };
                    }
                })
            })
            .collect();
        for t in threads {
            t.join().unwrap();
        }
        // SAFETY: every thread is joined.
        assert_eq!(unsafe { *s.count.get() }, 80_000);
        assert_eq!(s.m.state.load(Ordering::Relaxed), 0, "no LOCKED or HAS_PARKED left behind");
    }
}
