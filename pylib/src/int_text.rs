//! `int` ↔ text: `int(s, base)`, `str(i)`, `bin`/`oct`/`hex`, and the integer string
//! conversion length limit (PEP 651's sibling, CVE-2020-10735: `sys.set_int_max_str_digits`).
//!
//! Parsing follows CPython 3.13's `PyLong_FromUnicodeObject` + `PyLong_FromString`:
//!
//! 1. Non-ASCII whitespace becomes a space and non-ASCII decimal digits (any script) their
//!    ASCII digit; any other non-ASCII character makes the literal invalid.
//! 2. ASCII whitespace (`' \t\n\r\v\f'`) is skipped, then an optional sign.
//! 3. Base 0 reads the base from a `0x`/`0o`/`0b` prefix (any case), else 10 — and then a
//!    literal with a leading zero must be zero (`int('09', 0)` is invalid, `int('00', 0)` is
//!    0). With base 16, 8 or 2 the matching prefix is allowed too. One underscore may follow a
//!    prefix.
//! 4. Digits (`0-9`, `a-z`, `A-Z` below the base) with single underscores between them, then
//!    only trailing whitespace.
//! 5. Only then, for bases that are not powers of two, the digit count (underscores excluded)
//!    is checked against the limit (default 4300; 0 disables it).
//!
//! Every syntax error is `ValueError: invalid literal for int() with base B: REPR`, with the
//! base as the caller gave it and the repr of the original string cut to 200 characters.
//!
//! The big-integer type is [`crate::bigint::BigInt`]; values that fit an `i64` are returned
//! without allocating.

use crate::bigint::{BigInt, BigUint};
use crate::error::PyError;
use crate::str_repr::repr_str;
use crate::unicode::{decimal_value, is_space};
use num_traits::Zero;

/// CPython's default `sys.get_int_max_str_digits()`.
pub const DEFAULT_MAX_STR_DIGITS: usize = 4300;
/// The smallest non-zero limit `sys.set_int_max_str_digits` accepts; inputs with at most this
/// many digits are never checked.
pub const MAX_STR_DIGITS_THRESHOLD: usize = 640;

/// Validates an argument of `sys.set_int_max_str_digits(n)`: 0 (no limit) or at least 640.
pub fn check_max_str_digits(n: i64) -> Result<usize, PyError> {
    match usize::try_from(n) {
        Ok(0) => Ok(0),
        Ok(v) if v >= MAX_STR_DIGITS_THRESHOLD => Ok(v),
        _ => Err(PyError::value(format!("maxdigits must be 0 or larger than {MAX_STR_DIGITS_THRESHOLD}"))),
    }
}

/// The value of a parsed literal.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ParsedInt {
    /// Fits a machine word.
    Small(i64),
    /// Does not fit an `i64`.
    Big(BigInt),
}

impl ParsedInt {
    /// The value as a big integer.
    pub fn into_bigint(self) -> BigInt {
        match self {
            ParsedInt::Small(v) => BigInt::from(v),
            ParsedInt::Big(v) => v,
        }
    }
}

/// C's `isspace` in the C locale (CPython's `Py_ISSPACE`).
#[inline]
fn is_ascii_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r' | b'\x0b' | b'\x0c')
}

#[inline]
fn digit_value(b: u8) -> u32 {
    match b {
        b'0'..=b'9' => u32::from(b - b'0'),
        b'a'..=b'z' => u32::from(b - b'a') + 10,
        b'A'..=b'Z' => u32::from(b - b'A') + 10,
        _ => 99,
    }
}

fn invalid_literal(s: &str, base: i64) -> PyError {
    let mut repr = String::new();
    repr_str(s, &mut repr);
    // `%.200R`: the repr is cut to 200 characters.
    if let Some((cut, _)) = repr.char_indices().nth(200) {
        repr.truncate(cut);
    }
    PyError::value(format!("invalid literal for int() with base {base}: {repr}"))
}

