//! Objects: the header and reference counting, type objects and their slots, the abstract
//! protocols, and the builtin types.
//!
//! | file | what it owns |
//! |---|---|
//! | `header` | the `#[repr(C)]` header with free-threaded CPython's layout |
//! | `thread_id` | the owner id stored in `ob_tid` (`%fs:0` on x86-64 Linux) |
//! | `refcount` | incref/decref for the biased, atomic and non-atomic strategies; immortals |
//! | `attachment` | what object code reads from the attached thread (`state` fills it) |
//! | `brc` | biased reference counting's per-interpreter merge queues |
//! | `obj` | `Obj`, the owned reference objects store and the eval loop's stack holds |
//! | `obj_slot` | `ObjSlot`: cell-like access to an object's `Option<Obj>` words (`__dict__`, members, inline values) |
//! | `obj_cell` | `ObjCell`: a struct field holding a reference that changes behind `&` (a function's attributes) |
//! | `handle` | `Bound` (owned), `Borrowed` and `Py` (unbound); the membership check |
//! | `alloc` | creating objects in the interpreter's arena, immortal objects, freeing |
//! | `typeobj` | `TypeObject`: slots, flags, MRO, version tags |
//! | `type_flags` | `type.__flags__`: CPython 3.13's `tp_flags` value for builtin types and classes |
//! | `slots` | the number / sequence / mapping protocol tables, `BinOp` |
//! | `immortal` | the static type registry, singletons, small ints, interned strings |
//! | `async_iter` | `aiter`, `anext` and `anext_awaitable` |
//! | `attr` | attribute lookup: MRO lookup, descriptors, instance and type attributes |
//! | `abstract_ops` | the protocols the eval loop calls (`abstract.c`) |
//! | `repr_guard` | `Py_ReprEnter`: a container met again inside its own repr prints a placeholder |
//! | `recursion` | the native recursion guard (`RecursionError`) |
//! | `slot_wrappers` | the static types' dunder methods over their slots (`wrapper_descriptor`) |
//! | `type_docs` | CPython 3.13's doc strings of the builtin types (generated) |
//! | `builtin` | Rust functions: method tables, builtin functions, descriptors, argument helpers |
//! | `classobj` | heap types: `type(name, bases, ns)`, C3 MRO, instances, dunder slot wrappers |
//! | `class_assign` | `obj.__class__ = C` and `C.__bases__ = (...)`: the layout check, the MRO and slot updates |
//! | `exceptions` | the builtin exception hierarchy and the exception layout |
//! | `core_types` | slots and methods of object, type, None, bool, int, float, tuple, list, dict |
//! | `str_methods` | `str`'s slots and methods |
//! | `formatting` | `format()`, `__format__`, `str % args`, `str.format` through pyrt-pylib |
//! | `core_types` | slots and methods of object, type, None, bool, str; makes the other core types |
//! | `int_methods`, `float_methods`, `tuple_methods`, `list_methods`, `dict_methods` | those types' slots and method tables |
//! | `dict_views` | `dict_keys`/`dict_values`/`dict_items` and the dict iterators |
//! | `repr_guard` | `Py_ReprEnter`: `[...]` for a container inside its own repr |
//! | `mappingproxy` | the read-only mapping view (`types.MappingProxyType`) |
//! | `mutation` | writes to mutable containers under the object's critical section |
//! | `trashcan` | freeing deeply nested containers without deep native recursion |
//! | `slot_dunders` | dunder methods over a builtin type's slots (`int.__sub__`, ...) |
//! | `suggestions` | CPython's "Did you mean" for unexpected keyword arguments |
//! | `sequence` | what list and tuple share: comparison, membership, concatenation, subscripts |
//! | `exceptions` | the builtin exception hierarchy and the exception layout; `oserror`: `OSError`'s constructor and attributes |
//! | `core_types` | slots and methods of object, type, None, bool, int, float, str, tuple, list, dict |
//! | `int`, `float`, `str`, `tuple`, `list`, `dict` | those types' layouts and operations |
//! | `generator` | generators, coroutines, async generators and their awaitables |
//! | `descriptors` | `property`, `staticmethod`, `classmethod`, `super` |
//! | `generic_alias` | `types.GenericAlias` (`list[int]`) and the builtins' `__class_getitem__` |
//! | `union_type` | `types.UnionType` (`int | str`); `class_check`: `isinstance`/`issubclass` with their hooks |
//! | `iterators` | the lazy iterator builtins: `map`, `filter`, `zip`, `enumerate`, `reversed`, `callable_iterator` |
//! | `set` | `set` and `frozenset`: CPython's open-addressing table, the set algebra, the iterator |
//! | `core_types` | slots and methods of object, type, None, bool, int, float, str, tuple, list, dict |
//! | `int`, `float`, `str`, `tuple`, `list`, `dict` | those types' layouts and operations (`int_bytes`: `int.to_bytes`/`from_bytes`) |
//! | `bytes`, `bytearray`, `memoryview` | the byte string types; `bytes_methods` their shared methods, `codecs` the text codecs (`codecs_escape` the escape codecs) |
//! | `complex` | complex numbers |
//! | `object_methods` | `object.__format__`, `__dir__`, `__sizeof__`, `__subclasshook__` |
//! | `code`, `function`, `range`, `range_big` | code objects (per-interpreter constants), functions, cells, bound methods; range (beyond 128-bit bounds: `range_big`), slice |
//! | `module` | the `module` type; `structseq`: `sys.version_info`-style tuples; `textio`: text files (`open()`, `sys.stdout`); `stringio`: `io.StringIO` |
//! | `types` | compatibility names for the runtime core's first object API |

