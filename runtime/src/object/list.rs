//! `list`: a growable vector of references.
//!
//! The storage is a Rust `Vec<Obj>` behind an `UnsafeCell`. Interpreters with a lock serialise
//! every access; in free-threaded interpreters the writes made through [`ListObject::mutate`]
//! (every method of `list_methods`) take the list's critical section. Reads that skip the lock
//! do not yet have reclamation of the old storage (see DESIGN.md, "Object model").

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
    unsafe fn items_mut(&self) -> &mut Vec<Obj> {
        // SAFETY: forwarded to the caller.
        unsafe { &mut *self.items.get() }
    }

    /// Runs `f` on the items inside the list's critical section. `f` must not run Python code
    /// (return replaced items out of it, to be dropped afterwards).
    #[inline]
    pub fn mutate<R>(&self, f: impl FnOnce(&mut Vec<Obj>) -> R) -> R {
        super::mutation::locked(&self.ob_base, || {
            // SAFETY: the critical section (or the interpreter lock) excludes other writers, and
            // `f` runs no Python code, so no other borrow of the items is live.
            f(unsafe { self.items_mut() })
        })
    }

    /// Appends an item.
    #[inline]
    pub fn push(&self, item: Obj) {
        self.mutate(|v| v.push(item));
    }

    /// Replaces the items, returning the old ones (dropped by the caller outside the borrow, so
    /// destructors that run Python code never see a borrowed list).
    pub fn replace(&self, new: Vec<Obj>) -> Vec<Obj> {
        self.mutate(|v| std::mem::replace(v, new))
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
