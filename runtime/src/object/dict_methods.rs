//! `dict`'s slots and methods (the table is in [`super::dict`]), as CPython 3.13's
//! `Objects/dictobject.c`: `fromkeys`, `get`, `setdefault`, `pop`, `popitem`, `update` (a
//! mapping — anything with `keys()` — an iterable of pairs, and keywords), `copy`, `clear`,
//! live views (`keys`/`values`/`items`, see [`super::dict_views`]), `|` and `|=`,
//! `reversed()`, and iteration that detects a change of size.
//!
//! Nothing here holds a borrow of the table across Python code (`__hash__`, `__eq__`, `repr`
//! of the items, iteration of an argument): each step re-reads the dict.

use super::abstract_ops::{self as ops, repr_text};
use super::builtin::{MethodDef, args};
use super::dict::{DictObject, as_dict, new_dict};
use super::dict_views::{ViewKind, new_dict_iter, new_view};
use super::header::PyObject;
use super::immortal::{immortals, types};
use super::int::new_bool;
use super::obj::Obj;
use super::slot_dunders::{dunder_binary, dunder_compare, dunder_reflected, dunder_unary};
use super::slots::MappingMethods;
use super::str::new_str;
use super::tuple::new_tuple;
use super::typeobj::{CompareOp, TypeObject};
use crate::error::{PyErr, PyResult};

fn not_implemented() -> PyResult<Obj> {
    Ok(Obj::new_ref(immortals().not_implemented))
}

/// Fills `dict`'s slots.
pub(crate) fn fill_dict_type(t: &mut TypeObject) {
    t.repr = Some(dict_repr);
    t.richcompare = Some(dict_richcompare);
    t.iter = Some(dict_iter);
    t.new = Some(dict_new);
    t.init = Some(dict_init);
    t.number.or = Some(dict_or);
    t.number.inplace_or = Some(dict_ior);
    t.sequence.contains = Some(|d, k| Ok(as_dict(d).map(|d| d.get(k)).transpose()?.flatten().is_some()));
    t.mapping = MappingMethods {
        length: Some(|o| Ok(as_dict(o).map_or(0, |d| d.len()))),
        subscript: Some(dict_subscript),
        ass_subscript: Some(dict_ass_subscript),
    };
}

fn dict_of(o: &PyObject) -> &DictObject {
    as_dict(o).expect("a dict receiver")
}

fn dict_repr(o: &PyObject) -> PyResult<Obj> {
    if dict_of(o).is_empty() {
        return new_str("{}");
    }
    let Some(_guard) = super::repr_guard::enter(o) else { return new_str("{...}") };
    // The entries are walked live (`PyDict_Next`): a `__repr__` that changes the dict changes
    // what is printed after it, and raises nothing.
    let d = dict_of(o);
    let mut out = String::from("{");
    let mut first = true;
    let mut pos = 0;
    while let (next, Some((k, v, _))) = d.next_entry_from(pos, false) {
        pos = next;
        if !first {
            out.push_str(", ");
        }
        first = false;
        out.push_str(&repr_text(&k)?);
        out.push_str(": ");
        out.push_str(&repr_text(&v)?);
    }
    out.push('}');
    new_str(&out)
}

/// `dict | other`: a copy of the left operand (of type `dict`) updated from a dict.
fn dict_or(a: &PyObject, b: &PyObject) -> PyResult<Obj> {
    if as_dict(a).is_none() || as_dict(b).is_none() {
        return not_implemented();
    }
    let n = copy_of(a)?;
    update_from(dict_of(&n), b)?;
    Ok(n)
}

/// `dict |= other`: `update` with anything `update` takes.
fn dict_ior(a: &PyObject, b: &PyObject) -> PyResult<Obj> {
    update_from(dict_of(a), b)?;
    Ok(Obj::new_ref(a))
}

/// A new exact `dict` with the entries of `src`.
fn copy_of(src: &PyObject) -> PyResult<Obj> {
    let n = new_dict()?;
    dict_of(&n).merge_from(dict_of(src))?;
    Ok(n)
}

fn dict_richcompare(a: &PyObject, b: &PyObject, op: CompareOp) -> PyResult<Obj> {
    let (Some(x), Some(y)) = (as_dict(a), as_dict(b)) else { return not_implemented() };
    if !matches!(op, CompareOp::Eq | CompareOp::Ne) {
        return not_implemented();
    }
    let mut eq = x.len() == y.len();
    if eq {
        // `dict_equal`: `x` walked live, each key looked up in `y` with its stored hash.
        let mut pos = 0;
        while let (next, Some((k, v, h))) = x.next_entry_from(pos, false) {
            pos = next;
            match y.get_hashed(&k, h)? {
                Some(w) if ops::rich_compare_bool(&v, &w, CompareOp::Eq)? => {}
                _ => {
                    eq = false;
                    break;
                }
            }
        }
    }
    Ok(new_bool(eq == (op == CompareOp::Eq)))
}

