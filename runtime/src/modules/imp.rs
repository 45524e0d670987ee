//! `_imp`: the import system's primitives written in Rust, which `_frozen_importlib` calls —
//! CPython 3.13's `Python/import.c` module `_imp`, for what pyrt has: modules written in Rust
//! (`is_builtin`, `create_builtin`, `exec_builtin`) and frozen modules (`is_frozen`,
//! `is_frozen_package`, `find_frozen`, `get_frozen_object`).
//!
//! **Frozen modules** are the import system's own Python modules embedded in the binary:
//! `_frozen_importlib` and `_frozen_importlib_external` (made by `importlib::bootstrap` on the
//! first import, as CPython makes them at start-up) and the package `importlib` with its
//! submodules `util` and `machinery` (found and loaded by `FrozenImporter` when imported, with
//! origin `'frozen'` as in CPython). A frozen module's code is compiled once per process
//! (`embedded::compiled_code`) and named `<frozen NAME>`, as CPython names it.

use super::new_builtin_module;
use crate::error::{PyErr, PyResult};
use crate::object::PyObject;
use crate::object::abstract_ops as ops;
use crate::object::builtin::{MethodDef, args};
use crate::object::dict::as_dict;
use crate::object::int::{new_bool, new_int};
use crate::object::list::new_list;
use crate::object::obj::Obj;
use crate::object::str::{new_str, str_value};
use crate::object::tuple::new_tuple;
use crate::object::types;

/// A frozen module: its name, source, the name its code is compiled under, and whether it is
/// a package.
pub(crate) struct Frozen {
    pub(crate) name: &'static str,
    pub(crate) source: &'static str,
    pub(crate) filename: &'static str,
    pub(crate) is_package: bool,
}

/// The frozen modules (see the module docs).
pub(crate) static FROZEN: &[Frozen] = &[
    Frozen {
        name: "_frozen_importlib",
        source: include_str!("importlib_bootstrap.py"),
        filename: "<frozen importlib._bootstrap>",
        is_package: false,
    },
    Frozen {
        name: "_frozen_importlib_external",
        source: include_str!("importlib_external.py"),
        filename: "<frozen importlib._bootstrap_external>",
        is_package: false,
    },
    Frozen {
        name: "importlib",
        source: include_str!("importlib_init.py"),
        filename: "<frozen importlib>",
        is_package: true,
    },
    Frozen {
        name: "importlib.machinery",
        source: include_str!("importlib_machinery.py"),
        filename: "<frozen importlib.machinery>",
        is_package: false,
    },
    Frozen {
        name: "importlib.util",
        source: include_str!("importlib_util.py"),
        filename: "<frozen importlib.util>",
        is_package: false,
    },
];

/// The frozen module named `name`.
pub(crate) fn find_frozen(name: &str) -> Option<&'static Frozen> {
    FROZEN.iter().find(|f| f.name == name)
}

/// The module written in Rust named `name`, if there is one.
pub(crate) fn builtin_maker(name: &str) -> Option<super::MakeModule> {
    super::BUILTIN_MODULES.iter().find(|(n, _)| *n == name).map(|(_, make)| *make)
}

/// Makes the module.
pub fn make_module() -> PyResult<Obj> {
    new_builtin_module("_imp", FUNCTIONS)
}

fn name_arg<'a>(fname: &str, a: &'a [Obj], k: Option<&PyObject>) -> PyResult<&'a str> {
    let a = args::exact(fname, a, k, 1, 1)?;
    str_value(&a[0])
        .ok_or_else(|| PyErr::type_error(format!("{fname}() argument must be str, not {}", a[0].type_object().name())))
}

fn no_frozen(name: &str) -> PyErr {
    let shown = new_str(name).and_then(|n| ops::repr(&n)).map(|r| str_value(&r).unwrap_or_default().to_owned());
    match shown {
        Ok(shown) => crate::object::exceptions::raise_msg(
            types().exc.named("ImportError"),
            &format!("No such frozen object named {shown}"),
        ),
        Err(e) => e,
    }
}

/// `_imp.create_builtin(spec)`: the module written in Rust that `spec.name` names (the one in
/// `sys.modules` if it was made already: pyrt makes each once per interpreter).
fn create_builtin(a: &[Obj], k: Option<&PyObject>) -> PyResult<Obj> {
    let a = args::exact("create_builtin", a, k, 1, 1)?;
    let name_obj = ops::get_attr_str(&a[0], "name")?;
    let Some(name) = str_value(&name_obj) else {
        return Err(PyErr::type_error(format!("name must be string, not {}", name_obj.type_object().name())));
    };
    let modules = super::sys::modules_dict()?;
    let table = as_dict(&modules).expect("sys.modules is a dict");
    if let Some(m) = table.get(&name_obj)? {
        if crate::object::module::as_module(&m).is_some() {
            return Ok(m);
        }
    }
    let Some(make) = builtin_maker(name) else {
        return Err(crate::object::exceptions::raise_msg(
            types().exc.named("ImportError"),
            &format!("no built-in module named {name}"),
        ));
    };
    make()
}

static FUNCTIONS: &[MethodDef] = &[
    MethodDef::function("is_builtin", |a, k| {
        let name = name_arg("is_builtin", a, k)?;
        // CPython: -1 for the modules that cannot be initialised again (sys, builtins).
        new_int(match builtin_maker(name) {
            None => 0,
            Some(_) if name == "sys" || name == "builtins" => -1,
            Some(_) => 1,
        })
    }),
    MethodDef::function("create_builtin", create_builtin),
    MethodDef::function("exec_builtin", |a, k| {
        args::exact("exec_builtin", a, k, 1, 1)?;
        // A module written in Rust is complete when it is made.
        new_int(0)
    }),
    MethodDef::function("is_frozen", |a, k| Ok(new_bool(find_frozen(name_arg("is_frozen", a, k)?).is_some()))),
    MethodDef::function("is_frozen_package", |a, k| {
        let name = name_arg("is_frozen_package", a, k)?;
        find_frozen(name).map(|f| new_bool(f.is_package)).ok_or_else(|| no_frozen(name))
    }),
    MethodDef::function("find_frozen", |a, k| {
        let name = name_arg("find_frozen", a, k)?;
        match find_frozen(name) {
            None => Ok(args::none()),
            Some(f) => new_tuple(vec![args::none(), new_bool(f.is_package), new_str(f.name)?]),
        }
    }),
    MethodDef::function("get_frozen_object", |a, k| {
        let name = name_arg("get_frozen_object", a, k)?;
        let f = find_frozen(name).ok_or_else(|| no_frozen(name))?;
        super::embedded::compiled_code(f.source, f.filename)
    }),
    MethodDef::function("extension_suffixes", |a, k| {
        args::exact("extension_suffixes", a, k, 0, 0)?;
        // pyrt loads no extension modules.
        new_list(Vec::new())
    }),
];

#[cfg(all(test, not(loom)))]
mod tests {
    use super::*;

    #[test]
    fn frozen_modules_compile_and_builtins_are_known() {
        for f in FROZEN {
            assert!(f.filename.starts_with("<frozen "), "{}", f.name);
        }
        assert!(find_frozen("importlib").is_some_and(|f| f.is_package));
        assert!(find_frozen("importlib.util").is_some_and(|f| !f.is_package));
        assert!(find_frozen("math").is_none());
        assert!(builtin_maker("math").is_some());
        assert!(builtin_maker("importlib").is_none());
        crate::state::Runtime::initialize();
        crate::attach(|_py| {
            for f in FROZEN {
                super::super::embedded::compiled_code(f.source, f.filename).unwrap();
            }
        });
    }
}
