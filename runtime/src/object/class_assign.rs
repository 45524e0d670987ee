//! `obj.__class__ = C` and `C.__bases__ = (...)` (CPython 3.13's `object_set_class` and
//! `type_set_bases`, `Objects/typeobject.c`).
//!
//! **Compatible layouts.** Both assignments must keep every instance readable by the code of its
//! (new) classes: CPython's `compatible_for_assignment` compares the two types. Its first test is
//! the freeing function (GC types and plain ones differ: "deallocator differs"). Then each side
//! is walked up its solid-base chain while a type adds nothing to its base's layout
//! (`compatible_with_tp_base`: same size, dict, weak-reference list, deallocator); the two tops
//! must be the same type, or siblings on the same base that add the same things
//! (`same_slots_added`: a dict, a weak-reference list, the same `__slots__` names). Finally both
//! keep their attributes inline, or neither does. Else "object layout differs". pyrt's layout is
//! not CPython's (`__weakref__` takes no space, a class's inline-value capacity is its own), so
//! the comparison is made on what CPython's sizes stand for — whether a class adds a dict, a
//! weak-reference list, members — and then pyrt's own layout is checked as a safety net: the same
//! dict offset, the same member offsets, the same builtin deallocator below.
//!
//! **`__class__`.** Both types must be classes (heap types), or both `ModuleType` subclasses.
//! An instance that keeps its attributes inline has its dict materialised first (CPython does
//! the same): the new class's shared keys index other names, and its inline capacity may differ,
//! so from then on the dict holds the attributes and the values are never read again. The type
//! pointer is swapped with the world stopped (no other thread is attached to read it); the
//! instance's reference moves from the old heap type to the new one. Specialised instructions
//! guard on the type's version tag, read from the instance's current type, so a cache made for
//! the old class misses.
//!
//! **`__bases__`.** After the argument checks (a non-empty tuple of classes, no cycle through
//! the MROs or the `__base__` chains) and the layout check between the old and the new best
//! base, the class takes the new bases and `mro_hierarchy` computes the MRO of the class and
//! of every class below it again, parents first: C3, or a metaclass's `mro()` override (which
//! may run any Python code, so every field write happens in its own short stop of the world and
//! no stop spans a call). A failure anywhere undoes the MROs written so far, newest first, and
//! the bases. On success the class leaves its old bases' subclass lists, joins the new ones',
//! every slot of it and of the classes below is recomputed from the new MROs (`slot_update.rs`)
//! and their version tags are renewed. A reentrant assignment (an `mro()` override assigning
//! `__bases__` again) wins, as in CPython: a class whose MRO or bases changed under the call is
//! left as that assignment made it. A class keeps the tuples it replaced (`TypeMut::retired`):
//! code up the stack may still be iterating the old MRO; its traverse visits them, so a class
//! whose bases were assigned is collected like any other.
//!
//! **A borrowed type.** Native code holds `&TypeObject`s taken from instances
//! (`obj.type_object()`) across calls. After `__class__` changes, the old class loses the
//! instance's reference; it stays alive while anything else refers to it — its own MRO tuple
//! does, so a class is freed only by the cycle collector, which does not run during the
//! assignment.

use std::ptr::NonNull;

use super::dict::as_dict;
use super::header::PyObject;
use super::immortal::{intern, types};
use super::obj::Obj;
use super::tuple::{is_tuple, items};
use super::typeobj::{TypeObject, as_type, flags};
use crate::error::{PyErr, PyResult};

/// `object.__class__`'s setter (`object_set_class`).
pub(crate) fn object_set_class(o: &PyObject, value: Option<&PyObject>) -> PyResult<()> {
    let Some(value) = value else { return Err(PyErr::type_error("can't delete __class__ attribute")) };
    let Some(new) = as_type(value) else {
        return Err(PyErr::type_error(format!(
            "__class__ must be set to a class, not '{}' object",
            value.type_object().name()
        )));
    };
    let old = o.type_object();
    let module = types().modules.module_type;
    let both_modules = new.is_subtype(module) && old.is_subtype(module);
    let both_classes = new.is_heap() && old.is_heap();
    if !(both_modules || both_classes) {
        return Err(PyErr::type_error(
            "__class__ assignment only supported for mutable types or ModuleType subclasses",
        ));
    }
    compatible_for_assignment(old, new, "__class__")?;
    if old.inline_values != 0 {
        // The new class's keys index other names: the dict takes over (see the module docs).
        super::inline_values::instance_dict(o)?;
    }
    let new_ref = Obj::new_ref(new.as_object());
    let world = super::attachment::stop_the_world("object.__class__");
    // Read again with the world stopped: the type another thread may have given it meanwhile is
    // the one whose reference the instance holds (both are classes of the same layout).
    let old = o.type_object();
    let old_ptr = NonNull::from(old.as_object());
    let old_heap = old.is_heap();
    // SAFETY: `new` has `o`'s layout (checked above; the dict is materialised when the values
    // were inline); the world is stopped; the reference moves right below.
    unsafe { o.set_type(new) };
    drop(world);
    if new.is_heap() {
        // The instance owns this reference now (its deallocator gives it back).
        std::mem::forget(new_ref);
    }
    if old_heap {
        // SAFETY: the instance owned one reference to its old class.
        unsafe { super::refcount::decref(old_ptr) };
    }
    Ok(())
}

