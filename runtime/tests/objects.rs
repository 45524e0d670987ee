//! Objects: header, biased reference counting across threads, immortals, strategies.

mod common;

use std::ptr::NonNull;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Barrier, mpsc};

use pyrt::object::header::shared;
use pyrt::object::types::{IntObject, TypeObject};
use pyrt::object::{self, Bound, Py, PyObject, RefcountStrategy, immortals, intern, thread_id, types};
use pyrt::{Interpreter, InterpreterConfig};

static DEALLOCS: AtomicUsize = AtomicUsize::new(0);
/// Deallocations that ran with no current thread state (a container's deallocator would hit a
/// fatal error there when it releases its children).
static DEALLOCS_DETACHED: AtomicUsize = AtomicUsize::new(0);

/// A type whose deallocator counts, then frees the block like `int`'s.
///
/// # Safety
///
/// As every deallocator: called once, for an object of this type with no reference left.
unsafe fn counting_dealloc(op: NonNull<PyObject>) {
    DEALLOCS.fetch_add(1, Ordering::SeqCst);
    if pyrt::state::thread_state::current().is_none() {
        DEALLOCS_DETACHED.fetch_add(1, Ordering::SeqCst);
    }
    // SAFETY: forwarded deallocator contract: an arena object with no reference left.
    unsafe { object::alloc::free_object(op) };
}

fn counting_type() -> &'static TypeObject {
    static T: std::sync::OnceLock<usize> = std::sync::OnceLock::new();
    let addr = *T.get_or_init(|| {
        // SAFETY: instances are IntObject-sized arena blocks, which `counting_dealloc` frees.
        unsafe {
            TypeObject::leak_static(types().type_type, "Counted", size_of::<IntObject>(), counting_dealloc) as *const _
                as usize
        }
    });
    // SAFETY: leaked, so 'static.
    unsafe { &*(addr as *const TypeObject) }
}

