//! Fast paths of the arithmetic operators on exact `int` (machine word) and exact `float`
//! operands, and the reuse of a dying operand for the result.
//!
//! **Exact-type fast paths** ([`binary_op_exact`]). `BINARY_OP` on two exact ints whose values
//! fit a machine word, or on exact floats (or a float and a word-sized int), computes the result
//! without the protocol's slot lookups (`binary_op1`: type tests, the reflected-operand rule,
//! `NotImplemented`). Only the cases whose answer is certain are taken: an overflow of the word,
//! a zero divisor, a negative or large shift, an int too wide for a double's 53-bit mantissa in
//! an int/int true division, a float power that errs or has a complex result — anything that
//! would raise, go big or round differently — answers `None`, and the caller runs the generic
//! operation, which gives CPython's result or error.
//! Exact types only: a subclass may override the operator (or its reflection).
//! [`compare_exact`] does the same for the comparisons of the generic `COMPARE_OP`.
//!
//! **Reuse of a dying operand** ([`float_result_reusing`], [`int_result_reusing`]). When the
//! evaluation stack's reference to an operand is the object's only reference
//! ([`super::refcount::is_unique`]: owned by this thread, local count 1, shared count 0), nobody
//! else can observe the object, so the result is written into it and it is pushed back: no
//! allocation and no deallocation (CPython 3.14 does this for floats and ints). `x = a * b + c`
//! then allocates one float instead of two. Identity stays CPython's where it is observable:
//! an int result in the small-int range is always the cached immortal.
//!
//! **The float free and allocation.** An operand that is not reused is given up through
//! [`release_exact_float`] (CPython's `_Py_DECREF_SPECIALIZED(op, _PyFloat_ExactDealloc)`): when
//! the owner drops the last reference and no other thread ever counted one, the block goes
//! straight to the thread heap's kept blocks, without the generic drop's weak-reference test and
//! deallocator dispatch (a float has neither weak references nor a finaliser); a shared float
//! takes the normal biased-counting protocol. A new result is made by
//! [`super::float::new_float_known`], inlined here, from the kept block the operands just gave.

use super::float::{FloatObject, new_float_known, release_exact_float};
use super::header::PyObject;
use super::immortal::{immortals, types_known_made};
use super::int::{IntObject, new_int_known, release_exact_int};
use super::obj::Obj;
use super::refcount::is_unique;
use super::slots::BinOp;
use super::typeobj::CompareOp;
use crate::error::PyResult;

/// The value of an exact `int` that fits a word.
#[inline(always)]
fn exact_word(o: &PyObject) -> Option<i64> {
    if std::ptr::eq(o.type_object(), types_known_made(o).int_type) {
        // SAFETY: exact ints are laid out as IntObject.
        let i = unsafe { o.cast::<IntObject>() };
        if i.big.is_none() {
            return Some(i.value);
        }
    }
    None
}

/// The value of an exact `float`.
#[inline(always)]
fn exact_float(o: &PyObject) -> Option<f64> {
    if std::ptr::eq(o.type_object(), types_known_made(o).float_type) {
        // SAFETY: exact floats are laid out as FloatObject.
        Some(unsafe { o.cast::<FloatObject>() }.value)
    } else {
        None
    }
}

/// Largest magnitude of an int converted to a double exactly (2**53): an int/int true
/// division of such values is one correctly rounded IEEE division, as CPython's.
const EXACT_IN_DOUBLE: u64 = 1 << 53;

