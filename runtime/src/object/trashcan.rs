//! CPython's "trashcan" (`Py_TRASHCAN_BEGIN`/`END`): freeing a deeply nested container
//! (`[[[...]]]` thirty thousand levels deep) must not recurse once per level on the native
//! stack.
//!
//! A container's deallocator hands the references it owned to [`release`] instead of dropping
//! them in place. Up to [`MAX_NESTING`] nested releases drop their references directly (the
//! common case: no allocation); deeper ones park the references on a per-thread list, and the
//! outermost release drains that list iteratively — each parked batch is dropped at a shallow
//! depth, where it may park more, until nothing is left.

use std::cell::{Cell, RefCell};

use super::obj::Obj;

/// Nested releases that drop directly before parking (CPython's `Py_TRASHCAN_HEADROOM` is in
/// the same range).
const MAX_NESTING: u32 = 50;

thread_local! {
    static NESTING: Cell<u32> = const { Cell::new(0) };
    static PARKED: RefCell<Vec<Vec<Obj>>> = const { RefCell::new(Vec::new()) };
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
        // The outermost release: drain what deeper levels parked.
        while let Some(batch) = PARKED.with(|p| p.borrow_mut().pop()) {
            drop(batch);
        }
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
}
