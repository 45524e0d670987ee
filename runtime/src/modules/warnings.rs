//! The `warnings` module and its core `_warnings` (CPython 3.13's `Python/_warnings.c` and
//! `Lib/warnings.py`), and [`warn`] / [`warn_explicit`] for warnings the runtime and the
//! compiler emit.
//!
//! **State** lives in the `warnings` module object of the interpreter (made on first use and
//! kept in `sys.modules`), read back at every warning as CPython's C core reads
//! `warnings.filters`, `warnings.defaultaction` and `warnings.onceregistry`: a program that
//! rebinds them (as `catch_warnings` does) changes what later warnings do.
//!
//! **A warning** (`warn(message, category, stacklevel)`) is placed at the Python frame
//! `stacklevel - 1` levels above the caller (frames whose file starts with one of
//! `skip_file_prefixes` do not count); that frame's globals give the module name
//! (`__name__`) and the per-module registry (`__warningregistry__`, made on demand).
//! `warn_explicit` then:
//! 1. keys the warning by `(text, category, lineno)`; a key already in the registry — whose
//!    `'version'` entry must equal the filters' version, else the registry is cleared — means
//!    "already shown here";
//! 2. walks `filters`, a list of `(action, message, category, module, lineno)` tuples, for the
//!    first whose message pattern matches the text, whose category is a superclass of the
//!    warning's, whose module pattern matches the module and whose line number is 0 or the
//!    warning's; without one, `defaultaction`;
//! 3. acts: `error` raises the warning, `ignore` drops it, `always` shows it, `default` shows
//!    it once per location, `module` once per module and `once` once per process (the last two
//!    through `(text, category)` keys in the registry or in `onceregistry`);
//! 4. shows it through the Python-level hooks, each replaceable: `_showwarnmsg(msg)` calls a
//!    replaced `showwarning(...)`, else `_showwarnmsg_impl(msg)` (what `catch_warnings(record=True)`
//!    swaps for `log.append`), which writes `_formatwarnmsg(msg)` — a replaced `formatwarning`,
//!    else "file:line: Category: message\n" and the stripped source line — to `sys.stderr`.
//!
//! Filter patterns are regular expressions matched at the start of the text (the message's
//! ignoring case), as `re.compile(...).match`; without an `re` module they are `_Pattern`
//! objects matched with the `regex` crate, whose syntax is Python's for everything but
//! look-around and backreferences. The classes `WarningMessage`, `catch_warnings` and
//! `_Pattern` are Python, in `warnings_classes.py`, run in the module's namespace when the
//! module is made. The filters' version is one counter for the process (CPython keeps one per
//! interpreter): a filter change in one interpreter makes every registry start afresh.

use std::collections::HashMap;
use std::sync::Mutex;
use std::sync::atomic::{AtomicI64, Ordering};

use super::clinic::{Signature, bind};
use super::new_builtin_module;
use crate::error::{PyErr, PyResult};
use crate::object::abstract_ops::{self as ops, type_name};
use crate::object::builtin::{MethodDef, args};
use crate::object::dict::{as_dict, new_dict};
use crate::object::int::{as_int, new_bool, new_int, small_value};
use crate::object::list::{as_list, new_list};
use crate::object::module::{module_dict, module_get};
use crate::object::obj::Obj;
use crate::object::str::{new_str, str_value};
use crate::object::tuple::{is_tuple, items, new_tuple};
use crate::object::typeobj::{TypeObject, as_type};
use crate::object::{PyObject, immortals, intern, types};

/// The filters' version: registries remember it and are cleared when it has changed.
static FILTERS_VERSION: AtomicI64 = AtomicI64::new(0);

/// The actions a filter may name.
const ACTIONS: [&str; 6] = ["error", "ignore", "always", "default", "module", "once"];

fn none() -> Obj {
    args::none()
}

fn is_none(o: &PyObject) -> bool {
    o.is(immortals().none)
}

fn key(name: &str) -> Obj {
    Obj::new_ref(&intern(name).ob_base)
}

/// `warnings`, made on first use in this interpreter.
fn warnings_module() -> PyResult<Obj> {
    super::import::import_builtin("warnings")
}

/// `warnings.NAME`, which must be there.
fn attr(m: &PyObject, name: &str) -> PyResult<Obj> {
    module_get(m, name).ok_or_else(|| PyErr::runtime_error(format!("warnings.{name} is missing")))
}

