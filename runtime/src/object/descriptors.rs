//! The descriptor types of `builtins`: `property`, `staticmethod`, `classmethod` and `super`
//! (CPython's `Objects/descrobject.c`, `Objects/funcobject.c` and `Objects/typeobject.c`).
//!
//! - `property` is a *data* descriptor (both `__get__` and `__set__`), so it wins over the
//!   instance `__dict__`; a missing accessor raises CPython 3.13's
//!   `property 'x' of 'C' object has no setter`. Its name comes from `__set_name__`, else from
//!   the getter's `__name__`. `getter`/`setter`/`deleter` return a copy with one accessor
//!   replaced (a subclass of `property` is copied by calling its type).
//! - `staticmethod` and `classmethod` are non-data descriptors wrapping a callable: `__get__`
//!   returns the callable itself, or a method bound to the class.
//! - `super(type, obj)` looks attributes up in `obj`'s MRO *after* `type`, binding what it
//!   finds to `obj`. `super()` without arguments takes the caller's first argument and its
//!   `__class__` cell from the calling frame (the eval loop's caller view).

use std::ptr::NonNull;

use super::abstract_ops::{self as ops, type_name};
use super::builtin::{GetSetDef, MethodDef, args};
use super::dict::as_dict;
use super::header::PyObject;
use super::immortal::{TypeSpec, immortals, new_static_type, types};
use super::obj::Obj;
use super::str::{new_str, str_value};
use super::typeobj::{TypeObject, as_type, flags};
use crate::error::{PyErr, PyResult};

fn none() -> Obj {
    Obj::new_ref(immortals().none)
}

fn is_none(o: &PyObject) -> bool {
    o.is(immortals().none)
}

/// Allocates an instance of `ty` (a static descriptor type or a subclass of one).
fn alloc_instance<T>(ty: &TypeObject, init: impl FnOnce(PyObject) -> T) -> PyResult<Obj> {
    // SAFETY: every `T` here starts with the header; the type's deallocator drops it; a
    // subclass's dict slot (at `dict_offset`, past `T`) is initialised here.
    unsafe {
        let obj = super::alloc::alloc_sized(ty, ty.basic_size.max(size_of::<T>()), init)?;
        if ty.dict_offset != 0 {
            (obj.as_ptr().as_ptr() as *mut u8).add(ty.dict_offset).cast::<Option<Obj>>().write(None);
        }
        Ok(obj)
    }
}

/// Drops an instance made by [`alloc_instance`].
///
/// # Safety
///
/// See [`super::typeobj::DeallocFn`]; `op` must be a `T` made by [`alloc_instance`].
unsafe fn dealloc_instance<T>(op: NonNull<PyObject>) {
    // SAFETY: forwarded contract.
    unsafe {
        let ty = op.as_ref().type_object();
        if ty.dict_offset != 0 {
            // Taken, not dropped in place: the slot may be a field of `T` itself
            // (`WrapperDescr::dict`), which `drop_and_free` drops again.
            drop((*(op.as_ptr() as *mut u8).add(ty.dict_offset).cast::<Option<Obj>>()).take());
        }
        super::alloc::drop_and_free::<T>(op)
    }
}

// ---- property -----------------------------------------------------------------------------

/// The accessors of a `property`.
#[derive(Clone)]
pub struct PropertyFields {
    fget: Option<Obj>,
    fset: Option<Obj>,
    fdel: Option<Obj>,
    doc: Option<Obj>,
    name: Option<Obj>,
}

/// A `property`.
#[repr(C)]
pub struct PropertyObject {
    /// Header.
    pub ob_base: PyObject,
    fields: std::cell::UnsafeCell<PropertyFields>,
}

