//! Slot wrappers: the dunder methods of the static types (`list.__getitem__`,
//! `int.__add__`, `list.__init__`, `object.__new__`, ...), CPython's `wrapper_descriptor`s made
//! by `add_operators` in `Objects/typeobject.c`.
//!
//! A static type's behaviour lives in its slots; Python code reaches it by name — explicitly
//! (`int.__add__(1, 2)`), through `super()` (`super().__init__(x)` in a subclass of `list`), or
//! when a subclass calls the base's implementation. When the static types are readied, each
//! slot a type fills *itself* (not the same function as its base's) gets a wrapper in the
//! type's `__dict__` under each dunder name the slot serves, unless a method of that name is
//! already there. A wrapper remembers its owner type and calls *the owner's* slot function, so
//! a subclass that overrides the dunder and calls `super()` reaches the base's code rather
//! than its own override again.
//!
//! `wrapper.__get__(obj)` binds like a function (a bound method); `__new__` is the exception:
//! it is looked up on the class and takes the class first (`object.__new__(C)`), so it does
//! not bind.

use super::abstract_ops::type_name;
use super::builtin::{MethodDef, MethodKind, args};
use super::dict::DictObject;
use super::header::PyObject;
use super::immortal::{TypeSpec, immortals, new_static_type};
use super::int::new_bool;
use super::obj::Obj;
use super::slots::{BinOp, NumberMethods};
use super::str::{StrObject, new_str};
use super::typeobj::{CompareOp, TypeObject, as_type};
use crate::error::{PyErr, PyResult};

/// Which slot a wrapper calls, and how.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Kind {
    Repr,
    Str,
    Hash,
    Call,
    Iter,
    Next,
    GetAttribute,
    SetAttr,
    DelAttr,
    Get,
    Set,
    Delete,
    Init,
    New,
    Compare(CompareOp),
    Len,
    GetItem,
    SetItem,
    DelItem,
    Contains,
    Binary(BinOp),
    Reflected(BinOp),
    InPlace(BinOp),
    Neg,
    Pos,
    Abs,
    Invert,
    Bool,
    Int,
    Float,
    Index,
}

/// A `wrapper_descriptor`.
#[repr(C)]
pub struct SlotWrapper {
    /// Header.
    pub ob_base: PyObject,
    name: &'static str,
    kind: Kind,
    owner: &'static TypeObject,
    /// The owner's method-table entry of this name, when it has one: called instead of the
    /// slot (see [`leak_method_wrapper`]).
    method: Option<super::builtin::NativeFn>,
}

fn wrapper_of(o: &PyObject) -> &SlotWrapper {
    // SAFETY: only called from the wrapper type's slots.
    unsafe { o.cast::<SlotWrapper>() }
}

fn same<F: Copy>(a: Option<F>, b: Option<F>, eq: impl Fn(F, F) -> bool) -> bool {
    match (a, b) {
        (Some(x), Some(y)) => eq(x, y),
        (None, None) => true,
        _ => false,
    }
}

macro_rules! own {
    ($t:ident, $b:ident, $($f:ident).+) => {
        $t.$($f).+.is_some() && !same($t.$($f).+, $b.and_then(|b| b.$($f).+), |x, y| std::ptr::fn_addr_eq(x, y))
    };
}