/// The `warnings` module, made on import.
pub fn make_module() -> PyResult<Obj> {
    let m = new_builtin_module("warnings", WARNINGS_FUNCTIONS)?;
    let exc = &types().exc;
    let filter = |action: &str, category: &str, module: Option<&str>| -> PyResult<Obj> {
        new_tuple(vec![
            new_str(action)?,
            none(),
            Obj::new_ref(exc.named(category).as_object()),
            match module {
                Some(m) => new_str(m)?,
                None => none(),
            },
            new_int(0)?,
        ])
    };
    let filters = new_list(vec![
        filter("default", "DeprecationWarning", Some("__main__"))?,
        filter("ignore", "DeprecationWarning", None)?,
        filter("ignore", "PendingDeprecationWarning", None)?,
        filter("ignore", "ImportWarning", None)?,
        filter("ignore", "ResourceWarning", None)?,
    ])?;
    let (action, once) = (new_str("default")?, new_dict()?);
    for (name, value) in [
        ("filters", filters),
        ("_defaultaction", action.clone()),
        ("defaultaction", action),
        ("_onceregistry", once.clone()),
        ("onceregistry", once),
    ] {
        super::module_set(&m, name, value)?;
    }
    for (alias, original) in [("_showwarning_orig", "showwarning"), ("_formatwarning_orig", "formatwarning")] {
        super::module_set(&m, alias, attr(&m, original)?)?;
    }
    let dict = module_dict(&m).expect("a module has a dict");
    let code = match pyrt_compile::compile(CLASSES_SOURCE, "<frozen warnings>", pyrt_syntax::Mode::Module) {
        Ok(code) => crate::object::code::new_code(code)?,
        Err(e) => return Err(PyErr::runtime_error(format!("warnings: {}", e.msg))),
    };
    crate::eval::run_code(&code, &dict, Some(dict.clone()))?;
    process_options(&m)?;
    Ok(m)
}

/// `_warnings`: the core's names, the same objects as `warnings`' at the time of import.
pub fn make_core_module() -> PyResult<Obj> {
    let w = warnings_module()?;
    let m = new_builtin_module("_warnings", CORE_FUNCTIONS)?;
    for name in ["filters", "_defaultaction", "_onceregistry"] {
        super::module_set(&m, name, attr(&w, name)?)?;
    }
    Ok(m)
}

const CLASSES_SOURCE: &str = include_str!("warnings_classes.py");

/// `sys.warnoptions` (from `-W` and `PYTHONWARNINGS`) as filters, as `warnings._processoptions`:
/// `action:message:category:module:lineno`, later options taking precedence.
fn process_options(m: &PyObject) -> PyResult<()> {
    let sys = super::import::import_builtin("sys")?;
    let Some(opts) = module_get(&sys, "warnoptions") else { return Ok(()) };
    let Some(list) = as_list(&opts) else { return Ok(()) };
    for opt in list.items().to_vec() {
        let Some(text) = str_value(&opt) else { continue };
        if let Err(e) = set_option(m, text) {
            if !e.matches(types().exc.named("ValueError")) {
                return Err(e);
            }
            let msg = e.object().map(|o| ops::str_text(o)).transpose()?.unwrap_or_default();
            write_stderr(&format!("Invalid -W option ignored: {msg}\n"))?;
        }
    }
    Ok(())
}

/// One `-W` option (`warnings._setoption`).
fn set_option(m: &PyObject, arg: &str) -> PyResult<()> {
    let parts: Vec<&str> = arg.split(':').collect();
    if parts.len() > 5 {
        return Err(PyErr::value_error(format!("too many fields (max 5): {}", pyrt_compile::PyStr::new(arg).repr())));
    }
    let field = |i: usize| parts.get(i).map_or("", |s| s.trim());
    let action = match field(0) {
        "" => "default",
        a => ACTIONS
            .iter()
            .copied()
            .chain(["all"])
            .find(|x| x.starts_with(a))
            .map(|x| if x == "all" { "always" } else { x })
            .ok_or_else(|| PyErr::value_error(format!("invalid action: {}", pyrt_compile::PyStr::new(a).repr())))?,
    };
    let category = match field(2) {
        "" => types().exc.named("Warning"),
        c => types().exc.get(c).filter(|t| t.is_subtype(types().exc.named("Warning"))).ok_or_else(|| {
            PyErr::value_error(format!("unknown warning category: {}", pyrt_compile::PyStr::new(c).repr()))
        })?,
    };
    let lineno = match field(4) {
        "" => 0,
        l => l
            .parse::<i64>()
            .ok()
            .filter(|n| *n >= 0)
            .ok_or_else(|| PyErr::value_error(format!("invalid lineno {}", pyrt_compile::PyStr::new(l).repr())))?,
    };
    let escape = |s: &str| regex::escape(s);
    let message = if field(1).is_empty() { none() } else { new_pattern(m, &escape(field(1)), true)? };
    let module = if field(3).is_empty() { none() } else { new_pattern(m, &format!("{}\\Z", escape(field(3))), false)? };
    let item =
        new_tuple(vec![new_str(action)?, message, Obj::new_ref(category.as_object()), module, new_int(lineno)?])?;
    add_filter(m, item, false)
}

/// A `_Pattern` of the module (a compiled filter regex).
fn new_pattern(m: &PyObject, pattern: &str, ignore_case: bool) -> PyResult<Obj> {
    compiled(pattern, ignore_case)?;
    let class = attr(m, "_Pattern")?;
    ops::call(&class, &[new_str(pattern)?, new_int(if ignore_case { 2 } else { 0 })?], None)
}

