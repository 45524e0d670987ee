//! Instance attributes as CPython 3.13 lays them out: values inline in the object, keys shared
//! per class (`Objects/dictobject.c`'s split tables, `_PyObject_InitInlineValues`,
//! `_PyObject_StoreInstanceAttribute`, `_PyObject_MaterializeManagedDict`).
//!
//! A class whose instances have a `__dict__` and whose solid base is `object` keeps its
//! instances' attributes in a values array inside the object instead of a dict:
//!
//! ```text
//! [header][__slots__ members][dict: Option<Obj>][valid, len][values: cap × Option<Obj>][order: cap bytes]
//!                            ^ dict_offset
//! ```
//!
//! The names live once per class in its [`SharedKeys`] (CPython's `ht_cached_keys`): an
//! append-only list of attribute names, so the index of a name never changes for the life of
//! the class. `values[i]` is the instance's value for the class's `i`-th key (`None`: not set
//! on this instance). `order` records in which order this instance set its attributes (indices
//! into `values`, `len` of them), so `__dict__` and `vars()` list them in the instance's own
//! insertion order, as CPython's `insertion_order` bytes do.
//!
//! The capacity is fixed when the class is made: the distinct names its `__init__` stores on
//! attributes, plus what the base class expected, plus a little slack (at most
//! [`MAX_INLINE_VALUES`], CPython's `SHARED_KEYS_MAX_SIZE`). A name that finds the keys full, or
//! a name that is not an exact `str`, makes the instance materialise its dict.
//!
//! **Materialisation.** Asking for `obj.__dict__` (or `vars(obj)`, or storing what does not fit)
//! builds a real dict from the values in the instance's order, empties the values and marks them
//! invalid: from then on the dict is the source of truth and every access goes through it
//! (CPython 3.13 keeps the two in sync through a split dict until the dict is resized; the
//! observable behaviour — order, identity of `__dict__`, mutation through it — is the same).
//! Assigning `obj.__dict__ = d` does the same with `d`.
//!
//! Because a name's index is fixed per class, one guard — the class's version tag, which every
//! change of the class renews — lets the specialised `LOAD_ATTR_INSTANCE_VALUE` /
//! `STORE_ATTR_INSTANCE_VALUE` read and write `values[index]` directly; they miss when the
//! values were invalidated. The keys version ([`SharedKeys::version`]) changes whenever a key is
//! appended: `LOAD_ATTR_METHOD_WITH_VALUES` uses it to know that no instance can shadow a method.
//!
//! **Threads** (CPython 3.13t's `_PyObject_InlineValues`, `insert_split_key`,
//! `_PyObject_TryGetInstanceAttribute`, `_PyObject_SetManagedDict`). Every access happens
//! attached.
//!
//! * Writers of an instance's values, its `valid` flag, its order bytes and its dict slot hold
//!   the instance's critical section (a mutex only in free-threaded interpreters); no reference
//!   is held across code that may run Python (an old value is dropped after the section).
//! * The class's shared keys are shared by every instance, so they are appended to under the
//!   *keys'* own lock (`LOCK_KEYS`; a leaf mutex, held for one append, taken only when a class
//!   meets a new name). The names live in a table of [`MAX_INLINE_VALUES`] slots allocated at
//!   the first append and never moved or shrunk: a name is written to its slot, then the length
//!   is published with a Release store; readers load the length (Acquire) and scan without a
//!   lock. Names are released with the class.
//! * Readers take no lock. The value words are atomics (`ObjSlot`: Acquire loads, Release
//!   stores); a free-threaded reader takes its reference with the try-increment and re-load of
//!   `object::unlocked_read`, falling back to a read in the instance's section.
//! * Invalidation is ordered for readers: materialising (or `obj.__dict__ = d`) publishes the
//!   dict in the slot first, then clears `valid` (Release), then empties the values. A reader
//!   that loads `valid` (Acquire) as clear therefore finds the dict; a reader that found a value
//!   found it while the values were still the attributes (they are emptied in the same section
//!   that invalidates them); a reader that found an empty value word re-checks `valid` and, if
//!   the values went invalid meanwhile, reads the dict instead (an empty word there may be one
//!   the materialiser emptied, not a missing attribute).
//! * The dict slot is read with a count (`ObjSlot::get_unlocked`), so a dict replaced by a
//!   concurrent `obj.__dict__ = {}` and released by its writer stays alive while a reader uses
//!   it (CPython borrows it and delays the old dict's release through QSBR instead; a counted
//!   read needs no delayed release).
//!
//! With the interpreter's lock the same code runs: the Acquire loads and Release stores are
//! plain moves on x86-64 and AArch64, and `get_unlocked` is a plain increment.

