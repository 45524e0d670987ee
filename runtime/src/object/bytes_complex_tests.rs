//! `bytes`, `bytearray`, `memoryview` and `complex` through the object API, and a
//! `bytearray` shared by threads of a free-threaded interpreter.

use std::sync::{Arc, Barrier};

use crate::object::Bound;
use crate::object::abstract_ops as ops;
use crate::object::bytearray::new_bytearray;
use crate::object::bytes::{bytes_value, new_bytes};
use crate::object::complex::{as_complex, new_complex};
use crate::object::int::new_int;
use crate::object::obj::Obj;
use crate::object::slots::BinOp;
use crate::object::str::new_str;
use crate::object::typeobj::CompareOp;
use crate::{Interpreter, InterpreterConfig, Runtime};

fn with<R>(f: impl FnOnce() -> R) -> R {
    Runtime::initialize();
    crate::attach(|_py| f())
}

fn repr(o: &Obj) -> String {
    ops::repr_text(o).unwrap()
}

fn call_method(o: &Obj, name: &str, args: &[Obj]) -> crate::PyResult<Obj> {
    let m = ops::get_attr_str(o, name)?;
    ops::call(&m, args, None)
}

#[test]
fn bytes_hash_repr_and_sequence_protocols() {
    with(|| {
        let b = new_bytes(b"it's").unwrap();
        assert_eq!(repr(&b), "b\"it's\"");
        assert_eq!(ops::hash(&new_bytes(b"abc").unwrap()).unwrap(), ops::hash(&new_str("abc").unwrap()).unwrap());
        assert_eq!(ops::len(&b).unwrap(), 4);
        assert_eq!(repr(&ops::get_item(&b, &new_int(-1).unwrap()).unwrap()), "115");
        let twice = ops::binary_op(&b, &new_int(2).unwrap(), BinOp::Multiply).unwrap();
        assert_eq!(bytes_value(&twice), Some(&b"it'sit's"[..]));
        assert!(ops::contains(&b, &new_int(b't' as i64).unwrap()).unwrap());
        let err = ops::binary_op(&b, &new_str("x").unwrap(), BinOp::Add).unwrap_err();
        assert_eq!(err.to_string(), "TypeError: can't concat str to bytes");
        let ba = new_bytearray(b"it's".to_vec()).unwrap();
        assert!(ops::rich_compare_bool(&b, &ba, CompareOp::Eq).unwrap());
        assert_eq!(ops::hash(&ba).unwrap_err().to_string(), "TypeError: unhashable type: 'bytearray'");
    });
}

#[test]
fn codecs_round_trip_and_report_errors() {
    with(|| {
        let text = new_str("é€😀").unwrap();
        for enc in ["utf-8", "utf-16", "utf-32-be"] {
            let encoded = call_method(&text, "encode", &[new_str(enc).unwrap()]).unwrap();
            let back = call_method(&encoded, "decode", &[new_str(enc).unwrap()]).unwrap();
            assert!(ops::rich_compare_bool(&back, &text, CompareOp::Eq).unwrap(), "{enc}");
        }
        let err = call_method(&new_bytes(b"\xff").unwrap(), "decode", &[]).unwrap_err();
        assert_eq!(
            err.to_string(),
            "UnicodeDecodeError: 'utf-8' codec can't decode byte 0xff in position 0: invalid start byte"
        );
        let err = call_method(&text, "encode", &[new_str("ascii").unwrap()]).unwrap_err();
        assert_eq!(
            err.to_string(),
            "UnicodeEncodeError: 'ascii' codec can't encode characters in position 0-2: ordinal not in range(128)"
        );
    });
}

