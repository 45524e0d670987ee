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
//! # One dispatch for three strategies
//!
//! Every incref and decref tests, in order: immortal? owned by this thread? — and nothing else on
//! the owner's path. The other strategies fit that test instead of adding a branch to it:
//!
//! * **atomic** objects are born *merged with no owner* (`ob_tid == 0`, shared count 1, MERGED),
//!   which is exactly the state a biased object reaches when its owner gives it up; so they take
//!   the non-owner path, where a MERGED count is one atomic add or subtract;
//! * **non-atomic** objects are owned by their creating thread (the owner's path) and, on other
//!   threads — which a lock serialises with it — take the non-owner path, where the strategy flag
//!   is read: plain load + store of the local count.
//!
//! The researchers' comparison (`InterpreterConfig::refcount`) therefore costs the biased owner
//! nothing; the flag is read only off the owner's path.
//!
//! Immortal objects (`ob_ref_local == u32::MAX`) are never written: incref and decref only load
//! `ob_ref_local`, so many threads share them without contending for a cache line.

use std::ptr::NonNull;

use super::header::{IMMORTAL_LOCAL, PyObject, flags, shared};
use super::thread_id;
use crate::sync::{Mutation, Ordering, broken, fence};

/// `Py_INCREF`.
///
/// One test decides the path, whatever the strategy: immortal → nothing; owned by this thread →
/// local count (biased, and non-atomic objects on their creating thread); anything else →
/// `incref_other`. Atomic objects are born merged with no owner (`ob_tid == 0`), so they take
/// the shared path of biased counting without a strategy test on the owner's path.
#[inline(always)]
pub fn incref(op: &PyObject) {
    let local = op.ob_ref_local.load(Ordering::Relaxed);
    if local == IMMORTAL_LOCAL {
        return;
    }
    if op.ob_tid.load(Ordering::Relaxed) == thread_id() {
        op.ob_ref_local.store(local + 1, Ordering::Relaxed);
    } else {
        incref_other(op, local);
    }
}

/// Marks `op` MAYBE_WEAKREF unless this thread owns it (or it is immortal): what
/// [`incref_with_lock`] does besides its increment, for an object a reader under a container's
/// lock compares but does not take — a dict key, whose lock-free comparison takes a reference
/// with a try-increment that a shared count of zero refuses.
#[inline]
pub(crate) fn mark_for_lock_free_reads(op: &PyObject) {
    if op.ob_ref_local.load(Ordering::Relaxed) != IMMORTAL_LOCAL && op.ob_tid.load(Ordering::Relaxed) != thread_id() {
        set_maybe_weakref(op);
    }
}

/// `Py_NewRef` for a reader under a container's lock in a free-threaded interpreter (CPython's
/// `_Py_NewRefWithLock`): a non-owner's increment also sets MAYBE_WEAKREF when the shared word
/// has no flag, so later lock-free readers' [`try_incref`] can take the object even when its
/// shared count is back to zero (otherwise every read of an item owned by another thread
/// would fall back to the lock).
#[inline]
pub(crate) fn incref_with_lock(op: &PyObject) {
    let local = op.ob_ref_local.load(Ordering::Relaxed);
    if local == IMMORTAL_LOCAL {
        return;
    }
    if op.ob_tid.load(Ordering::Relaxed) == thread_id() {
        op.ob_ref_local.store(local + 1, Ordering::Relaxed);
        return;
    }
    if op.ob_flags & flags::NONATOMIC != 0 {
        incref_other(op, local);
        return;
    }
    let mut s = op.ob_ref_shared.load(Ordering::Relaxed);
    loop {
        let mut next = s + shared::ONE;
        if s & shared::FLAG_MASK == 0 {
            next |= shared::MAYBE_WEAKREF;
        }
        match op.ob_ref_shared.compare_exchange_weak(s, next, Ordering::Relaxed, Ordering::Relaxed) {
            Ok(_) => return,
            Err(now) => s = now,
        }
    }
}

