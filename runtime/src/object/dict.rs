//! `dict`: compact and ordered, as CPython's (`Objects/dictobject.c`).
//!
//! The storage is one block (`dict_keys.rs`, CPython's `PyDictKeysObject`): `entries` (hash,
//! key, value) in insertion order, and `indices`, a power-of-two open-addressing table of
//! positions in `entries` (`EMPTY`, `DUMMY` after a deletion, or an entry index). Probing is
//! CPython's: `i = (i * 5 + perturb + 1) & mask` with `perturb` shifted right by 5 each step, so
//! all bits of the hash take part. A deletion leaves a hole in `entries` (null key and value)
//! and `DUMMY` in `indices`; when the entries are full the live ones move to a new block sized
//! for them, which compacts the holes — iteration order is always insertion order. An empty
//! dict has no block.
//!
//! Key comparison may run Python code (`__eq__`): lookups never hold a borrow of the table
//! across it; they re-read the table after each comparison (a mutated table makes the lookup
//! start again, as CPython does).
//!
//! **Free-threaded interpreters.** Writers hold the dict's critical section (`mutation::locked`;
//! a write holds it across its probe). Lookups ([`DictObject::get_hashed`]) and the
//! specialiser's hinted reads ([`DictObject::value_ref_at_if_key`]) do not: they probe the
//! published block lock-free and take the value with a try-increment and re-check, falling back
//! to a fresh probe in the section (`dict_keys.rs`' module docs, CPython's
//! `_Py_dict_lookup_threadsafe`). With a lock (`Own`/`Shared` interpreters) none of this runs:
//! reads probe and clone, old blocks are freed at once.
//!
//! **Shared dicts** (CPython's `IS_DICT_SHARED`, `ensure_shared_on_read`,
//! `ensure_shared_on_resize`): a block replaced by a resize or a `clear` is retired through QSBR
//! only if a lock-free reader other than the writer may hold it. The first time a thread other
//! than the dict's owner (`ob_tid`) reads it lock-free, it takes the dict's section once and sets
//! the object's `gc_bits::SHARED` (Release; readers test it with Acquire, so a reader that skips
//! the section sees every block published before the mark). A writer in the section retires the
//! old block if the dict is shared, or if the writer is not the owner (the owner may be reading
//! lock-free: the writer marks the dict shared); otherwise the block is freed at once — only its
//! owner reads it lock-free, and the owner is the writer. So a single-threaded free-threaded
//! program retires nothing, and quiescent points of its threads find nothing pending. The mark
//! is never cleared; a deallocated dict's block is freed at once whatever the mark (every
//! lock-free reader holds a count on the dict).
//!
//! **Borrows of the table.** The table is written through a shared `&DictObject` (every object
//! is shared), so all of its words are atomics (`DictTable`): a lock-free reader's loads and a
//! writer's stores never alias an exclusive borrow. What the unsafe accessor `table` guards are
//! the references into entries it hands out (keys and values): one held across code that writes
//! the same entry — Python code (`__eq__`, `__hash__`, a `__del__` or weakref callback started
//! by dropping a reference) or another thread's write — would dangle. Every call site says why
//! its borrow is short and free of such code. Code outside this module uses the safe methods,
//! which copy what they return out of the table (a clone, an index, a flag) before the borrow
//! ends; removed keys and values are moved out of the table and dropped after the write is
//! complete.

use std::ptr::NonNull;
use std::sync::atomic::Ordering::Relaxed;
use std::sync::atomic::{AtomicU32, AtomicU64, AtomicUsize};

use super::abstract_ops::{hash, rich_compare_bool};
use super::alloc::drop_and_free;
pub use super::dict_keys::Entry;
use super::dict_keys::{Contended, DUMMY, EMPTY, KeysBlock, MIN_SIZE};
use super::header::{PyObject, gc_bits};
use super::immortal::types;
use super::obj::Obj;
use super::str::as_str_object;
use super::typeobj::{CompareOp, TypeObject, flags};
use crate::error::PyResult;
use crate::sync::{AtomicPtr, Ordering};

/// How many lookups [`DictObject::get_hashed`] completed without the section (tests check that
/// the lock-free path is the one they exercise).
#[cfg(test)]
pub(crate) static LOCK_FREE_READS: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);

use super::attachment::free_threaded;

/// The table of a dict. Every field is an atomic word, written by the dict's writers (one at a
/// time: the section or the lock) through a shared borrow, so a lock-free reader's loads never
/// alias an exclusive borrow. `keys` is the sync seam's atomic (loom models its publication);
/// the counters are `std` atomics read and written Relaxed: nothing is freed or dereferenced on
/// their word (a lock-free reader that sees a stale `used` or version gets the answer of a
/// moment earlier, and every hinted read re-validates its entry itself), so loom need not
/// explore them.
pub struct DictTable {
    /// The storage block (null: none yet), published with Release (`dict_keys.rs`).
    keys: AtomicPtr<u8>,
    used: AtomicUsize,
    /// Bumped on every change of the key set (iterators detect size changes with it).
    version: AtomicU64,
    /// The keys version handed to the specialiser (CPython's `dk_version`), valid while
    /// `version == keys_version_at`; 0 when none was asked for.
    keys_version: AtomicU32,
    keys_version_at: AtomicU64,
}

impl Default for DictTable {
    fn default() -> Self {
        DictTable {
            keys: AtomicPtr::new(std::ptr::null_mut()),
            used: AtomicUsize::new(0),
            version: AtomicU64::new(0),
            keys_version: AtomicU32::new(0),
            keys_version_at: AtomicU64::new(0),
        }
    }
}

