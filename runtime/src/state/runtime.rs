//! The process-wide runtime (`_PyRuntime`): the interpreter registry, initialization and
//! finalization, the main-thread pending-call queue and signal delivery.
//!
//! `initialize` and `finalize` are idempotent, like `Py_Initialize` / `Py_Finalize`, and cycles of
//! them leave nothing behind: every interpreter and thread state created in a cycle is destroyed
//! by its `finalize`, and interpreter ids restart at 0.

use std::ptr::NonNull;

use super::interpreter::{Interpreter, InterpreterConfig, InterpreterState, LockKind, finish_interpreter};
use super::pending::{PendingCall, PendingCalls};
use super::signals::Signals;
use super::thread_state::{self, ThreadState, Whence};
use super::tls;
use crate::error::{ExcKind, PyErr, PyResult};
use crate::lock::InterpreterLock;
use crate::sync::{self, Arc, AtomicBool, Mutex, Ordering};

struct Registry {
    /// Oldest first (the main interpreter is `interps[0]`); public iteration is newest first.
    interps: Vec<Arc<InterpreterState>>,
    next_id: i64,
    main: Option<Arc<InterpreterState>>,
    main_lock: Option<Arc<InterpreterLock>>,
    /// The thread state `initialize` created for the initializing thread.
    main_thread_state: Option<Arc<ThreadState>>,
}

pub(crate) struct RuntimeState {
    /// CPython's HEAD_LOCK: guards the registry.
    head: Mutex<Registry>,
    initialized: AtomicBool,
    finalizing: AtomicBool,
    /// `Py_AddPendingCall`'s queue, run by the main thread of the main interpreter.
    pub(crate) main_pending: PendingCalls,
    pub(crate) signals: Signals,
    /// `PyGILState_Check` stops checking once a second interpreter exists, as CPython's does.
    pub(crate) gilstate_check_enabled: AtomicBool,
}

/// The `pthread_self` ident of the OS thread that initialized the runtime: the main thread
/// (`_PyRuntime.main_thread`). A role of the OS thread, not of a thread state.
static MAIN_THREAD_IDENT: sync::StaticAtomicU64 = sync::StaticAtomicU64::new(0);

/// See [`MAIN_THREAD_IDENT`].
pub(crate) fn main_thread_ident() -> u64 {
    MAIN_THREAD_IDENT.load(Ordering::Relaxed)
}

/// See [`super::reset_statics_for_model`].
#[cfg(loom)]
pub(super) fn reset_statics_for_model() {
    MAIN_THREAD_IDENT.store(0, Ordering::Relaxed);
    RUNTIME_BUILT.store(false, Ordering::Relaxed);
}

/// Whether the runtime's lazily built state exists (set by its initialiser).
static RUNTIME_BUILT: sync::StaticAtomicBool = sync::StaticAtomicBool::new(false);

/// Whether the runtime's lazily built state was ever built in this process.
#[cfg(all(test, not(loom)))]
pub(crate) fn runtime_built() -> bool {
    RUNTIME_BUILT.load(Ordering::Relaxed)
}

sync::lazy_static! {
    static ref RUNTIME: RuntimeState = RuntimeState {
        head: Mutex::new(Registry {
            interps: Vec::new(),
            next_id: 0,
            main: None,
            main_lock: None,
            main_thread_state: None,
        }),
        initialized: AtomicBool::new(false),
        finalizing: AtomicBool::new(false),
        main_pending: PendingCalls::new_main(),
        signals: Signals::new(),
        gilstate_check_enabled: {
            RUNTIME_BUILT.store(true, Ordering::Relaxed);
            AtomicBool::new(true)
        },
    };
}

pub(crate) fn runtime() -> &'static RuntimeState {
    &RUNTIME
}

/// One line for fatal-error reports (CPython prints "Python runtime state: ...").
#[cfg_attr(loom, allow(dead_code))]
pub(crate) fn describe_state() -> &'static str {
    let rt = runtime();
    if rt.finalizing.load(Ordering::Relaxed) {
        "finalizing"
    } else if rt.initialized.load(Ordering::Relaxed) {
        "initialized"
    } else {
        "unknown"
    }
}

/// The process-wide runtime.
#[derive(Debug, Clone, Copy)]
pub struct Runtime;

impl Runtime {
    /// Initializes the runtime (`Py_Initialize`): creates the main interpreter (id 0, own lock)
    /// and a thread state for the calling thread, which becomes the main thread. The thread state
    /// is left detached and bound to this thread's GILState slot; the C API's `Py_Initialize`
    /// attaches it. Calling it again while initialized does nothing.
    pub fn initialize() {
        Self::initialize_with(LockKind::Own);
    }

