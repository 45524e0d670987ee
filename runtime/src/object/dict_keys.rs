//! A dict's storage: the index table and the entries in one block (CPython 3.13's
//! `PyDictKeysObject`, combined table), published so that readers may probe it without the
//! dict's critical section.
//!
//! ```text
//!   DictTable { keys } ──▶ Keys { size, capacity, nentries, [index 0 .. size), [entry 0 .. capacity) }
//!                                                          EMPTY / DUMMY / i   (hash, key, value)
//! ```
//!
//! `indices` is a power-of-two open-addressing table of positions in `entries` (`EMPTY`,
//! `DUMMY` after a deletion, or an entry position); `entries` are (hash, key, value) in
//! insertion order, the first `nentries` of them in use (a deleted one keeps its hash, with a
//! null key and value). An entry's hash never changes once it is written, and an entry's slot is
//! never reused inside a block: a deletion leaves a hole, and holes are compacted only by moving
//! the live entries to a new block (`DictTable::rebuild` in `dict.rs`).
//!
//! **Writers** hold the dict's critical section (with a lock: the lock), so one writes at a
//! time. A new entry is written first and then published: `nentries` and the index slot are
//! stored with Release, so a reader that loads the index (Acquire) sees the entry's words. A
//! value is replaced by a Release store (the new object's contents are published with it), and
//! a deletion stores `DUMMY` into the index slot and nulls the entry's key and value before the
//! writer drops them, after its section. A resize or a `clear` installs a new block (or none)
//! with a Release store and gives the old one up:
//!
//! * with a lock ([`KeysBlock::give_up`] with `free_threaded == false`) it is freed at once —
//!   nothing reads a dict without the lock;
//! * in a free-threaded interpreter, if the dict is *shared* (`dict.rs`: a thread other than its
//!   owner has read it lock-free, or wrote it), it is **retired** through the thread's QSBR
//!   state (`attachment::free_delayed`, CPython's `free_keys_object(keys, use_qsbr)`): freed
//!   once every thread of the interpreter has passed a quiescent point, so a reader that loaded
//!   the old block can still probe it; an unshared dict's block is freed at once (its only
//!   lock-free reader is its owner, the writer). A deallocated dict's block is freed at once in
//!   every kind of interpreter: every lock-free reader holds a count on the dict it probes.
//!
//! **Lock-free readers** ([`KeysBlock::lookup_unlocked`], CPython's `_Py_dict_lookup_threadsafe`)
//! load the block (Acquire) and probe it: index slots and entry words are Acquire loads. A key is
//! compared without Python code only: identity, or — after the key's hash matched — a
//! *try*-increment of the key (`refcount::try_incref_maybe_freed`, the comparison of CPython's
//! `compare_unicode_unicode_threadsafe`), a re-load of the entry's key, and the native comparison
//! of two exact `str`s or word `int`s; a key that needs `__eq__` sends the caller to the locked
//! path. The value found is taken with the same try-increment and re-check (`_Py_TryIncrefCompare`),
//! and the whole read is kept only if the block is still the dict's afterwards (a retired block
//! keeps stale pointers, which the writer may release after moving them on). The try-increment
//! and the re-loads are sequentially consistent, as in CPython: the re-loads are ordered after the
//! increment, so a writer's replacement that the re-load misses is ordered after the increment
//! too, and the writer's decrement cannot have freed the object under it. Why the try-increment
//! never touches unmapped memory is `list_items`' argument (arena pages stay mapped; a freed
//! block's shared count is 0 or MERGED, which the exchange refuses; large objects are not
//! covered — DESIGN.md "Not built yet").
//!
//! The index slots and entry words are `std` atomics in every build (a writer under the section
//! or the lock views an entry's key and value as `Option<Obj>` words, which a loom atomic's layout
//! would not allow). Under loom the block pointer is loom's, and each block carries an access
//! check that a reader touches and the free writes, so loom reports a probe of a freed block.
//! On x86-64 the Acquire loads and Release stores are plain moves: with a lock the block costs
//! nothing but itself.

use std::alloc::{Layout, alloc, dealloc};
use std::marker::PhantomData;
use std::ptr::{self, NonNull};
use std::sync::atomic::{AtomicIsize, AtomicPtr as Word, AtomicU32, AtomicUsize as Count};

use super::header::PyObject;
use super::obj::Obj;
use super::refcount;
use crate::sync::{AccessCheck, Ordering};

