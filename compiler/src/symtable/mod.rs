//! Symbol tables: which names each scope binds, uses and declares, and where each name lives.
//!
//! A port of CPython 3.13's `Python/symtable.c`, in its two passes:
//!
//! 1. [`builder`] walks the AST once and records raw facts per block (a *block* is a scope:
//!    module, class, function, lambda, comprehension, or one of PEP 695's annotation scopes —
//!    type-parameter lists, type-variable bounds and defaults, type-alias values): "`x` is a
//!    parameter here", "`y` is assigned", "`z` is used", "`w` is declared `global`". Python's rule
//!    that a name assigned anywhere in a function is local to all of it is why this needs the
//!    whole tree first. Errors detectable while walking (`global` after use, `'await'` outside a
//!    function, walrus in a comprehension iterable, ...) are raised here.
//! 2. [`analysis`] then resolves each name of each block to a *scope* — local, cell, free,
//!    explicit global or implicit global — going down the block tree with the sets of names bound
//!    in enclosing functions and coming back up with the free names the children need (a local
//!    that a child needs free becomes a cell). 3.13 *inlines* list/set/dict comprehensions (PEP
//!    709): their symbols are merged into the enclosing block, whose code generator then runs the
//!    comprehension in place.
//!
//! The result, [`SymbolTable`], keeps the blocks in creation order and finds a block from the
//! AST node that opened it (CPython keys blocks by node address; so do we, see [`key_of`]). Each
//! symbol's value is CPython's integer: the `DEF_*` flags in the low bits and the scope above
//! [`SCOPE_OFFSET`], which is what the `symtable` module reports and what the tests compare.

mod analysis;
mod builder;

use crate::FxIndexMap;
use pyrt_syntax::SyntaxError;
use pyrt_syntax::TextRange;
use pyrt_syntax::ast::Mod;
use rustc_hash::{FxHashMap, FxHashSet};

use crate::future::FutureFeatures;

/// `global` statement.
pub const DEF_GLOBAL: u32 = 1;
/// Assignment (or any other binding) in the block.
pub const DEF_LOCAL: u32 = 2;
/// Formal parameter.
pub const DEF_PARAM: u32 = 4;
/// `nonlocal` statement.
pub const DEF_NONLOCAL: u32 = 8;
/// The name is read.
pub const USE: u32 = 16;
/// Free in a nested block (kept for numbering; 3.13 no longer sets it).
pub const DEF_FREE: u32 = 32;
/// A free variable of a method that is also bound in the class.
pub const DEF_FREE_CLASS: u32 = 64;
/// Bound by an import.
pub const DEF_IMPORT: u32 = 128;
/// Annotated (`x: int`).
pub const DEF_ANNOT: u32 = 256;
/// A comprehension iteration variable.
pub const DEF_COMP_ITER: u32 = 512;
/// A PEP 695 type parameter.
pub const DEF_TYPE_PARAM: u32 = 1024;
/// A cell in an inlined comprehension.
pub const DEF_COMP_CELL: u32 = 2048;
/// Any binding.
pub const DEF_BOUND: u32 = DEF_LOCAL | DEF_PARAM | DEF_IMPORT;
/// The scope is stored above the flags.
pub const SCOPE_OFFSET: u32 = 12;
pub const SCOPE_MASK: u32 = 15;

/// Where a name lives at run time (CPython's `LOCAL`, `GLOBAL_EXPLICIT`, ... constants).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[repr(u32)]
pub enum Scope {
    /// Not in the block (the symbol is unknown).
    Unknown = 0,
    Local = 1,
    GlobalExplicit = 2,
    GlobalImplicit = 3,
    Free = 4,
    Cell = 5,
}

impl Scope {
    fn from_bits(bits: u32) -> Scope {
        match bits {
            1 => Scope::Local,
            2 => Scope::GlobalExplicit,
            3 => Scope::GlobalImplicit,
            4 => Scope::Free,
            5 => Scope::Cell,
            _ => Scope::Unknown,
        }
    }
}

/// The kind of a block (CPython's `_Py_block_ty`; numbered as `_symtable.TYPE_*`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum BlockType {
    Function = 0,
    Class = 1,
    Module = 2,
    /// `from __future__ import annotations` annotations.
    Annotation = 3,
    /// The value of `type X = ...`.
    TypeAlias = 4,
    /// The type-parameter list of a generic function, class or alias.
    TypeParameters = 5,
    /// A type variable's bound, constraints or default.
    TypeVariable = 6,
}

