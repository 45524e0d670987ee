//! `from __future__ import ...` at the top of a module (CPython's `Python/future.c`).
//!
//! Future statements must come first: after an optional docstring, a run of
//! `from __future__ import` statements is scanned; each name must be a known feature. A
//! `from __future__` import anywhere later is an error, reported by the code generator when it meets
//! the statement, as CPython's `compiler_from_import` does. Only `annotations` changes compilation
//! in 3.13 (`CO_FUTURE_ANNOTATIONS`); the others are accepted for compatibility.

use crate::located::compiler_error;
use pyrt_syntax::ast::{Constant, ExprKind, Mod, Stmt, StmtKind};
use pyrt_syntax::{LineIndex, SyntaxError, TextRange};

/// `CO_FUTURE_ANNOTATIONS`, the only flag 3.13 still acts on.
pub const CO_FUTURE_ANNOTATIONS: u32 = 0x100_0000;
/// Flags of the features that are mandatory in 3.13 (recorded in `co_flags` like CPython does).
pub const CO_FUTURE_DIVISION: u32 = 0x20000;
pub const CO_FUTURE_ABSOLUTE_IMPORT: u32 = 0x40000;
pub const CO_FUTURE_WITH_STATEMENT: u32 = 0x80000;
pub const CO_FUTURE_PRINT_FUNCTION: u32 = 0x100000;
pub const CO_FUTURE_UNICODE_LITERALS: u32 = 0x200000;
pub const CO_FUTURE_BARRY_AS_BDFL: u32 = 0x400000;
pub const CO_FUTURE_GENERATOR_STOP: u32 = 0x800000;

/// What the future statements of a module enabled.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct FutureFeatures {
    /// The `CO_FUTURE_*` flags.
    pub flags: u32,
    /// The range of the last future statement (CPython's `ff_location`): later ones are errors.
    pub last_location: Option<TextRange>,
}

impl FutureFeatures {
    pub fn annotations(&self) -> bool {
        self.flags & CO_FUTURE_ANNOTATIONS != 0
    }
}

/// Scans the future statements at the top of `module`.
pub fn parse_future_features(module: &Mod<'_>, source: &str) -> Result<FutureFeatures, SyntaxError> {
    let mut features = FutureFeatures::default();
    let body: &[Stmt<'_>] = match module {
        Mod::Module { body, .. } | Mod::Interactive { body } => body,
        _ => return Ok(features),
    };
    let index = LineIndex::new(source);
    let has_docstring = body.first().is_some_and(|s| {
        matches!(&s.node, StmtKind::Expr { value } if matches!(value.node, ExprKind::Constant { value: Constant::Str(_), .. }))
    });
    for stmt in &body[has_docstring as usize..] {
        match &stmt.node {
            StmtKind::ImportFrom { module: Some("__future__"), names, level: 0 } => {
                for alias in names.iter() {
                    let flag = match alias.name {
                        "nested_scopes" | "generators" => 0,
                        "division" => CO_FUTURE_DIVISION,
                        "absolute_import" => CO_FUTURE_ABSOLUTE_IMPORT,
                        "with_statement" => CO_FUTURE_WITH_STATEMENT,
                        "print_function" => CO_FUTURE_PRINT_FUNCTION,
                        "unicode_literals" => CO_FUTURE_UNICODE_LITERALS,
                        "barry_as_FLUFL" => CO_FUTURE_BARRY_AS_BDFL,
                        "generator_stop" => CO_FUTURE_GENERATOR_STOP,
                        "annotations" => CO_FUTURE_ANNOTATIONS,
                        "braces" => return Err(future_error("not a chance", source, &index, stmt.range)),
                        other => {
                            let msg = format!("future feature {other} is not defined");
                            return Err(future_error(msg, source, &index, stmt.range));
                        }
                    };
                    features.flags |= flag;
                }
                features.last_location = Some(stmt.range);
            }
            _ => break,
        }
    }
    Ok(features)
}

/// `future.c` locates its errors at the statement's start only (`PyErr_SyntaxLocationObject`):
/// the end line is the start line and there is no end offset.
fn future_error(msg: impl Into<String>, source: &str, index: &LineIndex, range: TextRange) -> SyntaxError {
    let mut err = compiler_error(msg, source, index, range);
    err.end_lineno = err.lineno;
    err.end_offset = 0;
    err
}
