//! Attribute access: type lookup along the MRO, the generic instance protocol with CPython's
//! descriptor precedence, and attribute access on type objects.
//!
//! `obj.name` (`PyObject_GenericGetAttr`):
//! 1. look `name` up in the type's MRO; if the result is a *data* descriptor (its type has both
//!    `__get__` and `__set__`), its `__get__` wins;
//! 2. else the instance `__dict__` (at the type's `dict_offset`);
//! 3. else a non-data descriptor's `__get__` (functions become bound methods here), or the class
//!    attribute itself;
//! 4. else `AttributeError: 'T' object has no attribute 'name'`.

use super::dict::as_dict;
use super::header::PyObject;
use super::inline_values::Stored;
use super::obj::Obj;
use super::obj_slot::ObjSlot;
use super::str::str_value;
use super::typeobj::{TypeObject, as_type};
use crate::error::{PyErr, PyResult};

/// `_PyType_Lookup`: `name` in the dicts of `ty`'s MRO, through the interpreter's type
/// attribute cache (`type_cache.rs`). Not inlined: the eval loop's generic
/// paths call it, and the loop's register allocation is sensitive to what it inlines.
#[inline(never)]
pub fn lookup(ty: &TypeObject, name: &PyObject) -> Option<Obj> {
    super::type_cache::lookup(ty, name, lookup_uncached)
}

/// [`lookup`] without the cache: the MRO walk.
fn lookup_uncached(ty: &TypeObject, name: &PyObject) -> Option<Obj> {
    for t in ty.mro() {
        let t = as_type(t)?;
        if let Some(d) = t.dict().and_then(as_dict) {
            if let Some(v) = d.get_str(name) {
                return Some(v);
            }
        }
    }
    None
}

/// [`lookup`] by a Rust string (interns it).
pub fn lookup_str(ty: &TypeObject, name: &str) -> Option<Obj> {
    lookup(ty, &super::immortal::intern(name).ob_base)
}

/// The instance dict slot of `obj`, if its type has one (a cell-like view: see `obj_slot.rs`).
#[inline]
pub(crate) fn dict_slot(obj: &PyObject) -> Option<ObjSlot<'_>> {
    let ty = obj.type_object();
    let mut off = ty.dict_offset;
    if off == 0 {
        return None;
    }
    if ty.flags & super::typeobj::flags::TUPLE_SUBCLASS != 0 {
        // A variable-size instance: the dict word follows the items.
        off = super::tuple::dict_slot_offset(obj);
    }
    // SAFETY: a type with a dict offset lays out an `Option<Obj>` in every instance, at that
    // offset or, for a tuple subclass, after the items (the allocator writes it; `__class__`
    // assignment only moves an instance to a type of the same layout), and the word is only
    // accessed through `ObjSlot`s.
    Some(unsafe { ObjSlot::at(obj, off) })
}

/// `obj.__dict__`, made on first use (from the inline values when the instance keeps them).
pub fn instance_dict(obj: &PyObject) -> PyResult<Option<Obj>> {
    super::inline_values::instance_dict(obj)
}

/// An attribute name must be a `str` (`getattr`/`setattr`/`hasattr`/`delattr`, and the
/// `__getattribute__`/`__setattr__`/`__delattr__` of builtin types, as CPython's
/// `PyObject_GenericGetAttr`/`SetAttr` and `type_setattro` check).
pub(crate) fn attr_name_check(name: &PyObject) -> PyResult<()> {
    match str_value(name) {
        Some(_) => Ok(()),
        None => Err(PyErr::type_error(format!("attribute name must be string, not '{}'", name.type_object().name()))),
    }
}

/// The `AttributeError` for a missing attribute, with its `name` and `obj` (CPython's generic
/// lookup sets them itself, so `object.__getattribute__(o, n)` has them too).
#[cold]
pub fn no_attribute(obj: &PyObject, name: &PyObject) -> PyErr {
    let err = PyErr::attribute_error(format!(
        "'{}' object has no attribute '{}'",
        obj.type_object().name(),
        str_value(name).unwrap_or("?")
    ));
    super::exceptions::with_attribute_context(err, obj, name)
}

/// `PyObject_GenericGetAttr`.
pub fn generic_getattr(obj: &PyObject, name: &PyObject) -> PyResult<Obj> {
    generic_getattr_with_descr(obj, name, lookup(obj.type_object(), name))
}