impl DictTable {
    /// The current block (Acquire: a lock-free reader sees what the writer wrote into it).
    #[inline(always)]
    fn keys(&self) -> Option<KeysBlock<'_>> {
        // SAFETY: the word holds null or a block of this table, which stays allocated while the
        // borrow of the table lives (`DictObject::table`'s contract: no writer replaces it
        // meanwhile).
        unsafe { KeysBlock::from_raw(self.keys.load(Ordering::Acquire)) }
    }

    /// The number of live entries.
    #[inline(always)]
    fn used(&self) -> usize {
        self.used.load(Relaxed)
    }

    /// The key-set version.
    #[inline(always)]
    fn version(&self) -> u64 {
        self.version.load(Relaxed)
    }

    /// A change of the key set (by the one writer: a plain load and store, not a locked add).
    #[inline(always)]
    fn bump_version(&self) {
        self.version.store(self.version() + 1, Relaxed);
    }

    /// `used += delta` (by the one writer).
    #[inline(always)]
    fn add_used(&self, delta: isize) {
        self.used.store(self.used().wrapping_add_signed(delta), Relaxed);
    }

    /// The entries written, holes included (with the section or the lock).
    #[inline]
    fn entries(&self) -> &[Entry] {
        // The block stays the table's while the caller's borrow of the table lives (the
        // table's contract), so the slice does not outlive it.
        self.keys().map_or(&[], KeysBlock::entries)
    }

    /// Live entries in order.
    pub fn iter(&self) -> impl Iterator<Item = (&Obj, &Obj)> {
        // SAFETY: the borrow of the table (`DictObject::table`'s contract) keeps every writer
        // away while the references live.
        self.entries().iter().filter_map(|e| unsafe { Some((e.key()?, e.value()?)) })
    }

    /// The entry at position `i` of the entries array (holes included), for iterators.
    pub fn entry_at(&self, i: usize) -> Option<&Entry> {
        self.entries().get(i)
    }

    /// The length of the entries array (holes included).
    pub fn entries_len(&self) -> usize {
        self.keys().map_or(0, |k| k.nentries(Ordering::Relaxed))
    }

    /// The entry index of `key` itself (identity, not equality), for the specialiser's hints.
    pub fn index_of_identical(&self, key: &PyObject) -> Option<usize> {
        self.entries().iter().position(|e| std::ptr::eq(e.key_ptr(Relaxed), key))
    }

    /// The value at entry `index` if that entry's key is `key` itself: a specialised
    /// instruction's hinted lookup, which needs no hashing and validates its own hint.
    #[inline]
    pub fn value_at_if_key(&self, index: usize, key: &PyObject) -> Option<&Obj> {
        let e = self.entries().get(index)?;
        // SAFETY: the borrow of the table keeps every writer away while the reference lives.
        if std::ptr::eq(e.key_ptr(Relaxed), key) { unsafe { e.value() } } else { None }
    }

    /// Whether the key set is the one `keys_version` was handed out for (the guard of
    /// `LOAD_GLOBAL_BUILTIN`: the name is still absent from globals).
    #[inline]
    pub fn keys_version_is(&self, v: u32) -> bool {
        v != 0 && self.keys_version.load(Relaxed) == v && self.keys_version_at.load(Relaxed) == self.version()
    }

    /// Moves the live entries to a new block of room for at least `min_used` entries, publishes
    /// it and gives the old one up (`retire`: see [`DictObject::must_retire`]).
    fn rebuild(&self, min_used: usize, retire: bool) {
        let mut size = MIN_SIZE;
        while size * 2 < min_used * 3 + 1 {
            size *= 2;
        }
        let new = KeysBlock::new(size);
        let old = self.keys();
        if let Some(old) = old {
            // SAFETY: `new` is unpublished; `old` is the table's, and the writer's section (or
            // the lock) is held: the words move, and `old` is given up below without them.
            unsafe { old.move_live_into(new) };
        }
        // Publish: a reader that loads the new block sees its words (Release/Acquire).
        self.keys.store(new.as_raw(), Ordering::Release);
        if let Some(old) = old {
            // SAFETY: unpublished now; freed at once only when no lock-free reader can hold it
            // (the caller's `retire`).
            unsafe { old.give_up(retire) };
        }
    }

    /// Appends an entry for a key known to be absent (growing the table first when the
    /// entries array is full; `retire` as for [`DictTable::rebuild`]).
    fn push_new(&self, hash: isize, key: Obj, value: Obj, retire: impl FnOnce() -> bool) {
        let keys = match self.keys() {
            Some(k) if k.has_room() => k,
            _ => {
                self.rebuild(self.used() + 1, retire());
                self.keys().expect("a block after a rebuild")
            }
        };
        // SAFETY: the writer's section (or the lock) is held, and the key is absent.
        unsafe { keys.push(hash, key, value) };
        self.add_used(1);
        self.bump_version();
    }

    /// Takes the block out (the table becomes empty), for a `clear` or the deallocator: a load
    /// and a Release store of null (the one writer; no locked exchange).
    fn take_keys(&self) -> Option<KeysBlock<'_>> {
        self.used.store(0, Relaxed);
        let old = self.keys();
        if old.is_some() {
            self.keys.store(std::ptr::null_mut(), Ordering::Release);
        }
        old
    }
}

/// A `dict`.
#[repr(C)]
pub struct DictObject {
    /// Header.
    pub ob_base: PyObject,
    table: DictTable,
}

/// The result of a probe: if found, the index slot and the entry (valid while the block is the
/// table's: the caller's borrow or section).
enum Probe<'a> {
    Found { slot: &'a AtomicU32, entry: &'a Entry },
    Missing,
}

impl<'a> Probe<'a> {
    /// The entry found, if any.
    #[inline(always)]
    fn entry(&self) -> Option<&'a Entry> {
        match *self {
            Probe::Found { entry, .. } => Some(entry),
            Probe::Missing => None,
        }
    }
}

