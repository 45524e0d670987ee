//! `complex`: a pair of IEEE-754 doubles, with CPython 3.13's arithmetic (`Objects/complexobject.c`).
//!
//! Mixed operations convert an `int` or `float` operand to `complex(x, 0.0)` first. Division is
//! Smith's algorithm as `_Py_c_quot` writes it (scale by the larger component of the divisor).
//! `z ** w` uses repeated squaring (`c_powi`) when `w` is an integral real of magnitude at most
//! 100 and the polar form (`_Py_c_pow`) otherwise; a zero base with a negative or complex
//! exponent is `ZeroDivisionError`, an infinite result from finite operands `OverflowError`.
//! Ordering comparisons are not defined (the generic `TypeError`); equality with ints is exact.
//! The hash combines the parts' float hashes as `hash(re) + 1000003 * hash(im)`, so a complex
//! with zero imaginary part hashes like the equal float or int. `repr`/`str` and `format` come
//! from pyrt-pylib's `format_complex`; `complex(str)` from its `complex::parse`.

use std::ptr::NonNull;

use super::abstract_ops as ops;
use super::alloc::{alloc_sized, drop_and_free};
use super::builtin::{GetSetDef, MethodDef, args};
use super::float::{as_float, compare_int_float, hash_float, new_float};
use super::header::PyObject;
use super::immortal::{immortals, types};
use super::int::{as_int, new_bool, to_f64};
use super::obj::Obj;
use super::str::{new_str, str_value};
use super::typeobj::{CompareOp, TypeObject};
use crate::error::{PyErr, PyResult};

/// A `complex`.
#[repr(C)]
pub struct ComplexObject {
    /// Header.
    pub ob_base: PyObject,
    /// The real part.
    pub re: f64,
    /// The imaginary part.
    pub im: f64,
}

/// A new `complex`.
pub fn new_complex(re: f64, im: f64) -> PyResult<Obj> {
    new_complex_of_type(types().complex_type, re, im)
}

fn new_complex_of_type(ty: &TypeObject, re: f64, im: f64) -> PyResult<Obj> {
    // SAFETY: ComplexObject starts with the header; the deallocator frees this layout; a
    // subclass's dict pointer is written right after.
    unsafe {
        let obj = alloc_sized(ty, ty.basic_size.max(size_of::<ComplexObject>()), |ob_base| ComplexObject {
            ob_base,
            re,
            im,
        })?;
        if ty.dict_offset != 0 {
            (obj.as_ptr().as_ptr() as *mut u8).add(ty.dict_offset).cast::<Option<Obj>>().write(None);
        }
        Ok(obj)
    }
}

/// The value of a `complex` (or subclass) instance.
pub fn as_complex(obj: &PyObject) -> Option<(f64, f64)> {
    if obj.type_object().is_subtype(types().complex_type) {
        // SAFETY: complex instances start with ComplexObject.
        let c = unsafe { obj.cast::<ComplexObject>() };
        Some((c.re, c.im))
    } else {
        None
    }
}

/// `complex`'s deallocator.
///
/// # Safety
///
/// See [`super::typeobj::DeallocFn`].
pub(crate) unsafe fn dealloc_complex(op: NonNull<PyObject>) {
    // SAFETY: forwarded contract.
    unsafe {
        let ty = op.as_ref().type_object();
        if ty.dict_offset != 0 {
            std::ptr::drop_in_place((op.as_ptr() as *mut u8).add(ty.dict_offset).cast::<Option<Obj>>());
        }
        drop_and_free::<ComplexObject>(op)
    }
}

/// An operand as a complex value: complex, float or int (`None` for other types).
fn operand(o: &PyObject) -> Option<PyResult<(f64, f64)>> {
    if let Some(c) = as_complex(o) {
        return Some(Ok(c));
    }
    if let Some(f) = as_float(o) {
        return Some(Ok((f, 0.0)));
    }
    as_int(o).map(|v| to_f64(&v).map(|f| (f, 0.0)))
}

fn not_implemented() -> PyResult<Obj> {
    Ok(Obj::new_ref(immortals().not_implemented))
}

