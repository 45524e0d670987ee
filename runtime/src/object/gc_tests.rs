//! The cycle collector and weak references seen from inside: GC heads and the tracked list,
//! what `find_garbage` finds, the weak-reference table's bookkeeping, and collections in a
//! free-threaded interpreter (`gc.rs`, `gc_traverse.rs`, `weakref.rs`, `alloc::gc_heads`).

use super::dict::as_dict;
use super::header::gc_bits;
use super::obj::Obj;
use crate::sync::Ordering;

/// Runs `src` as `__main__` in a new interpreter of `config` and hands `check` its globals and
/// the interpreter's list of tracked objects.
fn with_globals(
    config: crate::InterpreterConfig,
    src: &str,
    check: impl FnOnce(&dyn Fn(&str) -> Option<Obj>, &crate::alloc::gc_heads::GcHeads),
) {
    crate::Runtime::initialize();
    let interp = crate::Interpreter::new(config).expect("an interpreter");
    interp
        .attach(|_py| {
            let code = pyrt_compile::compile(src, "<gc>", pyrt_compile::Mode::Module).expect("compiles");
            let globals = crate::eval::run_module(code, "__main__", "<gc>").expect("runs");
            let g = as_dict(&globals).expect("a dict");
            let gc = super::attachment::current_or_fatal("gc test").gc_heads();
            check(&|name: &str| g.get_str(&super::intern(name).ob_base), gc);
        })
        .expect("attached");
    interp.destroy().expect("destroyed");
}

#[test]
fn containers_are_tracked_and_atoms_are_not() {
    with_globals(
        crate::InterpreterConfig::isolated(),
        "l = [1]\nd = {}\nd2 = {'a': 1}\nd3 = {'k': []}\nt = (l,)\nt2 = (1, 'x')\nn = 12345678901\ns = 'text'\n",
        |g, gc| {
            let tracked = |n: &str| g(n).expect("global").ob_gc_bits.load(Ordering::Relaxed) & gc_bits::TRACKED != 0;
            assert!(tracked("l") && tracked("d3") && tracked("t") && tracked("t2"));
            assert!(!tracked("n") && !tracked("s"));
            // Dicts start untracked and are tracked once they hold a container (3.13).
            assert!(!tracked("d") && !tracked("d2"));
            // A collection untracks tuples of atoms, and dicts of atoms when it is a full one.
            super::gc::untrack_atomic_containers(gc, 0);
            assert!(!tracked("t2") && tracked("t"));
            let d = g("d3").expect("d3");
            super::dict::as_dict(&d)
                .expect("a dict")
                .set(super::str::new_str("k").expect("str"), super::int::new_int(1).expect("int"))
                .expect("set");
            super::gc::untrack_atomic_containers(gc, 0);
            assert!(tracked("d3"), "not in a young collection");
            super::gc::untrack_atomic_containers(gc, 2);
            assert!(!tracked("d3"));
            super::dict::as_dict(&d)
                .expect("a dict")
                .set(super::str::new_str("k").expect("str"), super::list::new_list(Vec::new()).expect("list"))
                .expect("set");
            assert!(tracked("d3"), "tracked again when given a container");
        },
    );
}

#[test]
fn find_garbage_finds_exactly_the_unreachable_cycle() {
    let src = "\
class A: pass
keep = A()
keep.me = keep
a = A(); b = A()
a.other = b; b.other = a
a.items = [b]
del a, b
";
    with_globals(crate::InterpreterConfig::isolated(), src, |g, gc| {
        let before = gc.len();
        let garbage = super::gc::find_garbage(gc, 2);
        let names: Vec<String> = garbage.iter().map(|o| o.type_object().name().to_owned()).collect();
        // The two instances and the list that held one of them; `keep` is reachable.
        assert_eq!(garbage.len(), 3, "{names:?}");
        assert!(garbage.iter().all(|o| !o.is(&g("keep").expect("keep"))));
        assert_eq!(super::gc::destroy_garbage(super::gc::prepare_garbage(garbage), &|_| {}, None), 3);
        assert_eq!(gc.len(), before - 3, "the garbage's heads are unlinked when it is freed");
        assert!(super::gc::find_garbage(gc, 2).is_empty());
    });
}

#[test]
fn the_weakref_table_forgets_a_dead_referent() {
    let src = "\
import _weakref
class A: pass
a = A()
r = _weakref.ref(a)
p = _weakref.proxy(a)
b = A()
dead = _weakref.ref(b)
del b
";
    with_globals(crate::InterpreterConfig::isolated(), src, |g, _| {
        let a = g("a").expect("a");
        assert_eq!(super::weakref::weakref_count(&a), 2);
        assert_eq!(super::weakref::weakrefs_of(&a).len(), 2);
        assert!(a.ob_gc_bits.load(Ordering::Relaxed) & gc_bits::HAS_WEAKREFS != 0);
        assert!(!super::weakref::is_dead_weakref(&g("r").expect("r")));
        assert!(super::weakref::is_dead_weakref(&g("dead").expect("dead")));
        let fresh = super::list::new_list(Vec::new()).expect("a list");
        assert_eq!(super::weakref::weakref_count(&fresh), 0, "an object never referenced has no entry");
    });
}

