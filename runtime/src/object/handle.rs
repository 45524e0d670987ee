//! Handles, in PyO3's shape.
//!
//! * [`Bound<'py>`] — an owned strong reference (clone = incref, drop = decref) that carries the
//!   token of the attachment it belongs to. `'py` is the `attach` closure's lifetime and the
//!   handle is neither `Send` nor `Sync`, so it is only used while the thread is attached to the
//!   object's interpreter — which is what reference counting and the arena rely on.
//! * [`Borrowed<'a, 'py>`] — a borrowed reference, valid for `'a`, with the same token.
//! * [`Py`] — an unbound strong reference (PyO3's `Py<T>`): it may be stored anywhere and sent to
//!   other threads; using it needs a token of the object's interpreter ([`Py::bind`], checked).
//!   Dropped where that interpreter is not attached, its decrement is deferred
//!   ([`ObjectHome::defer_decref`]); once the interpreter is destroyed, dropping it does nothing
//!   (the memory went back in bulk). It holds its interpreter as an [`ObjectHome`], the object
//!   layer's view of it, and finds the attached one through [`super::attachment`].
//!
//! # Why a handle always names the right interpreter
//!
//! The object header is not `Sync`, so a `&PyObject` cannot cross threads; a token cannot cross
//! threads or outlive its attachment, and on one thread the safe API never has two attachments
//! at once. Every *safe* way for a raw `&PyObject` to enter a handle ([`Bound::new_ref`],
//! [`Borrowed::new`]) checks that the object belongs to the token's interpreter — its block is in
//! that interpreter's arena (the chunk map and the chunk header, or the arena's large blocks) —
//! or is immortal (the only objects interpreters share). So [`Bound::unbind`] records the object's
//! own interpreter, and [`Py::bind`] may trust it. The `unsafe` entries ([`Bound::from_owned`],
//! [`Bound::from_borrowed_ptr`]) put the same condition on their caller.

use std::fmt;
use std::marker::PhantomData;
use std::ops::Deref;
use std::ptr::NonNull;

use super::attachment::{self, ObjectHome};
use super::header::PyObject;
use super::obj::Obj;
use super::refcount::{decref, incref};
use crate::Python;
use crate::sync::Arc;

/// Whether `obj` may be referenced from `home`: immortal, or allocated by it.
pub(crate) fn belongs_to(obj: &PyObject, home: &dyn ObjectHome) -> bool {
    obj.is_immortal() || home.allocated_here(obj)
}

#[cold]
fn foreign_object(func: &str) -> ! {
    crate::fatal::fatal_error(func, "the object belongs to another interpreter")
}

/// An owned strong reference, bound to an attachment. See the module docs.
pub struct Bound<'py> {
    ptr: NonNull<PyObject>,
    py: Python<'py>,
}

impl<'py> Bound<'py> {
    /// Takes over a reference the caller owns.
    ///
    /// # Safety
    ///
    /// `ptr` must be a live object of `py`'s interpreter (allocated by it, or immortal), and the
    /// caller must own one reference, which moves into the handle.
    pub unsafe fn from_owned(py: Python<'py>, ptr: NonNull<PyObject>) -> Bound<'py> {
        Bound { ptr, py }
    }

    /// A new reference to the object at `ptr`, unchecked.
    ///
    /// # Safety
    ///
    /// `ptr` must be a live object of `py`'s interpreter (allocated by it, or immortal).
    pub unsafe fn from_borrowed_ptr(py: Python<'py>, ptr: NonNull<PyObject>) -> Bound<'py> {
        // SAFETY: the caller promises a live object.
        incref(unsafe { ptr.as_ref() });
        Bound { ptr, py }
    }

    /// A new reference to `obj` (`Py_NewRef`). Fatal if `obj` belongs to another interpreter.
    pub fn new_ref(py: Python<'py>, obj: &PyObject) -> Bound<'py> {
        if !belongs_to(obj, py.attachment().home_ref()) {
            foreign_object("Bound::new_ref");
        }
        incref(obj);
        Bound { ptr: NonNull::from(obj), py }
    }

    /// The token of the attachment the handle belongs to.
    pub fn py(&self) -> Python<'py> {
        self.py
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
    pub fn as_borrowed(&self) -> Borrowed<'_, 'py> {
        Borrowed { ptr: self.ptr, py: self.py, _life: PhantomData }
    }

    /// Unbinds the reference from this attachment, to keep it or send it elsewhere.
    pub fn unbind(self) -> Py {
        let home = self.py.attachment().home();
        Py { ptr: self.into_raw(), home }
    }
}

impl Deref for Bound<'_> {
    type Target = PyObject;
    fn deref(&self) -> &PyObject {
        // SAFETY: the handle owns a reference, so the object is alive.
        unsafe { self.ptr.as_ref() }
    }
}

impl Clone for Bound<'_> {
    fn clone(&self) -> Self {
        incref(self);
        Bound { ptr: self.ptr, py: self.py }
    }
}

impl Drop for Bound<'_> {
    fn drop(&mut self) {
        // SAFETY: the handle owns exactly one reference and gives it up here, while attached to
        // the object's interpreter (the handle cannot leave the attachment).
        unsafe { decref(self.ptr) };
    }
}

