//! The differential corpus: `pyrt tests/py/NAME.py` must print exactly what CPython 3.13 printed
//! (NAME.stdout, NAME.stderr) and exit with its status (NAME.status). The expected files are
//! written by `tools/gen_py_expected.py` under CPython 3.13 (`$ROOT` in them stands for the
//! workspace root's absolute path).
//!
//! Prints every failing script and the pass count; asserts at least the ratchet floor in
//! `py_corpus_floor.txt` pass (raise it as the interpreter grows).

mod common;

use std::path::{Path, PathBuf};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).parent().expect("the workspace root").to_path_buf()
}

/// Runs `pyrt tests/py/NAME.py`, killing it after 20 seconds (`None`).
fn run_with_timeout(root: &Path, name: &str) -> Option<std::process::Output> {
    common::run_pyrt_with_timeout(&[&format!("tests/py/{name}.py")], root, std::time::Duration::from_secs(20))
}

#[test]
fn corpus_matches_cpython_3_13() {
    let root = root();
    let dir = root.join("tests/py");
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .expect("tests/py")
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .filter_map(|n| n.strip_suffix(".py").map(str::to_owned))
        .collect();
    names.sort();
    let (mut pass, mut fail) = (0, Vec::new());
    for name in &names {
        let root_text = root.display().to_string();
        let expected = |ext: &str| {
            let raw = std::fs::read(dir.join(format!("{name}.{ext}"))).unwrap_or_default();
            String::from_utf8_lossy(&raw).replace("$ROOT", &root_text).into_bytes()
        };
        let Some(out) = run_with_timeout(&root, name) else {
            fail.push(format!("{name} (timed out)"));
            continue;
        };
        // A process ended by a signal has Python's `returncode`: minus the signal number.
        let code = out.status.code().or_else(|| std::os::unix::process::ExitStatusExt::signal(&out.status).map(|s| -s));
        let status = format!("{}\n", code.unwrap_or(-1)).into_bytes();
        let mut why = Vec::new();
        if out.stdout != expected("stdout") {
            why.push("stdout");
        }
        if out.stderr != expected("stderr") {
            why.push("stderr");
        }
        if status != expected("status") {
            why.push("status");
        }
        if why.is_empty() {
            pass += 1;
        } else {
            fail.push(format!("{name} ({})", why.join(", ")));
        }
    }
    for f in &fail {
        println!("FAIL {f}");
    }
    println!("py corpus: {pass} passed, {} failed, {} scripts", fail.len(), names.len());
    let floor: usize = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/py_corpus_floor.txt"))
        .expect("the floor file")
        .trim()
        .parse()
        .expect("a number");
    assert!(pass >= floor, "{pass} scripts pass, below the floor of {floor}");
}
