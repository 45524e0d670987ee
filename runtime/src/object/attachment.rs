//! The attachment as object code sees it: what a slot, a deallocator or a handle needs from the
//! thread it runs on, without naming `state`.
//!
//! Object code runs attached, as CPython's does, and much of it sits under calls that carry no
//! context (`decref` → `dealloc` → `free_object`, a container's critical section, an error that
//! unbinds its exception). CPython reads `_PyThreadState_GET()` there; pyrt's object layer reads
//! an [`Attachment`] instead — a record `state` embeds in every thread state (its first field)
//! and whose address it stores in this module's thread-local slot at attach, clearing it at
//! detach. `object` defines the type and the slot; `state` fills them:
//!
//! ```text
//!   state::ThreadState ─┬─ attachment: Attachment ◀── CURRENT (this module's TLS word)
//!                       │     arena, heap        → alloc_sized / free_object
//!                       │     refcount strategy  → new headers
//!                       │     merge table        → brc::queue_object
//!                       │     home (dyn ObjectHome: the interpreter as object code sees it)
//!                       │     free_threaded      → whether critical sections lock
//!                       │     qsbr (free-threaded) → containers retire storage (alloc::qsbr)
//!                       └─ ... scheduling, GILState, hooks (state's own)
//! ```
//!
//! The slot is the thread's only "current thread state" word: `state::tls::current()` reads it
//! and casts (the attachment is the thread state's first field), so attach and detach write one
//! word, as before, and the object layer's reads are a TLS load plus a field load.
//!
//! Everything the record points to lives at least as long as the thread state that embeds it:
//! the arena and the merge table belong to the interpreter (or, for an interpreter created with
//! `use_main_obmalloc`, the arena to the main interpreter, which it keeps alive), the heap to the
//! thread state or its interpreter, and the thread state holds its interpreter.

use std::ptr::NonNull;

use super::RefcountStrategy;
use super::brc::BrcTable;
use super::header::PyObject;
use crate::alloc::gc_heads::GcHeads;
use crate::alloc::qsbr::{QsbrThread, ThreadCell};
use crate::alloc::{Arena, Heap, MemoryContext};
use crate::sync::Arc;

/// The interpreter as object code sees it: where its objects live, how an unbound handle
/// dropped elsewhere gives its reference back, how to attach to it for a moment. `state`'s
/// interpreter implements it; unbound handles ([`super::handle::Py`]) hold one.
pub(crate) trait ObjectHome: Send + Sync {
    /// Its id (for messages).
    fn id(&self) -> i64;
    /// Whether `obj` (not immortal) was allocated by this interpreter: the membership check of
    /// handles.
    fn allocated_here(&self, obj: &PyObject) -> bool;
    /// Queues the decrement of a reference dropped where the interpreter is not attached (it
    /// runs at its next attach or breaker check; nothing once it is destroyed).
    fn defer_decref(&self, op: NonNull<PyObject>);
    /// Attaches the calling thread (attached nowhere) to the interpreter for `f`; false, and `f`
    /// does not run, when it refuses (destroyed or being destroyed).
    fn run_attached(self: Arc<Self>, f: &mut dyn FnMut()) -> bool;
    /// Asks the calling thread, attached here, to run the cycle collector at its next breaker
    /// check (the young generation passed its threshold).
    fn schedule_gc(&self);
    /// The interpreter's state of the type objects (subclass lists of static types, the type
    /// lock; `type_state.rs`).
    fn type_state(&self) -> &super::type_state::InterpTypes;
    /// Stops every other thread of the interpreter, for the calling thread attached here,
    /// until the returned proof is dropped (CPython's `_PyEval_StopTheWorld`; with a lock,
    /// holding it is the stop).
    fn stop_the_world(&self) -> WorldStopped<'_>;
}

/// Proof that no other thread of the calling thread's interpreter is attached, for as long as
/// it lives; dropping it lets them run again. Made only by the interpreter's
/// [`ObjectHome::stop_the_world`].
pub(crate) struct WorldStopped<'a> {
    _restart: Box<dyn StopGuard + 'a>,
}

/// What restarts the world when dropped (the scheduling room's guard).
pub(crate) trait StopGuard {}
impl<T> StopGuard for T {}

