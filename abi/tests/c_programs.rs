//! C programs written against CPython's API, compiled against pyrt's headers and library and
//! run. The portable ones are also compiled against the machine's CPython (`python3-config
//! --embed`) and must print the same.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn lib_dir() -> PathBuf {
    // The test binary lives in target/<profile>/deps, next to libpyrt_abi.so.
    std::env::current_exe().unwrap().parent().unwrap().to_path_buf()
}

fn compiler() -> Command {
    let target = env!("PYRT_ABI_TARGET");
    cc::Build::new().cargo_metadata(false).target(target).host(target).opt_level(0).get_compiler().to_command()
}

fn source(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/c").join(name)
}

/// A fresh output path per build: tests run in parallel and may build the same program.
fn output_path(name: &str, flavour: &str) -> PathBuf {
    static NEXT: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
    let n = NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("{name}.{flavour}.{}.{n}", std::process::id()))
}

fn build_pyrt(name: &str) -> PathBuf {
    let out = output_path(name, "pyrt");
    let lib = lib_dir();
    let status = compiler()
        .arg(source(&format!("{name}.c")))
        .arg(format!("-I{}", Path::new(env!("CARGO_MANIFEST_DIR")).join("include").display()))
        .args(["-Wall", "-Werror", "-pthread"])
        .arg(format!("-L{}", lib.display()))
        .arg("-lpyrt_abi")
        .arg(format!("-Wl,-rpath,{}", lib.display()))
        .arg("-o")
        .arg(&out)
        .status()
        .expect("run the C compiler");
    assert!(status.success(), "compiling {name}.c against pyrt failed");
    out
}

fn build_cpython(name: &str) -> PathBuf {
    build_cpython_version(name, None).expect("python3-config (CPython's embedding flags)")
}

/// Builds against a pyenv CPython version (`PYENV_VERSION=<v> python3-config`), or the default
/// `python3`; `None` when that version's embedding flags are not available.
fn build_cpython_version(name: &str, version: Option<&str>) -> Option<PathBuf> {
    let out = output_path(name, version.unwrap_or("cpython"));
    let config = |args: &[&str]| {
        let mut c = Command::new("python3-config");
        c.args(args);
        if let Some(v) = version {
            c.env("PYENV_VERSION", v);
        }
        c.output().ok().filter(|o| o.status.success())
    };
    config(&["--prefix"])?;
    let flags = |args: &[&str]| {
        let o = config(args).expect("python3-config");
        assert!(o.status.success());
        String::from_utf8(o.stdout).unwrap().split_whitespace().map(String::from).collect::<Vec<_>>()
    };
    let libdir = flags(&["--prefix"]).pop().unwrap() + "/lib";
    let status = compiler()
        .arg(source(&format!("{name}.c")))
        .args(flags(&["--includes"]))
        .args(["-Wall", "-pthread"])
        .args(flags(&["--embed", "--ldflags"]))
        .arg(format!("-Wl,-rpath,{libdir}"))
        .arg("-o")
        .arg(&out)
        .status()
        .expect("run the C compiler");
    assert!(status.success(), "compiling {name}.c against CPython failed");
    Some(out)
}

/// Runs a C program. `cargo test` puts `target/<profile>` on `LD_LIBRARY_PATH`, which may hold an
/// older copy of the library from a previous `cargo build` and would win over the RUNPATH; the
/// programs must load the one next to this test binary.
fn run(exe: &Path) -> Output {
    Command::new(exe).env_remove("LD_LIBRARY_PATH").output().expect("run the C program")
}

fn stdout_ok(out: &Output, what: &str) -> String {
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{what} failed: {:?}\nstderr:\n{stderr}", out.status);
    assert!(stderr.is_empty(), "{what} wrote to stderr:\n{stderr}");
    String::from_utf8(out.stdout.clone()).unwrap()
}

/// Runs a portable program against pyrt and CPython and checks both print `expected`.
fn portable(name: &str, expected: &str) {
    let pyrt_out = stdout_ok(&run(&build_pyrt(name)), &format!("{name} (pyrt)"));
    assert_eq!(pyrt_out, expected, "{name} against pyrt");
    let cpython_out = stdout_ok(&run(&build_cpython(name)), &format!("{name} (CPython)"));
    assert_eq!(cpython_out, expected, "{name} against CPython");
}

