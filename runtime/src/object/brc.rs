//! Merge queues of biased reference counting (CPython's `Python/brc.c`).
//!
//! Each interpreter has a table of the threads that own objects in it, hashed by thread id into
//! buckets with a mutex each. A non-owner whose decrement found the shared count at zero pushes
//! the object onto its owner's queue and sets the owner's explicit-merge breaker bit; the owner
//! merges at its next breaker check. When a thread state goes away it merges what was queued to
//! it and leaves the table; objects queued to a thread that is no longer in the table are merged
//! by whoever queues them.
//!
//! The table knows an owner by its breaker word (an [`AtomicUsize`] the owner polls) and the bit
//! that asks it to merge, both given by `state` when it registers a thread state; the object
//! layer never sees the thread states themselves.

use std::ptr::NonNull;

use super::header::PyObject;
use super::refcount::{dealloc, explicit_merge};
use crate::sync::{AtomicUsize, Mutation, Mutex, Ordering, broken};

const BUCKETS: usize = 16;

struct Owner {
    tid: usize,
    /// The breaker words of the thread states registered for this thread id (usually one).
    states: OwnerStates,
    queue: Vec<QueuedObject>,
}

/// A registered owner's breaker word. Valid while registered: `register`'s caller keeps it alive
/// until `unregister` returns, and every use is under the bucket mutex `unregister` takes.
#[derive(Clone, Copy, PartialEq, Eq)]
struct BreakerWord(NonNull<AtomicUsize>);
// SAFETY: an atomic, used from any thread while valid (see above).
unsafe impl Send for BreakerWord {}

/// The breaker words of one thread id: the first inline, so that registering and unregistering
/// the usual single state (every outermost `PyGILState_Ensure` / `Release` pair) allocates
/// nothing beyond the bucket's entry.
#[derive(Default)]
struct OwnerStates {
    first: Option<BreakerWord>,
    more: Vec<BreakerWord>,
}

impl OwnerStates {
    fn push(&mut self, w: BreakerWord) {
        if self.first.is_none() {
            self.first = Some(w);
        } else {
            self.more.push(w);
        }
    }

    /// Takes `w` out of the list.
    fn remove(&mut self, w: BreakerWord) {
        if self.first == Some(w) {
            self.first = self.more.pop();
        } else if let Some(pos) = self.more.iter().position(|s| *s == w) {
            self.more.swap_remove(pos);
        }
    }

    fn is_empty(&self) -> bool {
        self.first.is_none()
    }

    fn iter(&self) -> impl Iterator<Item = &BreakerWord> {
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
    /// The breaker bit that asks an owner to merge (`_PY_EVAL_EXPLICIT_MERGE_BIT`).
    merge_bit: usize,
}

impl BrcTable {
    /// A table whose owners are asked to merge by setting `merge_bit` in their breaker word.
    pub(crate) fn new(merge_bit: usize) -> Self {
        BrcTable { buckets: std::array::from_fn(|_| Mutex::new(Vec::new())), merge_bit }
    }

    fn bucket(&self, tid: usize) -> &Mutex<Vec<Owner>> {
        &self.buckets[(tid >> 4) % BUCKETS]
    }

    /// Registers the owner whose breaker word is `breaker` for thread id `tid`. Serialised
    /// (bucket mutex) with merges done on behalf of an absent owner, so once this returns no
    /// such merge is running.
    ///
    /// # Safety
    ///
    /// `breaker` must stay valid until [`BrcTable::unregister`] of it returns.
    pub(crate) unsafe fn register(&self, breaker: &AtomicUsize, tid: usize) {
        let w = BreakerWord(NonNull::from(breaker));
        let mut b = self.bucket(tid).lock();
        match b.iter_mut().find(|o| o.tid == tid) {
            Some(o) => o.states.push(w),
            None => {
                let mut states = OwnerStates::default();
                states.push(w);
                b.push(Owner { tid, states, queue: Vec::new() });
            }
        }
    }

    /// Unregisters the owner `breaker`; if it was the last of its thread id, merges what was
    /// queued — under the bucket mutex, so the thread cannot re-register (and act as owner)
    /// meanwhile. Afterwards the table no longer touches `breaker`.
    pub(crate) fn unregister(&self, breaker: &AtomicUsize, tid: usize) {
        let dead = {
            let mut b = self.bucket(tid).lock();
            let Some(pos) = b.iter().position(|o| o.tid == tid) else { return };
            b[pos].states.remove(BreakerWord(NonNull::from(breaker)));
            if !b[pos].states.is_empty() {
                return;
            }
            let owner = b.swap_remove(pos);
            if broken(Mutation::BrcExitSkipsMerge) {
                std::mem::forget(owner.queue);
                Vec::new()
            } else {
                merge_counts(owner.queue)
            }
        };
        dealloc_all(dead);
    }

    /// Drops the registration of `breaker` without merging (a thread state freed while still
    /// registered): if it was the last of its thread id, the objects queued to it keep their
    /// queue's reference for good — leaked, never freed under a reference.
    pub(crate) fn forget(&self, breaker: &AtomicUsize, tid: usize) {
        let mut b = self.bucket(tid).lock();
        let Some(pos) = b.iter().position(|o| o.tid == tid) else { return };
        b[pos].states.remove(BreakerWord(NonNull::from(breaker)));
        if b[pos].states.is_empty() {
            std::mem::forget(b.swap_remove(pos).queue);
        }
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
    let Some(at) = super::attachment::current() else {
        crate::fatal::fatal_error("Py_DECREF", "an object was released by a thread with no attached thread state");
    };
    // SAFETY: the attachment is alive while this thread stays attached (for this call).
    let table = unsafe { at.as_ref() }.brc();
    let mut b = table.bucket(tid).lock();
    if let Some(owner) = b.iter_mut().find(|w| w.tid == tid) {
        owner.queue.push(QueuedObject(op));
        for BreakerWord(word) in owner.states.iter() {
            // SAFETY: a registered word is valid while we hold its bucket mutex (`register`).
            unsafe { word.as_ref() }.fetch_or(table.merge_bit, Ordering::Release);
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

impl BrcTable {
    /// The owner whose breaker word is `breaker` merges its queue (the explicit-merge bit).
    pub(crate) fn merge_queued(&self, breaker: &AtomicUsize) {
        breaker.fetch_and(!self.merge_bit, Ordering::AcqRel);
        let queue = self.take_queue(super::thread_id());
        dealloc_all(merge_counts(queue));
    }
}
