//! The running Python frame of this thread, as builtins that read their caller's namespace
//! (`globals()`, `locals()`, `vars()`, `dir()`, `exec`, `eval`) see it.
//!
//! The eval loop records a view of its current frame — globals, the locals mapping if the
//! frame has one (module and class bodies), else where its fast locals are — every time the
//! current frame changes (the top of its frame loop: after a call, a return, an unwinding), and
//! a run of the loop restores the previous view when it ends (a nested run for a native call
//! back into Python). A builtin called by an instruction therefore finds its caller's frame
//! here. The view holds raw pointers: they stay valid while the frame runs a builtin, because
//! the loop neither pops the frame nor moves its value array until the builtin returns.

use std::cell::Cell;

use crate::error::PyResult;
use crate::object::PyObject;
use crate::object::code::as_code;
use crate::object::dict::{as_dict, new_dict};
use crate::object::function::as_cell;
use crate::object::obj::Obj;

/// Where one frame's namespaces are.
#[derive(Clone, Copy)]
pub(crate) struct FrameView {
    globals: *const PyObject,
    /// The locals mapping, or null for a function's frame (fast locals).
    locals: *const PyObject,
    code: *const PyObject,
    /// The frame's localsplus (`code.nlocalsplus()` slots).
    fast: *const Option<Obj>,
}

thread_local! {
    static CURRENT: Cell<Option<FrameView>> = const { Cell::new(None) };
}

/// Records `view` as the running frame and returns the previous one.
pub(crate) fn replace(view: Option<FrameView>) -> Option<FrameView> {
    CURRENT.with(|c| c.replace(view))
}

/// A view of a frame (see the module docs for how long it may be used).
pub(crate) fn view(globals: &PyObject, locals: Option<&PyObject>, code: &PyObject, fast: &[Option<Obj>]) -> FrameView {
    FrameView { globals, locals: locals.map_or(std::ptr::null(), |l| l as *const PyObject), code, fast: fast.as_ptr() }
}

/// The globals of the running frame.
pub fn current_globals() -> Option<Obj> {
    let v = CURRENT.with(Cell::get)?;
    // SAFETY: the view belongs to the frame that called the running builtin (module docs).
    Some(Obj::new_ref(unsafe { &*v.globals }))
}

/// The locals of the running frame: its mapping, or for a function a new dict of its bound
/// local, cell and free variables (CPython 3.13's `locals()` snapshot, PEP 667).
pub fn current_locals() -> PyResult<Option<Obj>> {
    let Some(v) = CURRENT.with(Cell::get) else { return Ok(None) };
    if !v.locals.is_null() {
        // SAFETY: as in `current_globals`.
        return Ok(Some(Obj::new_ref(unsafe { &*v.locals })));
    }
    // SAFETY: as in `current_globals`.
    let code = as_code(unsafe { &*v.code }).expect("a frame runs a code object");
    let n = code.code.nlocalsplus();
    // SAFETY: the frame's localsplus has `n` slots at `fast` (module docs).
    let fast = unsafe { std::slice::from_raw_parts(v.fast, n) };
    let snapshot = new_dict()?;
    let d = as_dict(&snapshot).expect("a dict");
    for (i, slot) in fast.iter().enumerate() {
        let kind = code.code.localsplus_kinds[i];
        if kind.contains(pyrt_compile::LocalKind::HIDDEN) {
            continue;
        }
        let value = match slot {
            Some(o) if kind.contains(pyrt_compile::LocalKind::CELL) || kind.contains(pyrt_compile::LocalKind::FREE) => {
                as_cell(o).map_or_else(|| Some(o.clone()), |c| c.get())
            }
            other => other.clone(),
        };
        if let Some(value) = value {
            d.set(code.localsplus_names[i].clone(), value)?;
        }
    }
    Ok(Some(snapshot))
}
