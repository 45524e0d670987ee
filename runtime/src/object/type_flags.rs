//! `type.__flags__`: the `tp_flags` word CPython 3.13 shows for a type (`Include/object.h`'s
//! `Py_TPFLAGS_*` bits).
//!
//! pyrt's own [`flags`](super::typeobj::flags) word keeps only the bits its code tests (heap
//! type, base type, the fast subclass bits, managed weak references), at CPython's positions.
//! The rest of what CPython records there describes its C layout and readiness, so it is
//! computed here when a program asks:
//!
//! - **Builtin (static) types**: CPython's value for the type, from [`BUILTIN_FLAGS`] (read off
//!   CPython 3.13: `READY | IMMUTABLETYPE | _Py_TPFLAGS_STATIC_BUILTIN`, `HAVE_GC` for the
//!   containers, `SEQUENCE`/`MAPPING`, `_Py_TPFLAGS_MATCH_SELF`, `HAVE_VECTORCALL`,
//!   `METHOD_DESCRIPTOR`, `DISALLOW_INSTANTIATION`, `ITEMS_AT_END`), and for the exception types
//!   (all alike) and any type the table lacks, the bits derived from what pyrt knows.
//! - **Classes** (`type_new` with `inherit_special`): `HEAPTYPE | BASETYPE | READY | HAVE_GC`
//!   always; the subclass bits, `MATCH_SELF`, `SEQUENCE`, `MAPPING` and `ITEMS_AT_END` of the
//!   builtin solid base; `HAVE_VECTORCALL` from a builtin base whose `__call__` the class keeps;
//!   `MANAGED_DICT` when instances get a `__dict__` their builtin base lacks, `INLINE_VALUES`
//!   when moreover the instance has no `__slots__` members over a plain `object` (CPython puts
//!   the values right after the header); `MANAGED_WEAKREF` when they get a `__weakref__`;
//!   `IS_ABSTRACT` while the class's own `__abstractmethods__` is non-empty (ABCMeta sets it).
//!   Registration with `collections.abc.Sequence`/`Mapping` does not set the collection bits
//!   (pyrt has no `collections.abc`).

use super::dict::as_dict;
use super::immortal::{intern, types};
use super::typeobj::{TypeObject, as_type, flags};

/// CPython 3.13's `Py_TPFLAGS_*` bits that pyrt's own word does not keep.
pub(crate) mod cpython {
    pub(crate) const STATIC_BUILTIN: u64 = 1 << 1;
    pub(crate) const INLINE_VALUES: u64 = 1 << 2;
    pub(crate) const SEQUENCE: u64 = 1 << 5;
    pub(crate) const MAPPING: u64 = 1 << 6;
    pub(crate) const IMMUTABLETYPE: u64 = 1 << 8;
    pub(crate) const HAVE_VECTORCALL: u64 = 1 << 11;
    pub(crate) const READY: u64 = 1 << 12;
    pub(crate) const HAVE_GC: u64 = 1 << 14;
    pub(crate) const IS_ABSTRACT: u64 = 1 << 20;
    pub(crate) const MATCH_SELF: u64 = 1 << 22;
    pub(crate) const ITEMS_AT_END: u64 = 1 << 23;
}

/// `tp_flags` of CPython 3.13's static builtin types, by name (the exception types, all
/// `BASE_EXC_SUBCLASS | HAVE_GC | READY | BASETYPE | IMMUTABLETYPE | STATIC_BUILTIN`, are derived).
const BUILTIN_FLAGS: &[(&str, u64)] = &[
    ("CallableProxyType", 0x5182),
    ("GenericAlias", 0x5d02),
    ("NoneType", 0x1102),
    ("NotImplementedType", 0x1102),
    ("OrderedDict", 0x20405542),
    ("ProxyType", 0x5182),
    ("ReferenceType", 0x5d02),
    ("SimpleNamespace", 0x5502),
    ("UnionType", 0x5182),
    ("async_generator", 0x5182),
    ("bool", 0x1401102),
    ("builtin_function_or_method", 0x5982),
    ("bytearray", 0x401502),
    ("bytearray_iterator", 0x5182),
    ("bytes", 0x8401502),
    ("bytes_iterator", 0x5182),
    ("cell", 0x5102),
    ("classmethod", 0x5502),
    ("classmethod_descriptor", 0x5182),
    ("code", 0x1102),
    ("complex", 0x1502),
    ("coroutine", 0x5182),
    ("dict", 0x20405542),
    ("dict_itemiterator", 0x5182),
    ("dict_items", 0x5182),
    ("dict_keyiterator", 0x5182),
    ("dict_keys", 0x5182),
    ("dict_reversekeyiterator", 0x5182),
    ("dict_valueiterator", 0x5182),
    ("dict_values", 0x5182),
    ("ellipsis", 0x1102),
    ("enumerate", 0x5502),
    ("filter", 0x5502),
    ("float", 0x401502),
    ("frame", 0x5182),
    ("frozenset", 0x405502),
    ("function", 0x25902),
    ("generator", 0x5182),
    ("getset_descriptor", 0x5182),
    ("int", 0x1401502),
    ("list", 0x2405522),
    ("list_iterator", 0x5182),
    ("list_reverseiterator", 0x5182),
    ("longrange_iterator", 0x1182),
    ("map", 0x5502),
    ("mappingproxy", 0x5142),
    ("member_descriptor", 0x5182),
    ("memoryview", 0x5122),
    ("method", 0x5902),
    ("method-wrapper", 0x5182),
    ("method_descriptor", 0x25982),
    ("module", 0x5502),
    ("object", 0x1502),
    ("property", 0x5502),
    ("range", 0x1122),
    ("range_iterator", 0x1182),
    ("reversed", 0x5502),
    ("set", 0x405502),
    ("set_iterator", 0x5182),
    ("slice", 0x5102),
    ("staticmethod", 0x5502),
    ("str", 0x10401502),
    ("str_ascii_iterator", 0x5182),
    ("super", 0x5502),
    ("traceback", 0x5102),
    ("tuple", 0x4405522),
    ("tuple_iterator", 0x5182),
    ("type", 0x80805d02),
    ("wrapper_descriptor", 0x25182),
    ("zip", 0x5502),
];

