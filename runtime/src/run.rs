//! Running Python programs: the embedding API the `pyrt` command is built on.
//!
//! Everything here takes a [`Python`] token, so it runs attached to an interpreter, and hands
//! back only what is safe to keep once the attachment ends: an exit status, a [`PyErr`] (whose
//! exception object is held unbound, see `error`), or text. The object layer's own handles never
//! leave the crate.
//!
//! [`run_main`] is CPython's `Py_RunMain` for a script: compile, run as `__main__`, print an
//! uncaught exception's traceback (or a `SyntaxError` report) on stderr, honour `SystemExit`, and
//! give the process exit status. [`exec`] runs source and returns the error instead.

use std::io::Write;
use std::sync::Arc;

use pyrt_compile::CodeObject;
use pyrt_syntax::SyntaxError;

use crate::Python;
use crate::error::{ExcKind, PyErr, PyResult};
use crate::eval;
use crate::object::exceptions::as_exception;
use crate::object::int::{IntVal, as_int};
use crate::object::{abstract_ops, immortals, types};

/// Compiles `source` (bytes as read from the file: PEP 263 declarations and a BOM are honoured)
/// and runs it as the `__main__` module named `filename`; prints what CPython prints for an
/// uncaught exception, flushes stdout, and returns the exit status CPython's `python FILE`
/// would exit with: 0, 1 for an uncaught exception or a syntax error, or `SystemExit`'s code.
pub fn run_main(py: Python<'_>, source: &[u8], filename: &str) -> u8 {
    let status = match compile_main(source, filename) {
        Ok(code) => match eval::run_module(code, "__main__", filename) {
            Ok(_) => 0,
            Err(err) => report(py, err),
        },
        Err(e) => {
            eprint!("{}", e.format_report(filename));
            1
        }
    };
    let _ = std::io::stdout().flush();
    status
}

/// Compiles `source` and runs it as the `__main__` module named `filename`. A syntax error comes
/// back as an exception of its class (`SyntaxError`, `IndentationError`, ...) with its message.
pub fn exec(_py: Python<'_>, source: &[u8], filename: &str) -> PyResult<()> {
    let code =
        compile_main(source, filename).map_err(|e| PyErr::new(ExcKind::from_name(e.kind.name()), e.msg.clone()))?;
    eval::run_module(code, "__main__", filename).map(drop)
}

/// Decodes and compiles a module's source, and records it for tracebacks.
fn compile_main(source: &[u8], filename: &str) -> Result<Arc<CodeObject>, SyntaxError> {
    let text = pyrt_syntax::decode_source(source)?;
    let code = pyrt_compile::compile(&text, filename, pyrt_syntax::Mode::Module)?;
    eval::source_cache::insert(filename, &text);
    Ok(code)
}

/// Prints an uncaught exception as CPython does and gives the exit status.
fn report(_py: Python<'_>, err: PyErr) -> u8 {
    let exc = err.into_object();
    if exc.type_object().is_subtype(types().exc.named("SystemExit")) {
        let code = as_exception(&exc)
            .and_then(|e| e.fields().args.clone())
            .and_then(|a| crate::object::tuple::items(&a).first().cloned());
        return match code {
            None => 0,
            Some(c) if c.is(immortals().none) => 0,
            Some(c) => match as_int(&c) {
                Some(IntVal::Small(v)) => v as u8,
                Some(IntVal::Big(_)) => 255,
                None => {
                    let _ = std::io::stdout().flush();
                    eprintln!("{}", abstract_ops::str_text(&c).unwrap_or_default());
                    1
                }
            },
        };
    }
    let _ = std::io::stdout().flush();
    eprint!("{}", eval::traceback::format_exception(&exc));
    1
}
