//! An instance attribute read without any lock while a writer of the same free-threaded
//! interpreter changes the instance (`pyrt::object::inline_values`, its "Threads" docs). Two
//! models:
//!
//! * the writer replaces an inline value, releasing the old one (freed unless the reader's
//!   try-increment took it first): the reader must never hold a freed value. Twin: the read
//!   takes a plain increment (`InstanceValueReadPlainIncref`), which revives a freed value.
//! * the writer materialises the instance's dict (`o.__dict__`): the values move into a dict
//!   under the reader, which must still find the attribute — in the values or in the dict.
//!   Twin: the values are taken out and invalidated before the dict is published
//!   (`MaterializeInvalidatesFirst`, pyrt's order before this change), so a reader in between
//!   finds neither.
//!
//! The values are the list model's items: a deallocator that marks the payload freed (loom's
//! causality tracking checks the reader's payload read against it) and keeps the memory, as
//! the arena keeps its pages mapped.
#![cfg(loom)]

use std::ptr::NonNull;
use std::sync::Arc;

use loom::cell::UnsafeCell;
use loom::sync::atomic::{AtomicUsize, Ordering};
use loom::thread;
use loom_tests::{check_bounded, check_rejected_bounded};
use pyrt::object::types::TypeObject;
use pyrt::object::{Bound, PyObject, RefcountStrategy, inline_values_model as model, types};
use pyrt::sync::Mutation;
use pyrt::{Interpreter, InterpreterConfig, Runtime};

/// What a freed value's payload holds.
const FREED: usize = usize::MAX;

/// The preemption bound of both models: the class and instance are made inside each
/// execution, and the writer's materialisation is a long stretch of modelled accesses.
const BOUND: usize = 2;

#[repr(C)]
struct Item {
    ob_base: PyObject,
    payload: UnsafeCell<usize>,
    frees: Arc<AtomicUsize>,
}

/// A value's deallocator: marks it freed and keeps its memory.
///
/// # Safety
///
/// `op` is an item made by `new_item` whose last reference is gone.
unsafe fn item_dealloc(op: NonNull<PyObject>) {
    // SAFETY: items are leaked boxes (see `new_item`); this is the last reference.
    let item = unsafe { op.cast::<Item>().as_ref() };
    // SAFETY: loom checks this write against every reader's read.
    item.payload.with_mut(|p| unsafe { *p = FREED });
    item.frees.fetch_add(1, Ordering::Relaxed);
}

/// A new value with atomic reference counting (born merged, no owner): the reader's
/// try-increment takes the shared path, the one that races the writer's release.
fn new_item<'py>(py: pyrt::Python<'py>, frees: &Arc<AtomicUsize>, payload: usize) -> Bound<'py> {
    // SAFETY: items are boxed Item values, which `item_dealloc` retires.
    let ty: &'static TypeObject =
        unsafe { TypeObject::leak_static(types().type_type, "Item", size_of::<Item>(), item_dealloc) };
    let item = Box::new(Item {
        // SAFETY: the header starts a boxed Item of type `ty`.
        ob_base: unsafe { PyObject::new_header(ty, RefcountStrategy::Atomic) },
        payload: UnsafeCell::new(payload),
        frees: frees.clone(),
    });
    // SAFETY: the header holds one reference, which moves into the handle; we are attached.
    unsafe { Bound::from_owned(py, NonNull::from(Box::leak(item)).cast()) }
}

fn read(obj: &PyObject) -> usize {
    // SAFETY: a held reference keeps the item alive; loom checks the ordering against the free.
    unsafe { &*(obj as *const PyObject as *const Item) }.payload.with(|p| unsafe { *p })
}

/// The reader reads `o.x` while the writer stores a new value in it and releases the old one.
fn read_while_the_writer_replaces() {
    Runtime::initialize();
    let interp = Interpreter::new(InterpreterConfig::free_threaded()).unwrap();
    let frees = Arc::new(AtomicUsize::new(0));
    let (o, theirs, b) = interp
        .attach(|py| {
            let o = model::new_instance(py);
            let a = new_item(py, &frees, 1);
            model::set(&o, "x", &a);
            drop(a);
            let theirs = Bound::new_ref(py, &o).unbind();
            (o.unbind(), theirs, new_item(py, &frees, 2).unbind())
        })
        .unwrap();
    let reader = {
        let interp = interp.clone();
        thread::spawn(move || {
            interp
                .attach(|py| {
                    let o = theirs.bind(py);
                    // SAFETY: the instance holds the model's items, which this interpreter may hold.
                    let x = unsafe { model::get(py, &o, "x") }.expect("o.x exists");
                    // Not dropped while `read` may panic (the broken twin's read of a freed
                    // value): unwinding would release the value inside loom's cell read.
                    let x = std::mem::ManuallyDrop::new(x);
                    let payload = read(&x);
                    assert!(payload == 1 || payload == 2, "read a freed value ({payload:#x})");
                    drop(std::mem::ManuallyDrop::into_inner(x));
                })
                .unwrap()
        })
    };
    interp
        .attach(|py| {
            let (o, b) = (o.clone_ref(py).bind(py), b.bind(py));
            model::set(&o, "x", &b);
        })
        .unwrap();
    reader.join().unwrap();
    interp.attach(|py| drop(o.bind(py))).unwrap();
    assert_eq!(frees.load(Ordering::Relaxed), 2, "every value freed once");
}

/// The reader reads `o.x` while the writer materialises `o.__dict__`.
fn read_while_the_writer_materialises() {
    Runtime::initialize();
    let interp = Interpreter::new(InterpreterConfig::free_threaded()).unwrap();
    let frees = Arc::new(AtomicUsize::new(0));
    let (o, theirs) = interp
        .attach(|py| {
            let o = model::new_instance(py);
            let a = new_item(py, &frees, 1);
            model::set(&o, "x", &a);
            drop(a);
            let theirs = Bound::new_ref(py, &o).unbind();
            (o.unbind(), theirs)
        })
        .unwrap();
    let reader = {
        let interp = interp.clone();
        thread::spawn(move || {
            interp
                .attach(|py| {
                    let o = theirs.bind(py);
                    // SAFETY: as above.
                    let x = unsafe { model::get(py, &o, "x") }.expect("o.x is found in the values or the dict");
                    assert_eq!(read(&x), 1, "the value stored");
                })
                .unwrap()
        })
    };
    interp.attach(|py| model::materialize(&o.clone_ref(py).bind(py))).unwrap();
    reader.join().unwrap();
    interp.attach(|py| drop(o.bind(py))).unwrap();
    assert_eq!(frees.load(Ordering::Relaxed), 1, "the value freed once");
}

#[test]
fn instance_value_read_while_replaced() {
    check_bounded(BOUND, None, false, read_while_the_writer_replaces);
}

#[test]
fn broken_instance_value_read_plain_incref() {
    check_rejected_bounded(BOUND, Mutation::InstanceValueReadPlainIncref, false, "", read_while_the_writer_replaces);
}

#[test]
fn instance_value_read_while_materialised() {
    check_bounded(BOUND, None, false, read_while_the_writer_materialises);
}

#[test]
fn broken_materialize_invalidates_first() {
    check_rejected_bounded(
        BOUND,
        Mutation::MaterializeInvalidatesFirst,
        false,
        "found in the values or the dict",
        read_while_the_writer_materialises,
    );
}
