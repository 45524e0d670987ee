//! Text files (`_io.TextIOWrapper`): `sys.stdout`, `sys.stderr`, `sys.stdin` and what `open()`
//! returns in text mode.
//!
//! A text file is a sink or source (the process's standard streams or a `std::fs::File`) plus
//! UTF-8 coding and CPython's default newline handling (`newline=None`): reading translates
//! `\r\n` and `\r` to `\n` (universal newlines); writing leaves `\n` alone (`os.linesep` is `\n`
//! on the platforms pyrt runs on).
//!
//! **Buffering.** A file opened by `open()` keeps written text in an 8 KiB buffer flushed when
//! full, by `flush()`, `close()` and when the object goes away, as CPython's `BufferedWriter`
//! does. Reading loads the rest of the file the first time it is read (the decoded text waits
//! in `pending`). `sys.stdout` buffers as CPython's does: by line on a terminal, by 8 KiB
//! blocks otherwise (flushed by `flush()`, before an uncaught exception is printed and at exit),
//! every write with `PYTHONUNBUFFERED`; `sys.stderr` writes at once (CPython's is line
//! buffered, yet its text reaches the descriptor as soon as it is written when stdout is a
//! pipe, which is what is observable). `sys.stdin` reads a line at a time.
//!
//! `tell()` is the byte offset in the file of the next character to read (CPython's cookie for
//! a decoder without pending state; the translated `\r\n`s are remembered to count them as two
//! bytes); `seek()` accepts what `tell()` returned, and `seek(0, 1)` / `seek(0, 2)`.
//!
//! Binary mode (`'b'`) gives a binary file ([`super::binaryio`]).

use std::io::{BufRead, Read, Write};
use std::ptr::NonNull;

use super::alloc::{alloc, drop_and_free};
use super::builtin::{GetSetDef, MethodDef, args};
use super::core_types::CoreTypes;
use super::header::PyObject;
use super::immortal::{TypeSpec, immortals, new_static_type, types};
use super::int::new_bool;
use super::list::new_list;
use super::obj::Obj;
use super::str::{new_str, str_value};
use super::typeobj::TypeObject;
use crate::error::{PyErr, PyResult};

/// Where a text file's bytes go or come from.
enum Stream {
    Stdout,
    Stderr,
    Stdin,
    File(std::fs::File),
}

/// The state of one text file.
struct TextFile {
    stream: Stream,
    /// `name` (a str: the path as given, or `<stdout>`).
    name: Obj,
    /// `mode` as `open()` got it (`w` for stdout).
    mode: String,
    readable: bool,
    writable: bool,
    closed: bool,
    /// Decoded text read but not yet returned.
    pending: String,
    /// Where `pending` starts in the file's translated text (bytes since the last seek).
    consumed: usize,
    /// Offsets in the translated text of the `\n`s that were `\r\n` in the file (for `tell`).
    crlf_at: std::collections::VecDeque<usize>,
    /// The rest of the file was read into `pending`.
    at_eof: bool,
    /// Encoded text waiting to be written (files only).
    out: Vec<u8>,
}

/// A text file object.
#[repr(C)]
pub struct TextIoObject {
    /// Header.
    pub ob_base: PyObject,
    /// A lock, not a `RefCell`: threads of a free-threaded interpreter share `sys.stdout`.
    /// Never held while Python code runs.
    file: crate::sync::Mutex<TextFile>,
}

impl Drop for TextFile {
    fn drop(&mut self) {
        // As CPython's finaliser: unwritten text reaches the file when the object goes away.
        let _ = self.flush_out();
    }
}

const WRITE_BUFFER: usize = 8192;

/// How `sys.stdout` buffers, chosen once per process as CPython's `create_stdio` does.
#[derive(Clone, Copy, PartialEq, Eq)]
enum StdoutMode {
    /// `PYTHONUNBUFFERED` set: every write reaches the file descriptor.
    Unbuffered,
    /// A terminal: flushed at each newline.
    Line,
    /// A pipe or file: flushed when 8 KiB are waiting, by `flush()`, before an uncaught
    /// exception is reported, and at exit.
    Block,
}

