//! `OSError` and its subclasses: CPython 3.13's constructor, attributes and `str`.
//!
//! `OSError(errno, strerror[, filename[, winerror[, filename2]]])` with two to five arguments
//! sets `errno`, `strerror`, `filename` and `filename2`, and then keeps only `(errno,
//! strerror)` as `args` when a filename was given. Constructing `OSError` itself (not a
//! subclass) with an `errno` that has a dedicated subclass makes that subclass instead
//! (`OSError(2, 'x')` is a `FileNotFoundError`, PEP 3151). `str()` is `[Errno N] strerror`,
//! with `: 'filename'` (and ` -> 'filename2'`) when present; otherwise the generic message.
//! The four attributes live in the instance dict (`None` until set).

use super::abstract_ops::{repr_text, str_text};
use super::builtin::{GetSetDef, args};
use super::header::PyObject;
use super::immortal::{intern, types};
use super::int::small_value;
use super::obj::Obj;
use super::tuple::{items, new_tuple};
use super::typeobj::TypeObject;
use crate::error::PyResult;

/// The subclass CPython picks for an `errno` (`errnomap` in `Objects/exceptions.c`).
fn subclass_for_errno(errno: i64) -> Option<&'static str> {
    let e = errno as i32;
    Some(match e {
        libc::EAGAIN | libc::EALREADY | libc::EINPROGRESS => "BlockingIOError",
        libc::ECHILD => "ChildProcessError",
        libc::EPIPE | libc::ESHUTDOWN => "BrokenPipeError",
        libc::ECONNABORTED => "ConnectionAbortedError",
        libc::ECONNREFUSED => "ConnectionRefusedError",
        libc::ECONNRESET => "ConnectionResetError",
        libc::EEXIST => "FileExistsError",
        libc::ENOENT => "FileNotFoundError",
        libc::EISDIR => "IsADirectoryError",
        libc::ENOTDIR => "NotADirectoryError",
        libc::EINTR => "InterruptedError",
        libc::EACCES | libc::EPERM => "PermissionError",
        libc::ESRCH => "ProcessLookupError",
        libc::ETIMEDOUT => "TimeoutError",
        _ => return None,
    })
}

fn attr(o: &PyObject, key: &str) -> PyResult<Obj> {
    let dict = super::attr::instance_dict(o)?;
    let v = dict.as_deref().and_then(super::dict::as_dict).and_then(|d| d.get_str(&intern(key).ob_base));
    Ok(v.unwrap_or_else(args::none))
}

fn set_attr(o: &PyObject, key: &str, v: Option<&PyObject>) -> PyResult<()> {
    let Some(dict) = super::attr::instance_dict(o)? else { return Ok(()) };
    let d = super::dict::as_dict(&dict).expect("__dict__ is a dict");
    let k = Obj::new_ref(&intern(key).ob_base);
    match v {
        Some(v) => d.set(k, Obj::new_ref(v)),
        None => d.remove(&k).map(drop),
    }
}

/// `OSError.__new__`: the errno's subclass for `OSError` itself, the attributes, the args.
pub(crate) fn oserror_new(ty: &TypeObject, argv: &[Obj], kwnames: Option<&PyObject>) -> PyResult<Obj> {
    let pos = args::positional(argv, kwnames);
    let mut ty = ty;
    if std::ptr::eq(ty, types().exc.named("OSError")) && (2..=5).contains(&pos.len()) {
        if let Some(name) = small_value(&pos[0]).and_then(subclass_for_errno) {
            ty = types().exc.named(name);
        }
    }
    let kept = if (3..=5).contains(&pos.len()) { &pos[..2] } else { pos };
    let e = super::exceptions::new_exception(ty, new_tuple(kept.to_vec())?)?;
    if (2..=5).contains(&pos.len()) {
        set_attr(&e, "errno", Some(&pos[0]))?;
        set_attr(&e, "strerror", Some(&pos[1]))?;
        if let Some(f) = pos.get(2) {
            set_attr(&e, "filename", Some(f))?;
        }
        if let Some(f2) = pos.get(4) {
            set_attr(&e, "filename2", Some(f2))?;
        }
    }
    Ok(e)
}

/// `OSError.__init__`: the work is done by `__new__` (CPython's `OSError_init` with the
/// arguments already parsed).
pub(crate) fn oserror_init(_o: &PyObject, _argv: &[Obj], _kwnames: Option<&PyObject>) -> PyResult<()> {
    Ok(())
}

/// `OSError.__str__`.
pub(crate) fn oserror_str(o: &PyObject) -> PyResult<Obj> {
    let none = |v: &Obj| v.is(super::immortal::immortals().none);
    let (errno, strerror, filename, filename2) =
        (attr(o, "errno")?, attr(o, "strerror")?, attr(o, "filename")?, attr(o, "filename2")?);
    let text = if !none(&filename) {
        let head = format!("[Errno {}] {}: {}", str_text(&errno)?, str_text(&strerror)?, repr_text(&filename)?);
        if none(&filename2) { head } else { format!("{head} -> {}", repr_text(&filename2)?) }
    } else if !none(&errno) && !none(&strerror) {
        format!("[Errno {}] {}", str_text(&errno)?, str_text(&strerror)?)
    } else {
        let a = super::exceptions::exception_args(o);
        return match items(&a) {
            [] => super::str::new_str(""),
            [one] => super::abstract_ops::str(one),
            _ => super::abstract_ops::str(&a),
        };
    };
    super::str::new_str(&text)
}

/// `errno`, `strerror`, `filename`, `filename2`.
pub(crate) static OSERROR_GETSETS: &[GetSetDef] = &[
    GetSetDef { name: "errno", get: |o| attr(o, "errno"), set: Some(|o, v| set_attr(o, "errno", v)) },
    GetSetDef { name: "strerror", get: |o| attr(o, "strerror"), set: Some(|o, v| set_attr(o, "strerror", v)) },
    GetSetDef { name: "filename", get: |o| attr(o, "filename"), set: Some(|o, v| set_attr(o, "filename", v)) },
    GetSetDef { name: "filename2", get: |o| attr(o, "filename2"), set: Some(|o, v| set_attr(o, "filename2", v)) },
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn errno_picks_the_subclass_and_formats() {
        crate::Runtime::initialize();
        crate::attach(|_py| {
            let os = types().exc.named("OSError");
            let argv = [
                super::super::int::new_int(2).unwrap(),
                super::super::str::new_str("No such file").unwrap(),
                super::super::str::new_str("f.txt").unwrap(),
            ];
            let e = oserror_new(os, &argv, None).unwrap();
            assert_eq!(e.type_object().name(), "FileNotFoundError");
            assert_eq!(str_text(&e).unwrap(), "[Errno 2] No such file: 'f.txt'");
            assert_eq!(repr_text(&attr(&e, "errno").unwrap()).unwrap(), "2");
            assert_eq!(subclass_for_errno(999), None);
        });
    }
}
