//! Expressions: the `expression` rules of `python.gram`, with precedence climbing for the
//! binary operators.
//!
//! From loosest to tightest: `lambda`, `x if c else y`, `or`, `and`, `not`, comparisons
//! (`==`, `in`, `is not`, ... — one n-ary `Compare`), `|`, `^`, `&`, `<<`/`>>`, `+`/`-`,
//! `*`/`/`/`//`/`%`/`@`, the prefix `+`/`-`/`~`, `**` (right-associative, its right operand is
//! a prefix expression), `await`, then primaries (an atom followed by `.name`, `(args)` and
//! `[slices]`). The binary operators from `|` to `*` are one loop climbing by precedence
//! ([`binary_precedence`]); prefix operators and trailers are loops too, so only brackets,
//! `lambda`, conditional expressions and `**` recurse (and count towards the depth limit).

use super::{Fail, PResult, Parser};
use crate::ast::*;
use crate::literal;
use crate::token::{TextRange, TokenKind};

/// The binary operator a token spells and its precedence (higher binds tighter).
fn binary_precedence(kind: TokenKind) -> Option<(Operator, u8)> {
    use TokenKind as T;
    Some(match kind {
        T::Vbar => (Operator::BitOr, 1),
        T::Circumflex => (Operator::BitXor, 2),
        T::Amper => (Operator::BitAnd, 3),
        T::LeftShift => (Operator::LShift, 4),
        T::RightShift => (Operator::RShift, 4),
        T::Plus => (Operator::Add, 5),
        T::Minus => (Operator::Sub, 5),
        T::Star => (Operator::Mult, 6),
        T::Slash => (Operator::Div, 6),
        T::DoubleSlash => (Operator::FloorDiv, 6),
        T::Percent => (Operator::Mod, 6),
        T::At => (Operator::MatMult, 6),
        _ => return None,
    })
}

/// Whether a token can begin an expression (used to end comma-separated lists).
pub(crate) fn starts_expression(kind: TokenKind) -> bool {
    use TokenKind as T;
    matches!(
        kind,
        T::Name
            | T::Int
            | T::Float
            | T::Complex
            | T::String
            | T::FStringStart
            | T::Lpar
            | T::Lsqb
            | T::Lbrace
            | T::Minus
            | T::Plus
            | T::Tilde
            | T::Star
            | T::Ellipsis
            | T::None
            | T::True
            | T::False
            | T::Not
            | T::Lambda
            | T::Await
    )
}

impl<'src, 'a> Parser<'src, 'a> {
    /// Runs `f` one level deeper: counts towards the depth limit and grows the native stack
    /// when it runs low, so deep nesting never overflows whatever thread the parser runs on.
    pub(crate) fn nested<T>(&mut self, f: impl FnOnce(&mut Self) -> PResult<T>) -> PResult<T> {
        self.enter()?;
        let r = stacker::maybe_grow(64 * 1024, 1024 * 1024, || f(self));
        self.leave();
        r
    }

