//! Frame objects (`types.FrameType`), made only when someone asks for one.
//!
//! The loop's frames are plain records ([`Frame`]) in each run's own vector, as CPython's
//! `_PyInterpreterFrame`s are. A frame object is a view of one record, created on demand
//! (`sys._getframe`, a traceback entry, a trace event, `gi_frame`) and remembered in the
//! record's `frame_obj` cell so that the frame keeps one identity (CPython's
//! `_PyFrame_GetFrameObject`).
//!
//! **Finding the record.** Every run of the loop links itself into a per-thread chain of runs
//! ([`RunLink`], pushed by [`enter_run`] and popped by its guard), so the thread's Python
//! frames, innermost first, are the records of the newest run from its end, then those of the
//! run below, and so on — `f_back` is the next record in that walk. A live frame object finds
//! its record by walking the chain for the record whose `frame_obj` is itself (frames are
//! reached rarely, and the walk is as long as the stack).
//!
//! **Detaching.** When a record is popped (return, an exception leaving it, a generator's
//! `yield`), [`detach`] copies what the object still needs — the last instruction, the
//! localsplus values and the frame below (materialised, as CPython's `take_ownership` does) —
//! into the object, which answers from that snapshot from then on. A generator keeps its frame
//! object while suspended ([`SavedFrame::frame_obj`]) and re-attaches it when resumed, so
//! `gi_frame` keeps one identity too. A frame object read from another thread than the one
//! running its frame answers from its last snapshot (the walk covers only the reading thread).
//!
//! **`f_locals`.** A module or class body frame answers its locals mapping. A function frame
//! answers a `FrameLocalsProxy` ([`super::frame_locals`], PEP 667): reads and writes go through
//! to the frame's variables (cells included) while it runs.

use std::cell::{Cell, OnceCell, RefCell};
use std::ptr::NonNull;

use super::Frame;
use crate::error::{PyErr, PyResult};
use crate::object::PyObject;
use crate::object::alloc::drop_and_free;
use crate::object::builtin::{GetSetDef, MethodDef, args};
use crate::object::code::as_code;
use crate::object::immortal::{TypeSpec, new_static_type, types};
use crate::object::int::{new_bool, new_int};
use crate::object::obj::Obj;
use crate::object::str::new_str;
use crate::object::typeobj::TypeObject;

/// One run of the loop in the thread's chain of runs.
pub(super) struct RunLink {
    prev: *const RunLink,
    frames: *const Vec<Frame>,
}

thread_local! {
    static TOP_RUN: Cell<*const RunLink> = const { Cell::new(std::ptr::null()) };
}

/// Unlinks a run when it ends.
pub(super) struct RunGuard {
    prev: *const RunLink,
}

impl Drop for RunGuard {
    #[inline]
    fn drop(&mut self) {
        TOP_RUN.with(|t| t.set(self.prev));
    }
}

impl RunLink {
    /// A link for the run whose records are `frames`.
    #[inline]
    pub(super) fn new(frames: &Vec<Frame>) -> RunLink {
        RunLink { prev: std::ptr::null(), frames }
    }
}

/// Links `link` (a local of the run, which outlives the guard) on top of the thread's runs.
#[inline]
pub(super) fn enter_run(link: &mut RunLink) -> RunGuard {
    let prev = TOP_RUN.with(|t| t.replace(link as *const RunLink));
    link.prev = prev;
    RunGuard { prev }
}

/// Walks the thread's Python frames, innermost first, until `f` answers.
///
/// `f` gets the record and its localsplus window (mutable: `f_locals` writes through it).
fn walk<R>(mut f: impl FnMut(&Frame, &mut [Option<Obj>]) -> Option<R>) -> Option<R> {
    let mut link = TOP_RUN.with(Cell::get);
    while !link.is_null() {
        // SAFETY: a link is a local of a run of the loop that is still running on this thread
        // (its guard unlinks it before the run returns). While native code runs — the only
        // time a walk happens — the runs below do not touch their frame vectors or windows:
        // the innermost one is suspended in the call that leads here, and each outer one in
        // the native call that started the run above it. Every record in a run's vector has
        // its window on the thread's data stack (`Frame::window`).
        unsafe {
            let l = &*link;
            let frames = &*l.frames;
            for frame in frames.iter().rev() {
                let window = frame.localsplus();
                if let Some(r) = f(frame, window) {
                    return Some(r);
                }
            }
            link = l.prev;
        }
    }
    None
}

