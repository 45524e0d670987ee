//! Interpreters: isolated units that each pick their locking at creation.
//!
//! The config mirrors CPython's `PyInterpreterConfig`; the lock kind is
//!
//! * [`LockKind::Shared`] — use the main interpreter's lock (the legacy `Py_NewInterpreter`);
//! * [`LockKind::Own`] — a lock of its own (PEP 684), so it runs in parallel with the others;
//! * [`LockKind::None`] — no lock at all (free-threaded, PEP 703): attach is an atomic status
//!   change and exclusive work uses stop-the-world.
//!
//! All three kinds coexist in one process.
//!
//! [`InterpreterState`] keeps the interpreter's identity, config and lifecycle flags, and owns one
//! room per concern, each in its own module with the code that manages it:
//! [`super::scheduling`] (lock, thread list, stop-the-world), [`super::memory`] (arena, heaps,
//! merge queues, deferred decrefs) and [`super::calls`] (pending calls, asynchronous
//! exceptions). The rooms do not call each other; the interpreter (or a function that is given
//! both) connects them — e.g. the first deferred decref asks scheduling to signal every thread.

use std::fmt;
use std::ptr::{self, NonNull};
use std::time::Duration;

use super::calls::Calls;
use super::memory::Memory;
use super::runtime::{self, Runtime};
use super::scheduling::Scheduling;
use super::thread_state::{self, ThreadState, Whence};
use super::tls;
use crate::alloc::ArenaStats;
use crate::error::{ExcKind, PyErr, PyResult};
use crate::fatal::fatal_error;
use crate::lock::{DEFAULT_SWITCH_INTERVAL, InterpreterLock};
use crate::sync::{Arc, AtomicBool, AtomicUsize, Ordering};

/// How an interpreter is locked.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LockKind {
    /// Uses the main interpreter's lock (`PyInterpreterConfig_SHARED_GIL`).
    Shared,
    /// Has its own lock (`PyInterpreterConfig_OWN_GIL`, PEP 684).
    Own,
    /// Has no lock: free-threaded (PEP 703).
    None,
}

/// How to build an interpreter: CPython's `PyInterpreterConfig` plus pyrt's own settings.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct InterpreterConfig {
    /// The lock kind.
    pub lock: LockKind,
    /// `use_main_obmalloc`: the interpreter allocates its objects from the main interpreter's
    /// arena, as CPython's share the main obmalloc state (their objects show in the main
    /// interpreter's [`Interpreter::arena_stats`]; destroying it releases nothing in bulk). Its
    /// objects stay its own: the handles' membership check tells them apart by owner tag. It is
    /// what permits `check_multi_interp_extensions = false` (CPython 3.13's rule). An
    /// interpreter with an `arena_limit` keeps an arena of its own (a limit needs one).
    pub use_main_obmalloc: bool,
    /// Whether the interpreter may start threads (`allow_threads`).
    pub allow_threads: bool,
    /// Whether it may start daemon threads (`allow_daemon_threads`).
    pub allow_daemon_threads: bool,
    /// Whether importing an extension that does not support sub-interpreters fails
    /// (`check_multi_interp_extensions`).
    pub check_multi_interp_extensions: bool,
    /// The switch interval of its lock (for `Shared`, the main lock's interval is used).
    pub switch_interval: Duration,
    /// The byte limit of its arena, if any (honoured by the allocator). With a limit, an
    /// interpreter has an arena of its own even with `use_main_obmalloc`.
    pub arena_limit: Option<usize>,
    /// Capacity of its pending-call queue (CPython: 300).
    pub pending_call_limit: usize,
    /// How its objects count references (biased by default; non-atomic needs a lock).
    pub refcount: crate::object::RefcountStrategy,
}

impl InterpreterConfig {
    /// CPython's `_PyInterpreterConfig_INIT`: own lock, threads but no daemon threads, only
    /// extensions that support sub-interpreters.
    pub fn isolated() -> Self {
        InterpreterConfig {
            lock: LockKind::Own,
            use_main_obmalloc: false,
            allow_threads: true,
            allow_daemon_threads: false,
            check_multi_interp_extensions: true,
            switch_interval: DEFAULT_SWITCH_INTERVAL,
            arena_limit: None,
            pending_call_limit: super::pending::MAX_PENDING_CALLS,
            refcount: crate::object::RefcountStrategy::Biased,
        }
    }

