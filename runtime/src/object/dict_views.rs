//! `dict.keys()`, `dict.values()`, `dict.items()` as live views, and the dict iterators
//! (forward and reversed, over keys, values or items), as CPython 3.13's `dictobject.c`.
//!
//! A view holds its dict and reads it on every use: `len`, iteration, `in`, `reversed`,
//! `repr` (`dict_keys(['a'])`, with `...` for a view reached again inside its own repr) and
//! equality with another view (set-like: same size, every element of one in the other).
//!
//! An iterator remembers a position in the dict's entries array (holes from deletions are
//! skipped) and the dict's size when it started: if the size differs at a later `next()`,
//! that raises `RuntimeError: dictionary changed size during iteration` (and keeps raising, as
//! CPython's does by poisoning its recorded size). Reversed iterators walk the entries array
//! downwards.

use std::cell::Cell;
use std::ptr::NonNull;

use super::abstract_ops::{self as ops, repr_text};
use super::alloc::{alloc, drop_and_free};
use super::builtin::{GetSetDef, MethodDef, args};
use super::dict::{DictObject, as_dict};
use super::header::PyObject;
use super::immortal::{immortals, types};
use super::int::{new_bool, new_int};
use super::obj::Obj;
use super::str::new_str;
use super::tuple::{self, new_tuple};
use super::typeobj::{CompareOp, TypeObject};
use crate::error::{PyErr, PyResult};

/// What a view or iterator yields.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum ViewKind {
    Keys,
    Values,
    Items,
}

impl ViewKind {
    fn view_name(self) -> &'static str {
        match self {
            ViewKind::Keys => "dict_keys",
            ViewKind::Values => "dict_values",
            ViewKind::Items => "dict_items",
        }
    }
}

/// A view object: `dict_keys`, `dict_values` or `dict_items` (the type tells which).
#[repr(C)]
pub struct DictView {
    /// Header.
    pub ob_base: PyObject,
    dict: Obj,
}

/// The static types of the views and iterators.
pub struct DictViewTypes {
    pub keys: &'static TypeObject,
    pub values: &'static TypeObject,
    pub items: &'static TypeObject,
    pub key_iter: &'static TypeObject,
    pub value_iter: &'static TypeObject,
    pub item_iter: &'static TypeObject,
    pub reverse_key_iter: &'static TypeObject,
    pub reverse_value_iter: &'static TypeObject,
    pub reverse_item_iter: &'static TypeObject,
}

/// How the type registry makes a static type: `(name, basic_size, dealloc, fill)`.
pub(crate) type MakeType<'a> =
    &'a dyn Fn(&'static str, usize, super::typeobj::DeallocFn, &dyn Fn(&mut TypeObject)) -> &'static TypeObject;