/// Text written to `sys.stdout` and not yet to file descriptor 1. Process-wide: every
/// interpreter's `sys.stdout` writes to the same descriptor, and this keeps their order.
static STDOUT_PENDING: std::sync::Mutex<Vec<u8>> = std::sync::Mutex::new(Vec::new());

fn stdout_mode() -> StdoutMode {
    use std::io::IsTerminal;
    static MODE: std::sync::OnceLock<StdoutMode> = std::sync::OnceLock::new();
    *MODE.get_or_init(|| {
        extern "C" fn flush_at_exit() {
            let _ = flush_stdout();
        }
        // SAFETY: registers a plain function (it touches only the byte buffer and the
        // descriptor, no Python object) to run at process exit; once per process.
        unsafe { libc::atexit(flush_at_exit) };
        if std::env::var_os("PYTHONUNBUFFERED").is_some_and(|v| !v.is_empty()) {
            StdoutMode::Unbuffered
        } else if std::io::stdout().is_terminal() {
            StdoutMode::Line
        } else {
            StdoutMode::Block
        }
    })
}

fn write_stdout(text: &str) -> std::io::Result<()> {
    let mode = stdout_mode();
    let full = {
        let mut pending = STDOUT_PENDING.lock().unwrap_or_else(|e| e.into_inner());
        pending.extend_from_slice(text.as_bytes());
        match mode {
            StdoutMode::Unbuffered => true,
            StdoutMode::Line => text.contains('\n'),
            StdoutMode::Block => pending.len() >= WRITE_BUFFER,
        }
    };
    if full { flush_stdout() } else { Ok(()) }
}

/// Writes what `sys.stdout` holds to file descriptor 1 (the command line calls this before it
/// reports an uncaught exception and at exit; an `atexit` hook calls it for embedders).
pub fn flush_stdout() -> std::io::Result<()> {
    let mut pending = STDOUT_PENDING.lock().unwrap_or_else(|e| e.into_inner());
    let mut out = std::io::stdout().lock();
    let r = out.write_all(&pending).and_then(|()| out.flush());
    pending.clear();
    r
}

impl TextFile {
    fn flush_out(&mut self) -> std::io::Result<()> {
        match &mut self.stream {
            Stream::File(f) if !self.out.is_empty() => {
                let r = f.write_all(&self.out);
                self.out.clear();
                r
            }
            Stream::Stdout => flush_stdout(),
            _ => Ok(()),
        }
    }

    fn write_text(&mut self, text: &str) -> std::io::Result<()> {
        match &mut self.stream {
            Stream::Stdout => write_stdout(text),
            Stream::Stderr => std::io::stderr().lock().write_all(text.as_bytes()),
            Stream::Stdin => Ok(()),
            Stream::File(_) => {
                self.out.extend_from_slice(text.as_bytes());
                if self.out.len() >= WRITE_BUFFER { self.flush_out() } else { Ok(()) }
            }
        }
    }

    /// Reads everything left into `pending` (files), or one more line (stdin). False at EOF.
    fn fill(&mut self, whole: bool) -> PyResult<bool> {
        if self.at_eof {
            return Ok(false);
        }
        // Text written and not yet flushed must be in the file before reading it.
        self.flush_out().map_err(|e| os_error(&e, None))?;
        let mut raw = Vec::new();
        let r = match &mut self.stream {
            Stream::File(f) => {
                self.at_eof = true;
                f.read_to_end(&mut raw)
            }
            Stream::Stdin if whole => {
                self.at_eof = true;
                std::io::stdin().lock().read_to_end(&mut raw)
            }
            Stream::Stdin => {
                let n = std::io::stdin().lock().read_until(b'\n', &mut raw);
                if matches!(n, Ok(0)) {
                    self.at_eof = true;
                }
                n
            }
            Stream::Stdout | Stream::Stderr => return Ok(false),
        };
        r.map_err(|e| os_error(&e, None))?;
        if raw.is_empty() {
            return Ok(false);
        }
        let text = decode_utf8(&raw)?;
        let start = self.consumed + self.pending.len();
        // `sys.stdin` reads with `newline='\n'` on POSIX (CPython's `create_stdio`): no translation.
        let (translated, crlfs) =
            if matches!(self.stream, Stream::Stdin) { (text, Vec::new()) } else { translate_newlines(&text) };
        self.crlf_at.extend(crlfs.into_iter().map(|i| start + i));
        self.pending.push_str(&translated);
        Ok(true)
    }