/// A dunder name, its wrapper kind, and whether a number table fills the slot.
type NumberSlotTest = (&'static str, Kind, fn(&NumberMethods) -> bool);

/// The wrappers a type gets: `(dunder name, kind)` for each slot it fills itself.
fn wrappers_for(t: &TypeObject, base: Option<&TypeObject>) -> Vec<(&'static str, Kind)> {
    let mut out: Vec<(&'static str, Kind)> = Vec::new();
    let mut add = |cond: bool, names: &[(&'static str, Kind)]| {
        if cond {
            out.extend_from_slice(names);
        }
    };
    add(own!(t, base, repr), &[("__repr__", Kind::Repr)]);
    add(own!(t, base, str), &[("__str__", Kind::Str)]);
    add(own!(t, base, hash), &[("__hash__", Kind::Hash)]);
    add(own!(t, base, call), &[("__call__", Kind::Call)]);
    add(own!(t, base, iter), &[("__iter__", Kind::Iter)]);
    add(own!(t, base, iternext), &[("__next__", Kind::Next)]);
    let own_getattro = base.is_none_or(|b| !std::ptr::fn_addr_eq(t.getattro, b.getattro));
    add(own_getattro, &[("__getattribute__", Kind::GetAttribute)]);
    add(own!(t, base, setattro), &[("__setattr__", Kind::SetAttr), ("__delattr__", Kind::DelAttr)]);
    add(own!(t, base, descr_get), &[("__get__", Kind::Get)]);
    add(own!(t, base, descr_set), &[("__set__", Kind::Set), ("__delete__", Kind::Delete)]);
    add(own!(t, base, init), &[("__init__", Kind::Init)]);
    add(own!(t, base, new), &[("__new__", Kind::New)]);
    add(
        own!(t, base, richcompare),
        &[
            ("__lt__", Kind::Compare(CompareOp::Lt)),
            ("__le__", Kind::Compare(CompareOp::Le)),
            ("__eq__", Kind::Compare(CompareOp::Eq)),
            ("__ne__", Kind::Compare(CompareOp::Ne)),
            ("__gt__", Kind::Compare(CompareOp::Gt)),
            ("__ge__", Kind::Compare(CompareOp::Ge)),
        ],
    );
    add(own!(t, base, sequence.length) || own!(t, base, mapping.length), &[("__len__", Kind::Len)]);
    add(own!(t, base, mapping.subscript), &[("__getitem__", Kind::GetItem)]);
    add(own!(t, base, mapping.ass_subscript), &[("__setitem__", Kind::SetItem), ("__delitem__", Kind::DelItem)]);
    add(own!(t, base, sequence.contains), &[("__contains__", Kind::Contains)]);
    let (n, bn): (&NumberMethods, Option<&NumberMethods>) = (&t.number, base.map(|b| &b.number));
    for &op in NumberMethods::all_ops() {
        let (fwd, rev, inp) = op.dunders();
        let mine = n.binary(op);
        if mine.is_some() && !same(mine, bn.and_then(|b| b.binary(op)), |x, y| std::ptr::fn_addr_eq(x, y)) {
            out.push((fwd, Kind::Binary(op)));
            out.push((rev, Kind::Reflected(op)));
        }
        let mine = n.inplace(op);
        if mine.is_some() && !same(mine, bn.and_then(|b| b.inplace(op)), |x, y| std::ptr::fn_addr_eq(x, y)) {
            out.push((inp, Kind::InPlace(op)));
        }
    }
    let unary: [NumberSlotTest; 4] = [
        ("__neg__", Kind::Neg, |n| n.negative.is_some()),
        ("__pos__", Kind::Pos, |n| n.positive.is_some()),
        ("__abs__", Kind::Abs, |n| n.absolute.is_some()),
        ("__invert__", Kind::Invert, |n| n.invert.is_some()),
    ];
    let base_has = |f: fn(&NumberMethods) -> bool| bn.is_some_and(f);
    for (name, kind, has) in unary {
        if has(n) && !base_has(has) {
            out.push((name, kind));
        }
    }
    let conv: [NumberSlotTest; 4] = [
        ("__bool__", Kind::Bool, |n| n.bool.is_some()),
        ("__int__", Kind::Int, |n| n.int.is_some()),
        ("__float__", Kind::Float, |n| n.float.is_some()),
        ("__index__", Kind::Index, |n| n.index.is_some()),
    ];
    for (name, kind, has) in conv {
        if has(n) && !base_has(has) {
            out.push((name, kind));
        }
    }
    out
}

/// The wrapper kind under which `def`, a method in the method table of static type `t` (base
/// `base`), is published, if it names a slot `t` fills itself. In CPython `add_operators` fills
/// the type's dict before `tp_methods`, and a method does not replace a wrapper unless it is
/// `METH_COEXIST` (those below), so `int.__add__` is a `<slot wrapper ...>` and
/// `list.__getitem__` a `<method ...>`.
pub(crate) fn method_as_wrapper(t: &TypeObject, base: Option<&TypeObject>, def: &MethodDef) -> Option<Kind> {
    const COEXIST: &[(&str, &str)] = &[
        ("dict", "__contains__"),
        ("dict", "__getitem__"),
        ("list", "__getitem__"),
        ("set", "__contains__"),
        ("frozenset", "__contains__"),
    ];
    if def.kind != MethodKind::Instance || !def.name.starts_with("__") || COEXIST.contains(&(t.name(), def.name)) {
        return None;
    }
    wrappers_for(t, base).into_iter().find(|&(n, kind)| n == def.name && kind != Kind::New).map(|(_, kind)| kind)
}

/// The type whose dunder `o` is, when `o` is a slot wrapper.
pub(crate) fn wrapper_owner(o: &PyObject) -> Option<&'static TypeObject> {
    std::ptr::eq(o.type_object(), super::immortal::types().slot_wrapper_type).then(|| wrapper_of(o).owner)
}

/// Whether `o` is a slot wrapper that binds to an instance (not `__new__`): CPython gives
/// `wrapper_descriptor` `Py_TPFLAGS_METHOD_DESCRIPTOR`, so a method load (`LOAD_SUPER_ATTR`
/// with its method bit) pushes it unbound with the receiver instead of making a bound method.
#[inline]
pub(crate) fn is_instance_wrapper(o: &PyObject) -> bool {
    std::ptr::eq(o.type_object(), super::immortal::types_known_made(o).slot_wrapper_type)
        && wrapper_of(o).kind != Kind::New
}

/// A `wrapper_descriptor` for `def` (see [`method_as_wrapper`]): a slot wrapper to Python code
/// (its type, repr and binding), whose calls run the method-table entry — which checks its
/// arguments and converts them as the type's own dunder does (`str.__mul__('a', 'b')` is
/// CPython's `'str' object cannot be interpreted as an integer`, `int.__pow__` takes a modulus).
pub(crate) fn leak_method_wrapper(
    def: &'static MethodDef,
    kind: Kind,
    owner: &'static TypeObject,
    wrapper_type: &TypeObject,
) -> &'static PyObject {
    // SAFETY: SlotWrapper starts with the header; immortal, never freed.
    let w = unsafe {
        super::alloc::leak_immortal(wrapper_type, |ob_base| SlotWrapper {
            ob_base,
            name: def.name,
            kind,
            owner,
            method: Some(def.func),
        })
    };
    &w.ob_base
}

/// Phase two of the static types: adds `spec.ty`'s slot wrappers to its (immortal, not yet
/// published) dict. Runs inside the static types' initialiser, so it must not reach
/// `types()`: names are interned through `intern`, and the dict's keys (all interned) are
/// compared by identity.
pub(crate) fn add_slot_wrappers(
    spec: &TypeSpec,
    dict: &'static DictObject,
    wrapper_type: &TypeObject,
    intern: impl Fn(&str) -> &'static StrObject,
) {
    let t = spec.ty;
    for (name, kind) in wrappers_for(t, spec.base) {
        let key = intern(name);
        if dict.index_of_identical(&key.ob_base).is_some() {
            continue;
        }
        // SAFETY: SlotWrapper starts with the header; immortal, never freed.
        let w = unsafe {
            super::alloc::leak_immortal(wrapper_type, |ob_base| SlotWrapper {
                ob_base,
                name,
                kind,
                owner: t,
                method: None,
            })
        };
        // SAFETY: the dict is not yet published (this function's use); `key` is interned.
        unsafe { dict.set_immortal(&key.ob_base, &w.ob_base) };
    }
}

fn none() -> Obj {
    Obj::new_ref(immortals().none)
}

/// Checks the argument count of a wrapper call (after the receiver).
fn arity<'a>(w: &SlotWrapper, rest: &'a [Obj], n: usize) -> PyResult<&'a [Obj]> {
    if rest.len() != n {
        return Err(PyErr::type_error(match n {
            0 => format!("expected 0 arguments, got {}", rest.len()),
            1 => format!("expected 1 argument, got {}", rest.len()),
            _ => format!("{}() expected {n} arguments, got {}", w.name, rest.len()),
        }));
    }
    Ok(rest)
}

