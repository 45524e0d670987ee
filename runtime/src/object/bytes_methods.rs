//! The methods `bytes` and `bytearray` share, written once over byte slices.
//!
//! Each method reads its receiver with [`buffer_data`] (borrowed for `bytes`, a snapshot copy
//! for `bytearray`, so no Python code run while converting arguments can invalidate it) and
//! builds byte results of the receiver's kind with [`new_like`] (`bytearray.upper()` is a
//! `bytearray`). Character classes are ASCII only, as in CPython's `bytes_methods.c`; `start`
//! and `end` arguments are clamped as CPython's `ADJUST_INDICES` does. The `%` operator
//! runs pyrt-pylib's `printf` on the format read as Latin-1 text, with `%b`/`%s` taking
//! bytes-like objects (or `__bytes__`), `%r`/`%a` taking `ascii()`, and `%c` one byte.

use super::abstract_ops as ops;
use super::builtin::{MethodDef, args};
use super::bytes::{self as b, buffer_data, new_like, require_buffer};
use super::header::PyObject;
use super::immortal::{immortals, types};
use super::int::{as_int, new_bool, new_int};
use super::list::new_list;
use super::obj::Obj;
use super::str::{new_str, str_value};
use super::tuple::{self, new_tuple};
use crate::error::{PyErr, PyResult};

/// ASCII whitespace as `bytes.isspace` and `bytes.split()` see it.
fn is_space(c: u8) -> bool {
    matches!(c, b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c)
}

/// The receiver and the other arguments of a method without keywords; a method of fixed arity
/// is named with its type in the count message (`bytes.upper() takes no arguments (1 given)`),
/// as CPython's `METH_NOARGS`/`METH_O` messages do.
pub(crate) fn method<'a>(
    name: &str,
    a: &'a [Obj],
    k: Option<&PyObject>,
    min: usize,
    max: usize,
) -> PyResult<(&'a Obj, &'a [Obj])> {
    if min == max && min <= 1 {
        if let Some(recv) = a.first() {
            let qualified = format!("{}.{name}", recv.type_object().name());
            return args::method(&qualified, a, k, min, max);
        }
    }
    args::method(name, a, k, min, max)
}

/// The receiver and up to `names.len()` arguments, by position or (for the names after
/// `positional_only`) by keyword; at least `min` must be given.
fn parse<'a>(
    name: &str,
    a: &'a [Obj],
    k: Option<&'a PyObject>,
    names: &[&str],
    positional_only: usize,
    min: usize,
) -> PyResult<(&'a Obj, Vec<Option<&'a Obj>>)> {
    let pos = args::positional(a, k);
    let (recv, rest) = pos.split_first().ok_or_else(|| PyErr::type_error(format!("{name}() needs a receiver")))?;
    let nkw = args::keywords(a, k).count();
    if nkw > 0 && positional_only == names.len() {
        return Err(PyErr::type_error(format!("{}.{name}() takes no keyword arguments", recv.type_object().name())));
    }
    if rest.len() + nkw > names.len() {
        return Err(PyErr::type_error(format!(
            "{name}() takes at most {} argument{} ({} given)",
            names.len(),
            if names.len() == 1 { "" } else { "s" },
            rest.len() + nkw
        )));
    }
    let mut out: Vec<Option<&Obj>> = names.iter().enumerate().map(|(i, _)| rest.get(i)).collect();
    for (key, v) in args::keywords(a, k) {
        match names.iter().position(|n| *n == key).filter(|&i| i >= positional_only) {
            Some(i) if out[i].is_some() => {
                return Err(PyErr::type_error(format!(
                    "argument for {name}() given by name ('{key}') and position ({})",
                    i + 1
                )));
            }
            Some(i) => out[i] = Some(v),
            None => return Err(PyErr::type_error(format!("{name}() got an unexpected keyword argument '{key}'"))),
        }
    }
    let given = out.iter().take_while(|o| o.is_some()).count();
    if given < min {
        return Err(PyErr::type_error(format!(
            "{name} expected at least {min} argument{}, got {}",
            if min == 1 { "" } else { "s" },
            rest.len()
        )));
    }
    Ok((recv, out))
}

/// `None` arguments count as absent.
fn given(o: Option<&Obj>) -> Option<&Obj> {
    o.filter(|x| !x.is(immortals().none))
}

/// `start`/`end` clamped into `0..=len` as `ADJUST_INDICES` does (`start` may exceed `len`).
fn bounds(len: usize, start: Option<&Obj>, end: Option<&Obj>) -> PyResult<(usize, usize)> {
    let get = |o: Option<&Obj>, default: isize| -> PyResult<isize> {
        match given(o) {
            None => Ok(default),
            Some(v) => {
                if !b::is_index_like(v) {
                    return Err(PyErr::type_error(
                        "slice indices must be integers or None or have an __index__ method",
                    ));
                }
                // Out-of-range indices saturate, as `_PyEval_SliceIndex` does.
                let i = ops::index(v)?;
                Ok(match as_int(&i) {
                    Some(super::int::IntVal::Small(s)) => s.clamp(isize::MIN as i64, isize::MAX as i64) as isize,
                    Some(super::int::IntVal::Big(b)) if b.sign() == num_bigint::Sign::Minus => isize::MIN,
                    _ => isize::MAX,
                })
            }
        }
    };
    let len_i = len as isize;
    let adjust = |i: isize| if i < 0 { (i + len_i).max(0) } else { i };
    let start = adjust(get(start, 0)?);
    let end = adjust(get(end, len_i)?).min(len_i);
    Ok((start as usize, end as usize))
}

