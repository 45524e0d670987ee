//! `list`: a growable vector of references.
//!
//! The storage is [`super::list_items::ListItems`]: a length and a block (capacity + slots)
//! that a free-threaded interpreter's writers replace by publishing a new block and retiring the
//! old one through QSBR (see that module). Every write goes through [`ListObject::mutate`],
//! which takes the list's critical section in a free-threaded interpreter. Reads:
//!
//! * [`ListObject::get_item`] is the lock-free read (CPython's `list_get_item_ref`): in a
//!   free-threaded interpreter a try-increment that re-checks the slot, falling back to a read
//!   in the critical section; with a lock a plain clone.
//! * [`ListObject::items`] gives the items as a slice for the slice readers (copies,
//!   comparisons, `sorted`, unpacking, repetition): with a lock a borrow of the list's storage
//!   (nothing writes it while the lock is held, and callers do not hold it across Python code);
//!   in a free-threaded interpreter a copy made inside the list's critical section (each item
//!   counted: CPython 3.13t's `list_slice_lock_held` / `Py_BEGIN_CRITICAL_SECTION` around
//!   `list_richcompare`'s and `PySequence_Fast`'s reads), since a borrow of a slot another
//!   thread releases would dangle. The copy is one consistent state of the list.
//! * [`ListObject::items_in_section`] is the borrow alone, for code inside the list's section
//!   or with the world stopped (the cycle collector's traverse, which must not change counts).

use std::ptr::NonNull;

use super::alloc::drop_and_free;
use super::header::PyObject;
use super::immortal::types;
use super::list_items::{Contended, ItemsMut, ListItems};
use super::obj::Obj;
use super::typeobj::{TypeObject, flags};
use crate::error::PyResult;

/// A `list`.
#[repr(C)]
pub struct ListObject {
    /// Header.
    pub ob_base: PyObject,
    items: ListItems,
}

/// How many reads [`ListObject::get_item`] completed without the section (tests check that the
/// lock-free path is the one they exercise).
#[cfg(test)]
pub(crate) static LOCK_FREE_READS: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);

use super::attachment::free_threaded;

/// The items of a list as a slice reader sees them ([`ListObject::items`]): borrowed with a
/// lock, a counted copy free-threaded.
pub(crate) enum ItemsView<'a> {
    /// The list's own storage (an interpreter with a lock).
    Borrowed(&'a [Obj]),
    /// A copy made in the list's critical section (free-threaded).
    Copied(Vec<Obj>),
}

impl ItemsView<'_> {
    /// The items as an owned vector: the free-threaded copy itself (no second copy), or a copy
    /// of the borrowed storage.
    #[inline]
    pub(crate) fn into_vec(self) -> Vec<Obj> {
        match self {
            ItemsView::Borrowed(s) => s.to_vec(),
            ItemsView::Copied(v) => v,
        }
    }
}

impl std::ops::Deref for ItemsView<'_> {
    type Target = [Obj];
    #[inline]
    fn deref(&self) -> &[Obj] {
        match self {
            ItemsView::Borrowed(s) => s,
            ItemsView::Copied(v) => v,
        }
    }
}

