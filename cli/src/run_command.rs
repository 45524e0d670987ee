//! `pyrt FILE [ARGS]` and `pyrt -c CODE`: compile the source, run it as `__main__` in the main
//! interpreter, and exit as CPython does — 0; 1 with the traceback on stderr for an uncaught
//! exception (or a `SyntaxError` report); `SystemExit`'s code.

use std::process::ExitCode;

use pyrt::object::exceptions::as_exception;
use pyrt::object::int::{IntVal, as_int};
use pyrt::object::{abstract_ops, immortals, types};
use pyrt::{PyErr, Runtime};
use pyrt_syntax::{Mode, decode_source};

/// Runs the file at `path`; `argv` becomes `sys.argv` (the path first).
pub fn run_file(path: &str, argv: &[String]) -> ExitCode {
    match std::fs::read(path) {
        // Like CPython, the main script's code is named by its absolute path, and its directory
        // is `sys.path[0]`.
        Ok(bytes) => {
            let abs = std::path::absolute(path).map_or_else(|_| path.to_owned(), |p| p.display().to_string());
            let dir = std::path::Path::new(&abs).parent().map(|d| d.display().to_string()).unwrap_or_default();
            run_source(&bytes, &abs, argv, Some(&dir))
        }
        Err(e) => {
            let abs = std::path::absolute(path).map(|p| p.display().to_string()).unwrap_or_else(|_| path.to_owned());
            eprintln!("pyrt: can't open file '{abs}': [Errno {}] {}", e.raw_os_error().unwrap_or(0), errno_text(&e));
            ExitCode::from(2)
        }
    }
}

fn errno_text(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "No such file or directory".to_owned(),
        std::io::ErrorKind::PermissionDenied => "Permission denied".to_owned(),
        _ => e.to_string(),
    }
}

/// Compiles and runs `bytes` as the `__main__` module named `filename`, with `argv` as
/// `sys.argv` and `script_dir` (or `''`) as `sys.path[0]`.
pub fn run_source(bytes: &[u8], filename: &str, argv: &[String], script_dir: Option<&str>) -> ExitCode {
    let source = match decode_source(bytes) {
        Ok(s) => s.into_owned(),
        Err(e) => {
            eprint!("{}", e.format_report(filename));
            return ExitCode::FAILURE;
        }
    };
    let code = match pyrt_compile::compile(&source, filename, Mode::Module) {
        Ok(c) => c,
        Err(e) => {
            eprint!("{}", e.format_report(filename));
            return ExitCode::FAILURE;
        }
    };
    pyrt::eval::source_cache::insert(filename, &source);
    Runtime::initialize();
    let status = pyrt::attach(|_py| {
        let configured = pyrt::modules::sys::configure_main(argv, script_dir);
        let status = match configured.and_then(|()| pyrt::eval::run_module(code, "__main__", filename)) {
            Ok(_) => 0,
            Err(e) => report(e),
        };
        let _ = pyrt::object::textio::flush_stdout();
        status
    });
    ExitCode::from(status)
}

/// Prints an uncaught exception as CPython does and gives the exit status.
fn report(err: PyErr) -> u8 {
    let exc = err.into_object();
    if exc.type_object().is_subtype(types().exc.named("SystemExit")) {
        let code = as_exception(&exc)
            .and_then(|e| e.fields().args.clone())
            .and_then(|a| pyrt::object::tuple::items(&a).first().cloned());
        return match code {
            None => 0,
            Some(c) if c.is(immortals().none) => 0,
            Some(c) => match as_int(&c) {
                Some(IntVal::Small(v)) => v as u8,
                Some(IntVal::Big(_)) => 255,
                None => {
                    let _ = pyrt::object::textio::flush_stdout();
                    eprintln!("{}", abstract_ops::str_text(&c).unwrap_or_default());
                    1
                }
            },
        };
    }
    let _ = pyrt::object::textio::flush_stdout();
    pyrt::modules::sys::print_uncaught(&exc);
    1
}
