//! A list read without any lock while a writer of the same free-threaded interpreter grows it
//! and replaces an item (`pyrt::object::list_items`): the reader indexes the list through the
//! lock-free path (CPython's `list_get_item_ref`); the writer's append outgrows the block (a new
//! block is published and the old one retired through QSBR) and its store releases the item
//! the reader may be taking.
//!
//! Two "freed" checks, both by loom's causality tracking: every item block carries an access
//! record that a reader touches and the block's free writes (`pyrt::sync::AccessCheck`), and
//! every item's deallocator writes its payload cell, which the reader reads through the
//! reference it got. A freed object's memory is kept (the arena keeps its pages mapped).
//! The broken twin frees the old block at once instead of retiring it.
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

fn read_while_the_writer_grows_and_replaces() {
    Runtime::initialize();
    let interp = Interpreter::new(InterpreterConfig::free_threaded()).unwrap();
    let frees = Arc::new(AtomicUsize::new(0));
    let (list, theirs, b, c) = interp
        .attach(|py| {
            let a = new_item(py, &frees);
            // One item: a block of capacity 1, which the append outgrows.
            let list = list_model::new(py, &[a]);
            let theirs = Bound::new_ref(py, &list).unbind();
            (list.unbind(), theirs, new_item(py, &frees).unbind(), new_item(py, &frees).unbind())
        })
        .unwrap();
    let reader = {
        let interp = interp.clone();
        thread::spawn(move || {
            interp
                .attach(|py| {
                    let l = theirs.bind(py);
                    let x = list_model::get(py, &l, 0).expect("index 0 exists");
                    assert_ne!(read(&x), FREED, "read a freed item");
                })
                .unwrap()
        })
    };
    interp
        .attach(|py| {
            let (l, b, c) = (list.clone_ref(py).bind(py), b.bind(py), c.bind(py));
            list_model::push(&l, &b);
            // Releases the first item (freed unless the reader holds it).
            list_model::set(&l, 0, &c);
        })
        .unwrap();
    reader.join().unwrap();
    interp
        .attach(|py| {
            // Attaching frees what the writer retired (the reader is gone).
            drop(list.bind(py));
        })
        .unwrap();
    assert_eq!(frees.load(Ordering::Relaxed), 3, "every item freed once");
}

#[test]
fn list_lock_free_read_while_resized_and_replaced() {
    check(None, false, read_while_the_writer_grows_and_replaces);
}

#[test]
fn broken_list_free_without_retire() {
    check_rejected(
        Mutation::ListFreeWithoutRetire,
        false,
        "Causality violation",
        read_while_the_writer_grows_and_replaces,
    );
}
