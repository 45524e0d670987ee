//! The import system: `__import__`, and what `IMPORT_NAME`, `IMPORT_FROM` and `from m import *`
//! do — CPython 3.13's `importlib._bootstrap._find_and_load` and `_handle_fromlist` written out
//! in Rust.
//!
//! **`import_module_level(name, globals, fromlist, level)`** (`PyImport_ImportModuleLevelObject`):
//! 1. a relative import (`level > 0`) resolves against the importing module's package
//!    (`__package__`, else `__name__` — itself if it is a package, i.e. has `__path__` — else
//!    its parent), dropping `level - 1` trailing components;
//! 2. `find_and_load(abs_name)`: a module already in the interpreter's table (`sys.modules`)
//!    is returned as is — a partially initialised one too, which is what makes circular imports
//!    work; otherwise the parent package is imported first and the child is looked for on the
//!    parent's `__path__` by the finders of `sys.meta_path` (`import_finders`: the default
//!    `BuiltinImporter`, `FrozenImporter` and `PathFinder` run in Rust, a user's finder is
//!    called and the spec it returns loaded by its loader through `_frozen_importlib`);
//! 3. loading makes the module (`__name__`, `__package__`, `__loader__` and `__spec__` — a
//!    `SourceFileLoader` and a `ModuleSpec` from `_frozen_importlib`, see `importlib` —,
//!    `__path__` for a package (the spec's `submodule_search_locations`), `__file__`,
//!    `__cached__` (`None`: no bytecode cache), `__builtins__`); a module written in Rust gets a
//!    spec whose loader is `BuiltinImporter`. It puts the module in the table
//!    *before* running its code, runs the code with the module dict as globals, and on error
//!    removes it from the table again. The table's entry afterwards is the result (a module
//!    may replace itself in `sys.modules`), bound as an attribute of its parent package;
//! 4. the value: with no `fromlist`, the top-level package of the name (`import a.b.c` binds
//!    `a`); with one, the module itself, after importing each `fromlist` name that is a
//!    submodule of a package (`_handle_fromlist`, `*` through `__all__`).
//!
//! **`import_from(module, name)`**: the attribute, else the submodule `module.name` from the
//! table, else CPython 3.13's `ImportError` ("cannot import name 'x' from 'y' (path)", or "from
//! partially initialized module 'y' (most likely due to a circular import)" while `y` runs).
//!
//! **Differences from CPython**: no namespace packages; no bytecode caches; source files are UTF-8 or PEP 263-declared. CPython 3.13 hides the importlib frames
//! of a failing import from tracebacks, so the traceback printed here (the import line, then
//! the failing module's lines) is the one CPython prints.

use std::sync::Arc;

use super::import_finders::{Found, Located};

use crate::error::{PyErr, PyResult};
use crate::object::abstract_ops as ops;
use crate::object::dict::as_dict;
use crate::object::exceptions::new_exception;
use crate::object::module::{as_module, module_dict, module_get, module_name, new_module};
use crate::object::obj::Obj;
use crate::object::str::{new_str, str_value};
use crate::object::tuple::new_tuple;
use crate::object::{PyObject, immortals, intern, types};

fn none() -> Obj {
    Obj::new_ref(immortals().none)
}

fn is_none(o: &PyObject) -> bool {
    o.is(immortals().none)
}

fn key(name: &str) -> Obj {
    Obj::new_ref(&intern(name).ob_base)
}

/// An `ImportError` (or subclass `class_name`) with `msg`, `name` and `path` set.
pub(super) fn import_error(class_name: &str, msg: &str, name: Option<&str>, path: Option<Obj>) -> PyErr {
    let made = (|| -> PyResult<Obj> {
        let e = new_exception(types().exc.named(class_name), new_tuple(vec![new_str(msg)?])?)?;
        if let Some(n) = name {
            let n = new_str(n)?;
            ops::set_attr(&e, &key("name"), Some(&n))?;
        }
        if let Some(p) = path {
            ops::set_attr(&e, &key("path"), Some(&p))?;
        }
        Ok(e)
    })();
    match made {
        Ok(e) => PyErr::from_object(e),
        Err(e) => e,
    }
}

