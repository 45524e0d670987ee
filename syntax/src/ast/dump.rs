//! `ast.dump` as CPython 3.13 prints it with its default arguments.
//!
//! The rules (`Lib/ast.py`, `dump`): a node prints as `Name(field=value, ...)` with its fields in
//! ASDL order; a field whose value is `None` or an empty list is left out (`Constant.value` and
//! `MatchSingleton.value` are printed even when they are `None`); lists print as `[a, b]`, and
//! `None` inside a list (a `kw_defaults` entry, a `**` key of a `Dict`) as `None`; scalar values
//! print as Python's `repr` ([`crate::literal`] has the float, str and bytes forms).
//! [`dump_with_attributes`] is `ast.dump(tree, include_attributes=True)`: each positioned node
//! also gets `lineno`, `col_offset`, `end_lineno`, `end_col_offset` after its fields (columns in
//! UTF-8 bytes, as CPython counts them). Printing recurses over the tree with a growable stack,
//! so any tree the parser builds can be printed from any thread.

use super::*;
use crate::error::LineIndex;
use crate::literal::{bytes_repr, complex_repr, float_repr, str_repr};

/// `ast.dump(tree)`.
pub fn dump(tree: &Mod<'_>) -> String {
    let mut d = Dumper { out: String::new(), positions: None };
    d.module(tree);
    d.out
}

/// `ast.dump(tree, include_attributes=True)`; `source` is the text `tree` was parsed from.
pub fn dump_with_attributes(tree: &Mod<'_>, source: &str) -> String {
    let mut d = Dumper { out: String::new(), positions: Some(LineIndex::new(source)) };
    d.module(tree);
    d.out
}

/// The tree may be deeper than the native stack allows (`1+1+...+1` is a left-deep chain of
/// `BinOp`s): recursion grows the stack on the heap when less than `RED_ZONE` is left.
const RED_ZONE: usize = 64 * 1024;
const STACK_GROWTH: usize = 1024 * 1024;

struct Dumper {
    out: String,
    positions: Option<LineIndex>,
}

/// The fields of one node being printed: tracks whether a separator is needed.
struct Fields {
    first: bool,
}

impl Dumper {
    fn open(&mut self, name: &str) -> Fields {
        self.out.push_str(name);
        self.out.push('(');
        Fields { first: true }
    }

    fn close(&mut self, f: Fields, range: Option<TextRange>) {
        if let (Some(index), Some(range)) = (&self.positions, range) {
            let (line, col) = index.line_col(range.start);
            let (end_line, end_col) = index.line_col(range.end);
            let mut f = f;
            for (name, v) in
                [("lineno", line), ("col_offset", col), ("end_lineno", end_line), ("end_col_offset", end_col)]
            {
                if !f.first {
                    self.out.push_str(", ");
                }
                f.first = false;
                self.out.push_str(name);
                self.out.push('=');
                push_u32(&mut self.out, v);
            }
        }
        self.out.push(')');
    }

    fn key(&mut self, f: &mut Fields, name: &str) {
        if !f.first {
            self.out.push_str(", ");
        }
        f.first = false;
        self.out.push_str(name);
        self.out.push('=');
    }

    fn expr_field(&mut self, f: &mut Fields, name: &str, e: &Expr<'_>) {
        self.key(f, name);
        self.expr(e);
    }

    fn opt_expr_field(&mut self, f: &mut Fields, name: &str, e: Option<&Expr<'_>>) {
        if let Some(e) = e {
            self.expr_field(f, name, e);
        }
    }

    fn list_field<T>(&mut self, f: &mut Fields, name: &str, items: &[T], mut item: impl FnMut(&mut Self, &T)) {
        if items.is_empty() {
            return;
        }
        self.key(f, name);
        self.out.push('[');
        for (i, x) in items.iter().enumerate() {
            if i > 0 {
                self.out.push_str(", ");
            }
            item(self, x);
        }
        self.out.push(']');
    }

