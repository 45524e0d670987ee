//! The parser: tokens in, an arena [`crate::ast::Mod`] (or CPython's `SyntaxError`) out.
//!
//! # Algorithm
//!
//! Hand-written recursive descent over CPython 3.13's `Grammar/python.gram`, with precedence
//! climbing for binary operators (as ruff's parser does): statements in `stmt`, expressions in
//! `expr`, `match` patterns in `pattern`, parameter and argument lists in `params`, string
//! and f-string assembly in `strings`. The whole token stream is read first (the tokenizer is
//! cheap, and a vector makes lookahead and the few speculative parses — `match`, parenthesised
//! `with` items — a matter of saving and restoring an index).
//!
//! # Positions
//!
//! A node's range follows pegen's `EXTRA`: from the start of the first token of its rule to the
//! end of the last token the rule consumed that is not `NEWLINE`, `INDENT` or `DEDENT`
//! (`Parser::prev_end`). So `x = 1,` has a tuple ending at the comma, and a block statement
//! ends with its last statement.
//!
//! # Errors
//!
//! A parse function returns `PResult`: `Err(Fail)` means "this input does not match". The
//! first specific error (a literal that does not decode, an invalid assignment target, ...) is
//! stored in `Parser::error` and wins. Otherwise the error is CPython's generic one: `invalid
//! syntax` at the furthest token the parser looked at (`Parser::max_seen`), or the
//! tokenizer's error if the parser got as far as the token the tokenizer failed on. The
//! `diagnose` pass then refines generic errors with the `invalid_*` rules of the grammar.
//!
//! # Depth
//!
//! Nesting that recurses natively (parentheses, brackets, lambdas, conditional expressions,
//! f-string replacement fields) is counted in `Parser::depth`; past CPython's limit the parse
//! fails with CPython's `MemoryError: Parser stack overflowed - Python source too complex to
//! parse`. Prefix operators (`-`, `not`, `await`) and postfix chains are parsed with loops.

mod diagnose;
mod expr;
mod params;
mod pattern;
mod stmt;
mod strings;

use crate::ast::{Expr, ExprKind, Mod};
use crate::error::{SyntaxError, SyntaxErrorKind};
use crate::lexer::Lexer;
use crate::token::{TextRange, Token, TokenKind};
use bumpalo::Bump;

/// What `ast.parse`'s `mode` argument selects.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash)]
pub enum Mode {
    /// `"exec"`: a module.
    Module,
    /// `"eval"`: one expression.
    Expression,
    /// `"single"`: one interactive statement.
    Interactive,
    /// `"func_type"`: a signature type comment, `(int, str) -> bool`.
    FuncType,
}

/// Parses `source` (already decoded) in `mode`, allocating the tree in `arena`.
pub fn parse<'a>(source: &str, mode: Mode, arena: &'a Bump) -> Result<Mod<'a>, SyntaxError> {
    let mut p = Parser::new(source, mode, arena);
    let result = match mode {
        Mode::Module => p.parse_module(),
        Mode::Expression => p.parse_eval(),
        Mode::Interactive => p.parse_interactive(),
        Mode::FuncType => p.parse_func_type(),
    };
    match result {
        // Parsing reached the end, so it reached the token the tokenizer failed on, if any.
        Ok(m) => match p.lex_error.take() {
            Some(e) => Err(e),
            None => Ok(m),
        },
        Err(Fail) => Err(p.into_error(mode)),
    }
}

/// [`parse`], and the `SyntaxWarning`s of a source that parses, in source order (each once: a
/// literal parsed again after backtracking does not warn twice).
pub fn parse_with_warnings<'a>(
    source: &str,
    mode: Mode,
    arena: &'a Bump,
) -> Result<(Mod<'a>, Vec<crate::SyntaxWarning>), SyntaxError> {
    let mut p = Parser::new(source, mode, arena);
    let result = match mode {
        Mode::Module => p.parse_module(),
        Mode::Expression => p.parse_eval(),
        Mode::Interactive => p.parse_interactive(),
        Mode::FuncType => p.parse_func_type(),
    };
    let m = match result {
        Ok(m) => match p.lex_error.take() {
            Some(e) => return Err(e),
            None => m,
        },
        Err(Fail) => return Err(p.into_error(mode)),
    };
    let mut found = std::mem::take(&mut p.warnings);
    found.sort_by_key(|(range, _)| range.start);
    found.dedup();
    let index = crate::LineIndex::new(source);
    let warnings = found.into_iter().map(|(range, msg)| crate::SyntaxWarning::at(msg, source, &index, range)).collect();
    Ok((m, warnings))
}