/// The compiled form of a filter pattern, cached.
fn compiled(pattern: &str, ignore_case: bool) -> PyResult<regex::Regex> {
    static CACHE: Mutex<Option<HashMap<(String, bool), regex::Regex>>> = Mutex::new(None);
    let mut cache = CACHE.lock().unwrap_or_else(|e| e.into_inner());
    let map = cache.get_or_insert_with(HashMap::new);
    if let Some(r) = map.get(&(pattern.to_owned(), ignore_case)) {
        return Ok(r.clone());
    }
    // Python's `\Z` is the end of the text, the `regex` crate's `\z`.
    let translated = pattern.replace("\\Z", "\\z");
    let r = regex::RegexBuilder::new(&format!("^(?:{translated})"))
        .case_insensitive(ignore_case)
        .build()
        .map_err(|e| PyErr::value_error(format!("bad warning filter pattern {pattern:?}: {e}")))?;
    map.insert((pattern.to_owned(), ignore_case), r.clone());
    Ok(r)
}

/// `_pattern_match(pattern, flags, text)`: whether the pattern matches at the start of `text`.
fn pattern_match(a: &[Obj], k: Option<&PyObject>) -> PyResult<Obj> {
    let a = args::exact("_pattern_match", a, k, 3, 3)?;
    let pattern = str_value(&a[0]).ok_or_else(|| PyErr::type_error("pattern must be a string"))?;
    let flags = small_value(&a[1]).unwrap_or(0);
    let text = str_value(&a[2]).ok_or_else(|| {
        PyErr::type_error(format!("expected string or bytes-like object, got '{}'", type_name(&a[2])))
    })?;
    Ok(new_bool(compiled(pattern, flags & 2 != 0)?.is_match(text)))
}

// ---- filters ------------------------------------------------------------------------------

fn check_action(action: &PyObject) -> PyResult<()> {
    if str_value(action).is_some_and(|a| ACTIONS.contains(&a)) {
        return Ok(());
    }
    Err(PyErr::value_error(format!("invalid action: {}", ops::repr_text(action)?)))
}

fn check_lineno(lineno: &PyObject) -> PyResult<()> {
    let Some(v) = as_int(lineno) else { return Err(PyErr::type_error("lineno must be an int")) };
    if v.to_big() < 0.into() {
        return Err(PyErr::value_error("lineno must be an int >= 0"));
    }
    Ok(())
}

/// `_add_filter(*item, append)`: to the front (moving an equal filter there), or to the end if
/// not already there.
fn add_filter(m: &PyObject, item: Obj, append: bool) -> PyResult<()> {
    let filters = attr(m, "filters")?;
    if append {
        if !ops::contains(&filters, &item)? {
            ops::call(&*ops::get_attr_str(&filters, "append")?, &[item], None)?;
        }
    } else {
        match ops::call(&*ops::get_attr_str(&filters, "remove")?, std::slice::from_ref(&item), None) {
            Err(e) if e.matches(types().exc.named("ValueError")) => {}
            r => drop(r?),
        }
        ops::call(&*ops::get_attr_str(&filters, "insert")?, &[new_int(0)?, item], None)?;
    }
    FILTERS_VERSION.fetch_add(1, Ordering::Relaxed);
    Ok(())
}

fn simplefilter(a: &[Obj], k: Option<&PyObject>) -> PyResult<Obj> {
    const SIG: Signature = Signature {
        name: "simplefilter",
        params: &["action", "category", "lineno", "append"],
        posonly: 0,
        required: 1,
        maxpos: 4,
    };
    let b = bind(&SIG, a, k)?;
    let action = b[0].expect("required");
    check_action(action)?;
    let lineno = b[2].cloned().map_or_else(|| new_int(0), Ok)?;
    check_lineno(&lineno)?;
    let category = b[1].cloned().unwrap_or_else(|| Obj::new_ref(types().exc.named("Warning").as_object()));
    let append = b[3].map_or(Ok(false), |x| ops::is_true(x))?;
    let item = new_tuple(vec![action.clone(), none(), category, none(), lineno])?;
    add_filter(&*warnings_module()?, item, append)?;
    Ok(none())
}

fn filterwarnings(a: &[Obj], k: Option<&PyObject>) -> PyResult<Obj> {
    const SIG: Signature = Signature {
        name: "filterwarnings",
        params: &["action", "message", "category", "module", "lineno", "append"],
        posonly: 0,
        required: 1,
        maxpos: 6,
    };
    let b = bind(&SIG, a, k)?;
    let action = b[0].expect("required");
    check_action(action)?;
    let text_arg = |v: Option<&Obj>, what: &str| -> PyResult<String> {
        match v {
            None => Ok(String::new()),
            Some(v) => {
                str_value(v).map(str::to_owned).ok_or_else(|| PyErr::type_error(format!("{what} must be a string")))
            }
        }
    };
    let message = text_arg(b[1], "message")?;
    let warning = types().exc.named("Warning");
    let category = b[2].cloned().unwrap_or_else(|| Obj::new_ref(warning.as_object()));
    if !as_type(&category).is_some_and(|t| t.is_subtype(warning)) {
        return Err(PyErr::type_error("category must be a Warning subclass"));
    }
    let module = text_arg(b[3], "module")?;
    let lineno = b[4].cloned().map_or_else(|| new_int(0), Ok)?;
    check_lineno(&lineno)?;
    let append = b[5].map_or(Ok(false), |x| ops::is_true(x))?;
    let m = warnings_module()?;
    let message = if message.is_empty() { none() } else { new_pattern(&m, &message, true)? };
    let module = if module.is_empty() { none() } else { new_pattern(&m, &module, false)? };
    let item = new_tuple(vec![action.clone(), message, category, module, lineno])?;
    add_filter(&m, item, append)?;
    Ok(none())
}

