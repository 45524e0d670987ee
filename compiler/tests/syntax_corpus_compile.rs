//! The golden SyntaxError corpus's symbol-table and compiler errors against `pyrt_compile`.
//!
//! Every case of `syntax/tests/syntax_errors/expected.jsonl` that CPython 3.13's `ast.parse`
//! accepts but its `compile()` rejects (stages `symtable` and `compile`: `'return' outside
//! function`, `nonlocal` and `global` errors, `'await' outside function`, duplicate arguments,
//! `'yield' inside list comprehension`, pattern-matching checks, `__future__` errors, too many
//! statically nested blocks, ...) goes through `pyrt_compile::compile(source, "<string>", mode)`
//! (bytes inputs through `decode_source` first) and is scored as the parser's cases are (see
//! syntax/tests/corpus/mod.rs): "message and line" and "columns" figures, a table per family,
//! the first mismatches, and floors in `syntax_corpus_compile.floor` (a ratchet).

#[path = "../../syntax/tests/corpus/mod.rs"]
mod corpus;

use corpus::Case;
use pyrt_syntax::{SyntaxError, decode_source};

fn pyrt_compile(case: &Case) -> Option<SyntaxError> {
    let decoded;
    let text = match case.text() {
        Some(text) => text,
        None => match decode_source(&case.source) {
            Ok(text) => {
                decoded = text;
                &*decoded
            }
            Err(e) => return Some(e),
        },
    };
    pyrt_compile::compile(text, "<string>", case.mode).err()
}

#[test]
fn symtable_and_compiler_errors_match_cpython() {
    let floors = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/syntax_corpus_compile.floor");
    corpus::score("syntax corpus, symtable and compile stages", &["symtable", "compile"], pyrt_compile, floors);
}