/// A made type with its method and getset tables, for the registry.
pub(crate) type ViewTypeSpec = (&'static TypeObject, &'static [MethodDef], &'static [GetSetDef]);

/// Makes the view and iterator types with `mk`; each comes with its method table, for the
/// registry.
pub(crate) fn make_types(mk: MakeType<'_>) -> (DictViewTypes, [ViewTypeSpec; 9]) {
    let view = |name| {
        mk(name, size_of::<DictView>(), dealloc_view, &|t| {
            t.repr = Some(view_repr);
            t.iter = Some(view_iter);
            t.richcompare = Some(view_richcompare);
            t.sequence.length = Some(|o| Ok(view_dict(o).len()));
            t.sequence.contains = Some(view_contains);
            t.number.and = Some(|a, b| view_set_op(a, b, "intersection_update"));
            t.number.or = Some(|a, b| view_set_op(a, b, "update"));
            t.number.subtract = Some(|a, b| view_set_op(a, b, "difference_update"));
            t.number.xor = Some(|a, b| view_set_op(a, b, "symmetric_difference_update"));
        })
    };
    let iter = |name| {
        mk(name, size_of::<DictIter>(), dealloc_iter, &|t| {
            t.iter = Some(|o| Ok(Obj::new_ref(o)));
            t.iternext = Some(iter_next);
        })
    };
    let t = DictViewTypes {
        keys: view("dict_keys"),
        values: view("dict_values"),
        items: view("dict_items"),
        key_iter: iter("dict_keyiterator"),
        value_iter: iter("dict_valueiterator"),
        item_iter: iter("dict_itemiterator"),
        reverse_key_iter: iter("dict_reversekeyiterator"),
        reverse_value_iter: iter("dict_reversevalueiterator"),
        reverse_item_iter: iter("dict_reverseitemiterator"),
    };
    let specs = [
        (t.keys, KEYS_METHODS, VIEW_GETSETS),
        (t.values, VIEW_METHODS, VIEW_GETSETS),
        (t.items, ITEMS_METHODS, VIEW_GETSETS),
        (t.key_iter, ITER_METHODS, &[][..]),
        (t.value_iter, ITER_METHODS, &[][..]),
        (t.item_iter, ITER_METHODS, &[][..]),
        (t.reverse_key_iter, ITER_METHODS, &[][..]),
        (t.reverse_value_iter, ITER_METHODS, &[][..]),
        (t.reverse_item_iter, ITER_METHODS, &[][..]),
    ];
    (t, specs)
}

fn kind_of_view(o: &PyObject) -> Option<ViewKind> {
    let t = &types().dict_views;
    let ty = o.type_object();
    if std::ptr::eq(ty, t.keys) {
        Some(ViewKind::Keys)
    } else if std::ptr::eq(ty, t.values) {
        Some(ViewKind::Values)
    } else if std::ptr::eq(ty, t.items) {
        Some(ViewKind::Items)
    } else {
        None
    }
}

fn view_of(o: &PyObject) -> &DictView {
    // SAFETY: only called on view instances (the view types' slots and methods).
    unsafe { o.cast::<DictView>() }
}

fn view_dict(o: &PyObject) -> &DictObject {
    as_dict(&view_of(o).dict).expect("a view's dict")
}

/// A new view of `dict`.
pub(crate) fn new_view(dict: &PyObject, kind: ViewKind) -> PyResult<Obj> {
    let t = &types().dict_views;
    let ty = match kind {
        ViewKind::Keys => t.keys,
        ViewKind::Values => t.values,
        ViewKind::Items => t.items,
    };
    // SAFETY: DictView starts with the header; its deallocator drops it.
    unsafe { alloc(ty, |ob_base| DictView { ob_base, dict: Obj::new_ref(dict) }) }
}

fn view_iter(o: &PyObject) -> PyResult<Obj> {
    new_dict_iter(&view_of(o).dict, kind_of_view(o).expect("a view"), false)
}

fn view_repr(o: &PyObject) -> PyResult<Obj> {
    let kind = kind_of_view(o).expect("a view");
    let Some(_guard) = super::repr_guard::enter(o) else { return new_str("...") };
    let it = view_iter(o)?;
    let mut out = format!("{}([", kind.view_name());
    let mut first = true;
    while let Some(x) = ops::next(&it)? {
        if !first {
            out.push_str(", ");
        }
        first = false;
        out.push_str(&repr_text(&x)?);
    }
    out.push_str("])");
    new_str(&out)
}

fn view_contains(o: &PyObject, x: &PyObject) -> PyResult<bool> {
    let d = view_dict(o);
    match kind_of_view(o).expect("a view") {
        ViewKind::Keys => Ok(d.get(x)?.is_some()),
        ViewKind::Values => {
            let it = view_iter(o)?;
            while let Some(v) = ops::next(&it)? {
                if ops::rich_compare_bool(&v, x, CompareOp::Eq)? {
                    return Ok(true);
                }
            }
            Ok(false)
        }
        ViewKind::Items => {
            let pair = tuple::items(x);
            if !tuple::is_tuple(x) || pair.len() != 2 {
                return Ok(false);
            }
            match d.get(&pair[0])? {
                Some(v) => ops::rich_compare_bool(&v, &pair[1], CompareOp::Eq),
                None => Ok(false),
            }
        }
    }
}

/// The builtin `set` type, found among the static types by name (the set operations of the
/// key and item views build their results with it).
fn set_type() -> Option<&'static TypeObject> {
    types().all.iter().copied().find(|t| !t.is_heap() && t.name() == "set")
}

