//! Exceptions as objects: CPython 3.13's builtin hierarchy as static types, and the
//! `BaseException` layout every instance (of a subclass too) starts with.
//!
//! An exception object carries `args`, the traceback, `__cause__`, `__context__`,
//! `__suppress_context__`; `__notes__` lives in the instance `__dict__` (as in CPython 3.13). `str(e)` is `''` for no args, `str(arg)` for one
//! (`repr(arg)` for `KeyError`), `str(args)` otherwise; `repr(e)` is `Name(arg, ...)`.
//! [`PyErr`]'s constructors (`PyErr::type_error(...)`, ...) make objects of the current
//! interpreter.

use std::cell::{Cell, UnsafeCell};
use std::ptr::NonNull;

use super::abstract_ops::{repr_text, str_text};
use super::alloc::{alloc_sized, drop_and_free};
use super::builtin::{GetSetDef, MethodDef, args};
use super::header::PyObject;
use super::immortal::{TypeSpec, empty_tuple, immortals, new_static_type, types};
use super::obj::Obj;
use super::obj_slot::ObjSlot;
use super::tuple::{items, new_tuple};
use super::typeobj::{TypeObject, flags};
use crate::error::{ExcKind, PyErr, PyResult};

/// The mutable fields of an exception, each a cell (see [`BaseExceptionObject`]'s accessors).
struct ExcFields {
    /// `args` (a tuple; `None` only before `__new__` finishes).
    args: UnsafeCell<Option<Obj>>,
    /// `__traceback__`.
    traceback: UnsafeCell<Option<Obj>>,
    /// `__cause__`.
    cause: UnsafeCell<Option<Obj>>,
    /// `__context__`.
    context: UnsafeCell<Option<Obj>>,
    /// `NameError.name` / `AttributeError.name` (the name that was not found); `ImportError.name`.
    name: UnsafeCell<Option<Obj>>,
    /// `AttributeError.obj` (the object whose attribute was not found); `ImportError.path`.
    obj: UnsafeCell<Option<Obj>>,
    /// Where a `NameError` was raised: what its "Did you mean" suggestion searches (see
    /// `suggestions::capture_name_scope`); `ImportError.name_from`.
    name_scope: UnsafeCell<Option<Obj>>,
    /// `__suppress_context__`.
    suppress_context: Cell<bool>,
}

impl ExcFields {
    fn with_args(args: Obj) -> ExcFields {
        ExcFields {
            args: UnsafeCell::new(Some(args)),
            traceback: UnsafeCell::new(None),
            cause: UnsafeCell::new(None),
            context: UnsafeCell::new(None),
            name: UnsafeCell::new(None),
            obj: UnsafeCell::new(None),
            name_scope: UnsafeCell::new(None),
            suppress_context: Cell::new(false),
        }
    }
}

/// The layout of every exception.
///
/// The fields change behind `&` (every object is shared), so each is a cell reached through an
/// [`ObjSlot`] — a view that moves values in and out and never lends a reference into the word
/// — rather than a `&mut` to the whole record, which two callers (or one caller and the Python
/// code a dropped value's finaliser runs) could hold at once.
#[repr(C)]
pub struct BaseExceptionObject {
    /// Header.
    pub ob_base: PyObject,
    /// `__dict__` (at the types' `dict_offset`).
    /// (written only through `attr::dict_slot`: an `UnsafeCell` because it changes behind `&`)
    pub(crate) dict: UnsafeCell<Option<Obj>>,
    fields: ExcFields,
}

impl BaseExceptionObject {
    #[inline(always)]
    fn slot<'a>(&'a self, word: &'a UnsafeCell<Option<Obj>>) -> ObjSlot<'a> {
        // SAFETY: `word` is one of this object's initialised `Option<Obj>` fields, touched only
        // through these views, and lives as long as the borrow of `self`.
        unsafe { ObjSlot::from_raw(&self.ob_base, word.get()) }
    }

    /// `args`.
    #[inline]
    pub(crate) fn args(&self) -> ObjSlot<'_> {
        self.slot(&self.fields.args)
    }

    /// `__traceback__`.
    #[inline]
    pub(crate) fn traceback(&self) -> ObjSlot<'_> {
        self.slot(&self.fields.traceback)
    }

    /// `__cause__`.
    #[inline]
    pub(crate) fn cause(&self) -> ObjSlot<'_> {
        self.slot(&self.fields.cause)
    }

    /// `__context__`.
    #[inline]
    pub(crate) fn context(&self) -> ObjSlot<'_> {
        self.slot(&self.fields.context)
    }

    /// `NameError.name` / `AttributeError.name`.
    #[inline]
    pub(crate) fn name(&self) -> ObjSlot<'_> {
        self.slot(&self.fields.name)
    }

    /// `AttributeError.obj`.
    #[inline]
    pub(crate) fn obj(&self) -> ObjSlot<'_> {
        self.slot(&self.fields.obj)
    }

    /// The scope a `NameError`'s suggestion searches.
    #[inline]
    pub(crate) fn name_scope(&self) -> ObjSlot<'_> {
        self.slot(&self.fields.name_scope)
    }

    /// `__suppress_context__`.
    #[inline]
    pub(crate) fn suppress_context(&self) -> bool {
        self.fields.suppress_context.get()
    }

    /// Sets `__suppress_context__`.
    #[inline]
    pub(crate) fn set_suppress_context(&self, value: bool) {
        self.fields.suppress_context.set(value);
    }

    /// Every object field, borrowed, for the cycle collector's traverse.
    ///
    /// # Safety
    ///
    /// As [`ObjSlot::with_borrowed`]: `visit` runs no Python code and writes no field of this
    /// exception.
    pub(crate) unsafe fn visit_fields(&self, visit: &mut dyn FnMut(&PyObject)) {
        let f = &self.fields;
        for word in [&f.args, &f.traceback, &f.context, &f.cause, &f.name, &f.obj, &f.name_scope] {
            // SAFETY: the caller's contract.
            unsafe { self.slot(word).with_borrowed(|v| v.map(&mut *visit)) };
        }
    }
}

