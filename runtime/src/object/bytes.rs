//! `bytes`: an immutable byte string, its bytes stored inline after the object (as `str`'s text).
//!
//! ```text
//!  BytesObject header | (a subclass instance's __dict__ pointer) | the bytes (len)
//! ```
//!
//! The bytes start at the instance type's `basic_size`: for `bytes` itself right after the
//! struct, for a subclass after the `__dict__` slot the subclass layout appends. The hash is
//! computed on first use and cached; it hashes the bytes exactly as `str` hashes its UTF-8 text,
//! so `hash(b'abc') == hash('abc')` for ASCII, as in CPython.
//!
//! This module also holds what `bytes`, `bytearray` and `memoryview` share at the object level:
//! reading any bytes-like object ([`buffer_data`]), `bytes(x)`'s conversion rules
//! ([`bytes_from_object`]), the literal `repr`, and the sequence slots (concatenation,
//! repetition, comparison, `in`, indexing). The methods live in `bytes_methods`.

use std::borrow::Cow;
use std::ptr::NonNull;
use std::sync::atomic::{AtomicIsize, Ordering};

use super::abstract_ops as ops;
use super::alloc::{alloc_sized, free_object};
use super::builtin::args;
use super::header::PyObject;
use super::immortal::{immortals, types};
use super::int::{as_int, new_bool, new_int};
use super::obj::Obj;
use super::str::str_value;
use super::typeobj::{CompareOp, TypeObject, flags};
use crate::error::{PyErr, PyResult};

/// The fixed part of a `bytes`; the bytes follow in the same block.
#[repr(C)]
pub struct BytesObject {
    /// Header.
    pub ob_base: PyObject,
    len: usize,
    hash: AtomicIsize,
}

const HASH_UNSET: isize = -1;

impl BytesObject {
    /// The bytes.
    #[inline]
    pub fn as_bytes(&self) -> &[u8] {
        let at = self.ob_base.type_object().basic_size;
        // SAFETY: `new_bytes_of_type` wrote `len` bytes at the type's `basic_size`.
        unsafe { std::slice::from_raw_parts((self as *const BytesObject as *const u8).add(at), self.len) }
    }

    /// `hash(b)`, cached.
    pub fn hash(&self) -> isize {
        let h = self.hash.load(Ordering::Relaxed);
        if h != HASH_UNSET {
            return h;
        }
        let h = hash_bytes(self.as_bytes());
        self.hash.store(h, Ordering::Relaxed);
        h
    }
}

/// The hash of a byte string: CPython's `_Py_HashBytes`, the hash of an ASCII `str` with the
/// same text.
pub fn hash_bytes(data: &[u8]) -> isize {
    super::str::hash_units(data)
}

/// A new `bytes`.
pub fn new_bytes(data: &[u8]) -> PyResult<Obj> {
    new_bytes_of_type(types().bytes_type, data)
}

/// A new instance of `bytes` or a subclass of it.
pub fn new_bytes_of_type(ty: &TypeObject, data: &[u8]) -> PyResult<Obj> {
    let at = ty.basic_size.max(size_of::<BytesObject>());
    // SAFETY: the block holds the struct, the dict slot of a subclass (inside `basic_size`) and
    // the bytes after it; the bytes are written before the object is used; the deallocator
    // frees this layout.
    unsafe {
        let obj = alloc_sized(ty, at + data.len(), |ob_base| BytesObject {
            ob_base,
            len: data.len(),
            hash: AtomicIsize::new(HASH_UNSET),
        })?;
        let base = obj.as_ptr().as_ptr() as *mut u8;
        std::ptr::copy_nonoverlapping(data.as_ptr(), base.add(at), data.len());
        if ty.dict_offset != 0 {
            base.add(ty.dict_offset).cast::<Option<Obj>>().write(None);
        }
        Ok(obj)
    }
}

