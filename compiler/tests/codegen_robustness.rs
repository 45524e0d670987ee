//! Deep and unusual inputs go through `compile` without overflowing the (2 MiB) test-thread
//! stack, and compile as CPython 3.13 compiles them (checked here by shape; the parity corpus
//! checks bytecode).

use pyrt_compile::{Mode, compile};

#[test]
fn long_operator_chains_compile() {
    let sum = format!("x = {}\n", vec!["a"; 5000].join(" + "));
    assert!(compile(&sum, "sum", Mode::Module).is_ok());
    let negations = format!("x = {}a\n", "-".repeat(3000));
    assert!(compile(&negations, "neg", Mode::Module).is_ok());
    let folded = format!("x = {}\n", vec!["1"; 3000].join(" + "));
    let code = compile(&folded, "folded", Mode::Module).unwrap();
    assert!(code.consts.iter().any(|c| matches!(c, pyrt_compile::Constant::Int(3000))), "1 + 1 + ... folds to 3000");
}

#[test]
fn deep_nesting_compiles_or_errors_without_crashing() {
    let lambdas = format!("x = {}1\n", "lambda: ".repeat(400));
    assert!(compile(&lambdas, "lambdas", Mode::Module).is_ok());
    let lists = format!("x = {}{}\n", "[".repeat(90), "]".repeat(90));
    assert!(compile(&lists, "lists", Mode::Module).is_ok());
    let mut ifs = String::new();
    for depth in 0..99 {
        ifs.push_str(&" ".repeat(depth));
        ifs.push_str("if x:\n");
    }
    ifs.push_str(&" ".repeat(99));
    ifs.push_str("pass\n");
    assert!(compile(&ifs, "ifs", Mode::Module).is_ok());
}

#[test]
fn every_mode_compiles() {
    assert!(compile("a + 1", "e", Mode::Expression).is_ok());
    assert!(compile("x = 1\n", "i", Mode::Interactive).is_ok());
    assert!(compile("", "m", Mode::Module).is_ok());
}
