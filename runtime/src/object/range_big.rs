//! `range` objects whose bounds do not fit the fast 128-bit representation of `range.rs`
//! (CPython keeps a range's `start`, `stop` and `step` as ints of any size:
//! `range(2**200)`, `range(-2**130, 2**130, 3)`).
//!
//! Such a range keeps its three bounds as `BigInt`s ([`BigBounds`], boxed in the
//! `RangeObject`), and every operation is CPython's `rangeobject.c` arithmetic on them: the
//! length `(hi - lo - 1) // step + 1`, item `i` at `start + i*step`, membership of an int by
//! `(x - start) % step == 0` within the bounds, slices through the slice's indices taken
//! against the (big) length (`_PySlice_GetLongIndices`). `len()` of a range longer than a
//! machine word is CPython's `OverflowError`; iteration walks the items lazily through the
//! generic sequence iterator (CPython has a `longrange_iterator`). A result whose bounds fit the
//! fast form again is made in that form.

use num_bigint::BigInt;
use num_traits::{One, Signed, ToPrimitive, Zero};

use super::abstract_ops as ops;
use super::header::PyObject;
use super::immortal::immortals;
use super::int::{as_int, new_big};
use super::obj::Obj;
use super::range::SliceObject;
use super::tuple::new_tuple;
use crate::error::{PyErr, PyResult};

/// The bounds of a range beyond the fast form.
pub(crate) struct BigBounds {
    pub(crate) start: BigInt,
    pub(crate) stop: BigInt,
    pub(crate) step: BigInt,
}

impl BigBounds {
    /// The number of items (`compute_range_length`).
    pub(crate) fn length(&self) -> BigInt {
        let (lo, hi, step) = if self.step.is_positive() {
            (&self.start, &self.stop, self.step.clone())
        } else {
            (&self.stop, &self.start, -&self.step)
        };
        if lo >= hi { BigInt::zero() } else { (hi - lo - BigInt::one()) / step + BigInt::one() }
    }

    /// Whether the int `x` is one of the items.
    pub(crate) fn has(&self, x: &BigInt) -> bool {
        let inside = if self.step.is_positive() {
            &self.start <= x && x < &self.stop
        } else {
            &self.stop < x && x <= &self.start
        };
        inside && ((x - &self.start) % &self.step).is_zero()
    }

    /// Item `i` (`compute_item`), not bounds-checked.
    fn item(&self, i: &BigInt) -> BigInt {
        &self.start + i * &self.step
    }
}

/// An object with `__index__` as a `BigInt`.
pub(crate) fn index_big(o: &PyObject) -> PyResult<BigInt> {
    let i = ops::index(o)?;
    Ok(as_int(&i).expect("__index__ gives an int").to_big())
}

/// `repr(range)`.
pub(crate) fn repr(b: &BigBounds) -> String {
    if b.step.is_one() {
        format!("range({}, {})", b.start, b.stop)
    } else {
        format!("range({}, {}, {})", b.start, b.stop, b.step)
    }
}

/// `len(range)`: CPython's `OverflowError` beyond a machine word.
pub(crate) fn len(b: &BigBounds) -> PyResult<usize> {
    b.length().to_isize().map(|n| n as usize).ok_or_else(super::range::too_large)
}

/// `r[i]` for an index object.
pub(crate) fn item(b: &BigBounds, key: &PyObject) -> PyResult<Obj> {
    let n = b.length();
    let mut i = index_big(key)?;
    if i.is_negative() {
        i += &n;
    }
    if i.is_negative() || i >= n {
        return Err(PyErr::index_error("range object index out of range"));
    }
    new_big(b.item(&i))
}

/// A slice field as a `BigInt` (`None` stays `None`); CPython's message for a non-index.
fn slice_field(v: &PyObject) -> PyResult<Option<BigInt>> {
    if v.is(immortals().none) {
        return Ok(None);
    }
    if as_int(v).is_none() && v.type_object().number.index.is_none() {
        return Err(PyErr::type_error("slice indices must be integers or None or have an __index__ method"));
    }
    index_big(v).map(Some)
}

