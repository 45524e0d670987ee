//! `float`: repr/str, the `PyOS_double_to_string` formatter behind `format()` and `%`,
//! `hex`/`fromhex`, `float(str)`, `as_integer_ratio`, `is_integer`, `round`, and Python's
//! float arithmetic ([`arith`]: `/ % // divmod **`).
//!
//! Formatting is two steps, as in CPython's `Python/pystrtod.c`: [`digits`] produces the
//! decimal digits and decimal point position (`dtoa` modes 0, 2 and 3), then
//! [`double_to_string`] lays them out for a presentation type (`'r'` repr, `'e'`, `'f'`, `'g'`
//! and their upper-case forms): zero padding on either side, the decimal point, the exponent
//! (`e+16`, at least two digits), the `.0` that repr adds to integral values, the `#` form that
//! keeps a trailing point. Python's repr switches to exponent notation when the decimal point
//! position is `<= -4` or `> 16`, hence `1e+16`, `1000000000000000.0` and `1e-05`.

pub mod arith;
pub mod digits;
pub(crate) mod hex;
mod parse;
mod round;

pub use hex::{from_hex, to_hex};
pub use parse::parse;
pub use round::{round_half_even, round_ndigits};

use crate::bigint::BigInt;
use crate::error::PyError;
use digits::Decimal;

/// Options of [`double_to_string`], CPython's `Py_DTSF_*` flags.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct DtsFlags {
    /// `Py_DTSF_SIGN`: always print a sign (`+` for non-negative values, also for inf/nan).
    pub sign: bool,
    /// `Py_DTSF_ADD_DOT_0`: integral values in non-exponent form get `.0` (repr, and format
    /// with no type).
    pub add_dot_0: bool,
    /// `Py_DTSF_ALT`: the `#` alternate form (keep the decimal point and trailing zeros).
    pub alt: bool,
    /// `Py_DTSF_NO_NEG_0`: the `z` option, a negative value that rounds to zero prints
    /// without its minus sign.
    pub no_neg_0: bool,
}

/// Appends `repr(x)` (which is also `str(x)`) to `out`.
#[inline]
pub fn repr(x: f64, out: &mut String) {
    double_to_string(x, b'r', 0, DtsFlags { add_dot_0: true, ..DtsFlags::default() }, out);
}

/// `repr(x)` as a new string.
pub fn repr_string(x: f64) -> String {
    let mut s = String::with_capacity(24);
    repr(x, &mut s);
    s
}

/// CPython's `PyOS_double_to_string`: appends `x` formatted with presentation type `code`
/// (`b'e' b'E' b'f' b'F' b'g' b'G' b'r'`) and `precision` to `out`. For `'r'` the precision is
/// ignored (shortest round trip); for `'g'` a precision of 0 means 1. Any other code appends
/// nothing (callers validate codes first; see `format_spec`).
pub fn double_to_string(x: f64, code: u8, precision: usize, flags: DtsFlags, out: &mut String) {
    let upper = code.is_ascii_uppercase();
    let code = code.to_ascii_lowercase();
    if !x.is_finite() {
        if x.is_nan() {
            if flags.sign {
                out.push('+');
            }
            out.push_str(if upper { "NAN" } else { "nan" });
        } else {
            if x < 0.0 {
                out.push('-');
            } else if flags.sign {
                out.push('+');
            }
            out.push_str(if upper { "INF" } else { "inf" });
        }
        return;
    }
    let (decimal, precision) = match code {
        b'e' => (digits::significant(x, precision.saturating_add(1)), precision.saturating_add(1)),
        b'f' => (digits::fixed(x, precision.min(i64::MAX as usize) as i64), precision),
        b'g' => {
            let p = precision.max(1);
            (digits::significant(x, p), p)
        }
        b'r' => (digits::shortest(x), 0),
        _ => return,
    };
    layout(&decimal, code, precision, flags, upper, out);
}