use std::ptr::NonNull;
use std::sync::atomic::{AtomicPtr, Ordering};

use super::dict::{as_dict, new_dict};
use super::header::PyObject;
use super::immortal::types_known_made;
use super::obj::Obj;
use super::obj_slot::ObjSlot;
use super::str::as_str_object;
use super::typeobj::TypeObject;
use crate::error::{PyErr, PyResult};
use crate::sync::{AtomicU32, AtomicUsize};

/// The most values an instance keeps inline (CPython's `SHARED_KEYS_MAX_SIZE`).
pub(crate) const MAX_INLINE_VALUES: usize = 30;

/// The capacity given to a class whose `__init__` shows no attribute stores.
const DEFAULT_INLINE_VALUES: usize = 6;

/// The name slots of a class's shared keys (allocated once, never moved: module docs).
struct KeyTable([AtomicPtr<PyObject>; MAX_INLINE_VALUES]);

/// Per-class shared keys: append-only attribute names, and a version renewed on each append
/// (see the module docs for who reads and writes what).
pub(crate) struct SharedKeys {
    /// Null until the first append; then `MAX_INLINE_VALUES` slots, each holding a reference.
    table: AtomicPtr<KeyTable>,
    /// How many slots hold names (Release after the slot is written).
    len: AtomicUsize,
    /// The keys version (0: none handed out since the last append).
    version: AtomicU32,
    /// The keys' lock (`LOCK_KEYS`): one appender at a time. A leaf lock held for one append
    /// (no Python code, no other lock, no detach), so a plain `std` mutex; not loom's either,
    /// so the static types' keys add no modelled object to every loom execution (the models
    /// append from one thread only).
    append: std::sync::Mutex<()>,
}

// SAFETY: the table is reached through the atomics above, written under `append` and read as
// the module docs say; the names it holds are exact strings, immutable.
unsafe impl Send for SharedKeys {}
// SAFETY: as above.
unsafe impl Sync for SharedKeys {}

impl SharedKeys {
    /// No keys yet.
    pub(crate) fn new() -> SharedKeys {
        SharedKeys {
            table: AtomicPtr::new(std::ptr::null_mut()),
            len: AtomicUsize::new(0),
            version: AtomicU32::new(0),
            append: std::sync::Mutex::new(()),
        }
    }

    /// The names appended so far (a lock-free snapshot of the slots: module docs).
    #[inline]
    fn names(&self) -> &[AtomicPtr<PyObject>] {
        let len = self.len.load(Ordering::Acquire);
        if len == 0 {
            return &[];
        }
        // SAFETY: a non-zero length was published after the table (Release), which stays
        // allocated while the class lives.
        let table = unsafe { &*self.table.load(Ordering::Acquire) };
        &table.0[..len]
    }

    /// The name at `ix` (with a new reference).
    fn name(&self, ix: usize) -> Option<Obj> {
        let p = NonNull::new(self.names().get(ix)?.load(Ordering::Relaxed))?;
        // SAFETY: the table holds a reference to each name for the class's life.
        Some(Obj::new_ref(unsafe { p.as_ref() }))
    }

    /// The index of `name` (identity first, then equal text for exact strings).
    #[inline]
    fn index_of(&self, name: &PyObject) -> Option<usize> {
        let names = self.names();
        let key = |k: &AtomicPtr<PyObject>| k.load(Ordering::Relaxed);
        let target = name as *const PyObject as *mut PyObject;
        if let Some(i) = names.iter().position(|k| key(k) == target) {
            return Some(i);
        }
        let s = as_str_object(name)?;
        names.iter().position(|k| {
            // SAFETY: a published slot holds a name the table keeps alive (see `name`).
            let k = unsafe { &*key(k) };
            as_str_object(k).is_some_and(|k| k.hash() == s.hash() && k.same_text(s))
        })
    }