/// The owner's increment of an object it reads from a slot without the slot's lock, when no
/// re-check is needed: `op` is owned by this thread (`ob_tid`) and its local count is not zero
/// (and not immortal). Whether it incremented; `false` leaves the general unlocked read
/// (`object::unlocked_read`: try-increment, re-check, locked fallback) to the caller.
///
/// Why no re-check of the slot: the object at `op` when the slot was read was alive (the slot
/// held a reference). An object of this thread with a live local count cannot be freed by
/// anyone else — only its owner writes the local count, and another thread's last decrement
/// of a merged-away count queues it to the owner instead of freeing it — so it is still that
/// object. Nor can the block have been freed and reused by another object in between: only
/// this thread makes objects with `ob_tid` equal to its own id, and it made none since the read.
/// A value replaced in the slot meanwhile is returned as it was when read (the read is ordered
/// before the write), as a reader that ran a moment earlier would have got it.
#[inline(always)]
pub(crate) fn try_incref_owned_live(op: &PyObject) -> bool {
    let local = op.ob_ref_local.load(Ordering::Relaxed);
    if local == 0 || local == IMMORTAL_LOCAL {
        return false;
    }
    if op.ob_tid.load(Ordering::Relaxed) != thread_id()
        && !crate::sync::broken(crate::sync::Mutation::OwnedReadIgnoresOwner)
    {
        return false;
    }
    op.ob_ref_local.store(local + 1, Ordering::Relaxed);
    true
}

/// Takes a reference to `op` unless its count is gone (CPython's `_Py_TryIncrefFast` then
/// `_Py_TryIncRefShared`): immortal → yes; owned by this thread → a local increment; otherwise a
/// CAS on the shared count that refuses 0 and MERGED-with-no-count (an object being, or already,
/// deallocated). Also refuses a shared count of 0 with the owner elsewhere, as CPython does: the
/// owner may be about to free it; the caller then reads under the container's lock. For the
/// lock-free readers of free-threaded containers (`list_items`). Unlike [`try_incref`] (whose
/// caller knows the memory is a live or dying object), it reads only the atomic header words.
///
/// # Safety
///
/// `op`'s header must be readable (a live object, or a freed arena block: see `list_items`).
#[inline]
pub(crate) unsafe fn try_incref_maybe_freed(op: NonNull<PyObject>) -> bool {
    // SAFETY: the caller's contract: the header words are readable, and they are atomics.
    let o = unsafe { op.as_ref() };
    let local = o.ob_ref_local.load(Ordering::Relaxed);
    if local == IMMORTAL_LOCAL {
        return true;
    }
    // An owner's local count of zero is a block this thread freed (or an object only others
    // hold): never revive it locally — the shared count decides, as for any other thread.
    if local != 0 && o.ob_tid.load(Ordering::Relaxed) == thread_id() {
        o.ob_ref_local.store(local + 1, Ordering::Relaxed);
        return true;
    }
    // Sequentially consistent, as CPython's `_Py_TryIncrefCompare`: the caller's re-load of the
    // slot is ordered after the increment, so a writer's replacement it misses is ordered after
    // the increment too (and the writer's decrement then finds the count it added).
    try_incref_shared(o, Ordering::SeqCst)
}

/// An increment by a thread that does not own the object: the shared count — except for a
/// non-atomic object, which only a lock-serialised thread can reach and which counts locally.
#[inline(never)]
fn incref_other(op: &PyObject, local: u32) {
    if op.ob_flags & flags::NONATOMIC != 0 {
        op.ob_ref_local.store(local + 1, Ordering::Relaxed);
    } else {
        op.ob_ref_shared.fetch_add(shared::ONE, Ordering::Relaxed);
    }
}

/// Takes a new reference to `op` unless its last reference is being dropped at this moment
/// (CPython's `_Py_TryIncref`); whether it did. The caller reaches `op` through a pointer that
/// does not own a reference — a weak reference's referent, read under the lock that the
/// referent's deallocation takes before it frees the object — so the memory is valid, but the
/// object may already be dead: its owner brought the local count to zero and is deallocating.
///
/// * The owner (`ob_tid == thread_id()`) with a live local count increments it: nobody else
///   writes that count.
/// * Anyone else compare-and-swaps the shared count up by one, and fails when it reads `0` (no
///   shared reference and not merged: the owner frees at its last local decrement without any
///   atomic write, so nothing would stop it) or `MERGED` with a zero count (whoever brought it
///   there deallocates). A referent of a weak reference has [`set_maybe_weakref`]'s flag, so
///   its shared word is never `0` while its owner holds it: the owner's last decrement must then
///   compare-and-swap the word to MERGED, and exactly one of the two exchanges wins — either the
///   object is merged dead and the increment fails, or the increment lands first and the merge
///   keeps a count of one.
///
/// A plain load of the count followed by an increment (what `Mutation::WeakrefPlainIncref`
/// restores) lets the owner's decrement fall between the two: the increment then revives an
/// object whose deallocation has started, and it is freed under the new holder.
#[inline]
pub fn try_incref(op: &PyObject) -> bool {
    let local = op.ob_ref_local.load(Ordering::Relaxed);
    if local == IMMORTAL_LOCAL {
        return true;
    }
    if broken(Mutation::WeakrefPlainIncref) {
        if op.refcnt() <= 0 {
            return false;
        }
        incref(op);
        return true;
    }
    if local != 0 && op.ob_tid.load(Ordering::Relaxed) == thread_id() {
        op.ob_ref_local.store(local + 1, Ordering::Relaxed);
        return true;
    }
    if op.ob_flags & flags::NONATOMIC != 0 {
        // A lock serialises every thread that can reach a non-atomic object: its count is exact.
        if local == 0 {
            return false;
        }
        op.ob_ref_local.store(local + 1, Ordering::Relaxed);
        return true;
    }
    try_incref_shared(op, Ordering::AcqRel)
}

