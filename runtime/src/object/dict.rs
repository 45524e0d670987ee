//! `dict`: compact and ordered, as CPython's (`Objects/dictobject.c`).
//!
//! Two arrays: `entries` (hash, key, value) in insertion order, and `indices`, a power-of-two
//! open-addressing table of positions in `entries` (`EMPTY`, `DUMMY` after a deletion, or an
//! entry index). Probing is CPython's: `i = (i * 5 + perturb + 1) & mask` with `perturb`
//! shifted right by 5 each step, so all bits of the hash take part. A deletion leaves a hole in
//! `entries` (key `None`) and `DUMMY` in `indices`; when the entries array is full the table is
//! rebuilt at a size for the live entries, which compacts the holes — iteration order is always
//! insertion order.
//!
//! Key comparison may run Python code (`__eq__`): lookups never hold a borrow of the table
//! across it; they re-read the table after each comparison (a mutated table makes the lookup
//! start again, as CPython does).
//!
//! **Borrows of the table.** The table is written through a shared `&DictObject` (every object
//! is shared), so it sits in an `UnsafeCell`. The two accessors that borrow it, `table` and
//! `table_mut`, are `unsafe fn`s: a borrow held across code that writes the same table — a
//! second accessor call, or Python code (`__eq__`, `__hash__`, a `__del__` or weakref callback
//! started by dropping a reference) that mutates the dict — would alias a `&mut`, which is
//! undefined behaviour. Every call site says why its borrow is short and free of such code.
//! Code outside this module uses the safe methods, which copy what they return out of the table
//! (a clone, an index, a flag) before the borrow ends; removed keys and values are moved out of
//! the table and dropped after the write is complete.

use std::cell::UnsafeCell;
use std::ptr::NonNull;

use super::abstract_ops::{hash, rich_compare_bool};
use super::alloc::drop_and_free;
use super::header::PyObject;
use super::immortal::types;
use super::obj::Obj;
use super::str::as_str_object;
use super::typeobj::{CompareOp, TypeObject, flags};
use crate::error::PyResult;

const EMPTY: u32 = u32::MAX;
const DUMMY: u32 = u32::MAX - 1;
const MIN_SIZE: usize = 8;

/// One slot of the entries array.
pub struct Entry {
    /// The key's hash.
    pub hash: isize,
    /// `None` after deletion.
    pub key: Option<Obj>,
    /// The value (`None` only with a deleted key).
    pub value: Option<Obj>,
}

/// The table of a dict.
#[derive(Default)]
pub struct DictTable {
    indices: Vec<u32>,
    entries: Vec<Entry>,
    used: usize,
    /// Bumped on every change of the key set (iterators detect size changes with it).
    pub version: u64,
    /// The keys version handed to the specialiser (CPython's `dk_version`), valid while
    /// `version == keys_version_at`; 0 when none was asked for.
    keys_version: u32,
    keys_version_at: u64,
}

impl DictTable {
    /// Live entries in order.
    pub fn iter(&self) -> impl Iterator<Item = (&Obj, &Obj)> {
        self.entries.iter().filter_map(|e| Some((e.key.as_ref()?, e.value.as_ref()?)))
    }

    /// The entry at position `i` of the entries array (holes included), for iterators.
    pub fn entry_at(&self, i: usize) -> Option<&Entry> {
        self.entries.get(i)
    }

    /// The length of the entries array (holes included).
    pub fn entries_len(&self) -> usize {
        self.entries.len()
    }

    /// The entry index of `key` itself (identity, not equality), for the specialiser's hints.
    pub fn index_of_identical(&self, key: &PyObject) -> Option<usize> {
        self.entries.iter().position(|e| e.key.as_deref().is_some_and(|k| k.is(key)))
    }

    /// The value at entry `index` if that entry's key is `key` itself: a specialised
    /// instruction's hinted lookup, which needs no hashing and validates its own hint.
    #[inline]
    pub fn value_at_if_key(&self, index: usize, key: &PyObject) -> Option<&Obj> {
        let e = self.entries.get(index)?;
        if e.key.as_deref().is_some_and(|k| k.is(key)) { e.value.as_ref() } else { None }
    }

    /// Whether the key set is the one `keys_version` was handed out for (the guard of
    /// `LOAD_GLOBAL_BUILTIN`: the name is still absent from globals).
    #[inline]
    pub fn keys_version_is(&self, v: u32) -> bool {
        v != 0 && self.keys_version == v && self.keys_version_at == self.version
    }

