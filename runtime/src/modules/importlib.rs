//! The import system's Python objects: the frozen modules `_frozen_importlib` (ModuleSpec,
//! BuiltinImporter, FrozenImporter, module_from_spec, `_load_unlocked`, in
//! `importlib_bootstrap.py`) and `_frozen_importlib_external` (PathFinder, FileFinder,
//! SourceFileLoader, spec_from_file_location, in `importlib_external.py`), and the import state
//! in `sys` they work on: `sys.meta_path` (`[BuiltinImporter, FrozenImporter, PathFinder]`),
//! `sys.path_hooks` (`[FileFinder.path_hook(...)]`) and `sys.path_importer_cache` (`{}`).
//!
//! [`bootstrap`] makes them when first needed (CPython makes them at start-up; pyrt waits so
//! that a program that imports only modules written in Rust compiles none of it): at the first
//! import that is not of a module in `sys.modules` or written in Rust, or when an attribute
//! they would have set on `sys`, `builtins` or such a module is first read or written
//! (`sys.meta_path`, `sys.modules`, `math.__spec__`, `vars(sys)`: see
//! `object::module::defer_import_state` and [`complete_import_state`]). `_imp` and the two
//! modules go into `sys.modules`, `sys` and `_imp` are put in `_frozen_importlib`'s namespace
//! before its code runs (so that making it imports nothing), `_frozen_importlib_external` gets
//! `_bootstrap` and the file system helpers written in Rust, and then, as
//! `importlib._bootstrap._setup` does, the modules that exist already (`sys`, `builtins`, `_imp`,
//! the two) get their spec. After that the import system (`import`, `import_finders`) asks
//! [`Finders`] for the default finders to recognise them on `sys.meta_path`, and asks for the
//! spec of each module it makes: [`set_builtin_spec`] for a module written in Rust
//! (`ModuleSpec(name='math', loader=<class '_frozen_importlib.BuiltinImporter'>,
//! origin='built-in')`), [`source_spec`] for a source file or package (a `SourceFileLoader`,
//! `origin` the file, `has_location`, `submodule_search_locations` the package directory;
//! `cached` is `None` as pyrt's `sys.implementation.cache_tag` is `None`).

use super::new_builtin_module;
use crate::error::{PyErr, PyResult};
use crate::object::PyObject;
use crate::object::abstract_ops as ops;
use crate::object::builtin::{MethodDef, args};
use crate::object::dict::{as_dict, new_dict};
use crate::object::int::new_bool;
use crate::object::list::new_list;
use crate::object::module::module_get;
use crate::object::obj::Obj;
use crate::object::str::{new_str, str_value};
use crate::object::{immortals, intern};

/// The module's name.
pub(crate) const NAME: &str = "_frozen_importlib";
/// The path-based half's name.
pub(crate) const EXTERNAL_NAME: &str = "_frozen_importlib_external";

fn frozen(name: &str) -> &'static super::imp::Frozen {
    super::imp::find_frozen(name).expect("the import system's modules are frozen")
}

/// Makes `_frozen_importlib` (see the module docs; [`bootstrap`] is what imports it).
fn make_bootstrap_module(imp: &Obj) -> PyResult<Obj> {
    let m = new_builtin_module(NAME, &[])?;
    super::module_set(&m, "sys", super::sys::sys_module()?)?;
    super::module_set(&m, "_imp", imp.clone())?;
    // CPython makes a frozen module's `loader_state` with `type(sys.implementation)`, a
    // SimpleNamespace; pyrt's `sys.implementation` has a type of its own.
    super::module_set(&m, "_SimpleNamespace", Obj::new_ref(crate::object::types().namespace_type.as_object()))?;
    let f = frozen(NAME);
    super::embedded::run_in_module(&m, f.source, f.filename)?;
    Ok(m)
}

/// Makes `_frozen_importlib_external`, with `_bootstrap` and the file system helpers.
fn make_external_module(bootstrap: &Obj) -> PyResult<Obj> {
    let m = new_builtin_module(EXTERNAL_NAME, EXTERNAL_HELPERS)?;
    super::module_set(&m, "sys", super::sys::sys_module()?)?;
    super::module_set(&m, "_bootstrap", bootstrap.clone())?;
    let f = frozen(EXTERNAL_NAME);
    super::embedded::run_in_module(&m, f.source, f.filename)?;
    Ok(m)
}

fn path_arg<'a>(fname: &str, a: &'a [Obj], k: Option<&PyObject>) -> PyResult<&'a str> {
    let a = args::exact(fname, a, k, 1, 1)?;
    str_value(&a[0])
        .ok_or_else(|| PyErr::type_error(format!("{fname}() argument must be str, not {}", a[0].type_object().name())))
}

