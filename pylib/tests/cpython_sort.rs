//! Differential tests of `pyrt_pylib::sort` against CPython 3.13's `list.sort`: the final order
//! (which shows stability), the exact number of `__lt__` calls (which shows the same
//! algorithm), and the list's state after a comparison raises part way.

mod common;

use common::*;

/// FNV-1a (64-bit) over the indices as little-endian u32s, as the generator computes it.
fn order_hash(indices: impl Iterator<Item = usize>) -> String {
    let mut h: u64 = 0xcbf29ce484222325;
    for i in indices {
        for byte in (i as u32).to_le_bytes() {
            h = (h ^ u64::from(byte)).wrapping_mul(0x100000001b3);
        }
    }
    format!("{h:016x}")
}

#[test]
fn expected_outputs_are_current() {
    check_generator_is_current("sort");
}

#[test]
fn sort_matches_cpython() {
    let cases = load_cases("sort");
    let mut failures = Vec::new();
    let mut comparisons = 0u64;
    for case in &cases {
        let values: Vec<u64> = case[1].as_array().unwrap().iter().map(|v| v.as_u64().unwrap()).collect();
        let reverse = case[2].as_bool().unwrap();
        let limit = case[3].as_u64();
        let want_calls = case[4].as_u64().unwrap();
        let want_raised = case[5].as_bool().unwrap();
        let want_order = case[6].as_str().unwrap();
        let mut items: Vec<(u64, usize)> = values.iter().copied().zip(0..).collect();
        let mut calls = 0u64;
        let result = pyrt_pylib::sort::sort_copy(&mut items, reverse, |a, b| {
            calls += 1;
            if limit.is_some_and(|l| calls > l) { Err(()) } else { Ok(a.0 < b.0) }
        });
        let order = order_hash(items.iter().map(|p| p.1));
        comparisons += calls;
        if calls != want_calls || result.is_err() != want_raised || order != want_order {
            failures.push(format!(
                "n={} reverse={reverse} limit={limit:?}: calls {calls} (CPython {want_calls}), raised {} ({want_raised}), order {}",
                values.len(),
                result.is_err(),
                if order == want_order { "same" } else { "differs" }
            ));
        }
    }
    println!(
        "sort: {} cases against CPython 3.13 ({comparisons} comparisons), {} failures",
        cases.len(),
        failures.len()
    );
    assert!(
        failures.is_empty(),
        "{} of {} cases differ:\n{}",
        failures.len(),
        cases.len(),
        failures[..failures.len().min(40)].join("\n")
    );
}
