//! Expression source text for `from __future__ import annotations` (CPython's
//! `Python/ast_unparse.c`, `_PyAST_ExprAsUnicode`).
//!
//! Under the future import an annotation is stored as a string: the expression printed back with
//! the minimum parentheses for its precedence. The printer follows `ast_unparse.c` (which differs
//! from `ast.unparse` in details: `(yield)` is always parenthesised, `1 .real` gets a space, `inf`
//! prints as `1e309`, ...).

use pyrt_syntax::ast::{Arguments, BoolOp, CmpOp, Comprehension, Expr, ExprKind, Operator, UnaryOp};

use crate::code::{Constant, PyStr};
use crate::codegen::constant_value;

const PR_TUPLE: u8 = 0;
const PR_TEST: u8 = 1;
const PR_OR: u8 = 2;
const PR_AND: u8 = 3;
const PR_NOT: u8 = 4;
const PR_CMP: u8 = 5;
const PR_BOR: u8 = 6;
const PR_BXOR: u8 = 7;
const PR_BAND: u8 = 8;
const PR_SHIFT: u8 = 9;
const PR_ARITH: u8 = 10;
const PR_TERM: u8 = 11;
const PR_FACTOR: u8 = 12;
const PR_POWER: u8 = 13;
const PR_AWAIT: u8 = 14;
const PR_ATOM: u8 = 15;

/// The annotation `e` as CPython stores it under `from __future__ import annotations`.
pub fn unparse_annotation(e: &Expr<'_>) -> PyStr {
    let mut out = String::new();
    expr(&mut out, e, PR_TEST);
    PyStr::new(&out)
}

fn open(out: &mut String, cond: bool) {
    if cond {
        out.push('(');
    }
}

fn close(out: &mut String, cond: bool) {
    if cond {
        out.push(')');
    }
}

fn binop(op: Operator) -> (&'static str, u8) {
    match op {
        Operator::Add => (" + ", PR_ARITH),
        Operator::Sub => (" - ", PR_ARITH),
        Operator::Mult => (" * ", PR_TERM),
        Operator::MatMult => (" @ ", PR_TERM),
        Operator::Div => (" / ", PR_TERM),
        Operator::Mod => (" % ", PR_TERM),
        Operator::LShift => (" << ", PR_SHIFT),
        Operator::RShift => (" >> ", PR_SHIFT),
        Operator::BitOr => (" | ", PR_BOR),
        Operator::BitXor => (" ^ ", PR_BXOR),
        Operator::BitAnd => (" & ", PR_BAND),
        Operator::FloorDiv => (" // ", PR_TERM),
        Operator::Pow => (" ** ", PR_POWER),
    }
}

fn cmpop(op: CmpOp) -> &'static str {
    match op {
        CmpOp::Eq => " == ",
        CmpOp::NotEq => " != ",
        CmpOp::Lt => " < ",
        CmpOp::LtE => " <= ",
        CmpOp::Gt => " > ",
        CmpOp::GtE => " >= ",
        CmpOp::Is => " is ",
        CmpOp::IsNot => " is not ",
        CmpOp::In => " in ",
        CmpOp::NotIn => " not in ",
    }
}

fn seq(out: &mut String, items: &[Expr<'_>], level: u8) {
    for (i, e) in items.iter().enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        expr(out, e, level);
    }
}

fn constant(out: &mut String, c: &Constant) {
    let text = match c {
        Constant::Ellipsis => "...".to_string(),
        Constant::Float(f) if f.is_infinite() => if *f > 0.0 { "1e309" } else { "-1e309" }.to_string(),
        Constant::Complex { re, im } if re.is_infinite() || im.is_infinite() => c.repr().replace("inf", "1e309"),
        Constant::Tuple(items) => {
            let mut s = String::from("(");
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    s.push_str(", ");
                }
                constant(&mut s, item);
            }
            if items.len() == 1 {
                s.push(',');
            }
            s.push(')');
            s
        }
        other => other.repr(),
    };
    out.push_str(&text);
}

