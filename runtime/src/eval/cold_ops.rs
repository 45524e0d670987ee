//! Instructions the eval loop runs rarely or whose work dwarfs a call: name-based variable
//! access (module and class bodies), class and function construction, imports, `super`
//! attribute lookups, the intrinsics, building sets, maps and strings, star-unpacking, value
//! conversion, `with` and `f(*args, **kwargs)`.
//!
//! Each is the body of its arm in [`super::run_frames`], moved here as a `#[cold]`,
//! never-inlined function over the frame's window and stack pointer. The loop is one large
//! function whose hot arms (local variable access, specialised arithmetic, calls and returns)
//! want the instruction and stack pointers and the window pointer in registers; every arm inlined
//! into it adds values live across calls and pressure on the register allocator, so the arms
//! that are neither short nor hot live out of line. An arm's function takes the stack pointer
//! by reference and keeps it exact on every exit, errors included: the unwinder cuts the
//! stack from the record's stack pointer, which the loop syncs from it.

use super::{Frame, annotations, args, build_class_name_error, caller, generator, load_global, name_error};
use super::{none, super_lookup, unbound_local};
use crate::error::{PyErr, PyResult};
use crate::object::abstract_ops::{self as ops, UnaryOp};
use crate::object::code::{CodeObj, as_code};
use crate::object::dict::{as_dict, new_dict};
use crate::object::function::{as_cell, as_function, new_function};
use crate::object::list::{as_list, new_list};
use crate::object::obj::Obj;
use crate::object::str::{new_str, str_value};
use crate::object::tuple::{items, new_tuple};
use crate::object::typeobj::as_type;
use crate::object::{exception_group, intern, types};
use pyrt_compile::LocalKind;

/// Pops the top of the stack (a value: the stack discipline of the instruction).
fn pop(values: &mut [Option<Obj>], sp: &mut usize) -> Obj {
    *sp -= 1;
    values[*sp].take().expect("a value on the stack")
}

/// Pushes `v`; the slot above the stack pointer is empty (see the loop's `push!`).
fn push(values: &mut [Option<Obj>], sp: &mut usize, v: Obj) {
    debug_assert!(values[*sp].is_none(), "a stack slot above the stack pointer holds a value");
    values[*sp] = Some(v);
    *sp += 1;
}

/// The value `n` slots below the stack pointer `sp`.
fn peek(values: &[Option<Obj>], sp: usize, n: usize) -> &Obj {
    values[sp - n].as_ref().expect("a value on the stack")
}

/// The error of `LOAD_DEREF` for the empty cell of local variable `i`.
#[cold]
#[inline(never)]
pub(super) fn unbound_deref(code: &CodeObj, i: usize) -> PyErr {
    let name = str_value(&code.localsplus_names[i]).unwrap_or("?").to_owned();
    let free = code.code.localsplus_kinds[i].contains(LocalKind::FREE);
    if free {
        crate::object::exceptions::with_missing_name(
            PyErr::name_error(format!(
                "cannot access free variable '{name}' where it is not associated with a value in enclosing scope"
            )),
            &code.localsplus_names[i],
        )
    } else {
        unbound_local(code, i)
    }
}

/// `STORE_GLOBAL`.
#[cold]
#[inline(never)]
pub(super) fn store_global(
    values: &mut [Option<Obj>],
    sp: &mut usize,
    f: &Frame,
    code: &CodeObj,
    oparg: u32,
) -> PyResult<()> {
    let v = pop(values, sp);
    let name = code.names[oparg as usize].clone();
    as_dict(&f.globals).expect("globals is a dict").set(name, v)?;
    Ok(())
}

/// `DELETE_GLOBAL`.
#[cold]
#[inline(never)]
pub(super) fn delete_global(f: &Frame, code: &CodeObj, oparg: u32) -> PyResult<()> {
    let name = &code.names[oparg as usize];
    if as_dict(&f.globals).expect("globals is a dict").remove(name)?.is_none() {
        return Err(name_error(name));
    }
    Ok(())
}

