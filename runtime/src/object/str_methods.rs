//! `str`'s slots and method table (the layout and constructors are in `super::str`), as
//! CPython 3.13's `Objects/unicodeobject.c`.
//!
//! Strings keep their text as UTF-8 plus an O(1) code-point index, so the methods work on the
//! Rust `&str` and translate between code-point positions (what Python sees) and byte offsets
//! only where a position crosses the boundary: `start`/`end` arguments select a code-point
//! range ([`char_range`]) and a match found at a byte offset is reported as a code-point index.
//! Searching, splitting and replacing then use Rust's substring search, which finds the same
//! leftmost non-overlapping matches as CPython's `fastsearch`.
//!
//! Everything that depends on the Unicode database — case mappings with special casing
//! (`'ß'.upper() == 'SS'`, final sigma), the `is*` predicates, Python's whitespace and line
//! breaks — comes from pyrt-pylib's Unicode 15.1 tables, so answers match CPython 3.13's rather
//! than the newer Unicode version Rust's `char` methods follow.
//!
//! Argument parsing reproduces the three conventions the methods use in CPython, because their
//! error messages differ: `METH_NOARGS`/`METH_O` ([`no_args`], [`one_arg`]), `PyArg_ParseTuple`
//! varargs ([`var_args`]), and Argument Clinic with keywords ([`kw_args`]).
//! Formatting (`%`, `format`, `__format__`) is in `super::formatting`.

use super::abstract_ops as ops;
use super::builtin::{MethodDef, args};
use super::core_types::new_seq_iter;
use super::dict::{as_dict, new_dict};
use super::formatting;
use super::header::PyObject;
use super::immortal::{immortals, types};
use super::int::{IntVal, as_int, new_bool, new_int};
use super::list::{new_list, new_list_collect};
use super::obj::Obj;
use super::sequence::norm_index;
use super::slots::SequenceMethods;
use super::str::{StrObject, as_str_object, new_str, str_value};
use super::tuple::{self, items, new_tuple};
use super::typeobj::{CompareOp, TypeObject};
use crate::error::{PyErr, PyResult};
use pyrt_pylib::unicode as uni;

/// Fills `str`'s slots.
pub(crate) fn fill_str_type(t: &mut TypeObject) {
    t.repr = Some(str_repr);
    t.str = Some(str_str);
    t.hash = Some(|o| Ok(as_str_object(o).map_or(0, |s| s.hash())));
    t.richcompare = Some(str_richcompare);
    t.iter = Some(|o| new_seq_iter(Obj::new_ref(o)));
    t.new = Some(str_new);
    t.number.add = Some(str_add);
    t.number.multiply = Some(str_repeat);
    t.number.remainder = Some(str_mod);
    t.sequence = SequenceMethods { length: Some(str_len), contains: Some(str_contains) };
    t.mapping.subscript = Some(str_subscript);
}

fn not_implemented() -> PyResult<Obj> {
    Ok(Obj::new_ref(immortals().not_implemented))
}

/// The text of a receiver (the method descriptor checked that it is a `str`).
#[inline]
fn text(o: &PyObject) -> &str {
    str_value(o).unwrap_or("")
}

/// Whether `o` is exactly a `str` (not a subclass instance).
#[inline]
fn is_exact_str(o: &PyObject) -> bool {
    std::ptr::eq(o.type_object(), types().str_type)
}

/// The receiver as a `StrObject`.
#[inline]
fn str_obj(o: &PyObject) -> &StrObject {
    as_str_object(o).expect("str methods receive a str")
}

#[inline]
fn new_string(s: String) -> PyResult<Obj> {
    new_str(&s)
}

/// The receiver itself when it is an exact `str` (CPython returns `self` unchanged then), else
/// a new `str` with the same text.
fn unchanged(s: &Obj) -> PyResult<Obj> {
    if std::ptr::eq(s.type_object(), types().str_type) { Ok(s.clone()) } else { new_str(text(s)) }
}

// ---- argument parsing ----------------------------------------------------------------------

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

fn reject_keywords(name: &str, k: Option<&PyObject>) -> PyResult<()> {
    if k.is_some_and(|k| !items(k).is_empty()) {
        return Err(PyErr::type_error(format!("str.{name}() takes no keyword arguments")));
    }
    Ok(())
}

fn receiver<'a>(name: &str, a: &'a [Obj]) -> PyResult<(&'a Obj, &'a [Obj])> {
    a.split_first().ok_or_else(|| PyErr::type_error(format!("unbound method str.{name}() needs an argument")))
}

/// `METH_NOARGS`.
fn no_args<'a>(name: &str, a: &'a [Obj], k: Option<&PyObject>) -> PyResult<&'a Obj> {
    reject_keywords(name, k)?;
    let (s, rest) = receiver(name, a)?;
    if !rest.is_empty() {
        return Err(PyErr::type_error(format!("str.{name}() takes no arguments ({} given)", rest.len())));
    }
    Ok(s)
}

/// `METH_O`.
fn one_arg<'a>(name: &str, a: &'a [Obj], k: Option<&PyObject>) -> PyResult<(&'a Obj, &'a Obj)> {
    reject_keywords(name, k)?;
    let (s, rest) = receiver(name, a)?;
    match rest {
        [x] => Ok((s, x)),
        _ => Err(PyErr::type_error(format!("str.{name}() takes exactly one argument ({} given)", rest.len()))),
    }
}

/// Positional-only `METH_VARARGS` (`PyArg_ParseTuple`, `_PyArg_CheckPositional`).
fn var_args<'a>(
    name: &str,
    a: &'a [Obj],
    k: Option<&PyObject>,
    min: usize,
    max: usize,
) -> PyResult<(&'a Obj, &'a [Obj])> {
    reject_keywords(name, k)?;
    let (s, rest) = receiver(name, a)?;
    let n = rest.len();
    if n < min {
        return Err(PyErr::type_error(format!("{name} expected at least {min} argument{}, got {n}", plural(min))));
    }
    if n > max {
        return Err(PyErr::type_error(format!("{name} expected at most {max} argument{}, got {n}", plural(max))));
    }
    Ok((s, rest))
}

/// Argument Clinic with keywords: `params` in order, the first `pos_only` positional-only and
/// the first `min` required. Returns the receiver and one slot per parameter.
fn kw_args<'a, const N: usize>(
    name: &str,
    a: &'a [Obj],
    k: Option<&'a PyObject>,
    params: &[&str; N],
    pos_only: usize,
    min: usize,
) -> PyResult<(&'a Obj, [Option<&'a Obj>; N])> {
    let (s, rest) = receiver(name, a)?;
    let names = k.map_or(&[][..], items);
    let npos = rest.len() - names.len();
    if npos > params.len() {
        let max = params.len();
        return Err(PyErr::type_error(format!("{name}() takes at most {max} argument{} ({npos} given)", plural(max))));
    }
    if names.len() + npos > params.len() {
        let max = params.len() - pos_only;
        return Err(PyErr::type_error(format!(
            "{name}() takes at most {max} keyword argument{} ({} given)",
            plural(max),
            names.len()
        )));
    }
    // Clinic checks the positional-only count before looking at keywords.
    if npos < min.min(pos_only) {
        return Err(PyErr::type_error(format!(
            "{name}() takes at least {min} positional argument{} ({npos} given)",
            plural(min)
        )));
    }
    let mut slots: [Option<&Obj>; N] = [None; N];
    for (slot, v) in slots.iter_mut().zip(&rest[..npos]) {
        *slot = Some(v);
    }
    for (kname, v) in names.iter().zip(&rest[npos..]) {
        let kname = str_value(kname).unwrap_or("");
        match params.iter().position(|p| *p == kname) {
            Some(i) if i < pos_only => {
                return Err(PyErr::type_error(format!(
                    "{name}() got some positional-only arguments passed as keyword arguments: '{kname}'"
                )));
            }
            Some(i) if i < npos => {
                return Err(PyErr::type_error(format!(
                    "argument for {name}() given by name ('{kname}') and position ({})",
                    i + 1
                )));
            }
            Some(i) => slots[i] = Some(v),
            None => {
                return Err(PyErr::type_error(format!("{name}() got an unexpected keyword argument '{kname}'")));
            }
        }
    }
    if let Some(missing) = (0..min).find(|&i| slots[i].is_none()) {
        return Err(PyErr::type_error(format!(
            "{name}() missing required argument '{}' (pos {})",
            params[missing],
            missing + 1
        )));
    }
    Ok((s, slots))
}

