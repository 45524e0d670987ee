//! Functions written in Rust: method tables, builtin functions, method and getset descriptors.
//!
//! A builtin is a [`MethodDef`]: a name and a [`NativeFn`] taking the argument vector (the
//! vectorcall shape: positional arguments, then the values of the keyword arguments named by
//! `kwnames`). A method's receiver is `args[0]`. Static types list their methods as
//! `&'static [MethodDef]`; the registry wraps each in an immortal method descriptor in the
//! type's (process-wide, immutable) `__dict__`. `obj.method(...)` then calls the function with
//! the receiver and arguments already contiguous on the eval loop's stack — no bound method is
//! made. Builtin functions of modules (`len`, `print`) are immortal [`BuiltinFunction`]s shared
//! by every interpreter.

use super::header::PyObject;
use super::immortal::{immortals, types};
use super::obj::Obj;
use super::str::str_value;
use super::tuple;
use super::typeobj::TypeObject;
use crate::error::{PyErr, PyResult};

/// A function written in Rust: `args` (receiver first for methods), `kwnames` a tuple of
/// `str` naming the last `len(kwnames)` arguments.
pub type NativeFn = fn(&[Obj], Option<&PyObject>) -> PyResult<Obj>;

/// How a method binds.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum MethodKind {
    /// Receives the instance first.
    Instance,
    /// Receives the class first (`dict.fromkeys`).
    Class,
    /// Receives nothing extra.
    Static,
}

/// One builtin function or method.
pub struct MethodDef {
    /// `__name__`.
    pub name: &'static str,
    /// The code.
    pub func: NativeFn,
    /// How it binds.
    pub kind: MethodKind,
}

impl MethodDef {
    /// An instance method.
    pub const fn method(name: &'static str, func: NativeFn) -> MethodDef {
        MethodDef { name, func, kind: MethodKind::Instance }
    }

    /// A class method.
    pub const fn classmethod(name: &'static str, func: NativeFn) -> MethodDef {
        MethodDef { name, func, kind: MethodKind::Class }
    }

    /// A plain function (module-level builtins).
    pub const fn function(name: &'static str, func: NativeFn) -> MethodDef {
        MethodDef { name, func, kind: MethodKind::Static }
    }
}

/// A computed attribute of a builtin type (`__name__`, `args`, ...).
pub struct GetSetDef {
    /// The attribute name.
    pub name: &'static str,
    /// The getter.
    pub get: fn(&PyObject) -> PyResult<Obj>,
    /// The setter (`None` value: delete); read-only without one.
    pub set: Option<fn(&PyObject, Option<&PyObject>) -> PyResult<()>>,
}

/// A builtin function object (`builtin_function_or_method`), optionally bound to a receiver.
#[repr(C)]
pub struct BuiltinFunction {
    /// Header.
    pub ob_base: PyObject,
    /// What it runs.
    pub def: &'static MethodDef,
    /// The receiver of a bound builtin method (`[].append`), or the module.
    pub self_: Option<Obj>,
}

/// A method descriptor of a static type (`list.append`).
#[repr(C)]
pub struct MethodDescr {
    /// Header.
    pub ob_base: PyObject,
    /// What it runs.
    pub def: &'static MethodDef,
    /// The type it belongs to (static types only).
    pub owner: &'static TypeObject,
}

/// A getset descriptor of a static type.
#[repr(C)]
pub struct GetSetDescr {
    /// Header.
    pub ob_base: PyObject,
    /// The accessors.
    pub def: &'static GetSetDef,
    /// The type it belongs to.
    pub owner: &'static TypeObject,
}

/// `__name__`, `__qualname__` and `__self__` of builtin functions and methods.
pub(crate) static BUILTIN_FUNCTION_GETSETS: &[GetSetDef] = &[
    GetSetDef { name: "__name__", get: |o| super::str::new_str(builtin_of(o).def.name), set: None },
    GetSetDef { name: "__qualname__", get: |o| super::str::new_str(builtin_of(o).def.name), set: None },
    GetSetDef { name: "__self__", get: |o| Ok(builtin_of(o).self_.clone().unwrap_or_else(args::none)), set: None },
    GetSetDef { name: "__doc__", get: |_| Ok(args::none()), set: None },
];

