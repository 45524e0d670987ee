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
//! **Why an entry stays right.** An entry records the type's version tag when it was filled. A
//! tag names one state of every dict of the type's MRO: every write to a class dict goes
//! through `type_setattro` (or `__bases__`/`__module__`/slot assignment), which takes the tags of
//! the class and of every class below it away (`typeobj::modified`) before and after the write,
//! and tags are never given twice within an interpreter (`InterpTypes::next_version`) — so an
//! entry whose tag equals the type's current tag describes the dicts as they are now, and its
//! value is still held by one of them. A new class is given a fresh tag once it is registered
//! in its bases' subclass lists (before that a base's modification could not reach it), so
//! nothing cached while it was being built is found again. Only immortal names are cached:
//! interned strings (every `co_names` entry, `intern`'s names), whose address is never reused
//! for another name; lookups by any other string walk the MRO.
//!
//! **Which interpreters.** The table belongs to an interpreter ([`super::type_state::InterpTypes`],
//! because heap tags are unique only within one) and is used only by interpreters with a lock:
//! the lock is held by the one attached thread, so reading an entry, checking the tag and taking
//! a reference to the value cannot interleave with a class change that frees it. A free-threaded
//! interpreter walks the MRO on every lookup: a shared table would need CPython's per-entry
//! sequence locks plus a "try to take a reference" on values another thread may be freeing (its
//! `_Py_TryIncrefCompare`), which pyrt's reference counting does not offer yet (see DESIGN.md,
//! "Not built yet").

use std::cell::UnsafeCell;
use std::ptr;

use super::header::PyObject;
use super::obj::Obj;
use super::typeobj::TypeObject;

/// Bits of the table index (CPython's `MCACHE_SIZE_EXP`).
const CACHE_BITS: u32 = 12;
/// Entries in the table.
pub(crate) const CACHE_SIZE: usize = 1 << CACHE_BITS;

/// One remembered lookup: `lookup(type with tag version, name) = value` (null: not found).
#[derive(Clone, Copy)]
struct Entry {
    version: u32,
    name: *const PyObject,
    value: *const PyObject,
}

const EMPTY: Entry = Entry { version: 0, name: ptr::null(), value: ptr::null() };

/// An interpreter's type attribute cache (see the module docs). Made empty; its table is
/// allocated on first use.
pub(crate) struct TypeCache {
    entries: UnsafeCell<Option<Box<[Entry; CACHE_SIZE]>>>,
}

// SAFETY: the table is only touched by the thread holding the interpreter's lock (`lookup`
// is reached only through `with_current`, which checks that the interpreter has one); entries
// hold addresses, never references.
unsafe impl Send for TypeCache {}
// SAFETY: as above.
unsafe impl Sync for TypeCache {}

impl Default for TypeCache {
    fn default() -> Self {
        TypeCache { entries: UnsafeCell::new(None) }
    }
}

/// An empty table, made on the heap (it is 96 KiB).
fn new_table() -> Box<[Entry; CACHE_SIZE]> {
    match vec![EMPTY; CACHE_SIZE].into_boxed_slice().try_into() {
        Ok(table) => table,
        Err(_) => unreachable!("the vector has CACHE_SIZE entries"),
    }
}

/// CPython's `MCACHE_HASH`: the tag mixed with the name's address (interned names are 16-byte
/// aligned arena or heap blocks, so their low bits carry nothing).
#[inline(always)]
fn slot_of(version: u32, name: *const PyObject) -> usize {
    ((version as usize) ^ ((name as usize) >> 4)) & (CACHE_SIZE - 1)
}

impl TypeCache {
    /// `attr::lookup` through the cache: `walk` is the uncached MRO walk.
    ///
    /// # Safety
    ///
    /// The calling thread holds the lock of the interpreter that owns this cache. The walk may
    /// run Python code (an `__eq__` of a non-string key in a class dict) and so let other
    /// threads run: no borrow of the table is held across it, and its result is stored only if
    /// the tag did not change meanwhile.
    #[inline]
    pub(crate) unsafe fn lookup(
        &self,
        ty: &TypeObject,
        name: &PyObject,
        walk: impl FnOnce(&TypeObject, &PyObject) -> Option<Obj>,
    ) -> Option<Obj> {
        let name_ptr = name as *const PyObject;
        let version = ty.version();
        if version != 0 {
            // SAFETY: the lock is held (caller's contract), so no other thread touches the
            // table; the borrow ends before anything else runs.
            if let Some(table) = unsafe { &*self.entries.get() }.as_deref() {
                let e = table[slot_of(version, name_ptr)];
                if e.version == version && ptr::eq(e.name, name_ptr) {
                    // SAFETY: the tag is unchanged since the entry was filled, so the value is
                    // still held by a dict of the MRO (module docs); the lock keeps it so while
                    // the reference is taken.
                    return (!e.value.is_null()).then(|| Obj::new_ref(unsafe { &*e.value }));
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
            // SAFETY: as above (the walk is over; the lock is held again if it was let go).
            let table = unsafe { &mut *self.entries.get() }.get_or_insert_with(new_table);
            let value = found.as_deref().map_or(ptr::null(), |v| v as *const PyObject);
            table[slot_of(version, name_ptr)] = Entry { version, name: name_ptr, value };
        }
        found
    }
}

/// Runs `f` with the current interpreter's cache when one may be used: the thread is attached
/// to an interpreter with a lock (module docs); `None` otherwise.
#[inline]
pub(crate) fn with_current<R>(f: impl FnOnce(&TypeCache) -> R) -> Option<R> {
    let at = super::attachment::current()?;
    // SAFETY: the attachment stays valid while this thread stays attached, which it does for
    // this call (the cache's walk runs no Python code).
    let at = unsafe { at.as_ref() };
    if at.free_threaded() {
        return None;
    }
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
        let name_ptr = name as *const PyObject;
        // SAFETY: tests call this attached to an interpreter with a lock (through `with_current`).
        let table = unsafe { &*self.entries.get() }.as_deref()?;
        let e = table[slot_of(version, name_ptr)];
        (version != 0 && e.version == version && ptr::eq(e.name, name_ptr)).then_some(e.value)
    }
}
