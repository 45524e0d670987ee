//! Compatibility names for the runtime core's first object API (`pyrt::object::types::...`).

pub use super::int::IntObject;
pub use super::str::StrObject;
pub use super::typeobj::{DeallocFn, TypeObject, dealloc_static};
