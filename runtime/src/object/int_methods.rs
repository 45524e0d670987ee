//! `int`'s slots and methods (the layout and arithmetic are in [`super::int`]), as CPython
//! 3.13's `Objects/longobject.c`: `int(x)` / `int(text, base)` (pyrt-pylib's parser: CPython's
//! syntax, messages and the 4300-digit limit), `bit_length`, `bit_count`,
//! `as_integer_ratio`, `conjugate`, `is_integer`, `__round__` with `ndigits`, the
//! `__trunc__`/`__floor__`/`__ceil__`/`__index__` conversions and the `real`/`imag`/
//! `numerator`/`denominator` attributes.

use super::abstract_ops as ops;
use super::builtin::{GetSetDef, MethodDef, args};
use super::header::PyObject;
use super::immortal::types;
use super::int::{self, IntVal, as_int, new_int};
use super::list::as_list;
use super::obj::Obj;
use super::slot_dunders::{dunder_binary, dunder_compare, dunder_reflected, dunder_unary};
use super::slots::NumberMethods;
use super::str::{as_str_object, str_value};
use super::tuple;
use super::typeobj::{CompareOp, TypeObject};
use crate::error::{PyErr, PyResult};

/// Fills `int`'s slots.
pub(crate) fn fill_int_type(t: &mut TypeObject) {
    t.repr = Some(int::int_repr);
    t.hash = Some(int::int_hash);
    t.richcompare = Some(int::int_richcompare);
    t.new = Some(int_new);
    t.number = INT_NUMBER;
}

pub(crate) const INT_NUMBER: NumberMethods = NumberMethods {
    add: Some(int::int_add),
    subtract: Some(int::int_sub),
    multiply: Some(int_mul_or_repeat),
    remainder: Some(int::int_mod),
    power: Some(int::int_pow),
    floor_divide: Some(int::int_floordiv),
    true_divide: Some(int::int_truediv),
    lshift: Some(int::int_lshift),
    rshift: Some(int::int_rshift),
    and: Some(int::int_and),
    or: Some(int::int_or),
    xor: Some(int::int_xor),
    negative: Some(int::int_neg),
    positive: Some(int::int_pos),
    absolute: Some(int::int_abs),
    invert: Some(int::int_invert),
    bool: Some(int::int_bool),
    int: Some(int::int_int),
    float: Some(int::int_float),
    index: Some(int::int_int),
    ..NumberMethods::EMPTY
};

fn int_mul_or_repeat(a: &PyObject, b: &PyObject) -> PyResult<Obj> {
    if as_int(b).is_none() {
        if as_list(b).is_some() {
            return super::list_methods::list_repeat(b, a);
        }
        if tuple::is_tuple(b) {
            return super::tuple_methods::tuple_repeat(b, a);
        }
        if as_str_object(b).is_some() {
            return super::str_methods::str_repeat(b, a);
        }
    }
    int::int_mul(a, b)
}

/// `int(x=0, /, base=10)`.
fn int_new(ty: &TypeObject, argv: &[Obj], kwnames: Option<&PyObject>) -> PyResult<Obj> {
    let pos = args::positional(argv, kwnames);
    if pos.len() > 2 {
        return Err(PyErr::type_error(format!("int expected at most 2 arguments, got {}", pos.len())));
    }
    let mut base = pos.get(1);
    for (name, v) in args::keywords(argv, kwnames) {
        match name {
            "base" if base.is_none() => base = Some(v),
            "base" => return Err(PyErr::type_error("argument for int() given by name ('base') and position (2)")),
            other => return Err(PyErr::type_error(super::suggestions::unexpected_keyword("int", other, &["base"]))),
        }
    }
    let value: Obj = match (pos.first(), base) {
        (None, None) => new_int(0)?,
        (None, Some(_)) => return Err(PyErr::type_error("int() missing string argument")),
        (Some(x), None) => to_int(x)?,
        (Some(x), Some(b)) => {
            // `PyNumber_AsSsize_t(base, NULL)`: a base beyond a word clamps (and is refused as
            // out of range below), it is no `OverflowError`.
            let b = match as_int(&*ops::index(b)?) {
                Some(IntVal::Small(v)) => v as isize,
                Some(IntVal::Big(v)) if num_traits::Signed::is_negative(v) => isize::MIN,
                _ => isize::MAX,
            };
            if let Some(data) = super::bytes::buffer_data(x) {
                return super::int_bytes::int_from_buffer(&data, b as u32);
            }
            if str_value(x).is_none() {
                return Err(PyErr::type_error("int() can't convert non-string with explicit base"));
            }
            parse_int_obj(x, b as i64)?
        }
    };
    if std::ptr::eq(ty, types().int_type) {
        return Ok(value);
    }
    int::new_int_of_type(ty, as_int(&value).expect("an int"))
}