fn missing(w: &SlotWrapper) -> PyErr {
    PyErr::type_error(format!("'{}' of '{}' objects has no slot", w.name, w.owner.name()))
}

/// Calls the owner's slot for `w` with receiver `s` and the rest of the arguments.
fn call_slot(w: &SlotWrapper, s: &Obj, rest: &[Obj], kwnames: Option<&PyObject>) -> PyResult<Obj> {
    let t = w.owner;
    if !matches!(w.kind, Kind::Call | Kind::Init | Kind::New) {
        args::no_keywords(w.name, kwnames)?;
    }
    Ok(match w.kind {
        Kind::Repr => (t.repr.ok_or_else(|| missing(w))?)(s)?,
        Kind::Str => (t.str.ok_or_else(|| missing(w))?)(s)?,
        Kind::Hash => super::int::new_int((t.hash.ok_or_else(|| missing(w))?)(s)? as i64)?,
        Kind::Call => (t.call.ok_or_else(|| missing(w))?)(s, rest, kwnames)?,
        Kind::Iter => (t.iter.ok_or_else(|| missing(w))?)(s)?,
        Kind::Next => match (t.iternext.ok_or_else(|| missing(w))?)(s)? {
            Some(v) => v,
            None => return Err(PyErr::stop_iteration(None)),
        },
        Kind::GetAttribute => {
            let name = &arity(w, rest, 1)?[0];
            super::attr::attr_name_check(name)?;
            (t.getattro)(s, name)?
        }
        Kind::SetAttr => {
            let r = arity(w, rest, 2)?;
            super::attr::attr_name_check(&r[0])?;
            (t.setattro.ok_or_else(|| missing(w))?)(s, &r[0], Some(&r[1]))?;
            none()
        }
        Kind::DelAttr => {
            let name = &arity(w, rest, 1)?[0];
            super::attr::attr_name_check(name)?;
            (t.setattro.ok_or_else(|| missing(w))?)(s, name, None)?;
            none()
        }
        Kind::Get => {
            if rest.is_empty() || rest.len() > 2 {
                return Err(PyErr::type_error(format!("expected 1 or 2 arguments, got {}", rest.len())));
            }
            let obj = Some(&*rest[0]).filter(|o| !o.is(immortals().none));
            let ty = match rest.get(1) {
                Some(t) if !t.is(immortals().none) => t.clone(),
                _ => match obj {
                    Some(o) => Obj::new_ref(o.type_object().as_object()),
                    None => return Err(PyErr::type_error("__get__(None, None) is invalid")),
                },
            };
            (t.descr_get.ok_or_else(|| missing(w))?)(s, obj, &ty)?
        }
        Kind::Set => {
            let r = arity(w, rest, 2)?;
            (t.descr_set.ok_or_else(|| missing(w))?)(s, &r[0], Some(&r[1]))?;
            none()
        }
        Kind::Delete => {
            (t.descr_set.ok_or_else(|| missing(w))?)(s, &arity(w, rest, 1)?[0], None)?;
            none()
        }
        Kind::Init => {
            (t.init.ok_or_else(|| missing(w))?)(s, rest, kwnames)?;
            none()
        }
        Kind::New => unreachable!("__new__ is called through new_wrapper_call"),
        Kind::Compare(op) => (t.richcompare.ok_or_else(|| missing(w))?)(s, &arity(w, rest, 1)?[0], op)?,
        Kind::Len => {
            let f = t.sequence.length.or(t.mapping.length).ok_or_else(|| missing(w))?;
            arity(w, rest, 0)?;
            super::int::new_int(f(s)? as i64)?
        }
        Kind::GetItem => (t.mapping.subscript.ok_or_else(|| missing(w))?)(s, &arity(w, rest, 1)?[0])?,
        Kind::SetItem => {
            let r = arity(w, rest, 2)?;
            (t.mapping.ass_subscript.ok_or_else(|| missing(w))?)(s, &r[0], Some(&r[1]))?;
            none()
        }
        Kind::DelItem => {
            (t.mapping.ass_subscript.ok_or_else(|| missing(w))?)(s, &arity(w, rest, 1)?[0], None)?;
            none()
        }
        Kind::Contains => new_bool((t.sequence.contains.ok_or_else(|| missing(w))?)(s, &arity(w, rest, 1)?[0])?),
        Kind::Binary(op) => (t.number.binary(op).ok_or_else(|| missing(w))?)(s, &arity(w, rest, 1)?[0])?,
        Kind::Reflected(op) => (t.number.binary(op).ok_or_else(|| missing(w))?)(&arity(w, rest, 1)?[0], s)?,
        Kind::InPlace(op) => (t.number.inplace(op).ok_or_else(|| missing(w))?)(s, &arity(w, rest, 1)?[0])?,
        Kind::Neg => (t.number.negative.ok_or_else(|| missing(w))?)(s)?,
        Kind::Pos => (t.number.positive.ok_or_else(|| missing(w))?)(s)?,
        Kind::Abs => (t.number.absolute.ok_or_else(|| missing(w))?)(s)?,
        Kind::Invert => (t.number.invert.ok_or_else(|| missing(w))?)(s)?,
        Kind::Bool => new_bool((t.number.bool.ok_or_else(|| missing(w))?)(s)?),
        Kind::Int => (t.number.int.ok_or_else(|| missing(w))?)(s)?,
        Kind::Float => (t.number.float.ok_or_else(|| missing(w))?)(s)?,
        Kind::Index => (t.number.index.ok_or_else(|| missing(w))?)(s)?,
    })
}

