//! The `__dict__` and `__weakref__` attributes a class statement adds to its class dict
//! (CPython's `subtype_getsets_full`: `subtype_dict`/`subtype_setdict` and
//! `subtype_getweakref`).
//!
//! A class whose instances gain a `__dict__` (none of its bases' instances had one) or weak
//! references gets a descriptor for each in its own dict, next to what its body defined — so
//! `vars(C)` lists them as CPython's does, `C.__dict__['__dict__'].__get__(obj)` works, and
//! subclasses find them through the MRO instead of growing copies. The descriptors are
//! `getset_descriptor`s: data descriptors, checked against the instance's type, with the
//! `__name__`, `__qualname__`, `__objclass__` and `__doc__` of CPython's.

use std::ptr::NonNull;

use super::builtin::GetSetDef;
use super::header::PyObject;
use super::immortal::{TypeSpec, immortals, new_static_type, types};
use super::obj::Obj;
use super::str::new_str;
use super::typeobj::{TypeObject, as_type};
use crate::error::{PyErr, PyResult};

/// Which of the two attributes a descriptor is.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Which {
    /// `__dict__`: the instance dict, made on first use; assignable to a dict.
    Dict,
    /// `__weakref__`: the instance's first weak reference, or `None`; read-only.
    Weakref,
}

impl Which {
    fn name(self) -> &'static str {
        match self {
            Which::Dict => "__dict__",
            Which::Weakref => "__weakref__",
        }
    }

    fn doc(self) -> &'static str {
        match self {
            Which::Dict => "dictionary for instance variables",
            Which::Weakref => "list of weak references to the object",
        }
    }
}

/// A class's `__dict__` or `__weakref__` descriptor.
#[repr(C)]
struct SubtypeGetset {
    ob_base: PyObject,
    /// The class whose dict holds it.
    owner: Obj,
    which: Which,
}

/// The descriptor `which` for the class `owner` (put in its dict by `type_new`).
pub(crate) fn new_subtype_getset(owner: &Obj, which: Which) -> PyResult<Obj> {
    let ty = types().descr.subtype_getset_type;
    // SAFETY: SubtypeGetset starts with the header; its deallocator drops it.
    unsafe { super::alloc::alloc(ty, |ob_base| SubtypeGetset { ob_base, owner: owner.clone(), which }) }
}

/// # Safety
///
/// `d` is an instance of the subtype getset type.
unsafe fn getset(d: &PyObject) -> &SubtypeGetset {
    // SAFETY: the caller's contract.
    unsafe { d.cast::<SubtypeGetset>() }
}

fn descr(d: &PyObject) -> &SubtypeGetset {
    assert!(std::ptr::eq(d.type_object(), types().descr.subtype_getset_type), "a subtype getset");
    // SAFETY: checked just above.
    unsafe { getset(d) }
}

fn owner_type(g: &SubtypeGetset) -> &TypeObject {
    as_type(&g.owner).expect("a class")
}

/// `descr_check`: the instance must be of the owner class.
fn check_instance(g: &SubtypeGetset, obj: &PyObject) -> PyResult<()> {
    let owner = owner_type(g);
    if obj.type_object().is_subtype(owner) {
        return Ok(());
    }
    Err(PyErr::type_error(format!(
        "descriptor '{}' for '{}' objects doesn't apply to a '{}' object",
        g.which.name(),
        owner.name(),
        obj.type_object().name()
    )))
}

fn subtype_getset_get(d: &PyObject, obj: Option<&PyObject>, _ty: &PyObject) -> PyResult<Obj> {
    let g = descr(d);
    let Some(o) = obj else { return Ok(Obj::new_ref(d)) };
    check_instance(g, o)?;
    match g.which {
        Which::Dict => super::attr::instance_dict(o)?.ok_or_else(|| {
            PyErr::attribute_error(format!("This object has no __dict__ (type '{}')", o.type_object().name()))
        }),
        Which::Weakref => Ok(super::weakref::first_weakref(o).unwrap_or_else(|| Obj::new_ref(immortals().none))),
    }
}

fn subtype_getset_set(d: &PyObject, obj: &PyObject, value: Option<&PyObject>) -> PyResult<()> {
    let g = descr(d);
    check_instance(g, obj)?;
    match g.which {
        Which::Dict => super::inline_values::set_instance_dict(obj, value),
        Which::Weakref => Err(PyErr::attribute_error(format!(
            "attribute '__weakref__' of '{}' objects is not writable",
            owner_type(g).name()
        ))),
    }
}

fn subtype_getset_repr(d: &PyObject) -> PyResult<Obj> {
    let g = descr(d);
    new_str(&format!("<attribute '{}' of '{}' objects>", g.which.name(), owner_type(g).name()))
}

static SUBTYPE_GETSET_GETSETS: &[GetSetDef] = &[
    GetSetDef { name: "__name__", get: |o| new_str(descr(o).which.name()), set: None },
    GetSetDef {
        name: "__qualname__",
        get: |o| {
            let g = descr(o);
            let owner = super::abstract_ops::get_attr_str(&g.owner, "__qualname__")?;
            new_str(&format!("{}.{}", super::str::str_value(&owner).unwrap_or("?"), g.which.name()))
        },
        set: None,
    },
    GetSetDef { name: "__objclass__", get: |o| Ok(descr(o).owner.clone()), set: None },
    GetSetDef { name: "__doc__", get: |o| new_str(descr(o).which.doc()), set: None },
];

/// # Safety
///
/// See [`super::typeobj::DeallocFn`].
unsafe fn dealloc_subtype_getset(op: NonNull<PyObject>) {
    // SAFETY: forwarded contract; instances of this type are SubtypeGetset.
    unsafe { super::alloc::drop_and_free::<SubtypeGetset>(op) }
}

/// Phase one of the static types: the type of these descriptors (named `getset_descriptor`, as
/// CPython's, whose class attributes are getsets of that type).
pub(crate) fn make_subtype_getset_type(
    type_type: &'static TypeObject,
    object_type: &'static TypeObject,
    specs: &mut Vec<TypeSpec>,
) -> &'static TypeObject {
    let t =
        new_static_type(type_type, "getset_descriptor", size_of::<SubtypeGetset>(), 0, dealloc_subtype_getset, |t| {
            t.traverse = Some(|o, visit| {
                // SAFETY: installed on this type only.
                visit(&unsafe { getset(o) }.owner)
            });
            t.descr_get = Some(subtype_getset_get);
            t.descr_set = Some(subtype_getset_set);
            t.repr = Some(subtype_getset_repr);
            t.hash = Some(super::core_types::object_hash);
            t.richcompare = Some(super::core_types::object_richcompare);
        });
    specs.push(TypeSpec { ty: t, base: Some(object_type), methods: &[], getsets: SUBTYPE_GETSET_GETSETS });
    t
}
