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
use std::ptr;

use crate::sync::{AtomicPtr, AtomicUsize, Mutation, Mutex, Ordering, StaticAtomicUsize, broken};

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

    fn run(self) -> Result<(), PendingFailure> {
        match self.0 {
            CallKind::Rust(f) => f().map_err(PendingFailure::Raised),
            CallKind::C { func, arg } => {
                // SAFETY: `from_c`'s caller promised `func(arg)` may be called once from another
                // thread while attached, which is where we are.
                let rc = unsafe { func(arg) };
                if rc == 0 { Ok(()) } else { Err(PendingFailure::NoException(rc)) }
            }
        }
    }
}

/// How a pending call failed.
#[derive(Debug)]
pub(crate) enum PendingFailure {
    /// A C call returned non-zero; pyrt's C ABI has no way to set an exception yet.
    NoException(c_int),
    /// A Rust call returned this exception.
    Raised(PyErr),
}

impl From<PendingFailure> for PyErr {
    fn from(f: PendingFailure) -> PyErr {
        match f {
            PendingFailure::NoException(rc) => {
                PyErr::new(ExcKind::SystemError, format!("pending call failed with status {rc}"))
            }
            PendingFailure::Raised(e) => e,
        }
    }
}

/// A bounded pending-call queue.
pub(crate) struct PendingCalls {
    queue: Mutex<VecDeque<PendingCall>>,
    /// Mirror of the queue length for the lock-free "anything pending?" check at attach.
    npending: AtomicUsize,
    /// A process-wide mirror of the length, for the runtime's main-thread queue: attach reads it
    /// without reaching the runtime's lazily built state.
    static_mirror: Option<&'static StaticAtomicUsize>,
    /// The thread state running calls from this queue right now, or null (CPython's
    /// `handling_thread`); written under `queue`'s mutex. One thread at a time, and no
    /// re-entrant handling.
    handling: AtomicPtr<ThreadState>,
    max: usize,
    /// Calls run per round; 0 = until empty.
    max_loop: usize,
}

/// Length of the runtime's main-thread queue (`Py_AddPendingCall`).
static MAIN_QUEUE_LEN: StaticAtomicUsize = StaticAtomicUsize::new(0);

/// See [`super::reset_statics_for_model`]: the previous execution's queue died with its runtime.
#[cfg(loom)]
pub(super) fn reset_statics_for_model() {
    MAIN_QUEUE_LEN.store(0, Ordering::Relaxed);
}

impl PendingCalls {
    pub(crate) fn new(max: usize, max_loop: usize) -> Self {
        PendingCalls {
            queue: Mutex::new(VecDeque::new()),
            npending: AtomicUsize::new(0),
            static_mirror: None,
            handling: AtomicPtr::new(ptr::null_mut()),
            max,
            max_loop,
        }
    }

    /// The runtime's main-thread queue.
    pub(crate) fn new_main() -> Self {
        PendingCalls { static_mirror: Some(&MAIN_QUEUE_LEN), ..Self::new(MAX_PENDING_CALLS_MAIN, 0) }
    }

    fn set_len(&self, n: usize) {
        self.npending.store(n, Ordering::Relaxed);
        if let Some(m) = self.static_mirror {
            m.store(n, Ordering::Relaxed);
        }
    }

    /// Appends `call`, or gives it back if the queue is full.
    pub(crate) fn push(&self, call: PendingCall) -> Result<(), PendingCall> {
        let mut q = self.queue.lock();
        if q.len() >= self.max {
            return Err(call);
        }
        q.push_back(call);
        self.set_len(q.len());
        Ok(())
    }

    fn pop(&self) -> Option<PendingCall> {
        let mut q = self.queue.lock();
        let call = q.pop_front();
        self.set_len(q.len());
        call
    }

    /// Number of queued calls (a snapshot).
    #[inline]
    pub(crate) fn len(&self) -> usize {
        self.npending.load(Ordering::Relaxed)
    }

    #[inline]
    pub(crate) fn has_pending(&self) -> bool {
        self.len() != 0
    }

