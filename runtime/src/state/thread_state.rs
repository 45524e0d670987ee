//! Thread states: what an OS thread carries while it runs in an interpreter.
//!
//! # State machine
//!
//! ```text
//!                 attach (lock taken / CAS)                 stop-the-world requester CAS
//!   ┌──────────┐ ─────────────────────────▶ ┌──────────┐      ┌──────────┐
//!   │ DETACHED │                            │ ATTACHED │      │SUSPENDED │
//!   └──────────┘ ◀───────────────────────── └──────────┘      └──────────┘
//!     ▲   │          detach (lock released)       │  please-stop at the      ▲
//!     │   └───────────────────────────────────────┼──────────────────────────┘
//!     │         DETACHED → SUSPENDED (requester)  └─ breaker: ATTACHED → SUSPENDED (own thread)
//!     └──────────── start-the-world: SUSPENDED → DETACHED ───────────────────
//! ```
//!
//! Only the thread the state is attached on moves it out of ATTACHED; only a stop-the-world
//! requester (or the thread itself, answering a request) moves it to SUSPENDED; only
//! start-the-world moves it out of SUSPENDED. `attach` and `detach` are the only two primitives;
//! `PyEval_RestoreThread`, `AcquireThread`, `SaveThread`, `ReleaseThread` and `PyThreadState_Swap`
//! are thin wrappers ([`restore_thread`] and friends).
//!
//! In an interpreter with a lock, ATTACHED is the same as holding the lock. In a free-threaded
//! interpreter, attach is a compare-and-swap `DETACHED → ATTACHED` that fails (and waits) while a
//! stop-the-world has the state SUSPENDED.
//!
//! # Lifetime
//!
//! A thread state is reference counted. Its interpreter's thread list holds one reference from
//! `new` until `delete`; the GILState bindings of the OS thread hold others. After `delete` the
//! state is flagged DELETED and unlinked; it is freed when the last binding lets go.
//!
//! # Dormant GILState states
//!
//! The last `PyGILState_Release` of a GILState state deletes it and the next outermost
//! `PyGILState_Ensure` makes a new one (CPython's semantics). In a main interpreter with a lock,
//! the deleted state's memory stays **dormant** on its OS thread instead of being freed
//! ([`ThreadState::try_go_dormant`]): it is cleared, its merge queue is merged and it is parked
//! in the merge-queue table (strangers merge at once, as for a thread with no state; see
//! `object::brc`, "Parked owners" — one atomic each way instead of leaving and re-entering the
//! table under its bucket mutex), it is flagged DELETED, leaves the thread list (so `ThreadHead`,
//! `signal_all` and finalization never see it) and the thread's GILState binding reads empty —
//! everything a delete does — but the list's reference moves into the thread's bindings
//! (`tls`), the bindings keep theirs, and the lock is released lazily (the dormant state stays
//! its idle holder until someone takes the lock). The next outermost ensure on that thread
//! revives it ([`revive_dormant`]): it is unparked, and under the thread-list lock it gets a new
//! id, a clean status and flags, and goes back into the list — a new state, as if malloc had
//! handed the block back — and re-attaches, usually with the one CAS of the lock's idle mark.
//! Besides the lock (its idle holder) and the merge-queue table (its parked breaker word, which
//! strangers only OR bits into under the bucket mutex), only the owning thread ever touches a
//! dormant state (no other thread can reach it: it is in no list), so reviving needs no
//! protocol beyond those two and the thread-list lock. It is freed by its own thread —
//! when the thread exits, or when a revive finds it unfit (its interpreter finalized, the
//! binding moved to another state) — after the lock forgets it as holder; finalizing the
//! interpreter releases the arena in bulk, so a dormant state outliving its interpreter keeps
//! only the interpreter's bare record alive until then.

use std::any::Any;
use std::collections::HashMap;
use std::fmt;
use std::ptr::{self, NonNull};

use super::breaker;
use super::interpreter::{Interpreter, InterpreterState};
use super::tls;
use crate::error::PyErr;
use crate::fatal::fatal_error;
use crate::object::attachment::Attachment;
use crate::sync::{self, Arc, AtomicBool, AtomicPtr, AtomicU8, AtomicU32, AtomicU64, AtomicUsize, Mutex, Ordering};

/// Where a thread state stands (CPython's `_Py_THREAD_*`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(u8)]
pub enum Status {
    /// Not running: does not hold the lock, may not touch objects.
    Detached = 0,
    /// Running: holds the interpreter's lock (or is attached to a free-threaded interpreter).
    Attached = 1,
    /// Parked by a stop-the-world; attaching waits until the world restarts.
    Suspended = 2,
}

pub(crate) const DETACHED: u8 = Status::Detached as u8;
pub(crate) const ATTACHED: u8 = Status::Attached as u8;
pub(crate) const SUSPENDED: u8 = Status::Suspended as u8;

/// Why a thread state was created (CPython's `_PyThreadState_WHENCE_*`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Whence {
    /// Created by `ThreadState::new` (`PyThreadState_New`).
    Unknown,
    /// The first thread state of an interpreter, created with it.
    Init,
    /// Created by the runtime to finalize or destroy an interpreter: a helper state, which never
    /// becomes the thread's GILState binding.
    Fini,
    /// Created by `GILState_Ensure` for a thread that had none; deleted by its last release.
    GilState,
}

/// Why a thread state could not be created.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum CreateError {
    /// The interpreter was destroyed.
    Finalized,
    /// The interpreter is being destroyed or finalized.
    Finalizing,
}

impl From<CreateError> for PyErr {
    fn from(e: CreateError) -> PyErr {
        let msg = match e {
            CreateError::Finalized => "the interpreter was destroyed",
            CreateError::Finalizing => "the interpreter is being destroyed",
        };
        PyErr::new(crate::error::ExcKind::InterpreterError, msg)
    }
}

/// What the C API does when a thread state cannot be created.
pub(crate) fn c_api_create_failed(e: CreateError) -> ! {
    match e {
        CreateError::Finalized => fatal_error("PyThreadState_New", "the interpreter is finalized"),
        CreateError::Finalizing => park_forever(),
    }
}

