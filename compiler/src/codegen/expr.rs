//! Expressions (`compiler_visit_expr1` and its helpers in `compile.c`): operators, comparisons,
//! boolean operators and conditional jumps, containers with star-unpacking, subscripts and
//! slices, f-strings, `yield`/`await`, and the AST optimizer's rewrites that change code shape
//! (`not (a is b)` → `a is not b`, `x in [a, b]` → a tuple, `"%s" % (a,)` → an f-string).

use pyrt_syntax::ast::{BoolOp, CmpOp, Expr, ExprContext, ExprKind, Operator, UnaryOp};

use super::*;
use crate::fold::{self, Folded};

/// `STACK_USE_GUIDELINE`: above this many items, containers are built incrementally.
pub(crate) const STACK_USE_GUIDELINE: usize = 30;

/// `BINARY_OP` opargs (`NB_*`); the in-place forms are these plus 13.
pub(crate) fn binary_oparg(op: Operator) -> u32 {
    match op {
        Operator::Add => 0,
        Operator::BitAnd => 1,
        Operator::FloorDiv => 2,
        Operator::LShift => 3,
        Operator::MatMult => 4,
        Operator::Mult => 5,
        Operator::Mod => 6,
        Operator::BitOr => 7,
        Operator::Pow => 8,
        Operator::RShift => 9,
        Operator::Sub => 10,
        Operator::Div => 11,
        Operator::BitXor => 12,
    }
}