/// The interpreter's `sys.get_int_max_str_digits()` (0: no limit).
pub(crate) fn max_str_digits() -> usize {
    crate::modules::int_max_str_digits()
}

/// `int(s, base)` of a `str` with CPython's rules and messages (pyrt-pylib's parser).
fn parse_int_obj(s: &PyObject, base: i64) -> PyResult<Obj> {
    let text = str_value(s).unwrap_or("");
    match pyrt_pylib::int_text::parse_int(text, base, max_str_digits()) {
        Ok(pyrt_pylib::int_text::ParsedInt::Small(v)) => new_int(v),
        Ok(pyrt_pylib::int_text::ParsedInt::Big(v)) => int::new_big(v),
        // A lone surrogate is never a digit, so the parse of the lossy text failed as the real
        // one does; the message shows the real text.
        Err(e) if super::str::as_str_object(s).is_some_and(|o| o.has_lone_surrogates()) && base_is_valid(base) => {
            drop(e);
            Err(PyErr::value_error(format!("invalid literal for int() with base {base}: {}", ops::repr_text(s)?)))
        }
        Err(e) => Err(from_pylib(e)),
    }
}

/// Whether `base` is one `int()` accepts (0 or 2..=36).
fn base_is_valid(base: i64) -> bool {
    base == 0 || (2..=36).contains(&base)
}

/// A pyrt-pylib error as the exception it names (`formatting`'s `From` conversion).
pub(crate) fn from_pylib(e: pyrt_pylib::PyError) -> PyErr {
    e.into()
}

/// `int(x)` for one argument: ints, strings, then `__int__`, then `__index__`.
pub fn to_int(x: &PyObject) -> PyResult<Obj> {
    // CPython's `PyNumber_Long`: an exact int as it is; then `__int__`, `__index__` and
    // `__trunc__` (a subclass of int or str with its own `__int__` converts through it); then
    // the text of a str or bytes-like object.
    let ty = x.type_object();
    if std::ptr::eq(ty, types().int_type) {
        return Ok(Obj::new_ref(x));
    }
    if let Some(f) = ty.number.int {
        return exact_result(f(x)?, "__int__");
    }
    if let Some(f) = ty.number.index {
        return exact_result(f(x)?, "__index__");
    }
    if let Some(trunc) = super::abstract_ops::lookup_special(x, "__trunc__")? {
        // Deprecated since 3.11 (gone in 3.14): `__trunc__`'s result, made an exact int.
        let msg = "The delegation of int() to __trunc__ is deprecated.";
        deprecated(msg)?;
        let r = super::abstract_ops::call(&trunc, &[], None)?;
        if let Some(v) = as_int(&r) {
            return exact(&v);
        }
        if r.type_object().number.index.is_none() {
            return Err(PyErr::type_error(format!(
                "__trunc__ returned non-Integral (type {})",
                r.type_object().name()
            )));
        }
        return super::abstract_ops::index(&r).and_then(|i| exact_result(i, "__index__"));
    }
    if let Some(data) = super::bytes::buffer_data(x) {
        return super::int_bytes::int_from_buffer(&data, 10);
    }
    if str_value(x).is_some() {
        return parse_int_obj(x, 10);
    }
    Err(PyErr::type_error(format!(
        "int() argument must be a string, a bytes-like object or a real number, not '{}'",
        x.type_object().name()
    )))
}

