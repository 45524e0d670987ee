//! Immortal objects: the static types, the singletons, small ints and interned strings.
//!
//! Immortals are the only objects several interpreters may reference (invariant 3): they live for
//! the whole process, and incref/decref never write them. They are made once per process on
//! first use and never freed.
//!
//! The static types are built in two phases inside one initialiser, so that no phase calls back
//! into [`types()`] while it runs: phase one makes every type object with its slots; phase two
//! (given phase one's table explicitly) fills each type's `__bases__`, `__mro__` and its
//! immutable `__dict__` of interned names → immortal method and getset descriptors.

use std::collections::HashMap;
use std::ptr::NonNull;
#[cfg(not(loom))]
use std::sync::OnceLock;

use super::builtin::{GetSetDef, MethodDef, leak_getset_descr, leak_method_descr};
use super::core_types::CoreTypes;
use super::dict::leak_dict;
use super::exceptions::{ExceptionTypes, make_exception_types};
use super::header::PyObject;
use super::int::IntObject;
use super::obj::Obj;
use super::str::{StrObject, leak_str};
use super::tuple::leak_tuple;
use super::typeobj::TypeObject;
use std::sync::Mutex;

/// The built-in static types: the core types (reached through `Deref`, e.g. `types().int_type`),
/// the exception hierarchy, and every type in creation order.
pub struct StaticTypes {
    /// The core types, as phase one makes them.
    pub core: CoreTypes,
    /// The exception hierarchy.
    pub exc: ExceptionTypes,
    /// Generators, coroutines, async generators and their helper types.
    pub gens: super::generator::GeneratorTypes,
    /// `frame` and `FrameLocalsProxy`.
    pub(crate) frame_types: crate::eval::frame_object::FrameTypes,
    /// `set`, `frozenset` and their iterator.
    pub set: super::set::SetTypes,
    /// `map`, `filter`, `zip`, `enumerate`, `reversed`, `callable_iterator`.
    pub iters: super::iterators::IterTypes,
    /// `property`, `staticmethod`, `classmethod`, `super`.
    pub descr: super::descriptors::DescrTypes,
    /// The types of the modules written in Rust (`module`, text files, struct sequences).
    pub modules: super::module::ModuleTypes,
    /// `wrapper_descriptor`: the static types' dunder methods over their slots.
    pub slot_wrapper_type: &'static TypeObject,
    /// `anext_awaitable`: `anext(it, default)`.
    pub anext_awaitable_type: &'static TypeObject,
    /// `_thread`'s lock, `RLock` and `_local`.
    pub thread: crate::modules::thread::ThreadTypes,
    /// `weakref.ReferenceType` and the proxy types.
    pub(crate) weakref: super::weakref::WeakrefTypes,
    /// `types.GenericAlias` (`list[int]`).
    pub generic_alias_type: &'static TypeObject,
    /// `types.UnionType` (`int | str`).
    pub union_type: &'static TypeObject,
    /// `types.SimpleNamespace`.
    pub namespace_type: &'static TypeObject,
    /// The binary files `open()` makes.
    pub binary_io: super::binaryio::BinaryIoTypes,
    /// Every static type, in creation order; `static_index` indexes it.
    pub all: Vec<&'static TypeObject>,
}

/// The singletons and small ints.
pub struct Immortals {
    /// `None`
    pub none: &'static PyObject,
    /// `True`
    pub true_: &'static IntObject,
    /// `False`
    pub false_: &'static IntObject,
    /// `Ellipsis`
    pub ellipsis: &'static PyObject,
    /// `NotImplemented`
    pub not_implemented: &'static PyObject,
    /// `()`
    pub empty_tuple: &'static PyObject,
    small_ints: Vec<&'static IntObject>,
}

/// The smallest preallocated int (`_PY_NSMALLNEGINTS`).
pub const SMALL_INT_MIN: i64 = -5;
/// The largest preallocated int (`_PY_NSMALLPOSINTS - 1`).
pub const SMALL_INT_MAX: i64 = 256;

