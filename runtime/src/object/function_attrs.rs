//! The attributes of Python functions (CPython's `func_getsetlist` and `func_memberlist`).
//!
//! `__defaults__`, `__kwdefaults__`, `__annotations__`, `__name__`, `__qualname__`, `__doc__`
//! and `__module__` are assignable, with CPython's type checks; the eval loop reads
//! `__defaults__`/`__kwdefaults__` from the function at every call, so an assignment changes
//! how later calls bind. `__code__`, `__globals__`, `__builtins__` and `__closure__` are read
//! only here (`__code__` is assignable in CPython; the function keeps its code immutable).
//!
//! `__annotations__` is stored as the compiler left it (3.13's `SET_FUNCTION_ATTRIBUTE 4`
//! passes a flat tuple `(name, value, name, value, ...)`) and becomes a dict on first read,
//! cached in the function, as `func_get_annotations` does.
//!
//! A cell's `cell_contents` lives here too (the attribute of `__closure__`'s items).

use super::builtin::{GetSetDef, args};
use super::dict::{as_dict, new_dict};
use super::function::{FunctionObject, as_function};
use super::header::PyObject;
use super::immortal::types;
use super::obj::Obj;
use super::tuple::items;
use crate::error::{PyErr, PyResult};

fn func(o: &PyObject) -> &FunctionObject {
    as_function(o).expect("function getsets are installed on the function type only")
}

fn or_none(v: Option<Obj>) -> Obj {
    v.unwrap_or_else(args::none)
}

/// `None` and a deletion both clear an optional field; any other value must be of `ty`.
fn optional_of_type(v: Option<&PyObject>, ty: &super::typeobj::TypeObject, what: &str) -> PyResult<Option<Obj>> {
    match v {
        None => Ok(None),
        Some(v) if v.is(super::immortal::immortals().none) => Ok(None),
        Some(v) if v.type_object().is_subtype(ty) => Ok(Some(Obj::new_ref(v))),
        Some(_) => Err(PyErr::type_error(format!("{what} must be set to a {} object", ty.name()))),
    }
}

/// A name attribute takes a `str` only (deleting is the same error).
fn name_value(v: Option<&PyObject>, what: &str) -> PyResult<Obj> {
    match v {
        Some(v) if v.type_object().is_subtype(types().str_type) => Ok(Obj::new_ref(v)),
        _ => Err(PyErr::type_error(format!("{what} must be set to a string object"))),
    }
}

/// `__annotations__`: a dict made (and cached) from the compiler's flat pair tuple, or a new
/// empty dict when the function has none.
fn get_annotations(o: &PyObject) -> PyResult<Obj> {
    let f = func(o);
    let current = f.annotations.get();
    if let Some(a) = &current {
        if as_dict(a).is_some() {
            return Ok(a.clone());
        }
    }
    let dict = new_dict()?;
    if let Some(pairs) = &current {
        let d = as_dict(&dict).expect("a new dict");
        for pair in items(pairs).chunks(2) {
            if let [k, v] = pair {
                d.set(k.clone(), v.clone())?;
            }
        }
    }
    let old = f.annotations.replace(Some(dict.clone()));
    drop(old);
    Ok(dict)
}

fn set_annotations(o: &PyObject, v: Option<&PyObject>) -> PyResult<()> {
    let new = optional_of_type(v, types().dict_type, "__annotations__")?;
    let old = func(o).annotations.replace(new);
    drop(old);
    Ok(())
}

/// Assigning a read-only member (`T_OBJECT` with `READONLY` in CPython).
fn readonly(_: &PyObject, _: Option<&PyObject>) -> PyResult<()> {
    Err(PyErr::attribute_error("readonly attribute"))
}

pub(crate) static FUNCTION_GETSETS: &[GetSetDef] = &[
    GetSetDef {
        name: "__name__",
        get: |o| Ok(func(o).name.get()),
        set: Some(|o, v| {
            let new = name_value(v, "__name__")?;
            let old = func(o).name.replace(new);
            drop(old);
            Ok(())
        }),
    },
    GetSetDef {
        name: "__qualname__",
        get: |o| Ok(func(o).qualname.get()),
        set: Some(|o, v| {
            let new = name_value(v, "__qualname__")?;
            let old = func(o).qualname.replace(new);
            drop(old);
            Ok(())
        }),
    },
    GetSetDef { name: "__code__", get: |o| Ok(func(o).code.clone()), set: None },
    GetSetDef { name: "__globals__", get: |o| Ok(func(o).globals.clone()), set: Some(readonly) },
    GetSetDef { name: "__builtins__", get: |o| Ok(func(o).builtins.clone()), set: Some(readonly) },
    GetSetDef { name: "__closure__", get: |o| Ok(or_none(func(o).closure.get())), set: Some(readonly) },
    GetSetDef {
        name: "__doc__",
        get: |o| Ok(or_none(func(o).doc.get())),
        set: Some(|o, v| {
            let old = func(o).doc.replace(v.map(Obj::new_ref));
            drop(old);
            Ok(())
        }),
    },
    GetSetDef {
        name: "__module__",
        get: |o| Ok(or_none(func(o).module.get())),
        set: Some(|o, v| {
            let old = func(o).module.replace(v.map(Obj::new_ref));
            drop(old);
            Ok(())
        }),
    },
    GetSetDef {
        name: "__defaults__",
        get: |o| Ok(or_none(func(o).defaults.get())),
        set: Some(|o, v| {
            let new = optional_of_type(v, types().tuple_type, "__defaults__")?;
            let old = func(o).defaults.replace(new);
            drop(old);
            Ok(())
        }),
    },
    GetSetDef {
        name: "__kwdefaults__",
        get: |o| Ok(or_none(func(o).kwdefaults.get())),
        set: Some(|o, v| {
            let new = optional_of_type(v, types().dict_type, "__kwdefaults__")?;
            let old = func(o).kwdefaults.replace(new);
            drop(old);
            Ok(())
        }),
    },
    GetSetDef { name: "__annotations__", get: get_annotations, set: Some(set_annotations) },
];

