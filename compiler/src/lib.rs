//! # pyrt-compile — an AST in, immutable code objects out
//!
//! Symbol tables, code generation into a control-flow graph, CPython's CFG passes, assembly with
//! an exception table and a location table, and the one instruction table the eval loop shares.
//!
//! [`compile`] runs the whole pipeline, as CPython's `compile()` does:
//!
//! 1. parse ([`pyrt_syntax::parse`]) into an arena AST;
//! 2. read the `__future__` imports ([`future`]);
//! 3. build the symbol tables ([`symtable`]);
//! 4. generate code for every scope (`codegen`), folding constants as CPython's AST optimizer
//!    would ([`fold`]) and printing `__future__` annotations back to text ([`unparse`]);
//! 5. hand each scope's instruction sequence to the back end, innermost scopes first, so that
//!    each code object becomes a constant of its parent.
//!
//! The back half, from code generation's output to code objects, follows CPython 3.13 step by
//! step and produces byte-identical code objects (see `tests/data/README.md` for the figures):
//!
//! 1. [`instructions`]: the instruction table — opcodes, caches, stack effects, flags, families.
//! 2. [`instr_seq`]: what code generation emits per code unit — an [`instr_seq::InstrSeq`] of
//!    instructions with labels and [`Location`]s, and an [`instr_seq::UnitMetadata`].
//! 3. [`cfg`](mod@cfg): basic blocks and the passes of `Python/flowgraph.c` (exception labelling, peephole
//!    optimisation, `LOAD_FAST_CHECK`, superinstructions, cold blocks, line numbers, stack depth).
//! 4. [`assemble`]: jump offsets, `EXTENDED_ARG`, caches, the location and exception tables
//!    ([`assemble::assemble_code_unit`] runs 3–4 on one unit).
//! 5. [`code`]: the immutable, shareable [`CodeObject`] and its [`Constant`]s.
//! 6. [`dis`]: a disassembler laid out like CPython's `dis`.

pub mod assemble;
pub mod cfg;
pub mod code;
mod codegen;
mod deep;
pub mod dis;
pub mod fold;
pub mod frozen;
pub mod future;
pub mod instr_seq;
pub mod instructions;
mod located;
pub mod location;
pub mod symtable;
pub mod unparse;

use std::sync::Arc;

/// The compiler's name and constant tables hash with rustc's Fx hash, not the standard
/// library's SipHash: their keys are the program's own identifiers and constants (no
/// denial-of-service exposure that SipHash would guard against), and SipHash was a third of
/// the time spent compiling a module (callgrind, debug build, an embedded 300-line module).
pub type FxIndexMap<K, V> = indexmap::IndexMap<K, V, rustc_hash::FxBuildHasher>;

pub use code::{CodeFlags, CodeObject, Constant, LocalKind, PyStr};
pub use instructions::{OpFlags, Opcode};
pub use location::Location;
pub use pyrt_syntax::Mode;
use pyrt_syntax::{SyntaxError, SyntaxWarning};

/// Compiles `source` (a module, an expression or an interactive statement, by `mode`) to its
/// code object, or returns the `SyntaxError` CPython 3.13 would raise.
pub fn compile(source: &str, filename: &str, mode: Mode) -> Result<Arc<CodeObject>, SyntaxError> {
    compile_with_warnings(source, filename, mode).map(|(code, _)| code)
}

/// [`compile`], and the `SyntaxWarning`s CPython 3.13 would emit while compiling: the
/// tokenizer's and the string parser's (in source order), then the code generator's (in the
/// order it meets them). The caller decides what to do with them (the runtime passes them to
/// its `warnings` module).
pub fn compile_with_warnings(
    source: &str,
    filename: &str,
    mode: Mode,
) -> Result<(Arc<CodeObject>, Vec<SyntaxWarning>), SyntaxError> {
    let arena = bumpalo::Bump::new();
    let (module, mut warnings) = pyrt_syntax::parse_with_warnings(source, mode, &arena)?;
    let module = arena.alloc(module);
    let future = future::parse_future_features(module, source)?;
    let table = symtable::SymbolTable::build(module, source, future)?;
    let (code, codegen_warnings) = codegen::compile_module(module, &arena, table, source, filename)?;
    warnings.extend(codegen_warnings);
    Ok((code, warnings))
}