// Lifecycle flags (CPython's `_status` bit-field).
const BOUND: u8 = 1 << 0;
const CLEARED: u8 = 1 << 1;
const DELETED: u8 = 1 << 2;
/// Set (for good) when the dict is first created: `clear` looks into the dict only then.
const MAY_HAVE_DICT: u8 = 1 << 3;
/// Set (for good) when an exception is first set: `clear` looks at the indicator only then.
const MAY_HAVE_RAISED: u8 = 1 << 4;

/// A trace or profile function (`sys.settrace` / `sys.setprofile`; the C ABI's
/// `Py_tracefunc`). The eval loop calls it with each event (see `eval::trace`); an error stops
/// the hook (it is removed) and propagates into the running code.
pub type TraceFn = Arc<dyn Fn(&TraceArgs<'_>) -> Result<(), crate::error::PyErr> + Send + Sync>;

/// One event given to a [`TraceFn`]: the event, the frame it happens in and its argument
/// (the return value, the `(type, value, traceback)` of an exception, the native callable).
pub struct TraceArgs<'a> {
    /// The event.
    pub event: TraceEvent,
    pub(crate) frame: &'a crate::object::obj::Obj,
    pub(crate) arg: Option<&'a crate::object::obj::Obj>,
}

impl TraceArgs<'_> {
    /// The frame's current line (`frame.f_lineno`).
    pub fn lineno(&self) -> Option<i32> {
        crate::eval::frame_object::lineno(self.frame)
    }

    /// The name of the frame's code object (`co_name`).
    pub fn code_name(&self) -> String {
        crate::object::code::as_code(crate::eval::frame_object::code(self.frame))
            .map(|c| c.code.name.to_string())
            .unwrap_or_default()
    }
}

/// The events a trace or profile function receives (CPython's `PyTrace_*`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TraceEvent {
    /// A Python function is entered.
    Call,
    /// An exception is raised.
    Exception,
    /// A new line is about to run.
    Line,
    /// A Python function returns.
    Return,
    /// A C (native) function is called.
    CCall,
    /// A C function raised.
    CException,
    /// A C function returned.
    CReturn,
    /// A new opcode is about to run.
    Opcode,
}

/// The per-thread dictionary (`PyThreadState_GetDict`): state extensions keep per thread.
pub type ThreadDict = HashMap<String, Box<dyn Any + Send>>;

/// A thread state. See the module documentation.
///
/// It starts with its [`Attachment`] (`repr(C)`, first field): the thread-local slot that names
/// the attached record for object code names the thread state too (see [`tls`]).
#[repr(C)]
pub struct ThreadState {
    /// What object code reads from the attached thread (memory, merge table, interpreter).
    attachment: Attachment,
    interp: Arc<InterpreterState>,
    /// Set at creation and when a dormant state is revived (under the thread-list lock).
    id: AtomicU64,
    whence: Whence,
    /// The OS thread's `pthread_self` ident, 0 until bound.
    thread_id: AtomicU64,
    native_thread_id: AtomicU64,
    status: AtomicU8,
    flags: AtomicU8,
    /// The eval-breaker word: low 8 bits are events, see [`breaker`].
    pub(crate) eval_breaker: AtomicUsize,
    /// `gilstate_counter`: touched only by the OS thread the state is attached on.
    gilstate_counter: AtomicU32,
    async_exc: AtomicPtr<PyErr>,
    /// The raised exception, the C API's error indicator (`tstate->current_exception`): set by a
    /// C API function that fails, read by `PyErr_Occurred` / `PyErr_Print`. Own thread only.
    raised: Mutex<Option<PyErr>>,
    dict: Mutex<Option<ThreadDict>>,
    trace: Mutex<Option<TraceFn>>,
    profile: Mutex<Option<TraceFn>>,
    /// Whether a trace or profile function is set: the eval loop's one check.
    hooked: std::sync::atomic::AtomicBool,
    /// Its own heap in a free-threaded interpreter (with a lock, the interpreter's is used).
    heap: Option<Box<crate::alloc::Heap>>,
    /// Its part of the interpreter's reclamation domain, in a free-threaded interpreter:
    /// registered at creation, online while attached, quiescent at breaker checks, left at
    /// deletion. Used only by the thread the state is attached on (through the attachment).
    qsbr: Option<Box<crate::alloc::qsbr::ThreadCell>>,
    /// The thread id it is registered under in the interpreter's merge-queue table (0: none).
    brc_tid: AtomicUsize,
    /// Whether the stop-the-world in progress counts this state (written under the
    /// interpreter's stop-the-world mutex).
    pub(crate) stw_counted: AtomicBool,
    /// The open critical sections (suspended at detach, resumed at attach).
    pub(crate) critical_sections: crate::lock::critical_section::CriticalSectionStack,
    /// How many `WorldStopped` guards of this state are alive (only its own thread changes it).
    pub(crate) stw_held: AtomicU32,
}

// The attachment slot names the thread state too (`tls::current`, `Python::from_attachment`).
const _: () = assert!(std::mem::offset_of!(ThreadState, attachment) == 0);

impl fmt::Debug for ThreadState {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ThreadState")
            .field("interp", &self.interp.id())
            .field("id", &self.id())
            .field("thread_id", &self.thread_id())
            .field("status", &self.status())
            .finish()
    }
}

impl ThreadState {
    // ----------------------------------------------------------------------------------------
    // Creation, clearing, deletion
    // ----------------------------------------------------------------------------------------

    /// Creates a thread state in `interp` bound to the calling OS thread (`PyThreadState_New`).
    /// It starts DETACHED — or SUSPENDED while a stop-the-world is in progress.
    pub fn new(interp: &Interpreter) -> NonNull<ThreadState> {
        let ts = Self::create(interp.state(), Whence::Unknown, true);
        tls::bind_if_unbound(&ts);
        NonNull::from(&*ts)
    }

    /// Creates and registers a thread state. With `bind`, it records the calling OS thread.
    /// The C API's form: creating one in a destroyed interpreter is a fatal error, in one being
    /// torn down the thread is parked (a daemon thread during finalization), as CPython 3.14 does.
    pub(crate) fn create(interp: &Arc<InterpreterState>, whence: Whence, bind: bool) -> Arc<ThreadState> {
        Self::try_create(interp, whence, bind).unwrap_or_else(|e| c_api_create_failed(e))
    }