impl<'a> WorldStopped<'a> {
    /// # Safety
    ///
    /// `guard` keeps the world of the calling thread's interpreter stopped until it is dropped.
    pub(crate) unsafe fn new(guard: impl StopGuard + 'a) -> Self {
        WorldStopped { _restart: Box::new(guard) }
    }
}

/// Stops the world of the interpreter the calling thread is attached to (`func` names the
/// caller in the fatal error when it is attached nowhere).
pub(crate) fn stop_the_world(func: &str) -> WorldStopped<'static> {
    current_or_fatal(func).home_ref().stop_the_world()
}

/// What object code reads from the attached thread. See the module docs.
pub(crate) struct Attachment {
    arena: NonNull<Arena>,
    heap: NonNull<Heap>,
    brc: NonNull<BrcTable>,
    gc: NonNull<GcHeads>,
    home: NonNull<dyn ObjectHome>,
    refcount: RefcountStrategy,
    /// Whether the interpreter has no lock (critical sections lock the objects' mutexes).
    free_threaded: bool,
    /// The thread's part of the interpreter's reclamation domain (free-threaded only): owned by
    /// the thread state, used only by the thread it is attached on.
    qsbr: Option<NonNull<ThreadCell>>,
    /// The interpreter's recursion limit (`sys.setrecursionlimit`), read at every Python call.
    recursion_limit: NonNull<super::recursion::RecursionLimit>,
}

// SAFETY: the record only points into the interpreter (arena, merge table, home) and the heap of
// the thread state that embeds it, all of which outlive it (see `Attachment::new`); the heap is
// used only by the thread attached with the record (`Attachment::memory`'s contract), the rest
// is `Sync`.
unsafe impl Send for Attachment {}
// SAFETY: as above.
unsafe impl Sync for Attachment {}

impl Attachment {
    /// # Safety
    ///
    /// `arena`, `heap`, `brc`, `gc`, `home` and `recursion_limit` must outlive the record; `heap` must be a heap of
    /// `arena`; `home` must be the contents of an `Arc` (a strong reference is taken from it in
    /// [`Attachment::home`]); `qsbr`, when given, must outlive the record and be used only
    /// through it (by the thread the record is attached on).
    #[allow(clippy::too_many_arguments)]
    pub(crate) unsafe fn new(
        arena: &Arena,
        heap: &Heap,
        brc: &BrcTable,
        gc: &GcHeads,
        home: &dyn ObjectHome,
        refcount: RefcountStrategy,
        free_threaded: bool,
        qsbr: Option<&ThreadCell>,
        recursion_limit: &super::recursion::RecursionLimit,
    ) -> Self {
        // SAFETY: only the lifetime is erased (the caller promises `home` outlives the record).
        let home: &'static dyn ObjectHome = unsafe { std::mem::transmute::<&dyn ObjectHome, _>(home) };
        Attachment {
            arena: NonNull::from(arena),
            heap: NonNull::from(heap),
            brc: NonNull::from(brc),
            gc: NonNull::from(gc),
            home: NonNull::from(home),
            refcount,
            free_threaded,
            qsbr: qsbr.map(NonNull::from),
            recursion_limit: NonNull::from(recursion_limit),
        }
    }

    /// Runs `f` on the thread's reclamation state; `None` when the interpreter has a lock (it
    /// retires nothing: its storage is freed at once).
    ///
    /// # Safety
    ///
    /// The record is attached on the calling thread (the thread that owns the state), and `f`
    /// does not re-enter this function (it runs no object code).
    #[inline]
    pub(crate) unsafe fn with_qsbr<R>(&self, f: impl FnOnce(&mut QsbrThread) -> R) -> Option<R> {
        // SAFETY: the state outlives the record (see `new`); only the attached thread reaches it,
        // and the caller promises no re-entry, so this is the only borrow.
        self.qsbr.map(|q| f(unsafe { q.as_ref().get() }))
    }