    /// CPython's `_PyInterpreterConfig_LEGACY_INIT` (what `Py_NewInterpreter` uses): the main
    /// interpreter's lock, daemon threads allowed, no extension check.
    pub fn legacy() -> Self {
        InterpreterConfig {
            lock: LockKind::Shared,
            use_main_obmalloc: true,
            allow_daemon_threads: true,
            check_multi_interp_extensions: false,
            ..Self::isolated()
        }
    }

    /// An isolated interpreter without a lock.
    pub fn free_threaded() -> Self {
        InterpreterConfig { lock: LockKind::None, ..Self::isolated() }
    }

    /// The main interpreter's config: own lock, everything allowed.
    pub fn main() -> Self {
        InterpreterConfig {
            lock: LockKind::Own,
            use_main_obmalloc: true,
            allow_daemon_threads: true,
            check_multi_interp_extensions: false,
            ..Self::isolated()
        }
    }

    fn validate(&self) -> PyResult<()> {
        let err = |m: &str| Err(PyErr::new(ExcKind::InterpreterError, m));
        // CPython 3.13's `init_interp_settings`: without the main obmalloc, single-phase init
        // extensions (whose module copies leak objects between interpreters) are refused.
        if !self.use_main_obmalloc && !self.check_multi_interp_extensions {
            return err("per-interpreter obmalloc does not support single-phase init extension modules");
        }
        if self.refcount == crate::object::RefcountStrategy::NonAtomic && self.lock == LockKind::None {
            return err("non-atomic reference counting needs an interpreter lock");
        }
        if self.pending_call_limit == 0 {
            return err("pending_call_limit must be at least 1");
        }
        Ok(())
    }
}

impl Default for InterpreterConfig {
    fn default() -> Self {
        Self::isolated()
    }
}

/// The shared part of an interpreter: its identity and lifecycle, and one room per concern —
/// [`Scheduling`] (lock, thread list, stop-the-world), [`Memory`] (arena, heaps, merge queues,
/// deferred decrements) and [`Calls`] (pending calls, asynchronous exceptions).
pub(crate) struct InterpreterState {
    id: i64,
    config: InterpreterConfig,
    is_main: bool,
    finalizing: AtomicBool,
    finalized: AtomicBool,
    pub(crate) tracing_threads: AtomicUsize,
    pub(crate) profiling_threads: AtomicUsize,
    /// Who runs: the lock, the thread states, stop-the-world.
    pub(crate) sched: Scheduling,
    /// Where its objects live and how their counts settle.
    pub(crate) memory: Memory,
    /// Work handed to it by other threads.
    pub(crate) calls: Calls,
    /// Module objects made on first use (the `builtins` dict).
    pub(crate) modules: crate::modules::InterpModules,
    /// Its state of the types: subclass lists and the type lock (`object/type_state.rs`).
    pub(crate) types: crate::object::type_state::InterpTypes,
    /// `sys.getrecursionlimit()`, shared by its threads (each counts its own depth).
    pub(crate) recursion_limit: crate::object::recursion::RecursionLimit,
}

impl InterpreterState {
    /// `main_arena`: the arena to allocate from instead of one of its own (`use_main_obmalloc`).
    pub(crate) fn new(
        id: i64,
        config: InterpreterConfig,
        is_main: bool,
        main_lock: Option<&Arc<InterpreterLock>>,
        main_arena: Option<Arc<crate::alloc::Arena>>,
    ) -> Self {
        let lock = match config.lock {
            LockKind::Own => Some(Arc::new(InterpreterLock::new(config.switch_interval))),
            LockKind::Shared => Some(main_lock.expect("a shared-lock interpreter needs the main lock").clone()),
            LockKind::None => None,
        };
        let memory = Memory::new(config.arena_limit, config.refcount, main_arena);
        // With a lock, attached threads (the only ones that make or free objects) are
        // serialised by it: the collector's list needs no lock of its own.
        memory.gc.set_serialized(config.lock != LockKind::None);
        InterpreterState {
            id,
            is_main,
            finalizing: AtomicBool::new(false),
            finalized: AtomicBool::new(false),
            tracing_threads: AtomicUsize::new(0),
            profiling_threads: AtomicUsize::new(0),
            sched: Scheduling::new(lock),
            memory,
            calls: Calls::new(config.pending_call_limit),
            modules: crate::modules::InterpModules::default(),
            types: crate::object::type_state::InterpTypes::new(),
            recursion_limit: crate::object::recursion::RecursionLimit::default(),
            config,
        }
    }

