//! `float`: an IEEE-754 double, with CPython's arithmetic, comparisons against ints, hash and
//! shortest-round-trip `repr` (pyrt-pylib's).

use super::alloc::{alloc_kept_leaf, drop_and_free, free_kept_leaf};
use super::header::PyObject;
use super::immortal::{StaticTypes, immortals, types, types_known_made};
use super::int::{IntVal, as_int, new_bool, to_f64};
use super::int_methods::from_pylib;
use super::obj::Obj;
use super::typeobj::{CompareOp, TypeObject};
use crate::error::{PyErr, PyResult};
use std::ptr::NonNull;

/// A `float`.
#[repr(C)]
pub struct FloatObject {
    /// Header.
    pub ob_base: PyObject,
    /// The value.
    pub value: f64,
}

/// A new `float` (in a kept block when the thread's heap has one: CPython's float free list).
#[inline]
pub fn new_float(value: f64) -> PyResult<Obj> {
    // SAFETY: FloatObject starts with the header; float is static and untracked, and its
    // deallocator ends exact floats with `free_kept_leaf`.
    unsafe { alloc_kept_leaf(types().float_type, |ob_base| FloatObject { ob_base, value }) }
}

/// [`new_float`] for a caller that read the static types through an object it holds
/// ([`types_known_made`]): no initialisation check, and inlined into the float fast paths of
/// the eval loop.
#[inline(always)]
pub(crate) fn new_float_known(types: &StaticTypes, value: f64) -> PyResult<Obj> {
    // SAFETY: as in `new_float`.
    unsafe { alloc_kept_leaf(types.float_type, |ob_base| FloatObject { ob_base, value }) }
}

/// The value of a `float` (or subclass) instance.
#[inline]
pub fn as_float(obj: &PyObject) -> Option<f64> {
    if obj.type_object().is_subtype(types().float_type) {
        // SAFETY: float instances start with FloatObject.
        Some(unsafe { obj.cast::<FloatObject>() }.value)
    } else {
        None
    }
}

/// An instance of `float` or a subclass with `value` (a subclass's instance dict pointer,
/// at the type's `dict_offset`, starts empty).
pub fn new_float_of_type(ty: &TypeObject, value: f64) -> PyResult<Obj> {
    if std::ptr::eq(ty, types().float_type) {
        return new_float(value);
    }
    // SAFETY: FloatObject starts with the header; the block is the subclass's basic size (at
    // least a FloatObject), whose dict pointer is written before the object is used; the
    // deallocator drops both.
    unsafe {
        let size = ty.basic_size.max(size_of::<FloatObject>());
        let obj = super::alloc::alloc_sized(ty, size, |ob_base| FloatObject { ob_base, value })?;
        if ty.dict_offset != 0 {
            (obj.as_ptr().as_ptr() as *mut u8).add(ty.dict_offset).cast::<Option<Obj>>().write(None);
        }
        Ok(obj)
    }
}

/// Gives up `obj`, an exact `float`, through the float fast path of the reference drop
/// ([`super::refcount::decref_leaf`] with [`free_exact_float`]: CPython's
/// `_Py_DECREF_SPECIALIZED(op, _PyFloat_ExactDealloc)`).
#[inline(always)]
pub(crate) fn release_exact_float(obj: Obj) {
    debug_assert!(std::ptr::eq(obj.type_object(), types().float_type), "an exact float");
    // SAFETY: the handle's reference is handed over; an exact float's deallocator ends it with
    // `free_kept_leaf` (`free_exact_float`), and float has no weak references.
    unsafe { super::refcount::decref_leaf(obj.into_raw(), free_exact_float) }
}

/// Gives up `obj`, whatever it is: an exact `float` through [`release_exact_float`] (no
/// deallocator dispatch when it dies), anything else through the ordinary drop. For the places
/// where a replaced or owned value is most often a float (a list item replaced by
/// `STORE_SUBSCR_LIST_INT`, an instance's attribute values at its deallocation); one type
/// comparison more for every other value.
#[inline(always)]
pub(crate) fn release_value(obj: Obj) {
    if std::ptr::eq(obj.type_object(), types_known_made(&obj).float_type) {
        release_exact_float(obj)
    } else {
        drop(obj)
    }
}

