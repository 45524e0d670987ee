//! # Generator frames in the eval loop
//!
//! CPython 3.13's generator instructions (`RETURN_GENERATOR`, `YIELD_VALUE`, `SEND`,
//! `FOR_ITER` over a generator, `GET_YIELD_FROM_ITER`, `GET_AWAITABLE`, the async protocol
//! instructions and the generator intrinsics) over the frame records of [`super`].
//!
//! **Making.** `RETURN_GENERATOR` moves the function frame's localsplus (its stack is empty)
//! into the block of slots of a new generator object (`crate::object::generator`), big enough
//! for the frame's whole window, then the frame returns the generator like a `RETURN_VALUE`.
//!
//! **Resuming in the loop.** `SEND` and `FOR_ITER` whose receiver is a generator (or, for
//! `SEND`, a coroutine) that is not running push its frame onto the running loop, as CPython's
//! `SEND_GEN`/`FOR_ITER_GEN` do: the frame's record gets the generator's block as its window
//! (the frame runs in place: nothing is copied in), its callees' windows go on the thread's data
//! stack right above the resumer's stack (`super::data_stack`; the record's `top`), the sent
//! value is pushed, and the record remembers how to come back ([`ResumeKind`]). A
//! chain of `yield from`/`await` therefore runs in one loop, however deep: each level is one
//! frame record, counted against the recursion limit like a call.
//!
//! **Suspending.** `YIELD_VALUE` leaves the values in the block (it records the stack depth),
//! moves the function back into the generator, pops the record and
//! pushes the value on the resumer's stack; the resumer continues after its `SEND`/`FOR_ITER`
//! (or, for a frame that native code resumed, the run of the loop returns). Returning pushes
//! the value and jumps to the `SEND`'s target, or ends the `for` loop. An exception leaving
//! the frame marks the generator finished and unwinds into the resumer like a call's.
//!
//! **Resuming from native code** (`next()`, `send`, `throw`, `close`): [`resume`] starts a
//! run of the loop whose entry frame is the generator's; `throw` starts it by unwinding the
//! exception at the suspended `yield` (the exception table sends it to `CLEANUP_THROW` inside
//! `yield from`).
//!
//! **Handled exceptions.** Each generator has its own "exception being handled" slot
//! (`gi_exc_state`): resuming makes it the thread's current slot and stacks the resumer's
//! underneath (`super::exc_state`, what `sys.exception()` falls back to); suspending or
//! finishing puts it back.

use std::cell::OnceCell;
use std::mem::ManuallyDrop;
use std::ptr::NonNull;

use pyrt_compile::{CodeFlags, Opcode};

use super::data_stack::{RunStack, Slot};
use super::{Frame, FrameSlots, RunFrames, depth_enter, depth_leave, none};
use crate::error::{PyErr, PyResult};
use crate::object::adaptive::AdaptiveCode;
use crate::object::attr::lookup_str;
use crate::object::code::{CodeObj, as_code};
use crate::object::exceptions::{as_exception, raise_msg};
use crate::object::function::as_function;
use crate::object::generator::{
    FrameBlock, GenKind, GenObject, GenState, SavedFrame, as_gen, as_gen_or_coro, async_gen_anext, kind_noun,
    new_generator,
};
use crate::object::obj::Obj;
use crate::object::{PyObject, abstract_ops as ops, types};

/// What a native resumption ended with.
pub(crate) enum Resumed {
    /// The generator yielded this value.
    Yielded(Obj),
    /// The generator returned this value (or had already finished: `None`).
    Returned(Obj),
}

/// How a generator frame running in the loop goes back to whoever resumed it.
#[derive(Clone, Copy)]
pub(super) enum ResumeKind {
    /// Native code resumed it: the run of the loop ends with the yielded or returned value.
    Entry,
    /// A `SEND`: a return jumps to `target` with the value on the stack.
    Send { target: usize },
    /// A `FOR_ITER`: a return ends the loop (the iterator is popped, execution continues at
    /// `target`).
    ForIter { target: usize },
    /// A `CALL_GEN_SEND` (`gen.send(v)`), whose callable and generator sit at the resumer's
    /// `call_at`: a yield replaces them with the value, as the call's result; a return
    /// replaces them with nothing and raises `StopIteration` there, as `send` does.
    Call,
}

/// The generator a frame record belongs to, borrowed: whoever resumed the frame holds the
/// generator for as long as the frame runs — the `FOR_ITER`/`SEND` resumer's iterator or
/// receiver sits on its value stack right below the frame's window (an unwinding or returning
/// generator frame is popped, and [`finish`]ed, before the resumer's stack is cut), and a
/// native [`resume`] borrows it from its caller. So a resumption counts no reference for it
/// (CPython's frame links do not either).
#[derive(Clone, Copy)]
pub(super) struct GenLink {
    genobj: NonNull<GenObject>,
    pub(super) resume: ResumeKind,
}

impl GenLink {
    /// The generator.
    #[inline]
    fn generator(&self) -> &GenObject {
        // SAFETY: the resumer keeps the generator alive while the record holding this link
        // exists (see the type's docs), and the link was made from a generator object
        // ([`push_frame`] checks it).
        unsafe { self.genobj.as_ref() }
    }

