//! Bytecode parity with CPython 3.13: every case of `tests/data/bytecode/snippets.py` is compiled
//! by pyrt and disassembled (`pyrt_compile::dis`, laid out like `dis.dis`), and each code object's
//! listing — instructions, arguments, line numbers, labels and exception table — is compared with
//! CPython 3.13's in `expected.txt` (written by `gen_bytecode.py`). Cases named `*.eval` and
//! `*.single` are compiled in those modes.
//!
//! The test reports the share of identical code objects and fails if it falls below the ratchet
//! floor [`MIN_IDENTICAL_CODE_OBJECTS`] (raise it as parity improves). Set `PYRT_PARITY_DIFF=path`
//! to write every differing listing pair to a file.

use std::fmt::Write;

/// The ratchet: the share (in percent) of code objects that must be identical to CPython 3.13's.
const MIN_IDENTICAL_CODE_OBJECTS: f64 = 100.0;

fn cases(text: &str) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = Vec::new();
    for line in text.split_inclusive('\n') {
        if let Some(name) = line.strip_prefix("#### ") {
            out.push((name.trim().to_string(), String::new()));
        } else if let Some(last) = out.last_mut() {
            last.1.push_str(line);
        }
    }
    out
}

/// Replaces `at 0x<hex>` (object addresses) by `at 0x?`.
fn normalize_addresses(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(i) = rest.find(" at 0x") {
        out.push_str(&rest[..i]);
        out.push_str(" at 0x?");
        rest = rest[i + 6..].trim_start_matches(|c: char| c.is_ascii_hexdigit());
    }
    out.push_str(rest);
    out
}

/// The listing of each code object: the top one, then one per `Disassembly of` header.
fn sections(text: &str) -> Vec<String> {
    let mut out = vec![String::new()];
    for line in text.split_inclusive('\n') {
        if line.starts_with("Disassembly of ") {
            out.push(String::new());
        }
        out.last_mut().expect("non-empty").push_str(line);
    }
    out.into_iter().map(|s| s.trim_end().to_string()).collect()
}

#[test]
fn bytecode_matches_cpython_3_13() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/bytecode");
    let snippets = cases(&std::fs::read_to_string(format!("{dir}/snippets.py")).unwrap());
    let expected = cases(&std::fs::read_to_string(format!("{dir}/expected.txt")).unwrap());
    assert_eq!(snippets.len(), expected.len(), "regenerate expected.txt with gen_bytecode.py");
    let (mut total, mut identical, mut identical_cases) = (0usize, 0usize, 0usize);
    let mut diffs = String::new();
    let mut failed_cases = Vec::new();
    for ((name, source), (ename, want)) in snippets.iter().zip(&expected) {
        assert_eq!(name, ename);
        let want = sections(want);
        let mode = match name.rsplit('.').next() {
            Some("eval") => pyrt_compile::Mode::Expression,
            Some("single") => pyrt_compile::Mode::Interactive,
            _ => pyrt_compile::Mode::Module,
        };
        let got = match pyrt_compile::compile(source, name, mode) {
            Ok(code) => sections(&normalize_addresses(&pyrt_compile::dis::disassemble(&code))),
            Err(e) => vec![format!("SyntaxError: {} (line {})", e.msg, e.lineno)],
        };
        let mut case_ok = got.len() == want.len();
        for (i, w) in want.iter().enumerate() {
            total += 1;
            match got.get(i) {
                Some(g) if g == w => identical += 1,
                g => {
                    case_ok = false;
                    let _ = write!(
                        diffs,
                        "## {name} [{i}]\n--- cpython\n{w}\n--- pyrt\n{}\n\n",
                        g.map_or("(missing)", |s| s)
                    );
                }
            }
        }
        if case_ok {
            identical_cases += 1;
        } else {
            failed_cases.push(name.clone());
        }
    }
    let rate = 100.0 * identical as f64 / total as f64;
    println!(
        "bytecode parity: {identical}/{total} code objects identical ({rate:.1}%), {identical_cases}/{} cases",
        snippets.len()
    );
    println!("differing cases: {}", failed_cases.join(", "));
    if let Ok(path) = std::env::var("PYRT_PARITY_DIFF") {
        std::fs::write(path, &diffs).unwrap();
    }
    assert!(rate >= MIN_IDENTICAL_CODE_OBJECTS, "parity {rate:.1}% fell below the floor {MIN_IDENTICAL_CODE_OBJECTS}%");
}

/// `co_positions()` of every code object (line, end line, column and end column of each code
/// unit) against CPython 3.13's, from `positions_expected.txt`.
#[test]
fn positions_match_cpython_3_13() {
    fn walk(code: &pyrt_compile::CodeObject, out: &mut String) {
        let _ = writeln!(out, "## {}", code.qualname);
        let field = |v: i32| if v < 0 { "-".to_string() } else { v.to_string() };
        for p in code.positions() {
            let _ = writeln!(
                out,
                "{} {} {} {}",
                field(p.lineno),
                field(p.end_lineno),
                field(p.col_offset),
                field(p.end_col_offset)
            );
        }
        for c in code.consts.iter() {
            if let pyrt_compile::Constant::Code(inner) = c {
                walk(inner, out);
            }
        }
    }
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/bytecode");
    let snippets = cases(&std::fs::read_to_string(format!("{dir}/snippets.py")).unwrap());
    let expected = cases(&std::fs::read_to_string(format!("{dir}/positions_expected.txt")).unwrap());
    assert_eq!(snippets.len(), expected.len(), "regenerate positions_expected.txt with gen_bytecode.py");
    let mut differing = Vec::new();
    for ((name, source), (_, want)) in snippets.iter().zip(&expected) {
        let mode = match name.rsplit('.').next() {
            Some("eval") => pyrt_compile::Mode::Expression,
            Some("single") => pyrt_compile::Mode::Interactive,
            _ => pyrt_compile::Mode::Module,
        };
        let mut got = String::new();
        if let Ok(code) = pyrt_compile::compile(source, name, mode) {
            walk(&code, &mut got);
        }
        if got != *want {
            differing.push(name.clone());
        }
    }
    println!(
        "positions identical in {}/{} cases; differing: {}",
        snippets.len() - differing.len(),
        snippets.len(),
        differing.join(", ")
    );
    assert!(differing.is_empty(), "positions differ from CPython 3.13 in: {}", differing.join(", "));
}
