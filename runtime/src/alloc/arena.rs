//! The per-interpreter arena.
//!
//! # Layout
//!
//! ```text
//!  chunk (4 MiB, 4 MiB-aligned, from mmap)
//!  ┌────────────────────────┬──────────┬──────────┬─────┬──────────┐
//!  │ page 0:                │ page 1   │ page 2   │ ... │ page 63  │   pages are 64 KiB
//!  │ ChunkHeader (8 KiB)    │ blocks   │ blocks   │     │ blocks   │   one size class per page
//!  │ + 49 slabs of 1 KiB    │ of 32 B  │ of 128 B │     │ of 48 B  │
//!  └────────────────────────┴──────────┴──────────┴─────┴──────────┘
//! ```
//!
//! A block's page is found from its address alone: `chunk = addr & !(CHUNK_SIZE - 1)`,
//! `page = (addr - chunk) / PAGE_SIZE`; the chunk header holds every page's metadata. A
//! process-wide chunk map (one bit per possible chunk address) tells arena blocks from large
//! blocks, which come from the system allocator.
//!
//! **Slabs.** Page 0 holds the header and, after it, [`SLABS_PER_CHUNK`] slabs of 1 KiB: small
//! pages with metadata of their own (`slab = (addr - chunk - HEADER_BYTES) / SLAB_SIZE`). A
//! heap's *first* page of a class is a slab when one is free, so an interpreter that holds a
//! few objects of many classes — every interpreter, once builtins exist — touches four OS pages
//! for eight classes instead of one 4 KiB page per class plus the header; its later pages of
//! the class are full pages. A slab is a page in every other respect (ownership, return list,
//! abandon and adoption, limits: it is charged its 1 KiB).
//!
//! # Who owns what
//!
//! * A **heap** allocates. An interpreter with a lock has one heap (the lock serialises its
//!   threads); a free-threaded interpreter gives every thread state its own heap, so threads
//!   allocate without synchronising.
//! * A **page** belongs to at most one heap (`PageMeta::heap`). Only the owning heap's thread
//!   touches the page's local free list, bump pointer and `used` count.
//! * A free by the owning heap pushes on the local free list. A free by **any other thread**
//!   pushes on the page's lock-free return list (`thread_free`, a Treiber stack: write the link,
//!   then CAS with Release); the owner takes the whole list with one `swap` (Acquire) when its
//!   local list runs dry. No thread ever writes a page field it does not own.
//! * The arena's page supply (chunks, unused pages, pages of heaps that went away) is behind one
//!   mutex, taken only when a heap needs a fresh page — once per page, not per block.
//! * **Owners.** Several interpreters may allocate from one arena (CPython's
//!   `use_main_obmalloc`: they share the main interpreter's). Each heap carries its
//!   interpreter's owner tag ([`Heap::with_owner`]); a page records the tag of the heap that
//!   took it, and a large block the tag of the heap it was allocated for. An abandoned page is
//!   adopted only by a heap of the same owner — or by anyone once it holds no live block — so a
//!   block is never handed to another interpreter while its object may still be alive there, and
//!   [`Arena::allocated_by`] tells the interpreters' objects apart for the handles' membership
//!   check.
//!
//! Destroying the arena unmaps every chunk and frees every large block in bulk — live objects and
//! leaked cycles included — and returns the memory to the OS (a few chunks stay mapped for the
//! next arenas, with at most the touched part of their first page resident and zeroed: see
//! `os::CACHE`).

use std::alloc::Layout;
use std::cell::UnsafeCell;
use std::collections::HashMap;
use std::ptr::{self, NonNull};

use super::size_class::{CLASS_SIZES, NUM_CLASSES, SMALL_MAX, class_of};
use crate::sync::{AtomicPtr, AtomicU32, AtomicUsize, Mutation, Mutex, Ordering, broken};

/// Size and alignment of a chunk.
pub const CHUNK_SIZE: usize = 4 << 20;
/// Size of a page.
pub const PAGE_SIZE: usize = 64 << 10;
const PAGES_PER_CHUNK: usize = CHUNK_SIZE / PAGE_SIZE;
/// Size of a slab (a small first page of a class, carved from page 0; see the module docs).
pub const SLAB_SIZE: usize = 1 << 10;
/// Bytes of page 0 reserved for the chunk header; the slabs follow.
const HEADER_BYTES: usize = 8 << 10;
/// Slabs per chunk: as many as have metadata room in the header.
pub const SLABS_PER_CHUNK: usize = (HEADER_BYTES - size_of::<*const Arena>()) / size_of::<PageMeta>() - PAGES_PER_CHUNK;
const _: () = assert!(size_of::<ChunkHeader>() <= HEADER_BYTES);
const _: () = assert!(HEADER_BYTES + SLABS_PER_CHUNK * SLAB_SIZE <= PAGE_SIZE);
/// Alignment of every block the arena hands out.
pub const BLOCK_ALIGN: usize = 16;

/// An allocation failed: over the arena's byte limit, or the OS refused memory. The runtime
/// turns it into `MemoryError`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AllocError;

struct Block {
    next: *mut Block,
}

/// Per-page metadata, in the chunk header.
struct PageMeta {
    /// The owning heap; null while the page is in the arena's supply.
    heap: AtomicPtr<Heap>,
    /// Blocks freed by other threads, not yet collected by the owner.
    thread_free: AtomicPtr<Block>,
    thread_freed: AtomicUsize,
    /// Blocks handed out and not freed by the owner (written only by the owner).
    used: AtomicUsize,
    /// The block size of the page's class (0 while unassigned); written under the supply mutex.
    block_size: AtomicU32,
    /// The owner tag of the heap that took the page last (see "Owners"); written under the
    /// supply mutex before the page is handed to the heap. (Two 32-bit words keep the entry at
    /// ten words, and so the slab count.)
    owner: AtomicU32,
    /// Owner-only: local free list and bump offset (see the module docs).
    local: UnsafeCell<PageLocal>,
}

/// All-zero is a valid value (as for every field of [`PageMeta`]): a chunk's header needs no
/// initialisation beyond the zeros a fresh mapping reads as, and an entry is written only when
/// its page is first handed out — so an interpreter touches the header's first OS page only.
struct PageLocal {
    /// Address of the page's first byte.
    start: usize,
    free: *mut Block,
    bump: usize,
    /// The bump limit: the page's (or slab's) size.
    end: usize,
    class: usize,
}

// SAFETY: the shared fields are atomics; `local` is touched only by the thread of the owning heap
// or, while the page has no owner, under the arena's supply mutex (module docs, "who owns what").
unsafe impl Sync for PageMeta {}

