//! Text files (`_io.TextIOWrapper`): `sys.stdout`, `sys.stderr`, `sys.stdin` and what `open()`
//! returns in text mode.
//!
//! A text file is a sink or source (the process's standard streams or a `std::fs::File`) plus
//! a codec (`encoding=`, default `UTF-8`; any codec of [`super::codecs`]), an error handler
//! (`errors=`, default `strict`) and CPython's newline handling (`newline=`):
//! - `None`: reading translates `\r\n` and `\r` to `\n` (universal newlines); writing leaves `\n`
//!   alone (`os.linesep` is `\n` on the platforms pyrt runs on);
//! - `''`: lines end at `\r`, `\n` or `\r\n`, nothing is translated;
//! - `'\n'`, `'\r'`, `'\r\n'`: lines end at that sequence; writing turns `\n` into it.
//!
//! With `None` or `''` the file records which endings it decoded (`newlines`).
//!
//! **Buffering.** A file opened by `open()` keeps written bytes in an 8 KiB buffer flushed when
//! full, by `flush()`, `close()` and when the object goes away, as CPython's `BufferedWriter`
//! does. Reading loads and decodes the rest of the file the first time it is read; the decoded
//! text waits, untranslated, in `pending` (CPython decodes 8 KiB chunks, so a decoding error's
//! position is counted from the chunk; here from where reading started). `sys.stdout` buffers
//! as CPython's does: by line on a terminal, by 8 KiB blocks otherwise (flushed by `flush()`,
//! before an uncaught exception is printed and at exit), every write with `PYTHONUNBUFFERED`;
//! `sys.stderr` writes at once (its handler is `backslashreplace`, as CPython's).
//! `sys.stdin` reads a line at a time.
//!
//! `tell()` is the byte offset in the file of the next character to read — CPython's cookie for
//! a decoder without pending state — found from where `pending` starts plus the encoded length
//! of the text returned since; `seek()` accepts what `tell()` returned, `0`, and `seek(0, 1)` /
//! `seek(0, 2)`. A UTF-16/32 file with a byte order mark reads the mark at offset 0 and writes it
//! only at offset 0. Iterating a file disables `tell()` until the iteration ends, as in CPython.
//!
//! Binary mode (`'b'`) gives a binary file ([`super::binaryio`]).

use std::io::{BufRead, Read, Write};
use std::ptr::NonNull;

use super::alloc::{alloc, drop_and_free};
use super::builtin::{GetSetDef, MethodDef, args};
use super::codecs::{ByteOrder, Codec};
use super::core_types::CoreTypes;
use super::header::PyObject;
use super::immortal::{TypeSpec, immortals, new_static_type, types};
use super::int::new_bool;
use super::list::new_list;
use super::obj::Obj;
use super::str::{as_str_object, new_str, str_value};
use super::typeobj::TypeObject;
use crate::error::{PyErr, PyResult};

/// Where a text file's bytes go or come from.
enum Stream {
    Stdout,
    Stderr,
    Stdin,
    File(std::fs::File),
}

/// How a text file treats line endings (`open(newline=...)`; see the module docs).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Newline {
    /// `None`
    Universal,
    /// `''`
    Untranslated,
    /// `'\n'`
    Lf,
    /// `'\r'`
    Cr,
    /// `'\r\n'`
    CrLf,
}

impl Newline {
    /// `newline=` as `open()` got it.
    fn parse(v: Option<&PyObject>) -> PyResult<Newline> {
        let Some(v) = v.filter(|v| !v.is(immortals().none)) else { return Ok(Newline::Universal) };
        let text = str_value(v).ok_or_else(|| {
            PyErr::type_error(format!("open() argument 'newline' must be str or None, not {}", v.type_object().name()))
        })?;
        Ok(match text {
            "" => Newline::Untranslated,
            "\n" => Newline::Lf,
            "\r" => Newline::Cr,
            "\r\n" => Newline::CrLf,
            other => return Err(PyErr::value_error(format!("illegal newline value: {other}"))),
        })
    }

    /// Whether lines end at any of `\r`, `\n`, `\r\n` (and `newlines` is recorded).
    fn universal(self) -> bool {
        matches!(self, Newline::Universal | Newline::Untranslated)
    }