/// `T.__new__(subtype, *args)` (`tp_new_wrapper`).
fn new_wrapper_call(w: &SlotWrapper, argv: &[Obj], kwnames: Option<&PyObject>) -> PyResult<Obj> {
    let owner = w.owner.name();
    let Some(first) = args::positional(argv, kwnames).first() else {
        return Err(PyErr::type_error(format!("{owner}.__new__(): not enough arguments")));
    };
    let Some(sub) = as_type(first) else {
        return Err(PyErr::type_error(format!("{owner}.__new__(X): X is not a type object ({})", type_name(first))));
    };
    if !sub.is_subtype(w.owner) {
        return Err(PyErr::type_error(format!(
            "{owner}.__new__({}): {} is not a subtype of {owner}",
            sub.name(),
            sub.name()
        )));
    }
    // The nearest static base's constructor must be this one: `object.__new__(L)` for a
    // subclass of `list` would make an object of the wrong layout.
    let mut staticbase = sub;
    while super::classobj::has_slot_new(staticbase) {
        match staticbase.base() {
            Some(b) => staticbase = b,
            None => break,
        }
    }
    let new = w.owner.new.ok_or_else(|| missing(w))?;
    if !same(staticbase.new, Some(new), |x, y| std::ptr::fn_addr_eq(x, y)) {
        return Err(PyErr::type_error(format!(
            "{owner}.__new__({}) is not safe, use {}.__new__()",
            sub.name(),
            staticbase.name()
        )));
    }
    new(sub, &argv[1..], kwnames)
}