/// A frame object.
#[repr(C)]
pub(crate) struct FrameObject {
    ob_base: PyObject,
    code: Obj,
    globals: Obj,
    builtins: Obj,
    /// The locals mapping of a module or class body frame.
    locals_mapping: Option<Obj>,
    /// Whether a record of a running (or suspended generator) frame holds this object.
    live: Cell<bool>,
    /// What the object answers with once detached.
    snapshot: RefCell<Snapshot>,
    /// `f_trace`, `f_trace_lines`, `f_trace_opcodes`.
    pub(super) trace: RefCell<Option<Obj>>,
    pub(super) trace_lines: Cell<bool>,
    pub(super) trace_opcodes: Cell<bool>,
    /// The last instruction the line tracer saw, and whether it was `RESUME`.
    prev_traced: Cell<(Option<usize>, bool)>,
}

#[derive(Default)]
struct Snapshot {
    lasti: usize,
    /// The localsplus values when the frame was detached.
    locals: SnapshotLocals,
    back: Option<Obj>,
}

/// Localsplus values a snapshot keeps in the frame object itself; more go to a vector.
const INLINE_LOCALS: usize = 4;

/// A detached frame's localsplus values. Most frames an exception leaves (each gets a frame
/// object for its traceback entry) have a few, so those live in the object: no allocation of
/// their own, none to free with the traceback.
enum SnapshotLocals {
    Inline { len: u8, values: [Option<Obj>; INLINE_LOCALS] },
    Heap(Vec<Option<Obj>>),
}

impl Default for SnapshotLocals {
    fn default() -> Self {
        SnapshotLocals::Inline { len: 0, values: Default::default() }
    }
}

impl SnapshotLocals {
    /// New references to the values of `window`.
    fn copy_of(window: &[Option<Obj>]) -> SnapshotLocals {
        if window.len() > INLINE_LOCALS {
            return SnapshotLocals::Heap(window.to_vec());
        }
        let mut values: [Option<Obj>; INLINE_LOCALS] = Default::default();
        values[..window.len()].clone_from_slice(window);
        SnapshotLocals::Inline { len: window.len() as u8, values }
    }

    fn as_slice(&self) -> &[Option<Obj>] {
        match self {
            SnapshotLocals::Inline { len, values } => &values[..usize::from(*len)],
            SnapshotLocals::Heap(v) => v,
        }
    }

    fn as_mut_slice(&mut self) -> &mut [Option<Obj>] {
        match self {
            SnapshotLocals::Inline { len, values } => &mut values[..usize::from(*len)],
            SnapshotLocals::Heap(v) => v,
        }
    }
}

pub(crate) fn as_frame(o: &PyObject) -> Option<&FrameObject> {
    if std::ptr::eq(o.type_object(), types().frame_types.frame) {
        // SAFETY: frame instances are FrameObject.
        Some(unsafe { o.cast::<FrameObject>() })
    } else {
        None
    }
}

fn frame_of(o: &PyObject) -> &FrameObject {
    as_frame(o).expect("a frame object")
}

fn new_frame_object(
    code: &Obj,
    globals: &Obj,
    builtins: &Obj,
    locals: Option<&Obj>,
    live: bool,
    snapshot: Snapshot,
) -> PyResult<Obj> {
    // A running frame's object starts untracked — its values are on the eval loop's stack —
    // and is tracked once the frame is detached (CPython tracks a frame object when it takes
    // ownership of its frame: `gc.is_tracked(sys._getframe())` is False).
    let alloc = if live { crate::object::alloc::alloc_sized_untracked } else { crate::object::alloc::alloc_sized };
    // SAFETY: FrameObject starts with the header; its deallocator drops it.
    unsafe {
        alloc(types().frame_types.frame, size_of::<FrameObject>(), |ob_base| FrameObject {
            ob_base,
            code: code.clone(),
            globals: globals.clone(),
            builtins: builtins.clone(),
            locals_mapping: locals.cloned(),
            live: Cell::new(live),
            snapshot: RefCell::new(snapshot),
            trace: RefCell::new(None),
            trace_lines: Cell::new(true),
            trace_opcodes: Cell::new(false),
            prev_traced: Cell::new((None, false)),
        })
    }
}

