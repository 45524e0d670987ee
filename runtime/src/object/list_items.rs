//! A list's item storage: a length and a pointer to a block that holds its capacity and the
//! item slots (CPython 3.13's free-threaded `_PyListArray`: `ob_item` points just past
//! `allocated`).
//!
//! ```text
//!   ListItems { len, block } ──▶ Block { capacity, [slot 0, slot 1, ..., slot capacity-1] }
//!                                        slots [len..capacity) are null (free-threaded)
//! ```
//!
//! **Writers** run in the list's critical section ([`super::list::ListObject::mutate`]), so only
//! one writes at a time. Growing past the capacity takes a new block. With a lock the block is
//! reallocated in place (`realloc`), as a `Vec` is: nothing reads the list without the lock.
//! In a free-threaded interpreter the new block is allocated zeroed, the items are copied, the
//! block is published with a Release store and the old one is *retired* through the thread's
//! QSBR state (`alloc::qsbr`, CPython's `free_list_items` with `_PyMem_FreeDelayed`): freed
//! once every thread of the interpreter has passed a quiescent point, so a reader that loaded
//! the old pointer can still read it. Slots a writer vacates (a pop, a delete, a move of the
//! tail) are set to null before the items leave the critical section to be released.
//!
//! **Lock-free readers** ([`ListItems::try_get_ref`], CPython's `list_get_item_ref`) load the
//! length (Relaxed), the block (Acquire), check the index against both the length and the
//! block's capacity (the length may belong to a newer or older block than the one loaded),
//! load the slot (Acquire), take a reference with a *try*-increment (`_Py_TryIncrefCompare`:
//! the owner's local count, or a CAS on the shared count that refuses a count of zero — an
//! object whose last reference is gone), then load the slot and the block pointer again: the
//! reference is kept only if the slot still holds the object and the block is still the
//! list's. Anything else (a null slot, a refused increment, a changed slot or block) sends the
//! caller to the locked path, as CPython's `list_item_impl`, whose increment also marks the
//! item MAYBE_WEAKREF (`refcount::incref_with_lock`): a shared count of zero is refused by the
//! try-increment (the owner may be freeing the object), so without the mark every read of an
//! item owned by another thread would take the lock.
//!
//! Why the try-increment never touches unmapped memory, and why what it returns is right:
//!
//! * The block stays allocated while the reader is online (QSBR: it was loaded after the reader
//!   came online or passed its last quiescent point, and a retired block waits for both).
//! * The object may have been released and freed by the time the increment runs. Objects live
//!   in arena pages that stay mapped for the interpreter's life (`alloc::arena`: chunks are
//!   unmapped only when the arena is destroyed), so the header's words are still readable. A
//!   freed block's shared count is 0 or MERGED (the only states in which an object is
//!   deallocated, see `refcount`), which the CAS refuses; the owner's fast path cannot apply to
//!   a freed object, because an owner frees only through its own decrement and the reader,
//!   while it runs this function, is not decrementing. Large objects (above the arena's size
//!   classes) come from the system allocator and are not covered — see DESIGN.md.
//! * The block may be reused for a new object meanwhile (the ABA case CPython's comparison
//!   handles): the increment then lands on that live object, and the re-check keeps it only if
//!   the list's current block holds it in that slot at that moment — then it is the list's
//!   item, and the reference is right. Re-checking the block as well as the slot matters: a
//!   retired block keeps stale pointers, which a writer may release after moving them to the
//!   new block and overwriting them there. The block is re-loaded *after* the slot: a retired
//!   block never becomes current again (its address is not reused while this reader is online),
//!   so seeing it current before and after the slot load means it was current at the load.
//!
//! The slots are `std` atomics in every build: a writer's `&[Obj]` view of the items (under the
//! section) is a view of them, which a loom atomic's layout would not allow. Under loom the
//! length and block pointer are loom's, and each block carries an access check that a reader
//! touches and the free writes, so loom reports a read of a freed block.

use std::alloc::{Layout, alloc_zeroed, dealloc, realloc};
use std::ptr::{self, NonNull};
use std::sync::atomic::AtomicPtr as Slot;

use super::header::PyObject;
use super::obj::Obj;
use crate::error::PyResult;
use crate::sync::{AccessCheck, AtomicPtr, AtomicUsize, Ordering};

