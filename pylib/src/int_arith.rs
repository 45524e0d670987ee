//! Integer operations that need more than the big-integer crate gives: `int / int` (true
//! division, correctly rounded, as CPython 3.13's `long_true_divide`) and three-argument
//! `pow(a, b, m)` (`long_pow` with a modulus).
//!
//! `pow(a, b, m)`: `m == 0` is an error; the result takes the sign of `m` (in `(m, 0]` for a
//! negative modulus); `|m| == 1` gives 0; a negative exponent first replaces the base by its
//! inverse modulo `|m|` (an error when there is none).
//!
//! True division:
//! When both operands are below 2**53 they convert to floats exactly and one IEEE division
//! rounds correctly. Otherwise the quotient is computed as an integer with two bits more than
//! the result keeps (`q = floor(|a| * 2**s / |b|)`, with `s` chosen from the operands' bit
//! lengths), the remainder becomes a sticky bit, and `q` is rounded half-even to 53
//! significant bits — or fewer when the result is subnormal, so that there is exactly one
//! rounding. A result beyond the float range is `OverflowError: integer division result too
//! large for a float`; one below the smallest subnormal rounds to a (signed) zero.

use crate::bigint::{BigInt, BigUint};
use crate::error::PyError;
use num_integer::Integer;
use num_traits::{ToPrimitive, Zero};

/// `a / b` for ints.
pub fn true_divide(a: &BigInt, b: &BigInt) -> Result<f64, PyError> {
    if b.is_zero() {
        return Err(PyError::ZeroDivisionError("division by zero".into()));
    }
    let negative = (a.sign() == num_bigint::Sign::Minus) != (b.sign() == num_bigint::Sign::Minus);
    let sign = |v: f64| if negative { -v } else { v };
    if a.is_zero() {
        return Ok(sign(0.0));
    }
    let (ma, mb) = (a.magnitude(), b.magnitude());
    if ma.bits() <= 53 && mb.bits() <= 53 {
        let (x, y) = (ma.to_u64().unwrap_or(0) as f64, mb.to_u64().unwrap_or(1) as f64);
        return Ok(sign(x / y));
    }
    let too_large = || PyError::overflow("integer division result too large for a float");
    let diff = ma.bits() as i64 - mb.bits() as i64;
    // |a/b| is in [2**(diff-1), 2**(diff+1)).
    if diff - 1 > 1024 {
        return Err(too_large());
    }
    if diff + 1 < -1075 {
        return Ok(sign(0.0));
    }
    // Exponent of the last kept bit if the quotient is as small as it can be, then two more.
    let lsb = (diff - 1 - 52).max(-1074);
    let s = 2 - lsb;
    let (num, den) = if s >= 0 { (ma << s as usize, mb.clone()) } else { (ma.clone(), mb << (-s) as usize) };
    let (q, r) = num.div_rem(&den);
    let nbits = q.bits() as i64;
    // q * 2**(-s) is the truncated quotient; keep 53 bits, and none below 2**-1074.
    let drop = (nbits - 53).max(-1074 + s).max(0);
    let mut mantissa = (&q >> drop as usize).to_u64().unwrap_or(u64::MAX);
    if drop > 0 {
        let half = q.bit(drop as u64 - 1);
        let sticky = !r.is_zero() || has_bits_below(&q, drop as u64 - 1);
        if half && (sticky || mantissa & 1 == 1) {
            mantissa += 1;
        }
    }
    let exp = drop - s; // value = mantissa * 2**exp
    let top = exp + 64 - i64::from(mantissa.leading_zeros() as u8) - 1;
    if top > 1023 {
        return Err(too_large());
    }
    if mantissa == 0 {
        return Ok(sign(0.0));
    }
    // mantissa <= 2**53 and the exponent is in range: the product is exact.
    Ok(sign(mantissa as f64 * pow2(exp)))
}

/// `pow(a, b, m)` for ints.
pub fn pow_mod(a: &BigInt, b: &BigInt, m: &BigInt) -> Result<BigInt, PyError> {
    if m.is_zero() {
        return Err(PyError::value("pow() 3rd argument cannot be 0"));
    }
    let modulus = BigInt::from(m.magnitude().clone());
    if modulus == BigInt::from(1) {
        return Ok(BigInt::zero());
    }
    let (base, exponent) = if b.sign() == num_bigint::Sign::Minus {
        let inverse = a
            .mod_floor(&modulus)
            .modinv(&modulus)
            .ok_or_else(|| PyError::value("base is not invertible for the given modulus"))?;
        (inverse, -b)
    } else {
        (a.mod_floor(&modulus), b.clone())
    };
    let z = base.modpow(&exponent, &modulus);
    Ok(if m.sign() == num_bigint::Sign::Minus && !z.is_zero() { z - modulus } else { z })
}

