//! The cycle collector's lists of an interpreter's tracked objects (CPython's `PyGC_Head`
//! lists, one per generation).
//!
//! An object whose type can be part of a reference cycle (it has a `traverse` slot) is
//! allocated with a 16-byte [`GcHead`] in front of it, as CPython's default build lays out GC
//! objects, and linked into the youngest generation here; freeing it unlinks it from whichever
//! list holds it (the lists are doubly linked, so a head needs no list number). The collector
//! walks the lists to find the containers of the generations it collects.
//!
//! ```text
//!  block: [GcHead { next, prev }][PyObject header ... ]
//!          ^ linked into a list   ^ what the rest of the runtime sees
//!
//!  generations: [0: young] [1] [2: old] [permanent: gc.freeze()]
//! ```
//!
//! CPython 3.13's generations (`Python/gc.c`): new objects go to generation 0; a collection of
//! generation `g` examines generations `0..=g` together — references from older generations
//! count as references from outside — and moves the survivors to generation `g + 1` (the
//! oldest keeps its own). The counts: generation 0's is the tracked objects made minus those
//! freed since its last collection; generation 1's and 2's are the collections of the
//! generation below since their own last one. `gc.freeze()` moves everything to the permanent
//! generation, which no collection examines.
use std::cell::UnsafeCell;
use std::ops::{Deref, DerefMut};
use std::ptr::NonNull;
use std::sync::atomic::{AtomicBool, Ordering};

/// The prefix of a tracked object's block.
#[repr(C)]
pub struct GcHead {
    next: *mut GcHead,
    prev: *mut GcHead,
}

/// The size of [`GcHead`], which keeps the object behind it 16-byte aligned.
pub const GC_HEAD_SIZE: usize = 16;
const _: () = assert!(size_of::<GcHead>() == GC_HEAD_SIZE);

/// The number of generations (`gc.collect(generation)` takes `0..GENERATIONS`).
pub const GENERATIONS: usize = 3;

/// The list of `gc.freeze()`'s permanent generation.
const PERMANENT: usize = GENERATIONS;

/// One generation's statistics (`gc.get_stats()`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct GenerationStats {
    /// Collections of this generation.
    pub collections: usize,
    /// Unreachable objects collected.
    pub collected: usize,
    /// Unreachable objects that could not be collected (always 0 since PEP 442).
    pub uncollectable: usize,
}

/// The collector's per-interpreter settings and counts (the `gc` module's state).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct GcSettings {
    /// `gc.isenabled()`.
    pub enabled: bool,
    /// `gc.get_threshold()`.
    pub thresholds: [usize; GENERATIONS],
    /// Collections of the generation below since this one's last collection (`get_count()[1]`,
    /// `[2]`).
    pub older_counts: [usize; GENERATIONS - 1],
    /// `gc.get_debug()`.
    pub debug: u32,
    /// `gc.get_stats()`.
    pub stats: [GenerationStats; GENERATIONS],
    /// Objects the last full collection left in the oldest generation (`long_lived_total`).
    pub long_lived_total: usize,
    /// Objects moved to the oldest generation since (`long_lived_pending`).
    pub long_lived_pending: usize,
}

struct Inner {
    /// The lists' sentinels (generations 0, 1, 2, then the permanent one), boxed so that their
    /// addresses stay put.
    sentinels: [Box<GcHead>; GENERATIONS + 1],
    /// Tracked objects in the lists.
    len: usize,
    /// Made minus freed since the last collection (may go below zero).
    young: isize,
    settings: GcSettings,
}

/// The tracked objects of one arena.
pub struct GcHeads {
    /// Held while `inner` is used: a one-word spin lock, since every tracked allocation and
    /// free takes it and holds it for a few stores (one compare-and-swap and one store, where a
    /// parking mutex costs two read-modify-writes).
    busy: AtomicBool,
    /// Set for an interpreter with a lock, which serialises every user of the list: `busy`
    /// is not taken.
    serialized: AtomicBool,
    inner: UnsafeCell<Inner>,
    /// A collection is running (collections do not nest: a finalizer's `gc.collect()` finds
    /// nothing, and no collection is scheduled meanwhile).
    collecting: AtomicBool,
}

