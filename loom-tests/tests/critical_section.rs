//! Critical sections on per-object mutexes in a free-threaded interpreter: pairs in address
//! order, suspension at detach, and detaching while asleep on a mutex. Each model writes a plain
//! cell inside its sections, so loom reports any two sections it finds unordered, and reports a
//! deadlock when every thread sleeps.
#![cfg(loom)]

use std::mem::ManuallyDrop;
use std::ops::Deref;
use std::ptr::NonNull;
use std::sync::Arc;

use loom::cell::UnsafeCell;
use loom::sync::{Condvar, Mutex};
use loom::thread;
use loom_tests::check;
use pyrt::object::types::TypeObject;
use pyrt::object::{Py, PyObject, PyRef, RefcountStrategy, types};
use pyrt::sync::Mutation;
use pyrt::{Interpreter, InterpreterConfig, Python, Runtime};

/// An object with nothing but a header, boxed (no arena traffic in the model).
unsafe fn box_dealloc(op: NonNull<PyObject>) {
    // SAFETY: these objects are boxed headers (see `new_object`) and this is the last reference.
    drop(unsafe { Box::from_raw(op.as_ptr()) });
}

fn new_object<'py>(_py: Python<'py>) -> Obj<'py> {
    // SAFETY: objects of this type are boxed headers, which `box_dealloc` frees.
    let ty: &'static TypeObject =
        unsafe { TypeObject::leak_static(types().type_type, "Plain", size_of::<PyObject>(), box_dealloc) };
    // SAFETY: the header is the whole boxed object, of type `ty`. Atomic counting (born merged,
    // no owner) keeps the other thread's drop free of merge-queue traffic.
    let obj = Box::new(unsafe { PyObject::new_header(ty, RefcountStrategy::Atomic) });
    // SAFETY: the header holds one reference, which moves into the handle; we are attached.
    Obj(ManuallyDrop::new(unsafe { PyRef::from_owned(NonNull::from(Box::leak(obj))) }))
}

/// A handle that is not released while a failed model unwinds: loom's objects are gone then,
/// and touching them would abort the test process instead of failing the twin.
struct Obj<'py>(ManuallyDrop<PyRef<'py>>);

impl<'py> Obj<'py> {
    fn bind(theirs: Py, py: Python<'py>) -> Self {
        Obj(ManuallyDrop::new(theirs.bind(py)))
    }
    fn unbind_clone(&self, py: Python<'py>) -> Py {
        PyRef::clone(&self.0).unbind(py)
    }
}

impl Deref for Obj<'_> {
    type Target = PyObject;
    fn deref(&self) -> &PyObject {
        &self.0
    }
}

impl Drop for Obj<'_> {
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

/// A one-shot signal between two modelled threads.
#[derive(Default)]
struct Signal(Mutex<bool>, Condvar);

impl Signal {
    fn set(&self) {
        *self.0.lock().unwrap() = true;
        self.1.notify_all();
    }
    fn wait(&self) {
        let mut s = self.0.lock().unwrap();
        while !*s {
            s = self.1.wait(s).unwrap();
        }
    }
}

/// Two threads lock the same pair of objects in opposite argument orders.
fn pair_in_opposite_orders() {
    Runtime::initialize();
    let interp = Interpreter::new(InterpreterConfig::free_threaded()).unwrap();
    let cell = Guarded::new();
    interp.attach(|py| {
        let (a, b) = (new_object(py), new_object(py));
        let other = {
            let (interp, cell) = (interp.clone(), cell.clone());
            let (theirs_a, theirs_b) = (a.unbind_clone(py), b.unbind_clone(py));
            thread::spawn(move || {
                interp.attach(|py| {
                    let (a, b) = (Obj::bind(theirs_a, py), Obj::bind(theirs_b, py));
                    py.critical_section2(&a, &b, || cell.bump());
                })
            })
        };
        py.critical_section2(&b, &a, || cell.bump());
        other.join().unwrap();
    });
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
    interp.attach(|py| {
        let a = new_object(py);
        let other = {
            let (interp, cell, signal) = (interp.clone(), cell.clone(), signal.clone());
            let theirs = a.unbind_clone(py);
            thread::spawn(move || {
                interp.attach(|py| {
                    let a = Obj::bind(theirs, py);
                    py.critical_section(&a, || {
                        cell.bump();
                        signal.set();
                    });
                })
            })
        };
        py.critical_section(&a, || {
            cell.bump();
            let signal = signal.clone();
            py.detach(move || signal.wait());
            cell.bump();
        });
        other.join().unwrap();
    });
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
    interp.attach(|py| {
        let a = new_object(py);
        let other = {
            let (interp, cell) = (interp.clone(), cell.clone());
            let theirs = a.unbind_clone(py);
            thread::spawn(move || {
                interp.attach(|py| {
                    let a = Obj::bind(theirs, py);
                    py.critical_section(&a, || cell.bump());
                })
            })
        };
        py.critical_section(&a, || {
            let world = interp.stop_the_world();
            cell.bump();
            drop(world);
        });
        other.join().unwrap();
    });
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
