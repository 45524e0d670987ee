//! # The eval loop
//!
//! CPython 3.13's instruction semantics (`Python/bytecodes.c`) over the compiler's code objects.
//!
//! **Frames.** A run of the loop owns one value array (`Vec<Option<Obj>>`) and a stack of
//! frame records. A frame's "localsplus" (locals, cells, free variables) and its value stack are
//! a contiguous window of that array, as CPython's `_PyInterpreterFrame` is: a Python-to-Python
//! call pushes a record and grows the window (amortised: the array is reused, no allocation per
//! call) and the loop continues in the callee — no native recursion. A return pops the record
//! and pushes the value on the caller's stack. Native code calling a Python function (a slot
//! wrapper, `sorted(key=...)`) starts a new run of the loop.
//!
//! **Dispatch.** One `match` on the opcode byte per instruction; `oparg`, the instruction
//! pointer and the frame's window base are locals of the loop; inline caches are skipped by
//! the instruction table's `cache_entries` (specialisation is not implemented yet).
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

pub mod args;
pub mod caller;
pub mod source_cache;
pub mod traceback;

pub use caller::{caller_globals, caller_locals, caller_super_args};

use std::cell::{Cell, RefCell};

use pyrt_compile::{CodeFlags, LocalKind, Opcode};

use crate::error::{PyErr, PyResult};
use crate::object::abstract_ops::{self as ops, UnaryOp};
use crate::object::code::{CodeObj, as_code};
use crate::object::dict::{as_dict, new_dict};
use crate::object::function::{as_cell, as_function, new_cell, new_function};
use crate::object::int::{as_int, new_bool, new_int};
use crate::object::list::{as_list, new_list};
use crate::object::obj::Obj;
use crate::object::range::new_slice;
use crate::object::slots::BinOp;
use crate::object::str::{new_str, str_value};
use crate::object::tuple::{items, new_tuple};
use crate::object::typeobj::{CompareOp, as_type};
use crate::object::{PyObject, immortals, intern, types};

/// The default recursion limit (`sys.getrecursionlimit()`).
pub const DEFAULT_RECURSION_LIMIT: usize = 1000;

thread_local! {
    /// The exception being handled (`sys.exception()`), per thread.
    static EXC_INFO: RefCell<Option<Obj>> = const { RefCell::new(None) };
    /// Python frames on this thread's stack, all runs of the loop together.
    static DEPTH: Cell<usize> = const { Cell::new(0) };
    /// The recursion limit of this thread's interpreter.
    static LIMIT: Cell<usize> = const { Cell::new(DEFAULT_RECURSION_LIMIT) };
}

/// Sets the recursion limit (`sys.setrecursionlimit`).
pub fn set_recursion_limit(n: usize) {
    LIMIT.with(|l| l.set(n));
}

/// The recursion limit (`sys.getrecursionlimit`).
pub fn recursion_limit() -> usize {
    LIMIT.with(Cell::get)
}

/// The exception being handled, if any.
pub fn current_exception() -> Option<Obj> {
    EXC_INFO.with(|e| e.borrow().clone())
}

struct Frame {
    code: Obj,
    func: Option<Obj>,
    globals: Obj,
    builtins: Obj,
    locals: Option<Obj>,
    base: usize,
    sp: usize,
    ip: usize,
    lasti: usize,
    /// Where the pending `CALL`'s callable sits while a callee frame runs.
    call_at: usize,
}

fn code_of(f: &Frame) -> &CodeObj {
    as_code(&f.code).expect("a frame runs a code object")
}

fn none() -> Obj {
    Obj::new_ref(immortals().none)
}

/// The builtins dict of the current interpreter.
pub fn builtins_dict() -> PyResult<Obj> {
    crate::modules::builtins::builtins_dict()
}

/// Runs a module-level (or class-body) code object with `globals` and `locals`.
pub fn run_code(code: &Obj, globals: &Obj, locals: Option<Obj>) -> PyResult<Obj> {
    let builtins = builtins_dict()?;
    let frame = Frame {
        code: code.clone(),
        func: None,
        globals: globals.clone(),
        builtins,
        locals,
        base: 0,
        sp: 0,
        ip: 0,
        lasti: 0,
        call_at: 0,
    };
    run(frame, &[], None)
}

/// `function.__call__`: runs a Python function in a new run of the loop.
pub fn call_function(callable: &PyObject, args: &[Obj], kwnames: Option<&PyObject>) -> PyResult<Obj> {
    let func = as_function(callable).expect("call_function on a function");
    let frame = Frame {
        code: func.code.clone(),
        func: Some(Obj::new_ref(callable)),
        globals: func.globals.clone(),
        builtins: func.builtins.clone(),
        locals: None,
        base: 0,
        sp: 0,
        ip: 0,
        lasti: 0,
        call_at: 0,
    };
    run(frame, args, kwnames)
}

/// Runs a class body: the function's code with `ns` as its locals.
pub fn run_class_body(func: &PyObject, ns: Obj) -> PyResult<Obj> {
    let f = as_function(func).ok_or_else(|| PyErr::type_error("__build_class__: func must be a function"))?;
    let frame = Frame {
        code: f.code.clone(),
        func: Some(Obj::new_ref(func)),
        globals: f.globals.clone(),
        builtins: f.builtins.clone(),
        locals: Some(ns),
        base: 0,
        sp: 0,
        ip: 0,
        lasti: 0,
        call_at: 0,
    };
    run(frame, &[], None)
}

