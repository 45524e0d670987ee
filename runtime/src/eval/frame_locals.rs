//! `FrameLocalsProxy` (PEP 667): `frame.f_locals` of a function frame.
//!
//! The proxy holds the frame object and reads or writes the frame's variables each time it is
//! used: the localsplus values of the running frame (through
//! [`frame_object::with_locals`]) or of its snapshot once the frame has finished. A name is a
//! key while its variable has a value; a cell or free variable shows its cell's contents and a
//! write goes into the cell, as CPython 3.13's `framelocalsproxy` does. Keys that are not
//! variables of the code object (CPython keeps them in a per-frame dict) are not supported:
//! writing one raises `KeyError`; deleting a variable raises CPython's `ValueError`.

use std::ptr::NonNull;

use pyrt_compile::LocalKind;

use super::frame_object::{self, code};
use crate::error::{PyErr, PyResult};
use crate::object::PyObject;
use crate::object::alloc::{alloc, drop_and_free};
use crate::object::builtin::{MethodDef, args};
use crate::object::code::as_code;
use crate::object::dict::{as_dict, new_dict};
use crate::object::function::as_cell;
use crate::object::immortal::{new_static_type, types};
use crate::object::list::new_list;
use crate::object::obj::Obj;
use crate::object::str::str_value;
use crate::object::tuple::new_tuple;
use crate::object::typeobj::TypeObject;

/// A `FrameLocalsProxy`.
#[repr(C)]
struct ProxyObject {
    ob_base: PyObject,
    frame: Obj,
}

/// A new proxy over the frame object `frame`.
pub(super) fn new_proxy(frame: &PyObject) -> PyResult<Obj> {
    // SAFETY: ProxyObject starts with the header; its deallocator drops it.
    unsafe { alloc(types().frame_types.locals_proxy, |ob_base| ProxyObject { ob_base, frame: Obj::new_ref(frame) }) }
}

fn frame_of_proxy(o: &PyObject) -> PyResult<&PyObject> {
    if !std::ptr::eq(o.type_object(), types().frame_types.locals_proxy) {
        return Err(PyErr::type_error("descriptor requires a 'FrameLocalsProxy' object"));
    }
    // SAFETY: checked type.
    Ok(&unsafe { o.cast::<ProxyObject>() }.frame)
}

/// The value a localsplus slot shows (`None`: no value, not a key).
fn slot_value(kind: LocalKind, slot: &Option<Obj>) -> Option<Obj> {
    let v = slot.as_ref()?;
    if kind.contains(LocalKind::CELL) || kind.contains(LocalKind::FREE) {
        if let Some(c) = as_cell(v) {
            return c.get();
        }
    }
    Some(v.clone())
}

/// The frame's variables that have values, in localsplus order.
fn items_of(frame: &PyObject) -> PyResult<Vec<(Obj, Obj)>> {
    let code = as_code(code(frame)).ok_or_else(|| PyErr::type_error("a frame without code"))?;
    Ok(frame_object::with_locals(frame, |window, _| {
        let mut out = Vec::new();
        for (i, slot) in window.iter().enumerate() {
            let kind = code.code.localsplus_kinds[i];
            if let Some(v) = slot_value(kind, slot) {
                out.push((code.localsplus_names[i].clone(), v));
            }
        }
        out
    }))
}

fn index_of(frame: &PyObject, key: &PyObject) -> Option<usize> {
    let code = as_code(code(frame))?;
    let name = str_value(key)?;
    code.localsplus_names.iter().position(|n| str_value(n) == Some(name))
}

fn proxy_getitem(o: &PyObject, key: &PyObject) -> PyResult<Obj> {
    let frame = frame_of_proxy(o)?;
    let code = as_code(code(frame)).ok_or_else(|| PyErr::type_error("a frame without code"))?;
    if let Some(i) = index_of(frame, key) {
        let kind = code.code.localsplus_kinds[i];
        if let Some(v) = frame_object::with_locals(frame, |window, _| slot_value(kind, &window[i])) {
            return Ok(v);
        }
    }
    // CPython 3.13's message quotes the key's repr once more.
    let r = crate::object::abstract_ops::repr(key)?;
    let msg =
        crate::object::str::new_str(&format!("local variable '{}' is not defined", str_value(&r).unwrap_or("?")))?;
    Err(PyErr::key_error(&msg))
}

