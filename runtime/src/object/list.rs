//! `list`: a growable vector of references.
//!
//! The storage is a Rust `Vec<Obj>` behind an `UnsafeCell`. Interpreters with a lock serialise
//! every access; free-threaded interpreters must take the list's critical section around
//! mutations (not wired yet: see DESIGN.md, "Object model").

use std::cell::UnsafeCell;
use std::ptr::NonNull;

use super::alloc::drop_and_free;
use super::header::PyObject;
use super::immortal::types;
use super::obj::Obj;
use super::typeobj::{TypeObject, flags};
use crate::error::PyResult;

/// A `list`.
#[repr(C)]
pub struct ListObject {
    /// Header.
    pub ob_base: PyObject,
    items: UnsafeCell<Vec<Obj>>,
}

impl ListObject {
    /// The items (a snapshot borrow: do not hold it across calls that may run Python code).
    #[inline]
    pub fn items(&self) -> &[Obj] {
        // SAFETY: accesses are serialised by the interpreter lock (see the module docs).
        unsafe { &*self.items.get() }
    }

    /// Mutable access to the items.
    ///
    /// # Safety
    ///
    /// No other borrow of the items may be live, and no Python code may run while it is held.
    #[allow(clippy::mut_from_ref)]
    #[inline]
    pub unsafe fn items_mut(&self) -> &mut Vec<Obj> {
        // SAFETY: forwarded to the caller.
        unsafe { &mut *self.items.get() }
    }

    /// Appends an item.
    #[inline]
    pub fn push(&self, item: Obj) {
        // SAFETY: a short exclusive access with no Python code inside.
        unsafe { self.items_mut() }.push(item);
    }

    /// Replaces the items, returning the old ones (dropped by the caller outside the borrow, so
    /// destructors that run Python code never see a borrowed list).
    pub fn replace(&self, new: Vec<Obj>) -> Vec<Obj> {
        // SAFETY: a short exclusive access.
        std::mem::replace(unsafe { self.items_mut() }, new)
    }
}

/// The `list` behind `obj`.
#[inline]
pub fn as_list(obj: &PyObject) -> Option<&ListObject> {
    if obj.type_object().flags & flags::LIST_SUBCLASS != 0 {
        // SAFETY: list instances start with ListObject.
        Some(unsafe { obj.cast::<ListObject>() })
    } else {
        None
    }
}

/// A new list.
pub fn new_list(items: Vec<Obj>) -> PyResult<Obj> {
    new_list_of_type(types().list_type, items)
}

/// A new instance of `list` or a subclass.
pub fn new_list_of_type(ty: &TypeObject, items: Vec<Obj>) -> PyResult<Obj> {
    // SAFETY: ListObject starts with the header; the deallocator drops it; a subclass's dict
    // pointer is written right after.
    unsafe {
        let obj = super::alloc::alloc_sized(ty, ty.basic_size.max(size_of::<ListObject>()), |ob_base| ListObject {
            ob_base,
            items: UnsafeCell::new(items),
        })?;
        if ty.dict_offset != 0 {
            (obj.as_ptr().as_ptr() as *mut u8).add(ty.dict_offset).cast::<Option<Obj>>().write(None);
        }
        Ok(obj)
    }
}

/// `list`'s deallocator.
///
/// # Safety
///
/// See [`super::typeobj::DeallocFn`].
pub(crate) unsafe fn dealloc_list(op: NonNull<PyObject>) {
    // SAFETY: forwarded contract.
    unsafe {
        let ty = op.as_ref().type_object();
        if ty.dict_offset != 0 {
            std::ptr::drop_in_place((op.as_ptr() as *mut u8).add(ty.dict_offset).cast::<Option<Obj>>());
        }
        // The items are released after the block is freed, through the trashcan (a deeply
        // nested list must not free itself by native recursion).
        let items = std::mem::take(&mut *op.cast::<ListObject>().as_ref().items.get());
        drop_and_free::<ListObject>(op);
        super::trashcan::release(items);
    }
}
