//! Type objects: CPython's `PyTypeObject` with its slots as Rust function pointers.
//!
//! A type says how its instances are laid out (`basic_size`, `dict_offset`), how they go away
//! (`dealloc`), and what they do: each protocol the eval loop calls is a slot — attribute
//! get/set, descriptor get/set, call (vectorcall-shaped: the callable, a slice of arguments whose
//! last `len(kwnames)` are keyword values, and the keyword names), rich compare, hash, iter/next,
//! repr/str, new/init — plus the number, sequence and mapping tables in [`super::slots`].
//!
//! **Static types** (every builtin type) are immortal, made once per process
//! (`immortal.rs`) and shared by every interpreter, with their slots, method tables, `__dict__`,
//! MRO and version tag: all of it is immutable once the type is readied (builtin types reject
//! attribute assignment — `cannot set 'x' attribute of immutable type 'int'` — which is
//! CPython's reason for sharing them too). What Python code can hang on a static type differs
//! per interpreter — the classes it makes from it, listed by `__subclasses__()` — and lives in
//! the interpreter, indexed by the type's `static_index` ([`super::type_state`], CPython's
//! `managed_static_type_state`).
//!
//! **Heap types** (`class` statements, `type(name, bases, ns)`) are arena objects of their
//! interpreter, made by [`super::classobj`]; their instances hold a strong reference to them.
//! Their slots are inherited from the base, then replaced by `slot_*` wrappers that call the
//! dunder methods the class body defines; assigning or deleting a dunder later rewrites the slot
//! on the class and the subclasses that inherit it ([`super::slot_update`]).
//!
//! **Slot updates.** The slots ([`TypeSlots`]) sit in an `UnsafeCell` and are read through
//! `Deref` (`ty.repr`, `ty.number.add`): a read copies one function pointer out. They are written
//! after creation only by [`TypeObject::update_slots`], for a heap type, with the world of its
//! interpreter stopped (a `WorldStopped` proves it): no other thread of the interpreter is
//! attached, so none is reading, and the stop orders the writes before everyone's next reads —
//! what CPython's free-threaded build does for slot updates. In an interpreter with a lock,
//! holding the lock is the stop. The one rule readers keep: never hold a reference into the slots
//! across a call that may run Python code (copy the slot out, then call it). A heap type's name
//! and qualified name are replaced the same way (`type_attrs.rs`).
//!
//! The **version tag** is taken away whenever a type's dictionary (or an ancestor's) changes or a
//! slot is rewritten, and given again when a cache asks for one; caches keyed on it (the eval
//! loop's specialised instructions) check it with one comparison. A static type's tag is fixed
//! (`1 + static_index`, the same in every interpreter: the type never changes); a heap type's
//! comes from its interpreter's counter, above every static tag, at most
//! [`MAX_VERSIONS_PER_CLASS`] times per class (CPython 3.13's scheme). Caches live in the
//! interpreter's own code objects, so a tag only has to be unique within the interpreter, and
//! an interpreter that churns through tags never starves another.

use std::cell::UnsafeCell;
use std::ptr::NonNull;
use std::sync::atomic::{AtomicU32, AtomicU64, Ordering};

use super::header::PyObject;
use super::obj::Obj;
use super::slots::{MappingMethods, NumberMethods, SequenceMethods};
use crate::error::PyResult;

/// A deallocator: runs when the last reference to an instance goes.
///
/// # Safety
///
/// Called once per object, with no reference left.
pub type DeallocFn = unsafe fn(NonNull<PyObject>);

