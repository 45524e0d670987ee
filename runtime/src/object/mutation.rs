//! Mutations of mutable containers under the object's critical section.
//!
//! In a free-threaded interpreter every write to a `list` or `dict` takes that object's
//! critical section (the header's `ob_mutex`, CPython 3.13's `Py_BEGIN_CRITICAL_SECTION`), so
//! two threads writing one container never interleave inside a write. In an interpreter with a
//! lock, holding the lock already serialises writes and no mutex is touched (see
//! [`crate::lock::critical_section`]).
//!
//! The closures given here are short and run no Python code: values a write replaces are
//! returned out of the closure and dropped after the section ends, so a destructor that runs
//! Python code never sees a container mid-write.

use super::header::PyObject;
use crate::Python;

/// Runs `f` inside `obj`'s critical section.
#[inline]
pub(crate) fn locked<R>(obj: &PyObject, f: impl FnOnce() -> R) -> R {
    match crate::state::thread_state::current() {
        Some(ts) => {
            // SAFETY: object code runs attached: the current thread state is attached on this
            // thread for the whole call.
            let state = unsafe { ts.as_ref() };
            if state.interp_state().sched.lock.is_some() {
                // The interpreter's lock serialises `f` already: no section to push (the test
                // `critical_section` would make, without its setup).
                return f();
            }
            // SAFETY: as above.
            unsafe { Python::assume_attached(ts) }.critical_section(obj, f)
        }
        None => f(),
    }
}

#[cfg(test)]
mod tests {
    use crate::object::dict::{as_dict, new_dict};
    use crate::object::handle::{Bound, Py};
    use crate::object::int::new_int;
    use crate::object::list::{as_list, new_list};
    use crate::{Interpreter, InterpreterConfig};

    /// Four threads append to one list and insert distinct keys into one dict of a
    /// free-threaded interpreter: nothing is lost and no mutex stays locked.
    #[test]
    fn concurrent_writers_lose_nothing_in_a_free_threaded_interpreter() {
        crate::Runtime::initialize();
        let interp = Interpreter::new(InterpreterConfig::free_threaded()).expect("an interpreter");
        let (list, dict) = interp
            .attach(|py| {
                let l = new_list(Vec::new()).expect("a list");
                let d = new_dict().expect("a dict");
                // SAFETY: owned references move into the handles.
                unsafe { (Bound::from_owned(py, l.into_raw()).unbind(), Bound::from_owned(py, d.into_raw()).unbind()) }
            })
            .expect("attached");
        let shared: Vec<(Py, Py)> =
            interp.attach(|py| (0..4).map(|_| (list.clone_ref(py), dict.clone_ref(py))).collect()).expect("attached");
        std::thread::scope(|s| {
            for (t, (l, d)) in shared.into_iter().enumerate() {
                let interp = &interp;
                s.spawn(move || {
                    interp
                        .attach(|py| {
                            let (l, d) = (l.bind(py), d.bind(py));
                            let (lo, dd) = (as_list(&l).expect("a list"), as_dict(&d).expect("a dict"));
                            for i in 0..500 {
                                let n = new_int((t * 1000 + i) as i64).expect("an int");
                                lo.push(n.clone());
                                dd.set(n.clone(), n).expect("set");
                            }
                        })
                        .expect("attached");
                });
            }
        });
        interp
            .attach(|py| {
                let (l, d) = (list.bind(py), dict.bind(py));
                assert_eq!(as_list(&l).expect("a list").items().len(), 2000);
                assert_eq!(as_dict(&d).expect("a dict").len(), 2000);
                assert!(!l.mutex().is_locked() && !d.mutex().is_locked());
            })
            .expect("attached");
        interp.destroy().expect("destroyed");
    }
}
