//! The `sys` module, one per interpreter, made on first use.
//!
//! Its dict holds the interpreter's import state (`sys.modules` is the table the import system
//! uses — rebinding the attribute does not replace that table, as in CPython — and `sys.path`,
//! which the import system reads from the dict at every import), the standard streams (text
//! files, see `object::textio`), the fixed facts about this build (`version`, `version_info`,
//! `hexversion`, `platform`, `byteorder`, `maxsize`, `maxunicode`, `implementation`,
//! `float_info`, `int_info`, `flags`, `builtin_module_names`, `executable`) and functions.
//! The facts and functions are immutable objects made once per process and shared by every
//! interpreter: a new `sys` dict is a copy of a per-process template (`sys_shared`) whose
//! per-interpreter entries then get this interpreter's containers and streams.
//!
//! Versions: pyrt runs CPython 3.13's language, so `version_info` is `(3, 13, 0, 'final', 0)`;
//! `sys.implementation.name` is `'pyrt'` (PEP 421: the name of the implementation, which code
//! uses to tell implementations apart), and its `cache_tag` is `None` (pyrt writes no bytecode
//! caches, which PEP 421 spells that way).
//!
//! The embedder (the `pyrt` command) sets `argv` and `path[0]` with [`configure_main`].

use super::sys_shared::STR_DIGITS_CHECK_THRESHOLD;
use super::{InterpModules, current_modules, module_set};
use crate::error::{PyErr, PyResult};
use crate::object::abstract_ops as ops;
use crate::object::builtin::{MethodDef, args};
use crate::object::dict::{as_dict, new_dict, new_dict_from_template};
use crate::object::float::new_float;
use crate::object::int::{new_bool, new_int};
use crate::object::list::{as_list, new_list};
use crate::object::module::module_get;
use crate::object::obj::Obj;
use crate::object::str::{new_str, str_value};
use crate::object::tuple::new_tuple;
use crate::object::{PyObject, intern, types};

/// The current interpreter's `sys` module.
pub fn sys_module() -> PyResult<Obj> {
    let m = current_modules();
    InterpModules::get_or_make(&m.sys_module, make_sys)
}

/// The current interpreter's table of imported modules (`sys.modules`).
pub fn modules_dict() -> PyResult<Obj> {
    let m = current_modules();
    InterpModules::get_or_make(&m.sys_modules, new_dict)
}

/// `sys.NAME` as the module's dict holds it (`None` when unset).
pub fn sys_attr(name: &str) -> PyResult<Option<Obj>> {
    let sys = sys_module()?;
    Ok(module_get(&sys, name))
}

/// Sets `sys.argv` and puts `path0` — the main script's directory, `''` for `-c`, stdin and the
/// prompt, the current directory for `-m` — first on `sys.path`, before the `PYTHONPATH`
/// entries (none with `use_pythonpath` false: `-E`, `-I`); `None` (isolated mode, `-I`) puts
/// nothing there.
pub fn configure_main(argv: &[String], path0: Option<&str>, use_pythonpath: bool) -> PyResult<()> {
    let sys = sys_module()?;
    let items: PyResult<Vec<Obj>> = argv.iter().map(|a| new_str(a)).collect();
    module_set(&sys, "argv", new_list(items?)?)?;
    let path = module_get(&sys, "path").expect("sys.path is made with sys");
    let l = as_list(&path).ok_or_else(|| PyErr::type_error("sys.path must be a list"))?;
    let mut entries = Vec::new();
    if let Some(dir) = path0 {
        entries.push(new_str(dir)?);
    }
    if use_pythonpath {
        entries.extend(l.items().iter().cloned());
    }
    l.replace(entries);
    Ok(())
}

/// Sets `sys.warnoptions` and, when there are any, makes the `warnings` module, which turns
/// them into filters.
pub fn configure_warnings(options: &[String]) -> PyResult<()> {
    let sys = sys_module()?;
    let items: PyResult<Vec<Obj>> = options.iter().map(|a| new_str(a)).collect();
    module_set(&sys, "warnoptions", new_list(items?)?)?;
    if !options.is_empty() {
        super::import::import_module_level(&*new_str("warnings")?, None, &args::none(), 0)?;
    }
    Ok(())
}

