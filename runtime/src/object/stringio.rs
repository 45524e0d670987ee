//! `io.StringIO`: an in-memory text file.
//!
//! The text is a vector of characters with a position in characters, as CPython's
//! `_io.StringIO` (which keeps UCS-4): `write` overwrites from the position (padding with
//! `'\0'` when the position is past the end), `seek`/`tell` count characters, `read`/`readline`
//! move the position. `newline` is CPython's: `'\n'` (the default) and `''` store text as
//! written, `None` translates `\r\n` and `\r` to `\n` when writing, `'\r'` and `'\r\n'` turn
//! written `\n`s into themselves.

use std::ptr::NonNull;

use super::alloc::{alloc, drop_and_free};
use super::builtin::{GetSetDef, MethodDef, args};
use super::core_types::CoreTypes;
use super::header::PyObject;
use super::immortal::{TypeSpec, immortals, new_static_type, types};
use super::int::{new_bool, new_int};
use super::list::new_list;
use super::obj::Obj;
use super::str::{new_str, str_value};
use super::typeobj::TypeObject;
use crate::error::{PyErr, PyResult};

/// How written text is translated (the `newline` argument).
#[derive(Clone, Copy, PartialEq, Eq)]
enum Newline {
    /// `'\n'` or `''`: as written.
    Keep,
    /// `None`: `\r\n` and `\r` become `\n`.
    Universal,
    /// `'\r'` or `'\r\n'`: `\n` becomes this.
    To(&'static str),
}

struct Buffer {
    text: Vec<char>,
    pos: usize,
    closed: bool,
    newline: Newline,
}

/// A `StringIO` object.
#[repr(C)]
pub struct StringIoObject {
    /// Header.
    pub ob_base: PyObject,
    state: crate::sync::Mutex<Buffer>,
}

fn buffer(o: &PyObject) -> PyResult<&crate::sync::Mutex<Buffer>> {
    if std::ptr::eq(o.type_object(), types().modules.string_io_type) {
        // SAFETY: instances of the StringIO type are StringIoObject.
        Ok(&unsafe { o.cast::<StringIoObject>() }.state)
    } else {
        Err(PyErr::type_error(format!(
            "descriptor requires a '_io.StringIO' object but received a '{}'",
            o.type_object().name()
        )))
    }
}

impl Buffer {
    fn check_open(&self) -> PyResult<()> {
        if self.closed { Err(PyErr::value_error("I/O operation on closed file")) } else { Ok(()) }
    }

    fn write(&mut self, s: &str) -> usize {
        let translated = match self.newline {
            Newline::Keep => s.to_owned(),
            Newline::Universal => s.replace("\r\n", "\n").replace('\r', "\n"),
            Newline::To(nl) => s.replace('\n', nl),
        };
        let chars: Vec<char> = translated.chars().collect();
        if self.pos > self.text.len() {
            self.text.resize(self.pos, '\0');
        }
        let end = (self.pos + chars.len()).min(self.text.len());
        self.text.splice(self.pos..end, chars.iter().copied());
        self.pos += chars.len();
        s.chars().count()
    }

    fn read(&mut self, n: Option<usize>) -> String {
        let start = self.pos.min(self.text.len());
        let end = n.map_or(self.text.len(), |n| (start + n).min(self.text.len()));
        self.pos = end.max(self.pos);
        self.text[start..end].iter().collect()
    }