/// An index slot that never held an entry.
pub(super) const EMPTY: u32 = u32::MAX;
/// An index slot whose entry was deleted.
pub(super) const DUMMY: u32 = u32::MAX - 1;
/// The smallest index table.
pub(super) const MIN_SIZE: usize = 8;

/// How many entries a table of `size` index slots holds before it is rebuilt (2/3 full, as
/// CPython's `USABLE_FRACTION`).
#[inline]
pub(super) fn usable(size: usize) -> usize {
    size * 2 / 3
}

/// One entry: the key's hash, the key and the value (null key and value after a deletion).
#[repr(C)]
pub struct Entry {
    hash: AtomicIsize,
    key: Word<PyObject>,
    value: Word<PyObject>,
}

impl Entry {
    /// The key's hash.
    #[inline]
    pub fn hash(&self) -> isize {
        self.hash.load(Ordering::Relaxed)
    }

    /// The key (`None` after deletion), borrowed from the word.
    ///
    /// # Safety
    ///
    /// No thread writes the word while the borrow lives: the caller holds the dict's section or
    /// runs under the interpreter's lock, and runs no code that writes the dict meanwhile (see
    /// `DictObject::table`).
    #[inline]
    pub unsafe fn key(&self) -> Option<&Obj> {
        // SAFETY: the word is an `AtomicPtr<PyObject>`, laid out as `Option<Obj>`; no writer
        // changes it while the borrow lives (the caller's contract).
        unsafe { &*(&self.key as *const Word<PyObject>).cast::<Option<Obj>>() }.as_ref()
    }

    /// The value (`None` after deletion), borrowed from the word.
    ///
    /// # Safety
    ///
    /// As [`Entry::key`].
    #[inline]
    pub unsafe fn value(&self) -> Option<&Obj> {
        // SAFETY: as in `key`.
        unsafe { &*(&self.value as *const Word<PyObject>).cast::<Option<Obj>>() }.as_ref()
    }

    /// The key's address, for identity tests (no dereference).
    #[inline]
    pub(super) fn key_ptr(&self, order: Ordering) -> *mut PyObject {
        self.key.load(order)
    }

    /// The value's address (no dereference).
    #[inline]
    pub(super) fn value_ptr(&self, order: Ordering) -> *mut PyObject {
        self.value.load(order)
    }

    /// Replaces the value, giving the old one back.
    ///
    /// # Safety
    ///
    /// The caller is the dict's one writer (its section, or the lock) and the entry is one of
    /// the dict's current block.
    #[inline]
    pub(super) unsafe fn replace_value(&self, value: Obj) -> Option<Obj> {
        let old = self.value.load(Ordering::Relaxed);
        // Release: a reader that loads the new value sees the object's contents.
        self.value.store(value.into_raw().as_ptr(), Ordering::Release);
        // SAFETY: the word held an owned reference (or null), which moves to the caller.
        NonNull::new(old).map(|p| unsafe { Obj::from_owned(p) })
    }

    /// Takes the key and value out (a deletion), leaving null words.
    ///
    /// # Safety
    ///
    /// The caller is the one writer of the block (the dict's section, the lock, or the block is
    /// no longer published).
    #[inline]
    pub(super) unsafe fn take(&self) -> (Option<Obj>, Option<Obj>) {
        let (k, v) = (self.key.load(Ordering::Relaxed), self.value.load(Ordering::Relaxed));
        self.key.store(ptr::null_mut(), Ordering::Relaxed);
        self.value.store(ptr::null_mut(), Ordering::Relaxed);
        // SAFETY: the words held owned references (or null), which move to the caller.
        unsafe { (NonNull::new(k).map(|p| Obj::from_owned(p)), NonNull::new(v).map(|p| Obj::from_owned(p))) }
    }
}

/// The block's header; the index slots and then the entries follow it.
#[repr(C)]
struct Keys {
    /// Index slots (a power of two).
    size: usize,
    /// Entry slots (`usable(size)`).
    capacity: usize,
    /// Entries written, holes included (stored with Release after the entry).
    nentries: Count,
    /// Under loom: probes of the block and its free, checked for ordering.
    check: AccessCheck,
}

/// Where the index slots start.
const INDICES_AT: usize = size_of::<Keys>().next_multiple_of(align_of::<AtomicU32>());