// SAFETY: the raw links are only followed under the lock (`busy`), and the blocks they name live until
// they are unlinked (by `unlink`, before the block is freed) or the arena is dropped.
unsafe impl Send for GcHeads {}
// SAFETY: as above.
unsafe impl Sync for GcHeads {}

/// The spin lock of [`GcHeads`], held.
struct Guard<'a> {
    heads: &'a GcHeads,
    /// Whether `busy` was taken (not for a serialised list).
    locked: bool,
}

impl Deref for Guard<'_> {
    type Target = Inner;

    fn deref(&self) -> &Inner {
        // SAFETY: the lock is held (or the interpreter's lock serialises every user): no other
        // reference to `inner` exists.
        unsafe { &*self.heads.inner.get() }
    }
}

impl DerefMut for Guard<'_> {
    fn deref_mut(&mut self) -> &mut Inner {
        // SAFETY: as above.
        unsafe { &mut *self.heads.inner.get() }
    }
}

impl Drop for Guard<'_> {
    fn drop(&mut self) {
        if self.locked {
            self.heads.busy.store(false, Ordering::Release);
        }
    }
}

fn new_sentinel() -> Box<GcHead> {
    let mut sentinel = Box::new(GcHead { next: std::ptr::null_mut(), prev: std::ptr::null_mut() });
    let p: *mut GcHead = &mut *sentinel;
    sentinel.next = p;
    sentinel.prev = p;
    sentinel
}

impl Default for GcHeads {
    fn default() -> Self {
        GcHeads {
            busy: AtomicBool::new(false),
            serialized: AtomicBool::new(false),
            inner: UnsafeCell::new(Inner {
                sentinels: std::array::from_fn(|_| new_sentinel()),
                len: 0,
                young: 0,
                settings: GcSettings {
                    enabled: true,
                    thresholds: [2000, 10, 10],
                    older_counts: [0, 0],
                    debug: 0,
                    stats: [GenerationStats::default(); GENERATIONS],
                    long_lived_total: 0,
                    long_lived_pending: 0,
                },
            }),
            collecting: AtomicBool::new(false),
        }
    }
}

impl Inner {
    /// The heads of list `n`, in order.
    fn heads_of(&self, n: usize) -> Vec<NonNull<GcHead>> {
        let s: *const GcHead = &*self.sentinels[n];
        let mut out = Vec::new();
        let mut p = self.sentinels[n].next;
        while !std::ptr::eq(p, s) {
            // SAFETY: linked heads are live blocks (see the `Send` impl).
            out.push(unsafe { NonNull::new_unchecked(p) });
            // SAFETY: as above.
            p = unsafe { (*p).next };
        }
        out
    }

    /// Moves every head of list `from` to the end of list `to` (`gc_list_merge`).
    fn splice(&mut self, from: usize, to: usize) {
        if from == to {
            return;
        }
        let f: *mut GcHead = &mut *self.sentinels[from];
        let t: *mut GcHead = &mut *self.sentinels[to];
        // SAFETY: both sentinels and every head between them are linked (see the `Send` impl).
        unsafe {
            if std::ptr::eq((*f).next, f) {
                return;
            }
            let (first, last) = ((*f).next, (*f).prev);
            let tail = (*t).prev;
            (*tail).next = first;
            (*first).prev = tail;
            (*last).next = t;
            (*t).prev = last;
            (*f).next = f;
            (*f).prev = f;
        }
    }
}

impl GcHeads {
    /// Says that an interpreter lock serialises every thread that links, unlinks or reads
    /// (set once, before the first object is made).
    pub fn set_serialized(&self, serialized: bool) {
        self.serialized.store(serialized, Ordering::Relaxed);
    }

