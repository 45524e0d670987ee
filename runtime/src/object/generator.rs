//! Generators, coroutines and async generators (CPython's `Objects/genobject.c`).
//!
//! **Layout.** One layout serves the three kinds: a [`GenObject`] owns its frame while the
//! frame is not running — the code, function, globals and builtins it runs with ([`SavedFrame`]) —
//! and the frame's slots, "localsplus" and value stack, in a block of its own ([`FrameBlock`],
//! as CPython embeds the frame in the generator object). `RETURN_GENERATOR` makes the object
//! from the function's fresh frame, moving its slots into the block; resuming makes the block
//! the window of the frame's record in a run of the loop (`crate::eval::generator`) and
//! `YIELD_VALUE` leaves the values there: nothing is copied in or out, nothing allocated.
//!
//! **State.** `Created` (never run), `Suspended` (at a plain `yield`), `SuspendedYieldFrom`
//! (inside `yield from`/`await`: the delegate is the top of the saved stack — `gi_yieldfrom`),
//! `Running`, `Completed` — CPython's `gi_frame_state`.
//!
//! **Protocol.** `send`, `throw` and `close` follow `gen_send_ex2`, `_gen_throw` and
//! `gen_close`: a `throw`/`close` on a generator suspended in `yield from` goes to the delegate
//! first (a generator delegate recursively, anything else through its `throw`/`close`
//! methods); only then is the exception raised in the generator's own frame at its `yield`.
//! Coroutines are awaited through `__await__` (a `coroutine_wrapper` iterator). Async
//! generators yield values wrapped by the `ASYNC_GEN_WRAP` intrinsic; their `asend`/`athrow`
//! awaitables unwrap them into `StopIteration(value)`, which is how `async for` receives each
//! item, and turn the generator's end into `StopAsyncIteration`.

use std::cell::{Cell, RefCell};
use std::ptr::NonNull;
use std::sync::atomic::{AtomicU8, Ordering};

use super::abstract_ops as ops;
use super::alloc::{alloc, drop_and_free};
use super::builtin::{GetSetDef, MethodDef, args};
use super::core_types::{object_hash, object_richcompare};
use super::header::PyObject;
use super::immortal::{TypeSpec, immortals, new_static_type, types, types_known_made};
use super::int::new_bool;
use super::obj::Obj;
use super::str::{new_str, str_value};
use super::typeobj::{TypeObject, as_type};
use crate::error::{PyErr, PyResult};
use crate::eval::generator::{Resumed, resume};

/// Which of the three kinds a [`GenObject`] is.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum GenKind {
    /// A generator (`CO_GENERATOR`).
    Generator,
    /// A coroutine (`CO_COROUTINE`).
    Coroutine,
    /// An async generator (`CO_ASYNC_GENERATOR`).
    AsyncGenerator,
}

impl GenKind {
    fn noun(self) -> &'static str {
        match self {
            GenKind::Generator => "generator",
            GenKind::Coroutine => "coroutine",
            GenKind::AsyncGenerator => "async generator",
        }
    }
}

/// CPython's `gi_frame_state`.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
#[repr(u8)]
pub(crate) enum GenState {
    /// Made by `RETURN_GENERATOR`, never resumed.
    Created,
    /// Suspended at a `yield`.
    Suspended,
    /// Suspended inside `yield from` / `await` (the delegate is on top of the stack).
    SuspendedYieldFrom,
    /// Its frame is running.
    Running,
    /// Returned or raised; the frame is gone.
    Completed,
}

impl GenState {
    fn from_u8(v: u8) -> GenState {
        match v {
            0 => GenState::Created,
            1 => GenState::Suspended,
            2 => GenState::SuspendedYieldFrom,
            3 => GenState::Running,
            _ => GenState::Completed,
        }
    }
}

/// A generator's frame while it does not run.
pub(crate) struct SavedFrame {
    /// The code object.
    pub code: Obj,
    /// The function it was made from. It moves into the frame record while the frame runs
    /// (`None` here then, and once it finished): resuming and suspending move it instead of
    /// counting references.
    pub func: Option<Obj>,
    /// Its globals. This, `code` and `builtins` stay here while the frame runs: its record
    /// borrows them (the record holds a pointer to this generator, which its resumer keeps
    /// alive, and these three fields are never replaced), so a resumption counts no
    /// references for them.
    pub globals: Obj,
    /// Its builtins.
    pub builtins: Obj,
    /// The frame's slots (localsplus, then the value stack), made once at `RETURN_GENERATOR`:
    /// while the frame runs, its record's window is this block (no copy in or out); empty
    /// once the generator finished.
    pub slots: FrameBlock,
    /// How many of `slots` are live while the frame is suspended (its localsplus and stack).
    pub sp: usize,
    /// The next instruction.
    pub ip: usize,
    /// The last instruction run.
    pub lasti: usize,
    /// Its frame object, once someone asked for it (kept while suspended, see
    /// `eval::frame_object`).
    pub frame_obj: Option<Obj>,
}

/// A generator frame's block of slots: the frame's window while it runs, its saved localsplus
/// and value stack while it is suspended (CPython embeds the frame in the generator object;
/// here it is one allocation made with the generator). The running frame's record addresses
/// the slots through its own pointer while the saved frame may be borrowed, so the block is
/// held through a raw pointer, not a `Box` (which would claim unique access to them).
pub(crate) struct FrameBlock {
    ptr: NonNull<Option<Obj>>,
    len: usize,
}

impl FrameBlock {
    /// A block of `len` empty slots; `MemoryError` when the allocator cannot give it.
    pub(crate) fn new(len: usize) -> PyResult<FrameBlock> {
        let mut v: Vec<Option<Obj>> = Vec::new();
        v.try_reserve_exact(len).map_err(|_| PyErr::from_kind(crate::ExcKind::MemoryError))?;
        v.resize_with(len, || None);
        let raw = Box::into_raw(v.into_boxed_slice());
        Ok(FrameBlock { ptr: NonNull::new(raw.cast::<Option<Obj>>()).expect("a boxed slice's pointer"), len })
    }

    /// The number of slots.
    #[inline]
    pub(crate) fn len(&self) -> usize {
        self.len
    }

    /// The first slot.
    #[inline]
    pub(crate) fn as_ptr(&self) -> NonNull<Option<Obj>> {
        self.ptr
    }

    /// The first `n` slots (at most all of them).
    ///
    /// # Safety
    ///
    /// The frame is not running (no record uses the block) and nothing writes the slots while
    /// the returned slice is used.
    #[inline]
    pub(crate) unsafe fn values(&self, n: usize) -> &[Option<Obj>] {
        // SAFETY: `ptr` is the start of `len` initialised slots (or dangling with `len` 0), and
        // the caller's contract excludes writers.
        unsafe { std::slice::from_raw_parts(self.ptr.as_ptr(), n.min(self.len)) }
    }
}

impl Default for FrameBlock {
    /// No slots (a finished generator's).
    fn default() -> FrameBlock {
        FrameBlock { ptr: NonNull::dangling(), len: 0 }
    }
}

impl Drop for FrameBlock {
    fn drop(&mut self) {
        // SAFETY: made by `Box::into_raw` of a boxed slice of `len` slots in `new` (or an empty
        // dangling slice, which frees nothing), dropped once; the generator's frame is not
        // running (a running frame's generator and its saved frame are alive).
        drop(unsafe { Box::from_raw(std::ptr::slice_from_raw_parts_mut(self.ptr.as_ptr(), self.len)) });
    }
}

