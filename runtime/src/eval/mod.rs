//! # The eval loop
//!
//! CPython 3.13's instruction semantics (`Python/bytecodes.c`) over the compiler's code objects.
//!
//! **Frames.** A frame is a record (code, namespaces, instruction and stack pointers) in its
//! run's frame vector and a window of slots on the thread's data stack ([`data_stack`]:
//! chunks that never move, as CPython's `_PyThreadState_PushFrame`): its "localsplus" (locals,
//! cells, free variables) then its value stack, addressed through the window's own base
//! pointer, as CPython's `_PyInterpreterFrame` is. A Python-to-Python call starts the callee's
//! window at its arguments on the caller's stack (above the caller's stack, or in the next
//! chunk, when it does not fit; chunks are kept, so no allocation per call once warm), pushes a record and the loop continues in the
//! callee — no native recursion. A return clears the window, pops the record and pushes the
//! value on the caller's stack. Native code calling a Python function (a slot wrapper,
//! `sorted(key=...)`) starts a new run of the loop whose entry window goes at the thread's
//! data stack top.
//!
//! **Dispatch.** One `match` on the opcode byte per instruction, read from the code object's
//! adaptive copy of its instructions and decoded through [`DECODE`] (instruction and span in
//! one table lookup, no `Option`: a byte that is no instruction decodes to the slow head);
//! `oparg` and the decoded instruction are locals of the loop. The head tests nothing:
//! `EXTENDED_ARG` is an arm that decodes the next unit and re-dispatches it (`continue 'op`),
//! a run with a trace function set dispatches through [`DECODE_TRACED`], whose every entry is
//! the slow head's arm (it reports the instruction, then re-dispatches its generic form), and
//! an instruction that falls through continues with the next one (`continue 'insn`), not
//! through an outcome value: only returns, suspensions and errors leave the `'op` block with
//! one.
//! A run started from native code takes its frame vector from a per-thread pool
//! ([`RunFrames`]), so calling Python from native code allocates nothing once warm.
//!
//! **Specialisation** (PEP 659, see [`specialize`]). Generic instructions of a family count
//! down the counter in their first cache unit (`adapt!`) and, when it fires, have the
//! specialiser rewrite them to a specialised form and are dispatched again. Each specialised
//! form is an arm with a guard, placed before the generic arms; the generic arm of its family
//! also matches the specialised opcode, so a failed guard falls through to the generic body
//! (the deoptimisation of one execution). A call whose arguments fit a Python function's
//! parameters exactly moves them into the new frame (`enter_exact_args`), and class
//! construction with a Python `__init__` runs the `__init__` frame in this loop (`init_self`).
//!
//! **Errors.** An instruction that fails breaks out of the `match` with the error; the handler
//! adds a traceback entry for the frame (not for `RERAISE`), sets `__context__` from the
//! exception being handled, then looks the instruction up in the code object's exception table:
//! found, the stack is cut to the entry's depth, `lasti` pushed when asked, the exception
//! pushed, and execution continues at the handler; not found, the frame is popped and the
//! caller's instruction fails the same way.
//!
//! **Breaker and recursion.** `RESUME` and backward jumps check the eval breaker (one relaxed
//! load); Python frames deeper than the recursion limit raise `RecursionError`.

mod annotations;
pub mod args;
pub mod caller;
mod cold_ops;
mod data_stack;
#[cfg(all(test, not(loom)))]
mod data_stack_tests;
#[cfg(all(test, not(loom)))]
mod dispatch_tests;
mod exc_state;
pub(crate) mod frame_locals;
pub(crate) mod frame_object;
pub mod generator;
#[cfg(all(test, not(loom)))]
mod method_swap_ft_tests;
mod pattern;
pub mod source_cache;
pub(crate) mod specialize;
mod specialize_attr;
#[cfg(all(test, not(loom)))]
mod specialize_ft_tests;
pub(crate) mod trace;
#[cfg(all(test, not(loom)))]
mod trace_tests;
pub mod traceback;

pub use caller::{caller_globals, caller_locals, caller_super_args};

use std::cell::{Cell, OnceCell};
use std::mem::ManuallyDrop;
use std::ptr::NonNull;

use pyrt_compile::{CodeFlags, Opcode};

use crate::error::{PyErr, PyResult};
use crate::object::abstract_ops::{self as ops, UnaryOp};
use crate::object::adaptive::opcode_unit_of;
use crate::object::code::{CodeObj, as_code};
use crate::object::dict::{as_dict, new_dict};
use crate::object::exceptions::builtin_exc;
use crate::object::function::{as_cell, as_function, new_cell};
use crate::object::immortal::types_known_made;
use crate::object::int::{new_bool, new_int};
use crate::object::list::{as_list, new_list};
use crate::object::obj::Obj;
use crate::object::range::new_slice;
use crate::object::slots::BinOp;
use crate::object::str::{new_str, str_value};
use crate::object::tuple::{items, new_tuple};
use crate::object::typeobj::{CompareOp, as_type};
use crate::object::{PyObject, exception_group, immortals, types};

use data_stack::Slot;

thread_local! {
    /// Python frames on this thread's stack, all runs of the loop together.
    static DEPTH: Cell<usize> = const { Cell::new(0) };
}

/// Sets the recursion limit of the current interpreter (`sys.setrecursionlimit`).
pub fn set_recursion_limit(n: usize) {
    crate::object::recursion::set_python_limit(n);
}

/// The recursion limit of the current interpreter (`sys.getrecursionlimit`).
#[inline]
pub fn recursion_limit() -> usize {
    crate::object::recursion::python_limit()
}

/// The number of Python frames running on this thread.
pub fn recursion_depth() -> usize {
    DEPTH.with(Cell::get)
}

/// The exception being handled, if any.
pub fn current_exception() -> Option<Obj> {
    exc_state::handled()
}

/// A frame record. `code`, `globals` and `builtins` of a function's frame are the function's
/// own references, borrowed (as CPython's `f_globals`/`f_builtins`): the record holds the
/// function in `func`, and a function's `code`/`globals`/`builtins` never change, so a call
/// and its return count no references for them. Other records (module and class bodies run
/// from native code, generator frames) own theirs (`owns_refs`), released by `Drop`.
/// Read them through `&`; an owned copy is `Obj::clone(&f.code)`.
struct Frame {
    code: ManuallyDrop<Obj>,
    func: Option<Obj>,
    globals: ManuallyDrop<Obj>,
    builtins: ManuallyDrop<Obj>,
    /// Whether `code`, `globals` and `builtins` are references of the record's own.
    owns_refs: bool,
    locals: Option<Obj>,
    /// The frame's window on the thread's data stack ([`data_stack`]): its localsplus, then
    /// its value stack. `sp` and `call_at` are indices into it.
    slots: FrameSlots,
    sp: usize,
    ip: usize,
    lasti: usize,
    /// Where the pending `CALL`'s callable sits while a callee frame runs.
    call_at: usize,
    /// The generator this frame belongs to, when it runs one.
    owner_gen: Option<generator::GenLink>,
    /// The instance an `__init__` frame pushed by `CALL_ALLOC_AND_ENTER_INIT` initialises: its
    /// return must be `None`, and the caller gets the instance (CPython's init-cleanup shim).
    init_self: Option<Obj>,
    /// Its frame object, once someone asked for it (see [`frame_object`]).
    frame_obj: OnceCell<Obj>,
}

/// Where a frame's slots are: its window (the localsplus, then the value stack) from `base` to
/// `end`, and `top`, the thread's data-stack top while the record is innermost (where its
/// callees' windows start), in a chunk that ends at `limit`. A frame's window is on the
/// thread's data stack ([`data_stack`]) and then `top` is `end` (its callees start at their
/// arguments or right above its stack, inside the window); a generator frame's window is its generator's block and `top`
/// is the data-stack top at its resumption, in its resumer's chunk (the two never coincide:
/// `top` lies inside a chunk, after its first slot, and a block is no chunk).
#[derive(Clone, Copy)]
struct FrameSlots {
    base: NonNull<Slot>,
    end: *mut Slot,
    limit: *mut Slot,
    top: *mut Slot,
}

impl FrameSlots {
    /// The slots of a record that has no window yet (an entry record before [`init_frame`]).
    const UNSET: FrameSlots = FrameSlots {
        base: NonNull::dangling(),
        end: std::ptr::null_mut(),
        limit: std::ptr::null_mut(),
        top: std::ptr::null_mut(),
    };

    /// `size` slots from the start of `w`.
    #[inline(always)]
    fn in_window(w: data_stack::Window, size: usize) -> FrameSlots {
        // SAFETY: a window from the data stack has room for the `size` slots it was asked for.
        let end = unsafe { w.base.as_ptr().add(size) };
        FrameSlots { base: w.base, end, limit: w.limit, top: end }
    }

    /// A generator frame's window: its generator's block of `len` slots at `base`, with its
    /// callees' windows from `top` in the chunk that ends at `limit`.
    #[inline(always)]
    fn generator_block(base: NonNull<Slot>, len: usize, top: *mut Slot, limit: *mut Slot) -> FrameSlots {
        // SAFETY: the block has `len` slots.
        let end = unsafe { base.as_ptr().add(len) };
        debug_assert!(top != end, "a generator block is no chunk");
        FrameSlots { base, end, limit, top }
    }

    /// Where the windows of the frames this record calls start, and the end of that chunk: right
    /// above its stack top (`sp`) when its window is on the data stack, else its `top`.
    #[inline(always)]
    fn callee_at(&self, sp: usize) -> (*mut Slot, *mut Slot) {
        if self.top == self.end {
            // SAFETY: the stack pointer lies inside the window.
            (unsafe { self.base.as_ptr().add(sp) }, self.limit)
        } else {
            (self.top, self.limit)
        }
    }

    /// The number of slots of the window.
    #[inline(always)]
    fn len(&self) -> usize {
        (self.end as usize - self.base.as_ptr() as usize) / size_of::<Slot>()
    }
}

impl Frame {
    /// The first frame of a run of the loop started from native code (its window is given by
    /// [`init_frame`]).
    fn entry(code: Obj, func: Option<Obj>, globals: Obj, builtins: Obj, locals: Option<Obj>) -> Frame {
        // Every record runs a code object ([`code_of`] reads it unchecked): checked here, where
        // a record is made from whatever native code passes.
        assert!(as_code(&code).is_some(), "a frame runs a code object");
        Frame {
            code: ManuallyDrop::new(code),
            func,
            globals: ManuallyDrop::new(globals),
            builtins: ManuallyDrop::new(builtins),
            owns_refs: true,
            locals,
            slots: FrameSlots::UNSET,
            sp: 0,
            ip: 0,
            lasti: 0,
            call_at: 0,
            owner_gen: None,
            init_self: None,
            frame_obj: OnceCell::new(),
        }
    }

    /// The record of a call of the Python function `callable`, in the window `slots` with its
    /// stack pointer at `sp`; it borrows the function's code object, globals and builtins.
    /// Always inlined, so that a call writes the record's fields where the record lives (see
    /// [`enter_exact_args_inline`]).
    ///
    /// # Safety
    ///
    /// `callable` is a Python function (`as_function`, checked by the callers' guards); its
    /// code is a code object (`FunctionObject::code_obj`).
    #[inline(always)]
    unsafe fn for_function(callable: Obj, slots: FrameSlots, sp: usize, init_self: Option<Obj>) -> Frame {
        debug_assert!(as_function(&callable).is_some());
        // SAFETY: the caller's contract: `callable` is a function object.
        let func = unsafe { callable.cast::<crate::object::function::FunctionObject>() };
        // SAFETY: bitwise copies that are never dropped (`owns_refs` is false, and `Drop` skips
        // them): they stay valid while the record lives because the record holds `callable`,
        // which holds these references and never replaces them (the fields are immutable).
        let (code, globals, builtins) =
            unsafe { (std::ptr::read(&func.code), std::ptr::read(&func.globals), std::ptr::read(&func.builtins)) };
        Frame {
            code: ManuallyDrop::new(code),
            func: Some(callable),
            globals: ManuallyDrop::new(globals),
            builtins: ManuallyDrop::new(builtins),
            owns_refs: false,
            locals: None,
            slots,
            sp,
            ip: 0,
            lasti: 0,
            call_at: 0,
            owner_gen: None,
            init_self,
            frame_obj: OnceCell::new(),
        }
    }

    /// The frame's window: its localsplus, then its value stack (`sp` and `call_at` index it).
    ///
    /// # Safety
    ///
    /// The record has its window (every record in a run's frame vector does, and a record just
    /// popped keeps it until another frame is entered: chunks are freed only when a run
    /// ends), and no other reference to these slots is used while the returned one is.
    #[inline(always)]
    unsafe fn window<'a>(&self) -> &'a mut [Slot] {
        // SAFETY: the caller's contract; `base..end` lies inside one chunk (`data_stack`) or is a
        // generator's block (`FrameSlots`), alive while the record is (see `GenLink`).
        unsafe { std::slice::from_raw_parts_mut(self.slots.base.as_ptr(), self.slots.len()) }
    }

    /// The frame's localsplus values (locals, cells, free variables).
    ///
    /// # Safety
    ///
    /// As for [`Frame::window`].
    #[inline]
    unsafe fn localsplus<'a>(&self) -> &'a mut [Slot] {
        let n = code_of(self).code.nlocalsplus();
        // SAFETY: the caller's contract; a window starts with its code's `nlocalsplus` slots.
        unsafe { &mut self.window()[..n] }
    }
}

impl Frame {
    /// Whether the record is a plain function frame: it borrows its code and namespaces
    /// ([`Frame::for_function`], so a call in this run pushed it above its caller's record),
    /// has no locals mapping, no frame object, belongs to no generator and runs no `__init__`
    /// for `CALL_ALLOC_AND_ENTER_INIT`. Its return is [`return_plain`].
    #[inline(always)]
    fn returns_plainly(&self) -> bool {
        // A record with borrowed references has no locals mapping (`for_function` and a
        // generator's record have none), so `locals` needs no test of its own.
        debug_assert!(self.owns_refs || self.locals.is_none());
        !self.owns_refs && self.init_self.is_none() && self.owner_gen.is_none() && self.frame_obj.get().is_none()
    }
}

impl Drop for Frame {
    fn drop(&mut self) {
        if self.owns_refs {
            // SAFETY: the record's own references, released once: the record is going away and
            // nothing reads these fields afterwards.
            unsafe {
                ManuallyDrop::drop(&mut self.code);
                ManuallyDrop::drop(&mut self.globals);
                ManuallyDrop::drop(&mut self.builtins);
            }
        }
    }
}

/// The code object `f` runs, read without a type test: the dispatch reads it at every frame
/// switch (twice per call). Every record's `code` is one: [`Frame::entry`] checks what native
/// code passes, [`Frame::for_function`] takes its function's (always a code object:
/// `FunctionObject::code_obj`), and a generator's record takes the code of the record that
/// made it.
#[inline(always)]
fn code_of(f: &Frame) -> &CodeObj {
    debug_assert!(as_code(&f.code).is_some(), "a frame runs a code object");
    // SAFETY: see above: the record's `code` is a code object, which is a `CodeObj`; the record
    // keeps it alive (its own reference, or its function's) for as long as the borrow of `f`.
    unsafe { f.code.cast::<CodeObj>() }
}

fn none() -> Obj {
    Obj::new_ref(immortals().none)
}

/// The builtins dict of the current interpreter.
pub fn builtins_dict() -> PyResult<Obj> {
    crate::modules::builtins::builtins_dict()
}

/// Runs a code object with `globals` and `locals` (`exec`, `eval`, a module body).
///
/// A function's code (`exec(f.__code__)`) runs as CPython's `PyEval_EvalCode` runs any code:
/// in a function made from it, called with no arguments — so its parameters are reported
/// missing, its `*args` and `**kwargs` are empty, and a generator's code makes a generator
/// named by the code. Module and class bodies need no function (they bind no arguments).
pub fn run_code(code: &Obj, globals: &Obj, locals: Option<Obj>) -> PyResult<Obj> {
    let builtins = builtins_dict()?;
    let func = match as_code(code) {
        Some(c) if c.code.flags.contains(CodeFlags::OPTIMIZED) => {
            // Named `co_name` twice, as CPython's `PyEval_EvalCode` names it.
            let name = crate::object::str::new_str(&c.code.name)?;
            Some(crate::object::function::new_function(code.clone(), globals.clone(), builtins.clone(), name)?)
        }
        _ => None,
    };
    let frame = Frame::entry(code.clone(), func, globals.clone(), builtins, locals);
    run(frame, &[], None)
}