/// `a * b`.
pub fn c_prod(a: (f64, f64), b: (f64, f64)) -> (f64, f64) {
    (a.0 * b.0 - a.1 * b.1, a.0 * b.1 + a.1 * b.0)
}

/// `a / b` (`_Py_c_quot`); `None` when `b` is zero.
pub fn c_quot(a: (f64, f64), b: (f64, f64)) -> Option<(f64, f64)> {
    let (abs_br, abs_bi) = (b.0.abs(), b.1.abs());
    if abs_br >= abs_bi {
        if abs_br == 0.0 {
            return None;
        }
        let ratio = b.1 / b.0;
        let denom = b.0 + b.1 * ratio;
        Some(((a.0 + a.1 * ratio) / denom, (a.1 - a.0 * ratio) / denom))
    } else if abs_bi >= abs_br {
        let ratio = b.0 / b.1;
        let denom = b.0 * ratio + b.1;
        Some(((a.0 * ratio + a.1) / denom, (a.1 * ratio - a.0) / denom))
    } else {
        // At least one of the divisor's parts is a NaN.
        Some((f64::NAN, f64::NAN))
    }
}

/// Why a power failed.
#[derive(Debug, PartialEq)]
pub enum PowError {
    /// Zero to a negative or complex power.
    Domain,
    /// The result overflowed.
    Range,
}

/// `_Py_c_pow`: the polar-form power; `Err(Domain)` for zero to a negative or complex power.
fn c_pow(a: (f64, f64), b: (f64, f64)) -> Result<(f64, f64), PowError> {
    if b.0 == 0.0 && b.1 == 0.0 {
        return Ok((1.0, 0.0));
    }
    if a.0 == 0.0 && a.1 == 0.0 {
        if b.1 != 0.0 || b.0 < 0.0 {
            return Err(PowError::Domain);
        }
        return Ok((0.0, 0.0));
    }
    let vabs = a.0.hypot(a.1);
    let mut len = vabs.powf(b.0);
    let at = a.1.atan2(a.0);
    let mut phase = at * b.0;
    if b.1 != 0.0 {
        len /= (at * b.1).exp();
        phase += b.1 * vabs.ln();
    }
    Ok((len * phase.cos(), len * phase.sin()))
}

/// `c_powu`: `x ** n` for `n >= 1` by repeated squaring.
fn c_powu(x: (f64, f64), n: u64) -> (f64, f64) {
    let mut r = (1.0, 0.0);
    let mut p = x;
    let mut mask: u64 = 1;
    while mask > 0 && n >= mask {
        if n & mask != 0 {
            r = c_prod(r, p);
        }
        mask <<= 1;
        p = c_prod(p, p);
    }
    r
}

/// `complex_pow`'s value: `a ** b`.
pub fn complex_power(a: (f64, f64), b: (f64, f64)) -> Result<(f64, f64), PowError> {
    let r = if b.1 == 0.0 && b.0 == b.0.floor() && b.0.abs() <= 100.0 {
        let n = b.0 as i64;
        if n > 0 {
            c_powu(a, n as u64)
        } else {
            c_quot((1.0, 0.0), c_powu(a, n.unsigned_abs())).ok_or(PowError::Domain)?
        }
    } else {
        c_pow(a, b)?
    };
    if r.0.is_infinite() || r.1.is_infinite() {
        return Err(PowError::Range);
    }
    Ok(r)
}

/// `abs(z)`: `None` when it overflows.
pub fn c_abs(re: f64, im: f64) -> Option<f64> {
    if !re.is_finite() || !im.is_finite() {
        if re.is_infinite() || im.is_infinite() {
            return Some(f64::INFINITY);
        }
        return Some(f64::NAN);
    }
    let r = re.hypot(im);
    r.is_finite().then_some(r)
}

macro_rules! complex_binop {
    ($name:ident, |$x:ident, $y:ident| $body:expr) => {
        pub(crate) fn $name(a: &PyObject, b: &PyObject) -> PyResult<Obj> {
            let (Some(x), Some(y)) = (operand(a), operand(b)) else { return not_implemented() };
            let ($x, $y) = (x?, y?);
            let r: PyResult<(f64, f64)> = $body;
            let (re, im) = r?;
            new_complex(re, im)
        }
    };
}