    /// Initializes the runtime with the main interpreter's lock kind: [`LockKind::Own`] (what
    /// [`Runtime::initialize`] does) or [`LockKind::None`], a free-threaded main interpreter as
    /// CPython 3.13t's with the GIL disabled (`-X gil=0`, `PYTHON_GIL=0`); legacy sub-interpreters
    /// (`LockKind::Shared`) of a lockless main interpreter have no lock either. `Shared` names no
    /// lock for the main interpreter and is taken as `Own`. Calling it again while initialized
    /// does nothing (whatever the kind).
    pub fn initialize_with(lock: LockKind) {
        let rt = runtime();
        let mut head = rt.head.lock();
        if rt.initialized.load(Ordering::Relaxed) {
            return;
        }
        head.next_id = 0;
        crate::object::import_seam::install(
            crate::modules::import::import_top_level,
            crate::modules::importlib::complete_import_state,
        );
        let lock = if lock == LockKind::None { LockKind::None } else { LockKind::Own };
        let config = InterpreterConfig { lock, ..InterpreterConfig::main() };
        let main = Arc::new(InterpreterState::new(head.next_id, config, true, None, None));
        head.next_id += 1;
        head.main_lock = main.sched.lock.clone();
        head.main = Some(main.clone());
        head.interps.push(main.clone());
        let ts = ThreadState::create(&main, Whence::Init, true);
        head.main_thread_state = Some(ts.clone());
        MAIN_THREAD_IDENT.store(sync::os_thread_ident(), Ordering::Relaxed);
        rt.signals.set_target(Some(ts.clone()));
        rt.gilstate_check_enabled.store(true, Ordering::Relaxed);
        rt.finalizing.store(false, Ordering::Relaxed);
        rt.initialized.store(true, Ordering::Release);
        drop(head);
        tls::bind(&ts);
    }

    /// Whether the runtime is initialized (`Py_IsInitialized`).
    pub fn is_initialized() -> bool {
        runtime().initialized.load(Ordering::Acquire)
    }

    /// Finalizes the runtime (`Py_FinalizeEx`): runs pending calls, destroys every interpreter
    /// (sub-interpreters newest first, then the main one) and every thread state. Threads that
    /// still hold thread states are not killed; if they try to attach again they are parked.
    /// The caller's own thread state, if attached, is detached first. Does nothing when the
    /// runtime is not initialized.
    ///
    /// # Safety
    ///
    /// No thread may be inside [`Interpreter::attach`] or [`crate::Python::detach`] or hold a
    /// GILState guard, an object handle or a pointer into an arena: every thread state and object
    /// is freed.
    pub unsafe fn finalize() {
        let rt = runtime();
        if !rt.initialized.load(Ordering::Acquire) {
            return;
        }
        if let Some(cur) = thread_state::current() {
            // SAFETY: the current thread state is alive while attached.
            thread_state::detach(unsafe { cur.as_ref() });
        }
        rt.finalizing.store(true, Ordering::Relaxed);
        let (interps, main_ts) = {
            let mut head = rt.head.lock();
            (head.interps.iter().rev().cloned().collect::<Vec<_>>(), head.main_thread_state.take())
        };
        drop(main_ts);
        for interp in interps {
            finalize_interpreter(&interp);
        }
        rt.signals.set_target(None);
        rt.main_pending.discard();
        let mut head = rt.head.lock();
        head.interps.clear();
        head.main = None;
        head.main_lock = None;
        head.next_id = 0;
        rt.initialized.store(false, Ordering::Release);
        rt.finalizing.store(false, Ordering::Relaxed);
    }

    /// The main interpreter (`PyInterpreterState_Main`), if initialized.
    pub fn main_interpreter() -> Option<Interpreter> {
        runtime().head.lock().main.clone().map(Interpreter::from_state)
    }

    /// The thread state `initialize` made for the main thread, until it is deleted.
    pub fn main_thread_state() -> Option<NonNull<ThreadState>> {
        let head = runtime().head.lock();
        head.main_thread_state.as_ref().filter(|t| !t.is_deleted()).map(|t| NonNull::from(&**t))
    }

    /// Every live interpreter, newest first (`PyInterpreterState_Head` / `Next`); the main
    /// interpreter is last.
    pub fn interpreters() -> Vec<Interpreter> {
        let head = runtime().head.lock();
        head.interps.iter().rev().cloned().map(Interpreter::from_state).collect()
    }

