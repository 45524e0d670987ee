//! Exception handling and the frame-block stack: `try`/`except`/`else`/`finally`, `except*`,
//! `with`/`async with`, and `return`/`break`/`continue`, which must run the cleanup of every
//! block they leave (`compiler_unwind_fblock`).
//!
//! Zero-cost exception handling: a protected range starts with the pseudo-instruction
//! `SETUP_FINALLY handler` (or `SETUP_CLEANUP`/`SETUP_WITH`) and ends with `POP_BLOCK`; the back
//! end turns them into exception-table entries. Handlers start with `PUSH_EXC_INFO` and leave
//! through `POP_EXCEPT`; a cleanup handler (`COPY 3; POP_EXCEPT; RERAISE 1`) restores the
//! previous exception when a handler itself raises.

use pyrt_syntax::ast::{ExceptHandler, Expr, ExprContext, Stmt, WithItem};

use super::*;

/// What a frame block is (CPython's `enum fblocktype`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum FBlockKind {
    WhileLoop,
    ForLoop,
    TryExcept,
    FinallyTry,
    FinallyEnd,
    With,
    AsyncWith,
    HandlerCleanup,
    PopValue,
    ExceptionHandler,
    ExceptionGroupHandler,
    AsyncComprehensionGenerator,
    StopIteration,
}

/// Extra data a frame block needs to unwind.
#[derive(Clone, Copy, Debug)]
pub(crate) enum FBlockDatum<'a> {
    None,
    /// The `finally` body a `FinallyTry` block runs when left early.
    Finally(&'a [Stmt<'a>]),
    /// The `except ... as name` variable a `HandlerCleanup` block clears.
    Name(&'a str),
}

/// One entry of the frame-block stack (`struct fblockinfo`).
#[derive(Clone, Copy, Debug)]
pub(crate) struct FBlock<'a> {
    pub kind: FBlockKind,
    /// The loop's continue target.
    pub block: Option<Label>,
    /// The loop's break target.
    pub exit: Option<Label>,
    pub loc: Location,
    pub datum: FBlockDatum<'a>,
}

