//! The builtins that work on namespaces and run code: `globals`, `locals`, `vars`, `dir`,
//! `compile`, `eval`, `exec`.
//!
//! Without explicit namespaces they use the calling frame's (the eval loop's caller view,
//! `eval::caller`): `globals()` is the frame's globals dict; `locals()` is a module or class
//! body's namespace, or in a function a fresh snapshot (PEP 667, CPython 3.13). `compile` runs
//! the project's compiler (`pyrt_compile::compile`) and gives a code object; `eval`/`exec` of
//! a string compile first (in `eval` mode leading spaces and tabs are stripped, as CPython does),
//! then run the code object in the namespaces, adding `__builtins__` to globals that lack it.

use pyrt_syntax::Mode;

use super::clinic::{Signature, bind};
use crate::error::{PyErr, PyResult};
use crate::object::abstract_ops::{self as ops, type_name};
use crate::object::builtin::args;
use crate::object::code::as_code;
use crate::object::dict::as_dict;
use crate::object::list::new_list;
use crate::object::obj::Obj;
use crate::object::str::{new_str, str_value};
use crate::object::{PyObject, immortals, intern, types};

fn is_none(o: &PyObject) -> bool {
    o.is(immortals().none)
}

/// `globals()`.
pub(crate) fn builtin_globals(a: &[Obj], k: Option<&PyObject>) -> PyResult<Obj> {
    args::exact("globals", a, k, 0, 0)?;
    crate::eval::caller_globals().ok_or_else(|| PyErr::runtime_error("globals(): no current frame"))
}

/// `locals()`.
pub(crate) fn builtin_locals(a: &[Obj], k: Option<&PyObject>) -> PyResult<Obj> {
    args::exact("locals", a, k, 0, 0)?;
    crate::eval::caller_locals()?.ok_or_else(|| PyErr::runtime_error("locals(): no current frame"))
}

/// `vars([object])`.
pub(crate) fn builtin_vars(a: &[Obj], k: Option<&PyObject>) -> PyResult<Obj> {
    let a = args::exact("vars", a, k, 0, 1)?;
    let Some(o) = a.first() else { return builtin_locals(&[], None) };
    match ops::get_attr_str(o, "__dict__") {
        Err(e) if e.matches(types().exc.named("AttributeError")) => {
            Err(PyErr::type_error("vars() argument must have __dict__ attribute"))
        }
        r => r,
    }
}

/// The keys of a mapping, for `dir`.
fn mapping_keys(m: &PyObject) -> PyResult<Vec<Obj>> {
    match as_dict(m) {
        Some(d) => Ok(d.items().into_iter().map(|(k, _)| k).collect()),
        None => ops::collect(m),
    }
}

/// `dir([object])`: sorted names.
pub(crate) fn builtin_dir(a: &[Obj], k: Option<&PyObject>) -> PyResult<Obj> {
    let a = args::exact("dir", a, k, 0, 1)?;
    let names = match a.first() {
        None => {
            let l = crate::eval::caller_locals()?.ok_or_else(|| PyErr::runtime_error("dir(): no current frame"))?;
            mapping_keys(&l)?
        }
        Some(o) => {
            // `_dir_object`: the type's `__dir__`, bound as a special method (a descriptor's
            // `__get__` runs; the instance's own attributes are not consulted).
            match ops::lookup_special(o, "__dir__")? {
                Some(f) => ops::collect(&*ops::call(&f, &[], None)?)?,
                None => crate::object::object_methods::default_dir(o)?,
            }
        }
    };
    let mut names = names;
    crate::object::list_methods::sort_items(&mut names, None, false)?;
    new_list(names)
}

/// The compile mode named by `compile()`'s third argument.
fn parse_mode(mode: &PyObject) -> PyResult<Mode> {
    match str_value(mode) {
        Some("exec") => Ok(Mode::Module),
        Some("eval") => Ok(Mode::Expression),
        Some("single") => Ok(Mode::Interactive),
        Some(_) => Err(PyErr::value_error("compile() mode must be 'exec', 'eval' or 'single'")),
        None => Err(PyErr::type_error(format!("compile() argument 'mode' must be str, not {}", type_name(mode)))),
    }
}

