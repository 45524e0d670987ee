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

/// This thread's trashcan: how deep deallocations are nested, and what deeper levels left for
/// the outermost one. One thread-local, so the common case — an outermost deallocation that
/// nothing was deferred under — costs one TLS access, a counter update and a flag test.
struct Trashcan {
    nesting: Cell<u32>,
    /// Whether `parked` or `deferred` may be non-empty (set when either is pushed, cleared by
    /// [`drain`] when both are empty), so the outermost level skips `drain` when nothing waits.
    pending: Cell<bool>,
    parked: RefCell<Vec<Vec<Obj>>>,
    deferred: RefCell<Vec<(NonNull<PyObject>, DeallocNow)>>,
}

thread_local! {
    static TRASHCAN: Trashcan = const {
        Trashcan {
            nesting: Cell::new(0),
            pending: Cell::new(false),
            parked: RefCell::new(Vec::new()),
            deferred: RefCell::new(Vec::new()),
        }
    };
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
    TRASHCAN.with(|t| {
        let depth = t.nesting.get();
        if depth >= MAX_NESTING {
            t.deferred.borrow_mut().push((op, now));
            t.pending.set(true);
            return;
        }
        t.nesting.set(depth + 1);
        // SAFETY: the caller's contract.
        unsafe { now(op) };
        if depth == 0 && t.pending.get() {
            drain(t);
        }
        t.nesting.set(depth);
    })
}

/// The outermost level's loop over what deeper levels deferred or parked.
#[cold]
fn drain(t: &Trashcan) {
    loop {
        // Each pop's borrow ends before what it yields is freed (which may push more).
        let deferred = t.deferred.borrow_mut().pop();
        if let Some((op, now)) = deferred {
            // SAFETY: deferred by `dealloc_guarded`, whose caller vouched for the call; this is
            // the same thread, still attached (the outermost deallocation is running).
            unsafe { now(op) };
            continue;
        }
        let parked = t.parked.borrow_mut().pop();
        match parked {
            Some(batch) => drop(batch),
            None => break,
        }
    }
    t.pending.set(false);
}

/// Drops the references a freed container owned, without deep native recursion.
pub(crate) fn release(refs: Vec<Obj>) {
    if refs.is_empty() {
        return;
    }
    TRASHCAN.with(|t| {
        let depth = t.nesting.get();
        if depth >= MAX_NESTING {
            t.parked.borrow_mut().push(refs);
            t.pending.set(true);
            return;
        }
        t.nesting.set(depth + 1);
        drop(refs);
        if depth == 0 && t.pending.get() {
            // The outermost release: drain what deeper levels parked or deferred.
            drain(t);
        }
        t.nesting.set(depth);
    })
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
            TRASHCAN.with(|t| {
                assert_eq!(t.nesting.get(), 0);
                assert!(t.parked.borrow().is_empty() && !t.pending.get());
            });
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
            TRASHCAN.with(|t| {
                assert_eq!(t.nesting.get(), 0);
                assert!(t.deferred.borrow().is_empty() && !t.pending.get());
            });
        });
    }
}
