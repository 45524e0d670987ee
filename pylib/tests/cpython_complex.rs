//! Differential tests of `pyrt_pylib::complex::parse` against CPython 3.13's `complex(str)`.

mod common;

use common::*;
use serde_json::json;

#[test]
fn expected_outputs_are_current() {
    check_generator_is_current("complex");
}

#[test]
fn complex_matches_cpython() {
    let cases = load_cases("complex");
    let mut failures = Vec::new();
    for case in &cases {
        let s = case[1].as_str().unwrap();
        let got = outcome(pyrt_pylib::complex::parse(s), |(re, im)| json!([bits_of(re), bits_of(im)]));
        // NaN payloads are not Python-visible: compare NaNs by kind.
        let same = got == case[2]
            || (got.is_array()
                && case[2].is_array()
                && got.as_array().unwrap().len() == 2
                && (0..2).all(|i| {
                    let a = float_from_bits(&got[i]);
                    let b = float_from_bits(&case[2][i]);
                    a.to_bits() == b.to_bits() || (a.is_nan() && b.is_nan())
                }));
        if !same {
            failures.push(format!("complex({s:?}): want {}, got {got}", case[2]));
        }
    }
    println!("complex: {} cases against CPython 3.13, {} failures", cases.len(), failures.len());
    assert!(failures.is_empty(), "{} differences:\n{}", failures.len(), failures[..failures.len().min(40)].join("\n"));
}