/// `int(s, base)` for a `str` argument, with `max_str_digits` the interpreter's limit (0 for
/// none).
pub fn parse_int(s: &str, base: i64, max_str_digits: usize) -> Result<ParsedInt, PyError> {
    if base != 0 && !(2..=36).contains(&base) {
        return Err(PyError::value("int() base must be >= 2 and <= 36, or 0"));
    }
    if s.is_ascii() {
        return parse_ascii(s.as_bytes(), base as u32, max_str_digits)?.ok_or_else(|| invalid_literal(s, base));
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
            return Err(invalid_literal(s, base));
        }
    }
    parse_ascii(&ascii, base as u32, max_str_digits)?.ok_or_else(|| invalid_literal(s, base))
}

/// `Ok(None)` is a syntax error (the caller words the message); `Err` is the length limit.
fn parse_ascii(s: &[u8], base: u32, max_str_digits: usize) -> Result<Option<ParsedInt>, PyError> {
    let mut p = 0;
    while p < s.len() && is_ascii_space(s[p]) {
        p += 1;
    }
    let negative = match s.get(p) {
        Some(b'+') => {
            p += 1;
            false
        }
        Some(b'-') => {
            p += 1;
            true
        }
        _ => false,
    };
    let at = |i: usize| s.get(i).copied().unwrap_or(0);
    let mut base = base;
    let mut error_if_nonzero = false;
    if base == 0 {
        base = match (at(p), at(p + 1)) {
            (b'0', b'x' | b'X') => 16,
            (b'0', b'o' | b'O') => 8,
            (b'0', b'b' | b'B') => 2,
            (b'0', _) => {
                // A C-style octal literal is invalid, but zero is still zero.
                error_if_nonzero = true;
                10
            }
            _ => 10,
        };
    }
    if at(p) == b'0' && matches!((base, at(p + 1)), (16, b'x' | b'X') | (8, b'o' | b'O') | (2, b'b' | b'B')) {
        p += 2;
        if at(p) == b'_' {
            p += 1;
        }
    }
    // Digits with single underscores between them.
    let start = p;
    if at(p) == b'_' {
        return Ok(None);
    }
    let mut digits = 0usize;
    let mut prev = 0u8;
    while p < s.len() && (digit_value(s[p]) < base || s[p] == b'_') {
        if s[p] == b'_' {
            if prev == b'_' {
                return Ok(None);
            }
        } else {
            digits += 1;
        }
        prev = s[p];
        p += 1;
    }
    if prev == b'_' || p == start {
        return Ok(None);
    }
    let end = p;
    while p < s.len() && is_ascii_space(s[p]) {
        p += 1;
    }
    if p != s.len() {
        return Ok(None);
    }
    if !base.is_power_of_two() && digits > MAX_STR_DIGITS_THRESHOLD && max_str_digits > 0 && digits > max_str_digits {
        return Err(PyError::value(format!(
            "Exceeds the limit ({max_str_digits} digits) for integer string conversion: value has {digits} digits; \
             use sys.set_int_max_str_digits() to increase the limit"
        )));
    }
    let body = &s[start..end];
    let value = digits_value(body, base, digits, negative);
    if error_if_nonzero && value != ParsedInt::Small(0) {
        return Ok(None);
    }
    Ok(Some(value))
}

/// The value of validated digits (underscores allowed) in `base`.
fn digits_value(body: &[u8], base: u32, ndigits: usize, negative: bool) -> ParsedInt {
    // Fast path: accumulate in u64 while it cannot overflow (base**ndigits < 2**63).
    let fits = (ndigits as f64) * (base as f64).log2() < 63.0;
    if fits {
        let mut v: u64 = 0;
        for &b in body {
            if b != b'_' {
                v = v * u64::from(base) + u64::from(digit_value(b));
            }
        }
        let v = v as i64;
        return ParsedInt::Small(if negative { -v } else { v });
    }
    let cleaned: Vec<u8> = body.iter().copied().filter(|&b| b != b'_').collect();
    // The digits were validated against the base, so this cannot fail.
    let magnitude = BigUint::parse_bytes(&cleaned, base).unwrap_or_default();
    let value = if negative { -BigInt::from(magnitude) } else { BigInt::from(magnitude) };
    match i64::try_from(&value) {
        Ok(v) => ParsedInt::Small(v),
        Err(_) => ParsedInt::Big(value),
    }
}

