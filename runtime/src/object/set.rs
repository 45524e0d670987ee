//! `set` and `frozenset` (CPython's `Objects/setobject.c`).
//!
//! **Table.** One array of `(hash, key)` slots whose length is a power of two (at least 8):
//! no per-entry allocation and no separate index array (unlike `dict`, a set keeps no insertion
//! order, so the slots *are* the entries). A slot is *unused* (no key, hash 0), *active*, or a
//! *dummy* (no key, hash −1) left by a deletion so that probe chains stay intact. `fill` counts
//! active + dummy slots, `used` the active ones.
//!
//! **Probing** is CPython's: from `i = hash & mask`, look at up to `LINEAR_PROBES` (9) further
//! slots in a row (cache-friendly) while they fit before the end of the table, then jump with
//! `perturb >>= 5; i = (i * 5 + 1 + perturb) & mask` so that every bit of the hash takes part.
//! An insertion into a chain with dummies reuses the last dummy met (as CPython 3.13 does) if
//! the key is absent. When
//! `fill * 5 >= mask * 3` after an insertion into an unused slot, the table is rebuilt at the
//! smallest power of two above `used * 4` (`used * 2` past 50000 entries), re-inserting the
//! active slots in table order — so for equal hashes the table order, and with it iteration
//! order, `repr` and `pop` order, are CPython's.
//!
//! **Set algebra** follows `setobject.c` operation by operation (which operand is iterated,
//! when a copy is made first, the one-big-resize of `update`), because each choice shows in the
//! result's iteration order.
//!
//! **Re-entrancy.** Comparing keys may run Python code (`__eq__`) that mutates the set: no
//! borrow of the table is held across it, and a probe restarts when the table was rebuilt or
//! the compared slot changed (CPython's `table != so->table || entry->key != startkey`).
//! Operations that walk another set's table take a snapshot of its active entries first.
//! The two accessors that borrow the table, `table` and `table_mut`, are `unsafe fn`s (a
//! borrow held across a write of the same table would alias a `&mut`): every call site says
//! why its borrow is short and runs no Python code, and removed keys move out of the table to
//! be dropped after the write.
//!
//! **Free threading.** Every access to a table — reads too, since a resize frees the old slot
//! array — runs in the set's critical section ([`locked`], [`locked2`] for two sets), as
//! CPython 3.13t's set methods do. In an interpreter with a lock that costs a thread-local
//! read and a branch; sections nest, and a thread blocked on one suspends the ones it holds,
//! so comparisons that run Python code inside a section cannot deadlock.

use std::cell::{Cell, UnsafeCell};
use std::ptr::NonNull;

use super::abstract_ops::{self as ops, hash, repr_text, rich_compare_bool};
use super::alloc::drop_and_free;
use super::builtin::{GetSetDef, MethodDef, args};
use super::dict::as_dict;
use super::header::PyObject;
use super::immortal::{TypeSpec, immortals, new_static_type, types};
use super::int::{new_bool, new_int};
use super::obj::Obj;
use super::slots::{NumberMethods, SequenceMethods};
use super::str::new_str;
use super::typeobj::{CompareOp, TypeObject, flags};
use crate::error::{PyErr, PyResult};

const MIN_SIZE: usize = 8;
const LINEAR_PROBES: usize = 9;
const PERTURB_SHIFT: u32 = 5;
const DUMMY_HASH: isize = -1;

/// One slot of the table.
struct Slot {
    hash: isize,
    key: Option<Obj>,
}

impl Slot {
    const UNUSED: Slot = Slot { hash: 0, key: None };
}

/// The table of a set.
struct SetTable {
    slots: Vec<Slot>,
    /// Active + dummy slots.
    fill: usize,
    /// Active slots.
    used: usize,
    /// Where `pop` starts looking.
    finger: usize,
    /// Bumped whenever `slots` is replaced (a probe in progress must restart).
    generation: u64,
}

impl SetTable {
    fn new() -> SetTable {
        SetTable { slots: empty_slots(MIN_SIZE), fill: 0, used: 0, finger: 0, generation: 0 }
    }

    #[inline]
    fn mask(&self) -> usize {
        self.slots.len() - 1
    }

    /// Active entries in table order.
    fn active(&self) -> impl Iterator<Item = (&Obj, isize)> {
        self.slots.iter().filter_map(|s| s.key.as_ref().map(|k| (k, s.hash)))
    }

    /// `set_table_resize`: a table of the smallest power of two above `minused`, with the active
    /// entries re-inserted in table order. Returns the old slots (dropped by the caller).
    fn resize(&mut self, minused: usize) -> Vec<Slot> {
        let mut size = MIN_SIZE;
        while size <= minused {
            size <<= 1;
        }
        let old = std::mem::replace(&mut self.slots, empty_slots(size));
        self.fill = self.used;
        self.generation += 1;
        let mut rest = Vec::new();
        for s in old {
            match s.key {
                Some(k) => insert_clean(&mut self.slots, k, s.hash),
                None => rest.push(s),
            }
        }
        rest
    }
}

fn empty_slots(n: usize) -> Vec<Slot> {
    (0..n).map(|_| Slot::UNUSED).collect()
}

/// `set_insert_clean`: inserts a key known to be absent into a table without dummies.
fn insert_clean(slots: &mut [Slot], key: Obj, hash: isize) {
    let mask = slots.len() - 1;
    let mut perturb = hash as usize;
    let mut i = hash as usize & mask;
    loop {
        if slots[i].key.is_none() {
            slots[i] = Slot { hash, key: Some(key) };
            return;
        }
        if i + LINEAR_PROBES <= mask {
            if let Some(off) = slots[i + 1..=i + LINEAR_PROBES].iter().position(|s| s.key.is_none()) {
                slots[i + 1 + off] = Slot { hash, key: Some(key) };
                return;
            }
        }
        perturb >>= PERTURB_SHIFT;
        i = (i.wrapping_mul(5).wrapping_add(1).wrapping_add(perturb)) & mask;
    }
}

/// Runs `f` in `obj`'s critical section (`Py_BEGIN_CRITICAL_SECTION`): a no-op in an
/// interpreter with a lock, the object's mutex in a free-threaded one.
#[inline]
fn locked<R>(obj: &PyObject, f: impl FnOnce() -> R) -> R {
    super::attachment::critical_section(obj, f)
}

/// [`locked`] on two objects (`Py_BEGIN_CRITICAL_SECTION2`).
#[inline]
fn locked2<R>(a: &PyObject, b: &PyObject, f: impl FnOnce() -> R) -> R {
    super::attachment::critical_section2(a, b, f)
}

/// A `set` or `frozenset` (or an instance of a subclass).
#[repr(C)]
pub struct SetObject {
    /// Header.
    pub ob_base: PyObject,
    table: UnsafeCell<SetTable>,
    /// A frozenset's cached hash (−1: not computed).
    hash: Cell<isize>,
}

/// Whether two keys with equal hashes are equal (may run `__eq__`).
#[inline]
fn keys_equal(a: &PyObject, b: &PyObject) -> PyResult<bool> {
    match super::dict::keys_equal_native(a, b) {
        Some(eq) => Ok(eq),
        None => rich_compare_bool(a, b, CompareOp::Eq),
    }
}

/// Where a probe for an absent key ended: the slot to insert into.
enum Probe {
    Found(usize),
    Absent { insert_at: usize, reuses_dummy: bool },
}