/// `pow(base, exp, mod)` (CPython's `ternary_op`): a class's `__pow__(exp, mod)` first, then
/// ints (pyrt-pylib's modular power, with the modular inverse for a negative exponent).
pub(crate) fn ternary_pow(base: &PyObject, exp: &PyObject, m: &PyObject) -> PyResult<Obj> {
    if let (Some(b), Some(e), Some(m)) = (as_int(base), as_int(exp), as_int(m)) {
        let r = pyrt_pylib::int_arith::pow_mod(&b.to_big(), &e.to_big(), &m.to_big()).map_err(from_pylib)?;
        return int::new_big(r);
    }
    if base.type_object().is_heap() {
        if let Some(f) = super::attr::lookup_str(base.type_object(), "__pow__") {
            let r = ops::call(&f, &[Obj::new_ref(base), Obj::new_ref(exp), Obj::new_ref(m)], None)?;
            if !r.is(super::immortal::immortals().not_implemented) {
                return Ok(r);
            }
        }
    }
    // `float ** x` with a modulus is float's error; ints with a non-int modulus are unsupported.
    let is_float = |o: &PyObject| super::float::as_float(o).is_some();
    let number = |o: &PyObject| as_int(o).is_some() || is_float(o);
    if number(base) && number(exp) && (is_float(base) || is_float(exp)) {
        return Err(PyErr::type_error("pow() 3rd argument not allowed unless all arguments are integers"));
    }
    Err(PyErr::type_error(format!(
        "unsupported operand type(s) for ** or pow(): '{}', '{}', '{}'",
        base.type_object().name(),
        exp.type_object().name(),
        m.type_object().name()
    )))
}

/// `divmod(a, b)` (CPython's `nb_divmod` dispatch): ints give `(a // b, a % b)`, a float
/// operand float `divmod`, and classes their `__divmod__` / reflected `__rdivmod__`.
pub(crate) fn divmod(a: &PyObject, b: &PyObject) -> PyResult<Obj> {
    if let Some(r) = super::float_methods::float_divmod(a, b)? {
        return Ok(r);
    }
    if as_int(a).is_some() && as_int(b).is_some() {
        return tuple::new_tuple(vec![int::int_floordiv(a, b)?, int::int_mod(a, b)?]);
    }
    let not_impl = super::immortal::immortals().not_implemented;
    let call_dunder = |recv: &PyObject, other: &PyObject, name: &str| -> PyResult<Option<Obj>> {
        if !recv.type_object().is_heap() {
            return Ok(None);
        }
        let Some(f) = super::attr::lookup_str(recv.type_object(), name) else { return Ok(None) };
        let r = ops::call(&f, &[Obj::new_ref(recv), Obj::new_ref(other)], None)?;
        Ok(Some(r).filter(|r| !r.is(not_impl)))
    };
    if let Some(r) = call_dunder(a, b, "__divmod__")? {
        return Ok(r);
    }
    if !std::ptr::eq(a.type_object(), b.type_object()) {
        if let Some(r) = call_dunder(b, a, "__rdivmod__")? {
            return Ok(r);
        }
    }
    Err(PyErr::type_error(format!(
        "unsupported operand type(s) for divmod(): '{}' and '{}'",
        a.type_object().name(),
        b.type_object().name()
    )))
}

fn recv_int<'a>(a: &'a [Obj], k: Option<&PyObject>, name: &str) -> PyResult<IntVal<'a>> {
    let (s, _) = args::method(name, a, k, 0, 0)?;
    Ok(as_int(s).expect("an int receiver"))
}