/// `function.__call__`: runs a Python function in a new run of the loop.
pub fn call_function(callable: &PyObject, args: &[Obj], kwnames: Option<&PyObject>) -> PyResult<Obj> {
    let func = as_function(callable).expect("call_function on a function");
    let frame = Frame::entry(
        func.code.clone(),
        Some(Obj::new_ref(callable)),
        func.globals.clone(),
        func.builtins.clone(),
        None,
    );
    run(frame, args, kwnames)
}

/// Runs a class body: the function's code with `ns` as its locals.
pub fn run_class_body(func: &PyObject, ns: Obj) -> PyResult<Obj> {
    let f = as_function(func).ok_or_else(|| PyErr::type_error("__build_class__: func must be a function"))?;
    let frame = Frame::entry(
        Obj::clone(&f.code),
        Some(Obj::new_ref(func)),
        Obj::clone(&f.globals),
        Obj::clone(&f.builtins),
        Some(ns),
    );
    run(frame, &[], None)
}

/// The slots a called frame's window has: its localsplus, its value stack and a spare slot.
#[inline(always)]
fn window_size(code: &CodeObj) -> usize {
    debug_assert_eq!(code.window_slots as usize, code.code.nlocalsplus() + code.code.stacksize as usize + 1);
    code.window_slots as usize
}

/// Gives `frame` the window `slots` and prepares its localsplus: arguments, cells, free
/// variables. On an error the window is left empty.
fn init_frame(frame: &mut Frame, slots: FrameSlots, args: &[Obj], kwnames: Option<&PyObject>) -> PyResult<()> {
    let code = as_code(&frame.code).expect("a code object");
    let n = code.code.nlocalsplus();
    frame.slots = slots;
    frame.sp = n;
    if let Some(func) = frame.func.as_ref().and_then(|f| as_function(f)) {
        if code.code.flags.contains(CodeFlags::OPTIMIZED) || frame.locals.is_none() {
            // SAFETY: the window was just given to the record and nothing else refers to it.
            let locals = unsafe { frame.localsplus() };
            if let Err(e) = args::bind_args(func, code, args, kwnames, locals) {
                clear(locals, 0, n);
                return Err(e);
            }
        }
    }
    Ok(())
}

fn depth_enter() -> PyResult<()> {
    let d = DEPTH.with(|d| {
        let v = d.get() + 1;
        d.set(v);
        v
    });
    if d > recursion_limit() {
        DEPTH.with(|d| d.set(d.get() - 1));
        return Err(PyErr::recursion_error("maximum recursion depth exceeded"));
    }
    Ok(())
}

fn depth_leave() {
    DEPTH.with(|d| d.set(d.get() - 1));
}

/// The instruction a run dispatches to for an opcode byte it does not run directly: the slow
/// head (CPython 3.13 swaps `INSTRUMENTED_INSTRUCTION` in for an instruction it reports to
/// `sys.monitoring`; pyrt never stores it in a code object). Its arm decodes the byte through
/// the instruction table, reports a traced instruction, and dispatches the decoded instruction;
/// a byte that is no instruction is a `SystemError` there.
const SLOW_HEAD: Opcode = Opcode::INSTRUMENTED_INSTRUCTION;

/// The instruction the dispatch runs for every opcode byte, computed at compile time from the
/// instruction table: with `traced`, every byte dispatches to [`SLOW_HEAD`] (the table of a
/// run with a trace or profile function set), otherwise the byte's own instruction (the slow
/// head for a byte that is no instruction). One table lookup per instruction instead of the
/// instruction table's `from_u8` match, which is too large for the optimiser to inline; no
/// `Option`. The table holds no span: the head advances `ip` by one unit and each arm of a
/// family with inline caches skips them by a constant (`skip_caches!`), so the address of the
/// next instruction never waits for a table load.
const fn decode_table(traced: bool) -> [Opcode; 256] {
    let mut table = [SLOW_HEAD; 256];
    let mut byte = 0;
    while byte < 256 {
        if let Some(op) = Opcode::from_u8(byte as u8) {
            table[byte] = if traced { SLOW_HEAD } else { op };
        }
        byte += 1;
    }
    table
}

/// The dispatch table of an untraced run.
static DECODE: [Opcode; 256] = decode_table(false);

/// The dispatch table of a traced run: every instruction goes through the slow head, which
/// calls the trace function and runs the instruction's generic form (a trace function runs
/// Python code, which may re-specialise this very instruction and re-publish its caches).
static DECODE_TRACED: [Opcode; 256] = decode_table(true);

/// The dispatch table for a run whose tracing flag is `tracing`.
fn decode_table_for(tracing: bool) -> &'static [Opcode; 256] {
    if tracing { &DECODE_TRACED } else { &DECODE }
}

/// The loop. See the module docs.
fn run(entry: Frame, args: &[Obj], kwnames: Option<&PyObject>) -> PyResult<Obj> {
    // A run of the loop started from native code (a slot calling Python, a class body) is
    // native recursion: counted, and given room on the stack (`recursion::native_eval_entry`).
    crate::object::recursion::native_eval_entry(|| run_entry(entry, args, kwnames))
}

/// [`run`] once its native recursion is accounted for. The entry frame's window goes at the
/// thread's data stack top, which goes back where it was when the run ends.
fn run_entry(entry: Frame, args: &[Obj], kwnames: Option<&PyObject>) -> PyResult<Obj> {
    let mut entry = entry;
    depth_enter()?;
    let stack = data_stack::RunStack::enter();
    let size = window_size(code_of(&entry));
    let window = match stack.alloc_entry(size) {
        Ok(w) => FrameSlots::in_window(w, size),
        Err(e) => {
            depth_leave();
            return Err(e);
        }
    };
    if let Err(e) = init_frame(&mut entry, window, args, kwnames) {
        depth_leave();
        return Err(e);
    }
    let mut frames = RunFrames::take();
    frames.push(entry);
    let result = run_frames(&mut frames, None);
    RunFrames::give_back(frames);
    drop(stack);
    result
}

/// The frame vectors of finished runs of the loop, kept per thread for the next run: native
/// code calling Python (a property, `sorted(key=)`, a dunder method) starts a run each time,
/// and would otherwise allocate the vector per call.
struct RunFrames;

/// The thread's pool of frame vectors, innermost run's last.
type FramePool = Vec<Vec<Frame>>;

thread_local! {
    /// The thread's pool: [`RUN_FRAMES_OWNER`]'s, null before first use and once the owner is
    /// gone at thread exit. A `const` pointer cell without a destructor, so reaching it is one
    /// `%fs`-relative load (a `RefCell` thread-local with a destructor cost a call of
    /// `LocalKey::with` with its registration test, twice per native-started run: every native
    /// resumption of a generator is one). Only this thread reaches it.
    static RUN_FRAMES: Cell<*mut FramePool> = const { Cell::new(std::ptr::null_mut()) };
    /// Owns the thread's pool and frees it at thread exit.
    static RUN_FRAMES_OWNER: PoolOwner = PoolOwner(Box::into_raw(Box::default()));
}

struct PoolOwner(*mut FramePool);

impl Drop for PoolOwner {
    fn drop(&mut self) {
        RUN_FRAMES.with(|p| p.set(std::ptr::null_mut()));
        // SAFETY: made by `Box::into_raw` at the owner's initialisation and freed only here,
        // after the pointer was withdrawn; the pooled vectors are empty (no frame to drop).
        drop(unsafe { Box::from_raw(self.0) });
    }
}

impl RunFrames {
    /// Runs nested deeper than this allocate their vector (and drop it afterwards).
    const KEPT: usize = 16;

    /// The thread's pool, made on first use; null at thread exit once its owner is gone.
    #[inline(always)]
    fn pool() -> *mut FramePool {
        let p = RUN_FRAMES.with(Cell::get);
        if p.is_null() { Self::first_use() } else { p }
    }

    #[cold]
    #[inline(never)]
    fn first_use() -> *mut FramePool {
        // `try_with`: a run started by a thread-local's destructor at thread exit finds no pool.
        let p = RUN_FRAMES_OWNER.try_with(|o| o.0).unwrap_or(std::ptr::null_mut());
        RUN_FRAMES.with(|c| c.set(p));
        p
    }

    /// An empty vector for a new run, with the capacity of an earlier one when there is one.
    #[inline(always)]
    fn take() -> Vec<Frame> {
        let pool = Self::pool();
        // SAFETY: a non-null pool is the thread's live one (its owner withdraws the pointer
        // before freeing it); the pop drops nothing and calls out to nothing.
        let kept = if pool.is_null() { None } else { unsafe { (*pool).pop() } };
        kept.unwrap_or_else(|| Vec::with_capacity(8))
    }

    /// Keeps a finished run's vector (empty: a run ends with no frame).
    #[inline(always)]
    fn give_back(mut frames: Vec<Frame>) {
        frames.clear();
        let pool = Self::pool();
        if pool.is_null() {
            return;
        }
        // SAFETY: as in `take`; the push may allocate but runs no Python code.
        let pool = unsafe { &mut *pool };
        if pool.len() < Self::KEPT {
            pool.push(frames);
        }
    }
}

/// The slot at `p`, a pointer into the window `values`, borrowed for as long as `values` is:
/// the loop addresses slots through a pointer it keeps in a local (see `run_frames`), and
/// tying the reference to a borrow of the window keeps the borrow checker's guarantee that no
/// slot reference outlives a use of the whole window (a call that takes `values`).
///
/// # Safety
///
/// `p` points into `values`, below its length.
#[inline(always)]
unsafe fn slot_at<'a>(_values: &'a [Slot], p: *const Slot) -> &'a Slot {
    // SAFETY: the caller's contract.
    unsafe { &*p }
}

/// [`slot_at`], mutable.
///
/// # Safety
///
/// As for [`slot_at`].
#[inline(always)]
unsafe fn slot_at_mut<'a>(_values: &'a mut [Slot], p: *mut Slot) -> &'a mut Slot {
    // SAFETY: the caller's contract.
    unsafe { &mut *p }
}

/// The value `pop!` or `peek!` read from a stack slot below the stack pointer: checked in debug
/// builds, unchecked in release builds (one branch fewer per stack access in every instruction).
///
/// Every slot below the stack pointer holds a value, except the NULLs of the calling
/// convention (`PUSH_NULL`, `LOAD_GLOBAL`/`LOAD_ATTR`/`LOAD_SUPER_ATTR` with their low oparg
/// bit, `LOAD_FAST_AND_CLEAR` of an unbound local), which only the instructions made to consume
/// them read, through `slot!` (`CALL`'s `self_or_null`, `STORE_FAST`, `SWAP`): the compiler's
/// stack effects never put a NULL where an instruction pops or peeks a value, as in CPython,
/// whose `POP_TOP` and `PyStackRef_CLOSE` would crash on one.
#[inline(always)]
fn stack_value(v: Option<Obj>) -> Obj {
    debug_assert!(v.is_some(), "a value on the stack");
    // SAFETY: see above: `pop!` takes a slot below the stack pointer that the compiler's stack
    // discipline fills with a value (debug builds check it).
    unsafe { v.unwrap_unchecked() }
}

/// [`stack_value`] for `peek!`: the value of a slot below the stack pointer, borrowed.
#[inline(always)]
fn stack_ref(v: &Option<Obj>) -> &Obj {
    debug_assert!(v.is_some(), "a value on the stack");
    // SAFETY: as in `stack_value`.
    unsafe { v.as_ref().unwrap_unchecked() }
}

/// Views a window of stack slots that all hold values as a slice of `Obj`.
fn as_objs(slots: &[Option<Obj>]) -> &[Obj] {
    debug_assert!(slots.iter().all(Option::is_some));
    // SAFETY: `Option<Obj>` has the same layout as `Obj` (a non-null pointer with the niche), and
    // every slot in the window holds a value (the stack discipline of the instructions that call
    // this).
    unsafe { std::slice::from_raw_parts(slots.as_ptr() as *const Obj, slots.len()) }
}

/// How an instruction leaves its frame's dispatch (an instruction that falls through goes on
/// with the next one directly, an error leaves with `Err`).
enum Flow {
    Return(Obj),
    /// `YIELD_VALUE` with its oparg.
    Yield(Obj, u32),
}

/// The slow head's decoding (see [`SLOW_HEAD`]) of the code unit `unit`: the instruction to
/// dispatch, after reporting it to the trace function when the run is `tracing` (its family's
/// generic form then: a trace function runs Python code, which may re-specialise this very
/// instruction and re-publish its caches). `EXTENDED_ARG` is dispatched unreported: its arm
/// dispatches the instruction it extends, which is reported. Out of line, so that none of it
/// is hoisted into the common head.
#[inline(never)]
fn slow_head(f: &Frame, unit: u16, oparg: u32, tracing: bool) -> PyResult<Opcode> {
    let real = decode_slow((unit & 0xff) as u8)?;
    if tracing && real != Opcode::EXTENDED_ARG {
        trace::instruction(f, real, oparg)?;
        return Ok(real.base());
    }
    Ok(real)
}

/// The instruction an opcode byte holds, through the instruction table: a `SystemError` for a
/// byte that is no instruction or an `INSTRUMENTED_*` form (the loop runs neither).
fn decode_slow(byte: u8) -> PyResult<Opcode> {
    match Opcode::from_u8(byte) {
        Some(real) if !real.is_instrumented() => Ok(real),
        Some(other) => Err(not_run_by_the_loop(other)),
        None => Err(PyErr::new(crate::ExcKind::SystemError, format!("unknown opcode {byte}"))),
    }
}

/// The error of an instruction the loop does not run (the `INSTRUMENTED_*` forms, which pyrt
/// never stores in a code object).
#[cold]
fn not_run_by_the_loop(op: Opcode) -> PyErr {
    PyErr::new(crate::ExcKind::SystemError, format!("opcode {} is not implemented by the eval loop", op.name()))
}

fn name_error(name: &PyObject) -> PyErr {
    let err = PyErr::name_error(format!("name '{}' is not defined", str_value(name).unwrap_or("?")));
    crate::object::exceptions::with_missing_name(err, name)
}

fn load_global(f: &Frame, name: &PyObject) -> PyResult<Obj> {
    if let Some(v) = as_dict(&f.globals).and_then(|d| d.get_str(name)) {
        return Ok(v);
    }
    if let Some(v) = as_dict(&f.builtins).and_then(|d| d.get_str(name)) {
        return Ok(v);
    }
    Err(name_error(name))
}

fn unbound_local(code: &CodeObj, i: usize) -> PyErr {
    let name = str_value(&code.localsplus_names[i]).unwrap_or("?").to_owned();
    crate::object::exceptions::raise_msg(
        types().exc.named("UnboundLocalError"),
        &format!("cannot access local variable '{name}' where it is not associated with a value"),
    )
}

/// `CHECK_EXC_MATCH`: every class of a tuple is checked before any is matched
/// (`_PyEval_CheckExceptTypeValid`), so `except (ValueError, 42)` fails even for a
/// `ValueError`.
fn exc_matches(exc: &PyObject, ty: &PyObject) -> PyResult<bool> {
    if crate::object::tuple::is_tuple(ty) {
        let mut matched = false;
        for t in items(ty) {
            matched |= exc.type_object().is_subtype(exception_class(t)?);
        }
        return Ok(matched);
    }
    Ok(exc.type_object().is_subtype(exception_class(ty)?))
}

/// `PyExceptionClass_Check`: the flag every exception class carries, not an MRO walk.
fn exception_class(ty: &PyObject) -> PyResult<&crate::object::TypeObject> {
    as_type(ty)
        .filter(|t| t.flags & crate::object::typeobj::flags::BASE_EXC_SUBCLASS != 0)
        .ok_or_else(|| PyErr::type_error("catching classes that do not inherit from BaseException is not allowed"))
}

/// Makes the exception object for `raise x` (a class is instantiated).
fn make_raisable(x: &PyObject) -> PyResult<Obj> {
    if let Some(t) = as_type(x) {
        if t.is_subtype(builtin_exc!("BaseException")) {
            return crate::object::exceptions::instantiate_for_raise(x);
        }
    } else if x.type_object().is_subtype(builtin_exc!("BaseException")) {
        return Ok(Obj::new_ref(x));
    }
    Err(PyErr::type_error("exceptions must derive from BaseException"))
}

fn do_raise(exc: Option<Obj>, cause: Option<Obj>) -> PyErr {
    let Some(exc) = exc else {
        return match current_exception() {
            Some(e) => PyErr::from_object(e),
            None => PyErr::runtime_error("No active exception to reraise"),
        };
    };
    let value = match make_raisable(&exc) {
        Ok(v) => v,
        Err(e) => return e,
    };
    if let Some(c) = cause {
        let c = if c.is(immortals().none) {
            None
        } else {
            match make_raisable(&c) {
                Ok(v) => Some(v),
                Err(_) => return PyErr::type_error("exception causes must derive from BaseException"),
            }
        };
        if let Some(e) = crate::object::exceptions::as_exception(&value) {
            e.cause().set(c);
            e.set_suppress_context(true);
        }
    }
    PyErr::from_object(value)
}