    /// Makes `ts` this queue's handling thread, unless another round is in progress: then the
    /// signal moves to the handling thread and `false` is returned (CPython's rule).
    fn begin_handling(&self, ts: &ThreadState) -> bool {
        let _q = self.queue.lock();
        let handling = self.handling.load(Ordering::Relaxed);
        if !handling.is_null() {
            // SAFETY: the handling thread state is running calls on its own thread and clears
            // `handling` under this mutex before it could go away.
            unsafe { &*handling }.eval_breaker.fetch_or(CALLS_TO_DO_BIT, Ordering::Release);
            ts.eval_breaker.fetch_and(!CALLS_TO_DO_BIT, Ordering::AcqRel);
            return false;
        }
        self.handling.store(ts as *const ThreadState as *mut ThreadState, Ordering::Relaxed);
        true
    }

    fn end_handling(&self) {
        let _q = self.queue.lock();
        self.handling.store(ptr::null_mut(), Ordering::Relaxed);
    }

    /// Runs one round of calls on the current thread `ts` (the handling thread). Hitting the
    /// per-round limit, or a failing call with calls behind it, re-signals `ts`.
    fn run_round(&self, ts: &ThreadState) -> Result<(), PendingFailure> {
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
    }

    /// Drops every queued call without running it (runtime finalization of the main queue after
    /// the main interpreter is gone).
    pub(crate) fn discard(&self) {
        let mut q = self.queue.lock();
        q.clear();
        self.set_len(0);
    }
}

/// Whether the calling OS thread is the runtime's main thread (`_Py_IsMainThread`): the thread
/// that initialized the runtime. The role belongs to the OS thread, whatever thread state it has
/// attached.
pub(crate) fn is_main_os_thread() -> bool {
    super::runtime::main_thread_ident() == crate::sync::os_thread_ident()
}

/// Whether `ts` may run main-thread-only calls and signal handlers: the main OS thread, attached
/// to the main interpreter (`_Py_ThreadCanHandleSignals`).
pub(crate) fn can_handle_main_thread_work(ts: &ThreadState) -> bool {
    ts.interp_state().is_main() && is_main_os_thread()
}

/// Whether work for the main thread waits (a `Py_AddPendingCall` or a tripped signal): two
/// relaxed loads of statics, for the attach path.
#[inline]
pub(crate) fn main_thread_work_waits() -> bool {
    MAIN_QUEUE_LEN.load(Ordering::Relaxed) != 0 || super::signals::any_tripped()
}

/// On attach, when calls or signals wait: set the bits this thread will handle at its next check
/// (CPython's `update_eval_breaker_for_thread`). Any thread of the interpreter takes its calls;
/// only the main OS thread in the main interpreter takes main-thread calls and signals.
#[cold]
pub(crate) fn update_breaker_on_attach(ts: &ThreadState) {
    let interp = ts.interp_state();
    let main_work = can_handle_main_thread_work(ts);
    if interp.calls.pending.has_pending() || (main_work && MAIN_QUEUE_LEN.load(Ordering::Relaxed) != 0) {
        ts.eval_breaker.fetch_or(CALLS_TO_DO_BIT, Ordering::Release);
    }
    if main_work && super::signals::any_tripped() {
        ts.eval_breaker.fetch_or(super::breaker::SIGNALS_PENDING_BIT, Ordering::Release);
    }
}

/// Runs every pending call still queued for `interp` on its finalizing thread state `ts`
/// (`_Py_FinishPendingCalls`): the interpreter's calls and, on the main OS thread of the main
/// interpreter, the main-thread calls, until none is left. A call that fails has its exception
/// reported on stderr as CPython 3.13 prints it, and the rest still run.
pub(crate) fn finish_pending_calls(interp: &super::interpreter::InterpreterState, ts: &ThreadState) {
    let main = super::runtime::runtime();
    loop {
        if let Err(e) = make_pending_calls(ts) {
            report_failed_call(&e);
        }
        let main_left = can_handle_main_thread_work(ts) && main.main_pending.has_pending();
        if !interp.calls.pending.has_pending() && !main_left {
            break;
        }
    }
}