/// What `_bootstrap_external` takes from `posix` in CPython, and the source decoder.
static EXTERNAL_HELPERS: &[MethodDef] = &[
    MethodDef::function("_getcwd", |a, k| {
        args::exact("_getcwd", a, k, 0, 0)?;
        let cwd = std::env::current_dir().map_err(|e| crate::object::textio::os_error(&e, None))?;
        new_str(&cwd.display().to_string())
    }),
    MethodDef::function("_path_isfile", |a, k| {
        Ok(new_bool(std::path::Path::new(path_arg("_path_isfile", a, k)?).is_file()))
    }),
    MethodDef::function("_path_isdir", |a, k| {
        let p = path_arg("_path_isdir", a, k)?;
        // `_path_isdir('')` is the current directory's.
        Ok(new_bool(std::path::Path::new(if p.is_empty() { "." } else { p }).is_dir()))
    }),
    MethodDef::function("_decode_source", |a, k| {
        let a = args::exact("_decode_source", a, k, 1, 1)?;
        let Some(bytes) = crate::object::bytes::bytes_value(&a[0]) else {
            return Err(PyErr::type_error(format!(
                "a bytes-like object is required, not '{}'",
                a[0].type_object().name()
            )));
        };
        let text = pyrt_syntax::decode_source(bytes).map_err(|e| super::import::syntax_error(&e, "<string>"))?;
        new_str(&text)
    }),
];

/// The interpreter's `_frozen_importlib`, made and set up on first use.
pub(crate) fn bootstrap() -> PyResult<Obj> {
    let modules = super::sys::modules_dict()?;
    let table = as_dict(&modules).expect("sys.modules is a dict");
    let key = Obj::new_ref(&intern(NAME).ob_base);
    if let Some(m) = table.get_str(&key) {
        return Ok(m);
    }
    // `sys` and `builtins` get what these objects give them below, not when read later.
    for m in [super::sys::sys_module()?, super::builtins::builtins_module()?] {
        crate::object::module::clear_import_state_pending(&m);
    }
    let imp = super::imp::make_module()?;
    table.set(new_str("_imp")?, imp.clone())?;
    let m = make_bootstrap_module(&imp)?;
    table.set(key, m.clone())?;
    let external = make_external_module(&m)?;
    table.set(new_str(EXTERNAL_NAME)?, external.clone())?;
    super::module_set(&m, "_bootstrap_external", external.clone())?;
    let sys = super::sys::sys_module()?;
    let builtin = module_get(&m, "BuiltinImporter").expect("made above");
    let frozen = module_get(&m, "FrozenImporter").expect("made above");
    super::module_set(&sys, "meta_path", new_list(vec![builtin, frozen])?)?;
    super::module_set(&sys, "path_hooks", new_list(Vec::new())?)?;
    super::module_set(&sys, "path_importer_cache", new_dict()?)?;
    call(&external, "_install", &[])?;
    call(&m, "_fix_up_modules", &[])?;
    Ok(m)
}

/// Whether the interpreter's import system objects are made (`_frozen_importlib` is in
/// `sys.modules`).
pub(crate) fn is_made() -> PyResult<bool> {
    let modules = super::sys::modules_dict()?;
    Ok(as_dict(&modules).expect("sys.modules is a dict").get_str(&intern(NAME).ob_base).is_some())
}

/// What the module type calls (through `object::import_seam`) when an import attribute of a
/// module made before the import system's objects is first used
/// (`module::defer_import_state`): makes those objects — which gives the modules then in
/// `sys.modules` their spec, as `_fix_up_modules` does — and the module its spec if it is
/// written in Rust and still has none (it may have left `sys.modules` meanwhile).
pub(crate) fn complete_import_state(module: &PyObject) -> PyResult<()> {
    bootstrap()?;
    match crate::object::module::module_name(module) {
        Some(name) if super::imp::builtin_maker(&name).is_some() => set_builtin_spec(module, &name),
        _ => Ok(()),
    }
}

fn call(m: &PyObject, function: &str, args: &[Obj]) -> PyResult<Obj> {
    let f = module_get(m, function).ok_or_else(|| PyErr::runtime_error(format!("{NAME}.{function} is missing")))?;
    ops::call(&f, args, None)
}

/// The default finders, which the Rust import recognises on `sys.meta_path` and in
/// `sys.path_importer_cache` and runs without calling them.
pub(crate) struct Finders {
    pub(crate) bootstrap: Obj,
    pub(crate) builtin_importer: Obj,
    pub(crate) frozen_importer: Obj,
    pub(crate) path_finder: Obj,
    pub(crate) file_finder: Obj,
}