impl BlockType {
    /// `_PyST_IsFunctionLike`: blocks whose locals are fast locals.
    pub fn is_function_like(self) -> bool {
        matches!(
            self,
            BlockType::Function
                | BlockType::Annotation
                | BlockType::TypeAlias
                | BlockType::TypeParameters
                | BlockType::TypeVariable
        )
    }

    /// The name the `symtable` module gives the type.
    pub fn name(self) -> &'static str {
        match self {
            BlockType::Function => "function",
            BlockType::Class => "class",
            BlockType::Module => "module",
            BlockType::Annotation => "annotation",
            BlockType::TypeAlias => "type alias",
            BlockType::TypeParameters => "type parameters",
            BlockType::TypeVariable => "type variable",
        }
    }
}

/// Which comprehension a function block is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ComprehensionKind {
    None,
    List,
    Set,
    Dict,
    Generator,
}

/// Index of a block in [`SymbolTable::blocks`].
pub type BlockId = usize;

/// One scope (CPython's `PySTEntryObject`).
#[derive(Clone, Debug)]
pub struct Block {
    pub name: String,
    pub kind: BlockType,
    /// The range of the node that opened the block (its line is `ste_lineno`).
    pub range: TextRange,
    /// Name → flags | scope << [`SCOPE_OFFSET`], in first-seen order.
    pub symbols: FxIndexMap<String, u32>,
    /// The parameters, in order (positional-only, positional, keyword-only, `*args`, `**kwargs`).
    pub varnames: Vec<String>,
    /// Child blocks in source order (inlined comprehensions are replaced by their children).
    pub children: Vec<BlockId>,
    /// `global`/`nonlocal` declarations (and walrus-made ones): name and range, for errors.
    pub directives: Vec<(String, TextRange)>,
    /// Nested in a function-like block.
    pub nested: bool,
    pub generator: bool,
    pub coroutine: bool,
    pub comprehension: ComprehensionKind,
    /// The comprehension runs inside its parent's code (PEP 709).
    pub comp_inlined: bool,
    pub varargs: bool,
    pub varkeywords: bool,
    pub returns_value: bool,
    /// A class whose methods use `__class__` (or `super`): it needs the `__class__` cell.
    pub needs_class_closure: bool,
    /// A class whose annotation scopes use `__classdict__`.
    pub needs_classdict: bool,
    /// An annotation scope directly inside a class: names may resolve in the class namespace.
    pub can_see_class_scope: bool,
    /// For a type-variable block: `"a TypeVar bound"`, ... (for error messages).
    pub scope_info: &'static str,
    /// Type-parameter names that are mangled here (index into [`SymbolTable::mangled_sets`]).
    pub mangled_names: Option<usize>,
    // Builder state.
    comp_iter_target: bool,
    comp_iter_expr: u32,
}

impl Block {
    fn new(name: String, kind: BlockType, range: TextRange) -> Block {
        Block {
            name,
            kind,
            range,
            symbols: FxIndexMap::default(),
            varnames: Vec::new(),
            children: Vec::new(),
            directives: Vec::new(),
            nested: false,
            generator: false,
            coroutine: false,
            comprehension: ComprehensionKind::None,
            comp_inlined: false,
            varargs: false,
            varkeywords: false,
            returns_value: false,
            needs_class_closure: false,
            needs_classdict: false,
            can_see_class_scope: false,
            scope_info: "",
            mangled_names: None,
            comp_iter_target: false,
            comp_iter_expr: 0,
        }
    }

    /// The raw flags and scope of `name` (0 when unknown).
    pub fn symbol(&self, name: &str) -> u32 {
        self.symbols.get(name).copied().unwrap_or(0)
    }

    /// The scope of `name` (`_PyST_GetScope`).
    pub fn scope_of(&self, name: &str) -> Scope {
        Scope::from_bits((self.symbol(name) >> SCOPE_OFFSET) & SCOPE_MASK)
    }

    /// Names with the given scope (or flag), sorted as CPython's `dictbytype` sorts them.
    pub fn names_sorted_where(&self, pred: impl Fn(Scope, u32) -> bool) -> Vec<String> {
        let mut names: Vec<String> = self
            .symbols
            .iter()
            .filter(|(_, v)| pred(Scope::from_bits((**v >> SCOPE_OFFSET) & SCOPE_MASK), **v))
            .map(|(k, _)| k.clone())
            .collect();
        names.sort();
        names
    }
}

/// The symbol tables of one module.
#[derive(Clone, Debug)]
pub struct SymbolTable {
    pub blocks: Vec<Block>,
    /// Block lookup by the key of the AST node that opened it.
    by_key: FxHashMap<usize, BlockId>,
    /// The mangled-name sets of generic classes' type-parameter blocks (shared with the blocks
    /// nested in them, as CPython shares the set object).
    pub mangled_sets: Vec<FxHashSet<String>>,
    pub future: FutureFeatures,
}