fn format_value(v: &PyObject, spec: &str) -> PyResult<Obj> {
    crate::object::formatting::format(v, spec)
}

fn build_class_name_error() -> PyErr {
    PyErr::name_error("__build_class__ not found")
}

/// Runs `frames` until the entry frame returns (or yields). `thrown` starts the run by raising
/// an exception in the innermost frame (`generator.throw`; its traceback entry and context are
/// already set).
#[allow(clippy::too_many_lines)]
fn run_frames(frames: &mut Vec<Frame>, thrown: Option<PyErr>) -> PyResult<Obj> {
    let mut skip_tb = false;
    // Whether a trace or profile function is set: read when the run starts and refreshed with
    // the eval breaker (`RESUME`, backward jumps), see `trace`.
    let mut tracing = trace::active();
    // The dispatch table: it follows `tracing` (every assignment of the flag sets it too).
    let mut decode = decode_table_for(tracing);
    let mut run_link = frame_object::RunLink::new(frames);
    let _run = frame_object::enter_run(&mut run_link);
    if let Some(err) = thrown {
        // `throw()`: the exception is raised at the suspension point of the generator's frame,
        // which gets its traceback entry — with its frame object — and the hooks' `call` and
        // `exception` events as a raise there would (CPython's `resume_with_error` goes to the
        // loop's error label); `resume` chained its context already.
        let mut exc = err.into_object();
        let f = frames.last_mut().expect("the generator's frame");
        let frame_obj = frame_object::materialize(f).ok();
        let _ = traceback::add_traceback_with_frame(&exc, &f.code, f.lasti, frame_obj);
        if tracing {
            if let Err(e) = trace::on_throw(f).and_then(|()| trace::on_exception(f, &exc)) {
                exc = e.into_object();
            }
        }
        if let Err(exc) = unwind(frames, exc, false) {
            return Err(PyErr::from_object(exc));
        }
    }
    'frames: loop {
        let Some(f) = frames.last_mut() else { unreachable!("the loop always has a frame") };
        // SAFETY: the frame keeps its code object alive for as long as it runs; the reference
        // is refreshed whenever the current frame changes (every `continue 'frames`).
        let code: &CodeObj = unsafe { &*(code_of(f) as *const CodeObj) };
        let units = &code.adaptive;
        // The code units themselves, read by the dispatch of every instruction.
        let opcode_units = units.opcode_units();
        // The running frame's instruction and stack pointers live in locals; the record gets
        // them back (`sync!`) only where something else reads it: a call that pushes a frame
        // (the caller resumes from its record), an error (the unwinder cuts the record's
        // stack), a return or a suspension, a trace hook. Arbitrary code run by an instruction
        // reads only `lasti` (written per instruction), the localsplus window and the other
        // fields, never `ip`/`sp`.
        let mut ip = f.ip;
        let mut sp = f.sp;
        // The frame's window on the thread's data stack (`data_stack`: it never moves), and
        // its base pointer, through which the macros below address slots (one load fewer per
        // access than through the slice). `sp`, the locals' indices and the call windows'
        // indices are indices into it. Re-derived whenever the current frame changes.
        // SAFETY: the record is the innermost of the run, so it has its window; while it runs
        // the loop reaches its slots only through this slice (a callee's window, which may
        // overlap the slots above `sp`, is written only after the loop left this frame for
        // `'frames`; native code reads them only through the record while the loop waits).
        let values: &mut [Slot] = unsafe { f.window() };
        let slots: *mut Slot = values.as_mut_ptr();
        // The slot at index `$i` of the window (a stack slot, a local or a call window's slot),
        // borrowed from `values` like an indexed access would be.
        macro_rules! slot {
            ($i:expr) => {{
                let i = $i;
                debug_assert!(i < values.len());
                // SAFETY: every index the loop uses lies in the current frame's window
                // (`nlocalsplus + stacksize + 1` slots, given when the frame was entered).
                unsafe { slot_at_mut(values, slots.add(i)) }
            }};
        }
        macro_rules! pop {
            ($values:ident, $sp:ident) => {{
                $sp -= 1;
                debug_assert!($sp < $values.len());
                // SAFETY: the stack pointer stays inside the frame's window, which the frame's
                // entry gave it (`nlocalsplus + stacksize + 1` slots, `init_frame`,
                // `enter_exact_args`, `generator::push_frame`): the compiler's stack depth
                // bounds it.
                stack_value(unsafe { slot_at_mut($values, slots.add($sp)) }.take())
            }};
        }
        // Pushes a value. Slots above the stack pointer are always empty (pops take their
        // value, returns and unwinding clear what they leave), so the store skips the drop of
        // the old slot's contents: were it ever occupied, the value would leak, never dangle.
        macro_rules! push {
            ($values:ident, $sp:ident, $v:expr) => {{
                let v = $v;
                debug_assert!($sp < $values.len());
                // SAFETY: as in `pop!`: the stack depth the compiler computed (`stacksize`)
                // bounds the stack pointer, and the frame's window has `stacksize + 1` slots
                // above its locals.
                let slot = unsafe { slot_at_mut($values, slots.add($sp)) };
                debug_assert!(slot.is_none(), "a stack slot above the stack pointer holds a value");
                std::mem::forget(slot.replace(v));
                $sp += 1;
            }};
        }
        macro_rules! peek {
            ($values:ident, $sp:ident, $n:expr) => {{
                let at = $sp - $n;
                debug_assert!(at < $values.len());
                // SAFETY: as in `pop!`: below the stack pointer, inside the frame's window.
                stack_ref(unsafe { slot_at($values, slots.add(at)) })
            }};
        }
        macro_rules! sync {
            () => {
                f.ip = ip;
                f.sp = sp;
            };
        }
        // The slot of local variable `$i` (a `*_FAST` oparg).
        macro_rules! local {
            ($i:expr) => {{
                let i = $i;
                debug_assert!(i < code.code.nlocalsplus() && i < values.len());
                // SAFETY: the compiler numbers a code object's variables below `nlocalsplus`,
                // and the frame's window starts with that many slots.
                unsafe { slot_at_mut(values, slots.add(i)) }
            }};
        }
        'insn: loop {
            // The dispatch head: the instruction at `ip`, its oparg, and `ip` past it and its
            // inline caches; the record's `lasti` (read by tracebacks and `f_lineno` of code
            // the instruction runs). `EXTENDED_ARG` and a traced or unknown instruction have
            // arms of their own that decode the instruction again and re-dispatch it
            // (`continue 'op`), so the common head tests nothing.
            // An arm that forgot its `skip_caches!` would land here on a cache unit, which is
            // zero (`CACHE`) in `co_code`.
            debug_assert!(code.code.code[ip] & 0xff != 0, "dispatch at an inline cache unit (offset {ip})");
            let mut unit = opcode_unit_of(opcode_units, ip);
            let mut oparg = (unit >> 8) as u32;
            let mut lasti = ip;
            f.lasti = lasti;
            let mut op = decode[(unit & 0xff) as usize];
            ip += 1;
            // Skips the inline caches of the instruction being run: an arm starts with `ip` one
            // unit past its instruction, and an arm of a family with caches skips them first, by a
            // constant (CPython's `next_instr += 1 + INLINE_CACHE_ENTRIES_*` is static per
            // instruction too). The head thus advances `ip` without a table load: measured with
            // perf's cpu-clock sampling, the head (a chain of dependent loads: `ip`, the unit, the
            // decode entry with the span, the jump table) took 25-50% of the run time of the
            // benchmarks, and the span's load was on the chain from one instruction to the next.
            // Debug builds check that the arm skipped what the family has.
            macro_rules! skip_caches {
                ($family:ident) => {{
                    ip += const { Opcode::$family.cache_entries() };
                    debug_assert_eq!(ip, lasti + 1 + Opcode::$family.cache_entries());
                    debug_assert_eq!(
                        Opcode::from_u8((unit & 0xff) as u8).map(|o| o.cache_entries()),
                        Some(Opcode::$family.cache_entries())
                    );
                }};
            }
            let outcome: Result<Flow, PyErr> = 'op: loop {
                macro_rules! tri {
                    ($e:expr) => {
                        match $e {
                            Ok(v) => v,
                            Err(e) => break 'op Err(e),
                        }
                    };
                }
                // Enters a callee frame pushed onto `frames` (the current frame's borrow ends
                // here): on success the loop continues in it, a failure unwinds from the caller
                // as the error arm below does.
                macro_rules! enter_or_unwind {
                    ($e:expr) => {
                        sync!();
                        match $e {
                            Ok(()) => continue 'frames,
                            Err(err) => {
                                let with_tb = !std::mem::take(&mut skip_tb);
                                match unwind(frames, err.into_object(), with_tb) {
                                    Ok(()) => continue 'frames,
                                    Err(exc) => return Err(PyErr::from_object(exc)),
                                }
                            }
                        }
                    };
                }
                // The adaptive counter of a generic instruction (see `specialize`): when it
                // fires, `$specialize` rewrites the instruction and it is dispatched again as
                // rewritten (same oparg, and the same span: a family shares its cache size).
                macro_rules! adapt {
                    ($specialize:expr) => {
                        let counter = units.counter(lasti + 1);
                        if counter.triggers() {
                            $specialize;
                            // Traced, the generic form runs again (its counter now cools down):
                            // the instruction was reported already, and a specialised form may
                            // fuse the next instruction, whose event would be lost.
                            if !tracing {
                                unit = opcode_unit_of(opcode_units, lasti);
                                op = decode[(unit & 0xff) as usize];
                            }
                            // Its arm skips the caches again.
                            ip = lasti + 1;
                            continue 'op;
                        }
                        units.set_counter(lasti + 1, counter.advance());
                    };
                }
                // A specialised form is an arm whose guard checks its operands (and caches); when
                // the guard fails, matching goes on to its family's generic arm, which lists the
                // specialised opcodes too: the miss runs the generic body once, counter included
                // (CPython's `DEOPT_IF`). Guards that compute the form's result leave it here.
                let mut hit: Option<Obj>;
                let mut hit_attr: Option<(Obj, bool)>;
                let mut hit_bool: Option<bool>;
                let mut hit_native: Option<specialize::NativeCall>;
                let mut hit_next: Option<Option<Obj>>;
                let mut hit_local: Option<usize>;
                match op {
                    Opcode::FOR_ITER_GEN if generator::claim_for_specialised(peek!(values, sp, 1), false) => {
                        skip_caches!(FOR_ITER);
                        let genobj = NonNull::from(&**peek!(values, sp, 1));
                        let resume = generator::ResumeKind::ForIter { target: ip + oparg as usize + 2 };
                        f.call_at = sp;
                        sync!();
                        enter_or_unwind!(generator::push_frame_inline(frames, genobj, none(), resume, None));
                    }
                    Opcode::SEND_GEN if generator::claim_for_specialised(peek!(values, sp, 2), true) => {
                        skip_caches!(SEND);
                        let v = pop!(values, sp);
                        let receiver = NonNull::from(&**peek!(values, sp, 1));
                        let resume = generator::ResumeKind::Send { target: ip + oparg as usize };
                        f.call_at = sp;
                        sync!();
                        enter_or_unwind!(generator::push_frame_inline(frames, receiver, v, resume, None));
                    }
                    Opcode::CALL_GEN_SEND if !tracing && generator::claim_for_send(values, sp, oparg) => {
                        // `gen.send(v)`: the generator's frame is pushed as `SEND_GEN` pushes it; the
                        // callable and generator stay on the stack (the generator is held while
                        // its frame runs) until its yield or return replaces them.
                        skip_caches!(CALL);
                        let v = pop!(values, sp);
                        let genobj = NonNull::from(&**peek!(values, sp, 1));
                        f.call_at = sp - 2;
                        sync!();
                        let resume = generator::ResumeKind::Call;
                        enter_or_unwind!(generator::push_frame_inline(frames, genobj, v, resume, None));
                    }
                    Opcode::LOAD_GLOBAL_MODULE | Opcode::LOAD_GLOBAL_BUILTIN
                        if {
                            let name = &code.names[(oparg >> 1) as usize];
                            hit = specialize::load_global(op, units, lasti, &f.globals, &f.builtins, name);
                            hit.is_some()
                        } =>
                    {
                        skip_caches!(LOAD_GLOBAL);
                        push!(values, sp, hit.take().expect("the guard's value"));
                        if oparg & 1 != 0 {
                            // The NULL, stored as `push!` stores: the slot above the stack
                            // pointer is empty, so its old contents need no drop.
                            debug_assert!(slot!(sp).is_none());
                            std::mem::forget(slot!(sp).take());
                            sp += 1;
                        }
                    }
                    // The commonest form has its own arm (no name to look up; the value takes
                    // the owner's slot). On a miss, the shared arm below tests it again.
                    Opcode::LOAD_ATTR_INSTANCE_VALUE
                        if {
                            hit = specialize_attr::instance_value(units, lasti, peek!(values, sp, 1));
                            hit.is_some()
                        } =>
                    {
                        skip_caches!(LOAD_ATTR);
                        let owner = slot!(sp - 1).replace(hit.take().expect("the guard's value"));
                        drop(owner);
                        if oparg & 1 != 0 {
                            *slot!(sp) = None;
                            sp += 1;
                        }
                    }
                    Opcode::LOAD_ATTR_INSTANCE_VALUE
                    | Opcode::LOAD_ATTR_SLOT
                    | Opcode::LOAD_ATTR_MODULE
                    | Opcode::LOAD_ATTR_WITH_HINT
                    | Opcode::LOAD_ATTR_METHOD_NO_DICT
                    | Opcode::LOAD_ATTR_METHOD_WITH_VALUES
                    | Opcode::LOAD_ATTR_NONDESCRIPTOR_WITH_VALUES
                    | Opcode::LOAD_ATTR_NONDESCRIPTOR_NO_DICT
                    | Opcode::LOAD_ATTR_CLASS
                        if {
                            let name = &code.names[(oparg >> 1) as usize];
                            hit_attr = specialize::load_attr(op, units, lasti, peek!(values, sp, 1), name);
                            hit_attr.is_some()
                        } =>
                    {
                        skip_caches!(LOAD_ATTR);
                        let (attr, is_method) = hit_attr.take().expect("the guard's value");
                        let owner = pop!(values, sp);
                        push!(values, sp, attr);
                        if is_method {
                            push!(values, sp, owner);
                        } else {
                            drop(owner);
                            if oparg & 1 != 0 {
                                *slot!(sp) = None;
                                sp += 1;
                            }
                        }
                    }
                    Opcode::LOAD_ATTR_PROPERTY
                        if {
                            let name = &code.names[(oparg >> 1) as usize];
                            hit = specialize_attr::property_getter(units, lasti, peek!(values, sp, 1), name);
                            hit.is_some()
                        } =>
                    {
                        skip_caches!(LOAD_ATTR);
                        // The getter's frame takes the owner as its one argument; its result
                        // replaces the owner on return (CPython's `LOAD_ATTR_PROPERTY`).
                        let getter = hit.take().expect("the guard's value");
                        let owner_at = sp - 1;
                        enter_or_unwind!(enter_exact_args(frames, getter, owner_at, owner_at, None));
                    }
                    Opcode::LOAD_SUPER_ATTR_ATTR | Opcode::LOAD_SUPER_ATTR_METHOD
                        if specialize::load_super_guard(peek!(values, sp, 3), peek!(values, sp, 2)) =>
                    {
                        skip_caches!(LOAD_SUPER_ATTR);
                        let self_ = pop!(values, sp);
                        let class = pop!(values, sp);
                        // The builtin `super` (the guard): nothing to drop but a reference.
                        drop(pop!(values, sp));
                        let name = &code.names[(oparg >> 2) as usize];
                        let method_form = op == Opcode::LOAD_SUPER_ATTR_METHOD;
                        let (attr, is_method) = tri!(super_lookup(&class, &self_, name, method_form));
                        drop(class);
                        push!(values, sp, attr);
                        if method_form {
                            if is_method {
                                push!(values, sp, self_);
                            } else {
                                drop(self_);
                                *slot!(sp) = None;
                                sp += 1;
                            }
                        } else {
                            // The attribute form binds in the lookup (never `is_method`).
                            drop(self_);
                        }
                    }
                    Opcode::STORE_ATTR_INSTANCE_VALUE | Opcode::STORE_ATTR_SLOT | Opcode::STORE_ATTR_WITH_HINT
                        if specialize::store_attr_guard(units, lasti, peek!(values, sp, 1)) =>
                    {
                        skip_caches!(STORE_ATTR);
                        let owner = pop!(values, sp);
                        let v = pop!(values, sp);
                        drop(tri!(specialize::store_attr(op, units, lasti, &owner, &code.names[oparg as usize], v)));
                    }
                    Opcode::BINARY_OP_ADD_INT | Opcode::BINARY_OP_SUBTRACT_INT | Opcode::BINARY_OP_MULTIPLY_INT
                        if specialize::both_small_ints(peek!(values, sp, 2), peek!(values, sp, 1)) =>
                    {
                        skip_caches!(BINARY_OP);
                        let rhs = pop!(values, sp);
                        let lhs = pop!(values, sp);
                        // SAFETY: the arm's guard is `both_small_ints` of these two values.
                        push!(values, sp, tri!(unsafe { specialize::binary_op_int(op, lhs, rhs) }));
                    }
                    Opcode::BINARY_OP_ADD_FLOAT
                    | Opcode::BINARY_OP_SUBTRACT_FLOAT
                    | Opcode::BINARY_OP_MULTIPLY_FLOAT
                        if specialize::both_floats(peek!(values, sp, 2), peek!(values, sp, 1)) =>
                    {
                        skip_caches!(BINARY_OP);
                        let rhs = pop!(values, sp);
                        let lhs = pop!(values, sp);
                        // A following `STORE_FAST` is done here (see `float_result_into_local`).
                        match specialize::store_fast_local(opcode_unit_of(opcode_units, ip)) {
                            Some(local) => {
                                tri!(specialize::binary_op_float_into(op, lhs, rhs, local!(local)));
                                ip += 1;
                            }
                            None => push!(values, sp, tri!(specialize::binary_op_float(op, lhs, rhs))),
                        }
                    }
                    Opcode::BINARY_OP_ADD_UNICODE
                        if specialize::both_strs(peek!(values, sp, 2), peek!(values, sp, 1)) =>
                    {
                        skip_caches!(BINARY_OP);
                        let rhs = pop!(values, sp);
                        let lhs = pop!(values, sp);
                        push!(values, sp, tri!(specialize::binary_op_add_str(&lhs, &rhs)));
                    }
                    Opcode::BINARY_OP_INPLACE_ADD_UNICODE
                        if {
                            let next = units.opcode_unit(lasti + 1 + Opcode::BINARY_OP.cache_entries());
                            hit_local = specialize::store_fast_local(next);
                            hit_local.is_some_and(|l| {
                                let target = values[l].as_deref();
                                specialize::inplace_add_str_guard(peek!(values, sp, 2), peek!(values, sp, 1), target)
                            })
                        } =>
                    {
                        skip_caches!(BINARY_OP);
                        let local = hit_local.take().expect("the guard's value");
                        let rhs = pop!(values, sp);
                        let lhs = pop!(values, sp);
                        // The following `STORE_FAST` is done here.
                        tri!(specialize::binary_op_inplace_add_str(lhs, rhs, local!(local)));
                        ip += 1;
                    }
                    Opcode::COMPARE_OP_INT | Opcode::COMPARE_OP_FLOAT | Opcode::COMPARE_OP_STR
                        if specialize::compare_guard(op, peek!(values, sp, 2), peek!(values, sp, 1)) =>
                    {
                        skip_caches!(COMPARE_OP);
                        let (lhs, rhs) = (peek!(values, sp, 2), peek!(values, sp, 1));
                        // SAFETY: the arm's guard is `compare_guard` of these two values.
                        let r = unsafe { specialize::compare_op(op, lhs, rhs, oparg) };
                        drop(pop!(values, sp));
                        drop(pop!(values, sp));
                        // A following conditional jump takes the result directly.
                        match specialize::pop_jump(units.opcode_unit(ip)) {
                            Some((on, span, distance)) => ip += span + if r == on { distance } else { 0 },
                            None => push!(values, sp, new_bool(r)),
                        }
                    }
                    Opcode::CONTAINS_OP_DICT if specialize::exact_dict(peek!(values, sp, 1)).is_some() => {
                        skip_caches!(CONTAINS_OP);
                        let container = pop!(values, sp);
                        let item = pop!(values, sp);
                        let r = tri!(as_dict(&container).expect("the guard's dict").get(&item)).is_some();
                        push!(values, sp, new_bool(r != (oparg == 1)));
                    }
                    Opcode::CONTAINS_OP_SET if crate::object::set::is_exact_set(peek!(values, sp, 1)) => {
                        skip_caches!(CONTAINS_OP);
                        let container = pop!(values, sp);
                        let item = pop!(values, sp);
                        let r = tri!(crate::object::set::exact_set_contains(&container, &item));
                        push!(values, sp, new_bool(r != (oparg == 1)));
                    }
                    Opcode::TO_BOOL_BOOL if specialize::to_bool(op, peek!(values, sp, 1)).is_some() => {
                        skip_caches!(TO_BOOL)
                    }
                    Opcode::TO_BOOL_INT | Opcode::TO_BOOL_LIST | Opcode::TO_BOOL_NONE | Opcode::TO_BOOL_STR
                        if {
                            hit_bool = specialize::to_bool(op, peek!(values, sp, 1));
                            hit_bool.is_some()
                        } =>
                    {
                        skip_caches!(TO_BOOL);
                        drop(pop!(values, sp));
                        push!(values, sp, new_bool(hit_bool == Some(true)));
                    }
                    Opcode::FOR_ITER_LIST | Opcode::FOR_ITER_TUPLE
                        if {
                            let list = op == Opcode::FOR_ITER_LIST;
                            hit_next = crate::object::sequence::forward_iter_next_exact(peek!(values, sp, 1), list);
                            hit_next.is_some()
                        } =>
                    {
                        skip_caches!(FOR_ITER);
                        match hit_next.take().flatten() {
                            // The loop variable's `STORE_FAST` is done here, as `FOR_ITER_RANGE` does.
                            Some(v) => match specialize::store_fast_local(units.opcode_unit(ip)) {
                                Some(local) => {
                                    drop(local!(local).replace(v));
                                    ip += 1;
                                }
                                None => push!(values, sp, v),
                            },
                            None => {
                                drop(pop!(values, sp));
                                ip += oparg as usize + 2;
                            }
                        }
                    }
                    Opcode::FOR_ITER_RANGE
                        if std::ptr::eq(
                            peek!(values, sp, 1).type_object(),
                            types_known_made(peek!(values, sp, 1)).range_iter_type,
                        ) =>
                    {
                        skip_caches!(FOR_ITER);
                        // The loop variable's `STORE_FAST` is done here (see `for_iter_range_store`).
                        let next_unit = units.opcode_unit(ip);
                        let next = match specialize::store_fast_local(next_unit) {
                            Some(local) => {
                                let iter = peek!(values, sp, 1).as_ptr();
                                let slot = local!(local);
                                // SAFETY: an exact range iterator (the guard), kept alive by the
                                // stack's reference while the local's old value is dropped.
                                let stored = tri!(unsafe { specialize::for_iter_range_store(iter.as_ref(), slot) });
                                if stored {
                                    ip += 1;
                                    continue 'insn;
                                }
                                None
                            }
                            None => tri!(crate::object::range::range_iter_next(peek!(values, sp, 1))),
                        };
                        match next {
                            Some(v) => push!(values, sp, v),
                            None => {
                                drop(pop!(values, sp));
                                ip += oparg as usize + 2;
                            }
                        }
                    }
                    Opcode::BINARY_SUBSCR_LIST_INT | Opcode::BINARY_SUBSCR_TUPLE_INT
                        if {
                            hit = specialize::subscr_seq_int(op, peek!(values, sp, 2), peek!(values, sp, 1));
                            hit.is_some()
                        } =>
                    {
                        skip_caches!(BINARY_SUBSCR);
                        // The item takes the container's slot (one stack pointer update).
                        let key = pop!(values, sp);
                        let container = slot!(sp - 1).replace(hit.take().expect("the guard's value"));
                        drop(key);
                        drop(container);
                    }
                    Opcode::BINARY_SUBSCR_DICT if specialize::exact_dict(peek!(values, sp, 2)).is_some() => {
                        skip_caches!(BINARY_SUBSCR);
                        let key = pop!(values, sp);
                        let container = pop!(values, sp);
                        let r = match as_dict(&container).expect("the guard's dict").get(&key) {
                            Ok(Some(v)) => Ok(v),
                            // The generic path raises the KeyError.
                            Ok(None) => ops::get_item(&container, &key),
                            Err(e) => Err(e),
                        };
                        push!(values, sp, tri!(r));
                    }
                    Opcode::STORE_SUBSCR_LIST_INT
                        if {
                            hit_local = specialize::store_list_int_guard(peek!(values, sp, 2), peek!(values, sp, 1));
                            hit_local.is_some()
                        } =>
                    {
                        skip_caches!(STORE_SUBSCR);
                        let index = hit_local.take().expect("the guard's index");
                        let key = pop!(values, sp);
                        let container = pop!(values, sp);
                        let v = pop!(values, sp);
                        // SAFETY: the guard's exact list.
                        tri!(unsafe { specialize::store_list_int(&container, index, v) });
                        drop(key);
                    }
                    Opcode::STORE_SUBSCR_DICT if specialize::exact_dict(peek!(values, sp, 2)).is_some() => {
                        skip_caches!(STORE_SUBSCR);
                        let key = pop!(values, sp);
                        let container = pop!(values, sp);
                        let v = pop!(values, sp);
                        tri!(as_dict(&container).expect("the guard's dict").set(key, v));
                    }
                    Opcode::UNPACK_SEQUENCE_LIST
                        if specialize::unpack_list_onto(&mut values[sp - 1..], oparg as usize) =>
                    {
                        skip_caches!(UNPACK_SEQUENCE);
                        sp = sp - 1 + oparg as usize;
                    }
                    Opcode::UNPACK_SEQUENCE_TWO_TUPLE | Opcode::UNPACK_SEQUENCE_TUPLE
                        if specialize::unpack_items(op, peek!(values, sp, 1), oparg as usize).is_some() =>
                    {
                        skip_caches!(UNPACK_SEQUENCE);
                        let seq = pop!(values, sp);
                        for x in specialize::unpack_items(op, &seq, oparg as usize).unwrap_or(&[]).iter().rev() {
                            push!(values, sp, x.clone());
                        }
                    }
                    Opcode::CALL_PY_EXACT_ARGS
                    | Opcode::CALL_BOUND_METHOD_EXACT_ARGS
                    | Opcode::CALL_PY_GENERAL
                    | Opcode::CALL_BOUND_METHOD_GENERAL
                        if specialize::call_exact_guard(op, values, sp, oparg as usize) =>
                    {
                        skip_caches!(CALL);
                        let argc = oparg as usize;
                        let callable_at = sp - argc - 2;
                        if matches!(op, Opcode::CALL_BOUND_METHOD_EXACT_ARGS | Opcode::CALL_BOUND_METHOD_GENERAL) {
                            // Unpack the bound method in place: (method, NULL) -> (function, self).
                            let m = slot!(callable_at)
                                .as_deref()
                                .and_then(crate::object::function::as_method)
                                .expect("guarded");
                            let (func, self_) = (m.func.clone(), m.self_.clone());
                            *slot!(callable_at + 1) = Some(self_);
                            drop(slot!(callable_at).replace(func));
                        }
                        let args_start = sp - argc - usize::from(slot!(callable_at + 1).is_some());
                        // The frame takes the stack's reference to the function: the slot is
                        // left empty, and the caller's stack pointer goes back to it on entry.
                        let callable = slot!(callable_at).take().expect("a callable");
                        // SAFETY: the guard checked that the callable (after the unpacking, the
                        // bound method's function) is a function.
                        enter_or_unwind!(unsafe {
                            enter_exact_args_inline(frames, callable, callable_at, args_start, None, true, !tracing)
                        });
                    }
                    Opcode::CALL_LEN
                    | Opcode::CALL_ISINSTANCE
                    | Opcode::CALL_TYPE_1
                    | Opcode::CALL_STR_1
                    | Opcode::CALL_BUILTIN_O
                    | Opcode::CALL_BUILTIN_FAST
                    | Opcode::CALL_METHOD_DESCRIPTOR_FAST
                    | Opcode::CALL_BUILTIN_CLASS
                    | Opcode::CALL_NON_PY_GENERAL
                        if !tracing && {
                            hit_native = specialize::call_native_guard(op, values, sp, oparg as usize);
                            hit_native.is_some()
                        } =>
                    {
                        skip_caches!(CALL);
                        let argc = oparg as usize;
                        let callable_at = sp - argc - 2;
                        let args_start =
                            if slot!(callable_at + 1).is_some() { callable_at + 1 } else { callable_at + 2 };
                        let args = as_objs(&values[args_start..sp]);
                        let r = match hit_native.take().expect("the guard's value") {
                            specialize::NativeCall::Len => ops::len(&args[0]).and_then(|n| new_int(n as i64)),
                            specialize::NativeCall::IsInstance(class) => {
                                if args[0].type_object().is_subtype(class) {
                                    Ok(new_bool(true))
                                } else {
                                    // A proxy's `__class__` may still say yes (`recursive_isinstance`).
                                    cold_ops::isinstance_by_class_attr(&args[0], class)
                                }
                            }
                            specialize::NativeCall::TypeOf => Ok(Obj::new_ref(args[0].type_object().as_object())),
                            specialize::NativeCall::StrOf => ops::str(&args[0]),
                            specialize::NativeCall::Native(func) => {
                                // `locals()`, `vars()`, `dir()`, `eval`, `exec` and zero-argument
                                // `super()` read the calling frame, as on the generic path.
                                let _caller = caller::enter(f);
                                func(args, None)
                            }
                            specialize::NativeCall::Call => {
                                let _caller = caller::enter(f);
                                ops::call(values[callable_at].as_deref().expect("a callable"), args, None)
                            }
                        };
                        clear(values, callable_at, sp);
                        sp = callable_at;
                        push!(values, sp, tri!(r));
                    }
                    Opcode::CALL_LIST_APPEND
                        if !tracing && specialize::list_append_guard(values, sp, oparg as usize) =>
                    {
                        skip_caches!(CALL);
                        let item = pop!(values, sp);
                        let list = pop!(values, sp);
                        // `list.append`'s descriptor (immortal).
                        drop(pop!(values, sp));
                        as_list(&list).expect("the guard's list").push(item);
                        drop(list);
                        // The `None` result: a following `POP_TOP` is skipped instead.
                        if specialize::is_pop_top(units.opcode_unit(ip)) {
                            ip += 1;
                        } else {
                            push!(values, sp, none());
                        }
                    }
                    Opcode::CALL_ALLOC_AND_ENTER_INIT
                        if {
                            hit = specialize::init_for_alloc_guard(values, sp, oparg as usize);
                            hit.is_some()
                        } =>
                    {
                        skip_caches!(CALL);
                        let init = hit.take().expect("the guard's value");
                        let callable_at = sp - oparg as usize - 2;
                        let class = values[callable_at].as_deref().expect("a callable");
                        let ty = as_type(class).expect("checked by init_for_alloc");
                        let instance = tri!(specialize::alloc_for_init(ty, as_objs(&values[callable_at + 2..sp])));
                        *slot!(callable_at + 1) = Some(instance.clone());
                        enter_or_unwind!(enter_exact_args(frames, init, callable_at, callable_at + 1, Some(instance)));
                    }
                    Opcode::NOP | Opcode::CACHE => {}
                    Opcode::EXTENDED_ARG => {
                        // A prefix: the next unit is the instruction, its oparg extended by this
                        // one's; it is dispatched from here (CPython's `EXTENDED_ARG`).
                        unit = opcode_unit_of(opcode_units, ip);
                        oparg = (oparg << 8) | (unit >> 8) as u32;
                        lasti = ip;
                        f.lasti = lasti;
                        op = decode[(unit & 0xff) as usize];
                        ip += 1;
                        continue 'op;
                    }
                    SLOW_HEAD => {
                        // A traced instruction (the traced table sends every byte here) or a
                        // byte the untraced table does not run directly.
                        sync!();
                        // The unit read again (it is the one at `lasti`: the head's, or the one
                        // `EXTENDED_ARG` or `adapt!` dispatched), so that `unit` is not live
                        // across the dispatch (one spill fewer in the head of every instruction).
                        op = tri!(slow_head(f, opcode_unit_of(opcode_units, lasti), oparg, tracing));
                        continue 'op;
                    }
                    Opcode::RESUME => {
                        if let Some(ts) = crate::state::thread_state::current() {
                            // SAFETY: the current thread state is attached on this thread.
                            let ts = unsafe { ts.as_ref() };
                            tri!(crate::state::breaker::check(ts));
                            // One load and a compare when the flag did not change (every call).
                            if ts.is_hooked() != tracing {
                                tracing = !tracing;
                                decode = decode_table_for(tracing);
                                if tracing {
                                    // Found on here: this `RESUME` still reports its `call`.
                                    sync!();
                                    tri!(trace::instruction(f, op, oparg));
                                }
                            }
                        }
                    }
                    Opcode::LOAD_CONST => push!(values, sp, code.consts[oparg as usize].clone()),
                    Opcode::RETURN_CONST | Opcode::RETURN_VALUE => {
                        let v = if op == Opcode::RETURN_VALUE {
                            pop!(values, sp)
                        } else {
                            code.consts[oparg as usize].clone()
                        };
                        // A plain function frame returning to a caller in this run: popped in
                        // place (CPython's `_POP_FRAME`); every other return takes the general
                        // path below.
                        if tracing || !f.returns_plainly() {
                            break 'op Ok(Flow::Return(v));
                        }
                        return_plain(frames, sp, v);
                        continue 'frames;
                    }
                    Opcode::POP_TOP => drop(pop!(values, sp)),
                    Opcode::PUSH_NULL => {
                        *slot!(sp) = None;
                        sp += 1;
                    }
                    Opcode::END_FOR => drop(pop!(values, sp)),
                    Opcode::END_SEND => {
                        let v = pop!(values, sp);
                        drop(pop!(values, sp));
                        push!(values, sp, v);
                    }
                    // `COPY 2; COPY 2` (`a[i] op= x`) runs as one instruction when not tracing
                    // (a trace function would see each): the top two values duplicated.
                    Opcode::COPY
                        if oparg == 2 && !tracing && specialize::is_copy_2(opcode_unit_of(opcode_units, ip)) =>
                    {
                        let (a, b) = (peek!(values, sp, 2).clone(), peek!(values, sp, 1).clone());
                        push!(values, sp, a);
                        push!(values, sp, b);
                        ip += 1;
                    }
                    Opcode::COPY => {
                        let v = peek!(values, sp, oparg as usize).clone();
                        push!(values, sp, v);
                    }
                    // `SWAP 3; SWAP 2` (the store of `a[i] op= x`) runs as one rotation when not
                    // tracing: the top value goes under the next two.
                    Opcode::SWAP
                        if oparg == 3 && !tracing && specialize::is_swap_2(opcode_unit_of(opcode_units, ip)) =>
                    {
                        values.swap(sp - 1, sp - 3);
                        values.swap(sp - 1, sp - 2);
                        ip += 1;
                    }
                    Opcode::SWAP => values.swap(sp - 1, sp - oparg as usize),
                    Opcode::LOAD_FAST | Opcode::LOAD_FAST_CHECK => {
                        let i = oparg as usize;
                        match local!(i) {
                            Some(v) => {
                                let v = v.clone();
                                push!(values, sp, v)
                            }
                            None => break 'op Err(unbound_local(code, i)),
                        }
                    }
                    Opcode::LOAD_FAST_AND_CLEAR => {
                        let v = local!(oparg as usize).take();
                        *slot!(sp) = v;
                        sp += 1;
                    }
                    Opcode::LOAD_FAST_LOAD_FAST => {
                        for i in [(oparg >> 4) as usize, (oparg & 15) as usize] {
                            match local!(i) {
                                Some(v) => {
                                    let v = v.clone();
                                    push!(values, sp, v)
                                }
                                None => break 'op Err(unbound_local(code, i)),
                            }
                        }
                    }
                    Opcode::STORE_FAST => {
                        // May store NULL: the end of an inlined comprehension restores a saved
                        // unbound variable (the compiler's STORE_FAST_MAYBE_NULL).
                        sp -= 1;
                        let v = slot!(sp).take();
                        let old = std::mem::replace(local!(oparg as usize), v);
                        drop(old);
                    }
                    Opcode::STORE_FAST_MAYBE_NULL => {
                        sp -= 1;
                        let v = slot!(sp).take();
                        let old = std::mem::replace(local!(oparg as usize), v);
                        drop(old);
                    }
                    Opcode::STORE_FAST_LOAD_FAST => {
                        let v = pop!(values, sp);
                        let old = local!((oparg >> 4) as usize).replace(v);
                        drop(old);
                        let i = (oparg & 15) as usize;
                        match local!(i) {
                            Some(v) => {
                                let v = v.clone();
                                push!(values, sp, v)
                            }
                            None => break 'op Err(unbound_local(code, i)),
                        }
                    }
                    Opcode::STORE_FAST_STORE_FAST => {
                        let a = pop!(values, sp);
                        let old = local!((oparg >> 4) as usize).replace(a);
                        drop(old);
                        let b = pop!(values, sp);
                        let old = local!((oparg & 15) as usize).replace(b);
                        drop(old);
                    }
                    Opcode::DELETE_FAST => {
                        let i = oparg as usize;
                        if slot!(i).take().is_none() {
                            break 'op Err(unbound_local(code, i));
                        }
                    }
                    Opcode::MAKE_CELL => {
                        let i = oparg as usize;
                        let v = slot!(i).take();
                        *slot!(i) = Some(tri!(new_cell(v)));
                    }
                    Opcode::COPY_FREE_VARS => {
                        let Some(func) = f.func.as_deref() else {
                            // A code object with free variables run without its function (the
                            // callers refuse that first; this keeps any other path an error).
                            break 'op Err(PyErr::new(crate::ExcKind::SystemError, "free variables without a closure"));
                        };
                        let closure = as_function(&func).and_then(|fo| fo.closure.get());
                        let cells = closure.as_deref().map_or(&[][..], items);
                        let n = code.code.nlocalsplus();
                        for (k, c) in cells.iter().enumerate().take(oparg as usize) {
                            *slot!(n - oparg as usize + k) = Some(c.clone());
                        }
                    }
                    Opcode::LOAD_DEREF => {
                        let i = oparg as usize;
                        // The frame's slot holds the cell: read through it, no reference of its own.
                        let v = local!(i).as_deref().and_then(as_cell).and_then(|c| c.get());
                        match v {
                            Some(v) => push!(values, sp, v),
                            None => break 'op Err(cold_ops::unbound_deref(code, i)),
                        }
                    }
                    Opcode::STORE_DEREF => {
                        let v = pop!(values, sp);
                        if let Some(c) = slot!(oparg as usize).as_deref().and_then(as_cell) {
                            c.set(Some(v));
                        }
                    }
                    Opcode::DELETE_DEREF => {
                        if let Some(c) = slot!(oparg as usize).as_deref().and_then(as_cell) {
                            c.set(None);
                        }
                    }
                    Opcode::LOAD_GLOBAL | Opcode::LOAD_GLOBAL_MODULE | Opcode::LOAD_GLOBAL_BUILTIN => {
                        skip_caches!(LOAD_GLOBAL);
                        let name = &code.names[(oparg >> 1) as usize];
                        adapt!(specialize::specialize_load_global(units, lasti, &f.globals, &f.builtins, name));
                        let v = tri!(load_global(f, name));
                        push!(values, sp, v);
                        if oparg & 1 != 0 {
                            *slot!(sp) = None;
                            sp += 1;
                        }
                    }
                    Opcode::STORE_GLOBAL => tri!(cold_ops::store_global(values, &mut sp, f, code, oparg)),
                    Opcode::DELETE_GLOBAL => tri!(cold_ops::delete_global(f, code, oparg)),
                    Opcode::LOAD_NAME => tri!(cold_ops::load_name(values, &mut sp, f, code, oparg)),
                    Opcode::STORE_NAME => tri!(cold_ops::store_name(values, &mut sp, f, code, oparg)),
                    Opcode::DELETE_NAME => tri!(cold_ops::delete_name(f, code, oparg)),
                    Opcode::LOAD_LOCALS => {
                        let l =
                            f.locals.clone().ok_or_else(|| PyErr::new(crate::ExcKind::SystemError, "no locals found"));
                        push!(values, sp, tri!(l));
                    }
                    Opcode::LOAD_FROM_DICT_OR_GLOBALS => {
                        tri!(cold_ops::load_from_dict_or_globals(values, &mut sp, f, code, oparg))
                    }
                    Opcode::LOAD_FROM_DICT_OR_DEREF => {
                        tri!(cold_ops::load_from_dict_or_deref(values, &mut sp, code, oparg))
                    }
                    Opcode::SETUP_ANNOTATIONS => tri!(cold_ops::setup_annotations(f)),
                    Opcode::LOAD_BUILD_CLASS => tri!(cold_ops::load_build_class(values, &mut sp, f)),
                    Opcode::LOAD_ASSERTION_ERROR => {
                        push!(values, sp, Obj::new_ref(types().exc.named("AssertionError").as_object()))
                    }
                    Opcode::LOAD_ATTR
                    | Opcode::LOAD_ATTR_INSTANCE_VALUE
                    | Opcode::LOAD_ATTR_SLOT
                    | Opcode::LOAD_ATTR_MODULE
                    | Opcode::LOAD_ATTR_WITH_HINT
                    | Opcode::LOAD_ATTR_METHOD_NO_DICT
                    | Opcode::LOAD_ATTR_METHOD_WITH_VALUES
                    | Opcode::LOAD_ATTR_NONDESCRIPTOR_WITH_VALUES
                    | Opcode::LOAD_ATTR_NONDESCRIPTOR_NO_DICT
                    | Opcode::LOAD_ATTR_CLASS
                    | Opcode::LOAD_ATTR_PROPERTY => {
                        skip_caches!(LOAD_ATTR);
                        let name = &code.names[(oparg >> 1) as usize];
                        adapt!(specialize::specialize_load_attr(
                            units,
                            lasti,
                            peek!(values, sp, 1),
                            name,
                            oparg & 1 != 0
                        ));
                        let owner = pop!(values, sp);
                        if oparg & 1 != 0 {
                            let (meth, self_) = tri!(load_method(&owner, name));
                            push!(values, sp, meth);
                            *slot!(sp) = self_;
                            sp += 1;
                        } else {
                            match tri!(specialize_attr::generic_load_attr(&owner, name)) {
                                specialize_attr::GenericAttr::Value(v) => push!(values, sp, v),
                                specialize_attr::GenericAttr::Getter(getter) => {
                                    // As `LOAD_ATTR_PROPERTY`: the getter's result replaces the owner.
                                    push!(values, sp, owner);
                                    let owner_at = sp - 1;
                                    enter_or_unwind!(enter_exact_args(frames, getter, owner_at, owner_at, None));
                                }
                            }
                        }
                    }
                    Opcode::LOAD_SUPER_ATTR | Opcode::LOAD_SUPER_ATTR_ATTR | Opcode::LOAD_SUPER_ATTR_METHOD => {
                        skip_caches!(LOAD_SUPER_ATTR);
                        adapt!(specialize::specialize_load_super_attr(
                            units,
                            lasti,
                            peek!(values, sp, 3),
                            peek!(values, sp, 2),
                            oparg
                        ));
                        tri!(cold_ops::load_super_attr(values, &mut sp, f, code, oparg))
                    }
                    Opcode::STORE_ATTR
                    | Opcode::STORE_ATTR_INSTANCE_VALUE
                    | Opcode::STORE_ATTR_SLOT
                    | Opcode::STORE_ATTR_WITH_HINT => {
                        skip_caches!(STORE_ATTR);
                        adapt!(specialize::specialize_store_attr(
                            units,
                            lasti,
                            peek!(values, sp, 1),
                            &code.names[oparg as usize]
                        ));
                        let owner = pop!(values, sp);
                        let v = pop!(values, sp);
                        tri!(ops::set_attr(&owner, &code.names[oparg as usize], Some(&v)));
                    }
                    Opcode::DELETE_ATTR => {
                        let owner = pop!(values, sp);
                        tri!(ops::set_attr(&owner, &code.names[oparg as usize], None));
                    }
                    Opcode::BINARY_OP
                    | Opcode::BINARY_OP_ADD_INT
                    | Opcode::BINARY_OP_SUBTRACT_INT
                    | Opcode::BINARY_OP_MULTIPLY_INT
                    | Opcode::BINARY_OP_ADD_FLOAT
                    | Opcode::BINARY_OP_SUBTRACT_FLOAT
                    | Opcode::BINARY_OP_MULTIPLY_FLOAT
                    | Opcode::BINARY_OP_ADD_UNICODE
                    | Opcode::BINARY_OP_INPLACE_ADD_UNICODE => {
                        skip_caches!(BINARY_OP);
                        // Only `+`, `-` and `*` have specialised forms: the others skip the counter.
                        if specialize::binary_op_has_forms(oparg) {
                            adapt!(specialize::specialize_binary_op(
                                units,
                                lasti,
                                peek!(values, sp, 2),
                                peek!(values, sp, 1),
                                oparg,
                                specialize::inplace_add_str_target(values, sp, units.opcode_unit(ip)).is_some()
                            ));
                        }
                        let rhs = pop!(values, sp);
                        let lhs = pop!(values, sp);
                        let Some((bop, inplace)) = BinOp::from_oparg(oparg) else {
                            break 'op Err(PyErr::new(crate::ExcKind::SystemError, "bad BINARY_OP oparg"));
                        };
                        let r = crate::object::arith_fast::binary_op_exact(bop, &lhs, &rhs);
                        let r = match r {
                            Some(r) => r,
                            None if inplace => ops::inplace_op(&lhs, &rhs, bop),
                            None => ops::binary_op(&lhs, &rhs, bop),
                        };
                        push!(values, sp, tri!(r));
                        // Operands that are floats (`x ** y`, `x / y`) are released the fast way:
                        // a dying temporary skips the deallocator's dispatch.
                        crate::object::float::release_value(lhs);
                        crate::object::float::release_value(rhs);
                    }
                    Opcode::COMPARE_OP | Opcode::COMPARE_OP_INT | Opcode::COMPARE_OP_FLOAT | Opcode::COMPARE_OP_STR => {
                        skip_caches!(COMPARE_OP);
                        adapt!(specialize::specialize_compare_op(
                            units,
                            lasti,
                            peek!(values, sp, 2),
                            peek!(values, sp, 1),
                            oparg
                        ));
                        let rhs = pop!(values, sp);
                        let lhs = pop!(values, sp);
                        let cmp = CompareOp::from_index(oparg >> 5).unwrap_or(CompareOp::Eq);
                        let r = match crate::object::arith_fast::compare_exact(&lhs, &rhs, cmp) {
                            // As the specialised forms: a following conditional jump takes it
                            // (not when traced: the jump has its own events).
                            Some(r) => {
                                match (!tracing).then(|| specialize::pop_jump(units.opcode_unit(ip))).flatten() {
                                    Some((on, span, distance)) => {
                                        ip += span + if r == on { distance } else { 0 };
                                        continue 'insn;
                                    }
                                    None => new_bool(r),
                                }
                            }
                            None => {
                                let r = tri!(ops::rich_compare(&lhs, &rhs, cmp));
                                if oparg & 16 != 0 { new_bool(tri!(ops::is_true(&r))) } else { r }
                            }
                        };
                        push!(values, sp, r);
                    }
                    Opcode::IS_OP => {
                        let rhs = pop!(values, sp);
                        let lhs = pop!(values, sp);
                        push!(values, sp, new_bool(lhs.is(&rhs) != (oparg == 1)));
                    }
                    Opcode::CONTAINS_OP | Opcode::CONTAINS_OP_DICT | Opcode::CONTAINS_OP_SET => {
                        skip_caches!(CONTAINS_OP);
                        adapt!(specialize::specialize_contains_op(units, lasti, peek!(values, sp, 1)));
                        let container = pop!(values, sp);
                        let item = pop!(values, sp);
                        let r = tri!(ops::contains(&container, &item));
                        push!(values, sp, new_bool(r != (oparg == 1)));
                    }
                    Opcode::TO_BOOL
                    | Opcode::TO_BOOL_BOOL
                    | Opcode::TO_BOOL_INT
                    | Opcode::TO_BOOL_LIST
                    | Opcode::TO_BOOL_NONE
                    | Opcode::TO_BOOL_STR => {
                        skip_caches!(TO_BOOL);
                        adapt!(specialize::specialize_to_bool(units, lasti, peek!(values, sp, 1)));
                        let v = pop!(values, sp);
                        push!(values, sp, new_bool(tri!(ops::is_true(&v))));
                    }
                    Opcode::UNARY_NOT => {
                        let v = pop!(values, sp);
                        push!(values, sp, new_bool(!tri!(ops::is_true(&v))));
                    }
                    Opcode::UNARY_NEGATIVE => {
                        let v = pop!(values, sp);
                        push!(values, sp, tri!(ops::unary_op(&v, UnaryOp::Negative)));
                    }
                    Opcode::UNARY_INVERT => {
                        let v = pop!(values, sp);
                        push!(values, sp, tri!(ops::unary_op(&v, UnaryOp::Invert)));
                    }
                    Opcode::CALL_INTRINSIC_1 => tri!(cold_ops::call_intrinsic_1(values, &mut sp, f, code, oparg)),
                    Opcode::CALL_INTRINSIC_2 => tri!(cold_ops::call_intrinsic_2(values, &mut sp, oparg)),
                    Opcode::POP_JUMP_IF_FALSE | Opcode::POP_JUMP_IF_TRUE => {
                        skip_caches!(POP_JUMP_IF_FALSE);
                        let v = pop!(values, sp);
                        let t = if v.is(&immortals().true_.ob_base) {
                            true
                        } else if v.is(&immortals().false_.ob_base) {
                            false
                        } else {
                            tri!(ops::is_true(&v))
                        };
                        if t == (op == Opcode::POP_JUMP_IF_TRUE) {
                            ip += oparg as usize;
                        }
                    }
                    Opcode::POP_JUMP_IF_NONE | Opcode::POP_JUMP_IF_NOT_NONE => {
                        skip_caches!(POP_JUMP_IF_NONE);
                        let v = pop!(values, sp);
                        if v.is(immortals().none) == (op == Opcode::POP_JUMP_IF_NONE) {
                            ip += oparg as usize;
                        }
                    }
                    Opcode::JUMP_FORWARD => ip += oparg as usize,
                    Opcode::JUMP_BACKWARD_NO_INTERRUPT => ip -= oparg as usize,
                    Opcode::JUMP_BACKWARD => {
                        skip_caches!(JUMP_BACKWARD);
                        ip -= oparg as usize;
                        if let Some(ts) = crate::state::thread_state::current() {
                            // SAFETY: the current thread state is attached on this thread.
                            let ts = unsafe { ts.as_ref() };
                            tri!(crate::state::breaker::check(ts));
                            tracing = ts.is_hooked();
                            decode = decode_table_for(tracing);
                        }
                    }
                    Opcode::GET_ITER => {
                        let v = pop!(values, sp);
                        push!(values, sp, tri!(ops::get_iter(&v)));
                    }
                    Opcode::FOR_ITER
                    | Opcode::FOR_ITER_RANGE
                    | Opcode::FOR_ITER_LIST
                    | Opcode::FOR_ITER_TUPLE
                    | Opcode::FOR_ITER_GEN => {
                        skip_caches!(FOR_ITER);
                        adapt!(specialize::specialize_for_iter(units, lasti, peek!(values, sp, 1)));
                        let it = peek!(values, sp, 1);
                        if tri!(generator::claim_for_loop(it, false)) {
                            let genobj = NonNull::from(&**it);
                            let target = ip + oparg as usize + 2;
                            f.call_at = sp;
                            let resume = generator::ResumeKind::ForIter { target };
                            sync!();
                            enter_or_unwind!(generator::push_frame(frames, genobj, none(), resume, None));
                        }
                        let next = if std::ptr::eq(it.type_object(), types_known_made(it).range_iter_type) {
                            crate::object::range::range_iter_next(it)
                        } else {
                            ops::next(it)
                        };
                        match tri!(next) {
                            Some(v) => push!(values, sp, v),
                            None => {
                                drop(pop!(values, sp));
                                ip += oparg as usize + 2;
                            }
                        }
                    }
                    Opcode::BUILD_TUPLE => {
                        let n = oparg as usize;
                        let v: Vec<Obj> = (sp - n..sp).map(|i| slot!(i).take().expect("an item")).collect();
                        sp -= n;
                        push!(values, sp, tri!(new_tuple(v)));
                    }
                    Opcode::BUILD_LIST => {
                        let n = oparg as usize;
                        let v: Vec<Obj> = (sp - n..sp).map(|i| slot!(i).take().expect("an item")).collect();
                        sp -= n;
                        push!(values, sp, tri!(new_list(v)));
                    }
                    Opcode::BUILD_SET => tri!(cold_ops::build_set(values, &mut sp, oparg)),
                    Opcode::SET_ADD => {
                        let v = pop!(values, sp);
                        tri!(crate::object::set::set_add(peek!(values, sp, oparg as usize), v));
                    }
                    Opcode::SET_UPDATE => {
                        let v = pop!(values, sp);
                        tri!(crate::object::set::set_update(peek!(values, sp, oparg as usize), &v));
                    }
                    Opcode::BUILD_MAP => tri!(cold_ops::build_map(values, &mut sp, oparg)),
                    Opcode::BUILD_CONST_KEY_MAP => tri!(cold_ops::build_const_key_map(values, &mut sp, oparg)),
                    Opcode::BUILD_STRING => tri!(cold_ops::build_string(values, &mut sp, oparg)),
                    Opcode::BUILD_SLICE => {
                        let step = if oparg == 3 { pop!(values, sp) } else { none() };
                        let stop = pop!(values, sp);
                        let start = pop!(values, sp);
                        push!(values, sp, tri!(new_slice(start, stop, step)));
                    }
                    Opcode::LIST_APPEND => {
                        let v = pop!(values, sp);
                        as_list(peek!(values, sp, oparg as usize)).expect("a list").push(v);
                    }
                    Opcode::LIST_EXTEND => tri!(cold_ops::list_extend(values, &mut sp, oparg)),
                    Opcode::MAP_ADD => {
                        let v = pop!(values, sp);
                        let k = pop!(values, sp);
                        tri!(as_dict(peek!(values, sp, oparg as usize)).expect("a dict").set(k, v));
                    }
                    Opcode::DICT_UPDATE => {
                        let src = pop!(values, sp);
                        tri!(pattern::dict_update_from_mapping(peek!(values, sp, oparg as usize), &src));
                    }
                    Opcode::DICT_MERGE => {
                        let src = pop!(values, sp);
                        let d = peek!(values, sp, oparg as usize).clone();
                        // 3.13: `(callable, self_or_null, callargs, dict, update)`.
                        let callable = peek!(values, sp, 4).clone();
                        tri!(args::merge_call_kwargs(&callable, &d, &src));
                    }
                    Opcode::BINARY_SUBSCR
                    | Opcode::BINARY_SUBSCR_LIST_INT
                    | Opcode::BINARY_SUBSCR_TUPLE_INT
                    | Opcode::BINARY_SUBSCR_DICT => {
                        skip_caches!(BINARY_SUBSCR);
                        adapt!(specialize::specialize_binary_subscr(
                            units,
                            lasti,
                            peek!(values, sp, 2),
                            peek!(values, sp, 1)
                        ));
                        let key = pop!(values, sp);
                        let container = pop!(values, sp);
                        push!(values, sp, tri!(ops::get_item(&container, &key)));
                    }
                    Opcode::STORE_SUBSCR | Opcode::STORE_SUBSCR_LIST_INT | Opcode::STORE_SUBSCR_DICT => {
                        skip_caches!(STORE_SUBSCR);
                        adapt!(specialize::specialize_store_subscr(
                            units,
                            lasti,
                            peek!(values, sp, 2),
                            peek!(values, sp, 1)
                        ));
                        let key = pop!(values, sp);
                        let container = pop!(values, sp);
                        let v = pop!(values, sp);
                        tri!(ops::set_item(&container, &key, Some(&v)));
                    }
                    Opcode::DELETE_SUBSCR => {
                        let key = pop!(values, sp);
                        let container = pop!(values, sp);
                        tri!(ops::set_item(&container, &key, None));
                    }
                    Opcode::BINARY_SLICE => {
                        let stop = pop!(values, sp);
                        let start = pop!(values, sp);
                        let container = pop!(values, sp);
                        let s = tri!(new_slice(start, stop, none()));
                        push!(values, sp, tri!(ops::get_item(&container, &s)));
                    }
                    Opcode::STORE_SLICE => {
                        let stop = pop!(values, sp);
                        let start = pop!(values, sp);
                        let container = pop!(values, sp);
                        let v = pop!(values, sp);
                        let s = tri!(new_slice(start, stop, none()));
                        tri!(ops::set_item(&container, &s, Some(&v)));
                    }
                    Opcode::UNPACK_SEQUENCE
                    | Opcode::UNPACK_SEQUENCE_TWO_TUPLE
                    | Opcode::UNPACK_SEQUENCE_TUPLE
                    | Opcode::UNPACK_SEQUENCE_LIST => {
                        skip_caches!(UNPACK_SEQUENCE);
                        adapt!(specialize::specialize_unpack_sequence(units, lasti, peek!(values, sp, 1), oparg));
                        let seq = pop!(values, sp);
                        let n = oparg as usize;
                        let v = tri!(unpack(&seq, n));
                        for x in v.into_iter().rev() {
                            push!(values, sp, x);
                        }
                    }
                    Opcode::UNPACK_EX => tri!(cold_ops::unpack_ex(values, &mut sp, oparg)),
                    Opcode::FORMAT_SIMPLE => {
                        let v = pop!(values, sp);
                        let r = if str_value(&v).is_some() && std::ptr::eq(v.type_object(), types().str_type) {
                            v
                        } else {
                            tri!(format_value(&v, ""))
                        };
                        push!(values, sp, r);
                    }
                    Opcode::FORMAT_WITH_SPEC => {
                        let spec = pop!(values, sp);
                        let v = pop!(values, sp);
                        push!(values, sp, tri!(format_value(&v, str_value(&spec).unwrap_or(""))));
                    }
                    Opcode::CONVERT_VALUE => tri!(cold_ops::convert_value(values, &mut sp, oparg)),
                    Opcode::MAKE_FUNCTION => tri!(cold_ops::make_function(values, &mut sp, f)),
                    Opcode::SET_FUNCTION_ATTRIBUTE => tri!(cold_ops::set_function_attribute(values, &mut sp, oparg)),
                    Opcode::CALL
                    | Opcode::CALL_KW
                    | Opcode::CALL_PY_EXACT_ARGS
                    | Opcode::CALL_BOUND_METHOD_EXACT_ARGS
                    | Opcode::CALL_PY_GENERAL
                    | Opcode::CALL_BOUND_METHOD_GENERAL
                    | Opcode::CALL_ALLOC_AND_ENTER_INIT
                    | Opcode::CALL_LEN
                    | Opcode::CALL_ISINSTANCE
                    | Opcode::CALL_TYPE_1
                    | Opcode::CALL_STR_1
                    | Opcode::CALL_BUILTIN_O
                    | Opcode::CALL_BUILTIN_FAST
                    | Opcode::CALL_METHOD_DESCRIPTOR_FAST
                    | Opcode::CALL_LIST_APPEND
                    | Opcode::CALL_BUILTIN_CLASS
                    | Opcode::CALL_NON_PY_GENERAL
                    | Opcode::CALL_GEN_SEND => {
                        if op != Opcode::CALL_KW {
                            skip_caches!(CALL);
                            let argc = oparg as usize;
                            let has_self = slot!(sp - argc - 1).is_some();
                            let callable = peek!(values, sp, argc + 2);
                            adapt!(specialize::specialize_call(units, lasti, callable, has_self, argc));
                        }
                        let kwnames = if op == Opcode::CALL_KW { Some(pop!(values, sp)) } else { None };
                        let argc = oparg as usize;
                        let callable_at = sp - argc - 2;
                        let has_self = slot!(callable_at + 1).is_some();
                        let args_start = if has_self { callable_at + 1 } else { callable_at + 2 };
                        let callable = slot!(callable_at).clone().expect("a callable");
                        // A bound method: unpack it so the call goes to the function directly.
                        let (callable, args_start) = match crate::object::function::as_method(&callable) {
                            Some(m) if !has_self => {
                                *slot!(callable_at + 1) = Some(m.self_.clone());
                                (m.func.clone(), callable_at + 1)
                            }
                            _ => (callable, args_start),
                        };
                        if kwnames.is_none()
                            && specialize::positional_args_function(&callable, sp - args_start).is_some()
                        {
                            enter_or_unwind!(enter_exact_args(frames, callable, callable_at, args_start, None));
                        }
                        if as_function(&callable).is_some() {
                            // Python-to-Python: a new frame in this run of the loop.
                            let kwnames = kwnames.as_deref();
                            enter_or_unwind!(enter_general(frames, callable, callable_at, args_start, kwnames));
                        }
                        let r = {
                            let _caller = caller::enter(f);
                            let args = as_objs(&values[args_start..sp]);
                            if tracing {
                                trace::native_call(f, &callable, args, || {
                                    ops::call(&callable, args, kwnames.as_deref())
                                })
                            } else {
                                ops::call(&callable, args, kwnames.as_deref())
                            }
                        };
                        clear(values, callable_at, sp);
                        sp = callable_at;
                        push!(values, sp, tri!(r));
                    }
                    Opcode::CALL_FUNCTION_EX => tri!(cold_ops::call_function_ex(values, &mut sp, f, oparg)),
                    Opcode::RAISE_VARARGS => {
                        let (exc, cause) = match oparg {
                            0 => (None, None),
                            1 => (Some(pop!(values, sp)), None),
                            _ => {
                                let cause = pop!(values, sp);
                                (Some(pop!(values, sp)), Some(cause))
                            }
                        };
                        if exc.is_none() {
                            skip_tb = true;
                        }
                        let err = do_raise(exc.clone(), cause);
                        // `raise x` chains the exception being handled as `x.__context__` even
                        // when x was raised before (`_PyErr_SetObject`); errors of other
                        // instructions get it while unwinding.
                        if let (Some(_), Some(raised), Some(handled)) = (&exc, err.object(), current_exception()) {
                            crate::object::exceptions::set_implicit_context(raised, handled);
                        }
                        break 'op Err(err);
                    }
                    Opcode::RERAISE => {
                        // CPython moves `instr_ptr` to the saved `lasti` (for `f_lineno`), but the
                        // handler lookup uses this instruction's own offset, as here.
                        let exc = pop!(values, sp);
                        skip_tb = true;
                        break 'op Err(PyErr::from_object(exc));
                    }
                    Opcode::PUSH_EXC_INFO => {
                        let exc = pop!(values, sp);
                        let prev = exc_state::replace_current(Some(exc.clone()));
                        push!(values, sp, prev.unwrap_or_else(none));
                        push!(values, sp, exc);
                    }
                    Opcode::POP_EXCEPT => {
                        let prev = pop!(values, sp);
                        let prev = if prev.is(immortals().none) { None } else { Some(prev) };
                        let old = exc_state::replace_current(prev);
                        drop(old);
                    }
                    Opcode::CHECK_EXC_MATCH => {
                        let ty = pop!(values, sp);
                        let matched = exc_matches(peek!(values, sp, 1), &ty);
                        push!(values, sp, new_bool(tri!(matched)));
                    }
                    Opcode::CHECK_EG_MATCH => {
                        let match_type = pop!(values, sp);
                        let exc = pop!(values, sp);
                        tri!(exception_group::check_except_star_type(&match_type));
                        let (rest, matched) = tri!(exception_group::exception_group_match(&exc, &match_type));
                        if !matched.is(immortals().none) {
                            let old = exc_state::replace_current(Some(matched.clone()));
                            drop(old);
                        }
                        push!(values, sp, rest);
                        push!(values, sp, matched);
                    }
                    Opcode::WITH_EXCEPT_START => {
                        let exit = peek!(values, sp, 4).clone();
                        let val = peek!(values, sp, 1).clone();
                        let ty = Obj::new_ref(val.type_object().as_object());
                        let tb = tri!(ops::get_attr_str(&val, "__traceback__"));
                        push!(values, sp, tri!(ops::call(&exit, &[ty, val, tb], None)));
                    }
                    Opcode::BEFORE_WITH => tri!(cold_ops::before_with(values, &mut sp)),
                    Opcode::GET_LEN => {
                        let n = tri!(ops::len(peek!(values, sp, 1)));
                        push!(values, sp, tri!(new_int(n as i64)));
                    }
                    Opcode::MATCH_MAPPING | Opcode::MATCH_SEQUENCE => {
                        let subject = peek!(values, sp, 1);
                        let r = if op == Opcode::MATCH_MAPPING {
                            pattern::is_mapping(subject)
                        } else {
                            pattern::is_sequence(subject)
                        };
                        push!(values, sp, new_bool(r));
                    }
                    Opcode::MATCH_KEYS => {
                        let r = tri!(pattern::match_keys(peek!(values, sp, 2), peek!(values, sp, 1)));
                        push!(values, sp, r.unwrap_or_else(none));
                    }
                    Opcode::MATCH_CLASS => {
                        let names = pop!(values, sp);
                        let cls = pop!(values, sp);
                        let subject = pop!(values, sp);
                        let r = tri!(pattern::match_class(&subject, &cls, oparg as usize, &names));
                        push!(values, sp, r.unwrap_or_else(none));
                    }
                    Opcode::RETURN_GENERATOR => {
                        sync!();
                        let genobj = generator::return_generator(values, f, code);
                        sp = f.sp;
                        break 'op Ok(Flow::Return(tri!(genobj)));
                    }
                    Opcode::YIELD_VALUE => {
                        if f.owner_gen.is_none() {
                            break 'op Err(PyErr::new(crate::ExcKind::SystemError, "yield outside a generator frame"));
                        }
                        break 'op Ok(Flow::Yield(pop!(values, sp), oparg));
                    }
                    Opcode::SEND | Opcode::SEND_GEN => {
                        skip_caches!(SEND);
                        adapt!(generator::specialize_send(units, lasti, peek!(values, sp, 2)));
                        let target = ip + oparg as usize;
                        let v = pop!(values, sp);
                        let receiver = peek!(values, sp, 1);
                        if tri!(generator::claim_for_loop(receiver, true)) {
                            let receiver = NonNull::from(&**receiver);
                            f.call_at = sp;
                            let resume = generator::ResumeKind::Send { target };
                            sync!();
                            enter_or_unwind!(generator::push_frame(frames, receiver, v, resume, None));
                        }
                        let receiver = receiver.clone();
                        match tri!(crate::object::generator::send_generic(&receiver, v)) {
                            Ok(x) => push!(values, sp, x),
                            Err(ret) => {
                                push!(values, sp, ret);
                                ip = target;
                            }
                        }
                    }
                    Opcode::GET_YIELD_FROM_ITER => {
                        let v = pop!(values, sp);
                        push!(values, sp, tri!(generator::get_yield_from_iter(v, code.code.flags)));
                    }
                    Opcode::CLEANUP_THROW => {
                        // (sub_iter, last_sent_val, exc) -> (None, value) for StopIteration.
                        let exc = pop!(values, sp);
                        if !generator::exc_is(&exc, "StopIteration") {
                            skip_tb = true;
                            break 'op Err(PyErr::from_object(exc));
                        }
                        drop(pop!(values, sp));
                        drop(pop!(values, sp));
                        push!(values, sp, none());
                        push!(values, sp, crate::object::generator::stop_iteration_value(&exc));
                    }
                    Opcode::GET_AWAITABLE => {
                        let v = pop!(values, sp);
                        push!(values, sp, tri!(generator::get_awaitable(v, oparg)));
                    }
                    Opcode::GET_AITER => {
                        let v = pop!(values, sp);
                        push!(values, sp, tri!(generator::get_aiter(v)));
                    }
                    Opcode::GET_ANEXT => {
                        let aiter = peek!(values, sp, 1).clone();
                        push!(values, sp, tri!(generator::get_anext(&aiter)));
                    }
                    Opcode::END_ASYNC_FOR => {
                        let exc = pop!(values, sp);
                        if !generator::exc_is(&exc, "StopAsyncIteration") {
                            skip_tb = true;
                            break 'op Err(PyErr::from_object(exc));
                        }
                        drop(pop!(values, sp));
                    }
                    Opcode::BEFORE_ASYNC_WITH => {
                        let mgr = pop!(values, sp);
                        let (exit, res) = tri!(generator::before_async_with(mgr));
                        push!(values, sp, exit);
                        push!(values, sp, res);
                    }
                    Opcode::IMPORT_NAME => tri!(cold_ops::import_name(values, &mut sp, f, code, oparg)),
                    Opcode::IMPORT_FROM => tri!(cold_ops::import_from(values, &mut sp, code, oparg)),
                    other => break 'op Err(not_run_by_the_loop(other)),
                }
                // An instruction that falls through goes on with the next one directly; only
                // returns, suspensions and errors leave the block with an outcome.
                continue 'insn;
            };
            match outcome {
                Ok(Flow::Return(v)) => {
                    f.sp = sp;
                    if tracing {
                        f.ip = ip;
                        if let Err(e) = trace::on_return(frames.last().expect("a frame"), &v) {
                            match unwind(frames, e.into_object(), true) {
                                Ok(()) => continue 'frames,
                                Err(exc) => return Err(PyErr::from_object(exc)),
                            }
                        }
                    }
                    let mut done = frames.pop().expect("a frame");
                    detach_frame_object(&mut done, true);
                    if let Some(link) = done.owner_gen {
                        generator::end(link);
                    }
                    // SAFETY: the record was just popped and keeps its window; the loop's slice
                    // of it is not used again (the loop continues at `'frames` or returns).
                    clear(unsafe { done.window() }, 0, done.sp);
                    depth_leave();
                    // The finished frame's slots are cleared: the top goes back to the caller's
                    // window (a native-started run's entry frame has none: the run restores it).
                    if let Some(caller) = frames.last() {
                        data_stack::set_top(caller.slots.top);
                    }
                    let v = match done.init_self.take() {
                        None => v,
                        Some(instance) if v.is(immortals().none) => instance,
                        Some(_) => {
                            let err = PyErr::type_error(format!(
                                "__init__() should return None, not '{}'",
                                v.type_object().name()
                            ));
                            match unwind(frames, err.into_object(), true) {
                                Ok(()) => continue 'frames,
                                Err(exc) => return Err(PyErr::from_object(exc)),
                            }
                        }
                    };
                    if let Some(link) = done.owner_gen.take() {
                        generator::finish(link);
                        let Some(resumer) = frames.last_mut() else { return Ok(v) };
                        if let Some(err) = generator::return_to_resumer(resumer, link.resume, v) {
                            // `CALL_GEN_SEND`'s `StopIteration`, raised at the call.
                            if let Err(exc) = unwind(frames, err.into_object(), true) {
                                return Err(PyErr::from_object(exc));
                            }
                        }
                        continue 'frames;
                    }
                    let Some(caller) = frames.last_mut() else { return Ok(v) };
                    push_call_result(caller, v);
                    continue 'frames;
                }
                Ok(Flow::Yield(v, oparg)) => {
                    sync!();
                    if tracing {
                        if let Err(e) = trace::on_return(frames.last().expect("a frame"), &v) {
                            match unwind(frames, e.into_object(), true) {
                                Ok(()) => continue 'frames,
                                Err(exc) => return Err(PyErr::from_object(exc)),
                            }
                        }
                    }
                    if let Some(v) = generator::suspend(frames, oparg, v) {
                        return Ok(v);
                    }
                    continue 'frames;
                }
                Err(err) => {
                    sync!();
                    let with_tb = !std::mem::take(&mut skip_tb);
                    match unwind(frames, err.into_object(), with_tb) {
                        Ok(()) => continue 'frames,
                        Err(exc) => return Err(PyErr::from_object(exc)),
                    }
                }
            }
        }
    }
}