/// `LOAD_NAME`.
#[cold]
#[inline(never)]
pub(super) fn load_name(
    values: &mut [Option<Obj>],
    sp: &mut usize,
    f: &Frame,
    code: &CodeObj,
    oparg: u32,
) -> PyResult<()> {
    let name = &code.names[oparg as usize];
    let local = match &f.locals {
        Some(l) if std::ptr::eq(l.type_object(), types().dict_type) => as_dict(l).and_then(|d| d.get_str(name)),
        // Another mapping (`__prepare__`'s, `exec`'s locals): its `__getitem__`.
        Some(l) => match ops::get_item(l, name) {
            Ok(v) => Some(v),
            Err(e) if e.matches(types().exc.named("KeyError")) => None,
            Err(e) => return Err(e),
        },
        None => None,
    };
    let v = match local {
        Some(v) => v,
        None => load_global(f, name)?,
    };
    push(values, sp, v);
    Ok(())
}

/// `STORE_NAME`.
#[cold]
#[inline(never)]
pub(super) fn store_name(
    values: &mut [Option<Obj>],
    sp: &mut usize,
    f: &Frame,
    code: &CodeObj,
    oparg: u32,
) -> PyResult<()> {
    let v = pop(values, sp);
    let name = code.names[oparg as usize].clone();
    let locals = f.locals.clone().unwrap_or_else(|| Obj::clone(&f.globals));
    match as_dict(&locals).filter(|_| std::ptr::eq(locals.type_object(), types().dict_type)) {
        Some(d) => d.set(name, v)?,
        None => ops::set_item(&locals, &name, Some(&v))?,
    }
    Ok(())
}

/// `DELETE_NAME`.
#[cold]
#[inline(never)]
pub(super) fn delete_name(f: &Frame, code: &CodeObj, oparg: u32) -> PyResult<()> {
    let name = &code.names[oparg as usize];
    let locals = f.locals.clone().unwrap_or_else(|| Obj::clone(&f.globals));
    let removed = match as_dict(&locals).filter(|_| std::ptr::eq(locals.type_object(), types().dict_type)) {
        Some(d) => d.remove(name)?.is_some(),
        // Another mapping (`__prepare__`'s, `exec`'s locals): its `__delitem__`; any failure is
        // the NameError, as CPython's `DELETE_NAME`.
        None => ops::set_item(&locals, name, None).is_ok(),
    };
    if !removed {
        return Err(name_error(name));
    }
    Ok(())
}

/// `LOAD_FROM_DICT_OR_GLOBALS`.
#[cold]
#[inline(never)]
pub(super) fn load_from_dict_or_globals(
    values: &mut [Option<Obj>],
    sp: &mut usize,
    f: &Frame,
    code: &CodeObj,
    oparg: u32,
) -> PyResult<()> {
    let d = pop(values, sp);
    let name = &code.names[oparg as usize];
    let v = match as_dict(&d).and_then(|d| d.get_str(name)) {
        Some(v) => v,
        None => load_global(f, name)?,
    };
    push(values, sp, v);
    Ok(())
}

/// `LOAD_FROM_DICT_OR_DEREF`.
#[cold]
#[inline(never)]
pub(super) fn load_from_dict_or_deref(
    values: &mut [Option<Obj>],
    sp: &mut usize,
    code: &CodeObj,
    oparg: u32,
) -> PyResult<()> {
    let d = pop(values, sp);
    let i = oparg as usize;
    let name = &code.localsplus_names[i];
    let v = match as_dict(&d).and_then(|d| d.get_str(name)) {
        Some(v) => v,
        None => match values[i].as_deref().and_then(as_cell).and_then(|c| c.get()) {
            Some(v) => v,
            None => return Err(unbound_local(code, i)),
        },
    };
    push(values, sp, v);
    Ok(())
}

/// `SETUP_ANNOTATIONS`.
#[cold]
#[inline(never)]
pub(super) fn setup_annotations(f: &Frame) -> PyResult<()> {
    let Some(locals) = f.locals.clone() else {
        return Err(PyErr::new(crate::ExcKind::SystemError, "no locals found when setting up annotations"));
    };
    annotations::setup_annotations(&locals)?;
    Ok(())
}

/// `LOAD_BUILD_CLASS`.
#[cold]
#[inline(never)]
pub(super) fn load_build_class(values: &mut [Option<Obj>], sp: &mut usize, f: &Frame) -> PyResult<()> {
    let v = as_dict(&f.builtins).and_then(|d| d.get_str(&intern("__build_class__").ob_base));
    match v {
        Some(v) => push(values, sp, v),
        None => return Err(build_class_name_error()),
    }
    Ok(())
}