/// The needle of `find`/`count`/`index`: bytes-like, or an int naming one byte.
fn needle(o: &PyObject) -> PyResult<Vec<u8>> {
    if let Some(d) = buffer_data(o) {
        return Ok(d.into_owned());
    }
    if b::is_index_like(o) {
        return Ok(vec![b::byte_value(o)?]);
    }
    Err(PyErr::type_error(format!("argument should be integer or bytes-like object, not '{}'", o.type_object().name())))
}

/// `find`, `rfind`, `index`, `rindex`: the position or `None`.
fn search(name: &str, a: &[Obj], k: Option<&PyObject>, reverse: bool) -> PyResult<Option<usize>> {
    let (s, r) = parse(name, a, k, &["sub", "start", "end"], 3, 1)?;
    let hay = buffer_data(s).unwrap_or_default();
    let sub = needle(r[0].expect("required"))?;
    let (start, end) = bounds(hay.len(), r[1], r[2])?;
    if start > hay.len() {
        return Ok(None);
    }
    Ok(if reverse { b::rfind(&hay, &sub, start, end) } else { b::find(&hay, &sub, start, end) })
}

fn count(a: &[Obj], k: Option<&PyObject>) -> PyResult<Obj> {
    let (s, r) = parse("count", a, k, &["sub", "start", "end"], 3, 1)?;
    let hay = buffer_data(s).unwrap_or_default();
    let sub = needle(r[0].expect("required"))?;
    let (start, end) = bounds(hay.len(), r[1], r[2])?;
    if start > end {
        return new_int(0);
    }
    if sub.is_empty() {
        return new_int((end - start + 1) as i64);
    }
    let (mut n, mut at) = (0, start);
    while let Some(p) = b::find(&hay, &sub, at, end) {
        n += 1;
        at = p + sub.len();
    }
    new_int(n)
}

fn affix(name: &str, a: &[Obj], k: Option<&PyObject>, at_start: bool) -> PyResult<Obj> {
    let (s, r) = parse(name, a, k, &["prefix", "start", "end"], 3, 1)?;
    let hay = buffer_data(s).unwrap_or_default();
    let (start, end) = bounds(hay.len(), r[1], r[2])?;
    let test = |p: &PyObject| -> PyResult<bool> {
        let Some(p) = buffer_data(p) else {
            return Err(PyErr::type_error(format!(
                "{name} first arg must be bytes or a tuple of bytes, not {}",
                p.type_object().name()
            )));
        };
        if start > hay.len() || (end as isize - start as isize) < p.len() as isize {
            return Ok(false);
        }
        Ok(if at_start { hay[start..].starts_with(&p) } else { hay[..end].ends_with(&p) })
    };
    let arg = r[0].expect("required");
    if tuple::is_tuple(arg) {
        for p in tuple::items(arg) {
            if test(p)? {
                return Ok(new_bool(true));
            }
        }
        return Ok(new_bool(false));
    }
    Ok(new_bool(test(arg)?))
}

/// `split` / `rsplit`.
fn split(name: &str, a: &[Obj], k: Option<&PyObject>, reverse: bool) -> PyResult<Obj> {
    let (s, r) = parse(name, a, k, &["sep", "maxsplit"], 0, 0)?;
    let data = buffer_data(s).unwrap_or_default();
    let maxsplit = match r[1] {
        Some(m) => ops::index_isize(m)?,
        None => -1,
    };
    let limit = if maxsplit < 0 { usize::MAX } else { maxsplit as usize };
    let mut parts: Vec<&[u8]> = Vec::new();
    match given(r[0]) {
        None => {
            if !reverse {
                let mut i = 0;
                while i < data.len() {
                    while i < data.len() && is_space(data[i]) {
                        i += 1;
                    }
                    if i == data.len() {
                        break;
                    }
                    if parts.len() == limit {
                        parts.push(&data[i..]);
                        break;
                    }
                    let j = data[i..].iter().position(|&c| is_space(c)).map_or(data.len(), |p| i + p);
                    parts.push(&data[i..j]);
                    i = j;
                }
            } else {
                let mut j = data.len();
                while j > 0 {
                    while j > 0 && is_space(data[j - 1]) {
                        j -= 1;
                    }
                    if j == 0 {
                        break;
                    }
                    if parts.len() == limit {
                        parts.push(&data[..j]);
                        break;
                    }
                    let i = data[..j].iter().rposition(|&c| is_space(c)).map_or(0, |p| p + 1);
                    parts.push(&data[i..j]);
                    j = i;
                }
                parts.reverse();
            }
        }
        Some(sep) => {
            let sep = require_buffer(sep)?;
            if sep.is_empty() {
                return Err(PyErr::value_error("empty separator"));
            }
            if !reverse {
                let mut at = 0;
                while parts.len() < limit {
                    match b::find(&data, &sep, at, data.len()) {
                        Some(p) => {
                            parts.push(&data[at..p]);
                            at = p + sep.len();
                        }
                        None => break,
                    }
                }
                parts.push(&data[at..]);
            } else {
                let mut end = data.len();
                while parts.len() < limit {
                    match b::rfind(&data, &sep, 0, end) {
                        Some(p) => {
                            parts.push(&data[p + sep.len()..end]);
                            end = p;
                        }
                        None => break,
                    }
                }
                parts.push(&data[..end]);
                parts.reverse();
            }
        }
    }
    new_list(parts.into_iter().map(|p| new_like(s, p.to_vec())).collect::<PyResult<_>>()?)
}

