//! Fuzz target: bytes → `decode_source` → tokenize → `parse` (exec, eval and single) → `ast::dump`,
//! and `format_report` of any error.
//!
//! Nothing here may panic, hang or overflow the stack, whatever the input: a `SyntaxError` is
//! the only acceptable way to reject it. The tokenizer runs on its own too, so that a tokenizer
//! bug is not hidden behind a parser that stops early.
#![no_main]

use libfuzzer_sys::fuzz_target;
use pyrt_syntax::{Mode, ast, decode_source, lexer, parse};

fuzz_target!(|data: &[u8]| {
    let source = match decode_source(data) {
        Ok(source) => source,
        Err(error) => {
            let _ = error.format_report("fuzz.py");
            return;
        }
    };
    let _ = lexer::tokenize(&source);
    for mode in [Mode::Module, Mode::Expression, Mode::Interactive] {
        let arena = bumpalo::Bump::new();
        match parse(&source, mode, &arena) {
            Ok(tree) => {
                let _ = ast::dump(&tree);
            }
            Err(error) => {
                let _ = error.format_report("fuzz.py");
            }
        }
    }
});
