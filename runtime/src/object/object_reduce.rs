//! `object.__reduce_ex__`, `object.__reduce__` and `object.__getstate__`: the default pickle and
//! copy protocol (CPython's `Objects/typeobject.c`: `object___reduce_ex___impl`,
//! `_common_reduce`, `reduce_newobj`, `object_getstate`).
//!
//! **`__reduce_ex__(protocol)`**: a class that overrides `__reduce__` (its class attribute is
//! not `object.__reduce__`) answers with its own `__reduce__()`; otherwise the common reduce:
//! - protocol 0 and 1: `copyreg._reduce_ex(self, protocol)` (Python code in `copyreg`);
//! - protocol 2 and above (`reduce_newobj`): the arguments for `__new__` from
//!   `__getnewargs_ex__` (then the callable is `copyreg.__newobj_ex__` and the arguments
//!   `(cls, args, kwargs)`, unless `kwargs` is empty) or `__getnewargs__`, else none; the
//!   callable `copyreg.__newobj__` with `(cls, *args)`; the state from `__getstate__`; list
//!   items (an iterator) for a list, dict items for a dict; so the five-tuple
//!   `(newobj, newargs, state, listitems, dictitems)`.
//!
//! **`__getstate__()`** (`object_getstate_default`): the instance dict (`None` when empty), and
//! when the class has slots (`copyreg._slotnames`, cached in `__slotnames__`) the pair
//! `(dict_or_None, {slot: value})` of the slots that are set. The reduce asks for a *required*
//! state when nothing else (`__new__` arguments, list or dict items) rebuilds the object: then
//! an object whose layout holds more than `object`'s (its nearest builtin base is larger than
//! `object`: functions, modules, ...) cannot be pickled (`cannot pickle 'function' object`), as
//! CPython's `tp_basicsize` test decides. A type without `__new__` (generators, ...) cannot be
//! reduced at all.

use super::abstract_ops as ops;
use super::builtin::{BuiltinFunction, args};
use super::dict::{as_dict, new_dict};
use super::header::PyObject;
use super::immortal::{immortals, intern, types};
use super::list::as_list;
use super::obj::Obj;
use super::tuple::{items, new_tuple};
use super::typeobj::TypeObject;
use crate::error::{PyErr, PyResult};

fn none() -> Obj {
    Obj::new_ref(immortals().none)
}

/// `object`'s own `__dict__` entry `name` (the method descriptor).
fn object_entry(name: &str) -> Option<Obj> {
    types().object_type.dict().and_then(as_dict).and_then(|d| d.get_str(&intern(name).ob_base))
}

/// `getattr(o, name)`, `None` for an `AttributeError` (`PyObject_GetOptionalAttr`).
fn optional_attr(o: &PyObject, name: &str) -> PyResult<Option<Obj>> {
    match ops::get_attr_str(o, name) {
        Ok(v) => Ok(Some(v)),
        Err(e) if e.matches(types().exc.named("AttributeError")) => Ok(None),
        Err(e) => Err(e),
    }
}

/// `object.__reduce_ex__(self, protocol, /)`.
pub(crate) fn object_reduce_ex(a: &[Obj], k: Option<&PyObject>) -> PyResult<Obj> {
    let (s, r) = args::method("object.__reduce_ex__", a, k, 1, 1)?;
    let protocol = int_protocol(&r[0])?;
    if let Some(reduce) = optional_attr(s, "__reduce__")? {
        let class_reduce = ops::get_attr_str(s.type_object().as_object(), "__reduce__")?;
        let overridden = object_entry("__reduce__").is_none_or(|own| !own.is(&class_reduce));
        if overridden {
            return ops::call(&reduce, &[], None);
        }
    }
    common_reduce(s, protocol)
}

/// `object.__reduce__(self, /)`: the common reduce with protocol 0.
pub(crate) fn object_reduce(a: &[Obj], k: Option<&PyObject>) -> PyResult<Obj> {
    let (s, _) = args::method("object.__reduce__", a, k, 0, 0)?;
    common_reduce(s, 0)
}

/// `object.__getstate__(self, /)`: the default state, not required.
pub(crate) fn object_getstate(a: &[Obj], k: Option<&PyObject>) -> PyResult<Obj> {
    let (s, _) = args::method("object.__getstate__", a, k, 0, 0)?;
    getstate_default(s, false)
}

/// The `int` protocol argument (Argument Clinic's `int` converter).
fn int_protocol(o: &PyObject) -> PyResult<isize> {
    if super::float::as_float(o).is_some() {
        return Err(PyErr::type_error("'float' object cannot be interpreted as an integer"));
    }
    ops::index_isize(o)
}

