//! `isinstance` and `issubclass` as CPython 3.13's `PyObject_IsInstance` / `PyObject_IsSubclass`
//! (`Objects/abstract.c`), with their hooks.
//!
//! `isinstance(inst, cls)`:
//! 1. `type(inst) is cls`: true at once;
//! 2. `cls` exactly a `type` instance (no metaclass): the plain check — `type(inst)` or
//!    `inst.__class__` a subclass of `cls`;
//! 3. a union stands for the tuple of its members; a tuple: any member (recursively);
//! 4. otherwise `type(cls).__instancecheck__(cls, inst)` when the metaclass has one (every class
//!    does: `type.__instancecheck__` is the plain check, which an `ABCMeta` or any metaclass may
//!    override; a `GenericAlias` has one that raises), its result made a bool;
//! 5. without one, the plain check, where a `cls` that is no class must at least have
//!    `__bases__` ("arg 2 must be a type, a tuple of types, or a union").
//!
//! `issubclass(derived, cls)` is the same with `__subclasscheck__`, and `derived` must be a
//! class (or have `__bases__`).

use super::abstract_ops as ops;
use super::builtin::args;
use super::header::PyObject;
use super::immortal::types;
use super::int::new_bool;
use super::obj::Obj;
use super::tuple::{is_tuple, items};
use super::typeobj::as_type;
use crate::error::{PyErr, PyResult};

/// `isinstance(inst, cls)`.
pub(crate) fn object_isinstance(inst: &PyObject, cls: &PyObject) -> PyResult<bool> {
    if inst.type_object().as_object().is(cls) {
        return Ok(true);
    }
    if std::ptr::eq(cls.type_object(), types().type_type) {
        return recursive_isinstance(inst, cls);
    }
    let cls_owned = super::union_type::as_class_tuple(cls);
    let cls: &PyObject = cls_owned.as_deref().unwrap_or(cls);
    if is_tuple(cls) {
        let _guard = super::recursion::enter(" in __instancecheck__")?;
        for c in items(cls).to_vec() {
            if object_isinstance(inst, &c)? {
                return Ok(true);
            }
        }
        return Ok(false);
    }
    if let Some(checker) = ops::lookup_special(cls, "__instancecheck__")? {
        let _guard = super::recursion::enter(" in __instancecheck__")?;
        let r = ops::call(&checker, &[Obj::new_ref(inst)], None)?;
        return ops::is_true(&r);
    }
    recursive_isinstance(inst, cls)
}

/// `issubclass(derived, cls)`.
pub(crate) fn object_issubclass(derived: &PyObject, cls: &PyObject) -> PyResult<bool> {
    if std::ptr::eq(cls.type_object(), types().type_type) {
        if derived.is(cls) {
            return Ok(true);
        }
        return recursive_issubclass(derived, cls);
    }
    let cls_owned = super::union_type::as_class_tuple(cls);
    let cls: &PyObject = cls_owned.as_deref().unwrap_or(cls);
    if is_tuple(cls) {
        let _guard = super::recursion::enter(" in __subclasscheck__")?;
        for c in items(cls).to_vec() {
            if object_issubclass(derived, &c)? {
                return Ok(true);
            }
        }
        return Ok(false);
    }
    if let Some(checker) = ops::lookup_special(cls, "__subclasscheck__")? {
        let _guard = super::recursion::enter(" in __subclasscheck__")?;
        let r = ops::call(&checker, &[Obj::new_ref(derived)], None)?;
        return ops::is_true(&r);
    }
    recursive_issubclass(derived, cls)
}

/// `__bases__` of a class-like object, if it is a tuple (`abstract_get_bases`).
fn bases_of(o: &PyObject) -> PyResult<Option<Obj>> {
    match ops::get_attr_str(o, "__bases__") {
        Ok(b) if is_tuple(&b) => Ok(Some(b)),
        Ok(_) => Ok(None),
        Err(e) if e.matches(types().exc.named("AttributeError")) => Ok(None),
        Err(e) => Err(e),
    }
}

/// `abstract_issubclass`: `derived` is `cls` or one of its `__bases__` (depth first).
fn abstract_issubclass(derived: &PyObject, cls: &PyObject) -> PyResult<bool> {
    let mut current = Obj::new_ref(derived);
    loop {
        if current.is(cls) {
            return Ok(true);
        }
        let Some(bases) = bases_of(&current)? else { return Ok(false) };
        let bases = items(&bases).to_vec();
        match bases.len() {
            0 => return Ok(false),
            1 => current = bases[0].clone(),
            _ => {
                let _guard = super::recursion::enter(" in __issubclass__")?;
                for b in &bases {
                    if abstract_issubclass(b, cls)? {
                        return Ok(true);
                    }
                }
                return Ok(false);
            }
        }
    }
}

/// `object_isinstance`: the plain check, through `__class__` too.
fn recursive_isinstance(inst: &PyObject, cls: &PyObject) -> PyResult<bool> {
    if let Some(t) = as_type(cls) {
        if inst.type_object().is_subtype(t) {
            return Ok(true);
        }
        return match ops::get_attr_str(inst, "__class__") {
            Ok(c) if !c.is(inst.type_object().as_object()) => Ok(as_type(&c).is_some_and(|ct| ct.is_subtype(t))),
            Ok(_) => Ok(false),
            Err(e) if e.matches(types().exc.named("AttributeError")) => Ok(false),
            Err(e) => Err(e),
        };
    }
    if bases_of(cls)?.is_none() {
        return Err(PyErr::type_error("isinstance() arg 2 must be a type, a tuple of types, or a union"));
    }
    match ops::get_attr_str(inst, "__class__") {
        Ok(c) => abstract_issubclass(&c, cls),
        Err(e) if e.matches(types().exc.named("AttributeError")) => Ok(false),
        Err(e) => Err(e),
    }
}

/// `_PyObject_RealIsSubclass`: subtypes for classes, `__bases__` for class-likes.
fn recursive_issubclass(derived: &PyObject, cls: &PyObject) -> PyResult<bool> {
    if let (Some(d), Some(c)) = (as_type(derived), as_type(cls)) {
        return Ok(d.is_subtype(c));
    }
    if as_type(derived).is_none() && bases_of(derived)?.is_none() {
        return Err(PyErr::type_error("issubclass() arg 1 must be a class"));
    }
    if as_type(cls).is_none() && super::union_type::union_args(cls).is_none() && bases_of(cls)?.is_none() {
        return Err(PyErr::type_error("issubclass() arg 2 must be a class, a tuple of classes, or a union"));
    }
    abstract_issubclass(derived, cls)
}

/// `type.__instancecheck__(cls, inst)`: the plain check (what a metaclass's override falls
/// back to through `super()`).
pub(crate) fn type_instancecheck(a: &[Obj], k: Option<&PyObject>) -> PyResult<Obj> {
    let (cls, r) = args::method("__instancecheck__", a, k, 1, 1)?;
    Ok(new_bool(recursive_isinstance(&r[0], cls)?))
}

/// `type.__subclasscheck__(cls, sub)`.
pub(crate) fn type_subclasscheck(a: &[Obj], k: Option<&PyObject>) -> PyResult<Obj> {
    let (cls, r) = args::method("__subclasscheck__", a, k, 1, 1)?;
    Ok(new_bool(recursive_issubclass(&r[0], cls)?))
}
