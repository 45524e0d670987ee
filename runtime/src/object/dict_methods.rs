//! `dict`'s slots and methods (the table is in [`super::dict`]).

use super::abstract_ops::{self as ops, repr_text};
use super::builtin::{MethodDef, args};
use super::core_types::new_seq_iter;
use super::dict::{as_dict, new_dict};
use super::header::PyObject;
use super::immortal::{immortals, types};
use super::int::new_bool;
use super::list::new_list;
use super::obj::Obj;
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
    t.sequence.contains = Some(|d, k| Ok(as_dict(d).map(|d| d.get(k)).transpose()?.flatten().is_some()));
    t.mapping = MappingMethods {
        length: Some(|o| Ok(as_dict(o).map_or(0, |d| d.len()))),
        subscript: Some(dict_subscript),
        ass_subscript: Some(dict_ass_subscript),
    };
}

fn dict_of(o: &PyObject) -> &super::dict::DictObject {
    as_dict(o).expect("a dict receiver")
}

fn dict_repr(o: &PyObject) -> PyResult<Obj> {
    let mut out = String::from("{");
    for (i, (k, v)) in dict_of(o).items().iter().enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        out.push_str(&repr_text(k)?);
        out.push_str(": ");
        out.push_str(&repr_text(v)?);
    }
    out.push('}');
    new_str(&out)
}

fn dict_richcompare(a: &PyObject, b: &PyObject, op: CompareOp) -> PyResult<Obj> {
    let (Some(x), Some(y)) = (as_dict(a), as_dict(b)) else { return not_implemented() };
    if !matches!(op, CompareOp::Eq | CompareOp::Ne) {
        return not_implemented();
    }
    let mut eq = x.len() == y.len();
    if eq {
        for (k, v) in x.items() {
            match y.get(&k)? {
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
                if let Some(missing) = super::attr::lookup_str(o.type_object(), "__missing__") {
                    return ops::call(&missing, &[Obj::new_ref(o), Obj::new_ref(key)], None);
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
    let keys: Vec<Obj> = dict_of(o).items().into_iter().map(|(k, _)| k).collect();
    new_seq_iter(new_list(keys)?)
}

fn dict_new(ty: &TypeObject, _argv: &[Obj], _kwnames: Option<&PyObject>) -> PyResult<Obj> {
    super::dict::new_dict_of_type(ty)
}

fn dict_update_from(d: &super::dict::DictObject, src: &PyObject) -> PyResult<()> {
    if let Some(s) = as_dict(src) {
        for (k, v) in s.items() {
            d.set(k, v)?;
        }
        return Ok(());
    }
    for (i, pair) in ops::collect(src)?.into_iter().enumerate() {
        let kv = ops::collect(&pair).map_err(|_| {
            PyErr::type_error(format!("cannot convert dictionary update sequence element #{i} to a sequence"))
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
    }
    Ok(())
}

fn dict_init(o: &PyObject, argv: &[Obj], kwnames: Option<&PyObject>) -> PyResult<()> {
    let d = dict_of(o);
    let pos = args::positional(argv, kwnames);
    if pos.len() > 1 {
        return Err(PyErr::type_error(format!("dict expected at most 1 argument, got {}", pos.len())));
    }
    if let Some(src) = pos.first() {
        dict_update_from(d, src)?;
    }
    for (name, v) in args::keywords(argv, kwnames) {
        d.set(new_str(name)?, v.clone())?;
    }
    Ok(())
}

pub(crate) static DICT_METHODS: &[MethodDef] = &[
    MethodDef::method("get", |a, k| {
        let (s, r) = args::method("get", a, k, 1, 2)?;
        Ok(dict_of(s).get(&r[0])?.unwrap_or_else(|| r.get(1).cloned().unwrap_or_else(args::none)))
    }),
    MethodDef::method("keys", |a, k| {
        let (s, _) = args::method("keys", a, k, 0, 0)?;
        new_list(dict_of(s).items().into_iter().map(|(k, _)| k).collect())
    }),
    MethodDef::method("values", |a, k| {
        let (s, _) = args::method("values", a, k, 0, 0)?;
        new_list(dict_of(s).items().into_iter().map(|(_, v)| v).collect())
    }),
    MethodDef::method("items", |a, k| {
        let (s, _) = args::method("items", a, k, 0, 0)?;
        new_list(dict_of(s).items().into_iter().map(|(k, v)| new_tuple(vec![k, v])).collect::<PyResult<_>>()?)
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
        let d = dict_of(s);
        if let Some(v) = d.get(&r[0])? {
            return Ok(v);
        }
        let v = r.get(1).cloned().unwrap_or_else(args::none);
        d.set(r[0].clone(), v.clone())?;
        Ok(v)
    }),
    MethodDef::method("update", |a, k| {
        let s = a.first().ok_or_else(|| PyErr::type_error("update() needs a receiver"))?;
        dict_init(s, &a[1..], k)?;
        Ok(args::none())
    }),
    MethodDef::method("clear", |a, k| {
        let (s, _) = args::method("clear", a, k, 0, 0)?;
        dict_of(s).clear();
        Ok(args::none())
    }),
    MethodDef::method("copy", |a, k| {
        let (s, _) = args::method("copy", a, k, 0, 0)?;
        let n = new_dict()?;
        for (k, v) in dict_of(s).items() {
            dict_of(&n).set(k, v)?;
        }
        Ok(n)
    }),
    MethodDef::method("popitem", |a, k| {
        let (s, _) = args::method("popitem", a, k, 0, 0)?;
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