/// How `_PyArg_BadArgument` names an argument's type: `None` for `None`, else the type name.
fn bad_arg_type(o: &PyObject) -> &str {
    if o.is(immortals().none) { "None" } else { o.type_object().name() }
}

/// An argument that must be a `str` (`find() argument 1 must be str, not int`).
fn str_arg<'a>(what: &str, o: &'a PyObject) -> PyResult<&'a StrObject> {
    as_str_object(o).ok_or_else(|| PyErr::type_error(format!("{what} must be str, not {}", bad_arg_type(o))))
}

/// An integer argument (`__index__`), `OverflowError` beyond `isize`.
fn isize_arg(o: &PyObject) -> PyResult<isize> {
    let i = ops::index(o)?;
    match as_int(&i) {
        Some(IntVal::Small(v)) => {
            isize::try_from(v).map_err(|_| PyErr::overflow("Python int too large to convert to C ssize_t"))
        }
        _ => Err(PyErr::overflow("Python int too large to convert to C ssize_t")),
    }
}

/// A `start`/`end` argument (`_PyEval_SliceIndex`): `None` is the default, an int beyond
/// `isize` is clamped.
fn slice_index(o: Option<&Obj>, default: isize) -> PyResult<isize> {
    let Some(o) = o.filter(|o| !o.is(immortals().none)) else { return Ok(default) };
    if as_int(o).is_none() && o.type_object().number.index.is_none() {
        return Err(PyErr::type_error("slice indices must be integers or None or have an __index__ method"));
    }
    let i = ops::index(o)?;
    Ok(match as_int(&i) {
        Some(IntVal::Small(v)) => v.clamp(isize::MIN as i64, isize::MAX as i64) as isize,
        Some(IntVal::Big(b)) if b.sign() == num_bigint::Sign::Minus => isize::MIN,
        _ => isize::MAX,
    })
}

/// CPython's `ADJUST_INDICES`: `end` is clamped to `[0, len]`, `start` only below.
fn adjust_indices(start: isize, end: isize, len: usize) -> (isize, isize) {
    let len = len as isize;
    let end = if end > len {
        len
    } else if end < 0 {
        (end + len).max(0)
    } else {
        end
    };
    let start = if start < 0 { (start + len).max(0) } else { start };
    (start, end)
}

/// The text of code points `start..end` (`0 <= start <= end <= len`).
fn char_range(s: &StrObject, start: usize, end: usize) -> &str {
    let t = s.as_str();
    if s.is_ascii() {
        return &t[start..end];
    }
    let from = s.byte_offset(start);
    let rest = &t[from..];
    let to = rest.char_indices().nth(end - start).map_or(rest.len(), |(b, _)| b);
    &rest[..to]
}

/// Evaluates `$body` with `$p` bound to the needle as the fastest pattern: a `char` when it is a
/// single byte (Rust searches those with `memchr`, as CPython special-cases one-character
/// needles), else the `&str` (two-way search).
macro_rules! with_pattern {
    ($needle:expr, |$p:ident| $body:expr) => {{
        let needle: &str = $needle;
        if needle.len() == 1 {
            let $p = char::from(needle.as_bytes()[0]);
            $body
        } else {
            let $p = needle;
            $body
        }
    }};
}

/// The byte offset of the first (`reverse`: last) occurrence of `needle` in `hay`: `memchr` for
/// one byte, `memmem` (SIMD prefilter, then two-way) otherwise, as CPython's `fastsearch`
/// special-cases one-character needles. A match of valid UTF-8 in valid UTF-8 starts at a
/// character boundary, so byte search finds what `str::find` finds.
fn find_text(hay: &str, needle: &str, reverse: bool) -> Option<usize> {
    let h = hay.as_bytes();
    match needle.as_bytes() {
        [] => Some(if reverse { hay.len() } else { 0 }),
        [b] if reverse => memchr::memrchr(*b, h),
        [b] => memchr::memchr(*b, h),
        n if reverse => memchr::memmem::rfind(h, n),
        n => memchr::memmem::find(h, n),
    }
}

/// Calls `f` with the byte offset of each non-overlapping occurrence of `needle` (not empty)
/// in `hay`, left to right, until `f` returns `false`.
fn each_match(hay: &str, needle: &str, mut f: impl FnMut(usize) -> bool) {
    let h = hay.as_bytes();
    match needle.as_bytes() {
        [b] => {
            for at in memchr::memchr_iter(*b, h) {
                if !f(at) {
                    return;
                }
            }
        }
        n => {
            for at in memchr::memmem::find_iter(h, n) {
                if !f(at) {
                    return;
                }
            }
        }
    }
}

/// The number of non-overlapping occurrences of `needle` (not empty) in `hay`.
fn count_matches(hay: &str, needle: &str) -> usize {
    match needle.as_bytes() {
        // One byte: a counting loop the compiler vectorises.
        [b] => hay.as_bytes().iter().filter(|&&c| c == *b).count(),
        n => memchr::memmem::find_iter(hay.as_bytes(), n).count(),
    }
}

/// The number of code points in `t[..byte]`.
fn chars_before(t: &str, byte: usize) -> usize {
    t[..byte].chars().count()
}

// ---- slots ---------------------------------------------------------------------------------

fn str_repr(o: &PyObject) -> PyResult<Obj> {
    let mut out = String::new();
    let s = str_obj(o);
    if s.has_lone_surrogates() {
        pyrt_pylib::str_repr::repr_code_points(s.code_points(), &mut out);
    } else if let Some(points) = (!s.is_ascii()).then(|| super::str_surrogates::original_code_points(text(o))).flatten()
    {
        // A stand-in of a string with lone surrogates (`str_surrogates`): its repr is theirs.
        pyrt_pylib::str_repr::repr_code_points(points.into_iter(), &mut out);
    } else {
        pyrt_pylib::str_repr::repr_str(text(o), &mut out);
    }
    new_string(out)
}

fn str_str(o: &PyObject) -> PyResult<Obj> {
    if std::ptr::eq(o.type_object(), types().str_type) { Ok(Obj::new_ref(o)) } else { new_str(text(o)) }
}

fn str_new(ty: &TypeObject, argv: &[Obj], kwnames: Option<&PyObject>) -> PyResult<Obj> {
    let names = kwnames.map_or(&[][..], items);
    let npos = argv.len() - names.len();
    if npos > 3 {
        return Err(PyErr::type_error(format!("str expected at most 3 arguments, got {npos}")));
    }
    if argv.len() > 3 {
        return Err(PyErr::type_error(format!("str() takes at most 3 arguments ({} given)", argv.len())));
    }
    // `str(object='', encoding='utf-8', errors='strict')`.
    let mut params: [Option<&Obj>; 3] = [None; 3];
    for (slot, v) in params.iter_mut().zip(&argv[..npos]) {
        *slot = Some(v);
    }
    for (name, v) in names.iter().zip(&argv[npos..]) {
        let name = str_value(name).unwrap_or("");
        match ["object", "encoding", "errors"].iter().position(|p| *p == name) {
            Some(i) if params[i].is_none() => params[i] = Some(v),
            Some(i) => {
                return Err(PyErr::type_error(format!(
                    "argument for str() given by name ('{name}') and position ({})",
                    i + 1
                )));
            }
            None => return Err(PyErr::type_error(format!("str() got an unexpected keyword argument '{name}'"))),
        }
    }
    let [object, encoding, errors] = params;
    let Some(x) = object else { return super::str::new_str_of_type(ty, "") };
    if encoding.is_some() || errors.is_some() {
        let arg = |o: Option<&Obj>, what: &str, default: &'static str| -> PyResult<String> {
            match o {
                None => Ok(default.to_owned()),
                Some(v) => str_value(v).map(str::to_owned).ok_or_else(|| {
                    PyErr::type_error(format!("str() argument '{what}' must be str, not {}", v.type_object().name()))
                }),
            }
        };
        let (encoding, errors) = (arg(encoding, "encoding", "utf-8")?, arg(errors, "errors", "strict")?);
        if as_str_object(x).is_some() {
            return Err(PyErr::type_error("decoding str is not supported"));
        }
        let Some(data) = super::bytes::buffer_data(x) else {
            return Err(PyErr::type_error(format!(
                "decoding to str: need a bytes-like object, {} found",
                x.type_object().name()
            )));
        };
        let decoded = super::codecs::decode(&data, &encoding, &errors)?;
        if std::ptr::eq(ty, types().str_type) {
            return Ok(decoded);
        }
        return super::str::new_str_of_type(ty, text(&decoded));
    }
    let value = ops::str(x)?;
    if std::ptr::eq(ty, types().str_type) && as_str_object(&value).is_some() {
        // `str(x)` is what `x.__str__()` returned, a subclass instance included; `str(s) is s`
        // for an exact str, as in CPython.
        return Ok(value);
    }
    let text = str_value(&value)
        .ok_or_else(|| PyErr::type_error(format!("__str__ returned non-string (type {})", ops::type_name(&value))))?;
    super::str::new_str_of_type(ty, text)
}