/// A generator, coroutine or async generator.
#[repr(C)]
pub(crate) struct GenObject {
    /// Header.
    pub ob_base: PyObject,
    /// Which kind.
    pub kind: GenKind,
    /// A [`GenState`]; atomic so that only one thread can claim the frame to run it (in a
    /// free-threaded interpreter two threads may resume the same generator).
    state: AtomicU8,
    /// Made in a free-threaded interpreter (a generator stays in the interpreter that made it,
    /// whose kind never changes): claims are compare-exchanges there, a load and a store in an
    /// interpreter with a lock.
    free_threaded: bool,
    frame: RefCell<SavedFrame>,
    /// The exception being handled inside the generator while it is suspended
    /// (`gi_exc_state`).
    exc_state: RefCell<Option<Obj>>,
    name: RefCell<Obj>,
    qualname: RefCell<Obj>,
    /// Async generators: an `asend`/`athrow` is driving it (`ag_running_async`).
    running_async: Cell<bool>,
    /// Async generators: `aclose()` ran or it ended (`ag_closed`).
    closed: Cell<bool>,
}

impl GenObject {
    /// The frame state.
    #[inline]
    pub(crate) fn state(&self) -> GenState {
        GenState::from_u8(self.state.load(Ordering::Acquire))
    }

    /// Sets the frame state.
    #[inline]
    pub(crate) fn set_state(&self, s: GenState) {
        self.state.store(s as u8, Ordering::Release);
    }

    /// Claims a created or suspended generator's frame to run it (the state becomes
    /// `Running`): `Ok(previous state)`, or `Err(state)` when it is running or finished.
    #[inline]
    pub(crate) fn claim(&self) -> Result<GenState, GenState> {
        if !self.free_threaded {
            // With a lock, only the lock's holder runs Python code in the interpreter, and a
            // thread that lets the lock go while the generator runs leaves it `Running` (the
            // lock's hand-off orders these accesses): a load and a store make the claim, not a
            // locked compare-exchange (10% of the loop's time in a generator pipeline).
            let s = GenState::from_u8(self.state.load(Ordering::Relaxed));
            if !matches!(s, GenState::Created | GenState::Suspended | GenState::SuspendedYieldFrom) {
                return Err(s);
            }
            self.state.store(GenState::Running as u8, Ordering::Relaxed);
            return Ok(s);
        }
        let mut cur = self.state.load(Ordering::Acquire);
        loop {
            let s = GenState::from_u8(cur);
            if !matches!(s, GenState::Created | GenState::Suspended | GenState::SuspendedYieldFrom) {
                return Err(s);
            }
            match self.state.compare_exchange_weak(cur, GenState::Running as u8, Ordering::AcqRel, Ordering::Acquire) {
                Ok(_) => return Ok(s),
                Err(now) => cur = now,
            }
        }
    }

    /// Moves a generator that never ran from `Created` to `Completed` (a compare-exchange, as
    /// [`GenObject::claim`]): whether it did.
    pub(crate) fn complete_unstarted(&self) -> bool {
        self.state
            .compare_exchange(GenState::Created as u8, GenState::Completed as u8, Ordering::AcqRel, Ordering::Acquire)
            .is_ok()
    }

    /// The saved frame (short borrows only: never across a run of Python code).
    pub(crate) fn frame(&self) -> std::cell::RefMut<'_, SavedFrame> {
        self.frame.borrow_mut()
    }

    /// Swaps the saved handled exception with `v`.
    pub(crate) fn swap_exc_state(&self, v: Option<Obj>) -> Option<Obj> {
        std::mem::replace(&mut *self.exc_state.borrow_mut(), v)
    }

    /// The exception being handled inside the suspended generator, if any.
    pub(crate) fn handled_exception(&self) -> Option<Obj> {
        self.exc_state.borrow().clone()
    }

    /// Whether it is suspended at a `yield` (closing it runs Python code: `finally` blocks).
    pub(crate) fn is_suspended(&self) -> bool {
        matches!(self.state(), GenState::Suspended | GenState::SuspendedYieldFrom)
    }

    /// What the cycle collector traverses (`object::gc_tracked`): the saved frame, the handled
    /// exception, the name and qualified name — each `None` while it is borrowed mutably (a
    /// frame being entered or suspended; a running frame's values are on the eval loop's stack).
    pub(crate) fn gc_parts(&self) -> GenParts<'_> {
        GenParts {
            frame: self.frame.try_borrow().ok(),
            exc_state: self.exc_state.try_borrow().ok(),
            names: [self.name.try_borrow().ok(), self.qualname.try_borrow().ok()],
        }
    }

    /// The collector's clear of a garbage generator: its frame's values, its frame object and
    /// its handled exception, taken out (the caller drops them; the generator is finished).
    pub(crate) fn take_for_clear(&self) -> (FrameBlock, Option<Obj>, Option<Obj>) {
        // A running frame uses its block (a collected generator never runs: its resumer
        // holds it).
        let running = self.state() == GenState::Running;
        self.set_state(GenState::Completed);
        let (slots, frame_obj) = match self.frame.try_borrow_mut() {
            Ok(mut f) if !running => {
                f.sp = 0;
                (std::mem::take(&mut f.slots), f.frame_obj.take())
            }
            Ok(mut f) => (FrameBlock::default(), f.frame_obj.take()),
            Err(_) => (FrameBlock::default(), None),
        };
        let exc = self.exc_state.try_borrow_mut().ok().and_then(|mut e| e.take());
        (slots, frame_obj, exc)
    }

    /// The delegate of a generator suspended in `yield from` / `await` (`_PyGen_yf`).
    pub(crate) fn yield_from(&self) -> Option<Obj> {
        if self.state() != GenState::SuspendedYieldFrom {
            return None;
        }
        let f = self.frame.borrow();
        // SAFETY: suspended, so no record uses the block, and nothing writes it during the read.
        unsafe { f.slots.values(f.sp) }.last().cloned().flatten()
    }
}

/// Borrows of a generator's parts for the cycle collector ([`GenObject::gc_parts`]).
pub(crate) struct GenParts<'a> {
    pub frame: Option<std::cell::Ref<'a, SavedFrame>>,
    pub exc_state: Option<std::cell::Ref<'a, Option<Obj>>>,
    pub names: [Option<std::cell::Ref<'a, Obj>>; 2],
}

/// The static types of this module.
pub struct GeneratorTypes {
    /// `generator`
    pub generator: &'static TypeObject,
    /// `coroutine`
    pub coroutine: &'static TypeObject,
    /// `async_generator`
    pub async_generator: &'static TypeObject,
    /// `coroutine_wrapper` (what `coroutine.__await__()` returns)
    pub coroutine_wrapper: &'static TypeObject,
    /// `async_generator_asend`
    pub asend: &'static TypeObject,
    /// `async_generator_athrow`
    pub athrow: &'static TypeObject,
    /// `async_generator_wrapped_value`
    pub wrapped_value: &'static TypeObject,
}

