//! Binary files: what `open()` returns for a mode with `b` — `_io.BufferedReader` (`rb`),
//! `_io.BufferedWriter` (`wb`, `ab`, `xb`) and `_io.BufferedRandom` (`r+b`, `w+b`, ...).
//!
//! A binary file is a `std::fs::File` with CPython's buffering: writes gather in an 8 KiB
//! buffer (flushed when full, by `flush()`, `close()`, a read, a seek, and when the object goes
//! away); reads fill a read buffer of at least 8 KiB. `tell()` is the file position as the
//! program sees it (the raw position, plus what waits to be written, less what was read ahead),
//! and `seek()` first settles both buffers. Data in and out is `bytes`; anything with the
//! buffer protocol may be written (`bytes`, `bytearray`, `memoryview`), `str` is a `TypeError`.
//! Reading a write-only file (or writing a read-only one) is `io.UnsupportedOperation`, any use
//! of a closed file a `ValueError`, as CPython's buffered objects report them.

use std::io::{Read, Seek, SeekFrom, Write};
use std::ptr::NonNull;

use super::alloc::{alloc, drop_and_free};
use super::builtin::{GetSetDef, MethodDef, args};
use super::bytes::{buffer_data, new_bytes};
use super::header::PyObject;
use super::immortal::{TypeSpec, immortals, new_static_type, types};
use super::int::{new_bool, new_int};
use super::list::new_list;
use super::obj::Obj;
use super::str::new_str;
use super::typeobj::TypeObject;
use crate::error::{PyErr, PyResult};

/// The buffer size (`io.DEFAULT_BUFFER_SIZE`).
const BUFFER_SIZE: usize = 8192;

/// The three binary file types, by what the mode allows.
pub struct BinaryIoTypes {
    pub reader: &'static TypeObject,
    pub writer: &'static TypeObject,
    pub random: &'static TypeObject,
}

struct BinFile {
    file: Option<std::fs::File>,
    /// `name` as `open()` got it.
    name: Obj,
    mode: String,
    readable: bool,
    writable: bool,
    /// Bytes written but not yet passed to the file.
    wbuf: Vec<u8>,
    /// Bytes read ahead from the file; `rpos` of them already returned.
    rbuf: Vec<u8>,
    rpos: usize,
}

/// A binary file object.
#[repr(C)]
pub struct BinaryIoObject {
    /// Header.
    pub ob_base: PyObject,
    file: crate::sync::Mutex<BinFile>,
}

/// The `ValueError` for an operation on a closed file, in CPython's words for it.
fn closed_error(what: &str) -> PyErr {
    match what {
        "write" => PyErr::value_error("write to closed file"),
        "read" | "readline" | "seek" | "flush" => PyErr::value_error(format!("{what} of closed file")),
        _ => PyErr::value_error("I/O operation on closed file"),
    }
}

impl BinFile {
    fn open(&mut self, what: &str) -> PyResult<&mut std::fs::File> {
        self.file.as_mut().ok_or_else(|| closed_error(what))
    }

    fn check_readable(&mut self, what: &str) -> PyResult<()> {
        if !self.readable {
            return Err(super::textio::unsupported("read"));
        }
        self.open(what)?;
        Ok(())
    }

    /// Writes out the write buffer.
    fn flush_writes(&mut self) -> PyResult<()> {
        if self.wbuf.is_empty() {
            return Ok(());
        }
        let data = std::mem::take(&mut self.wbuf);
        let f = self.open("flush")?;
        f.write_all(&data).map_err(|e| super::textio::os_error(&e, None))
    }

    /// Gives the read-ahead back to the file (the raw position moves back to what the program
    /// has read).
    fn drop_read_ahead(&mut self) -> PyResult<()> {
        let unread = (self.rbuf.len() - self.rpos) as i64;
        self.rbuf.clear();
        self.rpos = 0;
        if unread > 0 {
            let f = self.open("seek")?;
            f.seek(SeekFrom::Current(-unread)).map_err(|e| super::textio::os_error(&e, None))?;
        }
        Ok(())
    }

    /// Makes at least one unread byte available; false at the end of the file.
    fn fill(&mut self) -> PyResult<bool> {
        if self.rpos < self.rbuf.len() {
            return Ok(true);
        }
        self.flush_writes()?;
        self.rbuf.clear();
        self.rpos = 0;
        let mut chunk = vec![0u8; BUFFER_SIZE];
        let f = self.open("read")?;
        let n = f.read(&mut chunk).map_err(|e| super::textio::os_error(&e, None))?;
        chunk.truncate(n);
        self.rbuf = chunk;
        Ok(n > 0)
    }