    /// Removes and returns the first `cut` bytes of `pending`.
    fn take(&mut self, cut: usize) -> String {
        let rest = self.pending.split_off(cut);
        self.consumed += cut;
        while self.crlf_at.front().is_some_and(|&i| i < self.consumed) {
            self.crlf_at.pop_front();
        }
        std::mem::replace(&mut self.pending, rest)
    }

    /// Forgets what was read ahead (before a seek).
    fn drop_pending(&mut self) {
        self.pending.clear();
        self.crlf_at.clear();
        self.consumed = 0;
        self.at_eof = false;
    }

    /// The file bytes `pending` came from (`\r\n` counts two).
    fn pending_raw_len(&self) -> usize {
        self.pending.len() + self.crlf_at.len()
    }

    fn check_open(&self) -> PyResult<()> {
        if self.closed { Err(PyErr::value_error("I/O operation on closed file.")) } else { Ok(()) }
    }

    fn check_readable(&self) -> PyResult<()> {
        self.check_open()?;
        if self.readable { Ok(()) } else { Err(unsupported("not readable")) }
    }

    fn check_writable(&self) -> PyResult<()> {
        self.check_open()?;
        if self.writable { Ok(()) } else { Err(unsupported("not writable")) }
    }

    /// One line (with its `\n`), at most `limit` characters; `""` at EOF.
    fn read_line(&mut self, limit: Option<usize>) -> PyResult<String> {
        loop {
            let end = self.pending.find('\n').map(|i| i + 1);
            let by_limit = limit.and_then(|n| self.pending.char_indices().nth(n).map(|(i, _)| i));
            let cut = match (end, by_limit) {
                (Some(e), Some(l)) => Some(e.min(l)),
                (e, l) => e.or(l),
            };
            if let Some(cut) = cut {
                return Ok(self.take(cut));
            }
            if !self.fill(false)? {
                return Ok(self.take(self.pending.len()));
            }
        }
    }
}

/// Text from UTF-8 bytes, or CPython's `UnicodeDecodeError` message.
fn decode_utf8(raw: &[u8]) -> PyResult<String> {
    match std::str::from_utf8(raw) {
        Ok(s) => Ok(s.to_owned()),
        Err(e) => {
            let at = e.valid_up_to();
            let why = match e.error_len() {
                None => "unexpected end of data",
                Some(_) if (0x80..0xc2).contains(&raw[at]) || raw[at] > 0xf4 => "invalid start byte",
                Some(_) => "invalid continuation byte",
            };
            Err(super::exceptions::raise_msg(
                types().exc.named("UnicodeDecodeError"),
                &format!("'utf-8' codec can't decode byte 0x{:02x} in position {at}: {why}", raw[at]),
            ))
        }
    }
}

/// Universal newlines: `\r\n` and `\r` become `\n`; also the offsets (in the result) of the
/// `\n`s that were `\r\n`.
fn translate_newlines(text: &str) -> (String, Vec<usize>) {
    if !text.contains('\r') {
        return (text.to_owned(), Vec::new());
    }
    let mut out = String::with_capacity(text.len());
    let mut crlfs = Vec::new();
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\r' {
            if chars.peek() == Some(&'\n') {
                chars.next();
                crlfs.push(out.len());
            }
            out.push('\n');
        } else {
            out.push(c);
        }
    }
    (out, crlfs)
}

