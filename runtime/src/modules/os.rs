//! A minimal `os` module (POSIX only) and its `os.path` (CPython's `posixpath`).
//!
//! `os`: `getcwd`, `listdir`, `mkdir`, `makedirs`, `rmdir`, `remove`/`unlink`, `rename`,
//! `getpid`, `getenv`, `environ` (a dict copied from the process environment at import; writing
//! it does not change the environment), `sep`, `altsep`, `extsep`, `pathsep`, `linesep`,
//! `curdir`, `pardir`, `devnull`, `name`. Errors are the `OSError` subclasses CPython raises,
//! with its messages (`[Errno 2] No such file or directory: 'x'`).
//!
//! `os.path` (also `sys.modules['os.path']`): `join`, `split`, `basename`, `dirname`,
//! `splitext`, `isabs`, `normpath`, `abspath`, `exists`, `isfile`, `isdir`, `getsize` — the
//! string algorithms are `posixpath`'s, on `str` paths only (no bytes, no `os.PathLike`).

use super::{module_set, new_builtin_module};
use crate::error::{PyErr, PyResult};
use crate::object::builtin::{MethodDef, args};
use crate::object::dict::{as_dict, new_dict};
use crate::object::int::{new_bool, new_int};
use crate::object::list::new_list;
use crate::object::obj::Obj;
use crate::object::str::{new_str, str_value};
use crate::object::textio::os_error;
use crate::object::tuple::new_tuple;
use crate::object::{PyObject, immortals};

/// The module (and `os.path`, entered in `sys.modules` too), made on import.
pub fn make_module() -> PyResult<Obj> {
    let m = new_builtin_module("os", OS_FUNCTIONS)?;
    for (name, v) in [
        ("sep", "/"),
        ("extsep", "."),
        ("pathsep", ":"),
        ("linesep", "\n"),
        ("curdir", "."),
        ("pardir", ".."),
        ("devnull", "/dev/null"),
        ("name", "posix"),
    ] {
        module_set(&m, name, new_str(v)?)?;
    }
    module_set(&m, "altsep", Obj::new_ref(immortals().none))?;
    let environ = new_dict()?;
    let d = as_dict(&environ).expect("a dict");
    for (k, v) in std::env::vars() {
        d.set(new_str(&k)?, new_str(&v)?)?;
    }
    module_set(&m, "environ", environ)?;
    let path = new_builtin_module("posixpath", PATH_FUNCTIONS)?;
    module_set(&path, "sep", new_str("/")?)?;
    module_set(&m, "path", path.clone())?;
    let modules = super::sys::modules_dict()?;
    as_dict(&modules).expect("sys.modules is a dict").set(new_str("os.path")?, path)?;
    Ok(m)
}

/// A `str` path argument (`TypeError` as CPython's for other types).
fn path_arg<'a>(fname: &str, v: &'a PyObject) -> PyResult<&'a str> {
    str_value(v).ok_or_else(|| {
        PyErr::type_error(format!(
            "{fname}: path should be string, bytes or os.PathLike, not {}",
            v.type_object().name()
        ))
    })
}

/// `posixpath.join`.
pub fn join(parts: &[&str]) -> String {
    let mut path = parts.first().map_or(String::new(), |p| (*p).to_owned());
    for b in &parts[1..] {
        if b.starts_with('/') {
            path = (*b).to_owned();
        } else if path.is_empty() || path.ends_with('/') {
            path.push_str(b);
        } else {
            path.push('/');
            path.push_str(b);
        }
    }
    path
}

/// `posixpath.split`: `(head, tail)`, the head without trailing slashes unless it is all
/// slashes.
pub fn split(p: &str) -> (String, String) {
    let i = p.rfind('/').map_or(0, |i| i + 1);
    let (head, tail) = p.split_at(i);
    let head = if !head.is_empty() && head.chars().any(|c| c != '/') { head.trim_end_matches('/') } else { head };
    (head.to_owned(), tail.to_owned())
}

