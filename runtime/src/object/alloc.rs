//! Creating objects in the current interpreter's arena, and freeing them.

use std::ptr::NonNull;

use super::handle::Bound;
use super::header::{PyObject, gc_bits};
use super::obj::Obj;
use super::typeobj::TypeObject;
use crate::Python;
use crate::alloc::Arena;
use crate::alloc::gc_heads::GC_HEAD_SIZE;
use crate::error::{ExcKind, PyErr, PyResult};
use crate::sync::Ordering;

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
    let ty: &'static TypeObject = {
        // SAFETY: static types live for the process; callers of this legacy entry point only
        // pass static types (heap types go through `alloc_current`, which counts references).
        unsafe { &*(ty as *const TypeObject) }
    };
    let block = alloc_block(py, size_of::<T>())?;
    // SAFETY: the caller promises T starts with the header and matches the type's deallocator.
    let header = unsafe { PyObject::new_header(ty, py.attachment().refcount()) };
    // SAFETY: a fresh block of at least size_of::<T>() bytes, 16-byte aligned.
    unsafe { block.cast::<T>().as_ptr().write(init(header)) };
    // SAFETY: the header holds one reference, which moves into the handle.
    Ok(unsafe { Bound::from_owned(py, block.cast()) })
}

fn alloc_block(py: Python<'_>, size: usize) -> PyResult<NonNull<u8>> {
    let mem = crate::alloc::MemoryContext::from(py);
    mem.alloc(size).map_err(|_| memory_error(mem.arena().limit()))
}

fn memory_error(limit: Option<usize>) -> PyErr {
    match limit {
        Some(l) => PyErr::new(ExcKind::MemoryError, format!("the interpreter's arena limit of {l} bytes is exhausted")),
        // CPython's `PyErr_NoMemory`: a `MemoryError` without arguments.
        None => PyErr::from_kind(ExcKind::MemoryError),
    }
}

/// Returns an arena object's block, from whichever thread drops the last reference.
///
/// # Safety
///
/// `op` must be an object allocated from an arena that still exists, with no reference left
/// and its own fields already dropped.
pub unsafe fn free_object(op: NonNull<PyObject>) {
    // SAFETY: the header is intact until the block is freed (caller's contract).
    let members = unsafe { take_members_over_builtin(op) };
    let heap = super::attachment::current().map(|a| {
        // SAFETY: the attachment is alive while attached, and this thread owns its heap.
        unsafe { a.as_ref() }.heap() as *const crate::alloc::Heap
    });
    // SAFETY: the header is intact until the block is freed (caller's contract).
    let bits = unsafe { op.as_ref() }.ob_gc_bits.load(Ordering::Relaxed);
    let block = if bits & gc_bits::HEAD != 0 {
        // The block starts with the object's GC head: unlink it first if it is tracked.
        let at = super::attachment::current_or_fatal("free_object");
        // SAFETY: attached (above); the object is ours to free, so a tracked object's head is
        // linked in this interpreter's list.
        unsafe {
            let head = op.cast::<u8>().sub(GC_HEAD_SIZE);
            if bits & gc_bits::TRACKED != 0 {
                at.gc_heads().unlink(head.cast());
            } else {
                at.gc_heads().count_untracked_free();
            }
            head
        }
    } else {
        op.cast()
    };
    // SAFETY: `block` is a live arena block (caller's contract); `heap` is this thread's own.
    // A large block is retired through QSBR in a free-threaded interpreter (lock-free readers
    // may still try-increment the object's header: `list_items`), freed at once otherwise.
    unsafe {
        Arena::free_or_delay_large(heap.map(|h| &*h), block, |large| super::attachment::free_delayed(Box::new(large)))
    };
    if let Some(members) = members {
        // Through the trashcan: a chain of such instances linked by a member must not free
        // itself by native recursion.
        super::trashcan::release(members);
    }
}

