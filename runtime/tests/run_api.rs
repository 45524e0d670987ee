//! The embedding API for running source (`pyrt::run`), and errors that outlive their attachment:
//! a `PyErr` holding an exception object leaves `attach`, crosses threads, is read and dropped
//! where its interpreter is not attached — soundly (the object is held unbound).

use pyrt::{ExcKind, Interpreter, InterpreterConfig, Runtime};

#[test]
fn exec_runs_source_and_reports_errors_as_exceptions() {
    Runtime::initialize();
    let interp = Interpreter::new(InterpreterConfig::isolated()).unwrap();
    interp
        .attach(|py| pyrt::run::exec(py, b"x = [i * i for i in range(10)]\nassert x[3] == 9\n", "<ok>"))
        .unwrap()
        .unwrap();
    let err = interp.attach(|py| pyrt::run::exec(py, b"def f(:\n", "<bad>")).unwrap().unwrap_err();
    assert_eq!(err.kind(), ExcKind::Other("SyntaxError".into()));
    assert_eq!(err.message(), "invalid syntax");
    let err = interp.attach(|py| pyrt::run::exec(py, b"if 1:\nx = 1\n", "<indent>")).unwrap().unwrap_err();
    assert_eq!(err.to_string(), "IndentationError: expected an indented block after 'if' statement on line 1");
    interp.destroy().unwrap();
}

#[test]
fn an_exception_object_outlives_its_attachment_and_crosses_threads() {
    Runtime::initialize();
    let interp = Interpreter::new(InterpreterConfig::isolated()).unwrap();
    let err = interp.attach(|py| pyrt::run::exec(py, b"raise ValueError('boom', 2)", "<raise>")).unwrap().unwrap_err();
    // Read here, unattached: the accessors attach to the exception's interpreter for the read.
    assert_eq!(err.kind(), ExcKind::ValueError);
    assert_eq!(err.to_string(), "ValueError: ('boom', 2)");
    // Cloned unattached, it becomes a lazy copy of class and message.
    let lazy = err.clone();
    assert_eq!(lazy, err);
    assert_eq!(lazy.to_string(), "ValueError: ('boom', 2)");
    let kept = interp.attach(|py| pyrt::run::exec(py, b"raise KeyError('k')", "<raise>")).unwrap().unwrap_err();
    // Sent to another thread, read and dropped there (the decrement is deferred or done attached).
    let other = std::thread::spawn(move || {
        assert_eq!(err.message(), "('boom', 2)");
        drop(err);
    });
    other.join().unwrap();
    // Read from a thread attached to a different interpreter: it cannot be read there.
    let second = Interpreter::new(InterpreterConfig::isolated()).unwrap();
    second
        .attach(|_py| {
            assert_eq!(kept.kind(), ExcKind::Other("<unreadable exception>".into()));
            assert_eq!(kept.clone().message(), "<unreadable exception>");
            assert_eq!(lazy.message(), "('boom', 2)");
        })
        .unwrap();
    second.destroy().unwrap();
    interp.destroy().unwrap();
    // Its interpreter is gone: reading says so, and dropping the handle does nothing.
    assert_eq!(kept.message(), "<unreadable exception>");
    drop(kept);
}

#[test]
fn run_main_gives_cpythons_exit_status() {
    Runtime::initialize();
    let interp = Interpreter::new(InterpreterConfig::isolated()).unwrap();
    let status = |src: &[u8]| interp.attach(|py| pyrt::run::run_main(py, src, "<main>")).unwrap();
    assert_eq!(status(b"x = 1\n"), 0);
    assert_eq!(status(b"raise SystemExit(3)\n"), 3);
    assert_eq!(status(b"raise SystemExit\n"), 0);
    assert_eq!(status(b"1/0\n"), 1);
    assert_eq!(status(b"(\n"), 1);
    interp.destroy().unwrap();
}