/// `__name__`, `__qualname__`, `__objclass__`, `__doc__` and `__text_signature__` of method
/// descriptors (`list.append`; CPython's `method_getset`). pyrt keeps no docstrings or text
/// signatures for builtins: both are `None`.
pub(crate) static METHOD_DESCR_GETSETS: &[GetSetDef] = &[
    GetSetDef { name: "__name__", get: |o| super::str::new_str(method_descr_of(o).def.name), set: None },
    GetSetDef {
        name: "__qualname__",
        get: |o| {
            let d = method_descr_of(o);
            super::str::new_str(&format!("{}.{}", d.owner.name(), d.def.name))
        },
        set: None,
    },
    GetSetDef { name: "__objclass__", get: |o| Ok(Obj::new_ref(method_descr_of(o).owner.as_object())), set: None },
    GetSetDef { name: "__doc__", get: |_| Ok(args::none()), set: None },
    GetSetDef { name: "__text_signature__", get: |_| Ok(args::none()), set: None },
];

fn method_descr_of(o: &PyObject) -> &MethodDescr {
    // SAFETY: these getsets are only reachable from instances of the method descriptor type
    // (`getset_get` checks the receiver's type; the type has no subclasses).
    unsafe { o.cast::<MethodDescr>() }
}

/// `__name__`, `__qualname__`, `__objclass__` and `__doc__` of getset descriptors
/// (`type.__dict__['__name__']`; CPython's `getset_getset`).
pub(crate) static GETSET_DESCR_GETSETS: &[GetSetDef] = &[
    GetSetDef { name: "__name__", get: |o| super::str::new_str(getset_descr_of(o).def.name), set: None },
    GetSetDef {
        name: "__qualname__",
        get: |o| {
            let d = getset_descr_of(o);
            super::str::new_str(&format!("{}.{}", d.owner.name(), d.def.name))
        },
        set: None,
    },
    GetSetDef { name: "__objclass__", get: |o| Ok(Obj::new_ref(getset_descr_of(o).owner.as_object())), set: None },
    GetSetDef { name: "__doc__", get: |_| Ok(args::none()), set: None },
];

fn getset_descr_of(o: &PyObject) -> &GetSetDescr {
    // SAFETY: these getsets are only reachable from instances of the getset descriptor type
    // (`getset_get` checks the receiver's type; the type has no subclasses).
    unsafe { o.cast::<GetSetDescr>() }
}

fn builtin_of(o: &PyObject) -> &BuiltinFunction {
    // SAFETY: these getsets are only reachable from instances of the builtin function type.
    unsafe { o.cast::<BuiltinFunction>() }
}

/// An immortal builtin function (module-level builtins, shared by every interpreter).
pub fn leak_builtin(def: &'static MethodDef) -> &'static PyObject {
    // SAFETY: BuiltinFunction starts with the header; immortal.
    let f = unsafe {
        super::alloc::leak_immortal(types().builtin_function_type, |ob_base| BuiltinFunction {
            ob_base,
            def,
            self_: None,
        })
    };
    &f.ob_base
}

/// A builtin method bound to `receiver` (`[].append` used as a value).
pub fn new_bound_builtin(def: &'static MethodDef, receiver: Obj) -> PyResult<Obj> {
    // SAFETY: BuiltinFunction starts with the header; its deallocator drops it.
    unsafe {
        super::alloc::alloc(types().builtin_function_type, |ob_base| BuiltinFunction {
            ob_base,
            def,
            self_: Some(receiver),
        })
    }
}

pub(crate) fn leak_method_descr(
    def: &'static MethodDef,
    owner: &'static TypeObject,
    ty: &TypeObject,
) -> &'static PyObject {
    // SAFETY: MethodDescr starts with the header; immortal.
    let d = unsafe { super::alloc::leak_immortal(ty, |ob_base| MethodDescr { ob_base, def, owner }) };
    &d.ob_base
}

pub(crate) fn leak_getset_descr(
    def: &'static GetSetDef,
    owner: &'static TypeObject,
    ty: &TypeObject,
) -> &'static PyObject {
    // SAFETY: GetSetDescr starts with the header; immortal.
    let d = unsafe { super::alloc::leak_immortal(ty, |ob_base| GetSetDescr { ob_base, def, owner }) };
    &d.ob_base
}