    /// [`ThreadState::create`] for the safe API: a destroyed interpreter, or one being destroyed,
    /// is an error. Checked under the thread-list lock, which `destroy` holds while it claims the
    /// interpreter, so a state is either created before the claim (and `destroy` fails) or not
    /// at all. The runtime's helper states (`Whence::Fini`) may be created while finalizing.
    pub(crate) fn try_create(
        interp: &Arc<InterpreterState>,
        whence: Whence,
        bind: bool,
    ) -> Result<Arc<ThreadState>, CreateError> {
        let gilstate_counter = if whence == Whence::GilState { 0 } else { 1 };
        let mut threads = interp.sched.threads.lock();
        if interp.is_finalized() {
            return Err(CreateError::Finalized);
        }
        if interp.is_finalizing() && whence != Whence::Fini {
            return Err(CreateError::Finalizing);
        }
        threads.next_unique_id += 1;
        let initial = if interp.sched.stw.creating_while_stopped() { SUSPENDED } else { DETACHED };
        let own_heap = interp.sched.lock.is_none().then(|| Box::new(interp.memory.new_heap()));
        let qsbr = interp
            .sched
            .lock
            .is_none()
            .then(|| Box::new(crate::alloc::qsbr::ThreadCell::new(interp.memory.qsbr.register())));
        // SAFETY: the arena, merge table and interpreter live in `interp`, which the state keeps
        // alive (it outlives its attachment); the heap is the state's own box (moved below, its
        // contents stay put) or the interpreter's; the interpreter is an `Arc`'s contents; the
        // QSBR state is the state's own box, used only through the attachment; the recursion
        // limit lives in `interp`.
        let attachment = unsafe {
            Attachment::new(
                &interp.memory.arena,
                own_heap.as_deref().unwrap_or(&interp.memory.heap),
                &interp.memory.brc,
                &interp.memory.gc,
                &**interp,
                interp.memory.refcount,
                interp.sched.lock.is_none(),
                qsbr.as_deref(),
                &interp.recursion_limit,
            )
        };
        let fresh = ThreadState {
            attachment,
            interp: interp.clone(),
            id: AtomicU64::new(threads.next_unique_id),
            whence,
            thread_id: AtomicU64::new(0),
            native_thread_id: AtomicU64::new(0),
            status: AtomicU8::new(initial),
            flags: AtomicU8::new(0),
            eval_breaker: AtomicUsize::new(0),
            gilstate_counter: AtomicU32::new(gilstate_counter),
            async_exc: AtomicPtr::new(ptr::null_mut()),
            raised: Mutex::new(None),
            dict: Mutex::new(None),
            trace: Mutex::new(None),
            profile: Mutex::new(None),
            hooked: std::sync::atomic::AtomicBool::new(false),
            heap: own_heap,
            qsbr,
            brc_tid: AtomicUsize::new(0),
            stw_counted: AtomicBool::new(false),
            critical_sections: crate::lock::critical_section::CriticalSectionStack::new(),
            stw_held: AtomicU32::new(0),
        };
        let ts = Arc::new(fresh);
        if bind {
            ts.bind_to_current_thread();
        }
        threads.states.push(ts.clone());
        if interp.sched.main_thread.load(Ordering::Relaxed).is_null() {
            interp.sched.main_thread.store(Arc::as_ptr(&ts) as *mut ThreadState, Ordering::Relaxed);
        }
        drop(threads);
        Ok(ts)
    }

    fn bind_to_current_thread(&self) {
        self.thread_id.store(sync::os_thread_ident(), Ordering::Relaxed);
        self.native_thread_id.store(tls::native_thread_id(), Ordering::Relaxed);
        self.flags.fetch_or(BOUND, Ordering::Relaxed);
    }

    /// Resets the state's per-thread data (`PyThreadState_Clear`): the dict, a pending async
    /// exception, the trace and profile functions. The state stays registered.
    pub fn clear(&self) {
        // Each slot is locked only if something may be in it (a flag bit or the interpreter's
        // hook counters say so): a GILState state is cleared by every outermost release.
        let flags = self.flags.load(Ordering::Relaxed);
        if flags & MAY_HAVE_DICT != 0 {
            drop(self.dict.lock().take());
        }
        if flags & MAY_HAVE_RAISED != 0 {
            drop(self.take_raised());
        }
        if !self.async_exc.load(Ordering::Relaxed).is_null() {
            drop(self.take_async_exc());
        }
        if self.interp.tracing_threads.load(Ordering::Relaxed) != 0 && self.trace.lock().take().is_some() {
            self.interp.tracing_threads.fetch_sub(1, Ordering::Relaxed);
        }
        if self.interp.profiling_threads.load(Ordering::Relaxed) != 0 && self.profile.lock().take().is_some() {
            self.interp.profiling_threads.fetch_sub(1, Ordering::Relaxed);
        }
        self.hooked.store(false, Ordering::Relaxed);
        if flags & CLEARED == 0 {
            self.flags.fetch_or(CLEARED, Ordering::Relaxed);
        }
    }

    /// Deletes a detached thread state (`PyThreadState_Delete`). Deleting the current thread
    /// state, or one attached on another thread, is a fatal error.
    ///
    /// # Safety
    ///
    /// `ts` must come from [`ThreadState::new`] (or another pyrt constructor) and not have been
    /// deleted already; it is invalid afterwards.
    pub unsafe fn delete(ts: NonNull<ThreadState>) {
        // SAFETY: the caller guarantees `ts` is a live thread state.
        let ts = unsafe { ts.as_ref() };
        if ptr::eq(tls::current(), ts) {
            fatal_error("PyThreadState_Delete", &format!("tstate {:p} is still current", ts as *const ThreadState));
        }
        if ts.status() == Status::Attached {
            fatal_error("PyThreadState_Delete", "tstate is attached on another thread");
        }
        ts.delete_common();
    }

    /// Clears and deletes the current thread state and releases the lock for the last time
    /// (`PyThreadState_DeleteCurrent`).
    ///
    /// # Safety
    ///
    /// Nothing may use the current thread state afterwards — in particular no [`crate::Python`]
    /// token of it may be alive (the state may be freed).
    pub unsafe fn delete_current() {
        let ts = current_or_fatal("_PyThreadState_DeleteCurrent").to_arc();
        ts.delete_current_inner();
    }