impl SetObject {
    /// A shared borrow of the table.
    ///
    /// # Safety
    ///
    /// The caller is attached, runs under its interpreter's lock and holds the set's critical
    /// section (or reads with the world stopped), and while the borrow is used nothing writes
    /// this table: no borrow from [`SetObject::table_mut`] is live, and no code runs that can
    /// run Python code or drop a reference (`__eq__`, `__hash__`, `__del__`, a weakref
    /// callback).
    #[inline(always)]
    unsafe fn table(&self) -> &SetTable {
        // SAFETY: the caller's contract: no write overlaps the borrow.
        unsafe { &*self.table.get() }
    }

    /// An exclusive borrow of the table, for a write.
    ///
    /// # Safety
    ///
    /// As [`SetObject::table`], and in addition no other borrow of this table is used while
    /// this one lives.
    #[allow(clippy::mut_from_ref)]
    #[inline(always)]
    unsafe fn table_mut(&self) -> &mut SetTable {
        // SAFETY: the caller's contract: this is the only borrow of the table while it lives.
        unsafe { &mut *self.table.get() }
    }

    /// The number of elements.
    #[inline]
    pub fn len(&self) -> usize {
        // SAFETY: a read of one integer in the section.
        locked(&self.ob_base, || unsafe { self.table() }.used)
    }

    /// Whether the set is empty.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// A snapshot of the elements with their hashes, in table order.
    pub fn entries(&self) -> Vec<(Obj, isize)> {
        // SAFETY: a read in the section; the clones (increfs) run no Python code.
        locked(&self.ob_base, || unsafe { self.table() }.active().map(|(k, h)| (k.clone(), h)).collect())
    }

    /// Calls `f` on each element without taking the critical section: for the cycle
    /// collector, which reads with the world stopped (or under the interpreter's lock) and may
    /// run inside a section this thread already holds.
    ///
    /// # Safety
    ///
    /// `f` runs no Python code, drops no reference and does not write this set (the traverse
    /// contract of `gc_traverse`): the elements are lent from the table.
    pub(crate) unsafe fn for_each_key_unlocked(&self, f: &mut dyn FnMut(&PyObject)) {
        // SAFETY: the caller's contract: nothing writes the table while it is borrowed.
        for (k, _) in unsafe { self.table() }.active() {
            f(k);
        }
    }

    /// `set_next`: the first element at table position `pos` or after it, with its hash and the
    /// position to continue from. Walking a set with it reads the live table at each step, as
    /// CPython's loops over another set do while they run `__eq__` (a table changed meanwhile
    /// is walked from the same position; a cleared one ends the walk).
    fn next_entry_from(&self, pos: usize) -> Option<(usize, Obj, isize)> {
        locked(&self.ob_base, || {
            // SAFETY: a read in the section; the clone (an incref) runs no Python code.
            let t = unsafe { self.table() };
            let i = pos + t.slots.get(pos..)?.iter().position(|s| s.key.is_some())?;
            let s = &t.slots[i];
            Some((i + 1, s.key.clone()?, s.hash))
        })
    }

    /// The elements in table (iteration) order.
    pub fn keys(&self) -> Vec<Obj> {
        // SAFETY: a read in the section; the clones (increfs) run no Python code.
        locked(&self.ob_base, || unsafe { self.table() }.active().map(|(k, _)| k.clone()).collect())
    }