/// The shared-count half of both try-increments: one more reference unless the word says the
/// object has no count left (`INIT`: owner-only, the owner may free it at any moment;
/// `MERGED` with a zero count: being, or already, deallocated). `success` orders the exchange.
#[inline]
fn try_incref_shared(op: &PyObject, success: Ordering) -> bool {
    let mut s = op.ob_ref_shared.load(Ordering::Relaxed);
    loop {
        if s == shared::INIT || s == shared::MERGED {
            return false;
        }
        match op.ob_ref_shared.compare_exchange_weak(s, s + shared::ONE, success, Ordering::Relaxed) {
            Ok(_) => return true,
            Err(now) => s = now,
        }
    }
}

/// Flags `op` as possibly revived by [`try_incref`] (`_PyObject_SetMaybeWeakref`): a shared word
/// with no flag gets `MAYBE_WEAKREF`, so that the owner's last decrement goes through the
/// compare-and-swap of a merge instead of freeing at once. Queued and merged words already take
/// that path.
pub fn set_maybe_weakref(op: &PyObject) {
    if op.is_immortal() {
        return;
    }
    let mut s = op.ob_ref_shared.load(Ordering::Relaxed);
    while s & shared::FLAG_MASK == 0 {
        match op.ob_ref_shared.compare_exchange_weak(s, s | shared::MAYBE_WEAKREF, Ordering::AcqRel, Ordering::Relaxed)
        {
            Ok(_) => return,
            Err(now) => s = now,
        }
    }
}

/// Whether the caller's reference is the only one to `op` (CPython's
/// `_PyObject_IsUniquelyReferenced`): owned by this thread with a local count of 1 and a shared
/// count of 0 (no other thread holds a reference, none is queued or merged, no weak-reference
/// flag). Nobody else can then reach the object, so its owner may reuse it in place (a dying
/// operand of a float or int operation). An immortal or atomic object is never unique.
#[inline]
pub(crate) fn is_unique(op: &PyObject) -> bool {
    // Acquire: a reference another thread dropped (bringing the shared count back to 0) had its
    // last use ordered before the drop's release; reading 0 here orders that use before ours.
    op.ob_ref_local.load(Ordering::Relaxed) == 1
        && op.ob_tid.load(Ordering::Relaxed) == thread_id()
        && op.ob_ref_shared.load(Ordering::Acquire) == 0
}

/// `Py_DECREF`: deallocates the object when the last reference goes. Same dispatch as
/// [`incref`].
///
/// # Safety
///
/// The caller must own one reference to `op`, which it gives up; `op` may be freed.
#[inline(always)]
pub unsafe fn decref(op: NonNull<PyObject>) {
    // SAFETY: the caller owns a reference, so the object is alive here.
    let o = unsafe { op.as_ref() };
    let local = o.ob_ref_local.load(Ordering::Relaxed);
    if local == IMMORTAL_LOCAL {
        return;
    }
    if o.ob_tid.load(Ordering::Relaxed) == thread_id() {
        let local = local - 1;
        o.ob_ref_local.store(local, Ordering::Relaxed);
        if local == 0 {
            // SAFETY: we gave up the last local reference; the object is ours to merge (a
            // non-atomic object's shared count is always 0, so it is freed at once).
            unsafe { merge_zero_local(op) };
        }
    } else {
        // SAFETY: the caller's reference is handed over.
        unsafe { decref_other(op, local) };
    }
}

