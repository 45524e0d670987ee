//! `int` (and the layout `bool` shares): a machine word, or arbitrary precision beyond it.
//!
//! `IntObject` holds an `i64`; when a value does not fit, `big` holds it (`num-bigint`) and
//! `value` is unused. Every operation tries the word first (`checked_*`) and falls back to
//! `BigInt` on overflow, then normalises: a result that fits a word is stored as a word, so
//! `big` is `Some` exactly when the value is outside `i64`. Small ints (-5..=256) are the
//! immortal ones of [`super::immortal`].
//!
//! Hashes follow CPython (`x mod (2**61 - 1)`, sign kept, -1 → -2) so `hash(1) == hash(1.0)`.

use std::ptr::NonNull;

use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::{One, Signed, ToPrimitive, Zero};

use super::alloc::drop_and_free;
use super::header::PyObject;
use super::immortal::{immortals, types};
use super::obj::Obj;
use super::typeobj::{CompareOp, TypeObject, flags};
use crate::error::{ExcKind, PyErr, PyResult};

/// An `int`.
#[repr(C)]
pub struct IntObject {
    /// Header.
    pub ob_base: PyObject,
    /// The value when it fits a word.
    pub value: i64,
    /// The value when it does not.
    pub big: Option<Box<BigInt>>,
}

/// An int value borrowed from an object: a word or a big int.
#[derive(Clone, Debug)]
pub enum IntVal<'a> {
    Small(i64),
    Big(&'a BigInt),
}

impl IntVal<'_> {
    /// As a `BigInt`.
    pub fn to_big(&self) -> BigInt {
        match self {
            IntVal::Small(v) => BigInt::from(*v),
            IntVal::Big(b) => (*b).clone(),
        }
    }
}

/// The int behind `obj` (an instance of `int`, `bool` or a subclass).
#[inline]
pub fn as_int(obj: &PyObject) -> Option<IntVal<'_>> {
    if obj.type_object().flags & flags::LONG_SUBCLASS != 0 {
        // SAFETY: int instances (and subclasses') start with IntObject.
        let i = unsafe { obj.cast::<IntObject>() };
        Some(match &i.big {
            None => IntVal::Small(i.value),
            Some(b) => IntVal::Big(b),
        })
    } else {
        None
    }
}

/// The word value of an exact-enough int (`None` for non-ints and big ints).
#[inline]
pub fn small_value(obj: &PyObject) -> Option<i64> {
    match as_int(obj)? {
        IntVal::Small(v) => Some(v),
        IntVal::Big(_) => None,
    }
}

/// Compatibility name of [`small_value`] used by the runtime core.
pub fn int_value(obj: &PyObject) -> Option<i64> {
    small_value(obj)
}

/// The value of an `int` (or `bool`) as a C `long` (`PyLong_AsLong`): any other object raises
/// `TypeError` and an int beyond 64 bits `OverflowError`, with CPython 3.13's messages.
pub fn as_long(obj: &PyObject) -> PyResult<i64> {
    match as_int(obj) {
        Some(IntVal::Small(v)) => Ok(v),
        Some(IntVal::Big(_)) => {
            Err(PyErr::new(ExcKind::Other("OverflowError".into()), "Python int too large to convert to C long"))
        }
        None => Err(PyErr::new(
            ExcKind::TypeError,
            format!("'{}' object cannot be interpreted as an integer", obj.type_object().name()),
        )),
    }
}

/// A new `int`.
#[inline]
pub fn new_int(value: i64) -> PyResult<Obj> {
    if let Some(small) = immortals().small_int(value) {
        return Ok(Obj::new_ref(&small.ob_base));
    }
    // SAFETY: IntObject starts with the header; int is static and untracked, and its
    // deallocator ends exact ints with `free_kept_leaf`.
    unsafe { super::alloc::alloc_kept_leaf(types().int_type, |ob_base| IntObject { ob_base, value, big: None }) }
}

/// [`new_int`] for a value outside the cached small ints, by a caller that read the static
/// types through an object it holds ([`super::immortal::types_known_made`]): no small-int test
/// and no initialisation check, inlined into the int fast paths of the eval loop.
#[inline(always)]
pub(crate) fn new_int_known(types: &super::immortal::StaticTypes, value: i64) -> PyResult<Obj> {
    debug_assert!(immortals().small_int(value).is_none(), "a small int is the cached immortal");
    // SAFETY: as in `new_int`.
    unsafe { super::alloc::alloc_kept_leaf(types.int_type, |ob_base| IntObject { ob_base, value, big: None }) }
}

