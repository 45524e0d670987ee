//! A list read without any lock while a writer of the same free-threaded interpreter changes it
//! (`pyrt::object::list_items`): the reader indexes the list through the lock-free path
//! (CPython's `list_get_item_ref`). Two models: the writer's append outgrows the block (a new
//! block is published and the old one retired through QSBR), and the writer's store releases
//! the item the reader may be taking (the reader's try-increment races the release).
//!
//! Two "freed" checks, both by loom's causality tracking: every item block carries an access
//! record that a reader touches and the block's free writes (`pyrt::sync::AccessCheck`), and
//! every item's deallocator writes its payload cell, which the reader reads through the
//! reference it got. A freed item's memory is kept (the arena keeps its pages mapped). The
//! twins: the old block freed at once instead of retired (`ListFreeWithoutRetire`), and a plain
//! increment instead of the try-increment (`ListReadPlainIncref`), which revives a freed item.
#![cfg(loom)]

use std::ptr::NonNull;
use std::sync::Arc;

use loom::cell::UnsafeCell;
use loom::sync::atomic::{AtomicUsize, Ordering};
use loom::thread;
use loom_tests::{check, check_rejected};
use pyrt::object::types::TypeObject;
use pyrt::object::{Bound, PyObject, RefcountStrategy, list_model, types};
use pyrt::sync::Mutation;
use pyrt::{Interpreter, InterpreterConfig, Runtime};

/// What a freed item's payload holds.
const FREED: usize = usize::MAX;

#[repr(C)]
struct Item {
    ob_base: PyObject,
    payload: UnsafeCell<usize>,
    frees: Arc<AtomicUsize>,
}

/// An item's deallocator: marks it freed and keeps its memory (as the arena keeps its pages),
/// so a racing try-increment reads a dead header, never unmapped memory.
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

/// A new item with atomic reference counting (born merged, no owner): the reader's
/// try-increment takes the shared path, the one that races the writer's release.
fn new_item<'py>(py: pyrt::Python<'py>, frees: &Arc<AtomicUsize>) -> Bound<'py> {
    // SAFETY: items are boxed Item values, which `item_dealloc` retires.
    let ty: &'static TypeObject =
        unsafe { TypeObject::leak_static(types().type_type, "Item", size_of::<Item>(), item_dealloc) };
    let item = Box::new(Item {
        // SAFETY: the header starts a boxed Item of type `ty`.
        ob_base: unsafe { PyObject::new_header(ty, RefcountStrategy::Atomic) },
        payload: UnsafeCell::new(7),
        frees: frees.clone(),
    });
    // SAFETY: the header holds one reference, which moves into the handle; we are attached.
    unsafe { Bound::from_owned(py, NonNull::from(Box::leak(item)).cast()) }
}

fn read(obj: &PyObject) -> usize {
    // SAFETY: a held reference keeps the item alive; loom checks the ordering against the free.
    unsafe { &*(obj as *const PyObject as *const Item) }.payload.with(|p| unsafe { *p })
}

/// The reader indexes the list while the writer appends past the block's capacity: the old
/// block is retired, and freed only after the reader is done with it.
fn read_while_the_writer_grows() {
    Runtime::initialize();
    let interp = Interpreter::new(InterpreterConfig::free_threaded()).unwrap();
    let frees = Arc::new(AtomicUsize::new(0));
    let (list, theirs, b) = interp
        .attach(|py| {
            let a = new_item(py, &frees);
            // One item: a block of capacity 1, which the append outgrows.
            let list = list_model::new(py, &[a]);
            let theirs = Bound::new_ref(py, &list).unbind();
            (list.unbind(), theirs, new_item(py, &frees).unbind())
        })
        .unwrap();
    let reader = {
        let interp = interp.clone();
        thread::spawn(move || {
            interp
                .attach(|py| {
                    let l = theirs.bind(py);
                    // SAFETY: the list holds the model's items, which this interpreter may hold.
                    let x = unsafe { list_model::get(py, &l, 0) }.expect("index 0 exists");
                    assert_ne!(read(&x), FREED, "read a freed item");
                })
                .unwrap()
        })
    };
    interp
        .attach(|py| {
            let (l, b) = (list.clone_ref(py).bind(py), b.bind(py));
            list_model::push(&l, &b);
        })
        .unwrap();
    reader.join().unwrap();
    interp
        .attach(|py| {
            // Attaching frees what the writer retired (the reader is gone).
            drop(list.bind(py));
        })
        .unwrap();
    assert_eq!(frees.load(Ordering::Relaxed), 2, "every item freed once");
}

/// The reader indexes the list while the writer replaces the item (releasing it, so it is
/// freed unless the reader's try-increment took it first).
fn read_while_the_writer_replaces() {
    Runtime::initialize();
    let interp = Interpreter::new(InterpreterConfig::free_threaded()).unwrap();
    let frees = Arc::new(AtomicUsize::new(0));
    let (list, theirs, c) = interp
        .attach(|py| {
            let list = list_model::new(py, &[new_item(py, &frees)]);
            let theirs = Bound::new_ref(py, &list).unbind();
            (list.unbind(), theirs, new_item(py, &frees).unbind())
        })
        .unwrap();
    let reader = {
        let interp = interp.clone();
        thread::spawn(move || {
            interp
                .attach(|py| {
                    let l = theirs.bind(py);
                    // SAFETY: as above.
                    let x = unsafe { list_model::get(py, &l, 0) }.expect("index 0 exists");
                    assert_ne!(read(&x), FREED, "read a freed item");
                })
                .unwrap()
        })
    };
    interp
        .attach(|py| {
            let (l, c) = (list.clone_ref(py).bind(py), c.bind(py));
            list_model::set(&l, 0, &c);
        })
        .unwrap();
    reader.join().unwrap();
    interp.attach(|py| drop(list.bind(py))).unwrap();
    assert_eq!(frees.load(Ordering::Relaxed), 2, "every item freed once");
}

#[test]
fn list_lock_free_read_while_resized() {
    check(None, false, read_while_the_writer_grows);
}

#[test]
fn broken_list_free_without_retire() {
    check_rejected(Mutation::ListFreeWithoutRetire, false, "Causality violation", read_while_the_writer_grows);
}

#[test]
fn list_lock_free_read_while_replaced() {
    check(None, false, read_while_the_writer_replaces);
}

#[test]
fn broken_list_read_plain_incref() {
    check_rejected(Mutation::ListReadPlainIncref, false, "", read_while_the_writer_replaces);
}
