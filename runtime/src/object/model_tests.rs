//! The object model core, driven through the crate's own API: builtin types, protocols,
//! exceptions as objects, heap types. (Unit tests: the object layer's `Obj` is crate-private.)

use crate::Runtime;
use crate::object::abstract_ops::{self as ops, UnaryOp};
use crate::object::dict::{as_dict, new_dict};
use crate::object::int::{new_big, new_int};
use crate::object::list::new_list;
use crate::object::obj::Obj;
use crate::object::slots::BinOp;
use crate::object::str::{as_str_object, new_str, str_value};
use crate::object::tuple::new_tuple;
use crate::object::typeobj::{CompareOp, as_type};
use crate::object::{intern, types};

fn with<R>(f: impl FnOnce() -> R) -> R {
    Runtime::initialize();
    crate::attach(|_py| f())
}

fn repr(o: &Obj) -> String {
    ops::repr_text(o).unwrap()
}

#[test]
fn int_arithmetic_word_and_big() {
    with(|| {
        let a = new_int(i64::MAX).unwrap();
        let b = new_int(2).unwrap();
        let big = ops::binary_op(&a, &b, BinOp::Multiply).unwrap();
        assert_eq!(repr(&big), "18446744073709551614");
        let back = ops::binary_op(&big, &b, BinOp::FloorDivide).unwrap();
        assert_eq!(repr(&back), i64::MAX.to_string());
        assert_eq!(
            repr(&ops::binary_op(&new_int(-7).unwrap(), &new_int(2).unwrap(), BinOp::FloorDivide).unwrap()),
            "-4"
        );
        assert_eq!(repr(&ops::binary_op(&new_int(-7).unwrap(), &new_int(2).unwrap(), BinOp::Remainder).unwrap()), "1");
        assert_eq!(
            repr(&ops::binary_op(&new_int(2).unwrap(), &new_int(100).unwrap(), BinOp::Power).unwrap()),
            "1267650600228229401496703205376"
        );
        assert_eq!(
            repr(&ops::binary_op(&new_int(1).unwrap(), &new_int(2).unwrap(), BinOp::TrueDivide).unwrap()),
            "0.5"
        );
        let err = ops::binary_op(&new_int(1).unwrap(), &new_int(0).unwrap(), BinOp::TrueDivide).unwrap_err();
        assert_eq!(err.to_string(), "ZeroDivisionError: division by zero");
        let err = ops::binary_op(&new_int(1).unwrap(), &new_int(0).unwrap(), BinOp::FloorDivide).unwrap_err();
        assert_eq!(err.to_string(), "ZeroDivisionError: integer division or modulo by zero");
        assert_eq!(
            repr(&ops::unary_op(&new_int(i64::MIN).unwrap(), UnaryOp::Negative).unwrap()),
            "9223372036854775808"
        );
        let h1 = ops::hash(&new_big(num_bigint::BigInt::from(1u64) << 61).unwrap()).unwrap();
        assert_eq!(h1, 1);
    });
}

#[test]
fn mixed_int_float_and_unsupported_operands() {
    with(|| {
        let f = crate::object::float::new_float(0.1).unwrap();
        let s = ops::binary_op(&f, &crate::object::float::new_float(0.2).unwrap(), BinOp::Add).unwrap();
        assert_eq!(repr(&s), "0.30000000000000004");
        let m = ops::binary_op(&new_int(3).unwrap(), &f, BinOp::Multiply).unwrap();
        assert_eq!(repr(&m), "0.30000000000000004");
        assert!(
            ops::rich_compare_bool(&new_int(1).unwrap(), &crate::object::float::new_float(1.0).unwrap(), CompareOp::Eq)
                .unwrap()
        );
        assert_eq!(ops::hash(&crate::object::float::new_float(1.0).unwrap()).unwrap(), 1);
        let err = ops::binary_op(&new_int(1).unwrap(), &new_str("a").unwrap(), BinOp::Add).unwrap_err();
        assert_eq!(err.to_string(), "TypeError: unsupported operand type(s) for +: 'int' and 'str'");
        let err = ops::binary_op(&new_str("a").unwrap(), &new_int(1).unwrap(), BinOp::Add).unwrap_err();
        assert_eq!(err.to_string(), "TypeError: can only concatenate str (not \"int\") to str");
        let err = ops::rich_compare(&new_int(1).unwrap(), &new_str("a").unwrap(), CompareOp::Lt).unwrap_err();
        assert_eq!(err.to_string(), "TypeError: '<' not supported between instances of 'int' and 'str'");
        assert_eq!(
            repr(&ops::binary_op(&new_int(3).unwrap(), &new_str("ab").unwrap(), BinOp::Multiply).unwrap()),
            "'ababab'"
        );
    });
}

