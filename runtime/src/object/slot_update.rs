//! Dunder assignment on a class after its creation: `C.__add__ = f`, `del C.__repr__`,
//! `C.__getattr__ = g` (CPython's `update_slot` / `fixup_slot_dispatchers`).
//!
//! **Algorithm.** A slot is fed by a group of dunders (`__eq__`, `__lt__`, ... feed
//! `richcompare`; `__add__` and `__radd__` feed `number.add`; `__getattr__` and
//! `__getattribute__` feed `getattro`). When a name of a group is assigned or deleted on a heap
//! class `T`, the slot is recomputed for `T` and for every class below it in the interpreter
//! (subclasses that inherit the slot must follow; those that define the dunder themselves
//! recompute to what they had): walk the class's MRO to the first class whose own `__dict__`
//! holds a dunder of the group; if that is a heap class the slot becomes the `slot_*` wrapper
//! that looks the dunder up and calls it, otherwise (a builtin defines it, or nobody does) the
//! slot is the native function of the first builtin class in the MRO — so `del C.__add__` on
//! `class C(int)` gives `int`'s own addition back, with no wrapper in between. Then the version
//! tags of all those classes change (`typeobj::modified`), so specialised instructions that
//! guarded on a tag deoptimise.
//!
//! **Soundness.** Slots are read without a lock by every thread of the interpreter (each read
//! copies one function pointer). The writes happen with the world stopped, as CPython's
//! free-threaded build does for slot updates (`types_stop_world`): in a free-threaded
//! interpreter every other thread is parked at a breaker check or detached, neither of which
//! happens in the middle of a slot read, and the stop's synchronisation orders the writes before
//! their next reads; in an interpreter with a lock, holding the lock is the stop. The writing
//! thread itself holds no slot reference across the Python code that led here (see
//! `TypeObject`'s `Deref`). Static types are never written: they are immutable
//! (`attr::type_setattro` refuses them before anything changes).

use super::classobj::set_slot_wrapper;
use super::dict::as_dict;
use super::immortal::intern;
use super::slots::BinOp;
use super::typeobj::{TypeObject, TypeSlots, as_type};

/// A slot that dunders feed (the slots `classobj::set_slot_wrapper` fills).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Slot {
    Repr,
    Str,
    Hash,
    RichCompare,
    Call,
    Init,
    Iter,
    IterNext,
    Len,
    GetItem,
    SetItem,
    Contains,
    Bool,
    Negative,
    Positive,
    Absolute,
    Invert,
    Index,
    Int,
    Float,
    New,
    DescrGet,
    DescrSet,
    GetAttr,
    SetAttr,
    /// `__del__` (CPython's `tp_finalize`): here the deallocator, finalizing or not.
    Del,
    Binary(BinOp),
}

impl Slot {
    /// The slot the dunder `name` feeds, if any.
    fn of(name: &str) -> Option<Slot> {
        Some(match name {
            "__repr__" => Slot::Repr,
            "__str__" => Slot::Str,
            "__hash__" => Slot::Hash,
            "__eq__" | "__ne__" | "__lt__" | "__le__" | "__gt__" | "__ge__" => Slot::RichCompare,
            "__call__" => Slot::Call,
            "__init__" => Slot::Init,
            "__iter__" => Slot::Iter,
            "__next__" => Slot::IterNext,
            "__len__" => Slot::Len,
            "__getitem__" => Slot::GetItem,
            "__setitem__" | "__delitem__" => Slot::SetItem,
            "__contains__" => Slot::Contains,
            "__bool__" => Slot::Bool,
            "__neg__" => Slot::Negative,
            "__pos__" => Slot::Positive,
            "__abs__" => Slot::Absolute,
            "__invert__" => Slot::Invert,
            "__index__" => Slot::Index,
            "__int__" => Slot::Int,
            "__float__" => Slot::Float,
            "__new__" => Slot::New,
            "__get__" => Slot::DescrGet,
            "__set__" | "__delete__" => Slot::DescrSet,
            "__getattr__" | "__getattribute__" => Slot::GetAttr,
            "__setattr__" | "__delattr__" => Slot::SetAttr,
            "__del__" => Slot::Del,
            _ => {
                let op = super::slots::NumberMethods::all_ops().iter().find(|op| {
                    let (fwd, rev, _) = op.dunders();
                    name == fwd || name == rev
                })?;
                Slot::Binary(*op)
            }
        })
    }

