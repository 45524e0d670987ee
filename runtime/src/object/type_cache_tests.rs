//! The type attribute cache seen from inside (`type_cache.rs`): lookups fill entries and hit
//! them, class changes make the old entries unreachable, names that are not interned bypass
//! the table, free-threaded interpreters use it too; the two review findings.

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
fn free_threaded_interpreters_fill_and_hit_the_table_too() {
    with_globals(crate::InterpreterConfig::free_threaded(), CLASSES, |g| {
        let (a, b) = (g("A"), g("B"));
        let ty = as_type(&b).expect("a class");
        let m = super::attr::lookup(ty, name("m")).expect("found in A");
        assert_eq!(entry(ty, name("m")), Some(m.as_ptr().as_ptr().cast_const()));
        assert!(super::attr::lookup(ty, name("m")).expect("a hit").is(&m));
        // A change through the base: the entry is left behind with the old tag.
        let new = super::int::new_int(11).expect("an int");
        super::attr::type_setattro(&a, name("m"), Some(&new)).expect("set");
        assert_eq!(entry(ty, name("m")), None);
        assert!(super::attr::lookup(ty, name("m")).expect("found in A").is(&new));
        assert_eq!(entry(ty, name("m")), Some(new.as_ptr().as_ptr().cast_const()));
    });
}

/// `result`, a global string the script left, split into lines.
fn result_lines(g: &dyn Fn(&str) -> Obj) -> Vec<String> {
    let r = g("result");
    super::str::str_value(&r).expect("a string").lines().map(str::to_owned).collect()
}

/// Review finding 1: a class dict holds a key whose hash equals the attribute's name, so every
/// probe for the name runs the key's `__eq__` — inside `C.x = v` too, where it reads `C.x`
/// (filling the cache under a fresh tag) and even assigns `C.x` itself; the value the write
/// takes out lives until the tags changed again, and each `__del__` reads `C.x` once more.
/// CPython 3.13 serves the freed value here (it crashes), so this is a unit test, expecting
/// what the language means.
const EQ_IN_THE_PROBE: &str = r#"
log = []
def show(v):
    return v.tag if isinstance(v, V) else v
class V:
    def __init__(self, tag):
        self.tag = tag
    def __del__(self):
        log.append("del %s: C.x is %s" % (self.tag, show(getattr(C, "x", None))))
armed = 0
swap = None
class K:
    def __hash__(self):
        return hash("x")
    def __eq__(self, other):
        global armed, swap
        if armed:
            armed -= 1
            log.append("eq: C.x is %s" % show(C.x))
            if swap is not None:
                s, swap = swap, None
                C.x = s
                log.append("eq after the nested write: C.x is %s" % show(C.x))
        return False
def reads(n=40):
    r = None
    for _ in range(n):
        r = C.x
    return show(r)
C = type("C", (), {K(): 0, "x": V("first")})
log.append(reads())
armed = 1
C.x = V("second")
log.append(reads())
armed = 1
swap = V("swapped")
C.x = V("third")
log.append(reads() + " " + C().x.tag)
armed = 1
del C.x
log.append(str(hasattr(C, "x")))
C.x = 5
log.append(str(reads()))
result = "\n".join(log)
"#;

const EQ_IN_THE_PROBE_LOG: &[&str] = &[
    "first",
    "eq: C.x is first",
    "del first: C.x is second",
    "second",
    "eq: C.x is second",
    "del second: C.x is swapped",
    "eq after the nested write: C.x is swapped",
    "del swapped: C.x is third",
    "third third",
    "eq: C.x is third",
    "del third: C.x is None",
    "False",
    "5",
];

#[test]
fn a_key_s_eq_in_the_write_s_probe_never_sees_a_freed_value() {
    for config in [crate::InterpreterConfig::isolated(), crate::InterpreterConfig::free_threaded()] {
        with_globals(config, EQ_IN_THE_PROBE, |g| assert_eq!(result_lines(g), EQ_IN_THE_PROBE_LOG));
    }
}

/// Review finding 2: a metaclass `mro()` that lists classes which are not bases (`X`, `Y`); their
/// changes do not reach `C` through subclass lists, so `C` (and `D`, whose MRO the same override
/// makes) never get a tag (CPython's `type_mro_modified`) and every read — class, instance,
/// method, at sites run often enough to be specialised — sees the change. CPython 3.13.0 serves
/// stale (and freed) values here, so this is a unit test too.
const CUSTOM_MRO: &str = r#"
class X:
    f = "X.f"
    def m(self):
        return "X.m"
class Y:
    pass
class Meta(type):
    def mro(cls):
        return [cls, Y, X, object] if cls.__name__ == "C" else super().mro()
class C(metaclass=Meta):
    pass
class D(C):
    pass
def loop(get, n=60):
    r = None
    for _ in range(n):
        r = get()
    return r
c, d = C(), D()
log = [" ".join(k.__name__ for k in D.__mro__)]
def snap():
    log.append(" ".join([loop(lambda: C.f), loop(lambda: c.f), loop(lambda: c.m()), loop(lambda: D.f), loop(lambda: d.m())]))
snap()
X.f = "X.f2"
X.m = lambda self: "X.m2"
snap()
Y.f = "Y.f"
Y.m = lambda self: "Y.m"
snap()
del Y.f, Y.m
snap()
class Payload:
    def __init__(self, n):
        self.n = n
    def __del__(self):
        log.append("freed %d" % self.n)
