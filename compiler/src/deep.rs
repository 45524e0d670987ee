//! Deep recursion without stack overflow.
//!
//! The symbol-table builder, the code generator, the constant folder and the annotation printer
//! walk the AST recursively, and the AST may be deep (`a + a + ... + a` with thousands of terms is
//! a left-nested chain of `BinOp`s). Each recursive step goes through [`grow`], which runs the
//! step on a fresh heap-allocated stack segment when less than [`RED_ZONE`] bytes of the current
//! one are left (the `stacker` crate), so the depth is bounded by memory, not by the thread's
//! stack. The builder additionally caps the depth at CPython's order of magnitude
//! ([`MAX_DEPTH`]) and reports it as CPython's compiler does.

/// Grow the stack when less than this much is left.
const RED_ZONE: usize = 256 * 1024;
/// Size of each new stack segment.
const SEGMENT: usize = 4 * 1024 * 1024;

/// The deepest AST nesting compiled (CPython raises `RecursionError` about there too).
pub const MAX_DEPTH: u32 = 20_000;

/// Runs `f`, on a new stack segment if the current one is nearly exhausted.
#[inline]
pub fn grow<R>(f: impl FnOnce() -> R) -> R {
    stacker::maybe_grow(RED_ZONE, SEGMENT, f)
}
