//! The calls room of an interpreter: work other threads hand to it.
//!
//! * pending calls (`Py_AddPendingCall`): the interpreter's queue ([`PendingCalls`], with the
//!   handling-thread rule and the main-thread queue in [`super::pending`]);
//! * asynchronous exceptions (`PyThreadState_SetAsyncExc`): delivered here, stored on the
//!   target thread state and raised at its next breaker check;
//! * signals: tripped process-wide (async-signal-safe statics in [`super::signals`]) and run as
//!   main-thread work of the main interpreter — the role belongs to the OS thread, so no
//!   interpreter holds signal state of its own.
//!
//! All three reach a thread only through an eval-breaker bit; finding the thread is the
//! scheduling room's job, so functions that need one take it as a parameter.

use super::pending::{PendingCall, PendingCalls};
use super::scheduling::Scheduling;
use crate::error::PyErr;

/// The interpreter's queue of pending calls.
pub(crate) struct Calls {
    pub(crate) pending: PendingCalls,
}

impl Calls {
    pub(crate) fn new(limit: usize) -> Self {
        Calls { pending: PendingCalls::new(limit, super::pending::MAX_PENDING_CALLS_LOOP) }
    }

    /// Queues `call` and wakes the interpreter's threads (CPython's `_PyEval_AddPendingCall`).
    /// A full queue gives the call back.
    pub(crate) fn add_pending(&self, sched: &Scheduling, call: PendingCall) -> Result<(), PendingCall> {
        super::pending::add_pending_call(self, sched, call)
    }

    /// Schedules `exc` in the thread state bound to OS thread `thread_id`
    /// (`PyThreadState_SetAsyncExc`); `None` clears a scheduled exception. Returns how many
    /// thread states were modified (0 or 1).
    pub(crate) fn set_async_exc(&self, sched: &Scheduling, thread_id: u64, exc: Option<PyErr>) -> usize {
        let threads = sched.threads.lock();
        // Newest first, as CPython walks its list.
        match threads.states.iter().rev().find(|t| t.thread_id() == thread_id) {
            Some(ts) => {
                ts.set_async_exc(exc);
                1
            }
            None => 0,
        }
    }
}