fn resetwarnings(a: &[Obj], k: Option<&PyObject>) -> PyResult<Obj> {
    args::exact("resetwarnings", a, k, 0, 0)?;
    let filters = attr(&*warnings_module()?, "filters")?;
    ops::set_item(&filters, &*new_slice_all()?, Some(&*new_list(Vec::new())?))?;
    FILTERS_VERSION.fetch_add(1, Ordering::Relaxed);
    Ok(none())
}

/// `[:]` as a slice object.
fn new_slice_all() -> PyResult<Obj> {
    crate::object::range::new_slice(none(), none(), none())
}

fn filters_mutated(a: &[Obj], k: Option<&PyObject>) -> PyResult<Obj> {
    args::exact("_filters_mutated", a, k, 0, 0)?;
    FILTERS_VERSION.fetch_add(1, Ordering::Relaxed);
    Ok(none())
}

// ---- warn ---------------------------------------------------------------------------------

/// Emits `message` as a warning of `category` placed `stacklevel` frames up (1: the running
/// Python code): what the runtime's own warnings go through (`PyErr_WarnEx`). An `Err` is the
/// warning turned into an exception by an `error` filter.
pub(crate) fn warn(category: &TypeObject, message: &str, stacklevel: isize) -> PyResult<()> {
    do_warn(&*new_str(message)?, &Obj::new_ref(category.as_object()), stacklevel, &[], None).map(drop)
}

/// The compiler's `SyntaxWarning`s for `filename`, in order (`PyErr_WarnExplicitObject` with no
/// module and no registry: each is shown unless a filter says otherwise). A warning that a
/// filter turns into an error becomes a `SyntaxError` at the token or node it is about, whose
/// text is the file's line (none for a string compiled under a made-up name), as the compiler's
/// `compiler_warn` does.
pub(crate) fn emit_syntax_warnings(warnings: &[pyrt_syntax::SyntaxWarning], filename: &str) -> PyResult<()> {
    let category = types().exc.named("SyntaxWarning");
    for w in warnings {
        match warn_explicit(category, &w.msg, filename, w.lineno as i64) {
            Err(e) if e.matches(category) => {
                let text = crate::eval::source_cache::get(filename)
                    .and_then(|src| src.lines().nth(w.lineno.saturating_sub(1)).map(|l| format!("{l}\n")));
                let error = pyrt_syntax::SyntaxError {
                    kind: pyrt_syntax::SyntaxErrorKind::SyntaxError,
                    msg: w.msg.clone(),
                    lineno: w.lineno as i32,
                    offset: w.offset as i32,
                    end_lineno: w.end_lineno as i32,
                    end_offset: w.end_offset as i32,
                    text,
                };
                return Err(super::import::syntax_error(&error, filename));
            }
            r => r?,
        }
    }
    Ok(())
}

/// "coroutine 'NAME' was never awaited" for a coroutine that goes away unstarted (what
/// `warnings._warn_unawaited_coroutine` does in CPython): a `RuntimeWarning` at the running
/// Python code, with the coroutine as its source.
pub(crate) fn warn_unawaited_coroutine(coro: &Obj, qualname: &str) -> PyResult<()> {
    let category = Obj::new_ref(types().exc.named("RuntimeWarning").as_object());
    let message = new_str(&format!("coroutine '{qualname}' was never awaited"))?;
    do_warn(&message, &category, 1, &[], Some(coro)).map(drop)
}

/// Emits a warning at an explicit location (`PyErr_WarnExplicitObject`): the compiler's
/// `SyntaxWarning`s. The module name comes from the file name; there is no registry.
pub(crate) fn warn_explicit(category: &TypeObject, message: &str, filename: &str, lineno: i64) -> PyResult<()> {
    let message = new_str(message)?;
    let category = Obj::new_ref(category.as_object());
    explicit(&message, &category, &*new_str(filename)?, lineno, None, None, None).map(drop)
}

/// `category` or the warning's own class, checked (`get_category`): a type object.
fn category_of(message: &PyObject, category: Option<&Obj>) -> PyResult<Obj> {
    let warning = types().exc.named("Warning");
    if message.type_object().is_subtype(warning) {
        return Ok(Obj::new_ref(message.type_object().as_object()));
    }
    let Some(c) = category.filter(|c| !is_none(c)) else {
        return Ok(Obj::new_ref(types().exc.named("UserWarning").as_object()));
    };
    match as_type(c) {
        Some(t) if t.is_subtype(warning) => Ok(c.clone()),
        _ => Err(PyErr::type_error(format!("category must be a Warning subclass, not '{}'", type_name(c)))),
    }
}