/// The deallocator of an exact `float` (`_PyFloat_ExactDealloc`): its block goes to the thread
/// heap's kept blocks (CPython's float free list).
///
/// # Safety
///
/// See [`super::typeobj::DeallocFn`]; `op` must be an exact float.
pub(crate) unsafe fn free_exact_float(op: NonNull<PyObject>) {
    // SAFETY: forwarded; exact floats are made by `alloc_kept_leaf` (`new_float`).
    unsafe { free_kept_leaf::<FloatObject>(op) }
}

/// `float`'s deallocator (also of subclasses, whose instance dict it drops).
///
/// # Safety
///
/// See [`super::typeobj::DeallocFn`].
pub(crate) unsafe fn dealloc_float(op: NonNull<PyObject>) {
    // SAFETY: forwarded contract; a subclass instance has its dict pointer at `dict_offset`.
    unsafe {
        let ty = op.as_ref().type_object();
        if std::ptr::eq(ty, types_known_made(op.as_ref()).float_type) {
            // An exact float owns no references: nothing to guard against deep recursion.
            return free_exact_float(op);
        }
        if ty.dict_offset != 0 {
            std::ptr::drop_in_place((op.as_ptr() as *mut u8).add(ty.dict_offset).cast::<Option<Obj>>());
        }
        drop_and_free::<FloatObject>(op)
    }
}

/// `repr(x)` / `str(x)`: the shortest text that round-trips, as CPython prints it.
pub fn float_repr_text(v: f64) -> String {
    pyrt_pylib::float::repr_string(v)
}

/// CPython's `_Py_HashDouble` (NaN hashes by identity, given as `id`).
pub fn hash_float(v: f64, id: usize) -> isize {
    const BITS: u32 = 61;
    const MODULUS: u64 = (1 << BITS) - 1;
    if v.is_infinite() {
        return if v > 0.0 { 314159 } else { -314159 };
    }
    if v.is_nan() {
        return (id >> 4) as isize;
    }
    let (mut m, mut e) = frexp(v);
    let mut sign: i64 = 1;
    if m < 0.0 {
        sign = -1;
        m = -m;
    }
    let mut x: u64 = 0;
    while m != 0.0 {
        x = ((x << 28) & MODULUS) | x >> (BITS - 28);
        m *= 268435456.0;
        e -= 28;
        let y = m as u64;
        m -= y as f64;
        x += y;
        if x >= MODULUS {
            x -= MODULUS;
        }
    }
    let e = if e >= 0 { e as u32 % BITS } else { BITS - 1 - ((-1 - e) as u32 % BITS) };
    x = ((x << e) & MODULUS) | x >> (BITS - e);
    let h = (x as i64).wrapping_mul(sign);
    if h == -1 { -2 } else { h as isize }
}

/// `math.frexp`: `v = m * 2**e` with `0.5 <= |m| < 1`.
pub fn frexp(v: f64) -> (f64, i32) {
    if v == 0.0 || !v.is_finite() {
        return (v, 0);
    }
    let bits = v.to_bits();
    let exp = ((bits >> 52) & 0x7ff) as i32;
    if exp == 0 {
        let (m, e) = frexp(v * 2f64.powi(64));
        return (m, e - 64);
    }
    let m = f64::from_bits((bits & !(0x7ff << 52)) | (1022 << 52));
    (m, exp - 1022)
}

fn not_implemented() -> PyResult<Obj> {
    Ok(Obj::new_ref(immortals().not_implemented))
}

/// Both operands as floats (ints converted), or `None`.
fn operands(a: &PyObject, b: &PyObject) -> Option<PyResult<(f64, f64)>> {
    let conv = |o: &PyObject| -> Option<PyResult<f64>> {
        if let Some(f) = as_float(o) {
            return Some(Ok(f));
        }
        as_int(o).map(|v| to_f64(&v))
    };
    let x = conv(a)?;
    let y = conv(b)?;
    Some(x.and_then(|x| y.map(|y| (x, y))))
}

macro_rules! float_binop {
    ($name:ident, |$x:ident, $y:ident| $body:expr) => {
        pub(crate) fn $name(a: &PyObject, b: &PyObject) -> PyResult<Obj> {
            let Some(ops) = operands(a, b) else { return not_implemented() };
            let ($x, $y) = ops?;
            let r: PyResult<f64> = $body;
            new_float(r?)
        }
    };
}

