//! `str`'s slots and method table (the layout and constructors are in `super::str`).

use super::abstract_ops as ops;
use super::builtin::{MethodDef, args};
use super::core_types::{new_seq_iter, norm_index, seq_repeat};
use super::header::PyObject;
use super::immortal::{immortals, types};
use super::int::{as_int, new_bool, new_int};
use super::list::new_list;
use super::obj::Obj;
use super::slots::SequenceMethods;
use super::str::{as_str_object, new_str, str_value};
use super::tuple::{self, items};
use super::typeobj::{CompareOp, TypeObject};
use crate::error::{PyErr, PyResult};

/// Fills `str`'s slots.
pub(crate) fn fill_str_type(t: &mut TypeObject) {
    t.repr = Some(str_repr);
    t.str = Some(str_str);
    t.hash = Some(|o| Ok(as_str_object(o).map_or(0, |s| s.hash())));
    t.richcompare = Some(str_richcompare);
    t.iter = Some(|o| new_seq_iter(Obj::new_ref(o)));
    t.new = Some(str_new);
    t.number.add = Some(str_add);
    t.number.multiply = Some(seq_repeat);
    t.sequence =
        SequenceMethods { length: Some(|o| Ok(as_str_object(o).map_or(0, |s| s.len()))), contains: Some(str_contains) };
    t.mapping.subscript = Some(str_subscript);
}

fn not_implemented() -> PyResult<Obj> {
    Ok(Obj::new_ref(immortals().not_implemented))
}

fn str_repr(o: &PyObject) -> PyResult<Obj> {
    new_str(&pyrt_compile::PyStr::new(str_value(o).unwrap_or("")).repr())
}

fn str_str(o: &PyObject) -> PyResult<Obj> {
    if std::ptr::eq(o.type_object(), types().str_type) {
        Ok(Obj::new_ref(o))
    } else {
        new_str(str_value(o).unwrap_or(""))
    }
}

fn str_new(ty: &TypeObject, argv: &[Obj], kwnames: Option<&PyObject>) -> PyResult<Obj> {
    let pos = args::exact("str", argv, kwnames, 0, 1)?;
    let text = match pos.first() {
        Some(x) => ops::str_text(x)?,
        None => String::new(),
    };
    super::str::new_str_of_type(ty, &text)
}

fn str_richcompare(a: &PyObject, b: &PyObject, op: CompareOp) -> PyResult<Obj> {
    match (str_value(a), str_value(b)) {
        (Some(x), Some(y)) => Ok(new_bool(op.test(x.cmp(y)))),
        _ => not_implemented(),
    }
}

fn str_add(a: &PyObject, b: &PyObject) -> PyResult<Obj> {
    match (str_value(a), str_value(b)) {
        (Some(x), Some(y)) => {
            let mut s = String::with_capacity(x.len() + y.len());
            s.push_str(x);
            s.push_str(y);
            new_str(&s)
        }
        _ => not_implemented(),
    }
}

fn str_contains(a: &PyObject, b: &PyObject) -> PyResult<bool> {
    match str_value(b) {
        Some(needle) => Ok(str_value(a).unwrap_or("").contains(needle)),
        None => Err(PyErr::type_error(format!(
            "'in <string>' requires string as left operand, not {}",
            b.type_object().name()
        ))),
    }
}

fn str_subscript(o: &PyObject, key: &PyObject) -> PyResult<Obj> {
    let s = as_str_object(o).expect("a str");
    if let Some(sl) = super::range::as_slice(key) {
        let (start, _, step, count) = sl.indices(s.len())?;
        let text: String = (0..count).map(|k| s.char_at((start + k as isize * step) as usize)).collect();
        return new_str(&text);
    }
    if as_int(key).is_some() || key.type_object().number.index.is_some() {
        let i = ops::index_isize(key)?;
        let i = norm_index(i, s.len()).ok_or_else(|| PyErr::index_error("string index out of range"))?;
        let c = s.char_at(i);
        let mut buf = [0u8; 4];
        return new_str(c.encode_utf8(&mut buf));
    }
    Err(PyErr::type_error(format!("string indices must be integers, not '{}'", key.type_object().name())))
}

fn str_join(a: &[Obj], k: Option<&PyObject>) -> PyResult<Obj> {
    let (s, r) = args::method("join", a, k, 1, 1)?;
    let sep = str_value(s).unwrap_or("");
    let parts = ops::collect(&r[0])?;
    let mut out = String::new();
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
    new_str(&out)
}