fn wrapper_call(callable: &PyObject, argv: &[Obj], kwnames: Option<&PyObject>) -> PyResult<Obj> {
    let w = wrapper_of(callable);
    if w.kind == Kind::New {
        return new_wrapper_call(w, argv, kwnames);
    }
    let npos = args::positional(argv, kwnames).len();
    let Some(s) = argv.first().filter(|_| npos > 0) else {
        return Err(PyErr::type_error(format!(
            "descriptor '{}' of '{}' object needs an argument",
            w.name,
            w.owner.name()
        )));
    };
    if !s.type_object().is_subtype(w.owner) {
        return Err(PyErr::type_error(format!(
            "descriptor '{}' requires a '{}' object but received a '{}'",
            w.name,
            w.owner.name(),
            type_name(s)
        )));
    }
    match w.method {
        Some(f) => f(argv, kwnames),
        None => call_slot(w, s, &argv[1..], kwnames),
    }
}

fn wrapper_get(d: &PyObject, obj: Option<&PyObject>, _ty: &PyObject) -> PyResult<Obj> {
    let w = wrapper_of(d);
    match obj {
        Some(o) if w.kind != Kind::New => {
            if !o.type_object().is_subtype(w.owner) {
                return Err(PyErr::type_error(format!(
                    "descriptor '{}' for '{}' objects doesn't apply to a '{}' object",
                    w.name,
                    w.owner.name(),
                    type_name(o)
                )));
            }
            super::function::new_method(Obj::new_ref(d), Obj::new_ref(o))
        }
        _ => Ok(Obj::new_ref(d)),
    }
}