/// The `bytes` behind `obj` (an instance of `bytes` or a subclass).
#[inline]
pub fn as_bytes_object(obj: &PyObject) -> Option<&BytesObject> {
    if obj.type_object().flags & flags::BYTES_SUBCLASS != 0 {
        // SAFETY: bytes instances (and subclasses') start with BytesObject.
        Some(unsafe { obj.cast::<BytesObject>() })
    } else {
        None
    }
}

/// The bytes of a `bytes` object.
#[inline]
pub fn bytes_value(obj: &PyObject) -> Option<&[u8]> {
    as_bytes_object(obj).map(BytesObject::as_bytes)
}

/// The contents of a bytes-like object (`bytes`, `bytearray`, `memoryview`): borrowed for
/// `bytes`, copied for the mutable ones (so no Python code can resize them under the caller).
pub fn buffer_data(obj: &PyObject) -> Option<Cow<'_, [u8]>> {
    if let Some(b) = bytes_value(obj) {
        return Some(Cow::Borrowed(b));
    }
    if let Some(a) = super::bytearray::as_bytearray(obj) {
        return Some(Cow::Owned(a.to_vec()));
    }
    super::memoryview::memoryview_data(obj).map(Cow::Owned)
}

/// Whether `obj` is bytes-like.
pub fn is_buffer(obj: &PyObject) -> bool {
    as_bytes_object(obj).is_some()
        || super::bytearray::as_bytearray(obj).is_some()
        || super::memoryview::is_memoryview(obj)
}

/// `a bytes-like object is required, not 'T'`.
#[cold]
pub fn need_buffer(obj: &PyObject) -> PyErr {
    PyErr::type_error(format!("a bytes-like object is required, not '{}'", obj.type_object().name()))
}

/// The contents of a bytes-like argument, or the standard `TypeError`.
pub fn require_buffer(obj: &PyObject) -> PyResult<Cow<'_, [u8]>> {
    buffer_data(obj).ok_or_else(|| need_buffer(obj))
}

/// The bytes `repr`: `b'...'`, quoted with `'` unless the text has `'` and no `"`; `\t \n \r`,
/// backslash and the quote escaped; other bytes outside `0x20..0x7f` as `\xhh`.
pub fn repr_bytes(data: &[u8], out: &mut String) {
    repr_bytes_with(data, false, out)
}

/// [`repr_bytes`], and with `always_escape_quote` a `'` is escaped even inside `"` quotes (as
/// `bytearray`'s repr does).
pub fn repr_bytes_with(data: &[u8], always_escape_quote: bool, out: &mut String) {
    let quote = if data.contains(&b'\'') && !data.contains(&b'"') { b'"' } else { b'\'' };
    out.push('b');
    out.push(quote as char);
    for &b in data {
        match b {
            b'\\' => out.push_str("\\\\"),
            b'\t' => out.push_str("\\t"),
            b'\n' => out.push_str("\\n"),
            b'\r' => out.push_str("\\r"),
            _ if b == quote || (always_escape_quote && b == b'\'') => {
                out.push('\\');
                out.push(b as char);
            }
            0x20..0x7f => out.push(b as char),
            _ => out.push_str(&format!("\\x{b:02x}")),
        }
    }
    out.push(quote as char);
}

/// `bytes(x)` / `bytearray(x)` for one argument that is not a str: an int count of zero bytes,
/// a bytes-like object, or an iterable of ints in `range(0, 256)`. `plural` picks `bytes(...)`'s
/// range message (`bytes must be ...`) over `bytearray(...)`'s (`byte must be ...`).
pub fn bytes_from_object(x: &PyObject, plural: bool) -> PyResult<Vec<u8>> {
    if let Some(b) = buffer_data(x) {
        return Ok(b.into_owned());
    }
    if is_index_like(x) {
        let n = ops::index_isize(x).map_err(|e| {
            if e.matches(types().exc.named("IndexError")) {
                PyErr::overflow("cannot fit 'int' into an index-sized integer")
            } else {
                e
            }
        })?;
        if n < 0 {
            return Err(PyErr::value_error("negative count"));
        }
        return filled(n as usize, 0);
    }
    if str_value(x).is_some() {
        return Err(PyErr::type_error("string argument without an encoding"));
    }
    let ty = x.type_object();
    if ty.iter.is_none() && ty.mapping.subscript.is_none() {
        return Err(PyErr::type_error(format!("cannot convert '{}' object to bytes", ty.name())));
    }
    let it = ops::get_iter(x)?;
    let mut out = Vec::new();
    while let Some(v) = ops::next(&it)? {
        out.push(byte_value(&v).map_err(|e| {
            if plural && e.matches(types().exc.named("ValueError")) {
                PyErr::value_error("bytes must be in range(0, 256)")
            } else {
                e
            }
        })?);
    }
    Ok(out)
}