/// Whether `o` is a `set` or `frozenset` (or subclass): what views compare with.
fn is_any_set(o: &PyObject) -> bool {
    o.type_object()
        .mro()
        .iter()
        .any(|t| super::typeobj::as_type(t).is_some_and(|t| !t.is_heap() && matches!(t.name(), "set" | "frozenset")))
}

/// `view & other`, `|`, `-`, `^` (either operand a key or item view): CPython's
/// `dictviews_and` and friends — `set(left)`, then the in-place set method with `right`.
/// `values` views have no set operations.
fn view_set_op(a: &PyObject, b: &PyObject, method: &str) -> PyResult<Obj> {
    let set_like = |o: &PyObject| matches!(kind_of_view(o), Some(ViewKind::Keys | ViewKind::Items));
    if !set_like(a) && !set_like(b) {
        return Ok(Obj::new_ref(immortals().not_implemented));
    }
    let Some(set) = set_type() else {
        return Err(PyErr::type_error("set operations on dict views need the set type"));
    };
    let result = ops::call(set.as_object(), &[Obj::new_ref(a)], None)?;
    let update = ops::get_attr_str(&result, method)?;
    ops::call(&update, &[Obj::new_ref(b)], None)?;
    Ok(result)
}

/// `keys == other` for a set-like view and another set-like view or a set: same size and every
/// element of one in the other; `values` views compare by identity only.
fn view_richcompare(a: &PyObject, b: &PyObject, op: CompareOp) -> PyResult<Obj> {
    let not_impl = || Ok(Obj::new_ref(immortals().not_implemented));
    let Some(ka) = kind_of_view(a) else { return not_impl() };
    let kb = kind_of_view(b);
    if ka == ViewKind::Values || kb == Some(ViewKind::Values) || (kb.is_none() && !is_any_set(b)) {
        return not_impl();
    }
    let (la, lb) = (view_dict(a).len(), ops::len(b)?);
    let contains = |container: &PyObject, x: &PyObject| -> PyResult<bool> {
        if kind_of_view(container).is_some() { view_contains(container, x) } else { ops::contains(container, x) }
    };
    let all_in = |x: &PyObject, y: &PyObject| -> PyResult<bool> {
        let it = ops::get_iter(x)?;
        while let Some(v) = ops::next(&it)? {
            if !contains(y, &v)? {
                return Ok(false);
            }
        }
        Ok(true)
    };
    let r = match op {
        CompareOp::Eq | CompareOp::Ne => (la == lb && all_in(a, b)?) == (op == CompareOp::Eq),
        CompareOp::Lt => la < lb && all_in(a, b)?,
        CompareOp::Le => la <= lb && all_in(a, b)?,
        CompareOp::Gt => la > lb && all_in(b, a)?,
        CompareOp::Ge => la >= lb && all_in(b, a)?,
    };
    Ok(new_bool(r))
}

/// `keys.isdisjoint(iterable)`.
fn view_isdisjoint(a: &[Obj], k: Option<&PyObject>) -> PyResult<Obj> {
    let (s, r) = args::method("isdisjoint", a, k, 1, 1)?;
    let it = ops::get_iter(&r[0])?;
    while let Some(x) = ops::next(&it)? {
        if view_contains(s, &x)? {
            return Ok(new_bool(false));
        }
    }
    Ok(new_bool(true))
}

fn view_reversed(a: &[Obj], k: Option<&PyObject>) -> PyResult<Obj> {
    let (s, _) = args::method("__reversed__", a, k, 0, 0)?;
    new_dict_iter(&view_of(s).dict, kind_of_view(s).expect("a view"), true)
}