    /// Whether this frame runs the generator `o`.
    pub(super) fn is(&self, o: &PyObject) -> bool {
        std::ptr::eq(self.genobj.as_ptr().cast::<PyObject>(), o)
    }
}

#[inline]
fn enter_exc_state(g: &GenObject) {
    super::exc_state::enter_generator(g.swap_exc_state(None));
}

#[inline]
fn leave_exc_state(g: &GenObject) {
    let own = super::exc_state::leave_generator();
    // Dropped after the swap: the old value (normally `None`) may run a finaliser.
    drop(g.swap_exc_state(own));
}

/// `RETURN_GENERATOR`: moves the frame's window into a new generator object.
pub(super) fn return_generator(values: &mut [Slot], f: &mut Frame, code: &CodeObj) -> PyResult<Obj> {
    let flags = code.code.flags;
    let kind = if flags.contains(CodeFlags::COROUTINE) {
        GenKind::Coroutine
    } else if flags.contains(CodeFlags::ASYNC_GENERATOR) {
        GenKind::AsyncGenerator
    } else {
        GenKind::Generator
    };
    let func = f.func.clone().ok_or_else(|| PyErr::new(crate::ExcKind::SystemError, "generator without a function"))?;
    let (name, qualname) = match as_function(&func) {
        Some(fo) => (fo.name.get(), fo.qualname.get()),
        None => return Err(PyErr::new(crate::ExcKind::SystemError, "generator without a function")),
    };
    let block = FrameBlock::new(frame_room(code))?;
    let sp = f.sp;
    debug_assert!(sp <= block.len(), "a called frame's window is smaller than its generator's");
    for (i, v) in values[..sp].iter_mut().enumerate() {
        // SAFETY: `i < sp <= len`: a slot of the new block, empty, so the write drops nothing.
        unsafe { block.as_ptr().as_ptr().add(i).write(v.take()) };
    }
    f.sp = 0;
    let frame = SavedFrame {
        code: Obj::clone(&f.code),
        func: Some(func),
        globals: Obj::clone(&f.globals),
        builtins: Obj::clone(&f.builtins),
        slots: block,
        sp,
        ip: f.ip,
        lasti: f.lasti,
        frame_obj: f.frame_obj.take(),
    };
    new_generator(kind, name, qualname, frame)
}

/// Whether `SEND`/`FOR_ITER` resume `o` in the running loop: an exact generator (or coroutine,
/// for `SEND`) that is not running or finished. `Ok(true)`: its frame is claimed (running) and
/// counted against the recursion limit, and [`push_frame`] must follow.
#[inline]
pub(super) fn claim_for_loop(o: &PyObject, coroutine_too: bool) -> PyResult<bool> {
    let Some(g) = as_gen_or_coro(o) else { return Ok(false) };
    if !coroutine_too && g.kind != GenKind::Generator {
        return Ok(false);
    }
    let Ok(prev) = g.claim() else { return Ok(false) };
    if let Err(e) = depth_enter() {
        g.set_state(prev);
        return Err(e);
    }
    Ok(true)
}

/// The guard of `FOR_ITER_GEN` / `SEND_GEN`: [`claim_for_loop`] without an error — when the
/// recursion limit is reached it answers `false` and the generic instruction, which claims
/// again, raises the `RecursionError`.
#[inline]
pub(super) fn claim_for_specialised(o: &PyObject, coroutine_too: bool) -> bool {
    let Some(g) = as_gen_or_coro(o) else { return false };
    if !coroutine_too && g.kind != GenKind::Generator {
        return false;
    }
    if depth_enter().is_err() {
        return false;
    }
    if g.claim().is_err() {
        depth_leave();
        return false;
    }
    true
}

/// The guard of `CALL_GEN_SEND` over the stack `[callable, self, value]` ending at `sp`: the
/// callable is the generator type's `send` method descriptor, `self` an exact generator that
/// is not running or finished (claimed here, and counted against the recursion limit, as
/// [`claim_for_specialised`]), and the value `None` unless the generator was suspended at a
/// `yield` (a just-started one refuses other values). On a miss the generic `CALL` runs (and
/// raises what `send` raises: `ValueError` for a running generator, `StopIteration` for a
/// finished one, `TypeError` for a value sent to a just-started one, `RecursionError`).
#[inline(always)]
pub(super) fn claim_for_send(values: &[Slot], sp: usize, argc: u32) -> bool {
    if argc != 1 || sp < 3 {
        return false;
    }
    let (Some(callable), Some(receiver), Some(value)) =
        (values[sp - 3].as_deref(), values[sp - 2].as_deref(), values[sp - 1].as_deref())
    else {
        return false;
    };
    let t = crate::object::immortal::types_known_made(callable);
    if !std::ptr::eq(callable.type_object(), t.method_descriptor_type) {
        return false;
    }
    // SAFETY: an exact method descriptor is a MethodDescr.
    let d = unsafe { callable.cast::<crate::object::builtin::MethodDescr>() };
    if !crate::object::generator::is_gen_send(d.def) {
        return false;
    }
    let Some(g) = as_gen(receiver) else { return false };
    if g.kind != GenKind::Generator {
        return false;
    }
    // No state goes back to `Created`, so a generator not created now is not created when
    // claimed below.
    if !value.is(crate::object::immortals().none) && g.state() == GenState::Created {
        return false;
    }
    claim_for_specialised(receiver, false)
}