fn str_split(a: &[Obj], k: Option<&PyObject>) -> PyResult<Obj> {
    let (s, r) = args::method("split", a, k, 0, 2)?;
    let text = str_value(s).unwrap_or("");
    let sep = r.first().filter(|x| !x.is(immortals().none));
    let maxsplit = match r.get(1) {
        Some(m) => ops::index_isize(m)?,
        None => -1,
    };
    let parts: Vec<&str> = match sep {
        None => {
            if maxsplit < 0 {
                text.split_whitespace().collect()
            } else {
                let mut v = Vec::new();
                let mut rest = text.trim_start();
                while !rest.is_empty() && (v.len() as isize) < maxsplit {
                    let end = rest.find(char::is_whitespace).unwrap_or(rest.len());
                    v.push(&rest[..end]);
                    rest = rest[end..].trim_start();
                }
                if !rest.is_empty() {
                    v.push(rest);
                }
                v
            }
        }
        Some(sep) => {
            let sep = str_value(sep)
                .ok_or_else(|| PyErr::type_error(format!("must be str or None, not {}", sep.type_object().name())))?;
            if sep.is_empty() {
                return Err(PyErr::value_error("empty separator"));
            }
            if maxsplit < 0 { text.split(sep).collect() } else { text.splitn(maxsplit as usize + 1, sep).collect() }
        }
    };
    new_list(parts.into_iter().map(new_str).collect::<PyResult<_>>()?)
}

fn strip_chars<'a>(text: &'a str, chars: Option<&PyObject>, left: bool, right: bool) -> PyResult<&'a str> {
    let set: Option<Vec<char>> = match chars.filter(|c| !c.is(immortals().none)) {
        Some(c) => {
            Some(str_value(c).ok_or_else(|| PyErr::type_error("strip arg must be None or str"))?.chars().collect())
        }
        None => None,
    };
    let pred = |c: char| match &set {
        Some(s) => s.contains(&c),
        None => c.is_whitespace(),
    };
    let mut t = text;
    if left {
        t = t.trim_start_matches(pred);
    }
    if right {
        t = t.trim_end_matches(pred);
    }
    Ok(t)
}

macro_rules! str_strip {
    ($name:literal, $l:expr, $r:expr) => {
        MethodDef::method($name, |a, k| {
            let (s, r) = args::method($name, a, k, 0, 1)?;
            new_str(strip_chars(str_value(s).unwrap_or(""), r.first().map(|o| &**o), $l, $r)?)
        })
    };
}

macro_rules! str_map {
    ($name:literal, $f:expr) => {
        MethodDef::method($name, |a, k| {
            let (s, _) = args::method($name, a, k, 0, 0)?;
            let f: fn(&str) -> String = $f;
            new_str(&f(str_value(s).unwrap_or("")))
        })
    };
}

macro_rules! str_pred {
    ($name:literal, $f:expr) => {
        MethodDef::method($name, |a, k| {
            let (s, _) = args::method($name, a, k, 0, 0)?;
            let t = str_value(s).unwrap_or("");
            let f: fn(char) -> bool = $f;
            Ok(new_bool(!t.is_empty() && t.chars().all(f)))
        })
    };
}

fn affix_test(a: &[Obj], k: Option<&PyObject>, name: &str, start: bool) -> PyResult<Obj> {
    let (s, r) = args::method(name, a, k, 1, 1)?;
    let text = str_value(s).unwrap_or("");
    let test = |p: &PyObject| -> PyResult<bool> {
        let p = str_value(p).ok_or_else(|| {
            PyErr::type_error(format!("{name} first arg must be str or a tuple of str, not {}", p.type_object().name()))
        })?;
        Ok(if start { text.starts_with(p) } else { text.ends_with(p) })
    };
    if tuple::is_tuple(&r[0]) {
        for p in items(&r[0]) {
            if test(p)? {
                return Ok(new_bool(true));
            }
        }
        return Ok(new_bool(false));
    }
    Ok(new_bool(test(&r[0])?))
}

fn char_index(text: &str, byte: usize) -> usize {
    text[..byte].chars().count()
}

