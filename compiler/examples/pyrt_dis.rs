//! Compiles a Python file with pyrt and prints its disassembly like CPython 3.13's `dis.dis`.
//!
//! `cargo run -p pyrt-compile --example pyrt_dis -- FILE`

fn main() {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: pyrt_dis FILE");
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
        Ok(code) => print!("{}", pyrt_compile::dis::disassemble(&code)),
        Err(e) => {
            eprintln!("{}: {} (line {}, offset {})", e.kind.name(), e.msg, e.lineno, e.offset);
            std::process::exit(1);
        }
    }
}