#[test]
fn gilstate_from_foreign_threads() {
    portable("gilstate_threads", "calls: 402\nmain state kept: yes\nfinalized: 1\n");
}

#[test]
fn repeated_init_and_subinterpreters() {
    let mut expected = String::new();
    for pass in 0..3 {
        expected += &format!("pass {pass}: main interp 0\n");
        for id in 1..=3 {
            expected += &format!("  sub interp {id}, distinct: 1, head: 1\n");
        }
        expected += "  interpreters: 4, main is last: 1\n  after end: 1, current: NULL\n";
    }
    portable("subinterpreters", &expected);
}

#[test]
fn pending_calls_from_another_thread() {
    portable(
        "pending_calls",
        "queue filled up: yes\nevery accepted call ran once: yes\nadd after drain: 0\nran the late one: yes\n",
    );
}

#[test]
fn own_lock_and_free_threaded_interpreters_from_c() {
    let out = stdout_ok(&run(&build_pyrt("own_gil_parallel")), "own_gil_parallel");
    assert_eq!(
        out,
        "own lock + main: two threads attached at once\nfree-threaded: two threads attached at once\n\
         bad config: invalid interpreter config 'gil' value\n"
    );
}

#[test]
fn mutexes_and_critical_sections_from_c() {
    let out = stdout_ok(&run(&build_pyrt("critical_sections")), "critical_sections");
    assert_eq!(
        out,
        "mutex locked: 1\nmutex unlocked: 1\na locked: 1\npair locked: 1\nb unlocked, a still locked: 1\n\
         suspended while detached: 1\nresumed at attach: 1\nall unlocked: 1\ncounter: 40000\n\
         with a lock, no mutex: 1\n"
    );
}

#[test]
fn unlocking_an_unlocked_mutex_is_fatal_as_in_cpython() {
    let out = run(&build_pyrt("mutex_unlock_fatal"));
    let stderr = String::from_utf8_lossy(&out.stderr);
    // CPython 3.13 prints the same line for this program.
    assert!(stderr.starts_with("Fatal Python error: PyMutex_Unlock: unlocking mutex that is not locked\n"), "{stderr}");
    #[cfg(unix)]
    {
        use std::os::unix::process::ExitStatusExt;
        assert_eq!(out.status.signal(), Some(6), "aborts");
    }
}

#[test]
fn py_fatal_error_names_the_caller() {
    let out = run(&build_pyrt("fatal_error"));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.starts_with("Fatal Python error: main: the host gave up\n"), "{stderr}");
    #[cfg(unix)]
    {
        use std::os::unix::process::ExitStatusExt;
        assert_eq!(out.status.signal(), Some(6), "aborts");
    }
}

/// Runs a program under valgrind: no invalid access anywhere (the Rust runtime's unsafe code
/// included), and nothing definitely, indirectly or possibly lost after repeated
/// initialize/finalize cycles and foreign threads (`tests/valgrind.supp` names the one exception:
/// the process-lifetime tables of immortal objects).
fn valgrind_clean(name: &str) {
    let exe = build_pyrt(name);
    let out = Command::new("valgrind")
        .env_remove("LD_LIBRARY_PATH")
        .args([
            "--quiet",
            "--leak-check=full",
            "--errors-for-leak-kinds=definite,indirect,possible",
            "--error-exitcode=9",
        ])
        .arg(format!("--suppressions={}/tests/valgrind.supp", env!("CARGO_MANIFEST_DIR")))
        .arg(&exe)
        .output()
        .expect("valgrind (on every pyrt development machine)");
    assert!(out.status.success(), "{name} under valgrind: {:?}\n{}", out.status, String::from_utf8_lossy(&out.stderr));
}

#[test]
fn valgrind_repeated_init_and_subinterpreters() {
    valgrind_clean("subinterpreters");
}

#[test]
fn valgrind_gilstate_from_foreign_threads() {
    valgrind_clean("gilstate_threads");
}

#[test]
fn valgrind_own_lock_and_free_threaded() {
    valgrind_clean("own_gil_parallel");
}

#[test]
fn object_header_and_refcount_fast_paths_agree_with_the_runtime() {
    let out = stdout_ok(&run(&build_pyrt("objects")), "objects");
    assert_eq!(
        out,
        "thread ids agree: 1\nNone untouched: 1\nowner: tid mine 1, local 1\nowner incref: local 2, refcnt 2\n\
         stranger: shared count 1\nvalue 123456789, refcnt 1\n"
    );
}