fn python_path() -> PyResult<Vec<Obj>> {
    let raw = std::env::var("PYTHONPATH").unwrap_or_default();
    raw.split(':').filter(|p| !p.is_empty()).map(new_str).collect()
}

/// A new `sys` module: a copy of the per-process template (`sys_shared`), with this
/// interpreter's own containers and streams stored in its per-interpreter entries.
fn make_sys() -> PyResult<Obj> {
    let shared = super::sys_shared::shared();
    let dict = new_dict_from_template(shared.dict)?;
    let m = crate::object::module::new_module_with_dict(dict.clone(), true)?;
    // `meta_path`, `path_hooks`, `path_importer_cache` and `__spec__` are made with the import
    // system's objects, when first used (`importlib`).
    crate::object::module::defer_import_state(&m);
    let modules = modules_dict()?;
    let table = as_dict(&modules).expect("sys.modules is a dict");
    table.set(Obj::new_ref(&intern("sys").ob_base), m.clone())?;
    table.set(Obj::new_ref(&intern("builtins").ob_base), super::builtins::builtins_module()?)?;
    let orig_argv = shared.orig_argv.iter().map(|&a| Obj::new_ref(a)).collect();
    let (stdin, stdout, stderr) = crate::object::textio::standard_streams()?;
    let values: [Obj; super::sys_shared::PER_INTERPRETER.len()] = [
        modules,
        new_list(python_path()?)?,
        new_list(vec![Obj::new_ref(shared.empty_str)])?,
        new_list(Vec::new())?,
        new_list(orig_argv)?,
        stdin.clone(),
        stdout.clone(),
        stderr.clone(),
        stdin,
        stdout,
        stderr,
    ];
    let d = as_dict(&dict).expect("a dict");
    for (&key, value) in shared.per_interpreter_keys.iter().zip(values) {
        d.set(Obj::new_ref(key), value)?;
    }
    Ok(m)
}

/// The interned module names of `sys.builtin_module_names` (an immortal tuple) and of
/// `sys.stdlib_module_names`.
pub(super) struct ModuleNames {
    pub(super) builtin_module_names: &'static PyObject,
    pub(super) stdlib: Vec<&'static PyObject>,
}
// SAFETY: immortal objects, shared by every thread and interpreter (incref and decref never
// write them).
unsafe impl Sync for ModuleNames {}
// SAFETY: as above.
unsafe impl Send for ModuleNames {}

/// [`ModuleNames`], made once per process (once per explored execution under loom, whose
/// objects' headers hold that execution's atomics): the ~300 names are interned once, not by
/// every interpreter.
pub(super) fn module_names() -> &'static ModuleNames {
    fn make() -> ModuleNames {
        let shared_name = |n: &str| Obj::new_ref(&intern(n).ob_base);
        let builtin = super::BUILTIN_MODULES.iter().map(|&(n, _)| shared_name(n)).collect();
        ModuleNames {
            builtin_module_names: crate::object::tuple::leak_tuple(types().tuple_type, builtin),
            stdlib: crate::object::suggestions::STDLIB_MODULE_NAMES.iter().map(|&n| &intern(n).ob_base).collect(),
        }
    }
    #[cfg(not(loom))]
    {
        static NAMES: std::sync::OnceLock<ModuleNames> = std::sync::OnceLock::new();
        NAMES.get_or_init(make)
    }
    #[cfg(loom)]
    {
        crate::sync::lazy_static! {
            static ref NAMES: ModuleNames = make();
        }
        &NAMES
    }
}

fn int_arg(fname: &str, v: &PyObject) -> PyResult<i64> {
    if v.type_object().is_subtype(types().float_type) {
        return Err(PyErr::type_error("'float' object cannot be interpreted as an integer"));
    }
    let _ = fname;
    Ok(ops::index_isize(v)? as i64)
}

