//! # The thread's handled-exception state (`tstate->exc_info`)
//!
//! CPython keeps "the exception being handled" as a chain of `_PyErr_StackItem`s: the running
//! frame's item on top (`PUSH_EXC_INFO` / `POP_EXCEPT` replace its value), and under it one item
//! per generator being resumed — each generator owns its item (`gi_exc_state`) and links it on
//! top of its resumer's while it runs. `sys.exception()` is the first non-empty value from the
//! top down.
//!
//! Here the chain is one per-thread value: `current` (the top item's value) and `outer` (the
//! values of the items below it, innermost last). Resuming a generator pushes `current` onto
//! `outer` and makes the generator's own value current; suspending or finishing pops it back.
//! Both sit behind a single thread-local, so a generator resume/suspend pair costs two
//! thread-local accesses (one each) — the pair runs once per item of a `for` loop over a
//! generator, so this is on the hot path. The thread-local is a `const` pointer cell with no
//! destructor ([`STATE`]), so an access is one `%fs`-relative load and a null test; the state
//! it points to is owned by a second thread-local ([`OWNER`]) that frees it at thread exit. (A
//! `RefCell` holding the state, which has a destructor, made every access a call of
//! `LocalKey::with` with its registration test and the borrow flag's updates: about 40
//! instructions, twice per generator round trip.)

use std::cell::Cell;

use crate::object::obj::Obj;

struct ExcState {
    /// The value of the running frame's item (`exc_info->exc_value`).
    current: Option<Obj>,
    /// The values of the resumers' items, innermost last (`exc_info->previous_item` chain).
    outer: Vec<Option<Obj>>,
}

thread_local! {
    /// The thread's state: [`OWNER`]'s, or (while the thread's thread-locals are being
    /// destroyed and that owner is gone) one leaked for the rest of the thread. Null until
    /// first used. Only this thread reaches it.
    static STATE: Cell<*mut ExcState> = const { Cell::new(std::ptr::null_mut()) };
    /// Owns the thread's state and frees it at thread exit.
    static OWNER: StateOwner = StateOwner::new();
}

struct StateOwner(*mut ExcState);

impl StateOwner {
    fn new() -> StateOwner {
        StateOwner(Box::into_raw(Box::new(ExcState { current: None, outer: Vec::new() })))
    }
}

impl Drop for StateOwner {
    fn drop(&mut self) {
        // SAFETY: made by `Box::into_raw` in `new`, freed only here; the pointer is withdrawn
        // from `STATE` first, so no later access reaches the freed state.
        let state = unsafe { Box::from_raw(self.0) };
        let _ = STATE.try_with(|p| {
            if p.get() == self.0 {
                p.set(std::ptr::null_mut());
            }
        });
        // Dropped last: a value's finaliser may run code that reads the state (it finds none,
        // or a fresh leaked one, never this one).
        drop(state);
    }
}

/// The thread's state, made on first use.
#[cold]
#[inline(never)]
fn first_use() -> *mut ExcState {
    let p = OWNER
        .try_with(|o| o.0)
        .unwrap_or_else(|_| Box::into_raw(Box::new(ExcState { current: None, outer: Vec::new() })));
    STATE.with(|s| s.set(p));
    p
}

/// Runs `f` on the thread's state.
#[inline(always)]
fn with_state<R>(f: impl FnOnce(&mut ExcState) -> R) -> R {
    let mut p = STATE.with(Cell::get);
    if p.is_null() {
        p = first_use();
    }
    // SAFETY: `p` is the thread's live state (its owner withdraws the pointer before freeing
    // it), only this thread reaches it, and no `f` of this module calls out (they move values
    // and count references; nothing is dropped inside), so no other borrow of it exists.
    f(unsafe { &mut *p })
}

/// The running frame's handled exception, falling back to the resumers' (`sys.exception()`).
pub(super) fn handled() -> Option<Obj> {
    with_state(|s| s.current.clone().or_else(|| s.outer.iter().rev().find_map(Clone::clone)))
}

/// Replaces the running frame's handled exception (`PUSH_EXC_INFO`, `POP_EXCEPT`), returning
/// the previous one. The previous value is dropped by the caller, outside the borrow.
#[inline]
pub(super) fn replace_current(v: Option<Obj>) -> Option<Obj> {
    with_state(|s| std::mem::replace(&mut s.current, v))
}

/// A generator resumes with its own handled exception `own`: the resumer's goes underneath.
#[inline]
pub(super) fn enter_generator(own: Option<Obj>) {
    with_state(|s| {
        let outer = std::mem::replace(&mut s.current, own);
        s.outer.push(outer);
    });
}

/// A generator suspends or finishes: its handled exception is returned and the resumer's is
/// current again.
#[inline]
pub(super) fn leave_generator() -> Option<Obj> {
    with_state(|s| {
        let outer = s.outer.pop().flatten();
        std::mem::replace(&mut s.current, outer)
    })
}

#[cfg(all(test, not(loom)))]
mod tests {
    use super::*;
    use crate::object::str::new_str;

    #[test]
    fn generator_items_stack_and_fall_back() {
        crate::Runtime::initialize();
        let interp = crate::Interpreter::new(crate::InterpreterConfig::isolated()).expect("an interpreter");
        interp.attach(|_py| check_stacking()).expect("attached");
    }

    fn check_stacking() {
        let a = new_str("a").expect("str");
        let b = new_str("b").expect("str");
        assert!(replace_current(Some(a.clone())).is_none());
        // A generator with no handled exception of its own sees its resumer's.
        enter_generator(None);
        assert!(handled().is_some_and(|h| h.is(&a)));
        // One it handles itself wins, and leaves with it.
        assert!(replace_current(Some(b.clone())).is_none());
        assert!(handled().is_some_and(|h| h.is(&b)));
        assert!(leave_generator().is_some_and(|h| h.is(&b)));
        assert!(handled().is_some_and(|h| h.is(&a)));
        assert!(replace_current(None).is_some_and(|h| h.is(&a)));
        assert!(handled().is_none());
    }
}
