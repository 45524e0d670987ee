//! The `copyreg` module: the pickle and copy registries (`dispatch_table`, `pickle`,
//! `constructor`, the extension codes) and the helpers `object.__reduce_ex__` calls —
//! `__newobj__`, `__newobj_ex__`, `_reconstructor`, `_reduce_ex` (protocols 0 and 1) and
//! `_slotnames` (the slot names of a class, cached in its `__slotnames__`). CPython's module is
//! Python (`Lib/copyreg.py`); `copyreg_module.py` is that source, run in the module's namespace.

use super::new_builtin_module;
use crate::error::PyResult;
use crate::object::obj::Obj;

const SOURCE: &str = include_str!("copyreg_module.py");

/// The module, made on import.
pub fn make_module() -> PyResult<Obj> {
    let m = new_builtin_module("copyreg", &[])?;
    super::embedded::run_in_module(&m, SOURCE, "<frozen copyreg>")?;
    Ok(m)
}
