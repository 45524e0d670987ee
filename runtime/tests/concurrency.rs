//! Locks, hand-off, free-threaded attach and stop-the-world, on real OS threads.
//! No timed assertions: every check is a state the protocol guarantees.

mod common;

use std::sync::atomic::{AtomicBool, AtomicU64, AtomicUsize, Ordering};
use std::sync::{Arc, Barrier, mpsc};
use std::time::Duration;

use pyrt::state::thread_state::{self, Status};
use pyrt::{Interpreter, InterpreterConfig, Runtime};

/// A detached thread state of `interp` that belongs to another (finished) OS thread.
fn detached_state_of_another_thread(interp: &Interpreter) -> std::ptr::NonNull<pyrt::ThreadState> {
    let interp = interp.clone();
    let addr = std::thread::spawn(move || pyrt::ThreadState::new(&interp).as_ptr() as usize).join().unwrap();
    std::ptr::NonNull::new(addr as *mut pyrt::ThreadState).unwrap()
}

#[test]
fn own_lock_interpreters_are_attached_in_parallel() {
    let _s = common::serial();
    let n = 3;
    let barrier = Arc::new(Barrier::new(n));
    let handles: Vec<_> = (0..n)
        .map(|_| {
            let b = barrier.clone();
            let interp = Interpreter::new(InterpreterConfig::isolated()).unwrap();
            std::thread::spawn(move || {
                // All n threads are attached at the barrier at once: impossible under one lock.
                interp.attach(|_py| b.wait()).unwrap();
                interp.destroy().unwrap();
            })
        })
        .collect();
    for h in handles {
        h.join().unwrap();
    }
}

#[test]
fn free_threaded_interpreter_attaches_many_threads_at_once() {
    let _s = common::serial();
    let interp = Interpreter::new(InterpreterConfig::free_threaded()).unwrap();
    let n = 4;
    let barrier = Arc::new(Barrier::new(n));
    let handles: Vec<_> = (0..n)
        .map(|_| {
            let (b, interp) = (barrier.clone(), interp.clone());
            std::thread::spawn(move || {
                interp
                    .attach(|py| {
                        assert_eq!(py.thread_state().status(), Status::Attached);
                        b.wait();
                    })
                    .unwrap()
            })
        })
        .collect();
    for h in handles {
        h.join().unwrap();
    }
}

/// Two threads share one lock and each needs the other to make progress: this completes only if
/// waiters raise drop requests and holders hand the lock off at their breaker checks.
fn ping_pong(interp: &Interpreter) {
    let counters: Arc<[AtomicU64; 2]> = Arc::new([AtomicU64::new(0), AtomicU64::new(0)]);
    let inside = Arc::new(AtomicUsize::new(0));
    let handles: Vec<_> = (0..2)
        .map(|me| {
            let (interp, counters, inside) = (interp.clone(), counters.clone(), inside.clone());
            std::thread::spawn(move || {
                interp
                    .attach(|py| {
                        while counters[0].load(Ordering::Relaxed) < 50 || counters[1].load(Ordering::Relaxed) < 50 {
                            if interp.lock().is_some() {
                                assert_eq!(inside.fetch_add(1, Ordering::SeqCst), 0, "two threads hold the lock");
                                inside.fetch_sub(1, Ordering::SeqCst);
                            }
                            counters[me].fetch_add(1, Ordering::Relaxed);
                            py.check_eval_breaker().unwrap();
                            std::hint::spin_loop();
                        }
                    })
                    .unwrap()
            })
        })
        .collect();
    for h in handles {
        h.join().unwrap();
    }
}

#[test]
fn drop_requests_hand_the_own_lock_between_threads() {
    let _s = common::serial();
    let interp = Interpreter::new(InterpreterConfig {
        switch_interval: Duration::from_micros(100),
        ..InterpreterConfig::isolated()
    })
    .unwrap();
    let before = interp.lock().unwrap().switch_number();
    ping_pong(&interp);
    assert!(interp.lock().unwrap().switch_number() > before + 1, "the lock changed hands");
}

#[test]
fn shared_lock_interpreters_hand_off_through_the_main_lock() {
    let _s = common::serial();
    let a = Interpreter::new(InterpreterConfig::legacy()).unwrap();
    let b = Interpreter::new(InterpreterConfig::legacy()).unwrap();
    a.set_switch_interval(Duration::from_micros(100)).unwrap();
    let done = Arc::new(AtomicBool::new(false));
    let other = {
        let (b, done) = (b.clone(), done.clone());
        std::thread::spawn(move || {
            b.attach(|py| {
                while !done.load(Ordering::Relaxed) {
                    py.check_eval_breaker().unwrap();
                }
            })
            .unwrap()
        })
    };
    // `a` shares the main lock with `b`: attaching waits for b's thread to drop it on request.
    a.attach(|_| {
        assert!(a.lock().unwrap().is_locked());
        done.store(true, Ordering::Relaxed);
    })
    .unwrap();
    other.join().unwrap();
}

