//! The modules written in Python and embedded in the binary (`copyreg`, `_frozen_importlib`,
//! `_codecs`' registry, `codecs`, `encodings`): their source is compiled once per process and
//! the code shared by every interpreter that makes the module (a code object's compiled form
//! holds no interpreter's objects; each run wraps it in the interpreter's own code object), so
//! a new interpreter pays only for running it.

use crate::error::{PyErr, PyResult};
use crate::object::PyObject;
use crate::object::module::module_dict;
use pyrt_compile::CodeObject;
use std::collections::HashMap;
use std::sync::{Arc, Mutex, OnceLock};

/// The compiled embedded sources, by file name (`<frozen codecs>`).
static COMPILED: OnceLock<Mutex<HashMap<&'static str, Arc<CodeObject>>>> = OnceLock::new();

/// The compiled code of an embedded source (compiled on first use).
fn compiled(source: &'static str, filename: &'static str) -> PyResult<Arc<CodeObject>> {
    let table = COMPILED.get_or_init(|| Mutex::new(HashMap::new()));
    if let Some(code) = table.lock().unwrap_or_else(|e| e.into_inner()).get(filename) {
        return Ok(code.clone());
    }
    // Compiled outside the lock; a second thread compiling the same source keeps its own.
    let code = pyrt_compile::compile(source, filename, pyrt_syntax::Mode::Module)
        .map_err(|e| PyErr::runtime_error(format!("{filename}: {}", e.msg)))?;
    table.lock().unwrap_or_else(|e| e.into_inner()).insert(filename, code.clone());
    Ok(code)
}

/// The code object of an embedded source, for the interpreter that asks (`_imp.get_frozen_object`).
pub(crate) fn compiled_code(source: &'static str, filename: &'static str) -> PyResult<crate::object::obj::Obj> {
    crate::object::code::new_code(compiled(source, filename)?)
}

/// Runs an embedded module's source in the namespace of module `m`.
pub(crate) fn run_in_module(m: &PyObject, source: &'static str, filename: &'static str) -> PyResult<()> {
    let dict = module_dict(m).expect("a module has a dict");
    let code = crate::object::code::new_code(compiled(source, filename)?)?;
    crate::eval::run_code(&code, &dict, Some(dict.clone()))?;
    Ok(())
}

#[cfg(all(test, not(loom)))]
mod tests {
    use super::*;

    #[test]
    fn a_source_is_compiled_once_and_shared() {
        crate::state::Runtime::initialize();
        crate::attach(|_py| {
            let a = compiled("x = 1\n", "<frozen embedded-test>").unwrap();
            let b = compiled("x = 1\n", "<frozen embedded-test>").unwrap();
            assert!(Arc::ptr_eq(&a, &b));
            let e = compiled("x = (\n", "<frozen embedded-bad>").unwrap_err();
            assert!(e.to_string().contains("<frozen embedded-bad>"), "{e}");
        });
    }
}