impl ListObject {
    /// The items for a slice reader (see the module docs): do not hold the view across calls
    /// that may run Python code (with a lock it borrows the list's storage).
    #[inline]
    pub(crate) fn items(&self) -> ItemsView<'_> {
        if !free_threaded() {
            return ItemsView::Borrowed(self.items.as_slice());
        }
        self.items_copied()
    }

    /// [`ListObject::items`] in a free-threaded interpreter: the copy, made in the section.
    #[inline(never)]
    fn items_copied(&self) -> ItemsView<'_> {
        ItemsView::Copied(super::mutation::locked(&self.ob_base, || self.items.as_slice().to_vec()))
    }

    /// The items borrowed, for a caller inside the list's critical section, with a lock, or with
    /// the world stopped (module docs).
    #[inline]
    pub(crate) fn items_in_section(&self) -> &[Obj] {
        self.items.as_slice()
    }

    /// The number of items (`Py_SIZE`; a Relaxed load).
    #[inline]
    pub fn len(&self) -> usize {
        self.items.len()
    }

    /// Whether the list is empty now.
    #[inline]
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Item `i` with a new reference, if the list has one now — without the list's critical
    /// section where it can (see the module docs). With a lock: a plain clone, inlined.
    #[inline(always)]
    pub fn get_item(&self, i: usize) -> Option<Obj> {
        if !free_threaded() {
            return self.items.get_cloned(i);
        }
        self.get_item_free_threaded(i)
    }

    /// [`ListObject::get_item`] in a free-threaded interpreter (out of line: the locked path
    /// stays small where it is inlined). The lock-free read only: a leaf with no frame to set up
    /// (the section of the locked read, inlined here, cost 10 instructions of register saves per
    /// read).
    #[inline(never)]
    fn get_item_free_threaded(&self, i: usize) -> Option<Obj> {
        match self.items.try_get_ref(i) {
            Ok(item) => {
                #[cfg(test)]
                LOCK_FREE_READS.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                item
            }
            Err(Contended(stale)) => self.get_item_locked(i, stale),
        }
    }

    /// A slot being rewritten, or an item whose count is owned elsewhere and may be about to go:
    /// read under the section (`list_item_impl`). The increment marks the item readable
    /// lock-free from now on (`_Py_NewRefWithLock`). `stale`, a reference the lock-free read
    /// took to an object that left the slot, is dropped first (the caller holds the list).
    #[cold]
    #[inline(never)]
    fn get_item_locked(&self, i: usize, stale: Option<Obj>) -> Option<Obj> {
        drop(stale);
        super::mutation::locked(&self.ob_base, || {
            self.items_in_section().get(i).map(|x| {
                super::refcount::incref_with_lock(x);
                // SAFETY: the reference just taken.
                unsafe { Obj::from_owned(x.as_ptr()) }
            })
        })
    }

    /// Runs `f` on the items inside the list's critical section. `f` must not run Python code
    /// (return replaced items out of it, to be dropped afterwards).
    #[inline]
    pub fn mutate<R>(&self, f: impl FnOnce(&mut ItemsMut<'_>) -> R) -> R {
        let free_threaded = free_threaded();
        super::mutation::locked(&self.ob_base, || {
            // SAFETY: the critical section (or the interpreter lock) excludes other writers, and
            // the view ends with it.
            f(&mut unsafe { self.items.writer(free_threaded) })
        })
    }

    /// [`ListObject::mutate`] for a write that cannot detach — an item store, which runs no
    /// Python code and neither grows nor frees the block — under a brief hold of the list's
    /// mutex (`mutation::locked_briefly`; CPython 3.14's `LOCK_OBJECT` in
    /// `STORE_SUBSCR_LIST_INT`). `f` must not drop an item: it hands replaced ones back.
    #[inline(always)]
    pub(crate) fn mutate_briefly<R>(&self, f: impl FnOnce(&mut ItemsMut<'_>) -> R) -> R {
        let free_threaded = free_threaded();
        super::mutation::locked_briefly(&self.ob_base, || {
            // SAFETY: as in `mutate`: the mutex (or the interpreter lock) excludes other writers,
            // and the view ends with the hold.
            f(&mut unsafe { self.items.writer(free_threaded) })
        })
    }

    /// Replaces item `i` with `value` (`STORE_SUBSCR_LIST_INT`): the old item, or `value` back
    /// when `i` is out of range now. Free-threaded, under a brief hold of the list's mutex
    /// ([`ListObject::mutate_briefly`]'s try-lock, the store inlined); with a lock, directly
    /// (through `mutate_briefly` the store was an out-of-line closure call, about 40
    /// instructions a store).
    #[inline(always)]
    pub(crate) fn replace_item(&self, i: usize, value: Obj) -> Result<Obj, Obj> {
        if !free_threaded() {
            // SAFETY: the interpreter lock this thread holds (it runs object code attached)
            // excludes other writers and readers, as for `mutate`; the view ends here and the
            // store runs no code (the replaced item is handed back).
            let mut items = unsafe { self.items.writer(false) };
            return if i < items.len() { Ok(items.set(i, value)) } else { Err(value) };
        }
        // Free-threaded, the store is written here and in the fallback rather than passed to
        // `mutate_briefly`, where it stayed an out-of-line closure call.
        let Some(_hold) = super::mutation::try_hold_briefly(&self.ob_base) else {
            return self.replace_item_contended(i, value);
        };
        // SAFETY: the brief hold of the list's mutex excludes other writers, as in
        // `mutate_briefly`; the view ends before the hold and the store runs no code (the
        // replaced item is handed back). Lock-free readers see the slot's release store.
        let mut items = unsafe { self.items.writer(true) };
        if i < items.len() { Ok(items.set(i, value)) } else { Err(value) }
    }

    /// [`ListObject::replace_item`] when another thread (or a section of this one) holds the
    /// list's mutex: in the section.
    #[cold]
    #[inline(never)]
    fn replace_item_contended(&self, i: usize, value: Obj) -> Result<Obj, Obj> {
        self.mutate_briefly(|items| if i < items.len() { Ok(items.set(i, value)) } else { Err(value) })
    }

    /// Appends an item.
    #[inline]
    pub fn push(&self, item: Obj) {
        self.mutate(|v| v.push(item));
    }

    /// Replaces the items, returning the old ones (dropped by the caller outside the section,
    /// so destructors that run Python code never see a list being written).
    pub fn replace(&self, new: Vec<Obj>) -> Vec<Obj> {
        self.mutate(|v| v.replace_all(new))
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

/// The `list` behind `obj`, an exact list (a specialised form's guard): no flag test.
///
/// # Safety
///
/// `obj`'s type is `list` itself.
#[inline(always)]
pub(crate) unsafe fn as_exact_list(obj: &PyObject) -> &ListObject {
    debug_assert!(as_list(obj).is_some(), "the caller's guard: an exact list");
    // SAFETY: the caller's contract; list instances start with ListObject.
    unsafe { obj.cast::<ListObject>() }
}

/// A new list.
pub fn new_list(items: Vec<Obj>) -> PyResult<Obj> {
    new_list_of_type(types().list_type, items)
}

/// A new list of the items `items` gives, built in the list's own storage (room for
/// `capacity` to start with, grown as `append` grows it); the first error is the result.
pub(crate) fn new_list_collect(capacity: usize, items: impl Iterator<Item = PyResult<Obj>>) -> PyResult<Obj> {
    new_list_with_items(types().list_type, ListItems::try_collect(capacity, items)?)
}

/// A new instance of `list` or a subclass.
pub fn new_list_of_type(ty: &TypeObject, items: Vec<Obj>) -> PyResult<Obj> {
    new_list_with_items(ty, ListItems::new(items))
}

fn new_list_with_items(ty: &TypeObject, items: ListItems) -> PyResult<Obj> {
    // SAFETY: ListObject starts with the header; the deallocator drops it; a subclass's dict
    // pointer is written right after.
    unsafe {
        let obj = super::alloc::alloc_sized(ty, ty.basic_size.max(size_of::<ListObject>()), |ob_base| ListObject {
            ob_base,
            items,
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
        // nested list must not free itself by native recursion), last first as CPython's
        // `list_dealloc` releases them (finalizers run in that order).
        let mut items = (*op.cast::<ListObject>().as_ptr()).items.take_for_dealloc();
        items.reverse();
        drop_and_free::<ListObject>(op);
        super::trashcan::release(items);
    }
}

/// The list operations the loom model of `list_items` drives (`loom-tests/tests/list.rs`), on
/// handles: the real code, reached from outside the crate only in loom builds.
#[cfg(loom)]
pub mod model {
    use crate::Python;
    use crate::object::{Bound, PyObject};

    use super::{Obj, as_list};

    fn list(l: &PyObject) -> &super::ListObject {
        as_list(l).expect("a list")
    }

    /// A new list of `items`.
    pub fn new<'py>(py: Python<'py>, items: &[Bound<'py>]) -> Bound<'py> {
        let l = super::new_list(items.iter().map(|x| Obj::new_ref(x)).collect()).expect("a list");
        Bound::new_ref(py, &l)
    }

    /// `l.append(x)`.
    pub fn push(l: &PyObject, x: &PyObject) {
        list(l).push(Obj::new_ref(x));
    }

    /// `l[i] = x` (the old item released after the section).
    pub fn set(l: &PyObject, i: usize, x: &PyObject) {
        let old = list(l).mutate(|v| v.set(i, Obj::new_ref(x)));
        drop(old);
    }

    /// `l[i]` through the lock-free read.
    ///
    /// # Safety
    ///
    /// The list's items are objects the caller may hold as `py`'s (the model's items are boxed
    /// test objects, which the interpreter's membership check does not know).
    pub unsafe fn get<'py>(py: Python<'py>, l: &PyObject, i: usize) -> Option<Bound<'py>> {
        // SAFETY: the caller's contract; the reference is the one `get_item` took.
        list(l).get_item(i).map(|x| unsafe { Bound::from_owned(py, x.into_raw()) })
    }
}