/// `builtin_function_or_method.__call__`.
pub(crate) fn builtin_call(callable: &PyObject, args: &[Obj], kwnames: Option<&PyObject>) -> PyResult<Obj> {
    // SAFETY: only installed on the builtin function type.
    let f = unsafe { callable.cast::<BuiltinFunction>() };
    match (&f.self_, f.def.kind) {
        (Some(recv), MethodKind::Instance | MethodKind::Class) => {
            let mut full = Vec::with_capacity(args.len() + 1);
            full.push(recv.clone());
            full.extend_from_slice(args);
            (f.def.func)(&full, kwnames)
        }
        _ => (f.def.func)(args, kwnames),
    }
}

/// `method_descriptor.__call__`: `list.append(lst, x)`.
pub(crate) fn method_descr_call(callable: &PyObject, args: &[Obj], kwnames: Option<&PyObject>) -> PyResult<Obj> {
    // SAFETY: only installed on the method descriptor type.
    let d = unsafe { callable.cast::<MethodDescr>() };
    let npos = args.len() - kwnames.map_or(0, |k| tuple::items(k).len());
    if d.def.kind == MethodKind::Instance {
        let Some(first) = args.first().filter(|_| npos > 0) else {
            return Err(PyErr::type_error(format!(
                "unbound method {}.{}() needs an argument",
                d.owner.name(),
                d.def.name
            )));
        };
        if !first.type_object().is_subtype(d.owner) {
            return Err(PyErr::type_error(format!(
                "descriptor '{}' for '{}' objects doesn't apply to a '{}' object",
                d.def.name,
                d.owner.name(),
                first.type_object().name()
            )));
        }
    }
    (d.def.func)(args, kwnames)
}

/// `method_descriptor.__get__`: binds to the instance.
pub(crate) fn method_descr_get(descr: &PyObject, obj: Option<&PyObject>, ty: &PyObject) -> PyResult<Obj> {
    // SAFETY: only installed on the method descriptor type.
    let d = unsafe { descr.cast::<MethodDescr>() };
    match (d.def.kind, obj) {
        (MethodKind::Instance, Some(o)) => new_bound_builtin(d.def, Obj::new_ref(o)),
        (MethodKind::Class, _) => new_bound_builtin_class(d.def, Obj::new_ref(ty)),
        _ => Ok(Obj::new_ref(descr)),
    }
}

fn new_bound_builtin_class(def: &'static MethodDef, cls: Obj) -> PyResult<Obj> {
    // A class method binds like an instance method, with the class as receiver.
    static_assert_kind(def);
    // SAFETY: as in new_bound_builtin.
    unsafe {
        super::alloc::alloc(types().builtin_function_type, |ob_base| BuiltinFunction { ob_base, def, self_: Some(cls) })
    }
}

fn static_assert_kind(def: &MethodDef) {
    debug_assert_eq!(def.kind, MethodKind::Class);
}

/// `getset_descriptor.__get__`.
pub(crate) fn getset_get(descr: &PyObject, obj: Option<&PyObject>, _ty: &PyObject) -> PyResult<Obj> {
    // SAFETY: only installed on the getset descriptor type.
    let d = unsafe { descr.cast::<GetSetDescr>() };
    match obj {
        Some(o) => {
            check_getset_receiver(d, o)?;
            (d.def.get)(o)
        }
        None => Ok(Obj::new_ref(descr)),
    }
}

/// A getset's functions assume their own layout: another object is a `TypeError`.
fn check_getset_receiver(d: &GetSetDescr, o: &PyObject) -> PyResult<()> {
    if o.type_object().is_subtype(d.owner) {
        return Ok(());
    }
    Err(PyErr::type_error(format!(
        "descriptor '{}' for '{}' objects doesn't apply to a '{}' object",
        d.def.name,
        d.owner.name(),
        o.type_object().name()
    )))
}

