//! Reference counting: biased (the default), plain atomic and non-atomic, and immortals.
//!
//! # Biased reference counting (CPython's `Objects/object.c`, `Python/brc.c`)
//!
//! * The **owner** (`ob_tid == thread_id()`) increments and decrements `ob_ref_local` with a
//!   relaxed load and a relaxed store — no read-modify-write.
//! * **Other threads** add to or subtract from `ob_ref_shared` atomically. A decrement that would
//!   take the shared count below zero while it is `0` (not queued, not merged) instead marks the
//!   object QUEUED — without subtracting: the queue now holds that reference — and hands it to the
//!   owner's merge queue ([`super::brc`]), setting the owner's explicit-merge breaker bit.
//! * The owner merges at its breaker check: it folds `ob_ref_local` into the shared count, marks
//!   it MERGED, gives up ownership (`ob_tid = 0`) and drops the queue's reference.
//! * When the owner's local count reaches zero while the shared count is not zero, the owner
//!   gives up ownership: `ob_tid = 0` first, then the flags become MERGED (keeping the count).
//!   From then on everyone uses the shared count, and whoever brings it to zero deallocates.
//!
//! Immortal objects (`ob_ref_local == u32::MAX`) are never written: incref and decref only load
//! `ob_ref_local`, so many threads share them without contending for a cache line.

use std::ptr::NonNull;

use super::header::{IMMORTAL_LOCAL, PyObject, flags, shared};
use super::thread_id;
use crate::sync::{Mutation, Ordering, broken, fence};

/// `Py_INCREF`.
#[inline]
pub fn incref(op: &PyObject) {
    let local = op.ob_ref_local.load(Ordering::Relaxed);
    if local == IMMORTAL_LOCAL {
        return;
    }
    match op.ob_flags & flags::STRATEGY_MASK {
        flags::BIASED => {
            if op.ob_tid.load(Ordering::Relaxed) == thread_id() {
                op.ob_ref_local.store(local + 1, Ordering::Relaxed);
            } else {
                op.ob_ref_shared.fetch_add(shared::ONE, Ordering::Relaxed);
            }
        }
        flags::ATOMIC => {
            op.ob_ref_shared.fetch_add(shared::ONE, Ordering::Relaxed);
        }
        _ => op.ob_ref_local.store(local + 1, Ordering::Relaxed),
    }
}

/// `Py_DECREF`: deallocates the object when the last reference goes.
///
/// # Safety
///
/// The caller must own one reference to `op`, which it gives up; `op` may be freed.
#[inline]
pub unsafe fn decref(op: NonNull<PyObject>) {
    // SAFETY: the caller owns a reference, so the object is alive here.
    let o = unsafe { op.as_ref() };
    let local = o.ob_ref_local.load(Ordering::Relaxed);
    if local == IMMORTAL_LOCAL {
        return;
    }
    match o.ob_flags & flags::STRATEGY_MASK {
        flags::BIASED => {
            if o.ob_tid.load(Ordering::Relaxed) == thread_id() {
                let local = local - 1;
                o.ob_ref_local.store(local, Ordering::Relaxed);
                if local == 0 {
                    // SAFETY: we gave up the last local reference; the object is ours to merge.
                    unsafe { merge_zero_local(op) };
                }
            } else {
                // SAFETY: the caller's reference is handed over to the shared count.
                unsafe { decref_shared(op) };
            }
        }
        flags::ATOMIC => {
            if o.ob_ref_shared.fetch_sub(shared::ONE, Ordering::Release) == shared::ONE | shared::MERGED {
                fence(Ordering::Acquire);
                // SAFETY: that was the last reference.
                unsafe { dealloc(op) };
            }
        }
        _ => {
            o.ob_ref_local.store(local - 1, Ordering::Relaxed);
            if local == 1 {
                // SAFETY: that was the last reference.
                unsafe { dealloc(op) };
            }
        }
    }
}

