//! The GILState API: `Ensure` / `Release` with CPython's counter semantics.
//!
//! `ensure` looks up the OS thread's binding (the most recently attached thread state, see
//! [`super::tls`]). None → it creates a thread state in the main interpreter that belongs to
//! GILState (counter starts at 0) — it is deleted by its last `release`. If the thread state is
//! already current, `ensure` only counts (`LOCKED`); otherwise it attaches (`UNLOCKED`).
//! `release` counts down; at zero it clears and deletes the thread state (which releases the
//! lock for the last time); otherwise, if the matching `ensure` attached, it detaches.
//!
//! [`ensure_in`] is pyrt's extension (what PEP 788 brings to CPython later): it binds the calling
//! thread to a chosen interpreter, reusing the thread's thread state there if it has one. If the
//! thread is attached to another interpreter at that moment, that thread state is detached for
//! the duration and re-attached by the matching release.

use std::marker::PhantomData;
use std::ptr::{self, NonNull};

use super::interpreter::{Interpreter, InterpreterState};
use super::runtime::{Runtime, runtime};
use super::thread_state::{self, CreateError, ThreadState, Whence};
use super::tls;
use crate::error::{PyErr, PyResult};
use crate::fatal::fatal_error;
use crate::sync::{Arc, Mutation, Ordering, broken};

/// What `ensure` found (`PyGILState_STATE`): pass it back to `release`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(C)]
pub enum GilState {
    /// The thread state was already attached (`PyGILState_LOCKED`).
    Locked = 0,
    /// `ensure` attached it (`PyGILState_UNLOCKED`).
    Unlocked = 1,
}

/// Makes sure the calling thread is attached, to its bound thread state or a new one in the main
/// interpreter (`PyGILState_Ensure`).
pub fn ensure() -> GilState {
    ensure_inner(None, false).unwrap_or_else(|e| thread_state::c_api_create_failed(e)).1
}

/// Undoes the matching [`ensure`] (`PyGILState_Release`).
///
/// # Safety
///
/// It must match an [`ensure`] on this thread. An unmatched release can detach or delete a
/// thread state that a live [`crate::Python`] token refers to.
pub unsafe fn release(state: GilState) {
    release_inner(None, state, None);
}

/// Like [`ensure`], but into `interp`, returning a guard that releases on drop. The guard cannot
/// leave the thread, and guards must be dropped in the reverse order of creation.
///
/// If the thread is attached to *another* interpreter this is a fatal error: a token of that
/// attachment could be used while it is swapped out. Detach first (`py.detach(|| ...)`), or use
/// [`ensure_in_raw`], which swaps.
///
/// An interpreter that was destroyed, or is being destroyed, is an `InterpreterError` (a race
/// with `destroy()` on another thread is not misuse).
pub fn ensure_in(interp: &Interpreter) -> PyResult<GilStateGuard> {
    if let Some(cur) = super::thread_state::current() {
        // SAFETY: the current thread state is alive while attached.
        if !Arc::ptr_eq(unsafe { cur.as_ref() }.interp_state(), interp.state()) {
            fatal_error(
                "Interpreter::attach",
                "the thread is attached to another interpreter; detach from it first (py.detach)",
            );
        }
    }
    let (ts, state, previous) = ensure_inner(Some(interp.state()), true).map_err(PyErr::from)?;
    // SAFETY: `ensure_inner` returned the attached, live thread state.
    let ts = unsafe { ts.as_ref() }.to_arc();
    let depth = ts.gilstate_counter();
    Ok(GilStateGuard { ts, state, previous, depth, _not_send: PhantomData })
}

/// What [`ensure_in_raw`] did, for the matching [`release_in`] (the C ABI's form of
/// [`ensure_in`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct EnsureIn {
    /// Whether the thread state was attached already.
    pub state: GilState,
    /// The thread state of another interpreter that was swapped out, if any.
    pub previous: Option<NonNull<ThreadState>>,
}