/// The exception behind `obj`.
#[inline]
pub fn as_exception(obj: &PyObject) -> Option<&BaseExceptionObject> {
    if obj.type_object().flags & flags::BASE_EXC_SUBCLASS != 0 {
        // SAFETY: instances of BaseException subclasses start with BaseExceptionObject.
        Some(unsafe { obj.cast::<BaseExceptionObject>() })
    } else {
        None
    }
}

/// CPython 3.13's builtin exception classes: `(name, base)`, bases first.
const HIERARCHY: &[(&str, &str)] = &[
    ("BaseException", ""),
    ("BaseExceptionGroup", "BaseException"),
    ("GeneratorExit", "BaseException"),
    ("KeyboardInterrupt", "BaseException"),
    ("SystemExit", "BaseException"),
    ("Exception", "BaseException"),
    ("ArithmeticError", "Exception"),
    ("FloatingPointError", "ArithmeticError"),
    ("OverflowError", "ArithmeticError"),
    ("ZeroDivisionError", "ArithmeticError"),
    ("AssertionError", "Exception"),
    ("AttributeError", "Exception"),
    ("BufferError", "Exception"),
    ("EOFError", "Exception"),
    ("ExceptionGroup", "BaseExceptionGroup"),
    ("ImportError", "Exception"),
    ("ModuleNotFoundError", "ImportError"),
    ("LookupError", "Exception"),
    ("IndexError", "LookupError"),
    ("KeyError", "LookupError"),
    ("MemoryError", "Exception"),
    ("NameError", "Exception"),
    ("UnboundLocalError", "NameError"),
    ("OSError", "Exception"),
    ("BlockingIOError", "OSError"),
    ("ChildProcessError", "OSError"),
    ("ConnectionError", "OSError"),
    ("BrokenPipeError", "ConnectionError"),
    ("ConnectionAbortedError", "ConnectionError"),
    ("ConnectionRefusedError", "ConnectionError"),
    ("ConnectionResetError", "ConnectionError"),
    ("FileExistsError", "OSError"),
    ("FileNotFoundError", "OSError"),
    ("InterruptedError", "OSError"),
    ("IsADirectoryError", "OSError"),
    ("NotADirectoryError", "OSError"),
    ("PermissionError", "OSError"),
    ("ProcessLookupError", "OSError"),
    ("TimeoutError", "OSError"),
    ("ReferenceError", "Exception"),
    ("RuntimeError", "Exception"),
    ("NotImplementedError", "RuntimeError"),
    ("PythonFinalizationError", "RuntimeError"),
    ("RecursionError", "RuntimeError"),
    ("StopAsyncIteration", "Exception"),
    ("StopIteration", "Exception"),
    ("SyntaxError", "Exception"),
    ("IndentationError", "SyntaxError"),
    ("TabError", "IndentationError"),
    ("SystemError", "Exception"),
    ("TypeError", "Exception"),
    ("ValueError", "Exception"),
    ("UnicodeError", "ValueError"),
    ("UnicodeDecodeError", "UnicodeError"),
    ("UnicodeEncodeError", "UnicodeError"),
    ("UnicodeTranslateError", "UnicodeError"),
    ("InterpreterError", "Exception"),
    ("Warning", "Exception"),
    ("BytesWarning", "Warning"),
    ("DeprecationWarning", "Warning"),
    ("EncodingWarning", "Warning"),
    ("FutureWarning", "Warning"),
    ("ImportWarning", "Warning"),
    ("PendingDeprecationWarning", "Warning"),
    ("ResourceWarning", "Warning"),
    ("RuntimeWarning", "Warning"),
    ("SyntaxWarning", "Warning"),
    ("UnicodeWarning", "Warning"),
    ("UserWarning", "Warning"),
];

/// The builtin exception types.
pub struct ExceptionTypes {
    /// Every class, in [`HIERARCHY`] order.
    pub all: Vec<(&'static str, &'static TypeObject)>,
}

impl ExceptionTypes {
    /// The class named `name`.
    pub fn get(&self, name: &str) -> Option<&'static TypeObject> {
        self.all.iter().find(|(n, _)| *n == name).map(|(_, t)| *t)
    }

    /// The class named `name` (a builtin name: a missing one is a bug).
    pub fn named(&self, name: &str) -> &'static TypeObject {
        self.get(name).unwrap_or_else(|| panic!("no builtin exception {name}"))
    }

    /// The class at `index` of [`HIERARCHY`] (see [`hierarchy_index`]): no name search, for
    /// the paths every raise or `except` runs.
    #[inline]
    pub(crate) fn at(&self, index: usize) -> &'static TypeObject {
        self.all[index].1
    }
}

/// The position of the builtin exception `name` in [`HIERARCHY`] (and so in
/// [`ExceptionTypes::all`]); evaluated in a `const` it turns [`ExceptionTypes::named`]'s search
/// into an index, and a misspelt name into a compile error.
pub(crate) const fn hierarchy_index(name: &str) -> usize {
    let mut i = 0;
    while i < HIERARCHY.len() {
        let candidate = HIERARCHY[i].0.as_bytes();
        let wanted = name.as_bytes();
        if candidate.len() == wanted.len() {
            let mut k = 0;
            while k < wanted.len() && candidate[k] == wanted[k] {
                k += 1;
            }
            if k == wanted.len() {
                return i;
            }
        }
        i += 1;
    }
    panic!("no such builtin exception")
}

/// The builtin exception class `$name` by its compile-time index in [`HIERARCHY`].
macro_rules! builtin_exc {
    ($name:literal) => {{
        const INDEX: usize = $crate::object::exceptions::hierarchy_index($name);
        $crate::object::types().exc.at(INDEX)
    }};
}
pub(crate) use builtin_exc;

static BASE_EXCEPTION_METHODS: &[MethodDef] = &[
    MethodDef::method("with_traceback", exc_with_traceback),
    MethodDef::method("add_note", exc_add_note),
    MethodDef::method("__reduce__", exc_reduce),
    MethodDef::method("__setstate__", exc_setstate),
    MethodDef::method("__init__", |a, k| {
        let (recv, _) = a.split_first().ok_or_else(|| PyErr::type_error("__init__ needs a receiver"))?;
        exc_init(recv, &a[1..], k)?;
        Ok(args::none())
    }),
];