fn warn_function(a: &[Obj], k: Option<&PyObject>) -> PyResult<Obj> {
    const SIG: Signature = Signature {
        name: "warn",
        params: &["message", "category", "stacklevel", "source", "skip_file_prefixes"],
        posonly: 0,
        required: 1,
        maxpos: 4,
    };
    let b = bind(&SIG, a, k)?;
    let message = b[0].expect("required");
    let category = category_of(message, b[1])?;
    let stacklevel = match b[2] {
        Some(s) => ops::index_isize(s)?,
        None => 1,
    };
    let prefixes: Vec<String> = match b[4] {
        None => Vec::new(),
        Some(p) if is_tuple(p) => items(p)
            .iter()
            .map(|x| {
                str_value(x).map(str::to_owned).ok_or_else(|| {
                    PyErr::type_error(format!("Found non-str '{}' in skip_file_prefixes.", type_name(x)))
                })
            })
            .collect::<PyResult<_>>()?,
        Some(p) => {
            return Err(PyErr::type_error(format!(
                "warn() argument 'skip_file_prefixes' must be tuple, not {}",
                type_name(p)
            )));
        }
    };
    let stacklevel = if prefixes.is_empty() { stacklevel } else { stacklevel.max(2) };
    do_warn(message, &category, stacklevel, &prefixes, b[3].filter(|s| !is_none(s)))
}

/// `setup_context` + `warn_explicit`: the frame `stacklevel` levels up gives the location.
fn do_warn(
    message: &PyObject,
    category: &Obj,
    stacklevel: isize,
    skip_prefixes: &[String],
    source: Option<&Obj>,
) -> PyResult<Obj> {
    let mut depth = 0usize;
    let mut frame = crate::eval::frame_object::frame_at_depth(0)?;
    let mut level = stacklevel;
    while level > 1 {
        let Some(f) = frame else { break };
        depth += 1;
        frame = crate::eval::frame_object::frame_at_depth(depth)?;
        if let Some(next) = &frame {
            if !skip_prefixes.is_empty() && frame_file_starts_with(next, skip_prefixes)? {
                continue;
            }
        }
        drop(f);
        level -= 1;
    }
    let (globals, filename, lineno) = match &frame {
        Some(f) => {
            let code = ops::get_attr_str(f, "f_code")?;
            let lineno = ops::get_attr_str(f, "f_lineno")?;
            let lineno = small_value(&lineno).unwrap_or(0);
            (ops::get_attr_str(f, "f_globals")?, ops::get_attr_str(&code, "co_filename")?, lineno)
        }
        None => {
            let sys = super::import::import_builtin("sys")?;
            (module_dict(&sys).expect("a module has a dict"), new_str("<sys>")?, 0)
        }
    };
    let g = as_dict(&globals).ok_or_else(|| PyErr::type_error("frame globals must be a dict"))?;
    let registry = match g.get_str(&intern("__warningregistry__").ob_base) {
        Some(r) => r,
        None => {
            let r = new_dict()?;
            g.set(key("__warningregistry__"), r.clone())?;
            r
        }
    };
    let module = match g.get_str(&intern("__name__").ob_base) {
        Some(n) if is_none(&n) || str_value(&n).is_some() => n,
        _ => new_str("<string>")?,
    };
    explicit(message, category, &filename, lineno, Some(&module), Some(&registry), source)
}

fn frame_file_starts_with(frame: &PyObject, prefixes: &[String]) -> PyResult<bool> {
    let code = ops::get_attr_str(frame, "f_code")?;
    let file = ops::get_attr_str(&code, "co_filename")?;
    Ok(str_value(&file).is_some_and(|f| prefixes.iter().any(|p| f.starts_with(p.as_str()))))
}

fn warn_explicit_function(a: &[Obj], k: Option<&PyObject>) -> PyResult<Obj> {
    const SIG: Signature = Signature {
        name: "warn_explicit",
        params: &["message", "category", "filename", "lineno", "module", "registry", "module_globals", "source"],
        posonly: 0,
        required: 4,
        maxpos: 8,
    };
    let b = bind(&SIG, a, k)?;
    let message = b[0].expect("required");
    let category = category_of(message, b[1])?;
    let filename = b[2].expect("required");
    if str_value(filename).is_none() {
        return Err(PyErr::type_error(format!(
            "warn_explicit() argument 'filename' must be str, not {}",
            type_name(filename)
        )));
    }
    let lineno = b[3].expect("required");
    let lineno = small_value(lineno).ok_or_else(|| {
        PyErr::type_error(format!("'{}' object cannot be interpreted as an integer", type_name(lineno)))
    })?;
    let registry = b[5].filter(|r| !is_none(r));
    if registry.is_some_and(|r| as_dict(r).is_none()) {
        return Err(PyErr::type_error("'registry' must be a dict or None"));
    }
    explicit(message, &category, filename, lineno, b[4], registry, b[7].filter(|s| !is_none(s)))
}