/// A block's header; the slots follow it.
#[repr(C)]
struct Block {
    capacity: usize,
    /// Under loom: reads of the block and its free, checked for ordering.
    check: AccessCheck,
}

/// Where the slots start (the header is a multiple of the slot alignment).
const SLOTS_AT: usize = size_of::<Block>().next_multiple_of(align_of::<Slot<PyObject>>());

fn layout(capacity: usize) -> Layout {
    let bytes = capacity.checked_mul(size_of::<Slot<PyObject>>()).and_then(|b| b.checked_add(SLOTS_AT));
    bytes
        .and_then(|b| Layout::from_size_align(b, align_of::<Block>().max(align_of::<Slot<PyObject>>())).ok())
        .unwrap_or_else(|| std::alloc::handle_alloc_error(Layout::new::<Block>()))
}

impl Block {
    /// A block of `capacity` null slots.
    fn new(capacity: usize) -> NonNull<Block> {
        let layout = layout(capacity);
        // SAFETY: the layout has a non-zero size (the header).
        let raw = unsafe { alloc_zeroed(layout) }.cast::<Block>();
        let Some(block) = NonNull::new(raw) else { std::alloc::handle_alloc_error(layout) };
        // SAFETY: freshly allocated for a header and `capacity` slots (zero bits are null slots).
        unsafe { block.as_ptr().write(Block { capacity, check: AccessCheck::new() }) };
        block
    }

    /// The slots.
    #[inline]
    fn slots(&self) -> &[Slot<PyObject>] {
        // SAFETY: `capacity` initialised slots follow the header (see `new`).
        unsafe { std::slice::from_raw_parts((self as *const Block).cast::<u8>().add(SLOTS_AT).cast(), self.capacity) }
    }

    /// Frees the block (not its items).
    ///
    /// # Safety
    ///
    /// Nobody reads the block any more.
    unsafe fn free(block: NonNull<Block>) {
        // SAFETY: the caller's contract: the last use.
        unsafe {
            let b = block.as_ref();
            b.check.free();
            let layout = layout(b.capacity);
            ptr::drop_in_place(block.as_ptr());
            dealloc(block.as_ptr().cast(), layout);
        }
    }
}

/// A retired block, freed when QSBR drops it.
struct Retired(NonNull<Block>);

// SAFETY: a retired block is only freed (by whichever thread polls), never read through this.
unsafe impl Send for Retired {}

impl Drop for Retired {
    fn drop(&mut self) {
        // SAFETY: QSBR drops it once no reader can hold it.
        unsafe { Block::free(self.0) }
    }
}

/// What a lock-free read could not decide: the caller reads under the list's critical section,
/// and drops the reference the read took to an object that left its slot, if any, after that
/// (the caller's slow path does both, so the lock-free read itself calls nothing).
pub(crate) struct Contended(pub(crate) Option<Obj>);

/// A list's items. See the module docs.
pub(crate) struct ListItems {
    len: AtomicUsize,
    block: AtomicPtr<Block>,
    /// The current block's capacity, for the writer (read and written only in the section:
    /// `push` finds length and capacity on one cache line, as in a `Vec`).
    cap: AtomicUsize,
}

// SAFETY: the block is reached only through the atomics above, written by one writer at a time
// (the critical section) and read as the module docs say.
unsafe impl Send for ListItems {}
// SAFETY: as above.
unsafe impl Sync for ListItems {}

impl ListItems {
    /// Storage holding `items`.
    pub(crate) fn new(items: Vec<Obj>) -> ListItems {
        let s =
            ListItems { len: AtomicUsize::new(0), block: AtomicPtr::new(ptr::null_mut()), cap: AtomicUsize::new(0) };
        if !items.is_empty() {
            let block = Block::new(items.len());
            // SAFETY: a new block nobody else sees.
            let slots = unsafe { block.as_ref() }.slots();
            for (slot, x) in slots.iter().zip(items) {
                slot.store(x.into_raw().as_ptr(), Ordering::Relaxed);
            }
            s.len.store(slots.len(), Ordering::Relaxed);
            s.cap.store(slots.len(), Ordering::Relaxed);
            s.block.store(block.as_ptr(), Ordering::Release);
        }
        s
    }