static BASE_EXCEPTION_GETSETS: &[GetSetDef] = &[
    GetSetDef { name: "args", get: get_args, set: Some(set_args) },
    GetSetDef { name: "__traceback__", get: get_traceback, set: Some(set_traceback) },
    GetSetDef { name: "__cause__", get: get_cause, set: Some(set_cause) },
    GetSetDef { name: "__context__", get: get_context, set: Some(set_context) },
    GetSetDef { name: "__suppress_context__", get: get_suppress, set: Some(set_suppress) },
];

/// The field behind an `ImportError` attribute (CPython's `PyImportErrorObject` members, not
/// entries of the instance's `__dict__`). An `ImportError` is neither a `NameError` nor an
/// `AttributeError`, so it keeps `name` in the `name` field, `path` in the `obj` field and
/// `name_from` in the `name_scope` field.
fn import_field<'a>(e: &'a BaseExceptionObject, key: &str) -> ObjSlot<'a> {
    match key {
        "name" => e.name(),
        "path" => e.obj(),
        _ => e.name_scope(),
    }
}

fn import_attr(o: &PyObject, key: &str) -> PyResult<Obj> {
    Ok(as_exception(o).and_then(|e| import_field(e, key).get()).unwrap_or_else(args::none))
}

fn set_import_attr(o: &PyObject, key: &str, v: Option<&PyObject>) -> PyResult<()> {
    if let Some(e) = as_exception(o) {
        drop(import_field(e, key).replace(v.map(Obj::new_ref)));
    }
    Ok(())
}

static IMPORT_ERROR_GETSETS: &[GetSetDef] = &[
    GetSetDef { name: "name", get: |o| import_attr(o, "name"), set: Some(|o, v| set_import_attr(o, "name", v)) },
    GetSetDef { name: "path", get: |o| import_attr(o, "path"), set: Some(|o, v| set_import_attr(o, "path", v)) },
    GetSetDef {
        name: "name_from",
        get: |o| import_attr(o, "name_from"),
        set: Some(|o, v| set_import_attr(o, "name_from", v)),
    },
    GetSetDef {
        name: "msg",
        get: |o| {
            let a = exc_args(o);
            Ok(match items(&a) {
                [one] => one.clone(),
                _ => args::none(),
            })
        },
        set: None,
    },
];

/// `SyntaxError`'s location, read from its arguments `(msg, (filename, lineno, offset, text,
/// end_lineno, end_offset))` (`None` when absent).
fn syntax_detail(o: &PyObject, i: usize) -> PyResult<Obj> {
    let a = exc_args(o);
    Ok(match items(&a) {
        [_, details] if super::tuple::is_tuple(details) => items(details).get(i).cloned().unwrap_or_else(args::none),
        // `__init__` took any sequence (CPython copies it into its fields); a list is read
        // as it is now.
        [_, details] => match super::list::as_list(details) {
            Some(l) => l.items().get(i).cloned().unwrap_or_else(args::none),
            None => args::none(),
        },
        _ => args::none(),
    })
}

/// A `SyntaxError` field: CPython stores them as members set by `__init__` from the arguments
/// and freely assignable afterwards. Here an assigned value lives in the instance dict and
/// wins; otherwise the field is read from the arguments.
fn syntax_field(o: &PyObject, key: &str) -> PyResult<Obj> {
    let dict = super::attr::instance_dict(o)?;
    let assigned =
        dict.as_deref().and_then(super::dict::as_dict).and_then(|d| d.get_str(&super::immortal::intern(key).ob_base));
    if let Some(v) = assigned {
        return Ok(v);
    }
    match key {
        "msg" => Ok(items(&exc_args(o)).first().cloned().unwrap_or_else(args::none)),
        "filename" => syntax_detail(o, 0),
        "lineno" => syntax_detail(o, 1),
        "offset" => syntax_detail(o, 2),
        "text" => syntax_detail(o, 3),
        "end_lineno" => syntax_detail(o, 4),
        "end_offset" => syntax_detail(o, 5),
        _ => Ok(args::none()),
    }
}

/// Assigning (or deleting, which reads back `None`) a `SyntaxError` field.
/// Writes an assigned `SyntaxError` field; they are kept in the instance dict, where
/// `syntax_field` looks first (`del` stores `None`).
fn set_syntax_field(o: &PyObject, key: &str, v: Option<&PyObject>) -> PyResult<()> {
    let Some(dict) = super::attr::instance_dict(o)? else { return Ok(()) };
    let d = super::dict::as_dict(&dict).expect("__dict__ is a dict");
    d.set(Obj::new_ref(&super::immortal::intern(key).ob_base), Obj::new_ref(v.unwrap_or(immortals().none)))
}

macro_rules! syntax_getset {
    ($name:literal) => {
        GetSetDef { name: $name, get: |o| syntax_field(o, $name), set: Some(|o, v| set_syntax_field(o, $name, v)) }
    };
}

static SYNTAX_ERROR_GETSETS: &[GetSetDef] = &[
    syntax_getset!("msg"),
    syntax_getset!("filename"),
    syntax_getset!("lineno"),
    syntax_getset!("offset"),
    syntax_getset!("text"),
    syntax_getset!("end_lineno"),
    syntax_getset!("end_offset"),
    syntax_getset!("print_file_and_line"),
];

fn get_name_field(o: &PyObject) -> PyResult<Obj> {
    Ok(opt_or_none(as_exception(o).and_then(|e| e.name().get())))
}

fn set_name_field(o: &PyObject, v: Option<&PyObject>) -> PyResult<()> {
    if let Some(e) = as_exception(o) {
        let old = e.name().replace(not_none(v));
        drop(old);
    }
    Ok(())
}

fn get_obj_field(o: &PyObject) -> PyResult<Obj> {
    Ok(opt_or_none(as_exception(o).and_then(|e| e.obj().get())))
}

fn set_obj_field(o: &PyObject, v: Option<&PyObject>) -> PyResult<()> {
    if let Some(e) = as_exception(o) {
        let old = e.obj().replace(not_none(v));
        drop(old);
    }
    Ok(())
}

static NAME_ERROR_GETSETS: &[GetSetDef] = &[GetSetDef { name: "name", get: get_name_field, set: Some(set_name_field) }];
static ATTRIBUTE_ERROR_GETSETS: &[GetSetDef] = &[
    GetSetDef { name: "name", get: get_name_field, set: Some(set_name_field) },
    GetSetDef { name: "obj", get: get_obj_field, set: Some(set_obj_field) },
];