fn dict_subscript(o: &PyObject, key: &PyObject) -> PyResult<Obj> {
    match dict_of(o).get(key)? {
        Some(v) => Ok(v),
        None => {
            if !std::ptr::eq(o.type_object(), types().dict_type) {
                if let Some(missing) = ops::lookup_special(o, "__missing__")? {
                    return ops::call(&missing, &[Obj::new_ref(key)], None);
                }
            }
            Err(PyErr::key_error(key))
        }
    }
}

fn dict_ass_subscript(o: &PyObject, key: &PyObject, value: Option<&PyObject>) -> PyResult<()> {
    let d = dict_of(o);
    match value {
        Some(v) => d.set(Obj::new_ref(key), Obj::new_ref(v)),
        None => match d.remove(key)? {
            Some(_) => Ok(()),
            None => Err(PyErr::key_error(key)),
        },
    }
}

fn dict_iter(o: &PyObject) -> PyResult<Obj> {
    new_dict_iter(o, ViewKind::Keys, false)
}

fn dict_new(ty: &TypeObject, _argv: &[Obj], _kwnames: Option<&PyObject>) -> PyResult<Obj> {
    super::dict::new_dict_of_type(ty)
}

/// `d.update(src)` for one positional argument: a dict, anything with `keys()` (read as
/// `src[key]`), or an iterable of pairs.
fn update_from(d: &DictObject, src: &PyObject) -> PyResult<()> {
    if let Some(s) = as_dict(src) {
        if std::ptr::eq(src.type_object(), types().dict_type)
            || super::attr::lookup_str(src.type_object(), "keys").is_none()
        {
            return d.merge_from(s);
        }
    }
    if super::attr::lookup_str(src.type_object(), "keys").is_some() {
        let keys_method = ops::get_attr_str(src, "keys")?;
        let keys = ops::call(&keys_method, &[], None)?;
        let it = ops::get_iter(&keys)?;
        while let Some(k) = ops::next(&it)? {
            let v = ops::get_item(src, &k)?;
            d.set(k, v)?;
        }
        return Ok(());
    }
    let it = ops::get_iter(src)?;
    let mut i = 0usize;
    while let Some(pair) = ops::next(&it)? {
        let kv = ops::collect(&pair).map_err(|e| {
            if e.matches(types().exc.named("TypeError")) {
                PyErr::type_error(format!("cannot convert dictionary update sequence element #{i} to a sequence"))
            } else {
                e
            }
        })?;
        if kv.len() != 2 {
            return Err(PyErr::value_error(format!(
                "dictionary update sequence element #{i} has length {}; 2 is required",
                kv.len()
            )));
        }
        let mut kv = kv.into_iter();
        let (k, v) = (kv.next().expect("two"), kv.next().expect("two"));
        d.set(k, v)?;
        i += 1;
    }
    Ok(())
}

/// `dict(...)` / `d.update(...)`: at most one positional source, then the keywords.
fn update_with(o: &PyObject, name: &str, argv: &[Obj], kwnames: Option<&PyObject>) -> PyResult<()> {
    let d = dict_of(o);
    let pos = args::positional(argv, kwnames);
    if pos.len() > 1 {
        return Err(PyErr::type_error(format!("{name} expected at most 1 argument, got {}", pos.len())));
    }
    if let Some(src) = pos.first() {
        update_from(d, src)?;
    }
    for (name, v) in args::keywords(argv, kwnames) {
        d.set(new_str(name)?, v.clone())?;
    }
    Ok(())
}

fn dict_init(o: &PyObject, argv: &[Obj], kwnames: Option<&PyObject>) -> PyResult<()> {
    update_with(o, "dict", argv, kwnames)
}

/// `dict.fromkeys(iterable, value=None)` (a class method: `cls` first).
fn dict_fromkeys(a: &[Obj], k: Option<&PyObject>) -> PyResult<Obj> {
    let (cls, r) = args::method("fromkeys", a, k, 1, 2)?;
    let value = r.get(1).cloned().unwrap_or_else(args::none);
    let d = ops::call(cls, &[], None)?;
    // CPython's fast paths from an exact dict, set or frozenset into an exact dict: the source's
    // stored hashes (no `__hash__` runs), the source walked live.
    if let Some(dd) = as_dict(&d).filter(|_| std::ptr::eq(d.type_object(), types().dict_type)) {
        let src_type = r[0].type_object();
        if std::ptr::eq(src_type, types().dict_type) {
            let src = as_dict(&r[0]).expect("a dict");
            let mut pos = 0;
            while let (next, Some((key, _, h))) = src.next_entry_from(pos, false) {
                pos = next;
                dd.set_hashed(key, h, value.clone())?;
            }
            return Ok(d);
        }
        if std::ptr::eq(src_type, types().set.set_type) || std::ptr::eq(src_type, types().set.frozenset_type) {
            for (key, h) in super::set::as_set(&r[0]).expect("a set").entries() {
                dd.set_hashed(key, h, value.clone())?;
            }
            return Ok(d);
        }
    }
    let it = ops::get_iter(&r[0])?;
    while let Some(key) = ops::next(&it)? {
        match as_dict(&d) {
            Some(dd) if std::ptr::eq(d.type_object(), types().dict_type) => dd.set(key, value.clone())?,
            _ => ops::set_item(&d, &key, Some(&value))?,
        }
    }
    Ok(d)
}

