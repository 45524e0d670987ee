//! The type attribute cache seen from inside (`type_cache.rs`): lookups fill entries and hit
//! them, class changes make the old entries unreachable, names that are not interned and
//! free-threaded interpreters bypass the table.

use super::dict::as_dict;
use super::header::PyObject;
use super::obj::Obj;
use super::typeobj::{TypeObject, as_type};

/// Runs `src` as `__main__` in a new interpreter of `config` and hands `check` a getter of its
/// globals, still attached.
fn with_globals(config: crate::InterpreterConfig, src: &str, check: impl FnOnce(&dyn Fn(&str) -> Obj)) {
    crate::Runtime::initialize();
    let interp = crate::Interpreter::new(config).expect("an interpreter");
    interp
        .attach(|_py| {
            let code = pyrt_compile::compile(src, "<cache>", pyrt_compile::Mode::Module).expect("compiles");
            let globals = crate::eval::run_module(code, "__main__", "<cache>").expect("runs");
            let g = as_dict(&globals).expect("a dict");
            check(&|name: &str| g.get_str(&super::intern(name).ob_base).expect("a global"));
        })
        .expect("attached");
    interp.destroy().expect("destroyed");
}

/// What the current interpreter's table holds for `(ty, name)` under the type's current tag:
/// `None` when no entry matches, else the remembered value's address (null: cached as missing).
fn entry(ty: &TypeObject, name: &PyObject) -> Option<*const PyObject> {
    super::type_cache::with_current(|cache| cache.entry_for_tests(ty.version(), name)).flatten()
}

fn name(s: &str) -> &'static PyObject {
    &super::intern(s).ob_base
}

const CLASSES: &str = "class A:\n    def m(self):\n        return 1\nclass B(A):\n    pass\n";

#[test]
fn a_lookup_fills_an_entry_that_later_lookups_hit() {
    with_globals(crate::InterpreterConfig::isolated(), CLASSES, |g| {
        let b = g("B");
        let ty = as_type(&b).expect("a class");
        let m = super::attr::lookup(ty, name("m")).expect("found in A");
        assert_eq!(entry(ty, name("m")), Some(m.as_ptr().as_ptr().cast_const()));
        let again = super::attr::lookup(ty, name("m")).expect("a hit");
        assert!(again.is(&m));
        // A name found nowhere is remembered as missing.
        assert!(super::attr::lookup(ty, name("nowhere_at_all")).is_none());
        assert_eq!(entry(ty, name("nowhere_at_all")), Some(std::ptr::null()));
    });
}

#[test]
fn a_change_of_a_base_class_leaves_the_old_entries_behind() {
    with_globals(crate::InterpreterConfig::isolated(), CLASSES, |g| {
        let (a, b) = (g("A"), g("B"));
        let ty = as_type(&b).expect("a class");
        let old = super::attr::lookup(ty, name("m")).expect("found in A");
        let tag = ty.version();
        let new = super::int::new_int(7).expect("an int");
        super::attr::type_setattro(&a, name("m"), Some(&new)).expect("set");
        assert_ne!(ty.version(), tag, "the subclass's tag was taken away");
        let now = super::attr::lookup(ty, name("m")).expect("found in A");
        assert!(now.is(&new) && !now.is(&old));
        assert_eq!(entry(ty, name("m")), Some(new.as_ptr().as_ptr().cast_const()));
    });
}

#[test]
fn names_that_are_not_interned_are_not_cached() {
    with_globals(crate::InterpreterConfig::isolated(), CLASSES, |g| {
        let b = g("B");
        let ty = as_type(&b).expect("a class");
        let text = super::str::new_str("not_defined_anywhere").expect("a string");
        assert!(!text.is_immortal());
        assert!(super::attr::lookup(ty, &text).is_none());
        assert_eq!(super::type_cache::with_current(|c| c.entry_for_tests(ty.version(), &text)), Some(None));
    });
}

#[test]
fn a_tail_that_is_not_its_first_class_s_mro_is_walked() {
    // D's MRO is D, B, C, A, object; B's own is B, A, object.
    let src = "class A:\n    def g(self): return 'A'\nclass B(A):\n    pass\n\
               class C(A):\n    def g(self): return 'C'\nclass D(B, C):\n    pass\n";
    with_globals(crate::InterpreterConfig::isolated(), src, |g| {
        let own = |class: &str, n: &str| {
            let c = g(class);
            let d = as_type(&c).and_then(|t| t.dict()).expect("a class dict");
            as_dict(&d).and_then(|x| x.get_str(name(n))).expect("defined there")
        };
        let d = g("D");
        let mro = as_type(&d).expect("a class").mro().to_vec();
        // After D: B's own lookup would find A.g, the tail finds C.g first.
        assert!(super::attr::lookup(as_type(&g("B")).expect("B"), name("g")).expect("A.g").is(&own("A", "g")));
        let after_d = super::type_cache::lookup_in_mro_tail(&mro[1..], name("g")).expect("found");
        assert!(after_d.is(&own("C", "g")));
        // After B the tail is C's own MRO: the cached lookup of C.
        let after_b = super::type_cache::lookup_in_mro_tail(&mro[2..], name("g")).expect("found");
        assert!(after_b.is(&own("C", "g")));
        let c = g("C");
        let c_ty = as_type(&c).expect("C");
        assert_eq!(entry(c_ty, name("g")), Some(own("C", "g").as_ptr().as_ptr().cast_const()));
        // After C: A's.
        let after_c = super::type_cache::lookup_in_mro_tail(&mro[3..], name("g")).expect("found");
        assert!(after_c.is(&own("A", "g")));
    });
}

#[test]
fn free_threaded_interpreters_do_not_use_the_table() {
    with_globals(crate::InterpreterConfig::free_threaded(), CLASSES, |g| {
        let b = g("B");
        let ty = as_type(&b).expect("a class");
        assert!(super::attr::lookup(ty, name("m")).is_some());
        assert!(super::type_cache::with_current(|_| ()).is_none());
    });
}