    /// The index of `name`, appended under the keys' lock when it is new and fewer than
    /// `capacity` names are taken (`insert_split_key`); `None` when the keys are full.
    fn index_or_append(&self, name: &PyObject, capacity: usize) -> Option<usize> {
        if let Some(ix) = self.index_of(name) {
            return Some(ix);
        }
        // A poisoned lock still excludes (nothing panics while it is held).
        let _held = self.append.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        // Another instance may have appended it while this one waited.
        if let Some(ix) = self.index_of(name) {
            return Some(ix);
        }
        let len = self.len.load(Ordering::Relaxed);
        if len >= capacity.min(MAX_INLINE_VALUES) {
            return None;
        }
        let mut table = self.table.load(Ordering::Relaxed);
        if table.is_null() {
            table = Box::into_raw(Box::new(KeyTable(std::array::from_fn(|_| AtomicPtr::new(std::ptr::null_mut())))));
            self.table.store(table, Ordering::Release);
        }
        // SAFETY: allocated above or by an earlier append; freed only with the class.
        unsafe { &*table }.0[len].store(Obj::new_ref(name).into_raw().as_ptr(), Ordering::Relaxed);
        // A new key can shadow a method: the version goes before the key is visible.
        self.version.store(0, Ordering::Release);
        self.len.store(len + 1, Ordering::Release);
        Some(len)
    }

    /// The keys version: unique across classes and key sets (0: none could be handed out).
    pub(crate) fn version(&self) -> u32 {
        static NEXT: std::sync::atomic::AtomicU32 = std::sync::atomic::AtomicU32::new(1);
        let current = self.version.load(Ordering::Acquire);
        if current != 0 {
            return current;
        }
        let v = NEXT.fetch_add(1, Ordering::Relaxed);
        if v == u32::MAX {
            NEXT.store(u32::MAX, Ordering::Relaxed);
            return 0;
        }
        // Two threads handing one out at once agree on the first (an append in between resets
        // it to 0, which this exchange then does not overwrite with a stale number).
        match self.version.compare_exchange(0, v, Ordering::AcqRel, Ordering::Acquire) {
            Ok(_) => v,
            Err(other) => other,
        }
    }

    /// Whether the keys are still the ones `version` was handed out for.
    #[inline(always)]
    fn version_is(&self, version: u32) -> bool {
        version != 0 && self.version.load(Ordering::Acquire) == version
    }
}

impl Drop for SharedKeys {
    fn drop(&mut self) {
        let table = self.table.load(Ordering::Acquire);
        if table.is_null() {
            return;
        }
        // SAFETY: the class is going: nobody reads its keys; the table came from `Box::into_raw`.
        let table = unsafe { Box::from_raw(table) };
        for slot in &table.0[..self.len.load(Ordering::Acquire)] {
            // SAFETY: each published slot holds one reference.
            drop(NonNull::new(slot.load(Ordering::Relaxed)).map(|p| unsafe { Obj::from_owned(p) }));
        }
    }
}

/// The bytes after the dict pointer: validity and how many indices `order` holds.
#[repr(C)]
struct ValuesHeader {
    /// Read without a lock (Acquire), cleared with a Release store (module docs).
    valid: std::sync::atomic::AtomicU8,
    /// Written and read in the instance's section only.
    len: std::sync::atomic::AtomicU8,
    _pad: [u8; 6],
}

/// The instance size of a class with inline values whose dict pointer is at `dict_offset`.
pub(crate) fn instance_size(dict_offset: usize, capacity: usize) -> usize {
    dict_offset
        + size_of::<Option<Obj>>()
        + size_of::<ValuesHeader>()
        + capacity * size_of::<Obj>()
        + capacity.div_ceil(8) * 8
}

/// The inline capacity for a new class: the distinct attribute names its `__init__` stores
/// (`STORE_ATTR`), plus the base class's capacity, plus slack.
pub(crate) fn capacity_for_class(ns: &super::dict::DictObject, base_capacity: usize) -> usize {
    let init = ns.get_str(&super::immortal::intern("__init__").ob_base);
    let stores = init
        .as_deref()
        .and_then(super::function::as_function)
        .and_then(|f| super::code::as_code(&f.code).map(|c| c.code.clone()))
        .map(|code| {
            let mut names: Vec<u32> = code
                .instructions()
                .into_iter()
                .filter(|&(_, op, _)| op == Some(pyrt_compile::Opcode::STORE_ATTR))
                .map(|(_, _, arg)| arg)
                .collect();
            names.sort_unstable();
            names.dedup();
            names.len()
        });
    let wanted = match stores {
        Some(n) => base_capacity + n + 2,
        None => base_capacity.max(DEFAULT_INLINE_VALUES),
    };
    wanted.clamp(1, MAX_INLINE_VALUES)
}

