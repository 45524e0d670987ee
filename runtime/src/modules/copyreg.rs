//! The `copyreg` module: the pickle and copy registries (`dispatch_table`, `pickle`,
//! `constructor`, the extension codes) and the helpers `object.__reduce_ex__` calls —
//! `__newobj__`, `__newobj_ex__`, `_reconstructor`, `_reduce_ex` (protocols 0 and 1) and
//! `_slotnames` (the slot names of a class, cached in its `__slotnames__`). CPython's module is
//! Python (`Lib/copyreg.py`); `copyreg_module.py` is that source, run in the module's namespace.

use super::new_builtin_module;
use crate::error::{PyErr, PyResult};
use crate::object::module::module_dict;
use crate::object::obj::Obj;

const SOURCE: &str = include_str!("copyreg_module.py");

/// The module, made on import.
pub fn make_module() -> PyResult<Obj> {
    let m = new_builtin_module("copyreg", &[])?;
    let dict = module_dict(&m).expect("a module has a dict");
    let code = match pyrt_compile::compile(SOURCE, "<frozen copyreg>", pyrt_syntax::Mode::Module) {
        Ok(code) => crate::object::code::new_code(code)?,
        Err(e) => return Err(PyErr::runtime_error(format!("copyreg: {}", e.msg))),
    };
    crate::eval::run_code(&code, &dict, Some(dict.clone()))?;
    Ok(m)
}
