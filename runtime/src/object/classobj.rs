//! Heap types: `type(name, bases, ns)` (what a `class` statement ends in), C3 linearisation,
//! instance creation and the `slot_*` wrappers that route the protocols to dunder methods.
//!
//! A heap type is an arena object of its interpreter, laid out as a [`TypeObject`]. Its
//! instances use the solid base's layout followed by a `__dict__` pointer (`dict_offset`) unless
//! the base already has one. Slots are copied from the solid base, then every dunder the class
//! namespace defines replaces its slot with a wrapper that looks the dunder up on the instance's
//! type and calls it (CPython's `slotdefs`/`update_one_slot`); assigning or deleting a dunder on
//! the class later updates the slot (and its subclasses') the same way (`slot_update.rs`).

use std::ptr::NonNull;

use super::abstract_ops as ops;
use super::alloc::free_object;
use super::attr::lookup_str;
use super::builtin::args;
use super::dict::{as_dict, new_dict};
use super::header::PyObject;
use super::immortal::{immortals, intern, types};
use super::int::as_int;
use super::obj::Obj;
use super::slots::NumberMethods;
use super::str::{new_str, str_value};
use super::subtype_getset::{Which, new_subtype_getset};
use super::tuple::{items, new_tuple};
use super::typeobj::{CompareOp, TypeObject, as_type, flags};
use crate::error::{PyErr, PyResult};

/// `type.__call__`: `type(x)`, or `cls(*args)` = `__new__` then `__init__`.
pub(crate) fn type_call(callable: &PyObject, argv: &[Obj], kwnames: Option<&PyObject>) -> PyResult<Obj> {
    let ty = as_type(callable).expect("type_call on a type");
    if std::ptr::eq(ty, types().type_type) {
        let pos = args::positional(argv, kwnames);
        if pos.len() == 1 && kwnames.is_none() {
            return Ok(Obj::new_ref(pos[0].type_object().as_object()));
        }
        if pos.len() != 3 {
            return Err(PyErr::type_error("type() takes 1 or 3 arguments"));
        }
    }
    let new = ty.new.ok_or_else(|| PyErr::type_error(format!("cannot create '{}' instances", ty.name())))?;
    let obj = new(ty, argv, kwnames)?;
    if !obj.type_object().is_subtype(ty) {
        return Ok(obj);
    }
    if let Some(init) = obj.type_object().init {
        init(&obj, argv, kwnames)?;
    }
    Ok(obj)
}

/// `object.__new__`: an instance of a heap type (the solid base is `object`).
pub(crate) fn object_new(ty: &TypeObject, argv: &[Obj], kwnames: Option<&PyObject>) -> PyResult<Obj> {
    let _ = kwnames;
    if !argv.is_empty() {
        // CPython's `object_new`: extra arguments are for an overridden `__init__` only.
        if ty.new.is_some_and(|n| !std::ptr::fn_addr_eq(n, object_new as super::typeobj::NewFn)) {
            return Err(PyErr::type_error("object.__new__() takes exactly one argument (the type to instantiate)"));
        }
        if ty.init.is_none_or(|i| std::ptr::fn_addr_eq(i, object_init as super::typeobj::InitFn)) {
            return Err(PyErr::type_error(format!("{}() takes no arguments", ty.name())));
        }
    }
    if std::ptr::eq(ty, types().object_type) {
        // SAFETY: a bare header; object's deallocator frees it.
        return unsafe { super::alloc::alloc(ty, |ob_base| ob_base) };
    }
    crate::modules::abc::check_not_abstract(ty)?;
    // SAFETY: the instance is `basic_size` bytes: the header, then the dict slot and inline
    // values written here.
    unsafe {
        let obj = super::alloc::alloc_sized(ty, ty.basic_size, |ob_base| ob_base)?;
        let base = obj.as_ptr().as_ptr() as *mut u8;
        for &offset in &(*ty.mutable.get()).member_offsets {
            base.add(offset).cast::<Option<Obj>>().write(None);
        }
        if ty.inline_values != 0 {
            super::inline_values::init(base, ty);
        } else if ty.dict_offset != 0 {
            base.add(ty.dict_offset).cast::<Option<Obj>>().write(None);
        }
        Ok(obj)
    }
}

/// `object.__init__`: accepts no arguments unless `__new__` is overridden.
pub(crate) fn object_init(o: &PyObject, argv: &[Obj], _kwnames: Option<&PyObject>) -> PyResult<()> {
    let ty = o.type_object();
    if !argv.is_empty() {
        // CPython's `object_init`: extra arguments are for an overridden `__new__` only.
        if ty.init.is_some_and(|i| !std::ptr::fn_addr_eq(i, object_init as super::typeobj::InitFn)) {
            return Err(PyErr::type_error("object.__init__() takes exactly one argument (the instance to initialize)"));
        }
        if ty.new.is_none_or(|n| std::ptr::fn_addr_eq(n, object_new as super::typeobj::NewFn)) {
            return Err(PyErr::type_error(format!(
                "{}.__init__() takes exactly one argument (the instance to initialize)",
                ty.name()
            )));
        }
    }
    Ok(())
}

/// `type.__init__`: nothing to do once `type.__new__` has built the class; it takes the
/// same 1 or 3 arguments.
pub(crate) fn type_init(_o: &PyObject, argv: &[Obj], kwnames: Option<&PyObject>) -> PyResult<()> {
    let npos = args::positional(argv, kwnames).len();
    if npos == 1 && kwnames.is_some_and(|k| !items(k).is_empty()) {
        return Err(PyErr::type_error("type.__init__() takes no keyword arguments"));
    }
    if npos != 1 && npos != 3 {
        return Err(PyErr::type_error("type.__init__() takes 1 or 3 arguments"));
    }
    Ok(())
}

/// Deallocator of plain instances (`object` and heap types whose solid base is `object`).
///
/// # Safety
///
/// See [`super::typeobj::DeallocFn`].
pub(crate) unsafe fn dealloc_instance(op: NonNull<PyObject>) {
    // SAFETY: forwarded contract; the trashcan runs it now or, past its depth, later on this
    // thread (a long chain of instances must not free itself by native recursion).
    unsafe { super::trashcan::dealloc_guarded(op, dealloc_instance_now) }
}

