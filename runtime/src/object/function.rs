//! Python functions, cells and bound methods.
//!
//! A function is its code object, its globals and builtins, name and qualname, defaults,
//! keyword-only defaults and closure (a tuple of cells). Calling it from Rust goes through the
//! eval loop ([`crate::eval::call_function`]); the eval loop itself calls Python functions
//! without native recursion. `function.__get__` makes a bound method, which calls its function
//! with the instance first.

use std::cell::UnsafeCell;
use std::ptr::NonNull;

use super::alloc::{alloc, drop_and_free};
use super::header::PyObject;
use super::immortal::{immortals, types, types_known_made};
use super::obj::Obj;
use super::obj_cell::ObjCell;
use crate::error::PyResult;

/// A Python function.
///
/// The attributes that change after creation are [`ObjCell`]s: written through a shared
/// reference (`f.__defaults__ = ...`, `SET_FUNCTION_ATTRIBUTE`), they are only copied in and
/// out, so no borrow of one outlives an access.
#[repr(C)]
pub struct FunctionObject {
    /// Header.
    pub ob_base: PyObject,
    /// `__dict__`.
    /// (written only through `attr::dict_slot`: an `UnsafeCell` because it changes behind `&`)
    pub(crate) dict: UnsafeCell<Option<Obj>>,
    /// `__code__` (a `CodeObj`).
    pub code: Obj,
    /// `__globals__`.
    pub globals: Obj,
    /// The builtins dict the function sees.
    pub builtins: Obj,
    /// `__defaults__` (a tuple) or `None`.
    pub(crate) defaults: ObjCell<Option<Obj>>,
    /// `__kwdefaults__` (a dict) or `None`.
    pub(crate) kwdefaults: ObjCell<Option<Obj>>,
    /// `__closure__` (a tuple of cells) or `None`.
    pub(crate) closure: ObjCell<Option<Obj>>,
    /// `__name__`.
    pub(crate) name: ObjCell<Obj>,
    /// `__qualname__`.
    pub(crate) qualname: ObjCell<Obj>,
    /// `__doc__`.
    pub(crate) doc: ObjCell<Option<Obj>>,
    /// `__annotations__`: the compiler's flat `(name, value, ...)` tuple, or the dict made
    /// from it on first read (see `function_attrs`).
    pub(crate) annotations: ObjCell<Option<Obj>>,
    /// `__module__`: the globals' `__name__` when the function was made.
    pub(crate) module: ObjCell<Option<Obj>>,
}

impl FunctionObject {
    /// `__qualname__` as text (`?` when it is not a `str`), for reprs and messages.
    pub(crate) fn qualname_text(&self) -> String {
        super::str::str_value(&self.qualname.get()).unwrap_or("?").to_owned()
    }

    /// `__code__`, read without a type test (the call guards read it on every call): a
    /// function's code is a code object ([`new_function`] makes no other) and never changes.
    #[inline(always)]
    pub(crate) fn code_obj(&self) -> &super::code::CodeObj {
        debug_assert!(super::code::as_code(&self.code).is_some());
        // SAFETY: see above; the function holds the reference for as long as `self` is borrowed.
        unsafe { self.code.cast::<super::code::CodeObj>() }
    }

    /// The number of `__defaults__` (0 without them).
    #[inline]
    pub(crate) fn defaults_len(&self) -> usize {
        // SAFETY: the loan ends after a length read, which runs no code.
        unsafe { self.defaults.with_borrowed(|d| d.as_deref().map_or(0, |d| super::tuple::items(d).len())) }
    }
}

/// The function behind `obj`.
#[inline]
pub fn as_function(obj: &PyObject) -> Option<&FunctionObject> {
    if std::ptr::eq(obj.type_object(), types_known_made(obj).function_type) {
        // SAFETY: function instances are FunctionObject.
        Some(unsafe { obj.cast::<FunctionObject>() })
    } else {
        None
    }
}

/// A new function running the code object `code` (a `TypeError` for anything else: a
/// function's code is always a code object, which [`FunctionObject::code_obj`] relies on).
pub fn new_function(code: Obj, globals: Obj, builtins: Obj, qualname: Obj) -> PyResult<Obj> {
    let name = match super::code::as_code(&code) {
        Some(c) => Obj::new_ref(&super::immortal::intern(&c.code.name).ob_base),
        None => return Err(crate::error::PyErr::type_error("function() argument 'code' must be code")),
    };
    // CPython 3.13: a function's docstring is its code's first constant when that is a `str`
    // (the compiler puts `None` first in functions without one).
    let doc = super::code::as_code(&code)
        .and_then(|c| c.consts.first().cloned())
        .filter(|d| std::ptr::eq(d.type_object(), types().str_type));
    let module = super::dict::as_dict(&globals).and_then(|g| g.get_str(&super::immortal::intern("__name__").ob_base));
    // SAFETY: FunctionObject starts with the header; its deallocator drops it.
    unsafe {
        alloc(types().function_type, |ob_base| FunctionObject {
            ob_base,
            dict: UnsafeCell::new(None),
            code,
            globals,
            builtins,
            defaults: ObjCell::new(None),
            kwdefaults: ObjCell::new(None),
            closure: ObjCell::new(None),
            name: ObjCell::new(name),
            qualname: ObjCell::new(qualname),
            doc: ObjCell::new(doc),
            annotations: ObjCell::new(None),
            module: ObjCell::new(module),
        })
    }
}

