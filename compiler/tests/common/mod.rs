//! Helpers shared by the integration tests: the stored CPython 3.13 data and how to regenerate it.

use std::path::PathBuf;
use std::process::Command;

/// The directory of the stored data files.
pub fn data_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests").join("data")
}

/// Runs `script` (in the data directory) with CPython 3.13, writing to a temporary `output`, and
/// returns what it wrote; `None`, with a printed notice, when CPython 3.13 is not installed.
pub fn regenerate_with_cpython_3_13(script: &str, output_name: &str) -> Option<String> {
    let probe = Command::new("python3")
        .env("PYENV_VERSION", "3.13.0")
        .args(["-c", "import sys; print(sys.version_info[:2])"])
        .output();
    match probe {
        Ok(out) if out.status.success() && String::from_utf8_lossy(&out.stdout).trim() == "(3, 13)" => {}
        _ => {
            eprintln!(
                "notice: CPython 3.13 not found (PYENV_VERSION=3.13.0 python3); skipping the regeneration check of {output_name}"
            );
            return None;
        }
    }
    let out_path = std::env::temp_dir().join(format!("pyrt-{}-{output_name}", std::process::id()));
    let status = Command::new("python3")
        .env("PYENV_VERSION", "3.13.0")
        // Frozenset constants are written in iteration order, which depends on string hashes.
        .env("PYTHONHASHSEED", "0")
        .arg(data_dir().join(script))
        .arg(&out_path)
        .status()
        .expect("run python3");
    assert!(status.success(), "{script} failed");
    let text = std::fs::read_to_string(&out_path).expect("read regenerated data");
    let _ = std::fs::remove_file(&out_path);
    Some(text)
}