pub(crate) fn make_generator_types(
    type_type: &'static TypeObject,
    object_type: &'static TypeObject,
    specs: &mut Vec<TypeSpec>,
) -> GeneratorTypes {
    let mk = |name, size, dealloc, fill: &dyn Fn(&mut TypeObject)| {
        new_static_type(type_type, name, size, 0, dealloc, |t| {
            t.hash = Some(object_hash);
            t.richcompare = Some(object_richcompare);
            fill(t);
        })
    };
    let gen_size = size_of::<GenObject>();
    let generator = mk("generator", gen_size, dealloc_gen, &|t| {
        t.repr = Some(gen_repr);
        t.iter = Some(self_iter);
        t.iternext = Some(gen_iternext);
    });
    let coroutine = mk("coroutine", gen_size, dealloc_gen, &|t| t.repr = Some(gen_repr));
    let async_generator = mk("async_generator", gen_size, dealloc_gen, &|t| t.repr = Some(gen_repr));
    let coroutine_wrapper = mk("coroutine_wrapper", size_of::<CoroWrapper>(), dealloc_wrapper, &|t| {
        t.iter = Some(self_iter);
        t.iternext = Some(wrapper_iternext);
    });
    let asend = mk("async_generator_asend", size_of::<AsendObject>(), dealloc_asend, &|t| {
        t.iter = Some(self_iter);
        t.iternext = Some(|o| iternext_from_send(asend_send(o, None)));
    });
    let athrow = mk("async_generator_athrow", size_of::<AthrowObject>(), dealloc_athrow, &|t| {
        t.iter = Some(self_iter);
        t.iternext = Some(|o| iternext_from_send(athrow_send(o, None)));
    });
    let wrapped_value = mk("async_generator_wrapped_value", size_of::<WrappedValue>(), dealloc_wrapped, &|_| {});
    let obj = Some(object_type);
    specs.push(TypeSpec { ty: generator, base: obj, methods: GEN_METHODS, getsets: GEN_GETSETS });
    specs.push(TypeSpec { ty: coroutine, base: obj, methods: CORO_METHODS, getsets: CORO_GETSETS });
    specs.push(TypeSpec { ty: async_generator, base: obj, methods: AGEN_METHODS, getsets: AGEN_GETSETS });
    specs.push(TypeSpec { ty: coroutine_wrapper, base: obj, methods: WRAPPER_METHODS, getsets: &[] });
    specs.push(TypeSpec { ty: asend, base: obj, methods: ASEND_METHODS, getsets: &[] });
    specs.push(TypeSpec { ty: athrow, base: obj, methods: ATHROW_METHODS, getsets: &[] });
    specs.push(TypeSpec { ty: wrapped_value, base: obj, methods: &[], getsets: &[] });
    GeneratorTypes { generator, coroutine, async_generator, coroutine_wrapper, asend, athrow, wrapped_value }
}

/// A new generator, coroutine or async generator owning `frame` (`RETURN_GENERATOR`).
pub(crate) fn new_generator(kind: GenKind, name: Obj, qualname: Obj, frame: SavedFrame) -> PyResult<Obj> {
    let g = &types().gens;
    let ty = match kind {
        GenKind::Generator => g.generator,
        GenKind::Coroutine => g.coroutine,
        GenKind::AsyncGenerator => g.async_generator,
    };
    // SAFETY: GenObject starts with the header; the type's deallocator drops it.
    unsafe {
        alloc(ty, |ob_base| GenObject {
            ob_base,
            kind,
            state: AtomicU8::new(GenState::Created as u8),
            free_threaded: super::attachment::free_threaded(),
            frame: RefCell::new(frame),
            exc_state: RefCell::new(None),
            name: RefCell::new(name),
            qualname: RefCell::new(qualname),
            running_async: Cell::new(false),
            closed: Cell::new(false),
        })
    }
}

/// The generator, coroutine or async generator behind `o`.
#[inline]
pub(crate) fn as_gen(o: &PyObject) -> Option<&GenObject> {
    let t = o.type_object();
    // `o` exists, so the static types are made (the guards' argument, see `types_known_made`):
    // this test is on the path of every generator resumption.
    let g = &types_known_made(o).gens;
    if std::ptr::eq(t, g.generator) || std::ptr::eq(t, g.coroutine) || std::ptr::eq(t, g.async_generator) {
        // SAFETY: instances of these three types are GenObject.
        Some(unsafe { o.cast::<GenObject>() })
    } else {
        None
    }
}

/// The generator or coroutine behind `o` (not an async generator): what `SEND` and `yield from`
/// may resume in the running loop.
#[inline]
pub(crate) fn as_gen_or_coro(o: &PyObject) -> Option<&GenObject> {
    as_gen(o).filter(|g| g.kind != GenKind::AsyncGenerator)
}

fn gen_of(o: &PyObject) -> &GenObject {
    as_gen(o).expect("a generator object")
}

fn self_iter(o: &PyObject) -> PyResult<Obj> {
    Ok(Obj::new_ref(o))
}

fn gen_repr(o: &PyObject) -> PyResult<Obj> {
    let g = gen_of(o);
    let q = str_value(&g.qualname.borrow()).unwrap_or("?").to_owned();
    let noun = match g.kind {
        GenKind::Generator => "generator",
        GenKind::Coroutine => "coroutine",
        GenKind::AsyncGenerator => "async_generator",
    };
    new_str(&format!("<{noun} object {q} at {:#x}>", o.addr()))
}

/// What a finished generator raises from `send`: `StopIteration(value)` (no argument for
/// `None`), `StopAsyncIteration` for an async generator.
fn stop_error(g: &GenObject, value: Obj) -> PyErr {
    if g.kind == GenKind::AsyncGenerator {
        return empty_exc("StopAsyncIteration");
    }
    if value.is(immortals().none) { PyErr::stop_iteration(None) } else { PyErr::stop_iteration(Some(value)) }
}

/// An exception of the builtin class `name` without arguments.
fn empty_exc(name: &str) -> PyErr {
    PyErr::new(crate::ExcKind::from_name(name), "")
}

/// `genobj.send(value)` (`gen_send_ex`).
pub(crate) fn gen_send(o: &PyObject, value: Obj) -> PyResult<Obj> {
    match resume(o, value, None)? {
        Resumed::Yielded(v) => Ok(v),
        Resumed::Returned(v) => Err(stop_error(gen_of(o), v)),
    }
}

/// `next(genobj)`: `None` at the end (a return value other than `None` is `StopIteration(value)`).
fn gen_iternext(o: &PyObject) -> PyResult<Option<Obj>> {
    match resume(o, args::none(), None)? {
        Resumed::Yielded(v) => Ok(Some(v)),
        Resumed::Returned(v) if v.is(immortals().none) => Ok(None),
        Resumed::Returned(v) => Err(PyErr::stop_iteration(Some(v))),
    }
}

/// The arguments of `throw(typ[, val[, tb]])`, kept as given: a delegate's `throw` receives
/// them unchanged.
#[derive(Clone)]
pub(crate) struct ThrowArgs {
    typ: Obj,
    val: Option<Obj>,
    tb: Option<Obj>,
}

impl ThrowArgs {
    fn single(typ: Obj) -> ThrowArgs {
        ThrowArgs { typ, val: None, tb: None }
    }

    fn from_argv(argv: &[Obj]) -> ThrowArgs {
        ThrowArgs { typ: argv[0].clone(), val: argv.get(1).cloned(), tb: argv.get(2).cloned() }
    }

    /// The arguments of a Python-level `throw`/`athrow` call: the three-argument form warns
    /// (a `DeprecationWarning` since 3.12).
    fn from_call(argv: &[Obj], method: &str) -> PyResult<ThrowArgs> {
        if argv.len() > 1 {
            let msg = format!(
                "the (type, exc, tb) signature of {method}() is deprecated, use the single-arg signature instead."
            );
            crate::modules::warnings::warn(types().exc.named("DeprecationWarning"), &msg, 1)?;
        }
        Ok(Self::from_argv(argv))
    }

    fn as_vec(&self) -> Vec<Obj> {
        let mut v = vec![self.typ.clone()];
        if let Some(val) = &self.val {
            v.push(val.clone());
            if let Some(tb) = &self.tb {
                v.push(tb.clone());
            }
        }
        v
    }

    fn is_generator_exit(&self) -> bool {
        let ge = types().exc.named("GeneratorExit");
        match as_type(&self.typ) {
            Some(t) => t.is_subtype(ge),
            None => self.typ.type_object().is_subtype(ge),
        }
    }

