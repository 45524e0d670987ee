//! `pyrt-abi`: the CPython C API over pyrt, as a `cdylib` and a `staticlib`.
//!
//! A thin layer in the style of wasmtime's C API crate: each export converts its arguments,
//! calls the Rust API and converts the result to CPython's conventions. No logic lives here.
//! Misuse that CPython treats as fatal is fatal in the Rust API already; a Rust panic never
//! crosses the boundary — `extern "C"` aborts on unwind, and [`guard`] words that as a fatal error.
//!
//! Headers: `abi/include/Python.h` (hand-written, CPython's limited / `cpython/` split, plus
//! `pyrt.h` for pyrt's extensions). This covers the thread-state, GILState, lifecycle and
//! pending-call API; objects and the rest of the API arrive with the object model.
//!
//! Symbol names are CPython's (`#[unsafe(no_mangle)]`): a process must not load pyrt-abi and
//! libpython together.

#![allow(non_snake_case, non_camel_case_types)]

use std::ffi::{CStr, c_char, c_int, c_void};
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::ptr::{self, NonNull};

mod critical_section;

use pyrt::state::gilstate::{self, EnsureIn, GilState};
use pyrt::state::thread_state;
use pyrt::{Interpreter, InterpreterConfig, LockKind, PendingCall, Runtime, ThreadState};

/// `PyThreadState` is opaque to C; it is pyrt's `ThreadState`.
pub type PyThreadState = ThreadState;
/// `PyInterpreterState` is opaque to C; it is pyrt's interpreter record.
pub type PyInterpreterState = c_void;

/// Runs `f`, turning a Rust panic into `Fatal Python error: <func>: ...`.
///
/// Not what keeps a panic from crossing into C: since Rust 1.81 (the workspace needs 1.86) a
/// panic that reaches the edge of an `extern "C"` function aborts the process
/// ("panic in a function that cannot unwind"), so every export is already abort-on-unwind. The
/// guard only words the abort the way CPython words its fatal errors, naming the function; it
/// costs a landing pad and a stack frame, about 4 instructions per call under callgrind. The
/// per-call hot paths — `PyEval_SaveThread` / `RestoreThread` and `PyGILState_Ensure` /
/// `Release`, which run millions of times per second in extensions that drop the lock around
/// I/O — go without it and rely on the built-in abort; nothing in them panics short of a bug.
fn guard<R>(func: &str, f: impl FnOnce() -> R) -> R {
    match catch_unwind(AssertUnwindSafe(f)) {
        Ok(r) => r,
        Err(payload) => {
            let msg = payload
                .downcast_ref::<&str>()
                .map(|s| s.to_string())
                .or_else(|| payload.downcast_ref::<String>().cloned())
                .unwrap_or_else(|| "unknown panic".into());
            pyrt::fatal::fatal_error(func, &format!("internal error (Rust panic: {msg})"))
        }
    }
}

fn ts_ptr(p: Option<NonNull<ThreadState>>) -> *mut PyThreadState {
    p.map_or(ptr::null_mut(), |p| p.as_ptr())
}

fn interp_ptr(i: Option<Interpreter>) -> *mut PyInterpreterState {
    i.map_or(ptr::null_mut(), |i| i.as_ptr() as *mut c_void)
}

/// # Safety
/// `p` must be NULL or a live `PyInterpreterState *` from this library.
unsafe fn interp_from(p: *mut PyInterpreterState, func: &str) -> Interpreter {
    if p.is_null() {
        pyrt::fatal::fatal_error(func, "NULL interpreter");
    }
    // SAFETY: the caller promises a live interpreter pointer from `Interpreter::as_ptr`.
    unsafe { Interpreter::from_ptr(p) }
}

/// # Safety
/// `p` must be NULL or a live `PyThreadState *` from this library.
unsafe fn ts_from<'a>(p: *mut PyThreadState, func: &str) -> &'a ThreadState {
    match NonNull::new(p) {
        // SAFETY: the caller promises a live thread state.
        Some(p) => unsafe { &*p.as_ptr() },
        None => pyrt::fatal::fatal_error(func, pyrt::fatal::TSTATE_NULL),
    }
}

// ---------------------------------------------------------------------------------------------
// Lifecycle
// ---------------------------------------------------------------------------------------------

