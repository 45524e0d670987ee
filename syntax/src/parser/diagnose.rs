//! Choosing the error for a failed parse, as CPython's `_PyPegen_set_syntax_error` does.
//!
//! The parse failed without a specific error. CPython then reports, in this order:
//! * an `IndentationError` when the furthest token is an `INDENT` (`unexpected indent`) or a
//!   `DEDENT` (`unexpected unindent`);
//! * otherwise `invalid syntax` at the furthest token the parser looked at;
//! * but the rest of the source is tokenized first, and a tokenizer error found there replaces
//!   the generic error — except an unclosed bracket at the end of the input, which replaces it
//!   only when the bracket was opened on an earlier line than the error.

use super::{Mode, Parser};
use crate::error::{SyntaxError, SyntaxErrorKind};
use crate::token::TokenKind;

pub(super) fn diagnose(p: &mut Parser<'_, '_>, _mode: Mode) -> SyntaxError {
    let last = p.tokens[p.max_seen.min(p.tokens.len() - 1)];
    let generic = match last.kind {
        TokenKind::Indent => SyntaxError::at(SyntaxErrorKind::IndentationError, "unexpected indent", p.src, last.range),
        TokenKind::Dedent => {
            SyntaxError::at(SyntaxErrorKind::IndentationError, "unexpected unindent", p.src, last.range)
        }
        _ => SyntaxError::syntax("invalid syntax", p.src, last.range),
    };
    if last.kind == TokenKind::Indent || last.kind == TokenKind::Dedent {
        return generic;
    }
    match p.lex_error.take() {
        Some(lex) if lex.msg.ends_with("was never closed") => {
            if generic.lineno > lex.lineno {
                lex
            } else {
                generic
            }
        }
        Some(lex) => lex,
        None => generic,
    }
}