/// Prepares a frame's localsplus: arguments, cells, free variables.
fn init_frame(
    values: &mut Vec<Option<Obj>>,
    frame: &mut Frame,
    args: &[Obj],
    kwnames: Option<&PyObject>,
) -> PyResult<()> {
    let code = as_code(&frame.code).expect("a code object");
    let n = code.code.nlocalsplus();
    let need = frame.base + n + code.code.stacksize as usize + 1;
    if values.len() < need {
        values.resize_with(need, || None);
    }
    frame.sp = frame.base + n;
    if let Some(func) = frame.func.as_ref().and_then(|f| as_function(f)) {
        if code.code.flags.contains(CodeFlags::OPTIMIZED) || frame.locals.is_none() {
            args::bind_args(func, code, args, kwnames, &mut values[frame.base..frame.base + n])?;
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

/// The loop. See the module docs.
fn run(entry: Frame, args: &[Obj], kwnames: Option<&PyObject>) -> PyResult<Obj> {
    let mut values: Vec<Option<Obj>> = Vec::new();
    let mut frames: Vec<Frame> = Vec::with_capacity(8);
    let mut entry = entry;
    depth_enter()?;
    if let Err(e) = init_frame(&mut values, &mut entry, args, kwnames) {
        depth_leave();
        return Err(e);
    }
    frames.push(entry);
    run_frames(&mut values, &mut frames)
}

macro_rules! pop {
    ($values:ident, $f:ident) => {{
        $f.sp -= 1;
        $values[$f.sp].take().expect("a value on the stack")
    }};
}

macro_rules! push {
    ($values:ident, $f:ident, $v:expr) => {{
        let v = $v;
        $values[$f.sp] = Some(v);
        $f.sp += 1;
    }};
}

macro_rules! peek {
    ($values:ident, $f:ident, $n:expr) => {
        $values[$f.sp - $n].as_ref().expect("a value on the stack")
    };
}

/// Views a window of stack slots that all hold values as a slice of `Obj`.
fn as_objs(slots: &[Option<Obj>]) -> &[Obj] {
    debug_assert!(slots.iter().all(Option::is_some));
    // SAFETY: `Option<Obj>` has the same layout as `Obj` (a non-null pointer with the niche), and
    // every slot in the window holds a value (the stack discipline of the instructions that call
    // this).
    unsafe { std::slice::from_raw_parts(slots.as_ptr() as *const Obj, slots.len()) }
}

enum Flow {
    Continue,
    Return(Obj),
}

fn name_error(name: &PyObject) -> PyErr {
    PyErr::name_error(format!("name '{}' is not defined", str_value(name).unwrap_or("?")))
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

fn exc_matches(exc: &PyObject, ty: &PyObject) -> PyResult<bool> {
    if crate::object::tuple::is_tuple(ty) {
        for t in items(ty) {
            if exc_matches(exc, t)? {
                return Ok(true);
            }
        }
        return Ok(false);
    }
    let t = as_type(ty)
        .filter(|t| t.is_subtype(types().exc.named("BaseException")))
        .ok_or_else(|| PyErr::type_error("catching classes that do not inherit from BaseException is not allowed"))?;
    Ok(exc.type_object().is_subtype(t))
}

/// Makes the exception object for `raise x` (a class is instantiated).
fn make_raisable(x: &PyObject) -> PyResult<Obj> {
    if let Some(t) = as_type(x) {
        if t.is_subtype(types().exc.named("BaseException")) {
            return ops::call(x, &[], None);
        }
    } else if x.type_object().is_subtype(types().exc.named("BaseException")) {
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
            e.fields().cause = c;
            e.fields().suppress_context = true;
        }
    }
    PyErr::from_object(value)
}

fn format_value(v: &PyObject, spec: &str) -> PyResult<Obj> {
    crate::modules::format::format(v, spec)
}

fn build_class_name_error() -> PyErr {
    PyErr::name_error("__build_class__ not found")
}

#[allow(clippy::too_many_lines)]
fn run_frames(values: &mut Vec<Option<Obj>>, frames: &mut Vec<Frame>) -> PyResult<Obj> {
    let mut skip_tb = false;
    'frames: loop {
        let Some(f) = frames.last_mut() else { unreachable!("the loop always has a frame") };
        // SAFETY: the frame keeps its code object alive for as long as it runs; the reference
        // is refreshed whenever the current frame changes (every `continue 'frames`).
        let code: &CodeObj = unsafe { &*(code_of(f) as *const CodeObj) };
        let units = &code.code.code;
        loop {
            let outcome: Result<Flow, PyErr> = 'op: {
                macro_rules! tri {
                    ($e:expr) => {
                        match $e {
                            Ok(v) => v,
                            Err(e) => break 'op Err(e),
                        }
                    };
                }
                f.lasti = f.ip;
                let mut unit = units[f.ip];
                let mut oparg = (unit >> 8) as u32;
                while (unit & 0xff) as u8 == Opcode::EXTENDED_ARG.code_byte().unwrap_or(0) {
                    f.ip += 1;
                    unit = units[f.ip];
                    oparg = (oparg << 8) | (unit >> 8) as u32;
                }
                f.lasti = f.ip;
                let Some(op) = Opcode::from_u8((unit & 0xff) as u8) else {
                    break 'op Err(PyErr::new(crate::ExcKind::SystemError, format!("unknown opcode {}", unit & 0xff)));
                };
                f.ip += 1 + op.cache_entries();
                match op {
                    Opcode::NOP | Opcode::CACHE | Opcode::EXTENDED_ARG => {}
                    Opcode::RESUME => {
                        if let Some(ts) = crate::state::thread_state::current() {
                            // SAFETY: the current thread state is attached on this thread.
                            tri!(crate::state::breaker::check(unsafe { ts.as_ref() }));
                        }
                    }
                    Opcode::LOAD_CONST => push!(values, f, code.consts[oparg as usize].clone()),
                    Opcode::RETURN_CONST => break 'op Ok(Flow::Return(code.consts[oparg as usize].clone())),
                    Opcode::RETURN_VALUE => break 'op Ok(Flow::Return(pop!(values, f))),
                    Opcode::POP_TOP => drop(pop!(values, f)),
                    Opcode::PUSH_NULL => {
                        values[f.sp] = None;
                        f.sp += 1;
                    }
                    Opcode::END_FOR => drop(pop!(values, f)),
                    Opcode::END_SEND => {
                        let v = pop!(values, f);
                        drop(pop!(values, f));
                        push!(values, f, v);
                    }
                    Opcode::COPY => {
                        let v = peek!(values, f, oparg as usize).clone();
                        push!(values, f, v);
                    }
                    Opcode::SWAP => values.swap(f.sp - 1, f.sp - oparg as usize),
                    Opcode::LOAD_FAST | Opcode::LOAD_FAST_CHECK => {
                        let i = oparg as usize;
                        match &values[f.base + i] {
                            Some(v) => {
                                let v = v.clone();
                                push!(values, f, v)
                            }
                            None => break 'op Err(unbound_local(code, i)),
                        }
                    }
                    Opcode::LOAD_FAST_AND_CLEAR => {
                        let v = values[f.base + oparg as usize].take();
                        values[f.sp] = v;
                        f.sp += 1;
                    }
                    Opcode::LOAD_FAST_LOAD_FAST => {
                        for i in [(oparg >> 4) as usize, (oparg & 15) as usize] {
                            match &values[f.base + i] {
                                Some(v) => {
                                    let v = v.clone();
                                    push!(values, f, v)
                                }
                                None => break 'op Err(unbound_local(code, i)),
                            }
                        }
                    }
                    Opcode::STORE_FAST => {
                        // May store NULL: the end of an inlined comprehension restores a saved
                        // unbound variable (the compiler's STORE_FAST_MAYBE_NULL).
                        f.sp -= 1;
                        let v = values[f.sp].take();
                        let old = std::mem::replace(&mut values[f.base + oparg as usize], v);
                        drop(old);
                    }
                    Opcode::STORE_FAST_MAYBE_NULL => {
                        f.sp -= 1;
                        let v = values[f.sp].take();
                        let old = std::mem::replace(&mut values[f.base + oparg as usize], v);
                        drop(old);
                    }
                    Opcode::STORE_FAST_LOAD_FAST => {
                        let v = pop!(values, f);
                        let old = values[f.base + (oparg >> 4) as usize].replace(v);
                        drop(old);
                        let i = (oparg & 15) as usize;
                        match &values[f.base + i] {
                            Some(v) => {
                                let v = v.clone();
                                push!(values, f, v)
                            }
                            None => break 'op Err(unbound_local(code, i)),
                        }
                    }
                    Opcode::STORE_FAST_STORE_FAST => {
                        let a = pop!(values, f);
                        let old = values[f.base + (oparg >> 4) as usize].replace(a);
                        drop(old);
                        let b = pop!(values, f);
                        let old = values[f.base + (oparg & 15) as usize].replace(b);
                        drop(old);
                    }
                    Opcode::DELETE_FAST => {
                        let i = oparg as usize;
                        if values[f.base + i].take().is_none() {
                            break 'op Err(unbound_local(code, i));
                        }
                    }
                    Opcode::MAKE_CELL => {
                        let i = f.base + oparg as usize;
                        let v = values[i].take();
                        values[i] = Some(tri!(new_cell(v)));
                    }
                    Opcode::COPY_FREE_VARS => {
                        let func = f.func.clone().expect("COPY_FREE_VARS in a function");
                        let closure = as_function(&func).and_then(|fo| fo.fields().closure.clone());
                        let cells = closure.as_deref().map_or(&[][..], items);
                        let n = code.code.nlocalsplus();
                        for (k, c) in cells.iter().enumerate().take(oparg as usize) {
                            values[f.base + n - oparg as usize + k] = Some(c.clone());
                        }
                    }
                    Opcode::LOAD_DEREF => {
                        let i = oparg as usize;
                        let cell = values[f.base + i].clone();
                        match cell.as_deref().and_then(as_cell).and_then(|c| c.get()) {
                            Some(v) => push!(values, f, v),
                            None => {
                                let name = str_value(&code.localsplus_names[i]).unwrap_or("?").to_owned();
                                let free = code.code.localsplus_kinds[i].contains(LocalKind::FREE);
                                break 'op Err(if free {
                                    PyErr::name_error(format!(
                                        "cannot access free variable '{name}' where it is not associated with a value in enclosing scope"
                                    ))
                                } else {
                                    unbound_local(code, i)
                                });
                            }
                        }
                    }
                    Opcode::STORE_DEREF => {
                        let v = pop!(values, f);
                        if let Some(c) = values[f.base + oparg as usize].as_deref().and_then(as_cell) {
                            c.set(Some(v));
                        }
                    }
                    Opcode::DELETE_DEREF => {
                        if let Some(c) = values[f.base + oparg as usize].as_deref().and_then(as_cell) {
                            c.set(None);
                        }
                    }
                    Opcode::LOAD_GLOBAL => {
                        let name = &code.names[(oparg >> 1) as usize];
                        let v = tri!(load_global(f, name));
                        push!(values, f, v);
                        if oparg & 1 != 0 {
                            values[f.sp] = None;
                            f.sp += 1;
                        }
                    }
                    Opcode::STORE_GLOBAL => {
                        let v = pop!(values, f);
                        let name = code.names[oparg as usize].clone();
                        tri!(as_dict(&f.globals).expect("globals is a dict").set(name, v));
                    }
                    Opcode::DELETE_GLOBAL => {
                        let name = &code.names[oparg as usize];
                        if tri!(as_dict(&f.globals).expect("globals is a dict").remove(name)).is_none() {
                            break 'op Err(name_error(name));
                        }
                    }
                    Opcode::LOAD_NAME => {
                        let name = &code.names[oparg as usize];
                        let local = match &f.locals {
                            Some(l) if std::ptr::eq(l.type_object(), types().dict_type) => {
                                as_dict(l).and_then(|d| d.get_str(name))
                            }
                            // Another mapping (`__prepare__`'s, `exec`'s locals): its `__getitem__`.
                            Some(l) => match ops::get_item(l, name) {
                                Ok(v) => Some(v),
                                Err(e) if e.matches(types().exc.named("KeyError")) => None,
                                Err(e) => break 'op Err(e),
                            },
                            None => None,
                        };
                        let v = match local {
                            Some(v) => v,
                            None => tri!(load_global(f, name)),
                        };
                        push!(values, f, v);
                    }
                    Opcode::STORE_NAME => {
                        let v = pop!(values, f);
                        let name = code.names[oparg as usize].clone();
                        let locals = f.locals.clone().unwrap_or_else(|| f.globals.clone());
                        match as_dict(&locals).filter(|_| std::ptr::eq(locals.type_object(), types().dict_type)) {
                            Some(d) => tri!(d.set(name, v)),
                            None => tri!(ops::set_item(&locals, &name, Some(&v))),
                        }
                    }
                    Opcode::DELETE_NAME => {
                        let name = &code.names[oparg as usize];
                        let locals = f.locals.clone().unwrap_or_else(|| f.globals.clone());
                        if tri!(as_dict(&locals).expect("locals is a dict").remove(name)).is_none() {
                            break 'op Err(name_error(name));
                        }
                    }
                    Opcode::LOAD_LOCALS => {
                        let l =
                            f.locals.clone().ok_or_else(|| PyErr::new(crate::ExcKind::SystemError, "no locals found"));
                        push!(values, f, tri!(l));
                    }
                    Opcode::LOAD_FROM_DICT_OR_GLOBALS => {
                        let d = pop!(values, f);
                        let name = &code.names[oparg as usize];
                        let v = match as_dict(&d).and_then(|d| d.get_str(name)) {
                            Some(v) => v,
                            None => tri!(load_global(f, name)),
                        };
                        push!(values, f, v);
                    }
                    Opcode::LOAD_FROM_DICT_OR_DEREF => {
                        let d = pop!(values, f);
                        let i = oparg as usize;
                        let name = &code.localsplus_names[i];
                        let v = match as_dict(&d).and_then(|d| d.get_str(name)) {
                            Some(v) => v,
                            None => match values[f.base + i].as_deref().and_then(as_cell).and_then(|c| c.get()) {
                                Some(v) => v,
                                None => break 'op Err(unbound_local(code, i)),
                            },
                        };
                        push!(values, f, v);
                    }
                    Opcode::LOAD_BUILD_CLASS => {
                        let v = as_dict(&f.builtins).and_then(|d| d.get_str(&intern("__build_class__").ob_base));
                        match v {
                            Some(v) => push!(values, f, v),
                            None => break 'op Err(build_class_name_error()),
                        }
                    }
                    Opcode::LOAD_ASSERTION_ERROR => {
                        push!(values, f, Obj::new_ref(types().exc.named("AssertionError").as_object()))
                    }
                    Opcode::LOAD_ATTR => {
                        let owner = pop!(values, f);
                        let name = &code.names[(oparg >> 1) as usize];
                        if oparg & 1 != 0 {
                            let (meth, self_) = tri!(load_method(&owner, name));
                            push!(values, f, meth);
                            values[f.sp] = self_;
                            f.sp += 1;
                        } else {
                            push!(values, f, tri!(ops::get_attr(&owner, name)));
                        }
                    }
                    Opcode::LOAD_SUPER_ATTR => {
                        let self_ = pop!(values, f);
                        let class = pop!(values, f);
                        let global_super = pop!(values, f);
                        let name = &code.names[(oparg >> 2) as usize];
                        if !global_super.is(types().descr.super_type.as_object()) || as_type(&class).is_none() {
                            // `super` rebound (or a non-class `__class__`): call it as written —
                            // with `(__class__, self)` for the zero-argument form — and look up.
                            let argv = if oparg & 2 != 0 { vec![class, self_] } else { Vec::new() };
                            let s = {
                                let _caller = caller::enter(f, values);
                                ops::call(&global_super, &argv, None)
                            };
                            let s = tri!(s);
                            push!(values, f, tri!(ops::get_attr(&s, name)));
                            if oparg & 1 != 0 {
                                values[f.sp] = None;
                                f.sp += 1;
                            }
                            break 'op Ok(Flow::Continue);
                        }
                        let attr = tri!(super_lookup(&class, &self_, name));
                        if oparg & 1 != 0 {
                            match attr {
                                (m, true) => {
                                    push!(values, f, m);
                                    push!(values, f, self_);
                                }
                                (a, false) => {
                                    push!(values, f, a);
                                    values[f.sp] = None;
                                    f.sp += 1;
                                }
                            }
                        } else {
                            let v = match attr {
                                (m, true) => tri!(crate::object::function::new_method(m, self_)),
                                (a, false) => a,
                            };
                            push!(values, f, v);
                        }
                    }
                    Opcode::STORE_ATTR => {
                        let owner = pop!(values, f);
                        let v = pop!(values, f);
                        tri!(ops::set_attr(&owner, &code.names[oparg as usize], Some(&v)));
                    }
                    Opcode::DELETE_ATTR => {
                        let owner = pop!(values, f);
                        tri!(ops::set_attr(&owner, &code.names[oparg as usize], None));
                    }
                    Opcode::BINARY_OP => {
                        let rhs = pop!(values, f);
                        let lhs = pop!(values, f);
                        let Some((bop, inplace)) = BinOp::from_oparg(oparg) else {
                            break 'op Err(PyErr::new(crate::ExcKind::SystemError, "bad BINARY_OP oparg"));
                        };
                        let r = if let (
                            Some(crate::object::int::IntVal::Small(a)),
                            Some(crate::object::int::IntVal::Small(b)),
                            true,
                        ) = (
                            as_int(&lhs),
                            as_int(&rhs),
                            // Both exact ints: a subclass on either side may override the operator.
                            std::ptr::eq(lhs.type_object(), types().int_type)
                                && std::ptr::eq(rhs.type_object(), types().int_type),
                        ) {
                            match bop {
                                BinOp::Add => a.checked_add(b).map(new_int),
                                BinOp::Subtract => a.checked_sub(b).map(new_int),
                                BinOp::Multiply => a.checked_mul(b).map(new_int),
                                _ => None,
                            }
                        } else {
                            None
                        };
                        let r = match r {
                            Some(r) => r,
                            None if inplace => ops::inplace_op(&lhs, &rhs, bop),
                            None => ops::binary_op(&lhs, &rhs, bop),
                        };
                        push!(values, f, tri!(r));
                    }
                    Opcode::COMPARE_OP => {
                        let rhs = pop!(values, f);
                        let lhs = pop!(values, f);
                        let cmp = CompareOp::from_index(oparg >> 5).unwrap_or(CompareOp::Eq);
                        let r = tri!(ops::rich_compare(&lhs, &rhs, cmp));
                        let r = if oparg & 16 != 0 { new_bool(tri!(ops::is_true(&r))) } else { r };
                        push!(values, f, r);
                    }
                    Opcode::IS_OP => {
                        let rhs = pop!(values, f);
                        let lhs = pop!(values, f);
                        push!(values, f, new_bool(lhs.is(&rhs) != (oparg == 1)));
                    }
                    Opcode::CONTAINS_OP => {
                        let container = pop!(values, f);
                        let item = pop!(values, f);
                        let r = tri!(ops::contains(&container, &item));
                        push!(values, f, new_bool(r != (oparg == 1)));
                    }
                    Opcode::TO_BOOL => {
                        let v = pop!(values, f);
                        push!(values, f, new_bool(tri!(ops::is_true(&v))));
                    }
                    Opcode::UNARY_NOT => {
                        let v = pop!(values, f);
                        push!(values, f, new_bool(!tri!(ops::is_true(&v))));
                    }
                    Opcode::UNARY_NEGATIVE => {
                        let v = pop!(values, f);
                        push!(values, f, tri!(ops::unary_op(&v, UnaryOp::Negative)));
                    }
                    Opcode::UNARY_INVERT => {
                        let v = pop!(values, f);
                        push!(values, f, tri!(ops::unary_op(&v, UnaryOp::Invert)));
                    }
                    Opcode::CALL_INTRINSIC_1 => {
                        let v = pop!(values, f);
                        let r = match oparg {
                            1 => {
                                let _ = tri!(crate::modules::builtins::print_repr_line(&v));
                                none()
                            }
                            3 => {
                                // INTRINSIC_STOPITERATION_ERROR
                                break 'op Err(PyErr::runtime_error("generator raised StopIteration"));
                            }
                            5 => tri!(ops::unary_op(&v, UnaryOp::Positive)),
                            6 => tri!(new_tuple(tri!(ops::collect(&v)))),
                            _ => {
                                break 'op Err(PyErr::runtime_error(format!("intrinsic {oparg} is not supported yet")));
                            }
                        };
                        push!(values, f, r);
                    }
                    Opcode::POP_JUMP_IF_FALSE | Opcode::POP_JUMP_IF_TRUE => {
                        let v = pop!(values, f);
                        let t = if v.is(&immortals().true_.ob_base) {
                            true
                        } else if v.is(&immortals().false_.ob_base) {
                            false
                        } else {
                            tri!(ops::is_true(&v))
                        };
                        if t == (op == Opcode::POP_JUMP_IF_TRUE) {
                            f.ip += oparg as usize;
                        }
                    }
                    Opcode::POP_JUMP_IF_NONE | Opcode::POP_JUMP_IF_NOT_NONE => {
                        let v = pop!(values, f);
                        if v.is(immortals().none) == (op == Opcode::POP_JUMP_IF_NONE) {
                            f.ip += oparg as usize;
                        }
                    }
                    Opcode::JUMP_FORWARD => f.ip += oparg as usize,
                    Opcode::JUMP_BACKWARD | Opcode::JUMP_BACKWARD_NO_INTERRUPT => {
                        f.ip -= oparg as usize;
                        if op == Opcode::JUMP_BACKWARD {
                            if let Some(ts) = crate::state::thread_state::current() {
                                // SAFETY: the current thread state is attached on this thread.
                                tri!(crate::state::breaker::check(unsafe { ts.as_ref() }));
                            }
                        }
                    }
                    Opcode::GET_ITER => {
                        let v = pop!(values, f);
                        push!(values, f, tri!(ops::get_iter(&v)));
                    }
                    Opcode::FOR_ITER => {
                        let it = peek!(values, f, 1);
                        let next = if std::ptr::eq(it.type_object(), types().range_iter_type) {
                            crate::object::range::range_iter_next_value(it).map(new_int).transpose()
                        } else {
                            ops::next(it)
                        };
                        match tri!(next) {
                            Some(v) => push!(values, f, v),
                            None => {
                                drop(pop!(values, f));
                                f.ip += oparg as usize + 2;
                            }
                        }
                    }
                    Opcode::BUILD_TUPLE => {
                        let n = oparg as usize;
                        let v: Vec<Obj> = (f.sp - n..f.sp).map(|i| values[i].take().expect("an item")).collect();
                        f.sp -= n;
                        push!(values, f, tri!(new_tuple(v)));
                    }
                    Opcode::BUILD_LIST => {
                        let n = oparg as usize;
                        let v: Vec<Obj> = (f.sp - n..f.sp).map(|i| values[i].take().expect("an item")).collect();
                        f.sp -= n;
                        push!(values, f, tri!(new_list(v)));
                    }
                    Opcode::BUILD_SET => {
                        let n = oparg as usize;
                        let v: Vec<Obj> = (f.sp - n..f.sp).map(|i| values[i].take().expect("an item")).collect();
                        f.sp -= n;
                        push!(values, f, tri!(crate::object::set::build_set(v)));
                    }
                    Opcode::SET_ADD => {
                        let v = pop!(values, f);
                        tri!(crate::object::set::set_add(peek!(values, f, oparg as usize), v));
                    }
                    Opcode::SET_UPDATE => {
                        let v = pop!(values, f);
                        tri!(crate::object::set::set_update(peek!(values, f, oparg as usize), &v));
                    }
                    Opcode::BUILD_MAP => {
                        let n = oparg as usize;
                        let d = tri!(new_dict());
                        let start = f.sp - 2 * n;
                        for k in 0..n {
                            let key = values[start + 2 * k].take().expect("a key");
                            let v = values[start + 2 * k + 1].take().expect("a value");
                            tri!(as_dict(&d).expect("a dict").set(key, v));
                        }
                        f.sp = start;
                        push!(values, f, d);
                    }
                    Opcode::BUILD_CONST_KEY_MAP => {
                        let keys = pop!(values, f);
                        let n = oparg as usize;
                        let d = tri!(new_dict());
                        let start = f.sp - n;
                        for (k, key) in items(&keys).iter().enumerate() {
                            let v = values[start + k].take().expect("a value");
                            tri!(as_dict(&d).expect("a dict").set(key.clone(), v));
                        }
                        f.sp = start;
                        push!(values, f, d);
                    }
                    Opcode::BUILD_STRING => {
                        let n = oparg as usize;
                        let mut s = String::new();
                        for i in f.sp - n..f.sp {
                            s.push_str(str_value(values[i].as_ref().expect("a str")).unwrap_or(""));
                            values[i] = None;
                        }
                        f.sp -= n;
                        push!(values, f, tri!(new_str(&s)));
                    }
                    Opcode::BUILD_SLICE => {
                        let step = if oparg == 3 { pop!(values, f) } else { none() };
                        let stop = pop!(values, f);
                        let start = pop!(values, f);
                        push!(values, f, tri!(new_slice(start, stop, step)));
                    }
                    Opcode::LIST_APPEND => {
                        let v = pop!(values, f);
                        as_list(peek!(values, f, oparg as usize)).expect("a list").push(v);
                    }
                    Opcode::LIST_EXTEND => {
                        let v = pop!(values, f);
                        let items = match ops::collect(&v) {
                            Ok(i) => i,
                            Err(_) if ops::get_iter(&v).is_err() => {
                                break 'op Err(PyErr::type_error(format!(
                                    "Value after * must be an iterable, not {}",
                                    v.type_object().name()
                                )));
                            }
                            Err(e) => break 'op Err(e),
                        };
                        let l = as_list(peek!(values, f, oparg as usize)).expect("a list");
                        for x in items {
                            l.push(x);
                        }
                    }
                    Opcode::MAP_ADD => {
                        let v = pop!(values, f);
                        let k = pop!(values, f);
                        tri!(as_dict(peek!(values, f, oparg as usize)).expect("a dict").set(k, v));
                    }
                    Opcode::DICT_UPDATE | Opcode::DICT_MERGE => {
                        let src = pop!(values, f);
                        let d = peek!(values, f, oparg as usize).clone();
                        let Some(sd) = as_dict(&src) else {
                            break 'op Err(PyErr::type_error(format!(
                                "'{}' object is not a mapping",
                                src.type_object().name()
                            )));
                        };
                        for (k, v) in sd.items() {
                            tri!(as_dict(&d).expect("a dict").set(k, v));
                        }
                    }
                    Opcode::BINARY_SUBSCR => {
                        let key = pop!(values, f);
                        let container = pop!(values, f);
                        push!(values, f, tri!(ops::get_item(&container, &key)));
                    }
                    Opcode::STORE_SUBSCR => {
                        let key = pop!(values, f);
                        let container = pop!(values, f);
                        let v = pop!(values, f);
                        tri!(ops::set_item(&container, &key, Some(&v)));
                    }
                    Opcode::DELETE_SUBSCR => {
                        let key = pop!(values, f);
                        let container = pop!(values, f);
                        tri!(ops::set_item(&container, &key, None));
                    }
                    Opcode::BINARY_SLICE => {
                        let stop = pop!(values, f);
                        let start = pop!(values, f);
                        let container = pop!(values, f);
                        let s = tri!(new_slice(start, stop, none()));
                        push!(values, f, tri!(ops::get_item(&container, &s)));
                    }
                    Opcode::STORE_SLICE => {
                        let stop = pop!(values, f);
                        let start = pop!(values, f);
                        let container = pop!(values, f);
                        let v = pop!(values, f);
                        let s = tri!(new_slice(start, stop, none()));
                        tri!(ops::set_item(&container, &s, Some(&v)));
                    }
                    Opcode::UNPACK_SEQUENCE => {
                        let seq = pop!(values, f);
                        let n = oparg as usize;
                        let v = tri!(unpack(&seq, n));
                        for x in v.into_iter().rev() {
                            push!(values, f, x);
                        }
                    }
                    Opcode::UNPACK_EX => {
                        let seq = pop!(values, f);
                        let (before, after) = ((oparg & 0xff) as usize, (oparg >> 8) as usize);
                        let all = tri!(ops::collect(&seq));
                        if all.len() < before + after {
                            break 'op Err(PyErr::value_error(format!(
                                "not enough values to unpack (expected at least {}, got {})",
                                before + after,
                                all.len()
                            )));
                        }
                        let mid: Vec<Obj> = all[before..all.len() - after].to_vec();
                        let mut out: Vec<Obj> = all[..before].to_vec();
                        out.push(tri!(new_list(mid)));
                        out.extend_from_slice(&all[all.len() - after..]);
                        for x in out.into_iter().rev() {
                            push!(values, f, x);
                        }
                    }
                    Opcode::FORMAT_SIMPLE => {
                        let v = pop!(values, f);
                        let r = if str_value(&v).is_some() && std::ptr::eq(v.type_object(), types().str_type) {
                            v
                        } else {
                            tri!(format_value(&v, ""))
                        };
                        push!(values, f, r);
                    }
                    Opcode::FORMAT_WITH_SPEC => {
                        let spec = pop!(values, f);
                        let v = pop!(values, f);
                        push!(values, f, tri!(format_value(&v, str_value(&spec).unwrap_or(""))));
                    }
                    Opcode::CONVERT_VALUE => {
                        let v = pop!(values, f);
                        let r = match oparg {
                            1 => tri!(ops::str(&v)),
                            2 => tri!(ops::repr(&v)),
                            _ => {
                                let t = tri!(ops::repr_text(&v));
                                tri!(new_str(&crate::modules::builtins::ascii_escape(&t)))
                            }
                        };
                        push!(values, f, r);
                    }
                    Opcode::MAKE_FUNCTION => {
                        let codeobj = pop!(values, f);
                        let q = as_code(&codeobj).map(|c| c.code.qualname.clone()).unwrap_or_else(|| "?".into());
                        let qual = tri!(new_str(&q));
                        let func = tri!(new_function(codeobj, f.globals.clone(), f.builtins.clone(), qual));
                        push!(values, f, func);
                    }
                    Opcode::SET_FUNCTION_ATTRIBUTE => {
                        let func = pop!(values, f);
                        let attr = pop!(values, f);
                        if let Some(fo) = as_function(&func) {
                            let fields = fo.fields();
                            match oparg {
                                1 => fields.defaults = Some(attr),
                                2 => fields.kwdefaults = Some(attr),
                                4 => fields.annotations = Some(attr),
                                8 => fields.closure = Some(attr),
                                _ => {}
                            }
                        }
                        push!(values, f, func);
                    }
                    Opcode::CALL | Opcode::CALL_KW => {
                        let kwnames = if op == Opcode::CALL_KW { Some(pop!(values, f)) } else { None };
                        let argc = oparg as usize;
                        let callable_at = f.sp - argc - 2;
                        let has_self = values[callable_at + 1].is_some();
                        let args_start = if has_self { callable_at + 1 } else { callable_at + 2 };
                        let callable = values[callable_at].clone().expect("a callable");
                        // A bound method: unpack it so the call goes to the function directly.
                        let (callable, args_start) = match crate::object::function::as_method(&callable) {
                            Some(m) if !has_self => {
                                values[callable_at + 1] = Some(m.self_.clone());
                                (m.func.clone(), callable_at + 1)
                            }
                            _ => (callable, args_start),
                        };
                        if let Some(func) = as_function(&callable) {
                            // Python-to-Python: a new frame in this run of the loop.
                            let new_base = f.sp;
                            let mut frame = Frame {
                                code: func.code.clone(),
                                func: Some(callable.clone()),
                                globals: func.globals.clone(),
                                builtins: func.builtins.clone(),
                                locals: None,
                                base: new_base,
                                sp: new_base,
                                ip: 0,
                                lasti: 0,
                                call_at: 0,
                            };
                            tri!(depth_enter());
                            f.call_at = callable_at;
                            let argv: Vec<Obj> = as_objs(&values[args_start..f.sp]).to_vec();
                            if let Err(e) = init_frame(values, &mut frame, &argv, kwnames.as_deref()) {
                                depth_leave();
                                break 'op Err(e);
                            }
                            drop(argv);
                            frames.push(frame);
                            continue 'frames;
                        }
                        let r = {
                            let _caller = caller::enter(f, values);
                            ops::call(&callable, as_objs(&values[args_start..f.sp]), kwnames.as_deref())
                        };
                        for i in callable_at..f.sp {
                            values[i] = None;
                        }
                        f.sp = callable_at;
                        push!(values, f, tri!(r));
                    }
                    Opcode::CALL_FUNCTION_EX => {
                        let kwargs = if oparg & 1 != 0 { Some(pop!(values, f)) } else { None };
                        let posargs = pop!(values, f);
                        let self_ = values[f.sp - 1].take();
                        f.sp -= 1;
                        let callable = pop!(values, f);
                        let mut argv: Vec<Obj> = Vec::new();
                        if let Some(s) = self_ {
                            argv.push(s);
                        }
                        argv.extend(tri!(ops::collect(&posargs)));
                        let mut names = Vec::new();
                        if let Some(kw) = kwargs.as_deref().and_then(as_dict) {
                            for (k, v) in kw.items() {
                                names.push(k);
                                argv.push(v);
                            }
                        }
                        let kwn = if names.is_empty() { None } else { Some(tri!(new_tuple(names))) };
                        let r = {
                            let _caller = caller::enter(f, values);
                            ops::call(&callable, &argv, kwn.as_deref())
                        };
                        push!(values, f, tri!(r));
                    }
                    Opcode::RAISE_VARARGS => {
                        let (exc, cause) = match oparg {
                            0 => (None, None),
                            1 => (Some(pop!(values, f)), None),
                            _ => {
                                let cause = pop!(values, f);
                                (Some(pop!(values, f)), Some(cause))
                            }
                        };
                        if exc.is_none() {
                            skip_tb = true;
                        }
                        break 'op Err(do_raise(exc, cause));
                    }
                    Opcode::RERAISE => {
                        // CPython moves `instr_ptr` to the saved `lasti` (for `f_lineno`), but the
                        // handler lookup uses this instruction's own offset, as here.
                        let exc = pop!(values, f);
                        skip_tb = true;
                        break 'op Err(PyErr::from_object(exc));
                    }
                    Opcode::PUSH_EXC_INFO => {
                        let exc = pop!(values, f);
                        let prev = EXC_INFO.with(|e| e.borrow_mut().replace(exc.clone()));
                        push!(values, f, prev.unwrap_or_else(none));
                        push!(values, f, exc);
                    }
                    Opcode::POP_EXCEPT => {
                        let prev = pop!(values, f);
                        let prev = if prev.is(immortals().none) { None } else { Some(prev) };
                        let old = EXC_INFO.with(|e| std::mem::replace(&mut *e.borrow_mut(), prev));
                        drop(old);
                    }
                    Opcode::CHECK_EXC_MATCH => {
                        let ty = pop!(values, f);
                        let exc = peek!(values, f, 1).clone();
                        push!(values, f, new_bool(tri!(exc_matches(&exc, &ty))));
                    }
                    Opcode::WITH_EXCEPT_START => {
                        let exit = peek!(values, f, 4).clone();
                        let val = peek!(values, f, 1).clone();
                        let ty = Obj::new_ref(val.type_object().as_object());
                        let tb = tri!(ops::get_attr_str(&val, "__traceback__"));
                        push!(values, f, tri!(ops::call(&exit, &[ty, val, tb], None)));
                    }
                    Opcode::BEFORE_WITH => {
                        let mgr = pop!(values, f);
                        let enter = tri!(ops::get_attr_str(&mgr, "__enter__"));
                        let exit = tri!(ops::get_attr_str(&mgr, "__exit__"));
                        push!(values, f, exit);
                        push!(values, f, tri!(ops::call(&enter, &[], None)));
                    }
                    Opcode::RETURN_GENERATOR | Opcode::YIELD_VALUE | Opcode::IMPORT_NAME | Opcode::IMPORT_FROM => {
                        break 'op Err(PyErr::runtime_error(format!("{} is not supported yet", op.name())));
                    }
                    other => {
                        break 'op Err(PyErr::new(
                            crate::ExcKind::SystemError,
                            format!("opcode {} is not implemented by the eval loop", other.name()),
                        ));
                    }
                }
                Ok(Flow::Continue)
            };
            match outcome {
                Ok(Flow::Continue) => {}
                Ok(Flow::Return(v)) => {
                    let done = frames.pop().expect("a frame");
                    clear(values, done.base, done.sp);
                    depth_leave();
                    let Some(caller) = frames.last_mut() else { return Ok(v) };
                    // The caller's CALL: drop callable, self and arguments, push the result.
                    clear(values, caller.call_at, caller.sp);
                    caller.sp = caller.call_at;
                    values[caller.sp] = Some(v);
                    caller.sp += 1;
                    continue 'frames;
                }
                Err(err) => {
                    let with_tb = !std::mem::take(&mut skip_tb);
                    match unwind(values, frames, err.into_object(), with_tb) {
                        Ok(()) => continue 'frames,
                        Err(exc) => return Err(PyErr::from_object(exc)),
                    }
                }
            }
        }
    }
}