fn str_len(o: &PyObject) -> PyResult<usize> {
    Ok(as_str_object(o).map_or(0, StrObject::len))
}

fn str_richcompare(a: &PyObject, b: &PyObject, op: CompareOp) -> PyResult<Obj> {
    match (as_str_object(a), as_str_object(b)) {
        (Some(x), Some(y)) => Ok(new_bool(op.test(x.cmp_text(y)))),
        _ => not_implemented(),
    }
}

fn str_add(a: &PyObject, b: &PyObject) -> PyResult<Obj> {
    if as_str_object(a).is_some() && as_str_object(b).is_some() {
        // Concatenating an empty string gives the other one itself, as in CPython.
        super::str::concat(a, b)
    } else {
        not_implemented()
    }
}

/// `s * n` and `n * s`.
pub(crate) fn str_repeat(a: &PyObject, b: &PyObject) -> PyResult<Obj> {
    let (s, n) = if as_str_object(a).is_some() { (a, b) } else { (b, a) };
    if as_str_object(s).is_none() {
        return not_implemented();
    }
    if as_int(n).is_none() && n.type_object().number.index.is_none() {
        // Declined: the other operand's `__mul__`/`__rmul__` gets its turn, and when every
        // slot declines `abstract_ops` reports `can't multiply sequence by non-int`.
        return not_implemented();
    }
    let n = ops::index(n)?;
    let count = match as_int(&n) {
        Some(IntVal::Small(c)) => c.max(0) as usize,
        Some(IntVal::Big(b)) if b.sign() == num_bigint::Sign::Minus => 0,
        _ => return Err(PyErr::overflow("cannot fit 'int' into an index-sized integer")),
    };
    repeat_text(s, count)
}

fn repeat_text(obj: &PyObject, count: usize) -> PyResult<Obj> {
    if count == 1 && is_exact_str(obj) {
        return Ok(Obj::new_ref(obj));
    }
    let s = str_obj(obj);
    if s.len().checked_mul(count).is_none_or(|n| n > isize::MAX as usize) {
        return Err(PyErr::overflow("repeated string is too long"));
    }
    if s.has_lone_surrogates() {
        let mut points: Vec<u32> = Vec::new();
        points.try_reserve_exact(s.len() * count).map_err(|_| PyErr::from(pyrt_pylib::PyError::MemoryError))?;
        (0..count).for_each(|_| points.extend(s.code_points()));
        return super::str::new_str_from_code_points(&points);
    }
    let unit = s.as_str().as_bytes();
    let total = unit.len().saturating_mul(count);
    if s.is_ascii() {
        // Doubling, in place in the new string's block: O(log count) copies.
        return super::str::new_ascii_str_with(total, |out| {
            if total == 0 {
                return;
            }
            out[..unit.len()].copy_from_slice(unit);
            let mut filled = unit.len();
            while filled < total {
                let n = filled.min(total - filled);
                out.copy_within(..n, filled);
                filled += n;
            }
        });
    }
    let mut bytes: Vec<u8> = Vec::new();
    bytes.try_reserve_exact(total).map_err(|_| PyErr::from(pyrt_pylib::PyError::MemoryError))?;
    if total > 0 {
        // Doubling: O(log count) copies.
        bytes.extend_from_slice(unit);
        while bytes.len() * 2 <= total {
            bytes.extend_from_within(..);
        }
        bytes.extend_from_within(..total - bytes.len());
    }
    // SAFETY: `bytes` is `count` whole copies of `unit`, which is valid UTF-8 (every prefix
    // copied above is a whole number of copies, since `total - len` is a multiple of the unit).
    let text = unsafe { String::from_utf8_unchecked(bytes) };
    new_string(text)
}

/// An empty buffer with room for `bytes`, or `MemoryError` when the allocator refuses it: a
/// huge width or count raises, as a failed allocation does in CPython, instead of aborting.
fn text_buffer(bytes: usize) -> PyResult<String> {
    let mut out = String::new();
    out.try_reserve_exact(bytes).map_err(|_| PyErr::from(pyrt_pylib::PyError::MemoryError))?;
    Ok(out)
}

fn str_mod(a: &PyObject, b: &PyObject) -> PyResult<Obj> {
    if as_str_object(a).is_none() {
        return not_implemented();
    }
    if !super::str_surrogates::holds_surrogates(a) && !super::str_surrogates::holds_surrogates(b) {
        return formatting::printf(text(a), b);
    }
    // Lone surrogates in the format or the values are formatted through stand-ins.
    super::str_surrogates::call(&[Obj::new_ref(a), Obj::new_ref(b)], None, |ab, _| {
        formatting::printf(text(&ab[0]), &ab[1])
    })
}

fn str_contains(a: &PyObject, b: &PyObject) -> PyResult<bool> {
    if let (Some(hay), Some(needle)) = (as_str_object(a), as_str_object(b)) {
        if hay.has_lone_surrogates() || needle.has_lone_surrogates() {
            // The lossy views would match U+FFFD with a surrogate: compare code points.
            let (hay, needle): (Vec<u32>, Vec<u32>) = (hay.code_points().collect(), needle.code_points().collect());
            return Ok(needle.is_empty() || hay.windows(needle.len()).any(|w| w == needle.as_slice()));
        }
    }
    match str_value(b) {
        Some(needle) => Ok(find_text(text(a), needle, false).is_some()),
        None => Err(PyErr::type_error(format!(
            "'in <string>' requires string as left operand, not {}",
            b.type_object().name()
        ))),
    }
}

fn str_subscript(o: &PyObject, key: &PyObject) -> PyResult<Obj> {
    let s = str_obj(o);
    if let Some(sl) = super::range::as_slice(key) {
        let (start, stop, step, count) = sl.indices(s.len())?;
        if count == 0 {
            return new_str("");
        }
        if step == 1 && count == s.len() && is_exact_str(o) {
            // `s[:]` is `s`, as in CPython.
            return Ok(Obj::new_ref(o));
        }
        if step == 1 && s.is_ascii() {
            return super::str::new_ascii_str(&s.as_str().as_bytes()[start as usize..stop as usize]);
        }
        if s.has_lone_surrogates() {
            let points: Vec<u32> = (0..count).map(|k| s.code_point_at((start + k as isize * step) as usize)).collect();
            return super::str::new_str_from_code_points(&points);
        }
        // O(count) through the fixed-width index, whatever `start` is.
        let text: String = (0..count).map(|k| s.char_at((start + k as isize * step) as usize)).collect();
        return new_string(text);
    }
    if as_int(key).is_some() || key.type_object().number.index.is_some() {
        let i = ops::index_isize(key)?;
        let i = norm_index(i, s.len()).ok_or_else(|| PyErr::index_error("string index out of range"))?;
        return super::str::new_str_of_code_point(s.code_point_at(i));
    }
    Err(PyErr::type_error(format!("string indices must be integers, not '{}'", key.type_object().name())))
}

// ---- case mapping and predicates -----------------------------------------------------------

/// A case mapping: ASCII text maps byte for byte straight into the new string's block
/// (`$ascii`), anything else through the Unicode tables (`$f`).
macro_rules! case_method {
    ($name:literal, $f:path, $ascii:expr) => {
        surrogate_aware!($name, |a, k| {
            let s = no_args($name, a, k)?;
            let t = text(s);
            if str_obj(s).is_ascii() {
                let map: fn(&[u8], &mut [u8]) = $ascii;
                return super::str::new_ascii_str_with(t.len(), |out| map(t.as_bytes(), out));
            }
            let mut out = String::new();
            $f(t, &mut out);
            new_string(out)
        })
    };
}

/// A method entry whose code sees lone surrogates as themselves rather than as the UTF-8 view's
/// U+FFFD (see `super::str_surrogates`).
macro_rules! surrogate_aware {
    ($name:literal, $f:expr) => {
        MethodDef::method($name, |a, k| super::str_surrogates::call(a, k, $f))
    };
}

