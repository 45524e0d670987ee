//! Quiescent-state-based reclamation (CPython 3.13's `Python/qsbr.c`): freeing memory that
//! threads may still be reading without a lock, once every such reader has passed a point where
//! it holds no pointer into it.
//!
//! A free-threaded container's lock-free reader loads the storage pointer (a list's item array,
//! a dict's table) and reads through it while a writer, in the container's critical section,
//! may swap in new storage. The writer cannot free the old storage at once; it *retires* it, and
//! the storage is freed when no reader can still hold it.
//!
//! ```text
//!  Qsbr (one per interpreter)          wr_seq: 1, 3, 5, ...  (advanced by 2 at each retire)
//!    slots: [ seq of thread A, seq of thread B, ... ]   0 = offline (detached)
//!
//!  writer:  swap pointer; goal = advance(); retired.push((goal, old))
//!  reader:  at a quiescent point (breaker check, attach): seq = wr_seq   (Release)
//!           at detach: seq = 0 (offline: it holds nothing and holds nobody back)
//!  poll:    rd_seq = min(seq of every online slot)  (Acquire; wr_seq when all are offline)
//!           free every retired item with goal <= rd_seq
//! ```
//!
//! Why it is safe: a reader holds storage pointers only between two quiescent points. If its
//! slot shows `seq >= goal`, it stored that value after the writer's `advance` made `goal` the
//! write sequence, hence after the pointer swap that preceded it: every pointer it loaded since
//! is a new one, and its reads of older ones happened before that Release store, which the
//! poller's Acquire load orders before the free. A slot that is offline holds nothing; a thread
//! that comes online stores the current write sequence with a `SeqCst` fence before it loads any
//! pointer, so a poller that saw it offline (and so did not wait for it) made its swap visible
//! first (the fences of [`QsbrThread::online`] and [`QsbrThread::retire`] order the two).
//!
//! The retire list is per thread (no synchronisation to push); a thread that goes away hands
//! what it still holds to the interpreter's orphan list, which every poll also drains. What is
//! left when the [`Qsbr`] itself goes — every thread gone — is freed then.
//!
//! CPython batches advances (`_Py_qsbr_deferred_advance`) and caches the minimum (`rd_seq`);
//! pyrt caches the minimum too and advances at every retire (retires are rare: a container's
//! storage is retired only when it is reallocated).

use crate::sync::{Arc, AtomicBool, AtomicU64, Mutex, Ordering, fence};

/// The first write sequence (CPython's `QSBR_INITIAL`); sequences are odd and advance by 2, so
/// `0` can mean offline.
const INITIAL: u64 = 1;
/// How much a retire advances the write sequence (`QSBR_INCR`).
const INCR: u64 = 2;
/// A slot's sequence while its thread is detached (`QSBR_OFFLINE`).
const OFFLINE: u64 = 0;

/// Something retired: dropping it frees the storage.
type Item = Box<dyn Send>;

/// An item and the write sequence every online reader must have reached before it is dropped.
struct Retired {
    goal: u64,
    /// Held only to be dropped (which frees the storage).
    _item: Item,
}

/// One thread's read sequence (CPython's `struct _qsbr_thread_state`'s `seq`).
struct Slot {
    seq: AtomicU64,
}

/// The interpreter's part (`struct _qsbr_shared`).
pub struct Qsbr {
    wr_seq: AtomicU64,
    /// The last minimum computed by a poll (a goal at or below it needs no new scan).
    rd_seq: AtomicU64,
    slots: Mutex<Vec<Arc<Slot>>>,
    /// Items of threads that went away before they could free them.
    orphans: Mutex<Vec<Retired>>,
    /// Whether `orphans` may be non-empty (read without the mutex at attach).
    has_orphans: AtomicBool,
}

impl Default for Qsbr {
    fn default() -> Self {
        Self::new()
    }
}

impl Qsbr {
    /// A new domain (one per free-threaded interpreter).
    pub fn new() -> Qsbr {
        Qsbr {
            wr_seq: AtomicU64::new(INITIAL),
            rd_seq: AtomicU64::new(INITIAL),
            slots: Mutex::new(Vec::new()),
            orphans: Mutex::new(Vec::new()),
            has_orphans: AtomicBool::new(false),
        }
    }

