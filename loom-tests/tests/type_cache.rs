//! A class attribute looked up through the free-threaded type attribute cache while a writer of
//! the same interpreter replaces it (`pyrt::object::type_cache`, its "Free-threaded" docs).
//!
//! Before the threads start, a lookup fills the cache entry for `Cls.attr` with the first value
//! (held by the class dict only). The reader looks `Cls.attr` up again — a hit, unless the
//! writer's change has taken the class's tag already — while the writer assigns a second value,
//! which releases the first one (freed unless the reader's try-increment took it first). The
//! reader must never hold a freed value. Twin: the hit takes a plain increment
//! (`TypeCacheReadPlainIncref`), which revives a freed value.
//!
//! The values are the inline-values model's items: a deallocator that marks the payload freed
//! (loom's causality tracking checks the reader's payload read against it) and keeps the
//! memory, as the arena keeps its pages mapped.
#![cfg(loom)]

use std::ptr::NonNull;
use std::sync::Arc;

use loom::cell::UnsafeCell;
use loom::sync::atomic::{AtomicUsize, Ordering};
use loom::thread;
use loom_tests::{check_bounded, check_rejected_bounded};
use pyrt::object::types::TypeObject;
use pyrt::object::{Bound, PyObject, RefcountStrategy, type_cache_model as model, types};
use pyrt::sync::Mutation;
use pyrt::{Interpreter, InterpreterConfig, Runtime};

/// What a freed value's payload holds.
const FREED: usize = usize::MAX;

/// The preemption bound: the class is made inside each execution, and the writer's class
/// change (tags, dict write under its critical section, slot check) is a long stretch of
/// modelled accesses.
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

/// The reader looks `Cls.attr` up while the writer assigns a new value and releases the old.
fn lookup_while_the_writer_replaces() {
    Runtime::initialize();
    let interp = Interpreter::new(InterpreterConfig::free_threaded()).unwrap();
    let frees = Arc::new(AtomicUsize::new(0));
    let (cls, theirs, b) = interp
        .attach(|py| {
            let cls = model::new_class(py);
            let a = new_item(py, &frees, 1);
            model::set(&cls, "attr", &a);
            drop(a);
            // SAFETY: the class holds the model's items, which this interpreter may hold.
            let filled = unsafe { model::lookup(py, &cls, "attr") }.expect("Cls.attr exists");
            assert_eq!(read(&filled), 1);
            drop(filled);
            let theirs = cls.clone().unbind();
            (cls.unbind(), theirs, new_item(py, &frees, 2).unbind())
        })
        .unwrap();
    let reader = {
        let interp = interp.clone();
        thread::spawn(move || {
            interp
                .attach(|py| {
                    let cls = theirs.bind(py);
                    // SAFETY: as above.
                    let x = unsafe { model::lookup(py, &cls, "attr") }.expect("Cls.attr exists");
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
            let (cls, b) = (cls.clone_ref(py).bind(py), b.bind(py));
            model::set(&cls, "attr", &b);
        })
        .unwrap();
    reader.join().unwrap();
    interp.attach(|py| drop(cls.bind(py))).unwrap();
    assert_eq!(frees.load(Ordering::Relaxed), 1, "the replaced value freed once");
}

#[test]
fn type_cache_hit_while_replaced() {
    check_bounded(BOUND, None, false, lookup_while_the_writer_replaces);
}

#[test]
fn broken_type_cache_read_plain_incref() {
    check_rejected_bounded(
        BOUND,
        Mutation::TypeCacheReadPlainIncref,
        false,
        "Causality violation",
        lookup_while_the_writer_replaces,
    );
}
