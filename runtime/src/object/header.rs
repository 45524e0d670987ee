//! The object header: free-threaded CPython's `PyObject` layout.
//!
//! ```text
//!  offset  size  field          who writes it
//!       0     8  ob_tid         owner thread id (0: unowned — merged or immortal)
//!       8     2  ob_flags       at creation only (refcount strategy, static)
//!      10     1  ob_mutex       per-object lock (`PyMutex`, taken by critical sections)
//!      11     1  ob_gc_bits     the collector
//!      12     4  ob_ref_local   the owner only, relaxed load + store (u32::MAX = immortal)
//!      16     8  ob_ref_shared  everyone, atomic RMW: count << 2 | flags
//!      24     8  ob_type
//! ```
//!
//! `ob_ref_shared`'s two low bits: `0` none, `1` maybe-weakref, `2` queued (handed to the owner
//! for merging), `3` merged (the local count is folded in; the owner gave up ownership).
//! `refcount = ob_ref_local + (ob_ref_shared >> 2)`; the shared part may be negative.

use crate::lock::PyMutex;
use crate::object::typeobj::TypeObject;
use crate::sync::{AtomicIsize, AtomicU8, AtomicU32, AtomicUsize, Ordering};

/// An object header. Every object starts with one.
///
/// The fields are the runtime's: safe code reads them through the accessors and cannot build a
/// header (the constructors are `unsafe`), so every `&PyObject` safe code holds is a live object.
#[repr(C)]
pub struct PyObject {
    pub(crate) ob_tid: AtomicUsize,
    pub(crate) ob_flags: u16,
    pub(crate) ob_mutex: PyMutex,
    pub(crate) ob_gc_bits: AtomicU8,
    pub(crate) ob_ref_local: AtomicU32,
    pub(crate) ob_ref_shared: AtomicIsize,
    /// The type. Atomic (a plain load and store on every target) because `obj.__class__ = C`
    /// changes it after publication (`class_assign.rs`, with the world stopped); every other
    /// write happens before the object is shared.
    pub(crate) ob_type: std::sync::atomic::AtomicPtr<TypeObject>,
    /// Keeps the header from being `Sync` (see below) now that every field is.
    _not_sync: std::marker::PhantomData<*const ()>,
}

// Not `Sync`: a `&PyObject` must not cross threads, or an object could reach a thread attached to
// another interpreter (see `handle`). Immortals, which every interpreter shares, are reached
// through `immortals()` / `types()` on each thread instead.
// SAFETY: every mutable field is atomic; `ob_flags` is written before the object is published
// and never after. Owning a header (only unsafe constructors make one) on another
// thread is harmless.
unsafe impl Send for PyObject {}

#[cfg(not(loom))]
const _: () = {
    use std::mem::{offset_of, size_of};
    assert!(size_of::<PyObject>() == 32);
    assert!(offset_of!(PyObject, ob_tid) == 0);
    assert!(offset_of!(PyObject, ob_flags) == 8);
    assert!(offset_of!(PyObject, ob_mutex) == 10);
    assert!(offset_of!(PyObject, ob_gc_bits) == 11);
    assert!(offset_of!(PyObject, ob_ref_local) == 12);
    assert!(offset_of!(PyObject, ob_ref_shared) == 16);
    assert!(offset_of!(PyObject, ob_type) == 24);
};

/// `ob_flags` bits.
pub mod flags {
    /// Two bits select the refcount strategy.
    pub const STRATEGY_MASK: u16 = 0b11;
    /// Biased reference counting (the default).
    pub const BIASED: u16 = 0;
    /// Every operation an atomic read-modify-write on `ob_ref_shared`. Recorded for
    /// [`super::PyObject::strategy`] only: such objects are born merged with no owner, and the
    /// counting paths treat them as biased objects their owner gave up.
    pub const ATOMIC: u16 = 1;
    /// Plain load + store of `ob_ref_local` by any thread: only legal where a lock serialises
    /// every thread that can reach the object. Read only off the owner's path.
    pub const NONATOMIC: u16 = 2;
    /// Statically allocated (never deallocated).
    pub const STATIC: u16 = 1 << 2;
}