/// The fields are written through a shared reference (`__init__`, `__set_name__`, `__doc__`), so
/// they are only copied in and out, like a `Cell`: no borrow of them outlives one access, and a
/// replaced value is dropped — running whatever finaliser that starts — after the write. Each
/// access is serialised by the interpreter's lock (the language lock in free-threaded
/// interpreters).
impl PropertyObject {
    /// A copy of the fields (new references).
    fn fields(&self) -> PropertyFields {
        // SAFETY: one read under the lock; the clones run no Python code and the borrow ends
        // before this returns.
        unsafe { (*self.fields.get()).clone() }
    }

    /// One accessor (a new reference), without copying the others: property loads and stores.
    #[inline]
    fn accessor(&self, pick: fn(&PropertyFields) -> &Option<Obj>) -> Option<Obj> {
        // SAFETY: as in `fields`.
        unsafe { pick(&*self.fields.get()).clone() }
    }

    /// Writes the fields `change` makes of a copy; gives back the old ones for the caller to
    /// drop after the write.
    #[must_use = "the old fields are dropped by the caller, after the write"]
    fn update(&self, change: impl FnOnce(&mut PropertyFields)) -> PropertyFields {
        let mut new = self.fields();
        change(&mut new);
        // SAFETY: one write under the lock; the old fields move out without being dropped.
        unsafe { std::ptr::replace(self.fields.get(), new) }
    }
}

fn as_property(o: &PyObject) -> &PropertyObject {
    // SAFETY: only called on instances of property (or subclasses), checked by the slots and
    // method descriptors that call it.
    unsafe { o.cast::<PropertyObject>() }
}

/// `property(fget=None, fset=None, fdel=None, doc=None)` as `(fget, fset, fdel, doc)`.
fn property_args(argv: &[Obj], kwnames: Option<&PyObject>) -> PyResult<[Option<Obj>; 4]> {
    let pos = args::positional(argv, kwnames);
    let kw: Vec<_> = args::keywords(argv, kwnames).collect();
    if pos.len() + kw.len() > 4 {
        return Err(PyErr::type_error(format!(
            "property() takes at most 4 arguments ({} given)",
            pos.len() + kw.len()
        )));
    }
    let mut out: [Option<Obj>; 4] = [None, None, None, None];
    for (i, v) in pos.iter().enumerate() {
        out[i] = Some(v.clone());
    }
    const NAMES: [&str; 4] = ["fget", "fset", "fdel", "doc"];
    for (name, v) in kw {
        let Some(i) = NAMES.iter().position(|n| *n == name) else {
            return Err(PyErr::type_error(format!("property() got an unexpected keyword argument '{name}'")));
        };
        if out[i].is_some() {
            return Err(PyErr::type_error(format!(
                "argument for property() given by name ('{name}') and position ({})",
                i + 1
            )));
        }
        out[i] = Some(v.clone());
    }
    for o in &mut out {
        if o.as_ref().is_some_and(|v| is_none(v)) {
            *o = None;
        }
    }
    Ok(out)
}

fn property_new(ty: &TypeObject, _argv: &[Obj], _kwnames: Option<&PyObject>) -> PyResult<Obj> {
    alloc_instance(ty, |ob_base| PropertyObject {
        ob_base,
        fields: std::cell::UnsafeCell::new(PropertyFields {
            fget: None,
            fset: None,
            fdel: None,
            doc: None,
            name: None,
        }),
    })
}

fn property_init(o: &PyObject, argv: &[Obj], kwnames: Option<&PyObject>) -> PyResult<()> {
    let [fget, fset, fdel, doc] = property_args(argv, kwnames)?;
    // The getter's docstring stands in for a missing `doc`.
    let doc = match (doc, &fget) {
        (Some(d), _) => Some(d),
        (None, Some(g)) => match ops::get_attr_str(g, "__doc__") {
            Ok(d) if !is_none(&d) => Some(d),
            Ok(_) => None,
            Err(e) if e.matches(types().exc.named("AttributeError")) => None,
            Err(e) => return Err(e),
        },
        (None, None) => None,
    };
    let old = as_property(o).update(|p| *p = PropertyFields { fget, fset, fdel, doc, name: None });
    drop(old);
    Ok(())
}