pub(crate) static DICT_METHODS: &[MethodDef] = &[
    MethodDef::classmethod("__class_getitem__", super::generic_alias::class_getitem),
    MethodDef::method("get", |a, k| {
        let (s, r) = args::method("get", a, k, 1, 2)?;
        Ok(dict_of(s).get(&r[0])?.unwrap_or_else(|| r.get(1).cloned().unwrap_or_else(args::none)))
    }),
    MethodDef::method("keys", |a, k| new_view(args::method("dict.keys", a, k, 0, 0)?.0, ViewKind::Keys)),
    MethodDef::method("values", |a, k| new_view(args::method("dict.values", a, k, 0, 0)?.0, ViewKind::Values)),
    MethodDef::method("items", |a, k| new_view(args::method("dict.items", a, k, 0, 0)?.0, ViewKind::Items)),
    MethodDef::classmethod("fromkeys", dict_fromkeys),
    MethodDef::method("__init__", |a, k| {
        let (s, rest) = a.split_first().ok_or_else(|| PyErr::type_error("__init__() needs a receiver"))?;
        dict_init(s, rest, k)?;
        Ok(args::none())
    }),
    dunder_unary!("__iter__", dict_iter),
    dunder_binary!("__or__", dict_or),
    dunder_reflected!("__ror__", dict_or),
    dunder_binary!("__ior__", dict_ior),
    dunder_compare!("__eq__", CompareOp::Eq, dict_richcompare),
    dunder_compare!("__ne__", CompareOp::Ne, dict_richcompare),
    MethodDef::method("__repr__", |a, k| dict_repr(args::method("__repr__", a, k, 0, 0)?.0)),
    MethodDef::method("__reversed__", |a, k| {
        new_dict_iter(args::method("dict.__reversed__", a, k, 0, 0)?.0, ViewKind::Keys, true)
    }),
    MethodDef::method("__len__", |a, k| {
        super::int::new_int(dict_of(args::method("__len__", a, k, 0, 0)?.0).len() as i64)
    }),
    MethodDef::method("__contains__", |a, k| {
        let (s, r) = args::method("dict.__contains__", a, k, 1, 1)?;
        Ok(new_bool(dict_of(s).get(&r[0])?.is_some()))
    }),
    MethodDef::method("__getitem__", |a, k| {
        let (s, r) = args::method("dict.__getitem__", a, k, 1, 1)?;
        dict_subscript(s, &r[0])
    }),
    MethodDef::method("__setitem__", |a, k| {
        let (s, r) = args::method("__setitem__", a, k, 2, 2)?;
        dict_ass_subscript(s, &r[0], Some(&r[1]))?;
        Ok(args::none())
    }),
    MethodDef::method("__delitem__", |a, k| {
        let (s, r) = args::method("__delitem__", a, k, 1, 1)?;
        dict_ass_subscript(s, &r[0], None)?;
        Ok(args::none())
    }),
    MethodDef::method("pop", |a, k| {
        let (s, r) = args::method("pop", a, k, 1, 2)?;
        match dict_of(s).remove(&r[0])? {
            Some(v) => Ok(v),
            None => r.get(1).cloned().ok_or_else(|| PyErr::key_error(&r[0])),
        }
    }),
    MethodDef::method("setdefault", |a, k| {
        let (s, r) = args::method("setdefault", a, k, 1, 2)?;
        dict_of(s).set_default(r[0].clone(), r.get(1).cloned().unwrap_or_else(args::none))
    }),
    MethodDef::method("update", |a, k| {
        let s = a.first().ok_or_else(|| PyErr::type_error("update() needs a receiver"))?;
        update_with(s, "update", &a[1..], k)?;
        Ok(args::none())
    }),
    MethodDef::method("clear", |a, k| {
        let (s, _) = args::method("dict.clear", a, k, 0, 0)?;
        dict_of(s).clear();
        Ok(args::none())
    }),
    MethodDef::method("copy", |a, k| copy_of(args::method("dict.copy", a, k, 0, 0)?.0)),
    MethodDef::method("popitem", |a, k| {
        let (s, _) = args::method("dict.popitem", a, k, 0, 0)?;
        match dict_of(s).pop_last() {
            Some((k, v)) => new_tuple(vec![k, v]),
            None => Err(PyErr::key_error_msg("popitem(): dictionary is empty")),
        }
    }),
];

impl PyErr {
    /// `KeyError(msg)` with a string message.
    #[cold]
    pub fn key_error_msg(msg: &str) -> PyErr {
        super::exceptions::raise_msg(types().exc.named("KeyError"), msg)
    }
}