    /// What a written `\n` becomes, when it changes.
    fn written(self) -> Option<&'static str> {
        match self {
            Newline::Cr => Some("\r"),
            Newline::CrLf => Some("\r\n"),
            _ => None,
        }
    }

    /// The byte offset in `text` (generalised UTF-8, where `\r` and `\n` bytes are always those
    /// characters) just after its first line ending, if it has one.
    fn line_end(self, text: &[u8]) -> Option<usize> {
        let find = |b: u8| text.iter().position(|&c| c == b);
        match self {
            Newline::Universal | Newline::Untranslated => {
                let at = text.iter().position(|&c| c == b'\r' || c == b'\n')?;
                Some(if text[at..].starts_with(b"\r\n") { at + 2 } else { at + 1 })
            }
            Newline::Lf => find(b'\n').map(|i| i + 1),
            Newline::Cr => find(b'\r').map(|i| i + 1),
            Newline::CrLf => text.windows(2).position(|w| w == b"\r\n").map(|i| i + 2),
        }
    }

    /// The byte offset in `text` after `n` characters as they are returned (`\r\n` is one
    /// with universal newlines), or `None` if `text` has fewer.
    fn cut_after(self, text: &[u8], n: usize) -> Option<usize> {
        let mut at = 0;
        for _ in 0..n {
            let &lead = text.get(at)?;
            at += if lead == b'\r' && self == Newline::Universal && text.get(at + 1) == Some(&b'\n') {
                2
            } else {
                utf8_width(lead)
            };
        }
        Some(at.min(text.len()))
    }

    /// Text as it is returned: universal newlines become `\n`.
    fn translate(self, text: Vec<u8>) -> Vec<u8> {
        if self != Newline::Universal || !text.contains(&b'\r') {
            return text;
        }
        let mut out = Vec::with_capacity(text.len());
        let mut i = 0;
        while i < text.len() {
            if text[i] == b'\r' {
                out.push(b'\n');
                i += if text.get(i + 1) == Some(&b'\n') { 2 } else { 1 };
            } else {
                out.push(text[i]);
                i += 1;
            }
        }
        out
    }
}

/// `newlines` bits: which line endings a file decoded.
const SEEN_CR: u8 = 1;
const SEEN_LF: u8 = 2;
const SEEN_CRLF: u8 = 4;

