//! The standard libraries of CPython 3.13 and 3.11 (tests included, site-packages excluded)
//! through `pyrt_compile::compile`: every file CPython 3.13 accepts must compile without error or
//! panic, and every file it rejects (`tests/data/stdlib/rejects.txt`, written by
//! `gen_stdlib_rejects.py`) must give the same message and line.
//!
//! `stdlib_sample_compiles` runs every 8th file (a debug build takes well under a minute);
//! `stdlib_all_files_compile` (ignored by default) runs all of them:
//! `cargo test --release -p pyrt-compile --test codegen_stdlib -- --ignored`. Both skip with a
//! notice when the standard libraries are not installed.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

const ROOTS: [(&str, &str); 2] =
    [("3.13", "/root/.pyenv/versions/3.13.0/lib/python3.13"), ("3.11", "/root/.pyenv/versions/3.11.7/lib/python3.11")];

fn python_files(root: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(root) else { return };
    let mut entries: Vec<PathBuf> = entries.flatten().map(|e| e.path()).collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            if path.file_name().is_some_and(|n| n != "site-packages") {
                python_files(&path, out);
            }
        } else if path.extension().is_some_and(|e| e == "py") {
            out.push(path);
        }
    }
}

/// `Ok(())`, or the error as `msg|lineno`.
fn compile_file(path: &Path) -> Result<(), String> {
    let bytes = std::fs::read(path).map_err(|e| e.to_string())?;
    let display = path.to_string_lossy();
    let source = pyrt_syntax::decode_source(&bytes).map_err(|e| format!("{}|{}", e.msg, e.lineno))?;
    pyrt_compile::compile(&source, &display, pyrt_compile::Mode::Module)
        .map_err(|e| format!("{}|{}", e.msg, e.lineno))?;
    Ok(())
}

fn run(stride: usize) {
    let rejects_text =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/stdlib/rejects.txt")).unwrap();
    let mut rejects: HashMap<(String, String), String> = HashMap::new();
    for line in rejects_text.lines() {
        let parts: Vec<&str> = line.splitn(5, '|').collect();
        if let [version, rel, _kind, msg, lineno] = parts[..] {
            rejects.insert((version.to_string(), rel.to_string()), format!("{msg}|{lineno}"));
        }
    }
    let (mut checked, mut failures) = (0usize, Vec::new());
    for (version, root) in ROOTS {
        let root = Path::new(root);
        if !root.is_dir() {
            println!("skipping the {version} standard library: {} not found", root.display());
            continue;
        }
        let mut files = Vec::new();
        python_files(root, &mut files);
        for (i, path) in files.iter().enumerate() {
            let rel = path.strip_prefix(root).unwrap().to_string_lossy().to_string();
            let expected = rejects.get(&(version.to_string(), rel.clone()));
            if i % stride != 0 && expected.is_none() {
                continue;
            }
            checked += 1;
            let result = std::panic::catch_unwind(|| compile_file(path));
            let outcome = match result {
                Err(_) => Some("panic".to_string()),
                Ok(Ok(())) => expected.map(|e| format!("compiled, but CPython 3.13 rejects it: {e}")),
                Ok(Err(got)) => match expected {
                    Some(e) if *e == got => None,
                    Some(e) => Some(format!("error {got}, CPython 3.13: {e}")),
                    None => Some(format!("error {got}, CPython 3.13 compiles it")),
                },
            };
            if let Some(problem) = outcome {
                failures.push(format!("{version}/{rel}: {problem}"));
            }
        }
    }
    println!("standard-library files checked: {checked}, differing from CPython 3.13: {}", failures.len());
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn stdlib_sample_compiles() {
    run(8);
}

#[test]
#[ignore = "compiles ~3500 files; run with --release --ignored"]
fn stdlib_all_files_compile() {
    run(1);
}