/// `_Py_Specialize_Send`: a receiver that is an exact generator or coroutine makes `SEND_GEN`
/// (its guard, [`claim_for_loop`], re-checks the kind and that the frame is not running).
pub(super) fn specialize_send(code: &AdaptiveCode, i: usize, receiver: &PyObject) {
    if as_gen_or_coro(receiver).is_some() {
        super::specialize::specialize(code, i, Opcode::SEND_GEN);
    } else {
        super::specialize::fail(code, i, Opcode::SEND);
    }
}

/// The slots of a generator's block (its frame's window): localsplus, the value stack and two spare slots
/// (one more than a called frame gets: the resumption pushes the sent value on top of the
/// saved stack).
fn frame_room(code: &CodeObj) -> usize {
    code.code.nlocalsplus() + code.code.stacksize as usize + 2
}

/// Resumes a claimed generator in the running loop (`SEND_GEN` / `FOR_ITER_GEN` after
/// [`claim_for_loop`], and a native [`resume`]): pushes a record for the saved frame of
/// `genobj` onto `frames` whose window is the generator's block (CPython links the frame
/// embedded in the generator into the frame chain) and pushes `sent` on its stack. Its callees'
/// windows go on the thread's data stack right above the resumer's stack top (the innermost
/// record of `frames`, whose `call_at` was set there so a frame unwinding out leaves the
/// resumer's stack alone), or for a native resumption (`entry`, `frames` empty) at the
/// thread's top. `genobj` is borrowed: the resumer holds it while the frame runs (see
/// [`GenLink`]).
///
/// Nothing is copied: the values stay in the block while the frame runs and after it
/// suspends, and the block never moves or grows. The function moves into
/// the record; the code, globals and builtins stay in the saved frame and the record borrows
/// them (see [`SavedFrame`]), so a resumption counts no references. Out of line for the
/// generic instructions and native resumptions; the specialised `FOR_ITER_GEN`/`SEND_GEN`
/// arms have it inlined ([`push_frame_inline`]).
///
/// A native resumption needs a slot at the thread's top: when none can be had (a new chunk
/// the allocator cannot give) the result is a `MemoryError`, the generator goes back to the state it was claimed from and the depth the
/// claim counted is given back.
#[inline(never)]
pub(super) fn push_frame(
    frames: &mut Vec<Frame>,
    genobj: NonNull<PyObject>,
    sent: Obj,
    resume: ResumeKind,
    entry: Option<&RunStack>,
) -> PyResult<()> {
    push_frame_inline(frames, genobj, sent, resume, entry)
}

/// A claimed generator whose resumption got no window: it goes back to the state it was
/// claimed from, the depth the claim counted is given back, and `e` is the resumption's
/// error. Out of line: the resuming arms stay as small as they were.
#[cold]
#[inline(never)]
fn unclaim(g: &GenObject, saved: std::cell::RefMut<'_, SavedFrame>, sent: Obj, e: PyErr) -> PyErr {
    let state = state_before_claim(&saved);
    drop(saved);
    g.set_state(state);
    depth_leave();
    // Dropped once the generator is consistent again (it may run a finaliser).
    drop(sent);
    e
}

/// The state a claimed generator had before its claim, read from the instruction its frame
/// stopped at: a `YIELD_VALUE` (oparg 1: inside `yield from`/`await`), or `RETURN_GENERATOR`
/// for a generator never resumed. Only for undoing a claim whose resumption failed.
#[cold]
fn state_before_claim(saved: &SavedFrame) -> GenState {
    let Some(code) = as_code(&saved.code) else { return GenState::Created };
    let unit = code.adaptive.opcode_unit(saved.lasti);
    match Opcode::from_u8((unit & 0xff) as u8) {
        Some(Opcode::YIELD_VALUE) if unit >> 8 == 1 => GenState::SuspendedYieldFrom,
        Some(Opcode::YIELD_VALUE) => GenState::Suspended,
        _ => GenState::Created,
    }
}

