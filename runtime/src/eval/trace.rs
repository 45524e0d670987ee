//! Tracing and profiling (`sys.settrace` / `sys.setprofile`, and the Rust-level [`TraceFn`]
//! the C ABI exports as `Py_tracefunc`).
//!
//! **Cost when off.** The thread state keeps one flag, "a trace or profile function is set"
//! (`ThreadState::is_hooked`). A run of the loop keeps a copy in a local, read when the run
//! starts and refreshed where the loop already reads the thread state for the eval breaker
//! (`RESUME` — every function entry and generator resume — and backward jumps); a hook set by
//! a native call takes effect at the next call or backward jump, and a hook removed leaves the
//! local set until then (the events find no hook). The per-instruction hook runs only while
//! that local is set, and the
//! specialised native-call forms step aside for the generic `CALL` (which reports
//! `c_call`/`c_return`/`c_exception`). With no hook set, tracing costs one predictable branch
//! on a local per instruction and one relaxed load per call. (CPython 3.13 rewrites instructions to `INSTRUMENTED_*` forms
//! instead; this design needs no second instruction stream.)
//!
//! **Events**, as CPython 3.13's legacy tracing delivers them: `call` at `RESUME` (a function
//! starting or a generator resuming), `line` before the first instruction of a line that
//! differs from the previous instruction's (always after a backward jump), `opcode` before each
//! instruction when `f_trace_opcodes` is set, `return` when a frame returns, yields or is left
//! by an exception (argument `None`), `exception` when an exception passes through a frame
//! (argument `(type, value, traceback)`); the profiler gets `call`, `return` and the native-call
//! events. Hooks do not see events of their own code (the thread's `tracing` flag).
//!
//! **`sys.settrace`** installs CPython's `trace_trampoline`: `call` goes to the global function
//! and what it returns becomes the frame's `f_trace`; the other events go to `f_trace` (a
//! non-`None` result replaces it). A hook that raises is removed (`settrace(None)`, `f_trace`
//! cleared) and its error propagates. `sys.setprofile` installs `profile_trampoline`.

use std::cell::Cell;
use std::sync::Arc;

use pyrt_compile::Opcode;

use super::{Frame, frame_object};
use crate::error::{PyErr, PyResult};
use crate::object::PyObject;
use crate::object::obj::Obj;
use crate::object::str::new_str;
use crate::object::tuple::new_tuple;
use crate::object::{abstract_ops as ops, immortals, types};
use crate::state::thread_state::{self, TraceArgs, TraceEvent, TraceFn};

thread_local! {
    /// Set while a hook runs: its own code is not traced.
    static IN_HOOK: Cell<bool> = const { Cell::new(false) };
}

/// Whether this thread has a trace or profile function.
#[inline]
pub(super) fn active() -> bool {
    match thread_state::current() {
        // SAFETY: the current thread state is attached on this thread.
        Some(ts) => unsafe { ts.as_ref() }.is_hooked(),
        None => false,
    }
}

fn hooks() -> (Option<TraceFn>, Option<TraceFn>) {
    match thread_state::current() {
        // SAFETY: the current thread state is attached on this thread.
        Some(ts) => {
            let ts = unsafe { ts.as_ref() };
            (ts.trace(), ts.profile())
        }
        None => (None, None),
    }
}

/// Calls `hook` with the event unless a hook is already running; an error removes the hook.
fn fire(hook: &TraceFn, is_profile: bool, frame: &Obj, event: TraceEvent, arg: Option<&Obj>) -> PyResult<()> {
    if IN_HOOK.with(Cell::get) {
        return Ok(());
    }
    IN_HOOK.with(|h| h.set(true));
    let r = hook(&TraceArgs { event, frame, arg });
    IN_HOOK.with(|h| h.set(false));
    if r.is_err() {
        if let Some(ts) = thread_state::current() {
            // SAFETY: the current thread state is attached on this thread.
            let ts = unsafe { ts.as_ref() };
            if is_profile { ts.set_profile(None) } else { ts.set_trace(None) }
        }
    }
    r
}

/// Sends `event` for `frame` to the trace and/or profile function.
fn emit(frame: &Frame, event: TraceEvent, arg: Option<&Obj>, to_trace: bool, to_profile: bool) -> PyResult<()> {
    let (trace, profile) = hooks();
    if (trace.is_none() || !to_trace) && (profile.is_none() || !to_profile) {
        return Ok(());
    }
    let fo = frame_object::materialize(frame)?;
    if to_profile {
        if let Some(p) = &profile {
            fire(p, true, &fo, event, arg)?;
        }
    }
    if to_trace {
        if let Some(t) = &trace {
            fire(t, false, &fo, event, arg)?;
        }
    }
    Ok(())
}

/// Whether a `RESUME` on this thread now would only pass (see
/// `ThreadState::resume_would_pass`); with no thread state a `RESUME` does nothing.
#[inline(always)]
pub(super) fn resume_would_pass() -> bool {
    match thread_state::current() {
        // SAFETY: the current thread state is attached on this thread.
        Some(ts) => unsafe { ts.as_ref() }.resume_would_pass(),
        None => true,
    }
}