/// Whether two keys with equal hashes are equal, when that needs no Python code: the same
/// object, two exact strings, two exact word-sized ints. `None`: ask `__eq__`. Dict and set
/// probes compare with this first, so the common keys cost no reference count and no
/// re-validation of the table.
#[inline]
pub(crate) fn keys_equal_native(a: &PyObject, b: &PyObject) -> Option<bool> {
    if a.is(b) {
        return Some(true);
    }
    let (ta, tb) = (a.type_object(), b.type_object());
    if !std::ptr::eq(ta, tb) {
        return None;
    }
    let t = types();
    if std::ptr::eq(ta, t.str_type) {
        return Some(matches!((as_str_object(a), as_str_object(b)), (Some(x), Some(y)) if x.same_text(y)));
    }
    if std::ptr::eq(ta, t.int_type) {
        // SAFETY: exact ints are laid out as IntObject.
        let (x, y) = unsafe { (a.cast::<super::int::IntObject>(), b.cast::<super::int::IntObject>()) };
        if x.big.is_none() && y.big.is_none() {
            return Some(x.value == y.value);
        }
    }
    None
}

/// Whether two keys with equal hashes are equal (may run `__eq__`).
#[inline]
fn keys_equal(a: &PyObject, b: &PyObject) -> PyResult<bool> {
    match keys_equal_native(a, b) {
        Some(eq) => Ok(eq),
        None => rich_compare_bool(a, b, CompareOp::Eq),
    }
}

impl DictObject {
    /// The table.
    ///
    /// # Safety
    ///
    /// The keys and values the borrow hands out (`DictTable::iter`, `value_at_if_key`, the
    /// entries) are references into words that writers replace: while one is used, no other
    /// thread writes the dict (the caller is attached and runs under its interpreter's lock, or
    /// holds the dict's critical section — the exclusion rule of `obj_slot`'s module docs), and
    /// the calling thread runs no code that can write it or drop a reference (`__eq__`,
    /// `__hash__`, `__del__`, a weakref callback). The table's own words are atomics: writers,
    /// which hold the section, store them through this shared borrow. A dict that is immortal
    /// and no longer written may be read at any time.
    #[inline(always)]
    pub(crate) unsafe fn table(&self) -> &DictTable {
        &self.table
    }

    /// The published block word, for a lock-free reader (an atomic: only atomic operations
    /// touch it).
    #[inline(always)]
    fn keys_word(&self) -> &AtomicPtr<u8> {
        &self.table.keys
    }

    /// Whether the dict is *shared* (CPython's `IS_DICT_SHARED`, the object's
    /// `_PyGC_BITS_SHARED`): a thread other than its owner may read its block without the
    /// section, so a block it gives up must be retired through QSBR. Acquire: pairs with the
    /// Release of [`DictObject::mark_shared`], so a reader that sees the mark sees every block
    /// published before it.
    #[inline(always)]
    pub(crate) fn is_shared(&self) -> bool {
        self.ob_base.ob_gc_bits.load(Ordering::Acquire) & gc_bits::SHARED != 0
    }

    /// Whether the calling thread owns the dict (biased reference counting's `ob_tid`; a merged
    /// dict has no owner).
    #[inline(always)]
    fn owned_by_current_thread(&self) -> bool {
        self.ob_base.ob_tid.load(Ordering::Relaxed) == super::thread_id()
    }

    /// Sets the shared mark (`SET_DICT_SHARED`), in the dict's section.
    #[inline]
    fn mark_shared(&self) {
        self.ob_base.ob_gc_bits.fetch_or(gc_bits::SHARED, Ordering::Release);
    }

    /// Before a lock-free read of a free-threaded dict (`ensure_shared_on_read`): a thread other
    /// than the owner marks the dict shared the first time, in the dict's section, before it
    /// loads the block. The owner needs no mark: it never reads while it writes, and a writer
    /// that is not the owner marks the dict itself ([`DictObject::must_retire`]).
    #[inline(always)]
    pub(crate) fn ensure_shared_on_read(&self) {
        if !self.owned_by_current_thread() && !self.is_shared() {
            self.mark_shared_on_read();
        }
    }

    #[cold]
    #[inline(never)]
    fn mark_shared_on_read(&self) {
        if crate::sync::broken(crate::sync::Mutation::DictReadUnshared) {
            // The deliberately broken twin (loom only): a foreign reader reads without the mark,
            // so the owner's resize frees the block at once under it.
            return;
        }
        // The section orders the mark against every writer's block replacement: a writer that
        // ran before it published its block first; one that runs after it sees the mark.
        super::mutation::locked(&self.ob_base, || self.mark_shared());
    }

    /// Whether a block this writer (in the section) gives up must be retired through QSBR rather
    /// than freed at once (`ensure_shared_on_resize` + `IS_DICT_SHARED`): only in a
    /// free-threaded interpreter, and only if the dict is shared or the writer is not its owner
    /// (then the owner may be reading it lock-free; the dict is marked shared, as CPython does).
    /// An unshared dict written by its owner has no lock-free reader but the writer itself, so a
    /// single-threaded free-threaded program retires nothing.
    #[inline]
    fn must_retire(&self) -> bool {
        if !free_threaded() {
            return false;
        }
        if self.is_shared() {
            return true;
        }
        if self.owned_by_current_thread() {
            return false;
        }
        self.mark_shared();
        true
    }

    /// The entry index of `key` itself (identity, not equality), for the specialiser's hints.
    pub(crate) fn index_of_identical(&self, key: &PyObject) -> Option<usize> {
        // SAFETY: a read under the interpreter's lock; identity tests run no Python code.
        unsafe { self.table() }.index_of_identical(key)
    }

