//! The safe Rust API: a token that proves the calling thread is attached.
//!
//! [`Python<'py>`] is handed to the closure of [`Interpreter::attach`](crate::Interpreter::attach)
//! (or [`attach`]). It is `Copy` but neither `Send` nor `Sync`, and its lifetime is the closure's,
//! so it cannot leave the thread or outlive the attachment: whoever holds one may touch the
//! interpreter's objects. [`Python::detach`] releases the attachment around a closure that cannot
//! capture the token (it must be `Send`), as PyO3's `Python::detach` does.

use std::marker::PhantomData;
use std::ptr::NonNull;

use crate::error::PyResult;
use crate::state::{Interpreter, PendingCall, Runtime, ThreadState, breaker, thread_state};

/// Proof that the current thread is attached to an interpreter. See the module docs.
#[derive(Clone, Copy)]
pub struct Python<'py> {
    ts: &'py ThreadState,
    _not_send: PhantomData<*mut ()>,
}

impl<'py> From<Python<'py>> for crate::alloc::MemoryContext<'py> {
    /// The attached thread's memory: its interpreter's arena and the heap it owns there.
    #[inline]
    fn from(py: Python<'py>) -> Self {
        // SAFETY: the token proves the thread state is attached on this thread for all of 'py.
        unsafe { py.ts.memory() }
    }
}

impl<'py> Python<'py> {
    /// # Safety
    ///
    /// `ts` must be attached on the calling thread for all of `'py`.
    pub(crate) unsafe fn assume_attached(ts: NonNull<ThreadState>) -> Python<'py> {
        // SAFETY: the caller promises the thread state stays attached (hence alive) for 'py.
        Python { ts: unsafe { &*ts.as_ptr() }, _not_send: PhantomData }
    }

    /// A token for the thread state whose attachment record is `a` (the object layer's view of
    /// the current thread state; see `object::attachment`).
    ///
    /// # Safety
    ///
    /// `a` must be the attachment of a thread state attached on the calling thread for all of
    /// `'py`.
    #[inline]
    pub(crate) unsafe fn from_attachment(a: NonNull<crate::object::attachment::Attachment>) -> Python<'py> {
        // SAFETY: a thread state starts with its attachment (`repr(C)`, first field), so the
        // record's address is the state's; the caller promises the attachment for 'py.
        unsafe { Python::assume_attached(a.cast::<ThreadState>()) }
    }

    /// The attached thread state.
    pub fn thread_state(self) -> &'py ThreadState {
        self.ts
    }

    /// loom models only: parks this thread's merge-queue registration, as a GILState state going
    /// dormant does (see `object::brc`, "Parked owners"). The caller must not count objects it
    /// owns until [`Python::model_unpark_brc`].
    #[cfg(loom)]
    pub fn model_park_brc(self) {
        self.ts.park_brc();
    }

    /// loom models only: unparks what [`Python::model_park_brc`] parked, as a revive does.
    #[cfg(loom)]
    pub fn model_unpark_brc(self) {
        self.ts.unpark_brc();
    }

    /// What object code reads from the attached thread state.
    #[inline]
    pub(crate) fn attachment(self) -> &'py crate::object::attachment::Attachment {
        self.ts.attachment()
    }

    /// The interpreter the thread is attached to.
    pub fn interpreter(self) -> Interpreter {
        self.ts.interpreter()
    }

    /// Handles whatever the eval breaker says is pending (drop requests, pending calls, async
    /// exceptions, stop-the-world requests, signals). The eval loop calls this at function entry
    /// and backward jumps; long-running Rust code running on behalf of a script should too. An
    /// `Err` is an exception to raise.
    #[inline]
    pub fn check_eval_breaker(self) -> PyResult<()> {
        breaker::check(self.ts)
    }

    /// Detaches for the duration of `f` — other threads may take the interpreter lock — and
    /// re-attaches afterwards (`Py_BEGIN_ALLOW_THREADS` / `Py_END_ALLOW_THREADS`).
    pub fn detach<T, F>(self, f: F) -> T
    where
        F: Send + FnOnce() -> T,
        T: Send,
    {
        /// Re-attaches on the way out, also when `f` panics. Holds a strong reference, so the
        /// state stays allocated whatever happens meanwhile.
        struct Reattach(crate::sync::Arc<ThreadState>);
        impl Drop for Reattach {
            fn drop(&mut self) {
                // loom unwinds the coroutines of a failed model outside the model.
                #[cfg(loom)]
                if std::thread::panicking() {
                    return;
                }
                // SAFETY: a strong reference keeps the state allocated; if it was deleted meanwhile
                // (finalization, which is unsafe to run under a token) attach parks the thread.
                unsafe { thread_state::restore_thread(NonNull::from(&*self.0)) };
            }
        }
        if !std::ptr::eq(thread_state::current().map_or(std::ptr::null(), |p| p.as_ptr()), self.ts) {
            crate::fatal::fatal_error("Python::detach", "the token's thread state is not the attached one");
        }
        if self.ts.interp_state().sched.lock.is_some() && self.ts.stw_held.load(crate::sync::Ordering::Relaxed) != 0 {
            // Releasing the lock would let the stopped world run under the guard.
            crate::fatal::fatal_error("Python::detach", "the world is stopped by this thread; drop the guard first");
        }
        let keep = self.ts.to_arc();
        // SAFETY: `self` is borrowed by this call and cannot be used by `f` (not `Send`), and the
        // guard re-attaches before `detach` returns, so no token sees the detached state.
        unsafe { thread_state::save_thread() };
        let _reattach = Reattach(keep);
        f()
    }

    /// Stops every other thread of the interpreter until the returned guard is dropped
    /// (`_PyEval_StopTheWorld`): in a free-threaded interpreter, other threads park at their next
    /// eval-breaker check or when they detach, and cannot attach; with a lock, holding it already
    /// excludes everyone, and the guard keeps breaker checks from giving it away. The guard
    /// cannot outlive this attachment.
    pub fn stop_the_world(self) -> crate::state::WorldStopped<'py> {
        crate::state::stw::stop_the_world(self.ts)
    }

    /// Queues `call` for this interpreter's main thread (CPython's `_PyEval_AddPendingCall`).
    pub fn add_pending_call(self, call: PendingCall) -> Result<(), PendingCall> {
        self.interpreter().add_pending_call(call)
    }
}