/// `MemoryError` (an allocation the caller asked for could not be made).
#[cold]
pub fn memory_error() -> PyErr {
    PyErr::new(crate::error::ExcKind::from_name("MemoryError"), "")
}

/// An empty vector with room for `n` bytes, or `MemoryError` when the memory cannot be had
/// (sizes come from Python code: `bytes(10**15)` must raise, not abort the process).
pub fn reserve(n: usize) -> PyResult<Vec<u8>> {
    let mut v = Vec::new();
    v.try_reserve_exact(n).map_err(|_| memory_error())?;
    Ok(v)
}

/// `n` copies of `byte`.
pub fn filled(n: usize, byte: u8) -> PyResult<Vec<u8>> {
    let mut v = reserve(n)?;
    v.resize(n, byte);
    Ok(v)
}

/// `data` repeated `count` times.
pub fn repeated(data: &[u8], count: usize) -> PyResult<Vec<u8>> {
    let total = data.len().checked_mul(count).ok_or_else(memory_error)?;
    let mut v = reserve(total)?;
    for _ in 0..count {
        v.extend_from_slice(data);
    }
    Ok(v)
}

/// An int in `range(0, 256)` (`bytes must be in range(0, 256)` otherwise).
pub fn byte_value(v: &PyObject) -> PyResult<u8> {
    let i = ops::index(v)?;
    match as_int(&i).and_then(|i| match i {
        super::int::IntVal::Small(s) => Some(s),
        super::int::IntVal::Big(_) => None,
    }) {
        Some(s) if (0..256).contains(&s) => Ok(s as u8),
        _ => Err(PyErr::value_error("byte must be in range(0, 256)")),
    }
}

/// `bytes(source=b'', encoding=None, errors=None)` and `bytearray(...)`'s arguments: the bytes.
pub fn constructor_data(name: &str, argv: &[Obj], kwnames: Option<&PyObject>) -> PyResult<Vec<u8>> {
    let pos = args::positional(argv, kwnames);
    if pos.len() > 3 {
        return Err(PyErr::type_error(format!("{name}() takes at most 3 arguments ({} given)", pos.len())));
    }
    let mut slots: [Option<&Obj>; 3] = [pos.first(), pos.get(1), pos.get(2)];
    for (key, v) in args::keywords(argv, kwnames) {
        let i = match key {
            "source" => 0,
            "encoding" => 1,
            "errors" => 2,
            _ => return Err(PyErr::type_error(format!("{name}() got an unexpected keyword argument '{key}'"))),
        };
        if slots[i].is_some() {
            return Err(PyErr::type_error(format!(
                "argument for {name}() given by name ('{key}') and position ({})",
                i + 1
            )));
        }
        slots[i] = Some(v);
    }
    let text_arg = |i: usize, what: &str| -> PyResult<Option<&str>> {
        match slots[i] {
            None => Ok(None),
            Some(v) => str_value(v).map(Some).ok_or_else(|| {
                PyErr::type_error(format!("{name}() argument '{what}' must be str, not {}", v.type_object().name()))
            }),
        }
    };
    let encoding = text_arg(1, "encoding")?;
    let errors = text_arg(2, "errors")?;
    let Some(src) = slots[0] else {
        if encoding.is_some() || errors.is_some() {
            return Err(PyErr::type_error(if encoding.is_some() {
                "encoding without a string argument"
            } else {
                "errors without a string argument"
            }));
        }
        return Ok(Vec::new());
    };
    if str_value(src).is_some() {
        let Some(enc) = encoding else { return Err(PyErr::type_error("string argument without an encoding")) };
        return super::codecs::encode(src, enc, errors.unwrap_or("strict"));
    }
    if encoding.is_some() {
        return Err(PyErr::type_error("encoding without a string argument"));
    }
    if errors.is_some() {
        return Err(PyErr::type_error("errors without a string argument"));
    }
    bytes_from_object(src, name == "bytes")
}