    /// Registers a thread (offline until [`QsbrThread::online`]).
    pub fn register(self: &Arc<Self>) -> QsbrThread {
        let slot = Arc::new(Slot { seq: AtomicU64::new(OFFLINE) });
        self.slots.lock().push(slot.clone());
        QsbrThread { shared: self.clone(), slot, retired: Vec::new(), poll_countdown: POLL_INTERVAL, left: false }
    }

    /// The write sequence now.
    pub fn write_sequence(&self) -> u64 {
        self.wr_seq.load(Ordering::Acquire)
    }

    /// Makes a new goal: the write sequence after this retire (`_Py_qsbr_advance`).
    fn advance(&self) -> u64 {
        self.wr_seq.fetch_add(INCR, Ordering::SeqCst) + INCR
    }

    /// Whether every online thread has passed `goal` (`_Py_qsbr_poll`).
    fn reached(&self, goal: u64) -> bool {
        if crate::sync::broken(crate::sync::Mutation::QsbrFreeWithoutWaiting) {
            return true;
        }
        if goal <= self.rd_seq.load(Ordering::Acquire) {
            return true;
        }
        // A poller that missed a thread coming online must have published its swap first
        // (see the module docs): this fence pairs with the one in `online`.
        fence(Ordering::SeqCst);
        let mut min = self.wr_seq.load(Ordering::Acquire);
        for slot in self.slots.lock().iter() {
            let seq = slot.seq.load(Ordering::Acquire);
            if seq != OFFLINE && seq < min {
                min = seq;
            }
        }
        self.rd_seq.fetch_max(min, Ordering::AcqRel);
        goal <= min
    }

    /// Whether items of departed threads may wait to be freed (a hint, read without a lock).
    pub fn has_orphans(&self) -> bool {
        self.has_orphans.load(Ordering::Relaxed)
    }

    /// How many threads are registered (for tests and statistics).
    pub fn threads(&self) -> usize {
        self.slots.lock().len()
    }

    /// Frees every orphaned item now, reached or not: for the interpreter's teardown, when no
    /// thread is registered any more (nobody can read them), before its arena goes (a retired
    /// large object's block must be freed while its arena lives). Returns how many were freed.
    pub fn free_orphans(&self) -> usize {
        let orphans = std::mem::take(&mut *self.orphans.lock());
        self.has_orphans.store(false, Ordering::Relaxed);
        // Dropped outside the lock (a destructor may free more).
        orphans.len()
    }

    /// How many items wait in the orphan list (for tests and statistics).
    pub fn orphans(&self) -> usize {
        self.orphans.lock().len()
    }
}

/// One thread's part: its read sequence and its retire list. Owned by the thread state and used
/// only by the thread it is attached on.
pub struct QsbrThread {
    shared: Arc<Qsbr>,
    slot: Arc<Slot>,
    retired: Vec<Retired>,
    /// Quiescent points left before [`QsbrThread::quiescent_and_maybe_poll`] scans again.
    poll_countdown: u32,
    /// Whether it has left the domain ([`QsbrThread::leave`]).
    left: bool,
}

/// How many quiescent points (breaker checks) pass between two scans while this thread holds
/// retired items: a scan locks the slot list, a quiescent report is one load and one store.
const POLL_INTERVAL: u32 = 64;
/// A retire that leaves this many items pending polls at once (CPython processes its queue when
/// a chunk fills).
const RETIRE_POLL_THRESHOLD: usize = 16;

impl QsbrThread {
    /// The domain this thread belongs to.
    pub fn shared(&self) -> &Arc<Qsbr> {
        &self.shared
    }

    /// The thread attaches (`_Py_qsbr_attach`): it is online from now on and holds nothing yet.
    pub fn online(&self) {
        self.slot.seq.store(self.shared.wr_seq.load(Ordering::Acquire), Ordering::SeqCst);
        // No storage pointer is loaded before the slot is visible (see the module docs).
        fence(Ordering::SeqCst);
    }

    /// The thread detaches (`_Py_qsbr_detach`): it holds no pointer and holds nobody back.
    pub fn offline(&self) {
        self.slot.seq.store(OFFLINE, Ordering::Release);
    }

