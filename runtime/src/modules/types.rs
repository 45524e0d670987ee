//! The `types` module: the names of the interpreter's types and `new_class` /
//! `prepare_class` / `resolve_bases` (CPython's `Lib/types.py`).
//!
//! The types with their own implementation here — `SimpleNamespace`, `GenericAlias`,
//! `UnionType` — are put in the module first; the rest is Python (`types_module.py`), run in
//! the module's namespace, which names each type as the type of a sample object, as CPython's
//! `types.py` does, so every name is the interpreter's real type. `types.coroutine` marks a
//! generator function's code as iterable-coroutine only where the code object can be
//! replaced; otherwise it wraps the function.

use super::new_builtin_module;
use crate::error::{PyErr, PyResult};
use crate::object::module::module_dict;
use crate::object::obj::Obj;
use crate::object::types;

const SOURCE: &str = include_str!("types_module.py");

/// The module, made on import.
pub fn make_module() -> PyResult<Obj> {
    let m = new_builtin_module("types", &[])?;
    let t = types();
    for (name, ty) in
        [("SimpleNamespace", t.namespace_type), ("GenericAlias", t.generic_alias_type), ("UnionType", t.union_type)]
    {
        super::module_set(&m, name, Obj::new_ref(ty.as_object()))?;
    }
    let dict = module_dict(&m).expect("a module has a dict");
    let code = match pyrt_compile::compile(SOURCE, "<frozen types>", pyrt_syntax::Mode::Module) {
        Ok(code) => crate::object::code::new_code(code)?,
        Err(e) => return Err(PyErr::runtime_error(format!("types: {}", e.msg))),
    };
    crate::eval::run_code(&code, &dict, Some(dict.clone()))?;
    Ok(m)
}
