//! `types.SimpleNamespace` (CPython's `Objects/namespaceobject.c`): an object whose attributes
//! are its `__dict__`.
//!
//! `SimpleNamespace(mapping_or_iterable=(), /, **kwargs)` fills the dict from the optional
//! positional mapping (or iterable of pairs) and then the keywords; every key must be a `str`.
//! The repr lists the attributes in insertion order (`namespace(a=1, b='x')`, the class name
//! instead of `namespace` for a subclass, `namespace(...)` for a namespace inside its own
//! repr); two namespaces are equal when their dicts are.

use std::ptr::NonNull;

use super::abstract_ops as ops;
use super::builtin::args;
use super::dict::{as_dict, new_dict};
use super::header::PyObject;
use super::immortal::{TypeSpec, immortals, new_static_type, types};
use super::int::new_bool;
use super::obj::Obj;
use super::str::{new_str, str_value};
use super::typeobj::{CompareOp, TypeObject};
use crate::error::{PyErr, PyResult};

/// A `SimpleNamespace`.
#[repr(C)]
pub struct Namespace {
    /// Header.
    pub ob_base: PyObject,
    /// The attributes (the type's `dict_offset` points here).
    /// (written only through `attr::dict_slot`: an `UnsafeCell` because it changes behind `&`)
    dict: std::cell::UnsafeCell<Option<Obj>>,
}

fn dict_of(o: &PyObject) -> PyResult<Obj> {
    super::attr::instance_dict(o)?.ok_or_else(|| PyErr::type_error("a namespace without a __dict__"))
}

fn namespace_new(ty: &TypeObject, _argv: &[Obj], _kwnames: Option<&PyObject>) -> PyResult<Obj> {
    let dict = new_dict()?;
    // SAFETY: Namespace starts with the header; the type's deallocator drops it.
    unsafe { super::alloc::alloc(ty, |ob_base| Namespace { ob_base, dict: std::cell::UnsafeCell::new(Some(dict)) }) }
}

fn namespace_init(o: &PyObject, argv: &[Obj], kwnames: Option<&PyObject>) -> PyResult<()> {
    let pos = args::positional(argv, kwnames);
    if pos.len() > 1 {
        return Err(PyErr::type_error(format!("SimpleNamespace expected at most 1 argument, got {}", pos.len())));
    }
    let dict = dict_of(o)?;
    let d = as_dict(&dict).expect("a dict");
    if let Some(src) = pos.first() {
        let pairs: Vec<(Obj, Obj)> = match as_dict(src) {
            Some(s) => s.items(),
            None => {
                let keys = ops::get_attr_str(src, "keys");
                match keys {
                    Ok(keys) => {
                        let mut out = Vec::new();
                        for k in ops::collect(&*ops::call(&keys, &[], None)?)? {
                            let v = ops::get_item(src, &k)?;
                            out.push((k, v));
                        }
                        out
                    }
                    Err(_) => {
                        let mut out = Vec::new();
                        for pair in ops::collect(src)? {
                            let kv = ops::collect(&pair)?;
                            if kv.len() != 2 {
                                return Err(PyErr::value_error(format!(
                                    "dictionary update sequence element #{} has length {}; 2 is required",
                                    out.len(),
                                    kv.len()
                                )));
                            }
                            out.push((kv[0].clone(), kv[1].clone()));
                        }
                        out
                    }
                }
            }
        };
        for (k, v) in pairs {
            if str_value(&k).is_none() {
                return Err(PyErr::type_error("keywords must be strings"));
            }
            d.set(k, v)?;
        }
    }
    for (name, v) in args::keywords(argv, kwnames) {
        d.set(new_str(name)?, v.clone())?;
    }
    Ok(())
}

fn namespace_repr(o: &PyObject) -> PyResult<Obj> {
    let name = if std::ptr::eq(o.type_object(), types().namespace_type) {
        "namespace".to_owned()
    } else {
        o.type_object().name().to_owned()
    };
    let Some(_guard) = super::repr_guard::enter(o) else { return new_str(&format!("{name}(...)")) };
    let dict = dict_of(o)?;
    let mut parts = Vec::new();
    for (k, v) in as_dict(&dict).expect("a dict").items() {
        if let Some(k) = str_value(&k) {
            parts.push(format!("{k}={}", ops::repr_text(&v)?));
        }
    }
    new_str(&format!("{name}({})", parts.join(", ")))
}

fn namespace_richcompare(a: &PyObject, b: &PyObject, op: CompareOp) -> PyResult<Obj> {
    let ns = types().namespace_type;
    if !a.type_object().is_subtype(ns)
        || !b.type_object().is_subtype(ns)
        || !matches!(op, CompareOp::Eq | CompareOp::Ne)
    {
        return Ok(Obj::new_ref(immortals().not_implemented));
    }
    let eq = ops::rich_compare_bool(&*dict_of(a)?, &*dict_of(b)?, CompareOp::Eq)?;
    Ok(new_bool(eq == (op == CompareOp::Eq)))
}

/// # Safety
///
/// See [`super::typeobj::DeallocFn`].
unsafe fn dealloc_namespace(op: NonNull<PyObject>) {
    // SAFETY: forwarded contract.
    unsafe { super::alloc::drop_and_free::<Namespace>(op) }
}

/// Phase one of the static types: `types.SimpleNamespace`.
pub(crate) fn make_namespace_type(
    type_type: &'static TypeObject,
    object_type: &'static TypeObject,
    specs: &mut Vec<TypeSpec>,
) -> &'static TypeObject {
    let t = new_static_type(type_type, "types.SimpleNamespace", size_of::<Namespace>(), 0, dealloc_namespace, |t| {
        t.dict_offset = std::mem::offset_of!(Namespace, dict);
        t.new = Some(namespace_new);
        t.init = Some(namespace_init);
        t.repr = Some(namespace_repr);
        t.richcompare = Some(namespace_richcompare);
        t.setattro = Some(super::attr::generic_setattr);
    });
    specs.push(TypeSpec { ty: t, base: Some(object_type), methods: &[], getsets: &[] });
    t
}
