//! Code generation: the (constant-folded) AST of a module in, code objects out.
//!
//! A port of the code generator in CPython 3.13's `Python/compile.c`. The compiler keeps a stack
//! of *units*, one per scope being compiled (module, class body, function, lambda, generator
//! expression, PEP 695 type-parameter scope, ...). Entering a scope pushes a unit whose symbol
//! table block comes from [`SymbolTable::lookup`] on the AST node; the visitors append
//! instructions to the unit's [`InstrSeq`] with CPython's instruction choices and locations;
//! leaving the scope hands the sequence and its [`UnitMetadata`] to the back end
//! ([`crate::assemble::assemble_code_unit`]: CFG, passes, assembly) and the resulting code object
//! becomes a constant of the enclosing unit, wrapped by `MAKE_FUNCTION`.
//!
//! The visitors live in one module per concern: [`expr`] (expressions, boolean jumps, f-strings),
//! [`call`] (calls, method and `super()` calls), [`stmt`] (simple and compound statements),
//! [`function`] (functions, lambdas, type parameters, type aliases), [`class`] (class bodies),
//! [`comprehension`] (inlined and generator comprehensions), [`with_try`] (try/except/finally,
//! except*, with, and the frame-block stack that `return`/`break`/`continue` unwind) and
//! [`pattern`] (match statements).
//!
//! Locations are CPython's: line and end line, and UTF-8 byte columns, from the node's byte range
//! through a [`LineIndex`].

mod call;
mod class;
mod comprehension;
mod expr;
mod function;
mod pattern;
mod stmt;
mod warnings;
mod with_try;

use std::collections::BTreeSet;
use std::sync::Arc;

use pyrt_syntax::ast::{self, Expr, ExprKind, Mod, Stmt, StmtKind};
use pyrt_syntax::{LineIndex, SyntaxError, TextRange};

use crate::code::{CodeFlags, CodeObject, Constant, PyStr};
use crate::future::FutureFeatures;
use crate::instr_seq::{InstrSeq, Label, UnitMetadata};
use crate::instructions::Opcode;
use crate::located::compiler_error;
use crate::location::Location;
use crate::symtable::{self, BlockId, BlockType, Scope, SymbolTable};

pub(crate) use with_try::{FBlock, FBlockDatum, FBlockKind};

/// `CO_MAXBLOCKS`: how deeply loops, `try` and `with` may nest in one scope.
const MAX_FBLOCKS: usize = 21;

/// `MAKE_FUNCTION` attribute flags (`SET_FUNCTION_ATTRIBUTE` opargs).
pub(crate) const MAKE_FUNCTION_DEFAULTS: u32 = 0x01;
pub(crate) const MAKE_FUNCTION_KWDEFAULTS: u32 = 0x02;
pub(crate) const MAKE_FUNCTION_ANNOTATIONS: u32 = 0x04;
pub(crate) const MAKE_FUNCTION_CLOSURE: u32 = 0x08;

/// `RESUME` opargs.
pub(crate) const RESUME_AT_FUNC_START: u32 = 0;
pub(crate) const RESUME_AFTER_YIELD: u32 = 1;
pub(crate) const RESUME_AFTER_YIELD_FROM: u32 = 2;
pub(crate) const RESUME_AFTER_AWAIT: u32 = 3;