/// The key of a block-opening AST node: its address (CPython keys blocks by node pointer). A
/// type-parameter list is keyed by the address of its first element; a type variable's default
/// by the type variable's address plus one, as in CPython.
pub fn key_of<T>(node: &T) -> usize {
    node as *const T as usize
}

/// The key of the type-parameter block of a generic function, class or alias. CPython uses the
/// address of the `asdl_seq`; ours has no header, so the first parameter's address plus two is
/// used (its address is the first type variable's bound block, plus one its default block).
pub fn type_params_key(params: &[pyrt_syntax::ast::TypeParam<'_>]) -> usize {
    params.as_ptr() as usize + 2
}

impl SymbolTable {
    /// Builds and analyses the tables of `module`.
    pub fn build(module: &Mod<'_>, source: &str, future: FutureFeatures) -> Result<SymbolTable, SyntaxError> {
        let mut table = builder::build(module, source, future)?;
        analysis::analyze(&mut table, source)?;
        Ok(table)
    }

    /// The module's block.
    pub fn top(&self) -> BlockId {
        0
    }

    /// The block opened by the node with `key` (see [`key_of`]).
    pub fn lookup(&self, key: usize) -> Option<BlockId> {
        self.by_key.get(&key).copied()
    }

    pub fn block(&self, id: BlockId) -> &Block {
        &self.blocks[id]
    }

    /// CPython's `_Py_MaybeMangle`: mangle `name` for class `private` unless `block` restricts
    /// mangling to its type parameters and `name` is not one.
    pub fn maybe_mangle<'n>(&self, private: Option<&str>, block: BlockId, name: &'n str) -> std::borrow::Cow<'n, str> {
        if let Some(set) = self.blocks[block].mangled_names
            && !self.mangled_sets[set].contains(name)
        {
            return std::borrow::Cow::Borrowed(name);
        }
        mangle(private, name)
    }

    /// A textual dump of every block, in the layout of `tests/data/symtable/gen_symtable.py`: one
    /// line per block (`type name line`), then one per symbol (`name flags`, sorted by name),
    /// children indented.
    pub fn dump(&self, source_index: &pyrt_syntax::LineIndex) -> String {
        let mut out = String::new();
        self.dump_block(0, 0, source_index, &mut out);
        out
    }

    fn dump_block(&self, id: BlockId, depth: usize, index: &pyrt_syntax::LineIndex, out: &mut String) {
        use std::fmt::Write;
        let b = &self.blocks[id];
        let line = if b.kind == BlockType::Module { 0 } else { index.line_col(b.range.start).0 };
        let pad = "  ".repeat(depth);
        let _ = writeln!(out, "{pad}{} {} {}", b.kind.name(), b.name, line);
        let mut syms: Vec<(&String, &u32)> = b.symbols.iter().collect();
        syms.sort();
        for (name, flags) in syms {
            let _ = writeln!(out, "{pad}  . {name} {flags}");
        }
        for &c in &b.children {
            self.dump_block(c, depth + 1, index, out);
        }
    }
}

/// CPython's `_Py_Mangle`: `__name` inside class `Cls` becomes `_Cls__name`, except dunder names,
/// dotted names, and inside classes whose name is only underscores.
pub fn mangle<'n>(private: Option<&str>, name: &'n str) -> std::borrow::Cow<'n, str> {
    let Some(private) = private else { return std::borrow::Cow::Borrowed(name) };
    if !name.starts_with("__") || name.ends_with("__") || name.contains('.') {
        return std::borrow::Cow::Borrowed(name);
    }
    let stripped = private.trim_start_matches('_');
    if stripped.is_empty() {
        return std::borrow::Cow::Borrowed(name);
    }
    std::borrow::Cow::Owned(format!("_{stripped}{name}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mangling_follows_cpython() {
        assert_eq!(mangle(Some("C"), "__x"), "_C__x");
        assert_eq!(mangle(Some("__C"), "__x"), "_C__x");
        assert_eq!(mangle(Some("___"), "__x"), "__x");
        assert_eq!(mangle(Some("C"), "__x__"), "__x__");
        assert_eq!(mangle(Some("C"), "__"), "__");
        assert_eq!(mangle(Some("C"), "__a.b"), "__a.b");
        assert_eq!(mangle(Some("C"), "_x"), "_x");
        assert_eq!(mangle(None, "__x"), "__x");
    }
}
