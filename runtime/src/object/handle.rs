//! Handles.
//!
//! * [`PyRef<'py>`] — an owned strong reference (clone = incref, drop = decref), bound to the
//!   attachment that made it: `'py` is the `attach` closure's lifetime and it is neither `Send`
//!   nor `Sync`, so it is only used while the thread is attached to the object's interpreter —
//!   which is what reference counting and the arena rely on.
//! * [`Borrowed<'a>`] — a borrowed reference.
//! * [`Py`] — an unbound strong reference (PyO3's `Py<T>`): it may be stored anywhere and sent to
//!   other threads; using it needs a token of the object's interpreter ([`Py::bind`], checked).
//!   Dropped where that interpreter is not attached, its decrement is deferred to the next
//!   thread that attaches there; once the interpreter is destroyed, dropping it does nothing
//!   (the memory went back in bulk).

use std::fmt;
use std::marker::PhantomData;
use std::ops::Deref;
use std::ptr::NonNull;

use super::header::PyObject;
use super::refcount::{decref, incref};
use crate::Python;
use crate::state::interpreter::InterpreterState;
use crate::sync::Arc;

/// An owned strong reference, bound to an attachment. See the module docs.
pub struct PyRef<'py> {
    ptr: NonNull<PyObject>,
    _bound: PhantomData<(&'py (), *mut ())>,
}

impl<'py> PyRef<'py> {
    /// Takes over a reference the caller owns.
    ///
    /// # Safety
    ///
    /// `ptr` must be a live object of the interpreter the thread is attached to for `'py`, and
    /// the caller must own one reference, which moves into the handle.
    pub unsafe fn from_owned(ptr: NonNull<PyObject>) -> PyRef<'py> {
        PyRef { ptr, _bound: PhantomData }
    }

    /// A new reference to `obj` (`Py_NewRef`).
    pub fn new_ref(_py: Python<'py>, obj: &PyObject) -> PyRef<'py> {
        incref(obj);
        PyRef { ptr: NonNull::from(obj), _bound: PhantomData }
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

    /// Unbinds the reference from this attachment, to keep it or send it elsewhere.
    pub fn unbind(self, py: Python<'py>) -> Py {
        Py { ptr: self.into_raw(), interp: py.thread_state().interp_state().clone() }
    }
}

impl Deref for PyRef<'_> {
    type Target = PyObject;
    fn deref(&self) -> &PyObject {
        // SAFETY: the handle owns a reference, so the object is alive.
        unsafe { self.ptr.as_ref() }
    }
}

impl Clone for PyRef<'_> {
    fn clone(&self) -> Self {
        incref(self);
        PyRef { ptr: self.ptr, _bound: PhantomData }
    }
}

impl Drop for PyRef<'_> {
    fn drop(&mut self) {
        // SAFETY: the handle owns exactly one reference and gives it up here, while attached to
        // the object's interpreter (the handle cannot leave the attachment).
        unsafe { decref(self.ptr) };
    }
}

impl fmt::Debug for PyRef<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "<{} object at {:p}>", self.type_object().name(), self.ptr)
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
    pub fn to_owned<'py>(self, py: Python<'py>) -> PyRef<'py> {
        PyRef::new_ref(py, &self)
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

/// An unbound strong reference. See the module docs.
pub struct Py {
    ptr: NonNull<PyObject>,
    interp: Arc<InterpreterState>,
}

// SAFETY: a `Py` touches its object only through `bind`/`clone_ref` (which require a token of the
// object's interpreter, checked) and its drop (which decrements only while attached there, and
// otherwise defers to that interpreter's next attach).
unsafe impl Send for Py {}
// SAFETY: as above: `&Py` offers nothing that works without such a token.
unsafe impl Sync for Py {}

impl Py {
    fn check(&self, py: Python<'_>, func: &str) {
        if !Arc::ptr_eq(py.thread_state().interp_state(), &self.interp) {
            crate::fatal::fatal_error(func, "the object belongs to another interpreter");
        }
    }

    /// Binds the reference to an attachment of its interpreter (fatal for another one).
    pub fn bind<'py>(self, py: Python<'py>) -> PyRef<'py> {
        self.check(py, "Py::bind");
        let ptr = self.ptr;
        std::mem::forget(self);
        PyRef { ptr, _bound: PhantomData }
    }

    /// Another unbound reference to the same object.
    pub fn clone_ref(&self, py: Python<'_>) -> Py {
        self.check(py, "Py::clone_ref");
        // SAFETY: attached to the object's interpreter, and `self` keeps it alive.
        incref(unsafe { self.ptr.as_ref() });
        Py { ptr: self.ptr, interp: self.interp.clone() }
    }

    /// The object pointer.
    pub fn as_ptr(&self) -> NonNull<PyObject> {
        self.ptr
    }
}

impl Drop for Py {
    fn drop(&mut self) {
        let here = crate::state::thread_state::current()
            // SAFETY: the current thread state is alive while attached.
            .is_some_and(|ts| Arc::ptr_eq(unsafe { ts.as_ref() }.interp_state(), &self.interp));
        if here {
            // SAFETY: attached to the object's interpreter (which is therefore not finalized);
            // the handle gives up its reference.
            unsafe { decref(self.ptr) };
        } else {
            self.interp.defer_decref(self.ptr);
        }
    }
}

impl fmt::Debug for Py {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "<unbound object at {:p} of interpreter {}>", self.ptr, self.interp.id())
    }
}
