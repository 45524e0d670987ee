//! Reading the golden SyntaxError corpus (`syntax_errors/expected.jsonl`) and scoring pyrt on it.
//!
//! Shared by `syntax/tests/syntax_corpus.rs` (parse-stage errors, against the parser) and
//! `compiler/tests/syntax_corpus_compile.rs` (symbol-table and compiler errors, against
//! `pyrt_compile::compile`), which includes this file by path.
//!
//! Scoring: each case runs on a thread with a main thread's stack (8 MiB, not the test
//! harness's 2 MiB: pyrt's own depth limits must stop deep nesting), under `catch_unwind`. Two
//! figures: the cases with CPython's class, message and line ("message and line"), and those
//! that also have its offset, end line and end offset ("columns"). Both are printed with a
//! table per family and the first mismatches, and checked against floors in a ratchet file
//! (`key = value` lines: `message_and_line`, `columns` as fractions, `max_panics` as a count).

use pyrt_syntax::{Mode, SyntaxError, SyntaxErrorKind};
use serde_json::Value;
use std::collections::BTreeMap;
use std::panic::{AssertUnwindSafe, catch_unwind};

/// One line of expected.jsonl (see syntax_errors/README.md).
pub struct Case {
    pub id: String,
    pub family: String,
    pub mode: Mode,
    /// `parse`, `symtable` or `compile`: where CPython's error comes from.
    pub stage: String,
    /// The input's bytes; `is_bytes` tells whether CPython compiled them as bytes (decoding and
    /// coding declarations apply) or as the UTF-8 text of a `str`.
    pub source: Vec<u8>,
    pub is_bytes: bool,
    pub kind: SyntaxErrorKind,
    pub msg: String,
    /// CPython's positions exactly (0 and -1 included), with `None` as 0 as in
    /// `pyrt_syntax::SyntaxError` (`lineno` None: null bytes; `end_*` None: symbol-table errors
    /// without an end, decoding errors).
    pub lineno: i32,
    pub offset: i32,
    pub end_lineno: i32,
    pub end_offset: i32,
    /// The whole JSON object, for the fields only some tests read (`report`, `report_text`).
    // The compiler's harness includes this module and reads none of them.
    #[allow(dead_code)]
    pub json: Value,
}

impl Case {
    /// The source as text, for `str` cases (CPython's `compile(str)` ignores coding declarations).
    pub fn text(&self) -> Option<&str> {
        if self.is_bytes { None } else { std::str::from_utf8(&self.source).ok() }
    }
}

pub fn load_corpus() -> Vec<Case> {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../syntax/tests/syntax_errors/expected.jsonl");
    let text = std::fs::read_to_string(path).expect("read expected.jsonl");
    text.split('\n').filter(|line| !line.is_empty()).map(parse_case).collect()
}

fn parse_case(line: &str) -> Case {
    let v: Value = serde_json::from_str(line).expect("expected.jsonl line is JSON");
    let str_field = |k: &str| v[k].as_str().unwrap_or_else(|| panic!("{k} in {line}")).to_string();
    let source = match v["source"].as_str() {
        Some(s) => s.as_bytes().to_vec(),
        None => hex_decode(v["source_bytes_hex"].as_str().expect("source or source_bytes_hex")),
    };
    let kind = match v["class"].as_str() {
        Some("SyntaxError") => SyntaxErrorKind::SyntaxError,
        Some("IndentationError") => SyntaxErrorKind::IndentationError,
        Some("TabError") => SyntaxErrorKind::TabError,
        other => panic!("unknown class {other:?}"),
    };
    let mode = match v["mode"].as_str() {
        Some("exec") => Mode::Module,
        Some("eval") => Mode::Expression,
        Some("single") => Mode::Interactive,
        other => panic!("unknown mode {other:?}"),
    };
    Case {
        id: str_field("id"),
        family: str_field("family"),
        mode,
        stage: str_field("stage"),
        is_bytes: v["source"].is_null(),
        source,
        kind,
        msg: str_field("msg"),
        lineno: position(&v["lineno"]),
        offset: position(&v["offset"]),
        end_lineno: position(&v["end_lineno"]),
        end_offset: position(&v["end_offset"]),
        json: v,
    }
}

/// A position field of the JSON: CPython's integer, or 0 for `null` (CPython's `None`).
fn position(v: &Value) -> i32 {
    if v.is_null() { 0 } else { v.as_i64().and_then(|n| i32::try_from(n).ok()).expect("a position that fits i32") }
}

fn hex_decode(hex: &str) -> Vec<u8> {
    (0..hex.len()).step_by(2).map(|i| u8::from_str_radix(&hex[i..i + 2], 16).expect("hex")).collect()
}

/// The floors of a ratchet file.
struct Floors {
    message_and_line: f64,
    columns: f64,
    max_panics: usize,
}

fn load_floors(path: &str) -> Floors {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("read {path}: {e}"));
    let mut values = BTreeMap::new();
    for line in text.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#')) {
        let (key, value) = line.split_once('=').unwrap_or_else(|| panic!("bad floor line {line:?}"));
        values.insert(key.trim().to_string(), value.trim().to_string());
    }
    let get = |k: &str| values.get(k).unwrap_or_else(|| panic!("{k} missing from {path}")).clone();
    Floors {
        message_and_line: get("message_and_line").parse().expect("a number"),
        columns: get("columns").parse().expect("a number"),
        max_panics: get("max_panics").parse().expect("a count"),
    }
}