X.p = Payload(1)
def reads(n=50):
    total = 0
    for _ in range(n):
        total += c.p.n + C.p.n + d.p.n
    return total
log.append(str(reads()))
X.p = Payload(2)
log.append(str(reads()))
del X.p
log.append(str(hasattr(c, "p") or hasattr(D, "p")))
# A class made with C3 whose metaclass gains an mro() override: the next __bases__ assignment
# runs it, and the class loses its tag for good.
class Meta4(type):
    pass
class P:
    g = "P.g"
class Q:
    g = "Q.g"
class G(P, metaclass=Meta4):
    pass
gi = G()
log.append(loop(lambda: gi.g))
Meta4.mro = lambda cls: [cls, X] + [k for k in type.mro(cls)[1:]]
X.g = "X.g"
G.__bases__ = (Q,)
log.append(" ".join(k.__name__ for k in G.__mro__) + ": " + loop(lambda: gi.g))
X.g = "X.g2"
log.append(loop(lambda: gi.g) + " " + loop(lambda: G.g))
result = "\n".join(log)
"#;

const CUSTOM_MRO_LOG: &[&str] = &[
    "D C Y X object",
    "X.f X.f X.m X.f X.m",
    "X.f2 X.f2 X.m2 X.f2 X.m2",
    "Y.f Y.f Y.m Y.f Y.m",
    "X.f2 X.f2 X.m2 X.f2 X.m2",
    "150",
    "freed 1",
    "300",
    "freed 2",
    "False",
    "P.g",
    "G X Q object: X.g",
    "X.g2 X.g2",
];

#[test]
fn a_class_whose_mro_an_override_made_is_never_tagged() {
    for config in [crate::InterpreterConfig::isolated(), crate::InterpreterConfig::free_threaded()] {
        with_globals(config, CUSTOM_MRO, |g| {
            assert_eq!(result_lines(g), CUSTOM_MRO_LOG);
            for class in ["C", "D", "G"] {
                let c = g(class);
                let ty = as_type(&c).expect("a class");
                assert_eq!(ty.version(), 0, "{class} has a tag");
                assert_eq!(ty.version_for_cache(), 0, "{class} was given a tag");
            }
            // The classes it lists keep theirs.
            assert_ne!(as_type(&g("X")).expect("X").version_for_cache(), 0);
        });
    }
}

/// Review finding 3 (second review): a subclass of a class whose MRO an `mro()` override made,
/// with a metaclass that takes the override back, gets a plain C3 MRO that copies in the
/// foreign class `X`, whose subclass lists do not reach it: it must stay untagged too, or a
/// change of `X` is missed (and the cached old value freed). CPython 3.13 serves the stale or
/// freed value here.
const FOREIGN_MRO_COPIED: &str = r#"
class X:
    x = [1, 2, 3]
class Meta(type):
    def mro(cls):
        return [cls, X, object] if cls.__name__ == "R" else type.mro(cls)
class R(metaclass=Meta): pass
class Plain(Meta):
    mro = type.mro
class C(R, metaclass=Plain): pass
seen = []
for _ in range(5): getattr(C, "x")
X.x = "new"
junk = [[i, i] for i in range(200)]
seen.append(getattr(C, "x"))
def f():
    return C.x
for _ in range(50): f()
X.x = "newer"
seen.append(f())
result = " ".join(seen)
"#;

#[test]
fn a_class_whose_mro_copies_an_override_s_is_never_tagged() {
    for config in [crate::InterpreterConfig::isolated(), crate::InterpreterConfig::free_threaded()] {
        with_globals(config, FOREIGN_MRO_COPIED, |g| {
            assert_eq!(result_lines(g), ["new newer"]);
            assert_eq!(as_type(&g("C")).expect("C").version_for_cache(), 0);
        });
    }
}

/// Review finding 4 (second review): during `T.__bases__ = (N,)`, an `mro()` override of a
/// subclass runs after `T`'s new MRO is installed but before `T` is in `N`'s subclass list; a
/// tag given to `T` then would miss the change of `N` it makes (and the cached old value is
/// freed). No class is tagged while an assignment is under way. CPython 3.13 reads freed
/// memory here.
const BASES_WINDOW: &str = r#"
class N:
    x = [1, 2, 3]
class A: pass
class T(A): pass
armed = False
seen = []
class M2(type):
    def mro(cls):
        global armed
        if armed:
            armed = False
            for _ in range(5): getattr(T, "x")
            N.x = "new"
            junk = [[i, i] for i in range(200)]
            seen.append(getattr(T, "x"))
        return type.mro(cls)
class Sub(T, metaclass=M2): pass
armed = True
T.__bases__ = (N,)
seen.append(T.x + Sub.x)
N.x = "after"
seen.append(T.x + Sub.x)
result = " ".join(seen)
"#;

#[test]
fn no_class_is_tagged_while_bases_are_assigned() {
    for config in [crate::InterpreterConfig::isolated(), crate::InterpreterConfig::free_threaded()] {
        with_globals(config, BASES_WINDOW, |g| {
            assert_eq!(result_lines(g), ["new newnew afterafter"]);
        });
    }
}
