//! Pass 1: walk the AST and record what each block does with each name (`symtable_visit_*`).
//!
//! The walk keeps a stack of open blocks; `add_def` ORs a `DEF_*`/`USE` flag into the current
//! block's entry for a (mangled) name. The order of the walk matters because some errors depend
//! on what was seen before (`global x` after a use of `x`), so it follows CPython's visiting
//! order field by field: e.g. a function's defaults and decorators are visited in the enclosing
//! block, then its type parameters, then its annotations, then its body in a new block.

use pyrt_syntax::ast::*;
use pyrt_syntax::{LineIndex, SyntaxError, SyntaxErrorKind, TextRange};

use super::*;
use crate::located::compiler_error;

use crate::deep::{MAX_DEPTH, grow};

pub(super) fn build(module: &Mod<'_>, source: &str, future: FutureFeatures) -> Result<SymbolTable, SyntaxError> {
    let mut b = Builder {
        table: SymbolTable { blocks: Vec::new(), by_key: Default::default(), mangled_sets: Vec::new(), future },
        stack: Vec::new(),
        private: None,
        source,
        index: LineIndex::new(source),
        depth: 0,
    };
    b.enter_block("top".into(), BlockType::Module, key_of(module), TextRange::default());
    match module {
        Mod::Module { body, .. } | Mod::Interactive { body } => b.stmts(body)?,
        Mod::Expression { body } => b.expr(body)?,
        Mod::FunctionType { argtypes, returns } => {
            b.exprs(argtypes)?;
            b.expr(returns)?;
        }
    }
    b.exit_block();
    Ok(b.table)
}

struct Builder<'s> {
    table: SymbolTable,
    /// Open blocks, innermost last.
    stack: Vec<BlockId>,
    /// The name of the innermost class (for mangling).
    private: Option<String>,
    source: &'s str,
    index: LineIndex,
    depth: u32,
}

type R = Result<(), SyntaxError>;

impl<'s> Builder<'s> {
    fn error(&self, msg: impl Into<String>, range: TextRange) -> SyntaxError {
        compiler_error(msg, self.source, &self.index, range)
    }

    fn cur(&self) -> BlockId {
        *self.stack.last().expect("a block is open")
    }

    fn cur_block(&mut self) -> &mut Block {
        let id = self.cur();
        &mut self.table.blocks[id]
    }

    fn enter_block(&mut self, name: String, kind: BlockType, key: usize, range: TextRange) {
        let mut block = Block::new(name, kind, range);
        if let Some(&prev) = self.stack.last() {
            let p = &self.table.blocks[prev];
            block.nested = p.nested || p.kind.is_function_like();
            block.comp_iter_expr = p.comp_iter_expr;
            if kind != BlockType::Class {
                block.mangled_names = p.mangled_names;
            }
        }
        let id = self.table.blocks.len();
        self.table.blocks.push(block);
        self.table.by_key.insert(key, id);
        // `from __future__ import annotations` blocks only hide their names: CPython 3.13 does
        // not list them as children.
        if let Some(&prev) = self.stack.last()
            && kind != BlockType::Annotation
        {
            self.table.blocks[prev].children.push(id);
        }
        self.stack.push(id);
    }

    fn exit_block(&mut self) {
        self.stack.pop();
    }

    fn mangled(&self, name: &str) -> String {
        self.table.maybe_mangle(self.private.as_deref(), self.cur(), name).into_owned()
    }

    fn lookup(&self, name: &str) -> u32 {
        let m = self.mangled(name);
        self.table.blocks[self.cur()].symbol(&m)
    }

    fn add_def(&mut self, name: &str, flag: u32, range: TextRange) -> R {
        let cur = self.cur();
        self.add_def_in(name, flag, cur, range)
    }