/// [`push_frame`], inlined into the arms that resume almost every generator run by a `for`
/// loop or `yield from` in the loop (`FOR_ITER_GEN`, `SEND_GEN`): the call and the function's
/// prologue were a measurable part of a resumption.
#[inline(always)]
pub(super) fn push_frame_inline(
    frames: &mut Vec<Frame>,
    genobj: NonNull<PyObject>,
    sent: Obj,
    resume: ResumeKind,
    entry: Option<&RunStack>,
) -> PyResult<()> {
    // Room for the record first: the record's fields are then computed after the only call
    // that may grow the vector, and written where the record lives (with the reservation
    // after them, they were kept on the native stack across it and copied in).
    frames.reserve(1);
    // SAFETY: the resumer holds `genobj` (see [`GenLink`]) for as long as this borrow is used.
    let g = as_gen(unsafe { genobj.as_ref() }).expect("a claimed generator");
    let link = GenLink { genobj: NonNull::from(g), resume };
    let mut saved = g.frame();
    let n = saved.sp;
    // Where the frame's callees go: above the resumer's stack (the innermost record of
    // `frames`, whose stack pointer was synced), or for a native resumption above a one-slot
    // window at the thread's top (a place inside a chunk, never a chunk's first slot, for the
    // data stack's chunk search; the slot itself stays unused).
    let (top, limit) = match entry {
        Some(stack) => match stack.alloc_entry(1) {
            // SAFETY: the window has one slot.
            Ok(w) => (unsafe { w.base.as_ptr().add(1) }, w.limit),
            Err(e) => return Err(unclaim(g, saved, sent, e)),
        },
        None => {
            let resumer = frames.last().expect("a resumer");
            resumer.slots.callee_at(resumer.sp)
        }
    };
    let slots = FrameSlots::generator_block(saved.slots.as_ptr(), saved.slots.len(), top, limit);
    debug_assert!(n < saved.slots.len(), "a suspended frame's block has room for the sent value");
    // SAFETY: slot `n` is above the suspended frame's stack, inside its block, and empty (so
    // the write drops nothing); no record uses the block (the frame was claimed).
    unsafe {
        let at = slots.base.as_ptr().add(n);
        debug_assert!((*at).is_none(), "a slot above a suspended frame's stack holds a value");
        at.write(Some(sent));
    }
    // SAFETY: bitwise copies that are never dropped (`owns_refs` is false, and the record's
    // `Drop` skips them): the saved frame owns these references and never replaces them, and
    // it lives in the generator, which outlives the record (see [`GenLink`]).
    let (code, globals, builtins) =
        unsafe { (std::ptr::read(&saved.code), std::ptr::read(&saved.globals), std::ptr::read(&saved.builtins)) };
    let func = saved.func.take();
    let (ip, lasti) = (saved.ip, saved.lasti);
    let frame_obj = match saved.frame_obj.take() {
        None => OnceCell::new(),
        some => super::frame_object::reattach(some),
    };
    drop(saved);
    enter_exc_state(g);
    super::data_stack::set_top(top);
    let len = frames.len();
    debug_assert!(frames.capacity() > len, "reserved above");
    let record = Frame {
        code: ManuallyDrop::new(code),
        func,
        globals: ManuallyDrop::new(globals),
        builtins: ManuallyDrop::new(builtins),
        owns_refs: false,
        locals: None,
        slots,
        sp: n + 1,
        ip,
        lasti,
        call_at: 0,
        owner_gen: Some(link),
        init_self: None,
        frame_obj,
    };
    // SAFETY: `reserve(1)` above left room for one record at index `len` (nothing pushed since);
    // it is written whole before the length covers it.
    unsafe {
        frames.as_mut_ptr().add(len).write(record);
        frames.set_len(len + 1);
    }
    Ok(())
}

/// `YIELD_VALUE`: the innermost record of `frames`, a generator frame whose yielded value was
/// taken, goes back into its generator and is popped: its frame object detaches, its stack
/// depth is recorded (the values stay in the generator's block, the record's window) and its
/// function moves back. `oparg` 1 marks a `yield from`/`await` suspension. The thread's top
/// goes back to the resumer's window (a native resumption's run restores it as it ends).
/// The value goes to the resumer ([`deliver_yield`]); with no resumer in this run (a native
/// resumption's entry frame) it comes back, for the run to return.
pub(super) fn suspend(frames: &mut Vec<Frame>, oparg: u32, v: Obj) -> Option<Obj> {
    let done = frames.last_mut().expect("a frame");
    let frame_obj = super::detach_frame_object(done, false);
    let sp = done.sp;
    let link = done.owner_gen.expect("YIELD_VALUE in a generator frame");
    let g = link.generator();
    {
        // The values stay where they are: the record's window is the generator's block.
        let mut saved = g.frame();
        saved.sp = sp;
        saved.func = done.func.take();
        saved.ip = done.ip;
        saved.lasti = done.lasti;
        saved.frame_obj = frame_obj;
    }
    debug_assert!(
        !done.owns_refs && done.func.is_none() && done.locals.is_none() && done.init_self.is_none(),
        "a suspended generator frame's record owns nothing"
    );
    debug_assert!(done.frame_obj.get().is_none(), "the frame object was detached");
    // SAFETY: the record is the last one (`last_mut` above) and owns nothing any more — its
    // code, globals and builtins are borrowed (`owns_refs` is false), its function and frame
    // object moved out, its generator link holds no reference, and a generator frame has no
    // locals mapping or `__init__` instance — so forgetting it runs no needed drop (the drop
    // glue's tests of each field were a measurable part of a suspension).
    unsafe { frames.set_len(frames.len() - 1) };
    if let Some(resumer) = frames.last() {
        super::data_stack::set_top(resumer.slots.top);
    }
    g.set_state(if oparg == 1 { GenState::SuspendedYieldFrom } else { GenState::Suspended });
    leave_exc_state(g);
    depth_leave();
    match frames.last_mut() {
        Some(resumer) => {
            deliver_yield(resumer, link.resume, v);
            None
        }
        None => Some(v),
    }
}