/// The frame object of a running record, made on first use.
pub(super) fn materialize(frame: &Frame) -> PyResult<Obj> {
    if let Some(o) = frame.frame_obj.get() {
        return Ok(o.clone());
    }
    let o = new_frame_object(
        &frame.code,
        &frame.globals,
        &frame.builtins,
        frame.locals.as_ref(),
        true,
        Snapshot::default(),
    )?;
    let _ = frame.frame_obj.set(o.clone());
    Ok(o)
}

/// The record `done` (whose localsplus window is `window`) left its run: its frame object, if
/// it has one, answers from a snapshot from now on. `back` is the frame below it (`None` for a
/// suspending generator, whose `f_back` is `None` while suspended).
#[cold]
#[inline(never)]
pub(super) fn detach(done: &mut Frame, window: &[Option<Obj>], with_back: bool) -> Option<Obj> {
    let o = done.frame_obj.take()?;
    let fo = frame_of(&o);
    let back = if with_back { frame_at_depth(0).ok().flatten() } else { None };
    *fo.snapshot.borrow_mut() = Snapshot { lasti: done.lasti, locals: SnapshotLocals::copy_of(window), back };
    fo.live.set(false);
    crate::object::gc::track_if_untracked(&o);
    Some(o)
}

/// A suspended generator's frame is resumed: its frame object (if any) is live again.
pub(super) fn reattach(frame_obj: Option<Obj>) -> OnceCell<Obj> {
    let cell = OnceCell::new();
    if let Some(o) = frame_obj {
        frame_of(&o).live.set(true);
        let _ = cell.set(o);
    }
    cell
}

/// The frame object of a suspended generator frame (`gi_frame`), made on first use and kept
/// with the saved frame.
pub(crate) fn suspended_frame_object(saved: &mut crate::object::generator::SavedFrame) -> PyResult<Obj> {
    if let Some(o) = &saved.frame_obj {
        return Ok(o.clone());
    }
    let n = as_code(&saved.code).map_or(0, |c| c.code.nlocalsplus()).min(saved.sp);
    // SAFETY: the generator is not running (its caller's test), so no record uses the block,
    // and nothing writes it during the copy.
    let locals = SnapshotLocals::copy_of(unsafe { saved.slots.values(n) });
    let snapshot = Snapshot { lasti: saved.lasti, locals, back: None };
    let o = new_frame_object(&saved.code, &saved.globals, &saved.builtins, None, false, snapshot)?;
    saved.frame_obj = Some(o.clone());
    Ok(o)
}

pub(super) fn prev_traced(o: &PyObject) -> (Option<usize>, bool) {
    frame_of(o).prev_traced.get()
}

pub(super) fn set_prev_traced(o: &PyObject, lasti: Option<usize>, resume: bool) {
    frame_of(o).prev_traced.set((lasti, resume));
}

pub(super) fn traces_lines(o: &PyObject) -> bool {
    frame_of(o).trace_lines.get()
}

pub(super) fn traces_opcodes(o: &PyObject) -> bool {
    frame_of(o).trace_opcodes.get()
}

/// The frame object `depth` frames below the innermost one (`sys._getframe(depth)`).
pub(crate) fn frame_at_depth(depth: usize) -> PyResult<Option<Obj>> {
    let mut left = depth;
    walk(|frame, _| {
        if left == 0 {
            Some(materialize(frame))
        } else {
            left -= 1;
            None
        }
    })
    .transpose()
}

/// The frame object of the generator frame that `genobj` runs, if it is running on this thread.
pub(crate) fn running_generator_frame(genobj: &PyObject) -> PyResult<Option<Obj>> {
    walk(|frame, _| match &frame.owner_gen {
        Some(link) if link.is(genobj) => Some(materialize(frame)),
        _ => None,
    })
    .transpose()
}

/// Runs `f` on the live record of `fo` and its localsplus window, if it is live on this thread.
fn with_record<R>(o: &PyObject, f: impl FnOnce(&Frame, &mut [Option<Obj>]) -> R) -> Option<R> {
    if !frame_of(o).live.get() {
        return None;
    }
    let mut f = Some(f);
    walk(|frame, window| match frame.frame_obj.get() {
        Some(x) if std::ptr::eq(&**x, o) => f.take().map(|f| f(frame, window)),
        _ => None,
    })
}

/// The frame's last instruction (a code-unit index).
pub(crate) fn lasti(o: &PyObject) -> usize {
    with_record(o, |frame, _| frame.lasti).unwrap_or_else(|| frame_of(o).snapshot.borrow().lasti)
}

