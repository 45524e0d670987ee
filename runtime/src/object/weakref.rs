//! Weak references: `weakref.ReferenceType`, `ProxyType` and `CallableProxyType`
//! (CPython 3.13's `Objects/weakrefobject.c`).
//!
//! # Where an object's weak references are kept
//!
//! CPython keeps a list head in every weakrefable object (`tp_weaklistoffset`). pyrt keeps the
//! lists beside the objects instead, in one process-wide table keyed by the referent's address,
//! so that no builtin layout grows a field: an object that has weak references has the
//! [`gc_bits::HAS_WEAKREFS`] bit set in its header, and the deallocation path
//! ([`super::refcount::dealloc`]) looks at the table only when that bit is set — one byte test
//! for every other object.
//!
//! ```text
//!  referent (bit HAS_WEAKREFS)          LISTS: addr(referent) → [wr0, wr1, ...]
//!       ▲  ▲                                         │    │
//!       │  └──────── wr1.referent ◀──────────────────┼────┘
//!       └─────────── wr0.referent ◀──────────────────┘
//! ```
//!
//! The order of a list is CPython's: the callback-less `ref` first, then the callback-less
//! `proxy`, then the others with the newest first — so callbacks run newest first, as CPython
//! runs them. A `ref(o)` / `proxy(o)` without a callback is shared (one per referent).
//!
//! When the referent dies, [`clear_weakrefs`] takes its list out of the table, makes every
//! reference dead (referent pointer null) and then calls each callback with its reference;
//! exceptions in callbacks are printed as unraisable (`Exception ignored in: <callback>`). A
//! weak reference that dies first removes itself from its referent's list.
//!
//! The bit is the source of truth for a table entry: an object born at an address whose entry
//! is stale (its previous owner was released in bulk with its interpreter, never deallocated)
//! has the bit clear, so its first weak reference replaces that entry without reading it.
//! Immortal objects (static types, builtin functions) never die: their references are not
//! recorded at all.
//!
//! `getweakrefcount` / `getweakrefs` read the table. Every access to a list, and every write of
//! a reference's referent pointer, happens under the table's mutex.

use std::cell::UnsafeCell;
use std::collections::BTreeMap;
use std::ptr::NonNull;
use std::sync::Mutex;
use std::sync::atomic::{AtomicIsize, AtomicPtr};

use super::abstract_ops as ops;
use super::builtin::{GetSetDef, MethodDef, args};
use super::core_types::CoreTypes;
use super::header::{PyObject, gc_bits};
use super::immortal::{TypeSpec, immortals, new_static_type, types};
use super::obj::Obj;
use super::typeobj::{CompareOp, TypeObject, flags};
use crate::error::{PyErr, PyResult};
use crate::sync::Ordering;

/// A weak reference or proxy (`PyWeakReference`).
#[repr(C)]
pub(crate) struct WeakRefObject {
    ob_base: PyObject,
    /// The referent; null once it is dead. Written under [`LISTS`]'s mutex.
    referent: AtomicPtr<PyObject>,
    /// The callback (`None` after it ran, or when there is none).
    callback: UnsafeCell<Option<Obj>>,
    /// The referent's hash, once computed (`-1`: not yet).
    hash: AtomicIsize,
}

/// The weak reference types.
pub struct WeakrefTypes {
    /// `weakref.ReferenceType` (`_weakref.ref`).
    pub ref_type: &'static TypeObject,
    /// `weakref.ProxyType`.
    pub proxy_type: &'static TypeObject,
    /// `weakref.CallableProxyType`.
    pub callable_proxy_type: &'static TypeObject,
}

/// Weak-reference addresses (of [`WeakRefObject`]s) by referent address.
static LISTS: Mutex<BTreeMap<usize, Vec<usize>>> = Mutex::new(BTreeMap::new());

fn lists() -> std::sync::MutexGuard<'static, BTreeMap<usize, Vec<usize>>> {
    LISTS.lock().unwrap_or_else(|e| e.into_inner())
}

