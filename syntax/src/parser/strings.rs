//! String literals: implicit concatenation, bytes, and f-strings assembled into `JoinedStr`.
//!
//! Adjacent literals form one expression (`_PyPegen_concatenate_strings`). Without f-strings the
//! result is one `Constant`: the concatenated `str` (kind `'u'` when the first literal has a `u`
//! prefix) or `bytes`; mixing the two is an error. With an f-string anywhere the result is a
//! `JoinedStr` whose values alternate between `Constant` pieces (adjacent literal text, from
//! plain literals, `FSTRING_MIDDLE` tokens and `=` debug texts, merged; empty pieces dropped) and
//! `FormattedValue`s (`{expr[=][!conv][:spec]}`). A format spec is itself a `JoinedStr` of its
//! literal text and nested replacement fields. Literal text is decoded by [`crate::literal`].

use super::{PResult, Parser};
use crate::ast::*;
use crate::literal::{decode_bytes_body, decode_str_body};
use crate::token::{TextRange, Token, TokenKind};

/// A string token's prefix flags and body.
struct StrParts<'s> {
    bytes: bool,
    raw: bool,
    unicode: bool,
    body: &'s str,
}

fn split_literal(text: &str) -> StrParts<'_> {
    let prefix_len = text.find(['\'', '"']).unwrap_or(0);
    let prefix = &text[..prefix_len];
    let rest = &text[prefix_len..];
    let q = if rest.starts_with("'''") || rest.starts_with("\"\"\"") { 3 } else { 1 };
    let body = rest.get(q..rest.len().saturating_sub(q)).unwrap_or("");
    let has = |c: char| prefix.chars().any(|p| p.eq_ignore_ascii_case(&c));
    StrParts { bytes: has('b'), raw: has('r'), unicode: has('u'), body }
}

/// The literal text waiting to become a `Constant` piece of a `JoinedStr`.
struct PendingText {
    buf: Vec<u8>,
    range: Option<TextRange>,
    unicode: bool,
}

impl PendingText {
    fn add(&mut self, range: TextRange) {
        self.range = Some(self.range.map_or(range, |r| r.cover(range)));
    }
}