/// `getset_descriptor.__set__`.
pub(crate) fn getset_set(descr: &PyObject, obj: &PyObject, value: Option<&PyObject>) -> PyResult<()> {
    // SAFETY: only installed on the getset descriptor type.
    let d = unsafe { descr.cast::<GetSetDescr>() };
    check_getset_receiver(d, obj)?;
    match d.def.set {
        Some(set) => set(obj, value),
        None => Err(PyErr::attribute_error(format!(
            "attribute '{}' of '{}' objects is not writable",
            d.def.name,
            d.owner.name()
        ))),
    }
}

/// `==` / `!=` of builtin functions (CPython's `meth_richcompare`): the same function bound to
/// the same receiver (`l.append == l.append`, made twice); ordering is `NotImplemented`.
pub(crate) fn builtin_richcompare(a: &PyObject, b: &PyObject, op: super::typeobj::CompareOp) -> PyResult<Obj> {
    let bt = types().builtin_function_type;
    let same_kind = std::ptr::eq(a.type_object(), bt) && std::ptr::eq(b.type_object(), bt);
    if !same_kind || !matches!(op, super::typeobj::CompareOp::Eq | super::typeobj::CompareOp::Ne) {
        return Ok(Obj::new_ref(immortals().not_implemented));
    }
    // SAFETY: both are instances of the builtin function type (checked above).
    let (fa, fb) = unsafe { (a.cast::<BuiltinFunction>(), b.cast::<BuiltinFunction>()) };
    let same_self = match (&fa.self_, &fb.self_) {
        (Some(x), Some(y)) => x.is(y),
        (None, None) => true,
        _ => false,
    };
    let eq = same_self && std::ptr::eq(fa.def, fb.def);
    Ok(super::int::new_bool(eq == matches!(op, super::typeobj::CompareOp::Eq)))
}

/// `hash()` of a builtin function (CPython's `meth_hash`): its receiver's identity with the
/// function's, so that equal bound methods hash alike.
pub(crate) fn builtin_hash(o: &PyObject) -> PyResult<isize> {
    // SAFETY: only installed on the builtin function type.
    let f = unsafe { o.cast::<BuiltinFunction>() };
    let recv = f.self_.as_ref().map_or(0, |r| r.addr() >> 4);
    Ok((recv ^ ((f.def as *const MethodDef as usize) >> 3)) as isize)
}

/// `repr()` of a builtin function.
pub(crate) fn builtin_repr(obj: &PyObject) -> PyResult<Obj> {
    // SAFETY: only installed on the builtin function type.
    let f = unsafe { obj.cast::<BuiltinFunction>() };
    let text = match &f.self_ {
        Some(recv) if f.def.kind != MethodKind::Static => {
            format!("<built-in method {} of {} object at {:#x}>", f.def.name, recv.type_object().name(), recv.addr())
        }
        _ => format!("<built-in function {}>", f.def.name),
    };
    super::str::new_str(&text)
}

/// How `descr` binds (instance, class or static method), if it is a method descriptor.
pub(crate) fn method_descr_kind(descr: &PyObject) -> Option<MethodKind> {
    if !std::ptr::eq(descr.type_object(), types().method_descriptor_type) {
        return None;
    }
    // SAFETY: an instance of the method descriptor type (checked above) is a MethodDescr.
    Some(unsafe { descr.cast::<MethodDescr>() }.def.kind)
}

/// `repr()` of a method descriptor.
pub(crate) fn method_descr_repr(obj: &PyObject) -> PyResult<Obj> {
    // SAFETY: only installed on the method descriptor type.
    let d = unsafe { obj.cast::<MethodDescr>() };
    super::str::new_str(&format!("<method '{}' of '{}' objects>", d.def.name, d.owner.name()))
}

/// `repr()` of a getset descriptor (CPython's `getset_repr`).
pub(crate) fn getset_repr(obj: &PyObject) -> PyResult<Obj> {
    // SAFETY: only installed on the getset descriptor type.
    let d = unsafe { obj.cast::<GetSetDescr>() };
    super::str::new_str(&format!("<attribute '{}' of '{}' objects>", d.def.name, d.owner.name()))
}

/// Deallocator of bound builtin methods.
///
/// # Safety
///
/// See [`super::typeobj::DeallocFn`].
pub(crate) unsafe fn dealloc_builtin(op: std::ptr::NonNull<PyObject>) {
    // SAFETY: forwarded contract.
    unsafe { super::alloc::drop_and_free::<BuiltinFunction>(op) }
}