impl<'a> Compiler<'a, '_> {
    /// The constant an expression folds to under CPython's AST optimizer, if any.
    pub(crate) fn folded(&self, e: &Expr<'_>) -> Option<Constant> {
        fold::fold_expr(e)
    }

    pub(crate) fn visit_exprs(&mut self, exprs: &'a [Expr<'a>]) -> CResult {
        exprs.iter().try_for_each(|e| self.visit_expr(e))
    }

    pub(crate) fn visit_expr(&mut self, e: &'a Expr<'a>) -> CResult {
        crate::deep::grow(|| self.visit_expr_inner(e))
    }

    fn visit_expr_inner(&mut self, e: &'a Expr<'a>) -> CResult {
        let loc = self.loc(e.range);
        if let Some(value) = self.folded(e) {
            self.load_const(value, loc);
            return Ok(());
        }
        match &e.node {
            ExprKind::NamedExpr { target, value } => {
                self.visit_expr(value)?;
                self.emit(Opcode::COPY, 1, loc);
                self.visit_expr(target)?;
            }
            ExprKind::BoolOp { op, values } => {
                let jump = if *op == BoolOp::And { Opcode::POP_JUMP_IF_FALSE } else { Opcode::POP_JUMP_IF_TRUE };
                let end = self.new_label();
                let (last, rest) = values.split_last().expect("BoolOp has values");
                for v in rest {
                    self.visit_expr(v)?;
                    self.emit(Opcode::COPY, 1, loc);
                    self.emit_noarg(Opcode::TO_BOOL, loc);
                    self.emit_jump(jump, end, loc);
                    self.emit_noarg(Opcode::POP_TOP, loc);
                }
                self.visit_expr(last)?;
                self.use_label(end);
            }
            ExprKind::BinOp { left, op, right } => {
                if let Some(parts) = fold::percent_format(e) {
                    return self.joined_str_parts(&parts, loc);
                }
                self.visit_expr(left)?;
                self.visit_expr(right)?;
                self.emit(Opcode::BINARY_OP, binary_oparg(*op), loc);
            }
            ExprKind::UnaryOp { op, operand } => {
                if *op == UnaryOp::Not
                    && let Some((inner, inverted)) = inverted_compare(operand)
                {
                    // `not (a is b)` is compiled as `a is not b`, at the comparison's location.
                    return self.compare(inner, Some(inverted));
                }
                self.visit_expr(operand)?;
                match op {
                    UnaryOp::UAdd => self.emit(Opcode::CALL_INTRINSIC_1, INTRINSIC_UNARY_POSITIVE, loc),
                    UnaryOp::Not => {
                        self.emit_noarg(Opcode::TO_BOOL, loc);
                        self.emit_noarg(Opcode::UNARY_NOT, loc);
                    }
                    UnaryOp::Invert => self.emit_noarg(Opcode::UNARY_INVERT, loc),
                    UnaryOp::USub => self.emit_noarg(Opcode::UNARY_NEGATIVE, loc),
                }
            }
            ExprKind::Lambda { args, body } => self.lambda(e, args, body)?,
            ExprKind::IfExp { test, body, orelse } => {
                let end = self.new_label();
                let next = self.new_label();
                self.jump_if(loc, test, next, false)?;
                self.visit_expr(body)?;
                self.emit_jump(Opcode::JUMP_NO_INTERRUPT, end, Location::NO_LOCATION);
                self.use_label(next);
                self.visit_expr(orelse)?;
                self.use_label(end);
            }
            ExprKind::Dict { keys, values } => self.dict(loc, keys, values)?,
            ExprKind::Set { elts } => {
                self.starunpack(loc, elts, 0, Opcode::BUILD_SET, Opcode::SET_ADD, Opcode::SET_UPDATE, false)?
            }
            ExprKind::GeneratorExp { .. }
            | ExprKind::ListComp { .. }
            | ExprKind::SetComp { .. }
            | ExprKind::DictComp { .. } => self.comprehension(e)?,
            ExprKind::Yield { value } => {
                if !self.ste().kind.is_function_like() {
                    return Err(self.error("'yield' outside function", e.range));
                }
                match value {
                    Some(v) => self.visit_expr(v)?,
                    None => self.load_const(Constant::None, loc),
                }
                self.emit_yield(loc);
            }
            ExprKind::YieldFrom { value } => {
                if !self.ste().kind.is_function_like() {
                    return Err(self.error("'yield from' outside function", e.range));
                }
                if self.ur().scope_type == ScopeType::AsyncFunction {
                    return Err(self.error("'yield from' inside async function", e.range));
                }
                self.visit_expr(value)?;
                self.emit_noarg(Opcode::GET_YIELD_FROM_ITER, loc);
                self.load_const(Constant::None, loc);
                self.yield_from(loc, false);
            }
            ExprKind::Await { value } => {
                if !self.ste().kind.is_function_like() {
                    return Err(self.error("'await' outside function", e.range));
                }
                if !matches!(self.ur().scope_type, ScopeType::AsyncFunction | ScopeType::Comprehension) {
                    return Err(self.error("'await' outside async function", e.range));
                }
                self.visit_expr(value)?;
                self.emit(Opcode::GET_AWAITABLE, 0, loc);
                self.load_const(Constant::None, loc);
                self.yield_from(loc, true);
            }
            ExprKind::Compare { .. } => self.compare(e, None)?,
            ExprKind::Call { func, args, keywords } => self.call(e, func, args, keywords)?,
            ExprKind::Constant { value, .. } => self.load_const(constant_value(value), loc),
            ExprKind::JoinedStr { values } => self.joined_str(loc, values)?,
            ExprKind::FormattedValue { value, conversion, format_spec } => {
                self.formatted_value(loc, value, *conversion, *format_spec)?
            }
            ExprKind::Attribute { value, attr, ctx } => self.attribute(e, value, attr, *ctx)?,
            ExprKind::Subscript { value, slice, ctx } => {
                if *ctx == ExprContext::Load {
                    self.check_subscript(value, slice);
                }
                self.visit_expr(value)?;
                if let ExprKind::Slice { step: None, .. } = slice.node
                    && *ctx != ExprContext::Del
                {
                    self.slice(slice)?;
                    self.emit_noarg(
                        if *ctx == ExprContext::Load { Opcode::BINARY_SLICE } else { Opcode::STORE_SLICE },
                        loc,
                    );
                } else {
                    self.visit_expr(slice)?;
                    let op = match ctx {
                        ExprContext::Load => Opcode::BINARY_SUBSCR,
                        ExprContext::Store => Opcode::STORE_SUBSCR,
                        ExprContext::Del => Opcode::DELETE_SUBSCR,
                    };
                    self.emit_noarg(op, loc);
                }
            }
            ExprKind::Starred { ctx, .. } => {
                let msg = if *ctx == ExprContext::Store {
                    "starred assignment target must be in a list or tuple"
                } else {
                    "can't use starred expression here"
                };
                return Err(self.error(msg, e.range));
            }
            ExprKind::Slice { .. } => {
                let n = self.slice(e)?;
                self.emit(Opcode::BUILD_SLICE, n, loc);
            }
            ExprKind::Name { id, ctx } => self.nameop(id, *ctx, loc)?,
            ExprKind::List { elts, ctx } => match ctx {
                ExprContext::Store => self.assignment_helper(loc, elts)?,
                ExprContext::Load => {
                    self.starunpack(loc, elts, 0, Opcode::BUILD_LIST, Opcode::LIST_APPEND, Opcode::LIST_EXTEND, false)?
                }
                ExprContext::Del => self.visit_exprs(elts)?,
            },
            ExprKind::Tuple { elts, ctx } => match ctx {
                ExprContext::Store => self.assignment_helper(loc, elts)?,
                ExprContext::Load => {
                    self.starunpack(loc, elts, 0, Opcode::BUILD_LIST, Opcode::LIST_APPEND, Opcode::LIST_EXTEND, true)?
                }
                ExprContext::Del => self.visit_exprs(elts)?,
            },
        }
        Ok(())
    }

    fn attribute(&mut self, e: &'a Expr<'a>, value: &'a Expr<'a>, attr: &str, ctx: ExprContext) -> CResult {
        if ctx == ExprContext::Load && self.can_optimize_super_call(e) {
            let ExprKind::Call { args, .. } = &value.node else { unreachable!("checked by can_optimize_super_call") };
            self.load_args_for_super(value)?;
            let op = if args.is_empty() { Opcode::LOAD_ZERO_SUPER_ATTR } else { Opcode::LOAD_SUPER_ATTR };
            let loc = self.loc(e.range);
            self.emit_name(op, attr, loc);
            let loc = self.update_start_location_to_match_attr(loc, e);
            self.emit_noarg(Opcode::NOP, loc);
            return Ok(());
        }
        self.maybe_add_static_attribute(value, attr, ctx);
        self.visit_expr(value)?;
        let loc = self.loc(e.range);
        let loc = self.update_start_location_to_match_attr(loc, e);
        // `forbidden_name`, for a store only (`del x.__debug__` and `x.__debug__ += 1` compile).
        if ctx == ExprContext::Store && attr == "__debug__" {
            return Err(self.error_at("cannot assign to __debug__", loc));
        }
        let op = match ctx {
            ExprContext::Load => Opcode::LOAD_ATTR,
            ExprContext::Store => Opcode::STORE_ATTR,
            ExprContext::Del => Opcode::DELETE_ATTR,
        };
        self.emit_name(op, attr, loc);
        Ok(())
    }

    /// `compiler_maybe_add_static_attribute_to_class`: `self.x = ...` in a method records `x`.
    fn maybe_add_static_attribute(&mut self, value: &Expr<'_>, attr: &str, ctx: ExprContext) {
        if ctx != ExprContext::Store || !matches!(value.node, ExprKind::Name { id: "self", .. }) {
            return;
        }
        if let Some(unit) = self.units.iter_mut().rev().skip(1).find(|u| u.scope_type == ScopeType::Class)
            && let Some(attrs) = unit.static_attributes.as_mut()
        {
            attrs.insert(attr.to_string());
        }
    }

    /// `update_start_location_to_match_attr`: an attribute spanning lines is located at its
    /// attribute name's line.
    pub(crate) fn update_start_location_to_match_attr(&self, mut loc: Location, attr: &Expr<'_>) -> Location {
        let ExprKind::Attribute { attr: name, .. } = attr.node else { return loc };
        let (end_line, end_col) = self.index.line_col(attr.range.end);
        let (end_line, end_col) = (end_line as i32, end_col as i32);
        if loc.lineno != end_line {
            loc.lineno = end_line;
            let len = name.chars().count() as i32;
            if len <= end_col {
                loc.col_offset = end_col - len;
            } else {
                loc.col_offset = -1;
                loc.end_col_offset = -1;
            }
            loc.end_lineno = loc.lineno.max(loc.end_lineno);
            if loc.lineno == loc.end_lineno {
                loc.end_col_offset = loc.col_offset.max(loc.end_col_offset);
            }
        }
        loc
    }

    /// `compiler_slice`: pushes the bounds (None for missing ones) and returns their count.
    pub(crate) fn slice(&mut self, s: &'a Expr<'a>) -> CResult<u32> {
        let ExprKind::Slice { lower, upper, step } = &s.node else { unreachable!("a slice") };
        let loc = self.loc(s.range);
        for bound in [lower, upper] {
            match bound {
                Some(b) => self.visit_expr(b)?,
                None => self.load_const(Constant::None, loc),
            }
        }
        if let Some(step) = step {
            self.visit_expr(step)?;
            return Ok(3);
        }
        Ok(2)
    }

    /// `ADDOP_YIELD`.
    pub(crate) fn emit_yield(&mut self, loc: Location) {
        let ste = self.ste();
        if ste.generator && ste.coroutine {
            self.emit(Opcode::CALL_INTRINSIC_1, INTRINSIC_ASYNC_GEN_WRAP, loc);
        }
        self.emit(Opcode::YIELD_VALUE, 0, loc);
        self.emit(Opcode::RESUME, RESUME_AFTER_YIELD, loc);
    }

    /// `compiler_add_yield_from`: the `SEND` loop of `yield from` and `await`.
    pub(crate) fn yield_from(&mut self, loc: Location, is_await: bool) {
        let send = self.new_label();
        let fail = self.new_label();
        let exit = self.new_label();
        self.use_label(send);
        self.emit_jump(Opcode::SEND, exit, loc);
        self.emit_jump(Opcode::SETUP_FINALLY, fail, loc);
        self.emit(Opcode::YIELD_VALUE, 1, loc);
        self.emit_noarg(Opcode::POP_BLOCK, Location::NO_LOCATION);
        self.emit(Opcode::RESUME, if is_await { RESUME_AFTER_AWAIT } else { RESUME_AFTER_YIELD_FROM }, loc);
        self.emit_jump(Opcode::JUMP_NO_INTERRUPT, send, loc);
        self.use_label(fail);
        self.emit_noarg(Opcode::CLEANUP_THROW, loc);
        self.use_label(exit);
        self.emit_noarg(Opcode::END_SEND, loc);
    }

    /// `compiler_addcompare`.
    pub(crate) fn emit_compare(&mut self, op: CmpOp, loc: Location) {
        let (cmp, mask) = match op {
            CmpOp::Lt => (0, 2),
            CmpOp::LtE => (1, 2 | 8),
            CmpOp::Eq => (2, 8),
            CmpOp::NotEq => (3, 1 | 2 | 4),
            CmpOp::Gt => (4, 4),
            CmpOp::GtE => (5, 4 | 8),
            CmpOp::Is => return self.emit(Opcode::IS_OP, 0, loc),
            CmpOp::IsNot => return self.emit(Opcode::IS_OP, 1, loc),
            CmpOp::In => return self.emit(Opcode::CONTAINS_OP, 0, loc),
            CmpOp::NotIn => return self.emit(Opcode::CONTAINS_OP, 1, loc),
        };
        self.emit(Opcode::COMPARE_OP, (cmp << 5) | mask, loc);
    }

    /// A comparator, with `fold_iter` applied to the last one of an `in`/`not in` chain.
    fn comparator(&mut self, e: &'a Expr<'a>, is_last_containment: bool) -> CResult {
        if is_last_containment {
            return self.visit_iterable(e);
        }
        self.visit_expr(e)
    }

    /// `compiler_compare`. `single_op` overrides the operator of a one-operator comparison (for
    /// the `not` inversion).
    pub(crate) fn compare(&mut self, e: &'a Expr<'a>, single_op: Option<CmpOp>) -> CResult {
        let ExprKind::Compare { left, ops, comparators } = &e.node else { unreachable!("a comparison") };
        let loc = self.loc(e.range);
        let ops: Vec<CmpOp> = match single_op {
            Some(op) => vec![op],
            None => ops.to_vec(),
        };
        self.check_compare(e, left, &ops, comparators);
        let containment = matches!(ops.last(), Some(CmpOp::In | CmpOp::NotIn));
        self.visit_expr(left)?;
        let n = ops.len() - 1;
        if n == 0 {
            self.comparator(&comparators[0], containment)?;
            self.emit_compare(ops[0], loc);
        } else {
            let cleanup = self.new_label();
            for i in 0..n {
                self.visit_expr(&comparators[i])?;
                self.emit(Opcode::SWAP, 2, loc);
                self.emit(Opcode::COPY, 2, loc);
                self.emit_compare(ops[i], loc);
                self.emit(Opcode::COPY, 1, loc);
                self.emit_noarg(Opcode::TO_BOOL, loc);
                self.emit_jump(Opcode::POP_JUMP_IF_FALSE, cleanup, loc);
                self.emit_noarg(Opcode::POP_TOP, loc);
            }
            self.comparator(&comparators[n], containment)?;
            self.emit_compare(ops[n], loc);
            let end = self.new_label();
            self.emit_jump(Opcode::JUMP_NO_INTERRUPT, end, Location::NO_LOCATION);
            self.use_label(cleanup);
            self.emit(Opcode::SWAP, 2, loc);
            self.emit_noarg(Opcode::POP_TOP, loc);
            self.use_label(end);
        }
        Ok(())
    }

    /// An iterable after `fold_iter`: a list display becomes a tuple (constant if it can be), a
    /// set display of constants a frozenset constant.
    pub(crate) fn visit_iterable(&mut self, e: &'a Expr<'a>) -> CResult {
        let loc = self.loc(e.range);
        match &e.node {
            ExprKind::List { elts, ctx: ExprContext::Load } if !has_starred(elts) => {
                if let Some(items) = elts.iter().map(|x| self.folded(x)).collect::<Option<Vec<_>>>() {
                    self.load_const(Constant::tuple(items), loc);
                    return Ok(());
                }
                self.starunpack(loc, elts, 0, Opcode::BUILD_LIST, Opcode::LIST_APPEND, Opcode::LIST_EXTEND, true)
            }
            ExprKind::Set { elts } => {
                if let Some(items) = elts.iter().map(|x| self.folded(x)).collect::<Option<Vec<_>>>() {
                    self.load_const(fold::frozenset(items), loc);
                    return Ok(());
                }
                self.visit_expr(e)
            }
            _ => self.visit_expr(e),
        }
    }

    /// `compiler_jump_if`: evaluate `e` and jump to `next` if its truth is `cond`.
    pub(crate) fn jump_if(&mut self, loc: Location, e: &'a Expr<'a>, next: Label, cond: bool) -> CResult {
        crate::deep::grow(|| self.jump_if_inner(loc, e, next, cond))
    }

    fn jump_if_inner(&mut self, loc: Location, e: &'a Expr<'a>, next: Label, cond: bool) -> CResult {
        if self.folded(e).is_none() {
            match &e.node {
                ExprKind::UnaryOp { op: UnaryOp::Not, operand } => {
                    if let Some((inner, inverted)) = inverted_compare(operand) {
                        return self.jump_if_compare(inner, Some(inverted), next, cond);
                    }
                    return self.jump_if(loc, operand, next, !cond);
                }
                ExprKind::BoolOp { op, values } => {
                    let cond2 = *op == BoolOp::Or;
                    let mut next2 = next;
                    if cond2 != cond {
                        next2 = self.new_label();
                    }
                    let (last, rest) = values.split_last().expect("BoolOp has values");
                    for v in rest {
                        self.jump_if(loc, v, next2, cond2)?;
                    }
                    self.jump_if(loc, last, next, cond)?;
                    if next2 != next {
                        self.use_label(next2);
                    }
                    return Ok(());
                }
                ExprKind::IfExp { test, body, orelse } => {
                    let end = self.new_label();
                    let next2 = self.new_label();
                    self.jump_if(loc, test, next2, false)?;
                    self.jump_if(loc, body, next, cond)?;
                    self.emit_jump(Opcode::JUMP_NO_INTERRUPT, end, Location::NO_LOCATION);
                    self.use_label(next2);
                    self.jump_if(loc, orelse, next, cond)?;
                    self.use_label(end);
                    return Ok(());
                }
                ExprKind::Compare { ops, .. } if ops.len() > 1 => {
                    return self.jump_if_compare(e, None, next, cond);
                }
                _ => {}
            }
        }
        self.visit_expr(e)?;
        let loc = self.loc(e.range);
        self.emit_noarg(Opcode::TO_BOOL, loc);
        self.emit_jump(if cond { Opcode::POP_JUMP_IF_TRUE } else { Opcode::POP_JUMP_IF_FALSE }, next, loc);
        Ok(())
    }

    fn jump_if_compare(&mut self, e: &'a Expr<'a>, single_op: Option<CmpOp>, next: Label, cond: bool) -> CResult {
        let ExprKind::Compare { left, ops, comparators } = &e.node else { unreachable!("a comparison") };
        let loc = self.loc(e.range);
        let ops: Vec<CmpOp> = match single_op {
            Some(op) => vec![op],
            None => ops.to_vec(),
        };
        let n = ops.len() - 1;
        if n == 0 {
            self.compare(e, single_op)?;
            self.emit_noarg(Opcode::TO_BOOL, loc);
            self.emit_jump(if cond { Opcode::POP_JUMP_IF_TRUE } else { Opcode::POP_JUMP_IF_FALSE }, next, loc);
            return Ok(());
        }
        self.check_compare(e, left, &ops, comparators);
        let containment = matches!(ops.last(), Some(CmpOp::In | CmpOp::NotIn));
        let cleanup = self.new_label();
        self.visit_expr(left)?;
        for i in 0..n {
            self.visit_expr(&comparators[i])?;
            self.emit(Opcode::SWAP, 2, loc);
            self.emit(Opcode::COPY, 2, loc);
            self.emit_compare(ops[i], loc);
            self.emit_noarg(Opcode::TO_BOOL, loc);
            self.emit_jump(Opcode::POP_JUMP_IF_FALSE, cleanup, loc);
        }
        self.comparator(&comparators[n], containment)?;
        self.emit_compare(ops[n], loc);
        self.emit_noarg(Opcode::TO_BOOL, loc);
        self.emit_jump(if cond { Opcode::POP_JUMP_IF_TRUE } else { Opcode::POP_JUMP_IF_FALSE }, next, loc);
        let end = self.new_label();
        self.emit_jump(Opcode::JUMP_NO_INTERRUPT, end, Location::NO_LOCATION);
        self.use_label(cleanup);
        self.emit_noarg(Opcode::POP_TOP, loc);
        if !cond {
            self.emit_jump(Opcode::JUMP_NO_INTERRUPT, next, Location::NO_LOCATION);
        }
        self.use_label(end);
        Ok(())
    }

    /// `starunpack_helper`: builds a list/tuple/set from `elts` (with `pushed` items already on
    /// the stack), extending with starred items and folding all-constant displays.
    #[allow(clippy::too_many_arguments)]
    pub(crate) fn starunpack(
        &mut self,
        loc: Location,
        elts: &'a [Expr<'a>],
        pushed: u32,
        build: Opcode,
        add: Opcode,
        extend: Opcode,
        tuple: bool,
    ) -> CResult {
        let n = elts.len();
        if n > 2
            && let Some(items) = self.all_constant(elts)
        {
            if tuple && pushed == 0 {
                self.load_const(Constant::tuple(items), loc);
            } else {
                let folded = if add == Opcode::SET_ADD { fold::frozenset(items) } else { Constant::tuple(items) };
                self.emit(build, pushed, loc);
                self.load_const(folded, loc);
                self.emit(extend, 1, loc);
                if tuple {
                    self.emit(Opcode::CALL_INTRINSIC_1, INTRINSIC_LIST_TO_TUPLE, loc);
                }
            }
            return Ok(());
        }
        let big = n + pushed as usize > STACK_USE_GUIDELINE;
        let seen_star = has_starred(elts);
        if !seen_star && !big {
            self.visit_exprs(elts)?;
            self.emit(if tuple { Opcode::BUILD_TUPLE } else { build }, n as u32 + pushed, loc);
            return Ok(());
        }
        let mut sequence_built = false;
        if big {
            self.emit(build, pushed, loc);
            sequence_built = true;
        }
        for (i, elt) in elts.iter().enumerate() {
            if let ExprKind::Starred { value, .. } = &elt.node {
                if !sequence_built {
                    self.emit(build, i as u32 + pushed, loc);
                    sequence_built = true;
                }
                self.visit_expr(value)?;
                self.emit(extend, 1, loc);
            } else {
                self.visit_expr(elt)?;
                if sequence_built {
                    self.emit(add, 1, loc);
                }
            }
        }
        if tuple {
            self.emit(Opcode::CALL_INTRINSIC_1, INTRINSIC_LIST_TO_TUPLE, loc);
        }
        Ok(())
    }

    /// The folded values of `elts` if every one is a constant (`are_all_items_const`).
    pub(crate) fn all_constant(&self, elts: &[Expr<'_>]) -> Option<Vec<Constant>> {
        elts.iter().map(|e| self.folded(e)).collect()
    }

    /// `unpack_helper` + the stores of `assignment_helper`.
    pub(crate) fn assignment_helper(&mut self, loc: Location, elts: &'a [Expr<'a>]) -> CResult {
        self.unpack_helper(loc, elts)?;
        for elt in elts {
            match &elt.node {
                ExprKind::Starred { value, .. } => self.visit_expr(value)?,
                _ => self.visit_expr(elt)?,
            }
        }
        Ok(())
    }

    pub(crate) fn unpack_helper(&mut self, loc: Location, elts: &[Expr<'_>]) -> CResult {
        let n = elts.len();
        let mut seen_star = false;
        for (i, elt) in elts.iter().enumerate() {
            if matches!(elt.node, ExprKind::Starred { .. }) {
                if seen_star {
                    return Err(self.error_at("multiple starred expressions in assignment", loc));
                }
                if i >= (1 << 8) || n - i > (i32::MAX as usize >> 8) {
                    return Err(self.error_at("too many expressions in star-unpacking assignment", loc));
                }
                self.emit(Opcode::UNPACK_EX, (i + ((n - i - 1) << 8)) as u32, loc);
                seen_star = true;
            }
        }
        if !seen_star {
            self.emit(Opcode::UNPACK_SEQUENCE, n as u32, loc);
        }
        Ok(())
    }

    fn subdict(
        &mut self,
        loc: Location,
        keys: &'a [Option<Expr<'a>>],
        values: &'a [Expr<'a>],
        begin: usize,
        end: usize,
    ) -> CResult {
        let n = end - begin;
        let big = n * 2 > STACK_USE_GUIDELINE;
        if n > 1 && !big {
            let consts: Option<Vec<Constant>> =
                keys[begin..end].iter().map(|k| k.as_ref().and_then(|k| self.folded(k))).collect();
            if let Some(consts) = consts {
                for v in &values[begin..end] {
                    self.visit_expr(v)?;
                }
                self.load_const(Constant::tuple(consts), loc);
                self.emit(Opcode::BUILD_CONST_KEY_MAP, n as u32, loc);
                return Ok(());
            }
        }
        if big {
            self.emit(Opcode::BUILD_MAP, 0, loc);
        }
        for i in begin..end {
            if let Some(k) = &keys[i] {
                self.visit_expr(k)?;
            }
            self.visit_expr(&values[i])?;
            if big {
                self.emit(Opcode::MAP_ADD, 1, loc);
            }
        }
        if !big {
            self.emit(Opcode::BUILD_MAP, n as u32, loc);
        }
        Ok(())
    }

    /// `compiler_dict`.
    fn dict(&mut self, loc: Location, keys: &'a [Option<Expr<'a>>], values: &'a [Expr<'a>]) -> CResult {
        let n = values.len();
        let mut have_dict = false;
        let mut elements = 0;
        for i in 0..n {
            if keys[i].is_none() {
                if elements > 0 {
                    self.subdict(loc, keys, values, i - elements, i)?;
                    if have_dict {
                        self.emit(Opcode::DICT_UPDATE, 1, loc);
                    }
                    have_dict = true;
                    elements = 0;
                }
                if !have_dict {
                    self.emit(Opcode::BUILD_MAP, 0, loc);
                    have_dict = true;
                }
                self.visit_expr(&values[i])?;
                self.emit(Opcode::DICT_UPDATE, 1, loc);
            } else if elements * 2 > STACK_USE_GUIDELINE {
                self.subdict(loc, keys, values, i - elements, i + 1)?;
                if have_dict {
                    self.emit(Opcode::DICT_UPDATE, 1, loc);
                }
                have_dict = true;
                elements = 0;
            } else {
                elements += 1;
            }
        }
        if elements > 0 {
            self.subdict(loc, keys, values, n - elements, n)?;
            if have_dict {
                self.emit(Opcode::DICT_UPDATE, 1, loc);
            }
            have_dict = true;
        }
        if !have_dict {
            self.emit(Opcode::BUILD_MAP, 0, loc);
        }
        Ok(())
    }

    /// `compiler_joined_str`.
    fn joined_str(&mut self, loc: Location, values: &'a [Expr<'a>]) -> CResult {
        if values.len() > STACK_USE_GUIDELINE {
            self.load_const(Constant::str(""), loc);
            self.emit_name(Opcode::LOAD_METHOD, "join", loc);
            self.emit(Opcode::BUILD_LIST, 0, loc);
            for v in values {
                self.visit_expr(v)?;
                self.emit(Opcode::LIST_APPEND, 1, loc);
            }
            self.emit(Opcode::CALL, 1, loc);
        } else {
            self.visit_exprs(values)?;
            match values.len() {
                0 => self.load_const(Constant::str(""), loc),
                1 => {}
                n => self.emit(Opcode::BUILD_STRING, n as u32, loc),
            }
        }
        Ok(())
    }

    /// The f-string the optimizer makes of `"..." % (a, b)` (see [`fold::percent_format`]).
    fn joined_str_parts(&mut self, parts: &[Folded<'a>], loc: Location) -> CResult {
        if parts.len() > STACK_USE_GUIDELINE {
            self.load_const(Constant::str(""), loc);
            self.emit_name(Opcode::LOAD_METHOD, "join", loc);
            self.emit(Opcode::BUILD_LIST, 0, loc);
        }
        for part in parts {
            match part {
                Folded::Literal(s) => self.load_const(Constant::Str(s.clone()), Location::NO_LOCATION),
                Folded::Format { value, conversion, spec } => {
                    self.visit_expr(value)?;
                    let vloc = self.loc(value.range);
                    self.emit(Opcode::CONVERT_VALUE, *conversion, vloc);
                    match spec {
                        Some(spec) => {
                            self.load_const(Constant::str(spec), Location::NO_LOCATION);
                            self.emit_noarg(Opcode::FORMAT_WITH_SPEC, vloc);
                        }
                        None => self.emit_noarg(Opcode::FORMAT_SIMPLE, vloc),
                    }
                }
            }
            if parts.len() > STACK_USE_GUIDELINE {
                self.emit(Opcode::LIST_APPEND, 1, loc);
            }
        }
        if parts.len() > STACK_USE_GUIDELINE {
            self.emit(Opcode::CALL, 1, loc);
        } else if parts.len() != 1 {
            self.emit(Opcode::BUILD_STRING, parts.len() as u32, loc);
        }
        Ok(())
    }

    /// `compiler_formatted_value`.
    fn formatted_value(
        &mut self,
        loc: Location,
        value: &'a Expr<'a>,
        conversion: i32,
        spec: Option<&'a Expr<'a>>,
    ) -> CResult {
        self.visit_expr(value)?;
        if conversion != -1 {
            let oparg = match char::from_u32(conversion as u32) {
                Some('s') => 1,
                Some('r') => 2,
                Some('a') => 3,
                _ => return Err(self.error_at("unrecognized conversion character", loc)),
            };
            self.emit(Opcode::CONVERT_VALUE, oparg, loc);
        }
        match spec {
            Some(spec) => {
                self.visit_expr(spec)?;
                self.emit_noarg(Opcode::FORMAT_WITH_SPEC, loc);
            }
            None => self.emit_noarg(Opcode::FORMAT_SIMPLE, loc),
        }
        Ok(())
    }
}

pub(crate) fn has_starred(elts: &[Expr<'_>]) -> bool {
    elts.iter().any(|e| matches!(e.node, ExprKind::Starred { .. }))
}

/// `fold_unaryop`'s rewrite of `not` over a single `is`/`is not`/`in`/`not in` comparison: the
/// comparison and its inverted operator.
fn inverted_compare<'a>(operand: &'a Expr<'a>) -> Option<(&'a Expr<'a>, CmpOp)> {
    let ExprKind::Compare { ops, .. } = &operand.node else { return None };
    if ops.len() != 1 || fold::fold_expr(operand).is_some() {
        return None;
    }
    let inverted = match ops[0] {
        CmpOp::Is => CmpOp::IsNot,
        CmpOp::IsNot => CmpOp::Is,
        CmpOp::In => CmpOp::NotIn,
        CmpOp::NotIn => CmpOp::In,
        _ => return None,
    };
    Some((operand, inverted))
}
