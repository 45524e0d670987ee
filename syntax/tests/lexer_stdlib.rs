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
            // The standard library only: not what pip installed beside it.
            if recursive && !path.is_symlink() && !path.ends_with("site-packages") {
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

/// (line, character column) of byte `offset`, as CPython's tokenize reports positions.
fn position(source: &str, index: &LineIndex, offset: u32) -> (u32, u32) {
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
        let (el, ec) = position(&source, &index, token.range.end);
        // CPython reads every line break as one "\n", and appends the missing final newline:
        // a NEWLINE covers one character, the DEDENTs and ENDMARKER after an appended one are
        // on the next line.
        let at_virtual_end = token.range.start as usize == source.len() && !source.ends_with(['\n', '\r']);
        let ((sl, sc), (el, ec)) = match token.kind {
            TokenKind::Newline => ((sl, sc), (sl, sc + 1)),
            TokenKind::Dedent | TokenKind::EndOfFile if at_virtual_end && !source.is_empty() => {
                let next = index.line_count() as u32 + 1;
                ((next, 0), (next, 0))
            }
            _ => ((sl, sc), (el, ec)),
        };
        let ours = format!("{name} {sl} {sc} {el} {ec}");
        if ours != *line {
            let text = &source[token.range.as_range()];
            return Err(format!("{path}: token {i}: ours {ours} {text:?}, CPython {line}"));
        }
    }
    Ok(())
}

/// Dumps CPython's tokens for `files` (temporary files named after `tag`) and compares.
fn run(tag: &str, files: &[PathBuf]) -> Option<Report> {
    if !cpython313() {
        println!("notice: CPython 3.13 (PYENV_VERSION=3.13.0 python3) not found; differential test skipped");
        return None;
    }
    let tmp = Path::new(env!("CARGO_TARGET_TMPDIR"));
    let list = tmp.join(format!("lexer_files_{tag}.txt"));
    let dump = tmp.join(format!("lexer_tokens_{tag}.txt"));
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

/// Valid sources with the corners the standard library may not reach.
const SNIPPETS: &[&str] = &[
    "",
    "# only a comment",
    "   ",
    "\n\n",
    "x",
    "if x:\n    y",
    "if x:\n    y\n  # comment\n\n    z\n",
    "if a:\n\tif b:\n\t\tc\n\td\ne\n",
    "if a:\n        b\n\x0c\nc\n",
    "x = 1 + \\\n    2\nif x:\n  \\\n  y\n",
    "x = [\n  1,\n    2,\n]\n",
    "a = 1\r\nif a:\r\n    b = 2\r\n",
    "a = 1\r\nb = '''x\r\ny'''\r\n",
    "1_000.000_1e-1_0j; 0X_fF; 0O_17; 0B_1; 1E5; .5j; 1.; 1.5J; 0; 00; 0_0; 0.0; 0e0; 00.5\n",
    "x = 1.0.__class__; y = 1 .real\n",
    "a = 1if b else 2; c = 0x1for x in y; d = 1or 2; e = [0o7in z]\n",
    "s = b'\\'' + u\"x\" + Rb'x' + bR\"x\" + rB'\\\\' + '''a''b''' + \"a\\\nb\"\n",
    "a += 1; b -= 1; c *= 1; d /= 1; e //= 1; f %= 1; g **= 1; h >>= 1; i <<= 1; j &= 1; k |= 1; l ^= 1; m @= 1\n",
    "def f(a, /, *b, **c) -> int: return a ** 2 // 3 @ m != n <= o >= p == q < r > s << t >> u & v | w ^ ~x\n",
    "print(...); (y := 10); x[1:2, ::3]\n",
    "été = 1; ℕ = 2; x·y = 3; _ = 4\n",
    "f\"{x!r:>{width}.{prec}}\" f'{a[\"b\"]}' F\"{x}\" Rf'{x}\\n' fR\"\\{x}\"\n",
    "f\"{'nested' + f'{y}'}\" f\"{f\"{f\"{x}\"}\"}\"\n",
    "f\"\"\"multi\n{x\n+ 1}\nline\"\"\"\n",
    "f\"{x=}\" f\"{x = !r:10}\" f\"{{literal}} {x}\" f\"}}{{\"\n",
    "f\"{x:=5}\" f\"{(x:=5)}\" f\"{x!s}\" f\"\\N{BULLET} {x}\" f\"{d['k']:{fmt}}\" f\"{x:%H:%M}\"\n",
    "f\"{'\\n'.join(a)}\" f\"{x:{y}d}\" f\"{3.14:.{2}f}\" f'{x:{{}}>10}'\n",
    "f'''{\n    x  # comment\n}'''\n",
    "f\"{x:}\" f\"{x!r:}\" f'a{{b' f'c}}d' f'{x}{y}' f''\n",
    "f'''a\\\nb{x}''' rf'''\\{x}'''\n",
    "x = f'{a:{b}{c}}' f'{a:{b}x{c}y}'\n",
    "async def f():\n    await x\n    async with a as b:\n        pass\n",
    "match x:\n    case [1, *rest] if rest:\n        type = 1\n",
    "class C:\n    def f(self):\n        return 1\n\n\n# trailing\n",
];

#[test]
fn tricky_snippets_tokenize_like_cpython() {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("lexer_snippets");
    std::fs::create_dir_all(&dir).unwrap();
    let files: Vec<PathBuf> = SNIPPETS
        .iter()
        .enumerate()
        .map(|(i, src)| {
            let path = dir.join(format!("snippet_{i:03}.py"));
            std::fs::write(&path, src).unwrap();
            path
        })
        .collect();
    if let Some(report) = run("snippets", &files) {
        assert_eq!(report.rejected_by_cpython, 0, "a snippet is not valid Python 3.13");
        assert!(report.mismatches.is_empty(), "{} snippets differ", report.mismatches.len());
    }
}

#[test]
fn stdlib_sample_tokenizes_like_cpython() {
    let mut files = Vec::new();
    python_files(Path::new(STDLIB_313), false, &mut files);
    if let Some(report) = run("sample", &files) {
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
    if let Some(report) = run("stdlib", &files) {
        assert!(report.mismatches.is_empty(), "{} files differ", report.mismatches.len());
    }
}

/// The sources mined from CPython's test suite (`data/lexer/mined.txt`) that CPython accepts:
/// their token streams too must be CPython's.
#[test]
fn cpython_test_suite_sources_tokenize_like_cpython() {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("lexer_mined");
    std::fs::create_dir_all(&dir).unwrap();
    let mut files = Vec::new();
    for line in include_str!("data/lexer/mined.txt").lines() {
        let fields: Vec<&str> = line.split('\t').collect();
        if fields.get(1) != Some(&"ok") {
            continue;
        }
        let path = dir.join(format!("mined_{:04}.py", files.len()));
        std::fs::write(&path, unescape(fields[0])).unwrap();
        files.push(path);
    }
    if let Some(report) = run("mined", &files) {
        assert!(report.files > 1000, "too few files compared: {}", report.files);
        assert!(report.mismatches.is_empty(), "{} sources differ", report.mismatches.len());
    }
}

/// Undoes the escaping of the data files (`\\ \n \r \t \0`).
fn unescape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('n') => out.push('\n'),
            Some('r') => out.push('\r'),
            Some('t') => out.push('\t'),
            Some('0') => out.push('\0'),
            Some(other) => out.push(other),
            None => out.push('\\'),
        }
    }
    out
}
