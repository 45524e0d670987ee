//! Critical sections on per-object mutexes in a free-threaded interpreter: pairs in address
//! order, suspension at detach, and detaching while asleep on a mutex. Each model writes a plain
//! cell inside its sections, so loom reports any two sections it finds unordered, and reports a
//! deadlock when every thread sleeps.
#![cfg(loom)]

use std::mem::ManuallyDrop;
use std::sync::Arc;

use loom::cell::UnsafeCell;
use loom::sync::atomic::AtomicUsize;
use loom::thread;
use loom_tests::check;
use loom_tests::support::{Kept, Signal, new_probe};
use pyrt::state::WorldStopped;
use pyrt::sync::Mutation;
use pyrt::{Interpreter, InterpreterConfig, Python, RefcountStrategy, Runtime};

/// A new object; atomic counting (born merged, no owner) keeps the other thread's drop free of
/// merge-queue traffic.
fn new_object<'py>(py: Python<'py>) -> Kept<'py> {
    new_probe(py, RefcountStrategy::Atomic, &Arc::new(AtomicUsize::new(0)))
}

/// Stops the world of `interp` from the thread attached as `py` (one place to adapt if the
/// stop-the-world entry point changes).
fn stop_the_world<'py>(_interp: &Interpreter, py: Python<'py>) -> Stopped<'py> {
    Stopped(ManuallyDrop::new(py.stop_the_world()))
}

/// A stopped world that is not restarted while a failed model unwinds (loom's objects are gone).
struct Stopped<'py>(ManuallyDrop<WorldStopped<'py>>);

impl Drop for Stopped<'_> {
    fn drop(&mut self) {
        if !std::thread::panicking() {
            // SAFETY: dropped once, here.
            unsafe { ManuallyDrop::drop(&mut self.0) };
        }
    }
}

/// A plain counter that only critical sections may touch; loom checks every access.
#[derive(Clone)]
struct Guarded(Arc<UnsafeCell<usize>>);

impl Guarded {
    fn new() -> Self {
        Guarded(Arc::new(UnsafeCell::new(0)))
    }
    fn bump(&self) {
        // SAFETY: called inside a critical section; loom reports an unordered pair of bumps.
        self.0.with_mut(|v| unsafe { *v += 1 });
    }
    fn get(&self) -> usize {
        // SAFETY: every other thread is joined.
        self.0.with(|v| unsafe { *v })
    }
}

/// Two threads lock the same pair of objects in opposite argument orders.
fn pair_in_opposite_orders() {
    Runtime::initialize();
    let interp = Interpreter::new(InterpreterConfig::free_threaded()).unwrap();
    let cell = Guarded::new();
    interp
        .attach(|py| {
            let (a, b) = (new_object(py), new_object(py));
            let other = {
                let (interp, cell) = (interp.clone(), cell.clone());
                let (theirs_a, theirs_b) = (a.unbind_clone(), b.unbind_clone());
                thread::spawn(move || {
                    interp
                        .attach(|py| {
                            let (a, b) = (Kept::bind(theirs_a, py), Kept::bind(theirs_b, py));
                            py.critical_section2(&a, &b, || cell.bump());
                        })
                        .unwrap()
                })
            };
            py.critical_section2(&b, &a, || cell.bump());
            other.join().unwrap();
        })
        .unwrap();
    assert_eq!(cell.get(), 2);
}

#[test]
fn critical_section_pair_in_address_order() {
    check(None, false, pair_in_opposite_orders);
}

#[test]
fn critical_section_pair_with_handoff() {
    check(None, false, || {
        pyrt::sync::model::set_fair_unpark(true);
        pair_in_opposite_orders();
    });
}

#[test]
#[should_panic(expected = "deadlock")]
fn broken_critical_section_pair_unordered() {
    check(Some(Mutation::CriticalSectionPairUnordered), false, pair_in_opposite_orders);
}

/// One thread detaches inside its section and waits for the other thread, which needs the same
/// object to send the signal: the detach must give the object up, and the re-attach take it
/// back before the first section goes on.
fn detach_inside_section() {
    Runtime::initialize();
    let interp = Interpreter::new(InterpreterConfig::free_threaded()).unwrap();
    let cell = Guarded::new();
    let signal = Arc::new(Signal::default());
    interp
        .attach(|py| {
            let a = new_object(py);
            let other = {
                let (interp, cell, signal) = (interp.clone(), cell.clone(), signal.clone());
                let theirs = a.unbind_clone();
                thread::spawn(move || {
                    interp
                        .attach(|py| {
                            let a = Kept::bind(theirs, py);
                            py.critical_section(&a, || {
                                cell.bump();
                                signal.set();
                            });
                        })
                        .unwrap()
                })
            };
            py.critical_section(&a, || {
                cell.bump();
                let signal = signal.clone();
                py.detach(move || signal.wait());
                cell.bump();
            });
            other.join().unwrap();
        })
        .unwrap();
    assert_eq!(cell.get(), 3);
}

#[test]
fn critical_section_suspended_at_detach() {
    check(None, false, detach_inside_section);
}

#[test]
#[should_panic(expected = "deadlock")]
fn broken_critical_section_not_suspended_at_detach() {
    check(Some(Mutation::CriticalSectionNotSuspended), false, detach_inside_section);
}