/// `None`-initialises the `__slots__` members of a class over a builtin base other than
/// `object` (whose own allocator writes only its fields and the dict pointer).
///
/// # Safety
///
/// `block` is a new instance of `ty`, of `ty`'s layout.
unsafe fn init_members(block: NonNull<u8>, ty: &TypeObject) {
    // SAFETY: read attached; a class's member offsets are fixed once it is made.
    for &offset in unsafe { &(*ty.mutable.get()).member_offsets } {
        // SAFETY: each offset is a member word inside the instance (caller's contract).
        unsafe { block.add(offset).cast::<Option<Obj>>().as_ptr().write(None) };
    }
}

/// The `__slots__` members of an instance of a class over a builtin base other than `object`,
/// taken out before its block is freed (its builtin deallocator dropped the rest): CPython's
/// `subtype_dealloc` clears them. `None` for every other object (one flag test).
///
/// # Safety
///
/// `op` is being freed: no reference left, header intact.
unsafe fn take_members_over_builtin(op: NonNull<PyObject>) -> Option<Vec<Obj>> {
    // SAFETY: the header is intact (caller's contract).
    let o = unsafe { op.as_ref() };
    let ty = o.type_object();
    if ty.flags & super::typeobj::flags::MEMBERS_OVER_BUILTIN == 0 {
        return None;
    }
    // SAFETY: as in `init_members`.
    let offsets = unsafe { &(*ty.mutable.get()).member_offsets };
    // SAFETY: the offsets are the class's own member words, initialised by `init_members`.
    Some(offsets.iter().filter_map(|&off| unsafe { super::member::member_slot(o, off) }.take()).collect())
}

/// Allocates `size` bytes (at least the size of `T`) for an instance of `ty` in the arena of the
/// interpreter the calling thread is attached to, writes `init(header)` at its start and returns
/// the owned reference. A heap type gains a reference (its instances keep it alive). This is the
/// object model's allocation path: object slots run attached and find the thread state as
/// CPython's do (`_PyThreadState_GET`).
///
/// # Safety
///
/// `T` must be `#[repr(C)]`, start with the header `init` receives, and `ty`'s deallocator must
/// free an object of this layout (including whatever follows `T` in the `size` bytes, which the
/// caller must initialise before the object is used).
#[inline]
pub(crate) unsafe fn alloc_sized<T>(ty: &TypeObject, size: usize, init: impl FnOnce(PyObject) -> T) -> PyResult<Obj> {
    // SAFETY: forwarded.
    unsafe { alloc_sized_gc(ty, size, init, true) }
}

/// [`alloc_sized`] for an instance of a type with `traverse` that starts untracked (an empty
/// exact `dict`, tracked once it holds a container: `object::gc::maybe_track_dict`); its GC
/// head is there, off the lists.
///
/// # Safety
///
/// As for [`alloc_sized`].
pub(crate) unsafe fn alloc_sized_untracked<T>(
    ty: &TypeObject,
    size: usize,
    init: impl FnOnce(PyObject) -> T,
) -> PyResult<Obj> {
    // SAFETY: forwarded.
    unsafe { alloc_sized_gc(ty, size, init, false) }
}