impl<'a> Compiler<'a, '_> {
    /// `compiler_unwind_fblock`: emit the cleanup of leaving `info` early.
    fn unwind_fblock(&mut self, loc: &mut Location, info: &FBlock<'a>, preserve_tos: bool) -> CResult {
        match info.kind {
            FBlockKind::WhileLoop
            | FBlockKind::ExceptionHandler
            | FBlockKind::ExceptionGroupHandler
            | FBlockKind::AsyncComprehensionGenerator
            | FBlockKind::StopIteration => {}
            FBlockKind::ForLoop => {
                if preserve_tos {
                    self.emit(Opcode::SWAP, 2, *loc);
                }
                self.emit_noarg(Opcode::POP_TOP, *loc);
            }
            FBlockKind::TryExcept => self.emit_noarg(Opcode::POP_BLOCK, *loc),
            FBlockKind::FinallyTry => {
                self.emit_noarg(Opcode::POP_BLOCK, *loc);
                if preserve_tos {
                    self.push_fblock(*loc, FBlockKind::PopValue, None, None, FBlockDatum::None)?;
                }
                if let FBlockDatum::Finally(body) = info.datum {
                    self.visit_stmts(body)?;
                }
                if preserve_tos {
                    self.pop_fblock();
                }
                *loc = Location::NO_LOCATION;
            }
            FBlockKind::FinallyEnd => {
                if preserve_tos {
                    self.emit(Opcode::SWAP, 2, *loc);
                }
                self.emit_noarg(Opcode::POP_TOP, *loc);
                if preserve_tos {
                    self.emit(Opcode::SWAP, 2, *loc);
                }
                self.emit_noarg(Opcode::POP_BLOCK, *loc);
                self.emit_noarg(Opcode::POP_EXCEPT, *loc);
            }
            FBlockKind::With | FBlockKind::AsyncWith => {
                *loc = info.loc;
                self.emit_noarg(Opcode::POP_BLOCK, *loc);
                if preserve_tos {
                    self.emit(Opcode::SWAP, 2, *loc);
                }
                self.call_exit_with_nones(*loc);
                if info.kind == FBlockKind::AsyncWith {
                    self.emit(Opcode::GET_AWAITABLE, 2, *loc);
                    self.load_const(Constant::None, *loc);
                    self.yield_from(*loc, true);
                }
                self.emit_noarg(Opcode::POP_TOP, *loc);
                *loc = Location::NO_LOCATION;
            }
            FBlockKind::HandlerCleanup => {
                let name = match info.datum {
                    FBlockDatum::Name(n) => Some(n),
                    _ => None,
                };
                if name.is_some() {
                    self.emit_noarg(Opcode::POP_BLOCK, *loc);
                }
                if preserve_tos {
                    self.emit(Opcode::SWAP, 2, *loc);
                }
                self.emit_noarg(Opcode::POP_BLOCK, *loc);
                self.emit_noarg(Opcode::POP_EXCEPT, *loc);
                if let Some(name) = name {
                    self.load_const(Constant::None, *loc);
                    self.nameop(name, ExprContext::Store, *loc)?;
                    self.nameop(name, ExprContext::Del, *loc)?;
                }
            }
            FBlockKind::PopValue => {
                if preserve_tos {
                    self.emit(Opcode::SWAP, 2, *loc);
                }
                self.emit_noarg(Opcode::POP_TOP, *loc);
            }
        }
        Ok(())
    }

    /// `compiler_unwind_fblock_stack`: unwind every block (down to the innermost loop when
    /// `stop_at_loop`), returning that loop.
    fn unwind_fblock_stack(
        &mut self,
        loc: &mut Location,
        preserve_tos: bool,
        stop_at_loop: bool,
    ) -> CResult<Option<FBlock<'a>>> {
        let Some(top) = self.ur().fblocks.last().copied() else { return Ok(None) };
        if top.kind == FBlockKind::ExceptionGroupHandler {
            return Err(self.error_at("'break', 'continue' and 'return' cannot appear in an except* block", *loc));
        }
        if stop_at_loop && matches!(top.kind, FBlockKind::WhileLoop | FBlockKind::ForLoop) {
            return Ok(Some(top));
        }
        self.u().fblocks.pop();
        self.unwind_fblock(loc, &top, preserve_tos)?;
        let found = self.unwind_fblock_stack(loc, preserve_tos, stop_at_loop)?;
        self.u().fblocks.push(top);
        Ok(found)
    }

    /// `compiler_return`.
    pub(crate) fn return_stmt(&mut self, s: &'a Stmt<'a>, value: Option<&'a Expr<'a>>) -> CResult {
        let mut loc = self.loc(s.range);
        let constant = value.and_then(|v| self.folded(v));
        let preserve_tos = value.is_some() && constant.is_none();
        if !self.ste().kind.is_function_like() {
            return Err(self.error_at("'return' outside function", loc));
        }
        if value.is_some() && self.ste().coroutine && self.ste().generator {
            return Err(self.error_at("'return' with value in async generator", loc));
        }
        if let Some(v) = value {
            if preserve_tos {
                self.visit_expr(v)?;
            } else {
                loc = self.loc(v.range);
                self.emit_noarg(Opcode::NOP, loc);
            }
        }
        let stmt_line = self.loc(s.range).lineno;
        if value.is_none_or(|v| self.loc(v.range).lineno != stmt_line) {
            loc = self.loc(s.range);
            self.emit_noarg(Opcode::NOP, loc);
        }
        self.unwind_fblock_stack(&mut loc, preserve_tos, false)?;
        if value.is_none() {
            self.load_const(Constant::None, loc);
        } else if let Some(c) = constant {
            self.load_const(c, loc);
        }
        self.emit_noarg(Opcode::RETURN_VALUE, loc);
        Ok(())
    }

    pub(crate) fn break_stmt(&mut self, loc: Location) -> CResult {
        let origin = loc;
        let mut loc = loc;
        self.emit_noarg(Opcode::NOP, loc);
        let Some(lp) = self.unwind_fblock_stack(&mut loc, false, true)? else {
            return Err(self.error_at("'break' outside loop", origin));
        };
        self.unwind_fblock(&mut loc, &lp, false)?;
        self.emit_jump(Opcode::JUMP, lp.exit.expect("loops have an exit"), loc);
        Ok(())
    }

    pub(crate) fn continue_stmt(&mut self, loc: Location) -> CResult {
        let origin = loc;
        let mut loc = loc;
        self.emit_noarg(Opcode::NOP, loc);
        let Some(lp) = self.unwind_fblock_stack(&mut loc, false, true)? else {
            return Err(self.error_at("'continue' not properly in loop", origin));
        };
        self.emit_jump(Opcode::JUMP, lp.block.expect("loops have a start"), loc);
        Ok(())
    }

    /// `compiler_pop_except_and_reraise`.
    fn pop_except_and_reraise(&mut self, loc: Location) {
        self.emit(Opcode::COPY, 3, loc);
        self.emit_noarg(Opcode::POP_EXCEPT, loc);
        self.emit(Opcode::RERAISE, 1, loc);
    }

    pub(crate) fn try_stmt(
        &mut self,
        s: &'a Stmt<'a>,
        body: &'a [Stmt<'a>],
        handlers: &'a [ExceptHandler<'a>],
        orelse: &'a [Stmt<'a>],
        finalbody: &'a [Stmt<'a>],
        star: bool,
    ) -> CResult {
        if finalbody.is_empty() {
            return if star {
                self.try_star_except(s, body, handlers, orelse)
            } else {
                self.try_except(s, body, handlers, orelse)
            };
        }
        let loc = self.loc(s.range);
        let body_label = self.new_label();
        let end = self.new_label();
        let exit = self.new_label();
        let cleanup = self.new_label();
        self.emit_jump(Opcode::SETUP_FINALLY, end, loc);
        self.use_label(body_label);
        self.push_fblock(loc, FBlockKind::FinallyTry, Some(body_label), Some(end), FBlockDatum::Finally(finalbody))?;
        if !handlers.is_empty() {
            if star {
                self.try_star_except(s, body, handlers, orelse)?;
            } else {
                self.try_except(s, body, handlers, orelse)?;
            }
        } else {
            self.visit_stmts(body)?;
        }
        self.emit_noarg(Opcode::POP_BLOCK, Location::NO_LOCATION);
        self.pop_fblock();
        self.visit_stmts(finalbody)?;
        self.emit_jump(Opcode::JUMP_NO_INTERRUPT, exit, Location::NO_LOCATION);
        self.use_label(end);
        let no = Location::NO_LOCATION;
        self.emit_jump(Opcode::SETUP_CLEANUP, cleanup, no);
        self.emit_noarg(Opcode::PUSH_EXC_INFO, no);
        self.push_fblock(no, FBlockKind::FinallyEnd, Some(end), None, FBlockDatum::None)?;
        self.visit_stmts(finalbody)?;
        self.pop_fblock();
        self.emit(Opcode::RERAISE, 0, no);
        self.use_label(cleanup);
        self.pop_except_and_reraise(no);
        self.use_label(exit);
        Ok(())
    }

    fn try_except(
        &mut self,
        s: &'a Stmt<'a>,
        body: &'a [Stmt<'a>],
        handlers: &'a [ExceptHandler<'a>],
        orelse: &'a [Stmt<'a>],
    ) -> CResult {
        let loc = self.loc(s.range);
        let no = Location::NO_LOCATION;
        let body_label = self.new_label();
        let mut except = self.new_label();
        let end = self.new_label();
        let cleanup = self.new_label();
        self.emit_jump(Opcode::SETUP_FINALLY, except, loc);
        self.use_label(body_label);
        self.push_fblock(loc, FBlockKind::TryExcept, Some(body_label), None, FBlockDatum::None)?;
        self.visit_stmts(body)?;
        self.pop_fblock();
        self.emit_noarg(Opcode::POP_BLOCK, no);
        self.visit_stmts(orelse)?;
        self.emit_jump(Opcode::JUMP_NO_INTERRUPT, end, no);
        self.use_label(except);
        self.emit_jump(Opcode::SETUP_CLEANUP, cleanup, no);
        self.emit_noarg(Opcode::PUSH_EXC_INFO, no);
        self.push_fblock(loc, FBlockKind::ExceptionHandler, None, None, FBlockDatum::None)?;
        let n = handlers.len();
        for (i, handler) in handlers.iter().enumerate() {
            let hloc = self.loc(handler.range);
            if handler.type_.is_none() && i + 1 < n {
                return Err(self.error_at("default 'except:' must be last", hloc));
            }
            except = self.new_label();
            if let Some(t) = handler.type_ {
                self.visit_expr(t)?;
                self.emit_noarg(Opcode::CHECK_EXC_MATCH, hloc);
                self.emit_jump(Opcode::POP_JUMP_IF_FALSE, except, hloc);
            }
            if let Some(name) = handler.name {
                let cleanup_end = self.new_label();
                let cleanup_body = self.new_label();
                self.nameop(name, ExprContext::Store, hloc)?;
                self.emit_jump(Opcode::SETUP_CLEANUP, cleanup_end, hloc);
                self.use_label(cleanup_body);
                self.push_fblock(hloc, FBlockKind::HandlerCleanup, Some(cleanup_body), None, FBlockDatum::Name(name))?;
                self.visit_stmts(handler.body)?;
                self.pop_fblock();
                self.emit_noarg(Opcode::POP_BLOCK, no);
                self.emit_noarg(Opcode::POP_BLOCK, no);
                self.emit_noarg(Opcode::POP_EXCEPT, no);
                self.load_const(Constant::None, no);
                self.nameop(name, ExprContext::Store, no)?;
                self.nameop(name, ExprContext::Del, no)?;
                self.emit_jump(Opcode::JUMP_NO_INTERRUPT, end, no);
                self.use_label(cleanup_end);
                self.load_const(Constant::None, no);
                self.nameop(name, ExprContext::Store, no)?;
                self.nameop(name, ExprContext::Del, no)?;
                self.emit(Opcode::RERAISE, 1, no);
            } else {
                let cleanup_body = self.new_label();
                self.emit_noarg(Opcode::POP_TOP, hloc);
                self.use_label(cleanup_body);
                self.push_fblock(hloc, FBlockKind::HandlerCleanup, Some(cleanup_body), None, FBlockDatum::None)?;
                self.visit_stmts(handler.body)?;
                self.pop_fblock();
                self.emit_noarg(Opcode::POP_BLOCK, no);
                self.emit_noarg(Opcode::POP_EXCEPT, no);
                self.emit_jump(Opcode::JUMP_NO_INTERRUPT, end, no);
            }
            self.use_label(except);
        }
        self.pop_fblock();
        self.emit(Opcode::RERAISE, 0, no);
        self.use_label(cleanup);
        self.pop_except_and_reraise(no);
        self.use_label(end);
        Ok(())
    }

    fn try_star_except(
        &mut self,
        s: &'a Stmt<'a>,
        body: &'a [Stmt<'a>],
        handlers: &'a [ExceptHandler<'a>],
        orelse: &'a [Stmt<'a>],
    ) -> CResult {
        let loc = self.loc(s.range);
        let no = Location::NO_LOCATION;
        let body_label = self.new_label();
        let mut except = self.new_label();
        let orelse_label = self.new_label();
        let end = self.new_label();
        let cleanup = self.new_label();
        let reraise_star = self.new_label();
        self.emit_jump(Opcode::SETUP_FINALLY, except, loc);
        self.use_label(body_label);
        self.push_fblock(loc, FBlockKind::TryExcept, Some(body_label), None, FBlockDatum::None)?;
        self.visit_stmts(body)?;
        self.pop_fblock();
        self.emit_noarg(Opcode::POP_BLOCK, no);
        self.emit_jump(Opcode::JUMP_NO_INTERRUPT, orelse_label, no);
        self.use_label(except);
        self.emit_jump(Opcode::SETUP_CLEANUP, cleanup, no);
        self.emit_noarg(Opcode::PUSH_EXC_INFO, no);
        self.push_fblock(loc, FBlockKind::ExceptionGroupHandler, None, None, FBlockDatum::None)?;
        let n = handlers.len();
        for (i, handler) in handlers.iter().enumerate() {
            let hloc = self.loc(handler.range);
            except = self.new_label();
            let except_with_error = self.new_label();
            let no_match = self.new_label();
            if i == 0 {
                self.emit(Opcode::BUILD_LIST, 0, hloc);
                self.emit(Opcode::COPY, 2, hloc);
            }
            if let Some(t) = handler.type_ {
                self.visit_expr(t)?;
                self.emit_noarg(Opcode::CHECK_EG_MATCH, hloc);
                self.emit(Opcode::COPY, 1, hloc);
                self.emit_jump(Opcode::POP_JUMP_IF_NONE, no_match, hloc);
            }
            let cleanup_end = self.new_label();
            let cleanup_body = self.new_label();
            match handler.name {
                Some(name) => self.nameop(name, ExprContext::Store, hloc)?,
                None => self.emit_noarg(Opcode::POP_TOP, hloc),
            }
            self.emit_jump(Opcode::SETUP_CLEANUP, cleanup_end, hloc);
            self.use_label(cleanup_body);
            let datum = handler.name.map_or(FBlockDatum::None, FBlockDatum::Name);
            self.push_fblock(hloc, FBlockKind::HandlerCleanup, Some(cleanup_body), None, datum)?;
            self.visit_stmts(handler.body)?;
            self.pop_fblock();
            self.emit_noarg(Opcode::POP_BLOCK, no);
            if let Some(name) = handler.name {
                self.load_const(Constant::None, no);
                self.nameop(name, ExprContext::Store, no)?;
                self.nameop(name, ExprContext::Del, no)?;
            }
            self.emit_jump(Opcode::JUMP, except, no);
            self.use_label(cleanup_end);
            if let Some(name) = handler.name {
                self.load_const(Constant::None, no);
                self.nameop(name, ExprContext::Store, no)?;
                self.nameop(name, ExprContext::Del, no)?;
            }
            self.emit(Opcode::LIST_APPEND, 3, no);
            self.emit_noarg(Opcode::POP_TOP, no);
            self.emit_jump(Opcode::JUMP, except_with_error, no);
            self.use_label(except);
            self.emit_noarg(Opcode::NOP, no);
            self.emit_jump(Opcode::JUMP, except_with_error, no);
            self.use_label(no_match);
            self.emit_noarg(Opcode::POP_TOP, hloc);
            self.use_label(except_with_error);
            if i + 1 == n {
                self.emit(Opcode::LIST_APPEND, 1, no);
                self.emit_jump(Opcode::JUMP, reraise_star, no);
            }
        }
        self.pop_fblock();
        let reraise = self.new_label();
        self.use_label(reraise_star);
        self.emit(Opcode::CALL_INTRINSIC_2, INTRINSIC_PREP_RERAISE_STAR, no);
        self.emit(Opcode::COPY, 1, no);
        self.emit_jump(Opcode::POP_JUMP_IF_NOT_NONE, reraise, no);
        self.emit_noarg(Opcode::POP_TOP, no);
        self.emit_noarg(Opcode::POP_BLOCK, no);
        self.emit_noarg(Opcode::POP_EXCEPT, no);
        self.emit_jump(Opcode::JUMP_NO_INTERRUPT, end, no);
        self.use_label(reraise);
        self.emit_noarg(Opcode::POP_BLOCK, no);
        self.emit(Opcode::SWAP, 2, no);
        self.emit_noarg(Opcode::POP_EXCEPT, no);
        self.emit(Opcode::RERAISE, 0, no);
        self.use_label(cleanup);
        self.pop_except_and_reraise(no);
        self.use_label(orelse_label);
        self.visit_stmts(orelse)?;
        self.use_label(end);
        Ok(())
    }

    /// `compiler_call_exit_with_nones`: `__exit__(None, None, None)`.
    fn call_exit_with_nones(&mut self, loc: Location) {
        for _ in 0..3 {
            self.load_const(Constant::None, loc);
        }
        self.emit(Opcode::CALL, 2, loc);
    }

    /// `compiler_with_except_finish`: after `WITH_EXCEPT_START`, re-raise unless `__exit__`
    /// returned a true value.
    fn with_except_finish(&mut self, cleanup: Label) {
        let no = Location::NO_LOCATION;
        let suppress = self.new_label();
        self.emit_noarg(Opcode::TO_BOOL, no);
        self.emit_jump(Opcode::POP_JUMP_IF_TRUE, suppress, no);
        self.emit(Opcode::RERAISE, 2, no);
        self.use_label(suppress);
        self.emit_noarg(Opcode::POP_TOP, no);
        self.emit_noarg(Opcode::POP_BLOCK, no);
        self.emit_noarg(Opcode::POP_EXCEPT, no);
        self.emit_noarg(Opcode::POP_TOP, no);
        self.emit_noarg(Opcode::POP_TOP, no);
        let exit = self.new_label();
        self.emit_jump(Opcode::JUMP_NO_INTERRUPT, exit, no);
        self.use_label(cleanup);
        self.pop_except_and_reraise(no);
        self.use_label(exit);
    }

    /// `compiler_with` / `compiler_async_with`: item `pos` and the rest nested inside it.
    pub(crate) fn with_stmt(
        &mut self,
        s: &'a Stmt<'a>,
        items: &'a [WithItem<'a>],
        body: &'a [Stmt<'a>],
        pos: usize,
        is_async: bool,
    ) -> CResult {
        let item = &items[pos];
        if is_async && self.ur().scope_type != ScopeType::AsyncFunction {
            let loc = self.loc(s.range);
            return Err(self.error_at("'async with' outside async function", loc));
        }
        let block = self.new_label();
        let final_label = self.new_label();
        let exit = self.new_label();
        let cleanup = self.new_label();
        self.visit_expr(&item.context_expr)?;
        let loc = self.loc(item.context_expr.range);
        if is_async {
            self.emit_noarg(Opcode::BEFORE_ASYNC_WITH, loc);
            self.emit(Opcode::GET_AWAITABLE, 1, loc);
            self.load_const(Constant::None, loc);
            self.yield_from(loc, true);
        } else {
            self.emit_noarg(Opcode::BEFORE_WITH, loc);
        }
        self.emit_jump(Opcode::SETUP_WITH, final_label, loc);
        self.use_label(block);
        let kind = if is_async { FBlockKind::AsyncWith } else { FBlockKind::With };
        self.push_fblock(loc, kind, Some(block), Some(final_label), FBlockDatum::None)?;
        match item.optional_vars {
            Some(v) => self.visit_expr(v)?,
            None => self.emit_noarg(Opcode::POP_TOP, loc),
        }
        if pos + 1 == items.len() {
            self.visit_stmts(body)?;
        } else {
            self.with_stmt(s, items, body, pos + 1, is_async)?;
        }
        if is_async {
            self.pop_fblock();
            self.emit_noarg(Opcode::POP_BLOCK, loc);
        } else {
            self.emit_noarg(Opcode::POP_BLOCK, Location::NO_LOCATION);
            self.pop_fblock();
        }
        self.call_exit_with_nones(loc);
        if is_async {
            self.emit(Opcode::GET_AWAITABLE, 2, loc);
            self.load_const(Constant::None, loc);
            self.yield_from(loc, true);
        }
        self.emit_noarg(Opcode::POP_TOP, loc);
        self.emit_jump(Opcode::JUMP, exit, loc);
        self.use_label(final_label);
        self.emit_jump(Opcode::SETUP_CLEANUP, cleanup, loc);
        self.emit_noarg(Opcode::PUSH_EXC_INFO, loc);
        self.emit_noarg(Opcode::WITH_EXCEPT_START, loc);
        if is_async {
            self.emit(Opcode::GET_AWAITABLE, 2, loc);
            self.load_const(Constant::None, loc);
            self.yield_from(loc, true);
        }
        self.with_except_finish(cleanup);
        self.use_label(exit);
        Ok(())
    }
}