/// In [`suspend`]: the yielded value `v` goes to the resumer (the innermost record again) as
/// `resume` says — pushed on its stack for a `SEND`/`FOR_ITER`, in place of the callable and
/// generator for a `CALL_GEN_SEND` (the call's result).
#[inline(always)]
fn deliver_yield(resumer: &mut Frame, resume: ResumeKind, v: Obj) {
    // SAFETY: the resumer is the innermost record again and the loop continues at `'frames`,
    // which derives its window afresh: nothing else refers to it.
    let window = unsafe { resumer.window() };
    if let ResumeKind::Call = resume {
        let at = resumer.call_at;
        debug_assert_eq!(resumer.sp, at + 2, "a CALL_GEN_SEND resumer keeps its callable and generator");
        let callable = window[at].replace(v);
        let receiver = window[at + 1].take();
        resumer.sp = at + 1;
        // Dropped once the resumer is consistent (the generator may be finalised).
        drop(callable);
        drop(receiver);
    } else {
        window[resumer.sp] = Some(v);
        resumer.sp += 1;
    }
}

/// A generator frame returned or raised: the generator is finished.
/// A generator frame has ended (returned or raised out): before its values are cleared, the
/// generator is `Completed` and its handled exception leaves the thread's chain, as CPython's
/// `clear_gen_frame` does first, so finalisers run by the clear see a finished generator (not
/// a running one: `close()` and `next()` from them work). [`finish`] follows the clear.
pub(super) fn end(link: GenLink) {
    let g = link.generator();
    g.set_state(GenState::Completed);
    leave_exc_state(g);
}

/// After an ended generator frame's values are cleared ([`end`]): its handled exception and
/// its block go.
pub(super) fn finish(link: GenLink) {
    let g = link.generator();
    drop(g.swap_exc_state(None));
    // The frame's slots were cleared as it ended; its block goes. (Dropped after the borrow,
    // as everything dropped here.)
    let block = {
        let mut saved = g.frame();
        saved.sp = 0;
        std::mem::take(&mut saved.slots)
    };
    drop(block);
}

/// A generator frame resumed by `SEND`/`FOR_ITER`/`CALL_GEN_SEND` returned `v`: continue its
/// resumer, or for `CALL_GEN_SEND` the error to raise there (`StopIteration`, as `send`
/// raises it: no argument for `None`), the callable and generator taken off its stack.
pub(super) fn return_to_resumer(caller: &mut Frame, resume: ResumeKind, v: Obj) -> Option<PyErr> {
    // SAFETY: the resumer is the innermost record of the run (the generator frame was popped),
    // so it has its window, and the loop holds no reference into it across this call.
    let values = unsafe { caller.window() };
    match resume {
        ResumeKind::Entry => unreachable!("an entry frame has no resumer in this run"),
        ResumeKind::Send { target } => {
            values[caller.sp] = Some(v);
            caller.sp += 1;
            caller.ip = target;
        }
        ResumeKind::ForIter { target } => {
            drop(v);
            caller.sp -= 1;
            drop(values[caller.sp].take());
            caller.ip = target;
        }
        ResumeKind::Call => {
            let at = caller.call_at;
            debug_assert_eq!(caller.sp, at + 2, "a CALL_GEN_SEND resumer keeps its callable and generator");
            let callable = values[at].take();
            let receiver = values[at + 1].take();
            caller.sp = at;
            drop(callable);
            drop(receiver);
            return Some(if v.is(crate::object::immortals().none) {
                PyErr::stop_iteration(None)
            } else {
                PyErr::stop_iteration(Some(v))
            });
        }
    }
    None
}

/// Resumes a generator from native code: `send(sent)`, or `throw` when `thrown` is given.
pub(crate) fn resume(o: &PyObject, sent: Obj, thrown: Option<PyErr>) -> PyResult<Resumed> {
    let g = as_gen(o).expect("resume on a generator object");
    if g.state() == GenState::Created && thrown.is_none() && !sent.is(crate::object::immortals().none) {
        return Err(PyErr::type_error(format!("can't send non-None value to a just-started {}", kind_noun(g))));
    }
    let prev = match g.claim() {
        Ok(prev) => prev,
        Err(GenState::Completed) => {
            if g.kind == GenKind::Coroutine {
                return Err(PyErr::runtime_error("cannot reuse already awaited coroutine"));
            }
            return match thrown {
                Some(e) => Err(e),
                None => Ok(Resumed::Returned(none())),
            };
        }
        Err(_) => return Err(PyErr::value_error(format!("{} already executing", kind_noun(g)))),
    };
    // A thrown exception is chained to the exception the generator itself is handling (only
    // that one: `_PyErr_ChainStackItem`); its traceback entry at the generator's frame is added
    // by the loop, which has the frame's record (and so its frame object).
    let thrown = thrown.map(|err| {
        let exc = err.into_object();
        if let (Some(ctx), Some(e)) = (g.handled_exception(), as_exception(&exc)) {
            if !ctx.is(&exc) {
                e.context().set(Some(ctx));
            }
        }
        PyErr::from_object(exc)
    });
    // The native recursion units first: once the frame is pushed (the generator claimed, its
    // exception state entered, the sent value in its block), a `RecursionError` could not be
    // raised without undoing all of that.
    let units = match crate::object::recursion::take_eval_entry_units() {
        Ok(u) => u,
        Err(e) => {
            g.set_state(prev);
            return Err(e);
        }
    };
    if let Err(e) = depth_enter() {
        g.set_state(prev);
        return Err(e);
    }
    let stack = RunStack::enter();
    let mut frames = RunFrames::take();
    // The sent value is pushed even for `throw` (as `gen_send_ex2` does): `CLEANUP_THROW`'s
    // handler depth counts it.
    // Inlined (as in `FOR_ITER_GEN`): the call was a measurable part of a native resumption.
    if let Err(e) = push_frame_inline(&mut frames, NonNull::from(o), sent, ResumeKind::Entry, Some(&stack)) {
        RunFrames::give_back(frames);
        return Err(match thrown {
            Some(thrown) => failed_throw(e, thrown),
            None => e,
        });
    }
    if thrown.is_some() {
        // Raised at the suspension point: the `yield` (or `RETURN_GENERATOR` before the first
        // run), whose exception-table entry decides where it goes.
        let frame = frames.last_mut().expect("the entry frame");
        frame.lasti = frame.ip.saturating_sub(1);
    }
    let r = crate::object::recursion::run_on_enough_stack(|| super::run_frames(&mut frames, thrown));
    drop(units);
    debug_assert!(frames.is_empty(), "a run of the loop ends with no frame");
    RunFrames::give_back(frames);
    let completed = g.state() == GenState::Completed;
    // The frame's values are in its generator's block (suspended) or were cleared (finished);
    // its callees' windows above the one-slot window at the top were cleared as they returned.
    drop(stack);
    let v = r?;
    Ok(if completed { Resumed::Returned(v) } else { Resumed::Yielded(v) })
}