    pub(crate) fn id(&self) -> i64 {
        self.id
    }

    pub(crate) fn is_main(&self) -> bool {
        self.is_main
    }

    /// Queues the decrement of an unbound handle dropped elsewhere, and sets the deferred-decref
    /// breaker bit of every thread state of the interpreter when the queue stops being empty —
    /// the next thread to check its breaker (or to attach) runs them, so a thread that never
    /// detaches does not let the queue grow without bound. After finalization the memory is
    /// gone and nothing is queued.
    pub(crate) fn defer_decref(&self, op: NonNull<crate::object::PyObject>) {
        if self.memory.defer_decref(op, || self.is_finalized()) {
            self.sched.signal_all(super::breaker::DEFERRED_DECREF_BIT);
        }
    }

    #[inline]
    pub(crate) fn is_finalizing(&self) -> bool {
        self.finalizing.load(Ordering::Relaxed)
    }

    pub(crate) fn is_finalized(&self) -> bool {
        self.finalized.load(Ordering::Acquire)
    }
}

/// A handle to an interpreter. Cloning it is cheap; the interpreter lives until it is destroyed
/// (or the runtime is finalized), after which the handle refers to a finalized interpreter.
#[derive(Clone)]
pub struct Interpreter {
    state: Arc<InterpreterState>,
}

impl fmt::Debug for Interpreter {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Interpreter")
            .field("id", &self.state.id)
            .field("lock", &self.state.config.lock)
            .field("finalized", &self.state.is_finalized())
            .finish()
    }
}

impl PartialEq for Interpreter {
    fn eq(&self, other: &Self) -> bool {
        Arc::ptr_eq(&self.state, &other.state)
    }
}
impl Eq for Interpreter {}

impl Interpreter {
    pub(crate) fn from_state(state: Arc<InterpreterState>) -> Self {
        Interpreter { state }
    }

    pub(crate) fn state(&self) -> &Arc<InterpreterState> {
        &self.state
    }

    /// Creates an interpreter (`PyInterpreterState_New` + its settings). It has no thread state
    /// yet; enter it with [`Interpreter::attach`] or create one with [`ThreadState::new`].
    pub fn new(config: InterpreterConfig) -> PyResult<Interpreter> {
        config.validate()?;
        runtime::register_interpreter(config)
    }

    /// Creates an interpreter together with a thread state for the calling thread, and attaches
    /// that thread state; the caller's previous thread state, if any, is detached
    /// (`Py_NewInterpreterFromConfig`). Returns the new thread state.
    ///
    /// # Safety
    ///
    /// No [`crate::Python`] token of the caller's current thread state may be used until that
    /// state is attached again.
    pub unsafe fn new_with_thread_state(config: InterpreterConfig) -> PyResult<NonNull<ThreadState>> {
        config.validate()?;
        let prev = thread_state::current();
        if let Some(p) = prev {
            // SAFETY: the current thread state is alive while attached.
            thread_state::detach(unsafe { p.as_ref() });
        }
        let interp = match runtime::register_interpreter(config) {
            Ok(i) => i,
            Err(e) => {
                if let Some(p) = prev {
                    // SAFETY: `p` was the current thread state a moment ago and is not deleted.
                    unsafe { thread_state::restore_thread(p) };
                }
                return Err(e);
            }
        };
        let ts = ThreadState::create(&interp.state, Whence::Init, true);
        tls::bind(&ts);
        thread_state::attach(&ts);
        Ok(NonNull::from(&*ts))
    }

