//! `list`'s slots and methods (the layout is in [`super::list`]), as CPython 3.13's
//! `Objects/listobject.c`.
//!
//! Every method that runs Python code (`==` in `index`/`count`/`remove`, iteration in
//! `extend`, the key function and `<` in `sort`) re-reads the list after each call and never
//! holds a borrow of the items across it, so a list mutated by that code is never read through
//! a stale borrow (CPython's loops re-check `Py_SIZE` the same way).
//!
//! `sort` is CPython's: the items are taken out of the list while the sort runs (the list looks
//! empty to key functions and comparisons), the keys are computed first, and the sort itself is
//! pyrt-pylib's Timsort (the same comparisons as CPython, so results, stability and `__lt__`
//! counts agree). A list that was written during the sort gets the sorted items back and raises
//! `ValueError: list modified during sort` (what was written is discarded).
//!
//! Slice assignment follows `list_ass_slice` / `list_ass_subscript`: a step-1 slice is replaced
//! by any number of items; an extended slice needs exactly as many items as it selects.
//!
//! Every write goes through [`ListObject::mutate`], which takes the list's critical section in a
//! free-threaded interpreter; what a write replaces is returned out of it and dropped after the
//! section ends (a destructor may run Python code).

use super::abstract_ops::{self as ops, repr_text};
use super::builtin::{MethodDef, args};
use super::header::PyObject;
use super::immortal::{immortals, types};
use super::int::{as_int, new_int};
use super::list::{ListObject, as_list, new_list};
use super::obj::Obj;
use super::range::as_slice;
use super::sequence::{
    new_forward_iter, norm_index, repeat_count, search_bounds, seq_concat, seq_contains, seq_richcompare, seq_subscript,
};
use super::slot_dunders::{dunder_binary, dunder_compare, dunder_unary};
use super::slots::{MappingMethods, SequenceMethods};
use super::str::new_str;
use super::typeobj::{CompareOp, TypeObject};
use crate::error::{PyErr, PyResult};

fn not_implemented() -> PyResult<Obj> {
    Ok(Obj::new_ref(immortals().not_implemented))
}

/// Fills `list`'s slots.
pub(crate) fn fill_list_type(t: &mut TypeObject) {
    t.repr = Some(list_repr);
    t.richcompare = Some(seq_richcompare);
    t.iter = Some(|o| new_forward_iter(Obj::new_ref(o)));
    t.new = Some(list_new);
    t.init = Some(list_init);
    t.number.add = Some(seq_concat);
    t.number.multiply = Some(list_repeat);
    t.number.inplace_add = Some(list_iadd);
    t.number.inplace_multiply = Some(list_inplace_repeat);
    t.sequence =
        SequenceMethods { length: Some(|o| Ok(as_list(o).map_or(0, |l| l.len()))), contains: Some(seq_contains) };
    t.mapping =
        MappingMethods { length: None, subscript: Some(seq_subscript), ass_subscript: Some(list_ass_subscript) };
}

fn list_of(o: &PyObject) -> &ListObject {
    as_list(o).expect("a list receiver")
}

/// The item at `i`, if the list (as it is now) has one.
fn item_at(l: &ListObject, i: usize) -> Option<Obj> {
    l.get_item(i)
}

fn list_repr(o: &PyObject) -> PyResult<Obj> {
    let l = list_of(o);
    if l.is_empty() {
        return new_str("[]");
    }
    let Some(_guard) = super::repr_guard::enter(o) else { return new_str("[...]") };
    let mut out = String::from("[");
    let mut i = 0;
    // The list may change while an item's repr runs: read it afresh each step.
    while let Some(x) = item_at(l, i) {
        if i > 0 {
            out.push_str(", ");
        }
        out.push_str(&repr_text(&x)?);
        i += 1;
    }
    out.push(']');
    new_str(&out)
}

