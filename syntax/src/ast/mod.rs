//! The abstract syntax tree: CPython 3.13's `Parser/Python.asdl`, node for node, in an arena.
//!
//! # Shape
//!
//! Every ASDL *sum* type with attributes (`stmt`, `expr`, `pattern`, `type_param`) becomes a
//! struct holding a `node` enum and a `range`, e.g. [`Expr`] = [`ExprKind`] + [`TextRange`]. Every
//! ASDL *product* type (`arguments`, `arg`, `keyword`, `alias`, `withitem`, `match_case`,
//! `comprehension`) becomes a struct; `excepthandler` (a sum with one constructor) becomes the
//! struct [`ExceptHandler`]. Constructor and field names and their order are ASDL's, in Rust case:
//! `Expr(value)` is [`StmtKind::Expr`], `excepthandler.type` is [`ExceptHandler::type_`] (a Rust
//! keyword), `ClassDef.keywords` is `keywords`, ... The `int` fields that are booleans in practice
//! (`AnnAssign.simple`, `comprehension.is_async`) are `bool`; `ImportFrom.level` is a `u32`
//! (CPython always sets it); `FormattedValue.conversion` is an `i32` (`-1`, or `'s'`, `'r'`, `'a'`).
//! `type_comment` fields exist and are always `None` (pyrt parses without `PyCF_TYPE_COMMENTS`).
//!
//! # Memory
//!
//! All nodes live in a [`bumpalo::Bump`] arena owned by the caller and are freed in one go when it
//! is dropped. Children are `&'a Expr<'a>`, optional children `Option<&'a Expr<'a>>`, sequences
//! `&'a [T]` (elements stored inline), identifiers `&'a str`. Nothing in the tree has a `Drop`
//! impl (bumpalo never runs destructors): big integers are decimal digit strings
//! ([`Constant::BigInt`]), strings are byte slices in the arena.
//!
//! # Positions
//!
//! Nodes that have `lineno`/`col_offset`/`end_lineno`/`end_col_offset` in CPython carry a byte
//! [`TextRange`] into the decoded source, covering exactly what CPython's range covers (a `Call`
//! runs from its `func` to the `)`, decorators are outside a `FunctionDef`, a parenthesised name
//! does not include its parentheses but a parenthesised tuple does, ...). CPython's line is
//! [`crate::LineIndex::line_col`]'s line, and its `col_offset` — a UTF-8 byte column — is the byte
//! offset minus the line's start, which `line_col` also gives.
//!
//! # Constants
//!
//! [`Constant`] holds what `ast.Constant.value` can hold after parsing: `None`, booleans,
//! `Ellipsis`, integers (an `i64`, or the canonical decimal digits of a larger one), floats,
//! complex numbers (parsing only makes pure imaginary ones), strings ([`Wtf8`]: Python strings may
//! hold lone surrogates such as `'\ud800'`, which `&str` cannot) and bytes.
//!
//! [`dump`] prints a tree exactly as CPython 3.13's `ast.dump` does.

mod dump;

pub use dump::{dump, dump_with_attributes};

use crate::token::TextRange;

/// A top-level tree: what `ast.parse` returns for each mode.
#[derive(Clone, Debug, PartialEq)]
pub enum Mod<'a> {
    /// `mode="exec"`.
    Module { body: &'a [Stmt<'a>], type_ignores: &'a [TypeIgnore<'a>] },
    /// `mode="single"`.
    Interactive { body: &'a [Stmt<'a>] },
    /// `mode="eval"`.
    Expression { body: &'a Expr<'a> },
    /// `mode="func_type"`: `(int, str) -> bool`.
    FunctionType { argtypes: &'a [Expr<'a>], returns: &'a Expr<'a> },
}

/// A statement and its range.
#[derive(Clone, Debug, PartialEq)]
pub struct Stmt<'a> {
    pub node: StmtKind<'a>,
    pub range: TextRange,
}

