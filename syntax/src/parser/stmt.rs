//! Statements: `statement`, `simple_stmts`, `block` and every compound statement of
//! `python.gram`.
//!
//! A statement is compound when its first token says so (`def`, `@`, `class`, `if`, `while`,
//! `for`, `try`, `with`, `async def/for/with`), or when it is the soft keyword `match` and a
//! speculative parse of `match subject:` NEWLINE succeeds; everything else is a line of simple
//! statements separated by `;`. Expression statements, assignments (`a = b = c`), augmented and
//! annotated assignments share a start: the left side is parsed as `star_expressions` and the
//! token after it decides, the targets then being converted to `Store` context (or rejected).
//! `elif` chains are built with a loop, innermost last, so long chains do not recurse.

use super::diagnose::TargetsType;
use super::expr::starts_expression;
use super::{Fail, PResult, Parser};
use crate::ast::*;
use crate::error::SyntaxErrorKind;
use crate::token::{TextRange, TokenKind};

impl<'src, 'a> Parser<'src, 'a> {
    /// Parses one statement (or a line of simple statements) into `out`; returns whether it
    /// was a compound statement.
    pub(crate) fn statement(&mut self, out: &mut Vec<Stmt<'a>>) -> PResult<bool> {
        let compound = match self.peek() {
            TokenKind::Def | TokenKind::At | TokenKind::Class => Some(self.decorated()?),
            TokenKind::If => Some(self.if_stmt()?),
            TokenKind::While => Some(self.while_stmt()?),
            TokenKind::For => Some(self.for_stmt(None)?),
            TokenKind::Try => Some(self.try_stmt()?),
            TokenKind::With => Some(self.with_stmt(None)?),
            TokenKind::Async => {
                let start = self.start();
                match self.nth(1) {
                    TokenKind::Def => Some(self.decorated()?),
                    TokenKind::For => {
                        self.bump();
                        Some(self.for_stmt(Some(start))?)
                    }
                    TokenKind::With => {
                        self.bump();
                        Some(self.with_stmt(Some(start))?)
                    }
                    _ => return Err(Fail),
                }
            }
            TokenKind::Name if self.at_soft("match") => self.match_stmt()?,
            _ => None,
        };
        match compound {
            Some(s) => {
                out.push(s);
                Ok(true)
            }
            None => {
                self.simple_stmts(out)?;
                Ok(false)
            }
        }
    }

    /// `simple_stmt (';' simple_stmt)* [';'] NEWLINE`.
    fn simple_stmts(&mut self, out: &mut Vec<Stmt<'a>>) -> PResult<()> {
        loop {
            out.push(self.simple_stmt()?);
            if self.eat(TokenKind::Semi) {
                if self.at(TokenKind::Newline) {
                    break;
                }
                continue;
            }
            break;
        }
        self.expect(TokenKind::Newline)?;
        Ok(())
    }