fn join(a: &[Obj], k: Option<&PyObject>) -> PyResult<Obj> {
    let (s, r) = method("join", a, k, 1, 1)?;
    let sep = buffer_data(s).unwrap_or_default().into_owned();
    let items = ops::collect(&r[0])?;
    let mut out = Vec::new();
    for (i, item) in items.iter().enumerate() {
        let Some(d) = buffer_data(item) else {
            return Err(PyErr::type_error(format!(
                "sequence item {i}: expected a bytes-like object, {} found",
                item.type_object().name()
            )));
        };
        if i > 0 {
            out.extend_from_slice(&sep);
        }
        out.extend_from_slice(&d);
    }
    new_like(s, out)
}

fn strip(name: &str, a: &[Obj], k: Option<&PyObject>, left: bool, right: bool) -> PyResult<Obj> {
    let (s, r) = args::method(name, a, k, 0, 1)?;
    let data = buffer_data(s).unwrap_or_default();
    let set = match given(r.first()) {
        Some(c) => Some(require_buffer(c)?.into_owned()),
        None => None,
    };
    let strip_it = |c: u8| match &set {
        Some(set) => set.contains(&c),
        None => is_space(c),
    };
    let mut i = 0;
    let mut j = data.len();
    if left {
        while i < j && strip_it(data[i]) {
            i += 1;
        }
    }
    if right {
        while j > i && strip_it(data[j - 1]) {
            j -= 1;
        }
    }
    same_or_new(s, &data, i, j)
}

/// `data[i..j]` as a result: the receiver itself when it is an exact `bytes` left whole.
fn same_or_new(s: &Obj, data: &[u8], i: usize, j: usize) -> PyResult<Obj> {
    if i == 0 && j == data.len() && std::ptr::eq(s.type_object(), types().bytes_type) {
        return Ok(s.clone());
    }
    new_like(s, data[i..j].to_vec())
}

fn replace(a: &[Obj], k: Option<&PyObject>) -> PyResult<Obj> {
    let (s, r) = parse("replace", a, k, &["old", "new", "count"], 3, 2)?;
    let data = buffer_data(s).unwrap_or_default();
    let old = require_buffer(r[0].expect("required"))?;
    let new = require_buffer(r[1].expect("required"))?;
    let mut left = match r[2] {
        Some(c) => ops::index_isize(c)?,
        None => -1,
    };
    let mut out = Vec::with_capacity(data.len());
    if old.is_empty() {
        for &c in data.iter() {
            if left != 0 {
                out.extend_from_slice(&new);
                left -= 1;
            }
            out.push(c);
        }
        if left != 0 {
            out.extend_from_slice(&new);
        }
        return new_like(s, out);
    }
    let mut at = 0;
    while left != 0 {
        match b::find(&data, &old, at, data.len()) {
            Some(p) => {
                out.extend_from_slice(&data[at..p]);
                out.extend_from_slice(&new);
                at = p + old.len();
                left -= 1;
            }
            None => break,
        }
    }
    out.extend_from_slice(&data[at..]);
    new_like(s, out)
}

fn map_bytes(name: &str, a: &[Obj], k: Option<&PyObject>, f: fn(&[u8]) -> Vec<u8>) -> PyResult<Obj> {
    let (s, _) = method(name, a, k, 0, 0)?;
    new_like(s, f(&buffer_data(s).unwrap_or_default()))
}

fn predicate(name: &str, a: &[Obj], k: Option<&PyObject>, f: fn(&[u8]) -> bool) -> PyResult<Obj> {
    let (s, _) = method(name, a, k, 0, 0)?;
    Ok(new_bool(f(&buffer_data(s).unwrap_or_default())))
}

fn title(d: &[u8]) -> Vec<u8> {
    let mut prev_cased = false;
    d.iter()
        .map(|&c| {
            let r = if prev_cased { c.to_ascii_lowercase() } else { c.to_ascii_uppercase() };
            prev_cased = c.is_ascii_alphabetic();
            r
        })
        .collect()
}

fn capitalize(d: &[u8]) -> Vec<u8> {
    d.iter().enumerate().map(|(i, c)| if i == 0 { c.to_ascii_uppercase() } else { c.to_ascii_lowercase() }).collect()
}

fn swapcase(d: &[u8]) -> Vec<u8> {
    d.iter().map(|&c| if c.is_ascii_uppercase() { c.to_ascii_lowercase() } else { c.to_ascii_uppercase() }).collect()
}

fn istitle(d: &[u8]) -> bool {
    let (mut cased, mut prev_cased) = (false, false);
    for &c in d {
        if c.is_ascii_uppercase() {
            if prev_cased {
                return false;
            }
            prev_cased = true;
            cased = true;
        } else if c.is_ascii_lowercase() {
            if !prev_cased {
                return false;
            }
            prev_cased = true;
            cased = true;
        } else {
            prev_cased = false;
        }
    }
    cased
}

fn all_nonempty(d: &[u8], f: fn(&u8) -> bool) -> bool {
    !d.is_empty() && d.iter().all(f)
}