impl<'src, 'a> Parser<'src, 'a> {
    /// `strings`: one or more adjacent `STRING` / f-string literals.
    pub(crate) fn strings(&mut self) -> PResult<Expr<'a>> {
        let start = self.start();
        let mut values: Vec<Expr<'a>> = Vec::new();
        let mut pending = PendingText { buf: Vec::new(), range: None, unicode: false };
        let (mut saw_bytes, mut saw_str, mut saw_fstring) = (false, false, false);
        loop {
            match self.peek() {
                TokenKind::String => {
                    let t = self.bump();
                    let parts = split_literal(self.text(t));
                    // A piece's kind is that of the literal it starts with.
                    if pending.range.is_none() {
                        pending.unicode = parts.unicode;
                    }
                    let decoded = if parts.bytes {
                        saw_bytes = true;
                        decode_bytes_body(parts.body, parts.raw, &mut pending.buf)
                    } else {
                        saw_str = true;
                        decode_str_body(parts.body, parts.raw, &mut pending.buf)
                    };
                    if let Err(e) = decoded {
                        return self.raise(e.msg, t.range);
                    }
                    if let Some(msg) = crate::literal::invalid_escape_warning(parts.body, parts.raw, parts.bytes) {
                        self.warnings.push((t.range, msg));
                    }
                    pending.add(t.range);
                }
                TokenKind::FStringStart => {
                    saw_fstring = true;
                    saw_str = true;
                    self.fstring(&mut values, &mut pending)?;
                }
                _ => break,
            }
        }
        let range = self.range_from(start);
        if saw_bytes && saw_str {
            // Reported at the token after the literals (CPython's last token looked at).
            return self.raise_here("cannot mix bytes and nonbytes literals");
        }
        if !saw_fstring {
            let bytes = self.arena.alloc_slice_copy(&pending.buf);
            let value = if saw_bytes { Constant::Bytes(bytes) } else { Constant::Str(Wtf8::from_wtf8_bytes(bytes)) };
            let kind = pending.unicode.then_some("u");
            return Ok(self.expr(ExprKind::Constant { value, kind }, range));
        }
        self.flush_text(&mut values, &mut pending);
        let values = self.alloc_slice(values);
        Ok(self.expr(ExprKind::JoinedStr { values }, range))
    }

    /// Turns the pending literal text into a `Constant` piece (if it is not empty).
    fn flush_text(&self, values: &mut Vec<Expr<'a>>, pending: &mut PendingText) {
        if let Some(range) = pending.range.take() {
            if !pending.buf.is_empty() {
                let bytes = self.arena.alloc_slice_copy(&pending.buf);
                let kind = pending.unicode.then_some("u");
                values.push(
                    self.expr(ExprKind::Constant { value: Constant::Str(Wtf8::from_wtf8_bytes(bytes)), kind }, range),
                );
            }
            pending.buf.clear();
        }
        pending.unicode = false;
    }

    /// One f-string, `FSTRING_START ... FSTRING_END`, appended to `values`/`pending`.
    fn fstring(&mut self, values: &mut Vec<Expr<'a>>, pending: &mut PendingText) -> PResult<()> {
        let start_tok = self.bump();
        let raw = split_literal(self.text(start_tok)).raw;
        loop {
            match self.peek() {
                TokenKind::FStringMiddle => {
                    let t = self.bump();
                    self.middle_text(t, raw, pending)?;
                }
                TokenKind::Lbrace => {
                    let field = self.nested(|p| p.replacement_field(raw, pending))?;
                    self.flush_text(values, pending);
                    values.push(field);
                }
                TokenKind::FStringEnd => {
                    self.bump();
                    return Ok(());
                }
                _ => return Err(super::Fail),
            }
        }
    }

    fn middle_text(&mut self, t: Token, raw: bool, pending: &mut PendingText) -> PResult<()> {
        let text = self.text(t);
        if let Err(e) = decode_str_body(text, raw, &mut pending.buf) {
            // Reported at the token after the literal text, as CPython does.
            self.peek();
            return self.raise_here(e.msg);
        }
        if !t.range.is_empty() {
            // A doubled brace ends the token after its first half; CPython's range covers both.
            let mut range = t.range;
            if let Some(brace @ (b'{' | b'}')) = text.bytes().last()
                && self.src.as_bytes().get(range.end as usize) == Some(&brace)
            {
                range.end += 1;
            }
            pending.add(range);
        }
        Ok(())
    }

    /// `{expr [=] [!conv] [:spec]}`. A debug `=` text is literal text: it goes to `pending`.
    fn replacement_field(&mut self, raw: bool, pending: &mut PendingText) -> PResult<Expr<'a>> {
        let lbrace = self.bump();
        if self.diag {
            // `invalid_fstring_replacement_field`: nothing before `=`, `!`, `:` or `}`.
            let t = self.cur();
            if matches!(t.kind, TokenKind::Equal | TokenKind::Exclamation | TokenKind::Colon | TokenKind::Rbrace) {
                let msg = format!("f-string: valid expression required before '{}'", t.kind.text());
                return self.raise_at_token(msg, t);
            }
        }
        let value = if self.at(TokenKind::Yield) { self.yield_expr() } else { self.star_expressions() };
        let value = match value {
            Ok(v) => v,
            Err(f) => {
                if self.diag && self.error.is_none() {
                    self.pos = self.token_index_at(lbrace.range.end);
                    return self.raise_on_next_token("f-string: expecting a valid expression after '{'");
                }
                return Err(f);
            }
        };
        if self.diag
            && !matches!(self.peek(), TokenKind::Equal | TokenKind::Exclamation | TokenKind::Colon | TokenKind::Rbrace)
        {
            return self.raise_on_next_token("f-string: expecting '=', or '!', or ':', or '}'");
        }
        let mut conversion = -1;
        let mut debug = false;
        if self.at(TokenKind::Equal) {
            self.bump();
            debug = true;
            let text_range = TextRange::new(lbrace.range.end, self.start());
            let text = &self.src[text_range.as_range()];
            // Debug text is kept as written (after universal newlines, without comments),
            // never unescaped.
            let _ = decode_str_body(&strip_comments(text), true, &mut pending.buf);
            pending.add(text_range);
            if self.diag && !matches!(self.peek(), TokenKind::Exclamation | TokenKind::Colon | TokenKind::Rbrace) {
                return self.raise_on_next_token("f-string: expecting '!', or ':', or '}'");
            }
        }
        if self.at(TokenKind::Exclamation) {
            let bang = self.bump();
            self.peek();
            let name = self.cur();
            if name.kind != TokenKind::Name {
                if self.diag {
                    if matches!(name.kind, TokenKind::Colon | TokenKind::Rbrace) {
                        return self.raise_on_next_token("f-string: missing conversion character");
                    }
                    return self.raise_on_next_token("f-string: invalid conversion character");
                }
                return Err(super::Fail);
            }
            if name.range.start != bang.range.end {
                return self.raise(
                    "f-string: conversion type must come right after the exclamanation mark",
                    TextRange::new(bang.range.start, name.range.end),
                );
            }
            self.bump();
            // CPython reads on to the format spec or `}` first (a tokenizer error there wins).
            self.peek();
            conversion = match self.text(name) {
                "s" => 's' as i32,
                "r" => 'r' as i32,
                "a" => 'a' as i32,
                other => {
                    let msg = format!("f-string: invalid conversion character '{other}': expected 's', 'r', or 'a'");
                    return self.raise(msg, name.range);
                }
            };
            if self.diag && !matches!(self.peek(), TokenKind::Colon | TokenKind::Rbrace) {
                return self.raise_on_next_token("f-string: expecting ':' or '}'");
            }
        }
        let mut format_spec = None;
        if self.at(TokenKind::Colon) {
            let colon = self.bump();
            let mut spec_values = Vec::new();
            let mut spec_text = PendingText { buf: Vec::new(), range: None, unicode: false };
            loop {
                match self.peek() {
                    TokenKind::FStringMiddle => {
                        let t = self.bump();
                        self.middle_text(t, raw, &mut spec_text)?;
                    }
                    TokenKind::Lbrace => {
                        let field = self.nested(|p| p.replacement_field(raw, &mut spec_text))?;
                        self.flush_text(&mut spec_values, &mut spec_text);
                        spec_values.push(field);
                    }
                    _ => break,
                }
            }
            if self.diag && !self.at(TokenKind::Rbrace) {
                return self.raise_on_next_token("f-string: expecting '}', or format specs");
            }
            self.flush_text(&mut spec_values, &mut spec_text);
            let values = self.alloc_slice(spec_values);
            let spec = self.expr(ExprKind::JoinedStr { values }, self.range_from(colon.range.start));
            format_spec = Some(self.alloc(spec));
        }
        if self.diag && !self.at(TokenKind::Rbrace) {
            return self.raise_on_next_token("f-string: expecting '}'");
        }
        self.expect(TokenKind::Rbrace)?;
        if debug && conversion == -1 && format_spec.is_none() {
            conversion = 'r' as i32;
        }
        let value = self.alloc(value);
        Ok(self.expr(ExprKind::FormattedValue { value, conversion, format_spec }, self.range_from(lbrace.range.start)))
    }
}

