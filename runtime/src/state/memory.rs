//! The memory room of an interpreter: where its objects live and how their counts settle.
//!
//! It owns the arena (the interpreter's blocks), the heap every thread allocates from when the
//! interpreter has a lock (free-threaded thread states own one heap each), biased reference
//! counting's merge queues, the reference-count strategy new objects are born with, and the
//! queue of deferred decrements — references of unbound handles dropped where the interpreter
//! was not attached, run by the next thread that attaches (or checks its breaker).
//!
//! **Shared arenas.** An interpreter created with `use_main_obmalloc` allocates from the main
//! interpreter's arena, as CPython's share the main obmalloc state: its room holds the main
//! arena's `Arc` instead of an arena of its own, so its objects show in the main interpreter's
//! statistics. Its heaps carry its own owner tag (every interpreter gets a fresh one), which
//! keeps its blocks apart from the main interpreter's (see "Owners" in `alloc::arena`). Its
//! destruction hands its heap back and releases nothing in bulk: blocks it leaked stay
//! reserved for it (never reused while they may be alive) until the main arena is released,
//! the runtime's last step.
//!
//! The room hands `object` and `alloc` what they need as plain values (an [`Arena`] and a
//! [`Heap`], see [`crate::alloc::MemoryContext`]); it never calls into scheduling itself: when
//! the deferred queue stops being empty it reports so and the interpreter sets the breaker bits.

use std::ptr::NonNull;

use crate::alloc::{Arena, Heap};
use crate::object::brc::BrcTable;
use crate::object::{PyObject, RefcountStrategy};
use crate::sync::{Arc, AtomicUsize, Mutex, Ordering, StaticAtomicU32};

/// The next owner tag: every interpreter of the process gets its own (0 is `Heap::new`'s).
static NEXT_OWNER: StaticAtomicU32 = StaticAtomicU32::new(1);

/// Arena, shared heap, merge queues and deferred decrements of one interpreter.
pub(crate) struct Memory {
    /// Where its objects live: its own arena, or the main interpreter's (`use_main_obmalloc`).
    pub(crate) arena: Arc<Arena>,
    /// Whether `arena` is the main interpreter's (see "Shared arenas").
    shares_main_arena: bool,
    /// The owner tag of its heaps (see "Owners" in `alloc::arena`).
    owner: u32,
    /// The heap all threads use when the interpreter has a lock (free-threaded: one per thread
    /// state).
    pub(crate) heap: Box<Heap>,
    /// Biased reference counting's merge queues.
    pub(crate) brc: BrcTable,
    /// How its objects count references.
    pub(crate) refcount: RefcountStrategy,
    /// The tracked objects (the cycle collector's list). Per interpreter, not per arena: an
    /// interpreter that allocates from the main one's arena (`use_main_obmalloc`) collects only
    /// its own objects, under its own lock.
    pub(crate) gc: crate::alloc::gc_heads::GcHeads,
    deferred: Mutex<Vec<DeferredDecref>>,
    deferred_len: AtomicUsize,
    /// The reclamation domain of containers' storage (`alloc::qsbr`): the thread states of a
    /// free-threaded interpreter register with it; with a lock nobody does.
    pub(crate) qsbr: Arc<crate::alloc::qsbr::Qsbr>,
}

struct DeferredDecref(NonNull<PyObject>);
// SAFETY: the pointer is only dereferenced by a thread attached to the object's interpreter.
unsafe impl Send for DeferredDecref {}