    pub(crate) fn delete_current_inner(self: Arc<Self>) {
        match self.interp.sched.lock.as_deref() {
            Some(lock) => {
                // Merge the objects queued to this thread while still attached (CPython's
                // `PyThreadState_Clear` does): their deallocators may need a current state.
                self.leave_brc();
                tls::set_current(ptr::null());
                self.status.store(DETACHED, Ordering::Relaxed);
                self.delete_common();
                lock.release_final_for(&self.eval_breaker);
            }
            None => {
                // Free-threaded: leave the thread list (and any stop-the-world count) while still
                // attached, then go DETACHED — CPython's order, so a concurrent finalizer never
                // sees a half-deleted state.
                self.delete_common();
                tls::set_current(ptr::null());
                self.status.store(DETACHED, Ordering::Release);
            }
        }
    }

    /// Deletes the state once: claims it under the thread-list lock (a second deleter — a
    /// finalizer racing the state's own thread — does nothing), merges the objects queued to it,
    /// hands its heap back, and leaves any stop-the-world count.
    pub(crate) fn delete_common(&self) {
        let me = self.to_arc(); // keep `self` alive until the end, whatever the list held
        let removed = {
            let mut threads = self.interp.sched.threads.lock();
            if self.flags.fetch_or(DELETED, Ordering::AcqRel) & DELETED != 0 {
                return;
            }
            if ptr::eq(self.interp.sched.main_thread.load(Ordering::Relaxed), self) {
                self.interp.sched.main_thread.store(ptr::null_mut(), Ordering::Relaxed);
            }
            let pos = threads.states.iter().position(|t| ptr::eq(Arc::as_ptr(t), self));
            pos.map(|p| threads.states.remove(p))
        };
        self.forget_lock_holder();
        self.leave_brc();
        if let Some(heap) = &self.heap {
            self.interp.memory.arena.abandon(heap);
        }
        if let Some(q) = &self.qsbr {
            // SAFETY: a deleted state is detached (or being deleted by its own thread, which
            // runs no object code meanwhile): nothing else uses its QSBR state.
            unsafe { q.get().leave() };
        }
        if self.interp.sched.lock.is_none() {
            self.interp.sched.stw.forget(self);
        }
        tls::unbind(self);
        drop(removed);
        drop(me);
    }

    /// The last release of the current GILState state, when its memory can stay dormant on
    /// this thread (see "Dormant GILState states" above): everything `delete_current_inner`
    /// does that CPython shows — merge queue merged and left, unlinked, flagged DELETED, the
    /// GILState binding empty, the lock released — but the state is kept for the thread's next
    /// GILState state. The caller has cleared it. Returns `false`, having done nothing, if the
    /// memory cannot be kept (then the caller deletes the state). `parked`: the caller found
    /// [`ThreadState::may_go_dormant`] true and parked the state, and no code ran since (so
    /// neither needs doing again).
    pub(crate) fn try_go_dormant(&self, parked: bool) -> bool {
        let Some(lock) = self.interp.sched.lock.as_deref() else { return false };
        if !parked {
            if !self.may_go_dormant() {
                return false;
            }
            // Merge the objects queued to this thread while still attached, as a delete does,
            // but stay in the merge-queue table parked (idempotent).
            self.park_brc();
        }
        tls::set_current(ptr::null());
        self.status.store(DETACHED, Ordering::Relaxed);
        let listed = {
            let mut threads = self.interp.sched.threads.lock();
            // Attached, so no finalizer can be deleting it: only this thread writes the flags now.
            self.flags.store(self.flags.load(Ordering::Relaxed) | DELETED, Ordering::Release);
            if ptr::eq(self.interp.sched.main_thread.load(Ordering::Relaxed), self) {
                self.interp.sched.main_thread.store(ptr::null_mut(), Ordering::Relaxed);
            }
            // Usually the newest entry: `pop` spares `remove`'s call to move the tail.
            match threads.states.iter().rposition(|t| ptr::eq(Arc::as_ptr(t), self)) {
                Some(p) if p + 1 == threads.states.len() => threads.states.pop(),
                Some(p) => Some(threads.states.remove(p)),
                None => None,
            }
        };
        // `keep_dormant` gives the reference back if the bindings are gone (thread exit); an
        // attached state is always listed.
        match listed.map(tls::keep_dormant) {
            Some(None) => {
                // The dormant state stays the lock's idle holder until someone takes the lock.
                lock.release_dormant_for(&self.eval_breaker);
            }
            unkept => {
                // Delete's remaining steps.
                self.leave_brc();
                tls::unbind(self);
                self.forget_lock_holder();
                lock.release_final_for(&self.eval_breaker);
                drop(unkept);
            }
        }
        true
    }

    /// Whether the current state's last GILState release may keep it dormant (see "Dormant
    /// GILState states"); [`ThreadState::try_go_dormant`] asks again.
    pub(crate) fn may_go_dormant(&self) -> bool {
        !cfg!(loom)
            && self.interp.sched.lock.is_some()
            && self.whence == Whence::GilState
            && self.interp.is_main()
            && !self.interp.is_finalizing()
            && tls::can_keep_dormant(self)
    }

    /// Parks the current state in the merge-queue table (see `object::brc`, "Parked owners"):
    /// merges what was queued to it, and from now on strangers merge at once, as if it had left
    /// the table — one atomic instead of the bucket mutex and the entry's removal. The state
    /// stays registered; [`revive_dormant`] unparks it, a disposal unregisters it.
    /// Returns whether code may have run meanwhile (objects were merged and perhaps freed).
    pub(crate) fn park_brc(&self) -> bool {
        let tid = self.brc_tid.load(Ordering::Relaxed);
        tid != 0
            && self.eval_breaker.load(Ordering::Relaxed) & crate::object::brc::ABSENT_BIT == 0
            && self.interp.memory.brc.park(&self.eval_breaker, tid)
    }

    /// Unparks what [`ThreadState::park_brc`] parked (clearing the whole breaker word).
    pub(crate) fn unpark_brc(&self) {
        match self.brc_tid.load(Ordering::Relaxed) {
            0 => self.eval_breaker.store(0, Ordering::Relaxed),
            tid => self.interp.memory.brc.unpark(&self.eval_breaker, tid),
        }
    }

    /// Makes the interpreter's lock forget this state as its last holder: after this, no waiter
    /// writes a drop request into it, so its memory may be freed.
    pub(crate) fn forget_lock_holder(&self) {
        if let Some(lock) = self.interp.sched.lock.as_deref() {
            lock.forget_holder(&self.eval_breaker);
        }
    }

