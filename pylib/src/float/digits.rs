//! Decimal digit generation for doubles: the three `dtoa` modes CPython uses.
//!
//! CPython formats floats with David Gay's `_Py_dg_dtoa`, which returns a digit string with no
//! trailing zeros plus the position of the decimal point (`decpt`: the value is
//! `0.d1d2d3... * 10**decpt`). Three modes matter:
//!
//! * mode 0, [`shortest`]: the shortest digit string that reads back as the same double. We take
//!   those digits from the `ryu` crate (which proves shortest round trip and picks the closest
//!   candidate, as Gay's mode 0 does) and only re-express them as digits + `decpt`.
//! * mode 2, [`significant`]: `n` significant digits, correctly rounded (round-half-even on the
//!   exact binary value).
//! * mode 3, [`fixed`]: `n` digits after the decimal point (`n` may be negative), correctly
//!   rounded.
//!
//! Modes 2 and 3 are done exactly: a finite double is `m * 2**e` with an integer `m < 2**53`, so
//! `round(x * 10**p)` is the rounded quotient of two integers. When both fit in a `u128` (the
//! common case: ordinary magnitudes and precisions below ~19) the division is a shift; otherwise
//! it is done with big integers. Ties are decided on the exact remainder, so `format(0.125,
//! '.2f')` is `'0.12'` and `format(2.675, '.2f')` is `'2.67'` (2.675 is really 2.67499999...).

use crate::bigint::BigUint;
use num_integer::Integer;
use num_traits::{One, ToPrimitive, Zero};

/// Digits of a finite double: `0.DIGITS * 10**decpt`, no trailing zeros (an empty digit string
/// means the value rounded to zero). The sign is the double's sign bit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decimal {
    store: DigitStore,
    /// Position of the decimal point relative to the first digit.
    pub decpt: i64,
    pub negative: bool,
}

/// Small digit strings live inline (every shortest repr and every `u128` quotient has at most
/// 40 digits); only exact big-number results go to the heap.
#[derive(Debug, Clone, PartialEq, Eq)]
enum DigitStore {
    Inline { buf: [u8; 40], len: u8 },
    Heap(Vec<u8>),
}

impl Decimal {
    /// The ASCII digits (`b'0'..=b'9'`), without trailing zeros.
    #[inline]
    pub fn digits(&self) -> &[u8] {
        match &self.store {
            DigitStore::Inline { buf, len } => &buf[..*len as usize],
            DigitStore::Heap(v) => v,
        }
    }

    fn from_slice(digits: &[u8], decpt: i64, negative: bool) -> Decimal {
        // Strip leading zeros (adjusting nothing: callers pass the decpt of the first digit
        // given, so a leading zero shifts it) and trailing zeros.
        let mut start = 0;
        let mut decpt = decpt;
        while start < digits.len() && digits[start] == b'0' {
            start += 1;
            decpt -= 1;
        }
        let mut end = digits.len();
        while end > start && digits[end - 1] == b'0' {
            end -= 1;
        }
        let digits = &digits[start..end];
        let store = if digits.len() <= 40 {
            let mut buf = [0u8; 40];
            buf[..digits.len()].copy_from_slice(digits);
            DigitStore::Inline { buf, len: digits.len() as u8 }
        } else {
            DigitStore::Heap(digits.to_vec())
        };
        Decimal { store, decpt, negative }
    }

    fn zero(negative: bool) -> Decimal {
        let mut buf = [0u8; 40];
        buf[0] = b'0';
        Decimal { store: DigitStore::Inline { buf, len: 1 }, decpt: 1, negative }
    }
}

/// Mode 0: the shortest round-trip digits of a finite `x` (`0.0` gives `"0"`, decpt 1).
pub fn shortest(x: f64) -> Decimal {
    let negative = x.is_sign_negative();
    if x == 0.0 {
        return Decimal::zero(negative);
    }
    let mut buffer = ryu::Buffer::new();
    let text = buffer.format_finite(x.abs()).as_bytes();
    // ryu prints `MANTISSA[eEXP]` where MANTISSA is `I.F` or `I`; rebuild digits + decpt.
    let (mantissa, exp) = match text.iter().position(|&b| b == b'e') {
        Some(i) => (&text[..i], parse_small_exponent(&text[i + 1..])),
        None => (text, 0),
    };
    let mut buf = [0u8; 40];
    let mut len = 0;
    let mut int_len = mantissa.len() as i64;
    for (i, &b) in mantissa.iter().enumerate() {
        if b == b'.' {
            int_len = i as i64;
        } else if len < buf.len() {
            buf[len] = b;
            len += 1;
        }
    }
    Decimal::from_slice(&buf[..len], int_len + exp, negative)
}

fn parse_small_exponent(text: &[u8]) -> i64 {
    let (neg, digits) = match text.first() {
        Some(b'-') => (true, &text[1..]),
        _ => (false, text),
    };
    let magnitude = digits.iter().fold(0i64, |acc, &d| acc * 10 + i64::from(d.wrapping_sub(b'0') % 10));
    if neg { -magnitude } else { magnitude }
}

