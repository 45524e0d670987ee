//! The thread's data stack: frame windows in chunks that never move.
//!
//! CPython 3.13 keeps every `_PyInterpreterFrame` of a thread in a stack of chunks
//! (`_PyThreadState_PushFrame`, `push_chunk`, `_PyThreadState_PopFrame` in `Python/pystate.c`):
//! a frame is a window of slots addressed by its own base pointer, and a window, once given,
//! never moves. This module is that stack for the loop's frames ([`super::Frame`]): a frame's
//! window is its localsplus (locals, cells, free variables) and its value stack, and the record
//! holds the window's base pointer, its end and the end of the chunk it lies in.
//!
//! **Allocation.** A Python-to-Python call in the loop starts the callee's window at the
//! arguments on the caller's stack, which become its first locals where they lie, when the
//! window fits in the caller's chunk from there; otherwise (no room left, or a generator frame
//! calling) the window goes right above the caller's stack top or in the next chunk
//! ([`alloc_after`]) and the arguments move into it. A run of the loop started from native code puts its entry frame at the
//! thread's top ([`alloc_at_top`]). Chunks are kept (a list per thread) for the next call that
//! needs them, so a warm thread allocates nothing per call; when a native-started run ends,
//! chunks beyond the one in use and [`SPARE_CHUNKS`] more are freed ([`release`]), so a deep
//! recursion does not keep its memory.
//!
//! **The top.** [`TOP`] is the first slot above every live window of the thread: the end of the
//! innermost frame's window. The loop sets it whenever the innermost frame changes (a call, a
//! return, an unwinding, a generator's resumption and suspension) — and on a return only after
//! the finished frame's slots were cleared, because clearing drops values whose finalisers may
//! start a nested run of the loop, which must begin above the slots still being cleared (as
//! CPython pops the frame's memory after `_PyFrame_ClearExceptCode`). Every slot at or above
//! the top is empty, and a chunk past the one holding the top holds no value.
//!
//! **Running out of memory.** A chunk the allocator cannot give (or a window too large to
//! count) is a `MemoryError` raised by the call or resumption that needed it, as CPython's
//! `_PyThreadState_PushFrame` returning `NULL` is; the thread's chunks and top are left as
//! they were.
//!
//! A window of a frame overlaps the caller's window: the callee starts at its arguments (or
//! at the caller's stack top), and the caller's stack pointer is below the callee's window
//! while the callee runs, so the caller reads none of its slots. A
//! generator's frame is the exception: its window is its generator's block of slots, on no
//! chunk, and its callees start where its resumer's would (see `FrameSlots` in [`super`]), so
//! "the end of the innermost frame's window" above is, for a generator frame, that place.

use std::cell::Cell;
use std::ptr::NonNull;

use crate::error::{ExcKind, PyErr, PyResult};
use crate::object::obj::Obj;

/// A slot of a frame window.
pub(super) type Slot = Option<Obj>;

/// Slots in a chunk (32 KiB), unless a window needs more.
const CHUNK_SLOTS: usize = 4096;

/// Chunks kept above the one in use when a native-started run ends.
const SPARE_CHUNKS: usize = 2;

/// The thread's chunks, in stack order. Boxed slices: a chunk's slots never move.
type Chunks = Vec<Box<[Slot]>>;

thread_local! {
    /// The thread's chunk list: [`LIST_OWNER`]'s, or while the thread exits (that owner is
    /// gone) one a run owns ([`RunStack`]). Read without a borrow flag: only this thread
    /// reaches it, and no function of this module calls out while holding it.
    static LIST: Cell<*mut Chunks> = const { Cell::new(std::ptr::null_mut()) };
    /// Owns the thread's chunk list and frees it at thread exit.
    static LIST_OWNER: ListOwner = ListOwner::new();
    /// The first slot above every live window (null before the first frame).
    static TOP: Cell<*mut Slot> = const { Cell::new(std::ptr::null_mut()) };
}

struct ListOwner(*mut Chunks);

impl ListOwner {
    fn new() -> ListOwner {
        let list = Box::into_raw(Box::new(Chunks::new()));
        LIST.with(|l| l.set(list));
        ListOwner(list)
    }
}

impl Drop for ListOwner {
    fn drop(&mut self) {
        LIST.with(|l| {
            if l.get() == self.0 {
                l.set(std::ptr::null_mut());
            }
        });
        // SAFETY: made by `Box::into_raw` in `new` and freed only here; the list pointer was
        // withdrawn above, and no run of the loop is active on a thread whose thread-locals
        // are being destroyed at the time this one is (a run's frames would hold the list).
        drop(unsafe { Box::from_raw(self.0) });
    }
}