    /// `expressions`: `expression (',' expression)* [',']`, a tuple when there is a comma.
    pub(crate) fn expressions(&mut self) -> PResult<Expr<'a>> {
        let start = self.start();
        let first = self.expression()?;
        if !self.at(TokenKind::Comma) {
            return Ok(first);
        }
        let mut elts = vec![first];
        while self.eat(TokenKind::Comma) {
            if !starts_expression(self.peek()) || self.at(TokenKind::Star) {
                break;
            }
            elts.push(self.expression()?);
        }
        let elts = self.alloc_slice(elts);
        Ok(self.expr(ExprKind::Tuple { elts, ctx: ExprContext::Load }, self.range_from(start)))
    }

    /// `star_expressions`: like [`Self::expressions`] but items may be `*x`.
    pub(crate) fn star_expressions(&mut self) -> PResult<Expr<'a>> {
        let start = self.start();
        let first = self.star_expression()?;
        if !self.at(TokenKind::Comma) {
            return Ok(first);
        }
        let mut elts = vec![first];
        while self.eat(TokenKind::Comma) {
            if !starts_expression(self.peek()) {
                break;
            }
            elts.push(self.star_expression()?);
        }
        let elts = self.alloc_slice(elts);
        Ok(self.expr(ExprKind::Tuple { elts, ctx: ExprContext::Load }, self.range_from(start)))
    }

    /// `star_expression`: `'*' bitwise_or | expression`.
    pub(crate) fn star_expression(&mut self) -> PResult<Expr<'a>> {
        if self.at(TokenKind::Star) {
            // `'*' bitwise_or` has no `invalid_starred_expression` alternative here.
            let diag = std::mem::replace(&mut self.diag, false);
            let start = self.start();
            self.bump();
            let value = self.bitwise_or();
            self.diag = diag;
            let value = self.alloc(value?);
            return Ok(self.expr(ExprKind::Starred { value, ctx: ExprContext::Load }, self.range_from(start)));
        }
        self.expression()
    }

    /// `'*' operand` as a `Starred` (Load).
    pub(crate) fn starred(&mut self, operand: impl FnOnce(&mut Self) -> PResult<Expr<'a>>) -> PResult<Expr<'a>> {
        let start = self.start();
        self.bump();
        let value = match operand(self) {
            Ok(v) => v,
            Err(f) => {
                if self.diag && self.error.is_none() {
                    return self.raise_here("Invalid star expression");
                }
                return Err(f);
            }
        };
        let value = self.alloc(value);
        Ok(self.expr(ExprKind::Starred { value, ctx: ExprContext::Load }, self.range_from(start)))
    }

    /// `star_named_expression`: `'*' bitwise_or | named_expression`.
    pub(crate) fn star_named_expression(&mut self) -> PResult<Expr<'a>> {
        if self.at(TokenKind::Star) {
            return self.starred(|p| p.bitwise_or());
        }
        self.named_expression()
    }

    /// `named_expression`: `NAME ':=' expression | expression !':='` (with
    /// `invalid_named_expression` in the second pass).
    pub(crate) fn named_expression(&mut self) -> PResult<Expr<'a>> {
        self.named_expression_checked(true)
    }

    /// `assignment_expression | expression !':='` (call arguments: no `invalid_named_expression`).
    pub(crate) fn named_expression_arg(&mut self) -> PResult<Expr<'a>> {
        self.named_expression_checked(false)
    }

    fn named_expression_checked(&mut self, check: bool) -> PResult<Expr<'a>> {
        if self.at(TokenKind::Name) && self.nth(1) == TokenKind::ColonEqual {
            let name = self.bump();
            let id = self.ident(name);
            self.bump();
            let value = self.expression()?;
            let target = self.alloc(self.expr(ExprKind::Name { id, ctx: ExprContext::Store }, name.range));
            let value = self.alloc(value);
            return Ok(self.expr(ExprKind::NamedExpr { target, value }, self.range_from(name.range.start)));
        }
        let start_pos = self.pos;
        let e = self.expression()?;
        if self.diag && check {
            self.diag_named_expression(&e, start_pos)?;
        }
        if self.at(TokenKind::ColonEqual) {
            return Err(Fail);
        }
        Ok(e)
    }

    /// `expression`: `disjunction ['if' disjunction 'else' expression] | lambdef`.
    pub(crate) fn expression(&mut self) -> PResult<Expr<'a>> {
        if self.at(TokenKind::Lambda) {
            if self.diag {
                self.diag_lambda_in_fstring()?;
            }
            // A lambda costs CPython's parser two levels per nesting.
            self.enter()?;
            let lambda = self.nested(|p| p.lambdef());
            self.leave();
            return lambda;
        }
        let start = self.start();
        let start_pos = self.pos;
        let body = self.disjunction()?;
        if self.diag {
            self.diag_expression(&body, start_pos)?;
        }
        if !self.at(TokenKind::If) {
            return Ok(body);
        }
        self.bump();
        let test = self.disjunction()?;
        self.expect(TokenKind::Else)?;
        let orelse = self.nested(|p| p.expression())?;
        let (test, body, orelse) = (self.alloc(test), self.alloc(body), self.alloc(orelse));
        Ok(self.expr(ExprKind::IfExp { test, body, orelse }, self.range_from(start)))
    }

    /// `'lambda' [lambda_params] ':' &FSTRING_MIDDLE`: a lambda in a replacement field.
    fn diag_lambda_in_fstring(&mut self) -> PResult<()> {
        let saved = self.checkpoint();
        let lambda = self.bump();
        self.speculating += 1;
        let params = self.parameters(false);
        self.speculating -= 1;
        let colon = self.cur();
        let in_fstring = params.is_ok() && colon.kind == TokenKind::Colon && self.nth(1) == TokenKind::FStringMiddle;
        self.rewind(saved);
        if in_fstring {
            let msg = "f-string: lambda expressions are not allowed without parentheses";
            return self.raise(msg, TextRange::new(lambda.range.start, colon.range.end));
        }
        Ok(())
    }

    fn lambdef(&mut self) -> PResult<Expr<'a>> {
        let start = self.start();
        self.expect(TokenKind::Lambda)?;
        let args = self.parameters(false)?;
        self.expect(TokenKind::Colon)?;
        let body = self.expression()?;
        let (args, body) = (self.alloc(args), self.alloc(body));
        Ok(self.expr(ExprKind::Lambda { args, body }, self.range_from(start)))
    }

    /// `disjunction`: `conjunction ('or' conjunction)*`.
    pub(crate) fn disjunction(&mut self) -> PResult<Expr<'a>> {
        let start = self.start();
        let first = self.conjunction()?;
        if !self.at(TokenKind::Or) {
            return Ok(first);
        }
        let mut values = vec![first];
        while self.eat(TokenKind::Or) {
            values.push(self.conjunction()?);
        }
        let values = self.alloc_slice(values);
        Ok(self.expr(ExprKind::BoolOp { op: BoolOp::Or, values }, self.range_from(start)))
    }

    fn conjunction(&mut self) -> PResult<Expr<'a>> {
        let start = self.start();
        let first = self.inversion()?;
        if !self.at(TokenKind::And) {
            return Ok(first);
        }
        let mut values = vec![first];
        while self.eat(TokenKind::And) {
            values.push(self.inversion()?);
        }
        let values = self.alloc_slice(values);
        Ok(self.expr(ExprKind::BoolOp { op: BoolOp::And, values }, self.range_from(start)))
    }

    /// `inversion`: `'not' inversion | comparison`, with the `not`s collected by a loop.
    fn inversion(&mut self) -> PResult<Expr<'a>> {
        let mut starts = Vec::new();
        while self.at(TokenKind::Not) {
            starts.push(self.start());
            self.bump();
            self.enter()?;
        }
        let result = self.comparison();
        let levels = starts.len() as u32;
        self.depth -= levels;
        let mut e = result?;
        for start in starts.into_iter().rev() {
            let operand = self.alloc(e);
            e = self.expr(ExprKind::UnaryOp { op: UnaryOp::Not, operand }, self.range_from(start));
        }
        Ok(e)
    }

    fn comparison(&mut self) -> PResult<Expr<'a>> {
        let start = self.start();
        let left = self.bitwise_or()?;
        let mut ops = Vec::new();
        let mut comparators = Vec::new();
        loop {
            let op = match self.peek() {
                TokenKind::EqEqual => CmpOp::Eq,
                // `<>` is `!=` only with `from __future__ import barry_as_FLUFL`.
                TokenKind::NotEqual if self.text(self.cur()) == "<>" => return Err(Fail),
                TokenKind::NotEqual => CmpOp::NotEq,
                TokenKind::Less => CmpOp::Lt,
                TokenKind::LessEqual => CmpOp::LtE,
                TokenKind::Greater => CmpOp::Gt,
                TokenKind::GreaterEqual => CmpOp::GtE,
                TokenKind::In => CmpOp::In,
                TokenKind::Not if self.nth(1) == TokenKind::In => {
                    self.bump();
                    CmpOp::NotIn
                }
                TokenKind::Is if self.nth(1) == TokenKind::Not => {
                    self.bump();
                    CmpOp::IsNot
                }
                TokenKind::Is => CmpOp::Is,
                _ => break,
            };
            self.bump();
            ops.push(op);
            comparators.push(self.bitwise_or()?);
        }
        if ops.is_empty() {
            return Ok(left);
        }
        let left = self.alloc(left);
        let (ops, comparators) = (self.alloc_slice(ops), self.alloc_slice(comparators));
        Ok(self.expr(ExprKind::Compare { left, ops, comparators }, self.range_from(start)))
    }

    /// `bitwise_or` and everything tighter: precedence climbing over [`binary_precedence`].
    pub(crate) fn bitwise_or(&mut self) -> PResult<Expr<'a>> {
        self.binary(1)
    }

    fn binary(&mut self, min_prec: u8) -> PResult<Expr<'a>> {
        let start = self.start();
        let mut left = self.factor()?;
        while let Some((op, prec)) = binary_precedence(self.peek()) {
            if prec < min_prec {
                break;
            }
            let op_token = self.bump();
            if self.diag && prec >= 5 && self.at(TokenKind::Not) && op_token.kind != TokenKind::Amper {
                self.diag_not_after_operator()?;
            }
            let right = if prec == 6 { self.factor()? } else { self.binary(prec + 1)? };
            let (l, r) = (self.alloc(left), self.alloc(right));
            left = self.expr(ExprKind::BinOp { left: l, op, right: r }, self.range_from(start));
        }
        Ok(left)
    }

    /// `factor`: prefix `+`, `-`, `~` (collected by a loop), then `power`.
    fn factor(&mut self) -> PResult<Expr<'a>> {
        self.factor_after(false)
    }

    /// `factor`; `after_power` is set for the right operand of `**`, where CPython does not try
    /// `invalid_factor`.
    fn factor_after(&mut self, after_power: bool) -> PResult<Expr<'a>> {
        let mut prefixes = Vec::new();
        loop {
            let op = match self.peek() {
                TokenKind::Plus => UnaryOp::UAdd,
                TokenKind::Minus => UnaryOp::USub,
                TokenKind::Tilde => UnaryOp::Invert,
                _ => break,
            };
            prefixes.push((op, self.start()));
            self.bump();
            if self.diag && !after_power && self.at(TokenKind::Not) {
                self.diag_not_after_operator()?;
            }
            if let Err(f) = self.enter() {
                self.depth -= prefixes.len() as u32 - 1;
                return Err(f);
            }
        }
        let result = self.power();
        self.depth -= prefixes.len() as u32;
        let mut e = result?;
        for (op, start) in prefixes.into_iter().rev() {
            let operand = self.alloc(e);
            e = self.expr(ExprKind::UnaryOp { op, operand }, self.range_from(start));
        }
        Ok(e)
    }

    /// `invalid_arithmetic` / `invalid_factor`: `not` right after a binary or prefix operator.
    fn diag_not_after_operator(&mut self) -> PResult<()> {
        let start = self.start();
        let saved = self.checkpoint();
        self.speculating += 1;
        let operand = self.inversion();
        self.speculating -= 1;
        self.rewind(saved);
        match operand {
            Ok(e) => self.raise("'not' after an operator must be parenthesized", TextRange::new(start, e.range.end)),
            Err(_) => Ok(()),
        }
    }

    /// `power`: `await_primary ['**' factor]`.
    fn power(&mut self) -> PResult<Expr<'a>> {
        let start = self.start();
        let left = self.await_primary()?;
        if !self.at(TokenKind::DoubleStar) {
            return Ok(left);
        }
        self.bump();
        // `**` costs CPython two levels per nesting.
        self.enter()?;
        let right = self.nested(|p| p.factor_after(true));
        self.leave();
        let right = right?;
        let (l, r) = (self.alloc(left), self.alloc(right));
        Ok(self.expr(ExprKind::BinOp { left: l, op: Operator::Pow, right: r }, self.range_from(start)))
    }

    fn await_primary(&mut self) -> PResult<Expr<'a>> {
        if self.at(TokenKind::Await) {
            let start = self.start();
            self.bump();
            let value = self.nested(|p| p.primary())?;
            let value = self.alloc(value);
            return Ok(self.expr(ExprKind::Await { value }, self.range_from(start)));
        }
        self.primary()
    }

    /// `primary`: an atom and its trailers `.name`, `(args)`, `[slices]`, `genexp`.
    pub(crate) fn primary(&mut self) -> PResult<Expr<'a>> {
        let start = self.start();
        let mut e = self.atom()?;
        loop {
            match self.peek() {
                TokenKind::Dot => {
                    self.bump();
                    let (attr, _) = self.expect_name()?;
                    let value = self.alloc(e);
                    e = self.expr(ExprKind::Attribute { value, attr, ctx: ExprContext::Load }, self.range_from(start));
                }
                TokenKind::Lpar => {
                    let func = self.alloc(e);
                    e = self.nested(|p| p.call(func, start))?;
                }
                TokenKind::Lsqb => {
                    self.bump();
                    let slice = self.nested(|p| p.slices())?;
                    self.expect(TokenKind::Rsqb)?;
                    let (value, slice) = (self.alloc(e), self.alloc(slice));
                    e = self.expr(ExprKind::Subscript { value, slice, ctx: ExprContext::Load }, self.range_from(start));
                }
                _ => break,
            }
        }
        Ok(e)
    }

    /// `slices`: one slice, or a tuple of slices and starred expressions.
    fn slices(&mut self) -> PResult<Expr<'a>> {
        let start = self.start();
        let first = self.slice_item()?;
        if !self.at(TokenKind::Comma) && !matches!(first.node, ExprKind::Starred { .. }) {
            return Ok(first);
        }
        let mut elts = vec![first];
        while self.eat(TokenKind::Comma) {
            if self.at(TokenKind::Rsqb) {
                break;
            }
            elts.push(self.slice_item()?);
        }
        let elts = self.alloc_slice(elts);
        Ok(self.expr(ExprKind::Tuple { elts, ctx: ExprContext::Load }, self.range_from(start)))
    }

    /// `slice | starred_expression`, where `slice` is `[expr] ':' [expr] [':' [expr]]` or a
    /// named expression.
    fn slice_item(&mut self) -> PResult<Expr<'a>> {
        if self.at(TokenKind::Star) {
            return self.starred(|p| p.expression());
        }
        let start = self.start();
        let start_pos = self.pos;
        let lower = if self.at(TokenKind::Colon) { None } else { Some(self.named_expression()?) };
        if !self.at(TokenKind::Colon) {
            return lower.ok_or(Fail);
        }
        if let Some(l) = &lower
            && matches!(l.node, ExprKind::NamedExpr { .. })
            && !self.parenthesized(l, start_pos)
        {
            return Err(Fail);
        }
        self.bump();
        let upper = if matches!(self.peek(), TokenKind::Colon | TokenKind::Comma | TokenKind::Rsqb) {
            None
        } else {
            Some(self.expression()?)
        };
        let mut step = None;
        if self.eat(TokenKind::Colon) && !matches!(self.peek(), TokenKind::Comma | TokenKind::Rsqb) {
            step = Some(self.expression()?);
        }
        let lower = lower.map(|e| self.alloc(e));
        let upper = upper.map(|e| self.alloc(e));
        let step = step.map(|e| self.alloc(e));
        Ok(self.expr(ExprKind::Slice { lower, upper, step }, self.range_from(start)))
    }

    /// `atom`.
    fn atom(&mut self) -> PResult<Expr<'a>> {
        let t = self.cur();
        let constant = |p: &mut Self, value: Constant<'a>| {
            p.bump();
            Ok(p.expr(ExprKind::Constant { value, kind: None }, t.range))
        };
        match self.peek() {
            TokenKind::Name => {
                self.bump();
                let id = self.ident(t);
                Ok(self.expr(ExprKind::Name { id, ctx: ExprContext::Load }, t.range))
            }
            TokenKind::True => constant(self, Constant::Bool(true)),
            TokenKind::False => constant(self, Constant::Bool(false)),
            TokenKind::None => constant(self, Constant::None),
            TokenKind::Ellipsis => constant(self, Constant::Ellipsis),
            TokenKind::Int => {
                self.check_int_length(t)?;
                let v = literal::int_value(self.text(t), self.arena);
                constant(self, v)
            }
            TokenKind::Float => {
                let v = literal::float_value(self.text(t));
                constant(self, Constant::Float(v))
            }
            TokenKind::Complex => {
                let v = literal::complex_value(self.text(t));
                constant(self, v)
            }
            TokenKind::String | TokenKind::FStringStart => self.strings(),
            TokenKind::Lpar => self.nested(|p| p.paren_atom()),
            TokenKind::Lsqb => self.nested(|p| p.list_atom()),
            TokenKind::Lbrace => self.nested(|p| p.brace_atom()),
            _ => Err(Fail),
        }
    }

    /// A decimal literal too long to convert: CPython's error, on the token's line with no
    /// column.
    pub(crate) fn check_int_length(&mut self, t: crate::token::Token) -> PResult<()> {
        let Some(msg) = literal::int_too_long(self.text(t)) else { return Ok(()) };
        if self.error.is_none() && self.speculating == 0 {
            let mut e = crate::error::SyntaxError::syntax(msg, self.src, t.range);
            e.offset = 0;
            e.end_offset = 0;
            self.error = Some(e);
        }
        Err(Fail)
    }

    /// `(...)`: a tuple, a parenthesised expression (its range stays the inner one), a
    /// generator expression, or a parenthesised `yield`.
    fn paren_atom(&mut self) -> PResult<Expr<'a>> {
        let start = self.start();
        self.bump();
        if self.eat(TokenKind::Rpar) {
            return Ok(self.expr(ExprKind::Tuple { elts: &[], ctx: ExprContext::Load }, self.range_from(start)));
        }
        if self.at(TokenKind::Yield) {
            let e = self.yield_expr()?;
            self.expect(TokenKind::Rpar)?;
            return Ok(e);
        }
        if self.diag && self.at(TokenKind::DoubleStar) {
            // `invalid_group`: `'(' '**' expression ')'`.
            let star = self.bump();
            if self.expression().is_ok() && self.at(TokenKind::Rpar) {
                return self.raise("cannot use double starred expression here", star.range);
            }
            return Err(Fail);
        }
        let first = self.star_named_expression()?;
        self.diag_starred_comprehension(&first)?;
        if matches!(self.peek(), TokenKind::For | TokenKind::Async) && !matches!(first.node, ExprKind::Starred { .. }) {
            let generators = self.comprehension_clauses()?;
            self.expect(TokenKind::Rpar)?;
            let elt = self.alloc(first);
            return Ok(self.expr(ExprKind::GeneratorExp { elt, generators }, self.range_from(start)));
        }
        if self.eat(TokenKind::Rpar) {
            if matches!(first.node, ExprKind::Starred { .. }) {
                return self.raise_invalid("cannot use starred expression here", first.range);
            }
            return Ok(first);
        }
        self.expect(TokenKind::Comma)?;
        let mut elts = vec![first];
        while !self.at(TokenKind::Rpar) {
            elts.push(self.star_named_expression()?);
            if !self.eat(TokenKind::Comma) {
                break;
            }
        }
        self.expect(TokenKind::Rpar)?;
        let elts = self.alloc_slice(elts);
        Ok(self.expr(ExprKind::Tuple { elts, ctx: ExprContext::Load }, self.range_from(start)))
    }

    /// `[...]`: a list display or a list comprehension.
    fn list_atom(&mut self) -> PResult<Expr<'a>> {
        let start = self.start();
        self.bump();
        if self.eat(TokenKind::Rsqb) {
            return Ok(self.expr(ExprKind::List { elts: &[], ctx: ExprContext::Load }, self.range_from(start)));
        }
        let first = self.star_named_expression()?;
        self.diag_starred_comprehension(&first)?;
        if matches!(self.peek(), TokenKind::For | TokenKind::Async) && !matches!(first.node, ExprKind::Starred { .. }) {
            let generators = self.comprehension_clauses()?;
            self.expect(TokenKind::Rsqb)?;
            let elt = self.alloc(first);
            return Ok(self.expr(ExprKind::ListComp { elt, generators }, self.range_from(start)));
        }
        let mut elts = vec![first];
        while self.eat(TokenKind::Comma) {
            if self.at(TokenKind::Rsqb) {
                break;
            }
            if self.diag && matches!(self.peek(), TokenKind::For | TokenKind::Async) {
                return self.diag_comprehension_target(&elts);
            }
            elts.push(self.star_named_expression()?);
        }
        if self.diag && elts.len() > 1 && matches!(self.peek(), TokenKind::For | TokenKind::Async) {
            return self.diag_comprehension_target(&elts);
        }
        self.expect(TokenKind::Rsqb)?;
        let elts = self.alloc_slice(elts);
        Ok(self.expr(ExprKind::List { elts, ctx: ExprContext::Load }, self.range_from(start)))
    }

    /// `{...}`: a dict or set display, or a dict or set comprehension.
    fn brace_atom(&mut self) -> PResult<Expr<'a>> {
        let start = self.start();
        self.bump();
        if self.eat(TokenKind::Rbrace) {
            return Ok(self.expr(ExprKind::Dict { keys: &[], values: &[] }, self.range_from(start)));
        }
        let mut keys = Vec::new();
        let mut values = Vec::new();
        // The first item decides between a dict and a set.
        if self.at(TokenKind::DoubleStar) {
            let star = self.bump();
            values.push(self.bitwise_or()?);
            keys.push(None);
            if self.diag && matches!(self.peek(), TokenKind::For | TokenKind::Async) {
                return self.raise("dict unpacking cannot be used in dict comprehension", star.range);
            }
        } else {
            let start_pos = self.pos;
            let first = self.star_named_expression()?;
            if !self.at(TokenKind::Colon) || matches!(first.node, ExprKind::Starred { .. }) {
                return self.set_rest(start, first);
            }
            if matches!(first.node, ExprKind::NamedExpr { .. }) && !self.parenthesized(&first, start_pos) {
                return Err(Fail);
            }
            let colon = self.bump();
            if self.diag {
                self.diag_dict_value(colon)?;
            }
            let value = self.expression()?;
            if matches!(self.peek(), TokenKind::For | TokenKind::Async) {
                let generators = self.comprehension_clauses()?;
                self.expect(TokenKind::Rbrace)?;
                let (key, value) = (self.alloc(first), self.alloc(value));
                return Ok(self.expr(ExprKind::DictComp { key, value, generators }, self.range_from(start)));
            }
            keys.push(Some(first));
            values.push(value);
        }
        while self.eat(TokenKind::Comma) {
            if self.at(TokenKind::Rbrace) {
                break;
            }
            if self.eat(TokenKind::DoubleStar) {
                values.push(self.bitwise_or()?);
                keys.push(None);
            } else {
                let diag = std::mem::replace(&mut self.diag, false);
                let key = self.expression();
                self.diag = diag;
                let key = key?;
                if self.diag && !self.at(TokenKind::Colon) {
                    // `invalid_kvpair`: CPython's odd position (the key's last column, no end).
                    let mut e = crate::error::SyntaxError::syntax(
                        "':' expected after dictionary key",
                        self.src,
                        TextRange::new(key.range.end - 1, key.range.end - 1),
                    );
                    e.end_offset = 0;
                    if self.error.is_none() {
                        self.error = Some(e);
                    }
                    return Err(Fail);
                }
                let colon = self.expect(TokenKind::Colon)?;
                if self.diag {
                    self.diag_dict_value(colon)?;
                }
                values.push(self.expression()?);
                keys.push(Some(key));
            }
        }
        self.expect(TokenKind::Rbrace)?;
        let (keys, values) = (self.alloc_slice(keys), self.alloc_slice(values));
        Ok(self.expr(ExprKind::Dict { keys, values }, self.range_from(start)))
    }

    /// `invalid_kvpair` after `key:`: a missing or starred value.
    fn diag_dict_value(&mut self, colon: crate::token::Token) -> PResult<()> {
        match self.peek() {
            TokenKind::Rbrace | TokenKind::Comma => {
                self.raise("expression expected after dictionary key and ':'", colon.range)
            }
            TokenKind::Star => {
                let star = self.cur();
                let saved = self.checkpoint();
                self.bump();
                self.speculating += 1;
                let operand = self.bitwise_or();
                self.speculating -= 1;
                self.rewind(saved);
                let Ok(operand) = operand else { return Ok(()) };
                let msg = if star.kind == TokenKind::Star {
                    "cannot use a starred expression in a dictionary value"
                } else {
                    "cannot use dict unpacking in a dictionary value"
                };
                self.raise(msg, TextRange::new(star.range.start, operand.range.end))
            }
            _ => Ok(()),
        }
    }

    fn set_rest(&mut self, start: u32, first: Expr<'a>) -> PResult<Expr<'a>> {
        self.diag_starred_comprehension(&first)?;
        if matches!(self.peek(), TokenKind::For | TokenKind::Async) && !matches!(first.node, ExprKind::Starred { .. }) {
            let generators = self.comprehension_clauses()?;
            self.expect(TokenKind::Rbrace)?;
            let elt = self.alloc(first);
            return Ok(self.expr(ExprKind::SetComp { elt, generators }, self.range_from(start)));
        }
        let mut elts = vec![first];
        while self.eat(TokenKind::Comma) {
            if self.at(TokenKind::Rbrace) {
                break;
            }
            if self.diag && matches!(self.peek(), TokenKind::For | TokenKind::Async) {
                return self.diag_comprehension_target(&elts);
            }
            elts.push(self.star_named_expression()?);
        }
        if self.diag && elts.len() > 1 && matches!(self.peek(), TokenKind::For | TokenKind::Async) {
            return self.diag_comprehension_target(&elts);
        }
        self.expect(TokenKind::Rbrace)?;
        let elts = self.alloc_slice(elts);
        Ok(self.expr(ExprKind::Set { elts }, self.range_from(start)))
    }

    /// `invalid_comprehension`: `[*a for ...]`.
    pub(crate) fn diag_starred_comprehension(&mut self, first: &Expr<'a>) -> PResult<()> {
        if self.diag
            && matches!(first.node, ExprKind::Starred { .. })
            && matches!(self.peek(), TokenKind::For | TokenKind::Async)
        {
            return self.raise("iterable unpacking cannot be used in comprehension", first.range);
        }
        Ok(())
    }

    /// `invalid_comprehension`: `[a, b for ...]` / `{a, for ...}` (the current token is `for`).
    fn diag_comprehension_target(&mut self, elts: &[Expr<'a>]) -> PResult<Expr<'a>> {
        let saved = self.checkpoint();
        self.speculating += 1;
        let clauses = self.comprehension_clauses();
        self.speculating -= 1;
        self.rewind(saved);
        if clauses.is_err() {
            return Err(Fail);
        }
        let start = elts[0].range.start;
        let end = if elts.len() > 1 { elts[elts.len() - 1].range.end } else { self.prev_end };
        self.raise("did you forget parentheses around the comprehension target?", TextRange::new(start, end))
    }

    /// `for_if_clauses`: `(['async'] 'for' star_targets 'in' disjunction ('if' disjunction)*)+`.
    pub(crate) fn comprehension_clauses(&mut self) -> PResult<&'a [Comprehension<'a>]> {
        let mut clauses = Vec::new();
        while matches!(self.peek(), TokenKind::For | TokenKind::Async) {
            let is_async = self.eat(TokenKind::Async);
            self.expect(TokenKind::For)?;
            let target_pos = self.checkpoint();
            self.speculating += u32::from(self.diag);
            let target = self.star_targets();
            self.speculating -= u32::from(self.diag);
            let target = match target {
                Ok(t) if self.at(TokenKind::In) => t,
                other => {
                    if self.diag && self.error.is_none() {
                        self.diag_for_if_clause(target_pos)?;
                        self.diag_for_target(target_pos)?;
                    }
                    other?;
                    return Err(Fail);
                }
            };
            self.expect(TokenKind::In)?;
            let iter = self.disjunction()?;
            let mut ifs = Vec::new();
            while self.eat(TokenKind::If) {
                ifs.push(self.disjunction()?);
            }
            clauses.push(Comprehension { target, iter, ifs: self.alloc_slice(ifs), is_async });
        }
        Ok(self.alloc_slice(clauses))
    }

    /// `yield_expr`: `'yield' 'from' expression | 'yield' [star_expressions]`.
    pub(crate) fn yield_expr(&mut self) -> PResult<Expr<'a>> {
        let start = self.start();
        self.expect(TokenKind::Yield)?;
        if self.eat(TokenKind::From) {
            let value = self.expression()?;
            let value = self.alloc(value);
            return Ok(self.expr(ExprKind::YieldFrom { value }, self.range_from(start)));
        }
        let value = if starts_expression(self.peek()) {
            let v = self.star_expressions()?;
            Some(self.alloc(v))
        } else {
            None
        };
        Ok(self.expr(ExprKind::Yield { value }, self.range_from(start)))
    }

    // ----- assignment targets -----

    /// `star_targets`: targets separated by commas, a `Tuple` (Store) when there is a comma.
    pub(crate) fn star_targets(&mut self) -> PResult<Expr<'a>> {
        let start = self.start();
        let first = self.star_target()?;
        if !self.at(TokenKind::Comma) {
            return Ok(first);
        }
        let mut elts = vec![first];
        while self.eat(TokenKind::Comma) {
            if !matches!(self.peek(), TokenKind::Name | TokenKind::Lpar | TokenKind::Lsqb | TokenKind::Star) {
                break;
            }
            elts.push(self.star_target()?);
        }
        let elts = self.alloc_slice(elts);
        Ok(self.expr(ExprKind::Tuple { elts, ctx: ExprContext::Store }, self.range_from(start)))
    }

    fn star_target(&mut self) -> PResult<Expr<'a>> {
        if self.at(TokenKind::Star) {
            let start = self.start();
            self.bump();
            if self.at(TokenKind::Star) {
                return Err(Fail);
            }
            let value = self.star_target()?;
            let value = self.alloc(value);
            return Ok(self.expr(ExprKind::Starred { value, ctx: ExprContext::Store }, self.range_from(start)));
        }
        let e = self.primary()?;
        self.as_target(&e, ExprContext::Store)
    }

    /// `e` with the context of an assignment (or `del`) target, or a specific error when it
    /// cannot be one.
    pub(crate) fn as_target(&mut self, e: &Expr<'a>, ctx: ExprContext) -> PResult<Expr<'a>> {
        match self.set_context(e, ctx) {
            Ok(t) => Ok(t),
            Err(_) if !self.diag => Err(Fail),
            Err(bad) => {
                let what = expr_name(bad);
                let msg = if ctx == ExprContext::Del {
                    format!("cannot delete {what}")
                } else {
                    format!("cannot assign to {what}")
                };
                let range = bad.range;
                self.raise(msg, range)
            }
        }
    }

    /// Rebuilds `e` with context `ctx`; `Err` is the first sub-expression that cannot be a target.
    pub(crate) fn set_context<'e>(&self, e: &'e Expr<'a>, ctx: ExprContext) -> Result<Expr<'a>, &'e Expr<'a>> {
        let node = match &e.node {
            ExprKind::Name { id, .. } => ExprKind::Name { id, ctx },
            ExprKind::Attribute { value, attr, .. } => ExprKind::Attribute { value, attr, ctx },
            ExprKind::Subscript { value, slice, .. } => ExprKind::Subscript { value, slice, ctx },
            ExprKind::Starred { value, .. } if ctx != ExprContext::Del => {
                let inner = self.set_context(value, ctx)?;
                ExprKind::Starred { value: self.alloc(inner), ctx }
            }
            ExprKind::Tuple { elts, .. } | ExprKind::List { elts, .. } => {
                let mut out = Vec::with_capacity(elts.len());
                for elt in elts.iter() {
                    out.push(self.set_context(elt, ctx)?);
                }
                let elts = self.alloc_slice(out);
                if matches!(e.node, ExprKind::Tuple { .. }) {
                    ExprKind::Tuple { elts, ctx }
                } else {
                    ExprKind::List { elts, ctx }
                }
            }
            _ => return Err(e),
        };
        Ok(Expr { node, range: e.range })
    }
}