/// A view of one instance's inline values, alive while the instance is. Like
/// [`ObjSlot`](super::obj_slot::ObjSlot) (which it hands out for each value), it never lends a
/// reference into the instance: every method reads or writes the words and returns, under the
/// exclusion the module docs describe.
struct Values<'a> {
    owner: &'a PyObject,
    header: *mut ValuesHeader,
    values: *mut Option<Obj>,
    order: *mut u8,
    capacity: usize,
    /// The class's `instances_free_threaded`: which read protocol the values take.
    free_threaded: bool,
}

impl<'a> Values<'a> {
    #[inline]
    fn of(obj: &'a PyObject) -> Option<Values<'a>> {
        let ty = obj.type_object();
        let capacity = ty.inline_values;
        if capacity == 0 {
            return None;
        }
        // SAFETY: a type with inline values lays them out after its dict pointer in every
        // instance (`init`), `capacity` values then `capacity` order bytes.
        unsafe {
            let base = (obj as *const PyObject as *mut u8).add(ty.dict_offset + size_of::<Option<Obj>>());
            let values = base.add(size_of::<ValuesHeader>()).cast::<Option<Obj>>();
            // `wrapping_add`: an instance whose class was changed (`__class__`) may be shorter than
            // this type's capacity says; its values are invalid then and the order never read.
            let order = values.wrapping_add(capacity).cast();
            let free_threaded = ty.instances_free_threaded;
            Some(Values { owner: obj, header: base.cast(), values, order, capacity, free_threaded })
        }
    }

    #[inline]
    fn header(&self) -> &ValuesHeader {
        // SAFETY: see `of`; the header's fields are atomics.
        unsafe { &*self.header }
    }

    /// Whether the values are the attributes (an Acquire load: module docs).
    #[inline]
    fn valid(&self) -> bool {
        #[cfg(loom)]
        super::obj_slot::model_publication();
        self.header().valid.load(Ordering::Acquire) != 0
    }

    /// The value word `ix` (`ix < capacity`, checked: an index from a cache is only a hint).
    #[inline(always)]
    fn slot(&self, ix: usize) -> Option<ObjSlot<'a>> {
        if ix >= self.capacity {
            return None;
        }
        // SAFETY: `ix < capacity` values are laid out and initialised (`init`); the words are
        // only accessed through `ObjSlot`s.
        Some(unsafe { ObjSlot::from_raw(self.owner, self.values.add(ix)) })
    }

    /// The instance's order: the indices of its set values, in the order they were set.
    /// In the instance's section (the order bytes and their count are the writers' alone).
    fn order(&self) -> Vec<u8> {
        let len = self.header().len.load(Ordering::Relaxed) as usize;
        // SAFETY: `len <= capacity` order bytes are initialised; the copy is made before
        // anything else touches them (module docs).
        unsafe { std::slice::from_raw_parts(self.order, len) }.to_vec()
    }

    /// In the instance's section.
    fn push_order(&self, ix: usize) {
        let len = self.header().len.load(Ordering::Relaxed);
        // SAFETY: at most `capacity` indices are ever recorded (one per set value).
        unsafe { *self.order.add(len as usize) = ix as u8 };
        self.header().len.store(len + 1, Ordering::Relaxed);
    }

    /// In the instance's section.
    fn remove_order(&self, ix: usize) {
        let len = self.header().len.load(Ordering::Relaxed);
        // SAFETY: as in `order`; the slice is a local borrow that ends inside this block, and
        // nothing else touches the order bytes meanwhile.
        let order = unsafe { std::slice::from_raw_parts_mut(self.order, len as usize) };
        if let Some(p) = order.iter().position(|&o| o as usize == ix) {
            order.copy_within(p + 1.., p);
            self.header().len.store(len - 1, Ordering::Relaxed);
        }
    }

    /// The values (in the instance's order), each with a new reference, for a dict being
    /// built from them. In the instance's section.
    fn cloned_in_order(&self) -> Vec<(usize, Obj)> {
        self.order().iter().filter_map(|&ix| Some((ix as usize, self.slot(ix as usize)?.get()?))).collect()
    }

