//! Very deep ASTs: CPython 3.13's `compile()` raises `RecursionError: maximum recursion depth
//! exceeded during compilation` once the path of statements and expressions from the module is
//! deeper than 9,998 (see `src/deep.rs`); pyrt must raise the same error at the same depth, and
//! never overflow its native stack below or above it.
//!
//! The thresholds below were measured with CPython 3.13.0 (`compile(src, "s", "exec")` called
//! from Python code, binary search over the number of terms of `1+1+...+1` put in a template):
//! the smallest number of terms that raises `RecursionError`.

use pyrt_compile::{Mode, compile};
use pyrt_syntax::SyntaxErrorKind;

const MESSAGE: &str = "maximum recursion depth exceeded during compilation";

/// (template with `{E}` for the chain, CPython 3.13's first failing number of terms).
const THRESHOLDS: &[(&str, usize)] = &[
    ("{E}", 9998),
    ("x = {E}", 9998),
    ("x: int = {E}", 9998),
    ("f({E})", 9997),
    ("f(a={E})", 9997),
    ("lambda: {E}", 9997),
    ("[x for x in {E}]", 9997),
    ("if 1:\n {E}", 9997),
    ("if 1:\n if 1:\n  {E}", 9996),
    ("def f():\n return {E}", 9997),
    ("def f(a={E}): pass", 9998),
    ("match x:\n case 1: {E}", 9997),
    ("x[{E}]", 9997),
];

fn chain(template: &str, terms: usize) -> String {
    template.replace("{E}", &vec!["1"; terms].join("+"))
}

/// Runs `f` on a thread with a main thread's stack (8 MiB), as a program would.
fn on_main_sized_stack<R: Send + 'static>(f: impl FnOnce() -> R + Send + 'static) -> R {
    std::thread::Builder::new().stack_size(8 << 20).spawn(f).expect("spawn").join().expect("no panic")
}

#[test]
fn the_recursion_limit_is_cpythons() {
    on_main_sized_stack(|| {
        for &(template, first_failing) in THRESHOLDS {
            let below = chain(template, first_failing - 1);
            if let Err(e) = compile(&below, "<string>", Mode::Module) {
                panic!("{template:?} with {} terms: {e:?}", first_failing - 1);
            }
            let at = chain(template, first_failing);
            let e = compile(&at, "<string>", Mode::Module).expect_err(template);
            assert_eq!((e.kind, e.msg.as_str()), (SyntaxErrorKind::RecursionError, MESSAGE), "{template:?}");
        }
    });
}

#[test]
fn a_hundred_thousand_terms_parse_and_fail_to_compile_without_overflow() {
    on_main_sized_stack(|| {
        let source = chain("{E}", 100_000);
        let arena = bumpalo::Bump::new();
        assert!(pyrt_syntax::parse(&source, Mode::Module, &arena).is_ok());
        let e = compile(&source, "<string>", Mode::Module).unwrap_err();
        assert_eq!(e.kind, SyntaxErrorKind::RecursionError);
        assert_eq!(e.format_report("deep.py"), format!("RecursionError: {MESSAGE}\n"));
    });
}