fn not_implemented() -> PyResult<Obj> {
    Ok(Obj::new_ref(immortals().not_implemented))
}

// ---- slots shared by bytes and bytearray -----------------------------------------------------

/// `bytes.__new__`.
pub(crate) fn bytes_new(ty: &TypeObject, argv: &[Obj], kwnames: Option<&PyObject>) -> PyResult<Obj> {
    let pos = args::positional(argv, kwnames);
    if pos.len() == 1 && kwnames.is_none() {
        let src = &pos[0];
        if std::ptr::eq(src.type_object(), types().bytes_type) && std::ptr::eq(ty, types().bytes_type) {
            return Ok(src.clone());
        }
        if let Some(f) = ops::lookup_special(src, "__bytes__")? {
            let r = ops::call(&f, &[], None)?;
            let Some(b) = bytes_value(&r) else {
                return Err(PyErr::type_error(format!(
                    "__bytes__ returned non-bytes (type {})",
                    r.type_object().name()
                )));
            };
            return new_bytes_of_type(ty, b);
        }
    }
    new_bytes_of_type(ty, &constructor_data("bytes", argv, kwnames)?)
}

/// `repr(b)` / `str(b)`.
pub(crate) fn bytes_repr(o: &PyObject) -> PyResult<Obj> {
    let mut out = String::new();
    repr_bytes(bytes_value(o).unwrap_or(&[]), &mut out);
    super::str::new_str(&out)
}

/// `hash(b)`.
pub(crate) fn bytes_hash(o: &PyObject) -> PyResult<isize> {
    Ok(as_bytes_object(o).map_or(0, BytesObject::hash))
}

/// The length of a `bytes` or `bytearray` (without copying).
pub(crate) fn buffer_len(o: &PyObject) -> usize {
    match super::bytearray::as_bytearray(o) {
        Some(a) => a.len(),
        None => bytes_value(o).map_or(0, <[u8]>::len),
    }
}

/// `len(b)`.
pub(crate) fn seq_len(o: &PyObject) -> PyResult<usize> {
    Ok(buffer_len(o))
}

/// Comparison of `bytes` and `bytearray` (either side may be either): lexicographic by byte.
pub(crate) fn bytes_richcompare(a: &PyObject, b: &PyObject, op: CompareOp) -> PyResult<Obj> {
    let is_seq = |o: &PyObject| as_bytes_object(o).is_some() || super::bytearray::as_bytearray(o).is_some();
    if !is_seq(a) || !is_seq(b) {
        return not_implemented();
    }
    let (x, y) = (buffer_data(a).unwrap_or_default(), buffer_data(b).unwrap_or_default());
    Ok(new_bool(op.test(x.as_ref().cmp(y.as_ref()))))
}

/// `a + b`: a `bytes` or `bytearray` (the left operand's kind) holding both operands' bytes.
pub(crate) fn seq_concat(a: &PyObject, b: &PyObject) -> PyResult<Obj> {
    let Some(x) = buffer_data(a).filter(|_| !super::memoryview::is_memoryview(a)) else {
        return not_implemented();
    };
    let Some(y) = buffer_data(b) else {
        if b.type_object().is_heap() && b.type_object().number.add.is_some() {
            return not_implemented();
        }
        return Err(PyErr::type_error(format!(
            "can't concat {} to {}",
            b.type_object().name(),
            a.type_object().name()
        )));
    };
    let mut v = Vec::with_capacity(x.len() + y.len());
    v.extend_from_slice(&x);
    v.extend_from_slice(&y);
    new_like(a, v)
}