/// The current interpreter's lock; `None` when it is free-threaded.
fn interpreter_lock() -> PyResult<Option<std::sync::Arc<crate::lock::InterpreterLock>>> {
    let ts = crate::state::thread_state::current().ok_or_else(|| PyErr::runtime_error("no thread state"))?;
    // SAFETY: the current thread state is attached on this thread.
    Ok(unsafe { ts.as_ref() }.interp_state().sched.lock.clone())
}

/// The switch interval of a free-threaded interpreter (no lock hands over; the value is kept so
/// programs that set and read it behave).
static FREE_SWITCH_INTERVAL: std::sync::Mutex<f64> = std::sync::Mutex::new(0.005);

/// Writes `text` to `sys.stderr` (nothing if it is `None` or missing; the process's stderr if
/// its `write` fails, as a last resort).
fn write_stderr(text: &str) {
    let target = sys_attr("stderr").ok().flatten().filter(|e| !e.is(crate::object::immortals().none));
    let Some(target) = target else { return };
    let written = if crate::object::textio::is_text_file(&target) {
        crate::object::textio::write_str(&target, text, true)
    } else {
        new_str(text).and_then(|t| {
            let write = ops::get_attr_str(&target, "write")?;
            ops::call(&write, &[t], None).map(drop)
        })
    };
    if written.is_err() {
        use std::io::Write;
        let _ = std::io::stderr().write_all(text.as_bytes());
    }
}

/// The `input([prompt])` builtin: the prompt on `sys.stdout` (flushed), then a line of
/// `sys.stdin` without its newline (`EOFError` at the end of input).
pub fn builtin_input(a: &[Obj], k: Option<&PyObject>) -> PyResult<Obj> {
    let a = args::exact("input", a, k, 0, 1)?;
    let stream = |name: &str| -> PyResult<Obj> {
        sys_attr(name)?
            .filter(|s| !s.is(crate::object::immortals().none))
            .ok_or_else(|| PyErr::runtime_error(format!("input(): lost sys.{name}")))
    };
    let (stdin, stdout) = (stream("stdin")?, stream("stdout")?);
    if let Some(err) = sys_attr("stderr")?.filter(|s| !s.is(crate::object::immortals().none)) {
        if let Ok(flush) = ops::get_attr_str(&err, "flush") {
            ops::call(&flush, &[], None)?;
        }
    }
    if let Some(prompt) = a.first() {
        let text = ops::str(prompt)?;
        let write = ops::get_attr_str(&stdout, "write")?;
        ops::call(&write, &[text], None)?;
    }
    let flush = ops::get_attr_str(&stdout, "flush")?;
    ops::call(&flush, &[], None)?;
    let readline = ops::get_attr_str(&stdin, "readline")?;
    let line = ops::call(&readline, &[], None)?;
    let text = str_value(&line).ok_or_else(|| PyErr::type_error("object.readline() returned non-string"))?;
    if text.is_empty() {
        return Err(crate::object::exceptions::raise_msg(types().exc.named("EOFError"), "EOF when reading a line"));
    }
    new_str(text.strip_suffix('\n').unwrap_or(text))
}

/// `sys.excepthook(type, value, traceback)` as CPython's default: the traceback and the
/// exception, on `sys.stderr`.
fn excepthook(a: &[Obj], k: Option<&PyObject>) -> PyResult<Obj> {
    let a = args::exact("excepthook", a, k, 3, 3)?;
    write_stderr(&crate::eval::traceback::format_exception(&a[1]));
    Ok(args::none())
}