/// `posixpath.splitext`: leading dots of the file name do not start an extension.
pub fn splitext(p: &str) -> (String, String) {
    let sep = p.rfind('/').map_or(0, |i| i + 1);
    if let Some(dot) = p.rfind('.').filter(|d| *d >= sep) {
        if p[sep..dot].chars().any(|c| c != '.') {
            return (p[..dot].to_owned(), p[dot..].to_owned());
        }
    }
    (p.to_owned(), String::new())
}

/// `posixpath.normpath`.
pub fn normpath(p: &str) -> String {
    if p.is_empty() {
        return ".".to_owned();
    }
    // POSIX allows one or two leading slashes to mean different things; three or more are one.
    let initial = if p.starts_with("//") && !p.starts_with("///") {
        2
    } else if p.starts_with('/') {
        1
    } else {
        0
    };
    let mut out: Vec<&str> = Vec::new();
    for comp in p.split('/') {
        if comp.is_empty() || comp == "." {
            continue;
        }
        if comp != ".." || (initial == 0 && out.is_empty()) || out.last() == Some(&"..") {
            out.push(comp);
        } else if !out.is_empty() {
            out.pop();
        }
    }
    let joined = out.join("/");
    let result = format!("{}{}", "/".repeat(initial), joined);
    if result.is_empty() { ".".to_owned() } else { result }
}

fn getcwd() -> PyResult<String> {
    std::env::current_dir().map(|p| p.display().to_string()).map_err(|e| os_error(&e, None))
}

fn path_result(r: std::io::Result<()>, path: &str) -> PyResult<Obj> {
    r.map_err(|e| os_error(&e, Some(path)))?;
    Ok(args::none())
}

static OS_FUNCTIONS: &[MethodDef] = &[
    MethodDef::function("getcwd", |a, k| {
        args::exact("posix.getcwd", a, k, 0, 0)?;
        new_str(&getcwd()?)
    }),
    MethodDef::function("getpid", |a, k| {
        args::exact("posix.getpid", a, k, 0, 0)?;
        new_int(i64::from(std::process::id()))
    }),
    MethodDef::function("listdir", |a, k| {
        let a = args::exact("listdir", a, k, 0, 1)?;
        let path = match a.first() {
            Some(p) if !p.is(immortals().none) => path_arg("listdir", p)?.to_owned(),
            _ => ".".to_owned(),
        };
        let entries = std::fs::read_dir(&path).map_err(|e| os_error(&e, Some(&path)))?;
        let mut names = Vec::new();
        for entry in entries {
            let entry = entry.map_err(|e| os_error(&e, Some(&path)))?;
            names.push(new_str(&entry.file_name().to_string_lossy())?);
        }
        new_list(names)
    }),
    MethodDef::function("mkdir", |a, k| {
        let pos = args::positional(a, k);
        let p = pos.first().ok_or_else(|| PyErr::type_error("mkdir() missing required argument 'path' (pos 1)"))?;
        let path = path_arg("mkdir", p)?;
        path_result(std::fs::create_dir(path), path)
    }),
    MethodDef::function("makedirs", |a, k| {
        let pos = args::positional(a, k);
        let p = pos.first().ok_or_else(|| PyErr::type_error("makedirs() missing required argument 'name' (pos 1)"))?;
        let path = path_arg("makedirs", p)?;
        let mut exist_ok = false;
        for (name, v) in args::keywords(a, k) {
            if name == "exist_ok" {
                exist_ok = crate::object::abstract_ops::is_true(v)?;
            }
        }
        if std::path::Path::new(path).is_dir() && !exist_ok {
            return Err(os_error(&std::io::Error::from_raw_os_error(libc::EEXIST), Some(path)));
        }
        path_result(std::fs::create_dir_all(path), path)
    }),
    MethodDef::function("rmdir", |a, k| {
        let a = args::exact("rmdir", a, k, 1, 1)?;
        let path = path_arg("rmdir", &a[0])?;
        path_result(std::fs::remove_dir(path), path)
    }),
    MethodDef::function("remove", |a, k| {
        let a = args::exact("remove", a, k, 1, 1)?;
        let path = path_arg("remove", &a[0])?;
        path_result(std::fs::remove_file(path), path)
    }),
    MethodDef::function("unlink", |a, k| {
        let a = args::exact("unlink", a, k, 1, 1)?;
        let path = path_arg("unlink", &a[0])?;
        path_result(std::fs::remove_file(path), path)
    }),
    MethodDef::function("rename", |a, k| {
        let a = args::exact("rename", a, k, 2, 2)?;
        let (from, to) = (path_arg("rename", &a[0])?, path_arg("rename", &a[1])?);
        path_result(std::fs::rename(from, to), from)
    }),
    MethodDef::function("getenv", |a, k| {
        let a = args::exact("getenv", a, k, 1, 2)?;
        let key = str_value(&a[0])
            .ok_or_else(|| PyErr::type_error(format!("str expected, not {}", a[0].type_object().name())))?;
        match std::env::var(key) {
            Ok(v) => new_str(&v),
            Err(_) => Ok(a.get(1).cloned().unwrap_or_else(args::none)),
        }
    }),
];