/// [`dealloc_instance`]'s work: the attribute values, `__slots__` members and dict are dropped
/// in place (no intermediate vector), then the block is freed and the heap type released.
///
/// # Safety
///
/// As [`dealloc_instance`], inside the trashcan's depth guard.
unsafe fn dealloc_instance_now(op: NonNull<PyObject>) {
    // SAFETY: forwarded contract; the dict slot is initialised when the type has one. The
    // instance is unreachable, so dropping its values (which may run `__del__`) cannot reach it.
    unsafe {
        let ty = op.as_ref().type_object();
        super::inline_values::clear_for_dealloc(op.as_ref());
        if ty.is_heap() {
            // By index, re-reading the type each time: a value's deallocation may run Python code.
            let mut i = 0;
            while let Some(&off) = (&(*ty.mutable.get()).member_offsets).get(i) {
                let value = super::member::member_slot(op.as_ref(), off).take();
                drop(value);
                i += 1;
            }
        }
        if ty.dict_offset != 0 {
            std::ptr::drop_in_place((op.as_ptr() as *mut u8).add(ty.dict_offset).cast::<Option<Obj>>());
        }
        let heap = ty.is_heap().then(|| NonNull::from(ty.as_object()));
        free_object(op);
        if let Some(t) = heap {
            super::refcount::decref(t);
        }
    }
}

/// `type`'s deallocator: frees heap types; a static type reaching it is a fatal error.
///
/// # Safety
///
/// See [`super::typeobj::DeallocFn`].
pub(crate) unsafe fn dealloc_type(op: NonNull<PyObject>) {
    // SAFETY: forwarded contract: a TypeObject with no reference left.
    unsafe {
        if let Some(t) = as_type(op.as_ref()).filter(|t| t.is_heap()) {
            super::type_state::unregister_subclass(t);
            super::alloc::drop_and_free::<TypeObject>(op)
        } else {
            super::typeobj::dealloc_static(op)
        }
    }
}

/// C3 linearisation of `bases` for a class (`mro_implementation`).
pub fn c3_mro(this: Obj, bases: &[Obj]) -> PyResult<Vec<Obj>> {
    // `check_duplicates`: a class listed twice among the bases.
    for (i, b) in bases.iter().enumerate() {
        if bases[i + 1..].iter().any(|other| other.is(b)) {
            let name = as_type(b).map_or("?".to_owned(), |t| t.name().to_owned());
            return Err(PyErr::type_error(format!("duplicate base class {name}")));
        }
    }
    let mut seqs: Vec<Vec<Obj>> = bases.iter().map(|b| as_type(b).expect("a base type").mro().to_vec()).collect();
    seqs.push(bases.to_vec());
    let mut out = vec![this];
    loop {
        seqs.retain(|s| !s.is_empty());
        if seqs.is_empty() {
            return Ok(out);
        }
        let candidate =
            seqs.iter().map(|s| s[0].clone()).find(|c| !seqs.iter().any(|s| s[1..].iter().any(|x| x.is(c))));
        let Some(c) = candidate else {
            // CPython's `set_mro_error`: the heads of the sequences left to merge, each once.
            let mut heads: Vec<&Obj> = Vec::new();
            for s in &seqs {
                if !heads.iter().any(|h| h.is(&s[0])) {
                    heads.push(&s[0]);
                }
            }
            let names: Vec<String> =
                heads.iter().map(|b| as_type(b).map_or("?".into(), |t| t.name().to_owned())).collect();
            return Err(PyErr::type_error(format!(
                "Cannot create a consistent method resolution order (MRO) for bases {}",
                names.join(", ")
            )));
        };
        for s in seqs.iter_mut() {
            if s[0].is(&c) {
                s.remove(0);
            }
        }
        out.push(c);
    }
}

/// The solid base: the most derived base whose layout the new type must extend.
pub(crate) fn solid_base(t: &TypeObject) -> &TypeObject {
    let mut cur = t;
    while cur.is_heap() {
        match cur.base() {
            Some(b) => cur = b,
            None => break,
        }
    }
    cur
}

/// The solid base as `best_base` compares it: a builtin exception without fields of its own
/// has its base's layout in CPython (`extra_ivars` compares the sizes), so `(LookupError,
/// SystemError)` combine while `(OSError, ImportError)` conflict. (pyrt's builtin exceptions all
/// share one instance struct, so this decides only which combinations are refused.)
fn layout_base(t: &TypeObject) -> &TypeObject {
    let mut cur = solid_base(t);
    while cur.is_subtype(types().exc.named("BaseException")) && !EXCEPTIONS_WITH_FIELDS.contains(&cur.name()) {
        match cur.base() {
            Some(b) => cur = b,
            None => break,
        }
    }
    cur
}

/// The builtin exceptions whose instances are larger than their base's in CPython 3.13
/// (`__basicsize__`), which makes them solid bases.
const EXCEPTIONS_WITH_FIELDS: &[&str] = &[
    "BaseException",
    "BaseExceptionGroup",
    "StopIteration",
    "SystemExit",
    "ImportError",
    "OSError",
    "SyntaxError",
    "AttributeError",
    "NameError",
    "UnicodeEncodeError",
    "UnicodeDecodeError",
    "UnicodeTranslateError",
];

/// `best_base`: the base whose layout the new class extends — the one with the most derived
/// solid base (a mixin before `Exception` or `int` does not decide the layout); bases whose
/// solid bases are unrelated cannot be combined.
pub(crate) fn best_base(bases: &[Obj]) -> PyResult<&TypeObject> {
    let mut best = as_type(&bases[0]).expect("checked");
    let mut winner = layout_base(best);
    for b in &bases[1..] {
        let bt = as_type(b).expect("checked");
        let candidate = layout_base(bt);
        if winner.is_subtype(candidate) {
            continue;
        }
        if candidate.is_subtype(winner) {
            (best, winner) = (bt, candidate);
        } else {
            return Err(PyErr::type_error("multiple bases have instance lay-out conflict"));
        }
    }
    Ok(best)
}

/// Where a new class's instances keep their members, dict and inline values.
struct InstanceLayout {
    basic_size: usize,
    dict_offset: usize,
    inline_values: usize,
    /// The class's own `__slots__` members, laid out from `members_at`.
    members: Vec<Obj>,
    members_at: usize,
    inherited_members: Vec<usize>,
    /// Whether instances accept weak references.
    weakref: bool,
    /// Whether this class gives them that (and a `__weakref__` attribute).
    adds_weakref: bool,
}

