//! Compile-time errors of the code generator (and the symbol table errors it reaches through
//! `compile`): message and position as CPython 3.13 reports them, for every case of
//! `tests/data/codegen/errors.py` (expectations in `errors_expected.txt`, written by
//! `gen_errors.py`).

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

#[test]
fn codegen_errors_match_cpython_3_13() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/codegen");
    let sources = cases(&std::fs::read_to_string(format!("{dir}/errors.py")).unwrap());
    let expected = std::fs::read_to_string(format!("{dir}/errors_expected.txt")).unwrap();
    let expected: Vec<&str> = expected.lines().collect();
    assert_eq!(sources.len(), expected.len(), "regenerate errors_expected.txt with gen_errors.py");
    let mut failures = Vec::new();
    for ((name, source), want) in sources.iter().zip(&expected) {
        let got = match pyrt_compile::compile(source, name, pyrt_compile::Mode::Module) {
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
