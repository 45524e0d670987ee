//! The arbitrary-precision integer type used by this crate, behind one alias so that the choice
//! of crate (`num-bigint` today) can change in one place, and the int → float conversion.

use crate::error::PyError;
pub use num_bigint::BigInt;
pub use num_bigint::BigUint;
use num_traits::ToPrimitive;

/// `float(i)`: correctly rounded (half to even), `OverflowError` beyond the float range.
///
/// The top 64 bits of the magnitude are converted by the hardware's correctly rounded
/// `u64 → f64`, with every lower bit folded into the last one as a sticky bit (bit 0 is far
/// below the 53-bit rounding point, so this decides ties exactly); the power-of-two scale is
/// applied afterwards, which is exact unless it overflows.
pub fn to_f64(v: &BigInt) -> Result<f64, PyError> {
    let magnitude = v.magnitude();
    let bits = magnitude.bits();
    let value = if bits <= 64 {
        magnitude.to_u64().unwrap_or(0) as f64
    } else {
        let shift = bits - 64;
        let mut top = (magnitude >> shift).to_u64().unwrap_or(u64::MAX);
        if magnitude.trailing_zeros().unwrap_or(0) < shift {
            top |= 1;
        }
        let scaled = top as f64 * 2f64.powi(shift.min(2000) as i32);
        if scaled.is_infinite() {
            return Err(PyError::overflow("int too large to convert to float"));
        }
        scaled
    };
    Ok(if v.sign() == num_bigint::Sign::Minus { -value } else { value })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn int_to_float_rounds_half_even() {
        let two = BigInt::from(2);
        assert_eq!(to_f64(&(two.pow(53) + 1)).unwrap(), 9007199254740992.0);
        assert_eq!(to_f64(&(two.pow(53) + 3)).unwrap(), 9007199254740996.0);
        // 2**100 + 2**47 + 1 is just above the halfway point between two doubles.
        assert_eq!(to_f64(&(two.pow(100) + two.pow(47) + 1)).unwrap(), 2f64.powi(100) + 2f64.powi(48));
        assert_eq!(to_f64(&(two.pow(100) + two.pow(47))).unwrap(), 2f64.powi(100));
        assert_eq!(to_f64(&-(two.pow(70))).unwrap(), -(2f64.powi(70)));
        assert_eq!(to_f64(&two.pow(1024)).unwrap_err().message(), "int too large to convert to float");
        assert_eq!(to_f64(&(two.pow(1024) - two.pow(970))).unwrap_err().exception_name(), "OverflowError");
    }
}