/// `LOAD_SUPER_ATTR`.
#[cold]
#[inline(never)]
pub(super) fn load_super_attr(
    values: &mut [Option<Obj>],
    sp: &mut usize,
    f: &Frame,
    code: &CodeObj,
    oparg: u32,
) -> PyResult<()> {
    let self_ = pop(values, sp);
    let class = pop(values, sp);
    let global_super = pop(values, sp);
    let name = &code.names[(oparg >> 2) as usize];
    if !global_super.is(types().descr.super_type.as_object()) || as_type(&class).is_none() {
        // `super` rebound (or a non-class `__class__`): call it as written —
        // with `(__class__, self)` for the zero-argument form — and look up.
        let argv = if oparg & 2 != 0 { vec![class, self_] } else { Vec::new() };
        let s = {
            let _caller = caller::enter(f);
            ops::call(&global_super, &argv, None)
        };
        let s = s?;
        push(values, sp, ops::get_attr(&s, name)?);
        if oparg & 1 != 0 {
            values[*sp] = None;
            *sp += 1;
        }
        return Ok(());
    }
    let attr = super_lookup(&class, &self_, name, oparg & 1 != 0)?;
    if oparg & 1 != 0 {
        match attr {
            (m, true) => {
                push(values, sp, m);
                push(values, sp, self_);
            }
            (a, false) => {
                push(values, sp, a);
                values[*sp] = None;
                *sp += 1;
            }
        }
    } else {
        // The attribute form binds in the lookup (`want_method` false: never unbound).
        drop(self_);
        push(values, sp, attr.0);
    }
    Ok(())
}

/// `CALL_INTRINSIC_1`.
#[cold]
#[inline(never)]
pub(super) fn call_intrinsic_1(
    values: &mut [Option<Obj>],
    sp: &mut usize,
    f: &Frame,
    code: &CodeObj,
    oparg: u32,
) -> PyResult<()> {
    let v = pop(values, sp);
    let r = match oparg {
        1 => {
            let _ = crate::modules::builtins::print_repr_line(&v)?;
            none()
        }
        2 => {
            // INTRINSIC_IMPORT_STAR
            crate::modules::import::import_star(&v, f.locals.as_deref())?;
            none()
        }
        3 => generator::stopiteration_error(v, code.code.flags),
        4 => crate::object::generator::wrap_async_gen_value(v)?,
        5 => ops::unary_op(&v, UnaryOp::Positive)?,
        6 => new_tuple(ops::collect(&v)?)?,
        _ => {
            return Err(PyErr::runtime_error(format!("intrinsic {oparg} is not supported yet")));
        }
    };
    push(values, sp, r);
    Ok(())
}

/// `CALL_INTRINSIC_2`.
#[cold]
#[inline(never)]
pub(super) fn call_intrinsic_2(values: &mut [Option<Obj>], sp: &mut usize, oparg: u32) -> PyResult<()> {
    let value1 = pop(values, sp);
    let value2 = pop(values, sp);
    let r = match oparg {
        1 => exception_group::prep_reraise_star(&value2, &value1)?,
        _ => {
            return Err(PyErr::runtime_error(format!(
                "intrinsic {oparg} (PEP 695 type parameters) is not supported yet"
            )));
        }
    };
    push(values, sp, r);
    Ok(())
}

/// `BUILD_SET`.
#[cold]
#[inline(never)]
pub(super) fn build_set(values: &mut [Option<Obj>], sp: &mut usize, oparg: u32) -> PyResult<()> {
    let n = oparg as usize;
    let v: Vec<Obj> = (*sp - n..*sp).map(|i| values[i].take().expect("an item")).collect();
    *sp -= n;
    push(values, sp, crate::object::set::build_set(v)?);
    Ok(())
}

/// `BUILD_MAP`.
#[cold]
#[inline(never)]
pub(super) fn build_map(values: &mut [Option<Obj>], sp: &mut usize, oparg: u32) -> PyResult<()> {
    let n = oparg as usize;
    let d = new_dict()?;
    let start = *sp - 2 * n;
    for k in 0..n {
        let key = values[start + 2 * k].take().expect("a key");
        let v = values[start + 2 * k + 1].take().expect("a value");
        as_dict(&d).expect("a dict").set(key, v)?;
    }
    *sp = start;
    push(values, sp, d);
    Ok(())
}