impl Memory {
    /// A room with an arena of its own (limited to `arena_limit` bytes), or allocating from
    /// `main_arena` (see "Shared arenas").
    pub(crate) fn new(arena_limit: Option<usize>, refcount: RefcountStrategy, main_arena: Option<Arc<Arena>>) -> Self {
        let owner = NEXT_OWNER.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        Memory {
            shares_main_arena: main_arena.is_some(),
            arena: main_arena.unwrap_or_else(|| Arc::new(Arena::new(arena_limit))),
            owner,
            heap: Box::new(Heap::with_owner(owner)),
            brc: BrcTable::new(super::breaker::EXPLICIT_MERGE_BIT),
            refcount,
            gc: Default::default(),
            deferred: Mutex::new(Vec::new()),
            deferred_len: AtomicUsize::new(0),
            qsbr: Arc::new(crate::alloc::qsbr::Qsbr::new()),
        }
    }

    /// A heap for one of its free-threaded thread states.
    pub(crate) fn new_heap(&self) -> Heap {
        Heap::with_owner(self.owner)
    }

    /// Whether `obj` — not immortal — was allocated by this interpreter.
    pub(crate) fn allocated_here(&self, obj: &PyObject) -> bool {
        self.arena.allocated_by(NonNull::from(obj).cast(), self.owner)
    }

    /// Gives the memory back once the interpreter is finalized (no thread state is left): its
    /// arena in bulk — live objects and leaked cycles included — or, sharing the main
    /// interpreter's, only its heap (see "Shared arenas").
    pub(crate) fn release(&self) {
        // Retired storage first: a delayed large block is freed through its arena.
        self.qsbr.free_orphans();
        self.arena.abandon(&self.heap);
        if !self.shares_main_arena {
            // SAFETY: the interpreter is finalized: no thread can attach to it, so no block of its
            // arena is used again and no heap of it allocates again.
            unsafe { self.arena.release_all() };
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
        let memory = Memory::new(None, RefcountStrategy::Biased, None);
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

    /// An interpreter with `use_main_obmalloc` allocates in the main interpreter's arena, yet
    /// each interpreter's objects stay its own for the membership check; one with its own
    /// obmalloc has its own arena.
    #[test]
    fn the_main_arena_is_shared_and_membership_stays_per_interpreter() {
        use crate::object::handle::Py;
        use crate::{Interpreter, InterpreterConfig, Runtime};
        Runtime::initialize();
        let main = Runtime::main_interpreter().expect("the main interpreter");
        let legacy = Interpreter::new(InterpreterConfig::legacy()).expect("a legacy interpreter");
        let isolated = Interpreter::new(InterpreterConfig::isolated()).expect("an isolated interpreter");
        let make = |i: &Interpreter, v: i64| -> Py {
            i.attach(|py| crate::object::new_int(py, v).expect("an int").unbind()).expect("attached")
        };
        let (in_main, in_legacy, in_isolated) =
            (make(&main, 10_000_001), make(&legacy, 10_000_002), make(&isolated, 10_000_003));
        // SAFETY: each handle keeps its object alive; only the header's address is read.
        let obj = |p: &Py| unsafe { p.as_ptr().as_ref() };
        let (m, l, s) = (&main.state().memory, &legacy.state().memory, &isolated.state().memory);
        assert!(std::ptr::eq(&*m.arena, &*l.arena), "the legacy interpreter uses the main arena");
        assert!(!std::ptr::eq(&*m.arena, &*s.arena), "the isolated one has its own");
        assert!(m.arena.owns(NonNull::from(obj(&in_legacy)).cast()));
        assert!(m.allocated_here(obj(&in_main)) && !m.allocated_here(obj(&in_legacy)));
        assert!(l.allocated_here(obj(&in_legacy)) && !l.allocated_here(obj(&in_main)));
        assert!(s.allocated_here(obj(&in_isolated)) && !s.allocated_here(obj(&in_main)));
        assert!(!m.allocated_here(obj(&in_isolated)) && !l.allocated_here(obj(&in_isolated)));
        for (i, p) in [(&main, in_main), (&legacy, in_legacy), (&isolated, in_isolated)] {
            i.attach(|py| drop(p.bind(py))).expect("attached");
        }
        legacy.destroy().expect("destroyed");
        isolated.destroy().expect("destroyed");
    }
}
