//! Errors located the way CPython's compiler locates them.
//!
//! The parser reports `SyntaxError.offset` in characters, but the symbol table and the code
//! generator call `PyErr_RangedSyntaxLocationObject(filename, lineno, col_offset + 1, ...)` with the
//! AST's *byte* columns, unconverted; so on a line with non-ASCII text before the error their
//! offsets count bytes. [`compiler_error`] reproduces that.

use pyrt_syntax::error::position;
use pyrt_syntax::{LineIndex, SyntaxError, SyntaxErrorKind, TextRange};

/// A `SyntaxError` at `range` with 1-based *byte* offsets, as CPython's compiler reports them.
pub fn compiler_error(msg: impl Into<String>, source: &str, index: &LineIndex, range: TextRange) -> SyntaxError {
    let (lineno, col) = index.line_col(range.start);
    let (end_lineno, end_col) = index.line_col(range.end);
    let mut err = SyntaxError::with_position(
        SyntaxErrorKind::SyntaxError,
        msg,
        source,
        (position(lineno), position(col + 1)),
        (position(end_lineno), position(end_col + 1)),
    );
    if err.text.is_none() {
        err.text = Some(String::new());
    }
    err
}