fn wrapper_repr(o: &PyObject) -> PyResult<Obj> {
    let w = wrapper_of(o);
    if w.kind == Kind::New {
        return new_str(&format!("<built-in method __new__ of type object at {:#x}>", w.owner.as_object().addr()));
    }
    new_str(&format!("<slot wrapper '{}' of '{}' objects>", w.name, w.owner.name()))
}

static WRAPPER_GETSETS: &[super::builtin::GetSetDef] = &[
    super::builtin::GetSetDef { name: "__name__", get: |o| new_str(wrapper_of(o).name), set: None },
    super::builtin::GetSetDef {
        name: "__qualname__",
        get: |o| {
            let w = wrapper_of(o);
            new_str(&format!("{}.{}", w.owner.name(), w.name))
        },
        set: None,
    },
    super::builtin::GetSetDef {
        name: "__objclass__",
        get: |o| Ok(Obj::new_ref(wrapper_of(o).owner.as_object())),
        set: None,
    },
    // `T.__new__` is CPython's builtin method bound to `T` (`copyreg._reduce_ex` reads its
    // `__self__`); the other wrappers have none.
    super::builtin::GetSetDef {
        name: "__self__",
        get: |o| match wrapper_of(o) {
            w if w.kind == Kind::New => Ok(Obj::new_ref(w.owner.as_object())),
            _ => Err(super::attr::no_attribute(o, &super::immortal::intern("__self__").ob_base)),
        },
        set: None,
    },
];

/// Phase one: the `wrapper_descriptor` type.
pub(crate) fn make_wrapper_type(
    type_type: &'static TypeObject,
    object_type: &'static TypeObject,
    specs: &mut Vec<TypeSpec>,
) -> &'static TypeObject {
    let t = new_static_type(
        type_type,
        "wrapper_descriptor",
        size_of::<SlotWrapper>(),
        0,
        super::typeobj::dealloc_static,
        |t| {
            t.call = Some(wrapper_call);
            t.descr_get = Some(wrapper_get);
            t.repr = Some(wrapper_repr);
            t.hash = Some(super::core_types::object_hash);
            t.richcompare = Some(super::core_types::object_richcompare);
        },
    );
    specs.push(TypeSpec { ty: t, base: Some(object_type), methods: &[], getsets: WRAPPER_GETSETS });
    t
}
