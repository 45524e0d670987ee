//! The methods of `object` that are more than a slot: `__format__`, `__dir__`, `__sizeof__`
//! and `__subclasshook__` (CPython's `Objects/typeobject.c`, `object_methods`). Their method
//! definitions are entries of `object`'s table in `core_types`.

use super::abstract_ops::{self as ops, type_name};
use super::builtin::args;
use super::dict::{DictObject, as_dict, new_dict};
use super::header::PyObject;
use super::immortal::immortals;
use super::list::new_list;
use super::obj::Obj;
use super::str::str_value;
use super::typeobj::{TypeObject, as_type};
use crate::error::{PyErr, PyResult};

/// `object.__format__(self, format_spec)`: `str(self)` for an empty spec, else a `TypeError`.
pub(crate) fn object_format(a: &[Obj], k: Option<&PyObject>) -> PyResult<Obj> {
    let (s, r) = args::method("__format__", a, k, 1, 1)?;
    let Some(spec) = str_value(&r[0]) else {
        return Err(PyErr::type_error(format!("__format__() argument must be str, not {}", type_name(&r[0]))));
    };
    if !spec.is_empty() {
        return Err(PyErr::type_error(format!("unsupported format string passed to {}.__format__", type_name(s))));
    }
    ops::str(s)
}

/// Adds the names of the dicts along `t`'s MRO to `out` (`type.__dir__`'s merge).
fn class_names(t: &TypeObject, out: &DictObject) -> PyResult<()> {
    for c in t.mro() {
        if let Some(d) = as_type(c).and_then(|ct| ct.dict()).and_then(as_dict) {
            for (name, _) in d.items() {
                out.set(name, Obj::new_ref(immortals().none))?;
            }
        }
    }
    Ok(())
}

/// The names `dir(o)` lists without a custom `__dir__`: a class's merged MRO dicts; for any
/// other object its `__dict__` keys plus its class's names (`object.__dir__`). Unsorted.
pub fn default_dir(o: &PyObject) -> PyResult<Vec<Obj>> {
    let names = new_dict()?;
    let nd = as_dict(&names).expect("a dict");
    if let Some(t) = as_type(o) {
        class_names(t, nd)?;
    } else {
        if let Ok(d) = ops::get_attr_str(o, "__dict__") {
            let keys = match as_dict(&d) {
                Some(dd) => dd.items().into_iter().map(|(k, _)| k).collect(),
                None => ops::collect(&d)?,
            };
            for k in keys {
                nd.set(k, Obj::new_ref(immortals().none))?;
            }
        }
        class_names(o.type_object(), nd)?;
    }
    Ok(nd.items().into_iter().map(|(k, _)| k).collect())
}

/// `object.__dir__(self)`.
pub(crate) fn object_dir(a: &[Obj], k: Option<&PyObject>) -> PyResult<Obj> {
    let (s, _) = args::method("__dir__", a, k, 0, 0)?;
    new_list(default_dir(s)?)
}

/// `object.__sizeof__(self)`: the object's allocation — the type's basic size, plus the items
/// of a tuple and the text of a str (containers' separate tables are not counted).
pub(crate) fn object_sizeof(a: &[Obj], k: Option<&PyObject>) -> PyResult<Obj> {
    let (s, _) = args::method("__sizeof__", a, k, 0, 0)?;
    let mut size = s.type_object().basic_size;
    if super::tuple::is_tuple(s) {
        size += std::mem::size_of_val(super::tuple::items(s));
    } else if let Some(t) = super::str::as_str_object(s) {
        size += t.as_str().len() + 1;
    }
    super::int::new_int(size as i64)
}

/// `object.__subclasshook__(cls, subclass)`: `NotImplemented` (the ABC machinery's default).
pub(crate) fn object_subclasshook(a: &[Obj], _k: Option<&PyObject>) -> PyResult<Obj> {
    let _ = a;
    Ok(Obj::new_ref(immortals().not_implemented))
}
