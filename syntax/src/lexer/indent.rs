//! Indentation at the beginning of a line (CPython's `tok_get_normal_mode`, "Get indentation
//! level").
//!
//! The leading blanks are measured twice: `col` with tabs advancing to the next multiple of 8,
//! `altcol` with tabs as a single column; a form feed resets both (for Emacs users). Every
//! comparison with the indentation stack must give the same answer for both measures, or the
//! meaning depends on the tab size: `TabError`. A backslash continuation inside the leading
//! blanks does not split the indentation: the column before the first backslash counts.
//! Lines holding only blanks and/or a comment, and lines inside brackets, leave the stack alone.

use super::Lexer;
use crate::error::{SyntaxError, SyntaxErrorKind};

/// CPython's `MAXINDENT`: at most 99 levels above the first.
const MAX_INDENT: usize = 100;
const TAB_SIZE: u32 = 8;

impl Lexer<'_> {
    /// Measures the indentation of the line starting at the cursor and queues INDENT/DEDENT
    /// tokens. Returns whether the line is blank (only blanks and/or a comment).
    pub(super) fn indentation(&mut self) -> Result<bool, SyntaxError> {
        let (mut col, mut altcol, mut cont_line_col) = (0u32, 0u32, 0u32);
        let c = loop {
            let c = self.nextc();
            match c {
                0x20 => {
                    col += 1;
                    altcol += 1;
                }
                0x09 => {
                    col = (col / TAB_SIZE + 1) * TAB_SIZE;
                    altcol += 1;
                }
                0x0c => {
                    col = 0;
                    altcol = 0;
                }
                0x5c => {
                    if cont_line_col == 0 {
                        cont_line_col = col;
                    }
                    self.continuation_line()?;
                }
                _ => break c,
            }
        };
        self.backup(c);
        let blankline = c == b'#' as i32 || c == b'\n' as i32;
        if blankline || !self.brackets.is_empty() {
            return Ok(blankline);
        }
        if cont_line_col != 0 {
            col = cont_line_col;
            altcol = cont_line_col;
        }
        let top = self.indents.len() - 1;
        let (indent, alt_indent) = (self.indents[top], self.alt_indents[top]);
        if col == indent {
            if altcol != alt_indent {
                return Err(self.indentation_error(SyntaxErrorKind::TabError));
            }
        } else if col > indent {
            if self.indents.len() >= MAX_INDENT {
                return Err(self.indentation_error(SyntaxErrorKind::IndentationError));
            }
            if altcol <= alt_indent {
                return Err(self.indentation_error(SyntaxErrorKind::TabError));
            }
            self.pending += 1;
            self.indents.push(col);
            self.alt_indents.push(altcol);
        } else {
            while self.indents.len() > 1 && col < self.indents[self.indents.len() - 1] {
                self.pending -= 1;
                self.indents.pop();
                self.alt_indents.pop();
            }
            let top = self.indents.len() - 1;
            if col != self.indents[top] {
                // CPython reports the end of the offending line (`tok->cur = tok->inp`), the
                // line of the first token after any backslash continuation.
                let line_start = self.line_start_of(self.cur);
                let line_end = self.line_end(line_start);
                return Err(self.parser_error(
                    SyntaxErrorKind::IndentationError,
                    "unindent does not match any outer indentation level",
                    line_start,
                    (line_end - line_start) as i64,
                    -1,
                ));
            }
            if altcol != self.alt_indents[top] {
                return Err(self.indentation_error(SyntaxErrorKind::TabError));
            }
        }
        Ok(false)
    }

    /// `TabError` or `too many levels of indentation`, reported at the start of the line.
    fn indentation_error(&self, kind: SyntaxErrorKind) -> SyntaxError {
        let msg = match kind {
            SyntaxErrorKind::TabError => "inconsistent use of tabs and spaces in indentation",
            _ => "too many levels of indentation",
        };
        self.parser_error(kind, msg, self.line_start_of(self.cur), 1, 0)
    }

    /// End of the line starting at `line_start`, its line break included (a missing final
    /// line break counts as one byte, as CPython appends it).
    pub(super) fn line_end(&self, line_start: usize) -> usize {
        let rest = &self.bytes[line_start.min(self.bytes.len())..];
        match rest.iter().position(|&b| b == b'\n' || b == b'\r') {
            Some(i) if rest[i] == b'\r' && rest.get(i + 1) == Some(&b'\n') => line_start + i + 1,
            Some(i) => line_start + i + 1,
            None => line_start + rest.len() + usize::from(self.virtual_newline),
        }
    }
}