fn module_not_found(name: &str) -> PyErr {
    import_error("ModuleNotFoundError", &format!("No module named '{name}'"), Some(name), None)
}

/// `sys.modules[name]`, if present.
fn cached(name: &str) -> PyResult<Option<Obj>> {
    let modules = super::sys::modules_dict()?;
    as_dict(&modules).expect("sys.modules is a dict").get(&*new_str(name)?)
}

/// The `__import__` builtin: `__import__(name, globals=None, locals=None, fromlist=(), level=0)`.
pub fn builtin_import(argv: &[Obj], kwnames: Option<&PyObject>) -> PyResult<Obj> {
    const NAMES: [&str; 5] = ["name", "globals", "locals", "fromlist", "level"];
    let mut slots: [Option<Obj>; 5] = Default::default();
    let pos = crate::object::builtin::args::positional(argv, kwnames);
    if pos.len() > 5 {
        return Err(PyErr::type_error(format!("__import__() takes at most 5 arguments ({} given)", pos.len())));
    }
    for (i, v) in pos.iter().enumerate() {
        slots[i] = Some(v.clone());
    }
    for (k, v) in crate::object::builtin::args::keywords(argv, kwnames) {
        let Some(i) = NAMES.iter().position(|n| *n == k) else {
            return Err(PyErr::type_error(format!("__import__() got an unexpected keyword argument '{k}'")));
        };
        slots[i] = Some(v.clone());
    }
    let Some(name) = slots[0].clone() else {
        return Err(PyErr::type_error("__import__() missing required argument 'name' (pos 1)"));
    };
    let level = match &slots[4] {
        Some(l) => ops::index_isize(l)?,
        None => 0,
    };
    let fromlist = slots[3].clone().unwrap_or_else(none);
    import_module_level(&name, slots[1].as_deref(), &fromlist, level)
}

/// `IMPORT_NAME`: the `__import__` of the frame's builtins (the override, if one was
/// installed), called with the frame's globals and locals.
pub fn import_name(
    name: &PyObject,
    globals: &PyObject,
    locals: Option<&PyObject>,
    builtins: &PyObject,
    fromlist: &PyObject,
    level: &PyObject,
) -> PyResult<Obj> {
    let import = as_dict(builtins).and_then(|d| d.get_str(&intern("__import__").ob_base));
    let Some(import) = import else {
        return Err(crate::object::exceptions::raise_msg(types().exc.named("ImportError"), "__import__ not found"));
    };
    let is_builtin = std::ptr::eq(import.type_object(), types().builtin_function_type)
        // SAFETY: objects of the builtin function type are BuiltinFunction.
        && unsafe { import.cast::<crate::object::builtin::BuiltinFunction>() }.def.name == "__import__";
    if is_builtin {
        return import_module_level(name, Some(globals), fromlist, ops::index_isize(level)?);
    }
    let locals = locals.map_or_else(none, Obj::new_ref);
    ops::call(
        &import,
        &[Obj::new_ref(name), Obj::new_ref(globals), locals, Obj::new_ref(fromlist), Obj::new_ref(level)],
        None,
    )
}

/// `PyImport_ImportModuleLevelObject`; see the module docs.
pub fn import_module_level(
    name: &PyObject,
    globals: Option<&PyObject>,
    fromlist: &PyObject,
    level: isize,
) -> PyResult<Obj> {
    let Some(name) = str_value(name) else {
        return Err(PyErr::type_error("module name must be a string"));
    };
    if level < 0 {
        return Err(PyErr::value_error("level must be >= 0"));
    }
    let abs_name = if level > 0 {
        resolve_relative(name, globals, level as usize)?
    } else {
        if name.is_empty() {
            return Err(PyErr::value_error("Empty module name"));
        }
        name.to_owned()
    };
    let module = find_and_load(&abs_name)?;
    let has_from = !is_none(fromlist) && ops::is_true(fromlist)?;
    if !has_from {
        if level == 0 || !name.is_empty() {
            // The module of the first component, relative to the resolved name.
            let first = name.split('.').next().unwrap_or(name);
            if level == 0 {
                return find_and_load(first);
            }
            let cut = abs_name.len() - (name.len() - first.len());
            return find_and_load(&abs_name[..cut]);
        }
        return Ok(module);
    }
    if module_get(&module, "__path__").is_some() {
        handle_fromlist(&module, fromlist, false)?;
    }
    Ok(module)
}