/// Gives up `obj`, an exact `int`, through the leaf fast path of the reference drop
/// ([`super::refcount::decref_leaf`] with [`free_exact_int`]), as
/// [`super::float::release_exact_float`] does for floats.
#[inline(always)]
pub(crate) fn release_exact_int(obj: Obj) {
    debug_assert!(std::ptr::eq(obj.type_object(), types().int_type), "an exact int");
    // SAFETY: the handle's reference is handed over; an exact int's deallocator ends it with
    // `free_kept_leaf` (`free_exact_int`), and int has no weak references (`weakref::weakrefable`).
    unsafe { super::refcount::decref_leaf(obj.into_raw(), free_exact_int) }
}

/// The deallocator of an exact `int`: its block goes to the thread heap's kept blocks.
///
/// # Safety
///
/// See [`super::typeobj::DeallocFn`]; `op` must be an exact int.
pub(crate) unsafe fn free_exact_int(op: NonNull<PyObject>) {
    // SAFETY: forwarded; exact ints are made by `alloc_kept_leaf`, and their fields (a big
    // value's box at most) own no Python reference.
    unsafe { super::alloc::free_kept_leaf::<IntObject>(op) }
}

/// A new `int` from a big value (stored as a word when it fits).
pub fn new_big(value: BigInt) -> PyResult<Obj> {
    match value.to_i64() {
        Some(v) => new_int(v),
        // SAFETY: as in new_int.
        None => unsafe {
            super::alloc::alloc_kept_leaf(types().int_type, |ob_base| IntObject {
                ob_base,
                value: 0,
                big: Some(Box::new(value)),
            })
        },
    }
}

/// An instance of a subclass of `int` with `value`.
pub fn new_int_of_type(ty: &TypeObject, value: IntVal<'_>) -> PyResult<Obj> {
    let (small, big) = match value {
        IntVal::Small(v) => (v, None),
        IntVal::Big(b) => (0, Some(Box::new(b.clone()))),
    };
    // SAFETY: as in new_int; a subclass adds its dict pointer at `dict_offset`, written here.
    unsafe {
        let obj = super::alloc::alloc_sized(ty, ty.basic_size, |ob_base| IntObject { ob_base, value: small, big })?;
        if ty.dict_offset != 0 {
            (obj.as_ptr().as_ptr() as *mut u8).add(ty.dict_offset).cast::<Option<Obj>>().write(None);
        }
        Ok(obj)
    }
}

/// `bool(v)` as the immortal singleton.
#[inline]
pub fn new_bool(v: bool) -> Obj {
    let im = immortals();
    Obj::new_ref(if v { &im.true_.ob_base } else { &im.false_.ob_base })
}

/// `int`'s deallocator.
///
/// # Safety
///
/// See [`super::typeobj::DeallocFn`].
pub(crate) unsafe fn dealloc_int(op: NonNull<PyObject>) {
    // SAFETY: forwarded contract.
    unsafe {
        let ty = op.as_ref().type_object();
        if std::ptr::eq(ty, super::immortal::types_known_made(op.as_ref()).int_type) {
            // An exact int owns no references (a big value is plain Rust memory).
            return free_exact_int(op);
        }
        if ty.dict_offset != 0 {
            std::ptr::drop_in_place((op.as_ptr() as *mut u8).add(ty.dict_offset).cast::<Option<Obj>>());
        }
        drop_and_free::<IntObject>(op)
    }
}

const MODULUS: u64 = (1 << 61) - 1;

/// The hash of a word-sized int (`hash_int`'s common case, inlined into the set and dict
/// probes' callers): most values are below the modulus, so no division.
#[inline(always)]
pub(crate) fn hash_small(x: i64) -> isize {
    let a = x.unsigned_abs();
    let m = (if a < MODULUS { a } else { a % MODULUS }) as i64;
    let h = if x < 0 { -m } else { m };
    if h == -1 { -2 } else { h as isize }
}