    /// Leaves the interpreter's merge-queue table, merging (and perhaps deallocating) what was
    /// queued to this state's thread. Idempotent.
    fn leave_brc(&self) {
        if self.brc_tid.load(Ordering::Relaxed) == 0 {
            return;
        }
        let tid = self.brc_tid.swap(0, Ordering::Relaxed);
        if tid != 0 {
            self.interp.memory.brc.unregister(&self.eval_breaker, tid);
        }
    }

    /// [`ThreadState::leave_brc`] for the state attached on the calling thread: no deleter can
    /// race it (deleting an attached state from another thread is a fatal error, and a finalizer
    /// must hold the lock first), so a load and a store replace the swap.
    pub(crate) fn leave_brc_attached(&self) {
        let tid = self.brc_tid.load(Ordering::Relaxed);
        if tid != 0 {
            self.brc_tid.store(0, Ordering::Relaxed);
            self.interp.memory.brc.unregister(&self.eval_breaker, tid);
        }
    }

    /// What object code reads from this state while it is attached.
    #[inline]
    pub(crate) fn attachment(&self) -> &Attachment {
        &self.attachment
    }

    /// The memory this thread state allocates from, as `alloc` takes it.
    ///
    /// # Safety
    ///
    /// The state is attached on the calling thread for as long as the context is used (so the
    /// thread owns its heap).
    #[inline]
    pub(crate) unsafe fn memory(&self) -> crate::alloc::MemoryContext<'_> {
        // SAFETY: the caller promises the attachment that makes this thread the heap's owner.
        unsafe { self.attachment.memory() }
    }

    /// Registers the calling OS thread as an object owner in the interpreter (or moves the
    /// registration when the state is attached on another thread).
    #[cold]
    fn bind_brc(&self, tid: usize) {
        // Only the thread the state is attached on registers it, so a load and a store do (a
        // deleter on another thread only deletes detached states).
        let old = self.brc_tid.load(Ordering::Relaxed);
        self.brc_tid.store(tid, Ordering::Relaxed);
        if old != 0 {
            self.interp.memory.brc.unregister(&self.eval_breaker, old);
        }
        // SAFETY: the word is unregistered before the state is freed: by `leave_brc` when it is
        // deleted, or by `Drop` (`forget`) if it never was.
        unsafe { self.interp.memory.brc.register(&self.eval_breaker, tid) };
    }

    // ----------------------------------------------------------------------------------------
    // Accessors
    // ----------------------------------------------------------------------------------------

    /// The interpreter this state belongs to.
    pub fn interpreter(&self) -> Interpreter {
        Interpreter::from_state(self.interp.clone())
    }

    pub(crate) fn interp_state(&self) -> &Arc<InterpreterState> {
        &self.interp
    }

    /// Unique id within the interpreter, from 1 (`PyThreadState_GetID`).
    pub fn id(&self) -> u64 {
        self.id.load(Ordering::Relaxed)
    }

    /// Why it was created.
    pub fn whence(&self) -> Whence {
        self.whence
    }

    /// The bound OS thread's ident (`pthread_self`), 0 if unbound.
    pub fn thread_id(&self) -> u64 {
        self.thread_id.load(Ordering::Relaxed)
    }

    /// The bound OS thread's kernel id (`gettid`), 0 if unbound.
    pub fn native_thread_id(&self) -> u64 {
        self.native_thread_id.load(Ordering::Relaxed)
    }

    /// DETACHED, ATTACHED or SUSPENDED.
    pub fn status(&self) -> Status {
        match self.status.load(Ordering::Acquire) {
            DETACHED => Status::Detached,
            ATTACHED => Status::Attached,
            _ => Status::Suspended,
        }
    }

    pub(crate) fn status_word(&self) -> &AtomicU8 {
        &self.status
    }

    /// Whether it is one of the runtime's own short-lived states (the finalizer's, or
    /// `Py_EndInterpreter`'s for [`Interpreter::destroy`]): it never becomes the thread's
    /// GILState binding.
    pub fn is_helper(&self) -> bool {
        self.whence == Whence::Fini
    }

    /// Whether `PyThreadState_Clear` ran on it.
    pub fn is_cleared(&self) -> bool {
        self.flags.load(Ordering::Relaxed) & CLEARED != 0
    }

    /// Whether it was deleted (possibly by another thread, e.g. at finalization).
    #[inline]
    pub fn is_deleted(&self) -> bool {
        self.flags.load(Ordering::Acquire) & DELETED != 0
    }

    /// The GILState nesting counter.
    pub fn gilstate_counter(&self) -> u32 {
        self.gilstate_counter.load(Ordering::Relaxed)
    }

    pub(crate) fn set_gilstate_counter(&self, n: u32) {
        self.gilstate_counter.store(n, Ordering::Relaxed);
    }

    /// The current eval-breaker word (low 8 bits: pending events).
    pub fn eval_breaker(&self) -> usize {
        self.eval_breaker.load(Ordering::Relaxed)
    }

    /// Whether this is its interpreter's main thread state (its first; informational).
    pub fn is_interpreter_main(&self) -> bool {
        ptr::eq(self.interp.sched.main_thread.load(Ordering::Relaxed), self)
    }

    /// A new strong reference to this thread state.
    pub(crate) fn to_arc(&self) -> Arc<ThreadState> {
        let raw = self as *const ThreadState;
        // SAFETY: every ThreadState lives in an `Arc` (`create` is the only constructor) and
        // `self` proves a strong reference is alive, so adding one is sound.
        unsafe {
            Arc::increment_strong_count(raw);
            Arc::from_raw(raw)
        }
    }

    // ----------------------------------------------------------------------------------------
    // Per-thread data
    // ----------------------------------------------------------------------------------------

    /// Runs `f` on the per-thread dictionary, creating it on first use.
    pub fn with_dict<R>(&self, f: impl FnOnce(&mut ThreadDict) -> R) -> R {
        let mut d = self.dict.lock();
        if d.is_none() {
            self.flags.fetch_or(MAY_HAVE_DICT, Ordering::Relaxed);
        }
        f(d.get_or_insert_with(HashMap::new))
    }

    /// Sets (or with `None` removes) the trace function.
    pub fn set_trace(&self, f: Option<TraceFn>) {
        set_hook(&self.trace, f, &self.interp.tracing_threads);
        self.update_hooked();
    }

    fn update_hooked(&self) {
        let on = self.trace.lock().is_some() || self.profile.lock().is_some();
        self.hooked.store(on, Ordering::Relaxed);
    }

    /// Whether a trace or profile function is set (one relaxed load).
    #[inline]
    pub fn is_hooked(&self) -> bool {
        self.hooked.load(Ordering::Relaxed)
    }

    /// Whether a `RESUME` run by this (attached, current) state now would only pass: no event
    /// is pending in its eval breaker and no trace or profile function is set. Makes the
    /// breaker check's quiescent point (`breaker::check_quiet`). The eval loop then starts a
    /// callee past its `RESUME` (`eval::first_ip`).
    #[inline(always)]
    pub(crate) fn resume_would_pass(&self) -> bool {
        super::breaker::check_quiet(self) && !self.is_hooked()
    }

    /// Sets (or with `None` removes) the profile function.
    pub fn set_profile(&self, f: Option<TraceFn>) {
        set_hook(&self.profile, f, &self.interp.profiling_threads);
        self.update_hooked();
    }

    /// The trace function, if any.
    pub fn trace(&self) -> Option<TraceFn> {
        self.trace.lock().clone()
    }

    /// The profile function, if any.
    pub fn profile(&self) -> Option<TraceFn> {
        self.profile.lock().clone()
    }

    // ----------------------------------------------------------------------------------------
    // Async exceptions (`PyThreadState_SetAsyncExc`)
    // ----------------------------------------------------------------------------------------

    /// Schedules `exc` to be raised in this thread at its next eval-breaker check; `None` clears
    /// a scheduled one. Callable from any thread.
    pub fn set_async_exc(&self, exc: Option<PyErr>) {
        let new = exc.map_or(ptr::null_mut(), |e| Box::into_raw(Box::new(e)));
        let old = self.async_exc.swap(new, Ordering::AcqRel);
        if !old.is_null() {
            // SAFETY: non-null values in `async_exc` come from `Box::into_raw` and the swap gave
            // us exclusive ownership of this one.
            drop(unsafe { Box::from_raw(old) });
        }
        self.eval_breaker.fetch_or(breaker::ASYNC_EXCEPTION_BIT, Ordering::Release);
    }

    /// Whether an async exception is scheduled and not yet raised.
    pub fn has_async_exc(&self) -> bool {
        !self.async_exc.load(Ordering::Acquire).is_null()
    }

    /// Sets the error indicator (`PyErr_SetRaisedException`), replacing any exception in it.
    pub fn set_raised(&self, exc: PyErr) {
        if self.flags.load(Ordering::Relaxed) & MAY_HAVE_RAISED == 0 {
            self.flags.fetch_or(MAY_HAVE_RAISED, Ordering::Relaxed);
        }
        let old = self.raised.lock().replace(exc);
        drop(old);
    }

    /// Takes the exception out of the error indicator (`PyErr_GetRaisedException`).
    pub fn take_raised(&self) -> Option<PyErr> {
        self.raised.lock().take()
    }

    /// Whether an exception is set (`PyErr_Occurred() != NULL`).
    pub fn has_raised(&self) -> bool {
        self.raised.lock().is_some()
    }

    pub(crate) fn take_async_exc(&self) -> Option<PyErr> {
        let raw = self.async_exc.swap(ptr::null_mut(), Ordering::AcqRel);
        if raw.is_null() {
            None
        } else {
            // SAFETY: as in `set_async_exc`: a Box pointer we now own exclusively.
            Some(*unsafe { Box::from_raw(raw) })
        }
    }
}