/// `round(a, ndigits)` for an int: unchanged for `ndigits >= 0`, else the nearest multiple of
/// `10**-ndigits`, ties to the even multiple (CPython's `divmod_near`).
pub fn round_int(a: &BigInt, ndigits: i64) -> BigInt {
    if ndigits >= 0 || a.is_zero() {
        return a.clone();
    }
    let n = ndigits.unsigned_abs();
    // |a| < 10**digits <= 10**n / 10 < 10**n / 2: the nearest multiple is 0. This also keeps
    // huge `ndigits` from building a huge power of ten.
    let digits = (a.bits() as f64 * std::f64::consts::LOG10_2).floor() as u64 + 1;
    if n > digits {
        return BigInt::zero();
    }
    let b = BigInt::from(10).pow(n as u32);
    let (q, r) = a.div_mod_floor(&b);
    let twice: BigInt = &r << 1usize;
    if twice > b || (twice == b && q.is_odd()) { a - r + b } else { a - r }
}

/// Whether any of the lowest `n` bits of `v` is set.
fn has_bits_below(v: &BigUint, n: u64) -> bool {
    n > 0 && v.trailing_zeros().is_some_and(|tz| tz < n)
}

/// `2**k` for `-1074 <= k <= 1023` (other `k` only arise with a zero mantissa or overflow,
/// both handled before; they saturate).
fn pow2(k: i64) -> f64 {
    if k > 1023 {
        f64::INFINITY
    } else if k >= -1022 {
        f64::from_bits(((k + 1023) as u64) << 52)
    } else if k >= -1074 {
        f64::from_bits(1u64 << (k + 1074))
    } else {
        0.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(a: BigInt, b: BigInt) -> Result<f64, String> {
        true_divide(&a, &b).map_err(|e| e.message().to_string())
    }

    #[test]
    fn correctly_rounded() {
        let big = |s: &str| s.parse::<BigInt>().unwrap();
        let two = BigInt::from(2);
        assert_eq!(d(BigInt::from(1), BigInt::from(3)).unwrap(), 1.0 / 3.0);
        assert_eq!(d(big("1000000000000000000000000000000"), BigInt::from(7)).unwrap(), 1.4285714285714285e29);
        assert_eq!(d(BigInt::from(10).pow(400), BigInt::from(10).pow(100)).unwrap(), 1e300);
        assert_eq!(d(BigInt::from(1), two.pow(1074)).unwrap(), 5e-324);
        assert_eq!(d(BigInt::from(3), two.pow(1075)).unwrap(), 1e-323);
        assert_eq!(d(BigInt::from(1), two.pow(1075)).unwrap(), 0.0);
        assert_eq!(d(BigInt::from(3), two.pow(1076)).unwrap(), 5e-324);
        assert_eq!(d(two.pow(1024) - two.pow(971), BigInt::from(1)).unwrap(), f64::MAX);
        assert_eq!(
            d(two.pow(1024) - two.pow(970), BigInt::from(1)).unwrap_err(),
            "integer division result too large for a float"
        );
        assert!(d(BigInt::from(0), BigInt::from(-5)).unwrap().is_sign_negative());
        assert!(d(BigInt::from(-1), BigInt::from(10).pow(400)).unwrap().is_sign_negative());
        assert_eq!(d(BigInt::from(1), BigInt::from(0)).unwrap_err(), "division by zero");
    }

    #[test]
    fn rounding_ints() {
        let r = |a: i64, n: i64| round_int(&BigInt::from(a), n);
        assert_eq!(r(1234, -2), BigInt::from(1200));
        assert_eq!(r(1250, -2), BigInt::from(1200));
        assert_eq!(r(1350, -2), BigInt::from(1400));
        assert_eq!(r(-1250, -2), BigInt::from(-1200));
        assert_eq!(r(-1251, -2), BigInt::from(-1300));
        assert_eq!(r(5, -1), BigInt::from(0));
        assert_eq!(r(15, -1), BigInt::from(20));
        assert_eq!(r(49, -2), BigInt::from(0));
        assert_eq!(r(50, -2), BigInt::from(0));
        assert_eq!(r(51, -2), BigInt::from(100));
        assert_eq!(r(7, 3), BigInt::from(7));
        assert_eq!(r(i64::MAX, i64::MIN), BigInt::from(0));
    }

    #[test]
    fn modular_powers() {
        let p = |a: i64, b: i64, m: i64| pow_mod(&a.into(), &b.into(), &m.into()).map_err(|e| e.message().to_string());
        assert_eq!(p(3, 4, 5).unwrap(), BigInt::from(1));
        assert_eq!(p(3, 4, -5).unwrap(), BigInt::from(-4));
        assert_eq!(p(-3, 3, 7).unwrap(), BigInt::from(1));
        assert_eq!(p(3, -1, 7).unwrap(), BigInt::from(5));
        assert_eq!(p(5, 0, 1).unwrap(), BigInt::from(0));
        assert_eq!(p(2, -1, 4).unwrap_err(), "base is not invertible for the given modulus");
        assert_eq!(p(2, 1, 0).unwrap_err(), "pow() 3rd argument cannot be 0");
    }
}