/// CPython's hash of an int.
#[inline]
pub fn hash_int(v: &IntVal<'_>) -> isize {
    let h: i64 = match v {
        IntVal::Small(x) => return hash_small(*x),
        IntVal::Big(b) => {
            let m = (b.abs() % BigInt::from(MODULUS)).to_i64().unwrap_or(0);
            if b.is_negative() { -m } else { m }
        }
    };
    if h == -1 { -2 } else { h as isize }
}

fn not_implemented() -> PyResult<Obj> {
    Ok(Obj::new_ref(immortals().not_implemented))
}

/// The two operands as ints, or `None` (the slot then returns `NotImplemented`).
fn operands<'a>(a: &'a PyObject, b: &'a PyObject) -> Option<(IntVal<'a>, IntVal<'a>)> {
    Some((as_int(a)?, as_int(b)?))
}

macro_rules! int_binop {
    ($name:ident, $checked:ident, $big:expr) => {
        pub(crate) fn $name(a: &PyObject, b: &PyObject) -> PyResult<Obj> {
            let Some((x, y)) = operands(a, b) else { return not_implemented() };
            if let (IntVal::Small(x), IntVal::Small(y)) = (&x, &y) {
                if let Some(r) = x.$checked(*y) {
                    return new_int(r);
                }
            }
            let f: fn(BigInt, BigInt) -> BigInt = $big;
            new_big(f(x.to_big(), y.to_big()))
        }
    };
}

int_binop!(int_add, checked_add, |x, y| x + y);
int_binop!(int_sub, checked_sub, |x, y| x - y);
int_binop!(int_mul, checked_mul, |x, y| x * y);

fn zero_division(msg: &str) -> PyErr {
    PyErr::zero_division(msg)
}

pub(crate) fn int_floordiv(a: &PyObject, b: &PyObject) -> PyResult<Obj> {
    let Some((x, y)) = operands(a, b) else { return not_implemented() };
    if let (IntVal::Small(x), IntVal::Small(y)) = (&x, &y) {
        if *y == 0 {
            return Err(zero_division("integer division or modulo by zero"));
        }
        if !(*x == i64::MIN && *y == -1) {
            return new_int(x.div_floor(y));
        }
    }
    let (x, y) = (x.to_big(), y.to_big());
    if y.is_zero() {
        return Err(zero_division("integer division or modulo by zero"));
    }
    new_big(x.div_floor(&y))
}

pub(crate) fn int_mod(a: &PyObject, b: &PyObject) -> PyResult<Obj> {
    let Some((x, y)) = operands(a, b) else { return not_implemented() };
    if let (IntVal::Small(x), IntVal::Small(y)) = (&x, &y) {
        if *y == 0 {
            return Err(zero_division("integer modulo by zero"));
        }
        if *y != -1 {
            return new_int(x.mod_floor(y));
        }
        return new_int(0);
    }
    let (x, y) = (x.to_big(), y.to_big());
    if y.is_zero() {
        return Err(zero_division("integer modulo by zero"));
    }
    new_big(x.mod_floor(&y))
}

/// `int / int` as a float, correctly rounded (pyrt-pylib's `long_true_divide`).
pub(crate) fn int_truediv(a: &PyObject, b: &PyObject) -> PyResult<Obj> {
    let Some((x, y)) = operands(a, b) else { return not_implemented() };
    if let (IntVal::Small(x), IntVal::Small(y)) = (&x, &y) {
        if x.unsigned_abs() < (1 << 53) && y.unsigned_abs() < (1 << 53) {
            if *y == 0 {
                return Err(zero_division("division by zero"));
            }
            return super::float::new_float(*x as f64 / *y as f64);
        }
    }
    let q = pyrt_pylib::int_arith::true_divide(&x.to_big(), &y.to_big()).map_err(super::int_methods::from_pylib)?;
    super::float::new_float(q)
}

/// The int as a float, correctly rounded (`OverflowError` when too large).
pub fn to_f64(v: &IntVal<'_>) -> PyResult<f64> {
    match v {
        IntVal::Small(x) => Ok(*x as f64),
        IntVal::Big(b) => pyrt_pylib::bigint::to_f64(b).map_err(super::int_methods::from_pylib),
    }
}

