//! The one switch between real synchronisation primitives and loom's models.
//!
//! Every atomic, mutex, condition variable, thread-local and thread spawn that takes part in one of
//! pyrt's protocols is named through this module. A normal build gets `std` atomics, `parking_lot`
//! locks and `std` thread-locals; a build with `RUSTFLAGS="--cfg loom"` gets loom's types, so the
//! `loom-tests` crate model-checks *the real code*, never a copy of it (the pattern of tokio's
//! `src/loom/`).
//!
//! Three things differ between the builds, and each is confined to this file:
//!
//! * **Globals.** loom types cannot live in a `static`; [`lazy_static!`] maps to `std::sync::LazyLock`
//!   or to `loom::lazy_static!`, which loom re-creates for every explored execution.
//! * **Time.** loom has no clock. [`Condvar::wait_timeout`] in a real build waits at most the given
//!   duration; under loom it either waits for a notification (the default) or, when a model calls
//!   [`model::set_timeouts_fire`], behaves as if the timeout expired at once — a legal behaviour of a
//!   timed wait, which lets a model explore the "waiter gave up waiting" branches (drop requests).
//! * **Deliberately broken twins.** Each protocol has a mutation that loom must reject. The code asks
//!   [`broken`] at the one place the mutation applies; in a real build that is a `const false` the
//!   compiler removes, under loom a model selects it with [`model::set_broken`].

#![allow(dead_code, unused_imports)]

use std::time::Duration;

#[cfg(not(loom))]
pub use std::sync::atomic::{
    AtomicBool, AtomicI64, AtomicIsize, AtomicPtr, AtomicU8, AtomicU16, AtomicU32, AtomicU64, AtomicUsize, Ordering,
    fence,
};

#[cfg(loom)]
pub use loom::sync::atomic::{
    AtomicBool, AtomicI64, AtomicIsize, AtomicPtr, AtomicU8, AtomicU16, AtomicU32, AtomicU64, AtomicUsize, Ordering,
    fence,
};

/// Process-wide static tables (the arena's chunk map) that loom cannot hold in a `static`. They
/// are `std`'s in both builds and are not part of a modelled protocol; see their users' docs.
pub type StaticAtomicU64 = std::sync::atomic::AtomicU64;
/// See [`StaticAtomicU64`] (signal delivery's statics, touched from signal handlers).
pub type StaticAtomicUsize = std::sync::atomic::AtomicUsize;
/// See [`StaticAtomicU64`].
pub type StaticAtomicBool = std::sync::atomic::AtomicBool;
/// See [`StaticAtomicU64`].
pub type StaticAtomicPtr<T> = std::sync::atomic::AtomicPtr<T>;

/// Reference counting of runtime-internal records (interpreters, thread states) is not one of
/// pyrt's protocols, so it stays `std`'s in both builds.
pub use std::sync::Arc;

/// Thread spawning and yielding.
pub mod thread {
    #[cfg(not(loom))]
    pub use std::thread::{JoinHandle, spawn, yield_now};

    #[cfg(loom)]
    pub use loom::thread::{JoinHandle, spawn, yield_now};
}

