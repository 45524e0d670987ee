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

// SAFETY: type objects are static and immortal (their constructors are `unsafe` and require it):
// they are the objects every interpreter shares, and their header is never written.
unsafe impl Sync for TypeObject {}

impl TypeObject {
    /// A static type: immortal, with `ob_type` set to `metatype`.
    ///
    /// # Safety
    ///
    /// The type object must live for the rest of the process, and `dealloc` must be able to free
    /// every instance created with this type (layout of `basic_size` bytes or more).
    pub unsafe fn new_static(
        metatype: &'static TypeObject,
        name: &'static str,
        basic_size: usize,
        dealloc: DeallocFn,
    ) -> Self {
        // SAFETY: the caller promises the type object lives for the rest of the process.
        TypeObject { ob_base: unsafe { PyObject::new_immortal(metatype) }, name, basic_size, dealloc }
    }

    /// Leaks a new static type (a `'static` reference, so the safety contract of
    /// [`TypeObject::new_static`] about its lifetime holds by construction).
    ///
    /// # Safety
    ///
    /// As for [`TypeObject::new_static`]: `dealloc` must free instances of this layout.
    pub unsafe fn leak_static(
        metatype: &'static TypeObject,
        name: &'static str,
        basic_size: usize,
        dealloc: DeallocFn,
    ) -> &'static TypeObject {
        // SAFETY: forwarded; leaking makes it live for the rest of the process.
        Box::leak(Box::new(unsafe { Self::new_static(metatype, name, basic_size, dealloc) }))
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

/// A `str`: the header, the length, then the UTF-8 bytes inline in the same block — so bulk
/// release of an arena frees strings completely.
#[repr(C)]
pub struct StrObject {
    /// Header.
    pub ob_base: PyObject,
    len: usize,
}

impl StrObject {
    /// Bytes needed for a string of `len` bytes.
    pub fn size_for(len: usize) -> usize {
        size_of::<StrObject>() + len
    }

    /// Writes a string object into `block`.
    ///
    /// # Safety
    ///
    /// `block` must be writable for `size_for(text.len())` bytes and 16-byte aligned.
    pub(crate) unsafe fn write(block: NonNull<u8>, header: PyObject, text: &str) {
        let obj = block.cast::<StrObject>().as_ptr();
        // SAFETY: the caller's contract covers the header and the bytes after it.
        unsafe {
            obj.write(StrObject { ob_base: header, len: text.len() });
            std::ptr::copy_nonoverlapping(text.as_ptr(), block.as_ptr().add(size_of::<StrObject>()), text.len());
        }
    }

    /// The text.
    pub fn as_str(&self) -> &str {
        // SAFETY: `write` put `len` bytes of valid UTF-8 right after the struct.
        unsafe {
            let bytes = std::slice::from_raw_parts(
                (self as *const StrObject as *const u8).add(size_of::<StrObject>()),
                self.len,
            );
            std::str::from_utf8_unchecked(bytes)
        }
    }
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