#[test]
fn valgrind_objects() {
    valgrind_clean("objects");
}

#[test]
fn valgrind_critical_sections() {
    valgrind_clean("critical_sections");
}

/// CPython's `_Py_FatalError_TstateNULL` reason.
const TSTATE_NULL: &str = "the function must be called with the GIL held, after Python initialization and before \
                           Python finalization, but the GIL is released (the current Python thread state is NULL)";

/// The first stderr line, with thread-state addresses (`0x...`) masked.
fn fatal_line(out: &Output) -> String {
    let stderr = String::from_utf8_lossy(&out.stderr);
    let line = stderr.lines().next().unwrap_or_default();
    line.split(' ')
        .map(|w| if w.starts_with("0x") && w.len() > 2 { "0x<addr>" } else { w })
        .collect::<Vec<_>>()
        .join(" ")
}

/// §3: API misuse that CPython 3.13 answers with a fatal error prints the same line, word for word
/// (addresses aside), and aborts, against pyrt and against the installed CPython 3.13.
#[test]
fn fatal_messages_match_cpython_3_13() {
    let expected = [
        ("release_not_current", "PyGILState_Release: thread state 0x<addr> must be current when releasing"),
        (
            "release_without_state",
            "PyGILState_Release: auto-releasing thread-state, but no thread-state for this thread",
        ),
        ("delete_current", "PyThreadState_Delete: tstate 0x<addr> is still current"),
        ("restore_while_attached", "_PyThreadState_Attach: non-NULL old thread state"),
        ("end_not_last", "Py_EndInterpreter: not the last thread"),
        ("end_not_current", "Py_EndInterpreter: thread is not current"),
        (
            "delete_current_unattached",
            "_PyThreadState_DeleteCurrent: the function must be called with the GIL held, after Python \
             initialization and before Python finalization, but the GIL is released (the current Python \
             thread state is NULL)",
        ),
        ("restore_null", "PyEval_RestoreThread: <tstate NULL>"),
        ("acquire_null", "PyEval_AcquireThread: <tstate NULL>"),
        ("delete_null", "PyThreadState_Delete: <tstate NULL>"),
        ("interp_get_unattached", "PyInterpreterState_Get: <tstate NULL>"),
        (
            "get_unattached",
            "PyThreadState_Get: the function must be called with the GIL held, after Python initialization \
             and before Python finalization, but the GIL is released (the current Python thread state is NULL)",
        ),
    ];
    let pyrt = build_pyrt("fatal_misuse");
    let cpython = build_cpython_version("fatal_misuse", Some("3.13.0"));
    if cpython.is_none() {
        eprintln!("CPython 3.13 not found (PYENV_VERSION=3.13.0 python3-config): checking pyrt only");
    }
    for (scenario, message) in expected {
        let want = format!("Fatal Python error: {}", message.replace("<tstate NULL>", TSTATE_NULL));
        let exes = std::iter::once(("pyrt", &pyrt)).chain(cpython.as_ref().map(|c| ("CPython 3.13", c)));
        for (who, exe) in exes {
            let out = Command::new(exe).arg(scenario).env_remove("LD_LIBRARY_PATH").output().unwrap();
            assert_eq!(fatal_line(&out), want, "{scenario} against {who}");
            #[cfg(unix)]
            {
                use std::os::unix::process::ExitStatusExt;
                assert_eq!(out.status.signal(), Some(6), "{scenario} against {who} aborts");
            }
        }
    }
}

/// §3: `PyLong_AsLong` on a non-int returns -1 with `TypeError` raised, printed by `PyErr_Print`
/// as CPython prints it — against pyrt, the machine's CPython and CPython 3.13.
#[test]
fn pylong_as_long_on_a_non_int_raises_type_error() {
    let stdout = "PyLong_AsLong(None) = -1\nPyLong_AsLong(42) = 42\nfinalized: 1\n";
    let stderr = "TypeError: 'NoneType' object cannot be interpreted as an integer\n";
    let mut exes = vec![("pyrt", build_pyrt("pylong_errors")), ("CPython", build_cpython("pylong_errors"))];
    match build_cpython_version("pylong_errors", Some("3.13.0")) {
        Some(exe) => exes.push(("CPython 3.13", exe)),
        None => eprintln!("CPython 3.13 not found (PYENV_VERSION=3.13.0 python3-config): skipping it"),
    }
    for (who, exe) in exes {
        let out = run(&exe);
        assert!(out.status.success(), "{who}: {:?}", out.status);
        assert_eq!(String::from_utf8_lossy(&out.stdout), stdout, "{who}");
        assert_eq!(String::from_utf8_lossy(&out.stderr), stderr, "{who}");
    }
}