/// Argument helpers shared by builtins.
pub mod args {
    use super::*;

    /// The positional arguments (everything before the keyword values).
    #[inline]
    pub fn positional<'a>(args: &'a [Obj], kwnames: Option<&PyObject>) -> &'a [Obj] {
        &args[..args.len() - kwnames.map_or(0, |k| tuple::items(k).len())]
    }

    /// The keyword arguments as `(name, value)` pairs.
    pub fn keywords<'a>(args: &'a [Obj], kwnames: Option<&'a PyObject>) -> impl Iterator<Item = (&'a str, &'a Obj)> {
        let names = kwnames.map_or(&[][..], tuple::items);
        let start = args.len() - names.len();
        names.iter().zip(&args[start..]).map(|(n, v)| (str_value(n).unwrap_or(""), v))
    }

    /// Rejects keyword arguments (`f() takes no keyword arguments`).
    pub fn no_keywords(name: &str, kwnames: Option<&PyObject>) -> PyResult<()> {
        if kwnames.is_some_and(|k| !tuple::items(k).is_empty()) {
            return Err(PyErr::type_error(format!("{name}() takes no keyword arguments")));
        }
        Ok(())
    }

    /// Whether a builtin type's constructor refuses keywords for `ty`: `base` itself, or a
    /// subclass that keeps `base`'s `__init__` (one that defines its own may take keywords —
    /// CPython's `type == &PyFloat_Type || type->tp_init == PyFloat_Type.tp_init`).
    pub(crate) fn refuses_keywords(ty: &TypeObject, base: &TypeObject) -> bool {
        std::ptr::eq(ty, base)
            || match (ty.init, base.init) {
                (Some(a), Some(b)) => std::ptr::fn_addr_eq(a, b),
                (a, b) => a.is_none() && b.is_none(),
            }
    }

    /// Checks the positional count of a builtin without keywords and returns the arguments.
    pub fn exact<'a>(
        name: &str,
        args: &'a [Obj],
        kwnames: Option<&PyObject>,
        min: usize,
        max: usize,
    ) -> PyResult<&'a [Obj]> {
        no_keywords(name, kwnames)?;
        let n = args.len();
        if n < min || n > max {
            let msg = if min == max {
                match min {
                    0 => format!("{name}() takes no arguments ({n} given)"),
                    1 => format!("{name}() takes exactly one argument ({n} given)"),
                    m => format!("{name} expected {m} arguments, got {n}"),
                }
            } else if n < min {
                format!("{name} expected at least {min} argument{}, got {n}", if min == 1 { "" } else { "s" })
            } else {
                format!("{name} expected at most {max} argument{}, got {n}", if max == 1 { "" } else { "s" })
            };
            return Err(PyErr::type_error(msg));
        }
        Ok(args)
    }

    /// The receiver and the other arguments of a method without keywords.
    pub fn method<'a>(
        name: &str,
        args: &'a [Obj],
        kwnames: Option<&PyObject>,
        min: usize,
        max: usize,
    ) -> PyResult<(&'a Obj, &'a [Obj])> {
        no_keywords(name, kwnames)?;
        let (recv, rest) = args.split_first().ok_or_else(|| PyErr::type_error(format!("{name}() needs a receiver")))?;
        let n = rest.len();
        if n < min || n > max {
            let msg = if min == max {
                match min {
                    0 => format!("{name}() takes no arguments ({n} given)"),
                    1 => format!("{name}() takes exactly one argument ({n} given)"),
                    m => format!("{name} expected {m} arguments, got {n}"),
                }
            } else if n < min {
                format!("{name} expected at least {min} argument{}, got {n}", if min == 1 { "" } else { "s" })
            } else {
                format!("{name} expected at most {max} argument{}, got {n}", if max == 1 { "" } else { "s" })
            };
            return Err(PyErr::type_error(msg));
        }
        Ok((recv, rest))
    }

    /// `None` as an owned reference (the common return value).
    #[inline]
    pub fn none() -> Obj {
        Obj::new_ref(immortals().none)
    }
}