#[test]
fn stop_the_world_parks_attached_and_detached_threads() {
    let _s = common::serial();
    let interp = Interpreter::new(InterpreterConfig::free_threaded()).unwrap();
    let progress = Arc::new(AtomicU64::new(0));
    let stop = Arc::new(AtomicBool::new(false));
    let started = Arc::new(Barrier::new(3));
    let workers: Vec<_> = (0..2)
        .map(|_| {
            let (interp, progress, stop, started) = (interp.clone(), progress.clone(), stop.clone(), started.clone());
            std::thread::spawn(move || {
                interp
                    .attach(|py| {
                        started.wait();
                        while !stop.load(Ordering::Relaxed) {
                            progress.fetch_add(1, Ordering::Relaxed);
                            py.check_eval_breaker().unwrap();
                        }
                    })
                    .unwrap()
            })
        })
        .collect();
    started.wait();
    for _round in 0..20 {
        let frozen = interp
            .attach(|py| {
                let world = py.stop_the_world();
                assert!(interp.is_world_stopped());
                for ts in interp.thread_states() {
                    if std::ptr::eq(ts.as_ptr(), py.thread_state()) {
                        continue; // the requester
                    }
                    // SAFETY: test code: states are alive while their threads are parked.
                    assert_eq!(unsafe { ts.as_ref() }.status(), Status::Suspended);
                }
                let frozen = progress.load(Ordering::Relaxed);
                for _ in 0..10_000 {
                    std::hint::spin_loop();
                }
                std::thread::yield_now();
                assert_eq!(progress.load(Ordering::Relaxed), frozen, "a thread ran while the world was stopped");
                drop(world);
                frozen
            })
            .unwrap();
        while progress.load(Ordering::Relaxed) == frozen {
            std::thread::yield_now();
        }
    }
    stop.store(true, Ordering::Relaxed);
    for w in workers {
        w.join().unwrap();
    }
}

#[test]
fn attaching_during_a_stop_waits_for_the_restart() {
    let _s = common::serial();
    let interp = Interpreter::new(InterpreterConfig::free_threaded()).unwrap();
    let (tx, rx) = mpsc::channel();
    interp
        .attach(|py| {
            let world = py.stop_the_world();
            let late = {
                let interp = interp.clone();
                std::thread::spawn(move || {
                    tx.send(()).unwrap();
                    interp.attach(|py| py.thread_state().status()).unwrap()
                })
            };
            rx.recv().unwrap();
            // The latecomer's state is created SUSPENDED (or not yet created); it never runs while
            // stopped.
            loop {
                let states = interp.thread_states();
                if states.len() == 2 {
                    // SAFETY: test code: the latecomer's state is alive until its thread returns.
                    assert_eq!(unsafe { states[0].as_ref() }.status(), Status::Suspended);
                    break;
                }
                std::thread::yield_now();
            }
            drop(world);
            assert_eq!(late.join().unwrap(), Status::Attached);
        })
        .unwrap();
}

#[test]
fn stops_of_different_interpreters_are_independent() {
    let _s = common::serial();
    let a = Interpreter::new(InterpreterConfig::free_threaded()).unwrap();
    let b = Interpreter::new(InterpreterConfig::free_threaded()).unwrap();
    let (go, wait) = mpsc::channel::<()>();
    let (ready_tx, ready) = mpsc::channel::<()>();
    let busy_in_a = {
        let a = a.clone();
        std::thread::spawn(move || {
            a.attach(|_py| {
                ready_tx.send(()).unwrap();
                // Attached to `a` and never checking the breaker until told to.
                wait.recv().unwrap();
            })
            .unwrap()
        })
    };
    ready.recv().unwrap();
    {
        // Would never return if a stop of `b` waited for threads of `a`.
        b.attach(|py| {
            let _world = py.stop_the_world();
            assert!(b.is_world_stopped());
        })
        .unwrap();
    }
    go.send(()).unwrap();
    busy_in_a.join().unwrap();
}

