//! What `list` and `tuple` share: a snapshot of the items, lexicographic comparison,
//! membership, concatenation, and reading by index or slice.

use super::abstract_ops as ops;
use super::header::PyObject;
use super::immortal::immortals;
use super::int::{as_int, new_bool};
use super::list::{as_list, new_list};
use super::obj::Obj;
use super::tuple::{self, items, new_tuple};
use super::typeobj::CompareOp;
use crate::error::{PyErr, PyResult};

fn not_implemented() -> PyResult<Obj> {
    Ok(Obj::new_ref(immortals().not_implemented))
}

/// Normalises `i` against `len` for indexing (negative from the end).
pub(crate) fn norm_index(i: isize, len: usize) -> Option<usize> {
    let i = if i < 0 { i + len as isize } else { i };
    (0..len as isize).contains(&i).then_some(i as usize)
}

pub(crate) fn seq_items(o: &PyObject) -> Vec<Obj> {
    match as_list(o) {
        Some(l) => l.items().to_vec(),
        None => items(o).to_vec(),
    }
}

pub(crate) fn seq_richcompare(a: &PyObject, b: &PyObject, op: CompareOp) -> PyResult<Obj> {
    let same_kind = (tuple::is_tuple(a) && tuple::is_tuple(b)) || (as_list(a).is_some() && as_list(b).is_some());
    if !same_kind {
        return not_implemented();
    }
    let (x, y) = (seq_items(a), seq_items(b));
    if matches!(op, CompareOp::Eq | CompareOp::Ne) && x.len() != y.len() {
        return Ok(new_bool(op == CompareOp::Ne));
    }
    for (p, q) in x.iter().zip(&y) {
        if !ops::rich_compare_bool(p, q, CompareOp::Eq)? {
            return match op {
                CompareOp::Eq => Ok(new_bool(false)),
                CompareOp::Ne => Ok(new_bool(true)),
                _ => ops::rich_compare(p, q, op),
            };
        }
    }
    Ok(new_bool(op.test(x.len().cmp(&y.len()))))
}

pub(crate) fn seq_contains(a: &PyObject, b: &PyObject) -> PyResult<bool> {
    for x in seq_items(a) {
        if ops::rich_compare_bool(&x, b, CompareOp::Eq)? {
            return Ok(true);
        }
    }
    Ok(false)
}

pub(crate) fn seq_concat(a: &PyObject, b: &PyObject) -> PyResult<Obj> {
    if let (Some(x), Some(y)) = (as_list(a), as_list(b)) {
        let mut v = x.items().to_vec();
        v.extend_from_slice(y.items());
        return new_list(v);
    }
    if tuple::is_tuple(a) && tuple::is_tuple(b) {
        let mut v = items(a).to_vec();
        v.extend_from_slice(items(b));
        return new_tuple(v);
    }
    not_implemented()
}

/// The items a slice selects from `its`.
pub(crate) fn slice_items(its: &[Obj], key: &PyObject) -> PyResult<Option<Vec<Obj>>> {
    let Some(sl) = super::range::as_slice(key) else { return Ok(None) };
    let (start, _, step, count) = sl.indices(its.len())?;
    Ok(Some((0..count).map(|k| its[(start + k as isize * step) as usize].clone()).collect()))
}

pub(crate) fn seq_subscript(o: &PyObject, key: &PyObject) -> PyResult<Obj> {
    let is_list = as_list(o).is_some();
    let name = if is_list { "list" } else { "tuple" };
    if let Some(v) = slice_items(&seq_items(o), key)? {
        return if is_list { new_list(v) } else { new_tuple(v) };
    }
    if as_int(key).is_some() || key.type_object().number.index.is_some() {
        let i = ops::index_isize(key)?;
        let its = seq_items(o);
        let i = norm_index(i, its.len()).ok_or_else(|| PyErr::index_error(format!("{name} index out of range")))?;
        return Ok(its[i].clone());
    }
    Err(PyErr::type_error(format!("{name} indices must be integers or slices, not {}", key.type_object().name())))
}