/// ASCII `lower` (and `casefold`).
fn ascii_lower(t: &[u8], out: &mut [u8]) {
    for (o, b) in out.iter_mut().zip(t) {
        *o = b.to_ascii_lowercase();
    }
}

/// ASCII `upper`.
fn ascii_upper(t: &[u8], out: &mut [u8]) {
    for (o, b) in out.iter_mut().zip(t) {
        *o = b.to_ascii_uppercase();
    }
}

/// ASCII `swapcase`.
fn ascii_swapcase(t: &[u8], out: &mut [u8]) {
    for (o, &b) in out.iter_mut().zip(t) {
        *o = if b.is_ascii_uppercase() { b.to_ascii_lowercase() } else { b.to_ascii_uppercase() };
    }
}

/// ASCII `title`: a letter after a letter is lowered, any other letter raised (the ASCII cased
/// characters are the letters).
fn ascii_title(t: &[u8], out: &mut [u8]) {
    let mut previous_is_cased = false;
    for (o, &b) in out.iter_mut().zip(t) {
        *o = if previous_is_cased { b.to_ascii_lowercase() } else { b.to_ascii_uppercase() };
        previous_is_cased = b.is_ascii_alphabetic();
    }
}

/// ASCII `capitalize`: the first character raised, the rest lowered.
fn ascii_capitalize(t: &[u8], out: &mut [u8]) {
    for (i, (o, b)) in out.iter_mut().zip(t).enumerate() {
        *o = if i == 0 { b.to_ascii_uppercase() } else { b.to_ascii_lowercase() };
    }
}

macro_rules! predicate {
    ($name:literal, $f:expr) => {
        surrogate_aware!($name, |a, k| {
            let s = no_args($name, a, k)?;
            let f: fn(&str) -> bool = $f;
            Ok(new_bool(f(text(s))))
        })
    };
}

// ---- searching -----------------------------------------------------------------------------

/// The receiver, the needle and the adjusted `start`/`end` of `find`-like methods.
fn find_args<'a>(
    name: &str,
    a: &'a [Obj],
    k: Option<&PyObject>,
) -> PyResult<(&'a StrObject, &'a StrObject, isize, isize)> {
    let (s, r) = var_args(name, a, k, 1, 3)?;
    let sub = as_str_object(&r[0])
        .ok_or_else(|| PyErr::type_error(format!("{name}() argument 1 must be str, not {}", bad_arg_type(&r[0]))))?;
    let s = str_obj(s);
    let (start, end) = adjust_indices(slice_index(r.get(1), 0)?, slice_index(r.get(2), isize::MAX)?, s.len());
    Ok((s, sub, start, end))
}

/// `find`/`rfind`: the code-point index of the first (last) match within `start..end`.
fn find_in(name: &str, a: &[Obj], k: Option<&PyObject>, reverse: bool) -> PyResult<Option<usize>> {
    let (s, sub, start, end) = find_args(name, a, k)?;
    if end - start < sub.len() as isize {
        return Ok(None);
    }
    let hay = char_range(s, start as usize, end as usize);
    let found = find_text(hay, sub.as_str(), reverse);
    Ok(found.map(|b| start as usize + if s.is_ascii() { b } else { chars_before(hay, b) }))
}

fn str_count(a: &[Obj], k: Option<&PyObject>) -> PyResult<Obj> {
    let (s, sub, start, end) = find_args("count", a, k)?;
    if end - start < sub.len() as isize {
        return new_int(0);
    }
    if sub.is_empty() {
        return new_int((end - start + 1) as i64);
    }
    let hay = char_range(s, start as usize, end as usize);
    new_int(count_matches(hay, sub.as_str()) as i64)
}

/// `startswith`/`endswith` (`prefix` a str or a tuple of them).
fn affix_test(a: &[Obj], k: Option<&PyObject>, name: &str, at_start: bool) -> PyResult<Obj> {
    let (s, r) = var_args(name, a, k, 1, 3)?;
    let s = str_obj(s);
    if let ([_], Some(p)) = (r, as_str_object(&r[0])) {
        // The whole string: a byte comparison of the texts.
        let (t, p) = (s.as_str(), p.as_str());
        return Ok(new_bool(if at_start { t.starts_with(p) } else { t.ends_with(p) }));
    }
    let (start, end) = adjust_indices(slice_index(r.get(1), 0)?, slice_index(r.get(2), isize::MAX)?, s.len());
    let test = |p: &StrObject| {
        if end - start < p.len() as isize {
            return false;
        }
        let hay = char_range(s, start as usize, end as usize);
        if at_start { hay.starts_with(p.as_str()) } else { hay.ends_with(p.as_str()) }
    };
    if tuple::is_tuple(&r[0]) {
        for p in items(&r[0]) {
            let p = as_str_object(p).ok_or_else(|| {
                PyErr::type_error(format!("tuple for {name} must only contain str, not {}", p.type_object().name()))
            })?;
            if test(p) {
                return Ok(new_bool(true));
            }
        }
        return Ok(new_bool(false));
    }
    let p = as_str_object(&r[0]).ok_or_else(|| {
        PyErr::type_error(format!("{name} first arg must be str or a tuple of str, not {}", r[0].type_object().name()))
    })?;
    Ok(new_bool(test(p)))
}

// ---- splitting, joining, stripping ---------------------------------------------------------

/// `split`/`rsplit` arguments: the separator (`None` for whitespace) and `maxsplit`.
fn split_args<'a>(
    name: &str,
    a: &'a [Obj],
    k: Option<&'a PyObject>,
) -> PyResult<(&'a StrObject, Option<&'a str>, isize)> {
    let (s, r) = kw_args(name, a, k, &["sep", "maxsplit"], 0, 0)?;
    let sep = match r[0].filter(|x| !x.is(immortals().none)) {
        Some(sep) => {
            let sep = str_value(sep)
                .ok_or_else(|| PyErr::type_error(format!("must be str or None, not {}", sep.type_object().name())))?;
            if sep.is_empty() {
                return Err(PyErr::value_error("empty separator"));
            }
            Some(sep)
        }
        None => None,
    };
    let maxsplit = match r[1] {
        Some(m) => isize_arg(m)?,
        None => -1,
    };
    Ok((str_obj(s), sep, maxsplit))
}

/// A new `str` of `piece`, a piece of `whole`'s text: an ASCII string's pieces are ASCII, so
/// they are copied into their objects without a scan for their kind.
#[inline]
fn new_piece(whole: &StrObject, piece: &str) -> PyResult<Obj> {
    if whole.is_ascii() { super::str::new_ascii_str(piece.as_bytes()) } else { new_str(piece) }
}

/// A list of pieces of `whole`.
fn new_piece_list<'t>(whole: &StrObject, parts: impl IntoIterator<Item = &'t str>) -> PyResult<Obj> {
    new_list(parts.into_iter().map(|p| new_piece(whole, p)).collect::<PyResult<_>>()?)
}

fn new_str_list(parts: impl IntoIterator<Item = impl AsRef<str>>) -> PyResult<Obj> {
    new_list(parts.into_iter().map(|p| new_str(p.as_ref())).collect::<PyResult<_>>()?)
}

/// The room a split's list starts with when the number of pieces is not known
/// (`PREALLOC_SIZE` of CPython's `stringlib/split.h`: `maxsplit + 1` up to 12).
fn split_prealloc(maxsplit: isize) -> usize {
    usize::try_from(maxsplit).map_or(12, |m| (m + 1).min(12))
}

/// `str.split`: the pieces go straight into the list's storage (no `Vec` in between).
fn str_split(a: &[Obj], k: Option<&PyObject>) -> PyResult<Obj> {
    let (s, sep, maxsplit) = split_args("split", a, k)?;
    let t = s.as_str();
    let piece = |p: &str| new_piece(s, p);
    match sep {
        None => new_list_collect(split_prealloc(maxsplit), uni::split_whitespace_iter(t, maxsplit).map(piece)),
        Some(sep) if sep.len() == 1 => {
            // A one-byte (ASCII) separator: `memchr` finds it (and counts the pieces first, so
            // the list is made at its final size), and splitting UTF-8 at an ASCII byte always
            // cuts at a character boundary.
            let limit = usize::try_from(maxsplit).unwrap_or(usize::MAX);
            let byte = sep.as_bytes()[0];
            let count = memchr::memchr_iter(byte, t.as_bytes()).count().min(limit) + 1;
            let mut cuts = memchr::memchr_iter(byte, t.as_bytes());
            let mut start = 0;
            let pieces = (0..count).map(|i| {
                let end = if i + 1 == count { t.len() } else { cuts.next().unwrap_or(t.len()) };
                let p = &t[start..end];
                start = (end + 1).min(t.len());
                piece(p)
            });
            new_list_collect(count, pieces)
        }
        Some(sep) if maxsplit < 0 => new_list_collect(split_prealloc(maxsplit), t.split(sep).map(piece)),
        Some(sep) => new_list_collect(split_prealloc(maxsplit), t.splitn(maxsplit as usize + 1, sep).map(piece)),
    }
}

