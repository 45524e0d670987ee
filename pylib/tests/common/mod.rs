//! Shared helpers of the differential tests: loading the CPython 3.13 expected outputs.

use serde_json::Value;
use std::path::PathBuf;

/// The cases of `tests/data/NAME.jsonl`, one JSON array per line.
pub fn load_cases(name: &str) -> Vec<Vec<Value>> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/data").join(format!("{name}.jsonl"));
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("reading {}: {e}", path.display()));
    text.lines()
        .map(|line| match serde_json::from_str::<Value>(line) {
            Ok(Value::Array(items)) => items,
            other => panic!("bad case line {line}: {other:?}"),
        })
        .collect()
}

#[allow(dead_code)] // not every test binary reads floats
/// A float from the 16-hex-digit bit pattern the generator writes.
pub fn float_from_bits(v: &Value) -> f64 {
    f64::from_bits(u64::from_str_radix(v.as_str().expect("bits string"), 16).expect("hex bits"))
}

#[allow(dead_code)] // used by the float tests only
/// The 16-hex-digit bit pattern of a float.
pub fn bits_of(x: f64) -> String {
    format!("{:016x}", x.to_bits())
}

#[allow(dead_code)] // not every test binary checks errors
/// The outcome of a fallible operation in the same shape as the expected value.
pub fn outcome<T>(r: Result<T, pyrt_pylib::PyError>, ok: impl FnOnce(T) -> Value) -> Value {
    match r {
        Ok(v) => ok(v),
        Err(e) => serde_json::json!(["ERR", e.exception_name(), e.message()]),
    }
}

/// Runs the generator's `--check` for `name` with CPython 3.13 when it is installed; prints a
/// notice and returns when it is not.
pub fn check_generator_is_current(name: &str) {
    let script = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/gen_expected.py");
    let status = std::process::Command::new("python3")
        .env("PYENV_VERSION", "3.13.0")
        .arg("-c")
        .arg("import sys; sys.exit(0 if sys.version_info[:2] == (3, 13) else 1)")
        .status();
    if !matches!(status, Ok(s) if s.success()) {
        eprintln!("notice: CPython 3.13 not found; skipping regeneration check of {name}.jsonl");
        return;
    }
    let out = std::process::Command::new("python3")
        .env("PYENV_VERSION", "3.13.0")
        .arg(&script)
        .arg("--check")
        .arg(name)
        .output()
        .expect("running gen_expected.py");
    assert!(out.status.success(), "tests/data/{name}.jsonl is stale: {}", String::from_utf8_lossy(&out.stderr));
}