/// The window of `size` slots for a frame `caller` (the innermost record, its stack pointer
/// synced) enters: where the caller's callees go ([`FrameSlots::callee_at`]: right above its
/// stack top, or for a generator frame above its resumer's) in that chunk, or when it does not
/// fit there at the start of the next chunk (`data_stack::alloc_after`). The slots are
/// empty: the caller's slots above its stack top are, and so is every chunk past the top's.
/// `MemoryError` when a new chunk is needed and cannot be had.
#[inline(always)]
fn callee_slots(caller: &Frame, size: usize) -> PyResult<FrameSlots> {
    let (at, limit) = caller.slots.callee_at(caller.sp);
    let room = (limit as usize - at as usize) / size_of::<Slot>();
    let w = if size <= room {
        debug_assert!(!at.is_null());
        // SAFETY: `at` lies inside the caller's chunk (above its stack top, or the data-stack top
        // in its resumer's chunk), so it is not null.
        data_stack::Window { base: unsafe { NonNull::new_unchecked(at) }, limit }
    } else {
        data_stack::alloc_after(limit, size)?
    };
    Ok(FrameSlots::in_window(w, size))
}

/// A Python-to-Python call whose positional arguments fit the parameters
/// (`specialize::positional_args_function`: exactly, or with the missing trailing ones in the
/// defaults): the callee's window starts at the arguments (`self` included: the caller's
/// window from `args_start` to its synced stack pointer), which become its first locals where
/// they lie, or, when it does not fit there, goes above the caller's stack ([`callee_slots`])
/// and the arguments move — no argument vector, no binding pass (`_INIT_CALL_PY_EXACT_ARGS`). The new record is pushed onto `frames` in place (the caller
/// is the last record); `init_self` is the instance an `__init__` frame initialises
/// (`CALL_ALLOC_AND_ENTER_INIT`). The caller's call window (`callable_at..args_start`) stays
/// on its stack until the callee returns. Out of line for the rarer callers, and checked; the
/// `CALL_PY_EXACT_ARGS` family's arm has it inlined ([`enter_exact_args_inline`]).
#[inline(never)]
fn enter_exact_args(
    frames: &mut Vec<Frame>,
    callable: Obj,
    callable_at: usize,
    args_start: usize,
    init_self: Option<Obj>,
) -> PyResult<()> {
    assert!(as_function(&callable).is_some(), "checked by exact_args_function");
    // SAFETY: checked just above.
    unsafe { enter_exact_args_inline(frames, callable, callable_at, args_start, init_self, false, false) }
}