/// `list * n` and `n * list` (the int's slot sends `n * list` here with the operands swapped).
pub(crate) fn list_repeat(a: &PyObject, n: &PyObject) -> PyResult<Obj> {
    let Some(l) = as_list(a) else { return not_implemented() };
    let Some(count) = repeat_count(n)? else { return not_implemented() };
    let out = repeated(&l.items(), count)?;
    new_list(out)
}

/// `seq.__mul__(n)` (CPython's `sq_repeat` wrapper): `n` must be an integer.
pub(crate) fn repeat_dunder(
    seq: &PyObject,
    n: &PyObject,
    repeat: fn(&PyObject, &PyObject) -> PyResult<Obj>,
) -> PyResult<Obj> {
    ops::index(n)?;
    repeat(seq, n)
}

/// `count` copies of `src` in a row (`MemoryError` when that cannot be allocated).
pub(crate) fn repeated(src: &[Obj], count: usize) -> PyResult<Vec<Obj>> {
    let total = src.len().checked_mul(count).filter(|&n| n <= isize::MAX as usize / size_of::<Obj>());
    let Some(total) = total else { return Err(PyErr::from_kind(crate::error::ExcKind::MemoryError)) };
    let mut out = Vec::with_capacity(total);
    for _ in 0..count {
        out.extend_from_slice(src);
    }
    Ok(out)
}

fn list_inplace_repeat(a: &PyObject, n: &PyObject) -> PyResult<Obj> {
    let Some(l) = as_list(a) else { return not_implemented() };
    let Some(count) = repeat_count(n)? else { return not_implemented() };
    let out = repeated(&l.items(), count)?;
    drop(l.replace(out));
    Ok(Obj::new_ref(a))
}

fn list_iadd(a: &PyObject, b: &PyObject) -> PyResult<Obj> {
    let Some(l) = as_list(a) else { return not_implemented() };
    list_extend(l, b)?;
    Ok(Obj::new_ref(a))
}

/// `list.extend(iterable)` (also `+=`).
fn list_extend(l: &ListObject, src: &PyObject) -> PyResult<()> {
    let extra = ops::collect_sized(src, 8)?;
    l.mutate(|v| v.extend(extra));
    Ok(())
}

fn index_error_type(key: &PyObject) -> PyErr {
    PyErr::type_error(format!("list indices must be integers or slices, not {}", key.type_object().name()))
}

fn list_ass_subscript(o: &PyObject, key: &PyObject, value: Option<&PyObject>) -> PyResult<()> {
    let l = list_of(o);
    if let Some(sl) = as_slice(key) {
        return match value {
            Some(v) => assign_slice(l, o, sl, v),
            None => delete_slice(l, sl),
        };
    }
    if as_int(key).is_none() && key.type_object().number.index.is_none() {
        return Err(index_error_type(key));
    }
    let i = ops::index_isize(key)?;
    let i = norm_index(i, l.len()).ok_or_else(|| PyErr::index_error("list assignment index out of range"))?;
    // The old value is dropped after the section ends.
    // The list may have shrunk since the index was checked (only another thread can do that
    // between the check and the section): the index is checked again inside it.
    let old = l.mutate(|v| match value {
        Some(_) if i >= v.len() => None,
        Some(x) => Some(v.set(i, Obj::new_ref(x))),
        None if i >= v.len() => None,
        None => Some(v.remove(i)),
    });
    let Some(old) = old else { return Err(PyErr::index_error("list assignment index out of range")) };
    drop(old);
    Ok(())
}