/// How pyrt's result for one case compares with CPython's error.
#[derive(Copy, Clone, PartialEq, Eq)]
enum Outcome {
    /// Same class, message, line and all columns.
    Exact,
    /// Same class, message and line; some column differs.
    SameMessageAndLine,
    Different,
    Accepted,
    Panicked,
}

/// pyrt's error for a case: Ok(None) if it accepts the input, Err(message) if it panics.
type Run = Result<Option<SyntaxError>, String>;

fn run_case(case: &Case, pyrt: fn(&Case) -> Option<SyntaxError>) -> Run {
    catch_unwind(AssertUnwindSafe(|| pyrt(case))).map_err(|payload| {
        payload
            .downcast_ref::<String>()
            .cloned()
            .or_else(|| payload.downcast_ref::<&str>().map(|s| s.to_string()))
            .unwrap_or_default()
    })
}

fn compare(case: &Case, got: &Run) -> Outcome {
    let e = match got {
        Err(_) => return Outcome::Panicked,
        Ok(None) => return Outcome::Accepted,
        Ok(Some(e)) => e,
    };
    if e.kind != case.kind || e.msg != case.msg || e.lineno != case.lineno {
        return Outcome::Different;
    }
    if (e.offset, e.end_lineno, e.end_offset) == (case.offset, case.end_lineno, case.end_offset) {
        Outcome::Exact
    } else {
        Outcome::SameMessageAndLine
    }
}

fn describe(case: &Case, got: &Run) -> String {
    let source = String::from_utf8_lossy(&case.source);
    let shown: String = source.chars().take(120).collect();
    let expected = format!(
        "{}: {} ({}:{}-{}:{})",
        case.kind.name(),
        case.msg,
        case.lineno,
        case.offset,
        case.end_lineno,
        case.end_offset
    );
    let ours = match got {
        Err(panic) => format!("PANIC: {panic}"),
        Ok(None) => "accepted".to_string(),
        Ok(Some(e)) => {
            format!("{}: {} ({}:{}-{}:{})", e.kind.name(), e.msg, e.lineno, e.offset, e.end_lineno, e.end_offset)
        }
    };
    format!("{} {shown:?}\n    CPython: {expected}\n    pyrt:    {ours}", case.id)
}

/// Runs `pyrt` on every case of `stages`, prints the figures, the per-family table and the
/// first mismatches, and asserts the floors of `floor_path`.
pub fn score(label: &str, stages: &[&str], pyrt: fn(&Case) -> Option<SyntaxError>, floor_path: &str) {
    let floors = load_floors(floor_path);
    let stages: Vec<String> = stages.iter().map(|s| s.to_string()).collect();
    let results = std::thread::Builder::new()
        .stack_size(8 << 20)
        .spawn(move || {
            // Keep the default hook from printing a backtrace for every panicking case.
            std::panic::set_hook(Box::new(|_| {}));
            let results: Vec<(Case, Outcome, String)> = load_corpus()
                .into_iter()
                .filter(|c| stages.contains(&c.stage))
                .map(|case| {
                    let got = run_case(&case, pyrt);
                    let outcome = compare(&case, &got);
                    let text = describe(&case, &got);
                    (case, outcome, text)
                })
                .collect();
            let _ = std::panic::take_hook();
            results
        })
        .expect("spawn")
        .join()
        .expect("the corpus thread finished");

    let total = results.len();
    let count = |f: &dyn Fn(Outcome) -> bool| results.iter().filter(|(_, o, _)| f(*o)).count();
    let message_and_line = count(&|o| matches!(o, Outcome::Exact | Outcome::SameMessageAndLine));
    let columns = count(&|o| o == Outcome::Exact);
    let panics = count(&|o| o == Outcome::Panicked);
    let accepted = count(&|o| o == Outcome::Accepted);
    let rate = |n: usize| n as f64 / total.max(1) as f64;

    let mut families: BTreeMap<&str, (usize, usize, usize)> = BTreeMap::new();
    for (case, outcome, _) in &results {
        let row = families.entry(case.family.as_str()).or_default();
        row.0 += 1;
        row.1 += usize::from(matches!(outcome, Outcome::Exact | Outcome::SameMessageAndLine));
        row.2 += usize::from(*outcome == Outcome::Exact);
    }
    println!("{:<36} {:>6} {:>10} {:>10}", "family", "cases", "msg+line", "columns");
    for (family, (n, ml, col)) in &families {
        println!("{family:<36} {n:>6} {ml:>10} {col:>10}");
    }
    println!("first mismatches:");
    for (_, _, text) in results.iter().filter(|(_, o, _)| *o != Outcome::Exact).take(40) {
        println!("  {text}");
    }
    println!(
        "{label}: {total} cases; message and line {message_and_line} ({:.2}%), columns {columns} ({:.2}%); \
         accepted by pyrt {accepted}; panics {panics}",
        100.0 * rate(message_and_line),
        100.0 * rate(columns)
    );
    assert!(total >= 100, "only {total} cases");
    assert!(
        panics <= floors.max_panics,
        "{panics} cases panic (floor: {}); a panic is never acceptable",
        floors.max_panics
    );
    assert!(
        rate(message_and_line) >= floors.message_and_line,
        "message-and-line rate {:.4} fell below its floor {}",
        rate(message_and_line),
        floors.message_and_line
    );
    assert!(
        rate(columns) >= floors.columns,
        "columns rate {:.4} fell below its floor {}",
        rate(columns),
        floors.columns
    );
}
