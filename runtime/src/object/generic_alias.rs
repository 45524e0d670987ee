//! `types.GenericAlias`: what `list[int]`, `dict[str, int]`, `type[C]` evaluate to (PEP 585,
//! CPython's `Objects/genericaliasobject.c`).
//!
//! An alias holds its origin class and the argument tuple. It prints as the origin's name with
//! the arguments in brackets (`dict[str, list[int]]`, `tuple[()]`, `...` for `Ellipsis`);
//! calling it calls the origin; attribute access other than the alias's own attributes is
//! forwarded to the origin (`list[int].append`); as a base class it stands for its origin
//! (`__mro_entries__`); and `isinstance`/`issubclass` refuse it. Builtin generic classes get
//! it from their `__class_getitem__` ([`class_getitem`]).

use std::ptr::NonNull;

use super::abstract_ops as ops;
use super::builtin::{GetSetDef, MethodDef, args};
use super::header::PyObject;
use super::immortal::{TypeSpec, immortals, intern, new_static_type, types};
use super::int::new_bool;
use super::obj::Obj;
use super::str::{new_str, str_value};
use super::tuple::{is_tuple, items, new_tuple};
use super::typeobj::{CompareOp, TypeObject, as_type};
use crate::error::{PyErr, PyResult};

/// A `types.GenericAlias`.
#[repr(C)]
pub struct GenericAlias {
    /// Header.
    pub ob_base: PyObject,
    origin: Obj,
    /// Always a tuple.
    args: Obj,
}

fn alias_of(o: &PyObject) -> &GenericAlias {
    // SAFETY: only called on GenericAlias instances (checked by the slots and descriptors).
    unsafe { o.cast::<GenericAlias>() }
}

/// Whether `o` is a `GenericAlias`.
pub fn is_generic_alias(o: &PyObject) -> bool {
    std::ptr::eq(o.type_object(), types().generic_alias_type)
}

/// `GenericAlias(origin, args)`: a non-tuple `args` is one argument.
pub fn new_generic_alias(origin: Obj, args: Obj) -> PyResult<Obj> {
    let args = if is_tuple(&args) { args } else { new_tuple(vec![args])? };
    // SAFETY: GenericAlias starts with the header; its deallocator drops it.
    unsafe { super::alloc::alloc(types().generic_alias_type, |ob_base| GenericAlias { ob_base, origin, args }) }
}

/// `cls.__class_getitem__(item)` of the builtin generic classes.
pub(crate) fn class_getitem(a: &[Obj], k: Option<&PyObject>) -> PyResult<Obj> {
    let (cls, r) = args::method("__class_getitem__", a, k, 1, 1)?;
    new_generic_alias(cls.clone(), r[0].clone())
}

/// `ga_repr_item`: `...`, a nested alias's repr, a class's (qualified) name, else `repr`.
fn repr_item(item: &PyObject) -> PyResult<String> {
    if item.is(immortals().ellipsis) {
        return Ok("...".to_owned());
    }
    repr_class_or_alias(item)
}

/// The shared tail of `ga_repr_item` and `union_repr_item`: a nested alias's repr, else a
/// class's `module.qualname` (`builtins` left out), else `repr` (an `AttributeError` reading
/// the names falls back to `repr`; any other error propagates).
pub(crate) fn repr_class_or_alias(item: &PyObject) -> PyResult<String> {
    if is_generic_alias(item) {
        return ops::repr_text(item);
    }
    let qualname = ops::get_attr_str(item, "__qualname__");
    let module = ops::get_attr_str(item, "__module__");
    match (qualname, module) {
        (Ok(q), Ok(m)) if str_value(&q).is_some() => {
            let q = str_value(&q).unwrap_or_default();
            match str_value(&m) {
                Some("builtins") => Ok(q.to_owned()),
                Some(m) => Ok(format!("{m}.{q}")),
                None => ops::repr_text(item),
            }
        }
        (Err(e), _) | (_, Err(e)) if !e.matches(types().exc.named("AttributeError")) => Err(e),
        _ => ops::repr_text(item),
    }
}

fn alias_repr(o: &PyObject) -> PyResult<Obj> {
    let a = alias_of(o);
    let mut out = repr_item(&a.origin)?;
    out.push('[');
    let its = items(&a.args);
    if its.is_empty() {
        out.push_str("()");
    }
    for (i, x) in its.iter().enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        out.push_str(&repr_item(x)?);
    }
    out.push(']');
    new_str(&out)
}

