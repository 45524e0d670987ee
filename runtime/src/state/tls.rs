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
//! During thread-local teardown (`BINDINGS` already destroyed: a C++ `thread_local` destructor
//! that calls `PyGILState_Ensure`), a binding keeps its strong reference in `ORPHAN`, a
//! const-initialised slot without destructor, so GILState works there as it does in CPython.
//! Strong references are always dropped after the `RefCell` borrow ends: the last one may run a
//! thread-dict value's destructor, which may use GILState again.
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

sync::thread_local_const! {
    /// A strong reference (`Arc::into_raw`) for a binding made while the thread's thread-locals
    /// are torn down and `BINDINGS` is gone; it has no destructor, so it is always reachable.
    static ORPHAN: Cell<*const ThreadState> = Cell::new(ptr::null());
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
    // SAFETY: a non-null AUTO mirrors a strong reference (`BINDINGS.auto`, or `ORPHAN` during
    // thread-local teardown).
    let ts = unsafe { &*raw };
    if ts.is_deleted() {
        unbind(ts);
        return None;
    }
    Some(ts.to_arc())
}

/// This thread's live thread state in `interp`, if it has one.
pub(crate) fn binding_for(interp: &InterpreterState) -> Option<Arc<ThreadState>> {
    let (found, dead) = BINDINGS
        .try_with(|b| {
            let mut b = b.borrow_mut();
            // Deleted states leave the list, but are dropped only after the borrow ends: the last
            // reference may run a thread-dict value's destructor, which may use GILState again.
            let (live, dead): (Vec<_>, Vec<_>) =
                std::mem::take(&mut b.per_interp).into_iter().partition(|t| !t.is_deleted());
            b.per_interp = live;
            (b.per_interp.iter().find(|t| ptr::eq(&**t.interp_state(), interp)).cloned(), dead)
        })
        .unwrap_or_else(|_| (orphan().filter(|t| ptr::eq(&**t.interp_state(), interp)), Vec::new()));
    drop(dead);
    found
}

/// Makes `ts` this thread's GILState binding, and its binding for its interpreter.
#[cold]
pub(crate) fn bind(ts: &ThreadState) {
    let arc = ts.to_arc();
    let interp: *const InterpreterState = &**arc.interp_state();
    let replaced = BINDINGS.try_with(|b| {
        let mut b = b.borrow_mut();
        let (keep, mut gone): (Vec<_>, Vec<_>) = std::mem::take(&mut b.per_interp)
            .into_iter()
            .partition(|t| !t.is_deleted() && !ptr::eq(&**t.interp_state(), interp));
        b.per_interp = keep;
        b.per_interp.push(arc.clone());
        gone.extend(b.auto.replace(arc.clone()));
        gone
    });
    match replaced {
        // Dropped after the borrow ends (see `binding_for`).
        Ok(gone) => drop(gone),
        // The thread's thread-locals are being torn down (a C++ `thread_local` destructor calls
        // `PyGILState_Ensure`): keep the reference in the const-initialised ORPHAN slot.
        Err(_) => set_orphan(Some(arc)),
    }
    AUTO.with(|a| a.set(ts));
}

/// Binds `ts` only if this thread has no live GILState binding yet (`PyThreadState_New`'s rule).
pub(crate) fn bind_if_unbound(ts: &ThreadState) {
    if auto().is_none() {
        bind(ts);
    } else if binding_for(ts.interp_state()).is_none() {
        // Still record it as this thread's state in its interpreter.
        let arc = ts.to_arc();
        let _ = BINDINGS.try_with(|b| b.borrow_mut().per_interp.push(arc));
    }
}

/// Removes every binding this thread holds to `ts`.
pub(crate) fn unbind(ts: &ThreadState) {
    if ptr::eq(auto_raw(), ts) {
        AUTO.with(|a| a.set(ptr::null()));
    }
    if orphan().is_some_and(|o| ptr::eq(Arc::as_ptr(&o), ts)) {
        set_orphan(None);
    }
    let removed = BINDINGS.try_with(|b| {
        let mut b = b.borrow_mut();
        let (gone, keep): (Vec<_>, Vec<_>) =
            std::mem::take(&mut b.per_interp).into_iter().partition(|t| ptr::eq(Arc::as_ptr(t), ts));
        b.per_interp = keep;
        let mut gone = gone;
        if b.auto.as_ref().is_some_and(|a| ptr::eq(Arc::as_ptr(a), ts)) {
            gone.extend(b.auto.take());
        }
        gone
    });
    // Dropped after the borrow ends (see `binding_for`).
    drop(removed);
}

/// The binding made while this thread's thread-locals were being torn down, if any.
fn orphan() -> Option<Arc<ThreadState>> {
    let raw = ORPHAN.with(|o| o.get());
    // SAFETY: a non-null ORPHAN owns a strong reference (from `Arc::into_raw`).
    (!raw.is_null()).then(|| unsafe { &*raw }.to_arc())
}

fn set_orphan(ts: Option<Arc<ThreadState>>) {
    let new = ts.map_or(ptr::null(), Arc::into_raw);
    let old = ORPHAN.with(|o| o.replace(new));
    if !old.is_null() {
        // SAFETY: the slot owned this strong reference (from `Arc::into_raw`).
        drop(unsafe { Arc::from_raw(old) });
    }
}