fn clear(values: &mut [Option<Obj>], from: usize, to: usize) {
    for slot in &mut values[from..to.max(from)] {
        *slot = None;
    }
}

/// Unwinds `exc` from the innermost frame: the first frame with a handler for its current
/// instruction continues there (`Ok`); with none, the exception leaves the run (`Err`).
fn unwind(values: &mut [Option<Obj>], frames: &mut Vec<Frame>, exc: Obj, mut with_tb: bool) -> Result<(), Obj> {
    loop {
        let f = frames.last_mut().expect("a frame");
        let code = code_of(f);
        if with_tb {
            if let Some(ctx) = current_exception() {
                if let Some(e) = crate::object::exceptions::as_exception(&exc) {
                    if e.fields().context.is_none() && !ctx.is(&exc) && e.fields().traceback.is_none() {
                        e.fields().context = Some(ctx);
                    }
                }
            }
            let _ = traceback::add_traceback(&exc, &f.code, f.lasti);
        }
        with_tb = true;
        let handler =
            code.exception_table.iter().find(|h| (h.start as usize) <= f.lasti && f.lasti < h.end as usize).copied();
        if let Some(h) = handler {
            let depth = f.base + code.code.nlocalsplus() + h.depth as usize;
            clear(values, depth, f.sp);
            f.sp = depth;
            if h.lasti {
                let Ok(l) = new_int(f.lasti as i64) else { return Err(exc) };
                values[f.sp] = Some(l);
                f.sp += 1;
            }
            values[f.sp] = Some(exc);
            f.sp += 1;
            f.ip = h.target as usize;
            return Ok(());
        }
        let done = frames.pop().expect("a frame");
        clear(values, done.base, done.sp);
        depth_leave();
        let Some(caller) = frames.last_mut() else { return Err(exc) };
        clear(values, caller.call_at, caller.sp);
        caller.sp = caller.call_at;
    }
}