    #[inline]
    fn lock(&self) -> Guard<'_> {
        let locked = !self.serialized.load(Ordering::Relaxed);
        if locked {
            self.spin_lock();
        }
        Guard { heads: self, locked }
    }

    fn spin_lock(&self) {
        let mut spins = 0u32;
        while self.busy.compare_exchange_weak(false, true, Ordering::Acquire, Ordering::Relaxed).is_err() {
            spins += 1;
            if spins < 64 {
                std::hint::spin_loop();
            } else {
                std::thread::yield_now();
            }
        }
    }

    /// Links a new block's head into generation 0; whether a collection is due (the young
    /// count passed the first threshold while collection is enabled and none runs:
    /// `_PyObject_GC_Link`).
    ///
    /// # Safety
    ///
    /// `head` is the start of a live block of this arena, not linked yet.
    pub unsafe fn link(&self, head: NonNull<GcHead>) -> bool {
        let mut g = self.lock();
        // SAFETY: forwarded.
        unsafe { g.push(0, head) };
        g.len += 1;
        g.young += 1;
        let t = g.settings.thresholds[0];
        g.settings.enabled && t != 0 && g.young > t as isize && !self.collecting.load(Ordering::Relaxed)
    }

    /// Counts the allocation of an object with a GC head that starts untracked (an empty
    /// `dict`, as 3.13 makes them); whether a collection is due (see [`GcHeads::link`]).
    pub fn count_untracked_alloc(&self) -> bool {
        let mut g = self.lock();
        g.young += 1;
        let t = g.settings.thresholds[0];
        g.settings.enabled && t != 0 && g.young > t as isize && !self.collecting.load(Ordering::Relaxed)
    }

    /// Counts the free of an object with a GC head that is not tracked (`PyObject_GC_Del`).
    pub fn count_untracked_free(&self) {
        let mut g = self.lock();
        if g.young > 0 {
            g.young -= 1;
        }
    }

    /// Unlinks a head before its block is freed (from whichever list holds it).
    ///
    /// # Safety
    ///
    /// `head` was linked by [`GcHeads::link`] or [`GcHeads::track`] and not unlinked since.
    pub unsafe fn unlink(&self, head: NonNull<GcHead>) {
        let mut g = self.lock();
        // SAFETY: forwarded.
        unsafe { Inner::remove(head) };
        g.len -= 1;
        // CPython's count does not go below zero (`PyObject_GC_Del`).
        if g.young > 0 {
            g.young -= 1;
        }
    }

    /// Takes a live object's head off its list without counting a free (`_PyObject_GC_UNTRACK`).
    ///
    /// # Safety
    ///
    /// As for [`GcHeads::unlink`].
    pub unsafe fn untrack(&self, head: NonNull<GcHead>) {
        let mut g = self.lock();
        // SAFETY: forwarded.
        unsafe { Inner::remove(head) };
        g.len -= 1;
    }

    /// Puts an untracked object's head back on generation 0 without counting an allocation
    /// (`_PyObject_GC_TRACK`).
    ///
    /// # Safety
    ///
    /// As for [`GcHeads::link`].
    pub unsafe fn track(&self, head: NonNull<GcHead>) {
        let mut g = self.lock();
        // SAFETY: forwarded.
        unsafe { g.push(0, head) };
        g.len += 1;
    }

    /// The linked heads of generation `generation`, or of the three generations (not the
    /// permanent one), in list order.
    pub fn snapshot(&self, generation: Option<usize>) -> Vec<NonNull<GcHead>> {
        let g = self.lock();
        match generation {
            Some(n) => g.heads_of(n.min(GENERATIONS - 1)),
            None => (0..GENERATIONS).flat_map(|n| g.heads_of(n)).collect(),
        }
    }

    /// Runs `f` on the heads of generations `0..=upto`, in list order, with each head's `prev`
    /// link replaced by its number in that order, tagged (CPython keeps `gc_refs` in
    /// `PyGC_Head` the same way, with its `PREV_MASK_COLLECTING` bit): [`GcHeads::number_of`]
    /// reads it in O(1) while `f` runs and tells the collected generations' objects from older
    /// ones, whose `prev` stays a (16-byte aligned) pointer. The links are rebuilt after.
    ///
    /// # Safety
    ///
    /// `f` must not link or unlink heads (allocate or free tracked objects) — the lists' lock
    /// is held — nor read links itself.
    pub unsafe fn numbered<R>(&self, upto: usize, f: impl FnOnce(&[NonNull<GcHead>]) -> R) -> R {
        let g = self.lock();
        let lists: Vec<Vec<NonNull<GcHead>>> = (0..=upto.min(GENERATIONS - 1)).map(|n| g.heads_of(n)).collect();
        let heads: Vec<NonNull<GcHead>> = lists.iter().flatten().copied().collect();
        for (i, h) in heads.iter().enumerate() {
            // SAFETY: linked heads are live blocks (see the `Send` impl); restored below before
            // the lock is released.
            unsafe { (*h.as_ptr()).prev = ((i << 1) | 1) as *mut GcHead };
        }
        let r = f(&heads);
        for (n, list) in lists.iter().enumerate() {
            let s: *const GcHead = &*g.sentinels[n];
            let mut prev = s as *mut GcHead;
            for h in list {
                // SAFETY: as above: every head gets its predecessor back.
                unsafe { (*h.as_ptr()).prev = prev };
                prev = h.as_ptr();
            }
            // SAFETY: the sentinel is the list's.
            unsafe { (*(s as *mut GcHead)).prev = prev };
        }
        drop(g);
        r
    }

    /// A head's number inside [`GcHeads::numbered`], or `None` for a head of a generation that
    /// is not being collected.
    ///
    /// # Safety
    ///
    /// Only inside `numbered`'s `f`, on a linked head of this interpreter.
    pub unsafe fn number_of(head: NonNull<GcHead>) -> Option<usize> {
        // SAFETY: forwarded.
        let tagged = unsafe { (*head.as_ptr()).prev } as usize;
        (tagged & 1 == 1).then_some(tagged >> 1)
    }

    /// After the analysis of a collection of `generation` (still with the world stopped): the
    /// survivors of generations `0..=generation` — everything left on them; the garbage is
    /// unlinked as it is freed — move to the next older generation (`gc_list_merge(young, old)`).
    pub fn promote(&self, generation: usize) {
        let mut g = self.lock();
        let generation = generation.min(GENERATIONS - 1);
        let to = (generation + 1).min(GENERATIONS - 1);
        // As `gc_collect_main`: the younger generations join the collected one, whose
        // survivors then join the next older one.
        for n in 0..generation {
            g.splice(n, generation);
        }
        if generation == GENERATIONS - 2 {
            let moved = g.heads_of(generation).len();
            g.settings.long_lived_pending += moved;
        }
        g.splice(generation, to);
        if generation == GENERATIONS - 1 {
            g.settings.long_lived_pending = 0;
            g.settings.long_lived_total = g.heads_of(GENERATIONS - 1).len();
        }
    }

    /// A collection of `generation` ran and collected `collected` objects: the counts of the
    /// generations it examined restart, the next older one counts one more collection, and the
    /// statistics are updated.
    pub fn collected(&self, generation: usize, collected: usize) {
        let mut g = self.lock();
        let generation = generation.min(GENERATIONS - 1);
        g.young = 0;
        let s = &mut g.settings;
        for n in 1..=generation {
            s.older_counts[n - 1] = 0;
        }
        if generation + 1 < GENERATIONS {
            s.older_counts[generation] += 1;
        }
        s.stats[generation].collections += 1;
        s.stats[generation].collected += collected;
    }

    /// The generation an automatic collection examines (`gc_collect_generations`): the oldest
    /// whose count passed its threshold — except the oldest one, collected only once the
    /// objects moved into it since its last collection are a quarter of those it then kept.
    pub fn due_generation(&self) -> Option<usize> {
        let g = self.lock();
        let s = &g.settings;
        (0..GENERATIONS).rev().find(|&n| {
            let count = if n == 0 { g.young.max(0) as usize } else { s.older_counts[n - 1] };
            count > s.thresholds[n] && !(n == GENERATIONS - 1 && s.long_lived_pending < s.long_lived_total / 4)
        })
    }

    /// `gc.freeze()`: every tracked object moves to the permanent generation.
    pub fn freeze(&self) {
        let mut g = self.lock();
        for n in 0..GENERATIONS {
            g.splice(n, PERMANENT);
        }
    }

    /// `gc.unfreeze()`: the permanent generation moves back to the oldest one.
    pub fn unfreeze(&self) {
        self.lock().splice(PERMANENT, GENERATIONS - 1);
    }

    /// `gc.get_freeze_count()`.
    pub fn freeze_count(&self) -> usize {
        self.lock().heads_of(PERMANENT).len()
    }

    /// How many objects each generation holds (`DEBUG_STATS`).
    pub fn generation_sizes(&self) -> [usize; GENERATIONS] {
        let g = self.lock();
        std::array::from_fn(|n| g.heads_of(n).len())
    }

    /// Starts a collection; `false` when one is already running.
    pub fn begin_collecting(&self) -> bool {
        !self.collecting.swap(true, Ordering::Acquire)
    }

    /// Ends the collection [`GcHeads::begin_collecting`] started.
    pub fn end_collecting(&self) {
        self.collecting.store(false, Ordering::Release);
    }

    /// The settings.
    pub fn settings(&self) -> GcSettings {
        self.lock().settings
    }

    /// Changes the settings.
    pub fn update(&self, f: impl FnOnce(&mut GcSettings)) {
        f(&mut self.lock().settings)
    }

    /// `gc.get_count()[0]`: tracked objects made minus freed since the last collection.
    pub fn young(&self) -> usize {
        self.lock().young.max(0) as usize
    }

    /// Tracked objects alive.
    pub fn len(&self) -> usize {
        self.lock().len
    }

    /// Whether no object is tracked.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

