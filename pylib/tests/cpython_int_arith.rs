//! Differential tests of `pyrt_pylib::int_arith` against CPython 3.13's `int / int`,
//! `pow(a, b, m)` and `round(int, n)`.

mod common;

use common::*;
use num_traits::Num;
use pyrt_pylib::bigint::BigInt;
use serde_json::json;

fn from_hex(s: &str) -> BigInt {
    match s.strip_prefix('-') {
        Some(rest) => -BigInt::from_str_radix(&rest[2..], 16).unwrap(),
        None => BigInt::from_str_radix(&s[2..], 16).unwrap(),
    }
}

#[test]
fn expected_outputs_are_current() {
    check_generator_is_current("int_arith");
}

#[test]
fn int_arith_matches_cpython() {
    let cases = load_cases("int_arith");
    let mut failures = Vec::new();
    for case in &cases {
        if case[0] == "round" {
            let a = from_hex(case[1].as_str().unwrap());
            let mut got = String::new();
            pyrt_pylib::int_text::write_prefixed(
                &pyrt_pylib::int_arith::round_int(&a, case[2].as_i64().unwrap()),
                16,
                &mut got,
            );
            if got != case[3] {
                failures.push(format!("round({}, {}): want {}, got {got}", case[1], case[2], case[3]));
            }
            continue;
        }
        let (a, b) = (from_hex(case[1].as_str().unwrap()), from_hex(case[2].as_str().unwrap()));
        if case[0] == "powmod" {
            let m = from_hex(case[3].as_str().unwrap());
            let got = outcome(pyrt_pylib::int_arith::pow_mod(&a, &b, &m), |v| {
                let mut s = String::new();
                pyrt_pylib::int_text::write_prefixed(&v, 16, &mut s);
                json!(s)
            });
            if got != case[4] {
                failures.push(format!("pow({}, {}, {}): want {}, got {got}", case[1], case[2], case[3], case[4]));
            }
            continue;
        }
        let got = outcome(pyrt_pylib::int_arith::true_divide(&a, &b), |v| json!(bits_of(v)));
        if got != case[3] {
            failures.push(format!("{} / {}: want {}, got {got}", case[1], case[2], case[3]));
        }
    }
    println!("int_arith: {} cases against CPython 3.13, {} failures", cases.len(), failures.len());
    assert!(failures.is_empty(), "{} differences:\n{}", failures.len(), failures[..failures.len().min(20)].join("\n"));
}
