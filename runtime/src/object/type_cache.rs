//! The type attribute cache: CPython's `type_cache` behind `_PyType_Lookup`.
//!
//! **What it saves.** `attr::lookup` finds a name in the dicts of a type's MRO: one hashed dict
//! probe per class until a dict holds it — a method of `object` looked up on a class three
//! levels deep costs four probes, and a name that is nowhere (`__getattr__`, `__set_name__`)
//! probes every dict. Lookups repeat with the same type and name all the time (the generic
//! `LOAD_ATTR` of a site that alternates classes, the `slot_*` wrappers, `super()`, the
//! constructors), so the interpreter remembers results in a direct-mapped table of
//! [`CACHE_SIZE`] entries, indexed by a hash of (version tag, name address) — the layout and
//! hash of CPython 3.13's `MCACHE_HASH_METHOD`. A hit is one compare of the tag and one of the
//! name; a miss walks the MRO as before and overwrites the entry. Misses are cached too (a null
//! value), as CPython does.
//!
//! **Why an entry stays right: the invariants.** An entry is `(tag, name) -> value`, the
//! value's address borrowed from a class dict of the MRO of the type that had `tag` when the
//! entry was filled. Nothing in the table holds a reference; what follows keeps every entry
//! that can still be found pointing at a live value that a fresh MRO walk would return.
//!
//! 1. *Who writes an entry.* Only [`TypeCache::lookup`], on a miss, after its walk, and only
//!    if the type still has the tag taken before the walk (a change that started during the
//!    walk took it away) — under the interpreter's lock, or free-threaded under the entry's
//!    sequence lock (below).
//! 2. *Tags are never reused.* A heap tag comes from the interpreter's counter
//!    (`InterpTypes::next_version`, under the type lock, monotonic, never wrapping: exhausted,
//!    classes go untagged); a static type's tag is fixed, and its dict is immutable and holds
//!    only immortal objects. An entry whose tag no live type has is dead: it is never matched.
//! 3. *A tag names one state of every dict of the MRO, and the MRO itself.* Every change to a
//!    class dict takes the tags of the class and of every class below it (through the subclass
//!    lists) away: `type.__setattr__`/`__delattr__` (`attr::type_setattro`) and the special
//!    attributes (`type_attrs::set_in_dict`) call `typeobj::modified` before the write and again
//!    after it; an MRO replaced by `__bases__` assignment (`class_assign::mro_hierarchy`) calls
//!    it for each class whose MRO changes; the collector calls it for every class in the garbage
//!    before it clears dicts (`gc::destroy_garbage`); a new class is given a fresh tag only once
//!    it is registered in its bases' subclass lists (`type_state::tag_registered_class`), so
//!    whatever a lookup cached while it was built is left behind. A class dict is otherwise
//!    unreachable for writes (`C.__dict__` is a read-only `mappingproxy`).
//! 4. *What holds the value alive.* The dict that holds it, for as long as the tag lives. A
//!    write keeps the value it takes out (`DictObject::replace`/`remove` hand it back) until
//!    after the second `modified`: the dict's probe may run a key's `__eq__` that looks the name
//!    up (filling an entry under a tag given after the first `modified`) or writes the name
//!    itself, and the dropped value's `__del__` may read the name; by the time anything can be
//!    freed, every tag under which it was cached is gone.
//! 5. *Subclass lists must reach every class whose MRO lists a changed class.* A metaclass
//!    `mro()` override can list classes that are not bases, whose subclass lists do not reach
//!    the class: such a class loses its tag and its tag budget when its MRO is set
//!    (`type_state::never_tag`, CPython's `type_mro_modified`), and no class whose MRO holds a
//!    class that is never tagged gets a tag either (`type_state::may_tag`, as CPython's
//!    `assign_version_tag` refuses when a base cannot be tagged): a subclass whose metaclass
//!    takes the override back still copies the foreign classes into its C3 MRO. Nor is any class
//!    tagged while a `__bases__` assignment is under way, between installing the new MROs and
//!    registering the class in its new bases' lists (`type_state::BasesAssignment`).
//! 6. *Names.* Only immortal names are cached: interned strings (every `co_names` entry,
//!    `intern`'s names), whose address is never reused for another name; lookups by any other
//!    string walk the MRO.
//!
//! A hit reads the entry, compares tag and name, and takes a reference to the value: with the
//! interpreter's lock held and nothing in between that could run code, by 3 and 4 the value is
//! still in its dict; free-threaded, see below.
//!
//! **Which interpreters.** The table belongs to an interpreter ([`super::type_state::InterpTypes`],
//! because heap tags are unique only within one). With the interpreter's lock, the one
//! attached thread is the only one touching it: a hit reads the entry's words and increments
//! the value, and nothing can free the value in between.
//!
//! **Free-threaded** (CPython 3.13's `Py_GIL_DISABLED` cache: `_PySeqLock` per entry,
//! `update_cache_gil_disabled`, `_Py_TryIncref`). Any thread may read or fill any entry, and a
//! class change on another thread may free a cached value at any moment, so:
//!
//! * *an entry's words are one fill's:* each entry has a sequence lock. A fill makes the
//!   sequence odd (a compare-and-swap; a fill that finds it odd or loses the race leaves the
//!   entry to the other fill), writes the words, makes it even again (`Release`); a reader loads
//!   the sequence (`Acquire`), the words, fences (`Acquire`) and loads the sequence again: the
//!   words are one fill's only if it was even and unchanged.
//! * *the value's reference:* the reader tries to increment it (`try_incref_maybe_freed`, the
//!   lock-free dict and list readers' primitive: it refuses a count that is gone, and the block
//!   stays readable as an arena block — `unlocked_read.rs`), then fences and checks that the
//!   type still has the tag it looked up with. By invariants 3 and 4 a value is released only
//!   after a change took the tag, so an unchanged tag means the object incremented is the
//!   entry's value, still in its dict; a changed tag drops the reference (it was a real one, to
//!   whatever lived there) and the lookup walks. A refused increment (a value being freed, or
//!   owned by another thread with no shared count yet) walks too, and the walk's dict read
//!   marks it so that the next try succeeds (`refcount::incref_with_lock`).
//! * *fills:* the tag is taken (`version_for_cache`, under the type lock), then the MRO walked
//!   (the dicts' lock-free reads, `dict_keys.rs`), then the entry written only if the tag is
//!   still the type's. The walk's result is held while the entry is written; the entry is dead
//!   the moment a change takes the tag (readers compare with the type's current tag), so a fill
//!   that races a change can only leave an entry nobody matches.
//!
//! The loom model `loom-tests/tests/type_cache.rs` checks a reader hitting an entry while a
//! writer replaces the class attribute and releases the old value; its twin
//! (`Mutation::TypeCacheReadPlainIncref`) takes a plain increment and is rejected. The type's
//! tag is a `std` atomic outside the `sync` seam, so the model covers the try-increment and the
//! sequence lock; the tag re-check guards the arena's reuse of a freed block, which the model's
//! values (kept in memory) do not exercise.