/// The owner's local count reached zero (`_Py_MergeZeroLocalRefcount`).
///
/// # Safety
///
/// Called by the owner right after its local count went to zero.
#[cold]
unsafe fn merge_zero_local(op: NonNull<PyObject>) {
    // SAFETY: other references may exist (shared), so the object is alive until we decide.
    let o = unsafe { op.as_ref() };
    let order = if broken(Mutation::BrcMergeRelaxed) { Ordering::Relaxed } else { Ordering::Acquire };
    let mut s = crate::sync::load_explored(&o.ob_ref_shared, order);
    if s == 0 {
        // Nobody else ever had a reference: free at once.
        // SAFETY: local and shared counts are both zero.
        unsafe { dealloc(op) };
        return;
    }
    // Give up ownership before publishing the merge (gh-121794).
    o.ob_tid.store(0, Ordering::Relaxed);
    loop {
        let merged = s | shared::MERGED;
        match o.ob_ref_shared.compare_exchange_weak(s, merged, Ordering::AcqRel, Ordering::Acquire) {
            Ok(_) => {
                if merged == shared::MERGED {
                    // SAFETY: merged with a zero count: no reference is left.
                    unsafe { dealloc(op) };
                }
                return;
            }
            Err(now) => s = now,
        }
    }
}

/// A non-owner decrement (`_Py_DecRefShared`).
///
/// # Safety
///
/// The caller gives up one reference to `op`.
#[cold]
unsafe fn decref_shared(op: NonNull<PyObject>) {
    // SAFETY: the caller's reference keeps the object alive here.
    let o = unsafe { op.as_ref() };
    let mut s = o.ob_ref_shared.load(Ordering::Relaxed);
    loop {
        let queue = (s == shared::INIT || s == shared::MAYBE_WEAKREF) && !broken(Mutation::BrcNoQueue);
        let next = if queue { shared::QUEUED } else { s - shared::ONE };
        match o.ob_ref_shared.compare_exchange_weak(s, next, Ordering::AcqRel, Ordering::Relaxed) {
            Ok(_) => {
                if queue {
                    // SAFETY: the QUEUED mark hands our reference to the queue.
                    unsafe { super::brc::queue_object(op) };
                } else if next == shared::MERGED {
                    fence(Ordering::Acquire);
                    // SAFETY: merged and the count reached zero: the last reference.
                    unsafe { dealloc(op) };
                }
                return;
            }
            Err(now) => s = now,
        }
    }
}

/// Folds the local count into the shared one, gives up ownership and adds `extra`; returns the
/// merged count (`_Py_ExplicitMergeRefcount`).
///
/// # Safety
///
/// Only the owner (or, once the owner is gone, whoever cleans up after it) may call this.
pub(crate) unsafe fn explicit_merge(op: &PyObject, extra: isize) -> isize {
    let local = op.ob_ref_local.load(Ordering::Relaxed) as isize;
    // Write the local count and the owner before the merge (gh-119999).
    op.ob_ref_local.store(0, Ordering::Relaxed);
    op.ob_tid.store(0, Ordering::Relaxed);
    let mut s = op.ob_ref_shared.load(Ordering::Relaxed);
    loop {
        let count = (s >> shared::SHIFT) + local + extra;
        let merged = (count << shared::SHIFT) | shared::MERGED;
        match op.ob_ref_shared.compare_exchange_weak(s, merged, Ordering::AcqRel, Ordering::Acquire) {
            Ok(_) => return count,
            Err(now) => s = now,
        }
    }
}

/// Runs the type's deallocator.
///
/// # Safety
///
/// No reference to `op` may remain.
#[inline]
pub(crate) unsafe fn dealloc(op: NonNull<PyObject>) {
    // SAFETY: the object is alive until its deallocator runs; its type is static.
    let ty = unsafe { op.as_ref() }.type_object();
    // SAFETY: the last reference is gone (caller's contract).
    unsafe { (ty.dealloc)(op) };
}
