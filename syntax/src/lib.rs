//! # pyrt-syntax — Python 3.13 source in, an arena AST (or CPython's `SyntaxError`) out
//!
//! The pipeline, one module per stage:
//!
//! * [`token`] — the token kinds and byte ranges the tokenizer hands the parser;
//! * [`source`] — bytes to text: BOM and PEP 263 declarations ([`decode_source`]);
//! * [`lexer`] — the tokenizer, a port of CPython 3.13's (`Lexer`, `tokenize`);
//! * [`error`] — `SyntaxError` / `IndentationError` / `TabError` with CPython's positions.
//!
//! Positions are byte offsets into the decoded UTF-8 source ([`TextRange`]); line and column
//! (CPython counts columns in UTF-8 bytes for AST nodes, in characters for `SyntaxError.offset`)
//! are computed from them by [`LineIndex`] only when someone asks.

pub mod error;
pub mod lexer;
pub mod source;
pub mod token;

pub use error::{LineIndex, SyntaxError, SyntaxErrorKind};
pub use source::decode_source;
pub use token::{TextRange, Token, TokenKind};