/// `view.mapping`: a read-only proxy of the dict.
static VIEW_GETSETS: &[GetSetDef] = &[GetSetDef {
    name: "mapping",
    get: |o| super::mappingproxy::new_mappingproxy(view_of(o).dict.clone()),
    set: None,
}];

static KEYS_METHODS: &[MethodDef] = &[
    MethodDef::method("isdisjoint", view_isdisjoint),
    MethodDef::method("__reversed__", view_reversed),
    MethodDef::method("__iter__", view_iter_method),
    MethodDef::method("__len__", view_len_method),
];
static ITEMS_METHODS: &[MethodDef] = &[
    MethodDef::method("isdisjoint", view_isdisjoint),
    MethodDef::method("__reversed__", view_reversed),
    MethodDef::method("__iter__", view_iter_method),
    MethodDef::method("__len__", view_len_method),
];
static VIEW_METHODS: &[MethodDef] = &[
    MethodDef::method("__reversed__", view_reversed),
    MethodDef::method("__iter__", view_iter_method),
    MethodDef::method("__len__", view_len_method),
];

fn view_iter_method(a: &[Obj], k: Option<&PyObject>) -> PyResult<Obj> {
    view_iter(args::method("__iter__", a, k, 0, 0)?.0)
}

fn view_len_method(a: &[Obj], k: Option<&PyObject>) -> PyResult<Obj> {
    new_int(view_dict(args::method("__len__", a, k, 0, 0)?.0).len() as i64)
}
static ITER_METHODS: &[MethodDef] = &[
    super::slot_dunders::dunder_iter_self!(),
    super::slot_dunders::dunder_next!(iter_next),
    MethodDef::method("__length_hint__", |a, k| {
        let (s, _) = args::method("__length_hint__", a, k, 0, 0)?;
        // SAFETY: the method is only in the dict iterator types' tables.
        let it = unsafe { s.cast::<DictIter>() };
        let left = match &*it.dict.borrow() {
            Some(d) if it.used.get() == as_dict(d).map_or(0, |d| d.len()) as isize => it.remaining.get(),
            _ => 0,
        };
        new_int(left as i64)
    }),
];

/// A dict iterator (CPython's `dictiterobject`).
#[repr(C)]
pub struct DictIter {
    /// Header.
    pub ob_base: PyObject,
    /// The dict; `None` once exhausted (the iterator lets go of it then, as CPython's).
    dict: std::cell::RefCell<Option<Obj>>,
    kind: ViewKind,
    reverse: bool,
    /// The next position in the entries array (for a reversed iterator: one past it).
    pos: Cell<usize>,
    /// The dict's size when iteration started; -1 once a size change was reported.
    used: Cell<isize>,
    /// Items not yet yielded.
    remaining: Cell<usize>,
}

/// An iterator over `dict`'s keys, values or items, forwards or reversed.
pub(crate) fn new_dict_iter(dict: &PyObject, kind: ViewKind, reverse: bool) -> PyResult<Obj> {
    let d = as_dict(dict).expect("a dict");
    let t = &types().dict_views;
    let ty = match (kind, reverse) {
        (ViewKind::Keys, false) => t.key_iter,
        (ViewKind::Values, false) => t.value_iter,
        (ViewKind::Items, false) => t.item_iter,
        (ViewKind::Keys, true) => t.reverse_key_iter,
        (ViewKind::Values, true) => t.reverse_value_iter,
        (ViewKind::Items, true) => t.reverse_item_iter,
    };
    let pos = if reverse { d.entries_len() } else { 0 };
    let (used, remaining) = (d.len() as isize, d.len());
    // SAFETY: DictIter starts with the header; its deallocator drops it.
    unsafe {
        alloc(ty, |ob_base| DictIter {
            ob_base,
            dict: std::cell::RefCell::new(Some(Obj::new_ref(dict))),
            kind,
            reverse,
            pos: Cell::new(pos),
            used: Cell::new(used),
            remaining: Cell::new(remaining),
        })
    }
}

