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
//! Threads: every access happens attached. Every write of an instance's values or of its dict
//! slot runs in the instance's critical section (a mutex only in free-threaded interpreters);
//! no reference is held across code that may run Python (an old value is dropped only after the
//! write is complete, outside the section). Reads (`get_attr`, `value_at`) take no lock: in
//! free-threaded interpreters they rely on the per-interpreter language lock until values are
//! reclaimed through QSBR (DESIGN.md, "Not built yet"), and so do the class's shared keys,
//! which are appended to under the instance's section only.

use super::dict::{as_dict, new_dict};
use super::header::PyObject;
use super::immortal::types_known_made;
use super::obj::Obj;
use super::obj_slot::ObjSlot;
use super::str::as_str_object;
use super::typeobj::TypeObject;
use crate::error::{PyErr, PyResult};

/// The most values an instance keeps inline (CPython's `SHARED_KEYS_MAX_SIZE`).
pub(crate) const MAX_INLINE_VALUES: usize = 30;

/// The capacity given to a class whose `__init__` shows no attribute stores.
const DEFAULT_INLINE_VALUES: usize = 6;

/// Per-class shared keys: append-only attribute names, and a version renewed on each append.
pub(crate) struct SharedKeys {
    names: Vec<Obj>,
    version: u32,
}

impl SharedKeys {
    /// No keys yet.
    pub(crate) const fn new() -> SharedKeys {
        SharedKeys { names: Vec::new(), version: 0 }
    }

    /// The index of `name` (identity first, then equal text for exact strings).
    #[inline]
    fn index_of(&self, name: &PyObject) -> Option<usize> {
        if let Some(i) = self.names.iter().position(|k| k.is(name)) {
            return Some(i);
        }
        let s = as_str_object(name)?;
        self.names.iter().position(|k| as_str_object(k).is_some_and(|k| k.hash() == s.hash() && k.same_text(s)))
    }

    /// The keys version: unique across classes and key sets (0: none could be handed out).
    pub(crate) fn version(&mut self) -> u32 {
        use std::sync::atomic::{AtomicU32, Ordering};
        static NEXT: AtomicU32 = AtomicU32::new(1);
        if self.version == 0 {
            let v = NEXT.fetch_add(1, Ordering::Relaxed);
            self.version = if v == u32::MAX {
                NEXT.store(u32::MAX, Ordering::Relaxed);
                0
            } else {
                v
            };
        }
        self.version
    }
}