/// Splits a finite non-zero `|x|` into `(m, e)` with `|x| == m * 2**e` and `m` odd.
#[inline]
pub(crate) fn decompose(x: f64) -> (u64, i32) {
    let bits = x.to_bits();
    let exp_field = ((bits >> 52) & 0x7ff) as i32;
    let frac = bits & ((1u64 << 52) - 1);
    let (m, e) = if exp_field == 0 { (frac, -1074) } else { (frac | (1u64 << 52), exp_field - 1075) };
    if m == 0 {
        return (0, 0);
    }
    let tz = m.trailing_zeros();
    (m >> tz, e + tz as i32)
}

/// The integer `m * 2**e * 10**p` (floored or rounded): a machine integer when it fits.
enum Scaled {
    Small(u128),
    Big(BigUint),
}

impl Scaled {
    fn is_zero(&self) -> bool {
        match self {
            Scaled::Small(v) => *v == 0,
            Scaled::Big(v) => v.is_zero(),
        }
    }

    /// Number of decimal digits (at least 1).
    fn digit_count(&self) -> usize {
        match self {
            Scaled::Small(v) => POW10_U128.iter().skip(1).take_while(|&&p| p <= *v).count() + 1,
            Scaled::Big(v) => v.to_str_radix(10).len(),
        }
    }

    /// The value as `0.DIGITS * 10**(ndigits - p)`: machine values go through a stack buffer.
    fn into_decimal(self, p: i64, negative: bool) -> Decimal {
        match self {
            Scaled::Small(v) => {
                let mut buf = [0u8; 40];
                let len = write_u128(v, &mut buf);
                Decimal::from_slice(&buf[..len], len as i64 - p, negative)
            }
            Scaled::Big(v) => {
                let text = v.to_str_radix(10);
                Decimal::from_slice(text.as_bytes(), text.len() as i64 - p, negative)
            }
        }
    }
}

/// Writes the decimal digits of `v` at the start of `buf`, returning their count.
fn write_u128(mut v: u128, buf: &mut [u8; 40]) -> usize {
    let mut tmp = [0u8; 40];
    let mut i = tmp.len();
    loop {
        i -= 1;
        tmp[i] = b'0' + (v % 10) as u8;
        v /= 10;
        if v == 0 {
            break;
        }
    }
    let len = tmp.len() - i;
    buf[..len].copy_from_slice(&tmp[i..]);
    len
}

const POW10_U128: [u128; 39] = {
    let mut t = [1u128; 39];
    let mut i = 1;
    while i < 39 {
        t[i] = t[i - 1] * 10;
        i += 1;
    }
    t
};

/// Computes `m * 2**e * 10**p`, either floored or rounded half-even, exactly.
fn scale(m: u64, e: i32, p: i64, round: bool) -> Scaled {
    if let Some(q) = scale_small(m, e, p, round) {
        return Scaled::Small(q);
    }
    let mut num = BigUint::from(m);
    let mut den = BigUint::one();
    if e >= 0 {
        num <<= e as usize;
    } else {
        den <<= (-e) as usize;
    }
    let ten = BigUint::from(10u32);
    if p >= 0 {
        num *= ten.pow(p as u32);
    } else {
        den *= ten.pow((-p) as u32);
    }
    let (q, r) = num.div_rem(&den);
    if !round {
        return Scaled::Big(q);
    }
    let twice_r: BigUint = r << 1usize;
    let q = match twice_r.cmp(&den) {
        std::cmp::Ordering::Greater => q + 1u32,
        std::cmp::Ordering::Equal if q.bit(0) => q + 1u32,
        _ => q,
    };
    match q.to_u128() {
        Some(v) => Scaled::Small(v),
        None => Scaled::Big(q),
    }
}

/// [`scale`] in machine integers: `None` when the numerator `m * 2**max(e,0) * 10**max(p,0)`
/// or the denominator `2**max(-e,0) * 10**max(-p,0)` does not fit a `u128`.
#[inline]
fn scale_small(m: u64, e: i32, p: i64, round: bool) -> Option<u128> {
    let mut num = u128::from(m);
    let mut den = 1u128;
    if e >= 0 {
        if e as u32 >= num.leading_zeros() {
            return None;
        }
        num <<= e;
    } else {
        if -e >= 127 {
            return None;
        }
        den <<= -e;
    }
    if p >= 0 {
        num = num.checked_mul(*POW10_U128.get(usize::try_from(p).ok()?)?)?;
    } else {
        den = den.checked_mul(*POW10_U128.get(usize::try_from(-p).ok()?)?)?;
    }
    let (q, r) =
        if den.is_power_of_two() { (num >> den.trailing_zeros(), num & (den - 1)) } else { (num / den, num % den) };
    // Half-even on the exact remainder: compare r with den - r (no overflow).
    let up = round && (r > den - r || (r == den - r && r != 0 && q & 1 == 1));
    Some(q + u128::from(up))
}

