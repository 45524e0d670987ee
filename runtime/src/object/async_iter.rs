//! `aiter()`, `anext()` and `anext_awaitable` (CPython's `Python/bltinmodule.c` and
//! `Objects/iterobject.c`).
//!
//! `aiter(x)` is `type(x).__aiter__(x)`, which must give an async iterator (a `__anext__`).
//! `anext(it)` is `type(it).__anext__(it)`. With a default, `anext(it, default)` wraps that
//! awaitable in an `anext_awaitable`: awaiting it drives the inner awaitable's `__await__`
//! iterator step by step (`__next__`, `send`, `throw`, `close` are forwarded), and when the
//! inner one raises `StopAsyncIteration` the wrapper finishes with `default` instead
//! (`StopIteration(default)`).

use std::ptr::NonNull;

use super::abstract_ops::{self as ops, type_name};
use super::builtin::{GetSetDef, MethodDef, args};
use super::header::PyObject;
use super::immortal::{TypeSpec, new_static_type, types};
use super::obj::Obj;
use super::typeobj::TypeObject;
use crate::error::{PyErr, PyResult};

/// `aiter(async_iterable)`.
pub(crate) fn builtin_aiter(a: &[Obj], k: Option<&PyObject>) -> PyResult<Obj> {
    let a = args::exact("aiter", a, k, 1, 1)?;
    let o = &a[0];
    let Some(f) = super::attr::lookup_str(o.type_object(), "__aiter__") else {
        return Err(PyErr::type_error(format!("'{}' object is not an async iterable", type_name(o))));
    };
    let it = ops::call(&f, std::slice::from_ref(o), None)?;
    if super::attr::lookup_str(it.type_object(), "__anext__").is_none() {
        return Err(PyErr::type_error(format!("aiter() returned not an async iterator of type '{}'", type_name(&it))));
    }
    Ok(it)
}

/// `anext(async_iterator[, default])`.
pub(crate) fn builtin_anext(a: &[Obj], k: Option<&PyObject>) -> PyResult<Obj> {
    let a = args::exact("anext", a, k, 1, 2)?;
    let it = &a[0];
    let Some(f) = super::attr::lookup_str(it.type_object(), "__anext__") else {
        return Err(PyErr::type_error(format!("'{}' object is not an async iterator", type_name(it))));
    };
    let awaitable = ops::call(&f, std::slice::from_ref(it), None)?;
    match a.get(1) {
        None => Ok(awaitable),
        Some(default) => {
            // SAFETY: AnextAwaitable starts with the header; its deallocator drops it.
            unsafe {
                super::alloc::alloc(types().anext_awaitable_type, |ob_base| AnextAwaitable {
                    ob_base,
                    wrapped: awaitable,
                    default: default.clone(),
                })
            }
        }
    }
}

/// `anext(it, default)`'s awaitable.
#[repr(C)]
pub struct AnextAwaitable {
    /// Header.
    pub ob_base: PyObject,
    wrapped: Obj,
    default: Obj,
}

fn awaitable_of(o: &PyObject) -> &AnextAwaitable {
    // SAFETY: only called on anext_awaitable instances (checked by the method descriptors and
    // the slots installed on that type alone).
    unsafe { o.cast::<AnextAwaitable>() }
}

/// The iterator that drives the wrapped awaitable (`anextawaitable_getiter`).
fn inner_iter(a: &AnextAwaitable) -> PyResult<Obj> {
    let w = &a.wrapped;
    let Some(await_) = super::attr::lookup_str(w.type_object(), "__await__") else {
        return Err(PyErr::type_error(format!("object {} can't be used in 'await' expression", type_name(w))));
    };
    let it = ops::call(&await_, std::slice::from_ref(w), None)?;
    if it.type_object().iternext.is_none() {
        return Err(PyErr::type_error(format!("__await__() returned non-iterator of type '{}'", type_name(&it))));
    }
    Ok(it)
}

/// Forwards one step to the inner iterator; `StopAsyncIteration` becomes the default value.
fn proxy(o: &PyObject, method: &str, argv: &[Obj]) -> PyResult<Obj> {
    let a = awaitable_of(o);
    let it = inner_iter(a)?;
    // By name, so that a finishing awaitable's `StopIteration(value)` reaches the caller.
    let r = ops::get_attr_str(&it, method).and_then(|m| ops::call(&m, argv, None));
    match r {
        Err(e) if e.matches(types().exc.named("StopAsyncIteration")) => {
            Err(PyErr::stop_iteration(Some(a.default.clone())))
        }
        r => r,
    }
}

/// `__next__`: a step of the inner awaitable; its end is raised as `StopIteration(value)` (the
/// awaited result), as the `await` machinery expects.
fn anext_next(o: &PyObject) -> PyResult<Option<Obj>> {
    proxy(o, "__next__", &[]).map(Some)
}

static ANEXT_METHODS: &[MethodDef] = &[
    MethodDef::method("__await__", |a, k| Ok(args::method("__await__", a, k, 0, 0)?.0.clone())),
    MethodDef::method("send", |a, k| {
        let (s, r) = args::method("send", a, k, 1, 1)?;
        proxy(s, "send", r)
    }),
    MethodDef::method("throw", |a, k| {
        let (s, r) = args::method("throw", a, k, 1, 3)?;
        proxy(s, "throw", r)
    }),
    MethodDef::method("close", |a, k| {
        let (s, _) = args::method("close", a, k, 0, 0)?;
        proxy(s, "close", &[])
    }),
];

/// # Safety
///
/// See [`super::typeobj::DeallocFn`].
unsafe fn dealloc_anext(op: NonNull<PyObject>) {
    // SAFETY: forwarded contract.
    unsafe { super::alloc::drop_and_free::<AnextAwaitable>(op) }
}

/// Phase one of the static types: `anext_awaitable`.
pub(crate) fn make_anext_type(
    type_type: &'static TypeObject,
    object_type: &'static TypeObject,
    specs: &mut Vec<TypeSpec>,
) -> &'static TypeObject {
    let t = new_static_type(type_type, "anext_awaitable", size_of::<AnextAwaitable>(), 0, dealloc_anext, |t| {
        t.iter = Some(|o| Ok(Obj::new_ref(o)));
        t.iternext = Some(anext_next);
        t.hash = Some(super::core_types::object_hash);
        t.richcompare = Some(super::core_types::object_richcompare);
    });
    static NO_GETSETS: &[GetSetDef] = &[];
    specs.push(TypeSpec { ty: t, base: Some(object_type), methods: ANEXT_METHODS, getsets: NO_GETSETS });
    t
}
