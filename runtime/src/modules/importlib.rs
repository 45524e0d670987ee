//! `_frozen_importlib`: the import system's objects — `ModuleSpec`, `BuiltinImporter`,
//! `SourceFileLoader` — that give each module its `__spec__` and `__loader__` as CPython 3.13's
//! importlib does (Python, in `importlib_bootstrap.py`, run in the module's namespace with `sys`
//! put there first, so that making it imports nothing).
//!
//! The module is made on an interpreter's first import (CPython makes it at start-up; pyrt
//! waits so that a program that imports nothing compiles none of it): [`bootstrap`] puts it in
//! `sys.modules` and then, as `importlib._bootstrap._setup` does, gives the modules written in
//! Rust that exist already (`sys`, `builtins`, itself) their spec. After that the import system
//! asks it for the spec of each module it makes: [`set_builtin_spec`] for a module written in
//! Rust (`ModuleSpec(name='math', loader=<class '_frozen_importlib.BuiltinImporter'>,
//! origin='built-in')`), [`source_spec`] for a source file or package (a `SourceFileLoader`,
//! `origin` the file, `has_location`, `submodule_search_locations` the package directory;
//! `cached` is `None` as pyrt's `sys.implementation.cache_tag` is `None`).

use super::new_builtin_module;
use crate::error::{PyErr, PyResult};
use crate::object::abstract_ops as ops;
use crate::object::dict::as_dict;
use crate::object::module::module_get;
use crate::object::obj::Obj;
use crate::object::str::new_str;
use crate::object::{immortals, intern};

const SOURCE: &str = include_str!("importlib_bootstrap.py");

/// The module's name.
pub(crate) const NAME: &str = "_frozen_importlib";

/// Makes the module (see the module docs; [`bootstrap`] is what imports it).
pub fn make_module() -> PyResult<Obj> {
    let m = new_builtin_module(NAME, &[])?;
    super::module_set(&m, "sys", super::sys::sys_module()?)?;
    super::embedded::run_in_module(&m, SOURCE, "<frozen importlib._bootstrap>")?;
    Ok(m)
}

/// The interpreter's `_frozen_importlib`, made and set up on first use.
pub(crate) fn bootstrap() -> PyResult<Obj> {
    let modules = super::sys::modules_dict()?;
    let table = as_dict(&modules).expect("sys.modules is a dict");
    let key = Obj::new_ref(&intern(NAME).ob_base);
    if let Some(m) = table.get_str(&key) {
        return Ok(m);
    }
    let m = make_module()?;
    table.set(key, m.clone())?;
    call(&m, "_fix_up_builtin_modules", &[])?;
    Ok(m)
}

fn call(m: &crate::object::PyObject, function: &str, args: &[Obj]) -> PyResult<Obj> {
    let f = module_get(m, function).ok_or_else(|| PyErr::runtime_error(format!("{NAME}.{function} is missing")))?;
    ops::call(&f, args, None)
}

/// Gives a module written in Rust, just made, its spec and loader (and `__package__` `''`).
pub(crate) fn set_builtin_spec(module: &crate::object::PyObject, name: &str) -> PyResult<()> {
    if module_get(module, "__spec__").is_some_and(|s| !s.is(immortals().none)) {
        return Ok(());
    }
    let importlib = bootstrap()?;
    let spec = call(&importlib, "_spec_for_builtin", &[new_str(name)?])?;
    let loader = ops::get_attr_str(&spec, "loader")?;
    super::module_set(module, "__loader__", loader)?;
    if module_get(module, "__package__").is_none_or(|p| p.is(immortals().none)) {
        super::module_set(module, "__package__", ops::get_attr_str(&spec, "parent")?)?;
    }
    super::module_set(module, "__spec__", spec)
}

/// The spec of a source module `name` read from `file` (a package when `package_dir` is given).
pub(crate) fn source_spec(name: &str, file: &str, package_dir: Option<&str>) -> PyResult<Obj> {
    let importlib = bootstrap()?;
    let dir = match package_dir {
        Some(d) => new_str(d)?,
        None => Obj::new_ref(immortals().none),
    };
    call(&importlib, "_spec_for_source", &[new_str(name)?, new_str(file)?, dir])
}

#[cfg(all(test, not(loom)))]
mod tests {
    use super::*;

    #[test]
    fn a_builtin_module_gets_a_builtin_importer_spec() {
        crate::state::Runtime::initialize();
        crate::attach(|_py| {
            let math = super::super::import::import_top_level("math").unwrap();
            let spec = module_get(&math, "__spec__").unwrap();
            let text = |o: &crate::object::PyObject, attr| {
                crate::object::str::str_value(&ops::get_attr_str(o, attr).unwrap()).map(str::to_owned)
            };
            assert_eq!(text(&spec, "name").as_deref(), Some("math"));
            assert_eq!(text(&spec, "origin").as_deref(), Some("built-in"));
            let loader = module_get(&math, "__loader__").unwrap();
            assert_eq!(text(&loader, "__name__").as_deref(), Some("BuiltinImporter"));
            // `sys`, made before the import system's objects, got its spec when they were made.
            let sys = super::super::sys::sys_module().unwrap();
            assert!(!module_get(&sys, "__spec__").unwrap().is(immortals().none));
        });
    }
}
