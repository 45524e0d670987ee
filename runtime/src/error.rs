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
//! A `PyErr` is `Send` and `Sync` and may outlive the attachment that raised it (it comes back
//! out of `Interpreter::attach`), so the object form holds its exception as an unbound [`Py`]:
//! dropped where its interpreter is not attached, the decrement is deferred to that interpreter,
//! as any unbound handle's is. The public accessors ([`PyErr::kind`], [`PyErr::message`],
//! `Display`, `Clone`, `==`) read the object only on a thread attached to its interpreter; on a
//! thread attached nowhere they attach to it for the read (a GILState Ensure/Release pair, as
//! PyO3's `Display` for `PyErr` takes the GIL); on a thread attached to another interpreter, or
//! once the interpreter is gone, they cannot read it and say so (`<unreadable exception>`).
//! Inside the crate, the eval loop and the object layer use [`PyErr::object`] and
//! [`PyErr::into_object`], attached to the object's interpreter.

use std::fmt;

use crate::object::Py;
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

enum State {
    Lazy { kind: ExcKind, message: String },
    Object(Py),
}

/// A raised Python exception. See the module docs.
pub struct PyErr {
    state: State,
}

/// Class and message of an exception object that cannot be read here (see the module docs).
const UNREADABLE: &str = "<unreadable exception>";

impl PyErr {
    /// A lazy exception of `kind` with `message`.
    pub fn new(kind: ExcKind, message: impl Into<String>) -> Self {
        PyErr { state: State::Lazy { kind, message: message.into() } }
    }

    /// A lazy exception raised from its class alone (`raise KeyboardInterrupt`).
    pub fn from_kind(kind: ExcKind) -> Self {
        PyErr { state: State::Lazy { kind, message: String::new() } }
    }

    /// An error holding an exception object (an instance of `BaseException`) of the interpreter
    /// this thread is attached to.
    pub(crate) fn from_object(exc: Obj) -> Self {
        PyErr { state: State::Object(Py::from_obj_attached(exc)) }
    }

    /// The exception object, if the error is in the object form. The caller is attached to the
    /// object's interpreter (the crate's eval loop and object layer are).
    pub(crate) fn object(&self) -> Option<&Obj> {
        match &self.state {
            State::Object(r) => Some(r.as_obj_attached()),
            State::Lazy { .. } => None,
        }
    }

    /// The exception as an object of the current interpreter (made now for a lazy error).
    /// Must be called attached (to the object's interpreter, for the object form).
    pub(crate) fn into_object(self) -> Obj {
        match self.state {
            State::Object(r) => r.into_obj_attached(),
            State::Lazy { kind, message } => crate::object::exceptions::make_from_kind(&kind, &message),
        }
    }

    /// Runs `f` on the exception object where it can be read (see the module docs).
    fn read<R>(r: &Py, f: impl FnOnce(&Obj) -> R) -> Option<R> {
        r.with_attached(|obj| f(obj))
    }

    /// The class (for an object, by its type's name).
    pub fn kind(&self) -> ExcKind {
        match &self.state {
            State::Lazy { kind, .. } => kind.clone(),
            State::Object(r) => Self::read(r, |o| ExcKind::from_name(o.type_object().name()))
                .unwrap_or_else(|| ExcKind::Other(UNREADABLE.to_owned())),
        }
    }

    /// The message (`str(exc)` for an object whose `args` is one string, else the args' text).
    pub fn message(&self) -> String {
        match &self.state {
            State::Lazy { message, .. } => message.clone(),
            State::Object(r) => {
                Self::read(r, |o| crate::object::exceptions::message_text(o)).unwrap_or_else(|| UNREADABLE.to_owned())
            }
        }
    }

    /// Whether this exception is of class `kind` exactly (by name).
    pub fn is(&self, kind: &ExcKind) -> bool {
        &self.kind() == kind
    }

    /// Whether the exception is an instance of the builtin class `ty` (or a subclass). Attached.
    pub(crate) fn matches(&self, ty: &crate::object::TypeObject) -> bool {
        match &self.state {
            State::Object(r) => r.as_obj_attached().type_object().is_subtype(ty),
            State::Lazy { kind, .. } => {
                crate::object::exceptions::type_for_kind(kind).is_some_and(|t| t.is_subtype(ty))
            }
        }
    }
}

impl Clone for PyErr {
    /// The same exception object where it can be read (see the module docs); elsewhere a lazy
    /// copy of its class and message.
    fn clone(&self) -> Self {
        match &self.state {
            State::Lazy { kind, message } => PyErr::new(kind.clone(), message.clone()),
            State::Object(r) => match r.clone_where_attached() {
                Some(same) => PyErr { state: State::Object(same) },
                None => PyErr::new(self.kind(), self.message()),
            },
        }
    }
}

impl PartialEq for PyErr {
    fn eq(&self, other: &Self) -> bool {
        match (&self.state, &other.state) {
            (State::Object(a), State::Object(b)) => a.as_ptr() == b.as_ptr(),
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
