//! Objects: the header and reference counting, type objects and their slots, the abstract
//! protocols, and the builtin types.
//!
//! | file | what it owns |
//! |---|---|
//! | `header` | the `#[repr(C)]` header with free-threaded CPython's layout |
//! | `thread_id` | the owner id stored in `ob_tid` (`%fs:0` on x86-64 Linux) |
//! | `refcount` | incref/decref for the biased, atomic and non-atomic strategies; immortals |
//! | `brc` | biased reference counting's per-interpreter merge queues |
//! | `obj` | `Obj`, the owned reference objects store and the eval loop's stack holds |
//! | `handle` | `Bound` (owned), `Borrowed` and `Py` (unbound); the membership check |
//! | `alloc` | creating objects in the interpreter's arena, immortal objects, freeing |
//! | `typeobj` | `TypeObject`: slots, flags, MRO, version tags |
//! | `slots` | the number / sequence / mapping protocol tables, `BinOp` |
//! | `immortal` | the static type registry, singletons, small ints, interned strings |
//! | `async_iter` | `aiter`, `anext` and `anext_awaitable` |
//! | `attr` | attribute lookup: MRO lookup, descriptors, instance and type attributes |
//! | `abstract_ops` | the protocols the eval loop calls (`abstract.c`) |
//! | `repr_guard` | `Py_ReprEnter`: a container met again inside its own repr prints a placeholder |
//! | `recursion` | the native recursion guard (`RecursionError`) |
//! | `slot_wrappers` | the static types' dunder methods over their slots (`wrapper_descriptor`) |
//! | `builtin` | Rust functions: method tables, builtin functions, descriptors, argument helpers |
//! | `classobj` | heap types: `type(name, bases, ns)`, C3 MRO, instances, dunder slot wrappers |
//! | `exceptions` | the builtin exception hierarchy and the exception layout |
//! | `core_types` | slots and methods of object, type, None, bool, int, float, str, tuple, list, dict |
//! | `int`, `float`, `str`, `tuple`, `list`, `dict` | those types' layouts and operations |
//! | `descriptors` | `property`, `staticmethod`, `classmethod`, `super` |
//! | `generic_alias` | `types.GenericAlias` (`list[int]`) and the builtins' `__class_getitem__` |
//! | `iterators` | the lazy iterator builtins: `map`, `filter`, `zip`, `enumerate`, `reversed`, `callable_iterator` |
//! | `set` | `set` and `frozenset`: CPython's open-addressing table, the set algebra, the iterator |
//! | `object_methods` | `object.__format__`, `__dir__`, `__sizeof__`, `__subclasshook__` |
//! | `code`, `function`, `range` | code objects (per-interpreter constants), functions, cells, bound methods; range, slice |
//! | `types` | compatibility names for the runtime core's first object API |

pub mod abstract_ops;
pub mod alloc;
pub mod async_iter;
pub mod attr;
pub(crate) mod brc;
pub mod builtin;
pub mod classobj;
pub mod code;
pub(crate) mod core_types;
pub mod descriptors;
pub mod dict;
pub mod exceptions;
pub mod float;
pub mod function;
pub mod generic_alias;
pub mod handle;
pub mod header;
pub mod immortal;
pub mod int;
pub mod iterators;
pub mod list;
pub mod obj;
pub mod object_methods;
pub mod range;
pub mod recursion;
pub mod refcount;
pub mod repr_guard;
pub mod set;
pub mod slot_wrappers;
pub mod slots;
pub mod str;
mod thread_id;
pub mod tuple;
pub mod typeobj;
pub mod types;

pub use alloc::{alloc_object, new_int, new_str};
pub use handle::{Borrowed, Bound, Py};
pub use header::{PyObject, RefcountStrategy};
pub use immortal::{immortals, intern, types};
pub use int::{as_long, int_value};
pub use obj::Obj;
pub use str::str_value;
pub use thread_id::{thread_id, thread_local_addr};
pub use typeobj::TypeObject;
