//! `tuple`'s slots and methods (the layout is in [`super::tuple`]).

use super::abstract_ops::{self as ops, repr_text};
use super::builtin::{MethodDef, args};
use super::core_types::{new_seq_iter, seq_repeat};
use super::header::PyObject;
use super::int::new_int;
use super::obj::Obj;
use super::sequence::{seq_concat, seq_contains, seq_richcompare, seq_subscript};
use super::slots::SequenceMethods;
use super::str::new_str;
use super::tuple::{self, items};
use super::typeobj::{CompareOp, TypeObject};
use crate::error::{PyErr, PyResult};

/// Fills `tuple`'s slots.
pub(crate) fn fill_tuple_type(t: &mut TypeObject) {
    t.repr = Some(tuple_repr);
    t.hash = Some(tuple_hash);
    t.richcompare = Some(seq_richcompare);
    t.iter = Some(|o| new_seq_iter(Obj::new_ref(o)));
    t.new = Some(tuple_new);
    t.number.add = Some(seq_concat);
    t.number.multiply = Some(seq_repeat);
    t.sequence = SequenceMethods { length: Some(|o| Ok(items(o).len())), contains: Some(seq_contains) };
    t.mapping.subscript = Some(seq_subscript);
}

fn tuple_repr(o: &PyObject) -> PyResult<Obj> {
    let its = items(o);
    let mut out = String::from("(");
    for (i, x) in its.iter().enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        out.push_str(&repr_text(x)?);
    }
    if its.len() == 1 {
        out.push(',');
    }
    out.push(')');
    new_str(&out)
}

fn tuple_hash(o: &PyObject) -> PyResult<isize> {
    // CPython's xxHash-based tuple hash.
    const P1: u64 = 11400714785074694791;
    const P2: u64 = 14029467366897019727;
    const P5: u64 = 2870177450012600261;
    let its = items(o);
    let mut acc: u64 = P5;
    for x in its {
        let lane = ops::hash(x)? as u64;
        acc = acc.wrapping_add(lane.wrapping_mul(P2));
        acc = acc.rotate_left(31);
        acc = acc.wrapping_mul(P1);
    }
    acc = acc.wrapping_add(its.len() as u64 ^ (P5 ^ 3527539));
    if acc == u64::MAX {
        return Ok(1546275796);
    }
    Ok(acc as isize)
}

fn tuple_new(ty: &TypeObject, argv: &[Obj], kwnames: Option<&PyObject>) -> PyResult<Obj> {
    let pos = args::exact("tuple", argv, kwnames, 0, 1)?;
    let v = match pos.first() {
        Some(x) => ops::collect(x)?,
        None => Vec::new(),
    };
    tuple::new_tuple_of_type(ty, v)
}

pub(crate) static TUPLE_METHODS: &[MethodDef] = &[
    MethodDef::method("count", |a, k| {
        let (s, r) = args::method("count", a, k, 1, 1)?;
        let mut n = 0;
        for x in items(s) {
            n += ops::rich_compare_bool(x, &r[0], CompareOp::Eq)? as i64;
        }
        new_int(n)
    }),
    MethodDef::method("index", |a, k| {
        let (s, r) = args::method("index", a, k, 1, 1)?;
        for (i, x) in items(s).iter().enumerate() {
            if ops::rich_compare_bool(x, &r[0], CompareOp::Eq)? {
                return new_int(i as i64);
            }
        }
        Err(PyErr::value_error("tuple.index(x): x not in tuple"))
    }),
];