    /// What `throw` raises in the generator. `Ok(Ok(exc))`: the exception. `Ok(Err(e))`: the
    /// error instantiating the exception class raised (a `__new__` that returns no exception
    /// instance, a failing `__init__`) — CPython's `PyErr_NormalizeException` leaves that error
    /// in place of the exception, and `_gen_throw` throws it in, so an unstarted generator is
    /// finished by it. `Err`: the arguments' own errors, raised without resuming the generator.
    fn to_throw(&self) -> PyResult<Result<PyErr, PyErr>> {
        let none = immortals().none;
        let tb = self.tb.clone().filter(|t| !t.is(none));
        if let Some(t) = &tb {
            if !std::ptr::eq(t.type_object(), types().traceback_type) {
                return Err(PyErr::type_error("throw() third argument must be a traceback object"));
            }
        }
        let base = types().exc.named("BaseException");
        let val = self.val.clone().filter(|v| !v.is(none));
        let exc = if let Some(t) = as_type(&self.typ).filter(|t| t.is_subtype(base)) {
            let made = match val {
                None => super::exceptions::instantiate(&self.typ, &[]),
                Some(v) if v.type_object().is_subtype(t) => Ok(v),
                Some(v) if crate::object::tuple::is_tuple(&v) => {
                    super::exceptions::instantiate(&self.typ, crate::object::tuple::items(&v))
                }
                Some(v) => super::exceptions::instantiate(&self.typ, &[v]),
            };
            match made {
                Ok(exc) => exc,
                Err(e) => return Ok(Err(e)),
            }
        } else if self.typ.type_object().is_subtype(base) {
            if val.is_some() {
                return Err(PyErr::type_error("instance exception may not have a separate value"));
            }
            self.typ.clone()
        } else {
            return Err(PyErr::type_error(format!(
                "exceptions must be classes or instances deriving from BaseException, not {}",
                self.typ.type_object().name()
            )));
        };
        if let (Some(t), Some(e)) = (tb, crate::object::exceptions::as_exception(&exc)) {
            e.traceback().set(Some(t));
        }
        Ok(Ok(PyErr::from_object(exc)))
    }
}

/// Runs `f` with the generator claimed as running (a delegate's `throw`/`close` must see its
/// delegator as executing), restoring the state it was claimed from after. The claim is the
/// compare-exchange every resumption makes: a thread that finds the generator running gets
/// "already executing", so no two threads ever run its frame (which runs in the generator's
/// own block of slots).
fn while_running<T>(g: &GenObject, f: impl FnOnce() -> PyResult<T>) -> PyResult<T> {
    let saved = g.claim().map_err(|_| PyErr::value_error(format!("{} already executing", kind_noun(g))))?;
    let r = f();
    // This thread holds the claim: nobody else wrote the state since.
    g.set_state(saved);
    r
}

/// `_gen_throw`: `close_on_genexit` closes a delegate on `GeneratorExit` instead of throwing
/// it in (false for async generators' `athrow`/`aclose`).
pub(crate) fn gen_throw(o: &PyObject, close_on_genexit: bool, a: &ThrowArgs) -> PyResult<Obj> {
    let _guard = crate::object::recursion::enter(" while calling a Python object")?;
    let g = gen_of(o);
    let throw_in = |err: PyErr| -> PyResult<Obj> {
        match resume(o, args::none(), Some(err))? {
            Resumed::Yielded(v) => Ok(v),
            Resumed::Returned(v) => Err(stop_error(g, v)),
        }
    };
    if let Some(yf) = g.yield_from() {
        if close_on_genexit && a.is_generator_exit() {
            return match while_running(g, || close_iter(&yf)) {
                Err(e) => throw_in(e),
                Ok(()) => throw_in(a.to_throw()?.unwrap_or_else(|e| e)),
            };
        }
        let r = if as_gen_or_coro(&yf).is_some() {
            while_running(g, || gen_throw(&yf, close_on_genexit, a))
        } else {
            match ops::get_attr_str(&yf, "throw") {
                Ok(meth) => while_running(g, || ops::call(&meth, &a.as_vec(), None)),
                Err(e) if e.matches(types().exc.named("AttributeError")) => {
                    return throw_in(a.to_throw()?.unwrap_or_else(|e| e));
                }
                Err(e) => return Err(e),
            }
        };
        return match r {
            Ok(v) => Ok(v),
            Err(e) => throw_in(e),
        };
    }
    throw_in(a.to_throw()?.unwrap_or_else(|e| e))
}

/// `gen_close_iter`: closes a `yield from` delegate.
fn close_iter(yf: &PyObject) -> PyResult<()> {
    if as_gen_or_coro(yf).is_some() {
        return gen_close(yf).map(drop);
    }
    match ops::get_attr_str(yf, "close") {
        Ok(meth) => ops::call(&meth, &[], None).map(drop),
        Err(e) if e.matches(types().exc.named("AttributeError")) => Ok(()),
        Err(e) => Err(e),
    }
}

/// `genobj.close()`: raises `GeneratorExit` at the suspension point; returns the generator's
/// return value if it returns (new in 3.13), `None` if it lets `GeneratorExit` out.
pub(crate) fn gen_close(o: &PyObject) -> PyResult<Obj> {
    let _guard = crate::object::recursion::enter(" while calling a Python object")?;
    let g = gen_of(o);
    // A generator that never ran is completed without running it: by the same kind of
    // compare-exchange as a resumption's claim, so a thread that claimed it first keeps it
    // (and its block of slots, in which its frame runs). Its arguments stay in the block until
    // the generator goes, as CPython's frame does.
    if g.complete_unstarted() {
        return Ok(args::none());
    }
    if g.state() == GenState::Completed {
        return Ok(args::none());
    }
    let mut err = None;
    if let Some(yf) = g.yield_from() {
        if let Err(e) = while_running(g, || close_iter(&yf)) {
            err = Some(e);
        }
    }
    let err = err.unwrap_or_else(|| empty_exc("GeneratorExit"));
    match resume(o, args::none(), Some(err)) {
        Ok(Resumed::Yielded(_)) => {
            let msg = match g.kind {
                GenKind::Generator => "generator ignored GeneratorExit",
                GenKind::Coroutine => "coroutine ignored GeneratorExit",
                GenKind::AsyncGenerator => "async generator ignored GeneratorExit",
            };
            Err(PyErr::runtime_error(msg))
        }
        Ok(Resumed::Returned(v)) => Ok(v),
        Err(e) if e.matches(types().exc.named("GeneratorExit")) => Ok(args::none()),
        Err(e) => Err(e),
    }
}

fn recv<'a>(name: &str, a: &'a [Obj], k: Option<&PyObject>, min: usize, max: usize) -> PyResult<(&'a Obj, &'a [Obj])> {
    args::method(name, a, k, min, max)
}

fn m_send(a: &[Obj], k: Option<&PyObject>) -> PyResult<Obj> {
    let (o, rest) = recv("send", a, k, 1, 1)?;
    gen_send(o, rest[0].clone())
}

fn m_throw(a: &[Obj], k: Option<&PyObject>) -> PyResult<Obj> {
    let (o, rest) = recv("throw", a, k, 1, 3)?;
    gen_throw(o, true, &ThrowArgs::from_call(rest, "throw")?)
}

fn m_close(a: &[Obj], k: Option<&PyObject>) -> PyResult<Obj> {
    let (o, _) = recv("close", a, k, 0, 0)?;
    gen_close(o)
}

fn m_next(a: &[Obj], k: Option<&PyObject>) -> PyResult<Obj> {
    let (o, _) = recv("__next__", a, k, 0, 0)?;
    match o.type_object().iternext {
        Some(next) => next(o)?.ok_or_else(|| PyErr::stop_iteration(None)),
        None => Err(PyErr::type_error("not an iterator")),
    }
}

