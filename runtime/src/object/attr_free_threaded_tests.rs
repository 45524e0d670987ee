//! Instance attributes set and read without any lock by four threads of one free-threaded
//! interpreter (the proof of `inline_values`' thread rules): every thread stores its own
//! attribute on instances of one class — four new names racing into the class's shared keys
//! from four instances' sections — and reads its own back exactly and the others' plausibly,
//! through the generic read (`get_attr`) and the specialised one (`value_at` by key index).
//! Meanwhile one thread materialises the dicts of half the instances (the values move into a
//! dict under the readers) and another keeps replacing a fifth instance's `__dict__` with new
//! dicts (the old one is released while readers may hold it). Python code runs nowhere here,
//! so the language lock of `pyrt::run` is not involved: only the objects' critical sections.

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

use crate::Runtime;
use crate::object::dict::{as_dict, new_dict, value_ref_in_dict_slot};
use crate::object::inline_values as values;
use crate::object::int::{int_value, new_int};
use crate::object::obj::Obj;
use crate::object::{Bound, Py};
use crate::{Interpreter, InterpreterConfig};

/// Stored values are large ints (never the cached small ones, so replaced ones are freed).
const BASE: i64 = 1 << 40;
const THREADS: usize = 4;
const OBJECTS: usize = 8;
const ROUNDS: usize = 3_000;

const SRC: &str = "\
class C:
    def __init__(self):
        self.a = 1
        self.b = 2
        self.c = 3
        self.d = 4
        self.e = 5
        self.f = 6
objs = [C() for _ in range(8)]
swapped = C()
swapped.__dict__ = {'v': 1 << 40}
";

fn name(t: usize) -> Obj {
    interned(&format!("x{t}"))
}

fn interned(s: &str) -> Obj {
    Obj::new_ref(&crate::object::intern(s).ob_base)
}

fn value(i: usize) -> Obj {
    new_int(BASE + i as i64).expect("an int")
}

/// The round a read value says it was stored in.
fn round(v: &Obj) -> usize {
    let n = int_value(v).expect("an int value") - BASE;
    assert!((0..=ROUNDS as i64).contains(&n), "a value no thread stored: {n}");
    n as usize
}