#[repr(C)]
struct ChunkHeader {
    /// The arena the chunk belongs to (written before the chunk is published in the chunk map):
    /// the membership check of objects entering a handle reads it.
    arena: *const Arena,
    /// Slabs first: with the arena pointer and the first pages' entries they share the
    /// header's first OS page.
    slabs: [PageMeta; SLABS_PER_CHUNK],
    /// Page 0's entry is unused (page 0 holds the header and the slabs).
    pages: [PageMeta; PAGES_PER_CHUNK],
}

struct Supply {
    chunks: Vec<usize>,
    /// The newest chunk's pages and slabs from these indices on were never handed out (pages of
    /// older chunks all were; their remaining slabs stay unused, untouched and uncharged).
    next_page: usize,
    next_slab: usize,
    /// Pages of heaps that went away, by class; a heap of that class adopts them.
    abandoned: [Vec<*const PageMeta>; NUM_CLASSES],
    /// Large blocks: address → size and owner tag.
    large: HashMap<usize, LargeBlock>,
}

#[derive(Clone, Copy)]
struct LargeBlock {
    size: usize,
    owner: u32,
}

/// The arena of one interpreter (or of several: see "Owners" in the module docs).
pub struct Arena {
    supply: Mutex<Supply>,
    /// Bytes charged against the limit: assigned pages and large blocks.
    charged: AtomicUsize,
    limit: Option<usize>,
}

// SAFETY: the raw page pointers in `supply` are only dereferenced under its mutex or by the owner
// of the page, and chunks live until the arena is dropped.
unsafe impl Send for Arena {}
// SAFETY: as above.
unsafe impl Sync for Arena {}

/// A snapshot of an arena's statistics.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ArenaStats {
    /// Bytes in live blocks (small blocks by their class size, plus large blocks).
    pub live_bytes: usize,
    /// Bytes reserved from the OS or the system allocator (chunks plus large blocks).
    pub reserved_bytes: usize,
    /// Bytes charged against the limit (assigned pages plus large blocks).
    pub charged_bytes: usize,
    /// Live small blocks per size class: `(block size, count)`.
    pub live_per_class: Vec<(usize, usize)>,
    /// Live large blocks.
    pub large_objects: usize,
    /// Chunks mapped.
    pub chunks: usize,
}

impl Arena {
    /// An empty arena. It maps nothing until the first allocation.
    pub fn new(limit: Option<usize>) -> Self {
        Arena {
            supply: Mutex::new(Supply {
                chunks: Vec::new(),
                next_page: PAGES_PER_CHUNK,
                next_slab: SLABS_PER_CHUNK,
                abandoned: Default::default(),
                large: HashMap::new(),
            }),
            charged: AtomicUsize::new(0),
            limit,
        }
    }

    /// The byte limit, if any.
    pub fn limit(&self) -> Option<usize> {
        self.limit
    }

    fn charge(&self, bytes: usize) -> Result<(), AllocError> {
        let Some(limit) = self.limit else {
            self.charged.fetch_add(bytes, Ordering::Relaxed);
            return Ok(());
        };
        let mut now = self.charged.load(Ordering::Relaxed);
        loop {
            let next = now.checked_add(bytes).filter(|n| *n <= limit).ok_or(AllocError)?;
            match self.charged.compare_exchange_weak(now, next, Ordering::Relaxed, Ordering::Relaxed) {
                Ok(_) => return Ok(()),
                Err(seen) => now = seen,
            }
        }
    }

    /// Hands `heap` a page for `class`: an abandoned one of that class, an unused one (a slab
    /// if this is the heap's `first` page of the class), or one from a new chunk.
    #[cold]
    fn take_page(&self, heap: &Heap, class: usize, first: bool) -> Result<&PageMeta, AllocError> {
        let mut supply = self.supply.lock();
        // Adopt an abandoned page of this class that has room; full ones stay until blocks come
        // back to them (their return lists).
        let with_room = supply.abandoned[class].iter().position(|&p| {
            // SAFETY: pages in the supply point into live chunks of this arena; an abandoned page
            // has no owner, so its local part may be read under the supply mutex.
            let page = unsafe { &*p };
            // SAFETY: as above: unowned page, supply mutex held.
            let local = unsafe { &*page.local.get() };
            let has_room = !local.free.is_null()
                || !page.thread_free.load(Ordering::Acquire).is_null()
                || local.bump + CLASS_SIZES[class] <= local.end;
            // Another owner's page only once nothing of it is alive (see "Owners").
            has_room && (page.owner.load(Ordering::Relaxed) == heap.owner || live_blocks(page) == 0)
        });
        if let Some(i) = with_room {
            let p = supply.abandoned[class].swap_remove(i);
            // SAFETY: as above.
            let page = unsafe { &*p };
            page.owner.store(heap.owner, Ordering::Relaxed);
            page.heap.store(heap as *const Heap as *mut Heap, Ordering::Release);
            return Ok(page);
        }
        let slab_left = supply.next_slab < SLABS_PER_CHUNK;
        let need_chunk = supply.next_page == PAGES_PER_CHUNK && !(first && slab_left);
        let slab = first && (need_chunk || slab_left);
        let size = if slab { SLAB_SIZE } else { PAGE_SIZE };
        self.charge(size)?;
        if need_chunk {
            if let Err(e) = self.map_chunk(&mut supply) {
                self.charged.fetch_sub(size, Ordering::Relaxed);
                return Err(e);
            }
        }
        let base = *supply.chunks.last().expect("a chunk with pages left");
        // SAFETY: the newest chunk is live; its header entries past the cursors are unowned.
        let header = unsafe { &*(base as *const ChunkHeader) };
        let (page, start) = if slab {
            supply.next_slab += 1;
            let i = supply.next_slab - 1;
            (&header.slabs[i], base + HEADER_BYTES + i * SLAB_SIZE)
        } else {
            supply.next_page += 1;
            let i = supply.next_page - 1;
            (&header.pages[i], base + i * PAGE_SIZE)
        };
        // SAFETY: an unused page has no owner; we hold the supply mutex.
        unsafe {
            *page.local.get() = PageLocal { start, free: ptr::null_mut(), bump: 0, end: size, class };
        }
        page.block_size.store(CLASS_SIZES[class] as u32, Ordering::Relaxed);
        page.used.store(0, Ordering::Relaxed);
        page.owner.store(heap.owner, Ordering::Relaxed);
        page.heap.store(heap as *const Heap as *mut Heap, Ordering::Release);
        Ok(page)
    }

