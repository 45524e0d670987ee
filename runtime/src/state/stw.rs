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
use super::thread_state::{self, ATTACHED, DETACHED, SUSPENDED, ThreadState, Whence};
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

/// The world of one interpreter, stopped; dropping it starts the world again. It cannot leave
/// the thread that stopped the world.
pub struct WorldStopped {
    interp: Interpreter,
    /// Whether this guard owns a free-threaded stop (and must start the world).
    stopped: bool,
    /// For an interpreter with a lock: the temporary thread state that holds it.
    temporary: Option<Arc<ThreadState>>,
    _not_send: std::marker::PhantomData<*mut ()>,
}

impl WorldStopped {
    /// The interpreter whose world is stopped.
    pub fn interpreter(&self) -> &Interpreter {
        &self.interp
    }
}

pub(crate) fn stop_the_world(interp: &Interpreter) -> WorldStopped {
    let state = interp.state();
    let current = tls::current();
    // SAFETY: the current thread state is alive while attached.
    let requester = (!current.is_null() && Arc::ptr_eq(unsafe { &*current }.interp_state(), state)).then_some(current);

    if state.lock.is_some() {
        // Holding the lock stops everyone else in this interpreter (and its lock-sharers).
        let temporary = if requester.is_some() {
            None
        } else {
            let ts = ThreadState::create(state, Whence::Unknown, false);
            swap_in(&ts);
            Some(ts)
        };
        return WorldStopped { interp: interp.clone(), stopped: false, temporary, _not_send: std::marker::PhantomData };
    }

    let stw = &state.stw;
    if !stw.try_begin_request() {
        match requester {
            Some(me) => {
                // SAFETY: `me` is our current thread state.
                let me = unsafe { &*me };
                thread_state::detach(me);
                stw.begin_request();
                thread_state::attach(me);
            }
            None => stw.begin_request(),
        }
    }

    {
        let threads = state.threads.lock();
        let mut inner = stw.inner.lock();
        inner.requested = true;
        inner.countdown = 0;
        stw.requested.store(true, Ordering::Relaxed);
        if !broken(Mutation::StwRequesterNoFence) {
            fence(Ordering::SeqCst);
        }
        for ts in threads.states.iter() {
            if requester.is_some_and(|r| ptr::eq(r, Arc::as_ptr(ts))) {
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
    WorldStopped { interp: interp.clone(), stopped: true, temporary: None, _not_send: std::marker::PhantomData }
}

impl Drop for WorldStopped {
    fn drop(&mut self) {
        if let Some(ts) = self.temporary.take() {
            // The temporary state must be current and not nested on (an `attach` inside the
            // stopped region reuses it); deleting it otherwise would pull it from under a token.
            if !std::ptr::eq(tls::current(), Arc::as_ptr(&ts)) || ts.gilstate_counter() != 1 {
                crate::fatal::fatal_error(
                    "_PyEval_StartTheWorld",
                    "the world was restarted while the thread state holding the lock was in use",
                );
            }
            ts.delete_current_inner();
            return;
        }
        if !self.stopped {
            return;
        }
        let state = self.interp.state();
        let stw = &state.stw;
        {
            let threads = state.threads.lock();
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

/// Attaches a temporary thread state on a thread that may have another one attached (which
/// stays detached until the temporary one is deleted — callers use this only for finalization
/// and stop-the-world on unattached threads).
fn swap_in(ts: &ThreadState) {
    if !tls::current().is_null() {
        fatal_error("_PyEval_StopTheWorld", "the caller is attached to another interpreter");
    }
    thread_state::attach_unbound(ts);
}