/// `Py_Initialize`: creates the main interpreter and leaves the caller attached to it.
#[unsafe(no_mangle)]
pub extern "C" fn Py_Initialize() {
    guard("Py_Initialize", || {
        if Runtime::is_initialized() {
            return;
        }
        Runtime::initialize();
        if let Some(ts) = Runtime::main_thread_state() {
            // SAFETY: the main thread state was just created and is live.
            unsafe { thread_state::restore_thread(ts) };
        }
    })
}

/// `Py_InitializeEx`: signal handlers are the host's business in pyrt; `initsigs` is ignored.
#[unsafe(no_mangle)]
pub extern "C" fn Py_InitializeEx(_initsigs: c_int) {
    Py_Initialize();
}

/// `Py_IsInitialized`.
#[unsafe(no_mangle)]
pub extern "C" fn Py_IsInitialized() -> c_int {
    c_int::from(Runtime::is_initialized())
}

/// `Py_FinalizeEx`.
#[unsafe(no_mangle)]
pub extern "C" fn Py_FinalizeEx() -> c_int {
    // SAFETY: C holds no Rust tokens or guards; CPython's contract for Py_FinalizeEx (no thread
    // uses Python objects or thread states afterwards) is the caller's.
    guard("Py_FinalizeEx", || unsafe { Runtime::finalize() });
    0
}

/// `Py_Finalize`.
#[unsafe(no_mangle)]
pub extern "C" fn Py_Finalize() {
    Py_FinalizeEx();
}

/// `Py_NewInterpreter`: a legacy (shared-lock) sub-interpreter, its thread state attached. On
/// failure, CPython's `Py_ExitStatusException`: a fatal error naming the failing step.
#[unsafe(no_mangle)]
pub extern "C" fn Py_NewInterpreter() -> *mut PyThreadState {
    // SAFETY: C has no tokens; CPython's contract (the old state is left detached) applies.
    guard("Py_NewInterpreter", || match unsafe { Interpreter::new_with_thread_state(InterpreterConfig::legacy()) } {
        Ok(ts) => ts.as_ptr(),
        Err(e) => {
            let (func, msg) = new_interpreter_error(&e);
            pyrt::fatal::fatal_error(&func.to_string_lossy(), &msg.to_string_lossy())
        }
    })
}

/// `Py_EndInterpreter`.
///
/// # Safety
/// `tstate` must be the current thread state.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn Py_EndInterpreter(tstate: *mut PyThreadState) {
    guard("Py_EndInterpreter", || match NonNull::new(tstate) {
        // SAFETY: the caller promises `tstate` is current; `end_interpreter` checks it.
        Some(ts) => unsafe { pyrt::state::end_interpreter(ts) },
        None => pyrt::fatal::fatal_error("Py_EndInterpreter", "NULL thread state"),
    })
}

/// `PyInterpreterConfig` (CPython 3.12+ layout).
#[repr(C)]
#[derive(Clone, Copy, Debug)]
pub struct PyInterpreterConfig {
    pub use_main_obmalloc: c_int,
    pub allow_fork: c_int,
    pub allow_exec: c_int,
    pub allow_threads: c_int,
    pub allow_daemon_threads: c_int,
    pub check_multi_interp_extensions: c_int,
    pub gil: c_int,
}

/// `PyStatus`.
#[repr(C)]
#[derive(Clone, Copy, Debug)]
pub struct PyStatus {
    pub _type: c_int,
    pub func: *const c_char,
    pub err_msg: *const c_char,
    pub exitcode: c_int,
}

impl PyStatus {
    fn ok() -> Self {
        PyStatus { _type: 0, func: ptr::null(), err_msg: ptr::null(), exitcode: 0 }
    }

    fn error(func: &'static CStr, msg: &'static CStr) -> Self {
        PyStatus { _type: 1, func: func.as_ptr(), err_msg: msg.as_ptr(), exitcode: -1 }
    }
}

/// `PyStatus_Exception`.
#[unsafe(no_mangle)]
pub extern "C" fn PyStatus_Exception(err: PyStatus) -> c_int {
    c_int::from(err._type != 0)
}

/// `PyStatus_IsError`.
#[unsafe(no_mangle)]
pub extern "C" fn PyStatus_IsError(err: PyStatus) -> c_int {
    c_int::from(err._type == 1)
}