    fn map_chunk(&self, supply: &mut Supply) -> Result<(), AllocError> {
        let base = os::take_chunk().ok_or(AllocError)?;
        if !chunk_map::covers(base) {
            os::unmap(base, CHUNK_SIZE);
            return Err(AllocError);
        }
        let header = base as *mut ChunkHeader;
        // The header's entries are valid as the zeros the chunk reads as (see `PageLocal`) —
        // except under loom, whose atomics are registered objects that must be constructed.
        #[cfg(loom)]
        {
            let fresh = || PageMeta {
                heap: AtomicPtr::new(ptr::null_mut()),
                thread_free: AtomicPtr::new(ptr::null_mut()),
                thread_freed: AtomicUsize::new(0),
                used: AtomicUsize::new(0),
                block_size: AtomicU32::new(0),
                owner: AtomicU32::new(0),
                local: UnsafeCell::new(PageLocal { start: 0, free: ptr::null_mut(), bump: 0, end: 0, class: 0 }),
            };
            for i in 0..SLABS_PER_CHUNK {
                // SAFETY: fresh, writable memory of the header that nobody else can see yet.
                unsafe { ptr::addr_of_mut!((*header).slabs[i]).write(fresh()) };
            }
            for i in 0..PAGES_PER_CHUNK {
                // SAFETY: as above.
                unsafe { ptr::addr_of_mut!((*header).pages[i]).write(fresh()) };
            }
        }
        // SAFETY: as above; the arena outlives its chunks (they are unmapped when it is released
        // or dropped).
        unsafe { ptr::addr_of_mut!((*header).arena).write(self as *const Arena) };
        chunk_map::insert(base);
        supply.chunks.push(base);
        supply.next_page = 1;
        supply.next_slab = 0;
        Ok(())
    }

    /// Allocates `size` bytes (≥ 1) from `heap`, which must belong to this arena.
    ///
    /// # Safety
    ///
    /// Only `heap`'s owner may call this (see [`Heap`]).
    #[inline]
    pub unsafe fn alloc(&self, heap: &Heap, size: usize) -> Result<NonNull<u8>, AllocError> {
        if size > SMALL_MAX {
            return self.alloc_large(size, heap.owner);
        }
        // SAFETY: the caller is the heap's owner.
        unsafe { heap.alloc_small(self, class_of(size)) }
    }

    #[cold]
    fn alloc_large(&self, size: usize, owner: u32) -> Result<NonNull<u8>, AllocError> {
        let total = size.checked_add(LARGE_PREFIX).ok_or(AllocError)?;
        let layout = Layout::from_size_align(total, BLOCK_ALIGN).map_err(|_| AllocError)?;
        self.charge(size)?;
        // SAFETY: the layout has a non-zero size.
        let raw = unsafe { std::alloc::alloc(layout) };
        if raw.is_null() {
            self.charged.fetch_sub(size, Ordering::Relaxed);
            return Err(AllocError);
        }
        // SAFETY: `raw` has room for the prefix; the block after it is the caller's.
        unsafe { (raw as *mut *const Arena).write(self as *const Arena) };
        let user = raw as usize + LARGE_PREFIX;
        self.supply.lock().large.insert(user, LargeBlock { size, owner });
        // SAFETY: non-null (inside a successful allocation).
        Ok(unsafe { NonNull::new_unchecked(user as *mut u8) })
    }

    /// Frees a block of any arena, from any thread. `heap` is the caller's heap, if it has one:
    /// a block of one of its pages goes on the local free list, any other on its page's return
    /// list (lock-free). A large block goes back to the system allocator through the arena
    /// recorded in its prefix.
    ///
    /// # Safety
    ///
    /// `ptr` must come from an arena's `alloc` and not be freed yet, and its arena must not have
    /// been released; `heap`, if given, must be the caller's own heap.
    #[inline]
    pub unsafe fn free(heap: Option<&Heap>, ptr: NonNull<u8>) {
        let addr = ptr.as_ptr() as usize;
        if !chunk_map::contains(addr & !(CHUNK_SIZE - 1)) {
            // SAFETY: not in a chunk, so a large block, whose prefix names its live arena.
            let arena = unsafe { &**((addr - LARGE_PREFIX) as *const *const Arena) };
            arena.free_large(addr);
            return;
        }
        // SAFETY: the address is inside a live chunk (the chunk map says so), so its header holds
        // the page's metadata.
        let page = unsafe { page_of(addr) };
        let block = addr as *mut Block;
        let mine = heap.is_some_and(|h| ptr::eq(page.heap.load(Ordering::Relaxed), h));
        if mine {
            // SAFETY: we own the page (our heap owns it and we are the heap's thread).
            unsafe {
                let local = &mut *page.local.get();
                (*block).next = local.free;
                local.free = block;
            }
            page.used.store(page.used.load(Ordering::Relaxed) - 1, Ordering::Relaxed);
        } else {
            push_thread_free(page, block);
        }
    }

    /// [`Arena::free`], except that a large block is handed to `delay` instead of being freed:
    /// dropping the [`DelayedLargeFree`] frees it (a free-threaded interpreter retires it through
    /// QSBR, so that a lock-free reader's try-increment on a released large object still reads
    /// mapped memory, as the arena's pages stay mapped for small ones; CPython delays the free of
    /// mimalloc pages the same way).
    ///
    /// # Safety
    ///
    /// As [`Arena::free`]; the block must not be used again.
    #[inline]
    pub unsafe fn free_or_delay_large(heap: Option<&Heap>, ptr: NonNull<u8>, delay: impl FnOnce(DelayedLargeFree)) {
        if !chunk_map::contains(ptr.as_ptr() as usize & !(CHUNK_SIZE - 1)) {
            delay(DelayedLargeFree(ptr));
            return;
        }
        // SAFETY: forwarded contract.
        unsafe { Arena::free(heap, ptr) }
    }

    #[cold]
    fn free_large(&self, addr: usize) {
        let block = self.supply.lock().large.remove(&addr);
        let Some(LargeBlock { size, .. }) = block else {
            crate::fatal::fatal_error(
                "PyObject_Free",
                "freeing a block that this interpreter's arena did not allocate",
            );
        };
        // SAFETY: the block came from `alloc_large` with this size and alignment.
        unsafe { dealloc_large(addr, size) };
        self.charged.fetch_sub(size, Ordering::Relaxed);
    }