/// `lhs <bop> rhs` when both are exact word-sized ints or exact floats (or one of each) and the
/// result is certain; `None` sends the caller to the generic operation (see the module docs).
#[inline]
pub(crate) fn binary_op_exact(bop: BinOp, lhs: &PyObject, rhs: &PyObject) -> Option<PyResult<Obj>> {
    if let (Some(a), Some(b)) = (exact_word(lhs), exact_word(rhs)) {
        return int_op(bop, a, b);
    }
    let (a, b) = match (exact_float(lhs), exact_float(rhs)) {
        (Some(a), Some(b)) => (a, b),
        // A word-sized int converts to the nearest double, as CPython's `float + int` does.
        (Some(a), None) => (a, exact_word(rhs)? as f64),
        (None, Some(b)) => (exact_word(lhs)? as f64, b),
        (None, None) => return None,
    };
    let r = match bop {
        BinOp::Add => a + b,
        BinOp::Subtract => a - b,
        BinOp::Multiply => a * b,
        BinOp::TrueDivide if b != 0.0 => a / b,
        // pyrt-pylib's `float.__pow__`; its errors and complex results take the generic path.
        BinOp::Power => match pyrt_pylib::float::arith::pow(a, b) {
            Ok(pyrt_pylib::float::arith::Power::Float(r)) => r,
            _ => return None,
        },
        _ => return None,
    };
    Some(super::float::new_float(r))
}

/// `lhs <cmp> rhs` for exact word-sized ints and exact floats, in any mix (the generic
/// `COMPARE_OP` on operands its specialised forms do not cover, like `x < 0` with a float `x`).
/// An int beyond 2**53 against a float declines: CPython compares those exactly, not through a
/// rounded double.
#[inline]
pub(crate) fn compare_exact(lhs: &PyObject, rhs: &PyObject, cmp: CompareOp) -> Option<bool> {
    fn decide<T: PartialOrd>(a: T, b: T, cmp: CompareOp) -> bool {
        match cmp {
            CompareOp::Lt => a < b,
            CompareOp::Le => a <= b,
            CompareOp::Eq => a == b,
            CompareOp::Ne => a != b,
            CompareOp::Gt => a > b,
            CompareOp::Ge => a >= b,
        }
    }
    let exact_double = |i: i64| (i.unsigned_abs() <= EXACT_IN_DOUBLE).then_some(i as f64);
    match (exact_word(lhs), exact_word(rhs)) {
        (Some(a), Some(b)) => Some(decide(a, b, cmp)),
        (Some(a), None) => Some(decide(exact_double(a)?, exact_float(rhs)?, cmp)),
        (None, Some(b)) => Some(decide(exact_float(lhs)?, exact_double(b)?, cmp)),
        (None, None) => Some(decide(exact_float(lhs)?, exact_float(rhs)?, cmp)),
    }
}

#[inline]
fn int_op(bop: BinOp, a: i64, b: i64) -> Option<PyResult<Obj>> {
    let r = match bop {
        BinOp::Add => a.checked_add(b)?,
        BinOp::Subtract => a.checked_sub(b)?,
        BinOp::Multiply => a.checked_mul(b)?,
        BinOp::FloorDivide => floor_div(a, b)?,
        BinOp::Remainder => floor_mod(a, b)?,
        BinOp::And => a & b,
        BinOp::Or => a | b,
        BinOp::Xor => a ^ b,
        // Python's `>>` floors, as an arithmetic shift does; 64 or more leaves the sign.
        BinOp::Rshift if b >= 0 => a >> b.min(63),
        BinOp::Lshift if (0..63).contains(&b) => {
            let r = a << b;
            if r >> b != a {
                return None;
            }
            r
        }
        BinOp::TrueDivide if b != 0 && a.unsigned_abs() <= EXACT_IN_DOUBLE && b.unsigned_abs() <= EXACT_IN_DOUBLE => {
            return Some(super::float::new_float(a as f64 / b as f64));
        }
        _ => return None,
    };
    Some(super::int::new_int(r))
}

/// Python's `a // b` (rounds toward negative infinity); `None` for a zero divisor or overflow.
#[inline]
fn floor_div(a: i64, b: i64) -> Option<i64> {
    let q = a.checked_div(b)?;
    let r = a.checked_rem(b)?;
    Some(if r != 0 && ((r < 0) != (b < 0)) { q - 1 } else { q })
}

/// Python's `a % b` (takes the divisor's sign); `None` for a zero divisor or overflow.
#[inline]
fn floor_mod(a: i64, b: i64) -> Option<i64> {
    let r = a.checked_rem(b)?;
    Some(if r != 0 && ((r < 0) != (b < 0)) { r + b } else { r })
}