/// The step of CPython 3.13's `new_interpreter` that fails, and its static message (a `PyStatus`
/// must outlive the call), for an error of `Interpreter::new_with_thread_state`.
fn new_interpreter_error(e: &pyrt::PyErr) -> (&'static CStr, &'static CStr) {
    match e.message().as_str() {
        "Py_Initialize must be called first" => (c"new_interpreter", c"Py_Initialize must be called first"),
        "per-interpreter obmalloc does not support single-phase init extension modules" => {
            (c"init_interp_settings", c"per-interpreter obmalloc does not support single-phase init extension modules")
        }
        "non-atomic reference counting needs an interpreter lock" => {
            (c"init_interp_settings", c"non-atomic reference counting needs an interpreter lock")
        }
        _ => (c"new_interpreter", c"invalid interpreter config"),
    }
}

/// `Py_NewInterpreterFromConfig`. `gil` may also be `PyrtInterpreterConfig_NO_GIL` (3).
///
/// # Safety
/// `tstate_p` must be writable; `config` must point at a valid `PyInterpreterConfig`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn Py_NewInterpreterFromConfig(
    tstate_p: *mut *mut PyThreadState,
    config: *const PyInterpreterConfig,
) -> PyStatus {
    guard("Py_NewInterpreterFromConfig", || {
        if tstate_p.is_null() || config.is_null() {
            return PyStatus::error(c"Py_NewInterpreterFromConfig", c"NULL argument");
        }
        // SAFETY: checked non-null; the caller promises validity.
        let c = unsafe { *config };
        // SAFETY: checked non-null; the caller promises it is writable.
        unsafe { *tstate_p = ptr::null_mut() };
        let lock = match c.gil {
            0 | 1 => LockKind::Shared,
            2 => LockKind::Own,
            3 => LockKind::None,
            _ => return PyStatus::error(c"init_interp_settings", c"invalid interpreter config 'gil' value"),
        };
        let cfg = InterpreterConfig {
            lock,
            use_main_obmalloc: c.use_main_obmalloc != 0,
            allow_threads: c.allow_threads != 0,
            allow_daemon_threads: c.allow_daemon_threads != 0,
            check_multi_interp_extensions: c.check_multi_interp_extensions != 0,
            ..InterpreterConfig::isolated()
        };
        // SAFETY: C has no tokens; CPython's contract (the old state is left detached) applies.
        match unsafe { Interpreter::new_with_thread_state(cfg) } {
            Ok(ts) => {
                // SAFETY: as above.
                unsafe { *tstate_p = ts.as_ptr() };
                PyStatus::ok()
            }
            Err(e) => {
                let (func, msg) = new_interpreter_error(&e);
                PyStatus::error(func, msg)
            }
        }
    })
}

/// `_Py_FatalErrorFunc` (behind the `Py_FatalError` macro).
///
/// # Safety
/// `func` and `message` must be NULL or NUL-terminated strings.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn _Py_FatalErrorFunc(func: *const c_char, message: *const c_char) {
    let text = |p: *const c_char| {
        if p.is_null() {
            String::from("<NULL>")
        } else {
            // SAFETY: the caller promises a NUL-terminated string.
            unsafe { CStr::from_ptr(p) }.to_string_lossy().into_owned()
        }
    };
    pyrt::fatal::fatal_error(&text(func), &text(message));
}

// ---------------------------------------------------------------------------------------------
// Thread states
// ---------------------------------------------------------------------------------------------

/// `PyEval_SaveThread`.
#[unsafe(no_mangle)]
pub extern "C" fn PyEval_SaveThread() -> *mut PyThreadState {
    // No `guard`: a hot path, and a panic here still aborts (see `guard`).
    // SAFETY: C holds no Python tokens; the caller re-attaches with PyEval_RestoreThread.
    unsafe { thread_state::save_thread() }.as_ptr()
}

/// `PyEval_RestoreThread`.
///
/// # Safety
/// `tstate` must be a live thread state.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn PyEval_RestoreThread(tstate: *mut PyThreadState) {
    // No `guard`: a hot path, and a panic here still aborts (see `guard`).
    {
        // SAFETY: `ts_from` checks NULL; the caller promises liveness.
        let ts = unsafe { ts_from(tstate, "PyEval_RestoreThread") };
        // SAFETY: as above.
        unsafe { thread_state::restore_thread(NonNull::from(ts)) }
    }
}

