//! `SyntaxError` and its relatives, positioned as CPython positions them.
//!
//! CPython's `SyntaxError` carries `msg`, `lineno`, `offset`, `end_lineno`, `end_offset` and
//! `text` (the offending line). Lines are 1-based; offsets are 1-based and count *characters*
//! (code points), not bytes — CPython converts the parser's byte columns with
//! `_PyPegen_byte_offset_to_character_offset`. The fields are signed and hold CPython's values
//! exactly: CPython's `compile()` reports an `offset`/`end_offset` of -1 for many tokenizer
//! errors (unexpected indent, unindent mismatch, EOF after a backslash, decoding errors, ...)
//! and 0 for a few more. Where CPython's attribute is `None` (an error without a line, such as
//! null bytes in the source, or the end of a symbol-table error) the field is 0.
//!
//! Errors are built from byte ranges with [`SyntaxError::at`] (the usual case) or with explicit
//! positions with [`SyntaxError::with_position`] (where CPython's position is not a range of the
//! source, e.g. errors reported at end of file).

use crate::token::TextRange;
use std::fmt;

/// Which exception class CPython raises.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash)]
pub enum SyntaxErrorKind {
    SyntaxError,
    IndentationError,
    TabError,
    /// `MemoryError: Parser stack overflowed - Python source too complex to parse` (input nested
    /// deeper than CPython's parser allows; not a `SyntaxError` subclass in CPython).
    MemoryError,
    /// `RecursionError: maximum recursion depth exceeded during compilation`: an AST nested
    /// deeper than CPython's compiler passes allow (not a `SyntaxError` subclass either).
    RecursionError,
}

impl SyntaxErrorKind {
    pub const fn name(self) -> &'static str {
        match self {
            SyntaxErrorKind::SyntaxError => "SyntaxError",
            SyntaxErrorKind::IndentationError => "IndentationError",
            SyntaxErrorKind::TabError => "TabError",
            SyntaxErrorKind::MemoryError => "MemoryError",
            SyntaxErrorKind::RecursionError => "RecursionError",
        }
    }
}

/// A compile-time error with CPython's message and position.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SyntaxError {
    pub kind: SyntaxErrorKind,
    pub msg: String,
    /// 1-based line of the start (0: CPython's `None` or 0, no line).
    pub lineno: i32,
    /// 1-based character column of the start (0 or -1 as CPython reports them; 0 also for `None`).
    pub offset: i32,
    /// 1-based line of the end (0: none).
    pub end_lineno: i32,
    /// 1-based character column just past the end (0 or -1 as CPython reports them; 0 also for
    /// `None`).
    pub end_offset: i32,
    /// The source line `lineno` (with its newline if it has one), as CPython's `text`.
    pub text: Option<String>,
}

impl SyntaxError {
    /// An error of `kind` covering the byte range `range` of `source`.
    pub fn at(kind: SyntaxErrorKind, msg: impl Into<String>, source: &str, range: TextRange) -> SyntaxError {
        let index = LineIndex::new(source);
        let (lineno, col) = index.line_col_chars(source, range.start);
        let (end_lineno, end_col) = index.line_col_chars(source, range.end);
        SyntaxError {
            kind,
            msg: msg.into(),
            lineno: position(lineno),
            offset: position(col + 1),
            end_lineno: position(end_lineno),
            end_offset: position(end_col + 1),
            text: Some(index.line_text(source, lineno).to_string()),
        }
    }

    /// A plain `SyntaxError` covering `range`.
    pub fn syntax(msg: impl Into<String>, source: &str, range: TextRange) -> SyntaxError {
        SyntaxError::at(SyntaxErrorKind::SyntaxError, msg, source, range)
    }

    /// An error with explicit CPython positions (1-based lines and character offsets; 0 or -1
    /// where CPython has them). `text` is taken from `source` at `lineno` when that line exists.
    pub fn with_position(
        kind: SyntaxErrorKind,
        msg: impl Into<String>,
        source: &str,
        (lineno, offset): (i32, i32),
        (end_lineno, end_offset): (i32, i32),
    ) -> SyntaxError {
        let index = LineIndex::new(source);
        let text = (lineno >= 1 && (lineno as usize) <= index.line_count())
            .then(|| index.line_text(source, lineno as u32).to_string());
        SyntaxError { kind, msg: msg.into(), lineno, offset, end_lineno, end_offset, text }
    }
}

/// A line or column as a `SyntaxError` field (sources are at most 4 GiB, so a position past
/// `i32::MAX` only comes from a pathological input; it saturates rather than wrapping negative).
pub fn position(value: u32) -> i32 {
    i32::try_from(value).unwrap_or(i32::MAX)
}

impl fmt::Display for SyntaxError {
    /// `msg (line N)`, as `str()` of a CPython `SyntaxError` without a file name.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} (line {})", self.msg, self.lineno)
    }
}

impl std::error::Error for SyntaxError {}

/// Where each line starts, for turning byte offsets into lines and columns.
#[derive(Clone, Debug)]
pub struct LineIndex {
    /// Byte offset of the start of each line; `starts[0] == 0`.
    starts: Vec<u32>,
}

