//! Error reporting: CPython's second pass, its `invalid_*` rules, and the choice of the final
//! error (`_PyPegen_run_parser` and `_Pypegen_set_syntax_error` in `Parser/pegen_errors.c`).
//!
//! # Two passes
//!
//! The first pass parses with no error rules. When it fails without a specific error, the
//! parser is reset and runs again with [`Parser::diag`] set: the parse functions then also try
//! the `invalid_*` alternatives of `python.gram` at the points where the grammar tries them
//! (the hooks call the methods below, e.g. [`Parser::diag_named_expression`] where
//! `named_expression` would try `invalid_named_expression`). Such an alternative cannot
//! succeed: it raises a specific error (message and range as CPython's) or does not match.
//!
//! # The final error
//!
//! * If either pass looked at the token where the tokenizer failed, the tokenizer's error is
//!   the error (CPython's parser stops as soon as it fetches that token).
//! * A specific error (from either pass) is the error, unless the tokenizer fails later in the
//!   source: then the tokenizer's error wins (CPython tokenizes the rest of the input to look
//!   for one) — but not the errors CPython's tokenizer reports through a status code instead of
//!   an exception (line continuation, dedent, tabs, depth, EOF), nor one hiding an error inside
//!   an f-string's expression; an unclosed bracket at the end of the input wins only when it
//!   was opened on an earlier line than the last token looked at.
//! * Otherwise the error is generic, at the furthest token the first pass looked at:
//!   `unexpected indent` / `unexpected unindent` (IndentationError) on an `INDENT`/`DEDENT`,
//!   else `invalid syntax` (with the same tokenizer rule).
//!
//! "The furthest token looked at" is [`Parser::max_seen`], kept across both passes: it is
//! where CPython's tokenizer is, which positions `RAISE_SYNTAX_ERROR` (no explicit location)
//! and `RAISE_SYNTAX_ERROR_STARTING_FROM` (which ends at the tokenizer's cursor).

use super::expr::{expr_name, starts_expression};
use super::{Fail, Mode, PResult, Parser};
use crate::ast::{Expr, ExprKind};
use crate::error::{LineIndex, SyntaxError, SyntaxErrorKind};
use crate::token::{TextRange, Token, TokenKind};

/// Which target rule an invalid target was parsed for (`TARGETS_TYPE` in pegen).
#[derive(Copy, Clone, PartialEq, Eq)]
pub(crate) enum TargetsType {
    Star,
    Del,
    For,
}

impl<'src, 'a> Parser<'src, 'a> {
    /// An error at token `t`, positioned as CPython positions token errors: a `NEWLINE` (or an
    /// empty token at the end) is one column wide on its own line.
    pub(crate) fn error_at_token(&self, kind: SyntaxErrorKind, msg: impl Into<String>, t: Token) -> SyntaxError {
        if t.kind == TokenKind::EndOfFile && self.lex_error.is_none() {
            // CPython reports the end marker just past the last line's text, with the end
            // column -1 of a token without a position.
            let body = self.src.strip_suffix('\n').map_or(self.src, |s| s.strip_suffix('\r').unwrap_or(s));
            let body = if body.len() == self.src.len() { body.strip_suffix('\r').unwrap_or(body) } else { body };
            let at = body.len() as u32;
            let mut e = SyntaxError::at(kind, msg, self.src, TextRange::new(at, at));
            e.end_lineno = e.lineno;
            e.end_offset = -1;
            if self.ends_without_newline {
                e.offset -= 1;
            }
            return e;
        }
        let mut e = SyntaxError::at(kind, msg, self.src, t.range);
        if t.kind == TokenKind::Dedent {
            // A DEDENT has no position in CPython: `_PyPegen_raise_error` takes the tokenizer's
            // cursor, the 0-based column where the dedented line's text starts, and no end.
            e.offset -= 1;
            e.end_lineno = e.lineno;
            e.end_offset = -1;
            return e;
        }
        if t.kind == TokenKind::Newline && !t.range.is_empty() {
            // CPython's NEWLINE token starts at a comment before it and ends past the `\n`.
            let i = self.tokens.partition_point(|x| x.range.start < t.range.start);
            let prev_end = if i > 0 { self.tokens[i - 1].range.end } else { 0 } as usize;
            let gap = &self.src[prev_end.min(t.range.start as usize)..t.range.start as usize];
            if let Some(hash) = gap.find('#').filter(|&h| gap[..h].trim_matches([' ', '\t', '\x0c']).is_empty()) {
                let start = (prev_end + hash) as u32;
                let mut e = SyntaxError::at(kind, e.msg, self.src, TextRange::new(start, t.range.start));
                e.end_offset += 1;
                return e;
            }
        }
        if matches!(t.kind, TokenKind::Newline | TokenKind::EndOfFile) || t.range.is_empty() {
            e.end_lineno = e.lineno;
            e.end_offset = e.offset + 1;
        }
        e
    }

