//! `float(str)`: CPython's `PyFloat_FromString`.
//!
//! Steps, as in CPython: non-ASCII whitespace (`str.isspace()`) becomes a space and non-ASCII decimal
//! digits (category Nd) become their ASCII digit; leading and trailing ASCII whitespace
//! (`' \t\n\r\v\f'`, not `\x1c`..`\x1f`) is stripped; underscores are removed where each sits between two digits (anywhere else they
//! make the string invalid); what remains must be `[sign](inf|infinity|nan)` in any case, or
//! `[sign](DIGITS[.DIGITS?]|.DIGITS)[(e|E)[sign]DIGITS]`. The number itself is converted by
//! Rust's correctly rounded parser (overflow gives ±inf, as CPython's `float()` does). Any
//! failure is `ValueError: could not convert string to float: REPR`.

use super::hex::parse_inf_or_nan;
use crate::error::PyError;
use crate::str_repr::repr_str;
use crate::unicode::{decimal_value, is_space};

/// C's `isspace` in the C locale (CPython's `Py_ISSPACE`): what `float()` strips.
#[inline]
fn is_ascii_space(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\n' | '\r' | '\x0b' | '\x0c')
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
        let trimmed = s.trim_matches(is_ascii_space);
        return parse_ascii(trimmed.as_bytes()).ok_or_else(|| invalid(s));
    }
    let mut ascii = Vec::with_capacity(s.len());
    for c in s.chars() {
        if c.is_ascii() {
            ascii.push(c as u8);
        } else if is_space(c) {
            ascii.push(b' ');
        } else if let Some(d) = decimal_value(c) {
            ascii.push(b'0' + d as u8);
        } else {
            return Err(invalid(s));
        }
    }
    let start = ascii.iter().position(|&b| !is_ascii_space(b as char)).unwrap_or(ascii.len());
    let end = ascii.iter().rposition(|&b| !is_ascii_space(b as char)).map_or(start, |i| i + 1);
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
        assert_eq!(parse("\x0b1\x0c").unwrap(), 1.0);
        assert_eq!(parse("\u{85}1").unwrap(), 1.0);
        assert!(parse("\x1c1").is_err() && parse("1\x1f").is_err());
    }

    #[test]
    fn rejects_with_cpython_message() {
        for bad in ["", " ", "x", "1_", "_1", "1__0", "1_.5", "1._5", "1e", "1e_5", "in_f", ".", "e5", "1.5e+", "++1"] {
            assert_eq!(parse(bad).unwrap_err().exception_name(), "ValueError", "{bad:?}");
        }
        assert_eq!(parse("x").unwrap_err().message(), "could not convert string to float: 'x'");
        assert_eq!(parse("it's").unwrap_err().message(), "could not convert string to float: \"it's\"");
    }
}
