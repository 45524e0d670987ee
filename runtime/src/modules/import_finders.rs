//! Finding a module: CPython 3.13's `importlib._bootstrap._find_spec` and
//! `importlib._bootstrap_external.PathFinder` written out in Rust over the import state in
//! `sys` — `sys.meta_path`, `sys.path_hooks`, `sys.path_importer_cache`.
//!
//! **[`find`]** walks `sys.meta_path` in order (a warning `ImportWarning: sys.meta_path is
//! empty` when it is empty, an `ImportError` when it is `None`). The three default finders
//! (`importlib::Finders`) are recognised by identity and run here without a call into Python:
//! 1. `BuiltinImporter`: a module written in Rust by that name ([`Located::Builtin`]);
//! 2. `FrozenImporter`: a frozen module (`imp::FROZEN`) — its spec from `FrozenImporter`;
//! 3. `PathFinder`: [`path_finder`] over the parent package's `__path__`, or `sys.path` for a
//!    top-level name. For each `str` entry (`''` is the current directory) the path entry
//!    finder comes from `sys.path_importer_cache`, or else from the first hook of
//!    `sys.path_hooks` that does not raise `ImportError` (cached, `None` when there is none).
//!    A `FileFinder` made by the default hook (it loads `.py` files only) is searched here:
//!    `ENTRY/NAME/__init__.py` (a package) before `ENTRY/NAME.py` ([`Located::Source`]); any
//!    other path entry finder's `find_spec(name, None)` is called.
//!
//! Any other meta path finder's `find_spec(name, path, None)` is called (one without the
//! method is skipped, as in CPython); the first spec wins ([`Located::Spec`]: its loader
//! makes and runs the module, `_frozen_importlib._load_unlocked`). So an import that finds
//! its module on the default finders costs what it did before these hooks existed: a few
//! identity checks and one dict look-up per path entry.
//!
//! Not built: namespace packages (a directory without `__init__.py` is not a module, and a
//! spec without a loader is skipped) and zip imports (no `zipimporter` path hook).

use super::importlib::Finders;
use crate::error::PyResult;
use crate::object::abstract_ops as ops;
use crate::object::dict::as_dict;
use crate::object::obj::Obj;
use crate::object::str::{new_str, str_value};
use crate::object::{PyObject, immortals, types};
use std::path::{Path, PathBuf};

fn none() -> Obj {
    Obj::new_ref(immortals().none)
}

fn is_none(o: &PyObject) -> bool {
    o.is(immortals().none)
}

/// Where a module's source was found.
pub(super) struct Found {
    /// The source file.
    pub(super) file: PathBuf,
    /// The package directory (`__path__[0]`) for a package.
    pub(super) package_dir: Option<PathBuf>,
}

/// What found a module, and so how it is loaded.
pub(super) enum Located {
    /// A module written in Rust (`BuiltinImporter`).
    Builtin(super::MakeModule),
    /// A source file found by the default path finder and file finder.
    Source(Found),
    /// A spec some other finder returned.
    Spec(Obj),
}

fn import_warning(message: &str) -> PyResult<()> {
    super::warnings::warn(types().exc.named("ImportWarning"), message, 1)
}

/// `_find_spec(name, path)`: see the module docs. `path` is the parent package's `__path__`.
pub(super) fn find(name: &str, path: Option<&PyObject>, finders: &Finders) -> PyResult<Option<Located>> {
    let meta_path = super::sys::sys_attr("meta_path")?.filter(|m| !is_none(m)).ok_or_else(|| {
        super::import::import_error("ImportError", "sys.meta_path is None, Python is likely shutting down", None, None)
    })?;
    let meta_path = ops::collect(&meta_path)?;
    if meta_path.is_empty() {
        import_warning("sys.meta_path is empty")?;
    }
    for finder in meta_path {
        if finder.is(&finders.builtin_importer) {
            if let Some(make) = super::imp::builtin_maker(name) {
                return Ok(Some(Located::Builtin(make)));
            }
            continue;
        }
        if finder.is(&finders.frozen_importer) {
            if super::imp::find_frozen(name).is_some() {
                return Ok(Some(Located::Spec(finders.frozen_spec(name)?)));
            }
            continue;
        }
        if finder.is(&finders.path_finder) {
            if let Some(found) = path_finder(name, path, finders)? {
                return Ok(Some(found));
            }
            continue;
        }
        let find_spec = match ops::get_attr_str(&finder, "find_spec") {
            Ok(f) => f,
            Err(e) if e.matches(types().exc.named("AttributeError")) => continue,
            Err(e) => return Err(e),
        };
        let path_arg = path.map_or_else(none, Obj::new_ref);
        let spec = ops::call(&find_spec, &[new_str(name)?, path_arg, none()], None)?;
        if is_none(&spec) {
            continue;
        }
        // The finder may have imported the module itself: its spec is the one to use.
        let modules = super::sys::modules_dict()?;
        if let Some(m) = as_dict(&modules).expect("sys.modules is a dict").get(&*new_str(name)?)? {
            if let Ok(existing) = ops::get_attr_str(&m, "__spec__") {
                if !is_none(&existing) {
                    return Ok(Some(Located::Spec(existing)));
                }
            }
        }
        return Ok(Some(Located::Spec(spec)));
    }
    Ok(None)
}

