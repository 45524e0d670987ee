//! # pyrt-compile — an AST in, immutable code objects out
//!
//! Symbol tables, code generation into a control-flow graph, CPython's CFG passes, assembly with
//! an exception table and a location table, and the one instruction table the eval loop shares.

pub mod instructions;

pub use instructions::{OpFlags, Opcode};