    /// Marks the values invalid (Release: what the writer published before — the dict in the
    /// slot — is visible to a reader that sees them invalid), then takes every value out. In
    /// the instance's section; the caller drops what comes back after it.
    fn invalidate_and_take(&self) -> Vec<Obj> {
        #[cfg(loom)]
        super::obj_slot::model_publication();
        self.header().valid.store(0, Ordering::Release);
        let out = (0..self.capacity).filter_map(|i| self.slot(i)?.take()).collect();
        self.header().len.store(0, Ordering::Relaxed);
        out
    }
}

/// Initialises a new instance's dict pointer and inline values (`_PyObject_InitInlineValues`).
///
/// # Safety
///
/// `obj` is a fresh instance of `ty` of `ty.basic_size` bytes whose dict and values are not yet
/// written.
pub(crate) unsafe fn init(obj: *mut u8, ty: &TypeObject) {
    // SAFETY: the caller's contract; the layout is the module docs'.
    unsafe {
        obj.add(ty.dict_offset).cast::<Option<Obj>>().write(None);
        let base = obj.add(ty.dict_offset + size_of::<Option<Obj>>());
        base.cast::<ValuesHeader>().write(ValuesHeader {
            valid: std::sync::atomic::AtomicU8::new(1),
            len: std::sync::atomic::AtomicU8::new(0),
            _pad: [0; 6],
        });
        let values = base.add(size_of::<ValuesHeader>()).cast::<Option<Obj>>();
        for i in 0..ty.inline_values {
            values.add(i).write(None);
        }
    }
}

/// Drops the values an instance being freed still holds, one at a time (each taken out of its
/// slot before it is dropped, so a deallocation it starts never sees it twice).
///
/// # Safety
///
/// `obj` is an instance of a type with inline values that nothing else refers to; the caller
/// is inside the trashcan's depth guard (a value's deallocation nests in this one).
pub(crate) unsafe fn clear_for_dealloc(obj: &PyObject) {
    // Invalid values are all empty (materialising takes them out), and the words past the
    // instance's own capacity may not exist (`class_assign.rs`): only valid ones are walked.
    if let Some(v) = Values::of(obj).filter(Values::valid) {
        for i in 0..v.capacity {
            if let Some(value) = v.slot(i).and_then(|s| s.take()) {
                // Attribute values are often floats: their fast release.
                super::float::release_value(value);
            }
        }
    }
}

/// Takes every value an instance keeps inline out of it (the cycle collector's clear, which
/// drops them only after the whole instance is cleared).
///
/// # Safety
///
/// `obj` is an instance of a type with inline values that nothing but the collector uses.
pub(crate) unsafe fn take_for_clear(obj: &PyObject) -> Vec<Obj> {
    match Values::of(obj).filter(Values::valid) {
        Some(v) => (0..v.capacity).filter_map(|i| v.slot(i)?.take()).collect(),
        None => Vec::new(),
    }
}

/// Calls `f` on each value an instance keeps inline (the cycle collector's traverse).
pub(crate) fn for_each_value(obj: &PyObject, f: &mut dyn FnMut(&PyObject)) {
    if let Some(v) = Values::of(obj).filter(Values::valid) {
        for slot in (0..v.capacity).filter_map(|i| v.slot(i)) {
            // SAFETY: a traverse's visitor only reads (see `gc_traverse::visit_dict_slot`).
            unsafe { slot.with_borrowed(|x| x.map(&mut *f)) };
        }
    }
}

/// The type's shared keys (read and appended to through atomics and their own lock: module
/// docs).
#[inline]
fn keys(ty: &TypeObject) -> &SharedKeys {
    // SAFETY: the field is only ever reached through this shared view (no `&mut` to it is made
    // while the type lives); the keys are interior-mutable.
    unsafe { &*std::ptr::addr_of!((*ty.mutable.get()).cached_keys) }
}

/// Whether `obj` keeps its attributes in valid inline values (no dict materialised).
#[inline]
pub(crate) fn has_valid_values(obj: &PyObject) -> bool {
    Values::of(obj).is_some_and(|v| v.valid())
}