    /// Whether the live block at `ptr` — one of any arena, or any other live allocation — was
    /// allocated by this arena. A chunk block is looked up through the chunk map and the chunk
    /// header; any other address is looked up among this arena's large blocks (under the supply
    /// mutex), so nothing outside the block is read.
    pub fn owns(&self, ptr: NonNull<u8>) -> bool {
        let addr = ptr.as_ptr() as usize;
        let chunk = addr & !(CHUNK_SIZE - 1);
        if chunk_map::contains(chunk) {
            // SAFETY: the chunk is live (in the map), so its header is initialised; `arena` is
            // written before the chunk is published.
            let owner = unsafe { (*(chunk as *const ChunkHeader)).arena };
            return ptr::eq(owner, self);
        }
        self.supply.lock().large.contains_key(&addr)
    }

    /// Whether the live block at `ptr` (as for [`Arena::owns`]) was allocated by this arena for
    /// a heap with owner tag `owner` (see "Owners" in the module docs).
    pub fn allocated_by(&self, ptr: NonNull<u8>, owner: u32) -> bool {
        let addr = ptr.as_ptr() as usize;
        let chunk = addr & !(CHUNK_SIZE - 1);
        if chunk_map::contains(chunk) {
            // SAFETY: the chunk is live (in the map), so its header is initialised; `arena` is
            // written before the chunk is published.
            let arena = unsafe { (*(chunk as *const ChunkHeader)).arena };
            // SAFETY: a live chunk of this arena holds the page's metadata; the block is live,
            // so its page was handed out (and tagged) before the block was.
            return ptr::eq(arena, self) && unsafe { page_of(addr) }.owner.load(Ordering::Relaxed) == owner;
        }
        self.supply.lock().large.get(&addr).is_some_and(|b| b.owner == owner)
    }

    /// The usable size of a live block of any arena.
    ///
    /// # Safety
    ///
    /// `ptr` must be a live block of an arena that has not been released.
    pub unsafe fn usable_size(ptr: NonNull<u8>) -> usize {
        let addr = ptr.as_ptr() as usize;
        if chunk_map::contains(addr & !(CHUNK_SIZE - 1)) {
            // SAFETY: inside a live chunk.
            unsafe { page_of(addr) }.block_size.load(Ordering::Relaxed) as usize
        } else {
            // SAFETY: a large block's prefix names its live arena.
            let arena = unsafe { &**((addr - LARGE_PREFIX) as *const *const Arena) };
            arena.supply.lock().large.get(&addr).map_or(0, |b| b.size)
        }
    }

    /// Gives the pages of a heap that is going away back to the arena for adoption.
    ///
    /// # Safety
    ///
    /// Only the heap's owner may call this, not concurrently with its allocations, and `heap`
    /// must have allocated only from this arena.
    pub unsafe fn abandon_heap(&self, heap: &Heap) {
        self.abandon(heap);
    }

    /// See [`Arena::abandon_heap`]; the runtime calls it for thread states being deleted (their
    /// owner is gone or is the caller) and for a finalized interpreter's heap.
    pub(crate) fn abandon(&self, heap: &Heap) {
        // Kept blocks go on their pages' free lists first (already counted free; the pages
        // are still this heap's).
        // SAFETY: the heap is being dropped by its owner, the only thread touching it.
        while let Some((block, page)) = unsafe { heap.pop_kept() } {
            // SAFETY: a kept block is a dead block of a page of this heap in a live chunk;
            // the page's local part is the heap owner's, that is the caller's.
            unsafe {
                let local = &mut *page.local.get();
                (*block.as_ptr()).next = local.free;
                local.free = block.as_ptr();
            }
        }
        let mut supply = self.supply.lock();
        // SAFETY: the heap is being dropped by its owner; nobody else touches its lists.
        let classes = unsafe { &mut *heap.classes.get() };
        for (class, pages) in classes.iter_mut().enumerate() {
            for p in pages.pages.drain(..) {
                // SAFETY: pages of a heap point into live chunks of its arena.
                let page = unsafe { &*p };
                page.heap.store(ptr::null_mut(), Ordering::Release);
                if crate::sync::broken(crate::sync::Mutation::ArenaAbandonDropsPages) {
                    continue;
                }
                supply.abandoned[class].push(p);
            }
            pages.current = 0;
        }
    }

    /// A snapshot of the statistics.
    pub fn stats(&self) -> ArenaStats {
        let supply = self.supply.lock();
        let mut per_class = vec![0usize; NUM_CLASSES];
        for &chunk in &supply.chunks {
            // SAFETY: chunks in the supply are live and their headers initialised.
            let header = unsafe { &*(chunk as *const ChunkHeader) };
            for page in header.pages[1..].iter().chain(&header.slabs) {
                let size = page.block_size.load(Ordering::Relaxed) as usize;
                if size == 0 {
                    continue;
                }
                per_class[class_of(size)] += live_blocks(page);
            }
        }
        let large_bytes: usize = supply.large.values().map(|b| b.size).sum();
        let live_small: usize = per_class.iter().zip(CLASS_SIZES).map(|(n, s)| n * s).sum();
        ArenaStats {
            live_bytes: live_small + large_bytes,
            reserved_bytes: supply.chunks.len() * CHUNK_SIZE + large_bytes,
            charged_bytes: self.charged.load(Ordering::Relaxed),
            live_per_class: CLASS_SIZES.iter().copied().zip(per_class).collect(),
            large_objects: supply.large.len(),
            chunks: supply.chunks.len(),
        }
    }
}

impl Arena {
    /// Returns every chunk to the OS and frees every large block — live objects and leaked
    /// cycles included. The arena is empty (and usable) afterwards.
    ///
    /// # Safety
    ///
    /// No block of this arena may be used afterwards, and no heap of it may allocate again
    /// unless it was abandoned first (its pages are gone).
    pub unsafe fn release_all(&self) {
        let mut supply = self.supply.lock();
        Self::release_supply(&mut supply);
        self.charged.store(0, Ordering::Relaxed);
    }

    fn release_supply(supply: &mut Supply) {
        let newest = supply.chunks.last().copied();
        for &chunk in &supply.chunks {
            chunk_map::remove(chunk);
            // Only the newest chunk knows what it touched: its header, its slabs below
            // `next_slab` and its pages below `next_page` (an older chunk's unused slabs are
            // untouched but not recorded).
            let touched = (Some(chunk) == newest).then(|| os::Touched {
                page0_bytes: HEADER_BYTES + supply.next_slab * SLAB_SIZE,
                pages: supply.next_page,
            });
            os::give_back_chunk(chunk, touched);
        }
        for (&addr, &LargeBlock { size, .. }) in &supply.large {
            // SAFETY: every entry came from `alloc_large` with this size.
            unsafe { dealloc_large(addr, size) };
        }
        supply.chunks.clear();
        supply.next_page = PAGES_PER_CHUNK;
        supply.next_slab = SLABS_PER_CHUNK;
        supply.abandoned.iter_mut().for_each(Vec::clear);
        supply.large.clear();
    }
}