/// `tp_getattro`: `obj.name` (`name` is a `str`).
pub(crate) type GetattroFn = fn(&PyObject, &PyObject) -> PyResult<Obj>;
/// `tp_setattro`: `obj.name = value`, or `del obj.name` when `value` is `None`.
pub type SetattroFn = fn(&PyObject, &PyObject, Option<&PyObject>) -> PyResult<()>;
/// `tp_descr_get`: `descr.__get__(obj, type)`; `obj` is `None` for a class access.
pub(crate) type DescrGetFn = fn(&PyObject, Option<&PyObject>, &PyObject) -> PyResult<Obj>;
/// `tp_descr_set`: `descr.__set__(obj, value)` or `__delete__` when `value` is `None`.
pub type DescrSetFn = fn(&PyObject, &PyObject, Option<&PyObject>) -> PyResult<()>;
/// `tp_call` / vectorcall: `callable(*args[..n], **dict(zip(kwnames, args[n..])))` where
/// `n = len(args) - len(kwnames)`.
pub(crate) type CallFn = fn(&PyObject, &[Obj], Option<&PyObject>) -> PyResult<Obj>;
/// `tp_richcompare`; may return `NotImplemented`.
pub(crate) type RichCompareFn = fn(&PyObject, &PyObject, CompareOp) -> PyResult<Obj>;
/// `tp_hash`.
pub type HashFn = fn(&PyObject) -> PyResult<isize>;
/// `tp_repr`, `tp_str`, `tp_iter`: one object in, one out.
pub(crate) type UnaryFn = fn(&PyObject) -> PyResult<Obj>;
/// `tp_iternext`: `Ok(None)` when exhausted (no `StopIteration` object is made).
pub(crate) type IterNextFn = fn(&PyObject) -> PyResult<Option<Obj>>;
/// `tp_new`: the type, then the call's arguments.
pub(crate) type NewFn = fn(&TypeObject, &[Obj], Option<&PyObject>) -> PyResult<Obj>;
/// `tp_traverse`: calls the visitor on each object the instance holds a strong reference to
/// that could be part of a cycle (it may skip some: the collector then treats them as
/// referenced from outside, which only makes it keep more).
pub(crate) type TraverseFn = fn(&PyObject, &mut dyn FnMut(&PyObject));
/// `tp_clear`: drops the references that can make cycles (the collector calls it on garbage).
pub(crate) type ClearFn = fn(&PyObject);
/// `tp_init`.
pub(crate) type InitFn = fn(&PyObject, &[Obj], Option<&PyObject>) -> PyResult<()>;

/// The operator of a rich comparison (`Py_LT` ... `Py_GE`, CPython's numbering).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum CompareOp {
    Lt = 0,
    Le = 1,
    Eq = 2,
    Ne = 3,
    Gt = 4,
    Ge = 5,
}

impl CompareOp {
    /// From `COMPARE_OP`'s `oparg >> 5`.
    pub fn from_index(i: u32) -> Option<CompareOp> {
        Some(match i {
            0 => CompareOp::Lt,
            1 => CompareOp::Le,
            2 => CompareOp::Eq,
            3 => CompareOp::Ne,
            4 => CompareOp::Gt,
            5 => CompareOp::Ge,
            _ => return None,
        })
    }

    /// The operator with its operands swapped (`_Py_SwappedOp`).
    pub fn swapped(self) -> CompareOp {
        match self {
            CompareOp::Lt => CompareOp::Gt,
            CompareOp::Le => CompareOp::Ge,
            CompareOp::Eq => CompareOp::Eq,
            CompareOp::Ne => CompareOp::Ne,
            CompareOp::Gt => CompareOp::Lt,
            CompareOp::Ge => CompareOp::Le,
        }
    }