/// `type.__bases__`'s setter (`type_set_bases`).
pub(crate) fn type_set_bases(o: &PyObject, value: Option<&PyObject>) -> PyResult<()> {
    let ty = as_type(o).expect("a type");
    if !ty.is_heap() {
        return Err(PyErr::type_error(format!("cannot set '__bases__' attribute of immutable type '{}'", ty.name())));
    }
    let Some(value) = value else {
        return Err(PyErr::type_error(format!(
            "cannot delete '__bases__' attribute of immutable type '{}'",
            ty.name()
        )));
    };
    if !is_tuple(value) {
        return Err(PyErr::type_error(format!(
            "can only assign tuple to {}.__bases__, not {}",
            ty.name(),
            value.type_object().name()
        )));
    }
    let new_bases = items(value);
    if new_bases.is_empty() {
        return Err(PyErr::type_error(format!("can only assign non-empty tuple to {}.__bases__, not ()", ty.name())));
    }
    for b in new_bases {
        let Some(bt) = as_type(b) else {
            return Err(PyErr::type_error(format!(
                "{}.__bases__ must be tuple of classes, not '{}'",
                ty.name(),
                b.type_object().name()
            )));
        };
        // The base chain too: a reentrant assignment (from an `mro()` override) has given a
        // class its new base before its MRO (CPython's `type_is_subtype_base_chain`).
        if bt.is_subtype(ty) || base_chain_reaches(bt, ty) {
            return Err(PyErr::type_error("a __bases__ item causes an inheritance cycle"));
        }
    }
    let new_best = super::classobj::best_base(new_bases)?;
    let old_bases: Vec<Obj> = ty.bases().map(|b| items(b).to_vec()).unwrap_or_default();
    let old_best = if old_bases.is_empty() { types().object_type } else { super::classobj::best_base(&old_bases)? };
    compatible_for_assignment(old_best, new_best, "__bases__")?;
    let new_tuple = Obj::new_ref(value);
    let new_base = new_bases[0].clone();
    // No class gets a tag until the new bases' subclass lists reach `ty` (at the end).
    let _assignment = super::type_state::BasesAssignment::begin();

    let (old_tuple, old_base) = {
        let _world = super::attachment::stop_the_world("type.__bases__");
        // SAFETY: (this block and those below that say "as above") `ty` is a heap class of this
        // interpreter; the world is stopped, so no other thread reads its fields; the fields are
        // replaced through raw places (no reference to the whole `TypeMut` is made).
        unsafe {
            let m = ty.mutable.get();
            (
                std::ptr::replace(&raw mut (*m).bases, Some(new_tuple.clone())),
                std::ptr::replace(&raw mut (*m).base, Some(new_base)),
            )
        }
    };
    let mut changed: Vec<MroChange> = Vec::new();
    if let Err(err) = mro_hierarchy(ty, &mut changed) {
        // Undo, newest first, unless a reentrant assignment has replaced the MRO since.
        let world = super::attachment::stop_the_world("type.__bases__");
        for change in changed.into_iter().rev() {
            let t = as_type(&change.class).expect("a class");
            if current_mro(t).is_some_and(|m| m.is(&change.new)) {
                // SAFETY: as above.
                let undone = unsafe { std::ptr::replace(&raw mut (*t.mutable.get()).mro, change.old) };
                retire(t, undone);
                super::typeobj::modified(t);
            }
        }
        if current_bases(ty).is_some_and(|b| b.is(&new_tuple)) {
            // SAFETY: as above.
            let (new_tuple, new_base) = unsafe {
                let m = ty.mutable.get();
                (std::ptr::replace(&raw mut (*m).bases, old_tuple), std::ptr::replace(&raw mut (*m).base, old_base))
            };
            retire(ty, new_tuple);
            retire(ty, new_base);
        } else {
            retire(ty, old_tuple);
            retire(ty, old_base);
        }
        drop(world);
        return Err(err);
    }
    let world = super::attachment::stop_the_world("type.__bases__");
    // A reentrant assignment that replaced the bases meanwhile did the bookkeeping itself.
    if current_bases(ty).is_some_and(|b| b.is(&new_tuple)) {
        super::type_state::unregister_subclass_of(ty, &old_bases);
        super::type_state::lock().register_subclass(ty);
        super::slot_update::mro_changed(ty, &world);
        super::typeobj::modified(ty);
    }
    for change in changed {
        let t = as_type(&change.class).expect("a class");
        retire(t, change.old);
    }
    retire(ty, old_tuple);
    retire(ty, old_base);
    drop(world);
    Ok(())
}