fn partition(name: &str, a: &[Obj], k: Option<&PyObject>, reverse: bool) -> PyResult<Obj> {
    let (s, r) = method(name, a, k, 1, 1)?;
    let data = buffer_data(s).unwrap_or_default();
    let sep = require_buffer(&r[0])?;
    if sep.is_empty() {
        return Err(PyErr::value_error("empty separator"));
    }
    let found = if reverse { b::rfind(&data, &sep, 0, data.len()) } else { b::find(&data, &sep, 0, data.len()) };
    let parts = match found {
        Some(p) => [&data[..p], &sep[..], &data[p + sep.len()..]],
        None if reverse => [&[][..], &[][..], &data[..]],
        None => [&data[..], &[][..], &[][..]],
    };
    let whole_at = match found {
        None if reverse => Some(2),
        None => Some(0),
        Some(_) => None,
    };
    let mut out = Vec::with_capacity(3);
    for (i, p) in parts.iter().enumerate() {
        out.push(if whole_at == Some(i) { same_or_new(s, &data, 0, data.len())? } else { new_like(s, p.to_vec())? });
    }
    new_tuple(out)
}

/// `center`, `ljust`, `rjust`: `(receiver, width, fill byte)`.
fn pad_args<'a>(name: &str, a: &'a [Obj], k: Option<&PyObject>) -> PyResult<(&'a Obj, usize, u8)> {
    let (s, r) = args::method(name, a, k, 1, 2)?;
    let width = ops::index_isize(&r[0])?.max(0) as usize;
    let fill = match r.get(1) {
        None => b' ',
        Some(f) => {
            let d = (b::bytes_value(f).map(<[u8]>::to_vec))
                .or_else(|| super::bytearray::as_bytearray(f).map(|x| x.to_vec()));
            match d {
                Some(d) if d.len() == 1 => d[0],
                _ => {
                    return Err(PyErr::type_error(format!(
                        "{name}() argument 2 must be a byte string of length 1, not {}",
                        f.type_object().name()
                    )));
                }
            }
        }
    };
    Ok((s, width, fill))
}

fn pad(name: &str, a: &[Obj], k: Option<&PyObject>, how: u8) -> PyResult<Obj> {
    let (s, width, fill) = pad_args(name, a, k)?;
    let data = buffer_data(s).unwrap_or_default();
    if width <= data.len() {
        return same_or_new(s, &data, 0, data.len());
    }
    let marg = width - data.len();
    let left = match how {
        b'l' => 0,
        b'r' => marg,
        _ => marg / 2 + (marg & width & 1),
    };
    let mut out = b::filled(left, fill)?;
    out.try_reserve_exact(width - left).map_err(|_| b::memory_error())?;
    out.extend_from_slice(&data);
    out.resize(width, fill);
    new_like(s, out)
}

fn zfill(a: &[Obj], k: Option<&PyObject>) -> PyResult<Obj> {
    let (s, r) = method("zfill", a, k, 1, 1)?;
    let data = buffer_data(s).unwrap_or_default();
    let width = ops::index_isize(&r[0])?.max(0) as usize;
    if width <= data.len() {
        return same_or_new(s, &data, 0, data.len());
    }
    let fill = width - data.len();
    let mut out = b::filled(fill, b'0')?;
    out.try_reserve_exact(data.len()).map_err(|_| b::memory_error())?;
    out.extend_from_slice(&data);
    if matches!(data.first(), Some(b'+' | b'-')) {
        out[0] = data[0];
        out[fill] = b'0';
    }
    new_like(s, out)
}

fn expandtabs(a: &[Obj], k: Option<&PyObject>) -> PyResult<Obj> {
    let (s, r) = parse("expandtabs", a, k, &["tabsize"], 0, 0)?;
    let data = buffer_data(s).unwrap_or_default();
    let tab = match r[0] {
        Some(t) => ops::index_isize(t)?,
        None => 8,
    };
    let mut out = Vec::with_capacity(data.len());
    let mut col = 0usize;
    for &c in data.iter() {
        match c {
            b'\t' => {
                if tab > 0 {
                    let n = tab as usize - col % tab as usize;
                    out.try_reserve(n).map_err(|_| b::memory_error())?;
                    out.extend(std::iter::repeat_n(b' ', n));
                    col += n;
                }
            }
            b'\n' | b'\r' => {
                out.push(c);
                col = 0;
            }
            _ => {
                out.push(c);
                col += 1;
            }
        }
    }
    new_like(s, out)
}

fn splitlines(a: &[Obj], k: Option<&PyObject>) -> PyResult<Obj> {
    let (s, r) = parse("splitlines", a, k, &["keepends"], 0, 0)?;
    let data = buffer_data(s).unwrap_or_default();
    let keep = match r[0] {
        Some(v) => ops::is_true(v)?,
        None => false,
    };
    let mut parts = Vec::new();
    let mut i = 0;
    while i < data.len() {
        let mut j = i;
        while j < data.len() && data[j] != b'\n' && data[j] != b'\r' {
            j += 1;
        }
        let mut eol = j;
        if j < data.len() {
            eol = if data[j] == b'\r' && data.get(j + 1) == Some(&b'\n') { j + 2 } else { j + 1 };
        }
        parts.push(new_like(s, data[i..if keep { eol } else { j }].to_vec())?);
        i = eol;
    }
    new_list(parts)
}