/// A `throw()` whose resumption failed before the frame ran (`e`: no window for it, a
/// `MemoryError`): the generator stays suspended where it was (`push_frame` undid the claim)
/// and `e` propagates with the exception that was to be thrown as its `__context__`, so that
/// one is not lost without a trace.
#[cold]
fn failed_throw(e: PyErr, thrown: PyErr) -> PyErr {
    let err = e.into_object();
    let thrown = thrown.into_object();
    if let Some(x) = as_exception(&err) {
        if !thrown.is(&err) {
            x.context().set(Some(thrown));
        }
    }
    PyErr::from_object(err)
}

/// `CALL_INTRINSIC_1 INTRINSIC_STOPITERATION_ERROR` (PEP 479): a `StopIteration` (or, in an
/// async generator, `StopAsyncIteration`) leaving a generator becomes `RuntimeError`.
pub(super) fn stopiteration_error(exc: Obj, flags: CodeFlags) -> Obj {
    let is = |name: &str| exc.type_object().is_subtype(types().exc.named(name));
    let msg = if is("StopIteration") {
        if flags.contains(CodeFlags::ASYNC_GENERATOR) {
            "async generator raised StopIteration"
        } else if flags.contains(CodeFlags::COROUTINE) {
            "coroutine raised StopIteration"
        } else {
            "generator raised StopIteration"
        }
    } else if flags.contains(CodeFlags::ASYNC_GENERATOR) && is("StopAsyncIteration") {
        "async generator raised StopAsyncIteration"
    } else {
        return exc;
    };
    let err = raise_msg(types().exc.named("RuntimeError"), msg).into_object();
    if let Some(e) = as_exception(&err) {
        e.cause().set(Some(exc.clone()));
        e.set_suppress_context(true);
        e.context().set(Some(exc));
    }
    err
}

/// `GET_YIELD_FROM_ITER`.
pub(super) fn get_yield_from_iter(v: Obj, flags: CodeFlags) -> PyResult<Obj> {
    if let Some(g) = as_gen(&v) {
        match g.kind {
            GenKind::Generator => return Ok(v),
            GenKind::Coroutine => {
                if !flags.contains(CodeFlags::COROUTINE) && !flags.contains(CodeFlags::ITERABLE_COROUTINE) {
                    return Err(PyErr::type_error(
                        "cannot 'yield from' a coroutine object in a non-coroutine generator",
                    ));
                }
                return Ok(v);
            }
            GenKind::AsyncGenerator => {}
        }
    }
    ops::get_iter(&v)
}

/// Calls the special method `name` found on `o`'s type, if there is one.
fn call_special(o: &Obj, name: &str) -> Option<PyResult<Obj>> {
    let m = lookup_str(o.type_object(), name)?;
    Some(ops::call(&m, std::slice::from_ref(o), None))
}

/// `_PyCoro_GetAwaitableIter`: `None` when the object has no `__await__`.
fn awaitable_iter(o: &Obj) -> Option<PyResult<Obj>> {
    if as_gen(o).is_some_and(|g| g.kind == GenKind::Coroutine) {
        return Some(Ok(o.clone()));
    }
    let res = match call_special(o, "__await__")? {
        Ok(r) => r,
        Err(e) => return Some(Err(e)),
    };
    if as_gen(&res).is_some_and(|g| g.kind == GenKind::Coroutine) {
        return Some(Err(PyErr::type_error("__await__() returned a coroutine")));
    }
    if res.type_object().iternext.is_none() {
        return Some(Err(PyErr::type_error(format!(
            "__await__() returned non-iterator of type '{}'",
            res.type_object().name()
        ))));
    }
    Some(Ok(res))
}

fn not_awaitable(o: &PyObject) -> PyErr {
    PyErr::type_error(format!("object {} can't be used in 'await' expression", o.type_object().name()))
}

