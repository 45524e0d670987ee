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
//!
//! **One thread at a time in a free-threaded interpreter, for now.** The builtin containers do
//! not take their critical sections yet, so two threads running Python in one free-threaded
//! interpreter at once could race on a shared dict (`sys.modules`, a module's globals). Until
//! they do, every entry point here runs its Python code inside a critical section on the
//! interpreter's `builtins` module — a language lock that, like the GIL, is suspended whenever
//! the thread detaches (so it never blocks a stop-the-world). Interpreters with a lock already
//! serialise their threads and take no mutex; interpreters still run in parallel with each other.

use std::sync::Arc;

use pyrt_compile::CodeObject;
use pyrt_syntax::{SyntaxError, SyntaxWarning};

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
        Ok((code, warnings)) => {
            let run = || {
                if let Err(err) = crate::modules::warnings::emit_syntax_warnings(&warnings, filename) {
                    return Ok(report(py, err));
                }
                Ok(match eval::run_module(code, "__main__", filename) {
                    Ok(_) => 0,
                    Err(err) => report(py, err),
                })
            };
            one_at_a_time(py, run).unwrap_or_else(|err| report(py, err))
        }
        Err(e) => {
            eprint!("{}", e.format_report(filename));
            1
        }
    };
    // `Py_RunMain` finalizes: what `__main__` holds goes, running its finalizers.
    let _ = one_at_a_time(py, || {
        eval::source_cache::without_source(crate::modules::shutdown::finalize_main);
        Ok(())
    });
    let _ = crate::object::textio::flush_stdout();
    status
}

/// What the command line gives the `__main__` program: `sys.argv`, and `sys.path[0]` — the
/// script's directory, `""` for `-c`, stdin and the prompt, the current directory for `-m`, or
/// nothing in isolated mode — and whether `PYTHONPATH` extends `sys.path` (not with `-E`/`-I`).
pub fn configure_main(py: Python<'_>, argv: &[String], path0: Option<&str>, use_pythonpath: bool) -> PyResult<()> {
    one_at_a_time(py, || crate::modules::sys::configure_main(argv, path0, use_pythonpath))
}

/// `sys.warnoptions` — `PYTHONWARNINGS`'s comma-separated entries, then the `-W` options — made
/// into warning filters at once, as CPython does at startup (an invalid one is reported on
/// `sys.stderr` and ignored).
pub fn configure_warnings(py: Python<'_>, options: &[String]) -> PyResult<()> {
    one_at_a_time(py, || crate::modules::sys::configure_warnings(options))
}

/// Compiles `source` and runs it as the `__main__` module named `filename`. A syntax error comes
/// back as an exception of its class (`SyntaxError`, `IndentationError`, ...) with its message.
pub fn exec(py: Python<'_>, source: &[u8], filename: &str) -> PyResult<()> {
    let (code, warnings) =
        compile_main(source, filename).map_err(|e| PyErr::new(ExcKind::from_name(e.kind.name()), e.msg.clone()))?;
    one_at_a_time(py, || {
        crate::modules::warnings::emit_syntax_warnings(&warnings, filename)?;
        eval::run_module(code, "__main__", filename)
    })
    .map(drop)
}

/// Runs `f` — Python code — holding the interpreter's language lock (see the module docs).
pub(crate) fn one_at_a_time<R>(py: Python<'_>, f: impl FnOnce() -> PyResult<R>) -> PyResult<R> {
    let anchor = crate::modules::builtins::builtins_module()?;
    py.critical_section(&anchor, f)
}

/// Decodes and compiles a module's source, and records it for tracebacks; the compiler's
/// `SyntaxWarning`s are for the caller to emit (with the interpreter's lock held).
fn compile_main(source: &[u8], filename: &str) -> Result<(Arc<CodeObject>, Vec<SyntaxWarning>), SyntaxError> {
    let text = pyrt_syntax::decode_source(source)?;
    let compiled = pyrt_compile::compile_with_warnings(&text, filename, pyrt_syntax::Mode::Module)?;
    eval::source_cache::insert(filename, &text);
    Ok(compiled)
}