/// `PyEval_AcquireThread`.
///
/// # Safety
/// `tstate` must be a live thread state.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn PyEval_AcquireThread(tstate: *mut PyThreadState) {
    guard("PyEval_AcquireThread", || {
        // SAFETY: `ts_from` checks NULL; the caller promises liveness.
        let ts = unsafe { ts_from(tstate, "PyEval_AcquireThread") };
        // SAFETY: as above.
        unsafe { thread_state::acquire_thread(NonNull::from(ts)) }
    })
}

/// `PyEval_ReleaseThread`.
///
/// # Safety
/// `tstate` must be a live thread state.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn PyEval_ReleaseThread(tstate: *mut PyThreadState) {
    guard("PyEval_ReleaseThread", || {
        // SAFETY: `ts_from` checks NULL; the caller promises liveness.
        let ts = unsafe { ts_from(tstate, "PyEval_ReleaseThread") };
        // SAFETY: as above.
        unsafe { thread_state::release_thread(NonNull::from(ts)) }
    })
}

/// `PyEval_InitThreads`: a no-op, as in CPython 3.9+.
#[unsafe(no_mangle)]
pub extern "C" fn PyEval_InitThreads() {}

/// `PyThreadState_Get`.
#[unsafe(no_mangle)]
pub extern "C" fn PyThreadState_Get() -> *mut PyThreadState {
    guard("PyThreadState_Get", || thread_state::get().as_ptr())
}

/// `PyThreadState_GetUnchecked`.
#[unsafe(no_mangle)]
pub extern "C" fn PyThreadState_GetUnchecked() -> *mut PyThreadState {
    ts_ptr(thread_state::current())
}

/// `PyThreadState_Swap`.
///
/// # Safety
/// `tstate` must be NULL or a live thread state.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn PyThreadState_Swap(tstate: *mut PyThreadState) -> *mut PyThreadState {
    // SAFETY: the caller promises `tstate` is NULL or live.
    guard("PyThreadState_Swap", || ts_ptr(unsafe { thread_state::swap(NonNull::new(tstate)) }))
}

/// `PyThreadState_New`.
///
/// # Safety
/// `interp` must be a live interpreter.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn PyThreadState_New(interp: *mut PyInterpreterState) -> *mut PyThreadState {
    guard("PyThreadState_New", || {
        // SAFETY: the caller promises `interp` is live.
        let interp = unsafe { interp_from(interp, "PyThreadState_New") };
        ThreadState::new(&interp).as_ptr()
    })
}

/// `PyThreadState_Clear`.
///
/// # Safety
/// `tstate` must be a live thread state.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn PyThreadState_Clear(tstate: *mut PyThreadState) {
    // SAFETY: the caller promises liveness; NULL is fatal.
    guard("PyThreadState_Clear", || unsafe { ts_from(tstate, "PyThreadState_Clear") }.clear())
}

/// `PyThreadState_Delete`.
///
/// # Safety
/// `tstate` must be a live thread state; it is invalid afterwards.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn PyThreadState_Delete(tstate: *mut PyThreadState) {
    guard("PyThreadState_Delete", || match NonNull::new(tstate) {
        // SAFETY: the caller promises a live, not yet deleted thread state.
        Some(ts) => unsafe { ThreadState::delete(ts) },
        None => pyrt::fatal::fatal_error("PyThreadState_Delete", pyrt::fatal::TSTATE_NULL),
    })
}

/// `PyThreadState_DeleteCurrent`.
#[unsafe(no_mangle)]
pub extern "C" fn PyThreadState_DeleteCurrent() {
    // SAFETY: C holds no Python tokens; CPython's contract: the state is gone afterwards.
    guard("PyThreadState_DeleteCurrent", || unsafe { ThreadState::delete_current() })
}

/// `PyThreadState_GetInterpreter`.
///
/// # Safety
/// `tstate` must be a live thread state.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn PyThreadState_GetInterpreter(tstate: *mut PyThreadState) -> *mut PyInterpreterState {
    guard("PyThreadState_GetInterpreter", || {
        // SAFETY: the caller promises liveness; NULL is fatal.
        interp_ptr(Some(unsafe { ts_from(tstate, "PyThreadState_GetInterpreter") }.interpreter()))
    })
}