/// The bytes after the dict pointer: validity and how many indices `order` holds.
#[repr(C)]
struct ValuesHeader {
    valid: u8,
    len: u8,
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
            Some(Values { owner: obj, header: base.cast(), values, order, capacity })
        }
    }

    #[inline]
    fn valid(&self) -> bool {
        // SAFETY: see `of`.
        unsafe { (*self.header).valid != 0 }
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
    fn order(&self) -> Vec<u8> {
        // SAFETY: `len <= capacity` order bytes are initialised; the copy is made before
        // anything else touches them (module docs).
        unsafe { std::slice::from_raw_parts(self.order, (*self.header).len as usize) }.to_vec()
    }

    fn push_order(&self, ix: usize) {
        // SAFETY: at most `capacity` indices are ever recorded (one per set value).
        unsafe {
            let len = (*self.header).len as usize;
            *self.order.add(len) = ix as u8;
            (*self.header).len += 1;
        }
    }

    fn remove_order(&self, ix: usize) {
        // SAFETY: as in `order`; the slice is a local borrow that ends inside this block, and
        // nothing else touches the order bytes meanwhile.
        unsafe {
            let order = std::slice::from_raw_parts_mut(self.order, (*self.header).len as usize);
            if let Some(p) = order.iter().position(|&o| o as usize == ix) {
                order.copy_within(p + 1.., p);
                (*self.header).len -= 1;
            }
        }
    }

    /// Takes every value out (in the instance's order) and marks the values invalid.
    fn take_all(&self) -> Vec<(usize, Obj)> {
        let out = self.order().iter().filter_map(|&ix| Some((ix as usize, self.slot(ix as usize)?.take()?))).collect();
        // SAFETY: as in `push_order`.
        unsafe {
            (*self.header).len = 0;
            (*self.header).valid = 0;
        }
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
        base.cast::<ValuesHeader>().write(ValuesHeader { valid: 1, len: 0, _pad: [0; 6] });
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
            let value = v.slot(i).and_then(|s| s.take());
            drop(value);
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

/// The type's shared keys.
///
/// # Safety
///
/// No other borrow of `ty`'s keys is live while the result is used, and no Python code runs
/// meanwhile (the keys are reached under the exclusion of the module docs; comparing a name
/// with a key compares exact strings, which runs none).
#[allow(clippy::mut_from_ref)]
#[inline]
unsafe fn keys(ty: &TypeObject) -> &mut SharedKeys {
    // SAFETY: the caller's contract.
    unsafe { &mut (*ty.mutable.get()).cached_keys }
}

/// Whether `obj` keeps its attributes in valid inline values (no dict materialised).
#[inline]
pub(crate) fn has_valid_values(obj: &PyObject) -> bool {
    Values::of(obj).is_some_and(|v| v.valid())
}

/// The instance attribute `name` of `obj`: from its inline values, or from its dict.
#[inline]
pub(crate) fn get_attr(obj: &PyObject, name: &PyObject) -> Option<Obj> {
    if let Some(v) = Values::of(obj).filter(Values::valid) {
        // SAFETY: a short lookup, no other borrow of the keys; `index_of` runs no Python code.
        let ix = unsafe { keys(obj.type_object()) }.index_of(name)?;
        return v.slot(ix)?.get();
    }
    let dict = super::attr::dict_slot(obj)?.get()?;
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

/// Sets (`Some`) or deletes (`None`) the instance attribute `name` of `obj`
/// (`_PyObject_StoreInstanceAttribute`, else the instance dict).
pub(crate) fn set_attr(obj: &PyObject, name: &PyObject, value: Option<&PyObject>) -> PyResult<Stored> {
    if let Some(v) = Values::of(obj) {
        // The values are written in the instance's section; a replaced value is dropped after it.
        let inline = locked(obj, || -> PyResult<Option<(Stored, Option<Obj>)>> {
            if !v.valid() {
                return Ok(None);
            }
            let exact_str = std::ptr::eq(name.type_object(), types_known_made(name).str_type);
            // SAFETY: the only borrow of the keys until `materialize` (which takes its own after
            // this one's last use); no Python code runs while it is held.
            let k = unsafe { keys(obj.type_object()) };
            let ix = match k.index_of(name) {
                Some(ix) => Some(ix),
                None if value.is_some() && exact_str && k.names.len() < v.capacity => {
                    k.names.push(Obj::new_ref(name));
                    k.version = 0;
                    Some(k.names.len() - 1)
                }
                None if value.is_none() => return Ok(Some((Stored::Missing, None))),
                None => None,
            };
            let Some(ix) = ix else {
                // The keys are full (or the name is not an exact str): the dict takes over.
                materialize(obj)?;
                return Ok(None);
            };
            let Some(slot) = v.slot(ix) else {
                materialize(obj)?;
                return Ok(None);
            };
            Ok(Some(match value {
                Some(val) => {
                    let old = slot.replace(Some(Obj::new_ref(val)));
                    if old.is_none() {
                        v.push_order(ix);
                    }
                    (Stored::Done, old)
                }
                None => match slot.take() {
                    None => (Stored::Missing, None),
                    old => {
                        v.remove_order(ix);
                        (Stored::Done, old)
                    }
                },
            }))
        })?;
        if let Some((stored, old)) = inline {
            drop(old);
            return Ok(stored);
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
fn materialize(obj: &PyObject) -> PyResult<Obj> {
    let dict = new_dict()?;
    let d = as_dict(&dict).expect("a dict");
    let v = Values::of(obj).expect("a type with inline values");
    let taken = v.take_all();
    // SAFETY: a short borrow of the keys to clone names; no Python code runs while it is held.
    let names = &unsafe { keys(obj.type_object()) }.names;
    let entries: Vec<(Obj, Obj)> = taken.into_iter().map(|(ix, val)| (names[ix].clone(), val)).collect();
    for (k, val) in entries {
        d.set(k, val)?;
    }
    let slot = super::attr::dict_slot(obj).expect("a type with inline values has a dict slot");
    // The slot was empty while the values were valid: nothing is replaced.
    slot.set(Some(dict.clone()));
    Ok(dict)
}

/// `obj.__dict__`: the materialised dict (made from the inline values, or empty, on first use);
/// `None` when instances of the type have no dict.
pub(crate) fn instance_dict(obj: &PyObject) -> PyResult<Option<Obj>> {
    let Some(slot) = super::attr::dict_slot(obj) else { return Ok(None) };
    // The slot is read and, on first use, written in the instance's section: two threads asking
    // at once get the same dict.
    locked(obj, || {
        if let Some(d) = slot.get() {
            return Ok(Some(d));
        }
        if has_valid_values(obj) {
            return materialize(obj).map(Some);
        }
        let d = new_dict()?;
        // Empty, checked above: nothing is replaced.
        slot.set(Some(d.clone()));
        Ok(Some(d))
    })
}

/// `obj.__dict__ = value` (`_PyObject_SetManagedDict`) and `del obj.__dict__`: the inline values
/// are released and the new dict (or, after a delete, a new empty one made on first use) holds
/// the attributes from now on.
pub(crate) fn set_instance_dict(obj: &PyObject, value: Option<&PyObject>) -> PyResult<()> {
    let Some(slot) = super::attr::dict_slot(obj) else {
        return Err(super::attr::no_attribute(obj, &super::immortal::intern("__dict__").ob_base));
    };
    let Some(value) = value else {
        // `del obj.__dict__`: the attributes go; the next `__dict__` is a new empty dict.
        let (old, released) = locked(obj, || (slot.take(), Values::of(obj).map(|v| v.take_all())));
        drop(old);
        drop(released);
        return Ok(());
    };
    if as_dict(value).is_none() {
        return Err(PyErr::type_error(format!(
            "__dict__ must be set to a dictionary, not a '{}'",
            value.type_object().name()
        )));
    }
    let (old, released) =
        locked(obj, || (slot.replace(Some(Obj::new_ref(value))), Values::of(obj).map(|v| v.take_all())));
    drop(old);
    drop(released);
    Ok(())
}

// ---- the specialiser's accessors ----------------------------------------------------------------

/// The index of `name` in `ty`'s shared keys, if it has one (for `LOAD_ATTR_INSTANCE_VALUE`).
pub(crate) fn key_index(ty: &TypeObject, name: &PyObject) -> Option<usize> {
    if ty.inline_values == 0 {
        return None;
    }
    // SAFETY: a short lookup, no other borrow of the keys; `index_of` runs no Python code.
    unsafe { keys(ty) }.index_of(name)
}

/// The index `name` will have in `ty`'s shared keys (appended now if there is room), for
/// `STORE_ATTR_INSTANCE_VALUE`.
pub(crate) fn key_index_for_store(ty: &TypeObject, name: &PyObject) -> Option<usize> {
    if ty.inline_values == 0 || !std::ptr::eq(name.type_object(), types_known_made(name).str_type) {
        return None;
    }
    // SAFETY: the only borrow of the keys here; no Python code runs while it is held.
    let k = unsafe { keys(ty) };
    if let Some(ix) = k.index_of(name) {
        return Some(ix);
    }
    if k.names.len() >= ty.inline_values {
        return None;
    }
    k.names.push(Obj::new_ref(name));
    k.version = 0;
    Some(k.names.len() - 1)
}

/// The keys version of `ty`'s shared keys (0: none available).
pub(crate) fn keys_version(ty: &TypeObject) -> u32 {
    // SAFETY: a short borrow, no Python code.
    unsafe { keys(ty) }.version()
}

/// Whether `ty`'s shared keys are still the ones `version` was handed out for.
#[inline(always)]
pub(crate) fn keys_version_is(ty: &TypeObject, version: u32) -> bool {
    // SAFETY: a short read, no Python code.
    version != 0 && unsafe { keys(ty) }.version == version
}

/// `values[ix]` of an instance whose values are valid (the guarded read of
/// `LOAD_ATTR_INSTANCE_VALUE`); `None` on a miss.
#[inline(always)]
pub(crate) fn value_at(obj: &PyObject, ix: usize) -> Option<Obj> {
    let v = Values::of(obj)?;
    if !v.valid() {
        return None;
    }
    v.slot(ix)?.get()
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