/// Whether instances of `ty` accept weak references (CPython's `tp_weaklistoffset != 0`):
/// classes flag it ([`flags::MANAGED_WEAKREF`]); among the builtin types, those CPython gives a
/// weak-reference list.
pub(crate) fn weakrefable(ty: &TypeObject) -> bool {
    if ty.flags & flags::MANAGED_WEAKREF != 0 {
        return true;
    }
    if ty.is_heap() {
        return false;
    }
    let t = types();
    [
        t.type_type,
        t.function_type,
        t.code_type,
        t.method_type,
        t.builtin_function_type,
        t.memoryview_type,
        t.set.set_type,
        t.set.frozenset_type,
        t.gens.generator,
        t.gens.coroutine,
        t.gens.async_generator,
        t.modules.module_type,
    ]
    .iter()
    .any(|w| std::ptr::eq(*w, ty))
}

/// # Safety
///
/// `o` must be an instance of one of the weak reference types (or a subclass).
unsafe fn wr(o: &PyObject) -> &WeakRefObject {
    // SAFETY: forwarded.
    unsafe { o.cast::<WeakRefObject>() }
}

fn is_weakref(o: &PyObject) -> bool {
    let t = &types().weakref;
    let ty = o.type_object();
    ty.is_subtype(t.ref_type) || std::ptr::eq(ty, t.proxy_type) || std::ptr::eq(ty, t.callable_proxy_type)
}

impl WeakRefObject {
    /// The referent as a new reference, or `None` when it is dead (`_PyWeakref_GET_REF`).
    pub(crate) fn get(&self) -> Option<Obj> {
        let _guard = lists();
        let p = self.referent.load(Ordering::Relaxed);
        // SAFETY: a non-null referent is not freed yet: its deallocation nulls this pointer
        // under the mutex we hold before the object is freed.
        let referent = unsafe { p.as_ref() }?;
        // A referent whose last reference another thread is dropping right now is dying (its
        // deallocation waits for this mutex to clear us): only a try-increment that loses to
        // that decrement may refuse it (`_PyWeakref_GET_REF`).
        try_new_ref(referent)
    }

    fn has_callback(&self) -> bool {
        // SAFETY: read under the interpreter's serialisation (set at creation, taken once).
        unsafe { (*self.callback.get()).is_some() }
    }
}

/// A new reference to `o`, reached through a pointer that owns none (a weak reference's
/// referent, or a reference in a referent's list, read under [`LISTS`]'s mutex), unless `o`'s
/// last reference is being dropped (see [`super::refcount::try_incref`]).
fn try_new_ref(o: &PyObject) -> Option<Obj> {
    // SAFETY: the increment succeeded: the new reference is ours to hand over.
    super::refcount::try_incref(o).then(|| unsafe { Obj::from_owned(NonNull::from(o)) })
}