use std::ptr::{self, NonNull};

use super::header::PyObject;
use super::obj::Obj;
use super::refcount;
use super::typeobj::TypeObject;
use crate::sync::{AtomicPtr, AtomicU32, Ordering, fence};

/// Bits of the table index (CPython's `MCACHE_SIZE_EXP`); a loom model's interpreter gets a
/// small table (every entry is four modelled atomics).
#[cfg(not(loom))]
const CACHE_BITS: u32 = 12;
#[cfg(loom)]
const CACHE_BITS: u32 = 3;
/// Entries in the table.
pub(crate) const CACHE_SIZE: usize = 1 << CACHE_BITS;

/// One remembered lookup: `lookup(type with tag version, name) = value` (null: not found).
/// With the interpreter's lock the words are read and written `Relaxed` (only the lock holder
/// touches them); free-threaded, `sequence` is the entry's sequence lock (module docs).
struct Entry {
    /// Even while the entry holds one fill's words, odd while a free-threaded fill writes them.
    sequence: AtomicU32,
    version: AtomicU32,
    name: AtomicPtr<PyObject>,
    value: AtomicPtr<PyObject>,
}

impl Entry {
    fn empty() -> Entry {
        Entry {
            sequence: AtomicU32::new(0),
            version: AtomicU32::new(0),
            name: AtomicPtr::new(ptr::null_mut()),
            value: AtomicPtr::new(ptr::null_mut()),
        }
    }
}