/// CPython 3.13.0's `_Py_FinishPendingCalls` wraps a failing call's exception in
/// `PyErr_BadInternalCall()` (at this line of its `Python/ceval_gil.c`) and prints the chain.
const FINISH_BAD_CALL: &str = "SystemError: Python/ceval_gil.c:1020: bad argument to internal function";

fn report_failed_call(e: &PendingFailure) {
    use std::io::Write;
    let mut err = std::io::stderr().lock();
    let _ = match e {
        PendingFailure::NoException(_) => writeln!(err, "{FINISH_BAD_CALL}"),
        PendingFailure::Raised(e) => writeln!(
            err,
            "{e}\n\nDuring handling of the above exception, another exception occurred:\n\n{FINISH_BAD_CALL}"
        ),
    };
    let _ = err.flush();
}

/// Handles `CALLS_TO_DO` for the attached thread state `ts` (CPython 3.13's
/// `make_pending_calls`): whichever thread of the interpreter gets here first runs the
/// interpreter's calls (another one arriving meanwhile hands its signal to it); the main OS
/// thread in the main interpreter also runs the main-thread calls.
pub(crate) fn make_pending_calls(ts: &ThreadState) -> Result<(), PendingFailure> {
    let interp = ts.interp_state();
    if !interp.calls.pending.begin_handling(ts) {
        return Ok(());
    }
    /// Ends the handling however the round ends (a call may panic).
    struct EndHandling<'a>(&'a PendingCalls);
    impl Drop for EndHandling<'_> {
        fn drop(&mut self) {
            self.0.end_handling();
        }
    }
    let _end = EndHandling(&interp.calls.pending);
    let late_unsignal = broken(Mutation::PendingUnsignalAfterDrain);
    if !late_unsignal {
        // Unsignal before running anything, so that a call added meanwhile re-signals.
        ts.eval_breaker.fetch_and(!CALLS_TO_DO_BIT, Ordering::AcqRel);
    }
    let result = interp.calls.pending.run_round(ts).and_then(|()| {
        if can_handle_main_thread_work(ts) { super::runtime::runtime().main_pending.run_round(ts) } else { Ok(()) }
    });
    if late_unsignal {
        ts.eval_breaker.fetch_and(!CALLS_TO_DO_BIT, Ordering::AcqRel);
    }
    result
}

/// Runs pending calls now (`Py_MakePendingCalls`): only on the main OS thread attached to the
/// main interpreter, both its calls and the main-thread calls; elsewhere it does nothing. Fatal
/// if the caller is not attached.
pub fn make_pending_calls_now() -> PyResult<()> {
    let ts = super::thread_state::get();
    // SAFETY: `get` returns the attached, hence live, thread state.
    let ts = unsafe { ts.as_ref() };
    if !can_handle_main_thread_work(ts) {
        return Ok(());
    }
    make_pending_calls(ts).map_err(PyErr::from)
}

/// Queues `call` on `interp` and signals its threads (`_PyEval_AddPendingCall`): every thread
/// state of the interpreter gets the bit, and the first to check its breaker runs the calls.
pub(crate) fn add_pending_call(
    calls: &super::calls::Calls,
    sched: &super::scheduling::Scheduling,
    call: PendingCall,
) -> Result<(), PendingCall> {
    calls.pending.push(call)?;
    if broken(Mutation::PendingSignalsMainStateOnly) {
        let threads = sched.threads.lock();
        let main = sched.main_thread.load(Ordering::Relaxed);
        if !main.is_null() {
            // SAFETY: `main_thread` names a registered state while the thread list is locked.
            unsafe { &*main }.eval_breaker.fetch_or(CALLS_TO_DO_BIT, Ordering::Release);
            return Ok(());
        }
        drop(threads);
    }
    sched.signal_all(CALLS_TO_DO_BIT);
    Ok(())
}
