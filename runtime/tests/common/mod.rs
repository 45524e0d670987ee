//! Helpers shared by the integration tests.
#![allow(dead_code)]

use std::process::Command;
use std::sync::{Mutex, MutexGuard};

static SERIAL: Mutex<()> = Mutex::new(());

/// The runtime is process-wide: tests that initialize and finalize it run one at a time.
/// The guard finalizes the runtime when dropped, so a failing test does not leak into the next.
pub struct Serial(#[allow(dead_code)] MutexGuard<'static, ()>);

impl Drop for Serial {
    fn drop(&mut self) {
        // SAFETY: no token, guard or object handle is alive at this point.
        unsafe { pyrt::Runtime::finalize() };
    }
}

pub fn serial() -> Serial {
    let g = SERIAL.lock().unwrap_or_else(|p| p.into_inner());
    // SAFETY: no token, guard or object handle is alive at this point.
    unsafe { pyrt::Runtime::finalize() };
    pyrt::Runtime::initialize();
    Serial(g)
}

/// Set in the environment of a child process that must run a fatal scenario.
pub const CHILD_ENV: &str = "PYRT_FATAL_CHILD";

/// Whether this process is the child for `scenario`.
pub fn is_child(scenario: &str) -> bool {
    std::env::var(CHILD_ENV).as_deref() == Ok(scenario)
}

/// Re-runs the test `test_name` of this binary in a child process with `scenario` selected and
/// returns (aborted?, stderr).
pub fn run_child(test_name: &str, scenario: &str) -> (bool, String) {
    let out = Command::new(std::env::current_exe().unwrap())
        .args([test_name, "--exact", "--nocapture", "--test-threads=1"])
        .env(CHILD_ENV, scenario)
        .output()
        .expect("spawn child");
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    #[cfg(unix)]
    let aborted = {
        use std::os::unix::process::ExitStatusExt;
        out.status.signal() == Some(libc_sigabrt())
    };
    #[cfg(not(unix))]
    let aborted = !out.status.success();
    (aborted, stderr)
}

fn libc_sigabrt() -> i32 {
    6
}

/// Asserts that the scenario aborts with `Fatal Python error: {func}: {reason}`.
pub fn assert_fatal(test_name: &str, scenario: &str, func: &str, reason: &str) {
    let (aborted, stderr) = run_child(test_name, scenario);
    let expected = format!("Fatal Python error: {func}: {reason}");
    assert!(stderr.contains(&expected), "expected {expected:?} in child stderr:\n{stderr}");
    assert!(aborted, "child did not abort; stderr:\n{stderr}");
}
