//! The scheduling room of an interpreter: who may run, and when.
//!
//! It owns the interpreter's lock (`None` when free-threaded), the list of its thread states,
//! the informational main thread state and the stop-the-world coordinator. Everything that walks
//! the thread list — setting a breaker bit on every thread, deleting the other threads at
//! finalization — lives here, so the other rooms (memory, calls) reach thread states only
//! through [`Scheduling::signal_all`] and never lock the list themselves.
//!
//! Lock order: the memory room releases its deferred-decref mutex before it asks this room to
//! signal, so the thread-list mutex is never taken under it.

use std::ptr;

use super::stw::StopTheWorld;
use super::thread_state::ThreadState;
use crate::lock::InterpreterLock;
use crate::sync::{Arc, AtomicPtr, Mutex, Ordering};

/// An interpreter's thread states.
pub(crate) struct ThreadList {
    pub(crate) next_unique_id: u64,
    /// Oldest first; iteration APIs walk it newest first, as CPython's list is ordered.
    pub(crate) states: Vec<Arc<ThreadState>>,
}

/// Lock, thread list and stop-the-world of one interpreter.
pub(crate) struct Scheduling {
    /// `None` for free-threaded interpreters.
    pub(crate) lock: Option<Arc<InterpreterLock>>,
    pub(crate) threads: Mutex<ThreadList>,
    /// The interpreter's main thread state (the first created; when it is deleted, the next one
    /// created takes over). Informational: pending calls run on whichever thread checks first.
    pub(crate) main_thread: AtomicPtr<ThreadState>,
    pub(crate) stw: StopTheWorld,
}

impl Scheduling {
    pub(crate) fn new(lock: Option<Arc<InterpreterLock>>) -> Self {
        Scheduling {
            lock,
            threads: Mutex::new(ThreadList { next_unique_id: 0, states: Vec::new() }),
            main_thread: AtomicPtr::new(ptr::null_mut()),
            stw: StopTheWorld::new(),
        }
    }

    /// Sets `bit` in the eval breaker of every thread state of the interpreter.
    pub(crate) fn signal_all(&self, bit: usize) {
        let threads = self.threads.lock();
        for ts in &threads.states {
            ts.eval_breaker.fetch_or(bit, Ordering::Release);
        }
    }

    /// Deletes every thread state except `keep` (CPython's `zapthreads`, for finalization). Their
    /// OS threads are not touched: if they come back, they park in `must_exit`.
    pub(crate) fn zap_threads(&self, keep: &ThreadState) {
        let doomed: Vec<Arc<ThreadState>> = {
            let threads = self.threads.lock();
            threads.states.iter().filter(|t| !ptr::eq(Arc::as_ptr(t), keep)).cloned().collect()
        };
        for ts in doomed {
            ts.clear();
            ts.delete_common();
        }
    }
}
