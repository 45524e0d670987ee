//! A `dict` read without any lock while other threads of the same free-threaded interpreter
//! write it (the proof of `dict_keys`' storage): two writers insert new keys (the storage block
//! is replaced again and again and the old one retired through QSBR under the readers), replace
//! values (the replaced ones are released, most of them freed at once), and insert and delete a
//! transient key (holes, which the next rebuild compacts); two readers look keys up through the
//! lock-free path (`DictObject::get_hashed`) and check every value they get. Python code runs
//! nowhere here, so the language lock of `pyrt::run` is not involved: only the dict's critical
//! section.

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

use crate::Runtime;
use crate::object::dict::{LOCK_FREE_READS, as_dict, new_dict};
use crate::object::int::{int_value, new_int};
use crate::object::{Bound, Py};
use crate::{Interpreter, InterpreterConfig};

/// Values are large (never the cached small ints) and say where they belong:
/// `BASE + key * STRIDE + generation`.
const BASE: i64 = 1 << 40;
const STRIDE: i64 = 1 << 20;
/// Keys present from the start, whose values the writers replace.
const FIXED: usize = 64;
const PER_WRITER: usize = 3_000;

fn encode(key: usize, generation: usize) -> i64 {
    BASE + key as i64 * STRIDE + generation as i64
}

/// The key a writer `t` inserts at its step `i` (1-based).
fn appended(t: usize, i: usize) -> usize {
    FIXED + t * PER_WRITER + i - 1
}

/// The transient key of writer `t` (inserted and deleted again).
fn transient(t: usize) -> i64 {
    -(t as i64) - 1
}

#[test]
fn lock_free_lookups_never_see_freed_storage_while_writers_resize_replace_and_delete() {
    Runtime::initialize();
    let interp = Interpreter::new(InterpreterConfig::free_threaded()).unwrap();
    let dict: Py = interp
        .attach(|py| {
            let d = new_dict().unwrap();
            let dd = as_dict(&d).unwrap();
            for k in 0..FIXED {
                dd.set(new_int(k as i64).unwrap(), new_int(encode(k, 0)).unwrap()).unwrap();
            }
            Bound::new_ref(py, &d).unbind()
        })
        .unwrap();
    let dict = Arc::new(dict);
    let done = Arc::new(AtomicUsize::new(0));
    let writers: Vec<_> = (0..2usize)
        .map(|t| {
            let (interp, dict, done) = (interp.clone(), dict.clone(), done.clone());
            std::thread::spawn(move || {
                interp
                    .attach(|py| {
                        let d = dict.clone_ref(py).bind(py);
                        let dd = as_dict(&d).expect("a dict");
                        for i in 1..=PER_WRITER {
                            let k = appended(t, i);
                            dd.set(new_int(k as i64).unwrap(), new_int(encode(k, 0)).unwrap()).unwrap();
                            // Replaces the value of one of this writer's half of the fixed keys.
                            let slot = t * FIXED / 2 + i % (FIXED / 2);
                            dd.set(new_int(slot as i64).unwrap(), new_int(encode(slot, i)).unwrap()).unwrap();
                            if i % 8 == 0 {
                                let tk = new_int(transient(t)).unwrap();
                                dd.set(tk.clone(), new_int(BASE).unwrap()).unwrap();
                                let gone = dd.remove(&tk).unwrap().expect("the transient key was there");
                                assert_eq!(int_value(&gone), Some(BASE));
                            }
                            if i % 64 == 0 {
                                py.check_eval_breaker().unwrap();
                            }
                        }
                    })
                    .unwrap();
                done.fetch_add(1, Ordering::SeqCst);
            })
        })
        .collect();
    let readers: Vec<_> = (0..2usize)
        .map(|r| {
            let (interp, dict, done) = (interp.clone(), dict.clone(), done.clone());
            std::thread::spawn(move || {
                interp
                    .attach(|py| {
                        let d = dict.clone_ref(py).bind(py);
                        let dd = as_dict(&d).expect("a dict");
                        let mut reads = 0usize;
                        let mut x = r;
                        while done.load(Ordering::SeqCst) < 2 || reads < 10_000 {
                            x = (x * 7 + 13) % (FIXED + 2 * PER_WRITER);
                            let got = dd.get(&new_int(x as i64).unwrap()).unwrap();
                            match got {
                                Some(v) => {
                                    let v = int_value(&v).expect("an int value");
                                    let (key, generation) = ((v - BASE) / STRIDE, (v - BASE) % STRIDE);
                                    assert_eq!(key, x as i64, "the value of another key");
                                    assert!(generation as usize <= PER_WRITER, "read {v} for {x}");
                                    if x >= FIXED {
                                        assert_eq!(generation, 0, "an appended key's value is never replaced");
                                    }
                                }
                                None => assert!(x >= FIXED, "fixed key {x} missing"),
                            }
                            reads += 1;
                            if reads % 64 == 0 {
                                // A quiescent point: retired blocks may be freed from here on.
                                py.check_eval_breaker().unwrap();
                            }
                        }
                    })
                    .unwrap()
            })
        })
        .collect();
    let lock_free_before = LOCK_FREE_READS.load(Ordering::Relaxed);
    for t in writers.into_iter().chain(readers) {
        t.join().unwrap();
    }
    let lock_free = LOCK_FREE_READS.load(Ordering::Relaxed) - lock_free_before;
    assert!(lock_free >= 10_000, "the readers took the lock-free path ({lock_free} lookups)");
    interp
        .attach(|py| {
            let d = dict.clone_ref(py).bind(py);
            let dd = as_dict(&d).unwrap();
            let mut got: Vec<(i64, i64)> =
                dd.items().iter().map(|(k, v)| (int_value(k).unwrap(), int_value(v).unwrap())).collect();
            got.sort_unstable();
            let mut want: Vec<(i64, i64)> = (0..FIXED)
                .map(|s| {
                    let i = s % (FIXED / 2);
                    // The last generation a writer stored for key s: the largest i <= PER_WRITER
                    // with i % (FIXED / 2) == s % (FIXED / 2).
                    let last = PER_WRITER - (PER_WRITER + FIXED / 2 - i) % (FIXED / 2);
                    (s as i64, encode(s, last))
                })
                .collect();
            want.extend(
                (0..2).flat_map(|t| (1..=PER_WRITER).map(move |i| appended(t, i))).map(|k| (k as i64, encode(k, 0))),
            );
            want.sort_unstable();
            assert_eq!(got, want, "every key once with its last value, no transient key left");
            assert_eq!(dd.len(), FIXED + 2 * PER_WRITER);
        })
        .unwrap();
    drop(dict);
    interp.destroy().unwrap();
}

