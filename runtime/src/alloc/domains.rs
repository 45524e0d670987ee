//! CPython's three allocator domains.
//!
//! * **raw** (`PyMem_RawMalloc` …): the system allocator; callable without an attached thread.
//! * **mem** (`PyMem_Malloc` …) and **object** (`PyObject_Malloc` …): the current interpreter's
//!   arena, through the attached thread's heap; they require an attached thread, shown by the
//!   [`MemoryContext`] the caller passes (a [`crate::Python`] token converts into one). Like
//!   CPython's, both use the same small-block allocator.
//!
//! A zero-byte request returns a unique pointer, as CPython's do. Failure is `None` (the C ABI
//! sets `MemoryError`).

use std::ffi::c_void;
use std::ptr::NonNull;

use super::arena::Arena;
use super::context::MemoryContext;

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
pub fn malloc<'a>(mem: impl Into<MemoryContext<'a>>, size: usize) -> Option<NonNull<c_void>> {
    mem.into().alloc(size).ok().map(NonNull::cast)
}

/// `PyMem_Calloc` / `PyObject_Calloc`.
pub fn calloc<'a>(mem: impl Into<MemoryContext<'a>>, n: usize, size: usize) -> Option<NonNull<c_void>> {
    let total = n.checked_mul(size)?;
    let p = malloc(mem, total)?;
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
pub unsafe fn free<'a>(mem: impl Into<MemoryContext<'a>>, ptr: *mut c_void) {
    if let Some(p) = NonNull::new(ptr) {
        // SAFETY: the caller's contract.
        unsafe { mem.into().free(p.cast()) };
    }
}

/// `PyMem_Realloc` / `PyObject_Realloc`.
///
/// # Safety
///
/// As for [`free`].
pub unsafe fn realloc<'a>(mem: impl Into<MemoryContext<'a>>, ptr: *mut c_void, size: usize) -> Option<NonNull<c_void>> {
    let mem = mem.into();
    let Some(old) = NonNull::new(ptr) else { return malloc(mem, size) };
    // SAFETY: `old` is a live block (caller's contract).
    let old_size = unsafe { Arena::usable_size(old.cast()) };
    if size <= old_size && size > old_size / 2 {
        return Some(old);
    }
    let new = malloc(mem, size)?;
    // SAFETY: both blocks are live and distinct; we copy the smaller size.
    unsafe {
        std::ptr::copy_nonoverlapping(old.cast::<u8>().as_ptr(), new.cast::<u8>().as_ptr(), old_size.min(size));
        free(mem, ptr);
    }
    Some(new)
}
