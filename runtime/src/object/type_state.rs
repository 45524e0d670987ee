//! Per-interpreter type state: the subclass lists of every type, kept per interpreter.
//!
//! **Why.** The static (builtin) types are immortal objects shared by every interpreter of the
//! process, and so are their method tables and their `__dict__` (immutable: `int.x = 1` is
//! `TypeError: cannot set 'x' attribute of immutable type 'int'`, so there is nothing an
//! interpreter could change in them). What *can* differ between interpreters is what Python code
//! hangs on them by making classes: `class MyInt(int)` in interpreter A must show in A's
//! `int.__subclasses__()` and never in B's, and must go away with A. CPython 3.13 keeps that state
//! outside the shared type object, in `interp->types.builtins[index]` (`managed_static_type_state`,
//! found through the type's index by `static_builtin_state`: `tp_dict`, `tp_subclasses`,
//! `tp_weaklist`); pyrt does the same with [`InterpTypes`], one per interpreter, holding one
//! [`StaticTypeState`] per static type, indexed by the type's `static_index` (its position in
//! `types().all`, given when the static types are readied).
//!
//! **What is per interpreter and what is not.**
//!
//! | state | where | why |
//! |---|---|---|
//! | slots, method tables, `__dict__`, `__mro__`, `__bases__`, name | the shared static type | immutable after the type is readied |
//! | version tag of a static type | the shared static type (`1 + static_index`) | never changes (the type cannot be modified), so one tag serves every interpreter, as CPython's global static-type tags |
//! | type attribute cache | [`InterpTypes::type_cache`], per interpreter | keyed on tags, which are unique only within an interpreter |
//! | version tags of classes | [`InterpTypes`]'s counter, per interpreter | given lazily, at most `MAX_VERSIONS_PER_CLASS` per class ([`assign_version`]) |
//! | `__dict__` of a static type | the shared static type | read-only to Python code (`mappingproxy`), holds only immortal objects |
//! | subclasses made by Python code | [`StaticTypeState::subclasses`], per interpreter | `__subclasses__()`; `typeobj::modified` walks them |
//! | subclasses that are static types (`bool` of `int`) | computed from `types().all` | the same in every interpreter |
//! | subclass list of a heap type | the heap type (`TypeMut::subclasses`) | the heap type belongs to one interpreter already |
//!
//! The type attribute cache (`type_cache.rs`, CPython's `type_cache`) is per interpreter too and
//! keyed on version tags, as the specialiser's caches in the interpreter's own code objects are:
//! a heap tag is unique within its interpreter and above every static tag. Weak references to static
//! types (CPython's `tp_weaklist` in the same per-interpreter record) are not kept yet.
//!
//! **Locking.** One mutex per interpreter (CPython's `TYPE_LOCK`, `interp->types.mutex`) guards
//! every subclass list of the interpreter — the static types' here and the heap types' inside
//! them, and the tag counter. It is held only for list operations and tag changes: never while
//! Python code runs, never across a detach or a breaker check, so a stopped world never parks a
//! holder.
//!
//! **Lifetime.** The lists hold subclasses by address, weakly (a subclass removes itself in its
//! deallocator before anything else of it is released, `classobj::dealloc_type`). Turning an
//! address into a reference (`__subclasses__()`) could meet a subclass whose count just reached
//! zero and whose deallocator has not yet taken the lock; [`subclasses`] therefore stops the
//! world first (for an interpreter with a lock, holding the lock is the stop): a thread between
//! the last decrement and its deallocator's unregistering runs native code with no breaker check
//! in between, so when the world is stopped no subclass is in that window. The whole table is
//! part of the interpreter state and is dropped with it, when the interpreter's arena (where its
//! classes live) is released — nothing shared ever points at a class of a dead interpreter.

use super::header::PyObject;
use super::immortal::types;
use super::obj::Obj;
use super::tuple::items;
use super::typeobj::{TypeObject, as_type};
use crate::sync::{AtomicU32, Mutex, MutexGuard, Ordering};

