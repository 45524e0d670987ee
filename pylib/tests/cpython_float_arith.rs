//! Differential tests of `pyrt_pylib::float::arith` against CPython 3.13's float `/ % // divmod
//! **` on every pair of 52 values (zeros of both signs, infinities, NaN, extremes, randoms).

mod common;

use common::*;
use pyrt_pylib::float::arith::{self, Power};
use serde_json::{Value, json};

#[test]
fn expected_outputs_are_current() {
    check_generator_is_current("float_arith");
}

fn same(got: &Value, want: &Value) -> bool {
    if got == want {
        return true;
    }
    // NaN payloads and signs are not Python-visible through these operations' results.
    match (got.as_array(), want.as_array()) {
        (Some(a), Some(b))
            if a.len() == b.len() && a.iter().all(Value::is_string) && b.iter().all(Value::is_string) =>
        {
            a.iter().zip(b).all(|(x, y)| {
                let (x, y) = (float_from_bits(x), float_from_bits(y));
                x.to_bits() == y.to_bits() || (x.is_nan() && y.is_nan())
            })
        }
        _ => false,
    }
}

#[test]
fn float_arith_matches_cpython() {
    let cases = load_cases("float_arith");
    let mut failures = Vec::new();
    for case in &cases {
        let (x, y) = (float_from_bits(&case[1]), float_from_bits(&case[2]));
        let got = match case[0].as_str().unwrap() {
            "div" => outcome(arith::div(x, y), |v| json!([bits_of(v)])),
            "rem" => outcome(arith::rem(x, y), |v| json!([bits_of(v)])),
            "floordiv" => outcome(arith::floordiv(x, y), |v| json!([bits_of(v)])),
            "divmod" => outcome(arith::divmod(x, y), |(q, r)| json!([bits_of(q), bits_of(r)])),
            "pow" => outcome(arith::pow(x, y), |p| match p {
                Power::Float(v) => json!([bits_of(v)]),
                Power::Complex => json!("complex"),
            }),
            other => panic!("unknown op {other}"),
        };
        if !same(&got, &case[3]) {
            failures.push(format!("{}({x:?}, {y:?}): want {}, got {got}", case[0].as_str().unwrap(), case[3]));
        }
    }
    println!("float_arith: {} cases against CPython 3.13, {} failures", cases.len(), failures.len());
    assert!(failures.is_empty(), "{} differences:\n{}", failures.len(), failures[..failures.len().min(40)].join("\n"));
}