    /// `symtable_add_def_helper`: the name is mangled with the *current* block's rules even when
    /// the definition goes to another block (a walrus target in a comprehension).
    fn add_def_in(&mut self, name: &str, flag: u32, block: BlockId, range: TextRange) -> R {
        if flag & DEF_TYPE_PARAM != 0
            && let Some(set) = self.table.blocks[self.cur()].mangled_names
        {
            self.table.mangled_sets[set].insert(name.to_string());
        }
        let mangled = self.mangled(name);
        let ste = &self.table.blocks[block];
        let mut val = match ste.symbols.get(&mangled) {
            Some(&old) => {
                if flag & DEF_PARAM != 0 && old & DEF_PARAM != 0 {
                    return Err(self.error(format!("duplicate argument '{name}' in function definition"), range));
                }
                if flag & DEF_TYPE_PARAM != 0 && old & DEF_TYPE_PARAM != 0 {
                    return Err(self.error(format!("duplicate type parameter '{name}'"), range));
                }
                old | flag
            }
            None => flag,
        };
        if ste.comp_iter_target {
            if val & (DEF_GLOBAL | DEF_NONLOCAL) != 0 {
                return Err(self.error(
                    format!("comprehension inner loop cannot rebind assignment expression target '{name}'"),
                    range,
                ));
            }
            val |= DEF_COMP_ITER;
        }
        let ste = &mut self.table.blocks[block];
        ste.symbols.insert(mangled.clone(), val);
        if flag & DEF_PARAM != 0 {
            ste.varnames.push(mangled);
        } else if flag & DEF_GLOBAL != 0 {
            let top = &mut self.table.blocks[0];
            *top.symbols.entry(mangled).or_insert(0) |= flag;
        }
        Ok(())
    }

    fn record_directive(&mut self, name: &str, range: TextRange) {
        let mangled = self.mangled(name);
        self.cur_block().directives.push((mangled, range));
    }