impl TypeObject {
    /// Leaks a new static type with only a deallocator (the embedding API's minimal type:
    /// instances are plain objects of `basic_size` bytes).
    ///
    /// # Safety
    ///
    /// `dealloc` must free instances of this layout.
    pub unsafe fn leak_static(
        metatype: &'static TypeObject,
        name: &'static str,
        basic_size: usize,
        dealloc: super::typeobj::DeallocFn,
    ) -> &'static TypeObject {
        // SAFETY: leaked, so the object lives for the rest of the process.
        let mut t = TypeObject::blank(unsafe { PyObject::new_immortal(metatype) }, dealloc);
        t.static_name = name;
        t.basic_size = basic_size;
        Box::leak(Box::new(t))
    }
}

/// What phase two needs to know about a type.
pub(crate) struct TypeSpec {
    pub ty: &'static TypeObject,
    pub base: Option<&'static TypeObject>,
    pub methods: &'static [MethodDef],
    pub getsets: &'static [GetSetDef],
}

/// A static type under construction: the slots are filled by the type's own module.
pub(crate) fn new_static_type(
    metatype: *const TypeObject,
    name: &'static str,
    basic_size: usize,
    type_flags: u64,
    dealloc: super::typeobj::DeallocFn,
    fill: impl FnOnce(&mut TypeObject),
) -> &'static TypeObject {
    // SAFETY: leaked below, so immortal; `metatype` is patched for `type` itself.
    let mut t = TypeObject::blank(unsafe { PyObject::new_immortal(metatype) }, dealloc);
    t.static_name = name;
    t.basic_size = basic_size;
    t.flags = type_flags;
    if let Some((traverse, clear)) =
        super::gc_traverse::builtin_gc_slots(name).or_else(|| super::gc_tracked::tracked_type_slots(name, type_flags))
    {
        t.traverse = Some(traverse);
        t.clear = clear;
    }
    fill(&mut t);
    Box::leak(Box::new(t))
}

fn make_types() -> StaticTypes {
    let mut specs: Vec<TypeSpec> = Vec::new();
    let core = super::core_types::make_core_types(&mut specs);
    let exc = make_exception_types(core.type_type, core.object_type, &mut specs);
    let gens = super::generator::make_generator_types(core.type_type, core.object_type, &mut specs);
    let set = super::set::make_set_types(core.type_type, core.object_type, &mut specs);
    let frame_types = crate::eval::frame_object::make_frame_types(core.type_type, core.object_type, &mut specs);
    let iters = super::iterators::make_iter_types(core.type_type, core.object_type, &mut specs);
    let descr = super::descriptors::make_descr_types(core.type_type, core.object_type, &mut specs);
    let modules = super::module::make_module_types(&core, &exc, &mut specs);
    let slot_wrapper_type = super::slot_wrappers::make_wrapper_type(core.type_type, core.object_type, &mut specs);
    let anext_awaitable_type = super::async_iter::make_anext_type(core.type_type, core.object_type, &mut specs);
    let thread = crate::modules::thread::make_thread_types(&core, &mut specs);
    let weakref = super::weakref::make_weakref_types(&core, &mut specs);
    let generic_alias_type = super::generic_alias::make_alias_type(core.type_type, core.object_type, &mut specs);
    let union_type = super::union_type::make_union_type(core.type_type, core.object_type, &mut specs);
    let namespace_type = super::namespace::make_namespace_type(core.type_type, core.object_type, &mut specs);
    let binary_io = super::binaryio::make_binary_io_types(core.type_type, core.object_type, &mut specs);
    let types = StaticTypes {
        core,
        exc,
        gens,
        frame_types,
        set,
        iters,
        descr,
        modules,
        slot_wrapper_type,
        anext_awaitable_type,
        thread,
        weakref,
        generic_alias_type,
        union_type,
        namespace_type,
        binary_io,
        all: specs.iter().map(|s| s.ty).collect(),
    };
    ready(&types, &specs);
    super::exception_group::ready_exception_group(&types);
    types
}

impl std::ops::Deref for StaticTypes {
    type Target = CoreTypes;

    fn deref(&self) -> &CoreTypes {
        &self.core
    }
}