    /// Whether the key set is the one `keys_version` was handed out for (the guard of
    /// `LOAD_GLOBAL_BUILTIN`: the name is still absent from globals).
    #[inline]
    pub(crate) fn keys_version_is(&self, v: u32) -> bool {
        self.table.keys_version_is(v)
    }

    /// The length of the entries array (holes included): where a reversed iterator starts.
    pub(crate) fn entries_len(&self) -> usize {
        // SAFETY: a read of one integer from the block under the interpreter's lock.
        unsafe { self.table() }.entries_len()
    }

    /// The first live entry at position `pos` or after it (before it when `reverse`), as new
    /// references with the key's hash, and the position to continue from: one step of a dict
    /// iterator (`PyDict_Next`), which reads the live table at each step.
    pub(crate) fn next_entry_from(&self, mut pos: usize, reverse: bool) -> (usize, Option<(Obj, Obj, isize)>) {
        // SAFETY: a read under the interpreter's lock; the clones (increfs) run no Python code,
        // and the borrow ends before this returns.
        let table = unsafe { self.table() };
        // SAFETY: the borrow of the table (above) covers the clones.
        let live = |e: &Entry| match unsafe { (e.key(), e.value()) } {
            (Some(k), Some(v)) => Some((k.clone(), v.clone(), e.hash())),
            _ => None,
        };
        if reverse {
            while pos > 0 {
                pos -= 1;
                if let Some(kv) = table.entry_at(pos).and_then(live) {
                    return (pos, Some(kv));
                }
            }
            (pos, None)
        } else {
            while let Some(e) = table.entry_at(pos) {
                pos += 1;
                if let Some(kv) = live(e) {
                    return (pos, Some(kv));
                }
            }
            (pos, None)
        }
    }