#[test]
fn four_threads_set_and_read_attributes_of_one_class_without_a_lock() {
    Runtime::initialize();
    let interp = Interpreter::new(InterpreterConfig::free_threaded()).expect("an interpreter");
    let (objs, swapped): (Vec<Py>, Py) = interp
        .attach(|py| {
            let code = pyrt_compile::compile(SRC, "<t>", pyrt_compile::Mode::Module).expect("compiles");
            let globals = crate::eval::run_module(code, "__main__", "<t>").expect("runs");
            let g = as_dict(&globals).expect("a dict");
            let get = |n: &str| g.get_str(&crate::object::intern(n).ob_base).expect("bound");
            let bind = |o: &Obj| Bound::new_ref(py, o).unbind();
            let list = get("objs");
            let objs = crate::object::list::as_list(&list).expect("a list").items().iter().map(bind).collect();
            (objs, bind(&get("swapped")))
        })
        .expect("attached");
    assert_eq!(objs.len(), OBJECTS);
    let (objs, swapped) = (Arc::new(objs), Arc::new(swapped));
    let started = Arc::new(AtomicUsize::new(0));
    // Threads past their first round: every name is stored before dicts are materialised (so
    // no name is inserted into a materialised dict afterwards, whose lock-free lookups racing
    // a resize are `dict.rs`'s to make safe).
    let first_round = Arc::new(AtomicUsize::new(0));
    let threads: Vec<_> = (0..THREADS)
        .map(|t| {
            let (interp, objs, swapped) = (interp.clone(), objs.clone(), swapped.clone());
            let (started, first_round) = (started.clone(), first_round.clone());
            std::thread::spawn(move || {
                interp
                    .attach(|py| {
                        let objs: Vec<Bound> = objs.iter().map(|o| o.clone_ref(py).bind(py)).collect();
                        let swapped = swapped.clone_ref(py).bind(py);
                        let v_name = interned("v");
                        let mine = name(t);
                        started.fetch_add(1, Ordering::SeqCst);
                        while started.load(Ordering::SeqCst) < THREADS {
                            std::hint::spin_loop();
                        }
                        let mut last_seen = [[0usize; THREADS]; OBJECTS];
                        for i in 1..=ROUNDS {
                            for (k, o) in objs.iter().enumerate() {
                                let stored = values::set_attr(o, &mine, Some(&value(i))).expect("stored");
                                assert!(matches!(stored, values::Stored::Done));
                                let got = values::get_attr(o, &mine).expect("my attribute");
                                assert_eq!(round(&got), i, "thread {t} reads its own store back");
                                // The specialised read, when the instance still keeps values
                                // inline (else a miss, which the generic read handles).
                                if let Some(ix) = values::key_index(o.type_object(), &mine) {
                                    if let Some(got) = values::value_at(o, ix) {
                                        assert_eq!(round(&got), i, "the value word holds the store");
                                    }
                                }
                                for u in (0..THREADS).filter(|&u| u != t) {
                                    if let Some(theirs) = values::get_attr(o, &name(u)) {
                                        // A thread's stores to one attribute only grow.
                                        let r = round(&theirs);
                                        assert!(r >= last_seen[k][u], "went back from {} to {r}", last_seen[k][u]);
                                        last_seen[k][u] = r;
                                    }
                                }
                                // The original attributes are never written after `__init__`.
                                let a = values::get_attr(o, &crate::object::intern("a").ob_base).expect("a");
                                assert_eq!(int_value(&a), Some(1));
                            }
                            if i == 1 {
                                first_round.fetch_add(1, Ordering::SeqCst);
                            }
                            match t {
                                // Half the instances get a dict half-way: their values move into
                                // it under the other threads' reads and writes.
                                0 if i == ROUNDS / 2 => {
                                    while first_round.load(Ordering::SeqCst) < THREADS {
                                        py.check_eval_breaker().expect("no exception");
                                        std::thread::yield_now();
                                    }
                                    for o in objs.iter().step_by(2) {
                                        assert!(values::instance_dict(o).expect("a dict").is_some());
                                    }
                                }
                                // The fifth instance's dict is replaced again and again: the old
                                // one is released while the others may be reading it.
                                1 => {
                                    let d = new_dict().expect("a dict");
                                    as_dict(&d).expect("a dict").set(v_name.clone(), value(i)).expect("set");
                                    values::set_instance_dict(&swapped, Some(&d)).expect("assigned");
                                }
                                _ => {
                                    if let Some(v) = values::get_attr(&swapped, &v_name) {
                                        round(&v);
                                    }
                                    // The hinted read of `LOAD_ATTR_WITH_HINT`: every dict
                                    // stored in the slot holds `v_name` alone, at entry 0.
                                    let slot = crate::object::attr::dict_slot(&swapped).expect("a dict slot");
                                    // SAFETY: the slot is `swapped`'s `__dict__` word, written in
                                    // its section (`set_instance_dict`).
                                    let hinted = unsafe { value_ref_in_dict_slot(&swapped, &slot, 0, &v_name, None) };
                                    if let Some(v) = hinted {
                                        round(&v);
                                    }
                                }
                            }
                            if i % 32 == 0 {
                                // A quiescent point: retired storage may be freed from here on.
                                py.check_eval_breaker().expect("no exception");
                            }
                        }
                    })
                    .expect("attached")
            })
        })
        .collect();
    for t in threads {
        t.join().expect("no thread failed");
    }
    interp
        .attach(|py| {
            for (k, o) in objs.iter().enumerate() {
                let o = o.clone_ref(py).bind(py);
                for t in 0..THREADS {
                    let got = values::get_attr(&o, &name(t)).expect("every thread's attribute");
                    assert_eq!(round(&got), ROUNDS, "object {k}, thread {t}: the last store");
                }
                let shown = crate::object::abstract_ops::repr_text(&values::instance_dict(&o).unwrap().unwrap());
                let want = format!(
                    "{{'a': 1, 'b': 2, 'c': 3, 'd': 4, 'e': 5, 'f': 6, {}}}",
                    (0..THREADS).map(|t| format!("'x{t}': {}", BASE + ROUNDS as i64)).collect::<Vec<_>>().join(", ")
                );
                // The four names were stored in a racing order: compare as sets of entries.
                let mut got: Vec<String> =
                    shown.expect("a repr").trim_matches(['{', '}']).split(", ").map(String::from).collect();
                let mut want: Vec<String> = want.trim_matches(['{', '}']).split(", ").map(String::from).collect();
                got.sort();
                want.sort();
                assert_eq!(got, want, "object {k}");
            }
            let s = swapped.clone_ref(py).bind(py);
            let v = values::get_attr(&s, &crate::object::intern("v").ob_base).expect("v");
            assert_eq!(round(&v), ROUNDS);
        })
        .expect("attached");
    drop((objs, swapped));
    interp.destroy().expect("destroyed");
}

