//! CPython's `Py_ReprEnter` / `Py_ReprLeave`: containers that print their items (`list`,
//! `dict`, their views) mark themselves while their `repr` runs, so a container reached again
//! from inside its own repr prints as `[...]` / `{...}` instead of recursing forever.
//!
//! The marks are per thread (CPython keeps them in the thread state's dict): a repr running on
//! another thread is a different traversal.

use std::cell::RefCell;

use super::header::PyObject;

thread_local! {
    static IN_REPR: RefCell<Vec<usize>> = const { RefCell::new(Vec::new()) };
}

/// The mark of one container's repr in progress; dropping it removes the mark.
pub(crate) struct ReprGuard(usize);

/// Marks `o` as being printed, or `None` if it already is (the caller prints `...`).
pub(crate) fn enter(o: &PyObject) -> Option<ReprGuard> {
    let addr = o.addr();
    IN_REPR.with(|s| {
        let mut s = s.borrow_mut();
        if s.contains(&addr) {
            return None;
        }
        s.push(addr);
        Some(ReprGuard(addr))
    })
}

impl Drop for ReprGuard {
    fn drop(&mut self) {
        IN_REPR.with(|s| {
            let mut s = s.borrow_mut();
            if let Some(i) = s.iter().rposition(|&a| a == self.0) {
                s.remove(i);
            }
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_container_inside_its_own_repr_is_refused_until_the_guard_drops() {
        crate::Runtime::initialize();
        crate::attach(|_py| {
            let o = super::super::list::new_list(Vec::new()).expect("a list");
            let outer = enter(&o).expect("first entry");
            assert!(enter(&o).is_none(), "re-entry is refused");
            let other = super::super::list::new_list(Vec::new()).expect("a list");
            assert!(enter(&other).is_some(), "another container is independent");
            drop(outer);
            assert!(enter(&o).is_some(), "the mark is gone after the guard drops");
        });
    }
}
