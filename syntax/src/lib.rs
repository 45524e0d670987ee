//! # pyrt-syntax — Python 3.13 source in, an arena AST (or CPython's `SyntaxError`) out
//!
//! The pipeline, one module per stage:
//!
//! * [`token`] — the token kinds and byte ranges the tokenizer hands the parser;
//! * [`ast`] — the arena AST mirroring CPython 3.13's `Python.asdl`, and `ast.dump`;
//! * [`literal`] — string/bytes escape decoding, number values, Python's `repr` of constants;
//! * [`error`] — `SyntaxError` / `IndentationError` / `TabError` with CPython's positions;
//! * [`report`] — printing a `SyntaxError` as CPython 3.13 prints an uncaught one.
//!
//! Positions are byte offsets into the decoded UTF-8 source ([`TextRange`]); line and column
//! (CPython counts columns in UTF-8 bytes for AST nodes, in characters for `SyntaxError.offset`)
//! are computed from them by [`LineIndex`] only when someone asks.

pub mod ast;
pub mod error;
pub mod literal;
mod printable;
pub mod report;
pub mod token;

pub use error::{LineIndex, SyntaxError, SyntaxErrorKind};
pub use token::{TextRange, Token, TokenKind};
