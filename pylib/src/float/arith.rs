//! Float arithmetic with Python's semantics (CPython 3.13's `Objects/floatobject.c`): true
//! division, `%` and `//` and `divmod` (floored, the remainder takes the divisor's sign), and
//! `**` with C99's special cases made explicit.
//!
//! `%` is C's `fmod` corrected to the divisor's sign (a zero remainder gets the divisor's
//! sign too). `//` is `(x - x % y) / y` snapped to the nearest integral value, so that
//! `divmod(x, y)` is consistent with both. `**` settles zero, infinite and NaN operands first
//! (`1 ** nan == 1`, `inf ** -3 == 0`, `0.0 ** -1` raises), hands a negative base with a
//! non-integral exponent to complex exponentiation, and leaves finite cases to the platform
//! `pow` (the same libm CPython uses), where an infinite result is `OverflowError`.

use crate::error::PyError;

/// `x / y`.
#[inline]
pub fn div(x: f64, y: f64) -> Result<f64, PyError> {
    if y == 0.0 {
        return Err(PyError::ZeroDivisionError("float division by zero".into()));
    }
    Ok(x / y)
}

/// `x % y`.
#[inline]
pub fn rem(x: f64, y: f64) -> Result<f64, PyError> {
    if y == 0.0 {
        return Err(PyError::ZeroDivisionError("float modulo by zero".into()));
    }
    let m = x % y;
    Ok(if m != 0.0 {
        if (y < 0.0) != (m < 0.0) { m + y } else { m }
    } else {
        // A zero remainder takes the divisor's sign on every platform.
        0f64.copysign(y)
    })
}

/// `divmod(x, y)`: `(x // y, x % y)`.
pub fn divmod(x: f64, y: f64) -> Result<(f64, f64), PyError> {
    if y == 0.0 {
        return Err(PyError::ZeroDivisionError("float divmod()".into()));
    }
    Ok(divmod_nonzero(x, y))
}

/// `x // y`.
pub fn floordiv(x: f64, y: f64) -> Result<f64, PyError> {
    if y == 0.0 {
        return Err(PyError::ZeroDivisionError("float floor division by zero".into()));
    }
    Ok(divmod_nonzero(x, y).0)
}

fn divmod_nonzero(x: f64, y: f64) -> (f64, f64) {
    let mut m = x % y;
    // fmod is exact, so x - m is an exact multiple of y up to the rounding of this division.
    let mut d = (x - m) / y;
    if m != 0.0 {
        if (y < 0.0) != (m < 0.0) {
            m += y;
            d -= 1.0;
        }
    } else {
        m = 0f64.copysign(y);
    }
    let q = if d != 0.0 {
        let f = d.floor();
        if d - f > 0.5 { f + 1.0 } else { f }
    } else {
        // A zero quotient takes the sign of the true quotient.
        0f64.copysign(x / y)
    };
    (q, m)
}

/// The result of `x ** y`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Power {
    Float(f64),
    /// A negative base with a non-integral exponent: the result is `complex(x) ** complex(y)`.
    Complex,
}

/// True when `v` is an odd integer (CPython's `DOUBLE_IS_ODD_INTEGER`).
#[inline]
fn is_odd_integer(v: f64) -> bool {
    (v % 2.0).abs() == 1.0
}

/// `x ** y` (`pow(x, y)`; a third argument is the caller's `TypeError`).
pub fn pow(x: f64, y: f64) -> Result<Power, PyError> {
    use Power::Float;
    if y == 0.0 {
        return Ok(Float(1.0));
    }
    if x.is_nan() {
        return Ok(Float(x));
    }
    if y.is_nan() {
        return Ok(Float(if x == 1.0 { 1.0 } else { y }));
    }
    if y.is_infinite() {
        let ax = x.abs();
        return Ok(Float(if ax == 1.0 {
            1.0
        } else if (y > 0.0) == (ax > 1.0) {
            f64::INFINITY
        } else {
            0.0
        }));
    }
    if x.is_infinite() {
        let odd = is_odd_integer(y);
        return Ok(Float(if y > 0.0 {
            if odd { x } else { x.abs() }
        } else if odd {
            0f64.copysign(x)
        } else {
            0.0
        }));
    }
    if x == 0.0 {
        if y < 0.0 {
            return Err(PyError::ZeroDivisionError("0.0 cannot be raised to a negative power".into()));
        }
        return Ok(Float(if is_odd_integer(y) { x } else { 0.0 }));
    }
    let mut base = x;
    let mut negate = false;
    if base < 0.0 {
        if y != y.floor() {
            return Ok(Power::Complex);
        }
        base = -base;
        negate = is_odd_integer(y);
    }
    if base == 1.0 {
        return Ok(Float(if negate { -1.0 } else { 1.0 }));
    }
    let r = base.powf(y);
    if r.is_infinite() {
        return Err(PyError::overflow("(34, 'Numerical result out of range')"));
    }
    Ok(Float(if negate { -r } else { r }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn floored_division() {
        assert_eq!(rem(-1.0, 3.0).unwrap(), 2.0);
        assert_eq!(rem(1.0, -3.0).unwrap(), -2.0);
        assert!(rem(-0.0, 3.0).unwrap().is_sign_positive() && rem(0.0, -3.0).unwrap().is_sign_negative());
        assert_eq!(rem(-1.0, f64::INFINITY).unwrap(), f64::INFINITY);
        assert_eq!(divmod(7.5, -2.0).unwrap(), (-4.0, -0.5));
        assert_eq!(divmod(-1.0, f64::INFINITY).unwrap(), (-1.0, f64::INFINITY));
        assert!(floordiv(0.0, -5.0).unwrap().is_sign_negative());
        assert_eq!(floordiv(1.0, 0.0).unwrap_err().message(), "float floor division by zero");
        assert_eq!(div(1.0, 0.0).unwrap_err().exception_name(), "ZeroDivisionError");
    }

    #[test]
    fn powers() {
        assert_eq!(pow(f64::NAN, 0.0).unwrap(), Power::Float(1.0));
        assert_eq!(pow(1.0, f64::NAN).unwrap(), Power::Float(1.0));
        assert_eq!(pow(-1.0, f64::INFINITY).unwrap(), Power::Float(1.0));
        assert_eq!(pow(0.5, f64::NEG_INFINITY).unwrap(), Power::Float(f64::INFINITY));
        assert_eq!(pow(f64::NEG_INFINITY, 3.0).unwrap(), Power::Float(f64::NEG_INFINITY));
        assert_eq!(pow(-8.0, 1.0 / 3.0).unwrap(), Power::Complex);
        assert_eq!(pow(-2.0, 3.0).unwrap(), Power::Float(-8.0));
        assert_eq!(pow(0.0, -1.0).unwrap_err().message(), "0.0 cannot be raised to a negative power");
        assert_eq!(pow(10.0, 400.0).unwrap_err().message(), "(34, 'Numerical result out of range')");
        assert_eq!(pow(10.0, -400.0).unwrap(), Power::Float(0.0));
    }
}