    fn rebuild(&mut self, min_used: usize) {
        let mut size = MIN_SIZE;
        while size * 2 < min_used * 3 + 1 {
            size *= 2;
        }
        let old = std::mem::take(&mut self.entries);
        self.entries = Vec::with_capacity(size * 2 / 3);
        self.indices = vec![EMPTY; size];
        for e in old {
            if e.key.is_some() {
                let pos = self.entries.len() as u32;
                let slot = self.free_slot(e.hash);
                self.indices[slot] = pos;
                self.entries.push(e);
            }
        }
    }

    /// Appends an entry for a key known to be absent (growing the table first when the
    /// entries array is full).
    fn push_new(&mut self, hash: isize, key: Obj, value: Obj) {
        if self.indices.is_empty() || self.entries.len() >= self.indices.len() * 2 / 3 {
            self.rebuild(self.used + 1);
        }
        let slot = self.free_slot(hash);
        self.indices[slot] = self.entries.len() as u32;
        self.entries.push(Entry { hash, key: Some(key), value: Some(value) });
        self.used += 1;
        self.version += 1;
    }

    fn free_slot(&self, hash: isize) -> usize {
        let mask = self.indices.len() - 1;
        let mut perturb = hash as usize;
        let mut i = perturb & mask;
        loop {
            if self.indices[i] == EMPTY {
                return i;
            }
            perturb >>= 5;
            i = (i * 5 + perturb + 1) & mask;
        }
    }
}

/// A `dict`.
#[repr(C)]
pub struct DictObject {
    /// Header.
    pub ob_base: PyObject,
    table: UnsafeCell<DictTable>,
}

/// The result of a probe: the slot in `indices` and, if found, the entry index.
enum Probe {
    Found { slot: usize, index: usize },
    Missing,
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
    /// A shared borrow of the table.
    ///
    /// # Safety
    ///
    /// The caller is attached and runs under its interpreter's lock (the exclusion rule of
    /// `obj_slot`'s module docs; a free-threaded reader that may race a writer on another
    /// thread also holds the dict's critical section), and while the borrow is used nothing
    /// writes this table: no borrow from [`DictObject::table_mut`] is live, and no code runs
    /// that can run Python code or drop a reference (`__eq__`, `__hash__`, `__del__`, a weakref
    /// callback). A dict that is immortal and no longer written may be read at any time.
    #[inline(always)]
    pub(crate) unsafe fn table(&self) -> &DictTable {
        // SAFETY: the caller's contract: no write overlaps the borrow.
        unsafe { &*self.table.get() }
    }

    /// An exclusive borrow of the table, for a write.
    ///
    /// # Safety
    ///
    /// As [`DictObject::table`], and in addition no other borrow of the table (from `table` or
    /// `table_mut`) is used while this one lives. In a free-threaded interpreter the caller
    /// holds the dict's critical section (`mutation::locked`), or the dict is not yet shared.
    #[allow(clippy::mut_from_ref)]
    #[inline(always)]
    unsafe fn table_mut(&self) -> &mut DictTable {
        // SAFETY: the caller's contract: this is the only borrow of the table while it lives.
        unsafe { &mut *self.table.get() }
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
        // SAFETY: a read of two integers under the interpreter's lock.
        unsafe { self.table() }.keys_version_is(v)
    }

    /// The length of the entries array (holes included): where a reversed iterator starts.
    pub(crate) fn entries_len(&self) -> usize {
        // SAFETY: a read of one integer under the interpreter's lock.
        unsafe { self.table() }.entries_len()
    }