/// The name for messages: `__set_name__`'s, else the getter's `__name__`.
fn property_name(p: &PropertyObject) -> Option<String> {
    let f = p.fields();
    if let Some(n) = &f.name {
        return str_value(n).map(str::to_owned);
    }
    let g = f.fget.clone()?;
    let n = ops::get_attr_str(&g, "__name__").ok()?;
    str_value(&n).map(str::to_owned)
}

fn property_error(p: &PropertyObject, obj: &PyObject, what: &str) -> PyErr {
    let ty = type_name(obj);
    match property_name(p) {
        Some(n) => PyErr::attribute_error(format!("property '{n}' of '{ty}' object has no {what}")),
        None => PyErr::attribute_error(format!("property of '{ty}' object has no {what}")),
    }
}

/// The getter of an exact `property` (`LOAD_ATTR_PROPERTY` calls it in the eval loop).
pub(crate) fn exact_property_fget(d: &PyObject) -> Option<Obj> {
    if !std::ptr::eq(d.type_object(), types().descr.property_type) {
        return None;
    }
    as_property(d).accessor(|f| &f.fget)
}

fn property_get(d: &PyObject, obj: Option<&PyObject>, _ty: &PyObject) -> PyResult<Obj> {
    let Some(obj) = obj.filter(|o| !is_none(o)) else { return Ok(Obj::new_ref(d)) };
    let p = as_property(d);
    match p.accessor(|f| &f.fget) {
        Some(g) => ops::call(&g, &[Obj::new_ref(obj)], None),
        None => Err(property_error(p, obj, "getter")),
    }
}

fn property_set(d: &PyObject, obj: &PyObject, value: Option<&PyObject>) -> PyResult<()> {
    let p = as_property(d);
    let (f, what) = match value {
        Some(_) => (p.accessor(|f| &f.fset), "setter"),
        None => (p.accessor(|f| &f.fdel), "deleter"),
    };
    let Some(f) = f else { return Err(property_error(p, obj, what)) };
    let mut argv = vec![Obj::new_ref(obj)];
    argv.extend(value.map(Obj::new_ref));
    ops::call(&f, &argv, None).map(drop)
}

/// `property.getter/setter/deleter`: a copy with accessor `which` (0, 1, 2) replaced.
fn property_copy(o: &PyObject, which: usize, func: &Obj) -> PyResult<Obj> {
    let p = as_property(o).fields();
    let mut acc = [p.fget.clone(), p.fset.clone(), p.fdel.clone()];
    acc[which] = if is_none(func) { None } else { Some(func.clone()) };
    // A doc taken from the old getter follows the new getter.
    let doc = if which == 0 { None } else { p.doc.clone() };
    let name = p.name.clone();
    let argv: Vec<Obj> = acc.into_iter().map(|a| a.unwrap_or_else(none)).chain([doc.unwrap_or_else(none)]).collect();
    let new = ops::call(o.type_object().as_object(), &argv, None)?;
    if new.type_object().is_subtype(types().descr.property_type) && name.is_some() {
        drop(as_property(&new).update(|nf| nf.name = name));
    }
    Ok(new)
}

