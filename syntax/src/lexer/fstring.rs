//! f-strings (PEP 701): CPython's tokenizer mode stack.
//!
//! `f"` pushes an [`FStringMode`] and yields `FStringStart`. While the top mode is in literal
//! mode, [`Lexer::fstring_mode`] yields `FStringMiddle` tokens for the literal text and finally
//! `FStringEnd`. A `{` (not doubled) switches the mode to expression mode: the normal tokenizer
//! runs, counting brackets, until
//! * the `}` that closes the field's `{` (back to literal mode), or
//! * a `:` at the field's bracket depth: the format spec, read in literal mode too; a `{` in a
//!   format spec opens a nested field, a `}` ends the spec and is handed back to the normal
//!   mode, which closes the field.
//!
//! A doubled `{{` or `}}` in literal text stands for one brace: the middle token ends after the
//! first brace and the second is skipped. A backslash skips the next character (except a brace,
//! which keeps its meaning; CPython warns about `\{` in a non-raw f-string), and `\N{...}` is a
//! named escape, not a field. Replacement fields nest in format specs at most 3 deep
//! (`f'{a:{b:{c}}}'`; one more is `f-string: expressions nested too deeply`), f-strings at most
//! 149 deep (`too many nested f-strings`).

use super::{FStringMode, Lexer, MAX_FSTRING_LEVEL};
use crate::error::SyntaxError;
use crate::token::{Token, TokenKind};

/// CPython's `MAX_EXPR_NESTING`.
const MAX_EXPR_NESTING: i32 = 3;