/// `CALL_INTRINSIC_1` opargs.
pub(crate) const INTRINSIC_PRINT: u32 = 1;
pub(crate) const INTRINSIC_IMPORT_STAR: u32 = 2;
pub(crate) const INTRINSIC_STOPITERATION_ERROR: u32 = 3;
pub(crate) const INTRINSIC_ASYNC_GEN_WRAP: u32 = 4;
pub(crate) const INTRINSIC_UNARY_POSITIVE: u32 = 5;
pub(crate) const INTRINSIC_LIST_TO_TUPLE: u32 = 6;
pub(crate) const INTRINSIC_TYPEVAR: u32 = 7;
pub(crate) const INTRINSIC_PARAMSPEC: u32 = 8;
pub(crate) const INTRINSIC_TYPEVARTUPLE: u32 = 9;
pub(crate) const INTRINSIC_SUBSCRIPT_GENERIC: u32 = 10;
pub(crate) const INTRINSIC_TYPEALIAS: u32 = 11;
/// `CALL_INTRINSIC_2` opargs.
pub(crate) const INTRINSIC_PREP_RERAISE_STAR: u32 = 1;
pub(crate) const INTRINSIC_TYPEVAR_WITH_BOUND: u32 = 2;
pub(crate) const INTRINSIC_TYPEVAR_WITH_CONSTRAINTS: u32 = 3;
pub(crate) const INTRINSIC_SET_FUNCTION_TYPE_PARAMS: u32 = 4;
pub(crate) const INTRINSIC_SET_TYPEPARAM_DEFAULT: u32 = 5;

/// What kind of scope a unit compiles (CPython's `COMPILER_SCOPE_*`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum ScopeType {
    Module,
    Class,
    Function,
    AsyncFunction,
    Lambda,
    Comprehension,
    TypeParams,
}

/// One scope being compiled (CPython's `struct compiler_unit`).
pub(crate) struct Unit<'a> {
    pub block: BlockId,
    pub scope_type: ScopeType,
    /// The class name used for mangling (`u_private`).
    pub private: Option<String>,
    /// For class bodies: the attributes assigned as `self.x` in its methods.
    pub static_attributes: Option<BTreeSet<String>>,
    pub seq: InstrSeq,
    pub meta: UnitMetadata,
    pub fblocks: Vec<FBlock<'a>>,
    /// Depth of inlined comprehensions being compiled in this unit.
    pub in_inlined_comp: u32,
    /// Names of a module or class body that are fast locals while an inlined comprehension
    /// runs (CPython's `u_fasthidden` entries set to `True`).
    pub fast_hidden_active: rustc_hash::FxHashSet<String>,
}

/// The whole compilation of one module (CPython's `struct compiler`).
pub(crate) struct Compiler<'a, 's> {
    /// The arena of the tree, for the few nodes the compiler synthesises.
    pub arena: &'a bumpalo::Bump,
    pub units: Vec<Unit<'a>>,
    pub table: SymbolTable,
    pub source: &'s str,
    pub index: LineIndex,
    pub filename: Arc<str>,
    pub future: FutureFeatures,
    pub interactive: bool,
    /// The `SyntaxWarning`s met, in order ([`warnings`]).
    pub warnings: Vec<pyrt_syntax::SyntaxWarning>,
}

pub(crate) type CResult<T = ()> = Result<T, SyntaxError>;

/// Compiles a parsed and folded module into its code object.
pub(crate) fn compile_module<'a>(
    module: &'a Mod<'a>,
    arena: &'a bumpalo::Bump,
    table: SymbolTable,
    source: &str,
    filename: &str,
) -> CResult<(Arc<CodeObject>, Vec<pyrt_syntax::SyntaxWarning>)> {
    let future = table.future;
    let mut c = Compiler {
        arena,
        units: Vec::new(),
        table,
        source,
        index: LineIndex::new(source),
        filename: Arc::from(filename),
        future,
        interactive: false,
        warnings: Vec::new(),
    };
    c.enter_scope("<module>", ScopeType::Module, symtable::key_of(module), 1)?;
    let add_none = !matches!(module, Mod::Expression { .. });
    match module {
        Mod::Module { body, .. } => {
            // SETUP_ANNOTATIONS gets the first statement's location (`start_location`).
            let loc = body.first().map_or(Location::new(1, 1, 0, 0), |s| c.loc(s.range));
            c.body(loc, body)?
        }
        Mod::Interactive { body } => {
            c.interactive = true;
            for s in body.iter() {
                c.visit_stmt(s)?;
            }
        }
        Mod::Expression { body } => c.visit_expr(body)?,
        Mod::FunctionType { .. } => {
            return Err(compiler_error(
                "compiling a func_type tree is not supported",
                source,
                &c.index,
                TextRange::default(),
            ));
        }
    }
    let code = c.finish_unit(add_none)?;
    Ok((code, c.warnings))
}

