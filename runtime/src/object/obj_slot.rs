//! `ObjSlot`: a cell-like view of one `Option<Obj>` word inside an object — an instance's
//! `__dict__` pointer, a `__slots__` member, one of its inline values.
//!
//! Such words are written through a shared `&PyObject` (every object is shared), so they are
//! interior-mutable. Handing out a `&mut Option<Obj>` from a `&PyObject` would let safe code
//! hold two of them at once, or hold one across Python code that writes the same word (a
//! `__del__` run by the drop of the old value, a descriptor, another thread's turn): undefined
//! behaviour. The view therefore never lets a reference into the word escape. Like
//! `std::cell::Cell<Option<Obj>>`, it moves values in and out:
//!
//! * [`ObjSlot::get`] clones (an incref);
//! * [`ObjSlot::replace`] / [`ObjSlot::take`] give the old value back, so the caller drops it —
//!   and runs whatever finaliser that starts — after the write is complete, when no access to
//!   the word is in progress; [`ObjSlot::set`] does that drop itself, after the write;
//! * [`ObjSlot::with_borrowed`] lends the value without a reference count, for the cycle
//!   collector's traverse (which must not change counts) and the specialised loads' hot paths;
//!   it is `unsafe`: the caller promises that nothing writes the word while the loan lasts.
//!
//! **Exclusion.** Each access is one read or one write of the word, complete before the method
//! returns. Two accesses never overlap because every thread that touches an object is attached
//! and runs under its interpreter's lock (the GIL-like lock of `Own`/`Shared` interpreters, the
//! per-interpreter language lock of free-threaded ones — DESIGN.md, "Not built yet"); writes of
//! an instance's dict pointer and inline values are in addition made inside the instance's
//! critical section (`inline_values.rs`). Where the attached-thread rule itself is enforced:
//! a `&PyObject` exists only on an attached thread (the header is not `Sync`; handles are
//! branded with the attachment), and the lock is held while attached.

use std::marker::PhantomData;
use std::ptr::NonNull;

use super::header::PyObject;
use super::obj::Obj;

/// A view of one `Option<Obj>` word of an object, alive while the object is (see the module
/// docs). Not `Send`/`Sync`: it stays on the attached thread that made it.
pub(crate) struct ObjSlot<'a> {
    word: NonNull<Option<Obj>>,
    _owner: PhantomData<&'a PyObject>,
}