/// An interpreter's type attribute cache (see the module docs). Made empty; its table is
/// allocated on first use.
pub(crate) struct TypeCache {
    /// The first of [`CACHE_SIZE`] entries (a leaked boxed slice, freed with the cache), or null
    /// before the first fill. Installed once, with a compare-and-swap (free-threaded fills race).
    table: AtomicPtr<Entry>,
}

impl Default for TypeCache {
    fn default() -> Self {
        TypeCache { table: AtomicPtr::new(ptr::null_mut()) }
    }
}

impl Drop for TypeCache {
    fn drop(&mut self) {
        // Under loom an interpreter's cache can be dropped after its model's execution ended (a
        // model that panics drops the runtime's statics while it unwinds), where loom's atomics
        // cannot be read: the table is leaked there.
        if cfg!(loom) {
            return;
        }
        let first = self.table.load(Ordering::Acquire);
        if !first.is_null() {
            // SAFETY: the table was leaked by `table_or_new` as a boxed slice of CACHE_SIZE
            // entries; the cache is going away with its interpreter, so no lookup uses it.
            drop(unsafe { Box::from_raw(ptr::slice_from_raw_parts_mut(first, CACHE_SIZE)) });
        }
    }
}

/// CPython's `MCACHE_HASH`: the tag mixed with the name's address (interned names are 16-byte
/// aligned arena or heap blocks, so their low bits carry nothing).
#[inline(always)]
fn slot_of(version: u32, name: *const PyObject) -> usize {
    ((version as usize) ^ name_bits(name)) & (CACHE_SIZE - 1)
}

#[cfg(not(loom))]
#[inline(always)]
fn name_bits(name: *const PyObject) -> usize {
    (name as usize) >> 4
}

/// Under loom the name's string hash (CPython's choice): the static types and interned names
/// are made again in each execution, at other addresses, and entries that collide in one
/// execution and not in the next would make loom see a model that is not deterministic.
#[cfg(loom)]
fn name_bits(name: *const PyObject) -> usize {
    // SAFETY: `name` is a live (interned) string the caller holds.
    super::str::as_str_object(unsafe { &*name }).map_or(0, |s| s.hash() as usize)
}

impl TypeCache {
    /// The table, if one was made.
    #[inline(always)]
    fn table(&self) -> Option<&[Entry]> {
        let first = self.table.load(Ordering::Acquire);
        // SAFETY: a non-null pointer is the leaked table (`table_or_new`), alive until the cache
        // is dropped; the Acquire load pairs with the installing compare-and-swap.
        (!first.is_null()).then(|| unsafe { &*ptr::slice_from_raw_parts(first, CACHE_SIZE) })
    }

    /// The table, made now if there is none yet.
    #[cold]
    fn table_or_new(&self) -> &[Entry] {
        if let Some(table) = self.table() {
            return table;
        }
        let made: Box<[Entry]> = (0..CACHE_SIZE).map(|_| Entry::empty()).collect();
        let first = Box::into_raw(made).cast::<Entry>();
        if let Err(installed) = self.table.compare_exchange(ptr::null_mut(), first, Ordering::AcqRel, Ordering::Acquire)
        {
            // Another thread's table went in first: ours was never shared.
            // SAFETY: leaked just above as a boxed slice of CACHE_SIZE entries.
            drop(unsafe { Box::from_raw(ptr::slice_from_raw_parts_mut(first, CACHE_SIZE)) });
            // SAFETY: as in `table`.
            return unsafe { &*ptr::slice_from_raw_parts(installed, CACHE_SIZE) };
        }
        // SAFETY: as in `table` (installed by us).
        unsafe { &*ptr::slice_from_raw_parts(first, CACHE_SIZE) }
    }