impl Inner {
    /// Appends `head` to list `n`.
    ///
    /// # Safety
    ///
    /// `head` is a live block's head, on no list.
    unsafe fn push(&mut self, n: usize, head: NonNull<GcHead>) {
        let s: *mut GcHead = &mut *self.sentinels[n];
        let h = head.as_ptr();
        // SAFETY: `s` and its `prev` are linked heads (the sentinel or live blocks).
        unsafe {
            (*h).next = s;
            (*h).prev = (*s).prev;
            (*(*s).prev).next = h;
            (*s).prev = h;
        }
    }

    /// Takes `head` off its list.
    ///
    /// # Safety
    ///
    /// `head` is linked (its neighbours are linked heads); the caller holds the lock.
    unsafe fn remove(head: NonNull<GcHead>) {
        let h = head.as_ptr();
        // SAFETY: a linked head's neighbours are linked heads.
        unsafe {
            (*(*h).prev).next = (*h).next;
            (*(*h).next).prev = (*h).prev;
        }
    }
}

#[cfg(all(test, not(loom)))]
mod tests {
    use super::*;

    fn heads(n: usize) -> Vec<Box<GcHead>> {
        (0..n).map(|_| Box::new(GcHead { next: std::ptr::null_mut(), prev: std::ptr::null_mut() })).collect()
    }