/// `_calc___package__` and `_resolve_name`.
fn resolve_relative(name: &str, globals: Option<&PyObject>, level: usize) -> PyResult<String> {
    let get = |k: &str| globals.and_then(as_dict).and_then(|d| d.get_str(&intern(k).ob_base));
    let package = match get("__package__").filter(|p| !is_none(p)) {
        Some(p) => match str_value(&p) {
            Some(s) => s.to_owned(),
            None => return Err(PyErr::type_error("package must be a string")),
        },
        None => match get("__name__") {
            Some(n) => {
                let n = str_value(&n).ok_or_else(|| PyErr::type_error("__name__ must be a string"))?.to_owned();
                if get("__path__").is_some() {
                    n
                } else {
                    n.rsplit_once('.').map_or(String::new(), |(p, _)| p.to_owned())
                }
            }
            None => String::new(),
        },
    };
    if globals.is_none() && package.is_empty() {
        return Err(import_error("ImportError", "attempted relative import with no known parent package", None, None));
    }
    if package.is_empty() {
        return Err(import_error("ImportError", "attempted relative import with no known parent package", None, None));
    }
    let bits: Vec<&str> = package.rsplitn(level, '.').collect();
    if bits.len() < level {
        return Err(import_error("ImportError", "attempted relative import beyond top-level package", None, None));
    }
    let base = bits.last().copied().unwrap_or("");
    Ok(if name.is_empty() { base.to_owned() } else { format!("{base}.{name}") })
}

/// `PyImport_ImportModule(name)` for the object layer's import seam
/// (`object::import_seam`): the module named `name`, imported if it is not in the table.
pub(crate) fn import_top_level(name: &str) -> PyResult<Obj> {
    find_and_load(name)
}

/// A module written in Rust, from the table or made now, without asking `sys.meta_path`: what
/// the runtime uses for `warnings` and `sys` (CPython's C code reaches them without an import,
/// so a warning about the import system — `sys.meta_path is empty` — cannot recurse into it).
pub(crate) fn import_builtin(name: &str) -> PyResult<Obj> {
    if let Some(m) = cached(name)?.filter(|m| !is_none(m)) {
        return Ok(m);
    }
    let make = super::imp::builtin_maker(name).ok_or_else(|| module_not_found(name))?;
    load_builtin(name, make)
}

/// Makes a module written in Rust and puts it in the table with its spec.
fn load_builtin(name: &str, make: super::MakeModule) -> PyResult<Obj> {
    let m = make()?;
    let modules = super::sys::modules_dict()?;
    as_dict(&modules).expect("a dict").set(new_str(name)?, m.clone())?;
    if super::importlib::is_made()? {
        super::importlib::set_builtin_spec(&m, name)?;
    } else {
        // Its spec comes with the import system's objects, when something asks for them.
        crate::object::module::defer_import_state(&m);
    }
    Ok(m)
}

