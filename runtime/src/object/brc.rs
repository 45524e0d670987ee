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
//!
//! # Parked owners
//!
//! A thread state that goes dormant (`state::thread_state`, "Dormant GILState states") is gone
//! as far as anything can see, and comes back as a new state on the same thread. Instead of
//! leaving the table and entering it again — a bucket mutex each way — it stays registered but
//! **parked**: [`BrcTable::park`] sets [`ABSENT_BIT`] in its breaker word with one atomic OR,
//! and [`BrcTable::unpark`] clears it. A stranger that queues an object ORs the merge bit into
//! every registered word of the owner's thread under the bucket mutex and reads back the old
//! values; if every one was parked, the owner has no live state, so the stranger takes its
//! object back off the queue and merges it at once, under the same mutex — exactly what it does
//! for an unregistered thread. The two read-modify-writes of one word are totally ordered:
//!
//! * the stranger's OR first: the owner's park sees the merge bit and merges the queue (bucket
//!   mutex), as a leaving state does (gh-119585, `_Py_brc_remove_thread`);
//! * the park first: the stranger sees the owner parked and merges on its behalf.
//!
//! Unparking is the mirror image: if the merge bit was set while parked, a stranger may be
//! merging on the owner's behalf right now (it holds the bucket mutex while it does), so the
//! owner takes and drops the bucket mutex before it counts locally again; strangers that come
//! after the unpark see it present and queue normally. Without a stranger in between, parking
//! and unparking are one atomic each and no mutex. `loom-tests/tests/brc_parked_owner.rs`
//! models both transitions against a stranger's drop.

use std::ptr::NonNull;

use super::header::PyObject;
use super::refcount::{dealloc, explicit_merge};
use crate::sync::{AtomicUsize, Mutation, Mutex, Ordering, broken};

const BUCKETS: usize = 16;

/// The bit of a registered breaker word that says its thread state is parked (see "Parked
/// owners"): the top bit, outside the event bits the eval loop tests and far above the
/// instrumentation version's range.
pub(crate) const ABSENT_BIT: usize = 1 << (usize::BITS - 1);

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
                if broken(Mutation::BrcExitSkipsMerge) || !all_parked(&b[pos].states) {
                    return;
                }
                // Only parked states are left: nobody live would merge what was queued while
                // this one was present.
                merge_counts(std::mem::take(&mut b[pos].queue))
            } else {
                let owner = b.swap_remove(pos);
                if broken(Mutation::BrcExitSkipsMerge) {
                    std::mem::forget(owner.queue);
                    Vec::new()
                } else {
                    merge_counts(owner.queue)
                }
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

    /// Parks the registered owner `breaker` of thread `tid` (its thread state goes dormant; see
    /// "Parked owners"): from now on a stranger that finds every state of `tid` parked merges at
    /// once. Merges what was queued before. Called by the owner, attached. Returns whether it
    /// took the merge path (which may have run deallocators).
    pub(crate) fn park(&self, breaker: &AtomicUsize, tid: usize) -> bool {
        let old = breaker.fetch_or(ABSENT_BIT, Ordering::AcqRel);
        if old & self.merge_bit == 0 || broken(Mutation::BrcParkSkipsMerge) {
            return false;
        }
        let dead = {
            let mut b = self.bucket(tid).lock();
            match b.iter_mut().find(|o| o.tid == tid) {
                Some(o) if all_parked(&o.states) => merge_counts(std::mem::take(&mut o.queue)),
                _ => Vec::new(),
            }
        };
        dealloc_all(dead);
        true
    }

    /// Unparks the owner `breaker` of thread `tid` and clears its whole breaker word (the
    /// revived thread state starts with a clean breaker); once this returns, no merge on the
    /// parked owner's behalf is running. Called by the owner before it counts locally.
    pub(crate) fn unpark(&self, breaker: &AtomicUsize, tid: usize) {
        let old = breaker.swap(0, Ordering::AcqRel);
        if old & self.merge_bit != 0 && !broken(Mutation::BrcUnparkSkipsWait) {
            // A stranger that saw us parked merges under the bucket mutex: wait it out.
            drop(self.bucket(tid).lock());
        }
    }

    /// Takes the objects queued to `tid`.
    fn take_queue(&self, tid: usize) -> Vec<QueuedObject> {
        let mut b = self.bucket(tid).lock();
        b.iter_mut().find(|o| o.tid == tid).map(|o| std::mem::take(&mut o.queue)).unwrap_or_default()
    }
}

