//! `complex(str)`, as CPython 3.13's `complex_subtype_from_string`.
//!
//! As for `float(str)`, non-ASCII whitespace becomes a space and non-ASCII decimal digits their
//! ASCII digit (the text is cut after the first other non-ASCII character, which becomes `?`),
//! and underscores must sit between digits (`could not convert string to complex: REPR`
//! otherwise). Then, after optional whitespace and an optional `(`, the text must be one of
//!
//! ```text
//! <float>    <float>j    <float><signed-float>j    <float><sign>j    <sign>j    j
//! ```
//!
//! where `<float>` is the longest prefix `strtod` accepts (digits, point, exponent, or
//! `inf`/`infinity`/`nan`), followed by optional whitespace, the matching `)`, and whitespace.
//! Any other shape is `complex() arg is a malformed string`. The value of `repr(z)`/`str(z)`
//! is [`crate::format_spec::format_complex`] with an empty spec.

use crate::error::PyError;
use crate::float::hex::parse_inf_or_nan;
use crate::str_repr::repr_str;
use crate::unicode::{decimal_value, is_space};

const MALFORMED: &str = "complex() arg is a malformed string";

/// `complex(s)` for a `str` argument: `(real, imag)`.
pub fn parse(s: &str) -> Result<(f64, f64), PyError> {
    let mut ascii = Vec::with_capacity(s.len());
    for c in s.chars() {
        if c.is_ascii() && c != '\x7f' {
            ascii.push(c as u8);
        } else if is_space(c) {
            ascii.push(b' ');
        } else if let Some(d) = decimal_value(c) {
            ascii.push(b'0' + d as u8);
        } else {
            ascii.push(b'?');
            break;
        }
    }
    let cleaned = remove_underscores(&ascii).ok_or_else(|| {
        let mut msg = String::from("could not convert string to complex: ");
        repr_str(s, &mut msg);
        PyError::value(msg)
    })?;
    parse_ascii(&cleaned).ok_or_else(|| PyError::value(MALFORMED))
}

/// `_Py_string_to_number_with_underscores`: drops underscores that sit between two digits;
/// `None` if any other underscore is present.
fn remove_underscores(s: &[u8]) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(s.len());
    let mut prev = 0u8;
    for &b in s {
        if b == b'_' {
            if !prev.is_ascii_digit() {
                return None;
            }
        } else {
            if prev == b'_' && !b.is_ascii_digit() {
                return None;
            }
            out.push(b);
        }
        prev = b;
    }
    (prev != b'_').then_some(out)
}

#[inline]
fn is_ascii_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r' | b'\x0b' | b'\x0c')
}

/// The longest prefix of `s` that `strtod` reads as a float: `(value, length)`, or `None`.
fn float_prefix(s: &[u8]) -> Option<(f64, usize)> {
    if let Some(found) = parse_inf_or_nan(s) {
        return Some(found);
    }
    let mut i = usize::from(matches!(s.first(), Some(b'+' | b'-')));
    let int_start = i;
    while i < s.len() && s[i].is_ascii_digit() {
        i += 1;
    }
    let mut mantissa_digits = i - int_start;
    if i < s.len() && s[i] == b'.' {
        let frac_start = i + 1;
        let mut j = frac_start;
        while j < s.len() && s[j].is_ascii_digit() {
            j += 1;
        }
        mantissa_digits += j - frac_start;
        i = j;
    }
    if mantissa_digits == 0 {
        return None;
    }
    if i < s.len() && (s[i] == b'e' || s[i] == b'E') {
        let mut j = i + 1;
        if matches!(s.get(j), Some(b'+' | b'-')) {
            j += 1;
        }
        let exp_start = j;
        while j < s.len() && s[j].is_ascii_digit() {
            j += 1;
        }
        if j > exp_start {
            i = j;
        }
    }
    // The prefix is ASCII and well formed; Rust's parser rounds correctly (and overflows to inf).
    let value = std::str::from_utf8(&s[..i]).ok()?.parse::<f64>().ok()?;
    Some((value, i))
}

/// `complex_from_string_inner` on the cleaned ASCII text.
fn parse_ascii(s: &[u8]) -> Option<(f64, f64)> {
    let at = |i: usize| s.get(i).copied().unwrap_or(0);
    let mut i = 0;
    while is_ascii_space(at(i)) {
        i += 1;
    }
    let bracket = at(i) == b'(';
    if bracket {
        i += 1;
        while is_ascii_space(at(i)) {
            i += 1;
        }
    }
    let (mut x, mut y) = (0.0, 0.0);
    let is_j = |b: u8| b == b'j' || b == b'J';
    match float_prefix(&s[i..]) {
        Some((z, used)) => {
            i += used;
            if matches!(at(i), b'+' | b'-') {
                x = z;
                match float_prefix(&s[i..]) {
                    Some((v, used)) => {
                        y = v;
                        i += used;
                    }
                    None => {
                        y = if at(i) == b'+' { 1.0 } else { -1.0 };
                        i += 1;
                    }
                }
                if !is_j(at(i)) {
                    return None;
                }
                i += 1;
            } else if is_j(at(i)) {
                i += 1;
                y = z;
            } else {
                x = z;
            }
        }
        None => {
            if matches!(at(i), b'+' | b'-') {
                y = if at(i) == b'+' { 1.0 } else { -1.0 };
                i += 1;
            } else {
                y = 1.0;
            }
            if !is_j(at(i)) {
                return None;
            }
            i += 1;
        }
    }
    while is_ascii_space(at(i)) {
        i += 1;
    }
    if bracket {
        if at(i) != b')' {
            return None;
        }
        i += 1;
        while is_ascii_space(at(i)) {
            i += 1;
        }
    }
    (i == s.len()).then_some((x, y))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn forms() {
        assert_eq!(parse(" ( 1+2j ) ").unwrap(), (1.0, 2.0));
        assert_eq!(parse("1_0+2_0j").unwrap(), (10.0, 20.0));
        assert_eq!(parse("-J").unwrap(), (0.0, -1.0));
        assert_eq!(parse("1-j").unwrap(), (1.0, -1.0));
        assert_eq!(parse("1.5e-3-2.5E+3J").unwrap(), (0.0015, -2500.0));
        assert_eq!(parse("1e500j").unwrap(), (0.0, f64::INFINITY));
        assert_eq!(parse("١+٢j").unwrap(), (1.0, 2.0));
        let (re, im) = parse("-nan-nanj").unwrap();
        assert!(re.is_nan() && im.is_nan());
    }

    #[test]
    fn errors() {
        for bad in ["(1+2j", "1e", "1e+j", "", "()", "1 + 2j", "1+2jj", "\x1c1j", "j+1", "+-1j", "0x1j", "é"] {
            assert_eq!(parse(bad).unwrap_err().message(), MALFORMED, "{bad:?}");
        }
        assert_eq!(parse("1__0j").unwrap_err().message(), "could not convert string to complex: '1__0j'");
    }
}
