//! Differential tests of `pyrt_pylib::float` against CPython 3.13's outputs.

mod common;

use common::*;
use num_traits::FromPrimitive;
use pyrt_pylib::bigint::BigInt;
use pyrt_pylib::float;
use serde_json::{Value, json};

#[test]
fn expected_outputs_are_current() {
    check_generator_is_current("float");
}

#[test]
fn float_matches_cpython() {
    let cases = load_cases("float");
    let mut failures = Vec::new();
    let mut counts = std::collections::BTreeMap::<String, usize>::new();
    for case in &cases {
        let op = case[0].as_str().unwrap();
        *counts.entry(op.to_string()).or_default() += 1;
        let (got, want): (Value, &Value) = match op {
            "repr" => (json!(float::repr_string(float_from_bits(&case[1]))), &case[2]),
            "hex" => {
                let mut s = String::new();
                float::to_hex(float_from_bits(&case[1]), &mut s);
                (json!(s), &case[2])
            }
            "is_integer" => (json!(float::is_integer(float_from_bits(&case[1]))), &case[2]),
            "ratio" => {
                let r = float::as_integer_ratio(float_from_bits(&case[1]));
                (outcome(r, |(n, d)| json!([n.to_string(), d.to_string()])), &case[2])
            }
            "round" => {
                let r = float::round_half_even(float_from_bits(&case[1]));
                (outcome(r, |v| json!(BigInt::from_f64(v).map(|b| b.to_string()))), &case[2])
            }
            "round_n" => {
                let r = float::round_ndigits(float_from_bits(&case[1]), case[2].as_i64().unwrap());
                (outcome(r, |v| json!(bits_of(v))), &case[3])
            }
            "dts" => {
                let x = float_from_bits(&case[1]);
                let code = case[2].as_str().unwrap();
                let prec = case[3].as_u64().unwrap() as usize;
                let flags = case[4].as_str().unwrap();
                let mut dts =
                    float::DtsFlags { sign: flags.contains('+'), alt: flags.contains('#'), ..Default::default() };
                let code = if code.is_empty() {
                    dts.add_dot_0 = true;
                    b'g'
                } else {
                    code.as_bytes()[0]
                };
                let mut s = String::new();
                float::double_to_string(x, code, prec, dts, &mut s);
                (json!(s), &case[5])
            }
            "parse" => (outcome(float::parse(case[1].as_str().unwrap()), |v| json!(bits_of(v))), &case[2]),
            "fromhex" => (outcome(float::from_hex(case[1].as_str().unwrap()), |v| json!(bits_of(v))), &case[2]),
            other => panic!("unknown op {other}"),
        };
        // NaN payloads are not Python-visible; compare NaNs by kind.
        let nan_equal = |a: &Value, b: &Value| {
            let is_nan = |v: &Value| {
                v.as_str().and_then(|s| u64::from_str_radix(s, 16).ok()).is_some_and(|b| f64::from_bits(b).is_nan())
            };
            is_nan(a) && is_nan(b)
        };
        if &got != want && !nan_equal(&got, want) {
            failures.push(format!("{case:?}: got {got}"));
        }
    }
    println!("float: {} cases against CPython 3.13 ({counts:?}), {} failures", cases.len(), failures.len());
    assert!(
        failures.is_empty(),
        "{} of {} cases differ:\n{}",
        failures.len(),
        cases.len(),
        failures[..failures.len().min(40)].join("\n")
    );
}