impl Drop for Arena {
    fn drop(&mut self) {
        // Dropping the arena: nothing can use its blocks or heaps any more. (No locking: under
        // loom this may run after the model ended.)
        Self::release_supply(self.supply.get_mut());
    }
}

/// A large block whose free was delayed ([`Arena::free_or_delay_large`]): dropping it frees
/// the block (from any thread). Every one must be dropped before its arena is released
/// (`Qsbr::free_orphans` runs before `Memory::release` gives the arena back).
pub struct DelayedLargeFree(NonNull<u8>);

// SAFETY: the block is only freed through this, which any thread may do (`Arena::free` with no
// heap takes the arena's supply lock).
unsafe impl Send for DelayedLargeFree {}

impl Drop for DelayedLargeFree {
    fn drop(&mut self) {
        // SAFETY: a large block of a live arena, freed once (here).
        unsafe { Arena::free(None, self.0) }
    }
}

/// Bytes in front of a large block: the address of its arena (padded to the block alignment).
const LARGE_PREFIX: usize = BLOCK_ALIGN;

/// # Safety
///
/// `user` must be a large block of `size` bytes from `alloc_large`.
unsafe fn dealloc_large(user: usize, size: usize) {
    // SAFETY: the caller's contract: the allocation starts LARGE_PREFIX bytes before `user`.
    unsafe {
        std::alloc::dealloc(
            (user - LARGE_PREFIX) as *mut u8,
            Layout::from_size_align_unchecked(size + LARGE_PREFIX, BLOCK_ALIGN),
        )
    };
}

/// The metadata of the page holding `addr`.
///
/// # Safety
///
/// `addr` must lie in a live chunk.
#[inline]
unsafe fn page_of<'a>(addr: usize) -> &'a PageMeta {
    let chunk = addr & !(CHUNK_SIZE - 1);
    let index = (addr - chunk) / PAGE_SIZE;
    // SAFETY: the caller promises a live chunk, whose header is initialised.
    let header = unsafe { &*(chunk as *const ChunkHeader) };
    if index == 0 {
        // Page 0's blocks are in slabs (no block lies in the header).
        return &header.slabs[(addr - chunk - HEADER_BYTES) / SLAB_SIZE];
    }
    &header.pages[index]
}

/// Blocks of `page` handed out and not yet freed (freed by the owner or returned by others).
fn live_blocks(page: &PageMeta) -> usize {
    page.used.load(Ordering::Relaxed).saturating_sub(page.thread_freed.load(Ordering::Relaxed))
}

/// Pushes `block` on `page`'s return list (a free by a thread that does not own the page).
#[inline]
fn push_thread_free(page: &PageMeta, block: *mut Block) {
    let order = if broken(Mutation::ArenaReturnRelaxed) { Ordering::Relaxed } else { Ordering::Release };
    // Count before publishing: once the block is on the list the page may be collected (and,
    // after its heap and arena are gone, unmapped).
    page.thread_freed.fetch_add(1, Ordering::Relaxed);
    let mut head = page.thread_free.load(Ordering::Relaxed);
    loop {
        // SAFETY: the block is ours to write until the CAS publishes it.
        unsafe { (*block).next = head };
        match page.thread_free.compare_exchange_weak(head, block, order, Ordering::Relaxed) {
            Ok(_) => break,
            Err(now) => head = now,
        }
    }
}

#[derive(Default)]
struct ClassPages {
    pages: Vec<*const PageMeta>,
    current: usize,
}

/// A heap: where one thread (or one locked interpreter) allocates.
///
/// Only its owner calls its allocation methods: the thread state it belongs to, or, for an
/// interpreter with a lock, whichever thread holds the lock.
pub struct Heap {
    classes: UnsafeCell<[ClassPages; NUM_CLASSES]>,
    /// The owner tag of the interpreter it allocates for (see "Owners" in the module docs).
    owner: u32,
    /// Blocks of dead leaf objects kept for the next objects of their size class (see
    /// [`Heap::keep_block`]); owner-only like `classes`.
    kept: UnsafeCell<KeptBlocks>,
}

/// CPython's free lists of floats and ints (`Objects/floatobject.c`, 3.14's
/// `Objects/longobject.c`), per heap and by size class: a stack of the blocks of objects
/// freed by the heap's own thread, each with its page's metadata (found once, by the keep's
/// test that the page is the heap's; taking the block back updates the page's `used` without
/// looking the page up again). The dead block itself is not written. An object made while
/// its class's stack is not empty takes the top block back, skipping the size-class page
/// list and the page's free list. A kept block counts as free in its page's `used` (the
/// statistics see no live object), but stays out of the page's free list; the page stays
/// the heap's (a heap gives its pages up only in [`Arena::abandon`], which first puts the
/// kept blocks on their pages' free lists). Blocks of one class are interchangeable, so the
/// objects that use the stacks may share one.
struct KeptBlocks {
    /// `entries[..len]` hold kept blocks, the last kept on top.
    len: usize,
    entries: [KeptBlock; MAX_KEPT_BLOCKS],
}

/// One kept block and its page.
#[derive(Clone, Copy)]
struct KeptBlock {
    block: *mut Block,
    page: *const PageMeta,
}

impl Default for KeptBlocks {
    fn default() -> Self {
        KeptBlocks { len: 0, entries: [KeptBlock { block: ptr::null_mut(), page: ptr::null() }; MAX_KEPT_BLOCKS] }
    }
}

/// The one size class with a stack of kept blocks: 48 bytes, floats' (40) and word-sized ints'
/// (48), the only objects released through it. One stack, not one per small class: every heap
/// carries its stack (a thread state's, an interpreter's), and 1.6 KB of entries per unused
/// class showed in an idle interpreter's memory.
const KEPT_CLASS: usize = 2;
const _: () = assert!(CLASS_SIZES[KEPT_CLASS] == 48);

/// How many blocks a stack keeps (CPython's `PyFloat_MAXFREELIST`).
const MAX_KEPT_BLOCKS: usize = 100;

// SAFETY: a heap is moved between threads only as a whole (with its thread state or behind the
// interpreter lock); `classes` is only touched by the owner (see the type docs).
unsafe impl Send for Heap {}
// SAFETY: `classes` is only touched through the unsafe `Arena::alloc` / `abandon_heap`, whose
// contracts restrict them to the heap's owner; other threads only compare a heap's address (the
// "is this page mine?" test in `Arena::free`).
unsafe impl Sync for Heap {}

impl Default for Heap {
    fn default() -> Self {
        Heap { classes: UnsafeCell::new(Default::default()), owner: 0, kept: UnsafeCell::default() }
    }
}