impl<'a> ObjSlot<'a> {
    /// The word at `offset` bytes into `obj`.
    ///
    /// # Safety
    ///
    /// `obj`'s layout holds an initialised `Option<Obj>` at `offset` (its type, or a base of it,
    /// put one there), and the word is accessed only through `ObjSlot`s (or code that keeps
    /// their exclusion rule) while `obj` lives.
    #[inline(always)]
    pub(crate) unsafe fn at(obj: &'a PyObject, offset: usize) -> ObjSlot<'a> {
        // SAFETY: the caller's contract: `offset` is inside `obj`; the pointer is not null.
        let word = unsafe { NonNull::new_unchecked((obj as *const PyObject as *mut u8).add(offset).cast()) };
        ObjSlot { word, _owner: PhantomData }
    }

    /// A view of a word that is not part of an object's header layout (inline values).
    ///
    /// # Safety
    ///
    /// As [`ObjSlot::at`]: `word` points at an initialised `Option<Obj>` that stays valid while
    /// `owner` is borrowed (a word inside `owner`).
    #[inline(always)]
    pub(crate) unsafe fn from_raw(_owner: &'a PyObject, word: *mut Option<Obj>) -> ObjSlot<'a> {
        // SAFETY: the caller's contract.
        ObjSlot { word: unsafe { NonNull::new_unchecked(word) }, _owner: PhantomData }
    }

    /// A new reference to the value (`None` when the word is empty).
    #[inline(always)]
    pub(crate) fn get(&self) -> Option<Obj> {
        // SAFETY: a read under the exclusion of the module docs; the clone (an incref) runs no
        // Python code, and the shared borrow ends before this returns.
        unsafe { (*self.word.as_ptr()).clone() }
    }

    /// Whether the word is empty (a read of the word alone: no count changes, no loan).
    #[inline(always)]
    pub(crate) fn is_none(&self) -> bool {
        // SAFETY: a read under the exclusion of the module docs, complete before this returns.
        unsafe { (*self.word.as_ptr()).is_none() }
    }

    /// Writes `value`; gives back the old value for the caller to drop.
    #[inline(always)]
    #[must_use = "the old value is dropped by the caller, after the write"]
    pub(crate) fn replace(&self, value: Option<Obj>) -> Option<Obj> {
        use std::sync::atomic::Ordering;
        let word = self.atomic_word();
        // One write under the exclusion of the module docs (so the load and the store need no
        // exchange); the store is Release so that a lock-free reader's Acquire `load_ptr` that
        // sees the new object sees its contents. The old value moves out without being dropped,
        // so no code runs during the write.
        let old = word.load(Ordering::Relaxed);
        word.store(value.map_or(std::ptr::null_mut(), |v| v.into_raw().as_ptr()), Ordering::Release);
        // SAFETY: the word held an owned reference (or nothing), which moves to the caller.
        NonNull::new(old).map(|p| unsafe { Obj::from_owned(p) })
    }

    /// Empties the word; gives back the old value for the caller to drop.
    #[inline(always)]
    #[must_use = "the old value is dropped by the caller, after the write"]
    pub(crate) fn take(&self) -> Option<Obj> {
        self.replace(None)
    }

    /// Writes `value` and drops the old value once the write is complete.
    #[inline]
    pub(crate) fn set(&self, value: Option<Obj>) {
        drop(self.replace(value));
    }

    /// The word's object, loaded atomically (Acquire) without a count: the first step of a
    /// lock-free reader that takes its reference with `unlocked_read::new_ref_from_slot` (a
    /// free-threaded interpreter's hinted reads of an instance's `__dict__`).
    #[inline(always)]
    pub(crate) fn load_ptr(&self) -> Option<NonNull<PyObject>> {
        NonNull::new(self.atomic_word().load(std::sync::atomic::Ordering::Acquire))
    }

    /// The word viewed as an atomic, for [`ObjSlot::load_ptr`] and the Release store of
    /// [`ObjSlot::replace`] that it pairs with. A `std` atomic, not the sync seam's: the word is
    /// an `Option<Obj>` that the other methods read in place, which a loom atomic's layout would
    /// not allow (the loom models drive dict values, not this word).
    #[inline(always)]
    fn atomic_word(&self) -> &std::sync::atomic::AtomicPtr<PyObject> {
        // SAFETY: the word is an `Option<Obj>`, laid out as a nullable pointer, which an
        // `AtomicPtr` of the same size and alignment views; it is valid while the owner lives.
        unsafe { &*self.word.as_ptr().cast::<std::sync::atomic::AtomicPtr<PyObject>>() }
    }

    /// Calls `f` with the value, borrowed (no reference count changes).
    ///
    /// # Safety
    ///
    /// Nothing may write this word while `f` runs: `f` runs no Python code and does not write
    /// the object it came from (the loaned reference would dangle if the old value were
    /// dropped).
    #[inline(always)]
    pub(crate) unsafe fn with_borrowed<R>(&self, f: impl FnOnce(Option<&PyObject>) -> R) -> R {
        // SAFETY: a shared read under the exclusion of the module docs; the caller guarantees
        // that no write overlaps the loan.
        f(unsafe { (*self.word.as_ptr()).as_deref() })
    }
}

#[cfg(all(test, not(loom)))]
mod tests {
    use super::ObjSlot;
    use crate::object::obj::Obj;

    /// A word on the stack standing in for an object's field: the cell operations move values
    /// in and out and hand back what they replaced.
    #[test]
    fn replace_take_and_get_move_values_without_dropping_them_inside() {
        crate::Runtime::initialize();
        let interp = crate::Interpreter::new(crate::InterpreterConfig::isolated()).expect("an interpreter");
        interp
            .attach(|_py| {
                let a = crate::object::str::new_str("a").expect("str");
                let b = crate::object::str::new_str("b").expect("str");
                let owner = crate::object::str::new_str("owner").expect("str");
                let mut word: Option<Obj> = None;
                // SAFETY: `word` is an initialised `Option<Obj>` that only this view touches.
                let slot = unsafe { ObjSlot::from_raw(&owner, &mut word) };
                assert!(slot.get().is_none());
                assert!(slot.replace(Some(a.clone())).is_none());
                assert!(slot.get().is_some_and(|v| v.is(&a)));
                let old = slot.replace(Some(b.clone())).expect("the old value comes back");
                assert!(old.is(&a));
                // SAFETY: nothing writes the word during the loan.
                assert!(unsafe { slot.with_borrowed(|v| v.is_some_and(|v| b.is(v))) });
                assert!(slot.take().is_some_and(|v| v.is(&b)));
                assert!(slot.get().is_none());
                slot.set(Some(a.clone()));
                slot.set(None);
                assert!(slot.get().is_none());
            })
            .expect("attached");
    }
}
