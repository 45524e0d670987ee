//! `sys.stdout` buffers as CPython 3.13's does, which shows when stdout and stderr share one
//! pipe (`2>&1`): by blocks when stdout is not a terminal (stderr text comes first; stdout is
//! flushed before an uncaught exception is reported and at exit), at every write with
//! `PYTHONUNBUFFERED`. The expected orders are what `python3.13` prints for the same script.

use std::process::Command;

const SCRIPT: &str = "import sys\nprint('out1')\nprint('err1', file=sys.stderr)\nprint('out2', flush=True)\n\
sys.stderr.write('err2\\n')\nprint('out3')\nraise ValueError('boom')\n";

fn run_merged(unbuffered: bool) -> String {
    let dir = std::env::temp_dir().join(format!("pyrt_stdio_{}_{}", std::process::id(), unbuffered));
    std::fs::create_dir_all(&dir).unwrap();
    let script = dir.join("interleave.py");
    std::fs::write(&script, SCRIPT).unwrap();
    let mut cmd = Command::new("sh");
    cmd.arg("-c").arg("\"$PYRT\" \"$SCRIPT\" 2>&1").env("PYRT", env!("CARGO_BIN_EXE_pyrt")).env("SCRIPT", &script);
    cmd.env_remove("PYTHONUNBUFFERED");
    if unbuffered {
        cmd.env("PYTHONUNBUFFERED", "1");
    }
    let out = cmd.output().expect("sh runs");
    std::fs::remove_dir_all(&dir).unwrap();
    let text = String::from_utf8_lossy(&out.stdout).into_owned();
    // Keep the order of the lines, not the traceback's details.
    text.lines().filter(|l| !l.starts_with(' ') && !l.starts_with("Traceback")).collect::<Vec<_>>().join("\n")
}

#[test]
fn block_buffered_stdout_comes_after_stderr_until_flushed() {
    assert_eq!(run_merged(false), "err1\nout1\nout2\nerr2\nout3\nValueError: boom");
}

#[test]
fn unbuffered_stdout_keeps_the_program_order() {
    assert_eq!(run_merged(true), "out1\nerr1\nout2\nerr2\nout3\nValueError: boom");
}