/// One class whose MRO `mro_hierarchy` replaced (CPython's `(cls, new_mro, old_mro)` entries).
struct MroChange {
    class: Obj,
    new: Obj,
    old: Option<Obj>,
}

/// `mro_hierarchy`: the MRO of `ty` and of every class below it, computed again from their
/// bases, parents before children (a pre-order walk over snapshots of the subclass lists, on an
/// explicit stack: a deep hierarchy must not recurse natively). A metaclass's `mro()` override
/// runs for each class it makes. A class whose MRO was replaced while its `mro()` ran (a
/// reentrant assignment) keeps that one, and its subclasses are left to that assignment.
fn mro_hierarchy(ty: &TypeObject, changed: &mut Vec<MroChange>) -> PyResult<()> {
    let mut pending: Vec<Obj> = vec![Obj::new_ref(ty.as_object())];
    while let Some(class) = pending.pop() {
        let t = as_type(&class).expect("a class");
        if !t.is_heap() {
            continue;
        }
        let old = current_mro(t);
        let (new, custom) = mro_invoke(&class, t)?;
        if !same_object(current_mro(t).as_ref(), old.as_ref()) {
            continue; // reentrance: see above
        }
        {
            let _world = super::attachment::stop_the_world("type.__bases__");
            // SAFETY: as in `type_set_bases`.
            let replaced = unsafe { std::ptr::replace(&raw mut (*t.mutable.get()).mro, Some(new.clone())) };
            changed.push(MroChange { class: class.clone(), new, old: replaced });
            super::typeobj::modified(t);
            if custom {
                super::type_state::never_tag(t);
            }
        }
        let subclasses = super::type_state::subclasses(t);
        pending.extend(subclasses.into_iter().rev());
    }
    Ok(())
}

/// `mro_invoke`: the class's new MRO as a tuple — C3 over its bases, or what its metaclass's
/// `mro()` override returns (checked by `custom_mro`; then `true`).
fn mro_invoke(class: &Obj, t: &TypeObject) -> PyResult<(Obj, bool)> {
    let meta = class.type_object();
    if let Some(custom) = super::classobj::custom_mro(class, meta, super::classobj::solid_base(t))? {
        return Ok((custom, true));
    }
    let bases: Vec<Obj> = t.bases().map(|b| items(b).to_vec()).unwrap_or_default();
    Ok((super::tuple::new_tuple(super::classobj::c3_mro(class.clone(), &bases)?)?, false))
}

/// Whether `target` is on `t`'s chain of `__base__` links.
fn base_chain_reaches(t: &TypeObject, target: &TypeObject) -> bool {
    let mut cur = Some(t);
    while let Some(c) = cur {
        if std::ptr::eq(c, target) {
            return true;
        }
        cur = c.base();
    }
    false
}

/// The class's MRO tuple now (a new reference).
fn current_mro(t: &TypeObject) -> Option<Obj> {
    // SAFETY: read attached; writers stop the world.
    unsafe { (*t.mutable.get()).mro.clone() }
}

/// The class's `__bases__` tuple now (a new reference).
fn current_bases(t: &TypeObject) -> Option<Obj> {
    t.bases().map(Obj::new_ref)
}

fn same_object(a: Option<&Obj>, b: Option<&Obj>) -> bool {
    match (a, b) {
        (Some(a), Some(b)) => a.is(b),
        (None, None) => true,
        _ => false,
    }
}

/// Keeps a replaced MRO, bases tuple or base with the class for its lifetime: code up the
/// stack may still hold a slice of it ([`TypeObject::mro`]). The class's traverse visits them.
fn retire(t: &TypeObject, old: Option<Obj>) {
    if let Some(old) = old {
        // SAFETY: called with the world stopped, on a heap class; a raw place, as above.
        unsafe { (*t.mutable.get()).retired.push(old) };
    }
}

