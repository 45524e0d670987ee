//! The `gc` module (CPython's `Modules/gcmodule.c`) over the cycle collector
//! ([`crate::object::gc`]) and the interpreter's tracked-object lists
//! ([`crate::alloc::gc_heads`]).
//!
//! A collection of generation `g` ([`collect_now`], `gc_collect_main`): the `"start"` phase of
//! `gc.callbacks`; with the world stopped (free-threaded interpreters; with a lock, holding it
//! is enough), the garbage of generations `0..=g` is found, the survivors move to the next
//! generation and the weak references to the garbage are cleared; with the world running, since
//! finalizers and weak reference callbacks run Python code, the garbage is destroyed (or, with
//! `DEBUG_SAVEALL`, appended to `gc.garbage`); then the counts and statistics, and the `"stop"`
//! phase. Automatic collections: an allocation that takes the young count past the first
//! threshold sets the thread's GC breaker bit, and the next breaker check runs
//! [`run_scheduled`], which collects the oldest generation whose count passed its threshold
//! (`gc_collect_generations`).
//!
//! `get_objects`, `get_referrers` and `freeze` read the lists with the world stopped too: no
//! other thread can free an object between the walk and the new reference.

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

/// `DEBUG_STATS`: statistics on stderr.
const DEBUG_STATS: u32 = 1;
/// `DEBUG_COLLECTABLE`: each collectable object found, on stderr.
const DEBUG_COLLECTABLE: u32 = 2;
/// `DEBUG_UNCOLLECTABLE` (no object is uncollectable since PEP 442).
const DEBUG_UNCOLLECTABLE: u32 = 4;
/// `DEBUG_SAVEALL`: the garbage goes to `gc.garbage` instead of being freed.
const DEBUG_SAVEALL: u32 = 32;

/// The module, made on import.
pub fn make_module() -> PyResult<Obj> {
    let m = new_builtin_module("gc", GC_FUNCTIONS)?;
    super::module_set(&m, "garbage", super::gc_list(true, true)?.expect("made"))?;
    super::module_set(&m, "callbacks", super::gc_list(false, true)?.expect("made"))?;
    for (name, v) in [
        ("DEBUG_STATS", DEBUG_STATS),
        ("DEBUG_COLLECTABLE", DEBUG_COLLECTABLE),
        ("DEBUG_UNCOLLECTABLE", DEBUG_UNCOLLECTABLE),
        ("DEBUG_SAVEALL", DEBUG_SAVEALL),
        ("DEBUG_LEAK", DEBUG_COLLECTABLE | DEBUG_UNCOLLECTABLE | DEBUG_SAVEALL),
    ] {
        super::module_set(&m, name, new_int(v as i64)?)?;
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
    MethodDef::function("get_stats", get_stats),
    MethodDef::function("get_debug", get_debug),
    MethodDef::function("set_debug", set_debug),
    MethodDef::function("is_tracked", is_tracked),
    MethodDef::function("is_finalized", is_finalized),
    MethodDef::function("get_objects", get_objects),
    MethodDef::function("get_referrers", get_referrers),
    MethodDef::function("get_referents", get_referents),
    MethodDef::function("freeze", freeze),
    MethodDef::function("unfreeze", unfreeze),
    MethodDef::function("get_freeze_count", get_freeze_count),
];

fn current() -> &'static ThreadState {
    thread_state::current_or_fatal("gc")
}

/// The interpreter's lists of tracked objects.
fn gc_heads(ts: &ThreadState) -> &crate::alloc::gc_heads::GcHeads {
    &ts.interp_state().memory.gc
}

/// The object behind a linked GC head.
///
/// # Safety
///
/// `h` is linked on one of the interpreter's lists, and the world is stopped (or the list's
/// objects otherwise kept alive) while the reference is used.
unsafe fn object_of<'a>(h: std::ptr::NonNull<crate::alloc::gc_heads::GcHead>) -> &'a PyObject {
    // SAFETY: a linked head is followed by a live object (see `object::gc`).
    unsafe { &*(h.as_ptr() as *const u8).add(crate::alloc::gc_heads::GC_HEAD_SIZE).cast::<PyObject>() }
}

/// Whether `o`, on a list, is an ordinary live object: not the garbage of a running collection
/// (its finalizers may call the `gc` functions), nor an object whose deallocation the trashcan
/// deferred.
fn listed(o: &PyObject) -> bool {
    o.refcnt() > 0 && o.ob_gc_bits.load(Ordering::Relaxed) & gc_bits::UNREACHABLE == 0
}