/// The bits a class inherits from its builtin solid base (`inherit_special`, `type_ready`).
const INHERITED: u64 =
    flags::SUBCLASS_BITS | cpython::MATCH_SELF | cpython::SEQUENCE | cpython::MAPPING | cpython::ITEMS_AT_END;

/// The subclassable builtin types with their own weak-reference list in CPython.
const WEAKREFABLE_BASES: &[&str] = &["type", "set", "frozenset"];

/// `type.__flags__` (see the module docs).
pub(crate) fn cpython_flags(t: &TypeObject) -> u64 {
    if t.is_heap() { class_flags(t) } else { builtin_flags(t) }
}

fn builtin_flags(t: &TypeObject) -> u64 {
    if let Some(&(_, v)) = BUILTIN_FLAGS.iter().find(|(n, _)| *n == t.name()) {
        return v;
    }
    let mut v = cpython::READY
        | cpython::IMMUTABLETYPE
        | cpython::STATIC_BUILTIN
        | (t.flags & (flags::BASETYPE | flags::SUBCLASS_BITS));
    if t.traverse.is_some() || t.flags & flags::BASE_EXC_SUBCLASS != 0 {
        v |= cpython::HAVE_GC;
    }
    v
}

/// The first builtin type of the class's MRO (the layout under the class's own additions).
fn builtin_base(t: &TypeObject) -> &TypeObject {
    t.mro().iter().filter_map(|m| as_type(m)).find(|m| !m.is_heap()).unwrap_or(types().object_type)
}

fn class_flags(t: &TypeObject) -> u64 {
    let base = builtin_base(t);
    let base_flags = builtin_flags(base);
    let mut v = flags::HEAPTYPE | flags::BASETYPE | cpython::READY | cpython::HAVE_GC;
    v |= base_flags & INHERITED;
    if base_flags & cpython::HAVE_VECTORCALL != 0
        && t.call.is_some()
        && t.call.map(|f| f as usize) == base.call.map(|f| f as usize)
    {
        v |= cpython::HAVE_VECTORCALL;
    }
    let managed_dict = t.dict_offset != 0 && base.dict_offset == 0 && t.flags & flags::TYPE_SUBCLASS == 0;
    if managed_dict {
        v |= flags::MANAGED_DICT;
        // SAFETY: read attached; a class's member offsets are fixed once it is made.
        let members = unsafe { &(*t.mutable.get()).member_offsets };
        if members.is_empty() && std::ptr::eq(base, types().object_type) {
            v |= cpython::INLINE_VALUES;
        }
    }
    // Over a builtin whose instances take weak references already (a `tp_weaklistoffset` of
    // its own: `type`, `set`, `frozenset`), the class adds no managed list.
    if !WEAKREFABLE_BASES.contains(&base.name()) {
        v |= t.flags & flags::MANAGED_WEAKREF;
    }
    if is_abstract(t) {
        v |= cpython::IS_ABSTRACT;
    }
    v
}

/// The class's own `__abstractmethods__` is a non-empty collection.
fn is_abstract(t: &TypeObject) -> bool {
    let Some(value) = t.dict().and_then(as_dict).and_then(|d| d.get_str(&intern("__abstractmethods__").ob_base)) else {
        return false;
    };
    super::abstract_ops::is_true(&value).unwrap_or(false)
}
