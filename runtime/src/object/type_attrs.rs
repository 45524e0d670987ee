//! The writable special attributes of classes: `__name__`, `__qualname__`, `__module__` and
//! `__doc__` (CPython's `type_set_name`, `type_set_qualname`, `type_set_module`,
//! `type_get_doc` / `type_set_doc`), the getset descriptors of `type`.
//!
//! Each setter first runs CPython's `check_set_special_type_attr`: a builtin type is immutable
//! (`cannot set '__name__' attribute of immutable type 'int'` — `attr::type_setattro` says so
//! before reaching here) and none of these may be deleted (`cannot delete '__name__' attribute of
//! immutable type 'A'`, CPython's wording even for a heap class). `__module__` and `__doc__` live
//! in the class's `__dict__` (a dict write, then new version tags); the name and the qualified
//! name live in the type object itself and are replaced with the world stopped, because every
//! thread of the interpreter reads them without a lock (`TypeObject::name`, `type_repr`). A
//! replaced name is kept until the type dies, so a `&str` borrowed from `name()` before the
//! assignment stays valid.

use super::dict::as_dict;
use super::header::PyObject;
use super::immortal::{immortals, intern};
use super::obj::Obj;
use super::str::str_value;
use super::typeobj::{TypeObject, as_type};
use crate::error::{PyErr, PyResult};

/// `check_set_special_type_attr`: the class the setter may change.
fn settable<'a>(o: &'a PyObject, value: Option<&PyObject>, name: &str) -> PyResult<&'a TypeObject> {
    let t = as_type(o).ok_or_else(|| PyErr::type_error("a type is required"))?;
    if !t.is_heap() {
        return Err(PyErr::type_error(format!("cannot set '{name}' attribute of immutable type '{}'", t.name())));
    }
    if value.is_none() {
        return Err(PyErr::type_error(format!("cannot delete '{name}' attribute of immutable type '{}'", t.name())));
    }
    Ok(t)
}

/// The new value of `__name__` / `__qualname__`: a `str`.
fn string_value<'v>(t: &TypeObject, value: &'v PyObject, attr: &str) -> PyResult<&'v str> {
    str_value(value).ok_or_else(|| {
        PyErr::type_error(format!(
            "can only assign string to {}.{attr}, not '{}'",
            t.name(),
            value.type_object().name()
        ))
    })
}

/// `type.__name__ = value`.
pub(crate) fn set_name(o: &PyObject, value: Option<&PyObject>) -> PyResult<()> {
    let t = settable(o, value, "__name__")?;
    let text = string_value(t, value.expect("checked"), "__name__")?;
    if text.contains('\0') {
        return Err(PyErr::value_error("type name must not contain null characters"));
    }
    let new: Box<str> = text.into();
    let _world = super::attachment::stop_the_world("type.__name__");
    // SAFETY: a heap type of this interpreter with the world stopped: no other thread reads the
    // field; this thread's earlier `&str` borrows stay valid (the old name is retired, not freed).
    unsafe {
        let m = t.mutable.get();
        if let Some(old) = (*m).name.replace(new) {
            (*m).retired_names.push(old);
        }
    }
    Ok(())
}

/// `type.__qualname__ = value`.
pub(crate) fn set_qualname(o: &PyObject, value: Option<&PyObject>) -> PyResult<()> {
    let t = settable(o, value, "__qualname__")?;
    let value = value.expect("checked");
    string_value(t, value, "__qualname__")?;
    let world = super::attachment::stop_the_world("type.__qualname__");
    // SAFETY: as in `set_name`; readers clone the object out of the field, so the old one may go.
    let old = unsafe { (*t.mutable.get()).qualname.replace(Obj::new_ref(value)) };
    drop(world);
    drop(old);
    Ok(())
}

