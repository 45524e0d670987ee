//! Symbol tables of a sample of CPython 3.13's standard library (every 10th file, tests
//! included) against CPython 3.13's `symtable` module, run live through
//! `tests/data/symtable/dump_symtables.py`. Skips with a notice when CPython 3.13 or its standard
//! library is absent.

use std::path::{Path, PathBuf};
use std::process::Command;

/// Every STRIDE-th file is checked (1 checks them all: about 1 minute in a debug build).
const STRIDE: usize = 10;
const ROOT: &str = "/root/.pyenv/versions/3.13.0/lib/python3.13";

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

fn pyrt_dump(path: &Path) -> String {
    let Ok(bytes) = std::fs::read(path) else { return "!error\n".into() };
    let Ok(source) = pyrt_syntax::decode_source(&bytes) else { return "!error\n".into() };
    let arena = bumpalo::Bump::new();
    let Ok(module) = pyrt_syntax::parse(&source, pyrt_syntax::Mode::Module, &arena) else { return "!error\n".into() };
    let table = pyrt_compile::future::parse_future_features(&module, &source)
        .and_then(|f| pyrt_compile::symtable::SymbolTable::build(&module, &source, f));
    match table {
        Ok(t) => t.dump(&pyrt_syntax::LineIndex::new(&source)),
        Err(_) => "!error\n".into(),
    }
}

#[test]
fn stdlib_symtables_match_cpython_3_13() {
    let mut files = Vec::new();
    python_files(Path::new(ROOT), &mut files);
    if files.is_empty() {
        println!("skipping: the CPython 3.13 standard library is not at {ROOT}");
        return;
    }
    let sample: Vec<&PathBuf> = files.iter().step_by(STRIDE).collect();
    let script = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/symtable/dump_symtables.py");
    let output = Command::new("python3").env("PYENV_VERSION", "3.13.0").arg(script).args(&sample).output();
    let Some(output) = output.ok().filter(|o| o.status.success()) else {
        println!("skipping: CPython 3.13 (PYENV_VERSION=3.13.0 python3) is not available");
        return;
    };
    let text = String::from_utf8_lossy(&output.stdout);
    let mut expected: Vec<(String, String)> = Vec::new();
    for line in text.split_inclusive('\n') {
        if let Some(name) = line.strip_prefix("#### ") {
            expected.push((name.trim().to_string(), String::new()));
        } else if let Some(last) = expected.last_mut() {
            last.1.push_str(line);
        }
    }
    assert_eq!(expected.len(), sample.len());
    let mut failures = Vec::new();
    for (path, (name, want)) in sample.iter().zip(&expected) {
        assert_eq!(path.to_string_lossy(), *name);
        let got = pyrt_dump(path);
        if got != *want {
            let line = got.lines().zip(want.lines()).position(|(a, b)| a != b).unwrap_or(0);
            failures.push(format!("{name}: first difference at dump line {}", line + 1));
        }
    }
    println!("symbol tables identical: {}/{}", sample.len() - failures.len(), sample.len());
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