/// `BUILD_CONST_KEY_MAP`.
#[cold]
#[inline(never)]
pub(super) fn build_const_key_map(values: &mut [Option<Obj>], sp: &mut usize, oparg: u32) -> PyResult<()> {
    let keys = pop(values, sp);
    let n = oparg as usize;
    let d = new_dict()?;
    let start = *sp - n;
    for (k, key) in items(&keys).iter().enumerate() {
        let v = values[start + k].take().expect("a value");
        as_dict(&d).expect("a dict").set(key.clone(), v)?;
    }
    *sp = start;
    push(values, sp, d);
    Ok(())
}

/// `BUILD_STRING`.
#[cold]
#[inline(never)]
pub(super) fn build_string(values: &mut [Option<Obj>], sp: &mut usize, oparg: u32) -> PyResult<()> {
    let n = oparg as usize;
    let joined = match crate::object::str::join_if_lone_surrogates(&values[*sp - n..*sp]) {
        Some(joined) => joined,
        None => {
            let mut s = String::new();
            for v in &values[*sp - n..*sp] {
                s.push_str(str_value(v.as_ref().expect("a str")).unwrap_or(""));
            }
            new_str(&s)
        }
    };
    for v in &mut values[*sp - n..*sp] {
        *v = None;
    }
    *sp -= n;
    push(values, sp, joined?);
    Ok(())
}

/// `LIST_EXTEND`.
#[cold]
#[inline(never)]
pub(super) fn list_extend(values: &mut [Option<Obj>], sp: &mut usize, oparg: u32) -> PyResult<()> {
    let v = pop(values, sp);
    let items = match ops::collect(&v) {
        Ok(i) => i,
        Err(_) if ops::get_iter(&v).is_err() => {
            return Err(PyErr::type_error(format!(
                "Value after * must be an iterable, not {}",
                v.type_object().name()
            )));
        }
        Err(e) => return Err(e),
    };
    let l = as_list(peek(values, *sp, oparg as usize)).expect("a list");
    for x in items {
        l.push(x);
    }
    Ok(())
}

/// `UNPACK_EX`.
#[cold]
#[inline(never)]
pub(super) fn unpack_ex(values: &mut [Option<Obj>], sp: &mut usize, oparg: u32) -> PyResult<()> {
    let seq = pop(values, sp);
    let (before, after) = ((oparg & 0xff) as usize, (oparg >> 8) as usize);
    let all = ops::collect(&seq)?;
    if all.len() < before + after {
        return Err(PyErr::value_error(format!(
            "not enough values to unpack (expected at least {}, got {})",
            before + after,
            all.len()
        )));
    }
    let mid: Vec<Obj> = all[before..all.len() - after].to_vec();
    let mut out: Vec<Obj> = all[..before].to_vec();
    out.push(new_list(mid)?);
    out.extend_from_slice(&all[all.len() - after..]);
    for x in out.into_iter().rev() {
        push(values, sp, x);
    }
    Ok(())
}

/// `CONVERT_VALUE`.
#[cold]
#[inline(never)]
pub(super) fn convert_value(values: &mut [Option<Obj>], sp: &mut usize, oparg: u32) -> PyResult<()> {
    let v = pop(values, sp);
    let r = match oparg {
        1 => ops::str(&v)?,
        2 => ops::repr(&v)?,
        _ => {
            let t = ops::repr_text(&v)?;
            new_str(&crate::modules::builtins::ascii_escape(&t))?
        }
    };
    push(values, sp, r);
    Ok(())
}

/// `MAKE_FUNCTION`.
#[cold]
#[inline(never)]
pub(super) fn make_function(values: &mut [Option<Obj>], sp: &mut usize, f: &Frame) -> PyResult<()> {
    let codeobj = pop(values, sp);
    let q = as_code(&codeobj).map(|c| c.code.qualname.clone()).unwrap_or_else(|| "?".into());
    let qual = new_str(&q)?;
    let func = new_function(codeobj, Obj::clone(&f.globals), Obj::clone(&f.builtins), qual)?;
    push(values, sp, func);
    Ok(())
}