    pub(crate) fn raise_at_token<T>(&mut self, msg: impl Into<String>, t: Token) -> PResult<T> {
        if self.error.is_none() && self.speculating == 0 && !self.reached_lex_error() {
            self.error = Some(self.error_at_token(SyntaxErrorKind::SyntaxError, msg, t));
        }
        Err(Fail)
    }

    /// `RAISE_SYNTAX_ERROR`: at the furthest token looked at.
    pub(crate) fn raise_here<T>(&mut self, msg: impl Into<String>) -> PResult<T> {
        let t = self.tokens[self.max_seen.min(self.tokens.len() - 1)];
        self.raise_at_token(msg, t)
    }

    /// `RAISE_SYNTAX_ERROR_ON_NEXT_TOKEN`: at the current token.
    pub(crate) fn raise_on_next_token<T>(&mut self, msg: impl Into<String>) -> PResult<T> {
        let t = self.cur();
        self.raise_at_token(msg, t)
    }

    /// `':'` where the grammar has an `invalid_*` alternative with NEWLINE instead of it.
    pub(crate) fn expect_colon(&mut self) -> PResult<Token> {
        if self.at(TokenKind::Colon) {
            return Ok(self.bump());
        }
        if self.diag && self.at(TokenKind::Newline) {
            return self.raise_here("expected ':'");
        }
        Err(Fail)
    }

    /// A forced token (`&&'x'`): its absence is an error in either pass.
    pub(crate) fn expect_forced(&mut self, kind: TokenKind) -> PResult<Token> {
        if self.at(kind) {
            return Ok(self.bump());
        }
        let t = self.cur();
        self.raise_at_token(format!("expected '{}'", kind.text()), t)
    }

    /// `invalid_named_expression`, tried where `named_expression` is parsed (pass 2): `e` was
    /// just parsed as an expression from token index `start_pos`.
    pub(crate) fn diag_named_expression(&mut self, e: &Expr<'a>, start_pos: usize) -> PResult<()> {
        if self.at(TokenKind::ColonEqual) {
            if !matches!(e.node, ExprKind::Name { .. }) {
                let msg = format!("cannot use assignment expressions with {}", expr_name(e));
                return self.raise(msg, e.range);
            }
            return Ok(());
        }
        if !self.at(TokenKind::Equal) || !is_bitwise_or_level(e) {
            return Ok(());
        }
        let saved = self.checkpoint();
        self.bump();
        self.speculating += 1;
        let rhs_start = self.checkpoint();
        let mut rhs = self.bitwise_or();
        if rhs.is_err() {
            // PEG's `bitwise_or` succeeds on the longest valid prefix (`x -` matches `x`).
            self.rewind(rhs_start);
            rhs = self.primary();
        }
        self.speculating -= 1;
        let follows_ok = !matches!(self.peek(), TokenKind::Equal | TokenKind::ColonEqual);
        self.rewind(saved);
        let Ok(rhs) = rhs else { return Ok(()) };
        if !follows_ok {
            return Ok(());
        }
        let first = self.tokens[start_pos];
        if first.kind == TokenKind::Name && matches!(e.node, ExprKind::Name { .. }) && e.range == first.range {
            let msg = "invalid syntax. Maybe you meant '==' or ':=' instead of '='?";
            return self.raise(msg, TextRange::new(e.range.start, rhs.range.end));
        }
        if self.starts_with_display(e, start_pos) {
            return Ok(());
        }
        let msg = format!("cannot assign to {} here. Maybe you meant '==' instead of '='?", expr_name(e));
        self.raise(msg, e.range)
    }

