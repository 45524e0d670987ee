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
//! generator, so this is on the hot path.

use std::cell::RefCell;

use crate::object::obj::Obj;

struct ExcState {
    /// The value of the running frame's item (`exc_info->exc_value`).
    current: Option<Obj>,
    /// The values of the resumers' items, innermost last (`exc_info->previous_item` chain).
    outer: Vec<Option<Obj>>,
}

thread_local! {
    static EXC_STATE: RefCell<ExcState> = const { RefCell::new(ExcState { current: None, outer: Vec::new() }) };
}

/// The running frame's handled exception, falling back to the resumers' (`sys.exception()`).
pub(super) fn handled() -> Option<Obj> {
    EXC_STATE.with(|s| {
        let s = s.borrow();
        s.current.clone().or_else(|| s.outer.iter().rev().find_map(Clone::clone))
    })
}

/// Replaces the running frame's handled exception (`PUSH_EXC_INFO`, `POP_EXCEPT`), returning
/// the previous one. The previous value is dropped by the caller, outside the borrow.
pub(super) fn replace_current(v: Option<Obj>) -> Option<Obj> {
    EXC_STATE.with(|s| std::mem::replace(&mut s.borrow_mut().current, v))
}

/// A generator resumes with its own handled exception `own`: the resumer's goes underneath.
pub(super) fn enter_generator(own: Option<Obj>) {
    EXC_STATE.with(|s| {
        let mut s = s.borrow_mut();
        let outer = std::mem::replace(&mut s.current, own);
        s.outer.push(outer);
    });
}

/// A generator suspends or finishes: its handled exception is returned and the resumer's is
/// current again.
pub(super) fn leave_generator() -> Option<Obj> {
    EXC_STATE.with(|s| {
        let mut s = s.borrow_mut();
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