pub(crate) mod abstract_ops;
#[cfg(not(loom))]
pub(crate) mod adaptive;
/// Public to the loom models, which drive the specialiser's publication protocol.
#[cfg(loom)]
pub mod adaptive;
pub mod alloc;
pub(crate) mod arith_fast;
pub(crate) mod async_iter;
pub(crate) mod attachment;
pub(crate) mod attr;
pub(crate) mod binaryio;
pub(crate) mod brc;
pub(crate) mod builtin;
pub(crate) mod bytearray;
pub(crate) mod bytes;
pub(crate) mod bytes_methods;
pub(crate) mod class_assign;
pub(crate) mod class_check;
pub(crate) mod classobj;
pub(crate) mod code;
pub(crate) mod codecs;
pub(crate) mod codecs_escape;
pub(crate) mod complex;
pub(crate) mod core_types;
pub(crate) mod descriptors;
pub(crate) mod dict;
pub(crate) mod dict_keys;
pub(crate) mod dict_methods;
pub(crate) mod dict_views;
pub(crate) mod exception_group;
pub(crate) mod exceptions;
pub(crate) mod finalize;
pub(crate) mod float;
pub(crate) mod float_methods;
pub(crate) mod formatting;
pub(crate) mod function;
pub(crate) mod function_attrs;
pub(crate) mod gc;
pub(crate) mod gc_tracked;
pub(crate) mod gc_traverse;
pub(crate) mod generator;
pub(crate) mod generic_alias;
pub mod handle;
pub mod header;
pub mod immortal;
pub(crate) mod import_seam;
pub(crate) mod inline_values;
pub(crate) mod int;
pub(crate) mod int_bytes;
pub(crate) mod int_methods;
pub(crate) mod iterators;
pub(crate) mod list;
pub(crate) mod list_items;
pub(crate) mod list_methods;
pub(crate) mod mappingproxy;
pub(crate) mod member;
pub(crate) mod memoryview;
pub(crate) mod module;
pub(crate) mod mutation;
pub(crate) mod namespace;
pub(crate) mod obj;
pub(crate) mod obj_cell;
pub(crate) mod obj_slot;
pub(crate) mod object_methods;
pub(crate) mod object_reduce;
pub(crate) mod oserror;
pub(crate) mod owned_read;
pub(crate) mod range;
pub(crate) mod range_big;
pub(crate) mod recursion;
pub mod refcount;
pub(crate) mod repr_guard;
pub(crate) mod seq_iter;
pub(crate) mod sequence;
pub(crate) mod set;
pub(crate) mod slot_dunders;
pub(crate) mod slot_update;
pub(crate) mod slot_wrappers;
pub(crate) mod slots;
pub(crate) mod sort_compare;
pub(crate) mod str;
pub(crate) mod str_methods;
mod str_surrogates;
pub(crate) mod stringio;
pub(crate) mod structseq;
pub(crate) mod subtype_getset;
pub(crate) mod suggestions;
pub(crate) mod textio;
mod thread_id;
pub(crate) mod trashcan;
pub(crate) mod tuple;
pub(crate) mod tuple_methods;
pub(crate) mod type_attrs;
pub(crate) mod type_cache;
#[cfg(all(test, not(loom)))]
mod type_cache_tests;
pub(crate) mod type_docs;
pub(crate) mod type_flags;
pub(crate) mod type_state;
pub mod typeobj;
pub mod types;
pub(crate) mod union_type;
pub(crate) mod unlocked_read;
pub(crate) mod weakref;

pub use alloc::{alloc_object, new_int, new_str};
#[cfg(loom)]
pub use dict::model as dict_model;
pub use handle::{Borrowed, Bound, Py};
pub use header::{PyObject, RefcountStrategy};
pub use immortal::{immortals, intern, types};
#[cfg(loom)]
pub use inline_values::model as inline_values_model;
pub use int::{as_long, int_value};
#[cfg(loom)]
pub use list::model as list_model;
#[cfg(loom)]
pub use mutation::model as mutation_model;
#[cfg(loom)]
pub use owned_read::model as owned_read_model;
pub use str::str_value;
pub use thread_id::{thread_id, thread_local_addr};
#[cfg(loom)]
pub use type_cache::model as type_cache_model;
pub use typeobj::TypeObject;

/// The bytes an ASCII `str` of `len` characters occupies (header and inline text), for sizing
/// studies such as the size-class benchmark.
pub fn ascii_str_size(len: usize) -> usize {
    str::StrObject::size_for_ascii(len)
}

#[cfg(all(test, not(loom)))]
mod model_tests;

#[cfg(all(test, not(loom)))]
mod gc_tests;

#[cfg(all(test, not(loom)))]
mod bytes_complex_tests;

#[cfg(all(test, not(loom)))]
mod set_free_threaded_tests;

#[cfg(all(test, not(loom)))]
mod attr_free_threaded_tests;
#[cfg(all(test, not(loom)))]
mod list_free_threaded_tests;

#[cfg(all(test, not(loom)))]
mod dict_free_threaded_tests;

#[cfg(all(test, not(loom)))]
mod layout_tests;