#[test]
fn strings_index_in_constant_time_and_print_like_cpython() {
    with(|| {
        let s = new_str("héllo wörld 𝄞").unwrap();
        let so = as_str_object(&s).unwrap();
        assert_eq!(so.len(), 13);
        assert_eq!(so.char_at(1), 'é');
        assert_eq!(so.char_at(12), '𝄞');
        assert_eq!(str_value(&ops::get_item(&s, &new_int(-1).unwrap()).unwrap()), Some("𝄞"));
        assert_eq!(repr(&new_str("it's").unwrap()), "\"it's\"");
        let up = ops::call(&ops::get_attr_str(&s, "upper").unwrap(), &[], None).unwrap();
        assert_eq!(str_value(&up), Some("HÉLLO WÖRLD 𝄞"));
        let err = ops::get_item(&s, &new_int(20).unwrap()).unwrap_err();
        assert_eq!(err.to_string(), "IndexError: string index out of range");
    });
}

#[test]
fn containers_repr_compare_and_mutate() {
    with(|| {
        let l = new_list(vec![new_int(1).unwrap(), new_str("a").unwrap()]).unwrap();
        let append = ops::get_attr_str(&l, "append").unwrap();
        ops::call(&append, &[new_tuple(vec![new_int(2).unwrap()]).unwrap()], None).unwrap();
        assert_eq!(repr(&l), "[1, 'a', (2,)]");
        assert_eq!(ops::len(&l).unwrap(), 3);
        let err = ops::get_item(&l, &new_int(5).unwrap()).unwrap_err();
        assert_eq!(err.to_string(), "IndexError: list index out of range");
        let d = new_dict().unwrap();
        let dd = as_dict(&d).unwrap();
        for i in 0..100 {
            dd.set(new_int(i).unwrap(), new_int(i * i).unwrap()).unwrap();
        }
        for i in (0..100).step_by(2) {
            dd.remove(&new_int(i).unwrap()).unwrap();
        }
        dd.set(new_int(0).unwrap(), new_str("back").unwrap()).unwrap();
        assert_eq!(dd.len(), 51);
        let keys: Vec<String> = dd.items().iter().take(3).map(|(k, _)| repr(k)).collect();
        assert_eq!(keys, ["1", "3", "5"], "insertion order survives deletions");
        assert_eq!(repr(&dd.items().last().unwrap().1), "'back'");
        let err = ops::get_item(&d, &new_str("x").unwrap()).unwrap_err();
        assert_eq!(err.to_string(), "KeyError: 'x'");
        let err = ops::hash(&l).unwrap_err();
        assert_eq!(err.to_string(), "TypeError: unhashable type: 'list'");
        let t1 = new_tuple(vec![new_int(1).unwrap(), new_int(2).unwrap()]).unwrap();
        let t2 = new_tuple(vec![new_int(1).unwrap(), new_int(3).unwrap()]).unwrap();
        assert!(ops::rich_compare_bool(&t1, &t2, CompareOp::Lt).unwrap());
    });
}

#[test]
fn exceptions_are_objects_with_cpython_text() {
    with(|| {
        let err = ops::get_attr_str(&new_int(1).unwrap(), "x").unwrap_err();
        let exc = err.object().expect("an exception object").clone();
        assert_eq!(exc.type_object().name(), "AttributeError");
        assert_eq!(repr(&exc), "AttributeError(\"'int' object has no attribute 'x'\")");
        assert!(err.matches(types().exc.named("Exception")));
        assert!(!err.matches(types().exc.named("LookupError")));
        let args = ops::get_attr_str(&exc, "args").unwrap();
        assert_eq!(ops::len(&args).unwrap(), 1);
        let ve = types().exc.named("ValueError").as_object();
        let e = ops::call(ve, &[new_str("a").unwrap(), new_int(1).unwrap()], None).unwrap();
        assert_eq!(ops::str_text(&e).unwrap(), "('a', 1)");
        let mro: Vec<String> =
            as_type(types().exc.named("ZeroDivisionError").as_object()).unwrap().mro().iter().map(repr).collect();
        assert_eq!(
            mro,
            [
                "<class 'ZeroDivisionError'>",
                "<class 'ArithmeticError'>",
                "<class 'Exception'>",
                "<class 'BaseException'>",
                "<class 'object'>"
            ]
        );
        let lazy = crate::PyErr::new(crate::ExcKind::ValueError, "bad");
        let obj = lazy.into_object();
        assert_eq!(repr(&obj), "ValueError('bad')");
    });
}