/// Classes for the keys race: each `__init__` stores two names (room for four more).
const CLASSES: usize = 100;

/// Four threads each store a new name on their own instance of one class at the same moment
/// (a barrier per class): the four appends race into the class's shared keys from four
/// instances' sections. Each name must get its own key: every thread reads its value back,
/// and the class ends with exactly six keys.
#[test]
fn new_names_from_instances_of_one_class_each_get_their_own_key() {
    Runtime::initialize();
    let interp = Interpreter::new(InterpreterConfig::free_threaded()).expect("an interpreter");
    let src = format!(
        "class Base:\n    def __init__(self):\n        self.a = 1\n        self.b = 2\n\
         classes = [type('K', (Base,), {{}}) for _ in range({CLASSES})]\n\
         insts = [[k() for k in classes] for _ in range({THREADS})]\n"
    );
    let insts: Vec<Vec<Py>> = interp
        .attach(|py| {
            let code = pyrt_compile::compile(&src, "<t>", pyrt_compile::Mode::Module).expect("compiles");
            let globals = crate::eval::run_module(code, "__main__", "<t>").expect("runs");
            let g = as_dict(&globals).expect("a dict");
            let rows = g.get_str(&crate::object::intern("insts").ob_base).expect("bound");
            let list = |o: &Obj| crate::object::list::as_list(o).expect("a list").items().to_vec();
            list(&rows).iter().map(|row| list(row).iter().map(|o| Bound::new_ref(py, o).unbind()).collect()).collect()
        })
        .expect("attached");
    let insts = Arc::new(insts);
    let arrived = Arc::new(AtomicUsize::new(0));
    let threads: Vec<_> = (0..THREADS)
        .map(|t| {
            let (interp, insts, arrived) = (interp.clone(), insts.clone(), arrived.clone());
            std::thread::spawn(move || {
                interp
                    .attach(|py| {
                        let mine = name(t);
                        for (k, o) in insts[t].iter().enumerate() {
                            let o = o.clone_ref(py).bind(py);
                            arrived.fetch_add(1, Ordering::SeqCst);
                            while arrived.load(Ordering::SeqCst) < (k + 1) * THREADS {
                                std::thread::yield_now();
                            }
                            let stored = values::set_attr(&o, &mine, Some(&value(k))).expect("stored");
                            assert!(matches!(stored, values::Stored::Done));
                            assert!(values::has_valid_values(&o), "four new names fit inline");
                            let got = values::get_attr(&o, &mine).expect("my attribute");
                            assert_eq!(round(&got), k, "class {k}: thread {t}'s name kept its key");
                        }
                    })
                    .expect("attached")
            })
        })
        .collect();
    for t in threads {
        t.join().expect("no thread failed");
    }
    interp
        .attach(|py| {
            for k in 0..CLASSES {
                let o = insts[0][k].clone_ref(py).bind(py);
                let ty = o.type_object();
                let mut ixs: Vec<usize> =
                    (0..THREADS).map(|t| values::key_index(ty, &name(t)).expect("every name is a key")).collect();
                ixs.sort_unstable();
                assert_eq!(ixs, vec![2, 3, 4, 5], "class {k}: one key per name, after a and b");
            }
        })
        .expect("attached");
    drop(insts);
    interp.destroy().expect("destroyed");
}

/// Stores per thread in the slot-member test.
const SLOT_ROUNDS: usize = 20_000;

