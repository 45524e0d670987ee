//! The tokenizer: Python 3.13 source text in, [`Token`]s out, exactly as CPython 3.13's C
//! tokenizer (`Parser/lexer/lexer.c`) produces them for its parser.
//!
//! # Algorithm
//!
//! The lexer is a port of CPython's state machine, pulled one token at a time by the parser
//! ([`Lexer::next_token`]). It reads the source through a cursor with one character of
//! push-back (`nextc`/`backup`, CPython's `tok_nextc`/`tok_backup`) so that the control flow,
//! and therefore every corner case and error position, follows the C code. The cursor sees the
//! source the way CPython's string reader does after `translate_newlines`: `\r\n` and a lone
//! `\r` read as one `\n`, and a source that does not end with a newline gets a virtual one
//! (its token ranges are clamped to the end of the source, so they are empty there).
//!
//! State, as in CPython's `tok_state`:
//! * **indentation** — at the beginning of each line (`indent.rs`) the width of the leading
//!   blanks is measured twice: with tabs to the next multiple of 8 (`col`) and with tabs as one
//!   column (`altcol`). Both stacks must agree on every comparison, otherwise the indentation is
//!   ambiguous (`TabError`). Lines that hold only blanks and/or a comment, and lines inside
//!   brackets, do not take part. A deeper line pushes one pending INDENT, a shallower one pops
//!   (and emits a DEDENT for) every deeper level; it must land exactly on an outer level.
//! * **brackets** — a stack of the open `(`, `[`, `{` (at most 200). Inside brackets newlines
//!   are not tokens (implicit line joining) and indentation is not measured.
//! * **f-string modes** — a stack of the f-strings being read (PEP 701, `fstring.rs`). The top
//!   one is either in *literal* mode (yielding FStringMiddle / FStringEnd) or in *expression*
//!   mode (inside a `{...}` replacement field: ordinary tokens, until the matching `}` or a
//!   top-level `:` that starts a format spec, which switches back to literal mode).
//!
//! Comments and non-logical newlines (CPython's COMMENT and NL) are skipped, not returned.
//!
//! # Tokens
//!
//! * `Name` and keywords, `Int`/`Float`/`Complex` (`numbers.rs`), `String` (prefix and quotes
//!   included, `strings.rs`), `FStringStart` (prefix and opening quote), `FStringMiddle` (literal
//!   text; a doubled `{{` or `}}` ends a middle token after its first brace, so the text of a
//!   middle token is the literal text before escape decoding — it may be empty, exactly where
//!   CPython emits an empty one), `FStringEnd` (closing quote).
//! * `Newline` covers the line break (`\n` or `\r\n`); the one synthesised at the end of a
//!   source without a final newline is empty. `Indent` covers the leading blanks of its line;
//!   `Dedent` and `EndOfFile` are empty.
//! * Operators as in `Grammar/Tokens`. Note that CPython's tokenizer reads `<>` as `NotEqual`
//!   (the parser rejects it unless `barry_as_FLUFL`), `!` alone as `Exclamation`, and any other
//!   ASCII punctuation (`$`, `?`, `` ` ``) as a generic `Op`.
//!
//! # Errors
//!
//! The first error is returned as a [`SyntaxError`] and every later call returns it again.
//! Positions are CPython 3.13's (`compile()`): errors CPython's tokenizer raises itself
//! (`_PyTokenizer_syntaxerror`) point at the cursor, `offset == end_offset`, and carry the line
//! without its newline; errors the parser raises from the tokenizer's state
//! (`_Pypegen_tokenizer_error`) carry the line with a newline and CPython's odd end offsets
//! (0 or -1; [`SyntaxError`] has no -1, so both are 0 here).
//!
//! Raised by the tokenizer itself:
//! * numbers: `invalid decimal literal`, `invalid hexadecimal literal`, `invalid octal
//!   literal`, `invalid binary literal`, `invalid digit 'N' in octal literal`, `invalid digit
//!   'N' in binary literal`, `invalid imaginary literal`, `leading zeros in decimal integer
//!   literals are not permitted; use an 0o prefix for octal integers`. A number directly
//!   followed by `and`, `else`, `for`, `if`, `in`, `is`, `not` or `or` is accepted with a
//!   SyntaxWarning (`invalid decimal literal`, ...), collected in [`Lexer::warnings`];
//! * names: `invalid character '€' (U+20AC)`, `invalid non-printable character U+00A0`;
//! * strings: `unterminated string literal (detected at line N)`, `unterminated triple-quoted
//!   string literal (detected at line N)`, and for f-strings `unterminated f-string literal
//!   (detected at line N)`, `unterminated triple-quoted f-string literal (detected at line N)`,
//!   `f-string: expecting '}'`, `f-string: single '}' is not allowed`, `f-string: expressions
//!   nested too deeply`, `f-string: unmatched ')'`, `too many nested f-strings`;
//! * brackets: `unmatched ')'`, `closing parenthesis ')' does not match opening parenthesis
//!   '['` (with ` on line N` when the opening bracket is on another line), `too many nested
//!   parentheses`.
//!
//! Raised by CPython's parser when the tokenizer stops (we raise them at the same point):
//! * `'(' was never closed` — end of file inside brackets;
//! * `unexpected EOF while parsing` — end of file right after a line-continuation backslash;
//! * `unexpected character after line continuation character`;
//! * `IndentationError: unindent does not match any outer indentation level`,
//!   `IndentationError: too many levels of indentation` (100 levels),
//!   `TabError: inconsistent use of tabs and spaces in indentation`;
//! * `source code string cannot contain null bytes` (CPython's `compile()` checks the whole
//!   source first; it has no position) — returned before any token.
//!
//! CPython's parser decides whether a tokenizer error or its own syntax error wins (e.g. an
//! unclosed bracket is only reported when parsing fails); that ordering is the parser's job.