    /// `&(list | tuple | genexp | 'True' | 'None' | 'False')` at `start_pos`.
    fn starts_with_display(&self, e: &Expr<'a>, start_pos: usize) -> bool {
        let first = self.tokens[start_pos];
        if matches!(first.kind, TokenKind::True | TokenKind::None | TokenKind::False) {
            return true;
        }
        if !matches!(first.kind, TokenKind::Lpar | TokenKind::Lsqb) {
            return false;
        }
        let mut node = e;
        loop {
            if node.range.start == first.range.start
                && matches!(node.node, ExprKind::Tuple { .. } | ExprKind::GeneratorExp { .. } | ExprKind::List { .. })
            {
                return true;
            }
            node = match &node.node {
                ExprKind::Attribute { value, .. } | ExprKind::Subscript { value, .. } => value,
                ExprKind::Call { func, .. } => func,
                ExprKind::BinOp { left, .. } => left,
                _ => return false,
            };
        }
    }

    /// `RAISE_SYNTAX_ERROR_INVALID_TARGET(type, e)`: the first part of `e` that cannot be
    /// assigned to (or deleted), named as CPython names it; `None` when all of `e` can.
    pub(crate) fn raise_invalid_target(&mut self, kind: TargetsType, e: &Expr<'a>) -> PResult<()> {
        let Some(bad) = invalid_target(e, kind) else { return Ok(()) };
        let what = expr_name(bad);
        let msg = match kind {
            TargetsType::Del => format!("cannot delete {what}"),
            _ => format!("cannot assign to {what}"),
        };
        self.raise(msg, bad.range)
    }

    /// `invalid_expression` and `invalid_legacy_expression`, tried where `expression` is
    /// parsed (pass 2): `a` was parsed as a disjunction from `start_pos`.
    pub(crate) fn diag_expression(&mut self, a: &Expr<'a>, start_pos: usize) -> PResult<()> {
        let first = self.tokens[start_pos];
        let second = self.tokens[(start_pos + 1).min(self.tokens.len() - 1)];
        // `!(NAME STRING | SOFT_KEYWORD) a=disjunction b=expression_without_invalid`.
        let soft = first.kind == TokenKind::Name && matches!(self.text(first), "match" | "case" | "type" | "_");
        let name_string =
            first.kind == TokenKind::Name && matches!(second.kind, TokenKind::String | TokenKind::FStringStart);
        if !soft && !name_string && starts_expression(self.peek()) && !self.at(TokenKind::Not) {
            let saved = self.checkpoint();
            self.speculating += 1;
            let diag = std::mem::replace(&mut self.diag, false);
            let b = self.expression();
            self.diag = diag;
            self.speculating -= 1;
            self.rewind(saved);
            if let Ok(b) = b {
                if is_legacy(a) {
                    // Handled by invalid_legacy_expression below.
                } else if self.level_at(self.pos.saturating_sub(1)) > 0 {
                    let msg = "invalid syntax. Perhaps you forgot a comma?";
                    return self.raise(msg, TextRange::new(a.range.start, b.range.end));
                }
            }
        }
        // `a=disjunction 'if' b=disjunction !('else'|':')`.
        if self.at(TokenKind::If) {
            let saved = self.checkpoint();
            self.bump();
            self.speculating += 1;
            let b = self.disjunction();
            self.speculating -= 1;
            let next = self.peek();
            self.rewind(saved);
            if let Ok(b) = b
                && !matches!(next, TokenKind::Else | TokenKind::Colon)
            {
                return self.raise("expected 'else' after 'if' expression", TextRange::new(a.range.start, b.range.end));
            }
        }
        // `invalid_legacy_expression`: `a=NAME !'(' b=star_expressions` for print and exec.
        // CPython parses `b` after any name (the action checks for print/exec), which matters
        // for how far it reads: a tokenizer error reached there is the error.
        let bare_name = matches!(a.node, ExprKind::Name { .. }) && first.range == a.range;
        if bare_name && !self.at(TokenKind::Lpar) && starts_expression(self.peek()) {
            let saved = self.checkpoint();
            self.speculating += 1;
            let diag = std::mem::replace(&mut self.diag, false);
            let b = self.star_expressions();
            self.diag = diag;
            self.speculating -= 1;
            self.rewind(saved);
            if let Ok(b) = b
                && is_legacy(a)
            {
                let name = self.text(first);
                let msg = format!("Missing parentheses in call to '{name}'. Did you mean {name}(...)?");
                return self.raise(msg, TextRange::new(a.range.start, b.range.end));
            }
        }
        Ok(())
    }

