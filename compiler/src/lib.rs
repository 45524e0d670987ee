//! # pyrt-compile — an AST in, immutable code objects out
//!
//! Symbol tables, code generation into a control-flow graph, CPython's CFG passes, assembly with
//! an exception table and a location table, and the one instruction table the eval loop shares.
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
pub mod dis;
pub mod instr_seq;
pub mod instructions;
pub mod location;
mod printable;

pub use code::{CodeFlags, CodeObject, Constant, LocalKind, PyStr};
pub use instructions::{OpFlags, Opcode};
pub use location::Location;