    fn enter_depth(&mut self) -> R {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            // A `RecursionError` without a position, as CPython's.
            return Err(SyntaxError {
                kind: SyntaxErrorKind::RecursionError,
                msg: "maximum recursion depth exceeded during compilation".to_string(),
                lineno: 0,
                offset: 0,
                end_lineno: 0,
                end_offset: 0,
                text: None,
            });
        }
        Ok(())
    }

    fn stmts(&mut self, stmts: &[Stmt<'_>]) -> R {
        stmts.iter().try_for_each(|s| self.stmt(s))
    }

    fn exprs(&mut self, exprs: &[Expr<'_>]) -> R {
        exprs.iter().try_for_each(|e| self.expr(e))
    }

    fn stmt(&mut self, s: &Stmt<'_>) -> R {
        self.enter_depth()?;
        grow(|| self.stmt_inner(s))?;
        self.depth -= 1;
        Ok(())
    }

    #[allow(clippy::too_many_arguments)]
    fn function_def(
        &mut self,
        s: &Stmt<'_>,
        name: &str,
        args: &Arguments<'_>,
        body: &[Stmt<'_>],
        decorators: &[Expr<'_>],
        returns: Option<&Expr<'_>>,
        type_params: &[TypeParam<'_>],
        is_async: bool,
    ) -> R {
        self.add_def(name, DEF_LOCAL, s.range)?;
        self.exprs(args.defaults)?;
        self.kw_defaults(args.kw_defaults)?;
        self.exprs(decorators)?;
        if !type_params.is_empty() {
            let has_kwdefaults = args.kw_defaults.iter().any(|d| d.is_some());
            self.enter_type_param_block(name, type_params_key(type_params), true, has_kwdefaults, false, s.range)?;
            self.type_params(type_params)?;
        }
        self.annotations(s, args, returns)?;
        self.enter_block(name.to_string(), BlockType::Function, key_of(s), s.range);
        if is_async {
            self.cur_block().coroutine = true;
        }
        self.arguments(args)?;
        self.stmts(body)?;
        self.exit_block();
        if !type_params.is_empty() {
            self.exit_block();
        }
        Ok(())
    }

    fn kw_defaults(&mut self, defaults: &[Option<Expr<'_>>]) -> R {
        defaults.iter().flatten().try_for_each(|e| self.expr(e))
    }

    fn stmt_inner(&mut self, s: &Stmt<'_>) -> R {
        match &s.node {
            StmtKind::FunctionDef { name, args, body, decorator_list, returns, type_params, .. } => {
                self.function_def(s, name, args, body, decorator_list, *returns, type_params, false)?
            }
            StmtKind::AsyncFunctionDef { name, args, body, decorator_list, returns, type_params, .. } => {
                self.function_def(s, name, args, body, decorator_list, *returns, type_params, true)?
            }
            StmtKind::ClassDef { name, bases, keywords, body, decorator_list, type_params } => {
                self.add_def(name, DEF_LOCAL, s.range)?;
                self.exprs(decorator_list)?;
                let saved_private = self.private.clone();
                if !type_params.is_empty() {
                    self.enter_type_param_block(name, type_params_key(type_params), false, false, true, s.range)?;
                    self.private = Some(name.to_string());
                    let set = self.table.mangled_sets.len();
                    self.table.mangled_sets.push(Default::default());
                    self.cur_block().mangled_names = Some(set);
                    self.type_params(type_params)?;
                }
                self.exprs(bases)?;
                keywords.iter().try_for_each(|k| self.expr(&k.value))?;
                self.enter_block(name.to_string(), BlockType::Class, key_of(s), s.range);
                self.private = Some(name.to_string());
                if !type_params.is_empty() {
                    let tp_range = type_params_range(type_params);
                    self.add_def("__type_params__", DEF_LOCAL, tp_range)?;
                    self.add_def(".type_params", USE, tp_range)?;
                }
                self.stmts(body)?;
                self.exit_block();
                if !type_params.is_empty() {
                    self.exit_block();
                }
                self.private = saved_private;
            }
            StmtKind::Return { value } => {
                if let Some(v) = value {
                    self.expr(v)?;
                    self.cur_block().returns_value = true;
                }
            }
            StmtKind::Delete { targets } => self.exprs(targets)?,
            StmtKind::Assign { targets, value, .. } => {
                self.exprs(targets)?;
                self.expr(value)?;
            }
            StmtKind::AnnAssign { target, annotation, value, simple } => {
                if let ExprKind::Name { id, .. } = target.node {
                    let cur = self.lookup(id);
                    if cur & (DEF_GLOBAL | DEF_NONLOCAL) != 0 && self.cur() != 0 && *simple {
                        let msg = if cur & DEF_GLOBAL != 0 {
                            format!("annotated name '{id}' can't be global")
                        } else {
                            format!("annotated name '{id}' can't be nonlocal")
                        };
                        return Err(self.error(msg, s.range));
                    }
                    if *simple {
                        self.add_def(id, DEF_ANNOT | DEF_LOCAL, target.range)?;
                    }
                    if value.is_some() {
                        self.add_def(id, DEF_LOCAL, target.range)?;
                    }
                } else {
                    self.expr(target)?;
                }
                self.annotation(annotation)?;
                if let Some(v) = value {
                    self.expr(v)?;
                }
            }
            StmtKind::TypeAlias { name, type_params, value } => {
                self.expr(name)?;
                let ExprKind::Name { id: alias_name, .. } = name.node else {
                    return Err(self.error("type alias name must be a name", name.range));
                };
                let in_class = self.table.blocks[self.cur()].kind == BlockType::Class;
                if !type_params.is_empty() {
                    self.enter_type_param_block(
                        alias_name,
                        type_params_key(type_params),
                        false,
                        false,
                        false,
                        s.range,
                    )?;
                    self.type_params(type_params)?;
                }
                self.enter_block(alias_name.to_string(), BlockType::TypeAlias, key_of(s), s.range);
                self.cur_block().can_see_class_scope = in_class;
                if in_class {
                    self.add_def("__classdict__", USE, value.range)?;
                }
                self.expr(value)?;
                self.exit_block();
                if !type_params.is_empty() {
                    self.exit_block();
                }
            }
            StmtKind::AugAssign { target, value, .. } => {
                self.expr(target)?;
                self.expr(value)?;
            }
            StmtKind::For { target, iter, body, orelse, .. }
            | StmtKind::AsyncFor { target, iter, body, orelse, .. } => {
                self.expr(target)?;
                self.expr(iter)?;
                self.stmts(body)?;
                self.stmts(orelse)?;
            }
            StmtKind::While { test, body, orelse } | StmtKind::If { test, body, orelse } => {
                self.expr(test)?;
                self.stmts(body)?;
                self.stmts(orelse)?;
            }
            StmtKind::Match { subject, cases } => {
                self.expr(subject)?;
                for case in cases.iter() {
                    self.pattern(&case.pattern)?;
                    if let Some(g) = case.guard {
                        self.expr(g)?;
                    }
                    self.stmts(case.body)?;
                }
            }
            StmtKind::Raise { exc, cause } => {
                if let Some(e) = exc {
                    self.expr(e)?;
                    if let Some(c) = cause {
                        self.expr(c)?;
                    }
                }
            }
            StmtKind::Try { body, handlers, orelse, finalbody }
            | StmtKind::TryStar { body, handlers, orelse, finalbody } => {
                self.stmts(body)?;
                for h in handlers.iter() {
                    if let Some(t) = h.type_ {
                        self.expr(t)?;
                    }
                    if let Some(n) = h.name {
                        self.add_def(n, DEF_LOCAL, h.range)?;
                    }
                    self.stmts(h.body)?;
                }
                self.stmts(orelse)?;
                self.stmts(finalbody)?;
            }
            StmtKind::Assert { test, msg } => {
                self.expr(test)?;
                if let Some(m) = msg {
                    self.expr(m)?;
                }
            }
            StmtKind::Import { names } | StmtKind::ImportFrom { names, .. } => {
                for a in names.iter() {
                    self.alias(a)?;
                }
            }
            StmtKind::Global { names } => {
                for name in names.iter() {
                    let cur = self.lookup(name);
                    if cur & (DEF_PARAM | DEF_LOCAL | USE | DEF_ANNOT) != 0 {
                        let msg = if cur & DEF_PARAM != 0 {
                            format!("name '{name}' is parameter and global")
                        } else if cur & USE != 0 {
                            format!("name '{name}' is used prior to global declaration")
                        } else if cur & DEF_ANNOT != 0 {
                            format!("annotated name '{name}' can't be global")
                        } else {
                            format!("name '{name}' is assigned to before global declaration")
                        };
                        return Err(self.error(msg, s.range));
                    }
                    self.add_def(name, DEF_GLOBAL, s.range)?;
                    self.record_directive(name, s.range);
                }
            }
            StmtKind::Nonlocal { names } => {
                for name in names.iter() {
                    let cur = self.lookup(name);
                    if cur & (DEF_PARAM | DEF_LOCAL | USE | DEF_ANNOT) != 0 {
                        let msg = if cur & DEF_PARAM != 0 {
                            format!("name '{name}' is parameter and nonlocal")
                        } else if cur & USE != 0 {
                            format!("name '{name}' is used prior to nonlocal declaration")
                        } else if cur & DEF_ANNOT != 0 {
                            format!("annotated name '{name}' can't be nonlocal")
                        } else {
                            format!("name '{name}' is assigned to before nonlocal declaration")
                        };
                        return Err(self.error(msg, s.range));
                    }
                    self.add_def(name, DEF_NONLOCAL, s.range)?;
                    self.record_directive(name, s.range);
                }
            }
            StmtKind::Expr { value } => self.expr(value)?,
            StmtKind::Pass | StmtKind::Break | StmtKind::Continue => {}
            StmtKind::With { items, body, .. } | StmtKind::AsyncWith { items, body, .. } => {
                for item in items.iter() {
                    self.expr(&item.context_expr)?;
                    if let Some(v) = item.optional_vars {
                        self.expr(v)?;
                    }
                }
                self.stmts(body)?;
            }
        }
        Ok(())
    }

    fn alias(&mut self, a: &Alias<'_>) -> R {
        let store = match a.asname {
            Some(n) => n,
            None => a.name.split('.').next().unwrap_or(a.name),
        };
        if a.name == "*" {
            if self.table.blocks[self.cur()].kind != BlockType::Module {
                return Err(self.error("import * only allowed at module level", a.range));
            }
            return Ok(());
        }
        self.add_def(store, DEF_IMPORT, a.range)
    }

    fn enter_type_param_block(
        &mut self,
        name: &str,
        key: usize,
        has_defaults: bool,
        has_kwdefaults: bool,
        is_class: bool,
        range: TextRange,
    ) -> R {
        let current = self.table.blocks[self.cur()].kind;
        self.enter_block(name.to_string(), BlockType::TypeParameters, key, range);
        if current == BlockType::Class {
            self.cur_block().can_see_class_scope = true;
            self.add_def("__classdict__", USE, range)?;
        }
        if is_class {
            self.add_def(".type_params", DEF_LOCAL, range)?;
            self.add_def(".type_params", USE, range)?;
            self.add_def(".generic_base", DEF_LOCAL, range)?;
            self.add_def(".generic_base", USE, range)?;
        }
        if has_defaults {
            self.add_def(".defaults", DEF_PARAM, range)?;
        }
        if has_kwdefaults {
            self.add_def(".kwdefaults", DEF_PARAM, range)?;
        }
        Ok(())
    }

    fn type_params(&mut self, params: &[TypeParam<'_>]) -> R {
        for tp in params {
            self.enter_depth()?;
            match &tp.node {
                TypeParamKind::TypeVar { name, bound, default_value } => {
                    self.add_def(name, DEF_TYPE_PARAM | DEF_LOCAL, tp.range)?;
                    let info = match bound {
                        Some(b) if matches!(b.node, ExprKind::Tuple { .. }) => "a TypeVar constraint",
                        _ => "a TypeVar bound",
                    };
                    self.bound_or_default(*bound, name, key_of(tp), info)?;
                    self.bound_or_default(*default_value, name, key_of(tp) + 1, "a TypeVar default")?;
                }
                TypeParamKind::TypeVarTuple { name, default_value } => {
                    self.add_def(name, DEF_TYPE_PARAM | DEF_LOCAL, tp.range)?;
                    self.bound_or_default(*default_value, name, key_of(tp), "a TypeVarTuple default")?;
                }
                TypeParamKind::ParamSpec { name, default_value } => {
                    self.add_def(name, DEF_TYPE_PARAM | DEF_LOCAL, tp.range)?;
                    self.bound_or_default(*default_value, name, key_of(tp), "a ParamSpec default")?;
                }
            }
            self.depth -= 1;
        }
        Ok(())
    }

    fn bound_or_default(&mut self, e: Option<&Expr<'_>>, name: &str, key: usize, info: &'static str) -> R {
        let Some(e) = e else { return Ok(()) };
        let in_class = self.table.blocks[self.cur()].can_see_class_scope;
        self.enter_block(name.to_string(), BlockType::TypeVariable, key, e.range);
        self.cur_block().can_see_class_scope = in_class;
        if in_class {
            self.add_def("__classdict__", USE, e.range)?;
        }
        self.cur_block().scope_info = info;
        self.expr(e)?;
        self.exit_block();
        Ok(())
    }

    /// One annotation of a variable (`symtable_visit_annotation`).
    fn annotation(&mut self, annotation: &Expr<'_>) -> R {
        let future = self.table.future.annotations();
        if future {
            self.enter_block("_annotation".into(), BlockType::Annotation, key_of(annotation), annotation.range);
        }
        self.expr(annotation)?;
        if future {
            self.exit_block();
        }
        Ok(())
    }

    /// A function's parameter and return annotations (`symtable_visit_annotations`).
    fn annotations(&mut self, s: &Stmt<'_>, args: &Arguments<'_>, returns: Option<&Expr<'_>>) -> R {
        let future = self.table.future.annotations();
        if future {
            self.enter_block("_annotation".into(), BlockType::Annotation, key_of(s), s.range);
        }
        let all = args.posonlyargs.iter().chain(args.args.iter());
        for a in all {
            if let Some(ann) = a.annotation {
                self.expr(ann)?;
            }
        }
        if let Some(ann) = args.vararg.and_then(|a| a.annotation) {
            self.expr(ann)?;
        }
        if let Some(ann) = args.kwarg.and_then(|a| a.annotation) {
            self.expr(ann)?;
        }
        for a in args.kwonlyargs.iter() {
            if let Some(ann) = a.annotation {
                self.expr(ann)?;
            }
        }
        if let Some(r) = returns {
            self.expr(r)?;
        }
        if future {
            self.exit_block();
        }
        Ok(())
    }

    fn arguments(&mut self, a: &Arguments<'_>) -> R {
        for arg in a.posonlyargs.iter().chain(a.args.iter()).chain(a.kwonlyargs.iter()) {
            self.add_def(arg.arg, DEF_PARAM, arg.range)?;
        }
        if let Some(v) = a.vararg {
            self.add_def(v.arg, DEF_PARAM, v.range)?;
            self.cur_block().varargs = true;
        }
        if let Some(k) = a.kwarg {
            self.add_def(k.arg, DEF_PARAM, k.range)?;
            self.cur_block().varkeywords = true;
        }
        Ok(())
    }

    fn raise_if_annotation_block(&self, what: &str, e: &Expr<'_>) -> R {
        let b = &self.table.blocks[self.cur()];
        let msg = match b.kind {
            BlockType::Annotation => format!("{what} cannot be used within an annotation"),
            BlockType::TypeVariable => format!("{what} cannot be used within {}", b.scope_info),
            BlockType::TypeAlias => format!("{what} cannot be used within a type alias"),
            BlockType::TypeParameters => format!("{what} cannot be used within the definition of a generic"),
            _ => return Ok(()),
        };
        Err(self.error(msg, e.range))
    }

    fn raise_if_comprehension_block(&self, e: &Expr<'_>) -> SyntaxError {
        let msg = match self.table.blocks[self.cur()].comprehension {
            ComprehensionKind::List => "'yield' inside list comprehension",
            ComprehensionKind::Set => "'yield' inside set comprehension",
            ComprehensionKind::Dict => "'yield' inside dict comprehension",
            _ => "'yield' inside generator expression",
        };
        self.error(msg, e.range)
    }

    fn is_async_def(&self) -> bool {
        let b = &self.table.blocks[self.cur()];
        b.kind == BlockType::Function && b.coroutine
    }

    fn expr(&mut self, e: &Expr<'_>) -> R {
        self.enter_depth()?;
        grow(|| self.expr_inner(e))?;
        self.depth -= 1;
        Ok(())
    }

    fn expr_inner(&mut self, e: &Expr<'_>) -> R {
        match &e.node {
            ExprKind::NamedExpr { target, value } => {
                self.raise_if_annotation_block("named expression", e)?;
                self.named_expr(e, target, value)?;
            }
            ExprKind::BoolOp { values, .. } => self.exprs(values)?,
            ExprKind::BinOp { left, right, .. } => {
                self.expr(left)?;
                self.expr(right)?;
            }
            ExprKind::UnaryOp { operand, .. } => self.expr(operand)?,
            ExprKind::Lambda { args, body } => {
                self.exprs(args.defaults)?;
                self.kw_defaults(args.kw_defaults)?;
                self.enter_block("lambda".into(), BlockType::Function, key_of(e), e.range);
                self.arguments(args)?;
                self.expr(body)?;
                self.exit_block();
            }
            ExprKind::IfExp { test, body, orelse } => {
                self.expr(test)?;
                self.expr(body)?;
                self.expr(orelse)?;
            }
            ExprKind::Dict { keys, values } => {
                for k in keys.iter().flatten() {
                    self.expr(k)?;
                }
                self.exprs(values)?;
            }
            ExprKind::Set { elts } => self.exprs(elts)?,
            ExprKind::GeneratorExp { elt, generators } => self.comprehension(e, "genexpr", generators, elt, None)?,
            ExprKind::ListComp { elt, generators } => self.comprehension(e, "listcomp", generators, elt, None)?,
            ExprKind::SetComp { elt, generators } => self.comprehension(e, "setcomp", generators, elt, None)?,
            ExprKind::DictComp { key, value, generators } => {
                self.comprehension(e, "dictcomp", generators, key, Some(value))?
            }
            ExprKind::Yield { value } => {
                self.raise_if_annotation_block("yield expression", e)?;
                if let Some(v) = value {
                    self.expr(v)?;
                }
                self.cur_block().generator = true;
                if self.table.blocks[self.cur()].comprehension != ComprehensionKind::None {
                    return Err(self.raise_if_comprehension_block(e));
                }
            }
            ExprKind::YieldFrom { value } => {
                self.raise_if_annotation_block("yield expression", e)?;
                self.expr(value)?;
                self.cur_block().generator = true;
                if self.table.blocks[self.cur()].comprehension != ComprehensionKind::None {
                    return Err(self.raise_if_comprehension_block(e));
                }
            }
            ExprKind::Await { value } => {
                self.raise_if_annotation_block("await expression", e)?;
                let b = &self.table.blocks[self.cur()];
                if !b.kind.is_function_like() {
                    return Err(self.error("'await' outside function", e.range));
                }
                if !self.is_async_def() && b.comprehension == ComprehensionKind::None {
                    return Err(self.error("'await' outside async function", e.range));
                }
                self.expr(value)?;
                self.cur_block().coroutine = true;
            }
            ExprKind::Compare { left, comparators, .. } => {
                self.expr(left)?;
                self.exprs(comparators)?;
            }
            ExprKind::Call { func, args, keywords } => {
                self.expr(func)?;
                self.exprs(args)?;
                keywords.iter().try_for_each(|k| self.expr(&k.value))?;
            }
            ExprKind::FormattedValue { value, format_spec, .. } => {
                self.expr(value)?;
                if let Some(f) = format_spec {
                    self.expr(f)?;
                }
            }
            ExprKind::JoinedStr { values } => self.exprs(values)?,
            ExprKind::Constant { .. } => {}
            ExprKind::Attribute { value, .. } => self.expr(value)?,
            ExprKind::Subscript { value, slice, .. } => {
                self.expr(value)?;
                self.expr(slice)?;
            }
            ExprKind::Starred { value, .. } => self.expr(value)?,
            ExprKind::Slice { lower, upper, step } => {
                for part in [lower, upper, step].into_iter().flatten() {
                    self.expr(part)?;
                }
            }
            ExprKind::Name { id, ctx } => {
                let flag = if *ctx == ExprContext::Load { USE } else { DEF_LOCAL };
                self.add_def(id, flag, e.range)?;
                if *ctx == ExprContext::Load && self.table.blocks[self.cur()].kind.is_function_like() && *id == "super"
                {
                    self.add_def("__class__", USE, e.range)?;
                }
            }
            ExprKind::List { elts, .. } | ExprKind::Tuple { elts, .. } => self.exprs(elts)?,
        }
        Ok(())
    }

    fn named_expr(&mut self, e: &Expr<'_>, target: &Expr<'_>, value: &Expr<'_>) -> R {
        if self.table.blocks[self.cur()].comp_iter_expr > 0 {
            return Err(
                self.error("assignment expression cannot be used in a comprehension iterable expression", e.range)
            );
        }
        if self.table.blocks[self.cur()].comprehension != ComprehensionKind::None {
            self.extend_namedexpr_scope(target)?;
        }
        self.expr(value)?;
        self.expr(target)
    }

    /// A walrus target inside a comprehension binds in the nearest enclosing function (or the
    /// module), seen from the comprehension as `nonlocal` (or `global`).
    fn extend_namedexpr_scope(&mut self, target: &Expr<'_>) -> R {
        let ExprKind::Name { id: name, .. } = target.node else {
            return Err(self.error("assignment expression target must be a name", target.range));
        };
        for i in (0..self.stack.len()).rev() {
            let id = self.stack[i];
            let ste = &self.table.blocks[id];
            let mangled = self.mangled(name);
            if ste.comprehension != ComprehensionKind::None {
                if ste.symbol(&mangled) & DEF_COMP_ITER != 0 {
                    return Err(self.error(
                        format!("assignment expression cannot rebind comprehension iteration variable '{name}'"),
                        target.range,
                    ));
                }
                continue;
            }
            match ste.kind {
                BlockType::Function => {
                    let flag = if ste.symbol(&mangled) & DEF_GLOBAL != 0 { DEF_GLOBAL } else { DEF_NONLOCAL };
                    self.add_def(name, flag, target.range)?;
                    self.record_directive(name, target.range);
                    return self.add_def_in(name, DEF_LOCAL, id, target.range);
                }
                BlockType::Module => {
                    self.add_def(name, DEF_GLOBAL, target.range)?;
                    self.record_directive(name, target.range);
                    return self.add_def_in(name, DEF_GLOBAL, id, target.range);
                }
                BlockType::Class => {
                    return Err(self.error(
                        "assignment expression within a comprehension cannot be used in a class body",
                        target.range,
                    ));
                }
                BlockType::TypeParameters => {
                    return Err(self.error(
                        "assignment expression within a comprehension cannot be used within the definition of a generic",
                        target.range,
                    ));
                }
                BlockType::TypeAlias => {
                    return Err(self.error(
                        "assignment expression within a comprehension cannot be used in a type alias",
                        target.range,
                    ));
                }
                BlockType::TypeVariable => {
                    return Err(self.error(
                        "assignment expression within a comprehension cannot be used in a TypeVar bound",
                        target.range,
                    ));
                }
                BlockType::Annotation => {}
            }
        }
        Ok(())
    }

    fn comprehension(
        &mut self,
        e: &Expr<'_>,
        scope_name: &str,
        generators: &[Comprehension<'_>],
        elt: &Expr<'_>,
        value: Option<&Expr<'_>>,
    ) -> R {
        let is_generator = matches!(e.node, ExprKind::GeneratorExp { .. });
        let Some(outermost) = generators.first() else {
            return Err(self.error("comprehension without a 'for' clause", e.range));
        };
        self.cur_block().comp_iter_expr += 1;
        self.expr(&outermost.iter)?;
        self.cur_block().comp_iter_expr -= 1;
        self.enter_block(scope_name.to_string(), BlockType::Function, key_of(e), e.range);
        self.cur_block().comprehension = match e.node {
            ExprKind::ListComp { .. } => ComprehensionKind::List,
            ExprKind::SetComp { .. } => ComprehensionKind::Set,
            ExprKind::DictComp { .. } => ComprehensionKind::Dict,
            _ => ComprehensionKind::Generator,
        };
        if outermost.is_async {
            self.cur_block().coroutine = true;
        }
        self.add_def(".0", DEF_PARAM, e.range)?;
        self.cur_block().comp_iter_target = true;
        self.expr(&outermost.target)?;
        self.cur_block().comp_iter_target = false;
        self.exprs(outermost.ifs)?;
        for generator in &generators[1..] {
            self.cur_block().comp_iter_target = true;
            self.expr(&generator.target)?;
            self.cur_block().comp_iter_target = false;
            self.cur_block().comp_iter_expr += 1;
            self.expr(&generator.iter)?;
            self.cur_block().comp_iter_expr -= 1;
            self.exprs(generator.ifs)?;
            if generator.is_async {
                self.cur_block().coroutine = true;
            }
        }
        if let Some(v) = value {
            self.expr(v)?;
        }
        self.expr(elt)?;
        self.cur_block().generator = is_generator;
        let is_async = self.table.blocks[self.cur()].coroutine && !is_generator;
        self.exit_block();
        if is_async && !self.is_async_def() && self.table.blocks[self.cur()].comprehension == ComprehensionKind::None {
            return Err(self.error("asynchronous comprehension outside of an asynchronous function", e.range));
        }
        if is_async {
            self.cur_block().coroutine = true;
        }
        Ok(())
    }

    fn pattern(&mut self, p: &Pattern<'_>) -> R {
        self.enter_depth()?;
        grow(|| self.pattern_inner(p))?;
        self.depth -= 1;
        Ok(())
    }

    fn pattern_inner(&mut self, p: &Pattern<'_>) -> R {
        match &p.node {
            PatternKind::MatchValue { value } => self.expr(value)?,
            PatternKind::MatchSingleton { .. } => {}
            PatternKind::MatchSequence { patterns } => patterns.iter().try_for_each(|p| self.pattern(p))?,
            PatternKind::MatchStar { name } => {
                if let Some(n) = name {
                    self.add_def(n, DEF_LOCAL, p.range)?;
                }
            }
            PatternKind::MatchMapping { keys, patterns, rest } => {
                self.exprs(keys)?;
                patterns.iter().try_for_each(|p| self.pattern(p))?;
                if let Some(r) = rest {
                    self.add_def(r, DEF_LOCAL, p.range)?;
                }
            }
            PatternKind::MatchClass { cls, patterns, kwd_patterns, .. } => {
                self.expr(cls)?;
                patterns.iter().try_for_each(|p| self.pattern(p))?;
                kwd_patterns.iter().try_for_each(|p| self.pattern(p))?;
            }
            PatternKind::MatchAs { pattern, name } => {
                if let Some(inner) = pattern {
                    self.pattern(inner)?;
                }
                if let Some(n) = name {
                    self.add_def(n, DEF_LOCAL, p.range)?;
                }
            }
            PatternKind::MatchOr { patterns } => patterns.iter().try_for_each(|p| self.pattern(p))?,
        }
        Ok(())
    }
}

/// The range CPython gives `LOCATION(s->v.ClassDef.type_params)`: an `asdl_seq` has no location
/// of its own, so CPython reads garbage-free fields of the first element; we use the span of the
/// list.
fn type_params_range(params: &[TypeParam<'_>]) -> TextRange {
    let first = params.first().map(|p| p.range).unwrap_or_default();
    let last = params.last().map(|p| p.range).unwrap_or_default();
    TextRange { start: first.start, end: last.end }
}