/// `l[slice] = value`.
fn assign_slice(l: &ListObject, o: &PyObject, sl: &super::range::SliceObject, value: &PyObject) -> PyResult<()> {
    // `a[:] = a` copies first; any other iterable is consumed before the list is touched.
    let new: Vec<Obj> = if value.is(o) {
        l.items().into_vec()
    } else {
        ops::collect(value).map_err(|e| {
            if e.matches(types().exc.named("TypeError")) && ops::get_iter(value).is_err() {
                PyErr::type_error("must assign iterable to extended slice")
            } else {
                e
            }
        })?
    };
    let (start, stop, step, count) = sl.indices(l.len())?;
    if step == 1 {
        let start = start as usize;
        let stop = (stop.max(start as isize)) as usize;
        let removed: Vec<Obj> = l.mutate(|v| {
            let stop = stop.min(v.len());
            let start = start.min(stop);
            v.splice(start, stop, new)
        });
        // Last first, as CPython's `list_ass_slice` releases what it replaced.
        removed.into_iter().rev().for_each(drop);
        return Ok(());
    }
    if new.len() != count {
        return Err(PyErr::value_error(format!(
            "attempt to assign sequence of size {} to extended slice of size {count}",
            new.len()
        )));
    }
    let old: Vec<Obj> = l.mutate(|items| {
        new.into_iter().enumerate().map(|(k, v)| items.set((start + k as isize * step) as usize, v)).collect()
    });
    drop(old);
    Ok(())
}

/// `del l[slice]`.
fn delete_slice(l: &ListObject, sl: &super::range::SliceObject) -> PyResult<()> {
    let (start, _, step, count) = sl.indices(l.len())?;
    if count == 0 {
        return Ok(());
    }
    // Normalise to an ascending walk of the selected positions.
    let (first, step) = if step < 0 { (start + (count as isize - 1) * step, -step) } else { (start, step) };
    let (first, step) = (first as usize, step as usize);
    let removed: Vec<Obj> = l.mutate(|items| {
        if step == 1 {
            items.splice(first, first + count, Vec::new())
        } else {
            let old = items.take_all();
            let mut removed = Vec::with_capacity(count);
            let mut kept = Vec::with_capacity(old.len().saturating_sub(count));
            for (i, x) in old.into_iter().enumerate() {
                if i >= first && (i - first) % step == 0 && (i - first) / step < count {
                    removed.push(x);
                } else {
                    kept.push(x);
                }
            }
            drop(items.replace_all(kept));
            removed
        }
    });
    // A contiguous slice goes last first (`list_ass_slice`), an extended one in ascending order
    // (`list_ass_subscript`), as CPython releases them.
    if step == 1 {
        removed.into_iter().rev().for_each(drop);
    } else {
        drop(removed);
    }
    Ok(())
}

fn list_new(ty: &TypeObject, _argv: &[Obj], _kwnames: Option<&PyObject>) -> PyResult<Obj> {
    super::list::new_list_of_type(ty, Vec::new())
}

fn list_init(o: &PyObject, argv: &[Obj], kwnames: Option<&PyObject>) -> PyResult<()> {
    // CPython's `list___init__`: keywords are refused unless a subclass has its own `__new__`.
    let ty = o.type_object();
    let list = types().list_type;
    if std::ptr::eq(ty, list) || ty.new.zip(list.new).is_some_and(|(a, b)| std::ptr::fn_addr_eq(a, b)) {
        args::no_keywords("list", kwnames)?;
    }
    let pos = args::positional(argv, kwnames);
    if pos.len() > 1 {
        return Err(PyErr::type_error(format!("list expected at most 1 argument, got {}", pos.len())));
    }
    let v = match pos.first() {
        Some(x) => ops::collect_sized(x, 8)?,
        None => Vec::new(),
    };
    drop(list_of(o).replace(v));
    Ok(())
}

/// Sorts `items` in place as `list.sort(key=key, reverse=reverse)` does: keys first (an error
/// there leaves `items` untouched), then Timsort on the keys with Python's `<`.
pub(crate) fn sort_items(items: &mut [Obj], key: Option<&PyObject>, reverse: bool) -> PyResult<()> {
    let lt = |a: &Obj, b: &Obj| super::sort_compare::sort_lt(a, b);
    match key {
        None => pyrt_pylib::sort::sort_by(items, reverse, lt),
        Some(f) => {
            let keys =
                items.iter().map(|x| ops::call(f, std::slice::from_ref(x), None)).collect::<PyResult<Vec<_>>>()?;
            let mut pairs: Vec<(Obj, Obj)> = keys.into_iter().zip(items.iter().cloned()).collect();
            let result = pyrt_pylib::sort::sort_by(&mut pairs, reverse, |a, b| lt(&a.0, &b.0));
            for (slot, (_, x)) in items.iter_mut().zip(pairs) {
                *slot = x;
            }
            result
        }
    }
}

