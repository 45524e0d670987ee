//! Fuzz target: bytes → `decode_source` → `pyrt_compile::compile` (exec mode: parse, symbol
//! tables, code generation, CFG passes, assembly) → the disassembly of the code object.
//!
//! A `SyntaxError` (CPython's, or pyrt's `internal compiler error` for what the compiler does
//! not handle yet) is an acceptable outcome; a panic, hang or stack overflow is not.
#![no_main]

use libfuzzer_sys::fuzz_target;
use pyrt_syntax::{Mode, decode_source};

fuzz_target!(|data: &[u8]| {
    let Ok(source) = decode_source(data) else { return };
    if let Ok(code) = pyrt_compile::compile(&source, "fuzz.py", Mode::Module) {
        let _ = pyrt_compile::dis::disassemble(&code);
    }
});