#[test]
fn a_free_threaded_interpreter_collects_with_the_world_stopped() {
    let src = "\
import gc, _weakref
class A: pass
freed = []
refs = []
for i in range(50):
    a = A(); a.me = a
    if i == 0:
        refs.append(_weakref.ref(a, lambda r: freed.append(1)))
    del a
n = gc.collect()
";
    with_globals(crate::InterpreterConfig::free_threaded(), src, |g, gc| {
        let n = super::int::int_value(&g("n").expect("n")).expect("an int");
        assert!(n >= 49, "collected {n}");
        assert_eq!(super::list::as_list(&g("freed").expect("freed")).expect("a list").items().len(), 1);
        assert!(super::gc::find_garbage(gc, 2).is_empty());
    });
}

#[test]
fn a_young_collection_leaves_older_generations_alone() {
    let src = "\
class A: pass
a = A(); a.me = a
del a
";
    with_globals(crate::InterpreterConfig::isolated(), src, |_, gc| {
        // The unreachable cycle moves to generation 1, then 2, with everything else.
        gc.promote(0);
        gc.promote(1);
        assert!(super::gc::find_garbage(gc, 0).is_empty(), "generation 2 is not examined");
        assert!(super::gc::find_garbage(gc, 1).is_empty());
        let full = super::gc::find_garbage(gc, 2);
        let names: Vec<&str> = full.iter().map(|o| o.type_object().name()).collect();
        assert_eq!(names, ["A"]);
        assert_eq!(super::gc::destroy_garbage(super::gc::prepare_garbage(full), &|_| {}, None), 1);
    });
}

#[test]
fn try_incref_refuses_only_a_dead_object() {
    with_globals(crate::InterpreterConfig::isolated(), "x = [1, 2]\n", |g, _| {
        let x = g("x").expect("x");
        let before = x.refcnt();
        assert!(super::refcount::try_incref(&x), "the owner's live count");
        assert_eq!(x.refcnt(), before + 1);
        // SAFETY: the reference taken above.
        unsafe { super::refcount::decref(x.as_ptr()) };
        super::refcount::set_maybe_weakref(&x);
        assert_eq!(
            x.ob_ref_shared.load(Ordering::Relaxed) & super::header::shared::FLAG_MASK,
            super::header::shared::MAYBE_WEAKREF
        );
        // A merged object at count zero is dead: no try-increment revives it.
        let dead = super::header::shared::MERGED;
        let saved = (
            x.ob_ref_local.load(Ordering::Relaxed),
            x.ob_tid.load(Ordering::Relaxed),
            x.ob_ref_shared.load(Ordering::Relaxed),
        );
        x.ob_ref_local.store(0, Ordering::Relaxed);
        x.ob_tid.store(0, Ordering::Relaxed);
        x.ob_ref_shared.store(dead, Ordering::Relaxed);
        assert!(!super::refcount::try_incref(&x));
        x.ob_ref_shared.store(super::header::shared::MAYBE_WEAKREF, Ordering::Relaxed);
        assert!(super::refcount::try_incref(&x), "an owner's object flagged for weak references");
        assert_eq!(
            x.ob_ref_shared.load(Ordering::Relaxed),
            super::header::shared::MAYBE_WEAKREF + super::header::shared::ONE
        );
        x.ob_ref_local.store(saved.0, Ordering::Relaxed);
        x.ob_tid.store(saved.1, Ordering::Relaxed);
        x.ob_ref_shared.store(saved.2, Ordering::Relaxed);
    });
}

#[test]
fn weak_references_to_garbage_die_during_the_stop_and_call_back_after() {
    let src = "\
import _weakref
class A: pass
fired = []
a = A(); a.me = a
r = _weakref.ref(a, lambda r: fired.append(1))
del a
";
    with_globals(crate::InterpreterConfig::isolated(), src, |g, gc| {
        let fired = || super::list::as_list(&g("fired").expect("fired")).expect("a list").items().len();
        let garbage = super::gc::find_garbage(gc, 2);
        assert_eq!(garbage.len(), 1);
        let unreachable = |o: &Obj| o.ob_gc_bits.load(Ordering::Relaxed) & gc_bits::UNREACHABLE != 0;
        let instance = garbage[0].clone();
        assert!(!unreachable(&instance));
        let prepared = super::gc::prepare_garbage(garbage);
        // Phase one's end: the reference is dead and the garbage hidden, the callback not run.
        assert!(super::weakref::is_dead_weakref(&g("r").expect("r")));
        assert!(unreachable(&instance));
        assert_eq!(fired(), 0);
        // `instance` keeps the object alive: it is let go, not freed, and no longer hidden.
        assert_eq!(super::gc::destroy_garbage(prepared, &|_| {}, None), 1);
        assert_eq!(fired(), 1);
        assert!(!unreachable(&instance));
    });
}