    /// The probe of `set_add_entry` / `set_lookkey`: the active slot holding `key`, or where
    /// it would go (the first dummy on the chain, else the unused slot that ends it).
    fn probe(&self, key: &PyObject, hash: isize) -> PyResult<Probe> {
        'restart: loop {
            // SAFETY: (this and the re-borrow below) short reads in the caller's section; the
            // slice is used only until `keys_equal`, the one call that can run Python code
            // (the compared key is a clone, and the table is borrowed afresh afterwards).
            // `keys_equal_native` runs no code, so the slice stays valid across it.
            let t = unsafe { self.table() };
            let generation = t.generation;
            let mut slots: &[Slot] = &t.slots;
            let mut mask = slots.len() - 1;
            let mut perturb = hash as usize;
            let mut i = hash as usize & mask;
            let mut freeslot: Option<usize> = None;
            loop {
                // The run `i..=end`, which the mask keeps inside the table: `LINEAR_PROBES`
                // slots after `i` when they fit before its end, else `i` alone.
                let end = if i + LINEAR_PROBES <= mask { i + LINEAR_PROBES } else { i };
                let mut j = i;
                while j <= end {
                    debug_assert!(j < slots.len());
                    // SAFETY: `j <= end <= mask = slots.len() - 1`; `mask` is re-read whenever
                    // `slots` is (a table is never shorter than its mask says).
                    let slot = unsafe { slots.get_unchecked(j) };
                    match &slot.key {
                        None if slot.hash != DUMMY_HASH => {
                            return Ok(match freeslot {
                                Some(f) => Probe::Absent { insert_at: f, reuses_dummy: true },
                                None => Probe::Absent { insert_at: j, reuses_dummy: false },
                            });
                        }
                        None => {
                            // CPython 3.13 keeps the *last* dummy met on the chain (checked
                            // against its tables: reusing the first gives other layouts).
                            freeslot = Some(j);
                        }
                        Some(k) if slot.hash == hash => match super::dict::keys_equal_native(k, key) {
                            Some(true) => return Ok(Probe::Found(j)),
                            Some(false) => {}
                            None => {
                                let k = k.clone();
                                let eq = keys_equal(&k, key)?;
                                // SAFETY: see above (`k`'s drop, after this borrow's last use,
                                // may run code).
                                let t = unsafe { self.table() };
                                if t.generation != generation || !t.slots[j].key.as_ref().is_some_and(|now| now.is(&k))
                                {
                                    continue 'restart;
                                }
                                if eq {
                                    return Ok(Probe::Found(j));
                                }
                                slots = &t.slots;
                                mask = slots.len() - 1;
                            }
                        },
                        Some(_) => {}
                    }
                    j += 1;
                }
                perturb >>= PERTURB_SHIFT;
                i = (i.wrapping_mul(5).wrapping_add(1).wrapping_add(perturb)) & mask;
            }
        }
    }

    /// Whether `key` (with its hash) is an element.
    #[inline]
    pub fn contains_hashed(&self, key: &PyObject, hash: isize) -> PyResult<bool> {
        locked(&self.ob_base, || Ok(matches!(self.probe(key, hash)?, Probe::Found(_))))
    }

    /// `set_add_entry`.
    #[inline]
    pub fn add_hashed(&self, key: Obj, hash: isize) -> PyResult<()> {
        locked(&self.ob_base, || self.add_hashed_locked(key, hash))
    }

    fn add_hashed_locked(&self, key: Obj, hash: isize) -> PyResult<()> {
        let (insert_at, reuses_dummy) = loop {
            let Probe::Absent { insert_at, reuses_dummy } = self.probe(&key, hash)? else { return Ok(()) };
            // An `__eq__` run by the probe after it chose the slot may have filled it (an add
            // reusing that dummy does not renew the generation the probe checks), or emptied
            // and refilled it into a dummy: the slot must still be what the probe saw.
            // SAFETY: a read in the caller's section; nothing runs while it is used.
            let slot = &unsafe { self.table() }.slots[insert_at];
            if slot.key.is_none() && (slot.hash == DUMMY_HASH) == reuses_dummy {
                break (insert_at, reuses_dummy);
            }
        };
        // SAFETY: in the caller's section, after the probe (which ran any `__eq__`); the slot
        // written was checked just above to be unused or a dummy (as the probe said), and
        // `resize` returns only empty slots: nothing is dropped and no code runs while the
        // borrow lives.
        let t = unsafe { self.table_mut() };
        t.slots[insert_at] = Slot { hash, key: Some(key) };
        t.used += 1;
        if reuses_dummy {
            return Ok(());
        }
        t.fill += 1;
        if t.fill * 5 < t.mask() * 3 {
            return Ok(());
        }
        let minused = if t.used > 50000 { t.used * 2 } else { t.used * 4 };
        drop(t.resize(minused));
        Ok(())
    }

    /// `set.add(key)`.
    pub fn add(&self, key: Obj) -> PyResult<()> {
        let h = hash(&key)?;
        self.add_hashed(key, h)
    }

    /// `set_discard_entry`: whether the key was there.
    #[inline]
    pub fn discard_hashed(&self, key: &PyObject, hash: isize) -> PyResult<bool> {
        let old = locked(&self.ob_base, || -> PyResult<Option<Obj>> {
            let Probe::Found(i) = self.probe(key, hash)? else { return Ok(None) };
            // SAFETY: in the section, after the probe; the key moves out and is dropped after
            // the section.
            let t = unsafe { self.table_mut() };
            let old = t.slots[i].key.take();
            t.slots[i].hash = DUMMY_HASH;
            t.used -= 1;
            Ok(old)
        })?;
        // Dropped outside the section: a destructor may run Python code.
        Ok(old.is_some())
    }

    /// Removes everything (`set_clear_internal`): the old keys are dropped after the table is
    /// reset, so destructors never see a half-cleared set.
    pub fn clear(&self) {
        let old = locked(&self.ob_base, || {
            // SAFETY: in the section; the old slots move out and are dropped after it.
            let t = unsafe { self.table_mut() };
            let old = std::mem::replace(&mut t.slots, empty_slots(MIN_SIZE));
            t.fill = 0;
            t.used = 0;
            t.generation += 1;
            old
        });
        drop(old);
    }

    /// `set.pop()` (CPython's search finger).
    pub fn pop(&self) -> PyResult<Obj> {
        locked(&self.ob_base, || self.pop_locked())
    }

    fn pop_locked(&self) -> PyResult<Obj> {
        // SAFETY: in the caller's section; the key moves out to the caller and no code runs.
        let t = unsafe { self.table_mut() };
        if t.used == 0 {
            return Err(PyErr::key_error_msg("pop from an empty set"));
        }
        let mask = t.mask();
        let mut i = t.finger & mask;
        while t.slots[i].key.is_none() {
            i = if i == mask { 0 } else { i + 1 };
        }
        let key = t.slots[i].key.take().expect("an active slot");
        t.slots[i].hash = DUMMY_HASH;
        t.used -= 1;
        t.finger = i + 1;
        Ok(key)
    }

    fn resize_for(&self, extra: usize) {
        let old = locked(&self.ob_base, || {
            // SAFETY: in the section; `resize` moves the keys and returns only empty slots.
            let t = unsafe { self.table_mut() };
            ((t.fill + extra) * 5 >= t.mask() * 3).then(|| t.resize((t.used + extra) * 2))
        });
        drop(old);
    }

    /// `set_merge`: adds every element of another set.
    fn merge(&self, other: &SetObject) -> PyResult<()> {
        if std::ptr::eq(self, other) {
            return Ok(());
        }
        locked2(&self.ob_base, &other.ob_base, || self.merge_locked(other))
    }

    fn merge_locked(&self, other: &SetObject) -> PyResult<()> {
        if other.is_empty() {
            return Ok(());
        }
        self.resize_for(other.len());
        // SAFETY: in both sets' sections, and `self` is not `other` (checked by `merge`): the two
        // borrows are of different tables. Below, only clones (increfs) and moves of keys run
        // while they live — `other.entries()` reads `other`'s table in a borrow of its own,
        // which `o` is not used across, and `add_hashed_locked` comes after `t`'s last use.
        let (t, o) = unsafe { (self.table_mut(), other.table()) };
        if t.fill == 0 && t.mask() == o.mask() && o.fill == o.used {
            for (dst, src) in t.slots.iter_mut().zip(&o.slots) {
                if let Some(k) = &src.key {
                    *dst = Slot { hash: src.hash, key: Some(k.clone()) };
                }
            }
            t.fill = o.fill;
            t.used = o.used;
            return Ok(());
        }
        if t.fill == 0 {
            let entries = other.entries();
            t.fill = entries.len();
            t.used = entries.len();
            for (k, h) in entries {
                insert_clean(&mut t.slots, k, h);
            }
            return Ok(());
        }
        for (k, h) in other.entries() {
            self.add_hashed_locked(k, h)?;
        }
        Ok(())
    }

    /// `set_update_internal`: adds the elements of any iterable.
    pub fn update_from(&self, other: &PyObject) -> PyResult<()> {
        if let Some(o) = as_set(other) {
            return self.merge(o);
        }
        if std::ptr::eq(other.type_object(), types().dict_type) {
            // `set_update_dict`: the dict's stored hashes (no `__hash__` runs), walked live.
            let d = as_dict(other).expect("a dict");
            self.resize_for(d.len());
            let mut pos = 0;
            while let (next, Some((k, _, h))) = d.next_entry_from(pos, false) {
                pos = next;
                self.add_hashed(k, h)?;
            }
            return Ok(());
        }
        let it = ops::get_iter(other)?;
        while let Some(k) = ops::next(&it)? {
            self.add(k)?;
        }
        Ok(())
    }

    /// Swaps the tables of two sets (`set_swap_bodies`, for the `*_update` forms).
    fn swap_bodies(&self, other: &SetObject) {
        if std::ptr::eq(self, other) {
            return;
        }
        locked2(&self.ob_base, &other.ob_base, || {
            // SAFETY: in both sections; `self` is not `other` (checked above), so the two
            // borrows are of different tables; the tables move whole, nothing is dropped.
            let (t, o) = unsafe { (self.table_mut(), other.table_mut()) };
            std::mem::swap(t, o);
            t.generation += 1;
            o.generation += 1;
            let h = self.hash.get();
            self.hash.set(other.hash.get());
            other.hash.set(h);
        });
    }
}

/// The set behind `obj` (`set`, `frozenset` or a subclass of either).
#[inline]
pub fn as_set(obj: &PyObject) -> Option<&SetObject> {
    let ty = obj.type_object();
    let t = types();
    let is_set = std::ptr::eq(ty, t.set.set_type)
        || std::ptr::eq(ty, t.set.frozenset_type)
        || (ty.is_heap() && (ty.is_subtype(t.set.set_type) || ty.is_subtype(t.set.frozenset_type)));
    // SAFETY: instances of these types start with SetObject.
    is_set.then(|| unsafe { obj.cast::<SetObject>() })
}

/// Whether `obj` is a `set` (or subclass), i.e. mutable.
#[inline]
fn is_mutable_set(obj: &PyObject) -> bool {
    obj.type_object().is_subtype(types().set.set_type)
}

fn set_of(o: &PyObject) -> &SetObject {
    as_set(o).expect("a set receiver")
}

