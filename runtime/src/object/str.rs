//! `str`: Unicode text with O(1) indexing (a PEP 393-like layout).
//!
//! ```text
//!  StrObject header | UTF-8 bytes (utf8_len) | pad to 4 | code points, `kind` bytes each (len)
//! ```
//!
//! `kind` is 1 when the text is ASCII (the UTF-8 bytes are then the code points, nothing
//! follows), else 2 (every code point below U+10000) or 4. So `s[i]` and slicing are O(1) for
//! every string — the fixed-width array answers them — and the UTF-8 form Rust code needs is
//! always there without conversion (CPython caches it lazily; here it is made with the string).
//! Everything lives in one arena block, so bulk release of an arena frees strings completely.
//! An instance of a subclass keeps its `__dict__` pointer right after the struct (the
//! subclass's `dict_offset`), so its text starts after that slot: `data_offset` records where.
//!
//! Lone surrogates (`'\ud800'`, what `surrogateescape` decodes to) are code points like any
//! other in the index array, which is the string's truth; a string holding one is flagged
//! (`lone_surrogates`) and always has an index array (kind 2 or 4, never 1). Its UTF-8 form —
//! which must stay valid UTF-8 for Rust — has U+FFFD in each surrogate's place, so it is a
//! *lossy view*: code that must see surrogates (length, indexing, slicing, iteration, `repr`,
//! comparison, hashing, concatenation, `join`, the codecs) reads the code points instead
//! ([`StrObject::code_point_at`], [`StrObject::code_points`]); the rest of the methods see the
//! view. A surrogate pair written as two escapes stays two code points, as in CPython.
//!
//! The hash is computed on first use and cached. It is CPython's with `PYTHONHASHSEED=0`:
//! SipHash-1-3 with both keys zero over the PEP 393 representation — one byte per character
//! when every code point is below 256, else two (below U+10000) or four, little-endian — and 0
//! for the empty string. CPython seeds the keys randomly per process unless told otherwise, so
//! no program may rely on the values; matching the seed-0 ones makes the iteration order of
//! sets of strings match CPython's run with `PYTHONHASHSEED=0` (how the corpus is generated).

use std::hash::Hasher;
use std::ptr::NonNull;
use std::sync::atomic::{AtomicIsize, AtomicPtr, Ordering};

use siphasher::sip::SipHasher13;

use super::alloc::{alloc_sized, free_object};
use super::header::PyObject;
use super::obj::Obj;
use super::typeobj::{TypeObject, flags};
use crate::error::PyResult;

/// The fixed part of a `str`; the text follows in the same block.
#[repr(C)]
pub struct StrObject {
    /// Header.
    pub ob_base: PyObject,
    len: usize,
    utf8_len: usize,
    hash: AtomicIsize,
    kind: u8,
    /// Whether a code point is a lone surrogate (then the UTF-8 text is the lossy view).
    lone_surrogates: bool,
    /// Where the text starts, from the start of the object: the type's basic size.
    data_offset: u32,
}

const HASH_UNSET: isize = -1;

impl StrObject {
    /// Bytes an ASCII `str` of `len` characters takes in the arena (header, text; ASCII needs no
    /// index array) — what benchmarks use to pick strings of a given size class.
    pub fn size_for_ascii(len: usize) -> usize {
        size_of::<StrObject>() + len
    }

    /// `(len, kind, size)` of a string whose text starts at `data_offset`.
    fn layout(text: &str, data_offset: usize) -> (usize, u8, usize) {
        let (len, kind) = if text.is_ascii() {
            (text.len(), 1)
        } else {
            let len = text.chars().count();
            (len, if text.chars().all(|c| (c as u32) < 0x10000) { 2 } else { 4 })
        };
        let index_at = (data_offset + text.len()).next_multiple_of(4);
        let size = if kind == 1 { data_offset + text.len() } else { index_at + len * kind as usize };
        (len, kind, size)
    }