    /// The thread is at a quiescent point (`_Py_qsbr_quiescent_state`): every pointer it read
    /// before is dropped.
    pub fn quiescent(&self) {
        let seq = self.shared.wr_seq.load(Ordering::Acquire);
        self.slot.seq.store(seq, Ordering::Release);
    }

    /// Retires `item` (storage a writer just unlinked): it is dropped by a later [`poll`] once
    /// every online thread has passed a quiescent point.
    ///
    /// [`poll`]: QsbrThread::poll
    pub fn retire(&mut self, item: Item) {
        // The swap that unlinked the item is ordered before the new goal, and before the slots
        // a poll reads.
        fence(Ordering::SeqCst);
        let goal = self.shared.advance();
        if self.left {
            // Retired after the thread left (its state is being deleted and still runs object
            // code): the interpreter's orphan list keeps it until the other threads pass.
            self.shared.orphans.lock().push(Retired { goal, _item: item });
            self.shared.has_orphans.store(true, Ordering::Relaxed);
            return;
        }
        self.retired.push(Retired { goal, _item: item });
        if self.retired.len() >= RETIRE_POLL_THRESHOLD {
            self.poll();
        }
    }

    /// At a breaker check (CPython's `QSBR_QUIESCENT_STATE` in `CHECK_EVAL_BREAKER`): records the
    /// quiescent point, and every [`POLL_INTERVAL`] such points, while it holds retired items,
    /// frees what every online thread has passed. Returns how many items were freed. With
    /// nothing pending it is one load and one store: no mutex (orphans wait for an attach, a
    /// retire or a poll of a thread that holds items).
    #[inline]
    pub fn quiescent_and_maybe_poll(&mut self) -> usize {
        self.quiescent();
        if self.retired.is_empty() {
            return 0;
        }
        self.poll_countdown -= 1;
        if self.poll_countdown != 0 {
            return 0;
        }
        self.poll_countdown = POLL_INTERVAL;
        self.poll()
    }

    /// How many items this thread has retired and not yet freed.
    pub fn pending(&self) -> usize {
        self.retired.len()
    }

    /// At a quiescent point: records it, then frees what every online thread has passed
    /// (this thread's items, then the orphans). Returns how many items were freed.
    pub fn quiescent_and_poll(&mut self) -> usize {
        self.quiescent();
        self.poll()
    }

    /// Frees what every online thread has passed (this thread's items, then the orphans),
    /// without reporting a quiescent point. Returns how many items were freed.
    pub fn poll(&mut self) -> usize {
        let shared = self.shared.clone();
        // The goals of one thread's items grow in retire order and "reached" is monotone in the
        // goal, so the items that may go are a prefix: the scan stops at the first goal not
        // reached (one `reached` per poll while nothing can go — a retire storm inside one
        // instruction costs O(1) per retire, not a scan of everything pending).
        let done = self.retired.iter().take_while(|r| shared.reached(r.goal)).count();
        self.retired.drain(..done);
        let mut freed = done;
        if !shared.has_orphans() {
            // Nothing orphaned (the usual case): no mutex.
            return freed;
        }
        let ready: Vec<Retired> = {
            let mut orphans = shared.orphans.lock();
            if orphans.is_empty() {
                Vec::new()
            } else {
                let (ready, kept): (Vec<Retired>, Vec<Retired>) =
                    std::mem::take(&mut *orphans).into_iter().partition(|r| shared.reached(r.goal));
                *orphans = kept;
                shared.has_orphans.store(!orphans.is_empty(), Ordering::Relaxed);
                ready
            }
        };
        freed += ready.len();
        // Dropped outside every lock (a destructor may free more).
        drop(ready);
        freed
    }
}

/// A thread state's [`QsbrThread`]: shared with the state (which other threads read), used
/// only by the thread the state is attached on.
pub struct ThreadCell(std::cell::UnsafeCell<QsbrThread>);

// SAFETY: the contents are used only by the thread the owning state is attached on (or, once
// the state is detached, by the thread deleting it): `ThreadCell::get`'s contract.
unsafe impl Sync for ThreadCell {}

impl ThreadCell {
    /// Wraps a registered thread's part.
    pub fn new(thread: QsbrThread) -> Self {
        ThreadCell(std::cell::UnsafeCell::new(thread))
    }

