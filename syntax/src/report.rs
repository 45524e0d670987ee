//! Printing a [`SyntaxError`] exactly as CPython 3.13 prints an uncaught one.
//!
//! `python3.13 x.py` with a syntax error prints, on stderr and without a traceback header:
//!
//! ```text
//!   File "x.py", line 3
//!     if x = 1:
//!        ^^^^^
//! SyntaxError: invalid syntax. Maybe you meant '==' or ':=' instead of '='?
//! ```
//!
//! In 3.13 that text comes from `traceback.TracebackException._format_syntax_error` (the
//! interpreter's excepthook goes through the `traceback` module). Its rules, ported here:
//!
//! * the source line is `text` without its trailing `\n`s (`rtext`), then without leading
//!   spaces, newlines and form feeds (`ltext`); `spaces` is how many characters that removed;
//! * with no usable offset (CPython's `None`, or an offset that points before the stripped
//!   text, such as 0 or -1) only the line is printed, without markers;
//! * the marker runs from `offset` to `end_offset` (1-based characters): when the error ends on
//!   another line it runs to the end of this one, and an `end_offset` of 0 (or `None`) means
//!   "one character"; offsets past the line (it counts the newline) are clamped to just past its
//!   end; an empty or reversed range (an `end_offset` of -1 among them) becomes one character;
//! * the spaces before the marker copy every whitespace character (tabs, form feeds) of the
//!   stripped line, so that the carets line up under a terminal's tab stops;
//! * the last line is `ClassName: msg` (`<no detail available>` for an empty message);
//! * an error without a line (CPython's `lineno` `None`, pyrt's 0 with an `offset` of 0: null
//!   bytes in the source) prints that line alone. CPython's decoding errors have a real `lineno`
//!   of 0 with an `offset` of -1, and print `line 0`.
//!
//! The parser's `MemoryError` ("Parser stack overflowed") and the compiler's `RecursionError`
//! ("maximum recursion depth exceeded during compilation") are not `SyntaxError`s: CPython
//! prints them as any exception raised before the first frame, the last line alone.
//!
//! All lengths are in characters (code points), as Python's `len(str)`.

use crate::error::{SyntaxError, SyntaxErrorKind};

impl SyntaxError {
    /// What CPython 3.13 writes on stderr when this error, raised while compiling `filename`,
    /// is not caught (colours off). Ends with a newline.
    pub fn format_report(&self, filename: &str) -> String {
        if matches!(self.kind, SyntaxErrorKind::MemoryError | SyntaxErrorKind::RecursionError) {
            return format!("{}: {}\n", self.kind.name(), self.msg);
        }
        let mut out = String::new();
        // Line 0 with offset 0 is CPython's `lineno = None` (null bytes in the source): then it
        // prints neither the location nor the line. (CPython's own line 0 comes with offset -1.)
        if self.lineno != 0 || self.offset != 0 {
            out.push_str(&format!("  File \"{}\", line {}\n", filename, self.lineno));
            if let Some(text) = &self.text {
                push_source_and_markers(&mut out, self, text);
            }
        }
        let msg = if self.msg.is_empty() { "<no detail available>" } else { &self.msg };
        out.push_str(self.kind.name());
        out.push_str(": ");
        out.push_str(msg);
        out.push('\n');
        out
    }
}

/// The `    <line>` and `    ^^^` lines of the report.
fn push_source_and_markers(out: &mut String, error: &SyntaxError, text: &str) {
    let rtext = text.trim_end_matches('\n');
    let ltext = rtext.trim_start_matches([' ', '\n', '\x0c']);
    let text_len = text.chars().count() as i64;
    let rtext_len = rtext.chars().count() as i64;
    let spaces = rtext_len - ltext.chars().count() as i64;

    out.push_str("    ");
    out.push_str(ltext);
    out.push('\n');

    let mut offset = i64::from(error.offset);
    let mut end_offset = if error.lineno == error.end_lineno {
        if error.end_offset == 0 { offset } else { i64::from(error.end_offset) }
    } else {
        rtext_len + 1
    };
    if !text.is_empty() && offset > text_len {
        offset = rtext_len + 1;
    }
    if !text.is_empty() && end_offset > text_len {
        end_offset = rtext_len + 1;
    }
    if offset >= end_offset || end_offset < 0 {
        end_offset = offset + 1;
    }
    let colno = offset - 1 - spaces;
    let end_colno = end_offset - 1 - spaces;
    if colno < 0 {
        return;
    }
    out.push_str("    ");
    out.extend(ltext.chars().take(colno as usize).map(|c| if is_python_space(c) { c } else { ' ' }));
    out.extend(std::iter::repeat_n('^', (end_colno - colno) as usize));
    out.push('\n');
}

/// Python's `str.isspace`: Unicode White_Space plus the information separators U+001C..U+001F
/// (bidirectional class B or S), which Rust's `char::is_whitespace` leaves out.
fn is_python_space(c: char) -> bool {
    c.is_whitespace() || ('\x1c'..='\x1f').contains(&c)
}

#[cfg(test)]
mod tests {
    use crate::error::{SyntaxError, SyntaxErrorKind};