/// `module` from a file name: without `.py`, `<unknown>` when empty (`normalize_module`).
fn module_of_filename(filename: &PyObject) -> PyResult<Obj> {
    let f = str_value(filename).unwrap_or("");
    match f {
        "" => new_str("<unknown>"),
        f => new_str(f.strip_suffix(".py").unwrap_or(f)),
    }
}

/// Whether `key` is in the registry under the current filters' version; with `set`, records it.
fn already_warned(registry: &PyObject, key: &Obj, set: bool) -> PyResult<bool> {
    let r = as_dict(registry).ok_or_else(|| PyErr::type_error("'registry' must be a dict or None"))?;
    let version = FILTERS_VERSION.load(Ordering::Relaxed);
    let current = r.get_str(&intern("version").ob_base).and_then(|v| small_value(&v));
    if current != Some(version) {
        r.clear();
        r.set(self::key("version"), new_int(version)?)?;
    } else if let Some(v) = r.get(key)? {
        if ops::is_true(&v)? {
            return Ok(true);
        }
    }
    if set {
        r.set(key.clone(), new_bool(true))?;
    }
    Ok(false)
}

/// `warn_explicit` (CPython's C core): registry, filters, action, then the show hooks.
fn explicit(
    message: &PyObject,
    category_obj: &Obj,
    filename: &PyObject,
    lineno: i64,
    module: Option<&Obj>,
    registry: Option<&Obj>,
    source: Option<&Obj>,
) -> PyResult<Obj> {
    let module = match module {
        Some(m) => m.clone(),
        None => module_of_filename(filename)?,
    };
    let category = as_type(category_obj).expect("a checked category");
    let (text, message) = if message.type_object().is_subtype(types().exc.named("Warning")) {
        (ops::str(message)?, Obj::new_ref(message))
    } else {
        (Obj::new_ref(message), ops::call(category_obj, &[Obj::new_ref(message)], None)?)
    };
    let lineno_obj = new_int(lineno)?;
    let full_key = new_tuple(vec![text.clone(), category_obj.clone(), lineno_obj.clone()])?;
    if let Some(r) = registry {
        if already_warned(r, &full_key, false)? {
            return Ok(none());
        }
    }
    let m = warnings_module()?;
    let (action, item) = find_action(&m, category, &text, lineno, &module)?;
    let action_text = str_value(&action).unwrap_or("");
    match action_text {
        "error" => return Err(PyErr::from_object(message)),
        "ignore" => return Ok(none()),
        _ => {}
    }
    if action_text != "always" {
        if let Some(r) = registry {
            as_dict(r).expect("checked").set(full_key, new_bool(true))?;
        }
        let short_key = || new_tuple(vec![text.clone(), category_obj.clone()]);
        let shown_before = match action_text {
            "once" => already_warned(&*attr(&m, "onceregistry")?, &short_key()?, true)?,
            "module" => match registry {
                Some(r) => already_warned(r, &short_key()?, true)?,
                None => false,
            },
            "default" => false,
            _ => {
                return Err(PyErr::runtime_error(format!(
                    "Unrecognized action ({}) in warnings.filters:\n {}",
                    ops::repr_text(&action)?,
                    match &item {
                        Some(i) => ops::repr_text(i)?,
                        None => "None".to_owned(),
                    }
                )));
            }
        };
        if shown_before {
            return Ok(none());
        }
    }
    let class = attr(&m, "WarningMessage")?;
    let msg = ops::call(
        &class,
        &[
            message,
            category_obj.clone(),
            Obj::new_ref(filename),
            lineno_obj,
            none(),
            none(),
            source.cloned().unwrap_or_else(none),
        ],
        None,
    )?;
    let show = attr(&m, "_showwarnmsg")?;
    if show.type_object().call.is_none() {
        return Err(PyErr::type_error("warnings._showwarnmsg() must be set to a callable"));
    }
    ops::call(&show, &[msg], None)?;
    Ok(none())
}

/// The first filter that matches, as `(action, filter)`; `defaultaction` and `None` otherwise.
fn find_action(
    m: &PyObject,
    category: &TypeObject,
    text: &PyObject,
    lineno: i64,
    module: &PyObject,
) -> PyResult<(Obj, Option<Obj>)> {
    let filters = attr(m, "filters")?;
    let list = as_list(&filters).ok_or_else(|| PyErr::value_error("_warnings.filters must be a list"))?;
    for (i, item) in list.items().to_vec().into_iter().enumerate() {
        if !is_tuple(&item) || items(&item).len() != 5 {
            return Err(PyErr::value_error(format!("_warnings.filters item {i} isn't a 5-tuple")));
        }
        let f = items(&item).to_vec();
        if str_value(&f[0]).is_none() {
            return Err(PyErr::type_error(format!("action must be a string, not '{}'", type_name(&f[0]))));
        }
        let category_ok = match as_type(&f[2]) {
            Some(t) => category.is_subtype(t),
            None => false,
        };
        let ln = small_value(&f[4]).ok_or_else(|| PyErr::type_error("filter lineno must be an int"))?;
        if matches(&f[1], text)? && category_ok && matches(&f[3], module)? && (ln == 0 || ln == lineno) {
            return Ok((f[0].clone(), Some(item)));
        }
    }
    let action = attr(m, "defaultaction")?;
    if str_value(&action).is_none() {
        return Err(PyErr::type_error(format!(
            "warnings.defaultaction must be a string, not '{}'",
            type_name(&action)
        )));
    }
    Ok((action, None))
}

