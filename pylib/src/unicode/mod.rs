//! What `str` methods need from the Unicode database, per CPython 3.13 (Unicode 15.1).
//!
//! The character properties and full case mappings are tables generated from CPython 3.13's
//! own answers by `tools/gen_unicode_tables.py` ([`tables`]): sorted inclusive ranges for each
//! property (looked up by binary search, with an ASCII fast path) and sorted code point →
//! up-to-three-code-points maps for lower/upper/title/casefold. Using CPython's database
//! rather than Rust's (`char::is_alphabetic` follows Rust's newer Unicode version) keeps every
//! answer identical for characters added since 15.1.
//!
//! On top of them, the string algorithms of `Objects/unicodeobject.c`:
//!
//! * `lower()` maps capital sigma to final `ς` when it ends a word — preceded by a cased
//!   character (skipping case-ignorable ones) and not followed by one (same skipping) — else
//!   `σ`; `capitalize()` titlecases the first character and lowercases the rest;
//!   `title()` titlecases a character after an uncased one and lowercases after a cased one;
//!   `swapcase()` lowercases upper-case and upper-cases lower-case characters.
//! * `islower()`/`isupper()`/`istitle()` use the cased/lower/upper/title flags as CPython does.
//! * `splitlines()` breaks at `\n \r \r\n \v \f \x1c \x1d \x1e \x85 \u2028 \u2029`;
//!   `split()` without a separator splits on runs of Python whitespace.
//!
//! Surrogate code points cannot occur in a Rust `str`; everything else matches CPython.

pub mod tables;

use tables::*;

#[inline]
fn in_ranges(table: &[(u32, u32)], c: char) -> bool {
    let cp = c as u32;
    table
        .binary_search_by(|&(lo, hi)| {
            if hi < cp {
                std::cmp::Ordering::Less
            } else if lo > cp {
                std::cmp::Ordering::Greater
            } else {
                std::cmp::Ordering::Equal
            }
        })
        .is_ok()
}

/// `c.isalpha()`.
#[inline]
pub fn is_alpha(c: char) -> bool {
    if c.is_ascii() { c.is_ascii_alphabetic() } else { in_ranges(ALPHA, c) }
}

/// `c.isdecimal()` (category Nd).
#[inline]
pub fn is_decimal(c: char) -> bool {
    if c.is_ascii() { c.is_ascii_digit() } else { in_ranges(DECIMAL, c) }
}

/// `c.isdigit()` (decimal digits and other digits such as superscripts).
#[inline]
pub fn is_digit(c: char) -> bool {
    if c.is_ascii() { c.is_ascii_digit() } else { in_ranges(DIGIT, c) }
}

/// `c.isnumeric()` (any numeric value: digits, fractions, numerals).
#[inline]
pub fn is_numeric(c: char) -> bool {
    if c.is_ascii() { c.is_ascii_digit() } else { in_ranges(NUMERIC, c) }
}

/// `c.isalnum()`: alpha, decimal, digit or numeric.
#[inline]
pub fn is_alnum(c: char) -> bool {
    if c.is_ascii() { c.is_ascii_alphanumeric() } else { is_alpha(c) || is_decimal(c) || is_digit(c) || is_numeric(c) }
}

/// `c.isspace()`: Python's whitespace (bidirectional class WS, B or S, or category Zs).
#[inline]
pub fn is_space(c: char) -> bool {
    if c.is_ascii() { matches!(c, '\t'..='\r' | '\x1c'..='\x20') } else { in_ranges(SPACE, c) }
}

/// `c.isprintable()`.
#[inline]
pub fn is_printable(c: char) -> bool {
    if c.is_ascii() { (' '..='~').contains(&c) } else { in_ranges(PRINTABLE, c) }
}

/// `c.islower()` (the Lowercase property).
#[inline]
pub fn is_lower(c: char) -> bool {
    if c.is_ascii() { c.is_ascii_lowercase() } else { in_ranges(LOWER, c) }
}

/// `c.isupper()` (the Uppercase property).
#[inline]
pub fn is_upper(c: char) -> bool {
    if c.is_ascii() { c.is_ascii_uppercase() } else { in_ranges(UPPER, c) }
}

/// Category Lt (title-case letters such as `ǅ`).
#[inline]
pub fn is_title(c: char) -> bool {
    !c.is_ascii() && in_ranges(TITLE, c)
}

/// The Cased property: lower, upper or title case.
#[inline]
pub fn is_cased(c: char) -> bool {
    if c.is_ascii() { c.is_ascii_alphabetic() } else { in_ranges(CASED, c) }
}

/// The Case_Ignorable property (apostrophes, combining marks, modifiers, ...).
#[inline]
pub fn is_case_ignorable(c: char) -> bool {
    in_ranges(CASE_IGNORABLE, c)
}