    /// Up to `size` bytes (all the rest when `None`).
    fn read(&mut self, size: Option<usize>) -> PyResult<Vec<u8>> {
        self.check_readable("read")?;
        let mut out = Vec::new();
        loop {
            if size.is_some_and(|s| out.len() >= s) || !self.fill()? {
                break;
            }
            let want = size.map_or(usize::MAX, |s| s - out.len());
            let avail = &self.rbuf[self.rpos..];
            let take = avail.len().min(want);
            out.extend_from_slice(&avail[..take]);
            self.rpos += take;
        }
        Ok(out)
    }

    /// A line (through `\n`), at most `limit` bytes.
    fn readline(&mut self, limit: Option<usize>) -> PyResult<Vec<u8>> {
        self.check_readable("readline")?;
        let mut out = Vec::new();
        while limit.is_none_or(|l| out.len() < l) && self.fill()? {
            let avail = &self.rbuf[self.rpos..];
            let room = limit.map_or(usize::MAX, |l| l - out.len());
            let end = avail.iter().take(room).position(|&b| b == b'\n').map(|i| i + 1);
            let take = end.unwrap_or(avail.len().min(room));
            out.extend_from_slice(&avail[..take]);
            self.rpos += take;
            if end.is_some() {
                break;
            }
        }
        Ok(out)
    }

    fn write(&mut self, data: &[u8]) -> PyResult<usize> {
        if !self.writable {
            return Err(super::textio::unsupported("write"));
        }
        self.open("write")?;
        self.drop_read_ahead()?;
        self.wbuf.extend_from_slice(data);
        if self.wbuf.len() >= BUFFER_SIZE {
            self.flush_writes()?;
        }
        Ok(data.len())
    }

    fn tell(&mut self) -> PyResult<u64> {
        let (pending, unread) = (self.wbuf.len() as u64, (self.rbuf.len() - self.rpos) as u64);
        let f = self.open("tell")?;
        let raw = f.stream_position().map_err(|e| super::textio::os_error(&e, None))?;
        Ok(raw + pending - unread)
    }

    fn seek(&mut self, offset: i64, whence: i64) -> PyResult<u64> {
        self.open("seek")?;
        self.flush_writes()?;
        self.drop_read_ahead()?;
        let to = match whence {
            0 if offset < 0 => return Err(super::textio::os_error(&std::io::Error::from_raw_os_error(22), None)),
            0 => SeekFrom::Start(offset as u64),
            1 => SeekFrom::Current(offset),
            2 => SeekFrom::End(offset),
            w => return Err(PyErr::value_error(format!("whence value {w} unsupported"))),
        };
        let f = self.open("seek")?;
        f.seek(to).map_err(|e| super::textio::os_error(&e, None))
    }

    fn close(&mut self) -> PyResult<()> {
        if self.file.is_none() {
            return Ok(());
        }
        let flushed = self.flush_writes();
        self.file = None;
        flushed
    }
}

fn bin_file(o: &PyObject) -> PyResult<&crate::sync::Mutex<BinFile>> {
    let t = &types().binary_io;
    let ty = o.type_object();
    if [t.reader, t.writer, t.random].iter().any(|b| std::ptr::eq(ty, *b)) {
        // SAFETY: instances of the binary file types are BinaryIoObject.
        Ok(&unsafe { o.cast::<BinaryIoObject>() }.file)
    } else {
        Err(PyErr::type_error(format!("descriptor requires a binary file object but received a '{}'", ty.name())))
    }
}

/// A binary file over `file`, of the type its mode calls for.
pub(crate) fn new_binary_file(
    file: std::fs::File,
    name: Obj,
    mode: &str,
    readable: bool,
    writable: bool,
) -> PyResult<Obj> {
    let mut file = file;
    if mode.contains('a') {
        // Append mode starts at the end, where every write goes (`tell()` says so).
        file.seek(SeekFrom::End(0)).map_err(|e| super::textio::os_error(&e, None))?;
    }
    let t = &types().binary_io;
    let ty = match (readable, writable) {
        (true, true) => t.random,
        (true, false) => t.reader,
        _ => t.writer,
    };
    let state = BinFile {
        file: Some(file),
        name,
        mode: mode.to_owned(),
        readable,
        writable,
        wbuf: Vec::new(),
        rbuf: Vec::new(),
        rpos: 0,
    };
    // SAFETY: BinaryIoObject starts with the header; its deallocator drops it.
    unsafe { alloc(ty, |ob_base| BinaryIoObject { ob_base, file: crate::sync::Mutex::new(state) }) }
}