impl Heap {
    /// An empty heap (owner tag 0).
    pub fn new() -> Self {
        Self::default()
    }

    /// An empty heap allocating for the interpreter with owner tag `owner` (see "Owners").
    pub fn with_owner(owner: u32) -> Self {
        Heap { owner, ..Self::default() }
    }

    /// Its owner tag.
    pub fn owner(&self) -> u32 {
        self.owner
    }

    /// Keeps the block of a dead object of `size` bytes for [`Heap::take_kept_block`] (see
    /// [`KeptBlocks`]): `false`, and nothing kept, when the size has no stack, its stack is
    /// full or the block's page is not this heap's (a block of another thread's heap goes back
    /// through [`Arena::free`]).
    ///
    /// # Safety
    ///
    /// Only the heap's owner may call this; `block` must be an arena block allocated for `size`
    /// bytes, of this heap's arena, whose object has no reference left and no field alive.
    #[inline]
    pub(crate) unsafe fn keep_block(&self, block: NonNull<u8>, size: usize) -> bool {
        if size > CLASS_SIZES[KEPT_CLASS] || class_of(size) != KEPT_CLASS {
            return false;
        }
        // SAFETY: owner-only access (caller's contract).
        let kept = unsafe { &mut *self.kept.get() };
        if kept.len >= MAX_KEPT_BLOCKS {
            return false;
        }
        // SAFETY: a block of a small class lies in a live chunk of the arena.
        let page = unsafe { page_of(block.as_ptr() as usize) };
        if !ptr::eq(page.heap.load(Ordering::Relaxed), self) {
            return false;
        }
        kept.entries[kept.len] = KeptBlock { block: block.as_ptr().cast(), page };
        kept.len += 1;
        // We own the page (its heap is ours and we are the heap's thread), as in `Arena::free`.
        page.used.store(page.used.load(Ordering::Relaxed) - 1, Ordering::Relaxed);
        true
    }

    /// Pops the top kept block and its page (the page's `used` unchanged).
    ///
    /// # Safety
    ///
    /// Only the heap's owner may call this.
    #[inline]
    unsafe fn pop_kept(&self) -> Option<(NonNull<Block>, &PageMeta)> {
        // SAFETY: owner-only access (caller's contract).
        let kept = unsafe { &mut *self.kept.get() };
        kept.len = kept.len.checked_sub(1)?;
        let KeptBlock { block, page } = kept.entries[kept.len];
        // SAFETY: `keep_block` recorded a block of a live chunk and its page's metadata, in
        // that chunk's header (the chunk lives while the heap keeps the page, until `abandon`).
        Some((unsafe { NonNull::new_unchecked(block) }, unsafe { &*page }))
    }

    /// A block kept by [`Heap::keep_block`] for an object of `size` bytes, if there is one.
    ///
    /// # Safety
    ///
    /// Only the heap's owner may call this.
    #[inline]
    pub(crate) unsafe fn take_kept_block(&self, size: usize) -> Option<NonNull<u8>> {
        if size > CLASS_SIZES[KEPT_CLASS] || class_of(size) != KEPT_CLASS {
            return None;
        }
        // SAFETY: owner-only access (caller's contract).
        let (block, page) = unsafe { self.pop_kept() }?;
        // The page is this heap's (`keep_block` checked it, and a heap keeps its pages until
        // `Arena::abandon`), so only we write its `used`, as in `Arena::free`.
        page.used.store(page.used.load(Ordering::Relaxed) + 1, Ordering::Relaxed);
        Some(block.cast())
    }

    /// # Safety
    ///
    /// Only the heap's owner may call this.
    #[inline]
    unsafe fn alloc_small(&self, arena: &Arena, class: usize) -> Result<NonNull<u8>, AllocError> {
        // SAFETY: owner-only access (caller's contract).
        let classes = unsafe { &mut *self.classes.get() };
        let list = &mut classes[class];
        if let Some(&p) = list.pages.get(list.current) {
            // SAFETY: our pages point into live chunks and we own them.
            if let Some(b) = unsafe { take_block(&*p) } {
                return Ok(b);
            }
        }
        self.alloc_small_slow(arena, class)
    }

    #[cold]
    fn alloc_small_slow(&self, arena: &Arena, class: usize) -> Result<NonNull<u8>, AllocError> {
        // SAFETY: only the owner reaches here (through `alloc_small`).
        let list = unsafe { &mut (*self.classes.get())[class] };
        // Another page of ours with room (collecting blocks other threads returned)?
        let n = list.pages.len();
        for step in 1..=n {
            let i = (list.current + step) % n;
            // SAFETY: as above.
            if let Some(b) = unsafe { take_block(&*list.pages[i]) } {
                list.current = i;
                return Ok(b);
            }
        }
        let page = arena.take_page(self, class, n == 0)?;
        list.pages.push(page);
        list.current = list.pages.len() - 1;
        // SAFETY: the page was just given to us.
        Ok(unsafe { take_block(page) }.expect("a fresh or adopted page has room"))
    }
}

/// Takes a block from an owned page: local free list, then the return list, then the bump area.
///
/// # Safety
///
/// The caller must own `page`.
#[inline]
unsafe fn take_block(page: &PageMeta) -> Option<NonNull<u8>> {
    // SAFETY: owner-only (caller's contract).
    let local = unsafe { &mut *page.local.get() };
    if local.free.is_null() && !page.thread_free.load(Ordering::Relaxed).is_null() {
        collect_thread_free(page, local);
    }
    let block = if !local.free.is_null() {
        let b = local.free;
        // SAFETY: blocks on the local list are free blocks of this page with a valid link.
        local.free = unsafe { (*b).next };
        b as *mut u8
    } else {
        let size = CLASS_SIZES[local.class];
        if local.bump + size > local.end {
            return None;
        }
        let b = (local.start + local.bump) as *mut u8;
        local.bump += size;
        b
    };
    page.used.store(page.used.load(Ordering::Relaxed) + 1, Ordering::Relaxed);
    NonNull::new(block)
}

#[cold]
fn collect_thread_free(page: &PageMeta, local: &mut PageLocal) {
    let mut list = page.thread_free.swap(ptr::null_mut(), Ordering::Acquire);
    let mut n = 0;
    while !list.is_null() {
        // SAFETY: the swap's Acquire pairs with every push's Release, so the links written
        // before each push are visible; the blocks are ours now.
        let next = unsafe { (*list).next };
        // SAFETY: as above.
        unsafe { (*list).next = local.free };
        local.free = list;
        list = next;
        n += 1;
    }
    page.thread_freed.fetch_sub(n, Ordering::Relaxed);
    page.used.store(page.used.load(Ordering::Relaxed) - n, Ordering::Relaxed);
}

