//! Immortal objects: the singletons, small ints, interned strings and the static types.
//!
//! Immortals are the only objects several interpreters may reference (invariant 3): they live for
//! the whole process, and incref/decref never write them. They are created once per process on
//! first use and never freed; interned strings are kept in a process-wide table.

use std::collections::HashMap;
use std::ptr::{self, NonNull};

use super::header::PyObject;
use super::types::{IntObject, StrObject, TypeObject, dealloc_static};
use crate::sync::{self, Mutex};

/// The built-in static types.
pub struct StaticTypes {
    /// `type`
    pub type_type: &'static TypeObject,
    /// `NoneType`
    pub none_type: &'static TypeObject,
    /// `bool`
    pub bool_type: &'static TypeObject,
    /// `int`
    pub int_type: &'static TypeObject,
    /// `str`
    pub str_type: &'static TypeObject,
    /// `ellipsis`
    pub ellipsis_type: &'static TypeObject,
    /// `NotImplementedType`
    pub not_implemented_type: &'static TypeObject,
}

/// The singletons and small ints.
pub struct Immortals {
    /// `None`
    pub none: &'static PyObject,
    /// `True`
    pub true_: &'static IntObject,
    /// `False`
    pub false_: &'static IntObject,
    /// `Ellipsis`
    pub ellipsis: &'static PyObject,
    /// `NotImplemented`
    pub not_implemented: &'static PyObject,
    small_ints: Vec<&'static IntObject>,
}

/// The smallest preallocated int (`_PY_NSMALLNEGINTS`).
pub const SMALL_INT_MIN: i64 = -5;
/// The largest preallocated int (`_PY_NSMALLPOSINTS - 1`).
pub const SMALL_INT_MAX: i64 = 256;

fn leak<T>(v: T) -> &'static T {
    Box::leak(Box::new(v))
}

fn make_types() -> StaticTypes {
    // SAFETY: every object built here is leaked (immortal for the process), `type` is patched to
    // be its own type before anyone sees it, and each deallocator matches its layout.
    unsafe {
        let type_type = Box::leak(Box::new(TypeObject {
            ob_base: PyObject::new_immortal(ptr::null()),
            name: "type",
            basic_size: size_of::<TypeObject>(),
            dealloc: dealloc_static,
        }));
        type_type.ob_base.ob_type = type_type as *const TypeObject;
        let t: &'static TypeObject = type_type;
        let mk = |name, size| TypeObject::leak_static(t, name, size, dealloc_static);
        StaticTypes {
            type_type: t,
            none_type: mk("NoneType", size_of::<PyObject>()),
            bool_type: mk("bool", size_of::<IntObject>()),
            int_type: TypeObject::leak_static(t, "int", size_of::<IntObject>(), super::alloc::dealloc_int),
            str_type: TypeObject::leak_static(t, "str", size_of::<StrObject>(), super::alloc::dealloc_str),
            ellipsis_type: mk("ellipsis", size_of::<PyObject>()),
            not_implemented_type: mk("NotImplementedType", size_of::<PyObject>()),
        }
    }
}

fn make_immortals() -> Immortals {
    let ty = types();
    let int = |v: i64, t: &'static TypeObject| {
        // SAFETY: leaked, so immortal for the process; `t` is a valid static type.
        let ob_base = unsafe { PyObject::new_immortal(t) };
        leak(IntObject { ob_base, value: v })
    };
    // SAFETY: as above.
    let single = |t: &'static TypeObject| leak(unsafe { PyObject::new_immortal(t) });
    Immortals {
        none: single(ty.none_type),
        true_: int(1, ty.bool_type),
        false_: int(0, ty.bool_type),
        ellipsis: single(ty.ellipsis_type),
        not_implemented: single(ty.not_implemented_type),
        small_ints: (SMALL_INT_MIN..=SMALL_INT_MAX).map(|v| int(v, ty.int_type)).collect(),
    }
}

// SAFETY: they hold only references to immortal objects, which every thread and interpreter may
// use (incref and decref never write them).
unsafe impl Sync for StaticTypes {}
// SAFETY: as above.
unsafe impl Send for StaticTypes {}
// SAFETY: as above.
unsafe impl Sync for Immortals {}
// SAFETY: as above.
unsafe impl Send for Immortals {}

/// The interned strings, by text.
struct Interned(HashMap<&'static str, &'static StrObject>);
// SAFETY: interned strings are immortal (see `StaticTypes`).
unsafe impl Send for Interned {}

sync::lazy_static! {
    static ref TYPES: StaticTypes = make_types();
}

sync::lazy_static! {
    static ref IMMORTALS: Immortals = make_immortals();
}

sync::lazy_static! {
    static ref INTERNED: Mutex<Interned> = Mutex::new(Interned(HashMap::new()));
}

/// Where interned strings live: blocks of the system allocator, never freed.
fn leak_str_block(len: usize) -> NonNull<u8> {
    let layout = std::alloc::Layout::from_size_align(StrObject::size_for(len), 16).expect("string too long");
    // SAFETY: the layout is non-zero (the header alone is 40 bytes).
    NonNull::new(unsafe { std::alloc::alloc(layout) }).unwrap_or_else(|| std::alloc::handle_alloc_error(layout))
}

/// The static types.
pub fn types() -> &'static StaticTypes {
    &TYPES
}

/// The singletons and small ints.
pub fn immortals() -> &'static Immortals {
    &IMMORTALS
}

impl Immortals {
    /// The preallocated int for `v`, if `v` is in `-5..=256`.
    pub fn small_int(&self, v: i64) -> Option<&'static IntObject> {
        (SMALL_INT_MIN..=SMALL_INT_MAX).contains(&v).then(|| self.small_ints[(v - SMALL_INT_MIN) as usize])
    }
}

/// The interned (immortal, process-wide) string equal to `s` (`PyUnicode_InternFromString`).
pub fn intern(s: &str) -> &'static StrObject {
    let mut table = INTERNED.lock();
    if let Some(found) = table.0.get(s) {
        return found;
    }
    let block = leak_str_block(s.len());
    // SAFETY: a fresh block of the right size and alignment, never freed (immortal).
    let obj: &'static StrObject = unsafe {
        StrObject::write(block, PyObject::new_immortal(types().str_type), s);
        &*block.cast::<StrObject>().as_ptr()
    };
    table.0.insert(obj.as_str(), obj);
    obj
}

/// The object pointer of a static object.
pub fn as_ptr<T>(obj: &'static T) -> NonNull<PyObject> {
    NonNull::from(obj).cast()
}
