//! Merge queues of biased reference counting (CPython's `Python/brc.c`).
//!
//! Each interpreter has a table of the threads that own objects in it, hashed by thread id into
//! buckets with a mutex each. A non-owner whose decrement found the shared count at zero pushes
//! the object onto its owner's queue and sets the owner's explicit-merge breaker bit; the owner
//! merges at its next breaker check. When a thread state goes away it merges what was queued to
//! it and leaves the table; objects queued to a thread that is no longer in the table are merged
//! by whoever queues them.

use std::ptr::NonNull;

use super::header::PyObject;
use super::refcount::{dealloc, explicit_merge};
use crate::state::breaker::EXPLICIT_MERGE_BIT;
use crate::state::thread_state::ThreadState;
use crate::sync::{Arc, Mutation, Mutex, Ordering, broken};

const BUCKETS: usize = 16;

struct Owner {
    tid: usize,
    /// The thread states registered for this thread id (usually one).
    states: Vec<Arc<ThreadState>>,
    queue: Vec<QueuedObject>,
}

struct QueuedObject(NonNull<PyObject>);
// SAFETY: a queued object is handed from the queueing thread to the owner under the bucket
// mutex; the queue's reference keeps it alive.
unsafe impl Send for QueuedObject {}

/// The per-interpreter table.
pub(crate) struct BrcTable {
    buckets: [Mutex<Vec<Owner>>; BUCKETS],
}

impl BrcTable {
    pub(crate) fn new() -> Self {
        BrcTable { buckets: std::array::from_fn(|_| Mutex::new(Vec::new())) }
    }

    fn bucket(&self, tid: usize) -> &Mutex<Vec<Owner>> {
        &self.buckets[(tid >> 4) % BUCKETS]
    }

    /// Registers `ts` as an owner for thread id `tid`.
    pub(crate) fn register(&self, ts: &ThreadState, tid: usize) {
        let mut b = self.bucket(tid).lock();
        match b.iter_mut().find(|o| o.tid == tid) {
            Some(o) => o.states.push(ts.to_arc()),
            None => b.push(Owner { tid, states: vec![ts.to_arc()], queue: Vec::new() }),
        }
    }

    /// Unregisters `ts`; if it was the last state of its thread id, merges what was queued.
    pub(crate) fn unregister(&self, ts: &ThreadState, tid: usize) {
        let leftover = {
            let mut b = self.bucket(tid).lock();
            let Some(pos) = b.iter().position(|o| o.tid == tid) else { return };
            b[pos].states.retain(|s| !std::ptr::eq(&**s, ts));
            if b[pos].states.is_empty() { Some(b.swap_remove(pos)) } else { None }
        };
        if let Some(owner) = leftover {
            if !broken(Mutation::BrcExitSkipsMerge) {
                merge_all(owner.queue);
            } else {
                std::mem::forget(owner.queue);
            }
            drop(owner.states);
        }
    }

    /// Takes the objects queued to `tid`.
    fn take_queue(&self, tid: usize) -> Vec<QueuedObject> {
        let mut b = self.bucket(tid).lock();
        b.iter_mut().find(|o| o.tid == tid).map(|o| std::mem::take(&mut o.queue)).unwrap_or_default()
    }
}

fn merge_all(queue: Vec<QueuedObject>) {
    for QueuedObject(op) in queue {
        // SAFETY: the queue held one reference (the QUEUED mark), so the object is alive; we
        // merge on behalf of its owner (the owner itself, or the owner is gone).
        let count = unsafe { explicit_merge(op.as_ref(), -1) };
        if count == 0 {
            // SAFETY: merged count zero: no reference left.
            unsafe { dealloc(op) };
        }
    }
}

/// Hands `op` (marked QUEUED, carrying one reference) to its owner (`_Py_brc_queue_object`).
///
/// # Safety
///
/// The caller transfers one reference to `op`.
pub(crate) unsafe fn queue_object(op: NonNull<PyObject>) {
    // SAFETY: our reference keeps the object alive.
    let o = unsafe { op.as_ref() };
    let tid = o.ob_tid.load(Ordering::Relaxed);
    if tid == 0 {
        // The owner merged meanwhile: the object is plain shared now; drop our reference.
        // SAFETY: we hold that reference.
        unsafe { super::refcount::decref(op) };
        return;
    }
    let Some(ts) = crate::state::thread_state::current() else {
        crate::fatal::fatal_error("Py_DECREF", "an object was released by a thread with no attached thread state");
    };
    // SAFETY: the current thread state is alive while attached.
    let table = &unsafe { ts.as_ref() }.interp_state().brc;
    let mut b = table.bucket(tid).lock();
    if let Some(owner) = b.iter_mut().find(|w| w.tid == tid) {
        owner.queue.push(QueuedObject(op));
        owner.states[0].eval_breaker.fetch_or(EXPLICIT_MERGE_BIT, Ordering::Release);
        return;
    }
    drop(b);
    // The owner is gone: merge now on its behalf.
    merge_all(vec![QueuedObject(op)]);
}

/// The owner merges its queue (the explicit-merge breaker bit).
pub(crate) fn merge_queued(ts: &ThreadState) {
    ts.eval_breaker.fetch_and(!EXPLICIT_MERGE_BIT, Ordering::AcqRel);
    let tid = super::thread_id();
    let queue = ts.interp_state().brc.take_queue(tid);
    merge_all(queue);
}