/// `_find_and_load`: the table's module, or the module found (`import_finders::find`, over
/// `sys.meta_path`) and loaded now.
fn find_and_load(name: &str) -> PyResult<Obj> {
    // `PyImport_ImportModuleLevelObject`: a module in the table is the result without the
    // import system's Python objects (`sys.meta_path` is not asked).
    if let Some(m) = cached(name)? {
        if is_none(&m) {
            return Err(import_error(
                "ModuleNotFoundError",
                &format!("import of {name} halted; None in sys.modules"),
                Some(name),
                None,
            ));
        }
        if !super::importlib::is_made()? && main_loader_pending()? {
            super::importlib::bootstrap()?;
        }
        ensure_initialized(&m)?;
        return Ok(m);
    }
    if !super::importlib::is_made()? {
        // Until the import system's objects are made nothing can have changed `sys.meta_path`
        // (reading or writing it makes them), so its first finder would be `BuiltinImporter`:
        // a module written in Rust is made without them (`_imp` is theirs).
        if let Some(make) = super::imp::builtin_maker(name).filter(|_| name != "_imp") {
            if !main_loader_pending()? {
                return load_builtin(name, make);
            }
        }
        // They give `sys`, `builtins` and every module made from now on its `__spec__`.
        super::importlib::bootstrap()?;
        if let Some(m) = cached(name)? {
            return Ok(m);
        }
    }
    let (parent, child) = match name.rsplit_once('.') {
        Some((p, c)) => (Some(p), c),
        None => (None, name),
    };
    let mut parent_module = None;
    let mut search_path = None;
    if let Some(p) = parent {
        // The table's parent (`None` too: it has no `__path__`), else the parent imported now.
        let pm = match cached(p)? {
            Some(pm) => pm,
            None => {
                let pm = find_and_load(p)?;
                // Importing the parent may have imported the child.
                if let Some(m) = cached(name)? {
                    return Ok(m);
                }
                pm
            }
        };
        search_path = Some(match ops::get_attr_str(&pm, "__path__") {
            Ok(path) => path,
            Err(e) if e.matches(types().exc.named("AttributeError")) => {
                return Err(import_error(
                    "ModuleNotFoundError",
                    &format!("No module named '{name}'; '{p}' is not a package"),
                    Some(name),
                    None,
                ));
            }
            Err(e) => return Err(e),
        });
        parent_module = Some(pm);
    }
    let finders = super::importlib::Finders::current()?;
    let module = match super::import_finders::find(name, search_path.as_deref(), &finders)? {
        None => return Err(module_not_found(name)),
        Some(Located::Builtin(make)) => load_builtin(name, make)?,
        Some(Located::Source(found)) => load_source(name, parent, &found)?,
        Some(Located::Spec(spec)) => finders.load_spec(&spec)?,
    };
    if let Some(pm) = parent_module {
        ops::set_attr(&pm, &*new_str(child)?, Some(&module))?;
    }
    Ok(module)
}

/// Whether `__main__`'s `__loader__` still waits for the import system's objects (CPython sets
/// it at start-up; pyrt when they are made). A program reads it as a global, where nothing can
/// make it on demand, so the first import makes them while it waits, as CPython's would have
/// been made by then.
fn main_loader_pending() -> PyResult<bool> {
    let Some(main) = cached("__main__")? else {
        return Ok(false);
    };
    Ok(as_module(&main).is_some() && module_get(&main, "__loader__").is_none_or(|l| is_none(&l)))
}

/// `import_ensure_initialized`: reads `module.__spec__._initializing` as CPython does before
/// it returns a module from the table (an error reading either is the import's error). True
/// would make CPython wait on the module's import lock; pyrt has none (see DESIGN.md), so the
/// value itself is not used. A module whose spec is not made yet (`defer_import_state`) has
/// none that could be initialising, and is not asked (asking would make the import system).
fn ensure_initialized(module: &PyObject) -> PyResult<()> {
    if as_module(module).is_some_and(|m| m.import_state_pending.load(crate::sync::Ordering::Acquire)) {
        return Ok(());
    }
    let Some(spec) = optional_attr(module, "__spec__")? else {
        return Ok(());
    };
    if let Some(initializing) = optional_attr(&spec, "_initializing")? {
        ops::is_true(&initializing)?;
    }
    Ok(())
}

/// `PyObject_GetOptionalAttr`: `o.name`, `None` when it has none. An object with the generic
/// protocol and no such class attribute or instance entry answers without an `AttributeError`
/// being made (`import sys` in a loop reads the `_initializing` that `sys.__spec__` lacks).
fn optional_attr(o: &PyObject, name: &str) -> PyResult<Option<Obj>> {
    let ty = o.type_object();
    let generic =
        std::ptr::fn_addr_eq(ty.getattro, crate::object::attr::generic_getattr as crate::object::typeobj::GetattroFn);
    if generic && crate::object::attr::lookup_str(ty, name).is_none() {
        let dict = crate::object::attr::instance_dict(o)?;
        return Ok(dict.as_deref().and_then(as_dict).and_then(|d| d.get_str(&intern(name).ob_base)));
    }
    match ops::get_attr_str(o, name) {
        Ok(v) => Ok(Some(v)),
        Err(e) if e.matches(types().exc.named("AttributeError")) => Ok(None),
        Err(e) => Err(e),
    }
}