complex_binop!(complex_add, |x, y| Ok((x.0 + y.0, x.1 + y.1)));
complex_binop!(complex_sub, |x, y| Ok((x.0 - y.0, x.1 - y.1)));
complex_binop!(complex_mul, |x, y| Ok(c_prod(x, y)));
complex_binop!(complex_div, |x, y| c_quot(x, y).ok_or_else(|| PyErr::zero_division("complex division by zero")));
complex_binop!(complex_pow, |x, y| complex_power(x, y).map_err(|e| match e {
    PowError::Domain => PyErr::zero_division("0.0 to a negative or complex power"),
    PowError::Range => PyErr::overflow("complex exponentiation"),
}));

fn value(o: &PyObject) -> (f64, f64) {
    as_complex(o).unwrap_or((0.0, 0.0))
}

fn complex_neg(a: &PyObject) -> PyResult<Obj> {
    let (re, im) = value(a);
    new_complex(-re, -im)
}

fn complex_pos(a: &PyObject) -> PyResult<Obj> {
    if std::ptr::eq(a.type_object(), types().complex_type) {
        return Ok(Obj::new_ref(a));
    }
    let (re, im) = value(a);
    new_complex(re, im)
}

fn complex_abs(a: &PyObject) -> PyResult<Obj> {
    let (re, im) = value(a);
    match c_abs(re, im) {
        Some(r) => new_float(r),
        None => Err(PyErr::overflow("absolute value too large")),
    }
}

fn complex_bool(a: &PyObject) -> PyResult<bool> {
    let (re, im) = value(a);
    Ok(re != 0.0 || im != 0.0)
}

/// The text of `repr(z)` / `str(z)`: `(1+2j)`, `1j`, `-0j`, `(nan+infj)`.
pub fn complex_repr_text(re: f64, im: f64) -> String {
    let mut out = String::new();
    // An empty spec cannot fail.
    let _ = pyrt_pylib::format_spec::format_complex(re, im, "", "complex", &mut out);
    out
}

fn complex_repr(a: &PyObject) -> PyResult<Obj> {
    let (re, im) = value(a);
    new_str(&complex_repr_text(re, im))
}

/// `format(z, spec)`.
pub fn format_complex(re: f64, im: f64, spec: &str, type_name: &str) -> PyResult<Obj> {
    let mut out = String::new();
    pyrt_pylib::format_spec::format_complex(re, im, spec, type_name, &mut out)
        .map_err(super::bytes_methods::pylib_error)?;
    new_str(&out)
}

fn complex_hash(a: &PyObject) -> PyResult<isize> {
    let (re, im) = value(a);
    let hr = hash_float(re, a.addr()) as usize;
    let hi = hash_float(im, a.addr()) as usize;
    let h = hr.wrapping_add(1000003usize.wrapping_mul(hi)) as isize;
    Ok(if h == -1 { -2 } else { h })
}

fn complex_richcompare(a: &PyObject, b: &PyObject, op: CompareOp) -> PyResult<Obj> {
    if !matches!(op, CompareOp::Eq | CompareOp::Ne) {
        return not_implemented();
    }
    let (re, im) = value(a);
    let equal = if let Some(i) = as_int(b) {
        im == 0.0 && compare_int_float(&i, re, CompareOp::Eq)
    } else if let Some(f) = as_float(b) {
        im == 0.0 && re == f
    } else if let Some((bre, bim)) = as_complex(b) {
        re == bre && im == bim
    } else {
        return not_implemented();
    };
    Ok(new_bool(equal == (op == CompareOp::Eq)))
}

/// A number argument of `complex()` as a float (`None` when the object is not a number).
fn real_part(o: &PyObject) -> PyResult<Option<f64>> {
    if let Some(f) = as_float(o) {
        return Ok(Some(f));
    }
    if let Some(i) = as_int(o) {
        return Ok(Some(to_f64(&i)?));
    }
    let nb = &o.type_object().number;
    let as_real = |r: Obj| -> PyResult<Option<f64>> {
        if let Some(f) = as_float(&r) {
            return Ok(Some(f));
        }
        as_int(&r).map(|i| to_f64(&i)).transpose()
    };
    if let Some(f) = nb.float.or(nb.index) {
        return as_real(f(o)?);
    }
    // A class defining `__float__` or `__index__` in Python.
    for name in ["__float__", "__index__"] {
        if let Some(f) = super::attr::lookup_str(o.type_object(), name) {
            return as_real(ops::call(&f, &[Obj::new_ref(o)], None)?);
        }
    }
    Ok(None)
}