fn alias_richcompare(a: &PyObject, b: &PyObject, op: CompareOp) -> PyResult<Obj> {
    if !is_generic_alias(b) || !matches!(op, CompareOp::Eq | CompareOp::Ne) {
        return Ok(Obj::new_ref(immortals().not_implemented));
    }
    let (x, y) = (alias_of(a), alias_of(b));
    let eq = ops::rich_compare_bool(&x.origin, &y.origin, CompareOp::Eq)?
        && ops::rich_compare_bool(&x.args, &y.args, CompareOp::Eq)?;
    Ok(new_bool(eq == (op == CompareOp::Eq)))
}

fn alias_hash(o: &PyObject) -> PyResult<isize> {
    let a = alias_of(o);
    Ok(ops::hash(&a.origin)? ^ ops::hash(&a.args)?)
}

/// Calling an alias calls its origin, then records the alias on the result when it can.
fn alias_call(o: &PyObject, argv: &[Obj], kwnames: Option<&PyObject>) -> PyResult<Obj> {
    let r = ops::call(&alias_of(o).origin, argv, kwnames)?;
    let _ = ops::set_attr(&r, &intern("__orig_class__").ob_base, Some(o));
    Ok(r)
}

/// The alias's own attributes; everything else comes from the origin (`ga_getattro`).
const OWN_ATTRIBUTES: &[&str] = &[
    "__class__",
    "__origin__",
    "__args__",
    "__unpacked__",
    "__parameters__",
    "__typing_unpacked_tuple_args__",
    "__mro_entries__",
    "__reduce_ex__",
    "__reduce__",
    "__copy__",
    "__deepcopy__",
];

fn alias_getattro(o: &PyObject, name: &PyObject) -> PyResult<Obj> {
    if str_value(name).is_some_and(|n| !OWN_ATTRIBUTES.contains(&n)) {
        return ops::get_attr(&alias_of(o).origin, name);
    }
    super::attr::generic_getattr(o, name)
}

/// The type variables among the arguments (those with `__typing_subst__`); `()` for plain
/// classes.
fn parameters(a: &GenericAlias) -> PyResult<Obj> {
    let mut out: Vec<Obj> = Vec::new();
    for x in items(&a.args) {
        let type_var = as_type(x).is_none() && super::attr::lookup_str(x.type_object(), "__typing_subst__").is_some();
        if type_var && !out.iter().any(|p| p.is(x)) {
            out.push(x.clone());
        }
    }
    new_tuple(out)
}

static ALIAS_GETSETS: &[GetSetDef] = &[
    GetSetDef { name: "__origin__", get: |o| Ok(alias_of(o).origin.clone()), set: None },
    GetSetDef { name: "__args__", get: |o| Ok(alias_of(o).args.clone()), set: None },
    GetSetDef { name: "__parameters__", get: |o| parameters(alias_of(o)), set: None },
    GetSetDef { name: "__unpacked__", get: |_| Ok(new_bool(false)), set: None },
];

static ALIAS_METHODS: &[MethodDef] = &[
    MethodDef::method("__mro_entries__", |a, k| {
        let (s, _) = args::method("__mro_entries__", a, k, 1, 1)?;
        new_tuple(vec![alias_of(s).origin.clone()])
    }),
    MethodDef::method("__instancecheck__", |_, _| {
        Err(PyErr::type_error("isinstance() argument 2 cannot be a parameterized generic"))
    }),
    MethodDef::method("__subclasscheck__", |_, _| {
        Err(PyErr::type_error("issubclass() argument 2 cannot be a parameterized generic"))
    }),
];

/// `GenericAlias(origin, args)` called directly.
fn alias_new(_ty: &TypeObject, argv: &[Obj], kwnames: Option<&PyObject>) -> PyResult<Obj> {
    let a = args::exact("GenericAlias", argv, kwnames, 2, 2)?;
    new_generic_alias(a[0].clone(), a[1].clone())
}

/// # Safety
///
/// See [`super::typeobj::DeallocFn`].
unsafe fn dealloc_alias(op: NonNull<PyObject>) {
    // SAFETY: forwarded contract.
    unsafe { super::alloc::drop_and_free::<GenericAlias>(op) }
}

/// Phase one of the static types: `types.GenericAlias`.
pub(crate) fn make_alias_type(
    type_type: &'static TypeObject,
    object_type: &'static TypeObject,
    specs: &mut Vec<TypeSpec>,
) -> &'static TypeObject {
    let t = new_static_type(type_type, "types.GenericAlias", size_of::<GenericAlias>(), 0, dealloc_alias, |t| {
        t.repr = Some(alias_repr);
        t.richcompare = Some(alias_richcompare);
        t.hash = Some(alias_hash);
        t.call = Some(alias_call);
        t.getattro = alias_getattro;
        t.new = Some(alias_new);
        t.number.or = Some(super::union_type::union_or);
    });
    specs.push(TypeSpec { ty: t, base: Some(object_type), methods: ALIAS_METHODS, getsets: ALIAS_GETSETS });
    t
}