    /// The probe of a caller in the dict's section or with a lock (every writer, and readers
    /// with a lock). May run `__eq__`.
    fn probe(&self, key: &PyObject, hash: isize) -> PyResult<Probe<'_>> {
        'restart: loop {
            // SAFETY: a short read under the interpreter's lock or the section: the block and
            // the version are copied out.
            let (keys, version) = {
                let t = unsafe { self.table() };
                (t.keys(), t.version())
            };
            let Some(keys) = keys else { return Ok(Probe::Missing) };
            let view = keys.view();
            let mask = view.mask;
            let mut perturb = hash as usize;
            let mut i = perturb & mask;
            loop {
                match view.index(i).load(Ordering::Relaxed) {
                    EMPTY => return Ok(Probe::Missing),
                    DUMMY => {}
                    ix => {
                        // SAFETY: loaded from the block's index slot (in the section or under the lock).
                        let e = unsafe { view.entry(ix) };
                        if e.hash() == hash {
                            // SAFETY: in the section or under the lock; `k` is cloned before
                            // any `__eq__` runs.
                            if let Some(k) = unsafe { e.key() } {
                                match keys_equal_native(k, key) {
                                    Some(true) => return Ok(Probe::Found { slot: view.index(i), entry: e }),
                                    Some(false) => {
                                        perturb >>= 5;
                                        i = (i * 5 + perturb + 1) & mask;
                                        continue;
                                    }
                                    None => {}
                                }
                                let k = k.clone();
                                let equal = keys_equal(&k, key)?;
                                // `__eq__` may have changed the table (here, or on another
                                // thread while this one's critical section was suspended); an
                                // unchanged version means the block is still the table's.
                                // SAFETY: a read of one integer (`k`'s drop, after it, may run
                                // code).
                                if unsafe { self.table() }.version() != version {
                                    continue 'restart;
                                }
                                if equal {
                                    return Ok(Probe::Found { slot: view.index(i), entry: e });
                                }
                            }
                        }
                    }
                }
                perturb >>= 5;
                i = (i * 5 + perturb + 1) & mask;
            }
        }
    }

    /// A keys version for the current key set (`_PyDictKeys_GetVersionForCurrentState`): unique
    /// across dicts and key sets, made on first request after a change of the key set; 0 when
    /// the process-wide counter is exhausted (then nothing may be cached).
    pub fn keys_version(&self) -> u32 {
        use std::sync::atomic::{AtomicU32, Ordering};
        static NEXT: AtomicU32 = AtomicU32::new(1);
        // The version is written into the table: a write like any other, in the section.
        super::mutation::locked(&self.ob_base, || {
            // SAFETY: in the critical section; only integers are read and written.
            let t = unsafe { self.table() };
            let version = t.version();
            if t.keys_version.load(Relaxed) == 0 || t.keys_version_at.load(Relaxed) != version {
                let v = NEXT.fetch_add(1, Ordering::Relaxed);
                if v == u32::MAX {
                    NEXT.store(u32::MAX, Ordering::Relaxed);
                }
                t.keys_version.store(if v == u32::MAX { 0 } else { v }, Relaxed);
                t.keys_version_at.store(version, Relaxed);
            }
            t.keys_version.load(Relaxed)
        })
    }

    /// Replaces the value at entry `index` if that entry's key is `key` itself; gives back the
    /// old value (for the caller to drop outside the borrow), or `value` when the hint missed.
    #[inline]
    pub fn replace_at_if_key(&self, index: usize, key: &PyObject, value: Obj) -> Result<Obj, Obj> {
        super::mutation::locked(&self.ob_base, || {
            // SAFETY: in the critical section; the old value moves out to the caller, and
            // `maybe_track_dict` only sets GC bits: no code runs while the borrow lives.
            let t = unsafe { self.table() };
            match t.entry_at(index) {
                // SAFETY: in the section (for `value` and `replace_value`).
                Some(e) if std::ptr::eq(e.key_ptr(Relaxed), key) && unsafe { e.value() }.is_some() => {
                    super::gc::maybe_track_dict(&self.ob_base, key, &value);
                    Ok(unsafe { e.replace_value(value) }.expect("checked"))
                }
                _ => Err(value),
            }
        })
    }

    /// The value at entry `index` if that entry's key is `key` itself, as a new reference: the
    /// specialiser's hinted read ([`DictTable::value_at_if_key`]) of a dict other threads may
    /// write.
    #[inline(always)]
    pub fn value_ref_at_if_key(&self, index: usize, key: &PyObject) -> Option<Obj> {
        if !free_threaded() {
            // SAFETY: tested just above.
            return unsafe { self.value_ref_at_if_key_with_lock(index, key) };
        }
        self.value_ref_at_if_key_free_threaded(index, key)
    }

    /// [`DictObject::value_ref_at_if_key`] in an interpreter with a lock (`Own`/`Shared`), for
    /// a caller that tested the kind already.
    ///
    /// # Safety
    ///
    /// The calling thread's interpreter is not free-threaded (`attachment::free_threaded()` is
    /// false).
    #[inline(always)]
    pub(crate) unsafe fn value_ref_at_if_key_with_lock(&self, index: usize, key: &PyObject) -> Option<Obj> {
        debug_assert!(!free_threaded());
        // SAFETY: with the lock (the caller's contract) no writer runs beside this read; the
        // clone runs no Python code.
        unsafe { self.table() }.value_at_if_key(index, key).cloned()
    }

    /// [`DictObject::value_ref_at_if_key`] in a free-threaded interpreter: the lock-free hinted
    /// read of the published block (`dict_keys.rs`), or the same read in the section.
    #[inline(never)]
    pub(crate) fn value_ref_at_if_key_free_threaded(&self, index: usize, key: &PyObject) -> Option<Obj> {
        self.ensure_shared_on_read();
        let word = self.keys_word();
        // SAFETY: the word holds null or the dict's block; a block loaded while this thread is
        // online stays allocated until it passes a quiescent point (retired through QSBR: the
        // dict is shared or this thread owns it and writes nothing during the read), which it
        // does not do before the read ends.
        let keys = unsafe { KeysBlock::from_raw(word.load(Ordering::Acquire)) }?;
        match keys.value_at_if_key_unlocked(index, key, || word.load(Ordering::SeqCst)) {
            Ok(v) => v,
            Err(Contended(stale)) => self.value_ref_at_if_key_locked(index, key, stale),
        }
    }

    /// [`DictObject::value_ref_at_if_key_free_threaded`] when the lock-free read could not
    /// decide: the same read in the section. Out of line, so that the lock-free read needs no
    /// frame for the section's state. `stale`, a reference the lock-free read took to an object
    /// that left its slot, is dropped last, after every use of the dict (a drop may be an
    /// object's last reference and run Python code).
    #[cold]
    #[inline(never)]
    fn value_ref_at_if_key_locked(&self, index: usize, key: &PyObject, stale: Option<Obj>) -> Option<Obj> {
        let found = super::mutation::locked(&self.ob_base, || {
            // SAFETY: in the section; the increment runs no code.
            unsafe { self.table() }.value_at_if_key(index, key).map(|v| {
                super::refcount::incref_with_lock(v);
                // SAFETY: the reference just taken.
                unsafe { Obj::from_owned(v.as_ptr()) }
            })
        });
        drop(stale);
        found
    }

    /// The address of entry `index`'s value if that entry's key is `key` itself, read lock-free
    /// (Acquire loads of the published block; no count is taken, so the object may be gone by
    /// the time the caller looks at it): the first step of the owner's shortcut
    /// (`owned_read.rs`). Free-threaded interpreters only.
    #[inline(always)]
    pub(crate) fn value_ptr_at_if_key_unlocked(&self, index: usize, key: &PyObject) -> Option<NonNull<PyObject>> {
        self.ensure_shared_on_read();
        // SAFETY: as in `value_ref_at_if_key_free_threaded`.
        let keys = unsafe { KeysBlock::from_raw(self.keys_word().load(Ordering::Acquire)) }?;
        keys.value_ptr_at_if_key_unlocked(index, key)
    }

    /// `d.get(key)` with a precomputed hash.
    #[inline]
    pub fn get_hashed(&self, key: &PyObject, hash: isize) -> PyResult<Option<Obj>> {
        if free_threaded() {
            return self.get_hashed_free_threaded(key, hash);
        }
        // With the lock no writer runs beside this read; the clone runs no Python code.
        // SAFETY: with the lock (see above).
        Ok(self.probe(key, hash)?.entry().and_then(|e| unsafe { e.value() }).cloned())
    }

    /// [`DictObject::get_hashed`] in a free-threaded interpreter: the lock-free probe and read
    /// (`dict_keys.rs`), or, when it cannot decide, a fresh probe in the section (never an
    /// index the lock-free probe found, which a resize since may have given to another key).
    #[inline(never)]
    fn get_hashed_free_threaded(&self, key: &PyObject, hash: isize) -> PyResult<Option<Obj>> {
        self.ensure_shared_on_read();
        let word = self.keys_word();
        // SAFETY: as in `value_ref_at_if_key_free_threaded`.
        let fast = match unsafe { KeysBlock::from_raw(word.load(Ordering::Acquire)) } {
            None => Ok(None),
            Some(keys) => keys.lookup_unlocked(key, hash, || word.load(Ordering::SeqCst)),
        };
        match fast {
            Ok(v) => {
                #[cfg(test)]
                LOCK_FREE_READS.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                Ok(v)
            }
            Err(Contended(stale)) => self.get_hashed_locked(key, hash, stale),
        }
    }

    /// [`DictObject::get_hashed_free_threaded`] when the lock-free read could not decide: a
    /// fresh probe in the section (never an index the lock-free probe found, which a resize
    /// since may have given to another key). Out of line, as
    /// [`DictObject::value_ref_at_if_key_locked`], which says when `stale` is dropped.
    #[cold]
    #[inline(never)]
    fn get_hashed_locked(&self, key: &PyObject, hash: isize, stale: Option<Obj>) -> PyResult<Option<Obj>> {
        let found = super::mutation::locked(&self.ob_base, || {
            // In the section, after the probe; the increment runs no code. The stored key is
            // marked as the value is: the next lock-free comparison's try-increment of a key
            // owned by another thread then succeeds.
            let e = self.probe(key, hash)?.entry();
            // SAFETY: in the section, after the probe: no code runs while the borrows live.
            if let Some(k) = e.and_then(|e| unsafe { e.key() }) {
                super::refcount::mark_for_lock_free_reads(k);
            }
            // SAFETY: as above.
            Ok(e.and_then(|e| unsafe { e.value() }).map(|v| {
                super::refcount::incref_with_lock(v);
                // SAFETY: the reference just taken.
                unsafe { Obj::from_owned(v.as_ptr()) }
            }))
        });
        drop(stale);
        found
    }

    /// `d.get(key)`.
    pub fn get(&self, key: &PyObject) -> PyResult<Option<Obj>> {
        self.get_hashed(key, hash(key)?)
    }

    /// Lookup by a `str` key (its cached hash; no Python code).
    #[inline]
    pub fn get_str(&self, key: &PyObject) -> Option<Obj> {
        let h = as_str_object(key).map_or(0, |s| s.hash());
        self.get_hashed(key, h).ok().flatten()
    }

    /// `d[key] = value` with a precomputed hash.
    ///
    /// The whole write — the probe (which may run `__eq__`) and the change of the table — runs
    /// inside the dict's critical section, so writers on other threads never see a table
    /// half-changed; the replaced value is dropped after the section ends.
    pub fn set_hashed(&self, key: Obj, hash: isize, value: Obj) -> PyResult<()> {
        drop(self.replace_hashed(key, hash, value)?);
        Ok(())
    }

    /// [`DictObject::set_hashed`] handing back the value it replaced (the one the write really
    /// took out, whatever a probe's `__eq__` did to the dict) instead of dropping it.
    pub(crate) fn replace_hashed(&self, key: Obj, hash: isize, value: Obj) -> PyResult<Option<Obj>> {
        super::mutation::locked(&self.ob_base, || -> PyResult<Option<Obj>> {
            let probe = self.probe(&key, hash)?;
            // In the critical section, after the probe (which ran any `__eq__`): from here on only
            // GC bits are set and entries move in, out (the replaced value goes to the caller) or
            // to a new block (`rebuild` drops nothing).
            super::gc::maybe_track_dict(&self.ob_base, &key, &value);
            Ok(match probe {
                // SAFETY: in the section; the old value moves out to the caller.
                Probe::Found { entry, .. } => unsafe { entry.replace_value(value) },
                Probe::Missing => {
                    self.table.push_new(hash, key, value, || self.must_retire());
                    None
                }
            })
        })
    }

    /// `d.setdefault(key, default)`: the value at `key`, or `default` after inserting it. One
    /// hash and one probe (CPython's issue 13521: `__hash__` and `__eq__` run once), in the
    /// critical section like [`DictObject::set_hashed`].
    pub(crate) fn set_default(&self, key: Obj, default: Obj) -> PyResult<Obj> {
        let hash = hash(&key)?;
        super::mutation::locked(&self.ob_base, || {
            let probe = self.probe(&key, hash)?;
            // In the critical section, after the probe: only a clone (an incref), GC bits and the
            // move of the new entry into the table.
            Ok(match probe {
                // SAFETY: in the section; the clone runs no code.
                Probe::Found { entry, .. } => unsafe { entry.value() }.cloned().expect("a found entry has a value"),
                Probe::Missing => {
                    super::gc::maybe_track_dict(&self.ob_base, &key, &default);
                    self.table.push_new(hash, key, default.clone(), || self.must_retire());
                    default
                }
            })
        })
    }

    /// `dict_merge` from another dict (`update`, `|`, `{**src}`): its entries walked live
    /// (`PyDict_Next`) with their stored hashes (no `__hash__` runs); a source whose size changes
    /// meanwhile (an `__eq__` run by an insertion mutated it) is an error, as in CPython.
    pub(crate) fn merge_from(&self, src: &DictObject) -> PyResult<()> {
        if std::ptr::eq(self, src) {
            return Ok(());
        }
        let size = src.len();
        let mut pos = 0;
        while let (next, Some((k, v, h))) = src.next_entry_from(pos, false) {
            pos = next;
            self.set_hashed(k, h, v)?;
            if src.len() != size {
                return Err(crate::error::PyErr::runtime_error("dict mutated during update"));
            }
        }
        Ok(())
    }

    /// `d[key] = value`.
    pub fn set(&self, key: Obj, value: Obj) -> PyResult<()> {
        let h = hash(&key)?;
        self.set_hashed(key, h, value)
    }

    /// `d[key] = value`, handing back the replaced value (see [`DictObject::replace_hashed`]).
    pub(crate) fn replace(&self, key: Obj, value: Obj) -> PyResult<Option<Obj>> {
        let h = hash(&key)?;
        self.replace_hashed(key, h, value)
    }

    /// `del d[key]`: the removed value, or `None` if the key was absent. As in
    /// [`DictObject::set_hashed`], probe and write run inside the critical section.
    pub fn remove(&self, key: &PyObject) -> PyResult<Option<Obj>> {
        let h = hash(key)?;
        let removed = super::mutation::locked(&self.ob_base, || -> PyResult<Option<(Option<Obj>, Option<Obj>)>> {
            let Probe::Found { slot, entry } = self.probe(key, h)? else { return Ok(None) };
            // In the critical section, after the probe; the key and value move out and are dropped
            // after the section.
            slot.store(DUMMY, Ordering::Relaxed);
            // SAFETY: in the section; the references move to the caller.
            let old = unsafe { entry.take() };
            self.table.add_used(-1);
            self.table.bump_version();
            Ok(Some(old))
        })?;
        Ok(removed.and_then(|(old_key, old_value)| {
            drop(old_key);
            old_value
        }))
    }

    /// Removes everything (the old entries are dropped after the table is reset).
    pub fn clear(&self) {
        let old = super::mutation::locked(&self.ob_base, || {
            // In the critical section; the old block is taken out whole, its references are
            // dropped after the section.
            self.table.bump_version();
            let old = self.table.take_keys()?;
            // SAFETY: in the section, and the block is no longer the dict's: the references move
            // to the caller.
            let refs = unsafe { old.take_refs() };
            // SAFETY: unpublished; freed at once only when no lock-free reader can hold it.
            unsafe { old.give_up(self.must_retire()) };
            Some(refs)
        });
        drop(old);
    }

    /// A snapshot of the live entries.
    pub fn items(&self) -> Vec<(Obj, Obj)> {
        // SAFETY: a read under the interpreter's lock; the clones (increfs) run no Python code.
        unsafe { self.table() }.iter().map(|(k, v)| (k.clone(), v.clone())).collect()
    }

    /// The number of live entries.
    #[inline]
    pub fn len(&self) -> usize {
        self.table.used()
    }

    /// Whether the dict is empty.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Removes and returns the last entry (`popitem`).
    pub fn pop_last(&self) -> Option<(Obj, Obj)> {
        super::mutation::locked(&self.ob_base, || {
            // In the critical section; the key and value move out to the caller.
            let keys = self.table.keys()?;
            let index = keys.entries().iter().rposition(|e| !e.key_ptr(Relaxed).is_null())?;
            let slot = (0..keys.size()).find(|&i| keys.index(i).load(Ordering::Relaxed) == index as u32)?;
            keys.index(slot).store(DUMMY, Ordering::Relaxed);
            // SAFETY: in the section; the references move to the caller.
            let (k, v) = unsafe { keys.entries()[index].take() };
            self.table.add_used(-1);
            self.table.bump_version();
            Some((k?, v?))
        })
    }
}