/// Four threads write and read the same `__slots__` member of one instance, through the
/// descriptor (`generic_setattr` / `generic_getattr`: `member_set` / `member_get`) and through
/// the specialised forms' accessors (`store_member` / `load_member`). Two threads store `x`,
/// two store `y`. A write that loaded the old value outside the instance's section would let
/// two writers take, and drop, the same old reference while one of the new ones is lost, so the
/// counts of `x` and `y` would drift (and a drift downwards frees a live object). At the end,
/// with the member deleted, both counts are what they were before.
#[test]
fn four_threads_write_and_read_one_slot_member_without_a_lock() {
    Runtime::initialize();
    let interp = Interpreter::new(InterpreterConfig::free_threaded()).expect("an interpreter");
    let src = "class S:\n    __slots__ = ('m',)\ns = S()\nx = 1 << 50\ny = 1 << 51\n";
    let (s, x, y, offset): (Py, Py, Py, usize) = interp
        .attach(|py| {
            let code = pyrt_compile::compile(src, "<t>", pyrt_compile::Mode::Module).expect("compiles");
            let globals = crate::eval::run_module(code, "__main__", "<t>").expect("runs");
            let g = as_dict(&globals).expect("a dict");
            let get = |n: &str| g.get_str(&crate::object::intern(n).ob_base).expect("bound");
            let s = get("s");
            let descr = crate::object::attr::lookup_str(s.type_object(), "m").expect("the member");
            let offset = crate::object::member::as_member(&descr).expect("a member descriptor").offset;
            let bind = |o: &Obj| Bound::new_ref(py, o).unbind();
            (bind(&s), bind(&get("x")), bind(&get("y")), offset)
        })
        .expect("attached");
    let before =
        interp.attach(|py| (x.clone_ref(py).bind(py).refcnt(), y.clone_ref(py).bind(py).refcnt())).expect("attached");
    let shared = Arc::new((s, x, y));
    let started = Arc::new(AtomicUsize::new(0));
    let threads: Vec<_> = (0..THREADS)
        .map(|t| {
            let (interp, shared, started) = (interp.clone(), shared.clone(), started.clone());
            std::thread::spawn(move || {
                interp
                    .attach(|py| {
                        let (s, x, y) = &*shared;
                        let s = s.clone_ref(py).bind(py);
                        let mine = if t % 2 == 0 { x.clone_ref(py).bind(py) } else { y.clone_ref(py).bind(py) };
                        let (x, y) = (x.clone_ref(py).bind(py), y.clone_ref(py).bind(py));
                        let m = interned("m");
                        started.fetch_add(1, Ordering::SeqCst);
                        while started.load(Ordering::SeqCst) < THREADS {
                            std::hint::spin_loop();
                        }
                        for i in 0..SLOT_ROUNDS {
                            if (i + t) % 2 == 0 {
                                crate::object::attr::generic_setattr(&s, &m, Some(&mine)).expect("stored");
                            } else {
                                // SAFETY: `offset` is the member's, and `s` is an instance of
                                // the class that defined it.
                                drop(unsafe {
                                    crate::object::member::store_member(&s, offset, Some(Obj::new_ref(&mine)))
                                });
                            }
                            let read = crate::object::attr::generic_getattr(&s, &m).expect("set by now");
                            assert!(read.is(&x) || read.is(&y), "a value some thread stored");
                            // SAFETY: as above.
                            let loaded = unsafe { crate::object::member::load_member(&s, offset) }.expect("set");
                            assert!(loaded.is(&x) || loaded.is(&y), "a value some thread stored");
                            if i % 64 == 0 {
                                py.check_eval_breaker().expect("no exception");
                            }
                        }
                    })
                    .expect("attached")
            })
        })
        .collect();
    for t in threads {
        t.join().expect("no thread failed");
    }
    let (s, x, y) = Arc::into_inner(shared).expect("the threads are gone");
    interp
        .attach(|py| {
            let s = s.clone_ref(py).bind(py);
            crate::object::attr::generic_setattr(&s, &interned("m"), None).expect("deleted");
        })
        .expect("attached");
    let after =
        interp.attach(|py| (x.clone_ref(py).bind(py).refcnt(), y.clone_ref(py).bind(py).refcnt())).expect("attached");
    assert_eq!(after, before, "every store's reference was dropped exactly once");
    drop((s, x, y));
    interp.destroy().expect("destroyed");
}