/// Memory from the OS.
mod os {
    use super::{CHUNK_SIZE, PAGE_SIZE};

    /// Chunks given back by destroyed arenas, kept mapped for the next arena (at most
    /// [`CACHED_CHUNKS`]), zero-filled as a fresh mapping reads. What the cache saves is the
    /// `mmap` of twice the chunk size and the two `munmap`s that align it, then the final
    /// `munmap` (four system calls for every interpreter that allocates anything) — and, for a
    /// chunk that only used its first page (header and slabs: a small interpreter, such as one
    /// with builtins and `sys` ready), the page faults: that part stays resident and is zeroed
    /// with a `memset` of the few KiB touched, instead of being dropped (`MADV_DONTNEED`, which
    /// also flushes the TLB) and faulted in, page by page, by the next arena. Every other page
    /// is returned to the OS (`MADV_DONTNEED`): a cached chunk keeps at most the touched part
    /// of its first 64 KiB page resident, bulk release gives every other byte back.
    /// A process-wide static like the chunk map, outside loom's models (loom builds skip it).
    static CACHE: std::sync::Mutex<Vec<usize>> = std::sync::Mutex::new(Vec::new());
    const CACHED_CHUNKS: usize = 4;

    /// How much of a chunk was handed out: the first `page0_bytes` of page 0 (the header and
    /// the slabs given out), and pages below `pages` (page 0 counted).
    pub(super) struct Touched {
        pub(super) page0_bytes: usize,
        pub(super) pages: usize,
    }

    /// A chunk: a cached one, or a fresh mapping. Zero-filled either way.
    pub(super) fn take_chunk() -> Option<usize> {
        if !cfg!(loom) {
            if let Some(base) = CACHE.lock().unwrap_or_else(|e| e.into_inner()).pop() {
                return Some(base);
            }
        }
        map_aligned(CHUNK_SIZE)
    }

    /// Gives a chunk's memory back to the OS, keeping the mapping for reuse if the cache has
    /// room; `touched` (when known) lets the touched part of page 0 stay resident, zeroed.
    pub(super) fn give_back_chunk(base: usize, touched: Option<Touched>) {
        if !cfg!(loom) {
            let mut cache = CACHE.lock().unwrap_or_else(|e| e.into_inner());
            if cache.len() < CACHED_CHUNKS {
                let (zeroed, dropped_from) = match &touched {
                    Some(t) if t.page0_bytes <= PAGE_SIZE => (t.page0_bytes, PAGE_SIZE.min(t.pages * PAGE_SIZE)),
                    _ => (0, 0),
                };
                // SAFETY: `base..base + zeroed` lies in page 0 of a chunk mapping of ours that
                // nothing uses any more.
                unsafe { std::ptr::write_bytes(base as *mut u8, 0, zeroed) };
                // Pages never handed out are untouched (zeros, not resident) already.
                let dropped_to = touched.as_ref().map_or(CHUNK_SIZE, |t| (t.pages * PAGE_SIZE).min(CHUNK_SIZE));
                let returned = if dropped_to > dropped_from {
                    // SAFETY: as above; MADV_DONTNEED on private anonymous memory drops its
                    // pages (zeros on reuse).
                    unsafe {
                        libc::madvise(
                            (base + dropped_from) as *mut libc::c_void,
                            dropped_to - dropped_from,
                            libc::MADV_DONTNEED,
                        )
                    }
                } else {
                    0
                };
                if returned == 0 {
                    cache.push(base);
                    return;
                }
            }
        }
        unmap(base, CHUNK_SIZE);
    }

    /// Maps `size` bytes aligned to `size` (a power of two). Untouched pages are not resident.
    pub(super) fn map_aligned(size: usize) -> Option<usize> {
        // SAFETY: an anonymous private mapping with no address hint has no preconditions.
        let raw = unsafe {
            libc::mmap(
                ptr::null_mut(),
                size * 2,
                libc::PROT_READ | libc::PROT_WRITE,
                libc::MAP_PRIVATE | libc::MAP_ANONYMOUS,
                -1,
                0,
            )
        };
        if raw == libc::MAP_FAILED {
            return None;
        }
        let start = raw as usize;
        let aligned = (start + size - 1) & !(size - 1);
        if aligned > start {
            unmap(start, aligned - start);
        }
        let end = start + size * 2;
        if end > aligned + size {
            unmap(aligned + size, end - (aligned + size));
        }
        Some(aligned)
    }

    pub(super) fn unmap(addr: usize, len: usize) {
        // SAFETY: `addr..addr+len` is a mapping (or part of one) we created and no longer use.
        let rc = unsafe { libc::munmap(addr as *mut libc::c_void, len) };
        debug_assert_eq!(rc, 0);
    }

    use std::ptr;
}

/// One bit per possible chunk address: is this a chunk of some arena?
///
/// Written when a chunk is mapped or unmapped; read by every free. A process-wide static table,
/// which loom cannot hold — it is not part of a modelled protocol (a block is freed only after it
/// was allocated, so the chunk's bit was published before any free reads it).
mod chunk_map {
    use super::CHUNK_SIZE;
    use crate::sync::{Ordering, StaticAtomicU64};

    /// User-space address bits covered: 48 (x86-64 uses 47 unless asked for more; aarch64 Linux
    /// hands out 48-bit addresses). A chunk beyond that is refused (`covers`), not a panic.
    const ADDRESS_BITS: u32 = 48;
    const CHUNKS: usize = 1 << (ADDRESS_BITS - CHUNK_SIZE.trailing_zeros());
    const WORDS: usize = CHUNKS / 64;

    #[allow(clippy::declare_interior_mutable_const)]
    const ZERO: StaticAtomicU64 = StaticAtomicU64::new(0);
    static MAP: [StaticAtomicU64; WORDS] = [ZERO; WORDS];

    fn slot(chunk: usize) -> Option<(usize, u64)> {
        let index = chunk / CHUNK_SIZE;
        (index < CHUNKS).then(|| (index / 64, 1u64 << (index % 64)))
    }

    pub(super) fn covers(chunk: usize) -> bool {
        slot(chunk).is_some()
    }

    pub(super) fn insert(chunk: usize) {
        let (w, bit) = slot(chunk).expect("checked by `covers` before mapping");
        MAP[w].fetch_or(bit, Ordering::Release);
    }

    pub(super) fn remove(chunk: usize) {
        if let Some((w, bit)) = slot(chunk) {
            MAP[w].fetch_and(!bit, Ordering::Release);
        }
    }