fn proxy_setitem(o: &PyObject, key: &PyObject, value: Option<&PyObject>) -> PyResult<()> {
    let frame = frame_of_proxy(o)?;
    let code = as_code(code(frame)).ok_or_else(|| PyErr::type_error("a frame without code"))?;
    let Some(value) = value else {
        return Err(PyErr::value_error("cannot remove variables from FrameLocalsProxy"));
    };
    let Some(i) = index_of(frame, key) else { return Err(PyErr::key_error(key)) };
    let kind = code.code.localsplus_kinds[i];
    frame_object::with_locals(frame, |window, _| {
        if kind.contains(LocalKind::CELL) || kind.contains(LocalKind::FREE) {
            if let Some(c) = window[i].as_deref().and_then(as_cell) {
                c.set(Some(Obj::new_ref(value)));
                return;
            }
        }
        window[i] = Some(Obj::new_ref(value));
    });
    Ok(())
}

fn proxy_len(o: &PyObject) -> PyResult<usize> {
    Ok(items_of(frame_of_proxy(o)?)?.len())
}

fn keys_list(o: &PyObject) -> PyResult<Obj> {
    new_list(items_of(frame_of_proxy(o)?)?.into_iter().map(|(k, _)| k).collect())
}

fn proxy_iter(o: &PyObject) -> PyResult<Obj> {
    let keys = keys_list(o)?;
    crate::object::abstract_ops::get_iter(&keys)
}

/// A dict with the proxy's items (for `repr`, `copy()` and comparisons).
fn as_new_dict(o: &PyObject) -> PyResult<Obj> {
    let d = new_dict()?;
    for (k, v) in items_of(frame_of_proxy(o)?)? {
        as_dict(&d).expect("a dict").set(k, v)?;
    }
    Ok(d)
}

fn proxy_repr(o: &PyObject) -> PyResult<Obj> {
    let d = as_new_dict(o)?;
    crate::object::abstract_ops::repr(&d)
}

fn proxy_get(a: &[Obj], k: Option<&PyObject>) -> PyResult<Obj> {
    let a = args::exact("get", a, k, 2, 3)?;
    match proxy_getitem(&a[0], &a[1]) {
        Ok(v) => Ok(v),
        Err(e) if e.matches(types().exc.named("KeyError")) => Ok(a.get(2).cloned().unwrap_or_else(args::none)),
        Err(e) => Err(e),
    }
}

pub(super) static METHODS: &[MethodDef] = &[
    MethodDef::method("keys", |a, k| keys_list(&args::exact("keys", a, k, 1, 1)?[0])),
    MethodDef::method("values", |a, k| {
        let a = args::exact("values", a, k, 1, 1)?;
        new_list(items_of(frame_of_proxy(&a[0])?)?.into_iter().map(|(_, v)| v).collect())
    }),
    MethodDef::method("items", |a, k| {
        let a = args::exact("items", a, k, 1, 1)?;
        let pairs: PyResult<Vec<Obj>> =
            items_of(frame_of_proxy(&a[0])?)?.into_iter().map(|(k, v)| new_tuple(vec![k, v])).collect();
        new_list(pairs?)
    }),
    MethodDef::method("get", proxy_get),
    MethodDef::method("copy", |a, k| as_new_dict(&args::exact("copy", a, k, 1, 1)?[0])),
    MethodDef::method("__contains__", |a, k| {
        let a = args::exact("__contains__", a, k, 2, 2)?;
        let frame = frame_of_proxy(&a[0])?;
        Ok(crate::object::int::new_bool(
            items_of(frame)?.iter().any(|(n, _)| str_value(n).is_some() && str_value(n) == str_value(&a[1])),
        ))
    }),
];

/// # Safety
///
/// See [`crate::object::typeobj::DeallocFn`].
unsafe fn dealloc_proxy(op: NonNull<PyObject>) {
    // SAFETY: forwarded contract.
    unsafe { drop_and_free::<ProxyObject>(op) }
}

pub(super) fn make_type(type_type: &'static TypeObject) -> &'static TypeObject {
    new_static_type(type_type, "FrameLocalsProxy", size_of::<ProxyObject>(), 0, dealloc_proxy, |t| {
        t.repr = Some(proxy_repr);
        t.iter = Some(proxy_iter);
        t.mapping.length = Some(proxy_len);
        t.mapping.subscript = Some(proxy_getitem);
        t.mapping.ass_subscript = Some(proxy_setitem);
    })
}
