//! Mutations of mutable containers under the object's critical section.
//!
//! In a free-threaded interpreter every write to a `list`, `dict`, `set`, `bytearray` or an
//! instance's inline values, dict slot and `__slots__` members takes that object's
//! critical section (the header's `ob_mutex`, CPython 3.13's `Py_BEGIN_CRITICAL_SECTION`), so
//! two threads writing one container never interleave inside a write. In an interpreter with a
//! lock, holding the lock already serialises writes and no mutex is touched (see
//! `lock::critical_section`).
//!
//! The closures given here are short and run no Python code: values a write replaces are
//! returned out of the closure and dropped after the section ends, so a destructor that runs
//! Python code never sees a container mid-write.

//!
//! # Brief writes: the mutex without a section ([`locked_briefly`])
//!
//! The specialised instance-attribute store (`STORE_ATTR_INSTANCE_VALUE`) runs at every
//! `self.x = v`, the specialised list-item store (`STORE_SUBSCR_LIST_INT`) at every
//! `v[0] = x`. A full critical section there costs more than its two atomics: it finds the
//! thread state, links a section into the thread's stack and unlinks it. CPython 3.14's
//! free-threaded build locks the object's mutex directly in those instructions (`LOCK_OBJECT`,
//! one try-lock; `UNLOCK_OBJECT`) and falls back to the generic path, which takes the critical
//! section, when the try-lock fails. [`locked_briefly`] does the same: one compare-and-swap to
//! take the mutex, `f`, one to release it; when the mutex is taken (by another thread, or by a
//! section of this one — re-entry) it falls back to [`locked`].
//!
//! A mutex held this way is on no section stack, so nothing suspends it: it stays held across
//! a detach. That is sound only because `f` never detaches — it runs no Python code, allocates
//! nothing that could call back, locks no other object and does not wait — so the mutex is
//! released before this thread can reach any point where another thread would wait for it
//! while holding something this thread needs (a stop-the-world waits for this thread to detach,
//! which happens after the release).

use super::header::PyObject;

/// Runs `f` inside `obj`'s critical section.
#[inline]
pub(crate) fn locked<R>(obj: &PyObject, f: impl FnOnce() -> R) -> R {
    super::attachment::critical_section(obj, f)
}

/// Runs `f` with `obj`'s mutex held, taken with one try-lock and no critical section when it is
/// free (see the module docs); else inside [`locked`]. `f` must not detach: no Python code, no
/// waiting, no other object's lock.
#[inline(always)]
pub(crate) fn locked_briefly<R>(obj: &PyObject, f: impl FnOnce() -> R) -> R {
    let Some(_hold) = try_hold_briefly(obj) else { return locked_contended(obj, f) };
    f()
}

/// A brief hold of an object's mutex ([`try_hold_briefly`]): released when dropped, also on
/// unwinding. Holds nothing in an interpreter with a lock.
pub(crate) struct BriefHold<'a>(Option<&'a PyObject>);

impl Drop for BriefHold<'_> {
    #[inline(always)]
    fn drop(&mut self) {
        if let Some(obj) = self.0 {
            // SAFETY: taken by the try-lock of `try_hold_briefly`, on this thread.
            unsafe { obj.mutex().unlock() }
        }
    }
}

/// [`locked_briefly`]'s first step, for a caller that must call its body from two places (the
/// brief hold and the fallback) to keep it inline in both: a hold of `obj`'s mutex taken with
/// one try-lock in a free-threaded interpreter, `None` when the mutex is taken (another thread
/// or a section of this one holds it: the caller falls back to [`locked`]); with a lock, a hold
/// of nothing. The code run while the hold lives must not detach, as for [`locked_briefly`].
#[inline(always)]
pub(crate) fn try_hold_briefly(obj: &PyObject) -> Option<BriefHold<'_>> {
    // SAFETY: the slot holds the attached record, alive while this thread stays attached.
    match super::attachment::current() {
        Some(a) if unsafe { a.as_ref() }.free_threaded() => {
            if crate::sync::broken(crate::sync::Mutation::BriefWriteUnlocked) {
                return Some(BriefHold(None));
            }
            // `then`, not `then_some`: a hold made and dropped on a failed try-lock would unlock
            // another holder's mutex.
            obj.mutex().try_lock().then(|| BriefHold(Some(obj)))
        }
        _ => Some(BriefHold(None)),
    }
}

/// [`locked_briefly`] when the try-lock failed: the section. Out of line, so that `f` is called
/// once in [`locked_briefly`] and inlined there (called from two places it stayed a closure call).
#[cold]
#[inline(never)]
fn locked_contended<R>(obj: &PyObject, f: impl FnOnce() -> R) -> R {
    locked(obj, f)
}

/// The brief write, public to the loom models.
#[cfg(loom)]
pub mod model {
    /// [`super::locked_briefly`].
    pub fn locked_briefly<R>(obj: &super::PyObject, f: impl FnOnce() -> R) -> R {
        super::locked_briefly(obj, f)
    }
}

#[cfg(test)]
mod tests {
    use crate::object::dict::{as_dict, new_dict};
    use crate::object::handle::{Bound, Py};
    use crate::object::header::PyObject;
    use crate::object::inline_values as values;
    use crate::object::int::new_int;
    use crate::object::list::{as_list, new_list};
    use crate::{Interpreter, InterpreterConfig};