impl<'a, 's> Compiler<'a, 's> {
    // ----- units ---------------------------------------------------------------------------

    pub(crate) fn u(&mut self) -> &mut Unit<'a> {
        self.units.last_mut().expect("a unit is open")
    }

    pub(crate) fn ur(&self) -> &Unit<'a> {
        self.units.last().expect("a unit is open")
    }

    /// The symbol-table block of the current unit.
    pub(crate) fn ste(&self) -> &symtable::Block {
        self.table.block(self.ur().block)
    }

    /// `compiler_enter_scope`.
    pub(crate) fn enter_scope(&mut self, name: &str, scope_type: ScopeType, key: usize, firstlineno: u32) -> CResult {
        let Some(block) = self.table.lookup(key) else {
            return Err(self.error("internal error: no symbol table for scope", TextRange::default()));
        };
        let ste = self.table.block(block);
        let mut meta = UnitMetadata::new(name, name, firstlineno as i32);
        for v in &ste.varnames {
            meta.varnames.add(v);
        }
        for name in ste.names_sorted_where(|s, f| s == Scope::Cell || f & symtable::DEF_COMP_CELL != 0) {
            meta.cellvars.add(&name);
        }
        if ste.needs_class_closure {
            meta.cellvars.add("__class__");
        }
        if ste.needs_classdict {
            meta.cellvars.add("__classdict__");
        }
        for name in ste.names_sorted_where(|s, f| s == Scope::Free || f & symtable::DEF_FREE_CLASS != 0) {
            meta.freevars.add(&name);
        }
        let private = self.units.last().and_then(|u| u.private.clone());
        self.units.push(Unit {
            block,
            scope_type,
            private,
            static_attributes: (scope_type == ScopeType::Class).then(BTreeSet::new),
            seq: InstrSeq::new(),
            meta,
            fblocks: Vec::new(),
            in_inlined_comp: 0,
            fast_hidden_active: Default::default(),
        });
        let mut loc = Location::new(firstlineno as i32, firstlineno as i32, 0, 0);
        if scope_type == ScopeType::Module {
            loc.lineno = 0;
        } else {
            self.set_qualname();
        }
        self.emit(Opcode::RESUME, RESUME_AT_FUNC_START, loc);
        Ok(())
    }

    /// `compiler_set_qualname`.
    fn set_qualname(&mut self) {
        let n = self.units.len();
        let name = self.ur().meta.name.to_string();
        let mut base: Option<String> = None;
        // CPython counts the enclosing units (`c_stack`), the module included.
        let parents = n - 1;
        if parents > 1 {
            let mut parent_index = n - 2;
            if self.units[parent_index].scope_type == ScopeType::TypeParams {
                if parents == 2 {
                    return; // directly in a module: qualname == name
                }
                parent_index = n - 3;
            }
            let parent = &self.units[parent_index];
            let scope_type = self.ur().scope_type;
            let mut force_global = false;
            if matches!(scope_type, ScopeType::Function | ScopeType::AsyncFunction | ScopeType::Class) {
                let mangled = symtable::mangle(parent.private.as_deref(), &name);
                if self.table.block(parent.block).scope_of(&mangled) == Scope::GlobalExplicit {
                    force_global = true;
                }
            }
            if !force_global {
                base = Some(
                    if matches!(parent.scope_type, ScopeType::Function | ScopeType::AsyncFunction | ScopeType::Lambda) {
                        format!("{}.<locals>", parent.meta.qualname)
                    } else {
                        parent.meta.qualname.to_string()
                    },
                );
            }
        }
        if let Some(base) = base {
            self.u().meta.qualname = Arc::from(format!("{base}.{name}"));
        }
    }

    /// `compute_code_flags`.
    fn code_flags(&self) -> CodeFlags {
        let ste = self.ste();
        let mut flags = 0u32;
        if ste.kind.is_function_like() {
            flags |= CodeFlags::NEWLOCALS.0 | CodeFlags::OPTIMIZED.0;
            if ste.nested {
                flags |= CodeFlags::NESTED.0;
            }
            if ste.generator && !ste.coroutine {
                flags |= CodeFlags::GENERATOR.0;
            }
            if ste.generator && ste.coroutine {
                flags |= CodeFlags::ASYNC_GENERATOR.0;
            }
            if ste.varargs {
                flags |= CodeFlags::VARARGS.0;
            }
            if ste.varkeywords {
                flags |= CodeFlags::VARKEYWORDS.0;
            }
        }
        if ste.coroutine && !ste.generator {
            flags |= CodeFlags::COROUTINE.0;
        }
        CodeFlags(flags | self.future.flags)
    }

    /// `optimize_and_assemble` + `compiler_exit_scope`: closes the current unit (with an implicit
    /// `return None` when `add_none`, or a bare `RETURN_VALUE`) and returns its code object.
    pub(crate) fn finish_unit(&mut self, add_none: bool) -> CResult<Arc<CodeObject>> {
        let flags = self.code_flags();
        if add_none {
            self.load_const(Constant::None, Location::NO_LOCATION);
        }
        self.emit(Opcode::RETURN_VALUE, 0, Location::NO_LOCATION);
        let mut unit = self.units.pop().expect("a unit is open");
        unit.meta.flags = flags;
        crate::assemble::assemble_code_unit(unit.meta, unit.seq, self.filename.clone()).map_err(|e| {
            compiler_error(format!("internal compiler error: {e}"), self.source, &self.index, TextRange::default())
        })
    }

    // ----- emission ------------------------------------------------------------------------

    pub(crate) fn loc(&self, range: TextRange) -> Location {
        let (l1, c1) = self.index.line_col(range.start);
        let (l2, c2) = self.index.line_col(range.end);
        Location::new(l1 as i32, l2 as i32, c1 as i32, c2 as i32)
    }

    pub(crate) fn error(&self, msg: impl Into<String>, range: TextRange) -> SyntaxError {
        compiler_error(msg, self.source, &self.index, range)
    }

    /// An error at an instruction location (CPython's `compiler_error(c, loc, ...)`).
    pub(crate) fn error_at(&self, msg: impl Into<String>, loc: Location) -> SyntaxError {
        let mut err = SyntaxError::with_position(
            pyrt_syntax::SyntaxErrorKind::SyntaxError,
            msg,
            self.source,
            (loc.lineno, loc.col_offset + 1),
            (loc.end_lineno, loc.end_col_offset + 1),
        );
        if err.text.is_none() {
            err.text = Some(String::new());
        }
        err
    }

    pub(crate) fn emit(&mut self, op: Opcode, arg: u32, loc: Location) {
        self.u().seq.emit(op, arg, loc);
    }

    pub(crate) fn emit_noarg(&mut self, op: Opcode, loc: Location) {
        self.u().seq.emit(op, 0, loc);
    }

    pub(crate) fn emit_jump(&mut self, op: Opcode, target: Label, loc: Location) {
        self.u().seq.emit_jump(op, target, loc);
    }

    pub(crate) fn new_label(&mut self) -> Label {
        self.u().seq.new_label()
    }

    pub(crate) fn use_label(&mut self, label: Label) {
        self.u().seq.use_label(label);
    }

    pub(crate) fn add_const(&mut self, c: Constant) -> u32 {
        self.u().meta.consts.add(c)
    }

    pub(crate) fn load_const(&mut self, c: Constant, loc: Location) {
        let i = self.add_const(c);
        self.emit(Opcode::LOAD_CONST, i, loc);
    }

    /// `compiler_maybe_mangle`.
    pub(crate) fn mangle(&self, name: &str) -> String {
        let u = self.ur();
        self.table.maybe_mangle(u.private.as_deref(), u.block, name).into_owned()
    }

    /// `ADDOP_NAME`: a `co_names` operand, mangled, shifted as the instruction wants it. Like
    /// CPython's `compiler_addop_name`, the method and `super()` pseudo-instructions become the
    /// real `LOAD_ATTR`/`LOAD_SUPER_ATTR` here, with their flag bits in the oparg.
    pub(crate) fn emit_name(&mut self, op: Opcode, name: &str, loc: Location) {
        let mangled = self.mangle(name);
        let i = self.u().meta.names.add(&mangled);
        let (op, arg) = match op {
            Opcode::LOAD_ATTR => (Opcode::LOAD_ATTR, i << 1),
            Opcode::LOAD_METHOD => (Opcode::LOAD_ATTR, (i << 1) | 1),
            Opcode::LOAD_SUPER_ATTR => (Opcode::LOAD_SUPER_ATTR, (i << 2) | 2),
            Opcode::LOAD_SUPER_METHOD => (Opcode::LOAD_SUPER_ATTR, (i << 2) | 3),
            Opcode::LOAD_ZERO_SUPER_ATTR => (Opcode::LOAD_SUPER_ATTR, i << 2),
            Opcode::LOAD_ZERO_SUPER_METHOD => (Opcode::LOAD_SUPER_ATTR, (i << 2) | 1),
            other => (other, i),
        };
        self.emit(op, arg, loc);
    }

    /// An instruction whose operand is a cell or free variable (`compiler_addop_o` on the cell or
    /// free dict): cells are numbered first, then free variables.
    pub(crate) fn emit_deref(&mut self, op: Opcode, name: &str, loc: Location) {
        let arg = self.deref_index(name);
        self.emit(op, arg, loc);
    }

    pub(crate) fn deref_index(&mut self, name: &str) -> u32 {
        let u = self.u();
        if let Some(i) = u.meta.cellvars.get(name) {
            return i;
        }
        let ncells = u.meta.cellvars.len() as u32;
        ncells + u.meta.freevars.add(name)
    }

    /// `compiler_nameop`: load, store or delete a variable with the instruction its scope needs.
    pub(crate) fn nameop(&mut self, name: &str, ctx: ast::ExprContext, loc: Location) -> CResult {
        if name == "__debug__" {
            match ctx {
                ast::ExprContext::Store => return Err(self.error_at("cannot assign to __debug__", loc)),
                ast::ExprContext::Del => return Err(self.error_at("cannot delete __debug__", loc)),
                ast::ExprContext::Load => {}
            }
        }
        let mangled = self.mangle(name);
        let ste = self.ste();
        let scope = ste.scope_of(&mangled);
        let function_like = ste.kind.is_function_like();
        let is_class = ste.kind == BlockType::Class;
        let can_see_class_scope = ste.can_see_class_scope;
        enum OpType {
            Fast,
            Global,
            Deref,
            Name,
        }
        let optype = match scope {
            Scope::Free | Scope::Cell => OpType::Deref,
            Scope::Local if function_like || self.ur().fast_hidden_active.contains(&mangled) => OpType::Fast,
            Scope::GlobalImplicit if function_like => OpType::Global,
            Scope::GlobalExplicit => OpType::Global,
            _ => OpType::Name,
        };
        use ast::ExprContext::*;
        match optype {
            OpType::Deref => {
                let op = match ctx {
                    Load => {
                        if is_class && self.ur().in_inlined_comp == 0 {
                            self.emit_noarg(Opcode::LOAD_LOCALS, loc);
                            Opcode::LOAD_FROM_DICT_OR_DEREF
                        } else if can_see_class_scope {
                            self.emit_deref(Opcode::LOAD_DEREF, "__classdict__", loc);
                            Opcode::LOAD_FROM_DICT_OR_DEREF
                        } else {
                            Opcode::LOAD_DEREF
                        }
                    }
                    Store => Opcode::STORE_DEREF,
                    Del => Opcode::DELETE_DEREF,
                };
                // Cells are looked up in the cell table first (scope CELL), free variables in the
                // free table.
                let arg = if scope == Scope::Cell {
                    match self.ur().meta.cellvars.get(&mangled) {
                        Some(i) => i,
                        None => self.deref_index(&mangled),
                    }
                } else {
                    let ncells = self.ur().meta.cellvars.len() as u32;
                    ncells + self.u().meta.freevars.add(&mangled)
                };
                self.emit(op, arg, loc);
            }
            OpType::Fast => {
                let op = match ctx {
                    Load => Opcode::LOAD_FAST,
                    Store => Opcode::STORE_FAST,
                    Del => Opcode::DELETE_FAST,
                };
                let i = self.u().meta.varnames.add(&mangled);
                self.emit(op, i, loc);
            }
            OpType::Global => {
                let op = match ctx {
                    Load => {
                        if can_see_class_scope && scope == Scope::GlobalImplicit {
                            self.emit_deref(Opcode::LOAD_DEREF, "__classdict__", loc);
                            Opcode::LOAD_FROM_DICT_OR_GLOBALS
                        } else {
                            Opcode::LOAD_GLOBAL
                        }
                    }
                    Store => Opcode::STORE_GLOBAL,
                    Del => Opcode::DELETE_GLOBAL,
                };
                let i = self.u().meta.names.add(&mangled);
                self.emit(op, if op == Opcode::LOAD_GLOBAL { i << 1 } else { i }, loc);
            }
            OpType::Name => {
                let op = match ctx {
                    Load => {
                        if is_class && self.ur().in_inlined_comp > 0 {
                            Opcode::LOAD_GLOBAL
                        } else {
                            Opcode::LOAD_NAME
                        }
                    }
                    Store => Opcode::STORE_NAME,
                    Del => Opcode::DELETE_NAME,
                };
                let i = self.u().meta.names.add(&mangled);
                self.emit(op, if op == Opcode::LOAD_GLOBAL { i << 1 } else { i }, loc);
            }
        }
        Ok(())
    }

    // ----- bodies --------------------------------------------------------------------------

    /// `compiler_body`: a module or class body, with `SETUP_ANNOTATIONS` and the docstring.
    pub(crate) fn body(&mut self, loc: Location, stmts: &'a [Stmt<'a>]) -> CResult {
        if find_ann(stmts) {
            self.emit_noarg(Opcode::SETUP_ANNOTATIONS, loc);
        }
        if stmts.is_empty() {
            return Ok(());
        }
        let mut first = 0;
        if let Some((doc, value)) = docstring(stmts) {
            first = 1;
            let loc = self.loc(value.range);
            self.load_const(Constant::Str(clean_doc(&doc)), loc);
            self.nameop("__doc__", ast::ExprContext::Store, Location::NO_LOCATION)?;
        }
        for s in &stmts[first..] {
            self.visit_stmt(s)?;
        }
        Ok(())
    }

    // ----- frame blocks --------------------------------------------------------------------

    pub(crate) fn push_fblock(
        &mut self,
        loc: Location,
        kind: FBlockKind,
        block: Option<Label>,
        exit: Option<Label>,
        datum: FBlockDatum<'a>,
    ) -> CResult {
        if self.ur().fblocks.len() >= MAX_FBLOCKS {
            return Err(self.error_at("too many statically nested blocks", loc));
        }
        self.u().fblocks.push(FBlock { kind, block, exit, loc, datum });
        Ok(())
    }

    pub(crate) fn pop_fblock(&mut self) {
        self.u().fblocks.pop();
    }
}

