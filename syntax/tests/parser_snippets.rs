//! Differential test on CPython's own test snippets: every string constant of CPython 3.13's
//! parser-related test modules (`test_grammar.py`, `test_syntax.py`, `test_fstring.py`,
//! `test_patma.py`, `test_ast.py`, ...), parsed by CPython 3.13 and recorded by
//! `syntax/scripts/gen_snippets_manifest.py` in `syntax/tests/data/snippets_ast_3.13.txt`:
//! the sha256 of `ast.dump(tree, include_attributes=True)` for the ~1900 snippets CPython
//! accepts, the `SyntaxError` for the ~1900 it rejects.
//!
//! Every accepted snippet must give the identical dump (node kinds, fields, values and
//! positions). For rejected snippets the test counts the errors with CPython's class, message
//! and line, and those also with its columns, and asserts both stay above floors (a ratchet);
//! `PYRT_SNIPPETS_VERBOSE=1` prints every differing error.

use pyrt_syntax::{Mode, ast, parse};
use sha2::{Digest, Sha256};

const SNIPPETS: &str = include_str!("data/snippets_ast_3.13.txt");
/// Rejected snippets whose class, message and line are CPython's.
const MESSAGE_FLOOR: usize = 1924;
/// Rejected snippets whose columns are CPython's too.
const COLUMNS_FLOOR: usize = 1449;

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
            Some('t') => out.push('\t'),
            Some('r') => out.push('\r'),
            Some(other) => out.push(other),
            None => out.push('\\'),
        }
    }
    out
}

fn sha(text: &str) -> String {
    Sha256::digest(text.as_bytes()).iter().map(|b| format!("{b:02x}")).collect()
}

#[test]
fn snippets_parse_like_cpython_313() {
    let verbose = std::env::var("PYRT_SNIPPETS_VERBOSE").is_ok();
    let (mut accepted, mut rejected, mut messages, mut columns) = (0, 0, 0, 0);
    let mut failures = Vec::new();
    for line in SNIPPETS.lines().filter(|l| !l.is_empty()) {
        let f: Vec<&str> = line.split('\t').collect();
        let src = unescape(f[0]);
        let arena = bumpalo::Bump::new();
        let ours = parse(&src, Mode::Module, &arena);
        if f[1] == "OK" {
            accepted += 1;
            match ours {
                Ok(tree) if sha(&ast::dump_with_attributes(&tree, &src)) == f[2] => {}
                Ok(_) => failures.push(format!("{src:?}: dump differs")),
                Err(e) => failures.push(format!("{src:?}: rejected with {}: {}", e.kind.name(), e.msg)),
            }
            continue;
        }
        rejected += 1;
        let want: Vec<String> = f[2..].iter().map(|x| unescape(x)).collect();
        match ours {
            Ok(_) => failures.push(format!("{src:?}: accepted, CPython raises {want:?}")),
            Err(e) => {
                let same_message = e.kind.name() == want[0] && e.msg == want[1] && e.lineno.to_string() == want[2];
                let same_columns = same_message
                    && [e.offset, e.end_lineno, e.end_offset].map(|v| v.to_string()).as_slice() == &want[3..6];
                messages += usize::from(same_message);
                columns += usize::from(same_columns);
                if verbose && !same_columns {
                    println!(
                        "differs: {src:?}\n  pyrt:    {} {} ({}:{}-{}:{})\n  CPython: {want:?}",
                        e.kind.name(),
                        e.msg,
                        e.lineno,
                        e.offset,
                        e.end_lineno,
                        e.end_offset
                    );
                }
            }
        }
    }
    println!(
        "parser_snippets: {accepted} accepted snippets identical; rejected: {messages}/{rejected} same message and line, {columns}/{rejected} same columns"
    );
    for f in failures.iter().take(20) {
        println!("  failure: {f}");
    }
    assert!(failures.is_empty(), "{} snippets differ from CPython 3.13", failures.len());
    assert!(messages >= MESSAGE_FLOOR, "{messages} errors with CPython's message (floor {MESSAGE_FLOOR})");
    assert!(columns >= COLUMNS_FLOOR, "{columns} errors with CPython's columns (floor {COLUMNS_FLOOR})");
}
