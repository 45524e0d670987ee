//! The `gc` module (CPython's `Modules/gcmodule.c`) over the cycle collector
//! ([`crate::object::gc`]) and the interpreter's tracked-object list
//! ([`crate::alloc::gc_heads`]).
//!
//! A collection finds garbage with the world stopped (free-threaded interpreters; with a lock,
//! holding it is enough) and destroys it with the world running, since finalizers and weak
//! reference callbacks run Python code. Automatic collections: an allocation that takes the
//! young count past the first threshold sets the thread's GC breaker bit, and the next breaker
//! check runs [`run_scheduled`]. pyrt has one generation: every collection is a full one, and
//! the older counts of `get_count()` advance as CPython's would.

use super::new_builtin_module;
use crate::error::{PyErr, PyResult};
use crate::object::PyObject;
use crate::object::builtin::{MethodDef, args};
use crate::object::header::gc_bits;
use crate::object::immortal::immortals;
use crate::object::int::new_int;
use crate::object::obj::Obj;
use crate::state::thread_state::{self, ThreadState};
use crate::sync::Ordering;

/// The module, made on import.
pub fn make_module() -> PyResult<Obj> {
    let m = new_builtin_module("gc", GC_FUNCTIONS)?;
    super::module_set(&m, "garbage", crate::object::list::new_list(Vec::new())?)?;
    for (name, v) in [
        ("DEBUG_STATS", 1),
        ("DEBUG_COLLECTABLE", 2),
        ("DEBUG_UNCOLLECTABLE", 4),
        ("DEBUG_SAVEALL", 32),
        ("DEBUG_LEAK", 38),
    ] {
        super::module_set(&m, name, new_int(v)?)?;
    }
    Ok(m)
}

static GC_FUNCTIONS: &[MethodDef] = &[
    MethodDef::function("collect", collect),
    MethodDef::function("enable", enable),
    MethodDef::function("disable", disable),
    MethodDef::function("isenabled", isenabled),
    MethodDef::function("get_threshold", get_threshold),
    MethodDef::function("set_threshold", set_threshold),
    MethodDef::function("get_count", get_count),
    MethodDef::function("is_tracked", is_tracked),
    MethodDef::function("is_finalized", is_finalized),
    MethodDef::function("get_objects", get_objects),
];

fn current() -> &'static ThreadState {
    thread_state::current_or_fatal("gc")
}

/// The interpreter's list of tracked objects.
fn gc_heads(ts: &ThreadState) -> &crate::alloc::gc_heads::GcHeads {
    &ts.interp_state().memory.gc
}

/// One full collection; the number of unreachable objects found (0 when a collection is
/// already running on this interpreter).
pub(crate) fn collect_now(ts: &ThreadState) -> usize {
    let gc = gc_heads(ts);
    if !gc.begin_collecting() {
        return 0;
    }
    let garbage = {
        let _stopped = crate::state::stw::stop_the_world(ts);
        crate::object::gc::prepare_garbage(crate::object::gc::find_garbage(gc))
    };
    let found = crate::object::gc::destroy_garbage(garbage);
    gc.collected();
    gc.end_collecting();
    found
}

/// The GC breaker bit was set: collect if collection is enabled.
pub(crate) fn run_scheduled(ts: &ThreadState) {
    if gc_heads(ts).settings().enabled {
        collect_now(ts);
    }
}

fn none() -> Obj {
    Obj::new_ref(immortals().none)
}

fn bool_obj(b: bool) -> Obj {
    Obj::new_ref(if b { &immortals().true_.ob_base } else { &immortals().false_.ob_base })
}

/// `collect(generation=2)`.
fn collect(argv: &[Obj], kwnames: Option<&PyObject>) -> PyResult<Obj> {
    let pos = args::positional(argv, kwnames);
    let mut generation = pos.first().cloned();
    if pos.len() > 1 {
        return Err(PyErr::type_error(format!("collect() takes at most 1 argument ({} given)", pos.len())));
    }
    for (k, v) in args::keywords(argv, kwnames) {
        if k != "generation" || generation.is_some() {
            return Err(PyErr::type_error(format!("collect() got an unexpected keyword argument '{k}'")));
        }
        generation = Some(v.clone());
    }
    if let Some(g) = generation {
        let g = crate::object::abstract_ops::index_isize(&g)?;
        if !(0..=2).contains(&g) {
            return Err(PyErr::value_error("invalid generation"));
        }
    }
    new_int(collect_now(current()) as i64)
}

fn enable(argv: &[Obj], kwnames: Option<&PyObject>) -> PyResult<Obj> {
    args::exact("enable", argv, kwnames, 0, 0)?;
    gc_heads(current()).update(|s| s.enabled = true);
    Ok(none())
}

