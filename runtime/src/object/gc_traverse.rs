//! `traverse` and `clear` of the tracked builtin types (CPython's `tp_traverse` / `tp_clear`):
//! `list`, `tuple`, `dict`, `set`, `frozenset`, functions, cells, bound methods, classes, and
//! instances of classes (inline values, `__slots__` members, `__dict__`). The reference every
//! instance of a class holds to its class is visited by the collector itself (`gc::traverse`).
//!
//! A traverse visits each reference the object owns that may be part of a cycle, exactly once
//! per reference held (visiting a reference the object does not own would let the collector free
//! a live object; leaving one out only makes it keep more). A clear drops the references that
//! make cycles; the objects stay valid (empty) until their last reference goes.

use super::header::PyObject;
use super::obj::Obj;
use super::typeobj::{ClearFn, TraverseFn};

/// The `__dict__` pointer of an instance of a subclass (or of a plain class).
pub(crate) fn visit_dict_slot(o: &PyObject, visit: &mut dyn FnMut(&PyObject)) {
    if let Some(slot) = super::attr::dict_slot(o) {
        // SAFETY: a traverse's visitor only reads (the collector's counting, reachability
        // marks, the referent queries); it runs no Python code and writes no object, so the
        // dict pointer is not written during the loan.
        unsafe { slot.with_borrowed(|d| d.map(&mut *visit)) };
    }
}

fn take_dict_slot(o: &PyObject) -> Option<Obj> {
    super::attr::dict_slot(o).and_then(|s| s.take())
}

/// `__slots__` members of a class's instance.
fn visit_members(o: &PyObject, visit: &mut dyn FnMut(&PyObject)) {
    let ty = o.type_object();
    if ty.is_heap() {
        // SAFETY: read attached; a class's member offsets are fixed once it is made.
        for &off in unsafe { &(*ty.mutable.get()).member_offsets } {
            // SAFETY: `off` is one of the type's own member offsets; the visitor writes nothing
            // (see `visit_dict_slot`).
            unsafe { super::member::member_slot(o, off).with_borrowed(|m| m.map(&mut *visit)) };
        }
    }
}

fn list_traverse(o: &PyObject, visit: &mut dyn FnMut(&PyObject)) {
    if let Some(l) = super::list::as_list(o) {
        // Last item first, as CPython's `list_traverse` (the order `gc.get_referents` shows).
        for x in l.items_in_section().iter().rev() {
            visit(x);
        }
    }
    visit_dict_slot(o, visit);
}

fn list_clear(o: &PyObject) {
    let old = super::list::as_list(o).map(|l| l.replace(Vec::new()));
    let dict = take_dict_slot(o);
    drop((old, dict));
}

fn tuple_traverse(o: &PyObject, visit: &mut dyn FnMut(&PyObject)) {
    // Last item first, as CPython's `tupletraverse`.
    for x in super::tuple::items(o).iter().rev() {
        visit(x);
    }
    visit_dict_slot(o, visit);
}

/// The items of a tuple never change; a subclass instance's `__dict__` is what can be cleared.
fn tuple_clear(o: &PyObject) {
    drop(take_dict_slot(o));
}

fn dict_traverse(o: &PyObject, visit: &mut dyn FnMut(&PyObject)) {
    if let Some(d) = super::dict::as_dict(o) {
        let items = d.items();
        // CPython's `dict_traverse` skips the keys of a table whose keys are all exact str (a
        // "unicode" table): strings hold no references (the order `gc.get_referents` shows).
        let str_type = super::immortal::types().str_type;
        let str_keys_only = items.iter().all(|(k, _)| std::ptr::eq(k.type_object(), str_type));
        for (k, v) in &items {
            if !str_keys_only {
                visit(k);
            }
            visit(v);
        }
    }
    visit_dict_slot(o, visit);
}

fn dict_clear(o: &PyObject) {
    if let Some(d) = super::dict::as_dict(o) {
        d.clear();
    }
    drop(take_dict_slot(o));
}

fn set_traverse(o: &PyObject, visit: &mut dyn FnMut(&PyObject)) {
    if let Some(s) = super::set::as_set(o) {
        // SAFETY: as in `visit_dict_slot`: the visitor only reads, so nothing writes the set's
        // table during the loan.
        unsafe { s.for_each_key_unlocked(visit) };
    }
    visit_dict_slot(o, visit);
}