impl fmt::Debug for Bound<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "<{} object at {:p}>", self.type_object().name(), self.ptr)
    }
}

/// A borrowed reference, valid for `'a`, of the attachment `'py`.
#[derive(Clone, Copy)]
pub struct Borrowed<'a, 'py> {
    ptr: NonNull<PyObject>,
    py: Python<'py>,
    _life: PhantomData<&'a PyObject>,
}

impl<'a, 'py> Borrowed<'a, 'py> {
    /// Borrows `obj`. Fatal if `obj` belongs to another interpreter.
    pub fn new(py: Python<'py>, obj: &'a PyObject) -> Self {
        if !belongs_to(obj, py.attachment().home_ref()) {
            foreign_object("Borrowed::new");
        }
        Borrowed { ptr: NonNull::from(obj), py, _life: PhantomData }
    }

    /// A new strong reference.
    pub fn to_owned(self) -> Bound<'py> {
        incref(&self);
        Bound { ptr: self.ptr, py: self.py }
    }

    /// The token of the attachment.
    pub fn py(self) -> Python<'py> {
        self.py
    }

    /// The object pointer.
    pub fn as_ptr(self) -> NonNull<PyObject> {
        self.ptr
    }
}

impl Deref for Borrowed<'_, '_> {
    type Target = PyObject;
    fn deref(&self) -> &PyObject {
        // SAFETY: the borrow's lifetime is tied to a live reference.
        unsafe { self.ptr.as_ref() }
    }
}

/// An unbound strong reference. See the module docs.
pub struct Py {
    ptr: NonNull<PyObject>,
    home: Arc<dyn ObjectHome>,
}

// SAFETY: a `Py` touches its object only through `bind`/`clone_ref` (which require a token of the
// object's interpreter, checked) and its drop (which decrements only while attached there, and
// otherwise defers to that interpreter).
unsafe impl Send for Py {}
// SAFETY: as above: `&Py` offers nothing that works without such a token.
unsafe impl Sync for Py {}

impl Py {
    fn check(&self, py: Python<'_>, func: &str) {
        if !py.attachment().is_home(&self.home) {
            foreign_object(func);
        }
    }

