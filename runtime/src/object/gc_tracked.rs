//! `traverse` and `clear` of the builtin types the cycle collector tracks besides the
//! containers of `gc_traverse`: generators and coroutines (`gen_traverse`), modules
//! (`module_traverse`, `module_clear`), exceptions (`BaseException_traverse`) and bound builtin methods
//! (`meth_traverse`). Frames and tracebacks, whose layouts belong to the eval loop, have theirs
//! beside them (`eval::frame_object`, `eval::traceback`).
//!
//! As in `gc_traverse`, a traverse visits only references the object owns, once each, and may
//! leave some out (the collector then keeps more); a clear drops the references that close
//! cycles, leaving the object valid.

use super::header::PyObject;
use super::typeobj::{ClearFn, TraverseFn};

/// A generator's, coroutine's or async generator's saved frame (code, function, namespaces,
/// locals and value stack, frame object), handled exception and names. A running generator's
/// values are left out: its frame's record uses the block (like every running frame's values,
/// they count as references from outside, which keeps them).
fn gen_traverse(o: &PyObject, visit: &mut dyn FnMut(&PyObject)) {
    let Some(g) = super::generator::as_gen(o) else { return };
    let parts = g.gc_parts();
    for name in parts.names.iter().flatten() {
        visit(name);
    }
    if let Some(f) = &parts.frame {
        visit(&f.code);
        visit(&f.globals);
        visit(&f.builtins);
        // The function is absent while the frame runs (it moves into its frame record, see
        // `SavedFrame`).
        for x in f.func.iter().chain(&f.frame_obj) {
            visit(x);
        }
        if g.state() != super::generator::GenState::Running {
            // SAFETY: not running, so no record uses the block, and the traversal writes nothing.
            for x in unsafe { f.slots.values(f.sp) }.iter().flatten() {
                visit(x);
            }
        }
    }
    if let Some(e) = parts.exc_state.as_ref().and_then(|e| e.as_deref()) {
        visit(e);
    }
}

/// A garbage generator (already closed by the collector's finalize step when it was suspended)
/// drops its frame's values: the generator is finished.
fn gen_clear(o: &PyObject) {
    if let Some(g) = super::generator::as_gen(o) {
        drop(g.take_for_clear());
    }
}

/// `__dict__` and `__slots__` members (a module's namespace is its dict slot).
fn module_traverse(o: &PyObject, visit: &mut dyn FnMut(&PyObject)) {
    super::gc_traverse::visit_instance_fields(o, visit);
}

/// `module_clear`: drops the namespace (CPython's `Py_CLEAR(m->md_dict)`); a subclass's
/// `__slots__` members go with the instance.
fn module_clear(o: &PyObject) {
    drop(super::gc_traverse::take_instance_dict(o));
}

/// An exception's own fields — `args`, `__traceback__`, `__context__`, `__cause__`, the
/// `name`/`obj` of `NameError`/`AttributeError` and the scope of a `NameError`'s suggestion —
/// then its `__dict__` (where `__notes__` lives) and a subclass's members.
fn exception_traverse(o: &PyObject, visit: &mut dyn FnMut(&PyObject)) {
    if let Some(e) = super::exceptions::as_exception(o) {
        // SAFETY: `visit` only records the objects it is shown (the collector's traverse runs
        // no Python code and writes no exception field).
        unsafe { e.visit_fields(visit) };
    }
    super::gc_traverse::visit_instance_fields(o, visit);
}

/// `BaseException_clear`: the traceback, context and cause (which close the usual cycles through
/// a frame's locals), the name scope, and the `__dict__`. `args` stays (a tuple, never absent
/// once made).
fn exception_clear(o: &PyObject) {
    let taken = super::exceptions::as_exception(o)
        .map(|e| [e.traceback().take(), e.context().take(), e.cause().take(), e.obj().take(), e.name_scope().take()]);
    let dict = super::gc_traverse::take_instance_dict(o);
    drop((taken, dict));
}

/// A bound builtin method's receiver (`[].append`'s list), or the module of a module function.
fn builtin_method_traverse(o: &PyObject, visit: &mut dyn FnMut(&PyObject)) {
    // SAFETY: installed on `builtin_function_or_method` only, whose instances are BuiltinFunction.
    if let Some(s) = unsafe { o.cast::<super::builtin::BuiltinFunction>() }.self_.as_deref() {
        visit(s);
    }
}

/// The slots of these types: by name, or — for every exception type — by the type's flags.
pub(crate) fn tracked_type_slots(name: &str, type_flags: u64) -> Option<(TraverseFn, Option<ClearFn>)> {
    if type_flags & super::typeobj::flags::BASE_EXC_SUBCLASS != 0 {
        return Some((exception_traverse, Some(exception_clear)));
    }
    Some(match name {
        "generator" | "coroutine" | "async_generator" => (gen_traverse, Some(gen_clear)),
        "module" => (module_traverse, Some(module_clear)),
        "builtin_function_or_method" => (builtin_method_traverse, None),
        _ => return None,
    })
}
