//! A new reference to an object read from a container's slot without the container's lock
//! (CPython 3.13's `_Py_TryXGetRef` + re-check, as in `_Py_dict_lookup_threadsafe`).
//!
//! The specialiser's hinted reads of a `dict`'s values (class, module, instance, globals and
//! builtins dicts: `DictObject::value_ref_at_if_key`) and of an instance's `__dict__` slot
//! (`dict::value_ref_in_dict_slot`) do not take the container's critical section; writers do,
//! and drop the value they replace after the section ends. (A dict lookup by key probes the
//! storage block itself: `dict_keys.rs`, the same steps with a re-check of the block.) In a free-threaded interpreter a reader can load a slot, be
//! overtaken by a writer that replaces the value and drops its last reference — the object is
//! freed — and only then increment: a reference to freed memory, which the next decrement frees
//! a second time (a class's method replaced with `A.m = f` while other threads call `o.m()`:
//! the second free unlinked the function's GC head twice). So, free-threaded:
//!
//! 1. load the slot;
//! 2. *try* to take a reference (`refcount::try_incref_maybe_freed`): the owner's local count,
//!    or a compare-and-swap on the shared count that refuses a count of zero — an object whose
//!    last reference is going, or gone;
//! 3. load the slot again: the reference is kept only if the slot still holds the object.
//!    Otherwise (the object left the slot, or the block was freed and reused by another object
//!    that the increment reached) it is dropped again — it was a real reference to whatever
//!    lived at that address;
//! 4. on a refusal or a change, read under the container's critical section, where the slot's
//!    own reference keeps the value alive, and increment with the MAYBE_WEAKREF mark
//!    (`refcount::incref_with_lock`, CPython's `_Py_NewRefWithLock`): an object owned by
//!    another thread has a shared count of zero, which step 2 refuses, and the mark lets its
//!    next lock-free read succeed (the owner's last decrement then merges instead of freeing
//!    at once, so a racing try-increment and that decrement agree through one word).
//!
//! Why step 2 never touches unmapped memory is `list_items`' argument: objects live in arena
//! pages that stay mapped for the interpreter's life, and a freed block's shared count is 0 or
//! MERGED, which the exchange refuses. Objects above the arena's size classes come from the
//! system allocator: a free-threaded interpreter frees them through QSBR
//! (`Arena::free_or_delay_large`), so their header stays readable until the reader's next
//! quiescent point, which no read contains. With the interpreter's lock nothing writes beside the
//! reader: a plain increment.

use std::ptr::NonNull;

use super::header::PyObject;
use super::obj::Obj;
use super::refcount;

/// A new reference to the object `read` finds in a slot of `container`, or `None` when the slot
/// is empty. `read` loads the slot (it may be called several times, and once inside
/// `container`'s critical section); writers of the slot must hold that section. A reference to
/// an object that left the slot meanwhile is dropped before this returns, which may run Python
/// code: the caller must not be inside a borrow that such code could end (hold `container`
/// with a count).
#[inline(always)]
pub(crate) fn new_ref_from_slot(container: &PyObject, read: impl Fn() -> Option<NonNull<PyObject>>) -> Option<Obj> {
    new_ref_from_slot_in(container, super::attachment::free_threaded(), read)
}

/// [`new_ref_from_slot`] for a caller that knows the kind of `container`'s interpreter
/// (`free_threaded`) from something it already holds (an instance's class: inline values).
#[inline(always)]
pub(crate) fn new_ref_from_slot_in(
    container: &PyObject,
    free_threaded: bool,
    read: impl Fn() -> Option<NonNull<PyObject>>,
) -> Option<Obj> {
    if free_threaded {
        return new_ref_free_threaded(container, read);
    }
    // SAFETY: with the interpreter's lock no writer runs beside this read: the slot's own
    // reference keeps the object alive while it is incremented.
    read().map(|p| Obj::new_ref(unsafe { p.as_ref() }))
}

/// [`new_ref_from_slot`] in a free-threaded interpreter (the module docs' steps 1–4).
#[inline(never)]
fn new_ref_free_threaded(container: &PyObject, read: impl Fn() -> Option<NonNull<PyObject>>) -> Option<Obj> {
    let p = read()?;
    // SAFETY: `p` was read from the slot: an arena object, alive or freed, whose header words
    // stay readable (module docs).
    if unsafe { refcount::try_incref_maybe_freed(p) } {
        // SAFETY: the reference just taken, to whatever object lives at `p` now.
        let taken = unsafe { Obj::from_owned(p) };
        if read() == Some(p) {
            return Some(taken);
        }
        return new_ref_locked(container, read, Some(taken));
    }
    new_ref_locked(container, read, None)
}

/// Step 4: the read under the section. Out of line, so that steps 1–3 need no frame for the
/// section's state. `stale` is a reference taken to an object that then left the slot: dropped
/// last, after every use of `container` (it may be the object's last reference, and its
/// deallocator may run Python code that ends the caller's loan of the container).
#[cold]
#[inline(never)]
fn new_ref_locked(
    container: &PyObject,
    read: impl Fn() -> Option<NonNull<PyObject>>,
    stale: Option<Obj>,
) -> Option<Obj> {
    let found = super::mutation::locked(container, || {
        read().map(|p| {
            // SAFETY: inside the section the slot holds its reference to `p`.
            refcount::incref_with_lock(unsafe { p.as_ref() });
            // SAFETY: the reference just taken.
            unsafe { Obj::from_owned(p) }
        })
    });
    drop(stale);
    found
}