static PROPERTY_METHODS: &[MethodDef] = &[
    MethodDef::method("getter", |a, k| {
        let (s, r) = args::method("getter", a, k, 1, 1)?;
        property_copy(s, 0, &r[0])
    }),
    MethodDef::method("setter", |a, k| {
        let (s, r) = args::method("setter", a, k, 1, 1)?;
        property_copy(s, 1, &r[0])
    }),
    MethodDef::method("deleter", |a, k| {
        let (s, r) = args::method("deleter", a, k, 1, 1)?;
        property_copy(s, 2, &r[0])
    }),
    MethodDef::method("__get__", |a, k| {
        let (s, r) = args::method("__get__", a, k, 1, 2)?;
        let ty = r.get(1).cloned().unwrap_or_else(|| Obj::new_ref(r[0].type_object().as_object()));
        property_get(s, Some(&r[0]), &ty)
    }),
    MethodDef::method("__set__", |a, k| {
        let (s, r) = args::method("__set__", a, k, 2, 2)?;
        property_set(s, &r[0], Some(&r[1]))?;
        Ok(none())
    }),
    MethodDef::method("__delete__", |a, k| {
        let (s, r) = args::method("__delete__", a, k, 1, 1)?;
        property_set(s, &r[0], None)?;
        Ok(none())
    }),
    MethodDef::method("__set_name__", |a, k| {
        let (s, r) = args::method("__set_name__", a, k, 2, 2)?;
        drop(as_property(s).update(|f| f.name = Some(r[1].clone())));
        Ok(none())
    }),
];

fn field_or_none(f: Option<Obj>) -> PyResult<Obj> {
    Ok(f.unwrap_or_else(none))
}

static PROPERTY_GETSETS: &[GetSetDef] = &[
    GetSetDef { name: "fget", get: |o| field_or_none(as_property(o).accessor(|f| &f.fget)), set: None },
    GetSetDef { name: "fset", get: |o| field_or_none(as_property(o).accessor(|f| &f.fset)), set: None },
    GetSetDef { name: "fdel", get: |o| field_or_none(as_property(o).accessor(|f| &f.fdel)), set: None },
    GetSetDef {
        name: "__doc__",
        get: |o| field_or_none(as_property(o).accessor(|f| &f.doc)),
        set: Some(|o, v| {
            drop(as_property(o).update(|f| f.doc = v.map(Obj::new_ref)));
            Ok(())
        }),
    },
    GetSetDef {
        name: "__isabstractmethod__",
        get: |o| {
            let f = as_property(o).fields();
            for acc in [&f.fget, &f.fset, &f.fdel].into_iter().flatten() {
                if let Ok(v) = ops::get_attr_str(acc, "__isabstractmethod__") {
                    if ops::is_true(&v)? {
                        return Ok(super::int::new_bool(true));
                    }
                }
            }
            Ok(super::int::new_bool(false))
        },
        set: None,
    },
];

/// `object.__init_subclass__()`: accepts nothing (a class method; `args[0]` is the class).
pub(crate) fn object_init_subclass(a: &[Obj], k: Option<&PyObject>) -> PyResult<Obj> {
    let cls = a.first().and_then(|c| as_type(c)).map_or("object", |t| t.name()).to_owned();
    if k.is_some_and(|k| !super::tuple::items(k).is_empty()) {
        return Err(PyErr::type_error(format!("{cls}.__init_subclass__() takes no keyword arguments")));
    }
    if a.len() > 1 {
        return Err(PyErr::type_error(format!("{cls}.__init_subclass__() takes no arguments ({} given)", a.len() - 1)));
    }
    Ok(none())
}

// ---- staticmethod / classmethod -----------------------------------------------------------

/// A `staticmethod` or `classmethod`: the wrapped callable and a `__dict__` (for the
/// attributes `functools.wraps` copies).
#[repr(C)]
pub struct WrapperDescr {
    /// Header.
    pub ob_base: PyObject,
    func: Option<Obj>,
    /// (written only through `attr::dict_slot`: an `UnsafeCell` because it changes behind `&`)
    dict: std::cell::UnsafeCell<Option<Obj>>,
}

fn wrapper_of(o: &PyObject) -> &WrapperDescr {
    // SAFETY: only called on staticmethod/classmethod instances (checked by their slots).
    unsafe { o.cast::<WrapperDescr>() }
}

/// The cycle collector's `traverse` of `staticmethod` / `classmethod`.
pub(crate) fn wrapper_traverse(o: &PyObject, visit: &mut dyn FnMut(&PyObject)) {
    if let Some(f) = &wrapper_of(o).func {
        visit(f);
    }
    super::gc_traverse::visit_dict_slot(o, visit);
}