/// Phase two: bases, MRO (single inheritance for static types: the chain of bases) and dicts.
fn ready(t: &StaticTypes, specs: &[TypeSpec]) {
    /// Every object referenced here is immortal: the static types and the tuples and dicts
    /// leaked for them.
    fn immortal_ref(obj: &PyObject) -> Obj {
        // SAFETY: only called on static types and objects leaked immortal for them.
        unsafe { Obj::from_immortal(obj) }
    }

    for (index, spec) in specs.iter().enumerate() {
        let mut chain: Vec<&'static TypeObject> = vec![spec.ty];
        let mut cur = spec.base;
        while let Some(b) = cur {
            chain.push(b);
            cur = specs.iter().find(|s| std::ptr::eq(s.ty, b)).and_then(|s| s.base);
        }
        let mro = leak_tuple(t.tuple_type, chain.iter().map(|ty| immortal_ref(ty.as_object())).collect());
        let bases = leak_tuple(t.tuple_type, spec.base.iter().map(|b| immortal_ref(b.as_object())).collect());
        let dict = leak_dict(t.dict_type);
        for def in spec.methods {
            let key = intern_with(t.str_type, def.name);
            let descr = match super::slot_wrappers::method_as_wrapper(spec.ty, spec.base, def) {
                Some(kind) => super::slot_wrappers::leak_method_wrapper(def, kind, spec.ty, t.slot_wrapper_type),
                None => leak_method_descr(def, spec.ty, t.method_descriptor_type),
            };
            // SAFETY: `dict` was leaked above and is not yet published; `key` is interned.
            unsafe { dict.set_immortal(&key.ob_base, descr) };
        }
        for def in spec.getsets {
            let key = intern_with(t.str_type, def.name);
            let descr = leak_getset_descr(def, spec.ty, t.getset_descriptor_type);
            // SAFETY: as above.
            unsafe { dict.set_immortal(&key.ob_base, descr) };
        }
        super::slot_wrappers::add_slot_wrappers(spec, dict, t.slot_wrapper_type, |n| intern_with(t.str_type, n));
        // `tp_doc` as the dict's `__doc__` (unless a descriptor of that name is there already).
        if let Some(doc) = super::type_docs::builtin_type_doc(spec.ty.name()) {
            let doc_key = intern_with(t.str_type, "__doc__");
            // SAFETY: `dict` was leaked above and is not yet published: nothing else reads or
            // writes it, and identity tests run no code.
            if !unsafe { dict.table() }.iter().any(|(k, _)| k.is(&doc_key.ob_base)) {
                // SAFETY: as above; `doc_key` is interned.
                unsafe { dict.set_immortal(&doc_key.ob_base, &leak_str(t.str_type, doc).ob_base) };
            }
        }
        // SAFETY: the type is not published yet (we are inside its initialiser); only the
        // `UnsafeCell` part is written.
        unsafe {
            let m = spec.ty.mutable();
            m.mro = Some(immortal_ref(mro));
            m.bases = Some(immortal_ref(bases));
            m.base = spec.base.map(|b| immortal_ref(b.as_object()));
            m.dict = Some(immortal_ref(&dict.ob_base));
            m.static_index = Some(index as u32);
        }
        // Static tags are fixed: the type never changes (see `typeobj::MAX_GLOBAL_VERSION`).
        let tag = index as u32 + 1;
        assert!(tag < super::typeobj::MAX_GLOBAL_VERSION, "too many static types for their version tags");
        spec.ty.version.store(tag, std::sync::atomic::Ordering::Relaxed);
    }
}