/// The instance attribute `name` of `obj`: from its inline values, or from its dict
/// (`_PyObject_TryGetInstanceAttribute`; no lock: see the module docs).
#[inline]
pub(crate) fn get_attr(obj: &PyObject, name: &PyObject) -> Option<Obj> {
    if let Some(v) = Values::of(obj).filter(Values::valid) {
        // Not among the keys: no instance of the class had it inline when `valid` was read.
        let ix = keys(obj.type_object()).index_of(name)?;
        let slot = v.slot(ix)?;
        let value = if crate::sync::broken(crate::sync::Mutation::InstanceValueReadPlainIncref) {
            // The deliberately broken twin (loom only): increments what may be gone.
            slot.get()
        } else {
            slot.get_unlocked_in(obj, v.free_threaded)
        };
        if let Some(value) = value {
            return Some(value);
        }
        if v.valid() {
            return None;
        }
        // Emptied by a materialisation that ran meanwhile: the dict has the attributes now.
    }
    let dict = super::attr::dict_slot(obj)?.get_unlocked(obj)?;
    as_dict(&dict)?.get_str(name)
}

/// The outcome of [`set_attr`].
pub(crate) enum Stored {
    /// Set or deleted.
    Done,
    /// A delete of a name the instance does not have.
    Missing,
    /// The instance has no dict and no inline values.
    NoDict,
}

/// What [`set_attr`]'s section did: stored inline (the replaced value to drop after it), or
/// left the store to the dict (the values a materialisation emptied, to drop after it).
enum InlineStore {
    Stored(Stored, Option<Obj>),
    UseDict(Option<Materialized>),
}

/// Sets (`Some`) or deletes (`None`) the instance attribute `name` of `obj`
/// (`_PyObject_StoreInstanceAttribute`, else the instance dict).
pub(crate) fn set_attr(obj: &PyObject, name: &PyObject, value: Option<&PyObject>) -> PyResult<Stored> {
    if let Some(v) = Values::of(obj) {
        // The values are written in the instance's section; a replaced value (or the values a
        // materialisation empties) is dropped after it.
        let inline = locked(obj, || -> PyResult<InlineStore> {
            if !v.valid() {
                return Ok(InlineStore::UseDict(None));
            }
            let exact_str = std::ptr::eq(name.type_object(), types_known_made(name).str_type);
            let k = keys(obj.type_object());
            let ix = match k.index_of(name) {
                Some(ix) => Some(ix),
                None if value.is_none() => return Ok(InlineStore::Stored(Stored::Missing, None)),
                // Appended under the keys' lock (other instances of the class append too).
                None if exact_str => k.index_or_append(name, v.capacity),
                None => None,
            };
            let Some((ix, slot)) = ix.and_then(|ix| Some((ix, v.slot(ix)?))) else {
                // The keys are full (or the name is not an exact str): the dict takes over.
                return Ok(InlineStore::UseDict(Some(materialize(obj)?)));
            };
            Ok(match value {
                Some(val) => {
                    let old = slot.replace(Some(Obj::new_ref(val)));
                    if old.is_none() {
                        v.push_order(ix);
                    }
                    InlineStore::Stored(Stored::Done, old)
                }
                None => match slot.take() {
                    None => InlineStore::Stored(Stored::Missing, None),
                    old => {
                        v.remove_order(ix);
                        InlineStore::Stored(Stored::Done, old)
                    }
                },
            })
        })?;
        match inline {
            InlineStore::Stored(stored, old) => {
                drop(old);
                return Ok(stored);
            }
            InlineStore::UseDict(materialized) => drop(materialized),
        }
    }
    let Some(dict) = instance_dict(obj)? else { return Ok(Stored::NoDict) };
    let d = as_dict(&dict).ok_or_else(|| PyErr::type_error("__dict__ must be a dict"))?;
    match value {
        Some(v) => d.set(Obj::new_ref(name), Obj::new_ref(v)).map(|()| Stored::Done),
        None => Ok(if d.remove(name)?.is_some() { Stored::Done } else { Stored::Missing }),
    }
}

/// Runs `f` in `obj`'s critical section: every write of an instance's values or dict slot
/// (CPython 3.13 locks the instance for `_PyObject_StoreInstanceAttribute` and the managed
/// dict). Sections nest, so [`materialize`] inside [`set_attr`]'s section re-enters.
#[inline]
fn locked<R>(obj: &PyObject, f: impl FnOnce() -> R) -> R {
    super::attachment::critical_section(obj, f)
}