/// Compiles `source` to a code object, a compile error becoming `SyntaxError` with CPython's
/// `str()` (`msg (filename, line N)`).
fn compile_text(source: &str, filename: &str, mode: Mode) -> PyResult<Obj> {
    match pyrt_compile::compile_with_warnings(source, filename, mode) {
        // Like CPython, compiled strings are not registered as source: tracebacks through
        // them show no source line.
        Ok((code, warnings)) => {
            super::warnings::emit_syntax_warnings(&warnings, filename)?;
            crate::object::code::new_code(code)
        }
        Err(e) => Err(syntax_error_object(&e, filename)),
    }
}

/// The `SyntaxError` (or `IndentationError`) object for a compile error, made as CPython makes
/// it: `args` is `(msg, (filename, lineno, offset, text, end_lineno, end_offset))`, from which
/// the location attributes and `str()` (`msg (filename, line N)`) are read.
fn syntax_error_object(e: &pyrt_syntax::SyntaxError, filename: &str) -> PyErr {
    let t = types();
    let ty = if e.msg.contains("indent") { t.exc.named("IndentationError") } else { t.exc.named("SyntaxError") };
    let int = |v: i64| crate::object::int::new_int(v);
    let made = (|| {
        let details = crate::object::tuple::new_tuple(vec![
            new_str(filename)?,
            int(e.lineno as i64)?,
            int(e.offset as i64)?,
            e.text.as_deref().map_or_else(|| Ok(args::none()), new_str)?,
            int(e.end_lineno as i64)?,
            int(e.end_offset as i64)?,
        ])?;
        let exc_args = crate::object::tuple::new_tuple(vec![new_str(&e.msg)?, details])?;
        crate::object::exceptions::new_exception(ty, exc_args)
    })();
    match made {
        Ok(obj) => PyErr::from_object(obj),
        Err(failed) => failed,
    }
}

/// `compile(source, filename, mode, flags=0, dont_inherit=False, optimize=-1)`.
pub(crate) fn builtin_compile(a: &[Obj], k: Option<&PyObject>) -> PyResult<Obj> {
    const SIG: Signature = Signature {
        name: "compile",
        params: &["source", "filename", "mode", "flags", "dont_inherit", "optimize", "_feature_version"],
        posonly: 0,
        required: 3,
        maxpos: 6,
    };
    let bound = bind(&SIG, a, k)?;
    let (source, filename, mode) = (bound[0].expect("required"), bound[1].expect("required"), bound[2]);
    let mode = parse_mode(mode.expect("required"))?;
    if as_code(source).is_some() {
        return Ok(source.clone());
    }
    let filename =
        str_value(filename).map(str::to_owned).unwrap_or_else(|| ops::str_text(filename).unwrap_or_default());
    if let Some(bytes) = crate::object::bytes::bytes_value(source) {
        // Source bytes are decoded as a file's are: a BOM or a PEP 263 declaration, else UTF-8.
        let text = pyrt_syntax::decode_source(bytes).map_err(|e| super::import::syntax_error(&e, &filename))?;
        return compile_text(&text, &filename, mode);
    }
    let text =
        str_value(source).ok_or_else(|| PyErr::type_error("compile() arg 1 must be a string, bytes or AST object"))?;
    compile_text(text, &filename, mode)
}

/// Resolves `eval`/`exec`'s namespaces: explicit ones checked, missing ones from the caller.
fn namespaces(name: &str, globals: Option<&Obj>, locals: Option<&Obj>) -> PyResult<(Obj, Obj)> {
    let globals = globals.filter(|g| !is_none(g));
    let locals = locals.filter(|l| !is_none(l));
    if let Some(g) = globals {
        if as_dict(g).is_none() {
            return Err(PyErr::type_error(if name == "eval" {
                "globals must be a dict".to_owned()
            } else {
                format!("exec() globals must be a dict, not {}", type_name(g))
            }));
        }
    }
    if let Some(l) = locals {
        if l.type_object().mapping.subscript.is_none() {
            return Err(PyErr::type_error(if name == "eval" {
                "locals must be a mapping".to_owned()
            } else {
                format!("locals must be a mapping or None, not {}", type_name(l))
            }));
        }
    }
    let (g, l) = match (globals, locals) {
        (Some(g), Some(l)) => (g.clone(), l.clone()),
        (Some(g), None) => (g.clone(), g.clone()),
        (None, l) => {
            let g = crate::eval::caller_globals().ok_or_else(|| PyErr::runtime_error("no current frame"))?;
            let l = match l {
                Some(l) => l.clone(),
                None => crate::eval::caller_locals()?.unwrap_or_else(|| g.clone()),
            };
            (g, l)
        }
    };
    let gd = as_dict(&g).expect("checked");
    let key = intern("__builtins__");
    if gd.get_str(&key.ob_base).is_none() {
        gd.set(Obj::new_ref(&key.ob_base), super::builtins::builtins_module()?)?;
    }
    Ok((g, l))
}