    /// Writes the text after the struct (the struct itself is written by the allocator).
    ///
    /// # Safety
    ///
    /// `base` must be a block of the size `layout(text, data_offset)` gives.
    unsafe fn write_text(base: *mut u8, text: &str, points: Option<&[u32]>, kind: u8, data_offset: usize) {
        // SAFETY: the block has room for the UTF-8 bytes and the index array (layout()).
        unsafe {
            std::ptr::copy_nonoverlapping(text.as_ptr(), base.add(data_offset), text.len());
            let index_at = (data_offset + text.len()).next_multiple_of(4);
            let idx = base.add(index_at);
            let chars = text.chars().map(u32::from);
            let all: &mut dyn Iterator<Item = u32> = match points {
                Some(p) => &mut p.iter().copied(),
                None => &mut { chars },
            };
            match kind {
                2 => {
                    for (i, c) in all.enumerate() {
                        (idx as *mut u16).add(i).write_unaligned(c as u16);
                    }
                }
                4 => {
                    for (i, c) in all.enumerate() {
                        (idx as *mut u32).add(i).write_unaligned(c);
                    }
                }
                _ => {}
            }
        }
    }

    /// The text.
    #[inline]
    pub fn as_str(&self) -> &str {
        // SAFETY: `write_text` put `utf8_len` bytes of valid UTF-8 at `data_offset`.
        unsafe {
            let bytes = std::slice::from_raw_parts(
                (self as *const StrObject as *const u8).add(self.data_offset as usize),
                self.utf8_len,
            );
            std::str::from_utf8_unchecked(bytes)
        }
    }

    /// The number of code points.
    #[inline]
    pub fn len(&self) -> usize {
        self.len
    }

    /// Whether the string is empty.
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// Whether every character is ASCII.
    #[inline]
    pub fn is_ascii(&self) -> bool {
        self.kind == 1
    }

    /// Whether the string holds a lone surrogate (its UTF-8 text is then a lossy view).
    #[inline]
    pub fn has_lone_surrogates(&self) -> bool {
        self.lone_surrogates
    }

    /// The character at `i` (`i < len`), in O(1); U+FFFD for a lone surrogate.
    #[inline]
    pub fn char_at(&self, i: usize) -> char {
        char::from_u32(self.code_point_at(i)).unwrap_or('\u{FFFD}')
    }

    /// The code points, lone surrogates included.
    pub fn code_points(&self) -> impl Iterator<Item = u32> + Clone + '_ {
        (0..self.len).map(|i| self.code_point_at(i))
    }

    /// The same text: equal code point sequences.
    #[inline]
    pub fn same_text(&self, other: &StrObject) -> bool {
        if self.lone_surrogates || other.lone_surrogates {
            self.len == other.len && self.code_points().eq(other.code_points())
        } else {
            self.as_str() == other.as_str()
        }
    }

    /// Code-point order (UTF-8 byte order is code-point order when there are no surrogates).
    pub fn cmp_text(&self, other: &StrObject) -> std::cmp::Ordering {
        if self.lone_surrogates || other.lone_surrogates {
            self.code_points().cmp(other.code_points())
        } else {
            self.as_str().cmp(other.as_str())
        }
    }

    /// The code point at `i` (`i < len`), in O(1), lone surrogates included.
    #[inline]
    pub fn code_point_at(&self, i: usize) -> u32 {
        debug_assert!(i < self.len);
        let base = self as *const StrObject as *const u8;
        // SAFETY: `i < len` and the index array has `len` entries of `kind` bytes.
        let cp = unsafe {
            match self.kind {
                1 => *base.add(self.data_offset as usize + i) as u32,
                k => {
                    let idx = base.add((self.data_offset as usize + self.utf8_len).next_multiple_of(4));
                    if k == 2 {
                        (idx as *const u16).add(i).read_unaligned() as u32
                    } else {
                        (idx as *const u32).add(i).read_unaligned()
                    }
                }
            }
        };
        cp
    }

    /// The byte offset in the UTF-8 text of code point `i` (`i <= len`). O(1) for ASCII, O(i)
    /// otherwise (slicing non-ASCII text uses `char_at` instead).
    pub fn byte_offset(&self, i: usize) -> usize {
        if self.kind == 1 { i } else { self.as_str().char_indices().nth(i).map_or(self.utf8_len, |(b, _)| b) }
    }

    /// `hash(s)`, cached.
    #[inline]
    pub fn hash(&self) -> isize {
        let h = self.hash.load(Ordering::Relaxed);
        if h != HASH_UNSET {
            return h;
        }
        let h = if self.lone_surrogates {
            hash_code_points(self.code_points(), self.kind)
        } else {
            hash_text(self.as_str())
        };
        self.hash.store(h, Ordering::Relaxed);
        h
    }
}

