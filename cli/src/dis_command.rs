//! `pyrt dis FILE`: compile a file and print its disassembly as CPython 3.13's
//! `python3.13 -m dis FILE` prints it (line, offset, opname, oparg, argrepr; jump labels; the
//! exception table; nested code objects after their parent).
//!
//! The file is decoded as CPython decodes a source file and compiled in `exec` mode under the
//! name given on the command line (CPython's `dis` main does the same). A syntax error is
//! printed as `python3.13 FILE` prints it, on stderr, with exit status 1.

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use pyrt_compile::{Mode, compile, dis::disassemble};
use pyrt_syntax::decode_source;

pub fn run(path: &Path) -> ExitCode {
    let bytes = match std::fs::read(path) {
        Ok(bytes) => bytes,
        Err(e) => {
            eprintln!("pyrt dis: can't open file '{}': {e}", path.display());
            return ExitCode::from(2);
        }
    };
    let name = path.to_string_lossy();
    match decode_source(&bytes).and_then(|source| compile(&source, &name, Mode::Module)) {
        Ok(code) => {
            let mut out = std::io::stdout().lock();
            match out.write_all(disassemble(&code).as_bytes()).and_then(|()| out.flush()) {
                Ok(()) => ExitCode::SUCCESS,
                // A closed pipe (`pyrt dis f.py | head`) is not an error worth a message.
                Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
                Err(e) => {
                    eprintln!("pyrt dis: {e}");
                    ExitCode::FAILURE
                }
            }
        }
        Err(error) => {
            let filename = match std::env::current_dir() {
                Ok(cwd) if path.is_relative() => cwd.join(path).to_string_lossy().into_owned(),
                _ => name.into_owned(),
            };
            eprint!("{}", error.format_report(&filename));
            ExitCode::FAILURE
        }
    }
}