/// Makes a weak reference (or proxy) of type `ty` to `ob`, or hands back the shared one
/// (`weakref___new__`, `PyWeakref_NewProxy`).
fn new_weakref(ty: &TypeObject, ob: &PyObject, callback: Option<&PyObject>) -> PyResult<Obj> {
    if !weakrefable(ob.type_object()) {
        return Err(PyErr::type_error(format!("cannot create weak reference to '{}' object", ob.type_object().name())));
    }
    let callback = callback.filter(|c| !c.is(immortals().none));
    let t = &types().weakref;
    let basic = callback.is_none() && (std::ptr::eq(ty, t.ref_type) || std::ptr::eq(ty, t.proxy_type));
    let is_proxy_basic = callback.is_none() && std::ptr::eq(ty, t.proxy_type);
    let recorded = !ob.is_immortal();
    if recorded && basic && ob.ob_gc_bits.load(Ordering::Relaxed) & gc_bits::HAS_WEAKREFS != 0 {
        let g = lists();
        if let Some(list) = g.get(&ob.addr()) {
            for &w in list {
                // SAFETY: every address in a live referent's list is a live weak reference (a
                // reference removes itself under this mutex before it is freed).
                let o = unsafe { &*(w as *const PyObject) };
                // SAFETY: the list holds weak references only.
                let shared = !unsafe { wr(o) }.has_callback();
                if std::ptr::eq(o.type_object(), ty)
                    && shared
                    && let Some(found) = try_new_ref(o)
                {
                    return Ok(found);
                }
            }
        }
    }
    let size = ty.basic_size.max(size_of::<WeakRefObject>());
    // SAFETY: WeakRefObject starts with the header; `dealloc_weakref` frees it; a subclass's
    // dict pointer and members are written right after.
    let obj = unsafe {
        let obj = super::alloc::alloc_sized(ty, size, |ob_base| WeakRefObject {
            ob_base,
            referent: AtomicPtr::new(ob as *const PyObject as *mut PyObject),
            callback: UnsafeCell::new(callback.map(Obj::new_ref)),
            hash: AtomicIsize::new(-1),
        })?;
        let base = obj.as_ptr().as_ptr() as *mut u8;
        if ty.is_heap() {
            for &offset in &(*ty.mutable.get()).member_offsets {
                base.add(offset).cast::<Option<Obj>>().write(None);
            }
        }
        if ty.dict_offset != 0 {
            base.add(ty.dict_offset).cast::<Option<Obj>>().write(None);
        }
        obj
    };
    if recorded {
        // Both can now be reached through the table by threads that own no reference: their
        // owners' last decrements must race those readers' try-increments (see `try_new_ref`).
        super::refcount::set_maybe_weakref(ob);
        super::refcount::set_maybe_weakref(&obj);
        let mut g = lists();
        let fresh = ob.ob_gc_bits.fetch_or(gc_bits::HAS_WEAKREFS, Ordering::Relaxed) & gc_bits::HAS_WEAKREFS == 0;
        let list = g.entry(ob.addr()).or_default();
        if fresh {
            // A stale entry (see the module docs) is dropped unread.
            list.clear();
        }
        let heads = list
            .iter()
            .take(2)
            .take_while(|&&w| {
                // SAFETY: as above, live weak references.
                let o = unsafe { &*(w as *const PyObject) };
                let ot = o.type_object();
                // SAFETY: the list holds weak references only.
                let shared = !unsafe { wr(o) }.has_callback();
                (std::ptr::eq(ot, t.ref_type) || std::ptr::eq(ot, t.proxy_type)) && shared
            })
            .count();
        let at = if !basic {
            heads
        } else if is_proxy_basic {
            // After the basic ref, if there is one.
            usize::from(
                heads > 0 && {
                    // SAFETY: as above.
                    let o = unsafe { &*(list[0] as *const PyObject) };
                    std::ptr::eq(o.type_object(), t.ref_type)
                },
            )
        } else {
            0
        };
        list.insert(at, obj.addr());
    }
    Ok(obj)
}

/// Runs when an object with weak references dies (`PyObject_ClearWeakRefs`): every reference
/// becomes dead, then the callbacks run, newest reference first.
///
/// # Safety
///
/// `op` is being deallocated: no reference to it is left.
#[cold]
pub(crate) unsafe fn clear_weakrefs(op: NonNull<PyObject>) {
    // SAFETY: the object is alive until its deallocator runs.
    let o = unsafe { op.as_ref() };
    let mut pending: Vec<(Obj, Obj)> = Vec::new();
    {
        let mut g = lists();
        o.ob_gc_bits.fetch_and(!gc_bits::HAS_WEAKREFS, Ordering::Relaxed);
        for w in g.remove(&o.addr()).unwrap_or_default() {
            // SAFETY: a live weak reference (see `new_weakref`).
            let wo = unsafe { &*(w as *const PyObject) };
            // SAFETY: as above.
            let r = unsafe { wr(wo) };
            r.referent.store(std::ptr::null_mut(), Ordering::Relaxed);
            // A reference that is itself going away (its last reference is being dropped; it
            // removes itself after this mutex) gets no callback.
            // SAFETY: callbacks are taken once, under the mutex.
            if unsafe { (*r.callback.get()).is_some() }
                && let Some(held) = try_new_ref(wo)
            {
                // SAFETY: as above.
                let cb = unsafe { (*r.callback.get()).take() };
                pending.extend(cb.map(|cb| (held, cb)));
            }
        }
    }
    for (r, cb) in pending {
        if let Err(e) = ops::call(&cb, &[r], None) {
            super::finalize::write_unraisable(e, &cb);
        }
    }
}