/// `list.sort(*, key=None, reverse=False)`.
pub(crate) fn list_sort(a: &[Obj], k: Option<&PyObject>) -> PyResult<Obj> {
    let pos = args::positional(a, k);
    let Some((recv, rest)) = pos.split_first() else { return Err(PyErr::type_error("sort() needs a receiver")) };
    if !rest.is_empty() {
        return Err(PyErr::type_error("sort() takes no positional arguments"));
    }
    let nkw = args::keywords(a, k).count();
    if nkw > 2 {
        return Err(PyErr::type_error(format!("sort() takes at most 2 keyword arguments ({nkw} given)")));
    }
    let (mut key, mut reverse) = (None, false);
    for (name, v) in args::keywords(a, k) {
        match name {
            "key" => key = Some(v).filter(|v| !v.is(immortals().none)),
            "reverse" => reverse = ops::is_true(v)?,
            other => {
                return Err(PyErr::type_error(super::suggestions::unexpected_keyword(
                    "sort",
                    other,
                    &["key", "reverse"],
                )));
            }
        }
    }
    let l = list_of(recv);
    // The list is empty while the sort runs; a write to it shows up as a non-empty or
    // reallocated vector afterwards.
    let mut items = l.replace(Vec::new());
    let result = sort_items(&mut items, key.map(|k| &**k), reverse);
    let during = l.replace(items);
    let modified = during.capacity() != 0;
    drop(during);
    result?;
    if modified {
        return Err(PyErr::value_error("list modified during sort"));
    }
    Ok(args::none())
}

/// `list.index(value, start=0, stop=sys.maxsize, /)`.
fn list_index(a: &[Obj], k: Option<&PyObject>) -> PyResult<Obj> {
    let (s, r) = args::method("index", a, k, 1, 3)?;
    let l = list_of(s);
    let (start, stop) = search_bounds(r.get(1), r.get(2), l.len())?;
    let mut i = start;
    while i < stop {
        let Some(x) = item_at(l, i) else { break };
        if ops::rich_compare_bool(&x, &r[0], CompareOp::Eq)? {
            return new_int(i as i64);
        }
        i += 1;
    }
    Err(PyErr::value_error(format!("{} is not in list", repr_text(&r[0])?)))
}

/// Whether `def` is `list.append`'s entry of [`LIST_METHODS`] (the descriptor `CALL_LIST_APPEND`
/// is specialised for: every `list.append` descriptor holds that entry's address).
#[inline(always)]
pub(crate) fn is_list_append(def: &MethodDef) -> bool {
    std::ptr::eq(def, &LIST_METHODS[LIST_APPEND_INDEX])
}

/// `append`'s position in [`LIST_METHODS`] (checked by the test `list_append_index_names_append`).
const LIST_APPEND_INDEX: usize = 1;