/// The write sequence of the calling thread's reclamation domain and how many items it holds.
fn qsbr_state() -> (u64, usize) {
    let a = crate::object::attachment::current().expect("attached");
    // SAFETY: the record of the state attached on this thread; the closure runs no object code.
    unsafe { a.as_ref().with_qsbr(|q| (q.shared().write_sequence(), q.pending())) }.expect("free-threaded")
}

/// Fills `d` with `n` int keys (resizing its block again and again), deletes half and clears it.
fn churn(d: &crate::object::dict::DictObject, n: usize) {
    for k in 0..n {
        d.set(new_int(k as i64).unwrap(), new_int(k as i64).unwrap()).unwrap();
    }
    for k in (0..n).step_by(2) {
        d.remove(&new_int(k as i64).unwrap()).unwrap().expect("present");
    }
    for k in n..2 * n {
        d.set(new_int(k as i64).unwrap(), new_int(k as i64).unwrap()).unwrap();
    }
    assert_eq!(d.len(), n + n / 2);
    d.clear();
}

#[test]
fn a_dict_used_by_its_owner_alone_retires_nothing() {
    Runtime::initialize();
    let interp = Interpreter::new(InterpreterConfig::free_threaded()).unwrap();
    interp
        .attach(|_py| {
            let d = new_dict().unwrap();
            let dd = as_dict(&d).unwrap();
            let before = qsbr_state();
            churn(dd, 5_000);
            // Lock-free reads by the owner mark nothing.
            assert!(dd.get(&new_int(1).unwrap()).unwrap().is_none());
            churn(dd, 100);
            assert!(!dd.is_shared());
            assert_eq!(qsbr_state(), before, "no block retired, the write sequence unchanged");
        })
        .unwrap();
    interp.destroy().unwrap();
}

#[test]
fn a_foreign_reader_marks_the_dict_shared_and_later_resizes_retire() {
    Runtime::initialize();
    let interp = Interpreter::new(InterpreterConfig::free_threaded()).unwrap();
    let dict: Py = interp
        .attach(|py| {
            let d = new_dict().unwrap();
            let dd = as_dict(&d).unwrap();
            dd.set(new_int(7).unwrap(), new_int(BASE).unwrap()).unwrap();
            assert!(!dd.is_shared());
            Bound::new_ref(py, &d).unbind()
        })
        .unwrap();
    let dict = Arc::new(dict);
    {
        let (interp, dict) = (interp.clone(), dict.clone());
        std::thread::spawn(move || {
            interp
                .attach(|py| {
                    let d = dict.clone_ref(py).bind(py);
                    let dd = as_dict(&d).unwrap();
                    let v = dd.get(&new_int(7).unwrap()).unwrap().expect("present");
                    assert_eq!(int_value(&v), Some(BASE));
                    assert!(dd.is_shared(), "the first foreign lock-free read marks the dict");
                })
                .unwrap()
        })
        .join()
        .unwrap();
    }
    interp
        .attach(|py| {
            let d = dict.clone_ref(py).bind(py);
            let dd = as_dict(&d).unwrap();
            let (seq, _) = qsbr_state();
            churn(dd, 100);
            assert!(qsbr_state().0 > seq, "the owner's resizes of a shared dict retire the old blocks");
        })
        .unwrap();
    drop(dict);
    interp.destroy().unwrap();
}

#[test]
fn a_foreign_writer_retires_and_marks_the_dict_shared() {
    Runtime::initialize();
    let interp = Interpreter::new(InterpreterConfig::free_threaded()).unwrap();
    let dict: Py = interp.attach(|py| Bound::new_ref(py, &new_dict().unwrap()).unbind()).unwrap();
    let dict = Arc::new(dict);
    {
        let (interp, dict) = (interp.clone(), dict.clone());
        std::thread::spawn(move || {
            interp
                .attach(|py| {
                    let d = dict.clone_ref(py).bind(py);
                    let dd = as_dict(&d).unwrap();
                    let (seq, _) = qsbr_state();
                    churn(dd, 100);
                    assert!(dd.is_shared(), "a writer that is not the owner marks the dict");
                    assert!(qsbr_state().0 > seq, "and retires the blocks it replaces");
                })
                .unwrap()
        })
        .join()
        .unwrap();
    }
    drop(dict);
    interp.destroy().unwrap();
}