/// `complex(real=0, imag=0)` (CPython's `complex_new_impl`).
fn complex_new(ty: &TypeObject, argv: &[Obj], kwnames: Option<&PyObject>) -> PyResult<Obj> {
    let pos = args::positional(argv, kwnames);
    if pos.len() > 2 {
        return Err(PyErr::type_error(format!("complex() takes at most 2 arguments ({} given)", pos.len())));
    }
    let (mut r, mut i) = (pos.first(), pos.get(1));
    for (key, v) in args::keywords(argv, kwnames) {
        let slot = match key {
            "real" => &mut r,
            "imag" => &mut i,
            _ => return Err(PyErr::type_error(format!("complex() got an unexpected keyword argument '{key}'"))),
        };
        if slot.is_some() {
            let n = if key == "real" { 1 } else { 2 };
            return Err(PyErr::type_error(format!(
                "argument for complex() given by name ('{key}') and position ({n})"
            )));
        }
        *slot = Some(v);
    }
    let Some(r) = r else {
        return match i {
            None => new_complex_of_type(ty, 0.0, 0.0),
            Some(i) => complex_new(ty, &[new_float(0.0)?, i.clone()], None),
        };
    };
    if let Some(text) = str_value(r) {
        if i.is_some() {
            return Err(PyErr::type_error("complex() can't take second arg if first is a string"));
        }
        let (re, im) = pyrt_pylib::complex::parse(text).map_err(super::bytes_methods::pylib_error)?;
        return new_complex_of_type(ty, re, im);
    }
    if let Some(i) = i {
        if str_value(i).is_some() {
            return Err(PyErr::type_error("complex() second arg can't be a string"));
        }
    }
    // `__complex__` first (for non-complex objects), as `try_complex_special_method` does.
    let mut converted: Option<Obj> = None;
    if as_complex(r).is_none() {
        if let Some(f) = ops::lookup_special(r, "__complex__")? {
            let c = ops::call(&f, &[], None)?;
            if as_complex(&c).is_none() {
                return Err(PyErr::type_error(format!(
                    "__complex__ returned non-complex (type {})",
                    c.type_object().name()
                )));
            }
            converted = Some(c);
        }
    }
    let r: &PyObject = converted.as_deref().unwrap_or(r);
    if i.is_none() && std::ptr::eq(ty, types().complex_type) && std::ptr::eq(r.type_object(), types().complex_type) {
        return Ok(Obj::new_ref(r));
    }
    let (cr, cr_is_complex) = match as_complex(r) {
        Some(c) => (c, true),
        None => match real_part(r)? {
            Some(f) => ((f, 0.0), false),
            None => {
                return Err(PyErr::type_error(format!(
                    "complex() first argument must be a string or a number, not '{}'",
                    r.type_object().name()
                )));
            }
        },
    };
    let (ci, ci_is_complex) = match i {
        None => ((cr.1, 0.0), false),
        Some(i) => match as_complex(i) {
            Some(c) => (c, true),
            None => match real_part(i)? {
                Some(f) => ((f, 0.0), false),
                None => {
                    return Err(PyErr::type_error(format!(
                        "complex() second argument must be a number, not '{}'",
                        i.type_object().name()
                    )));
                }
            },
        },
    };
    let mut re = cr.0;
    let mut im = ci.0;
    if ci_is_complex {
        re -= ci.1;
    }
    if cr_is_complex && i.is_some() {
        im += cr.1;
    }
    new_complex_of_type(ty, re, im)
}

/// Fills the `complex` type's slots.
pub(crate) fn fill_complex_type(t: &mut TypeObject) {
    t.new = Some(complex_new);
    t.repr = Some(complex_repr);
    t.hash = Some(complex_hash);
    t.richcompare = Some(complex_richcompare);
    t.number.add = Some(complex_add);
    t.number.subtract = Some(complex_sub);
    t.number.multiply = Some(complex_mul);
    t.number.true_divide = Some(complex_div);
    t.number.power = Some(complex_pow);
    t.number.negative = Some(complex_neg);
    t.number.positive = Some(complex_pos);
    t.number.absolute = Some(complex_abs);
    t.number.bool = Some(complex_bool);
}