fn str_rsplit(a: &[Obj], k: Option<&PyObject>) -> PyResult<Obj> {
    let (s, sep, maxsplit) = split_args("rsplit", a, k)?;
    let t = s.as_str();
    let mut parts: Vec<&str> = match sep {
        None => return new_piece_list(s, uni::rsplit_whitespace(t, maxsplit)),
        Some(sep) if maxsplit < 0 => with_pattern!(sep, |p| t.rsplit(p).collect()),
        Some(sep) => with_pattern!(sep, |p| t.rsplitn(maxsplit as usize + 1, p).collect()),
    };
    parts.reverse();
    new_piece_list(s, parts)
}

fn str_splitlines(a: &[Obj], k: Option<&PyObject>) -> PyResult<Obj> {
    let (s, r) = kw_args("splitlines", a, k, &["keepends"], 0, 0)?;
    let keepends = match r[0] {
        Some(v) => ops::is_true(v)?,
        None => false,
    };
    new_str_list(uni::splitlines(text(s), keepends))
}

fn partition(a: &[Obj], k: Option<&PyObject>, name: &str, reverse: bool) -> PyResult<Obj> {
    let (s, sep) = one_arg(name, a, k)?;
    let sep =
        str_arg("", sep).map_err(|_| PyErr::type_error(format!("must be str, not {}", sep.type_object().name())))?;
    if sep.is_empty() {
        return Err(PyErr::value_error("empty separator"));
    }
    let t = text(s);
    let sep = sep.as_str();
    let found = find_text(t, sep, reverse);
    let parts = match found {
        Some(b) => [&t[..b], sep, &t[b + sep.len()..]],
        None if reverse => ["", "", t],
        None => [t, "", ""],
    };
    new_tuple(parts.into_iter().map(|p| new_piece(str_obj(s), p)).collect::<PyResult<_>>()?)
}

fn str_join(a: &[Obj], k: Option<&PyObject>) -> PyResult<Obj> {
    let (s, iterable) = one_arg("join", a, k)?;
    let sep = text(s);
    let parts = if tuple::is_tuple(iterable) {
        items(iterable).to_vec()
    } else if let Some(l) = super::list::as_list(iterable) {
        l.items().to_vec()
    } else {
        let ty = iterable.type_object();
        if ty.iter.is_none() && ty.mapping.subscript.is_none() {
            return Err(PyErr::type_error("can only join an iterable"));
        }
        ops::collect(iterable)?
    };
    if let [only] = &parts[..] {
        if is_exact_str(only) {
            return Ok(only.clone());
        }
    }
    if str_obj(s).has_lone_surrogates()
        || parts.iter().any(|p| as_str_object(p).is_some_and(|p| p.has_lone_surrogates()))
    {
        let mut strs = Vec::with_capacity(parts.len());
        for (i, p) in parts.iter().enumerate() {
            strs.push(as_str_object(p).ok_or_else(|| {
                PyErr::type_error(format!("sequence item {i}: expected str instance, {} found", p.type_object().name()))
            })?);
        }
        return super::str::join_code_points(Some(str_obj(s)), &strs);
    }
    let mut size = sep.len().saturating_mul(parts.len().saturating_sub(1));
    let mut ascii = str_obj(s).is_ascii();
    for p in &parts {
        if let Some(p) = as_str_object(p) {
            size = size.saturating_add(p.as_str().len());
            ascii &= p.is_ascii();
        } else {
            ascii = false;
        }
    }
    if ascii {
        // Every piece is ASCII: copied straight into the new string's block.
        if size > isize::MAX as usize {
            return Err(PyErr::from(pyrt_pylib::PyError::MemoryError));
        }
        return super::str::new_ascii_str_with(size, |out| {
            let mut at = 0;
            for (i, p) in parts.iter().enumerate() {
                if i > 0 {
                    out[at..at + sep.len()].copy_from_slice(sep.as_bytes());
                    at += sep.len();
                }
                let t = text(p).as_bytes();
                out[at..at + t.len()].copy_from_slice(t);
                at += t.len();
            }
        });
    }
    let mut out = text_buffer(size)?;
    for (i, p) in parts.iter().enumerate() {
        let Some(t) = str_value(p) else {
            return Err(PyErr::type_error(format!(
                "sequence item {i}: expected str instance, {} found",
                p.type_object().name()
            )));
        };
        if i > 0 {
            out.push_str(sep);
        }
        out.push_str(t);
    }
    new_string(out)
}

fn strip(a: &[Obj], k: Option<&PyObject>, name: &str, left: bool, right: bool) -> PyResult<Obj> {
    let (s, r) = var_args(name, a, k, 0, 1)?;
    let t = text(s);
    let stripped = match r.first().filter(|c| !c.is(immortals().none)) {
        Some(c) => {
            let set = str_value(c).ok_or_else(|| PyErr::type_error(format!("{name} arg must be None or str")))?;
            let pred = |c: char| set.contains(c);
            let t = if left { t.trim_start_matches(pred) } else { t };
            if right { t.trim_end_matches(pred) } else { t }
        }
        None => {
            let t = if left { t.trim_start_matches(uni::is_space) } else { t };
            if right { t.trim_end_matches(uni::is_space) } else { t }
        }
    };
    if stripped.len() == t.len() { unchanged(s) } else { new_piece(str_obj(s), stripped) }
}

fn affix_remove(a: &[Obj], k: Option<&PyObject>, name: &str, prefix: bool) -> PyResult<Obj> {
    let (s, affix) = one_arg(name, a, k)?;
    let affix = str_value(affix)
        .ok_or_else(|| PyErr::type_error(format!("{name}() argument must be str, not {}", bad_arg_type(affix))))?;
    let t = text(s);
    let rest = if prefix { t.strip_prefix(affix) } else { t.strip_suffix(affix) };
    match rest {
        Some(r) if !affix.is_empty() => new_str(r),
        _ => unchanged(s),
    }
}

// ---- padding, tabs, replace ----------------------------------------------------------------

/// `center`/`ljust`/`rjust`: `left_share` gives the left padding from the total.
fn justify(a: &[Obj], k: Option<&PyObject>, name: &str, left_share: fn(usize, usize) -> usize) -> PyResult<Obj> {
    let (s, r) = var_args(name, a, k, 1, 2)?;
    let width = isize_arg(&r[0])?;
    let fill = match r.get(1) {
        None => ' ',
        Some(f) => {
            let fs = as_str_object(f).ok_or_else(|| {
                PyErr::type_error(format!("The fill character must be a unicode character, not {}", ops::type_name(f)))
            })?;
            if fs.len() != 1 {
                return Err(PyErr::type_error("The fill character must be exactly one character long"));
            }
            fs.char_at(0)
        }
    };
    let len = str_obj(s).len();
    if width <= len as isize {
        return unchanged(s);
    }
    let width = width as usize;
    let total = width - len;
    let left = left_share(total, width);
    let mut out = text_buffer(total.saturating_mul(fill.len_utf8()).saturating_add(text(s).len()))?;
    out.extend(std::iter::repeat_n(fill, left));
    out.push_str(text(s));
    out.extend(std::iter::repeat_n(fill, total - left));
    new_string(out)
}

fn str_zfill(a: &[Obj], k: Option<&PyObject>) -> PyResult<Obj> {
    let (s, w) = one_arg("zfill", a, k)?;
    let width = isize_arg(w)?;
    let t = text(s);
    let len = str_obj(s).len();
    if width <= len as isize {
        return unchanged(s);
    }
    let zeros = width as usize - len;
    let (sign, rest) = match t.as_bytes().first() {
        Some(b'+' | b'-') => t.split_at(1),
        _ => ("", t),
    };
    let mut out = text_buffer(t.len().saturating_add(zeros))?;
    out.push_str(sign);
    out.extend(std::iter::repeat_n('0', zeros));
    out.push_str(rest);
    new_string(out)
}