/// [`enter_exact_args`], inlined where it is called for almost every Python-to-Python call
/// (the `CALL_PY_EXACT_ARGS` family's arm): the call, its result hand-off through memory and
/// the function's prologue cost more than the arm's extra code (fib −3.2%, closures −2.8%,
/// method_calls −1.4% machine instructions). With `callable_taken`, the caller's slots
/// `callable_at..args_start` are empty once the arguments moved (the arm took the callable, and
/// the `self` slot moved into the callee or held NULL), so the caller's stack pointer goes back
/// to `callable_at` and the return has no call window to clear. With `untraced` (the run has
/// no trace or profile function) the callee may start past its `RESUME` ([`first_ip`]).
///
/// # Safety
///
/// `callable` is a Python function (the arm's guard, `specialize::call_exact_guard`, checked
/// it); its code is a code object (`FunctionObject::code_obj`).
#[inline(always)]
unsafe fn enter_exact_args_inline(
    frames: &mut Vec<Frame>,
    callable: Obj,
    callable_at: usize,
    args_start: usize,
    init_self: Option<Obj>,
    callable_taken: bool,
    untraced: bool,
) -> PyResult<()> {
    // SAFETY: the caller's contract: a function object (whose code is a code object).
    let func = unsafe { callable.cast::<crate::object::function::FunctionObject>() };
    let code = func.code_obj();
    // `nlocalsplus`, read from the code object itself rather than behind its `Arc`.
    let n = code.localsplus_names.len();
    debug_assert_eq!(n, code.code.nlocalsplus());
    // Read before the stores below, which the optimiser cannot tell apart from the code object.
    let size = window_size(code);
    let caller = frames.last_mut().expect("a calling frame");
    let nargs = caller.sp - args_start;
    // An exact call (`CodeObj::exact_args`, on the code object itself) skips all of this:
    // `specialize::positional_args_function`: parameters beyond the arguments take the
    // defaults' tail (checked by the caller's guard; a mismatch — `__defaults__` replaced by
    // another thread since — is a plain binding error).
    let mut defaults = None;
    let mut argcount = nargs;
    if nargs != code.exact_args as usize {
        argcount = code.code.argcount as usize;
        let d = func.defaults.get();
        let ndefaults = d.as_deref().map_or(0, |d| crate::object::tuple::items(d).len());
        if nargs > argcount || nargs + ndefaults < argcount {
            return Err(PyErr::type_error(format!("{}() got the wrong number of arguments", code.code.qualname)));
        }
        defaults = d;
    }
    depth_enter()?;
    // The callee's window starts at the arguments themselves when the caller's window is on
    // the data stack and the callee's fits in the chunk from there (CPython copies them into
    // the new frame; here they become its first locals where they lie): the caller's slots
    // from `args_start` up are above its stack pointer once the call is entered (it goes back
    // to `callable_at` or `args_start`), and those above its synced stack pointer are empty,
    // as a callee window needs. Otherwise (a generator frame calling, whose callees start at
    // its `top`, or no room left in the chunk) the window goes where [`callee_slots`] puts
    // it and the arguments move.
    let (at, limit) = caller.slots.callee_at(args_start);
    let in_place = caller.slots.top == caller.slots.end && size <= (limit as usize - at as usize) / size_of::<Slot>();
    let slots = if in_place {
        debug_assert!(!at.is_null());
        // SAFETY: `at` is the caller's base plus `args_start`, inside its window on the data
        // stack (not null), and `size` slots fit from there to the chunk's end (tested above).
        FrameSlots::in_window(data_stack::Window { base: unsafe { NonNull::new_unchecked(at) }, limit }, size)
    } else {
        match callee_slots(caller, size) {
            Ok(slots) => slots,
            Err(e) => {
                depth_leave();
                return Err(e);
            }
        }
    };
    let callee = slots.base.as_ptr();
    if let Some(d) = defaults.as_deref() {
        let defaults = crate::object::tuple::items(d);
        for k in nargs..argcount {
            // SAFETY: `k < argcount <= nlocalsplus`, inside the callee's window, whose slots are
            // empty (`callee_slots`): the write drops nothing.
            unsafe { callee.add(k).write(Some(defaults[defaults.len() - (argcount - k)].clone())) };
        }
    }
    // Unless the window starts at them, the arguments move (no reference counting) from the
    // caller's stack into the callee's first locals. One slot at a time,
    // each emptied as it is read: a `copy_nonoverlapping` then a loop of `None` stores became
    // calls of `memcpy` and `memset` for the two or three slots of a typical call (about 30
    // machine instructions per call, 3% of fib's); with the load and the store to the same
    // slot interleaved, the optimiser cannot turn the loop into either.
    if !in_place {
        // SAFETY: `args_start + k < caller.sp`, inside the caller's window; `k < nargs <=
        // nlocalsplus`, inside the callee's, which starts at or above the caller's stack top (or
        // in another chunk), so the two ranges do not overlap; the callee's slots are empty and
        // the caller's are left empty (the loop left the caller's frame and holds no reference
        // into either window).
        unsafe {
            let args = caller.slots.base.as_ptr().add(args_start);
            for k in 0..nargs {
                callee.add(k).write(args.add(k).replace(None));
            }
        }
    }
    caller.sp = if callable_taken { callable_at } else { args_start };
    caller.call_at = callable_at;
    data_stack::set_top(slots.end);
    // The record is written where it will live, field by field (CPython's
    // `_PyFrame_Initialize`): not through a closure that builds the record, which the
    // optimiser may leave out of line, building it in a temporary that `memcpy` then copies
    // (about 40 machine instructions per call).
    frames.reserve(1);
    let len = frames.len();
    let ip = if untraced { first_ip(code) } else { 0 };
    // SAFETY: the caller's contract (a function).
    let mut record = unsafe { Frame::for_function(callable, slots, n, init_self) };
    record.ip = ip;
    // SAFETY: `reserve(1)` left room for one record at index `len`, written before the length
    // covers it.
    unsafe {
        frames.as_mut_ptr().add(len).write(record);
        frames.set_len(len + 1);
    }
    Ok(())
}