    /// `block`: an indented suite, or simple statements on the same line. `what` and `line`
    /// name the statement for the "expected an indented block" error.
    pub(crate) fn block(&mut self, what: &str, line_of: u32) -> PResult<&'a [Stmt<'a>]> {
        let mut body = Vec::new();
        if self.eat(TokenKind::Newline) {
            if !self.at(TokenKind::Indent) {
                if !self.diag {
                    return Err(Fail);
                }
                // `RAISE_INDENTATION_ERROR`: at the token looked at after the NEWLINE.
                let line = super::diagnose::line_of(self.src, line_of);
                let msg = format!("expected an indented block after {what} on line {line}");
                let t = self.cur();
                if self.error.is_none() && !self.reached_lex_error() {
                    self.error = Some(self.error_at_token(SyntaxErrorKind::IndentationError, msg, t));
                }
                return Err(Fail);
            }
            self.bump();
            while !self.at(TokenKind::Dedent) {
                if self.at(TokenKind::EndOfFile) {
                    return Err(Fail);
                }
                self.statement(&mut body)?;
            }
            self.bump();
        } else {
            self.simple_stmts(&mut body)?;
        }
        Ok(self.alloc_slice(body))
    }

    fn stmt(&self, node: StmtKind<'a>, start: u32) -> Stmt<'a> {
        Stmt { node, range: self.range_from(start) }
    }

    fn simple_stmt(&mut self) -> PResult<Stmt<'a>> {
        let start = self.start();
        let node = match self.peek() {
            TokenKind::Pass => {
                self.bump();
                StmtKind::Pass
            }
            TokenKind::Break => {
                self.bump();
                StmtKind::Break
            }
            TokenKind::Continue => {
                self.bump();
                StmtKind::Continue
            }
            TokenKind::Return => {
                self.bump();
                let value = if starts_expression(self.peek()) {
                    let v = self.star_expressions()?;
                    Some(self.alloc(v))
                } else {
                    None
                };
                StmtKind::Return { value }
            }
            TokenKind::Raise => {
                self.bump();
                let mut exc = None;
                let mut cause = None;
                if starts_expression(self.peek()) {
                    let e = self.expression()?;
                    exc = Some(self.alloc(e));
                    if self.eat(TokenKind::From) {
                        let c = self.expression()?;
                        cause = Some(self.alloc(c));
                    }
                }
                StmtKind::Raise { exc, cause }
            }
            TokenKind::Global | TokenKind::Nonlocal => {
                let global = self.bump().kind == TokenKind::Global;
                let mut names = Vec::new();
                loop {
                    names.push(self.expect_name()?.0);
                    if !self.eat(TokenKind::Comma) {
                        break;
                    }
                }
                let names = self.alloc_slice(names);
                if global { StmtKind::Global { names } } else { StmtKind::Nonlocal { names } }
            }
            TokenKind::Del => {
                self.bump();
                if self.diag {
                    self.diag_del()?;
                }
                let mut targets = Vec::new();
                loop {
                    let e = self.primary()?;
                    targets.push(self.as_target(&e, ExprContext::Del)?);
                    if !self.eat(TokenKind::Comma) || !starts_expression(self.peek()) {
                        break;
                    }
                }
                if !matches!(self.peek(), TokenKind::Newline | TokenKind::Semi) {
                    return Err(Fail);
                }
                StmtKind::Delete { targets: self.alloc_slice(targets) }
            }
            TokenKind::Assert => {
                self.bump();
                let test = self.expression()?;
                let test = self.alloc(test);
                let msg = if self.eat(TokenKind::Comma) {
                    let m = self.expression()?;
                    Some(self.alloc(m))
                } else {
                    None
                };
                StmtKind::Assert { test, msg }
            }
            TokenKind::Import => self.import()?,
            TokenKind::From => self.import_from()?,
            TokenKind::Name if self.at_soft("type") && self.nth(1) == TokenKind::Name => self.type_alias()?,
            _ => return self.expr_or_assignment(),
        };
        Ok(self.stmt(node, start))
    }

    /// `invalid_del_stmt`: `'del' a=star_expressions` where `a` cannot be deleted.
    fn diag_del(&mut self) -> PResult<()> {
        let saved = self.checkpoint();
        self.speculating += 1;
        let diag = std::mem::replace(&mut self.diag, false);
        let e = self.star_expressions();
        // Only when the normal `del_targets &(';' | NEWLINE)` does not match.
        let ok_end = matches!(self.peek(), TokenKind::Semi | TokenKind::Newline);
        self.diag = diag;
        self.speculating -= 1;
        self.rewind(saved);
        let Ok(e) = e else { return Ok(()) };
        if ok_end && super::diagnose::invalid_target_exists(&e, TargetsType::Del) {
            return self.raise_invalid_target(TargetsType::Del, &e);
        }
        Ok(())
    }

    fn rhs(&mut self) -> PResult<Expr<'a>> {
        if self.at(TokenKind::Yield) { self.yield_expr() } else { self.star_expressions() }
    }

    /// Expression statements and the three kinds of assignment.
    fn expr_or_assignment(&mut self) -> PResult<Stmt<'a>> {
        let start = self.start();
        let starts_with_name = self.at(TokenKind::Name);
        let first = self.rhs()?;
        let aug = match self.peek() {
            TokenKind::PlusEqual => Some(Operator::Add),
            TokenKind::MinEqual => Some(Operator::Sub),
            TokenKind::StarEqual => Some(Operator::Mult),
            TokenKind::AtEqual => Some(Operator::MatMult),
            TokenKind::SlashEqual => Some(Operator::Div),
            TokenKind::PercentEqual => Some(Operator::Mod),
            TokenKind::AmperEqual => Some(Operator::BitAnd),
            TokenKind::VbarEqual => Some(Operator::BitOr),
            TokenKind::CircumflexEqual => Some(Operator::BitXor),
            TokenKind::LeftShiftEqual => Some(Operator::LShift),
            TokenKind::RightShiftEqual => Some(Operator::RShift),
            TokenKind::DoubleStarEqual => Some(Operator::Pow),
            TokenKind::DoubleSlashEqual => Some(Operator::FloorDiv),
            _ => None,
        };
        if let Some(op) = aug {
            if !matches!(first.node, ExprKind::Name { .. } | ExprKind::Attribute { .. } | ExprKind::Subscript { .. }) {
                let msg =
                    format!("'{}' is an illegal expression for augmented assignment", super::expr::expr_name(&first));
                return self.raise_invalid(msg, first.range);
            }
            self.bump();
            let target = self.as_target(&first, ExprContext::Store)?;
            let value = self.rhs()?;
            let (target, value) = (self.alloc(target), self.alloc(value));
            return Ok(self.stmt(StmtKind::AugAssign { target, op, value }, start));
        }
        match self.peek() {
            TokenKind::Colon => {
                if !matches!(
                    first.node,
                    ExprKind::Name { .. } | ExprKind::Attribute { .. } | ExprKind::Subscript { .. }
                ) {
                    // An unparenthesised tuple is reported at its first element.
                    let at = match &first.node {
                        ExprKind::Tuple { elts, .. }
                            if elts.first().is_some_and(|e| e.range.start == first.range.start) =>
                        {
                            elts[0].range
                        }
                        _ => first.range,
                    };
                    let msg = match first.node {
                        ExprKind::Tuple { .. } => "only single target (not tuple) can be annotated".to_string(),
                        ExprKind::List { .. } => "only single target (not list) can be annotated".to_string(),
                        _ => "illegal target for annotation".to_string(),
                    };
                    // The `invalid_assignment` alternatives need the annotation to parse.
                    if !self.diag {
                        return Err(Fail);
                    }
                    let saved = self.checkpoint();
                    self.bump();
                    self.speculating += 1;
                    let annotation = self.expression();
                    self.speculating -= 1;
                    self.rewind(saved);
                    if annotation.is_err() {
                        return Err(Fail);
                    }
                    return self.raise_invalid(msg, at);
                }
                self.bump();
                let simple = starts_with_name && matches!(first.node, ExprKind::Name { .. });
                let target = self.as_target(&first, ExprContext::Store)?;
                let annotation = self.expression()?;
                let value = if self.eat(TokenKind::Equal) {
                    let v = self.rhs()?;
                    Some(self.alloc(v))
                } else {
                    None
                };
                let (target, annotation) = (self.alloc(target), self.alloc(annotation));
                Ok(self.stmt(StmtKind::AnnAssign { target, annotation, value, simple }, start))
            }
            TokenKind::Equal => {
                let mut targets = vec![first];
                let value = loop {
                    self.bump();
                    let e = match self.rhs() {
                        Ok(e) => e,
                        Err(f) => {
                            // `(star_targets '=')* a=star_expressions '='` needs no value.
                            let invalid =
                                targets.iter().any(|t| super::diagnose::invalid_target_exists(t, TargetsType::Star));
                            if self.diag && self.error.is_none() && invalid {
                                let saved = self.checkpoint();
                                self.diag_assignment(&targets, start)?;
                                self.rewind(saved);
                            }
                            return Err(f);
                        }
                    };
                    if !self.at(TokenKind::Equal) {
                        break e;
                    }
                    targets.push(e);
                };
                let invalid = targets.iter().any(|t| {
                    matches!(t.node, ExprKind::Yield { .. } | ExprKind::YieldFrom { .. })
                        || super::diagnose::invalid_target_exists(t, TargetsType::Star)
                });
                if self.diag && invalid {
                    self.diag_assignment(&targets, start)?;
                }
                let mut stored = Vec::with_capacity(targets.len());
                for t in &targets {
                    if matches!(t.node, ExprKind::Yield { .. } | ExprKind::YieldFrom { .. }) {
                        return self.raise_invalid("assignment to yield expression not possible", t.range);
                    }
                    stored.push(self.as_target(t, ExprContext::Store)?);
                }
                let targets = self.alloc_slice(stored);
                let value = self.alloc(value);
                Ok(self.stmt(StmtKind::Assign { targets, value, type_comment: None }, start))
            }
            _ => {
                let value = self.alloc(first);
                Ok(self.stmt(StmtKind::Expr { value }, start))
            }
        }
    }

    /// `invalid_assignment` for `t0 = t1 = ... = value` (second pass): first
    /// `invalid_named_expression` on the element of `t0` just before the first `=`, then the
    /// first target that cannot be assigned to.
    fn diag_assignment(&mut self, targets: &[Expr<'a>], stmt_start: u32) -> PResult<()> {
        let t0 = &targets[0];
        let first_token = self.tokens[self.token_index_at(stmt_start)];
        let last = match &t0.node {
            ExprKind::Tuple { elts, .. } if elts.first().is_some_and(|e| e.range.start == t0.range.start) => {
                elts.last().filter(|e| e.range.end == t0.range.end)
            }
            _ => Some(t0),
        };
        // A bare `yield` target is a `yield_expr`, not a `star_named_expression`.
        let bare_yield = first_token.kind == TokenKind::Yield;
        if let Some(last) = last
            && !matches!(last.node, ExprKind::Starred { .. })
            && !bare_yield
        {
            let saved = self.checkpoint();
            let mut eq = self.token_index_at(t0.range.end);
            while self.tokens[eq].kind != TokenKind::Equal && eq + 1 < self.tokens.len() {
                eq += 1;
            }
            self.pos = eq;
            let start_pos = self.token_index_at(last.range.start);
            let r = self.diag_named_expression(last, start_pos);
            self.rewind(saved);
            r?;
        }
        for t in targets {
            if matches!(t.node, ExprKind::Yield { .. } | ExprKind::YieldFrom { .. }) {
                return self.raise("assignment to yield expression not possible", t.range);
            }
            self.raise_invalid_target(TargetsType::Star, t)?;
        }
        Ok(())
    }

    fn dotted_name(&mut self) -> PResult<&'a str> {
        let (first, _) = self.expect_name()?;
        if !self.at(TokenKind::Dot) {
            return Ok(first);
        }
        let mut s = String::from(first);
        while self.eat(TokenKind::Dot) {
            s.push('.');
            s.push_str(self.expect_name()?.0);
        }
        Ok(self.arena.alloc_str(&s))
    }

    fn import(&mut self) -> PResult<StmtKind<'a>> {
        let import = self.bump();
        if self.diag {
            if self.at(TokenKind::Newline) {
                let nl = self.cur();
                return self.raise_from_to_cursor("Expected one or more names after 'import'", nl.range.start);
            }
            // `'import' ','.dotted_name+ 'from' dotted_name`.
            let saved = self.checkpoint();
            let mut ok = true;
            loop {
                if self.dotted_name().is_err() {
                    ok = false;
                    break;
                }
                if !self.eat(TokenKind::Comma) {
                    break;
                }
            }
            let matched = ok && self.eat(TokenKind::From) && self.dotted_name().is_ok();
            if matched {
                return self
                    .raise_from_to_cursor("Did you mean to use 'from ... import ...' instead?", import.range.start);
            }
            self.rewind(saved);
        }
        let mut names = Vec::new();
        loop {
            let start = self.start();
            let name = self.dotted_name()?;
            let asname = if self.eat(TokenKind::As) { Some(self.expect_name()?.0) } else { None };
            names.push(Alias { name, asname, range: self.range_from(start) });
            if !self.eat(TokenKind::Comma) {
                break;
            }
        }
        Ok(StmtKind::Import { names: self.alloc_slice(names) })
    }

    fn import_from(&mut self) -> PResult<StmtKind<'a>> {
        self.bump();
        let mut level = 0;
        loop {
            match self.peek() {
                TokenKind::Dot => level += 1,
                TokenKind::Ellipsis => level += 3,
                _ => break,
            }
            self.bump();
        }
        let module = if level == 0 || self.at(TokenKind::Name) { Some(self.dotted_name()?) } else { None };
        self.expect(TokenKind::Import)?;
        if self.diag && self.at(TokenKind::Newline) {
            let nl = self.cur();
            return self.raise_from_to_cursor("Expected one or more names after 'import'", nl.range.start);
        }
        if self.at(TokenKind::Star) {
            let t = self.bump();
            let names = self.alloc_slice(vec![Alias { name: "*", asname: None, range: t.range }]);
            return Ok(StmtKind::ImportFrom { module, names, level });
        }
        let parens = self.eat(TokenKind::Lpar);
        let mut names = Vec::new();
        loop {
            let start = self.start();
            let (name, _) = self.expect_name()?;
            let asname = if self.eat(TokenKind::As) { Some(self.expect_name()?.0) } else { None };
            names.push(Alias { name, asname, range: self.range_from(start) });
            if !self.eat(TokenKind::Comma) {
                break;
            }
            if parens && self.at(TokenKind::Rpar) {
                break;
            }
            if !parens && !self.at(TokenKind::Name) {
                if !self.diag {
                    return Err(Fail);
                }
                return self.raise_here("trailing comma not allowed without surrounding parentheses");
            }
        }
        if parens {
            self.expect(TokenKind::Rpar)?;
        }
        Ok(StmtKind::ImportFrom { module, names: self.alloc_slice(names), level })
    }

    fn type_alias(&mut self) -> PResult<StmtKind<'a>> {
        self.bump();
        let (id, t) = self.expect_name()?;
        let name = self.alloc(self.expr(ExprKind::Name { id, ctx: ExprContext::Store }, t.range));
        let type_params = self.type_params()?;
        self.expect(TokenKind::Equal)?;
        let value = self.expression()?;
        Ok(StmtKind::TypeAlias { name, type_params, value: self.alloc(value) })
    }

    /// `['[' type_param (',' type_param)* [','] ']']`.
    fn type_params(&mut self) -> PResult<&'a [TypeParam<'a>]> {
        if !self.eat(TokenKind::Lsqb) {
            return Ok(&[]);
        }
        if self.diag && self.at(TokenKind::Rsqb) {
            let t = self.cur();
            return self.raise_from_to_cursor("Type parameter list cannot be empty", t.range.start);
        }
        let mut params = Vec::new();
        loop {
            let start = self.start();
            let node = match self.peek() {
                TokenKind::Star => {
                    self.bump();
                    let (name, _) = self.expect_name()?;
                    if self.at(TokenKind::Colon) {
                        return self.diag_type_param_bound("TypeVarTuple");
                    }
                    let default_value = if self.eat(TokenKind::Equal) {
                        let e = self.star_expression()?;
                        Some(self.alloc(e))
                    } else {
                        None
                    };
                    TypeParamKind::TypeVarTuple { name, default_value }
                }
                TokenKind::DoubleStar => {
                    self.bump();
                    let (name, _) = self.expect_name()?;
                    if self.at(TokenKind::Colon) {
                        return self.diag_type_param_bound("ParamSpec");
                    }
                    let default_value = self.type_param_default()?;
                    TypeParamKind::ParamSpec { name, default_value }
                }
                _ => {
                    let (name, _) = self.expect_name()?;
                    let bound = if self.eat(TokenKind::Colon) {
                        let e = self.expression()?;
                        Some(self.alloc(e))
                    } else {
                        None
                    };
                    let default_value = self.type_param_default()?;
                    TypeParamKind::TypeVar { name, bound, default_value }
                }
            };
            params.push(TypeParam { node, range: self.range_from(start) });
            if !self.eat(TokenKind::Comma) || self.at(TokenKind::Rsqb) {
                break;
            }
        }
        self.expect(TokenKind::Rsqb)?;
        Ok(self.alloc_slice(params))
    }

    /// `invalid_type_param`: a bound or constraints on `*Ts` or `**P` (second pass).
    fn diag_type_param_bound<T>(&mut self, what: &str) -> PResult<T> {
        if !self.diag {
            return Err(Fail);
        }
        let colon = self.bump();
        let e = self.expression()?;
        let kind = if matches!(e.node, ExprKind::Tuple { .. }) { "constraints" } else { "bound" };
        self.raise_from_to_cursor(format!("cannot use {kind} with {what}"), colon.range.start)
    }

    fn type_param_default(&mut self) -> PResult<Option<&'a Expr<'a>>> {
        if self.eat(TokenKind::Equal) {
            let e = self.expression()?;
            Ok(Some(self.alloc(e)))
        } else {
            Ok(None)
        }
    }

    /// Decorators, then a function or class definition.
    fn decorated(&mut self) -> PResult<Stmt<'a>> {
        let mut decorators = Vec::new();
        while self.eat(TokenKind::At) {
            decorators.push(self.named_expression()?);
            self.expect(TokenKind::Newline)?;
        }
        let decorator_list = self.alloc_slice(decorators);
        let start = self.start();
        match self.peek() {
            TokenKind::Class => self.class_def(decorator_list, start),
            TokenKind::Def => self.function_def(decorator_list, start, false),
            TokenKind::Async if self.nth(1) == TokenKind::Def => {
                self.bump();
                self.function_def(decorator_list, start, true)
            }
            _ => Err(Fail),
        }
    }

    fn function_def(&mut self, decorator_list: &'a [Expr<'a>], start: u32, is_async: bool) -> PResult<Stmt<'a>> {
        self.expect(TokenKind::Def)?;
        let (name, _) = self.expect_name()?;
        let before_params = self.checkpoint();
        let type_params = match self.type_params() {
            Ok(t) => t,
            Err(f) => {
                // `invalid_def_raw`: `[type_params] &&'('`.
                if self.diag && self.error.is_none() {
                    self.rewind(before_params);
                    self.expect_forced(TokenKind::Lpar)?;
                }
                return Err(f);
            }
        };
        if self.diag {
            self.expect_forced(TokenKind::Lpar)?;
        } else {
            self.expect(TokenKind::Lpar)?;
        }
        let args = self.parameters(true)?;
        self.expect(TokenKind::Rpar)?;
        if self.diag && self.at(TokenKind::Rarrow) {
            // `['->' expression] &&':'`: a missing return annotation leaves `->` where `:` goes.
            let saved = self.checkpoint();
            self.bump();
            self.speculating += 1;
            let ok = self.expression().is_ok();
            self.speculating -= 1;
            self.rewind(saved);
            if !ok {
                self.expect_forced(TokenKind::Colon)?;
            }
        }
        let returns = if self.eat(TokenKind::Rarrow) {
            let e = self.expression()?;
            Some(self.alloc(e))
        } else {
            None
        };
        if self.diag {
            self.expect_forced(TokenKind::Colon)?
        } else {
            self.expect(TokenKind::Colon)?
        };
        let args = self.alloc(args);
        let body = self.nested(|p| p.block("function definition", start))?;
        let node = if is_async {
            StmtKind::AsyncFunctionDef { name, args, body, decorator_list, returns, type_comment: None, type_params }
        } else {
            StmtKind::FunctionDef { name, args, body, decorator_list, returns, type_comment: None, type_params }
        };
        Ok(self.stmt(node, start))
    }

    fn class_def(&mut self, decorator_list: &'a [Expr<'a>], start: u32) -> PResult<Stmt<'a>> {
        self.expect(TokenKind::Class)?;
        let (name, _) = self.expect_name()?;
        let type_params = self.type_params()?;
        let (mut bases, mut keywords): (&'a [Expr<'a>], &'a [Keyword<'a>]) = (&[], &[]);
        if self.eat(TokenKind::Lpar) {
            (bases, keywords) = self.arguments(None)?;
            self.expect(TokenKind::Rpar)?;
        }
        self.expect_colon()?;
        let body = self.nested(|p| p.block("class definition", start))?;
        Ok(self.stmt(StmtKind::ClassDef { name, bases, keywords, body, decorator_list, type_params }, start))
    }

    fn if_stmt(&mut self) -> PResult<Stmt<'a>> {
        // (start, test, body) for `if` and each `elif`, then the final `else` body.
        let mut arms = Vec::new();
        let mut orelse: &'a [Stmt<'a>] = &[];
        loop {
            let start = self.start();
            let what = if arms.is_empty() { "'if' statement" } else { "'elif' statement" };
            self.bump();
            let test = self.named_expression()?;
            self.expect_colon()?;
            let body = self.nested(|p| p.block(what, start))?;
            arms.push((start, test, body));
            match self.peek() {
                TokenKind::Elif => continue,
                TokenKind::Else => {
                    orelse = self.else_block()?;
                    break;
                }
                _ => break,
            }
        }
        let end = self.prev_end;
        let mut stmt = None;
        for (start, test, body) in arms.into_iter().rev() {
            let test = self.alloc(test);
            let orelse_here = match stmt.take() {
                Some(inner) => self.alloc_slice(vec![inner]),
                None => orelse,
            };
            stmt = Some(Stmt {
                node: StmtKind::If { test, body, orelse: orelse_here },
                range: TextRange::new(start, end),
            });
        }
        stmt.ok_or(Fail)
    }

    fn else_block(&mut self) -> PResult<&'a [Stmt<'a>]> {
        let start = self.start();
        self.expect(TokenKind::Else)?;
        self.expect_forced(TokenKind::Colon)?;
        self.nested(|p| p.block("'else' statement", start))
    }

    fn while_stmt(&mut self) -> PResult<Stmt<'a>> {
        let start = self.start();
        self.bump();
        let test = self.named_expression()?;
        self.expect_colon()?;
        let body = self.nested(|p| p.block("'while' statement", start))?;
        let orelse = if self.at(TokenKind::Else) { self.else_block()? } else { &[] };
        let test = self.alloc(test);
        Ok(self.stmt(StmtKind::While { test, body, orelse }, start))
    }

    /// `for` (the current token); `async_start` is where `async` was, for `async for`.
    fn for_stmt(&mut self, async_start: Option<u32>) -> PResult<Stmt<'a>> {
        let start = async_start.unwrap_or(self.start());
        let for_start = self.start();
        self.expect(TokenKind::For)?;
        let target_pos = self.checkpoint();
        let target = match self.star_targets() {
            Ok(t) if self.at(TokenKind::In) => t,
            other => {
                if self.diag && self.error.is_none() {
                    self.diag_for_target(target_pos)?;
                }
                other?;
                return Err(Fail);
            }
        };
        self.expect(TokenKind::In)?;
        let iter = self.star_expressions()?;
        self.expect_colon()?;
        let body = self.nested(|p| p.block("'for' statement", for_start))?;
        let orelse = if self.at(TokenKind::Else) { self.else_block()? } else { &[] };
        let (target, iter) = (self.alloc(target), self.alloc(iter));
        let node = if async_start.is_some() {
            StmtKind::AsyncFor { target, iter, body, orelse, type_comment: None }
        } else {
            StmtKind::For { target, iter, body, orelse, type_comment: None }
        };
        Ok(self.stmt(node, start))
    }

    /// `with` (the current token); `async_start` is where `async` was.
    fn with_stmt(&mut self, async_start: Option<u32>) -> PResult<Stmt<'a>> {
        let start = async_start.unwrap_or(self.start());
        let with_start = self.start();
        self.expect(TokenKind::With)?;
        let mut items = None;
        if self.at(TokenKind::Lpar) {
            // `with (a as b, c):` — try the parenthesised form first, as the grammar does.
            let saved = self.checkpoint();
            // In the second pass the items' `invalid_with_item` may raise (as in CPython).
            let speculate = u32::from(!self.diag);
            self.speculating += speculate;
            let attempt = self.parenthesized_with_items();
            self.speculating -= speculate;
            match attempt {
                Ok(list) => items = Some(list),
                Err(_) => {
                    // `invalid_with_stmt`: `with (items) NEWLINE`.
                    if self.diag && self.at(TokenKind::Newline) && self.tokens[self.pos - 1].kind == TokenKind::Rpar {
                        return self.raise_here("expected ':'");
                    }
                    self.rewind(saved);
                }
            }
        }
        let items = match items {
            Some(items) => items,
            None => {
                let mut list = Vec::new();
                loop {
                    list.push(self.with_item()?);
                    if !self.eat(TokenKind::Comma) {
                        break;
                    }
                }
                self.expect_colon()?;
                list
            }
        };
        let items = self.alloc_slice(items);
        let body = self.nested(|p| p.block("'with' statement", with_start))?;
        let node = if async_start.is_some() {
            StmtKind::AsyncWith { items, body, type_comment: None }
        } else {
            StmtKind::With { items, body, type_comment: None }
        };
        Ok(self.stmt(node, start))
    }

    fn parenthesized_with_items(&mut self) -> PResult<Vec<WithItem<'a>>> {
        self.expect(TokenKind::Lpar)?;
        let mut list = Vec::new();
        loop {
            list.push(self.with_item()?);
            if !self.eat(TokenKind::Comma) || self.at(TokenKind::Rpar) {
                break;
            }
        }
        self.expect(TokenKind::Rpar)?;
        self.expect_colon()?;
        Ok(list)
    }

    fn with_item(&mut self) -> PResult<WithItem<'a>> {
        let context_expr = self.expression()?;
        let mut optional_vars = None;
        if self.eat(TokenKind::As) {
            let t = self.star_target_for_with()?;
            optional_vars = Some(self.alloc(t));
        }
        Ok(WithItem { context_expr, optional_vars })
    }

    fn star_target_for_with(&mut self) -> PResult<Expr<'a>> {
        if self.diag {
            // `invalid_with_item`: `expression 'as' a=expression &(',' | ')' | ':')`.
            let saved = self.checkpoint();
            self.speculating += 1;
            let diag = std::mem::replace(&mut self.diag, false);
            let e = self.expression();
            self.diag = diag;
            self.speculating -= 1;
            let follows = matches!(self.peek(), TokenKind::Comma | TokenKind::Rpar | TokenKind::Colon);
            self.rewind(saved);
            if let Ok(e) = e
                && follows
            {
                self.raise_invalid_target(TargetsType::Star, &e)?;
            }
        }
        let t = self.star_targets_single()?;
        let newline_ok = self.diag && self.at(TokenKind::Newline);
        if !matches!(self.peek(), TokenKind::Comma | TokenKind::Rpar | TokenKind::Colon) && !newline_ok {
            return Err(Fail);
        }
        Ok(t)
    }

    /// One `star_target` (no tuple without parentheses).
    fn star_targets_single(&mut self) -> PResult<Expr<'a>> {
        if self.at(TokenKind::Star) {
            let start = self.start();
            self.bump();
            let inner = self.primary()?;
            let value = self.as_target(&inner, ExprContext::Store)?;
            let value = self.alloc(value);
            return Ok(self.expr(ExprKind::Starred { value, ctx: ExprContext::Store }, self.range_from(start)));
        }
        let e = self.primary()?;
        self.as_target(&e, ExprContext::Store)
    }

    fn try_stmt(&mut self) -> PResult<Stmt<'a>> {
        let start = self.start();
        self.bump();
        self.expect_forced(TokenKind::Colon)?;
        let body = self.nested(|p| p.block("'try' statement", start))?;
        let mut handlers = Vec::new();
        let mut star = None;
        while self.at(TokenKind::Except) {
            let h_start = self.start();
            self.bump();
            let is_star = self.eat(TokenKind::Star);
            if self.diag && is_star && matches!(self.peek(), TokenKind::Colon | TokenKind::Newline) {
                return self.raise_here("expected one or more exception types");
            }
            if *star.get_or_insert(is_star) != is_star {
                let at = TextRange::new(h_start, self.prev_end);
                return self.raise_invalid("cannot have both 'except' and 'except*' on the same 'try'", at);
            }
            let mut type_ = None;
            let mut name = None;
            if self.diag && is_star && matches!(self.peek(), TokenKind::Colon | TokenKind::Newline) {
                return self.raise_here("expected one or more exception types");
            }
            if self.diag && self.at(TokenKind::Newline) {
                return self.raise_here("expected ':'");
            }
            if !self.at(TokenKind::Colon) || is_star {
                let e = self.expression()?;
                if self.at(TokenKind::Comma) {
                    if self.diag {
                        // `'except' a=expression ',' expressions ['as' NAME] ':'`.
                        self.bump();
                        if self.expressions().is_ok() {
                            if self.eat(TokenKind::As) {
                                self.expect_name()?;
                            }
                            if self.at(TokenKind::Colon) {
                                return self.raise_from_to_cursor(
                                    "multiple exception types must be parenthesized",
                                    e.range.start,
                                );
                            }
                        }
                    }
                    return Err(Fail);
                }
                type_ = Some(self.alloc(e));
                if self.eat(TokenKind::As) {
                    name = Some(self.expect_name()?.0);
                }
            }
            self.expect_colon()?;
            let what = if is_star { "'except*' statement" } else { "'except' statement" };
            let body = self.nested(|p| p.block(what, h_start))?;
            handlers.push(ExceptHandler { type_, name, body, range: self.range_from(h_start) });
        }
        let orelse = if !handlers.is_empty() && self.at(TokenKind::Else) { self.else_block()? } else { &[] };
        let mut finalbody: &'a [Stmt<'a>] = &[];
        if self.at(TokenKind::Finally) {
            let f_start = self.start();
            self.bump();
            self.expect_forced(TokenKind::Colon)?;
            finalbody = self.nested(|p| p.block("'finally' statement", f_start))?;
        }
        if handlers.is_empty() && finalbody.is_empty() {
            if self.diag {
                return self.raise_here("expected 'except' or 'finally' block");
            }
            return Err(Fail);
        }
        let handlers = self.alloc_slice(handlers);
        let node = if star == Some(true) {
            StmtKind::TryStar { body, handlers, orelse, finalbody }
        } else {
            StmtKind::Try { body, handlers, orelse, finalbody }
        };
        Ok(self.stmt(node, start))
    }

    /// `match subject: NEWLINE INDENT case+ DEDENT`, if the current `match` starts one (else
    /// `None`, with the position restored, and the line is parsed as simple statements).
    fn match_stmt(&mut self) -> PResult<Option<Stmt<'a>>> {
        let saved = self.checkpoint();
        let start = self.start();
        self.bump();
        self.speculating += 1;
        let subject = self.match_subject();
        self.speculating -= 1;
        let subject = match subject {
            Ok(s) if self.at(TokenKind::Colon) && self.nth(1) == TokenKind::Newline => s,
            Ok(_) if self.diag && self.at(TokenKind::Newline) => return self.raise_here("expected ':'"),
            _ => {
                self.rewind(saved);
                return Ok(None);
            }
        };
        self.bump();
        self.bump();
        if self.diag && !self.at(TokenKind::Indent) {
            let line = super::diagnose::line_of(self.src, start);
            let t = self.tokens[self.max_seen.min(self.tokens.len() - 1)];
            let msg = format!("expected an indented block after 'match' statement on line {line}");
            if self.error.is_none() {
                self.error = Some(self.error_at_token(SyntaxErrorKind::IndentationError, msg, t));
            }
            return Err(Fail);
        }
        self.expect(TokenKind::Indent)?;
        let mut cases = Vec::new();
        while !self.at(TokenKind::Dedent) {
            if !self.at_soft("case") {
                return Err(Fail);
            }
            let case_start = self.start();
            self.bump();
            let pattern = self.patterns()?;
            let guard = if self.eat(TokenKind::If) {
                let g = self.named_expression()?;
                Some(self.alloc(g))
            } else {
                None
            };
            self.expect_colon()?;
            let body = self.nested(|p| p.block("'case' statement", case_start))?;
            cases.push(MatchCase { pattern, guard, body });
        }
        self.bump();
        let subject = self.alloc(subject);
        let cases = self.alloc_slice(cases);
        Ok(Some(self.stmt(StmtKind::Match { subject, cases }, start)))
    }

    /// `subject_expr`: `star_named_expression ',' star_named_expressions? | named_expression`.
    fn match_subject(&mut self) -> PResult<Expr<'a>> {
        let start = self.start();
        let first = self.star_named_expression()?;
        if !self.at(TokenKind::Comma) {
            if matches!(first.node, ExprKind::Starred { .. }) {
                return Err(Fail);
            }
            return Ok(first);
        }
        let mut elts = vec![first];
        while self.eat(TokenKind::Comma) {
            if !starts_expression(self.peek()) {
                break;
            }
            elts.push(self.star_named_expression()?);
        }
        let elts = self.alloc_slice(elts);
        Ok(self.expr(ExprKind::Tuple { elts, ctx: ExprContext::Load }, self.range_from(start)))
    }
}