/// Lays out `0.DIGITS * 10**decpt` for a presentation type, as `format_float_short` does: the
/// output is a slice `[start, end)` of the digit string extended by zeros on both sides, with
/// a decimal point at `decpt` and an optional exponent.
fn layout(d: &Decimal, code: u8, precision: usize, flags: DtsFlags, upper: bool, out: &mut String) {
    let digits = d.digits();
    let ndigits = digits.len() as i64;
    let negative = d.negative && !(flags.no_neg_0 && (digits.is_empty() || digits == b"0"));
    let precision = precision.min(i64::MAX as usize / 4) as i64;
    let mut decpt = d.decpt;
    let mut use_exp = false;
    let mut vend = ndigits;
    match code {
        b'e' => {
            use_exp = true;
            vend = precision;
        }
        b'f' => vend = decpt + precision,
        b'g' => {
            let limit = if flags.add_dot_0 { precision - 1 } else { precision };
            if decpt <= -4 || decpt > limit {
                use_exp = true;
            }
            if flags.alt {
                vend = precision;
            }
        }
        _ => {
            if decpt <= -4 || decpt > 16 {
                use_exp = true;
            }
        }
    }
    let mut exp = 0;
    if use_exp {
        exp = decpt - 1;
        decpt = 1;
    }
    let vstart = if decpt <= 0 { decpt - 1 } else { 0 };
    vend = if !use_exp && flags.add_dot_0 { vend.max(decpt + 1) } else { vend.max(decpt) };

    out.reserve((vend - vstart) as usize + 8);
    if negative {
        out.push('-');
    } else if flags.sign {
        out.push('+');
    }
    let start_len = out.len();
    push_zeros(out, if decpt <= 0 { decpt - vstart } else { -vstart });
    if decpt <= 0 {
        out.push('.');
        push_zeros(out, -decpt);
    }
    if 0 < decpt && decpt <= ndigits {
        push_ascii(out, &digits[..decpt as usize]);
        out.push('.');
        push_ascii(out, &digits[decpt as usize..]);
    } else {
        push_ascii(out, digits);
    }
    if ndigits < decpt {
        push_zeros(out, decpt - ndigits);
        out.push('.');
        push_zeros(out, vend - decpt);
    } else {
        push_zeros(out, vend - ndigits);
    }
    if out.len() > start_len && out.ends_with('.') && !flags.alt {
        out.pop();
    }
    if use_exp {
        out.push(if upper { 'E' } else { 'e' });
        out.push(if exp < 0 { '-' } else { '+' });
        let e = exp.unsigned_abs();
        if e < 10 {
            out.push('0');
        }
        push_u64(out, e);
    }
}

#[inline]
fn push_zeros(out: &mut String, n: i64) {
    for _ in 0..n.max(0) {
        out.push('0');
    }
}

#[inline]
fn push_ascii(out: &mut String, digits: &[u8]) {
    // Digits are ASCII by construction.
    out.extend(digits.iter().map(|&b| b as char));
}

pub(crate) fn push_u64(out: &mut String, mut v: u64) {
    let mut tmp = [0u8; 20];
    let mut i = tmp.len();
    loop {
        i -= 1;
        tmp[i] = b'0' + (v % 10) as u8;
        v /= 10;
        if v == 0 {
            break;
        }
    }
    push_ascii(out, &tmp[i..]);
}

/// `float.is_integer()`.
#[inline]
pub fn is_integer(x: f64) -> bool {
    x.is_finite() && x.floor() == x
}

/// `float.as_integer_ratio()`: the exact `(numerator, denominator)` in lowest terms with a
/// positive denominator (a power of two).
pub fn as_integer_ratio(x: f64) -> Result<(BigInt, BigInt), PyError> {
    if x.is_nan() {
        return Err(PyError::value("cannot convert NaN to integer ratio"));
    }
    if x.is_infinite() {
        return Err(PyError::overflow("cannot convert Infinity to integer ratio"));
    }
    if x == 0.0 {
        return Ok((BigInt::from(0), BigInt::from(1)));
    }
    let (m, e) = digits::decompose(x.abs());
    let m = if x < 0.0 { -BigInt::from(m) } else { BigInt::from(m) };
    if e >= 0 { Ok((m << e as usize, BigInt::from(1))) } else { Ok((m, BigInt::from(1) << (-e) as usize)) }
}