/// The result `value` of an operation on two exact floats `lhs` and `rhs` (consumed): a dying
/// operand is reused in place; otherwise both are released first, so the new float takes the
/// block the last of them gave back.
#[inline(always)]
pub(crate) fn float_result_reusing(value: f64, lhs: Obj, rhs: Obj) -> PyResult<Obj> {
    debug_assert!(exact_float(&lhs).is_some() && exact_float(&rhs).is_some(), "the caller's guard");
    if is_unique(&lhs) {
        // SAFETY: an exact float (the caller's guard) reached only through `lhs` (`is_unique`).
        unsafe { set_unique_float(&lhs, value) };
        release_exact_float(rhs);
        return Ok(lhs);
    }
    if is_unique(&rhs) {
        // SAFETY: as above, for `rhs`.
        unsafe { set_unique_float(&rhs, value) };
        release_exact_float(lhs);
        return Ok(rhs);
    }
    let types = types_known_made(&lhs);
    release_exact_float(lhs);
    release_exact_float(rhs);
    new_float_known(types, value)
}

/// The result `value` of an operation on two exact word-sized ints `lhs` and `rhs` (consumed):
/// the cached small int when there is one (identity as in CPython), else a dying operand reused
/// in place, else a new int.
#[inline]
pub(crate) fn int_result_reusing(value: i64, lhs: Obj, rhs: Obj) -> PyResult<Obj> {
    debug_assert!(exact_word(&lhs).is_some() && exact_word(&rhs).is_some(), "the caller's guard");
    if let Some(small) = immortals().small_int(value) {
        return Ok(Obj::new_ref(&small.ob_base));
    }
    // A small int is immortal, so never unique: a reused operand is an arena int.
    if is_unique(&lhs) {
        // SAFETY: an exact word-sized int (the caller's guard) reached only through `lhs`.
        unsafe { set_unique_int(&lhs, value) };
        release_exact_int(rhs);
        return Ok(lhs);
    }
    if is_unique(&rhs) {
        // SAFETY: as above, for `rhs`.
        unsafe { set_unique_int(&rhs, value) };
        release_exact_int(lhs);
        return Ok(rhs);
    }
    let types = types_known_made(&lhs);
    release_exact_int(lhs);
    release_exact_int(rhs);
    new_int_known(types, value)
}

/// The result `value` of an operation on two exact floats `lhs` and `rhs` (consumed), stored
/// into the local `slot` as the `STORE_FAST` that follows the operation would store it. No
/// float is made when one can be renewed: the local's old float when nothing else holds it
/// (`d = a - b` in a loop), else a dying operand (`d = a * b + c`), else the local's old
/// float once the operands are gone (`s = s + x`, where `s` was an operand).
#[inline(always)]
pub(crate) fn float_result_into_local(value: f64, lhs: Obj, rhs: Obj, slot: &mut Option<Obj>) -> PyResult<()> {
    debug_assert!(exact_float(&lhs).is_some() && exact_float(&rhs).is_some(), "the caller's guard");
    if slot.as_ref().is_some_and(|old| reuse_unique_float(old, value)) {
        return Ok(());
    }
    let result = if is_unique(&lhs) || is_unique(&rhs) {
        float_result_reusing(value, lhs, rhs)?
    } else {
        let types = types_known_made(&lhs);
        release_exact_float(lhs);
        release_exact_float(rhs);
        if slot.as_ref().is_some_and(|old| reuse_unique_float(old, value)) {
            return Ok(());
        }
        new_float_known(types, value)?
    };
    // The old value goes after the store, as `STORE_FAST` drops it (a float the fast way).
    match slot.replace(result) {
        Some(old) if exact_float(&old).is_some() => release_exact_float(old),
        old => drop(old),
    }
    Ok(())
}

/// Stores `value` into the exact float `o` when the caller's reference is its only one: whether
/// it did.
#[inline(always)]
fn reuse_unique_float(o: &Obj, value: f64) -> bool {
    if exact_float(o).is_none() || !is_unique(o) {
        return false;
    }
    // SAFETY: an exact float (just checked) reached only through `o` (`is_unique`).
    unsafe { set_unique_float(o, value) };
    true
}