/// The `dict` behind `obj` (dict or subclass).
#[inline]
pub fn as_dict(obj: &PyObject) -> Option<&DictObject> {
    if obj.type_object().flags & flags::DICT_SUBCLASS != 0 {
        // SAFETY: dict instances start with DictObject.
        Some(unsafe { obj.cast::<DictObject>() })
    } else {
        None
    }
}

/// The specialiser's hinted read of an attribute in an object's `__dict__`
/// (`LOAD_ATTR_WITH_HINT`, `LOAD_ATTR_MODULE`): entry `index` of the dict in `slot` if its key is
/// `key` itself (and, with `keys_version`, the key set is still that version's), as a new
/// reference.
///
/// With a lock the dict is borrowed through the slot. In a free-threaded interpreter another
/// thread may replace the owner's `__dict__` (`o.__dict__ = {}`) and free the dict under such a
/// borrow, and a reference the read must drop (`unlocked_read`'s stale one) may run a `__del__`
/// that does so: the dict is taken with a count first (`new_ref_from_slot`: a try-increment and
/// re-check, the owner's critical section as the fallback) and released after the read.
///
/// # Safety
///
/// `slot` is `owner`'s `__dict__` word (`attr::dict_slot(owner)`), holding a dict or nothing,
/// whose writers hold `owner`'s critical section (`new_ref_from_slot`'s fallback takes it); with
/// a lock, the caller runs under it.
#[inline]
pub(crate) unsafe fn value_ref_in_dict_slot(
    owner: &PyObject,
    slot: &super::obj_slot::ObjSlot<'_>,
    index: usize,
    key: &PyObject,
    keys_version: Option<u32>,
) -> Option<Obj> {
    if !free_threaded() {
        // SAFETY: with the lock no writer runs beside this read, and the loan ends after a table
        // read and a clone, which run no Python code.
        return unsafe {
            slot.with_borrowed(|d| {
                let t = as_dict(d?)?.table();
                if keys_version.is_some_and(|v| !t.keys_version_is(v)) {
                    return None;
                }
                t.value_at_if_key(index, key).cloned()
            })
        };
    }
    let d = super::unlocked_read::new_ref_from_slot(owner, || slot.load())?;
    let dd = as_dict(&d)?;
    if keys_version.is_some_and(|v| !dd.keys_version_is(v)) {
        return None;
    }
    // The owner's shortcut first (a value this thread owns and counts), as every hinted read.
    let v = super::owned_read::hinted_value_ref(dd, index, key);
    drop(d);
    v
}