float_binop!(float_add, |x, y| Ok(x + y));
float_binop!(float_sub, |x, y| Ok(x - y));
float_binop!(float_mul, |x, y| Ok(x * y));
float_binop!(float_truediv, |x, y| pyrt_pylib::float::arith::div(x, y).map_err(from_pylib));
float_binop!(float_floordiv, |x, y| pyrt_pylib::float::arith::floordiv(x, y).map_err(from_pylib));
float_binop!(float_mod, |x, y| pyrt_pylib::float::arith::rem(x, y).map_err(from_pylib));
/// `x ** y`; a negative base with a non-integral exponent gives a complex result, as
/// CPython's `float_pow` hands that case to `complex`'s power.
pub(crate) fn float_pow(a: &PyObject, b: &PyObject) -> PyResult<Obj> {
    let Some(ops) = operands(a, b) else { return not_implemented() };
    let (x, y) = ops?;
    match pyrt_pylib::float::arith::pow(x, y).map_err(from_pylib)? {
        pyrt_pylib::float::arith::Power::Float(r) => new_float(r),
        pyrt_pylib::float::arith::Power::Complex => super::complex::complex_pow(a, b),
    }
}

pub(crate) fn float_neg(a: &PyObject) -> PyResult<Obj> {
    new_float(-as_float(a).unwrap_or(0.0))
}

pub(crate) fn float_pos(a: &PyObject) -> PyResult<Obj> {
    new_float(as_float(a).unwrap_or(0.0))
}

pub(crate) fn float_abs(a: &PyObject) -> PyResult<Obj> {
    new_float(as_float(a).unwrap_or(0.0).abs())
}

pub(crate) fn float_bool(a: &PyObject) -> PyResult<bool> {
    Ok(as_float(a).unwrap_or(0.0) != 0.0)
}

pub(crate) fn float_int(a: &PyObject) -> PyResult<Obj> {
    let v = as_float(a).unwrap_or(0.0);
    if v.is_nan() {
        return Err(PyErr::value_error("cannot convert float NaN to integer"));
    }
    if v.is_infinite() {
        return Err(PyErr::overflow("cannot convert float infinity to integer"));
    }
    let t = v.trunc();
    if t.abs() < 9.0e18 {
        return super::int::new_int(t as i64);
    }
    super::int::new_big(num_traits::FromPrimitive::from_f64(t).unwrap_or_default())
}

pub(crate) fn float_float(a: &PyObject) -> PyResult<Obj> {
    new_float(as_float(a).unwrap_or(0.0))
}

pub(crate) fn float_repr(a: &PyObject) -> PyResult<Obj> {
    super::str::new_str(&float_repr_text(as_float(a).unwrap_or(0.0)))
}

pub(crate) fn float_hash(a: &PyObject) -> PyResult<isize> {
    Ok(hash_float(as_float(a).unwrap_or(0.0), a.addr()))
}

/// Compares an int with a float exactly (CPython's `float_richcompare`).
pub fn compare_int_float(x: &IntVal<'_>, f: f64, op: CompareOp) -> bool {
    if f.is_nan() {
        return op == CompareOp::Ne;
    }
    if f.is_infinite() {
        return op.test(if f > 0.0 { std::cmp::Ordering::Less } else { std::cmp::Ordering::Greater });
    }
    let ord = match x {
        IntVal::Small(v) if v.unsigned_abs() < (1 << 53) => {
            (*v as f64).partial_cmp(&f).unwrap_or(std::cmp::Ordering::Equal)
        }
        _ => {
            let fl = f.floor();
            let fb: num_bigint::BigInt = num_traits::FromPrimitive::from_f64(fl).unwrap_or_default();
            let xb = x.to_big();
            match xb.cmp(&fb) {
                std::cmp::Ordering::Equal if fl != f => std::cmp::Ordering::Less,
                o => o,
            }
        }
    };
    op.test(ord)
}

pub(crate) fn float_richcompare(a: &PyObject, b: &PyObject, op: CompareOp) -> PyResult<Obj> {
    let Some(x) = as_float(a) else { return not_implemented() };
    if let Some(y) = as_float(b) {
        let r = match op {
            CompareOp::Lt => x < y,
            CompareOp::Le => x <= y,
            CompareOp::Eq => x == y,
            CompareOp::Ne => x != y,
            CompareOp::Gt => x > y,
            CompareOp::Ge => x >= y,
        };
        return Ok(new_bool(r));
    }
    match as_int(b) {
        Some(v) => Ok(new_bool(compare_int_float(&v, x, op.swapped()))),
        None => not_implemented(),
    }
}