impl Finders {
    /// The current interpreter's (made by [`bootstrap`] if need be).
    pub(crate) fn current() -> PyResult<Finders> {
        let m = bootstrap()?;
        let modules = super::sys::modules_dict()?;
        let table = as_dict(&modules).expect("sys.modules is a dict");
        let missing = |what: &str| PyErr::runtime_error(format!("the import system's {what} is missing"));
        let external = table.get_str(&intern(EXTERNAL_NAME).ob_base).ok_or_else(|| missing(EXTERNAL_NAME))?;
        let get = |module: &PyObject, name: &str| module_get(module, name).ok_or_else(|| missing(name));
        Ok(Finders {
            builtin_importer: get(&m, "BuiltinImporter")?,
            frozen_importer: get(&m, "FrozenImporter")?,
            path_finder: get(&external, "PathFinder")?,
            file_finder: get(&external, "FileFinder")?,
            bootstrap: m,
        })
    }

    /// `_frozen_importlib._load_unlocked(spec)`: loads the module a finder's spec describes.
    pub(crate) fn load_spec(&self, spec: &Obj) -> PyResult<Obj> {
        call(&self.bootstrap, "_load_unlocked", std::slice::from_ref(spec))
    }

    /// `FrozenImporter.find_spec(name)`.
    pub(crate) fn frozen_spec(&self, name: &str) -> PyResult<Obj> {
        let find = ops::get_attr_str(&self.frozen_importer, "find_spec")?;
        ops::call(&find, &[new_str(name)?], None)
    }
}

/// `__main__.__loader__`, as CPython 3.13 sets it: a `SourceFileLoader('__main__', path)` for a
/// script file, `BuiltinImporter` for `-c`, standard input and the prompt (`__spec__` stays
/// `None`). Set here when the import system exists already; otherwise the first import sets it
/// (`_fix_up_modules`), so that a program that imports nothing does not make the import system.
pub(crate) fn set_main_loader(globals: &crate::object::dict::DictObject) -> PyResult<()> {
    let modules = super::sys::modules_dict()?;
    let Some(m) = as_dict(&modules).expect("sys.modules is a dict").get_str(&intern(NAME).ob_base) else {
        return Ok(());
    };
    let file = globals.get_str(&intern("__file__").ob_base);
    let path = file.as_deref().and_then(str_value).filter(|f| !(f.starts_with('<') && f.ends_with('>')));
    // Made without running Python code (no frame, so a profile or trace hook sees nothing of
    // it): `SourceFileLoader.__new__` and the two attributes its `__init__` sets.
    let missing = |what: &str| PyErr::runtime_error(format!("the import system's {what} is missing"));
    let loader = match path {
        Some(path) => {
            let external = as_dict(&modules)
                .expect("sys.modules is a dict")
                .get_str(&intern(EXTERNAL_NAME).ob_base)
                .ok_or_else(|| missing(EXTERNAL_NAME))?;
            let class = module_get(&external, "SourceFileLoader").ok_or_else(|| missing("SourceFileLoader"))?;
            let new = ops::get_attr_str(&class, "__new__")?;
            let loader = ops::call(&new, std::slice::from_ref(&class), None)?;
            ops::set_attr(&loader, &*new_str("name")?, Some(&*new_str("__main__")?))?;
            ops::set_attr(&loader, &*new_str("path")?, Some(&*new_str(path)?))?;
            loader
        }
        None => module_get(&m, "BuiltinImporter").ok_or_else(|| missing("BuiltinImporter"))?,
    };
    globals.set(Obj::new_ref(&intern("__loader__").ob_base), loader)
}

/// A new instance of the Python class `class` made without running its `__init__` (no frame,
/// so a profile or trace hook sees nothing of it), with `attrs` set in order in its `__dict__`.
fn new_instance(class: &Obj, attrs: &[(&str, Obj)]) -> PyResult<Obj> {
    let new = ops::get_attr_str(class, "__new__")?;
    let instance = ops::call(&new, std::slice::from_ref(class), None)?;
    for (name, value) in attrs {
        ops::set_attr(&instance, &*new_str(name)?, Some(value))?;
    }
    Ok(instance)
}

/// `ModuleSpec(name, loader, origin=origin, is_package=...)` as `ModuleSpec.__init__` makes it
/// (the same attributes in the same order), with `has_location` set; made in Rust because
/// every import makes one (calling the class ran two Python frames per import).
fn module_spec(
    importlib: &PyObject,
    name: &str,
    loader: Obj,
    origin: Obj,
    search_locations: Option<Obj>,
    has_location: bool,
) -> PyResult<Obj> {
    let missing = |what: &str| PyErr::runtime_error(format!("the import system's {what} is missing"));
    let class = module_get(importlib, "ModuleSpec").ok_or_else(|| missing("ModuleSpec"))?;
    new_instance(
        &class,
        &[
            ("name", new_str(name)?),
            ("loader", loader),
            ("origin", origin),
            ("loader_state", Obj::new_ref(immortals().none)),
            ("submodule_search_locations", search_locations.unwrap_or_else(|| Obj::new_ref(immortals().none))),
            ("_uninitialized_submodules", new_list(Vec::new())?),
            ("_set_fileattr", new_bool(has_location)),
            ("_cached", Obj::new_ref(immortals().none)),
            // `_load_unlocked` sets it while the module runs, and leaves it `False`
            ("_initializing", new_bool(false)),
        ],
    )
}

