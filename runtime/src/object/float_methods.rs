//! `float`'s slots and methods (the layout and arithmetic are in [`super::float`]), as CPython
//! 3.13's `Objects/floatobject.c`, with the value algorithms from pyrt-pylib: `float(x)` (the
//! string syntax and message of `PyFloat_FromString`), `as_integer_ratio`, `is_integer`,
//! `hex`/`fromhex`, `conjugate`, `__round__` (half to even, or correctly rounded to `ndigits`),
//! `__trunc__`/`__floor__`/`__ceil__`, the `real`/`imag` attributes and float `divmod`.

use super::abstract_ops as ops;
use super::builtin::{GetSetDef, MethodDef, args};
use super::float;
use super::header::PyObject;
use super::immortal::{immortals, types};
use super::int::{self, as_int, new_bool};
use super::int_methods::from_pylib;
use super::obj::Obj;
use super::slot_dunders::{dunder_binary, dunder_compare, dunder_reflected, dunder_unary};
use super::slots::NumberMethods;
use super::str::{new_str, str_value};
use super::tuple::new_tuple;
use super::typeobj::{CompareOp, TypeObject};
use crate::error::{PyErr, PyResult};

/// Fills `float`'s slots.
pub(crate) fn fill_float_type(t: &mut TypeObject) {
    t.repr = Some(float::float_repr);
    t.hash = Some(float::float_hash);
    t.richcompare = Some(float::float_richcompare);
    t.new = Some(float_new);
    t.number = NumberMethods {
        add: Some(float::float_add),
        subtract: Some(float::float_sub),
        multiply: Some(float::float_mul),
        true_divide: Some(float::float_truediv),
        floor_divide: Some(float::float_floordiv),
        remainder: Some(float::float_mod),
        power: Some(float::float_pow),
        negative: Some(float::float_neg),
        positive: Some(float::float_pos),
        absolute: Some(float::float_abs),
        bool: Some(float::float_bool),
        int: Some(float::float_int),
        float: Some(float::float_float),
        ..NumberMethods::EMPTY
    };
}

fn float_new(ty: &TypeObject, argv: &[Obj], kwnames: Option<&PyObject>) -> PyResult<Obj> {
    // Keywords are refused unless a subclass's own `__init__` may take them.
    let pos = if args::refuses_keywords(ty, super::immortal::types().float_type) {
        args::exact("float", argv, kwnames, 0, 1)?
    } else {
        args::exact("float", args::positional(argv, kwnames), None, 0, 1)?
    };
    let v = match pos.first() {
        None => 0.0,
        Some(x) => to_f64(x)?,
    };
    float::new_float_of_type(ty, v)
}

/// `float(x)` (CPython's `PyNumber_Float`): an exact float as it is; then `__float__` (a
/// subclass of float or str with its own converts through it; a strict float subclass as the
/// result warns), then `__index__` (an int, correctly rounded); then the text of a str or
/// bytes-like object.
fn to_f64(x: &PyObject) -> PyResult<f64> {
    let ty = x.type_object();
    let float_type = types().float_type;
    if std::ptr::eq(ty, float_type) {
        return Ok(float::as_float(x).expect("a float"));
    }
    if let Some(f) = ty.number.float {
        let r = f(x)?;
        let Some(v) = float::as_float(&r) else {
            return Err(PyErr::type_error(format!(
                "{}.__float__ returned non-float (type {})",
                ty.name(),
                r.type_object().name()
            )));
        };
        if !std::ptr::eq(r.type_object(), float_type) {
            super::int_methods::deprecated(&format!(
                "{}.__float__ returned non-float (type {}).  The ability to return an instance of a strict subclass \
                 of float is deprecated, and may be removed in a future version of Python.",
                ty.name(),
                r.type_object().name()
            ))?;
        }
        return Ok(v);
    }
    if ty.number.index.is_some() {
        let r = ops::index(x)?;
        return int::to_f64(&as_int(&r).expect("__index__ returns an int"));
    }
    if let Some(f) = float::as_float(x) {
        return Ok(f);
    }
    if let Some(s) = str_value(x) {
        return pyrt_pylib::float::parse(s).map_err(from_pylib);
    }
    if let Some(data) = super::bytes::buffer_data(x) {
        // A bytes-like object is text in ASCII (CPython's `PyFloat_FromString`); the error shows
        // the object's repr.
        if let Some(v) = std::str::from_utf8(&data).ok().and_then(|t| pyrt_pylib::float::parse(t).ok()) {
            return Ok(v);
        }
        let shown = super::abstract_ops::repr_text(x)?;
        return Err(PyErr::value_error(format!("could not convert string to float: {shown}")));
    }
    Err(PyErr::type_error(format!(
        "float() argument must be a string or a real number, not '{}'",
        x.type_object().name()
    )))
}

fn recv(a: &[Obj], k: Option<&PyObject>, name: &str) -> PyResult<f64> {
    let (s, _) = args::method(name, a, k, 0, 0)?;
    Ok(float::as_float(s).expect("a float receiver"))
}