/// Compiles and runs a module's source (the loader's `exec_module`), see the module docs.
fn load_source(name: &str, parent: Option<&str>, found: &Found) -> PyResult<Obj> {
    let filename = found.file.display().to_string();
    let bytes = std::fs::read(&found.file).map_err(|e| crate::object::textio::os_error(&e, Some(&filename)))?;
    let source = pyrt_syntax::decode_source(&bytes).map_err(|e| syntax_error(&e, &filename))?.into_owned();
    let (code, warnings): (Arc<pyrt_compile::CodeObject>, _) =
        pyrt_compile::compile_with_warnings(&source, &filename, pyrt_syntax::Mode::Module)
            .map_err(|e| syntax_error(&e, &filename))?;
    crate::eval::source_cache::insert(&filename, &source);
    super::warnings::emit_syntax_warnings(&warnings, &filename)?;
    let module = new_module(name, false)?;
    let dict = module_dict(&module).expect("a module has a dict");
    let d = as_dict(&dict).expect("a dict");
    // CPython's order: __name__, __doc__, __package__, __loader__, __spec__, [__path__],
    // __file__, __cached__, __builtins__.
    let package_dir = found.package_dir.as_ref().map(|dir| dir.display().to_string());
    let spec = super::importlib::source_spec(name, &filename, package_dir.as_deref())?;
    match &package_dir {
        Some(_) => d.set(key("__package__"), new_str(name)?)?,
        None => d.set(key("__package__"), new_str(parent.unwrap_or(""))?)?,
    }
    d.set(key("__loader__"), spec.loader)?;
    d.set(key("__spec__"), spec.spec.clone())?;
    if let Some(path) = spec.search_locations {
        d.set(key("__path__"), path)?;
    }
    d.set(key("__file__"), new_str(&filename)?)?;
    // The spec's `cached`: no bytecode cache (`sys.implementation.cache_tag` is `None`).
    d.set(key("__cached__"), none())?;
    d.set(key("__builtins__"), super::builtins::builtins_module()?)?;
    let modules = super::sys::modules_dict()?;
    let table = as_dict(&modules).expect("a dict");
    let name_obj = new_str(name)?;
    table.set(name_obj.clone(), module.clone())?;
    let code = crate::object::code::new_code(code)?;
    if let Some(m) = as_module(&module) {
        m.initializing.set(true);
    }
    let initializing = key("_initializing");
    ops::set_attr(&spec.spec, &initializing, Some(&crate::object::int::new_bool(true)))?;
    let ran = crate::eval::run_code(&code, &dict, Some(dict.clone()));
    if let Some(m) = as_module(&module) {
        m.initializing.set(false);
    }
    let cleared = ops::set_attr(&spec.spec, &initializing, Some(&crate::object::int::new_bool(false)));
    if let Err(e) = ran {
        table.remove(&name_obj)?;
        return Err(e);
    }
    cleared?;
    // The table's entry is the result: a module may have replaced itself there.
    match table.get(&name_obj)? {
        Some(m) => Ok(m),
        None => Err(import_error(
            "ImportError",
            &format!("Loaded module {name} not found in sys.modules"),
            Some(name),
            None,
        )),
    }
}

/// A `SyntaxError` object for a compile error in an imported file (CPython's arguments:
/// `(msg, (filename, lineno, offset, text, end_lineno, end_offset))`).
pub(crate) fn syntax_error(e: &pyrt_syntax::SyntaxError, filename: &str) -> PyErr {
    let made = (|| -> PyResult<Obj> {
        let int = |v: Option<i64>| v.map_or_else(|| Ok(none()), crate::object::int::new_int);
        let details = new_tuple(vec![
            new_str(filename)?,
            int(Some(e.lineno as i64))?,
            int(Some(e.offset as i64))?,
            match &e.text {
                Some(t) => new_str(t)?,
                None => none(),
            },
            int(Some(e.end_lineno as i64))?,
            int(Some(e.end_offset as i64))?,
        ])?;
        let class = types().exc.get(e.kind.name()).unwrap_or_else(|| types().exc.named("SyntaxError"));
        if !class.is_subtype(types().exc.named("SyntaxError")) {
            // The parser's MemoryError and the compiler's RecursionError: the message alone.
            return new_exception(class, new_tuple(vec![new_str(&e.msg)?])?);
        }
        new_exception(class, new_tuple(vec![new_str(&e.msg)?, details])?)
    })();
    match made {
        Ok(o) => PyErr::from_object(o),
        Err(err) => err,
    }
}

