//! `__slots__`: member descriptors at fixed offsets (CPython's `PyMemberDescrObject` with
//! `Py_T_OBJECT_EX` members, `Objects/descrobject.c` and `type_new_descriptors` /
//! `type_new_slots` of `Objects/typeobject.c`).
//!
//! A class statement with `__slots__ = ('a', 'b')` gives each instance one word per name after
//! the layout of its solid base — an `Option<Obj>`, `None` while the attribute is unset — and
//! puts a `member_descriptor` for each name in the class dict. The descriptor is a data
//! descriptor: `__get__` reads the word (an unset member raises `AttributeError`), `__set__`
//! writes it, `__delete__` clears it. The instance has no `__dict__` unless `'__dict__'` is one
//! of the names (or a base has one); `'__weakref__'` is accepted and takes no space.
//!
//! Names are sorted (CPython sorts `ht_slots`), private names are mangled, and a name that is
//! also a class attribute is an error. The offsets of every member of an instance (inherited
//! ones too) are kept on the type for the allocator and the deallocator.

use std::ptr::NonNull;

use super::header::PyObject;
use super::immortal::{intern, new_static_type};
use super::obj::Obj;
use super::obj_slot::ObjSlot;
use super::str::{new_str, str_value};
use super::typeobj::{TypeObject, as_type};
use crate::error::{PyErr, PyResult};

/// A `member_descriptor`: one `__slots__` name of a class.
#[repr(C)]
pub(crate) struct MemberDescr {
    ob_base: PyObject,
    /// The attribute name (mangled).
    name: Obj,
    /// The class that defined the slot.
    owner: Obj,
    /// Where the member lives in an instance.
    pub(crate) offset: usize,
}

/// The member descriptor behind `d`, if it is one.
#[inline]
pub(crate) fn as_member(d: &PyObject) -> Option<&MemberDescr> {
    if std::ptr::eq(d.type_object(), super::immortal::types().descr.member_descriptor_type) {
        // SAFETY: member_descriptor instances are MemberDescr.
        Some(unsafe { d.cast::<MemberDescr>() })
    } else {
        None
    }
}

/// The member word of `obj` at `offset` (a cell-like view: see `obj_slot.rs`).
///
/// # Safety
///
/// `obj`'s type lays out a member at `offset`: its type is a subtype of the member's owner, or
/// the type version the specialiser checked says so, or `offset` comes from the type's own
/// `member_offsets`.
#[inline(always)]
pub(crate) unsafe fn member_slot(obj: &PyObject, offset: usize) -> ObjSlot<'_> {
    // SAFETY: the caller's guarantee above; member words are only accessed through `ObjSlot`s.
    unsafe { ObjSlot::at(obj, offset) }
}

/// A new reference to the member of `obj` at `offset`, `None` when it is unset; a reader that
/// does not hold `obj`'s critical section. Free-threaded, CPython 3.13t's `PyMember_GetOne`: the
/// try-increment and re-load of `unlocked_read` (a writer in another thread may be dropping the
/// value the word held), else a read in the section; with a lock a plain increment.
///
/// # Safety
///
/// As [`member_slot`].
#[inline(always)]
pub(crate) unsafe fn load_member(obj: &PyObject, offset: usize) -> Option<Obj> {
    // SAFETY: forwarded contract.
    let slot = unsafe { member_slot(obj, offset) };
    slot.get_unlocked_in(obj, obj.type_object().instances_free_threaded)
}

/// Writes the member of `obj` at `offset` (`None` unsets it) in `obj`'s critical section, as
/// CPython 3.13t's `PyMember_SetOne` (a brief hold of the mutex: `mutation::locked_briefly`);
/// gives back the old value for the caller to drop after the section. Two writers of one member
/// thus never both take the same old value (each would drop its reference: a double free).
///
/// # Safety
///
/// As [`member_slot`].
#[inline(always)]
#[must_use = "the old value is dropped by the caller, after the write"]
pub(crate) unsafe fn store_member(obj: &PyObject, offset: usize, value: Option<Obj>) -> Option<Obj> {
    // SAFETY: forwarded contract.
    let slot = unsafe { member_slot(obj, offset) };
    super::mutation::locked_briefly(obj, || slot.replace(value))
}

