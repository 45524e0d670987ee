//! Pending calls: work another thread asks an interpreter's main thread to run.
//!
//! Two bounded FIFO queues, as in CPython (`Python/ceval_gil.c`):
//!
//! * one per interpreter (300 calls by default, at most 100 run per breaker check), run by the
//!   interpreter's main thread state;
//! * one for the whole runtime behind `Py_AddPendingCall` (32 calls, drained completely), run by
//!   the main thread of the main interpreter.
//!
//! # Protocol
//!
//! Adding: under the queue mutex, append (or give the call back when full — nothing queued is
//! touched); then set `CALLS_TO_DO` in the target thread's eval breaker. The bit is set *after*
//! the call is visible in the queue.
//!
//! Running (at the breaker): clear `CALLS_TO_DO` *first*, then pop and run calls one at a time,
//! the mutex released while a call runs. Clearing first is what makes a concurrent add safe: an
//! add that lands after our last pop sets the bit again, so no call is left without a signal.
//! A call that fails stops the round, re-sets the bit for the calls behind it, and its exception
//! is raised in the running thread. Hitting the per-round limit also re-sets the bit.

use std::collections::VecDeque;
use std::ffi::{c_int, c_void};
use std::fmt;

use super::breaker::CALLS_TO_DO_BIT;
use super::thread_state::ThreadState;
use crate::error::{ExcKind, PyErr, PyResult};
use crate::sync::{AtomicBool, AtomicUsize, Mutation, Mutex, Ordering, broken};

/// CPython's `MAXPENDINGCALLS`.
pub const MAX_PENDING_CALLS: usize = 300;
/// CPython's `MAXPENDINGCALLSLOOP`.
pub const MAX_PENDING_CALLS_LOOP: usize = 100;
/// CPython's `MAXPENDINGCALLS_MAIN`.
pub const MAX_PENDING_CALLS_MAIN: usize = 32;

/// A C pending-call function: returns 0 on success, -1 with an exception set on failure.
pub type PendingFn = unsafe extern "C" fn(*mut c_void) -> c_int;

/// One queued call: a Rust closure or a C function with its argument.
pub struct PendingCall(CallKind);

enum CallKind {
    C { func: PendingFn, arg: *mut c_void },
    Rust(Box<dyn FnOnce() -> PyResult<()> + Send>),
}

// SAFETY: a C pending call's `arg` is an opaque pointer the C caller hands to another thread by
// contract (CPython's Py_AddPendingCall has the same contract); the Rust variant is `Send`.
unsafe impl Send for PendingCall {}

impl fmt::Debug for PendingCall {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.0 {
            CallKind::C { arg, .. } => write!(f, "PendingCall::C({arg:p})"),
            CallKind::Rust(_) => f.write_str("PendingCall::Rust"),
        }
    }
}

impl PendingCall {
    /// Wraps a Rust closure.
    pub fn new(f: impl FnOnce() -> PyResult<()> + Send + 'static) -> Self {
        PendingCall(CallKind::Rust(Box::new(f)))
    }

    /// Wraps a C function and its argument (`Py_AddPendingCall(func, arg)`).
    ///
    /// # Safety
    ///
    /// `func(arg)` must be safe to call once, on another thread, while attached to the
    /// interpreter; `arg` is handed over untouched.
    pub unsafe fn from_c(func: PendingFn, arg: *mut c_void) -> Self {
        PendingCall(CallKind::C { func, arg })
    }

    fn run(self) -> PyResult<()> {
        match self.0 {
            CallKind::Rust(f) => f(),
            CallKind::C { func, arg } => {
                // SAFETY: `from_c`'s caller promised `func(arg)` may be called once from another
                // thread while attached, which is where we are.
                let rc = unsafe { func(arg) };
                if rc == 0 {
                    Ok(())
                } else {
                    Err(PyErr::new(ExcKind::SystemError, format!("pending call failed with status {rc}")))
                }
            }
        }
    }
}

/// A bounded pending-call queue.
pub(crate) struct PendingCalls {
    queue: Mutex<VecDeque<PendingCall>>,
    /// Mirror of the queue length for the lock-free "anything pending?" check at attach.
    npending: AtomicUsize,
    /// Set while a thread runs calls from this queue (no re-entrant handling).
    busy: AtomicBool,
    max: usize,
    /// Calls run per round; 0 = until empty.
    max_loop: usize,
}

impl PendingCalls {
    pub(crate) fn new(max: usize, max_loop: usize) -> Self {
        PendingCalls {
            queue: Mutex::new(VecDeque::new()),
            npending: AtomicUsize::new(0),
            busy: AtomicBool::new(false),
            max,
            max_loop,
        }
    }

    /// Appends `call`, or gives it back if the queue is full.
    pub(crate) fn push(&self, call: PendingCall) -> Result<(), PendingCall> {
        let mut q = self.queue.lock();
        if q.len() >= self.max {
            return Err(call);
        }
        q.push_back(call);
        self.npending.store(q.len(), Ordering::Relaxed);
        Ok(())
    }

    fn pop(&self) -> Option<PendingCall> {
        let mut q = self.queue.lock();
        let call = q.pop_front();
        self.npending.store(q.len(), Ordering::Relaxed);
        call
    }

    /// Number of queued calls (a snapshot).
    pub(crate) fn len(&self) -> usize {
        self.npending.load(Ordering::Relaxed)
    }

    #[inline]
    pub(crate) fn has_pending(&self) -> bool {
        self.len() != 0
    }

