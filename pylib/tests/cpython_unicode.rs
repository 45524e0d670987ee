//! Differential tests of `pyrt_pylib::unicode` against CPython 3.13: every predicate and case
//! mapping over all Unicode scalar values (compared as FNV-1a hashes of the whole sequence),
//! and the string algorithms (final sigma, title casing, splitlines, split) on 622 strings.

mod common;

use common::*;
use pyrt_pylib::unicode as u;
use serde_json::{Value, json};

fn fnv(bytes: impl IntoIterator<Item = u8>) -> String {
    let mut h: u64 = 0xcbf29ce484222325;
    for b in bytes {
        h = (h ^ u64::from(b)).wrapping_mul(0x100000001b3);
    }
    format!("{h:016x}")
}

fn scalar_values() -> impl Iterator<Item = char> {
    (0..0x110000u32).filter_map(char::from_u32)
}

fn predicate(name: &str) -> fn(&str) -> bool {
    match name {
        "isalpha" => |s| u::str_all(s, u::is_alpha),
        "isdecimal" => |s| u::str_all(s, u::is_decimal),
        "isdigit" => |s| u::str_all(s, u::is_digit),
        "isnumeric" => |s| u::str_all(s, u::is_numeric),
        "isalnum" => |s| u::str_all(s, u::is_alnum),
        "isspace" => |s| u::str_all(s, u::is_space),
        "isprintable" => u::str_isprintable,
        "islower" => u::str_islower,
        "isupper" => u::str_isupper,
        "istitle" => u::str_istitle,
        "isidentifier" => u::str_isidentifier,
        other => panic!("unknown predicate {other}"),
    }
}

fn mapping(name: &str) -> fn(&str, &mut String) {
    match name {
        "lower" => u::lower,
        "upper" => u::upper,
        "casefold" => u::casefold,
        "title" => u::title,
        "capitalize" => u::capitalize,
        "swapcase" => u::swapcase,
        other => panic!("unknown mapping {other}"),
    }
}

#[test]
fn expected_outputs_are_current() {
    check_generator_is_current("unicode");
}

#[test]
fn unicode_matches_cpython() {
    let cases = load_cases("unicode");
    let mut failures = Vec::new();
    let mut buf = [0u8; 4];
    for case in &cases {
        match case[0].as_str().unwrap() {
            "all_chars" => {
                let name = case[1].as_str().unwrap();
                let got = if name == "decimal" {
                    fnv(scalar_values().map(|c| u::decimal_value(c).map_or(255, |d| d as u8)))
                } else if let Some(f) = ["lower", "upper", "casefold", "title", "capitalize", "swapcase"]
                    .contains(&name)
                    .then(|| mapping(name))
                {
                    let mut bytes = Vec::new();
                    let mut out = String::new();
                    for c in scalar_values() {
                        out.clear();
                        f(c.encode_utf8(&mut buf), &mut out);
                        bytes.extend_from_slice(out.as_bytes());
                        bytes.push(0);
                    }
                    fnv(bytes)
                } else {
                    let p = predicate(name);
                    fnv(scalar_values().map(|c| p(c.encode_utf8(&mut buf)) as u8))
                };
                if got != case[2] {
                    failures.push(format!("all characters: {name} differs"));
                }
            }
            "str" => {
                let text = case[1].as_str().unwrap();
                let want = case[2].as_object().unwrap();
                for (name, expected) in want {
                    let got: Value = match name.as_str() {
                        "splitlines" => json!(u::splitlines(text, false).collect::<Vec<_>>()),
                        "splitlines_keep" => json!(u::splitlines(text, true).collect::<Vec<_>>()),
                        "split" => json!(u::split_whitespace(text, -1)),
                        "split1" => json!(u::split_whitespace(text, 1)),
                        "rsplit1" => json!(u::rsplit_whitespace(text, 1)),
                        n if n.starts_with("is") => json!(predicate(n)(text)),
                        n => {
                            let mut out = String::new();
                            mapping(n)(text, &mut out);
                            json!(out)
                        }
                    };
                    if &got != expected {
                        failures.push(format!("{text:?}.{name}(): want {expected}, got {got}"));
                    }
                }
            }
            other => panic!("unknown case {other}"),
        }
    }
    println!("unicode: {} cases against CPython 3.13, {} failures", cases.len(), failures.len());
    assert!(failures.is_empty(), "{} differences:\n{}", failures.len(), failures[..failures.len().min(40)].join("\n"));
}

#[test]
fn generated_tables_are_current() {
    let script = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tools/gen_unicode_tables.py");
    let probe = std::process::Command::new("python3")
        .env("PYENV_VERSION", "3.13.0")
        .args(["-c", "import sys; sys.exit(0 if sys.version_info[:2] == (3, 13) else 1)"])
        .status();
    if !matches!(probe, Ok(s) if s.success()) {
        eprintln!("notice: CPython 3.13 not found; skipping the check of src/unicode/tables.rs");
        return;
    }
    let out = std::process::Command::new("python3")
        .env("PYENV_VERSION", "3.13.0")
        .arg(&script)
        .arg("--check")
        .output()
        .expect("running gen_unicode_tables.py");
    assert!(out.status.success(), "src/unicode/tables.rs is stale: {}", String::from_utf8_lossy(&out.stderr));
}