fn m_self(a: &[Obj], k: Option<&PyObject>) -> PyResult<Obj> {
    let (o, _) = recv("__iter__", a, k, 0, 0)?;
    Ok(o.clone())
}

/// Whether `def` is the generator type's `send` (`CALL_GEN_SEND`'s guard: not the coroutine's,
/// whose receiver is no generator).
pub(crate) fn is_gen_send(def: &MethodDef) -> bool {
    std::ptr::eq(def, &GEN_METHODS[GEN_SEND_INDEX])
}

/// `send`'s position in [`GEN_METHODS`] (checked by the test `gen_send_index_names_send`).
const GEN_SEND_INDEX: usize = 0;

static GEN_METHODS: &[MethodDef] = &[
    MethodDef::method("send", m_send),
    MethodDef::method("throw", m_throw),
    MethodDef::method("close", m_close),
    MethodDef::method("__next__", m_next),
    MethodDef::method("__iter__", m_self),
];

fn get_name(o: &PyObject) -> PyResult<Obj> {
    Ok(gen_of(o).name.borrow().clone())
}

fn get_qualname(o: &PyObject) -> PyResult<Obj> {
    Ok(gen_of(o).qualname.borrow().clone())
}

fn set_name_attr(o: &PyObject, v: Option<&PyObject>, qual: bool) -> PyResult<()> {
    let what = if qual { "__qualname__" } else { "__name__" };
    let v = v
        .filter(|v| str_value(v).is_some())
        .ok_or_else(|| PyErr::type_error(format!("{what} must be set to a string object")))?;
    let g = gen_of(o);
    let slot = if qual { &g.qualname } else { &g.name };
    *slot.borrow_mut() = Obj::new_ref(v);
    Ok(())
}

fn get_running(o: &PyObject) -> PyResult<Obj> {
    let g = gen_of(o);
    // `ag_running` is the async generator's "an awaitable drives it" flag, as CPython's.
    let running =
        if g.kind == GenKind::AsyncGenerator { g.running_async.get() } else { g.state() == GenState::Running };
    Ok(new_bool(running))
}

fn get_suspended(o: &PyObject) -> PyResult<Obj> {
    Ok(new_bool(matches!(gen_of(o).state(), GenState::Suspended | GenState::SuspendedYieldFrom)))
}

fn get_code(o: &PyObject) -> PyResult<Obj> {
    Ok(gen_of(o).frame().code.clone())
}

fn get_yieldfrom(o: &PyObject) -> PyResult<Obj> {
    Ok(gen_of(o).yield_from().unwrap_or_else(args::none))
}

/// `gi_frame`: `None` once the generator finished; the running frame's object while it runs
/// (on this thread), else the suspended frame's.
fn get_frame(o: &PyObject) -> PyResult<Obj> {
    let g = gen_of(o);
    match g.state() {
        GenState::Completed => Ok(args::none()),
        GenState::Running => Ok(crate::eval::frame_object::running_generator_frame(o)?.unwrap_or_else(args::none)),
        _ => crate::eval::frame_object::suspended_frame_object(&mut g.frame()),
    }
}

fn get_none(_: &PyObject) -> PyResult<Obj> {
    Ok(args::none())
}

macro_rules! gen_getsets {
    ($running:literal, $suspended:literal, $code:literal, $yf:literal, $frame:literal $(, $extra:expr)*) => {
        &[
            GetSetDef { name: $frame, get: get_frame, set: None },
            GetSetDef { name: "__name__", get: get_name, set: Some(|o, v| set_name_attr(o, v, false)) },
            GetSetDef { name: "__qualname__", get: get_qualname, set: Some(|o, v| set_name_attr(o, v, true)) },
            GetSetDef { name: $running, get: get_running, set: None },
            GetSetDef { name: $suspended, get: get_suspended, set: None },
            GetSetDef { name: $code, get: get_code, set: None },
            GetSetDef { name: $yf, get: get_yieldfrom, set: None },
            $($extra,)*
        ]
    };
}

static GEN_GETSETS: &[GetSetDef] = gen_getsets!("gi_running", "gi_suspended", "gi_code", "gi_yieldfrom", "gi_frame");
static CORO_GETSETS: &[GetSetDef] = gen_getsets!(
    "cr_running",
    "cr_suspended",
    "cr_code",
    "cr_await",
    "cr_frame",
    // Origin tracking (`sys.set_coroutine_origin_tracking_depth`) is off, so always `None`.
    GetSetDef { name: "cr_origin", get: get_none, set: None }
);
static AGEN_GETSETS: &[GetSetDef] = gen_getsets!("ag_running", "ag_suspended", "ag_code", "ag_await", "ag_frame");

// ---------------------------------------------------------------------------------------------
// Coroutines: `__await__` and the wrapper it returns.

/// What `coroutine.__await__()` returns: an iterator driving the coroutine.
#[repr(C)]
pub(crate) struct CoroWrapper {
    /// Header.
    pub ob_base: PyObject,
    coro: Obj,
}

fn coro_await(a: &[Obj], k: Option<&PyObject>) -> PyResult<Obj> {
    let (o, _) = recv("__await__", a, k, 0, 0)?;
    let coro = o.clone();
    // SAFETY: CoroWrapper starts with the header; its deallocator drops it.
    unsafe { alloc(types().gens.coroutine_wrapper, |ob_base| CoroWrapper { ob_base, coro }) }
}

static CORO_METHODS: &[MethodDef] = &[
    MethodDef::method("send", m_send),
    MethodDef::method("throw", m_throw),
    MethodDef::method("close", m_close),
    MethodDef::method("__await__", coro_await),
];

fn wrapped_coro(o: &PyObject) -> Obj {
    // SAFETY: only called on coroutine_wrapper instances.
    unsafe { o.cast::<CoroWrapper>() }.coro.clone()
}

fn wrapper_iternext(o: &PyObject) -> PyResult<Option<Obj>> {
    let coro = wrapped_coro(o);
    match resume(&coro, args::none(), None)? {
        Resumed::Yielded(v) => Ok(Some(v)),
        Resumed::Returned(v) if v.is(immortals().none) => Ok(None),
        Resumed::Returned(v) => Err(PyErr::stop_iteration(Some(v))),
    }
}

fn forward_to_coro(f: NativeMethod) -> impl Fn(&[Obj], Option<&PyObject>) -> PyResult<Obj> {
    move |a, k| {
        let mut v = a.to_vec();
        if let Some(first) = v.first_mut() {
            *first = wrapped_coro(first);
        }
        f(&v, k)
    }
}

type NativeMethod = fn(&[Obj], Option<&PyObject>) -> PyResult<Obj>;

static WRAPPER_METHODS: &[MethodDef] = &[
    MethodDef::method("send", |a, k| forward_to_coro(m_send)(a, k)),
    MethodDef::method("throw", |a, k| forward_to_coro(m_throw)(a, k)),
    MethodDef::method("close", |a, k| forward_to_coro(m_close)(a, k)),
    MethodDef::method("__next__", m_next),
    MethodDef::method("__iter__", m_self),
];

// ---------------------------------------------------------------------------------------------
// Async generators.

/// `ASYNC_GEN_WRAP`: the value of an `async def` generator's `yield`, marked so the awaitable
/// driving it can tell it from a value passed through by an `await` inside the generator.
#[repr(C)]
pub(crate) struct WrappedValue {
    /// Header.
    pub ob_base: PyObject,
    value: Obj,
}

/// The `ASYNC_GEN_WRAP` intrinsic.
pub(crate) fn wrap_async_gen_value(value: Obj) -> PyResult<Obj> {
    // SAFETY: WrappedValue starts with the header; its deallocator drops it.
    unsafe { alloc(types().gens.wrapped_value, |ob_base| WrappedValue { ob_base, value }) }
}