    /// On attach: if calls are waiting and `ts` is (or becomes) its interpreter's main thread,
    /// make sure its breaker says so (CPython's `update_eval_breaker_for_thread`).
    #[cold]
    pub(crate) fn signal_on_attach(&self, ts: &ThreadState) {
        if ts.interp_state().claim_main_thread(ts) {
            ts.eval_breaker.fetch_or(CALLS_TO_DO_BIT, Ordering::Release);
        }
    }

    /// Runs one round of calls on the current thread `ts`. The caller has cleared `CALLS_TO_DO`.
    fn run_round(&self, ts: &ThreadState) -> PyResult<()> {
        if self.busy.swap(true, Ordering::Acquire) {
            return Ok(()); // a call is already being handled further up this thread's stack
        }
        /// Clears `busy` however the round ends (a call may panic).
        struct NotBusy<'a>(&'a AtomicBool);
        impl Drop for NotBusy<'_> {
            fn drop(&mut self) {
                self.0.store(false, Ordering::Release);
            }
        }
        let _not_busy = NotBusy(&self.busy);
        (|| {
            let mut ran = 0;
            loop {
                if self.max_loop != 0 && ran == self.max_loop {
                    if self.has_pending() {
                        ts.eval_breaker.fetch_or(CALLS_TO_DO_BIT, Ordering::Release);
                    }
                    return Ok(());
                }
                let Some(call) = self.pop() else { return Ok(()) };
                ran += 1;
                if let Err(e) = call.run() {
                    if self.has_pending() {
                        ts.eval_breaker.fetch_or(CALLS_TO_DO_BIT, Ordering::Release);
                    }
                    return Err(e);
                }
            }
        })()
    }

    /// Runs every queued call (interpreter finalization, `_Py_FinishPendingCalls`). Errors are
    /// reported through the returned list; nothing stays queued.
    pub(crate) fn finish(&self, ts: &ThreadState) -> Vec<PyErr> {
        let mut errors = Vec::new();
        while let Some(call) = self.pop() {
            errors.extend(call.run().err());
        }
        if ts.interp_state().is_main() {
            while let Some(call) = super::runtime::runtime().main_pending.pop() {
                errors.extend(call.run().err());
            }
        }
        errors
    }

    /// Drops every queued call without running it (runtime finalization of the main queue after
    /// the main interpreter is gone).
    pub(crate) fn discard(&self) {
        let mut q = self.queue.lock();
        q.clear();
        self.npending.store(0, Ordering::Relaxed);
    }
}

/// Runs every pending call still queued for `interp` on its finalizing thread state `ts`
/// (`_Py_FinishPendingCalls`); a call that fails has its exception reported on stderr, as
/// CPython prints it, and the rest still run.
pub(crate) fn finish_pending_calls(interp: &super::interpreter::InterpreterState, ts: &ThreadState) {
    for err in interp.pending.finish(ts) {
        crate::error::print_exception(&err);
    }
}

/// Handles `CALLS_TO_DO` for the attached thread state `ts` (CPython's `make_pending_calls`).
pub(crate) fn make_pending_calls(ts: &ThreadState) -> PyResult<()> {
    let interp = ts.interp_state();
    if !interp.claim_main_thread(ts) {
        // Only the interpreter's main thread runs its calls: hand the signal over.
        ts.eval_breaker.fetch_and(!CALLS_TO_DO_BIT, Ordering::AcqRel);
        interp.with_main_thread(|main| {
            main.eval_breaker.fetch_or(CALLS_TO_DO_BIT, Ordering::Release);
        });
        return Ok(());
    }
    let late_unsignal = broken(Mutation::PendingUnsignalAfterDrain);
    if !late_unsignal {
        ts.eval_breaker.fetch_and(!CALLS_TO_DO_BIT, Ordering::AcqRel);
    }
    let result = interp
        .pending
        .run_round(ts)
        .and_then(|()| if interp.is_main() { super::runtime::runtime().main_pending.run_round(ts) } else { Ok(()) });
    if late_unsignal {
        ts.eval_breaker.fetch_and(!CALLS_TO_DO_BIT, Ordering::AcqRel);
    }
    result
}

/// Runs pending calls now (`Py_MakePendingCalls`): in the main thread of the main interpreter,
/// attached, both the runtime-wide queue and the interpreter's; elsewhere it does nothing. Fatal
/// if the caller is not attached.
pub fn make_pending_calls_now() -> PyResult<()> {
    let ts = super::thread_state::get();
    // SAFETY: `get` returns the attached, hence live, thread state.
    let ts = unsafe { ts.as_ref() };
    let interp = ts.interp_state();
    if !interp.is_main() || !interp.claim_main_thread(ts) {
        return Ok(());
    }
    ts.eval_breaker.fetch_and(!CALLS_TO_DO_BIT, Ordering::AcqRel);
    interp.pending.run_round(ts)?;
    super::runtime::runtime().main_pending.run_round(ts)
}

/// Queues `call` on `interp` and signals its main thread (`_PyEval_AddPendingCall`).
pub(crate) fn add_pending_call(
    interp: &super::interpreter::InterpreterState,
    call: PendingCall,
) -> Result<(), PendingCall> {
    interp.pending.push(call)?;
    interp.with_main_thread(|ts| {
        ts.eval_breaker.fetch_or(CALLS_TO_DO_BIT, Ordering::Release);
    });
    Ok(())
}