/// Whether CPython would make instances of `t` garbage-collected objects (its `tp_free`):
/// every class, and the builtin containers, exceptions and modules.
fn is_gc(t: &TypeObject) -> bool {
    t.is_heap()
        || t.traverse.is_some()
        || t.flags & flags::BASE_EXC_SUBCLASS != 0
        || t.is_subtype(types().modules.module_type)
}

/// The base CPython's `tp_base` names: the best base of a class, the base of a builtin type.
fn layout_base(t: &TypeObject) -> Option<&TypeObject> {
    if !t.is_heap() {
        return t.base();
    }
    let bases = t.bases().map(items).unwrap_or(&[]);
    if bases.is_empty() {
        return Some(types().object_type);
    }
    super::classobj::best_base(bases).ok()
}

/// What a class adds to its base's layout: a dict, weak references, its own members' names.
struct Added {
    dict: bool,
    weakref: bool,
    members: Vec<String>,
}

fn added(t: &TypeObject, base: &TypeObject) -> Added {
    let own = t.dict().and_then(as_dict);
    let mut members: Vec<(usize, String)> = own
        .map(|d| d.items())
        .unwrap_or_default()
        .into_iter()
        .filter_map(|(k, v)| {
            let m = super::member::as_member(&v)?;
            Some((m.offset, super::str::str_value(&k)?.to_owned()))
        })
        .filter(|(off, _)| member_offsets(base).iter().all(|o| o != off))
        .collect();
    members.sort();
    Added {
        dict: t.dict_offset != 0 && base.dict_offset == 0,
        weakref: t.is_heap() && own.is_some_and(|d| d.get_str(&intern("__weakref__").ob_base).is_some()),
        members: members.into_iter().map(|(_, n)| n).collect(),
    }
}

fn member_offsets(t: &TypeObject) -> &[usize] {
    if !t.is_heap() {
        return &[];
    }
    // SAFETY: read attached; a class's member offsets are fixed once it is made.
    unsafe { &(*t.mutable.get()).member_offsets }
}

/// `compatible_with_tp_base`: `child` adds nothing to its base's layout; gives the base.
fn compatible_with_base(child: &TypeObject) -> Option<&TypeObject> {
    let parent = layout_base(child)?;
    let same = if child.is_heap() {
        let a = added(child, parent);
        !a.dict && !a.weakref && a.members.is_empty() && (child.inline_values != 0) == (parent.inline_values != 0)
    } else {
        child.basic_size == parent.basic_size
            && child.dict_offset == parent.dict_offset
            && std::ptr::fn_addr_eq(child.dealloc, parent.dealloc)
    };
    (same && is_gc(child) == is_gc(parent)).then_some(parent)
}

/// `same_slots_added`: two classes on the same base add the same things.
fn same_slots_added(a: &TypeObject, b: &TypeObject, base: &TypeObject) -> bool {
    if !a.is_heap() || !b.is_heap() {
        return false;
    }
    let (x, y) = (added(a, base), added(b, base));
    x.dict == y.dict && x.weakref == y.weakref && x.members == y.members
}

/// The deallocator of the first builtin class of `t`'s MRO (what frees the layout).
fn builtin_dealloc(t: &TypeObject) -> super::typeobj::DeallocFn {
    let base = t.mro().iter().filter_map(|m| as_type(m)).find(|m| !m.is_heap());
    base.unwrap_or(if t.is_heap() { types().object_type } else { t }).dealloc
}

/// `compatible_for_assignment` (see the module docs).
fn compatible_for_assignment(old: &TypeObject, new: &TypeObject, attr: &str) -> PyResult<()> {
    if is_gc(new) != is_gc(old) {
        return Err(PyErr::type_error(format!(
            "{attr} assignment: '{}' deallocator differs from '{}'",
            new.name(),
            old.name()
        )));
    }
    let differs = || {
        PyErr::type_error(format!("{attr} assignment: '{}' object layout differs from '{}'", new.name(), old.name()))
    };
    let (new_top, old_top) = (walk_top(new), walk_top(old));
    if !std::ptr::eq(new_top, old_top) {
        let (np, op) = (layout_base(new_top), layout_base(old_top));
        let siblings = match (np, op) {
            (Some(np), Some(op)) => std::ptr::eq(np, op) && same_slots_added(new_top, old_top, np),
            _ => false,
        };
        if !siblings {
            return Err(differs());
        }
    }
    if (old.inline_values != 0) != (new.inline_values != 0) {
        return Err(differs());
    }
    // pyrt's own layout (a safety net: what CPython calls compatible is laid out alike here).
    if old.dict_offset != new.dict_offset
        || member_offsets(old) != member_offsets(new)
        || !std::ptr::fn_addr_eq(builtin_dealloc(old), builtin_dealloc(new))
    {
        return Err(differs());
    }
    Ok(())
}