/// A new empty dict.
pub fn new_dict() -> PyResult<Obj> {
    new_dict_of_type(types().dict_type)
}

/// A new empty instance of `dict` or a subclass.
pub fn new_dict_of_type(ty: &TypeObject) -> PyResult<Obj> {
    // SAFETY: DictObject starts with the header; the deallocator drops it; a subclass's dict
    // pointer is written after it.
    unsafe {
        // An exact dict starts untracked (3.13: `gc.is_tracked({})` is False); see
        // `gc::maybe_track_dict`.
        let alloc = if std::ptr::eq(ty, types().dict_type) {
            super::alloc::alloc_sized_untracked
        } else {
            super::alloc::alloc_sized
        };
        let obj = alloc(ty, ty.basic_size.max(size_of::<DictObject>()), |ob_base| DictObject {
            ob_base,
            table: DictTable::default(),
        })?;
        if ty.dict_offset != 0 {
            (obj.as_ptr().as_ptr() as *mut u8).add(ty.dict_offset).cast::<Option<Obj>>().write(None);
        }
        Ok(obj)
    }
}

/// A new exact dict holding the entries of `template`, in its order: the template's block
/// copied at once (one allocation, no hashing, no probing, no growth by doubling) instead of
/// one insertion per entry. How each interpreter makes its `builtins` and `sys` dicts from a
/// per-process template (`modules::builtins`, `modules::sys_shared`).
///
/// The template is shared by every thread and interpreter and read without its critical
/// section: it must be a leaked dict, filled before it was published and never written after,
/// whose keys and values are all immortal (so copying the references writes no count).
pub(crate) fn new_dict_from_template(template: &'static DictObject) -> PyResult<Obj> {
    let d = new_dict()?;
    // SAFETY: the template is immortal and no longer written (this function's contract).
    let src = unsafe { template.table() };
    if let Some(keys) = src.keys() {
        // SAFETY: the template is a leaked, never-written dict of immortal keys and values.
        let copy = unsafe { keys.copy_of_template() };
        // The dict is new and not yet shared: no critical section is needed to fill it (no other
        // reference to it exists; its table is empty, so there is no block to give up).
        let t = &as_dict(&d).expect("a dict").table;
        t.keys.store(copy.as_raw(), Ordering::Release);
        t.used.store(src.used(), Relaxed);
    }
    Ok(d)
}

