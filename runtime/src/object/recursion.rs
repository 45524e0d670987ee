//! The native recursion guard (CPython's `Py_EnterRecursiveCall`).
//!
//! Protocols that can recurse through user code (`repr` of nested containers, comparisons,
//! calls) take a guard: a per-thread depth counter that raises
//! `RecursionError: maximum recursion depth exceeded<where>` past the limit instead of
//! overflowing the native stack. The eval loop keeps Python-to-Python calls out of native
//! recursion and counts their depth separately (against `sys.getrecursionlimit()`).
//!
//! A count alone cannot know how big each level's native frames are (a debug build's are many
//! times a release build's, and a thread may have a small stack), so both guards also look at
//! the stack itself: with less than [`STACK_MARGIN`] left on the thread's stack, the next level
//! is a `RecursionError` too (as CPython 3.14 checks the C stack's bounds).

use std::cell::Cell;

use crate::error::{PyErr, PyResult};

/// How deep native recursion through the protocols may go (CPython 3.13's C recursion limit
/// is 10000 for a release build with an 8 MiB stack; pyrt's debug frames are larger, so it
/// keeps to what the smallest supported stack holds).
pub const NATIVE_LIMIT: u32 = 1500;

/// Native stack kept free below the deepest level: more than any one step between two checks
/// needs (the eval loop's frame in a debug build is the largest).
pub const STACK_MARGIN: usize = 256 * 1024;

/// `RecursionError` when less than [`STACK_MARGIN`] of this thread's stack is left.
#[inline]
pub fn check_stack(where_: &str) -> PyResult<()> {
    match stacker::remaining_stack() {
        Some(left) if left < STACK_MARGIN => {
            Err(PyErr::recursion_error(&format!("maximum recursion depth exceeded{where_}")))
        }
        _ => Ok(()),
    }
}

thread_local! {
    static DEPTH: Cell<u32> = const { Cell::new(0) };
}

/// An entered recursive call; leaving it decrements the depth.
pub struct RecursionGuard(());

impl Drop for RecursionGuard {
    #[inline]
    fn drop(&mut self) {
        DEPTH.with(|d| d.set(d.get() - 1));
    }
}

/// Enters a recursive call, or raises `RecursionError` past the limit.
#[inline]
pub fn enter(where_: &str) -> PyResult<RecursionGuard> {
    let depth = DEPTH.with(|d| {
        let v = d.get() + 1;
        d.set(v);
        v
    });
    if depth > NATIVE_LIMIT {
        DEPTH.with(|d| d.set(d.get() - 1));
        return Err(PyErr::recursion_error(&format!("maximum recursion depth exceeded{where_}")));
    }
    let guard = RecursionGuard(());
    check_stack(where_)?;
    Ok(guard)
}
