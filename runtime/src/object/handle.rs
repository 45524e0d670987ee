//! Handles: an owned strong reference ([`PyRef`]) and a borrowed one ([`Borrowed`]).

use std::fmt;
use std::marker::PhantomData;
use std::ops::Deref;
use std::ptr::NonNull;

use super::header::PyObject;
use super::refcount::{decref, incref};

/// An owned strong reference: cloning increments, dropping decrements.
///
/// It may move to another thread attached to the object's interpreter (biased reference counting
/// makes that correct); dropping it on a thread that is not attached there is a fatal error when
/// the drop needs the interpreter.
pub struct PyRef {
    ptr: NonNull<PyObject>,
}

// SAFETY: reference counts are updated with the owner/non-owner protocol, which is correct from
// any thread; the object itself is only reachable through shared references.
unsafe impl Send for PyRef {}

impl PyRef {
    /// Takes over a reference the caller owns.
    ///
    /// # Safety
    ///
    /// `ptr` must be a live object and the caller must own one reference, which moves into the
    /// handle.
    pub unsafe fn from_owned(ptr: NonNull<PyObject>) -> PyRef {
        PyRef { ptr }
    }

    /// A new reference to `obj` (`Py_NewRef`).
    pub fn new_ref(obj: &PyObject) -> PyRef {
        incref(obj);
        PyRef { ptr: NonNull::from(obj) }
    }

    /// The object pointer (still owned by the handle).
    pub fn as_ptr(&self) -> NonNull<PyObject> {
        self.ptr
    }

    /// Gives up the handle without decrementing; the caller now owns the reference.
    pub fn into_raw(self) -> NonNull<PyObject> {
        let p = self.ptr;
        std::mem::forget(self);
        p
    }

    /// A borrowed view.
    pub fn borrow(&self) -> Borrowed<'_> {
        Borrowed { ptr: self.ptr, _life: PhantomData }
    }
}

impl Deref for PyRef {
    type Target = PyObject;
    fn deref(&self) -> &PyObject {
        // SAFETY: the handle owns a reference, so the object is alive.
        unsafe { self.ptr.as_ref() }
    }
}

impl Clone for PyRef {
    fn clone(&self) -> Self {
        PyRef::new_ref(self)
    }
}

impl Drop for PyRef {
    fn drop(&mut self) {
        // SAFETY: the handle owns exactly one reference and gives it up here.
        unsafe { decref(self.ptr) };
    }
}

impl fmt::Debug for PyRef {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "<{} object at {:p}>", self.type_object().name, self.ptr)
    }
}

/// A borrowed reference, valid for `'a`.
#[derive(Clone, Copy)]
pub struct Borrowed<'a> {
    ptr: NonNull<PyObject>,
    _life: PhantomData<&'a PyObject>,
}

impl<'a> Borrowed<'a> {
    /// Borrows `obj`.
    pub fn new(obj: &'a PyObject) -> Self {
        Borrowed { ptr: NonNull::from(obj), _life: PhantomData }
    }

    /// A new strong reference.
    pub fn to_owned(self) -> PyRef {
        PyRef::new_ref(&self)
    }

    /// The object pointer.
    pub fn as_ptr(self) -> NonNull<PyObject> {
        self.ptr
    }
}

impl Deref for Borrowed<'_> {
    type Target = PyObject;
    fn deref(&self) -> &PyObject {
        // SAFETY: the borrow's lifetime is tied to a live reference.
        unsafe { self.ptr.as_ref() }
    }
}