    /// Every dunder that feeds the slot (the first one names it for `set_slot_wrapper`).
    fn dunders(self) -> Vec<&'static str> {
        match self {
            Slot::Repr => vec!["__repr__"],
            Slot::Str => vec!["__str__"],
            Slot::Hash => vec!["__hash__"],
            Slot::RichCompare => vec!["__eq__", "__ne__", "__lt__", "__le__", "__gt__", "__ge__"],
            Slot::Call => vec!["__call__"],
            Slot::Init => vec!["__init__"],
            Slot::Iter => vec!["__iter__"],
            Slot::IterNext => vec!["__next__"],
            Slot::Len => vec!["__len__"],
            Slot::GetItem => vec!["__getitem__"],
            Slot::SetItem => vec!["__setitem__", "__delitem__"],
            Slot::Contains => vec!["__contains__"],
            Slot::Bool => vec!["__bool__"],
            Slot::Negative => vec!["__neg__"],
            Slot::Positive => vec!["__pos__"],
            Slot::Absolute => vec!["__abs__"],
            Slot::Invert => vec!["__invert__"],
            Slot::Index => vec!["__index__"],
            Slot::Int => vec!["__int__"],
            Slot::Float => vec!["__float__"],
            Slot::New => vec!["__new__"],
            Slot::DescrGet => vec!["__get__"],
            Slot::DescrSet => vec!["__set__", "__delete__"],
            Slot::GetAttr => vec!["__getattribute__", "__getattr__"],
            Slot::SetAttr => vec!["__setattr__", "__delattr__"],
            Slot::Del => vec!["__del__"],
            Slot::Binary(op) => {
                let (fwd, rev, _) = op.dunders();
                vec![fwd, rev]
            }
        }
    }

    /// Copies the slot from a builtin type's slots.
    fn inherit(self, dst: &mut TypeSlots, src: &TypeSlots) {
        match self {
            Slot::Repr => dst.repr = src.repr,
            Slot::Str => dst.str = src.str,
            Slot::Hash => dst.hash = src.hash,
            Slot::RichCompare => dst.richcompare = src.richcompare,
            Slot::Call => dst.call = src.call,
            Slot::Init => dst.init = src.init,
            Slot::Iter => dst.iter = src.iter,
            Slot::IterNext => dst.iternext = src.iternext,
            Slot::Len => {
                dst.sequence.length = src.sequence.length;
                dst.mapping.length = src.mapping.length;
            }
            Slot::GetItem => dst.mapping.subscript = src.mapping.subscript,
            Slot::SetItem => dst.mapping.ass_subscript = src.mapping.ass_subscript,
            Slot::Contains => dst.sequence.contains = src.sequence.contains,
            Slot::Bool => dst.number.bool = src.number.bool,
            Slot::Negative => dst.number.negative = src.number.negative,
            Slot::Positive => dst.number.positive = src.number.positive,
            Slot::Absolute => dst.number.absolute = src.number.absolute,
            Slot::Invert => dst.number.invert = src.number.invert,
            Slot::Index => dst.number.index = src.number.index,
            Slot::Int => dst.number.int = src.number.int,
            Slot::Float => dst.number.float = src.number.float,
            Slot::New => dst.new = src.new,
            Slot::DescrGet => dst.descr_get = src.descr_get,
            Slot::DescrSet => dst.descr_set = src.descr_set,
            Slot::GetAttr => dst.getattro = src.getattro,
            // A heap type always has a `setattro` (`type_new`).
            Slot::SetAttr => dst.setattro = src.setattro.or(Some(super::attr::generic_setattr)),
            // No builtin finalizes: the deallocator of the first builtin class below (`object`'s
            // is the plain instances'), as `finalize::base_dealloc` picks it.
            Slot::Del => dst.dealloc = src.dealloc,
            Slot::Binary(op) => *dst.number.binary_mut(op) = src.number.binary(op),
        }
    }
}