/// `PathFinder.find_spec(name, path)`.
fn path_finder(name: &str, path: Option<&PyObject>, finders: &Finders) -> PyResult<Option<Located>> {
    let entries = match path {
        Some(p) => Obj::new_ref(p),
        None => super::sys::sys_attr("path")?.ok_or_else(|| {
            super::import::import_error("ImportError", "sys.path must be a list of directory names", None, None)
        })?,
    };
    let child = name.rsplit('.').next().unwrap_or(name);
    for entry in ops::collect(&entries)? {
        let Some(text) = str_value(&entry) else { continue };
        let Some(finder) = path_entry_finder(&entry, text)? else { continue };
        if std::ptr::eq(finder.type_object().as_object(), &*finders.file_finder) && loads_only_source(&finder)? {
            let dir = ops::get_attr_str(&finder, "path")?;
            if let Some(found) = str_value(&dir).and_then(|d| find_in_dir(d, child)) {
                return Ok(Some(Located::Source(found)));
            }
            continue;
        }
        let find_spec = ops::get_attr_str(&finder, "find_spec")?;
        let spec = ops::call(&find_spec, &[new_str(name)?, none()], None)?;
        if is_none(&spec) {
            continue;
        }
        if !is_none(&*ops::get_attr_str(&spec, "loader")?) {
            return Ok(Some(Located::Spec(spec)));
        }
        if is_none(&*ops::get_attr_str(&spec, "submodule_search_locations")?) {
            return Err(super::import::import_error("ImportError", "spec missing loader", None, None));
        }
        // A portion of a namespace package: pyrt makes none.
    }
    Ok(None)
}

/// Whether a `FileFinder` is one the default path hook made (its `_source_only`).
fn loads_only_source(finder: &PyObject) -> PyResult<bool> {
    match ops::get_attr_str(finder, "_source_only") {
        Ok(v) => ops::is_true(&v),
        Err(e) if e.matches(types().exc.named("AttributeError")) => Ok(false),
        Err(e) => Err(e),
    }
}

/// `PathFinder._path_importer_cache(entry)`: the path entry finder of `entry`, `None` when no
/// hook takes it.
fn path_entry_finder(entry: &Obj, text: &str) -> PyResult<Option<Obj>> {
    let key = if text.is_empty() {
        match std::env::current_dir() {
            // The failure is not cached: the current directory may come back.
            Err(_) => return Ok(None),
            Ok(cwd) => new_str(&cwd.display().to_string())?,
        }
    } else {
        entry.clone()
    };
    let cache = super::sys::sys_attr("path_importer_cache")?
        .ok_or_else(|| super::import::import_error("ImportError", "sys.path_importer_cache is missing", None, None))?;
    let cached = match as_dict(&cache) {
        Some(d) => d.get(&key)?,
        None => match ops::get_item(&cache, &key) {
            Ok(f) => Some(f),
            Err(e) if e.matches(types().exc.named("KeyError")) => None,
            Err(e) => return Err(e),
        },
    };
    let finder = match cached {
        Some(f) => f,
        None => {
            let f = path_hooks(&key)?;
            ops::set_item(&cache, &key, Some(&f))?;
            f
        }
    };
    Ok(if is_none(&finder) { None } else { Some(finder) })
}

/// `PathFinder._path_hooks(path)`: the first hook's finder for `path`, else `None`.
fn path_hooks(path: &Obj) -> PyResult<Obj> {
    let hooks = super::sys::sys_attr("path_hooks")?.unwrap_or_else(none);
    if !is_none(&hooks) && !ops::is_true(&hooks)? {
        import_warning("sys.path_hooks is empty")?;
    }
    for hook in ops::collect(&hooks)? {
        match ops::call(&hook, std::slice::from_ref(path), None) {
            Ok(finder) => return Ok(finder),
            Err(e) if e.matches(types().exc.named("ImportError")) => continue,
            Err(e) => return Err(e),
        }
    }
    Ok(none())
}

/// `FileFinder.find_spec` with the source loader only: a package (`DIR/NAME/__init__.py`)
/// before a module (`DIR/NAME.py`).
fn find_in_dir(dir: &str, name: &str) -> Option<Found> {
    let base = Path::new(if dir.is_empty() { "." } else { dir });
    let pkg = base.join(name);
    let init = pkg.join("__init__.py");
    if init.is_file() {
        return Some(Found { file: absolute(&init), package_dir: Some(absolute(&pkg)) });
    }
    let file = base.join(format!("{name}.py"));
    if file.is_file() {
        return Some(Found { file: absolute(&file), package_dir: None });
    }
    None
}

fn absolute(p: &Path) -> PathBuf {
    std::path::absolute(p).unwrap_or_else(|_| p.to_path_buf())
}

#[cfg(all(test, not(loom)))]
mod tests {
    use super::*;

    #[test]
    fn a_package_comes_before_a_module_of_the_same_name() {
        let dir = std::env::temp_dir().join(format!("pyrt-finders-{}", std::process::id()));
        std::fs::create_dir_all(dir.join("both")).unwrap();
        std::fs::write(dir.join("both/__init__.py"), "").unwrap();
        std::fs::write(dir.join("both.py"), "").unwrap();
        std::fs::write(dir.join("single.py"), "").unwrap();
        let d = dir.display().to_string();
        let pkg = find_in_dir(&d, "both").unwrap();
        assert!(pkg.file.ends_with("both/__init__.py") && pkg.package_dir.is_some());
        let single = find_in_dir(&d, "single").unwrap();
        assert!(single.file.ends_with("single.py") && single.package_dir.is_none());
        assert!(find_in_dir(&d, "missing").is_none());
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
