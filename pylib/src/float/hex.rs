//! `float.hex()` and `float.fromhex()`.
//!
//! `hex` prints the exact binary value as `[-]0xH.HHHHHHHHHHHHHp±E`: the leading digit is the
//! implicit bit (0 for subnormals, whose exponent is printed as -1022), followed by all 13 hex
//! digits of the 52-bit fraction (CPython does not strip trailing zeros).
//!
//! `fromhex` accepts CPython's syntax — optional whitespace, sign, `0x` prefix, hex digits with
//! an optional point, optional `p` binary exponent, or `inf`/`infinity`/`nan` — and rounds the
//! exact value half-even to the nearest double (subnormals included), raising `OverflowError`
//! when it does not fit.

use crate::error::PyError;

/// Appends `float.hex(x)` to `out`.
pub fn to_hex(x: f64, out: &mut String) {
    if !x.is_finite() {
        super::repr(x, out);
        return;
    }
    if x.is_sign_negative() {
        out.push('-');
    }
    if x == 0.0 {
        out.push_str("0x0.0p+0");
        return;
    }
    let bits = x.to_bits();
    let exp_field = ((bits >> 52) & 0x7ff) as i64;
    let frac = bits & ((1u64 << 52) - 1);
    let (lead, exp) = if exp_field == 0 { ('0', -1022) } else { ('1', exp_field - 1023) };
    out.push_str("0x");
    out.push(lead);
    out.push('.');
    for shift in (0..13).rev() {
        let nibble = ((frac >> (shift * 4)) & 0xf) as u8;
        out.push(char::from(if nibble < 10 { b'0' + nibble } else { b'a' + nibble - 10 }));
    }
    out.push('p');
    out.push(if exp < 0 { '-' } else { '+' });
    super::push_u64(out, exp.unsigned_abs());
}

const INVALID: &str = "invalid hexadecimal floating-point string";
const TOO_LARGE: &str = "hexadecimal value too large to represent as a float";

#[inline]
fn is_py_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r' | b'\x0b' | b'\x0c')
}

/// Parses `inf`, `infinity` or `nan` (any case, optional sign) at the start of `s`, as
/// CPython's `_Py_parse_inf_or_nan`: returns the value and the number of bytes consumed.
pub(crate) fn parse_inf_or_nan(s: &[u8]) -> Option<(f64, usize)> {
    let (negative, rest, sign_len) = match s.first() {
        Some(b'-') => (true, &s[1..], 1),
        Some(b'+') => (false, &s[1..], 1),
        _ => (false, s, 0),
    };
    let starts = |word: &[u8]| rest.len() >= word.len() && rest[..word.len()].eq_ignore_ascii_case(word);
    if starts(b"infinity") {
        Some((if negative { f64::NEG_INFINITY } else { f64::INFINITY }, sign_len + 8))
    } else if starts(b"inf") {
        Some((if negative { f64::NEG_INFINITY } else { f64::INFINITY }, sign_len + 3))
    } else if starts(b"nan") {
        Some((if negative { -f64::NAN } else { f64::NAN }, sign_len + 3))
    } else {
        None
    }
}

/// `float.fromhex(s)`.
pub fn from_hex(s: &str) -> Result<f64, PyError> {
    let bytes = s.as_bytes();
    let mut pos = 0;
    while pos < bytes.len() && is_py_space(bytes[pos]) {
        pos += 1;
    }
    let value = match parse_inf_or_nan(&bytes[pos..]) {
        Some((v, used)) => {
            pos += used;
            v
        }
        None => {
            let (v, used) = parse_hex_finite(&bytes[pos..])?;
            pos += used;
            v
        }
    };
    while pos < bytes.len() && is_py_space(bytes[pos]) {
        pos += 1;
    }
    if pos != bytes.len() {
        return Err(PyError::value(INVALID));
    }
    Ok(value)
}

fn hex_value(b: u8) -> Option<u8> {
    (b as char).to_digit(16).map(|d| d as u8)
}

/// Parses `[sign][0x]HEX[.HEX][p[sign]DEC]`, returning the rounded value and bytes consumed.
fn parse_hex_finite(s: &[u8]) -> Result<(f64, usize), PyError> {
    let mut pos = 0;
    let negative = match s.first() {
        Some(b'-') => {
            pos += 1;
            true
        }
        Some(b'+') => {
            pos += 1;
            false
        }
        _ => false,
    };
    if s.get(pos) == Some(&b'0') && matches!(s.get(pos + 1), Some(b'x' | b'X')) {
        pos += 2;
    }
    let int_start = pos;
    while pos < s.len() && hex_value(s[pos]).is_some() {
        pos += 1;
    }
    let int_end = pos;
    let (frac_start, frac_end) = if s.get(pos) == Some(&b'.') {
        pos += 1;
        let start = pos;
        while pos < s.len() && hex_value(s[pos]).is_some() {
            pos += 1;
        }
        (start, pos)
    } else {
        (pos, pos)
    };
    if int_end == int_start && frac_end == frac_start {
        return Err(PyError::value(INVALID));
    }
    let mut exp: i64 = 0;
    if matches!(s.get(pos), Some(b'p' | b'P')) {
        pos += 1;
        let exp_negative = match s.get(pos) {
            Some(b'-') => {
                pos += 1;
                true
            }
            Some(b'+') => {
                pos += 1;
                false
            }
            _ => false,
        };
        let digits_start = pos;
        while pos < s.len() && s[pos].is_ascii_digit() {
            // Saturate: any exponent beyond ±2**50 already over- or underflows.
            exp = (exp * 10 + i64::from(s[pos] - b'0')).min(1 << 50);
            pos += 1;
        }
        if pos == digits_start {
            return Err(PyError::value(INVALID));
        }
        if exp_negative {
            exp = -exp;
        }
    }
    // The coefficient's nibbles, most significant first, without leading zeros.
    let nibbles = s[int_start..int_end]
        .iter()
        .chain(&s[frac_start..frac_end])
        .map(|&b| hex_value(b).unwrap_or(0))
        .skip_while(|&n| n == 0);
    let nibbles: Vec<u8> = nibbles.collect();
    let frac_digits = (frac_end - frac_start) as i64;
    let value = round_to_double(&nibbles, exp - 4 * frac_digits)?;
    Ok((if negative { -value } else { value }, pos))
}