/// The hash of a text (never -1, which Python reserves for errors). See the module docs.
pub fn hash_text(text: &str) -> isize {
    if text.is_ascii() {
        return hash_units(text.as_bytes());
    }
    let widest = text.chars().map(u32::from).max().unwrap_or(0);
    hash_code_points(text.chars().map(u32::from), if widest < 0x10000 { 2 } else { 4 })
}

/// The hash of code points of a non-ASCII string of index width `kind` (2 or 4; narrowed to one
/// byte a unit when every code point is below 256, as PEP 393 stores them).
fn hash_code_points(points: impl Iterator<Item = u32> + Clone, kind: u8) -> isize {
    let width = if kind == 2 && points.clone().all(|c| c < 0x100) { 1 } else { kind };
    let mut units = Vec::new();
    for c in points {
        match width {
            1 => units.push(c as u8),
            2 => units.extend_from_slice(&(c as u16).to_le_bytes()),
            _ => units.extend_from_slice(&c.to_le_bytes()),
        }
    }
    hash_units(&units)
}

/// CPython's `_Py_HashBytes` over a string's code units (or a `bytes` object's bytes): SipHash-1-3
/// with the hash seed's keys, 0 for no units, never -1.
pub(crate) fn hash_units(units: &[u8]) -> isize {
    if units.is_empty() {
        return 0;
    }
    let mut hasher = SipHasher13::new_with_keys(0, 0);
    hasher.write(units);
    let h = hasher.finish() as isize;
    if h == -1 { -2 } else { h }
}

/// A new `str` in the current interpreter's arena.
/// The empty string and one-character ASCII strings are the interned (immortal) ones.
pub fn new_str(text: &str) -> PyResult<Obj> {
    match text.as_bytes() {
        [] => return Ok(Obj::new_ref(&ascii_char(None).ob_base)),
        [b] if b.is_ascii() => return Ok(Obj::new_ref(&ascii_char(Some(*b)).ob_base)),
        _ => {}
    }
    new_str_of_type(super::immortal::types().str_type, text)
}

/// The interned empty string (`None`) and one-character ASCII strings, remembered here after
/// their first use: the interning table's lock and hash are too slow for `s[i]` and `split`.
static ASCII_CHARS: [AtomicPtr<StrObject>; 129] = [const { AtomicPtr::new(std::ptr::null_mut()) }; 129];

/// The interned string of `byte` (ASCII), or the empty string.
#[inline]
fn ascii_char(byte: Option<u8>) -> &'static StrObject {
    let slot = &ASCII_CHARS[byte.map_or(128, usize::from)];
    let known = slot.load(Ordering::Acquire);
    if !known.is_null() {
        // SAFETY: the slot only ever holds an interned string, which is immortal.
        return unsafe { &*known };
    }
    let buf = [byte.unwrap_or(0)];
    let text = std::str::from_utf8(&buf[..usize::from(byte.is_some())]).unwrap_or("");
    let interned = super::immortal::intern(text);
    slot.store(interned as *const StrObject as *mut StrObject, Ordering::Release);
    interned
}

/// A new exact `str` of `len` ASCII bytes that `fill` writes straight into the object's block:
/// no intermediate buffer and no scan of the text for its kind (an ASCII string needs no index
/// array) — what the methods whose result is known to be ASCII (`upper`/`lower`/`replace`/
/// `join`/`split`/... of ASCII text) build with. Empty and one-character results are the
/// interned ones, as [`new_str`] gives. The block is zeroed before `fill` runs; a `fill` that
/// wrote a non-ASCII byte is a bug of the caller, reported as `SystemError` (the check keeps the
/// text valid UTF-8 whatever `fill` does).
pub(crate) fn new_ascii_str_with(len: usize, fill: impl FnOnce(&mut [u8])) -> PyResult<Obj> {
    if len <= 1 {
        let mut one = [0u8; 1];
        fill(&mut one[..len]);
        return match std::str::from_utf8(&one[..len]) {
            Ok(t) if t.is_ascii() => new_str(t),
            _ => Err(not_ascii()),
        };
    }
    // SAFETY: the text is zeroed (valid ASCII) before `fill` sees it and checked to be ASCII
    // after, before the object is used.
    unsafe {
        let (obj, text) = alloc_ascii(len)?;
        std::ptr::write_bytes(text, 0, len);
        let bytes = std::slice::from_raw_parts_mut(text, len);
        fill(bytes);
        if !bytes.is_ascii() {
            // Zeroed again before the object (whose text must stay valid) is dropped.
            bytes.fill(0);
            drop(obj);
            return Err(not_ascii());
        }
        Ok(obj)
    }
}

