//! The builtins that read or run code in a namespace: `globals()`, `locals()`, `vars()`,
//! `dir()`, `compile()`, `exec()` and `eval()`.
//!
//! The caller's namespaces come from the eval loop's view of the running frame
//! (`eval::frame_info`). `compile()` returns the runtime's code objects, which `exec`/`eval`
//! run with the given (or the caller's) globals and locals; a globals dict without
//! `__builtins__` gets the `builtins` module, as in CPython. Source compiled here that fails is
//! a `SyntaxError` object carrying its location, which tracebacks print as CPython does.

use crate::error::{PyErr, PyResult};
use crate::object::abstract_ops as ops;
use crate::object::builtin::args;
use crate::object::code::{as_code, new_code};
use crate::object::dict::as_dict;
use crate::object::list::new_list;
use crate::object::module::{as_module, module_dict};
use crate::object::obj::Obj;
use crate::object::str::str_value;
use crate::object::typeobj::as_type;
use crate::object::{PyObject, immortals, intern, types};

fn caller_globals() -> PyResult<Obj> {
    crate::eval::frame_info::current_globals()
        .ok_or_else(|| PyErr::new(crate::ExcKind::SystemError, "globals(): no current frame"))
}

fn caller_locals() -> PyResult<Obj> {
    crate::eval::frame_info::current_locals()?
        .ok_or_else(|| PyErr::new(crate::ExcKind::SystemError, "locals(): no current frame"))
}

/// `globals()`.
pub fn builtin_globals(a: &[Obj], k: Option<&PyObject>) -> PyResult<Obj> {
    args::exact("globals", a, k, 0, 0)?;
    caller_globals()
}

/// `locals()`.
pub fn builtin_locals(a: &[Obj], k: Option<&PyObject>) -> PyResult<Obj> {
    args::exact("locals", a, k, 0, 0)?;
    caller_locals()
}

/// `vars([object])`: the caller's locals, or the object's `__dict__`.
pub fn builtin_vars(a: &[Obj], k: Option<&PyObject>) -> PyResult<Obj> {
    let a = args::exact("vars", a, k, 0, 1)?;
    let Some(o) = a.first() else { return caller_locals() };
    match ops::get_attr_str(o, "__dict__") {
        Ok(d) => Ok(d),
        Err(e) if e.matches(types().exc.named("AttributeError")) => {
            Err(PyErr::type_error("vars() argument must have __dict__ attribute"))
        }
        Err(e) => Err(e),
    }
}

/// `dir([object])`: the sorted names of the caller's scope, or of the object — a module's
/// `__dir__` or dict keys; a class's attributes along its MRO; an instance's `__dict__` keys
/// and its class's attributes; the result of a class's own `__dir__`.
pub fn builtin_dir(a: &[Obj], k: Option<&PyObject>) -> PyResult<Obj> {
    let a = args::exact("dir", a, k, 0, 1)?;
    let names: Vec<Obj> = match a.first() {
        None => {
            let locals = caller_locals()?;
            ops::collect(&locals)?
        }
        Some(o) => dir_of(o)?,
    };
    let list = new_list(names)?;
    crate::modules::builtins::sort_list(&list, None, false)?;
    Ok(list)
}

fn dir_of(o: &PyObject) -> PyResult<Vec<Obj>> {
    if as_module(o).is_some() {
        let dict = module_dict(o).ok_or_else(|| PyErr::type_error("<module>.__dict__ is not a dictionary"))?;
        if let Some(custom) = as_dict(&dict).and_then(|d| d.get_str(&intern("__dir__").ob_base)) {
            let r = ops::call(&custom, &[], None)?;
            return ops::collect(&r);
        }
        return ops::collect(&dict);
    }
    let ty = o.type_object();
    if ty.is_heap() {
        if let Some(custom) = crate::object::attr::lookup_str(ty, "__dir__") {
            if !std::ptr::eq(custom.type_object(), types().method_descriptor_type) {
                let r = ops::call(&custom, &[Obj::new_ref(o)], None)?;
                return ops::collect(&r);
            }
        }
    }
    let mut names: Vec<Obj> = Vec::new();
    let mut seen = std::collections::HashSet::new();
    let mut add = |dict: &PyObject| -> PyResult<()> {
        for key in ops::collect(dict)? {
            if let Some(s) = str_value(&key) {
                if seen.insert(s.to_owned()) {
                    names.push(key.clone());
                }
            }
        }
        Ok(())
    };
    let class_attrs = |t: &crate::object::TypeObject, add: &mut dyn FnMut(&PyObject) -> PyResult<()>| -> PyResult<()> {
        for base in t.mro() {
            if let Some(d) = as_type(base).and_then(|b| b.dict()) {
                add(d)?;
            }
        }
        Ok(())
    };
    match as_type(o) {
        Some(t) => class_attrs(t, &mut add)?,
        None => {
            if let Some(Some(d)) = crate::object::attr::dict_slot(o).map(|s| s.clone()) {
                add(&d)?;
            }
            class_attrs(ty, &mut add)?;
        }
    }
    Ok(names)
}