/// `b * n` and `n * b`.
pub(crate) fn seq_repeat(a: &PyObject, b: &PyObject) -> PyResult<Obj> {
    let (seq, n) = if !is_buffer(b) && is_index_like(b) { (a, b) } else { (b, a) };
    if !is_buffer(seq) || super::memoryview::is_memoryview(seq) {
        return not_implemented();
    }
    if !is_index_like(n) {
        return Err(PyErr::type_error(format!(
            "can't multiply sequence by non-int of type '{}'",
            n.type_object().name()
        )));
    }
    let count = ops::index_isize(n)
        .map_err(|_| PyErr::overflow(format!("cannot fit '{}' into an index-sized integer", n.type_object().name())))?;
    let data = buffer_data(seq).unwrap_or_default();
    new_like(seq, repeated(&data, count.max(0) as usize)?)
}

/// `x in b`: an int in `range(0, 256)` or a bytes-like substring.
pub(crate) fn seq_contains(a: &PyObject, x: &PyObject) -> PyResult<bool> {
    let hay = buffer_data(a).unwrap_or_default();
    if let Some(needle) = buffer_data(x) {
        return Ok(find(&hay, &needle, 0, hay.len()).is_some());
    }
    if is_index_like(x) {
        let v = byte_value(x)?;
        return Ok(hay.contains(&v));
    }
    Err(need_buffer(x))
}

/// The byte at `i` of a `bytes` or `bytearray` (without copying a bytearray).
pub(crate) fn byte_at(o: &PyObject, i: usize) -> Option<u8> {
    match super::bytearray::as_bytearray(o) {
        Some(a) => a.get(i),
        None => bytes_value(o).and_then(|b| b.get(i).copied()),
    }
}

/// `b[i]` (an int) and `b[i:j:k]` (the receiver's kind).
pub(crate) fn seq_subscript(o: &PyObject, key: &PyObject) -> PyResult<Obj> {
    let is_bytearray = super::bytearray::as_bytearray(o).is_some();
    if let Some(sl) = super::range::as_slice(key) {
        let data = buffer_data(o).unwrap_or_default();
        let (start, _, step, count) = sl.indices(data.len())?;
        if step == 1 && count == data.len() && std::ptr::eq(o.type_object(), types().bytes_type) {
            return Ok(Obj::new_ref(o));
        }
        let v: Vec<u8> = (0..count).filter_map(|k| data.get((start + k as isize * step) as usize).copied()).collect();
        return new_like(o, v);
    }
    if is_index_like(key) {
        let i = ops::index_isize(key)?;
        let len = buffer_len(o);
        let i = if i < 0 { i + len as isize } else { i };
        return match usize::try_from(i).ok().and_then(|i| byte_at(o, i)) {
            Some(v) => new_int(v as i64),
            None => Err(PyErr::index_error(if is_bytearray {
                "bytearray index out of range"
            } else {
                "index out of range"
            })),
        };
    }
    let what = if is_bytearray { "bytearray" } else { "byte" };
    Err(PyErr::type_error(format!("{what} indices must be integers or slices, not {}", key.type_object().name())))
}

/// Whether `operator.index(o)` applies: an int, a type with the index slot, or a class
/// defining `__index__` in Python.
pub fn is_index_like(o: &PyObject) -> bool {
    as_int(o).is_some()
        || o.type_object().number.index.is_some()
        || super::attr::lookup_str(o.type_object(), "__index__").is_some()
}

/// A new `bytearray` if `like` is one, else a new `bytes`.
pub fn new_like(like: &PyObject, data: Vec<u8>) -> PyResult<Obj> {
    if super::bytearray::as_bytearray(like).is_some() {
        super::bytearray::new_bytearray(data)
    } else {
        new_bytes(&data)
    }
}