/// Leaks an immortal dict (a static type's `__dict__`); filled before it is published.
pub(crate) fn leak_dict(ty: &TypeObject) -> &'static DictObject {
    // SAFETY: DictObject starts with the header; immortal, never freed.
    unsafe { super::alloc::leak_immortal(ty, |ob_base| DictObject { ob_base, table: DictTable::default() }) }
}

/// `dict`'s deallocator.
///
/// # Safety
///
/// See [`super::typeobj::DeallocFn`].
pub(crate) unsafe fn dealloc_dict(op: NonNull<PyObject>) {
    // SAFETY: forwarded contract.
    unsafe {
        let ty = op.as_ref().type_object();
        if ty.dict_offset != 0 {
            std::ptr::drop_in_place((op.as_ptr() as *mut u8).add(ty.dict_offset).cast::<Option<Obj>>());
        }
        // Keys and values are released after the block is freed, through the trashcan (a
        // deeply nested dict must not free itself by native recursion). The block is freed at
        // once in every kind of interpreter: the dict object itself is freed at once below, so
        // every lock-free reader holds a count on the dict (`value_ref_in_dict_slot`; the
        // class, globals and builtins dicts are held by their type or function), and none can
        // be probing a dict being deallocated. (Retiring it here made a free-threaded
        // `del list_of_100k_dicts` retire 100k blocks inside one instruction.)
        // The last reference is gone: nobody else reaches the table, so the block is read and
        // freed without unpublishing it (no store, no locked exchange).
        let refs = match op.cast::<DictObject>().as_ref().table.keys() {
            Some(keys) => {
                let refs = keys.take_refs();
                keys.give_up(false);
                refs
            }
            None => Vec::new(),
        };
        drop_and_free::<DictObject>(op);
        super::trashcan::release(refs);
    }
}

impl DictObject {
    /// Inserts into an immortal dict under construction: keys are distinct interned strings,
    /// compared by identity (no Python code, no type lookups — the static types are not ready).
    ///
    /// # Safety
    ///
    /// The dict is not yet published (no other thread can reach it) and no borrow of its table
    /// is live: it is being filled by the code that leaked it; `key` is an interned `str`.
    pub(crate) unsafe fn set_immortal(&self, key: &'static PyObject, value: &'static PyObject) {
        // SAFETY: the caller passes interned strings (StrObject layout).
        let hash = unsafe { key.cast::<super::str::StrObject>() }.hash();
        // The caller's contract: the dict is not yet published (no reader, no block to retire);
        // only immortal references move in and nothing is dropped.
        let t = &self.table;
        let version = t.version();
        t.push_new(hash, Obj::new_ref(key), Obj::new_ref(value), || false);
        t.version.store(version, Relaxed);
    }
}

/// What the loom models in `loom-tests` drive: a dict of test objects, written and read through
/// the real paths. Keys are compared by identity (the models' objects have no `__eq__`), with
/// hashes the model picks.
#[cfg(loom)]
pub mod model {
    use crate::Python;
    use crate::object::{Bound, PyObject};

    use super::{Obj, as_dict};

    fn dict(d: &PyObject) -> &super::DictObject {
        as_dict(d).expect("a dict")
    }

    /// A new empty dict.
    pub fn new(py: Python<'_>) -> Bound<'_> {
        let d = super::new_dict().expect("a dict");
        Bound::new_ref(py, &d)
    }

    /// `d[key] = value` for a key of hash `hash` (the replaced value released after the section).
    pub fn set(d: &PyObject, key: &PyObject, hash: isize, value: &PyObject) {
        dict(d).set_hashed(Obj::new_ref(key), hash, Obj::new_ref(value)).expect("no __eq__ runs");
    }

    /// `d[key]` through the lock-free lookup.
    ///
    /// # Safety
    ///
    /// The dict's values are objects the caller may hold as `py`'s (the model's items are boxed
    /// test objects, which the interpreter's membership check does not know).
    pub unsafe fn get<'py>(py: Python<'py>, d: &PyObject, key: &PyObject, hash: isize) -> Option<Bound<'py>> {
        let v = dict(d).get_hashed(key, hash).expect("no __eq__ runs");
        // SAFETY: the caller's contract; the reference is the one the lookup took.
        v.map(|x| unsafe { Bound::from_owned(py, x.into_raw()) })
    }
}