    #[inline]
    pub(super) fn contains(chunk: usize) -> bool {
        slot(chunk).is_some_and(|(w, bit)| MAP[w].load(Ordering::Acquire) & bit != 0)
    }
}

#[cfg(all(test, not(loom)))]
mod tests {
    use super::*;

    /// A kept block is free in the statistics, comes back for the next object of its size
    /// class (last kept, first taken), is refused when its page is another heap's or the stack
    /// is full, and `abandon` puts the kept blocks back on their pages' free lists.
    #[test]
    fn kept_blocks_are_reused_by_their_class_and_returned_on_abandon() {
        let arena = Arena::new(None);
        let heap = Heap::new();
        let other_heap = Heap::new();
        // SAFETY (whole test): this test owns both heaps; every block is of this arena and is
        // dead when kept or freed; blocks are returned before the arena is dropped.
        let blocks: Vec<_> = (0..MAX_KEPT_BLOCKS + 1).map(|_| unsafe { arena.alloc(&heap, 40) }.unwrap()).collect();
        let foreign = unsafe { arena.alloc(&other_heap, 40) }.unwrap();
        assert_eq!(arena.stats().live_bytes, (MAX_KEPT_BLOCKS + 2) * 48);
        assert!(!unsafe { heap.keep_block(foreign, 40) }, "another heap's block is not kept");
        assert!(!unsafe { heap.keep_block(blocks[0], 1000) }, "no stack for a large size");
        let small = unsafe { arena.alloc(&heap, 16) }.unwrap();
        assert!(!unsafe { heap.keep_block(small, 16) }, "only the 48-byte class has a stack");
        unsafe { Arena::free(Some(&heap), small) };
        for b in &blocks[..MAX_KEPT_BLOCKS] {
            assert!(unsafe { heap.keep_block(*b, 40) });
        }
        assert!(!unsafe { heap.keep_block(blocks[MAX_KEPT_BLOCKS], 40) }, "the stack is full");
        assert_eq!(arena.stats().live_bytes, 2 * 48, "kept blocks count as free");
        // Another size of the same class (33..=48 bytes) shares the stack.
        let taken = unsafe { heap.take_kept_block(48) }.unwrap();
        assert_eq!(taken, blocks[MAX_KEPT_BLOCKS - 1]);
        assert!(unsafe { heap.take_kept_block(16) }.is_none(), "class 16 has kept nothing");
        assert_eq!(arena.stats().live_bytes, 3 * 48);
        unsafe { Arena::free(Some(&heap), taken) };
        unsafe { Arena::free(Some(&heap), blocks[MAX_KEPT_BLOCKS]) };
        unsafe { Arena::free(Some(&other_heap), foreign) };
        assert_eq!(arena.stats().live_bytes, 0);
        arena.abandon(&heap);
        assert!(unsafe { heap.take_kept_block(40) }.is_none(), "abandon empties the stacks");
        // The abandoned page's blocks, kept ones included, are all allocatable again.
        let fresh = Heap::new();
        let again: Vec<_> = (0..MAX_KEPT_BLOCKS + 1).map(|_| unsafe { arena.alloc(&fresh, 40) }.unwrap()).collect();
        assert_eq!(arena.stats().live_bytes, (MAX_KEPT_BLOCKS + 1) * 48);
        for b in again {
            unsafe { Arena::free(Some(&fresh), b) };
        }
        assert_eq!(arena.stats().live_bytes, 0);
    }

    /// The first page of a class is a 1 KiB slab in page 0; when it is full the class moves on
    /// to a full page; blocks of both free back to their own page; a slab is charged 1 KiB.
    #[test]
    fn first_page_of_a_class_is_a_slab() {
        let arena = Arena::new(None);
        let heap = Heap::new();
        let class = class_of(64);
        let per_slab = SLAB_SIZE / CLASS_SIZES[class];
        // SAFETY: this test owns the heap; blocks are freed before the arena is dropped.
        let blocks: Vec<_> = (0..per_slab + 1).map(|_| unsafe { arena.alloc(&heap, 64) }.unwrap()).collect();
        let chunk = blocks[0].as_ptr() as usize & !(CHUNK_SIZE - 1);
        for b in &blocks[..per_slab] {
            let offset = b.as_ptr() as usize - chunk;
            assert!((HEADER_BYTES..HEADER_BYTES + SLAB_SIZE).contains(&offset), "in the first slab: {offset}");
        }
        let last = blocks[per_slab].as_ptr() as usize - chunk;
        assert!(last >= PAGE_SIZE, "the class moves on to a full page: {last}");
        assert_eq!(arena.stats().charged_bytes, SLAB_SIZE + PAGE_SIZE);
        // A second class gets the next slab.
        // SAFETY: as above.
        let other = unsafe { arena.alloc(&heap, 200) }.unwrap();
        let offset = other.as_ptr() as usize - chunk;
        assert!((HEADER_BYTES + SLAB_SIZE..HEADER_BYTES + 2 * SLAB_SIZE).contains(&offset), "{offset}");
        assert_eq!(arena.stats().live_bytes, (per_slab + 1) * 64 + 224);
        for b in blocks.into_iter().chain([other]) {
            // SAFETY: live blocks of this arena, freed once, by the heap's owner.
            unsafe { Arena::free(Some(&heap), b) };
        }
        assert_eq!(arena.stats().live_bytes, 0);
        // Freed slab blocks are reused by their class.
        // SAFETY: as above.
        let again = unsafe { arena.alloc(&heap, 64) }.unwrap();
        assert!(again.as_ptr() as usize - chunk < PAGE_SIZE + PAGE_SIZE);
        // SAFETY: as above.
        unsafe { Arena::free(Some(&heap), again) };
    }

    /// A limit smaller than a page still admits slabs (they are charged 1 KiB), and refuses
    /// what does not fit.
    #[test]
    fn slabs_are_charged_against_the_limit() {
        let arena = Arena::new(Some(2 * SLAB_SIZE));
        let heap = Heap::new();
        // SAFETY: this test owns the heap.
        let a = unsafe { arena.alloc(&heap, 16) }.unwrap();
        // SAFETY: as above.
        let b = unsafe { arena.alloc(&heap, 512) }.unwrap();
        assert_eq!(arena.stats().charged_bytes, 2 * SLAB_SIZE);
        // SAFETY: as above.
        assert!(unsafe { arena.alloc(&heap, 100) }.is_err(), "a third class is over the limit");
        for p in [a, b] {
            // SAFETY: live blocks of this arena, freed once.
            unsafe { Arena::free(Some(&heap), p) };
        }
    }
}
