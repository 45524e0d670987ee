//! The Python programs in `examples/py/` (the README's main command runs one) print what CPython
//! 3.13 printed for them (`NAME.out`, written by `python3.13 examples/py/NAME.py > NAME.out`).

use std::path::Path;
use std::process::Command;

#[test]
fn example_programs_print_what_cpython_3_13_prints() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../examples/py");
    let mut checked = 0;
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().and_then(|e| e.to_str()) != Some("py") {
            continue;
        }
        let expected = std::fs::read_to_string(path.with_extension("out")).unwrap();
        let out = Command::new(env!("CARGO_BIN_EXE_pyrt")).arg(&path).output().unwrap();
        assert!(out.status.success(), "{}: {}", path.display(), String::from_utf8_lossy(&out.stderr));
        assert_eq!(String::from_utf8(out.stdout).unwrap(), expected, "{}", path.display());
        checked += 1;
    }
    assert!(checked >= 1, "no example programs found");
}
