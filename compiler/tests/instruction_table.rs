//! The instruction table against CPython 3.13 (`tests/data/opcodes_3_13.txt`, from `gen_opcodes.py`):
//! every name, number, cache size, family, `dis` category, `dis.stack_effect` value and
//! `_PyOpcode_num_popped`/`_PyOpcode_num_pushed` value must be identical (pyrt's own specialised
//! forms, `Opcode::is_pyrt_only`, aside).

mod common;

use std::collections::BTreeSet;

use pyrt_compile::Opcode;

const DATA_FILE: &str = "opcodes_3_13.txt";

fn stored() -> String {
    std::fs::read_to_string(common::data_dir().join(DATA_FILE)).expect("read stored opcode data")
}

fn category(op: Opcode, name: &str) -> bool {
    match name {
        "arg" => op.has_arg(),
        "const" => op.has_const(),
        "name" => op.has_name(),
        "jump" => op.has_jump(),
        "free" => op.has_free(),
        "local" => op.has_local(),
        "exc" => op.is_block_push(),
        other => panic!("unknown category {other}"),
    }
}

#[test]
fn table_matches_cpython_3_13() {
    let text = stored();
    let mut opargs: Vec<u32> = Vec::new();
    let mut seen = BTreeSet::new();
    let mut checked_values = 0usize;
    for line in text.lines().filter(|l| !l.starts_with('#')) {
        let fields: Vec<&str> = line.split_whitespace().collect();
        match fields[0] {
            "opargs" => opargs = fields[1..].iter().map(|s| s.parse().unwrap()).collect(),
            "op" => {
                let number: u16 = fields[1].parse().unwrap();
                let op = Opcode::from_number(number).unwrap_or_else(|| panic!("no opcode {number} ({})", fields[2]));
                assert_eq!(op.name(), fields[2]);
                seen.insert(number);
                let attr = |key: &str| fields[3..].iter().find_map(|f| f.strip_prefix(key)).unwrap();
                // `dis` lists cache sizes by name and has none for the `INSTRUMENTED_*` forms, but they sit
                // over the same code units as the instruction they instrument (their bodies skip
                // `unused/N` caches), so they must reserve the same number.
                match op.name().strip_prefix("INSTRUMENTED_").and_then(Opcode::from_name) {
                    Some(plain) => assert_eq!(op.cache_entries(), plain.cache_entries(), "{op} cache entries"),
                    None => assert_eq!(op.cache_entries().to_string(), attr("cache="), "{op} cache entries"),
                }
                let family = attr("family=");
                if family == "-" {
                    assert!(!op.is_specialized(), "{op} should not be specialised");
                } else {
                    assert_eq!(op.base().name(), family, "{op} family");
                }
                let flags = attr("flags=");
                let expected: BTreeSet<&str> = flags.split(',').filter(|f| *f != "-").collect();
                for cat in ["arg", "const", "name", "jump", "free", "local", "exc"] {
                    assert_eq!(category(op, cat), expected.contains(cat), "{op} has_{cat}");
                }
            }
            "effect" => {
                let op = Opcode::from_number(fields[1].parse().unwrap()).unwrap();
                let jump = match fields[2] {
                    "none" => None,
                    "true" => Some(true),
                    _ => Some(false),
                };
                for (arg, want) in opargs.iter().zip(&fields[3..]) {
                    let got = op.stack_effect(*arg, jump).map_or("x".to_string(), |e| e.to_string());
                    assert_eq!(&got, want, "stack_effect({op}, {arg}, jump={jump:?})");
                    checked_values += 1;
                }
            }
            kind @ ("popped" | "pushed") => {
                let op = Opcode::from_number(fields[1].parse().unwrap()).unwrap();
                for (arg, want) in opargs.iter().zip(&fields[2..]) {
                    let got = if kind == "popped" { op.num_popped(*arg) } else { op.num_pushed(*arg) };
                    assert_eq!(got.to_string(), *want, "{kind}({op}, {arg})");
                    checked_values += 1;
                }
            }
            other => panic!("unknown record {other}"),
        }
    }
    let ours: BTreeSet<u16> = Opcode::ALL.iter().filter(|op| !op.is_pyrt_only()).map(|op| op.number()).collect();
    assert_eq!(ours, seen, "the table and CPython 3.13 list different opcodes");
    assert!(checked_values > 10_000, "only {checked_values} values compared");
}

#[test]
fn stored_data_is_what_cpython_3_13_writes() {
    if let Some(fresh) = common::regenerate_with_cpython_3_13("gen_opcodes.py", DATA_FILE) {
        assert!(fresh == stored(), "tests/data/{DATA_FILE} is stale: rerun gen_opcodes.py with CPython 3.13");
    }
}