fn str_expandtabs(a: &[Obj], k: Option<&PyObject>) -> PyResult<Obj> {
    let (s, r) = kw_args("expandtabs", a, k, &["tabsize"], 0, 0)?;
    let tabsize = match r[0] {
        // A C int in CPython.
        Some(t) => {
            i32::try_from(isize_arg(t)?).map_err(|_| PyErr::overflow("Python int too large to convert to C int"))?
        }
        None => 8,
    };
    let t = text(s);
    if !t.contains('\t') {
        return unchanged(s);
    }
    // Two passes, as CPython: the size first (so a huge tab size raises before anything is
    // written), then the text.
    let tab = |column: usize| if tabsize > 0 { tabsize as usize - column % tabsize as usize } else { 0 };
    let (mut size, mut column) = (0usize, 0usize);
    for c in t.chars() {
        let add = if c == '\t' { tab(column) } else { 1 };
        column = if c == '\n' || c == '\r' { 0 } else { column + add };
        size = size
            .checked_add(if c == '\t' { add } else { c.len_utf8() })
            .filter(|&n| n <= isize::MAX as usize)
            .ok_or_else(|| PyErr::overflow("new string is too long"))?;
    }
    let mut out = text_buffer(size)?;
    column = 0;
    for c in t.chars() {
        if c == '\t' {
            let incr = tab(column);
            column += incr;
            out.extend(std::iter::repeat_n(' ', incr));
        } else {
            column = if c == '\n' || c == '\r' { 0 } else { column + 1 };
            out.push(c);
        }
    }
    new_string(out)
}

fn str_replace(a: &[Obj], k: Option<&PyObject>) -> PyResult<Obj> {
    let (s, r) = kw_args("replace", a, k, &["old", "new", "count"], 2, 2)?;
    let arg = |i: usize| {
        let o = r[i].expect("required");
        str_value(o).ok_or_else(|| {
            PyErr::type_error(format!("replace() argument {} must be str, not {}", i + 1, bad_arg_type(o)))
        })
    };
    let (old, new) = (arg(0)?, arg(1)?);
    let count = match r[2] {
        Some(c) => isize_arg(c)?,
        None => -1,
    };
    let t = text(s);
    if count == 0 || (!old.is_empty() && find_text(t, old, false).is_none()) {
        return unchanged(s);
    }
    if let ([from], [to], true) = (old.as_bytes(), new.as_bytes(), count < 0 && str_obj(s).is_ascii()) {
        // One ASCII byte for another, everywhere: a byte map.
        let (from, to) = (*from, *to);
        return super::str::new_ascii_str_with(t.len(), |out| {
            for (o, &b) in out.iter_mut().zip(t.as_bytes()) {
                *o = if b == from { to } else { b };
            }
        });
    }
    if str_obj(s).is_ascii() && new.is_ascii() && !old.is_empty() {
        // ASCII in, ASCII out: the matches are counted, then the text is written once,
        // straight into the new string's block.
        let matches = count_matches(t, old);
        let n = if count < 0 { matches } else { matches.min(count as usize) };
        let size = (n as u128 * new.len() as u128 + t.len() as u128).saturating_sub(n as u128 * old.len() as u128);
        if size > isize::MAX as u128 {
            return Err(PyErr::overflow("replace string is too long"));
        }
        return super::str::new_ascii_str_with(size as usize, |out| {
            let (mut at, mut last) = (0, 0);
            let mut copy = |piece: &[u8]| {
                out[at..at + piece.len()].copy_from_slice(piece);
                at += piece.len();
            };
            let mut left = n;
            each_match(t, old, |m| {
                if left == 0 {
                    return false;
                }
                left -= 1;
                copy(&t.as_bytes()[last..m]);
                copy(new.as_bytes());
                last = m + old.len();
                true
            });
            copy(&t.as_bytes()[last..]);
        });
    }
    if new.len() <= old.len() && !old.is_empty() {
        // The result is no longer than the text: one pass, no size check needed.
        return new_string(with_pattern!(old, |p| if count < 0 {
            t.replace(p, new)
        } else {
            t.replacen(p, new, count as usize)
        }));
    }
    // A growing result: its size first (an empty `old` matches len + 1 times), then the text.
    let matches = if old.is_empty() { str_obj(s).len() + 1 } else { count_matches(t, old) };
    let n = if count < 0 { matches } else { matches.min(count as usize) };
    let size = (n as u128 * new.len() as u128 + t.len() as u128).saturating_sub(n as u128 * old.len() as u128);
    if size > isize::MAX as u128 {
        return Err(PyErr::overflow("replace string is too long"));
    }
    let mut out = text_buffer(size as usize)?;
    let mut last = 0;
    with_pattern!(old, |p| {
        for (at, m) in t.match_indices(p).take(n) {
            out.push_str(&t[last..at]);
            out.push_str(new);
            last = at + m.len();
        }
    });
    out.push_str(&t[last..]);
    new_string(out)
}

// ---- translate / maketrans -----------------------------------------------------------------

fn str_translate(a: &[Obj], k: Option<&PyObject>) -> PyResult<Obj> {
    let (s, table) = one_arg("translate", a, k)?;
    let lookup_error = types().exc.named("LookupError");
    let mut out = String::with_capacity(text(s).len());
    for c in text(s).chars() {
        let key = new_int(c as i64)?;
        let mapped = match ops::get_item(table, &key) {
            Ok(v) => v,
            Err(e) if e.matches(lookup_error) => {
                out.push(c);
                continue;
            }
            Err(e) => return Err(e),
        };
        if mapped.is(immortals().none) {
            continue;
        }
        if let Some(t) = str_value(&mapped) {
            // Mappings can multiply the size: a refused allocation is MemoryError.
            out.try_reserve(t.len()).map_err(|_| PyErr::from(pyrt_pylib::PyError::MemoryError))?;
            out.push_str(t);
        } else if let Some(v) = as_int(&mapped) {
            let cp = match v {
                IntVal::Small(v) => u32::try_from(v).ok().filter(|&v| v < 0x110000),
                IntVal::Big(_) => None,
            }
            .ok_or_else(|| PyErr::value_error("character mapping must be in range(0x110000)"))?;
            // Surrogates cannot be stored (the strings are Rust `str`).
            out.push(
                char::from_u32(cp)
                    .ok_or_else(|| PyErr::value_error("character mapping to a surrogate is not supported"))?,
            );
        } else {
            return Err(PyErr::type_error("character mapping must return integer, None or str"));
        }
    }
    new_string(out)
}

fn str_maketrans(a: &[Obj], k: Option<&PyObject>) -> PyResult<Obj> {
    if k.is_some_and(|k| !items(k).is_empty()) {
        return Err(PyErr::type_error("str.maketrans() takes no keyword arguments"));
    }
    let n = a.len();
    if n == 0 {
        return Err(PyErr::type_error("maketrans expected at least 1 argument, got 0"));
    }
    if n > 3 {
        return Err(PyErr::type_error(format!("maketrans expected at most 3 arguments, got {n}")));
    }
    let result = new_dict()?;
    let d = as_dict(&result).expect("a dict");
    if n == 1 {
        let Some(src) = as_dict(&a[0]) else {
            return Err(PyErr::type_error("if you give only one argument to maketrans it must be a dict"));
        };
        for (key, value) in src.items() {
            let key = if as_int(&key).is_some() {
                key
            } else if let Some(ks) = as_str_object(&key) {
                if ks.len() != 1 {
                    return Err(PyErr::value_error("string keys in translate table must be of length 1"));
                }
                new_int(ks.char_at(0) as i64)?
            } else {
                return Err(PyErr::type_error("keys in translate table must be strings or integers"));
            };
            d.set(key, value)?;
        }
        return Ok(result);
    }
    // Clinic converts `y` (and `z`) before the body looks at `x`.
    let y = str_arg("maketrans() argument 2", &a[1])?;
    let z = a.get(2).map(|z| str_arg("maketrans() argument 3", z)).transpose()?;
    let Some(x) = as_str_object(&a[0]) else {
        return Err(PyErr::type_error("first maketrans argument must be a string if there is a second argument"));
    };
    if x.len() != y.len() {
        return Err(PyErr::value_error("the first two maketrans arguments must have equal length"));
    }
    for (from, to) in x.as_str().chars().zip(y.as_str().chars()) {
        d.set(new_int(from as i64)?, new_int(to as i64)?)?;
    }
    if let Some(z) = z {
        for c in z.as_str().chars() {
            d.set(new_int(c as i64)?, args::none())?;
        }
    }
    Ok(result)
}

