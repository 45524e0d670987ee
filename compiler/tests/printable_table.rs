//! `src/printable.rs` (which characters `repr()` escapes) is what CPython 3.13's
//! `str.isprintable()` says, as `tests/data/gen_printable.py` writes it.

mod common;

fn ranges(text: &str) -> Vec<String> {
    text.lines().map(str::trim).filter(|l| l.starts_with("(0x")).map(str::to_string).collect()
}

#[test]
fn printable_table_is_what_cpython_3_13_writes() {
    if let Some(fresh) = common::regenerate_with_cpython_3_13("gen_printable.py", "printable.rs") {
        let stored =
            std::fs::read_to_string(std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src/printable.rs")).unwrap();
        assert!(ranges(&stored).len() > 500);
        assert_eq!(
            ranges(&fresh),
            ranges(&stored),
            "src/printable.rs is stale: rerun gen_printable.py with CPython 3.13"
        );
    }
}
