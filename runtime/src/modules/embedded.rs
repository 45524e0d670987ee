//! The modules written in Python and embedded in the binary (`copyreg`, `_frozen_importlib`,
//! `_codecs`' registry, `codecs`, `encodings`): their code is compiled when the runtime is
//! built (`build.rs`, in `pyrt_compile::frozen`'s form), loaded once per process and
//! the code shared by every interpreter that makes the module (a code object's compiled form
//! holds no interpreter's objects; each run wraps it in the interpreter's own code object), so
//! a new interpreter pays only for running it.

use crate::error::{PyErr, PyResult};
use crate::object::PyObject;
use crate::object::module::module_dict;
use pyrt_compile::CodeObject;
use std::collections::HashMap;
use std::sync::{Arc, Mutex, OnceLock};

// `FROZEN_CODE`: each source of `src/modules/*.py` with its code, compiled by build.rs.
include!(concat!(env!("OUT_DIR"), "/frozen_code.rs"));

/// The compiled embedded sources, by file name (`<frozen codecs>`).
static COMPILED: OnceLock<Mutex<HashMap<&'static str, Arc<CodeObject>>>> = OnceLock::new();

/// The code build.rs compiled for `source`, loaded under `filename` (`None` for a source it
/// did not compile: the unit tests' own).
fn precompiled(source: &str, filename: &str) -> Option<Arc<CodeObject>> {
    let (_, code) = FROZEN_CODE.iter().find(|(s, _)| s.len() == source.len() && *s == source)?;
    pyrt_compile::frozen::decode(code, filename).ok()
}

/// The compiled code of an embedded source (loaded, or compiled, on first use).
fn compiled(source: &'static str, filename: &'static str) -> PyResult<Arc<CodeObject>> {
    let table = COMPILED.get_or_init(|| Mutex::new(HashMap::new()));
    if let Some(code) = table.lock().unwrap_or_else(|e| e.into_inner()).get(filename) {
        return Ok(code.clone());
    }
    // Made outside the lock; a second thread making the same code keeps its own.
    let code = match precompiled(source, filename) {
        Some(code) => code,
        None => pyrt_compile::compile(source, filename, pyrt_syntax::Mode::Module)
            .map_err(|e| PyErr::runtime_error(format!("{filename}: {}", e.msg)))?,
    };
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
    fn every_embedded_source_was_compiled_by_the_build() {
        for f in super::super::imp::FROZEN {
            let code = precompiled(f.source, f.filename).expect("build.rs compiled it");
            assert_eq!(&*code.filename, f.filename);
            let fresh = pyrt_compile::compile(f.source, f.filename, pyrt_syntax::Mode::Module).unwrap();
            assert_eq!(pyrt_compile::frozen::encode(&code), pyrt_compile::frozen::encode(&fresh));
        }
        assert!(FROZEN_CODE.len() >= 10, "{} sources", FROZEN_CODE.len());
    }

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