    /// The source spelling (`<`, ...).
    pub fn symbol(self) -> &'static str {
        match self {
            CompareOp::Lt => "<",
            CompareOp::Le => "<=",
            CompareOp::Eq => "==",
            CompareOp::Ne => "!=",
            CompareOp::Gt => ">",
            CompareOp::Ge => ">=",
        }
    }

    /// The dunder name (`__lt__`, ...).
    pub fn dunder(self) -> &'static str {
        match self {
            CompareOp::Lt => "__lt__",
            CompareOp::Le => "__le__",
            CompareOp::Eq => "__eq__",
            CompareOp::Ne => "__ne__",
            CompareOp::Gt => "__gt__",
            CompareOp::Ge => "__ge__",
        }
    }

    /// Applies the operator to an ordering.
    pub fn test(self, ord: std::cmp::Ordering) -> bool {
        use std::cmp::Ordering::*;
        match self {
            CompareOp::Lt => ord == Less,
            CompareOp::Le => ord != Greater,
            CompareOp::Eq => ord == Equal,
            CompareOp::Ne => ord != Equal,
            CompareOp::Gt => ord == Greater,
            CompareOp::Ge => ord != Less,
        }
    }
}

/// `tp_flags`, with CPython's bit values where they matter.
pub mod flags {
    /// A heap type (a class statement).
    pub const HEAPTYPE: u64 = 1 << 9;
    /// May be subclassed.
    pub const BASETYPE: u64 = 1 << 10;
    /// Instances accept weak references (classes; CPython's bit, which pyrt also sets on
    /// classes whose instances have a `__weakref__`).
    pub const MANAGED_WEAKREF: u64 = 1 << 3;
    /// Instances have a `__dict__` at `dict_offset`.
    pub const MANAGED_DICT: u64 = 1 << 4;
    /// `int` or a subclass.
    pub const LONG_SUBCLASS: u64 = 1 << 24;
    /// `list` or a subclass.
    pub const LIST_SUBCLASS: u64 = 1 << 25;
    /// `tuple` or a subclass.
    pub const TUPLE_SUBCLASS: u64 = 1 << 26;
    /// `bytes` or a subclass.
    pub const BYTES_SUBCLASS: u64 = 1 << 27;
    /// `str` or a subclass.
    pub const UNICODE_SUBCLASS: u64 = 1 << 28;
    /// `dict` or a subclass.
    pub const DICT_SUBCLASS: u64 = 1 << 29;
    /// `BaseException` or a subclass.
    pub const BASE_EXC_SUBCLASS: u64 = 1 << 30;
    /// `type` or a subclass.
    pub const TYPE_SUBCLASS: u64 = 1 << 31;
    /// pyrt's own (above CPython's 32 bits): a class whose instances have `__slots__` members
    /// over a builtin base other than `object`; the allocator initialises and drops them, as the
    /// builtin's own allocator and deallocator do not know them (`alloc.rs`).
    pub const MEMBERS_OVER_BUILTIN: u64 = 1 << 32;
    /// The subclass bits, inherited by every subclass.
    pub const SUBCLASS_BITS: u64 = LONG_SUBCLASS
        | LIST_SUBCLASS
        | TUPLE_SUBCLASS
        | BYTES_SUBCLASS
        | UNICODE_SUBCLASS
        | DICT_SUBCLASS
        | BASE_EXC_SUBCLASS
        | TYPE_SUBCLASS;
}

