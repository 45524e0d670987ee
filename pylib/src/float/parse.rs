//! `float(str)`: CPython's `PyFloat_FromString`.
//!
//! Steps, as in CPython: non-ASCII Unicode whitespace becomes a space and non-ASCII decimal
//! digits (category Nd) become their ASCII digit; leading and trailing whitespace is
//! stripped; underscores are removed where each sits between two digits (anywhere else they
//! make the string invalid); what remains must be `[sign](inf|infinity|nan)` in any case, or
//! `[sign](DIGITS[.DIGITS?]|.DIGITS)[(e|E)[sign]DIGITS]`. The number itself is converted by
//! Rust's correctly rounded parser (overflow gives ±inf, as CPython's `float()` does). Any
//! failure is `ValueError: could not convert string to float: REPR`.

use super::hex::parse_inf_or_nan;
use crate::error::PyError;
use crate::str_repr::repr_str;
use unicode_general_category::{GeneralCategory, get_general_category};

/// Python's whitespace (`str.isspace()`): bidirectional class WS, B or S, or category Zs.
#[inline]
pub(crate) fn is_py_whitespace(c: char) -> bool {
    matches!(
        c,
        '\t'..='\r'
            | '\x1c'..='\x20'
            | '\u{85}'
            | '\u{a0}'
            | '\u{1680}'
            | '\u{2000}'..='\u{200a}'
            | '\u{2028}'
            | '\u{2029}'
            | '\u{202f}'
            | '\u{205f}'
            | '\u{3000}'
    )
}

/// The decimal value of a character of category Nd (`unicodedata.decimal`), or `None`.
/// Unicode guarantees Nd characters come in contiguous runs of ten, `0` to `9`.
pub(crate) fn decimal_value(c: char) -> Option<u32> {
    if c.is_ascii_digit() {
        return Some(c as u32 - '0' as u32);
    }
    if c.is_ascii() || get_general_category(c) != GeneralCategory::DecimalNumber {
        return None;
    }
    let mut start = c as u32;
    while start > 0 {
        match char::from_u32(start - 1) {
            Some(p) if get_general_category(p) == GeneralCategory::DecimalNumber => start -= 1,
            _ => break,
        }
    }
    Some((c as u32 - start) % 10)
}

fn invalid(s: &str) -> PyError {
    let mut msg = String::from("could not convert string to float: ");
    repr_str(s, &mut msg);
    PyError::value(msg)
}

/// `float(s)` for a `str` argument.
pub fn parse(s: &str) -> Result<f64, PyError> {
    // Fast path: plain ASCII without underscores or surrounding spaces needs no copy.
    let bytes = s.as_bytes();
    if s.is_ascii() && !bytes.contains(&b'_') {
        let trimmed = s.trim_matches(|c: char| c.is_ascii() && is_py_whitespace(c));
        return parse_ascii(trimmed.as_bytes()).ok_or_else(|| invalid(s));
    }
    let mut ascii = Vec::with_capacity(s.len());
    for c in s.chars() {
        if c.is_ascii() {
            ascii.push(c as u8);
        } else if is_py_whitespace(c) {
            ascii.push(b' ');
        } else if let Some(d) = decimal_value(c) {
            ascii.push(b'0' + d as u8);
        } else {
            return Err(invalid(s));
        }
    }
    let start = ascii.iter().position(|&b| !is_py_whitespace(b as char)).unwrap_or(ascii.len());
    let end = ascii.iter().rposition(|&b| !is_py_whitespace(b as char)).map_or(start, |i| i + 1);
    let body = &ascii[start..end];
    let mut cleaned = Vec::with_capacity(body.len());
    let mut prev = 0u8;
    for &b in body {
        if b == b'_' {
            if !prev.is_ascii_digit() {
                return Err(invalid(s));
            }
        } else {
            if prev == b'_' && !b.is_ascii_digit() {
                return Err(invalid(s));
            }
            cleaned.push(b);
        }
        prev = b;
    }
    if prev == b'_' {
        return Err(invalid(s));
    }
    parse_ascii(&cleaned).ok_or_else(|| invalid(s))
}

/// Parses a stripped ASCII float literal; `None` if the syntax is not Python's.
fn parse_ascii(s: &[u8]) -> Option<f64> {
    if let Some((v, used)) = parse_inf_or_nan(s) {
        return (used == s.len()).then_some(v);
    }
    if !is_decimal_literal(s) {
        return None;
    }
    // The syntax check guarantees ASCII, so this conversion cannot fail.
    let text = std::str::from_utf8(s).ok()?;
    text.parse::<f64>().ok()
}

/// `[sign](DIGITS[.DIGITS?]|.DIGITS)[(e|E)[sign]DIGITS]`.
fn is_decimal_literal(s: &[u8]) -> bool {
    let mut i = 0;
    if matches!(s.first(), Some(b'+' | b'-')) {
        i += 1;
    }
    let int_start = i;
    while i < s.len() && s[i].is_ascii_digit() {
        i += 1;
    }
    let mut mantissa_digits = i - int_start;
    if i < s.len() && s[i] == b'.' {
        i += 1;
        let frac_start = i;
        while i < s.len() && s[i].is_ascii_digit() {
            i += 1;
        }
        mantissa_digits += i - frac_start;
    }
    if mantissa_digits == 0 {
        return false;
    }
    if i < s.len() && (s[i] == b'e' || s[i] == b'E') {
        i += 1;
        if matches!(s.get(i), Some(b'+' | b'-')) {
            i += 1;
        }
        let exp_start = i;
        while i < s.len() && s[i].is_ascii_digit() {
            i += 1;
        }
        if i == exp_start {
            return false;
        }
    }
    i == s.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_python_syntax() {
        assert_eq!(parse("1.5").unwrap(), 1.5);
        assert_eq!(parse("  -1_000.000_1e1_0\n").unwrap(), -1000.0001e10);
        assert_eq!(parse(".5").unwrap(), 0.5);
        assert_eq!(parse("5.").unwrap(), 5.0);
        assert_eq!(parse("1e500").unwrap(), f64::INFINITY);
        assert_eq!(parse("-iNfInItY").unwrap(), f64::NEG_INFINITY);
        assert!(parse("+NaN").unwrap().is_nan());
        assert!(parse("-nan").unwrap().is_sign_negative());
        assert_eq!(parse("\u{3000}١٢.٥\u{a0}").unwrap(), 12.5);
    }

    #[test]
    fn rejects_with_cpython_message() {
        for bad in ["", " ", "x", "1_", "_1", "1__0", "1_.5", "1._5", "1e", "1e_5", "in_f", ".", "e5", "1.5e+", "++1"] {
            assert_eq!(parse(bad).unwrap_err().exception_name(), "ValueError", "{bad:?}");
        }
        assert_eq!(parse("x").unwrap_err().message(), "could not convert string to float: 'x'");
        assert_eq!(parse("it's").unwrap_err().message(), "could not convert string to float: \"it's\"");
    }

    #[test]
    fn decimal_values_of_other_scripts() {
        assert_eq!(decimal_value('٣'), Some(3));
        assert_eq!(decimal_value('𝟗'), Some(9));
        assert_eq!(decimal_value('½'), None);
        assert_eq!(decimal_value('a'), None);
    }
}