/// The cycle collector's `traverse` of `property`.
pub(crate) fn property_traverse(o: &PyObject, visit: &mut dyn FnMut(&PyObject)) {
    // Borrowed, not copied (a traverse must not change counts). SAFETY: a traverse's visitor
    // only reads, runs no Python code and writes no object, so nothing writes the fields
    // during the loan (see `gc_traverse::visit_dict_slot`).
    let f = unsafe { &*as_property(o).fields.get() };
    for x in [&f.fget, &f.fset, &f.fdel, &f.doc, &f.name].into_iter().flatten() {
        visit(x);
    }
}

fn wrapper_func(o: &PyObject) -> PyResult<Obj> {
    wrapper_of(o).func.clone().ok_or_else(|| PyErr::runtime_error("uninitialized staticmethod object"))
}

fn make_wrapper(name: &str, ty: &TypeObject, argv: &[Obj], kwnames: Option<&PyObject>) -> PyResult<Obj> {
    args::no_keywords(name, kwnames)?;
    let pos = args::positional(argv, kwnames);
    if pos.len() != 1 {
        return Err(PyErr::type_error(format!("{name} expected 1 argument, got {}", pos.len())));
    }
    let func = pos[0].clone();
    alloc_instance(ty, |ob_base| WrapperDescr { ob_base, func: Some(func), dict: std::cell::UnsafeCell::new(None) })
}

fn staticmethod_new(ty: &TypeObject, argv: &[Obj], kwnames: Option<&PyObject>) -> PyResult<Obj> {
    make_wrapper("staticmethod", ty, argv, kwnames)
}

fn classmethod_new(ty: &TypeObject, argv: &[Obj], kwnames: Option<&PyObject>) -> PyResult<Obj> {
    make_wrapper("classmethod", ty, argv, kwnames)
}

fn staticmethod_get(d: &PyObject, _obj: Option<&PyObject>, _ty: &PyObject) -> PyResult<Obj> {
    wrapper_func(d)
}

fn staticmethod_call(d: &PyObject, argv: &[Obj], kwnames: Option<&PyObject>) -> PyResult<Obj> {
    ops::call(&*wrapper_func(d)?, argv, kwnames)
}

fn classmethod_get(d: &PyObject, obj: Option<&PyObject>, ty: &PyObject) -> PyResult<Obj> {
    let f = wrapper_func(d)?;
    let cls = if is_none(ty) {
        Obj::new_ref(obj.expect("__get__(None, None)").type_object().as_object())
    } else {
        Obj::new_ref(ty)
    };
    super::function::new_method(f, cls)
}

fn wrapper_repr(o: &PyObject) -> PyResult<Obj> {
    let f = match &wrapper_of(o).func {
        Some(f) => ops::repr_text(f)?,
        None => "NULL".to_owned(),
    };
    new_str(&format!("<{}({f})>", type_name(o)))
}

fn wrapper_getattr(o: &PyObject, name: &PyObject) -> PyResult<Obj> {
    match super::attr::generic_getattr(o, name) {
        Err(e) if e.matches(types().exc.named("AttributeError")) => {
            // `__name__`, `__qualname__`, `__doc__`, `__module__` come from the wrapped callable.
            let n = str_value(name).unwrap_or("");
            if matches!(n, "__name__" | "__qualname__" | "__doc__" | "__module__" | "__annotations__") {
                if let Some(f) = &wrapper_of(o).func {
                    return ops::get_attr(f, name);
                }
            }
            Err(e)
        }
        r => r,
    }
}