    fn readline(&mut self, limit: Option<usize>) -> String {
        let start = self.pos.min(self.text.len());
        let mut end = self.text[start..].iter().position(|c| *c == '\n').map_or(self.text.len(), |i| start + i + 1);
        if let Some(n) = limit {
            end = end.min(start + n);
        }
        self.pos = end.max(self.pos);
        self.text[start..end].iter().collect()
    }
}

fn new_string_io(_ty: &TypeObject, argv: &[Obj], kwnames: Option<&PyObject>) -> PyResult<Obj> {
    let pos = args::positional(argv, kwnames);
    if pos.len() > 2 {
        return Err(PyErr::type_error(format!("StringIO() takes at most 2 arguments ({} given)", pos.len())));
    }
    let (mut initial, mut newline) = (pos.first().cloned(), pos.get(1).cloned());
    for (k, v) in args::keywords(argv, kwnames) {
        match k {
            "initial_value" => initial = Some(v.clone()),
            "newline" => newline = Some(v.clone()),
            other => {
                return Err(PyErr::type_error(format!("StringIO() got an unexpected keyword argument '{other}'")));
            }
        }
    }
    let newline = match newline {
        None => Newline::Keep,
        Some(n) if n.is(immortals().none) => Newline::Universal,
        Some(n) => match str_value(&n) {
            Some("\n") | Some("") => Newline::Keep,
            Some("\r") => Newline::To("\r"),
            Some("\r\n") => Newline::To("\r\n"),
            Some(other) => return Err(PyErr::value_error(format!("illegal newline value: {other}"))),
            None => {
                return Err(PyErr::type_error(format!("newline must be str or None, not {}", n.type_object().name())));
            }
        },
    };
    let mut buf = Buffer { text: Vec::new(), pos: 0, closed: false, newline };
    if let Some(init) = initial.filter(|i| !i.is(immortals().none)) {
        let s = str_value(&init).ok_or_else(|| {
            PyErr::type_error(format!("initial_value must be str or None, not {}", init.type_object().name()))
        })?;
        buf.write(s);
        buf.pos = 0;
    }
    // SAFETY: StringIoObject starts with the header; its deallocator drops it.
    unsafe {
        alloc(types().modules.string_io_type, |ob_base| StringIoObject { ob_base, state: crate::sync::Mutex::new(buf) })
    }
}

fn size_arg(a: &[Obj]) -> PyResult<Option<usize>> {
    match a.first() {
        None => Ok(None),
        Some(v) if v.is(immortals().none) => Ok(None),
        Some(v) => Ok(usize::try_from(super::abstract_ops::index_isize(v)?).ok()),
    }
}

static STRING_IO_METHODS: &[MethodDef] = &[
    MethodDef::method("write", |a, k| {
        let (s, r) = args::method("write", a, k, 1, 1)?;
        let text = str_value(&r[0]).ok_or_else(|| {
            PyErr::type_error(format!("string argument expected, got '{}'", r[0].type_object().name()))
        })?;
        let mut b = buffer(s)?.lock();
        b.check_open()?;
        new_int(b.write(text) as i64)
    }),
    MethodDef::method("read", |a, k| {
        let (s, r) = args::method("read", a, k, 0, 1)?;
        let n = size_arg(r)?;
        let mut b = buffer(s)?.lock();
        b.check_open()?;
        let text = b.read(n);
        drop(b);
        new_str(&text)
    }),
    MethodDef::method("readline", |a, k| {
        let (s, r) = args::method("readline", a, k, 0, 1)?;
        let n = size_arg(r)?;
        let mut b = buffer(s)?.lock();
        b.check_open()?;
        let line = b.readline(n);
        drop(b);
        new_str(&line)
    }),
    MethodDef::method("readlines", |a, k| {
        let (s, _) = args::method("readlines", a, k, 0, 1)?;
        let mut lines = Vec::new();
        let mut b = buffer(s)?.lock();
        b.check_open()?;
        loop {
            let line = b.readline(None);
            if line.is_empty() {
                break;
            }
            lines.push(line);
        }
        drop(b);
        new_list(lines.iter().map(|l| new_str(l)).collect::<PyResult<Vec<_>>>()?)
    }),
    MethodDef::method("getvalue", |a, k| {
        let (s, _) = args::method("getvalue", a, k, 0, 0)?;
        let b = buffer(s)?.lock();
        b.check_open()?;
        let text: String = b.text.iter().collect();
        drop(b);
        new_str(&text)
    }),
    MethodDef::method("tell", |a, k| {
        let (s, _) = args::method("tell", a, k, 0, 0)?;
        let b = buffer(s)?.lock();
        b.check_open()?;
        new_int(b.pos as i64)
    }),
    MethodDef::method("seek", |a, k| {
        let (s, r) = args::method("seek", a, k, 1, 2)?;
        let offset = super::abstract_ops::index_isize(&r[0])?;
        let whence = match r.get(1) {
            Some(w) => super::abstract_ops::index_isize(w)?,
            None => 0,
        };
        let mut b = buffer(s)?.lock();
        b.check_open()?;
        b.pos = match whence {
            0 if offset < 0 => return Err(PyErr::value_error(format!("Negative seek position {offset}"))),
            0 => offset as usize,
            1 | 2 if offset != 0 => {
                return Err(crate::object::exceptions::raise_msg(
                    types().exc.named("OSError"),
                    if whence == 1 {
                        "Can't do nonzero cur-relative seeks"
                    } else {
                        "Can't do nonzero end-relative seeks"
                    },
                ));
            }
            1 => b.pos,
            2 => b.text.len(),
            w => return Err(PyErr::value_error(format!("Invalid whence ({w}, should be 0, 1 or 2)"))),
        };
        new_int(b.pos as i64)
    }),
    MethodDef::method("truncate", |a, k| {
        let (s, r) = args::method("truncate", a, k, 0, 1)?;
        let size = size_arg(r)?;
        let mut b = buffer(s)?.lock();
        b.check_open()?;
        let size = size.unwrap_or(b.pos);
        if size < b.text.len() {
            b.text.truncate(size);
        }
        new_int(size as i64)
    }),
    MethodDef::method("close", |a, k| {
        let (s, _) = args::method("close", a, k, 0, 0)?;
        let mut b = buffer(s)?.lock();
        b.closed = true;
        b.text = Vec::new();
        Ok(args::none())
    }),
    MethodDef::method("flush", |a, k| {
        let (s, _) = args::method("flush", a, k, 0, 0)?;
        buffer(s)?.lock().check_open()?;
        Ok(args::none())
    }),
    MethodDef::method("readable", |a, k| {
        let (s, _) = args::method("readable", a, k, 0, 0)?;
        buffer(s)?.lock().check_open()?;
        Ok(new_bool(true))
    }),
    MethodDef::method("writable", |a, k| {
        let (s, _) = args::method("writable", a, k, 0, 0)?;
        buffer(s)?.lock().check_open()?;
        Ok(new_bool(true))
    }),
    MethodDef::method("seekable", |a, k| {
        let (s, _) = args::method("seekable", a, k, 0, 0)?;
        buffer(s)?.lock().check_open()?;
        Ok(new_bool(true))
    }),
    MethodDef::method("__enter__", |a, k| {
        let (s, _) = args::method("__enter__", a, k, 0, 0)?;
        buffer(s)?.lock().check_open()?;
        Ok(s.clone())
    }),
    MethodDef::method("__exit__", |a, _k| {
        let s = a.first().ok_or_else(|| PyErr::type_error("__exit__ needs a receiver"))?;
        buffer(s)?.lock().closed = true;
        Ok(args::none())
    }),
];

static STRING_IO_GETSETS: &[GetSetDef] = &[
    GetSetDef { name: "closed", get: |o| Ok(new_bool(buffer(o)?.lock().closed)), set: None },
    GetSetDef {
        name: "line_buffering",
        get: |o| {
            buffer(o)?.lock().check_open()?;
            Ok(new_bool(false))
        },
        set: None,
    },
];

fn string_io_next(o: &PyObject) -> PyResult<Option<Obj>> {
    let mut b = buffer(o)?.lock();
    b.check_open()?;
    let line = b.readline(None);
    drop(b);
    if line.is_empty() { Ok(None) } else { new_str(&line).map(Some) }
}

/// Phase one: the `StringIO` type.
pub(crate) fn make_string_io_type(core: &CoreTypes, specs: &mut Vec<TypeSpec>) -> &'static TypeObject {
    let ty = new_static_type(core.type_type, "StringIO", size_of::<StringIoObject>(), 0, dealloc_string_io, |t| {
        t.new = Some(new_string_io);
        t.repr = Some(|o| new_str(&format!("<_io.StringIO object at {:#x}>", o as *const PyObject as usize)));
        t.iter = Some(|o| {
            buffer(o)?.lock().check_open()?;
            Ok(Obj::new_ref(o))
        });
        t.iternext = Some(string_io_next);
        t.hash = core.object_type.hash;
        t.richcompare = core.object_type.richcompare;
    });
    specs.push(TypeSpec { ty, base: Some(core.object_type), methods: STRING_IO_METHODS, getsets: STRING_IO_GETSETS });
    ty
}

/// # Safety
///
/// Called once, with no reference left, on a `StringIoObject`.
unsafe fn dealloc_string_io(op: NonNull<PyObject>) {
    // SAFETY: the layout is StringIoObject.
    unsafe { drop_and_free::<StringIoObject>(op) }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_overwrite_and_pad() {
        let mut b = Buffer { text: Vec::new(), pos: 0, closed: false, newline: Newline::Keep };
        assert_eq!(b.write("hello"), 5);
        b.pos = 1;
        b.write("E");
        b.pos = 7;
        b.write("x");
        assert_eq!(b.text.iter().collect::<String>(), "hEllo\0\0x");
        b.pos = 0;
        assert_eq!(b.readline(Some(3)), "hEl");
        let mut u = Buffer { text: Vec::new(), pos: 0, closed: false, newline: Newline::Universal };
        u.write("a\r\nb\rc");
        assert_eq!(u.text.iter().collect::<String>(), "a\nb\nc");
    }
}
