//! The memory an attached thread may use, handed down by `state`.
//!
//! `alloc` is the bottom room: it knows arenas and heaps, never thread states or interpreters.
//! A caller that is attached passes a [`MemoryContext`] — its interpreter's arena and the heap
//! the calling thread owns in it (the thread state's own heap when free-threaded, the
//! interpreter's shared heap under a lock) — instead of `alloc` looking up the current thread
//! state. `state` builds contexts: [`crate::Python`] converts into one (`From<Python>`), and a
//! thread state gives its own (`ThreadState::memory`).
//!
//! The context is neither `Send` nor `Sync`: a heap has a single owner thread (see [`Heap`]), so
//! a context must not leave the thread that built it.

use std::marker::PhantomData;
use std::ptr::NonNull;

use super::arena::{AllocError, Arena, Heap};

/// An arena and the heap the calling thread owns in it. See the module docs.
#[derive(Clone, Copy)]
pub struct MemoryContext<'a> {
    arena: &'a Arena,
    heap: &'a Heap,
    _owned_by_this_thread: PhantomData<*mut ()>,
}

impl<'a> MemoryContext<'a> {
    /// # Safety
    ///
    /// `heap` belongs to `arena`, and the calling thread owns `heap` for all of `'a` (it is
    /// attached with the thread state that allocates from it).
    #[inline]
    pub unsafe fn new(arena: &'a Arena, heap: &'a Heap) -> Self {
        MemoryContext { arena, heap, _owned_by_this_thread: PhantomData }
    }

    /// The arena.
    #[inline]
    pub fn arena(self) -> &'a Arena {
        self.arena
    }

    /// The heap this thread owns.
    #[inline]
    pub fn heap(self) -> &'a Heap {
        self.heap
    }

    /// Allocates `size` bytes (a zero-byte request gets a unique block of one byte).
    #[inline]
    pub fn alloc(self, size: usize) -> Result<NonNull<u8>, AllocError> {
        // SAFETY: `new`'s contract: this thread owns `heap`, which belongs to `arena`.
        unsafe { self.arena.alloc(self.heap, size.max(1)) }
    }

    /// Frees a block through this thread's heap (a block of another heap or arena is handed to
    /// its owner as [`Arena::free`] does).
    ///
    /// # Safety
    ///
    /// As for [`Arena::free`]: `ptr` is a live block of an arena that has not been released.
    #[inline]
    pub unsafe fn free(self, ptr: NonNull<u8>) {
        // SAFETY: the caller's contract; `heap` is this thread's own (`new`'s contract).
        unsafe { Arena::free(Some(self.heap), ptr) }
    }
}

#[cfg(all(test, not(loom)))]
mod tests {
    use super::*;

    /// A context allocates from its heap in its arena (a zero-byte request still gets a block of
    /// its own) and frees back into it.
    #[test]
    fn allocates_and_frees_through_its_heap() {
        let arena = Arena::new(None);
        let heap = Heap::new();
        // SAFETY: this test owns the heap, which belongs to `arena`.
        let mem = unsafe { MemoryContext::new(&arena, &heap) };
        let a = mem.alloc(0).unwrap();
        let b = mem.alloc(0).unwrap();
        assert_ne!(a, b, "zero-byte requests get distinct blocks");
        let big = mem.alloc(100).unwrap();
        assert!(arena.owns(big) && std::ptr::eq(mem.arena(), &arena));
        assert!(arena.stats().live_bytes >= 100);
        // SAFETY: live blocks of `arena`, freed once, before the arena is dropped.
        unsafe {
            mem.free(a);
            mem.free(b);
            mem.free(big);
        }
        assert_eq!(arena.stats().live_bytes, 0);
    }
}