/// The instance layout of a new class over the base `best` (`type_new_descriptors`): the
/// base's layout, then the class's own `__slots__` members, then — unless `__slots__` leaves it
/// out — the dict pointer, followed by inline values when the solid base is `object`.
fn instance_layout(
    name: &str,
    best: &TypeObject,
    solid: &TypeObject,
    ns: &super::dict::DictObject,
    bases: &[Obj],
) -> PyResult<InstanceLayout> {
    let inherited_members = if best.is_heap() {
        // SAFETY: read attached; a class's member offsets are fixed once it is made.
        unsafe { &(*best.mutable.get()).member_offsets }.clone()
    } else {
        Vec::new()
    };
    for b in bases {
        let bt = as_type(b).expect("checked");
        if !best.is_subtype(bt) && super::member::has_members(bt) {
            return Err(PyErr::type_error("multiple bases have instance lay-out conflict"));
        }
    }
    let metaclass = best.flags & flags::TYPE_SUBCLASS != 0;
    let base_has_dict = best.dict_offset != 0 || metaclass;
    let base_has_weakref = super::weakref::weakrefable(best);
    let slots = super::member::parse_slots(name, ns, base_has_dict, base_has_weakref)?;
    let plain = std::ptr::eq(solid, types().object_type) && !metaclass;
    // CPython adds a weak-reference list unless the base is variable-sized.
    let var_sized = matches!(solid.name(), "int" | "bool" | "tuple" | "bytes");
    let (members, wants_dict, wants_weakref) = match slots {
        Some(spec) => (spec.members, spec.dict || base_has_dict, spec.weakref),
        None => (Vec::new(), true, true),
    };
    let mut layout = InstanceLayout {
        basic_size: best.basic_size,
        dict_offset: 0,
        inline_values: 0,
        members,
        members_at: 0,
        inherited_members,
        weakref: base_has_weakref || (wants_weakref && !var_sized),
        adds_weakref: !base_has_weakref && wants_weakref && !var_sized,
    };
    if plain {
        // Instances of a class whose solid base is `object` keep their attributes inline
        // (`inline_values.rs`); the members and then the dict pointer follow the base's members.
        layout.members_at = if best.inline_values != 0 { best.dict_offset } else { best.basic_size };
        let members_end = layout.members_at + layout.members.len() * size_of::<Obj>();
        layout.basic_size = members_end;
        if wants_dict {
            let capacity = super::inline_values::capacity_for_class(ns, best.inline_values);
            layout.dict_offset = members_end;
            layout.inline_values = capacity;
            layout.basic_size = super::inline_values::instance_size(members_end, capacity);
        }
        return Ok(layout);
    }
    if !layout.members.is_empty() {
        // CPython refuses member slots over a variable-size base (`tp_itemsize != 0`): the
        // items follow the header there. Over the other builtins, the members follow the base's
        // layout (and come before the text of a `str`), then the dict pointer if any.
        if metaclass || var_sized {
            let base_name = if metaclass { "type" } else { solid.name() };
            return Err(PyErr::type_error(format!("nonempty __slots__ not supported for subtype of '{base_name}'")));
        }
        layout.members_at = best.basic_size;
        let members_end = layout.members_at + layout.members.len() * size_of::<Obj>();
        layout.basic_size = members_end;
        if base_has_dict {
            layout.dict_offset = best.dict_offset;
        } else if wants_dict {
            layout.basic_size = members_end + size_of::<Obj>();
            layout.dict_offset = members_end;
        }
        return Ok(layout);
    }
    if base_has_dict {
        // A metaclass's instances are classes: their attributes live in the class dict.
        layout.dict_offset = best.dict_offset;
    } else if wants_dict {
        layout.basic_size = best.basic_size + size_of::<Obj>();
        layout.dict_offset = best.basic_size;
    }
    Ok(layout)
}

