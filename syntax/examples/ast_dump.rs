//! Prints `ast.dump` of a file as CPython 3.13 would: `cargo run -p pyrt-syntax --example ast_dump FILE [--attrs] [--mode exec|eval|single|func_type]`.

use pyrt_syntax::{Mode, ast, decode_source, parse};

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(path) =
        args.iter().find(|a| !a.starts_with("--") && !["exec", "eval", "single", "func_type"].contains(&a.as_str()))
    else {
        eprintln!("usage: ast_dump FILE [--attrs] [--mode exec|eval|single|func_type]");
        std::process::exit(2);
    };
    let mode = match args.iter().position(|a| a == "--mode").and_then(|i| args.get(i + 1)).map(String::as_str) {
        Some("eval") => Mode::Expression,
        Some("single") => Mode::Interactive,
        Some("func_type") => Mode::FuncType,
        _ => Mode::Module,
    };
    let bytes = std::fs::read(path).unwrap_or_else(|e| {
        eprintln!("{path}: {e}");
        std::process::exit(2)
    });
    let result = decode_source(&bytes).and_then(|src| {
        let arena = bumpalo::Bump::new();
        parse(&src, mode, &arena).map(|tree| {
            if args.iter().any(|a| a == "--attrs") { ast::dump_with_attributes(&tree, &src) } else { ast::dump(&tree) }
        })
    });
    match result {
        Ok(text) => println!("{text}"),
        Err(e) => {
            println!("{}: {} ({}:{}-{}:{})", e.kind.name(), e.msg, e.lineno, e.offset, e.end_lineno, e.end_offset);
            std::process::exit(1);
        }
    }
}
