//! Creating objects in the current interpreter's arena, and freeing them.

use std::ptr::NonNull;

use super::handle::Bound;
use super::header::PyObject;
use super::immortal::{immortals, types};
use super::types::{IntObject, StrObject, TypeObject};
use crate::Python;
use crate::alloc::Arena;
use crate::error::{ExcKind, PyErr, PyResult};
use crate::state::thread_state::ThreadState;

/// Allocates an instance of `ty` laid out as `T` in the interpreter's arena, owned by the calling
/// thread, with one reference. Over the arena's limit the result is `MemoryError`.
///
/// # Safety
///
/// `T` must be `#[repr(C)]` and start with the [`PyObject`] header `init` receives, unchanged,
/// and `ty`'s deallocator must free an object of this layout (checked: `T` is at least
/// `ty.basic_size` bytes and at most 16-byte aligned).
pub unsafe fn alloc_object<'py, T>(
    py: Python<'py>,
    ty: &'static TypeObject,
    init: impl FnOnce(PyObject) -> T,
) -> PyResult<Bound<'py>> {
    assert!(
        size_of::<T>() >= ty.basic_size && align_of::<T>() <= crate::alloc::arena::BLOCK_ALIGN,
        "layout does not fit the type"
    );
    let block = alloc_block(py, size_of::<T>())?;
    // SAFETY: the caller promises T starts with the header and matches the type's deallocator.
    let header = unsafe { PyObject::new_header(ty, py.thread_state().interp_state().config_refcount()) };
    // SAFETY: a fresh block of at least size_of::<T>() bytes, 16-byte aligned.
    unsafe { block.cast::<T>().as_ptr().write(init(header)) };
    // SAFETY: the header holds one reference, which moves into the handle.
    Ok(unsafe { Bound::from_owned(py, block.cast()) })
}

fn alloc_block(py: Python<'_>, size: usize) -> PyResult<NonNull<u8>> {
    let ts = py.thread_state();
    let interp = ts.interp_state();
    // SAFETY: the token proves this thread is attached with `ts`, so it owns `ts`'s heap (or,
    // with a lock, the interpreter's heap).
    unsafe { interp.arena.alloc(ts.heap(), size.max(1)) }.map_err(|_| memory_error(interp.arena.limit()))
}

fn memory_error(limit: Option<usize>) -> PyErr {
    match limit {
        Some(l) => PyErr::new(ExcKind::MemoryError, format!("the interpreter's arena limit of {l} bytes is exhausted")),
        None => PyErr::new(ExcKind::MemoryError, "out of memory"),
    }
}

/// An `int` (small ints are the immortal ones).
pub fn new_int(py: Python<'_>, value: i64) -> PyResult<Bound<'_>> {
    if let Some(small) = immortals().small_int(value) {
        return Ok(Bound::new_ref(py, &small.ob_base));
    }
    // SAFETY: IntObject starts with the header and `int`'s deallocator frees it.
    unsafe { alloc_object(py, types().int_type, |ob_base| IntObject { ob_base, value }) }
}

/// A `str` (its text lives in the same arena block).
pub fn new_str<'py>(py: Python<'py>, value: &str) -> PyResult<Bound<'py>> {
    let block = alloc_block(py, StrObject::size_for(value.len()))?;
    // SAFETY: `str`'s deallocator frees this layout; the block is fresh and big enough.
    unsafe {
        let header = PyObject::new_header(types().str_type, py.thread_state().interp_state().config_refcount());
        StrObject::write(block, header, value);
        Ok(Bound::from_owned(py, block.cast()))
    }
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

/// The value of an `int` (or `bool`) object as a C `long` (`PyLong_AsLong`): any other object
/// raises `TypeError`, with CPython 3.13's message.
pub fn as_long(obj: &PyObject) -> PyResult<i64> {
    int_value(obj).ok_or_else(|| {
        PyErr::new(
            ExcKind::TypeError,
            format!("'{}' object cannot be interpreted as an integer", obj.type_object().name),
        )
    })
}

/// The text of a `str` object.
pub fn str_value(obj: &PyObject) -> Option<&str> {
    std::ptr::eq(obj.ob_type, types().str_type).then(|| {
        // SAFETY: str instances are laid out as StrObject.
        unsafe { &*(obj as *const PyObject as *const StrObject) }.as_str()
    })
}

/// Returns an arena object's block, from whichever thread drops the last reference.
///
/// # Safety
///
/// `op` must be an object allocated from an arena that still exists, with no reference left
/// and its own fields already dropped.
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
    // SAFETY: forwarded contract; the text is inside the block.
    unsafe { free_object(op) };
}