/// "This input does not match": the details are in the parser's state.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub(crate) struct Fail;

pub(crate) type PResult<T> = Result<T, Fail>;

/// Past this depth of native recursion the parse fails as CPython's does (its `MAXSTACK` is
/// 6000 rule invocations; one level here stands for about as many of CPython's as each
/// construct costs there).
const MAX_DEPTH: u32 = 5968;

pub(crate) struct Parser<'src, 'a> {
    pub(crate) src: &'src str,
    pub(crate) arena: &'a Bump,
    /// Every token, ending with `EndOfFile` (a synthetic one where the tokenizer failed).
    pub(crate) tokens: Vec<Token>,
    /// The tokenizer's error, raised when the parser reaches the last token.
    pub(crate) lex_error: Option<SyntaxError>,
    pub(crate) pos: usize,
    /// End of the last consumed token that is not `NEWLINE`/`INDENT`/`DEDENT`.
    pub(crate) prev_end: u32,
    /// The furthest token index looked at: where a generic error is reported.
    pub(crate) max_seen: usize,
    pub(crate) depth: u32,
    /// The first specific error raised.
    pub(crate) error: Option<SyntaxError>,
    /// Inside a speculative parse: do not record specific errors.
    pub(crate) speculating: u32,
    /// The second pass: the `invalid_*` rules are on ([`diagnose`]).
    pub(crate) diag: bool,
    /// Bracket level of each token, computed for the second pass.
    pub(crate) levels: Vec<u32>,
    /// `eval` mode on a source without a final line break: the tokenizer's cursor at the end
    /// marker is just past the last character, not past a newline.
    pub(crate) ends_without_newline: bool,
    /// The `SyntaxWarning`s met so far, as (token range, message): the tokenizer's, then the
    /// string parser's (sorted by position when handed out).
    pub(crate) warnings: Vec<(TextRange, String)>,
}

impl<'src, 'a> Parser<'src, 'a> {
    pub(crate) fn new(src: &'src str, mode: Mode, arena: &'a Bump) -> Self {
        let mut lexer = Lexer::new(src);
        match mode {
            Mode::Expression => lexer = lexer.without_final_newline(),
            Mode::Interactive => lexer = lexer.without_exec_input(),
            Mode::Module | Mode::FuncType => {}
        }
        let mut tokens = Vec::with_capacity(src.len() / 4 + 16);
        let mut lex_error = None;
        loop {
            match lexer.next_token() {
                Ok(t) => {
                    tokens.push(t);
                    if t.kind == TokenKind::EndOfFile {
                        break;
                    }
                }
                Err(e) => {
                    let at = tokens.last().map_or(0, |t: &Token| t.range.end);
                    tokens.push(Token { kind: TokenKind::EndOfFile, range: TextRange::empty(at) });
                    lex_error = Some(e);
                    break;
                }
            }
        }
        Parser {
            src,
            arena,
            tokens,
            lex_error,
            pos: 0,
            prev_end: 0,
            max_seen: 0,
            depth: 0,
            error: None,
            speculating: 0,
            diag: false,
            levels: Vec::new(),
            ends_without_newline: mode == Mode::Expression && !src.ends_with(['\n', '\r']),
            warnings: lexer.warnings().iter().map(|w| (w.range, w.msg.clone())).collect(),
        }
    }

    // ----- tokens -----

    #[inline]
    pub(crate) fn nth(&mut self, n: usize) -> TokenKind {
        let i = (self.pos + n).min(self.tokens.len() - 1);
        if i > self.max_seen {
            self.max_seen = i;
        }
        self.tokens[i].kind
    }

    #[inline]
    pub(crate) fn peek(&mut self) -> TokenKind {
        self.nth(0)
    }

