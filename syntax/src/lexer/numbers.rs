//! Numeric literals, as CPython's tokenizer reads them.
//!
//! Forms: decimal integers (`0` alone or with more zeros, otherwise no leading zero), `0x`,
//! `0o`, `0b` integers, floats (`1.`, `.5`, `1.5e-3`, `1e5`), and any of the decimal forms
//! followed by `j`/`J` (imaginary). A single `_` may separate digits. The first byte after the
//! literal is checked (`verify_end_of_number`): a letter, digit or `_` there is an error
//! (`invalid decimal literal`, ...), except that the keywords that may follow a number in valid
//! old code (`and else for if in is not or`) are accepted with a SyntaxWarning.

use super::chars::is_potential_identifier_char;
use super::{EOF, Lexer};
use crate::error::SyntaxError;
use crate::token::{Token, TokenKind};

#[inline]
fn is_digit(c: i32) -> bool {
    (b'0' as i32..=b'9' as i32).contains(&c)
}

#[inline]
fn is_hex_digit(c: i32) -> bool {
    (0..128).contains(&c) && (c as u8).is_ascii_hexdigit()
}

#[inline]
fn is(c: i32, lower: u8) -> bool {
    c == lower as i32 || c == lower.to_ascii_uppercase() as i32
}

impl Lexer<'_> {
    /// A number starting with the digit `first` (already read).
    pub(super) fn number(&mut self, first: u8) -> Result<Token, SyntaxError> {
        if first != b'0' {
            let c = self.decimal_tail()?;
            if c == b'.' as i32 {
                let c = self.nextc();
                return self.fraction(c);
            }
            return self.after_fraction(c, TokenKind::Int);
        }
        let mut c = self.nextc();
        if is(c, b'x') {
            c = self.nextc();
            loop {
                if c == b'_' as i32 {
                    c = self.nextc();
                }
                if !is_hex_digit(c) {
                    self.backup(c);
                    return Err(self.tokenizer_error("invalid hexadecimal literal".to_string()));
                }
                while is_hex_digit(c) {
                    c = self.nextc();
                }
                if c != b'_' as i32 {
                    break;
                }
            }
            self.verify_end_of_number(c, "hexadecimal")?;
            return self.finish_number(c, TokenKind::Int);
        }
        if is(c, b'o') || is(c, b'b') {
            let (max, name) = if is(c, b'o') { (b'7', "octal") } else { (b'1', "binary") };
            let in_base = |c: i32| (b'0' as i32..=max as i32).contains(&c);
            c = self.nextc();
            loop {
                if c == b'_' as i32 {
                    c = self.nextc();
                }
                if !in_base(c) {
                    if is_digit(c) {
                        return Err(
                            self.tokenizer_error(format!("invalid digit '{}' in {name} literal", c as u8 as char))
                        );
                    }
                    self.backup(c);
                    return Err(self.tokenizer_error(format!("invalid {name} literal")));
                }
                while in_base(c) {
                    c = self.nextc();
                }
                if c != b'_' as i32 {
                    break;
                }
            }
            if is_digit(c) {
                return Err(self.tokenizer_error(format!("invalid digit '{}' in {name} literal", c as u8 as char)));
            }
            self.verify_end_of_number(c, name)?;
            return self.finish_number(c, TokenKind::Int);
        }
        // `0`, `00`, `0_0`, or a float/imaginary starting with 0; `012` is an old octal.
        loop {
            if c == b'_' as i32 {
                c = self.nextc();
                if !is_digit(c) {
                    self.backup(c);
                    return Err(self.tokenizer_error("invalid decimal literal".to_string()));
                }
            }
            if c != b'0' as i32 {
                break;
            }
            c = self.nextc();
        }
        let zeros_end = self.cur;
        let mut nonzero = false;
        if is_digit(c) {
            nonzero = true;
            c = self.decimal_tail()?;
        }
        if c == b'.' as i32 {
            let c = self.nextc();
            return self.fraction(c);
        }
        if is(c, b'e') {
            return self.exponent(c, TokenKind::Int);
        }
        if is(c, b'j') {
            return self.imaginary();
        }
        if nonzero {
            self.backup(c);
            let line_start = self.current_line_start();
            // CPython's known range: byte columns, from the first digit to the end of the zeros.
            let mut error = self.tokenizer_error(
                "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers"
                    .to_string(),
            );
            error.offset = crate::error::position((self.start + 1 - line_start) as u32);
            error.end_offset = crate::error::position((zeros_end - line_start) as u32);
            return Err(error);
        }
        self.verify_end_of_number(c, "decimal")?;
        self.finish_number(c, TokenKind::Int)
    }

    /// Digits and single underscores after a first digit; returns the character after them.
    fn decimal_tail(&mut self) -> Result<i32, SyntaxError> {
        loop {
            let mut c = self.nextc();
            while is_digit(c) {
                c = self.nextc();
            }
            if c != b'_' as i32 {
                return Ok(c);
            }
            c = self.nextc();
            if !is_digit(c) {
                self.backup(c);
                return Err(self.tokenizer_error("invalid decimal literal".to_string()));
            }
        }
    }

    /// After the `.` of a float; `c` is the character after the dot.
    pub(super) fn fraction(&mut self, mut c: i32) -> Result<Token, SyntaxError> {
        if is_digit(c) {
            c = self.decimal_tail()?;
        }
        self.after_fraction(c, TokenKind::Float)
    }

    /// The optional exponent and `j` after the digits of a decimal number of kind `kind`.
    fn after_fraction(&mut self, c: i32, kind: TokenKind) -> Result<Token, SyntaxError> {
        if is(c, b'e') {
            return self.exponent(c, kind);
        }
        if is(c, b'j') {
            return self.imaginary();
        }
        self.verify_end_of_number(c, "decimal")?;
        self.finish_number(c, kind)
    }

    /// `e` (already read as `e`) and the exponent; `kind` is the number's kind without it.
    fn exponent(&mut self, e: i32, kind: TokenKind) -> Result<Token, SyntaxError> {
        let mut c = self.nextc();
        if c == b'+' as i32 || c == b'-' as i32 {
            c = self.nextc();
            if !is_digit(c) {
                self.backup(c);
                return Err(self.tokenizer_error("invalid decimal literal".to_string()));
            }
        } else if !is_digit(c) {
            // `1else`: the number ends before the `e`.
            self.backup(c);
            self.verify_end_of_number(e, "decimal")?;
            self.backup(e);
            return Ok(self.token(kind, self.start, self.cur));
        }
        c = self.decimal_tail()?;
        if is(c, b'j') {
            return self.imaginary();
        }
        self.verify_end_of_number(c, "decimal")?;
        self.finish_number(c, TokenKind::Float)
    }

    /// After the `j` of an imaginary number.
    fn imaginary(&mut self) -> Result<Token, SyntaxError> {
        let c = self.nextc();
        self.verify_end_of_number(c, "imaginary")?;
        self.finish_number(c, TokenKind::Complex)
    }

    /// Puts back `c`, the character after the number, and makes the token.
    fn finish_number(&mut self, c: i32, kind: TokenKind) -> Result<Token, SyntaxError> {
        self.backup(c);
        Ok(self.token(kind, self.start, self.cur))
    }

    /// CPython's `verify_end_of_number`: `c` (already read) is the character after a number.
    fn verify_end_of_number(&mut self, c: i32, kind: &str) -> Result<(), SyntaxError> {
        let rest = &self.bytes[self.cur.min(self.bytes.len())..];
        let keyword_follows = |tail: &[u8]| {
            rest.starts_with(tail) && !rest.get(tail.len()).is_some_and(|&b| is_potential_identifier_char(b))
        };
        let followed_by_keyword = match c {
            0x61 => keyword_follows(b"nd"),                           // and
            0x65 => keyword_follows(b"lse"),                          // else
            0x66 => keyword_follows(b"or"),                           // for
            0x69 => matches!(rest.first(), Some(b'f' | b'n' | b's')), // if in is
            0x6f => keyword_follows(b"r"),                            // or
            0x6e => keyword_follows(b"ot"),                           // not
            _ => false,
        };
        if followed_by_keyword {
            let end = self.cur - 1;
            self.warn(format!("invalid {kind} literal"), self.start, end);
            return Ok(());
        }
        if c != EOF && c < 128 && is_potential_identifier_char(c as u8) {
            self.backup(c);
            return Err(self.tokenizer_error(format!("invalid {kind} literal")));
        }
        Ok(())
    }
}