/// `ob_gc_bits`: CPython's free-threaded bits where pyrt uses them, plus pyrt's weak-reference
/// mark.
pub mod gc_bits {
    /// `_PyGC_BITS_TRACKED`: the object has a GC head and is on its interpreter's list.
    pub const TRACKED: u8 = 1 << 0;
    /// `_PyGC_BITS_FINALIZED`: `__del__` ran (PEP 442: it runs once).
    pub const FINALIZED: u8 = 1 << 1;
    /// `_PyGC_BITS_UNREACHABLE`: garbage the running collection holds (hidden from
    /// `gc.get_objects()` and `gc.get_referrers()` until it is freed or let go).
    pub const UNREACHABLE: u8 = 1 << 2;
    /// pyrt: the object's block starts with a GC head (its type has `traverse`), whether or not
    /// it is tracked right now (lazily tracked dicts, untracked tuples).
    pub const HEAD: u8 = 1 << 3;
    /// `_PyGC_BITS_SHARED` (dicts): a thread other than the owner reads the object lock-free, so
    /// storage it replaces is retired through QSBR (`dict.rs`, "Shared dicts").
    pub const SHARED: u8 = 1 << 4;
    /// pyrt: the object has weak references in `weakref`'s table (tested on deallocation).
    pub const HAS_WEAKREFS: u8 = 1 << 7;
}

/// `ob_ref_shared` layout.
pub mod shared {
    /// The count lives above two flag bits.
    pub const SHIFT: u32 = 2;
    /// The flag bits.
    pub const FLAG_MASK: isize = 0b11;
    /// No flags.
    pub const INIT: isize = 0;
    /// The object may be revived by a lock-free reader even at count 0.
    pub const MAYBE_WEAKREF: isize = 1;
    /// Queued to the owner for merging.
    pub const QUEUED: isize = 2;
    /// The counts are merged; the object is unowned.
    pub const MERGED: isize = 3;
    /// One reference in the shared count.
    pub const ONE: isize = 1 << SHIFT;
}

/// `ob_ref_local` of an immortal object.
pub const IMMORTAL_LOCAL: u32 = u32::MAX;

/// The refcount strategies (`ob_flags & STRATEGY_MASK`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum RefcountStrategy {
    /// Biased: the owner counts without atomic RMW, others use the shared count.
    Biased,
    /// Plain atomic: every incref/decref an atomic RMW.
    Atomic,
    /// Non-atomic: only where an interpreter lock serialises all threads.
    NonAtomic,
}

impl RefcountStrategy {
    pub(crate) fn flag(self) -> u16 {
        match self {
            RefcountStrategy::Biased => flags::BIASED,
            RefcountStrategy::Atomic => flags::ATOMIC,
            RefcountStrategy::NonAtomic => flags::NONATOMIC,
        }
    }
}

impl PyObject {
    /// A header for a new object of `ty` owned by the calling thread, with one reference.
    ///
    /// # Safety
    ///
    /// The header must become the start of an object of `ty`'s layout, allocated so that `ty`'s
    /// deallocator can free it, and only be referenced through that object.
    pub unsafe fn new_header(ty: &'static TypeObject, strategy: RefcountStrategy) -> PyObject {
        // SAFETY: forwarded.
        unsafe { Self::new_header_dyn(ty, strategy) }
    }

    /// [`PyObject::new_header`] for a type that is not `'static` (a heap type, which its
    /// instances keep alive by holding a reference).
    ///
    /// # Safety
    ///
    /// As for [`PyObject::new_header`], and `ty` must outlive the object.
    #[inline]
    pub unsafe fn new_header_dyn(ty: &TypeObject, strategy: RefcountStrategy) -> PyObject {
        let (tid, local, shared) = match strategy {
            RefcountStrategy::Biased | RefcountStrategy::NonAtomic => (super::thread_id(), 1, shared::INIT),
            RefcountStrategy::Atomic => (0, 0, shared::ONE | shared::MERGED),
        };
        PyObject {
            ob_tid: AtomicUsize::new(tid),
            ob_flags: strategy.flag(),
            ob_mutex: PyMutex::new(),
            ob_gc_bits: AtomicU8::new(0),
            ob_ref_local: AtomicU32::new(local),
            ob_ref_shared: AtomicIsize::new(shared),
            ob_type: std::sync::atomic::AtomicPtr::new(ty as *const TypeObject as *mut TypeObject),
            _not_sync: std::marker::PhantomData,
        }
    }