    /// `invalid_for_target`: `for a=star_expressions` where `a` cannot be a target; `at` is
    /// where the target starts.
    pub(crate) fn diag_for_target(&mut self, at: (usize, u32)) -> PResult<()> {
        let saved = self.checkpoint();
        self.rewind(at);
        self.speculating += 1;
        let diag = std::mem::replace(&mut self.diag, false);
        let e = self.star_expressions();
        self.diag = diag;
        self.speculating -= 1;
        self.rewind(saved);
        match e {
            Ok(e) => self.raise_invalid_target(TargetsType::For, &e),
            Err(_) => Ok(()),
        }
    }

    /// `invalid_for_if_clause`: `for (bitwise_or (',' bitwise_or)* [',']) !'in'`.
    pub(crate) fn diag_for_if_clause(&mut self, at: (usize, u32)) -> PResult<()> {
        let saved = self.checkpoint();
        self.rewind(at);
        self.speculating += 1;
        let mut ok = self.bitwise_or().is_ok();
        while ok && self.eat(TokenKind::Comma) {
            if !starts_expression(self.peek()) {
                break;
            }
            ok = self.bitwise_or().is_ok();
        }
        self.speculating -= 1;
        let not_in = ok && !self.at(TokenKind::In);
        self.rewind(saved);
        if not_in {
            return self.raise_here("'in' expected after for-loop variables");
        }
        Ok(())
    }

    /// `RAISE_SYNTAX_ERROR_STARTING_FROM(start)` ending where the tokenizer is: the end of the
    /// furthest token looked at, without CPython's usual +1.
    pub(crate) fn raise_from_to_cursor<T>(&mut self, msg: impl Into<String>, start: u32) -> PResult<T> {
        if self.error.is_none() && self.speculating == 0 && !self.reached_lex_error() {
            let t = self.tokens[self.max_seen.min(self.tokens.len() - 1)];
            let end = self.error_at_token(SyntaxErrorKind::SyntaxError, "", t);
            let mut e = SyntaxError::syntax(msg, self.src, TextRange::new(start, start));
            e.end_lineno = end.end_lineno;
            e.end_offset = end.end_offset - 1;
            self.error = Some(e);
        }
        Err(Fail)
    }

    /// The bracket nesting level after token `i` (CPython's `tok->level` for it).
    pub(crate) fn level_at(&mut self, i: usize) -> u32 {
        if self.levels.is_empty() {
            let mut level: u32 = 0;
            self.levels = self
                .tokens
                .iter()
                .map(|t| {
                    match t.kind {
                        TokenKind::Lpar | TokenKind::Lsqb | TokenKind::Lbrace => level += 1,
                        TokenKind::Rpar | TokenKind::Rsqb | TokenKind::Rbrace => level = level.saturating_sub(1),
                        _ => {}
                    }
                    level
                })
                .collect();
        }
        self.levels.get(i).copied().unwrap_or(0)
    }
}

