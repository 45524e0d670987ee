//! String literals (not f-strings): the prefix has been read, the cursor is after the first
//! quote.
//!
//! The body is scanned up to the matching one or three quotes; a backslash skips the next
//! character (so `\'` and an escaped line break do not end anything), in raw strings too. An
//! unterminated string is reported at its first character, on its first line, with the line
//! where the tokenizer gave up (`detected at line N`). Inside an f-string replacement field, a
//! string that starts with the f-string's own quotes and runs off the line means the field was
//! not closed: `f-string: expecting '}'`. A single-quoted string with an escaped quote gets
//! `; perhaps you escaped the end quote?` added to its message.

use super::{EOF, Lexer};
use crate::error::SyntaxError;
use crate::token::{Token, TokenKind};

impl Lexer<'_> {
    /// A string literal whose opening `quote` has just been read.
    pub(super) fn string(&mut self, quote: u8) -> Result<Token, SyntaxError> {
        let quote_i = quote as i32;
        let mut quote_size = 1;
        let mut end_quote_size = 0;
        let mut has_escaped_quote = false;
        let mut c = self.nextc();
        if c == quote_i {
            c = self.nextc();
            if c == quote_i {
                quote_size = 3;
            } else {
                end_quote_size = 1; // the empty string
            }
        }
        if c != quote_i {
            self.backup(c);
        }
        while end_quote_size != quote_size {
            // Fast path: skip the bytes that cannot end or escape anything.
            let rest = &self.bytes[self.cur.min(self.bytes.len())..];
            let plain =
                rest.iter().position(|&b| b == quote || b == b'\\' || b == b'\n' || b == b'\r').unwrap_or(rest.len());
            if plain > 0 {
                self.cur += plain;
                end_quote_size = 0;
            }
            let c = self.nextc();
            if c == EOF || (quote_size == 1 && c == b'\n' as i32) {
                return Err(self.unterminated_string(quote, quote_size, has_escaped_quote));
            }
            if c == quote_i {
                end_quote_size += 1;
            } else {
                end_quote_size = 0;
                if c == b'\\' as i32 && self.nextc() == quote_i {
                    has_escaped_quote = true;
                }
            }
        }
        Ok(self.token(TokenKind::String, self.start, self.cur))
    }

    fn unterminated_string(&self, quote: u8, quote_size: u8, has_escaped_quote: bool) -> SyntaxError {
        let detected_at = self.line_number(self.current_line_start());
        let line_start = self.line_start_of(self.start);
        if let Some(mode) = self.fstrings.last() {
            if mode.quote == quote && mode.quote_size == quote_size {
                return self.tokenizer_error_at("f-string: expecting '}'".to_string(), line_start, self.start + 1);
            }
        }
        let msg = if quote_size == 3 {
            format!("unterminated triple-quoted string literal (detected at line {detected_at})")
        } else if has_escaped_quote {
            format!("unterminated string literal (detected at line {detected_at}); perhaps you escaped the end quote?")
        } else {
            format!("unterminated string literal (detected at line {detected_at})")
        };
        self.tokenizer_error_at(msg, line_start, self.start + 1)
    }
}