impl Slot {
    /// Every slot.
    fn all() -> impl Iterator<Item = Slot> {
        use Slot::*;
        [
            Repr,
            Str,
            Hash,
            RichCompare,
            Call,
            Init,
            Iter,
            IterNext,
            Len,
            GetItem,
            SetItem,
            Contains,
            Bool,
            Negative,
            Positive,
            Absolute,
            Invert,
            Index,
            Int,
            Float,
            New,
            DescrGet,
            DescrSet,
            GetAttr,
            SetAttr,
            Del,
        ]
        .into_iter()
        .chain(super::slots::NumberMethods::all_ops().iter().map(|&op| Binary(op)))
    }

    /// Sets the slot from where it comes from.
    fn apply(self, dst: &mut TypeSlots, source: &Source) {
        match source {
            Source::Wrapper => set_slot_wrapper(dst, self.dunders()[0]),
            Source::Native(b) => self.inherit(dst, b),
        }
    }
}

/// Where a class's slot comes from: a wrapper (a heap class defines a dunder of the group) or
/// the native slots of a builtin class.
enum Source {
    Wrapper,
    Native(TypeSlots),
}

/// `update_one_slot` for one class: the first class of `t`'s MRO whose own dict holds a dunder
/// of the group decides (see the module docs).
fn source_of(t: &TypeObject, slot: Slot) -> Source {
    let names: Vec<_> = slot.dunders().into_iter().map(|n| &intern(n).ob_base).collect();
    let first_builtin = t.mro().iter().filter_map(|m| as_type(m)).find(|m| !m.is_heap());
    for m in t.mro().iter().filter_map(|m| as_type(m)) {
        let Some(d) = m.dict().and_then(as_dict) else { continue };
        if names.iter().any(|n| d.get_str(n).is_some()) {
            if m.is_heap() {
                return Source::Wrapper;
            }
            break;
        }
    }
    match first_builtin {
        Some(b) => Source::Native(**b),
        None => Source::Wrapper,
    }
}

/// Recomputes every slot of a class that is being created (not yet shared) from its MRO's dicts:
/// for a class whose ancestors changed while it copied their slots (another thread of a
/// free-threaded interpreter assigned a dunder on one of them before the class was registered
/// as their subclass, so the assignment's walk could not reach it).
pub(crate) fn refresh_all_slots(t: &mut TypeObject) {
    let slots = recomputed_slots(t);
    *std::ops::DerefMut::deref_mut(t) = slots;
}

/// `t`'s slots as its MRO's dicts say they should be.
fn recomputed_slots(t: &TypeObject) -> TypeSlots {
    let mut slots = **t;
    for slot in Slot::all() {
        slot.apply(&mut slots, &source_of(t, slot));
    }
    slots
}

/// `name` was assigned or deleted on the heap class `ty` (its dict already changed): updates the
/// slot it feeds on `ty` and every class below it, and renews their version tags (see the module
/// docs). Other names only renew the tags.
pub(crate) fn class_attribute_changed(ty: &TypeObject, name: &str) {
    // Most class attribute writes (`C.count += 1`) name no dunder: one test, then the tags.
    let dunder = name.len() > 4 && name.starts_with("__") && name.ends_with("__");
    let Some(slot) = dunder.then(|| Slot::of(name)).flatten() else {
        super::typeobj::modified(ty);
        return;
    };
    let world = super::attachment::stop_the_world("type.__setattr__");
    super::type_state::for_each_descendant(ty, &mut |t| {
        if !t.is_heap() {
            return;
        }
        let source = source_of(t, slot);
        // SAFETY: `t` is a heap class of this interpreter, the world is stopped, and no slot
        // reference is held here (`source_of` reads dicts and MROs only).
        unsafe { t.update_slots(&world, |s| slot.apply(s, &source)) };
    });
    super::typeobj::modified(ty);
    drop(world);
}