/// Whether every state in `states` is parked (read under their bucket mutex).
fn all_parked(states: &OwnerStates) -> bool {
    states.iter().all(|BreakerWord(word)| {
        // SAFETY: a registered word is valid while we hold its bucket mutex (`register`).
        unsafe { word.as_ref() }.load(Ordering::Acquire) & ABSENT_BIT != 0
    })
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
        let mut present = false;
        for BreakerWord(word) in owner.states.iter() {
            // SAFETY: a registered word is valid while we hold its bucket mutex (`register`).
            let old = unsafe { word.as_ref() }.fetch_or(table.merge_bit, Ordering::AcqRel);
            present |= old & ABSENT_BIT == 0;
        }
        if present || broken(Mutation::BrcParkedOwnerQueues) {
            return;
        }
        // Every state of the owner is parked (see "Parked owners"): none will look at the
        // queue, so take the object back and merge it here, as for an absent owner.
        owner.queue.pop();
    }
    // The owner has no live thread state here: merge on its behalf, under the bucket mutex, so
    // it cannot register (or unpark) and act as owner before the merge is complete.
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

#[cfg(all(test, not(loom)))]
mod tests {
    use std::ptr::NonNull;
    use std::sync::mpsc;

    use crate::Runtime;
    use crate::object::header::PyObject;
    use crate::object::list::new_list;
    use crate::object::refcount::{decref, incref};
    use crate::state::{gilstate, thread_state};
    use crate::sync::Ordering;

    /// An object pointer handed between the test's threads with one reference.
    struct Handed(NonNull<PyObject>);
    // SAFETY: the reference travels with the pointer; each side uses it attached.
    unsafe impl Send for Handed {}

    /// A GILState state that goes dormant is parked, not unregistered: a stranger's drop of an
    /// object its thread owns merges at once (as for a thread with no state; the object is then
    /// plain shared), and the revived state — the same memory, still registered — counts again.
    #[test]
    fn a_parked_owners_object_is_merged_by_the_stranger_at_once() {
        Runtime::initialize();
        let (to_stranger, from_owner) = mpsc::channel::<Handed>();
        let (to_owner, from_stranger) = mpsc::channel::<()>();
        let owner = std::thread::spawn(move || {
            let outer = gilstate::ensure();
            let first = thread_state::current().unwrap();
            let obj = new_list(Vec::new()).unwrap().into_raw();
            // SAFETY: our reference keeps it alive.
            let tid = unsafe { obj.as_ref() }.ob_tid.load(Ordering::Relaxed);
            assert_eq!(tid, crate::object::thread_id(), "owned by this thread");
            // SAFETY: as above; one more reference, handed to the stranger.
            incref(unsafe { obj.as_ref() });
            to_stranger.send(Handed(obj)).unwrap();
            // SAFETY: test code: matches the ensure above; no Python token is in use.
            unsafe { gilstate::release(outer) };
            assert!(gilstate::get_this_thread_state().is_none(), "the state is gone (dormant)");
            from_stranger.recv().unwrap();
            let outer = gilstate::ensure();
            assert_eq!(thread_state::current(), Some(first), "the dormant memory is revived");
            // SAFETY: our reference keeps it alive.
            let o = unsafe { obj.as_ref() };
            assert_eq!(o.ob_tid.load(Ordering::Relaxed), 0, "the stranger merged the object at once");
            // SAFETY: our reference, dropped once (the shared path: the object was merged).
            unsafe { decref(obj) };
            // The revived state is still registered as this thread's owner: an object it makes
            // now is owned, and queued to it by a stranger (not merged at once).
            let again = new_list(Vec::new()).unwrap().into_raw();
            // SAFETY: our reference keeps it alive; one more, handed over.
            incref(unsafe { again.as_ref() });
            to_stranger.send(Handed(again)).unwrap();
            // Detached while the stranger runs (it needs the lock).
            // SAFETY: test code: no Python token is in use; restored right after.
            let me = unsafe { thread_state::save_thread() };
            from_stranger.recv().unwrap();
            // SAFETY: the state saved above, alive (only this thread deletes it).
            unsafe { thread_state::restore_thread(me) };
            // SAFETY: our reference keeps it alive.
            let a = unsafe { again.as_ref() };
            assert_eq!(a.ob_tid.load(Ordering::Relaxed), crate::object::thread_id(), "queued to a live owner");
            // SAFETY: the attached state's breaker check merges what was queued to it.
            unsafe { crate::state::breaker::check_eval_breaker(thread_state::current().unwrap().as_ref()) }.unwrap();
            assert_eq!(a.ob_tid.load(Ordering::Relaxed), 0, "merged by its owner");
            // SAFETY: our reference, dropped once.
            unsafe { decref(again) };
            // SAFETY: test code: matches the ensure above.
            unsafe { gilstate::release(outer) };
        });
        for _ in 0..2 {
            let Handed(obj) = from_owner.recv().unwrap();
            crate::attach(|_py| {
                // SAFETY: the reference handed to us, dropped once while attached.
                unsafe { decref(obj) }
            });
            to_owner.send(()).unwrap();
        }
        owner.join().unwrap();
    }
}