/// `async_gen_unwrap_value`: a wrapped value ends the awaitable with `StopIteration(value)`;
/// the generator's end (or `GeneratorExit`) marks it closed.
fn unwrap_value(g: &GenObject, r: PyResult<Obj>) -> PyResult<Obj> {
    match r {
        Err(e) => {
            if e.matches(types().exc.named("StopAsyncIteration")) || e.matches(types().exc.named("GeneratorExit")) {
                g.closed.set(true);
            }
            g.running_async.set(false);
            Err(e)
        }
        Ok(v) if std::ptr::eq(v.type_object(), types().gens.wrapped_value) => {
            // SAFETY: checked the type.
            let value = unsafe { v.cast::<WrappedValue>() }.value.clone();
            g.running_async.set(false);
            Err(PyErr::stop_iteration(Some(value)))
        }
        Ok(v) => Ok(v),
    }
}

/// The state of an `asend`/`athrow` awaitable.
#[derive(Clone, Copy, PartialEq, Eq)]
enum AwaitableState {
    Init,
    Iter,
    Closed,
}

/// `ag.asend(value)` / `ag.__anext__()`.
#[repr(C)]
pub(crate) struct AsendObject {
    /// Header.
    pub ob_base: PyObject,
    genobj: Obj,
    sendval: Obj,
    state: Cell<AwaitableState>,
}

/// `ag.athrow(...)` / `ag.aclose()` (no arguments).
#[repr(C)]
pub(crate) struct AthrowObject {
    /// Header.
    pub ob_base: PyObject,
    genobj: Obj,
    args: Option<ThrowArgs>,
    state: Cell<AwaitableState>,
}

fn new_asend(genobj: Obj, sendval: Obj) -> PyResult<Obj> {
    // SAFETY: AsendObject starts with the header; its deallocator drops it.
    unsafe {
        alloc(types().gens.asend, |ob_base| AsendObject {
            ob_base,
            genobj,
            sendval,
            state: Cell::new(AwaitableState::Init),
        })
    }
}

/// `ag.__anext__()` (also `GET_ANEXT`'s fast path).
pub(crate) fn async_gen_anext(ag: &PyObject) -> PyResult<Obj> {
    new_asend(Obj::new_ref(ag), args::none())
}

fn as_asend(o: &PyObject) -> &AsendObject {
    // SAFETY: only called on async_generator_asend instances.
    unsafe { o.cast::<AsendObject>() }
}

fn as_athrow(o: &PyObject) -> &AthrowObject {
    // SAFETY: only called on async_generator_athrow instances.
    unsafe { o.cast::<AthrowObject>() }
}

fn running_error(what: &str) -> PyErr {
    PyErr::runtime_error(format!("{what}(): asynchronous generator is already running"))
}

fn asend_send(o: &PyObject, arg: Option<Obj>) -> PyResult<Obj> {
    let a = as_asend(o);
    let g = gen_of(&a.genobj);
    if a.state.get() == AwaitableState::Closed {
        return Err(PyErr::runtime_error("cannot reuse already awaited __anext__()/asend()"));
    }
    let mut arg = arg.unwrap_or_else(args::none);
    if a.state.get() == AwaitableState::Init {
        if g.running_async.get() {
            a.state.set(AwaitableState::Closed);
            return Err(running_error("anext"));
        }
        if arg.is(immortals().none) {
            arg = a.sendval.clone();
        }
        a.state.set(AwaitableState::Iter);
    }
    g.running_async.set(true);
    let r = unwrap_value(g, gen_send(&a.genobj, arg));
    if r.is_err() {
        a.state.set(AwaitableState::Closed);
    }
    r
}

fn asend_throw(a: &[Obj], k: Option<&PyObject>) -> PyResult<Obj> {
    let (o, rest) = recv("throw", a, k, 1, 3)?;
    asend_throw_args(o, &ThrowArgs::from_call(rest, "throw")?)
}

/// `async_gen_asend_throw`.
fn asend_throw_args(o: &PyObject, args: &ThrowArgs) -> PyResult<Obj> {
    let s = as_asend(o);
    let g = gen_of(&s.genobj);
    if s.state.get() == AwaitableState::Closed {
        return Err(PyErr::runtime_error("cannot reuse already awaited __anext__()/asend()"));
    }
    if s.state.get() == AwaitableState::Init {
        if g.running_async.get() {
            s.state.set(AwaitableState::Closed);
            return Err(running_error("anext"));
        }
        s.state.set(AwaitableState::Iter);
        g.running_async.set(true);
    }
    let r = unwrap_value(g, gen_throw(&s.genobj, true, args));
    if r.is_err() {
        s.state.set(AwaitableState::Closed);
    }
    r
}

/// `close()` of an `asend`/`athrow` awaitable (3.13): `GeneratorExit` is thrown in through the
/// awaitable; its end (or the generator's) is `None`, a value yielded instead is an error.
fn awaitable_close(o: &PyObject, closed: bool, throw: fn(&PyObject, &ThrowArgs) -> PyResult<Obj>) -> PyResult<Obj> {
    if closed {
        return Ok(args::none());
    }
    let exit = ThrowArgs::single(Obj::new_ref(types().exc.named("GeneratorExit").as_object()));
    match throw(o, &exit) {
        Ok(_) => Err(PyErr::runtime_error("coroutine ignored GeneratorExit")),
        Err(e)
            if ["StopIteration", "StopAsyncIteration", "GeneratorExit"]
                .iter()
                .any(|n| e.matches(types().exc.named(n))) =>
        {
            Ok(args::none())
        }
        Err(e) => Err(e),
    }
}

fn iternext_from_send(r: PyResult<Obj>) -> PyResult<Option<Obj>> {
    r.map(Some)
}

static ASEND_METHODS: &[MethodDef] = &[
    MethodDef::method("send", |a, k| {
        let (o, rest) = recv("send", a, k, 1, 1)?;
        asend_send(o, Some(rest[0].clone()))
    }),
    MethodDef::method("throw", asend_throw),
    MethodDef::method("close", |a, k| {
        let (o, _) = recv("close", a, k, 0, 0)?;
        awaitable_close(o, as_asend(o).state.get() == AwaitableState::Closed, asend_throw_args)
    }),
    MethodDef::method("__next__", |a, k| {
        let (o, _) = recv("__next__", a, k, 0, 0)?;
        asend_send(o, None)
    }),
    MethodDef::method("__iter__", m_self),
    MethodDef::method("__await__", m_self),
];

fn athrow_send(o: &PyObject, arg: Option<Obj>) -> PyResult<Obj> {
    let t = as_athrow(o);
    let g = gen_of(&t.genobj);
    let aclose = t.args.is_none();
    if t.state.get() == AwaitableState::Closed {
        return Err(PyErr::runtime_error("cannot reuse already awaited aclose()/athrow()"));
    }
    if g.state() == GenState::Completed {
        t.state.set(AwaitableState::Closed);
        return Err(PyErr::stop_iteration(None));
    }
    let arg = arg.unwrap_or_else(args::none);
    let r = if t.state.get() == AwaitableState::Init {
        if g.running_async.get() {
            t.state.set(AwaitableState::Closed);
            return Err(running_error(if aclose { "aclose" } else { "athrow" }));
        }
        if g.closed.get() {
            t.state.set(AwaitableState::Closed);
            return Err(empty_exc("StopAsyncIteration"));
        }
        if !arg.is(immortals().none) {
            return Err(PyErr::runtime_error("can't send non-None value to a just-started coroutine"));
        }
        t.state.set(AwaitableState::Iter);
        g.running_async.set(true);
        match &t.args {
            None => {
                g.closed.set(true);
                let exit = ThrowArgs::single(Obj::new_ref(types().exc.named("GeneratorExit").as_object()));
                gen_throw(&t.genobj, false, &exit)
            }
            Some(a) => return athrow_result(t, g, unwrap_value(g, gen_throw(&t.genobj, false, a))),
        }
    } else {
        let r = gen_send(&t.genobj, arg);
        if !aclose {
            return athrow_result(t, g, unwrap_value(g, r));
        }
        r
    };
    athrow_result(t, g, r)
}