#[derive(Clone, Debug, PartialEq)]
pub enum StmtKind<'a> {
    FunctionDef {
        name: &'a str,
        args: &'a Arguments<'a>,
        body: &'a [Stmt<'a>],
        decorator_list: &'a [Expr<'a>],
        returns: Option<&'a Expr<'a>>,
        type_comment: Option<&'a str>,
        type_params: &'a [TypeParam<'a>],
    },
    AsyncFunctionDef {
        name: &'a str,
        args: &'a Arguments<'a>,
        body: &'a [Stmt<'a>],
        decorator_list: &'a [Expr<'a>],
        returns: Option<&'a Expr<'a>>,
        type_comment: Option<&'a str>,
        type_params: &'a [TypeParam<'a>],
    },
    ClassDef {
        name: &'a str,
        bases: &'a [Expr<'a>],
        keywords: &'a [Keyword<'a>],
        body: &'a [Stmt<'a>],
        decorator_list: &'a [Expr<'a>],
        type_params: &'a [TypeParam<'a>],
    },
    Return {
        value: Option<&'a Expr<'a>>,
    },
    Delete {
        targets: &'a [Expr<'a>],
    },
    Assign {
        targets: &'a [Expr<'a>],
        value: &'a Expr<'a>,
        type_comment: Option<&'a str>,
    },
    TypeAlias {
        name: &'a Expr<'a>,
        type_params: &'a [TypeParam<'a>],
        value: &'a Expr<'a>,
    },
    AugAssign {
        target: &'a Expr<'a>,
        op: Operator,
        value: &'a Expr<'a>,
    },
    /// `simple` is true for a bare name target not in parentheses.
    AnnAssign {
        target: &'a Expr<'a>,
        annotation: &'a Expr<'a>,
        value: Option<&'a Expr<'a>>,
        simple: bool,
    },
    For {
        target: &'a Expr<'a>,
        iter: &'a Expr<'a>,
        body: &'a [Stmt<'a>],
        orelse: &'a [Stmt<'a>],
        type_comment: Option<&'a str>,
    },
    AsyncFor {
        target: &'a Expr<'a>,
        iter: &'a Expr<'a>,
        body: &'a [Stmt<'a>],
        orelse: &'a [Stmt<'a>],
        type_comment: Option<&'a str>,
    },
    While {
        test: &'a Expr<'a>,
        body: &'a [Stmt<'a>],
        orelse: &'a [Stmt<'a>],
    },
    If {
        test: &'a Expr<'a>,
        body: &'a [Stmt<'a>],
        orelse: &'a [Stmt<'a>],
    },
    With {
        items: &'a [WithItem<'a>],
        body: &'a [Stmt<'a>],
        type_comment: Option<&'a str>,
    },
    AsyncWith {
        items: &'a [WithItem<'a>],
        body: &'a [Stmt<'a>],
        type_comment: Option<&'a str>,
    },
    Match {
        subject: &'a Expr<'a>,
        cases: &'a [MatchCase<'a>],
    },
    Raise {
        exc: Option<&'a Expr<'a>>,
        cause: Option<&'a Expr<'a>>,
    },
    Try {
        body: &'a [Stmt<'a>],
        handlers: &'a [ExceptHandler<'a>],
        orelse: &'a [Stmt<'a>],
        finalbody: &'a [Stmt<'a>],
    },
    TryStar {
        body: &'a [Stmt<'a>],
        handlers: &'a [ExceptHandler<'a>],
        orelse: &'a [Stmt<'a>],
        finalbody: &'a [Stmt<'a>],
    },
    Assert {
        test: &'a Expr<'a>,
        msg: Option<&'a Expr<'a>>,
    },
    Import {
        names: &'a [Alias<'a>],
    },
    /// `level` is the number of leading dots (0 for an absolute import).
    ImportFrom {
        module: Option<&'a str>,
        names: &'a [Alias<'a>],
        level: u32,
    },
    Global {
        names: &'a [&'a str],
    },
    Nonlocal {
        names: &'a [&'a str],
    },
    Expr {
        value: &'a Expr<'a>,
    },
    Pass,
    Break,
    Continue,
}

/// An expression and its range.
#[derive(Clone, Debug, PartialEq)]
pub struct Expr<'a> {
    pub node: ExprKind<'a>,
    pub range: TextRange,
}

