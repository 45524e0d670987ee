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
//! returns. Writers never overlap: every write of a word happens inside the owner's critical
//! section (instance dict pointers and inline values, `inline_values.rs`; `__slots__` members,
//! `member::store_member`) or under the
//! interpreter's lock (the GIL-like lock of `Own`/`Shared` interpreters; the per-interpreter
//! language lock of free-threaded ones still covers the other words — DESIGN.md, "Not built
//! yet"). A `&PyObject` exists only on an attached thread (the header is not `Sync`; handles are
//! branded with the attachment), and the lock is held while attached.
//!
//! **Readers without the section.** The word is accessed as an `AtomicPtr` (the `Option<Obj>`
//! is one non-null-or-null pointer): loads are Acquire, stores Release (CPython 3.13t's
//! `FT_ATOMIC_LOAD_PTR_ACQUIRE` / `FT_ATOMIC_STORE_PTR_RELEASE` on `ob_dict` and inline
//! values), which on x86-64 and AArch64 are the plain moves the lock's build made. A reader of a
//! free-threaded interpreter that does not hold the owner's section takes its reference with
//! [`ObjSlot::get_unlocked`] (`object::unlocked_read`: a try-increment and a re-load, else a
//! read in the section): `get` would increment an object a concurrent writer may be releasing.

use std::marker::PhantomData;
use std::ptr::NonNull;
use std::sync::atomic::{AtomicPtr, Ordering};

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

    /// The word as the atomic it is read and written as (module docs).
    #[inline(always)]
    fn atomic(&self) -> &AtomicPtr<PyObject> {
        // SAFETY: `Option<Obj>` is one pointer, null for `None` (`Obj` wraps a `NonNull`), laid
        // out as an `AtomicPtr`; the word lives while the owner is borrowed, and every access of
        // it goes through this view.
        unsafe { &*self.word.as_ptr().cast::<AtomicPtr<PyObject>>() }
    }

    /// The object the word points at now (an Acquire load; no count is taken: the caller
    /// either holds the exclusion of the module docs or passes it to
    /// `unlocked_read::new_ref_from_slot`, which takes a count safely).
    #[inline(always)]
    pub(crate) fn load(&self) -> Option<NonNull<PyObject>> {
        #[cfg(loom)]
        model_publication();
        NonNull::new(self.atomic().load(Ordering::Acquire))
    }

    /// A new reference to the value (`None` when the word is empty), for a reader that holds
    /// the owner's section or runs with the interpreter's lock.
    #[inline(always)]
    pub(crate) fn get(&self) -> Option<Obj> {
        // SAFETY: a read under the exclusion of the module docs: the word's own reference keeps
        // the object alive while it is incremented.
        self.load().map(|p| Obj::new_ref(unsafe { p.as_ref() }))
    }

    /// A new reference to the value for a reader that may not hold `owner`'s critical section
    /// (the section is the writers' exclusion): with the interpreter's lock a plain [`get`];
    /// free-threaded the try-increment and re-load of `object::unlocked_read`, falling back to
    /// a read in the section.
    ///
    /// [`get`]: ObjSlot::get
    #[inline(always)]
    pub(crate) fn get_unlocked(&self, owner: &PyObject) -> Option<Obj> {
        super::unlocked_read::new_ref_from_slot(owner, || self.load())
    }

    /// [`get_unlocked`] with the interpreter's kind given by the caller, who read it from what
    /// it already holds (`TypeObject::instances_free_threaded`) rather than the thread's
    /// attachment.
    ///
    /// [`get_unlocked`]: ObjSlot::get_unlocked
    #[inline(always)]
    pub(crate) fn get_unlocked_in(&self, owner: &PyObject, free_threaded: bool) -> Option<Obj> {
        super::unlocked_read::new_ref_from_slot_in(owner, free_threaded, || self.load())
    }

    /// Whether the word is empty (a read of the word alone: no count changes, no loan).
    #[inline(always)]
    pub(crate) fn is_none(&self) -> bool {
        self.load().is_none()
    }

    /// Writes `value`; gives back the old value for the caller to drop.
    #[inline(always)]
    #[must_use = "the old value is dropped by the caller, after the write"]
    pub(crate) fn replace(&self, value: Option<Obj>) -> Option<Obj> {
        let new = value.map_or(std::ptr::null_mut(), |v| v.into_raw().as_ptr());
        // One writer at a time (module docs): a load and a Release store, not an exchange.
        #[cfg(loom)]
        model_publication();
        let old = self.atomic().load(Ordering::Relaxed);
        self.atomic().store(new, Ordering::Release);
        // SAFETY: the word held an owned reference (or null), which moves out to the caller.
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

    /// Calls `f` with the value, borrowed (no reference count changes).
    ///
    /// # Safety
    ///
    /// Nothing may write this word while `f` runs: `f` runs no Python code and does not write
    /// the object it came from (the loaned reference would dangle if the old value were
    /// dropped).
    #[inline(always)]
    pub(crate) unsafe fn with_borrowed<R>(&self, f: impl FnOnce(Option<&PyObject>) -> R) -> R {
        // SAFETY: the caller guarantees that no write overlaps the loan, so the word's own
        // reference keeps the object alive while `f` runs.
        f(self.load().map(|p| unsafe { &*p.as_ptr() }))
    }
}

/// The word's ordering as loom sees it. The word is a `std` atomic (an `Option<Obj>` read in
/// place: a loom atomic's layout would not fit), so loom would not see a reader's Acquire load
/// synchronise with the writer's Release store, and would report the reader's first touch of a
/// just-published object (a dict made by a materialisation) as racing its creation. Under loom
/// every access of the word (and of the inline values' `valid` flag) is therefore preceded, with
/// no other modelled access in between, by an acquire-release read-modify-write of one
/// per-execution atomic: the accesses are totally ordered and each synchronises with the ones
/// before it. The models thus check the *order of the steps* of the slot protocols
/// (`inline_values.rs`, "Threads") with these words sequentially consistent — not weaker
/// orderings of the words themselves, which rest on the Release/Acquire argument in the docs.
#[cfg(loom)]
#[inline]
pub(crate) fn model_publication() {
    crate::sync::lazy_static! {
        static ref PUBLICATIONS: crate::sync::AtomicUsize = crate::sync::AtomicUsize::new(0);
    }
    PUBLICATIONS.fetch_add(1, crate::sync::Ordering::AcqRel);
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