pub(crate) static LIST_METHODS: &[MethodDef] = &[
    MethodDef::classmethod("__class_getitem__", super::generic_alias::class_getitem),
    MethodDef::method("append", |a, k| {
        let (s, r) = args::method("list.append", a, k, 1, 1)?;
        list_of(s).push(r[0].clone());
        Ok(args::none())
    }),
    MethodDef::method("extend", |a, k| {
        let (s, r) = args::method("list.extend", a, k, 1, 1)?;
        list_extend(list_of(s), &r[0])?;
        Ok(args::none())
    }),
    MethodDef::method("pop", |a, k| {
        let (s, r) = args::method("pop", a, k, 0, 1)?;
        let l = list_of(s);
        let i = match r.first() {
            Some(i) => ops::index_isize(i)?,
            None => -1,
        };
        let len = l.len();
        if len == 0 {
            return Err(PyErr::index_error("pop from empty list"));
        }
        let i = norm_index(i, len).ok_or_else(|| PyErr::index_error("pop index out of range"))?;
        l.mutate(|v| (i < v.len()).then(|| v.remove(i))).ok_or_else(|| PyErr::index_error("pop index out of range"))
    }),
    MethodDef::method("insert", |a, k| {
        let (s, r) = args::method("insert", a, k, 2, 2)?;
        let l = list_of(s);
        let i = ops::index_isize(&r[0])?;
        let len = l.len() as isize;
        let i = if i < 0 { (i + len).max(0) } else { i.min(len) } as usize;
        l.mutate(|v| {
            let i = i.min(v.len());
            v.insert(i, r[1].clone())
        });
        Ok(args::none())
    }),
    MethodDef::method("reverse", |a, k| {
        let (s, _) = args::method("list.reverse", a, k, 0, 0)?;
        list_of(s).mutate(|v| v.reverse());
        Ok(args::none())
    }),
    MethodDef::method("clear", |a, k| {
        let (s, _) = args::method("list.clear", a, k, 0, 0)?;
        // Released last to first, as CPython's `list_clear` does (finalizers run in that order).
        list_of(s).replace(Vec::new()).into_iter().rev().for_each(drop);
        Ok(args::none())
    }),
    MethodDef::method("copy", |a, k| {
        let (s, _) = args::method("list.copy", a, k, 0, 0)?;
        new_list(list_of(s).items().into_vec())
    }),
    MethodDef::method("index", list_index),
    MethodDef::method("count", |a, k| {
        let (s, r) = args::method("list.count", a, k, 1, 1)?;
        let l = list_of(s);
        let (mut n, mut i) = (0, 0);
        while let Some(x) = item_at(l, i) {
            n += ops::rich_compare_bool(&x, &r[0], CompareOp::Eq)? as i64;
            i += 1;
        }
        new_int(n)
    }),
    MethodDef::method("remove", |a, k| {
        let (s, r) = args::method("list.remove", a, k, 1, 1)?;
        let l = list_of(s);
        let mut i = 0;
        while let Some(x) = item_at(l, i) {
            if ops::rich_compare_bool(&x, &r[0], CompareOp::Eq)? {
                let old = l.mutate(|v| (i < v.len()).then(|| v.remove(i)));
                drop(old);
                return Ok(args::none());
            }
            i += 1;
        }
        Err(PyErr::value_error("list.remove(x): x not in list"))
    }),
    MethodDef::method("sort", list_sort),
    MethodDef::method("__repr__", |a, k| list_repr(args::method("__repr__", a, k, 0, 0)?.0)),
    MethodDef::method("__reversed__", |a, k| {
        let (s, _) = args::method("__reversed__", a, k, 0, 0)?;
        super::sequence::new_reversed_iter(Obj::new_ref(s))
    }),
    MethodDef::method("__len__", |a, k| new_int(list_of(args::method("__len__", a, k, 0, 0)?.0).len() as i64)),
    MethodDef::method("__contains__", |a, k| {
        let (s, r) = args::method("__contains__", a, k, 1, 1)?;
        Ok(super::int::new_bool(seq_contains(s, &r[0])?))
    }),
    MethodDef::method("__getitem__", |a, k| {
        let (s, r) = args::method("list.__getitem__", a, k, 1, 1)?;
        seq_subscript(s, &r[0])
    }),
    MethodDef::method("__setitem__", |a, k| {
        let (s, r) = args::method("__setitem__", a, k, 2, 2)?;
        list_ass_subscript(s, &r[0], Some(&r[1]))?;
        Ok(args::none())
    }),
    MethodDef::method("__delitem__", |a, k| {
        let (s, r) = args::method("__delitem__", a, k, 1, 1)?;
        list_ass_subscript(s, &r[0], None)?;
        Ok(args::none())
    }),
    MethodDef::method("__iadd__", |a, k| {
        let (s, r) = args::method("__iadd__", a, k, 1, 1)?;
        list_iadd(s, &r[0])
    }),
    MethodDef::method("__init__", |a, k| {
        let (s, rest) = a.split_first().ok_or_else(|| PyErr::type_error("__init__() needs a receiver"))?;
        list_init(s, rest, k)?;
        Ok(args::none())
    }),
    dunder_unary!("__iter__", |o: &PyObject| new_forward_iter(Obj::new_ref(o))),
    dunder_binary!("__add__", seq_concat),
    dunder_binary!("__mul__", |a, n| repeat_dunder(a, n, list_repeat)),
    dunder_binary!("__rmul__", |a, n| repeat_dunder(a, n, list_repeat)),
    dunder_binary!("__imul__", |a, n| repeat_dunder(a, n, list_inplace_repeat)),
    dunder_compare!("__eq__", CompareOp::Eq, seq_richcompare),
    dunder_compare!("__ne__", CompareOp::Ne, seq_richcompare),
    dunder_compare!("__lt__", CompareOp::Lt, seq_richcompare),
    dunder_compare!("__le__", CompareOp::Le, seq_richcompare),
    dunder_compare!("__gt__", CompareOp::Gt, seq_richcompare),
    dunder_compare!("__ge__", CompareOp::Ge, seq_richcompare),
];