/// `__bases__` changed on `ty` (its MRO and those below it are new): every slot of it and of
/// the classes below it follows the new MROs, as `type_set_bases`' `update_all_slots` does.
pub(crate) fn mro_changed(ty: &TypeObject, world: &super::attachment::WorldStopped<'_>) {
    super::type_state::for_each_descendant(ty, &mut |t| {
        if !t.is_heap() {
            return;
        }
        let slots = recomputed_slots(t);
        // SAFETY: as in `class_attribute_changed`: a heap class of this interpreter, the world
        // stopped, no slot reference held.
        unsafe { t.update_slots(world, |s| *s = slots) };
    });
}

#[cfg(all(test, not(loom)))]
pub(crate) mod tests {
    use super::*;
    use crate::object::attr::type_setattro;
    use crate::object::immortal::types;
    use crate::object::obj::Obj;

    /// Runs `src` as a module in a fresh isolated interpreter and hands `f` its globals (the
    /// class-assignment tests use it too).
    pub(crate) fn with_module(src: &str, f: impl FnOnce(&dyn Fn(&str) -> Obj)) {
        crate::Runtime::initialize();
        let interp = crate::Interpreter::new(crate::InterpreterConfig::isolated()).expect("an interpreter");
        interp
            .attach(|_py| {
                let code = pyrt_compile::compile(src, "<slots>", pyrt_compile::Mode::Module).expect("compiles");
                let globals = crate::eval::run_module(code, "__main__", "<slots>").expect("runs");
                let g = as_dict(&globals).expect("a dict");
                f(&|n: &str| g.get_str(&intern(n).ob_base).expect("a global"));
            })
            .expect("attached");
        interp.destroy().expect("destroyed");
    }

    #[test]
    fn an_assigned_dunder_reaches_subclasses_and_its_deletion_gives_the_builtin_slot_back() {
        with_module(
            "class A(int):\n    pass\nclass B(A):\n    pass\nclass C(A):\n    def __add__(s, o): return 0\n",
            |g| {
                let (a, b, c) = (g("A"), g("B"), g("C"));
                let (ta, tb, tc) = (as_type(&a).unwrap(), as_type(&b).unwrap(), as_type(&c).unwrap());
                let native = types().int_type.number.add.expect("int adds");
                let same = |t: &TypeObject| t.number.add.is_some_and(|f| std::ptr::fn_addr_eq(f, native));
                assert!(same(ta) && same(tb), "inherited from int at creation");
                assert!(!same(tc), "C's own __add__ has a wrapper");
                let (va, vb, vc) = (ta.version(), tb.version(), tc.version());
                let name = &intern("__add__").ob_base;
                type_setattro(&a, name, Some(types().int_type.as_object())).expect("assigned");
                assert!(!same(ta) && !same(tb), "A and the subclass that inherits follow");
                assert!(ta.number.add.is_some() && tb.number.add.is_some());
                assert!(va != ta.version() && vb != tb.version() && vc != tc.version(), "every tag below A is renewed");
                type_setattro(&a, name, None).expect("deleted");
                assert!(same(ta) && same(tb), "int's own addition again, with no wrapper in between");
                assert!(!same(tc), "C still defines its own");
            },
        );
    }