/// `_PyPegen_check_legacy_stmt`: `a` is the name `print` or `exec` (the statements of Python 2).
fn is_legacy(a: &Expr<'_>) -> bool {
    matches!(a.node, ExprKind::Name { id: "print" | "exec", .. })
}

/// Whether `e` could be the whole of a `bitwise_or` (no comparison, `not`, `and`/`or`,
/// conditional, lambda or walrus at its top).
fn is_bitwise_or_level(e: &Expr<'_>) -> bool {
    !matches!(
        e.node,
        ExprKind::Compare { .. }
            | ExprKind::BoolOp { .. }
            | ExprKind::IfExp { .. }
            | ExprKind::Lambda { .. }
            | ExprKind::NamedExpr { .. }
            | ExprKind::UnaryOp { op: crate::ast::UnaryOp::Not, .. }
    )
}

/// Whether some part of `e` cannot be a target of `kind`.
pub(crate) fn invalid_target_exists(e: &Expr<'_>, kind: TargetsType) -> bool {
    invalid_target(e, kind).is_some()
}

/// `_PyPegen_get_invalid_target`.
fn invalid_target<'e, 'a>(e: &'e Expr<'a>, kind: TargetsType) -> Option<&'e Expr<'a>> {
    match &e.node {
        ExprKind::List { elts, .. } | ExprKind::Tuple { elts, .. } => {
            elts.iter().find_map(|elt| invalid_target(elt, kind))
        }
        ExprKind::Starred { value, .. } => {
            if kind == TargetsType::Del {
                Some(e)
            } else {
                invalid_target(value, kind)
            }
        }
        ExprKind::Compare { left, ops, .. } => {
            // `for x in y` parsed as a comparison: the target is the left side.
            if kind == TargetsType::For && ops.first() == Some(&crate::ast::CmpOp::In) {
                invalid_target(left, kind)
            } else {
                Some(e)
            }
        }
        ExprKind::Name { .. } | ExprKind::Subscript { .. } | ExprKind::Attribute { .. } => None,
        _ => Some(e),
    }
}

/// The error for a failed parse (see the module documentation).
pub(super) fn final_error(p: &mut Parser<'_, '_>, mode: Mode) -> SyntaxError {
    let last = p.tokens.len() - 1;
    if p.error.is_none()
        && p.max_seen >= last
        && let Some(e) = p.lex_error.take()
    {
        return e;
    }
    let error = match p.error.take() {
        Some(e) => e,
        None => {
            let pass1_seen = p.max_seen;
            p.run_diagnosis(mode);
            match p.error.take() {
                Some(e) => e,
                // The second pass reached the token the tokenizer failed on: CPython stops
                // there with the tokenizer's error.
                None if p.reached_lex_error() => {
                    return p.lex_error.take().unwrap_or_else(|| generic_error(p, pass1_seen));
                }
                None => return generic_error(p, pass1_seen),
            }
        }
    };
    tokenizer_error_wins(p, error)
}

fn generic_error(p: &mut Parser<'_, '_>, seen: usize) -> SyntaxError {
    let last = p.tokens[seen.min(p.tokens.len() - 1)];
    match last.kind {
        TokenKind::Indent => {
            // CPython puts it at the end of the indentation, with the end column -1 of a token
            // without a position.
            let mut e = p.error_at_token(SyntaxErrorKind::IndentationError, "unexpected indent", last);
            e.offset = (e.end_offset - 1).max(1);
            e.end_offset = -1;
            return e;
        }
        TokenKind::Dedent => {
            return p.error_at_token(SyntaxErrorKind::IndentationError, "unexpected unindent", last);
        }
        _ => {}
    }
    let mut generic = p.error_at_token(SyntaxErrorKind::SyntaxError, "invalid syntax", last);
    if last.kind == TokenKind::EndOfFile && p.lex_error.is_none() {
        // The end marker has no column: CPython's `col_offset + 1` is 0 (and an empty source
        // has no line either).
        generic.offset = 0;
        generic.end_offset = 0;
        if p.src.is_empty() {
            generic.lineno = 0;
            generic.end_lineno = 0;
        }
    }
    tokenizer_error_wins(p, generic)
}