/// Records the missing name on a `NameError` the runtime raises (`name_error(...)` in the eval
/// loop), as CPython's `format_exc_check_arg` does, for `e.name` and the traceback's suggestion.
pub(crate) fn with_missing_name(err: PyErr, name: &PyObject) -> PyErr {
    if let Some(e) = err.object().and_then(|o| as_exception(o)) {
        if e.name().is_none() {
            e.name().set(Some(Obj::new_ref(name)));
        }
    }
    err
}

/// CPython's `set_attribute_error_context`: an `AttributeError` leaving `getattr(obj, name)`
/// that does not name its attribute yet gets `name` and `obj`.
#[cold]
pub(crate) fn with_attribute_context(err: PyErr, obj: &PyObject, name: &PyObject) -> PyErr {
    if let Some(o) = err.object() {
        if o.type_object().is_subtype(types().exc.named("AttributeError")) {
            if let Some(e) = as_exception(o) {
                if e.name().is_none() && e.obj().is_none() {
                    e.name().set(Some(Obj::new_ref(name)));
                    e.obj().set(Some(Obj::new_ref(obj)));
                }
            }
        }
    }
    err
}

static STOP_ITERATION_GETSETS: &[GetSetDef] = &[GetSetDef { name: "value", get: get_first_arg, set: None }];
static SYSTEM_EXIT_GETSETS: &[GetSetDef] = &[GetSetDef { name: "code", get: get_first_arg, set: None }];

pub(crate) fn make_exception_types(
    type_type: &'static TypeObject,
    object_type: &'static TypeObject,
    specs: &mut Vec<TypeSpec>,
) -> ExceptionTypes {
    let mut all: Vec<(&'static str, &'static TypeObject)> = Vec::new();
    // `OSError` and its subclasses share its constructor and `str` (see `oserror`).
    let mut os_family: Vec<&'static str> = Vec::new();
    for &(name, base) in HIERARCHY {
        let is_os = name == "OSError" || os_family.contains(&base);
        if is_os {
            os_family.push(name);
        }
        let base_ty = if base.is_empty() {
            object_type
        } else {
            all.iter().find(|(n, _)| *n == base).map(|(_, t)| *t).expect("bases first")
        };
        let ty = new_static_type(
            type_type,
            name,
            size_of::<BaseExceptionObject>(),
            flags::BASETYPE | flags::BASE_EXC_SUBCLASS,
            dealloc_exception,
            |t| {
                t.dict_offset = std::mem::offset_of!(BaseExceptionObject, dict);
                t.new = Some(exc_new);
                t.init = Some(exc_init);
                t.repr = Some(exc_repr);
                t.str = Some(match name {
                    "KeyError" => key_error_str,
                    "UnicodeDecodeError" | "UnicodeEncodeError" => super::codecs::unicode_error_str,
                    "SyntaxError" | "IndentationError" | "TabError" => syntax_error_str,
                    _ if is_os => super::oserror::oserror_str,
                    _ => exc_str,
                });
                if is_os {
                    t.new = Some(super::oserror::oserror_new);
                    t.init = Some(super::oserror::oserror_init);
                }
                t.setattro = Some(super::attr::generic_setattr);
                t.hash = Some(super::core_types::object_hash);
                t.richcompare = Some(super::core_types::object_richcompare);
                t.call = None;
                if matches!(name, "BaseExceptionGroup" | "ExceptionGroup") {
                    super::exception_group::fill_group_slots(t);
                }
            },
        );
        let (methods, getsets): (&'static [MethodDef], &'static [GetSetDef]) = match name {
            "BaseException" => (BASE_EXCEPTION_METHODS, BASE_EXCEPTION_GETSETS),
            "StopIteration" => (&[], STOP_ITERATION_GETSETS),
            "SystemExit" => (&[], SYSTEM_EXIT_GETSETS),
            "UnicodeDecodeError" | "UnicodeEncodeError" => (&[], super::codecs::UNICODE_ERROR_GETSETS),
            "ImportError" => (&[], IMPORT_ERROR_GETSETS),
            "SyntaxError" => (&[], SYNTAX_ERROR_GETSETS),
            "NameError" => (&[], NAME_ERROR_GETSETS),
            "AttributeError" => (&[], ATTRIBUTE_ERROR_GETSETS),
            "OSError" => (&[], super::oserror::OSERROR_GETSETS),
            _ => super::exception_group::group_members(name).unwrap_or((&[], &[])),
        };
        specs.push(TypeSpec { ty, base: Some(base_ty), methods, getsets });
        all.push((name, ty));
    }
    ExceptionTypes { all }
}

/// The exception part of a new object whose layout starts with [`BaseExceptionObject`]
/// (exception groups).
pub(crate) fn new_exception_base(ob_base: PyObject, args: Obj) -> BaseExceptionObject {
    BaseExceptionObject { ob_base, dict: UnsafeCell::new(None), fields: ExcFields::with_args(args) }
}

/// A new exception of `ty` with `args`.
pub fn new_exception(ty: &TypeObject, args: Obj) -> PyResult<Obj> {
    // SAFETY: BaseExceptionObject starts with the header; subclasses share the layout (their
    // dict is the `dict` field); the deallocator drops it.
    unsafe {
        alloc_sized(ty, ty.basic_size.max(size_of::<BaseExceptionObject>()), |ob_base| BaseExceptionObject {
            ob_base,
            dict: UnsafeCell::new(None),
            fields: ExcFields::with_args(args),
        })
    }
}

/// An exception of builtin class `ty` with one string argument (`msg`), as a [`PyErr`]. If
/// even that cannot be allocated the error stays lazy (`MemoryError`).
#[cold]
pub fn raise_msg(ty: &TypeObject, msg: &str) -> PyErr {
    let made = super::str::new_str(msg).and_then(|m| new_tuple(vec![m])).and_then(|a| new_exception(ty, a));
    match made {
        Ok(e) => PyErr::from_object(e),
        Err(e) => e,
    }
}

/// The builtin type for a lazy error's kind.
pub fn type_for_kind(kind: &ExcKind) -> Option<&'static TypeObject> {
    types().exc.get(kind.name())
}