/// Appends `str(v)` (decimal), or fails when it would have more than `max_str_digits` digits
/// (0: no limit).
pub fn write_decimal(v: &BigInt, max_str_digits: usize, out: &mut String) -> Result<(), PyError> {
    let too_long = || {
        PyError::value(format!(
            "Exceeds the limit ({max_str_digits} digits) for integer string conversion; \
             use sys.set_int_max_str_digits() to increase the limit"
        ))
    };
    if max_str_digits > 0 {
        // 2**bits > 10**(digits-1): when even the fewest digits this size can have exceed the
        // limit, refuse before the (quadratic) conversion.
        let bits = v.bits();
        let min_digits = ((bits.saturating_sub(1)) as f64 * std::f64::consts::LOG10_2).floor() as u64 + 1;
        if bits > 0 && min_digits > max_str_digits as u64 {
            return Err(too_long());
        }
    }
    let text = v.to_str_radix(10);
    let ndigits = text.len() - usize::from(text.starts_with('-'));
    if max_str_digits > 0 && ndigits > max_str_digits {
        return Err(too_long());
    }
    out.push_str(&text);
    Ok(())
}

/// Appends `bin(v)`, `oct(v)` or `hex(v)` (`base` 2, 8 or 16; others append decimal digits
/// without a prefix): `[-]0b...`, never limited.
pub fn write_prefixed(v: &BigInt, base: u32, out: &mut String) {
    if v.sign() == num_bigint::Sign::Minus {
        out.push('-');
    }
    out.push_str(match base {
        2 => "0b",
        8 => "0o",
        16 => "0x",
        _ => "",
    });
    if v.is_zero() {
        out.push('0');
    } else {
        out.push_str(&v.magnitude().to_str_radix(base.clamp(2, 36)));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(s: &str, base: i64) -> Result<String, String> {
        parse_int(s, base, DEFAULT_MAX_STR_DIGITS)
            .map(|v| v.into_bigint().to_string())
            .map_err(|e| e.message().to_string())
    }

    #[test]
    fn literals() {
        assert_eq!(p(" -0b1_1 ", 0).unwrap(), "-3");
        assert_eq!(p("0x_1f", 16).unwrap(), "31");
        assert_eq!(p("00_0", 0).unwrap(), "0");
        assert_eq!(p("\u{3000}١٢\u{3000}", 10).unwrap(), "12");
        assert_eq!(p("z", 36).unwrap(), "35");
        assert_eq!(p("9223372036854775808", 10).unwrap(), "9223372036854775808");
        assert_eq!(p("-9223372036854775808", 10).unwrap(), "-9223372036854775808");
        assert_eq!(p("09", 0).unwrap_err(), "invalid literal for int() with base 0: '09'");
        assert_eq!(p("0b", 0).unwrap_err(), "invalid literal for int() with base 0: '0b'");
        for bad in ["_1", "1_", "1__2", "\x1c12", "+-1", "", " ", "0x__1f", "1e5", "²"] {
            assert!(p(bad, 10).unwrap_err().starts_with("invalid literal for int() with base 10: "), "{bad:?}");
        }
        assert_eq!(p("12", 37).unwrap_err(), "int() base must be >= 2 and <= 36, or 0");
    }

    #[test]
    fn digit_limit() {
        assert!(p(&"1".repeat(4300), 10).is_ok());
        assert_eq!(
            p(&"1".repeat(5000), 7).unwrap_err(),
            "Exceeds the limit (4300 digits) for integer string conversion: value has 5000 digits; \
             use sys.set_int_max_str_digits() to increase the limit"
        );
        assert!(p(&"1".repeat(5000), 16).is_ok());
        assert!(parse_int(&"1".repeat(5000), 10, 0).is_ok());
        let big = BigInt::from(10).pow(4300);
        let mut out = String::new();
        assert!(write_decimal(&big, DEFAULT_MAX_STR_DIGITS, &mut out).is_err());
        assert!(write_decimal(&(big.clone() - 1), DEFAULT_MAX_STR_DIGITS, &mut out).is_ok());
        assert_eq!(out.len(), 4300);
        assert_eq!(check_max_str_digits(639).unwrap_err().message(), "maxdigits must be 0 or larger than 640");
    }

    #[test]
    fn prefixed() {
        let mut out = String::new();
        write_prefixed(&BigInt::from(-255), 16, &mut out);
        write_prefixed(&BigInt::from(0), 2, &mut out);
        assert_eq!(out, "-0xff0b0");
    }
}