/// A new empty instance of `set`, `frozenset` or a subclass.
pub fn new_set_of_type(ty: &TypeObject) -> PyResult<Obj> {
    // SAFETY: SetObject starts with the header; the deallocator drops it; a subclass's dict
    // pointer is written after it.
    unsafe {
        let obj = super::alloc::alloc_sized(ty, ty.basic_size.max(size_of::<SetObject>()), |ob_base| SetObject {
            ob_base,
            table: UnsafeCell::new(SetTable::new()),
            hash: Cell::new(-1),
        })?;
        if ty.dict_offset != 0 {
            (obj.as_ptr().as_ptr() as *mut u8).add(ty.dict_offset).cast::<Option<Obj>>().write(None);
        }
        Ok(obj)
    }
}

/// `make_new_set`: a new set of `ty` holding the elements of `iterable`.
pub fn make_set(ty: &TypeObject, iterable: Option<&PyObject>) -> PyResult<Obj> {
    let s = new_set_of_type(ty)?;
    if let Some(it) = iterable {
        set_of(&s).update_from(it)?;
    }
    Ok(s)
}

/// A new `set` of `items`.
pub fn new_set(items: Vec<Obj>) -> PyResult<Obj> {
    let s = new_set_of_type(types().set.set_type)?;
    for x in items {
        set_of(&s).add(x)?;
    }
    Ok(s)
}

/// A new `frozenset` of `items`.
pub fn new_frozenset(items: Vec<Obj>) -> PyResult<Obj> {
    let s = new_set_of_type(types().set.frozenset_type)?;
    for x in items {
        set_of(&s).add(x)?;
    }
    Ok(s)
}

/// Leaks an immortal `frozenset` of `items` (immortal objects themselves), shared by every
/// interpreter (`sys.stdlib_module_names`). Its hash is computed and cached before it is
/// published, so nothing writes the shared object afterwards.
pub(crate) fn leak_frozenset(items: Vec<Obj>) -> PyResult<&'static PyObject> {
    // SAFETY: SetObject starts with the header; immortal, never freed; `frozenset` is a
    // static type.
    let s: &'static SetObject = unsafe {
        super::alloc::leak_immortal(types().set.frozenset_type, |ob_base| SetObject {
            ob_base,
            table: UnsafeCell::new(SetTable::new()),
            hash: Cell::new(-1),
        })
    };
    for x in items {
        s.add(x)?;
    }
    hash(&s.ob_base)?;
    Ok(&s.ob_base)
}

/// `make_new_set_basetype`: results of operations are plain `set`/`frozenset`.
fn make_basetype(like: &PyObject, iterable: Option<&PyObject>) -> PyResult<Obj> {
    let t = types();
    let ty = if is_mutable_set(like) { t.set.set_type } else { t.set.frozenset_type };
    make_set(ty, iterable)
}

/// `set_copy`: a frozenset copies to itself.
fn copy(o: &PyObject) -> PyResult<Obj> {
    if std::ptr::eq(o.type_object(), types().set.frozenset_type) {
        return Ok(Obj::new_ref(o));
    }
    make_basetype(o, Some(o))
}

/// The hash of a key, with a `set` key standing for the equal `frozenset` (`set_contains`,
/// `discard` and `remove` accept sets as keys).
fn key_and_hash(key: &PyObject) -> PyResult<(Obj, isize)> {
    match hash(key) {
        Ok(h) => Ok((Obj::new_ref(key), h)),
        Err(e) => frozen_stand_in(key, e),
    }
}

/// The `frozenset` standing for an unhashable `set` key whose hashing failed with `e` (any
/// other failure is `e` itself).
fn frozen_stand_in(key: &PyObject, e: PyErr) -> PyResult<(Obj, isize)> {
    if is_mutable_set(key) && e.matches(types().exc.named("TypeError")) {
        let frozen = make_set(types().set.frozenset_type, Some(key))?;
        let h = hash(&frozen)?;
        return Ok((frozen, h));
    }
    Err(e)
}

fn contains_key(s: &SetObject, key: &PyObject) -> PyResult<bool> {
    // The common case borrows the key; only an unhashable `set` key makes a stand-in.
    match hash(key) {
        Ok(h) => s.contains_hashed(key, h),
        Err(e) => {
            let (k, h) = frozen_stand_in(key, e)?;
            s.contains_hashed(&k, h)
        }
    }
}

/// Whether `o` is an exact `set` or `frozenset` (the guard of `CONTAINS_OP_SET`).
#[inline]
pub(crate) fn is_exact_set(o: &PyObject) -> bool {
    let (ty, t) = (o.type_object(), types());
    std::ptr::eq(ty, t.set.set_type) || std::ptr::eq(ty, t.set.frozenset_type)
}

/// `CONTAINS_OP_SET`: `key in s` for an `s` that passed [`is_exact_set`].
#[inline]
pub(crate) fn exact_set_contains(s: &PyObject, key: &PyObject) -> PyResult<bool> {
    debug_assert!(is_exact_set(s));
    // SAFETY: exact sets and frozensets are laid out as SetObject (the caller's guard).
    contains_key(unsafe { s.cast::<SetObject>() }, key)
}

// ---- the algebra (setobject.c, function by function) --------------------------------------

fn union_multi(so: &PyObject, others: &[Obj]) -> PyResult<Obj> {
    let result = make_basetype(so, Some(so))?;
    for o in others {
        if o.is(so) {
            continue;
        }
        set_of(&result).update_from(o)?;
    }
    Ok(result)
}

fn intersection(so: &PyObject, other: &PyObject) -> PyResult<Obj> {
    if so.is(other) {
        return copy(so);
    }
    let result = make_basetype(so, None)?;
    let r = set_of(&result);
    if let Some(o) = as_set(other) {
        let (big, small) = if o.len() > set_of(so).len() { (o, set_of(so)) } else { (set_of(so), o) };
        for (k, h) in small.entries() {
            if big.contains_hashed(&k, h)? {
                r.add_hashed(k, h)?;
            }
        }
        return Ok(result);
    }
    let s = set_of(so);
    let it = ops::get_iter(other)?;
    while let Some(k) = ops::next(&it)? {
        let h = hash(&k)?;
        if s.contains_hashed(&k, h)? {
            r.add_hashed(k, h)?;
        }
    }
    Ok(result)
}

fn intersection_multi(so: &PyObject, others: &[Obj]) -> PyResult<Obj> {
    // No operands: a new set of the base type even for a frozenset (CPython's `set_copy`,
    // not `frozenset.copy`, which gives the frozenset itself).
    if others.is_empty() {
        return make_basetype(so, Some(so));
    }
    let mut result = Obj::new_ref(so);
    for o in others {
        result = intersection(&result, o)?;
    }
    Ok(result)
}

fn difference_update(so: &PyObject, other: &PyObject) -> PyResult<()> {
    let s = set_of(so);
    if so.is(other) {
        s.clear();
        return Ok(());
    }
    if let Some(o) = as_set(other) {
        // Walked live (`set_next`), as CPython does: `__eq__` run by the discards may change it.
        let smaller = if (o.len() >> 3) > s.len() { Some(intersection(so, other)?) } else { None };
        let o = smaller.as_deref().map_or(o, set_of);
        let mut pos = 0;
        while let Some((next, k, h)) = o.next_entry_from(pos) {
            pos = next;
            s.discard_hashed(&k, h)?;
        }
    } else {
        let it = ops::get_iter(other)?;
        while let Some(k) = ops::next(&it)? {
            let (k, h) = key_and_hash(&k)?;
            s.discard_hashed(&k, h)?;
        }
    }
    let old = locked(so, || {
        // SAFETY: in the section; `resize` moves the keys and returns only empty slots.
        let t = unsafe { s.table_mut() };
        (t.fill - t.used > t.mask() / 4).then(|| t.resize(if t.used > 50000 { t.used * 2 } else { t.used * 4 }))
    });
    drop(old);
    Ok(())
}

