//! Generators in the eval loop: frames resumed by `SEND`/`FOR_ITER` run in the resumer's loop
//! (no native recursion per `yield from` level), the recursion limit bounds a runaway chain,
//! and `throw`/`close` reach the innermost frame of a chain.

use pyrt::Runtime;

/// Runs `source` as `__main__` on a thread with a `stack`-byte native stack and checks that its
/// global `result` has the repr `expected` (or, if the script raises, that the exception prints
/// as `expected`).
fn check_with_stack(source: &'static str, stack: usize, expected: &'static str) {
    let outcome = std::thread::Builder::new()
        .stack_size(stack)
        .spawn(move || {
            Runtime::initialize();
            let script = format!("{source}\nassert repr(result) == {expected:?}, repr(result)\n");
            pyrt::attach(|py| pyrt::run::exec(py, script.as_bytes(), "<generators test>").map_err(|e| e.to_string()))
        })
        .expect("spawn")
        .join()
        .expect("the thread finished without a panic");
    if let Err(e) = outcome {
        assert_eq!(e, expected, "the script raised");
    }
}

/// A 700-deep `yield from` chain resumed 3 times: with native recursion per level this would
/// need far more than the 2 MiB given (a debug build's loop frame alone is kilobytes).
#[test]
fn deep_yield_from_chain_runs_in_one_loop() {
    let src = r#"
def chain(n):
    if n == 0:
        x = yield 1
        y = yield x + 1
        return y * 2
    r = yield from chain(n - 1)
    return r
g = chain(700)
a = next(g)
b = g.send(10)
try:
    g.send(21)
except StopIteration as e:
    c = e.value
result = (a, b, c)
"#;
    check_with_stack(src, 2 << 20, "(1, 11, 42)");
}

/// A chain without end meets the recursion limit: `RecursionError`, not a native overflow.
#[test]
fn runaway_chain_raises_recursion_error() {
    let src = r#"
def endless():
    yield from endless()
next(endless())
result = "unreachable"
"#;
    check_with_stack(src, 2 << 20, "RecursionError: maximum recursion depth exceeded");
}

/// `throw` travels down a chain to the innermost frame, whose handler yields; `close` runs the
/// `finally` blocks of every level, innermost first.
#[test]
fn throw_and_close_reach_the_innermost_frame() {
    let src = r#"
log = []
def leaf():
    try:
        try:
            yield "a"
        except KeyError:
            yield "caught"
        yield "b"
    finally:
        log.append("leaf")
def mid():
    try:
        yield from leaf()
    finally:
        log.append("mid")
g = mid()
first = next(g)
second = g.throw(KeyError("k"))
g.close()
result = (first, second, log, g.gi_suspended)
"#;
    check_with_stack(src, 8 << 20, "('a', 'caught', ['leaf', 'mid'], False)");
}

/// The exception a generator handles survives its `yield` and comes back for a bare `raise`,
/// while the resumer handled another one in between.
#[test]
fn handled_exception_is_saved_across_yields() {
    let src = r#"
def g():
    try:
        raise ValueError("inside")
    except ValueError:
        yield 1
        raise
it = g()
next(it)
try:
    raise KeyError("outside")
except KeyError:
    try:
        next(it)
    except ValueError as e:
        result = (repr(e), repr(e.__context__))
"#;
    check_with_stack(src, 8 << 20, "(\"ValueError('inside')\", 'None')");
}
