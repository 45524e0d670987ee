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
    states: OwnerStates,
    queue: Vec<QueuedObject>,
}

/// The thread states of one thread id: the first inline, so that registering and unregistering
/// the usual single state (every outermost `PyGILState_Ensure` / `Release` pair) allocates
/// nothing beyond the bucket's entry.
#[derive(Default)]
struct OwnerStates {
    first: Option<Arc<ThreadState>>,
    more: Vec<Arc<ThreadState>>,
}

impl OwnerStates {
    fn push(&mut self, ts: Arc<ThreadState>) {
        if self.first.is_none() {
            self.first = Some(ts);
        } else {
            self.more.push(ts);
        }
    }

    /// Takes `ts` out of the list (the caller drops it after the bucket mutex is released).
    fn remove(&mut self, ts: &ThreadState) -> Option<Arc<ThreadState>> {
        if self.first.as_deref().is_some_and(|f| std::ptr::eq(f, ts)) {
            let removed = self.first.take();
            self.first = self.more.pop();
            return removed;
        }
        let pos = self.more.iter().position(|s| std::ptr::eq(&**s, ts))?;
        Some(self.more.swap_remove(pos))
    }

    fn is_empty(&self) -> bool {
        self.first.is_none()
    }

    fn iter(&self) -> impl Iterator<Item = &Arc<ThreadState>> {
        self.first.iter().chain(&self.more)
    }
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

    /// Registers `ts` as an owner for thread id `tid`. Serialised (bucket mutex) with merges
    /// done on behalf of an absent owner, so once this returns no such merge is running.
    pub(crate) fn register(&self, ts: &ThreadState, tid: usize) {
        let mut b = self.bucket(tid).lock();
        match b.iter_mut().find(|o| o.tid == tid) {
            Some(o) => o.states.push(ts.to_arc()),
            None => {
                let mut states = OwnerStates::default();
                states.push(ts.to_arc());
                b.push(Owner { tid, states, queue: Vec::new() });
            }
        }
    }

    /// Unregisters `ts`; if it was the last state of its thread id, merges what was queued —
    /// under the bucket mutex, so the thread cannot re-register (and act as owner) meanwhile.
    pub(crate) fn unregister(&self, ts: &ThreadState, tid: usize) {
        let (dead, removed) = {
            let mut b = self.bucket(tid).lock();
            let Some(pos) = b.iter().position(|o| o.tid == tid) else { return };
            let removed = b[pos].states.remove(ts);
            if !b[pos].states.is_empty() {
                drop(b);
                drop(removed);
                return;
            }
            let owner = b.swap_remove(pos);
            if broken(Mutation::BrcExitSkipsMerge) {
                std::mem::forget(owner.queue);
                (Vec::new(), removed)
            } else {
                (merge_counts(owner.queue), removed)
            }
        };
        drop(removed);
        dealloc_all(dead);
    }

    /// Takes the objects queued to `tid`.
    fn take_queue(&self, tid: usize) -> Vec<QueuedObject> {
        let mut b = self.bucket(tid).lock();
        b.iter_mut().find(|o| o.tid == tid).map(|o| std::mem::take(&mut o.queue)).unwrap_or_default()
    }
}

/// Merges each queued object (dropping the queue's reference) and returns those left with no
/// reference. Called by the owner, or for an absent owner under its bucket mutex (see
/// `register`): either way no other thread acts as the owner meanwhile.
fn merge_counts(queue: Vec<QueuedObject>) -> Vec<QueuedObject> {
    queue
        .into_iter()
        .filter(|QueuedObject(op)| {
            // SAFETY: the queue held one reference (the QUEUED mark), so the object is alive, and
            // nobody else acts as its owner (see above).
            unsafe { explicit_merge(op.as_ref(), -1) == 0 }
        })
        .collect()
}

/// Deallocates merged objects with no reference left (outside any bucket mutex: a deallocator
/// may release other objects).
fn dealloc_all(dead: Vec<QueuedObject>) {
    for QueuedObject(op) in dead {
        // SAFETY: merged count zero: no reference left.
        unsafe { dealloc(op) };
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
    let table = &unsafe { ts.as_ref() }.interp_state().memory.brc;
    let mut b = table.bucket(tid).lock();
    if let Some(owner) = b.iter_mut().find(|w| w.tid == tid) {
        owner.queue.push(QueuedObject(op));
        for s in owner.states.iter() {
            s.eval_breaker.fetch_or(EXPLICIT_MERGE_BIT, Ordering::Release);
        }
        return;
    }
    // The owner has no thread state here: merge on its behalf, under the bucket mutex, so it
    // cannot register and act as owner before the merge is complete.
    if broken(Mutation::BrcAbsentOwnerMergeUnlocked) {
        drop(b);
        dealloc_all(merge_counts(vec![QueuedObject(op)]));
        return;
    }
    let dead = merge_counts(vec![QueuedObject(op)]);
    drop(b);
    dealloc_all(dead);
}

/// The owner merges its queue (the explicit-merge breaker bit).
pub(crate) fn merge_queued(ts: &ThreadState) {
    ts.eval_breaker.fetch_and(!EXPLICIT_MERGE_BIT, Ordering::AcqRel);
    let tid = super::thread_id();
    let queue = ts.interp_state().memory.brc.take_queue(tid);
    dealloc_all(merge_counts(queue));
}
