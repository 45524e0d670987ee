//! Python exceptions as Rust values.
//!
//! A [`PyErr`] is in one of two states (PyO3's lazy/normalized split):
//!
//! * **lazy** — a builtin class ([`ExcKind`]) and a message. The runtime core raises errors in
//!   this form (a failing pending call, an async exception, `KeyboardInterrupt` from a signal, a
//!   full queue, a refused interpreter operation) because it may run where no interpreter is
//!   attached, and lazy errors are `Send`;
//! * **an exception object** of the current interpreter (issue 6 §4, "errors as objects"): its
//!   type, `args`, traceback, `__cause__`, `__context__`, `__suppress_context__` and `__notes__`
//!   live in the object ([`crate::object::exceptions`]). The object model and the eval loop
//!   raise and catch errors in this form; [`PyErr::into_object`] turns a lazy error into one.
//!
//! An error holding an object must stay on a thread attached to the object's interpreter, like
//! any object reference: it is dropped or converted there (the eval loop and the CLI do).

use std::fmt;

use crate::object::obj::Obj;

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

    /// The kind named `name` (a listed one, or `Other`).
    pub fn from_name(name: &str) -> ExcKind {
        match name {
            "BaseException" => ExcKind::BaseException,
            "Exception" => ExcKind::Exception,
            "SystemExit" => ExcKind::SystemExit,
            "KeyboardInterrupt" => ExcKind::KeyboardInterrupt,
            "RuntimeError" => ExcKind::RuntimeError,
            "SystemError" => ExcKind::SystemError,
            "MemoryError" => ExcKind::MemoryError,
            "ValueError" => ExcKind::ValueError,
            "TypeError" => ExcKind::TypeError,
            "InterpreterError" => ExcKind::InterpreterError,
            other => ExcKind::Other(other.to_owned()),
        }
    }
}

/// The object form's payload: an owned reference to an exception object.
struct ExcRef(Obj);

// SAFETY: an `ExcRef` is only made by code attached to the object's interpreter and, by the
// module's rule, is used and dropped there; the runtime core sends only lazy errors across
// threads (async exceptions, pending-call failures).
unsafe impl Send for ExcRef {}
// SAFETY: as above; `&PyErr` gives access to the object only through `object()`, used attached.
unsafe impl Sync for ExcRef {}

enum State {
    Lazy { kind: ExcKind, message: String },
    Object(ExcRef),
}

/// A raised Python exception. See the module docs.
pub struct PyErr {
    state: State,
}

impl PyErr {
    /// A lazy exception of `kind` with `message`.
    pub fn new(kind: ExcKind, message: impl Into<String>) -> Self {
        PyErr { state: State::Lazy { kind, message: message.into() } }
    }

    /// A lazy exception raised from its class alone (`raise KeyboardInterrupt`).
    pub fn from_kind(kind: ExcKind) -> Self {
        PyErr { state: State::Lazy { kind, message: String::new() } }
    }

    /// An error holding an exception object (an instance of `BaseException`).
    pub fn from_object(exc: Obj) -> Self {
        PyErr { state: State::Object(ExcRef(exc)) }
    }

    /// The exception object, if the error is in the object form.
    pub fn object(&self) -> Option<&Obj> {
        match &self.state {
            State::Object(r) => Some(&r.0),
            State::Lazy { .. } => None,
        }
    }

    /// The exception as an object of the current interpreter (made now for a lazy error).
    /// Must be called attached.
    pub fn into_object(self) -> Obj {
        match self.state {
            State::Object(r) => r.0,
            State::Lazy { kind, message } => crate::object::exceptions::make_from_kind(&kind, &message),
        }
    }

    /// The class (for an object, by its type's name).
    pub fn kind(&self) -> ExcKind {
        match &self.state {
            State::Lazy { kind, .. } => kind.clone(),
            State::Object(r) => ExcKind::from_name(r.0.type_object().name()),
        }
    }

    /// The message (`str(exc)` for an object whose `args` is one string, else the args' text).
    pub fn message(&self) -> String {
        match &self.state {
            State::Lazy { message, .. } => message.clone(),
            State::Object(r) => crate::object::exceptions::message_text(&r.0),
        }
    }

    /// Whether this exception is of class `kind` exactly (by name).
    pub fn is(&self, kind: &ExcKind) -> bool {
        &self.kind() == kind
    }

    /// Whether the exception is an instance of the builtin class `ty` (or a subclass).
    pub fn matches(&self, ty: &crate::object::TypeObject) -> bool {
        match &self.state {
            State::Object(r) => r.0.type_object().is_subtype(ty),
            State::Lazy { kind, .. } => {
                crate::object::exceptions::type_for_kind(kind).is_some_and(|t| t.is_subtype(ty))
            }
        }
    }
}

impl Clone for PyErr {
    fn clone(&self) -> Self {
        match &self.state {
            State::Lazy { kind, message } => PyErr::new(kind.clone(), message.clone()),
            State::Object(r) => PyErr::from_object(r.0.clone()),
        }
    }
}

impl PartialEq for PyErr {
    fn eq(&self, other: &Self) -> bool {
        match (&self.state, &other.state) {
            (State::Object(a), State::Object(b)) => a.0.is(&b.0),
            _ => self.kind() == other.kind() && self.message() == other.message(),
        }
    }
}

impl Eq for PyErr {}

impl fmt::Debug for PyErr {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "PyErr({self})")
    }
}

impl fmt::Display for PyErr {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let kind = self.kind();
        let message = self.message();
        if message.is_empty() { f.write_str(kind.name()) } else { write!(f, "{}: {}", kind.name(), message) }
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