/// A new exact `str` of `len` ASCII bytes (kind 1, no index array) and where its text starts.
///
/// # Safety
///
/// The caller writes all `len` bytes of the text, ASCII only, before the object is used or
/// dropped (its text must be valid UTF-8).
unsafe fn alloc_ascii(len: usize) -> PyResult<(Obj, *mut u8)> {
    // SAFETY: forwarded contract.
    unsafe { alloc_ascii_with_room(len, 0) }
}

/// [`alloc_ascii`] with `room` more bytes in the block after the text (for `+=` to grow into).
///
/// # Safety
///
/// As [`alloc_ascii`].
unsafe fn alloc_ascii_with_room(len: usize, room: usize) -> PyResult<(Obj, *mut u8)> {
    let str_type = super::immortal::types().str_type;
    let data_offset = str_type.basic_size.max(size_of::<StrObject>());
    let size = data_offset.checked_add(len).and_then(|n| n.checked_add(room)).ok_or_else(too_long)?;
    // SAFETY: the block is `size` bytes: the struct, then `len` bytes of text, which the caller
    // writes (ASCII, kind 1, needs no index array); `str`'s deallocator frees this layout.
    unsafe {
        let obj = alloc_sized(str_type, size, |ob_base| StrObject {
            ob_base,
            len,
            utf8_len: len,
            hash: AtomicIsize::new(HASH_UNSET),
            kind: 1,
            lone_surrogates: false,
            data_offset: data_offset as u32,
        })?;
        let text = (obj.as_ptr().as_ptr() as *mut u8).add(data_offset);
        Ok((obj, text))
    }
}

/// A new exact `str` of `text`, known to be ASCII (a piece of an ASCII string).
#[inline]
pub(crate) fn new_ascii_str(text: &[u8]) -> PyResult<Obj> {
    new_ascii_str_with(text.len(), |out| out.copy_from_slice(text))
}

#[cold]
fn not_ascii() -> crate::error::PyErr {
    crate::error::PyErr::new(crate::error::ExcKind::SystemError, "a str built as ASCII holds a non-ASCII byte")
}

/// A new `str` of the code points `points` (`0..=0x10FFFF`, lone surrogates allowed).
pub(crate) fn new_str_from_code_points(points: &[u32]) -> PyResult<Obj> {
    if !points.iter().any(|c| is_surrogate(*c)) {
        let text: String = points.iter().map(|&c| char::from_u32(c).unwrap_or('\u{FFFD}')).collect();
        return new_str(&text);
    }
    let lossy: String = points.iter().map(|&c| char::from_u32(c).unwrap_or('\u{FFFD}')).collect();
    alloc_str(super::immortal::types().str_type, &lossy, Some(points))
}

/// A new one-character `str` of code point `cp` (a lone surrogate allowed).
pub(crate) fn new_str_of_code_point(cp: u32) -> PyResult<Obj> {
    match char::from_u32(cp) {
        Some(c) => new_str(c.encode_utf8(&mut [0u8; 4])),
        None => new_str_from_code_points(&[cp]),
    }
}

/// The strings `parts` joined by `sep`, code point by code point (for texts with lone surrogates,
/// whose UTF-8 views would lose them).
pub(crate) fn join_code_points(sep: Option<&StrObject>, parts: &[&StrObject]) -> PyResult<Obj> {
    let mut points = Vec::new();
    for (i, p) in parts.iter().enumerate() {
        if let (Some(sep), true) = (sep, i > 0) {
            points.extend(sep.code_points());
        }
        points.extend(p.code_points());
    }
    new_str_from_code_points(&points)
}