/// Where the entries start in a block of `size` index slots.
#[inline(always)]
const fn entries_at(size: usize) -> usize {
    // Rounded in two parts: the same offset as rounding the sum (the header is `usize` words,
    // so `INDICES_AT` is a multiple of the alignment already), but the constant part folds
    // into the readers' address arithmetic, leaving one add and one mask per entry access.
    INDICES_AT.next_multiple_of(align_of::<Entry>())
        + (size * size_of::<AtomicU32>()).next_multiple_of(align_of::<Entry>())
}

fn layout(size: usize) -> Layout {
    let bytes = usable(size).checked_mul(size_of::<Entry>()).and_then(|b| b.checked_add(entries_at(size)));
    bytes
        .and_then(|b| Layout::from_size_align(b, align_of::<Keys>().max(align_of::<Entry>())).ok())
        .unwrap_or_else(|| std::alloc::handle_alloc_error(Layout::new::<Keys>()))
}

/// A probe's view of a block: the index mask and where the index slots and entries start.
#[derive(Clone, Copy)]
pub(super) struct View<'a> {
    /// Index slots minus one.
    pub(super) mask: usize,
    indices: *const AtomicU32,
    entries: *const Entry,
    _block: PhantomData<&'a Keys>,
}

impl<'a> View<'a> {
    /// Index slot `i & mask`.
    #[inline(always)]
    pub(super) fn index(self, i: usize) -> &'a AtomicU32 {
        // SAFETY: the masked position is below the size; the block is allocated while its
        // holder may read it (as `KeysBlock::index`).
        unsafe { &*self.indices.add(i & self.mask) }
    }

    /// Entry `ix`, which an index slot of this block named.
    ///
    /// # Safety
    ///
    /// `ix` was loaded from one of the block's index slots (with Acquire, or by its writer): an
    /// index slot names only written entries of the block (see `push`).
    #[inline(always)]
    pub(super) unsafe fn entry(self, ix: u32) -> &'a Entry {
        // SAFETY: the caller's contract.
        unsafe { &*self.entries.add(ix as usize) }
    }
}

/// A pointer to a dict's storage block (see the module docs), allocated for `'a`: the borrow
/// of the dict's table it came from, or a lock-free reader's online span. Copyable: it owns
/// nothing; the dict's table owns the block it holds.
#[derive(Clone, Copy)]
pub(super) struct KeysBlock<'a>(NonNull<Keys>, PhantomData<&'a Keys>);

/// What a lock-free read could not decide: the caller reads under the dict's critical section.
/// It carries the reference the read took to an object that left its slot, if any (a read
/// stops at the first such object), for the caller to drop after its last use of the dict.
pub(super) struct Contended(pub(super) Option<Obj>);

