//! Deep recursion without stack overflow.
//!
//! The symbol-table builder, the code generator, the constant folder and the annotation printer
//! walk the AST recursively, and the AST may be deep (`a + a + ... + a` with thousands of terms is
//! a left-nested chain of `BinOp`s). Each recursive step goes through [`grow`], which runs the
//! step on a fresh heap-allocated stack segment when less than [`RED_ZONE`] bytes of the current
//! one are left (the `stacker` crate), so the depth is bounded by memory, not by the thread's
//! stack. The symbol-table builder, the first pass over the whole tree, additionally caps the
//! depth at CPython's limit ([`MAX_DEPTH`]) and reports it as CPython's compiler does.
//!
//! CPython 3.13's AST optimizer (`Python/ast_opt.c`, run before the symbol table, which has the
//! same check) counts one level per statement and per expression on the path from the module
//! (not for `keyword`, `arguments`, `comprehension` or `match_case` nodes), starting from the C
//! recursion depth already in use, and raises `RecursionError("maximum recursion depth exceeded
//! during compilation")` past `Py_C_RECURSION_LIMIT` (10,000). `compile()` called from Python
//! code starts at depth 2, so the deepest path compiled has 9,998 statements and expressions:
//! measured with 3.13.0, `1+1+...+1` compiles with 9,997 terms (one `Expr` statement, 9,996
//! `BinOp`s and a constant) and fails with 9,998; `if 1:\n 1+...+1` fails with 9,997 terms.

/// Grow the stack when less than this much is left.
const RED_ZONE: usize = 256 * 1024;
/// Size of each new stack segment.
const SEGMENT: usize = 4 * 1024 * 1024;

/// The deepest path of statements and expressions compiled, as CPython 3.13's `compile()`
/// called from Python code (see the module docs).
pub const MAX_DEPTH: u32 = 9_998;

/// Runs `f`, on a new stack segment if the current one is nearly exhausted.
#[inline]
pub fn grow<R>(f: impl FnOnce() -> R) -> R {
    stacker::maybe_grow(RED_ZONE, SEGMENT, f)
}