impl Python<'_> {
    /// Runs `f` with a token for the thread state already attached on this thread, if any (what a
    /// C API function called with the GIL held does). `None` when the thread is not attached.
    ///
    /// The token is kept honest the way a GILState guard is: for the duration of `f` the state's
    /// GILState counter holds one more nesting level and a strong reference keeps the state
    /// allocated, so a guard moved into `f` and dropped there is a release out of order (a fatal
    /// error), never the deletion of the state under the token.
    pub fn with_attached<R>(f: impl for<'py> FnOnce(Python<'py>) -> R) -> Option<R> {
        /// Takes the nesting level back, checking that nothing released it meanwhile.
        struct Nesting {
            ts: crate::sync::Arc<ThreadState>,
            depth: u32,
        }
        impl Drop for Nesting {
            fn drop(&mut self) {
                #[cfg(loom)]
                if std::thread::panicking() {
                    return;
                }
                let current = thread_state::current().map_or(std::ptr::null(), |p| p.as_ptr().cast_const());
                if !std::ptr::eq(current, &*self.ts) || self.ts.gilstate_counter() != self.depth {
                    crate::fatal::fatal_error("Python::with_attached", "the thread state was released under the token");
                }
                self.ts.set_gilstate_counter(self.depth - 1);
            }
        }
        let ts = thread_state::current()?;
        // SAFETY: the state is attached on this thread, so alive.
        let ts = unsafe { ts.as_ref() }.to_arc();
        let depth = ts.gilstate_counter() + 1;
        ts.set_gilstate_counter(depth);
        let nesting = Nesting { ts, depth };
        // SAFETY: the state is attached on this thread and stays so for the call: detaching or
        // deleting it needs an unsafe call, a token (`f` gets the only one) or a GILState guard's
        // release, which the raised nesting level turns into a fatal out-of-order release.
        let py = unsafe { Python::assume_attached(NonNull::from(&*nesting.ts)) };
        let result = f(py);
        drop(nesting);
        Some(result)
    }
}

/// Enters the main interpreter for the duration of `f` (PyO3's `Python::attach`; GILState
/// semantics underneath). The runtime must be initialized.
pub fn attach<F, R>(f: F) -> R
where
    F: for<'py> FnOnce(Python<'py>) -> R,
{
    match Runtime::main_interpreter() {
        // The main interpreter is only torn down by `Runtime::finalize`, which is unsafe to run
        // while a thread may attach: an error here is that misuse.
        Some(main) => main.attach(f).unwrap_or_else(|e| crate::fatal::fatal_error("pyrt::attach", &e.message())),
        None => crate::fatal::fatal_error("pyrt::attach", "the runtime is not initialized"),
    }
}