impl Drop for ThreadState {
    fn drop(&mut self) {
        drop(self.take_async_exc());
        let tid = self.brc_tid.swap(0, Ordering::Relaxed);
        if tid != 0 {
            // Never deleted: the merge table must not keep the breaker word's address.
            self.interp.memory.brc.forget(&self.eval_breaker, tid);
        }
    }
}

fn set_hook(slot: &Mutex<Option<TraceFn>>, f: Option<TraceFn>, counter: &AtomicUsize) {
    let mut slot = slot.lock();
    match (slot.is_some(), f.is_some()) {
        (false, true) => {
            counter.fetch_add(1, Ordering::Relaxed);
        }
        (true, false) => {
            counter.fetch_sub(1, Ordering::Relaxed);
        }
        _ => {}
    }
    *slot = f;
}

// ---------------------------------------------------------------------------------------------
// Attach / detach: the only two primitives.
// ---------------------------------------------------------------------------------------------

/// Attaches `ts` to the calling OS thread (`_PyThreadState_Attach`): takes the interpreter's lock
/// or, in a free-threaded interpreter, moves DETACHED → ATTACHED (waiting out a stop-the-world).
/// The thread's GILState binding follows it.
#[inline]
pub(crate) fn attach(ts: &ThreadState) {
    // The runtime's own short-lived states never take the thread's GILState binding, however
    // they are (re-)attached: first attach, drop-request hand-off, detach and restore.
    attach_inner(ts, !ts.is_helper());
}

#[inline]
fn attach_inner(ts: &ThreadState, rebind: bool) {
    if !tls::current().is_null() {
        fatal_error("_PyThreadState_Attach", "non-NULL old thread state");
    }
    // The finalizing thread's own helper state may re-attach (a pending call it runs detaches).
    if ts.flags.load(Ordering::Relaxed) & DELETED != 0 || (ts.interp.is_finalizing() && !ts.is_helper()) {
        must_exit(ts);
    }
    match ts.interp.sched.lock.as_deref() {
        Some(lock) => {
            lock.acquire_for(&ts.eval_breaker);
            if ts.is_deleted() {
                // Deleted while we waited for the lock (finalization ran meanwhile).
                lock.release_final_for(&ts.eval_breaker);
                must_exit(ts);
            }
            ts.status.store(ATTACHED, Ordering::Relaxed);
        }
        None => {
            ts.interp.sched.stw.attach(ts);
            qsbr_online(ts);
        }
    }
    tls::set_current(ts);
    let tid = crate::object::thread_id();
    if ts.brc_tid.load(Ordering::Relaxed) != tid {
        ts.bind_brc(tid);
    }
    if rebind && !ptr::eq(tls::auto_raw(), ts) && !sync::broken(sync::Mutation::AttachSkipsGilstateRebind) {
        tls::bind(ts);
    }
    // Resume the critical sections before anything here can run object code (deferred
    // decrefs), which may open sections of its own on top of them.
    crate::lock::critical_section::resume(ts);
    if ts.interp.calls.pending.has_pending() || (ts.interp.is_main() && super::pending::main_thread_work_waits()) {
        super::pending::update_breaker_on_attach(ts);
    }
    if ts.interp.memory.has_deferred() {
        ts.interp.memory.run_deferred();
    }
}

