//! The caller's frame, for the builtins that read it: `globals()`, `locals()`, `vars()`,
//! `dir()`, `eval`/`exec` without explicit namespaces, and `super()` without arguments.
//!
//! CPython finds these through the thread state's current frame. Here the frames of a run of
//! the loop live in that run's own vectors, so the loop publishes a view of the calling frame
//! — a pointer to the frame record, whose window holds its values — in a thread-local for the duration
//! of each call into native code ([`enter`], restored by the guard on every exit path, so
//! nested runs of the loop see their own caller). Python-to-Python calls never publish one.

use std::cell::Cell;

use pyrt_compile::LocalKind;

use super::{Frame, code_of};
use crate::error::{PyErr, PyResult};
use crate::object::dict::{as_dict, new_dict};
use crate::object::function::as_cell;
use crate::object::obj::Obj;
use crate::object::typeobj::as_type;

type View = *const Frame;

thread_local! {
    static CALLER: Cell<View> = const { Cell::new(std::ptr::null()) };
}

/// Restores the previous caller view when the native call ends.
pub(super) struct CallerGuard(View);

impl Drop for CallerGuard {
    #[inline]
    fn drop(&mut self) {
        CALLER.with(|c| c.set(self.0));
    }
}

/// Publishes `frame` as the caller of the native call that is about to run.
#[inline]
pub(super) fn enter(frame: &Frame) -> CallerGuard {
    CallerGuard(CALLER.with(|c| c.replace(frame as *const Frame)))
}

/// Runs `f` on the calling frame and its localsplus values, if a Python frame is calling.
fn with_caller<R>(f: impl FnOnce(&Frame, &[Option<Obj>]) -> R) -> Option<R> {
    let frame = CALLER.with(Cell::get);
    if frame.is_null() {
        return None;
    }
    // SAFETY: the view was published by the loop for the native call now running on this
    // thread (the guard withdraws it when that call returns); during the call the loop neither
    // moves nor mutates that frame record or its window (a nested run starts its frames above
    // the thread's data stack top, which covers the window).
    unsafe {
        let frame = &*frame;
        Some(f(frame, frame.localsplus()))
    }
}

/// The caller's globals (`globals()`).
pub fn caller_globals() -> Option<Obj> {
    with_caller(|f, _| Obj::clone(&f.globals))
}

/// `locals()`: the namespace of a module or class body, or (PEP 667) a fresh snapshot of a
/// function's variables, cells and free variables included.
pub fn caller_locals() -> PyResult<Option<Obj>> {
    let snapshot = with_caller(frame_locals);
    match snapshot {
        None => Ok(None),
        Some(Err(mapping)) => Ok(Some(mapping)),
        Some(Ok(pairs)) => {
            let d = new_dict()?;
            for (k, v) in pairs {
                as_dict(&d).expect("a dict").set(k, v)?;
            }
            Ok(Some(d))
        }
    }
}

/// A `NameError` leaving the frame that raised it records the frame's namespaces for its
/// "Did you mean" suggestion (`object::suggestions`): the namespace mapping of a module or
/// class body, or the names of a function's bound variables; and `self` when it is a local.
pub(super) fn capture_name_scope(exc: &Obj, f: &Frame, window: &[Option<Obj>]) {
    if !crate::object::suggestions::wants_name_scope(exc) {
        return;
    }
    let locals = frame_locals(f, window);
    let self_ = match &locals {
        Ok(pairs) => {
            pairs.iter().find(|(k, _)| crate::object::str::str_value(k) == Some("self")).map(|(_, v)| v.clone())
        }
        Err(mapping) => as_dict(mapping).and_then(|d| d.get_str(&crate::object::intern("self").ob_base)),
    };
    let names = move || match locals {
        Ok(pairs) => crate::object::list::new_list(pairs.into_iter().map(|(k, _)| k).collect()),
        Err(mapping) => Ok(mapping),
    };
    crate::object::suggestions::capture_name_scope(exc, names, &f.globals, &f.builtins, self_);
}

/// A frame's local variables: the namespace mapping of a module or class body (`Err`), or the
/// `(name, value)` pairs of a function's bound variables, cells and free variables included.
fn frame_locals(f: &Frame, window: &[Option<Obj>]) -> Result<Vec<(Obj, Obj)>, Obj> {
    {
        if let Some(l) = &f.locals {
            return Err(l.clone());
        }
        let code = code_of(f);
        let mut pairs = Vec::new();
        for (i, v) in window.iter().enumerate() {
            let kind = code.code.localsplus_kinds[i];
            let Some(v) = v else { continue };
            let value = if kind.contains(LocalKind::CELL) || kind.contains(LocalKind::FREE) {
                match as_cell(v) {
                    Some(c) => match c.get() {
                        Some(x) => x,
                        None => continue,
                    },
                    None => v.clone(),
                }
            } else {
                v.clone()
            };
            pairs.push((code.localsplus_names[i].clone(), value));
        }
        Ok(pairs)
    }
}

/// `super()` without arguments: `(__class__, first argument)` of the calling function.
pub fn caller_super_args() -> PyResult<(Obj, Obj)> {
    let found = with_caller(|f, window| {
        let code = code_of(f);
        if code.code.argcount == 0 {
            return Err(PyErr::runtime_error("super(): no arguments"));
        }
        let first = match &window[0] {
            Some(v) if code.code.localsplus_kinds[0].contains(LocalKind::CELL) => match as_cell(v) {
                Some(c) => c.get(),
                None => Some(v.clone()),
            },
            other => other.clone(),
        };
        let first = first.ok_or_else(|| PyErr::runtime_error("super(): arg[0] deleted"))?;
        let class_cell = code
            .code
            .localsplus_names
            .iter()
            .zip(code.code.localsplus_kinds.iter())
            .position(|(name, kind)| &**name == "__class__" && kind.contains(LocalKind::FREE));
        let Some(i) = class_cell else { return Err(PyErr::runtime_error("super(): __class__ cell not found")) };
        let class = window[i].as_deref().and_then(as_cell).and_then(|c| c.get());
        let class = class.ok_or_else(|| PyErr::runtime_error("super(): empty __class__ cell"))?;
        if as_type(&class).is_none() {
            return Err(PyErr::runtime_error(format!(
                "super(): __class__ is not a type ({})",
                class.type_object().name()
            )));
        }
        Ok((class, first))
    });
    found.unwrap_or_else(|| Err(PyErr::runtime_error("super(): no current frame")))
}