fn hex(a: &[Obj], k: Option<&PyObject>) -> PyResult<Obj> {
    let (s, r) = parse("hex", a, k, &["sep", "bytes_per_sep"], 0, 0)?;
    hex_text(&buffer_data(s).unwrap_or_default(), r[0], r[1])
}

/// `bytes.hex(sep, bytes_per_sep)` (also `memoryview.hex`): groups counted from the right for
/// a positive `bytes_per_sep`, from the left for a negative one.
pub(crate) fn hex_text(data: &[u8], sep: Option<&Obj>, per: Option<&Obj>) -> PyResult<Obj> {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let sep = match given(sep) {
        None => None,
        Some(sv) => {
            let d: Vec<u8> = if let Some(t) = str_value(sv) {
                t.as_bytes().to_vec()
            } else if let Some(d) = buffer_data(sv) {
                d.into_owned()
            } else {
                return Err(PyErr::type_error(format!("object of type '{}' has no len()", sv.type_object().name())));
            };
            if d.len() != 1 {
                return Err(PyErr::value_error("sep must be length 1."));
            }
            if !d[0].is_ascii() {
                return Err(PyErr::value_error("sep must be ASCII."));
            }
            Some(d[0])
        }
    };
    let per = match per {
        Some(p) => ops::index_isize(p)?,
        None => 1,
    };
    let mut out = String::with_capacity(data.len() * 3);
    let group = per.unsigned_abs();
    for (i, &c) in data.iter().enumerate() {
        if let Some(sepc) = sep.filter(|_| i > 0 && group > 0) {
            let boundary = if per > 0 { (data.len() - i) % group == 0 } else { i % group == 0 };
            if boundary {
                out.push(sepc as char);
            }
        }
        out.push(DIGITS[(c >> 4) as usize] as char);
        out.push(DIGITS[(c & 15) as usize] as char);
    }
    new_str(&out)
}

fn fromhex(a: &[Obj], k: Option<&PyObject>) -> PyResult<Obj> {
    let (cls, r) = args::method("fromhex", a, k, 1, 1)?;
    let Some(text) = str_value(&r[0]) else {
        return Err(PyErr::type_error(format!("fromhex() argument must be str, not {}", r[0].type_object().name())));
    };
    let t = text.as_bytes();
    let mut out = Vec::with_capacity(t.len() / 2);
    let digit = |c: u8| (c as char).to_digit(16);
    let bad = |i: usize| {
        PyErr::value_error(format!(
            "non-hexadecimal number found in fromhex() arg at position {}",
            text[..i].chars().count()
        ))
    };
    let mut i = 0;
    while i < t.len() {
        if t[i].is_ascii_whitespace() || t[i] == 0x0b {
            i += 1;
            continue;
        }
        let hi = digit(t[i]).ok_or_else(|| bad(i))?;
        let lo = t.get(i + 1).and_then(|&c| digit(c)).ok_or_else(|| bad(i + 1))?;
        out.push((hi * 16 + lo) as u8);
        i += 2;
    }
    let cls_ty = super::typeobj::as_type(cls).unwrap_or(types().bytes_type);
    let made = if cls_ty.is_subtype(types().bytearray_type) {
        super::bytearray::new_bytearray(out)?
    } else {
        b::new_bytes(&out)?
    };
    if std::ptr::eq(cls_ty, types().bytes_type) || std::ptr::eq(cls_ty, types().bytearray_type) {
        return Ok(made);
    }
    ops::call(cls, &[made], None)
}

fn maketrans(a: &[Obj], k: Option<&PyObject>) -> PyResult<Obj> {
    let a = args::exact("maketrans", a, k, 2, 2)?;
    let from = require_buffer(&a[0])?;
    let to = require_buffer(&a[1])?;
    if from.len() != to.len() {
        return Err(PyErr::value_error("maketrans arguments must have same length"));
    }
    let mut table: Vec<u8> = (0..=255u8).collect();
    for (&f, &t) in from.iter().zip(to.iter()) {
        table[f as usize] = t;
    }
    b::new_bytes(&table)
}

fn translate(a: &[Obj], k: Option<&PyObject>) -> PyResult<Obj> {
    let (s, r) = parse("translate", a, k, &["table", "delete"], 1, 1)?;
    let data = buffer_data(s).unwrap_or_default();
    let table = match given(r[0]) {
        None => None,
        Some(t) => {
            let t = require_buffer(t)?.into_owned();
            if t.len() != 256 {
                return Err(PyErr::value_error("translation table must be 256 characters long"));
            }
            Some(t)
        }
    };
    let delete = match r[1] {
        Some(d) => require_buffer(d)?.into_owned(),
        None => Vec::new(),
    };
    let out: Vec<u8> =
        data.iter().filter(|c| !delete.contains(c)).map(|&c| table.as_ref().map_or(c, |t| t[c as usize])).collect();
    new_like(s, out)
}

fn decode(a: &[Obj], k: Option<&PyObject>) -> PyResult<Obj> {
    let (s, r) = parse("decode", a, k, &["encoding", "errors"], 0, 0)?;
    let text_arg = |o: Option<&Obj>, what: &str, default: &'static str| -> PyResult<String> {
        match o {
            None => Ok(default.to_owned()),
            Some(v) => str_value(v).map(str::to_owned).ok_or_else(|| {
                PyErr::type_error(format!("decode() argument '{what}' must be str, not {}", v.type_object().name()))
            }),
        }
    };
    let encoding = text_arg(r[0], "encoding", "utf-8")?;
    let errors = text_arg(r[1], "errors", "strict")?;
    super::codecs::decode(&buffer_data(s).unwrap_or_default(), &encoding, &errors)
}

