//! Free-threaded attach/detach and stop-the-world (CPython's `_PyEval_StopTheWorld`).
//!
//! # Protocol
//!
//! A free-threaded interpreter has no lock: a thread attaches with a CAS `DETACHED → ATTACHED`
//! and detaches with a store of DETACHED. Exclusive work (collection, finalization, changing
//! tracing) *stops the world*:
//!
//! 1. The requester claims `request_busy` (one stop per interpreter at a time; stops of different
//!    interpreters are independent). If it is attached and must wait for another requester, it
//!    detaches while it waits, so that the other stop can park it.
//! 2. Under the thread-list lock and `inner`, it sets `requested`, issues a `SeqCst` fence, and
//!    scans every other thread state: a DETACHED one is CASed to SUSPENDED (it cannot attach any
//!    more); an ATTACHED one is counted in `countdown` and gets `PLEASE_STOP` in its eval breaker.
//! 3. It sleeps on `stopped` until `countdown` is 0.
//!
//! A counted thread leaves the count exactly once, by the one CAS or store that makes it
//! SUSPENDED: at its next breaker check it stores ATTACHED → SUSPENDED itself; or, if it detaches
//! first, its detach sees `requested` and CASes DETACHED → SUSPENDED. The detach side stores
//! DETACHED, fences (`SeqCst`), then loads `requested`; the requester stores `requested`, fences,
//! then reads the status — so at least one of them sees the other (the store-buffering pattern
//! made safe by the two fences), and no detaching thread slips through uncounted.
//!
//! Start-the-world moves every SUSPENDED state back to DETACHED under `inner` and wakes the
//! threads waiting in `attach`, which re-try their CAS. Thread states created while the world is
//! stopped start SUSPENDED.

use std::ptr;

use super::breaker::PLEASE_STOP_BIT;
use super::interpreter::Interpreter;
use super::thread_state::{self, ATTACHED, DETACHED, SUSPENDED, ThreadState};
use super::tls;
use crate::fatal::fatal_error;
use crate::sync::{Arc, AtomicBool, Condvar, Mutation, Mutex, MutexGuard, Ordering, broken, fence};

struct Inner {
    requested: bool,
    countdown: usize,
    world_stopped: bool,
}

/// The stop-the-world state of one free-threaded interpreter.
pub(crate) struct StopTheWorld {
    /// True while a requester owns this interpreter's stop (step 1 of the protocol).
    request_busy: Mutex<bool>,
    request_free: Condvar,
    /// Lock-free mirror of `inner.requested`, read by `detach` after its fence.
    requested: AtomicBool,
    inner: Mutex<Inner>,
    /// The requester waits here for `countdown` to reach 0.
    stopped: Condvar,
    /// Suspended threads wait here for the restart.
    resumed: Condvar,
}

impl StopTheWorld {
    pub(crate) fn new() -> Self {
        StopTheWorld {
            request_busy: Mutex::new(false),
            request_free: Condvar::new(),
            requested: AtomicBool::new(false),
            inner: Mutex::new(Inner { requested: false, countdown: 0, world_stopped: false }),
            stopped: Condvar::new(),
            resumed: Condvar::new(),
        }
    }

    /// Whether a thread state created now must start SUSPENDED. Caller holds the thread list lock.
    pub(crate) fn creating_while_stopped(&self) -> bool {
        self.inner.lock().requested && !broken(Mutation::StwCreateIgnoresStop)
    }

    /// Whether the world is stopped right now (a snapshot).
    pub(crate) fn is_stopped(&self) -> bool {
        self.inner.lock().world_stopped
    }

    /// Free-threaded attach: CAS DETACHED → ATTACHED, waiting while SUSPENDED.
    #[inline]
    pub(crate) fn attach(&self, ts: &ThreadState) {
        let status = ts.status_word();
        loop {
            if broken(Mutation::AttachIgnoresSuspended) {
                status.store(ATTACHED, Ordering::Release);
                return;
            }
            match status.compare_exchange(DETACHED, ATTACHED, Ordering::Acquire, Ordering::Relaxed) {
                Ok(_) => {
                    if ts.is_deleted() {
                        // Deleted while it was stopped (finalization): never run again.
                        status.store(DETACHED, Ordering::Release);
                        thread_state::park_forever();
                    }
                    return;
                }
                Err(SUSPENDED) => {
                    crate::lock::critical_section::give_back_handoff(ts);
                    self.wait_resumed(ts)
                }
                Err(_) => fatal_error("_PyThreadState_Attach", "thread state is already attached"),
            }
        }
    }