/// What an interpreter keeps about one static type (CPython's `managed_static_type_state`).
#[derive(Default)]
pub(crate) struct StaticTypeState {
    /// Heap subclasses made in this interpreter, by address, in creation order.
    subclasses: Vec<usize>,
}

/// The per-interpreter type state: the static types' states, indexed by `static_index` (grown on
/// first use, so an interpreter that subclasses no builtin pays nothing), under the type lock.
pub(crate) struct InterpTypes {
    lock: Mutex<Vec<StaticTypeState>>,
    /// The next version tag of a heap type (`interp->types.next_version_tag`), from
    /// `typeobj::MAX_GLOBAL_VERSION` up; taken under the lock.
    next_version: AtomicU32,
    /// How many `__bases__` assignments are under way ([`BasesAssignment`]): no tag is given
    /// while one is.
    bases_assignments: AtomicU32,
    /// The type attribute cache (`type_cache.rs`; free-threaded interpreters use it too).
    type_cache: super::type_cache::TypeCache,
}

/// The type lock of the current interpreter, with the static types' table.
pub(crate) struct TypeLock<'a> {
    statics: MutexGuard<'a, Vec<StaticTypeState>>,
}

impl InterpTypes {
    /// An interpreter's empty table.
    pub(crate) fn new() -> InterpTypes {
        InterpTypes {
            lock: Mutex::new(Vec::new()),
            next_version: AtomicU32::new(super::typeobj::MAX_GLOBAL_VERSION),
            bases_assignments: AtomicU32::new(0),
            type_cache: Default::default(),
        }
    }

    /// The interpreter's type attribute cache.
    #[inline]
    pub(crate) fn type_cache(&self) -> &super::type_cache::TypeCache {
        &self.type_cache
    }

    /// Takes the type lock.
    pub(crate) fn lock(&self) -> TypeLock<'_> {
        TypeLock { statics: self.lock.lock() }
    }
}

impl TypeLock<'_> {
    /// The subclass list of `ty` in this interpreter (mutable: the lock is held).
    fn list_mut(&mut self, ty: &TypeObject) -> Option<&mut Vec<usize>> {
        if ty.is_heap() {
            // SAFETY: heap types' subclass lists are touched only under the type lock, which we
            // hold; only this field is borrowed (readers of the other fields are unaffected).
            return Some(unsafe { &mut (*ty.mutable.get()).subclasses });
        }
        let index = ty.static_index()?;
        if self.statics.len() <= index {
            self.statics.resize_with(index + 1, StaticTypeState::default);
        }
        Some(&mut self.statics[index].subclasses)
    }

    /// The subclass list of `ty`, read-only (empty for a static type this interpreter never
    /// subclassed).
    pub(crate) fn list(&self, ty: &TypeObject) -> &[usize] {
        if ty.is_heap() {
            // SAFETY: as in `list_mut`.
            return unsafe { &(*ty.mutable.get()).subclasses };
        }
        match ty.static_index() {
            Some(i) => self.statics.get(i).map_or(&[], |s| &s.subclasses),
            None => &[],
        }
    }
}

/// The type state of the interpreter the current thread is attached to.
fn current() -> &'static InterpTypes {
    // The attachment's interpreter outlives it; callers use the table only while attached.
    super::attachment::current_or_fatal("type state").home_ref().type_state()
}

/// The current interpreter's type lock.
pub(crate) fn lock() -> TypeLock<'static> {
    current().lock()
}

impl TypeLock<'_> {
    /// Records the new class `ty` in its bases' subclass lists (`add_subclass`).
    pub(crate) fn register_subclass(&mut self, ty: &TypeObject) {
        let addr = ty as *const TypeObject as usize;
        for b in ty.bases().map(items).unwrap_or(&[]) {
            if let Some(list) = as_type(b).and_then(|bt| self.list_mut(bt)) {
                list.push(addr);
            }
        }
    }
}

