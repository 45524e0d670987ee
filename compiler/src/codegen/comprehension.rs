//! Comprehensions (`compiler_comprehension` and its generators).
//!
//! Generator expressions get their own code object, called with the outermost iterator. List,
//! set and dict comprehensions are *inlined* (PEP 709, 3.12+) when the symbol table says so: the
//! loop runs in the enclosing code, and the names the comprehension binds are isolated by saving
//! the outer values on the stack (`LOAD_FAST_AND_CLEAR`, plus `MAKE_CELL` for cells), running the
//! loop under a virtual `try` whose handler restores them, and restoring them afterwards with
//! `STORE_FAST_MAYBE_NULL`. In a module or class body those names are made fast locals for the
//! duration ("fast hidden" locals).

use pyrt_syntax::ast::{Comprehension, Expr, ExprKind};

use super::*;

#[derive(Clone, Copy, PartialEq, Eq)]
enum CompKind {
    Generator,
    List,
    Set,
    Dict,
}

/// What `push_inlined_comprehension_state` saved.
#[derive(Default)]
struct InlinedState {
    pushed_locals: Vec<String>,
    temp_symbols: Vec<(String, u32)>,
    fast_hidden: Vec<String>,
    cleanup: Option<Label>,
    end: Option<Label>,
}

impl<'a> Compiler<'a, '_> {
    pub(crate) fn comprehension(&mut self, e: &'a Expr<'a>) -> CResult {
        let (kind, name, generators, elt, val) = match &e.node {
            ExprKind::GeneratorExp { elt, generators } => (CompKind::Generator, "<genexpr>", *generators, *elt, None),
            ExprKind::ListComp { elt, generators } => (CompKind::List, "<listcomp>", *generators, *elt, None),
            ExprKind::SetComp { elt, generators } => (CompKind::Set, "<setcomp>", *generators, *elt, None),
            ExprKind::DictComp { key, value, generators } => {
                (CompKind::Dict, "<dictcomp>", *generators, *key, Some(*value))
            }
            _ => unreachable!("a comprehension"),
        };
        let scope_type = self.ur().scope_type;
        let Some(entry) = self.table.lookup(symtable::key_of(e)) else {
            return Err(self.error("internal error: no symbol table for comprehension", e.range));
        };
        let is_inlined = self.table.block(entry).comp_inlined;
        let is_async = self.table.block(entry).coroutine;
        let loc = self.loc(e.range);
        let outermost = &generators[0];
        let mut state = InlinedState::default();
        if is_inlined {
            self.comprehension_iter(outermost)?;
            state = self.push_inlined_state(loc, entry)?;
        } else {
            self.enter_scope(name, ScopeType::Comprehension, symtable::key_of(e), loc.lineno as u32)?;
        }
        if is_async
            && kind != CompKind::Generator
            && scope_type != ScopeType::AsyncFunction
            && scope_type != ScopeType::Comprehension
        {
            return Err(self.error_at("asynchronous comprehension outside of an asynchronous function", loc));
        }
        if kind != CompKind::Generator {
            let op = match kind {
                CompKind::List => Opcode::BUILD_LIST,
                CompKind::Set => Opcode::BUILD_SET,
                _ => Opcode::BUILD_MAP,
            };
            self.emit(op, 0, loc);
            if is_inlined {
                self.emit(Opcode::SWAP, 2, loc);
            }
        }
        self.comprehension_generator(loc, generators, 0, 0, elt, val, kind, is_inlined)?;
        if is_inlined {
            return self.pop_inlined_state(loc, state);
        }
        if kind != CompKind::Generator {
            self.emit_noarg(Opcode::RETURN_VALUE, loc);
        } else {
            self.wrap_in_stopiteration_handler();
        }
        let code = self.finish_unit(true)?;
        self.make_closure(loc, code, 0)?;
        self.comprehension_iter(outermost)?;
        self.emit(Opcode::CALL, 0, loc);
        if is_async && kind != CompKind::Generator {
            self.emit(Opcode::GET_AWAITABLE, 0, loc);
            self.load_const(Constant::None, loc);
            self.yield_from(loc, true);
        }
        Ok(())
    }

    /// `compiler_comprehension_iter`: the outermost iterable and its iterator.
    fn comprehension_iter(&mut self, comp: &'a Comprehension<'a>) -> CResult {
        self.visit_iterable(&comp.iter)?;
        let loc = self.loc(comp.iter.range);
        self.emit_noarg(if comp.is_async { Opcode::GET_AITER } else { Opcode::GET_ITER }, loc);
        Ok(())
    }

    #[allow(clippy::too_many_arguments)]
    fn comprehension_generator(
        &mut self,
        loc: Location,
        generators: &'a [Comprehension<'a>],
        gen_index: usize,
        depth: u32,
        elt: &'a Expr<'a>,
        val: Option<&'a Expr<'a>>,
        kind: CompKind,
        iter_on_stack: bool,
    ) -> CResult {
        if generators[gen_index].is_async {
            self.async_comprehension_generator(loc, generators, gen_index, depth, elt, val, kind, iter_on_stack)
        } else {
            self.sync_comprehension_generator(loc, generators, gen_index, depth, elt, val, kind, iter_on_stack)
        }
    }

    /// The element's append (or yield) after the last `for` clause; returns its location.
    fn comprehension_element(
        &mut self,
        elt: &'a Expr<'a>,
        val: Option<&'a Expr<'a>>,
        kind: CompKind,
        depth: u32,
    ) -> CResult<Location> {
        let mut elt_loc = self.loc(elt.range);
        self.visit_expr(elt)?;
        match kind {
            CompKind::Generator => {
                self.emit_yield(elt_loc);
                self.emit_noarg(Opcode::POP_TOP, elt_loc);
            }
            CompKind::List => self.emit(Opcode::LIST_APPEND, depth + 1, elt_loc),
            CompKind::Set => self.emit(Opcode::SET_ADD, depth + 1, elt_loc),
            CompKind::Dict => {
                let val = val.expect("dict comprehensions have a value");
                self.visit_expr(val)?;
                let vloc = self.loc(val.range);
                elt_loc = Location::new(elt_loc.lineno, vloc.end_lineno, elt_loc.col_offset, vloc.end_col_offset);
                self.emit(Opcode::MAP_ADD, depth + 1, elt_loc);
            }
        }
        Ok(elt_loc)
    }

    #[allow(clippy::too_many_arguments)]
    fn sync_comprehension_generator(
        &mut self,
        loc: Location,
        generators: &'a [Comprehension<'a>],
        gen_index: usize,
        mut depth: u32,
        elt: &'a Expr<'a>,
        val: Option<&'a Expr<'a>>,
        kind: CompKind,
        iter_on_stack: bool,
    ) -> CResult {
        let mut start = Some(self.new_label());
        let if_cleanup = self.new_label();
        let anchor = self.new_label();
        let generator = &generators[gen_index];
        if !iter_on_stack {
            if gen_index == 0 {
                self.u().meta.argcount = 1;
                self.emit(Opcode::LOAD_FAST, 0, loc);
            } else {
                // `for y in [f(x)]`: bind the single element directly.
                let single = match &generator.iter.node {
                    ExprKind::List { elts, .. } | ExprKind::Tuple { elts, .. }
                        if self.folded(&generator.iter).is_none() =>
                    {
                        match elts {
                            [only] if !matches!(only.node, ExprKind::Starred { .. }) => Some(only),
                            _ => None,
                        }
                    }
                    _ => None,
                };
                if let Some(only) = single {
                    self.visit_expr(only)?;
                    start = None;
                } else {
                    self.visit_iterable(&generator.iter)?;
                    let iloc = self.loc(generator.iter.range);
                    self.emit_noarg(Opcode::GET_ITER, iloc);
                }
            }
        }
        if let Some(start) = start {
            depth += 1;
            self.use_label(start);
            let iloc = self.loc(generator.iter.range);
            self.emit_jump(Opcode::FOR_ITER, anchor, iloc);
        }
        self.visit_expr(&generator.target)?;
        for cond in generator.ifs {
            self.jump_if(loc, cond, if_cleanup, false)?;
        }
        let next = gen_index + 1;
        if next < generators.len() {
            self.comprehension_generator(loc, generators, next, depth, elt, val, kind, false)?;
        }
        let mut elt_loc = self.loc(elt.range);
        if next >= generators.len() {
            elt_loc = self.comprehension_element(elt, val, kind, depth)?;
        }
        self.use_label(if_cleanup);
        if let Some(start) = start {
            self.emit_jump(Opcode::JUMP, start, elt_loc);
            self.use_label(anchor);
            self.emit_noarg(Opcode::END_FOR, Location::NO_LOCATION);
            self.emit_noarg(Opcode::POP_TOP, Location::NO_LOCATION);
        }
        Ok(())
    }

    #[allow(clippy::too_many_arguments)]
    fn async_comprehension_generator(
        &mut self,
        loc: Location,
        generators: &'a [Comprehension<'a>],
        gen_index: usize,
        mut depth: u32,
        elt: &'a Expr<'a>,
        val: Option<&'a Expr<'a>>,
        kind: CompKind,
        iter_on_stack: bool,
    ) -> CResult {
        let start = self.new_label();
        let except = self.new_label();
        let if_cleanup = self.new_label();
        let generator = &generators[gen_index];
        if !iter_on_stack {
            if gen_index == 0 {
                self.u().meta.argcount = 1;
                self.emit(Opcode::LOAD_FAST, 0, loc);
            } else {
                self.visit_iterable(&generator.iter)?;
                let iloc = self.loc(generator.iter.range);
                self.emit_noarg(Opcode::GET_AITER, iloc);
            }
        }
        self.use_label(start);
        self.push_fblock(loc, FBlockKind::AsyncComprehensionGenerator, Some(start), None, FBlockDatum::None)?;
        self.emit_jump(Opcode::SETUP_FINALLY, except, loc);
        self.emit_noarg(Opcode::GET_ANEXT, loc);
        self.load_const(Constant::None, loc);
        self.yield_from(loc, true);
        self.emit_noarg(Opcode::POP_BLOCK, loc);
        self.visit_expr(&generator.target)?;
        for cond in generator.ifs {
            self.jump_if(loc, cond, if_cleanup, false)?;
        }
        depth += 1;
        let next = gen_index + 1;
        if next < generators.len() {
            self.comprehension_generator(loc, generators, next, depth, elt, val, kind, false)?;
        }
        let mut elt_loc = self.loc(elt.range);
        if next >= generators.len() {
            elt_loc = self.comprehension_element(elt, val, kind, depth)?;
        }
        self.use_label(if_cleanup);
        self.emit_jump(Opcode::JUMP, start, elt_loc);
        self.pop_fblock();
        self.use_label(except);
        self.emit_noarg(Opcode::END_ASYNC_FOR, loc);
        Ok(())
    }

    /// `push_inlined_comprehension_state`.
    fn push_inlined_state(&mut self, loc: Location, entry: BlockId) -> CResult<InlinedState> {
        let outer = self.ur().block;
        let in_class_block = self.table.block(outer).kind == BlockType::Class && self.ur().in_inlined_comp == 0;
        self.u().in_inlined_comp += 1;
        let mut state = InlinedState::default();
        let symbols: Vec<(String, u32)> =
            self.table.block(entry).symbols.iter().map(|(k, v)| (k.clone(), *v)).collect();
        let function_like = self.table.block(outer).kind.is_function_like();
        for (k, symbol) in symbols {
            let scope = (symbol >> symtable::SCOPE_OFFSET) & symtable::SCOPE_MASK;
            let outv = self.table.block(outer).symbol(&k);
            let outsc = (outv >> symtable::SCOPE_OFFSET) & symtable::SCOPE_MASK;
            let (free, cell) = (Scope::Free as u32, Scope::Cell as u32);
            if (scope != outsc && scope != free && !(scope == cell && outsc == free)) || in_class_block {
                self.table.blocks[outer].symbols.insert(k.clone(), symbol);
                state.temp_symbols.push((k.clone(), outv));
            }
            if (symbol & symtable::DEF_LOCAL != 0 && symbol & symtable::DEF_NONLOCAL == 0) || in_class_block {
                if !function_like && !self.ur().fast_hidden_active.contains(&k) {
                    self.u().fast_hidden_active.insert(k.clone());
                    self.u().meta.fasthidden.insert(Arc::from(k.as_str()));
                    state.fast_hidden.push(k.clone());
                }
                let mangled = self.mangle(&k);
                let i = self.u().meta.varnames.add(&mangled);
                self.emit(Opcode::LOAD_FAST_AND_CLEAR, i, loc);
                if scope == cell {
                    // The outer scope's free variable when there is one, else its cell.
                    let i = if outsc == free {
                        let ncells = self.ur().meta.cellvars.len() as u32;
                        ncells + self.u().meta.freevars.add(&mangled)
                    } else {
                        self.deref_index(&mangled)
                    };
                    self.emit(Opcode::MAKE_CELL, i, loc);
                }
                state.pushed_locals.push(k);
            }
        }
        if !state.pushed_locals.is_empty() {
            self.emit(Opcode::SWAP, state.pushed_locals.len() as u32 + 1, loc);
            let cleanup = self.new_label();
            let end = self.new_label();
            state.cleanup = Some(cleanup);
            state.end = Some(end);
            self.emit_jump(Opcode::SETUP_FINALLY, cleanup, loc);
        }
        Ok(state)
    }

    fn restore_inlined_locals(&mut self, loc: Location, state: &InlinedState) {
        self.emit(Opcode::SWAP, state.pushed_locals.len() as u32 + 1, loc);
        for k in state.pushed_locals.iter().rev() {
            let mangled = self.mangle(k);
            let i = self.u().meta.varnames.add(&mangled);
            self.emit(Opcode::STORE_FAST_MAYBE_NULL, i, loc);
        }
    }

    /// `pop_inlined_comprehension_state`.
    fn pop_inlined_state(&mut self, loc: Location, state: InlinedState) -> CResult {
        self.u().in_inlined_comp -= 1;
        let outer = self.ur().block;
        for (k, v) in &state.temp_symbols {
            self.table.blocks[outer].symbols.insert(k.clone(), *v);
        }
        if let (Some(cleanup), Some(end)) = (state.cleanup, state.end) {
            let no = Location::NO_LOCATION;
            self.emit_noarg(Opcode::POP_BLOCK, no);
            self.emit_jump(Opcode::JUMP_NO_INTERRUPT, end, no);
            self.use_label(cleanup);
            self.emit(Opcode::SWAP, 2, no);
            self.emit_noarg(Opcode::POP_TOP, no);
            self.restore_inlined_locals(loc, &state);
            self.emit(Opcode::RERAISE, 0, no);
            self.use_label(end);
            self.restore_inlined_locals(loc, &state);
        }
        for k in &state.fast_hidden {
            self.u().fast_hidden_active.remove(k);
        }
        Ok(())
    }
}
