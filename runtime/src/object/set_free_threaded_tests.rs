//! A `set` hammered from several threads of a free-threaded interpreter: every mutation and
//! every read of the table runs in the set's critical section, so nothing is lost and nothing
//! crashes while the table is resized under the readers.

use std::sync::Arc;

use crate::Runtime;
use crate::object::abstract_ops as ops;
use crate::object::int::new_int;
use crate::object::set::{as_set, new_set};
use crate::object::{Bound, Py};
use crate::{Interpreter, InterpreterConfig};

#[test]
fn threads_adding_discarding_and_reading_one_set_lose_nothing() {
    Runtime::initialize();
    let interp = Interpreter::new(InterpreterConfig::free_threaded()).unwrap();
    let set: Py = interp.attach(|py| Bound::new_ref(py, &new_set(Vec::new()).unwrap()).unbind()).unwrap();
    let set = Arc::new(set);
    let per_thread: i64 = 5_000;
    let threads: Vec<_> = (0..4i64)
        .map(|t| {
            let (interp, set) = (interp.clone(), set.clone());
            std::thread::spawn(move || {
                interp
                    .attach(|py| {
                        let s = set.clone_ref(py).bind(py);
                        let so = as_set(&s).expect("a set");
                        for i in 0..per_thread {
                            let v = t * per_thread + i;
                            so.add(new_int(v).unwrap()).unwrap();
                            // A transient element each thread takes out again.
                            let tmp = new_int(-1 - v).unwrap();
                            so.add(tmp.clone()).unwrap();
                            assert!(so.discard_hashed(&tmp, ops::hash(&tmp).unwrap()).unwrap());
                            // Readers see a consistent table while others resize it.
                            assert!(so.contains_hashed(&new_int(v).unwrap(), v as isize).unwrap());
                            if i % 256 == 0 {
                                let _ = so.keys().len();
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
    interp
        .attach(|py| {
            let s = set.clone_ref(py).bind(py);
            let so = as_set(&s).expect("a set");
            assert_eq!(so.len(), 4 * per_thread as usize);
            let mut keys: Vec<i64> = so.keys().iter().map(|k| crate::object::int_value(k).unwrap()).collect();
            keys.sort_unstable();
            assert_eq!(keys, (0..4 * per_thread).collect::<Vec<_>>());
        })
        .unwrap();
    drop(set);
    interp.destroy().unwrap();
}
