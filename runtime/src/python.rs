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

impl<'py> Python<'py> {
    /// # Safety
    ///
    /// `ts` must be attached on the calling thread for all of `'py`.
    pub(crate) unsafe fn assume_attached(ts: NonNull<ThreadState>) -> Python<'py> {
        // SAFETY: the caller promises the thread state stays attached (hence alive) for 'py.
        Python { ts: unsafe { &*ts.as_ptr() }, _not_send: PhantomData }
    }

    /// The attached thread state.
    pub fn thread_state(self) -> &'py ThreadState {
        self.ts
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
        let keep = self.ts.to_arc();
        // SAFETY: `self` is borrowed by this call and cannot be used by `f` (not `Send`), and the
        // guard re-attaches before `detach` returns, so no token sees the detached state.
        unsafe { thread_state::save_thread() };
        let _reattach = Reattach(keep);
        f()
    }

    /// Queues `call` for this interpreter's main thread (CPython's `_PyEval_AddPendingCall`).
    pub fn add_pending_call(self, call: PendingCall) -> Result<(), PendingCall> {
        self.interpreter().add_pending_call(call)
    }
}

impl Python<'_> {
    /// Runs `f` with a token for the thread state already attached on this thread, if any (what a
    /// C API function called with the GIL held does). `None` when the thread is not attached.
    pub fn with_attached<R>(f: impl for<'py> FnOnce(Python<'py>) -> R) -> Option<R> {
        let ts = thread_state::current()?;
        // SAFETY: the state is attached on this thread; it stays so for the call (detaching it
        // from inside needs an unsafe call or a token, and `f` gets the only token).
        let py = unsafe { Python::assume_attached(ts) };
        Some(f(py))
    }
}

/// Enters the main interpreter for the duration of `f` (PyO3's `Python::attach`; GILState
/// semantics underneath). The runtime must be initialized.
pub fn attach<F, R>(f: F) -> R
where
    F: for<'py> FnOnce(Python<'py>) -> R,
{
    match Runtime::main_interpreter() {
        Some(main) => main.attach(f),
        None => crate::fatal::fatal_error("pyrt::attach", "the runtime is not initialized"),
    }
}
