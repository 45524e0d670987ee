//! The passes over the graph, one module per concern (see the parent module for their order).

pub mod cold;
pub mod consts;
pub mod exceptions;
pub mod lineno;
pub mod locals;
pub mod localsplus;
pub mod optimize;
pub mod superinstructions;