impl LineIndex {
    /// Lines end at `\n`, `\r\n` or a lone `\r`, as CPython's tokenizer sees them.
    /// (`memchr` finds the line ends: the front end builds an index per pass, and a byte loop
    /// was 5% of compiling the import system's 1 000 lines.)
    pub fn new(source: &str) -> LineIndex {
        let bytes = source.as_bytes();
        let mut starts = vec![0u32];
        // The `\n` of a `\r\n` pair, already counted with its `\r`.
        let mut pair_end = None;
        for i in memchr::memchr2_iter(b'\n', b'\r', bytes) {
            if pair_end == Some(i) {
                continue;
            }
            if bytes[i] == b'\r' && bytes.get(i + 1) == Some(&b'\n') {
                starts.push(i as u32 + 2);
                pair_end = Some(i + 1);
            } else {
                starts.push(i as u32 + 1);
            }
        }
        LineIndex { starts }
    }

    /// Number of lines (a source ending in a newline has an empty last line that is not counted).
    pub fn line_count(&self) -> usize {
        self.starts.len()
    }

    /// 1-based line and 0-based *byte* column of `offset` (CPython's `lineno`/`col_offset`).
    pub fn line_col(&self, offset: u32) -> (u32, u32) {
        let line = self.starts.partition_point(|&s| s <= offset) - 1;
        (line as u32 + 1, offset - self.starts[line])
    }

    /// 1-based line and 0-based *character* column of `offset` (for `SyntaxError.offset`).
    pub fn line_col_chars(&self, source: &str, offset: u32) -> (u32, u32) {
        let (line, _) = self.line_col(offset);
        let start = self.starts[line as usize - 1] as usize;
        let end = (offset as usize).min(source.len());
        let col = source.get(start..end).map_or(end - start, |s| s.chars().count());
        (line, col as u32)
    }

    /// Byte offset where 1-based `line` starts.
    pub fn line_start(&self, line: u32) -> u32 {
        self.starts[line as usize - 1]
    }

    /// The text of 1-based `line`, with its line ending.
    pub fn line_text<'s>(&self, source: &'s str, line: u32) -> &'s str {
        let i = line as usize - 1;
        let start = self.starts.get(i).map_or(source.len(), |&s| s as usize);
        let end = self.starts.get(i + 1).map_or(source.len(), |&s| s as usize);
        &source[start.min(source.len())..end.min(source.len())]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_index_counts_bytes_and_characters() {
        let src = "a = 1\nb = 'é' + x\r\nc\rd";
        let ix = LineIndex::new(src);
        assert_eq!(ix.line_count(), 4);
        let x = src.find('x').unwrap() as u32;
        assert_eq!(ix.line_col(x), (2, 11));
        assert_eq!(ix.line_col_chars(src, x), (2, 10));
        assert_eq!(ix.line_text(src, 2), "b = 'é' + x\r\n");
        assert_eq!(ix.line_text(src, 3), "c\r");
        assert_eq!(ix.line_col(src.len() as u32), (4, 1));
    }

    #[test]
    fn only_a_carriage_return_then_a_newline_is_one_line_end() {
        let ix = LineIndex::new("a\r\r\nb\n\rc\r\n");
        assert_eq!(ix.starts, [0, 2, 4, 6, 7, 10]);
        assert_eq!(LineIndex::new("").starts, [0]);
        assert_eq!(LineIndex::new("\r").starts, [0, 1]);
    }

    #[test]
    fn errors_at_a_range_use_one_based_character_offsets() {
        let src = "s = 'é'; (1,\n";
        let start = src.find('(').unwrap() as u32;
        let e = SyntaxError::syntax("'(' was never closed", src, TextRange::new(start, start + 1));
        assert_eq!((e.lineno, e.offset, e.end_lineno, e.end_offset), (1, 10, 1, 11));
        assert_eq!(e.text.as_deref(), Some(src));
        assert_eq!(e.to_string(), "'(' was never closed (line 1)");
    }
}

/// A `SyntaxWarning` the front end reports (CPython's `_PyErr_WarnExplicitObject(PyExc_SyntaxWarning,
/// msg, filename, lineno, ...)` from the tokenizer, the string parser and the compiler): the
/// runtime hands it to the `warnings` machinery, which shows it or turns it into an error.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SyntaxWarning {
    pub msg: String,
    /// 1-based line of the token or node it is about.
    pub lineno: usize,
    /// Where the `SyntaxError` it becomes under an `error` filter points: CPython's 1-based
    /// character offsets of the token or node.
    pub offset: usize,
    pub end_lineno: usize,
    pub end_offset: usize,
}

impl SyntaxWarning {
    /// A warning about the text at `range` of `source`.
    pub fn at(msg: String, source: &str, index: &LineIndex, range: TextRange) -> SyntaxWarning {
        let (lineno, col) = index.line_col_chars(source, range.start);
        let (end_lineno, end_col) = index.line_col_chars(source, range.end);
        SyntaxWarning {
            msg,
            lineno: lineno as usize,
            offset: col as usize + 1,
            end_lineno: end_lineno as usize,
            end_offset: end_col as usize + 1,
        }
    }
}