/// The parts of a type that change after creation (heap types only; a static type's are set
/// once while it is built and never again).
pub struct TypeMut {
    /// `__name__` of a heap type (static types use `static_name`).
    pub name: Option<Box<str>>,
    /// `__qualname__`.
    pub(crate) qualname: Option<Obj>,
    /// `__dict__`: a `dict`.
    pub(crate) dict: Option<Obj>,
    /// `__mro__`: a tuple of types, the type itself first.
    pub(crate) mro: Option<Obj>,
    /// `__bases__`: a tuple of types.
    pub(crate) bases: Option<Obj>,
    /// `__base__`: the solid base.
    pub(crate) base: Option<Obj>,
    /// The heap types that name this one among their `__bases__`, by address (weak: a
    /// subclass removes itself when it is freed), so that [`modified`] reaches them. Heap
    /// types only (a static type's are per interpreter, `type_state.rs`); touched only under
    /// the interpreter's type lock.
    pub(crate) subclasses: Vec<usize>,
    /// A static type's position in `types().all`: the index of its per-interpreter state.
    pub(crate) static_index: Option<u32>,
    /// How many version tags this heap type was given (under the interpreter's type lock).
    pub(crate) versions_used: u32,
    /// Names a heap type had before `__name__` was assigned: kept, so that a `&str` from
    /// [`TypeObject::name`] stays valid while the type lives.
    pub(crate) retired_names: Vec<Box<str>>,
    /// The MROs, `__bases__` tuples and bases a `__bases__` assignment replaced: kept, so that
    /// a slice from [`TypeObject::mro`] stays valid while the type lives (`class_assign.rs`);
    /// the class's traverse visits them.
    pub(crate) retired: Vec<Obj>,
    /// The class's shared instance keys (CPython's `ht_cached_keys`), for a type whose
    /// instances keep their attributes inline (`inline_values.rs`).
    pub(crate) cached_keys: super::inline_values::SharedKeys,
    /// The offsets of every `__slots__` member of an instance (inherited ones included), for
    /// the deallocator (`member.rs`).
    pub(crate) member_offsets: Vec<usize>,
}

/// A type object. See the module docs.
#[repr(C)]
pub struct TypeObject {
    /// Types are objects too.
    pub ob_base: PyObject,
    /// The name of a static type (`""` for heap types, whose name is in [`TypeMut`]).
    pub static_name: &'static str,
    /// Instance size in bytes (the header included).
    pub basic_size: usize,
    /// Where an instance keeps its `__dict__` pointer (`Option<Obj>`), 0 if it has none.
    pub dict_offset: usize,
    /// How many attribute values an instance keeps inline after its dict pointer (CPython's
    /// `Py_TPFLAGS_INLINE_VALUES` with the shared keys' usable size); 0 when it keeps none.
    pub(crate) inline_values: usize,
    /// Whether the interpreter that made this class is free-threaded (set when a class statement
    /// makes it, `classobj.rs`), so that a read of an inline value or a `__slots__` member knows
    /// which protocol to use from the type it already loads instead of the thread's attachment.
    /// It cannot go stale: a heap type and its instances belong to the one interpreter that made
    /// them, whose kind is fixed for its life (`__class__` assignment moves an instance only
    /// between that interpreter's classes). `false` for static types.
    pub(crate) instances_free_threaded: bool,
    /// `tp_flags`.
    pub flags: u64,
    /// The version tag: taken away (0) whenever the type's or an ancestor's dictionary or slots
    /// change, given again when a cache asks (see [`TypeObject::version_for_cache`]).
    pub version: AtomicU32,
    /// `CALL_ALLOC_AND_ENTER_INIT`'s way to the class's `__init__` (CPython's
    /// `_spec_cache.init`, which holds the function; here a hint, as the other tag-guarded
    /// forms keep, so that no thread follows a cached pointer): the version tag it was found
    /// under (high 32 bits), its MRO position and its index in that class's dict (16 bits
    /// each). Valid only while [`TypeObject::version`] still equals that tag; 0 for none.
    pub(crate) init_hint: AtomicU64,
    /// The protocol slots (read through `Deref`: `ty.repr`, `ty.number.add`). Interior-mutable
    /// for heap types only; see "Slot updates" in the module docs.
    slots: UnsafeCell<TypeSlots>,
    pub(crate) mutable: UnsafeCell<TypeMut>,
}

