//! Biased reference counting: owner and non-owner increments and decrements interleaved; queue
//! and merge; the owner giving up ownership; an owner thread that exits with queued objects.
//! Every model asserts freed-exactly-once, and never-freed-while-referenced: the deallocator
//! writes the object's payload cell, which every holder reads, so loom reports a free that is
//! not ordered after every use.
#![cfg(loom)]

use std::ptr::NonNull;
use std::sync::Arc;

use loom::cell::UnsafeCell;
use loom::sync::atomic::{AtomicUsize, Ordering};
use loom::sync::{Condvar, Mutex};
use loom::thread;
use loom_tests::check;
use pyrt::object::types::TypeObject;
use pyrt::object::{Bound, Py, PyObject, RefcountStrategy, types};
use pyrt::sync::Mutation;
use pyrt::{Interpreter, InterpreterConfig, Runtime};

#[repr(C)]
struct Probe {
    ob_base: PyObject,
    payload: UnsafeCell<usize>,
    frees: Arc<AtomicUsize>,
}

/// A probe's deallocator.
///
/// # Safety
///
/// `op` is a probe made by `new_probe` whose last reference is gone.
unsafe fn probe_dealloc(op: NonNull<PyObject>) {
    // SAFETY: probes are boxed (see `new_probe`) and this is the last reference.
    let probe = unsafe { Box::from_raw(op.cast::<Probe>().as_ptr()) };
    // SAFETY: loom checks this write against every reader's read.
    probe.payload.with_mut(|p| unsafe { *p = usize::MAX });
    probe.frees.fetch_add(1, Ordering::Relaxed);
}

fn new_probe<'py>(py: pyrt::Python<'py>, frees: &Arc<AtomicUsize>) -> Bound<'py> {
    // SAFETY: probes are boxed Probe values, which `probe_dealloc` frees.
    let ty: &'static TypeObject =
        unsafe { TypeObject::leak_static(types().type_type, "Probe", size_of::<Probe>(), probe_dealloc) };
    let probe = Box::new(Probe {
        // SAFETY: the header starts a boxed Probe of type `ty`.
        ob_base: unsafe { PyObject::new_header(ty, RefcountStrategy::Biased) },
        payload: UnsafeCell::new(7),
        frees: frees.clone(),
    });
    // SAFETY: the header holds one reference, which moves into the handle; we are attached.
    unsafe { Bound::from_owned(py, NonNull::from(Box::leak(probe)).cast()) }
}

fn read(obj: &PyObject) -> usize {
    // SAFETY: a held reference keeps the probe alive; loom checks the ordering against the free.
    unsafe { &*(obj as *const PyObject as *const Probe) }.payload.with(|p| unsafe { *p })
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

/// The owner creates an object and gives a stranger a reference it counted locally; the
/// stranger drops it (shared count 0 → queued to the owner) while the owner checks its breaker
/// and drops its own.
fn queue_and_merge() {
    Runtime::initialize();
    let interp = Interpreter::new(InterpreterConfig::free_threaded()).unwrap();
    let frees = Arc::new(AtomicUsize::new(0));
    interp
        .attach(|py| {
            let obj = new_probe(py, &frees);
            let theirs = obj.clone().unbind();
            let stranger = {
                let interp = interp.clone();
                thread::spawn(move || {
                    interp
                        .attach(|py| {
                            let theirs = theirs.bind(py);
                            assert_eq!(read(&theirs), 7);
                            drop(theirs);
                        })
                        .unwrap()
                })
            };
            assert_eq!(read(&obj), 7);
            py.check_eval_breaker().unwrap();
            drop(obj);
            stranger.join().unwrap();
            py.check_eval_breaker().unwrap();
        })
        .unwrap();
    assert_eq!(frees.load(Ordering::Relaxed), 1, "freed exactly once");
}

#[test]
fn brc_queue_and_merge() {
    check(None, false, queue_and_merge);
}

#[test]
#[should_panic(expected = "freed exactly once")]
fn broken_brc_no_queue() {
    check(Some(Mutation::BrcNoQueue), false, queue_and_merge);
}

/// A stranger takes its own (shared) reference while the owner still holds one; then both drop
/// theirs in either order. The owner's local count reaching zero with a shared reference alive
/// makes it give up ownership; whoever drops last frees.
fn owner_gives_up() {
    Runtime::initialize();
    let interp = Interpreter::new(InterpreterConfig::free_threaded()).unwrap();
    let frees = Arc::new(AtomicUsize::new(0));
    let has_ref = Arc::new(Signal::default());
    interp
        .attach(|py| {
            let obj = new_probe(py, &frees);
            let addr = obj.as_ptr().as_ptr() as usize;
            let stranger = {
                let (interp, has_ref) = (interp.clone(), has_ref.clone());
                thread::spawn(move || {
                    interp
                        .attach(|py| {
                            // SAFETY: the owner keeps its reference until `has_ref` is set; probes are
                            // boxed, not arena blocks, so the checked `new_ref` would refuse them.
                            let mine =
                                unsafe { Bound::from_borrowed_ptr(py, NonNull::new(addr as *mut PyObject).unwrap()) };
                            has_ref.set();
                            assert_eq!(read(&mine), 7);
                            drop(mine);
                        })
                        .unwrap()
                })
            };
            has_ref.wait();
            assert_eq!(read(&obj), 7);
            drop(obj);
            stranger.join().unwrap();
        })
        .unwrap();
    assert_eq!(frees.load(Ordering::Relaxed), 1, "freed exactly once");
}

#[test]
fn brc_owner_gives_up_ownership() {
    check(None, false, owner_gives_up);
}

#[test]
#[should_panic(expected = "Causality violation")]
fn broken_brc_merge_relaxed() {
    check(Some(Mutation::BrcMergeRelaxed), false, owner_gives_up);
}

/// The owner thread hands out a locally counted reference and exits without ever checking its
/// breaker, after the stranger's drop queued the object to it: its clean-up must merge it.
fn owner_exits_with_queued() {
    Runtime::initialize();
    let interp = Interpreter::new(InterpreterConfig::free_threaded()).unwrap();
    let frees = Arc::new(AtomicUsize::new(0));
    let dropped = Arc::new(Signal::default());
    let (tx, rx) = loom::sync::mpsc::channel::<Py>();
    let owner = {
        let (interp, frees, dropped) = (interp.clone(), frees.clone(), dropped.clone());
        thread::spawn(move || {
            interp
                .attach(|py| {
                    let obj = new_probe(py, &frees);
                    tx.send(obj.clone().unbind()).unwrap();
                    drop(obj);
                    dropped.wait();
                })
                .unwrap()
        })
    };
    interp
        .attach(|py| {
            let theirs = rx.recv().unwrap().bind(py);
            assert_eq!(read(&theirs), 7);
            drop(theirs);
        })
        .unwrap();
    dropped.set();
    owner.join().unwrap();
    assert_eq!(frees.load(Ordering::Relaxed), 1, "freed exactly once");
}

#[test]
fn brc_owner_exits_with_queued_objects() {
    check(None, false, owner_exits_with_queued);
}

#[test]
#[should_panic(expected = "freed exactly once")]
fn broken_brc_exit_skips_merge() {
    check(Some(Mutation::BrcExitSkipsMerge), false, owner_exits_with_queued);
}
