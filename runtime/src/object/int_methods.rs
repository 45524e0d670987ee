//! `int`'s slots and methods (the layout and arithmetic are in [`super::int`]).

use super::abstract_ops as ops;
use super::builtin::{MethodDef, args};
use super::core_types::seq_repeat;
use super::header::PyObject;
use super::immortal::types;
use super::int::{self, IntVal, as_int, new_int};
use super::list::as_list;
use super::obj::Obj;
use super::slots::NumberMethods;
use super::str::{as_str_object, str_value};
use super::tuple;
use super::typeobj::TypeObject;
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
            return seq_repeat(b, a);
        }
    }
    int::int_mul(a, b)
}

fn int_new(ty: &TypeObject, argv: &[Obj], kwnames: Option<&PyObject>) -> PyResult<Obj> {
    let pos = args::exact("int", argv, kwnames, 0, 2)?;
    let value: Obj = match pos {
        [] => new_int(0)?,
        [x] => to_int(x)?,
        [x, base] => {
            let b = ops::index_isize(base)?;
            let text =
                str_value(x).ok_or_else(|| PyErr::type_error("int() can't convert non-string with explicit base"))?;
            if b != 0 && !(2..=36).contains(&b) {
                return Err(PyErr::value_error("int() base must be >= 2 and <= 36, or 0"));
            }
            parse_int_obj(text, b as u32)?
        }
        _ => unreachable!("checked by args::exact"),
    };
    if std::ptr::eq(ty, types().int_type) {
        return Ok(value);
    }
    int::new_int_of_type(ty, as_int(&value).expect("an int"))
}

fn parse_int_obj(text: &str, base: u32) -> PyResult<Obj> {
    match int::parse_int(text, base) {
        Some(v) => int::new_big(v),
        None => Err(PyErr::value_error(format!(
            "invalid literal for int() with base {base}: {}",
            pyrt_compile::PyStr::new(text).repr()
        ))),
    }
}

/// `int(x)`.
pub fn to_int(x: &PyObject) -> PyResult<Obj> {
    if let Some(v) = as_int(x) {
        return match v {
            IntVal::Small(v) => new_int(v),
            IntVal::Big(b) => int::new_big(b.clone()),
        };
    }
    if let Some(s) = str_value(x) {
        return parse_int_obj(s, 10);
    }
    if let Some(f) = x.type_object().number.int {
        return f(x);
    }
    if let Some(f) = x.type_object().number.index {
        return f(x);
    }
    Err(PyErr::type_error(format!(
        "int() argument must be a string, a bytes-like object or a real number, not '{}'",
        x.type_object().name()
    )))
}

pub(crate) static INT_METHODS: &[MethodDef] = &[
    MethodDef::method("bit_length", |a, k| {
        let (s, _) = args::method("bit_length", a, k, 0, 0)?;
        new_int(as_int(s).map_or(0, |v| v.to_big().bits() as i64))
    }),
    MethodDef::method("__index__", |a, k| int::int_int(args::method("__index__", a, k, 0, 0)?.0)),
    MethodDef::method("__add__", |a, k| {
        let (s, r) = args::method("__add__", a, k, 1, 1)?;
        int::int_add(s, &r[0])
    }),
];
