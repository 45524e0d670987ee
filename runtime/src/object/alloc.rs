//! Creating objects in the current interpreter's arena, and freeing them.

use std::ptr::NonNull;

use super::handle::PyRef;
use super::header::PyObject;
use super::immortal::{immortals, types};
use super::types::{IntObject, StrObject, TypeObject};
use crate::Python;
use crate::alloc::Arena;
use crate::error::{ExcKind, PyErr, PyResult};
use crate::state::thread_state::ThreadState;

/// Allocates an instance of `ty` laid out as `T` (a `#[repr(C)]` struct that starts with a
/// [`PyObject`]) in the interpreter's arena, owned by the calling thread, with one reference.
/// Over the arena's limit the result is `MemoryError`.
pub fn alloc_object<T>(py: Python<'_>, ty: &'static TypeObject, init: impl FnOnce(PyObject) -> T) -> PyResult<PyRef> {
    let ts = py.thread_state();
    let interp = ts.interp_state();
    // SAFETY: the token proves this thread is attached with `ts`, so it owns `ts`'s heap (or,
    // with a lock, the interpreter's heap).
    let block = unsafe { interp.arena.alloc(ts.heap(), size_of::<T>().max(1)) }.map_err(|_| memory_error(interp.arena.limit()))?;
    let header = PyObject::new_header(ty, interp.config_refcount());
    // SAFETY: a fresh block of at least size_of::<T>() bytes, 16-byte aligned.
    unsafe { block.cast::<T>().as_ptr().write(init(header)) };
    // SAFETY: the header holds one reference, which moves into the handle.
    Ok(unsafe { PyRef::from_owned(block.cast()) })
}

fn memory_error(limit: Option<usize>) -> PyErr {
    match limit {
        Some(l) => PyErr::new(ExcKind::MemoryError, format!("the interpreter's arena limit of {l} bytes is exhausted")),
        None => PyErr::new(ExcKind::MemoryError, "out of memory"),
    }
}

/// An `int` (small ints are the immortal ones).
pub fn new_int(py: Python<'_>, value: i64) -> PyResult<PyRef> {
    if let Some(small) = immortals().small_int(value) {
        return Ok(PyRef::new_ref(&small.ob_base));
    }
    alloc_object(py, types().int_type, |ob_base| IntObject { ob_base, value })
}

/// A `str`.
pub fn new_str(py: Python<'_>, value: &str) -> PyResult<PyRef> {
    alloc_object(py, types().str_type, |ob_base| StrObject { ob_base, value: value.into() })
}

/// The value of an `int` (or `bool`) object.
pub fn int_value(obj: &PyObject) -> Option<i64> {
    let t = obj.ob_type;
    let ty = types();
    (std::ptr::eq(t, ty.int_type) || std::ptr::eq(t, ty.bool_type)).then(|| {
        // SAFETY: int and bool instances are laid out as IntObject.
        unsafe { (*(obj as *const PyObject as *const IntObject)).value }
    })
}

/// The text of a `str` object.
pub fn str_value(obj: &PyObject) -> Option<&str> {
    std::ptr::eq(obj.ob_type, types().str_type).then(|| {
        // SAFETY: str instances are laid out as StrObject.
        unsafe { &*(*(obj as *const PyObject as *const StrObject)).value }
    })
}

/// Returns an arena object's block, from whichever thread drops the last reference.
///
/// # Safety
///
/// No reference to `op` remains and its destructor-side fields are already dropped.
pub unsafe fn free_object(op: NonNull<PyObject>) {
    let heap = crate::state::thread_state::current().map(|ts| {
        // SAFETY: the current thread state is alive while attached, and this thread owns its heap.
        let ts: &ThreadState = unsafe { &*ts.as_ptr() };
        ts.heap() as *const crate::alloc::Heap
    });
    // SAFETY: `op` is a live arena block (caller's contract); `heap` is this thread's own.
    unsafe { Arena::free(heap.map(|h| &*h), op.cast()) };
}

/// `int`'s deallocator.
///
/// # Safety
///
/// See [`super::types::DeallocFn`].
pub(crate) unsafe fn dealloc_int(op: NonNull<PyObject>) {
    // SAFETY: forwarded contract; ints own nothing else.
    unsafe { free_object(op) };
}

/// `str`'s deallocator.
///
/// # Safety
///
/// See [`super::types::DeallocFn`].
pub(crate) unsafe fn dealloc_str(op: NonNull<PyObject>) {
    // SAFETY: the object is a StrObject with no reference left; drop its text, then its block.
    unsafe {
        std::ptr::drop_in_place(&mut (*op.cast::<StrObject>().as_ptr()).value);
        free_object(op);
    }
}