static WRAPPER_GETSETS: &[GetSetDef] = &[
    GetSetDef { name: "__func__", get: wrapper_func, set: None },
    GetSetDef { name: "__wrapped__", get: wrapper_func, set: None },
    GetSetDef {
        name: "__isabstractmethod__",
        get: |o| match ops::get_attr_str(&*wrapper_func(o)?, "__isabstractmethod__") {
            Ok(v) => Ok(super::int::new_bool(ops::is_true(&v)?)),
            Err(_) => Ok(super::int::new_bool(false)),
        },
        set: None,
    },
];

static STATICMETHOD_METHODS: &[MethodDef] = &[MethodDef::method("__get__", |a, k| {
    let (s, r) = args::method("__get__", a, k, 1, 2)?;
    staticmethod_get(s, Some(&r[0]), r.get(1).map_or(immortals().none, |t| &**t))
})];

static CLASSMETHOD_METHODS: &[MethodDef] = &[MethodDef::method("__get__", |a, k| {
    let (s, r) = args::method("__get__", a, k, 1, 2)?;
    let obj = if is_none(&r[0]) { None } else { Some(&*r[0]) };
    match (obj, r.get(1)) {
        (_, Some(t)) if !is_none(t) => classmethod_get(s, obj, t),
        (Some(o), _) => classmethod_get(s, Some(o), o.type_object().as_object()),
        (None, _) => Err(PyErr::type_error("__get__(None, None) is invalid")),
    }
})];

// ---- super --------------------------------------------------------------------------------

/// A `super` object: the class after which the lookup starts, the object, and the type whose
/// MRO is searched (the object's type, or the object itself when it is a class).
#[repr(C)]
pub struct SuperObject {
    /// Header.
    pub ob_base: PyObject,
    fields: std::cell::UnsafeCell<SuperFields>,
}

/// What `super.__init__` sets.
#[derive(Default)]
struct SuperFields {
    this_class: Option<Obj>,
    obj: Option<Obj>,
    obj_type: Option<Obj>,
}

fn super_of(o: &PyObject) -> &SuperFields {
    // SAFETY: only called on super instances (checked by their slots); serialised by the
    // interpreter lock, and only `super.__init__` writes the fields.
    unsafe { &*o.cast::<SuperObject>().fields.get() }
}

/// `supercheck`: the type whose MRO `super(ty, obj)` searches.
pub(crate) fn super_check(ty: &TypeObject, obj: &PyObject) -> PyResult<Obj> {
    if let Some(t) = as_type(obj) {
        if t.is_subtype(ty) {
            return Ok(Obj::new_ref(obj));
        }
    }
    if obj.type_object().is_subtype(ty) {
        return Ok(Obj::new_ref(obj.type_object().as_object()));
    }
    let what = if as_type(obj).is_some() { "type" } else { "instance of" };
    let obj_desc = if as_type(obj).is_some() {
        format!("{what} {}", as_type(obj).map_or("?", |t| t.name()))
    } else {
        format!("{what} {}", type_name(obj))
    };
    Err(PyErr::type_error(format!(
        "super(type, obj): obj ({obj_desc}) is not an instance or subtype of type ({}).",
        ty.name()
    )))
}

/// `super()` without arguments: the caller's first argument and `__class__` cell.
fn super_from_frame() -> PyResult<(Obj, Obj)> {
    crate::eval::caller_super_args()
}

fn super_new(ty: &TypeObject, _argv: &[Obj], _kwnames: Option<&PyObject>) -> PyResult<Obj> {
    alloc_instance(ty, |ob_base| SuperObject { ob_base, fields: std::cell::UnsafeCell::new(SuperFields::default()) })
}

