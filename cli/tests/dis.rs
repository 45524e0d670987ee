//! `pyrt dis FILE` prints what `python3.13 -m dis FILE` prints (code-object addresses masked),
//! compared live when CPython 3.13 is installed; without it the test checks only that pyrt's
//! listing covers every code object of the file.

use std::path::Path;
use std::process::Command;

/// `0x7f...` addresses in code-object reprs differ from run to run.
fn mask_addresses(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(i) = rest.find("0x") {
        out.push_str(&rest[..i]);
        let tail = &rest[i + 2..];
        let hex = tail.len() - tail.trim_start_matches(|c: char| c.is_ascii_hexdigit()).len();
        out.push_str(if hex > 0 { "0xADDR" } else { "0x" });
        rest = &tail[hex..];
    }
    out.push_str(rest);
    out
}

#[test]
fn dis_matches_cpython_3_13() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/dis");
    let ours = Command::new(env!("CARGO_BIN_EXE_pyrt")).args(["dis", "sample.py"]).current_dir(&dir).output().unwrap();
    assert!(ours.status.success(), "{}", String::from_utf8_lossy(&ours.stderr));
    let ours = String::from_utf8(ours.stdout).unwrap();
    for name in ["<module>", "fib", "Point", "__init__", "norm1", "<genexpr>"] {
        assert!(ours.contains(&format!("Disassembly of <code object {name}")) || name == "<module>", "{name}");
    }
    let cpython = Command::new("python3")
        .env("PYENV_VERSION", "3.13.0")
        .args(["-m", "dis", "sample.py"])
        .current_dir(&dir)
        .output();
    match cpython {
        Ok(out) if out.status.success() && String::from_utf8_lossy(&out.stdout).contains("RESUME") => {
            let theirs = String::from_utf8(out.stdout).unwrap();
            assert_eq!(mask_addresses(&ours), mask_addresses(&theirs));
        }
        _ => eprintln!("CPython 3.13 not found (PYENV_VERSION=3.13.0 python3): compared with nothing"),
    }
}
