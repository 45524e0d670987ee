//! Generators in the eval loop: frames resumed by `SEND`/`FOR_ITER` run in the resumer's loop
//! (no native recursion per `yield from` level), the recursion limit bounds a runaway chain,
//! and `throw`/`close` reach the innermost frame of a chain.

use pyrt::Runtime;
use pyrt::object::abstract_ops::repr_text;
use pyrt::object::dict::as_dict;
use pyrt::object::intern;

/// Runs `source` as `__main__` on a thread with a `stack`-byte native stack and returns the
/// repr of its global `result` (or the exception's repr).
fn run_with_stack(source: &'static str, stack: usize) -> String {
    std::thread::Builder::new()
        .stack_size(stack)
        .spawn(move || {
            Runtime::initialize();
            let code = pyrt_compile::compile(source, "<generators test>", pyrt_syntax::Mode::Module).expect("compiles");
            pyrt::attach(|_py| match pyrt::eval::run_module(code, "__main__", "<generators test>") {
                Ok(globals) => {
                    let d = as_dict(&globals).expect("globals is a dict");
                    let v = d.get_str(&intern("result").ob_base).expect("the script sets `result`");
                    repr_text(&v).expect("repr")
                }
                Err(e) => {
                    let exc = e.into_object();
                    repr_text(&exc).unwrap_or_else(|_| "?".to_owned())
                }
            })
        })
        .expect("spawn")
        .join()
        .expect("the thread finished without a panic")
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
    assert_eq!(run_with_stack(src, 2 << 20), "(1, 11, 42)");
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
    assert_eq!(run_with_stack(src, 2 << 20), "RecursionError('maximum recursion depth exceeded')");
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
    assert_eq!(run_with_stack(src, 8 << 20), "('a', 'caught', ['leaf', 'mid'], False)");
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
    assert_eq!(run_with_stack(src, 8 << 20), "(\"ValueError('inside')\", 'None')");
}