    fn exprs_field(&mut self, f: &mut Fields, name: &str, items: &[Expr<'_>]) {
        self.list_field(f, name, items, |d, e| d.expr(e));
    }

    fn opt_exprs_field(&mut self, f: &mut Fields, name: &str, items: &[Option<Expr<'_>>]) {
        self.list_field(f, name, items, |d, e| match e {
            Some(e) => d.expr(e),
            None => d.out.push_str("None"),
        });
    }

    fn stmts_field(&mut self, f: &mut Fields, name: &str, items: &[Stmt<'_>]) {
        self.list_field(f, name, items, |d, s| d.stmt(s));
    }

    fn str_field(&mut self, f: &mut Fields, name: &str, s: &str) {
        self.key(f, name);
        // Identifiers are nearly always plain ASCII that `repr` keeps as is.
        if s.bytes().all(|b| b.is_ascii_graphic() && b != b'\\' && b != b'\'' || b == b' ') {
            self.out.push('\'');
            self.out.push_str(s);
            self.out.push('\'');
        } else {
            str_repr(&mut self.out, Wtf8::new(s));
        }
    }

    fn opt_str_field(&mut self, f: &mut Fields, name: &str, s: Option<&str>) {
        if let Some(s) = s {
            self.str_field(f, name, s);
        }
    }

    fn raw_field(&mut self, f: &mut Fields, name: &str, text: &str) {
        self.key(f, name);
        self.out.push_str(text);
    }

    fn unit(&mut self, name: &str) {
        self.out.push_str(name);
        self.out.push_str("()");
    }

    fn module(&mut self, m: &Mod<'_>) {
        match m {
            Mod::Module { body, type_ignores } => {
                let mut f = self.open("Module");
                self.stmts_field(&mut f, "body", body);
                self.list_field(&mut f, "type_ignores", type_ignores, |d, t| {
                    let mut f = d.open("TypeIgnore");
                    d.raw_field(&mut f, "lineno", &t.lineno.to_string());
                    d.str_field(&mut f, "tag", t.tag);
                    d.close(f, None);
                });
                self.close(f, None);
            }
            Mod::Interactive { body } => {
                let mut f = self.open("Interactive");
                self.stmts_field(&mut f, "body", body);
                self.close(f, None);
            }
            Mod::Expression { body } => {
                let mut f = self.open("Expression");
                self.expr_field(&mut f, "body", body);
                self.close(f, None);
            }
            Mod::FunctionType { argtypes, returns } => {
                let mut f = self.open("FunctionType");
                self.exprs_field(&mut f, "argtypes", argtypes);
                self.expr_field(&mut f, "returns", returns);
                self.close(f, None);
            }
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn function_def(
        &mut self,
        kind: &str,
        name: &str,
        args: &Arguments<'_>,
        body: &[Stmt<'_>],
        decorator_list: &[Expr<'_>],
        returns: Option<&Expr<'_>>,
        type_comment: Option<&str>,
        type_params: &[TypeParam<'_>],
        range: TextRange,
    ) {
        let mut f = self.open(kind);
        self.str_field(&mut f, "name", name);
        self.key(&mut f, "args");
        self.arguments(args);
        self.stmts_field(&mut f, "body", body);
        self.exprs_field(&mut f, "decorator_list", decorator_list);
        self.opt_expr_field(&mut f, "returns", returns);
        self.opt_str_field(&mut f, "type_comment", type_comment);
        self.list_field(&mut f, "type_params", type_params, |d, t| d.type_param(t));
        self.close(f, Some(range));
    }

    fn stmt(&mut self, s: &Stmt<'_>) {
        stacker::maybe_grow(RED_ZONE, STACK_GROWTH, || self.stmt_inner(s));
    }

    fn stmt_inner(&mut self, s: &Stmt<'_>) {
        let range = Some(s.range);
        match &s.node {
            StmtKind::FunctionDef { name, args, body, decorator_list, returns, type_comment, type_params } => self
                .function_def(
                    "FunctionDef",
                    name,
                    args,
                    body,
                    decorator_list,
                    *returns,
                    *type_comment,
                    type_params,
                    s.range,
                ),
            StmtKind::AsyncFunctionDef { name, args, body, decorator_list, returns, type_comment, type_params } => self
                .function_def(
                    "AsyncFunctionDef",
                    name,
                    args,
                    body,
                    decorator_list,
                    *returns,
                    *type_comment,
                    type_params,
                    s.range,
                ),
            StmtKind::ClassDef { name, bases, keywords, body, decorator_list, type_params } => {
                let mut f = self.open("ClassDef");
                self.str_field(&mut f, "name", name);
                self.exprs_field(&mut f, "bases", bases);
                self.list_field(&mut f, "keywords", keywords, |d, k| d.keyword(k));
                self.stmts_field(&mut f, "body", body);
                self.exprs_field(&mut f, "decorator_list", decorator_list);
                self.list_field(&mut f, "type_params", type_params, |d, t| d.type_param(t));
                self.close(f, range);
            }
            StmtKind::Return { value } => {
                let mut f = self.open("Return");
                self.opt_expr_field(&mut f, "value", *value);
                self.close(f, range);
            }
            StmtKind::Delete { targets } => {
                let mut f = self.open("Delete");
                self.exprs_field(&mut f, "targets", targets);
                self.close(f, range);
            }
            StmtKind::Assign { targets, value, type_comment } => {
                let mut f = self.open("Assign");
                self.exprs_field(&mut f, "targets", targets);
                self.expr_field(&mut f, "value", value);
                self.opt_str_field(&mut f, "type_comment", *type_comment);
                self.close(f, range);
            }
            StmtKind::TypeAlias { name, type_params, value } => {
                let mut f = self.open("TypeAlias");
                self.expr_field(&mut f, "name", name);
                self.list_field(&mut f, "type_params", type_params, |d, t| d.type_param(t));
                self.expr_field(&mut f, "value", value);
                self.close(f, range);
            }
            StmtKind::AugAssign { target, op, value } => {
                let mut f = self.open("AugAssign");
                self.expr_field(&mut f, "target", target);
                self.key(&mut f, "op");
                self.unit(operator_name(*op));
                self.expr_field(&mut f, "value", value);
                self.close(f, range);
            }
            StmtKind::AnnAssign { target, annotation, value, simple } => {
                let mut f = self.open("AnnAssign");
                self.expr_field(&mut f, "target", target);
                self.expr_field(&mut f, "annotation", annotation);
                self.opt_expr_field(&mut f, "value", *value);
                self.raw_field(&mut f, "simple", if *simple { "1" } else { "0" });
                self.close(f, range);
            }
            StmtKind::For { target, iter, body, orelse, type_comment }
            | StmtKind::AsyncFor { target, iter, body, orelse, type_comment } => {
                let name = if matches!(s.node, StmtKind::For { .. }) { "For" } else { "AsyncFor" };
                let mut f = self.open(name);
                self.expr_field(&mut f, "target", target);
                self.expr_field(&mut f, "iter", iter);
                self.stmts_field(&mut f, "body", body);
                self.stmts_field(&mut f, "orelse", orelse);
                self.opt_str_field(&mut f, "type_comment", *type_comment);
                self.close(f, range);
            }
            StmtKind::While { test, body, orelse } | StmtKind::If { test, body, orelse } => {
                let name = if matches!(s.node, StmtKind::While { .. }) { "While" } else { "If" };
                let mut f = self.open(name);
                self.expr_field(&mut f, "test", test);
                self.stmts_field(&mut f, "body", body);
                self.stmts_field(&mut f, "orelse", orelse);
                self.close(f, range);
            }
            StmtKind::With { items, body, type_comment } | StmtKind::AsyncWith { items, body, type_comment } => {
                let name = if matches!(s.node, StmtKind::With { .. }) { "With" } else { "AsyncWith" };
                let mut f = self.open(name);
                self.list_field(&mut f, "items", items, |d, item| {
                    let mut f = d.open("withitem");
                    d.expr_field(&mut f, "context_expr", &item.context_expr);
                    d.opt_expr_field(&mut f, "optional_vars", item.optional_vars);
                    d.close(f, None);
                });
                self.stmts_field(&mut f, "body", body);
                self.opt_str_field(&mut f, "type_comment", *type_comment);
                self.close(f, range);
            }
            StmtKind::Match { subject, cases } => {
                let mut f = self.open("Match");
                self.expr_field(&mut f, "subject", subject);
                self.list_field(&mut f, "cases", cases, |d, c| {
                    let mut f = d.open("match_case");
                    d.key(&mut f, "pattern");
                    d.pattern(&c.pattern);
                    d.opt_expr_field(&mut f, "guard", c.guard);
                    d.stmts_field(&mut f, "body", c.body);
                    d.close(f, None);
                });
                self.close(f, range);
            }
            StmtKind::Raise { exc, cause } => {
                let mut f = self.open("Raise");
                self.opt_expr_field(&mut f, "exc", *exc);
                self.opt_expr_field(&mut f, "cause", *cause);
                self.close(f, range);
            }
            StmtKind::Try { body, handlers, orelse, finalbody }
            | StmtKind::TryStar { body, handlers, orelse, finalbody } => {
                let name = if matches!(s.node, StmtKind::Try { .. }) { "Try" } else { "TryStar" };
                let mut f = self.open(name);
                self.stmts_field(&mut f, "body", body);
                self.list_field(&mut f, "handlers", handlers, |d, h| {
                    let mut f = d.open("ExceptHandler");
                    d.opt_expr_field(&mut f, "type", h.type_);
                    d.opt_str_field(&mut f, "name", h.name);
                    d.stmts_field(&mut f, "body", h.body);
                    d.close(f, Some(h.range));
                });
                self.stmts_field(&mut f, "orelse", orelse);
                self.stmts_field(&mut f, "finalbody", finalbody);
                self.close(f, range);
            }
            StmtKind::Assert { test, msg } => {
                let mut f = self.open("Assert");
                self.expr_field(&mut f, "test", test);
                self.opt_expr_field(&mut f, "msg", *msg);
                self.close(f, range);
            }
            StmtKind::Import { names } => {
                let mut f = self.open("Import");
                self.list_field(&mut f, "names", names, |d, a| d.alias(a));
                self.close(f, range);
            }
            StmtKind::ImportFrom { module, names, level } => {
                let mut f = self.open("ImportFrom");
                self.opt_str_field(&mut f, "module", *module);
                self.list_field(&mut f, "names", names, |d, a| d.alias(a));
                self.raw_field(&mut f, "level", &level.to_string());
                self.close(f, range);
            }
            StmtKind::Global { names } | StmtKind::Nonlocal { names } => {
                let name = if matches!(s.node, StmtKind::Global { .. }) { "Global" } else { "Nonlocal" };
                let mut f = self.open(name);
                self.list_field(&mut f, "names", names, |d, n| str_repr(&mut d.out, Wtf8::new(n)));
                self.close(f, range);
            }
            StmtKind::Expr { value } => {
                let mut f = self.open("Expr");
                self.expr_field(&mut f, "value", value);
                self.close(f, range);
            }
            StmtKind::Pass => {
                let f = self.open("Pass");
                self.close(f, range);
            }
            StmtKind::Break => {
                let f = self.open("Break");
                self.close(f, range);
            }
            StmtKind::Continue => {
                let f = self.open("Continue");
                self.close(f, range);
            }
        }
    }

    fn expr(&mut self, e: &Expr<'_>) {
        stacker::maybe_grow(RED_ZONE, STACK_GROWTH, || self.expr_inner(e));
    }

    fn expr_inner(&mut self, e: &Expr<'_>) {
        let range = Some(e.range);
        match &e.node {
            ExprKind::BoolOp { op, values } => {
                let mut f = self.open("BoolOp");
                self.key(&mut f, "op");
                self.unit(match op {
                    BoolOp::And => "And",
                    BoolOp::Or => "Or",
                });
                self.exprs_field(&mut f, "values", values);
                self.close(f, range);
            }
            ExprKind::NamedExpr { target, value } => {
                let mut f = self.open("NamedExpr");
                self.expr_field(&mut f, "target", target);
                self.expr_field(&mut f, "value", value);
                self.close(f, range);
            }
            ExprKind::BinOp { left, op, right } => {
                let mut f = self.open("BinOp");
                self.expr_field(&mut f, "left", left);
                self.key(&mut f, "op");
                self.unit(operator_name(*op));
                self.expr_field(&mut f, "right", right);
                self.close(f, range);
            }
            ExprKind::UnaryOp { op, operand } => {
                let mut f = self.open("UnaryOp");
                self.key(&mut f, "op");
                self.unit(match op {
                    UnaryOp::Invert => "Invert",
                    UnaryOp::Not => "Not",
                    UnaryOp::UAdd => "UAdd",
                    UnaryOp::USub => "USub",
                });
                self.expr_field(&mut f, "operand", operand);
                self.close(f, range);
            }
            ExprKind::Lambda { args, body } => {
                let mut f = self.open("Lambda");
                self.key(&mut f, "args");
                self.arguments(args);
                self.expr_field(&mut f, "body", body);
                self.close(f, range);
            }
            ExprKind::IfExp { test, body, orelse } => {
                let mut f = self.open("IfExp");
                self.expr_field(&mut f, "test", test);
                self.expr_field(&mut f, "body", body);
                self.expr_field(&mut f, "orelse", orelse);
                self.close(f, range);
            }
            ExprKind::Dict { keys, values } => {
                let mut f = self.open("Dict");
                self.opt_exprs_field(&mut f, "keys", keys);
                self.exprs_field(&mut f, "values", values);
                self.close(f, range);
            }
            ExprKind::Set { elts } => {
                let mut f = self.open("Set");
                self.exprs_field(&mut f, "elts", elts);
                self.close(f, range);
            }
            ExprKind::ListComp { elt, generators }
            | ExprKind::SetComp { elt, generators }
            | ExprKind::GeneratorExp { elt, generators } => {
                let name = match e.node {
                    ExprKind::ListComp { .. } => "ListComp",
                    ExprKind::SetComp { .. } => "SetComp",
                    _ => "GeneratorExp",
                };
                let mut f = self.open(name);
                self.expr_field(&mut f, "elt", elt);
                self.comprehensions(&mut f, generators);
                self.close(f, range);
            }
            ExprKind::DictComp { key, value, generators } => {
                let mut f = self.open("DictComp");
                self.expr_field(&mut f, "key", key);
                self.expr_field(&mut f, "value", value);
                self.comprehensions(&mut f, generators);
                self.close(f, range);
            }
            ExprKind::Await { value } => {
                let mut f = self.open("Await");
                self.expr_field(&mut f, "value", value);
                self.close(f, range);
            }
            ExprKind::Yield { value } => {
                let mut f = self.open("Yield");
                self.opt_expr_field(&mut f, "value", *value);
                self.close(f, range);
            }
            ExprKind::YieldFrom { value } => {
                let mut f = self.open("YieldFrom");
                self.expr_field(&mut f, "value", value);
                self.close(f, range);
            }
            ExprKind::Compare { left, ops, comparators } => {
                let mut f = self.open("Compare");
                self.expr_field(&mut f, "left", left);
                self.list_field(&mut f, "ops", ops, |d, op| {
                    d.unit(match op {
                        CmpOp::Eq => "Eq",
                        CmpOp::NotEq => "NotEq",
                        CmpOp::Lt => "Lt",
                        CmpOp::LtE => "LtE",
                        CmpOp::Gt => "Gt",
                        CmpOp::GtE => "GtE",
                        CmpOp::Is => "Is",
                        CmpOp::IsNot => "IsNot",
                        CmpOp::In => "In",
                        CmpOp::NotIn => "NotIn",
                    })
                });
                self.exprs_field(&mut f, "comparators", comparators);
                self.close(f, range);
            }
            ExprKind::Call { func, args, keywords } => {
                let mut f = self.open("Call");
                self.expr_field(&mut f, "func", func);
                self.exprs_field(&mut f, "args", args);
                self.list_field(&mut f, "keywords", keywords, |d, k| d.keyword(k));
                self.close(f, range);
            }
            ExprKind::FormattedValue { value, conversion, format_spec } => {
                let mut f = self.open("FormattedValue");
                self.expr_field(&mut f, "value", value);
                self.raw_field(&mut f, "conversion", &conversion.to_string());
                self.opt_expr_field(&mut f, "format_spec", *format_spec);
                self.close(f, range);
            }
            ExprKind::JoinedStr { values } => {
                let mut f = self.open("JoinedStr");
                self.exprs_field(&mut f, "values", values);
                self.close(f, range);
            }
            ExprKind::Constant { value, kind } => {
                let mut f = self.open("Constant");
                self.key(&mut f, "value");
                self.constant(value);
                self.opt_str_field(&mut f, "kind", *kind);
                self.close(f, range);
            }
            ExprKind::Attribute { value, attr, ctx } => {
                let mut f = self.open("Attribute");
                self.expr_field(&mut f, "value", value);
                self.str_field(&mut f, "attr", attr);
                self.ctx(&mut f, *ctx);
                self.close(f, range);
            }
            ExprKind::Subscript { value, slice, ctx } => {
                let mut f = self.open("Subscript");
                self.expr_field(&mut f, "value", value);
                self.expr_field(&mut f, "slice", slice);
                self.ctx(&mut f, *ctx);
                self.close(f, range);
            }
            ExprKind::Starred { value, ctx } => {
                let mut f = self.open("Starred");
                self.expr_field(&mut f, "value", value);
                self.ctx(&mut f, *ctx);
                self.close(f, range);
            }
            ExprKind::Name { id, ctx } => {
                let mut f = self.open("Name");
                self.str_field(&mut f, "id", id);
                self.ctx(&mut f, *ctx);
                self.close(f, range);
            }
            ExprKind::List { elts, ctx } | ExprKind::Tuple { elts, ctx } => {
                let name = if matches!(e.node, ExprKind::List { .. }) { "List" } else { "Tuple" };
                let mut f = self.open(name);
                self.exprs_field(&mut f, "elts", elts);
                self.ctx(&mut f, *ctx);
                self.close(f, range);
            }
            ExprKind::Slice { lower, upper, step } => {
                let mut f = self.open("Slice");
                self.opt_expr_field(&mut f, "lower", *lower);
                self.opt_expr_field(&mut f, "upper", *upper);
                self.opt_expr_field(&mut f, "step", *step);
                self.close(f, range);
            }
        }
    }

    fn ctx(&mut self, f: &mut Fields, ctx: ExprContext) {
        self.key(f, "ctx");
        self.unit(match ctx {
            ExprContext::Load => "Load",
            ExprContext::Store => "Store",
            ExprContext::Del => "Del",
        });
    }

    fn constant(&mut self, c: &Constant<'_>) {
        match c {
            Constant::None => self.out.push_str("None"),
            Constant::Bool(true) => self.out.push_str("True"),
            Constant::Bool(false) => self.out.push_str("False"),
            Constant::Ellipsis => self.out.push_str("Ellipsis"),
            Constant::Int(i) => self.out.push_str(&i.to_string()),
            Constant::BigInt(digits) => self.out.push_str(digits),
            Constant::Float(x) => float_repr(&mut self.out, *x),
            Constant::Complex { real, imag } => complex_repr(&mut self.out, *real, *imag),
            Constant::Str(s) => str_repr(&mut self.out, *s),
            Constant::Bytes(b) => bytes_repr(&mut self.out, b),
        }
    }

    fn comprehensions(&mut self, f: &mut Fields, generators: &[Comprehension<'_>]) {
        self.list_field(f, "generators", generators, |d, c| {
            let mut f = d.open("comprehension");
            d.expr_field(&mut f, "target", &c.target);
            d.expr_field(&mut f, "iter", &c.iter);
            d.exprs_field(&mut f, "ifs", c.ifs);
            d.raw_field(&mut f, "is_async", if c.is_async { "1" } else { "0" });
            d.close(f, None);
        });
    }

    fn arguments(&mut self, a: &Arguments<'_>) {
        let mut f = self.open("arguments");
        self.list_field(&mut f, "posonlyargs", a.posonlyargs, |d, a| d.arg(a));
        self.list_field(&mut f, "args", a.args, |d, a| d.arg(a));
        if let Some(v) = a.vararg {
            self.key(&mut f, "vararg");
            self.arg(v);
        }
        self.list_field(&mut f, "kwonlyargs", a.kwonlyargs, |d, a| d.arg(a));
        self.opt_exprs_field(&mut f, "kw_defaults", a.kw_defaults);
        if let Some(k) = a.kwarg {
            self.key(&mut f, "kwarg");
            self.arg(k);
        }
        self.exprs_field(&mut f, "defaults", a.defaults);
        self.close(f, None);
    }

    fn arg(&mut self, a: &Arg<'_>) {
        let mut f = self.open("arg");
        self.str_field(&mut f, "arg", a.arg);
        self.opt_expr_field(&mut f, "annotation", a.annotation);
        self.opt_str_field(&mut f, "type_comment", a.type_comment);
        self.close(f, Some(a.range));
    }

    fn keyword(&mut self, k: &Keyword<'_>) {
        let mut f = self.open("keyword");
        self.opt_str_field(&mut f, "arg", k.arg);
        self.expr_field(&mut f, "value", &k.value);
        self.close(f, Some(k.range));
    }

    fn alias(&mut self, a: &Alias<'_>) {
        let mut f = self.open("alias");
        self.str_field(&mut f, "name", a.name);
        self.opt_str_field(&mut f, "asname", a.asname);
        self.close(f, Some(a.range));
    }

    fn type_param(&mut self, t: &TypeParam<'_>) {
        let (name_kind, name, bound, default_value) = match &t.node {
            TypeParamKind::TypeVar { name, bound, default_value } => ("TypeVar", name, *bound, *default_value),
            TypeParamKind::ParamSpec { name, default_value } => ("ParamSpec", name, None, *default_value),
            TypeParamKind::TypeVarTuple { name, default_value } => ("TypeVarTuple", name, None, *default_value),
        };
        let mut f = self.open(name_kind);
        self.str_field(&mut f, "name", name);
        self.opt_expr_field(&mut f, "bound", bound);
        self.opt_expr_field(&mut f, "default_value", default_value);
        self.close(f, Some(t.range));
    }

    fn pattern(&mut self, p: &Pattern<'_>) {
        stacker::maybe_grow(RED_ZONE, STACK_GROWTH, || self.pattern_inner(p));
    }

    fn pattern_inner(&mut self, p: &Pattern<'_>) {
        let range = Some(p.range);
        match &p.node {
            PatternKind::MatchValue { value } => {
                let mut f = self.open("MatchValue");
                self.expr_field(&mut f, "value", value);
                self.close(f, range);
            }
            PatternKind::MatchSingleton { value } => {
                let mut f = self.open("MatchSingleton");
                self.key(&mut f, "value");
                self.constant(value);
                self.close(f, range);
            }
            PatternKind::MatchSequence { patterns } => {
                let mut f = self.open("MatchSequence");
                self.list_field(&mut f, "patterns", patterns, |d, p| d.pattern(p));
                self.close(f, range);
            }
            PatternKind::MatchMapping { keys, patterns, rest } => {
                let mut f = self.open("MatchMapping");
                self.exprs_field(&mut f, "keys", keys);
                self.list_field(&mut f, "patterns", patterns, |d, p| d.pattern(p));
                self.opt_str_field(&mut f, "rest", *rest);
                self.close(f, range);
            }
            PatternKind::MatchClass { cls, patterns, kwd_attrs, kwd_patterns } => {
                let mut f = self.open("MatchClass");
                self.expr_field(&mut f, "cls", cls);
                self.list_field(&mut f, "patterns", patterns, |d, p| d.pattern(p));
                self.list_field(&mut f, "kwd_attrs", kwd_attrs, |d, n| str_repr(&mut d.out, Wtf8::new(n)));
                self.list_field(&mut f, "kwd_patterns", kwd_patterns, |d, p| d.pattern(p));
                self.close(f, range);
            }
            PatternKind::MatchStar { name } => {
                let mut f = self.open("MatchStar");
                self.opt_str_field(&mut f, "name", *name);
                self.close(f, range);
            }
            PatternKind::MatchAs { pattern, name } => {
                let mut f = self.open("MatchAs");
                if let Some(p) = pattern {
                    self.key(&mut f, "pattern");
                    self.pattern(p);
                }
                self.opt_str_field(&mut f, "name", *name);
                self.close(f, range);
            }
            PatternKind::MatchOr { patterns } => {
                let mut f = self.open("MatchOr");
                self.list_field(&mut f, "patterns", patterns, |d, p| d.pattern(p));
                self.close(f, range);
            }
        }
    }
}

/// Appends `v` in decimal without allocating (dumps print four numbers per node).
fn push_u32(out: &mut String, mut v: u32) {
    let mut digits = [0u8; 10];
    let mut i = digits.len();
    loop {
        i -= 1;
        digits[i] = b'0' + (v % 10) as u8;
        v /= 10;
        if v == 0 {
            break;
        }
    }
    for &d in &digits[i..] {
        out.push(d as char);
    }
}

fn operator_name(op: Operator) -> &'static str {
    match op {
        Operator::Add => "Add",
        Operator::Sub => "Sub",
        Operator::Mult => "Mult",
        Operator::MatMult => "MatMult",
        Operator::Div => "Div",
        Operator::Mod => "Mod",
        Operator::Pow => "Pow",
        Operator::LShift => "LShift",
        Operator::RShift => "RShift",
        Operator::BitOr => "BitOr",
        Operator::BitXor => "BitXor",
        Operator::BitAnd => "BitAnd",
        Operator::FloorDiv => "FloorDiv",
    }
}