/// `r[a:b:c]` (`compute_slice` with `_PySlice_GetLongIndices`): the bounds of the new range.
pub(crate) fn slice(b: &BigBounds, sl: &SliceObject) -> PyResult<BigBounds> {
    let step = slice_field(&sl.step)?.unwrap_or_else(BigInt::one);
    if step.is_zero() {
        return Err(PyErr::value_error("slice step cannot be zero"));
    }
    let len = b.length();
    let back = step.is_negative();
    let (lower, upper) = if back { (-BigInt::one(), &len - 1) } else { (BigInt::zero(), len.clone()) };
    let adjust = |v: Option<BigInt>, default: &BigInt| -> BigInt {
        let Some(mut i) = v else { return default.clone() };
        if i.is_negative() {
            i += &len;
            if i < lower {
                i = lower.clone();
            }
        } else if i > upper {
            i = upper.clone();
        }
        i
    };
    let start = adjust(slice_field(&sl.start)?, if back { &upper } else { &lower });
    let stop = adjust(slice_field(&sl.stop)?, if back { &lower } else { &upper });
    Ok(BigBounds { start: b.item(&start), stop: b.item(&stop), step: step * &b.step })
}

/// Equal ranges are equal sequences (see `range.rs`).
pub(crate) fn equal(x: &BigBounds, y: &BigBounds) -> bool {
    let n = x.length();
    n == y.length() && (n.is_zero() || (x.start == y.start && (n.is_one() || x.step == y.step)))
}

/// `hash(range)`: the hash of `(len, start, step)` with `None` where they do not matter.
pub(crate) fn hash(b: &BigBounds) -> PyResult<isize> {
    let n = b.length();
    let none = || Obj::new_ref(immortals().none);
    let t = if n.is_zero() {
        new_tuple(vec![new_big(n)?, none(), none()])?
    } else if n.is_one() {
        new_tuple(vec![new_big(n)?, new_big(b.start.clone())?, none()])?
    } else {
        new_tuple(vec![new_big(n)?, new_big(b.start.clone())?, new_big(b.step.clone())?])?
    };
    ops::hash(&t)
}

/// `range.index(x)` for an int `x` that is an item: its position.
pub(crate) fn position(b: &BigBounds, x: &BigInt) -> BigInt {
    (x - &b.start) / &b.step
}

/// The bounds of `reversed(r)` as a range: last item, down past the first.
pub(crate) fn reversed(b: &BigBounds) -> BigBounds {
    let n = b.length();
    let last = b.item(&(n - 1));
    BigBounds { stop: &b.start - &b.step, start: last, step: -&b.step }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn big(start: i64, stop: i64, step: i64, shift: u32) -> BigBounds {
        let k = BigInt::one() << shift;
        BigBounds { start: BigInt::from(start) * &k, stop: BigInt::from(stop) * &k, step: BigInt::from(step) * &k }
    }

    #[test]
    fn length_membership_and_reversal_follow_the_arithmetic() {
        let r = big(0, 10, 3, 200); // 0, 3k, 6k, 9k
        assert_eq!(r.length(), BigInt::from(4));
        let k = BigInt::one() << 200u32;
        assert!(r.has(&(BigInt::from(6) * &k)) && !r.has(&(BigInt::from(7) * &k)) && !r.has(&(BigInt::from(12) * &k)));
        assert_eq!(position(&r, &(BigInt::from(9) * &k)), BigInt::from(3));
        let rev = reversed(&r);
        assert_eq!(rev.length(), BigInt::from(4));
        assert_eq!(rev.start, BigInt::from(9) * &k);
        assert!(equal(&big(5, 5, 1, 200), &big(7, 7, 2, 130)), "empty ranges are equal");
        assert!(big(10, 0, -3, 150).has(&(BigInt::from(1) << 150u32)));
    }
}