/// Reports an exception nobody caught, as CPython's `PyErr_Display` path does: through
/// `sys.excepthook` (a hook that fails is reported, then the original exception).
pub fn print_uncaught(exc: &PyObject) {
    let hook = sys_attr("excepthook").ok().flatten();
    let Some(hook) = hook else {
        write_stderr("sys.excepthook is missing\n");
        write_stderr(&crate::eval::traceback::format_exception(exc));
        return;
    };
    let is_default = std::ptr::eq(hook.type_object(), types().builtin_function_type)
        // SAFETY: objects of the builtin function type are BuiltinFunction.
        && unsafe { hook.cast::<crate::object::builtin::BuiltinFunction>() }.def.name == "excepthook";
    if is_default {
        write_stderr(&crate::eval::traceback::format_exception(exc));
        return;
    }
    let ty = Obj::new_ref(exc.type_object().as_object());
    let tb = ops::get_attr_str(exc, "__traceback__").unwrap_or_else(|_| args::none());
    if let Err(e) = ops::call(&hook, &[ty, Obj::new_ref(exc), tb], None) {
        let hook_exc = e.into_object();
        write_stderr("Error in sys.excepthook:\n");
        write_stderr(&crate::eval::traceback::format_exception(&hook_exc));
        write_stderr("\nOriginal exception was:\n");
        write_stderr(&crate::eval::traceback::format_exception(exc));
    }
}

