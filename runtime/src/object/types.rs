//! Type objects and the built-in object layouts the runtime core needs (`int`, `str`).

use std::ptr::NonNull;

use super::header::PyObject;

/// A deallocator: runs when the last reference to an instance goes.
///
/// # Safety
///
/// Called once per object, with no reference left.
pub type DeallocFn = unsafe fn(NonNull<PyObject>);

/// A type object (`PyTypeObject`, the part the runtime core needs).
#[repr(C)]
pub struct TypeObject {
    /// Types are objects too (immortal for static types).
    pub ob_base: PyObject,
    /// `__name__`.
    pub name: &'static str,
    /// Instance size in bytes.
    pub basic_size: usize,
    /// Frees an instance.
    pub dealloc: DeallocFn,
}

impl TypeObject {
    /// A static type: immortal, with `ob_type` set to `metatype` (null for `type` itself, which
    /// the caller patches to point at itself before publishing it).
    pub fn new_static(metatype: *const TypeObject, name: &'static str, basic_size: usize, dealloc: DeallocFn) -> Self {
        TypeObject { ob_base: PyObject::new_immortal(metatype), name, basic_size, dealloc }
    }

    /// The type as an object.
    pub fn as_object(&self) -> &PyObject {
        &self.ob_base
    }
}

/// An `int` that fits in 64 bits.
#[repr(C)]
pub struct IntObject {
    /// Header.
    pub ob_base: PyObject,
    /// The value.
    pub value: i64,
}

/// A `str`.
#[repr(C)]
pub struct StrObject {
    /// Header.
    pub ob_base: PyObject,
    /// The text.
    pub value: Box<str>,
}

/// Deallocator of static (immortal) objects: never called for them; reaching it is a bug.
///
/// # Safety
///
/// Never actually frees anything.
pub unsafe fn dealloc_static(op: NonNull<PyObject>) {
    // SAFETY: `op` is a live static object (the caller's contract is weaker than needed here:
    // we only read its type name for the message).
    let name = unsafe { op.as_ref() }.type_object().name;
    crate::fatal::fatal_error("_Py_Dealloc", &format!("deallocating an immortal {name} object"));
}
