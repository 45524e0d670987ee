//! The cycle collector: CPython's algorithm (`Python/gc.c`, `gc_collect_main`) over the
//! interpreter's tracked objects (`alloc::gc_heads`), generation by generation.
//!
//! # Finding garbage ([`find_garbage`], with the world stopped)
//!
//! 1. For each tracked object with a live count, `gc_refs = refcount`.
//! 2. `subtract_refs`: for each reference a tracked object holds to another (its type's
//!    `traverse`), `gc_refs[target] -= 1`. What is left counts the references from outside
//!    the tracked set: the stack, globals held by untracked objects, the runtime.
//! 3. `move_unreachable`: objects with `gc_refs > 0` are roots; everything reachable from a root
//!    through `traverse` is reachable. The rest is garbage: cycles (and what hangs from them)
//!    that nothing outside refers to. The collector takes a reference to each of them, so none
//!    is freed while it works.
//!
//! Objects whose count is already zero (a deallocation deferred by the trashcan) are left out:
//! their references then count as outside ones, which only keeps more.
//!
//! Still with the world stopped ([`prepare_garbage`]), the garbage is marked unreachable
//! (hidden from `gc.get_objects()`) and the weak references to it are cleared
//! (`gc_free_threading.c`'s `clear_weakrefs`): no thread can reach it through one once the
//! world runs again.
//!
//! # Destroying it ([`destroy_garbage`], with the world running: Python code runs)
//!
//! 4. The callbacks of the cleared weak references that are not garbage themselves run.
//! 5. `finalize_garbage` (PEP 442): `__del__` of each object that has one and has not been
//!    finalized.
//! 6. `handle_resurrected_objects`: if finalizers ran, the analysis is redone on the garbage
//!    alone (counting the collector's own reference): whatever a finalizer made reachable again
//!    — and everything it reaches — is not garbage any more.
//! 7. `delete_garbage`: `clear` each remaining object (dropping the references that form the
//!    cycles), then drop the collector's references: the counts reach zero and the usual
//!    deallocation frees everything.
//!
//! The number returned is the number of unreachable objects deleted, as `gc.collect()` reports
//! (resurrected ones are not counted).

use std::collections::HashMap;

use super::header::{PyObject, gc_bits};
use super::obj::Obj;
use crate::alloc::gc_heads::{GC_HEAD_SIZE, GcHead, GcHeads};
use crate::sync::Ordering;
use std::ptr::NonNull;

/// Phase one: the garbage among the objects of generations `0..=generation` of the interpreter's
/// tracked objects (`gc`), each held by one new reference. References from older generations
/// count as references from outside.
///
/// The caller must have stopped the world (or hold the interpreter's lock): nothing else may
/// change references while this runs. Each object's number in the list is read from its GC
/// head (`GcHeads::numbered`), so the analysis is two passes over the objects and their
/// references, with no table.
pub(crate) fn find_garbage(gc: &GcHeads, generation: usize) -> Vec<Obj> {
    // SAFETY: the analysis only reads objects and takes references to the garbage: it makes
    // and frees no tracked object (temporary references are dropped while their holders keep
    // the objects alive), and reads no links itself.
    unsafe {
        gc.numbered(generation, |heads| {
            let objects: Vec<&PyObject> = heads.iter().map(|h| &*object_of(*h)).collect();
            // Objects whose count is already zero (a deallocation the trashcan deferred) are
            // left out and kept: their references then count as outside ones.
            let mut gc_refs: Vec<isize> =
                objects.iter().map(|o| if o.is_immortal() { 0 } else { o.refcnt().max(0) }).collect();
            let candidate: Vec<bool> = gc_refs.iter().map(|&r| r > 0).collect();
            let number = |o: &PyObject| -> Option<usize> {
                if o.ob_gc_bits.load(Ordering::Relaxed) & gc_bits::TRACKED == 0 {
                    return None;
                }
                // SAFETY: a tracked object's head is in front of it, and linked: numbered when
                // it belongs to a collected generation.
                GcHeads::number_of(NonNull::new_unchecked(
                    (o as *const PyObject as *mut u8).sub(GC_HEAD_SIZE).cast::<GcHead>(),
                ))
            };
            for (i, o) in objects.iter().enumerate() {
                if candidate[i] {
                    traverse(o, &mut |child| {
                        if let Some(j) = number(child) {
                            gc_refs[j] -= 1;
                        }
                    });
                }
            }
            let mut reachable: Vec<bool> = (0..objects.len()).map(|i| !candidate[i] || gc_refs[i] > 0).collect();
            let mut stack: Vec<usize> = (0..objects.len()).filter(|&i| candidate[i] && reachable[i]).collect();
            while let Some(i) = stack.pop() {
                traverse(objects[i], &mut |child| {
                    if let Some(j) = number(child)
                        && !reachable[j]
                    {
                        reachable[j] = true;
                        stack.push(j);
                    }
                });
            }
            objects.iter().zip(reachable).filter(|(_, r)| !r).map(|(o, _)| Obj::new_ref(o)).collect()
        })
    }
}