/// `as_integer_ratio` for values whose numerator and denominator both fit in machine integers
/// (every double with `|x| < 2**63` and exponent `>= -126`): no allocation.
pub fn as_integer_ratio_small(x: f64) -> Option<(i64, u128)> {
    if !x.is_finite() {
        return None;
    }
    if x == 0.0 {
        return Some((0, 1));
    }
    let (m, e) = digits::decompose(x.abs());
    let m = m as i64 * if x < 0.0 { -1 } else { 1 };
    if e >= 0 {
        let n = m.checked_mul(1i64.checked_shl(e as u32).filter(|_| e < 63)?)?;
        Some((n, 1))
    } else if -e < 128 {
        Some((m, 1u128 << (-e)))
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fmt(x: f64, code: u8, precision: usize, flags: DtsFlags) -> String {
        let mut s = String::new();
        double_to_string(x, code, precision, flags, &mut s);
        s
    }

    #[test]
    fn repr_rules() {
        for (x, want) in [
            (1e16, "1e+16"),
            (1e15, "1000000000000000.0"),
            (1e-5, "1e-05"),
            (1e-4, "0.0001"),
            (0.1, "0.1"),
            (-0.0, "-0.0"),
            (f64::INFINITY, "inf"),
            (f64::NEG_INFINITY, "-inf"),
            (f64::NAN, "nan"),
            (1.0, "1.0"),
            (123456789012345680.0, "1.2345678901234568e+17"),
            (5e-324, "5e-324"),
            (1e100, "1e+100"),
        ] {
            assert_eq!(repr_string(x), want, "repr of {x:e}");
        }
    }

    #[test]
    fn format_codes() {
        let none = DtsFlags::default();
        assert_eq!(fmt(0.125, b'f', 2, none), "0.12");
        assert_eq!(fmt(2.675, b'f', 2, none), "2.67");
        assert_eq!(fmt(1234.5678, b'e', 3, none), "1.235e+03");
        assert_eq!(fmt(1234.5678, b'E', 3, none), "1.235E+03");
        assert_eq!(fmt(0.0001, b'g', 6, none), "0.0001");
        assert_eq!(fmt(0.00001, b'g', 6, none), "1e-05");
        assert_eq!(fmt(100000.0, b'g', 6, none), "100000");
        assert_eq!(fmt(1000000.0, b'g', 6, none), "1e+06");
        assert_eq!(fmt(1.0, b'g', 6, DtsFlags { alt: true, ..none }), "1.00000");
        assert_eq!(fmt(1.0, b'f', 0, DtsFlags { alt: true, ..none }), "1.");
        assert_eq!(fmt(-0.0, b'f', 1, none), "-0.0");
        assert_eq!(fmt(-0.0001, b'f', 2, DtsFlags { no_neg_0: true, ..none }), "0.00");
        assert_eq!(fmt(-0.01, b'f', 2, DtsFlags { no_neg_0: true, ..none }), "-0.01");
        assert_eq!(fmt(f64::NAN, b'F', 1, DtsFlags { sign: true, ..none }), "+NAN");
        assert_eq!(fmt(12.0, b'g', 2, DtsFlags { add_dot_0: true, ..none }), "1.2e+01");
        assert_eq!(fmt(1.0, b'g', 2, DtsFlags { add_dot_0: true, ..none }), "1.0");
        assert_eq!(fmt(123.0, b'g', 2, DtsFlags { add_dot_0: true, ..none }), "1.2e+02");
    }

    #[test]
    fn integer_ratio() {
        assert_eq!(as_integer_ratio(0.75).unwrap(), (BigInt::from(3), BigInt::from(4)));
        assert_eq!(as_integer_ratio(-2.0).unwrap(), (BigInt::from(-2), BigInt::from(1)));
        assert_eq!(as_integer_ratio(f64::NAN).unwrap_err().exception_name(), "ValueError");
        assert_eq!(as_integer_ratio(f64::INFINITY).unwrap_err().exception_name(), "OverflowError");
        assert_eq!(as_integer_ratio_small(0.1), Some((3602879701896397, 1u128 << 55)));
        assert_eq!(as_integer_ratio_small(1e300), None);
        assert!(is_integer(3.0) && !is_integer(3.5) && !is_integer(f64::INFINITY));
    }
}