/// What `compile()` makes of its `mode` argument.
fn parse_mode(mode: &str) -> PyResult<pyrt_syntax::Mode> {
    match mode {
        "exec" => Ok(pyrt_syntax::Mode::Module),
        "eval" => Ok(pyrt_syntax::Mode::Expression),
        "single" => Ok(pyrt_syntax::Mode::Interactive),
        _ => Err(PyErr::value_error("compile() mode must be 'exec', 'eval' or 'single'")),
    }
}

/// Source text (a `str`) or an existing code object, compiled in `mode` as `filename`.
fn code_from(what: &str, source: &PyObject, filename: &str, mode: pyrt_syntax::Mode) -> PyResult<Obj> {
    if as_code(source).is_some() {
        return Ok(Obj::new_ref(source));
    }
    let Some(text) = str_value(source) else {
        return Err(PyErr::type_error(format!("{what}() arg 1 must be a string, bytes or code object")));
    };
    if text.contains('\0') {
        return Err(crate::object::exceptions::raise_msg(
            types().exc.named("SyntaxError"),
            "source code string cannot contain null bytes",
        ));
    }
    // `eval` ignores leading spaces and tabs (CPython strips them before parsing).
    let text = if mode == pyrt_syntax::Mode::Expression { text.trim_start_matches([' ', '\t']) } else { text };
    let code = pyrt_compile::compile(text, filename, mode).map_err(|e| super::import::syntax_error(&e, filename))?;
    new_code(code)
}

/// `compile(source, filename, mode, flags=0, dont_inherit=False, optimize=-1)`.
pub fn builtin_compile(a: &[Obj], k: Option<&PyObject>) -> PyResult<Obj> {
    const NAMES: [&str; 6] = ["source", "filename", "mode", "flags", "dont_inherit", "optimize"];
    let slots = bind("compile", &NAMES, a, k)?;
    let (Some(source), Some(filename), Some(mode)) = (&slots[0], &slots[1], &slots[2]) else {
        let missing = NAMES.iter().zip(&slots).position(|(_, s)| s.is_none()).unwrap_or(0);
        return Err(PyErr::type_error(format!(
            "compile() missing required argument '{}' (pos {})",
            NAMES[missing],
            missing + 1
        )));
    };
    let filename = str_value(filename).ok_or_else(|| {
        PyErr::type_error(format!("compile() argument 'filename' must be str, not {}", filename.type_object().name()))
    })?;
    let mode = str_value(mode).ok_or_else(|| {
        PyErr::type_error(format!("compile() argument 'mode' must be str, not {}", mode.type_object().name()))
    })?;
    if let Some(flags) = &slots[3] {
        if ops::index_isize(flags)? != 0 {
            return Err(PyErr::value_error("compile(): unrecognised flags"));
        }
    }
    code_from("compile", source, filename, parse_mode(mode)?)
}

/// Binds arguments to `names` (positional, then keywords).
fn bind(fname: &str, names: &[&str], a: &[Obj], k: Option<&PyObject>) -> PyResult<Vec<Option<Obj>>> {
    let mut slots: Vec<Option<Obj>> = vec![None; names.len()];
    let pos = args::positional(a, k);
    if pos.len() > names.len() {
        return Err(PyErr::type_error(format!(
            "{fname}() takes at most {} arguments ({} given)",
            names.len(),
            pos.len()
        )));
    }
    for (i, v) in pos.iter().enumerate() {
        slots[i] = Some(v.clone());
    }
    for (key, v) in args::keywords(a, k) {
        let Some(i) = names.iter().position(|n| *n == key) else {
            return Err(PyErr::type_error(format!("{fname}() got an unexpected keyword argument '{key}'")));
        };
        slots[i] = Some(v.clone());
    }
    Ok(slots)
}