/// Prints an uncaught exception as CPython does — through `sys.excepthook` — and gives the
/// exit status.
fn report(_py: Python<'_>, err: PyErr) -> u8 {
    let exc = err.into_object();
    if exc.type_object().is_subtype(types().exc.named("SystemExit")) {
        let code = as_exception(&exc)
            .and_then(|e| e.args().get())
            .and_then(|a| crate::object::tuple::items(&a).first().cloned());
        return match code {
            None => 0,
            Some(c) if c.is(immortals().none) => 0,
            Some(c) => match as_int(&c) {
                Some(IntVal::Small(v)) => v as u8,
                Some(IntVal::Big(_)) => 255,
                None => {
                    let _ = crate::object::textio::flush_stdout();
                    eprintln!("{}", abstract_ops::str_text(&c).unwrap_or_default());
                    1
                }
            },
        };
    }
    let _ = crate::object::textio::flush_stdout();
    crate::modules::sys::print_uncaught(&exc);
    if exc.type_object().is_subtype(types().exc.named("KeyboardInterrupt")) {
        UNHANDLED_KEYBOARD_INTERRUPT.store(true, std::sync::atomic::Ordering::Relaxed);
    }
    1
}

/// Whether a program ended with an uncaught `KeyboardInterrupt` (CPython's
/// `_PyRuntime.signals.unhandled_keyboard_interrupt`).
static UNHANDLED_KEYBOARD_INTERRUPT: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

/// What the `pyrt` command does last when the program ended with an uncaught
/// `KeyboardInterrupt`, as `python` does (`exit_sigint`): the process ends by `SIGINT` with its
/// default action, so that a shell sees it interrupted (status -2 / 130). Returns (doing nothing)
/// when there was no such exception, or if the signal did not end the process.
pub fn exit_if_interrupted() {
    if !UNHANDLED_KEYBOARD_INTERRUPT.load(std::sync::atomic::Ordering::Relaxed) {
        return;
    }
    let _ = std::io::Write::flush(&mut std::io::stdout());
    // SAFETY: restoring the default disposition of SIGINT and sending it to this process are
    // plain system calls with valid arguments; nothing in this process relies on its own
    // handler from here on.
    unsafe {
        libc::signal(libc::SIGINT, libc::SIG_DFL);
        libc::kill(libc::getpid(), libc::SIGINT);
    }
}

/// What [`Console::push`] did with the source it was given.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Pushed {
    /// The statement ran (an uncaught exception's traceback, or a syntax error's report, was
    /// printed on stderr as CPython's interactive loop prints it).
    Done,
    /// The source is the start of a statement: read another line and push the whole text again.
    Incomplete,
    /// `SystemExit` was raised: leave with this exit status.
    Exit(u8),
}

/// An interactive session (CPython's `PyRun_InteractiveLoop`): one `__main__` namespace in which
/// statements run one at a time, compiled in `single` mode so that an expression statement's
/// value is echoed. Branded with its attachment, like every handle to objects.
pub struct Console<'py> {
    globals: crate::object::obj::Obj,
    _py: Python<'py>,
}