/// Runs `f` on the thread's chunk list.
///
/// # Safety
///
/// A run of the loop is active on this thread (its [`RunStack`] made sure there is a list);
/// `f` does not re-enter this module's list access.
#[inline]
unsafe fn with_chunks<R>(f: impl FnOnce(&mut Chunks) -> R) -> R {
    let list = LIST.with(Cell::get);
    debug_assert!(!list.is_null(), "a run of the loop has a chunk list");
    // SAFETY: the caller's contract: the list exists while a run is active, only this thread
    // reaches it, and nothing else borrows it during `f`.
    f(unsafe { &mut *list })
}

/// A window given to a frame: its first slot and the end of its chunk.
#[derive(Clone, Copy)]
pub(super) struct Window {
    pub(super) base: NonNull<Slot>,
    pub(super) limit: *mut Slot,
}

/// The thread's top (see the module docs).
#[inline(always)]
pub(super) fn top() -> *mut Slot {
    TOP.with(Cell::get)
}

/// Moves the thread's top to `p`, the end of the innermost frame's window.
#[inline(always)]
pub(super) fn set_top(p: *mut Slot) {
    TOP.with(|t| t.set(p));
}

/// The index of the chunk holding `p` (a top or a chunk end), if any.
///
/// `p` is always the end of a non-empty window (every window has at least one slot) or of a
/// chunk, never a chunk's first slot: so the test excludes a chunk's start. Two chunks may
/// touch (an allocator without block headers, e.g. mimalloc as a host's global allocator, can
/// place chunk `k` right after chunk `j`), and then the end of `j` is the start of `k`; an
/// inclusive test could name `k`, and the next window would go over live frames.
fn chunk_of(chunks: &Chunks, p: *mut Slot) -> Option<usize> {
    let p = p as usize;
    chunks.iter().position(|c| {
        let range = c.as_ptr_range();
        (range.start as usize) < p && p <= range.end as usize
    })
}

/// Chunk `i` (made when it is missing; when it is smaller than `size` slots a new one is put
/// in front of it) as a window of `size` slots at its start.
///
/// The smaller chunk is kept, not replaced: nothing is dropped while the list is borrowed, so
/// even a chunk above the top that wrongly held a value could not run a finaliser (a nested
/// run re-entering the list) here. The spare chunks go when the native-started run ends.
fn window_in_chunk(chunks: &mut Chunks, i: usize, size: usize) -> PyResult<Window> {
    debug_assert!(i <= chunks.len());
    if i == chunks.len() || chunks[i].len() < size {
        debug_assert!(
            i == chunks.len() || chunks[i].iter().all(Option::is_none),
            "a chunk above the top holds a value"
        );
        chunks.try_reserve(1).map_err(|_| out_of_memory())?;
        chunks.insert(i, new_chunk(size)?);
    }
    let range = chunks[i].as_mut_ptr_range();
    Ok(Window { base: NonNull::new(range.start).expect("a boxed slice's pointer"), limit: range.end })
}

/// A chunk of [`CHUNK_SLOTS`] empty slots, or of `size` when a window needs more; a
/// `MemoryError` when the allocator cannot give it (the infallible allocation would abort).
fn new_chunk(size: usize) -> PyResult<Box<[Slot]>> {
    let n = CHUNK_SLOTS.max(size);
    let mut slots: Vec<Slot> = Vec::new();
    slots.try_reserve_exact(n).map_err(|_| out_of_memory())?;
    slots.resize_with(n, || None);
    Ok(slots.into_boxed_slice())
}

/// CPython's `PyErr_NoMemory`: a `MemoryError` without arguments.
#[cold]
fn out_of_memory() -> PyErr {
    PyErr::from_kind(ExcKind::MemoryError)
}

/// A native-started run's hold on the data stack: made before the run's entry frame gets its
/// window, dropped when the run has ended (every window it used is empty again). It puts the
/// top back and frees chunks beyond the one holding it and [`SPARE_CHUNKS`] more, so a deep
/// recursion does not keep its memory. At thread exit, once the thread's own list is gone, the
/// run owns a list of its own for its duration.
pub(super) struct RunStack {
    saved_top: *mut Slot,
    own_list: Option<Box<Chunks>>,
}

impl RunStack {
    #[inline(always)]
    pub(super) fn enter() -> RunStack {
        let saved_top = top();
        if LIST.with(Cell::get).is_null() {
            return Self::enter_without_list(saved_top);
        }
        RunStack { saved_top, own_list: None }
    }

    /// [`RunStack::enter`] on a thread whose list is not made yet (its owner makes it on first
    /// use) or gone (thread exit: the run gets a list of its own).
    #[cold]
    #[inline(never)]
    fn enter_without_list(saved_top: *mut Slot) -> RunStack {
        let mut own_list = None;
        if LIST.with(Cell::get).is_null() && LIST_OWNER.try_with(|_| ()).is_err() {
            let mut list = Box::new(Chunks::new());
            LIST.with(|l| l.set(&mut *list));
            own_list = Some(list);
            // A list of its own has no window of an outer run: start at its first chunk.
            set_top(std::ptr::null_mut());
        }
        RunStack { saved_top, own_list }
    }

