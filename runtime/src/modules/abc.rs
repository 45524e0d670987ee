//! The `abc` module (abstract base classes): `ABCMeta` with `register` and the
//! `__instancecheck__`/`__subclasscheck__` caches, `ABC`, `abstractmethod` and the deprecated
//! `abstract*` decorators, `get_cache_token`, `update_abstractmethods` — the semantics of
//! CPython's pure-Python `_py_abc`, in `abc_module.py`, run in the module's namespace. The
//! registries hold strong references (CPython's hold weak ones).
//!
//! An abstract class cannot be instantiated: [`check_not_abstract`] is `object.__new__`'s test
//! (CPython's `Py_TPFLAGS_IS_ABSTRACT`), made only for classes whose metaclass is not plain
//! `type`, as only a metaclass (`ABCMeta`) computes `__abstractmethods__`.

use super::new_builtin_module;
use crate::error::{PyErr, PyResult};
use crate::object::abstract_ops as ops;
use crate::object::module::module_dict;
use crate::object::obj::Obj;
use crate::object::str::str_value;
use crate::object::typeobj::TypeObject;
use crate::object::{intern, types};

const SOURCE: &str = include_str!("abc_module.py");

/// The module, made on import.
pub fn make_module() -> PyResult<Obj> {
    let m = new_builtin_module("abc", &[])?;
    let dict = module_dict(&m).expect("a module has a dict");
    let code = match pyrt_compile::compile(SOURCE, "<frozen abc>", pyrt_syntax::Mode::Module) {
        Ok(code) => crate::object::code::new_code(code)?,
        Err(e) => return Err(PyErr::runtime_error(format!("abc: {}", e.msg))),
    };
    crate::eval::run_code(&code, &dict, Some(dict.clone()))?;
    Ok(m)
}

/// `object.__new__`'s refusal of a class with abstract methods: "Can't instantiate abstract
/// class C without an implementation for abstract method(s) 'f', 'g'" (sorted names).
pub(crate) fn check_not_abstract(ty: &TypeObject) -> PyResult<()> {
    if std::ptr::eq(ty.as_object().type_object(), types().type_type) {
        return Ok(());
    }
    let Some(abstracts) = crate::object::attr::lookup(ty, &intern("__abstractmethods__").ob_base) else {
        return Ok(());
    };
    let mut names: Vec<String> = Vec::new();
    for name in ops::collect(&abstracts)? {
        names.push(str_value(&name).map_or_else(|| ops::repr_text(&name), |s| Ok(s.to_owned()))?);
    }
    if names.is_empty() {
        return Ok(());
    }
    names.sort();
    let listed = names.iter().map(|n| format!("'{n}'")).collect::<Vec<_>>().join(", ");
    Err(PyErr::type_error(format!(
        "Can't instantiate abstract class {} without an implementation for abstract method{} {listed}",
        ty.name(),
        if names.len() == 1 { "" } else { "s" }
    )))
}