/// `io.UnsupportedOperation` (a subclass of `OSError`; CPython's also derives from
/// `ValueError`, which single-inheritance static types cannot express).
pub(crate) fn unsupported(msg: &str) -> PyErr {
    super::exceptions::raise_msg(types().modules.unsupported_operation_type, msg)
}

/// Phase one: `io.UnsupportedOperation`, an `OSError` with the exceptions' layout and slots.
pub(crate) fn make_unsupported_operation_type(
    core: &CoreTypes,
    os_error: &'static TypeObject,
    specs: &mut Vec<TypeSpec>,
) -> &'static TypeObject {
    let ty = new_static_type(
        core.type_type,
        "UnsupportedOperation",
        os_error.basic_size,
        os_error.flags,
        os_error.dealloc,
        |t| {
            t.dict_offset = os_error.dict_offset;
            t.new = os_error.new;
            t.init = os_error.init;
            t.repr = os_error.repr;
            t.str = os_error.str;
            t.setattro = os_error.setattro;
            t.hash = os_error.hash;
            t.richcompare = os_error.richcompare;
        },
    );
    specs.push(TypeSpec { ty, base: Some(os_error), methods: &[], getsets: &[] });
    ty
}

/// The `OSError` CPython raises for an I/O error on `path`: `OSError(errno, strerror[,
/// path])`, which is the errno's subclass (`FileNotFoundError`, ...).
pub fn os_error(e: &std::io::Error, path: Option<&str>) -> PyErr {
    let code = e.raw_os_error().unwrap_or(0);
    // The C library's text for the errno (Rust appends " (os error N)").
    let full = e.to_string();
    let text = full.split(" (os error").next().unwrap_or("").to_owned();
    let made = (|| -> PyResult<Obj> {
        let mut argv = vec![super::int::new_int(i64::from(code))?, new_str(&text)?];
        if let Some(p) = path {
            argv.push(new_str(p)?);
        }
        super::oserror::oserror_new(types().exc.named("OSError"), &argv, None)
    })();
    match made {
        Ok(e) => PyErr::from_object(e),
        Err(e) => e,
    }
}

fn text_file(o: &PyObject) -> PyResult<&crate::sync::Mutex<TextFile>> {
    if std::ptr::eq(o.type_object(), types().modules.text_io_type) {
        // SAFETY: instances of the text file type are TextIoObject.
        Ok(&unsafe { o.cast::<TextIoObject>() }.file)
    } else {
        Err(PyErr::type_error(format!(
            "descriptor requires a '_io.TextIOWrapper' object but received a '{}'",
            o.type_object().name()
        )))
    }
}

/// Whether `o` is a text file object.
pub fn is_text_file(o: &PyObject) -> bool {
    std::ptr::eq(o.type_object(), types().modules.text_io_type)
}

fn new_text_file(stream: Stream, name: Obj, mode: &str, readable: bool, writable: bool) -> PyResult<Obj> {
    let file = TextFile {
        stream,
        name,
        mode: mode.to_owned(),
        readable,
        writable,
        closed: false,
        pending: String::new(),
        consumed: 0,
        crlf_at: std::collections::VecDeque::new(),
        at_eof: false,
        out: Vec::new(),
    };
    // SAFETY: TextIoObject starts with the header; its deallocator drops it.
    unsafe {
        alloc(types().modules.text_io_type, |ob_base| TextIoObject { ob_base, file: crate::sync::Mutex::new(file) })
    }
}

/// The three standard streams, as `sys` holds them: `(stdin, stdout, stderr)`.
pub fn standard_streams() -> PyResult<(Obj, Obj, Obj)> {
    Ok((
        new_text_file(Stream::Stdin, new_str("<stdin>")?, "r", true, false)?,
        new_text_file(Stream::Stdout, new_str("<stdout>")?, "w", false, true)?,
        new_text_file(Stream::Stderr, new_str("<stderr>")?, "w", false, true)?,
    ))
}