/// An integral float as an int (`OverflowError`/`ValueError` for infinities and NaN).
fn integral_to_int(v: f64) -> PyResult<Obj> {
    float::float_int(&*float::new_float(v)?)
}

/// `float.__round__(ndigits=None)`: an int rounded half to even, or a float rounded to
/// `ndigits` decimal places (correctly, from the exact binary value).
fn float_round(a: &[Obj], k: Option<&PyObject>) -> PyResult<Obj> {
    let (s, r) = args::method("__round__", a, k, 0, 1)?;
    let v = float::as_float(s).expect("a float receiver");
    match r.first().filter(|n| !n.is(immortals().none)) {
        None => integral_to_int(pyrt_pylib::float::round_half_even(v).map_err(from_pylib)?),
        Some(n) => {
            let n = ops::index(n)?;
            let n = match as_int(&n) {
                Some(int::IntVal::Small(x)) => x,
                Some(int::IntVal::Big(b)) if b.sign() == num_bigint::Sign::Minus => i64::MIN,
                _ => i64::MAX,
            };
            float::new_float(pyrt_pylib::float::round_ndigits(v, n).map_err(from_pylib)?)
        }
    }
}

/// `divmod(a, b)` for two numbers of which one is a float: `None` when this does not apply.
pub(crate) fn float_divmod(a: &PyObject, b: &PyObject) -> PyResult<Option<Obj>> {
    let conv = |o: &PyObject| -> Option<PyResult<f64>> {
        float::as_float(o).map(Ok).or_else(|| as_int(o).map(|v| int::to_f64(&v)))
    };
    if float::as_float(a).is_none() && float::as_float(b).is_none() {
        return Ok(None);
    }
    let (Some(x), Some(y)) = (conv(a), conv(b)) else { return Ok(None) };
    let (q, r) = pyrt_pylib::float::arith::divmod(x?, y?).map_err(from_pylib)?;
    Ok(Some(new_tuple(vec![float::new_float(q)?, float::new_float(r)?])?))
}

/// `sum()`'s float phase (CPython 3.13's `builtin_sum_impl`): while the total is an exact
/// float, floats are added with Neumaier's compensated summation and ints that fit a C long
/// are added to the running sum directly; any other item ends the phase with a plain `+` and
/// the rest of `it` is summed by `+`. `None` when `total` is not an exact float.
pub(crate) fn compensated_sum(total: &PyObject, it: &PyObject) -> PyResult<Option<Obj>> {
    if !std::ptr::eq(total.type_object(), types().float_type) {
        return Ok(None);
    }
    let (mut hi, mut lo) = (float::as_float(total).expect("a float"), 0.0f64);
    let finish = |hi: f64, lo: f64| if lo != 0.0 && lo.is_finite() { hi + lo } else { hi };
    while let Some(x) = ops::next(it)? {
        if std::ptr::eq(x.type_object(), types().float_type) {
            let v = float::as_float(&x).expect("a float");
            let t = hi + v;
            lo += if hi.abs() >= v.abs() { (hi - t) + v } else { (v - t) + hi };
            hi = t;
            continue;
        }
        if let Some(int::IntVal::Small(v)) = as_int(&x) {
            hi += v as f64;
            continue;
        }
        let mut acc = ops::binary_op(&*float::new_float(finish(hi, lo))?, &x, super::slots::BinOp::Add)?;
        while let Some(x) = ops::next(it)? {
            acc = ops::binary_op(&acc, &x, super::slots::BinOp::Add)?;
        }
        return Ok(Some(acc));
    }
    Ok(Some(float::new_float(finish(hi, lo))?))
}