fn remove_affix(name: &str, a: &[Obj], k: Option<&PyObject>, prefix: bool) -> PyResult<Obj> {
    let (s, r) = method(name, a, k, 1, 1)?;
    let data = buffer_data(s).unwrap_or_default();
    let affix = require_buffer(&r[0])?;
    if prefix && data.starts_with(&affix) && !affix.is_empty() {
        return new_like(s, data[affix.len()..].to_vec());
    }
    if !prefix && data.ends_with(&affix) && !affix.is_empty() {
        return new_like(s, data[..data.len() - affix.len()].to_vec());
    }
    same_or_new(s, &data, 0, data.len())
}

macro_rules! bytes_method_table {
    ($(#[$meta:meta])* $name:ident, [$($extra:expr),* $(,)?]) => {
        $(#[$meta])*
        pub(crate) static $name: &[MethodDef] = &[
            $($extra,)*
            MethodDef::method("find", |a, k| new_int(search("find", a, k, false)?.map_or(-1, |p| p as i64))),
            MethodDef::method("rfind", |a, k| new_int(search("rfind", a, k, true)?.map_or(-1, |p| p as i64))),
            MethodDef::method("index", |a, k| match search("index", a, k, false)? {
                Some(p) => new_int(p as i64),
                None => Err(PyErr::value_error("subsection not found")),
            }),
            MethodDef::method("rindex", |a, k| match search("rindex", a, k, true)? {
                Some(p) => new_int(p as i64),
                None => Err(PyErr::value_error("subsection not found")),
            }),
            MethodDef::method("count", count),
            MethodDef::method("startswith", |a, k| affix("startswith", a, k, true)),
            MethodDef::method("endswith", |a, k| affix("endswith", a, k, false)),
            MethodDef::method("split", |a, k| split("split", a, k, false)),
            MethodDef::method("rsplit", |a, k| split("rsplit", a, k, true)),
            MethodDef::method("join", join),
            MethodDef::method("strip", |a, k| strip("strip", a, k, true, true)),
            MethodDef::method("lstrip", |a, k| strip("lstrip", a, k, true, false)),
            MethodDef::method("rstrip", |a, k| strip("rstrip", a, k, false, true)),
            MethodDef::method("replace", replace),
            MethodDef::method("upper", |a, k| map_bytes("upper", a, k, <[u8]>::to_ascii_uppercase)),
            MethodDef::method("lower", |a, k| map_bytes("lower", a, k, <[u8]>::to_ascii_lowercase)),
            MethodDef::method("swapcase", |a, k| map_bytes("swapcase", a, k, swapcase)),
            MethodDef::method("title", |a, k| map_bytes("title", a, k, title)),
            MethodDef::method("capitalize", |a, k| map_bytes("capitalize", a, k, capitalize)),
            MethodDef::method("isdigit", |a, k| predicate("isdigit", a, k, |d| all_nonempty(d, u8::is_ascii_digit))),
            MethodDef::method("isalpha", |a, k| predicate("isalpha", a, k, |d| all_nonempty(d, u8::is_ascii_alphabetic))),
            MethodDef::method("isalnum", |a, k| {
                predicate("isalnum", a, k, |d| all_nonempty(d, u8::is_ascii_alphanumeric))
            }),
            MethodDef::method("isspace", |a, k| predicate("isspace", a, k, |d| all_nonempty(d, |c| is_space(*c)))),
            MethodDef::method("isascii", |a, k| predicate("isascii", a, k, |d| d.is_ascii())),
            MethodDef::method("islower", |a, k| {
                predicate("islower", a, k, |d| {
                    d.iter().any(u8::is_ascii_lowercase) && !d.iter().any(u8::is_ascii_uppercase)
                })
            }),
            MethodDef::method("isupper", |a, k| {
                predicate("isupper", a, k, |d| {
                    d.iter().any(u8::is_ascii_uppercase) && !d.iter().any(u8::is_ascii_lowercase)
                })
            }),
            MethodDef::method("istitle", |a, k| predicate("istitle", a, k, istitle)),
            MethodDef::method("partition", |a, k| partition("partition", a, k, false)),
            MethodDef::method("rpartition", |a, k| partition("rpartition", a, k, true)),
            MethodDef::method("center", |a, k| pad("center", a, k, b'c')),
            MethodDef::method("ljust", |a, k| pad("ljust", a, k, b'l')),
            MethodDef::method("rjust", |a, k| pad("rjust", a, k, b'r')),
            MethodDef::method("zfill", zfill),
            MethodDef::method("expandtabs", expandtabs),
            MethodDef::method("splitlines", splitlines),
            MethodDef::method("hex", hex),
            MethodDef::classmethod("fromhex", fromhex),
            MethodDef::function("maketrans", maketrans),
            MethodDef::method("translate", translate),
            MethodDef::method("decode", decode),
            MethodDef::method("removeprefix", |a, k| remove_affix("removeprefix", a, k, true)),
            MethodDef::method("removesuffix", |a, k| remove_affix("removesuffix", a, k, false)),
        ];
    };
}

bytes_method_table!(
    /// `bytes`'s methods.
    BYTES_METHODS,
    [
        MethodDef::method("__getnewargs__", |a, k| {
            let (s, _) = method("__getnewargs__", a, k, 0, 0)?;
            new_tuple(vec![b::new_bytes(&buffer_data(s).unwrap_or_default())?])
        }),
        MethodDef::method("__bytes__", |a, k| {
            let (s, _) = method("__bytes__", a, k, 0, 0)?;
            if std::ptr::eq(s.type_object(), types().bytes_type) {
                return Ok(s.clone());
            }
            b::new_bytes(&buffer_data(s).unwrap_or_default())
        }),
    ]
);

bytes_method_table!(
    /// `bytearray`'s methods: the mutating ones, then the shared ones.
    BYTEARRAY_METHODS,
    [
        MethodDef::method("append", super::bytearray::append),
        MethodDef::method("extend", super::bytearray::extend),
        MethodDef::method("pop", super::bytearray::pop),
        MethodDef::method("insert", super::bytearray::insert),
        MethodDef::method("remove", super::bytearray::remove),
        MethodDef::method("reverse", super::bytearray::reverse),
        MethodDef::method("clear", super::bytearray::clear),
        MethodDef::method("copy", super::bytearray::copy),
    ]
);

// ---- % formatting ------------------------------------------------------------------------

/// `bytes % args` / `bytearray % args`.
pub(crate) fn bytes_mod(a: &PyObject, b: &PyObject) -> PyResult<Obj> {
    if super::memoryview::is_memoryview(a) {
        return Ok(Obj::new_ref(immortals().not_implemented));
    }
    let Some(fmt) = buffer_data(a) else { return Ok(Obj::new_ref(immortals().not_implemented)) };
    // The format read as Latin-1 text, with the bytes-only conversions mapped onto the str
    // ones they behave like here (`%b` is `%s`, `%a` is `%r`).
    let text = latin1_format(&fmt);
    let mut ops_ = BytesFormat;
    let mut out = String::new();
    let single = Obj::new_ref(b);
    let args_ = if tuple::is_tuple(b) {
        pyrt_pylib::printf::Args::Tuple(tuple::items(b))
    } else {
        let ty = b.type_object();
        let is_mapping =
            ty.mapping.subscript.is_some() && !tuple::is_tuple(b) && buffer_data(b).is_none() && str_value(b).is_none();
        pyrt_pylib::printf::Args::Single { value: &single, is_mapping }
    };
    pyrt_pylib::printf::format(&text, args_, &mut ops_, &mut out).map_err(|FormatError(e)| {
        // Two messages of the shared formatter differ for bytes.
        let msg = e.message();
        if msg == "not all arguments converted during string formatting" {
            PyErr::type_error("not all arguments converted during bytes formatting")
        } else if let Some(t) = msg.strip_prefix("must be real number, not ") {
            PyErr::type_error(format!("float argument required, not {t}"))
        } else {
            e
        }
    })?;
    let bytes: Vec<u8> = out.chars().map(|c| c as u32 as u8).collect();
    new_like(a, bytes)
}

/// The format's bytes as Latin-1 characters, with each conversion's `b` type read as `s` and
/// `a` as `r`.
fn latin1_format(fmt: &[u8]) -> String {
    let mut out = String::with_capacity(fmt.len());
    let mut i = 0;
    while i < fmt.len() {
        let c = fmt[i];
        out.push(c as char);
        i += 1;
        if c != b'%' {
            continue;
        }
        // Copy the conversion spec up to its type letter.
        if fmt.get(i) == Some(&b'(') {
            let mut depth = 0;
            while i < fmt.len() {
                let d = fmt[i];
                out.push(d as char);
                i += 1;
                if d == b'(' {
                    depth += 1;
                } else if d == b')' {
                    depth -= 1;
                    if depth == 0 {
                        break;
                    }
                }
            }
        }
        while i < fmt.len()
            && matches!(fmt[i], b'-' | b'+' | b' ' | b'#' | b'0'..=b'9' | b'*' | b'.' | b'h' | b'l' | b'L')
        {
            out.push(fmt[i] as char);
            i += 1;
        }
        if i < fmt.len() {
            out.push(match fmt[i] {
                b'b' => 's',
                b'a' => 'r',
                t => t as char,
            });
            i += 1;
        }
    }
    out
}

struct BytesFormat;

/// The formatter's error: an exception of ours, or one of pyrt-pylib's converted.
struct FormatError(PyErr);

impl From<PyErr> for FormatError {
    fn from(e: PyErr) -> FormatError {
        FormatError(e)
    }
}

impl From<pyrt_pylib::PyError> for FormatError {
    fn from(e: pyrt_pylib::PyError) -> FormatError {
        FormatError(pylib_error(e))
    }
}

/// A pyrt-pylib error as an exception (`formatting`'s `From` conversion).
pub(crate) fn pylib_error(e: pyrt_pylib::PyError) -> PyErr {
    e.into()
}

/// An int argument for printf.
enum FmtInt {
    Small(i64),
    Big(num_bigint::BigInt),
}

impl pyrt_pylib::format_spec::IntValue for FmtInt {
    fn is_negative(&self) -> bool {
        match self {
            FmtInt::Small(v) => *v < 0,
            FmtInt::Big(b) => b.sign() == num_bigint::Sign::Minus,
        }
    }
    fn write_magnitude(&self, base: u32, out: &mut String) {
        match self {
            FmtInt::Small(v) => v.write_magnitude(base, out),
            FmtInt::Big(b) => b.write_magnitude(base, out),
        }
    }
    fn to_f64(&self) -> Result<f64, pyrt_pylib::PyError> {
        match self {
            FmtInt::Small(v) => Ok(*v as f64),
            FmtInt::Big(b) => b.to_f64(),
        }
    }
    fn to_i64(&self) -> Option<i64> {
        match self {
            FmtInt::Small(v) => Some(*v),
            FmtInt::Big(b) => b.to_i64(),
        }
    }
}

fn fmt_int(o: &PyObject) -> Option<FmtInt> {
    as_int(o).map(|v| match v {
        super::int::IntVal::Small(s) => FmtInt::Small(s),
        super::int::IntVal::Big(b) => FmtInt::Big(b.clone()),
    })
}

impl pyrt_pylib::printf::FormatOps for BytesFormat {
    type Value = Obj;
    type Int = FmtInt;
    type Error = FormatError;

    fn type_name(&self, v: &Obj) -> String {
        v.type_object().name().to_owned()
    }

    fn get_item(&mut self, mapping: &Obj, key: &str) -> Result<Obj, FormatError> {
        // `%(key)` looks the key up as bytes.
        let key = b::new_bytes(&key.chars().map(|c| c as u32 as u8).collect::<Vec<_>>())?;
        Ok(ops::get_item(mapping, &key)?)
    }

    fn write_str(&mut self, v: &Obj, out: &mut String) -> Result<(), FormatError> {
        let data = match buffer_data(v) {
            Some(d) => d.into_owned(),
            None => match ops::lookup_special(v, "__bytes__")? {
                Some(f) => {
                    let r = ops::call(&f, &[], None)?;
                    b::bytes_value(&r).map(<[u8]>::to_vec).ok_or_else(|| {
                        PyErr::type_error(format!("__bytes__ returned non-bytes (type {})", r.type_object().name()))
                    })?
                }
                None => {
                    return Err(PyErr::type_error(format!(
                        "%b requires a bytes-like object, or an object that implements __bytes__, not '{}'",
                        v.type_object().name()
                    ))
                    .into());
                }
            },
        };
        out.extend(data.iter().map(|&c| c as char));
        Ok(())
    }

    fn write_repr(&mut self, v: &Obj, out: &mut String) -> Result<(), FormatError> {
        let r = ops::repr_text(v)?;
        for c in r.chars() {
            let cp = c as u32;
            if cp < 0x80 {
                out.push(c);
            } else if cp < 0x100 {
                out.push_str(&format!("\\x{cp:02x}"));
            } else if cp < 0x10000 {
                out.push_str(&format!("\\u{cp:04x}"));
            } else {
                out.push_str(&format!("\\U{cp:08x}"));
            }
        }
        Ok(())
    }

    fn write_ascii(&mut self, v: &Obj, out: &mut String) -> Result<(), FormatError> {
        self.write_repr(v, out)
    }

    fn exact_int(&mut self, v: &Obj) -> Option<FmtInt> {
        fmt_int(v)
    }

    fn to_int(&mut self, v: &Obj, index_only: bool) -> Result<Option<FmtInt>, FormatError> {
        if let Some(i) = fmt_int(v) {
            return Ok(Some(i));
        }
        if !index_only {
            if super::float::as_float(v).is_some() {
                return Ok(fmt_int(&*super::float::float_int(v)?));
            }
            if let Some(f) = v.type_object().number.int {
                return Ok(fmt_int(&*f(v)?));
            }
        }
        if b::is_index_like(v) {
            return Ok(fmt_int(&*ops::index(v)?));
        }
        Ok(None)
    }

    fn to_float(&mut self, v: &Obj) -> Result<Option<f64>, FormatError> {
        if let Some(f) = super::float::as_float(v) {
            return Ok(Some(f));
        }
        if let Some(i) = as_int(v) {
            return Ok(Some(super::int::to_f64(&i)?));
        }
        match v.type_object().number.float {
            Some(f) => Ok(super::float::as_float(&*f(v)?)),
            None => Ok(None),
        }
    }

    fn to_char(&mut self, v: &Obj) -> Result<pyrt_pylib::printf::CharArg, FormatError> {
        use pyrt_pylib::printf::CharArg;
        if let Some(d) = buffer_data(v).filter(|d| d.len() == 1) {
            return Ok(CharArg::Str(Some(d[0] as char)));
        }
        if b::is_index_like(v) {
            let i = ops::index(v)?;
            return match as_int(&i) {
                Some(super::int::IntVal::Small(c)) if (0..256).contains(&c) => Ok(CharArg::Int(Some(c))),
                _ => Err(PyErr::overflow("%c arg not in range(256)").into()),
            };
        }
        Err(PyErr::type_error("%c requires an integer in range(256) or a single byte").into())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn case_maps_are_ascii_only() {
        assert_eq!(title(b"hello wORLD 3x"), b"Hello World 3X");
        assert_eq!(capitalize(b"hELLO \xe9"), b"Hello \xe9");
        assert_eq!(swapcase(b"aB\xc9"), b"Ab\xc9");
        assert!(istitle(b"Hello World"));
        assert!(!istitle(b"Hello world"));
        assert!(!istitle(b"123"));
    }

    #[test]
    fn format_maps_bytes_conversions_onto_str_ones() {
        assert_eq!(latin1_format(b"%b %5.2a %(k)b %%\xff"), "%s %5.2r %(k)s %%\u{ff}");
    }
}