/// `_common_reduce`.
fn common_reduce(s: &PyObject, protocol: isize) -> PyResult<Obj> {
    if protocol >= 2 {
        return reduce_newobj(s);
    }
    let copyreg = super::import_seam::import_module("copyreg")?;
    let reduce_ex = ops::get_attr_str(&copyreg, "_reduce_ex")?;
    ops::call(&reduce_ex, &[Obj::new_ref(s), super::int::new_int(protocol as i64)?], None)
}

/// `reduce_newobj`: see the module docs.
fn reduce_newobj(s: &PyObject) -> PyResult<Obj> {
    let ty = s.type_object();
    if ty.new.is_none() {
        return Err(cannot_pickle(ty));
    }
    let (args, kwargs) = new_arguments(s)?;
    let copyreg = super::import_seam::import_module("copyreg")?;
    let has_args = args.is_some();
    let cls = Obj::new_ref(ty.as_object());
    let (newobj, newargs) = match (&args, &kwargs) {
        (Some(args), Some(kwargs)) if as_dict(kwargs).is_some_and(|d| d.len() > 0) => {
            (ops::get_attr_str(&copyreg, "__newobj_ex__")?, new_tuple(vec![cls, args.clone(), kwargs.clone()])?)
        }
        _ => {
            let mut v = vec![cls];
            if let Some(args) = &args {
                v.extend(items(args).iter().cloned());
            }
            (ops::get_attr_str(&copyreg, "__newobj__")?, new_tuple(v)?)
        }
    };
    let is_list = ty.is_subtype(types().list_type);
    let is_dict = ty.is_subtype(types().dict_type);
    let state = getstate(s, !(has_args || is_list || is_dict))?;
    let list_items = if is_list { ops::get_iter(s)? } else { none() };
    let dict_items = if is_dict {
        let items_method = ops::get_attr_str(s, "items")?;
        let pairs = ops::call(&items_method, &[], None)?;
        ops::get_iter(&pairs)?
    } else {
        none()
    };
    new_tuple(vec![newobj, newargs, state, list_items, dict_items])
}

#[cold]
fn cannot_pickle(ty: &TypeObject) -> PyErr {
    PyErr::type_error(format!("cannot pickle '{}' object", ty.name()))
}

/// `_PyObject_GetNewArguments`: `(args, kwargs)` from `__getnewargs_ex__` or
/// `(args, None)` from `__getnewargs__`, each checked as CPython checks them.
fn new_arguments(s: &PyObject) -> PyResult<(Option<Obj>, Option<Obj>)> {
    if let Some(f) = ops::lookup_special(s, "__getnewargs_ex__")? {
        let pair = ops::call(&f, &[], None)?;
        if !ops::is_instance(&pair, types().tuple_type) {
            return Err(PyErr::type_error(format!(
                "__getnewargs_ex__ should return a tuple, not '{}'",
                ops::type_name(&pair)
            )));
        }
        let both = items(&pair);
        if both.len() != 2 {
            return Err(PyErr::value_error(format!(
                "__getnewargs_ex__ should return a tuple of length 2, not {}",
                both.len()
            )));
        }
        let (args, kwargs) = (both[0].clone(), both[1].clone());
        if !ops::is_instance(&args, types().tuple_type) {
            return Err(PyErr::type_error(format!(
                "first item of the tuple returned by __getnewargs_ex__ must be a tuple, not '{}'",
                ops::type_name(&args)
            )));
        }
        if !ops::is_instance(&kwargs, types().dict_type) {
            return Err(PyErr::type_error(format!(
                "second item of the tuple returned by __getnewargs_ex__ must be a dict, not '{}'",
                ops::type_name(&kwargs)
            )));
        }
        return Ok((Some(args), Some(kwargs)));
    }
    if let Some(f) = ops::lookup_special(s, "__getnewargs__")? {
        let args = ops::call(&f, &[], None)?;
        if !ops::is_instance(&args, types().tuple_type) {
            return Err(PyErr::type_error(format!(
                "__getnewargs__ should return a tuple, not '{}'",
                ops::type_name(&args)
            )));
        }
        return Ok((Some(args), None));
    }
    Ok((None, None))
}

/// `object_getstate`: `self.__getstate__()`, passing `required` on when it is `object`'s own.
fn getstate(s: &PyObject, required: bool) -> PyResult<Obj> {
    let f = ops::get_attr_str(s, "__getstate__")?;
    if is_objects_getstate_bound_to(&f, s) {
        return getstate_default(s, required);
    }
    ops::call(&f, &[], None)
}

/// Whether `f` is `object.__getstate__` bound to `s` (CPython compares the C function).
fn is_objects_getstate_bound_to(f: &PyObject, s: &PyObject) -> bool {
    if !std::ptr::eq(f.type_object(), types().builtin_function_type) {
        return false;
    }
    // SAFETY: objects of the builtin function type are BuiltinFunction.
    let bf = unsafe { f.cast::<BuiltinFunction>() };
    bf.def.name == "__getstate__"
        && bf.self_.as_deref().is_some_and(|o| o.is(s))
        && super::attr::lookup_str(s.type_object(), "__getstate__")
            .zip(object_entry("__getstate__"))
            .is_some_and(|(found, own)| found.is(&own))
}

