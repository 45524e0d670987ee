//! The `<` that `list.sort` and `sorted` order keys with, without the generic protocol for the
//! common key types (CPython's `unsafe_latin_compare`, `unsafe_long_compare`,
//! `unsafe_float_compare` and `unsafe_tuple_compare` in `Objects/listobject.c`).
//!
//! Two keys of the same exact type `str`, word-sized `int` or `float` compare natively: no slot
//! call, no recursion guard, no `bool` object. Two exact tuples compare as `tuple.__lt__` does —
//! the first index whose items are not equal (identity first, then `==`) decides with `<`, and
//! a tuple that is a prefix of the other is the smaller — with the items compared natively when
//! they allow it. Anything else is `PyObject_RichCompareBool(a, b, Py_LT)`. The answers, and the
//! `__eq__`/`__lt__` calls made for other objects (and their order), are the generic ones: only
//! work that cannot run Python code is skipped. (CPython picks one compare function per sort
//! after checking every key's type; deciding per comparison costs a type test and needs no scan.)
//! `str` order is code-point order, which UTF-8 byte order preserves.

use super::abstract_ops::rich_compare_bool;
use super::float::FloatObject;
use super::header::PyObject;
use super::immortal::types;
use super::int::IntObject;
use super::str::as_str_object;
use super::typeobj::CompareOp;
use crate::error::PyResult;

/// The native answer of `a <op> b` for `Lt` or `Eq` when both are of the same exact type
/// among `str`, word-sized `int` and `float`.
#[inline]
fn native(a: &PyObject, b: &PyObject, op: CompareOp) -> Option<bool> {
    let ty = a.type_object();
    if !std::ptr::eq(ty, b.type_object()) {
        return None;
    }
    let t = types();
    fn decide<T: PartialOrd + ?Sized>(x: &T, y: &T, op: CompareOp) -> bool {
        if op == CompareOp::Eq { x == y } else { x < y }
    }
    if std::ptr::eq(ty, t.str_type) {
        let (x, y) = (as_str_object(a)?, as_str_object(b)?);
        if x.has_lone_surrogates() || y.has_lone_surrogates() {
            let order = x.cmp_text(y);
            return Some(if op == CompareOp::Eq { order.is_eq() } else { order.is_lt() });
        }
        return Some(decide(x.as_str(), y.as_str(), op));
    }
    if std::ptr::eq(ty, t.int_type) {
        // SAFETY: exact ints are laid out as IntObject.
        let (x, y) = unsafe { (a.cast::<IntObject>(), b.cast::<IntObject>()) };
        return (x.big.is_none() && y.big.is_none()).then(|| decide(&x.value, &y.value, op));
    }
    if std::ptr::eq(ty, t.float_type) {
        // SAFETY: exact floats are laid out as FloatObject.
        let (x, y) = unsafe { (a.cast::<FloatObject>().value, b.cast::<FloatObject>().value) };
        return Some(decide(&x, &y, op));
    }
    None
}

/// `PyObject_RichCompareBool(a, b, op)` (identity first for `Eq`), natively when it can be.
#[inline]
fn compare_bool(a: &PyObject, b: &PyObject, op: CompareOp) -> PyResult<bool> {
    if op == CompareOp::Eq && a.is(b) {
        return Ok(true);
    }
    match native(a, b, op) {
        Some(r) => Ok(r),
        None => rich_compare_bool(a, b, op),
    }
}

/// `a < b` as the sort asks it (see the module docs).
pub(crate) fn sort_lt(a: &PyObject, b: &PyObject) -> PyResult<bool> {
    if let Some(r) = native(a, b, CompareOp::Lt) {
        return Ok(r);
    }
    let tuple_type = types().tuple_type;
    if std::ptr::eq(a.type_object(), tuple_type) && std::ptr::eq(b.type_object(), tuple_type) {
        let (x, y) = (super::tuple::items(a), super::tuple::items(b));
        for (p, q) in x.iter().zip(y) {
            if !compare_bool(p, q, CompareOp::Eq)? {
                return compare_bool(p, q, CompareOp::Lt);
            }
        }
        return Ok(x.len() < y.len());
    }
    rich_compare_bool(a, b, CompareOp::Lt)
}

#[cfg(all(test, not(loom)))]
mod tests {
    use super::*;
    use crate::object::float::new_float;
    use crate::object::int::{new_big, new_int};
    use crate::object::str::new_str;
    use crate::object::tuple::new_tuple;

    #[test]
    fn native_and_tuple_orders_match_python() {
        crate::Runtime::initialize();
        crate::attach(|_py| {
            let i = |v| new_int(v).unwrap();
            let s = |v| new_str(v).unwrap();
            let fl = |v| new_float(v).unwrap();
            assert!(sort_lt(&i(-3), &i(2)).unwrap() && !sort_lt(&i(2), &i(2)).unwrap());
            assert!(sort_lt(&s("ab"), &s("b")).unwrap() && sort_lt(&s("z"), &s("é")).unwrap());
            assert!(sort_lt(&s("\u{ffff}"), &s("\u{10000}")).unwrap(), "code-point order");
            let nan = fl(f64::NAN);
            assert!(!sort_lt(&nan, &fl(1.0)).unwrap() && !sort_lt(&fl(1.0), &nan).unwrap());
            // Mixed and big values take the generic comparison, with the same answers.
            assert!(sort_lt(&i(1), &fl(1.5)).unwrap());
            let big = new_big(num_bigint::BigInt::from(i64::MAX) * 4).unwrap();
            assert!(sort_lt(&i(5), &big).unwrap() && !sort_lt(&big, &i(5)).unwrap());
            let t = |v: Vec<crate::object::obj::Obj>| new_tuple(v).unwrap();
            assert!(sort_lt(&t(vec![s("a"), i(2)]), &t(vec![s("a"), i(3)])).unwrap());
            assert!(!sort_lt(&t(vec![s("a"), i(3)]), &t(vec![s("a"), i(3)])).unwrap());
            assert!(sort_lt(&t(vec![s("a")]), &t(vec![s("a"), i(0)])).unwrap(), "a prefix is smaller");
            assert!(sort_lt(&t(vec![i(1), s("x")]), &t(vec![fl(1.0), s("y")])).unwrap(), "1 == 1.0, then 'x' < 'y'");
            let e = sort_lt(&t(vec![i(1), i(1)]), &t(vec![i(1), s("y")])).unwrap_err();
            assert_eq!(e.to_string(), "TypeError: '<' not supported between instances of 'int' and 'str'");
        });
    }
}