/// The source text of an f-string debug expression without its comments (CPython drops them
/// from the `=` text): `#` up to the end of its line, unless inside a string literal.
fn strip_comments(text: &str) -> std::borrow::Cow<'_, str> {
    if !text.contains('#') {
        return text.into();
    }
    let mut out = String::with_capacity(text.len());
    let mut quote: Option<&str> = None;
    let mut rest = text;
    while let Some(c) = rest.chars().next() {
        match quote {
            Some(q) if rest.starts_with(q) => {
                out.push_str(q);
                rest = &rest[q.len()..];
                quote = None;
                continue;
            }
            Some(_) if c == '\\' => {
                let n = rest[1..].chars().next().map_or(1, |n| 1 + n.len_utf8());
                out.push_str(&rest[..n]);
                rest = &rest[n..];
                continue;
            }
            Some(_) => {}
            None if c == '#' => {
                let end = rest.find(['\n', '\r']).unwrap_or(rest.len());
                rest = &rest[end..];
                continue;
            }
            None if c == '\'' || c == '"' => {
                let q = if rest.starts_with("\'\'\'") {
                    "\'\'\'"
                } else if rest.starts_with("\"\"\"") {
                    "\"\"\""
                } else if c == '\'' {
                    "\'"
                } else {
                    "\""
                };
                out.push_str(q);
                rest = &rest[q.len()..];
                quote = Some(q);
                continue;
            }
            None => {}
        }
        out.push(c);
        rest = &rest[c.len_utf8()..];
    }
    out.into()
}