/// The frame's code object.
pub(crate) fn code(o: &PyObject) -> &Obj {
    &frame_of(o).code
}

/// The current line (`f_lineno`), `None` for an instruction without one.
pub(crate) fn lineno(o: &PyObject) -> Option<i32> {
    let code = as_code(code(o))?;
    let i = lasti(o);
    let line = code.positions().get(i).map_or(code.code.firstlineno as i32, |p| p.lineno);
    (line >= 0).then_some(line)
}

/// The localsplus values: live through `f`, else the snapshot's. `f` gets the window and
/// whether it is the live one.
pub(crate) fn with_locals<R>(o: &PyObject, f: impl FnOnce(&mut [Option<Obj>], bool) -> R) -> R {
    let mut f = Some(f);
    if let Some(r) = with_record(o, |_, window| (f.take().expect("called once"))(window, true)) {
        return r;
    }
    let mut snap = frame_of(o).snapshot.borrow_mut();
    (f.take().expect("called once"))(snap.locals.as_mut_slice(), false)
}

fn get_back(o: &PyObject) -> PyResult<Obj> {
    let fo = frame_of(o);
    if fo.live.get() {
        let mut seen = false;
        let back = walk(|frame, _| {
            if seen {
                return Some(materialize(frame));
            }
            if frame.frame_obj.get().is_some_and(|x| std::ptr::eq(&**x, o)) {
                seen = true;
            }
            None
        });
        if seen || back.is_some() {
            return Ok(back.transpose()?.unwrap_or_else(args::none));
        }
    }
    Ok(fo.snapshot.borrow().back.clone().unwrap_or_else(args::none))
}

fn get_locals(o: &PyObject) -> PyResult<Obj> {
    let fo = frame_of(o);
    if let Some(m) = &fo.locals_mapping {
        return Ok(m.clone());
    }
    super::frame_locals::new_proxy(o)
}

fn get_lineno(o: &PyObject) -> PyResult<Obj> {
    match lineno(o) {
        Some(l) => new_int(i64::from(l)),
        None => Ok(args::none()),
    }
}

fn get_trace(o: &PyObject) -> PyResult<Obj> {
    Ok(frame_of(o).trace.borrow().clone().unwrap_or_else(args::none))
}

fn set_trace(o: &PyObject, v: Option<&PyObject>) -> PyResult<()> {
    let v = v.filter(|v| !v.is(crate::object::immortals().none)).map(Obj::new_ref);
    *frame_of(o).trace.borrow_mut() = v;
    Ok(())
}

fn bool_setter(v: Option<&PyObject>, attr: &str) -> PyResult<bool> {
    let v = v.ok_or_else(|| PyErr::attribute_error(format!("cannot delete {attr}")))?;
    if !std::ptr::eq(v.type_object(), types().bool_type) {
        return Err(PyErr::type_error(format!("attribute value type must be bool")));
    }
    crate::object::abstract_ops::is_true(v)
}

static FRAME_GETSETS: &[GetSetDef] = &[
    GetSetDef { name: "f_back", get: get_back, set: None },
    GetSetDef { name: "f_code", get: |o| Ok(frame_of(o).code.clone()), set: None },
    GetSetDef { name: "f_globals", get: |o| Ok(frame_of(o).globals.clone()), set: None },
    GetSetDef { name: "f_builtins", get: |o| Ok(frame_of(o).builtins.clone()), set: None },
    GetSetDef { name: "f_locals", get: get_locals, set: None },
    GetSetDef { name: "f_lineno", get: get_lineno, set: None },
    GetSetDef { name: "f_lasti", get: |o| new_int(lasti(o) as i64 * 2), set: None },
    GetSetDef { name: "f_trace", get: get_trace, set: Some(set_trace) },
    GetSetDef {
        name: "f_trace_lines",
        get: |o| Ok(new_bool(frame_of(o).trace_lines.get())),
        set: Some(|o, v| {
            frame_of(o).trace_lines.set(bool_setter(v, "f_trace_lines")?);
            Ok(())
        }),
    },
    GetSetDef {
        name: "f_trace_opcodes",
        get: |o| Ok(new_bool(frame_of(o).trace_opcodes.get())),
        set: Some(|o, v| {
            frame_of(o).trace_opcodes.set(bool_setter(v, "f_trace_opcodes")?);
            Ok(())
        }),
    },
];

