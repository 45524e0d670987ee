//! The error type shared by every module: CPython's exception class and its exact message.
//!
//! The object layer turns a [`PyError`] into an exception object of the same class with the
//! message as its single argument.

use std::borrow::Cow;
use std::fmt;

/// A Python exception to raise: the variant names the builtin exception class, the payload is
/// the message exactly as CPython 3.13 words it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PyError {
    ValueError(Cow<'static, str>),
    OverflowError(Cow<'static, str>),
    TypeError(Cow<'static, str>),
    KeyError(Cow<'static, str>),
    IndexError(Cow<'static, str>),
    AttributeError(Cow<'static, str>),
    ZeroDivisionError(Cow<'static, str>),
    /// The output would not fit in memory (a huge width or precision): CPython's bare
    /// `MemoryError`, raised instead of aborting the process.
    MemoryError,
}

impl PyError {
    /// The name of the exception class (`"ValueError"`, ...).
    pub fn exception_name(&self) -> &'static str {
        match self {
            PyError::ValueError(_) => "ValueError",
            PyError::OverflowError(_) => "OverflowError",
            PyError::TypeError(_) => "TypeError",
            PyError::KeyError(_) => "KeyError",
            PyError::IndexError(_) => "IndexError",
            PyError::AttributeError(_) => "AttributeError",
            PyError::ZeroDivisionError(_) => "ZeroDivisionError",
            PyError::MemoryError => "MemoryError",
        }
    }

    /// The exception's message (its `str()`).
    pub fn message(&self) -> &str {
        match self {
            PyError::ValueError(m)
            | PyError::OverflowError(m)
            | PyError::TypeError(m)
            | PyError::KeyError(m)
            | PyError::IndexError(m)
            | PyError::AttributeError(m)
            | PyError::ZeroDivisionError(m) => m,
            PyError::MemoryError => "",
        }
    }

    pub(crate) fn value(msg: impl Into<Cow<'static, str>>) -> Self {
        PyError::ValueError(msg.into())
    }

    pub(crate) fn overflow(msg: impl Into<Cow<'static, str>>) -> Self {
        PyError::OverflowError(msg.into())
    }

    pub(crate) fn type_error(msg: impl Into<Cow<'static, str>>) -> Self {
        PyError::TypeError(msg.into())
    }
}

/// Makes room for `additional` more bytes in `out`, or `MemoryError` when the allocator refuses
/// (so that `format(1, '1000000000000')` raises as in CPython instead of aborting).
pub(crate) fn reserve(out: &mut String, additional: usize) -> Result<(), PyError> {
    out.try_reserve(additional).map_err(|_| PyError::MemoryError)
}

impl fmt::Display for PyError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.exception_name(), self.message())
    }
}

impl std::error::Error for PyError {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn display_names_class_and_message() {
        let e = PyError::value("could not convert string to float: 'x'");
        assert_eq!(e.to_string(), "ValueError: could not convert string to float: 'x'");
        assert_eq!(PyError::overflow("m").exception_name(), "OverflowError");
        assert_eq!(PyError::TypeError("t".into()).message(), "t");
        assert_eq!(PyError::MemoryError.exception_name(), "MemoryError");
        let mut out = String::new();
        assert_eq!(reserve(&mut out, usize::MAX / 2), Err(PyError::MemoryError));
        assert!(reserve(&mut out, 16).is_ok());
    }
}