    /// Storage filled from `items` before any reader can see it, with room for `capacity`
    /// items to start with (grown as `push` grows it): a list built item by item with no
    /// `Vec` in between. The first error stops it (the items stored so far are released).
    pub(crate) fn try_collect(capacity: usize, items: impl Iterator<Item = PyResult<Obj>>) -> PyResult<ListItems> {
        let s = ListItems::new(Vec::new());
        {
            // SAFETY: the storage is new: no reader or other writer sees it (so it also grows
            // in place, as a list with a lock does).
            let mut w = unsafe { s.writer(false) };
            if capacity > 0 {
                w.reallocate(capacity);
            }
            for x in items {
                w.push(x?);
            }
        }
        Ok(s)
    }

    /// The number of items (a Relaxed load: `Py_SIZE` in a free-threaded build).
    #[inline]
    pub(crate) fn len(&self) -> usize {
        self.len.load(Ordering::Relaxed)
    }

    /// The items, borrowed. Under the list's critical section, or with a lock, this is the
    /// list; a lock-free reader of a free-threaded interpreter must use
    /// [`ListItems::try_get_ref`] instead (the items of the slice may be released meanwhile).
    #[inline]
    pub(crate) fn as_slice(&self) -> &[Obj] {
        let block = self.block.load(Ordering::Acquire);
        if block.is_null() {
            return &[];
        }
        // SAFETY: the current block is allocated while the caller holds the list (and, for a
        // reader racing a writer, until its next quiescent point: QSBR).
        let b = unsafe { &*block };
        b.check.read();
        let n = self.len().min(b.capacity);
        // SAFETY: a slot is an `AtomicPtr<PyObject>`, laid out as `Obj`'s non-null pointer, and
        // the first `len` slots hold items (the capacity bounds a length read from another block).
        unsafe { std::slice::from_raw_parts(b.slots().as_ptr().cast::<Obj>(), n) }
    }

    /// Item `i` with a new reference, for a caller with a lock or in the list's section: the
    /// length bounds the block then, so the capacity is not read (one load fewer than
    /// [`ListItems::as_slice`] on the path every `l[i]` of a locked interpreter takes).
    #[inline(always)]
    pub(crate) fn get_cloned(&self, i: usize) -> Option<Obj> {
        if i >= self.len() {
            return None;
        }
        // SAFETY: with the lock (or the section) the block holds `len` items.
        let slot =
            unsafe { &*self.block.load(Ordering::Acquire).cast::<u8>().add(SLOTS_AT).cast::<Slot<PyObject>>().add(i) };
        let p = slot.load(Ordering::Relaxed);
        // SAFETY: a slot below the length holds an item the list references.
        Some(Obj::new_ref(unsafe { &*p }))
    }

    /// Item `i` with a new reference, without the list's critical section (CPython's
    /// `list_get_item_ref`): `Ok(None)` when out of range, `Err(Contended)` when the caller
    /// must read under the section. See the module docs.
    #[inline]
    pub(crate) fn try_get_ref(&self, i: usize) -> Result<Option<Obj>, Contended> {
        if i >= self.len() {
            return Ok(None);
        }
        let block = self.block.load(Ordering::Acquire);
        if block.is_null() {
            return Ok(None);
        }
        // SAFETY: loaded while this thread is online; QSBR keeps it allocated until this thread
        // passes a quiescent point, which it does not do here.
        let b = unsafe { &*block };
        b.check.read();
        let Some(slot) = b.slots().get(i) else { return Ok(None) };
        let p = slot.load(Ordering::Acquire);
        let Some(op) = NonNull::new(p) else { return Err(Contended(None)) };
        let taken = if crate::sync::broken(crate::sync::Mutation::ListReadPlainIncref) {
            // The deliberately broken twin (loom only): revives an object whose count is gone.
            // SAFETY: the twin's claim, which the model refutes.
            super::refcount::incref(unsafe { op.as_ref() });
            true
        } else {
            // SAFETY: `op` points into memory that stays mapped (module docs); the
            // try-increment refuses an object whose count is gone.
            unsafe { super::refcount::try_incref_maybe_freed(op) }
        };
        if !taken {
            return Err(Contended(None));
        }
        // SAFETY: the increment succeeded: this thread now holds a reference to whatever
        // object lives at `op`.
        let got = unsafe { Obj::from_owned(op) };
        if slot.load(Ordering::Acquire) == p && self.block.load(Ordering::Acquire) == block {
            Ok(Some(got))
        } else {
            Err(Contended(Some(got)))
        }
    }

