//! Source locations of instructions, as CPython's compiler keeps them (`_Py_SourceLocation`).
//!
//! A location is four `i32`s: 1-based start and end line, 0-based start and end column counted in
//! UTF-8 bytes (the AST's `col_offset`/`end_col_offset`). `-1` in a field means "absent", and
//! [`Location::NO_LOCATION`] (all `-1`) marks instructions the compiler synthesised (an implicit
//! `return None`, exception-handler cleanup); the CFG passes give such instructions the line of
//! their neighbours where CPython does (`resolve_line_numbers`).

/// Where an instruction comes from in the source.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub struct Location {
    /// 1-based first line, or -1.
    pub lineno: i32,
    /// 1-based last line, or -1.
    pub end_lineno: i32,
    /// 0-based UTF-8 byte column of the start, or -1.
    pub col_offset: i32,
    /// 0-based UTF-8 byte column just past the end, or -1.
    pub end_col_offset: i32,
}

impl Location {
    /// No location at all (CPython's `NO_LOCATION`).
    pub const NO_LOCATION: Location = Location { lineno: -1, end_lineno: -1, col_offset: -1, end_col_offset: -1 };

    /// A location from its four fields.
    pub const fn new(lineno: i32, end_lineno: i32, col_offset: i32, end_col_offset: i32) -> Location {
        Location { lineno, end_lineno, col_offset, end_col_offset }
    }

    /// A whole line without columns.
    pub const fn line(lineno: i32) -> Location {
        Location { lineno, end_lineno: lineno, col_offset: -1, end_col_offset: -1 }
    }

    /// Whether this is [`Location::NO_LOCATION`] (no line).
    pub const fn is_none(self) -> bool {
        self.lineno < 0
    }

    /// The four fields as `co_positions()` yields them (`None` for absent ones).
    pub fn as_positions(self) -> (Option<i32>, Option<i32>, Option<i32>, Option<i32>) {
        let field = |v: i32| (v >= 0).then_some(v);
        (field(self.lineno), field(self.end_lineno), field(self.col_offset), field(self.end_col_offset))
    }
}

impl Default for Location {
    fn default() -> Location {
        Location::NO_LOCATION
    }
}
