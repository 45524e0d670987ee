//! `match` patterns (PEP 634): the `patterns` rules of `python.gram`.
//!
//! `case a, *b:` is an open sequence (`MatchSequence`); otherwise a pattern is an or-pattern
//! (`a | b`, `MatchOr` when there is more than one alternative) optionally followed by
//! `as name` (`MatchAs`). Closed patterns are chosen by their first token: numbers and strings
//! (`MatchValue`, with `-1` and `1 + 2j` as `UnaryOp`/`BinOp` values), `None`/`True`/`False`
//! (`MatchSingleton`), `_` (the wildcard, `MatchAs()`), a name (a capture, or with dots a value
//! pattern, or with `(` a class pattern), `(...)`/`[...]` (a group or a sequence) and `{...}`
//! (a mapping).

use super::{Fail, PResult, Parser};
use crate::ast::*;
use crate::literal;
use crate::token::{TextRange, TokenKind};

impl<'src, 'a> Parser<'src, 'a> {
    /// `patterns`: an open sequence pattern or one pattern.
    pub(crate) fn patterns(&mut self) -> PResult<Pattern<'a>> {
        let start = self.start();
        let first = self.maybe_star_pattern()?;
        if !self.at(TokenKind::Comma) {
            if let PatternKind::MatchStar { .. } = first.node {
                return Err(Fail);
            }
            return Ok(first);
        }
        let mut patterns = vec![first];
        while self.eat(TokenKind::Comma) {
            if matches!(self.peek(), TokenKind::Colon | TokenKind::If) {
                break;
            }
            patterns.push(self.maybe_star_pattern()?);
        }
        let patterns = self.alloc_slice(patterns);
        Ok(Pattern { node: PatternKind::MatchSequence { patterns }, range: self.range_from(start) })
    }

    fn maybe_star_pattern(&mut self) -> PResult<Pattern<'a>> {
        if self.at(TokenKind::Star) {
            let start = self.start();
            self.bump();
            let (name, _) = self.expect_name()?;
            let name = if name == "_" { None } else { Some(name) };
            return Ok(Pattern { node: PatternKind::MatchStar { name }, range: self.range_from(start) });
        }
        self.pattern()
    }

    /// `pattern`: `or_pattern ['as' NAME]`.
    fn pattern(&mut self) -> PResult<Pattern<'a>> {
        let start = self.start();
        let or = self.or_pattern()?;
        if !self.eat(TokenKind::As) {
            return Ok(or);
        }
        if self.diag && !self.at(TokenKind::Name) {
            // `invalid_as_pattern`: `or_pattern 'as' !NAME a=expression`.
            let e = self.expression()?;
            return self.raise("invalid pattern target", e.range);
        }
        let (name, t) = self.expect_name()?;
        if name == "_" {
            return self.raise_invalid("cannot use '_' as a target", t.range);
        }
        let pattern = Some(self.alloc(or));
        Ok(Pattern { node: PatternKind::MatchAs { pattern, name: Some(name) }, range: self.range_from(start) })
    }

    fn or_pattern(&mut self) -> PResult<Pattern<'a>> {
        let start = self.start();
        let first = self.closed_pattern()?;
        if !self.at(TokenKind::Vbar) {
            return Ok(first);
        }
        let mut patterns = vec![first];
        while self.eat(TokenKind::Vbar) {
            patterns.push(self.closed_pattern()?);
        }
        let patterns = self.alloc_slice(patterns);
        Ok(Pattern { node: PatternKind::MatchOr { patterns }, range: self.range_from(start) })
    }

    fn closed_pattern(&mut self) -> PResult<Pattern<'a>> {
        let start = self.start();
        let node = match self.peek() {
            TokenKind::None | TokenKind::True | TokenKind::False => {
                let value = match self.bump().kind {
                    TokenKind::None => Constant::None,
                    TokenKind::True => Constant::Bool(true),
                    _ => Constant::Bool(false),
                };
                PatternKind::MatchSingleton { value }
            }
            TokenKind::Int
            | TokenKind::Float
            | TokenKind::Complex
            | TokenKind::Minus
            | TokenKind::String
            | TokenKind::FStringStart => {
                let value = self.literal_expr()?;
                PatternKind::MatchValue { value: self.alloc(value) }
            }
            TokenKind::Name => {
                let (name, t) = self.expect_name()?;
                if !self.at(TokenKind::Dot) && !self.at(TokenKind::Lpar) {
                    let name = if name == "_" { None } else { Some(name) };
                    PatternKind::MatchAs { pattern: None, name }
                } else {
                    let mut e = self.expr(ExprKind::Name { id: name, ctx: ExprContext::Load }, t.range);
                    while self.eat(TokenKind::Dot) {
                        let (attr, _) = self.expect_name()?;
                        let value = self.alloc(e);
                        e = self
                            .expr(ExprKind::Attribute { value, attr, ctx: ExprContext::Load }, self.range_from(start));
                    }
                    if self.at(TokenKind::Lpar) {
                        let cls = self.alloc(e);
                        return self.nested(|p| p.class_pattern(cls, start));
                    }
                    PatternKind::MatchValue { value: self.alloc(e) }
                }
            }
            TokenKind::Lpar => return self.nested(|p| p.paren_pattern()),
            TokenKind::Lsqb => {
                self.bump();
                let patterns = self.nested(|p| p.pattern_list(TokenKind::Rsqb))?;
                self.expect(TokenKind::Rsqb)?;
                PatternKind::MatchSequence { patterns: self.alloc_slice(patterns) }
            }
            TokenKind::Lbrace => return self.nested(|p| p.mapping_pattern()),
            _ => return Err(Fail),
        };
        Ok(Pattern { node, range: self.range_from(start) })
    }

    /// Comma-separated `maybe_star_pattern`s up to `end` (trailing comma allowed).
    fn pattern_list(&mut self, end: TokenKind) -> PResult<Vec<Pattern<'a>>> {
        let mut patterns = Vec::new();
        while !self.at(end) {
            patterns.push(self.maybe_star_pattern()?);
            if !self.eat(TokenKind::Comma) {
                break;
            }
        }
        Ok(patterns)
    }

    /// `(pattern)` (a group: the inner pattern) or `(a, b)` / `()` (a sequence).
    fn paren_pattern(&mut self) -> PResult<Pattern<'a>> {
        let start = self.start();
        self.bump();
        if self.eat(TokenKind::Rpar) {
            return Ok(Pattern { node: PatternKind::MatchSequence { patterns: &[] }, range: self.range_from(start) });
        }
        let first = self.maybe_star_pattern()?;
        if self.eat(TokenKind::Rpar) {
            if let PatternKind::MatchStar { .. } = first.node {
                return Err(Fail);
            }
            return Ok(first);
        }
        self.expect(TokenKind::Comma)?;
        let mut patterns = vec![first];
        patterns.extend(self.pattern_list(TokenKind::Rpar)?);
        self.expect(TokenKind::Rpar)?;
        let patterns = self.alloc_slice(patterns);
        Ok(Pattern { node: PatternKind::MatchSequence { patterns }, range: self.range_from(start) })
    }

    fn mapping_pattern(&mut self) -> PResult<Pattern<'a>> {
        let start = self.start();
        self.bump();
        let mut keys = Vec::new();
        let mut patterns = Vec::new();
        let mut rest = None;
        while !self.at(TokenKind::Rbrace) {
            if self.eat(TokenKind::DoubleStar) {
                let (name, _) = self.expect_name()?;
                if name == "_" {
                    return Err(Fail);
                }
                rest = Some(name);
                self.eat(TokenKind::Comma);
                break;
            }
            let key = match self.peek() {
                TokenKind::Name => {
                    let kstart = self.start();
                    let (id, t) = self.expect_name()?;
                    let mut e = self.expr(ExprKind::Name { id, ctx: ExprContext::Load }, t.range);
                    if !self.at(TokenKind::Dot) {
                        return Err(Fail);
                    }
                    while self.eat(TokenKind::Dot) {
                        let (attr, _) = self.expect_name()?;
                        let value = self.alloc(e);
                        e = self
                            .expr(ExprKind::Attribute { value, attr, ctx: ExprContext::Load }, self.range_from(kstart));
                    }
                    e
                }
                TokenKind::None | TokenKind::True | TokenKind::False => {
                    let t = self.bump();
                    let value = match t.kind {
                        TokenKind::None => Constant::None,
                        TokenKind::True => Constant::Bool(true),
                        _ => Constant::Bool(false),
                    };
                    self.expr(ExprKind::Constant { value, kind: None }, t.range)
                }
                _ => self.literal_expr()?,
            };
            self.expect(TokenKind::Colon)?;
            keys.push(key);
            patterns.push(self.pattern()?);
            if !self.eat(TokenKind::Comma) {
                break;
            }
        }
        self.expect(TokenKind::Rbrace)?;
        let (keys, patterns) = (self.alloc_slice(keys), self.alloc_slice(patterns));
        Ok(Pattern { node: PatternKind::MatchMapping { keys, patterns, rest }, range: self.range_from(start) })
    }

    fn class_pattern(&mut self, cls: &'a Expr<'a>, start: u32) -> PResult<Pattern<'a>> {
        self.bump();
        let mut patterns = Vec::new();
        let mut kwd_attrs = Vec::new();
        let mut kwd_patterns = Vec::new();
        while !self.at(TokenKind::Rpar) {
            if self.at(TokenKind::Name) && self.nth(1) == TokenKind::Equal {
                let (name, _) = self.expect_name()?;
                self.bump();
                kwd_attrs.push(name);
                kwd_patterns.push(self.pattern()?);
            } else {
                let p = self.pattern()?;
                if !kwd_attrs.is_empty() {
                    if !self.diag {
                        return Err(Fail);
                    }
                    // Reported over all the positional patterns that follow.
                    let mut end = p.range.end;
                    self.speculating += 1;
                    while self.at(TokenKind::Comma)
                        && !(self.nth(1) == TokenKind::Name && self.nth(2) == TokenKind::Equal)
                    {
                        self.bump();
                        match self.pattern() {
                            Ok(q) => end = q.range.end,
                            Err(_) => break,
                        }
                    }
                    self.speculating -= 1;
                    return self
                        .raise("positional patterns follow keyword patterns", TextRange::new(p.range.start, end));
                }
                patterns.push(p);
            }
            if !self.eat(TokenKind::Comma) {
                break;
            }
        }
        self.expect(TokenKind::Rpar)?;
        let node = PatternKind::MatchClass {
            cls,
            patterns: self.alloc_slice(patterns),
            kwd_attrs: self.alloc_slice(kwd_attrs),
            kwd_patterns: self.alloc_slice(kwd_patterns),
        };
        Ok(Pattern { node, range: self.range_from(start) })
    }

    /// `signed_number`, `complex_number` (`1 + 2j`, `-1 - 2j`) or `strings`.
    fn literal_expr(&mut self) -> PResult<Expr<'a>> {
        if matches!(self.peek(), TokenKind::String | TokenKind::FStringStart) {
            // An f-string parses (as CPython's `ast.parse` accepts it); the compiler rejects it.
            return self.strings();
        }
        let start = self.start();
        let skip = usize::from(self.at(TokenKind::Minus));
        let real_token = self.tokens[(self.pos + skip).min(self.tokens.len() - 1)];
        let real = self.signed_number()?;
        if !matches!(self.peek(), TokenKind::Plus | TokenKind::Minus) {
            return Ok(real);
        }
        if real_token.kind == TokenKind::Complex {
            return self.raise("real number required in complex literal", real_token.range);
        }
        let op = if self.bump().kind == TokenKind::Plus { Operator::Add } else { Operator::Sub };
        if matches!(self.peek(), TokenKind::Int | TokenKind::Float) {
            let t = self.cur();
            return self.raise("imaginary number required in complex literal", t.range);
        }
        let t = self.expect(TokenKind::Complex)?;
        let imag = self.expr(ExprKind::Constant { value: literal::complex_value(self.text(t)), kind: None }, t.range);
        let (left, right) = (self.alloc(real), self.alloc(imag));
        Ok(self.expr(ExprKind::BinOp { left, op, right }, self.range_from(start)))
    }

    fn signed_number(&mut self) -> PResult<Expr<'a>> {
        let start = self.start();
        let negative = self.eat(TokenKind::Minus);
        self.peek();
        let t = self.cur();
        let value = match t.kind {
            TokenKind::Int => {
                self.check_int_length(t)?;
                literal::int_value(self.text(t), self.arena)
            }
            TokenKind::Float => Constant::Float(literal::float_value(self.text(t))),
            TokenKind::Complex => literal::complex_value(self.text(t)),
            _ => return Err(Fail),
        };
        self.bump();
        let number = self.expr(ExprKind::Constant { value, kind: None }, t.range);
        if !negative {
            return Ok(number);
        }
        let operand = self.alloc(number);
        Ok(self.expr(ExprKind::UnaryOp { op: UnaryOp::USub, operand }, self.range_from(start)))
    }
}