/// Weak-reference callbacks the collector owes: each reference with its callback, taken while
/// the world was stopped and called once it runs again.
pub(crate) struct PendingCallbacks(Vec<(Obj, Obj)>);

impl PendingCallbacks {
    /// Calls each callback with its reference, in the order they were taken; errors are
    /// unraisable.
    pub(crate) fn run(self) {
        for (r, cb) in self.0 {
            if let Err(e) = ops::call(&cb, &[r], None) {
                super::finalize::write_unraisable(e, &cb);
            }
        }
    }
}

/// The collector's `clear_weakrefs` (`gc_free_threading.c`), run while the world is stopped:
/// every weak reference to an object of `garbage` goes dead, so that no thread can reach the
/// garbage through one after the world restarts, and the callbacks of those references that
/// are not garbage themselves are taken — to be run, with the world running, by
/// [`PendingCallbacks::run`].
pub(crate) fn clear_for_collector(garbage: &[Obj], is_garbage: &dyn Fn(usize) -> bool) -> PendingCallbacks {
    let mut pending: Vec<(Obj, Obj)> = Vec::new();
    let mut g = lists();
    for o in garbage {
        if o.ob_gc_bits.fetch_and(!gc_bits::HAS_WEAKREFS, Ordering::Relaxed) & gc_bits::HAS_WEAKREFS == 0 {
            continue;
        }
        for w in g.remove(&o.addr()).unwrap_or_default() {
            // SAFETY: a live weak reference (see `new_weakref`).
            let wo = unsafe { &*(w as *const PyObject) };
            // SAFETY: as above.
            let r = unsafe { wr(wo) };
            r.referent.store(std::ptr::null_mut(), Ordering::Relaxed);
            // SAFETY: callbacks are taken once, under the mutex.
            if !is_garbage(w)
                && unsafe { (*r.callback.get()).is_some() }
                && let Some(held) = try_new_ref(wo)
            {
                // SAFETY: as above.
                let cb = unsafe { (*r.callback.get()).take() };
                pending.extend(cb.map(|cb| (held, cb)));
            }
        }
    }
    PendingCallbacks(pending)
}

/// Removes a dying weak reference from its referent's list.
fn unlink(o: &PyObject) {
    // SAFETY: called by the deallocator of a weak reference type.
    let r = unsafe { wr(o) };
    let mut g = lists();
    let p = r.referent.load(Ordering::Relaxed);
    if p.is_null() {
        return;
    }
    // SAFETY: non-null under the mutex: the referent is alive (see `WeakRefObject::get`).
    let referent = unsafe { &*p };
    if let Some(list) = g.get_mut(&(p as usize)) {
        list.retain(|&w| w != o.addr());
        if list.is_empty() {
            g.remove(&(p as usize));
            referent.ob_gc_bits.fetch_and(!gc_bits::HAS_WEAKREFS, Ordering::Relaxed);
        }
    }
    r.referent.store(std::ptr::null_mut(), Ordering::Relaxed);
}

/// The deallocator of the weak reference types and their subclasses.
///
/// # Safety
///
/// See [`super::typeobj::DeallocFn`].
unsafe fn dealloc_weakref(op: NonNull<PyObject>) {
    // SAFETY: forwarded contract.
    unsafe {
        let o = op.as_ref();
        unlink(o);
        let ty = o.type_object();
        let mut fields: Vec<Obj> = Vec::new();
        if ty.is_heap() {
            let members = &(*ty.mutable.get()).member_offsets;
            fields.extend(members.iter().filter_map(|&off| super::member::member_slot(o, off).take()));
        }
        if ty.dict_offset != 0 {
            fields.extend((*(op.as_ptr() as *mut u8).add(ty.dict_offset).cast::<Option<Obj>>()).take());
        }
        super::alloc::drop_and_free::<WeakRefObject>(op);
        drop(fields);
    }
}