/// `cell.cell_contents`: reading an empty cell is `ValueError: Cell is empty`; deleting
/// empties it.
pub(crate) static CELL_GETSETS: &[GetSetDef] = &[GetSetDef {
    name: "cell_contents",
    get: |o| {
        let cell = super::function::as_cell(o).expect("cell getsets are installed on the cell type only");
        cell.get().ok_or_else(|| PyErr::value_error("Cell is empty"))
    },
    set: Some(|o, v| {
        let cell = super::function::as_cell(o).expect("cell getsets are installed on the cell type only");
        cell.set(v.map(Obj::new_ref));
        Ok(())
    }),
}];

fn method(o: &PyObject) -> &super::function::MethodObject {
    super::function::as_method(o).expect("method slots are installed on the method type only")
}

/// A bound method's own attributes; any other attribute is its function's.
pub(crate) static METHOD_GETSETS: &[GetSetDef] = &[
    GetSetDef { name: "__self__", get: |o| Ok(method(o).self_.clone()), set: Some(readonly) },
    GetSetDef { name: "__func__", get: |o| Ok(method(o).func.clone()), set: Some(readonly) },
    GetSetDef { name: "__doc__", get: |o| super::abstract_ops::get_attr_str(&method(o).func, "__doc__"), set: None },
];

/// `method.__getattribute__` (CPython's `method_getattro`): the method type's descriptors
/// first, then the function's attribute (`m.__name__`, `m.__qualname__`, user attributes).
pub(crate) fn method_getattro(o: &PyObject, name: &PyObject) -> PyResult<Obj> {
    let ty = o.type_object();
    if let Some(descr) = super::attr::lookup(ty, name) {
        return match descr.type_object().descr_get {
            Some(get) => get(&descr, Some(o), ty.as_object()),
            None => Ok(descr),
        };
    }
    super::abstract_ops::get_attr(&method(o).func, name)
}

/// `m1 == m2`: the same receiver (by identity) and equal functions.
pub(crate) fn method_richcompare(a: &PyObject, b: &PyObject, op: super::typeobj::CompareOp) -> PyResult<Obj> {
    use super::typeobj::CompareOp;
    let (Some(ma), Some(mb)) = (super::function::as_method(a), super::function::as_method(b)) else {
        return Ok(Obj::new_ref(super::immortal::immortals().not_implemented));
    };
    if !matches!(op, CompareOp::Eq | CompareOp::Ne) {
        return Ok(Obj::new_ref(super::immortal::immortals().not_implemented));
    }
    let eq = ma.self_.is(&mb.self_) && super::abstract_ops::rich_compare_bool(&ma.func, &mb.func, CompareOp::Eq)?;
    Ok(super::int::new_bool(eq == (op == CompareOp::Eq)))
}

/// `hash(m)`: the receiver's identity hash mixed with the function's hash.
pub(crate) fn method_hash(o: &PyObject) -> PyResult<isize> {
    let m = method(o);
    let h = super::core_types::object_hash(&m.self_)? ^ super::abstract_ops::hash(&m.func)?;
    Ok(if h == -1 { -2 } else { h })
}

/// `types.MethodType(function, instance)` (`method_new`).
pub(crate) fn method_new(_ty: &super::typeobj::TypeObject, argv: &[Obj], kwnames: Option<&PyObject>) -> PyResult<Obj> {
    if kwnames.is_some_and(|k| !items(k).is_empty()) {
        return Err(PyErr::type_error("method() takes no keyword arguments"));
    }
    let [func, instance] = argv else {
        return Err(PyErr::type_error(format!("method expected 2 arguments, got {}", argv.len())));
    };
    if func.type_object().call.is_none() {
        return Err(PyErr::type_error("first argument must be callable"));
    }
    if instance.is(super::immortal::immortals().none) {
        return Err(PyErr::type_error("instance must not be None"));
    }
    super::function::new_method(func.clone(), instance.clone())
}