    #[cold]
    fn wait_resumed(&self, ts: &ThreadState) {
        let mut inner = self.inner.lock();
        while ts.status_word().load(Ordering::Acquire) == SUSPENDED {
            inner = self.resumed.wait(inner);
        }
        drop(inner);
    }

    /// Free-threaded detach: store DETACHED; if a stop is requested, park (see module docs).
    #[inline]
    pub(crate) fn detach(&self, ts: &ThreadState) {
        ts.status_word().store(DETACHED, Ordering::Release);
        if broken(Mutation::DetachIgnoresStopRequest) {
            return;
        }
        if !broken(Mutation::StwDetachNoFence) {
            fence(Ordering::SeqCst);
        }
        if self.requested.load(Ordering::Relaxed) {
            self.park_detached(ts);
        }
    }

    #[cold]
    fn park_detached(&self, ts: &ThreadState) {
        let mut inner = self.inner.lock();
        // Only a state this stop counted leaves the count; the requester (never counted) and
        // states the scan already suspended are left alone.
        if inner.requested
            && ts.stw_counted.load(Ordering::Relaxed)
            && ts.status_word().compare_exchange(DETACHED, SUSPENDED, Ordering::AcqRel, Ordering::Relaxed).is_ok()
        {
            ts.stw_counted.store(false, Ordering::Relaxed);
            ts.eval_breaker.fetch_and(!PLEASE_STOP_BIT, Ordering::Relaxed);
            count_down(&mut inner, &self.stopped);
        }
    }

    /// A state that is being deleted leaves the count of a stop in progress.
    pub(crate) fn forget(&self, ts: &ThreadState) {
        if broken(Mutation::StwDeleteSkipsForget) {
            return;
        }
        let mut inner = self.inner.lock();
        if ts.stw_counted.swap(false, Ordering::Relaxed) {
            count_down(&mut inner, &self.stopped);
        }
    }

    /// Answers `PLEASE_STOP` at a breaker check: suspend until the world restarts.
    pub(crate) fn handle_please_stop(&self, ts: &ThreadState) {
        let mut inner = self.inner.lock();
        if !inner.requested || !ts.stw_counted.load(Ordering::Relaxed) {
            return; // a stale request (that stop is over), or we are the requester
        }
        ts.stw_counted.store(false, Ordering::Relaxed);
        // Suspending is detaching (CPython's `detach_thread`): give up the objects our critical
        // sections hold, so that the requester can lock them while the world is stopped.
        if !broken(Mutation::CriticalSectionKeptAtPleaseStop) {
            crate::lock::critical_section::suspend_all(ts);
        }
        ts.status_word().store(SUSPENDED, Ordering::Release);
        count_down(&mut inner, &self.stopped);
        while ts.status_word().load(Ordering::Acquire) == SUSPENDED {
            inner = self.resumed.wait(inner);
        }
        drop(inner);
        // Start-the-world left us DETACHED; take ATTACHED back (another stop may be starting).
        self.attach(ts);
        crate::lock::critical_section::resume(ts);
    }
}

impl StopTheWorld {
    fn try_begin_request(&self) -> bool {
        if broken(Mutation::StwRequestNotExclusive) {
            return true;
        }
        let mut busy = self.request_busy.lock();
        !std::mem::replace(&mut *busy, true)
    }

    fn begin_request(&self) {
        let mut busy = self.request_busy.lock();
        while *busy {
            busy = self.request_free.wait(busy);
        }
        *busy = true;
    }

    fn end_request(&self) {
        *self.request_busy.lock() = false;
        self.request_free.notify_one();
    }
}

fn count_down(inner: &mut MutexGuard<'_, Inner>, stopped: &Condvar) {
    assert!(inner.countdown > 0, "stop-the-world countdown underflow");
    inner.countdown -= 1;
    if inner.countdown == 0 {
        stopped.notify_all();
    }
}

/// The world of one interpreter, stopped by the calling thread; dropping it starts the world
/// again. It is branded with the attachment that requested it (`'py`), so it cannot leave that
/// attachment, nor its thread.
///
/// While the world is stopped, the requester's breaker checks still handle everything that runs
/// on this thread (signals, pending calls, merges, async exceptions) but never give the world
/// away: a drop request stays pending until the stop ends (the first check after it hands the
/// lock over), and a stop request of another requester cannot exist (one per interpreter).
pub struct WorldStopped<'py> {
    ts: &'py ThreadState,
    /// Whether this guard owns a free-threaded stop (and must start the world).
    stopped: bool,
    _not_send: std::marker::PhantomData<*mut ()>,
}

