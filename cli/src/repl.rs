//! The interactive prompt: `pyrt` with no script on a terminal, or after a script with `-i`.
//!
//! Lines are read with `>>> ` and, while a statement is unfinished, `... ` — on a terminal through
//! `rustyline` (line editing, history), otherwise from stdin with the prompts on stderr, as
//! CPython's `PyOS_Readline` does. A statement is handed to [`pyrt::run::Console`] when it is
//! complete: at once for a simple statement; for a compound one (a first line ending in `:` or a
//! decorator) after an empty line. An expression statement's value is echoed; errors print
//! their traceback and the prompt comes back; `SystemExit` ends the session with its status, and
//! end of input with 0.

use std::io::{BufRead, Write};

use pyrt::run::{Console, Pushed, is_compound_start};

/// One line of input, or why there is none.
enum Line {
    Text(String),
    /// Ctrl-C at the prompt: CPython prints `KeyboardInterrupt` and prompts again.
    Interrupted,
    Eof,
}

/// Where lines come from.
trait Input {
    fn read(&mut self, prompt: &str) -> Line;
}

/// A terminal: rustyline's editor with history.
struct Terminal(rustyline::DefaultEditor);

impl Input for Terminal {
    fn read(&mut self, prompt: &str) -> Line {
        match self.0.readline(prompt) {
            Ok(line) => {
                if !line.trim().is_empty() {
                    let _ = self.0.add_history_entry(line.as_str());
                }
                Line::Text(line)
            }
            Err(rustyline::error::ReadlineError::Interrupted) => Line::Interrupted,
            Err(_) => Line::Eof,
        }
    }
}

/// Anything else: lines from stdin, prompts on stderr.
struct Piped<R: BufRead>(R);

impl<R: BufRead> Input for Piped<R> {
    fn read(&mut self, prompt: &str) -> Line {
        let mut err = std::io::stderr();
        let _ = err.write_all(prompt.as_bytes());
        let _ = err.flush();
        let mut line = String::new();
        match self.0.read_line(&mut line) {
            Ok(0) | Err(_) => Line::Eof,
            Ok(_) => {
                if line.ends_with('\n') {
                    line.pop();
                    if line.ends_with('\r') {
                        line.pop();
                    }
                }
                Line::Text(line)
            }
        }
    }
}

/// The banner CPython prints on interactive startup (unless `-q`).
pub fn banner() -> String {
    format!(
        "Python 3.13.0 (pyrt {}) [rustc]\nType \"help\", \"copyright\", \"credits\" or \"license\" for more information.",
        env!("CARGO_PKG_VERSION")
    )
}

/// Runs the prompt until end of input or `SystemExit`; returns the exit status.
pub fn run(console: &mut Console<'_>, stdin_is_terminal: bool) -> u8 {
    if stdin_is_terminal {
        match rustyline::DefaultEditor::new() {
            Ok(editor) => return session(console, &mut Terminal(editor)),
            Err(e) => eprintln!("pyrt: no line editing ({e}); reading stdin as is"),
        }
    }
    session(console, &mut Piped(std::io::stdin().lock()))
}

fn session(console: &mut Console<'_>, input: &mut dyn Input) -> u8 {
    let mut buffer = String::new();
    loop {
        let prompt = if buffer.is_empty() { ">>> " } else { "... " };
        let line = match input.read(prompt) {
            Line::Text(line) => line,
            Line::Interrupted => {
                eprintln!("\nKeyboardInterrupt");
                buffer.clear();
                continue;
            }
            Line::Eof => {
                if !buffer.is_empty() {
                    if let Pushed::Exit(status) = console.push(&buffer) {
                        return status;
                    }
                }
                return 0;
            }
        };
        if buffer.is_empty() && line.trim().is_empty() {
            continue;
        }
        let blank = line.trim().is_empty();
        buffer.push_str(&line);
        buffer.push('\n');
        // A compound statement runs once an empty line ends it.
        if is_compound_start(&buffer) && !blank {
            continue;
        }
        match console.push(&buffer) {
            Pushed::Incomplete if !blank => continue,
            Pushed::Exit(status) => return status,
            Pushed::Done | Pushed::Incomplete => buffer.clear(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Runs `lines` through a session in the main interpreter.
    fn session_of(lines: &str) -> u8 {
        pyrt::Runtime::initialize();
        pyrt::attach(|py| {
            let mut console = Console::new(py).expect("a console");
            session(&mut console, &mut Piped(std::io::Cursor::new(lines.as_bytes().to_vec())))
        })
    }

    #[test]
    fn statements_blocks_and_exit_status() {
        assert_eq!(session_of("x = 5\nif x:\n  y = x * 2\n\nassert y == 10\n"), 0);
        assert_eq!(session_of("def f(:\n1/0\nraise SystemExit(4)\nprint('not reached')\n"), 4);
        assert_eq!(session_of("(1,\n 2)\n"), 0);
        assert_eq!(session_of("for i in range(3):\n  pass\n"), 0); // ended by end of input
    }
}