fn super_init(o: &PyObject, argv: &[Obj], kwnames: Option<&PyObject>) -> PyResult<()> {
    if std::ptr::eq(o.type_object(), types().descr.super_type) {
        args::no_keywords("super", kwnames)?;
    }
    let pos = args::positional(argv, kwnames);
    let (cls, obj) = match pos {
        [] => {
            let (c, s) = super_from_frame()?;
            (c, Some(s))
        }
        [c] => (c.clone(), None),
        [c, s] => (c.clone(), if is_none(s) { None } else { Some(s.clone()) }),
        _ => return Err(PyErr::type_error(format!("super() expected at most 2 arguments, got {}", pos.len()))),
    };
    let Some(t) = as_type(&cls) else {
        return Err(PyErr::type_error(format!("super() argument 1 must be a type, not {}", type_name(&cls))));
    };
    let obj_type = match &obj {
        Some(ob) => Some(super_check(t, ob)?),
        None => None,
    };
    // SAFETY: the receiver is a super object (checked by the slot's installation); no other
    // borrow of its fields is live while `__init__` runs, and the old values are dropped after.
    let fields = unsafe { &mut *o.cast::<SuperObject>().fields.get() };
    let old = std::mem::replace(fields, SuperFields { this_class: Some(cls), obj, obj_type });
    drop(old);
    Ok(())
}

/// `super_getattro`: the MRO of `obj_type` after `this_class`, binding through `__get__`.
fn super_getattro(o: &PyObject, name: &PyObject) -> PyResult<Obj> {
    let s = super_of(o);
    let skip = str_value(name) == Some("__class__");
    if let (Some(start), Some(obj_type), false) = (&s.this_class, &s.obj_type, skip) {
        if let Some((d, _)) = super_lookup_in(start, obj_type, name)? {
            // A class as `obj` (`super(C, C)`) binds as a class attribute lookup would.
            let obj = s.obj.as_deref().filter(|ob| !ob.is(obj_type));
            return match d.type_object().descr_get {
                Some(get) => get(&d, obj, obj_type),
                None => Ok(d),
            };
        }
    }
    super::attr::generic_getattr(o, name)
}

/// Looks `name` up in `obj_type`'s MRO after `start`: the attribute and the class holding it.
pub(crate) fn super_lookup_in(start: &PyObject, obj_type: &PyObject, name: &PyObject) -> PyResult<Option<(Obj, Obj)>> {
    let Some(t) = as_type(obj_type) else { return Ok(None) };
    let mro = t.mro();
    let Some(pos) = mro.iter().position(|c| c.is(start)) else { return Ok(None) };
    for c in &mro[pos + 1..] {
        let Some(ct) = as_type(c) else { continue };
        if let Some(v) = ct.dict().and_then(as_dict).and_then(|d| d.get_str(name)) {
            return Ok(Some((v, c.clone())));
        }
    }
    Ok(None)
}

fn super_get(d: &PyObject, obj: Option<&PyObject>, _ty: &PyObject) -> PyResult<Obj> {
    let s = super_of(d);
    match obj {
        Some(ob) if !is_none(ob) && s.obj.is_none() => {
            let cls = s.this_class.clone().ok_or_else(|| PyErr::runtime_error("super(): uninitialised"))?;
            let new = ops::call(d.type_object().as_object(), &[cls, Obj::new_ref(ob)], None)?;
            Ok(new)
        }
        _ => Ok(Obj::new_ref(d)),
    }
}

fn super_repr(o: &PyObject) -> PyResult<Obj> {
    let s = super_of(o);
    let cls = s.this_class.as_deref().and_then(as_type).map_or("NULL".to_owned(), |t| t.name().to_owned());
    match s.obj_type.as_deref().and_then(as_type) {
        Some(t) => new_str(&format!("<super: <class '{cls}'>, <{} object>>", t.name())),
        None => new_str(&format!("<super: <class '{cls}'>, NULL>")),
    }
}

static SUPER_GETSETS: &[GetSetDef] = &[
    GetSetDef { name: "__thisclass__", get: |o| field_or_none(super_of(o).this_class.clone()), set: None },
    GetSetDef { name: "__self__", get: |o| field_or_none(super_of(o).obj.clone()), set: None },
    GetSetDef { name: "__self_class__", get: |o| field_or_none(super_of(o).obj_type.clone()), set: None },
];