/// `type.__new__(meta, name, bases, ns)`.
pub(crate) fn type_new(meta: &TypeObject, argv: &[Obj], kwnames: Option<&PyObject>) -> PyResult<Obj> {
    let pos = args::positional(argv, kwnames);
    let [name, bases, ns] = pos else {
        return Err(PyErr::type_error("type.__new__() takes exactly 3 arguments"));
    };
    let name_text = str_value(name).ok_or_else(|| PyErr::type_error("type.__new__() argument 1 must be str"))?;
    let ns_dict = as_dict(ns).ok_or_else(|| PyErr::type_error("type.__new__() argument 3 must be dict"))?;
    let mut base_list: Vec<Obj> = items(bases).to_vec();
    if base_list.is_empty() {
        base_list.push(Obj::new_ref(types().object_type.as_object()));
    }
    // `_PyType_CalculateMetaclass`: the metaclass must be a (non-strict) subclass of every
    // base's type, or one of those must be a subclass of all others.
    let mut winner = meta;
    for b in &base_list {
        let t = b.type_object();
        if winner.is_subtype(t) {
            continue;
        }
        if t.is_subtype(winner) {
            winner = t;
            continue;
        }
        return Err(PyErr::type_error(
            "metaclass conflict: the metaclass of a derived class must be a (non-strict) subclass of the metaclasses of all its bases",
        ));
    }
    if !std::ptr::eq(winner, meta) {
        // A more derived metaclass with its own `__new__` makes the class; otherwise it is
        // the class's type.
        if let Some(new) = winner.new.filter(|n| !std::ptr::fn_addr_eq(*n, type_new as super::typeobj::NewFn)) {
            return new(winner, argv, kwnames);
        }
        return type_new(winner, argv, kwnames);
    }
    for b in &base_list {
        let bt = as_type(b).ok_or_else(|| PyErr::type_error("bases must be types"))?;
        if bt.flags & flags::BASETYPE == 0 {
            return Err(PyErr::type_error(format!("type '{}' is not an acceptable base type", bt.name())));
        }
    }
    let best = best_base(&base_list)?;
    let base_tags = super::type_state::ancestor_tags(&base_list);
    let solid = solid_base(best);
    let dict = new_dict()?;
    let d = as_dict(&dict).expect("a dict");
    let mut non_str_key = false;
    for (k, v) in ns_dict.items() {
        non_str_key |= !k.type_object().is_subtype(types().str_type);
        d.set(k, v)?;
    }
    if non_str_key {
        // gh-55664: CPython 3.13 warns once per class.
        crate::modules::warnings::warn(
            types().exc.named("RuntimeWarning"),
            &format!("non-string key in the __dict__ of class {name_text}"),
            1,
        )?;
    }
    if d.get_str(&intern("__module__").ob_base).is_none() {
        d.set(Obj::new_ref(&intern("__module__").ob_base), Obj::new_ref(&intern("__main__").ob_base))?;
    }
    let qualname = d.remove(&intern("__qualname__").ob_base)?;
    // CPython's `type_new_set_names`: a namespace's `__qualname__` must be a str.
    if let Some(q) = qualname.as_ref().filter(|q| !q.type_object().is_subtype(types().str_type)) {
        return Err(PyErr::type_error(format!("type __qualname__ must be a str, not {}", q.type_object().name())));
    }
    // `type_new_set_classcell`: the cell the class body's `__class__` uses leaves the class dict
    // and gets the class before `__set_name__` and `__init_subclass__` run.
    let classcell = d.remove(&intern("__classcell__").ob_base)?;
    if let Some(c) = classcell.as_ref().filter(|c| super::function::as_cell(c).is_none()) {
        return Err(PyErr::type_error(format!(
            "__classcell__ must be a nonlocal cell, not <class '{}'>",
            c.type_object().fully_qualified_name()
        )));
    }
    implicit_method_kinds(d)?;
    let layout = instance_layout(name_text, best, solid, d, &base_list)?;
    let mut t = TypeObject::blank(
        // SAFETY: filled below; the header is replaced by the allocator's.
        unsafe { PyObject::new_immortal(meta) },
        best.dealloc,
    );
    t.basic_size = layout.basic_size.max(solid.basic_size);
    t.dict_offset = layout.dict_offset;
    t.inline_values = layout.inline_values;
    t.instances_free_threaded = super::attachment::free_threaded();
    t.flags = flags::HEAPTYPE | flags::BASETYPE | (best.flags & flags::SUBCLASS_BITS);
    if layout.weakref {
        t.flags |= flags::MANAGED_WEAKREF;
    }
    let plain = std::ptr::eq(solid, types().object_type);
    let has_members = !layout.members.is_empty() || !layout.inherited_members.is_empty();
    if has_members && !plain && best.flags & flags::TYPE_SUBCLASS == 0 {
        // The builtin base's deallocator does not know the members: `alloc` drops them.
        t.flags |= flags::MEMBERS_OVER_BUILTIN;
    }
    t.getattro = best.getattro;
    t.setattro = best.setattro.or(Some(super::attr::generic_setattr));
    t.descr_get = best.descr_get;
    t.descr_set = best.descr_set;
    t.call = best.call;
    t.richcompare = best.richcompare;
    t.hash = best.hash;
    t.iter = best.iter;
    t.iternext = best.iternext;
    t.repr = best.repr;
    t.str = best.str;
    t.new = best.new;
    t.init = best.init;
    t.number = best.number;
    t.sequence = best.sequence;
    t.mapping = best.mapping;
    let adds_fields = layout.dict_offset != 0 || !layout.members.is_empty() || !layout.inherited_members.is_empty();
    (t.traverse, t.clear) = if best.flags & flags::TYPE_SUBCLASS != 0 {
        (best.traverse, best.clear)
    } else {
        super::gc_traverse::class_gc_slots(plain, (best.traverse, best.clear), adds_fields, has_members)
    };
    if std::ptr::eq(solid, types().object_type) {
        t.dealloc = dealloc_instance;
    }
    // SAFETY: TypeObject starts with the header; `dealloc_heap_type` drops it.
    let obj = unsafe {
        super::alloc::alloc(meta, |ob_base| {
            t.ob_base = ob_base;
            t
        })?
    };
    // SAFETY: fresh, not yet shared.
    let ty = unsafe { &mut *(obj.as_ptr().as_ptr() as *mut TypeObject) };
    ty.dealloc = if std::ptr::eq(solid, types().object_type) { dealloc_instance } else { best.dealloc };
    let mro = c3_mro(obj.clone(), &base_list)?;
    // SAFETY: not yet shared.
    unsafe {
        let m = ty.mutable();
        m.name = Some(name_text.into());
        m.qualname = Some(qualname.unwrap_or_else(|| name.clone()));
        m.dict = Some(dict.clone());
        m.mro = Some(new_tuple(mro)?);
        m.bases = Some(new_tuple(base_list.clone())?);
        m.base = Some(base_list[0].clone());
    }
    if let Some(custom) = custom_mro(&obj, meta, solid)? {
        // SAFETY: not yet shared (the `mro()` override saw the class, but nothing of it is
        // borrowed across this replacement: it ran to completion).
        unsafe { ty.mutable() }.mro = Some(custom);
        // Entries cached under a tag a lookup gave it while `mro()` ran are left behind with
        // that tag, and no tag follows (`type_state::never_tag`).
        super::type_state::never_tag(ty);
    }
    let own = super::member::add_members(&obj, d, &layout.members, layout.members_at)?;
    // `__dict__` and `__weakref__` descriptors for what the class adds (`subtype_getset.rs`).
    let adds_dict = layout.dict_offset != 0 && best.dict_offset == 0 && best.flags & flags::TYPE_SUBCLASS == 0;
    for (adds, which) in [(adds_dict, Which::Dict), (layout.adds_weakref, Which::Weakref)] {
        let name = &intern(if which == Which::Dict { "__dict__" } else { "__weakref__" }).ob_base;
        if adds && d.get_str(name).is_none() {
            d.set(Obj::new_ref(name), new_subtype_getset(&obj, which)?)?;
        }
    }
    if d.get_str(&intern("__doc__").ob_base).is_none() {
        d.set(Obj::new_ref(&intern("__doc__").ob_base), Obj::new_ref(immortals().none))?;
    }
    // SAFETY: not yet shared.
    unsafe { ty.mutable() }.member_offsets = layout.inherited_members.into_iter().chain(own).collect();
    if super::finalize::has_finalizer(ty) {
        ty.dealloc = super::finalize::dealloc_finalizing;
    }
    // Slots were copied from the best base; dunders of the heap classes in the MRO that the best
    // base does not inherit from (a mixin before `Exception`) get their wrappers too.
    let mut inherited: Vec<Obj> = Vec::new();
    for t in ty.mro().iter().skip(1).filter_map(|t| as_type(t)).filter(|t| t.is_heap() && !best.is_subtype(t)) {
        inherited
            .extend(t.dict().and_then(as_dict).map(|bd| bd.items()).unwrap_or_default().into_iter().map(|(k, _)| k));
    }
    for k in inherited {
        match str_value(&k) {
            // Only the class's own `__eq__` makes it unhashable (`update_slot`'s rule).
            Some("__eq__") => ty.richcompare = Some(slot_richcompare),
            Some(n) if n.starts_with("__") && n.ends_with("__") => update_slot(ty, n),
            _ => {}
        }
    }
    for (k, _) in d.items() {
        if let Some(n) = str_value(&k) {
            update_slot(ty, n);
        }
    }
    // Published to other threads (through `__subclasses__()`) only once its slots are final. A
    // dunder assigned on an ancestor since the slots were copied (another thread; the assignment
    // renews the tags under the type lock) did not reach this class: recompute them all.
    let mut type_lock = super::type_state::lock();
    if !super::type_state::ancestors_unchanged(&base_tags) {
        super::slot_update::refresh_all_slots(ty);
    }
    type_lock.register_subclass(ty);
    drop(type_lock);
    super::type_state::tag_registered_class(ty);
    if let Some(cell) = classcell.as_deref().and_then(super::function::as_cell) {
        cell.set(Some(obj.clone()));
    }
    set_names(&obj, d)?;
    init_subclass(&obj, argv, kwnames)?;
    Ok(obj)
}

