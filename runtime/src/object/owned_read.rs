//! The owner's shortcut of the unlocked dict read, for the specialised forms' hinted reads
//! (`LOAD_GLOBAL_MODULE` / `_BUILTIN`, and `LOAD_ATTR`'s module, instance-dict and class reads;
//! for a static type's dict the class read keeps the plain path: it holds no reader's objects).
//!
//! In a free-threaded interpreter a dict's value is read without the dict's lock
//! (`object::unlocked_read`): a try-increment, then a re-read of the slot to make sure the
//! object is still the one that was there, with a locked fallback. Those reads run at every
//! global name and method look-up, and what they find is most often a function, class or
//! module that the reading thread made — `fib` calling itself, a method of a class defined at
//! module level. Such an object is owned by the reader (biased reference counting, `ob_tid`)
//! and counted in its local count, and for it the re-check is not needed:
//!
//! 1. read the slot (`DictTable::value_at_if_key` through the hint);
//! 2. if the object is this thread's and its local count is live (not zero, not immortal),
//!    increment the local count with a plain store (`refcount::try_incref_owned_live`) — done;
//! 3. otherwise the general unlocked read (`DictObject::value_ref_at_if_key`).
//!
//! Why step 2 needs no re-check: the object was alive when the slot was read (the slot held a
//! reference). An object of this thread with a live local count is freed by nobody else —
//! only the owner writes its local count, and a stranger's decrement that would take the
//! object's total to zero queues it to the owner (`object::brc`) instead of freeing it — so it
//! is still the same object. Nor can its block have been freed and reused by another object:
//! only this thread makes objects whose `ob_tid` is its own, and it made none since the read. If
//! a writer replaced the value meanwhile, the reader returns the value it read, as if it had run
//! a moment earlier. CPython 3.14t reaches the same saving for functions, code objects and
//! modules with deferred reference counts; pyrt's owner rule also covers classes and methods and
//! changes nothing for objects of other threads (they take step 3). Interpreters with a lock
//! take the plain read of step 3 unchanged.
//!
//! Loom model: `loom-tests/tests/owned_read.rs` (the owner reads its object and a stranger's while
//! the other thread replaces both; the twin drops the owner check).

use super::dict::DictObject;
use super::header::PyObject;
use super::obj::Obj;

/// `d.value_ref_at_if_key(ix, name)` with the owner's shortcut (see the module docs).
#[inline(always)]
pub(crate) fn hinted_value_ref(d: &DictObject, ix: usize, name: &PyObject) -> Option<Obj> {
    if super::attachment::free_threaded() {
        // SAFETY: the pointer was read from the entry's word, which held a reference: the
        // object is an arena object whose header stays readable, and it is only looked at —
        // kept only once counted (step 2).
        let owned = d
            .value_ptr_at_if_key_unlocked(ix, name)
            .filter(|&v| super::refcount::try_incref_owned_live(unsafe { v.as_ref() }));
        if let Some(p) = owned {
            // SAFETY: the reference just taken (step 2).
            return Some(unsafe { Obj::from_owned(p) });
        }
        return d.value_ref_at_if_key_free_threaded(ix, name);
    }
    // One test of the interpreter's kind for both paths (`value_ref_at_if_key` would test it
    // again).
    // SAFETY: not free-threaded (tested above).
    unsafe { d.value_ref_at_if_key_with_lock(ix, name) }
}

/// The hinted read, public to the loom models.
#[cfg(loom)]
pub mod model {
    use crate::Python;
    use crate::object::{Bound, PyObject};

    use super::Obj;

    fn dict(d: &PyObject) -> &super::DictObject {
        super::super::dict::as_dict(d).expect("a dict")
    }

    /// A new dict.
    pub fn new_dict<'py>(py: Python<'py>) -> Bound<'py> {
        let d = super::super::dict::new_dict().expect("a dict");
        Bound::new_ref(py, &d)
    }

    /// `d[key] = value` (the replaced value released after the section); `key` must hash by
    /// identity-free means (an interned str).
    pub fn set(d: &PyObject, key: &PyObject, value: &PyObject) {
        dict(d).set(Obj::new_ref(key), Obj::new_ref(value)).expect("set");
    }

    /// The entry index of `key` (the specialiser's hint).
    pub fn index_of(d: &PyObject, key: &PyObject) -> usize {
        dict(d).index_of_identical(key).expect("present")
    }

    /// The hinted read.
    ///
    /// # Safety
    ///
    /// The dict's values are objects the caller may hold as `py`'s.
    pub unsafe fn get<'py>(py: Python<'py>, d: &PyObject, ix: usize, key: &PyObject) -> Option<Bound<'py>> {
        // SAFETY: the caller's contract; the reference is the one the read took.
        super::hinted_value_ref(dict(d), ix, key).map(|x| unsafe { Bound::from_owned(py, x.into_raw()) })
    }
}

#[cfg(all(test, not(loom)))]
mod tests {
    use crate::object::dict::{as_dict, new_dict};
    use crate::object::handle::Py;
    use crate::object::int::new_int;
    use crate::{Interpreter, InterpreterConfig};

    /// The owner's read takes a local reference to its own object; another thread's read of the
    /// same entry takes the general path (the shared count), and both references count.
    #[test]
    fn the_owner_counts_locally_and_a_stranger_shares() {
        crate::Runtime::initialize();
        let interp = Interpreter::new(InterpreterConfig::free_threaded()).expect("an interpreter");
        let key = || crate::object::intern("k");
        let (d, v): (Py, Py) = interp
            .attach(|py| {
                let d = new_dict().expect("a dict");
                // A big int: not a cached small int (those are immortal).
                let v = new_int(1 << 40).expect("an int");
                as_dict(&d)
                    .expect("a dict")
                    .set(crate::object::obj::Obj::new_ref(&key().ob_base), v.clone())
                    .expect("set");
                let ix = 0;
                let before = v.ob_ref_local.load(std::sync::atomic::Ordering::Relaxed);
                let got = super::hinted_value_ref(as_dict(&d).expect("a dict"), ix, &key().ob_base).expect("found");
                assert!(got.is(&v));
                assert_eq!(v.ob_ref_local.load(std::sync::atomic::Ordering::Relaxed), before + 1, "a local count");
                drop(got);
                let bind = |o: crate::object::obj::Obj| {
                    // SAFETY: an owned reference moves into the handle.
                    unsafe { crate::object::handle::Bound::from_owned(py, o.into_raw()).unbind() }
                };
                (bind(d), bind(v))
            })
            .expect("attached");
        std::thread::scope(|s| {
            s.spawn(|| {
                interp
                    .attach(|py| {
                        let (d, v) = (d.clone_ref(py).bind(py), v.clone_ref(py).bind(py));
                        let local = v.ob_ref_local.load(std::sync::atomic::Ordering::Relaxed);
                        let got =
                            super::hinted_value_ref(as_dict(&d).expect("a dict"), 0, &key().ob_base).expect("found");
                        assert!(got.is(&v));
                        assert_eq!(v.ob_ref_local.load(std::sync::atomic::Ordering::Relaxed), local, "not the owner's");
                    })
                    .expect("attached");
            });
        });
        drop((d, v));
        interp.destroy().expect("destroyed");
    }
}
