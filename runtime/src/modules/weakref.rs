//! The `_weakref` module (CPython's `Modules/_weakref.c`): the weak reference types of
//! [`crate::object::weakref`] and the functions over an object's references.

use super::new_builtin_module;
use crate::error::{PyErr, PyResult};
use crate::object::builtin::{MethodDef, args};
use crate::object::dict::as_dict;
use crate::object::immortal::{immortals, types};
use crate::object::obj::Obj;
use crate::object::weakref;

/// The module, made on import.
pub fn make_module() -> PyResult<Obj> {
    let m = new_builtin_module("_weakref", WEAKREF_FUNCTIONS)?;
    let t = &types().weakref;
    super::module_set(&m, "ref", Obj::new_ref(t.ref_type.as_object()))?;
    super::module_set(&m, "ReferenceType", Obj::new_ref(t.ref_type.as_object()))?;
    super::module_set(&m, "ProxyType", Obj::new_ref(t.proxy_type.as_object()))?;
    super::module_set(&m, "CallableProxyType", Obj::new_ref(t.callable_proxy_type.as_object()))?;
    Ok(m)
}

static WEAKREF_FUNCTIONS: &[MethodDef] = &[
    MethodDef::function("getweakrefcount", getweakrefcount),
    MethodDef::function("getweakrefs", getweakrefs),
    MethodDef::function("proxy", proxy),
    MethodDef::function("_remove_dead_weakref", remove_dead_weakref),
];

/// `getweakrefcount(object)`.
fn getweakrefcount(argv: &[Obj], kwnames: Option<&crate::object::PyObject>) -> PyResult<Obj> {
    let [o] = args::exact("getweakrefcount", argv, kwnames, 1, 1)? else { unreachable!("one argument") };
    crate::object::int::new_int(weakref::weakref_count(o) as i64)
}

/// `getweakrefs(object)`.
fn getweakrefs(argv: &[Obj], kwnames: Option<&crate::object::PyObject>) -> PyResult<Obj> {
    let [o] = args::exact("getweakrefs", argv, kwnames, 1, 1)? else { unreachable!("one argument") };
    crate::object::list::new_list(weakref::weakrefs_of(o))
}

/// `proxy(object, callback=None)`.
fn proxy(argv: &[Obj], kwnames: Option<&crate::object::PyObject>) -> PyResult<Obj> {
    args::no_keywords("proxy", kwnames)?;
    match argv {
        [o] => weakref::new_proxy(o, None),
        [o, cb] => weakref::new_proxy(o, Some(cb)),
        [] => Err(PyErr::type_error("proxy expected at least 1 argument, got 0")),
        _ => Err(PyErr::type_error(format!("proxy expected at most 2 arguments, got {}", argv.len()))),
    }
}

/// `_remove_dead_weakref(dict, key)`: deletes `dict[key]` if it is a dead weak reference (a
/// missing key is not an error: another thread may have removed it).
fn remove_dead_weakref(argv: &[Obj], kwnames: Option<&crate::object::PyObject>) -> PyResult<Obj> {
    let [d, key] = args::exact("_remove_dead_weakref", argv, kwnames, 2, 2)? else { unreachable!("two arguments") };
    let dict = as_dict(d).ok_or_else(|| {
        PyErr::type_error(format!("_remove_dead_weakref() argument 1 must be dict, not {}", d.type_object().name()))
    })?;
    if dict.get(key)?.is_some_and(|v| weakref::is_dead_weakref(&v)) {
        dict.remove(key)?;
    }
    Ok(Obj::new_ref(immortals().none))
}