pub(crate) static COMPLEX_METHODS: &[MethodDef] = &[
    MethodDef::method("__format__", |a, k| {
        let (s, r) = args::method("__format__", a, k, 1, 1)?;
        let (re, im) = value(s);
        format_complex(re, im, super::formatting::spec_arg(&r[0])?, s.type_object().name())
    }),
    MethodDef::method("conjugate", |a, k| {
        let (s, _) = args::method("conjugate", a, k, 0, 0)?;
        let (re, im) = value(s);
        new_complex(re, -im)
    }),
    MethodDef::method("__complex__", |a, k| {
        let (s, _) = args::method("__complex__", a, k, 0, 0)?;
        let (re, im) = value(s);
        new_complex(re, im)
    }),
    MethodDef::method("__getnewargs__", |a, k| {
        let (s, _) = args::method("__getnewargs__", a, k, 0, 0)?;
        let (re, im) = value(s);
        super::tuple::new_tuple(vec![new_float(re)?, new_float(im)?])
    }),
    MethodDef::method("__format__", |a, k| {
        let (s, r) = args::method("__format__", a, k, 1, 1)?;
        let spec = str_value(&r[0]).ok_or_else(|| {
            PyErr::type_error(format!("__format__() argument must be str, not {}", r[0].type_object().name()))
        })?;
        let (re, im) = value(s);
        format_complex(re, im, spec, s.type_object().name())
    }),
];

pub(crate) static COMPLEX_GETSETS: &[GetSetDef] = &[
    GetSetDef { name: "real", get: |o| new_float(value(o).0), set: None },
    GetSetDef { name: "imag", get: |o| new_float(value(o).1), set: None },
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn division_scales_by_the_larger_part() {
        assert_eq!(c_quot((1.0, 0.0), (0.0, 1.0)), Some((0.0, -1.0)));
        assert_eq!(c_quot((1.0, 2.0), (0.0, 0.0)), None);
        let (re, im) = c_quot((1.0, 2.0), (3.0, -4.0)).expect("non-zero divisor");
        assert!((re - -0.2).abs() < 1e-15 && (im - 0.4).abs() < 1e-15);
    }

    #[test]
    fn integer_powers_multiply_and_others_use_the_polar_form() {
        assert_eq!(complex_power((0.0, 1.0), (2.0, 0.0)), Ok((-1.0, 0.0)));
        assert_eq!(complex_power((2.0, 0.0), (10.0, 0.0)), Ok((1024.0, 0.0)));
        assert_eq!(complex_power((0.0, 1.0), (-1.0, 0.0)), Ok((0.0, -1.0)));
        assert_eq!(complex_power((0.0, 0.0), (-1.0, 0.0)), Err(PowError::Domain));
        assert_eq!(complex_power((0.0, 0.0), (0.0, 1.0)), Err(PowError::Domain));
        assert_eq!(complex_power((10.0, 10.0), (1000.0, 0.0)), Err(PowError::Range));
        assert_eq!(complex_power((0.0, 0.0), (0.0, 0.0)), Ok((1.0, 0.0)));
    }

    #[test]
    fn repr_matches_cpython() {
        assert_eq!(complex_repr_text(1.0, 2.0), "(1+2j)");
        assert_eq!(complex_repr_text(0.0, 1.0), "1j");
        assert_eq!(complex_repr_text(-0.0, -0.0), "(-0-0j)");
        assert_eq!(complex_repr_text(0.0, -0.0), "-0j");
        assert_eq!(complex_repr_text(f64::NAN, f64::INFINITY), "(nan+infj)");
    }

    #[test]
    fn abs_overflows_only_for_finite_parts() {
        assert_eq!(c_abs(3.0, 4.0), Some(5.0));
        assert_eq!(c_abs(f64::INFINITY, f64::NAN), Some(f64::INFINITY));
        assert_eq!(c_abs(1.7e308, 1.7e308), None);
    }
}