impl Lexer<'_> {
    /// `f"`/`rf'''`/...: the prefix and the first `quote` have been read.
    pub(super) fn fstring_start(&mut self, quote: u8) -> Result<Token, SyntaxError> {
        let quote_i = quote as i32;
        let mut quote_size = 1;
        let after_quote = self.nextc();
        if after_quote == quote_i {
            let after_after_quote = self.nextc();
            if after_after_quote == quote_i {
                quote_size = 3;
            } else {
                self.backup(after_after_quote);
                self.backup(after_quote);
            }
        } else {
            self.backup(after_quote);
        }
        if self.fstrings.len() + 1 >= MAX_FSTRING_LEVEL {
            return Err(self.tokenizer_error("too many nested f-strings".to_string()));
        }
        let first = self.bytes[self.start].to_ascii_lowercase();
        let raw = first == b'r' || self.bytes[self.start + 1].eq_ignore_ascii_case(&b'r');
        self.fstrings.push(FStringMode {
            in_expr: false,
            quote,
            quote_size,
            raw,
            start: self.start as u32,
            curly_bracket_depth: 0,
            curly_bracket_expr_start_depth: -1,
            in_format_spec: false,
        });
        Ok(self.token(TokenKind::FStringStart, self.start, self.cur))
    }

    /// The next token while the innermost f-string is in literal mode.
    pub(super) fn fstring_mode(&mut self) -> Result<Token, SyntaxError> {
        let Some(&mode) = self.fstrings.last() else {
            return self.normal_mode();
        };
        let top = self.fstrings.len() - 1;
        self.start = self.cur;
        let quote = mode.quote as i32;

        // A field starts right here: nothing literal before it.
        let start_char = self.nextc();
        if start_char == b'{' as i32 {
            let peek = self.nextc();
            self.backup(peek);
            self.backup(start_char);
            if peek != b'{' as i32 {
                return self.open_field(top);
            }
        } else {
            self.backup(start_char);
        }

        // The closing quotes.
        let mut closed = true;
        for _ in 0..mode.quote_size {
            let c = self.nextc();
            if c != quote {
                self.backup(c);
                closed = false;
                break;
            }
        }
        if closed {
            self.fstrings.pop();
            return Ok(self.token(TokenKind::FStringEnd, self.start, self.cur));
        }

        // Literal text.
        let mut end_quote_size = 0;
        let mut unicode_escape = false;
        while end_quote_size != mode.quote_size {
            let c = self.nextc();
            let mode = self.fstrings[top];
            let in_format_spec = mode.in_format_spec && mode.curly_bracket_expr_start_depth >= 0;
            if c == super::EOF || (mode.quote_size == 1 && c == b'\n' as i32) {
                if in_format_spec && c == b'\n' as i32 {
                    // A line break ends a format spec; the normal mode will complain.
                    self.backup(c);
                    let mode = &mut self.fstrings[top];
                    mode.in_expr = true;
                    mode.in_format_spec = false;
                    return Ok(self.token(TokenKind::FStringMiddle, self.start, self.cur));
                }
                let detected_at = self.line_number(self.current_line_start());
                let start = mode.start as usize;
                let line_start = self.line_start_of(start);
                let msg = if mode.quote_size == 3 {
                    format!("unterminated triple-quoted f-string literal (detected at line {detected_at})")
                } else {
                    format!("unterminated f-string literal (detected at line {detected_at})")
                };
                return Err(self.tokenizer_error_at(msg, line_start, start + 1));
            }
            if c == quote {
                end_quote_size += 1;
                continue;
            }
            end_quote_size = 0;
            match c as u8 {
                b'{' => {
                    let peek = self.nextc();
                    if peek != b'{' as i32 || in_format_spec {
                        self.backup(peek);
                        self.backup(c);
                        let token = self.token(TokenKind::FStringMiddle, self.start, self.cur);
                        self.enter_field(top, true)?;
                        return Ok(token);
                    }
                    return Ok(self.token(TokenKind::FStringMiddle, self.start, self.cur - 1));
                }
                b'}' => {
                    if unicode_escape {
                        return Ok(self.token(TokenKind::FStringMiddle, self.start, self.cur));
                    }
                    let peek = self.nextc();
                    if peek == b'}' as i32 && !in_format_spec && mode.curly_bracket_depth == 0 {
                        return Ok(self.token(TokenKind::FStringMiddle, self.start, self.cur - 1));
                    }
                    self.backup(peek);
                    self.backup(c);
                    let mode = &mut self.fstrings[top];
                    mode.in_expr = true;
                    mode.in_format_spec = false;
                    return Ok(self.token(TokenKind::FStringMiddle, self.start, self.cur));
                }
                b'\\' => {
                    let backslash = self.cur - 1;
                    let peek = self.nextc();
                    if peek == b'{' as i32 || peek == b'}' as i32 {
                        if !mode.raw {
                            self.warn(
                                format!("invalid escape sequence '\\{}'", peek as u8 as char),
                                backslash,
                                self.cur,
                            );
                        }
                        self.backup(peek);
                        continue;
                    }
                    if !mode.raw && peek == b'N' as i32 {
                        let brace = self.nextc();
                        if brace == b'{' as i32 {
                            unicode_escape = true;
                        } else {
                            self.backup(brace);
                        }
                    }
                }
                _ => {}
            }
        }
        // Leave the closing quotes for the FStringEnd token.
        for _ in 0..mode.quote_size {
            self.backup(quote);
        }
        Ok(self.token(TokenKind::FStringMiddle, self.start, self.cur))
    }

    /// Enters a replacement field whose `{` is at the cursor, then reads its first token.
    fn open_field(&mut self, top: usize) -> Result<Token, SyntaxError> {
        self.enter_field(top, false)?;
        self.normal_mode()
    }

    /// Switches the f-string `top` to expression mode for a field opening at the cursor
    /// (CPython leaves the format-spec flag alone when the field opens a middle token).
    fn enter_field(&mut self, top: usize, leave_format_spec: bool) -> Result<(), SyntaxError> {
        let mode = &mut self.fstrings[top];
        mode.curly_bracket_expr_start_depth += 1;
        if mode.curly_bracket_expr_start_depth >= MAX_EXPR_NESTING {
            return Err(self.tokenizer_error("f-string: expressions nested too deeply".to_string()));
        }
        let mode = &mut self.fstrings[top];
        mode.in_expr = true;
        if leave_format_spec {
            mode.in_format_spec = false;
        }
        Ok(())
    }
}