/// Makes the object for a lazy error (`RuntimeError` if the kind names no builtin class).
pub fn make_from_kind(kind: &ExcKind, message: &str) -> Obj {
    let ty = type_for_kind(kind).unwrap_or_else(|| types().exc.named("RuntimeError"));
    let args = if message.is_empty() {
        Ok(Obj::new_ref(empty_tuple()))
    } else {
        super::str::new_str(message).and_then(|m| new_tuple(vec![m]))
    };
    match args.and_then(|a| new_exception(ty, a)) {
        Ok(e) => e,
        Err(e) => match e.object() {
            Some(o) => o.clone(),
            None => crate::fatal::fatal_error("PyErr::into_object", "cannot allocate an exception object"),
        },
    }
}

/// `str(exc)` as Rust text (`""` if it fails).
pub fn message_text(exc: &PyObject) -> String {
    str_text(exc).unwrap_or_default()
}

impl PyErr {
    /// `TypeError(msg)`.
    #[cold]
    pub fn type_error(msg: impl AsRef<str>) -> PyErr {
        raise_msg(types().exc.named("TypeError"), msg.as_ref())
    }
    /// `ValueError(msg)`.
    #[cold]
    pub fn value_error(msg: impl AsRef<str>) -> PyErr {
        raise_msg(types().exc.named("ValueError"), msg.as_ref())
    }
    /// `AttributeError(msg)`.
    #[cold]
    pub fn attribute_error(msg: impl AsRef<str>) -> PyErr {
        raise_msg(types().exc.named("AttributeError"), msg.as_ref())
    }
    /// `IndexError(msg)`.
    #[cold]
    pub fn index_error(msg: impl AsRef<str>) -> PyErr {
        raise_msg(types().exc.named("IndexError"), msg.as_ref())
    }
    /// `ZeroDivisionError(msg)`.
    #[cold]
    pub fn zero_division(msg: impl AsRef<str>) -> PyErr {
        raise_msg(types().exc.named("ZeroDivisionError"), msg.as_ref())
    }
    /// `OverflowError(msg)`.
    #[cold]
    pub fn overflow(msg: impl AsRef<str>) -> PyErr {
        raise_msg(types().exc.named("OverflowError"), msg.as_ref())
    }
    /// `NameError(msg)`.
    #[cold]
    pub fn name_error(msg: impl AsRef<str>) -> PyErr {
        raise_msg(types().exc.named("NameError"), msg.as_ref())
    }
    /// `RuntimeError(msg)`.
    #[cold]
    pub fn runtime_error(msg: impl AsRef<str>) -> PyErr {
        raise_msg(types().exc.named("RuntimeError"), msg.as_ref())
    }
    /// `RecursionError(msg)`.
    #[cold]
    pub fn recursion_error(msg: &str) -> PyErr {
        raise_msg(types().exc.named("RecursionError"), msg)
    }
    /// `KeyError(key)`.
    #[cold]
    pub fn key_error(key: &PyObject) -> PyErr {
        let made = new_tuple(vec![Obj::new_ref(key)]).and_then(|a| new_exception(types().exc.named("KeyError"), a));
        match made {
            Ok(e) => PyErr::from_object(e),
            Err(e) => e,
        }
    }
    /// `StopIteration(value)`.
    #[cold]
    pub(crate) fn stop_iteration(value: Option<Obj>) -> PyErr {
        let args = match value {
            Some(v) => new_tuple(vec![v]),
            None => Ok(Obj::new_ref(empty_tuple())),
        };
        match args.and_then(|a| new_exception(types().exc.named("StopIteration"), a)) {
            Ok(e) => PyErr::from_object(e),
            Err(e) => e,
        }
    }
}

/// `exc.args` (an empty tuple if unset).
pub(crate) fn exception_args(o: &PyObject) -> Obj {
    exc_args(o)
}

fn exc_args(o: &PyObject) -> Obj {
    as_exception(o).and_then(|e| e.args().get()).unwrap_or_else(|| Obj::new_ref(empty_tuple()))
}

pub(crate) fn exc_new(ty: &TypeObject, argv: &[Obj], kwnames: Option<&PyObject>) -> PyResult<Obj> {
    let pos = args::positional(argv, kwnames);
    new_exception(ty, super::tuple::new_tuple_from_slice(pos)?)
}

fn exc_init(o: &PyObject, argv: &[Obj], kwnames: Option<&PyObject>) -> PyResult<()> {
    let no_keywords = kwnames.is_none_or(|k| items(k).is_empty());
    let ty = o.type_object();
    if no_keywords
        && !ty.is_subtype(builtin_exc!("UnicodeError"))
        && !ty.is_subtype(builtin_exc!("ImportError"))
        && !ty.is_subtype(builtin_exc!("SyntaxError"))
    {
        // The common case (`raise ValueError(x)`, `super().__init__(x)`): no keywords to check
        // against the class, no Unicode error fields; only `args`.
        keep_or_replace_args(o, argv)?;
        return Ok(());
    }
    if o.type_object().is_subtype(builtin_exc!("ImportError")) {
        // `ImportError.__init__` sets `name` and `path` afresh: those not given become `None`.
        set_import_attr(o, "name", None)?;
        set_import_attr(o, "path", None)?;
        for (k, v) in args::keywords(argv, kwnames) {
            if !matches!(k, "name" | "path") {
                return Err(PyErr::type_error(format!(
                    "{}() got an unexpected keyword argument '{k}'",
                    o.type_object().name()
                )));
            }
            set_import_attr(o, k, Some(v))?;
        }
    } else if o.type_object().is_subtype(builtin_exc!("NameError"))
        || o.type_object().is_subtype(builtin_exc!("AttributeError"))
    {
        let is_attr = o.type_object().is_subtype(builtin_exc!("AttributeError"));
        let base = if is_attr { "AttributeError" } else { "NameError" };
        for (k, v) in args::keywords(argv, kwnames) {
            match k {
                "name" => set_name_field(o, Some(v))?,
                "obj" if is_attr => set_obj_field(o, Some(v))?,
                _ => return Err(PyErr::type_error(format!("{base}() got an unexpected keyword argument '{k}'"))),
            }
        }
    } else if kwnames.is_some_and(|k| !items(k).is_empty()) && !o.type_object().is_heap() {
        return Err(PyErr::type_error(format!("{}() takes no keyword arguments", o.type_object().name())));
    }
    let pos = args::positional(argv, kwnames);
    if o.type_object().is_subtype(builtin_exc!("SyntaxError")) {
        syntax_error_check(pos)?;
    }
    let is_decode = o.type_object().is_subtype(builtin_exc!("UnicodeDecodeError"));
    if is_decode || o.type_object().is_subtype(builtin_exc!("UnicodeEncodeError")) {
        unicode_error_init(o, pos, is_decode)?;
    }
    keep_or_replace_args(o, pos)
}

