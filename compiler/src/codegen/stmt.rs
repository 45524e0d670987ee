//! Statements (`compiler_visit_stmt`): assignments, augmented and annotated assignments, `if`,
//! `while`, `for`/`async for`, `raise`, `assert`, imports, expression statements, and the
//! dispatch to the compound statements that have their own modules.

use pyrt_syntax::ast::{Alias, Expr, ExprContext, ExprKind, Stmt, StmtKind};

use super::*;

impl<'a> Compiler<'a, '_> {
    pub(crate) fn visit_stmts(&mut self, stmts: &'a [Stmt<'a>]) -> CResult {
        stmts.iter().try_for_each(|s| self.visit_stmt(s))
    }

    pub(crate) fn visit_stmt(&mut self, s: &'a Stmt<'a>) -> CResult {
        crate::deep::grow(|| self.visit_stmt_inner(s))
    }

    fn visit_stmt_inner(&mut self, s: &'a Stmt<'a>) -> CResult {
        let loc = self.loc(s.range);
        match &s.node {
            StmtKind::FunctionDef { .. } | StmtKind::AsyncFunctionDef { .. } => self.function_def(s)?,
            StmtKind::ClassDef { .. } => self.class_def(s)?,
            StmtKind::TypeAlias { name, type_params, value } => self.type_alias(s, name, type_params, value)?,
            StmtKind::Return { value } => self.return_stmt(s, *value)?,
            StmtKind::Delete { targets } => self.visit_exprs(targets)?,
            StmtKind::Assign { targets, value, .. } => {
                self.visit_expr(value)?;
                for (i, t) in targets.iter().enumerate() {
                    if i + 1 < targets.len() {
                        self.emit(Opcode::COPY, 1, loc);
                    }
                    self.visit_expr(t)?;
                }
            }
            StmtKind::AugAssign { target, op, value } => self.aug_assign(s, target, *op, value)?,
            StmtKind::AnnAssign { target, annotation, value, simple } => {
                self.ann_assign(s, target, annotation, *value, *simple)?
            }
            StmtKind::For { target, iter, body, orelse, .. } => self.for_stmt(s, target, iter, body, orelse)?,
            StmtKind::AsyncFor { target, iter, body, orelse, .. } => self.async_for(s, target, iter, body, orelse)?,
            StmtKind::While { test, body, orelse } => {
                let lp = self.new_label();
                let body_label = self.new_label();
                let end = self.new_label();
                let anchor = self.new_label();
                self.use_label(lp);
                self.push_fblock(loc, FBlockKind::WhileLoop, Some(lp), Some(end), FBlockDatum::None)?;
                self.jump_if(loc, test, anchor, false)?;
                self.use_label(body_label);
                self.visit_stmts(body)?;
                self.jump_if(loc, test, body_label, true)?;
                self.pop_fblock();
                self.use_label(anchor);
                self.visit_stmts(orelse)?;
                self.use_label(end);
            }
            StmtKind::If { test, body, orelse } => {
                let end = self.new_label();
                let next = if orelse.is_empty() { end } else { self.new_label() };
                self.jump_if(loc, test, next, false)?;
                self.visit_stmts(body)?;
                if !orelse.is_empty() {
                    self.emit_jump(Opcode::JUMP_NO_INTERRUPT, end, Location::NO_LOCATION);
                    self.use_label(next);
                    self.visit_stmts(orelse)?;
                }
                self.use_label(end);
            }
            StmtKind::Match { subject, cases } => self.match_stmt(s, subject, cases)?,
            StmtKind::Raise { exc, cause } => {
                let mut n = 0;
                if let Some(exc) = exc {
                    self.visit_expr(exc)?;
                    n += 1;
                    if let Some(cause) = cause {
                        self.visit_expr(cause)?;
                        n += 1;
                    }
                }
                self.emit(Opcode::RAISE_VARARGS, n, loc);
            }
            StmtKind::Try { body, handlers, orelse, finalbody } => {
                self.try_stmt(s, body, handlers, orelse, finalbody, false)?
            }
            StmtKind::TryStar { body, handlers, orelse, finalbody } => {
                self.try_stmt(s, body, handlers, orelse, finalbody, true)?
            }
            StmtKind::Assert { test, msg } => {
                self.check_assert(s.range, test);
                let end = self.new_label();
                self.jump_if(loc, test, end, true)?;
                self.emit_noarg(Opcode::LOAD_ASSERTION_ERROR, loc);
                if let Some(msg) = msg {
                    self.visit_expr(msg)?;
                    self.emit(Opcode::CALL, 0, loc);
                }
                let tloc = self.loc(test.range);
                self.emit(Opcode::RAISE_VARARGS, 1, tloc);
                self.use_label(end);
            }
            StmtKind::Import { names } => self.import(loc, names)?,
            StmtKind::ImportFrom { module, names, level } => self.import_from(s, loc, *module, names, *level)?,
            StmtKind::Global { .. } | StmtKind::Nonlocal { .. } => {}
            StmtKind::Expr { value } => self.stmt_expr(loc, value)?,
            StmtKind::Pass => self.emit_noarg(Opcode::NOP, loc),
            StmtKind::Break => self.break_stmt(loc)?,
            StmtKind::Continue => self.continue_stmt(loc)?,
            StmtKind::With { items, body, .. } => self.with_stmt(s, items, body, 0, false)?,
            StmtKind::AsyncWith { items, body, .. } => self.with_stmt(s, items, body, 0, true)?,
        }
        Ok(())
    }

    /// `compiler_stmt_expr`.
    fn stmt_expr(&mut self, loc: Location, value: &'a Expr<'a>) -> CResult {
        if self.interactive && self.units.len() <= 1 {
            self.visit_expr(value)?;
            self.emit(Opcode::CALL_INTRINSIC_1, INTRINSIC_PRINT, loc);
            self.emit_noarg(Opcode::POP_TOP, Location::NO_LOCATION);
            return Ok(());
        }
        if self.folded(value).is_some() {
            self.emit_noarg(Opcode::NOP, loc);
            return Ok(());
        }
        self.visit_expr(value)?;
        self.emit_noarg(Opcode::POP_TOP, Location::NO_LOCATION);
        Ok(())
    }

    fn aug_assign(&mut self, s: &'a Stmt<'a>, target: &'a Expr<'a>, op: ast::Operator, value: &'a Expr<'a>) -> CResult {
        let tloc = self.loc(target.range);
        match &target.node {
            ExprKind::Attribute { value: obj, attr, .. } => {
                self.visit_expr(obj)?;
                self.emit(Opcode::COPY, 1, tloc);
                let l = self.update_start_location_to_match_attr(tloc, target);
                self.emit_name(Opcode::LOAD_ATTR, attr, l);
            }
            ExprKind::Subscript { value: obj, slice, .. } => {
                self.visit_expr(obj)?;
                if matches!(slice.node, ExprKind::Slice { step: None, .. }) {
                    self.slice(slice)?;
                    self.emit(Opcode::COPY, 3, tloc);
                    self.emit(Opcode::COPY, 3, tloc);
                    self.emit(Opcode::COPY, 3, tloc);
                    self.emit_noarg(Opcode::BINARY_SLICE, tloc);
                } else {
                    self.visit_expr(slice)?;
                    self.emit(Opcode::COPY, 2, tloc);
                    self.emit(Opcode::COPY, 2, tloc);
                    self.emit_noarg(Opcode::BINARY_SUBSCR, tloc);
                }
            }
            ExprKind::Name { id, .. } => self.nameop(id, ExprContext::Load, tloc)?,
            _ => return Err(self.error("illegal expression for augmented assignment", target.range)),
        }
        let sloc = self.loc(s.range);
        self.visit_expr(value)?;
        self.emit(Opcode::BINARY_OP, super::expr::binary_oparg(op) + 13, sloc);
        match &target.node {
            ExprKind::Attribute { attr, .. } => {
                let l = self.update_start_location_to_match_attr(tloc, target);
                self.emit(Opcode::SWAP, 2, l);
                self.emit_name(Opcode::STORE_ATTR, attr, l);
            }
            ExprKind::Subscript { slice, .. } => {
                if matches!(slice.node, ExprKind::Slice { step: None, .. }) {
                    self.emit(Opcode::SWAP, 4, tloc);
                    self.emit(Opcode::SWAP, 3, tloc);
                    self.emit(Opcode::SWAP, 2, tloc);
                    self.emit_noarg(Opcode::STORE_SLICE, tloc);
                } else {
                    self.emit(Opcode::SWAP, 3, tloc);
                    self.emit(Opcode::SWAP, 2, tloc);
                    self.emit_noarg(Opcode::STORE_SUBSCR, tloc);
                }
            }
            ExprKind::Name { id, .. } => self.nameop(id, ExprContext::Store, tloc)?,
            _ => unreachable!("checked above"),
        }
        Ok(())
    }

    fn ann_assign(
        &mut self,
        s: &'a Stmt<'a>,
        target: &'a Expr<'a>,
        annotation: &'a Expr<'a>,
        value: Option<&'a Expr<'a>>,
        simple: bool,
    ) -> CResult {
        let loc = self.loc(s.range);
        if let Some(value) = value {
            self.visit_expr(value)?;
            self.visit_expr(target)?;
        }
        let module_or_class = matches!(self.ur().scope_type, ScopeType::Module | ScopeType::Class);
        match &target.node {
            ExprKind::Name { id, .. } => {
                if *id == "__debug__" {
                    return Err(self.error_at("cannot assign to __debug__", loc));
                }
                if simple && module_or_class {
                    self.annotation_value(annotation)?;
                    self.emit_name(Opcode::LOAD_NAME, "__annotations__", loc);
                    let mangled = self.mangle(id);
                    self.load_const(Constant::str(&mangled), loc);
                    self.emit_noarg(Opcode::STORE_SUBSCR, loc);
                }
            }
            ExprKind::Attribute { value: obj, attr, .. } => {
                if *attr == "__debug__" {
                    return Err(self.error_at("cannot assign to __debug__", loc));
                }
                if value.is_none() {
                    self.check_ann_expr(obj)?;
                }
            }
            ExprKind::Subscript { value: obj, slice, .. } => {
                if value.is_none() {
                    self.check_ann_expr(obj)?;
                    self.check_ann_subscr(slice)?;
                }
            }
            _ => return Err(self.error("invalid node type for annotated assignment", target.range)),
        }
        if !simple && !self.future.annotations() && module_or_class {
            self.check_ann_expr(annotation)?;
        }
        Ok(())
    }

    /// An annotation's value: the expression, or under `from __future__ import annotations` its
    /// source text as `ast.unparse` would write it.
    pub(crate) fn annotation_value(&mut self, annotation: &'a Expr<'a>) -> CResult {
        if self.future.annotations() {
            let loc = self.loc(annotation.range);
            let text = crate::unparse::unparse_annotation(annotation);
            self.load_const(Constant::Str(text), loc);
            Ok(())
        } else {
            self.visit_expr(annotation)
        }
    }

    fn check_ann_expr(&mut self, e: &'a Expr<'a>) -> CResult {
        self.visit_expr(e)?;
        let loc = self.loc(e.range);
        self.emit_noarg(Opcode::POP_TOP, loc);
        Ok(())
    }

    fn check_ann_subscr(&mut self, e: &'a Expr<'a>) -> CResult {
        match &e.node {
            ExprKind::Slice { lower, upper, step } => {
                for part in [lower, upper, step].into_iter().flatten() {
                    self.check_ann_expr(part)?;
                }
                Ok(())
            }
            ExprKind::Tuple { elts, .. } if self.folded(e).is_none() => {
                elts.iter().try_for_each(|x| self.check_ann_subscr(x))
            }
            _ => self.check_ann_expr(e),
        }
    }

    fn for_stmt(
        &mut self,
        s: &'a Stmt<'a>,
        target: &'a Expr<'a>,
        iter: &'a Expr<'a>,
        body: &'a [Stmt<'a>],
        orelse: &'a [Stmt<'a>],
    ) -> CResult {
        let loc = self.loc(s.range);
        let start = self.new_label();
        let body_label = self.new_label();
        let cleanup = self.new_label();
        let end = self.new_label();
        self.push_fblock(loc, FBlockKind::ForLoop, Some(start), Some(end), FBlockDatum::None)?;
        self.visit_iterable(iter)?;
        let iloc = self.loc(iter.range);
        self.emit_noarg(Opcode::GET_ITER, iloc);
        self.use_label(start);
        self.emit_jump(Opcode::FOR_ITER, cleanup, iloc);
        let tloc = self.loc(target.range);
        self.emit_noarg(Opcode::NOP, tloc);
        self.use_label(body_label);
        self.visit_expr(target)?;
        self.visit_stmts(body)?;
        self.emit_jump(Opcode::JUMP, start, Location::NO_LOCATION);
        self.use_label(cleanup);
        self.emit_noarg(Opcode::END_FOR, Location::NO_LOCATION);
        self.emit_noarg(Opcode::POP_TOP, Location::NO_LOCATION);
        self.pop_fblock();
        self.visit_stmts(orelse)?;
        self.use_label(end);
        Ok(())
    }

    fn async_for(
        &mut self,
        s: &'a Stmt<'a>,
        target: &'a Expr<'a>,
        iter: &'a Expr<'a>,
        body: &'a [Stmt<'a>],
        orelse: &'a [Stmt<'a>],
    ) -> CResult {
        let loc = self.loc(s.range);
        if self.ur().scope_type != ScopeType::AsyncFunction {
            return Err(self.error_at("'async for' outside async function", loc));
        }
        let start = self.new_label();
        let except = self.new_label();
        let end = self.new_label();
        self.visit_expr(iter)?;
        let iloc = self.loc(iter.range);
        self.emit_noarg(Opcode::GET_AITER, iloc);
        self.use_label(start);
        self.push_fblock(loc, FBlockKind::ForLoop, Some(start), Some(end), FBlockDatum::None)?;
        self.emit_jump(Opcode::SETUP_FINALLY, except, loc);
        self.emit_noarg(Opcode::GET_ANEXT, loc);
        self.load_const(Constant::None, loc);
        self.yield_from(loc, true);
        self.emit_noarg(Opcode::POP_BLOCK, loc);
        self.visit_expr(target)?;
        self.visit_stmts(body)?;
        self.emit_jump(Opcode::JUMP, start, Location::NO_LOCATION);
        self.pop_fblock();
        self.use_label(except);
        self.emit_noarg(Opcode::END_ASYNC_FOR, iloc);
        self.visit_stmts(orelse)?;
        self.use_label(end);
        Ok(())
    }

    fn import(&mut self, loc: Location, names: &'a [Alias<'a>]) -> CResult {
        for alias in names {
            self.load_const(Constant::Int(0), loc);
            self.load_const(Constant::None, loc);
            self.emit_name(Opcode::IMPORT_NAME, alias.name, loc);
            match alias.asname {
                Some(asname) => {
                    let mut parts = alias.name.split('.');
                    parts.next();
                    let attrs: Vec<&str> = parts.collect();
                    if attrs.is_empty() {
                        self.nameop(asname, ExprContext::Store, loc)?;
                    } else {
                        for (i, attr) in attrs.iter().enumerate() {
                            let idx = self.u().meta.names.add(attr);
                            self.emit(Opcode::IMPORT_FROM, idx, loc);
                            if i + 1 < attrs.len() {
                                self.emit(Opcode::SWAP, 2, loc);
                                self.emit_noarg(Opcode::POP_TOP, loc);
                            }
                        }
                        self.nameop(asname, ExprContext::Store, loc)?;
                        self.emit_noarg(Opcode::POP_TOP, loc);
                    }
                }
                None => {
                    let base = alias.name.split('.').next().unwrap_or(alias.name);
                    self.nameop(base, ExprContext::Store, loc)?;
                }
            }
        }
        Ok(())
    }

    fn import_from(
        &mut self,
        s: &Stmt<'_>,
        loc: Location,
        module: Option<&str>,
        names: &'a [Alias<'a>],
        level: u32,
    ) -> CResult {
        self.load_const(Constant::Int(level as i64), loc);
        let future_loc = self.future.last_location.map(|r| self.loc(r));
        let after_future = match future_loc {
            None => true,
            Some(f) => loc.lineno > f.lineno || (loc.lineno == f.lineno && loc.col_offset > f.col_offset),
        };
        if after_future && module == Some("__future__") && level == 0 {
            return Err(self.error("from __future__ imports must occur at the beginning of the file", s.range));
        }
        let tuple = Constant::tuple(names.iter().map(|a| Constant::str(a.name)));
        self.load_const(tuple, loc);
        self.emit_name(Opcode::IMPORT_NAME, module.unwrap_or(""), loc);
        for (i, alias) in names.iter().enumerate() {
            if i == 0 && alias.name.starts_with('*') {
                self.emit(Opcode::CALL_INTRINSIC_1, INTRINSIC_IMPORT_STAR, loc);
                self.emit_noarg(Opcode::POP_TOP, Location::NO_LOCATION);
                return Ok(());
            }
            self.emit_name(Opcode::IMPORT_FROM, alias.name, loc);
            self.nameop(alias.asname.unwrap_or(alias.name), ExprContext::Store, loc)?;
        }
        self.emit_noarg(Opcode::POP_TOP, loc);
        Ok(())
    }
}