/// `_PyObject_GC_MAY_BE_TRACKED`: whether `o` is, or may become, a tracked container — an
/// object with a GC head, unless it is a tuple the collector untracked (tuples never become
/// tracked again).
#[inline]
pub(crate) fn may_be_tracked(o: &PyObject) -> bool {
    let bits = o.ob_gc_bits.load(Ordering::Relaxed);
    bits & gc_bits::HEAD != 0
        && (bits & gc_bits::TRACKED != 0 || !std::ptr::eq(o.type_object(), super::immortal::types().tuple_type))
}

/// The GC head of an object allocated with one.
fn head_of(o: &PyObject) -> NonNull<GcHead> {
    // SAFETY: the caller checked the HEAD bit: the head is in front of the object.
    unsafe { NonNull::new_unchecked((o as *const PyObject as *mut u8).sub(GC_HEAD_SIZE).cast::<GcHead>()) }
}

/// `MAINTAIN_TRACKING`: an untracked dict `d` that is given `key` → `value` is tracked if either
/// may be tracked. Called inside the dict's critical section (or under the interpreter's lock),
/// which serialises it with the dict's other writers.
#[inline]
pub(crate) fn maybe_track_dict(d: &PyObject, key: &PyObject, value: &PyObject) {
    if d.ob_gc_bits.load(Ordering::Relaxed) & gc_bits::TRACKED == 0
        && d.ob_gc_bits.load(Ordering::Relaxed) & gc_bits::HEAD != 0
        && (may_be_tracked(key) || may_be_tracked(value))
    {
        track(d);
    }
}

/// Tracks an object allocated untracked (`alloc_sized_untracked`) when it is not tracked yet
/// (a frame object whose frame is detached).
pub(crate) fn track_if_untracked(o: &PyObject) {
    let bits = o.ob_gc_bits.load(Ordering::Relaxed);
    if bits & gc_bits::HEAD != 0 && bits & gc_bits::TRACKED == 0 {
        track(o);
    }
}

/// `_PyObject_GC_TRACK`: links an untracked object that has a GC head into generation 0.
#[cold]
fn track(o: &PyObject) {
    let at = super::attachment::current_or_fatal("gc track");
    // SAFETY: the object has a head (checked by the callers) and is not linked (TRACKED clear).
    unsafe { at.gc_heads().track(head_of(o)) };
    o.ob_gc_bits.fetch_or(gc_bits::TRACKED, Ordering::Relaxed);
}