/// Writes `text` to the text file `o` (print's fast path); `flush` flushes it after.
pub fn write_str(o: &PyObject, text: &str, flush: bool) -> PyResult<()> {
    let mut f = text_file(o)?.lock();
    f.check_writable()?;
    f.write_text(text).map_err(|e| os_error(&e, None))?;
    if flush {
        f.flush_out().map_err(|e| os_error(&e, None))?;
    }
    Ok(())
}

/// `open(file, mode='r', buffering=-1, encoding=None, errors=None, newline=None, closefd=True)`
/// in text mode.
pub fn builtin_open(argv: &[Obj], kwnames: Option<&PyObject>) -> PyResult<Obj> {
    const NAMES: [&str; 7] = ["file", "mode", "buffering", "encoding", "errors", "newline", "closefd"];
    let mut slots: [Option<Obj>; 7] = Default::default();
    for (i, v) in args::positional(argv, kwnames).iter().enumerate() {
        if i >= NAMES.len() {
            return Err(PyErr::type_error(format!(
                "open() takes at most 8 arguments ({} given)",
                args::positional(argv, kwnames).len()
            )));
        }
        slots[i] = Some(v.clone());
    }
    for (k, v) in args::keywords(argv, kwnames) {
        let Some(i) = NAMES.iter().position(|n| *n == k) else {
            return Err(PyErr::type_error(format!("open() got an unexpected keyword argument '{k}'")));
        };
        slots[i] = Some(v.clone());
    }
    let Some(file) = slots[0].clone() else {
        return Err(PyErr::type_error("open() missing required argument 'file' (pos 1)"));
    };
    let path = str_value(&file)
        .ok_or_else(|| {
            PyErr::type_error(format!("expected str, bytes or os.PathLike object, not {}", file.type_object().name()))
        })?
        .to_owned();
    let mode = match &slots[1] {
        Some(m) => str_value(m)
            .ok_or_else(|| {
                PyErr::type_error(format!("open() argument 'mode' must be str, not {}", m.type_object().name()))
            })?
            .to_owned(),
        None => "r".to_owned(),
    };
    if let Some(enc) = slots[3].as_ref().filter(|e| !e.is(immortals().none)) {
        let e = str_value(enc).unwrap_or("").to_ascii_lowercase().replace('_', "-");
        if !matches!(e.as_str(), "utf-8" | "utf8") {
            return Err(super::exceptions::raise_msg(
                types().exc.named("LookupError"),
                &format!("unknown encoding: {}", str_value(enc).unwrap_or("?")),
            ));
        }
    }
    let (mut reading, mut writing, mut appending, mut creating, mut plus, mut binary, mut text) =
        (false, false, false, false, false, false, false);
    for c in mode.chars() {
        let seen = match c {
            'r' => std::mem::replace(&mut reading, true),
            'w' => std::mem::replace(&mut writing, true),
            'a' => std::mem::replace(&mut appending, true),
            'x' => std::mem::replace(&mut creating, true),
            '+' => std::mem::replace(&mut plus, true),
            'b' => std::mem::replace(&mut binary, true),
            't' => std::mem::replace(&mut text, true),
            _ => return Err(PyErr::value_error(format!("invalid mode: '{mode}'"))),
        };
        if seen {
            return Err(PyErr::value_error(format!("invalid mode: '{mode}'")));
        }
    }
    if binary && text {
        return Err(PyErr::value_error("can't have text and binary mode at once"));
    }
    match [reading, writing, appending, creating].iter().filter(|b| **b).count() {
        1 => {}
        0 => {
            return Err(PyErr::value_error(
                "Must have exactly one of create/read/write/append mode and at most one plus",
            ));
        }
        _ => return Err(PyErr::value_error("must have exactly one of create/read/write/append mode")),
    }
    let mut opts = std::fs::OpenOptions::new();
    opts.read(reading || plus).write(writing || appending || creating || plus);
    if writing {
        opts.create(true).truncate(true);
    }
    if appending {
        opts.create(true).append(true);
    }
    if creating {
        opts.create_new(true);
    }
    let f = opts.open(&path).map_err(|e| os_error(&e, Some(&path)))?;
    if f.metadata().is_ok_and(|m| m.is_dir()) {
        return Err(os_error(&std::io::Error::from_raw_os_error(21), Some(&path)));
    }
    if binary {
        return super::binaryio::new_binary_file(f, file, &mode, reading || plus, !reading || plus);
    }
    new_text_file(Stream::File(f), file, &mode, reading || plus, !reading || plus)
}