/// `frame.clear()`: drops the locals of a finished frame; a running one cannot be cleared.
fn frame_clear(a: &[Obj], k: Option<&PyObject>) -> PyResult<Obj> {
    let a = args::exact("clear", a, k, 1, 1)?;
    let fo = frame_of(&a[0]);
    if fo.live.get() && with_record(&a[0], |_, _| ()).is_some() {
        return Err(PyErr::runtime_error("cannot clear an executing frame"));
    }
    if fo.live.get() {
        // A suspended generator's frame: CPython closes the generator; here the frame's
        // owner keeps its values, so refuse as for a running one.
        return Err(PyErr::runtime_error("cannot clear a suspended frame"));
    }
    let mut snap = fo.snapshot.borrow_mut();
    snap.locals = SnapshotLocals::default();
    snap.back = None;
    *fo.trace.borrow_mut() = None;
    Ok(args::none())
}

static FRAME_METHODS: &[MethodDef] = &[MethodDef::method("clear", frame_clear)];

fn frame_repr(o: &PyObject) -> PyResult<Obj> {
    let code = as_code(code(o)).ok_or_else(|| PyErr::type_error("a frame without code"))?;
    let line = lineno(o).unwrap_or(-1);
    let filename = new_str(&code.code.filename)?;
    let filename = crate::object::abstract_ops::repr(&filename)?;
    let filename = crate::object::str::str_value(&filename).unwrap_or("?").to_owned();
    new_str(&format!(
        "<frame at {:#x}, file {filename}, line {line}, code {}>",
        o as *const PyObject as usize, code.code.name
    ))
}

/// # Safety
///
/// See [`crate::object::typeobj::DeallocFn`].
unsafe fn dealloc_frame(op: NonNull<PyObject>) {
    // SAFETY: forwarded contract.
    unsafe { drop_and_free::<FrameObject>(op) }
}

/// The frame types, made with the static types.
pub(crate) struct FrameTypes {
    /// `frame`
    pub frame: &'static TypeObject,
    /// `FrameLocalsProxy`
    pub locals_proxy: &'static TypeObject,
}

/// The cycle collector's `traverse` (`frame_tp_traverse`): code, namespaces, the trace
/// function, and — once detached — the snapshot of its locals and the frame below. A live
/// frame's values are on the eval loop's stack, which the collector counts as outside.
fn frame_gc_traverse(o: &PyObject, visit: &mut dyn FnMut(&PyObject)) {
    let fo = frame_of(o);
    for x in [&fo.code, &fo.globals, &fo.builtins] {
        visit(x);
    }
    if let Some(l) = &fo.locals_mapping {
        visit(l);
    }
    if let Ok(t) = fo.trace.try_borrow()
        && let Some(t) = t.as_deref()
    {
        visit(t);
    }
    if let Ok(snap) = fo.snapshot.try_borrow() {
        for x in snap.locals.as_slice().iter().flatten().chain(&snap.back) {
            visit(x);
        }
    }
}

/// The collector's `clear` (`frame_tp_clear`): drops a garbage frame's snapshot and trace
/// function.
fn frame_gc_clear(o: &PyObject) {
    let fo = frame_of(o);
    let snap = fo.snapshot.try_borrow_mut().map(|mut s| std::mem::take(&mut *s)).ok();
    let trace = fo.trace.try_borrow_mut().ok().and_then(|mut t| t.take());
    drop((snap, trace));
}

pub(crate) fn make_frame_types(
    type_type: &'static TypeObject,
    object_type: &'static TypeObject,
    specs: &mut Vec<TypeSpec>,
) -> FrameTypes {
    let frame = new_static_type(type_type, "frame", size_of::<FrameObject>(), 0, dealloc_frame, |t| {
        t.repr = Some(frame_repr);
        t.hash = Some(crate::object::core_types::object_hash);
        t.traverse = Some(frame_gc_traverse);
        t.clear = Some(frame_gc_clear);
    });
    let locals_proxy = super::frame_locals::make_type(type_type);
    specs.push(TypeSpec { ty: frame, base: Some(object_type), methods: FRAME_METHODS, getsets: FRAME_GETSETS });
    specs.push(TypeSpec {
        ty: locals_proxy,
        base: Some(object_type),
        methods: super::frame_locals::METHODS,
        getsets: &[],
    });
    FrameTypes { frame, locals_proxy }
}