    #[inline]
    pub(crate) fn at(&mut self, kind: TokenKind) -> bool {
        self.peek() == kind
    }

    /// The current token (without counting it as looked at).
    #[inline]
    pub(crate) fn cur(&self) -> Token {
        self.tokens[self.pos.min(self.tokens.len() - 1)]
    }

    #[inline]
    pub(crate) fn start(&self) -> u32 {
        self.cur().range.start
    }

    pub(crate) fn text(&self, t: Token) -> &'src str {
        &self.src[t.range.as_range()]
    }

    /// Whether the current token is the name `word` (a soft keyword).
    pub(crate) fn at_soft(&mut self, word: &str) -> bool {
        self.peek() == TokenKind::Name && self.text(self.cur()) == word
    }

    pub(crate) fn bump(&mut self) -> Token {
        let t = self.cur();
        if !matches!(t.kind, TokenKind::Newline | TokenKind::Indent | TokenKind::Dedent | TokenKind::EndOfFile) {
            self.prev_end = t.range.end;
        }
        if self.pos < self.tokens.len() - 1 {
            self.pos += 1;
        }
        t
    }

    pub(crate) fn eat(&mut self, kind: TokenKind) -> bool {
        if self.at(kind) {
            self.bump();
            true
        } else {
            false
        }
    }

    pub(crate) fn expect(&mut self, kind: TokenKind) -> PResult<Token> {
        if self.at(kind) { Ok(self.bump()) } else { Err(Fail) }
    }

    /// The range from `start` to the end of the last consumed token.
    #[inline]
    pub(crate) fn range_from(&self, start: u32) -> TextRange {
        TextRange::new(start, self.prev_end.max(start))
    }

    /// A saved position for speculative parsing.
    pub(crate) fn checkpoint(&self) -> (usize, u32) {
        (self.pos, self.prev_end)
    }

    pub(crate) fn rewind(&mut self, (pos, prev_end): (usize, u32)) {
        self.pos = pos;
        self.prev_end = prev_end;
    }

    // ----- depth -----

    pub(crate) fn enter(&mut self) -> PResult<()> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            if self.error.is_none() {
                self.error = Some(SyntaxError {
                    kind: SyntaxErrorKind::MemoryError,
                    msg: "Parser stack overflowed - Python source too complex to parse".into(),
                    lineno: 0,
                    offset: 0,
                    end_lineno: 0,
                    end_offset: 0,
                    text: None,
                });
            }
            self.depth -= 1;
            return Err(Fail);
        }
        Ok(())
    }

    pub(crate) fn leave(&mut self) {
        self.depth -= 1;
    }

    // ----- errors -----

    /// Records a specific error at `range` (the first one wins) and fails.
    pub(crate) fn raise<T>(&mut self, msg: impl Into<String>, range: TextRange) -> PResult<T> {
        self.raise_kind(SyntaxErrorKind::SyntaxError, msg, range)
    }

    /// An error of an `invalid_*` rule: raised in the second pass only (in the first, the
    /// input just does not match, and a tokenizer error further on may win).
    pub(crate) fn raise_invalid<T>(&mut self, msg: impl Into<String>, range: TextRange) -> PResult<T> {
        if !self.diag {
            return Err(Fail);
        }
        self.raise(msg, range)
    }

    /// Whether the parser has looked at the token where the tokenizer failed: CPython would
    /// have stopped there with the tokenizer's error.
    pub(crate) fn reached_lex_error(&self) -> bool {
        self.lex_error.is_some() && self.max_seen >= self.tokens.len() - 1
    }

    pub(crate) fn raise_kind<T>(
        &mut self,
        kind: SyntaxErrorKind,
        msg: impl Into<String>,
        range: TextRange,
    ) -> PResult<T> {
        if self.error.is_none() && self.speculating == 0 && !self.reached_lex_error() {
            self.error = Some(SyntaxError::at(kind, msg, self.src, range));
        }
        Err(Fail)
    }

    fn into_error(mut self, mode: Mode) -> SyntaxError {
        diagnose::final_error(&mut self, mode)
    }

    // ----- arena helpers -----

    #[inline]
    pub(crate) fn alloc<T>(&self, v: T) -> &'a T {
        self.arena.alloc(v)
    }

    pub(crate) fn alloc_slice<T>(&self, v: Vec<T>) -> &'a [T] {
        if v.is_empty() {
            return &[];
        }
        self.arena.alloc_slice_fill_iter(v)
    }

    pub(crate) fn expr(&self, node: ExprKind<'a>, range: TextRange) -> Expr<'a> {
        Expr { node, range }
    }

    /// An identifier from a `Name` token, NFKC-normalised when it is not ASCII (PEP 3131).
    pub(crate) fn ident(&self, t: Token) -> &'a str {
        let text = self.text(t);
        if text.is_ascii() {
            self.arena.alloc_str(text)
        } else {
            use unicode_normalization::UnicodeNormalization;
            let normal: String = text.nfkc().collect();
            self.arena.alloc_str(&normal)
        }
    }

    /// The index of the token starting at byte `offset` (or the next one).
    pub(crate) fn token_index_at(&self, offset: u32) -> usize {
        self.tokens.partition_point(|t| t.range.start < offset)
    }

    /// Whether `e`, parsed from token index `start_pos` on, is wrapped in parentheses (a
    /// parenthesised expression keeps the inner range, so its first token is a `(` before it).
    pub(crate) fn parenthesized(&self, e: &Expr<'a>, start_pos: usize) -> bool {
        let t = self.tokens[start_pos];
        t.kind == TokenKind::Lpar && t.range.start < e.range.start
    }

    pub(crate) fn expect_name(&mut self) -> PResult<(&'a str, Token)> {
        let t = self.expect(TokenKind::Name)?;
        Ok((self.ident(t), t))
    }

    // ----- modes -----

    pub(crate) fn parse_module(&mut self) -> PResult<Mod<'a>> {
        let mut body = Vec::new();
        while !self.at(TokenKind::EndOfFile) {
            self.statement(&mut body)?;
        }
        Ok(Mod::Module { body: self.alloc_slice(body), type_ignores: &[] })
    }

    pub(crate) fn parse_eval(&mut self) -> PResult<Mod<'a>> {
        let body = self.expressions()?;
        while self.eat(TokenKind::Newline) {}
        self.expect(TokenKind::EndOfFile)?;
        Ok(Mod::Expression { body: self.alloc(body) })
    }

    pub(crate) fn parse_interactive(&mut self) -> PResult<Mod<'a>> {
        let mut body = Vec::new();
        match self.peek() {
            // No statement at all (blank lines and comments are not tokens): CPython's
            // `_PyPegen_interactive_exit`, an `invalid syntax` at the end.
            TokenKind::EndOfFile => return Err(Fail),
            TokenKind::Newline => {
                self.bump();
            }
            _ => {
                let compound = self.statement(&mut body)?;
                // `compound_stmt NEWLINE`: a blank line ends the statement.
                if compound && !self.eat(TokenKind::Newline) && !self.at(TokenKind::EndOfFile) {
                    return Err(Fail);
                }
            }
        }
        // `ast.parse(mode='single')` accepts only one statement.
        if !self.at(TokenKind::EndOfFile) {
            let newline = self.tokens[self.pos.saturating_sub(1)];
            return self.raise_at_token("multiple statements found while compiling a single statement", newline);
        }
        Ok(Mod::Interactive { body: self.alloc_slice(body) })
    }

    pub(crate) fn parse_func_type(&mut self) -> PResult<Mod<'a>> {
        self.expect(TokenKind::Lpar)?;
        let mut argtypes = Vec::new();
        while !self.at(TokenKind::Rpar) {
            // `*args` and `**kwargs` types are recorded as the bare expressions (as CPython does).
            if self.at(TokenKind::Star) || self.at(TokenKind::DoubleStar) {
                self.bump();
            }
            argtypes.push(self.expression()?);
            if !self.eat(TokenKind::Comma) {
                break;
            }
        }
        self.expect(TokenKind::Rpar)?;
        self.expect(TokenKind::Rarrow)?;
        let returns = self.expression()?;
        while self.eat(TokenKind::Newline) {}
        self.expect(TokenKind::EndOfFile)?;
        Ok(Mod::FunctionType { argtypes: self.alloc_slice(argtypes), returns: self.alloc(returns) })
    }
}