/// `eval(source, /, globals=None, locals=None)` and
/// `exec(source, /, globals=None, locals=None, *, closure=None)`:
/// `(source, globals, locals, closure)`.
fn run_args<'a>(name: &str, a: &'a [Obj], k: Option<&'a PyObject>) -> PyResult<[Option<&'a Obj>; 4]> {
    const EVAL: Signature =
        Signature { name: "eval", params: &["source", "globals", "locals"], posonly: 1, required: 1, maxpos: 3 };
    const EXEC: Signature = Signature {
        name: "exec",
        params: &["source", "globals", "locals", "closure"],
        posonly: 1,
        required: 1,
        maxpos: 3,
    };
    let bound = bind(if name == "eval" { &EVAL } else { &EXEC }, a, k)?;
    Ok([bound[0], bound[1], bound[2], bound.get(3).copied().flatten().filter(|c| !is_none(c))])
}

/// `eval(source, globals=None, locals=None)`.
pub(crate) fn builtin_eval(a: &[Obj], k: Option<&PyObject>) -> PyResult<Obj> {
    let [source, globals, locals, _] = run_args("eval", a, k)?;
    let source = source.expect("checked");
    let (g, l) = namespaces("eval", globals, locals)?;
    let code = if as_code(source).is_some() {
        source.clone()
    } else {
        let text = str_value(source)
            .ok_or_else(|| PyErr::type_error("eval() arg 1 must be a string, bytes or code object"))?;
        compile_text(text.trim_start_matches([' ', '\t']), "<string>", Mode::Expression)?
    };
    if as_code(&code).is_some_and(|c| !c.code.freevars().is_empty()) {
        return Err(PyErr::type_error("code object passed to eval() may not contain free variables"));
    }
    crate::eval::run_code(&code, &g, Some(l))
}

/// `exec(source, globals=None, locals=None, *, closure=None)`.
pub(crate) fn builtin_exec(a: &[Obj], k: Option<&PyObject>) -> PyResult<Obj> {
    let [source, globals, locals, closure] = run_args("exec", a, k)?;
    let source = source.expect("checked");
    let (g, l) = namespaces("exec", globals, locals)?;
    let Some(code_obj) = as_code(source) else {
        if closure.is_some() {
            return Err(PyErr::type_error("closure can only be used when source is a code object"));
        }
        let text = str_value(source)
            .ok_or_else(|| PyErr::type_error("exec() arg 1 must be a string, bytes or code object"))?;
        let code = compile_text(text, "<string>", Mode::Module)?;
        crate::eval::run_code(&code, &g, Some(l))?;
        return Ok(args::none());
    };
    // A code object with free variables runs with the cells of `closure`, one per variable.
    let nfree = code_obj.code.freevars().len();
    if nfree == 0 {
        if closure.is_some() {
            return Err(PyErr::type_error("cannot use a closure with this code object"));
        }
        crate::eval::run_code(source, &g, Some(l))?;
        return Ok(args::none());
    }
    let cells_ok = closure.is_some_and(|c| {
        crate::object::tuple::is_tuple(c)
            && crate::object::tuple::items(c).len() == nfree
            && crate::object::tuple::items(c).iter().all(|x| crate::object::function::as_cell(x).is_some())
    });
    if !cells_ok {
        return Err(PyErr::type_error(format!("code object requires a closure of exactly length {nfree}")));
    }
    let name = new_str(&code_obj.code.name)?;
    let func = crate::object::function::new_function(source.clone(), g, crate::eval::builtins_dict()?, name)?;
    let f = crate::object::function::as_function(&func).expect("a function");
    f.closure.set(closure.cloned());
    crate::eval::run_class_body(&func, l)?;
    Ok(args::none())
}

/// `exit([code])` / `quit([code])`: raise `SystemExit(code)` (CPython's site-provided
/// `Quitter` objects, here plain functions).
pub(crate) fn builtin_exit(a: &[Obj], k: Option<&PyObject>) -> PyResult<Obj> {
    let a = args::exact("exit", a, k, 0, 1)?;
    let code = a.first().cloned().unwrap_or_else(args::none);
    let exc = crate::object::exceptions::new_exception(
        types().exc.named("SystemExit"),
        crate::object::tuple::new_tuple(vec![code])?,
    )?;
    Err(PyErr::from_object(exc))
}