// ---- dunder methods ------------------------------------------------------------------------

/// A slot wrapper's argument check (`expected 1 argument, got 0`).
fn wrapper_args<'a>(a: &'a [Obj], k: Option<&PyObject>, n: usize, name: &str) -> PyResult<(&'a Obj, &'a [Obj])> {
    reject_keywords(name, k)?;
    let (s, rest) = receiver(name, a)?;
    if rest.len() != n {
        return Err(PyErr::type_error(format!("expected {n} argument{}, got {}", plural(n), rest.len())));
    }
    Ok((s, rest))
}

/// `__mul__`/`__rmul__` unpack their argument with an empty function name in CPython
/// (`PyArg_UnpackTuple(args, "", 1, 1, ...)`), hence the message's leading space.
fn repeat_wrapper_args<'a>(a: &'a [Obj], k: Option<&PyObject>, name: &str) -> PyResult<(&'a Obj, &'a [Obj])> {
    reject_keywords(name, k)?;
    let (s, rest) = receiver(name, a)?;
    if rest.len() != 1 {
        return Err(PyErr::type_error(format!(" expected 1 argument, got {}", rest.len())));
    }
    Ok((s, rest))
}

macro_rules! compare_method {
    ($name:literal, $op:expr) => {
        MethodDef::method($name, |a, k| {
            let (s, r) = wrapper_args(a, k, 1, $name)?;
            str_richcompare(s, &r[0], $op)
        })
    };
}

fn format_method(a: &[Obj], k: Option<&PyObject>) -> PyResult<Obj> {
    let (s, rest) = receiver("format", a)?;
    formatting::str_format(text(s), rest, k)
}

fn format_map_method(a: &[Obj], k: Option<&PyObject>) -> PyResult<Obj> {
    let (s, mapping) = one_arg("format_map", a, k)?;
    formatting::str_format_map(text(s), mapping)
}

fn dunder_format(a: &[Obj], k: Option<&PyObject>) -> PyResult<Obj> {
    let (s, spec) = one_arg("__format__", a, k)?;
    let spec = formatting::spec_arg(spec)?;
    formatting::format_str_value(s, spec)
}

pub(crate) static STR_METHODS: &[MethodDef] = &[
    case_method!("capitalize", uni::capitalize, ascii_capitalize),
    case_method!("casefold", uni::casefold, ascii_lower),
    case_method!("lower", uni::lower, ascii_lower),
    case_method!("upper", uni::upper, ascii_upper),
    case_method!("swapcase", uni::swapcase, ascii_swapcase),
    case_method!("title", uni::title, ascii_title),
    predicate!("isalnum", |t| uni::str_all(t, uni::is_alnum)),
    predicate!("isalpha", |t| uni::str_all(t, uni::is_alpha)),
    predicate!("isascii", str::is_ascii),
    predicate!("isdecimal", |t| uni::str_all(t, uni::is_decimal)),
    predicate!("isdigit", |t| uni::str_all(t, uni::is_digit)),
    predicate!("isidentifier", uni::str_isidentifier),
    predicate!("islower", uni::str_islower),
    predicate!("isnumeric", |t| uni::str_all(t, uni::is_numeric)),
    // A lone surrogate (category Cs) is not printable; the lossy view's U+FFFD would be.
    MethodDef::method("isprintable", |a, k| {
        let s = no_args("isprintable", a, k)?;
        Ok(new_bool(!str_obj(s).has_lone_surrogates() && uni::str_isprintable(text(s))))
    }),
    predicate!("isspace", |t| uni::str_all(t, uni::is_space)),
    predicate!("istitle", uni::str_istitle),
    predicate!("isupper", uni::str_isupper),
    surrogate_aware!("center", |a, k| {
        // CPython's `pad(self, marg / 2 + (marg & width & 1), ...)`.
        justify(a, k, "center", |total, width| total / 2 + (total & width & 1))
    }),
    surrogate_aware!("ljust", |a, k| justify(a, k, "ljust", |_, _| 0)),
    surrogate_aware!("rjust", |a, k| justify(a, k, "rjust", |total, _| total)),
    surrogate_aware!("zfill", str_zfill),
    surrogate_aware!("expandtabs", str_expandtabs),
    surrogate_aware!("count", str_count),
    surrogate_aware!("find", |a, k| new_int(find_in("find", a, k, false)?.map_or(-1, |i| i as i64))),
    surrogate_aware!("rfind", |a, k| new_int(find_in("rfind", a, k, true)?.map_or(-1, |i| i as i64))),
    surrogate_aware!("index", |a, k| match find_in("index", a, k, false)? {
        Some(i) => new_int(i as i64),
        None => Err(PyErr::value_error("substring not found")),
    }),
    surrogate_aware!("rindex", |a, k| match find_in("rindex", a, k, true)? {
        Some(i) => new_int(i as i64),
        None => Err(PyErr::value_error("substring not found")),
    }),
    surrogate_aware!("startswith", |a, k| affix_test(a, k, "startswith", true)),
    MethodDef::method("encode", super::codecs::str_encode),
    // `(str(self),)`: a copy, never `self` (what `copy` and `pickle` rebuild the string from).
    MethodDef::method("__getnewargs__", |a, k| {
        let s = str_obj(no_args("__getnewargs__", a, k)?);
        let copy = if s.has_lone_surrogates() {
            super::str::new_str_from_code_points(&s.code_points().collect::<Vec<_>>())?
        } else {
            super::str::new_str_of_type(types().str_type, s.as_str())?
        };
        new_tuple(vec![copy])
    }),
    surrogate_aware!("endswith", |a, k| affix_test(a, k, "endswith", false)),
    surrogate_aware!("removeprefix", |a, k| affix_remove(a, k, "removeprefix", true)),
    surrogate_aware!("removesuffix", |a, k| affix_remove(a, k, "removesuffix", false)),
    MethodDef::method("join", str_join),
    surrogate_aware!("split", str_split),
    surrogate_aware!("rsplit", str_rsplit),
    surrogate_aware!("splitlines", str_splitlines),
    surrogate_aware!("partition", |a, k| partition(a, k, "partition", false)),
    surrogate_aware!("rpartition", |a, k| partition(a, k, "rpartition", true)),
    surrogate_aware!("strip", |a, k| strip(a, k, "strip", true, true)),
    surrogate_aware!("lstrip", |a, k| strip(a, k, "lstrip", true, false)),
    surrogate_aware!("rstrip", |a, k| strip(a, k, "rstrip", false, true)),
    surrogate_aware!("replace", str_replace),
    surrogate_aware!("translate", str_translate),
    MethodDef::function("maketrans", str_maketrans),
    surrogate_aware!("format", format_method),
    surrogate_aware!("format_map", format_map_method),
    surrogate_aware!("__format__", dunder_format),
    MethodDef::method("__getitem__", |a, k| {
        let (s, r) = wrapper_args(a, k, 1, "__getitem__")?;
        str_subscript(s, &r[0])
    }),
    MethodDef::method("__len__", |a, k| new_int(str_len(wrapper_args(a, k, 0, "__len__")?.0)? as i64)),
    surrogate_aware!("__contains__", |a, k| {
        let (s, r) = wrapper_args(a, k, 1, "__contains__")?;
        Ok(new_bool(str_contains(s, &r[0])?))
    }),
    MethodDef::method("__iter__", |a, k| new_seq_iter(wrapper_args(a, k, 0, "__iter__")?.0.clone())),
    MethodDef::method("__hash__", |a, k| new_int(str_obj(wrapper_args(a, k, 0, "__hash__")?.0).hash() as i64)),
    MethodDef::method("__add__", |a, k| {
        let (s, r) = wrapper_args(a, k, 1, "__add__")?;
        if as_str_object(&r[0]).is_none() {
            return not_implemented();
        }
        str_add(s, &r[0])
    }),
    MethodDef::method("__mul__", |a, k| {
        let (s, r) = repeat_wrapper_args(a, k, "__mul__")?;
        let count = isize_arg(&r[0])?;
        repeat_text(s, count.max(0) as usize)
    }),
    MethodDef::method("__rmul__", |a, k| {
        let (s, r) = repeat_wrapper_args(a, k, "__rmul__")?;
        let count = isize_arg(&r[0])?;
        repeat_text(s, count.max(0) as usize)
    }),
    surrogate_aware!("__mod__", |a, k| {
        let (s, r) = wrapper_args(a, k, 1, "__mod__")?;
        formatting::printf(text(s), &r[0])
    }),
    surrogate_aware!("__rmod__", |a, k| {
        // `other % s`: formats only when `other` is a str.
        let (s, r) = wrapper_args(a, k, 1, "__rmod__")?;
        str_mod(&r[0], s)
    }),
    MethodDef::method("__repr__", |a, k| str_repr(wrapper_args(a, k, 0, "__repr__")?.0)),
    MethodDef::method("__str__", |a, k| str_str(wrapper_args(a, k, 0, "__str__")?.0)),
    compare_method!("__eq__", CompareOp::Eq),
    compare_method!("__ne__", CompareOp::Ne),
    compare_method!("__lt__", CompareOp::Lt),
    compare_method!("__le__", CompareOp::Le),
    compare_method!("__gt__", CompareOp::Gt),
    compare_method!("__ge__", CompareOp::Ge),
];