/// A size argument: `None` or negative for "all".
fn size_arg(a: &[Obj]) -> PyResult<Option<usize>> {
    match a.first() {
        None => Ok(None),
        Some(s) if s.is(immortals().none) => Ok(None),
        Some(s) => {
            let n = super::abstract_ops::index_isize(s)?;
            Ok((n >= 0).then_some(n as usize))
        }
    }
}

fn receiver<'a>(
    name: &str,
    a: &'a [Obj],
    k: Option<&PyObject>,
    min: usize,
    max: usize,
) -> PyResult<(&'a Obj, &'a [Obj])> {
    let (s, rest) = args::method(name, a, k, min, max)?;
    bin_file(s)?;
    Ok((s, rest))
}

fn read_lines(s: &PyObject) -> PyResult<Vec<Obj>> {
    let mut lines = Vec::new();
    loop {
        let line = bin_file(s)?.lock().readline(None)?;
        if line.is_empty() {
            return Ok(lines);
        }
        lines.push(new_bytes(&line)?);
    }
}

static BINARY_IO_METHODS: &[MethodDef] = &[
    MethodDef::method("read", |a, k| {
        let (s, r) = receiver("read", a, k, 0, 1)?;
        let size = size_arg(r)?;
        new_bytes(&bin_file(s)?.lock().read(size)?)
    }),
    MethodDef::method("read1", |a, k| {
        let (s, r) = receiver("read1", a, k, 0, 1)?;
        let size = size_arg(r)?;
        new_bytes(&bin_file(s)?.lock().read(size)?)
    }),
    MethodDef::method("readline", |a, k| {
        let (s, r) = receiver("readline", a, k, 0, 1)?;
        let size = size_arg(r)?;
        new_bytes(&bin_file(s)?.lock().readline(size)?)
    }),
    MethodDef::method("readlines", |a, k| {
        let (s, _) = receiver("readlines", a, k, 0, 1)?;
        new_list(read_lines(s)?)
    }),
    MethodDef::method("write", |a, k| {
        let (s, r) = receiver("write", a, k, 1, 1)?;
        let data = buffer_data(&r[0]).ok_or_else(|| {
            PyErr::type_error(format!("a bytes-like object is required, not '{}'", r[0].type_object().name()))
        })?;
        let n = bin_file(s)?.lock().write(&data)?;
        new_int(n as i64)
    }),
    MethodDef::method("seek", |a, k| {
        let (s, r) = receiver("seek", a, k, 1, 2)?;
        let offset = super::abstract_ops::index_isize(&r[0])? as i64;
        let whence = match r.get(1) {
            Some(w) => super::abstract_ops::index_isize(w)? as i64,
            None => 0,
        };
        new_int(bin_file(s)?.lock().seek(offset, whence)? as i64)
    }),
    MethodDef::method("tell", |a, k| {
        let (s, _) = receiver("tell", a, k, 0, 0)?;
        new_int(bin_file(s)?.lock().tell()? as i64)
    }),
    MethodDef::method("truncate", |a, k| {
        let (s, r) = receiver("truncate", a, k, 0, 1)?;
        let mut f = bin_file(s)?.lock();
        if !f.writable {
            return Err(super::textio::unsupported("truncate"));
        }
        let size = match r.first().filter(|x| !x.is(immortals().none)) {
            Some(n) => super::abstract_ops::index_isize(n)? as u64,
            None => f.tell()?,
        };
        f.flush_writes()?;
        f.drop_read_ahead()?;
        f.open("truncate")?.set_len(size).map_err(|e| super::textio::os_error(&e, None))?;
        new_int(size as i64)
    }),
    MethodDef::method("flush", |a, k| {
        let (s, _) = receiver("flush", a, k, 0, 0)?;
        bin_file(s)?.lock().flush_writes()?;
        Ok(args::none())
    }),
    MethodDef::method("close", |a, k| {
        let (s, _) = receiver("close", a, k, 0, 0)?;
        bin_file(s)?.lock().close()?;
        Ok(args::none())
    }),
    MethodDef::method("readable", |a, k| {
        let (s, _) = receiver("readable", a, k, 0, 0)?;
        let mut f = bin_file(s)?.lock();
        f.open("readable")?;
        Ok(new_bool(f.readable))
    }),
    MethodDef::method("writable", |a, k| {
        let (s, _) = receiver("writable", a, k, 0, 0)?;
        let mut f = bin_file(s)?.lock();
        f.open("writable")?;
        Ok(new_bool(f.writable))
    }),
    MethodDef::method("seekable", |a, k| {
        let (s, _) = receiver("seekable", a, k, 0, 0)?;
        bin_file(s)?.lock().open("seekable")?;
        Ok(new_bool(true))
    }),
    MethodDef::method("isatty", |a, k| {
        let (s, _) = receiver("isatty", a, k, 0, 0)?;
        bin_file(s)?.lock().open("isatty")?;
        Ok(new_bool(false))
    }),
    MethodDef::method("fileno", |a, k| {
        let (s, _) = receiver("fileno", a, k, 0, 0)?;
        let mut f = bin_file(s)?.lock();
        let fd = std::os::fd::AsRawFd::as_raw_fd(f.open("fileno")?);
        new_int(fd as i64)
    }),
    MethodDef::method("__enter__", |a, k| {
        let (s, _) = receiver("__enter__", a, k, 0, 0)?;
        bin_file(s)?.lock().open("__enter__")?;
        Ok(s.clone())
    }),
    MethodDef::method("__exit__", |a, _k| {
        let s = a.first().ok_or_else(|| PyErr::type_error("__exit__ needs a receiver"))?;
        bin_file(s)?.lock().close()?;
        Ok(args::none())
    }),
];