/// The cycle collector's `traverse`: the callback (the referent is not owned).
fn weakref_traverse(o: &PyObject, visit: &mut dyn FnMut(&PyObject)) {
    // SAFETY: installed on the weak reference types; read with the world stopped.
    if let Some(cb) = unsafe { (*wr(o).callback.get()).as_deref() } {
        visit(cb);
    }
}

/// The collector's `clear` (`weakref_tp_clear`): the reference goes dead without a callback.
fn weakref_clear(o: &PyObject) {
    unlink(o);
    // SAFETY: as above; the collector runs no other code on a garbage reference.
    let cb = unsafe { (*wr(o).callback.get()).take() };
    drop(cb);
}

/// `getweakrefcount(o)`.
pub(crate) fn weakref_count(o: &PyObject) -> usize {
    if o.ob_gc_bits.load(Ordering::Relaxed) & gc_bits::HAS_WEAKREFS == 0 {
        return 0;
    }
    lists().get(&o.addr()).map_or(0, Vec::len)
}

/// The first weak reference (or proxy) to `o`, what a class's `__weakref__` attribute reads.
pub(crate) fn first_weakref(o: &PyObject) -> Option<Obj> {
    weakrefs_of(o).into_iter().next()
}

/// `getweakrefs(o)`: its weak references and proxies, in list order.
pub(crate) fn weakrefs_of(o: &PyObject) -> Vec<Obj> {
    if o.ob_gc_bits.load(Ordering::Relaxed) & gc_bits::HAS_WEAKREFS == 0 {
        return Vec::new();
    }
    let g = lists();
    g.get(&o.addr())
        .map(|l| {
            l.iter()
                // SAFETY: live weak references (see `new_weakref`).
                .map(|&w| unsafe { &*(w as *const PyObject) })
                .filter_map(try_new_ref)
                .collect()
        })
        .unwrap_or_default()
}

/// Whether `o` is a weak reference whose referent is dead (`_remove_dead_weakref`'s test).
pub(crate) fn is_dead_weakref(o: &PyObject) -> bool {
    // SAFETY: checked to be a weak reference first.
    is_weakref(o) && unsafe { wr(o) }.referent.load(Ordering::Relaxed).is_null()
}

/// `proxy(ob, callback=None)`.
pub(crate) fn new_proxy(ob: &PyObject, callback: Option<&PyObject>) -> PyResult<Obj> {
    let t = &types().weakref;
    let ty = if ob.type_object().call.is_some() { t.callable_proxy_type } else { t.proxy_type };
    new_weakref(ty, ob, callback)
}

// ---- ref ---------------------------------------------------------------------------------

fn ref_args<'a>(argv: &'a [Obj], kwnames: Option<&PyObject>, what: &str) -> PyResult<(&'a Obj, Option<&'a Obj>)> {
    args::no_keywords(what, kwnames)?;
    match argv {
        [] => Err(PyErr::type_error(format!("{what} expected at least 1 argument, got 0"))),
        [ob] => Ok((ob, None)),
        [ob, cb] => Ok((ob, Some(cb))),
        _ => Err(PyErr::type_error(format!("{what} expected at most 2 arguments, got {}", argv.len()))),
    }
}

fn ref_new(ty: &TypeObject, argv: &[Obj], kwnames: Option<&PyObject>) -> PyResult<Obj> {
    let (ob, cb) = ref_args(argv, kwnames, "__new__")?;
    new_weakref(ty, ob, cb.map(|c| &**c))
}

fn ref_init(_o: &PyObject, argv: &[Obj], kwnames: Option<&PyObject>) -> PyResult<()> {
    ref_args(argv, kwnames, "__init__").map(|_| ())
}

