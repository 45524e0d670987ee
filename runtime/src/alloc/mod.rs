//! Memory: the per-interpreter arena and CPython's three allocator domains on top of it.
//!
//! This is the bottom room: it does not reach into `state` (no thread state, no thread-local
//! lookup). Callers pass the memory they may use as a [`MemoryContext`], which `state` builds
//! from an attachment.
//!
//! * [`arena`] — size-classed pages carved from 4 MiB chunks, one heap per free-threaded thread
//!   (or per locked interpreter), lock-free cross-thread frees, a byte limit, statistics, and
//!   bulk release when the interpreter is destroyed.
//! * [`context`] — [`MemoryContext`]: an arena and the heap the calling thread owns in it.
//! * [`qsbr`] — quiescent-state-based reclamation: storage retired by a writer is freed once
//!   every online thread has passed a quiescent point (CPython's `qsbr.c`).
//! * [`domains`] — `raw` (the system allocator; no attached thread needed), `mem` and `object`
//!   (the current interpreter's arena; an attached thread is required), as CPython's
//!   `PyMem_Raw*`, `PyMem_*` and `PyObject_*` families.

pub mod arena;
pub mod context;
pub mod domains;
pub mod gc_heads;
pub mod qsbr;
pub mod size_class;

pub use arena::{AllocError, Arena, ArenaStats, Heap};
pub use context::MemoryContext;