/// Sets `name` in the class's dict and renews the version tags (`type_set_module`/`_doc`).
fn set_in_dict(t: &TypeObject, name: &str, value: &PyObject) -> PyResult<()> {
    let dict = t.dict().and_then(as_dict).expect("a heap type has a dict");
    // Before and after the write: see `typeobj::modified`.
    // The replaced value lives until the tags have changed again (see `attr::type_setattro`).
    super::typeobj::modified(t);
    let key = &intern(name).ob_base;
    let old = dict.replace(Obj::new_ref(key), Obj::new_ref(value));
    super::typeobj::modified(t);
    old.map(drop)
}

/// `type.__module__ = value`.
pub(crate) fn set_module(o: &PyObject, value: Option<&PyObject>) -> PyResult<()> {
    let t = settable(o, value, "__module__")?;
    set_in_dict(t, "__module__", value.expect("checked"))
}

/// `type.__doc__`: the class's own `__doc__` (through its `__get__` if it has one), else `None`.
pub(crate) fn get_doc(o: &PyObject) -> PyResult<Obj> {
    let t = as_type(o).expect("a type");
    // CPython's `type_get_doc`: a static type's `tp_doc`, else the dict's `__doc__` through its
    // `__get__` (`type(len).__doc__` is the `__doc__` descriptor of its instances).
    if !t.is_heap() {
        if let Some(doc) = super::type_docs::builtin_type_doc(t.name()) {
            return super::str::new_str(doc);
        }
    }
    let doc = t.dict().and_then(as_dict).and_then(|d| d.get_str(&intern("__doc__").ob_base));
    match doc {
        Some(d) => match d.type_object().descr_get {
            Some(get) => get(&d, None, o),
            None => Ok(d),
        },
        None => Ok(Obj::new_ref(immortals().none)),
    }
}

/// `type.__doc__ = value`.
pub(crate) fn set_doc(o: &PyObject, value: Option<&PyObject>) -> PyResult<()> {
    let t = settable(o, value, "__doc__")?;
    set_in_dict(t, "__doc__", value.expect("checked"))
}

/// `type.__annotations__` (CPython 3.13's `type_get_annotations`): the class's own
/// `__annotations__` (through its `__get__` if it has one), never a base's; a class without one
/// gets a new empty dict, kept in its dict. Builtin types have none.
pub(crate) fn get_annotations(o: &PyObject) -> PyResult<Obj> {
    let t = as_type(o).expect("a type");
    if !t.is_heap() {
        return Err(PyErr::attribute_error(format!("type object '{}' has no attribute '__annotations__'", t.name())));
    }
    let own = t.dict().and_then(as_dict).and_then(|d| d.get_str(&intern("__annotations__").ob_base));
    match own {
        Some(a) => match a.type_object().descr_get {
            Some(get) => get(&a, None, o),
            None => Ok(a),
        },
        None => {
            let fresh = super::dict::new_dict()?;
            set_in_dict(t, "__annotations__", &fresh)?;
            Ok(fresh)
        }
    }
}

/// `type.__annotations__ = value` / `del type.__annotations__` (`type_set_annotations`).
pub(crate) fn set_annotations(o: &PyObject, value: Option<&PyObject>) -> PyResult<()> {
    let t = as_type(o).ok_or_else(|| PyErr::type_error("a type is required"))?;
    if !t.is_heap() {
        return Err(PyErr::type_error(format!(
            "cannot set '__annotations__' attribute of immutable type '{}'",
            t.name()
        )));
    }
    match value {
        Some(v) => set_in_dict(t, "__annotations__", v),
        None => {
            let dict = t.dict().and_then(as_dict).expect("a heap type has a dict");
            super::typeobj::modified(t);
            let old = dict.remove(&intern("__annotations__").ob_base)?;
            super::typeobj::modified(t);
            match old {
                Some(old) => {
                    drop(old);
                    Ok(())
                }
                None => Err(PyErr::attribute_error("__annotations__")),
            }
        }
    }
}
