//! Differential tests of `pyrt_pylib::int_text` against CPython 3.13: `int(s, base)` with its
//! messages and digit limit, `str(i)` with the limit, and `bin`/`oct`/`hex`.

mod common;

use common::*;
use num_traits::Num;
use pyrt_pylib::bigint::BigInt;
use pyrt_pylib::int_text::{self, DEFAULT_MAX_STR_DIGITS};
use serde_json::json;

#[test]
fn expected_outputs_are_current() {
    check_generator_is_current("int_text");
}

fn parse_input(s: &str) -> BigInt {
    match s.strip_prefix("-0x") {
        Some(h) => -BigInt::from_str_radix(h, 16).unwrap(),
        None => match s.strip_prefix("0x") {
            Some(h) => BigInt::from_str_radix(h, 16).unwrap(),
            None => s.parse().unwrap(),
        },
    }
}

fn cut(s: &str, n: usize) -> &str {
    &s[..s.len().min(n)]
}

#[test]
fn int_text_matches_cpython() {
    let cases = load_cases("int_text");
    let mut failures = Vec::new();
    for case in &cases {
        match case[0].as_str().unwrap() {
            "parse" => {
                let s = case[1].as_str().unwrap();
                let base = case[2].as_i64().unwrap();
                let got = outcome(int_text::parse_int(s, base, DEFAULT_MAX_STR_DIGITS), |v| {
                    let v = v.into_bigint();
                    if v.bits() < 13000 {
                        json!(v.to_string())
                    } else {
                        let mut hex = String::new();
                        int_text::write_prefixed(&v, 16, &mut hex);
                        json!(hex)
                    }
                });
                if got != case[3] {
                    failures.push(format!(
                        "int({:?}, {base}): want {}, got {}",
                        cut(s, 60),
                        case[3],
                        cut(&got.to_string(), 100)
                    ));
                }
            }
            "str" => {
                let v = parse_input(case[1].as_str().unwrap());
                let mut text = String::new();
                let got = outcome(int_text::write_decimal(&v, DEFAULT_MAX_STR_DIGITS, &mut text), |_| {
                    json!(format!("{}|{}", cut(&text, 50), text.len()))
                });
                if got != case[2] {
                    failures.push(format!(
                        "str({}...): want {}, got {got}",
                        cut(case[1].as_str().unwrap(), 20),
                        case[2]
                    ));
                }
                for (base, want) in [(2, &case[3]), (8, &case[4]), (16, &case[5])] {
                    let mut out = String::new();
                    int_text::write_prefixed(&v, base, &mut out);
                    if json!(cut(&out, 40)) != *want {
                        failures.push(format!(
                            "base {base} of {}: want {want}, got {out}",
                            cut(case[1].as_str().unwrap(), 20)
                        ));
                    }
                }
            }
            other => panic!("unknown case {other}"),
        }
    }
    println!("int_text: {} cases against CPython 3.13, {} failures", cases.len(), failures.len());
    assert!(failures.is_empty(), "{} differences:\n{}", failures.len(), failures[..failures.len().min(40)].join("\n"));
}
