//! `pyrt`'s command line behaves like `python`'s: targets, flags, exit statuses, usage errors,
//! the prompt with piped input, and `-X gil=0` (a free-threaded main interpreter).

use std::io::Write;
use std::process::{Command, Output, Stdio};

fn pyrt(args: &[&str], stdin: &str, dir: Option<&std::path::Path>) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_pyrt"));
    cmd.args(args).stdin(Stdio::piped()).stdout(Stdio::piped()).stderr(Stdio::piped()).env_remove("PYTHON_GIL");
    if let Some(d) = dir {
        cmd.current_dir(d);
    }
    let mut child = cmd.spawn().expect("pyrt runs");
    child.stdin.take().expect("piped").write_all(stdin.as_bytes()).expect("stdin written");
    child.wait_with_output().expect("pyrt exits")
}

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

#[test]
fn code_stdin_and_version() {
    let o = pyrt(&["-c", "print(6 * 7)"], "", None);
    assert_eq!((text(&o.stdout), o.status.code()), ("42\n".into(), Some(0)));
    let o = pyrt(&["-ubc", "print(3)"], "", None);
    assert_eq!(text(&o.stdout), "3\n");
    let o = pyrt(&["-"], "x = 3\nprint(x * 2)\n", None);
    assert_eq!(text(&o.stdout), "6\n");
    // No target and stdin not a terminal: stdin is the script.
    let o = pyrt(&[], "print('piped')\n", None);
    assert_eq!(text(&o.stdout), "piped\n");
    let o = pyrt(&["-V"], "", None);
    assert_eq!(text(&o.stdout), "Python 3.13.0\n");
    let o = pyrt(&["-c", "raise SystemExit(7)"], "", None);
    assert_eq!(o.status.code(), Some(7));
    let o = pyrt(&["-c", "1/0"], "", None);
    assert_eq!(o.status.code(), Some(1));
    assert!(text(&o.stderr).ends_with("ZeroDivisionError: division by zero\n"), "{}", text(&o.stderr));
}

#[test]
fn usage_errors_exit_2() {
    for (args, first) in [
        (&["-Z"][..], "Unknown option: -Z"),
        (&["-c"][..], "Argument expected for the -c option"),
        (&["-X"][..], "Argument expected for the -X option"),
        (&["--frob"][..], "unknown option --frob"),
    ] {
        let o = pyrt(args, "", None);
        assert_eq!(o.status.code(), Some(2), "{args:?}");
        let err = text(&o.stderr);
        assert!(err.starts_with(&format!("{first}\nusage: ")), "{err}");
        assert!(err.ends_with("[-c cmd | -m mod | file | -] [arg] ...\nTry `python -h' for more information.\n"));
    }
    let o = pyrt(&["/nonexistent/x.py"], "", None);
    assert_eq!(o.status.code(), Some(2));
    assert!(text(&o.stderr).ends_with("can't open file '/nonexistent/x.py': [Errno 2] No such file or directory\n"));
}

#[test]
fn module_from_the_current_directory() {
    let dir = std::env::temp_dir().join(format!("pyrt-cli-m-{}", std::process::id()));
    std::fs::create_dir_all(dir.join("pkg")).unwrap();
    std::fs::write(dir.join("hello.py"), "print('hello from', __name__)\n").unwrap();
    std::fs::write(dir.join("pkg/__main__.py"), "print('package main')\n").unwrap();
    let o = pyrt(&["-m", "hello"], "", Some(&dir));
    assert_eq!(text(&o.stdout), "hello from __main__\n");
    let o = pyrt(&["-m", "pkg"], "", Some(&dir));
    assert_eq!(text(&o.stdout), "package main\n");
    let o = pyrt(&["-m", "missing"], "", Some(&dir));
    assert_eq!(o.status.code(), Some(1));
    assert!(text(&o.stderr).ends_with(": No module named missing\n"));
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn prompt_with_piped_input() {
    let o = pyrt(
        &["-i", "-q", "-c", "y = 20"],
        "y + 1\nif y:\n  print(y)\n\ndef f(:\n1/0\nraise SystemExit(4)\nprint(9)\n",
        None,
    );
    assert_eq!(text(&o.stdout), "21\n20\n");
    assert_eq!(o.status.code(), Some(4));
    let err = text(&o.stderr);
    assert!(err.contains("    def f(:\n          ^\nSyntaxError: invalid syntax\n"), "{err}");
    assert!(
        err.contains(
            "  File \"<stdin>\", line 1, in <module>\n    1/0\n    ~^~\nZeroDivisionError: division by zero\n"
        )
    );
}

#[test]
fn free_threaded_main_interpreter() {
    let script = "total = 0\nfor i in range(1000):\n    total += i\nprint(total)\n";
    for args in [&["-X", "gil=0", "-"][..], &["-X", "gil=1", "-"][..]] {
        let o = pyrt(args, script, None);
        assert_eq!(text(&o.stdout), "499500\n", "{args:?}: {}", text(&o.stderr));
    }
    let o = Command::new(env!("CARGO_BIN_EXE_pyrt"))
        .args(["-c", "pass"])
        .env("PYTHON_GIL", "2")
        .output()
        .expect("pyrt runs");
    assert!(!o.status.success());
    assert!(
        text(&o.stderr)
            .starts_with("Fatal Python error: config_read_gil: PYTHON_GIL / -X gil must be \"0\" or \"1\"\n")
    );
}