/// The holder of an object stops the world from inside its section while the other thread
/// wants the same object: the other thread must sleep detached, or the stop waits for it
/// forever.
fn stop_the_world_while_another_waits() {
    Runtime::initialize();
    let interp = Interpreter::new(InterpreterConfig::free_threaded()).unwrap();
    let cell = Guarded::new();
    interp
        .attach(|py| {
            let a = new_object(py);
            let other = {
                let (interp, cell) = (interp.clone(), cell.clone());
                let theirs = a.unbind_clone();
                thread::spawn(move || {
                    interp
                        .attach(|py| {
                            let a = Kept::bind(theirs, py);
                            py.critical_section(&a, || cell.bump());
                        })
                        .unwrap()
                })
            };
            py.critical_section(&a, || {
                let world = stop_the_world(&interp, py);
                cell.bump();
                drop(world);
            });
            other.join().unwrap();
        })
        .unwrap();
    assert_eq!(cell.get(), 2);
}

#[test]
fn critical_section_waiter_does_not_block_stop_the_world() {
    check(None, false, stop_the_world_while_another_waits);
}

#[test]
#[should_panic(expected = "deadlock")]
fn broken_mutex_sleeps_attached() {
    check(Some(Mutation::MutexSleepsAttached), false, stop_the_world_while_another_waits);
}

/// In an interpreter with a lock: one thread takes an object's mutex while detached and then
/// needs the interpreter lock; the other holds the interpreter lock and wants the mutex. The
/// second must give the interpreter lock up while it sleeps on the mutex.
fn mutex_vs_interpreter_lock() {
    Runtime::initialize();
    let interp = Interpreter::new(InterpreterConfig::isolated()).unwrap();
    let cell = Guarded::new();
    interp
        .attach(|py| {
            let a = new_object(py);
            let other = {
                let (interp, cell) = (interp.clone(), cell.clone());
                let theirs = a.unbind_clone();
                thread::spawn(move || {
                    // SAFETY: the spawning thread keeps its reference until this thread is joined.
                    let obj = unsafe { &*theirs.as_ptr().as_ptr() };
                    obj.mutex().lock(); // not attached: nothing to detach
                    interp
                        .attach(|py| {
                            cell.bump();
                            drop(Kept::bind(theirs, py));
                        })
                        .unwrap();
                    // SAFETY: locked above by this thread.
                    unsafe { obj.mutex().unlock() };
                })
            };
            a.mutex().lock();
            cell.bump();
            // SAFETY: locked just above by this thread.
            unsafe { a.mutex().unlock() };
            py.detach(|| other.join().unwrap());
        })
        .unwrap();
    assert_eq!(cell.get(), 2);
}

#[test]
fn mutex_sleeper_gives_up_the_interpreter_lock() {
    check(None, false, mutex_vs_interpreter_lock);
}

#[test]
#[should_panic(expected = "deadlock")]
fn broken_mutex_sleeps_holding_the_interpreter_lock() {
    check(Some(Mutation::MutexSleepsAttached), false, mutex_vs_interpreter_lock);
}

/// A thread inside a section on an object answers a stop-the-world at its breaker check; the
/// requester then locks the same object with the world stopped. Answering must suspend the
/// section, as detaching does.
fn please_stop_inside_section() {
    Runtime::initialize();
    let interp = Interpreter::new(InterpreterConfig::free_threaded()).unwrap();
    let cell = Guarded::new();
    interp
        .attach(|py| {
            let a = new_object(py);
            let other = {
                let (interp, cell) = (interp.clone(), cell.clone());
                let theirs = a.unbind_clone();
                thread::spawn(move || {
                    interp
                        .attach(|py| {
                            let a = Kept::bind(theirs, py);
                            py.critical_section(&a, || {
                                cell.bump();
                                py.check_eval_breaker().unwrap();
                                cell.bump();
                            });
                        })
                        .unwrap()
                })
            };
            let world = stop_the_world(&interp, py);
            py.critical_section(&a, || cell.bump());
            drop(world);
            other.join().unwrap();
        })
        .unwrap();
    assert_eq!(cell.get(), 3);
}

#[test]
fn critical_section_suspended_at_please_stop() {
    check(None, false, please_stop_inside_section);
}

#[test]
#[should_panic(expected = "deadlock")]
fn broken_critical_section_kept_at_please_stop() {
    check(Some(Mutation::CriticalSectionKeptAtPleaseStop), false, please_stop_inside_section);
}

/// The holder of an object's mutex stops the world, unlocks the object — handing it to the
/// other thread, asleep on it and now suspended — and locks it again with the world stopped.
/// The sleeper cannot attach before the world restarts, so it must give the mutex back rather
/// than keep it while it waits.
fn handoff_to_a_suspended_thread() {
    pyrt::sync::model::set_fair_unpark(true);
    Runtime::initialize();
    let interp = Interpreter::new(InterpreterConfig::free_threaded()).unwrap();
    let cell = Guarded::new();
    interp
        .attach(|py| {
            let a = new_object(py);
            let other = {
                let (interp, cell) = (interp.clone(), cell.clone());
                let theirs = a.unbind_clone();
                thread::spawn(move || {
                    interp
                        .attach(|py| {
                            let a = Kept::bind(theirs, py);
                            py.critical_section(&a, || cell.bump());
                        })
                        .unwrap()
                })
            };
            a.mutex().lock();
            let world = stop_the_world(&interp, py);
            // SAFETY: locked just above by this thread.
            unsafe { a.mutex().unlock() };
            py.critical_section(&a, || cell.bump());
            drop(world);
            other.join().unwrap();
        })
        .unwrap();
    assert_eq!(cell.get(), 2);
}

#[test]
fn mutex_handoff_to_a_suspended_thread_is_given_back() {
    check(None, false, handoff_to_a_suspended_thread);
}

#[test]
#[should_panic(expected = "deadlock")]
fn broken_handoff_kept_while_suspended() {
    check(Some(Mutation::HandoffKeptWhileSuspended), false, handoff_to_a_suspended_thread);
}