/// `PyThreadState_GetID`.
///
/// # Safety
/// `tstate` must be a live thread state.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn PyThreadState_GetID(tstate: *mut PyThreadState) -> u64 {
    // SAFETY: the caller promises liveness; NULL is fatal.
    guard("PyThreadState_GetID", || unsafe { ts_from(tstate, "PyThreadState_GetID") }.id())
}

/// `PyThreadState_Next`.
///
/// # Safety
/// `tstate` must be a live thread state.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn PyThreadState_Next(tstate: *mut PyThreadState) -> *mut PyThreadState {
    guard("PyThreadState_Next", || {
        // SAFETY: the caller promises liveness; NULL is fatal.
        let ts = unsafe { ts_from(tstate, "PyThreadState_Next") };
        ts_ptr(ts.interpreter().thread_next(NonNull::from(ts)))
    })
}

// ---------------------------------------------------------------------------------------------
// Interpreter states
// ---------------------------------------------------------------------------------------------

/// `PyInterpreterState_Get`.
#[unsafe(no_mangle)]
pub extern "C" fn PyInterpreterState_Get() -> *mut PyInterpreterState {
    guard("PyInterpreterState_Get", || match thread_state::current() {
        // SAFETY: the current thread state is alive while attached.
        Some(ts) => interp_ptr(Some(unsafe { ts.as_ref() }.interpreter())),
        None => pyrt::fatal::fatal_error("PyInterpreterState_Get", pyrt::fatal::TSTATE_NULL),
    })
}

/// `PyInterpreterState_GetID`.
///
/// # Safety
/// `interp` must be a live interpreter.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn PyInterpreterState_GetID(interp: *mut PyInterpreterState) -> i64 {
    // SAFETY: the caller promises liveness; NULL is fatal.
    guard("PyInterpreterState_GetID", || unsafe { interp_from(interp, "PyInterpreterState_GetID") }.id())
}

/// `PyInterpreterState_Main`.
#[unsafe(no_mangle)]
pub extern "C" fn PyInterpreterState_Main() -> *mut PyInterpreterState {
    interp_ptr(Runtime::main_interpreter())
}

/// `PyInterpreterState_Head`.
#[unsafe(no_mangle)]
pub extern "C" fn PyInterpreterState_Head() -> *mut PyInterpreterState {
    interp_ptr(Runtime::interpreter_head())
}

/// `PyInterpreterState_Next`.
///
/// # Safety
/// `interp` must be a live interpreter.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn PyInterpreterState_Next(interp: *mut PyInterpreterState) -> *mut PyInterpreterState {
    // SAFETY: the caller promises liveness; NULL is fatal.
    guard("PyInterpreterState_Next", || interp_ptr(unsafe { interp_from(interp, "PyInterpreterState_Next") }.next()))
}

/// `PyInterpreterState_ThreadHead`.
///
/// # Safety
/// `interp` must be a live interpreter.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn PyInterpreterState_ThreadHead(interp: *mut PyInterpreterState) -> *mut PyThreadState {
    guard("PyInterpreterState_ThreadHead", || {
        // SAFETY: the caller promises liveness; NULL is fatal.
        ts_ptr(unsafe { interp_from(interp, "PyInterpreterState_ThreadHead") }.thread_head())
    })
}

// ---------------------------------------------------------------------------------------------
// GILState
// ---------------------------------------------------------------------------------------------

/// `PyGILState_STATE`.
pub type PyGILState_STATE = c_int;

fn gil_state_to_c(s: GilState) -> PyGILState_STATE {
    s as c_int
}

fn gil_state_from_c(s: PyGILState_STATE, func: &str) -> GilState {
    match s {
        0 => GilState::Locked,
        1 => GilState::Unlocked,
        _ => pyrt::fatal::fatal_error(func, "invalid PyGILState_STATE value"),
    }
}

/// `PyGILState_Ensure`.
#[unsafe(no_mangle)]
pub extern "C" fn PyGILState_Ensure() -> PyGILState_STATE {
    // No `guard`: a hot path, and a panic here still aborts (see `guard`).
    gil_state_to_c(gilstate::ensure())
}

/// `PyGILState_Release`.
#[unsafe(no_mangle)]
pub extern "C" fn PyGILState_Release(state: PyGILState_STATE) {
    // SAFETY: C holds no Python tokens; matching Ensure/Release is the C caller's contract, and
    // an unmatched Release is reported as a fatal error by the checks inside.
    // No `guard`: a hot path, and a panic here still aborts (see `guard`).
    unsafe { gilstate::release(gil_state_from_c(state, "PyGILState_Release")) }
}