    /// The newest interpreter (`PyInterpreterState_Head`).
    pub fn interpreter_head() -> Option<Interpreter> {
        Self::interpreters().into_iter().next()
    }

    /// The live interpreter with this id.
    pub fn interpreter_by_id(id: i64) -> Option<Interpreter> {
        let head = runtime().head.lock();
        head.interps.iter().find(|i| i.id() == id).cloned().map(Interpreter::from_state)
    }

    /// Queues `call` to run in the main thread of the main interpreter at its next eval-breaker
    /// check (`Py_AddPendingCall`). Callable from any thread, attached or not. A full queue
    /// (32 calls, as CPython) gives the call back and keeps everything already queued.
    pub fn add_pending_call(call: PendingCall) -> Result<(), PendingCall> {
        if !Self::is_initialized() {
            return Err(call);
        }
        let rt = runtime();
        rt.main_pending.push(call)?;
        // Signal the main interpreter's states bound to the main OS thread; if none is attached
        // there now, the next attach on that thread picks the calls up (never lost while the
        // role is vacant).
        if let Some(main) = rt.head.lock().main.clone() {
            let ident = main_thread_ident();
            let threads = main.sched.threads.lock();
            for ts in threads.states.iter().filter(|t| t.thread_id() == ident) {
                ts.eval_breaker.fetch_or(super::breaker::CALLS_TO_DO_BIT, Ordering::Release);
            }
        }
        Ok(())
    }

    /// Records that signal `signum` arrived; the main thread of the main interpreter runs its
    /// handler at its next eval-breaker check. Only touches atomics, so it may be called from a
    /// signal handler (`_PyEval_SignalReceived` / `trip_signal`).
    pub fn trip_signal(signum: i32) {
        super::signals::trip(signum);
    }

    /// Sets (or with `None` removes) the handler for `signum` (1..=63). Without a handler,
    /// `SIGINT` raises `KeyboardInterrupt` (CPython's `default_int_handler`) and other signals
    /// are ignored.
    pub fn set_signal_handler(signum: i32, handler: Option<super::signals::SignalHandler>) -> PyResult<()> {
        runtime().signals.set_handler(signum, handler)
    }
}

pub(crate) fn register_interpreter(config: InterpreterConfig) -> PyResult<Interpreter> {
    let rt = runtime();
    let mut head = rt.head.lock();
    if !rt.initialized.load(Ordering::Relaxed) || rt.finalizing.load(Ordering::Relaxed) {
        // CPython's `new_interpreter` message.
        return Err(PyErr::new(ExcKind::RuntimeError, "Py_Initialize must be called first"));
    }
    let main_lock = if config.lock == LockKind::Shared { head.main_lock.clone() } else { None };
    // A lockless main interpreter has no lock to share: its legacy sub-interpreters have none.
    let config = if config.lock == LockKind::Shared && main_lock.is_none() {
        InterpreterConfig { lock: LockKind::None, ..config }
    } else {
        config
    };
    // `use_main_obmalloc`: the main interpreter's arena (unless a limit asks for one of its own).
    let main_arena = match (&head.main, config.use_main_obmalloc && config.arena_limit.is_none()) {
        (Some(main), true) => Some(main.memory.arena.clone()),
        _ => None,
    };
    let interp = Arc::new(InterpreterState::new(head.next_id, config, false, main_lock.as_ref(), main_arena));
    head.next_id += 1;
    head.interps.push(interp.clone());
    rt.gilstate_check_enabled.store(false, Ordering::Relaxed);
    Ok(Interpreter::from_state(interp))
}

pub(crate) fn unregister_interpreter(interp: &Arc<InterpreterState>) {
    let mut head = runtime().head.lock();
    head.interps.retain(|i| !Arc::ptr_eq(i, interp));
}

/// Takes `interp` over, deletes every thread state in it and unregisters it.
fn finalize_interpreter(interp: &Arc<InterpreterState>) {
    if interp.is_finalized() {
        return;
    }
    let ts = ThreadState::create(interp, Whence::Fini, true);
    thread_state::attach(&ts);
    {
        // In a free-threaded interpreter, park everyone else before their states go away.
        let world = super::stw::stop_the_world(&ts);
        interp.set_finalizing();
        interp.sched.zap_threads(&ts);
        drop(world);
    }
    finish_interpreter(interp, &ts);
}