fn copy_and_difference(so: &PyObject, other: &PyObject) -> PyResult<Obj> {
    let result = make_basetype(so, Some(so))?;
    difference_update(&result, other)?;
    Ok(result)
}

fn difference(so: &PyObject, other: &PyObject) -> PyResult<Obj> {
    let other_size = if let Some(o) = as_set(other) {
        o.len()
    } else if std::ptr::eq(other.type_object(), types().dict_type) {
        as_dict(other).expect("a dict").len()
    } else {
        return copy_and_difference(so, other);
    };
    let s = set_of(so);
    if (s.len() >> 2) > other_size {
        return copy_and_difference(so, other);
    }
    let result = make_basetype(so, None)?;
    let r = set_of(&result);
    for (k, h) in s.entries() {
        let present = match as_set(other) {
            Some(o) => o.contains_hashed(&k, h)?,
            None => as_dict(other).expect("a dict").get_hashed(&k, h)?.is_some(),
        };
        if !present {
            r.add_hashed(k, h)?;
        }
    }
    Ok(result)
}

fn difference_multi(so: &PyObject, others: &[Obj]) -> PyResult<Obj> {
    let Some((first, rest)) = others.split_first() else { return make_basetype(so, Some(so)) };
    let result = difference(so, first)?;
    for o in rest {
        difference_update(&result, o)?;
    }
    Ok(result)
}

fn symmetric_difference_update(so: &PyObject, other: &PyObject) -> PyResult<()> {
    let s = set_of(so);
    if so.is(other) {
        s.clear();
        return Ok(());
    }
    let toggle = |k: Obj, h: isize| -> PyResult<()> {
        if !s.discard_hashed(&k, h)? {
            s.add_hashed(k, h)?;
        }
        Ok(())
    };
    if std::ptr::eq(other.type_object(), types().dict_type) {
        // The dict's stored hashes (no `__hash__` runs), walked live.
        let d = as_dict(other).expect("a dict");
        let mut pos = 0;
        while let (next, Some((k, _, h))) = d.next_entry_from(pos, false) {
            pos = next;
            toggle(k, h)?;
        }
        return Ok(());
    }
    // Another set is walked live (`set_next`), as CPython does: `__eq__` run by the toggles may
    // change it.
    let made;
    let o = match as_set(other) {
        Some(o) => o,
        None => {
            made = make_basetype(so, Some(other))?;
            set_of(&made)
        }
    };
    let mut pos = 0;
    while let Some((next, k, h)) = o.next_entry_from(pos) {
        pos = next;
        toggle(k, h)?;
    }
    Ok(())
}

fn symmetric_difference(so: &PyObject, other: &PyObject) -> PyResult<Obj> {
    let result = make_basetype(so, Some(other))?;
    symmetric_difference_update(&result, so)?;
    Ok(result)
}

fn issubset(so: &PyObject, other: &PyObject) -> PyResult<bool> {
    let Some(o) = as_set(other) else {
        let tmp = make_set(types().set.set_type, Some(other))?;
        return issubset(so, &tmp);
    };
    let s = set_of(so);
    if s.len() > o.len() {
        return Ok(false);
    }
    for (k, h) in s.entries() {
        if !o.contains_hashed(&k, h)? {
            return Ok(false);
        }
    }
    Ok(true)
}

fn issuperset(so: &PyObject, other: &PyObject) -> PyResult<bool> {
    if as_set(other).is_some() {
        return issubset(other, so);
    }
    let s = set_of(so);
    let it = ops::get_iter(other)?;
    while let Some(k) = ops::next(&it)? {
        if !contains_key(s, &k)? {
            return Ok(false);
        }
    }
    Ok(true)
}

fn isdisjoint(so: &PyObject, other: &PyObject) -> PyResult<bool> {
    let s = set_of(so);
    if so.is(other) {
        return Ok(s.is_empty());
    }
    if let Some(o) = as_set(other) {
        let (big, small) = if o.len() > s.len() { (o, s) } else { (s, o) };
        for (k, h) in small.entries() {
            if big.contains_hashed(&k, h)? {
                return Ok(false);
            }
        }
        return Ok(true);
    }
    let it = ops::get_iter(other)?;
    while let Some(k) = ops::next(&it)? {
        if contains_key(s, &k)? {
            return Ok(false);
        }
    }
    Ok(true)
}

// ---- slots ---------------------------------------------------------------------------------

fn not_implemented() -> PyResult<Obj> {
    Ok(Obj::new_ref(immortals().not_implemented))
}

fn set_repr(o: &PyObject) -> PyResult<Obj> {
    let ty = o.type_object();
    let s = set_of(o);
    let is_plain_set = std::ptr::eq(ty, types().set.set_type);
    if s.is_empty() {
        return new_str(&format!("{}()", ty.name()));
    }
    let Some(_reentry) = super::repr_guard::enter(o) else { return new_str(&format!("{}(...)", ty.name())) };
    let _guard = super::recursion::enter(" while getting the repr of an object")?;
    let mut body = String::from("{");
    for (i, k) in s.keys().iter().enumerate() {
        if i > 0 {
            body.push_str(", ");
        }
        body.push_str(&repr_text(k)?);
    }
    body.push('}');
    if is_plain_set { new_str(&body) } else { new_str(&format!("{}({body})", ty.name())) }
}

/// `_shuffle_bits` of `frozenset_hash`.
#[inline]
fn shuffle_bits(h: u64) -> u64 {
    ((h ^ 89869747) ^ (h << 16)).wrapping_mul(3644798167)
}

/// `frozenset.__hash__`: CPython's order-independent hash over the whole table.
fn frozenset_hash(o: &PyObject) -> PyResult<isize> {
    locked(o, || frozenset_hash_locked(o))
}

fn frozenset_hash_locked(o: &PyObject) -> PyResult<isize> {
    let s = set_of(o);
    if s.hash.get() != -1 {
        return Ok(s.hash.get());
    }
    // SAFETY: in the caller's section; only hashes and counts are read.
    let t = unsafe { s.table() };
    let mut h: u64 = 0;
    for slot in &t.slots {
        h ^= shuffle_bits(slot.hash as u64);
    }
    if (t.slots.len() - t.fill) & 1 == 1 {
        h ^= shuffle_bits(0);
    }
    if (t.fill - t.used) & 1 == 1 {
        h ^= shuffle_bits(-1i64 as u64);
    }
    h ^= (t.used as u64 + 1).wrapping_mul(1927868237);
    h ^= (h >> 11) ^ (h >> 25);
    h = h.wrapping_mul(69069).wrapping_add(907133923);
    if h == u64::MAX {
        h = 590923713;
    }
    s.hash.set(h as isize);
    Ok(h as isize)
}