/// Rounds `N * 2**scale` half-even to a double, where `N` is the integer whose hex digits are
/// `nibbles` (no leading zeros).
fn round_to_double(nibbles: &[u8], scale: i64) -> Result<f64, PyError> {
    if nibbles.is_empty() {
        return Ok(0.0);
    }
    let nbits = 4 * nibbles.len() as i64 - i64::from(nibbles[0].leading_zeros() as u8 - 4);
    let bit = |i: i64| -> u64 {
        if i < 0 || i >= nbits {
            return 0;
        }
        let idx = nibbles.len() - 1 - (i / 4) as usize;
        u64::from((nibbles[idx] >> (i % 4)) & 1)
    };
    let top = scale + nbits - 1; // value is in [2**top, 2**(top+1))
    if top > 1023 {
        return Err(PyError::overflow(TOO_LARGE));
    }
    // Exponent of the last kept bit: 53 significant bits, or fewer in the subnormal range.
    let mut lsb = if top >= -1022 { top - 52 } else { -1074 };
    let shift = lsb - scale; // bits of N dropped below the kept ones
    let mut mantissa: u64 = 0;
    if shift <= 0 {
        for i in (0..nbits).rev() {
            mantissa = (mantissa << 1) | bit(i);
        }
        mantissa <<= -shift;
    } else {
        let first = shift.min(nbits);
        for i in (first..nbits).rev() {
            mantissa = (mantissa << 1) | bit(i);
        }
        let half = bit(shift - 1);
        let sticky = (0..(shift - 1).min(nbits)).any(|i| bit(i) == 1);
        if half == 1 && (sticky || mantissa & 1 == 1) {
            mantissa += 1;
            if mantissa == 1 << 53 {
                mantissa >>= 1;
                lsb += 1;
            }
        }
    }
    if mantissa == 0 {
        return Ok(0.0);
    }
    if lsb + 63 - i64::from(mantissa.leading_zeros() as u8) > 1023 {
        return Err(PyError::overflow(TOO_LARGE));
    }
    Ok(mantissa as f64 * pow2(lsb))
}

/// `2**k` for `-1074 <= k <= 1023`, built from its bits.
fn pow2(k: i64) -> f64 {
    if k >= -1022 { f64::from_bits(((k + 1023) as u64) << 52) } else { f64::from_bits(1u64 << (k + 1074)) }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hex(x: f64) -> String {
        let mut s = String::new();
        to_hex(x, &mut s);
        s
    }

    #[test]
    fn hex_output() {
        assert_eq!(hex(1.0), "0x1.0000000000000p+0");
        assert_eq!(hex(-0.1), "-0x1.999999999999ap-4");
        assert_eq!(hex(5e-324), "0x0.0000000000001p-1022");
        assert_eq!(hex(-0.0), "-0x0.0p+0");
        assert_eq!(hex(f64::INFINITY), "inf");
        assert_eq!(hex(f64::MAX), "0x1.fffffffffffffp+1023");
    }

    #[test]
    fn fromhex_parses_and_rounds() {
        assert_eq!(from_hex("0x1.8p1").unwrap(), 3.0);
        assert_eq!(from_hex("  -0X.8p+1 ").unwrap(), -1.0);
        assert_eq!(from_hex("1").unwrap(), 1.0);
        assert_eq!(from_hex("0x1p-1074").unwrap(), 5e-324);
        assert_eq!(from_hex("0x1p-1075").unwrap(), 0.0);
        assert_eq!(from_hex("0x1.8p-1074").unwrap(), 1e-323);
        assert_eq!(from_hex("0x1.00000000000008p0").unwrap(), 1.0);
        assert_eq!(from_hex("0x1.00000000000018p0").unwrap(), 1.0000000000000004);
        assert_eq!(from_hex("0x1.fffffffffffff8p1023").unwrap_err().exception_name(), "OverflowError");
        assert_eq!(from_hex("-Infinity").unwrap(), f64::NEG_INFINITY);
        assert!(from_hex("nan").unwrap().is_nan());
        for bad in ["", "0x", "0x1p", "1.2.3", "0x1 2", "infin", "0x_1", "\u{a0}1"] {
            assert_eq!(from_hex(bad).unwrap_err(), PyError::value(INVALID), "{bad:?}");
        }
        assert_eq!(from_hex("0x1p-99999999999999999999").unwrap(), 0.0);
    }
}