/// Stores `value` into the exact word-sized int `o` when the caller's reference is its only one
/// and `value` has no cached small int (whose identity CPython keeps): whether it did. The
/// fused `FOR_ITER_RANGE` + `STORE_FAST` renews a loop variable that nothing else holds this
/// way instead of freeing it and making the next one.
#[inline(always)]
pub(crate) fn reuse_unique_int(o: &Obj, value: i64) -> bool {
    let small = super::immortal::SMALL_INT_MIN..=super::immortal::SMALL_INT_MAX;
    if small.contains(&value) || exact_word(o).is_none() || !is_unique(o) {
        return false;
    }
    // SAFETY: an exact word-sized int (just checked) reached only through `o` (`is_unique`).
    unsafe { set_unique_int(o, value) };
    true
}

/// Overwrites the value of a float that nobody else references.
///
/// # Safety
///
/// `o` is laid out as a [`FloatObject`] and the caller's reference is its only one, so no
/// `&` to its value is alive anywhere.
#[inline]
unsafe fn set_unique_float(o: &Obj, value: f64) {
    // SAFETY: the caller's contract; the pointer is the allocation's (`Obj` holds a raw pointer),
    // not derived from a shared reference.
    unsafe { (*o.as_ptr().as_ptr().cast::<FloatObject>()).value = value };
}

/// Overwrites the value of a word-sized int that nobody else references.
///
/// # Safety
///
/// `o` is laid out as an [`IntObject`] with no big value, and the caller's reference is its
/// only one.
#[inline]
unsafe fn set_unique_int(o: &Obj, value: i64) {
    // SAFETY: as `set_unique_float`; `big` stays `None`, so the value is the word.
    unsafe { (*o.as_ptr().as_ptr().cast::<IntObject>()).value = value };
}

#[cfg(all(test, not(loom)))]
mod tests {
    use super::*;
    use crate::object::float::new_float;
    use crate::object::int::new_int;

    fn with(f: impl FnOnce()) {
        crate::Runtime::initialize();
        crate::attach(|_py| f());
    }

    #[test]
    fn floor_division_and_modulo_round_toward_negative_infinity() {
        assert_eq!(floor_div(7, 2), Some(3));
        assert_eq!(floor_div(-7, 2), Some(-4));
        assert_eq!(floor_div(7, -2), Some(-4));
        assert_eq!(floor_div(-7, -2), Some(3));
        assert_eq!(floor_mod(-7, 2), Some(1));
        assert_eq!(floor_mod(7, -2), Some(-1));
        assert_eq!(floor_mod(6, -3), Some(0));
        assert_eq!(floor_div(1, 0), None);
        assert_eq!(floor_div(i64::MIN, -1), None);
        assert_eq!(floor_mod(i64::MIN, -1), None);
    }

    #[test]
    fn uncertain_results_go_to_the_generic_operation() {
        with(|| {
            let big = new_int(i64::MAX).unwrap();
            let one = new_int(1).unwrap();
            let zero = new_int(0).unwrap();
            assert!(binary_op_exact(BinOp::Add, &big, &one).is_none(), "overflow goes big");
            assert!(binary_op_exact(BinOp::Lshift, &big, &one).is_none());
            assert!(binary_op_exact(BinOp::FloorDivide, &one, &zero).is_none(), "ZeroDivisionError");
            assert!(binary_op_exact(BinOp::TrueDivide, &big, &one).is_none(), "wider than a double");
            assert!(binary_op_exact(BinOp::Power, &one, &one).is_none());
            let f = new_float(1.5).unwrap();
            let fz = new_float(0.0).unwrap();
            assert!(binary_op_exact(BinOp::TrueDivide, &f, &fz).is_none());
            assert!(binary_op_exact(BinOp::TrueDivide, &f, &zero).is_none());
            let minus = new_float(-8.0).unwrap();
            assert!(binary_op_exact(BinOp::Power, &minus, &f).is_none(), "a complex result");
            assert!(binary_op_exact(BinOp::Power, &fz, &new_float(-1.0).unwrap()).is_none(), "ZeroDivisionError");
            let r =
                binary_op_exact(BinOp::Power, &new_float(2.25).unwrap(), &new_float(0.5).unwrap()).unwrap().unwrap();
            assert_eq!(exact_float(&r), Some(1.5));
            let r = binary_op_exact(BinOp::Rshift, &new_int(-5).unwrap(), &new_int(100).unwrap()).unwrap().unwrap();
            assert_eq!(exact_word(&r), Some(-1));
            assert_eq!(compare_exact(&f, &zero, CompareOp::Gt), Some(true));
            assert_eq!(compare_exact(&zero, &fz, CompareOp::Eq), Some(true));
            assert_eq!(compare_exact(&big, &f, CompareOp::Gt), None, "beyond 2**53: exact comparison");
            assert_eq!(compare_exact(&big, &one, CompareOp::Ne), Some(true));
            let nan = new_float(f64::NAN).unwrap();
            assert_eq!(compare_exact(&nan, &nan, CompareOp::Eq), Some(false));
            let r = binary_op_exact(BinOp::TrueDivide, &f, &new_int(3).unwrap()).unwrap().unwrap();
            assert_eq!(exact_float(&r), Some(0.5));
        });
    }