    /// An opaque pointer identifying this interpreter (the C ABI's `PyInterpreterState *`).
    pub fn as_ptr(&self) -> *const std::ffi::c_void {
        Arc::as_ptr(&self.state).cast()
    }

    /// The interpreter behind a pointer from [`Interpreter::as_ptr`].
    ///
    /// # Safety
    ///
    /// `ptr` must come from `as_ptr` of an interpreter that is still alive (registered, or kept
    /// alive by another handle or one of its thread states).
    pub unsafe fn from_ptr(ptr: *const std::ffi::c_void) -> Interpreter {
        let raw = ptr.cast::<InterpreterState>();
        // SAFETY: the caller promises `raw` came from `Arc::as_ptr` of a live interpreter, so a
        // strong reference exists and adding one is sound.
        unsafe {
            Arc::increment_strong_count(raw);
            Interpreter { state: Arc::from_raw(raw) }
        }
    }

    /// Its id: 0 for the main interpreter, then 1, 2, ... in creation order (restarting after
    /// finalization).
    pub fn id(&self) -> i64 {
        self.state.id
    }

    /// Its config.
    pub fn config(&self) -> &InterpreterConfig {
        &self.state.config
    }

    /// Its lock kind.
    pub fn lock_kind(&self) -> LockKind {
        self.state.config.lock
    }

    /// Whether this is the main interpreter.
    pub fn is_main(&self) -> bool {
        self.state.is_main
    }

    /// Whether it was destroyed (or finalized with the runtime).
    pub fn is_finalized(&self) -> bool {
        self.state.is_finalized()
    }

    /// Its lock (shared with the main interpreter for `Shared`); `None` when free-threaded.
    pub fn lock(&self) -> Option<&InterpreterLock> {
        self.state.sched.lock.as_deref()
    }

    /// The switch interval of its lock; `None` when free-threaded (`sys.getswitchinterval`).
    pub fn switch_interval(&self) -> Option<Duration> {
        self.lock().map(|l| l.switch_interval())
    }

    /// Sets the switch interval of its lock (`sys.setswitchinterval`). A `Shared` interpreter sets
    /// the main lock's interval. Fails with `ValueError` for a zero interval, as CPython does.
    pub fn set_switch_interval(&self, interval: Duration) -> PyResult<()> {
        if interval.is_zero() {
            return Err(PyErr::new(ExcKind::ValueError, "switch interval must be strictly positive"));
        }
        if let Some(l) = self.lock() {
            l.set_switch_interval(interval);
        }
        Ok(())
    }

    /// Its thread states, newest first (`PyInterpreterState_ThreadHead` / `PyThreadState_Next`).
    pub fn thread_states(&self) -> Vec<NonNull<ThreadState>> {
        let threads = self.state.sched.threads.lock();
        threads.states.iter().rev().map(|t| NonNull::from(&**t)).collect()
    }

    /// The newest thread state (`PyInterpreterState_ThreadHead`).
    pub fn thread_head(&self) -> Option<NonNull<ThreadState>> {
        self.thread_states().first().copied()
    }

    /// The thread state after `ts` in newest-first order (`PyThreadState_Next`).
    pub fn thread_next(&self, ts: NonNull<ThreadState>) -> Option<NonNull<ThreadState>> {
        let all = self.thread_states();
        let pos = all.iter().position(|t| *t == ts)?;
        all.get(pos + 1).copied()
    }

    /// The next older interpreter (`PyInterpreterState_Next`).
    pub fn next(&self) -> Option<Interpreter> {
        let all = Runtime::interpreters();
        let pos = all.iter().position(|i| i == self)?;
        all.get(pos + 1).cloned()
    }

    /// Schedules `exc` in the thread state of this interpreter bound to OS thread `thread_id`
    /// (`PyThreadState_SetAsyncExc`); `None` clears a scheduled exception. Returns how many
    /// thread states were modified (0 or 1).
    pub fn set_async_exc(&self, thread_id: u64, exc: Option<PyErr>) -> usize {
        self.state.calls.set_async_exc(&self.state.sched, thread_id, exc)
    }