fn ref_call(o: &PyObject, argv: &[Obj], kwnames: Option<&PyObject>) -> PyResult<Obj> {
    args::no_keywords("weakref", kwnames)?;
    if !argv.is_empty() {
        return Err(PyErr::type_error(format!("weakref expected 0 arguments, got {}", argv.len())));
    }
    // SAFETY: installed on the ref type.
    Ok(unsafe { wr(o) }.get().unwrap_or_else(|| Obj::new_ref(immortals().none)))
}

fn ref_hash(o: &PyObject) -> PyResult<isize> {
    // SAFETY: installed on the ref type.
    let r = unsafe { wr(o) };
    let h = r.hash.load(Ordering::Relaxed);
    if h != -1 {
        return Ok(h);
    }
    let referent = r.get().ok_or_else(|| PyErr::type_error("weak object has gone away"))?;
    let h = ops::hash(&referent)?;
    r.hash.store(h, Ordering::Relaxed);
    Ok(h)
}

fn ref_richcompare(a: &PyObject, b: &PyObject, op: CompareOp) -> PyResult<Obj> {
    let rt = types().weakref.ref_type;
    if !matches!(op, CompareOp::Eq | CompareOp::Ne) || !b.type_object().is_subtype(rt) {
        return Ok(Obj::new_ref(immortals().not_implemented));
    }
    // SAFETY: both are references.
    let (ra, rb) = unsafe { (wr(a).get(), wr(b).get()) };
    match (ra, rb) {
        (Some(x), Some(y)) => ops::rich_compare(&x, &y, op),
        _ => {
            let same = std::ptr::eq(a, b) == (op == CompareOp::Eq);
            Ok(Obj::new_ref(if same { &immortals().true_.ob_base } else { &immortals().false_.ob_base }))
        }
    }
}

fn ref_repr(o: &PyObject) -> PyResult<Obj> {
    // SAFETY: installed on the ref type.
    let text = match unsafe { wr(o) }.get() {
        None => format!("<weakref at {:#x}; dead>", o.addr()),
        Some(r) => {
            let name = ops::lookup_special(&r, "__name__").ok().flatten();
            let tn = r.type_object().name().to_owned();
            match name.as_deref().and_then(super::str::str_value) {
                Some(n) => format!("<weakref at {:#x}; to '{tn}' at {:#x} ({n})>", o.addr(), r.addr()),
                None => format!("<weakref at {:#x}; to '{tn}' at {:#x}>", o.addr(), r.addr()),
            }
        }
    };
    super::str::new_str(&text)
}

fn callback_get(o: &PyObject) -> PyResult<Obj> {
    // SAFETY: installed on the ref type.
    let cb = unsafe { (*wr(o).callback.get()).clone() };
    Ok(cb.unwrap_or_else(|| Obj::new_ref(immortals().none)))
}

static REF_GETSETS: &[GetSetDef] = &[GetSetDef { name: "__callback__", get: callback_get, set: None }];
static REF_METHODS: &[MethodDef] = &[];

// ---- proxies -------------------------------------------------------------------------------

/// The live referent of a proxy, or `ReferenceError`.
fn referent(p: &PyObject) -> PyResult<Obj> {
    // SAFETY: installed on the proxy types.
    unsafe { wr(p) }.get().ok_or_else(|| {
        super::exceptions::raise_msg(types().exc.named("ReferenceError"), "weakly-referenced object no longer exists")
    })
}

/// A proxy operand unwrapped (other objects pass through).
fn unwrap(o: &PyObject) -> PyResult<Obj> {
    let t = &types().weakref;
    let ty = o.type_object();
    if std::ptr::eq(ty, t.proxy_type) || std::ptr::eq(ty, t.callable_proxy_type) {
        referent(o)
    } else {
        Ok(Obj::new_ref(o))
    }
}

fn proxy_getattr(p: &PyObject, name: &PyObject) -> PyResult<Obj> {
    ops::get_attr(&*referent(p)?, name)
}

fn proxy_setattr(p: &PyObject, name: &PyObject, value: Option<&PyObject>) -> PyResult<()> {
    ops::set_attr(&*referent(p)?, name, value)
}