/// The end of an `athrow`/`aclose` step: in `aclose()` a value yielded by the generator is
/// `RuntimeError` (it ignored `GeneratorExit`), and its end is `StopIteration`.
fn athrow_result(t: &AthrowObject, g: &GenObject, r: PyResult<Obj>) -> PyResult<Obj> {
    let aclose = t.args.is_none();
    match r {
        Ok(v) if aclose && std::ptr::eq(v.type_object(), types().gens.wrapped_value) => {
            g.running_async.set(false);
            t.state.set(AwaitableState::Closed);
            Err(PyErr::runtime_error("async generator ignored GeneratorExit"))
        }
        Ok(v) => Ok(v),
        Err(e) => {
            g.running_async.set(false);
            t.state.set(AwaitableState::Closed);
            let ended =
                e.matches(types().exc.named("StopAsyncIteration")) || e.matches(types().exc.named("GeneratorExit"));
            if aclose && ended { Err(PyErr::stop_iteration(None)) } else { Err(e) }
        }
    }
}

fn athrow_throw(a: &[Obj], k: Option<&PyObject>) -> PyResult<Obj> {
    let (o, rest) = recv("throw", a, k, 1, 3)?;
    athrow_throw_args(o, &ThrowArgs::from_call(rest, "throw")?)
}

/// `async_gen_athrow_throw`.
fn athrow_throw_args(o: &PyObject, args: &ThrowArgs) -> PyResult<Obj> {
    let t = as_athrow(o);
    let g = gen_of(&t.genobj);
    let aclose = t.args.is_none();
    if t.state.get() == AwaitableState::Closed {
        return Err(PyErr::runtime_error("cannot reuse already awaited aclose()/athrow()"));
    }
    if t.state.get() == AwaitableState::Init {
        if g.running_async.get() {
            t.state.set(AwaitableState::Closed);
            return Err(running_error(if aclose { "aclose" } else { "athrow" }));
        }
        t.state.set(AwaitableState::Iter);
        g.running_async.set(true);
    }
    let r = gen_throw(&t.genobj, true, args);
    if !aclose {
        let r = unwrap_value(g, r);
        if r.is_err() {
            t.state.set(AwaitableState::Closed);
        }
        return r;
    }
    match r {
        Ok(v) if std::ptr::eq(v.type_object(), types().gens.wrapped_value) => {
            g.running_async.set(false);
            t.state.set(AwaitableState::Closed);
            Err(PyErr::runtime_error("async generator ignored GeneratorExit"))
        }
        Ok(v) => Ok(v),
        Err(e) => {
            t.state.set(AwaitableState::Closed);
            let ended =
                e.matches(types().exc.named("StopAsyncIteration")) || e.matches(types().exc.named("GeneratorExit"));
            if ended { Err(PyErr::stop_iteration(None)) } else { Err(e) }
        }
    }
}

static ATHROW_METHODS: &[MethodDef] = &[
    MethodDef::method("send", |a, k| {
        let (o, rest) = recv("send", a, k, 1, 1)?;
        athrow_send(o, Some(rest[0].clone()))
    }),
    MethodDef::method("throw", athrow_throw),
    MethodDef::method("close", |a, k| {
        let (o, _) = recv("close", a, k, 0, 0)?;
        awaitable_close(o, as_athrow(o).state.get() == AwaitableState::Closed, athrow_throw_args)
    }),
    MethodDef::method("__next__", |a, k| {
        let (o, _) = recv("__next__", a, k, 0, 0)?;
        athrow_send(o, None)
    }),
    MethodDef::method("__iter__", m_self),
    MethodDef::method("__await__", m_self),
];

fn new_athrow(genobj: Obj, args: Option<ThrowArgs>) -> PyResult<Obj> {
    // SAFETY: AthrowObject starts with the header; its deallocator drops it.
    unsafe {
        alloc(types().gens.athrow, |ob_base| AthrowObject {
            ob_base,
            genobj,
            args,
            state: Cell::new(AwaitableState::Init),
        })
    }
}

static AGEN_METHODS: &[MethodDef] = &[
    MethodDef::method("__aiter__", |a, k| {
        let (o, _) = recv("__aiter__", a, k, 0, 0)?;
        Ok(o.clone())
    }),
    MethodDef::method("__anext__", |a, k| {
        let (o, _) = recv("__anext__", a, k, 0, 0)?;
        async_gen_anext(o)
    }),
    MethodDef::method("asend", |a, k| {
        let (o, rest) = recv("asend", a, k, 1, 1)?;
        new_asend(o.clone(), rest[0].clone())
    }),
    MethodDef::method("athrow", |a, k| {
        let (o, rest) = recv("athrow", a, k, 1, 3)?;
        new_athrow(o.clone(), Some(ThrowArgs::from_call(rest, "athrow")?))
    }),
    MethodDef::method("aclose", |a, k| {
        let (o, _) = recv("aclose", a, k, 0, 0)?;
        new_athrow(o.clone(), None)
    }),
];

/// What `SEND` does with a receiver that is not resumed in the loop: `next()` for `None` sent
/// to an iterator, else its `send` method. `Ok(Err(value))` is the end of the delegation with
/// the return value (`StopIteration.value`).
pub(crate) fn send_generic(receiver: &PyObject, v: Obj) -> PyResult<Result<Obj, Obj>> {
    let r = match receiver.type_object().iternext {
        Some(next) if v.is(immortals().none) => match next(receiver) {
            Ok(Some(x)) => Ok(x),
            Ok(None) => return Ok(Err(args::none())),
            Err(e) => Err(e),
        },
        _ => ops::get_attr_str(receiver, "send").and_then(|m| ops::call(&m, &[v], None)),
    };
    match r {
        Ok(x) => Ok(Ok(x)),
        Err(e) if e.matches(types().exc.named("StopIteration")) => Ok(Err(stop_iteration_value(&e.into_object()))),
        Err(e) => Err(e),
    }
}

/// `StopIteration.value` of an exception object.
pub(crate) fn stop_iteration_value(exc: &PyObject) -> Obj {
    crate::object::exceptions::as_exception(exc)
        .and_then(|e| e.args().get())
        .and_then(|a| crate::object::tuple::items(&a).first().cloned())
        .unwrap_or_else(args::none)
}

/// The generator's kind noun for messages ("generator", "coroutine", "async generator").
pub(crate) fn kind_noun(g: &GenObject) -> &'static str {
    g.kind.noun()
}

macro_rules! dealloc_fn {
    ($name:ident, $t:ty) => {
        /// # Safety
        ///
        /// See [`super::typeobj::DeallocFn`].
        unsafe fn $name(op: NonNull<PyObject>) {
            // SAFETY: forwarded contract.
            unsafe { drop_and_free::<$t>(op) }
        }
    };
}

/// # Safety
///
/// See [`super::typeobj::DeallocFn`].
unsafe fn dealloc_gen(op: NonNull<PyObject>) {
    // SAFETY: the last reference is gone; the object is still intact until freed below.
    let g = unsafe { op.cast::<GenObject>().as_ref() };
    if matches!(g.state(), GenState::Suspended | GenState::SuspendedYieldFrom) {
        finalize(g);
    } else if g.kind == GenKind::Coroutine && g.state() == GenState::Created {
        warn_unawaited(g);
    }
    // SAFETY: forwarded contract.
    unsafe { drop_and_free::<GenObject>(op) }
}