#[derive(Clone, Debug, PartialEq)]
pub enum ExprKind<'a> {
    BoolOp {
        op: BoolOp,
        values: &'a [Expr<'a>],
    },
    NamedExpr {
        target: &'a Expr<'a>,
        value: &'a Expr<'a>,
    },
    BinOp {
        left: &'a Expr<'a>,
        op: Operator,
        right: &'a Expr<'a>,
    },
    UnaryOp {
        op: UnaryOp,
        operand: &'a Expr<'a>,
    },
    Lambda {
        args: &'a Arguments<'a>,
        body: &'a Expr<'a>,
    },
    IfExp {
        test: &'a Expr<'a>,
        body: &'a Expr<'a>,
        orelse: &'a Expr<'a>,
    },
    /// A `None` key is a `**mapping` entry, whose mapping is the matching value.
    Dict {
        keys: &'a [Option<Expr<'a>>],
        values: &'a [Expr<'a>],
    },
    Set {
        elts: &'a [Expr<'a>],
    },
    ListComp {
        elt: &'a Expr<'a>,
        generators: &'a [Comprehension<'a>],
    },
    SetComp {
        elt: &'a Expr<'a>,
        generators: &'a [Comprehension<'a>],
    },
    DictComp {
        key: &'a Expr<'a>,
        value: &'a Expr<'a>,
        generators: &'a [Comprehension<'a>],
    },
    GeneratorExp {
        elt: &'a Expr<'a>,
        generators: &'a [Comprehension<'a>],
    },
    Await {
        value: &'a Expr<'a>,
    },
    Yield {
        value: Option<&'a Expr<'a>>,
    },
    YieldFrom {
        value: &'a Expr<'a>,
    },
    Compare {
        left: &'a Expr<'a>,
        ops: &'a [CmpOp],
        comparators: &'a [Expr<'a>],
    },
    Call {
        func: &'a Expr<'a>,
        args: &'a [Expr<'a>],
        keywords: &'a [Keyword<'a>],
    },
    /// `conversion` is `-1` (none) or the code point of `s`, `r` or `a`.
    FormattedValue {
        value: &'a Expr<'a>,
        conversion: i32,
        format_spec: Option<&'a Expr<'a>>,
    },
    JoinedStr {
        values: &'a [Expr<'a>],
    },
    /// `kind` is `Some("u")` for a string literal with a `u` prefix, else `None`.
    Constant {
        value: Constant<'a>,
        kind: Option<&'a str>,
    },
    Attribute {
        value: &'a Expr<'a>,
        attr: &'a str,
        ctx: ExprContext,
    },
    Subscript {
        value: &'a Expr<'a>,
        slice: &'a Expr<'a>,
        ctx: ExprContext,
    },
    Starred {
        value: &'a Expr<'a>,
        ctx: ExprContext,
    },
    Name {
        id: &'a str,
        ctx: ExprContext,
    },
    List {
        elts: &'a [Expr<'a>],
        ctx: ExprContext,
    },
    Tuple {
        elts: &'a [Expr<'a>],
        ctx: ExprContext,
    },
    Slice {
        lower: Option<&'a Expr<'a>>,
        upper: Option<&'a Expr<'a>>,
        step: Option<&'a Expr<'a>>,
    },
}

/// The value of an `ast.Constant` (or of a `MatchSingleton`).
#[derive(Copy, Clone, Debug, PartialEq)]
pub enum Constant<'a> {
    None,
    Bool(bool),
    Ellipsis,
    /// An integer that fits in an `i64`.
    Int(i64),
    /// A larger integer: its canonical decimal digits (no leading zeros, a leading `-` if negative).
    BigInt(&'a str),
    Float(f64),
    /// Literals only make pure imaginary numbers (`real == 0.0`); folding may make others.
    Complex {
        real: f64,
        imag: f64,
    },
    Str(Wtf8<'a>),
    Bytes(&'a [u8]),
}

/// A Python `str` value: code points encoded as WTF-8 (UTF-8 that may also encode lone
/// surrogates U+D800..U+DFFF as the three bytes UTF-8's pattern gives them).
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash)]
pub struct Wtf8<'a> {
    bytes: &'a [u8],
}

impl<'a> Wtf8<'a> {
    /// A string without surrogates.
    pub fn new(s: &'a str) -> Wtf8<'a> {
        Wtf8 { bytes: s.as_bytes() }
    }

    /// Wraps bytes produced by [`push_code_point`] (or valid UTF-8).
    pub fn from_wtf8_bytes(bytes: &'a [u8]) -> Wtf8<'a> {
        Wtf8 { bytes }
    }

    /// The text, when it holds no lone surrogate.
    pub fn as_str(&self) -> Option<&'a str> {
        std::str::from_utf8(self.bytes).ok()
    }

    pub fn as_bytes(&self) -> &'a [u8] {
        self.bytes
    }

