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
//! | `exceptions` | the builtin exception hierarchy and the exception layout; `oserror`: `OSError`'s constructor and attributes |
//! | `core_types` | slots and methods of object, type, None, bool, int, float, str, tuple, list, dict |
//! | `int`, `float`, `str`, `tuple`, `list`, `dict` | those types' layouts and operations |
//! | `code`, `function`, `range` | code objects (per-interpreter constants), functions, cells, bound methods; range, slice |
//! | `module` | the `module` type; `structseq`: `sys.version_info`-style tuples; `textio`: text files (`open()`, `sys.stdout`); `stringio`: `io.StringIO` |
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
pub mod exceptions;
pub mod float;
pub mod function;
pub mod handle;
pub mod header;
pub mod immortal;
pub mod int;
pub mod list;
pub mod module;
pub mod obj;
pub mod oserror;
pub mod range;
pub mod recursion;
pub mod refcount;
pub mod slots;
pub mod str;
pub mod stringio;
pub mod structseq;
pub mod textio;
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
