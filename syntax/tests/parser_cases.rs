//! Parser cases checked against CPython 3.13: `syntax/tests/data/parser_cases.txt`, written by
//! `syntax/scripts/gen_parser_cases.py` (run by CPython 3.13), holds small sources in every
//! mode with `ast.dump(ast.parse(src, mode), include_attributes=True)` — so node kinds, fields,
//! contexts, constant values and positions are all compared — or the `SyntaxError` CPython
//! raises (type, message, line, offset, end line, end offset).
//!
//! Every accepted source must give the identical dump. Every rejected source must be rejected;
//! how many give CPython's exact error is reported and must not fall below
//! [`EXACT_ERRORS_FLOOR`].

use pyrt_syntax::{Mode, ast, parse};

const CASES: &str = include_str!("data/parser_cases.txt");
const EXACT_ERRORS_FLOOR: usize = 36;

fn unescape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('n') => out.push('\n'),
            Some('t') => out.push('\t'),
            Some('r') => out.push('\r'),
            Some(other) => out.push(other),
            None => out.push('\\'),
        }
    }
    out
}

fn mode(name: &str) -> Mode {
    match name {
        "eval" => Mode::Expression,
        "single" => Mode::Interactive,
        "func_type" => Mode::FuncType,
        _ => Mode::Module,
    }
}

#[test]
fn parses_like_cpython_313() {
    let mut dump_failures = Vec::new();
    let mut error_mismatches = Vec::new();
    let (mut errors, mut exact_errors) = (0, 0);
    for line in CASES.lines().filter(|l| !l.is_empty()) {
        let f: Vec<&str> = line.split('\t').collect();
        let src = unescape(f[1]);
        let arena = bumpalo::Bump::new();
        let ours = parse(&src, mode(f[0]), &arena);
        if f[2] == "OK" {
            let want = unescape(f[3]);
            match ours {
                Ok(tree) => {
                    let got = ast::dump_with_attributes(&tree, &src);
                    if got != want {
                        dump_failures.push(format!("{src:?}\n  pyrt:    {got}\n  CPython: {want}"));
                    }
                }
                Err(e) => dump_failures.push(format!("{src:?}: rejected with {}: {}", e.kind.name(), e.msg)),
            }
        } else {
            errors += 1;
            let want: Vec<String> = f[3..].iter().map(|x| unescape(x)).collect();
            match ours {
                Ok(_) => dump_failures.push(format!("{src:?}: accepted, CPython raises {want:?}")),
                Err(e) => {
                    let got = vec![
                        e.kind.name().to_string(),
                        e.msg.clone(),
                        e.lineno.to_string(),
                        e.offset.to_string(),
                        e.end_lineno.to_string(),
                        e.end_offset.to_string(),
                    ];
                    if got == want {
                        exact_errors += 1;
                    } else {
                        error_mismatches.push(format!("{src:?}\n  pyrt:    {got:?}\n  CPython: {want:?}"));
                    }
                }
            }
        }
    }
    for m in &error_mismatches {
        println!("error differs: {m}");
    }
    println!("parser_cases: {exact_errors}/{errors} errors identical to CPython's");
    assert!(dump_failures.is_empty(), "{} cases differ:\n{}", dump_failures.len(), dump_failures.join("\n"));
    assert!(exact_errors >= EXACT_ERRORS_FLOOR, "only {exact_errors} exact errors (floor {EXACT_ERRORS_FLOOR})");
}

/// Deep nesting gives CPython's errors, never a stack overflow, even on a small stack.
#[test]
fn deep_nesting_is_bounded_on_a_small_stack() {
    let run = |src: String| {
        std::thread::Builder::new()
            .stack_size(256 * 1024)
            .spawn(move || {
                let arena = bumpalo::Bump::new();
                parse(&src, Mode::Module, &arena).map(|t| ast::dump(&t).len()).map_err(|e| (e.kind.name(), e.msg))
            })
            .expect("spawn")
            .join()
            .expect("no panic, no overflow")
    };
    let too_complex = Err(("MemoryError", "Parser stack overflowed - Python source too complex to parse".to_string()));
    assert_eq!(run("-".repeat(100_000) + "1"), too_complex);
    assert_eq!(run("not ".repeat(100_000) + "1"), too_complex);
    assert_eq!(run("-".repeat(5969) + "1"), too_complex);
    assert!(run("-".repeat(5968) + "1").is_ok());
    assert_eq!(run("x if y else ".repeat(10_000) + "1"), too_complex);
    assert_eq!(run("lambda:".repeat(10_000) + "1"), too_complex);
    assert_eq!(run("2".to_string() + &"**2".repeat(10_000)), too_complex);
    assert!(run("x if y else ".repeat(2000) + "1").is_ok());
    // CPython 3.13's exact limits: 5969 prefix operators or conditionals, 2985 lambdas or `**`.
    assert_eq!(run("x if y else ".repeat(5969) + "1"), too_complex);
    assert!(run("x if y else ".repeat(5968) + "1").is_ok());
    assert_eq!(run("lambda:".repeat(2985) + "1"), too_complex);
    assert!(run("lambda:".repeat(2984) + "1").is_ok());
    assert_eq!(run("2".to_string() + &"**2".repeat(2985)), too_complex);
    assert!(run("2".to_string() + &"**2".repeat(2984)).is_ok());
    assert!(run("(".repeat(199) + &")".repeat(199)).is_ok());
    assert_eq!(run("(".repeat(201) + &")".repeat(201)).unwrap_err().1, "too many nested parentheses");
    // Long flat chains are loops in the parser and deep trees for the dump: fine.
    assert!(run("1".to_string() + &"+1".repeat(100_000)).is_ok());
    assert!(run("a".to_string() + &".a".repeat(100_000)).is_ok());
    assert!(run("x".to_string() + &"[0]".repeat(50_000)).is_ok());
    let mut elifs = String::from("if a: pass\n");
    elifs.push_str(&"elif a: pass\n".repeat(50_000));
    assert!(run(elifs).is_ok());
}
