//! `types.UnionType`: what `int | str` evaluates to (PEP 604, CPython's
//! `Objects/unionobject.c`).
//!
//! `X | Y` of two "unionable" operands — `None`, classes, generic aliases (`list[int]`) and
//! unions — flattens the unions among them, drops repeats (the same object, or equal generic
//! aliases, as CPython's `dedup_and_flatten_args`) and stores `None` as `NoneType`; a single member
//! left is the result itself (`int | int` is `int`). A union prints as its members joined by
//! ` | ` (`NoneType` as `None`), is equal to another with the same set of members, and hashes
//! as that set. `isinstance`/`issubclass` test the members (see `class_check`); unions cannot be
//! instantiated, subclassed or called.

use std::ptr::NonNull;

use super::abstract_ops as ops;
use super::builtin::GetSetDef;
use super::header::PyObject;
use super::immortal::{TypeSpec, immortals, new_static_type, types};
use super::int::new_bool;
use super::obj::Obj;
use super::str::new_str;
use super::tuple::{is_tuple, items, new_tuple};
use super::typeobj::{CompareOp, TypeObject, as_type};
use crate::error::PyResult;

/// A `types.UnionType`.
#[repr(C)]
pub struct UnionObject {
    /// Header.
    pub ob_base: PyObject,
    /// The members, a tuple of at least two.
    args: Obj,
}

fn union_of(o: &PyObject) -> &UnionObject {
    // SAFETY: only called on union instances (the slots are installed on the union type only,
    // and `is_union` guards the other callers).
    unsafe { o.cast::<UnionObject>() }
}

/// Whether `o` is a union.
pub(crate) fn is_union(o: &PyObject) -> bool {
    std::ptr::eq(o.type_object(), types().union_type)
}

/// A union's members.
pub(crate) fn union_args(o: &PyObject) -> Option<Obj> {
    is_union(o).then(|| union_of(o).args.clone())
}

/// `is_unionable`: `None`, a class, a generic alias or a union.
fn unionable(o: &PyObject) -> bool {
    o.is(immortals().none) || as_type(o).is_some() || super::generic_alias::is_generic_alias(o) || is_union(o)
}

/// `X | Y` (`_Py_union_type_or`): the slot of `type`, `NoneType`'s reflection through it,
/// `GenericAlias` and the union itself.
pub(crate) fn union_or(a: &PyObject, b: &PyObject) -> PyResult<Obj> {
    if !unionable(a) || !unionable(b) {
        return Ok(Obj::new_ref(immortals().not_implemented));
    }
    let mut members: Vec<Obj> = Vec::new();
    for side in [a, b] {
        let flat = match union_args(side) {
            Some(t) => items(&t).to_vec(),
            None => vec![Obj::new_ref(side)],
        };
        for m in flat {
            let m = if m.is(immortals().none) { Obj::new_ref(immortals().none.type_object().as_object()) } else { m };
            if !contains(&members, &m)? {
                members.push(m);
            }
        }
    }
    if members.len() == 1 {
        return Ok(members.pop().expect("one member"));
    }
    let args = new_tuple(members)?;
    // SAFETY: UnionObject starts with the header; its deallocator drops it.
    unsafe { super::alloc::alloc(types().union_type, |ob_base| UnionObject { ob_base, args }) }
}

/// Whether `m` is already among `members`: the same object, or an equal generic alias.
fn contains(members: &[Obj], m: &Obj) -> PyResult<bool> {
    for x in members {
        if x.is(m) {
            return Ok(true);
        }
        if super::generic_alias::is_generic_alias(x)
            && super::generic_alias::is_generic_alias(m)
            && ops::rich_compare_bool(x, m, CompareOp::Eq)?
        {
            return Ok(true);
        }
    }
    Ok(false)
}

/// `union_repr_item`: `None` for `NoneType`, an alias's repr, a class's (qualified) name.
fn repr_item(item: &PyObject) -> PyResult<String> {
    if item.is(immortals().none.type_object().as_object()) {
        return Ok("None".to_owned());
    }
    super::generic_alias::repr_class_or_alias(item)
}

fn union_repr(o: &PyObject) -> PyResult<Obj> {
    let parts = items(&union_of(o).args).iter().map(|x| repr_item(x)).collect::<PyResult<Vec<_>>>()?;
    new_str(&parts.join(" | "))
}

/// Equal to a union with the same members, in any order.
fn union_richcompare(a: &PyObject, b: &PyObject, op: CompareOp) -> PyResult<Obj> {
    if !is_union(b) || !matches!(op, CompareOp::Eq | CompareOp::Ne) {
        return Ok(Obj::new_ref(immortals().not_implemented));
    }
    let (x, y) = (items(&union_of(a).args).to_vec(), items(&union_of(b).args).to_vec());
    let mut eq = true;
    for (mine, theirs) in [(&x, &y), (&y, &x)] {
        for m in mine.iter() {
            if !contains(theirs, m)? {
                eq = false;
            }
        }
    }
    Ok(new_bool(eq == (op == CompareOp::Eq)))
}

/// `hash(frozenset(args))`, order-independent as equality is.
fn union_hash(o: &PyObject) -> PyResult<isize> {
    let set = super::set::new_frozenset(items(&union_of(o).args).to_vec())?;
    ops::hash(&set)
}

static UNION_GETSETS: &[GetSetDef] = &[
    GetSetDef { name: "__args__", get: |o| Ok(union_of(o).args.clone()), set: None },
    GetSetDef { name: "__parameters__", get: |_| new_tuple(Vec::new()), set: None },
];

/// # Safety
///
/// See [`super::typeobj::DeallocFn`].
unsafe fn dealloc_union(op: NonNull<PyObject>) {
    // SAFETY: forwarded contract.
    unsafe { super::alloc::drop_and_free::<UnionObject>(op) }
}

/// Phase one of the static types: `types.UnionType`.
pub(crate) fn make_union_type(
    type_type: &'static TypeObject,
    object_type: &'static TypeObject,
    specs: &mut Vec<TypeSpec>,
) -> &'static TypeObject {
    let t = new_static_type(type_type, "types.UnionType", size_of::<UnionObject>(), 0, dealloc_union, |t| {
        t.repr = Some(union_repr);
        t.richcompare = Some(union_richcompare);
        t.hash = Some(union_hash);
        t.number.or = Some(union_or);
    });
    specs.push(TypeSpec { ty: t, base: Some(object_type), methods: &[], getsets: UNION_GETSETS });
    t
}

/// The members a union stands for in `isinstance`/`issubclass`, as a tuple; other objects
/// unchanged.
pub(crate) fn as_class_tuple(cls: &PyObject) -> Option<Obj> {
    union_args(cls).filter(|a| is_tuple(a))
}