/// `function.__get__`: a bound method for an instance, the function itself for a class.
pub(crate) fn function_get(f: &PyObject, obj: Option<&PyObject>, _ty: &PyObject) -> PyResult<Obj> {
    match obj {
        Some(o) if !o.is(immortals().none) => new_method(Obj::new_ref(f), Obj::new_ref(o)),
        _ => Ok(Obj::new_ref(f)),
    }
}

/// `repr(function)`.
pub(crate) fn function_repr(o: &PyObject) -> PyResult<Obj> {
    let f = as_function(o).expect("a function");
    let q = f.qualname_text();
    super::str::new_str(&format!("<function {q} at {:#x}>", o.addr()))
}

/// # Safety
///
/// See [`super::typeobj::DeallocFn`].
pub(crate) unsafe fn dealloc_function(op: NonNull<PyObject>) {
    // SAFETY: forwarded contract.
    unsafe { drop_and_free::<FunctionObject>(op) }
}

/// A cell (a variable captured by an inner function).
#[repr(C)]
pub struct CellObject {
    /// Header.
    pub ob_base: PyObject,
    contents: UnsafeCell<Option<Obj>>,
}

impl CellObject {
    /// The contents (`None`: empty).
    pub fn get(&self) -> Option<Obj> {
        // SAFETY: serialised by the interpreter lock; a short access.
        unsafe { (*self.contents.get()).clone() }
    }

    /// Replaces the contents (the old value is dropped after the write).
    pub fn set(&self, v: Option<Obj>) {
        // SAFETY: as in `get`.
        let old = unsafe { std::mem::replace(&mut *self.contents.get(), v) };
        drop(old);
    }
}

/// A new cell.
pub fn new_cell(v: Option<Obj>) -> PyResult<Obj> {
    // SAFETY: CellObject starts with the header; its deallocator drops it.
    unsafe { alloc(types().cell_type, |ob_base| CellObject { ob_base, contents: UnsafeCell::new(v) }) }
}

/// The cell behind `obj`.
#[inline]
pub fn as_cell(obj: &PyObject) -> Option<&CellObject> {
    if std::ptr::eq(obj.type_object(), types_known_made(obj).cell_type) {
        // SAFETY: cell instances are CellObject.
        Some(unsafe { obj.cast::<CellObject>() })
    } else {
        None
    }
}

/// # Safety
///
/// See [`super::typeobj::DeallocFn`].
pub(crate) unsafe fn dealloc_cell(op: NonNull<PyObject>) {
    // SAFETY: forwarded contract.
    unsafe { drop_and_free::<CellObject>(op) }
}

/// A bound method: a function and the instance it was looked up on.
#[repr(C)]
pub struct MethodObject {
    /// Header.
    pub ob_base: PyObject,
    /// `__func__`.
    pub func: Obj,
    /// `__self__`.
    pub self_: Obj,
}

/// A new bound method.
pub fn new_method(func: Obj, self_: Obj) -> PyResult<Obj> {
    // SAFETY: MethodObject starts with the header; its deallocator drops it.
    unsafe { alloc(types().method_type, |ob_base| MethodObject { ob_base, func, self_ }) }
}

/// The bound method behind `obj`.
#[inline]
pub fn as_method(obj: &PyObject) -> Option<&MethodObject> {
    if std::ptr::eq(obj.type_object(), types_known_made(obj).method_type) {
        // SAFETY: method instances are MethodObject.
        Some(unsafe { obj.cast::<MethodObject>() })
    } else {
        None
    }
}

/// `method.__call__`: the function with the instance first.
pub(crate) fn method_call(m: &PyObject, args: &[Obj], kwnames: Option<&PyObject>) -> PyResult<Obj> {
    let m = as_method(m).expect("a method");
    let mut full = Vec::with_capacity(args.len() + 1);
    full.push(m.self_.clone());
    full.extend_from_slice(args);
    super::abstract_ops::call(&m.func, &full, kwnames)
}

/// `repr(method)`.
pub(crate) fn method_repr(o: &PyObject) -> PyResult<Obj> {
    let m = as_method(o).expect("a method");
    // CPython's `method_repr`: the callable's `__qualname__`, else its `__name__`, if a str.
    let mut name = super::exception_group::optional_attr(&m.func, "__qualname__")?;
    if name.is_none() {
        name = super::exception_group::optional_attr(&m.func, "__name__")?;
    }
    let q = name.as_deref().and_then(super::str::str_value).unwrap_or("?").to_owned();
    let r = super::abstract_ops::repr_text(&m.self_)?;
    super::str::new_str(&format!("<bound method {q} of {r}>"))
}

/// # Safety
///
/// See [`super::typeobj::DeallocFn`].
pub(crate) unsafe fn dealloc_method(op: NonNull<PyObject>) {
    // SAFETY: forwarded contract.
    unsafe { drop_and_free::<MethodObject>(op) }
}