impl<'py> Console<'py> {
    /// A session with a fresh `__main__` namespace.
    pub fn new(py: Python<'py>) -> PyResult<Console<'py>> {
        Ok(Console { globals: one_at_a_time(py, || eval::main_globals("__main__", None))?, _py: py })
    }

    /// Runs a whole script in the session's namespace (`python -i FILE`: the prompt that follows
    /// sees the script's globals). Errors are printed as [`run_main`] prints them.
    pub fn run_module_source(&mut self, source: &[u8], filename: &str) -> Pushed {
        let result = match compile_main(source, filename) {
            Ok((code, warnings)) => {
                let file = crate::object::str::new_str(filename).and_then(|f| {
                    crate::object::dict::as_dict(&self.globals)
                        .expect("a dict")
                        .set(crate::object::str::new_str("__file__")?, f)
                });
                file.and_then(|()| crate::object::code::new_code(code)).and_then(|code| {
                    one_at_a_time(self._py, || {
                        crate::modules::warnings::emit_syntax_warnings(&warnings, filename)?;
                        eval::run_code(&code, &self.globals, Some(self.globals.clone()))
                    })
                })
            }
            Err(e) => {
                eprint!("{}", e.format_report(filename));
                return Pushed::Done;
            }
        };
        let _ = crate::object::textio::flush_stdout();
        self.outcome(result)
    }

    /// What a run of the session's code ended with; an error is printed (in the language lock,
    /// as printing may run Python: `__str__`, `__repr__`).
    fn outcome(&self, result: PyResult<crate::object::obj::Obj>) -> Pushed {
        let Err(err) = result else { return Pushed::Done };
        let exit = err.matches(types().exc.named("SystemExit"));
        let status = one_at_a_time(self._py, || Ok(report(self._py, err))).unwrap_or(1);
        if exit { Pushed::Exit(status) } else { Pushed::Done }
    }

    /// Compiles and runs `source` (one statement, possibly several lines) as typed at the
    /// prompt, in file `<stdin>`.
    pub fn push(&mut self, source: &str) -> Pushed {
        let (code, warnings) =
            match pyrt_compile::compile_with_warnings(source, "<stdin>", pyrt_syntax::Mode::Interactive) {
                Ok(compiled) => compiled,
                Err(e) if is_incomplete(source, &e) => return Pushed::Incomplete,
                Err(e) => {
                    let _ = crate::object::textio::flush_stdout();
                    eprint!("{}", e.format_report("<stdin>"));
                    return Pushed::Done;
                }
            };
        // Each statement's text is its own "<stdin>" source, as CPython's tracebacks show the
        // line typed (the interactive loop keeps it for them).
        eval::source_cache::insert("<stdin>", source);
        let result = crate::object::code::new_code(code).and_then(|code| {
            one_at_a_time(self._py, || {
                crate::modules::warnings::emit_syntax_warnings(&warnings, "<stdin>")?;
                eval::run_code(&code, &self.globals, Some(self.globals.clone()))
            })
        });
        let _ = crate::object::textio::flush_stdout();
        self.outcome(result)
    }
}

/// Whether a syntax error in `source` only says that the statement is not finished yet: an
/// unclosed bracket or triple-quoted string, a block with no body yet, or a compound statement
/// (a first line ending in `:` or a decorator) not yet ended by an empty line — the cases where
/// CPython's interactive loop prints `... ` and reads on.
pub fn is_incomplete(source: &str, err: &SyntaxError) -> bool {
    let lines = source.lines().count().max(1) as i32;
    let at_end = err.lineno >= lines || err.end_lineno >= lines;
    let msg = err.msg.as_str();
    let unfinished = msg.ends_with("was never closed")
        || msg.starts_with("expected an indented block")
        || msg.starts_with("unterminated triple-quoted string literal")
        || msg == "unexpected EOF while parsing"
        || msg == "incomplete input";
    unfinished && at_end
}

/// Whether the statement that starts `source` is compound (its first line ends with `:` or it is
/// decorated), so the interactive loop reads until an empty line before running it.
pub fn is_compound_start(source: &str) -> bool {
    use pyrt_syntax::token::TokenKind;
    let first = source.lines().next().unwrap_or("");
    let Ok(tokens) = pyrt_syntax::lexer::tokenize(first) else {
        return false; // an unfinished line: `is_incomplete` decides
    };
    let mut significant = tokens
        .iter()
        .map(|t| t.kind)
        .filter(|k| !matches!(k, TokenKind::Newline | TokenKind::Indent | TokenKind::Dedent | TokenKind::EndOfFile));
    let head = significant.next();
    let last = significant.last().or(head);
    head == Some(TokenKind::At) || last == Some(TokenKind::Colon)
}
