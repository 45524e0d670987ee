//! Running what `python`'s command line names: a file, `-c` code, `-m` module, stdin, or the
//! interactive prompt; compile the source, run it as `__main__` in the main interpreter, and exit
//! as CPython does — 0; 1 with the traceback on stderr for an uncaught exception (or a
//! `SyntaxError` report); `SystemExit`'s code; 2 when the file cannot be opened.

use std::io::Read;
use std::process::ExitCode;

use pyrt::{LockKind, Runtime};

use crate::options::{Options, Target};

/// Runs `o`'s target in the main interpreter.
pub fn run(o: &Options, stdin_is_terminal: bool) -> ExitCode {
    let gil = match o.gil {
        Some(g) => g,
        None => match std::env::var("PYTHON_GIL").ok().filter(|_| !o.ignore_environment).as_deref() {
            None | Some("") | Some("1") => true,
            Some("0") => false,
            Some(_) => config_fatal(crate::options::GIL_VALUE),
        },
    };
    Runtime::initialize_with(if gil { LockKind::Own } else { LockKind::None });
    let status = match &o.target {
        Target::File(path) => match read_script(path) {
            Ok((bytes, filename)) => {
                let dir = std::path::Path::new(&filename).parent().map(|d| d.display().to_string()).unwrap_or_default();
                main_then_inspect(o, &bytes, &filename, &o.argv, Some(&dir), stdin_is_terminal)
            }
            Err(status) => return status,
        },
        Target::Code(code) => main_then_inspect(o, code.as_bytes(), "<string>", &o.argv, Some(""), stdin_is_terminal),
        Target::Module(name) => match find_module(name, o.isolated) {
            // `sys.argv[0]` is the module's full path, `sys.path[0]` the current directory.
            Some(path) => match read_script(&path) {
                Ok((bytes, filename)) => {
                    let mut argv = o.argv.clone();
                    argv[0] = filename.clone();
                    let cwd = std::env::current_dir().map(|d| d.display().to_string()).unwrap_or_default();
                    main_then_inspect(o, &bytes, &filename, &argv, Some(&cwd), stdin_is_terminal)
                }
                Err(status) => return status,
            },
            None => {
                eprintln!("{}: No module named {name}", program());
                1
            }
        },
        Target::Stdin => {
            let mut bytes = Vec::new();
            if let Err(e) = std::io::stdin().read_to_end(&mut bytes) {
                eprintln!("{}: can't read stdin: {e}", program());
                return ExitCode::from(2);
            }
            main_then_inspect(o, &bytes, "<stdin>", &o.argv, Some(""), stdin_is_terminal)
        }
        Target::Interactive => pyrt::attach(|py| {
            if let Err(e) = pyrt::run::configure_main(py, &o.argv, path0(o, Some("")), !o.ignore_environment) {
                eprintln!("{e}");
                return 1;
            }
            if let Err(e) = pyrt::run::configure_warnings(py, &warn_options(o)) {
                eprintln!("{e}");
                return 1;
            }
            if !o.quiet {
                eprintln!("{}", crate::repl::banner());
            }
            match pyrt::run::Console::new(py) {
                Ok(mut console) => crate::repl::run(&mut console, stdin_is_terminal),
                Err(e) => {
                    eprintln!("{e}");
                    1
                }
            }
        }),
    };
    pyrt::run::exit_if_interrupted();
    ExitCode::from(status)
}

/// A fatal error before the runtime exists, printed as CPython prints it; aborts.
pub fn config_fatal(message: &str) -> ! {
    eprintln!("Fatal Python error: {message}");
    eprintln!("Python runtime state: preinitialized");
    std::process::abort();
}

/// `sys.path[0]`: nothing in isolated mode (`-I`).
/// `sys.warnoptions`: `PYTHONWARNINGS`'s comma-separated entries (not with `-E`/`-I`), then
/// the `-W` options.
fn warn_options(o: &Options) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    if !o.ignore_environment {
        if let Ok(env) = std::env::var("PYTHONWARNINGS") {
            out.extend(env.split(',').filter(|s| !s.is_empty()).map(str::to_owned));
        }
    }
    out.extend(o.warnoptions.iter().cloned());
    out
}

fn path0<'a>(o: &Options, dir: Option<&'a str>) -> Option<&'a str> {
    if o.isolated { None } else { dir }
}

/// Runs the script with `argv` as `sys.argv` and `dir` first on `sys.path`; with `-i`, the
/// prompt follows in the script's namespace.
fn main_then_inspect(
    o: &Options,
    source: &[u8],
    filename: &str,
    argv: &[String],
    dir: Option<&str>,
    stdin_is_terminal: bool,
) -> u8 {
    pyrt::attach(|py| {
        if let Err(e) = pyrt::run::configure_main(py, argv, path0(o, dir), !o.ignore_environment) {
            eprintln!("{e}");
            return 1;
        }
        if let Err(e) = pyrt::run::configure_warnings(py, &warn_options(o)) {
            eprintln!("{e}");
            return 1;
        }
        if !o.inspect {
            return pyrt::run::run_main(py, source, filename);
        }
        let mut console = match pyrt::run::Console::new(py) {
            Ok(c) => c,
            Err(e) => {
                eprintln!("{e}");
                return 1;
            }
        };
        if let pyrt::run::Pushed::Exit(status) = console.run_module_source(source, filename) {
            return status;
        }
        crate::repl::run(&mut console, stdin_is_terminal)
    })
}

/// The program name for messages, as CPython prints its `argv[0]`.
fn program() -> String {
    std::env::args().next().unwrap_or_else(|| "pyrt".into())
}

/// The file's bytes and the name its code gets (its absolute path, as CPython names the main
/// script), or the exit status after CPython's "can't open file" message.
fn read_script(path: &str) -> Result<(Vec<u8>, String), ExitCode> {
    let abs = std::path::absolute(path).map_or_else(|_| path.to_owned(), |p| p.display().to_string());
    match std::fs::read(path) {
        Ok(bytes) => Ok((bytes, abs)),
        Err(e) => {
            eprintln!(
                "{}: can't open file '{abs}': [Errno {}] {}",
                program(),
                e.raw_os_error().unwrap_or(0),
                errno_text(&e)
            );
            Err(ExitCode::from(2))
        }
    }
}

/// `-m NAME`: the module's file on the search path `-m` uses before the standard library —
/// the current directory (unless `-I`), then `PYTHONPATH` (unless `-I`/`-E`) — as
/// `a/b/name.py` or a package's `a/b/name/__main__.py`.
fn find_module(name: &str, isolated: bool) -> Option<String> {
    let mut dirs = Vec::new();
    if !isolated {
        dirs.push(std::path::PathBuf::from("."));
        if let Some(pp) = std::env::var_os("PYTHONPATH") {
            dirs.extend(std::env::split_paths(&pp));
        }
    }
    let rel: std::path::PathBuf = name.split('.').collect();
    dirs.iter().find_map(|d| {
        let file = d.join(&rel).with_extension("py");
        let package = d.join(&rel).join("__main__.py");
        [file, package].into_iter().find(|p| p.is_file()).map(|p| p.display().to_string())
    })
}
fn errno_text(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "No such file or directory".to_owned(),
        std::io::ErrorKind::PermissionDenied => "Permission denied".to_owned(),
        _ => e.to_string(),
    }
}