    /// `attr::lookup` through the cache in an interpreter with a lock: `walk` is the uncached MRO
    /// walk.
    ///
    /// # Safety
    ///
    /// The calling thread holds the lock of the interpreter that owns this cache. The walk may
    /// run Python code (an `__eq__` of a non-string key in a class dict) and so let other
    /// threads run: no borrow of an entry's words is held across it, and its result is stored
    /// only if the tag did not change meanwhile.
    #[inline]
    pub(crate) unsafe fn lookup_locked(
        &self,
        ty: &TypeObject,
        name: &PyObject,
        walk: impl FnOnce(&TypeObject, &PyObject) -> Option<Obj>,
    ) -> Option<Obj> {
        let name_ptr = name as *const PyObject as *mut PyObject;
        let version = ty.version();
        if version != 0 {
            if let Some(table) = self.table() {
                let e = &table[slot_of(version, name_ptr)];
                if e.version.load(Ordering::Relaxed) == version && e.name.load(Ordering::Relaxed) == name_ptr {
                    let value = e.value.load(Ordering::Relaxed);
                    // SAFETY: the tag is unchanged since the entry was filled, so the value is
                    // still held by a dict of the MRO (module docs, invariants 2-5); the lock
                    // keeps it so while the reference is taken (nothing runs in between).
                    return NonNull::new(value).map(|v| Obj::new_ref(unsafe { v.as_ref() }));
                }
            }
        }
        if !name.is_immortal() {
            return walk(ty, name);
        }
        // A tag first (a class whose tag a modification took gets a fresh one), then the walk:
        // the entry is filled only if the walk saw the dicts of that tag.
        let version = ty.version_for_cache();
        let found = walk(ty, name);
        if version != 0 && ty.version() == version {
            let e = &self.table_or_new()[slot_of(version, name_ptr)];
            let value = found.as_deref().map_or(ptr::null_mut(), |v| v as *const PyObject as *mut PyObject);
            e.version.store(version, Ordering::Relaxed);
            e.name.store(name_ptr, Ordering::Relaxed);
            e.value.store(value, Ordering::Relaxed);
        }
        found
    }

    /// `attr::lookup` through the cache in a free-threaded interpreter (CPython's
    /// `_PyType_LookupRef` under `Py_GIL_DISABLED`; module docs, "Free-threaded").
    #[inline(never)]
    pub(crate) fn lookup_free_threaded(
        &self,
        ty: &TypeObject,
        name: &PyObject,
        walk: impl FnOnce(&TypeObject, &PyObject) -> Option<Obj>,
    ) -> Option<Obj> {
        let name_ptr = name as *const PyObject as *mut PyObject;
        let version = ty.version.load(std::sync::atomic::Ordering::Acquire);
        // A reference taken to an object that was not the entry's value any more: dropped last
        // (it may be the last one, and its deallocator may run Python code).
        let mut stale = None;
        if version != 0 {
            if let Some(table) = self.table() {
                match read_entry(&table[slot_of(version, name_ptr)], ty, version, name_ptr) {
                    EntryRead::Hit(found) => return found,
                    EntryRead::Miss(taken) => stale = taken,
                }
            }
        }
        if !name.is_immortal() {
            return walk(ty, name);
        }
        let version = ty.version_for_cache();
        let found = walk(ty, name);
        if version != 0 && ty.version.load(std::sync::atomic::Ordering::Acquire) == version {
            let value = found.as_deref().map_or(ptr::null_mut(), |v| v as *const PyObject as *mut PyObject);
            fill_entry(&self.table_or_new()[slot_of(version, name_ptr)], version, name_ptr, value);
        }
        drop(stale);
        found
    }
}

/// What a free-threaded reader made of an entry.
enum EntryRead {
    /// The entry answers the lookup (`None`: cached as not found), with a reference taken.
    Hit(Option<Obj>),
    /// It does not (another key, a fill in progress, a value whose count is gone or that left
    /// its dict); a reference taken on the way, to drop once the lookup is over.
    Miss(Option<Obj>),
}