pub(crate) fn int_pow(a: &PyObject, b: &PyObject) -> PyResult<Obj> {
    let Some((x, y)) = operands(a, b) else { return not_implemented() };
    let exp = y.to_big();
    if exp.is_negative() {
        let (xf, yf) = (to_f64(&x)?, to_f64(&y)?);
        if xf == 0.0 {
            return Err(zero_division("0.0 cannot be raised to a negative power"));
        }
        return super::float::new_float(xf.powf(yf));
    }
    if let (IntVal::Small(base), Some(e)) = (&x, exp.to_u32()) {
        if let Some(r) = base.checked_pow(e) {
            return new_int(r);
        }
    }
    let Some(e) = exp.to_u32() else {
        let base = x.to_big();
        if base.is_zero() || base.is_one() {
            return new_big(base);
        }
        if base == -BigInt::one() {
            return new_int(if exp.is_odd() { -1 } else { 1 });
        }
        return Err(PyErr::overflow("exponent too large"));
    };
    let base = x.to_big();
    // A result of more than 2**32 bits (512 MiB) is refused: MemoryError (CPython would try).
    if (base.bits().saturating_sub(1)).saturating_mul(u64::from(e)) > 1 << 32 {
        return Err(PyErr::from_kind(ExcKind::MemoryError));
    }
    new_big(num_traits::pow(base, e as usize))
}

fn shift_count(y: &IntVal<'_>) -> PyResult<Option<u64>> {
    match y {
        IntVal::Small(s) if *s < 0 => Err(PyErr::value_error("negative shift count")),
        IntVal::Small(s) => Ok(Some(*s as u64)),
        IntVal::Big(b) if b.is_negative() => Err(PyErr::value_error("negative shift count")),
        IntVal::Big(_) => Ok(None),
    }
}

pub(crate) fn int_lshift(a: &PyObject, b: &PyObject) -> PyResult<Obj> {
    let Some((x, y)) = operands(a, b) else { return not_implemented() };
    let Some(s) = shift_count(&y)? else { return Err(PyErr::overflow("too many digits in integer")) };
    if let IntVal::Small(v) = x {
        if s < 63 && (v << s) >> s == v {
            return new_int(v << s);
        }
        if v == 0 {
            return new_int(0);
        }
    }
    let big = x.to_big();
    // A result of more than 2**32 bits (512 MiB) is refused: MemoryError (CPython would try).
    if big.bits().saturating_add(s) > 1 << 32 {
        return Err(PyErr::from_kind(ExcKind::MemoryError));
    }
    new_big(big << s as usize)
}

pub(crate) fn int_rshift(a: &PyObject, b: &PyObject) -> PyResult<Obj> {
    let Some((x, y)) = operands(a, b) else { return not_implemented() };
    let s = shift_count(&y)?.unwrap_or(u64::MAX);
    if let IntVal::Small(v) = x {
        return new_int(if s >= 63 { if v < 0 { -1 } else { 0 } } else { v >> s });
    }
    let big = x.to_big();
    if s > usize::MAX as u64 / 2 {
        return new_int(if big.is_negative() { -1 } else { 0 });
    }
    new_big(big >> s as usize)
}

macro_rules! int_bitop {
    ($name:ident, $op:tt) => {
        pub(crate) fn $name(a: &PyObject, b: &PyObject) -> PyResult<Obj> {
            let Some((x, y)) = operands(a, b) else { return not_implemented() };
            let both_bool = std::ptr::eq(a.type_object(), types().bool_type) && std::ptr::eq(b.type_object(), types().bool_type);
            if let (IntVal::Small(x), IntVal::Small(y)) = (&x, &y) {
                let r = x $op y;
                return if both_bool { Ok(new_bool(r != 0)) } else { new_int(r) };
            }
            new_big(x.to_big() $op y.to_big())
        }
    };
}

int_bitop!(int_and, &);
int_bitop!(int_or, |);
int_bitop!(int_xor, ^);

pub(crate) fn int_neg(a: &PyObject) -> PyResult<Obj> {
    match as_int(a) {
        Some(IntVal::Small(v)) if v != i64::MIN => new_int(-v),
        Some(v) => new_big(-v.to_big()),
        None => not_implemented(),
    }
}

pub(crate) fn int_pos(a: &PyObject) -> PyResult<Obj> {
    match as_int(a) {
        Some(IntVal::Small(v)) => new_int(v),
        Some(v) => new_big(v.to_big()),
        None => not_implemented(),
    }
}