/// [`alloc_sized`]'s body; `track`: link a GC-headed object into generation 0.
///
/// # Safety
///
/// As for [`alloc_sized`].
#[inline]
unsafe fn alloc_sized_gc<T>(
    ty: &TypeObject,
    size: usize,
    init: impl FnOnce(PyObject) -> T,
    track: bool,
) -> PyResult<Obj> {
    debug_assert!(size >= size_of::<T>() && align_of::<T>() <= crate::alloc::arena::BLOCK_ALIGN);
    let Some(at) = super::attachment::current() else {
        crate::fatal::fatal_error("alloc_object", "no thread state is attached");
    };
    // SAFETY: the attachment is alive while this thread stays attached (for this call).
    let at = unsafe { at.as_ref() };
    // SAFETY: attached with `at` for this call, so this thread owns its heap (or, with a lock,
    // the interpreter's).
    let mem = unsafe { at.memory() };
    // Instances of a type with `traverse` get a GC head in front (see `alloc::gc_heads`).
    let tracked = ty.traverse.is_some();
    let head_size = if tracked { GC_HEAD_SIZE } else { 0 };
    let head = mem.alloc(size + head_size).map_err(|_| memory_error(mem.arena().limit()))?;
    // SAFETY: the block has room for the head.
    let block = unsafe { head.add(head_size) };
    if ty.is_heap() {
        super::refcount::incref(ty.as_object());
    }
    // SAFETY: the caller's contract on the layout; `ty` outlives the object (static, or counted).
    let header = unsafe { PyObject::new_header_dyn(ty, at.refcount()) };
    // SAFETY: a fresh block of at least size_of::<T>() bytes, 16-byte aligned.
    unsafe { block.cast::<T>().as_ptr().write(init(header)) };
    if ty.flags & super::typeobj::flags::MEMBERS_OVER_BUILTIN != 0 {
        // SAFETY: the member offsets are inside the `size` bytes (the class's layout).
        unsafe { init_members(block, ty) };
    }
    if tracked {
        // SAFETY: the header was just written; the head is this new block's, not linked yet.
        let due = unsafe {
            let bits = if track { gc_bits::TRACKED | gc_bits::HEAD } else { gc_bits::HEAD };
            block.cast::<PyObject>().as_ref().ob_gc_bits.store(bits, Ordering::Relaxed);
            if track { at.gc_heads().link(head.cast()) } else { at.gc_heads().count_untracked_alloc() }
        };
        if due {
            // The young count passed the threshold: collect at the next breaker check.
            at.home_ref().schedule_gc();
        }
    }
    // SAFETY: the header holds one reference, which moves into the handle.
    Ok(unsafe { Obj::from_owned(block.cast()) })
}

/// [`alloc_sized`] for a fixed-size layout.
///
/// # Safety
///
/// As for [`alloc_sized`].
#[inline]
pub(crate) unsafe fn alloc<T>(ty: &TypeObject, init: impl FnOnce(PyObject) -> T) -> PyResult<Obj> {
    // SAFETY: forwarded.
    unsafe { alloc_sized(ty, size_of::<T>(), init) }
}

/// [`alloc`] for an instance of a static, untracked type (exact `float` and `int`) whose
/// deallocator ends it with [`free_kept_leaf`]: the block comes from the thread's heap's stack
/// of kept blocks of its size when there is one (CPython's float free list, see
/// `crate::alloc::arena::KeptBlocks`), else from the arena.
///
/// The kept-block path is inlined into its callers (the float and int results of the
/// arithmetic fast paths are made here at every operation); the arena path is not.
///
/// # Safety
///
/// As for [`alloc`]; `ty` must be a static type without `traverse`.
#[inline(always)]
pub(crate) unsafe fn alloc_kept_leaf<T>(ty: &TypeObject, init: impl FnOnce(PyObject) -> T) -> PyResult<Obj> {
    debug_assert!(!ty.is_heap() && ty.traverse.is_none(), "a static untracked type");
    if let Some(at) = super::attachment::current() {
        // SAFETY: the attachment is alive while this thread stays attached (for this call).
        let at = unsafe { at.as_ref() };
        // SAFETY: attached with `at`, so this thread owns its heap (or, with a lock, the
        // interpreter's), as in `alloc_sized`.
        if let Some(block) = unsafe { at.heap().take_kept_block(size_of::<T>()) } {
            // SAFETY: a kept block was allocated for an object of this size (its class's
            // blocks are interchangeable) and is dead; the header is written whole, as
            // `alloc_sized` writes it, and its one reference moves into the handle. A static
            // type counts no reference and an untracked object has no GC head.
            unsafe {
                let header = PyObject::new_header_dyn(ty, at.refcount());
                block.cast::<T>().as_ptr().write(init(header));
                return Ok(Obj::from_owned(block.cast()));
            }
        }
    }
    // SAFETY: forwarded.
    unsafe { alloc_kept_leaf_from_arena(ty, init) }
}

/// [`alloc_kept_leaf`] when no block is kept: a new block from the arena.
///
/// # Safety
///
/// As for [`alloc_kept_leaf`].
#[inline(never)]
unsafe fn alloc_kept_leaf_from_arena<T>(ty: &TypeObject, init: impl FnOnce(PyObject) -> T) -> PyResult<Obj> {
    // SAFETY: forwarded.
    unsafe { alloc(ty, init) }
}