fn receiver<'a>(
    name: &str,
    a: &'a [Obj],
    k: Option<&PyObject>,
    min: usize,
    max: usize,
) -> PyResult<(&'a Obj, &'a [Obj])> {
    args::method(name, a, k, min, max)
}

/// An optional size argument: `None` or negative means "all".
fn size_arg(a: &[Obj]) -> PyResult<Option<usize>> {
    match a.first() {
        None => Ok(None),
        Some(v) if v.is(immortals().none) => Ok(None),
        Some(v) => {
            let n = super::abstract_ops::index_isize(v)?;
            Ok(usize::try_from(n).ok())
        }
    }
}

static TEXT_IO_METHODS: &[MethodDef] = &[
    MethodDef::method("write", |a, k| {
        let (s, r) = receiver("write", a, k, 1, 1)?;
        let text = str_value(&r[0]).ok_or_else(|| {
            PyErr::type_error(format!("write() argument must be str, not {}", r[0].type_object().name()))
        })?;
        write_str(s, text, false)?;
        super::int::new_int(text.chars().count() as i64)
    }),
    MethodDef::method("writelines", |a, k| {
        let (s, r) = receiver("writelines", a, k, 1, 1)?;
        let it = super::abstract_ops::get_iter(&r[0])?;
        while let Some(line) = super::abstract_ops::next(&it)? {
            let text = str_value(&line).ok_or_else(|| {
                PyErr::type_error(format!("write() argument must be str, not {}", line.type_object().name()))
            })?;
            write_str(s, text, false)?;
        }
        Ok(args::none())
    }),
    MethodDef::method("read", |a, k| {
        let (s, r) = receiver("read", a, k, 0, 1)?;
        let size = size_arg(r)?;
        let mut f = text_file(s)?.lock();
        f.check_readable()?;
        let text = match size {
            None => {
                f.fill(true)?;
                let all = f.pending.len();
                f.take(all)
            }
            Some(n) => {
                while f.pending.chars().count() < n && f.fill(false)? {}
                let cut = f.pending.char_indices().nth(n).map_or(f.pending.len(), |(i, _)| i);
                f.take(cut)
            }
        };
        drop(f);
        new_str(&text)
    }),
    MethodDef::method("readline", |a, k| {
        let (s, r) = receiver("readline", a, k, 0, 1)?;
        let size = size_arg(r)?;
        let mut f = text_file(s)?.lock();
        f.check_readable()?;
        let line = f.read_line(size)?;
        drop(f);
        new_str(&line)
    }),
    MethodDef::method("readlines", |a, k| {
        let (s, _) = receiver("readlines", a, k, 0, 1)?;
        let mut lines = Vec::new();
        loop {
            let mut f = text_file(s)?.lock();
            f.check_readable()?;
            let line = f.read_line(None)?;
            drop(f);
            if line.is_empty() {
                break;
            }
            lines.push(new_str(&line)?);
        }
        new_list(lines)
    }),
    MethodDef::method("flush", |a, k| {
        let (s, _) = receiver("flush", a, k, 0, 0)?;
        let mut f = text_file(s)?.lock();
        f.check_open()?;
        f.flush_out().map_err(|e| os_error(&e, None))?;
        Ok(args::none())
    }),
    MethodDef::method("close", |a, k| {
        let (s, _) = receiver("close", a, k, 0, 0)?;
        close(s)?;
        Ok(args::none())
    }),
    MethodDef::method("readable", |a, k| {
        let (s, _) = receiver("readable", a, k, 0, 0)?;
        let f = text_file(s)?.lock();
        f.check_open()?;
        Ok(new_bool(f.readable))
    }),
    MethodDef::method("writable", |a, k| {
        let (s, _) = receiver("writable", a, k, 0, 0)?;
        let f = text_file(s)?.lock();
        f.check_open()?;
        Ok(new_bool(f.writable))
    }),
    MethodDef::method("isatty", |a, k| {
        use std::io::IsTerminal;
        let (s, _) = receiver("isatty", a, k, 0, 0)?;
        let f = text_file(s)?.lock();
        f.check_open()?;
        Ok(new_bool(match &f.stream {
            Stream::Stdout => std::io::stdout().is_terminal(),
            Stream::Stderr => std::io::stderr().is_terminal(),
            Stream::Stdin => std::io::stdin().is_terminal(),
            Stream::File(file) => file.is_terminal(),
        }))
    }),
    MethodDef::method("fileno", |a, k| {
        use std::os::fd::AsRawFd;
        let (s, _) = receiver("fileno", a, k, 0, 0)?;
        let f = text_file(s)?.lock();
        f.check_open()?;
        super::int::new_int(match &f.stream {
            Stream::Stdin => 0,
            Stream::Stdout => 1,
            Stream::Stderr => 2,
            Stream::File(file) => i64::from(file.as_raw_fd()),
        })
    }),
    MethodDef::method("tell", |a, k| {
        use std::io::Seek;
        let (s, _) = receiver("tell", a, k, 0, 0)?;
        let mut f = text_file(s)?.lock();
        f.check_open()?;
        f.flush_out().map_err(|e| os_error(&e, None))?;
        let pending = f.pending_raw_len() as u64;
        let Stream::File(file) = &mut f.stream else { return Err(unsupported("underlying stream is not seekable")) };
        let pos = file.stream_position().map_err(|e| os_error(&e, None))?;
        super::int::new_int(pos.saturating_sub(pending) as i64)
    }),
    MethodDef::method("seek", |a, k| {
        use std::io::{Seek, SeekFrom};
        let (s, r) = receiver("seek", a, k, 1, 2)?;
        let offset = super::abstract_ops::index_isize(&r[0])?;
        let whence = match r.get(1) {
            Some(w) => super::abstract_ops::index_isize(w)?,
            None => 0,
        };
        let mut f = text_file(s)?.lock();
        f.check_open()?;
        let to = match whence {
            0 if offset < 0 => return Err(PyErr::value_error(format!("negative seek position {offset}"))),
            0 => SeekFrom::Start(offset as u64),
            1 if offset != 0 => return Err(unsupported("can't do nonzero cur-relative seeks")),
            2 if offset != 0 => return Err(unsupported("can't do nonzero end-relative seeks")),
            1 => SeekFrom::Current(-(f.pending_raw_len() as i64)),
            2 => SeekFrom::End(0),
            w => {
                return Err(PyErr::value_error(format!("invalid whence ({w}, should be 0, 1 or 2)")));
            }
        };
        f.flush_out().map_err(|e| os_error(&e, None))?;
        f.drop_pending();
        let Stream::File(file) = &mut f.stream else { return Err(unsupported("underlying stream is not seekable")) };
        let pos = file.seek(to).map_err(|e| os_error(&e, None))?;
        super::int::new_int(pos as i64)
    }),
    MethodDef::method("seekable", |a, k| {
        let (s, _) = receiver("seekable", a, k, 0, 0)?;
        let f = text_file(s)?.lock();
        f.check_open()?;
        Ok(new_bool(matches!(f.stream, Stream::File(_))))
    }),
    MethodDef::method("__enter__", |a, k| {
        let (s, _) = receiver("__enter__", a, k, 0, 0)?;
        text_file(s)?.lock().check_open()?;
        Ok(s.clone())
    }),
    MethodDef::method("__exit__", |a, _k| {
        let s = a.first().ok_or_else(|| PyErr::type_error("__exit__ needs a receiver"))?;
        close(s)?;
        Ok(args::none())
    }),
];