fn unpack(seq: &PyObject, n: usize) -> PyResult<Vec<Obj>> {
    let v = if let Some(l) = as_list(seq) {
        l.items().to_vec()
    } else if crate::object::tuple::is_tuple(seq) {
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
            let is_method = std::ptr::eq(dt, types().function_type)
                || (std::ptr::eq(dt, types().method_descriptor_type)
                    // SAFETY: method descriptors are MethodDescr.
                    && unsafe { d.cast::<crate::object::builtin::MethodDescr>() }.def.kind
                        == crate::object::builtin::MethodKind::Instance);
            if is_method {
                let shadowed = crate::object::attr::dict_slot(owner)
                    .and_then(|s| s.clone())
                    .and_then(|dict| as_dict(&dict).and_then(|dd| dd.get_str(name)));
                if shadowed.is_none() {
                    return Ok((d, Some(owner.clone())));
                }
            }
        }
    }
    Ok((ops::get_attr(owner, name)?, None))
}

/// `super(class, self).name`: `(value, is_unbound_method)`.
fn super_lookup(class: &PyObject, self_: &PyObject, name: &PyObject) -> PyResult<(Obj, bool)> {
    let start = as_type(class).ok_or_else(|| PyErr::type_error("super() argument 1 must be a type"))?;
    let obj_type = as_type(self_).filter(|t| t.is_subtype(start)).unwrap_or_else(|| self_.type_object());
    let mro = obj_type.mro();
    let pos = mro.iter().position(|t| t.is(start.as_object())).map_or(mro.len(), |p| p + 1);
    for t in &mro[pos..] {
        let t = as_type(t).expect("mro holds types");
        if let Some(d) = t.dict().and_then(as_dict).and_then(|d| d.get_str(name)) {
            let dt = d.type_object();
            if std::ptr::eq(dt, types().function_type) || std::ptr::eq(dt, types().method_descriptor_type) {
                return Ok((d, true));
            }
            return match dt.descr_get {
                Some(get) => Ok((get(&d, Some(self_), obj_type.as_object())?, false)),
                None => Ok((d, false)),
            };
        }
    }
    Err(PyErr::attribute_error(format!("'super' object has no attribute '{}'", str_value(name).unwrap_or("?"))))
}

/// Runs a module's compiled code as `__main__` (or `name`) and returns its globals.
pub fn run_module(code: std::sync::Arc<pyrt_compile::CodeObject>, name: &str, filename: &str) -> PyResult<Obj> {
    let globals = new_dict()?;
    let g = as_dict(&globals).expect("a dict");
    g.set(new_str("__name__")?, new_str(name)?)?;
    g.set(new_str("__file__")?, new_str(filename)?)?;
    g.set(new_str("__builtins__")?, crate::modules::builtins::builtins_module()?)?;
    g.set(new_str("__doc__")?, none())?;
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