fn one_path<'a>(fname: &str, a: &'a [Obj], k: Option<&PyObject>) -> PyResult<&'a str> {
    let a = args::exact(fname, a, k, 1, 1)?;
    path_arg(fname, &a[0])
}

static PATH_FUNCTIONS: &[MethodDef] = &[
    MethodDef::function("join", |a, k| {
        args::no_keywords("join", k)?;
        if a.is_empty() {
            return Err(PyErr::type_error("join() missing 1 required positional argument: 'a'"));
        }
        let parts: PyResult<Vec<&str>> = a.iter().map(|p| path_arg("join", p)).collect();
        new_str(&join(&parts?))
    }),
    MethodDef::function("split", |a, k| {
        let (h, t) = split(one_path("split", a, k)?);
        new_tuple(vec![new_str(&h)?, new_str(&t)?])
    }),
    MethodDef::function("basename", |a, k| new_str(&split(one_path("basename", a, k)?).1)),
    MethodDef::function("dirname", |a, k| new_str(&split(one_path("dirname", a, k)?).0)),
    MethodDef::function("splitext", |a, k| {
        let (r, e) = splitext(one_path("splitext", a, k)?);
        new_tuple(vec![new_str(&r)?, new_str(&e)?])
    }),
    MethodDef::function("isabs", |a, k| Ok(new_bool(one_path("isabs", a, k)?.starts_with('/')))),
    MethodDef::function("normpath", |a, k| new_str(&normpath(one_path("normpath", a, k)?))),
    MethodDef::function("abspath", |a, k| {
        let p = one_path("abspath", a, k)?;
        let joined = if p.starts_with('/') { p.to_owned() } else { join(&[&getcwd()?, p]) };
        new_str(&normpath(&joined))
    }),
    MethodDef::function("exists", |a, k| Ok(new_bool(std::path::Path::new(one_path("exists", a, k)?).exists()))),
    MethodDef::function("isfile", |a, k| Ok(new_bool(std::path::Path::new(one_path("isfile", a, k)?).is_file()))),
    MethodDef::function("isdir", |a, k| Ok(new_bool(std::path::Path::new(one_path("isdir", a, k)?).is_dir()))),
    MethodDef::function("getsize", |a, k| {
        let p = one_path("getsize", a, k)?;
        let m = std::fs::metadata(p).map_err(|e| os_error(&e, Some(p)))?;
        new_int(m.len() as i64)
    }),
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn posixpath_string_algorithms() {
        assert_eq!(join(&["a", "b", "/c", "d"]), "/c/d");
        assert_eq!(join(&["a/", "b"]), "a/b");
        assert_eq!(split("/usr/lib/"), ("/usr/lib".to_owned(), String::new()));
        assert_eq!(split("//x"), ("//".to_owned(), "x".to_owned()));
        assert_eq!(splitext(".bashrc"), (".bashrc".to_owned(), String::new()));
        assert_eq!(splitext("a/b.tar.gz"), ("a/b.tar".to_owned(), ".gz".to_owned()));
        assert_eq!(normpath("a/./b/../../.."), "..");
        assert_eq!(normpath("///a//b/"), "/a/b");
        assert_eq!(normpath("//a/../b"), "//b");
        assert_eq!(normpath(""), ".");
    }
}