/// `check_matched`: `None` matches everything, a `str` only itself, anything else by its
/// `match` method.
fn matches(pattern: &PyObject, arg: &PyObject) -> PyResult<bool> {
    if is_none(pattern) {
        return Ok(true);
    }
    if let Some(p) = str_value(pattern) {
        return Ok(str_value(arg) == Some(p));
    }
    let r = ops::call(&*ops::get_attr_str(pattern, "match")?, &[Obj::new_ref(arg)], None)?;
    ops::is_true(&r)
}

// ---- showing ------------------------------------------------------------------------------

fn msg_attr(msg: &PyObject, name: &str) -> PyResult<Obj> {
    ops::get_attr_str(msg, name)
}

/// `_showwarnmsg(msg)`: a replaced `showwarning`, else `_showwarnmsg_impl`.
fn showwarnmsg(a: &[Obj], k: Option<&PyObject>) -> PyResult<Obj> {
    let a = args::exact("_showwarnmsg", a, k, 1, 1)?;
    let msg = &a[0];
    let m = warnings_module()?;
    let show = attr(&m, "showwarning")?;
    if !show.is(&*attr(&m, "_showwarning_orig")?) {
        if show.type_object().call.is_none() {
            return Err(PyErr::type_error("warnings.showwarning() must be set to a function or method"));
        }
        let argv = ["message", "category", "filename", "lineno", "file", "line"]
            .iter()
            .map(|n| msg_attr(msg, n))
            .collect::<PyResult<Vec<_>>>()?;
        ops::call(&show, &argv, None)?;
        return Ok(none());
    }
    ops::call(&*attr(&m, "_showwarnmsg_impl")?, std::slice::from_ref(msg), None)?;
    Ok(none())
}

/// `_showwarnmsg_impl(msg)`: the formatted text to `msg.file` or `sys.stderr`.
fn showwarnmsg_impl(a: &[Obj], k: Option<&PyObject>) -> PyResult<Obj> {
    let a = args::exact("_showwarnmsg_impl", a, k, 1, 1)?;
    let msg = &a[0];
    let file = msg_attr(msg, "file")?;
    let text = formatwarnmsg_obj(msg)?;
    let target = if is_none(&file) {
        let sys = super::import::import_builtin("sys")?;
        match module_get(&sys, "stderr").filter(|s| !is_none(s)) {
            Some(s) => s,
            // No sys.stderr: the warning is lost.
            None => return Ok(none()),
        }
    } else {
        file
    };
    match ops::call(&*ops::get_attr_str(&target, "write")?, &[text], None) {
        // An invalid file: the warning is lost.
        Err(e) if e.matches(types().exc.named("OSError")) => {}
        r => drop(r?),
    }
    Ok(none())
}

fn write_stderr(text: &str) -> PyResult<()> {
    let sys = super::import::import_builtin("sys")?;
    if let Some(err) = module_get(&sys, "stderr").filter(|s| !is_none(s)) {
        ops::call(&*ops::get_attr_str(&err, "write")?, &[new_str(text)?], None)?;
    }
    Ok(())
}

/// `_formatwarnmsg(msg)`: a replaced `formatwarning`, else the standard text.
fn formatwarnmsg_obj(msg: &PyObject) -> PyResult<Obj> {
    let m = warnings_module()?;
    let fmt = attr(&m, "formatwarning")?;
    if !fmt.is(&*attr(&m, "_formatwarning_orig")?) {
        let argv = ["message", "category", "filename", "lineno", "line"]
            .iter()
            .map(|n| msg_attr(msg, n))
            .collect::<PyResult<Vec<_>>>()?;
        return ops::call(&fmt, &argv, None);
    }
    new_str(&format_text(msg)?)
}

/// `_formatwarnmsg_impl`: "file:line: Category: message\n" and the stripped source line.
fn format_text(msg: &PyObject) -> PyResult<String> {
    let category = msg_attr(msg, "category")?;
    let name = ops::str_text(&*ops::get_attr_str(&category, "__name__")?)?;
    let filename = msg_attr(msg, "filename")?;
    let lineno = msg_attr(msg, "lineno")?;
    let mut s = format!(
        "{}:{}: {name}: {}\n",
        ops::str_text(&filename)?,
        ops::str_text(&lineno)?,
        ops::str_text(&*msg_attr(msg, "message")?)?
    );
    let line = msg_attr(msg, "line")?;
    let line = if is_none(&line) {
        let n = small_value(&lineno).unwrap_or(0);
        str_value(&filename)
            .filter(|_| n > 0)
            .and_then(crate::eval::source_cache::get)
            .and_then(|src| src.lines().nth(n as usize - 1).map(str::to_owned))
    } else {
        Some(ops::str_text(&line)?)
    };
    if let Some(l) = line.as_deref().map(str::trim).filter(|l| !l.is_empty()) {
        s.push_str("  ");
        s.push_str(l);
        s.push('\n');
    }
    // There is no `tracemalloc` to say where the source object was allocated: CPython's
    // suggestion when it is not tracing.
    if !is_none(&*msg_attr(msg, "source")?) {
        s.push_str(&format!("{name}: Enable tracemalloc to get the object allocation traceback\n"));
    }
    Ok(s)
}