pub(super) static SYS_FUNCTIONS: &[MethodDef] = &[
    MethodDef::function("excepthook", excepthook),
    MethodDef::function("exit", |a, k| {
        let a = args::exact("exit", a, k, 0, 1)?;
        // `sys.exit(None)` raises `SystemExit()` (no args), as `PyErr_SetObject` does.
        let a = a.iter().filter(|v| !v.is(crate::object::immortals().none)).cloned().collect();
        let exc_args = new_tuple(a)?;
        let e = crate::object::exceptions::new_exception(types().exc.named("SystemExit"), exc_args)?;
        Err(PyErr::from_object(e))
    }),
    MethodDef::function("getrecursionlimit", |a, k| {
        args::exact("sys.getrecursionlimit", a, k, 0, 0)?;
        new_int(crate::eval::recursion_limit() as i64)
    }),
    MethodDef::function("setrecursionlimit", |a, k| {
        let a = args::exact("sys.setrecursionlimit", a, k, 1, 1)?;
        let n = int_arg("setrecursionlimit", &a[0])?;
        if n < 1 {
            return Err(PyErr::value_error("recursion limit must be greater or equal than 1"));
        }
        let depth = crate::eval::recursion_depth() as i64;
        if n <= depth {
            return Err(PyErr::recursion_error(&format!(
                "cannot set the recursion limit to {n} at the recursion depth {depth}: the limit is too low"
            )));
        }
        crate::eval::set_recursion_limit(n as usize);
        Ok(args::none())
    }),
    MethodDef::function("settrace", |a, k| {
        let a = args::exact("settrace", a, k, 1, 1)?;
        crate::eval::trace::settrace(&a[0])?;
        Ok(args::none())
    }),
    MethodDef::function("setprofile", |a, k| {
        let a = args::exact("setprofile", a, k, 1, 1)?;
        crate::eval::trace::setprofile(&a[0])?;
        Ok(args::none())
    }),
    MethodDef::function("gettrace", |a, k| {
        args::exact("gettrace", a, k, 0, 0)?;
        Ok(crate::eval::trace::gethook(false))
    }),
    MethodDef::function("getprofile", |a, k| {
        args::exact("getprofile", a, k, 0, 0)?;
        Ok(crate::eval::trace::gethook(true))
    }),
    MethodDef::function("_getframe", |a, k| {
        let a = args::exact("_getframe", a, k, 0, 1)?;
        let depth = match a.first() {
            Some(d) => int_arg("_getframe", d)?,
            None => 0,
        };
        let frame = if depth < 0 {
            crate::eval::frame_object::frame_at_depth(0)?
        } else {
            crate::eval::frame_object::frame_at_depth(depth as usize)?
        };
        frame.ok_or_else(|| PyErr::value_error("call stack is not deep enough"))
    }),
    MethodDef::function("exception", |a, k| {
        args::exact("sys.exception", a, k, 0, 0)?;
        Ok(crate::eval::current_exception().unwrap_or_else(args::none))
    }),
    MethodDef::function("exc_info", |a, k| {
        args::exact("sys.exc_info", a, k, 0, 0)?;
        match crate::eval::current_exception() {
            Some(e) => {
                let ty = Obj::new_ref(e.type_object().as_object());
                let tb = ops::get_attr_str(&e, "__traceback__")?;
                new_tuple(vec![ty, e, tb])
            }
            None => new_tuple(vec![args::none(), args::none(), args::none()]),
        }
    }),
    MethodDef::function("intern", |a, k| {
        let a = args::exact("sys.intern", a, k, 1, 1)?;
        let s = str_value(&a[0]).ok_or_else(|| {
            PyErr::type_error(format!("intern() argument must be str, not {}", a[0].type_object().name()))
        })?;
        if !std::ptr::eq(a[0].type_object(), types().str_type) {
            return Err(PyErr::type_error(format!("can't intern {}", a[0].type_object().name())));
        }
        Ok(Obj::new_ref(&intern(s).ob_base))
    }),
    MethodDef::function("getrefcount", |a, k| {
        let a = args::exact("sys.getrefcount", a, k, 1, 1)?;
        // CPython 3.13 reports immortal objects as 2**32 - 1 (`_Py_IMMORTAL_REFCNT`); otherwise
        // the count includes the argument's own reference, as here.
        if a[0].is_immortal() {
            return new_int(u32::MAX as i64);
        }
        new_int(a[0].refcnt() as i64)
    }),
    MethodDef::function("getsizeof", |a, k| {
        let pos = args::positional(a, k);
        if pos.is_empty() || pos.len() > 2 {
            return Err(PyErr::type_error(format!("getsizeof() takes at most 2 arguments ({} given)", pos.len())));
        }
        // `_PySys_GetSizeOf`: the object's `__sizeof__`, looked up as a special method; with a
        // default, a `TypeError` gives the default.
        let o = &pos[0];
        let size = || -> PyResult<Obj> {
            let Some(f) = crate::object::abstract_ops::lookup_special(o, "__sizeof__")? else {
                return Err(PyErr::type_error(format!("Type {} doesn't define __sizeof__", o.type_object().name())));
            };
            let r = crate::object::abstract_ops::call(&f, &[], None)?;
            if crate::object::int::as_int(&r).is_none() {
                return Err(PyErr::type_error("an integer is required"));
            }
            if crate::object::abstract_ops::index_isize(&r)? < 0 {
                return Err(PyErr::value_error("__sizeof__() should return >= 0"));
            }
            Ok(r)
        };
        match (size(), pos.get(1)) {
            (Err(e), Some(default)) if e.matches(crate::object::types().exc.named("TypeError")) => Ok(default.clone()),
            (r, _) => r,
        }
    }),
    MethodDef::function("getdefaultencoding", |a, k| {
        args::exact("sys.getdefaultencoding", a, k, 0, 0)?;
        new_str("utf-8")
    }),
    MethodDef::function("getfilesystemencoding", |a, k| {
        args::exact("sys.getfilesystemencoding", a, k, 0, 0)?;
        new_str("utf-8")
    }),
    MethodDef::function("getswitchinterval", |a, k| {
        args::exact("sys.getswitchinterval", a, k, 0, 0)?;
        match interpreter_lock()? {
            Some(l) => new_float(l.switch_interval().as_secs_f64()),
            None => new_float(*FREE_SWITCH_INTERVAL.lock().unwrap_or_else(|e| e.into_inner())),
        }
    }),
    MethodDef::function("setswitchinterval", |a, k| {
        let a = args::exact("sys.setswitchinterval", a, k, 1, 1)?;
        let v = super::math::real(&a[0])?;
        if v <= 0.0 || v.is_nan() {
            return Err(PyErr::value_error("switch interval must be strictly positive"));
        }
        match interpreter_lock()? {
            Some(l) => l.set_switch_interval(std::time::Duration::from_secs_f64(v.min(1e9))),
            None => *FREE_SWITCH_INTERVAL.lock().unwrap_or_else(|e| e.into_inner()) = v,
        }
        Ok(args::none())
    }),
    MethodDef::function("_is_gil_enabled", |a, k| {
        args::exact("sys._is_gil_enabled", a, k, 0, 0)?;
        Ok(new_bool(interpreter_lock()?.is_some()))
    }),
    MethodDef::function("get_int_max_str_digits", |a, k| {
        args::exact("sys.get_int_max_str_digits", a, k, 0, 0)?;
        new_int(super::int_max_str_digits() as i64)
    }),
    MethodDef::function("set_int_max_str_digits", |a, k| {
        const SIG: super::clinic::Signature = super::clinic::Signature {
            name: "set_int_max_str_digits",
            params: &["maxdigits"],
            posonly: 0,
            required: 1,
            maxpos: 1,
        };
        let b = super::clinic::bind(&SIG, a, k)?;
        let n = ops::index_isize(b[0].expect("required"))? as i64;
        if n != 0 && n < STR_DIGITS_CHECK_THRESHOLD {
            return Err(PyErr::value_error(format!("maxdigits must be 0 or larger than {STR_DIGITS_CHECK_THRESHOLD}")));
        }
        super::set_int_max_str_digits(n as usize);
        Ok(args::none())
    }),
];

