//! Per-object mutexes and critical sections on real OS threads. No timed assertions: a protocol
//! failure shows as a wrong count or a hang (the test harness's timeout).

mod common;

use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::sync::{Arc, Barrier, mpsc};

use pyrt::object::{self, Py};
use pyrt::state::thread_state::Status;
use pyrt::{Interpreter, InterpreterConfig, LockKind};

fn free_threaded() -> Interpreter {
    Interpreter::new(InterpreterConfig::free_threaded()).unwrap()
}

/// Two objects of `interp`, unbound so that other threads can use them.
fn two_objects(interp: &Interpreter) -> (Py, Py) {
    interp
        .attach(|py| {
            let a = object::new_int(py, 1 << 40).unwrap().unbind();
            let b = object::new_int(py, 1 << 41).unwrap().unbind();
            (a, b)
        })
        .unwrap()
}

#[test]
fn sections_nest_and_leave_nothing_locked() {
    let _s = common::serial();
    let interp = free_threaded();
    let (a, b) = two_objects(&interp);
    interp
        .attach(|py| {
            let (a, b) = (a.bind(py), b.bind(py));
            let depth = py.critical_section(&a, || {
                assert!(a.mutex().is_locked());
                // Re-entry on the same object, then a pair containing it, in both argument orders.
                py.critical_section(&a, || {
                    py.critical_section2(&a, &b, || {
                        assert!(b.mutex().is_locked());
                        py.critical_section2(&b, &a, || py.critical_section2(&a, &a, || 3))
                    })
                })
            });
            assert_eq!(depth, 3);
            assert!(!a.mutex().is_locked() && !b.mutex().is_locked());
        })
        .unwrap();
    interp.destroy().unwrap();
}

#[test]
fn an_interpreter_with_a_lock_takes_no_mutex() {
    let _s = common::serial();
    let interp = Interpreter::new(InterpreterConfig { lock: LockKind::Own, ..InterpreterConfig::isolated() }).unwrap();
    interp
        .attach(|py| {
            let a = object::new_int(py, 1 << 40).unwrap();
            py.critical_section(&a, || assert!(!a.mutex().is_locked(), "the interpreter lock is the section"));
        })
        .unwrap();
    interp.destroy().unwrap();
}

#[test]
fn a_panic_inside_ends_the_section() {
    let _s = common::serial();
    let interp = free_threaded();
    interp
        .attach(|py| {
            let a = object::new_int(py, 1 << 40).unwrap();
            let r = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                py.critical_section(&a, || panic!("inside"));
            }));
            assert!(r.is_err());
            assert!(!a.mutex().is_locked());
            py.critical_section(&a, || assert!(a.mutex().is_locked()));
        })
        .unwrap();
    interp.destroy().unwrap();
}