fn close(s: &PyObject) -> PyResult<()> {
    let mut f = text_file(s)?.lock();
    if f.closed {
        return Ok(());
    }
    let r = f.flush_out();
    f.closed = true;
    if let Stream::File(_) = f.stream {
        // Dropping the handle closes the descriptor now, not when the object goes away.
        f.stream = Stream::Stdin;
        f.readable = false;
        f.writable = false;
    }
    r.map_err(|e| os_error(&e, None))
}

static TEXT_IO_GETSETS: &[GetSetDef] = &[
    GetSetDef { name: "closed", get: |o| Ok(new_bool(text_file(o)?.lock().closed)), set: None },
    GetSetDef { name: "name", get: |o| Ok(text_file(o)?.lock().name.clone()), set: None },
    GetSetDef { name: "mode", get: |o| new_str(&text_file(o)?.lock().mode), set: None },
    GetSetDef { name: "encoding", get: |_| new_str("utf-8"), set: None },
    GetSetDef { name: "errors", get: |_| new_str("strict"), set: None },
    GetSetDef {
        name: "line_buffering",
        get: |o| Ok(new_bool(matches!(text_file(o)?.lock().stream, Stream::Stderr))),
        set: None,
    },
];

fn text_io_repr(o: &PyObject) -> PyResult<Obj> {
    let (name, mode) = {
        let f = text_file(o)?.lock();
        (f.name.clone(), f.mode.clone())
    };
    let name = super::abstract_ops::repr_text(&name)?;
    new_str(&format!("<_io.TextIOWrapper name={name} mode='{mode}' encoding='utf-8'>"))
}