fn set_richcompare(a: &PyObject, b: &PyObject, op: CompareOp) -> PyResult<Obj> {
    let Some(w) = as_set(b) else { return not_implemented() };
    let v = set_of(a);
    let r = match op {
        CompareOp::Eq | CompareOp::Ne => {
            let eq = v.len() == w.len()
                && !(v.hash.get() != -1 && w.hash.get() != -1 && v.hash.get() != w.hash.get())
                && issubset(a, b)?;
            eq == (op == CompareOp::Eq)
        }
        CompareOp::Le => issubset(a, b)?,
        CompareOp::Ge => issuperset(a, b)?,
        CompareOp::Lt => v.len() < w.len() && issubset(a, b)?,
        CompareOp::Gt => v.len() > w.len() && issuperset(a, b)?,
    };
    Ok(new_bool(r))
}

fn set_contains(o: &PyObject, key: &PyObject) -> PyResult<bool> {
    contains_key(set_of(o), key)
}

fn both_sets(a: &PyObject, b: &PyObject) -> bool {
    as_set(a).is_some() && as_set(b).is_some()
}

fn set_or(a: &PyObject, b: &PyObject) -> PyResult<Obj> {
    if !both_sets(a, b) {
        return not_implemented();
    }
    let result = copy(a)?;
    if !a.is(b) {
        let result = if result.is(a) { make_basetype(a, Some(a))? } else { result };
        set_of(&result).update_from(b)?;
        return Ok(result);
    }
    Ok(result)
}

fn set_and(a: &PyObject, b: &PyObject) -> PyResult<Obj> {
    if !both_sets(a, b) {
        return not_implemented();
    }
    intersection(a, b)
}

fn set_sub(a: &PyObject, b: &PyObject) -> PyResult<Obj> {
    if !both_sets(a, b) {
        return not_implemented();
    }
    difference(a, b)
}

fn set_xor(a: &PyObject, b: &PyObject) -> PyResult<Obj> {
    if !both_sets(a, b) {
        return not_implemented();
    }
    symmetric_difference(a, b)
}

fn set_ior(a: &PyObject, b: &PyObject) -> PyResult<Obj> {
    if !is_mutable_set(a) || as_set(b).is_none() {
        return not_implemented();
    }
    set_of(a).update_from(b)?;
    Ok(Obj::new_ref(a))
}

fn set_iand(a: &PyObject, b: &PyObject) -> PyResult<Obj> {
    if !is_mutable_set(a) || as_set(b).is_none() {
        return not_implemented();
    }
    let tmp = intersection(a, b)?;
    set_of(a).swap_bodies(set_of(&tmp));
    Ok(Obj::new_ref(a))
}

fn set_isub(a: &PyObject, b: &PyObject) -> PyResult<Obj> {
    if !is_mutable_set(a) || as_set(b).is_none() {
        return not_implemented();
    }
    difference_update(a, b)?;
    Ok(Obj::new_ref(a))
}

fn set_ixor(a: &PyObject, b: &PyObject) -> PyResult<Obj> {
    if !is_mutable_set(a) || as_set(b).is_none() {
        return not_implemented();
    }
    symmetric_difference_update(a, b)?;
    Ok(Obj::new_ref(a))
}

fn set_new(ty: &TypeObject, argv: &[Obj], kwnames: Option<&PyObject>) -> PyResult<Obj> {
    // `set.__init__` fills it; only the keyword check happens here for exact `set`.
    if std::ptr::eq(ty, types().set.set_type) {
        args::no_keywords("set", kwnames)?;
    }
    let _ = argv;
    new_set_of_type(ty)
}

fn set_init(o: &PyObject, argv: &[Obj], kwnames: Option<&PyObject>) -> PyResult<()> {
    let pos = args::exact("set", argv, kwnames, 0, 1)?;
    let s = set_of(o);
    if !s.is_empty() {
        s.clear();
    }
    if let Some(it) = pos.first() {
        s.update_from(it)?;
    }
    Ok(())
}

fn frozenset_new(ty: &TypeObject, argv: &[Obj], kwnames: Option<&PyObject>) -> PyResult<Obj> {
    let frozen = types().set.frozenset_type;
    if args::refuses_keywords(ty, frozen) {
        args::no_keywords("frozenset", kwnames)?;
    }
    let pos = args::positional(argv, kwnames);
    if pos.len() > 1 {
        return Err(PyErr::type_error(format!("frozenset expected at most 1 argument, got {}", pos.len())));
    }
    if let Some(x) = pos.first() {
        if std::ptr::eq(ty, frozen) && std::ptr::eq(x.type_object(), frozen) {
            return Ok(x.clone());
        }
    }
    make_set(ty, pos.first().map(|x| &**x))
}

// ---- the iterator -------------------------------------------------------------------------

/// `set_iterator`: walks the table by position; a change of size between steps raises
/// `RuntimeError: Set changed size during iteration` (and stays exhausted).
#[repr(C)]
pub struct SetIter {
    /// Header.
    pub ob_base: PyObject,
    set: UnsafeCell<Option<Obj>>,
    pos: Cell<usize>,
    used: Cell<usize>,
}

fn set_iter(o: &PyObject) -> PyResult<Obj> {
    let used = set_of(o).len();
    // SAFETY: SetIter starts with the header; its deallocator drops it.
    unsafe {
        super::alloc::alloc(types().set.set_iterator_type, |ob_base| SetIter {
            ob_base,
            set: UnsafeCell::new(Some(Obj::new_ref(o))),
            pos: Cell::new(0),
            used: Cell::new(used),
        })
    }
}

fn set_iter_next(it: &PyObject) -> PyResult<Option<Obj>> {
    // SAFETY: only installed on the set iterator type.
    let it = unsafe { it.cast::<SetIter>() };
    // SAFETY: serialised by the interpreter lock or the iterator's owner thread; the borrow
    // ends before any Python code runs.
    let Some(so) = (unsafe { &*it.set.get() }).clone() else { return Ok(None) };
    let s = set_of(&so);
    let step = locked(&so, || {
        // SAFETY: a read in the section; the clone (an incref) runs no Python code.
        let t = unsafe { s.table() };
        if t.used != it.used.get() {
            return Err(());
        }
        let mut i = it.pos.get();
        while i < t.slots.len() && t.slots[i].key.is_none() {
            i += 1;
        }
        it.pos.set(i + 1);
        Ok(t.slots.get(i).and_then(|sl| sl.key.clone()))
    });
    match step {
        Err(()) => {
            it.used.set(usize::MAX);
            Err(PyErr::runtime_error("Set changed size during iteration"))
        }
        Ok(Some(k)) => Ok(Some(k)),
        Ok(None) => {
            // SAFETY: as above; the set is dropped after the borrow ends.
            let done = unsafe { (*it.set.get()).take() };
            drop(done);
            Ok(None)
        }
    }
}

/// # Safety
///
/// See [`super::typeobj::DeallocFn`].
unsafe fn dealloc_set_iter(op: NonNull<PyObject>) {
    // SAFETY: forwarded contract.
    unsafe { drop_and_free::<SetIter>(op) }
}

/// `set`'s and `frozenset`'s deallocator.
///
/// # Safety
///
/// See [`super::typeobj::DeallocFn`].
unsafe fn dealloc_set(op: NonNull<PyObject>) {
    // SAFETY: forwarded contract.
    unsafe {
        let ty = op.as_ref().type_object();
        if ty.dict_offset != 0 {
            std::ptr::drop_in_place((op.as_ptr() as *mut u8).add(ty.dict_offset).cast::<Option<Obj>>());
        }
        drop_and_free::<SetObject>(op)
    }
}