    /// Queues `call` to run on this interpreter's main thread state at its next eval-breaker
    /// check (CPython's `_PyEval_AddPendingCall`). Callable from any thread. A full queue gives
    /// the call back and keeps everything already queued.
    pub fn add_pending_call(&self, call: super::pending::PendingCall) -> Result<(), super::pending::PendingCall> {
        self.state.calls.add_pending(&self.state.sched, call)
    }

    /// Number of calls waiting in its pending-call queue.
    pub fn pending_calls(&self) -> usize {
        self.state.calls.pending.len()
    }

    /// A snapshot of its arena's statistics (the main interpreter's arena for one created with
    /// `use_main_obmalloc`).
    pub fn arena_stats(&self) -> ArenaStats {
        self.state.memory.arena.stats()
    }

    /// Whether a stop-the-world of this (free-threaded) interpreter is in effect right now.
    pub fn is_world_stopped(&self) -> bool {
        self.state.sched.stw.is_stopped()
    }

    /// Destroys the interpreter (`Py_EndInterpreter`). The main interpreter, an interpreter the
    /// caller is attached to, one that is already destroyed or being destroyed, and one in which
    /// any thread state exists (another thread holds one, attached or not) cannot be destroyed:
    /// `InterpreterError`, nothing changed. Once the claim succeeds no thread can create a state
    /// in it (`attach` there fails with `InterpreterError`).
    pub fn destroy(self) -> PyResult<()> {
        if self.state.is_main {
            return Err(PyErr::new(ExcKind::InterpreterError, "cannot destroy the main interpreter"));
        }
        if self.state.is_finalized() {
            return Err(PyErr::new(ExcKind::InterpreterError, "interpreter already destroyed"));
        }
        if let Some(cur) = thread_state::current() {
            // SAFETY: the current thread state is alive while attached.
            if Arc::ptr_eq(unsafe { cur.as_ref() }.interp_state(), &self.state) {
                return Err(PyErr::new(ExcKind::InterpreterError, "cannot destroy the current interpreter"));
            }
        }
        {
            // The claim: under the thread-list lock, which every creation of a state takes.
            let threads = self.state.sched.threads.lock();
            if self.state.is_finalizing() || self.state.is_finalized() {
                return Err(PyErr::new(ExcKind::InterpreterError, "the interpreter is being destroyed"));
            }
            if !threads.states.is_empty() {
                return Err(PyErr::new(
                    ExcKind::InterpreterError,
                    "the interpreter has thread states of other threads (not the last thread)",
                ));
            }
            self.state.finalizing.store(true, Ordering::Relaxed);
        }
        let prev = thread_state::current();
        if let Some(p) = prev {
            // SAFETY: as above.
            thread_state::detach(unsafe { p.as_ref() });
        }
        let ts = ThreadState::create(&self.state, Whence::Fini, true);
        thread_state::attach(&ts);
        end_interpreter_inner(&ts);
        if let Some(p) = prev {
            // SAFETY: `p` was current before and nobody else deletes it meanwhile.
            unsafe { thread_state::restore_thread(p) };
        }
        Ok(())
    }

    /// Enters the interpreter on the calling thread for the duration of `f`: the safe Rust API.
    ///
    /// Reuses the thread's thread state in this interpreter if it has one (nesting like
    /// `PyGILState_Ensure`), or creates one that is deleted again when the outermost `attach`
    /// returns. An interpreter that was destroyed, or is being destroyed by another thread, is an
    /// `InterpreterError` and `f` does not run. If the thread is attached to another
    /// interpreter, that is a fatal error: detach first (`py.detach(|| other.attach(...))`).
    pub fn attach<F, R>(&self, f: F) -> PyResult<R>
    where
        F: for<'py> FnOnce(crate::Python<'py>) -> R,
    {
        let guard = super::gilstate::ensure_in(self)?;
        // SAFETY: `ensure_in` left a live thread state attached on this thread; it stays so until
        // `guard` is released below, after `f` (which cannot keep the token) returns.
        let py = unsafe { crate::Python::assume_attached(guard.thread_state()) };
        let result = f(py);
        drop(guard);
        Ok(result)
    }
}