    pub fn is_empty(&self) -> bool {
        self.bytes.is_empty()
    }

    /// The code points, surrogates included.
    pub fn code_points(&self) -> CodePoints<'a> {
        CodePoints { bytes: self.bytes }
    }
}

/// Appends code point `cp` (any value up to U+10FFFF, surrogates included) to a WTF-8 buffer.
pub fn push_code_point(buf: &mut Vec<u8>, cp: u32) {
    match cp {
        0..=0x7f => buf.push(cp as u8),
        0x80..=0x7ff => buf.extend_from_slice(&[0xc0 | (cp >> 6) as u8, 0x80 | (cp & 0x3f) as u8]),
        0x800..=0xffff => {
            buf.extend_from_slice(&[0xe0 | (cp >> 12) as u8, 0x80 | ((cp >> 6) & 0x3f) as u8, 0x80 | (cp & 0x3f) as u8])
        }
        _ => buf.extend_from_slice(&[
            0xf0 | (cp >> 18) as u8,
            0x80 | ((cp >> 12) & 0x3f) as u8,
            0x80 | ((cp >> 6) & 0x3f) as u8,
            0x80 | (cp & 0x3f) as u8,
        ]),
    }
}

/// Iterator over the code points of a [`Wtf8`] string.
#[derive(Clone, Debug)]
pub struct CodePoints<'a> {
    bytes: &'a [u8],
}

impl Iterator for CodePoints<'_> {
    type Item = u32;

    fn next(&mut self) -> Option<u32> {
        let (&b0, rest) = self.bytes.split_first()?;
        let (len, init) = match b0 {
            0..=0x7f => (1, b0 as u32),
            0xc0..=0xdf => (2, (b0 & 0x1f) as u32),
            0xe0..=0xef => (3, (b0 & 0x0f) as u32),
            _ => (4, (b0 & 0x07) as u32),
        };
        let len = len.min(1 + rest.len());
        let cp = rest[..len - 1].iter().fold(init, |acc, &b| (acc << 6) | (b & 0x3f) as u32);
        self.bytes = &self.bytes[len..];
        Some(cp)
    }
}

#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash)]
pub enum ExprContext {
    Load,
    Store,
    Del,
}

#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash)]
pub enum BoolOp {
    And,
    Or,
}

#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash)]
pub enum Operator {
    Add,
    Sub,
    Mult,
    MatMult,
    Div,
    Mod,
    Pow,
    LShift,
    RShift,
    BitOr,
    BitXor,
    BitAnd,
    FloorDiv,
}

#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash)]
pub enum UnaryOp {
    Invert,
    Not,
    UAdd,
    USub,
}

#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash)]
pub enum CmpOp {
    Eq,
    NotEq,
    Lt,
    LtE,
    Gt,
    GtE,
    Is,
    IsNot,
    In,
    NotIn,
}

/// One `for ... in ... if ...` clause of a comprehension (no position in CPython).
#[derive(Clone, Debug, PartialEq)]
pub struct Comprehension<'a> {
    pub target: Expr<'a>,
    pub iter: Expr<'a>,
    pub ifs: &'a [Expr<'a>],
    pub is_async: bool,
}

/// `except [type [as name]]: body` (ASDL's `excepthandler`, whose only constructor is
/// `ExceptHandler`). The range runs from `except` to the end of the body.
#[derive(Clone, Debug, PartialEq)]
pub struct ExceptHandler<'a> {
    pub type_: Option<&'a Expr<'a>>,
    pub name: Option<&'a str>,
    pub body: &'a [Stmt<'a>],
    pub range: TextRange,
}

/// A parameter list. `defaults` belong to the last positional parameters (`posonlyargs` then
/// `args`); `kw_defaults` has one entry per `kwonlyargs` entry, `None` where it has no default.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Arguments<'a> {
    pub posonlyargs: &'a [Arg<'a>],
    pub args: &'a [Arg<'a>],
    pub vararg: Option<&'a Arg<'a>>,
    pub kwonlyargs: &'a [Arg<'a>],
    pub kw_defaults: &'a [Option<Expr<'a>>],
    pub kwarg: Option<&'a Arg<'a>>,
    pub defaults: &'a [Expr<'a>],
}