/// `mro_invoke`: a metaclass that overrides `mro()` decides the new class's MRO. The override
/// runs once the class has its C3 MRO and bases (`type.mro(cls)`, which it usually calls
/// through `super()`, computes C3 from the bases); its result must be a non-empty sequence of
/// classes whose layouts the new class's solid base extends (`mro_check`).
pub(crate) fn custom_mro(cls: &Obj, meta: &TypeObject, solid: &TypeObject) -> PyResult<Option<Obj>> {
    if std::ptr::eq(meta, types().type_type) {
        return Ok(None);
    }
    let Some(method) = lookup_str(meta, "mro") else { return Ok(None) };
    let type_mro = lookup_str(types().type_type, "mro");
    if type_mro.as_ref().is_some_and(|m| m.is(&method)) {
        return Ok(None);
    }
    let result = match method.type_object().descr_get {
        Some(get) => ops::call(&*get(&method, Some(cls), meta.as_object())?, &[], None)?,
        None => ops::call(&method, &[], None)?,
    };
    let mro = super::tuple::new_tuple(ops::collect(&result)?)?;
    let entries = items(&mro);
    if entries.is_empty() {
        return Err(PyErr::type_error("type MRO must not be empty"));
    }
    for entry in entries {
        let Some(base) = as_type(entry) else {
            return Err(PyErr::type_error(format!("mro() returned a non-class ('{}')", entry.type_object().name())));
        };
        if !solid.is_subtype(solid_base(base)) {
            return Err(PyErr::type_error(format!("mro() returned base with unsuitable layout ('{}')", base.name())));
        }
    }
    Ok(Some(mro))
}

/// `type_new_set_names`: `value.__set_name__(cls, name)` for each attribute that has one, in
/// namespace order.
fn set_names(cls: &Obj, ns: &super::dict::DictObject) -> PyResult<()> {
    for (name, value) in ns.items() {
        if let Some(f) = lookup_str(value.type_object(), "__set_name__") {
            if let Err(e) = ops::call(&f, &[value.clone(), cls.clone(), name.clone()], None) {
                // CPython 3.12+ notes where the error came from (`_PyErr_FormatNote`).
                if let Some(exc) = e.object() {
                    let note = format!(
                        "Error calling __set_name__ on '{}' instance {} in '{}'",
                        value.type_object().name(),
                        ops::repr_text(&name)?,
                        as_type(cls).map_or("?", |t| t.name())
                    );
                    let add_note = ops::get_attr_str(exc, "add_note")?;
                    ops::call(&add_note, &[new_str(&note)?], None)?;
                }
                return Err(e);
            }
        }
    }
    Ok(())
}

/// `type_new_init_subclass`: `super(cls, cls).__init_subclass__(**kwargs)` with the class
/// statement's keywords.
fn init_subclass(cls: &Obj, argv: &[Obj], kwnames: Option<&PyObject>) -> PyResult<()> {
    let t = as_type(cls).expect("a new class");
    let name = &intern("__init_subclass__").ob_base;
    // The lookup starts after the class in its MRO; a custom `mro()` that left the class out
    // fails `super(cls, cls)`'s check (CPython's `PyType_IsSubtype` asks the MRO).
    let mro = t.mro();
    let Some(pos) = mro.iter().position(|c| c.is(cls)) else {
        return Err(PyErr::type_error(format!(
            "super(type, obj): obj (type {0}) is not an instance or subtype of type ({0}).",
            t.name()
        )));
    };
    for base in mro.iter().skip(pos + 1) {
        let Some(f) = as_type(base).and_then(|b| b.dict()).and_then(as_dict).and_then(|d| d.get_str(name)) else {
            continue;
        };
        let bound = match f.type_object().descr_get {
            Some(get) => get(&f, None, cls)?,
            None => f,
        };
        let (values, names): (Vec<Obj>, Vec<Obj>) = args::keywords(argv, kwnames)
            .map(|(k, v)| Ok((v.clone(), new_str(k)?)))
            .collect::<PyResult<Vec<_>>>()?
            .into_iter()
            .unzip();
        let kw = if names.is_empty() { None } else { Some(new_tuple(names)?) };
        ops::call(&bound, &values, kw.as_deref())?;
        break;
    }
    Ok(())
}

/// `type.__subclasses__()`: the live classes whose `__bases__` name this one, in this
/// interpreter (`type_state.rs`).
pub(crate) fn subclasses(t: &PyObject) -> PyResult<Obj> {
    let ty = as_type(t).ok_or_else(|| PyErr::type_error("__subclasses__() needs a type"))?;
    super::list::new_list(super::type_state::subclasses(ty))
}

/// As CPython's `lookup_maybe_method`: a dunder `f` found on `o`'s type that is a function or a
/// builtin method descriptor is called unbound, with `o` pushed first on `argv`; anything else
/// with a `__get__` (a `staticmethod`, a `classmethod`, a class-defined descriptor) is bound
/// through it; other objects are called as they are. Returns what to call.
fn prepare_dunder(o: &PyObject, f: Obj, argv: &mut Vec<Obj>) -> PyResult<Obj> {
    let (ft, t) = (f.type_object(), types());
    if [t.function_type, t.method_descriptor_type, t.slot_wrapper_type].iter().any(|m| std::ptr::eq(ft, *m)) {
        argv.push(Obj::new_ref(o));
        return Ok(f);
    }
    match ft.descr_get {
        Some(get) => get(&f, Some(o), o.type_object().as_object()),
        None => Ok(f),
    }
}

/// Calls the dunder `name` found on `o`'s type with `o` first.
///
/// The dunder is prepared by [`prepare_dunder`].
fn call_dunder(o: &PyObject, name: &str, rest: &[&PyObject]) -> PyResult<Option<Obj>> {
    let Some(f) = lookup_str(o.type_object(), name) else { return Ok(None) };
    let mut argv = Vec::with_capacity(rest.len() + 1);
    let callee = prepare_dunder(o, f, &mut argv)?;
    argv.extend(rest.iter().map(|r| Obj::new_ref(r)));
    ops::call(&callee, &argv, None).map(Some)
}

fn not_implemented() -> Obj {
    Obj::new_ref(immortals().not_implemented)
}

fn slot_repr(o: &PyObject) -> PyResult<Obj> {
    let r = call_dunder(o, "__repr__", &[])?.map_or_else(|| ops::default_repr(o), Ok)?;
    text_result(r, "__repr__")
}