// ---- the types ----------------------------------------------------------------------------

/// The set types.
pub struct SetTypes {
    /// `set`
    pub set_type: &'static TypeObject,
    /// `frozenset`
    pub frozenset_type: &'static TypeObject,
    /// `set_iterator`
    pub set_iterator_type: &'static TypeObject,
}

const SET_NUMBER: NumberMethods = NumberMethods {
    or: Some(set_or),
    and: Some(set_and),
    subtract: Some(set_sub),
    xor: Some(set_xor),
    ..NumberMethods::EMPTY
};

/// Phase one of the static types: the set types with their slots (methods in `specs`).
pub(crate) fn make_set_types(
    type_type: &'static TypeObject,
    object_type: &'static TypeObject,
    specs: &mut Vec<TypeSpec>,
) -> SetTypes {
    let common = |t: &mut TypeObject| {
        t.repr = Some(set_repr);
        t.richcompare = Some(set_richcompare);
        t.iter = Some(set_iter);
        t.sequence = SequenceMethods { length: Some(|o| Ok(set_of(o).len())), contains: Some(set_contains) };
        t.number = SET_NUMBER;
    };
    let set_type = new_static_type(type_type, "set", size_of::<SetObject>(), flags::BASETYPE, dealloc_set, |t| {
        common(t);
        t.new = Some(set_new);
        t.init = Some(set_init);
        t.number.inplace_or = Some(set_ior);
        t.number.inplace_and = Some(set_iand);
        t.number.inplace_subtract = Some(set_isub);
        t.number.inplace_xor = Some(set_ixor);
    });
    let frozenset_type =
        new_static_type(type_type, "frozenset", size_of::<SetObject>(), flags::BASETYPE, dealloc_set, |t| {
            common(t);
            t.hash = Some(frozenset_hash);
            t.new = Some(frozenset_new);
        });
    let set_iterator_type =
        new_static_type(type_type, "set_iterator", size_of::<SetIter>(), 0, dealloc_set_iter, |t| {
            t.iter = Some(|o| Ok(Obj::new_ref(o)));
            t.iternext = Some(set_iter_next);
            t.hash = Some(super::core_types::object_hash);
        });
    let obj = Some(object_type);
    specs.push(TypeSpec { ty: set_type, base: obj, methods: SET_METHODS, getsets: NO_GETSETS });
    specs.push(TypeSpec { ty: frozenset_type, base: obj, methods: FROZENSET_METHODS, getsets: NO_GETSETS });
    specs.push(TypeSpec { ty: set_iterator_type, base: obj, methods: SET_ITER_METHODS, getsets: NO_GETSETS });
    SetTypes { set_type, frozenset_type, set_iterator_type }
}

static NO_GETSETS: &[GetSetDef] = &[];

/// The receiver and the rest of a method taking any number of positional arguments.
fn varargs<'a>(name: &str, a: &'a [Obj], k: Option<&PyObject>) -> PyResult<(&'a Obj, &'a [Obj])> {
    args::method(name, a, k, 0, usize::MAX)
}

macro_rules! set_method {
    ($name:literal, $qual:literal, 0, |$s:ident| $body:expr) => {
        MethodDef::method($name, |a, k| {
            let ($s, _) = args::method($qual, a, k, 0, 0)?;
            $body
        })
    };
    ($name:literal, $qual:literal, 1, |$s:ident, $x:ident| $body:expr) => {
        MethodDef::method($name, |a, k| {
            let ($s, r) = args::method($qual, a, k, 1, 1)?;
            let $x = &r[0];
            $body
        })
    };
}

static SET_METHODS: &[MethodDef] = &[
    MethodDef::classmethod("__class_getitem__", super::generic_alias::class_getitem),
    set_method!("add", "set.add", 1, |s, x| {
        set_of(s).add(x.clone())?;
        Ok(args::none())
    }),
    set_method!("clear", "set.clear", 0, |s| {
        set_of(s).clear();
        Ok(args::none())
    }),
    set_method!("copy", "set.copy", 0, |s| copy(s)),
    set_method!("discard", "set.discard", 1, |s, x| {
        let (k, h) = key_and_hash(x)?;
        set_of(s).discard_hashed(&k, h)?;
        Ok(args::none())
    }),
    set_method!("remove", "set.remove", 1, |s, x| {
        let (k, h) = key_and_hash(x)?;
        if set_of(s).discard_hashed(&k, h)? { Ok(args::none()) } else { Err(PyErr::key_error(x)) }
    }),
    set_method!("pop", "set.pop", 0, |s| set_of(s).pop()),
    MethodDef::method("update", |a, k| {
        let (s, others) = varargs("set.update", a, k)?;
        for o in others {
            set_of(s).update_from(o)?;
        }
        Ok(args::none())
    }),
    MethodDef::method("union", |a, k| {
        let (s, others) = varargs("set.union", a, k)?;
        union_multi(s, others)
    }),
    MethodDef::method("intersection", |a, k| {
        let (s, others) = varargs("set.intersection", a, k)?;
        intersection_multi(s, others)
    }),
    MethodDef::method("intersection_update", |a, k| {
        let (s, others) = varargs("set.intersection_update", a, k)?;
        let tmp = intersection_multi(s, others)?;
        if !tmp.is(s) {
            set_of(s).swap_bodies(set_of(&tmp));
        }
        Ok(args::none())
    }),
    MethodDef::method("difference", |a, k| {
        let (s, others) = varargs("set.difference", a, k)?;
        difference_multi(s, others)
    }),
    MethodDef::method("difference_update", |a, k| {
        let (s, others) = varargs("set.difference_update", a, k)?;
        for o in others {
            difference_update(s, o)?;
        }
        Ok(args::none())
    }),
    set_method!("symmetric_difference", "set.symmetric_difference", 1, |s, x| symmetric_difference(s, x)),
    set_method!("symmetric_difference_update", "set.symmetric_difference_update", 1, |s, x| {
        symmetric_difference_update(s, x)?;
        Ok(args::none())
    }),
    set_method!("issubset", "set.issubset", 1, |s, x| Ok(new_bool(issubset(s, x)?))),
    set_method!("issuperset", "set.issuperset", 1, |s, x| Ok(new_bool(issuperset(s, x)?))),
    set_method!("isdisjoint", "set.isdisjoint", 1, |s, x| Ok(new_bool(isdisjoint(s, x)?))),
    set_method!("__contains__", "set.__contains__", 1, |s, x| Ok(new_bool(contains_key(set_of(s), x)?))),
    set_method!("__len__", "set.__len__", 0, |s| new_int(set_of(s).len() as i64)),
];