pub(crate) static FLOAT_METHODS: &[MethodDef] = &[
    MethodDef::method("__format__", super::formatting::float_dunder_format),
    MethodDef::method("is_integer", |a, k| {
        Ok(new_bool(pyrt_pylib::float::is_integer(recv(a, k, "float.is_integer")?)))
    }),
    MethodDef::method("as_integer_ratio", |a, k| {
        let (n, d) = pyrt_pylib::float::as_integer_ratio(recv(a, k, "float.as_integer_ratio")?).map_err(from_pylib)?;
        new_tuple(vec![int::new_big(n)?, int::new_big(d)?])
    }),
    MethodDef::method("hex", |a, k| {
        let mut out = String::new();
        pyrt_pylib::float::to_hex(recv(a, k, "float.hex")?, &mut out);
        new_str(&out)
    }),
    MethodDef::classmethod("fromhex", |a, k| {
        let (cls, r) = args::method("float.fromhex", a, k, 1, 1)?;
        let text = str_value(&r[0]).ok_or_else(|| PyErr::type_error("bad argument type for built-in operation"))?;
        let v = float::new_float(pyrt_pylib::float::from_hex(text).map_err(from_pylib)?)?;
        if cls.is(types().float_type.as_object()) { Ok(v) } else { ops::call(cls, &[v], None) }
    }),
    MethodDef::method("conjugate", |a, k| float::new_float(recv(a, k, "float.conjugate")?)),
    MethodDef::method("__trunc__", |a, k| integral_to_int(recv(a, k, "float.__trunc__")?.trunc())),
    MethodDef::method("__getnewargs__", |a, k| {
        super::tuple::new_tuple(vec![float::new_float(recv(a, k, "float.__getnewargs__")?)?])
    }),
    MethodDef::method("__floor__", |a, k| integral_to_int(recv(a, k, "float.__floor__")?.floor())),
    MethodDef::method("__ceil__", |a, k| integral_to_int(recv(a, k, "float.__ceil__")?.ceil())),
    MethodDef::method("__int__", |a, k| integral_to_int(recv(a, k, "__int__")?.trunc())),
    MethodDef::method("__float__", |a, k| float::new_float(recv(a, k, "__float__")?)),
    MethodDef::method("__round__", float_round),
    MethodDef::method("__repr__", |a, k| float::float_repr(args::method("__repr__", a, k, 0, 0)?.0)),
    dunder_binary!("__add__", float::float_add),
    dunder_reflected!("__radd__", float::float_add),
    dunder_binary!("__sub__", float::float_sub),
    dunder_reflected!("__rsub__", float::float_sub),
    dunder_binary!("__mul__", float::float_mul),
    dunder_reflected!("__rmul__", float::float_mul),
    dunder_binary!("__truediv__", float::float_truediv),
    dunder_reflected!("__rtruediv__", float::float_truediv),
    dunder_binary!("__floordiv__", float::float_floordiv),
    dunder_reflected!("__rfloordiv__", float::float_floordiv),
    dunder_binary!("__mod__", float::float_mod),
    dunder_reflected!("__rmod__", float::float_mod),
    dunder_binary!("__divmod__", float_divmod_slot),
    dunder_reflected!("__rdivmod__", float_divmod_slot),
    MethodDef::method("__pow__", |a, k| {
        let (s, r) = args::method("__pow__", a, k, 1, 2)?;
        float_pow_slot(s, &r[0], r.get(1))
    }),
    MethodDef::method("__rpow__", |a, k| {
        let (s, r) = args::method("__rpow__", a, k, 1, 2)?;
        float_pow_slot(&r[0], s, r.get(1))
    }),
    dunder_unary!("__neg__", float::float_neg),
    dunder_unary!("__pos__", float::float_pos),
    dunder_unary!("__abs__", float::float_abs),
    dunder_unary!("__bool__", |o| Ok::<_, PyErr>(new_bool(float::float_bool(o)?))),
    dunder_unary!("__hash__", |o| int::new_int(float::float_hash(o)? as i64)),
    dunder_compare!("__eq__", CompareOp::Eq, float::float_richcompare),
    dunder_compare!("__ne__", CompareOp::Ne, float::float_richcompare),
    dunder_compare!("__lt__", CompareOp::Lt, float::float_richcompare),
    dunder_compare!("__le__", CompareOp::Le, float::float_richcompare),
    dunder_compare!("__gt__", CompareOp::Gt, float::float_richcompare),
    dunder_compare!("__ge__", CompareOp::Ge, float::float_richcompare),
];

/// `float.__divmod__`: float `divmod` when the operands are numbers, else `NotImplemented`.
fn float_divmod_slot(a: &PyObject, b: &PyObject) -> PyResult<Obj> {
    Ok(float_divmod(a, b)?.unwrap_or_else(|| Obj::new_ref(immortals().not_implemented)))
}

/// `float.__pow__(other, mod=None)`: a modulus is a `TypeError` for floats.
fn float_pow_slot(a: &PyObject, b: &PyObject, m: Option<&Obj>) -> PyResult<Obj> {
    if m.is_some_and(|m| !m.is(immortals().none)) {
        return Err(PyErr::type_error("pow() 3rd argument not allowed unless all arguments are integers"));
    }
    float::float_pow(a, b)
}

pub(crate) static FLOAT_GETSETS: &[GetSetDef] = &[
    GetSetDef { name: "real", get: |o| float::new_float(float::as_float(o).expect("a float")), set: None },
    GetSetDef { name: "imag", get: |_| float::new_float(0.0), set: None },
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::object::abstract_ops::repr_text;

    #[test]
    fn compensated_sum_matches_cpython_phases() {
        crate::Runtime::initialize();
        crate::attach(|_py| {
            let f = |v: f64| float::new_float(v).expect("a float");
            let list = |v: Vec<Obj>| crate::object::list::new_list(v).expect("a list");
            let sum = |start: Obj, items: Vec<Obj>| {
                let it = ops::get_iter(&list(items)).expect("an iterator");
                repr_text(&compensated_sum(&start, &it).expect("sum").expect("a float start")).expect("repr")
            };
            // Floats are compensated; small ints go straight into the running sum.
            assert_eq!(sum(f(0.0), vec![f(1e100), f(1.0), f(-1e100)]), "1.0");
            assert_eq!(sum(f(0.0), vec![f(1e100), int::new_int(1).expect("an int"), f(-1e100)]), "0.0");
            assert_eq!(sum(f(0.0), (0..10).map(|_| f(0.1)).collect()), "1.0");
            let start = int::new_int(0).expect("an int");
            let it = ops::get_iter(&list(vec![])).expect("an iterator");
            assert!(compensated_sum(&start, &it).expect("no error").is_none());
        });
    }
}