/// `_handle_fromlist`: imports each name of `fromlist` that is not yet an attribute of the
/// package as a submodule (a missing submodule is not an error: `IMPORT_FROM` reports it).
fn handle_fromlist(module: &PyObject, fromlist: &PyObject, recursive: bool) -> PyResult<()> {
    let pkg_name = module_name(module).unwrap_or_default();
    for x in ops::collect(fromlist)? {
        let Some(x_name) = str_value(&x).map(str::to_owned) else {
            let what = if recursive { format!("{pkg_name}.__all__") } else { "``from list''".to_owned() };
            return Err(PyErr::type_error(format!("Item in {what} must be str, not {}", x.type_object().name())));
        };
        if x_name == "*" {
            if !recursive {
                if let Some(all) = module_get(module, "__all__") {
                    handle_fromlist(module, &all, true)?;
                }
            }
            continue;
        }
        if ops::get_attr(module, &x).is_ok() {
            continue;
        }
        let sub = format!("{pkg_name}.{x_name}");
        match find_and_load(&sub) {
            Ok(_) => {}
            Err(e) => {
                let is_that_module = e.matches(types().exc.named("ModuleNotFoundError"))
                    && e.object()
                        .and_then(|o| ops::get_attr_str(o, "name").ok())
                        .is_some_and(|n| str_value(&n) == Some(sub.as_str()));
                let blocked = cached(&sub)?.is_some_and(|m| is_none(&m));
                if !is_that_module || blocked {
                    return Err(e);
                }
            }
        }
    }
    Ok(())
}

/// `IMPORT_FROM`: `from module import name`.
pub fn import_from(module: &PyObject, name: &PyObject) -> PyResult<Obj> {
    match ops::get_attr(module, name) {
        Ok(v) => return Ok(v),
        Err(e) if !e.matches(types().exc.named("AttributeError")) => return Err(e),
        Err(_) => {}
    }
    let attr = str_value(name).unwrap_or("?");
    let pkg_name = ops::get_attr_str(module, "__name__").ok().and_then(|n| str_value(&n).map(str::to_owned));
    if let Some(pkg) = &pkg_name {
        if let Some(m) = cached(&format!("{pkg}.{attr}"))? {
            return Ok(m);
        }
    }
    let shown = pkg_name.clone().unwrap_or_else(|| "<unknown module name>".to_owned());
    let path = ops::get_attr_str(module, "__file__").ok().filter(|p| str_value(p).is_some());
    let initializing = as_module(module).is_some_and(|m| m.initializing.get());
    let msg = match (&path, initializing) {
        (Some(p), true) => format!(
            "cannot import name '{attr}' from partially initialized module '{shown}' (most likely due to a circular import) ({})",
            str_value(p).unwrap_or("")
        ),
        (Some(p), false) => format!("cannot import name '{attr}' from '{shown}' ({})", str_value(p).unwrap_or("")),
        (None, _) => format!("cannot import name '{attr}' from '{shown}' (unknown location)"),
    };
    let err = import_error("ImportError", &msg, pkg_name.as_deref(), path);
    // `name_from` names the missing attribute, for the traceback's "Did you mean".
    if let Some(e) = err.object() {
        ops::set_attr(e, &key("name_from"), Some(name))?;
    }
    Err(err)
}

