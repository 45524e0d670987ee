//! CPython's three allocator domains.
//!
//! * **raw** (`PyMem_RawMalloc` …): the system allocator; callable without an attached thread.
//! * **mem** (`PyMem_Malloc` …) and **object** (`PyObject_Malloc` …): the current interpreter's
//!   arena, through the attached thread's heap; they require an attached thread (the token).
//!   Like CPython's, both use the same small-block allocator.
//!
//! A zero-byte request returns a unique pointer, as CPython's do. Failure is `None` (the C ABI
//! sets `MemoryError`).

use std::ffi::c_void;
use std::ptr::NonNull;

use super::arena::Arena;
use crate::Python;

/// `PyMem_RawMalloc`.
pub fn raw_malloc(size: usize) -> Option<NonNull<c_void>> {
    // SAFETY: malloc has no preconditions; size 0 is bumped to 1 for a unique pointer.
    NonNull::new(unsafe { libc::malloc(size.max(1)) })
}

/// `PyMem_RawCalloc`.
pub fn raw_calloc(n: usize, size: usize) -> Option<NonNull<c_void>> {
    let (n, size) = if n == 0 || size == 0 { (1, 1) } else { (n, size) };
    // SAFETY: calloc checks the multiplication itself.
    NonNull::new(unsafe { libc::calloc(n, size) })
}

/// `PyMem_RawRealloc`.
///
/// # Safety
///
/// `ptr` must be null or come from the raw domain and not be freed.
pub unsafe fn raw_realloc(ptr: *mut c_void, size: usize) -> Option<NonNull<c_void>> {
    // SAFETY: the caller's contract is realloc's.
    NonNull::new(unsafe { libc::realloc(ptr, size.max(1)) })
}

/// `PyMem_RawFree`.
///
/// # Safety
///
/// `ptr` must be null or come from the raw domain and not be freed.
pub unsafe fn raw_free(ptr: *mut c_void) {
    // SAFETY: the caller's contract is free's.
    unsafe { libc::free(ptr) }
}

/// `PyMem_Malloc` / `PyObject_Malloc`: from the attached interpreter's arena.
pub fn malloc(py: Python<'_>, size: usize) -> Option<NonNull<c_void>> {
    let ts = py.thread_state();
    // SAFETY: the token proves we own the thread state's heap.
    unsafe { ts.interp_state().arena.alloc(ts.heap(), size.max(1)) }.ok().map(NonNull::cast)
}

/// `PyMem_Calloc` / `PyObject_Calloc`.
pub fn calloc(py: Python<'_>, n: usize, size: usize) -> Option<NonNull<c_void>> {
    let total = n.checked_mul(size)?;
    let p = malloc(py, total)?;
    // SAFETY: a fresh block of at least `total` bytes.
    unsafe { p.cast::<u8>().as_ptr().write_bytes(0, total) };
    Some(p)
}

/// `PyMem_Free` / `PyObject_Free`.
///
/// # Safety
///
/// `ptr` must be null or a live block from [`malloc`] / [`calloc`] / [`realloc`] of an arena
/// that still exists.
pub unsafe fn free(py: Python<'_>, ptr: *mut c_void) {
    if let Some(p) = NonNull::new(ptr) {
        // SAFETY: the caller's contract; the heap is ours (token).
        unsafe { Arena::free(Some(py.thread_state().heap()), p.cast()) };
    }
}

/// `PyMem_Realloc` / `PyObject_Realloc`.
///
/// # Safety
///
/// As for [`free`].
pub unsafe fn realloc(py: Python<'_>, ptr: *mut c_void, size: usize) -> Option<NonNull<c_void>> {
    let Some(old) = NonNull::new(ptr) else { return malloc(py, size) };
    // SAFETY: `old` is a live block (caller's contract).
    let old_size = unsafe { Arena::usable_size(old.cast()) };
    if size <= old_size && size > old_size / 2 {
        return Some(old);
    }
    let new = malloc(py, size)?;
    // SAFETY: both blocks are live and distinct; we copy the smaller size.
    unsafe {
        std::ptr::copy_nonoverlapping(old.cast::<u8>().as_ptr(), new.cast::<u8>().as_ptr(), old_size.min(size));
        free(py, ptr);
    }
    Some(new)
}
