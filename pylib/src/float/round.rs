//! `round(x)` and `round(x, n)` for floats, as CPython's `float.__round__`.
//!
//! Without `ndigits`, round half to even: C's `round` (half away from zero) corrected when the
//! value was exactly halfway. With `ndigits`, CPython rounds the exact binary value to `n`
//! decimal places with `dtoa` mode 3 and reads the resulting decimal string back with a
//! correctly rounded `strtod`; we do the same with exact digit generation and Rust's correctly
//! rounded parser. `ndigits` beyond 323 returns `x`, below -308 returns `0.0 * x`; an overflow
//! while reading back (`round(1.7976931348623157e308, -308)`) is an `OverflowError`.

use super::digits;
use crate::error::PyError;

/// `round(x)`: the nearest integral value, ties to even, as an `f64` (the object layer turns it
/// into an `int`; the errors are the ones that conversion raises).
pub fn round_half_even(x: f64) -> Result<f64, PyError> {
    if x.is_nan() {
        return Err(PyError::value("cannot convert float NaN to integer"));
    }
    if x.is_infinite() {
        return Err(PyError::overflow("cannot convert float infinity to integer"));
    }
    let rounded = x.round();
    if (x - rounded).abs() == 0.5 { Ok(2.0 * (x / 2.0).round()) } else { Ok(rounded) }
}

/// Largest and smallest `ndigits` that can change a double: CPython's
/// `NDIGITS_MAX = (int)((DBL_MANT_DIG - DBL_MIN_EXP) * 0.30103)` = (53 + 1021) * 0.30103 and
/// `NDIGITS_MIN = -(int)((DBL_MAX_EXP + 1) * 0.30103)` = -(1025 * 0.30103), truncated.
const NDIGITS_MAX: i64 = 323;
const NDIGITS_MIN: i64 = -308;

/// `round(x, ndigits)`.
pub fn round_ndigits(x: f64, ndigits: i64) -> Result<f64, PyError> {
    if !x.is_finite() || x == 0.0 {
        return Ok(x);
    }
    if ndigits > NDIGITS_MAX {
        return Ok(x);
    }
    if ndigits < NDIGITS_MIN {
        return Ok(0.0 * x);
    }
    let d = digits::fixed(x, ndigits);
    let mut text = String::with_capacity(d.digits().len() + 16);
    if d.negative {
        text.push('-');
    }
    text.push('0');
    text.extend(d.digits().iter().map(|&b| b as char));
    text.push('e');
    let exp = d.decpt - d.digits().len() as i64;
    if exp < 0 {
        text.push('-');
    }
    super::push_u64(&mut text, exp.unsigned_abs());
    let rounded: f64 = text.parse().unwrap_or(f64::NAN);
    if rounded.is_infinite() {
        return Err(PyError::overflow("rounded value too large to represent"));
    }
    Ok(rounded)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn half_even() {
        assert_eq!(round_half_even(2.5).unwrap(), 2.0);
        assert_eq!(round_half_even(0.5).unwrap(), 0.0);
        assert_eq!(round_half_even(-1.5).unwrap(), -2.0);
        assert_eq!(round_half_even(3.7).unwrap(), 4.0);
        assert_eq!(round_half_even(f64::NAN).unwrap_err().message(), "cannot convert float NaN to integer");
    }

    #[test]
    fn with_ndigits() {
        assert_eq!(round_ndigits(1.2345, 3).unwrap(), 1.234);
        assert_eq!(round_ndigits(2.675, 2).unwrap(), 2.67);
        assert_eq!(round_ndigits(0.125, 2).unwrap(), 0.12);
        assert_eq!(round_ndigits(1234.5, -2).unwrap(), 1200.0);
        assert_eq!(round_ndigits(-0.4, 0).unwrap().to_bits(), (-0.0f64).to_bits());
        assert_eq!(round_ndigits(5.0, -1).unwrap(), 0.0);
        assert_eq!(round_ndigits(15.0, -1).unwrap(), 20.0);
        assert_eq!(round_ndigits(1.5, 400).unwrap(), 1.5);
        assert_eq!(round_ndigits(1e300, -400).unwrap(), 0.0);
        assert_eq!(round_ndigits(1.7976931348623157e308, -308).unwrap_err().exception_name(), "OverflowError");
    }
}