/// XID_Start (an identifier may start with it; `_` is allowed separately).
#[inline]
pub fn is_xid_start(c: char) -> bool {
    if c.is_ascii() { c.is_ascii_alphabetic() } else { in_ranges(XID_START, c) }
}

/// XID_Continue.
#[inline]
pub fn is_xid_continue(c: char) -> bool {
    if c.is_ascii() { c.is_ascii_alphanumeric() || c == '_' } else { in_ranges(XID_CONTINUE, c) }
}

/// A line boundary for `str.splitlines()`.
#[inline]
pub fn is_linebreak(c: char) -> bool {
    matches!(c, '\n'..='\r' | '\x1c'..='\x1e' | '\u{85}' | '\u{2028}' | '\u{2029}')
}

/// `unicodedata.decimal(c)`: the value of a decimal digit of any script.
pub fn decimal_value(c: char) -> Option<u32> {
    if c.is_ascii() {
        return c.to_digit(10);
    }
    let cp = c as u32;
    let i = DECIMAL.partition_point(|&(_, hi)| hi < cp);
    let &(lo, hi) = DECIMAL.get(i)?;
    // Decimal digits come in complete runs of ten, 0 to 9, so a range is whole runs.
    (lo <= cp && cp <= hi).then(|| (cp - lo) % 10)
}

/// A full case mapping of one character: one to three characters.
fn mapped(table: &[(u32, [u32; 3])], c: char) -> Option<[u32; 3]> {
    let cp = c as u32;
    table.binary_search_by_key(&cp, |&(k, _)| k).ok().map(|i| table[i].1)
}

#[inline]
fn push_mapping(table: &[(u32, [u32; 3])], c: char, out: &mut String) {
    match mapped(table, c) {
        None => out.push(c),
        Some(m) => {
            for cp in m.into_iter().take_while(|&cp| cp != 0) {
                // The tables hold scalar values only (generated from Python str results).
                out.extend(char::from_u32(cp));
            }
        }
    }
}

/// Appends the full lowercase mapping of `c` (ignoring context).
#[inline]
pub fn push_lower(c: char, out: &mut String) {
    if c.is_ascii() { out.push(c.to_ascii_lowercase()) } else { push_mapping(LOWER_MAP, c, out) }
}

/// Appends the full uppercase mapping of `c` (`'ß'` → `"SS"`).
#[inline]
pub fn push_upper(c: char, out: &mut String) {
    if c.is_ascii() { out.push(c.to_ascii_uppercase()) } else { push_mapping(UPPER_MAP, c, out) }
}

/// Appends the full titlecase mapping of `c`.
#[inline]
pub fn push_title(c: char, out: &mut String) {
    if c.is_ascii() { out.push(c.to_ascii_uppercase()) } else { push_mapping(TITLE_MAP, c, out) }
}

/// Appends the full case folding of `c`.
#[inline]
pub fn push_fold(c: char, out: &mut String) {
    if c.is_ascii() { out.push(c.to_ascii_lowercase()) } else { push_mapping(FOLD_MAP, c, out) }
}

const CAPITAL_SIGMA: char = '\u{3a3}';

/// CPython's `handle_capital_sigma`: `ς` when the sigma at byte `i` of `s` ends a word.
fn sigma_at(s: &str, i: usize) -> char {
    let before = s[..i].chars().rev().find(|&c| !is_case_ignorable(c));
    let mut final_sigma = before.is_some_and(is_cased);
    if final_sigma {
        let after = s[i + CAPITAL_SIGMA.len_utf8()..].chars().find(|&c| !is_case_ignorable(c));
        final_sigma = after.is_none_or(|c| !is_cased(c));
    }
    if final_sigma { '\u{3c2}' } else { '\u{3c3}' }
}

/// `lower_ucs4`: the lowercase of the character at byte `i`, with the final-sigma rule.
#[inline]
fn push_lower_at(s: &str, i: usize, c: char, out: &mut String) {
    if c == CAPITAL_SIGMA { out.push(sigma_at(s, i)) } else { push_lower(c, out) }
}

/// Appends `s.lower()`.
pub fn lower(s: &str, out: &mut String) {
    out.reserve(s.len());
    if s.is_ascii() {
        let start = out.len();
        out.push_str(s);
        out[start..].make_ascii_lowercase();
        return;
    }
    for (i, c) in s.char_indices() {
        push_lower_at(s, i, c, out);
    }
}

/// Appends `s.upper()`.
pub fn upper(s: &str, out: &mut String) {
    out.reserve(s.len());
    if s.is_ascii() {
        let start = out.len();
        out.push_str(s);
        out[start..].make_ascii_uppercase();
        return;
    }
    s.chars().for_each(|c| push_upper(c, out));
}