fn make_immortals() -> Immortals {
    let ty = types();
    let int = |v: i64, t: &'static TypeObject| {
        // SAFETY: leaked, so immortal for the process; `t` is a valid static type.
        let ob_base = unsafe { PyObject::new_immortal(t) };
        &*Box::leak(Box::new(IntObject { ob_base, value: v, big: None }))
    };
    // SAFETY: as above.
    let single = |t: &'static TypeObject| &*Box::leak(Box::new(unsafe { PyObject::new_immortal(t) }));
    Immortals {
        none: single(ty.none_type),
        true_: int(1, ty.bool_type),
        false_: int(0, ty.bool_type),
        ellipsis: single(ty.ellipsis_type),
        not_implemented: single(ty.not_implemented_type),
        empty_tuple: leak_tuple(ty.tuple_type, Vec::new()),
        small_ints: (SMALL_INT_MIN..=SMALL_INT_MAX).map(|v| int(v, ty.int_type)).collect(),
    }
}

// SAFETY: they hold only references to immortal objects, which every thread and interpreter may
// use (incref and decref never write them).
unsafe impl Sync for StaticTypes {}
// SAFETY: as above.
unsafe impl Send for StaticTypes {}
// SAFETY: as above.
unsafe impl Sync for Immortals {}
// SAFETY: as above.
unsafe impl Send for Immortals {}

/// The interned strings, by text.
struct Interned(HashMap<&'static str, &'static StrObject>);
// SAFETY: interned strings are immortal (see `StaticTypes`).
unsafe impl Send for Interned {}

// Process-wide in a real build. Under loom the headers of these objects hold loom atomics, which
// belong to one explored execution: `sync::lazy_static!` makes them anew for each execution.
#[cfg(not(loom))]
static TYPES: InitOnce<StaticTypes> = InitOnce::new();
#[cfg(not(loom))]
static IMMORTALS: OnceLock<Immortals> = OnceLock::new();
#[cfg(not(loom))]
static INTERNED: OnceLock<Mutex<Interned>> = OnceLock::new();
#[cfg(loom)]
crate::sync::lazy_static! {
    static ref TYPES: StaticTypes = make_types();
}
#[cfg(loom)]
crate::sync::lazy_static! {
    static ref IMMORTALS: Immortals = make_immortals();
}
#[cfg(loom)]
crate::sync::lazy_static! {
    static ref INTERNED: Mutex<Interned> = Mutex::new(Interned(HashMap::new()));
}

/// A value made once per process on first use: a `OnceLock` whose value can also be read
/// without the "is it made yet" check, by callers that can prove it is made (see
/// [`types_known_made`]). Its address is a link-time constant, so that read is one field load.
#[cfg(not(loom))]
struct InitOnce<T> {
    once: std::sync::Once,
    value: std::cell::UnsafeCell<std::mem::MaybeUninit<T>>,
}

// SAFETY: the value is written once, inside `Once::call_once`, before any reader can see it
// (`call_once`'s completion is a release that its fast path acquires); afterwards it is only read.
#[cfg(not(loom))]
unsafe impl<T: Sync + Send> Sync for InitOnce<T> {}

#[cfg(not(loom))]
impl<T> InitOnce<T> {
    const fn new() -> Self {
        InitOnce { once: std::sync::Once::new(), value: std::cell::UnsafeCell::new(std::mem::MaybeUninit::uninit()) }
    }

    #[inline]
    fn get_or_init(&self, make: fn() -> T) -> &T {
        self.once.call_once(|| {
            // SAFETY: `call_once` runs this closure at most once and blocks every other caller
            // until it returns, so nothing reads or writes the cell meanwhile.
            unsafe { (*self.value.get()).write(make()) };
        });
        // SAFETY: `call_once` returned, so the value is written and happens-before this read.
        unsafe { self.get_unchecked() }
    }

    /// The value, without checking that it is made.
    ///
    /// # Safety
    /// `get_or_init` has returned, and its return happens-before this call.
    #[inline(always)]
    unsafe fn get_unchecked(&self) -> &T {
        // SAFETY: by the caller's contract the value is written and published to this thread.
        unsafe { (*self.value.get()).assume_init_ref() }
    }
}

/// The static types.
#[inline]
pub fn types() -> &'static StaticTypes {
    #[cfg(not(loom))]
    return TYPES.get_or_init(make_types);
    #[cfg(loom)]
    return &TYPES;
}

