//! Instance layout: inline values with per-class shared keys, materialised dicts, `__slots__`
//! members (`inline_values.rs`, `member.rs`, `classobj::instance_layout`).

use super::dict::as_dict;
use super::inline_values as values;
use super::obj::Obj;
use super::typeobj::as_type;

/// Runs `src` as `__main__` in a new isolated interpreter and hands its globals to `check`.
fn with_globals(src: &str, check: impl FnOnce(&dyn Fn(&str) -> Obj)) {
    crate::Runtime::initialize();
    let interp = crate::Interpreter::new(crate::InterpreterConfig::isolated()).expect("an interpreter");
    interp
        .attach(|_py| {
            let code = pyrt_compile::compile(src, "<layout>", pyrt_compile::Mode::Module).expect("compiles");
            let globals = crate::eval::run_module(code, "__main__", "<layout>").expect("runs");
            let g = as_dict(&globals).expect("a dict");
            check(&|name: &str| g.get_str(&super::intern(name).ob_base).unwrap_or_else(|| panic!("global {name}")));
        })
        .expect("attached");
}

fn text(o: &Obj) -> String {
    super::abstract_ops::repr_text(o).expect("a repr")
}

#[test]
fn a_class_sizes_its_inline_values_from_init_and_shares_keys() {
    let src = "\
class P:
    def __init__(self, x, y, z):
        self.x = x
        self.y = y
        self.z = z
a = P(1, 2, 3)
b = P(4, 5, 6)
b.w = 7
";
    with_globals(src, |g| {
        let p = g("P");
        let ty = as_type(&p).expect("a class");
        assert_eq!(ty.inline_values, 5, "three stores in __init__ plus slack");
        assert_eq!(ty.basic_size, values::instance_size(ty.dict_offset, 5));
        let (a, b) = (g("a"), g("b"));
        assert!(values::has_valid_values(&a) && values::has_valid_values(&b));
        let x = super::intern("x");
        let w = super::intern("w");
        assert_eq!(values::key_index(ty, &x.ob_base), Some(0));
        assert_eq!(values::key_index(ty, &w.ob_base), Some(3), "b's new name is appended to the class's keys");
        assert_eq!(values::value_at(&b, 3).map(|v| text(&v)).as_deref(), Some("7"));
        assert!(values::value_at(&a, 3).is_none(), "a has no value for the shared key 'w'");
        assert!(super::attr::dict_slot(&a).expect("a dict slot").get().is_none(), "no dict made yet");
    });
}

#[test]
fn materialising_the_dict_moves_the_values_in_instance_order() {
    let src = "\
class Q:
    pass
q = Q()
q.b = 1
q.a = 2
del q.b
q.c = 3
q.b = 4
";
    with_globals(src, |g| {
        let q = g("q");
        assert!(values::has_valid_values(&q));
        let d = values::instance_dict(&q).expect("no error").expect("a dict");
        assert_eq!(text(&d), "{'a': 2, 'c': 3, 'b': 4}");
        assert!(!values::has_valid_values(&q), "the dict is the source of truth now");
        let again = values::instance_dict(&q).expect("no error").expect("a dict");
        assert!(again.is(&d), "the same dict on every request");
        assert!(values::value_at(&q, 0).is_none(), "the inline values are released");
    });
}

#[test]
fn a_full_set_of_keys_makes_the_instance_use_a_dict() {
    let src = "\
class R:
    pass
r = R()
for i in range(40):
    setattr(r, 'n%d' % i, i)
";
    with_globals(src, |g| {
        let r = g("r");
        let ty = r.type_object();
        assert!(ty.inline_values < 40);
        assert!(!values::has_valid_values(&r));
        let d = super::attr::dict_slot(&r).expect("a slot").get().expect("a materialised dict");
        assert_eq!(as_dict(&d).expect("a dict").len(), 40);
        assert_eq!(text(&values::get_attr(&r, &super::intern("n39").ob_base).expect("n39")), "39");
    });
}

#[test]
fn slots_lay_out_members_and_leave_out_the_dict() {
    let src = "\
class S:
    __slots__ = ('b', 'a')
class T(S):
    __slots__ = ('c', '__dict__')
s = S()
s.a = 1
t = T()
t.c = 2
t.d = 3
";
    with_globals(src, |g| {
        let (s_cls, t_cls) = (g("S"), g("T"));
        let (s_ty, t_ty) = (as_type(&s_cls).expect("S"), as_type(&t_cls).expect("T"));
        assert_eq!(s_ty.dict_offset, 0, "no __dict__ in S's slots");
        assert_eq!(s_ty.inline_values, 0);
        let header = size_of::<super::header::PyObject>();
        assert_eq!(s_ty.basic_size, header + 2 * size_of::<Obj>());
        let member = |cls: &super::typeobj::TypeObject, n: &str| {
            let d = cls.dict().and_then(as_dict).and_then(|d| d.get_str(&super::intern(n).ob_base)).expect("member");
            super::member::as_member(&d).expect("a member descriptor").offset
        };
        assert_eq!((member(s_ty, "a"), member(s_ty, "b")), (header, header + 8), "sorted names");
        assert_eq!(member(t_ty, "c"), header + 16, "a subclass's members follow its base's");
        assert_eq!(t_ty.dict_offset, header + 24);
        assert!(t_ty.inline_values > 0);
        let t = g("t");
        // SAFETY: `t`'s type lays out its member `c` there (checked just above).
        let c = unsafe { super::member::member_slot(&t, header + 16) }.get();
        assert_eq!(text(&c.expect("c")), "2");
        assert!(values::has_valid_values(&t));
        assert_eq!(text(&values::get_attr(&t, &super::intern("d").ob_base).expect("d")), "3");
        assert!(values::get_attr(&t, &super::intern("c").ob_base).is_none(), "members are not instance values");
    });
}

#[test]
fn the_keys_version_changes_when_a_key_is_added() {
    let src = "\
class K:
    def __init__(self):
        self.a = 1
k = K()
";
    with_globals(src, |g| {
        let k = g("k");
        let ty = k.type_object();
        let v1 = values::keys_version(ty);
        assert!(values::keys_version_is(ty, v1));
        assert_eq!(values::keys_version(ty), v1, "stable while the keys are");
        super::attr::generic_setattr(&k, &super::intern("fresh").ob_base, Some(&k)).expect("set");
        assert!(!values::keys_version_is(ty, v1), "a new key invalidates");
        assert_ne!(values::keys_version(ty), v1);
        // Replacing a value keeps the keys (and their version).
        let v2 = values::keys_version(ty);
        super::attr::generic_setattr(&k, &super::intern("a").ob_base, Some(&k)).expect("set");
        assert!(values::keys_version_is(ty, v2));
        // Break the k.fresh -> k cycle.
        super::attr::generic_setattr(&k, &super::intern("fresh").ob_base, None).expect("del");
        super::attr::generic_setattr(&k, &super::intern("a").ob_base, None).expect("del");
    });
}