fn set_clear(o: &PyObject) {
    if let Some(s) = super::set::as_set(o) {
        s.clear();
    }
    drop(take_dict_slot(o));
}

fn function_traverse(o: &PyObject, visit: &mut dyn FnMut(&PyObject)) {
    let Some(f) = super::function::as_function(o) else { return };
    visit(&f.globals);
    visit(&f.builtins);
    visit_dict_slot(o, visit);
    for x in [&f.defaults, &f.kwdefaults, &f.closure, &f.annotations, &f.module] {
        // SAFETY: as in `visit_dict_slot`: the visitor only reads, so the field is not written
        // during the loan.
        unsafe { x.with_borrowed(|x| x.as_deref().map(&mut *visit)) };
    }
}

fn function_clear(o: &PyObject) {
    let Some(f) = super::function::as_function(o) else { return };
    let taken = [f.defaults.take(), f.kwdefaults.take(), f.closure.take(), f.annotations.take()];
    drop(taken);
}

fn cell_traverse(o: &PyObject, visit: &mut dyn FnMut(&PyObject)) {
    if let Some(v) = super::function::as_cell(o).and_then(|c| c.get()) {
        visit(&v);
    }
}

fn cell_clear(o: &PyObject) {
    if let Some(c) = super::function::as_cell(o) {
        c.set(None);
    }
}

fn method_traverse(o: &PyObject, visit: &mut dyn FnMut(&PyObject)) {
    if let Some(m) = super::function::as_method(o) {
        visit(&m.func);
        visit(&m.self_);
    }
}

/// Classes (heap types): their dict, MRO, bases, qualified name and the replaced MROs and bases.
fn type_traverse(o: &PyObject, visit: &mut dyn FnMut(&PyObject)) {
    let Some(t) = super::typeobj::as_type(o).filter(|t| t.is_heap()) else { return };
    // SAFETY: read attached; these fields are set when the class is made.
    let m = unsafe { &*t.mutable.get() };
    for x in [&m.dict, &m.mro, &m.bases, &m.base, &m.qualname] {
        if let Some(x) = x.as_deref() {
            visit(x);
        }
    }
    // The MROs and bases a `__bases__` assignment replaced (`class_assign.rs`).
    for x in &m.retired {
        visit(x);
    }
}

/// A garbage class lets go of its MRO and of the MROs a `__bases__` assignment replaced: each
/// names the class itself, a cycle nothing else breaks (tuples have no clear; CPython's
/// `type_clear` clears `tp_mro` too). The class's dict, tracked itself, is cleared as garbage of
/// its own, which breaks the cycles through methods and `__class__` cells.
fn type_clear(o: &PyObject) {
    let Some(t) = super::typeobj::as_type(o).filter(|t| t.is_heap()) else { return };
    // Lookups through a class without an MRO find nothing; caches keyed on its tag must miss.
    super::typeobj::modified(t);
    // SAFETY: the collector clears garbage only: no code reaches the class any more, so no
    // slice from `TypeObject::mro` of it, nor any other borrow of these fields, is alive (a
    // borrower would hold a reference to the class or to something that reaches it).
    let (mro, retired) = unsafe {
        let m = &mut *t.mutable.get();
        (m.mro.take(), std::mem::take(&mut m.retired))
    };
    // Dropped after the borrow: dropping the tuples may free the class itself.
    drop((mro, retired));
}

/// Instances of classes whose solid base is `object`: inline values, members, `__dict__`.
fn instance_traverse(o: &PyObject, visit: &mut dyn FnMut(&PyObject)) {
    // CPython's `subtype_traverse` order (what `gc.get_referents` shows): the members, then
    // the inline values or the dict (the collector visits the class after them).
    visit_members(o, visit);
    super::inline_values::for_each_value(o, visit);
    visit_dict_slot(o, visit);
}

fn instance_clear(o: &PyObject) {
    // SAFETY: the collector clears garbage only: nothing else uses the instance any more.
    let mut taken = unsafe { super::inline_values::take_for_clear(o) };
    let ty = o.type_object();
    if ty.is_heap() {
        // SAFETY: as in `visit_members`.
        let members = unsafe { &(*ty.mutable.get()).member_offsets };
        // SAFETY: the offsets are the type's own members.
        taken.extend(members.iter().filter_map(|&off| unsafe { super::member::member_slot(o, off) }.take()));
    }
    taken.extend(take_dict_slot(o));
    drop(taken);
}