/// Gives the heap class `ty` a fresh version tag from its interpreter (`assign_version_tag`),
/// unless it has one already or used its budget (then 0: caches leave it alone).
pub(crate) fn assign_version(ty: &TypeObject) -> u32 {
    let types = current();
    let _lock = types.lock();
    let v = ty.version();
    if v != 0 {
        return v; // another thread gave it one meanwhile
    }
    if !may_tag(types, ty) {
        return 0;
    }
    // SAFETY: the field is touched only under the type lock, which we hold.
    let used = unsafe { &mut (*ty.mutable.get()).versions_used };
    if *used >= super::typeobj::MAX_VERSIONS_PER_CLASS {
        return 0;
    }
    let next = types.next_version.load(Ordering::Relaxed);
    if next == u32::MAX {
        return 0; // the interpreter's tags are exhausted
    }
    types.next_version.store(next + 1, Ordering::Relaxed);
    *used += 1;
    ty.version.store(next, std::sync::atomic::Ordering::Relaxed);
    next
}

/// Whether `ty` may be given a tag now (called with the type lock held). Not while a
/// `__bases__` assignment is under way: between installing a class's new MRO and registering
/// it in its new bases' subclass lists, a change to a new base would not reach it. And not if a
/// class of its MRO is never tagged ([`never_tag`], or its budget is spent; CPython's
/// `assign_version_tag` refuses when a base cannot be tagged): such an MRO may have copied in
/// classes an `mro()` override listed, whose subclass lists do not reach this class either.
fn may_tag(types: &InterpTypes, ty: &TypeObject) -> bool {
    if types.bases_assignments.load(Ordering::Relaxed) != 0 {
        return false;
    }
    ty.mro().iter().skip(1).filter_map(|c| super::typeobj::as_type(c)).filter(|c| c.is_heap()).all(|c| {
        // SAFETY: the field is touched only under the type lock, which the caller holds.
        let used = unsafe { (*c.mutable.get()).versions_used };
        c.version() != 0 || used < super::typeobj::MAX_VERSIONS_PER_CLASS
    })
}