/// `PyGILState_GetThisThreadState`.
#[unsafe(no_mangle)]
pub extern "C" fn PyGILState_GetThisThreadState() -> *mut PyThreadState {
    guard("PyGILState_GetThisThreadState", || ts_ptr(gilstate::get_this_thread_state()))
}

/// `PyGILState_Check`.
#[unsafe(no_mangle)]
pub extern "C" fn PyGILState_Check() -> c_int {
    guard("PyGILState_Check", || c_int::from(gilstate::check()))
}

/// `PyrtGILState` (pyrt.h).
#[repr(C)]
#[derive(Clone, Copy, Debug)]
pub struct PyrtGILState {
    pub state: PyGILState_STATE,
    pub previous: *mut PyThreadState,
}

/// `PyrtGILState_EnsureIn` (pyrt.h): GILState into a chosen interpreter.
///
/// # Safety
/// `interp` must be a live interpreter.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn PyrtGILState_EnsureIn(interp: *mut PyInterpreterState) -> PyrtGILState {
    guard("PyrtGILState_EnsureIn", || {
        // SAFETY: the caller promises liveness; NULL is fatal.
        let interp = unsafe { interp_from(interp, "PyrtGILState_EnsureIn") };
        // SAFETY: C holds no Rust tokens; a swapped-out state is the C caller's to respect.
        let e = unsafe { gilstate::ensure_in_raw(&interp) };
        PyrtGILState { state: gil_state_to_c(e.state), previous: ts_ptr(e.previous) }
    })
}

/// `PyrtGILState_ReleaseIn` (pyrt.h).
#[unsafe(no_mangle)]
pub extern "C" fn PyrtGILState_ReleaseIn(state: PyrtGILState) {
    guard("PyrtGILState_ReleaseIn", || {
        // SAFETY: as for PyGILState_Release.
        unsafe {
            gilstate::release_in(EnsureIn {
                state: gil_state_from_c(state.state, "PyrtGILState_ReleaseIn"),
                previous: NonNull::new(state.previous),
            })
        }
    })
}

// ---------------------------------------------------------------------------------------------
// Pending calls
// ---------------------------------------------------------------------------------------------

/// `Py_AddPendingCall`.
///
/// # Safety
///
/// `func(arg)` must be safe to call once from the main thread of the main interpreter.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn Py_AddPendingCall(
    func: Option<unsafe extern "C" fn(*mut c_void) -> c_int>,
    arg: *mut c_void,
) -> c_int {
    guard("Py_AddPendingCall", || {
        let Some(func) = func else { return -1 };
        // SAFETY: Py_AddPendingCall's contract: func(arg) may run once in the main thread.
        match Runtime::add_pending_call(unsafe { PendingCall::from_c(func, arg) }) {
            Ok(()) => 0,
            Err(_) => -1,
        }
    })
}

/// `Py_MakePendingCalls`.
#[unsafe(no_mangle)]
pub extern "C" fn Py_MakePendingCalls() -> c_int {
    guard("Py_MakePendingCalls", || match pyrt::state::make_pending_calls() {
        Ok(()) => 0,
        Err(e) => {
            eprintln!("{e}");
            -1
        }
    })
}

// ---------------------------------------------------------------------------------------------
// Objects
// ---------------------------------------------------------------------------------------------

/// `_Py_GetThreadLocal_Addr`: the thread id where the headers read no register.
#[unsafe(no_mangle)]
pub extern "C" fn _Py_GetThreadLocal_Addr() -> usize {
    pyrt::object::thread_local_addr()
}

/// `PyrtThread_Id` (pyrt.h): the runtime's thread id.
#[unsafe(no_mangle)]
pub extern "C" fn PyrtThread_Id() -> usize {
    pyrt::object::thread_id()
}

/// `_Py_DecRef`: the out-of-line decrement behind the header's `Py_DECREF`.
///
/// # Safety
///
/// `op` must be a live object and the caller gives up one reference to it.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn _Py_DecRef(op: *mut pyrt::PyObject) {
    guard("_Py_DecRef", || match NonNull::new(op) {
        // SAFETY: the caller gives up one reference to a live object.
        Some(op) => unsafe { pyrt::object::refcount::decref(op) },
        None => pyrt::fatal::fatal_error("_Py_DecRef", "NULL object"),
    })
}