/// Detaches the current thread state `ts` (`_PyThreadState_Detach`).
#[inline]
pub(crate) fn detach(ts: &ThreadState) {
    crate::lock::critical_section::suspend_all(ts);
    qsbr_offline(ts);
    tls::set_current(ptr::null());
    match ts.interp.sched.lock.as_deref() {
        Some(lock) => {
            ts.status.store(DETACHED, Ordering::Relaxed);
            lock.release_for(&ts.eval_breaker);
        }
        None => ts.interp.sched.stw.detach(ts),
    }
}

/// A free-threaded state comes online in the reclamation domain (`_Py_qsbr_attach`), and frees
/// what it retired that every reader has passed meanwhile.
#[inline]
fn qsbr_online(ts: &ThreadState) {
    if let Some(q) = &ts.qsbr {
        // SAFETY: the state is being attached on the calling thread, the only one that uses its
        // QSBR state; freeing retired storage runs no object code.
        let q = unsafe { q.get() };
        q.online();
        if q.pending() != 0 || q.shared().has_orphans() {
            q.poll();
        }
    }
}

/// A free-threaded state that detaches goes offline (`_Py_qsbr_detach`): it holds no storage
/// pointer and holds no writer back while detached.
#[inline]
fn qsbr_offline(ts: &ThreadState) {
    if let Some(q) = &ts.qsbr {
        // SAFETY: the state is attached on the calling thread, the only one that uses its QSBR
        // state.
        unsafe { q.get().offline() };
    }
}

/// A breaker check of a free-threaded state is a quiescent point (CPython's
/// `QSBR_QUIESCENT_STATE` in `CHECK_EVAL_BREAKER`): the eval loop holds no storage pointer
/// across it. Now and then it also frees what it retired (see `QsbrThread`).
#[inline]
pub(crate) fn qsbr_quiescent(ts: &ThreadState) {
    if let Some(q) = &ts.qsbr {
        // SAFETY: `ts` is attached on the calling thread (breaker checks run there), the only
        // one that uses its QSBR state; freeing retired storage runs no object code.
        unsafe { q.get().quiescent_and_maybe_poll() };
    }
}

/// Revives this thread's dormant GILState state as a new state of `target` (the main
/// interpreter when `None`) and attaches it; see "Dormant GILState states". Returns `None` when
/// there is none, or it does not fit (another interpreter, finalized, no longer the thread's
/// binding: then it is freed here).
pub(crate) fn revive_dormant(target: Option<&Arc<InterpreterState>>) -> Option<NonNull<ThreadState>> {
    let (dormant, bound) = tls::take_dormant()?;
    let interp_ptr: *const InterpreterState = Arc::as_ptr(&dormant.interp);
    // SAFETY: the dormant state holds its interpreter and stays alive (here, then in the thread
    // list) to the end of this function, except on the disposal paths, which return without
    // using `interp` after it.
    let interp = unsafe { &*interp_ptr };
    if !bound || !interp.is_main() || target.is_some_and(|t| !ptr::eq(&**t, interp)) {
        dispose_dormant(dormant);
        return None;
    }
    let ts: *const ThreadState = Arc::as_ptr(&dormant);
    // A clean breaker; a parked merge-queue registration becomes live again (after any merge a
    // stranger is doing on its behalf; see `object::brc`, "Parked owners").
    dormant.unpark_brc();
    {
        let mut threads = interp.sched.threads.lock();
        if interp.is_finalizing() || interp.is_finalized() {
            drop(threads);
            dispose_dormant(dormant);
            return None;
        }
        threads.next_unique_id += 1;
        // Nothing else reaches a dormant state (it is in no list), so plain stores do; the
        // thread-list lock publishes them to whoever finds the state in the list.
        dormant.id.store(threads.next_unique_id, Ordering::Relaxed);
        dormant.status.store(DETACHED, Ordering::Relaxed);
        dormant.flags.store(BOUND, Ordering::Release);
        threads.states.push(dormant);
        if interp.sched.main_thread.load(Ordering::Relaxed).is_null() {
            interp.sched.main_thread.store(ts as *mut ThreadState, Ordering::Relaxed);
        }
    }
    // SAFETY: the thread list holds the state now, and only this thread can delete it.
    let ts = unsafe { &*ts };
    tls::rebind_dormant(ts);
    attach(ts);
    Some(NonNull::from(ts))
}

/// Frees a dormant state that will not be revived (after unbinding it and making its lock
/// forget it as holder, so no waiter writes into freed memory).
pub(crate) fn dispose_dormant(dormant: Arc<ThreadState>) {
    dormant.leave_brc();
    tls::unbind(&dormant);
    dormant.forget_lock_holder();
    drop(dormant);
}

/// A thread that tries to run in a finalized interpreter (a daemon thread after `finalize`) is
/// parked for good, as CPython 3.14 does (`PyThread_hang_thread`): unwinding it could run code
/// against freed state, and exiting it from under its own stack frames is not possible in Rust.
#[cold]
fn must_exit(ts: &ThreadState) -> ! {
    let _ = ts;
    park_forever()
}

#[cold]
pub(crate) fn park_forever() -> ! {
    #[cfg(loom)]
    {
        panic!("a thread tried to enter a finalized interpreter");
    }
    #[cfg(not(loom))]
    loop {
        std::thread::park();
    }
}

#[inline]
pub(crate) fn current_or_fatal(func: &str) -> &'static ThreadState {
    let raw = tls::current();
    if raw.is_null() {
        no_current_state(func);
    }
    // SAFETY: the current thread state stays registered (and so alive) until it is detached or
    // deleted, which only this thread can do; callers use the reference before doing either.
    unsafe { &*raw }
}