    /// The first live entry at position `pos` or after it (before it when `reverse`), as new
    /// references with the key's hash, and the position to continue from: one step of a dict
    /// iterator (`PyDict_Next`), which reads the live table at each step.
    pub(crate) fn next_entry_from(&self, mut pos: usize, reverse: bool) -> (usize, Option<(Obj, Obj, isize)>) {
        // SAFETY: a read under the interpreter's lock; the clones (increfs) run no Python code,
        // and the borrow ends before this returns.
        let table = unsafe { self.table() };
        let live = |e: &Entry| match (&e.key, &e.value) {
            (Some(k), Some(v)) => Some((k.clone(), v.clone(), e.hash)),
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

    fn probe(&self, key: &PyObject, hash: isize) -> PyResult<Probe> {
        'restart: loop {
            // SAFETY: (this and each `self.table()` below) a short read under the interpreter's
            // lock; no borrow is used after `keys_equal`, the one call that can run Python code
            // (the compared key is a clone, and the table is borrowed again afterwards).
            let t = unsafe { self.table() };
            if t.indices.is_empty() {
                return Ok(Probe::Missing);
            }
            let version = t.version;
            let mask = t.indices.len() - 1;
            let mut perturb = hash as usize;
            let mut i = perturb & mask;
            loop {
                // SAFETY: see above.
                let t = unsafe { self.table() };
                match t.indices[i] {
                    EMPTY => return Ok(Probe::Missing),
                    DUMMY => {}
                    ix => {
                        let e = &t.entries[ix as usize];
                        if e.hash == hash {
                            if let Some(k) = &e.key {
                                match keys_equal_native(k, key) {
                                    Some(true) => return Ok(Probe::Found { slot: i, index: ix as usize }),
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
                                // thread while this one's critical section was suspended).
                                // SAFETY: see above (`k`'s drop, after this read, may run code).
                                if unsafe { self.table() }.version != version {
                                    continue 'restart;
                                }
                                if equal {
                                    return Ok(Probe::Found { slot: i, index: ix as usize });
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
            // SAFETY: in the critical section; the borrow only writes integers.
            let t = unsafe { self.table_mut() };
            if t.keys_version == 0 || t.keys_version_at != t.version {
                let v = NEXT.fetch_add(1, Ordering::Relaxed);
                if v == u32::MAX {
                    NEXT.store(u32::MAX, Ordering::Relaxed);
                }
                t.keys_version = if v == u32::MAX { 0 } else { v };
                t.keys_version_at = t.version;
            }
            t.keys_version
        })
    }

    /// Replaces the value at entry `index` if that entry's key is `key` itself; gives back the
    /// old value (for the caller to drop outside the borrow), or `value` when the hint missed.
    #[inline]
    pub fn replace_at_if_key(&self, index: usize, key: &PyObject, value: Obj) -> Result<Obj, Obj> {
        super::mutation::locked(&self.ob_base, || {
            // SAFETY: in the critical section; the old value moves out to the caller, and
            // `maybe_track_dict` only sets GC bits: no code runs while the borrow lives.
            let t = unsafe { self.table_mut() };
            match t.entries.get_mut(index) {
                Some(e) if e.key.as_deref().is_some_and(|k| k.is(key)) && e.value.is_some() => {
                    super::gc::maybe_track_dict(&self.ob_base, key, &value);
                    Ok(e.value.replace(value).expect("checked"))
                }
                _ => Err(value),
            }
        })
    }

    /// A new reference to the value `read` finds in the table, safe against a writer on another
    /// thread replacing it meanwhile (`object::unlocked_read`).
    #[inline(always)]
    fn value_ref(&self, read: impl Fn(&DictTable) -> Option<&Obj>) -> Option<Obj> {
        // SAFETY: under the interpreter's lock, `table`'s contract holds as for any read (`read`
        // and the increment run no Python code). Without it (a free-threaded interpreter whose
        // threads run Python in parallel, not built yet: DESIGN.md "Not built yet") this is the
        // unlocked read of `object::unlocked_read`, which covers a value replaced and freed
        // meanwhile but not the table itself reallocated by a resize.
        super::unlocked_read::new_ref_from_slot(&self.ob_base, || read(unsafe { self.table() }).map(Obj::as_ptr))
    }

    /// The value at entry `index` if that entry's key is `key` itself, as a new reference: the
    /// specialiser's hinted read ([`DictTable::value_at_if_key`]) of a dict other threads may
    /// write.
    #[inline]
    pub fn value_ref_at_if_key(&self, index: usize, key: &PyObject) -> Option<Obj> {
        self.value_ref(|t| t.value_at_if_key(index, key))
    }

    /// `d.get(key)` with a precomputed hash.
    #[inline]
    pub fn get_hashed(&self, key: &PyObject, hash: isize) -> PyResult<Option<Obj>> {
        Ok(match self.probe(key, hash)? {
            Probe::Found { index, .. } => self.value_ref(|t| t.entries.get(index).and_then(|e| e.value.as_ref())),
            Probe::Missing => None,
        })
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
        let old = super::mutation::locked(&self.ob_base, || -> PyResult<Option<Obj>> {
            let probe = self.probe(&key, hash)?;
            // SAFETY: in the critical section, after the probe (which ran any `__eq__`): from
            // here on only GC bits are set and entries move in, out (the replaced value goes to
            // the caller) or within the table (`rebuild` drops only emptied entries).
            let t = unsafe { self.table_mut() };
            super::gc::maybe_track_dict(&self.ob_base, &key, &value);
            Ok(match probe {
                Probe::Found { index, .. } => t.entries[index].value.replace(value),
                Probe::Missing => {
                    t.push_new(hash, key, value);
                    None
                }
            })
        })?;
        drop(old);
        Ok(())
    }

    /// `d.setdefault(key, default)`: the value at `key`, or `default` after inserting it. One
    /// hash and one probe (CPython's issue 13521: `__hash__` and `__eq__` run once), in the
    /// critical section like [`DictObject::set_hashed`].
    pub(crate) fn set_default(&self, key: Obj, default: Obj) -> PyResult<Obj> {
        let hash = hash(&key)?;
        super::mutation::locked(&self.ob_base, || {
            let probe = self.probe(&key, hash)?;
            // SAFETY: in the critical section, after the probe: only a clone (an incref), GC
            // bits and the move of the new entry into the table happen while the borrow lives.
            let t = unsafe { self.table_mut() };
            Ok(match probe {
                Probe::Found { index, .. } => t.entries[index].value.clone().expect("a found entry has a value"),
                Probe::Missing => {
                    super::gc::maybe_track_dict(&self.ob_base, &key, &default);
                    t.push_new(hash, key, default.clone());
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

    /// `del d[key]`: the removed value, or `None` if the key was absent. As in
    /// [`DictObject::set_hashed`], probe and write run inside the critical section.
    pub fn remove(&self, key: &PyObject) -> PyResult<Option<Obj>> {
        let h = hash(key)?;
        let removed = super::mutation::locked(&self.ob_base, || -> PyResult<Option<(Option<Obj>, Option<Obj>)>> {
            let Probe::Found { slot, index } = self.probe(key, h)? else { return Ok(None) };
            // SAFETY: in the critical section, after the probe; the key and value move out and
            // are dropped after the section.
            let t = unsafe { self.table_mut() };
            t.indices[slot] = DUMMY;
            let e = &mut t.entries[index];
            let old = (e.key.take(), e.value.take());
            t.used -= 1;
            t.version += 1;
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
            // SAFETY: in the critical section; the old table moves out whole and is dropped
            // after the section.
            let t = unsafe { self.table_mut() };
            let old = std::mem::take(t);
            t.version = old.version + 1;
            old
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
        // SAFETY: a read of one integer under the interpreter's lock.
        unsafe { self.table() }.used
    }

    /// Whether the dict is empty.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Removes and returns the last entry (`popitem`).
    pub fn pop_last(&self) -> Option<(Obj, Obj)> {
        super::mutation::locked(&self.ob_base, || {
            // SAFETY: in the critical section; the key and value move out to the caller.
            let t = unsafe { self.table_mut() };
            let index = t.entries.iter().rposition(|e| e.key.is_some())?;
            let slot = t.indices.iter().position(|&ix| ix == index as u32)?;
            let e = &mut t.entries[index];
            let (k, v) = (e.key.take()?, e.value.take()?);
            t.indices[slot] = DUMMY;
            t.used -= 1;
            t.version += 1;
            Some((k, v))
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
            table: UnsafeCell::new(DictTable::default()),
        })?;
        if ty.dict_offset != 0 {
            (obj.as_ptr().as_ptr() as *mut u8).add(ty.dict_offset).cast::<Option<Obj>>().write(None);
        }
        Ok(obj)
    }
}

/// A new exact dict holding the entries of `template`, in its order: both arrays of the table
/// copied at once (two allocations, no hashing, no probing, no growth by doubling) instead of
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
    let mut entries = Vec::with_capacity(src.indices.len() * 2 / 3);
    entries.extend(src.entries.iter().map(|e| Entry { hash: e.hash, key: e.key.clone(), value: e.value.clone() }));
    let table = DictTable { indices: src.indices.clone(), entries, used: src.used, ..DictTable::default() };
    // The dict is new and not yet shared: no critical section is needed to fill it.
    // SAFETY: the dict is new: no other reference to it exists, so no other borrow either; the
    // replaced table is empty.
    *unsafe { as_dict(&d).expect("a dict").table_mut() } = table;
    Ok(d)
}

/// Leaks an immortal dict (a static type's `__dict__`); filled before it is published.
pub(crate) fn leak_dict(ty: &TypeObject) -> &'static DictObject {
    // SAFETY: DictObject starts with the header; immortal, never freed.
    unsafe {
        super::alloc::leak_immortal(ty, |ob_base| DictObject { ob_base, table: UnsafeCell::new(DictTable::default()) })
    }
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
        // deeply nested dict must not free itself by native recursion).
        let table = std::mem::take(&mut *op.cast::<DictObject>().as_ref().table.get());
        drop_and_free::<DictObject>(op);
        let refs: Vec<Obj> = table.entries.into_iter().flat_map(|e| e.key.into_iter().chain(e.value)).collect();
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
        // SAFETY: the caller's contract (the dict is not yet published, no borrow is live);
        // only immortal references move in and nothing is dropped.
        let t = unsafe { self.table_mut() };
        if t.indices.is_empty() || t.entries.len() >= t.indices.len() * 2 / 3 {
            t.rebuild(t.used + 1);
        }
        let slot = t.free_slot(hash);
        t.indices[slot] = t.entries.len() as u32;
        t.entries.push(Entry { hash, key: Some(Obj::new_ref(key)), value: Some(Obj::new_ref(value)) });
        t.used += 1;
    }
}