    #[test]
    fn assigning_del_switches_the_class_and_its_subclasses_to_the_finalizing_deallocator() {
        with_module("class A(list):\n    pass\nclass B(A):\n    pass\n", |g| {
            let (a, b) = (g("A"), g("B"));
            let (ta, tb) = (as_type(&a).unwrap(), as_type(&b).unwrap());
            let finalizing = |t: &TypeObject| super::super::finalize::is_finalizing(t.dealloc);
            let list_dealloc = types().list_type.dealloc;
            assert!(!finalizing(ta) && !finalizing(tb));
            let name = &intern("__del__").ob_base;
            type_setattro(&a, name, Some(types().int_type.as_object())).expect("assigned");
            assert!(finalizing(ta) && finalizing(tb), "A and the subclass that inherits finalize");
            type_setattro(&a, name, None).expect("deleted");
            assert!(std::ptr::fn_addr_eq(ta.dealloc, list_dealloc), "list's own deallocator again");
            assert!(std::ptr::fn_addr_eq(tb.dealloc, list_dealloc));
        });
    }

    /// The slots as raw words (every slot is one nullable function pointer).
    fn words(s: &TypeSlots) -> &[usize] {
        const _: () = assert!(size_of::<TypeSlots>() % size_of::<usize>() == 0);
        // SAFETY: `TypeSlots` is `repr(C)` and made only of (nullable) function pointers, each
        // one word with no padding between them; the slice covers exactly the struct.
        unsafe {
            std::slice::from_raw_parts(
                s as *const TypeSlots as *const usize,
                size_of::<TypeSlots>() / size_of::<usize>(),
            )
        }
    }

    #[test]
    fn recomputing_a_new_class_slots_from_its_mro_gives_what_creation_gave() {
        let src = "class A:\n    def __eq__(s, o): return True\n    def __radd__(s, o): return 1\n\
                   class B(A, int):\n    def __getattr__(s, n): return n\n    def __len__(s): return 0\n\
                   class M(type):\n    def __call__(c): return 1\n\
                   class E(Exception):\n    def __str__(s): return 'e'\n\
                   class L(list):\n    __hash__ = None\n    def __iter__(s): return iter(())\n";
        with_module(src, |g| {
            for name in ["A", "B", "M", "E", "L"] {
                let class = g(name);
                let t = as_type(&class).unwrap();
                assert_eq!(words(&recomputed_slots(t)), words(t), "{name}");
            }
        });
    }

    #[test]
    fn getattr_hooks_and_setattr_follow_assignment_and_deletion() {
        with_module("class A:\n    pass\n", |g| {
            let a = g("A");
            let ta = as_type(&a).unwrap();
            let generic = super::super::attr::generic_getattr as super::super::typeobj::GetattroFn;
            assert!(std::ptr::fn_addr_eq(ta.getattro, generic));
            let name = &intern("__getattr__").ob_base;
            type_setattro(&a, name, Some(types().int_type.as_object())).expect("assigned");
            assert!(!std::ptr::fn_addr_eq(ta.getattro, generic), "the hook is installed");
            type_setattro(&a, name, None).expect("deleted");
            assert!(std::ptr::fn_addr_eq(ta.getattro, generic), "object's lookup again");
            let name = &intern("__delattr__").ob_base;
            type_setattro(&a, name, Some(types().int_type.as_object())).expect("assigned");
            type_setattro(&a, name, None).expect("deleted");
            assert!(ta.setattro.is_some(), "a heap type always has a setattro");
        });
    }

    #[test]
    fn every_wrapped_dunder_feeds_a_slot_and_its_group_names_it() {
        for name in
            ["__repr__", "__del__", "__eq__", "__ge__", "__radd__", "__xor__", "__getattr__", "__delitem__", "__len__"]
        {
            let slot = Slot::of(name).expect("a slot dunder");
            assert!(slot.dunders().contains(&name), "{name} is in its own group");
            assert_eq!(Slot::of(slot.dunders()[0]), Some(slot), "the group's first name names the slot");
        }
        assert_eq!(Slot::of("__init_subclass__"), None);
        assert_eq!(Slot::of("x"), None);
        assert_eq!(Slot::of("__iadd__"), None, "in-place dunders are looked up by name, not slotted");
    }
}