static BINARY_IO_GETSETS: &[GetSetDef] = &[
    GetSetDef { name: "closed", get: |o| Ok(new_bool(bin_file(o)?.lock().file.is_none())), set: None },
    GetSetDef { name: "name", get: |o| Ok(bin_file(o)?.lock().name.clone()), set: None },
    GetSetDef { name: "mode", get: |o| new_str(&bin_file(o)?.lock().mode), set: None },
];

fn binary_io_repr(o: &PyObject) -> PyResult<Obj> {
    let name = bin_file(o)?.lock().name.clone();
    let name = super::abstract_ops::repr_text(&name)?;
    new_str(&format!("<{} name={name}>", o.type_object().name()))
}

fn binary_io_next(o: &PyObject) -> PyResult<Option<Obj>> {
    let line = bin_file(o)?.lock().readline(None)?;
    if line.is_empty() { Ok(None) } else { new_bytes(&line).map(Some) }
}

/// # Safety
///
/// Called once, with no reference left, on a `BinaryIoObject`.
unsafe fn dealloc_binary_io(op: NonNull<PyObject>) {
    // SAFETY: the object is intact until freed below; a failed final flush is lost, as when
    // CPython's finalizer cannot write.
    unsafe {
        let _ = op.cast::<BinaryIoObject>().as_ref().file.lock().close();
        drop_and_free::<BinaryIoObject>(op)
    }
}

/// Phase one of the static types: the three binary file types.
pub(crate) fn make_binary_io_types(
    type_type: &'static TypeObject,
    object_type: &'static TypeObject,
    specs: &mut Vec<TypeSpec>,
) -> BinaryIoTypes {
    let mut make = |name: &'static str| {
        let ty = new_static_type(type_type, name, size_of::<BinaryIoObject>(), 0, dealloc_binary_io, |t| {
            t.repr = Some(binary_io_repr);
            t.iter = Some(|o| {
                bin_file(o)?.lock().open("__iter__")?;
                Ok(Obj::new_ref(o))
            });
            t.iternext = Some(binary_io_next);
            t.hash = object_type.hash;
            t.richcompare = object_type.richcompare;
        });
        specs.push(TypeSpec { ty, base: Some(object_type), methods: BINARY_IO_METHODS, getsets: BINARY_IO_GETSETS });
        ty
    };
    BinaryIoTypes {
        reader: make("_io.BufferedReader"),
        writer: make("_io.BufferedWriter"),
        random: make("_io.BufferedRandom"),
    }
}