/// [`ensure_in`] without the guard, swapping out a thread state of another interpreter if one
/// is attached. Pass the result to [`release_in`] on the same thread.
///
/// # Safety
///
/// If a thread state of another interpreter is attached, no [`crate::Python`] token of it may be
/// used until the matching [`release_in`] re-attaches it.
pub unsafe fn ensure_in_raw(interp: &Interpreter) -> EnsureIn {
    let (_, state, previous) =
        ensure_inner(Some(interp.state()), false).unwrap_or_else(|e| thread_state::c_api_create_failed(e));
    EnsureIn { state, previous }
}

/// Undoes the matching [`ensure_in_raw`].
///
/// # Safety
///
/// As for [`release`]: it must match an [`ensure_in_raw`] on this thread.
pub unsafe fn release_in(ensured: EnsureIn) {
    release_inner(None, ensured.state, ensured.previous);
}

/// The thread state `ensure` would use on this thread, if any (`PyGILState_GetThisThreadState`).
pub fn get_this_thread_state() -> Option<NonNull<ThreadState>> {
    tls::auto().map(|a| NonNull::from(&*a))
}

/// Whether the calling thread's GILState thread state is attached (`PyGILState_Check`). Like
/// CPython's, it answers true once sub-interpreters exist (the check is disabled then).
pub fn check() -> bool {
    let rt = runtime();
    if !rt.gilstate_check_enabled.load(Ordering::Relaxed) || !Runtime::is_initialized() {
        return true;
    }
    let current = tls::current();
    !current.is_null() && ptr::eq(current, tls::auto_raw())
}

/// A GILState `ensure` in progress; dropping it releases.
#[must_use = "dropping the guard releases at once"]
pub struct GilStateGuard {
    ts: Arc<ThreadState>,
    state: GilState,
    previous: Option<NonNull<ThreadState>>,
    /// The GILState counter right after this ensure: a release at another depth is out of order.
    depth: u32,
    _not_send: PhantomData<*mut ()>,
}

impl GilStateGuard {
    /// The attached thread state.
    pub fn thread_state(&self) -> NonNull<ThreadState> {
        NonNull::from(&*self.ts)
    }

    /// Whether the thread state was attached already.
    pub fn state(&self) -> GilState {
        self.state
    }
}

impl Drop for GilStateGuard {
    fn drop(&mut self) {
        // loom unwinds the coroutines of a failed model; a second panic there would abort the
        // test binary instead of reporting the first one.
        #[cfg(loom)]
        if std::thread::panicking() {
            return;
        }
        if !ptr::eq(tls::current(), &*self.ts) || self.ts.gilstate_counter() != self.depth {
            fatal_error("PyGILState_Release", "GILState guards released out of order");
        }
        // The guard's own state: it may be a helper state (a pending call run by `destroy`),
        // which is current without being the thread's GILState binding.
        release_inner(Some(&self.ts), self.state, self.previous.take());
    }
}

/// What an ensure did: the attached state, whether it was attached already, and the state of
/// another interpreter swapped out for it (`ensure_in_raw`).
type Ensured = (NonNull<ThreadState>, GilState, Option<NonNull<ThreadState>>);

/// `fallible`: creating a state in a destroyed (or being destroyed) interpreter is an error (the
/// safe API) rather than CPython's fatal error or parked thread (the C API).
fn ensure_inner(target: Option<&Arc<InterpreterState>>, fallible: bool) -> Result<Ensured, CreateError> {
    if !Runtime::is_initialized() {
        fatal_error("PyGILState_Ensure", "the runtime is not initialized (or already finalized)");
    }
    let current = tls::current();
    let auto = tls::auto_raw();

    // Fast path: nested on the attached thread state.
    if !current.is_null() && ptr::eq(current, auto) {
        // SAFETY: the current thread state is alive while attached.
        let cur = unsafe { &*current };
        if target.is_none_or(|i| Arc::ptr_eq(cur.interp_state(), i)) {
            cur.set_gilstate_counter(cur.gilstate_counter() + 1);
            return Ok((NonNull::from(cur), GilState::Locked, None));
        }
    }
    ensure_slow(target, current, fallible)
}