/// `from module import *` into `locals` (`import_all_from`): the names in `__all__`, else
/// every name of the module's dict not starting with `_`.
pub fn import_star(module: &PyObject, locals: Option<&PyObject>) -> PyResult<()> {
    let Some(locals) = locals else {
        return Err(PyErr::new(crate::ExcKind::SystemError, "no locals found during 'import *'"));
    };
    let (names, skip_private) = match ops::get_attr_str(module, "__all__") {
        Ok(all) => (ops::collect(&all)?, false),
        Err(e) if e.matches(types().exc.named("AttributeError")) => {
            let dict = ops::get_attr_str(module, "__dict__").map_err(|e| {
                if e.matches(types().exc.named("AttributeError")) {
                    crate::object::exceptions::raise_msg(
                        types().exc.named("ImportError"),
                        "from-import-* object has no __dict__ and no __all__",
                    )
                } else {
                    e
                }
            })?;
            (ops::collect(&dict)?, true)
        }
        Err(e) => return Err(e),
    };
    for name in names {
        let Some(text) = str_value(&name) else {
            let modname = module_name(module).unwrap_or_default();
            let what = if skip_private { format!("{modname}.__dict__") } else { format!("{modname}.__all__") };
            return Err(PyErr::type_error(format!(
                "{} in {what} must be str, not {}",
                if skip_private { "Key" } else { "Item" },
                name.type_object().name()
            )));
        };
        if skip_private && text.starts_with('_') {
            continue;
        }
        let value = ops::get_attr(module, &name)?;
        match as_dict(locals) {
            Some(d) => d.set(name.clone(), value)?,
            None => ops::set_item(locals, &name, Some(&value))?,
        }
    }
    Ok(())
}

/// The names `import *` of a list of names would bind (for the unit tests' checks).
#[cfg(test)]
fn names_of(d: &PyObject) -> Vec<String> {
    let mut v: Vec<String> =
        as_dict(d).expect("a dict").items().iter().filter_map(|(k, _)| str_value(k).map(str::to_owned)).collect();
    v.sort();
    v
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::object::list::new_list;

    #[test]
    fn relative_names_resolve_against_the_package() {
        crate::state::Runtime::initialize();
        crate::attach(|_py| {
            let g = crate::object::dict::new_dict().unwrap();
            let d = as_dict(&g).unwrap();
            d.set(key("__package__"), new_str("a.b.c").unwrap()).unwrap();
            assert_eq!(resolve_relative("x", Some(&g), 1).unwrap(), "a.b.c.x");
            assert_eq!(resolve_relative("x", Some(&g), 3).unwrap(), "a.x");
            assert_eq!(resolve_relative("", Some(&g), 2).unwrap(), "a.b");
            let e = resolve_relative("x", Some(&g), 4).unwrap_err();
            assert_eq!(
                crate::object::exceptions::message_text(&e.into_object()),
                "attempted relative import beyond top-level package"
            );
            let empty = crate::object::dict::new_dict().unwrap();
            let e = resolve_relative("x", Some(&empty), 1).unwrap_err();
            assert!(crate::object::exceptions::message_text(&e.into_object()).contains("no known parent package"));
        });
    }

    #[test]
    fn builtin_modules_are_cached_and_missing_ones_name_themselves() {
        crate::state::Runtime::initialize();
        crate::attach(|_py| {
            let m = import_module_level(&new_str("math").unwrap(), None, &none(), 0).unwrap();
            let again = import_module_level(&new_str("math").unwrap(), None, &none(), 0).unwrap();
            assert!(m.is(&again));
            let e = import_module_level(&new_str("no_such_mod_q").unwrap(), None, &none(), 0).unwrap_err();
            assert!(e.matches(types().exc.named("ModuleNotFoundError")));
            let o = e.into_object();
            assert_eq!(crate::object::exceptions::message_text(&o), "No module named 'no_such_mod_q'");
            assert_eq!(str_value(&ops::get_attr_str(&o, "name").unwrap()), Some("no_such_mod_q"));
        });
    }

    #[test]
    fn star_import_skips_private_names_without_all() {
        crate::state::Runtime::initialize();
        crate::attach(|_py| {
            let m = new_module("starry", false).unwrap();
            super::super::module_set(&m, "public", none()).unwrap();
            super::super::module_set(&m, "_private", none()).unwrap();
            let ns = crate::object::dict::new_dict().unwrap();
            import_star(&m, Some(&ns)).unwrap();
            assert_eq!(names_of(&ns), vec!["public".to_owned()]);
            super::super::module_set(&m, "__all__", new_list(vec![new_str("_private").unwrap()]).unwrap()).unwrap();
            let ns = crate::object::dict::new_dict().unwrap();
            import_star(&m, Some(&ns)).unwrap();
            assert_eq!(names_of(&ns), vec!["_private".to_owned()]);
        });
    }
}
