//! # pyrt-syntax — Python 3.13 source in, an arena AST (or CPython's `SyntaxError`) out
//!
//! The pipeline, one module per stage:
//!
//! * [`source`] — bytes to text: BOM and PEP 263 declarations ([`decode_source`]);
//! * [`token`] — the token kinds and byte ranges the tokenizer hands the parser;
//! * [`lexer`] — the tokenizer, a port of CPython 3.13's (`Lexer`, `tokenize`);
//! * [`parser`] — recursive descent over `python.gram` into the AST ([`parse`], [`Mode`]);
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
pub mod lexer;
pub mod literal;
pub mod parser;
pub mod report;
pub mod source;
pub mod token;

pub use error::{LineIndex, SyntaxError, SyntaxErrorKind, SyntaxWarning};
pub use parser::{Mode, parse, parse_with_warnings};
pub use source::decode_source;
pub use token::{TextRange, Token, TokenKind};