impl<'a> KeysBlock<'a> {
    /// A new block of `size` index slots (a power of two), all `EMPTY`, and no entries.
    pub(super) fn new(size: usize) -> KeysBlock<'a> {
        debug_assert!(size.is_power_of_two() && size >= MIN_SIZE);
        let layout = layout(size);
        // SAFETY: the layout has a non-zero size (the header).
        let raw = unsafe { alloc(layout) }.cast::<Keys>();
        let Some(block) = NonNull::new(raw) else { std::alloc::handle_alloc_error(layout) };
        // SAFETY: freshly allocated for the header, `size` index slots and `usable(size)` entries;
        // the index slots are all-ones bytes (`EMPTY`); entries are written before any index
        // slot names them.
        unsafe {
            block.as_ptr().write(Keys {
                size,
                capacity: usable(size),
                nentries: Count::new(0),
                check: AccessCheck::new(),
            });
            ptr::write_bytes(block.as_ptr().cast::<u8>().add(INDICES_AT), 0xff, size * size_of::<AtomicU32>());
        }
        KeysBlock(block, PhantomData)
    }

    /// The block at `raw`, if any.
    ///
    /// # Safety
    ///
    /// `raw` is null or a block made by [`KeysBlock::new`] that stays allocated for `'a`.
    #[inline(always)]
    pub(super) unsafe fn from_raw(raw: *mut u8) -> Option<KeysBlock<'a>> {
        NonNull::new(raw.cast::<Keys>()).map(|p| KeysBlock(p, PhantomData))
    }

    /// The block's address (what the dict's table publishes).
    #[inline(always)]
    pub(super) fn as_raw(self) -> *mut u8 {
        self.0.as_ptr().cast()
    }

    #[inline(always)]
    fn header(self) -> &'a Keys {
        // SAFETY: the block is allocated for `'a` (`from_raw`'s contract).
        unsafe { self.0.as_ref() }
    }

    /// Index slots (a power of two).
    #[inline(always)]
    pub(super) fn size(self) -> usize {
        self.header().size
    }

    /// Entry slots.
    #[inline(always)]
    pub(super) fn capacity(self) -> usize {
        self.header().capacity
    }

    /// Entries written, holes included.
    #[inline(always)]
    pub(super) fn nentries(self, order: Ordering) -> usize {
        self.header().nentries.load(order)
    }

    /// Index slot `i` (below the size).
    #[inline(always)]
    pub(super) fn index(self, i: usize) -> &'a AtomicU32 {
        debug_assert!(i < self.size());
        // SAFETY: `size` index slots follow the header (see `new`).
        unsafe { &*self.0.as_ptr().cast::<u8>().add(INDICES_AT).cast::<AtomicU32>().add(i) }
    }

    /// The entries written, holes included. With the section or the lock.
    #[inline]
    pub(super) fn entries(self) -> &'a [Entry] {
        let n = self.nentries(Ordering::Acquire);
        // SAFETY: the first `nentries` entry slots are written (see `push`).
        unsafe { std::slice::from_raw_parts(self.0.as_ptr().cast::<u8>().add(entries_at(self.size())).cast(), n) }
    }

    /// The block's index table and entries as raw pointers, computed once for a probe loop.
    #[inline(always)]
    pub(super) fn view(self) -> View<'a> {
        let base = self.0.as_ptr().cast::<u8>();
        let size = self.size();
        // SAFETY: both offsets are inside the block (see `layout`).
        unsafe {
            View {
                mask: size - 1,
                indices: base.add(INDICES_AT).cast(),
                entries: base.add(entries_at(size)).cast(),
                _block: PhantomData,
            }
        }
    }

    /// Whether there is room for one more entry.
    #[inline(always)]
    pub(super) fn has_room(self) -> bool {
        self.nentries(Ordering::Relaxed) < self.capacity()
    }

    /// The first `EMPTY` index slot on `hash`'s probe sequence.
    #[inline]
    pub(super) fn free_slot(self, hash: isize) -> usize {
        let mask = self.size() - 1;
        let mut perturb = hash as usize;
        let mut i = perturb & mask;
        loop {
            if self.index(i).load(Ordering::Relaxed) == EMPTY {
                return i;
            }
            perturb >>= 5;
            i = (i * 5 + perturb + 1) & mask;
        }
    }

    /// Appends an entry for a key known to be absent (the block has room). The entry is written
    /// first, then published by `nentries` and its index slot.
    ///
    /// # Safety
    ///
    /// The caller is the block's one writer (the dict's section, or the lock) and `key` is not
    /// in the block.
    #[inline]
    pub(super) unsafe fn push(self, hash: isize, key: Obj, value: Obj) {
        let n = self.nentries(Ordering::Relaxed);
        assert!(n < self.capacity(), "dict block full");
        let slot = self.free_slot(hash);
        // SAFETY: entry slot `n` is inside the block and unpublished: no reader reaches it yet.
        unsafe {
            let at = self.0.as_ptr().cast::<u8>().add(entries_at(self.size())).cast::<Entry>().add(n);
            at.write(Entry {
                hash: AtomicIsize::new(hash),
                key: Word::new(key.into_raw().as_ptr()),
                value: Word::new(value.into_raw().as_ptr()),
            });
        }
        self.header().nentries.store(n + 1, Ordering::Release);
        self.index(slot).store(n as u32, Ordering::Release);
    }

    /// Moves every live entry of `self` into `to` (a new block with room for them): the words
    /// are copied, so the references move.
    ///
    /// # Safety
    ///
    /// The caller is `self`'s one writer (the dict's section, or the lock), `to` is not
    /// published yet, and `self` is given up after this without releasing its words (they are
    /// `to`'s references now).
    pub(super) unsafe fn move_live_into(self, to: KeysBlock<'_>) {
        let mut n = 0;
        for e in self.entries() {
            let (k, v) = (e.key_ptr(Ordering::Relaxed), e.value_ptr(Ordering::Relaxed));
            if k.is_null() {
                continue;
            }
            let slot = to.free_slot(e.hash());
            // SAFETY: entry slot `n` of the unpublished block; the references move with the words
            // (the old block is given up without releasing them).
            unsafe {
                let at = to.0.as_ptr().cast::<u8>().add(entries_at(to.size())).cast::<Entry>().add(n);
                at.write(Entry { hash: AtomicIsize::new(e.hash()), key: Word::new(k), value: Word::new(v) });
            }
            to.index(slot).store(n as u32, Ordering::Relaxed);
            n += 1;
        }
        to.header().nentries.store(n, Ordering::Relaxed);
    }

    /// A copy of `self`: the whole block at once, which copies references without counts.
    ///
    /// # Safety
    ///
    /// `self` is a leaked, never-written template block whose keys and values are all immortal.
    pub(super) unsafe fn copy_of_template<'b>(self) -> KeysBlock<'b> {
        let size = self.size();
        let copy = KeysBlock::new(size);
        let n = self.nentries(Ordering::Acquire);
        // SAFETY: both blocks have the same layout; the copy is unpublished; the template's first
        // `n` entries and its index slots are written and never change.
        unsafe {
            let (src, dst) = (self.0.as_ptr().cast::<u8>(), copy.0.as_ptr().cast::<u8>());
            ptr::copy_nonoverlapping(src.add(INDICES_AT), dst.add(INDICES_AT), size * size_of::<AtomicU32>());
            let at = entries_at(size);
            ptr::copy_nonoverlapping(src.add(at), dst.add(at), n * size_of::<Entry>());
        }
        copy.header().nentries.store(n, Ordering::Relaxed);
        copy
    }

    /// Takes every reference out of the block (the dict is being cleared or deallocated), for
    /// the caller to release after the section.
    ///
    /// # Safety
    ///
    /// The block is no longer the dict's, and the caller was its one writer (the section, the
    /// lock, or the deallocator).
    pub(super) unsafe fn take_refs(self) -> Vec<Obj> {
        let mut refs = Vec::new();
        for e in self.entries() {
            // SAFETY: the caller's contract.
            let (k, v) = unsafe { e.take() };
            refs.extend(k);
            refs.extend(v);
        }
        refs
    }

    /// Gives up a block that is no longer the dict's (the words it still holds are not its
    /// references any more): freed at once when `retire` is false, retired through QSBR when
    /// it is (module docs).
    ///
    /// # Safety
    ///
    /// The block is no longer published. With `retire` false, no thread but the caller may still
    /// read it without the dict's section: the interpreter has a lock, or the dict is not shared
    /// and the caller is its owner (`DictObject::must_retire`), or the dict is being deallocated
    /// (every lock-free reader holds a count on the dict, see `dict::value_ref_in_dict_slot`).
    pub(super) unsafe fn give_up(self, retire: bool) {
        if !retire {
            // SAFETY: the caller's contract: nothing reads the block without the lock.
            unsafe { self.free() };
        } else if crate::sync::broken(crate::sync::Mutation::DictFreeWithoutRetire) {
            // The deliberately broken twin (loom only): the block counts as freed at once, under
            // a possible reader; its memory is leaked so the model reads nothing really freed —
            // loom reports the unordered probe.
            self.header().check.free();
        } else {
            super::attachment::free_delayed(Box::new(Retired(KeysBlock(self.0, PhantomData))));
        }
    }

    /// Frees the block (not the objects its words point to).
    ///
    /// # Safety
    ///
    /// Nobody reads the block any more.
    unsafe fn free(self) {
        let layout = layout(self.size());
        self.header().check.free();
        // SAFETY: the caller's contract: the last use; the header has no destructor to run but
        // the access check's.
        unsafe {
            ptr::drop_in_place(self.0.as_ptr());
            dealloc(self.0.as_ptr().cast(), layout);
        }
    }

    /// The lock-free probe and read of `key`'s value (module docs): `Ok(Some(value))` with a
    /// new reference, `Ok(None)` when the key is absent, `Err(Contended)` when the caller must
    /// read under the section. `current` loads the dict's block again (the final re-check).
    #[inline]
    pub(super) fn lookup_unlocked(
        self,
        key: &PyObject,
        hash: isize,
        current: impl Fn() -> *mut u8,
    ) -> Result<Option<Obj>, Contended> {
        self.header().check.read();
        let view = self.view();
        let mut perturb = hash as usize;
        let mut i = perturb & view.mask;
        let found = loop {
            let ix = view.index(i).load(Ordering::Acquire);
            match ix {
                EMPTY => break None,
                DUMMY => {}
                ix => {
                    // SAFETY: loaded from the block's index slot with Acquire.
                    let e = unsafe { view.entry(ix) };
                    if e.hash() == hash && self.key_matches(e, key)? {
                        break Some(e);
                    }
                }
            }
            perturb >>= 5;
            i = (i * 5 + perturb + 1) & view.mask;
        };
        let value = match found {
            Some(e) => Some(take_ref(&e.value)?),
            None => None,
        };
        if current() != self.as_raw() {
            return Err(Contended(value));
        }
        Ok(value)
    }

    /// The lock-free hinted read (the specialiser's `LOAD_GLOBAL`/`LOAD_ATTR` forms): the value
    /// of entry `index` if that entry's key is `key` itself, with a new reference; `Ok(None)`
    /// when the hint misses. As [`KeysBlock::lookup_unlocked`], without the probe.
    #[inline]
    pub(super) fn value_at_if_key_unlocked(
        self,
        index: usize,
        key: &PyObject,
        current: impl Fn() -> *mut u8,
    ) -> Result<Option<Obj>, Contended> {
        self.header().check.read();
        let Some(e) = self.entries().get(index) else { return Ok(None) };
        if !ptr::eq(e.key_ptr(Ordering::Acquire), key) {
            return Ok(None);
        }
        let value = take_ref(&e.value)?;
        if current() != self.as_raw() {
            return Err(Contended(Some(value)));
        }
        Ok(Some(value))
    }

    /// The address of entry `index`'s value if that entry's key is `key` itself (Acquire
    /// loads, no count taken).
    #[inline(always)]
    pub(super) fn value_ptr_at_if_key_unlocked(self, index: usize, key: &PyObject) -> Option<NonNull<PyObject>> {
        self.header().check.read();
        let e = self.entries().get(index)?;
        if !ptr::eq(e.key_ptr(Ordering::Acquire), key) {
            return None;
        }
        NonNull::new(e.value_ptr(Ordering::Acquire))
    }

    /// Whether entry `e`'s key (with `key`'s hash) is `key`, decided without Python code.
    #[inline]
    fn key_matches(self, e: &Entry, key: &PyObject) -> Result<bool, Contended> {
        let k = e.key_ptr(Ordering::Acquire);
        if ptr::eq(k, key) {
            return Ok(true);
        }
        if k.is_null() {
            return Ok(false);
        }
        // A reference keeps the key's text alive while it is compared.
        let k = take_ref(&e.key)?;
        match super::dict::keys_equal_native(&k, key) {
            // Two exact strs or ints: dropping the reference runs no Python code.
            Some(eq) => Ok(eq),
            None => Err(Contended(Some(k))),
        }
    }
}