/// Mode 3: `x` correctly rounded to `ndigits` digits after the decimal point (negative
/// `ndigits` rounds to tens, hundreds, ...). `x` must be finite. `ndigits` is clamped to
/// ±1100, beyond which no double has further digits.
pub fn fixed(x: f64, ndigits: i64) -> Decimal {
    let negative = x.is_sign_negative();
    if x == 0.0 {
        return Decimal::zero(negative);
    }
    let p = ndigits.clamp(-1100, 1100);
    let (m, e) = decompose(x.abs());
    let q = scale(m, e, p, true);
    if q.is_zero() {
        return Decimal::from_slice(&[], -p, negative);
    }
    q.into_decimal(p, negative)
}

/// Mode 2: `x` correctly rounded to `ndigits >= 1` significant digits. `x` must be finite.
pub fn significant(x: f64, ndigits: usize) -> Decimal {
    let negative = x.is_sign_negative();
    if x == 0.0 {
        return Decimal::zero(negative);
    }
    // More than 800 significant digits are all exact: every double has at most 767.
    let n = ndigits.clamp(1, 800) as i64;
    let (m, e) = decompose(x.abs());
    // decpt k satisfies 10**(k-1) <= |x| < 10**k; estimate it, then correct by checking the
    // floored scaled value has exactly n digits.
    let mut k = (x.abs().log10().floor() as i64) + 1;
    for _ in 0..4 {
        let len = scale(m, e, n - k, false).digit_count() as i64;
        if len > n {
            k += 1;
        } else if len < n {
            k -= 1;
        } else {
            break;
        }
    }
    // Rounding up may carry into a new leading digit (9.96 to 2 digits is 10): the decimal
    // point then moves one place, which `into_decimal` accounts for through the digit count.
    scale(m, e, n - k, true).into_decimal(n - k, negative)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn show(d: &Decimal) -> (String, i64) {
        (String::from_utf8(d.digits().to_vec()).unwrap(), d.decpt)
    }

    /// The exact big-number computation, as the reference for the machine-integer path.
    fn scale_big(m: u64, e: i32, p: i64, round: bool) -> BigUint {
        let mut num = BigUint::from(m);
        let mut den = BigUint::one();
        if e >= 0 {
            num <<= e as usize
        } else {
            den <<= (-e) as usize
        }
        if p >= 0 {
            num *= BigUint::from(10u32).pow(p as u32)
        } else {
            den *= BigUint::from(10u32).pow((-p) as u32)
        }
        let (q, r) = num.div_rem(&den);
        let twice: BigUint = r << 1usize;
        if round && (twice > den || (twice == den && q.bit(0))) { q + 1u32 } else { q }
    }

    #[test]
    fn machine_path_agrees_with_big_numbers() {
        let mut state = 12345u64;
        let mut next = || {
            state = state.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            state >> 11
        };
        let mut checked = 0;
        for _ in 0..20000 {
            let m = next() | 1;
            let e = (next() % 200) as i32 - 130;
            let p = (next() % 60) as i64 - 30;
            for round in [false, true] {
                if let Some(q) = scale_small(m, e, p, round) {
                    assert_eq!(BigUint::from(q), scale_big(m, e, p, round), "m={m} e={e} p={p} round={round}");
                    checked += 1;
                }
            }
        }
        // Halfway cases: 0.5, 1.5, 2.5, 3.5, 4.5 round to even.
        let halves: Vec<Option<u128>> = [1u64, 3, 5, 7, 9].iter().map(|&m| scale_small(m, -1, 0, true)).collect();
        assert_eq!(halves, [Some(0), Some(2), Some(2), Some(4), Some(4)]);
        assert!(checked > 10000);
    }

    #[test]
    fn shortest_digits() {
        assert_eq!(show(&shortest(0.1)), ("1".into(), 0));
        assert_eq!(show(&shortest(1e16)), ("1".into(), 17));
        assert_eq!(show(&shortest(123.456)), ("123456".into(), 3));
        assert_eq!(show(&shortest(1e-5)), ("1".into(), -4));
        assert_eq!(show(&shortest(5e-324)), ("5".into(), -323));
        assert_eq!(show(&shortest(1.7976931348623157e308)), ("17976931348623157".into(), 309));
        assert_eq!(show(&shortest(0.0)), ("0".into(), 1));
    }

    #[test]
    fn fixed_rounds_exact_value_half_even() {
        assert_eq!(show(&fixed(0.125, 2)), ("12".into(), 0));
        assert_eq!(show(&fixed(0.375, 2)), ("38".into(), 0));
        assert_eq!(show(&fixed(2.675, 2)), ("267".into(), 1));
        assert_eq!(show(&fixed(2.5, 0)), ("2".into(), 1));
        assert_eq!(show(&fixed(0.5, 0)), ("".into(), 0));
        assert_eq!(show(&fixed(1234.0, -2)), ("12".into(), 4));
        assert_eq!(show(&fixed(1e300, 2)).1, 301);
    }

    #[test]
    fn significant_carries_into_new_digit() {
        assert_eq!(show(&significant(9.96, 2)), ("1".into(), 2));
        assert_eq!(show(&significant(0.001234, 2)), ("12".into(), -2));
        assert_eq!(show(&significant(1e23, 17)), ("99999999999999992".into(), 23));
        assert_eq!(show(&significant(5e-324, 3)), ("494".into(), -323));
    }
}