pub(crate) static STR_METHODS: &[MethodDef] = &[
    MethodDef::method("join", str_join),
    MethodDef::method("split", str_split),
    str_strip!("strip", true, true),
    str_strip!("lstrip", true, false),
    str_strip!("rstrip", false, true),
    str_map!("upper", |s| s.to_uppercase()),
    str_map!("lower", |s| s.to_lowercase()),
    str_map!("casefold", |s| s.to_lowercase()),
    str_map!("swapcase", |s| s
        .chars()
        .flat_map(|c| if c.is_uppercase() { c.to_lowercase().collect::<Vec<_>>() } else { c.to_uppercase().collect() })
        .collect()),
    str_map!("capitalize", |s| {
        let mut cs = s.chars();
        match cs.next() {
            Some(f) => f.to_uppercase().chain(cs.flat_map(char::to_lowercase)).collect(),
            None => String::new(),
        }
    }),
    str_map!("title", |s| {
        let mut out = String::new();
        let mut prev_cased = false;
        for c in s.chars() {
            if prev_cased {
                out.extend(c.to_lowercase())
            } else {
                out.extend(c.to_uppercase())
            }
            prev_cased = c.is_alphabetic();
        }
        out
    }),
    str_pred!("isdigit", |c| c.is_ascii_digit() || c.is_numeric()),
    str_pred!("isdecimal", |c| c.is_ascii_digit()),
    str_pred!("isnumeric", char::is_numeric),
    str_pred!("isalpha", char::is_alphabetic),
    str_pred!("isalnum", char::is_alphanumeric),
    str_pred!("isspace", char::is_whitespace),
    MethodDef::method("isupper", |a, k| {
        let t = str_value(args::method("isupper", a, k, 0, 0)?.0).unwrap_or("");
        Ok(new_bool(t.chars().any(char::is_uppercase) && !t.chars().any(char::is_lowercase)))
    }),
    MethodDef::method("islower", |a, k| {
        let t = str_value(args::method("islower", a, k, 0, 0)?.0).unwrap_or("");
        Ok(new_bool(t.chars().any(char::is_lowercase) && !t.chars().any(char::is_uppercase)))
    }),
    MethodDef::method("startswith", |a, k| affix_test(a, k, "startswith", true)),
    MethodDef::method("endswith", |a, k| affix_test(a, k, "endswith", false)),
    MethodDef::method("find", |a, k| {
        let (s, r) = args::method("find", a, k, 1, 1)?;
        let t = str_value(s).unwrap_or("");
        let n = str_value(&r[0]).ok_or_else(|| PyErr::type_error("must be str"))?;
        new_int(t.find(n).map_or(-1, |b| char_index(t, b) as i64))
    }),
    MethodDef::method("rfind", |a, k| {
        let (s, r) = args::method("rfind", a, k, 1, 1)?;
        let t = str_value(s).unwrap_or("");
        let n = str_value(&r[0]).ok_or_else(|| PyErr::type_error("must be str"))?;
        new_int(t.rfind(n).map_or(-1, |b| char_index(t, b) as i64))
    }),
    MethodDef::method("index", |a, k| {
        let (s, r) = args::method("index", a, k, 1, 1)?;
        let t = str_value(s).unwrap_or("");
        let n = str_value(&r[0]).ok_or_else(|| PyErr::type_error("must be str"))?;
        match t.find(n) {
            Some(b) => new_int(char_index(t, b) as i64),
            None => Err(PyErr::value_error("substring not found")),
        }
    }),
    MethodDef::method("count", |a, k| {
        let (s, r) = args::method("count", a, k, 1, 1)?;
        let t = str_value(s).unwrap_or("");
        let n = str_value(&r[0]).ok_or_else(|| PyErr::type_error("must be str"))?;
        new_int(if n.is_empty() { t.chars().count() as i64 + 1 } else { t.matches(n).count() as i64 })
    }),
    MethodDef::method("replace", |a, k| {
        let (s, r) = args::method("replace", a, k, 2, 3)?;
        let t = str_value(s).unwrap_or("");
        let (Some(old), Some(new)) = (str_value(&r[0]), str_value(&r[1])) else {
            return Err(PyErr::type_error("replace() arguments must be str"));
        };
        let count = match r.get(2) {
            Some(c) => ops::index_isize(c)?,
            None => -1,
        };
        new_str(&if count < 0 { t.replace(old, new) } else { t.replacen(old, new, count as usize) })
    }),
    MethodDef::method("zfill", |a, k| {
        let (s, r) = args::method("zfill", a, k, 1, 1)?;
        let t = str_value(s).unwrap_or("");
        let w = ops::index_isize(&r[0])?.max(0) as usize;
        let n = t.chars().count();
        if n >= w {
            return new_str(t);
        }
        let (sign, rest) = match t.chars().next() {
            Some(c @ ('+' | '-')) => (c.to_string(), &t[1..]),
            _ => (String::new(), t),
        };
        new_str(&format!("{sign}{}{rest}", "0".repeat(w - n)))
    }),
];