fn comprehensions(out: &mut String, generators: &[Comprehension<'_>]) {
    for g in generators {
        out.push_str(if g.is_async { " async for " } else { " for " });
        expr(out, &g.target, PR_TUPLE);
        out.push_str(" in ");
        expr(out, &g.iter, PR_TEST + 1);
        for cond in g.ifs {
            out.push_str(" if ");
            expr(out, cond, PR_TEST + 1);
        }
    }
}

fn arguments(out: &mut String, a: &Arguments<'_>) {
    let mut first = true;
    let mut sep = |out: &mut String| {
        if !first {
            out.push_str(", ");
        }
        first = false;
    };
    let positional: Vec<_> = a.posonlyargs.iter().chain(a.args.iter()).collect();
    let ndefaults = a.defaults.len();
    for (i, arg) in positional.iter().enumerate() {
        sep(out);
        out.push_str(arg.arg);
        let di = i as isize - (positional.len() as isize - ndefaults as isize);
        if di >= 0 {
            out.push('=');
            expr(out, &a.defaults[di as usize], PR_TEST);
        }
        if i + 1 == a.posonlyargs.len() {
            out.push_str(", /");
        }
    }
    if a.vararg.is_some() || !a.kwonlyargs.is_empty() {
        sep(out);
        out.push('*');
        if let Some(v) = a.vararg {
            out.push_str(v.arg);
        }
    }
    for (i, arg) in a.kwonlyargs.iter().enumerate() {
        sep(out);
        out.push_str(arg.arg);
        if let Some(Some(d)) = a.kw_defaults.get(i) {
            out.push('=');
            expr(out, d, PR_TEST);
        }
    }
    if let Some(k) = a.kwarg {
        sep(out);
        out.push_str("**");
        out.push_str(k.arg);
    }
}

/// The body of an f-string (`build_fstring_body`): literal text with braces doubled, and
/// replacement fields.
fn fstring_body(out: &mut String, values: &[Expr<'_>], is_format_spec: bool) {
    for v in values {
        match &v.node {
            ExprKind::Constant { value, .. } => {
                if let Constant::Str(s) = constant_value(value) {
                    let text: String = s.code_points().filter_map(char::from_u32).collect();
                    if is_format_spec {
                        out.push_str(&text);
                    } else {
                        out.push_str(&text.replace('{', "{{").replace('}', "}}"));
                    }
                }
            }
            ExprKind::FormattedValue { value, conversion, format_spec } => {
                let mut inner = String::new();
                expr(&mut inner, value, PR_TEST + 1);
                out.push('{');
                if inner.starts_with('{') {
                    out.push(' ');
                }
                out.push_str(&inner);
                if *conversion >= 0
                    && let Some(c) = char::from_u32(*conversion as u32)
                {
                    out.push('!');
                    out.push(c);
                }
                if let Some(spec) = format_spec {
                    out.push(':');
                    if let ExprKind::JoinedStr { values } = &spec.node {
                        fstring_body(out, values, true);
                    }
                }
                out.push('}');
            }
            ExprKind::JoinedStr { values } => fstring_body(out, values, is_format_spec),
            _ => {}
        }
    }
}

fn expr(out: &mut String, e: &Expr<'_>, level: u8) {
    crate::deep::grow(|| expr_inner(out, e, level))
}

fn expr_inner(out: &mut String, e: &Expr<'_>, level: u8) {
    match &e.node {
        ExprKind::BoolOp { op, values } => {
            let (text, pr) = if *op == BoolOp::And { (" and ", PR_AND) } else { (" or ", PR_OR) };
            open(out, level > pr);
            for (i, v) in values.iter().enumerate() {
                if i > 0 {
                    out.push_str(text);
                }
                expr(out, v, pr + 1);
            }
            close(out, level > pr);
        }
        ExprKind::BinOp { left, op, right } => {
            let (text, pr) = binop(*op);
            let rassoc = (*op == Operator::Pow) as u8;
            open(out, level > pr);
            expr(out, left, pr + rassoc);
            out.push_str(text);
            expr(out, right, pr + 1 - rassoc);
            close(out, level > pr);
        }
        ExprKind::UnaryOp { op, operand } => {
            let (text, pr) = match op {
                UnaryOp::Invert => ("~", PR_FACTOR),
                UnaryOp::Not => ("not ", PR_NOT),
                UnaryOp::UAdd => ("+", PR_FACTOR),
                UnaryOp::USub => ("-", PR_FACTOR),
            };
            open(out, level > pr);
            out.push_str(text);
            expr(out, operand, pr);
            close(out, level > pr);
        }
        ExprKind::Lambda { args, body } => {
            open(out, level > PR_TEST);
            let mut a = String::new();
            arguments(&mut a, args);
            if a.is_empty() {
                out.push_str("lambda");
            } else {
                out.push_str("lambda ");
                out.push_str(&a);
            }
            out.push_str(": ");
            expr(out, body, PR_TEST);
            close(out, level > PR_TEST);
        }
        ExprKind::IfExp { test, body, orelse } => {
            open(out, level > PR_TEST);
            expr(out, body, PR_TEST + 1);
            out.push_str(" if ");
            expr(out, test, PR_TEST + 1);
            out.push_str(" else ");
            expr(out, orelse, PR_TEST);
            close(out, level > PR_TEST);
        }
        ExprKind::Dict { keys, values } => {
            out.push('{');
            for (i, (k, v)) in keys.iter().zip(values.iter()).enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                match k {
                    Some(k) => {
                        expr(out, k, PR_TEST);
                        out.push_str(": ");
                        expr(out, v, PR_TEST);
                    }
                    None => {
                        out.push_str("**");
                        expr(out, v, PR_BOR);
                    }
                }
            }
            out.push('}');
        }
        ExprKind::Set { elts } => {
            if elts.is_empty() {
                out.push_str("{*()}");
            } else {
                out.push('{');
                seq(out, elts, PR_TEST);
                out.push('}');
            }
        }
        ExprKind::GeneratorExp { elt, generators } => {
            out.push('(');
            expr(out, elt, PR_TEST);
            comprehensions(out, generators);
            out.push(')');
        }
        ExprKind::ListComp { elt, generators } => {
            out.push('[');
            expr(out, elt, PR_TEST);
            comprehensions(out, generators);
            out.push(']');
        }
        ExprKind::SetComp { elt, generators } => {
            out.push('{');
            expr(out, elt, PR_TEST);
            comprehensions(out, generators);
            out.push('}');
        }
        ExprKind::DictComp { key, value, generators } => {
            out.push('{');
            expr(out, key, PR_TEST);
            out.push_str(": ");
            expr(out, value, PR_TEST);
            comprehensions(out, generators);
            out.push('}');
        }
        ExprKind::Await { value } => {
            open(out, level > PR_AWAIT);
            out.push_str("await ");
            expr(out, value, PR_ATOM);
            close(out, level > PR_AWAIT);
        }
        ExprKind::Yield { value } => match value {
            None => out.push_str("(yield)"),
            Some(v) => {
                out.push_str("(yield ");
                expr(out, v, PR_TEST);
                out.push(')');
            }
        },
        ExprKind::YieldFrom { value } => {
            out.push_str("(yield from ");
            expr(out, value, PR_TEST);
            out.push(')');
        }
        ExprKind::Compare { left, ops, comparators } => {
            open(out, level > PR_CMP);
            expr(out, left, PR_CMP + 1);
            for (op, c) in ops.iter().zip(comparators.iter()) {
                out.push_str(cmpop(*op));
                expr(out, c, PR_CMP + 1);
            }
            close(out, level > PR_CMP);
        }
        ExprKind::Call { func, args, keywords } => {
            expr(out, func, PR_ATOM);
            if let ([only], []) = (args, keywords)
                && matches!(only.node, ExprKind::GeneratorExp { .. })
            {
                expr(out, only, PR_TEST);
                return;
            }
            out.push('(');
            let mut first = true;
            for a in args.iter() {
                if !first {
                    out.push_str(", ");
                }
                first = false;
                expr(out, a, PR_TEST);
            }
            for k in keywords.iter() {
                if !first {
                    out.push_str(", ");
                }
                first = false;
                match k.arg {
                    Some(name) => {
                        out.push_str(name);
                        out.push('=');
                    }
                    None => out.push_str("**"),
                }
                expr(out, &k.value, PR_TEST);
            }
            out.push(')');
        }
        ExprKind::FormattedValue { .. } | ExprKind::JoinedStr { .. } => {
            let mut body = String::new();
            fstring_body(&mut body, std::slice::from_ref(e), false);
            out.push('f');
            out.push_str(&Constant::str(&body).repr());
        }
        ExprKind::Constant { value, kind } => {
            if let Some(k) = kind {
                out.push_str(k);
            }
            constant(out, &constant_value(value));
        }
        ExprKind::Attribute { value, attr, .. } => {
            expr(out, value, PR_ATOM);
            let int_literal = matches!(
                value.node,
                ExprKind::Constant {
                    value: pyrt_syntax::ast::Constant::Int(_) | pyrt_syntax::ast::Constant::BigInt(_),
                    ..
                }
            );
            out.push_str(if int_literal { " ." } else { "." });
            out.push_str(attr);
        }
        ExprKind::Subscript { value, slice, .. } => {
            expr(out, value, PR_ATOM);
            out.push('[');
            expr(out, slice, PR_TUPLE);
            out.push(']');
        }
        ExprKind::Starred { value, .. } => {
            out.push('*');
            expr(out, value, PR_BOR);
        }
        ExprKind::Name { id, .. } => out.push_str(id),
        ExprKind::List { elts, .. } => {
            out.push('[');
            seq(out, elts, PR_TEST);
            out.push(']');
        }
        ExprKind::Tuple { elts, .. } => {
            if elts.is_empty() {
                out.push_str("()");
                return;
            }
            open(out, level > PR_TUPLE);
            seq(out, elts, PR_TEST);
            if elts.len() == 1 {
                out.push(',');
            }
            close(out, level > PR_TUPLE);
        }
        ExprKind::Slice { lower, upper, step } => {
            if let Some(l) = lower {
                expr(out, l, PR_TEST);
            }
            out.push(':');
            if let Some(u) = upper {
                expr(out, u, PR_TEST);
            }
            if let Some(s) = step {
                out.push(':');
                expr(out, s, PR_TEST);
            }
        }
        ExprKind::NamedExpr { target, value } => {
            open(out, level > PR_TUPLE);
            expr(out, target, PR_ATOM);
            out.push_str(" := ");
            expr(out, value, PR_ATOM);
            close(out, level > PR_TUPLE);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use pyrt_syntax::ast::{Mod, StmtKind};

    /// The annotation of `x: <annotation>` printed back.
    fn annotation(source_annotation: &str) -> String {
        let src = format!("x: {source_annotation}\n");
        let arena = bumpalo::Bump::new();
        let Mod::Module { body, .. } = pyrt_syntax::parse(&src, pyrt_syntax::Mode::Module, &arena).unwrap() else {
            unreachable!()
        };
        let StmtKind::AnnAssign { annotation, .. } = &body[0].node else { unreachable!() };
        unparse_annotation(annotation).as_str().unwrap().to_string()
    }

    #[test]
    fn prints_with_minimal_parentheses_as_cpython() {
        // Expected texts from CPython 3.13: `from __future__ import annotations` then
        // `x: <annotation>` stores `__annotations__['x']`.
        assert_eq!(annotation("list[int]"), "list[int]");
        assert_eq!(annotation("dict[str, int] | None"), "dict[str, int] | None");
        assert_eq!(annotation("(a + b) * c"), "(a + b) * c");
        assert_eq!(annotation("-x ** 2"), "-x ** 2");
        assert_eq!(annotation("(-x) ** 2"), "(-x) ** 2");
        assert_eq!(annotation("a if b else c"), "a if b else c");
        assert_eq!(annotation("lambda: 1"), "lambda: 1");
        assert_eq!(annotation("Callable[[int], str]"), "Callable[[int], str]");
        assert_eq!(annotation("tuple[int, ...]"), "tuple[int, ...]");
        assert_eq!(annotation("'str'"), "'str'");
        assert_eq!(annotation("f(*a, k=1, **kw)"), "f(*a, k=1, **kw)");
        assert_eq!(annotation("1 .real"), "1 .real");
        assert_eq!(annotation("not a and b"), "not a and b");
    }
}