/// `GET_AWAITABLE`: oparg 1 and 2 name `__aenter__` / `__aexit__` in the error.
pub(super) fn get_awaitable(o: Obj, oparg: u32) -> PyResult<Obj> {
    let it = match awaitable_iter(&o) {
        Some(r) => r?,
        None => {
            let msg = match oparg {
                1 => format!(
                    "'async with' received an object from __aenter__ that does not implement __await__: {}",
                    o.type_object().name()
                ),
                2 => format!(
                    "'async with' received an object from __aexit__ that does not implement __await__: {}",
                    o.type_object().name()
                ),
                _ => return Err(not_awaitable(&o)),
            };
            return Err(PyErr::type_error(msg));
        }
    };
    if as_gen(&it).is_some_and(|g| g.kind == GenKind::Coroutine && g.yield_from().is_some()) {
        return Err(PyErr::runtime_error("coroutine is being awaited already"));
    }
    Ok(it)
}

/// `GET_AITER`.
pub(super) fn get_aiter(o: Obj) -> PyResult<Obj> {
    let Some(it) = call_special(&o, "__aiter__") else {
        return Err(PyErr::type_error(format!(
            "'async for' requires an object with __aiter__ method, got {}",
            o.type_object().name()
        )));
    };
    let it = it?;
    if lookup_str(it.type_object(), "__anext__").is_none() {
        return Err(PyErr::type_error(format!(
            "'async for' received an object from __aiter__ that does not implement __anext__: {}",
            it.type_object().name()
        )));
    }
    Ok(it)
}

/// `GET_ANEXT`: the awaitable of the next item.
pub(super) fn get_anext(aiter: &Obj) -> PyResult<Obj> {
    if as_gen(aiter).is_some_and(|g| g.kind == GenKind::AsyncGenerator) {
        return async_gen_anext(aiter);
    }
    let Some(next) = call_special(aiter, "__anext__") else {
        return Err(PyErr::type_error(format!(
            "'async for' requires an iterator with __anext__ method, got {}",
            aiter.type_object().name()
        )));
    };
    let next = next?;
    let cause = match awaitable_iter(&next) {
        Some(Ok(it)) => return Ok(it),
        Some(Err(e)) => e,
        None => not_awaitable(&next),
    };
    let err = PyErr::type_error(format!(
        "'async for' received an invalid object from __anext__: {}",
        next.type_object().name()
    ))
    .into_object();
    let cause = cause.into_object();
    if let Some(e) = as_exception(&err) {
        e.cause().set(Some(cause.clone()));
        e.set_suppress_context(true);
        e.context().set(Some(cause));
    }
    Err(PyErr::from_object(err))
}

/// `BEFORE_ASYNC_WITH`: `(bound __aexit__, result of __aenter__())`.
pub(super) fn before_async_with(mgr: Obj) -> PyResult<(Obj, Obj)> {
    let ty = mgr.type_object();
    let protocol = format!("'{}' object does not support the asynchronous context manager protocol", ty.name());
    if lookup_str(ty, "__aenter__").is_none() {
        return Err(PyErr::type_error(protocol));
    }
    if lookup_str(ty, "__aexit__").is_none() {
        return Err(PyErr::type_error(format!("{protocol} (missed __aexit__ method)")));
    }
    let enter = ops::get_attr_str(&mgr, "__aenter__")?;
    let exit = ops::get_attr_str(&mgr, "__aexit__")?;
    let res = ops::call(&enter, &[], None)?;
    Ok((exit, res))
}

/// Whether `exc` is an instance of the builtin exception class `name`.
pub(super) fn exc_is(exc: &PyObject, name: &str) -> bool {
    exc.type_object().is_subtype(types().exc.named(name))
}

#[cfg(all(test, not(loom)))]
mod tests {
    use pyrt_compile::Opcode;

    use crate::eval::specialize::tests::run_in;

    /// `f` loops over a generator and delegates to one with `yield from`; later runs hand the
    /// same instructions a list and a running generator (the guard's miss).
    const PROGRAM: &str = "\
def numbers(n):
    for i in range(n):
        yield i
def numbers_ret(n):
    yield from numbers(n)
    return n * 100
def f(items, n):
    t = 0
    for x in items:
        t += x
    r = yield from numbers_ret(n)
    yield t + r
result = [list(f(numbers(5), 3)), list(f([1, 2, 3], 2))]
def selfish():
    yield list(f(me, 1))
me = selfish()
try:
    next(me)
except ValueError as e:
    result.append(str(e))
result.append(list(f(numbers(4), 4)))
";