#[test]
fn heap_types_c3_mro_attributes_and_dunder_slots() {
    with(|| {
        let object = Obj::new_ref(types().object_type.as_object());
        let ns = || new_dict().unwrap();
        let a = crate::object::classobj::new_class("A", vec![object.clone()], ns()).unwrap();
        let b = crate::object::classobj::new_class("B", vec![a.clone()], ns()).unwrap();
        let c = crate::object::classobj::new_class("C", vec![a.clone()], ns()).unwrap();
        let d = crate::object::classobj::new_class("D", vec![b.clone(), c.clone()], ns()).unwrap();
        let mro: Vec<String> =
            as_type(&d).unwrap().mro().iter().map(|t| as_type(t).unwrap().name().to_owned()).collect();
        assert_eq!(mro, ["D", "B", "C", "A", "object"]);
        assert_eq!(repr(&d), "<class '__main__.D'>");
        let err = crate::object::classobj::new_class("E", vec![a.clone(), d.clone()], ns()).unwrap_err();
        assert_eq!(
            err.to_string(),
            "TypeError: Cannot create a consistent method resolution order (MRO) for bases A, D"
        );
        let inst = ops::call(&d, &[], None).unwrap();
        let name = intern("color");
        ops::set_attr(&inst, &name.ob_base, Some(&new_str("red").unwrap())).unwrap();
        assert_eq!(repr(&ops::get_attr(&inst, &name.ob_base).unwrap()), "'red'");
        assert!(repr(&inst).starts_with("<__main__.D object at 0x"));
        ops::set_attr(&a, &intern("shared").ob_base, Some(&new_int(7).unwrap())).unwrap();
        assert_eq!(repr(&ops::get_attr_str(&inst, "shared").unwrap()), "7");
        let err = ops::get_attr_str(&inst, "missing").unwrap_err();
        assert_eq!(err.to_string(), "AttributeError: 'D' object has no attribute 'missing'");
        let err = ops::call(&d, &[new_int(1).unwrap()], None).unwrap_err();
        assert_eq!(err.to_string(), "TypeError: D() takes no arguments");
        // A class whose __repr__ is a builtin function: the slot wrapper calls it.
        let ns2 = ns();
        let repr_fn = ops::get_attr_str(types().object_type.as_object(), "__repr__").unwrap();
        as_dict(&ns2).unwrap().set(Obj::new_ref(&intern("__repr__").ob_base), repr_fn).unwrap();
        let r = crate::object::classobj::new_class("R", vec![], ns2).unwrap();
        let ri = ops::call(&r, &[], None).unwrap();
        assert!(repr(&ri).starts_with("<__main__.R object at"));
        let err =
            ops::set_attr(types().int_type.as_object(), &intern("x").ob_base, Some(&new_int(1).unwrap())).unwrap_err();
        assert_eq!(err.to_string(), "TypeError: cannot set 'x' attribute of immutable type 'int'");
    });
}

#[test]
fn deep_native_recursion_is_a_recursion_error() {
    with(|| {
        let mut l = new_list(vec![]).unwrap();
        // Deeper than the native limit (CPython 3.13's 10000: 5000 levels print).
        for _ in 0..12_000 {
            l = new_list(vec![l]).unwrap();
        }
        let err = ops::repr(&l).unwrap_err();
        assert_eq!(
            err.to_string(),
            "RecursionError: maximum recursion depth exceeded while getting the repr of an object"
        );
        // Free the nest iteratively (the deallocator recursion has no trashcan yet).
        let mut cur = l;
        loop {
            let inner = crate::object::list::as_list(&cur).unwrap().replace(Vec::new());
            match inner.into_iter().next() {
                Some(next) => cur = next,
                None => break,
            }
        }
    });
}
