//! `match` statements (`compiler_match` and `compiler_pattern_*`).
//!
//! Each case matches its pattern against a copy of the subject. Sub-patterns push the values
//! they capture onto the stack (below whatever must stay on top, `on_top`) and record the names
//! in `stores`; only when the whole pattern matched are they stored, in order. A failed check
//! jumps to `fail_pop[n]`, a ladder of `POP_TOP`s that drops the `n` items then on the stack.
//! Alternatives (`p1 | p2`) must bind the same names, and the values are rotated into the
//! order the first alternative bound them.

use pyrt_syntax::ast::{CmpOp, ExprKind, MatchCase, Pattern, PatternKind, Stmt};

use super::*;

struct PatternContext {
    stores: Vec<String>,
    allow_irrefutable: bool,
    fail_pop: Vec<Label>,
    on_top: usize,
}

fn is_wildcard(p: &Pattern<'_>) -> bool {
    matches!(p.node, PatternKind::MatchAs { pattern: None, name: None })
}

fn is_wildcard_star(p: &Pattern<'_>) -> bool {
    matches!(p.node, PatternKind::MatchStar { name: None })
}

impl<'a> Compiler<'a, '_> {
    pub(crate) fn match_stmt(
        &mut self,
        _s: &'a Stmt<'a>,
        subject: &'a ast::Expr<'a>,
        cases: &'a [MatchCase<'a>],
    ) -> CResult {
        self.visit_expr(subject)?;
        let end = self.new_label();
        let ncases = cases.len();
        let last = &cases[ncases - 1];
        let has_default = is_wildcard(&last.pattern) && ncases > 1;
        let mut pc = PatternContext { stores: Vec::new(), allow_irrefutable: false, fail_pop: Vec::new(), on_top: 0 };
        for (i, m) in cases[..ncases - has_default as usize].iter().enumerate() {
            let ploc = self.loc(m.pattern.range);
            let not_last = i != ncases - has_default as usize - 1;
            if not_last {
                self.emit(Opcode::COPY, 1, ploc);
            }
            pc.stores = Vec::new();
            pc.allow_irrefutable = m.guard.is_some() || i == ncases - 1;
            pc.fail_pop = Vec::new();
            pc.on_top = 0;
            self.pattern(&m.pattern, &mut pc)?;
            for name in std::mem::take(&mut pc.stores) {
                self.nameop(&name, ast::ExprContext::Store, ploc)?;
            }
            if let Some(guard) = m.guard {
                self.ensure_fail_pop(&mut pc, 0);
                self.jump_if(ploc, guard, pc.fail_pop[0], false)?;
            }
            if not_last {
                self.emit_noarg(Opcode::POP_TOP, ploc);
            }
            self.visit_stmts(m.body)?;
            self.emit_jump(Opcode::JUMP, end, Location::NO_LOCATION);
            self.emit_and_reset_fail_pop(ploc, &mut pc);
        }
        if has_default {
            let ploc = self.loc(last.pattern.range);
            if ncases == 1 {
                self.emit_noarg(Opcode::POP_TOP, ploc);
            } else {
                self.emit_noarg(Opcode::NOP, ploc);
            }
            if let Some(guard) = last.guard {
                self.jump_if(ploc, guard, end, false)?;
            }
            self.visit_stmts(last.body)?;
        }
        self.use_label(end);
        Ok(())
    }

    fn ensure_fail_pop(&mut self, pc: &mut PatternContext, n: usize) {
        while pc.fail_pop.len() < n + 1 {
            let l = self.new_label();
            pc.fail_pop.push(l);
        }
    }

    fn jump_to_fail_pop(&mut self, loc: Location, pc: &mut PatternContext, op: Opcode) {
        let pops = pc.on_top + pc.stores.len();
        self.ensure_fail_pop(pc, pops);
        self.emit_jump(op, pc.fail_pop[pops], loc);
    }

    fn emit_and_reset_fail_pop(&mut self, loc: Location, pc: &mut PatternContext) {
        if pc.fail_pop.is_empty() {
            return;
        }
        for i in (1..pc.fail_pop.len()).rev() {
            self.use_label(pc.fail_pop[i]);
            self.emit_noarg(Opcode::POP_TOP, loc);
        }
        self.use_label(pc.fail_pop[0]);
        pc.fail_pop.clear();
    }

    fn rotate(&mut self, loc: Location, mut count: usize) {
        while count > 1 {
            self.emit(Opcode::SWAP, count as u32, loc);
            count -= 1;
        }
    }

    fn store_name(&mut self, loc: Location, name: Option<&str>, pc: &mut PatternContext) -> CResult {
        let Some(name) = name else {
            self.emit_noarg(Opcode::POP_TOP, loc);
            return Ok(());
        };
        if name == "__debug__" {
            return Err(self.error_at("cannot assign to __debug__", loc));
        }
        if pc.stores.iter().any(|s| s == name) {
            return Err(self.error_at(format!("multiple assignments to name '{name}' in pattern"), loc));
        }
        let rotations = pc.on_top + pc.stores.len() + 1;
        self.rotate(loc, rotations);
        pc.stores.push(name.to_string());
        Ok(())
    }

    fn subpattern(&mut self, p: &'a Pattern<'a>, pc: &mut PatternContext) -> CResult {
        let allow = pc.allow_irrefutable;
        pc.allow_irrefutable = true;
        self.pattern(p, pc)?;
        pc.allow_irrefutable = allow;
        Ok(())
    }

    fn pattern(&mut self, p: &'a Pattern<'a>, pc: &mut PatternContext) -> CResult {
        crate::deep::grow(|| self.pattern_inner(p, pc))
    }

    fn pattern_inner(&mut self, p: &'a Pattern<'a>, pc: &mut PatternContext) -> CResult {
        let loc = self.loc(p.range);
        match &p.node {
            PatternKind::MatchValue { value } => {
                if self.folded(value).is_none() && !matches!(value.node, ExprKind::Attribute { .. }) {
                    return Err(self.error_at("patterns may only match literals and attribute lookups", loc));
                }
                self.visit_expr(value)?;
                self.emit_compare(CmpOp::Eq, loc);
                self.emit_noarg(Opcode::TO_BOOL, loc);
                self.jump_to_fail_pop(loc, pc, Opcode::POP_JUMP_IF_FALSE);
            }
            PatternKind::MatchSingleton { value } => {
                self.load_const(constant_value(value), loc);
                self.emit_compare(CmpOp::Is, loc);
                self.jump_to_fail_pop(loc, pc, Opcode::POP_JUMP_IF_FALSE);
            }
            PatternKind::MatchSequence { patterns } => self.pattern_sequence(loc, patterns, pc)?,
            PatternKind::MatchMapping { keys, patterns, rest } => {
                self.pattern_mapping(loc, keys, patterns, *rest, pc)?
            }
            PatternKind::MatchClass { cls, patterns, kwd_attrs, kwd_patterns } => {
                for (i, attr) in kwd_attrs.iter().enumerate() {
                    let ploc = self.loc(kwd_patterns[i].range);
                    if *attr == "__debug__" {
                        return Err(self.error_at("cannot assign to __debug__", ploc));
                    }
                    if let Some(j) = kwd_attrs[i + 1..].iter().position(|o| o == attr) {
                        let oloc = self.loc(kwd_patterns[i + 1 + j].range);
                        return Err(self.error_at(format!("attribute name repeated in class pattern: {attr}"), oloc));
                    }
                }
                self.visit_expr(cls)?;
                let names = Constant::tuple(kwd_attrs.iter().map(|a| Constant::str(a)));
                self.load_const(names, loc);
                let nargs = patterns.len();
                let nattrs = kwd_attrs.len();
                self.emit(Opcode::MATCH_CLASS, nargs as u32, loc);
                self.emit(Opcode::COPY, 1, loc);
                self.load_const(Constant::None, loc);
                self.emit(Opcode::IS_OP, 1, loc);
                pc.on_top += 1;
                self.jump_to_fail_pop(loc, pc, Opcode::POP_JUMP_IF_FALSE);
                self.emit(Opcode::UNPACK_SEQUENCE, (nargs + nattrs) as u32, loc);
                pc.on_top += nargs + nattrs;
                pc.on_top -= 1;
                for sub in patterns.iter().chain(kwd_patterns.iter()) {
                    pc.on_top -= 1;
                    if is_wildcard(sub) {
                        self.emit_noarg(Opcode::POP_TOP, loc);
                        continue;
                    }
                    self.subpattern(sub, pc)?;
                }
            }
            PatternKind::MatchStar { name } => self.store_name(loc, *name, pc)?,
            PatternKind::MatchAs { pattern, name } => match pattern {
                None => {
                    if !pc.allow_irrefutable {
                        let msg = match name {
                            Some(n) => format!("name capture '{n}' makes remaining patterns unreachable"),
                            None => "wildcard makes remaining patterns unreachable".to_string(),
                        };
                        return Err(self.error_at(msg, loc));
                    }
                    self.store_name(loc, *name, pc)?;
                }
                Some(inner) => {
                    pc.on_top += 1;
                    self.emit(Opcode::COPY, 1, loc);
                    self.pattern(inner, pc)?;
                    pc.on_top -= 1;
                    self.store_name(loc, *name, pc)?;
                }
            },
            PatternKind::MatchOr { patterns } => self.pattern_or(loc, patterns, pc)?,
        }
        Ok(())
    }

    fn pattern_sequence(&mut self, loc: Location, patterns: &'a [Pattern<'a>], pc: &mut PatternContext) -> CResult {
        let size = patterns.len();
        let mut star: Option<usize> = None;
        let mut only_wildcard = true;
        let mut star_wildcard = false;
        for (i, p) in patterns.iter().enumerate() {
            if matches!(p.node, PatternKind::MatchStar { .. }) {
                if star.is_some() {
                    return Err(self.error_at("multiple starred names in sequence pattern", loc));
                }
                star_wildcard = is_wildcard_star(p);
                only_wildcard &= star_wildcard;
                star = Some(i);
                continue;
            }
            only_wildcard &= is_wildcard(p);
        }
        pc.on_top += 1;
        self.emit_noarg(Opcode::MATCH_SEQUENCE, loc);
        self.jump_to_fail_pop(loc, pc, Opcode::POP_JUMP_IF_FALSE);
        match star {
            None => {
                self.emit_noarg(Opcode::GET_LEN, loc);
                self.load_const(Constant::Int(size as i64), loc);
                self.emit_compare(CmpOp::Eq, loc);
                self.jump_to_fail_pop(loc, pc, Opcode::POP_JUMP_IF_FALSE);
            }
            // `len(subject) >= size - 1`, skipped when trivially true (`[*rest]`, `[*_]`).
            Some(_) if size > 1 => {
                self.emit_noarg(Opcode::GET_LEN, loc);
                self.load_const(Constant::Int(size as i64 - 1), loc);
                self.emit_compare(CmpOp::GtE, loc);
                self.jump_to_fail_pop(loc, pc, Opcode::POP_JUMP_IF_FALSE);
            }
            Some(_) => {}
        }
        pc.on_top -= 1;
        if only_wildcard {
            self.emit_noarg(Opcode::POP_TOP, loc);
        } else if star_wildcard {
            let star = star.expect("a starred wildcard");
            pc.on_top += 1;
            for (i, p) in patterns.iter().enumerate() {
                if is_wildcard(p) || i == star {
                    continue;
                }
                self.emit(Opcode::COPY, 1, loc);
                if i < star {
                    self.load_const(Constant::Int(i as i64), loc);
                } else {
                    self.emit_noarg(Opcode::GET_LEN, loc);
                    self.load_const(Constant::Int((size - i) as i64), loc);
                    self.emit(Opcode::BINARY_OP, super::expr::binary_oparg(ast::Operator::Sub), loc);
                }
                self.emit_noarg(Opcode::BINARY_SUBSCR, loc);
                self.subpattern(p, pc)?;
            }
            pc.on_top -= 1;
            self.emit_noarg(Opcode::POP_TOP, loc);
        } else {
            self.pattern_unpack(loc, patterns)?;
            pc.on_top += size;
            for p in patterns {
                pc.on_top -= 1;
                self.subpattern(p, pc)?;
            }
        }
        Ok(())
    }

    fn pattern_unpack(&mut self, loc: Location, patterns: &[Pattern<'_>]) -> CResult {
        let n = patterns.len();
        let mut seen_star = false;
        for (i, p) in patterns.iter().enumerate() {
            if matches!(p.node, PatternKind::MatchStar { .. }) {
                if seen_star {
                    return Err(self.error_at("multiple starred expressions in sequence pattern", loc));
                }
                if i >= (1 << 8) || n - i > (i32::MAX as usize >> 8) {
                    return Err(self.error_at("too many expressions in star-unpacking sequence pattern", loc));
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

    fn pattern_mapping(
        &mut self,
        loc: Location,
        keys: &'a [ast::Expr<'a>],
        patterns: &'a [Pattern<'a>],
        rest: Option<&'a str>,
        pc: &mut PatternContext,
    ) -> CResult {
        let size = keys.len();
        pc.on_top += 1;
        self.emit_noarg(Opcode::MATCH_MAPPING, loc);
        self.jump_to_fail_pop(loc, pc, Opcode::POP_JUMP_IF_FALSE);
        if size == 0 && rest.is_none() {
            pc.on_top -= 1;
            self.emit_noarg(Opcode::POP_TOP, loc);
            return Ok(());
        }
        if size > 0 {
            self.emit_noarg(Opcode::GET_LEN, loc);
            self.load_const(Constant::Int(size as i64), loc);
            self.emit_compare(CmpOp::GtE, loc);
            self.jump_to_fail_pop(loc, pc, Opcode::POP_JUMP_IF_FALSE);
        }
        let mut seen: Vec<Constant> = Vec::new();
        for key in keys {
            if let Some(value) = self.folded(key) {
                // CPython's `seen` is a set: `0`, `False`, `0.0` and `0j` are the same key.
                if seen.iter().any(|s| crate::fold::python_eq(s, &value)) {
                    return Err(self.error_at(format!("mapping pattern checks duplicate key ({})", value.repr()), loc));
                }
                seen.push(value);
            } else if !matches!(key.node, ExprKind::Attribute { .. }) {
                return Err(self.error_at("mapping pattern keys may only match literals and attribute lookups", loc));
            }
            self.visit_expr(key)?;
        }
        self.emit(Opcode::BUILD_TUPLE, size as u32, loc);
        self.emit_noarg(Opcode::MATCH_KEYS, loc);
        pc.on_top += 2;
        self.emit(Opcode::COPY, 1, loc);
        self.load_const(Constant::None, loc);
        self.emit(Opcode::IS_OP, 1, loc);
        self.jump_to_fail_pop(loc, pc, Opcode::POP_JUMP_IF_FALSE);
        self.emit(Opcode::UNPACK_SEQUENCE, size as u32, loc);
        pc.on_top += size;
        pc.on_top -= 1;
        for p in patterns {
            pc.on_top -= 1;
            self.subpattern(p, pc)?;
        }
        pc.on_top -= 2;
        if let Some(rest) = rest {
            self.emit(Opcode::BUILD_MAP, 0, loc);
            self.emit(Opcode::SWAP, 3, loc);
            self.emit(Opcode::DICT_UPDATE, 2, loc);
            self.emit(Opcode::UNPACK_SEQUENCE, size as u32, loc);
            let mut remaining = size;
            while remaining > 0 {
                self.emit(Opcode::COPY, 1 + remaining as u32, loc);
                remaining -= 1;
                self.emit(Opcode::SWAP, 2, loc);
                self.emit_noarg(Opcode::DELETE_SUBSCR, loc);
            }
            self.store_name(loc, Some(rest), pc)?;
        } else {
            self.emit_noarg(Opcode::POP_TOP, loc);
            self.emit_noarg(Opcode::POP_TOP, loc);
        }
        Ok(())
    }

    fn pattern_or(&mut self, loc: Location, alts: &'a [Pattern<'a>], pc: &mut PatternContext) -> CResult {
        let end = self.new_label();
        let size = alts.len();
        let old_stores = std::mem::take(&mut pc.stores);
        let old_allow = pc.allow_irrefutable;
        let old_fail_pop = std::mem::take(&mut pc.fail_pop);
        let old_on_top = pc.on_top;
        let mut control: Option<Vec<String>> = None;
        for (i, alt) in alts.iter().enumerate() {
            let aloc = self.loc(alt.range);
            pc.stores = Vec::new();
            pc.allow_irrefutable = i == size - 1 && old_allow;
            pc.fail_pop = Vec::new();
            pc.on_top = 0;
            self.emit(Opcode::COPY, 1, aloc);
            self.pattern(alt, pc)?;
            let nstores = pc.stores.len();
            match &control {
                None => control = Some(pc.stores.clone()),
                Some(ctrl) if ctrl.len() != nstores => {
                    return Err(self.error_at("alternative patterns bind different names", loc));
                }
                Some(ctrl) => {
                    let ctrl = ctrl.clone();
                    let mut icontrol = nstores;
                    while icontrol > 0 {
                        icontrol -= 1;
                        let name = &ctrl[icontrol];
                        let Some(istores) = pc.stores.iter().position(|s| s == name) else {
                            return Err(self.error_at("alternative patterns bind different names", loc));
                        };
                        if icontrol != istores {
                            let rotations = istores + 1;
                            let rotated: Vec<String> = pc.stores.drain(..rotations).collect();
                            let at = icontrol - istores;
                            for (k, r) in rotated.into_iter().enumerate() {
                                pc.stores.insert(at + k, r);
                            }
                            for _ in 0..rotations {
                                self.rotate(aloc, icontrol + 1);
                            }
                        }
                    }
                }
            }
            self.emit_jump(Opcode::JUMP, end, aloc);
            self.emit_and_reset_fail_pop(aloc, pc);
        }
        pc.stores = old_stores;
        pc.allow_irrefutable = old_allow;
        pc.fail_pop = old_fail_pop;
        pc.on_top = old_on_top;
        self.emit_noarg(Opcode::POP_TOP, loc);
        self.jump_to_fail_pop(loc, pc, Opcode::JUMP);
        self.use_label(end);
        let control = control.unwrap_or_default();
        let nstores = control.len();
        let nrots = nstores + 1 + pc.on_top + pc.stores.len();
        for name in control {
            self.rotate(loc, nrots);
            if pc.stores.contains(&name) {
                return Err(self.error_at(format!("multiple assignments to name '{name}' in pattern"), loc));
            }
            pc.stores.push(name);
        }
        self.emit_noarg(Opcode::POP_TOP, loc);
        Ok(())
    }
}