/// The globals and locals `exec`/`eval` run with.
fn namespaces(what: &str, globals: Option<&Obj>, locals: Option<&Obj>) -> PyResult<(Obj, Obj)> {
    let none = |o: Option<&Obj>| o.filter(|v| !v.is(immortals().none)).cloned();
    let (globals, locals) = (none(globals), none(locals));
    let (g, l) = match (globals, locals) {
        (None, None) => (caller_globals()?, caller_locals()?),
        (None, Some(l)) => (caller_globals()?, l),
        (Some(g), l) => {
            let l = l.unwrap_or_else(|| g.clone());
            (g, l)
        }
    };
    let Some(gd) = as_dict(&g) else {
        return Err(PyErr::type_error(format!("{what}() globals must be a dict, not {}", g.type_object().name())));
    };
    if as_dict(&l).is_none() && l.type_object().mapping.subscript.is_none() {
        return Err(PyErr::type_error(format!("locals must be a mapping or None, not {}", l.type_object().name())));
    }
    let key = intern("__builtins__");
    if gd.get_str(&key.ob_base).is_none() {
        gd.set(Obj::new_ref(&key.ob_base), super::builtins::builtins_module()?)?;
    }
    Ok((g, l))
}

/// `exec(source, globals=None, locals=None)`.
pub fn builtin_exec(a: &[Obj], k: Option<&PyObject>) -> PyResult<Obj> {
    let slots = bind("exec", &["source", "globals", "locals"], a, k)?;
    let Some(source) = &slots[0] else {
        return Err(PyErr::type_error("exec expected at least 1 argument, got 0"));
    };
    let (g, l) = namespaces("exec", slots[1].as_ref(), slots[2].as_ref())?;
    let code = code_from("exec", source, "<string>", pyrt_syntax::Mode::Module)?;
    crate::eval::run_code(&code, &g, Some(l))?;
    Ok(args::none())
}

/// `eval(source, globals=None, locals=None)`.
pub fn builtin_eval(a: &[Obj], k: Option<&PyObject>) -> PyResult<Obj> {
    let slots = bind("eval", &["source", "globals", "locals"], a, k)?;
    let Some(source) = &slots[0] else {
        return Err(PyErr::type_error("eval expected at least 1 argument, got 0"));
    };
    if as_code(source).is_none() && str_value(source).is_none() {
        return Err(PyErr::type_error("eval() arg 1 must be a string, bytes or code object"));
    }
    let (g, l) = namespaces("eval", slots[1].as_ref(), slots[2].as_ref())?;
    let code = code_from("eval", source, "<string>", pyrt_syntax::Mode::Expression)?;
    crate::eval::run_code(&code, &g, Some(l))
}

/// Names as a list of str (for tests of `dir`).
#[cfg(test)]
fn texts(list: &PyObject) -> Vec<String> {
    crate::object::list::as_list(list)
        .expect("a list")
        .items()
        .iter()
        .filter_map(|o| str_value(o).map(str::to_owned))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::object::str::new_str;

    #[test]
    fn dir_of_a_module_is_its_sorted_names() {
        crate::state::Runtime::initialize();
        crate::attach(|_py| {
            let m = crate::object::module::new_module("m", false).unwrap();
            super::super::module_set(&m, "zeta", args::none()).unwrap();
            super::super::module_set(&m, "alpha", args::none()).unwrap();
            let names = builtin_dir(&[m], None).unwrap();
            assert_eq!(
                texts(&names),
                ["__doc__", "__loader__", "__name__", "__package__", "__spec__", "alpha", "zeta"]
            );
        });
    }

    #[test]
    fn eval_runs_in_the_given_namespace() {
        crate::state::Runtime::initialize();
        crate::attach(|_py| {
            let g = crate::object::dict::new_dict().unwrap();
            as_dict(&g).unwrap().set(new_str("x").unwrap(), crate::object::int::new_int(20).unwrap()).unwrap();
            let r = builtin_eval(&[new_str(" x * 2 + 2").unwrap(), g.clone()], None).unwrap();
            assert_eq!(ops::repr_text(&r).unwrap(), "42");
            assert!(as_dict(&g).unwrap().get_str(&intern("__builtins__").ob_base).is_some());
            let e = builtin_eval(&[new_str("x +").unwrap(), g], None).unwrap_err();
            assert!(e.matches(types().exc.named("SyntaxError")));
            assert!(parse_mode("nope").is_err());
        });
    }
}