    fn ptrs(blocks: &mut [Box<GcHead>]) -> Vec<NonNull<GcHead>> {
        blocks.iter_mut().map(|b| NonNull::from(&mut **b)).collect()
    }

    #[test]
    fn link_unlink_keeps_order_and_counts() {
        let l = GcHeads::default();
        let mut blocks = heads(3);
        let ptrs = ptrs(&mut blocks);
        for p in &ptrs {
            // SAFETY: fresh heads, linked once.
            assert!(!unsafe { l.link(*p) });
        }
        assert_eq!(l.snapshot(None), ptrs);
        // SAFETY: linked above.
        unsafe { l.unlink(ptrs[1]) };
        assert_eq!(l.snapshot(None), vec![ptrs[0], ptrs[2]]);
        assert_eq!((l.len(), l.young()), (2, 2));
        l.collected(0, 0);
        assert_eq!(l.young(), 0);
        // SAFETY: still linked.
        unsafe { l.unlink(ptrs[0]) };
        assert_eq!(l.young(), 0, "the count does not go below zero");
        // SAFETY: a fresh head.
        unsafe { l.link(NonNull::from(&mut *Box::leak(heads(1).remove(0)))) };
        assert_eq!(l.young(), 1, "and counts up again from zero");
    }

    #[test]
    fn threshold_schedules_past_it() {
        let l = GcHeads::default();
        l.update(|s| s.thresholds[0] = 2);
        let mut blocks = heads(4);
        // SAFETY: fresh heads, linked once each.
        let due: Vec<bool> = ptrs(&mut blocks).into_iter().map(|p| unsafe { l.link(p) }).collect();
        assert_eq!(due, vec![false, false, true, true]);
        assert!(l.begin_collecting());
        let mut more = heads(1);
        // SAFETY: a fresh head.
        assert!(!unsafe { l.link(ptrs(&mut more)[0]) }, "nothing is scheduled during a collection");
        l.end_collecting();
    }