/// Threads increment a counter with a non-atomic read-modify-write inside sections on `a`,
/// half of them through pairs taken in opposite argument orders. Lost updates mean no mutual
/// exclusion; a deadlock means the pair was not taken in address order.
#[test]
fn sections_exclude_each_other_and_pairs_never_deadlock() {
    let _s = common::serial();
    let interp = free_threaded();
    let (a, b) = two_objects(&interp);
    let (a, b) = (Arc::new(a), Arc::new(b));
    let counter = Arc::new(AtomicU64::new(0));
    let per_thread = 20_000;
    let threads: Vec<_> = (0..4)
        .map(|t| {
            let (interp, a, b, counter) = (interp.clone(), a.clone(), b.clone(), counter.clone());
            std::thread::spawn(move || {
                interp
                    .attach(|py| {
                        let (a, b) = (a.clone_ref(py).bind(py), b.clone_ref(py).bind(py));
                        for i in 0..per_thread {
                            let bump = || counter.store(counter.load(Ordering::Relaxed) + 1, Ordering::Relaxed);
                            match (t + i) % 3 {
                                0 => py.critical_section(&a, bump),
                                1 => py.critical_section2(&a, &b, bump),
                                _ => py.critical_section2(&b, &a, bump),
                            }
                            if i % 512 == 0 {
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
    assert_eq!(counter.load(Ordering::Relaxed), 4 * per_thread as u64);
    drop((a, b));
    interp.destroy().unwrap();
}

/// A thread that detaches inside a section gives the object up until it re-attaches, as
/// releasing the GIL would: another thread gets in meanwhile, and the first has it back after.
#[test]
fn detaching_suspends_the_section_and_attaching_resumes_it() {
    let _s = common::serial();
    let interp = free_threaded();
    let (a, _b) = two_objects(&interp);
    let a = Arc::new(a);
    let (detached_tx, detached_rx) = mpsc::channel();
    let (done_tx, done_rx) = mpsc::channel::<()>();
    let holder = {
        let (interp, a) = (interp.clone(), a.clone());
        std::thread::spawn(move || {
            interp
                .attach(|py| {
                    let a = a.clone_ref(py).bind(py);
                    py.critical_section(&a, || {
                        py.detach(move || {
                            detached_tx.send(()).unwrap();
                            done_rx.recv().unwrap(); // the other thread is done with `a`
                        });
                        assert!(a.mutex().is_locked(), "the section was not resumed at attach");
                    });
                })
                .unwrap()
        })
    };
    detached_rx.recv().unwrap();
    interp
        .attach(|py| {
            let a = a.clone_ref(py).bind(py);
            // Would block forever if the holder's detach had kept the mutex.
            py.critical_section(&a, || done_tx.send(()).unwrap());
        })
        .unwrap();
    holder.join().unwrap();
    drop(a);
    interp.destroy().unwrap();
}

/// A thread asleep on an object's mutex is detached, so the holder of that mutex can stop the
/// world from inside its section.
#[test]
fn a_thread_blocked_on_an_object_does_not_hold_up_a_stop_the_world() {
    let _s = common::serial();
    let interp = free_threaded();
    let (a, _b) = two_objects(&interp);
    let a = Arc::new(a);
    let in_section = Arc::new(Barrier::new(2));
    let waiter_entered = Arc::new(AtomicUsize::new(0));
    interp
        .attach(|py| {
            let a_here = a.clone_ref(py).bind(py);
            py.critical_section(&a_here, || {
                let waiter = {
                    let (interp, a, in_section, entered) =
                        (interp.clone(), a.clone(), in_section.clone(), waiter_entered.clone());
                    std::thread::spawn(move || {
                        interp
                            .attach(|py| {
                                let a = a.clone_ref(py).bind(py);
                                in_section.wait();
                                py.critical_section(&a, || entered.fetch_add(1, Ordering::Relaxed));
                            })
                            .unwrap()
                    })
                };
                in_section.wait();
                // Wait until the other thread sleeps on `a` (it is detached only while it sleeps).
                let other = interp.thread_states().into_iter().find(|ts| !std::ptr::eq(ts.as_ptr(), py.thread_state()));
                // SAFETY: the other state stays registered until its thread finishes, which needs `a`.
                let other = unsafe { other.unwrap().as_ref() };
                while other.status() != Status::Detached {
                    std::thread::yield_now();
                }
                let world = py.stop_the_world();
                assert_eq!(waiter_entered.load(Ordering::Relaxed), 0);
                drop(world);
                waiter
            })
            .join()
            .unwrap();
        })
        .unwrap();
    assert_eq!(waiter_entered.load(Ordering::Relaxed), 1);
    drop(a);
    interp.destroy().unwrap();
}

/// In an interpreter with a lock, a thread that sleeps on an object's mutex gives the
/// interpreter lock up: the mutex's holder, which needs that lock to finish, gets it.
#[test]
fn a_mutex_sleeper_gives_up_the_interpreter_lock() {
    let _s = common::serial();
    let interp = Interpreter::new(InterpreterConfig { lock: LockKind::Own, ..InterpreterConfig::isolated() }).unwrap();
    let (a, _b) = two_objects(&interp);
    let a = Arc::new(a);
    let (locked_tx, locked_rx) = mpsc::channel();
    let holder = {
        let (interp, a) = (interp.clone(), a.clone());
        std::thread::spawn(move || {
            // SAFETY: the test keeps `a` alive until this thread is joined.
            let obj = unsafe { a.as_ptr().as_ref() };
            obj.mutex().lock();
            locked_tx.send(()).unwrap();
            interp.attach(|_py| {}).unwrap(); // needs the interpreter lock the other thread holds
            // SAFETY: locked above by this thread.
            unsafe { obj.mutex().unlock() };
        })
    };
    locked_rx.recv().unwrap();
    interp
        .attach(|py| {
            let a = a.clone_ref(py).bind(py);
            a.mutex().lock(); // would hold the interpreter lock forever if it slept attached
            // SAFETY: locked just above by this thread.
            unsafe { a.mutex().unlock() };
        })
        .unwrap();
    holder.join().unwrap();
    drop(a);
    interp.destroy().unwrap();
}

/// A thread that answers a stop-the-world at its breaker check inside a section gives the
/// object up while it is suspended: the requester locks it with the world stopped.
#[test]
fn answering_a_stop_suspends_the_section() {
    let _s = common::serial();
    let interp = free_threaded();
    let (a, _b) = two_objects(&interp);
    let a = Arc::new(a);
    let (inside_tx, inside_rx) = mpsc::channel();
    let done = Arc::new(std::sync::atomic::AtomicBool::new(false));
    let spinner = {
        let (interp, a, done) = (interp.clone(), a.clone(), done.clone());
        std::thread::spawn(move || {
            interp
                .attach(|py| {
                    let a = a.clone_ref(py).bind(py);
                    py.critical_section(&a, || {
                        inside_tx.send(()).unwrap();
                        while !done.load(Ordering::Acquire) {
                            py.check_eval_breaker().unwrap(); // the eval loop's periodic check
                            std::hint::spin_loop();
                        }
                        assert!(a.mutex().is_locked(), "the section was not resumed");
                    });
                })
                .unwrap()
        })
    };
    inside_rx.recv().unwrap();
    interp
        .attach(|py| {
            let a = a.clone_ref(py).bind(py);
            let world = py.stop_the_world();
            py.critical_section(&a, || {}); // would wait forever for the suspended thread
            drop(world);
            done.store(true, Ordering::Release);
        })
        .unwrap();
    spinner.join().unwrap();
    drop(a);
    interp.destroy().unwrap();
}

/// Everything at once on real threads: sections on one object and on a pair (both argument
/// orders), detaching inside sections, breaker checks, and a thread that keeps stopping the
/// world and locking the object while it is stopped. The count must be exact and every thread
/// must finish.
#[test]
fn sections_detaches_and_stops_together() {
    let _s = common::serial();
    let interp = free_threaded();
    let (a, b) = two_objects(&interp);
    let (a, b) = (Arc::new(a), Arc::new(b));
    let counter = Arc::new(AtomicU64::new(0));
    let rounds = 20_000u64;
    let workers: Vec<_> = (0..3u64)
        .map(|t| {
            let (interp, a, b, counter) = (interp.clone(), a.clone(), b.clone(), counter.clone());
            std::thread::spawn(move || {
                interp
                    .attach(|py| {
                        let (a, b) = (a.clone_ref(py).bind(py), b.clone_ref(py).bind(py));
                        let bump = || counter.store(counter.load(Ordering::Relaxed) + 1, Ordering::Relaxed);
                        for i in 0..rounds {
                            match (t + i) % 4 {
                                0 => py.critical_section(&a, bump),
                                1 => py.critical_section2(&a, &b, bump),
                                2 => py.critical_section2(&b, &a, || {
                                    bump();
                                    py.detach(std::thread::yield_now);
                                    // Resumed: both are ours again.
                                    assert!(a.mutex().is_locked() && b.mutex().is_locked());
                                }),
                                _ => py.critical_section(&a, || {
                                    bump();
                                    py.check_eval_breaker().unwrap();
                                }),
                            }
                        }
                    })
                    .unwrap()
            })
        })
        .collect();
    let stopper = {
        let (interp, a, counter) = (interp.clone(), a.clone(), counter.clone());
        std::thread::spawn(move || {
            interp
                .attach(|py| {
                    let a = a.clone_ref(py).bind(py);
                    for _ in 0..1_000 {
                        let world = py.stop_the_world();
                        py.critical_section(&a, || {
                            counter.store(counter.load(Ordering::Relaxed) + 1, Ordering::Relaxed)
                        });
                        drop(world);
                        py.check_eval_breaker().unwrap();
                    }
                })
                .unwrap()
        })
    };
    for w in workers {
        w.join().unwrap();
    }
    stopper.join().unwrap();
    assert_eq!(counter.load(Ordering::Relaxed), 3 * rounds + 1_000);
    drop((a, b));
    interp.destroy().unwrap();
}