#[cold]
fn ensure_slow(
    target: Option<&Arc<InterpreterState>>,
    current: *const ThreadState,
    fallible: bool,
) -> Result<Ensured, CreateError> {
    // SAFETY: as above.
    let cur = (!current.is_null()).then(|| unsafe { &*current });
    if let (Some(cur), Some(interp)) = (cur, target) {
        if Arc::ptr_eq(cur.interp_state(), interp) {
            cur.set_gilstate_counter(cur.gilstate_counter() + 1);
            return Ok((NonNull::from(cur), GilState::Locked, None));
        }
    }

    let bound = match target {
        None => tls::auto(),
        Some(interp) => {
            tls::auto().filter(|a| Arc::ptr_eq(a.interp_state(), interp)).or_else(|| tls::binding_for(interp))
        }
    };
    let ts = match bound {
        Some(ts) => ts,
        None => {
            // This thread's last GILState state, kept dormant by its last release: revived as a
            // new state (a new id, everything reset) and attached.
            if cur.is_none() {
                if let Some(ts) = thread_state::revive_dormant(target) {
                    // SAFETY: `revive_dormant` returned the attached, listed state.
                    let r = unsafe { ts.as_ref() };
                    r.set_gilstate_counter(r.gilstate_counter() + 1);
                    return Ok((ts, GilState::Unlocked, None));
                }
            }
            let interp = match target {
                Some(i) => i.clone(),
                None => match Runtime::main_interpreter() {
                    Some(m) => m.state().clone(),
                    None => fatal_error("PyGILState_Ensure", "no main interpreter"),
                },
            };
            let ts = if fallible {
                ThreadState::try_create(&interp, Whence::GilState, true)?
            } else {
                ThreadState::create(&interp, Whence::GilState, true)
            };
            tls::bind(&ts);
            ts
        }
    };

    if let Some(cur) = cur {
        if ptr::eq(cur, Arc::as_ptr(&ts)) {
            cur.set_gilstate_counter(cur.gilstate_counter() + 1);
            return Ok((NonNull::from(cur), GilState::Locked, None));
        }
    }
    let previous = match (cur, target) {
        // ensure_in from another interpreter: swap that thread state out for the duration.
        (Some(c), Some(_)) => {
            thread_state::detach(c);
            Some(NonNull::from(c))
        }
        // Plain ensure while attached elsewhere: CPython's RestoreThread refuses (fatal).
        _ => None,
    };
    thread_state::attach(&ts);
    ts.set_gilstate_counter(ts.gilstate_counter() + 1);
    Ok((NonNull::from(&*ts), GilState::Unlocked, previous))
}

/// Releases `ts` — or, for the C API, the thread's GILState binding (CPython's rule).
fn release_inner(ts: Option<&ThreadState>, state: GilState, previous: Option<NonNull<ThreadState>>) {
    let auto = ts.map_or_else(tls::auto_raw, |t| t as *const ThreadState);
    if auto.is_null() {
        fatal_error("PyGILState_Release", "auto-releasing thread-state, but no thread-state for this thread");
    }
    if !ptr::eq(auto, tls::current()) {
        fatal_error("PyGILState_Release", &format!("thread state {auto:p} must be current when releasing"));
    }
    // SAFETY: `auto` is current, so alive (and bound, so referenced by this thread's bindings).
    let ts = unsafe { &*auto };
    let counter = ts.gilstate_counter().saturating_sub(1);
    ts.set_gilstate_counter(counter);
    if counter == 0 {
        // Destructors run by clear may Ensure/Release again (gh-119585): keep the count up —
        // also while the objects queued to this thread are merged (and perhaps deallocated),
        // which CPython does in `PyThreadState_Clear` too.
        ts.set_gilstate_counter(1);
        ts.clear();
        // Parked without running code: `try_go_dormant` need not check or park again.
        let parked = if ts.may_go_dormant() {
            !ts.park_brc()
        } else {
            ts.leave_brc_attached();
            false
        };
        ts.set_gilstate_counter(0);
        if !ts.try_go_dormant(parked) {
            ts.to_arc().delete_current_inner();
        }
    } else if state == GilState::Unlocked || broken(Mutation::GilstateReleaseIgnoresCounter) {
        thread_state::detach(ts);
    }
    if let Some(prev) = previous {
        // SAFETY: `prev` was current when the matching ensure_in detached it, and only its own
        // thread (this one) can delete it.
        unsafe { thread_state::restore_thread(prev) };
    }
}