#[cfg(test)]
mod tests {
    use super::*;

    fn with<R>(f: impl FnOnce() -> R) -> R {
        crate::Runtime::initialize();
        crate::attach(|_py| f())
    }

    fn s(text: &str) -> Obj {
        new_str(text).unwrap()
    }

    /// `recv.name(*pos, **kw)` as `repr()` text, or the exception as `Class: message`.
    fn call(recv: &str, name: &str, pos: &[Obj], kw: &[(&str, Obj)]) -> String {
        let meth = ops::get_attr_str(&s(recv), name).unwrap();
        let mut argv: Vec<Obj> = pos.to_vec();
        argv.extend(kw.iter().map(|(_, v)| v.clone()));
        let names = (!kw.is_empty()).then(|| new_tuple(kw.iter().map(|(n, _)| s(n)).collect()).unwrap());
        match ops::call(&meth, &argv, names.as_deref()) {
            Ok(v) => ops::repr_text(&v).unwrap(),
            Err(e) => e.to_string(),
        }
    }

    fn int(v: i64) -> Obj {
        new_int(v).unwrap()
    }

    #[test]
    fn adjust_indices_follows_cpython() {
        assert_eq!(adjust_indices(0, isize::MAX, 5), (0, 5));
        assert_eq!(adjust_indices(-2, -1, 5), (3, 4));
        assert_eq!(adjust_indices(-10, -10, 5), (0, 0));
        // `start` is not clamped above: `'abc'.find('', 4)` is -1.
        assert_eq!(adjust_indices(7, isize::MAX, 5), (7, 5));
    }

    #[test]
    fn case_mapping_uses_special_casing_and_final_sigma() {
        with(|| {
            assert_eq!(call("straße", "upper", &[], &[]), "'STRASSE'");
            assert_eq!(call("İ", "lower", &[], &[]), "'i̇'");
            assert_eq!(call("ΟΔΟΣ ΟΔΟΣ.", "lower", &[], &[]), "'οδος οδος.'");
            assert_eq!(call("ǆemal", "title", &[], &[]), "'ǅemal'");
            assert_eq!(call("ß", "casefold", &[], &[]), "'ss'");
            assert_eq!(call("ǅ", "istitle", &[], &[]), "True");
            assert_eq!(call("²", "isdecimal", &[], &[]), "False");
            assert_eq!(call("²", "isdigit", &[], &[]), "True");
        });
    }

    #[test]
    fn searching_counts_code_points_within_start_and_end() {
        with(|| {
            assert_eq!(call("héllo héllo", "find", &[s("l"), int(4)], &[]), "8");
            assert_eq!(call("héllo héllo", "rfind", &[s("é"), int(0), int(-4)], &[]), "1");
            assert_eq!(call("abc", "find", &[s(""), int(4)], &[]), "-1");
            assert_eq!(call("abc", "count", &[s("")], &[]), "4");
            assert_eq!(call("aaaa", "count", &[s("aa")], &[]), "2");
            assert_eq!(call("abc", "index", &[s("z")], &[]), "ValueError: substring not found");
            assert_eq!(call("abc", "startswith", &[new_tuple(vec![s("x"), s("b")]).unwrap(), int(1)], &[]), "True");
            assert_eq!(call("abc", "find", &[int(1)], &[]), "TypeError: find() argument 1 must be str, not int");
        });
    }

    #[test]
    fn split_and_replace_take_keywords_with_clinic_messages() {
        with(|| {
            assert_eq!(call("a,b,c", "split", &[], &[("sep", s(",")), ("maxsplit", int(1))]), "['a', 'b,c']");
            assert_eq!(call(" a b c ", "rsplit", &[], &[("maxsplit", int(1))]), "[' a b', 'c']");
            assert_eq!(call("aaa", "replace", &[s("a"), s("b")], &[("count", int(2))]), "'bba'");
            assert_eq!(
                call("a", "split", &[s(",")], &[("sep", s(","))]),
                "TypeError: argument for split() given by name ('sep') and position (1)"
            );
            assert_eq!(
                call("a", "split", &[], &[("x", int(1))]),
                "TypeError: split() got an unexpected keyword argument 'x'"
            );
            assert_eq!(
                call("a", "replace", &[s("a")], &[]),
                "TypeError: replace() takes at least 2 positional arguments (1 given)"
            );
            assert_eq!(call("a\r\nb", "splitlines", &[], &[("keepends", new_bool(true))]), "['a\\r\\n', 'b']");
        });
    }

    #[test]
    fn padding_translation_and_argument_errors() {
        with(|| {
            assert_eq!(call("ab", "center", &[int(5), s("*")], &[]), "'**ab*'");
            assert_eq!(call("-42", "zfill", &[int(6)], &[]), "'-00042'");
            assert_eq!(call("a\tb", "expandtabs", &[], &[("tabsize", int(4))]), "'a   b'");
            assert_eq!(
                call("a", "center", &[int(5), s("ab")], &[]),
                "TypeError: The fill character must be exactly one character long"
            );
            assert_eq!(call("a", "upper", &[int(1)], &[]), "TypeError: str.upper() takes no arguments (1 given)");
            let table = call("", "maketrans", &[s("ab"), s("xy"), s("c")], &[]);
            assert_eq!(table, "{97: 120, 98: 121, 99: None}");
            assert_eq!(
                call("", "maketrans", &[s("ab"), s("c")], &[]),
                "ValueError: the first two maketrans arguments must have equal length"
            );
        });
    }

    #[test]
    fn slicing_with_steps_and_repetition() {
        with(|| {
            let text = s("héllo😀");
            let slice = |a: i64, b: i64, c: i64| {
                let sl = super::super::range::new_slice(int(a), int(b), int(c)).unwrap();
                ops::repr_text(&str_subscript(&text, &sl).unwrap()).unwrap()
            };
            assert_eq!(slice(5, 0, -2), "'😀lé'");
            assert_eq!(slice(1, 4, 1), "'éll'");
            assert_eq!(slice(-100, 100, 3), "'hl'");
            let err = str_repeat(&s("ab"), &new_int(i64::MAX).unwrap()).unwrap_err();
            assert_eq!(err.to_string(), "OverflowError: repeated string is too long");
            assert_eq!(ops::repr_text(&str_repeat(&int(2), &s("é")).unwrap()).unwrap(), "'éé'");
            for n in 0..40 {
                let r = str_repeat(&s("a😀"), &int(n)).unwrap();
                assert_eq!(str_value(&r), Some("a😀".repeat(n as usize).as_str()));
            }
        });
    }

    #[test]
    fn subclass_instances_keep_their_text_after_the_dict_slot() {
        with(|| {
            let ns = new_dict().unwrap();
            let bases = vec![Obj::new_ref(types().str_type.as_object())];
            let cls = super::super::classobj::new_class("S", bases, ns).unwrap();
            let ty = super::super::typeobj::as_type(&cls).unwrap();
            let obj = super::super::str::new_str_of_type(ty, "héllo").unwrap();
            assert_eq!(str_value(&obj), Some("héllo"));
            assert_eq!(str_obj(&obj).char_at(1), 'é');
            ops::set_attr(&obj, &s("tag"), Some(&int(1))).unwrap();
            assert_eq!(str_value(&obj), Some("héllo"));
        });
    }
}