/// The static types, read without [`types()`]'s initialisation check: the accessor of the hot
/// exact-type guards (`as_function`, `exact_small_int`, ...), which always hold an object.
///
/// `_witness` is that object. Its existence proves the table is made: every object is made with
/// a type that is either one of the static types (reached through [`types()`], which made the
/// table, or made by `make_types` itself, whose objects are published only through the table and
/// the interned-string table, and [`intern`] calls [`types()`] first) or a heap type (made from
/// `type`, so after the table). Inside `make_types` nothing reads the table (a guard there would
/// re-enter [`types()`]'s initialiser, which already deadlocks), and the witness reached this
/// thread by the same synchronisation that published it, so the table's initialisation
/// happens-before this read.
#[inline(always)]
pub(crate) fn types_known_made(_witness: &PyObject) -> &'static StaticTypes {
    // A guard that comes to run inside `make_types` would read the table before it is made.
    #[cfg(not(loom))]
    debug_assert!(TYPES.once.is_completed(), "an exact-type guard ran before the static types were made");
    #[cfg(not(loom))]
    // SAFETY: the witness proves `types()` returned before this call (see above).
    return unsafe { TYPES.get_unchecked() };
    #[cfg(loom)]
    return &TYPES;
}

/// The singletons and small ints.
#[inline]
pub fn immortals() -> &'static Immortals {
    #[cfg(not(loom))]
    return IMMORTALS.get_or_init(make_immortals);
    #[cfg(loom)]
    return &IMMORTALS;
}

/// The interned-string table.
fn interned() -> &'static Mutex<Interned> {
    #[cfg(not(loom))]
    return INTERNED.get_or_init(|| Mutex::new(Interned(HashMap::new())));
    #[cfg(loom)]
    return &INTERNED;
}

/// `()`.
#[inline]
pub fn empty_tuple() -> &'static PyObject {
    immortals().empty_tuple
}

impl Immortals {
    /// The preallocated int for `v`, if `v` is in `-5..=256`.
    #[inline]
    pub fn small_int(&self, v: i64) -> Option<&'static IntObject> {
        (SMALL_INT_MIN..=SMALL_INT_MAX).contains(&v).then(|| self.small_ints[(v - SMALL_INT_MIN) as usize])
    }
}

fn intern_with(str_type: &TypeObject, s: &str) -> &'static StrObject {
    let mut guard = interned().lock().unwrap_or_else(|e| e.into_inner());
    let table = &mut guard.0;
    if let Some(found) = table.get(s) {
        return found;
    }
    let obj = leak_str(str_type, s);
    table.insert(obj.as_str(), obj);
    obj
}

/// The interned (immortal, process-wide) string equal to `s` (`PyUnicode_InternFromString`).
///
/// The runtime interns the same few names (`"__init__"`, `"__next__"`, ...) on hot paths, so a
/// small per-thread memo, indexed by where the text lives and checked against it, answers
/// repeats without the table's lock and hash.
pub fn intern(s: &str) -> &'static StrObject {
    #[cfg(not(loom))]
    {
        let at = s.as_ptr() as usize;
        let slot = ((at >> 3) ^ (at >> 11) ^ s.len()) % INTERN_MEMO_SLOTS;
        return INTERN_MEMO.with(|memo| {
            let cell = &memo[slot];
            if let Some(known) = cell.get().filter(|k| k.as_str() == s) {
                return known;
            }
            let found = intern_with(types().str_type, s);
            cell.set(Some(found));
            found
        });
    }
    #[cfg(loom)]
    intern_with(types().str_type, s)
}

/// Entries of [`intern`]'s per-thread memo.
#[cfg(not(loom))]
const INTERN_MEMO_SLOTS: usize = 64;

// Not under loom: there the interned strings belong to one explored execution.
#[cfg(not(loom))]
thread_local! {
    static INTERN_MEMO: [std::cell::Cell<Option<&'static StrObject>>; INTERN_MEMO_SLOTS] =
        const { [const { std::cell::Cell::new(None) }; INTERN_MEMO_SLOTS] };
}

/// The object pointer of a static object.
pub fn as_ptr<T>(obj: &'static T) -> NonNull<PyObject> {
    NonNull::from(obj).cast()
}
