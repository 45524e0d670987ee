//! Python exceptions as Rust values.
//!
//! Until the object model lands, an exception is its class name and its message; the eval loop
//! will turn these into exception objects. What matters for the runtime core is that every error it
//! reports — a failing pending call, an async exception, `KeyboardInterrupt` from a signal, a full
//! queue — reaches the thread that must raise it as a value, never as a panic.

use std::fmt;

/// The built-in exception classes the runtime core raises.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum ExcKind {
    /// `BaseException`
    BaseException,
    /// `Exception`
    Exception,
    /// `SystemExit`
    SystemExit,
    /// `KeyboardInterrupt`
    KeyboardInterrupt,
    /// `RuntimeError`
    RuntimeError,
    /// `SystemError`
    SystemError,
    /// `MemoryError`
    MemoryError,
    /// `ValueError`
    ValueError,
    /// `TypeError`
    TypeError,
    /// `InterpreterError` (PEP 734)
    InterpreterError,
    /// Any other class, by name.
    Other(String),
}

impl ExcKind {
    /// The class name as Python spells it.
    pub fn name(&self) -> &str {
        match self {
            ExcKind::BaseException => "BaseException",
            ExcKind::Exception => "Exception",
            ExcKind::SystemExit => "SystemExit",
            ExcKind::KeyboardInterrupt => "KeyboardInterrupt",
            ExcKind::RuntimeError => "RuntimeError",
            ExcKind::SystemError => "SystemError",
            ExcKind::MemoryError => "MemoryError",
            ExcKind::ValueError => "ValueError",
            ExcKind::TypeError => "TypeError",
            ExcKind::InterpreterError => "InterpreterError",
            ExcKind::Other(name) => name,
        }
    }
}

/// A raised Python exception.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PyErr {
    /// Its class.
    pub kind: ExcKind,
    /// Its message (`str(exc)`); empty when raised as a bare class, as an async exception is.
    pub message: String,
}

impl PyErr {
    /// An exception of `kind` with `message`.
    pub fn new(kind: ExcKind, message: impl Into<String>) -> Self {
        PyErr { kind, message: message.into() }
    }

    /// An exception raised from its class alone (`raise KeyboardInterrupt`).
    pub fn from_kind(kind: ExcKind) -> Self {
        PyErr { kind, message: String::new() }
    }

    /// Whether this exception is of class `kind`.
    pub fn is(&self, kind: &ExcKind) -> bool {
        &self.kind == kind
    }
}

impl fmt::Display for PyErr {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.message.is_empty() {
            f.write_str(self.kind.name())
        } else {
            write!(f, "{}: {}", self.kind.name(), self.message)
        }
    }
}

impl std::error::Error for PyErr {}

/// Prints `exc` on stderr the way CPython's `PyErr_Print` prints an exception without a
/// traceback (`<class>: <message>`, or the class name alone).
pub fn print_exception(exc: &PyErr) {
    use std::io::Write;
    let mut err = std::io::stderr().lock();
    let _ = writeln!(err, "{exc}");
    let _ = err.flush();
}

/// The result of an operation that may raise.
pub type PyResult<T> = Result<T, PyErr>;