    /// The memory this attachment allocates from.
    ///
    /// # Safety
    ///
    /// The record's thread state is attached on the calling thread while the context is used
    /// (so the thread owns the heap).
    #[inline]
    pub(crate) unsafe fn memory(&self) -> MemoryContext<'_> {
        // SAFETY: both outlive `self` (see `new`); the caller's attachment makes this thread the
        // heap's owner.
        unsafe { MemoryContext::new(self.arena.as_ref(), self.heap.as_ref()) }
    }

    /// The heap this attachment allocates from (and frees to, from its own thread).
    #[inline]
    pub(crate) fn heap(&self) -> &Heap {
        // SAFETY: the heap outlives the record (see `new`).
        unsafe { self.heap.as_ref() }
    }

    /// How new objects count references.
    #[inline]
    pub(crate) fn refcount(&self) -> RefcountStrategy {
        self.refcount
    }

    /// Whether the interpreter has no lock (its threads run Python at once).
    #[inline]
    pub(crate) fn free_threaded(&self) -> bool {
        self.free_threaded
    }

    /// The interpreter's tracked objects (the cycle collector's list).
    #[inline]
    pub(crate) fn gc_heads(&self) -> &GcHeads {
        // SAFETY: the list outlives the record (see `new`).
        unsafe { self.gc.as_ref() }
    }

    /// The interpreter's merge-queue table.
    #[inline]
    pub(crate) fn brc(&self) -> &BrcTable {
        // SAFETY: the table outlives the record (see `new`).
        unsafe { self.brc.as_ref() }
    }

    /// The interpreter's recursion limit.
    #[inline]
    pub(crate) fn recursion_limit(&self) -> &super::recursion::RecursionLimit {
        // SAFETY: the limit outlives the record (see `new`).
        unsafe { self.recursion_limit.as_ref() }
    }

    /// The interpreter, borrowed.
    #[inline]
    pub(crate) fn home_ref(&self) -> &dyn ObjectHome {
        // SAFETY: `home` outlives the record (see `new`).
        unsafe { self.home.as_ref() }
    }

    /// A strong reference to the interpreter.
    pub(crate) fn home(&self) -> Arc<dyn ObjectHome> {
        let raw = self.home.as_ptr().cast_const();
        // SAFETY: `home` is the contents of a live `Arc` (see `new`), so adding a strong
        // reference to it and taking it back out is sound.
        unsafe {
            Arc::increment_strong_count(raw);
            Arc::from_raw(raw)
        }
    }

    /// Whether `home` is this attachment's interpreter.
    #[inline]
    pub(crate) fn is_home(&self, home: &Arc<dyn ObjectHome>) -> bool {
        std::ptr::addr_eq(self.home.as_ptr(), Arc::as_ptr(home))
    }
}

/// The raw slot: the calling thread's attachment, or null.
#[inline(always)]
pub(crate) fn current_raw() -> *const Attachment {
    slot::get()
}

/// The attachment of the calling thread, if it is attached (`_PyThreadState_GET()` for object
/// code). The record stays valid while the thread stays attached with it.
#[inline(always)]
pub(crate) fn current() -> Option<NonNull<Attachment>> {
    NonNull::new(slot::get().cast_mut())
}

/// Whether the calling thread is attached to a free-threaded interpreter (false when it is not
/// attached): what object code tests to pick the lock-free or the locked path.
#[inline]
pub(crate) fn free_threaded() -> bool {
    // SAFETY: the slot holds the attached record, alive while this thread stays attached.
    current().is_some_and(|a| unsafe { a.as_ref() }.free_threaded())
}

/// The attachment of the calling thread, for object code that runs attached; a fatal error
/// naming `func` otherwise. Valid until the calling code detaches, which object code called
/// attached does not do while it uses the record.
#[inline]
pub(crate) fn current_or_fatal(func: &str) -> &'static Attachment {
    let raw = slot::get();
    if raw.is_null() {
        not_attached(func);
    }
    // SAFETY: a non-null slot is the record of the thread state attached on this thread, alive
    // while it stays attached (see the function docs).
    unsafe { &*raw }
}

#[cold]
#[inline(never)]
fn not_attached(func: &str) -> ! {
    crate::fatal::fatal_error(func, crate::fatal::TSTATE_NULL)
}

/// Sets the calling thread's attachment (null: detached). `state`'s attach and detach call it.
#[inline(always)]
pub(crate) fn set_current(a: *const Attachment) {
    slot::set(a);
}