/// Ends an instance made by [`alloc_kept_leaf`]: drops its Rust fields (as `T`), then the
/// thread's heap keeps its block for the next object of its size, or it is freed. The fields
/// own no Python reference, so this cannot start another deallocation: no trashcan nesting
/// count (see [`drop_and_free`]).
///
/// # Safety
///
/// As for [`drop_and_free`]; dropping `T`'s fields must not drop a Python reference, and the
/// object must have been made by [`alloc_kept_leaf`] (a static untracked type).
#[inline]
pub(crate) unsafe fn free_kept_leaf<T>(op: NonNull<PyObject>) {
    // SAFETY: the layout is T and no reference is left (caller's contract).
    unsafe { std::ptr::drop_in_place(op.cast::<T>().as_ptr()) };
    if let Some(at) = super::attachment::current() {
        // SAFETY: an untracked object's block starts at the object, allocated for
        // `size_of::<T>()` bytes in the arena; it is dead; the attached thread owns its heap
        // (as in `alloc_kept_leaf`).
        if unsafe { at.as_ref().heap().keep_block(op.cast(), size_of::<T>()) } {
            return;
        }
    }
    // SAFETY: the fields are dropped; a static type holds no count to release.
    unsafe { free_object(op) };
}

/// Leaks an immortal object laid out as `T` (the system allocator, never freed): static
/// objects shared by every interpreter (method descriptors, interned strings, static types'
/// dictionaries).
///
/// # Safety
///
/// As for [`alloc`]; `ty` must be a static type.
pub unsafe fn leak_immortal<T>(ty: &TypeObject, init: impl FnOnce(PyObject) -> T) -> &'static T {
    // SAFETY: the object is leaked, so it lives for the rest of the process.
    let header = unsafe { PyObject::new_immortal(ty) };
    Box::leak(Box::new(init(header)))
}

/// Ends an instance's life: drops its Rust fields (as `T`), frees its block and releases its
/// heap type. The common body of deallocators.
///
/// # Safety
///
/// `op` must be an arena object laid out as `T` with no reference left.
pub unsafe fn drop_and_free<T>(op: NonNull<PyObject>) {
    // SAFETY: forwarded contract; deallocation is deferred, not repeated (see `trashcan`).
    unsafe { super::trashcan::dealloc_guarded(op, drop_and_free_now::<T>) }
}

/// [`drop_and_free`]'s work, run now.
///
/// # Safety
///
/// As [`drop_and_free`].
unsafe fn drop_and_free_now<T>(op: NonNull<PyObject>) {
    // SAFETY: no reference is left; the type outlives its instances until released below.
    let ty = unsafe { op.as_ref() }.ob_type.load(std::sync::atomic::Ordering::Relaxed);
    // SAFETY: the layout is T (caller's contract).
    unsafe { std::ptr::drop_in_place(op.cast::<T>().as_ptr()) };
    // SAFETY: the fields are dropped; the block goes back to the arena.
    unsafe { free_object(op) };
    // SAFETY: `ty` is valid (a heap type kept alive by the instance's reference until now).
    let ty = unsafe { &*ty };
    if ty.is_heap() {
        // SAFETY: the instance owned one reference to its heap type.
        unsafe { super::refcount::decref(NonNull::from(ty.as_object())) };
    }
}

/// An `int` as a handle bound to the attachment (the embedding API).
pub fn new_int(py: Python<'_>, value: i64) -> PyResult<Bound<'_>> {
    // SAFETY: the token proves attachment; the reference moves into the handle.
    super::int::new_int(value).map(|o| unsafe { Bound::from_owned(py, o.into_raw()) })
}

/// A `str` as a handle bound to the attachment (the embedding API).
pub fn new_str<'py>(py: Python<'py>, value: &str) -> PyResult<Bound<'py>> {
    // SAFETY: as above.
    // Always a new object (the embedding API's contract; `str::new_str` shares short strings).
    super::str::new_str_of_type(super::immortal::types().str_type, value)
        .map(|o| unsafe { Bound::from_owned(py, o.into_raw()) })
}
