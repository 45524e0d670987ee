//! An arena limit turns a script's over-limit allocation into `MemoryError`, which the script can
//! catch, and the interpreter stays usable — in each kind of interpreter.

use pyrt::{ExcKind, Interpreter, InterpreterConfig, Runtime};

const GREEDY: &[u8] = b"
chunks = []
try:
    while True:
        chunks.append('x' * 10000)
except MemoryError:
    caught = len(chunks)
    del chunks
assert caught > 10, caught
total = sum(i * i for i in range(1000))
assert total == 332833500
";

#[test]
fn memory_error_is_raised_caught_and_survived() {
    Runtime::initialize();
    for base in [InterpreterConfig::isolated(), InterpreterConfig::legacy(), InterpreterConfig::free_threaded()] {
        let config = InterpreterConfig { arena_limit: Some(4 << 20), ..base };
        let interp = Interpreter::new(config.clone()).unwrap();
        interp.attach(|py| pyrt::run::exec(py, GREEDY, "<greedy>")).unwrap().unwrap();
        // Uncaught, it ends the script with MemoryError; the interpreter still runs code.
        let err = interp
            .attach(|py| pyrt::run::exec(py, b"x = []\nwhile True:\n    x.append('y' * 10000)\n", "<uncaught>"))
            .unwrap()
            .unwrap_err();
        assert_eq!(err.kind(), ExcKind::MemoryError, "{config:?}: {err}");
        interp.attach(|py| pyrt::run::exec(py, b"assert [1, 2] * 2 == [1, 2, 1, 2]\n", "<after>")).unwrap().unwrap();
        interp.destroy().unwrap();
    }
}