/// `untrack_tuples` and, for a collection of the oldest generation, `untrack_dicts` (run with the
/// world stopped, before the analysis): exact tuples and dicts of the collected generations
/// whose items cannot be part of a cycle (none may be tracked) leave the lists; such a tuple
/// stays untracked, a dict is tracked again when it is given a container.
pub(crate) fn untrack_atomic_containers(gc: &GcHeads, generation: usize) {
    let types = super::immortal::types();
    let untrack = |o: &PyObject| {
        o.ob_gc_bits.fetch_and(!gc_bits::TRACKED, Ordering::Relaxed);
        // SAFETY: a tracked object's head, linked; nothing else walks the lists meanwhile.
        unsafe { gc.untrack(head_of(o)) };
    };
    for n in 0..=generation {
        for h in gc.snapshot(Some(n)) {
            // SAFETY: a linked head is followed by its live object; the world is stopped.
            let o = unsafe { &*object_of(h) };
            let ty = o.type_object();
            if std::ptr::eq(ty, types.tuple_type) {
                if !super::tuple::items(o).iter().any(|x| may_be_tracked(x)) {
                    untrack(o);
                }
            } else if generation == super::super::alloc::gc_heads::GENERATIONS - 1
                && std::ptr::eq(ty, types.dict_type)
                && let Some(d) = super::dict::as_dict(o)
                // SAFETY: the world is stopped and `may_be_tracked` reads type flags only: nothing
                // writes the table during the read.
                && !unsafe { d.table() }.iter().any(|(k, v)| may_be_tracked(k) || may_be_tracked(v))
            {
                untrack(o);
            }
        }
    }
}

/// The object behind a GC head.
fn object_of(head: NonNull<GcHead>) -> *const PyObject {
    // SAFETY: a head is followed by its object in the same block.
    unsafe { (head.as_ptr() as *const u8).add(GC_HEAD_SIZE).cast::<PyObject>() }
}

/// The type's `traverse`, plus the reference every instance of a class holds to its class
/// (`subtype_traverse`'s `Py_VISIT(type)`: the allocator counts it), visited after the
/// instance's own fields as CPython does for instances of plain classes.
pub(crate) fn traverse(o: &PyObject, visit: &mut dyn FnMut(&PyObject)) {
    let ty = o.type_object();
    if let Some(t) = ty.traverse {
        t(o, visit);
        if ty.is_heap() {
            visit(ty.as_object());
        }
    }
}

/// `subtract_refs` over a small set numbered by a table (the resurrection check).
fn subtract_refs(objects: &[&PyObject], index: &HashMap<usize, usize>, gc_refs: &mut [isize]) {
    for o in objects {
        traverse(o, &mut |child| {
            if let Some(&j) = index.get(&child.addr()) {
                gc_refs[j] -= 1;
            }
        });
    }
}

/// Which objects of a small set are reachable from those referenced from outside.
fn mark_reachable(objects: &[&PyObject], index: &HashMap<usize, usize>, gc_refs: &[isize]) -> Vec<bool> {
    let mut reachable: Vec<bool> = gc_refs.iter().map(|&r| r > 0).collect();
    let mut stack: Vec<usize> = (0..objects.len()).filter(|&i| reachable[i]).collect();
    while let Some(i) = stack.pop() {
        traverse(objects[i], &mut |child| {
            if let Some(&j) = index.get(&child.addr())
                && !reachable[j]
            {
                reachable[j] = true;
                stack.push(j);
            }
        });
    }
    reachable
}

/// The garbage of one collection, prepared while the world is stopped ([`prepare_garbage`]).
pub(crate) struct Garbage {
    objects: Vec<Obj>,
    callbacks: super::weakref::PendingCallbacks,
}

/// The end of phase one, still with the world stopped: the garbage is marked
/// [`gc_bits::UNREACHABLE`] (so that `gc.get_objects()` called by a finalizer or callback
/// does not hand it out, as CPython keeps it off its generations) and the weak references to it
/// are cleared (`clear_weakrefs` in `gc_free_threading.c`: once the world runs again, no thread
/// can reach the garbage through one); their callbacks are kept for phase two.
pub(crate) fn prepare_garbage(objects: Vec<Obj>) -> Garbage {
    for o in &objects {
        o.ob_gc_bits.fetch_or(gc_bits::UNREACHABLE, Ordering::Relaxed);
    }
    let in_garbage: HashMap<usize, ()> = objects.iter().map(|o| (o.addr(), ())).collect();
    let callbacks = super::weakref::clear_for_collector(&objects, &|addr| in_garbage.contains_key(&addr));
    Garbage { objects, callbacks }
}