/// The slots the eval loop and the protocols call (CPython's `tp_*` function pointers and the
/// number / sequence / mapping tables). A [`TypeObject`] dereferences to its slots.
#[repr(C)]
#[derive(Clone, Copy)]
pub struct TypeSlots {
    /// Frees an instance. A slot (not a fixed field) because assigning or deleting `__del__`
    /// on a class switches its instances to or from the finalizing deallocator
    /// (`finalize.rs`; CPython's `tp_finalize` is updated the same way).
    pub dealloc: DeallocFn,
    pub(crate) getattro: GetattroFn,
    pub setattro: Option<SetattroFn>,
    pub(crate) descr_get: Option<DescrGetFn>,
    pub descr_set: Option<DescrSetFn>,
    pub(crate) call: Option<CallFn>,
    pub(crate) richcompare: Option<RichCompareFn>,
    pub hash: Option<HashFn>,
    pub(crate) iter: Option<UnaryFn>,
    pub(crate) iternext: Option<IterNextFn>,
    pub(crate) repr: Option<UnaryFn>,
    pub(crate) str: Option<UnaryFn>,
    pub(crate) new: Option<NewFn>,
    pub(crate) init: Option<InitFn>,
    pub(crate) number: NumberMethods,
    pub(crate) sequence: SequenceMethods,
    pub(crate) mapping: MappingMethods,
    /// `tp_traverse`; instances of a type that has one are tracked by the cycle collector.
    pub(crate) traverse: Option<TraverseFn>,
    /// `tp_clear`.
    pub(crate) clear: Option<ClearFn>,
}

impl std::ops::Deref for TypeObject {
    type Target = TypeSlots;

    /// The slots, for one read: callers copy the slot they need out at once and never keep the
    /// reference across a call that may run Python code (which may assign a dunder and so
    /// rewrite the slots; see "Slot updates" in the module docs).
    #[inline(always)]
    fn deref(&self) -> &TypeSlots {
        // SAFETY: slots are written only by `TypeObject::update_slots`, with the world stopped
        // (no other thread of the type's interpreter is attached, so none reads) and never while
        // this thread holds a slot reference (references are used for one read; see above).
        unsafe { &*self.slots.get() }
    }
}

impl std::ops::DerefMut for TypeObject {
    /// The slots of a type that is not shared yet (`&mut`: being built).
    #[inline]
    fn deref_mut(&mut self) -> &mut TypeSlots {
        self.slots.get_mut()
    }
}

// SAFETY: a static type is written only while it is built (before it is published through its
// `OnceLock`); its per-interpreter state lives elsewhere (`type_state.rs`). A heap type is an
// object of one interpreter, touched only by threads attached there: it is written while it is
// created (not yet shared), its subclass list under the interpreter's type lock, its slots and
// names with the world stopped (see "Slot updates" in the module docs); its `__dict__` is a
// dict with its own critical section.
unsafe impl Sync for TypeObject {}
// SAFETY: as above.
unsafe impl Send for TypeObject {}

impl TypeObject {
    /// `__name__`.
    pub fn name(&self) -> &str {
        if self.flags & flags::HEAPTYPE != 0 {
            // SAFETY: see the `Sync` impl: reads happen attached.
            unsafe { (*self.mutable.get()).name.as_deref().unwrap_or("") }
        } else {
            self.static_name
        }
    }

    /// `__qualname__` of a heap type (a `str`); static types have none apart from their name.
    pub(crate) fn qualname(&self) -> Option<Obj> {
        // SAFETY: read attached; a writer stops the world (`type_attrs::set_qualname`).
        if self.is_heap() { unsafe { (*self.mutable.get()).qualname.clone() } } else { None }
    }

    /// `_PyType_GetFullyQualifiedName` (the `%T` of CPython 3.13's messages): a static type's
    /// name; a class's `__qualname__` after its `__module__`, unless that is `builtins` or
    /// `__main__`.
    pub(crate) fn fully_qualified_name(&self) -> String {
        let Some(qualname) = self.qualname() else { return self.name().to_owned() };
        let qualname = super::str::str_value(&qualname).unwrap_or_else(|| self.name()).to_owned();
        let module = self
            .dict()
            .and_then(super::dict::as_dict)
            .and_then(|d| d.get_str(&super::immortal::intern("__module__").ob_base));
        match module.as_deref().and_then(super::str::str_value) {
            Some(m) if m != "builtins" && m != "__main__" => format!("{m}.{qualname}"),
            _ => qualname,
        }
    }

