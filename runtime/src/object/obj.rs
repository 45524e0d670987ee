//! `Obj`: an owned strong reference without a lifetime, the currency of the object model.
//!
//! Objects store references to other objects (a list's items, a function's globals), and the
//! eval loop's value stack holds them: those references cannot carry the `'py` lifetime of a
//! [`PyRef`](super::PyRef) because they live inside objects. `Obj` is a pointer-sized owned
//! reference (clone = incref, drop = decref) that is only ever touched by a thread attached to
//! the object's interpreter: objects reach Rust code only through the eval loop and the object
//! protocols, which run attached. It is neither `Send` nor `Sync`, and it is crate-private: with
//! no attachment brand, a public `Obj` would let safe code keep one past `attach` and drop it
//! unattached. Outside the crate, objects are `Bound<'py>` / `Py` (`handle`).
//!
//! Borrowed references are plain `&PyObject`.

use std::fmt;
use std::ops::Deref;
use std::ptr::NonNull;

use super::header::PyObject;
use super::refcount::{decref, incref};

/// An owned strong reference. See the module docs.
#[repr(transparent)]
pub(crate) struct Obj(NonNull<PyObject>);

impl Obj {
    /// A new reference to `obj` (`Py_NewRef`).
    #[inline]
    pub fn new_ref(obj: &PyObject) -> Obj {
        incref(obj);
        Obj(NonNull::from(obj))
    }

    /// A handle to an immortal object, without touching its counts: an immortal's increments and
    /// decrements do nothing, so none is needed. Building the static types takes thousands of
    /// such references; this way they cost nothing (and under loom, no modelled atomic access).
    ///
    /// # Safety
    ///
    /// `obj` must be immortal (and so live for the rest of the process).
    #[inline]
    pub unsafe fn from_immortal(obj: &PyObject) -> Obj {
        Obj(NonNull::from(obj))
    }

    /// Takes over a reference the caller owns.
    ///
    /// # Safety
    ///
    /// `ptr` must be a live object whose reference the caller owns and hands over.
    #[inline]
    pub unsafe fn from_owned(ptr: NonNull<PyObject>) -> Obj {
        Obj(ptr)
    }

    /// The object pointer (still owned by the handle).
    #[inline]
    pub fn as_ptr(&self) -> NonNull<PyObject> {
        self.0
    }

    /// Gives up the handle without decrementing.
    #[inline]
    pub fn into_raw(self) -> NonNull<PyObject> {
        let p = self.0;
        std::mem::forget(self);
        p
    }
}

impl PyObject {
    /// Identity (`is`).
    #[inline]
    pub fn is(&self, other: &PyObject) -> bool {
        std::ptr::eq(self, other)
    }

    /// The object's address as Python's `id()` gives it.
    pub fn addr(&self) -> usize {
        self as *const PyObject as usize
    }

    /// Views the object as its concrete layout `T`.
    ///
    /// # Safety
    ///
    /// The object must be laid out as `T` (a `#[repr(C)]` struct starting with the header).
    #[inline]
    pub unsafe fn cast<T>(&self) -> &T {
        // SAFETY: the caller guarantees the layout.
        unsafe { &*(self as *const PyObject as *const T) }
    }
}

impl Deref for Obj {
    type Target = PyObject;
    #[inline]
    fn deref(&self) -> &PyObject {
        // SAFETY: the handle owns a reference, so the object is alive.
        unsafe { self.0.as_ref() }
    }
}

impl Clone for Obj {
    #[inline(always)]
    fn clone(&self) -> Obj {
        incref(self);
        Obj(self.0)
    }
}

impl Drop for Obj {
    #[inline(always)]
    fn drop(&mut self) {
        // SAFETY: the handle owns one reference and gives it up; handles are only used attached.
        unsafe { decref(self.0) };
    }
}

impl fmt::Debug for Obj {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "<{} object at {:p}>", self.type_object().name(), self.0)
    }
}
