//! The one switch between real synchronisation primitives and loom's models.
//!
//! Every atomic, mutex, condition variable, thread-local and thread spawn that takes part in one of
//! pyrt's protocols is named through this module. A normal build gets `std` atomics, `parking_lot`
//! locks and `std` thread-locals; a build with `RUSTFLAGS="--cfg loom"` gets loom's types, so the
//! `loom-tests` crate model-checks *the real code*, never a copy of it (the pattern of tokio's
//! `src/loom/`).
//!
//! Four things differ between the builds, and each is confined to this file:
//!
//! * **Globals.** loom types cannot live in a `static`; [`lazy_static!`] maps to `std::sync::LazyLock`
//!   or to `loom::lazy_static!`, which loom re-creates for every explored execution.
//! * **Time.** loom has no clock. [`Condvar::wait_timeout`] in a real build waits at most the given
//!   duration; under loom it either waits for a notification (the default) or, when a model calls
//!   [`model::set_timeouts_fire`], behaves as if the timeout expired at once — a legal behaviour of a
//!   timed wait, which lets a model explore the "waiter gave up waiting" branches (drop requests).
//!   `model::set_timeout_budget` makes the next few timed waits expire without that yield, so
//!   loom alone decides who runs between the timeout and the waiter's next step.
//! * **Parking.** The per-object mutex sleeps in a parking lot keyed by the mutex's address:
//!   `parking_lot_core` in a real build, a queue under a loom mutex and condition variable under
//!   loom ([`parking`]); whether an unlock hands the mutex over directly is a model setting
//!   (`model::set_fair_unpark`) instead of a clock.
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
/// See [`StaticAtomicU64`] (the arena owner tags of interpreters).
pub type StaticAtomicU32 = std::sync::atomic::AtomicU32;
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
            if model::take_timeout_from_budget() {
                // Expired at once, and nothing more: the mutex is released and re-taken, and
                // loom decides who runs in between.
                let mutex = guard.mutex;
                drop(guard);
                (mutex.lock(), true)
            } else if model::timeouts_fire() {
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
// Parking: threads sleeping on an address (the per-object mutex's slow path).
// ---------------------------------------------------------------------------------------------

/// A parking lot: threads sleep in a queue keyed by an address and are woken one at a time
/// (WebKit's design, CPython's `Python/parking_lot.c`). A real build uses `parking_lot_core`;
/// under loom a model of it built from loom's mutex and condition variable, so the per-object
/// mutex's slow path is model-checked through the same two calls.
///
/// The contract of both builds: `validate` and `callback` run under the queue's lock, so a
/// parker's check and an unparker's callback never interleave — that is what makes "set a
/// has-parked bit, then park if the word still says so" free of lost wake-ups.
pub mod parking {
    /// What [`unpark_one`] found.
    #[derive(Clone, Copy, Debug, Default)]
    pub struct UnparkResult {
        /// Whether a thread was woken.
        pub unparked: bool,
        /// Whether more threads still sleep on the key.
        pub have_more: bool,
        /// Whether the woken thread should get the lock handed over directly: it has waited
        /// long enough (parking_lot's eventual fairness, about 0.5 ms; CPython uses 1 ms).
        pub be_fair: bool,
    }

    /// Sleeps on `key` if `validate` (run under the queue's lock) returns true, until an
    /// [`unpark_one`] on the same key wakes this thread. Returns the token the waker's callback
    /// chose, or `None` when `validate` refused.
    ///
    /// # Safety
    ///
    /// `validate` must not park, unpark or panic (it runs under the queue's lock).
    #[cfg(not(loom))]
    pub unsafe fn park(key: usize, validate: impl FnOnce() -> bool) -> Option<usize> {
        // SAFETY: the caller's contract is parking_lot_core's for `validate`; the other two
        // callbacks do nothing and there is no timeout.
        let result = unsafe {
            parking_lot_core::park(key, validate, || {}, |_, _| {}, parking_lot_core::DEFAULT_PARK_TOKEN, None)
        };
        match result {
            parking_lot_core::ParkResult::Unparked(token) => Some(token.0),
            _ => None,
        }
    }

    /// Wakes one thread sleeping on `key`, if any. `callback` runs under the queue's lock with
    /// what was found and returns the token the woken thread gets.
    ///
    /// # Safety
    ///
    /// `callback` must not park, unpark or panic (it runs under the queue's lock).
    #[cfg(not(loom))]
    pub unsafe fn unpark_one(key: usize, callback: impl FnOnce(UnparkResult) -> usize) -> UnparkResult {
        let mut seen = UnparkResult::default();
        let wrapped = |r: parking_lot_core::UnparkResult| {
            seen =
                UnparkResult { unparked: r.unparked_threads > 0, have_more: r.have_more_threads, be_fair: r.be_fair };
            parking_lot_core::UnparkToken(callback(seen))
        };
        // SAFETY: the caller's contract is parking_lot_core's for the callback.
        unsafe { parking_lot_core::unpark_one(key, wrapped) };
        seen
    }

    #[cfg(loom)]
    struct Waiter {
        key: usize,
        id: usize,
        token: Option<usize>,
    }

    #[cfg(loom)]
    #[derive(Default)]
    struct Lot {
        waiters: Vec<Waiter>,
        next_id: usize,
    }

    #[cfg(loom)]
    loom::lazy_static! {
        static ref LOT: (loom::sync::Mutex<Lot>, loom::sync::Condvar) =
            (loom::sync::Mutex::new(Lot::default()), loom::sync::Condvar::new());
    }

    /// loom's model of `parking_lot_core::park`: one queue under one loom mutex.
    ///
    /// # Safety
    ///
    /// As in a real build.
    #[cfg(loom)]
    pub unsafe fn park(key: usize, validate: impl FnOnce() -> bool) -> Option<usize> {
        let (lock, cond) = &*LOT;
        let mut lot = lock.lock().unwrap();
        if !validate() {
            return None;
        }
        let id = lot.next_id;
        lot.next_id += 1;
        lot.waiters.push(Waiter { key, id, token: None });
        loop {
            if let Some(pos) = lot.waiters.iter().position(|w| w.id == id && w.token.is_some()) {
                return lot.waiters.remove(pos).token;
            }
            lot = cond.wait(lot).unwrap();
        }
    }

    /// loom's model of `parking_lot_core::unpark_one`. Whether the lock is handed over
    /// (`be_fair`) is a model setting ([`super::model::set_fair_unpark`]).
    ///
    /// # Safety
    ///
    /// As in a real build.
    #[cfg(loom)]
    pub unsafe fn unpark_one(key: usize, callback: impl FnOnce(UnparkResult) -> usize) -> UnparkResult {
        let (lock, cond) = &*LOT;
        let mut lot = lock.lock().unwrap();
        let mut sleeping = lot.waiters.iter_mut().filter(|w| w.key == key && w.token.is_none());
        let first = sleeping.next();
        let have_more = sleeping.next().is_some();
        let result = UnparkResult { unparked: first.is_some(), have_more, be_fair: super::model::fair_unpark() };
        let token = callback(result);
        if let Some(w) = lot.waiters.iter_mut().find(|w| w.key == key && w.token.is_none()) {
            w.token = Some(token);
            cond.notify_all();
        }
        result
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

// ---------------------------------------------------------------------------------------------
// Asymmetric fences.
// ---------------------------------------------------------------------------------------------

/// Whether [`light_fence`] / [`heavy_fence`] work as a pair in this process.
///
/// The pair replaces two `SeqCst` fences in a store-buffering handshake where one side runs
/// millions of times a second (the interpreter lock's lazy release) and the other rarely (a
/// waiter about to sleep). The light side is only a compiler fence; the heavy side is Linux's
/// `membarrier(MEMBARRIER_CMD_PRIVATE_EXPEDITED)`, which makes every running thread of the
/// process execute a full memory barrier before it returns — so for any light fence, either it
/// comes before that barrier (the light side's earlier stores are visible to the heavy side's
/// later loads) or after it (the heavy side's earlier stores are visible to the light side's
/// later loads): the guarantee two `SeqCst` fences give (folly's `asymmetricLightBarrier`, the
/// userspace-RCU "membarrier" flavour). The process registers for it once; where the kernel
/// refuses, or off Linux, this is `false` and callers keep their symmetric protocol.
///
/// Under loom both sides are `SeqCst` fences and this is `true`: models check the handshake as
/// the two fences define it, which is what `membarrier` guarantees.
#[inline]
pub fn asymmetric_fences() -> bool {
    #[cfg(loom)]
    {
        true
    }
    #[cfg(all(not(loom), target_os = "linux"))]
    {
        membarrier::available()
    }
    #[cfg(all(not(loom), not(target_os = "linux")))]
    {
        false
    }
}

/// The frequent side of an asymmetric fence (see [`asymmetric_fences`]): a compiler fence in a
/// real build, a `SeqCst` fence under loom.
#[inline(always)]
pub fn light_fence() {
    #[cfg(loom)]
    fence(Ordering::SeqCst);
    #[cfg(not(loom))]
    std::sync::atomic::compiler_fence(Ordering::SeqCst);
}

/// The rare side of an asymmetric fence (see [`asymmetric_fences`]); only call it when
/// `asymmetric_fences()` is true. A system call (microseconds) in a real build.
#[inline]
pub fn heavy_fence() {
    #[cfg(loom)]
    fence(Ordering::SeqCst);
    #[cfg(all(not(loom), target_os = "linux"))]
    membarrier::barrier();
}

#[cfg(all(not(loom), target_os = "linux"))]
mod membarrier {
    use std::sync::atomic::{AtomicU8, Ordering};

    // <linux/membarrier.h>
    const CMD_QUERY: libc::c_long = 0;
    const CMD_PRIVATE_EXPEDITED: libc::c_long = 1 << 3;
    const CMD_REGISTER_PRIVATE_EXPEDITED: libc::c_long = 1 << 4;

    const UNKNOWN: u8 = 0;
    const YES: u8 = 1;
    const NO: u8 = 2;

    /// Process-wide: the registration is the process's, made once (a plain static, never a loom
    /// one: this module does not exist under loom).
    static STATE: AtomicU8 = AtomicU8::new(UNKNOWN);

    #[inline]
    pub(super) fn available() -> bool {
        match STATE.load(Ordering::Relaxed) {
            YES => true,
            NO => false,
            _ => register(),
        }
    }

    #[cold]
    fn register() -> bool {
        // SAFETY: membarrier takes two integer arguments (command, flags) and touches no memory
        // of ours; an unknown command or a refusing kernel returns -1.
        let ok = unsafe {
            let supported = libc::syscall(libc::SYS_membarrier, CMD_QUERY, 0 as libc::c_long);
            supported >= 0
                && supported & CMD_PRIVATE_EXPEDITED != 0
                && libc::syscall(libc::SYS_membarrier, CMD_REGISTER_PRIVATE_EXPEDITED, 0 as libc::c_long) == 0
        };
        STATE.store(if ok { YES } else { NO }, Ordering::Relaxed);
        ok
    }

    pub(super) fn barrier() {
        std::sync::atomic::fence(Ordering::SeqCst);
        let expedited = || {
            // SAFETY: as in `register`; the process registered before any caller could get here
            // (callers ask `available()` first).
            unsafe { libc::syscall(libc::SYS_membarrier, CMD_PRIVATE_EXPEDITED, 0 as libc::c_long) }
        };
        if expedited() == 0 {
            return;
        }
        // Refused (a forked child whose kernel did not carry the registration over, a seccomp
        // filter installed since): register again and retry. If the kernel still refuses, lazy
        // releases stop from here on (releasers take the ordinary path). The idle marks already
        // published are not lost: a waiter re-checks for an idle holder every time its
        // switch-interval wait ends, so a missed one costs at most one interval, never a hang
        // (the fence pair buys the prompt hand-off, not liveness).
        // SAFETY: as in `register`.
        let registered =
            unsafe { libc::syscall(libc::SYS_membarrier, CMD_REGISTER_PRIVATE_EXPEDITED, 0 as libc::c_long) } == 0;
        if !registered || expedited() != 0 {
            STATE.store(NO, Ordering::Relaxed);
        }
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
    /// A heap that goes away drops its pages instead of handing them to the arena for adoption.
    ArenaAbandonDropsPages,
    /// A non-owner decrement subtracts even when the shared count would go negative, instead of
    /// queueing the object for its owner to merge.
    BrcNoQueue,
    /// The owner gives up ownership without an Acquire load of the shared count.
    BrcMergeRelaxed,
    /// A thread state that goes away does not merge the objects queued to it.
    BrcExitSkipsMerge,
    /// The merge done on behalf of an owner with no thread state runs after the bucket mutex
    /// is released, so the owner can register and count locally meanwhile.
    BrcAbsentOwnerMergeUnlocked,
    /// Parking a merge-queue owner does not merge what was queued to it before.
    BrcParkSkipsMerge,
    /// Unparking a merge-queue owner does not wait out a merge done on its parked behalf.
    BrcUnparkSkipsWait,
    /// A stranger leaves its object queued to an owner whose states are all parked.
    BrcParkedOwnerQueues,
    /// A weak reference's referent is taken with a plain load of its count and an increment
    /// instead of `refcount::try_incref`'s compare-and-swap against the owner's last decrement.
    WeakrefPlainIncref,
    /// The two-object critical section locks its mutexes in argument order, not address order.
    CriticalSectionPairUnordered,
    /// Detaching leaves the thread's critical sections locked instead of suspending them.
    CriticalSectionNotSuspended,
    /// A thread that answers a stop-the-world at its breaker check keeps its critical sections.
    CriticalSectionKeptAtPleaseStop,
    /// A thread handed a mutex while asleep keeps it while its attach waits for a stop.
    HandoffKeptWhileSuspended,
    /// A thread that must sleep on an object's mutex sleeps attached instead of detaching.
    MutexSleepsAttached,
    /// Draining the deferred-decref queue zeroes its length after releasing the queue lock.
    DeferredLenClearedOutsideLock,
    /// A thread state that goes away does not clear the lock's `last_holder`.
    LockForgetHolderSkipped,
    /// A lazily released holder re-attaches with a load and a plain store of the idle-holder
    /// word instead of a compare-and-swap (a thief may take the lock in between).
    LockReattachPlainStore,
    /// A lazy release keeps the lock word even when waiters are registered.
    LockLazyIgnoresWaiters,
    /// A lazy release reads the waiter count without its (light) fence.
    LockLazyNoFence,
    /// The stop-the-world requester reads the thread states without its `SeqCst` fence.
    StwRequesterNoFence,
    /// A free-threaded detach loads the stop request without its `SeqCst` fence.
    StwDetachNoFence,
    /// A thread state deleted during a stop does not leave the stop's count.
    StwDeleteSkipsForget,
    /// A thread state created during a stop starts DETACHED instead of SUSPENDED.
    StwCreateIgnoresStop,
    /// A second stop-the-world requester does not wait for the first one to finish.
    StwRequestNotExclusive,
    /// A pending call signals only the interpreter's main thread state (every state only when
    /// it has none), and that state takes the signal with it when it is deleted: pyrt before
    /// issue 6's §3, CPython ≤ 3.12's single handling thread without a hand-over.
    PendingSignalsMainStateOnly,
    /// A QSBR poll frees retired storage without waiting for the online readers.
    QsbrFreeWithoutWaiting,
    /// A list that outgrows its block frees the old one at once instead of retiring it.
    ListFreeWithoutRetire,
    /// A lock-free list read takes its reference with a plain increment instead of a
    /// try-increment that refuses a count that is gone.
    ListReadPlainIncref,
    /// A dict whose storage is replaced (a resize, a `clear`) frees the old block at once
    /// instead of retiring it.
    DictFreeWithoutRetire,
    /// A lock-free dict lookup takes its reference to the value with a plain increment instead
    /// of a try-increment that refuses a count that is gone.
    DictReadPlainIncref,
    /// A thread other than a dict's owner reads it lock-free without marking it shared, so the
    /// owner's resize frees the old block at once under the reader.
    DictReadUnshared,
    /// The specialiser publishes an instruction's new opcode with `Relaxed` instead of `Release`.
    SpecializePublishRelaxed,
    /// The specialiser rewrites the caches of an instruction that a published form may be
    /// reading without stopping the world.
    SpecializeRewriteWithoutStop,
    /// A brief write (`object::mutation::locked_briefly`) runs without taking the object's mutex.
    BriefWriteUnlocked,
    /// The owner's shortcut of the unlocked dict read (`object::owned_read`) takes any object with
    /// a live local count, without checking that the reading thread owns it.
    OwnedReadIgnoresOwner,
    /// An instance attribute read (`object::inline_values::get_attr`) takes its reference to an
    /// inline value with a plain increment instead of the try-increment and re-load.
    InstanceValueReadPlainIncref,
    /// Materialising an instance's dict takes its values out and marks them invalid before the
    /// dict is built and published in the instance's dict slot (pyrt's order before issue 8's
    /// lock-free instance reads).
    MaterializeInvalidatesFirst,
    /// A free-threaded hit of the type attribute cache (`object::type_cache`) takes its
    /// reference to the entry's value with a plain increment instead of the try-increment and
    /// the re-check of the type's tag.
    TypeCacheReadPlainIncref,
}

/// A record of reads of some memory and of its free, which loom checks for ordering: under loom
/// a read not ordered before the free (by the protocol's atomics) is a causality violation. A
/// zero-sized no-op in a real build.
#[derive(Debug, Default)]
pub struct AccessCheck {
    #[cfg(loom)]
    cell: loom::cell::UnsafeCell<()>,
}

impl AccessCheck {
    /// A new record.
    #[inline(always)]
    pub fn new() -> Self {
        AccessCheck {
            #[cfg(loom)]
            cell: loom::cell::UnsafeCell::new(()),
        }
    }

    /// The memory is read.
    #[inline(always)]
    pub fn read(&self) {
        #[cfg(loom)]
        self.cell.with(|_| ());
    }

    /// The memory is freed (after this, no read may happen).
    #[inline(always)]
    pub fn free(&self) {
        #[cfg(loom)]
        self.cell.with_mut(|_| ());
    }
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
        static FAIR_UNPARK: Cell<bool> = const { Cell::new(false) };
        static TIMEOUT_BUDGET: Cell<usize> = const { Cell::new(0) };
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

    /// Makes the next `n` timed waits of the execution (any thread) time out at once without
    /// yielding, so that loom alone decides which thread runs between the timeout and the
    /// waiter's next step; later timed waits follow [`set_timeouts_fire`]. The yield of
    /// `set_timeouts_fire` lets a spinning waiter make progress but always hands the processor
    /// to the others first, which hides windows the other thread is in at that moment.
    pub fn set_timeout_budget(n: usize) {
        TIMEOUT_BUDGET.with(|t| t.set(n));
    }

    pub(crate) fn take_timeout_from_budget() -> bool {
        TIMEOUT_BUDGET.with(|t| {
            let n = t.get();
            if n > 0 {
                t.set(n - 1);
            }
            n > 0
        })
    }

    /// Makes every wake-up on a parked mutex hand the lock over directly (true) or never
    /// (false, the default) — parking_lot's `be_fair`, which in a real build depends on time.
    pub fn set_fair_unpark(on: bool) {
        FAIR_UNPARK.with(|t| t.set(on));
    }

    pub(crate) fn fair_unpark() -> bool {
        FAIR_UNPARK.with(|t| t.get())
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