    /// The type as an object.
    #[inline]
    pub fn as_object(&self) -> &PyObject {
        &self.ob_base
    }

    /// The mutable part.
    ///
    /// # Safety
    ///
    /// No other reference to it may be live (writes happen only in class creation, on an
    /// attached thread, outside any read).
    #[allow(clippy::mut_from_ref)]
    pub(crate) unsafe fn mutable(&self) -> &mut TypeMut {
        // SAFETY: forwarded to the caller.
        unsafe { &mut *self.mutable.get() }
    }

    /// `__dict__`.
    #[inline]
    pub fn dict(&self) -> Option<&PyObject> {
        // SAFETY: reads happen attached; the dict pointer is set once at creation.
        unsafe { (*self.mutable.get()).dict.as_deref() }
    }

    /// `__mro__` as a slice of types.
    #[inline]
    pub(crate) fn mro(&self) -> &[Obj] {
        // SAFETY: set at creation, replaced by a `__bases__` assignment only with the old tuple
        // kept alive (`retired`), and dropped only by the collector's clear of a garbage class,
        // which nothing borrows any more; reads happen attached.
        match unsafe { (*self.mutable.get()).mro.as_deref() } {
            Some(t) => super::tuple::items(t),
            None => &[],
        }
    }

    /// `__base__`.
    pub fn base(&self) -> Option<&TypeObject> {
        // SAFETY: set once at creation.
        unsafe { (*self.mutable.get()).base.as_deref() }.map(|b| as_type(b).expect("__base__ is a type"))
    }

    /// `__bases__`.
    pub fn bases(&self) -> Option<&PyObject> {
        // SAFETY: set once at creation.
        unsafe { (*self.mutable.get()).bases.as_deref() }
    }

    /// Whether this is a heap type.
    #[inline]
    pub fn is_heap(&self) -> bool {
        self.flags & flags::HEAPTYPE != 0
    }

    /// `PyType_IsSubtype`: whether `other` is in this type's MRO.
    #[inline]
    pub fn is_subtype(&self, other: &TypeObject) -> bool {
        if std::ptr::eq(self, other) {
            return true;
        }
        self.mro().iter().any(|t| t.is(other.as_object()))
    }

    /// A static type's index into the per-interpreter type state (`type_state.rs`).
    #[inline]
    pub(crate) fn static_index(&self) -> Option<usize> {
        // SAFETY: set once while the static types are readied, before they are published.
        unsafe { (*self.mutable.get()).static_index }.map(|i| i as usize)
    }

    /// Rewrites slots of a heap type after its creation (`C.__add__ = f`; `slot_update.rs`).
    ///
    /// # Safety
    ///
    /// `ty` is a heap type of the current interpreter, `_world` proves that no other thread of
    /// it is attached (so none reads the slots), and this thread holds no reference into the
    /// slots (slot reads copy the function pointer out at once; see [`TypeObject`]'s `Deref`).
    pub(crate) unsafe fn update_slots(
        &self,
        _world: &super::attachment::WorldStopped<'_>,
        f: impl FnOnce(&mut TypeSlots),
    ) {
        debug_assert!(self.is_heap(), "static types' slots never change");
        // SAFETY: forwarded to the caller.
        f(unsafe { &mut *self.slots.get() })
    }

    /// The current version tag; 0 when the type has none (what guards compare against).
    #[inline]
    pub fn version(&self) -> u32 {
        self.version.load(Ordering::Relaxed)
    }

    /// The tag a cache may record (`_PyType_GetVersionForCurrentState` / `assign_version_tag`):
    /// the current one, or a fresh one from the interpreter for a class whose tag was taken away
    /// by a modification; 0 (do not cache) once the class used its budget, or for a static type
    /// the process never tagged.
    #[inline]
    pub(crate) fn version_for_cache(&self) -> u32 {
        match self.version() {
            0 if self.is_heap() => super::type_state::assign_version(self),
            v => v,
        }
    }

