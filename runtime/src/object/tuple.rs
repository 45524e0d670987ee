//! `tuple`: the header, a length, then the items inline in the same block (CPython's
//! `PyTupleObject`). The empty tuple is an immortal singleton.
//!
//! A subclass instance with a `__dict__` keeps the dict pointer in one more word after its
//! items (CPython's negative `tp_dictoffset` for variable-size types): the items stay at a
//! fixed offset for every tuple, and [`dict_slot_offset`] finds the dict from the length.

use std::ptr::NonNull;

use super::alloc::{alloc_sized, free_object};
use super::header::PyObject;
use super::immortal::types;
use super::obj::Obj;
use super::typeobj::{TypeObject, flags};
use crate::error::PyResult;

/// The fixed part of a tuple; `len` items (`Obj`) follow.
#[repr(C)]
pub struct TupleObject {
    /// Header.
    pub ob_base: PyObject,
    len: usize,
}

/// The items of a tuple (or subclass) instance; empty for anything else.
#[inline]
pub fn items(obj: &PyObject) -> &[Obj] {
    if obj.type_object().flags & flags::TUPLE_SUBCLASS == 0 {
        return &[];
    }
    // SAFETY: tuple instances are a TupleObject followed by `len` initialised items.
    unsafe {
        let t = obj.cast::<TupleObject>();
        std::slice::from_raw_parts((t as *const TupleObject).add(1) as *const Obj, t.len)
    }
}

/// Whether `obj` is a tuple (or subclass) instance.
#[inline]
pub fn is_tuple(obj: &PyObject) -> bool {
    obj.type_object().flags & flags::TUPLE_SUBCLASS != 0
}

/// A new tuple holding `items`.
pub fn new_tuple(items: Vec<Obj>) -> PyResult<Obj> {
    new_tuple_of_type(types().tuple_type, items)
}

/// A new tuple of new references to `items` (no intermediate vector: an exception's `args`).
pub(crate) fn new_tuple_from_slice(items: &[Obj]) -> PyResult<Obj> {
    if items.is_empty() {
        return Ok(Obj::new_ref(super::immortal::empty_tuple()));
    }
    let len = items.len();
    let size = size_of::<TupleObject>() + len * size_of::<Obj>();
    // SAFETY: the block holds the struct and `len` items, written before the object is used;
    // the tuple deallocator drops them.
    unsafe {
        let obj = alloc_sized(types().tuple_type, size, |ob_base| TupleObject { ob_base, len })?;
        let dst = (obj.as_ptr().as_ptr() as *mut TupleObject).add(1) as *mut Obj;
        for (i, item) in items.iter().enumerate() {
            dst.add(i).write(item.clone());
        }
        Ok(obj)
    }
}

/// A new instance of `tuple` or a subclass.
pub fn new_tuple_of_type(ty: &TypeObject, items: Vec<Obj>) -> PyResult<Obj> {
    if items.is_empty() && std::ptr::eq(ty, types().tuple_type) {
        return Ok(Obj::new_ref(super::immortal::empty_tuple()));
    }
    let len = items.len();
    let has_dict = ty.dict_offset != 0;
    let size = size_of::<TupleObject>() + len * size_of::<Obj>() + usize::from(has_dict) * size_of::<Option<Obj>>();
    // SAFETY: the block holds the struct, `len` items and (for a subclass with a `__dict__`)
    // the dict word after them, all written before the object is used; the tuple deallocator
    // drops them.
    unsafe {
        let obj = alloc_sized(ty, size, |ob_base| TupleObject { ob_base, len })?;
        let dst = (obj.as_ptr().as_ptr() as *mut TupleObject).add(1) as *mut Obj;
        for (i, item) in items.into_iter().enumerate() {
            dst.add(i).write(item);
        }
        if has_dict {
            dst.add(len).cast::<Option<Obj>>().write(None);
        }
        Ok(obj)
    }
}

/// Where the `__dict__` word of a tuple subclass instance is: after its items (see the module
/// doc). Only for instances of a tuple subclass whose `dict_offset` is not 0.
#[inline]
pub(crate) fn dict_slot_offset(obj: &PyObject) -> usize {
    debug_assert!(is_tuple(obj) && obj.type_object().dict_offset != 0);
    // SAFETY: `obj` is a tuple instance (the caller's check), so it starts with a TupleObject.
    let len = unsafe { obj.cast::<TupleObject>() }.len;
    size_of::<TupleObject>() + len * size_of::<Obj>()
}

/// Leaks an immortal tuple (static types' `__mro__`/`__bases__`, the empty tuple).
pub(crate) fn leak_tuple(ty: &TypeObject, items: Vec<Obj>) -> &'static PyObject {
    let len = items.len();
    let size = size_of::<TupleObject>() + len * size_of::<Obj>();
    let layout = std::alloc::Layout::from_size_align(size, 16).expect("tuple too long");
    // SAFETY: non-zero layout; the block is written in full and never freed (immortal).
    unsafe {
        let block = std::alloc::alloc(layout);
        if block.is_null() {
            std::alloc::handle_alloc_error(layout);
        }
        (block as *mut TupleObject).write(TupleObject { ob_base: PyObject::new_immortal(ty), len });
        let dst = (block as *mut TupleObject).add(1) as *mut Obj;
        for (i, item) in items.into_iter().enumerate() {
            dst.add(i).write(item);
        }
        &*(block as *const PyObject)
    }
}

/// Frees a tuple made by [`leak_tuple`] that was replaced before anyone saw it (a static
/// type's `__mro__` rebuilt while the static types are readied).
///
/// # Safety
///
/// `tuple` came from [`leak_tuple`] and no reference to it remains anywhere.
pub(crate) unsafe fn free_leaked_tuple(tuple: NonNull<PyObject>) {
    // SAFETY: the caller's contract: a `leak_tuple` block, unreferenced.
    unsafe {
        let t = tuple.cast::<TupleObject>().as_ptr();
        let len = (*t).len;
        let items = t.add(1) as *mut Obj;
        for i in 0..len {
            std::ptr::drop_in_place(items.add(i));
        }
        let size = size_of::<TupleObject>() + len * size_of::<Obj>();
        let layout = std::alloc::Layout::from_size_align(size, 16).expect("the layout leak_tuple used");
        std::alloc::dealloc(t as *mut u8, layout);
    }
}

/// `tuple`'s deallocator.
///
/// # Safety
///
/// See [`super::typeobj::DeallocFn`].
pub(crate) unsafe fn dealloc_tuple(op: NonNull<PyObject>) {
    // SAFETY: forwarded contract; the items are initialised and owned by the tuple.
    unsafe {
        let t = op.cast::<TupleObject>();
        let len = (*t.as_ptr()).len;
        let first = t.as_ptr().add(1) as *mut Obj;
        // The items move out (each read once) and are released after the block is freed,
        // through the trashcan (deeply nested tuples must not free by native recursion), last
        // first as CPython's `tupledealloc` releases them (finalizers run in that order).
        let items: Vec<Obj> = (0..len).rev().map(|i| first.add(i).read()).collect();
        let ty = op.as_ref().type_object();
        // A subclass instance's `__dict__` follows the items (`new_tuple_of_type` wrote it).
        let dict = if ty.dict_offset != 0 { first.add(len).cast::<Option<Obj>>().read() } else { None };
        let heap = ty.is_heap().then(|| NonNull::from(ty.as_object()));
        free_object(op);
        drop(dict);
        super::trashcan::release(items);
        if let Some(t) = heap {
            super::refcount::decref(t);
        }
    }
}