    /// A native resumption that gets no window (`MemoryError`) leaves the generator suspended
    /// and usable; a `throw()` that fails so keeps the thrown exception as the error's context.
    #[test]
    fn a_resumption_without_a_window_is_a_memory_error_and_the_generator_stays_usable() {
        use crate::object::{abstract_ops as ops, dict::as_dict, exceptions::as_exception, intern, str::new_str};
        crate::Runtime::initialize();
        let interp = crate::Interpreter::new(crate::InterpreterConfig::isolated()).expect("an interpreter");
        interp
            .attach(|_py| {
                let src = "def gen():\n    try:\n        yield 1\n    except ValueError as e:\n        yield 'caught ' + str(e)\n    yield 3\ng = gen()\nfirst = next(g)\n";
                let code = pyrt_compile::compile(src, "<gen>", pyrt_compile::Mode::Module).expect("compiles");
                let globals = crate::eval::run_module(code, "__main__", "<gen>").expect("runs");
                let ns = as_dict(&globals).expect("a dict");
                let g = ns.get_str(&intern("g").ob_base).expect("g");
                let value_error = |text: &str| {
                    let msg = new_str(text).expect("a str");
                    ops::call(&crate::object::types().exc.named("ValueError").ob_base, &[msg], None).expect("an exception")
                };
                // `throw` without a window: a MemoryError carrying the thrown exception.
                let thrown = value_error("lost?");
                super::super::data_stack::fail_next_entry();
                let err = super::resume(&g, super::none(), Some(crate::error::PyErr::from_object(thrown.clone())))
                    .err()
                    .expect("no window");
                assert!(err.is(&crate::ExcKind::MemoryError), "{err:?}");
                let err = err.into_object();
                let ctx = as_exception(&err).expect("an exception").context().get();
                assert!(ctx.is_some_and(|c| c.is(&thrown)), "the thrown exception is the context");
                // `send` without a window: a MemoryError, nothing else changes.
                super::super::data_stack::fail_next_entry();
                let err = super::resume(&g, super::none(), None).err().expect("no window");
                assert!(err.is(&crate::ExcKind::MemoryError), "{err:?}");
                // Still suspended at the first `yield`: a real `throw` is caught there.
                let r = super::resume(&g, super::none(), Some(crate::error::PyErr::from_object(value_error("x"))));
                let text = match r.expect("resumes") {
                    super::Resumed::Yielded(v) => ops::repr_text(&v).expect("a repr"),
                    super::Resumed::Returned(_) => panic!("the generator returned"),
                };
                assert_eq!(text, "'caught x'");
                match super::resume(&g, super::none(), None).expect("resumes") {
                    super::Resumed::Yielded(v) => assert_eq!(ops::repr_text(&v).expect("a repr"), "3"),
                    super::Resumed::Returned(_) => panic!("the generator returned"),
                }
            })
            .expect("attached");
    }

    /// A generator function (and a bound method over one) called from one site takes the `CALL`
    /// forms that enter a frame; the same site then handed a plain function and a builtin (the
    /// guard's misses) still calls them.
    const CALLS: &str = "\
def numbers(n):
    for i in range(n):
        yield i
class B:
    def items(self, n):
        yield from range(n)
def f(make, arg):
    return sum(make(arg))
def g(m):
    return list(m(2))
result = [f(numbers, 4) for _ in range(40)][-1:]
result.append([g(B().items) for _ in range(40)][-1])
result.append(f(lambda n: [n, n], 5))
result.append(f(range, 4))
result.append(f(numbers, 3))
";

    #[test]
    fn generator_functions_take_the_frame_entering_call_forms_and_other_callables_miss() {
        for config in [crate::InterpreterConfig::isolated(), crate::InterpreterConfig::free_threaded()] {
            let (result, ops) = run_in(config, CALLS);
            assert_eq!(result, "[6, [0, 1], 10, 6, 3]");
            assert!(ops.contains(&Opcode::CALL_PY_EXACT_ARGS), "{ops:?}");
        }
    }

    /// `f` sends to a generator from a loop (`CALL_GEN_SEND`); later runs hand the same site a
    /// finished generator, a just-started one given a value, a running one and an object with a
    /// `send` method of its own (the guard's misses, each answered as `send` answers).
    const SENDS: &str = "\
def averager():
    total = count = 0
    avg = None
    while True:
        v = yield avg
        total += v
        count += 1
        avg = total // count
        if v < 0:
            return ('ret', avg)
def f(g, values):
    out = []
    for v in values:
        try:
            out.append(g.send(v))
        except (StopIteration, ValueError, TypeError) as e:
            out.append((type(e).__name__, e.args))
    return out
a = averager()
next(a)
result = [f(a, range(40))[-1], f(a, [-100, 1])]
class Echo:
    def send(self, v):
        return v * 2
result.append(f(averager(), [1]))
result.append(f(Echo(), [4]))
def selfish():
    yield f(me, [None])
me = selfish()
result.append(next(me))
b = averager()
next(b)
result.append(f(b, range(3, 300))[-2:])
";

    #[test]
    fn sends_from_a_loop_specialise_and_the_guard_misses_fall_back() {
        for config in [crate::InterpreterConfig::isolated(), crate::InterpreterConfig::free_threaded()] {
            let (result, ops) = run_in(config, SENDS);
            assert_eq!(
                result,
                "[19, [('StopIteration', (('ret', 16),)), ('StopIteration', ())], \
                 [('TypeError', (\"can't send non-None value to a just-started generator\",))], [8], \
                 [('ValueError', ('generator already executing',))], [150, 151]]"
            );
            assert!(ops.contains(&Opcode::CALL_GEN_SEND), "{ops:?}");
        }
    }

    #[test]
    fn loops_and_yield_from_over_generators_specialise_and_a_running_generator_misses() {
        for config in [crate::InterpreterConfig::isolated(), crate::InterpreterConfig::free_threaded()] {
            let (result, ops) = run_in(config, PROGRAM);
            assert_eq!(result, "[[0, 1, 2, 310], [0, 1, 206], 'generator already executing', [0, 1, 2, 3, 406]]");
            assert!(ops.contains(&Opcode::FOR_ITER_GEN), "{ops:?}");
            assert!(ops.contains(&Opcode::SEND_GEN), "{ops:?}");
        }
    }
}