/// Builds `obj`'s dict from its inline values (`_PyObject_MaterializeManagedDict`); from then on
/// the dict holds the attributes.
///
/// In the instance's section. Readers do not lock (module docs), so the order matters: the dict
/// is built from copies of the values and published in the slot, then the values are marked
/// invalid, then emptied. The emptied values are released after the section, by the caller's
/// drop of [`Materialized`].
fn materialize(obj: &PyObject) -> PyResult<Materialized> {
    let dict = new_dict()?;
    let d = as_dict(&dict).expect("a dict");
    let v = Values::of(obj).expect("a type with inline values");
    let k = keys(obj.type_object());
    if crate::sync::broken(crate::sync::Mutation::MaterializeInvalidatesFirst) {
        // The deliberately broken twin (loom only): the values are gone before the dict is
        // visible, so a reader in between finds neither.
        let order = v.order();
        let taken: Vec<(usize, Obj)> =
            order.iter().filter_map(|&ix| Some((ix as usize, v.slot(ix as usize)?.get()?))).collect();
        let released = v.invalidate_and_take();
        for (ix, val) in taken {
            d.set(k.name(ix).expect("a key"), val)?;
        }
        super::attr::dict_slot(obj).expect("a dict slot").set(Some(dict.clone()));
        return Ok(Materialized { dict, _released: released });
    }
    for (ix, val) in v.cloned_in_order() {
        let name = k.name(ix).expect("a value's index names a key");
        d.set(name, val)?;
    }
    let slot = super::attr::dict_slot(obj).expect("a type with inline values has a dict slot");
    // The slot was empty while the values were valid: nothing is replaced.
    slot.set(Some(dict.clone()));
    let released = v.invalidate_and_take();
    Ok(Materialized { dict, _released: released })
}

/// A materialised dict, and the values the instance held until then (released when this is
/// dropped: after the section, so their finalisers never see the instance mid-write).
struct Materialized {
    dict: Obj,
    /// Held only to be dropped after the section.
    _released: Vec<Obj>,
}

/// `obj.__dict__`: the materialised dict (made from the inline values, or empty, on first use);
/// `None` when instances of the type have no dict.
pub(crate) fn instance_dict(obj: &PyObject) -> PyResult<Option<Obj>> {
    let Some(slot) = super::attr::dict_slot(obj) else { return Ok(None) };
    // Made without the section when it exists (a counted read: a concurrent replacement may
    // release the one found).
    if let Some(d) = slot.get_unlocked(obj) {
        return Ok(Some(d));
    }
    // Read again and, on first use, written in the instance's section: two threads asking at
    // once get the same dict. The values a materialisation empties are dropped after it.
    let (dict, released) = locked(obj, || -> PyResult<(Obj, Option<Materialized>)> {
        if let Some(d) = slot.get() {
            return Ok((d, None));
        }
        if has_valid_values(obj) {
            let m = materialize(obj)?;
            return Ok((m.dict.clone(), Some(m)));
        }
        let d = new_dict()?;
        // Empty, checked above: nothing is replaced.
        slot.set(Some(d.clone()));
        Ok((d, None))
    })?;
    drop(released);
    Ok(Some(dict))
}

/// `obj.__dict__ = value` (`_PyObject_SetManagedDict`) and `del obj.__dict__`: the inline values
/// are released and the new dict (or, after a delete, a new empty one made on first use) holds
/// the attributes from now on. The new dict is in the slot before the values are marked invalid
/// (module docs); the old dict and the values are dropped after the section (a reader that
/// found the old dict holds its own count).
pub(crate) fn set_instance_dict(obj: &PyObject, value: Option<&PyObject>) -> PyResult<()> {
    let Some(slot) = super::attr::dict_slot(obj) else {
        return Err(super::attr::no_attribute(obj, &super::immortal::intern("__dict__").ob_base));
    };
    if let Some(value) = value {
        if as_dict(value).is_none() {
            return Err(PyErr::type_error(format!(
                "__dict__ must be set to a dictionary, not a '{}'",
                value.type_object().name()
            )));
        }
    }
    // `del obj.__dict__`: the attributes go; the next `__dict__` is a new empty dict.
    let new = value.map(Obj::new_ref);
    let (old, released) = locked(obj, || {
        let old = slot.replace(new);
        (old, Values::of(obj).filter(Values::valid).map(|v| v.invalidate_and_take()))
    });
    drop(old);
    drop(released);
    Ok(())
}

/// Instance attribute reads and writes, public to the loom models
/// (`loom-tests/tests/inline_values.rs`).
#[cfg(loom)]
pub mod model {
    use crate::Python;
    use crate::object::{Bound, PyObject};

    use super::Obj;