/// `__repr__`/`__str__` must give a `str` (`PyObject_Repr`'s check).
fn text_result(r: Obj, which: &str) -> PyResult<Obj> {
    if r.type_object().is_subtype(types().str_type) {
        Ok(r)
    } else {
        Err(PyErr::type_error(format!("{which} returned non-string (type {})", r.type_object().name())))
    }
}

fn slot_str(o: &PyObject) -> PyResult<Obj> {
    match call_dunder(o, "__str__", &[])? {
        Some(r) => text_result(r, "__str__"),
        None => slot_repr(o),
    }
}

fn slot_hash(o: &PyObject) -> PyResult<isize> {
    match lookup_str(o.type_object(), "__hash__") {
        Some(f) if f.is(immortals().none) => {
            Err(PyErr::type_error(format!("unhashable type: '{}'", o.type_object().name())))
        }
        Some(f) => {
            // A `__hash__` whose `__get__` fails makes the object unhashable (CPython's
            // `slot_tp_hash`: `lookup_maybe_method` failed, `PyObject_HashNotImplemented`).
            let mut argv = Vec::with_capacity(1);
            let Ok(callee) = prepare_dunder(o, f, &mut argv) else {
                return Err(PyErr::type_error(format!("unhashable type: '{}'", o.type_object().name())));
            };
            let r = ops::call(&callee, &argv, None)?;
            // CPython's `slot_tp_hash`: a result that fits a machine word is the hash itself
            // (-1, the error marker, becomes -2); a bigger one is hashed as an int.
            match as_int(&r) {
                Some(super::int::IntVal::Small(-1)) => Ok(-2),
                Some(super::int::IntVal::Small(h)) => Ok(h as isize),
                Some(v) => Ok(super::int::hash_int(&v)),
                None => Err(PyErr::type_error("__hash__ method should return an integer")),
            }
        }
        None => super::core_types::object_hash(o),
    }
}

/// CPython's `slot_tp_richcompare`: a dunder that cannot be had — its `__get__` fails —
/// answers `NotImplemented` (`lookup_maybe_method`'s error is cleared), as a missing one does.
fn slot_richcompare(a: &PyObject, b: &PyObject, op: CompareOp) -> PyResult<Obj> {
    let Some(f) = lookup_str(a.type_object(), op.dunder()) else { return Ok(not_implemented()) };
    let mut argv = Vec::with_capacity(2);
    let Ok(callee) = prepare_dunder(a, f, &mut argv) else { return Ok(not_implemented()) };
    argv.push(Obj::new_ref(b));
    ops::call(&callee, &argv, None)
}

fn slot_call(o: &PyObject, argv: &[Obj], kwnames: Option<&PyObject>) -> PyResult<Obj> {
    let f = lookup_str(o.type_object(), "__call__").ok_or_else(|| PyErr::type_error("not callable"))?;
    let mut full = Vec::with_capacity(argv.len() + 1);
    let f = prepare_dunder(o, f, &mut full)?;
    full.extend_from_slice(argv);
    ops::call(&f, &full, kwnames)
}

fn slot_init(o: &PyObject, argv: &[Obj], kwnames: Option<&PyObject>) -> PyResult<()> {
    let f = lookup_str(o.type_object(), "__init__").ok_or_else(|| PyErr::type_error("no __init__"))?;
    let mut full = Vec::with_capacity(argv.len() + 1);
    let f = prepare_dunder(o, f, &mut full)?;
    full.extend_from_slice(argv);
    let r = ops::call(&f, &full, kwnames)?;
    if !r.is(immortals().none) {
        return Err(PyErr::type_error(format!("__init__() should return None, not '{}'", r.type_object().name())));
    }
    Ok(())
}

/// Whether the class sets `name` to `None` (`__iter__ = None`: "not iterable").
fn dunder_is_none(o: &PyObject, name: &str) -> bool {
    lookup_str(o.type_object(), name).is_some_and(|f| f.is(immortals().none))
}

fn slot_iter(o: &PyObject) -> PyResult<Obj> {
    if dunder_is_none(o, "__iter__") {
        return Err(PyErr::type_error(format!("'{}' object is not iterable", o.type_object().name())));
    }
    call_dunder(o, "__iter__", &[])?.ok_or_else(|| PyErr::type_error("not iterable"))
}

fn slot_iternext(o: &PyObject) -> PyResult<Option<Obj>> {
    match call_dunder(o, "__next__", &[]) {
        Ok(v) => Ok(v),
        Err(e) if e.matches(types().exc.named("StopIteration")) => Ok(None),
        Err(e) => Err(e),
    }
}

fn slot_len(o: &PyObject) -> PyResult<usize> {
    let r = call_dunder(o, "__len__", &[])?.ok_or_else(|| PyErr::type_error("no __len__"))?;
    // `slot_sq_length`: an index, not negative, then fitting `Py_ssize_t` (else OverflowError).
    let n = ops::index(&r)?;
    let negative = match super::int::as_int(&n) {
        Some(super::int::IntVal::Small(v)) => v < 0,
        Some(super::int::IntVal::Big(b)) => b.sign() == num_bigint::Sign::Minus,
        None => false,
    };
    if negative {
        return Err(PyErr::value_error("__len__() should return >= 0"));
    }
    ops::index_isize(&n)
        .map_err(|_| PyErr::overflow("cannot fit 'int' into an index-sized integer"))
        .map(|v| v as usize)
}

fn slot_getitem(o: &PyObject, k: &PyObject) -> PyResult<Obj> {
    call_dunder(o, "__getitem__", &[k])?.ok_or_else(|| PyErr::type_error("not subscriptable"))
}

fn slot_setitem(o: &PyObject, k: &PyObject, v: Option<&PyObject>) -> PyResult<()> {
    match v {
        Some(v) => call_dunder(o, "__setitem__", &[k, v])?,
        None => call_dunder(o, "__delitem__", &[k])?,
    };
    Ok(())
}

fn slot_contains(o: &PyObject, k: &PyObject) -> PyResult<bool> {
    if dunder_is_none(o, "__contains__") {
        return Err(PyErr::type_error(format!("'{}' object is not a container", o.type_object().name())));
    }
    let r = call_dunder(o, "__contains__", &[k])?.ok_or_else(|| PyErr::type_error("no __contains__"))?;
    ops::is_true(&r)
}

fn slot_bool(o: &PyObject) -> PyResult<bool> {
    match call_dunder(o, "__bool__", &[])? {
        Some(r) => match as_int(&r) {
            Some(_) if r.type_object().is_subtype(types().bool_type) => ops::is_true(&r),
            _ => Err(PyErr::type_error(format!("__bool__ should return bool, returned {}", r.type_object().name()))),
        },
        None => Ok(true),
    }
}