/// The highest type `t`'s layout is compatible with.
fn walk_top(mut t: &TypeObject) -> &TypeObject {
    while let Some(p) = compatible_with_base(t) {
        t = p;
    }
    t
}

#[cfg(all(test, not(loom)))]
mod tests {
    use super::*;

    use crate::object::slot_update::tests::with_module;

    #[test]
    fn a_class_change_moves_the_instance_reference_and_materialises_inline_values() {
        with_module("class A:\n    def __init__(s): s.x = 1\nclass B:\n    pass\na = A()\n", |g| {
            let (a, class_a, class_b) = (g("a"), g("A"), g("B"));
            let (ra, rb) = (class_a.refcnt(), class_b.refcnt());
            assert!(super::super::inline_values::has_valid_values(&a));
            object_set_class(&a, Some(&class_b)).expect("compatible");
            assert!(std::ptr::eq(a.type_object(), as_type(&class_b).unwrap()));
            assert_eq!((class_a.refcnt(), class_b.refcnt()), (ra - 1, rb + 1), "the instance's reference moved");
            assert!(!super::super::inline_values::has_valid_values(&a), "the dict holds the attributes now");
            let x = super::super::inline_values::get_attr(&a, &intern("x").ob_base).expect("x kept");
            assert_eq!(super::super::int::small_value(&x), Some(1));
            let err = object_set_class(&a, Some(types().int_type.as_object())).expect_err("a builtin type");
            assert!(err.to_string().contains("only supported for mutable types"), "{err}");
        });
    }

    #[test]
    fn a_bases_change_renews_tags_below_and_moves_the_class_between_subclass_lists() {
        with_module("class A:\n    pass\nclass B:\n    pass\nclass C(A):\n    pass\nclass D(C):\n    pass\n", |g| {
            let (a, b, c, d) = (g("A"), g("B"), g("C"), g("D"));
            let (tc, td) = (as_type(&c).unwrap(), as_type(&d).unwrap());
            let (vc, vd) = (tc.version_for_cache(), td.version_for_cache());
            assert!(vc != 0 && vd != 0);
            let bases = super::super::tuple::new_tuple(vec![b.clone()]).expect("a tuple");
            type_set_bases(&c, Some(&bases)).expect("compatible");
            assert!(tc.version() != vc && td.version() != vd, "the class and its subclass deoptimise");
            assert!(td.mro().iter().any(|m| m.is(&b)) && !td.mro().iter().any(|m| m.is(&a)));
            let listed = |t: &Obj| super::super::type_state::subclasses(as_type(t).unwrap());
            assert!(listed(&a).is_empty());
            assert!(listed(&b).iter().any(|s| s.is(&c)));
        });
    }

    #[test]
    fn replaced_mros_stay_visited_and_a_failing_mro_override_undoes_the_hierarchy() {
        let src = "class M(type):\n    fail = False\n    def mro(cls):\n        if M.fail and cls.__name__ == 'D':\n            raise ValueError\n        return type.mro(cls)\nclass R: pass\nclass A(R): pass\nclass B(R): pass\nclass C(A, metaclass=M): pass\nclass D(C): pass\n";
        with_module(src, |g| {
            let (b, c, d) = (g("B"), g("C"), g("D"));
            let (tc, td) = (as_type(&c).unwrap(), as_type(&d).unwrap());
            let old_mro = current_mro(tc).expect("an MRO");
            let bases = super::super::tuple::new_tuple(vec![b.clone()]).expect("a tuple");
            type_set_bases(&c, Some(&bases)).expect("compatible");
            let mut visited = Vec::new();
            (types().type_type.traverse.expect("type is tracked"))(&c, &mut |x| visited.push(x.addr()));
            assert!(visited.contains(&old_mro.addr()), "the replaced MRO is visited");
            // A failure below the class restores every MRO written and the bases.
            let d_mro = current_mro(td).expect("an MRO");
            let m = g("M");
            let fail = &intern("fail").ob_base;
            crate::object::abstract_ops::set_attr(&m, fail, Some(&crate::object::immortals().true_.ob_base)).unwrap();
            let a = g("A");
            let back = super::super::tuple::new_tuple(vec![a]).expect("a tuple");
            assert!(type_set_bases(&c, Some(&back)).is_err());
            assert!(tc.bases().is_some_and(|x| x.is(&bases)), "the bases come back");
            assert!(current_mro(td).is_some_and(|x| x.is(&d_mro)), "the subclass's MRO comes back");
        });
    }
}
