//! The CLI's demo runs every setup and prints a row for each.

use std::process::Command;

#[test]
fn demo_reports_every_setup() {
    let out = Command::new(env!("CARGO_BIN_EXE_pyrt"))
        .args(["demo", "--threads", "2", "--work", "20000", "--repeat", "1"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(stdout.starts_with("pyrt demo: 2 threads, 20000 iterations each"), "{stdout}");
    for setup in ["raw", "own", "shared", "free"] {
        let row = stdout.lines().find(|l| l.starts_with(setup)).unwrap_or_else(|| panic!("no {setup} row in {stdout}"));
        assert!(row.contains('x'), "{row}");
    }
}

#[test]
fn a_closed_pipe_is_not_an_error() {
    use std::io::Read;
    let mut child = Command::new(env!("CARGO_BIN_EXE_pyrt"))
        .args(["demo", "--threads", "2", "--work", "20000", "--repeat", "1"])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take()); // the reader goes away at once, like `| head -0`
    let status = child.wait().unwrap();
    let mut stderr = String::new();
    child.stderr.take().unwrap().read_to_string(&mut stderr).unwrap();
    assert!(status.success(), "{status:?}: {stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
}

#[test]
fn too_little_work_is_refused() {
    let out = Command::new(env!("CARGO_BIN_EXE_pyrt")).args(["demo", "--work", "10"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("--work must be at least"));
}

#[test]
fn bad_arguments_are_refused() {
    let out = Command::new(env!("CARGO_BIN_EXE_pyrt")).args(["demo", "--threads", "0"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("--threads and --repeat must be at least 1"));
}