/// The per-instruction hook (only while [`active`]): `call` at `RESUME`, then `line` and
/// `opcode` events.
#[cold]
#[inline(never)]
pub(super) fn instruction(frame: &Frame, op: Opcode, oparg: u32) -> PyResult<()> {
    if IN_HOOK.with(Cell::get) {
        return Ok(());
    }
    if op == Opcode::RESUME {
        emit(frame, TraceEvent::Call, None, true, true)?;
        // A function's first line is reported even when it is the `def` line (CPython's
        // exception for `RESUME`); a resumed generator continues on its line.
        if let Some(fo) = frame.frame_obj.get() {
            frame_object::set_prev_traced(fo, Some(frame.lasti), oparg == 0);
        }
        return Ok(());
    }
    let (Some(trace), _) = hooks() else { return Ok(()) };
    let fo = frame_object::materialize(frame)?;
    let (prev, prev_was_resume) = frame_object::prev_traced(&fo);
    let code = super::code_of(frame);
    let line_of = |i: usize| code.positions().get(i).map_or(-1, |p| p.lineno);
    let line = line_of(frame.lasti);
    // Instructions without a line, and those that never start one in CPython's line table
    // (the loop's closing jump and `END_FOR`/`END_SEND`), neither fire nor count as the
    // previous line.
    let starts_lines = line >= 0
        && !matches!(
            op,
            Opcode::JUMP_BACKWARD | Opcode::JUMP_BACKWARD_NO_INTERRUPT | Opcode::END_FOR | Opcode::END_SEND
        );
    if starts_lines {
        frame_object::set_prev_traced(&fo, Some(frame.lasti), false);
    }
    let new_line = match prev {
        None => true,
        Some(p) => prev_was_resume || frame.lasti < p || line_of(p) != line,
    };
    if starts_lines && new_line && frame_object::traces_lines(&fo) {
        fire(&trace, false, &fo, TraceEvent::Line, None)?;
    }
    if frame_object::traces_opcodes(&fo) {
        fire(&trace, false, &fo, TraceEvent::Opcode, None)?;
    }
    Ok(())
}

/// `throw()` resumes the frame with an exception (CPython's `PY_THROW`, which the legacy hooks
/// report as `call`, as a resumption's `RESUME` is); the raise's `exception` event follows.
#[cold]
#[inline(never)]
pub(super) fn on_throw(frame: &Frame) -> PyResult<()> {
    if IN_HOOK.with(Cell::get) {
        return Ok(());
    }
    emit(frame, TraceEvent::Call, None, true, true)?;
    if let Some(fo) = frame.frame_obj.get() {
        frame_object::set_prev_traced(fo, Some(frame.lasti), false);
    }
    Ok(())
}

/// `return` (also for a `yield`): `value` is what leaves the frame.
#[cold]
#[inline(never)]
pub(super) fn on_return(frame: &Frame, value: &Obj) -> PyResult<()> {
    // `RETURN_GENERATOR` runs before the frame's `RESUME`: no `call`, so no `return` either.
    let unit = super::code_of(frame).adaptive.opcode_unit(frame.lasti);
    if Opcode::from_u8((unit & 0xff) as u8) == Some(Opcode::RETURN_GENERATOR) {
        return Ok(());
    }
    emit(frame, TraceEvent::Return, Some(value), true, true)
}

/// An exception passes through `frame` (`exception`), and when it leaves the frame, `return`
/// with `None`.
#[cold]
#[inline(never)]
pub(super) fn on_exception(frame: &Frame, exc: &Obj) -> PyResult<()> {
    let tb = crate::object::exceptions::as_exception(exc).and_then(|e| e.traceback().get());
    let none = || Obj::new_ref(immortals().none);
    let arg = new_tuple(vec![Obj::new_ref(exc.type_object().as_object()), exc.clone(), tb.unwrap_or_else(none)])?;
    emit(frame, TraceEvent::Exception, Some(&arg), true, false)
}

/// The frame is left by an exception.
#[cold]
#[inline(never)]
pub(super) fn on_unwind(frame: &Frame) -> PyResult<()> {
    emit(frame, TraceEvent::Return, Some(&Obj::new_ref(immortals().none)), true, true)
}

/// The callable a native call reports (`c_call`): builtin functions, and method descriptors
/// bound to their first argument; other callables report nothing.
pub(super) fn native_callable(callable: &Obj, args: &[Obj]) -> Option<Obj> {
    let t = callable.type_object();
    if std::ptr::eq(t, types().builtin_function_type) {
        return Some(callable.clone());
    }
    if std::ptr::eq(t, types().method_descriptor_type) {
        let self_ = args.first()?;
        return crate::object::builtin::method_descr_get(callable, Some(self_), self_.type_object().as_object()).ok();
    }
    None
}

