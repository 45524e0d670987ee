//! Fatal errors: API misuse that CPython answers with `Py_FatalError`.
//!
//! The message has CPython's shape, `Fatal Python error: <function>: <reason>`, so hosts and tests
//! that grep for it keep working. The process then aborts, as CPython's does. Under loom the error
//! is a panic instead, so that a model that reaches it fails with the message.

/// CPython's `_Py_FatalError_TstateNULL` reason: a function that needs an attached thread state
/// (or a thread state argument) got none.
pub const TSTATE_NULL: &str = "the function must be called with the GIL held, after Python initialization and before \
                               Python finalization, but the GIL is released (the current Python thread state is NULL)";

/// Prints `Fatal Python error: {func}: {reason}` on stderr and aborts the process.
#[cold]
#[inline(never)]
#[track_caller]
pub fn fatal_error(func: &str, reason: &str) -> ! {
    #[cfg(loom)]
    {
        panic!("Fatal Python error: {func}: {reason}");
    }
    #[cfg(not(loom))]
    {
        use std::io::Write;
        let mut err = std::io::stderr().lock();
        let _ = writeln!(err, "Fatal Python error: {func}: {reason}");
        let _ = writeln!(err, "Python runtime state: {}", crate::state::runtime::describe_state());
        let _ = err.flush();
        std::process::abort();
    }
}