fn formatwarnmsg(a: &[Obj], k: Option<&PyObject>) -> PyResult<Obj> {
    let a = args::exact("_formatwarnmsg", a, k, 1, 1)?;
    formatwarnmsg_obj(&a[0])
}

fn formatwarnmsg_impl(a: &[Obj], k: Option<&PyObject>) -> PyResult<Obj> {
    let a = args::exact("_formatwarnmsg_impl", a, k, 1, 1)?;
    new_str(&format_text(&a[0])?)
}

/// A `WarningMessage` from `showwarning`/`formatwarning`'s arguments.
fn message_from(b: &[Option<&Obj>], file: Option<&Obj>, line: Option<&Obj>) -> PyResult<Obj> {
    let class = attr(&*warnings_module()?, "WarningMessage")?;
    let arg = |o: Option<&Obj>| o.cloned().unwrap_or_else(none);
    ops::call(&class, &[arg(b[0]), arg(b[1]), arg(b[2]), arg(b[3]), arg(file), arg(line)], None)
}

fn showwarning(a: &[Obj], k: Option<&PyObject>) -> PyResult<Obj> {
    const SIG: Signature = Signature {
        name: "showwarning",
        params: &["message", "category", "filename", "lineno", "file", "line"],
        posonly: 0,
        required: 4,
        maxpos: 6,
    };
    let b = bind(&SIG, a, k)?;
    let msg = message_from(&b, b[4], b[5])?;
    ops::call(&*attr(&*warnings_module()?, "_showwarnmsg_impl")?, &[msg], None)?;
    Ok(none())
}

fn formatwarning(a: &[Obj], k: Option<&PyObject>) -> PyResult<Obj> {
    const SIG: Signature = Signature {
        name: "formatwarning",
        params: &["message", "category", "filename", "lineno", "line"],
        posonly: 0,
        required: 4,
        maxpos: 5,
    };
    let b = bind(&SIG, a, k)?;
    let msg = message_from(&b, None, b[4])?;
    new_str(&format_text(&msg)?)
}

static WARNINGS_FUNCTIONS: &[MethodDef] = &[
    MethodDef::function("warn", warn_function),
    MethodDef::function("warn_explicit", warn_explicit_function),
    MethodDef::function("showwarning", showwarning),
    MethodDef::function("formatwarning", formatwarning),
    MethodDef::function("_showwarnmsg", showwarnmsg),
    MethodDef::function("_showwarnmsg_impl", showwarnmsg_impl),
    MethodDef::function("_formatwarnmsg", formatwarnmsg),
    MethodDef::function("_formatwarnmsg_impl", formatwarnmsg_impl),
    MethodDef::function("simplefilter", simplefilter),
    MethodDef::function("filterwarnings", filterwarnings),
    MethodDef::function("resetwarnings", resetwarnings),
    MethodDef::function("_filters_mutated", filters_mutated),
    MethodDef::function("_pattern_match", pattern_match),
];

static CORE_FUNCTIONS: &[MethodDef] = &[
    MethodDef::function("warn", warn_function),
    MethodDef::function("warn_explicit", warn_explicit_function),
    MethodDef::function("_filters_mutated", filters_mutated),
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn patterns_match_at_the_start_and_the_message_ignoring_case() {
        let r = compiled("dep", true).unwrap();
        assert!(r.is_match("Deprecated thing"));
        assert!(!r.is_match("not deprecated"));
        let m = compiled("pkg\\.mod\\Z", false).unwrap();
        assert!(m.is_match("pkg.mod"));
        assert!(!m.is_match("pkg.module"));
    }

    #[test]
    fn an_error_filter_turns_the_runtime_warning_into_its_exception() {
        crate::state::Runtime::initialize();
        crate::attach(|_py| {
            let m = warnings_module().unwrap();
            set_option(&m, "error::RuntimeWarning").unwrap();
            let e = warn(types().exc.named("RuntimeWarning"), "boom", 1).unwrap_err();
            assert!(e.matches(types().exc.named("RuntimeWarning")));
            assert_eq!(crate::object::exceptions::message_text(&e.into_object()), "boom");
            // A category the option does not name is not affected: the default action applies
            // (shown once, no error).
            set_option(&m, "ignore::SyntaxWarning").unwrap();
            warn_explicit(types().exc.named("SyntaxWarning"), "quiet", "x.py", 1).unwrap();
            let bad = set_option(&m, "frobnicate").unwrap_err();
            assert!(bad.matches(types().exc.named("ValueError")));
        });
    }
}
