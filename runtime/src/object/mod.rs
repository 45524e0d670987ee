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
//! | `attr` | attribute lookup: MRO lookup, descriptors, instance and type attributes |
//! | `abstract_ops` | the protocols the eval loop calls (`abstract.c`) |
//! | `recursion` | the native recursion guard (`RecursionError`) |
//! | `builtin` | Rust functions: method tables, builtin functions, descriptors, argument helpers |
//! | `classobj` | heap types: `type(name, bases, ns)`, C3 MRO, instances, dunder slot wrappers |
//! | `exceptions` | the builtin exception hierarchy and the exception layout |
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
//! | `int`, `float`, `str`, `tuple`, `list`, `dict` | those types' layouts and operations |
//! | `code`, `function`, `range` | code objects (per-interpreter constants), functions, cells, bound methods; range, slice |
//! | `types` | compatibility names for the runtime core's first object API |

pub mod abstract_ops;
pub mod alloc;
pub mod attr;
pub(crate) mod brc;
pub mod builtin;
pub mod classobj;
pub mod code;
pub(crate) mod core_types;
pub mod dict;
pub(crate) mod dict_methods;
pub(crate) mod dict_views;
pub mod exceptions;
pub mod float;
pub(crate) mod float_methods;
pub mod function;
pub mod handle;
pub mod header;
pub mod immortal;
pub mod int;
pub(crate) mod int_methods;
pub mod list;
pub(crate) mod list_methods;
pub(crate) mod mappingproxy;
pub(crate) mod mutation;
pub mod obj;
pub mod range;
pub mod recursion;
pub mod refcount;
pub(crate) mod repr_guard;
pub(crate) mod sequence;
pub(crate) mod slot_dunders;
pub mod slots;
pub mod str;
pub(crate) mod suggestions;
mod thread_id;
pub(crate) mod trashcan;
pub mod tuple;
pub(crate) mod tuple_methods;
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