fn disable(argv: &[Obj], kwnames: Option<&PyObject>) -> PyResult<Obj> {
    args::exact("disable", argv, kwnames, 0, 0)?;
    gc_heads(current()).update(|s| s.enabled = false);
    Ok(none())
}

fn isenabled(argv: &[Obj], kwnames: Option<&PyObject>) -> PyResult<Obj> {
    args::exact("isenabled", argv, kwnames, 0, 0)?;
    Ok(bool_obj(gc_heads(current()).settings().enabled))
}

fn get_threshold(argv: &[Obj], kwnames: Option<&PyObject>) -> PyResult<Obj> {
    args::exact("get_threshold", argv, kwnames, 0, 0)?;
    let t = gc_heads(current()).settings().thresholds;
    crate::object::tuple::new_tuple(vec![new_int(t[0] as i64)?, new_int(t[1] as i64)?, new_int(t[2] as i64)?])
}

/// `set_threshold(threshold0[, threshold1[, threshold2]])`.
fn set_threshold(argv: &[Obj], kwnames: Option<&PyObject>) -> PyResult<Obj> {
    args::no_keywords("set_threshold", kwnames)?;
    if argv.is_empty() || argv.len() > 3 {
        return Err(PyErr::type_error(format!(
            "set_threshold() takes at {} 1 argument ({} given)",
            if argv.is_empty() { "least" } else { "most 3 arguments, got" },
            argv.len()
        )));
    }
    let mut values = [0usize; 3];
    for (slot, v) in values.iter_mut().zip(argv) {
        let n = crate::object::abstract_ops::index_isize(v)?;
        *slot = n.max(0) as usize;
    }
    let n = argv.len();
    gc_heads(current()).update(|s| s.thresholds[..n].copy_from_slice(&values[..n]));
    Ok(none())
}

fn get_count(argv: &[Obj], kwnames: Option<&PyObject>) -> PyResult<Obj> {
    args::exact("get_count", argv, kwnames, 0, 0)?;
    let g = gc_heads(current());
    let older = g.settings().older_counts;
    crate::object::tuple::new_tuple(vec![
        new_int(g.young() as i64)?,
        new_int(older[0] as i64)?,
        new_int(older[1] as i64)?,
    ])
}

fn is_tracked(argv: &[Obj], kwnames: Option<&PyObject>) -> PyResult<Obj> {
    let [o] = args::exact("is_tracked", argv, kwnames, 1, 1)? else { unreachable!("one argument") };
    Ok(bool_obj(o.ob_gc_bits.load(Ordering::Relaxed) & gc_bits::TRACKED != 0))
}

fn is_finalized(argv: &[Obj], kwnames: Option<&PyObject>) -> PyResult<Obj> {
    let [o] = args::exact("is_finalized", argv, kwnames, 1, 1)? else { unreachable!("one argument") };
    Ok(bool_obj(o.ob_gc_bits.load(Ordering::Relaxed) & gc_bits::FINALIZED != 0))
}

/// `get_objects(generation=None)`: every tracked object alive.
fn get_objects(argv: &[Obj], kwnames: Option<&PyObject>) -> PyResult<Obj> {
    let pos = args::positional(argv, kwnames);
    if let Some(g) = pos.first().filter(|g| !g.is(immortals().none)) {
        let g = crate::object::abstract_ops::index_isize(g)?;
        if g >= 3 {
            return Err(PyErr::value_error(
                "generation parameter must be less than the number of available generations (3)",
            ));
        }
        if g < 0 {
            return Err(PyErr::value_error("generation parameter cannot be negative"));
        }
    }
    let ts = current();
    let objects: Vec<Obj> = {
        // The references are taken with the world stopped: no other thread can free an object
        // between the walk of the list and its increment.
        let _stopped = crate::state::stw::stop_the_world(ts);
        gc_heads(ts)
            .snapshot()
            .into_iter()
            // SAFETY: a linked head is followed by a live object (see `object::gc`).
            .map(|h| unsafe {
                &*(h.as_ptr() as *const u8).add(crate::alloc::gc_heads::GC_HEAD_SIZE).cast::<PyObject>()
            })
            // Not the garbage of a running collection (its finalizers may call this), nor an
            // object whose deallocation the trashcan deferred.
            .filter(|o| o.refcnt() > 0 && o.ob_gc_bits.load(Ordering::Relaxed) & gc_bits::UNREACHABLE == 0)
            .map(Obj::new_ref)
            .collect()
    };
    crate::object::list::new_list(objects)
}
