//! The compiler's `SyntaxWarning`s (CPython 3.13's `check_compare`, `check_caller`,
//! `check_subscripter`, `check_index` and `compiler_assert` in `Python/compile.c`).
//!
//! Each check looks at the tree as CPython's compiler sees it, after the AST optimizer: an
//! expression that [`fold_expr`](crate::fold::fold_expr) folds is a constant (`-1`, `(1, 2)`),
//! and the type a literal names is the constant's type or, for displays and comprehensions,
//! the type they build (`infer_type`). The warnings are collected in source-visiting order, as
//! CPython emits them, and handed to the caller with the code object.

use pyrt_syntax::ast::{CmpOp, Expr, ExprKind};

use super::*;

/// What an expression is known to evaluate to, for the messages: a folded constant, or a node
/// whose kind fixes its type.
enum Known {
    Constant(Constant),
    Node(&'static str),
}

impl Known {
    fn type_name(&self) -> &'static str {
        match self {
            Known::Constant(c) => c.type_name(),
            Known::Node(name) => name,
        }
    }
}

impl<'a> Compiler<'a, '_> {
    /// `infer_type`: the type of `e` when its form decides it.
    fn infer(&self, e: &Expr<'_>) -> Option<Known> {
        if let Some(c) = self.folded(e) {
            return Some(Known::Constant(c));
        }
        let name = match &e.node {
            ExprKind::Tuple { .. } => "tuple",
            ExprKind::List { .. } | ExprKind::ListComp { .. } => "list",
            ExprKind::Dict { .. } | ExprKind::DictComp { .. } => "dict",
            ExprKind::Set { .. } | ExprKind::SetComp { .. } => "set",
            ExprKind::GeneratorExp { .. } => "generator",
            ExprKind::Lambda { .. } => "function",
            ExprKind::JoinedStr { .. } | ExprKind::FormattedValue { .. } => "str",
            _ => return None,
        };
        Some(Known::Node(name))
    }

    pub(crate) fn warn(&mut self, msg: String, range: TextRange) {
        let w = pyrt_syntax::SyntaxWarning::at(msg, self.source, &self.index, range);
        self.warnings.push(w);
    }

    /// `check_is_arg`: whether `e` may be an operand of `is` without a warning (anything but
    /// a literal other than `None`, `True`, `False` and `...`).
    fn is_arg_ok(&self, e: &Expr<'_>) -> bool {
        match self.folded(e) {
            None => true,
            Some(c) => matches!(c, Constant::None | Constant::True | Constant::False | Constant::Ellipsis),
        }
    }

    /// `check_compare`: `x is 1` and `x is not ()` — the first such operator of a chain only.
    pub(crate) fn check_compare(&mut self, e: &Expr<'_>, left: &Expr<'_>, ops: &[CmpOp], comparators: &[Expr<'_>]) {
        let mut left_ok = self.is_arg_ok(left);
        let mut left_expr = left;
        for (op, right) in ops.iter().zip(comparators) {
            let right_ok = self.is_arg_ok(right);
            if matches!(op, CmpOp::Is | CmpOp::IsNot) && !(left_ok && right_ok) {
                let literal = if !left_ok { left_expr } else { right };
                let ty = self.infer(literal).map_or("object", |k| k.type_name());
                let msg = if *op == CmpOp::Is {
                    format!("\"is\" with '{ty}' literal. Did you mean \"==\"?")
                } else {
                    format!("\"is not\" with '{ty}' literal. Did you mean \"!=\"?")
                };
                self.warn(msg, e.range);
                return;
            }
            left_ok = right_ok;
            left_expr = right;
        }
    }

    /// `check_caller`: calling a literal or a display.
    pub(crate) fn check_caller(&mut self, func: &Expr<'_>) {
        let callable_form = matches!(
            func.node,
            ExprKind::Constant { .. }
                | ExprKind::Tuple { .. }
                | ExprKind::List { .. }
                | ExprKind::ListComp { .. }
                | ExprKind::Dict { .. }
                | ExprKind::DictComp { .. }
                | ExprKind::Set { .. }
                | ExprKind::SetComp { .. }
                | ExprKind::GeneratorExp { .. }
                | ExprKind::JoinedStr { .. }
                | ExprKind::FormattedValue { .. }
        ) || self.folded(func).is_some();
        if !callable_form {
            return;
        }
        if let Some(k) = self.infer(func) {
            self.warn(format!("'{}' object is not callable; perhaps you missed a comma?", k.type_name()), func.range);
        }
    }

    /// `check_subscripter` and `check_index` for `value[index]` (a load).
    pub(crate) fn check_subscript(&mut self, value: &Expr<'_>, index: &Expr<'_>) {
        let folded = self.folded(value);
        let unsubscriptable = match &folded {
            Some(c) => matches!(
                c,
                Constant::None
                    | Constant::Ellipsis
                    | Constant::True
                    | Constant::False
                    | Constant::Int(_)
                    | Constant::BigInt(_)
                    | Constant::Float(_)
                    | Constant::Complex { .. }
                    | Constant::FrozenSet(_)
            ),
            None => matches!(
                value.node,
                ExprKind::Set { .. }
                    | ExprKind::SetComp { .. }
                    | ExprKind::GeneratorExp { .. }
                    | ExprKind::Lambda { .. }
            ),
        };
        if unsubscriptable {
            if let Some(k) = self.infer(value) {
                let msg = format!("'{}' object is not subscriptable; perhaps you missed a comma?", k.type_name());
                self.warn(msg, value.range);
            }
            return;
        }
        let Some(index_type) = self.infer(index) else { return };
        let index_name = index_type.type_name();
        if matches!(index_name, "int" | "bool") || matches!(index.node, ExprKind::Slice { .. }) {
            return;
        }
        let sequence = match &folded {
            Some(c) => matches!(c, Constant::Str(_) | Constant::Bytes(_) | Constant::Tuple(_)),
            None => matches!(
                value.node,
                ExprKind::Tuple { .. }
                    | ExprKind::List { .. }
                    | ExprKind::ListComp { .. }
                    | ExprKind::JoinedStr { .. }
                    | ExprKind::FormattedValue { .. }
            ),
        };
        if sequence {
            if let Some(k) = self.infer(value) {
                let msg = format!(
                    "{} indices must be integers or slices, not {index_name}; perhaps you missed a comma?",
                    k.type_name()
                );
                self.warn(msg, value.range);
            }
        }
    }

    /// `compiler_assert`: a parenthesised test with a message inside is a non-empty tuple,
    /// always true.
    pub(crate) fn check_assert(&mut self, stmt_range: TextRange, test: &Expr<'_>) {
        let tuple = match &test.node {
            ExprKind::Tuple { elts, .. } => !elts.is_empty(),
            _ => matches!(self.folded(test), Some(Constant::Tuple(items)) if !items.is_empty()),
        };
        if tuple {
            self.warn("assertion is always true, perhaps remove parentheses?".to_owned(), stmt_range);
        }
    }
}