/// The state of one text file.
struct TextFile {
    stream: Stream,
    /// `name` (a str: the path as given, or `<stdout>`).
    name: Obj,
    /// `mode` as `open()` got it (`w` for stdout).
    mode: String,
    /// `encoding` as given (`UTF-8` by default, as CPython's locale encoding here).
    encoding: String,
    codec: Codec,
    /// `errors` as given.
    errors: String,
    newline: Newline,
    /// `SEEN_*` bits (universal modes only).
    seen: u8,
    readable: bool,
    writable: bool,
    closed: bool,
    /// `tell()` allowed (false while a `for` loop iterates the file).
    telling: bool,
    /// Decoded text read but not yet returned, untranslated, as generalised UTF-8 (a lone
    /// surrogate an error handler decoded is kept as its three-byte pattern).
    pending: Vec<u8>,
    /// The file offset of the first byte of `pending`.
    pending_from: u64,
    /// The rest of the file was read into `pending`.
    at_eof: bool,
    /// The byte order a UTF-16/32 file's mark chose (little-endian without one).
    little_endian: bool,
    /// The next write is at offset 0: a codec with a mark writes it.
    at_start: bool,
    /// Encoded text waiting to be written (files only).
    out: Vec<u8>,
    /// `buffer`, made on first use.
    buffer: Option<Obj>,
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

fn write_stdout(bytes: &[u8]) -> std::io::Result<()> {
    let mode = stdout_mode();
    let full = {
        let mut pending = STDOUT_PENDING.lock().unwrap_or_else(|e| e.into_inner());
        pending.extend_from_slice(bytes);
        match mode {
            StdoutMode::Unbuffered => true,
            StdoutMode::Line => bytes.contains(&b'\n'),
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

/// Text to write: Rust text (print's fast path) or a `str` object (which may hold lone
/// surrogates, which only the codec can judge).
#[derive(Clone, Copy)]
enum Text<'a> {
    Rust(&'a str),
    Object(&'a PyObject),
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

    /// The codec writes use here: a byte order mark only at the start of the file.
    fn write_codec(&self) -> Codec {
        let order = if self.little_endian { ByteOrder::Little } else { ByteOrder::Big };
        match self.codec {
            Codec::Utf16(ByteOrder::Marked) if !self.at_start => Codec::Utf16(order),
            Codec::Utf32(ByteOrder::Marked) if !self.at_start => Codec::Utf32(order),
            Codec::Utf8Sig if !self.at_start => Codec::Utf8,
            codec => codec,
        }
    }

    /// Translates `\n` as `newline=` says, encodes, and writes (or buffers) the text.
    fn write(&mut self, text: Text<'_>) -> PyResult<()> {
        let translated: Option<Obj> = match (text, self.newline.written()) {
            (Text::Rust(t), Some(nl)) if t.contains('\n') => Some(new_str(&t.replace('\n', nl))?),
            (Text::Object(o), Some(nl)) if as_str_object(o).is_some_and(|s| s.code_points().any(|c| c == 10)) => {
                let s = as_str_object(o).expect("checked above");
                let nl: Vec<u32> = nl.chars().map(u32::from).collect();
                let points: Vec<u32> =
                    s.code_points().flat_map(|c| if c == 10 { nl.clone() } else { vec![c] }).collect();
                Some(super::str::new_str_from_code_points(&points)?)
            }
            _ => None,
        };
        let text = match &translated {
            Some(o) => Text::Object(o),
            None => text,
        };
        // UTF-8 text without surrogates is its own encoding.
        let plain = match text {
            Text::Rust(t) => Some(t),
            Text::Object(o) => as_str_object(o).filter(|s| !s.has_lone_surrogates()).map(|s| s.as_str()),
        };
        let codec = self.write_codec();
        let encoded: std::borrow::Cow<'_, [u8]> = match (plain, codec) {
            (Some(t), Codec::Utf8) => t.as_bytes().into(),
            (_, codec) => {
                let obj = match text {
                    Text::Rust(t) => new_str(t)?,
                    Text::Object(o) => Obj::new_ref(o),
                };
                super::codecs::encode_as(&obj, codec, &self.errors)?.into()
            }
        };
        if !encoded.is_empty() {
            self.at_start = false;
        }
        let written = match &mut self.stream {
            Stream::Stdout => write_stdout(&encoded),
            Stream::Stderr => std::io::stderr().lock().write_all(&encoded),
            Stream::Stdin => Ok(()),
            Stream::File(_) => {
                self.out.extend_from_slice(&encoded);
                if self.out.len() >= WRITE_BUFFER { self.flush_out() } else { Ok(()) }
            }
        };
        written.map_err(|e| os_error(&e, None))
    }

    /// Reads everything left into `pending` (files), or one more line (stdin). False at EOF.
    fn fill(&mut self, whole: bool) -> PyResult<bool> {
        use std::io::Seek;
        if self.at_eof {
            return Ok(false);
        }
        // Text written and not yet flushed must be in the file before reading it.
        self.flush_out().map_err(|e| os_error(&e, None))?;
        let mut raw = Vec::new();
        let mut start = None;
        let r = match &mut self.stream {
            Stream::File(f) => {
                self.at_eof = true;
                start = Some(f.stream_position().map_err(|e| os_error(&e, None))?);
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
        // A byte order mark is read at the start of the file only; it fixes the byte order.
        let mut body = &raw[..];
        let mut mark = 0;
        let codec = match self.codec {
            Codec::Utf8Sig => {
                if start == Some(0) && body.starts_with(&[0xef, 0xbb, 0xbf]) {
                    mark = 3;
                }
                Codec::Utf8
            }
            Codec::Utf16(ByteOrder::Marked) | Codec::Utf32(ByteOrder::Marked) => {
                let wide = matches!(self.codec, Codec::Utf32(_));
                let (le, be): (&[u8], &[u8]) =
                    if wide { (&[0xff, 0xfe, 0, 0], &[0, 0, 0xfe, 0xff]) } else { (&[0xff, 0xfe], &[0xfe, 0xff]) };
                if start == Some(0) && body.starts_with(le) {
                    (self.little_endian, mark) = (true, le.len());
                } else if start == Some(0) && body.starts_with(be) {
                    (self.little_endian, mark) = (false, be.len());
                }
                let order = if self.little_endian { ByteOrder::Little } else { ByteOrder::Big };
                if wide { Codec::Utf32(order) } else { Codec::Utf16(order) }
            }
            codec => codec,
        };
        body = &body[mark..];
        let text = super::codecs::decode_wtf8(body, codec, &self.errors)?;
        if self.pending.is_empty() {
            if let Some(at) = start {
                self.pending_from = at + mark as u64;
            }
        }
        if self.newline.universal() {
            self.seen |= newline_kinds(&text);
        }
        self.pending.extend_from_slice(&text);
        Ok(true)
    }

    /// Removes the first `cut` bytes of `pending` and returns them as the program sees them.
    fn take(&mut self, cut: usize) -> Vec<u8> {
        let rest = self.pending.split_off(cut);
        let taken = std::mem::replace(&mut self.pending, rest);
        self.pending_from += super::codecs::encoded_len(self.codec, &taken) as u64;
        self.newline.translate(taken)
    }

    /// Forgets what was read ahead (before a seek or a write).
    fn drop_pending(&mut self) {
        self.pending.clear();
        self.at_eof = false;
    }

    fn check_open(&self) -> PyResult<()> {
        if self.closed { Err(PyErr::value_error("I/O operation on closed file.")) } else { Ok(()) }
    }

    /// The check of the methods CPython's text layer passes to the raw file (`fileno`,
    /// `seekable`, `isatty`, ...), whose message has no full stop.
    fn check_raw_open(&self) -> PyResult<()> {
        if self.closed { Err(PyErr::value_error("I/O operation on closed file")) } else { Ok(()) }
    }

    /// `readable()` / `writable()`: on a closed file the buffered layer answers `False` for
    /// what its kind never does, and the raw file's error otherwise.
    fn capability(&self, has: bool) -> PyResult<bool> {
        if self.closed && has { self.check_raw_open().map(|()| has) } else { Ok(has) }
    }

    fn check_readable(&self) -> PyResult<()> {
        self.check_open()?;
        if self.readable { Ok(()) } else { Err(unsupported("not readable")) }
    }

    fn check_writable(&self) -> PyResult<()> {
        self.check_open()?;
        if self.writable { Ok(()) } else { Err(unsupported("not writable")) }
    }

    /// `read(size)`: everything left, or at most `size` characters.
    fn read(&mut self, size: Option<usize>) -> PyResult<Vec<u8>> {
        match size {
            None => {
                while self.fill(true)? {}
                let all = self.pending.len();
                Ok(self.take(all))
            }
            Some(n) => loop {
                if let Some(cut) = self.newline.cut_after(&self.pending, n) {
                    return Ok(self.take(cut));
                }
                if !self.fill(false)? {
                    let all = self.pending.len();
                    return Ok(self.take(all));
                }
            },
        }
    }

    /// One line (with its ending), at most `limit` characters; `""` at EOF.
    fn read_line(&mut self, limit: Option<usize>) -> PyResult<Vec<u8>> {
        loop {
            let end = self.newline.line_end(&self.pending);
            let by_limit = limit.and_then(|n| self.newline.cut_after(&self.pending, n));
            let cut = match (end, by_limit) {
                (Some(e), Some(l)) => Some(e.min(l)),
                (e, l) => e.or(l),
            };
            if let Some(cut) = cut {
                return Ok(self.take(cut));
            }
            if !self.fill(false)? {
                let all = self.pending.len();
                return Ok(self.take(all));
            }
        }
    }

    /// `tell()`.
    fn tell(&mut self) -> PyResult<u64> {
        use std::io::Seek;
        self.check_open()?;
        let Stream::File(_) = self.stream else { return Err(unsupported("underlying stream is not seekable")) };
        if !self.telling {
            return Err(super::exceptions::raise_msg(
                types().exc.named("OSError"),
                "telling position disabled by next() call",
            ));
        }
        self.flush_out().map_err(|e| os_error(&e, None))?;
        if !self.pending.is_empty() {
            return Ok(self.pending_from);
        }
        let Stream::File(file) = &mut self.stream else { return Err(unsupported("underlying stream is not seekable")) };
        file.stream_position().map_err(|e| os_error(&e, None))
    }

    /// `seek(cookie, whence)`.
    fn seek(&mut self, offset: isize, whence: isize) -> PyResult<u64> {
        use std::io::{Seek, SeekFrom};
        self.check_open()?;
        let Stream::File(_) = self.stream else { return Err(unsupported("underlying stream is not seekable")) };
        let to = match whence {
            0 if offset < 0 => return Err(PyErr::value_error(format!("negative seek position {offset}"))),
            0 => SeekFrom::Start(offset as u64),
            1 if offset != 0 => return Err(unsupported("can't do nonzero cur-relative seeks")),
            2 if offset != 0 => return Err(unsupported("can't do nonzero end-relative seeks")),
            1 => SeekFrom::Start(self.tell()?),
            2 => SeekFrom::End(0),
            w => return Err(PyErr::value_error(format!("invalid whence ({w}, should be 0, 1 or 2)"))),
        };
        self.flush_out().map_err(|e| os_error(&e, None))?;
        self.drop_pending();
        let Stream::File(file) = &mut self.stream else { return Err(unsupported("underlying stream is not seekable")) };
        let pos = file.seek(to).map_err(|e| os_error(&e, None))?;
        self.at_start = pos == 0;
        Ok(pos)
    }
}

/// The length of the (generalised) UTF-8 sequence that starts with `lead`.
fn utf8_width(lead: u8) -> usize {
    match lead {
        0xF0.. => 4,
        0xE0.. => 3,
        0xC0.. => 2,
        _ => 1,
    }
}

/// A `str` of generalised UTF-8 text (lone surrogates as their three-byte patterns).
fn str_of_wtf8(text: &[u8]) -> PyResult<Obj> {
    match std::str::from_utf8(text) {
        Ok(t) => new_str(t),
        Err(_) => {
            let mut points = Vec::with_capacity(text.len());
            let mut at = 0;
            while at < text.len() {
                let width = utf8_width(text[at]).min(text.len() - at);
                let init = match width {
                    1 => text[at] as u32,
                    2 => text[at] as u32 & 0x1F,
                    3 => text[at] as u32 & 0x0F,
                    _ => text[at] as u32 & 0x07,
                };
                points.push(text[at + 1..at + width].iter().fold(init, |acc, &b| (acc << 6) | (b as u32 & 0x3F)));
                at += width;
            }
            super::str::new_str_from_code_points(&points)
        }
    }
}

/// The `SEEN_*` bits of the line endings in `text`.
fn newline_kinds(bytes: &[u8]) -> u8 {
    let mut seen = 0;
    for (i, &b) in bytes.iter().enumerate() {
        seen |= match b {
            b'\r' if bytes.get(i + 1) == Some(&b'\n') => SEEN_CRLF,
            b'\r' => SEEN_CR,
            b'\n' if i > 0 && bytes[i - 1] == b'\r' => 0,
            b'\n' => SEEN_LF,
            _ => 0,
        };
    }
    seen
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

/// How a text file codes text: `(encoding, codec, errors, newline)`.
struct Coding {
    encoding: String,
    codec: Codec,
    errors: String,
    newline: Newline,
}

impl Coding {
    /// The standard streams' coding (`PYTHONIOENCODING=utf-8`-like: UTF-8, `strict` for stdin
    /// and stdout, `backslashreplace` for stderr; stdin reads with `newline='\n'`).
    fn standard(errors: &str, newline: Newline) -> Coding {
        Coding { encoding: "utf-8".to_owned(), codec: Codec::Utf8, errors: errors.to_owned(), newline }
    }
}

fn new_text_file(
    stream: Stream,
    name: Obj,
    mode: &str,
    coding: Coding,
    readable: bool,
    writable: bool,
    at_start: bool,
) -> PyResult<Obj> {
    let file = TextFile {
        stream,
        name,
        mode: mode.to_owned(),
        encoding: coding.encoding,
        codec: coding.codec,
        errors: coding.errors,
        newline: coding.newline,
        seen: 0,
        readable,
        writable,
        closed: false,
        telling: true,
        pending: Vec::new(),
        pending_from: 0,
        at_eof: false,
        little_endian: true,
        at_start,
        out: Vec::new(),
        buffer: None,
    };
    // SAFETY: TextIoObject starts with the header; its deallocator drops it.
    unsafe {
        alloc(types().modules.text_io_type, |ob_base| TextIoObject { ob_base, file: crate::sync::Mutex::new(file) })
    }
}

/// The three standard streams, as `sys` holds them: `(stdin, stdout, stderr)`.
pub fn standard_streams() -> PyResult<(Obj, Obj, Obj)> {
    let std = |stream, name: &str, mode, errors, newline, readable| {
        new_text_file(stream, new_str(name)?, mode, Coding::standard(errors, newline), readable, !readable, false)
    };
    Ok((
        std(Stream::Stdin, "<stdin>", "r", "strict", Newline::Lf, true)?,
        std(Stream::Stdout, "<stdout>", "w", "strict", Newline::Universal, false)?,
        std(Stream::Stderr, "<stderr>", "w", "backslashreplace", Newline::Universal, false)?,
    ))
}

/// Writes `text` to the text file `o` (print's fast path); `flush` flushes it after.
pub fn write_str(o: &PyObject, text: &str, flush: bool) -> PyResult<()> {
    write_text(o, Text::Rust(text), flush)
}

/// Writes the `str` object `text` (which may hold lone surrogates) to the text file `o`.
pub(crate) fn write_str_object(o: &PyObject, text: &PyObject, flush: bool) -> PyResult<()> {
    write_text(o, Text::Object(text), flush)
}

fn write_text(o: &PyObject, text: Text<'_>, flush: bool) -> PyResult<()> {
    let mut f = text_file(o)?.lock();
    f.check_writable()?;
    // What was read ahead is forgotten: the write goes where the file's position is.
    if !f.pending.is_empty() {
        f.drop_pending();
    }
    f.write(text)?;
    if flush {
        f.flush_out().map_err(|e| os_error(&e, None))?;
    }
    Ok(())
}

/// `open(file, mode='r', buffering=-1, encoding=None, errors=None, newline=None, closefd=True)`.
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
    // `encoding` and `errors`: a str or None.
    let optional_text = |i: usize, what: &str| -> PyResult<Option<String>> {
        match slots[i].as_ref().filter(|v| !v.is(immortals().none)) {
            None => Ok(None),
            Some(v) => str_value(v).map(|t| Some(t.to_owned())).ok_or_else(|| {
                PyErr::type_error(format!(
                    "open() argument '{what}' must be str or None, not {}",
                    v.type_object().name()
                ))
            }),
        }
    };
    let encoding = optional_text(3, "encoding")?;
    let errors = optional_text(4, "errors")?;
    let newline_given = slots[5].as_ref().is_some_and(|v| !v.is(immortals().none));
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
    if binary {
        for (given, what) in
            [(encoding.is_some(), "an encoding"), (errors.is_some(), "an errors"), (newline_given, "a newline")]
        {
            if given {
                return Err(PyErr::value_error(format!("binary mode doesn't take {what} argument")));
            }
        }
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
    let mut f = opts.open(&path).map_err(|e| os_error(&e, Some(&path)))?;
    if f.metadata().is_ok_and(|m| m.is_dir()) {
        return Err(os_error(&std::io::Error::from_raw_os_error(21), Some(&path)));
    }
    let (readable, writable) = (reading || plus, !reading || plus);
    if binary {
        return super::binaryio::new_binary_file(f, file, &mode, readable, writable);
    }
    // As in CPython, the file exists (and was truncated) before the text layer checks its
    // coding arguments.
    let newline = Newline::parse(slots[5].as_deref())?;
    let (encoding, codec) = match encoding {
        Some(name) => {
            let codec = super::codecs::lookup(&name)?;
            (name, codec)
        }
        None => ("UTF-8".to_owned(), Codec::Utf8),
    };
    let position = if appending {
        use std::io::Seek;
        f.seek(std::io::SeekFrom::End(0)).map_err(|e| os_error(&e, None))?
    } else {
        0
    };
    let coding = Coding { encoding, codec, errors: errors.unwrap_or_else(|| "strict".to_owned()), newline };
    new_text_file(Stream::File(f), file, &mode, coding, readable, writable, position == 0)
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

/// The `str` argument of `write`.
fn str_arg(v: &PyObject) -> PyResult<&super::str::StrObject> {
    as_str_object(v)
        .ok_or_else(|| PyErr::type_error(format!("write() argument must be str, not {}", v.type_object().name())))
}

static TEXT_IO_METHODS: &[MethodDef] = &[
    MethodDef::method("write", |a, k| {
        let (s, r) = receiver("write", a, k, 1, 1)?;
        let len = str_arg(&r[0])?.len();
        write_str_object(s, &r[0], false)?;
        super::int::new_int(len as i64)
    }),
    MethodDef::method("writelines", |a, k| {
        let (s, r) = receiver("writelines", a, k, 1, 1)?;
        text_file(s)?.lock().check_open()?;
        let it = super::abstract_ops::get_iter(&r[0])?;
        while let Some(line) = super::abstract_ops::next(&it)? {
            str_arg(&line)?;
            write_str_object(s, &line, false)?;
        }
        Ok(args::none())
    }),
    MethodDef::method("read", |a, k| {
        let (s, r) = receiver("read", a, k, 0, 1)?;
        let size = size_arg(r)?;
        let mut f = text_file(s)?.lock();
        f.check_readable()?;
        let text = f.read(size)?;
        drop(f);
        str_of_wtf8(&text)
    }),
    MethodDef::method("readline", |a, k| {
        let (s, r) = receiver("readline", a, k, 0, 1)?;
        let size = size_arg(r)?;
        let mut f = text_file(s)?.lock();
        f.check_readable()?;
        let line = f.read_line(size)?;
        drop(f);
        str_of_wtf8(&line)
    }),
    MethodDef::method("readlines", |a, k| {
        let (s, r) = receiver("readlines", a, k, 0, 1)?;
        // `hint`: stop once the lines read so far hold that many characters.
        let hint = size_arg(r)?.filter(|&n| n > 0);
        let mut lines = Vec::new();
        let mut total = 0;
        loop {
            let mut f = text_file(s)?.lock();
            f.check_readable()?;
            let line = f.read_line(None)?;
            drop(f);
            if line.is_empty() {
                break;
            }
            total += line.iter().filter(|&&b| b & 0xC0 != 0x80).count();
            lines.push(str_of_wtf8(&line)?);
            if hint.is_some_and(|h| total >= h) {
                break;
            }
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
        Ok(new_bool(f.capability(f.readable)?))
    }),
    MethodDef::method("writable", |a, k| {
        let (s, _) = receiver("writable", a, k, 0, 0)?;
        let f = text_file(s)?.lock();
        Ok(new_bool(f.capability(f.writable)?))
    }),
    MethodDef::method("isatty", |a, k| {
        use std::io::IsTerminal;
        let (s, _) = receiver("isatty", a, k, 0, 0)?;
        let f = text_file(s)?.lock();
        f.check_raw_open()?;
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
        f.check_raw_open()?;
        super::int::new_int(match &f.stream {
            Stream::Stdin => 0,
            Stream::Stdout => 1,
            Stream::Stderr => 2,
            Stream::File(file) => i64::from(file.as_raw_fd()),
        })
    }),
    MethodDef::method("tell", |a, k| {
        let (s, _) = receiver("tell", a, k, 0, 0)?;
        let pos = text_file(s)?.lock().tell()?;
        super::int::new_int(pos as i64)
    }),
    MethodDef::method("seek", |a, k| {
        let (s, r) = receiver("seek", a, k, 1, 2)?;
        let offset = super::abstract_ops::index_isize(&r[0])?;
        let whence = match r.get(1) {
            Some(w) => super::abstract_ops::index_isize(w)?,
            None => 0,
        };
        let pos = text_file(s)?.lock().seek(offset, whence)?;
        super::int::new_int(pos as i64)
    }),
    MethodDef::method("truncate", |a, k| {
        let (s, r) = receiver("truncate", a, k, 0, 1)?;
        let pos = match r.first().filter(|v| !v.is(immortals().none)) {
            Some(v) => Some(super::abstract_ops::index_isize(v)?),
            None => None,
        };
        let mut f = text_file(s)?.lock();
        f.check_open()?;
        if !f.writable {
            return Err(unsupported("truncate"));
        }
        f.flush_out().map_err(|e| os_error(&e, None))?;
        let Stream::File(file) = &mut f.stream else { return Err(unsupported("truncate")) };
        // Without a size, the buffered file's position: past what was read ahead (CPython's
        // text layer passes `None` down).
        let pos = match pos {
            Some(p) if p < 0 => return Err(os_error(&std::io::Error::from_raw_os_error(22), None)),
            Some(p) => p as u64,
            None => {
                use std::io::Seek;
                file.stream_position().map_err(|e| os_error(&e, None))?
            }
        };
        file.set_len(pos).map_err(|e| os_error(&e, None))?;
        super::int::new_int(pos as i64)
    }),
    MethodDef::method("seekable", |a, k| {
        let (s, _) = receiver("seekable", a, k, 0, 0)?;
        let f = text_file(s)?.lock();
        f.check_raw_open()?;
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
    let (r, buffer) = {
        let mut f = text_file(s)?.lock();
        if f.closed {
            return Ok(());
        }
        let r = f.flush_out();
        f.closed = true;
        if let Stream::File(_) = f.stream {
            // Dropping the handle closes the descriptor now, not when the object goes away.
            f.stream = Stream::Stdin;
        }
        (r, f.buffer.clone())
    };
    r.map_err(|e| os_error(&e, None))?;
    if let Some(b) = buffer {
        let close = super::abstract_ops::get_attr_str(&b, "close")?;
        super::abstract_ops::call(&close, &[], None)?;
    }
    Ok(())
}

/// `buffer`: a binary file over the same open file description (made once).
fn buffer_of(o: &PyObject) -> PyResult<Obj> {
    let mut f = text_file(o)?.lock();
    if let Some(b) = &f.buffer {
        return Ok(b.clone());
    }
    let Stream::File(file) = &f.stream else {
        return Err(PyErr::attribute_error("'_io.TextIOWrapper' object has no attribute 'buffer'"));
    };
    let clone = file.try_clone().map_err(|e| os_error(&e, None))?;
    f.flush_out().map_err(|e| os_error(&e, None))?;
    let letter = f.mode.chars().find(|c| "rwax".contains(*c)).unwrap_or('r');
    let mode = format!("{letter}b{}", if f.mode.contains('+') { "+" } else { "" });
    let b = super::binaryio::new_binary_file(clone, f.name.clone(), &mode, f.readable, f.writable)?;
    f.buffer = Some(b.clone());
    Ok(b)
}

/// `newlines`: the endings read so far (universal modes), as CPython reports them.
fn newlines_of(o: &PyObject) -> PyResult<Obj> {
    let seen = {
        let f = text_file(o)?.lock();
        if !f.newline.universal() { 0 } else { f.seen }
    };
    let kinds: Vec<&str> = [(SEEN_CR, "\r"), (SEEN_LF, "\n"), (SEEN_CRLF, "\r\n")]
        .iter()
        .filter(|(bit, _)| seen & bit != 0)
        .map(|(_, k)| *k)
        .collect();
    match kinds[..] {
        [] => Ok(args::none()),
        [one] => new_str(one),
        _ => super::tuple::new_tuple(kinds.iter().map(|k| new_str(k)).collect::<PyResult<_>>()?),
    }
}

static TEXT_IO_GETSETS: &[GetSetDef] = &[
    GetSetDef { name: "closed", get: |o| Ok(new_bool(text_file(o)?.lock().closed)), set: None },
    GetSetDef { name: "name", get: |o| Ok(text_file(o)?.lock().name.clone()), set: None },
    GetSetDef { name: "mode", get: |o| new_str(&text_file(o)?.lock().mode), set: None },
    GetSetDef { name: "encoding", get: |o| new_str(&text_file(o)?.lock().encoding), set: None },
    GetSetDef { name: "errors", get: |o| new_str(&text_file(o)?.lock().errors), set: None },
    GetSetDef { name: "newlines", get: newlines_of, set: None },
    GetSetDef { name: "buffer", get: buffer_of, set: None },
    GetSetDef {
        name: "line_buffering",
        get: |o| Ok(new_bool(matches!(text_file(o)?.lock().stream, Stream::Stderr))),
        set: None,
    },
];

fn text_io_repr(o: &PyObject) -> PyResult<Obj> {
    let (name, mode, encoding) = {
        let f = text_file(o)?.lock();
        (f.name.clone(), f.mode.clone(), f.encoding.clone())
    };
    let name = super::abstract_ops::repr_text(&name)?;
    let encoding = super::abstract_ops::repr_text(&*new_str(&encoding)?)?;
    new_str(&format!("<_io.TextIOWrapper name={name} mode='{mode}' encoding={encoding}>"))
}

fn text_io_next(o: &PyObject) -> PyResult<Option<Obj>> {
    let mut f = text_file(o)?.lock();
    f.check_readable()?;
    f.telling = false;
    let line = f.read_line(None)?;
    if line.is_empty() {
        // The iteration is over: `tell()` works again (CPython's `_telling = _seekable`).
        f.telling = true;
    }
    drop(f);
    if line.is_empty() { Ok(None) } else { str_of_wtf8(&line).map(Some) }
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
    fn lines_end_as_newline_says() {
        let t = b"a\r\nb\rc\nd";
        assert_eq!(Newline::Universal.line_end(t), Some(3));
        assert_eq!(Newline::Untranslated.line_end(b"a\rb"), Some(2));
        assert_eq!(Newline::Lf.line_end(t), Some(3));
        assert_eq!(Newline::Cr.line_end(t), Some(2));
        assert_eq!(Newline::CrLf.line_end(b"a\rb\r\n"), Some(5));
        assert_eq!(Newline::Lf.line_end(b"none"), None);
    }

    #[test]
    fn universal_newlines_count_crlf_as_one_character() {
        assert_eq!(Newline::Universal.cut_after(b"a\r\nb", 2), Some(3));
        assert_eq!(Newline::Untranslated.cut_after(b"a\r\nb", 2), Some(2));
        assert_eq!(Newline::Universal.cut_after(b"ab", 3), None);
        assert_eq!(Newline::Universal.cut_after("\u{e9}\u{1f600}x".as_bytes(), 2), Some(6));
        assert_eq!(Newline::Universal.translate(b"a\r\nb\rc\n".to_vec()), b"a\nb\nc\n");
        assert_eq!(Newline::Untranslated.translate(b"a\r\n".to_vec()), b"a\r\n");
    }

    #[test]
    fn decoded_endings_are_recorded() {
        assert_eq!(newline_kinds(b"a\r\nb"), SEEN_CRLF);
        assert_eq!(newline_kinds(b"a\rb\n"), SEEN_CR | SEEN_LF);
        assert_eq!(newline_kinds(b"plain"), 0);
    }
}