/// `SyntaxError_init`'s checks of the two-argument form `(msg, (filename, lineno, offset,
/// text[, end_lineno, end_offset]))`: the details are a sequence (`PySequence_Tuple`) of four
/// to six items, and an end line comes with its end offset. The fields are read from `args`
/// when asked for (`syntax_field`).
fn syntax_error_check(pos: &[Obj]) -> PyResult<()> {
    let [_, info] = pos else { return Ok(()) };
    match super::abstract_ops::collect(info)?.len() {
        4 | 6 => Ok(()),
        5 => Err(PyErr::type_error("end_offset must be provided when end_lineno is provided")),
        n if n < 4 => Err(PyErr::type_error(format!("function takes at least 4 arguments ({n} given)"))),
        n => Err(PyErr::type_error(format!("function takes at most 6 arguments ({n} given)"))),
    }
}

/// `BaseException.__init__`'s `self.args = args`.
fn keep_or_replace_args(o: &PyObject, pos: &[Obj]) -> PyResult<()> {
    if let Some(e) = as_exception(o) {
        // Called by `type.__call__` right after `exc_new`, the arguments are the ones `args`
        // was made from: keep that tuple (CPython passes one tuple to both) rather than make a
        // second one on every raise of a new exception.
        // SAFETY: the loan only compares pointers (no Python code, no write of `args`).
        let same = unsafe {
            e.args().with_borrowed(|a| {
                a.is_some_and(|a| {
                    let held = items(a);
                    held.len() == pos.len() && held.iter().zip(pos).all(|(x, y)| x.is(y))
                })
            })
        };
        if !same {
            let new_args = super::tuple::new_tuple_from_slice(pos)?;
            drop(e.args().replace(Some(new_args)));
        }
    }
    Ok(())
}

/// `str(exc)` by the generic rule (for types whose own `str` falls back to it).
pub(crate) fn plain_str(o: &PyObject) -> PyResult<Obj> {
    exc_str(o)
}

fn exc_str(o: &PyObject) -> PyResult<Obj> {
    let a = exc_args(o);
    match items(&a) {
        [] => super::str::new_str(""),
        [one] => super::abstract_ops::str(one),
        _ => super::abstract_ops::str(&a),
    }
}

/// `SyntaxError.__str__` (CPython's `SyntaxError_str`): `msg (file.py, line N)`, the file
/// shown by its base name and only when it is a `str`, the line only when it is an `int`.
fn syntax_error_str(o: &PyObject) -> PyResult<Obj> {
    let msg = syntax_field(o, "msg")?;
    let msg = if msg.is(immortals().none) { super::str::new_str("None")? } else { super::abstract_ops::str(&msg)? };
    let filename = syntax_field(o, "filename")?;
    let lineno = syntax_field(o, "lineno")?;
    let file = super::str::str_value(&filename).map(|f| f.rsplit('/').next().unwrap_or(f).to_owned());
    let line = if std::ptr::eq(lineno.type_object(), types().int_type) { Some(repr_text(&lineno)?) } else { None };
    let msg_text = str_text(&msg)?;
    match (file, line) {
        (Some(f), Some(l)) => super::str::new_str(&format!("{msg_text} ({f}, line {l})")),
        (Some(f), None) => super::str::new_str(&format!("{msg_text} ({f})")),
        (None, Some(l)) => super::str::new_str(&format!("{msg_text} (line {l})")),
        (None, None) => Ok(msg),
    }
}

/// `UnicodeDecodeError(encoding, object, start, end, reason)` /
/// `UnicodeEncodeError(encoding, object, start, end, reason)`: the fields, with CPython's
/// argument checks (`str`, bytes-like or `str` object, ints, `str`).
fn unicode_error_init(o: &PyObject, pos: &[Obj], is_decode: bool) -> PyResult<()> {
    let name = if is_decode { "UnicodeDecodeError" } else { "UnicodeEncodeError" };
    if pos.len() != 5 {
        return Err(PyErr::type_error(format!("function takes exactly 5 arguments ({} given)", pos.len())));
    }
    let t = types();
    let is_str = |v: &Obj| v.type_object().is_subtype(t.str_type);
    let object_ok = if is_decode {
        pos[1].type_object().is_subtype(t.bytes_type) || pos[1].type_object().is_subtype(t.bytearray_type)
    } else {
        is_str(&pos[1])
    };
    let int_ok = |v: &Obj| super::int::as_int(v).is_some();
    if !is_str(&pos[0]) || !object_ok || !int_ok(&pos[2]) || !int_ok(&pos[3]) || !is_str(&pos[4]) {
        return Err(PyErr::type_error(format!("{name}() arguments have the wrong types")));
    }
    let object = if is_decode && !pos[1].type_object().is_subtype(t.bytes_type) {
        super::bytes::new_bytes(&super::bytearray::as_bytearray(&pos[1]).map(|b| b.to_vec()).unwrap_or_default())?
    } else {
        pos[1].clone()
    };
    for (key, v) in
        [("encoding", &pos[0]), ("object", &object), ("start", &pos[2]), ("end", &pos[3]), ("reason", &pos[4])]
    {
        super::attr::generic_setattr(o, &super::immortal::intern(key).ob_base, Some(v))?;
    }
    Ok(())
}

fn key_error_str(o: &PyObject) -> PyResult<Obj> {
    let a = exc_args(o);
    match items(&a) {
        [one] => super::abstract_ops::repr(one),
        _ => exc_str(o),
    }
}

fn exc_repr(o: &PyObject) -> PyResult<Obj> {
    let a = exc_args(o);
    let name = o.type_object().name();
    let text = match items(&a) {
        [] => format!("{name}()"),
        [one] => format!("{name}({})", repr_text(one)?),
        _ => format!("{name}{}", repr_text(&a)?),
    };
    super::str::new_str(&text)
}