/// Frees `item` once no lock-free reader of the calling thread's interpreter can still hold a
/// pointer into it (`_PyMem_FreeDelayed`): retired through the thread's QSBR state in a
/// free-threaded interpreter, dropped at once with a lock or detached.
pub(crate) fn free_delayed(item: Box<dyn Send>) {
    // SAFETY: the slot holds the attached record (object code runs attached); retiring runs
    // no object code.
    let attached = current().map(|a| unsafe { a.as_ref() });
    match attached {
        Some(a) if a.qsbr.is_some() => {
            // SAFETY: as above.
            unsafe { a.with_qsbr(|q| q.retire(item)) };
        }
        _ => drop(item),
    }
}

/// Runs `f` inside `obj`'s critical section (`Py_BEGIN_CRITICAL_SECTION`): the object's mutex in
/// a free-threaded interpreter, nothing under a lock (holding it serialises `f`) or detached.
#[inline(always)]
pub(crate) fn critical_section<R>(obj: &PyObject, f: impl FnOnce() -> R) -> R {
    match current() {
        // SAFETY: the slot holds the attached record; object code runs attached, so its thread
        // state stays attached on this thread for the whole call.
        Some(a) if unsafe { a.as_ref() }.free_threaded => {
            // SAFETY: the record of the thread state attached on this thread, which stays
            // attached for the whole call (see above).
            let py = unsafe { crate::Python::from_attachment(a) };
            py.critical_section_free_threaded(obj, f)
        }
        _ => f(),
    }
}

/// [`critical_section`] on two objects (`Py_BEGIN_CRITICAL_SECTION2`).
#[inline]
pub(crate) fn critical_section2<R>(a: &PyObject, b: &PyObject, f: impl FnOnce() -> R) -> R {
    match current() {
        // SAFETY: as in `critical_section`.
        Some(at) if unsafe { at.as_ref() }.free_threaded => {
            // SAFETY: as in `critical_section`.
            let py = unsafe { crate::Python::from_attachment(at) };
            py.critical_section2(a, b, f)
        }
        _ => f(),
    }
}

/// The slot as an initial-exec TLS symbol on x86-64 Linux: two instructions, no call, in the
/// executable and in `libpyrt_abi.so` alike (see `state::tls` for why `thread_local!` is not
/// used there).
#[cfg(all(target_arch = "x86_64", target_os = "linux", not(loom)))]
mod slot {
    use super::Attachment;

    std::arch::global_asm!(
        ".pushsection .tbss.pyrt_attachment,\"awT\",@nobits",
        ".p2align 3",
        ".globl pyrt_attachment",
        ".hidden pyrt_attachment",
        ".type pyrt_attachment,@object",
        ".size pyrt_attachment,8",
        "pyrt_attachment:",
        ".zero 8",
        ".popsection",
    );

    #[inline(always)]
    fn addr() -> *mut *const Attachment {
        let p: *mut *const Attachment;
        // SAFETY: the GOT entry holds the symbol's offset from the thread pointer, and `fs:[0]`
        // is the thread pointer itself (the x86-64 TLS ABI): their sum is this thread's copy of
        // the zero-initialised word, constant for the thread's life.
        unsafe {
            std::arch::asm!(
                "mov {p}, qword ptr [rip + pyrt_attachment@GOTTPOFF]",
                "add {p}, qword ptr fs:[0]",
                p = out(reg) p,
                options(pure, nomem, nostack),
            );
        }
        p
    }

    #[inline(always)]
    pub(super) fn get() -> *const Attachment {
        // SAFETY: this thread's own word; only this thread reads or writes it.
        unsafe { *addr() }
    }

    #[inline(always)]
    pub(super) fn set(a: *const Attachment) {
        // SAFETY: as in `get`.
        unsafe { *addr() = a }
    }
}

/// Elsewhere (and under loom): a const-initialised thread-local without destructor.
#[cfg(not(all(target_arch = "x86_64", target_os = "linux", not(loom))))]
mod slot {
    use super::Attachment;
    use std::cell::Cell;

    crate::sync::thread_local_const! {
        static CURRENT: Cell<*const Attachment> = Cell::new(std::ptr::null());
    }

    #[inline(always)]
    pub(super) fn get() -> *const Attachment {
        CURRENT.with(|c| c.get())
    }

    #[inline(always)]
    pub(super) fn set(a: *const Attachment) {
        CURRENT.with(|c| c.set(a));
    }
}
