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
    let quote = if s.contains('\'') && !s.contains('"') { '"' } else { '\'' };
    out.reserve(s.len() + 2);
    out.push(quote);
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\t' => out.push_str("\\t"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            c if c == quote => {
                out.push('\\');
                out.push(c);
            }
            c if is_printable(c) => out.push(c),
            c => {
                let v = c as u32;
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
}