static FROZENSET_METHODS: &[MethodDef] = &[
    MethodDef::classmethod("__class_getitem__", super::generic_alias::class_getitem),
    set_method!("copy", "frozenset.copy", 0, |s| copy(s)),
    MethodDef::method("union", |a, k| {
        let (s, others) = varargs("frozenset.union", a, k)?;
        union_multi(s, others)
    }),
    MethodDef::method("intersection", |a, k| {
        let (s, others) = varargs("frozenset.intersection", a, k)?;
        intersection_multi(s, others)
    }),
    MethodDef::method("difference", |a, k| {
        let (s, others) = varargs("frozenset.difference", a, k)?;
        difference_multi(s, others)
    }),
    set_method!("symmetric_difference", "frozenset.symmetric_difference", 1, |s, x| symmetric_difference(s, x)),
    set_method!("issubset", "frozenset.issubset", 1, |s, x| Ok(new_bool(issubset(s, x)?))),
    set_method!("issuperset", "frozenset.issuperset", 1, |s, x| Ok(new_bool(issuperset(s, x)?))),
    set_method!("isdisjoint", "frozenset.isdisjoint", 1, |s, x| Ok(new_bool(isdisjoint(s, x)?))),
    set_method!("__contains__", "frozenset.__contains__", 1, |s, x| Ok(new_bool(contains_key(set_of(s), x)?))),
    set_method!("__len__", "frozenset.__len__", 0, |s| new_int(set_of(s).len() as i64)),
];

static SET_ITER_METHODS: &[MethodDef] = &[MethodDef::method("__length_hint__", |a, k| {
    let (it, _) = args::method("__length_hint__", a, k, 0, 0)?;
    // SAFETY: the receiver is a set iterator (checked by the method descriptor).
    let it = unsafe { it.cast::<SetIter>() };
    // SAFETY: serialised by the interpreter lock.
    let n = match unsafe { (*it.set.get()).clone() } {
        Some(s) => locked(&s, || {
            // SAFETY: a read of counts and slot states in the section.
            let t = unsafe { set_of(&s).table() };
            if t.used != it.used.get() {
                return 0;
            }
            t.slots[it.pos.get().min(t.slots.len())..].iter().filter(|sl| sl.key.is_some()).count()
        }),
        None => 0,
    };
    new_int(n as i64)
})];

// ---- the eval loop's opcodes --------------------------------------------------------------

/// `BUILD_SET`: a set of the items (in stack order).
pub(crate) fn build_set(items: Vec<Obj>) -> PyResult<Obj> {
    new_set(items)
}

/// `SET_ADD`: `set.add(item)` on the comprehension's set.
pub(crate) fn set_add(set: &PyObject, item: Obj) -> PyResult<()> {
    set_of(set).add(item)
}

/// `SET_UPDATE`: `set.update(iterable)` for `{*a, *b}`.
pub(crate) fn set_update(set: &PyObject, iterable: &PyObject) -> PyResult<()> {
    set_of(set).update_from(iterable)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn with<R>(f: impl FnOnce() -> R) -> R {
        crate::Runtime::initialize();
        crate::attach(|_py| f())
    }

    fn ints(v: &[i64]) -> Vec<Obj> {
        v.iter().map(|&i| new_int(i).expect("an int")).collect()
    }

    /// The table, for the layout checks (the tests read it while nothing writes the set).
    fn table(s: &PyObject) -> &SetTable {
        // SAFETY: single-threaded test reads; each borrow is used before the next write.
        unsafe { set_of(s).table() }
    }

    fn values(s: &PyObject) -> Vec<i64> {
        set_of(s).keys().iter().map(|k| super::super::int::int_value(k).expect("an int")).collect()
    }

    #[test]
    fn small_ints_iterate_in_hash_order() {
        with(|| {
            let s = new_set(ints(&[5, 3, 1, 8])).expect("a set");
            assert_eq!(values(&s), vec![8, 1, 3, 5]);
        });
    }

    #[test]
    fn collisions_in_a_small_table_jump() {
        with(|| {
            // 17, 9 and 1 share slot 1 of the 8-slot table; a table of 8 is too small for linear
            // probes, so they jump: 9 to (1 * 5 + 1) & 7 = 6, then 1 to (6 * 5 + 1) & 7 = 7.
            let s = new_set(ints(&[17, 9, 1])).expect("a set");
            assert_eq!(values(&s), vec![17, 9, 1]);
            assert_eq!(set_of(&s).len(), 3);
        });
    }

    #[test]
    fn resize_at_three_fifths_full() {
        with(|| {
            let s = new_set(ints(&[0, 1, 2, 3])).expect("a set");
            assert_eq!(table(&s).slots.len(), 8);
            set_of(&s).add(new_int(4).expect("int")).expect("add");
            // fill 5 * 5 >= 7 * 3: rebuilt at the first power of two above 5 * 4.
            assert_eq!(table(&s).slots.len(), 32);
        });
    }

    #[test]
    fn discard_leaves_a_dummy_that_add_reuses() {
        with(|| {
            let s = new_set(ints(&[1, 9])).expect("a set");
            let one = new_int(1).expect("int");
            assert!(set_of(&s).discard_hashed(&one, 1).expect("discard"));
            assert_eq!(table(&s).fill, 2);
            set_of(&s).add(new_int(17).expect("int")).expect("add");
            assert_eq!(values(&s), vec![17, 9]);
            assert_eq!(table(&s).fill, 2);
        });
    }

    #[test]
    fn an_insertion_reuses_the_last_dummy_of_the_chain() {
        with(|| {
            // The resize to 32 slots re-inserts in the old table's order: 65 lands on slot 1,
            // then 1 and 33 probe linearly to 2 and 3; 100..102 sit at 4..6.
            let s = new_set(ints(&[1, 33, 65, 100, 101, 102])).expect("a set");
            assert_eq!(table(&s).slots.len(), 32);
            for v in [1, 33] {
                let k = new_int(v).expect("int");
                assert!(set_of(&s).discard_hashed(&k, v as isize).expect("discard"));
            }
            // 97 starts at slot 1 (65), meets dummies at 2 and 3 and live slots up to the empty
            // slot 7: it takes 3, the last dummy.
            set_of(&s).add(new_int(97).expect("int")).expect("add");
            let slot_of = |v: i64| {
                table(&s)
                    .slots
                    .iter()
                    .position(|sl| sl.key.as_ref().is_some_and(|k| super::super::int::int_value(k) == Some(v)))
            };
            assert_eq!(slot_of(65), Some(1));
            assert_eq!(slot_of(97), Some(3));
        });
    }

    #[test]
    fn pop_uses_the_finger() {
        with(|| {
            let s = new_set(ints(&[2, 4, 6])).expect("a set");
            let a = set_of(&s).pop().expect("pop");
            let b = set_of(&s).pop().expect("pop");
            assert_eq!((super::super::int::int_value(&a), super::super::int::int_value(&b)), (Some(2), Some(4)));
            set_of(&s).pop().expect("pop");
            assert!(set_of(&s).pop().is_err());
        });
    }

    #[test]
    fn frozenset_hash_is_order_independent() {
        with(|| {
            let a = new_frozenset(ints(&[1, 2, 3])).expect("a frozenset");
            let b = new_frozenset(ints(&[3, 2, 1, 9])).expect("a frozenset");
            set_of(&b).discard_hashed(&new_int(9).expect("int"), 9).expect("discard");
            let (ha, hb) = (frozenset_hash(&a).expect("hash"), frozenset_hash(&b).expect("hash"));
            assert_ne!(ha, -1);
            // Equal sets with different table histories (b has a dummy) still hash equal only when
            // the dummy parity matches CPython's correction; both reduce to the same value.
            assert_eq!(ha, hb);
            // CPython 3.13: hash(frozenset()) == 133146708735736.
            let empty = new_frozenset(Vec::new()).expect("a frozenset");
            assert_eq!(frozenset_hash(&empty).expect("hash"), 133146708735736);
            assert_eq!(ha, -272375401224217160);
        });
    }
}
