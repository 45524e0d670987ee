//! Signal delivery: a signal handler only records the signal; the main thread of the main
//! interpreter runs the Python-level handler at its next eval-breaker check (CPython's
//! `trip_signal` / `_PyErr_CheckSignalsTstate`).
//!
//! [`trip`] touches nothing but atomics in plain `static`s — never the runtime's lazily built
//! state, whose first use would run an initialiser (and allocate) inside the signal handler — so
//! it is async-signal-safe. It sets the signal's bit and `SIGNALS_PENDING` in the target thread
//! state's breaker. The target pointer
//! is published with a reader count: replacing the target waits until no `trip` is between
//! loading the pointer and using it, so a signal never writes into a freed thread state.

use std::ptr;

use super::breaker::SIGNALS_PENDING_BIT;
use super::thread_state::ThreadState;
use crate::error::{ExcKind, PyErr, PyResult};
use crate::sync::{self, Arc, Mutex, Ordering, StaticAtomicPtr, StaticAtomicU64, StaticAtomicUsize};

/// `SIGINT`'s number on the platforms pyrt supports.
pub const SIGINT: i32 = 2;

/// A signal handler: runs in the main thread, attached; an `Err` is raised there.
pub type SignalHandler = Arc<dyn Fn(i32) -> PyResult<()> + Send + Sync>;

/// The tripped signals, one bit each.
static TRIPPED: StaticAtomicU64 = StaticAtomicU64::new(0);
/// The thread state whose breaker `trip` flags (null: none).
static TARGET: StaticAtomicPtr<ThreadState> = StaticAtomicPtr::new(ptr::null_mut());
/// `trip`s between loading `TARGET` and using it.
static READERS: StaticAtomicUsize = StaticAtomicUsize::new(0);

/// See [`super::reset_statics_for_model`]. The previous execution's target is gone with its
/// runtime; nothing is between loading it and using it, since no execution runs now.
#[cfg(loom)]
pub(super) fn reset_statics_for_model() {
    TRIPPED.store(0, Ordering::SeqCst);
    TARGET.store(ptr::null_mut(), Ordering::SeqCst);
    READERS.store(0, Ordering::SeqCst);
}

/// Whether any signal is tripped and not yet handled (a relaxed load, for the attach path).
#[inline]
pub(crate) fn any_tripped() -> bool {
    TRIPPED.load(Ordering::Relaxed) != 0
}

/// Records `signum` and flags the target thread (async-signal-safe: statics and atomics only).
pub(crate) fn trip(signum: i32) {
    if !(1..64).contains(&signum) {
        return;
    }
    TRIPPED.fetch_or(1 << signum, Ordering::SeqCst);
    READERS.fetch_add(1, Ordering::SeqCst);
    let target = TARGET.load(Ordering::SeqCst);
    if !target.is_null() {
        // SAFETY: `set_target` swaps the pointer out and then waits for `READERS` to drain
        // before it drops its reference, and we are counted in `READERS`.
        unsafe { (*target).eval_breaker.fetch_or(SIGNALS_PENDING_BIT, Ordering::Release) };
    }
    READERS.fetch_sub(1, Ordering::SeqCst);
}

/// The parts of signal delivery that are not touched from a signal handler.
pub(crate) struct Signals {
    target_ref: Mutex<Option<Arc<ThreadState>>>,
    handlers: Mutex<Vec<Option<SignalHandler>>>,
}

impl Signals {
    pub(crate) fn new() -> Self {
        Signals { target_ref: Mutex::new(None), handlers: Mutex::new(Vec::new()) }
    }

    /// Makes `ts` the thread that runs signal handlers (the main thread of the main interpreter).
    pub(crate) fn set_target(&self, ts: Option<Arc<ThreadState>>) {
        let raw = ts.as_ref().map_or(ptr::null_mut(), |t| Arc::as_ptr(t) as *mut ThreadState);
        let mut slot = self.target_ref.lock();
        TARGET.swap(raw, Ordering::SeqCst);
        while READERS.load(Ordering::SeqCst) != 0 {
            sync::thread::yield_now();
        }
        let old = std::mem::replace(&mut *slot, ts);
        drop(slot);
        drop(old);
        if raw.is_null() {
            TRIPPED.store(0, Ordering::Relaxed);
        } else if TRIPPED.load(Ordering::Relaxed) != 0 {
            // SAFETY: `raw` points into the Arc we just stored in `target_ref`.
            unsafe { (*raw).eval_breaker.fetch_or(SIGNALS_PENDING_BIT, Ordering::Release) };
        }
    }

    pub(crate) fn set_handler(&self, signum: i32, handler: Option<SignalHandler>) -> PyResult<()> {
        if !(1..64).contains(&signum) {
            return Err(PyErr::new(ExcKind::ValueError, "signal number out of range"));
        }
        let mut handlers = self.handlers.lock();
        if handlers.len() < 64 {
            handlers.resize(64, None);
        }
        handlers[signum as usize] = handler;
        Ok(())
    }
}

/// Runs the handlers of tripped signals on the attached thread state `ts`.
pub(crate) fn handle_signals(ts: &ThreadState) -> PyResult<()> {
    let signals = &super::runtime::runtime().signals;
    ts.eval_breaker.fetch_and(!SIGNALS_PENDING_BIT, Ordering::AcqRel);
    if !super::pending::can_handle_main_thread_work(ts) {
        return Ok(()); // only the main OS thread, in the main interpreter, handles signals
    }
    let mut tripped = TRIPPED.swap(0, Ordering::AcqRel);
    while tripped != 0 {
        let signum = tripped.trailing_zeros() as i32;
        tripped &= !(1 << signum);
        let handler = signals.handlers.lock().get(signum as usize).cloned().flatten();
        let result = match handler {
            Some(h) => h(signum),
            None if signum == SIGINT => Err(PyErr::from_kind(ExcKind::KeyboardInterrupt)),
            None => Ok(()),
        };
        if let Err(e) = result {
            // The rest stay tripped for the next check.
            if tripped != 0 {
                TRIPPED.fetch_or(tripped, Ordering::AcqRel);
                ts.eval_breaker.fetch_or(SIGNALS_PENDING_BIT, Ordering::Release);
            }
            return Err(e);
        }
    }
    Ok(())
}

#[cfg(all(test, not(loom)))]
mod tests {
    /// §1.8: `trip_signal` runs inside a signal handler; it used to reach the signal state
    /// through the runtime's lazily built state, whose initialiser (which allocates) would then
    /// run in the handler. Checked in a fresh process, where nothing else built it first.
    #[test]
    fn trip_signal_never_builds_the_runtime() {
        const CHILD: &str = "PYRT_TRIP_SIGNAL_CHILD";
        if std::env::var_os(CHILD).is_some() {
            crate::Runtime::trip_signal(super::SIGINT);
            std::process::exit(if crate::state::runtime::runtime_built() { 1 } else { 0 });
        }
        let status = std::process::Command::new(std::env::current_exe().unwrap())
            .args(["state::signals::tests::trip_signal_never_builds_the_runtime", "--exact", "--test-threads=1"])
            .env(CHILD, "1")
            .status()
            .unwrap();
        assert!(status.success(), "trip_signal built the runtime's lazy state: {status}");
    }
}