/// §3: `Py_NewInterpreterFromConfig` accepts and refuses the configs CPython 3.13 does
/// (`use_main_obmalloc` with any lock; single-phase extensions only with the main obmalloc),
/// failing statuses name 3.13's step and message, and `Py_NewInterpreter` before `Py_Initialize`
/// is 3.13's fatal error.
#[test]
fn new_interpreter_configs_and_failures_match_cpython_3_13() {
    let stdout = "main obmalloc, shared lock: ok\nmain obmalloc, own lock: ok\n\
         own obmalloc, single-phase extensions: error in init_interp_settings: per-interpreter obmalloc does not \
         support single-phase init extension modules; tstate NULL: 1\n\
         daemon threads without threads: ok\n\
         bad gil: error in init_interp_settings: invalid interpreter config 'gil' value; tstate NULL: 1\n\
         finalized: 1\n";
    let mut exes = vec![("pyrt", build_pyrt("interpreter_config"))];
    match build_cpython_version("interpreter_config", Some("3.13.0")) {
        Some(exe) => exes.push(("CPython 3.13", exe)),
        None => eprintln!("CPython 3.13 not found (PYENV_VERSION=3.13.0 python3-config): checking pyrt only"),
    }
    for (who, exe) in exes {
        assert_eq!(stdout_ok(&run(&exe), who), stdout, "{who}");
        let out = Command::new(&exe).arg("uninit_cfg").env_remove("LD_LIBRARY_PATH").output().unwrap();
        assert_eq!(
            String::from_utf8_lossy(&out.stdout),
            "uninitialized: error in new_interpreter: Py_Initialize must be called first\n",
            "{who}"
        );
        let out = Command::new(&exe).arg("uninit").env_remove("LD_LIBRARY_PATH").output().unwrap();
        assert_eq!(
            fatal_line(&out),
            "Fatal Python error: new_interpreter: Py_Initialize must be called first",
            "{who}"
        );
        assert!(out.stdout.is_empty(), "{who} returned");
    }
}

#[test]
fn valgrind_interpreter_configs() {
    valgrind_clean("interpreter_config");
}

/// §3: legacy sub-interpreters (`use_main_obmalloc`) allocate from the main interpreter's memory;
/// ending one leaves the main interpreter's objects intact. Same output as CPython 3.13, and
/// valgrind-clean (the main arena is released once, at `Py_Finalize`).
#[test]
fn main_obmalloc_sub_interpreters_leave_the_main_interpreter_intact() {
    let mut stdout = String::new();
    for pass in 0..2 {
        for s in 0..3 {
            stdout += &format!(
                "pass {pass} sub {s}: sum 1999000
"
            );
            stdout += &format!(
                "pass {pass} after sub {s}: main sum 1999000, new object 7
"
            );
        }
        stdout += &format!(
            "pass {pass}: leaked sum 0
"
        );
    }
    let mut exes = vec![("pyrt", build_pyrt("main_obmalloc"))];
    match build_cpython_version("main_obmalloc", Some("3.13.0")) {
        Some(exe) => exes.push(("CPython 3.13", exe)),
        None => eprintln!("CPython 3.13 not found (PYENV_VERSION=3.13.0 python3-config): checking pyrt only"),
    }
    for (who, exe) in exes {
        assert_eq!(stdout_ok(&run(&exe), who), stdout, "{who}");
    }
}

#[test]
fn valgrind_main_obmalloc() {
    valgrind_clean("main_obmalloc");
}

#[test]
fn valgrind_pylong_errors() {
    valgrind_clean("pylong_errors");
}

/// §1.8: GILState from a thread-specific-data destructor (C++ `thread_local` destructors do the
/// same), against pyrt and CPython, and under valgrind.
#[test]
fn gilstate_in_a_thread_exit_destructor() {
    let expected = "ensure in a key destructor: attached 1\n".repeat(2) + "finalized: 1\n";
    portable("gilstate_key_destructor", &expected);
    valgrind_clean("gilstate_key_destructor");
}
