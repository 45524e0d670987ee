//! `pyrt ast FILE` against CPython 3.13's output, stored beside the inputs in tests/ast/
//! (regenerate with `PYENV_VERSION=3.13.0 python3 tools/regen_cli_ast_golden.py`):
//! NAME.out is `ast.dump(ast.parse(...))` of a file CPython parses, NAME.err what
//! `python3.13 tests/ast/NAME.py` prints for one it rejects (the cli/ directory written as
//! `<CLI_DIR>`). The binary runs from cli/ with the same relative paths.

use std::path::Path;
use std::process::Command;

/// Files whose error message pyrt's parser does not produce yet (its diagnose pass lacks the
/// `invalid_*` rule); for these only the exit status and the `File` line are checked. The test
/// fails when one of them starts to match, so that it leaves this list.
const KNOWN_DIFFERENT: &[&str] = &[];

#[test]
fn ast_output_and_errors_match_cpython() {
    let cli_dir = env!("CARGO_MANIFEST_DIR");
    let mut inputs: Vec<_> = std::fs::read_dir(Path::new(cli_dir).join("tests/ast"))
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .filter(|name| name.ends_with(".py"))
        .collect();
    inputs.sort();
    assert!(inputs.len() >= 8, "{inputs:?}");
    let (mut dumps, mut errors) = (0, 0);
    for name in &inputs {
        let rel = format!("tests/ast/{name}");
        let out = Command::new(env!("CARGO_BIN_EXE_pyrt")).args(["ast", &rel]).current_dir(cli_dir).output().unwrap();
        let stdout = String::from_utf8(out.stdout).unwrap();
        let stderr = String::from_utf8(out.stderr).unwrap().replace(cli_dir, "<CLI_DIR>");
        let stem = rel.strip_suffix(".py").unwrap();
        if let Ok(expected) = std::fs::read_to_string(Path::new(cli_dir).join(format!("{stem}.out"))) {
            assert!(out.status.success(), "{name}: {stderr}");
            assert_eq!(stdout, expected, "{name}: ast.dump differs");
            dumps += 1;
            continue;
        }
        let expected = std::fs::read_to_string(Path::new(cli_dir).join(format!("{stem}.err"))).unwrap();
        assert_eq!(out.status.code(), Some(1), "{name}: {stderr}");
        assert_eq!(stdout, "", "{name}");
        if KNOWN_DIFFERENT.contains(&name.as_str()) {
            assert_ne!(stderr, expected, "{name} now matches CPython: remove it from KNOWN_DIFFERENT");
            assert_eq!(stderr.lines().next(), expected.lines().next(), "{name}: File line");
            println!("{name}: known difference\n--- CPython\n{expected}--- pyrt\n{stderr}");
        } else {
            assert_eq!(stderr, expected, "{name}: error report differs");
        }
        errors += 1;
    }
    println!("pyrt ast: {dumps} dumps and {errors} error reports compared");
}

#[test]
fn a_missing_file_is_reported() {
    let out = Command::new(env!("CARGO_BIN_EXE_pyrt")).args(["ast", "/nonexistent/x.py"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("can't open file '/nonexistent/x.py'"));
}