fn proxy_repr(p: &PyObject) -> PyResult<Obj> {
    // SAFETY: installed on the proxy types.
    let text = match unsafe { wr(p) }.get() {
        None => format!("<weakproxy at {:#x}; dead>", p.addr()),
        Some(r) => format!("<weakproxy at {:#x}; to '{}' at {:#x}>", p.addr(), r.type_object().name(), r.addr()),
    };
    super::str::new_str(&text)
}

fn proxy_str(p: &PyObject) -> PyResult<Obj> {
    ops::str(&*referent(p)?)
}

fn proxy_call(p: &PyObject, argv: &[Obj], kwnames: Option<&PyObject>) -> PyResult<Obj> {
    ops::call(&*referent(p)?, argv, kwnames)
}

fn proxy_richcompare(a: &PyObject, b: &PyObject, op: CompareOp) -> PyResult<Obj> {
    ops::rich_compare(&*unwrap(a)?, &*unwrap(b)?, op)
}

fn proxy_bool(p: &PyObject) -> PyResult<bool> {
    ops::is_true(&*referent(p)?)
}

fn proxy_len(p: &PyObject) -> PyResult<usize> {
    ops::len(&*referent(p)?)
}

fn proxy_contains(p: &PyObject, item: &PyObject) -> PyResult<bool> {
    ops::contains(&*referent(p)?, item)
}

fn proxy_getitem(p: &PyObject, key: &PyObject) -> PyResult<Obj> {
    ops::get_item(&*referent(p)?, key)
}

fn proxy_setitem(p: &PyObject, key: &PyObject, value: Option<&PyObject>) -> PyResult<()> {
    ops::set_item(&*referent(p)?, key, value)
}

fn proxy_iter(p: &PyObject) -> PyResult<Obj> {
    ops::get_iter(&*referent(p)?)
}

fn proxy_iternext(p: &PyObject) -> PyResult<Option<Obj>> {
    let r = referent(p)?;
    if r.type_object().iternext.is_none() {
        return Err(PyErr::type_error(format!(
            "Weakref proxy referenced a non-iterator '{}' object",
            r.type_object().name()
        )));
    }
    ops::next(&r)
}

fn proxy_binary(a: &PyObject, b: &PyObject, op: super::slots::BinOp) -> PyResult<Obj> {
    ops::binary_op(&*unwrap(a)?, &*unwrap(b)?, op)
}

macro_rules! proxy_binaries {
    ($($f:ident => $op:ident),* $(,)?) => {
        $(fn $f(a: &PyObject, b: &PyObject) -> PyResult<Obj> { proxy_binary(a, b, super::slots::BinOp::$op) })*
    };
}

proxy_binaries!(
    proxy_add => Add, proxy_sub => Subtract, proxy_mul => Multiply, proxy_mod => Remainder,
    proxy_pow => Power, proxy_floordiv => FloorDivide, proxy_truediv => TrueDivide,
    proxy_lshift => Lshift, proxy_rshift => Rshift, proxy_and => And, proxy_or => Or,
    proxy_xor => Xor, proxy_matmul => MatrixMultiply,
);

fn proxy_unary(p: &PyObject, op: super::abstract_ops::UnaryOp) -> PyResult<Obj> {
    ops::unary_op(&*referent(p)?, op)
}

fn proxy_neg(p: &PyObject) -> PyResult<Obj> {
    proxy_unary(p, super::abstract_ops::UnaryOp::Negative)
}

fn proxy_pos(p: &PyObject) -> PyResult<Obj> {
    proxy_unary(p, super::abstract_ops::UnaryOp::Positive)
}

fn proxy_invert(p: &PyObject) -> PyResult<Obj> {
    proxy_unary(p, super::abstract_ops::UnaryOp::Invert)
}

fn proxy_abs(p: &PyObject) -> PyResult<Obj> {
    proxy_unary(p, super::abstract_ops::UnaryOp::Absolute)
}

fn proxy_index(p: &PyObject) -> PyResult<Obj> {
    ops::index(&*referent(p)?)
}