/// A `__bases__` assignment under way in the current interpreter (see [`may_tag`]): no class is
/// tagged until it is dropped.
pub(crate) struct BasesAssignment(&'static InterpTypes);

impl BasesAssignment {
    pub(crate) fn begin() -> BasesAssignment {
        let types = current();
        let _lock = types.lock();
        types.bases_assignments.fetch_add(1, Ordering::Relaxed);
        BasesAssignment(types)
    }
}

impl Drop for BasesAssignment {
    fn drop(&mut self) {
        let _lock = self.0.lock();
        self.0.bases_assignments.fetch_sub(1, Ordering::Relaxed);
    }
}

/// `type_mro_modified`'s verdict on a class whose MRO a metaclass's `mro()` override decided:
/// its tag goes and it never gets another (its budget is spent). Such an MRO may list classes
/// that are not its bases, whose subclass lists do not reach it, so their changes could not take
/// its tag away: a cache keyed on it (`type_cache.rs`, the specialiser's) could serve a value
/// those classes no longer hold. Its subclasses' MROs are made by the same override (their
/// metaclass derives from its), so they are never tagged either.
pub(crate) fn never_tag(ty: &TypeObject) {
    let _lock = current().lock();
    // SAFETY: the field is touched only under the type lock, which we hold.
    unsafe { (*ty.mutable.get()).versions_used = super::typeobj::MAX_VERSIONS_PER_CLASS };
    ty.version.store(0, std::sync::atomic::Ordering::Relaxed);
}

/// Tags a new class once it is registered in its bases' subclass lists (`classobj`), from when
/// a modification of a base reaches it. A tag that a lookup gave it while it was being built (its
/// dict changed since, and an `mro()` override runs Python code) is replaced, so that nothing
/// cached under it is found again (`type_cache.rs`); either way its creation is charged one tag
/// of its budget.
pub(crate) fn tag_registered_class(ty: &TypeObject) {
    let types = current();
    let _lock = types.lock();
    if !may_tag(types, ty) {
        ty.version.store(0, std::sync::atomic::Ordering::Relaxed);
        return;
    }
    // SAFETY: the field is touched only under the type lock, which we hold.
    let used = unsafe { &mut (*ty.mutable.get()).versions_used };
    if ty.version() == 0 {
        if *used >= super::typeobj::MAX_VERSIONS_PER_CLASS {
            return;
        }
        *used += 1;
    }
    let next = types.next_version.load(Ordering::Relaxed);
    if next == u32::MAX {
        ty.version.store(0, std::sync::atomic::Ordering::Relaxed);
        return; // the interpreter's tags are exhausted
    }
    types.next_version.store(next + 1, Ordering::Relaxed);
    ty.version.store(next, std::sync::atomic::Ordering::Relaxed);
}

/// The version tags of every ancestor of a class about to be made from `bases`, taken before it
/// copies their slots; [`ancestors_unchanged`] tells whether one changed since.
pub(crate) fn ancestor_tags(bases: &[Obj]) -> Vec<(usize, u32)> {
    let mut tags = Vec::new();
    for b in bases.iter().filter_map(|b| as_type(b)) {
        for m in std::iter::once(b).chain(b.mro().iter().filter_map(|m| as_type(m))) {
            tags.push((m as *const TypeObject as usize, m.version_for_cache()));
        }
    }
    tags
}

/// Whether no ancestor's tag changed since [`ancestor_tags`] (a modification takes a tag away);
/// an ancestor that had no tag to compare counts as changed. The bases are still referenced by
/// the class being made, so every address is live.
pub(crate) fn ancestors_unchanged(tags: &[(usize, u32)]) -> bool {
    // SAFETY: see above.
    tags.iter().all(|&(t, v)| v != 0 && unsafe { &*(t as *const TypeObject) }.version() == v)
}

/// Removes `ty` from its bases' subclass lists (`remove_subclass`): it is being freed.
pub(crate) fn unregister_subclass(ty: &TypeObject) {
    unregister_subclass_of(ty, ty.bases().map(items).unwrap_or(&[]));
}

/// Takes `ty` off the subclass lists of `bases` (its bases before a `__bases__` assignment).
pub(crate) fn unregister_subclass_of(ty: &TypeObject, bases: &[Obj]) {
    let addr = ty as *const TypeObject as usize;
    let mut lock = lock();
    for b in bases {
        if let Some(list) = as_type(b).and_then(|bt| lock.list_mut(bt)) {
            list.retain(|&s| s != addr);
        }
    }
}

/// `type.__subclasses__()`: the static types whose base is `ty`, then the classes made in this
/// interpreter, in creation order (CPython's order: builtin subclasses are registered when the
/// interpreter readies its types).
pub(crate) fn subclasses(ty: &TypeObject) -> Vec<Obj> {
    let mut out: Vec<Obj> = Vec::new();
    if !ty.is_heap() {
        for t in types().all.iter().filter(|t| t.base().is_some_and(|b| std::ptr::eq(b, ty))) {
            // SAFETY: static types are immortal.
            out.push(unsafe { Obj::from_immortal(t.as_object()) });
        }
    }
    // See the module docs ("Lifetime"): no listed class is between its last decrement and its
    // unregistering while the world is stopped.
    let _world = super::attachment::stop_the_world("type.__subclasses__");
    let lock = current().lock();
    for &addr in lock.list(ty) {
        // SAFETY: a listed class is live (it unregisters before it is freed, and none is dying:
        // see above); the new reference is taken attached.
        out.push(Obj::new_ref(unsafe { &*(addr as *const PyObject) }));
    }
    out
}

/// Calls `f` on `ty` and every class below it in this interpreter (depth first; a class reached
/// through two bases is visited twice), with the type lock held. `f` must not run Python code.
pub(crate) fn for_each_descendant(ty: &TypeObject, f: &mut dyn FnMut(&TypeObject)) {
    let lock = lock();
    f(ty);
    if lock.list(ty).is_empty() {
        return; // the common case: no subclass, no stack
    }
    // An explicit stack: a deep hierarchy must not recurse natively.
    let mut pending: Vec<*const TypeObject> = lock.list(ty).iter().rev().map(|&a| a as *const TypeObject).collect();
    while let Some(t) = pending.pop() {
        // SAFETY: a listed subclass is live while the lock is held (it unregisters under the
        // lock before it is freed).
        let t = unsafe { &*t };
        f(t);
        pending.extend(lock.list(t).iter().rev().map(|&a| a as *const TypeObject));
    }
}

#[cfg(all(test, not(loom)))]
mod tests {
    use super::*;

    #[test]
    fn every_static_type_knows_its_index_and_static_subclasses_are_found_by_base() {
        let all = &types().all;
        for (i, t) in all.iter().enumerate() {
            assert_eq!(t.static_index(), Some(i), "{}", t.name());
        }
        let int_subs: Vec<&str> = all
            .iter()
            .filter(|t| t.base().is_some_and(|b| std::ptr::eq(b, types().int_type)))
            .map(|t| t.name())
            .collect();
        assert_eq!(int_subs, ["bool"]);
    }

    /// The class `C` made in a fresh isolated interpreter, handed to `f` there.
    fn with_class(f: impl FnOnce(&TypeObject)) {
        crate::Runtime::initialize();
        let interp = crate::Interpreter::new(crate::InterpreterConfig::isolated()).expect("an interpreter");
        interp
            .attach(|_py| {
                let code = pyrt_compile::compile("class C:\n    pass\n", "<tags>", pyrt_compile::Mode::Module)
                    .expect("compiles");
                let globals = crate::eval::run_module(code, "__main__", "<tags>").expect("runs");
                let g = super::super::dict::as_dict(&globals).expect("a dict");
                let c = g.get_str(&super::super::immortal::intern("C").ob_base).expect("C");
                f(as_type(&c).expect("a class"));
            })
            .expect("attached");
        interp.destroy().expect("destroyed");
    }

    #[test]
    fn heap_tags_come_from_the_interpreter_lazily_and_within_a_budget() {
        use super::super::typeobj::{MAX_GLOBAL_VERSION, MAX_VERSIONS_PER_CLASS, modified};
        let mut first_tags = Vec::new();
        for _ in 0..2 {
            with_class(|c| {
                let tag = c.version();
                assert!(tag >= MAX_GLOBAL_VERSION, "above every static tag");
                first_tags.push(tag);
                assert!(types().int_type.version() < MAX_GLOBAL_VERSION && types().int_type.version() != 0);
                modified(c);
                assert_eq!(c.version(), 0, "a modification takes the tag away");
                let again = c.version_for_cache();
                assert!(again > tag, "a fresh tag when a cache asks");
                assert_eq!(c.version_for_cache(), again, "kept until the next modification");
                for _ in 2..MAX_VERSIONS_PER_CLASS {
                    modified(c);
                    assert_ne!(c.version_for_cache(), 0);
                }
                modified(c);
                assert_eq!(c.version_for_cache(), 0, "the class used its budget: no more caching");
            });
        }
        assert_eq!(first_tags[0], first_tags[1], "each interpreter counts its own tags");
    }

    #[test]
    fn an_interpreter_grows_its_table_only_for_the_types_it_subclasses() {
        let table = InterpTypes::new();
        let mut lock = table.lock();
        assert!(lock.statics.is_empty(), "nothing until a builtin is subclassed");
        let int_type = types().int_type;
        lock.list_mut(int_type).expect("a static type has a list").push(0x1000);
        assert_eq!(lock.statics.len(), int_type.static_index().unwrap() + 1);
        assert_eq!(lock.list(int_type), &[0x1000]);
        assert!(lock.list(types().str_type).is_empty());
        let other = InterpTypes::new();
        assert!(other.lock().list(int_type).is_empty(), "another interpreter's table is its own");
    }
}
