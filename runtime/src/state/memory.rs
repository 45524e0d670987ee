//! The memory room of an interpreter: where its objects live and how their counts settle.
//!
//! It owns the arena (the interpreter's blocks), the heap every thread allocates from when the
//! interpreter has a lock (free-threaded thread states own one heap each), biased reference
//! counting's merge queues, the reference-count strategy new objects are born with, and the
//! queue of deferred decrements — references of unbound handles dropped where the interpreter
//! was not attached, run by the next thread that attaches (or checks its breaker).
//!
//! The room hands `object` and `alloc` what they need as plain values (an [`Arena`] and a
//! [`Heap`], see [`crate::alloc::MemoryContext`]); it never calls into scheduling itself: when
//! the deferred queue stops being empty it reports so and the interpreter sets the breaker bits.

use std::ptr::NonNull;

use crate::alloc::{Arena, Heap};
use crate::object::brc::BrcTable;
use crate::object::{PyObject, RefcountStrategy};
use crate::sync::{AtomicUsize, Mutex, Ordering};

/// Arena, shared heap, merge queues and deferred decrements of one interpreter.
pub(crate) struct Memory {
    /// Where its objects live.
    pub(crate) arena: Arena,
    /// The heap all threads use when the interpreter has a lock (free-threaded: one per thread
    /// state).
    pub(crate) heap: Box<Heap>,
    /// Biased reference counting's merge queues.
    pub(crate) brc: BrcTable,
    /// How its objects count references.
    pub(crate) refcount: RefcountStrategy,
    deferred: Mutex<Vec<DeferredDecref>>,
    deferred_len: AtomicUsize,
}

struct DeferredDecref(NonNull<PyObject>);
// SAFETY: the pointer is only dereferenced by a thread attached to the object's interpreter.
unsafe impl Send for DeferredDecref {}

impl Memory {
    pub(crate) fn new(arena_limit: Option<usize>, refcount: RefcountStrategy) -> Self {
        Memory {
            arena: Arena::new(arena_limit),
            heap: Box::new(Heap::new()),
            brc: BrcTable::new(super::breaker::EXPLICIT_MERGE_BIT),
            refcount,
            deferred: Mutex::new(Vec::new()),
            deferred_len: AtomicUsize::new(0),
        }
    }

    /// Queues the decrement of an unbound handle dropped elsewhere, unless `finalized()` says
    /// the memory is gone (checked under the queue's mutex, which [`Memory::drop_deferred`] takes
    /// after finalization is published, so nothing is queued after the drop). Returns whether
    /// the queue stopped being empty: the caller then sets every thread's deferred-decref
    /// breaker bit.
    pub(crate) fn defer_decref(&self, op: NonNull<PyObject>, finalized: impl FnOnce() -> bool) -> bool {
        let mut d = self.deferred.lock();
        if finalized() {
            return false;
        }
        d.push(DeferredDecref(op));
        self.deferred_len.store(d.len(), Ordering::Release);
        d.len() == 1
    }

    /// Whether deferred decrements wait (one relaxed load, checked at attach).
    #[inline]
    pub(crate) fn has_deferred(&self) -> bool {
        self.deferred_len.load(Ordering::Relaxed) != 0
    }

    /// Runs the deferred decrements. The caller is attached to this interpreter.
    #[cold]
    pub(crate) fn run_deferred(&self) {
        let outside = crate::sync::broken(crate::sync::Mutation::DeferredLenClearedOutsideLock);
        let batch = {
            let mut d = self.deferred.lock();
            if !outside {
                self.deferred_len.store(0, Ordering::Relaxed);
            }
            std::mem::take(&mut *d)
        };
        if outside {
            self.deferred_len.store(0, Ordering::Relaxed);
        }
        for DeferredDecref(op) in batch {
            // SAFETY: each entry carries one reference of an unbound handle to an object of this
            // interpreter, which we are attached to.
            unsafe { crate::object::refcount::decref(op) };
        }
    }

    /// Forgets the deferred decrements (the interpreter is finalized: its memory goes in bulk).
    pub(crate) fn drop_deferred(&self) {
        let mut d = self.deferred.lock();
        d.clear();
        self.deferred_len.store(0, Ordering::Relaxed);
    }
}

#[cfg(all(test, not(loom)))]
mod tests {
    use super::*;

    /// Only the first decrement queued reports that the queue stopped being empty; nothing is
    /// queued once the interpreter is finalized; dropping the queue empties it. The entries are
    /// never dereferenced here (they are dropped, not run).
    #[test]
    fn deferred_queue_reports_its_first_entry_and_refuses_after_finalization() {
        let memory = Memory::new(None, RefcountStrategy::Biased);
        let op = NonNull::<PyObject>::dangling();
        assert!(!memory.has_deferred());
        assert!(memory.defer_decref(op, || false), "the first entry wakes the threads");
        assert!(!memory.defer_decref(op, || false), "later entries do not");
        assert!(memory.has_deferred());
        memory.drop_deferred();
        assert!(!memory.has_deferred());
        assert!(!memory.defer_decref(op, || true), "nothing is queued after finalization");
        assert!(!memory.has_deferred());
    }
}