#[cold]
#[inline(never)]
fn no_current_state(func: &str) -> ! {
    fatal_error(func, crate::fatal::TSTATE_NULL)
}

/// The attached thread state of this OS thread (`PyThreadState_GetUnchecked`).
#[inline]
pub fn current() -> Option<NonNull<ThreadState>> {
    NonNull::new(tls::current() as *mut ThreadState)
}

/// The attached thread state; fatal if there is none (`PyThreadState_Get`).
pub fn get() -> NonNull<ThreadState> {
    NonNull::from(current_or_fatal("PyThreadState_Get"))
}

/// Detaches the current thread state and returns it (`PyEval_SaveThread`).
///
/// # Safety
///
/// No [`crate::Python`] token of the current thread state may be used until it is attached
/// again (a token promises attachment; [`crate::Python::detach`] is the safe form).
#[inline]
pub unsafe fn save_thread() -> NonNull<ThreadState> {
    let ts = current_or_fatal("PyEval_SaveThread");
    detach(ts);
    NonNull::from(ts)
}

/// Attaches `ts` (`PyEval_RestoreThread`).
///
/// # Safety
///
/// `ts` must be a live (not deleted) thread state.
#[inline]
pub unsafe fn restore_thread(ts: NonNull<ThreadState>) {
    // SAFETY: the caller promises a live thread state.
    attach(unsafe { ts.as_ref() });
}

/// Attaches `ts` (`PyEval_AcquireThread`).
///
/// # Safety
///
/// `ts` must be a live (not deleted) thread state.
pub unsafe fn acquire_thread(ts: NonNull<ThreadState>) {
    // SAFETY: the caller promises a live thread state.
    attach(unsafe { ts.as_ref() });
}

/// Detaches `ts`, which must be the current thread state (`PyEval_ReleaseThread`).
///
/// # Safety
///
/// `ts` must be a live (not deleted) thread state.
pub unsafe fn release_thread(ts: NonNull<ThreadState>) {
    // SAFETY: the caller promises a live thread state.
    let ts = unsafe { ts.as_ref() };
    if !ptr::eq(tls::current(), ts) {
        fatal_error("PyEval_ReleaseThread", "non-current thread state");
    }
    detach(ts);
}

/// Detaches the current thread state (if any), attaches `new` (if any), and returns the old one
/// (`PyThreadState_Swap`).
///
/// # Safety
///
/// `new`, if given, must be a live (not deleted) thread state.
pub unsafe fn swap(new: Option<NonNull<ThreadState>>) -> Option<NonNull<ThreadState>> {
    let old = current();
    if let Some(o) = old {
        // SAFETY: `o` is the current thread state, alive while attached.
        detach(unsafe { o.as_ref() });
    }
    if let Some(n) = new {
        // SAFETY: the caller promises `new` is live.
        attach(unsafe { n.as_ref() });
    }
    old
}

/// QSBR wired into thread states: who registers, and when retired storage is freed.
#[cfg(all(test, not(loom)))]
mod qsbr_tests {
    use std::sync::atomic::{AtomicUsize, Ordering as StdOrdering};

    use crate::sync::Arc;
    use crate::{Interpreter, InterpreterConfig, Runtime};

    /// Counts its drops: retired storage that was freed.
    struct Freed(Arc<AtomicUsize>);
    impl Drop for Freed {
        fn drop(&mut self) {
            self.0.fetch_add(1, StdOrdering::SeqCst);
        }
    }

    #[test]
    fn free_threaded_states_register_and_free_retired_storage_once_every_reader_passed() {
        Runtime::initialize();
        let interp = Interpreter::new(InterpreterConfig::free_threaded()).unwrap();
        let qsbr = interp.state().memory.qsbr.clone();
        let before = qsbr.threads();
        let freed = Arc::new(AtomicUsize::new(0));
        // A second thread stays attached (online) until told to pass a quiescent point.
        let (go, gone) = (Arc::new(AtomicUsize::new(0)), Arc::new(AtomicUsize::new(0)));
        let other = {
            let (interp, go, gone) = (interp.clone(), go.clone(), gone.clone());
            std::thread::spawn(move || {
                interp
                    .attach(|py| {
                        go.store(1, StdOrdering::SeqCst);
                        while go.load(StdOrdering::SeqCst) != 2 {
                            std::hint::spin_loop();
                        }
                        // A breaker check is a quiescent point.
                        py.check_eval_breaker().unwrap();
                        gone.store(1, StdOrdering::SeqCst);
                        while go.load(StdOrdering::SeqCst) != 3 {
                            std::hint::spin_loop();
                        }
                    })
                    .unwrap()
            })
        };
        while go.load(StdOrdering::SeqCst) != 1 {
            std::hint::spin_loop();
        }
        interp
            .attach(|py| {
                assert_eq!(qsbr.threads(), before + 2, "both attached states are registered");
                crate::object::attachment::free_delayed(Box::new(Freed(freed.clone())));
                assert_eq!(freed.load(StdOrdering::SeqCst), 0, "retired, not freed: a reader is online");
                // Re-attaching polls: the other thread has not passed a quiescent point yet.
                py.detach(|| ());
                assert_eq!(freed.load(StdOrdering::SeqCst), 0);
                go.store(2, StdOrdering::SeqCst);
                while gone.load(StdOrdering::SeqCst) != 1 {
                    std::hint::spin_loop();
                }
                py.detach(|| ());
                assert_eq!(freed.load(StdOrdering::SeqCst), 1, "freed once the reader passed a quiescent point");
            })
            .unwrap();
        go.store(3, StdOrdering::SeqCst);
        other.join().unwrap();
        assert_eq!(qsbr.threads(), before, "deleted states leave the domain");
        interp.destroy().unwrap();
    }

    #[test]
    fn states_of_an_interpreter_with_a_lock_do_not_register_and_free_at_once() {
        Runtime::initialize();
        let interp = Interpreter::new(InterpreterConfig::default()).unwrap();
        let qsbr = interp.state().memory.qsbr.clone();
        let freed = Arc::new(AtomicUsize::new(0));
        interp
            .attach(|_| {
                assert_eq!(qsbr.threads(), 0);
                crate::object::attachment::free_delayed(Box::new(Freed(freed.clone())));
                assert_eq!(freed.load(StdOrdering::SeqCst), 1);
            })
            .unwrap();
        interp.destroy().unwrap();
    }
}