/// Lets go of objects the collector no longer treats as garbage.
fn let_go(objects: Vec<Obj>) {
    for o in &objects {
        o.ob_gc_bits.fetch_and(!gc_bits::UNREACHABLE, Ordering::Relaxed);
    }
    drop(objects);
}

/// Phase two (see the module docs): weak-reference callbacks, finalizers, resurrection,
/// clearing. `report` sees what is left to delete (`DEBUG_COLLECTABLE`); with `save`
/// (`DEBUG_SAVEALL`) each of those objects is handed to it instead of being cleared. Returns how
/// many unreachable objects were deleted (or saved).
pub(crate) fn destroy_garbage(garbage: Garbage, report: &dyn Fn(&[Obj]), save: Option<&dyn Fn(&Obj)>) -> usize {
    let Garbage { objects: garbage, callbacks } = garbage;
    callbacks.run();
    if garbage.is_empty() {
        return 0;
    }
    let mut finalized = false;
    for o in &garbage {
        if finalize(o) {
            finalized = true;
        }
    }
    let garbage = if finalized {
        let (garbage, resurrected) = split_resurrected(garbage);
        let_go(resurrected);
        garbage
    } else {
        garbage
    };
    // Resurrected objects are not counted (CPython counts what is left to delete).
    let found = garbage.len();
    report(&garbage);
    // A class's dict is about to lose its values (cleared, here or as the class dies): its tag
    // and its subclasses' go first, so that no entry of the type attribute cache keyed on them
    // can be found again (`type_cache.rs`), whatever code the clearing lets run.
    if save.is_none() {
        for t in garbage.iter().filter_map(|o| super::typeobj::as_type(o)).filter(|t| t.is_heap()) {
            super::typeobj::modified(t);
        }
    }
    for o in &garbage {
        match save {
            Some(save) => save(o),
            None => {
                if let Some(clear) = o.type_object().clear {
                    clear(o);
                }
            }
        }
    }
    // What a clear did not free (a type without one, a reference it keeps) survives as an
    // ordinary object again.
    let_go(garbage);
    found
}

/// `finalize_garbage` for one object: the finalizer it has not run yet (`tp_finalize`, once per
/// object: the `FINALIZED` bit) — `__del__` of a class, the close of a suspended generator or
/// coroutine (which runs its `finally` blocks and drops its frame). Whether one ran.
fn finalize(o: &PyObject) -> bool {
    let ty = o.type_object();
    let generator = super::generator::as_gen_or_coro(o).is_some_and(|g| g.is_suspended());
    if !(generator || super::finalize::is_finalizing(ty.dealloc))
        || o.ob_gc_bits.fetch_or(gc_bits::FINALIZED, Ordering::Relaxed) & gc_bits::FINALIZED != 0
    {
        return false;
    }
    if generator {
        if let Err(e) = super::generator::gen_close(o) {
            super::finalize::write_unraisable(e, o);
        }
    } else {
        super::finalize::run_del(o);
    }
    true
}

/// `handle_resurrected_objects`: redoes the analysis on the garbage alone; objects a finalizer
/// made reachable from outside again, and what they reach, are split off (second: alive).
fn split_resurrected(garbage: Vec<Obj>) -> (Vec<Obj>, Vec<Obj>) {
    let objects: Vec<&PyObject> = garbage.iter().map(|o| &**o).collect();
    let index: HashMap<usize, usize> = objects.iter().enumerate().map(|(i, o)| (o.addr(), i)).collect();
    // Minus the collector's own reference.
    let mut gc_refs: Vec<isize> = objects.iter().map(|o| o.refcnt() - 1).collect();
    subtract_refs(&objects, &index, &mut gc_refs);
    let reachable = mark_reachable(&objects, &index, &gc_refs);
    drop(objects);
    let (alive, dead): (Vec<_>, Vec<_>) = garbage.into_iter().zip(reachable).partition(|(_, r)| *r);
    (dead.into_iter().map(|(o, _)| o).collect(), alive.into_iter().map(|(o, _)| o).collect())
}