fn text_io_next(o: &PyObject) -> PyResult<Option<Obj>> {
    let mut f = text_file(o)?.lock();
    f.check_readable()?;
    let line = f.read_line(None)?;
    drop(f);
    if line.is_empty() { Ok(None) } else { new_str(&line).map(Some) }
}

/// Phase one: the `TextIOWrapper` type.
pub(crate) fn make_text_io_type(core: &CoreTypes, specs: &mut Vec<TypeSpec>) -> &'static TypeObject {
    let ty = new_static_type(core.type_type, "TextIOWrapper", size_of::<TextIoObject>(), 0, dealloc_text_io, |t| {
        t.repr = Some(text_io_repr);
        t.iter = Some(|o| {
            text_file(o)?.lock().check_open()?;
            Ok(Obj::new_ref(o))
        });
        t.iternext = Some(text_io_next);
        t.hash = core.object_type.hash;
        t.richcompare = core.object_type.richcompare;
    });
    specs.push(TypeSpec { ty, base: Some(core.object_type), methods: TEXT_IO_METHODS, getsets: TEXT_IO_GETSETS });
    ty
}

/// # Safety
///
/// Called once, with no reference left, on a `TextIoObject`.
unsafe fn dealloc_text_io(op: NonNull<PyObject>) {
    // SAFETY: the layout is TextIoObject.
    unsafe { drop_and_free::<TextIoObject>(op) }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn newlines_are_translated_on_read() {
        assert_eq!(translate_newlines("a\r\nb\rc\n"), ("a\nb\nc\n".to_owned(), vec![1]));
        assert_eq!(translate_newlines("plain"), ("plain".to_owned(), vec![]));
    }

    #[test]
    fn bad_utf8_reports_the_byte() {
        crate::Runtime::initialize();
        crate::attach(|_py| {
            let e = decode_utf8(b"ab\xffc").unwrap_err();
            assert_eq!(
                super::super::exceptions::message_text(&e.into_object()),
                "'utf-8' codec can't decode byte 0xff in position 2: invalid start byte"
            );
        });
    }
}