fn new_counted(py: pyrt::Python<'_>, v: i64) -> Bound<'_> {
    // SAFETY: IntObject starts with the header; the counting type frees IntObject-sized blocks.
    unsafe { object::alloc_object(py, counting_type(), |ob_base| IntObject { ob_base, value: v, big: None }) }.unwrap()
}

#[test]
fn a_new_object_is_owned_by_its_thread_with_one_local_reference() {
    let _s = common::serial();
    let interp = Interpreter::new(InterpreterConfig::free_threaded()).unwrap();
    interp
        .attach(|py| {
            let o = object::new_int(py, 1_000_000).unwrap();
            assert_eq!(o.tid(), thread_id());
            assert_eq!(o.ref_local(), 1);
            assert_eq!(o.ref_shared(), 0);
            assert_eq!(o.refcnt(), 1);
            assert_eq!(object::int_value(&o), Some(1_000_000));
            let o2 = o.clone();
            assert_eq!(o.ref_local(), 2, "the owner counts locally");
            drop(o2);
            assert_eq!(o.refcnt(), 1);
            let s = object::new_str(py, "héllo").unwrap();
            assert_eq!(object::str_value(&s), Some("héllo"));
            assert_eq!(object::str_value(&object::new_str(py, "").unwrap()), Some(""));
        })
        .unwrap();
}

#[test]
fn exact_counts_after_cross_thread_traffic() {
    let _s = common::serial();
    let interp = Interpreter::new(InterpreterConfig::free_threaded()).unwrap();
    let before = DEALLOCS.load(Ordering::SeqCst);
    let threads = 4;
    let (obj_tx, obj_rx) = mpsc::channel::<Py>();
    let owner = {
        let interp = interp.clone();
        std::thread::spawn(move || {
            interp
                .attach(|py| {
                    let o = new_counted(py, 7);
                    for _ in 0..threads {
                        obj_tx.send(o.clone().unbind()).unwrap();
                    }
                    drop(o);
                    // The owner keeps checking its breaker (merging) until the object is gone.
                    while DEALLOCS.load(Ordering::SeqCst) == before {
                        py.check_eval_breaker().unwrap();
                        std::thread::yield_now();
                    }
                })
                .unwrap()
        })
    };
    let barrier = Arc::new(Barrier::new(threads));
    let workers: Vec<_> = (0..threads)
        .map(|_| {
            let o = obj_rx.recv().unwrap();
            let (interp, barrier) = (interp.clone(), barrier.clone());
            std::thread::spawn(move || {
                interp
                    .attach(|py| {
                        let o = o.bind(py);
                        barrier.wait();
                        for _ in 0..10_000 {
                            // No assertion on `refcnt()` here: read by a stranger while the
                            // owner merges, its sum of the two counts is a racy snapshot.
                            let c = o.clone();
                            drop(c);
                        }
                        drop(o);
                    })
                    .unwrap()
            })
        })
        .collect();
    for w in workers {
        w.join().unwrap();
    }
    owner.join().unwrap();
    assert_eq!(DEALLOCS.load(Ordering::SeqCst) - before, 1, "freed exactly once");
}

#[test]
fn a_stranger_dropping_to_zero_queues_to_the_owner_who_merges() {
    let _s = common::serial();
    let interp = Interpreter::new(InterpreterConfig::free_threaded()).unwrap();
    interp
        .attach(|py| {
            let before = DEALLOCS.load(Ordering::SeqCst);
            let o = new_counted(py, 1);
            let theirs = o.clone().unbind(); // local 2
            let interp2 = interp.clone();
            std::thread::spawn(move || interp2.attach(|py| drop(theirs.bind(py))).unwrap()).join().unwrap();
            // The stranger found the shared count at 0: the object is queued, not decremented.
            assert_eq!(o.ref_shared(), shared::QUEUED);
            assert_ne!(py.thread_state().eval_breaker() & pyrt::state::breaker::EXPLICIT_MERGE_BIT, 0);
            py.check_eval_breaker().unwrap();
            // Merged: unowned, count 1 (ours), flags MERGED.
            assert_eq!(o.tid(), 0);
            assert_eq!(o.ref_shared(), shared::ONE | shared::MERGED);
            assert_eq!(o.refcnt(), 1);
            drop(o);
            assert_eq!(DEALLOCS.load(Ordering::SeqCst) - before, 1);
        })
        .unwrap();
}

#[test]
fn the_owner_gives_up_ownership_when_its_local_count_ends() {
    let _s = common::serial();
    let interp = Interpreter::new(InterpreterConfig::free_threaded()).unwrap();
    let before = DEALLOCS.load(Ordering::SeqCst);
    let (addr_tx, addr_rx) = mpsc::channel::<usize>();
    let (ref_tx, ref_rx) = mpsc::channel::<Py>();
    let stranger = {
        let interp = interp.clone();
        std::thread::spawn(move || {
            interp
                .attach(|py| {
                    let addr = addr_rx.recv().unwrap();
                    // SAFETY: test code: the owner keeps the object alive until we answer.
                    let obj: &PyObject = unsafe { &*(addr as *const PyObject) };
                    let mine = Bound::new_ref(py, obj); // a non-owner incref: shared count 1
                    assert_eq!(obj.ref_shared(), shared::ONE);
                    ref_tx.send(mine.unbind()).unwrap();
                })
                .unwrap()
        })
    };
    interp
        .attach(|py| {
            let o = new_counted(py, 3);
            addr_tx.send(o.as_ptr().as_ptr() as usize).unwrap();
            let theirs = ref_rx.recv().unwrap().bind(py);
            drop(o); // local 1 -> 0 with shared 1: give up ownership
            assert_eq!(theirs.tid(), 0, "the owner gave up ownership");
            assert_eq!(theirs.ref_shared(), shared::ONE | shared::MERGED);
            assert_eq!(DEALLOCS.load(Ordering::SeqCst), before);
            drop(theirs); // the last (shared) reference
        })
        .unwrap();
    stranger.join().unwrap();
    assert_eq!(DEALLOCS.load(Ordering::SeqCst) - before, 1);
}

#[test]
fn objects_queued_to_an_exited_owner_are_merged_by_its_cleanup() {
    let _s = common::serial();
    let interp = Interpreter::new(InterpreterConfig::free_threaded()).unwrap();
    let before = DEALLOCS.load(Ordering::SeqCst);
    let (tx, rx) = mpsc::channel::<Py>();
    let (go_tx, go_rx) = mpsc::channel::<()>();
    let owner = {
        let interp = interp.clone();
        std::thread::spawn(move || {
            // The owner's state comes from attach and is deleted when the closure returns,
            // without ever checking its breaker.
            interp
                .attach(|py| {
                    let o = new_counted(py, 5);
                    tx.send(o.clone().unbind()).unwrap();
                    go_rx.recv().unwrap();
                    drop(o);
                })
                .unwrap()
        })
    };
    let theirs = rx.recv().unwrap();
    // The stranger drops its reference while the owner is alive: queued.
    interp.attach(|py| drop(theirs.bind(py))).unwrap();
    go_tx.send(()).unwrap();
    owner.join().unwrap();
    assert_eq!(DEALLOCS.load(Ordering::SeqCst) - before, 1, "cleanup merged and freed the queued object");
}

#[test]
fn an_unbound_reference_dropped_elsewhere_is_released_at_the_next_attach() {
    let _s = common::serial();
    let interp = Interpreter::new(InterpreterConfig::isolated()).unwrap();
    let before = DEALLOCS.load(Ordering::SeqCst);
    let kept: Py = interp.attach(|py| new_counted(py, 11).unbind()).unwrap();
    drop(kept); // not attached anywhere: deferred
    assert_eq!(DEALLOCS.load(Ordering::SeqCst), before);
    interp.attach(|_py| {}).unwrap();
    assert_eq!(DEALLOCS.load(Ordering::SeqCst) - before, 1, "run by the next attach");
    // After destroy, dropping an unbound reference does nothing (the arena is gone).
    let orphan: Py = interp.attach(|py| object::new_str(py, "orphan").unwrap().unbind()).unwrap();
    interp.destroy().unwrap();
    drop(orphan);
}

#[test]
fn immortals_are_shared_and_never_written() {
    let _s = common::serial();
    let imm = immortals();
    let a = Interpreter::new(InterpreterConfig::isolated()).unwrap();
    let b = Interpreter::new(InterpreterConfig::free_threaded()).unwrap();
    let grab = |i: &Interpreter| {
        i.attach(|py| {
            let none = Bound::new_ref(py, imm.none);
            let five = object::new_int(py, 5).unwrap();
            let s = Bound::new_ref(py, &intern("spam").ob_base);
            (none.as_ptr(), five.as_ptr(), s.as_ptr())
        })
        .unwrap()
    };
    let (pa, pb) = (grab(&a), grab(&b));
    assert_eq!(pa, pb, "the same immortal objects in both interpreters");
    let objs = [
        imm.none,
        &imm.true_.ob_base,
        &imm.false_.ob_base,
        imm.ellipsis,
        imm.not_implemented,
        &imm.small_int(-5).unwrap().ob_base,
        &imm.small_int(256).unwrap().ob_base,
        &intern("spam").ob_base,
        &types().int_type.ob_base,
    ];
    a.attach(|py| {
        for obj in objs {
            assert!(obj.is_immortal());
            let before = (obj.ref_local(), obj.ref_shared());
            let refs: Vec<Bound<'_>> = (0..100).map(|_| Bound::new_ref(py, obj)).collect();
            drop(refs);
            assert_eq!((obj.ref_local(), obj.ref_shared()), before);
        }
    })
    .unwrap();
    assert!(imm.small_int(257).is_none() && imm.small_int(-6).is_none());
    assert!(std::ptr::eq(intern("spam"), intern(&String::from("spam"))));
    assert_eq!(intern("spam").as_str(), "spam");
}

fn strategy_round_trip(strategy: RefcountStrategy, lock: pyrt::LockKind) {
    let interp =
        Interpreter::new(InterpreterConfig { refcount: strategy, lock, ..InterpreterConfig::isolated() }).unwrap();
    let before = DEALLOCS.load(Ordering::SeqCst);
    interp
        .attach(|py| {
            let o = new_counted(py, 9);
            assert_eq!(o.strategy(), strategy);
            let clones: Vec<_> = (0..10).map(|_| o.clone()).collect();
            assert_eq!(o.refcnt(), 11);
            drop(clones);
            assert_eq!(o.refcnt(), 1);
            let moved = o.clone().unbind();
            let interp2 = interp.clone();
            // Detach while the other thread works: with a lock it needs the lock to attach.
            py.detach(|| {
                std::thread::spawn(move || {
                    interp2
                        .attach(|py| {
                            let theirs = moved.bind(py);
                            let again = theirs.clone();
                            if strategy == RefcountStrategy::NonAtomic {
                                // Another thread, serialised by the lock: still the local count.
                                assert_eq!((theirs.ref_local(), theirs.ref_shared()), (3, 0));
                            }
                            drop((theirs, again));
                        })
                        .unwrap()
                })
                .join()
                .unwrap()
            });
            py.check_eval_breaker().unwrap();
            assert_eq!(o.refcnt(), 1);
            if strategy == RefcountStrategy::Atomic {
                // Born merged with no owner: counted in the shared word only, by every thread.
                assert_eq!((o.tid(), o.ref_local(), o.ref_shared()), (0, 0, 4 | 3));
            }
            drop(o);
        })
        .unwrap();
    assert_eq!(DEALLOCS.load(Ordering::SeqCst) - before, 1, "{strategy:?}");
}

#[test]
fn all_three_strategies_count_correctly() {
    let _s = common::serial();
    strategy_round_trip(RefcountStrategy::Biased, pyrt::LockKind::None);
    strategy_round_trip(RefcountStrategy::Atomic, pyrt::LockKind::None);
    strategy_round_trip(RefcountStrategy::NonAtomic, pyrt::LockKind::Own);
    let bad = InterpreterConfig { refcount: RefcountStrategy::NonAtomic, ..InterpreterConfig::free_threaded() };
    assert!(Interpreter::new(bad).is_err(), "non-atomic counting needs a lock");
}

#[test]
fn fatal_binding_to_another_interpreter() {
    const N: &str = "fatal_binding_to_another_interpreter";
    if common::is_child(N) {
        pyrt::Runtime::initialize();
        let a = Interpreter::new(InterpreterConfig::isolated()).unwrap();
        let b = Interpreter::new(InterpreterConfig::isolated()).unwrap();
        let obj = a.attach(|py| object::new_str(py, "mine").unwrap().unbind()).unwrap();
        b.attach(|py| drop(obj.bind(py))).unwrap();
        std::process::exit(3);
    }
    common::assert_fatal(N, N, "Py::bind", "the object belongs to another interpreter");
}

/// §1.1: a raw object of interpreter A entering a handle under B's token is refused (before, the
/// handle was made, `unbind` recorded B, and destroying A left it dangling). Small (chunk) and
/// large objects are both looked up in B's arena; immortals stay shareable.
#[test]
fn fatal_new_ref_of_another_interpreters_object() {
    const N: &str = "fatal_new_ref_of_another_interpreters_object";
    for scenario in ["small", "large", "borrowed"] {
        let name = format!("{N}:{scenario}");
        if common::is_child(&name) {
            pyrt::Runtime::initialize();
            let a = Interpreter::new(InterpreterConfig::isolated()).unwrap();
            let b = Interpreter::new(InterpreterConfig::free_threaded()).unwrap();
            let text = if scenario == "large" { "x".repeat(4096) } else { "mine".to_string() };
            let kept = a.attach(|py| object::new_str(py, &text).unwrap().unbind()).unwrap();
            let addr = kept.as_ptr().as_ptr() as usize;
            b.attach(|py| {
                // The immortals and B's own objects pass the check.
                drop(Bound::new_ref(py, immortals().none));
                let own = object::new_str(py, &text).unwrap();
                drop(Bound::new_ref(py, &own));
                // SAFETY: test code: `kept` keeps the object alive; this stands for any way a raw
                // object of A could reach B (the safe API has none left).
                let foreign: &PyObject = unsafe { &*(addr as *const PyObject) };
                if scenario == "borrowed" {
                    drop(object::Borrowed::new(py, foreign).to_owned().unbind());
                } else {
                    drop(Bound::new_ref(py, foreign).unbind());
                }
            })
            .unwrap();
            std::process::exit(3);
        }
    }
    for (scenario, func) in [("small", "Bound::new_ref"), ("large", "Bound::new_ref"), ("borrowed", "Borrowed::new")] {
        common::assert_fatal(N, &format!("{N}:{scenario}"), func, "the object belongs to another interpreter");
    }
}

/// §1.5: deleting a thread state of an interpreter with a lock used to clear the current-state
/// slot before merging the objects queued to its thread, so their deallocators ran with no
/// current state. The merge now runs while the state is still attached.
#[test]
fn objects_queued_to_a_deleted_state_are_freed_while_it_is_attached() {
    let _s = common::serial();
    let interp = Interpreter::new(InterpreterConfig::isolated()).unwrap();
    let (before, detached_before) = (DEALLOCS.load(Ordering::SeqCst), DEALLOCS_DETACHED.load(Ordering::SeqCst));
    interp
        .attach(|py| {
            let o = new_counted(py, 7);
            let theirs = o.clone().unbind();
            py.detach(|| {
                // A stranger drops its reference: the shared count is 0, so it is queued to us.
                let interp = interp.clone();
                std::thread::spawn(move || interp.attach(|py| drop(theirs.bind(py))).unwrap()).join().unwrap();
            });
            drop(o);
            // No breaker check: the queue is merged when this state is deleted, right after.
        })
        .unwrap();
    assert_eq!(DEALLOCS.load(Ordering::SeqCst) - before, 1, "merged and freed at deletion");
    assert_eq!(DEALLOCS_DETACHED.load(Ordering::SeqCst) - detached_before, 0, "freed while attached");
}

/// §1.6: decrements of unbound handles dropped where their interpreter is not attached used to
/// run only at the next attach, so a free-threaded thread that never detaches let them pile up.
/// They now set an eval-breaker bit, and the attached thread's next check runs them.
#[test]
fn deferred_decrefs_run_at_a_breaker_check_of_a_thread_that_never_detaches() {
    let _s = common::serial();
    let interp = Interpreter::new(InterpreterConfig::free_threaded()).unwrap();
    let before = DEALLOCS.load(Ordering::SeqCst);
    let (tx, rx) = mpsc::channel::<Vec<Py>>();
    let worker = {
        let interp = interp.clone();
        std::thread::spawn(move || {
            interp
                .attach(|py| {
                    tx.send((0..10).map(|v| new_counted(py, v).unbind()).collect()).unwrap();
                    // Stay attached, checking the breaker, until they are freed (or give up).
                    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(5);
                    while DEALLOCS.load(Ordering::SeqCst) - before < 10 && std::time::Instant::now() < deadline {
                        py.check_eval_breaker().unwrap();
                        std::thread::yield_now();
                    }
                })
                .unwrap()
        })
    };
    drop(rx.recv().unwrap()); // not attached here: deferred
    worker.join().unwrap();
    assert_eq!(DEALLOCS.load(Ordering::SeqCst) - before, 10, "run by the attached thread's breaker check");
}