    /// The writer's view. Only inside the list's critical section (or with a lock).
    ///
    /// # Safety
    ///
    /// No other writer runs at the same time, and the view does not outlive the section.
    #[inline]
    pub(crate) unsafe fn writer(&self, free_threaded: bool) -> ItemsMut<'_> {
        ItemsMut { s: self, free_threaded }
    }

    /// Takes every item out and frees the block at once (the list is being deallocated: no
    /// reader holds it).
    pub(crate) fn take_for_dealloc(&mut self) -> Vec<Obj> {
        // SAFETY: `&mut self`: nobody else uses the storage.
        unsafe { self.writer(false) }.take_all_now()
    }
}

impl Drop for ListItems {
    fn drop(&mut self) {
        drop(self.take_for_dealloc());
    }
}

/// The writer's view of a list's items, inside the critical section: `Vec`'s operations, each
/// keeping the storage readable by lock-free readers (module docs). Items it removes are
/// returned for the caller to release after the section.
pub(crate) struct ItemsMut<'a> {
    s: &'a ListItems,
    free_threaded: bool,
}

impl std::ops::Deref for ItemsMut<'_> {
    type Target = [Obj];
    #[inline]
    fn deref(&self) -> &[Obj] {
        self.s.as_slice()
    }
}

impl ItemsMut<'_> {
    #[inline]
    fn block(&self) -> Option<&Block> {
        // SAFETY: the writer's own current block, alive while the section is held.
        unsafe { self.s.block.load(Ordering::Relaxed).as_ref() }
    }

    #[inline]
    fn capacity(&self) -> usize {
        self.s.cap.load(Ordering::Relaxed)
    }

    /// Installs `block` (null for none) as the current one, of `capacity`.
    #[inline]
    fn install(&self, block: *mut Block, capacity: usize, order: Ordering) {
        self.s.cap.store(capacity, Ordering::Relaxed);
        self.s.block.store(block, order);
    }

    #[inline]
    fn slots(&self) -> &[Slot<PyObject>] {
        self.block().map_or(&[], |b| b.slots())
    }

    #[inline]
    fn set_len(&self, n: usize) {
        self.s.len.store(n, Ordering::Release);
    }

    /// Makes room for `additional` more items (a new block when the capacity is short: double,
    /// as `Vec` grows).
    #[inline(never)]
    fn reserve(&mut self, additional: usize) {
        let len = self.len();
        let needed = len.checked_add(additional).unwrap_or_else(|| std::alloc::handle_alloc_error(layout(usize::MAX)));
        let cap = self.capacity();
        if needed <= cap {
            return;
        }
        self.reallocate(needed.max(cap * 2).max(4));
    }

    /// Moves the items to a block of `capacity` (at least the length).
    fn reallocate(&mut self, capacity: usize) {
        let len = self.len();
        debug_assert!(capacity >= len);
        let old = self.s.block.load(Ordering::Relaxed);
        if !self.free_threaded && !old.is_null() {
            // With a lock nothing reads the list without it: grow in place as a `Vec` does.
            // SAFETY: `old` is this list's block with its header's layout; the new size is
            // non-zero. The new slots are made null (the block's invariant).
            unsafe {
                let old_layout = layout((*old).capacity);
                let new_layout = layout(capacity);
                let raw = realloc(old.cast(), old_layout, new_layout.size()).cast::<Block>();
                let Some(block) = NonNull::new(raw) else { std::alloc::handle_alloc_error(new_layout) };
                let prev = (*raw).capacity;
                (*raw).capacity = capacity;
                if capacity > prev {
                    let tail = raw.cast::<u8>().add(SLOTS_AT).cast::<Slot<PyObject>>().add(prev);
                    ptr::write_bytes(tail, 0, capacity - prev);
                }
                self.install(block.as_ptr(), capacity, Ordering::Relaxed);
            }
            return;
        }
        let block = Block::new(capacity);
        // SAFETY: new, not yet published.
        let slots = unsafe { block.as_ref() }.slots();
        for (dst, src) in slots.iter().zip(self.slots()[..len].iter()) {
            dst.store(src.load(Ordering::Relaxed), Ordering::Relaxed);
        }
        // Publish: a reader that loads the new block sees its slots (Release/Acquire).
        self.install(block.as_ptr(), capacity, Ordering::Release);
        if let Some(old) = NonNull::new(old) {
            if crate::sync::broken(crate::sync::Mutation::ListFreeWithoutRetire) {
                // The deliberately broken twin (loom only): the block counts as freed at once,
                // under a possible reader; its memory is leaked so the model reads nothing
                // really freed — loom reports the unordered read.
                // SAFETY: `old` is the writer's block (still allocated).
                unsafe { old.as_ref() }.check.free();
            } else {
                super::attachment::free_delayed(Box::new(Retired(old)));
            }
        }
    }

    /// Slot `i`, below the capacity (no header load: the hot paths of `push` and `l[i] = x`).
    #[inline]
    fn slot(&self, i: usize) -> &Slot<PyObject> {
        assert!(i < self.capacity(), "list slot {i} beyond the capacity");
        // SAFETY: the current block has `capacity` slots after its header.
        unsafe { &*self.s.block.load(Ordering::Relaxed).cast::<u8>().add(SLOTS_AT).cast::<Slot<PyObject>>().add(i) }
    }

    /// Writes slot `i` (Release: the object's contents are published with it).
    #[inline]
    fn put(&self, i: usize, x: Obj) {
        self.slot(i).store(x.into_raw().as_ptr(), Ordering::Release);
    }

    /// Takes slot `i` out, leaving it null.
    #[inline]
    fn take(&self, i: usize) -> Obj {
        // A load and a store, not a swap: the section excludes other writers.
        let slot = self.slot(i);
        let p = slot.load(Ordering::Relaxed);
        slot.store(ptr::null_mut(), Ordering::Relaxed);
        // SAFETY: slots below the length hold owned references.
        unsafe { Obj::from_owned(NonNull::new(p).expect("an item below the length")) }
    }

    /// Moves `count` slots from `from` to `to` (overlapping like `memmove`), the vacated ones
    /// left as they are (the caller overwrites or nulls them).
    fn shift(&self, from: usize, to: usize, count: usize) {
        let slots = self.slots();
        if !self.free_threaded {
            // SAFETY: both ranges are inside the block; nothing reads it without the lock.
            unsafe { ptr::copy(slots.as_ptr().add(from), slots.as_ptr().add(to).cast_mut(), count) };
            return;
        }
        let mv = |k: usize| slots[to + k].store(slots[from + k].load(Ordering::Relaxed), Ordering::Release);
        if to > from {
            (0..count).rev().for_each(mv);
        } else {
            (0..count).for_each(mv);
        }
    }

    /// Nulls slots `from..to` (their references were moved or taken).
    fn clear_slots(&self, from: usize, to: usize) {
        for slot in &self.slots()[from..to] {
            slot.store(ptr::null_mut(), Ordering::Relaxed);
        }
    }

    /// Appends `x`.
    #[inline(always)]
    pub(crate) fn push(&mut self, x: Obj) {
        let len = self.len();
        if len == self.capacity() {
            self.reserve(1);
        }
        self.put(len, x);
        self.set_len(len + 1);
    }

    /// Appends every item of `items`.
    pub(crate) fn extend(&mut self, items: impl IntoIterator<Item = Obj>) {
        let items = items.into_iter();
        self.reserve(items.size_hint().0);
        for x in items {
            self.push(x);
        }
    }

    /// Replaces item `i` (which must exist), returning the old one. Always inlined: the
    /// free-threaded `STORE_SUBSCR_LIST_INT` called it out of line (17 instructions a store).
    #[inline(always)]
    pub(crate) fn set(&mut self, i: usize, x: Obj) -> Obj {
        assert!(i < self.len(), "list index {i} out of range");
        let slot = self.slot(i);
        let p = slot.load(Ordering::Relaxed);
        slot.store(x.into_raw().as_ptr(), Ordering::Release);
        // SAFETY: the slot held an owned reference (below the length).
        unsafe { Obj::from_owned(NonNull::new(p).expect("an item below the length")) }
    }

    /// Inserts `x` at `i` (at most the length).
    pub(crate) fn insert(&mut self, i: usize, x: Obj) {
        let len = self.len();
        assert!(i <= len, "insert index {i} out of range");
        self.reserve(1);
        self.shift(i, i + 1, len - i);
        self.put(i, x);
        self.set_len(len + 1);
    }

    /// Removes and returns item `i`.
    pub(crate) fn remove(&mut self, i: usize) -> Obj {
        let len = self.len();
        assert!(i < len, "remove index {i} out of range");
        let x = self.take(i);
        if i + 1 < len {
            // The last slot is left empty by `take` when it is the one removed (`pop()`).
            self.shift(i + 1, i, len - i - 1);
            self.clear_slots(len - 1, len);
        }
        self.set_len(len - 1);
        x
    }

    /// Replaces the items `start..stop` by `new`, returning the removed ones.
    pub(crate) fn splice(&mut self, start: usize, stop: usize, new: Vec<Obj>) -> Vec<Obj> {
        let len = self.len();
        assert!(start <= stop && stop <= len, "splice range out of bounds");
        let removed: Vec<Obj> = (start..stop).map(|i| self.take(i)).collect();
        let new_len = len - (stop - start) + new.len();
        if new.len() > stop - start {
            self.reserve(new.len() - (stop - start));
        }
        let tail = len - stop;
        self.shift(stop, start + new.len(), tail);
        if new_len < len {
            self.clear_slots(new_len, len);
            self.set_len(new_len);
        }
        for (k, x) in new.into_iter().enumerate() {
            self.put(start + k, x);
        }
        if new_len >= len {
            self.set_len(new_len);
        }
        removed
    }

    /// Reverses the items in place.
    pub(crate) fn reverse(&mut self) {
        let (slots, len) = (self.slots(), self.len());
        for k in 0..len / 2 {
            let (a, b) = (&slots[k], &slots[len - 1 - k]);
            let pa = a.load(Ordering::Relaxed);
            a.store(b.load(Ordering::Relaxed), Ordering::Release);
            b.store(pa, Ordering::Release);
        }
    }

    /// Takes every item out, leaving the list empty (its block retired).
    pub(crate) fn take_all(&mut self) -> Vec<Obj> {
        self.replace_all(Vec::new())
    }

    /// Replaces every item by `new`, returning the old ones. The returned vector has a
    /// non-zero capacity exactly when the list had storage (`list.sort` tells a list written
    /// during the sort by it).
    pub(crate) fn replace_all(&mut self, new: Vec<Obj>) -> Vec<Obj> {
        let len = self.len();
        let had = !self.s.block.load(Ordering::Relaxed).is_null();
        let mut old = Vec::with_capacity(if had { len.max(1) } else { 0 });
        old.extend((0..len).map(|i| self.take(i)));
        self.set_len(0);
        let n = new.len();
        if n > self.capacity() || (n == 0 && had) {
            // A new block (or none): the old one is retired, not reused.
            let prev = self.s.block.swap(ptr::null_mut(), Ordering::AcqRel);
            self.s.cap.store(0, Ordering::Relaxed);
            if let Some(prev) = NonNull::new(prev) {
                if self.free_threaded {
                    super::attachment::free_delayed(Box::new(Retired(prev)));
                } else {
                    // SAFETY: with a lock nothing reads the block without it.
                    unsafe { Block::free(prev) };
                }
            }
            if n > 0 {
                self.install(Block::new(n).as_ptr(), n, Ordering::Release);
            }
        }
        for (k, x) in new.into_iter().enumerate() {
            self.put(k, x);
        }
        self.set_len(n);
        old
    }

    /// [`ItemsMut::take_all`] for a list nobody else can reach: the block is freed at once.
    fn take_all_now(&mut self) -> Vec<Obj> {
        let len = self.len();
        let old: Vec<Obj> = (0..len).map(|i| self.take(i)).collect();
        self.set_len(0);
        self.s.cap.store(0, Ordering::Relaxed);
        if let Some(prev) = NonNull::new(self.s.block.swap(ptr::null_mut(), Ordering::AcqRel)) {
            // SAFETY: the caller's contract: nobody else reaches the list.
            unsafe { Block::free(prev) };
        }
        old
    }
}