/// Instances of a class over an untracked builtin (an exception, an `int`, ...): only what the
/// class added — members and `__dict__`.
fn subclass_traverse(o: &PyObject, visit: &mut dyn FnMut(&PyObject)) {
    visit_members(o, visit);
    visit_dict_slot(o, visit);
}

fn subclass_clear(o: &PyObject) {
    let mut taken = take_members(o);
    taken.extend(take_dict_slot(o));
    drop(taken);
}

/// Takes a class instance's `__slots__` members out (a clear).
fn take_members(o: &PyObject) -> Vec<Obj> {
    let ty = o.type_object();
    if !ty.is_heap() {
        return Vec::new();
    }
    // SAFETY: as in `visit_members`.
    let members = unsafe { &(*ty.mutable.get()).member_offsets };
    // SAFETY: the offsets are the type's own members.
    members.iter().filter_map(|&off| unsafe { super::member::member_slot(o, off) }.take()).collect()
}

/// The first builtin type of the instance's class's MRO (whose traverse and clear see the
/// builtin's own fields).
fn builtin_base(o: &PyObject) -> Option<&super::typeobj::TypeObject> {
    o.type_object().mro().iter().filter_map(|t| super::typeobj::as_type(t)).find(|t| !t.is_heap())
}

/// Instances of a class with `__slots__` members over a tracked builtin (`list`, `dict`, ...):
/// the members, then what the builtin's traverse visits (its items and the `__dict__`).
fn members_over_builtin_traverse(o: &PyObject, visit: &mut dyn FnMut(&PyObject)) {
    visit_members(o, visit);
    if let Some(t) = builtin_base(o).and_then(|b| b.traverse) {
        t(o, visit);
    }
}

fn members_over_builtin_clear(o: &PyObject) {
    let taken = take_members(o);
    if let Some(c) = builtin_base(o).and_then(|b| b.clear) {
        c(o);
    }
    drop(taken);
}

/// The `__slots__` members and `__dict__` of an instance (of a builtin type with a dict slot,
/// or of a class over one): for the other tracked types (`gc_tracked`).
pub(crate) fn visit_instance_fields(o: &PyObject, visit: &mut dyn FnMut(&PyObject)) {
    visit_members(o, visit);
    visit_dict_slot(o, visit);
}

/// Takes an instance's `__dict__` out of its slot (a clear of the other tracked types).
pub(crate) fn take_instance_dict(o: &PyObject) -> Option<Obj> {
    take_dict_slot(o)
}

/// The slots of the tracked builtin types, by type name (see `immortal::make_types`).
pub(crate) fn builtin_gc_slots(name: &str) -> Option<(TraverseFn, Option<ClearFn>)> {
    Some(match name {
        "list" => (list_traverse, Some(list_clear)),
        "tuple" => (tuple_traverse, Some(tuple_clear)),
        "dict" => (dict_traverse, Some(dict_clear)),
        "set" | "frozenset" => (set_traverse, Some(set_clear)),
        "function" => (function_traverse, Some(function_clear)),
        "cell" => (cell_traverse, Some(cell_clear)),
        "method" => (method_traverse, None),
        "type" => (type_traverse, Some(type_clear)),
        "property" => (super::descriptors::property_traverse, None),
        "staticmethod" | "classmethod" => (super::descriptors::wrapper_traverse, None),
        "member_descriptor" => (super::member::member_traverse, None),
        _ => return None,
    })
}

/// The slots a new class's instances get: its best base's, or — over `object` — the instance
/// ones; a class over an untracked builtin tracks what it adds when its instances have a
/// `__dict__` or members; one with members over a tracked builtin visits them, then the builtin's. (A metaclass's instances are classes: `type`'s slots, inherited.)
pub(crate) fn class_gc_slots(
    plain: bool,
    base: (Option<TraverseFn>, Option<ClearFn>),
    adds_fields: bool,
    has_members: bool,
) -> (Option<TraverseFn>, Option<ClearFn>) {
    if plain {
        return (Some(instance_traverse), Some(instance_clear));
    }
    match base {
        (Some(_), _) if has_members => (Some(members_over_builtin_traverse), Some(members_over_builtin_clear)),
        (Some(t), c) => (Some(t), c),
        (None, _) if adds_fields => (Some(subclass_traverse), Some(subclass_clear)),
        (None, _) => (None, None),
    }
}
