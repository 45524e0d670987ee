//! The thread-local slots that bind OS threads to thread states.
//!
//! * `CURRENT` — the thread state attached on this OS thread, or null (`_Py_tss_tstate`). A
//!   const-initialised cell with no destructor: reading it is a plain TLS load, no lazy check.
//! * the GILState binding (`autoTSSkey` / 3.14's `_Py_tss_gilstate`): the thread state
//!   `GILState_Ensure` uses on this OS thread. It follows the most recently attached thread state of
//!   the thread. `AUTO` is a const-initialised raw mirror for the fast comparison in `attach`; the
//!   strong reference that keeps the pointee alive lives in `BINDINGS`.
//! * one binding per interpreter (`BINDINGS.per_interp`), which `ensure_in(interpreter)` uses to
//!   find this thread's thread state in a sub-interpreter — pyrt's answer to PEP 788.
//!
//! Bindings hold strong references, so a thread state deleted by *another* thread (finalization,
//! `Py_EndInterpreter`) stays allocated until this thread notices its `DELETED` flag and drops the
//! binding: a stale binding is never a dangling pointer.

use std::cell::{Cell, RefCell};
use std::ptr;

use super::interpreter::InterpreterState;
use super::thread_state::ThreadState;
use crate::sync::{self, Arc};

sync::thread_local_const! {
    static CURRENT: Cell<*const ThreadState> = Cell::new(ptr::null());
}

sync::thread_local_const! {
    static AUTO: Cell<*const ThreadState> = Cell::new(ptr::null());
}

sync::thread_local! {
    static BINDINGS: RefCell<Bindings> = RefCell::new(Bindings::default());
}

#[derive(Default)]
struct Bindings {
    auto: Option<Arc<ThreadState>>,
    per_interp: Vec<Arc<ThreadState>>,
}

impl Drop for Bindings {
    fn drop(&mut self) {
        // The OS thread is exiting: the raw mirror must not outlive the reference it mirrors.
        // (loom tears its thread-locals down outside the model, where AUTO is gone already.)
        #[cfg(not(loom))]
        let _ = AUTO.try_with(|a| a.set(ptr::null()));
    }
}

/// The thread state attached on this OS thread, or null.
#[inline]
pub(crate) fn current() -> *const ThreadState {
    CURRENT.with(|c| c.get())
}

#[inline]
pub(crate) fn set_current(ts: *const ThreadState) {
    CURRENT.with(|c| c.set(ts));
}

/// The raw GILState binding of this OS thread (may point at a deleted thread state).
#[inline]
pub(crate) fn auto_raw() -> *const ThreadState {
    AUTO.with(|a| a.get())
}

/// The live GILState binding of this OS thread. A binding whose thread state was deleted by
/// another thread is dropped here.
pub(crate) fn auto() -> Option<Arc<ThreadState>> {
    let raw = auto_raw();
    if raw.is_null() {
        return None;
    }
    // SAFETY: a non-null AUTO mirrors `BINDINGS.auto`, which holds a strong reference.
    let ts = unsafe { &*raw };
    if ts.is_deleted() {
        unbind(ts);
        return None;
    }
    BINDINGS.with(|b| b.borrow().auto.clone())
}

/// This thread's live thread state in `interp`, if it has one.
pub(crate) fn binding_for(interp: &InterpreterState) -> Option<Arc<ThreadState>> {
    BINDINGS.with(|b| {
        let mut b = b.borrow_mut();
        b.per_interp.retain(|t| !t.is_deleted());
        b.per_interp.iter().find(|t| ptr::eq(&**t.interp_state(), interp)).cloned()
    })
}

/// Makes `ts` this thread's GILState binding, and its binding for its interpreter.
#[cold]
pub(crate) fn bind(ts: &ThreadState) {
    let arc = ts.to_arc();
    BINDINGS.with(|b| {
        let mut b = b.borrow_mut();
        let interp: *const InterpreterState = &**arc.interp_state();
        b.per_interp.retain(|t| !t.is_deleted() && !ptr::eq(&**t.interp_state(), interp));
        b.per_interp.push(arc.clone());
        b.auto = Some(arc);
    });
    AUTO.with(|a| a.set(ts));
}

/// Binds `ts` only if this thread has no live GILState binding yet (`PyThreadState_New`'s rule).
pub(crate) fn bind_if_unbound(ts: &ThreadState) {
    if auto().is_none() {
        bind(ts);
    } else {
        // Still record it as this thread's state in its interpreter if there is none.
        if binding_for(ts.interp_state()).is_none() {
            let arc = ts.to_arc();
            BINDINGS.with(|b| b.borrow_mut().per_interp.push(arc));
        }
    }
}

/// Removes every binding this thread holds to `ts`.
pub(crate) fn unbind(ts: &ThreadState) {
    let _ = BINDINGS.try_with(|b| {
        let removed;
        {
            let mut b = b.borrow_mut();
            b.per_interp.retain(|t| !ptr::eq(Arc::as_ptr(t), ts));
            removed = match &b.auto {
                Some(a) if ptr::eq(Arc::as_ptr(a), ts) => b.auto.take(),
                _ => None,
            };
            if removed.is_some() {
                AUTO.with(|a| a.set(ptr::null()));
            }
        }
        drop(removed);
    });
}