/// The reader's side of an entry's sequence lock (CPython's `_PySeqLock_BeginRead` /
/// `_PySeqLock_EndRead`), then the try-increment of the value and the re-check of the tag.
#[inline(always)]
fn read_entry(e: &Entry, ty: &TypeObject, version: u32, name_ptr: *mut PyObject) -> EntryRead {
    let sequence = e.sequence.load(Ordering::Acquire);
    if sequence & 1 != 0 || e.version.load(Ordering::Relaxed) != version || e.name.load(Ordering::Relaxed) != name_ptr {
        return EntryRead::Miss(None);
    }
    let value = e.value.load(Ordering::Relaxed);
    // The three words are one fill's only if no fill began since the first load of the
    // sequence (a fill makes it odd, then writes, then even again).
    fence(Ordering::Acquire);
    if e.sequence.load(Ordering::Relaxed) != sequence {
        return EntryRead::Miss(None);
    }
    let Some(value) = NonNull::new(value) else { return EntryRead::Hit(None) };
    if crate::sync::broken(crate::sync::Mutation::TypeCacheReadPlainIncref) {
        // SAFETY: none: the broken twin of the loom model (a value freed meanwhile is revived).
        return EntryRead::Hit(Some(Obj::new_ref(unsafe { value.as_ref() })));
    }
    // SAFETY: `value` was the value of a dict of the MRO under `version` when the entry was
    // filled: an object alive or freed since (its block perhaps reused), whose header words stay
    // readable for this lookup: an arena block's page stays mapped while the interpreter lives,
    // and a large object (above the size classes, from the system allocator) is freed through
    // QSBR in a free-threaded interpreter (`Arena::free_or_delay_large`), not before this
    // thread's next quiescent point, which no lookup contains (`unlocked_read.rs`, `list_items`).
    if !unsafe { refcount::try_incref_maybe_freed(value) } {
        return EntryRead::Miss(None); // its count is gone, or it is another thread's: walk
    }
    // SAFETY: the reference just taken, to whatever object lives at `value` now.
    let taken = unsafe { Obj::from_owned(value) };
    // Still the type's tag after the increment: no change of a dict of the MRO began since the
    // tag was first read, and a value leaves its dict only after the change took the tag
    // (module docs, invariants 3 and 4), so the object is the entry's value, still held by its
    // dict. The Acquire fence orders this load after the increment's read of the count: a
    // count seen after the value's free (or its block's reuse) comes with the tag's removal.
    // That last step assumes what CPython's `_PyType_LookupRef` assumes too: the count the
    // increment read on a reused block may have been written by a relaxed store, with no release
    // of its own, so it is the hardware's ordering (x86-64's, AArch64's), not the language's
    // memory model, that makes the tag's removal visible here (the review's note).
    fence(Ordering::Acquire);
    if ty.version.load(std::sync::atomic::Ordering::Relaxed) == version {
        EntryRead::Hit(Some(taken))
    } else {
        EntryRead::Miss(Some(taken))
    }
}

/// The writer's side of the sequence lock (CPython's `update_cache_gil_disabled`): an entry
/// another fill is writing is left to it.
#[inline(always)]
fn fill_entry(e: &Entry, version: u32, name_ptr: *mut PyObject, value: *mut PyObject) {
    let sequence = e.sequence.load(Ordering::Relaxed);
    if sequence & 1 != 0
        || e.sequence
            .compare_exchange(sequence, sequence.wrapping_add(1), Ordering::Acquire, Ordering::Relaxed)
            .is_err()
    {
        return;
    }
    // Orders the odd sequence before the words: a reader that sees one of the new words sees
    // the sequence changed when it checks again.
    fence(Ordering::Release);
    e.version.store(version, Ordering::Relaxed);
    e.name.store(name_ptr, Ordering::Relaxed);
    e.value.store(value, Ordering::Relaxed);
    e.sequence.store(sequence.wrapping_add(2), Ordering::Release);
}

/// `attr::lookup` (`_PyType_Lookup`): through the current interpreter's cache (a thread that is
/// not attached walks).
#[inline(always)]
pub(crate) fn lookup(
    ty: &TypeObject,
    name: &PyObject,
    walk: impl FnOnce(&TypeObject, &PyObject) -> Option<Obj>,
) -> Option<Obj> {
    let Some(at) = super::attachment::current() else { return walk(ty, name) };
    // SAFETY: the attachment record stays valid while this thread stays attached; the cache it
    // leads to belongs to the interpreter, which outlives every thread state attached to it.
    let at = unsafe { at.as_ref() };
    let cache = at.home_ref().type_state().type_cache();
    if at.free_threaded() {
        cache.lookup_free_threaded(ty, name, walk)
    } else {
        // SAFETY: attached to an interpreter with a lock: this thread holds it.
        unsafe { cache.lookup_locked(ty, name, walk) }
    }
}