#[cfg(test)]
mod tests {
    use super::*;

    fn with(f: impl FnOnce()) {
        crate::Runtime::initialize();
        crate::attach(|_py| f());
    }

    fn ints(v: &[i64]) -> Vec<Obj> {
        v.iter().map(|&i| new_int(i).expect("an int")).collect()
    }

    fn values(v: &[Obj]) -> Vec<i64> {
        v.iter().map(|o| super::super::int::small_value(o).expect("a small int")).collect()
    }

    #[test]
    fn sort_items_is_stable_with_reverse_and_key() {
        with(|| {
            let mut v = ints(&[3, 1, 2, 1, 3]);
            sort_items(&mut v, None, false).expect("sorts");
            assert_eq!(values(&v), [1, 1, 2, 3, 3]);
            sort_items(&mut v, None, true).expect("sorts");
            assert_eq!(values(&v), [3, 3, 2, 1, 1]);
        });
    }
}

#[cfg(test)]
mod slice_tests {
    use super::*;
    use crate::object::range::new_slice;

    fn int(v: i64) -> Obj {
        new_int(v).expect("an int")
    }

    fn small(l: &PyObject) -> Vec<i64> {
        list_of(l).items().iter().map(|o| super::super::int::small_value(o).expect("a small int")).collect()
    }

    #[test]
    fn slice_assignment_and_deletion() {
        crate::Runtime::initialize();
        crate::attach(|_py| {
            let none = || args::none();
            let l = new_list((0..6).map(int).collect()).expect("a list");
            // l[1:3] = [9, 9, 9]
            let sl = new_slice(int(1), int(3), none()).expect("a slice");
            let v = new_list(vec![int(9), int(9), int(9)]).expect("a list");
            list_ass_subscript(&l, &sl, Some(&v)).expect("assigned");
            assert_eq!(small(&l), [0, 9, 9, 9, 3, 4, 5]);
            // l[::3] = [7] is a size mismatch
            let ext = new_slice(none(), none(), int(3)).expect("a slice");
            let one = new_list(vec![int(7)]).expect("a list");
            let e = list_ass_subscript(&l, &ext, Some(&one)).unwrap_err();
            assert_eq!(e.to_string(), "ValueError: attempt to assign sequence of size 1 to extended slice of size 3");
            // del l[::-2]
            let back = new_slice(none(), none(), int(-2)).expect("a slice");
            list_ass_subscript(&l, &back, None).expect("deleted");
            assert_eq!(small(&l), [9, 9, 4]);
        });
    }
}

#[cfg(test)]
mod list_append_tests {
    #[test]
    fn list_append_index_names_append() {
        assert_eq!(super::LIST_METHODS[super::LIST_APPEND_INDEX].name, "append");
        assert!(super::is_list_append(&super::LIST_METHODS[super::LIST_APPEND_INDEX]));
        assert!(!super::is_list_append(&super::LIST_METHODS[super::LIST_APPEND_INDEX + 1]));
    }
}