/// `_PyErr_WarnUnawaitedCoroutine`: "coroutine '...' was never awaited" (a `RuntimeWarning`
/// whose source is the coroutine — here a finished stand-in, the dying object being past
/// resurrection); a warning turned into an error is reported as unraisable.
fn warn_unawaited(g: &GenObject) {
    let qualname = g.qualname.borrow().clone();
    let frame = {
        let mut saved = g.frame();
        SavedFrame {
            code: saved.code.clone(),
            func: saved.func.take(),
            globals: saved.globals.clone(),
            builtins: saved.builtins.clone(),
            slots: std::mem::take(&mut saved.slots),
            sp: std::mem::take(&mut saved.sp),
            ip: saved.ip,
            lasti: saved.lasti,
            frame_obj: saved.frame_obj.take(),
        }
    };
    let Ok(stand_in) = new_generator(g.kind, g.name.borrow().clone(), qualname.clone(), frame) else { return };
    let s = gen_of(&stand_in);
    s.set_state(GenState::Completed);
    drop(std::mem::take(&mut s.frame().slots));
    let text = super::str::str_value(&qualname).unwrap_or("").to_owned();
    if let Err(e) = crate::modules::warnings::warn_unawaited_coroutine(&stand_in, &text) {
        let exc = e.into_object();
        let what = ops::repr_text(&stand_in).unwrap_or_else(|_| "<coroutine>".to_owned());
        let _ = std::io::Write::flush(&mut std::io::stdout());
        eprint!("Exception ignored in: {what}\n{}", crate::eval::traceback::format_exception(&exc));
    }
}

/// CPython's `_PyGen_Finalize`: a suspended generator that goes away is closed, so its
/// `finally` blocks and `with` exits run. The dying object cannot be resurrected, so its frame
/// moves into a fresh generator object (no Python code can tell: a frame never sees its own
/// generator object) which is closed and then dropped, finished. Errors are reported as
/// unraisable ("Exception ignored in: ...").
fn finalize(g: &GenObject) {
    let fresh = {
        let mut saved = g.frame();
        let frame = SavedFrame {
            code: saved.code.clone(),
            func: saved.func.take(),
            globals: saved.globals.clone(),
            builtins: saved.builtins.clone(),
            slots: std::mem::take(&mut saved.slots),
            sp: std::mem::take(&mut saved.sp),
            ip: saved.ip,
            lasti: saved.lasti,
            frame_obj: saved.frame_obj.take(),
        };
        new_generator(g.kind, g.name.borrow().clone(), g.qualname.borrow().clone(), frame)
    };
    let Ok(fresh) = fresh else { return };
    let f = gen_of(&fresh);
    f.set_state(g.state());
    f.swap_exc_state(g.swap_exc_state(None));
    f.closed.set(g.closed.get());
    if let Err(e) = gen_close(&fresh) {
        let exc = e.into_object();
        let what = ops::repr_text(&fresh).unwrap_or_else(|_| "<generator>".to_owned());
        let _ = std::io::Write::flush(&mut std::io::stdout());
        eprint!("Exception ignored in: {what}\n{}", crate::eval::traceback::format_exception(&exc));
    }
    // A generator is finalized once (CPython's `tp_finalize` flag): one that ignored
    // `GeneratorExit` and yielded again is dropped without another close.
    if f.state() != GenState::Completed {
        f.set_state(GenState::Completed);
        let slots = std::mem::take(&mut f.frame().slots);
        drop(slots);
    }
}

dealloc_fn!(dealloc_wrapper, CoroWrapper);
dealloc_fn!(dealloc_asend, AsendObject);
dealloc_fn!(dealloc_athrow, AthrowObject);
dealloc_fn!(dealloc_wrapped, WrappedValue);

#[cfg(test)]
mod tests {
    use super::*;
    use crate::object::dict::as_dict;
    use crate::object::intern;

    /// Runs `src` as `__main__` and gives `f(global named "g")`.
    fn with_global<R>(src: &str, f: impl FnOnce(&Obj) -> R) -> R {
        crate::Runtime::initialize();
        let code = pyrt_compile::compile(src, "<gen unit test>", pyrt_syntax::Mode::Module).expect("compiles");
        crate::attach(|_py| {
            let globals = crate::eval::run_module(code, "__main__", "<gen unit test>").expect("runs");
            let g = as_dict(&globals).expect("a dict").get_str(&intern("g").ob_base).expect("`g` is set");
            f(&g)
        })
    }

    #[test]
    fn gen_send_index_names_send() {
        assert_eq!(super::GEN_METHODS[super::GEN_SEND_INDEX].name, "send");
        assert!(super::is_gen_send(&super::GEN_METHODS[super::GEN_SEND_INDEX]));
        assert!(!super::is_gen_send(&super::CORO_METHODS[0]), "the coroutine's send is another form");
    }

    #[test]
    fn claim_moves_a_resumable_frame_to_running_once() {
        with_global("def f():\n    yield 1\ng = f()\n", |g| {
            let gen_obj = as_gen(g).expect("a generator");
            assert_eq!(gen_obj.kind, GenKind::Generator);
            assert_eq!(gen_obj.claim(), Ok(GenState::Created));
            assert_eq!(gen_obj.state(), GenState::Running);
            assert_eq!(gen_obj.claim(), Err(GenState::Running));
            gen_obj.set_state(GenState::Completed);
            assert_eq!(gen_obj.claim(), Err(GenState::Completed));
        });
    }

    #[test]
    fn yield_from_is_the_top_of_the_saved_stack() {
        let src = "def inner():\n    yield 1\ndef outer():\n    yield from inner()\ng = outer()\nnext(g)\n";
        with_global(src, |g| {
            let gen_obj = as_gen(g).expect("a generator");
            assert_eq!(gen_obj.state(), GenState::SuspendedYieldFrom);
            let yf = gen_obj.yield_from().expect("a delegate");
            assert_eq!(as_gen(&yf).map(|d| d.state()), Some(GenState::Suspended));
            assert_eq!(gen_close(g).map(|r| r.is(immortals().none)).ok(), Some(true));
            assert_eq!(gen_obj.state(), GenState::Completed);
            assert_eq!(as_gen(&yf).map(|d| d.state()), Some(GenState::Completed));
        });
    }

    #[test]
    fn throw_arguments_are_normalised_as_cpython_does() {
        with_global("g = None\n", |_| {
            let value_error = Obj::new_ref(types().exc.named("ValueError").as_object());
            let exc =
                ThrowArgs::single(value_error.clone()).to_throw().expect("valid").expect("an instance").into_object();
            assert_eq!(ops::repr_text(&exc).ok().as_deref(), Some("ValueError()"));
            let with_value = ThrowArgs { typ: value_error.clone(), val: Some(new_str("v").unwrap()), tb: None };
            let exc = with_value.to_throw().expect("valid").expect("an instance").into_object();
            assert_eq!(ops::repr_text(&exc).ok().as_deref(), Some("ValueError('v')"));
            let instance_and_value = ThrowArgs { typ: exc.clone(), val: Some(new_str("x").unwrap()), tb: None };
            let err = instance_and_value.to_throw().expect_err("a TypeError");
            assert_eq!(err.message(), "instance exception may not have a separate value");
            let bad_tb = ThrowArgs { typ: value_error, val: None, tb: Some(new_str("tb").unwrap()) };
            assert_eq!(
                bad_tb.to_throw().expect_err("a TypeError").message(),
                "throw() third argument must be a traceback object"
            );
            assert!(!ThrowArgs::single(exc).is_generator_exit());
        });
    }
}