    #[test]
    fn a_dying_float_is_freed_at_once_and_a_shared_one_lives_on() {
        with(|| {
            // The owner's last reference, never shared: freed at once into the thread's kept
            // blocks, so the next float takes the block back.
            let f = new_float(1.5).unwrap();
            let addr = f.addr();
            release_exact_float(f);
            let g = new_float(2.5).unwrap();
            assert_eq!(g.addr(), addr, "the fast path freed the float");

            // A reference taken by another thread (its shared count, or the local one of a
            // non-atomic object): dropping ours must not free the float.
            let h = new_float(3.5).unwrap();
            let h_addr = h.addr();
            struct Held(std::ptr::NonNull<PyObject>);
            // SAFETY: only the address crosses; the other thread increments the count, which
            // its protocol allows for any thread holding a live reference's pointer.
            unsafe impl Send for Held {}
            let held = Held(h.as_ptr());
            std::thread::spawn(move || {
                let held = held; // the whole wrapper (Send), not its field
                // SAFETY: `h` keeps the object alive while this thread increments.
                super::super::refcount::incref(unsafe { held.0.as_ref() })
            })
            .join()
            .unwrap();
            // SAFETY: the other thread's reference, now ours to give back.
            let other = unsafe { Obj::from_owned(h.as_ptr()) };
            release_exact_float(h);
            let next = new_float(4.5).unwrap();
            assert_ne!(next.addr(), h_addr, "the shared float was not freed");
            assert_eq!(exact_float(&other), Some(3.5));
            drop(other);
        });
    }

    #[test]
    fn a_dying_operand_is_reused_and_a_shared_one_is_not() {
        with(|| {
            let a = new_float(1.25).unwrap();
            let b = new_float(2.0).unwrap();
            let a_addr = a.addr();
            let r = float_result_reusing(3.25, a, b).unwrap();
            assert_eq!((r.addr(), exact_float(&r)), (a_addr, Some(3.25)), "lhs was unique");

            let kept = new_float(1.0).unwrap();
            let other = kept.clone();
            let c = new_float(4.0).unwrap();
            let c_addr = c.addr();
            let r = float_result_reusing(5.0, other, c).unwrap();
            assert_eq!(r.addr(), c_addr, "the shared lhs is left alone, the dying rhs is reused");
            assert_eq!(exact_float(&kept), Some(1.0));

            let x = new_int(1000).unwrap();
            let y = new_int(2000).unwrap();
            let x_addr = x.addr();
            let r = int_result_reusing(3000, x, y).unwrap();
            assert_eq!((r.addr(), exact_word(&r)), (x_addr, Some(3000)));
            let r = int_result_reusing(7, r, new_int(5000).unwrap()).unwrap();
            assert!(r.is(&immortals().small_int(7).unwrap().ob_base), "small results are the cached ints");
        });
    }

