//! `pyrt FILE [ARGS]` and `pyrt -c CODE`: compile the source, run it as `__main__` in the main
//! interpreter, and exit as CPython does — 0; 1 with the traceback on stderr for an uncaught
//! exception (or a `SyntaxError` report); `SystemExit`'s code.

use std::process::ExitCode;

use pyrt::Runtime;

/// Runs the file at `path`.
pub fn run_file(path: &str) -> ExitCode {
    match std::fs::read(path) {
        // Like CPython, the main script's code is named by its absolute path.
        Ok(bytes) => {
            run_source(&bytes, &std::path::absolute(path).map_or_else(|_| path.to_owned(), |p| p.display().to_string()))
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

/// Compiles and runs `bytes` as the `__main__` module named `filename`.
pub fn run_source(bytes: &[u8], filename: &str) -> ExitCode {
    Runtime::initialize();
    ExitCode::from(pyrt::attach(|py| pyrt::run::run_main(py, bytes, filename)))
}