/// The value of an int receiver as an exact `int` (`True.real` is `1`).
/// The result of `__int__`/`__index__` as an exact int: an instance of a strict subclass is
/// converted with CPython 3.13's `DeprecationWarning`; anything else is a `TypeError`.
fn exact_result(r: Obj, dunder: &str) -> PyResult<Obj> {
    if std::ptr::eq(r.type_object(), types().int_type) {
        return Ok(r);
    }
    let Some(v) = as_int(&r) else {
        return Err(PyErr::type_error(format!("{dunder} returned non-int (type {})", r.type_object().name())));
    };
    let msg = format!(
        "{dunder} returned non-int (type {}).  The ability to return an instance of a strict subclass of int is \
         deprecated, and may be removed in a future version of Python.",
        r.type_object().name()
    );
    deprecated(&msg)?;
    exact(&v)
}

/// Issues a `DeprecationWarning` (an error when the filters make it one).
pub(crate) fn deprecated(msg: &str) -> PyResult<()> {
    crate::modules::warnings::warn(types().exc.named("DeprecationWarning"), msg, 1)
}

fn exact(v: &IntVal<'_>) -> PyResult<Obj> {
    match v {
        IntVal::Small(x) => new_int(*x),
        IntVal::Big(b) => int::new_big((*b).clone()),
    }
}

/// `int.__round__(ndigits=None)`: the int itself, or rounded to a multiple of `10**-ndigits`
/// (half to even) for negative `ndigits`.
fn int_round(a: &[Obj], k: Option<&PyObject>) -> PyResult<Obj> {
    let (s, r) = args::method("__round__", a, k, 0, 1)?;
    let v = as_int(s).expect("an int receiver");
    let Some(nd) = r.first().filter(|n| !n.is(super::immortal::immortals().none)) else { return exact(&v) };
    let nd = ops::index(nd)?;
    let nd = match as_int(&nd) {
        Some(IntVal::Small(n)) => n,
        Some(IntVal::Big(b)) if b.sign() == num_bigint::Sign::Minus => i64::MIN,
        _ => i64::MAX,
    };
    if nd >= 0 {
        return exact(&v);
    }
    int::new_big(pyrt_pylib::int_arith::round_int(&v.to_big(), nd))
}