/// The first index of `needle` in `hay[start..end]`.
pub fn find(hay: &[u8], needle: &[u8], start: usize, end: usize) -> Option<usize> {
    if start > end || end > hay.len() {
        return None;
    }
    if needle.is_empty() {
        return Some(start);
    }
    hay[start..end].windows(needle.len()).position(|w| w == needle).map(|p| p + start)
}

/// The last index of `needle` in `hay[start..end]`.
pub fn rfind(hay: &[u8], needle: &[u8], start: usize, end: usize) -> Option<usize> {
    if start > end || end > hay.len() {
        return None;
    }
    if needle.is_empty() {
        return Some(end);
    }
    hay[start..end].windows(needle.len()).rposition(|w| w == needle).map(|p| p + start)
}

/// `bytes`'s deallocator.
///
/// # Safety
///
/// See [`super::typeobj::DeallocFn`].
pub(crate) unsafe fn dealloc_bytes(op: NonNull<PyObject>) {
    // SAFETY: forwarded contract; the bytes are inside the block. A subclass instance's dict.
    unsafe {
        let ty = op.as_ref().type_object();
        if ty.dict_offset != 0 {
            std::ptr::drop_in_place((op.as_ptr() as *mut u8).add(ty.dict_offset).cast::<Option<Obj>>());
        }
        let heap = ty.is_heap().then(|| NonNull::from(ty.as_object()));
        free_object(op);
        if let Some(t) = heap {
            super::refcount::decref(t);
        }
    }
}

/// Fills the `bytes` type's slots.
pub(crate) fn fill_bytes_type(t: &mut TypeObject) {
    t.repr = Some(bytes_repr);
    t.str = Some(bytes_repr);
    t.hash = Some(bytes_hash);
    t.richcompare = Some(bytes_richcompare);
    t.iter = Some(|o| super::core_types::new_seq_iter(Obj::new_ref(o)));
    t.new = Some(bytes_new);
    t.number.add = Some(seq_concat);
    t.number.multiply = Some(seq_repeat);
    t.number.remainder = Some(super::bytes_methods::bytes_mod);
    t.sequence.length = Some(seq_len);
    t.sequence.contains = Some(seq_contains);
    t.mapping.subscript = Some(seq_subscript);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn repr(data: &[u8]) -> String {
        let mut s = String::new();
        repr_bytes(data, &mut s);
        s
    }

    #[test]
    fn repr_picks_quotes_and_escapes_like_cpython() {
        assert_eq!(repr(b"abc"), "b'abc'");
        assert_eq!(repr(b"'"), "b\"'\"");
        assert_eq!(repr(b"\""), "b'\"'");
        assert_eq!(repr(b"'\""), "b'\\'\"'");
        assert_eq!(repr(b"\t\n\r\\\x00\x7f\x80\xff"), "b'\\t\\n\\r\\\\\\x00\\x7f\\x80\\xff'");
    }

    #[test]
    fn hash_matches_the_str_hash_of_ascii_text() {
        assert_eq!(hash_bytes(b"abc"), super::super::str::hash_text("abc"));
        assert_ne!(hash_bytes(b"abc"), hash_bytes(b"abd"));
    }

    #[test]
    fn find_and_rfind_respect_bounds() {
        assert_eq!(find(b"abcabc", b"bc", 0, 6), Some(1));
        assert_eq!(find(b"abcabc", b"bc", 2, 6), Some(4));
        assert_eq!(find(b"abcabc", b"bc", 2, 4), None);
        assert_eq!(rfind(b"abcabc", b"bc", 0, 6), Some(4));
        assert_eq!(find(b"abc", b"", 3, 3), Some(3));
        assert_eq!(rfind(b"abc", b"", 1, 2), Some(2));
        assert_eq!(find(b"abc", b"", 4, 3), None);
    }
}