/// The nearest builtin (static) type on `ty`'s chain of `__base__`: the layout its instances
/// share with the builtin type (CPython's solid base).
fn builtin_base(ty: &TypeObject) -> &TypeObject {
    let mut t = ty;
    while t.is_heap() {
        match t.base() {
            Some(b) => t = b,
            None => break,
        }
    }
    t
}

/// `object_getstate_default`: see the module docs.
fn getstate_default(s: &PyObject, required: bool) -> PyResult<Obj> {
    let ty = s.type_object();
    if required && builtin_base(ty).basic_size > types().object_type.basic_size {
        return Err(cannot_pickle(ty));
    }
    let dict = super::attr::instance_dict(s)?;
    let mut state = match dict {
        Some(d) if as_dict(&d).is_none_or(|dd| dd.len() > 0) => d,
        _ => none(),
    };
    let slot_names = slot_names(ty)?;
    if let Some(names) = slot_names.as_deref().and_then(as_list) {
        // A copy: getting an attribute runs Python code, which may change the list.
        let listed: Vec<Obj> = names.items().to_vec();
        if !listed.is_empty() {
            let slots = new_dict()?;
            let sd = as_dict(&slots).expect("a dict");
            for name in listed.iter() {
                if let Some(value) = optional_attr_obj(s, name)? {
                    sd.set(name.clone(), value)?;
                }
                if names.len() != listed.len() {
                    return Err(PyErr::runtime_error("__slotsname__ changed size during iteration"));
                }
            }
            if sd.len() > 0 {
                state = new_tuple(vec![state, slots])?;
            }
        }
    }
    Ok(state)
}

/// `getattr(o, name)` for a name object, `None` for an `AttributeError`.
fn optional_attr_obj(o: &PyObject, name: &PyObject) -> PyResult<Option<Obj>> {
    match ops::get_attr(o, name) {
        Ok(v) => Ok(Some(v)),
        Err(e) if e.matches(types().exc.named("AttributeError")) => Ok(None),
        Err(e) => Err(e),
    }
}

/// `_PyType_GetSlotNames`: the class's cached `__slotnames__` (a list or `None`), else
/// `copyreg._slotnames(cls)`, which computes and caches it. `None` stands for `None`.
fn slot_names(ty: &TypeObject) -> PyResult<Option<Obj>> {
    let cached = ty.dict().and_then(as_dict).and_then(|d| d.get_str(&intern("__slotnames__").ob_base));
    let names = match cached {
        Some(names) => {
            if !names.is(immortals().none) && as_list(&names).is_none() {
                return Err(PyErr::type_error(format!(
                    "{}.__slotnames__ should be a list or None, not {}",
                    ty.name(),
                    ops::type_name(&names)
                )));
            }
            names
        }
        None => {
            let copyreg = super::import_seam::import_module("copyreg")?;
            let f = ops::get_attr_str(&copyreg, "_slotnames")?;
            let names = ops::call(&f, &[Obj::new_ref(ty.as_object())], None)?;
            if !names.is(immortals().none) && as_list(&names).is_none() {
                return Err(PyErr::type_error("copyreg._slotnames didn't return a list or None"));
            }
            names
        }
    };
    Ok(if names.is(immortals().none) { None } else { Some(names) })
}

#[cfg(all(test, not(loom)))]
mod tests {
    use super::*;

    #[test]
    fn a_plain_object_reduces_to_newobj_of_its_class() {
        crate::state::Runtime::initialize();
        crate::attach(|_py| {
            let t = types();
            assert!(std::ptr::eq(builtin_base(t.function_type), t.function_type));
            let o = ops::call(t.object_type.as_object(), &[], None).unwrap();
            assert!(object_getstate(&[o.clone()], None).unwrap().is(immortals().none));
            let r = object_reduce_ex(&[o.clone(), super::super::int::new_int(2).unwrap()], None).unwrap();
            let parts = items(&r);
            assert_eq!(parts.len(), 5);
            assert_eq!(
                ops::get_attr_str(&parts[0], "__name__").ok().as_deref().and_then(super::super::str::str_value),
                Some("__newobj__")
            );
            assert!(items(&parts[1])[0].is(t.object_type.as_object()));
            let e = object_reduce_ex(&[o], None).unwrap_err();
            assert_eq!(
                super::super::exceptions::message_text(&e.into_object()),
                "object.__reduce_ex__() takes exactly one argument (0 given)"
            );
        });
    }
}