/// Calls each of `gc.callbacks` with `phase` and the info dict (`invoke_gc_callback`); an error
/// is unraisable.
fn invoke_callbacks(phase: &str, generation: usize, collected: usize) {
    let Ok(Some(list)) = super::gc_list(false, false) else { return };
    let Some(callbacks) = crate::object::list::as_list(&list).map(|l| l.items().to_vec()) else { return };
    if callbacks.is_empty() {
        return;
    }
    let args = (|| -> PyResult<(Obj, Obj)> {
        let info = crate::object::dict::new_dict()?;
        let d = crate::object::dict::as_dict(&info).expect("a dict");
        for (k, v) in [("generation", generation), ("collected", collected), ("uncollectable", 0)] {
            d.set(crate::object::str::new_str(k)?, new_int(v as i64)?)?;
        }
        Ok((crate::object::str::new_str(phase)?, info))
    })();
    let Ok((phase, info)) = args else { return };
    for cb in callbacks {
        if let Err(e) = crate::object::abstract_ops::call(&cb, &[phase.clone(), info.clone()], None) {
            crate::object::finalize::write_unraisable(e, &cb);
        }
    }
}

/// A collection of generations `0..=generation` with `gc.callbacks` (`gc_collect_with_callback`);
/// the number of unreachable objects found (0 when a collection is already running on this
/// interpreter).
pub(crate) fn collect_now(ts: &ThreadState, generation: usize) -> usize {
    collect_generation(ts, generation, true)
}

/// The collections of interpreter finalization (`_PyGC_CollectNoFail`: no callbacks).
pub(crate) fn collect_at_exit(ts: &ThreadState) -> usize {
    collect_generation(ts, 2, false)
}

fn collect_generation(ts: &ThreadState, generation: usize, callbacks: bool) -> usize {
    let gc = gc_heads(ts);
    if !gc.begin_collecting() {
        return 0;
    }
    if callbacks {
        invoke_callbacks("start", generation, 0);
    }
    let debug = gc.settings().debug;
    let started = std::time::Instant::now();
    if debug & DEBUG_STATS != 0 {
        let sizes = gc.generation_sizes();
        let _ = crate::object::textio::flush_stdout();
        eprint!(
            "gc: collecting generation {generation}...\ngc: objects in each generation: {} {} {}\n\
             gc: objects in permanent generation: {}\n",
            sizes[0],
            sizes[1],
            sizes[2],
            gc.freeze_count()
        );
    }
    let garbage = {
        let _stopped = crate::state::stw::stop_the_world(ts);
        crate::object::gc::untrack_atomic_containers(gc, generation);
        let found = crate::object::gc::find_garbage(gc, generation);
        gc.promote(generation);
        crate::object::gc::prepare_garbage(found)
    };
    let report = |objects: &[Obj]| {
        if debug & DEBUG_COLLECTABLE != 0 {
            let _ = crate::object::textio::flush_stdout();
            for o in objects {
                eprintln!("gc: collectable <{} {:#x}>", o.type_object().name(), o.addr());
            }
        }
    };
    let saved = super::gc_list(true, debug & DEBUG_SAVEALL != 0).ok().flatten();
    let save = |o: &Obj| {
        if let Some(l) = saved.as_deref().and_then(crate::object::list::as_list) {
            l.push(o.clone());
        }
    };
    let found = crate::object::gc::destroy_garbage(
        garbage,
        &report,
        if debug & DEBUG_SAVEALL != 0 { Some(&save) } else { None },
    );
    if debug & DEBUG_STATS != 0 {
        eprintln!("gc: done, {found} unreachable, 0 uncollectable, {:.4}s elapsed", started.elapsed().as_secs_f64());
    }
    gc.collected(generation, found);
    if callbacks {
        invoke_callbacks("stop", generation, found);
    }
    gc.end_collecting();
    found
}