fn check_instance<'a>(m: &MemberDescr, obj: &'a PyObject) -> PyResult<&'a PyObject> {
    let owner = as_type(&m.owner).expect("a member's owner is a type");
    if obj.type_object().is_subtype(owner) {
        Ok(obj)
    } else {
        Err(PyErr::type_error(format!(
            "descriptor '{}' for '{}' objects doesn't apply to a '{}' object",
            str_value(&m.name).unwrap_or("?"),
            owner.name(),
            obj.type_object().name()
        )))
    }
}

fn member_get(d: &PyObject, obj: Option<&PyObject>, _ty: &PyObject) -> PyResult<Obj> {
    let m = as_member(d).expect("member_descriptor");
    let Some(obj) = obj else { return Ok(Obj::new_ref(d)) };
    let obj = check_instance(m, obj)?;
    // SAFETY: `check_instance` made sure `obj`'s type is a subtype of the member's owner.
    let value = unsafe { load_member(obj, m.offset) };
    // CPython 3.13's `PyMember_GetOne` names the type fully qualified (`%T`).
    value.ok_or_else(|| {
        PyErr::attribute_error(format!(
            "'{}' object has no attribute '{}'",
            obj.type_object().fully_qualified_name(),
            str_value(&m.name).unwrap_or("?")
        ))
    })
}

fn member_set(d: &PyObject, obj: &PyObject, value: Option<&PyObject>) -> PyResult<()> {
    let m = as_member(d).expect("member_descriptor");
    let obj = check_instance(m, obj)?;
    // SAFETY: `check_instance` made sure `obj`'s type is a subtype of the member's owner.
    let old = unsafe { store_member(obj, m.offset, value.map(Obj::new_ref)) };
    // An unset member's delete raises `AttributeError(name)` (CPython's `member_set`).
    if value.is_none() && old.is_none() {
        return Err(PyErr::attribute_error(str_value(&m.name).unwrap_or("?")));
    }
    drop(old);
    Ok(())
}

fn member_repr(d: &PyObject) -> PyResult<Obj> {
    let m = as_member(d).expect("member_descriptor");
    let owner = as_type(&m.owner).expect("a type");
    new_str(&format!("<member '{}' of '{}' objects>", str_value(&m.name).unwrap_or("?"), owner.name()))
}

/// # Safety
///
/// See [`super::typeobj::DeallocFn`].
unsafe fn dealloc_member(op: NonNull<PyObject>) {
    // SAFETY: forwarded contract; member descriptors are MemberDescr.
    unsafe { super::alloc::drop_and_free::<MemberDescr>(op) }
}

static MEMBER_GETSETS: &[super::builtin::GetSetDef] = &[
    super::builtin::GetSetDef {
        name: "__name__",
        get: |o| Ok(as_member(o).expect("member_descriptor").name.clone()),
        set: None,
    },
    super::builtin::GetSetDef {
        name: "__qualname__",
        get: |o| {
            let m = as_member(o).expect("member_descriptor");
            let owner = as_type(&m.owner).expect("a type");
            new_str(&format!("{}.{}", owner.name(), str_value(&m.name).unwrap_or("?")))
        },
        set: None,
    },
    super::builtin::GetSetDef {
        name: "__objclass__",
        get: |o| Ok(as_member(o).expect("member_descriptor").owner.clone()),
        set: None,
    },
];

/// Phase one of the static types: `member_descriptor`.
pub(crate) fn make_member_type(
    type_type: &'static TypeObject,
    object_type: &'static TypeObject,
    specs: &mut Vec<super::immortal::TypeSpec>,
) -> &'static TypeObject {
    let t = new_static_type(type_type, "member_descriptor", size_of::<MemberDescr>(), 0, dealloc_member, |t| {
        t.descr_get = Some(member_get);
        t.descr_set = Some(member_set);
        t.repr = Some(member_repr);
        t.hash = Some(super::core_types::object_hash);
        t.richcompare = Some(super::core_types::object_richcompare);
    });
    specs.push(super::immortal::TypeSpec { ty: t, base: Some(object_type), methods: &[], getsets: MEMBER_GETSETS });
    t
}

/// The cycle collector's `traverse` of a member descriptor: its class.
pub(crate) fn member_traverse(o: &PyObject, visit: &mut dyn FnMut(&PyObject)) {
    // SAFETY: installed on the member descriptor type only.
    visit(&unsafe { o.cast::<MemberDescr>() }.owner);
}