/// A new reference to the object in `word` (CPython's `_Py_TryXGetRef` with the re-check of
/// `_Py_TryIncrefCompare`), or `Contended` when the word is null, the try-increment is refused,
/// or the word changed meanwhile (the reference taken then goes with it).
#[inline]
fn take_ref(word: &Word<PyObject>) -> Result<Obj, Contended> {
    let p = word.load(Ordering::Acquire);
    let Some(op) = NonNull::new(p) else { return Err(Contended(None)) };
    let taken = if crate::sync::broken(crate::sync::Mutation::DictReadPlainIncref) {
        // The deliberately broken twin (loom only): revives an object whose count is gone.
        // SAFETY: the twin's claim, which the model refutes.
        refcount::incref(unsafe { op.as_ref() });
        true
    } else {
        // SAFETY: `op` points into memory that stays mapped (module docs); the try-increment
        // refuses an object whose count is gone.
        unsafe { refcount::try_incref_maybe_freed(op) }
    };
    if !taken {
        return Err(Contended(None));
    }
    // SAFETY: the increment succeeded: a reference to whatever object lives at `op` now.
    let got = unsafe { Obj::from_owned(op) };
    // Sequentially consistent: ordered after the increment (see the module docs).
    if word.load(Ordering::SeqCst) == p { Ok(got) } else { Err(Contended(Some(got))) }
}

/// A retired block, freed when QSBR drops it.
struct Retired(KeysBlock<'static>);

// SAFETY: a retired block is only freed (by whichever thread polls), never read through this.
unsafe impl Send for Retired {}

impl Drop for Retired {
    fn drop(&mut self) {
        // SAFETY: QSBR drops it once no reader can hold it.
        unsafe { self.0.free() }
    }
}