/// A process-wide global that is created on first use.
#[cfg(not(loom))]
#[macro_export]
#[doc(hidden)]
macro_rules! __pyrt_lazy_static {
    ($(#[$m:meta])* static ref $name:ident : $t:ty = $init:expr;) => {
        $(#[$m])* static $name: ::std::sync::LazyLock<$t> = ::std::sync::LazyLock::new(|| $init);
    };
}

#[cfg(loom)]
#[macro_export]
#[doc(hidden)]
macro_rules! __pyrt_lazy_static {
    ($(#[$m:meta])* static ref $name:ident : $t:ty = $init:expr;) => {
        ::loom::lazy_static! { $(#[$m])* static ref $name: $t = $init; }
    };
}
pub use crate::__pyrt_lazy_static as lazy_static;

/// A thread-local whose initial value is a constant: no lazy-initialisation check on access in a
/// real build (the current-thread-state slot relies on this).
#[cfg(not(loom))]
#[macro_export]
#[doc(hidden)]
macro_rules! __pyrt_thread_local_const {
    ($(#[$m:meta])* $vis:vis static $name:ident : $t:ty = $init:expr;) => {
        ::std::thread_local! { $(#[$m])* $vis static $name: $t = const { $init }; }
    };
}

#[cfg(loom)]
#[macro_export]
#[doc(hidden)]
macro_rules! __pyrt_thread_local_const {
    ($(#[$m:meta])* $vis:vis static $name:ident : $t:ty = $init:expr;) => {
        ::loom::thread_local! { $(#[$m])* $vis static $name: $t = $init; }
    };
}
pub use crate::__pyrt_thread_local_const as thread_local_const;

/// A thread-local with a lazily built value (and possibly a destructor).
#[cfg(not(loom))]
#[macro_export]
#[doc(hidden)]
macro_rules! __pyrt_thread_local {
    ($(#[$m:meta])* $vis:vis static $name:ident : $t:ty = $init:expr;) => {
        ::std::thread_local! { $(#[$m])* $vis static $name: $t = $init; }
    };
}

#[cfg(loom)]
#[macro_export]
#[doc(hidden)]
macro_rules! __pyrt_thread_local {
    ($(#[$m:meta])* $vis:vis static $name:ident : $t:ty = $init:expr;) => {
        ::loom::thread_local! { $(#[$m])* $vis static $name: $t = $init; }
    };
}
pub use crate::__pyrt_thread_local as thread_local;

// ---------------------------------------------------------------------------------------------
// Mutex and Condvar: one API over parking_lot (real) and loom (model).
// ---------------------------------------------------------------------------------------------

/// A mutual-exclusion lock without poisoning.
#[derive(Debug, Default)]
pub struct Mutex<T> {
    #[cfg(not(loom))]
    inner: parking_lot::Mutex<T>,
    #[cfg(loom)]
    inner: loom::sync::Mutex<T>,
}

/// The guard of a [`Mutex`].
#[cfg(not(loom))]
pub struct MutexGuard<'a, T> {
    guard: parking_lot::MutexGuard<'a, T>,
}

/// The guard of a [`Mutex`].
#[cfg(loom)]
pub struct MutexGuard<'a, T> {
    guard: Option<loom::sync::MutexGuard<'a, T>>,
    mutex: &'a Mutex<T>,
}

impl<T> Mutex<T> {
    /// A new unlocked mutex holding `value`.
    #[cfg(not(loom))]
    pub const fn new(value: T) -> Self {
        Mutex { inner: parking_lot::Mutex::new(value) }
    }

    /// A new unlocked mutex holding `value`.
    #[cfg(loom)]
    pub fn new(value: T) -> Self {
        Mutex { inner: loom::sync::Mutex::new(value) }
    }

    /// Blocks until the lock is ours.
    #[inline]
    pub fn lock(&self) -> MutexGuard<'_, T> {
        #[cfg(not(loom))]
        {
            MutexGuard { guard: self.inner.lock() }
        }
        #[cfg(loom)]
        {
            MutexGuard { guard: Some(self.inner.lock().unwrap_or_else(|p| p.into_inner())), mutex: self }
        }
    }

    /// The value, through an exclusive borrow (no locking needed).
    pub fn get_mut(&mut self) -> &mut T {
        #[cfg(not(loom))]
        {
            self.inner.get_mut()
        }
        #[cfg(loom)]
        {
            self.inner.get_mut().unwrap_or_else(|p| p.into_inner())
        }
    }

    /// Takes the lock if it is free.
    #[inline]
    pub fn try_lock(&self) -> Option<MutexGuard<'_, T>> {
        #[cfg(not(loom))]
        {
            self.inner.try_lock().map(|guard| MutexGuard { guard })
        }
        #[cfg(loom)]
        {
            self.inner.try_lock().ok().map(|g| MutexGuard { guard: Some(g), mutex: self })
        }
    }
}

impl<T> std::ops::Deref for MutexGuard<'_, T> {
    type Target = T;
    fn deref(&self) -> &T {
        #[cfg(not(loom))]
        {
            &self.guard
        }
        #[cfg(loom)]
        {
            self.guard.as_ref().expect("guard present outside wait")
        }
    }
}

impl<T> std::ops::DerefMut for MutexGuard<'_, T> {
    fn deref_mut(&mut self) -> &mut T {
        #[cfg(not(loom))]
        {
            &mut self.guard
        }
        #[cfg(loom)]
        {
            self.guard.as_mut().expect("guard present outside wait")
        }
    }
}

/// A condition variable paired with a [`Mutex`].
#[derive(Debug, Default)]
pub struct Condvar {
    #[cfg(not(loom))]
    inner: parking_lot::Condvar,
    #[cfg(loom)]
    inner: loom::sync::Condvar,
}

impl Condvar {
    /// A new condition variable.
    #[cfg(not(loom))]
    pub const fn new() -> Self {
        Condvar { inner: parking_lot::Condvar::new() }
    }

    /// A new condition variable.
    #[cfg(loom)]
    pub fn new() -> Self {
        Condvar { inner: loom::sync::Condvar::new() }
    }

    /// Releases the guard's lock, sleeps until notified, and re-takes the lock. Spurious wake-ups
    /// are possible: callers re-check their condition in a loop.
    pub fn wait<'a, T>(&self, mut guard: MutexGuard<'a, T>) -> MutexGuard<'a, T> {
        #[cfg(not(loom))]
        {
            self.inner.wait(&mut guard.guard);
            guard
        }
        #[cfg(loom)]
        {
            let g = guard.guard.take().expect("guard present");
            guard.guard = Some(self.inner.wait(g).unwrap_or_else(|p| p.into_inner()));
            guard
        }
    }

    /// Like [`Condvar::wait`], but gives up after `timeout`; the flag is true when it timed out.
    pub fn wait_timeout<'a, T>(&self, guard: MutexGuard<'a, T>, timeout: Duration) -> (MutexGuard<'a, T>, bool) {
        #[cfg(not(loom))]
        {
            let mut guard = guard;
            let timed_out = self.inner.wait_for(&mut guard.guard, timeout).timed_out();
            (guard, timed_out)
        }
        #[cfg(loom)]
        {
            let _ = timeout;
            if model::timeouts_fire() {
                // The timeout expired immediately: release the lock, let others run, re-take it.
                let mutex = guard.mutex;
                drop(guard);
                loom::thread::yield_now();
                (mutex.lock(), true)
            } else {
                (self.wait(guard), false)
            }
        }
    }

    /// Wakes one waiter.
    #[inline]
    pub fn notify_one(&self) {
        self.inner.notify_one();
    }

    /// Wakes every waiter.
    #[inline]
    pub fn notify_all(&self) {
        self.inner.notify_all();
    }
}

// ---------------------------------------------------------------------------------------------
// The OS thread's identity.
// ---------------------------------------------------------------------------------------------

/// The calling OS thread's identifier, as `PyThread_get_thread_ident` reports it (`pthread_self`).
/// Under loom every modelled thread gets a distinct small number instead.
#[inline]
pub fn os_thread_ident() -> u64 {
    #[cfg(not(loom))]
    {
        // SAFETY: pthread_self has no preconditions and always succeeds.
        unsafe { libc::pthread_self() as u64 }
    }
    #[cfg(loom)]
    {
        model::loom_thread_ident()
    }
}

/// The kernel's id for the calling thread (`gettid`), CPython's `native_thread_id`.
pub fn native_thread_id() -> u64 {
    #[cfg(not(loom))]
    {
        // SAFETY: gettid has no preconditions and always succeeds.
        unsafe { libc::gettid() as u64 }
    }
    #[cfg(loom)]
    {
        model::loom_thread_ident()
    }
}

/// A load that loom explores fully: a plain `load` in a real build; under loom a `fetch_add(0)`
/// with the same ordering, because loom 0.7 can miss races behind a leading relaxed load
/// (loom #392 / #166; see `../shared/reference/rust-ecosystem.md` §3.3). Use it for the loads a
/// protocol's correctness hinges on.
#[inline(always)]
pub fn load_explored(atomic: &AtomicIsize, order: Ordering) -> isize {
    #[cfg(not(loom))]
    {
        atomic.load(order)
    }
    #[cfg(loom)]
    {
        atomic.fetch_add(0, order)
    }
}

// ---------------------------------------------------------------------------------------------
// Broken twins.
// ---------------------------------------------------------------------------------------------

/// The deliberate defects a loom model can switch on to prove that it can fail.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum Mutation {
    /// The interpreter lock's fast release uses `Relaxed` instead of `Release`.
    LockReleaseRelaxed,
    /// The interpreter lock's release ignores registered waiters (no wake-up is sent).
    LockReleaseSkipsWakeup,
    /// A thread that drops the lock on request does not wait for another thread to take it.
    LockNoForcedSwitch,
    /// Attaching does not re-bind the GILState slot to the attached thread state.
    AttachSkipsGilstateRebind,
    /// `GILState_Release` releases the lock on every call instead of only the outermost one.
    GilstateReleaseIgnoresCounter,
    /// The pending-call handler clears the breaker bit after draining instead of before.
    PendingUnsignalAfterDrain,
    /// The async-exception handler clears the breaker bit after taking the exception.
    AsyncExcUnsignalAfterTake,
    /// A free-threaded attach stores ATTACHED without checking for SUSPENDED.
    AttachIgnoresSuspended,
    /// A free-threaded detach does not look for a pending stop-the-world request.
    DetachIgnoresStopRequest,
    /// A cross-thread free publishes the block on the page's return list with `Relaxed`.
    ArenaReturnRelaxed,
    /// A non-owner decrement subtracts even when the shared count would go negative, instead of
    /// queueing the object for its owner to merge.
    BrcNoQueue,
    /// The owner gives up ownership without an Acquire load of the shared count.
    BrcMergeRelaxed,
    /// A thread state that goes away does not merge the objects queued to it.
    BrcExitSkipsMerge,
}

/// Whether the given mutation is switched on. Always `false` outside loom.
#[inline(always)]
pub fn broken(m: Mutation) -> bool {
    #[cfg(not(loom))]
    {
        let _ = m;
        false
    }
    #[cfg(loom)]
    {
        model::is_broken(m)
    }
}

/// Controls for loom models (only in `--cfg loom` builds).
///
/// loom runs every modelled thread as a coroutine on the test's own OS thread, so these settings
/// live in plain `std` thread-locals of that OS thread and apply to the whole model.
#[cfg(loom)]
pub mod model {
    use super::Mutation;
    use std::cell::Cell;

    std::thread_local! {
        static BROKEN: Cell<Option<Mutation>> = const { Cell::new(None) };
        static TIMEOUTS_FIRE: Cell<bool> = const { Cell::new(false) };
    }

    loom::thread_local! {
        static IDENT: Cell<u64> = Cell::new(0);
    }

    loom::lazy_static! {
        static ref NEXT_IDENT: loom::sync::atomic::AtomicU64 = loom::sync::atomic::AtomicU64::new(1);
    }

    /// Switches a deliberate defect on (`Some`) or off (`None`).
    pub fn set_broken(m: Option<Mutation>) {
        BROKEN.with(|b| b.set(m));
    }

    pub(crate) fn is_broken(m: Mutation) -> bool {
        BROKEN.with(|b| b.get() == Some(m))
    }

    /// Makes every timed wait time out at once (true) or never (false, the default).
    pub fn set_timeouts_fire(on: bool) {
        TIMEOUTS_FIRE.with(|t| t.set(on));
    }

    pub(crate) fn timeouts_fire() -> bool {
        TIMEOUTS_FIRE.with(|t| t.get())
    }

    pub(crate) fn loom_thread_ident() -> u64 {
        IDENT.with(|id| {
            if id.get() == 0 {
                id.set(NEXT_IDENT.fetch_add(1, loom::sync::atomic::Ordering::Relaxed));
            }
            id.get()
        })
    }
}