/// Appends `s.casefold()`.
pub fn casefold(s: &str, out: &mut String) {
    out.reserve(s.len());
    s.chars().for_each(|c| push_fold(c, out));
}

/// Appends `s.capitalize()`: the first character titlecased, the rest lowercased.
pub fn capitalize(s: &str, out: &mut String) {
    out.reserve(s.len());
    let mut chars = s.char_indices();
    if let Some((_, first)) = chars.next() {
        push_title(first, out);
    }
    for (i, c) in chars {
        push_lower_at(s, i, c, out);
    }
}

/// Appends `s.title()`.
pub fn title(s: &str, out: &mut String) {
    out.reserve(s.len());
    let mut previous_is_cased = false;
    for (i, c) in s.char_indices() {
        if previous_is_cased {
            push_lower_at(s, i, c, out);
        } else {
            push_title(c, out);
        }
        previous_is_cased = is_cased(c);
    }
}

/// Appends `s.swapcase()`.
pub fn swapcase(s: &str, out: &mut String) {
    out.reserve(s.len());
    for (i, c) in s.char_indices() {
        if is_upper(c) {
            push_lower_at(s, i, c, out);
        } else if is_lower(c) {
            push_upper(c, out);
        } else {
            out.push(c);
        }
    }
}

/// `s.islower()`: at least one cased character and no upper- or title-case ones.
pub fn str_islower(s: &str) -> bool {
    let mut cased = false;
    for c in s.chars() {
        if is_upper(c) || is_title(c) {
            return false;
        }
        cased |= is_lower(c);
    }
    cased
}

/// `s.isupper()`: at least one cased character and no lower- or title-case ones.
pub fn str_isupper(s: &str) -> bool {
    let mut cased = false;
    for c in s.chars() {
        if is_lower(c) || is_title(c) {
            return false;
        }
        cased |= is_upper(c);
    }
    cased
}

/// `s.istitle()`: upper/title-case characters only after uncased ones, lower-case only after
/// cased ones, and at least one cased character.
pub fn str_istitle(s: &str) -> bool {
    let mut cased = false;
    let mut previous_is_cased = false;
    for c in s.chars() {
        if is_upper(c) || is_title(c) {
            if previous_is_cased {
                return false;
            }
            previous_is_cased = true;
            cased = true;
        } else if is_lower(c) {
            if !previous_is_cased {
                return false;
            }
            previous_is_cased = true;
            cased = true;
        } else {
            previous_is_cased = false;
        }
    }
    cased
}

/// `s.isidentifier()`: an XID_Start character or `_`, then XID_Continue characters.
pub fn str_isidentifier(s: &str) -> bool {
    let mut chars = s.chars();
    match chars.next() {
        Some(c) if c == '_' || is_xid_start(c) => chars.all(is_xid_continue),
        _ => false,
    }
}

/// `s.isprintable()` (true for the empty string).
pub fn str_isprintable(s: &str) -> bool {
    s.chars().all(is_printable)
}

/// True when `s` is non-empty and `pred` holds for every character (`isalpha`, `isdigit`, ...).
#[inline]
pub fn str_all(s: &str, pred: impl Fn(char) -> bool) -> bool {
    !s.is_empty() && s.chars().all(pred)
}

/// The lines of `s.splitlines(keepends)`.
pub fn splitlines(s: &str, keepends: bool) -> SplitLines<'_> {
    SplitLines { rest: s, keepends }
}

/// Iterator returned by [`splitlines`].
pub struct SplitLines<'a> {
    rest: &'a str,
    keepends: bool,
}

impl<'a> Iterator for SplitLines<'a> {
    type Item = &'a str;

    fn next(&mut self) -> Option<&'a str> {
        if self.rest.is_empty() {
            return None;
        }
        let s = self.rest;
        for (i, c) in s.char_indices() {
            if is_linebreak(c) {
                let mut end = i + c.len_utf8();
                if c == '\r' && s[end..].starts_with('\n') {
                    end += 1;
                }
                self.rest = &s[end..];
                return Some(if self.keepends { &s[..end] } else { &s[..i] });
            }
        }
        self.rest = "";
        Some(s)
    }
}

/// `s.split(None, maxsplit)` (`maxsplit < 0` means no limit): the runs of non-whitespace.
pub fn split_whitespace(s: &str, maxsplit: isize) -> Vec<&str> {
    split_whitespace_iter(s, maxsplit).collect()
}

/// The pieces of [`split_whitespace`], one at a time (for a caller that stores each piece
/// where it goes without a `Vec` in between).
pub fn split_whitespace_iter(s: &str, maxsplit: isize) -> SplitWhitespace<'_> {
    SplitWhitespace { rest: s.trim_start_matches(is_space), splits: 0, maxsplit }
}