#[cfg(test)]
mod tests {
    fn warnings(src: &str) -> Vec<(usize, String)> {
        let (_, w) = crate::compile_with_warnings(src, "<t>", pyrt_syntax::Mode::Module).expect("compiles");
        w.into_iter().map(|w| (w.lineno, w.msg)).collect()
    }

    #[test]
    fn literal_operands_calls_and_subscripts_warn_as_cpython() {
        let found = warnings("x = 1\nx is -1\nx is None\n(1, 2)(3)\n{1}[0]\n'ab'[1, 2]\n'ab'[1]\nassert (x, 'm')\n");
        let msgs: Vec<&str> = found.iter().map(|(_, m)| m.as_str()).collect();
        assert_eq!(
            msgs,
            [
                "\"is\" with 'int' literal. Did you mean \"==\"?",
                "'tuple' object is not callable; perhaps you missed a comma?",
                "'set' object is not subscriptable; perhaps you missed a comma?",
                "str indices must be integers or slices, not tuple; perhaps you missed a comma?",
                "assertion is always true, perhaps remove parentheses?",
            ]
        );
        assert_eq!(found.iter().map(|(l, _)| *l).collect::<Vec<_>>(), [2, 4, 5, 6, 8]);
    }

    #[test]
    fn string_escapes_warn_before_the_code_generator() {
        let found = warnings("y = 1 is 1\ns = '\\d'\n");
        assert_eq!(found[0], (2, "invalid escape sequence '\\d'".to_owned()));
        assert_eq!(found[1].0, 1);
    }
}
