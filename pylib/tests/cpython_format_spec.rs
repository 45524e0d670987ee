//! Differential tests of `pyrt_pylib::format_spec` against CPython 3.13's `format(value, spec)`.

mod common;

use common::*;
use pyrt_pylib::bigint::BigInt;
use pyrt_pylib::format_spec;
use serde_json::{Value, json};

#[test]
fn expected_outputs_are_current() {
    check_generator_is_current("format_spec");
}

/// `format(value, spec)` the way the object layer will call it: empty specs on `bool` use
/// `str(bool)`, every other value goes to the function for its type.
fn format_value(value: &[Value], spec: &str) -> Result<String, pyrt_pylib::PyError> {
    let mut out = String::new();
    match value[0].as_str().unwrap() {
        "int" => {
            let i: BigInt = value[1].as_str().unwrap().parse().unwrap();
            format_spec::format_int(&i, spec, "int", &mut out)?;
        }
        "bool" => {
            let b = value[1].as_bool().unwrap();
            if spec.is_empty() {
                out.push_str(if b { "True" } else { "False" });
            } else {
                format_spec::format_int(&i64::from(b), spec, "bool", &mut out)?;
            }
        }
        "float" => format_spec::format_float(float_from_bits(&value[1]), spec, "float", &mut out)?,
        "complex" => format_spec::format_complex(
            float_from_bits(&value[1]),
            float_from_bits(&value[2]),
            spec,
            "complex",
            &mut out,
        )?,
        "str" => format_spec::format_str(value[1].as_str().unwrap(), spec, "str", &mut out)?,
        other => panic!("unknown value kind {other}"),
    }
    Ok(out)
}

#[test]
fn format_matches_cpython() {
    let cases = load_cases("format_spec");
    let mut failures = Vec::new();
    for case in &cases {
        let value = case[1].as_array().unwrap();
        let spec = case[2].as_str().unwrap();
        let got = outcome(format_value(value, spec), |s| json!(s));
        if got != case[3] {
            failures.push(format!("format({value:?}, {spec:?}): want {}, got {got}", case[3]));
        }
    }
    println!("format_spec: {} cases against CPython 3.13, {} failures", cases.len(), failures.len());
    assert!(
        failures.is_empty(),
        "{} of {} cases differ:\n{}",
        failures.len(),
        cases.len(),
        failures[..failures.len().min(40)].join("\n")
    );
}
