//! `repr()` of a `str`, as CPython 3.13's `unicode_repr`, used in error messages such as
//! `could not convert string to float: 'x'`.
//!
//! The quote is `'` unless the text contains `'` and no `"`. Backslash and the chosen quote are
//! escaped; `\t \n \r` get their short escapes; other ASCII controls and DEL become `\xhh`;
//! non-ASCII characters stay as they are when printable (`str.isprintable()`) and otherwise
//! become `\xhh`, `\uhhhh` or `\Uhhhhhhhh`.

use crate::unicode::is_printable;

/// Appends `repr(s)` to `out`.
pub fn repr_str(s: &str, out: &mut String) {
    out.reserve(s.len() + 2);
    repr_code_points(s.chars().map(u32::from), out);
}

/// Appends `repr()` of the string of code points `points` to `out` (lone surrogates allowed:
/// they are not printable, so they come out as `\uXXXX` escapes, as in CPython).
pub fn repr_code_points<I: Iterator<Item = u32> + Clone>(points: I, out: &mut String) {
    let (single, double) = (u32::from('\''), u32::from('"'));
    let quote = if points.clone().any(|c| c == single) && !points.clone().any(|c| c == double) { '"' } else { '\'' };
    out.push(quote);
    for v in points {
        match char::from_u32(v) {
            Some('\\') => out.push_str("\\\\"),
            Some('\t') => out.push_str("\\t"),
            Some('\n') => out.push_str("\\n"),
            Some('\r') => out.push_str("\\r"),
            Some(c) if c == quote => {
                out.push('\\');
                out.push(c);
            }
            Some(c) if is_printable(c) => out.push(c),
            _ => {
                let (prefix, width) = if v < 0x100 {
                    ("\\x", 2)
                } else if v < 0x10000 {
                    ("\\u", 4)
                } else {
                    ("\\U", 8)
                };
                out.push_str(prefix);
                for shift in (0..width).rev() {
                    let nibble = (v >> (shift * 4)) & 0xf;
                    out.push(char::from_digit(nibble, 16).unwrap_or('0'));
                }
            }
        }
    }
    out.push(quote);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn r(s: &str) -> String {
        let mut out = String::new();
        repr_str(s, &mut out);
        out
    }

    #[test]
    fn quotes_and_escapes() {
        assert_eq!(r("x"), "'x'");
        assert_eq!(r("it's"), "\"it's\"");
        assert_eq!(r("'\""), "'\\'\"'");
        assert_eq!(r("a\tb\n\x00\x7f\\"), "'a\\tb\\n\\x00\\x7f\\\\'");
        assert_eq!(r("é\u{a0}\u{2028}\u{e000}😀\u{10ffff}"), "'é\\xa0\\u2028\\ue000😀\\U0010ffff'");
    }

    #[test]
    fn lone_surrogates_are_escaped() {
        let mut out = String::new();
        repr_code_points([0x61, 0xd800, 0x27, 0xdfff].into_iter(), &mut out);
        assert_eq!(out, "\"a\\ud800'\\udfff\"");
    }
}