    /// A header for a statically allocated immortal object (`PyObject_HEAD_INIT`).
    ///
    /// # Safety
    ///
    /// The object it starts must live for the rest of the process (immortal), and `ty` must be
    /// a valid type (or null only while a type object is being built for itself).
    pub unsafe fn new_immortal(ty: *const TypeObject) -> PyObject {
        PyObject {
            ob_tid: AtomicUsize::new(0),
            ob_flags: flags::STATIC,
            ob_mutex: PyMutex::new(),
            ob_gc_bits: AtomicU8::new(0),
            ob_ref_local: AtomicU32::new(IMMORTAL_LOCAL),
            ob_ref_shared: AtomicIsize::new(0),
            ob_type: std::sync::atomic::AtomicPtr::new(ty as *mut TypeObject),
            _not_sync: std::marker::PhantomData,
        }
    }

    /// The owner's thread id (0: unowned).
    pub fn tid(&self) -> usize {
        self.ob_tid.load(Ordering::Relaxed)
    }

    /// `ob_flags`.
    pub fn flags(&self) -> u16 {
        self.ob_flags
    }

    /// `ob_ref_local` (a snapshot).
    pub fn ref_local(&self) -> u32 {
        self.ob_ref_local.load(Ordering::Relaxed)
    }

    /// `ob_ref_shared`, count and flags (a snapshot).
    pub fn ref_shared(&self) -> isize {
        self.ob_ref_shared.load(Ordering::Relaxed)
    }

    /// Whether the object is immortal.
    #[inline]
    pub fn is_immortal(&self) -> bool {
        self.ob_ref_local.load(Ordering::Relaxed) == IMMORTAL_LOCAL
    }

    /// The refcount strategy.
    #[inline]
    pub fn strategy(&self) -> RefcountStrategy {
        match self.ob_flags & flags::STRATEGY_MASK {
            flags::ATOMIC => RefcountStrategy::Atomic,
            flags::NONATOMIC => RefcountStrategy::NonAtomic,
            _ => RefcountStrategy::Biased,
        }
    }

    /// The reference count (`Py_REFCNT`): `u32::MAX as isize` for immortals.
    pub fn refcnt(&self) -> isize {
        let local = self.ob_ref_local.load(Ordering::Relaxed);
        if local == IMMORTAL_LOCAL {
            return IMMORTAL_LOCAL as isize;
        }
        local as isize + (self.ob_ref_shared.load(Ordering::Relaxed) >> shared::SHIFT)
    }

    /// The object's mutex (`ob_mutex`), taken by critical sections
    /// ([`crate::Python::critical_section`]).
    pub fn mutex(&self) -> &PyMutex {
        &self.ob_mutex
    }

    /// The type.
    #[inline]
    pub fn type_object(&self) -> &TypeObject {
        // SAFETY: `ob_type` is set at creation to a type that outlives its instances (static
        // types are immortal; an instance holds a reference to its heap type).
        unsafe { &*self.ob_type.load(std::sync::atomic::Ordering::Relaxed) }
    }

    /// Gives the object another type (`obj.__class__ = C`, `class_assign.rs`).
    ///
    /// # Safety
    ///
    /// `ty` has the object's layout; no other thread of the interpreter is attached (the world
    /// is stopped), so nobody reads the type while it changes; the caller moves the object's
    /// reference to its heap type (a new one taken on `ty` before, the old one given up after).
    pub(crate) unsafe fn set_type(&self, ty: &TypeObject) {
        self.ob_type.store(ty as *const TypeObject as *mut TypeObject, std::sync::atomic::Ordering::Relaxed);
    }
}
