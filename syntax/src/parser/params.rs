//! Parameter lists (`def` and `lambda`) and argument lists (calls and class bases).
//!
//! Parameters are read left to right by one loop that tracks which section it is in
//! (positional-only before `/`, positional, keyword-only after `*` or `*args`, then `**kwargs`)
//! rather than by the grammar's many alternatives; the section rules the grammar encodes
//! (no `/` after `*`, no default-less positional parameter after one with a default, ...)
//! are checked as the loop goes, with CPython's messages.
//!
//! Arguments follow `args` / `kwargs`: positional and `*starred` arguments go to `args`,
//! `name=value` and `**mapping` to `keywords`, in source order; a generator expression
//! without its own parentheses is allowed as the only argument.

use super::expr::starts_expression;
use super::{Fail, PResult, Parser};
use crate::ast::*;
use crate::token::{TextRange, TokenKind};

impl<'src, 'a> Parser<'src, 'a> {
    /// A parameter list up to (not including) `)` for `def` or `:` for `lambda`.
    pub(crate) fn parameters(&mut self, annotations: bool) -> PResult<Arguments<'a>> {
        let end = if annotations { TokenKind::Rpar } else { TokenKind::Colon };
        let mut positional: Vec<Arg<'a>> = Vec::new();
        let mut posonly = 0usize;
        let mut defaults: Vec<Expr<'a>> = Vec::new();
        let mut vararg = None;
        let mut kwonly: Vec<Arg<'a>> = Vec::new();
        let mut kw_defaults: Vec<Option<Expr<'a>>> = Vec::new();
        let mut kwarg = None;
        let mut seen_slash = false;
        let mut seen_star = false;
        while !self.at(end) {
            match self.peek() {
                TokenKind::Slash => {
                    let t = self.bump();
                    if seen_star {
                        return self.raise_invalid("/ must be ahead of *", t.range);
                    }
                    if seen_slash {
                        return self.raise_invalid("/ may appear only once", t.range);
                    }
                    if positional.is_empty() {
                        if self.diag && self.at(TokenKind::Comma) {
                            return self.raise_invalid("at least one argument must precede /", t.range);
                        }
                        return Err(Fail);
                    }
                    if self.diag && self.at(TokenKind::Star) {
                        let at = self.cur().range;
                        return self.raise("expected comma between / and *", at);
                    }
                    seen_slash = true;
                    posonly = positional.len();
                }
                TokenKind::Lpar if self.diag => {
                    // `invalid_parameters`: `'(' param_no_default+ ','? ')'`.
                    let lpar = self.bump();
                    while self.eat(TokenKind::Name) {
                        if !self.eat(TokenKind::Comma) {
                            break;
                        }
                    }
                    if self.at(TokenKind::Rpar) && self.pos > self.token_index_at(lpar.range.end) {
                        let rpar = self.bump();
                        let msg = if annotations {
                            "Function parameters cannot be parenthesized"
                        } else {
                            "Lambda expression parameters cannot be parenthesized"
                        };
                        return self.raise(msg, TextRange::new(lpar.range.start, rpar.range.end));
                    }
                    return Err(Fail);
                }
                TokenKind::Star => {
                    let t = self.bump();
                    if seen_star {
                        if self.diag && matches!(self.peek(), TokenKind::Name | TokenKind::Comma) {
                            return self.raise_invalid("* argument may appear only once", t.range);
                        }
                        return Err(Fail);
                    }
                    seen_star = true;
                    if self.at(TokenKind::Comma) || self.at(end) {
                        // A bare `*`: keyword-only parameters must follow.
                        if self.at(end) || matches!(self.nth(1), TokenKind::DoubleStar) || self.nth(1) == end {
                            if !annotations {
                                return self.raise_here("named arguments must follow bare *");
                            }
                            return self.raise_invalid("named arguments must follow bare *", t.range);
                        }
                    } else {
                        let v = self.param(annotations, true)?;
                        vararg = Some(self.alloc(v));
                        if self.at(TokenKind::Equal) {
                            let at = self.cur().range;
                            return self.raise_invalid("var-positional argument cannot have default value", at);
                        }
                    }
                }
                TokenKind::DoubleStar => {
                    self.bump();
                    let k = self.param(annotations, false)?;
                    kwarg = Some(self.alloc(k));
                    if self.at(TokenKind::Equal) {
                        let at = self.cur().range;
                        return self.raise_invalid("var-keyword argument cannot have default value", at);
                    }
                    self.eat(TokenKind::Comma);
                    if !self.at(end) {
                        let at = self.cur().range;
                        return self.raise_invalid("arguments cannot follow var-keyword argument", at);
                    }
                    break;
                }
                TokenKind::Name => {
                    let arg = self.param(annotations, false)?;
                    let default = if self.at(TokenKind::Equal) {
                        let eq = self.bump();
                        if self.diag && (self.at(TokenKind::Comma) || (annotations && self.at(end))) {
                            return self.raise("expected default value expression", eq.range);
                        }
                        Some(self.expression()?)
                    } else {
                        None
                    };
                    if seen_star {
                        kwonly.push(arg);
                        kw_defaults.push(default);
                    } else {
                        match default {
                            Some(d) => defaults.push(d),
                            None if !defaults.is_empty() => {
                                return self
                                    .raise("parameter without a default follows parameter with a default", arg.range);
                            }
                            None => {}
                        }
                        positional.push(arg);
                    }
                }
                _ => return Err(Fail),
            }
            if !self.eat(TokenKind::Comma) {
                break;
            }
        }
        let args = positional.split_off(posonly);
        Ok(Arguments {
            posonlyargs: self.alloc_slice(positional),
            args: self.alloc_slice(args),
            vararg,
            kwonlyargs: self.alloc_slice(kwonly),
            kw_defaults: self.alloc_slice(kw_defaults),
            kwarg,
            defaults: self.alloc_slice(defaults),
        })
    }

    /// `NAME [':' annotation]`; `*args` may be annotated with a starred expression.
    fn param(&mut self, annotations: bool, star: bool) -> PResult<Arg<'a>> {
        let (arg, t) = self.expect_name()?;
        let mut annotation = None;
        if annotations && self.eat(TokenKind::Colon) {
            let e =
                if star && self.at(TokenKind::Star) { self.starred(|p| p.expression())? } else { self.expression()? };
            annotation = Some(self.alloc(e));
        }
        Ok(Arg { arg, annotation, type_comment: None, range: self.range_from(t.range.start) })
    }

    /// `invalid_kwarg` and the `invalid_arguments` alternatives about `=` (second pass), at the
    /// start of an argument.
    fn diag_kwarg(&mut self) -> PResult<()> {
        let t = self.cur();
        // `('True'|'False'|'None') '='`.
        if matches!(t.kind, TokenKind::True | TokenKind::False | TokenKind::None) && self.nth(1) == TokenKind::Equal {
            let eq = self.tokens[self.pos + 1];
            let msg = format!("cannot assign to {}", self.text(t));
            return self.raise(msg, TextRange::new(t.range.start, eq.range.end));
        }
        if t.kind == TokenKind::Name && self.nth(1) == TokenKind::Equal {
            let eq = self.tokens[self.pos + 1];
            // `NAME '=' &(',' | ')')`.
            if matches!(self.nth(2), TokenKind::Comma | TokenKind::Rpar) {
                return self.raise("expected argument value expression", TextRange::new(t.range.start, eq.range.end));
            }
            // `NAME '=' expression for_if_clauses`.
            let saved = self.checkpoint();
            self.bump();
            self.bump();
            self.speculating += 1;
            let value = self.expression();
            self.speculating -= 1;
            let genexp = value.is_ok() && matches!(self.peek(), TokenKind::For | TokenKind::Async);
            self.rewind(saved);
            if genexp {
                let msg = "invalid syntax. Maybe you meant '==' or ':=' instead of '='?";
                return self.raise(msg, TextRange::new(t.range.start, eq.range.end));
            }
            return Ok(());
        }
        let saved = self.checkpoint();
        self.speculating += 1;
        let diag = std::mem::replace(&mut self.diag, false);
        let star = self.at(TokenKind::Star) || self.at(TokenKind::DoubleStar);
        let double = self.at(TokenKind::DoubleStar);
        if star {
            self.bump();
        }
        let a = self.expression();
        let eq = self.cur();
        let mut b = None;
        if a.is_ok() && eq.kind == TokenKind::Equal && star {
            self.bump();
            b = self.expression().ok();
        }
        self.diag = diag;
        self.speculating -= 1;
        self.rewind(saved);
        let Ok(a) = a else { return Ok(()) };
        if eq.kind != TokenKind::Equal {
            return Ok(());
        }
        match (star, b) {
            // `'**' expression '=' b=expression` / `'*' expression '=' b=expression`.
            (true, Some(b)) => {
                let msg = if double {
                    "cannot assign to keyword argument unpacking"
                } else {
                    "cannot assign to iterable argument unpacking"
                };
                self.raise(msg, TextRange::new(t.range.start, b.range.end))
            }
            (true, None) => Ok(()),
            // `!(NAME '=') a=expression b='='`.
            (false, _) => {
                let msg = "expression cannot contain assignment, perhaps you meant \"==\"?";
                self.raise(msg, TextRange::new(a.range.start, eq.range.end))
            }
        }
    }

    /// A call's arguments: the current token is `(`. Returns the `Call` (range from `start`).
    pub(crate) fn call(&mut self, func: &'a Expr<'a>, start: u32) -> PResult<Expr<'a>> {
        let lpar = self.bump();
        let (args, keywords) = self.arguments(Some(lpar.range.start))?;
        self.expect(TokenKind::Rpar)?;
        Ok(self.expr(ExprKind::Call { func, args, keywords }, self.range_from(start)))
    }

    /// Arguments up to (not including) `)`. `genexp_start` is where the `(` is, for a bare
    /// generator expression argument (whose range includes the call's parentheses).
    #[allow(clippy::type_complexity)]
    pub(crate) fn arguments(&mut self, genexp_start: Option<u32>) -> PResult<(&'a [Expr<'a>], &'a [Keyword<'a>])> {
        let mut args = Vec::new();
        let mut keywords: Vec<Keyword<'a>> = Vec::new();
        let mut seen_double_star = false;
        while !self.at(TokenKind::Rpar) {
            let start = self.start();
            if self.diag {
                self.diag_kwarg()?;
            }
            match self.peek() {
                TokenKind::Star => {
                    let comma = self.tokens[self.pos.saturating_sub(1)];
                    let e = self.starred(|p| p.expression())?;
                    self.diag_starred_comprehension(&e)?;
                    if seen_double_star {
                        if !self.diag {
                            return Err(Fail);
                        }
                        // `a=',' ','.(starred_expression !'=')+`: from the comma to the cursor.
                        while self.at(TokenKind::Comma) && self.nth(1) == TokenKind::Star {
                            self.bump();
                            self.speculating += 1;
                            let more = self.starred(|p| p.expression());
                            self.speculating -= 1;
                            if more.is_err() {
                                break;
                            }
                        }
                        self.peek();
                        let msg = "iterable argument unpacking follows keyword argument unpacking";
                        return self.raise_from_to_cursor(msg, comma.range.start);
                    }
                    args.push(e);
                }
                TokenKind::DoubleStar => {
                    self.bump();
                    let value = self.expression()?;
                    seen_double_star = true;
                    keywords.push(Keyword { arg: None, value, range: self.range_from(start) });
                }
                TokenKind::Name if self.nth(1) == TokenKind::Equal => {
                    let (name, _) = self.expect_name()?;
                    self.bump();
                    let value = self.expression()?;
                    keywords.push(Keyword { arg: Some(name), value, range: self.range_from(start) });
                }
                _ => {
                    let e = self.named_expression_arg()?;
                    if genexp_start.is_none() && matches!(self.peek(), TokenKind::For | TokenKind::Async) {
                        // Class bases take no generator expression at all.
                        return Err(Fail);
                    }
                    if matches!(self.peek(), TokenKind::For | TokenKind::Async) {
                        let generators = self.comprehension_clauses()?;
                        let elt = self.alloc(e);
                        let only = args.is_empty() && keywords.is_empty() && self.at(TokenKind::Rpar);
                        let Some(gstart) = genexp_start.filter(|_| only) else {
                            if genexp_start.is_none() {
                                // Class bases take no generator expression at all.
                                return Err(Fail);
                            }
                            let range = TextRange::new(start, self.prev_end);
                            // CPython reads the next argument first (a tokenizer error there wins).
                            self.nth(1);
                            return self.raise_invalid("Generator expression must be parenthesized", range);
                        };
                        let end = self.cur().range.end;
                        args.push(self.expr(ExprKind::GeneratorExp { elt, generators }, TextRange::new(gstart, end)));
                        break;
                    }
                    if !keywords.is_empty() {
                        let msg = if seen_double_star {
                            "positional argument follows keyword argument unpacking"
                        } else {
                            "positional argument follows keyword argument"
                        };
                        if !self.diag {
                            return Err(Fail);
                        }
                        // `a=args ',' args`: reported at the cursor, after the rest of the
                        // arguments.
                        self.speculating += 1;
                        while self.eat(TokenKind::Comma) {
                            let ok = match self.peek() {
                                TokenKind::Star => self.starred(|p| p.expression()).is_ok(),
                                TokenKind::DoubleStar => {
                                    self.bump();
                                    self.expression().is_ok()
                                }
                                TokenKind::Name if self.nth(1) == TokenKind::Equal => {
                                    self.bump();
                                    self.bump();
                                    self.expression().is_ok()
                                }
                                _ => self.named_expression_arg().is_ok(),
                            };
                            if !ok {
                                break;
                            }
                        }
                        self.speculating -= 1;
                        self.peek();
                        return self.raise_here(msg);
                    }
                    args.push(e);
                }
            }
            if !self.eat(TokenKind::Comma) {
                break;
            }
            if !starts_expression(self.peek()) && !self.at(TokenKind::DoubleStar) {
                break;
            }
        }
        Ok((self.alloc_slice(args), self.alloc_slice(keywords)))
    }
}