    #[test]
    fn shared_int_operands_stay_and_released_leaves_give_their_block_to_the_next_object() {
        with(|| {
            // Both operands shared: left alone, the result is a new int.
            let (x, y) = (new_int(1000).unwrap(), new_int(2000).unwrap());
            let r = int_result_reusing(3000, x.clone(), y.clone()).unwrap();
            assert!(!r.is(&x) && !r.is(&y));
            assert_eq!((exact_word(&r), exact_word(&x), exact_word(&y)), (Some(3000), Some(1000), Some(2000)));
            // The last reference released the leaf way: the block is kept and taken back by
            // the next object of its size (the thread's stack of at most 100 kept blocks of the
            // class is emptied first, so it has room).
            let held: Vec<Obj> = (0..100).map(|i| new_float(i as f64).unwrap()).collect();
            let r_addr = r.addr();
            release_exact_int(r);
            let next = new_int(4000).unwrap();
            assert_eq!((next.addr(), exact_word(&next)), (r_addr, Some(4000)));
            let f = new_float(1.5).unwrap();
            let f_addr = f.addr();
            crate::object::float::release_value(f);
            assert_eq!(new_float(2.5).unwrap().addr(), f_addr, "a float value goes the fast way");
            // Anything else is dropped the ordinary way (and a shared float only loses a count).
            crate::object::float::release_value(x.clone());
            let g = new_float(3.5).unwrap();
            crate::object::float::release_value(g.clone());
            assert_eq!((exact_word(&x), exact_float(&g)), (Some(1000), Some(3.5)));
            drop(held);
        });
    }

    #[test]
    fn a_result_stored_into_a_local_renews_only_floats_nobody_else_holds() {
        with(|| {
            // The local's old float, unshared: written in place.
            let mut slot = Some(new_float(9.0).unwrap());
            let old_addr = slot.as_ref().unwrap().addr();
            let (a, b) = (new_float(1.0).unwrap(), new_float(2.0).unwrap());
            float_result_into_local(3.0, a.clone(), b.clone(), &mut slot).unwrap();
            let now = slot.as_ref().unwrap();
            assert_eq!((now.addr(), exact_float(now)), (old_addr, Some(3.0)));
            assert_eq!((exact_float(&a), exact_float(&b)), (Some(1.0), Some(2.0)), "operands untouched");

            // The local's float is seen elsewhere: a dying operand takes the result instead.
            let seen = slot.clone().unwrap();
            let dying = new_float(4.0).unwrap();
            let dying_addr = dying.addr();
            float_result_into_local(5.0, a.clone(), dying, &mut slot).unwrap();
            assert_eq!(slot.as_ref().unwrap().addr(), dying_addr);
            assert_eq!(exact_float(&seen), Some(3.0), "the shared old value is left alone");

            // `s = s + x`: the local is an operand; once the operands go, it is renewed.
            let s = slot.clone().unwrap();
            float_result_into_local(6.0, s, a.clone(), &mut slot).unwrap();
            assert_eq!((slot.as_ref().unwrap().addr(), exact_float(slot.as_ref().unwrap())), (dying_addr, Some(6.0)));

            // No float to renew (an empty local, an int): a new float.
            let mut empty = None;
            float_result_into_local(7.0, a.clone(), b.clone(), &mut empty).unwrap();
            assert_eq!(exact_float(empty.as_ref().unwrap()), Some(7.0));
            let mut int_slot = Some(new_int(1000).unwrap());
            float_result_into_local(8.0, a, b, &mut int_slot).unwrap();
            assert_eq!(exact_float(int_slot.as_ref().unwrap()), Some(8.0));

            // A range loop variable: renewed in place unless shared or small.
            let i = new_int(1000).unwrap();
            let i_addr = i.addr();
            assert!(reuse_unique_int(&i, 1001));
            assert_eq!((i.addr(), exact_word(&i)), (i_addr, Some(1001)));
            assert!(!reuse_unique_int(&i, 5), "a small int is the cached one");
            let other = i.clone();
            assert!(!reuse_unique_int(&i, 1002), "shared");
            assert_eq!(exact_word(&other), Some(1001));
        });
    }
}