#[test]
fn a_view_blocks_resizing_until_released() {
    with(|| {
        let ba = new_bytearray(b"abc".to_vec()).unwrap();
        let mv_type = Obj::new_ref(crate::object::types().memoryview_type.as_object());
        let view = ops::call(&mv_type, &[ba.clone()], None).unwrap();
        ops::set_item(&view, &new_int(0).unwrap(), Some(&new_int(b'z' as i64).unwrap())).unwrap();
        assert_eq!(repr(&ba), "bytearray(b'zbc')");
        let err = call_method(&ba, "append", &[new_int(1).unwrap()]).unwrap_err();
        assert_eq!(err.to_string(), "BufferError: Existing exports of data: object cannot be re-sized");
        call_method(&view, "release", &[]).unwrap();
        call_method(&ba, "append", &[new_int(b'!' as i64).unwrap()]).unwrap();
        assert_eq!(repr(&ba), "bytearray(b'zbc!')");
        // A dropped view gives its export back too.
        let view = ops::call(&mv_type, &[ba.clone()], None).unwrap();
        drop(view);
        call_method(&ba, "clear", &[]).unwrap();
        assert_eq!(ops::len(&ba).unwrap(), 0);
    });
}

#[test]
fn complex_arithmetic_hash_and_errors() {
    with(|| {
        let z = new_complex(3.0, 4.0).unwrap();
        assert_eq!(repr(&ops::unary_op(&z, ops::UnaryOp::Absolute).unwrap()), "5.0");
        let w = ops::binary_op(&z, &new_int(2).unwrap(), BinOp::Power).unwrap();
        assert_eq!(as_complex(&w), Some((-7.0, 24.0)));
        assert_eq!(repr(&ops::binary_op(&new_int(1).unwrap(), &z, BinOp::Subtract).unwrap()), "(-2-4j)");
        let real = new_complex(2.0, 0.0).unwrap();
        assert_eq!(ops::hash(&real).unwrap(), ops::hash(&new_int(2).unwrap()).unwrap());
        assert!(ops::rich_compare_bool(&real, &new_int(2).unwrap(), CompareOp::Eq).unwrap());
        let err = ops::binary_op(&z, &new_complex(0.0, 0.0).unwrap(), BinOp::TrueDivide).unwrap_err();
        assert_eq!(err.to_string(), "ZeroDivisionError: complex division by zero");
        let err = ops::rich_compare(&z, &real, CompareOp::Lt).unwrap_err();
        assert_eq!(err.to_string(), "TypeError: '<' not supported between instances of 'complex' and 'complex'");
        let root = ops::binary_op(&new_int(-4).unwrap(), &crate::object::float::new_float(0.5).unwrap(), BinOp::Power)
            .unwrap();
        assert_eq!(repr(&root), "(1.2246467991473532e-16+2j)");
    });
}

/// Threads of a free-threaded interpreter appending to one bytearray: every append lands (the
/// mutations run in the object's critical section).
#[test]
fn free_threaded_appends_are_not_lost() {
    Runtime::initialize();
    let interp = Interpreter::new(InterpreterConfig::free_threaded()).unwrap();
    let shared = interp
        .attach(|py| {
            let ba = new_bytearray(Vec::new()).unwrap();
            Arc::new(Bound::new_ref(py, &ba).unbind())
        })
        .unwrap();
    let per_thread = 50_000;
    let start = Arc::new(Barrier::new(4));
    let threads: Vec<_> = (0..4)
        .map(|_| {
            let (interp, shared, start) = (interp.clone(), shared.clone(), start.clone());
            std::thread::spawn(move || {
                interp
                    .attach(|py| {
                        let ba = shared.clone_ref(py).bind(py);
                        let ba = Obj::new_ref(&ba);
                        let append = ops::get_attr_str(&ba, "append").unwrap();
                        start.wait();
                        for i in 0..per_thread {
                            ops::call(&append, &[new_int(i % 256).unwrap()], None).unwrap();
                            if i % 256 == 0 {
                                py.check_eval_breaker().unwrap();
                            }
                        }
                    })
                    .unwrap()
            })
        })
        .collect();
    for t in threads {
        t.join().unwrap();
    }
    let len = interp
        .attach(|py| {
            let ba = shared.clone_ref(py).bind(py);
            ops::len(&ba).unwrap()
        })
        .unwrap();
    assert_eq!(len, 4 * per_thread as usize);
    drop(shared);
    interp.destroy().unwrap();
}