mod chars;
mod fstring;
mod indent;
mod numbers;
mod strings;
#[cfg(test)]
mod tests;

use crate::error::{LineIndex, SyntaxError, SyntaxErrorKind, position};
use crate::token::{TextRange, Token, TokenKind};

/// What `nextc` returns at the end of the input (CPython's `EOF`).
const EOF: i32 = -1;
/// Most nested brackets (CPython's `MAXLEVEL`).
const MAX_LEVEL: usize = 200;
/// Most nested f-strings (CPython's `MAXFSTRINGLEVEL`, counting the regular mode).
const MAX_FSTRING_LEVEL: usize = 150;

/// A warning CPython's tokenizer emits (as `SyntaxWarning`) without failing.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LexWarning {
    pub msg: String,
    /// The token the warning is about.
    pub range: TextRange,
}

/// An open bracket: which one and where.
#[derive(Copy, Clone, Debug)]
struct Bracket {
    ch: u8,
    pos: u32,
}

/// One f-string being read (CPython's `tokenizer_mode` of kind `TOK_FSTRING_MODE`).
#[derive(Copy, Clone, Debug)]
struct FStringMode {
    /// Inside a replacement field, reading ordinary tokens (CPython: kind == TOK_REGULAR_MODE).
    in_expr: bool,
    quote: u8,
    quote_size: u8,
    raw: bool,
    /// Where the f-string's prefix starts.
    start: u32,
    /// Open brackets since the f-string started, `{` of replacement fields included.
    curly_bracket_depth: i32,
    /// Bracket depth of the innermost replacement field's `{` (-1: not in a field).
    curly_bracket_expr_start_depth: i32,
    in_format_spec: bool,
}

/// The tokenizer. Create it with [`Lexer::new`] and pull tokens with [`Lexer::next_token`].
pub struct Lexer<'s> {
    source: &'s str,
    bytes: &'s [u8],
    /// The cursor: index of the next byte to read (may be `len + 1` after the virtual newline).
    cur: usize,
    /// The source lacks a final line break: `nextc` reads one more `\n` at its end.
    virtual_newline: bool,
    /// CPython's `exec_input`: `compile(str)` in `exec` mode appends the missing final newline
    /// to the text itself; in `eval` and `single` mode it does not (the parser supplies the
    /// final NEWLINE token), so a backslash at the very end is followed by nothing.
    exec_input: bool,
    /// Start of the token being read.
    start: usize,
    /// At the beginning of a line: measure indentation before the next token.
    at_bol: bool,
    /// Indentation levels with tabs to multiples of 8, and with tabs as 1 column.
    indents: Vec<u32>,
    alt_indents: Vec<u32>,
    /// INDENTs (> 0) or DEDENTs (< 0) still to emit.
    pending: i32,
    brackets: Vec<Bracket>,
    fstrings: Vec<FStringMode>,
    warnings: Vec<LexWarning>,
    /// The first error; returned again by every later call.
    error: Option<SyntaxError>,
}