pub(crate) static INT_METHODS: &[MethodDef] = &[
    MethodDef::method("to_bytes", super::int_bytes::int_to_bytes),
    MethodDef::classmethod("from_bytes", super::int_bytes::int_from_bytes),
    MethodDef::method("__format__", super::formatting::int_dunder_format),
    MethodDef::method("bit_length", |a, k| new_int(recv_int(a, k, "int.bit_length")?.to_big().bits() as i64)),
    MethodDef::method("bit_count", |a, k| {
        let v = recv_int(a, k, "int.bit_count")?;
        new_int(match v {
            IntVal::Small(x) => x.unsigned_abs().count_ones() as i64,
            IntVal::Big(b) => b.magnitude().count_ones() as i64,
        })
    }),
    MethodDef::method("as_integer_ratio", |a, k| {
        let v = recv_int(a, k, "int.as_integer_ratio")?;
        tuple::new_tuple(vec![exact(&v)?, new_int(1)?])
    }),
    MethodDef::method("conjugate", |a, k| exact(&recv_int(a, k, "int.conjugate")?)),
    MethodDef::method("is_integer", |a, k| {
        recv_int(a, k, "int.is_integer")?;
        Ok(int::new_bool(true))
    }),
    MethodDef::method("__index__", |a, k| exact(&recv_int(a, k, "__index__")?)),
    MethodDef::method("__int__", |a, k| exact(&recv_int(a, k, "__int__")?)),
    MethodDef::method("__trunc__", |a, k| exact(&recv_int(a, k, "int.__trunc__")?)),
    MethodDef::method("__getnewargs__", |a, k| tuple::new_tuple(vec![exact(&recv_int(a, k, "int.__getnewargs__")?)?])),
    MethodDef::method("__floor__", |a, k| exact(&recv_int(a, k, "int.__floor__")?)),
    MethodDef::method("__ceil__", |a, k| exact(&recv_int(a, k, "int.__ceil__")?)),
    MethodDef::method("__float__", |a, k| int::int_float(args::method("__float__", a, k, 0, 0)?.0)),
    MethodDef::method("__round__", int_round),
    MethodDef::method("__repr__", |a, k| int::int_repr(args::method("__repr__", a, k, 0, 0)?.0)),
    dunder_binary!("__add__", int::int_add),
    dunder_reflected!("__radd__", int::int_add),
    dunder_binary!("__sub__", int::int_sub),
    dunder_reflected!("__rsub__", int::int_sub),
    dunder_binary!("__mul__", int::int_mul),
    dunder_reflected!("__rmul__", int::int_mul),
    dunder_binary!("__truediv__", int::int_truediv),
    dunder_reflected!("__rtruediv__", int::int_truediv),
    dunder_binary!("__floordiv__", int::int_floordiv),
    dunder_reflected!("__rfloordiv__", int::int_floordiv),
    dunder_binary!("__mod__", int::int_mod),
    dunder_reflected!("__rmod__", int::int_mod),
    dunder_binary!("__divmod__", int_divmod_slot),
    dunder_reflected!("__rdivmod__", int_divmod_slot),
    dunder_binary!("__lshift__", int::int_lshift),
    dunder_reflected!("__rlshift__", int::int_lshift),
    dunder_binary!("__rshift__", int::int_rshift),
    dunder_reflected!("__rrshift__", int::int_rshift),
    dunder_binary!("__and__", int::int_and),
    dunder_reflected!("__rand__", int::int_and),
    dunder_binary!("__or__", int::int_or),
    dunder_reflected!("__ror__", int::int_or),
    dunder_binary!("__xor__", int::int_xor),
    dunder_reflected!("__rxor__", int::int_xor),
    MethodDef::method("__pow__", |a, k| {
        let (s, r) = args::method("__pow__", a, k, 1, 2)?;
        match r.get(1).filter(|m| !m.is(super::immortal::immortals().none)) {
            Some(m) if as_int(&r[0]).is_some() && as_int(m).is_some() => ternary_pow(s, &r[0], m),
            Some(_) => Ok(Obj::new_ref(super::immortal::immortals().not_implemented)),
            None => int::int_pow(s, &r[0]),
        }
    }),
    MethodDef::method("__rpow__", |a, k| {
        let (s, r) = args::method("__rpow__", a, k, 1, 2)?;
        match r.get(1).filter(|m| !m.is(super::immortal::immortals().none)) {
            Some(m) if as_int(&r[0]).is_some() && as_int(m).is_some() => ternary_pow(&r[0], s, m),
            Some(_) => Ok(Obj::new_ref(super::immortal::immortals().not_implemented)),
            None => int::int_pow(&r[0], s),
        }
    }),
    dunder_unary!("__neg__", int::int_neg),
    dunder_unary!("__pos__", int::int_pos),
    dunder_unary!("__abs__", int::int_abs),
    dunder_unary!("__invert__", int::int_invert),
    dunder_unary!("__bool__", |o| Ok::<_, PyErr>(int::new_bool(int::int_bool(o)?))),
    dunder_unary!("__hash__", |o| new_int(int::int_hash(o)? as i64)),
    dunder_compare!("__eq__", CompareOp::Eq, int_compare_slot),
    dunder_compare!("__ne__", CompareOp::Ne, int_compare_slot),
    dunder_compare!("__lt__", CompareOp::Lt, int_compare_slot),
    dunder_compare!("__le__", CompareOp::Le, int_compare_slot),
    dunder_compare!("__gt__", CompareOp::Gt, int_compare_slot),
    dunder_compare!("__ge__", CompareOp::Ge, int_compare_slot),
];