/// `SET_FUNCTION_ATTRIBUTE`.
#[cold]
#[inline(never)]
pub(super) fn set_function_attribute(values: &mut [Option<Obj>], sp: &mut usize, oparg: u32) -> PyResult<()> {
    let func = pop(values, sp);
    let attr = pop(values, sp);
    if let Some(fo) = as_function(&func) {
        match oparg {
            1 => fo.defaults.set(Some(attr)),
            2 => fo.kwdefaults.set(Some(attr)),
            4 => fo.annotations.set(Some(attr)),
            8 => fo.closure.set(Some(attr)),
            _ => {}
        }
    }
    push(values, sp, func);
    Ok(())
}

/// `CALL_FUNCTION_EX`.
#[cold]
#[inline(never)]
pub(super) fn call_function_ex(values: &mut [Option<Obj>], sp: &mut usize, f: &Frame, oparg: u32) -> PyResult<()> {
    let kwargs = if oparg & 1 != 0 { Some(pop(values, sp)) } else { None };
    let posargs = pop(values, sp);
    let self_ = values[*sp - 1].take();
    *sp -= 1;
    let callable = pop(values, sp);
    let mut argv: Vec<Obj> = Vec::new();
    if let Some(s) = self_ {
        argv.push(s);
    }
    argv.extend(args::star_args(&callable, &posargs)?);
    let mut names = Vec::new();
    if let Some(kw) = &kwargs {
        let (kw_names, kw_values) = args::star_kwargs(&callable, kw)?;
        names = kw_names;
        argv.extend(kw_values);
    }
    let kwn = if names.is_empty() { None } else { Some(new_tuple(names)?) };
    let r = {
        let _caller = caller::enter(f);
        ops::call(&callable, &argv, kwn.as_deref())
    };
    push(values, sp, r?);
    Ok(())
}

/// `BEFORE_WITH`.
#[cold]
#[inline(never)]
pub(super) fn before_with(values: &mut [Option<Obj>], sp: &mut usize) -> PyResult<()> {
    let mgr = pop(values, sp);
    // 3.13: special lookups on the type, CPython's TypeErrors when missing.
    let no_protocol = |more: &str| {
        PyErr::type_error(format!(
            "'{}' object does not support the context manager protocol{more}",
            mgr.type_object().name()
        ))
    };
    let enter = match ops::lookup_special(&mgr, "__enter__")? {
        Some(e) => e,
        None => return Err(no_protocol("")),
    };
    let exit = match ops::lookup_special(&mgr, "__exit__")? {
        Some(e) => e,
        None => return Err(no_protocol(" (missed __exit__ method)")),
    };
    push(values, sp, exit);
    push(values, sp, ops::call(&enter, &[], None)?);
    Ok(())
}

/// `IMPORT_NAME`.
#[cold]
#[inline(never)]
pub(super) fn import_name(
    values: &mut [Option<Obj>],
    sp: &mut usize,
    f: &Frame,
    code: &CodeObj,
    oparg: u32,
) -> PyResult<()> {
    let fromlist = pop(values, sp);
    let level = pop(values, sp);
    let m = crate::modules::import::import_name(
        &code.names[oparg as usize],
        &f.globals,
        f.locals.as_deref(),
        &f.builtins,
        &fromlist,
        &level,
    );
    push(values, sp, m?);
    Ok(())
}

/// `IMPORT_FROM`.
#[cold]
#[inline(never)]
pub(super) fn import_from(values: &mut [Option<Obj>], sp: &mut usize, code: &CodeObj, oparg: u32) -> PyResult<()> {
    let v = crate::modules::import::import_from(peek(values, *sp, 1), &code.names[oparg as usize])?;
    push(values, sp, v);
    Ok(())
}

/// `CALL_ISINSTANCE` when `inst`'s type is not a subtype of `class` (an exact `type`, which has no
/// `__instancecheck__` of its own): the rest of `isinstance`, which asks `inst.__class__` — a
/// proxy may answer for the object it wraps (CPython's `recursive_isinstance`).
#[cold]
#[inline(never)]
pub(super) fn isinstance_by_class_attr(inst: &Obj, class: &crate::object::typeobj::TypeObject) -> PyResult<Obj> {
    crate::object::class_check::object_isinstance(inst, class.as_object()).map(crate::object::int::new_bool)
}