/// `Py_GetConstantBorrowed`.
#[unsafe(no_mangle)]
pub extern "C" fn Py_GetConstantBorrowed(constant_id: std::ffi::c_uint) -> *mut pyrt::PyObject {
    guard("Py_GetConstantBorrowed", || {
        let imm = pyrt::object::immortals();
        let obj: &pyrt::PyObject = match constant_id {
            0 => imm.none,
            1 => &imm.false_.ob_base,
            2 => &imm.true_.ob_base,
            3 => imm.ellipsis,
            4 => imm.not_implemented,
            _ => return ptr::null_mut(),
        };
        obj as *const pyrt::PyObject as *mut pyrt::PyObject
    })
}

/// `PyLong_FromLong`: a new reference; NULL (after printing `MemoryError`) when the arena is full.
#[unsafe(no_mangle)]
pub extern "C" fn PyLong_FromLong(value: std::ffi::c_long) -> *mut pyrt::PyObject {
    guard("PyLong_FromLong", || {
        // `c_long` is 32 bits on some targets, 64 on this one.
        #[allow(clippy::useless_conversion)]
        let value = i64::from(value);
        let made =
            pyrt::Python::with_attached(|py| pyrt::object::new_int(py, value).map(|o| o.into_raw().as_ptr() as usize));
        match made {
            Some(Ok(obj)) => obj as *mut pyrt::PyObject,
            Some(Err(e)) => {
                eprintln!("{e}");
                ptr::null_mut()
            }
            None => pyrt::fatal::fatal_error("PyLong_FromLong", pyrt::fatal::TSTATE_NULL),
        }
    })
}

/// `PyLong_AsLong`: the value; -1 with `TypeError` set when `op` is not an int (NULL: CPython's
/// `SystemError`, "bad argument to internal function"). Attached thread.
///
/// # Safety
///
/// `op` must be NULL or a live object.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn PyLong_AsLong(op: *mut pyrt::PyObject) -> std::ffi::c_long {
    guard("PyLong_AsLong", || {
        // SAFETY: the caller promises NULL or a live object.
        let result = match unsafe { op.as_ref() } {
            Some(o) => pyrt::object::as_long(o),
            None => Err(pyrt::PyErr::new(pyrt::ExcKind::SystemError, "bad argument to internal function")),
        };
        match result {
            // `c_long` is 64 bits on the targets pyrt supports; values are 64-bit for now.
            Ok(v) => v as std::ffi::c_long,
            Err(e) => {
                attached_state("PyLong_AsLong").set_raised(e);
                -1
            }
        }
    })
}

/// The attached thread state; CPython's fatal error when there is none.
fn attached_state(func: &str) -> &'static ThreadState {
    match pyrt::state::thread_state::current() {
        // SAFETY: the current thread state stays alive while attached, which it is for the
        // duration of the C API call that asks.
        Some(ts) => unsafe { &*ts.as_ptr() },
        None => pyrt::fatal::fatal_error(func, pyrt::fatal::TSTATE_NULL),
    }
}

/// `PyErr_Occurred`, as a flag: non-zero when the error indicator holds an exception. (The
/// exception classes are not objects yet, so the type itself cannot be returned.)
#[unsafe(no_mangle)]
pub extern "C" fn PyrtErr_Occurred() -> c_int {
    guard("PyErr_Occurred", || c_int::from(attached_state("PyErr_Occurred").has_raised()))
}

/// `PyErr_Clear`.
#[unsafe(no_mangle)]
pub extern "C" fn PyErr_Clear() {
    guard("PyErr_Clear", || drop(attached_state("PyErr_Clear").take_raised()))
}

/// `PyErr_Print`: prints the raised exception on stderr as CPython does (`<class>: <message>`;
/// no traceback yet) and clears it; nothing when none is raised.
#[unsafe(no_mangle)]
pub extern "C" fn PyErr_Print() {
    guard("PyErr_Print", || {
        // With nothing raised it does nothing, as CPython 3.13's `_PyErr_PrintEx`.
        if let Some(e) = attached_state("PyErr_Print").take_raised() {
            pyrt::error::print_exception(&e);
        }
    })
}