/// Where a callee entered by an untraced run's `CALL` starts: past its first instruction when
/// that is `RESUME` and the `RESUME` would do nothing but pass — no event is pending in the
/// thread's eval breaker (whose check, a quiescent point of a free-threaded thread, is made
/// here: `trace::resume_would_pass`) and no trace or profile function is set — else at 0, where
/// the `RESUME` handles what is pending. Saves the dispatch of one instruction per call.
#[inline(always)]
fn first_ip(code: &CodeObj) -> usize {
    const RESUME: u8 = Opcode::RESUME.number() as u8;
    let first = code.adaptive.opcode_units().first().map(|u| u.load(std::sync::atomic::Ordering::Relaxed));
    if first.map(|u| (u & 0xff) as u8) != Some(RESUME) {
        return 0;
    }
    usize::from(trace::resume_would_pass())
}

/// A Python-to-Python call that [`enter_exact_args`] does not take (keyword arguments,
/// `*args`/`**kwargs` parameters, missing arguments without defaults): the callee's window goes
/// right above the caller's stack (whose stack pointer the caller synced) and the arguments
/// (the caller's window from `args_start`, `self` included, then the keyword values named by
/// `kwnames`) are bound to its parameters by [`args::bind_args`]. The call window stays on the
/// caller's stack until the callee returns. Out of line: the loop's register pressure is for
/// its hot arms.
#[inline(never)]
fn enter_general(
    frames: &mut Vec<Frame>,
    callable: Obj,
    callable_at: usize,
    args_start: usize,
    kwnames: Option<&PyObject>,
) -> PyResult<()> {
    let caller = frames.last_mut().expect("a calling frame");
    let code = code_of_function(&callable);
    let slots = callee_slots(caller, window_size(code))?;
    depth_enter()?;
    caller.call_at = callable_at;
    // SAFETY: the caller is the innermost record and the loop left its frame: nothing else
    // refers to its window.
    let argv: Vec<Obj> = as_objs(unsafe { &caller.window()[args_start..caller.sp] }).to_vec();
    let caller_top = caller.slots.top;
    // The top covers the new window before the binding (which builds `*args`/`**kwargs` and
    // may drop values): a run of the loop started meanwhile begins above it.
    data_stack::set_top(slots.end);
    // SAFETY: `code_of_function` checked that `callable` is a function.
    let mut frame = unsafe { Frame::for_function(callable, FrameSlots::UNSET, 0, None) };
    if let Err(e) = init_frame(&mut frame, slots, &argv, kwnames) {
        data_stack::set_top(caller_top);
        depth_leave();
        return Err(e);
    }
    drop(argv);
    frames.push(frame);
    Ok(())
}