/// [`decref`] of an object whose type's deallocator is `free` and which cannot need anything
/// else at its death (CPython's `_Py_DECREF_SPECIALIZED(op, _PyFloat_ExactDealloc)` in the
/// `BINARY_OP_*_FLOAT` forms): when the owner drops the last reference and no other thread ever
/// counted one, `free` runs at once, without the generic path's weak-reference test and slot
/// dispatch. Every other case takes [`decref`]'s protocol unchanged (a non-owner's decrement,
/// a shared count to merge), so biased reference counting stays whole.
///
/// # Safety
///
/// As for [`decref`]; `free` must be the deallocator of `op`'s type, and the type must not
/// support weak references (nothing to clear before `free`).
#[inline(always)]
pub(crate) unsafe fn decref_leaf(op: NonNull<PyObject>, free: unsafe fn(NonNull<PyObject>)) {
    // SAFETY: the caller owns a reference, so the object is alive here.
    let o = unsafe { op.as_ref() };
    let local = o.ob_ref_local.load(Ordering::Relaxed);
    if local == IMMORTAL_LOCAL {
        return;
    }
    if o.ob_tid.load(Ordering::Relaxed) == thread_id() {
        let local = local - 1;
        o.ob_ref_local.store(local, Ordering::Relaxed);
        if local == 0 {
            // Acquire as in `merge_zero_local`'s first load: a zero read orders every other
            // thread's last use before the free (the loom mutation goes the generic way).
            if o.ob_ref_shared.load(Ordering::Acquire) == 0 && !broken(Mutation::BrcMergeRelaxed) {
                // SAFETY: local and shared counts are both zero; `free` is the type's
                // deallocator and there are no weak references (caller's contract).
                unsafe { free(op) };
            } else {
                // SAFETY: we gave up the last local reference (as in `decref`).
                unsafe { merge_zero_local(op) };
            }
        }
    } else {
        // SAFETY: the caller's reference is handed over.
        unsafe { decref_other(op, local) };
    }
}

/// A decrement by a thread that does not own the object (see [`incref_other`]).
///
/// # Safety
///
/// The caller gives up one reference to `op`.
#[inline(never)]
unsafe fn decref_other(op: NonNull<PyObject>, local: u32) {
    // SAFETY: the caller's reference keeps the object alive here.
    let o = unsafe { op.as_ref() };
    if o.ob_flags & flags::NONATOMIC != 0 {
        o.ob_ref_local.store(local - 1, Ordering::Relaxed);
        if local == 1 {
            // SAFETY: that was the last reference.
            unsafe { dealloc(op) };
        }
    } else {
        // SAFETY: the caller's reference is handed over to the shared count.
        unsafe { decref_shared(op) };
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
    // Acquire pairs with the non-owners' releasing read-modify-writes of the shared count: if
    // we read 0 and free, each of their decrements — and so their last use of the object — is
    // ordered before the free. A plain load is enough (loom explores it, stale values included):
    // a value older than the latest can only miss increments made by holders of references
    // that are themselves counted (a non-zero shared count, or a local one, which is now 0), so
    // a stale 0 cannot hide a live reference; a non-zero read goes to the CAS below, which sees
    // the latest value.
    let order = if broken(Mutation::BrcMergeRelaxed) { Ordering::Relaxed } else { Ordering::Acquire };
    let mut s = o.ob_ref_shared.load(order);
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
#[inline]
unsafe fn decref_shared(op: NonNull<PyObject>) {
    // SAFETY: the caller's reference keeps the object alive here.
    let o = unsafe { op.as_ref() };
    let mut s = o.ob_ref_shared.load(Ordering::Relaxed);
    if s & shared::FLAG_MASK == shared::MERGED {
        // MERGED is final (nothing clears it), so a plain subtraction is enough: atomic objects
        // and objects whose owner gave them up.
        if o.ob_ref_shared.fetch_sub(shared::ONE, Ordering::Release) == shared::ONE | shared::MERGED {
            fence(Ordering::Acquire);
            // SAFETY: merged and the count reached zero: the last reference.
            unsafe { dealloc(op) };
        }
        return;
    }
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
    // One byte test for objects without weak references; a class with `__del__` clears them
    // itself, after the finalizer.
    // SAFETY: as above.
    if unsafe { op.as_ref() }.ob_gc_bits.load(Ordering::Relaxed) & super::header::gc_bits::HAS_WEAKREFS != 0
        && !super::finalize::is_finalizing(ty.dealloc)
    {
        // SAFETY: the last reference is gone (caller's contract).
        unsafe { super::weakref::clear_weakrefs(op) };
    }
    // SAFETY: the last reference is gone (caller's contract).
    unsafe { (ty.dealloc)(op) };
}
