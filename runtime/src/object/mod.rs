//! Objects: the header, reference counting, immortals, type objects and handles.
//!
//! | file | what it owns |
//! |---|---|
//! | `header` | the `#[repr(C)]` header with free-threaded CPython's layout |
//! | `thread_id` | the owner id stored in `ob_tid` (`%fs:0` on x86-64 Linux) |
//! | `refcount` | incref/decref for the biased, atomic and non-atomic strategies; immortals |
//! | `brc` | biased reference counting's per-interpreter merge queues |
//! | `types` | type objects and the `int` / `str` layouts |
//! | `immortal` | `None`, `True`, `False`, `Ellipsis`, `NotImplemented`, small ints, interned strings |
//! | `handle` | `Bound` (owned), `Borrowed` and `Py` (unbound); the membership check |
//! | `alloc` | creating objects in the interpreter's arena and freeing them |

pub mod alloc;
pub(crate) mod brc;
pub mod handle;
pub mod header;
pub mod immortal;
pub mod refcount;
mod thread_id;
pub mod types;

pub use alloc::{alloc_object, as_long, int_value, new_int, new_str, str_value};
pub use handle::{Borrowed, Bound, Py};
pub use header::{PyObject, RefcountStrategy};
pub use immortal::{immortals, intern, types};
pub use thread_id::{thread_id, thread_local_addr};
pub use types::TypeObject;