    #[test]
    fn survivors_move_to_the_next_generation() {
        let l = GcHeads::default();
        let mut blocks = heads(3);
        let p = ptrs(&mut blocks);
        // SAFETY: fresh heads.
        unsafe { l.link(p[0]) };
        l.promote(0);
        l.collected(0, 0);
        // SAFETY: fresh heads.
        unsafe { l.link(p[1]) };
        assert_eq!(l.snapshot(Some(0)), vec![p[1]]);
        assert_eq!(l.snapshot(Some(1)), vec![p[0]]);
        assert_eq!(l.settings().older_counts, [1, 0]);
        l.promote(1);
        l.collected(1, 0);
        assert_eq!(l.snapshot(Some(2)), vec![p[0], p[1]], "the older survivors first");
        assert_eq!(l.settings().older_counts, [0, 1]);
        assert_eq!(l.settings().long_lived_pending, 2);
        // Numbering covers the collected generations only.
        // SAFETY: fresh head.
        unsafe { l.link(p[2]) };
        // SAFETY: nothing is linked or unlinked inside.
        let numbers = unsafe {
            l.numbered(0, |hs| {
                assert_eq!(hs, &[p[2]]);
                [GcHeads::number_of(p[2]), GcHeads::number_of(p[0])]
            })
        };
        assert_eq!(numbers, [Some(0), None]);
        assert_eq!(l.snapshot(None), vec![p[2], p[0], p[1]], "the links are restored");
        l.freeze();
        assert_eq!((l.freeze_count(), l.snapshot(None).len()), (3, 0));
        l.unfreeze();
        assert_eq!(l.snapshot(Some(2)).len(), 3);
    }

    #[test]
    fn the_oldest_generation_waits_for_a_quarter() {
        let l = GcHeads::default();
        l.update(|s| {
            s.thresholds = [1, 1, 1];
            s.older_counts = [0, 2];
            s.long_lived_total = 100;
            s.long_lived_pending = 10;
        });
        assert_eq!(l.due_generation(), None);
        l.update(|s| s.long_lived_pending = 25);
        assert_eq!(l.due_generation(), Some(2));
    }
}
