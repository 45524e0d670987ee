//! The eval breaker: one atomic word per thread state that says "stop and look".
//!
//! The eval loop reads it at function entry and on backward jumps; when nothing is pending that
//! is one relaxed load and a test. Other threads set bits with atomic OR; the owning thread
//! handles them in [`check_eval_breaker`], in CPython 3.13's order (`_Py_HandlePending`):
//! please-stop → signals → pending calls → explicit merge → GC → drop request → async exception;
//! pyrt's deferred-decref bit is handled after the explicit merge.
//!
//! In a free-threaded interpreter every check is also a quiescent point of the thread's QSBR
//! state (`alloc::qsbr`; CPython's `QSBR_QUIESCENT_STATE` in `CHECK_EVAL_BREAKER`): a load and a
//! store, and now and then a scan that frees retired container storage. With a lock the thread
//! state has no QSBR state and the check pays one test of a field.

use super::thread_state::{self, ThreadState};
use crate::error::PyResult;
use crate::sync::{Mutation, Ordering, broken};

/// Another thread waits for the interpreter lock: drop it (`_PY_GIL_DROP_REQUEST_BIT`).
pub const DROP_REQUEST_BIT: usize = crate::lock::DROP_REQUEST_BIT;
/// A signal arrived; the main thread runs its handler (`_PY_SIGNALS_PENDING_BIT`).
pub const SIGNALS_PENDING_BIT: usize = 1 << 1;
/// Pending calls are queued (`_PY_CALLS_TO_DO_BIT`).
pub const CALLS_TO_DO_BIT: usize = 1 << 2;
/// An async exception was set on this thread (`_PY_ASYNC_EXCEPTION_BIT`).
pub const ASYNC_EXCEPTION_BIT: usize = 1 << 3;
/// A garbage collection is due (`_PY_GC_SCHEDULED_BIT`).
pub const GC_SCHEDULED_BIT: usize = 1 << 4;
/// A stop-the-world asks this thread to suspend (`_PY_EVAL_PLEASE_STOP_BIT`).
pub const PLEASE_STOP_BIT: usize = 1 << 5;
/// Objects were queued for this thread's biased-refcount merge (`_PY_EVAL_EXPLICIT_MERGE_BIT`).
pub const EXPLICIT_MERGE_BIT: usize = 1 << 6;
/// Decrements of unbound handles dropped elsewhere wait in this interpreter (pyrt's own bit: a
/// thread that never detaches must still run them).
pub const DEFERRED_DECREF_BIT: usize = 1 << 7;
/// The event bits; the rest of the word is reserved for the instrumentation version.
pub const EVENTS_MASK: usize = 0xff;

/// Checks the breaker of the attached thread state `ts`, handling whatever is pending. An `Err`
/// is an exception the caller must raise (an async exception, a failing pending call, a signal
/// handler's exception). The safe form is [`crate::Python::check_eval_breaker`].
///
/// # Safety
///
/// `ts` must be the calling thread's attached thread state (checked: fatal otherwise), and no
/// token of it may be in use by code this call could interrupt.
#[inline]
pub unsafe fn check_eval_breaker(ts: &ThreadState) -> PyResult<()> {
    check(ts)
}

#[inline]
pub(crate) fn check(ts: &ThreadState) -> PyResult<()> {
    thread_state::qsbr_quiescent(ts);
    if ts.eval_breaker.load(Ordering::Relaxed) & EVENTS_MASK == 0 {
        return Ok(());
    }
    handle_pending(ts)
}

/// The part of [`check`] that handles nothing: the quiescent point, and whether nothing is
/// pending (then `check` would have done just this and returned `Ok`). The eval loop calls it
/// where it skips a `RESUME` (`eval::first_ip`), which runs `check` itself when this is false.
#[inline(always)]
pub(crate) fn check_quiet(ts: &ThreadState) -> bool {
    thread_state::qsbr_quiescent(ts);
    ts.eval_breaker.load(Ordering::Relaxed) & EVENTS_MASK == 0
}

#[cold]
#[inline(never)]
fn handle_pending(ts: &ThreadState) -> PyResult<()> {
    if !std::ptr::eq(super::tls::current(), ts) {
        crate::fatal::fatal_error("_Py_HandlePending", "the thread state is not the current one");
    }
    let bits = ts.eval_breaker.load(Ordering::Acquire);
    let interp = ts.interp_state();

    if bits & PLEASE_STOP_BIT != 0 {
        ts.eval_breaker.fetch_and(!PLEASE_STOP_BIT, Ordering::AcqRel);
        if interp.sched.lock.is_none() {
            interp.sched.stw.handle_please_stop(ts);
        }
    }
    if bits & SIGNALS_PENDING_BIT != 0 {
        super::signals::handle_signals(ts)?;
    }
    if bits & CALLS_TO_DO_BIT != 0 {
        super::pending::make_pending_calls(ts).map_err(crate::error::PyErr::from)?;
    }
    if bits & EXPLICIT_MERGE_BIT != 0 {
        interp.memory.brc.merge_queued(&ts.eval_breaker);
    }
    if bits & DEFERRED_DECREF_BIT != 0 {
        ts.eval_breaker.fetch_and(!DEFERRED_DECREF_BIT, Ordering::AcqRel);
        if interp.memory.has_deferred() {
            interp.memory.run_deferred();
        }
    }
    if bits & GC_SCHEDULED_BIT != 0 {
        ts.eval_breaker.fetch_and(!GC_SCHEDULED_BIT, Ordering::AcqRel);
        crate::modules::gc::run_scheduled(ts);
    }
    if bits & DROP_REQUEST_BIT != 0 {
        if ts.stw_held.load(Ordering::Relaxed) != 0 {
            // This thread has the world stopped: the request stays pending until the stop ends.
        } else if interp.sched.lock.is_some() {
            // Give the lock to the waiter (forced switch), then take it back.
            thread_state::detach(ts);
            thread_state::attach(ts);
        } else {
            // Free-threaded: a thread asleep on a mutex this one holds in a critical section
            // (the language lock of `pyrt::run`) asked for a turn.
            ts.eval_breaker.fetch_and(!DROP_REQUEST_BIT, Ordering::AcqRel);
            crate::lock::critical_section::yield_to_waiters(ts);
        }
    }
    if bits & ASYNC_EXCEPTION_BIT != 0 {
        if broken(Mutation::AsyncExcUnsignalAfterTake) {
            let exc = ts.take_async_exc();
            ts.eval_breaker.fetch_and(!ASYNC_EXCEPTION_BIT, Ordering::AcqRel);
            if let Some(e) = exc {
                return Err(e);
            }
        } else {
            ts.eval_breaker.fetch_and(!ASYNC_EXCEPTION_BIT, Ordering::AcqRel);
            if let Some(e) = ts.take_async_exc() {
                return Err(e);
            }
        }
    }
    Ok(())
}