    /// An instance of a new class whose instances keep their attributes inline
    /// (`type('Cls', (), {})()`).
    pub fn new_instance<'py>(py: Python<'py>) -> Bound<'py> {
        let t = super::super::immortal::types();
        let args = [
            // Not a one-character name: those are cached in a process-wide static
            // (`str::ascii_char`), which would hand a later loom execution an object whose
            // header atomics belong to an earlier one.
            super::super::str::new_str("Cls").expect("a name"),
            super::super::tuple::new_tuple(Vec::new()).expect("no bases"),
            super::new_dict().expect("a namespace"),
        ];
        let cls = super::super::classobj::type_new(t.type_type, &args, None).expect("a class");
        let o = super::super::abstract_ops::call(&cls, &[], None).expect("an instance");
        assert!(super::has_valid_values(&o), "the instance keeps its attributes inline");
        Bound::new_ref(py, &o)
    }

    /// `o.name = value` (the replaced value released after the section).
    pub fn set(o: &PyObject, name: &str, value: &PyObject) {
        let stored = super::set_attr(o, &super::super::immortal::intern(name).ob_base, Some(value)).expect("set");
        assert!(matches!(stored, super::Stored::Done));
    }

    /// `o.name`, without a lock.
    ///
    /// # Safety
    ///
    /// The instance's values are objects the caller may hold as `py`'s.
    pub unsafe fn get<'py>(py: Python<'py>, o: &PyObject, name: &str) -> Option<Bound<'py>> {
        let got: Option<Obj> = super::get_attr(o, &super::super::immortal::intern(name).ob_base);
        // SAFETY: the caller's contract; the reference is the one the read took.
        got.map(|x| unsafe { Bound::from_owned(py, x.into_raw()) })
    }

    /// `o.__dict__` (materialised from the values on first use).
    pub fn materialize(o: &PyObject) {
        assert!(super::instance_dict(o).expect("a dict").is_some());
    }
}

// ---- the specialiser's accessors ----------------------------------------------------------------

/// The index of `name` in `ty`'s shared keys, if it has one (for `LOAD_ATTR_INSTANCE_VALUE`).
pub(crate) fn key_index(ty: &TypeObject, name: &PyObject) -> Option<usize> {
    if ty.inline_values == 0 {
        return None;
    }
    keys(ty).index_of(name)
}

/// The index `name` will have in `ty`'s shared keys (appended now if there is room), for
/// `STORE_ATTR_INSTANCE_VALUE`.
pub(crate) fn key_index_for_store(ty: &TypeObject, name: &PyObject) -> Option<usize> {
    if ty.inline_values == 0 || !std::ptr::eq(name.type_object(), types_known_made(name).str_type) {
        return None;
    }
    keys(ty).index_or_append(name, ty.inline_values)
}

/// The keys version of `ty`'s shared keys (0: none available).
pub(crate) fn keys_version(ty: &TypeObject) -> u32 {
    keys(ty).version()
}

/// Whether `ty`'s shared keys are still the ones `version` was handed out for.
#[inline(always)]
pub(crate) fn keys_version_is(ty: &TypeObject, version: u32) -> bool {
    keys(ty).version_is(version)
}

/// `values[ix]` of an instance whose values are valid (the guarded read of
/// `LOAD_ATTR_INSTANCE_VALUE`, without a lock: module docs); `None` on a miss (the generic
/// read decides then).
#[inline(always)]
pub(crate) fn value_at(obj: &PyObject, ix: usize) -> Option<Obj> {
    let v = Values::of(obj)?;
    if !v.valid() {
        return None;
    }
    v.slot(ix)?.get_unlocked_in(obj, v.free_threaded)
}

/// Stores into `values[ix]` of an instance whose values are valid
/// (`STORE_ATTR_INSTANCE_VALUE`): the replaced value for the caller to drop, or the value back
/// on a miss.
#[inline(always)]
pub(crate) fn store_at(obj: &PyObject, ix: usize, value: Obj) -> Result<Option<Obj>, Obj> {
    let Some(v) = Values::of(obj) else { return Err(value) };
    // A slot store and an order byte: a brief write (CPython 3.14's `LOCK_OBJECT`).
    super::mutation::locked_briefly(obj, || {
        if !v.valid() {
            return Err(value);
        }
        let Some(slot) = v.slot(ix) else { return Err(value) };
        let old = slot.replace(Some(value));
        if old.is_none() {
            v.push_order(ix);
        }
        Ok(old)
    })
}