    /// A type with every slot empty but attribute lookup (the generic one), for the builders.
    pub(crate) fn blank(ob_base: PyObject, dealloc: DeallocFn) -> TypeObject {
        TypeObject {
            ob_base,
            static_name: "",
            basic_size: size_of::<PyObject>(),
            dict_offset: 0,
            inline_values: 0,
            instances_free_threaded: false,
            flags: 0,
            version: AtomicU32::new(0),
            init_hint: AtomicU64::new(0),
            slots: UnsafeCell::new(TypeSlots {
                dealloc,
                getattro: super::attr::generic_getattr,
                setattro: None,
                descr_get: None,
                descr_set: None,
                call: None,
                richcompare: None,
                hash: None,
                iter: None,
                iternext: None,
                repr: None,
                str: None,
                new: None,
                init: None,
                number: NumberMethods::EMPTY,
                sequence: SequenceMethods::EMPTY,
                mapping: MappingMethods::EMPTY,
                traverse: None,
                clear: None,
            }),
            mutable: UnsafeCell::new(TypeMut {
                name: None,
                qualname: None,
                dict: None,
                mro: None,
                bases: None,
                base: None,
                subclasses: Vec::new(),
                static_index: None,
                versions_used: 0,
                retired_names: Vec::new(),
                retired: Vec::new(),
                cached_keys: super::inline_values::SharedKeys::new(),
                member_offsets: Vec::new(),
            }),
        }
    }
}

/// The type object behind `obj`, if `obj` is a type.
#[inline]
pub fn as_type(obj: &PyObject) -> Option<&TypeObject> {
    if obj.type_object().flags & flags::TYPE_SUBCLASS != 0 {
        // SAFETY: instances of `type` and its subclasses are laid out as TypeObject.
        Some(unsafe { obj.cast::<TypeObject>() })
    } else {
        None
    }
}

/// Static types' tags are `1 + static_index`, all below this; heap types' come from their
/// interpreter's counter, from this up (CPython's `_Py_MAX_GLOBAL_TYPE_VERSION_TAG`), so a tag
/// names one static type everywhere, or one class of one interpreter in one state.
pub(crate) const MAX_GLOBAL_VERSION: u32 = 1 << 12;

/// How many tags one class may use before it stays untagged (CPython's
/// `MAX_VERSIONS_PER_CLASS`): a class modified in a hot loop stops being specialised instead
/// of draining its interpreter's tags.
pub(crate) const MAX_VERSIONS_PER_CLASS: u32 = 1000;

/// The type's dictionary (or an ancestor's) changed (`PyType_Modified`): `ty` and every class
/// below it in the current interpreter lose their version tags (0: "no tag", never cached), so
/// that caches keyed on a tag (the eval loop's specialised instructions) miss and deoptimise.
///
/// A class's dict write is surrounded by two calls (`attr::type_setattro`): the first one's
/// fence orders the removal before the write, so a specialised guard that read the new entry
/// sees the tag gone when it checks again; the second takes away a tag a specialiser was given
/// in between for the old contents (`eval::specialize`'s "Class changes").
pub fn modified(ty: &TypeObject) {
    // Tags are given again lazily, when a cache wants one (`version_for_cache`).
    super::type_state::for_each_descendant(ty, &mut |t| t.version.store(0, Ordering::Relaxed));
    std::sync::atomic::fence(Ordering::Release);
}

/// Deallocator of static (immortal) objects: never called for them; reaching it is a bug.
///
/// # Safety
///
/// Never actually frees anything.
pub unsafe fn dealloc_static(op: NonNull<PyObject>) {
    // SAFETY: `op` is a live static object; we only read its type name for the message.
    let name = unsafe { op.as_ref() }.type_object().name().to_owned();
    crate::fatal::fatal_error("_Py_Dealloc", &format!("deallocating an immortal {name} object"));
}