#[test]
fn stop_the_world_from_an_attached_thread_excludes_itself() {
    let _s = common::serial();
    let interp = Interpreter::new(InterpreterConfig::free_threaded()).unwrap();
    let other = detached_state_of_another_thread(&interp);
    interp
        .attach(|py| {
            assert_ne!(py.thread_state() as *const _, other.as_ptr() as *const _);
            let world = py.stop_the_world();
            assert_eq!(py.thread_state().status(), Status::Attached);
            // SAFETY: test code: the thread state is live (created by this test, not yet deleted) and no Python token of it is in use.
            assert_eq!(unsafe { other.as_ref() }.status(), Status::Suspended);
            drop(world);
            // SAFETY: test code: the thread state is live (created by this test, not yet deleted) and no Python token of it is in use.
            assert_eq!(unsafe { other.as_ref() }.status(), Status::Detached);
        })
        .unwrap();
    // SAFETY: test code: the thread state is live (created by this test, not yet deleted) and no Python token of it is in use.
    unsafe { pyrt::ThreadState::delete(other) };
}

#[test]
fn finalize_with_a_thread_still_holding_a_state() {
    let _s = common::serial();
    let sub = Interpreter::new(InterpreterConfig::free_threaded()).unwrap();
    let (tx, rx) = mpsc::channel();
    // A "daemon" thread: attaches, detaches, and keeps its state.
    std::thread::spawn(move || {
        let g = pyrt::state::gilstate::ensure_in(&sub).unwrap();
        // SAFETY: test code: the thread state is live (created by this test, not yet deleted) and no Python token of it is in use.
        let _ = unsafe { thread_state::save_thread() };
        tx.send(()).unwrap();
        std::mem::forget(g);
        // If it tried to attach again now it would be parked for good, as in CPython 3.14.
    })
    .join()
    .unwrap();
    rx.recv().unwrap();
    // SAFETY: no token, guard or object handle is alive at this point.
    unsafe { Runtime::finalize() };
    assert!(Runtime::interpreters().is_empty());
}

#[test]
fn the_requester_may_detach_during_its_own_stop() {
    let _s = common::serial();
    let interp = Interpreter::new(InterpreterConfig::free_threaded()).unwrap();
    let other = detached_state_of_another_thread(&interp);
    interp
        .attach(|py| {
            let world = py.stop_the_world();
            // A blocking call inside the stopped region: the requester is not counted, so this
            // neither underflows the count nor parks the requester.
            py.detach(|| ());
            // SAFETY: test code: `other` is live (deleted below).
            assert_eq!(unsafe { other.as_ref() }.status(), Status::Suspended);
            assert_eq!(py.thread_state().status(), Status::Attached);
            drop(world);
            // SAFETY: as above.
            assert_eq!(unsafe { other.as_ref() }.status(), Status::Detached);
            // A later breaker check finds no stale request.
            py.check_eval_breaker().unwrap();
        })
        .unwrap();
    // SAFETY: test code: detached, never used again.
    unsafe { pyrt::ThreadState::delete(other) };
}

/// §1.3: with a lock, holding it is the stop; a breaker check inside the stopped region used to
/// answer a waiter's drop request and hand the lock over, so the waiter ran under the guard.
/// Now the request stays pending until the stop ends.
#[test]
fn a_breaker_check_never_gives_a_stopped_world_away() {
    let _s = common::serial();
    let interp = Interpreter::new(InterpreterConfig {
        switch_interval: std::time::Duration::from_millis(1),
        ..InterpreterConfig::isolated()
    })
    .unwrap();
    let ran = Arc::new(AtomicBool::new(false));
    interp
        .attach(|py| {
            let world = py.stop_the_world();
            let waiter = {
                let (interp, ran) = (interp.clone(), ran.clone());
                std::thread::spawn(move || interp.attach(|_| ran.store(true, Ordering::SeqCst)).unwrap())
            };
            // Long enough for the waiter to time out (1 ms) and ask for a drop, many times over.
            let until = std::time::Instant::now() + std::time::Duration::from_millis(100);
            while std::time::Instant::now() < until {
                py.check_eval_breaker().unwrap();
                assert!(!ran.load(Ordering::SeqCst), "the waiter ran while the world was stopped");
            }
            assert_ne!(py.thread_state().eval_breaker() & pyrt::state::breaker::DROP_REQUEST_BIT, 0, "still pending");
            drop(world);
            // The first check after the stop hands the lock over.
            while !ran.load(Ordering::SeqCst) {
                py.check_eval_breaker().unwrap();
            }
            waiter
        })
        .unwrap()
        .join()
        .unwrap();
}

/// Detaching would release the lock that is the stop: refused.
#[test]
fn fatal_detach_while_holding_a_stop_with_a_lock() {
    const N: &str = "fatal_detach_while_holding_a_stop_with_a_lock";
    if common::is_child(N) {
        Runtime::initialize();
        pyrt::attach(|py| {
            let _world = py.stop_the_world();
            py.detach(|| ());
        });
        std::process::exit(3);
    }
    common::assert_fatal(N, N, "Python::detach", "the world is stopped by this thread; drop the guard first");
}