/// [`generic_getattr`] once `descr` — `lookup(type(obj), name)` — is known (for callers that
/// looked at the descriptor first, such as the generic `LOAD_ATTR`).
pub(crate) fn generic_getattr_with_descr(obj: &PyObject, name: &PyObject, descr: Option<Obj>) -> PyResult<Obj> {
    let ty = obj.type_object();
    if let Some(d) = &descr {
        let dt = d.type_object();
        if let (Some(get), Some(_)) = (dt.descr_get, dt.descr_set) {
            return get(d, Some(obj), ty.as_object());
        }
    }
    if let Some(v) = super::inline_values::get_attr(obj, name) {
        return Ok(v);
    }
    match descr {
        Some(d) => match d.type_object().descr_get {
            Some(get) => get(&d, Some(obj), ty.as_object()),
            None => Ok(d),
        },
        None => Err(no_attribute(obj, name)),
    }
}

/// `PyObject_GenericSetAttr` (`value` `None`: delete).
pub fn generic_setattr(obj: &PyObject, name: &PyObject, value: Option<&PyObject>) -> PyResult<()> {
    let ty = obj.type_object();
    if let Some(d) = lookup(ty, name) {
        if let Some(set) = d.type_object().descr_set {
            return set(&d, obj, value);
        }
    }
    match super::inline_values::set_attr(obj, name, value)? {
        Stored::Done => Ok(()),
        Stored::Missing => Err(no_attribute(obj, name)),
        Stored::NoDict => {
            let n = str_value(name).unwrap_or("?");
            Err(match lookup(ty, name) {
                Some(_) => PyErr::attribute_error(format!("'{}' object attribute '{}' is read-only", ty.name(), n)),
                None => PyErr::attribute_error(format!(
                    "'{}' object has no attribute '{}' and no __dict__ for setting new attributes",
                    ty.name(),
                    n
                )),
            })
        }
    }
}

/// `type.__getattribute__`: attributes of a class.
pub fn type_getattro(obj: &PyObject, name: &PyObject) -> PyResult<Obj> {
    let ty = as_type(obj).expect("type_getattro on a type");
    let meta = obj.type_object();
    let meta_attr = lookup(meta, name);
    if let Some(d) = &meta_attr {
        let dt = d.type_object();
        if let (Some(get), Some(_)) = (dt.descr_get, dt.descr_set) {
            return get(d, Some(obj), meta.as_object());
        }
    }
    if let Some(attr) = lookup(ty, name) {
        return match attr.type_object().descr_get {
            Some(get) => get(&attr, None, obj),
            None => Ok(attr),
        };
    }
    match meta_attr {
        Some(d) => match d.type_object().descr_get {
            Some(get) => get(&d, Some(obj), meta.as_object()),
            None => Ok(d),
        },
        None => Err(PyErr::attribute_error(format!(
            "type object '{}' has no attribute '{}'",
            ty.name(),
            str_value(name).unwrap_or("?")
        ))),
    }
}

/// `type.__setattr__`: heap types store in their dict (and change version); static types are
/// immutable.
pub fn type_setattro(obj: &PyObject, name: &PyObject, value: Option<&PyObject>) -> PyResult<()> {
    let ty = as_type(obj).expect("type_setattro on a type");
    let n = str_value(name).unwrap_or("?");
    if !ty.is_heap() {
        return Err(PyErr::type_error(format!("cannot set '{}' attribute of immutable type '{}'", n, ty.name())));
    }
    if let Some(d) = lookup(obj.type_object(), name) {
        if let Some(set) = d.type_object().descr_set {
            return set(&d, obj, value);
        }
    }
    let dict = ty.dict().and_then(as_dict).expect("a heap type has a dict");
    // The tags go before the dict changes, and again after (`class_attribute_changed`): see
    // `typeobj::modified`.
    //
    // The value the write replaces or removes is kept alive until the tags have changed the
    // second time: the dict's probe may run a key's `__eq__`, which may look the name up and
    // cache the old value under a fresh tag (`type_cache.rs`, the specialiser), and dropping
    // the value may run a `__del__` that reads the name again (CPython 3.14's
    // `type_update_dict` keeps it the same way). It is the value the write itself took out
    // (`replace`), not one read before: the `__eq__` may have stored another one meanwhile.
    super::typeobj::modified(ty);
    let (r, old) = match value {
        Some(v) => match dict.replace(Obj::new_ref(name), Obj::new_ref(v)) {
            Ok(old) => (Ok(()), old),
            Err(e) => (Err(e), None),
        },
        None => match dict.remove(name)? {
            Some(old) => (Ok(()), Some(old)),
            None => {
                (Err(PyErr::attribute_error(format!("type object '{}' has no attribute '{}'", ty.name(), n))), None)
            }
        },
    };
    // The slots the name feeds follow, on this class and its subclasses; version tags change.
    super::slot_update::class_attribute_changed(ty, n);
    drop(old);
    r
}