// ---- the types ----------------------------------------------------------------------------

/// The descriptor types.
pub struct DescrTypes {
    /// `property`
    pub property_type: &'static TypeObject,
    /// `staticmethod`
    pub staticmethod_type: &'static TypeObject,
    /// `classmethod`
    pub classmethod_type: &'static TypeObject,
    /// `super`
    pub super_type: &'static TypeObject,
    /// `member_descriptor` (`__slots__` members, `member.rs`)
    pub(crate) member_descriptor_type: &'static TypeObject,
    /// `getset_descriptor` of a class's `__dict__` and `__weakref__` (`subtype_getset.rs`)
    pub(crate) subtype_getset_type: &'static TypeObject,
}

/// Phase one of the static types: the descriptor types.
pub(crate) fn make_descr_types(
    type_type: &'static TypeObject,
    object_type: &'static TypeObject,
    specs: &mut Vec<TypeSpec>,
) -> DescrTypes {
    let property_type = new_static_type(
        type_type,
        "property",
        size_of::<PropertyObject>(),
        flags::BASETYPE,
        dealloc_instance::<PropertyObject>,
        |t| {
            t.new = Some(property_new);
            t.init = Some(property_init);
            t.descr_get = Some(property_get);
            t.descr_set = Some(property_set);
            t.hash = Some(super::core_types::object_hash);
            t.richcompare = Some(super::core_types::object_richcompare);
        },
    );
    let wrapper = |name, new: super::typeobj::NewFn, get: super::typeobj::DescrGetFn, call| {
        new_static_type(
            type_type,
            name,
            size_of::<WrapperDescr>(),
            flags::BASETYPE,
            dealloc_instance::<WrapperDescr>,
            |t| {
                t.new = Some(new);
                t.descr_get = Some(get);
                t.call = call;
                t.repr = Some(wrapper_repr);
                t.getattro = wrapper_getattr;
                t.dict_offset = std::mem::offset_of!(WrapperDescr, dict);
                t.setattro = Some(super::attr::generic_setattr);
                t.hash = Some(super::core_types::object_hash);
                t.richcompare = Some(super::core_types::object_richcompare);
            },
        )
    };
    let staticmethod_type =
        wrapper("staticmethod", staticmethod_new, staticmethod_get, Some(staticmethod_call as super::typeobj::CallFn));
    let classmethod_type = wrapper("classmethod", classmethod_new, classmethod_get, None);
    let super_type = new_static_type(
        type_type,
        "super",
        size_of::<SuperObject>(),
        flags::BASETYPE,
        dealloc_instance::<SuperObject>,
        |t| {
            t.new = Some(super_new);
            t.init = Some(super_init);
            t.getattro = super_getattro;
            t.descr_get = Some(super_get);
            t.repr = Some(super_repr);
            t.hash = Some(super::core_types::object_hash);
            t.richcompare = Some(super::core_types::object_richcompare);
        },
    );
    let obj = Some(object_type);
    specs.push(TypeSpec { ty: property_type, base: obj, methods: PROPERTY_METHODS, getsets: PROPERTY_GETSETS });
    specs.push(TypeSpec { ty: staticmethod_type, base: obj, methods: STATICMETHOD_METHODS, getsets: WRAPPER_GETSETS });
    specs.push(TypeSpec { ty: classmethod_type, base: obj, methods: CLASSMETHOD_METHODS, getsets: WRAPPER_GETSETS });
    specs.push(TypeSpec { ty: super_type, base: obj, methods: &[], getsets: SUPER_GETSETS });
    let member_descriptor_type = super::member::make_member_type(type_type, object_type, specs);
    let subtype_getset_type = super::subtype_getset::make_subtype_getset_type(type_type, object_type, specs);
    DescrTypes {
        property_type,
        staticmethod_type,
        classmethod_type,
        super_type,
        member_descriptor_type,
        subtype_getset_type,
    }
}
