//! Method-table entries that expose a builtin type's slots as dunder methods (CPython's slot
//! wrappers: `int.__sub__`, `float.__lt__`, ...), so that `super().__sub__(x)` in a subclass,
//! `int.__mul__(3, 4)` and reflected calls (`(2).__rsub__(10)`) reach the same code as the
//! operators. Each macro expands to one [`super::builtin::MethodDef`]:
//!
//! - `dunder_binary!("__sub__", f)`: `self.__sub__(other)` is `f(self, other)`;
//! - `dunder_reflected!("__rsub__", f)`: `self.__rsub__(other)` is `f(other, self)`;
//! - `dunder_unary!("__neg__", f)`: `self.__neg__()` is `f(self)`;
//! - `dunder_compare!("__lt__", CompareOp::Lt, f)`: `self.__lt__(other)` is `f(self, other, Lt)`;
//! - `dunder_iter_self!()` and `dunder_next!(f)`: an iterator's `__iter__` and `__next__`.
//!
//! The slots return `NotImplemented` for operands they do not handle, as the wrappers must.

macro_rules! dunder_binary {
    ($name:literal, $f:expr) => {
        $crate::object::builtin::MethodDef::method($name, |a, k| {
            let (s, r) = $crate::object::builtin::args::method($name, a, k, 1, 1)?;
            ($f)(s, &r[0])
        })
    };
}

macro_rules! dunder_reflected {
    ($name:literal, $f:expr) => {
        $crate::object::builtin::MethodDef::method($name, |a, k| {
            let (s, r) = $crate::object::builtin::args::method($name, a, k, 1, 1)?;
            ($f)(&r[0], s)
        })
    };
}

macro_rules! dunder_unary {
    ($name:literal, $f:expr) => {
        $crate::object::builtin::MethodDef::method($name, |a, k| {
            ($f)($crate::object::builtin::args::method($name, a, k, 0, 0)?.0)
        })
    };
}

macro_rules! dunder_compare {
    ($name:literal, $op:expr, $f:expr) => {
        $crate::object::builtin::MethodDef::method($name, |a, k| {
            let (s, r) = $crate::object::builtin::args::method($name, a, k, 1, 1)?;
            ($f)(s, &r[0], $op)
        })
    };
}

/// `__iter__` of an iterator: the iterator itself.
macro_rules! dunder_iter_self {
    () => {
        $crate::object::builtin::MethodDef::method("__iter__", |a, k| {
            Ok($crate::object::builtin::args::method("__iter__", a, k, 0, 0)?.0.clone())
        })
    };
}

/// `__next__` of an iterator whose `iternext` slot is `$next` (`StopIteration` at the end).
macro_rules! dunder_next {
    ($next:expr) => {
        $crate::object::builtin::MethodDef::method("__next__", |a, k| {
            let (s, _) = $crate::object::builtin::args::method("__next__", a, k, 0, 0)?;
            ($next)(s)?.ok_or_else(|| $crate::error::PyErr::stop_iteration(None))
        })
    };
}

pub(crate) use {dunder_binary, dunder_compare, dunder_iter_self, dunder_next, dunder_reflected, dunder_unary};