/// The code object of the Python function `callable`.
fn code_of_function(callable: &PyObject) -> &CodeObj {
    let func = as_function(callable).expect("a Python function");
    as_code(&func.code).expect("a function has a code object")
}

/// Returns `v` from the innermost frame, a plain one ([`Frame::returns_plainly`]) whose stack
/// pointer is `sp`, to its caller (CPython's `_POP_FRAME`). The record owns only its function,
/// so it is popped in place — no copy of the record out of `frames`, no general drop — its
/// window and the caller's call window are cleared, and `v` is pushed on the caller's stack.
/// The thread's top goes back to the caller's window end after the callee's slots were
/// cleared (their finalisers may run frames, which must start above them).
#[inline(always)]
fn return_plain(frames: &mut Vec<Frame>, sp: usize, v: Obj) {
    let n = frames.len();
    // A plain record was pushed by a call in this run, above its caller's (a run's entry record
    // owns its references, a generator's record has its generator: neither is plain).
    debug_assert!(n >= 2);
    // SAFETY: `n - 1` is the innermost record, the frame returning (so `n >= 1`).
    let done = unsafe { frames.get_unchecked_mut(n - 1) };
    debug_assert!(done.returns_plainly());
    let func = done.func.take();
    let done_base = done.slots.base.as_ptr();
    debug_assert!(sp <= done.slots.len());
    // SAFETY: the record at `n - 1` is forgotten instead of dropped: its `code`, `globals` and
    // `builtins` are borrowed copies (`owns_refs` is false), `func` was taken above, and
    // `locals`, `init_self`, `owner_gen` and `frame_obj` are empty (`returns_plainly`), so it
    // holds nothing else to release.
    unsafe { frames.set_len(n - 1) };
    // Its window's values below its stack pointer are dropped, through the base pointer (no
    // slice, so no bounds test: the stack pointer lies inside the window).
    for i in 0..sp {
        // SAFETY: `i < sp <=` the window's length; the record is popped and the loop left its
        // frame, so nothing else refers to the window, which stays allocated after the pop (see
        // `Frame::window`). A drop may run a finaliser, which starts its frames above the
        // thread's top (still the end of this window).
        unsafe { *done_base.add(i) = None };
    }
    depth_leave();
    // SAFETY: `n >= 2` (see above): the caller's record is still in the vector.
    let caller = unsafe { frames.get_unchecked_mut(n - 2) };
    data_stack::set_top(caller.slots.top);
    push_call_result(caller, v);
    drop(func);
}