/// One parameter.
#[derive(Clone, Debug, PartialEq)]
pub struct Arg<'a> {
    pub arg: &'a str,
    pub annotation: Option<&'a Expr<'a>>,
    pub type_comment: Option<&'a str>,
    pub range: TextRange,
}

/// `name=value` in a call or class definition; `arg` is `None` for `**mapping`.
#[derive(Clone, Debug, PartialEq)]
pub struct Keyword<'a> {
    pub arg: Option<&'a str>,
    pub value: Expr<'a>,
    pub range: TextRange,
}

/// `name [as asname]` in an import (`name` may be dotted, or `*`).
#[derive(Clone, Debug, PartialEq)]
pub struct Alias<'a> {
    pub name: &'a str,
    pub asname: Option<&'a str>,
    pub range: TextRange,
}

/// `context_expr [as optional_vars]` in a `with` statement (no position in CPython).
#[derive(Clone, Debug, PartialEq)]
pub struct WithItem<'a> {
    pub context_expr: Expr<'a>,
    pub optional_vars: Option<&'a Expr<'a>>,
}

/// `case pattern [if guard]: body` (no position in CPython).
#[derive(Clone, Debug, PartialEq)]
pub struct MatchCase<'a> {
    pub pattern: Pattern<'a>,
    pub guard: Option<&'a Expr<'a>>,
    pub body: &'a [Stmt<'a>],
}

/// A `match` pattern and its range.
#[derive(Clone, Debug, PartialEq)]
pub struct Pattern<'a> {
    pub node: PatternKind<'a>,
    pub range: TextRange,
}

#[derive(Clone, Debug, PartialEq)]
pub enum PatternKind<'a> {
    MatchValue {
        value: &'a Expr<'a>,
    },
    /// `None`, `True` or `False`.
    MatchSingleton {
        value: Constant<'a>,
    },
    MatchSequence {
        patterns: &'a [Pattern<'a>],
    },
    MatchMapping {
        keys: &'a [Expr<'a>],
        patterns: &'a [Pattern<'a>],
        rest: Option<&'a str>,
    },
    MatchClass {
        cls: &'a Expr<'a>,
        patterns: &'a [Pattern<'a>],
        kwd_attrs: &'a [&'a str],
        kwd_patterns: &'a [Pattern<'a>],
    },
    /// `*name`, or `*_` (name `None`).
    MatchStar {
        name: Option<&'a str>,
    },
    /// `pattern as name`, a capture `name` (pattern `None`), or the wildcard `_` (both `None`).
    MatchAs {
        pattern: Option<&'a Pattern<'a>>,
        name: Option<&'a str>,
    },
    MatchOr {
        patterns: &'a [Pattern<'a>],
    },
}

/// `# type: ignore` comments (never produced: pyrt parses without type comments).
#[derive(Clone, Debug, PartialEq)]
pub struct TypeIgnore<'a> {
    pub lineno: u32,
    pub tag: &'a str,
}

/// A PEP 695 type parameter and its range.
#[derive(Clone, Debug, PartialEq)]
pub struct TypeParam<'a> {
    pub node: TypeParamKind<'a>,
    pub range: TextRange,
}

#[derive(Clone, Debug, PartialEq)]
pub enum TypeParamKind<'a> {
    TypeVar { name: &'a str, bound: Option<&'a Expr<'a>>, default_value: Option<&'a Expr<'a>> },
    ParamSpec { name: &'a str, default_value: Option<&'a Expr<'a>> },
    TypeVarTuple { name: &'a str, default_value: Option<&'a Expr<'a>> },
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wtf8_round_trips_surrogates_and_astral_code_points() {
        let mut buf = Vec::new();
        for cp in [0x41, 0xe9, 0xd800, 0x20ac, 0x1f600, 0xdfff] {
            push_code_point(&mut buf, cp);
        }
        let s = Wtf8::from_wtf8_bytes(&buf);
        assert_eq!(s.code_points().collect::<Vec<_>>(), vec![0x41, 0xe9, 0xd800, 0x20ac, 0x1f600, 0xdfff]);
        assert_eq!(s.as_str(), None);
        assert_eq!(Wtf8::new("é€").as_str(), Some("é€"));
        assert_eq!(Wtf8::new("é€").code_points().count(), 2);
    }
}