    fn error(kind: SyntaxErrorKind, msg: &str, text: Option<&str>, pos: (i32, i32, i32, i32)) -> SyntaxError {
        SyntaxError {
            kind,
            msg: msg.to_string(),
            lineno: pos.0,
            offset: pos.1,
            end_lineno: pos.2,
            end_offset: pos.3,
            text: text.map(str::to_string),
        }
    }

    #[test]
    fn marks_the_range_under_the_stripped_line() {
        let e = error(SyntaxErrorKind::SyntaxError, "'return' outside function", Some("    return 5\n"), (2, 5, 2, 13));
        assert_eq!(
            e.format_report("x.py"),
            "  File \"x.py\", line 2\n    return 5\n    ^^^^^^^^\nSyntaxError: 'return' outside function\n"
        );
    }

    #[test]
    fn an_end_on_another_line_runs_to_the_end_of_this_one() {
        let e = error(SyntaxErrorKind::SyntaxError, "m", Some("x = (1,\n"), (1, 5, 3, 1));
        assert_eq!(e.format_report("f.py"), "  File \"f.py\", line 1\n    x = (1,\n        ^^^\nSyntaxError: m\n");
    }

    #[test]
    fn no_end_offset_means_one_caret_and_no_offset_means_no_caret() {
        let e = error(SyntaxErrorKind::SyntaxError, "m", Some("x = (1,\n"), (1, 5, 1, 0));
        assert!(e.format_report("f").contains("\n        ^\n"));
        let e = error(SyntaxErrorKind::TabError, "inconsistent", Some("        pass\n"), (3, 0, 0, 0));
        assert_eq!(e.format_report("f"), "  File \"f\", line 3\n    pass\nTabError: inconsistent\n");
    }

    #[test]
    fn offsets_past_the_line_are_clamped_and_tabs_are_kept() {
        let e = error(SyntaxErrorKind::SyntaxError, "m", Some("\tab\tc\n"), (1, 5, 1, 40));
        // Tabs are not stripped, and the ones before the caret are copied into its indentation.
        assert_eq!(e.format_report("f"), "  File \"f\", line 1\n    \tab\tc\n    \t  \t^\nSyntaxError: m\n");
        let e = error(SyntaxErrorKind::SyntaxError, "", Some("ab"), (1, 9, 1, 9));
        assert_eq!(e.format_report("f"), "  File \"f\", line 1\n    ab\n      ^\nSyntaxError: <no detail available>\n");
    }

    #[test]
    fn counts_characters_not_bytes() {
        let e = error(SyntaxErrorKind::SyntaxError, "m", Some("é = €\n"), (1, 5, 1, 6));
        assert_eq!(e.format_report("f"), "  File \"f\", line 1\n    é = €\n        ^\nSyntaxError: m\n");
    }

    #[test]
    fn the_parsers_memory_error_prints_as_a_plain_exception() {
        let msg = "Parser stack overflowed - Python source too complex to parse";
        let e = error(SyntaxErrorKind::MemoryError, msg, Some("x = ----1\n"), (1, 5, 1, 6));
        assert_eq!(e.format_report("deep.py"), format!("MemoryError: {msg}\n"));
    }

    #[test]
    fn the_compilers_recursion_error_prints_as_a_plain_exception() {
        // `python3.13 deep.py` with `1+1+...+1` (20,000 terms) prints exactly this on stderr.
        let msg = "maximum recursion depth exceeded during compilation";
        let e = error(SyntaxErrorKind::RecursionError, msg, None, (0, 0, 0, 0));
        assert_eq!(e.format_report("deep.py"), format!("RecursionError: {msg}\n"));
    }

    #[test]
    fn no_line_prints_only_the_message() {
        let e = error(SyntaxErrorKind::SyntaxError, "source code string cannot contain null bytes", None, (0, 0, 0, 0));
        assert_eq!(e.format_report("n.py"), "SyntaxError: source code string cannot contain null bytes\n");
    }

    #[test]
    fn minus_one_offsets_print_as_cpython_prints_them() {
        // `unexpected indent`: CPython's end_offset is -1, which gives one caret.
        let e = error(SyntaxErrorKind::IndentationError, "unexpected indent", Some("  x = 1\n"), (2, 3, 2, -1));
        assert_eq!(
            e.format_report("f"),
            "  File \"f\", line 2\n    x = 1\n    ^\nIndentationError: unexpected indent\n"
        );
        // A decoding error: line 0, offset -1, no text.
        let e = error(SyntaxErrorKind::SyntaxError, "unknown encoding: bogus", None, (0, -1, 0, 0));
        assert_eq!(e.format_report("f"), "  File \"f\", line 0\nSyntaxError: unknown encoding: bogus\n");
    }

    #[test]
    fn no_text_prints_only_the_location_and_message() {
        let e = error(SyntaxErrorKind::IndentationError, "unexpected indent", None, (4, 1, 4, 2));
        assert_eq!(e.format_report("m.py"), "  File \"m.py\", line 4\nIndentationError: unexpected indent\n");
    }
}