/// `c_call`, then after the call `c_return` or `c_exception` (profile only).
#[cold]
#[inline(never)]
pub(super) fn native_call(
    frame: &Frame,
    callable: &Obj,
    args: &[Obj],
    call: impl FnOnce() -> PyResult<Obj>,
) -> PyResult<Obj> {
    let Some(reported) = native_callable(callable, args) else { return call() };
    emit(frame, TraceEvent::CCall, Some(&reported), false, true)?;
    let r = call();
    let event = if r.is_ok() { TraceEvent::CReturn } else { TraceEvent::CException };
    emit(frame, event, Some(&reported), false, true)?;
    r
}

fn event_name(e: TraceEvent) -> &'static str {
    match e {
        TraceEvent::Call => "call",
        TraceEvent::Exception => "exception",
        TraceEvent::Line => "line",
        TraceEvent::Return => "return",
        TraceEvent::CCall => "c_call",
        TraceEvent::CException => "c_exception",
        TraceEvent::CReturn => "c_return",
        TraceEvent::Opcode => "opcode",
    }
}

fn call_python_hook(func: &PyObject, a: &TraceArgs<'_>) -> PyResult<Obj> {
    let arg = a.arg.cloned().unwrap_or_else(|| Obj::new_ref(immortals().none));
    ops::call(func, &[a.frame.clone(), new_str(event_name(a.event))?, arg], None)
}

/// The object a Python-level hook was installed with, kept to answer `gettrace`/`getprofile`.
struct PythonHook(Obj);
// SAFETY: the hook object is used only by the thread whose thread state holds the `TraceFn`
// (the slot is per thread and the loop calls it on that thread), attached to its interpreter.
unsafe impl Send for PythonHook {}
// SAFETY: as for `Send`: only the owning thread calls the hook.
unsafe impl Sync for PythonHook {}

thread_local! {
    static PY_TRACE: std::cell::RefCell<Option<Obj>> = const { std::cell::RefCell::new(None) };
    static PY_PROFILE: std::cell::RefCell<Option<Obj>> = const { std::cell::RefCell::new(None) };
}

fn current_ts() -> PyResult<&'static thread_state::ThreadState> {
    let ts = thread_state::current().ok_or_else(|| PyErr::runtime_error("no thread state"))?;
    // SAFETY: the current thread state is attached on this thread for the whole call.
    Ok(unsafe { &*ts.as_ptr() })
}

/// `sys.settrace(func)`.
pub(crate) fn settrace(func: &PyObject) -> PyResult<()> {
    let ts = current_ts()?;
    if func.is(immortals().none) {
        ts.set_trace(None);
        PY_TRACE.with(|t| *t.borrow_mut() = None);
        return Ok(());
    }
    let hook = PythonHook(Obj::new_ref(func));
    PY_TRACE.with(|t| *t.borrow_mut() = Some(Obj::new_ref(func)));
    ts.set_trace(Some(Arc::new(move |a: &TraceArgs<'_>| {
        let hook = &hook;
        let fo = frame_object::as_frame(a.frame).expect("a frame object");
        let callback = if a.event == TraceEvent::Call {
            Obj::new_ref(&hook.0)
        } else {
            match fo.trace.borrow().clone() {
                Some(t) => t,
                None => return Ok(()),
            }
        };
        match call_python_hook(&callback, a) {
            Ok(r) => {
                if !r.is(immortals().none) {
                    *fo.trace.borrow_mut() = Some(r);
                }
                Ok(())
            }
            Err(e) => {
                *fo.trace.borrow_mut() = None;
                PY_TRACE.with(|t| *t.borrow_mut() = None);
                Err(e)
            }
        }
    })));
    Ok(())
}

/// `sys.setprofile(func)`.
pub(crate) fn setprofile(func: &PyObject) -> PyResult<()> {
    let ts = current_ts()?;
    if func.is(immortals().none) {
        ts.set_profile(None);
        PY_PROFILE.with(|t| *t.borrow_mut() = None);
        return Ok(());
    }
    let hook = PythonHook(Obj::new_ref(func));
    PY_PROFILE.with(|t| *t.borrow_mut() = Some(Obj::new_ref(func)));
    ts.set_profile(Some(Arc::new(move |a: &TraceArgs<'_>| {
        let hook = &hook;
        let r = call_python_hook(&hook.0, a).map(drop);
        if r.is_err() {
            PY_PROFILE.with(|t| *t.borrow_mut() = None);
        }
        r
    })));
    Ok(())
}

/// `sys.gettrace()` / `sys.getprofile()`.
pub(crate) fn gethook(profile: bool) -> Obj {
    let slot = if profile { &PY_PROFILE } else { &PY_TRACE };
    let set =
        if profile { current_ts().ok().and_then(|t| t.profile()) } else { current_ts().ok().and_then(|t| t.trace()) };
    if set.is_none() {
        return Obj::new_ref(immortals().none);
    }
    slot.with(|t| t.borrow().clone()).unwrap_or_else(|| Obj::new_ref(immortals().none))
}
