//! # Assembly: an ordered, optimised instruction list in, a [`CodeObject`](crate::code::CodeObject) out
//!
//! Follows CPython 3.13's `Python/assemble.c`; the two table formats live in their own modules.

pub mod exception_table;
pub mod linetable;