    /// Runs `write` on a thread of the free-threaded `interp` while another thread holds
    /// `obj`'s critical section for a while: the write must wait for the holder.
    fn write_waits_for_the_holder(interp: &Interpreter, obj: &Py, write: &(dyn Fn(&PyObject) + Sync)) {
        use std::sync::atomic::{AtomicBool, Ordering};
        let released = AtomicBool::new(false);
        let (held_tx, held_rx) = std::sync::mpsc::channel();
        std::thread::scope(|s| {
            let released = &released;
            s.spawn(move || {
                interp
                    .attach(|py| {
                        let o = obj.clone_ref(py).bind(py);
                        py.critical_section(&o, || {
                            held_tx.send(()).expect("the writer waits");
                            std::thread::sleep(std::time::Duration::from_millis(30));
                            released.store(true, Ordering::SeqCst);
                        });
                    })
                    .expect("attached");
            });
            s.spawn(move || {
                held_rx.recv().expect("the holder holds");
                interp
                    .attach(|py| {
                        write(&obj.clone_ref(py).bind(py));
                        assert!(released.load(Ordering::SeqCst), "the write ran inside another thread's section");
                    })
                    .expect("attached");
            });
        });
    }

    /// Every write path the audit found that did not take the section before (the specialised
    /// stores, the dict's keys version, the instance's values and dict slot) waits for a
    /// thread holding it.
    #[test]
    fn each_write_path_takes_the_objects_section() {
        crate::Runtime::initialize();
        let interp = Interpreter::new(InterpreterConfig::free_threaded()).expect("an interpreter");
        let src = "class C:\n    def __init__(self):\n        self.a = 1\nc = C()\nl = [1, 2]\nd = {'a': 1}\n";
        let objs: Vec<Py> = interp
            .attach(|py| {
                let code = pyrt_compile::compile(src, "<t>", pyrt_compile::Mode::Module).expect("compiles");
                let globals = crate::eval::run_module(code, "__main__", "<t>").expect("runs");
                let g = as_dict(&globals).expect("a dict");
                ["c", "l", "d"]
                    .iter()
                    .map(|n| {
                        let o = g.get_str(&crate::object::intern(n).ob_base).expect("bound");
                        // SAFETY: an owned reference moves into the handle.
                        unsafe { Bound::from_owned(py, o.into_raw()).unbind() }
                    })
                    .collect()
            })
            .expect("attached");
        let (c, l, d) = (&objs[0], &objs[1], &objs[2]);
        let a = || crate::object::intern("a");
        write_waits_for_the_holder(&interp, c, &|o| {
            let stored = values::set_attr(o, &a().ob_base, Some(&new_int(2).expect("an int")));
            assert!(matches!(stored, Ok(values::Stored::Done)));
        });
        write_waits_for_the_holder(&interp, c, &|o| {
            let ix = values::key_index(o.type_object(), &a().ob_base).expect("a shared key");
            assert!(values::store_at(o, ix, new_int(3).expect("an int")).is_ok());
        });
        write_waits_for_the_holder(&interp, c, &|o| {
            assert!(values::instance_dict(o).expect("a dict").is_some());
        });
        write_waits_for_the_holder(&interp, l, &|o| {
            // Checked below: the list reads `[9, 2]` afterwards.
            let index = crate::eval::specialize::store_list_int_guard(o, &new_int(0).expect("an int"));
            assert_eq!(index, Some(0), "an exact list with an item 0");
            // SAFETY: `o` is an exact list (the guard's test just passed).
            unsafe { crate::eval::specialize::store_list_int(o, 0, new_int(9).unwrap()) }.expect("index 0 is in range");
        });
        write_waits_for_the_holder(&interp, d, &|o| {
            assert_ne!(as_dict(o).expect("a dict").keys_version(), 0);
        });
        write_waits_for_the_holder(&interp, d, &|o| {
            let dict = as_dict(o).expect("a dict");
            assert!(dict.replace_at_if_key(0, &a().ob_base, new_int(5).unwrap()).is_ok());
        });
        interp
            .attach(|py| {
                let (c, l, d) = (c.clone_ref(py).bind(py), l.clone_ref(py).bind(py), d.clone_ref(py).bind(py));
                let text = |o: &PyObject| crate::object::abstract_ops::repr_text(o).expect("a repr");
                assert_eq!(text(&values::instance_dict(&c).expect("ok").expect("a dict")), "{'a': 3}");
                assert_eq!(text(&l), "[9, 2]");
                assert_eq!(text(&d), "{'a': 5}");
            })
            .expect("attached");
        drop(objs);
        interp.destroy().expect("destroyed");
    }

    /// A brief write takes the mutex and gives it back; inside a section of the same thread on
    /// the same object it falls back to the section (re-entry) instead of waiting for itself.
    #[test]
    fn a_brief_write_releases_the_mutex_and_reenters_a_section() {
        crate::Runtime::initialize();
        let interp = Interpreter::new(InterpreterConfig::free_threaded()).expect("an interpreter");
        interp
            .attach(|py| {
                let l = new_list(Vec::new()).expect("a list");
                let seen = super::locked_briefly(&l, || l.mutex().is_locked());
                assert!(seen, "held during the write");
                assert!(!l.mutex().is_locked(), "released after it");
                let bound = l.clone();
                // SAFETY: an owned reference moves into the handle.
                let b = unsafe { Bound::from_owned(py, bound.into_raw()) };
                let inner = py.critical_section(&b, || super::locked_briefly(&l, || l.mutex().is_locked()));
                assert!(inner, "the section's hold covers the re-entered write");
                assert!(!l.mutex().is_locked(), "the section released it");
            })
            .expect("attached");
        interp.destroy().expect("destroyed");
    }

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
                assert_eq!(as_list(&l).expect("a list").len(), 2000);
                assert_eq!(as_dict(&d).expect("a dict").len(), 2000);
                assert!(!l.mutex().is_locked() && !d.mutex().is_locked());
            })
            .expect("attached");
        interp.destroy().expect("destroyed");
    }
}
