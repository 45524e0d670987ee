//! `Py_ReprEnter` / `Py_ReprLeave`: a container whose `repr` reaches itself again (through an
//! element's `__repr__`) prints a placeholder instead of recursing — `[...]`, `{...}`,
//! `set(...)`. CPython keeps the objects being repr'd in a per-thread list; so does this
//! module (by address: the objects are alive while their repr runs).

use std::cell::RefCell;

use super::header::PyObject;

thread_local! {
    static ACTIVE: RefCell<Vec<usize>> = const { RefCell::new(Vec::new()) };
}

/// The mark of an object whose repr is running; dropping it ends that.
pub struct ReprGuard(usize);

impl Drop for ReprGuard {
    fn drop(&mut self) {
        ACTIVE.with(|a| {
            let mut a = a.borrow_mut();
            if let Some(i) = a.iter().rposition(|&x| x == self.0) {
                a.remove(i);
            }
        });
    }
}

/// Marks `obj` as being repr'd, or `None` if its repr is already running on this thread.
pub fn enter(obj: &PyObject) -> Option<ReprGuard> {
    let addr = obj.addr();
    ACTIVE.with(|a| {
        let mut a = a.borrow_mut();
        if a.contains(&addr) {
            return None;
        }
        a.push(addr);
        Some(ReprGuard(addr))
    })
}

#[cfg(test)]
mod tests {
    #[test]
    fn reentry_is_refused_until_the_guard_drops() {
        crate::Runtime::initialize();
        crate::attach(|_py| {
            let o = crate::object::int::new_int(1000).expect("an int");
            let g = super::enter(&o).expect("first entry");
            assert!(super::enter(&o).is_none());
            drop(g);
            assert!(super::enter(&o).is_some());
        });
    }
}
