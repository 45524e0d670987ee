//! CPython's "trashcan" (`Py_TRASHCAN_BEGIN`/`END`): freeing a deeply nested container
//! (`[[[...]]]` thirty thousand levels deep) must not recurse once per level on the native
//! stack.
//!
//! A container's deallocator hands the references it owned to [`release`] instead of dropping
//! them in place. Up to [`MAX_NESTING`] nested releases drop their references directly (the
//! common case: no allocation); deeper ones park the references on a per-thread list, and the
//! outermost release drains that list iteratively — each parked batch is dropped at a shallow
//! depth, where it may park more, until nothing is left.
//!
//! Every other object's deallocation goes through [`dealloc_guarded`] (from
//! `alloc::drop_and_free`): past the same depth, the deallocation itself is deferred — the
//! object, already unreachable, waits on the list with its deallocator — so a long chain of any
//! kind (`o = o.__dir__` a million times: each bound method owns the previous one) frees
//! iteratively too.

use std::cell::{Cell, RefCell};

use std::ptr::NonNull;

use super::header::PyObject;
use super::obj::Obj;

/// Nested releases that drop directly before parking (CPython's `Py_TRASHCAN_HEADROOM` is in
/// the same range).
const MAX_NESTING: u32 = 50;

thread_local! {
    static NESTING: Cell<u32> = const { Cell::new(0) };
    static PARKED: RefCell<Vec<Vec<Obj>>> = const { RefCell::new(Vec::new()) };
    static DEFERRED: RefCell<Vec<(NonNull<PyObject>, DeallocNow)>> = const { RefCell::new(Vec::new()) };
}

/// A deallocation to finish: drops the object's fields and frees its block. Its safety
/// contract is `dealloc_guarded`'s: called once, on the deallocating thread, attached.
type DeallocNow = unsafe fn(NonNull<PyObject>);

/// Runs `now(op)` — the deallocation of an unreachable object — unless deallocations are
/// already nested [`MAX_NESTING`] deep on this thread, in which case it is deferred to the
/// outermost one, which finishes every deferred deallocation (and parked release) in a loop.
///
/// # Safety
///
/// `now(op)` must be sound to call once, later on this thread while it is attached (`op` is
/// unreachable: its last reference is gone).
#[inline]
pub(crate) unsafe fn dealloc_guarded(op: NonNull<PyObject>, now: DeallocNow) {
    let depth = NESTING.with(Cell::get);
    if depth >= MAX_NESTING {
        DEFERRED.with(|d| d.borrow_mut().push((op, now)));
        return;
    }
    NESTING.with(|n| n.set(depth + 1));
    // SAFETY: the caller's contract.
    unsafe { now(op) };
    if depth == 0 {
        drain();
    }
    NESTING.with(|n| n.set(depth));
}

/// The outermost level's loop over what deeper levels deferred or parked.
#[cold]
fn drain() {
    loop {
        if let Some((op, now)) = DEFERRED.with(|d| d.borrow_mut().pop()) {
            // SAFETY: deferred by `dealloc_guarded`, whose caller vouched for the call; this is
            // the same thread, still attached (the outermost deallocation is running).
            unsafe { now(op) };
        } else if let Some(batch) = PARKED.with(|p| p.borrow_mut().pop()) {
            drop(batch);
        } else {
            break;
        }
    }
}

/// Drops the references a freed container owned, without deep native recursion.
pub(crate) fn release(refs: Vec<Obj>) {
    if refs.is_empty() {
        return;
    }
    let depth = NESTING.with(Cell::get);
    if depth >= MAX_NESTING {
        PARKED.with(|p| p.borrow_mut().push(refs));
        return;
    }
    NESTING.with(|n| n.set(depth + 1));
    drop(refs);
    if depth == 0 {
        // The outermost release: drain what deeper levels parked or deferred.
        drain();
    }
    NESTING.with(|n| n.set(depth));
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::object::list::new_list;
    use crate::object::tuple::new_tuple;

    fn with(f: impl FnOnce()) {
        crate::Runtime::initialize();
        crate::attach(|_py| f());
    }

    #[test]
    fn deeply_nested_containers_free_without_deep_recursion() {
        with(|| {
            // Far deeper than the native stack could take one frame per level.
            let mut list = new_list(Vec::new()).expect("a list");
            let mut tuple = new_tuple(Vec::new()).expect("a tuple");
            for _ in 0..200_000 {
                list = new_list(vec![list]).expect("a list");
                tuple = new_tuple(vec![tuple]).expect("a tuple");
            }
            drop(list);
            drop(tuple);
            assert_eq!(NESTING.with(Cell::get), 0);
            assert!(PARKED.with(|p| p.borrow().is_empty()));
        });
    }

    #[test]
    fn a_long_chain_of_bound_methods_frees_without_deep_recursion() {
        with(|| {
            let mut o = crate::object::core_types::new_seq_iter(new_list(Vec::new()).expect("a list")).expect("o");
            for _ in 0..200_000 {
                o = crate::object::abstract_ops::get_attr_str(&o, "__dir__").expect("a bound method");
            }
            drop(o);
            assert_eq!(NESTING.with(Cell::get), 0);
            assert!(DEFERRED.with(|d| d.borrow().is_empty()));
        });
    }
}