/// `find_ann`: whether a body has an annotated assignment outside nested scopes.
fn find_ann(stmts: &[Stmt<'_>]) -> bool {
    stmts.iter().any(|s| match &s.node {
        StmtKind::AnnAssign { .. } => true,
        StmtKind::For { body, orelse, .. }
        | StmtKind::AsyncFor { body, orelse, .. }
        | StmtKind::While { body, orelse, .. }
        | StmtKind::If { body, orelse, .. } => find_ann(body) || find_ann(orelse),
        StmtKind::With { body, .. } | StmtKind::AsyncWith { body, .. } => find_ann(body),
        StmtKind::Try { body, handlers, orelse, finalbody }
        | StmtKind::TryStar { body, handlers, orelse, finalbody } => {
            handlers.iter().any(|h| find_ann(h.body)) || find_ann(body) || find_ann(finalbody) || find_ann(orelse)
        }
        StmtKind::Match { cases, .. } => cases.iter().any(|c| find_ann(c.body)),
        _ => false,
    })
}

/// `_PyAST_GetDocString`: the first statement, when it is a string constant expression.
pub(crate) fn docstring<'a>(stmts: &'a [Stmt<'a>]) -> Option<(ast::Wtf8<'a>, &'a Expr<'a>)> {
    let first = stmts.first()?;
    let StmtKind::Expr { value } = &first.node else { return None };
    match &value.node {
        ExprKind::Constant { value: ast::Constant::Str(s), .. } => Some((*s, value)),
        _ => None,
    }
}

/// `_PyCompile_CleanDoc` (3.13): expand tabs, strip the first line's leading spaces, and remove
/// from every later line (up to) the smallest indentation among the later non-blank lines.
pub(crate) fn clean_doc(doc: &ast::Wtf8<'_>) -> PyStr {
    let mut cps: Vec<u32> = Vec::new();
    let mut column = 0usize;
    for c in doc.code_points() {
        match c {
            0x09 => {
                let n = 8 - column % 8;
                cps.extend(std::iter::repeat_n(' ' as u32, n));
                column += n;
            }
            0x0a | 0x0d => {
                cps.push(c);
                column = 0;
            }
            _ => {
                cps.push(c);
                column += 1;
            }
        }
    }
    let space = ' ' as u32;
    let newline = '\n' as u32;
    let lines: Vec<&[u32]> = cps.split(|&c| c == newline).collect();
    let margin = lines
        .iter()
        .skip(1)
        .filter_map(|line| {
            let indent = line.iter().take_while(|&&c| c == space).count();
            (indent < line.len()).then_some(indent)
        })
        .min()
        .unwrap_or(0);
    let mut out: Vec<u32> = Vec::with_capacity(cps.len());
    for (i, line) in lines.iter().enumerate() {
        let strip = if i == 0 { usize::MAX } else { margin };
        if i > 0 {
            out.push(newline);
        }
        let skip = line.iter().take(strip).take_while(|&&c| c == space).count();
        out.extend_from_slice(&line[skip..]);
    }
    PyStr::from_code_points(out).unwrap_or_else(|| PyStr::new(""))
}

/// The `co_consts` value of an AST constant.
pub(crate) fn constant_value(c: &ast::Constant<'_>) -> Constant {
    match c {
        ast::Constant::None => Constant::None,
        ast::Constant::Bool(true) => Constant::True,
        ast::Constant::Bool(false) => Constant::False,
        ast::Constant::Ellipsis => Constant::Ellipsis,
        ast::Constant::Int(i) => Constant::Int(*i),
        ast::Constant::BigInt(s) => Constant::BigInt(Arc::from(*s)),
        ast::Constant::Float(f) => Constant::Float(*f),
        ast::Constant::Complex { real, imag } => Constant::Complex { re: *real, im: *imag },
        ast::Constant::Str(s) => {
            Constant::Str(PyStr::from_code_points(s.code_points()).unwrap_or_else(|| PyStr::new("")))
        }
        ast::Constant::Bytes(b) => Constant::Bytes(Arc::from(*b)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn clean(text: &str) -> String {
        clean_doc(&ast::Wtf8::new(text)).as_str().unwrap().to_string()
    }

    #[test]
    fn docstrings_are_dedented_as_in_cpython_3_13() {
        // inspect.cleandoc-like, but keeping trailing blank lines (3.13's _PyCompile_CleanDoc).
        assert_eq!(clean("Summary.\n\n    Body.\n      Indented.\n    "), "Summary.\n\nBody.\n  Indented.\n");
        assert_eq!(clean("   leading spaces"), "leading spaces");
        assert_eq!(clean("a\n\tb"), "a\nb");
        assert_eq!(clean("one line"), "one line");
    }
}
