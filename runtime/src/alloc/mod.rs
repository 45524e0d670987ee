//! Memory: the per-interpreter arena and CPython's three allocator domains on top of it.
//!
//! * [`arena`] — size-classed pages carved from 4 MiB chunks, one heap per free-threaded thread
//!   (or per locked interpreter), lock-free cross-thread frees, a byte limit, statistics, and
//!   bulk release when the interpreter is destroyed.
//! * [`domains`] — `raw` (the system allocator; no attached thread needed), `mem` and `object`
//!   (the current interpreter's arena; an attached thread is required), as CPython's
//!   `PyMem_Raw*`, `PyMem_*` and `PyObject_*` families.

pub mod arena;
pub mod domains;
pub mod size_class;

pub use arena::{AllocError, Arena, ArenaStats, Heap};
