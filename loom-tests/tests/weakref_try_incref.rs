//! A weak reference's referent taken by a stranger while its owner drops the last reference
//! (`refcount::try_incref`, CPython's `_PyWeakref_GET_REF` / `_Py_TryIncref`).
//!
//! The model mirrors `object::weakref`: the weak reference is a pointer that owns no reference,
//! kept in a table under a mutex; the referent's deallocation nulls it under that mutex before
//! it frees the object, and a reader loads it and try-increments under the same mutex. The
//! referent carries the maybe-weakref flag every referent gets (`refcount::set_maybe_weakref`).
//! The probe's deallocator writes its payload cell, which the reader reads after the mutex, so
//! loom reports a free that is not ordered after the reader's use, and `frees` catches a second
//! free (a reader that revived a dying object drops it again).
#![cfg(loom)]

use std::ptr::NonNull;
use std::sync::Arc;

use loom::cell::UnsafeCell;
use loom::sync::Mutex;
use loom::sync::atomic::{AtomicUsize, Ordering};
use loom::thread;
use loom_tests::check;
use pyrt::object::refcount::{set_maybe_weakref, try_incref};
use pyrt::object::types::TypeObject;
use pyrt::object::{Bound, PyObject, RefcountStrategy, types};
use pyrt::sync::Mutation;
use pyrt::{Interpreter, InterpreterConfig, Runtime};

/// The weak reference: the referent's address, or 0 once its deallocation cleared it.
type Table = Arc<Mutex<usize>>;

#[repr(C)]
struct Referent {
    ob_base: PyObject,
    payload: UnsafeCell<usize>,
    table: Table,
    frees: Arc<AtomicUsize>,
}

/// The referent's deallocator: clears the weak reference under the table's mutex (as
/// `clear_weakrefs` does), then "frees" — writes the payload and counts. The box itself is
/// reclaimed by the model once both threads are done, so that a second deallocation (the twin's
/// failure) is a clean panic instead of a double free.
///
/// # Safety
///
/// `op` is a referent made by `new_referent` whose last reference is gone.
unsafe fn referent_dealloc(op: NonNull<PyObject>) {
    // SAFETY: referents are boxed (see `new_referent`) and stay allocated until the model ends.
    let referent = unsafe { op.cast::<Referent>().as_ref() };
    *referent.table.lock().unwrap() = 0;
    // SAFETY: loom checks this write against every reader's read.
    referent.payload.with_mut(|p| unsafe { *p = usize::MAX });
    assert_eq!(referent.frees.fetch_add(1, Ordering::Relaxed), 0, "freed exactly once");
}

fn new_referent<'py>(py: pyrt::Python<'py>, table: &Table, frees: &Arc<AtomicUsize>) -> Bound<'py> {
    // SAFETY: referents are boxed Referent values, which `referent_dealloc` frees.
    let ty: &'static TypeObject =
        unsafe { TypeObject::leak_static(types().type_type, "Referent", size_of::<Referent>(), referent_dealloc) };
    let referent = Box::new(Referent {
        // SAFETY: the header starts a boxed Referent of type `ty`.
        ob_base: unsafe { PyObject::new_header(ty, RefcountStrategy::Biased) },
        payload: UnsafeCell::new(7),
        table: table.clone(),
        frees: frees.clone(),
    });
    // SAFETY: the header holds one reference, which moves into the handle; we are attached.
    unsafe { Bound::from_owned(py, NonNull::from(Box::leak(referent)).cast()) }
}

fn read(obj: &PyObject) -> usize {
    // SAFETY: a held reference keeps the referent alive; loom checks the ordering against the free.
    unsafe { &*(obj as *const PyObject as *const Referent) }.payload.with(|p| unsafe { *p })
}

/// The owner drops its only reference while a stranger calls the weak reference.
fn stranger_calls_while_owner_drops() {
    Runtime::initialize();
    let interp = Interpreter::new(InterpreterConfig::free_threaded()).unwrap();
    let frees = Arc::new(AtomicUsize::new(0));
    let table: Table = Arc::new(Mutex::new(0));
    let addr = interp
        .attach(|py| {
            let obj = new_referent(py, &table, &frees);
            set_maybe_weakref(&obj);
            let addr = obj.as_ptr().as_ptr() as usize;
            *table.lock().unwrap() = addr;
            let stranger = {
                let (interp, table) = (interp.clone(), table.clone());
                thread::spawn(move || {
                    interp
                        .attach(|py| {
                            let got = {
                                let weak = table.lock().unwrap();
                                (*weak != 0)
                                    .then(|| {
                                        // SAFETY: a non-null weak reference names a referent not
                                        // deallocated yet: its deallocation clears it under this
                                        // mutex first.
                                        let o = unsafe { &*(*weak as *const PyObject) };
                                        // SAFETY: a successful try-increment is a reference we own.
                                        try_incref(o).then(|| unsafe { Bound::from_owned(py, NonNull::from(o)) })
                                    })
                                    .flatten()
                            };
                            if let Some(o) = got {
                                assert_eq!(read(&o), 7, "a revived referent was freed");
                                drop(o);
                            }
                        })
                        .unwrap()
                })
            };
            assert_eq!(read(&obj), 7);
            drop(obj);
            stranger.join().unwrap();
            py.check_eval_breaker().unwrap();
            addr
        })
        .unwrap();
    assert_eq!(frees.load(Ordering::Relaxed), 1, "freed exactly once");
    // SAFETY: deallocated once (checked), by now with no reference left; the box is reclaimed.
    drop(unsafe { Box::from_raw(addr as *mut Referent) });
    assert_eq!(*table.lock().unwrap(), 0, "the weak reference is dead");
}

#[test]
fn weakref_try_incref_races_the_last_decref() {
    check(None, false, stranger_calls_while_owner_drops);
}

#[test]
#[should_panic(expected = "Causality violation")]
fn broken_weakref_plain_incref() {
    check(Some(Mutation::WeakrefPlainIncref), false, stranger_calls_while_owner_drops);
}
