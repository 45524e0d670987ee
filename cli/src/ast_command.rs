//! `pyrt ast FILE`: print the module's AST as CPython 3.13's `ast.dump(ast.parse(source))` does.
//!
//! The file is read as bytes and decoded as CPython decodes a source file (BOM, PEP 263
//! declaration, UTF-8 by default), parsed in `exec` mode and dumped with one trailing newline —
//! the output of
//! `python3.13 -c "import ast,sys; print(ast.dump(ast.parse(open(sys.argv[1],'rb').read())))" FILE`.
//! A syntax error is printed as `python3.13 FILE` prints it (`  File "/abs/FILE", line N`, the
//! line, the markers, `SyntaxError: ...`) on stderr, with exit status 1.

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use pyrt_syntax::{Mode, SyntaxError, ast, decode_source, parse};

pub fn run(path: &Path) -> ExitCode {
    let bytes = match std::fs::read(path) {
        Ok(bytes) => bytes,
        Err(e) => {
            // CPython: `python3.13: can't open file '...': [Errno 2] No such file or directory`, status 2.
            eprintln!("pyrt ast: can't open file '{}': {e}", path.display());
            return ExitCode::from(2);
        }
    };
    // CPython 3.13 names the script by its absolute path (the current directory joined with
    // the path as given, `./` and all) in the report.
    let filename = match std::env::current_dir() {
        Ok(cwd) if path.is_relative() => cwd.join(path).to_string_lossy().into_owned(),
        _ => path.to_string_lossy().into_owned(),
    };
    match dump_source(&bytes) {
        Ok(dump) => {
            let mut out = std::io::stdout().lock();
            match out.write_all(dump.as_bytes()).and_then(|()| out.write_all(b"\n")).and_then(|()| out.flush()) {
                // A closed pipe (`pyrt ast f.py | head`) is not an error worth a message.
                Ok(()) => ExitCode::SUCCESS,
                Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
                Err(e) => {
                    eprintln!("pyrt ast: {e}");
                    ExitCode::FAILURE
                }
            }
        }
        Err(error) => {
            eprint!("{}", error.format_report(&filename));
            ExitCode::FAILURE
        }
    }
}

/// `ast.dump` of the module in `bytes`, or the error decoding or parsing it raises.
fn dump_source(bytes: &[u8]) -> Result<String, SyntaxError> {
    let source = decode_source(bytes)?;
    let arena = bumpalo::Bump::new();
    let module = parse(&source, Mode::Module, &arena)?;
    Ok(ast::dump(&module))
}

#[cfg(test)]
mod tests {
    use super::dump_source;

    #[test]
    fn dumps_a_module_and_reports_errors() {
        assert_eq!(
            dump_source(b"x = 1\n").unwrap(),
            "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=Constant(value=1))])"
        );
        let e = dump_source(b"x = (\n").unwrap_err();
        assert_eq!((e.msg.as_str(), e.lineno, e.offset), ("'(' was never closed", 1, 5));
    }
}