/// Tokenizes all of `source`: every token up to and including `EndOfFile`.
pub fn tokenize(source: &str) -> Result<Vec<Token>, SyntaxError> {
    let mut lexer = Lexer::new(source);
    let mut tokens = Vec::with_capacity(source.len() / 4 + 8);
    loop {
        let token = lexer.next_token()?;
        tokens.push(token);
        if token.kind == TokenKind::EndOfFile {
            return Ok(tokens);
        }
    }
}

impl<'s> Lexer<'s> {
    pub fn new(source: &'s str) -> Lexer<'s> {
        let bytes = source.as_bytes();
        let virtual_newline = !matches!(bytes.last(), None | Some(b'\n') | Some(b'\r'));
        let error = bytes.contains(&0).then(|| SyntaxError {
            kind: SyntaxErrorKind::SyntaxError,
            msg: "source code string cannot contain null bytes".to_string(),
            lineno: 0,
            offset: 0,
            end_lineno: 0,
            end_offset: 0,
            text: None,
        });
        Lexer {
            source,
            bytes,
            cur: 0,
            virtual_newline,
            exec_input: true,
            start: 0,
            at_bol: true,
            indents: vec![0],
            alt_indents: vec![0],
            pending: 0,
            brackets: Vec::new(),
            fstrings: Vec::new(),
            warnings: Vec::new(),
            error,
        }
    }

    /// A lexer for `compile(str)` in `eval` or `single` mode (see `exec_input`).
    pub fn without_exec_input(mut self) -> Lexer<'s> {
        self.exec_input = false;
        self
    }