/// The caller's `CALL` after its callee returned `v`: drops the callable, `self` and the
/// arguments left in its call window and pushes `v` on its stack.
#[inline(always)]
fn push_call_result(caller: &mut Frame, v: Obj) {
    // SAFETY: the caller is the innermost record again and the loop holds no reference into its
    // window (it continues at `'frames`, which derives one afresh).
    let values = unsafe { caller.window() };
    // A call entered by the `CALL_PY_EXACT_ARGS` family left no call window (its slots are
    // empty, see `enter_exact_args_inline`): nothing to clear.
    if caller.call_at < caller.sp {
        clear(values, caller.call_at, caller.sp);
    }
    caller.sp = caller.call_at;
    debug_assert!(caller.sp < values.len() && values[caller.sp].is_none());
    // SAFETY: `call_at` is the index of the `CALL`'s callable slot, inside the window, and
    // empty now (cleared above, or left empty by the call's entry): the write drops nothing.
    unsafe { values.as_mut_ptr().add(caller.sp).write(Some(v)) };
    caller.sp += 1;
}

/// The instruction a frame being unwound reports (`f_lasti`, `f_lineno`, and the `lasti` an
/// enclosing handler saves): after `RERAISE oparg`, the `lasti` the handler saved below the
/// exception — CPython's `RERAISE` moves `instr_ptr` there before unwinding, while the handler
/// lookup still uses the `RERAISE`'s own offset. Otherwise the frame's `lasti`.
fn reported_lasti(f: &mut Frame) -> usize {
    let unit = code_of(f).adaptive.opcode_unit(f.lasti);
    let oparg = (unit >> 8) as usize;
    if Opcode::from_u8((unit & 0xff) as u8) != Some(Opcode::RERAISE) || oparg == 0 || f.sp < oparg {
        return f.lasti;
    }
    // SAFETY: the record is the innermost (being unwound); nothing else refers to its window.
    let saved = unsafe { f.window() }[f.sp - oparg].as_deref().and_then(crate::object::int::small_value);
    saved.and_then(|l| usize::try_from(l).ok()).unwrap_or(f.lasti)
}

/// A popped record's frame object (if it has one) detaches with a snapshot of its locals.
#[inline]
fn detach_frame_object(done: &mut Frame, with_back: bool) -> Option<Obj> {
    done.frame_obj.get()?;
    // SAFETY: the record was just popped (or is being suspended) and keeps its window; nothing
    // else refers to it.
    let window = unsafe { done.localsplus() };
    frame_object::detach(done, window, with_back)
}

fn clear(values: &mut [Slot], from: usize, to: usize) {
    for slot in &mut values[from..to.max(from)] {
        *slot = None;
    }
}

/// Unwinds `exc` from the innermost frame: the first frame with a handler for its current
/// instruction continues there (`Ok`); with none, the exception leaves the run (`Err`). Each
/// frame popped clears its window before the thread's top goes back to its caller's.
fn unwind(frames: &mut Vec<Frame>, mut exc: Obj, mut with_tb: bool) -> Result<(), Obj> {
    let tracing = trace::active();
    loop {
        let f = frames.last_mut().expect("a frame");
        let lasti = reported_lasti(f);
        let code = code_of(f);
        if with_tb {
            if let Some(ctx) = current_exception() {
                if let Some(e) = crate::object::exceptions::as_exception(&exc) {
                    if e.context().is_none() && !ctx.is(&exc) && e.traceback().is_none() {
                        e.context().set(Some(ctx));
                    }
                }
            }
            if crate::object::exceptions::as_exception(&exc).is_some_and(|e| e.traceback().is_none()) {
                // SAFETY: the record is the innermost; the loop holds no reference into its
                // window while unwinding.
                let window = unsafe { f.localsplus() };
                caller::capture_name_scope(&exc, f, window);
            }
            let frame_obj = frame_object::materialize(f).ok();
            let _ = traceback::add_traceback_with_frame(&exc, &f.code, f.lasti, frame_obj);
            if tracing {
                if let Err(e) = trace::on_exception(f, &exc) {
                    exc = e.into_object();
                }
            }
        }
        with_tb = true;
        let handler =
            code.exception_table.iter().find(|h| (h.start as usize) <= f.lasti && f.lasti < h.end as usize).copied();
        if let Some(h) = handler {
            // SAFETY: as above.
            let values = unsafe { f.window() };
            let depth = code.code.nlocalsplus() + h.depth as usize;
            clear(values, depth, f.sp);
            f.sp = depth;
            if h.lasti {
                let Ok(l) = new_int(lasti as i64) else { return Err(exc) };
                values[f.sp] = Some(l);
                f.sp += 1;
            }
            values[f.sp] = Some(exc);
            f.sp += 1;
            f.ip = h.target as usize;
            return Ok(());
        }
        f.lasti = lasti;
        if tracing {
            if let Err(e) = trace::on_unwind(frames.last().expect("a frame")) {
                exc = e.into_object();
            }
        }
        let mut done = frames.pop().expect("a frame");
        detach_frame_object(&mut done, true);
        if let Some(link) = done.owner_gen {
            generator::end(link);
        }
        // SAFETY: the record was just popped and keeps its window; nothing refers to it.
        clear(unsafe { done.window() }, 0, done.sp);
        depth_leave();
        if let Some(link) = done.owner_gen {
            generator::finish(link);
        }
        let Some(caller) = frames.last_mut() else { return Err(exc) };
        data_stack::set_top(caller.slots.top);
        // SAFETY: the caller is the innermost record now; nothing refers to its window.
        clear(unsafe { caller.window() }, caller.call_at, caller.sp);
        caller.sp = caller.call_at;
    }
}

fn unpack(seq: &PyObject, n: usize) -> PyResult<Vec<Obj>> {
    // Exact lists and tuples only (CPython's `PyList_CheckExact`/`PyTuple_CheckExact`): a
    // subclass may define its own `__iter__`.
    let ty = seq.type_object();
    let v = if let Some(l) = as_list(seq).filter(|_| std::ptr::eq(ty, types().list_type)) {
        l.items().into_vec()
    } else if std::ptr::eq(ty, types().tuple_type) {
        items(seq).to_vec()
    } else {
        let it = ops::get_iter(seq).map_err(|_| {
            PyErr::type_error(format!("cannot unpack non-iterable {} object", seq.type_object().name()))
        })?;
        let mut out = Vec::new();
        while let Some(x) = ops::next(&it)? {
            out.push(x);
            if out.len() > n {
                return Err(PyErr::value_error(format!("too many values to unpack (expected {n})")));
            }
        }
        out
    };
    if v.len() > n {
        return Err(PyErr::value_error(format!("too many values to unpack (expected {n})")));
    }
    if v.len() < n {
        return Err(PyErr::value_error(format!("not enough values to unpack (expected {n}, got {})", v.len())));
    }
    Ok(v)
}

/// `LOAD_ATTR` with the method flag: `(function, Some(self))` when the attribute is a plain
/// function or method descriptor of the type not shadowed by the instance, else
/// `(attribute, None)`.
fn load_method(owner: &Obj, name: &PyObject) -> PyResult<(Obj, Option<Obj>)> {
    let ty = owner.type_object();
    if std::ptr::fn_addr_eq(ty.getattro, crate::object::attr::generic_getattr as crate::object::typeobj::GetattroFn) {
        if let Some(d) = crate::object::attr::lookup(ty, name) {
            let dt = d.type_object();
            let t = types_known_made(&d);
            let is_method = std::ptr::eq(dt, t.function_type)
                || (std::ptr::eq(dt, t.method_descriptor_type)
                    // SAFETY: method descriptors are MethodDescr.
                    && unsafe { d.cast::<crate::object::builtin::MethodDescr>() }.def.kind
                        == crate::object::builtin::MethodKind::Instance);
            if is_method && crate::object::inline_values::get_attr(owner, name).is_none() {
                return Ok((d, Some(owner.clone())));
            }
        }
    }
    Ok((ops::get_attr(owner, name)?, None))
}

/// `super(class, self).name`: `(value, is_unbound_method)` (CPython's `_PySuper_Lookup` as
/// `LOAD_SUPER_ATTR` calls it). With `want_method` (the method form) and a receiver whose type
/// reads attributes generically, a function or instance-method descriptor comes back unbound
/// (`true`) for the caller to call with `self_`; anything else is bound through its `__get__` —
/// with no instance when the receiver is the class itself (`super()` in a class method).
fn super_lookup(class: &PyObject, self_: &PyObject, name: &PyObject, want_method: bool) -> PyResult<(Obj, bool)> {
    let start = as_type(class).ok_or_else(|| PyErr::type_error("super() argument 1 must be a type"))?;
    let checked;
    let obj_type = match as_type(self_).filter(|t| t.is_subtype(start)) {
        Some(t) => t,
        None if self_.type_object().is_subtype(start) => self_.type_object(),
        None => {
            // A proxy whose `__class__` names a subclass, or a `TypeError` (`supercheck`).
            checked = crate::object::descriptors::super_check(start, self_)?;
            as_type(&checked).expect("supercheck gives a class")
        }
    };
    let mro = obj_type.mro();
    let Some(pos) = mro.iter().position(|t| t.is(start.as_object())) else {
        // Neither an instance nor a subclass of `class` (its `__class__` was reassigned, say):
        // `super_check`'s TypeError, as CPython's `_PySuper_Lookup`.
        return Err(crate::object::descriptors::super_check(start, self_)
            .err()
            .unwrap_or_else(|| PyErr::type_error("super(type, obj): obj must be an instance or subtype of type")));
    };
    if let Some(d) = crate::object::type_cache::lookup_in_mro_tail(&mro[pos + 1..], name) {
        let dt = d.type_object();
        let class_mode = self_.is(obj_type.as_object());
        // `Py_TYPE(self)->tp_getattro == PyObject_GenericGetAttr`: only then may the method form
        // skip the binding (a class receiver, or a class with `__getattribute__`, binds).
        let generic = std::ptr::fn_addr_eq(
            self_.type_object().getattro,
            crate::object::attr::generic_getattr as crate::object::typeobj::GetattroFn,
        );
        if want_method && generic && !class_mode && is_method_descriptor(&d) {
            return Ok((d, true));
        }
        // A class as `self_` (`super(C, cls)` in a class method) binds as a class attribute
        // lookup would (CPython's `do_super_lookup`).
        let instance = (!class_mode).then_some(self_);
        return match dt.descr_get {
            Some(get) => Ok((get(&d, instance, obj_type.as_object())?, false)),
            None => Ok((d, false)),
        };
    }
    Err(PyErr::attribute_error(format!("'super' object has no attribute '{}'", str_value(name).unwrap_or("?"))))
}

/// Whether `d` is called with its receiver first when found on a class (CPython's
/// `Py_TPFLAGS_METHOD_DESCRIPTOR`): a Python function, a builtin instance method or a slot
/// wrapper. A builtin class method (`dict.fromkeys`) shares the method descriptor type but
/// binds the class.
fn is_method_descriptor(d: &PyObject) -> bool {
    std::ptr::eq(d.type_object(), types_known_made(d).function_type)
        || crate::object::builtin::method_descr_kind(d) == Some(crate::object::builtin::MethodKind::Instance)
        || crate::object::slot_wrappers::is_instance_wrapper(d)
}

/// The namespace of a new module `name` run as a script (`__main__`, or `-m`'s target): a module
/// entered in `sys.modules` under `name` first, as CPython's `runpy` does, with `__builtins__`
/// and, for a file, `__file__`.
pub fn main_globals(name: &str, filename: Option<&str>) -> PyResult<Obj> {
    let module = crate::object::module::new_module(name, false)?;
    let globals = crate::object::module::module_dict(&module).expect("a module has a dict");
    let g = as_dict(&globals).expect("a dict");
    // CPython's `__main__` namespace, in its order; `-c` code and the prompt have no file.
    g.set(new_str("__annotations__")?, new_dict()?)?;
    g.set(new_str("__builtins__")?, crate::modules::builtins::builtins_module()?)?;
    if let Some(filename) = filename.filter(|f| *f != "<string>") {
        g.set(new_str("__file__")?, new_str(filename)?)?;
        g.set(new_str("__cached__")?, none())?;
    }
    crate::modules::importlib::set_main_loader(g)?;
    let modules = crate::modules::sys::modules_dict()?;
    as_dict(&modules).expect("sys.modules is a dict").set(new_str(name)?, module)?;
    Ok(globals)
}

/// Runs a module's compiled code as `__main__` (or `name`) and returns its globals.
pub fn run_module(code: std::sync::Arc<pyrt_compile::CodeObject>, name: &str, filename: &str) -> PyResult<Obj> {
    let globals = main_globals(name, Some(filename))?;
    let code = crate::object::code::new_code(code)?;
    run_code(&code, &globals, Some(globals.clone()))?;
    Ok(globals)
}

#[cfg(test)]
mod tests {
    #[test]
    fn exc_info_starts_empty() {
        assert!(super::current_exception().is_none());
    }
}