/// The GC breaker bit was set: collect the generation that is due, if collection is enabled.
pub(crate) fn run_scheduled(ts: &ThreadState) {
    let gc = gc_heads(ts);
    if gc.settings().enabled
        && let Some(generation) = gc.due_generation()
    {
        collect_now(ts, generation);
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
    let generation = match generation {
        Some(g) => crate::object::abstract_ops::index_isize(&g)?,
        None => 2,
    };
    if !(0..=2).contains(&generation) {
        return Err(PyErr::value_error("invalid generation"));
    }
    new_int(collect_now(current(), generation as usize) as i64)
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

/// `get_objects(generation=None)`: every tracked object alive (of one generation).
fn get_objects(argv: &[Obj], kwnames: Option<&PyObject>) -> PyResult<Obj> {
    let pos = args::positional(argv, kwnames);
    if pos.len() > 1 {
        return Err(PyErr::type_error(format!("get_objects() takes at most 1 argument ({} given)", pos.len())));
    }
    let mut generation = pos.first().cloned();
    for (k, v) in args::keywords(argv, kwnames) {
        if k != "generation" || generation.is_some() {
            return Err(PyErr::type_error(format!("get_objects() got an unexpected keyword argument '{k}'")));
        }
        generation = Some(v.clone());
    }
    let mut which = None;
    if let Some(g) = generation.filter(|g| !g.is(immortals().none)) {
        let g = crate::object::abstract_ops::index_isize(&g)?;
        if g >= 3 {
            return Err(PyErr::value_error(
                "generation parameter must be less than the number of available generations (3)",
            ));
        }
        // -1 is the argument converter's "None" (every generation).
        if g < -1 {
            return Err(PyErr::value_error("generation parameter cannot be negative"));
        }
        which = usize::try_from(g).ok();
    }
    let ts = current();
    let objects: Vec<Obj> = {
        // The references are taken with the world stopped: no other thread can free an object
        // between the walk of the list and its increment.
        let _stopped = crate::state::stw::stop_the_world(ts);
        gc_heads(ts)
            .snapshot(which)
            .into_iter()
            // SAFETY: linked heads, the world stopped.
            .map(|h| unsafe { object_of(h) })
            .filter(|o| listed(o))
            .map(Obj::new_ref)
            .collect()
    };
    crate::object::list::new_list(objects)
}

/// `get_referrers(*objs)`: the tracked objects of the three generations that refer to any of
/// `objs` (found by their `traverse`).
fn get_referrers(argv: &[Obj], kwnames: Option<&PyObject>) -> PyResult<Obj> {
    args::no_keywords("get_referrers", kwnames)?;
    let targets: std::collections::HashSet<usize> = argv.iter().map(|o| o.addr()).collect();
    let ts = current();
    let found: Vec<Obj> = {
        let _stopped = crate::state::stw::stop_the_world(ts);
        gc_heads(ts)
            .snapshot(None)
            .into_iter()
            // SAFETY: linked heads, the world stopped.
            .map(|h| unsafe { object_of(h) })
            .filter(|o| listed(o) && !targets.contains(&o.addr()))
            .filter(|o| {
                let mut refers = false;
                crate::object::gc::traverse(o, &mut |child| refers |= targets.contains(&child.addr()));
                refers
            })
            .map(Obj::new_ref)
            .collect()
    };
    crate::object::list::new_list(found)
}

/// `get_referents(*objs)`: what each of `objs` refers to, by its type's `traverse` (nothing for
/// an object the collector does not track).
fn get_referents(argv: &[Obj], kwnames: Option<&PyObject>) -> PyResult<Obj> {
    args::no_keywords("get_referents", kwnames)?;
    let mut out = Vec::new();
    for o in argv {
        // Every object of a type with `traverse` (`_PyObject_IS_GC`), tracked or not.
        if o.ob_gc_bits.load(Ordering::Relaxed) & gc_bits::HEAD != 0 {
            crate::object::gc::traverse(o, &mut |child| out.push(Obj::new_ref(child)));
        }
    }
    crate::object::list::new_list(out)
}

/// `get_stats()`: per generation, `{"collections", "collected", "uncollectable"}`.
fn get_stats(argv: &[Obj], kwnames: Option<&PyObject>) -> PyResult<Obj> {
    args::exact("get_stats", argv, kwnames, 0, 0)?;
    let stats = gc_heads(current()).settings().stats;
    let mut out = Vec::new();
    for s in stats {
        let d = crate::object::dict::new_dict()?;
        let dict = crate::object::dict::as_dict(&d).expect("a dict");
        for (k, v) in [("collections", s.collections), ("collected", s.collected), ("uncollectable", s.uncollectable)] {
            dict.set(crate::object::str::new_str(k)?, new_int(v as i64)?)?;
        }
        out.push(d);
    }
    crate::object::list::new_list(out)
}

fn get_debug(argv: &[Obj], kwnames: Option<&PyObject>) -> PyResult<Obj> {
    args::exact("get_debug", argv, kwnames, 0, 0)?;
    new_int(gc_heads(current()).settings().debug as i64)
}

/// `set_debug(flags)`.
fn set_debug(argv: &[Obj], kwnames: Option<&PyObject>) -> PyResult<Obj> {
    let [flags] = args::exact("set_debug", argv, kwnames, 1, 1)? else { unreachable!("one argument") };
    let flags = crate::object::abstract_ops::index_isize(flags)? as u32;
    if flags & DEBUG_SAVEALL != 0 {
        super::gc_list(true, true)?;
    }
    gc_heads(current()).update(|s| s.debug = flags);
    Ok(none())
}

/// `freeze()`: every tracked object moves to the permanent generation, which no collection
/// examines (`gc.freeze()`).
fn freeze(argv: &[Obj], kwnames: Option<&PyObject>) -> PyResult<Obj> {
    args::exact("freeze", argv, kwnames, 0, 0)?;
    let ts = current();
    let _stopped = crate::state::stw::stop_the_world(ts);
    gc_heads(ts).freeze();
    Ok(none())
}

fn unfreeze(argv: &[Obj], kwnames: Option<&PyObject>) -> PyResult<Obj> {
    args::exact("unfreeze", argv, kwnames, 0, 0)?;
    let ts = current();
    let _stopped = crate::state::stw::stop_the_world(ts);
    gc_heads(ts).unfreeze();
    Ok(none())
}

fn get_freeze_count(argv: &[Obj], kwnames: Option<&PyObject>) -> PyResult<Obj> {
    args::exact("get_freeze_count", argv, kwnames, 0, 0)?;
    new_int(gc_heads(current()).freeze_count() as i64)
}
