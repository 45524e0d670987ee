//! Differential tests of `pyrt_pylib::printf` against CPython 3.13's `format % args`, with a
//! miniature object model (int, bool, float, complex, str, None, list, dict) standing in for
//! the runtime's.

mod common;

use common::*;
use pyrt_pylib::PyError;
use pyrt_pylib::bigint::BigInt;
use pyrt_pylib::printf::{self, Args, CharArg, FormatOps};
use pyrt_pylib::{float, format_spec, str_repr};
use serde_json::{Value, json};

#[derive(Clone, Debug)]
enum Obj {
    Int(BigInt),
    Bool(bool),
    Float(f64),
    Complex(f64, f64),
    Str(String),
    None,
    List(Vec<Obj>),
    Dict(Vec<(String, Obj)>),
}

fn obj(v: &Value) -> Obj {
    let items = v.as_array().unwrap();
    match items[0].as_str().unwrap() {
        "int" => Obj::Int(items[1].as_str().unwrap().parse().unwrap()),
        "bool" => Obj::Bool(items[1].as_bool().unwrap()),
        "float" => Obj::Float(float_from_bits(&items[1])),
        "complex" => Obj::Complex(float_from_bits(&items[1]), float_from_bits(&items[2])),
        "str" => Obj::Str(items[1].as_str().unwrap().to_string()),
        "none" => Obj::None,
        "list" => Obj::List(items[1].as_array().unwrap().iter().map(obj).collect()),
        "dict" => Obj::Dict(
            items[1].as_array().unwrap().iter().map(|kv| (kv[0].as_str().unwrap().to_string(), obj(&kv[1]))).collect(),
        ),
        other => panic!("unknown value kind {other}"),
    }
}

struct Ops;

fn repr(v: &Obj, out: &mut String) {
    match v {
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
        other => str_of(other, out),
    }
}

fn str_of(v: &Obj, out: &mut String) {
    match v {
        Obj::Int(i) => out.push_str(&i.to_string()),
        Obj::Bool(b) => out.push_str(if *b { "True" } else { "False" }),
        Obj::Float(x) => float::repr(*x, out),
        Obj::Complex(re, im) => format_spec::format_complex(*re, *im, "", "complex", out).unwrap(),
        Obj::Str(s) => out.push_str(s),
        Obj::None => out.push_str("None"),
        other => repr(other, out),
    }
}

impl FormatOps for Ops {
    type Value = Obj;
    type Int = BigInt;
    type Error = PyError;

    fn type_name(&self, v: &Obj) -> String {
        match v {
            Obj::Int(_) => "int",
            Obj::Bool(_) => "bool",
            Obj::Float(_) => "float",
            Obj::Complex(..) => "complex",
            Obj::Str(_) => "str",
            Obj::None => "NoneType",
            Obj::List(_) => "list",
            Obj::Dict(_) => "dict",
        }
        .to_string()
    }
    fn get_item(&mut self, mapping: &Obj, key: &str) -> Result<Obj, PyError> {
        match mapping {
            Obj::Dict(items) => items.iter().find(|(k, _)| k == key).map(|(_, v)| v.clone()).ok_or_else(|| {
                let mut msg = String::new();
                str_repr::repr_str(key, &mut msg);
                PyError::KeyError(msg.into())
            }),
            Obj::List(_) => Err(PyError::TypeError("list indices must be integers or slices, not str".into())),
            _ => unreachable!("only mappings are looked up"),
        }
    }
    fn write_str(&mut self, v: &Obj, out: &mut String) -> Result<(), PyError> {
        str_of(v, out);
        Ok(())
    }
    fn write_repr(&mut self, v: &Obj, out: &mut String) -> Result<(), PyError> {
        repr(v, out);
        Ok(())
    }
    fn write_ascii(&mut self, v: &Obj, out: &mut String) -> Result<(), PyError> {
        let mut r = String::new();
        repr(v, &mut r);
        for c in r.chars() {
            match c as u32 {
                0..=0x7f => out.push(c),
                n @ 0x80..=0xff => out.push_str(&format!("\\x{n:02x}")),
                n @ 0x100..=0xffff => out.push_str(&format!("\\u{n:04x}")),
                n => out.push_str(&format!("\\U{n:08x}")),
            }
        }
        Ok(())
    }
    fn exact_int(&mut self, v: &Obj) -> Option<BigInt> {
        match v {
            Obj::Int(i) => Some(i.clone()),
            Obj::Bool(b) => Some(BigInt::from(*b as u8)),
            _ => None,
        }
    }
    fn to_int(&mut self, v: &Obj, index_only: bool) -> Result<Option<BigInt>, PyError> {
        match v {
            Obj::Float(x) if !index_only => {
                if x.is_nan() {
                    Err(PyError::ValueError("cannot convert float NaN to integer".into()))
                } else if x.is_infinite() {
                    Err(PyError::OverflowError("cannot convert float infinity to integer".into()))
                } else {
                    Ok(num_traits::FromPrimitive::from_f64(x.trunc()))
                }
            }
            other => Ok(self.exact_int(other)),
        }
    }
    fn to_float(&mut self, v: &Obj) -> Result<Option<f64>, PyError> {
        match v {
            Obj::Float(x) => Ok(Some(*x)),
            Obj::Int(i) => pyrt_pylib::bigint::to_f64(i).map(Some),
            Obj::Bool(b) => Ok(Some(f64::from(*b as u8))),
            _ => Ok(None),
        }
    }
    fn to_char(&mut self, v: &Obj) -> Result<CharArg, PyError> {
        Ok(match v {
            Obj::Str(s) => CharArg::Str(if s.chars().count() == 1 { s.chars().next() } else { None }),
            Obj::Int(i) => CharArg::Int(num_traits::ToPrimitive::to_i64(i)),
            Obj::Bool(b) => CharArg::Int(Some(*b as i64)),
            _ => CharArg::Other,
        })
    }
}

fn run(fmt: &str, args: &Value) -> Result<String, PyError> {
    let mut out = String::new();
    let items = args.as_array().unwrap();
    if items[0] == "tuple" {
        let values: Vec<Obj> = items[1].as_array().unwrap().iter().map(obj).collect();
        printf::format(fmt, Args::Tuple(&values), &mut Ops, &mut out)?;
    } else {
        let value = obj(args);
        let is_mapping = matches!(value, Obj::List(_) | Obj::Dict(_));
        printf::format(fmt, Args::Single { value: &value, is_mapping }, &mut Ops, &mut out)?;
    }
    Ok(out)
}

#[test]
fn expected_outputs_are_current() {
    check_generator_is_current("printf");
}

#[test]
fn printf_matches_cpython() {
    let cases = load_cases("printf");
    let mut failures = Vec::new();
    for case in &cases {
        let fmt = case[1].as_str().unwrap();
        let got = outcome(run(fmt, &case[2]), |s| json!(s));
        if got != case[3] {
            failures.push(format!("{fmt:?} % {}: want {}, got {got}", case[2], case[3]));
        }
    }
    println!("printf: {} cases against CPython 3.13, {} failures", cases.len(), failures.len());
    assert!(
        failures.is_empty(),
        "{} of {} cases differ:\n{}",
        failures.len(),
        cases.len(),
        failures[..failures.len().min(40)].join("\n")
    );
}
