//! Calls (`compiler_call`, `maybe_optimize_method_call`, `compiler_call_helper`): the
//! `callable, self-or-NULL, args...` stack shape of 3.13's `CALL`, `CALL_KW` with a tuple of
//! keyword names, `CALL_FUNCTION_EX` for `*args`/`**kwargs`, method calls through `LOAD_ATTR`'s
//! method bit, and `super().m()` through `LOAD_SUPER_ATTR`.

use pyrt_syntax::ast::{Expr, ExprKind, Keyword};

use super::expr::STACK_USE_GUIDELINE;
use super::*;

impl<'a> Compiler<'a, '_> {
    /// `validate_keywords`: `f(a=1, a=2)` is an error.
    fn validate_keywords(&self, keywords: &[Keyword<'_>]) -> CResult {
        for (i, kw) in keywords.iter().enumerate() {
            let Some(name) = kw.arg else { continue };
            if name == "__debug__" {
                return Err(self.error("cannot assign to __debug__", kw.range));
            }
            if let Some(other) = keywords[i + 1..].iter().find(|o| o.arg == Some(name)) {
                return Err(self.error(format!("keyword argument repeated: {name}"), other.range));
            }
        }
        Ok(())
    }

    pub(crate) fn call(
        &mut self,
        e: &'a Expr<'a>,
        func: &'a Expr<'a>,
        args: &'a [Expr<'a>],
        keywords: &'a [Keyword<'a>],
    ) -> CResult {
        self.validate_keywords(keywords)?;
        if self.maybe_optimize_method_call(e, func, args, keywords)? {
            return Ok(());
        }
        self.check_caller(func);
        self.visit_expr(func)?;
        let loc = self.loc(func.range);
        self.emit_noarg(Opcode::PUSH_NULL, loc);
        let loc = self.loc(e.range);
        self.call_helper(loc, 0, args, keywords)
    }

    /// Whether `e` (an attribute access) is `super().x` or `super(C, self).x` that can use
    /// `LOAD_SUPER_ATTR` (`can_optimize_super_call`).
    pub(crate) fn can_optimize_super_call(&self, attr: &Expr<'_>) -> bool {
        let ExprKind::Attribute { value, attr: name, .. } = &attr.node else { return false };
        let ExprKind::Call { func, args, keywords } = &value.node else { return false };
        let ExprKind::Name { id: "super", .. } = func.node else { return false };
        if *name == "__class__" || !keywords.is_empty() {
            return false;
        }
        if self.ste().scope_of("super") != Scope::GlobalImplicit {
            return false;
        }
        if self.table.block(self.table.top()).scope_of("super") != Scope::Unknown {
            return false;
        }
        if args.len() == 2 {
            return !args.iter().any(|a| matches!(a.node, ExprKind::Starred { .. }));
        }
        if !args.is_empty() {
            return false;
        }
        let meta = &self.ur().meta;
        if meta.argcount == 0 && meta.posonlyargcount == 0 {
            return false;
        }
        self.ref_type("__class__") == Scope::Free
    }

    /// `get_ref_type`.
    pub(crate) fn ref_type(&self, name: &str) -> Scope {
        if self.ur().scope_type == ScopeType::Class && (name == "__class__" || name == "__classdict__") {
            return Scope::Cell;
        }
        self.ste().scope_of(name)
    }

    /// `load_args_for_super`: `super`, then the class and `self` (or the two explicit arguments).
    pub(crate) fn load_args_for_super(&mut self, call: &'a Expr<'a>) -> CResult {
        let ExprKind::Call { func, args, .. } = &call.node else { unreachable!("a super() call") };
        let ExprKind::Name { id: super_name, .. } = func.node else { unreachable!("a super() call") };
        let floc = self.loc(func.range);
        self.nameop(super_name, ast::ExprContext::Load, floc)?;
        if args.len() == 2 {
            self.visit_expr(&args[0])?;
            self.visit_expr(&args[1])?;
            return Ok(());
        }
        let loc = self.loc(call.range);
        self.nameop("__class__", ast::ExprContext::Load, loc)?;
        let first = self.ur().meta.varnames.names().first().cloned();
        match first {
            Some(first) => self.nameop(&first, ast::ExprContext::Load, loc),
            None => Err(self.error("super(): no arguments", call.range)),
        }
    }

    /// `is_import_originated`: a name the module imports is not treated as a method receiver.
    fn is_import_originated(&self, e: &Expr<'_>) -> bool {
        let ExprKind::Name { id, .. } = e.node else { return false };
        self.table.block(self.table.top()).symbol(id) & symtable::DEF_IMPORT != 0
    }

    fn maybe_optimize_method_call(
        &mut self,
        e: &'a Expr<'a>,
        meth: &'a Expr<'a>,
        args: &'a [Expr<'a>],
        keywords: &'a [Keyword<'a>],
    ) -> CResult<bool> {
        let ExprKind::Attribute { value, attr, ctx: ast::ExprContext::Load } = &meth.node else {
            return Ok(false);
        };
        if self.is_import_originated(value) {
            return Ok(false);
        }
        let argsl = args.len();
        let kwdsl = keywords.len();
        if argsl + kwdsl + (kwdsl != 0) as usize >= STACK_USE_GUIDELINE {
            return Ok(false);
        }
        if args.iter().any(|a| matches!(a.node, ExprKind::Starred { .. })) || keywords.iter().any(|k| k.arg.is_none()) {
            return Ok(false);
        }
        let mut loc = self.loc(meth.range);
        if self.can_optimize_super_call(meth) {
            let ExprKind::Call { args: super_args, .. } = &value.node else { unreachable!("checked") };
            self.load_args_for_super(value)?;
            let op = if super_args.is_empty() { Opcode::LOAD_ZERO_SUPER_METHOD } else { Opcode::LOAD_SUPER_METHOD };
            self.emit_name(op, attr, loc);
            loc = self.update_start_location_to_match_attr(loc, meth);
            self.emit_noarg(Opcode::NOP, loc);
        } else {
            self.visit_expr(value)?;
            loc = self.update_start_location_to_match_attr(loc, meth);
            self.emit_name(Opcode::LOAD_METHOD, attr, loc);
        }
        self.visit_exprs(args)?;
        let eloc = self.loc(e.range);
        if kwdsl > 0 {
            for kw in keywords {
                self.visit_expr(&kw.value)?;
            }
            self.keyword_names(loc, keywords);
            let loc = self.update_start_location_to_match_attr(eloc, meth);
            self.emit(Opcode::CALL_KW, (argsl + kwdsl) as u32, loc);
        } else {
            let loc = self.update_start_location_to_match_attr(eloc, meth);
            self.emit(Opcode::CALL, argsl as u32, loc);
        }
        Ok(true)
    }

    /// `compiler_call_simple_kw_helper`: the tuple of keyword names for `CALL_KW`.
    fn keyword_names(&mut self, loc: Location, keywords: &[Keyword<'_>]) {
        let names = keywords.iter().map(|k| Constant::str(k.arg.unwrap_or_default()));
        self.load_const(Constant::tuple(names), loc);
    }

    /// `compiler_call_helper`: the arguments of a call whose callable (and `n` extra arguments)
    /// are already pushed.
    pub(crate) fn call_helper(
        &mut self,
        loc: Location,
        n: u32,
        args: &'a [Expr<'a>],
        keywords: &'a [Keyword<'a>],
    ) -> CResult {
        self.validate_keywords(keywords)?;
        let nelts = args.len();
        let nkwelts = keywords.len();
        let simple = nelts + nkwelts * 2 <= STACK_USE_GUIDELINE
            && !args.iter().any(|a| matches!(a.node, ExprKind::Starred { .. }))
            && keywords.iter().all(|k| k.arg.is_some());
        if simple {
            self.visit_exprs(args)?;
            if nkwelts > 0 {
                for kw in keywords {
                    self.visit_expr(&kw.value)?;
                }
                self.keyword_names(loc, keywords);
                self.emit(Opcode::CALL_KW, n + (nelts + nkwelts) as u32, loc);
            } else {
                self.emit(Opcode::CALL, n + nelts as u32, loc);
            }
            return Ok(());
        }
        // CALL_FUNCTION_EX: a tuple of positional arguments, then maybe a dict of keywords.
        match args {
            [Expr { node: ExprKind::Starred { value, .. }, .. }] if n == 0 => self.visit_expr(value)?,
            _ => self.starunpack(loc, args, n, Opcode::BUILD_LIST, Opcode::LIST_APPEND, Opcode::LIST_EXTEND, true)?,
        }
        if nkwelts > 0 {
            let mut have_dict = false;
            let mut nseen = 0;
            for (i, kw) in keywords.iter().enumerate() {
                if kw.arg.is_none() {
                    if nseen > 0 {
                        self.subkwargs(loc, keywords, i - nseen, i)?;
                        if have_dict {
                            self.emit(Opcode::DICT_MERGE, 1, loc);
                        }
                        have_dict = true;
                        nseen = 0;
                    }
                    if !have_dict {
                        self.emit(Opcode::BUILD_MAP, 0, loc);
                        have_dict = true;
                    }
                    self.visit_expr(&kw.value)?;
                    self.emit(Opcode::DICT_MERGE, 1, loc);
                } else {
                    nseen += 1;
                }
            }
            if nseen > 0 {
                self.subkwargs(loc, keywords, nkwelts - nseen, nkwelts)?;
                if have_dict {
                    self.emit(Opcode::DICT_MERGE, 1, loc);
                }
            }
        }
        self.emit(Opcode::CALL_FUNCTION_EX, (nkwelts > 0) as u32, loc);
        Ok(())
    }

    /// `compiler_subkwargs`: a dict of the named keywords `begin..end`.
    fn subkwargs(&mut self, loc: Location, keywords: &'a [Keyword<'a>], begin: usize, end: usize) -> CResult {
        let n = end - begin;
        let big = n * 2 > STACK_USE_GUIDELINE;
        if n > 1 && !big {
            for kw in &keywords[begin..end] {
                self.visit_expr(&kw.value)?;
            }
            self.keyword_names(loc, &keywords[begin..end]);
            self.emit(Opcode::BUILD_CONST_KEY_MAP, n as u32, loc);
            return Ok(());
        }
        if big {
            self.emit(Opcode::BUILD_MAP, 0, Location::NO_LOCATION);
        }
        for kw in &keywords[begin..end] {
            self.load_const(Constant::str(kw.arg.unwrap_or_default()), loc);
            self.visit_expr(&kw.value)?;
            if big {
                self.emit(Opcode::MAP_ADD, 1, Location::NO_LOCATION);
            }
        }
        if !big {
            self.emit(Opcode::BUILD_MAP, n as u32, loc);
        }
        Ok(())
    }
}