/// `int.__eq__` and friends: ints only (`(3).__eq__(3.0)` is `NotImplemented`; the operator
/// then asks the float).
fn int_compare_slot(a: &PyObject, b: &PyObject, op: CompareOp) -> PyResult<Obj> {
    if as_int(b).is_none() {
        return Ok(Obj::new_ref(super::immortal::immortals().not_implemented));
    }
    int::int_richcompare(a, b, op)
}

/// `int.__divmod__`: `(a // b, a % b)` for two ints, else `NotImplemented`.
fn int_divmod_slot(a: &PyObject, b: &PyObject) -> PyResult<Obj> {
    if as_int(a).is_none() || as_int(b).is_none() {
        return Ok(Obj::new_ref(super::immortal::immortals().not_implemented));
    }
    tuple::new_tuple(vec![int::int_floordiv(a, b)?, int::int_mod(a, b)?])
}

pub(crate) static INT_GETSETS: &[GetSetDef] = &[
    GetSetDef { name: "real", get: |o| exact(&as_int(o).expect("an int")), set: None },
    GetSetDef { name: "imag", get: |_| new_int(0), set: None },
    GetSetDef { name: "numerator", get: |o| exact(&as_int(o).expect("an int")), set: None },
    GetSetDef { name: "denominator", get: |_| new_int(1), set: None },
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::object::abstract_ops::repr_text;

    fn with(f: impl FnOnce()) {
        crate::Runtime::initialize();
        crate::attach(|_py| f());
    }

    fn n(v: i64) -> Obj {
        new_int(v).expect("an int")
    }

    #[test]
    fn modular_power_and_its_errors() {
        with(|| {
            assert_eq!(repr_text(&ternary_pow(&n(3), &n(-1), &n(7)).expect("pow")).expect("repr"), "5");
            assert_eq!(repr_text(&ternary_pow(&n(3), &n(5), &n(-7)).expect("pow")).expect("repr"), "-2");
            let e = ternary_pow(&n(2), &n(-1), &n(4)).unwrap_err();
            assert_eq!(e.to_string(), "ValueError: base is not invertible for the given modulus");
            let f = crate::object::float::new_float(2.0).expect("a float");
            let e = ternary_pow(&f, &n(3), &n(5)).unwrap_err();
            assert_eq!(e.to_string(), "TypeError: pow() 3rd argument not allowed unless all arguments are integers");
        });
    }

    #[test]
    fn int_text_follows_cpython() {
        with(|| {
            let s = |t: &str| crate::object::str::new_str(t).expect("a str");
            assert_eq!(repr_text(&to_int(&s(" -1_000 ")).expect("int")).expect("repr"), "-1000");
            let e = to_int(&s("12abc")).unwrap_err();
            assert_eq!(e.to_string(), "ValueError: invalid literal for int() with base 10: '12abc'");
            let e = to_int(&s(&"1".repeat(4301))).unwrap_err();
            assert!(e.to_string().starts_with("ValueError: Exceeds the limit (4300 digits)"));
        });
    }

    #[test]
    fn divmod_floors_and_dispatches_to_floats() {
        with(|| {
            assert_eq!(repr_text(&divmod(&n(-7), &n(2)).expect("divmod")).expect("repr"), "(-4, 1)");
            let f = crate::object::float::new_float(2.5).expect("a float");
            assert_eq!(repr_text(&divmod(&n(7), &f).expect("divmod")).expect("repr"), "(2.0, 2.0)");
            let e = divmod(&n(1), &n(0)).unwrap_err();
            assert_eq!(e.to_string(), "ZeroDivisionError: integer division or modulo by zero");
        });
    }
}