/// The iterator of [`split_whitespace_iter`].
pub struct SplitWhitespace<'a> {
    /// What is left to split, its leading whitespace already skipped.
    rest: &'a str,
    splits: isize,
    maxsplit: isize,
}

impl<'a> Iterator for SplitWhitespace<'a> {
    type Item = &'a str;

    fn next(&mut self) -> Option<&'a str> {
        if self.rest.is_empty() {
            return None;
        }
        if self.maxsplit >= 0 && self.splits >= self.maxsplit {
            // The unsplit remainder keeps its trailing whitespace, as in CPython.
            return Some(std::mem::take(&mut self.rest));
        }
        match self.rest.find(is_space) {
            Some(end) => {
                let piece = &self.rest[..end];
                self.rest = self.rest[end..].trim_start_matches(is_space);
                self.splits += 1;
                Some(piece)
            }
            None => Some(std::mem::take(&mut self.rest)),
        }
    }
}

/// `s.rsplit(None, maxsplit)`, in left-to-right order.
pub fn rsplit_whitespace(s: &str, maxsplit: isize) -> Vec<&str> {
    let mut parts = Vec::new();
    let mut rest = s.trim_end_matches(is_space);
    let mut splits = 0;
    while !rest.is_empty() {
        if maxsplit >= 0 && splits >= maxsplit {
            // The unsplit remainder keeps its leading whitespace, as in CPython.
            parts.push(rest);
            break;
        }
        match rest.rfind(is_space) {
            Some(start) => {
                let ws_len = rest[start..].chars().next().map_or(1, char::len_utf8);
                parts.push(&rest[start + ws_len..]);
                rest = rest[..start].trim_end_matches(is_space);
                splits += 1;
            }
            None => {
                parts.push(rest);
                break;
            }
        }
    }
    parts.reverse();
    parts
}

#[cfg(test)]
mod tests {
    use super::*;

    fn apply(f: fn(&str, &mut String), s: &str) -> String {
        let mut out = String::new();
        f(s, &mut out);
        out
    }

    #[test]
    fn case_mappings() {
        assert_eq!(apply(upper, "straße"), "STRASSE");
        assert_eq!(apply(lower, "ΟΔΟΣ ΟΔΟΣ."), "οδος οδος.");
        assert_eq!(apply(lower, "Σ"), "σ");
        assert_eq!(apply(lower, "AΣ'B"), "aσ'b");
        assert_eq!(apply(lower, "İ"), "i\u{307}");
        assert_eq!(apply(casefold, "Straße"), "strasse");
        assert_eq!(apply(title, "hello wORLD ǆ'x"), "Hello World ǅ'X");
        assert_eq!(apply(capitalize, "ǆabc ΣΣ"), "ǅabc σς");
        assert_eq!(apply(swapcase, "aBß"), "AbSS");
    }

    #[test]
    fn predicates() {
        assert!(is_alpha('é') && !is_alpha('1') && is_alnum('½') && is_numeric('½') && !is_digit('½'));
        assert!(is_decimal('٣') && is_digit('²') && !is_decimal('²'));
        assert!(is_space('\u{1c}') && is_space('\u{3000}') && !is_space('\u{200b}'));
        assert!(!is_printable('\u{a0}') && is_printable('é') && !is_printable('\n'));
        assert_eq!(decimal_value('𝟗'), Some(9));
        assert_eq!(decimal_value('٣'), Some(3));
        assert_eq!(decimal_value('²'), None);
        assert!(str_isidentifier("_déjà_vu1") && !str_isidentifier("1a") && !str_isidentifier(""));
        assert!(str_istitle("Hello World") && !str_istitle("Hello world") && str_istitle("ǅungla"));
        assert!(str_islower("abc1") && !str_islower("1") && str_isupper("ABC1"));
    }

    #[test]
    fn lines_and_words() {
        let lines: Vec<&str> = splitlines("a\r\nb\rc\x1cd\u{2028}e\n", false).collect();
        assert_eq!(lines, ["a", "b", "c", "d", "e"]);
        let kept: Vec<&str> = splitlines("a\r\nb", true).collect();
        assert_eq!(kept, ["a\r\n", "b"]);
        assert_eq!(split_whitespace("  a b\u{3000}c  ", -1), ["a", "b", "c"]);
        assert_eq!(split_whitespace("  a b  c  ", 1), ["a", "b  c  "]);
        assert_eq!(rsplit_whitespace("  a b  c  ", 1), ["  a b", "c"]);
        assert!(split_whitespace("   ", -1).is_empty());
    }
}
