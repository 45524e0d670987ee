//! The CLI's demo runs every setup and prints a row for each.

use std::process::Command;

#[test]
fn demo_reports_every_setup() {
    let out = Command::new(env!("CARGO_BIN_EXE_pyrt"))
        .args(["demo", "--threads", "2", "--work", "200000", "--repeat", "1"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(stdout.starts_with("pyrt demo: 2 threads, 200000 iterations each"), "{stdout}");
    for setup in ["raw", "own", "shared", "free"] {
        let row = stdout.lines().find(|l| l.starts_with(setup)).unwrap_or_else(|| panic!("no {setup} row in {stdout}"));
        assert!(row.contains('x'), "{row}");
    }
}

#[test]
fn bad_arguments_are_refused() {
    let out = Command::new(env!("CARGO_BIN_EXE_pyrt")).args(["demo", "--threads", "0"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("--threads and --repeat must be at least 1"));
}
