//! Finalizers: `__del__` with PEP 442's semantics, and unraisable errors.
//!
//! A class whose MRO defines `__del__` gets [`dealloc_finalizing`] as its deallocator
//! (CPython's `subtype_dealloc` with `tp_finalize`): when the last reference goes, the object is
//! revived with one reference owned by the dying thread ([`resurrect_start`]), `__del__` runs,
//! and the reference is given back ([`resurrect_end`]). If `__del__` stored the object
//! somewhere, it is alive again and nothing is freed; it will come back here when that reference
//! goes, and then `__del__` does not run again — the header's [`gc_bits::FINALIZED`] bit
//! records that it ran (CPython's `_PyGC_FINALIZED`). Otherwise the object's weak references are
//! cleared (their callbacks run *after* `__del__`, as in CPython) and the base type's
//! deallocator frees it.
//!
//! An exception escaping `__del__` or a weak-reference callback cannot be raised anywhere: it is
//! printed to stderr as CPython's default `sys.unraisablehook` prints it
//! ([`write_unraisable`]): `Exception ignored in: <repr of the callable>`, then the traceback.

use std::ptr::NonNull;

use super::header::{PyObject, gc_bits};
use super::thread_id;
use super::typeobj::TypeObject;
use crate::error::PyErr;
use crate::sync::Ordering;

/// Prints an error nobody can catch (`PyErr_WriteUnraisable(obj)` with the default hook).
pub(crate) fn write_unraisable(err: PyErr, obj: &PyObject) {
    let exc = err.into_object();
    let what = super::abstract_ops::repr_text(obj).unwrap_or_else(|_| "<object repr() failed>".to_owned());
    let _ = super::textio::flush_stdout();
    eprint!("Exception ignored in: {what}\n{}", crate::eval::traceback::format_unraisable(&exc));
}

/// Whether instances of `ty` need [`dealloc_finalizing`]: a class of its MRO defines `__del__`.
pub(crate) fn has_finalizer(ty: &TypeObject) -> bool {
    super::attr::lookup_str(ty, "__del__").is_some()
}

/// The deallocator the type would have without a finalizer: that of the first builtin type of
/// its MRO (plain instances for `object`).
fn base_dealloc(ty: &TypeObject) -> super::typeobj::DeallocFn {
    let base = ty.mro().iter().filter_map(|t| super::typeobj::as_type(t)).find(|t| !t.is_heap());
    // `object`'s deallocator is the plain instances' (`classobj::dealloc_instance`).
    base.unwrap_or(super::immortal::types().object_type).dealloc
}

/// Revives a dying object (count 0) with one reference owned by this thread
/// (`_PyObject_ResurrectStart`).
fn resurrect_start(o: &PyObject) {
    o.ob_tid.store(thread_id(), Ordering::Relaxed);
    o.ob_ref_local.store(1, Ordering::Relaxed);
    o.ob_ref_shared.store(0, Ordering::Relaxed);
}

/// Gives back the reference [`resurrect_start`] made; whether the object is dead again
/// (`_PyObject_ResurrectEnd`). An object still referenced keeps its counts (merged as the
/// owner's zero-local path merges them, when only shared references are left).
fn resurrect_end(o: &PyObject) -> bool {
    let local = o.ob_ref_local.load(Ordering::Relaxed) - 1;
    o.ob_ref_local.store(local, Ordering::Relaxed);
    if local != 0 {
        return false;
    }
    let mut s = o.ob_ref_shared.load(Ordering::Acquire);
    if s == 0 {
        return true;
    }
    o.ob_tid.store(0, Ordering::Relaxed);
    loop {
        let merged = s | super::header::shared::MERGED;
        match o.ob_ref_shared.compare_exchange_weak(s, merged, Ordering::AcqRel, Ordering::Acquire) {
            Ok(_) => return merged == super::header::shared::MERGED,
            Err(now) => s = now,
        }
    }
}

/// Runs `__del__` once on a dying object; whether it stayed dead (`PyObject_CallFinalizer`
/// from dealloc).
pub(crate) fn call_finalizer(o: &PyObject) -> bool {
    if o.ob_gc_bits.fetch_or(gc_bits::FINALIZED, Ordering::Relaxed) & gc_bits::FINALIZED != 0 {
        return true;
    }
    resurrect_start(o);
    run_del(o);
    resurrect_end(o)
}

/// Calls `type(o).__del__(o)` on a live object, reporting an error as unraisable.
pub(crate) fn run_del(o: &PyObject) {
    if let Some(del) = super::attr::lookup_str(o.type_object(), "__del__") {
        let res = match del.type_object().descr_get {
            Some(get) => {
                get(&del, Some(o), o.type_object().as_object()).and_then(|m| super::abstract_ops::call(&m, &[], None))
            }
            None => super::abstract_ops::call(&del, &[], None),
        };
        if let Err(e) = res {
            write_unraisable(e, &del);
        }
    }
}

/// The deallocator of classes with `__del__` (see the module docs).
///
/// # Safety
///
/// See [`super::typeobj::DeallocFn`].
pub(crate) unsafe fn dealloc_finalizing(op: NonNull<PyObject>) {
    // SAFETY: the object is alive until freed below.
    let o = unsafe { op.as_ref() };
    if !call_finalizer(o) {
        return;
    }
    if o.ob_gc_bits.load(Ordering::Relaxed) & gc_bits::HAS_WEAKREFS != 0 {
        // SAFETY: the object is dying again, with no reference left.
        unsafe { super::weakref::clear_weakrefs(op) };
    }
    let dealloc = base_dealloc(o.type_object());
    // SAFETY: forwarded contract; the base deallocator frees this layout.
    unsafe { dealloc(op) };
}

/// Whether `dealloc` is [`dealloc_finalizing`] (the deallocation hook leaves weak references to
/// it, so that `__del__` runs before their callbacks).
#[inline]
pub(crate) fn is_finalizing(dealloc: super::typeobj::DeallocFn) -> bool {
    std::ptr::fn_addr_eq(dealloc, dealloc_finalizing as super::typeobj::DeallocFn)
}