/// Ends the interpreter of the current thread state `ts` (`Py_EndInterpreter`).
///
/// # Safety
///
/// `ts` must be the current thread state.
pub unsafe fn end_interpreter(ts: NonNull<ThreadState>) {
    // SAFETY: the caller promises `ts` is the current (so live) thread state.
    let ts_ref = unsafe { ts.as_ref() };
    if !ptr::eq(tls::current(), ts_ref) {
        fatal_error("Py_EndInterpreter", "thread is not current");
    }
    if ts_ref.interp_state().is_main() {
        fatal_error("Py_EndInterpreter", "cannot end the main interpreter");
    }
    let arc = ts_ref.to_arc();
    end_interpreter_inner(&arc);
}

/// CPython 3.13's order: mark finalizing, run the pending calls still queued, then check that
/// `ts` is the last thread state (fatal otherwise), then tear down.
fn end_interpreter_inner(ts: &Arc<ThreadState>) {
    let interp = ts.interp_state().clone();
    interp.finalizing.store(true, Ordering::Relaxed);
    super::pending::finish_pending_calls(&interp, ts);
    let others = interp.sched.threads.lock().states.len() - 1;
    if others > 0 {
        fatal_error("Py_EndInterpreter", "not the last thread");
    }
    finish_interpreter(&interp, ts);
}

/// Drains pending calls, deletes `ts` (attached, the last of its interpreter) and unregisters the
/// interpreter.
pub(crate) fn finish_interpreter(interp: &Arc<InterpreterState>, ts: &Arc<ThreadState>) {
    // Pending calls still queued run now, in the finalizing thread (`_Py_FinishPendingCalls`).
    super::pending::finish_pending_calls(interp, ts);
    ts.clear();
    interp.finalized.store(true, Ordering::Release);
    interp.memory.drop_deferred();
    ts.clone().delete_current_inner();
    // Every thread state is gone: release the memory in bulk — live objects and leaked cycles
    // included (an interpreter on the main arena hands back its heap only).
    interp.memory.release();
    runtime::unregister_interpreter(interp);
}

/// The interpreter as object code sees it (unbound handles hold it as a `dyn ObjectHome`).
impl crate::object::attachment::ObjectHome for InterpreterState {
    fn id(&self) -> i64 {
        self.id
    }

    fn allocated_here(&self, obj: &crate::object::PyObject) -> bool {
        self.memory.allocated_here(obj)
    }

    fn defer_decref(&self, op: NonNull<crate::object::PyObject>) {
        InterpreterState::defer_decref(self, op);
    }

    fn run_attached(self: Arc<Self>, f: &mut dyn FnMut()) -> bool {
        Interpreter::from_state(self).attach(|_py| f()).is_ok()
    }

    fn schedule_gc(&self) {
        if let Some(ts) = crate::state::thread_state::current() {
            // SAFETY: the current thread state is alive while attached on this thread.
            let ts = unsafe { ts.as_ref() };
            ts.eval_breaker.fetch_or(crate::state::breaker::GC_SCHEDULED_BIT, Ordering::Relaxed);
        }
    }

    fn type_state(&self) -> &crate::object::type_state::InterpTypes {
        &self.types
    }

    fn stop_the_world(&self) -> crate::object::attachment::WorldStopped<'_> {
        let ts = crate::state::thread_state::current_or_fatal("_PyEval_StopTheWorld");
        if !std::ptr::eq(&**ts.interp_state(), self) {
            crate::fatal::fatal_error("_PyEval_StopTheWorld", "the current thread state is of another interpreter");
        }
        // SAFETY: the guard keeps the world of `ts`'s interpreter (this one) stopped until it
        // is dropped.
        unsafe { crate::object::attachment::WorldStopped::new(crate::state::stw::stop_the_world(ts)) }
    }
}

impl InterpreterState {
    pub(crate) fn set_finalizing(&self) {
        self.finalizing.store(true, Ordering::Relaxed);
    }
}
