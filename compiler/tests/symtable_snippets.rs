//! Symbol tables against CPython 3.13's `symtable` module: every case of
//! `tests/data/symtable/snippets.py` must give the flags and scopes (and block tree) stored in
//! `expected.txt`, which `gen_symtable.py` writes with CPython 3.13.

use pyrt_compile::future::parse_future_features;
use pyrt_compile::symtable::SymbolTable;
use pyrt_syntax::{LineIndex, Mode, parse};

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

fn dump(source: &str) -> String {
    let arena = bumpalo::Bump::new();
    let module = parse(source, Mode::Module, &arena).expect("snippet parses");
    let future = parse_future_features(&module, source).expect("future imports are valid");
    let table = SymbolTable::build(&module, source, future).expect("symtable builds");
    table.dump(&LineIndex::new(source))
}

#[test]
fn symtables_match_cpython_3_13() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/symtable");
    let snippets = std::fs::read_to_string(format!("{dir}/snippets.py")).unwrap();
    let expected = std::fs::read_to_string(format!("{dir}/expected.txt")).unwrap();
    let expected = cases(&expected);
    let snippets = cases(&snippets);
    assert_eq!(snippets.len(), expected.len(), "regenerate expected.txt with gen_symtable.py");
    let mut failures = Vec::new();
    for ((name, source), (ename, want)) in snippets.iter().zip(&expected) {
        assert_eq!(name, ename);
        let got = dump(source);
        if got != *want {
            failures.push(format!("## {name}\n--- expected\n{want}--- got\n{got}"));
        }
    }
    assert!(failures.is_empty(), "{} of {} cases differ:\n{}", failures.len(), snippets.len(), failures.join("\n"));
}

/// Symbol-table (and `__future__`) errors: message and position as CPython 3.13 reports them
/// (`errors.py` → `errors_expected.txt`, written by `gen_errors.py`).
#[test]
fn symtable_errors_match_cpython_3_13() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/symtable");
    let sources = cases(&std::fs::read_to_string(format!("{dir}/errors.py")).unwrap());
    let expected = std::fs::read_to_string(format!("{dir}/errors_expected.txt")).unwrap();
    let expected: Vec<&str> = expected.lines().collect();
    assert_eq!(sources.len(), expected.len(), "regenerate errors_expected.txt with gen_errors.py");
    let mut failures = Vec::new();
    for ((name, source), want) in sources.iter().zip(&expected) {
        let arena = bumpalo::Bump::new();
        let module = parse(source, Mode::Module, &arena).expect("case parses");
        let result = parse_future_features(&module, source).and_then(|f| SymbolTable::build(&module, source, f));
        let got = match result {
            Ok(_) => format!("{name}|no error"),
            Err(e) => {
                let end = if e.end_offset == 0 { "None".to_string() } else { e.end_offset.to_string() };
                format!("{name}|{}|{}|{}|{}|{}", e.msg, e.lineno, e.offset, e.end_lineno, end)
            }
        };
        if got != *want {
            failures.push(format!("expected {want}\n     got {got}"));
        }
    }
    assert!(failures.is_empty(), "{} of {} differ:\n{}", failures.len(), sources.len(), failures.join("\n"));
}