    /// Binds the reference to an attachment of its interpreter (fatal for another one).
    pub fn bind<'py>(self, py: Python<'py>) -> Bound<'py> {
        self.check(py, "Py::bind");
        let ptr = self.ptr;
        std::mem::forget(self);
        Bound { ptr, py }
    }

    /// Another unbound reference to the same object.
    pub fn clone_ref(&self, py: Python<'_>) -> Py {
        self.check(py, "Py::clone_ref");
        // SAFETY: attached to the object's interpreter, and `self` keeps it alive.
        incref(unsafe { self.ptr.as_ref() });
        Py { ptr: self.ptr, home: self.home.clone() }
    }

    /// The object pointer.
    pub fn as_ptr(&self) -> NonNull<PyObject> {
        self.ptr
    }

    /// Whether this thread is attached to the object's interpreter.
    fn attached_here(&self) -> bool {
        attachment::current()
            // SAFETY: the attachment is alive while this thread stays attached (for this call).
            .is_some_and(|a| unsafe { a.as_ref() }.is_home(&self.home))
    }

    /// Unbinds an `Obj` of the interpreter this thread is attached to (the crate's error values
    /// hold their exception this way). Fatal when the thread is not attached.
    pub(crate) fn from_obj_attached(obj: Obj) -> Py {
        let home = attachment::current_or_fatal("PyErr_SetRaisedException").home();
        Py { ptr: obj.into_raw(), home }
    }

    /// The reference as the crate's `Obj`, for code attached to the object's interpreter.
    pub(crate) fn as_obj_attached(&self) -> &Obj {
        debug_assert!(self.attached_here(), "an unbound handle read where its interpreter is not attached");
        // SAFETY: `Obj` is a `repr(transparent)` `NonNull<PyObject>`, and `self.ptr` is an owned
        // reference that lives as long as `self`.
        unsafe { &*(&self.ptr as *const NonNull<PyObject> as *const Obj) }
    }

    /// Gives the reference to the crate's `Obj`, for code attached to the object's interpreter.
    pub(crate) fn into_obj_attached(self) -> Obj {
        debug_assert!(self.attached_here(), "an unbound handle taken where its interpreter is not attached");
        let this = std::mem::ManuallyDrop::new(self);
        // SAFETY: `this` is never dropped or used again, so its interpreter reference is moved
        // out exactly once (and released at the end of this function).
        let _home = unsafe { std::ptr::read(&this.home) };
        // SAFETY: the handle owned this reference and gives it up (it is never dropped).
        unsafe { Obj::from_owned(this.ptr) }
    }

    /// Runs `f` on the object where it can be read: on a thread attached to its interpreter, or
    /// — from a thread attached nowhere — attached to it for the call. `None` on a thread
    /// attached to another interpreter, or once the interpreter refuses attachment (destroyed).
    pub(crate) fn with_attached<R>(&self, f: impl FnOnce(&Obj) -> R) -> Option<R> {
        if self.attached_here() {
            return Some(f(self.as_obj_attached()));
        }
        if attachment::current().is_some() {
            return None;
        }
        let (mut f, mut out) = (Some(f), None);
        let entered = self.home.clone().run_attached(&mut || {
            if let Some(f) = f.take() {
                // SAFETY: (the `Obj` view) inside `run_attached` this thread is attached to the
                // object's interpreter, and `self` keeps the reference alive.
                out = Some(f(unsafe { &*(&self.ptr as *const NonNull<PyObject> as *const Obj) }));
            }
        });
        if entered { out } else { None }
    }

    /// Another handle to the object, where this thread is attached to its interpreter.
    pub(crate) fn clone_where_attached(&self) -> Option<Py> {
        if !self.attached_here() {
            return None;
        }
        // SAFETY: attached to the object's interpreter, and `self` keeps it alive.
        incref(unsafe { self.ptr.as_ref() });
        Some(Py { ptr: self.ptr, home: self.home.clone() })
    }
}

impl Drop for Py {
    fn drop(&mut self) {
        if self.attached_here() {
            // SAFETY: attached to the object's interpreter (which is therefore not finalized);
            // the handle gives up its reference.
            unsafe { decref(self.ptr) };
        } else {
            self.home.defer_decref(self.ptr);
        }
    }
}

impl fmt::Debug for Py {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "<unbound object at {:p} of interpreter {}>", self.ptr, self.home.id())
    }
}

/// A `&PyObject` cannot cross threads (the header is not `Sync`), so an object cannot reach a
/// thread attached to another interpreter through safe code:
///
/// ```compile_fail
/// use pyrt::{Interpreter, InterpreterConfig, Runtime, object};
///
/// Runtime::initialize();
/// let a = Interpreter::new(InterpreterConfig::isolated()).unwrap();
/// let b = Interpreter::new(InterpreterConfig::isolated()).unwrap();
/// a.attach(|py| {
///     let obj = object::new_int(py, 1_000_000).unwrap();
///     let raw: &pyrt::PyObject = &obj;
///     std::thread::scope(|s| {
///         s.spawn(|| b.attach(|pyb| drop(object::Bound::new_ref(pyb, raw).unbind())));
///     });
/// });
/// ```
///
/// Nor can a borrowed handle, nor the header type itself be shared:
///
/// ```compile_fail
/// fn shared<T: Sync>() {}
/// shared::<pyrt::PyObject>();
/// ```
///
/// ```compile_fail
/// fn sent<T: Send>() {}
/// sent::<pyrt::object::Borrowed<'static, 'static>>();
/// ```
///
/// The same program with the object kept unbound compiles: `Py` is `Send`, and binding it checks
/// its interpreter.
///
/// ```
/// use pyrt::{Interpreter, InterpreterConfig, Runtime, object};
///
/// Runtime::initialize();
/// let a = Interpreter::new(InterpreterConfig::free_threaded()).unwrap();
/// a.attach(|py| {
///     let obj = object::new_int(py, 1_000_000).unwrap().unbind();
///     std::thread::scope(|s| {
///         s.spawn(|| a.attach(|py| assert_eq!(object::int_value(&obj.bind(py)), Some(1_000_000))).unwrap());
///     });
/// }).unwrap();
/// a.destroy().unwrap();
/// # unsafe { Runtime::finalize() };
/// ```
#[cfg(doctest)]
pub struct HandlesStayWithTheirInterpreter;