/// A binary slot wrapper: `a.__op__(b)` when `a`'s type defines it, else `b.__rop__(a)`.
/// A binary number slot of a class that defines the operator's dunders (CPython's
/// `SLOT1BINFULL`): `a`'s `__op__`, but first `b`'s `__rop__` when `b`'s class is a proper
/// subclass of `a`'s that overrides `__rop__` (`method_is_overloaded`), and `b`'s `__rop__`
/// last when `a`'s declined and `b`'s class also takes the operator through a dunder. A class
/// without the dunder answers `NotImplemented` (`vectorcall_maybe`).
fn slot_binary(a: &PyObject, b: &PyObject, op: super::slots::BinOp) -> PyResult<Obj> {
    let (fwd, rev, _) = op.dunders();
    let wrapper = binary_wrapper(op);
    let (ta, tb) = (a.type_object(), b.type_object());
    let takes_dunders = |t: &TypeObject| t.number.binary(op).is_some_and(|f| std::ptr::fn_addr_eq(f, wrapper));
    let mut do_other = !std::ptr::eq(ta, tb) && takes_dunders(tb);
    let call = |o: &PyObject, name: &str, other: &PyObject| -> PyResult<Obj> {
        Ok(call_dunder(o, name, &[other])?.unwrap_or_else(not_implemented))
    };
    if takes_dunders(ta) {
        if do_other && tb.is_subtype(ta) && method_is_overloaded(ta, tb, rev)? {
            let r = call(b, rev, a)?;
            if !r.is(immortals().not_implemented) {
                return Ok(r);
            }
            do_other = false;
        }
        let r = call(a, fwd, b)?;
        if !r.is(immortals().not_implemented) || std::ptr::eq(ta, tb) {
            return Ok(r);
        }
    }
    if do_other {
        return call(b, rev, a);
    }
    Ok(not_implemented())
}

/// Whether `right` overrides `left`'s `name` (CPython's `method_is_overloaded`): the attribute
/// read on each class differs (`!=`), or only `right` has it.
fn method_is_overloaded(left: &TypeObject, right: &TypeObject, name: &str) -> PyResult<bool> {
    let attribute_error = types().exc.named("AttributeError");
    let optional = |t: &TypeObject| match ops::get_attr(t.as_object(), &intern(name).ob_base) {
        Ok(v) => Ok(Some(v)),
        Err(e) if e.matches(attribute_error) => Ok(None),
        Err(e) => Err(e),
    };
    let Some(b) = optional(right)? else { return Ok(false) };
    let Some(a) = optional(left)? else { return Ok(true) };
    ops::rich_compare_bool(&a, &b, CompareOp::Ne)
}

macro_rules! binary_wrappers {
    ($($f:ident => $op:ident),* $(,)?) => {
        $(fn $f(a: &PyObject, b: &PyObject) -> PyResult<Obj> { slot_binary(a, b, super::slots::BinOp::$op) })*
        fn binary_wrapper(op: super::slots::BinOp) -> super::slots::BinaryFn {
            match op { $(super::slots::BinOp::$op => $f,)* }
        }
    };
}

binary_wrappers!(
    slot_add => Add, slot_and => And, slot_floordiv => FloorDivide, slot_lshift => Lshift,
    slot_matmul => MatrixMultiply, slot_mul => Multiply, slot_mod => Remainder, slot_or => Or,
    slot_pow => Power, slot_rshift => Rshift, slot_sub => Subtract, slot_truediv => TrueDivide,
    slot_xor => Xor,
);

fn slot_neg(o: &PyObject) -> PyResult<Obj> {
    call_dunder(o, "__neg__", &[])?.ok_or_else(|| PyErr::type_error("bad operand type for unary -"))
}

/// A unary dunder defined by a class (`__pos__`, `__abs__`, `__int__`, ...).
fn slot_unary(o: &PyObject, name: &str) -> PyResult<Obj> {
    call_dunder(o, name, &[])?.ok_or_else(|| super::attr::no_attribute(o, &intern(name).ob_base))
}

fn slot_pos(o: &PyObject) -> PyResult<Obj> {
    slot_unary(o, "__pos__")
}

fn slot_abs(o: &PyObject) -> PyResult<Obj> {
    slot_unary(o, "__abs__")
}

fn slot_invert(o: &PyObject) -> PyResult<Obj> {
    slot_unary(o, "__invert__")
}

fn slot_int(o: &PyObject) -> PyResult<Obj> {
    let r = slot_unary(o, "__int__")?;
    if as_int(&r).is_none() {
        return Err(PyErr::type_error(format!("__int__ returned non-int (type {})", r.type_object().name())));
    }
    Ok(r)
}

fn slot_float(o: &PyObject) -> PyResult<Obj> {
    let r = slot_unary(o, "__float__")?;
    if !r.type_object().is_subtype(types().float_type) {
        return Err(PyErr::type_error(format!(
            "{}.__float__ returned non-float (type {})",
            o.type_object().name(),
            r.type_object().name()
        )));
    }
    Ok(r)
}

fn slot_index(o: &PyObject) -> PyResult<Obj> {
    let r = slot_unary(o, "__index__")?;
    if as_int(&r).is_none() {
        return Err(PyErr::type_error(format!("__index__ returned non-int (type {})", r.type_object().name())));
    }
    Ok(r)
}

/// `__get__` defined by a class: `descr.__get__(obj or None, owner)`.
fn slot_descr_get(d: &PyObject, obj: Option<&PyObject>, ty: &PyObject) -> PyResult<Obj> {
    let none = immortals().none;
    call_dunder(d, "__get__", &[obj.unwrap_or(none), ty])?
        .ok_or_else(|| super::attr::no_attribute(d, &intern("__get__").ob_base))
}

/// `__set__` / `__delete__` defined by a class.
fn slot_descr_set(d: &PyObject, obj: &PyObject, value: Option<&PyObject>) -> PyResult<()> {
    let r = match value {
        Some(v) => call_dunder(d, "__set__", &[obj, v])?,
        None => call_dunder(d, "__delete__", &[obj])?,
    };
    match r {
        Some(_) => Ok(()),
        None => Err(PyErr::attribute_error(if value.is_some() { "__set__" } else { "__delete__" })),
    }
}

/// `__setattr__` / `__delattr__` defined by a class.
fn slot_setattro(o: &PyObject, name: &PyObject, value: Option<&PyObject>) -> PyResult<()> {
    let r = match value {
        Some(v) => call_dunder(o, "__setattr__", &[name, v])?,
        None => call_dunder(o, "__delattr__", &[name])?,
    };
    match r {
        Some(_) => Ok(()),
        None => super::attr::generic_setattr(o, name, value),
    }
}

