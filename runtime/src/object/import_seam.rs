//! The object layer's way to import a module: `import_module("copyreg")`.
//!
//! A few object behaviours are defined by CPython in terms of a module written in Python —
//! `object.__reduce_ex__` calls `copyreg.__newobj__` / `copyreg._reduce_ex` /
//! `copyreg._slotnames`, an error handler name that is not builtin is looked up in the codec
//! registry of the `codecs` module. The import system lives above the object layer
//! (`modules::import`), which this layer may not name (see DESIGN.md "Layering"), so the
//! importer is handed down: the runtime installs it once, when it is initialised, and the object
//! layer calls it through this seam (a function pointer in a `OnceLock`).
//!
//! The same way, the module type reaches the maker of the import system's Python objects
//! ([`complete_import_state`]), which `sys`, `builtins` and the modules written in Rust that
//! were imported before those objects existed call when one of their import attributes is
//! first used (see `module::defer_import_state`).

use super::PyObject;
use super::obj::Obj;
use crate::error::PyResult;
use std::sync::OnceLock;

/// Imports a top-level module by name (`PyImport_ImportModule`).
pub(crate) type Importer = fn(&str) -> PyResult<Obj>;

static IMPORTER: OnceLock<Importer> = OnceLock::new();

/// Makes the current interpreter's import system objects and gives the module its spec.
pub(crate) type ImportStateMaker = fn(&PyObject) -> PyResult<()>;

static IMPORT_STATE_MAKER: OnceLock<ImportStateMaker> = OnceLock::new();

/// Installs the importer and the maker of the import system's objects (once per process;
/// later calls keep the first).
pub(crate) fn install(importer: Importer, import_state: ImportStateMaker) {
    let _ = IMPORTER.set(importer);
    let _ = IMPORT_STATE_MAKER.set(import_state);
}

/// Makes the import system's objects for pending module `m` (nothing before the runtime is
/// initialised: no import has happened then either).
pub(crate) fn complete_import_state(m: &PyObject) -> PyResult<()> {
    match IMPORT_STATE_MAKER.get() {
        Some(make) => make(m),
        None => Ok(()),
    }
}

/// `import name`: the module, or `ImportError` when no importer is installed (object code
/// running before the runtime is initialised).
pub(crate) fn import_module(name: &str) -> PyResult<Obj> {
    match IMPORTER.get() {
        Some(import) => import(name),
        None => Err(super::exceptions::raise_msg(
            super::immortal::types().exc.named("ImportError"),
            &format!("import of {name} is not available before the runtime is initialised"),
        )),
    }
}
