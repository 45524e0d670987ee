//! Differential tests of `pyrt_pylib::str_format` against CPython 3.13's `str.format` and
//! `str.format_map`, with the arguments `([1, 2], 3, 4.5, 'xyz', {'k': 'v', '0': 'zero'})` and
//! keywords `a='A', n=7` modelled by a miniature object model.

mod common;

use common::*;
use pyrt_pylib::str_format::{self, FieldOps};
use pyrt_pylib::{PyError, float, format_spec, str_repr};
use serde_json::json;

#[derive(Clone)]
enum Obj {
    Int(i64),
    Float(f64),
    Str(String),
    List(Vec<Obj>),
    Dict(Vec<(String, Obj)>),
}

fn type_name(v: &Obj) -> &'static str {
    match v {
        Obj::Int(_) => "int",
        Obj::Float(_) => "float",
        Obj::Str(_) => "str",
        Obj::List(_) => "list",
        Obj::Dict(_) => "dict",
    }
}

fn repr(v: &Obj, out: &mut String) {
    match v {
        Obj::Int(i) => out.push_str(&i.to_string()),
        Obj::Float(x) => float::repr(*x, out),
        Obj::Str(s) => str_repr::repr_str(s, out),
        Obj::List(items) => {
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                repr(item, out);
            }
            out.push(']');
        }
        Obj::Dict(items) => {
            out.push('{');
            for (i, (k, item)) in items.iter().enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                str_repr::repr_str(k, out);
                out.push_str(": ");
                repr(item, out);
            }
            out.push('}');
        }
    }
}

fn str_of(v: &Obj) -> String {
    match v {
        Obj::Str(s) => s.clone(),
        other => {
            let mut out = String::new();
            repr(other, &mut out);
            out
        }
    }
}

fn key_error(key: &str) -> PyError {
    let mut msg = String::new();
    str_repr::repr_str(key, &mut msg);
    PyError::KeyError(msg.into())
}

struct Ops {
    args: Vec<Obj>,
    kwargs: Vec<(String, Obj)>,
}

impl FieldOps for Ops {
    type Value = Obj;
    type Error = PyError;

    fn positional(&mut self, index: usize) -> Option<Obj> {
        self.args.get(index).cloned()
    }
    fn keyword(&mut self, name: &str) -> Result<Obj, PyError> {
        self.kwargs.iter().find(|(k, _)| k == name).map(|(_, v)| v.clone()).ok_or_else(|| key_error(name))
    }
    fn getattr(&mut self, v: &Obj, name: &str) -> Result<Obj, PyError> {
        match (v, name) {
            (Obj::Int(_) | Obj::Float(_), "real") => Ok(v.clone()),
            (Obj::Int(_), "imag") => Ok(Obj::Int(0)),
            (Obj::Float(_), "imag") => Ok(Obj::Float(0.0)),
            _ => Err(PyError::AttributeError(format!("'{}' object has no attribute '{name}'", type_name(v)).into())),
        }
    }
    fn getitem_index(&mut self, v: &Obj, index: usize) -> Result<Obj, PyError> {
        match v {
            Obj::List(items) => items.get(index).cloned().ok_or(PyError::IndexError("list index out of range".into())),
            Obj::Str(s) => s
                .chars()
                .nth(index)
                .map(|c| Obj::Str(c.to_string()))
                .ok_or(PyError::IndexError("string index out of range".into())),
            Obj::Dict(_) => Err(PyError::KeyError(index.to_string().into())),
            other => Err(PyError::TypeError(format!("'{}' object is not subscriptable", type_name(other)).into())),
        }
    }
    fn getitem_str(&mut self, v: &Obj, key: &str) -> Result<Obj, PyError> {
        match v {
            Obj::Dict(items) => {
                items.iter().find(|(k, _)| k == key).map(|(_, v)| v.clone()).ok_or_else(|| key_error(key))
            }
            Obj::List(_) => Err(PyError::TypeError("list indices must be integers or slices, not str".into())),
            Obj::Str(_) => Err(PyError::TypeError("string indices must be integers, not 'str'".into())),
            other => Err(PyError::TypeError(format!("'{}' object is not subscriptable", type_name(other)).into())),
        }
    }
    fn convert(&mut self, v: &Obj, conversion: char) -> Result<Obj, PyError> {
        let mut out = String::new();
        match conversion {
            's' => out = str_of(v),
            _ => {
                let mut r = String::new();
                repr(v, &mut r);
                for c in r.chars() {
                    match (conversion, c as u32) {
                        ('a', n @ 0x80..=0xff) => out.push_str(&format!("\\x{n:02x}")),
                        ('a', n @ 0x100..=0xffff) => out.push_str(&format!("\\u{n:04x}")),
                        ('a', n @ 0x10000..) => out.push_str(&format!("\\U{n:08x}")),
                        _ => out.push(c),
                    }
                }
            }
        }
        Ok(Obj::Str(out))
    }
    fn format_value(&mut self, v: &Obj, spec: &str, out: &mut String) -> Result<(), PyError> {
        match v {
            Obj::Int(i) => format_spec::format_int(i, spec, "int", out),
            Obj::Float(x) => format_spec::format_float(*x, spec, "float", out),
            Obj::Str(s) => format_spec::format_str(s, spec, "str", out),
            other if spec.is_empty() => {
                out.push_str(&str_of(other));
                Ok(())
            }
            other => Err(PyError::TypeError(
                format!("unsupported format string passed to {}.__format__", type_name(other)).into(),
            )),
        }
    }
}

fn ops() -> Ops {
    Ops {
        args: vec![
            Obj::List(vec![Obj::Int(1), Obj::Int(2)]),
            Obj::Int(3),
            Obj::Float(4.5),
            Obj::Str("xyz".into()),
            Obj::Dict(vec![("k".into(), Obj::Str("v".into())), ("0".into(), Obj::Str("zero".into()))]),
        ],
        kwargs: vec![("a".into(), Obj::Str("A".into())), ("n".into(), Obj::Int(7))],
    }
}

#[test]
fn expected_outputs_are_current() {
    check_generator_is_current("str_format");
}

#[test]
fn str_format_matches_cpython() {
    let cases = load_cases("str_format");
    let mut failures = Vec::new();
    for case in &cases {
        let fmt = case[1].as_str().unwrap();
        let mut out = String::new();
        let result = if case[0] == "format" {
            str_format::format(fmt, &mut ops(), &mut out)
        } else {
            str_format::format_map(fmt, &mut ops(), &mut out)
        };
        let got = outcome(result, |_| json!(out));
        if got != case[2] {
            failures.push(format!("{fmt:?}.{}: want {}, got {got}", case[0].as_str().unwrap(), case[2]));
        }
    }
    println!("str_format: {} cases against CPython 3.13, {} failures", cases.len(), failures.len());
    assert!(failures.is_empty(), "{} differences:\n{}", failures.len(), failures[..failures.len().min(40)].join("\n"));
}