impl WorldStopped<'_> {
    /// The interpreter whose world is stopped.
    pub fn interpreter(&self) -> Interpreter {
        self.ts.interpreter()
    }
}

/// Stops the world of the interpreter `requester` is attached to (the caller's current thread
/// state). For an interpreter with a lock, holding the lock already excludes everyone else.
pub(crate) fn stop_the_world(requester: &ThreadState) -> WorldStopped<'_> {
    if !ptr::eq(tls::current(), requester) {
        fatal_error("_PyEval_StopTheWorld", "the requester is not the current thread state");
    }
    let state = requester.interp_state();
    requester.stw_held.fetch_add(1, Ordering::Relaxed);
    if state.sched.lock.is_some() {
        return WorldStopped { ts: requester, stopped: false, _not_send: std::marker::PhantomData };
    }

    let stw = &state.sched.stw;
    if !stw.try_begin_request() {
        // Another requester owns the stop: wait detached, so that its stop can park us.
        thread_state::detach(requester);
        stw.begin_request();
        thread_state::attach(requester);
    }

    {
        let threads = state.sched.threads.lock();
        let mut inner = stw.inner.lock();
        inner.requested = true;
        inner.countdown = 0;
        stw.requested.store(true, Ordering::Relaxed);
        if !broken(Mutation::StwRequesterNoFence) {
            fence(Ordering::SeqCst);
        }
        for ts in threads.states.iter() {
            if ptr::eq(requester, Arc::as_ptr(ts)) {
                continue;
            }
            match ts.status_word().compare_exchange(DETACHED, SUSPENDED, Ordering::AcqRel, Ordering::Acquire) {
                Ok(_) => {}
                Err(ATTACHED) => {
                    inner.countdown += 1;
                    ts.stw_counted.store(true, Ordering::Relaxed);
                    ts.eval_breaker.fetch_or(PLEASE_STOP_BIT, Ordering::Release);
                }
                Err(_) => {} // already SUSPENDED (created during this request)
            }
        }
        drop(threads);
        while inner.countdown > 0 {
            inner = stw.stopped.wait(inner);
        }
        inner.world_stopped = true;
    }
    WorldStopped { ts: requester, stopped: true, _not_send: std::marker::PhantomData }
}

impl Drop for WorldStopped<'_> {
    fn drop(&mut self) {
        self.ts.stw_held.fetch_sub(1, Ordering::Relaxed);
        if !self.stopped {
            return;
        }
        let state = self.ts.interp_state();
        let stw = &state.sched.stw;
        {
            let threads = state.sched.threads.lock();
            let mut inner = stw.inner.lock();
            inner.requested = false;
            inner.world_stopped = false;
            stw.requested.store(false, Ordering::Relaxed);
            for ts in threads.states.iter() {
                let _ = ts.status_word().compare_exchange(SUSPENDED, DETACHED, Ordering::Release, Ordering::Relaxed);
            }
            stw.resumed.notify_all();
        }
        stw.end_request();
        self.stopped = false;
    }
}

/// §1.3: the guard is branded with the attachment that stopped the world, so it cannot be
/// returned out of `attach` (where it would claim a stop while the others run):
///
/// ```compile_fail
/// use pyrt::{Interpreter, InterpreterConfig, Runtime};
///
/// Runtime::initialize();
/// let interp = Interpreter::new(InterpreterConfig::free_threaded()).unwrap();
/// let world = interp.attach(|py| py.stop_the_world());
/// drop(world);
/// ```
///
/// nor be made by a thread that is not attached (the old `Interpreter::stop_the_world`):
///
/// ```compile_fail
/// use pyrt::{Interpreter, InterpreterConfig, Runtime};
///
/// Runtime::initialize();
/// let interp = Interpreter::new(InterpreterConfig::free_threaded()).unwrap();
/// let world = interp.stop_the_world();
/// ```
///
/// nor cross to another thread:
///
/// ```compile_fail
/// fn sent<T: Send>() {}
/// sent::<pyrt::state::WorldStopped<'static>>();
/// ```
#[cfg(doctest)]
pub struct WorldStoppedStaysWithItsAttachment;