    /// A lexer for `compile(str)` in `eval` mode: no final newline is read where the source has
    /// none, so its last token before `EndOfFile` is no `NEWLINE` (CPython's tokenizer gives
    /// `ENDMARKER` there, without a position).
    pub fn without_final_newline(mut self) -> Lexer<'s> {
        self.exec_input = false;
        self.virtual_newline = false;
        self
    }

    /// The source being tokenized.
    pub fn source(&self) -> &'s str {
        self.source
    }

    /// The SyntaxWarnings met so far (numbers directly followed by a keyword, `\{` in an
    /// f-string).
    pub fn warnings(&self) -> &[LexWarning] {
        &self.warnings
    }

    /// The next token. After `EndOfFile`, returns `EndOfFile` again; after an error, the
    /// same error again.
    pub fn next_token(&mut self) -> Result<Token, SyntaxError> {
        if let Some(error) = &self.error {
            return Err(error.clone());
        }
        let result = match self.fstrings.last() {
            Some(mode) if !mode.in_expr => self.fstring_mode(),
            _ => self.normal_mode(),
        };
        if let Err(error) = &result {
            self.error = Some(error.clone());
        }
        result
    }

    // ----- the cursor -----

    /// The next character (a byte; `\r\n` and `\r` read as `\n`), or `EOF`.
    #[inline]
    fn nextc(&mut self) -> i32 {
        if let Some(&b) = self.bytes.get(self.cur) {
            if b != b'\r' {
                self.cur += 1;
                return b as i32;
            }
            self.cur += if self.bytes.get(self.cur + 1) == Some(&b'\n') { 2 } else { 1 };
            return b'\n' as i32;
        }
        if self.cur == self.bytes.len() && self.virtual_newline {
            self.cur += 1;
            return b'\n' as i32;
        }
        EOF
    }

    /// Puts back `c`, the character `nextc` just returned.
    #[inline]
    fn backup(&mut self, c: i32) {
        if c == EOF {
            return;
        }
        if c == b'\n' as i32 {
            if self.cur > self.bytes.len() {
                self.cur = self.bytes.len();
                return;
            }
            if self.cur >= 2 && self.bytes[self.cur - 1] == b'\n' && self.bytes[self.cur - 2] == b'\r' {
                self.cur -= 2;
                return;
            }
        }
        self.cur -= 1;
    }

    /// The next byte without reading it (no newline translation; for ASCII look-ahead).
    #[inline]
    fn peek_byte(&self, at: usize) -> Option<u8> {
        self.bytes.get(at).copied()
    }

    /// Start of the line break `nextc` just returned as `\n`.
    fn newline_start(&self) -> usize {
        if self.cur > self.bytes.len() {
            self.bytes.len()
        } else if self.cur >= 2 && self.bytes[self.cur - 1] == b'\n' && self.bytes[self.cur - 2] == b'\r' {
            self.cur - 2
        } else {
            self.cur - 1
        }
    }

    /// A token of `kind` from `start` to `end`, clamped to the source.
    #[inline]
    fn token(&self, kind: TokenKind, start: usize, end: usize) -> Token {
        let len = self.bytes.len();
        Token { kind, range: TextRange::new(start.min(len) as u32, end.min(len) as u32) }
    }

    fn warn(&mut self, msg: String, start: usize, end: usize) {
        let len = self.bytes.len();
        self.warnings.push(LexWarning { msg, range: TextRange::new(start.min(len) as u32, end.min(len) as u32) });
    }

    // ----- the normal mode: everything outside f-string literal text -----

    fn normal_mode(&mut self) -> Result<Token, SyntaxError> {
        'nextline: loop {
            let mut blankline = false;
            if self.at_bol {
                self.at_bol = false;
                blankline = self.indentation()?;
            }
            self.start = self.cur;
            if self.pending != 0 {
                if self.pending < 0 {
                    self.pending += 1;
                    return Ok(self.token(TokenKind::Dedent, self.cur, self.cur));
                }
                self.pending -= 1;
                // After a backslash in the leading blanks, the line of the first token counts.
                let line_start = self.line_start_of(self.cur);
                return Ok(self.token(TokenKind::Indent, line_start, self.cur));
            }
            loop {
                let mut c = self.nextc();
                while c == b' ' as i32 || c == b'\t' as i32 || c == 0x0c {
                    c = self.nextc();
                }
                self.start = if c == EOF { self.cur } else { self.cur - 1 };
                if c == b'#' as i32 {
                    c = self.skip_comment();
                }
                if c == EOF {
                    if let Some(&open) = self.brackets.last() {
                        return Err(self.unclosed_bracket_error(open));
                    }
                    return Ok(self.token(TokenKind::EndOfFile, self.cur, self.cur));
                }
                let b = c as u8;
                if chars::is_potential_identifier_start(b) {
                    return self.name_or_prefixed_string(b);
                }
                match b {
                    b'\n' => {
                        self.at_bol = true;
                        if blankline || !self.brackets.is_empty() {
                            continue 'nextline;
                        }
                        return Ok(self.token(TokenKind::Newline, self.newline_start(), self.cur));
                    }
                    b'.' => return self.dot(),
                    b'0'..=b'9' => return self.number(b),
                    b'\'' | b'"' => return self.string(b),
                    b'\\' => {
                        self.continuation_line()?;
                        continue;
                    }
                    _ => return self.operator(b),
                }
            }
        }
    }

    /// Skips a comment (the `#` has been read); returns the line break or `EOF` after it.
    fn skip_comment(&mut self) -> i32 {
        let rest = &self.bytes[self.cur.min(self.bytes.len())..];
        let skip = rest.iter().position(|&b| b == b'\n' || b == b'\r').unwrap_or(rest.len());
        self.cur += skip;
        self.nextc()
    }

    /// `.`, `...`, or a float starting with a dot.
    fn dot(&mut self) -> Result<Token, SyntaxError> {
        let c = self.nextc();
        if (b'0' as i32..=b'9' as i32).contains(&c) {
            return self.fraction(c);
        }
        if c == b'.' as i32 {
            let c2 = self.nextc();
            if c2 == b'.' as i32 {
                return Ok(self.token(TokenKind::Ellipsis, self.start, self.cur));
            }
            self.backup(c2);
        }
        self.backup(c);
        Ok(self.token(TokenKind::Dot, self.start, self.cur))
    }

    /// A name, a keyword, or a string with a prefix (`b`, `r`, `u`, `f` and their valid
    /// combinations, any case).
    fn name_or_prefixed_string(&mut self, first: u8) -> Result<Token, SyntaxError> {
        let (mut saw_b, mut saw_r, mut saw_u, mut saw_f) = (false, false, false, false);
        let mut c = first as i32;
        loop {
            let lower = if (0..128).contains(&c) { (c as u8).to_ascii_lowercase() } else { 0 };
            if !(saw_b || saw_u || saw_f) && lower == b'b' {
                saw_b = true;
            } else if !(saw_b || saw_u || saw_r || saw_f) && lower == b'u' {
                saw_u = true;
            } else if !(saw_r || saw_u) && lower == b'r' {
                saw_r = true;
            } else if !(saw_f || saw_b || saw_u) && lower == b'f' {
                saw_f = true;
            } else {
                break;
            }
            c = self.nextc();
            if c == b'"' as i32 || c == b'\'' as i32 {
                return if saw_f { self.fstring_start(c as u8) } else { self.string(c as u8) };
            }
        }
        // The rest of the name, straight on the bytes (names hold no line breaks).
        let mut non_ascii = first >= 128;
        if c == EOF || !chars::is_potential_identifier_char(c as u8) {
            self.backup(c);
        } else {
            non_ascii |= c >= 128;
            while let Some(&b) = self.bytes.get(self.cur) {
                if !chars::is_potential_identifier_char(b) {
                    break;
                }
                non_ascii |= b >= 128;
                self.cur += 1;
            }
        }
        if non_ascii {
            self.verify_identifier()?;
            return Ok(self.token(TokenKind::Name, self.start, self.cur));
        }
        let kind = TokenKind::keyword(&self.source[self.start..self.cur]).unwrap_or(TokenKind::Name);
        Ok(self.token(kind, self.start, self.cur))
    }

    /// A name with non-ASCII characters must be an identifier (PEP 3131).
    fn verify_identifier(&mut self) -> Result<(), SyntaxError> {
        let name = &self.source[self.start..self.cur];
        if let Some((index, ch)) = chars::first_invalid_identifier_char(name) {
            let after = self.start + index + ch.len_utf8();
            if after < self.cur {
                self.cur = after;
            }
            return Err(self.tokenizer_error(chars::invalid_character_message(ch)));
        }
        Ok(())
    }

    /// A backslash outside a string: it must end the line, and a line must follow.
    fn continuation_line(&mut self) -> Result<i32, SyntaxError> {
        let mut c = self.nextc();
        if c == b'\n' as i32 && !self.exec_input && self.cur > self.bytes.len() {
            // The virtual newline is not there for CPython: the backslash is followed by EOF.
            self.cur -= 1;
            c = EOF;
        }
        if c != b'\n' as i32 {
            return Err(self.parser_error(
                SyntaxErrorKind::SyntaxError,
                "unexpected character after line continuation character",
                self.current_line_start(),
                (self.cur - self.current_line_start()) as i64,
                0,
            ));
        }
        let c = self.nextc();
        if c == EOF {
            if let Some(&open) = self.brackets.last() {
                return Err(self.unclosed_bracket_error(open));
            }
            // CPython reports this one at the end of the backslash's line.
            let line_start = self.current_line_start();
            let end = self.cur.min(self.bytes.len());
            let col = end - line_start + usize::from(self.cur > self.bytes.len());
            return Err(self.parser_error(
                SyntaxErrorKind::SyntaxError,
                "unexpected EOF while parsing",
                line_start,
                col as i64,
                -1,
            ));
        }
        self.backup(c);
        Ok(c)
    }

    /// Operators, delimiters and brackets.
    fn operator(&mut self, c: u8) -> Result<Token, SyntaxError> {
        use TokenKind::*;
        // Inside a replacement field, a top-level `:` starts the format spec.
        if c == b':' {
            if let Some(mode) = self.fstrings.last_mut() {
                if mode.curly_bracket_expr_start_depth >= 0
                    && mode.curly_bracket_depth - 1 == mode.curly_bracket_expr_start_depth
                {
                    mode.in_expr = false;
                    mode.in_format_spec = true;
                    return Ok(self.token(Colon, self.start, self.cur));
                }
            }
        }
        let c2 = self.peek_byte(self.cur).unwrap_or(0);
        let two = match (c, c2) {
            (b'!', b'=') | (b'<', b'>') => Some(NotEqual),
            (b'%', b'=') => Some(PercentEqual),
            (b'&', b'=') => Some(AmperEqual),
            (b'*', b'*') => Some(DoubleStar),
            (b'*', b'=') => Some(StarEqual),
            (b'+', b'=') => Some(PlusEqual),
            (b'-', b'=') => Some(MinEqual),
            (b'-', b'>') => Some(Rarrow),
            (b'/', b'/') => Some(DoubleSlash),
            (b'/', b'=') => Some(SlashEqual),
            (b':', b'=') => Some(ColonEqual),
            (b'<', b'<') => Some(LeftShift),
            (b'<', b'=') => Some(LessEqual),
            (b'=', b'=') => Some(EqEqual),
            (b'>', b'=') => Some(GreaterEqual),
            (b'>', b'>') => Some(RightShift),
            (b'@', b'=') => Some(AtEqual),
            (b'^', b'=') => Some(CircumflexEqual),
            (b'|', b'=') => Some(VbarEqual),
            _ => Option::None,
        };
        if let Some(kind) = two {
            self.cur += 1;
            let three = match (kind, self.peek_byte(self.cur)) {
                (DoubleStar, Some(b'=')) => Some(DoubleStarEqual),
                (DoubleSlash, Some(b'=')) => Some(DoubleSlashEqual),
                (LeftShift, Some(b'=')) => Some(LeftShiftEqual),
                (RightShift, Some(b'=')) => Some(RightShiftEqual),
                _ => Option::None,
            };
            if let Some(kind3) = three {
                self.cur += 1;
                return Ok(self.token(kind3, self.start, self.cur));
            }
            return Ok(self.token(kind, self.start, self.cur));
        }
        match c {
            b'(' | b'[' | b'{' => {
                if self.brackets.len() >= MAX_LEVEL {
                    return Err(self.tokenizer_error("too many nested parentheses".to_string()));
                }
                self.brackets.push(Bracket { ch: c, pos: self.start as u32 });
                if let Some(mode) = self.fstrings.last_mut() {
                    mode.curly_bracket_depth += 1;
                }
            }
            b')' | b']' | b'}' => self.close_bracket(c)?,
            _ => {}
        }
        let kind = match c {
            b'(' => Lpar,
            b')' => Rpar,
            b'[' => Lsqb,
            b']' => Rsqb,
            b':' => Colon,
            b',' => Comma,
            b';' => Semi,
            b'+' => Plus,
            b'-' => Minus,
            b'*' => Star,
            b'/' => Slash,
            b'|' => Vbar,
            b'&' => Amper,
            b'<' => Less,
            b'>' => Greater,
            b'=' => Equal,
            b'.' => Dot,
            b'%' => Percent,
            b'{' => Lbrace,
            b'}' => Rbrace,
            b'~' => Tilde,
            b'^' => Circumflex,
            b'@' => At,
            b'!' => Exclamation,
            _ => {
                if !chars::is_printable(c as char) {
                    return Err(self.tokenizer_error(format!("invalid non-printable character U+{:04X}", c as u32)));
                }
                Op
            }
        };
        Ok(self.token(kind, self.start, self.cur))
    }

    /// Pops the bracket `c` closes, with CPython's checks.
    fn close_bracket(&mut self, c: u8) -> Result<(), SyntaxError> {
        if c == b'}' && self.fstrings.last().is_some_and(|m| m.curly_bracket_depth == 0) {
            return Err(self.tokenizer_error("f-string: single '}' is not allowed".to_string()));
        }
        let Some(open) = self.brackets.pop() else {
            return Err(self.tokenizer_error(format!("unmatched '{}'", c as char)));
        };
        let matches = matches!((open.ch, c), (b'(', b')') | (b'[', b']') | (b'{', b'}'));
        if !matches {
            if let Some(mode) = self.fstrings.last() {
                if open.ch == b'{' && mode.curly_bracket_depth - 1 == mode.curly_bracket_expr_start_depth {
                    return Err(self.tokenizer_error(format!("f-string: unmatched '{}'", c as char)));
                }
            }
            let open_line = self.line_number(open.pos as usize);
            let here_line = self.line_number(self.current_line_start());
            let msg = if open_line != here_line {
                format!(
                    "closing parenthesis '{}' does not match opening parenthesis '{}' on line {open_line}",
                    c as char, open.ch as char
                )
            } else {
                format!("closing parenthesis '{}' does not match opening parenthesis '{}'", c as char, open.ch as char)
            };
            return Err(self.tokenizer_error(msg));
        }
        if let Some(mode) = self.fstrings.last_mut() {
            mode.curly_bracket_depth -= 1;
            if mode.curly_bracket_depth < 0 {
                return Err(self.tokenizer_error(format!("f-string: unmatched '{}'", c as char)));
            }
            if c == b'}' && mode.curly_bracket_depth == mode.curly_bracket_expr_start_depth {
                mode.curly_bracket_expr_start_depth -= 1;
                mode.in_expr = false;
                mode.in_format_spec = false;
            }
        }
        Ok(())
    }

    // ----- errors -----

    /// 1-based line number of byte `pos`.
    fn line_number(&self, pos: usize) -> u32 {
        LineIndex::new(self.source).line_col(pos.min(self.bytes.len()) as u32).0
    }

    /// Start of the line holding the character `pos` (a `\r\n` belongs to the line it ends).
    fn line_start_of(&self, pos: usize) -> usize {
        let mut pos = pos.min(self.bytes.len());
        if pos < self.bytes.len() && self.bytes[pos] == b'\n' && pos > 0 && self.bytes[pos - 1] == b'\r' {
            pos -= 1;
        }
        self.bytes[..pos].iter().rposition(|&b| b == b'\n' || b == b'\r').map_or(0, |i| i + 1)
    }

    /// Start of the line CPython's tokenizer is on: the line of the last character read.
    fn current_line_start(&self) -> usize {
        self.line_start_of(self.cur.saturating_sub(1))
    }

    /// An error raised by CPython's tokenizer at the cursor (`_PyTokenizer_syntaxerror`).
    fn tokenizer_error(&self, msg: String) -> SyntaxError {
        self.tokenizer_error_at(msg, self.current_line_start(), self.cur)
    }

    /// `_PyTokenizer_syntaxerror` with the tokenizer's line start and cursor set to
    /// `line_start` and `cur`: both offsets are the characters from the line start to `cur`.
    fn tokenizer_error_at(&self, msg: String, line_start: usize, cur: usize) -> SyntaxError {
        let cur = cur.min(self.bytes.len()).max(line_start);
        let offset = position(self.source[line_start..cur].chars().count() as u32);
        let rest = &self.source[line_start..];
        let text = &rest[..rest.find(['\n', '\r']).unwrap_or(rest.len())];
        let lineno = position(self.line_number(line_start));
        SyntaxError {
            kind: SyntaxErrorKind::SyntaxError,
            msg,
            lineno,
            offset,
            end_lineno: lineno,
            end_offset: offset,
            text: Some(text.to_string()),
        }
    }

    /// An error raised by CPython's parser from the tokenizer's state
    /// (`RAISE_ERROR_KNOWN_LOCATION`): 1-based byte columns, converted to characters of the
    /// line; an end column ≤ 0 (CPython's -1 for "no end", or 0) is passed through.
    fn parser_error(&self, kind: SyntaxErrorKind, msg: &str, line_start: usize, col: i64, end_col: i64) -> SyntaxError {
        let rest = &self.source[line_start.min(self.bytes.len())..];
        let line = &rest[..rest.find(['\n', '\r']).unwrap_or(rest.len())];
        let mut text = String::with_capacity(line.len() + 1);
        text.push_str(line);
        text.push('\n');
        let to_chars = |col: i64| -> i32 {
            let col = (col.max(0) as usize).min(text.len() + 1);
            let within = col.min(text.len());
            position((String::from_utf8_lossy(&text.as_bytes()[..within]).chars().count() + (col - within)) as u32)
        };
        let lineno = position(self.line_number(line_start));
        SyntaxError {
            kind,
            msg: msg.to_string(),
            lineno,
            offset: to_chars(col),
            end_lineno: lineno,
            end_offset: if end_col > 0 { to_chars(end_col) } else { end_col.max(-1) as i32 },
            text: Some(text),
        }
    }

    /// `'(' was never closed`, at the innermost open bracket.
    fn unclosed_bracket_error(&self, open: Bracket) -> SyntaxError {
        let line_start = self.line_start_of(open.pos as usize);
        self.parser_error(
            SyntaxErrorKind::SyntaxError,
            &format!("'{}' was never closed", open.ch as char),
            line_start,
            (open.pos as usize - line_start + 1) as i64,
            0,
        )
    }
}