fn proxy_bytes(argv: &[Obj], kwnames: Option<&PyObject>) -> PyResult<Obj> {
    let (p, _) = args::method("__bytes__", argv, kwnames, 0, 0)?;
    let r = referent(p)?;
    ops::call(&*ops::get_attr_str(&r, "__bytes__")?, &[], None)
}

fn proxy_reversed(argv: &[Obj], kwnames: Option<&PyObject>) -> PyResult<Obj> {
    let (p, _) = args::method("__reversed__", argv, kwnames, 0, 0)?;
    let r = referent(p)?;
    ops::call(&*ops::get_attr_str(&r, "__reversed__")?, &[], None)
}

static PROXY_METHODS: &[MethodDef] =
    &[MethodDef::method("__bytes__", proxy_bytes), MethodDef::method("__reversed__", proxy_reversed)];

/// Phase one of the static types (see `immortal`): `ref` and the two proxy types.
pub(crate) fn make_weakref_types(core: &CoreTypes, specs: &mut Vec<TypeSpec>) -> WeakrefTypes {
    let size = size_of::<WeakRefObject>();
    let ref_type =
        new_static_type(core.type_type, "weakref.ReferenceType", size, flags::BASETYPE, dealloc_weakref, |t| {
            t.new = Some(ref_new);
            t.init = Some(ref_init);
            t.call = Some(ref_call);
            t.hash = Some(ref_hash);
            t.richcompare = Some(ref_richcompare);
            t.repr = Some(ref_repr);
            t.traverse = Some(weakref_traverse);
            t.clear = Some(weakref_clear);
        });
    specs.push(TypeSpec { ty: ref_type, base: Some(core.object_type), methods: REF_METHODS, getsets: REF_GETSETS });
    let fill_proxy = |t: &mut TypeObject| {
        t.traverse = Some(weakref_traverse);
        t.clear = Some(weakref_clear);
        t.getattro = proxy_getattr;
        t.setattro = Some(proxy_setattr);
        t.repr = Some(proxy_repr);
        t.str = Some(proxy_str);
        t.richcompare = Some(proxy_richcompare);
        t.iter = Some(proxy_iter);
        t.iternext = Some(proxy_iternext);
        t.number.add = Some(proxy_add);
        t.number.subtract = Some(proxy_sub);
        t.number.multiply = Some(proxy_mul);
        t.number.remainder = Some(proxy_mod);
        t.number.power = Some(proxy_pow);
        t.number.floor_divide = Some(proxy_floordiv);
        t.number.true_divide = Some(proxy_truediv);
        t.number.lshift = Some(proxy_lshift);
        t.number.rshift = Some(proxy_rshift);
        t.number.and = Some(proxy_and);
        t.number.or = Some(proxy_or);
        t.number.xor = Some(proxy_xor);
        t.number.matrix_multiply = Some(proxy_matmul);
        t.number.negative = Some(proxy_neg);
        t.number.positive = Some(proxy_pos);
        t.number.invert = Some(proxy_invert);
        t.number.absolute = Some(proxy_abs);
        t.number.bool = Some(proxy_bool);
        t.number.index = Some(proxy_index);
        t.sequence.length = Some(proxy_len);
        t.sequence.contains = Some(proxy_contains);
        t.mapping.length = Some(proxy_len);
        t.mapping.subscript = Some(proxy_getitem);
        t.mapping.ass_subscript = Some(proxy_setitem);
    };
    let proxy_type = new_static_type(core.type_type, "weakref.ProxyType", size, 0, dealloc_weakref, fill_proxy);
    specs.push(TypeSpec { ty: proxy_type, base: Some(core.object_type), methods: PROXY_METHODS, getsets: &[] });
    let callable_proxy_type =
        new_static_type(core.type_type, "weakref.CallableProxyType", size, 0, dealloc_weakref, |t| {
            fill_proxy(t);
            t.call = Some(proxy_call);
        });
    specs.push(TypeSpec {
        ty: callable_proxy_type,
        base: Some(core.object_type),
        methods: PROXY_METHODS,
        getsets: &[],
    });
    WeakrefTypes { ref_type, proxy_type, callable_proxy_type }
}
