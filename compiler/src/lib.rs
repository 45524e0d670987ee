//! # pyrt-compile — an AST in, immutable code objects out
//!
//! Symbol tables, code generation into a control-flow graph, CPython's CFG passes, assembly with
//! an exception table and a location table, and the one instruction table the eval loop shares.

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