/// Gives a module written in Rust, just made, its spec and loader (and `__package__`):
/// `ModuleSpec(name, BuiltinImporter, origin='built-in')`.
pub(crate) fn set_builtin_spec(module: &PyObject, name: &str) -> PyResult<()> {
    if module_get(module, "__spec__").is_some_and(|s| !s.is(immortals().none)) {
        return Ok(());
    }
    let importlib = bootstrap()?;
    let loader = module_get(&importlib, "BuiltinImporter")
        .ok_or_else(|| PyErr::runtime_error("the import system's BuiltinImporter is missing"))?;
    let spec = module_spec(&importlib, name, loader.clone(), new_str("built-in")?, None, false)?;
    super::module_set(module, "__loader__", loader)?;
    if module_get(module, "__package__").is_none_or(|p| p.is(immortals().none)) {
        // The spec's `parent`.
        super::module_set(module, "__package__", new_str(name.rsplit_once('.').map_or("", |(p, _)| p))?)?;
    }
    super::module_set(module, "__spec__", spec)
}

/// What a source module gets from its spec.
pub(crate) struct SourceSpec {
    pub(crate) spec: Obj,
    pub(crate) loader: Obj,
    /// The package's `__path__` (the spec's `submodule_search_locations`).
    pub(crate) search_locations: Option<Obj>,
}

/// The spec of a source module `name` read from `file` (a package when `package_dir` is
/// given): what `PathFinder` gives a file the default `FileFinder` found,
/// `spec_from_file_location(name, file, loader=SourceFileLoader(name, file))` — `origin` the
/// file, `has_location`, the package directory in `submodule_search_locations`; its `cached`
/// is `None`, as `sys.implementation.cache_tag` is `None`.
pub(crate) fn source_spec(name: &str, file: &str, package_dir: Option<&str>) -> PyResult<SourceSpec> {
    let importlib = bootstrap()?;
    let modules = super::sys::modules_dict()?;
    let missing = |what: &str| PyErr::runtime_error(format!("the import system's {what} is missing"));
    let external = as_dict(&modules)
        .expect("sys.modules is a dict")
        .get_str(&intern(EXTERNAL_NAME).ob_base)
        .ok_or_else(|| missing(EXTERNAL_NAME))?;
    let loader_class = module_get(&external, "SourceFileLoader").ok_or_else(|| missing("SourceFileLoader"))?;
    let path = new_str(file)?;
    let loader = new_instance(&loader_class, &[("name", new_str(name)?), ("path", path.clone())])?;
    let search_locations = match package_dir {
        Some(d) => Some(new_list(vec![new_str(d)?])?),
        None => None,
    };
    let spec = module_spec(&importlib, name, loader.clone(), path, search_locations.clone(), true)?;
    Ok(SourceSpec { spec, loader, search_locations })
}

#[cfg(all(test, not(loom)))]
mod tests {
    use super::*;

    #[test]
    fn a_builtin_module_gets_a_builtin_importer_spec() {
        crate::state::Runtime::initialize();
        crate::attach(|_py| {
            let math = super::super::import::import_top_level("math").unwrap();
            // (read as an attribute: a module imported before the import system's objects
            // were made gets its spec when it is first asked for)
            let spec = ops::get_attr_str(&math, "__spec__").unwrap();
            let text = |o: &crate::object::PyObject, attr| {
                crate::object::str::str_value(&ops::get_attr_str(o, attr).unwrap()).map(str::to_owned)
            };
            assert_eq!(text(&spec, "name").as_deref(), Some("math"));
            assert_eq!(text(&spec, "origin").as_deref(), Some("built-in"));
            let loader = ops::get_attr_str(&math, "__loader__").unwrap();
            assert_eq!(text(&loader, "__name__").as_deref(), Some("BuiltinImporter"));
            // `sys`, made before the import system's objects, got its spec when they were made.
            let sys = super::super::sys::sys_module().unwrap();
            assert!(!module_get(&sys, "__spec__").unwrap().is(immortals().none));
            // The default finders are on sys.meta_path, in CPython's order.
            let meta_path = ops::collect(&module_get(&sys, "meta_path").unwrap()).unwrap();
            let names: Vec<_> = meta_path.iter().map(|f| text(f, "__name__").unwrap()).collect();
            assert_eq!(names, ["BuiltinImporter", "FrozenImporter", "PathFinder"]);
        });
    }
}