/// `BUILD_STRING`'s join when a piece holds lone surrogates (`None` otherwise: the caller joins
/// the UTF-8 texts).
pub(crate) fn join_if_lone_surrogates(pieces: &[Option<Obj>]) -> Option<PyResult<Obj>> {
    let strs = || pieces.iter().filter_map(|p| p.as_deref().and_then(as_str_object));
    if !strs().any(|s| s.lone_surrogates) {
        return None;
    }
    Some(join_code_points(None, &strs().collect::<Vec<_>>()))
}

/// Whether `cp` is a surrogate code point (U+D800..U+DFFF).
#[inline]
pub(crate) fn is_surrogate(cp: u32) -> bool {
    (0xD800..0xE000).contains(&cp)
}

/// A new instance of `str` or a subclass of it (always a new object).
pub fn new_str_of_type(ty: &TypeObject, text: &str) -> PyResult<Obj> {
    alloc_str(ty, text, None)
}

/// A new string of type `ty`: `text`, or with `points` the code points `text` is the lossy view of.
fn alloc_str(ty: &TypeObject, text: &str, points: Option<&[u32]>) -> PyResult<Obj> {
    let data_offset = ty.basic_size.max(size_of::<StrObject>());
    let (len, kind, size) = StrObject::layout(text, data_offset);
    // The lossy view has a U+FFFD per surrogate, so it is never ASCII: there is an index array.
    let lone_surrogates = points.is_some();
    debug_assert!(!lone_surrogates || kind != 1);
    // SAFETY: the block is `size` bytes, enough for the struct, text and index (layout); the
    // text is written before the object is used; `str`'s deallocator frees this layout.
    unsafe {
        let obj = alloc_sized(ty, size, |ob_base| StrObject {
            ob_base,
            len,
            utf8_len: text.len(),
            hash: AtomicIsize::new(HASH_UNSET),
            kind,
            lone_surrogates,
            data_offset: data_offset as u32,
        })?;
        StrObject::write_text(obj.as_ptr().as_ptr() as *mut u8, text, points, kind, data_offset);
        if ty.dict_offset != 0 {
            (obj.as_ptr().as_ptr() as *mut u8).add(ty.dict_offset).cast::<Option<Obj>>().write(None);
        }
        Ok(obj)
    }
}

/// `a + b` for two strings (`PyUnicode_Concat`): an empty operand gives the other one itself
/// when that is an exact `str`, as in CPython; two ASCII operands are copied straight into the
/// new object's block (no intermediate buffer, no scan of the text for its kind); otherwise the
/// text is built first. The result is an exact `str`.
pub(crate) fn concat(a: &PyObject, b: &PyObject) -> PyResult<Obj> {
    let (Some(x), Some(y)) = (as_str_object(a), as_str_object(b)) else {
        return Err(crate::error::PyErr::type_error("can only concatenate str to str"));
    };
    let str_type = super::immortal::types().str_type;
    if x.utf8_len == 0 && std::ptr::eq(b.type_object(), str_type) {
        return Ok(Obj::new_ref(b));
    }
    if y.utf8_len == 0 && std::ptr::eq(a.type_object(), str_type) {
        return Ok(Obj::new_ref(a));
    }
    let len = x.utf8_len.checked_add(y.utf8_len).ok_or_else(too_long)?;
    if x.lone_surrogates || y.lone_surrogates {
        let points: Vec<u32> = x.code_points().chain(y.code_points()).collect();
        return new_str_from_code_points(&points);
    }
    if x.kind != 1 || y.kind != 1 || len < 2 {
        let mut text = String::new();
        text.try_reserve_exact(len).map_err(|_| too_long())?;
        text.push_str(x.as_str());
        text.push_str(y.as_str());
        return new_str(&text);
    }
    // SAFETY: both operands are ASCII (kind 1); their `len` bytes fill the text before the
    // object is used.
    unsafe {
        let (obj, text) = alloc_ascii(len)?;
        std::ptr::copy_nonoverlapping(x.as_str().as_ptr(), text, x.utf8_len);
        std::ptr::copy_nonoverlapping(y.as_str().as_ptr(), text.add(x.utf8_len), y.utf8_len);
        Ok(obj)
    }
}

