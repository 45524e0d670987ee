//! # pyrt-compile — an AST in, immutable code objects out
//!
//! Symbol tables, code generation into a control-flow graph, CPython's CFG passes, assembly with
//! an exception table and a location table, and the one instruction table the eval loop shares.
//!
//! The front half of the pipeline lives here: [`future`] reads the `__future__` imports,
//! [`symtable`] resolves every name to a scope.

pub mod future;
pub mod instructions;
mod located;
pub mod symtable;

pub use instructions::{OpFlags, Opcode};