fn tokenizer_error_wins(p: &mut Parser<'_, '_>, error: SyntaxError) -> SyntaxError {
    // An error inside an f-string's expression part is kept: the tokenizer's errors after it
    // (an unterminated f-string, say) would hide it.
    let seen = p.max_seen.min(p.tokens.len() - 1);
    let mut fstring_depth = 0i32;
    for t in &p.tokens[..seen] {
        match t.kind {
            TokenKind::FStringStart => fstring_depth += 1,
            TokenKind::FStringEnd => fstring_depth -= 1,
            _ => {}
        }
    }
    if fstring_depth > 0 {
        return error;
    }
    match p.lex_error.take() {
        Some(lex) if lex.msg.ends_with("was never closed") => {
            let last_line = line_of(p.src, p.tokens[seen].range.start);
            if i64::from(last_line) > i64::from(lex.lineno) { lex } else { error }
        }
        // Errors CPython's tokenizer reports through a status code rather than an exception
        // (`E_LINECONT`, `E_DEDENT`, `E_TABSPACE`, `E_TOODEEP`, `E_EOF`) do not replace it.
        Some(lex) if is_status_error(&lex.msg) => {
            p.lex_error = Some(lex);
            error
        }
        Some(lex) => lex,
        None => error,
    }
}

fn is_status_error(msg: &str) -> bool {
    matches!(
        msg,
        "unexpected character after line continuation character"
            | "unindent does not match any outer indentation level"
            | "inconsistent use of tabs and spaces in indentation"
            | "too many levels of indentation"
            | "unexpected EOF while parsing"
    )
}

impl Parser<'_, '_> {
    /// Resets the parser and parses again with the `invalid_*` rules on.
    fn run_diagnosis(&mut self, mode: Mode) {
        // `max_seen` is kept: like CPython's tokenizer, it never goes back.
        self.pos = 0;
        self.prev_end = 0;
        self.depth = 0;
        self.speculating = 0;
        self.diag = true;
        let _ = match mode {
            Mode::Module => self.parse_module(),
            Mode::Expression => self.parse_eval(),
            Mode::Interactive => self.parse_interactive(),
            Mode::FuncType => self.parse_func_type(),
        };
    }
}

/// The 1-based line of byte `offset` (for messages that name a statement's line).
pub(crate) fn line_of(src: &str, offset: u32) -> u32 {
    LineIndex::new(src).line_col(offset).0
}

#[cfg(test)]
mod tests {
    use crate::{Mode, parse};

    fn error(src: &str, mode: Mode) -> (String, i32, i32, i32, i32) {
        let arena = bumpalo::Bump::new();
        let e = parse(src, mode, &arena).unwrap_err();
        (e.msg, e.lineno, e.offset, e.end_lineno, e.end_offset)
    }

    #[test]
    fn positions_of_tokens_cpython_leaves_unpositioned() {
        // All measured with CPython 3.13.0's compile().
        let multiple = "multiple statements found while compiling a single statement".to_string();
        // A NEWLINE after a comment starts at the comment and ends past the line break.
        assert_eq!(error("x = 5 # comment\nx = 6\n", Mode::Interactive), (multiple.clone(), 1, 7, 1, 17));
        assert_eq!(error("x = 5\nx = 6\n", Mode::Interactive), (multiple, 1, 6, 1, 7));
        // The end marker of an eval input without a final newline: the cursor, no end.
        assert_eq!(error("f'' b''", Mode::Expression), ("cannot mix bytes and nonbytes literals".into(), 1, 7, 1, -1));
        // A DEDENT: the column where the dedented text starts (0-based), no end.
        let msg = "expected an indented block after 'case' statement on line 2".to_string();
        assert_eq!(error("match something:\n    case []:\npass\n", Mode::Module), (msg, 3, 0, 3, -1));
    }
}
