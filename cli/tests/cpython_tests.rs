//! CPython 3.13's own test files under pyrt, through the project's shim unittest
//! (tools/cpython_tests/run.py, see its README.md).
//!
//! Runs a few of those files unmodified from the installed CPython 3.13 and asserts that
//! the run completes (no crash, a SUMMARY line) and that at least the recorded number of
//! test methods pass, so a regression in the runtime shows here. The floors are the counts
//! measured when they were set; raise them as the runtime grows. Skips with a notice when
//! CPython 3.13's test directory is not installed.

mod common;

use std::path::{Path, PathBuf};

const CPYTHON_TEST_DIR: &str = "/root/.pyenv/versions/3.13.0/lib/python3.13/test";

/// (file, minimum number of passing test methods under pyrt). test_str and test_set are left to
/// report.py for their run time in a debug build.
const FLOORS: &[(&str, u32)] = &[
    ("test_int", 34),
    ("test_float", 31),
    ("test_list", 54),
    ("test_dict", 88),
    ("test_tuple", 28),
    ("test_range", 20),
    ("test_bool", 27),
    ("test_class", 25),
    ("test_descr", 117),
    ("test_exceptions", 65),
    ("test_grammar", 75),
    ("test_generators", 33),
    ("test_scope", 38),
];

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).parent().expect("the workspace root").to_path_buf()
}

/// Runs `pyrt tools/cpython_tests/run.py NAME`; kills it after 60 seconds (`None`).
fn run_file(name: &str) -> Option<(std::process::ExitStatus, String, String)> {
    let out = common::run_pyrt_with_timeout(
        &["tools/cpython_tests/run.py", "-v", name],
        &root(),
        std::time::Duration::from_secs(60),
    )?;
    Some((
        out.status,
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    ))
}

/// The `passed=N` count of the runner's `SUMMARY name collected=.. passed=..` line.
fn passed_count(stdout: &str, name: &str) -> Option<u32> {
    let line = stdout.lines().find(|l| l.starts_with(&format!("SUMMARY {name} ")))?;
    line.split_whitespace().find_map(|field| field.strip_prefix("passed=")?.parse().ok())
}

#[test]
fn summary_line_is_parsed() {
    let out = "PASS  A.test_x\nSUMMARY test_bool collected=31 passed=26 failed=1 errored=0 skipped=4\n";
    assert_eq!(passed_count(out, "test_bool"), Some(26));
    assert_eq!(passed_count(out, "test_int"), None);
}

#[test]
fn cpython_test_files_pass_at_least_the_floor() {
    if !Path::new(CPYTHON_TEST_DIR).is_dir() {
        eprintln!("notice: {CPYTHON_TEST_DIR} is missing (CPython 3.13 not installed); skipping");
        return;
    }
    let mut problems = Vec::new();
    for &(name, floor) in FLOORS {
        let Some((status, stdout, stderr)) = run_file(name) else {
            problems.push(format!("{name}: pyrt did not finish within 60 s"));
            continue;
        };
        match passed_count(&stdout, name) {
            Some(passed) => {
                eprintln!("{name}: {passed} passed (floor {floor})");
                if passed < floor {
                    let not_passing: Vec<&str> = stdout
                        .lines()
                        .filter(|l| l.starts_with("FAIL") || l.starts_with("ERROR") || l.starts_with("LOADERROR"))
                        .collect();
                    problems
                        .push(format!("{name}: {passed} passed, below the floor {floor}:\n{}", not_passing.join("\n")));
                }
            }
            None => problems.push(format!("{name}: no SUMMARY line (status {status}); stderr:\n{stderr}")),
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n\n"));
}
