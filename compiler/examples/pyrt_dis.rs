//! Compiles a Python file with pyrt and prints its disassembly like CPython 3.13's `dis.dis`.
//!
//! `cargo run -p pyrt-compile --example pyrt_dis -- [--positions] FILE`
//!
//! With `--positions`, prints instead every code object's `co_positions()` (depth first,
//! constants in order) in the layout of `tests/data/bytecode/gen_bytecode.py`'s `positions`.

use std::fmt::Write;

fn positions(code: &pyrt_compile::CodeObject, out: &mut String) {
    let _ = writeln!(out, "## {}", code.qualname);
    let field = |v: i32| if v < 0 { "-".to_string() } else { v.to_string() };
    for p in code.positions() {
        let _ = writeln!(
            out,
            "{} {} {} {}",
            field(p.lineno),
            field(p.end_lineno),
            field(p.col_offset),
            field(p.end_col_offset)
        );
    }
    for c in code.consts.iter() {
        if let pyrt_compile::Constant::Code(inner) = c {
            positions(inner, out);
        }
    }
}

fn main() {
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    let show_positions = args.first().is_some_and(|a| a == "--positions");
    if show_positions {
        args.remove(0);
    }
    let Some(path) = args.first().cloned() else {
        eprintln!("usage: pyrt_dis [--positions] FILE");
        std::process::exit(2);
    };
    let bytes = match std::fs::read(&path) {
        Ok(b) => b,
        Err(e) => {
            eprintln!("{path}: {e}");
            std::process::exit(2);
        }
    };
    let result = pyrt_syntax::decode_source(&bytes)
        .and_then(|source| pyrt_compile::compile(&source, &path, pyrt_compile::Mode::Module));
    match result {
        Ok(code) if show_positions => {
            let mut out = String::new();
            positions(&code, &mut out);
            print!("{out}");
        }
        Ok(code) => print!("{}", pyrt_compile::dis::disassemble(&code)),
        Err(e) => {
            eprintln!("{}: {} (line {}, offset {})", e.kind.name(), e.msg, e.lineno, e.offset);
            std::process::exit(1);
        }
    }
}