/// The next `(key, value)` of a dict iterator, or `None` at the end.
pub(crate) fn next_entry(o: &PyObject) -> PyResult<Option<(Obj, Obj)>> {
    // SAFETY: only called on dict iterator instances (their `iternext` slot).
    let it = unsafe { o.cast::<DictIter>() };
    let found = {
        // No Python code runs under the borrow.
        let dict = it.dict.borrow();
        let Some(dict) = &*dict else { return Ok(None) };
        let d = as_dict(dict).expect("a dict");
        if it.used.get() != d.len() as isize {
            it.used.set(-1);
            return Err(PyErr::runtime_error("dictionary changed size during iteration"));
        }
        let (pos, found) = d.next_entry_from(it.pos.get(), it.reverse);
        it.pos.set(pos);
        found.map(|(k, v, _)| (k, v))
    };
    match found {
        Some(kv) => {
            if it.remaining.get() == 0 {
                // The size is unchanged but keys were replaced by others.
                it.used.set(-1);
                return Err(PyErr::runtime_error("dictionary keys changed during iteration"));
            }
            it.remaining.set(it.remaining.get() - 1);
            Ok(Some(kv))
        }
        None => {
            // Dropped after the borrow has ended (not inside its statement): the dict's
            // destructor may run Python code that advances this iterator.
            let dict = it.dict.borrow_mut().take();
            drop(dict);
            Ok(None)
        }
    }
}

fn iter_next(o: &PyObject) -> PyResult<Option<Obj>> {
    // SAFETY: only installed on dict iterator types.
    let kind = unsafe { o.cast::<DictIter>() }.kind;
    Ok(match next_entry(o)? {
        None => None,
        Some((k, v)) => Some(match kind {
            ViewKind::Keys => k,
            ViewKind::Values => v,
            ViewKind::Items => new_tuple(vec![k, v])?,
        }),
    })
}

/// # Safety
///
/// See [`super::typeobj::DeallocFn`].
unsafe fn dealloc_view(op: NonNull<PyObject>) {
    // SAFETY: forwarded contract.
    unsafe { drop_and_free::<DictView>(op) }
}

/// # Safety
///
/// See [`super::typeobj::DeallocFn`].
unsafe fn dealloc_iter(op: NonNull<PyObject>) {
    // SAFETY: forwarded contract.
    unsafe { drop_and_free::<DictIter>(op) }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::object::dict::new_dict;

    #[test]
    fn iterators_yield_in_order_and_detect_size_changes() {
        crate::Runtime::initialize();
        crate::attach(|_py| {
            let d = new_dict().expect("a dict");
            let dd = as_dict(&d).expect("a dict");
            for i in 0..4 {
                dd.set(new_int(i).expect("an int"), new_int(i * 10).expect("an int")).expect("set");
            }
            dd.remove(&new_int(1).expect("an int")).expect("remove");
            let small = |o: &Obj| super::super::int::small_value(o).expect("a small int");
            let keys = new_dict_iter(&d, ViewKind::Keys, false).expect("an iterator");
            let mut seen = Vec::new();
            while let Some(k) = iter_next(&keys).expect("next") {
                seen.push(small(&k));
            }
            assert_eq!(seen, [0, 2, 3]);
            let rev = new_dict_iter(&d, ViewKind::Values, true).expect("an iterator");
            assert_eq!(small(&iter_next(&rev).expect("next").expect("a value")), 30);
            let it = new_dict_iter(&d, ViewKind::Items, false).expect("an iterator");
            iter_next(&it).expect("next");
            dd.set(new_int(9).expect("an int"), new_int(9).expect("an int")).expect("set");
            let err = iter_next(&it).unwrap_err();
            assert_eq!(err.to_string(), "RuntimeError: dictionary changed size during iteration");
            // Poisoned: it keeps raising even once the size is back.
            dd.remove(&new_int(9).expect("an int")).expect("remove");
            assert!(iter_next(&it).is_err());
        });
    }
}