pub(crate) fn int_abs(a: &PyObject) -> PyResult<Obj> {
    match as_int(a) {
        Some(IntVal::Small(v)) if v != i64::MIN => new_int(v.abs()),
        Some(v) => new_big(v.to_big().abs()),
        None => not_implemented(),
    }
}

pub(crate) fn int_invert(a: &PyObject) -> PyResult<Obj> {
    match as_int(a) {
        Some(IntVal::Small(v)) => new_int(!v),
        Some(v) => new_big(-v.to_big() - 1),
        None => not_implemented(),
    }
}

pub(crate) fn int_bool(a: &PyObject) -> PyResult<bool> {
    Ok(match as_int(a) {
        Some(IntVal::Small(v)) => v != 0,
        Some(IntVal::Big(_)) => true,
        None => false,
    })
}

pub(crate) fn int_float(a: &PyObject) -> PyResult<Obj> {
    let v = as_int(a).ok_or_else(|| PyErr::type_error("int expected"))?;
    super::float::new_float(to_f64(&v)?)
}

pub(crate) fn int_int(a: &PyObject) -> PyResult<Obj> {
    if std::ptr::eq(a.type_object(), types().int_type) {
        return Ok(Obj::new_ref(a));
    }
    int_pos(a)
}

pub(crate) fn int_repr(a: &PyObject) -> PyResult<Obj> {
    let v = as_int(a).ok_or_else(|| PyErr::type_error("int expected"))?;
    match v {
        // Formatted on the stack (no `String`, no formatting machinery).
        IntVal::Small(x) => super::str::new_str(itoa::Buffer::new().format(x)),
        IntVal::Big(b) => {
            let mut text = String::new();
            pyrt_pylib::int_text::write_decimal(b, super::int_methods::max_str_digits(), &mut text)
                .map_err(super::int_methods::from_pylib)?;
            super::str::new_str(&text)
        }
    }
}

pub(crate) fn bool_repr(a: &PyObject) -> PyResult<Obj> {
    let t = matches!(as_int(a), Some(IntVal::Small(v)) if v != 0);
    Ok(Obj::new_ref(&super::immortal::intern(if t { "True" } else { "False" }).ob_base))
}

pub(crate) fn int_hash(a: &PyObject) -> PyResult<isize> {
    Ok(as_int(a).map_or(0, |v| hash_int(&v)))
}

/// Orders two ints.
pub fn cmp_ints(x: &IntVal<'_>, y: &IntVal<'_>) -> std::cmp::Ordering {
    match (x, y) {
        (IntVal::Small(a), IntVal::Small(b)) => a.cmp(b),
        _ => x.to_big().cmp(&y.to_big()),
    }
}

pub(crate) fn int_richcompare(a: &PyObject, b: &PyObject, op: CompareOp) -> PyResult<Obj> {
    match (as_int(a), as_int(b)) {
        (Some(x), Some(y)) => Ok(new_bool(op.test(cmp_ints(&x, &y)))),
        (Some(x), None) => match super::float::as_float(b) {
            Some(f) => Ok(new_bool(super::float::compare_int_float(&x, f, op))),
            None => not_implemented(),
        },
        _ => not_implemented(),
    }
}

/// `int(text, base)`'s value, or `None` for text that is not an int literal in `base` (the
/// caller words the error): pyrt-pylib's parser, with the interpreter's digit limit.
pub fn parse_int(text: &str, base: u32) -> Option<BigInt> {
    let limit = super::int_methods::max_str_digits();
    pyrt_pylib::int_text::parse_int(text, i64::from(base), limit).ok().map(pyrt_pylib::int_text::ParsedInt::into_bigint)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parse_int_takes_python_literals_and_refuses_the_rest() {
        assert_eq!(parse_int(" -1_000 ", 10), Some(BigInt::from(-1000)));
        assert_eq!(parse_int("0x_ff", 0), Some(BigInt::from(255)));
        assert_eq!(parse_int("z", 36), Some(BigInt::from(35)));
        assert_eq!(parse_int("09", 0), None);
        assert_eq!(parse_int("1__0", 10), None);
        assert_eq!(parse_int(&"1".repeat(4301), 10), None);
    }
}