#[cfg(test)]
mod tests {
    use super::*;

    /// Runs `source` as `__main__` in the attached interpreter; `Err` with the exception's text.
    fn run(source: &str) -> Result<(), String> {
        let code = pyrt_compile::compile(source, "<test>", pyrt_syntax::Mode::Module).map_err(|e| e.msg)?;
        crate::eval::run_module(code, "__main__", "<test>")
            .map(drop)
            .map_err(|e| crate::eval::traceback::format_exception(&e.into_object()))
    }

    #[test]
    fn every_interpreter_has_its_own_sys_and_modules() {
        use crate::state::{Interpreter, InterpreterConfig};
        crate::state::Runtime::initialize();
        let a = Interpreter::new(InterpreterConfig::isolated()).unwrap();
        let b = Interpreter::new(InterpreterConfig::isolated()).unwrap();
        a.attach(|_py| {
            run("import sys, math\nsys.marker = 'a'\nassert 'math' in sys.modules and sys.modules['sys'] is sys")
        })
        .unwrap()
        .unwrap();
        b.attach(|_py| {
            run("import sys\nassert not hasattr(sys, 'marker'), 'sys is shared'\nassert 'math' not in sys.modules")
        })
        .unwrap()
        .unwrap();
        a.attach(|_py| run("import sys\nassert sys.marker == 'a'")).unwrap().unwrap();
        a.destroy().unwrap();
        b.destroy().unwrap();
    }

    #[test]
    fn sys_has_its_facts_and_streams() {
        crate::state::Runtime::initialize();
        crate::attach(|_py| {
            let sys = sys_module().unwrap();
            assert!(sys.is(&sys_module().unwrap()));
            let vi = sys_attr("version_info").unwrap().unwrap();
            assert_eq!(
                ops::repr_text(&vi).unwrap(),
                "sys.version_info(major=3, minor=13, micro=0, releaselevel='final', serial=0)"
            );
            assert_eq!(ops::repr_text(&ops::get_attr_str(&vi, "minor").unwrap()).unwrap(), "13");
            let out = sys_attr("stdout").unwrap().unwrap();
            assert_eq!(ops::repr_text(&out).unwrap(), "<_io.TextIOWrapper name='<stdout>' mode='w' encoding='utf-8'>");
            assert_eq!(ops::repr_text(&sys).unwrap(), "<module 'sys' (built-in)>");
            let modules = sys_attr("modules").unwrap().unwrap();
            assert!(modules.is(&modules_dict().unwrap()));
        });
    }
}
