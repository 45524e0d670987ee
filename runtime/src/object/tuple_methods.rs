//! `tuple`'s slots and methods (the layout is in [`super::tuple`]), as CPython 3.13's
//! `Objects/tupleobject.c`: `index(x, start, stop)`, `count`, CPython's xxHash-based hash (so
//! `hash((1, 2))` is CPython's value), lexicographic comparison, `*` and the `(1,)` repr.

use super::abstract_ops::{self as ops, repr_text};
use super::builtin::{MethodDef, args};
use super::header::PyObject;
use super::immortal::types;
use super::int::new_int;
use super::obj::Obj;
use super::sequence::{
    new_forward_iter, repeat_count, search_bounds, seq_concat, seq_contains, seq_richcompare, seq_subscript,
};
use super::slot_dunders::{dunder_binary, dunder_compare, dunder_unary};
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
    t.iter = Some(|o| new_forward_iter(Obj::new_ref(o)));
    t.new = Some(tuple_new);
    t.number.add = Some(seq_concat);
    t.number.multiply = Some(tuple_repeat);
    t.sequence = SequenceMethods { length: Some(|o| Ok(items(o).len())), contains: Some(seq_contains) };
    t.mapping.subscript = Some(seq_subscript);
}

fn tuple_repr(o: &PyObject) -> PyResult<Obj> {
    let its = items(o);
    if its.is_empty() {
        return new_str("()");
    }
    // A tuple reached again inside its own repr (through a list it contains) prints `(...)`.
    let Some(_guard) = super::repr_guard::enter(o) else { return new_str("(...)") };
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

/// `tuple * n` and `n * tuple` (the int's slot sends `n * tuple` here with the operands
/// swapped). An exact tuple repeated once is itself.
pub(crate) fn tuple_repeat(a: &PyObject, n: &PyObject) -> PyResult<Obj> {
    if !tuple::is_tuple(a) {
        return Ok(Obj::new_ref(super::immortal::immortals().not_implemented));
    }
    let Some(count) = repeat_count(n)? else {
        return Ok(Obj::new_ref(super::immortal::immortals().not_implemented));
    };
    if count == 1 && std::ptr::eq(a.type_object(), types().tuple_type) {
        return Ok(Obj::new_ref(a));
    }
    tuple::new_tuple(super::list_methods::repeated(items(a), count)?)
}

fn tuple_hash(o: &PyObject) -> PyResult<isize> {
    // CPython's xxHash-based tuple hash.
    const P1: u64 = 11400714785074694791;
    const P2: u64 = 14029467366897019727;
    const P5: u64 = 2870177450012600261;
    let its = items(o);
    let mut acc: u64 = P5;
    for x in its {
        // A tuple nested in a tuple is native recursion (CPython's `tuplehash` is unguarded and
        // overflows the stack on a deep nest); other items either do not recurse or re-enter
        // through a guarded protocol.
        let lane =
            if tuple::is_tuple(x) { super::recursion::guarded("", || ops::hash(x))? } else { ops::hash(x)? } as u64;
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
    // Keywords are refused unless a subclass's own `__init__` may take them.
    let pos = if args::refuses_keywords(ty, super::immortal::types().tuple_type) {
        args::exact("tuple", argv, kwnames, 0, 1)?
    } else {
        args::exact("tuple", args::positional(argv, kwnames), None, 0, 1)?
    };
    let v = match pos.first() {
        Some(x) => ops::collect_sized(x, 10)?,
        None => Vec::new(),
    };
    tuple::new_tuple_of_type(ty, v)
}

pub(crate) static TUPLE_METHODS: &[MethodDef] = &[
    MethodDef::classmethod("__class_getitem__", super::generic_alias::class_getitem),
    MethodDef::method("__getnewargs__", |a, k| {
        let (s, _) = args::method("tuple.__getnewargs__", a, k, 0, 0)?;
        tuple::new_tuple(vec![tuple::new_tuple(items(s).to_vec())?])
    }),
    MethodDef::method("count", |a, k| {
        let (s, r) = args::method("tuple.count", a, k, 1, 1)?;
        let mut n = 0;
        for x in items(s) {
            n += ops::rich_compare_bool(x, &r[0], CompareOp::Eq)? as i64;
        }
        new_int(n)
    }),
    MethodDef::method("index", |a, k| {
        let (s, r) = args::method("index", a, k, 1, 3)?;
        let its = items(s);
        let (start, stop) = search_bounds(r.get(1), r.get(2), its.len())?;
        for (i, x) in its.iter().enumerate().take(stop).skip(start) {
            if ops::rich_compare_bool(x, &r[0], CompareOp::Eq)? {
                return new_int(i as i64);
            }
        }
        Err(PyErr::value_error("tuple.index(x): x not in tuple"))
    }),
    MethodDef::method("__len__", |a, k| new_int(items(args::method("__len__", a, k, 0, 0)?.0).len() as i64)),
    MethodDef::method("__repr__", |a, k| tuple_repr(args::method("__repr__", a, k, 0, 0)?.0)),
    MethodDef::method("__contains__", |a, k| {
        let (s, r) = args::method("__contains__", a, k, 1, 1)?;
        Ok(super::int::new_bool(seq_contains(s, &r[0])?))
    }),
    MethodDef::method("__getitem__", |a, k| {
        let (s, r) = args::method("__getitem__", a, k, 1, 1)?;
        seq_subscript(s, &r[0])
    }),
    dunder_unary!("__iter__", |o: &PyObject| new_forward_iter(Obj::new_ref(o))),
    dunder_unary!("__hash__", |o| new_int(tuple_hash(o)? as i64)),
    dunder_binary!("__add__", seq_concat),
    dunder_binary!("__mul__", |a, n| super::list_methods::repeat_dunder(a, n, tuple_repeat)),
    dunder_binary!("__rmul__", |a, n| super::list_methods::repeat_dunder(a, n, tuple_repeat)),
    dunder_compare!("__eq__", CompareOp::Eq, seq_richcompare),
    dunder_compare!("__ne__", CompareOp::Ne, seq_richcompare),
    dunder_compare!("__lt__", CompareOp::Lt, seq_richcompare),
    dunder_compare!("__le__", CompareOp::Le, seq_richcompare),
    dunder_compare!("__gt__", CompareOp::Gt, seq_richcompare),
    dunder_compare!("__ge__", CompareOp::Ge, seq_richcompare),
];
