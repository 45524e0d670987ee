//! `float`'s slots and methods (the layout and arithmetic are in [`super::float`]).

use super::abstract_ops as ops;
use super::builtin::{MethodDef, args};
use super::float;
use super::header::PyObject;
use super::immortal::immortals;
use super::int::{self, as_int, new_bool};
use super::obj::Obj;
use super::slots::NumberMethods;
use super::str::str_value;
use super::typeobj::TypeObject;
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

fn float_new(_ty: &TypeObject, argv: &[Obj], kwnames: Option<&PyObject>) -> PyResult<Obj> {
    let pos = args::exact("float", argv, kwnames, 0, 1)?;
    let Some(x) = pos.first() else { return float::new_float(0.0) };
    if let Some(f) = float::as_float(x) {
        return float::new_float(f);
    }
    if let Some(v) = as_int(x) {
        return float::new_float(int::to_f64(&v)?);
    }
    if let Some(s) = str_value(x) {
        let t = s.trim().to_ascii_lowercase().replace('_', "");
        let v = match t.as_str() {
            "inf" | "+inf" | "infinity" | "+infinity" => Some(f64::INFINITY),
            "-inf" | "-infinity" => Some(f64::NEG_INFINITY),
            "nan" | "+nan" | "-nan" => Some(f64::NAN),
            _ => t.parse::<f64>().ok().filter(|_| !t.is_empty() && !t.starts_with("0x")),
        };
        return match v {
            Some(v) => float::new_float(v),
            None => Err(PyErr::value_error(format!(
                "could not convert string to float: {}",
                pyrt_compile::PyStr::new(s).repr()
            ))),
        };
    }
    match x.type_object().number.float {
        Some(f) => f(x),
        None => Err(PyErr::type_error(format!(
            "float() argument must be a string or a real number, not '{}'",
            x.type_object().name()
        ))),
    }
}

pub(crate) static FLOAT_METHODS: &[MethodDef] = &[
    MethodDef::method("is_integer", |a, k| {
        let (s, _) = args::method("is_integer", a, k, 0, 0)?;
        let v = float::as_float(s).unwrap_or(0.0);
        Ok(new_bool(v.is_finite() && v == v.trunc()))
    }),
    MethodDef::method("__round__", |a, k| {
        let (s, r) = args::method("__round__", a, k, 0, 1)?;
        let v = float::as_float(s).unwrap_or(0.0);
        match r.first().filter(|n| !n.is(immortals().none)) {
            None => {
                let r = v.round();
                let r = if (v - v.trunc()).abs() == 0.5 { 2.0 * (v / 2.0).round() } else { r };
                float::float_int(&*float::new_float(r)?)
            }
            Some(n) => float::new_float(float::round_float(v, ops::index_isize(n)? as i64)),
        }
    }),
];