    /// A window of `size` slots at the thread's top, for the run's entry frame; the top moves
    /// to its end. `MemoryError` when a chunk for it cannot be had (the top stays).
    pub(super) fn alloc_entry(&self, size: usize) -> PyResult<Window> {
        #[cfg(all(test, not(loom)))]
        if FAIL_NEXT_ENTRY.with(|f| f.replace(false)) {
            return Err(out_of_memory());
        }
        let top = top();
        // SAFETY: this run is active (`self`), and the closure does not call out.
        let w = unsafe {
            with_chunks(|chunks| match chunk_of(chunks, top) {
                Some(i) if (chunks[i].as_ptr_range().end as usize - top as usize) / size_of::<Slot>() >= size => {
                    Ok(Window {
                        base: NonNull::new(top).expect("a top inside a chunk"),
                        limit: chunks[i].as_mut_ptr_range().end,
                    })
                }
                Some(i) => window_in_chunk(chunks, i + 1, size),
                None => window_in_chunk(chunks, 0, size),
            })
        }?;
        // SAFETY: the window has `size` slots (checked above, or a chunk of at least that many).
        set_top(unsafe { w.base.as_ptr().add(size) });
        Ok(w)
    }
}

impl Drop for RunStack {
    #[inline(always)]
    fn drop(&mut self) {
        set_top(self.saved_top);
        // The common case inline: the thread's own list, with no chunk to free (every native
        // resumption of a generator ends here).
        // SAFETY: with no list of its own the run used the thread's, which is live (the run is
        // still active); reading its length calls out to nothing.
        if self.own_list.is_none() && unsafe { with_chunks(|chunks| chunks.len()) } <= 1 + SPARE_CHUNKS {
            return;
        }
        self.leave_slow();
    }
}

impl RunStack {
    /// [`Drop`] of a run with a list of its own, or with chunks beyond the spares.
    #[cold]
    #[inline(never)]
    fn leave_slow(&mut self) {
        if let Some(list) = self.own_list.take() {
            LIST.with(|l| l.set(std::ptr::null_mut()));
            debug_assert!(list.iter().all(|c| c.iter().all(Option::is_none)), "a freed chunk holds a value");
            drop(list);
            return;
        }
        // SAFETY: this run is still active, and the closure does not call out (the freed
        // chunks hold no value, so dropping them runs no finaliser).
        let freed = unsafe {
            with_chunks(|chunks| {
                if chunks.len() <= 1 + SPARE_CHUNKS {
                    return Vec::new();
                }
                let keep = chunk_of(chunks, self.saved_top).map_or(0, |i| i + 1) + SPARE_CHUNKS;
                chunks.drain(keep.min(chunks.len())..).collect::<Vec<_>>()
            })
        };
        debug_assert!(freed.iter().all(|c| c.iter().all(Option::is_none)), "a freed chunk holds a value");
        drop(freed);
    }
}

/// A window of `size` slots at the start of the chunk after the one that ends at `limit`:
/// a callee that does not fit above its caller's stack in the caller's chunk. The chunk is
/// made when the thread has none there yet; `MemoryError` when it cannot be had. Does not
/// move the top (the caller does).
#[cold]
#[inline(never)]
pub(super) fn alloc_after(limit: *mut Slot, size: usize) -> PyResult<Window> {
    // SAFETY: a frame is calling, so a run is active; the closure does not call out.
    unsafe {
        with_chunks(|chunks| {
            let i = chunk_of(chunks, limit).map_or(chunks.len(), |i| i + 1);
            window_in_chunk(chunks, i, size)
        })
    }
}

#[cfg(all(test, not(loom)))]
thread_local! {
    /// Tests: the next [`RunStack::alloc_entry`] fails as if the allocator gave no chunk.
    static FAIL_NEXT_ENTRY: Cell<bool> = const { Cell::new(false) };
}

/// Tests: makes the thread's next entry window a `MemoryError` (a native resumption's or a
/// native call's), a failure no Python program can provoke on demand.
#[cfg(all(test, not(loom)))]
pub(super) fn fail_next_entry() {
    FAIL_NEXT_ENTRY.with(|f| f.set(true));
}

/// The number of chunks the thread holds (for tests).
#[cfg(all(test, not(loom)))]
pub(super) fn chunk_count() -> usize {
    let list = LIST.with(Cell::get);
    // SAFETY: a non-null list is the thread's own (or a run's, while that run is active), and
    // nothing else borrows it during this read.
    if list.is_null() { 0 } else { unsafe { (*list).len() } }
}