fn exc_with_traceback(argv: &[Obj], kwnames: Option<&PyObject>) -> PyResult<Obj> {
    let (recv, rest) = args::method("BaseException.with_traceback", argv, kwnames, 1, 1)?;
    set_traceback(recv, Some(&rest[0]))?;
    Ok(recv.clone())
}

fn exc_add_note(argv: &[Obj], kwnames: Option<&PyObject>) -> PyResult<Obj> {
    let (recv, rest) = args::method("BaseException.add_note", argv, kwnames, 1, 1)?;
    if super::str::as_str_object(&rest[0]).is_none() {
        return Err(PyErr::type_error(format!("note must be a str, not '{}'", rest[0].type_object().name())));
    }
    add_note(recv, rest[0].clone())?;
    Ok(args::none())
}

/// `BaseException.__reduce__` (CPython's `BaseException_reduce`): `(type, args)`, and the
/// instance's `__dict__` third when it has one.
fn exc_reduce(argv: &[Obj], kwnames: Option<&PyObject>) -> PyResult<Obj> {
    let (recv, _) = args::method("BaseException.__reduce__", argv, kwnames, 0, 0)?;
    let class = Obj::new_ref(recv.type_object().as_object());
    let mut dict = super::attr::dict_slot(recv).and_then(|slot| slot.get());
    // `ImportError_getstate`: its fields join a copy of the dict.
    if let Some(e) = as_exception(recv).filter(|_| recv.type_object().is_subtype(builtin_exc!("ImportError"))) {
        let fields: Vec<(&str, Obj)> =
            ["name", "path", "name_from"].into_iter().filter_map(|k| Some((k, import_field(e, k).get()?))).collect();
        if !fields.is_empty() {
            let state = super::dict::new_dict()?;
            let sd = super::dict::as_dict(&state).expect("a dict");
            for (k, v) in dict.as_deref().and_then(super::dict::as_dict).map(|d| d.items()).unwrap_or_default() {
                sd.set(k, v)?;
            }
            for (k, v) in fields {
                sd.set(Obj::new_ref(&super::immortal::intern(k).ob_base), v)?;
            }
            dict = Some(state);
        }
    }
    match dict {
        Some(d) => new_tuple(vec![class, exc_args(recv), d]),
        None => new_tuple(vec![class, exc_args(recv)]),
    }
}

/// `BaseException.__setstate__(state)` (CPython's `BaseException_setstate`): each item of the
/// dict `state` set as an attribute; `None` sets nothing.
fn exc_setstate(argv: &[Obj], kwnames: Option<&PyObject>) -> PyResult<Obj> {
    let (recv, rest) = args::method("BaseException.__setstate__", argv, kwnames, 1, 1)?;
    let state = &rest[0];
    if state.is(immortals().none) {
        return Ok(args::none());
    }
    let Some(d) = super::dict::as_dict(state) else {
        return Err(PyErr::type_error("state is not a dictionary"));
    };
    for (key, value) in d.items() {
        super::abstract_ops::set_attr(recv, &key, Some(&value))?;
    }
    Ok(args::none())
}

/// `exc.add_note(note)` (`note` is a str).
pub(crate) fn add_note(recv: &PyObject, note: Obj) -> PyResult<()> {
    let notes = match super::exception_group::optional_attr(recv, "__notes__")? {
        Some(n) => n,
        None => {
            let n = super::list::new_list(Vec::new())?;
            super::abstract_ops::set_attr(recv, &super::immortal::intern("__notes__").ob_base, Some(&n))?;
            n
        }
    };
    match super::list::as_list(&notes) {
        Some(l) => l.push(note),
        None => return Err(PyErr::type_error("Cannot add note: __notes__ is not a list")),
    }
    Ok(())
}

fn opt_or_none(o: Option<Obj>) -> Obj {
    o.unwrap_or_else(|| Obj::new_ref(immortals().none))
}

fn not_none(v: Option<&PyObject>) -> Option<Obj> {
    v.filter(|v| !v.is(immortals().none)).map(Obj::new_ref)
}

fn get_args(o: &PyObject) -> PyResult<Obj> {
    Ok(exc_args(o))
}

fn set_args(o: &PyObject, v: Option<&PyObject>) -> PyResult<()> {
    let v = v.ok_or_else(|| PyErr::type_error("args may not be deleted"))?;
    let t = new_tuple(super::abstract_ops::collect(v)?)?;
    if let Some(e) = as_exception(o) {
        let old = e.args().replace(Some(t));
        drop(old);
    }
    Ok(())
}

fn get_first_arg(o: &PyObject) -> PyResult<Obj> {
    let a = exc_args(o);
    Ok(items(&a).first().cloned().unwrap_or_else(|| Obj::new_ref(immortals().none)))
}

fn get_traceback(o: &PyObject) -> PyResult<Obj> {
    Ok(opt_or_none(as_exception(o).and_then(|e| e.traceback().get())))
}

fn set_traceback(o: &PyObject, v: Option<&PyObject>) -> PyResult<()> {
    let v = v.ok_or_else(|| PyErr::type_error("__traceback__ may not be deleted"))?;
    if !v.is(immortals().none) && !std::ptr::eq(v.type_object(), types().traceback_type) {
        return Err(PyErr::type_error("__traceback__ must be a traceback or None"));
    }
    if let Some(e) = as_exception(o) {
        drop(e.traceback().replace(not_none(Some(v))));
    }
    Ok(())
}

/// A value for `__cause__` / `__context__`: `None` or an exception (`what` names the field in
/// the error).
fn chained_exception(v: Option<&PyObject>, what: &str) -> PyResult<Option<Obj>> {
    let v = v.ok_or_else(|| PyErr::type_error(format!("__{what}__ may not be deleted")))?;
    if !v.is(immortals().none) && as_exception(v).is_none() {
        return Err(PyErr::type_error(format!("exception {what} must be None or derive from BaseException")));
    }
    Ok(not_none(Some(v)))
}

fn get_cause(o: &PyObject) -> PyResult<Obj> {
    Ok(opt_or_none(as_exception(o).and_then(|e| e.cause().get())))
}