/// `__getattribute__` and/or `__getattr__` defined by a class (`slot_tp_getattr_hook`): the
/// first, or the generic lookup; on `AttributeError` the second.
fn slot_getattr_hook(o: &PyObject, name: &PyObject) -> PyResult<Obj> {
    let ty = o.type_object();
    let getattribute = lookup_str(ty, "__getattribute__");
    let generic = getattribute
        .as_ref()
        .is_none_or(|f| super::slot_wrappers::wrapper_owner(f).is_some_and(|t| std::ptr::eq(t, types().object_type)));
    // Either hook may be any descriptor, not only a function (`call_attribute` binds it).
    let call_hook = |f: Obj| -> PyResult<Obj> {
        let mut argv = Vec::with_capacity(2);
        let callee = prepare_dunder(o, f, &mut argv)?;
        argv.push(Obj::new_ref(name));
        ops::call(&callee, &argv, None)
    };
    let r = if generic { super::attr::generic_getattr(o, name) } else { call_hook(getattribute.expect("checked")) };
    match r {
        Err(e) if e.matches(types().exc.named("AttributeError")) => match lookup_str(ty, "__getattr__") {
            Some(f) => call_hook(f),
            None => Err(e),
        },
        r => r,
    }
}

/// `__new__` defined by a class: looked up on the type and called with the type first.
fn slot_new(ty: &TypeObject, argv: &[Obj], kwnames: Option<&PyObject>) -> PyResult<Obj> {
    let f = lookup_str(ty, "__new__").ok_or_else(|| PyErr::type_error("no __new__"))?;
    let f = match f.type_object().descr_get {
        Some(get) => get(&f, None, ty.as_object())?,
        None => f,
    };
    let mut full = Vec::with_capacity(argv.len() + 1);
    full.push(Obj::new_ref(ty.as_object()));
    full.extend_from_slice(argv);
    ops::call(&f, &full, kwnames)
}

/// Whether `ty`'s constructor is a class-defined `__new__` (CPython's `slot_tp_new`).
pub(crate) fn has_slot_new(ty: &TypeObject) -> bool {
    ty.new.is_some_and(|f| std::ptr::fn_addr_eq(f, slot_new as super::typeobj::NewFn))
}

/// As `type_new` does: a plain function `__new__` becomes a static method, and
/// `__init_subclass__` / `__class_getitem__` class methods.
fn implicit_method_kinds(ns: &super::dict::DictObject) -> PyResult<()> {
    let t = types();
    for (name, wrapper) in [
        ("__new__", t.descr.staticmethod_type),
        ("__init_subclass__", t.descr.classmethod_type),
        ("__class_getitem__", t.descr.classmethod_type),
    ] {
        let key = &intern(name).ob_base;
        if let Some(f) = ns.get_str(key) {
            if std::ptr::eq(f.type_object(), t.function_type) {
                ns.set(Obj::new_ref(key), ops::call(wrapper.as_object(), &[f], None)?)?;
            }
        }
    }
    Ok(())
}

/// Points the slot for the dunder `name` at its wrapper. Called for each name of a new class's
/// namespace while the class is being created (not yet shared).
fn update_slot(t: &mut TypeObject, name: &str) {
    set_slot_wrapper(t, name);
    if name == "__eq__" {
        // A class that defines __eq__ without __hash__ is unhashable (CPython sets __hash__ = None).
        if let Some(d) = t.dict().and_then(as_dict) {
            if d.get_str(&intern("__hash__").ob_base).is_none() {
                let _ = d.set(Obj::new_ref(&intern("__hash__").ob_base), Obj::new_ref(immortals().none));
                t.hash = Some(slot_hash);
            }
        }
    }
}

/// Points the slot of the dunder `name` at the wrapper that looks the dunder up on the
/// instance's type and calls it (CPython's `slot_tp_*` / `slot_nb_*`); other names change
/// nothing. Also used after creation, by `slot_update.rs`.
pub(crate) fn set_slot_wrapper(t: &mut super::typeobj::TypeSlots, name: &str) {
    match name {
        "__repr__" => t.repr = Some(slot_repr),
        "__str__" => t.str = Some(slot_str),
        "__hash__" => t.hash = Some(slot_hash),
        "__eq__" | "__ne__" | "__lt__" | "__le__" | "__gt__" | "__ge__" => t.richcompare = Some(slot_richcompare),
        "__call__" => t.call = Some(slot_call),
        "__init__" => t.init = Some(slot_init),
        "__iter__" => t.iter = Some(slot_iter),
        "__next__" => t.iternext = Some(slot_iternext),
        "__len__" => {
            t.sequence.length = Some(slot_len);
            t.mapping.length = Some(slot_len);
        }
        "__getitem__" => t.mapping.subscript = Some(slot_getitem),
        "__setitem__" | "__delitem__" => t.mapping.ass_subscript = Some(slot_setitem),
        "__contains__" => t.sequence.contains = Some(slot_contains),
        "__bool__" => t.number.bool = Some(slot_bool),
        "__neg__" => t.number.negative = Some(slot_neg),
        "__index__" => t.number.index = Some(slot_index),
        "__int__" => t.number.int = Some(slot_int),
        "__float__" => t.number.float = Some(slot_float),
        "__new__" => t.new = Some(slot_new),
        "__pos__" => t.number.positive = Some(slot_pos),
        "__abs__" => t.number.absolute = Some(slot_abs),
        "__invert__" => t.number.invert = Some(slot_invert),
        "__get__" => t.descr_get = Some(slot_descr_get),
        "__set__" | "__delete__" => t.descr_set = Some(slot_descr_set),
        "__getattr__" | "__getattribute__" => t.getattro = slot_getattr_hook,
        "__setattr__" | "__delattr__" => t.setattro = Some(slot_setattro),
        "__del__" => t.dealloc = super::finalize::dealloc_finalizing,
        _ => {
            for &op in NumberMethods::all_ops() {
                let (fwd, rev, _) = op.dunders();
                if name == fwd || name == rev {
                    *t.number.binary_mut(op) = Some(binary_wrapper(op));
                }
            }
        }
    }
}

#[cfg(test)]
/// `type(name, bases, ns)` from Rust, for tests and `__build_class__`.
pub fn new_class(name: &str, bases: Vec<Obj>, ns: Obj) -> PyResult<Obj> {
    let argv = [new_str(name)?, new_tuple(bases)?, ns];
    type_new(types().type_type, &argv, None)
}
