//! Differential test of the lexer against CPython 3.13's own tokenizer.
//!
//! `tools/lexer/dump_tokens.py`, run once by CPython 3.13 for all the files, writes the token
//! stream of every file (the `tokenize` module of 3.12+ is the C tokenizer in extra-tokens mode;
//! comments and non-logical newlines left out). Each file CPython accepts must give the same
//! kinds and the same start and end positions with pyrt's lexer.
//!
//! * `stdlib_sample_tokenizes_like_cpython` (default): the top-level modules of 3.13's
//!   standard library (`Lib/*.py`, ~200 files), a few seconds.
//! * `whole_stdlib_tokenizes_like_cpython` (ignored by default): every `.py` file of 3.13's
//!   and 3.11's standard library, tests included. Run it with
//!   `cargo test -p pyrt-syntax --release --test lexer_stdlib -- --ignored --nocapture`.
//!
//! Without CPython 3.13 (`PYENV_VERSION=3.13.0 python3`) both print a notice and pass.

use pyrt_syntax::{LineIndex, TokenKind, decode_source, lexer::Lexer};
use std::path::{Path, PathBuf};
use std::process::Command;

const STDLIB_313: &str = "/root/.pyenv/versions/3.13.0/lib/python3.13";
const STDLIB_311: &str = "/root/.pyenv/versions/3.11.7/lib/python3.11";

fn cpython313() -> bool {
    let out = Command::new("python3")
        .env("PYENV_VERSION", "3.13.0")
        .args(["-c", "import sys; print(sys.version_info[:2] == (3, 13))"])
        .output();
    matches!(out, Ok(o) if String::from_utf8_lossy(&o.stdout).trim() == "True")
}

fn python_files(dir: &Path, recursive: bool, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    let mut entries: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            if recursive && !path.is_symlink() {
                python_files(&path, true, out);
            }
        } else if path.extension().is_some_and(|e| e == "py") {
            out.push(path);
        }
    }
}

/// Our kind as the token module names it (`exact_type`).
fn cpython_name(kind: TokenKind) -> String {
    use TokenKind::*;
    match kind {
        k if k.is_keyword() => "NAME".into(),
        Int | Float | Complex => "NUMBER".into(),
        EndOfFile => "ENDMARKER".into(),
        Name | String | FStringStart | FStringMiddle | FStringEnd | Newline | Indent | Dedent => {
            kind.text().to_string()
        }
        _ => format!("{kind:?}").to_uppercase(),
    }
}

/// (line, character column) of byte `offset`, as CPython's tokenize reports positions; the end
/// of a source without a final newline is where CPython's appended newline leads: the next line.
fn position(source: &str, index: &LineIndex, offset: u32) -> (u32, u32) {
    if offset as usize == source.len() && !source.is_empty() && !source.ends_with(['\n', '\r']) {
        return (index.line_count() as u32 + 1, 0);
    }
    let (line, _) = index.line_col(offset);
    let start = index.line_start(line) as usize;
    (line, source[start..offset as usize].chars().count() as u32)
}

struct Report {
    files: usize,
    passed: usize,
    rejected_by_cpython: usize,
    mismatches: Vec<String>,
}

/// Compares one file; `expected` holds the dump's token lines.
fn compare(path: &str, expected: &[&str]) -> Result<(), String> {
    let bytes = std::fs::read(path).map_err(|e| format!("{path}: {e}"))?;
    let source = decode_source(&bytes).map_err(|e| format!("{path}: decode: {}", e.msg))?;
    let index = LineIndex::new(&source);
    let mut lexer = Lexer::new(&source);
    for (i, line) in expected.iter().enumerate() {
        let token = lexer.next_token().map_err(|e| {
            format!("{path}: token {i}: error {} at {}:{} where CPython has {line}", e.msg, e.lineno, e.offset)
        })?;
        let name = cpython_name(token.kind);
        let (sl, sc) = position(&source, &index, token.range.start);
        let (el, ec) =
            if token.kind == TokenKind::Newline { (sl, sc + 1) } else { position(&source, &index, token.range.end) };
        let ours = format!("{name} {sl} {sc} {el} {ec}");
        if ours != *line {
            let text = &source[token.range.as_range()];
            return Err(format!("{path}: token {i}: ours {ours} {text:?}, CPython {line}"));
        }
    }
    Ok(())
}

fn run(files: &[PathBuf]) -> Option<Report> {
    if !cpython313() {
        println!("notice: CPython 3.13 (PYENV_VERSION=3.13.0 python3) not found; differential test skipped");
        return None;
    }
    let tmp = Path::new(env!("CARGO_TARGET_TMPDIR"));
    let list = tmp.join(format!("lexer_files_{}.txt", files.len()));
    let dump = tmp.join(format!("lexer_tokens_{}.txt", files.len()));
    let names: Vec<String> = files.iter().map(|p| p.display().to_string()).collect();
    std::fs::write(&list, names.join("\n")).unwrap();
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("../tools/lexer/dump_tokens.py");
    let status =
        Command::new("python3").env("PYENV_VERSION", "3.13.0").arg(&script).arg(&list).arg(&dump).status().unwrap();
    assert!(status.success(), "dump_tokens.py failed");
    let dump = std::fs::read_to_string(&dump).unwrap();

    let mut report = Report { files: 0, passed: 0, rejected_by_cpython: 0, mismatches: Vec::new() };
    let mut lines = dump.lines().peekable();
    while let Some(header) = lines.next() {
        if header.starts_with("X ") {
            report.rejected_by_cpython += 1;
            continue;
        }
        let path = header.strip_prefix("F ").expect("a file header");
        let mut expected = Vec::new();
        while let Some(line) = lines.peek() {
            if line.starts_with("F ") || line.starts_with("X ") {
                break;
            }
            expected.push(lines.next().unwrap());
        }
        report.files += 1;
        match compare(path, &expected) {
            Ok(()) => report.passed += 1,
            Err(e) => report.mismatches.push(e),
        }
    }
    println!(
        "lexer vs CPython 3.13 tokenize: {}/{} files identical ({} files CPython rejects skipped)",
        report.passed, report.files, report.rejected_by_cpython
    );
    for m in report.mismatches.iter().take(20) {
        println!("  {m}");
    }
    Some(report)
}

#[test]
fn stdlib_sample_tokenizes_like_cpython() {
    let mut files = Vec::new();
    python_files(Path::new(STDLIB_313), false, &mut files);
    if let Some(report) = run(&files) {
        assert!(report.files > 100, "too few files compared: {}", report.files);
        assert!(report.mismatches.is_empty(), "{} files differ", report.mismatches.len());
    }
}

#[test]
#[ignore = "whole standard library: run with --release --ignored"]
fn whole_stdlib_tokenizes_like_cpython() {
    let mut files = Vec::new();
    python_files(Path::new(STDLIB_313), true, &mut files);
    python_files(Path::new(STDLIB_311), true, &mut files);
    if let Some(report) = run(&files) {
        assert!(report.mismatches.is_empty(), "{} files differ", report.mismatches.len());
    }
}