fn set_cause(o: &PyObject, v: Option<&PyObject>) -> PyResult<()> {
    let v = chained_exception(v, "cause")?;
    if let Some(e) = as_exception(o) {
        let old = e.cause().replace(v);
        e.set_suppress_context(true);
        drop(old);
    }
    Ok(())
}

fn get_context(o: &PyObject) -> PyResult<Obj> {
    Ok(opt_or_none(as_exception(o).and_then(|e| e.context().get())))
}

fn set_context(o: &PyObject, v: Option<&PyObject>) -> PyResult<()> {
    let v = chained_exception(v, "context")?;
    if let Some(e) = as_exception(o) {
        drop(e.context().replace(v));
    }
    Ok(())
}

fn get_suppress(o: &PyObject) -> PyResult<Obj> {
    Ok(super::int::new_bool(as_exception(o).is_some_and(|e| e.suppress_context())))
}

fn set_suppress(o: &PyObject, v: Option<&PyObject>) -> PyResult<()> {
    let b = match v {
        Some(v) => super::abstract_ops::is_true(v)?,
        None => false,
    };
    if let Some(e) = as_exception(o) {
        e.set_suppress_context(b);
    }
    Ok(())
}

/// Implicit chaining (`_PyErr_SetObject`): `handled` (the exception being handled) becomes
/// `exc.__context__`, unless they are the same object. A link back to `exc` on `handled`'s
/// context chain is cut first so that no new cycle forms; a cycle already on the chain is
/// detected (Floyd's algorithm) and left alone.
pub(crate) fn set_implicit_context(exc: &PyObject, handled: Obj) {
    if handled.is(exc) {
        return;
    }
    let context_of = |o: &PyObject| as_exception(o).and_then(|e| e.context().get());
    let mut o = handled.clone();
    let mut slow = handled.clone();
    let mut advance_slow = false;
    while let Some(c) = context_of(&o) {
        if c.is(exc) {
            if let Some(e) = as_exception(&o) {
                drop(e.context().take());
            }
            break;
        }
        o = c;
        if o.is(&slow) {
            break;
        }
        if advance_slow {
            match context_of(&slow) {
                Some(s) => slow = s,
                None => break,
            }
        }
        advance_slow = !advance_slow;
    }
    if let Some(e) = as_exception(exc) {
        drop(e.context().replace(Some(handled)));
    }
}

/// The exception deallocator.
///
/// # Safety
///
/// See [`super::typeobj::DeallocFn`].
pub(crate) unsafe fn dealloc_exception(op: NonNull<PyObject>) {
    // SAFETY: forwarded contract.
    unsafe { drop_and_free::<BaseExceptionObject>(op) }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn exc(name: &str) -> Obj {
        super::super::abstract_ops::call(types().exc.named(name).as_object(), &[], None).unwrap()
    }

    fn context_of(o: &PyObject) -> Option<Obj> {
        as_exception(o).and_then(|e| e.context().get())
    }

    #[test]
    fn implicit_context_cuts_the_link_that_would_make_a_cycle() {
        crate::Runtime::initialize();
        crate::attach(|_py| {
            let (a, b) = (exc("ValueError"), exc("TypeError"));
            // `a` is being handled and its context is `b`; raising `b` again must not form
            // the cycle b -> a -> b.
            set_implicit_context(&a, b.clone());
            set_implicit_context(&b, a.clone());
            assert!(context_of(&b).is_some_and(|c| c.is(&a)));
            assert!(context_of(&a).is_none());
            // Raising the exception being handled itself sets nothing.
            set_implicit_context(&a, a.clone());
            assert!(context_of(&a).is_none());
        });
    }

    #[test]
    fn compile_time_indices_name_the_same_classes_as_the_search() {
        crate::Runtime::initialize();
        crate::attach(|_py| {
            for &(name, _) in HIERARCHY {
                assert!(std::ptr::eq(types().exc.at(hierarchy_index(name)), types().exc.named(name)), "{name}");
            }
            assert!(std::ptr::eq(builtin_exc!("StopIteration"), types().exc.named("StopIteration")));
        });
    }

    #[test]
    fn init_keeps_the_args_tuple_new_made_and_replaces_a_different_one() {
        crate::Runtime::initialize();
        crate::attach(|_py| {
            let one = crate::object::int::new_int(1).unwrap();
            let cls = types().exc.named("KeyError").as_object();
            let e = super::super::abstract_ops::call(cls, std::slice::from_ref(&one), None).unwrap();
            let args = as_exception(&e).and_then(|x| x.args().get()).unwrap();
            exc_init(&e, std::slice::from_ref(&one), None).unwrap();
            let same = as_exception(&e).and_then(|x| x.args().get()).unwrap();
            assert!(same.is(&args), "same arguments: the tuple is kept");
            let two = crate::object::int::new_int(2).unwrap();
            exc_init(&e, &[one, two], None).unwrap();
            let now = as_exception(&e).and_then(|x| x.args().get()).unwrap();
            assert_eq!(items(&now).len(), 2);
        });
    }
}

/// Calls exception class `cls` with `args` and checks that it made an exception
/// (`_PyErr_CreateException`, as `throw()` normalises): a `__new__` may return anything.
pub(crate) fn instantiate(cls: &PyObject, args: &[Obj]) -> PyResult<Obj> {
    let exc = super::abstract_ops::call(cls, args, None)?;
    check_instantiated(cls, &exc, exc.type_object().name().to_owned())?;
    Ok(exc)
}

/// `raise cls`'s form of the check (`do_raise` names the type by its repr).
pub(crate) fn instantiate_for_raise(cls: &PyObject) -> PyResult<Obj> {
    let exc = super::abstract_ops::call(cls, &[], None)?;
    check_instantiated(cls, &exc, super::abstract_ops::repr_text(exc.type_object().as_object())?)?;
    Ok(exc)
}

fn check_instantiated(cls: &PyObject, exc: &PyObject, got: String) -> PyResult<()> {
    if exc.type_object().is_subtype(types().exc.named("BaseException")) {
        return Ok(());
    }
    Err(PyErr::type_error(format!(
        "calling {} should have returned an instance of BaseException, not {got}",
        super::abstract_ops::repr_text(cls)?
    )))
}