/// How CPython's error messages name an expression (`_PyPegen_get_expr_name`).
pub(crate) fn expr_name(e: &Expr<'_>) -> &'static str {
    match &e.node {
        ExprKind::Attribute { .. } => "attribute",
        ExprKind::Subscript { .. } => "subscript",
        ExprKind::Starred { .. } => "starred",
        ExprKind::Name { .. } => "name",
        ExprKind::List { .. } => "list",
        ExprKind::Tuple { .. } => "tuple",
        ExprKind::Lambda { .. } => "lambda",
        ExprKind::Call { .. } => "function call",
        ExprKind::BoolOp { .. } | ExprKind::BinOp { .. } | ExprKind::UnaryOp { .. } => "expression",
        ExprKind::GeneratorExp { .. } => "generator expression",
        ExprKind::Yield { .. } | ExprKind::YieldFrom { .. } => "yield expression",
        ExprKind::Await { .. } => "await expression",
        ExprKind::ListComp { .. } => "list comprehension",
        ExprKind::SetComp { .. } => "set comprehension",
        ExprKind::DictComp { .. } => "dict comprehension",
        ExprKind::Dict { .. } => "dict literal",
        ExprKind::Set { .. } => "set display",
        ExprKind::JoinedStr { .. } | ExprKind::FormattedValue { .. } => "f-string expression",
        ExprKind::Constant { value, .. } => match value {
            Constant::None => "None",
            Constant::Bool(true) => "True",
            Constant::Bool(false) => "False",
            Constant::Ellipsis => "ellipsis",
            _ => "literal",
        },
        ExprKind::Compare { .. } => "comparison",
        ExprKind::IfExp { .. } => "conditional expression",
        ExprKind::NamedExpr { .. } => "named expression",
        ExprKind::Slice { .. } => "slice",
    }
}