    /// The thread's part.
    ///
    /// # Safety
    ///
    /// The caller is the thread the owning state is attached on (or the one deleting the
    /// detached state), and no other borrow from this cell is live.
    #[allow(clippy::mut_from_ref)]
    #[inline]
    pub unsafe fn get(&self) -> &mut QsbrThread {
        // SAFETY: forwarded to the caller.
        unsafe { &mut *self.0.get() }
    }
}

impl QsbrThread {
    /// The thread leaves the domain (its thread state is deleted): offline for good, out of the
    /// slot list, its pending items handed to the orphan list. Idempotent; dropping does it too.
    pub fn leave(&mut self) {
        if self.left {
            return;
        }
        self.left = true;
        self.offline();
        self.shared.slots.lock().retain(|s| !Arc::ptr_eq(s, &self.slot));
        let left = std::mem::take(&mut self.retired);
        if !left.is_empty() {
            let mut orphans = self.shared.orphans.lock();
            orphans.extend(left);
            self.shared.has_orphans.store(true, Ordering::Relaxed);
        }
    }
}

impl Drop for QsbrThread {
    fn drop(&mut self) {
        self.leave();
    }
}

#[cfg(all(test, not(loom)))]
mod tests {
    use super::*;
    use std::sync::atomic::AtomicUsize;

    /// Counts its drops: a retired item that was freed.
    struct Freed(Arc<AtomicUsize>);
    impl Drop for Freed {
        fn drop(&mut self) {
            self.0.fetch_add(1, Ordering::SeqCst);
        }
    }

    fn item(count: &Arc<AtomicUsize>) -> Item {
        Box::new(Freed(count.clone()))
    }

    #[test]
    fn an_item_waits_for_every_online_reader() {
        let q = Arc::new(Qsbr::new());
        let freed = Arc::new(AtomicUsize::new(0));
        let (mut writer, reader) = (q.register(), q.register());
        writer.online();
        reader.online();
        writer.retire(item(&freed));
        assert_eq!(writer.quiescent_and_poll(), 0, "the reader has not passed a quiescent point");
        assert_eq!(freed.load(Ordering::SeqCst), 0);
        reader.quiescent();
        assert_eq!(writer.quiescent_and_poll(), 1);
        assert_eq!(freed.load(Ordering::SeqCst), 1);
    }

    #[test]
    fn offline_readers_hold_nothing_back() {
        let q = Arc::new(Qsbr::new());
        let freed = Arc::new(AtomicUsize::new(0));
        let (mut writer, reader) = (q.register(), q.register());
        writer.online();
        reader.online();
        writer.retire(item(&freed));
        reader.offline();
        assert_eq!(writer.quiescent_and_poll(), 1);
        // Online again with the current sequence: a new retire waits for it again.
        reader.online();
        writer.retire(item(&freed));
        assert_eq!(writer.quiescent_and_poll(), 0);
        assert_eq!(writer.pending(), 1);
    }

    #[test]
    fn an_item_retired_after_leaving_waits_in_the_orphans() {
        let q = Arc::new(Qsbr::new());
        let freed = Arc::new(AtomicUsize::new(0));
        let (mut gone, mut reader) = (q.register(), q.register());
        gone.online();
        reader.online();
        gone.leave();
        gone.retire(item(&freed));
        assert_eq!((gone.pending(), q.orphans()), (0, 1));
        drop(gone);
        assert_eq!(freed.load(Ordering::SeqCst), 0, "the reader is online and has not passed");
        assert_eq!(reader.quiescent_and_poll(), 1);
        assert_eq!(freed.load(Ordering::SeqCst), 1);
    }

    #[test]
    fn a_departing_thread_leaves_its_items_to_the_others() {
        let q = Arc::new(Qsbr::new());
        let freed = Arc::new(AtomicUsize::new(0));
        let (mut writer, mut other) = (q.register(), q.register());
        writer.online();
        other.online();
        writer.retire(item(&freed));
        other.quiescent();
        drop(writer);
        assert_eq!(q.orphans(), 1);
        assert_eq!(other.quiescent_and_poll(), 1);
        assert_eq!((q.orphans(), freed.load(Ordering::SeqCst)), (0, 1));
        // What nobody polls is freed with the domain.
        let mut last = q.register();
        last.retire(item(&freed));
        drop((other, last));
        drop(q);
        assert_eq!(freed.load(Ordering::SeqCst), 2);
    }
}