/// What a class statement's `__slots__` asks for.
pub(crate) struct SlotsSpec {
    /// The member names (mangled, sorted), without `__dict__` and `__weakref__`.
    pub(crate) members: Vec<Obj>,
    /// Whether `'__dict__'` is among the names.
    pub(crate) dict: bool,
    /// Whether `'__weakref__'` is among the names.
    pub(crate) weakref: bool,
}

/// `_Py_Mangle` for a slot name: `__x` in class `C` is `_C__x`.
fn mangle(class_name: &str, name: &str) -> String {
    if !name.starts_with("__") || name.ends_with("__") || name.contains('.') {
        return name.to_owned();
    }
    let stripped = class_name.trim_start_matches('_');
    if stripped.is_empty() { name.to_owned() } else { format!("_{stripped}{name}") }
}

/// Reads `__slots__` from a class namespace (`type_new_visit_slots`, `type_new_copy_slots`):
/// `None` when the namespace has none. `base_has_dict` / `base_has_weakref` say whether the
/// base's instances already have a `__dict__` / weak references.
pub(crate) fn parse_slots(
    class_name: &str,
    ns: &super::dict::DictObject,
    base_has_dict: bool,
    base_has_weakref: bool,
) -> PyResult<Option<SlotsSpec>> {
    let Some(slots) = ns.get_str(&intern("__slots__").ob_base) else { return Ok(None) };
    let names = if str_value(&slots).is_some() { vec![slots.clone()] } else { super::abstract_ops::collect(&slots)? };
    let mut spec = SlotsSpec { members: Vec::new(), dict: false, weakref: false };
    let mut seen: Vec<String> = Vec::new();
    for n in &names {
        let Some(text) = str_value(n) else {
            return Err(PyErr::type_error(format!(
                "__slots__ items must be strings, not '{}'",
                n.type_object().name()
            )));
        };
        if !pyrt_pylib::unicode::str_isidentifier(text) {
            return Err(PyErr::type_error("__slots__ must be identifiers"));
        }
        match text {
            "__dict__" => {
                if base_has_dict || spec.dict {
                    return Err(PyErr::type_error("__dict__ slot disallowed: we already got one"));
                }
                spec.dict = true;
            }
            "__weakref__" => {
                if base_has_weakref || spec.weakref {
                    return Err(PyErr::type_error("__weakref__ slot disallowed: we already got one"));
                }
                spec.weakref = true;
            }
            _ => {
                let mangled = mangle(class_name, text);
                // `__qualname__` and `__classcell__` leave the namespace before the class is
                // made, so they are no class variables (CPython's `type_new_slots_impl`).
                let special = matches!(mangled.as_str(), "__qualname__" | "__classcell__");
                if !special && ns.get_str(&intern(&mangled).ob_base).is_some() {
                    return Err(PyErr::value_error(format!("'{text}' in __slots__ conflicts with class variable")));
                }
                seen.push(mangled);
            }
        }
    }
    // CPython accepts a repeated name (its second descriptor replaces the first).
    seen.sort();
    seen.dedup();
    for name in seen {
        spec.members.push(Obj::new_ref(&intern(&name).ob_base));
    }
    Ok(Some(spec))
}

/// Adds a member descriptor for each name to the class dict, at consecutive offsets from
/// `first_offset`; gives back the offsets.
pub(crate) fn add_members(
    cls: &Obj,
    dict: &super::dict::DictObject,
    members: &[Obj],
    first_offset: usize,
) -> PyResult<Vec<usize>> {
    let ty = super::immortal::types().descr.member_descriptor_type;
    let mut offsets = Vec::with_capacity(members.len());
    for (i, name) in members.iter().enumerate() {
        let offset = first_offset + i * size_of::<Obj>();
        // SAFETY: MemberDescr starts with the header; `dealloc_member` frees it.
        let d = unsafe {
            super::alloc::alloc(ty, |ob_base| MemberDescr { ob_base, name: name.clone(), owner: cls.clone(), offset })?
        };
        dict.set(name.clone(), d)?;
        offsets.push(offset);
    }
    Ok(offsets)
}

/// Whether the type's instances carry `__slots__` members (for the layout check of multiple
/// bases).
pub(crate) fn has_members(ty: &TypeObject) -> bool {
    // SAFETY: read attached; a class's member offsets are fixed once it is made.
    ty.is_heap() && !unsafe { &(*ty.mutable.get()).member_offsets }.is_empty()
}