/// `a + b` for `a += b` on a local (`BINARY_OP_INPLACE_ADD_UNICODE`, CPython's
/// `PyUnicode_Append`): `b`'s text is written after `a`'s in `a`'s own block when `a` can be
/// changed — an exact ASCII `str` (as `b`) that nobody else references and whose block has
/// room — else the concatenation is a new string ([`concat`]). `a` is the caller's only
/// reference to its string apart from, possibly, others that make it shared.
///
/// Not in a free-threaded interpreter: a thread that read the string's address from a
/// container before its last other reference went may still be reading its text lock-free
/// (its memory is kept by QSBR, not by a count), so a string is never changed in place there.
#[inline]
pub(crate) fn append(a: Obj, b: &PyObject) -> PyResult<Obj> {
    if !may_append_in_place(&a, b) {
        return concat(&a, b);
    }
    if append_in_place(&a, b) { Ok(a) } else { concat_with_room(&a, b) }
}

/// The concatenation for an `a += b` that could not write in place: a string of `a`'s text then
/// `b`'s whose block keeps room for more, so that the loop's next `+=` (the result is the
/// local's only reference) extends it in place. Without the room every `+=` past the arena's
/// size classes (whose blocks are as large as asked) would copy the whole text: quadratic
/// where CPython's `realloc` mostly grows in place. Half the length again, from 256 bytes (the
/// size classes round smaller strings up already); free-threaded none (nothing grows in place).
#[inline(never)]
fn concat_with_room(a: &PyObject, b: &PyObject) -> PyResult<Obj> {
    let (Some(x), Some(y)) = (as_str_object(a), as_str_object(b)) else { return concat(a, b) };
    let len = x.utf8_len.checked_add(y.utf8_len).ok_or_else(too_long)?;
    if len < 256 || super::attachment::free_threaded() {
        return concat(a, b);
    }
    let room = len / 2;
    // SAFETY: both are ASCII (`may_append_in_place`); their `len` bytes fill the text before the
    // object is used, and the extra `room` bytes after it are never read as text.
    unsafe {
        let (obj, text) = alloc_ascii_with_room(len, room)?;
        std::ptr::copy_nonoverlapping(x.as_str().as_ptr(), text, x.utf8_len);
        std::ptr::copy_nonoverlapping(y.as_str().as_ptr(), text.add(x.utf8_len), y.utf8_len);
        Ok(obj)
    }
}

/// [`append`]'s quick tests, cheapest first: `a` an exact `str` with one reference (most
/// strings a loop extends are shared with a container or a constant the first time), both ASCII.
#[inline(always)]
fn may_append_in_place(a: &PyObject, b: &PyObject) -> bool {
    if !std::ptr::eq(a.type_object(), super::immortal::types_known_made(a).str_type)
        || a.ob_ref_local.load(Ordering::Relaxed) != 1
    {
        return false;
    }
    let (Some(x), Some(y)) = (as_str_object(a), as_str_object(b)) else { return false };
    x.kind == 1 && y.kind == 1 && !x.lone_surrogates && !y.lone_surrogates && y.utf8_len != 0
}

/// [`append`]'s in-place case (after [`may_append_in_place`]): whether `b`'s text was appended
/// to `a`'s.
#[inline(never)]
fn append_in_place(a: &Obj, b: &PyObject) -> bool {
    // Unique: no other reference, so no `&` to its fields or text outside this function; an
    // immortal (interned, leaked) string never is.
    if super::attachment::free_threaded() || !super::refcount::is_unique(a) {
        return false;
    }
    let (Some(x), Some(y)) = (as_str_object(a), as_str_object(b)) else { return false };
    let (old, data_offset) = (x.utf8_len, x.data_offset as usize);
    let Some(len) = old.checked_add(y.utf8_len) else { return false };
    let Some(need) = data_offset.checked_add(len) else { return false };
    if need > isize::MAX as usize {
        return false;
    }
    let block = a.as_ptr().cast::<u8>();
    // SAFETY: a unique, non-immortal exact `str` is a live block of its interpreter's arena
    // (`alloc_ascii`/`new_str` through `alloc_sized`; exact `str` has no GC head, so the object
    // starts the block), and the arena outlives its objects.
    if need > unsafe { crate::alloc::arena::Arena::usable_size(block) } {
        return false;
    }
    // SAFETY: the block has `need` usable bytes; the caller's reference is the only one
    // (`is_unique`, checked with a lock held: no other thread runs), so nothing reads the text or
    // the lengths while they change; `b` is another object (it would hold a second reference
    // to `a`), its text cannot overlap. Both are ASCII (kind 1, no index array), so the new
    // text is ASCII and needs no index array either; the cached hash is reset.
    unsafe {
        let p = block.as_ptr();
        std::ptr::copy_nonoverlapping(y.as_str().as_ptr(), p.add(data_offset + old), y.utf8_len);
        let so = p.cast::<StrObject>();
        (*so).len = len;
        (*so).utf8_len = len;
        (*so).hash.store(HASH_UNSET, Ordering::Relaxed);
    }
    true
}