/// Runs `f` with the current interpreter's cache (tests).
#[cfg(test)]
pub(crate) fn with_current<R>(f: impl FnOnce(&TypeCache) -> R) -> Option<R> {
    let at = super::attachment::current()?;
    // SAFETY: as in `lookup`.
    let at = unsafe { at.as_ref() };
    Some(f(at.home_ref().type_state().type_cache()))
}

/// `name` in the dicts of `tail`, a suffix of some class's MRO (`super()`'s lookup starts after
/// the class it was given). When the first class of the tail has the tail itself as its MRO —
/// every chain of single inheritance, and most others — walking the tail is that class's own
/// lookup, which the cache answers; otherwise the dicts are walked.
pub(crate) fn lookup_in_mro_tail(tail: &[Obj], name: &PyObject) -> Option<Obj> {
    let first = super::typeobj::as_type(tail.first()?)?;
    let own = first.mro();
    if own.len() == tail.len() && own.iter().zip(tail).all(|(a, b)| a.is(b)) {
        return super::attr::lookup(first, name);
    }
    tail.iter().find_map(|t| super::typeobj::as_type(t)?.dict().and_then(super::dict::as_dict)?.get_str(name))
}

#[cfg(test)]
impl TypeCache {
    /// The entry for `(version, name)` if the table holds one: the remembered value's address.
    pub(crate) fn entry_for_tests(&self, version: u32, name: &PyObject) -> Option<*const PyObject> {
        let name_ptr = name as *const PyObject as *mut PyObject;
        let e = &self.table()?[slot_of(version, name_ptr)];
        (version != 0
            && e.sequence.load(Ordering::Acquire) & 1 == 0
            && e.version.load(Ordering::Relaxed) == version
            && e.name.load(Ordering::Relaxed) == name_ptr)
            .then(|| e.value.load(Ordering::Relaxed).cast_const())
    }
}

/// The loom model's handles (loom-tests/tests/type_cache.rs): a class, writes of its attributes
/// (`type.__setattr__`) and lookups through the cache (`_PyType_Lookup`).
#[cfg(loom)]
pub mod model {
    use crate::Python;
    use crate::object::{Bound, PyObject};

    /// A new class with no bases (`type('Cls', (), {})`).
    pub fn new_class<'py>(py: Python<'py>) -> Bound<'py> {
        let t = super::super::immortal::types();
        let args = [
            // Not a one-character name (see `inline_values::model::new_instance`).
            super::super::str::new_str("Cls").expect("a name"),
            super::super::tuple::new_tuple(Vec::new()).expect("no bases"),
            super::super::dict::new_dict().expect("a namespace"),
        ];
        let cls = super::super::classobj::type_new(t.type_type, &args, None).expect("a class");
        // SAFETY: the class was just made by this interpreter, and its reference moves.
        // (`Bound::new_ref`'s ownership check refuses a class here: it is not found in the
        // arena's chunks nor among its large blocks by its object address.)
        unsafe { Bound::from_owned(py, cls.into_raw()) }
    }

    /// `cls.name = value` (the replaced value released once the tags changed again).
    pub fn set(cls: &PyObject, name: &str, value: &PyObject) {
        super::super::attr::type_setattro(cls, &super::super::immortal::intern(name).ob_base, Some(value))
            .expect("set");
    }

    /// `_PyType_Lookup(cls, name)`: through the cache, filling it on a miss.
    ///
    /// # Safety
    ///
    /// The class's attributes are objects the caller may hold as `py`'s.
    pub unsafe fn lookup<'py>(py: Python<'py>, cls: &PyObject, name: &str) -> Option<Bound<'py>> {
        let ty = super::super::typeobj::as_type(cls).expect("a class");
        let found = super::super::attr::lookup(ty, &super::super::immortal::intern(name).ob_base);
        // SAFETY: the caller's contract; the reference is the one the lookup took.
        found.map(|x| unsafe { Bound::from_owned(py, x.into_raw()) })
    }
}
