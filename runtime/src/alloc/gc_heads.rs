//! The cycle collector's list of an arena's tracked objects (CPython's `PyGC_Head` list).
//!
//! An object whose type can be part of a reference cycle (it has a `traverse` slot) is
//! allocated with a 16-byte [`GcHead`] in front of it, as CPython's default build lays out GC
//! objects, and linked into its interpreter's list here; freeing it unlinks it. The collector
//! walks the list to find every container of the interpreter.
//!
//! ```text
//!  block: [GcHead { next, prev }][PyObject header ... ]
//!          ^ linked into GcHeads  ^ what the rest of the runtime sees
//! ```
//!
//! The list also counts the tracked objects made minus those freed since the last collection
//! (CPython's generation-0 count), which schedules automatic collections: past the first
//! threshold and as many as the objects the last collection left.

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

/// The collector's per-interpreter settings and counts (the `gc` module's state).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct GcSettings {
    /// `gc.isenabled()`.
    pub enabled: bool,
    /// `gc.get_threshold()`.
    pub thresholds: [usize; 3],
    /// Collections since the last "older" ones (`get_count()[1]`, `[2]`).
    pub older_counts: [usize; 2],
}

struct Inner {
    /// The list's sentinel, boxed so that its address stays put.
    sentinel: Box<GcHead>,
    /// Tracked objects in the list.
    len: usize,
    /// Made minus freed since the last collection (may go below zero).
    young: isize,
    /// Tracked objects left by the last collection.
    survivors: usize,
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
    /// nothing).
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

impl Default for GcHeads {
    fn default() -> Self {
        let mut sentinel = Box::new(GcHead { next: std::ptr::null_mut(), prev: std::ptr::null_mut() });
        let p: *mut GcHead = &mut *sentinel;
        sentinel.next = p;
        sentinel.prev = p;
        GcHeads {
            busy: AtomicBool::new(false),
            serialized: AtomicBool::new(false),
            inner: UnsafeCell::new(Inner {
                sentinel,
                len: 0,
                young: 0,
                survivors: 0,
                settings: GcSettings { enabled: true, thresholds: [2000, 10, 10], older_counts: [0, 0] },
            }),
            collecting: AtomicBool::new(false),
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

    /// Links a new block's head; whether a collection is due (the young count passed the
    /// first threshold while collection is enabled).
    ///
    /// # Safety
    ///
    /// `head` is the start of a live block of this arena, not linked yet.
    pub unsafe fn link(&self, head: NonNull<GcHead>) -> bool {
        let mut g = self.lock();
        let s: *mut GcHead = &mut *g.sentinel;
        let h = head.as_ptr();
        // SAFETY: `s` and its `prev` are linked heads (the sentinel or live blocks).
        unsafe {
            (*h).next = s;
            (*h).prev = (*s).prev;
            (*(*s).prev).next = h;
            (*s).prev = h;
        }
        g.len += 1;
        g.young += 1;
        let t = g.settings.thresholds[0];
        // Every collection is a full one, so — like CPython's rule for its oldest generation,
        // which waits for a quarter — one is due only once the young objects are as many as
        // the survivors: a growing heap is scanned about twice per object (amortised linear;
        // CPython's young collections, which pyrt does not have, make its quarter cheap).
        let due = t.max(g.survivors);
        g.settings.enabled && t != 0 && g.young == due as isize + 1
    }

    /// Unlinks a head before its block is freed.
    ///
    /// # Safety
    ///
    /// `head` was linked by [`GcHeads::link`] and not unlinked since.
    pub unsafe fn unlink(&self, head: NonNull<GcHead>) {
        let mut g = self.lock();
        let h = head.as_ptr();
        // SAFETY: a linked head's neighbours are linked heads.
        unsafe {
            (*(*h).prev).next = (*h).next;
            (*(*h).next).prev = (*h).prev;
        }
        g.len -= 1;
        g.young -= 1;
    }

    /// Every linked head, in allocation order.
    pub fn snapshot(&self) -> Vec<NonNull<GcHead>> {
        let g = self.lock();
        let s: *const GcHead = &*g.sentinel;
        let mut out = Vec::with_capacity(g.len);
        let mut p = g.sentinel.next;
        while !std::ptr::eq(p, s) {
            // SAFETY: linked heads are live blocks (see the `Send` impl).
            out.push(unsafe { NonNull::new_unchecked(p) });
            // SAFETY: as above.
            p = unsafe { (*p).next };
        }
        out
    }

    /// Runs `f` on every linked head, in list order, with each head's `prev` link replaced by
    /// its number in that order (CPython keeps `gc_refs` in `PyGC_Head` the same way):
    /// [`GcHeads::number_of`] reads it in O(1) while `f` runs; the links are rebuilt after.
    ///
    /// # Safety
    ///
    /// `f` must not link or unlink heads (allocate or free tracked objects) — the list's lock
    /// is held — nor read links itself.
    pub unsafe fn numbered<R>(&self, f: impl FnOnce(&[NonNull<GcHead>]) -> R) -> R {
        let mut g = self.lock();
        let s: *mut GcHead = &mut *g.sentinel;
        let mut heads = Vec::with_capacity(g.len);
        let mut p = g.sentinel.next;
        while !std::ptr::eq(p, s) {
            // SAFETY: linked heads are live blocks (see the `Send` impl).
            heads.push(unsafe { NonNull::new_unchecked(p) });
            // SAFETY: as above.
            p = unsafe { (*p).next };
        }
        for (i, h) in heads.iter().enumerate() {
            // SAFETY: as above; restored below before the lock is released.
            unsafe { (*h.as_ptr()).prev = i as *mut GcHead };
        }
        let r = f(&heads);
        let mut prev = s;
        for h in &heads {
            // SAFETY: as above: every head gets its predecessor back.
            unsafe { (*h.as_ptr()).prev = prev };
            prev = h.as_ptr();
        }
        // SAFETY: the sentinel is the list's.
        unsafe { (*s).prev = prev };
        drop(g);
        r
    }

    /// A head's number inside [`GcHeads::numbered`].
    ///
    /// # Safety
    ///
    /// Only inside `numbered`'s `f`, on a head of this list.
    pub unsafe fn number_of(head: NonNull<GcHead>) -> usize {
        // SAFETY: forwarded.
        unsafe { (*head.as_ptr()).prev as usize }
    }

    /// A collection ran: the young count restarts and the older counts advance as CPython's
    /// generations would.
    pub fn collected(&self) {
        let mut g = self.lock();
        g.young = 0;
        g.survivors = g.len;
        let s = &mut g.settings;
        s.older_counts[0] += 1;
        if s.thresholds[1] != 0 && s.older_counts[0] > s.thresholds[1] {
            s.older_counts[0] = 0;
            s.older_counts[1] += 1;
        }
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

#[cfg(all(test, not(loom)))]
mod tests {
    use super::*;

    #[test]
    fn link_unlink_keeps_order_and_counts() {
        let l = GcHeads::default();
        let mut blocks: Vec<Box<GcHead>> =
            (0..3).map(|_| Box::new(GcHead { next: std::ptr::null_mut(), prev: std::ptr::null_mut() })).collect();
        let ptrs: Vec<NonNull<GcHead>> = blocks.iter_mut().map(|b| NonNull::from(&mut **b)).collect();
        for p in &ptrs {
            // SAFETY: fresh heads, linked once.
            assert!(!unsafe { l.link(*p) });
        }
        assert_eq!(l.snapshot(), ptrs);
        // SAFETY: linked above.
        unsafe { l.unlink(ptrs[1]) };
        assert_eq!(l.snapshot(), vec![ptrs[0], ptrs[2]]);
        assert_eq!((l.len(), l.young()), (2, 2));
        l.collected();
        assert_eq!(l.young(), 0);
        // SAFETY: still linked.
        unsafe { l.unlink(ptrs[0]) };
        assert_eq!(l.young(), 0, "the count does not go below zero when read");
    }

    #[test]
    fn threshold_schedules_once() {
        let l = GcHeads::default();
        l.update(|s| s.thresholds[0] = 2);
        let mut blocks: Vec<Box<GcHead>> =
            (0..4).map(|_| Box::new(GcHead { next: std::ptr::null_mut(), prev: std::ptr::null_mut() })).collect();
        // SAFETY: fresh heads, linked once each.
        let due: Vec<bool> = blocks.iter_mut().map(|b| unsafe { l.link(NonNull::from(&mut **b)) }).collect();
        assert_eq!(due, vec![false, false, true, false]);
    }

    #[test]
    fn a_large_heap_waits_until_it_doubles() {
        let l = GcHeads::default();
        l.update(|s| s.thresholds[0] = 2);
        let mut blocks: Vec<Box<GcHead>> =
            (0..40).map(|_| Box::new(GcHead { next: std::ptr::null_mut(), prev: std::ptr::null_mut() })).collect();
        // SAFETY: fresh heads, linked once each.
        for b in &mut blocks[..20] {
            unsafe { l.link(NonNull::from(&mut **b)) };
        }
        l.collected();
        // 20 survivors: the next collection is due at the 21st young object, not the 3rd.
        // SAFETY: as above.
        let due: Vec<bool> = blocks[20..40].iter_mut().map(|b| unsafe { l.link(NonNull::from(&mut **b)) }).collect();
        assert!(due.iter().all(|d| !d));
        let mut more = GcHead { next: std::ptr::null_mut(), prev: std::ptr::null_mut() };
        // SAFETY: as above.
        assert!(unsafe { l.link(NonNull::from(&mut more)) });
        // SAFETY: unlinked before `more` goes out of scope.
        unsafe { l.unlink(NonNull::from(&mut more)) };
    }
}