#[cold]
fn too_long() -> crate::error::PyErr {
    crate::error::PyErr::from(pyrt_pylib::PyError::MemoryError)
}

/// Writes an immortal string into a leaked block (interning).
pub(crate) fn leak_str(ty: &TypeObject, text: &str) -> &'static StrObject {
    let data_offset = size_of::<StrObject>();
    let (len, kind, size) = StrObject::layout(text, data_offset);
    let layout = std::alloc::Layout::from_size_align(size, 16).expect("string too long");
    // SAFETY: the layout is non-zero (the header alone is 56 bytes).
    let block = unsafe { std::alloc::alloc(layout) };
    if block.is_null() {
        std::alloc::handle_alloc_error(layout);
    }
    // SAFETY: a fresh block of the right size and alignment, never freed (immortal).
    unsafe {
        (block as *mut StrObject).write(StrObject {
            ob_base: PyObject::new_immortal(ty),
            len,
            utf8_len: text.len(),
            hash: AtomicIsize::new(HASH_UNSET),
            kind,
            lone_surrogates: false,
            data_offset: data_offset as u32,
        });
        StrObject::write_text(block, text, None, kind, data_offset);
        &*(block as *const StrObject)
    }
}

/// The `str` behind `obj` (an instance of `str` or a subclass).
#[inline]
pub fn as_str_object(obj: &PyObject) -> Option<&StrObject> {
    if obj.type_object().flags & flags::UNICODE_SUBCLASS != 0 {
        // SAFETY: str instances (and subclasses') start with StrObject.
        Some(unsafe { obj.cast::<StrObject>() })
    } else {
        None
    }
}

/// The text of a `str` object.
#[inline]
pub fn str_value(obj: &PyObject) -> Option<&str> {
    as_str_object(obj).map(StrObject::as_str)
}

/// `str`'s deallocator.
///
/// # Safety
///
/// See [`super::typeobj::DeallocFn`].
pub(crate) unsafe fn dealloc_str(op: NonNull<PyObject>) {
    // SAFETY: forwarded contract; the text is inside the block. A subclass instance's dict.
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

#[cfg(test)]
mod tests {
    use super::hash_text;

    #[test]
    fn hashes_match_cpython_with_hash_seed_zero() {
        // `PYTHONHASHSEED=0 python3.13 -c "print(hash('a'), ...)"`
        assert_eq!(hash_text(""), 0);
        assert_eq!(hash_text("a"), 4644417185603328019);
        assert_eq!(hash_text("abc"), -4594863902769663758);
        assert_eq!(hash_text("é"), 6047309291227476195);
        assert_eq!(hash_text("€"), -5529981157763016009);
        assert_eq!(hash_text("😀"), -3536540696076613844);
    }

    #[test]
    fn lone_surrogates_hash_like_cpython() {
        // `PYTHONHASHSEED=0 python3.13 -c "print(hash('\ud800'), hash('a\udc80b'))"`
        assert_eq!(super::hash_code_points([0xd800].into_iter(), 2), 5926611903945376553);
        assert_eq!(super::hash_code_points([0x61, 0xdc80, 0x62].into_iter(), 2), -8433413711979397542);
        // Narrowed to one byte a unit below U+0100, as PEP 393 stores it.
        assert_eq!(super::hash_code_points([0xe9].into_iter(), 2), hash_text("é"));
    }
}
