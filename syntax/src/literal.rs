//! Literal values: decoding string and bytes escapes, number values, and Python's `repr` of
//! floats, complex numbers, strings and bytes (for [`crate::ast::dump`]).
//!
//! Decoding follows `Parser/string_parser.c`: a string body has its newlines normalised (CPython
//! reads source with universal newlines, so `\r\n` and a lone `\r` inside a literal are `\n`),
//! then, unless the literal is raw, backslash escapes are replaced: the simple ones (`\n`, `\t`,
//! `\\`, ...), octal `\ooo`, `\xhh`, and for `str` also `\uXXXX`, `\UXXXXXXXX` and `\N{name}`.
//! An unknown escape keeps its backslash (CPython only warns). Errors carry CPython's texts,
//! e.g. `(unicode error) 'unicodeescape' codec can't decode bytes in position 0-1: truncated
//! \xXX escape`, and the parser reports them at the literal's token.
//!
//! `repr` follows `Objects/unicodeobject.c` (`unicode_repr`: the quote is `'` unless the text
//! has `'` and no `"`; non-printable code points become `\xhh`, `\uhhhh` or `\Uhhhhhhhh`),
//! `Objects/bytesobject.c` and `Python/pystrtod.c` (`float_repr`: the shortest digits that
//! round-trip, positional when the decimal exponent is in `-4..16`, else `1e+100` style).

use crate::ast::{Constant, Wtf8, push_code_point};
use bumpalo::Bump;
use pyrt_pylib::unicode::is_printable;

/// A decoding error: CPython's message and the byte offset, inside the literal's body, of the
/// escape it is about (the parser turns it into a `SyntaxError` at the token).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LiteralError {
    pub msg: String,
}

/// Decodes the body of a `str` literal (between the quotes; `raw` if it has an `r` prefix) into
/// WTF-8 bytes appended to `out`.
pub fn decode_str_body(body: &str, raw: bool, out: &mut Vec<u8>) -> Result<(), LiteralError> {
    let bytes = body.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b == b'\r' {
            out.push(b'\n');
            i += if bytes.get(i + 1) == Some(&b'\n') { 2 } else { 1 };
            continue;
        }
        if b != b'\\' || raw {
            // Copy a run of ordinary bytes (UTF-8 stays valid: we stop only at ASCII bytes).
            let start = i;
            i += 1;
            while i < bytes.len() && bytes[i] != b'\r' && (raw || bytes[i] != b'\\') {
                i += 1;
            }
            out.extend_from_slice(&bytes[start..i]);
            continue;
        }
        // A backslash escape.
        let esc_start = i;
        i += 1;
        let Some(&c) = bytes.get(i) else {
            // A lone trailing backslash cannot reach here from valid tokens; keep it.
            out.push(b'\\');
            break;
        };
        i += 1;
        match c {
            b'\n' => {}
            b'\r' => {
                if bytes.get(i) == Some(&b'\n') {
                    i += 1;
                }
            }
            b'\\' => out.push(b'\\'),
            b'\'' => out.push(b'\''),
            b'"' => out.push(b'"'),
            b'a' => out.push(7),
            b'b' => out.push(8),
            b'f' => out.push(12),
            b'n' => out.push(b'\n'),
            b'r' => out.push(b'\r'),
            b't' => out.push(b'\t'),
            b'v' => out.push(11),
            b'0'..=b'7' => {
                let mut v = (c - b'0') as u32;
                let mut n = 1;
                while n < 3 && i < bytes.len() && (b'0'..=b'7').contains(&bytes[i]) {
                    v = v * 8 + (bytes[i] - b'0') as u32;
                    i += 1;
                    n += 1;
                }
                push_code_point(out, v);
            }
            b'x' | b'u' | b'U' => {
                let (digits, what) = match c {
                    b'x' => (2, "truncated \\xXX escape"),
                    b'u' => (4, "truncated \\uXXXX escape"),
                    _ => (8, "truncated \\UXXXXXXXX escape"),
                };
                let mut v: u32 = 0;
                let mut n = 0;
                while n < digits && i < bytes.len() && bytes[i].is_ascii_hexdigit() {
                    v = v * 16 + (bytes[i] as char).to_digit(16).unwrap_or(0);
                    i += 1;
                    n += 1;
                }
                let pos = char_pos(body, esc_start);
                if n < digits {
                    return Err(unicode_error(pos, pos + 2 + n, what));
                }
                if v > 0x10ffff {
                    return Err(unicode_error(pos, pos + 2 + digits, "illegal Unicode character"));
                }
                push_code_point(out, v);
            }
            b'N' => {
                let pos = char_pos(body, esc_start);
                let rest = &body[i..];
                let named = rest
                    .strip_prefix('{')
                    .and_then(|r| r.find('}').map(|end| &r[..end]))
                    .filter(|name| !name.is_empty());
                let Some(name) = named else {
                    // Where CPython's decoder stopped: after `N`, at the `}` of `{}`, or at the end.
                    let end = if !rest.starts_with('{') {
                        pos + 2
                    } else if rest.starts_with("{}") {
                        pos + 3
                    } else {
                        char_pos(body, body.len())
                    };
                    return Err(unicode_error(pos, end, "malformed \\N character escape"));
                };
                let Some(ch) = lookup_unicode_name(name) else {
                    let end = pos + 2 + name.chars().count() + 2;
                    return Err(unicode_error(pos, end, "unknown Unicode character name"));
                };
                i += name.len() + 2;
                push_code_point(out, ch as u32);
            }
            _ => {
                // Not an escape: keep the backslash and the character (a SyntaxWarning in CPython).
                out.push(b'\\');
                i -= 1;
            }
        }
    }
    Ok(())
}

/// The `SyntaxWarning` for the first backslash escape of a (non-raw) literal body that is not
/// one — `invalid escape sequence '\d'` — or an octal escape above `\377` — `invalid octal
/// escape sequence '\777'` — as CPython's decoders report their `first_invalid_escape`. A
/// backslash before a non-ASCII character is no escape to warn about (CPython's string parser
/// escapes that backslash first).
pub fn invalid_escape_warning(body: &str, raw: bool, bytes: bool) -> Option<String> {
    if raw {
        return None;
    }
    let b = body.as_bytes();
    let mut i = 0;
    while i < b.len() {
        if b[i] != b'\\' {
            i += 1;
            continue;
        }
        let &c = b.get(i + 1)?;
        match c {
            b'\n' | b'\r' | b'\\' | b'\'' | b'"' | b'a' | b'b' | b'f' | b'n' | b'r' | b't' | b'v' | b'x' => {}
            b'u' | b'U' | b'N' if !bytes => {}
            b'0'..=b'7' => {
                let digits = b[i + 1..].iter().take(3).take_while(|d| (b'0'..=b'7').contains(d)).count();
                let value = b[i + 1..i + 1 + digits].iter().fold(0u32, |v, d| v * 8 + (d - b'0') as u32);
                if value > 0o377 {
                    return Some(format!("invalid octal escape sequence '\\{}'", &body[i + 1..i + 4]));
                }
                i += 1 + digits;
                continue;
            }
            c if c.is_ascii() => return Some(format!("invalid escape sequence '\\{}'", c as char)),
            _ => {}
        }
        i += 2;
    }
    None
}

/// `\N{name}`: a character name or alias as `unicodedata.lookup` knows them, case-insensitively.
fn lookup_unicode_name(name: &str) -> Option<char> {
    unicode_names2::character(name)
}

/// The position CPython's decoder reports for byte `byte` of the body: it decodes a copy in
/// which every non-ASCII character was replaced by a 10-byte `\\UXXXXXXXX` escape.
fn char_pos(body: &str, byte: usize) -> usize {
    body[..byte].chars().map(|c| if c.is_ascii() { 1 } else { 10 }).sum()
}

fn unicode_error(start: usize, end: usize, what: &str) -> LiteralError {
    let span = if end > start + 1 { format!("position {}-{}", start, end - 1) } else { format!("position {start}") };
    LiteralError { msg: format!("(unicode error) 'unicodeescape' codec can't decode bytes in {span}: {what}") }
}

/// Decodes the body of a `bytes` literal into `out`. Non-ASCII characters are an error
/// (`bytes can only contain ASCII literal characters`), reported by the caller.
pub fn decode_bytes_body(body: &str, raw: bool, out: &mut Vec<u8>) -> Result<(), LiteralError> {
    if !body.is_ascii() {
        return Err(LiteralError { msg: "bytes can only contain ASCII literal characters".into() });
    }
    let bytes = body.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b == b'\r' {
            out.push(b'\n');
            i += if bytes.get(i + 1) == Some(&b'\n') { 2 } else { 1 };
            continue;
        }
        if b != b'\\' || raw {
            out.push(b);
            i += 1;
            continue;
        }
        i += 1;
        let Some(&c) = bytes.get(i) else {
            out.push(b'\\');
            break;
        };
        i += 1;
        match c {
            b'\n' => {}
            b'\r' => {
                if bytes.get(i) == Some(&b'\n') {
                    i += 1;
                }
            }
            b'\\' => out.push(b'\\'),
            b'\'' => out.push(b'\''),
            b'"' => out.push(b'"'),
            b'a' => out.push(7),
            b'b' => out.push(8),
            b'f' => out.push(12),
            b'n' => out.push(b'\n'),
            b'r' => out.push(b'\r'),
            b't' => out.push(b'\t'),
            b'v' => out.push(11),
            b'0'..=b'7' => {
                let mut v = (c - b'0') as u32;
                let mut n = 1;
                while n < 3 && i < bytes.len() && (b'0'..=b'7').contains(&bytes[i]) {
                    v = v * 8 + (bytes[i] - b'0') as u32;
                    i += 1;
                    n += 1;
                }
                out.push(v as u8);
            }
            b'x' => {
                let hex = |k: usize| bytes.get(k).and_then(|&h| (h as char).to_digit(16));
                match (hex(i), hex(i + 1)) {
                    (Some(h), Some(l)) => {
                        out.push((h * 16 + l) as u8);
                        i += 2;
                    }
                    _ => {
                        let pos = i - 2;
                        return Err(LiteralError {
                            msg: format!("(value error) invalid \\x escape at position {pos}"),
                        });
                    }
                }
            }
            _ => {
                out.push(b'\\');
                i -= 1;
            }
        }
    }
    Ok(())
}

/// The value of an `Int` token (`0x_ff`, `1_000`, `0o17`, `0b1`, `00`, ...).
pub fn int_value<'a>(text: &str, arena: &'a Bump) -> Constant<'a> {
    let clean: String = text.chars().filter(|&c| c != '_').collect();
    let (digits, radix) = match clean.get(..2) {
        Some("0x" | "0X") => (&clean[2..], 16),
        Some("0o" | "0O") => (&clean[2..], 8),
        Some("0b" | "0B") => (&clean[2..], 2),
        _ => (clean.as_str(), 10),
    };
    if let Ok(v) = i64::from_str_radix(digits, radix) {
        return Constant::Int(v);
    }
    match num_bigint::BigUint::parse_bytes(digits.as_bytes(), radix) {
        Some(v) => Constant::BigInt(arena.alloc_str(&v.to_string())),
        // The tokenizer only hands over well-formed literals; an empty one is zero.
        None => Constant::Int(0),
    }
}

/// CPython refuses decimal integer literals longer than `sys.get_int_max_str_digits()` (4300
/// by default): the message of the `SyntaxError` it raises then, if `text` is one.
pub fn int_too_long(text: &str) -> Option<String> {
    if matches!(text.get(..2), Some("0x" | "0X" | "0o" | "0O" | "0b" | "0B")) {
        return None;
    }
    let digits = text.bytes().filter(|b| b.is_ascii_digit()).count();
    (digits > 4300).then(|| {
        format!(
            "Exceeds the limit (4300 digits) for integer string conversion: value has {digits} digits; use \
             sys.set_int_max_str_digits() to increase the limit - Consider hexadecimal for huge integer literals \
             to avoid decimal conversion limits."
        )
    })
}

/// The value of a `Float` token.
pub fn float_value(text: &str) -> f64 {
    let clean: String = text.chars().filter(|&c| c != '_').collect();
    clean.parse().unwrap_or(0.0)
}

/// The value of a `Complex` token (`2j`, `1.5e3J`): a pure imaginary number.
pub fn complex_value(text: &str) -> Constant<'static> {
    let body = &text[..text.len().saturating_sub(1)];
    Constant::Complex { real: 0.0, imag: float_value(body) }
}

/// Appends `repr(x)` for a float.
pub fn float_repr(out: &mut String, x: f64) {
    format_float(out, x, true);
}

/// Appends `repr(complex(real, imag))`.
pub fn complex_repr(out: &mut String, real: f64, imag: f64) {
    if real == 0.0 && real.is_sign_positive() {
        format_float(out, imag, false);
        out.push('j');
    } else {
        out.push('(');
        format_float(out, real, false);
        if imag.is_sign_negative() || imag.is_nan() && imag.is_sign_negative() {
            format_float(out, imag, false);
        } else {
            out.push('+');
            format_float(out, imag, false);
        }
        out.push_str("j)");
    }
}

/// Python's `format(x, 'r')`: shortest round-trip digits, positional for decimal exponents in
/// `-4..16`; `dot_zero` adds `.0` to integral positional values (float repr does, complex not).
fn format_float(out: &mut String, x: f64, dot_zero: bool) {
    if x.is_nan() {
        out.push_str("nan");
        return;
    }
    if x.is_infinite() {
        out.push_str(if x < 0.0 { "-inf" } else { "inf" });
        return;
    }
    // `{:e}` gives the shortest round-trip digits as `d[.ddd]e[-]x`.
    let sci = format!("{:e}", x.abs());
    let (mantissa, exp) = sci.split_once('e').unwrap_or((&sci, "0"));
    let exp: i32 = exp.parse().unwrap_or(0);
    let digits: String = mantissa.chars().filter(|&c| c != '.').collect();
    if x.is_sign_negative() {
        out.push('-');
    }
    let decpt = exp + 1;
    if (-3..=16).contains(&decpt) {
        if decpt <= 0 {
            out.push_str("0.");
            for _ in 0..-decpt {
                out.push('0');
            }
            out.push_str(&digits);
        } else if digits.len() as i32 <= decpt {
            out.push_str(&digits);
            for _ in 0..decpt - digits.len() as i32 {
                out.push('0');
            }
            if dot_zero {
                out.push_str(".0");
            }
        } else {
            out.push_str(&digits[..decpt as usize]);
            out.push('.');
            out.push_str(&digits[decpt as usize..]);
        }
    } else {
        out.push_str(&digits[..1]);
        if digits.len() > 1 {
            out.push('.');
            out.push_str(&digits[1..]);
        }
        out.push('e');
        out.push(if exp < 0 { '-' } else { '+' });
        let e = exp.unsigned_abs();
        if e < 10 {
            out.push('0');
        }
        out.push_str(&e.to_string());
    }
}

/// Appends `repr(s)` for a str.
pub fn str_repr(out: &mut String, s: Wtf8<'_>) {
    let bytes = s.as_bytes();
    let quote = if bytes.contains(&b'\'') && !bytes.contains(&b'"') { '"' } else { '\'' };
    out.push(quote);
    for cp in s.code_points() {
        match cp {
            0x5c => out.push_str("\\\\"),
            0x09 => out.push_str("\\t"),
            0x0a => out.push_str("\\n"),
            0x0d => out.push_str("\\r"),
            _ if cp == quote as u32 => {
                out.push('\\');
                out.push(quote);
            }
            0x20..=0x7e => out.push(cp as u8 as char),
            _ if cp < 0x80 => out.push_str(&format!("\\x{cp:02x}")),
            _ => match char::from_u32(cp).filter(|&c| is_printable(c)) {
                Some(ch) => out.push(ch),
                None if cp <= 0xff => out.push_str(&format!("\\x{cp:02x}")),
                None if cp <= 0xffff => out.push_str(&format!("\\u{cp:04x}")),
                None => out.push_str(&format!("\\U{cp:08x}")),
            },
        }
    }
    out.push(quote);
}

/// Appends `repr(b)` for bytes.
pub fn bytes_repr(out: &mut String, b: &[u8]) {
    let quote = if b.contains(&b'\'') && !b.contains(&b'"') { b'"' } else { b'\'' };
    out.push('b');
    out.push(quote as char);
    for &c in b {
        match c {
            b'\\' => out.push_str("\\\\"),
            b'\t' => out.push_str("\\t"),
            b'\n' => out.push_str("\\n"),
            b'\r' => out.push_str("\\r"),
            _ if c == quote => {
                out.push('\\');
                out.push(quote as char);
            }
            0x20..=0x7e => out.push(c as char),
            _ => out.push_str(&format!("\\x{c:02x}")),
        }
    }
    out.push(quote as char);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fr(x: f64) -> String {
        let mut s = String::new();
        float_repr(&mut s, x);
        s
    }

    #[test]
    fn float_repr_matches_python() {
        for (x, want) in [
            (1e100, "1e+100"),
            (1e-5, "1e-05"),
            (0.0001, "0.0001"),
            (1e16, "1e+16"),
            (1e15, "1000000000000000.0"),
            (0.1, "0.1"),
            (1.5, "1.5"),
            (-0.0, "-0.0"),
            (f64::INFINITY, "inf"),
            (123456789.125, "123456789.125"),
            (1.5e-7, "1.5e-07"),
            (2.5e300, "2.5e+300"),
            (5e-324, "5e-324"),
        ] {
            assert_eq!(fr(x), want, "{x}");
        }
    }

    #[test]
    fn complex_repr_matches_python() {
        let c = |r, i| {
            let mut s = String::new();
            complex_repr(&mut s, r, i);
            s
        };
        assert_eq!(c(0.0, 2.0), "2j");
        assert_eq!(c(0.0, 1.5), "1.5j");
        assert_eq!(c(0.0, f64::INFINITY), "infj");
        assert_eq!(c(1.0, 2.0), "(1+2j)");
        assert_eq!(c(-0.0, -2.0), "(-0-2j)");
        assert_eq!(c(0.0, 1e16), "1e+16j");
    }

    #[test]
    fn str_and_bytes_repr_match_python() {
        let r = |s: &str| {
            let mut o = String::new();
            str_repr(&mut o, Wtf8::new(s));
            o
        };
        assert_eq!(r("a'b"), "\"a'b\"");
        assert_eq!(r("a'b\""), "'a\\'b\"'");
        assert_eq!(r("\0\x7f\u{200b}é\u{1f600}\u{e000}"), "'\\x00\\x7f\\u200bé😀\\ue000'");
        assert_eq!(r("\u{a0}\u{10ffff}"), "'\\xa0\\U0010ffff'");
        let mut buf = Vec::new();
        push_code_point(&mut buf, 0xd800);
        let mut o = String::new();
        str_repr(&mut o, Wtf8::from_wtf8_bytes(&buf));
        assert_eq!(o, "'\\ud800'");
        let mut o = String::new();
        bytes_repr(&mut o, b"\x00a'\xff");
        assert_eq!(o, "b\"\\x00a'\\xff\"");
    }

    #[test]
    fn escapes_decode_like_cpython() {
        let d = |s: &str| {
            let mut out = Vec::new();
            decode_str_body(s, false, &mut out).map(|_| out)
        };
        assert_eq!(d(r"a\n\t\x41\101\u00e9\U0001F600\N{BULLET}\d").unwrap(), "a\n\tAAé😀•\\d".as_bytes());
        assert_eq!(d("a\\\nb\r\nc").unwrap(), b"ab\nc");
        assert_eq!(
            d(r"\x4").unwrap_err().msg,
            "(unicode error) 'unicodeescape' codec can't decode bytes in position 0-2: truncated \\xXX escape"
        );
        let mut out = Vec::new();
        decode_bytes_body(r"\x41\u00e9\777", false, &mut out).unwrap();
        assert_eq!(out, b"A\\u00e9\xff");
    }

    #[test]
    fn numbers_have_python_values() {
        let arena = Bump::new();
        assert_eq!(int_value("0x_ff", &arena), Constant::Int(255));
        assert_eq!(int_value("1_000", &arena), Constant::Int(1000));
        assert_eq!(int_value("0b101", &arena), Constant::Int(5));
        assert_eq!(int_value("0o17", &arena), Constant::Int(15));
        assert_eq!(int_value("000", &arena), Constant::Int(0));
        assert_eq!(int_value("0xffffffffffffffffff", &arena), Constant::BigInt("4722366482869645213695"));
        assert_eq!(float_value("1_0.5e1_0"), 10.5e10);
        assert_eq!(float_value("1e999"), f64::INFINITY);
        assert_eq!(complex_value("2j"), Constant::Complex { real: 0.0, imag: 2.0 });
    }
}

#[cfg(test)]
mod escape_warning_tests {
    use super::invalid_escape_warning;

    #[test]
    fn the_first_invalid_escape_is_reported() {
        assert_eq!(invalid_escape_warning(r"a\d\q", false, false).as_deref(), Some(r"invalid escape sequence '\d'"));
        assert_eq!(
            invalid_escape_warning(r"\777 \8", false, false).as_deref(),
            Some(r"invalid octal escape sequence '\777'")
        );
        assert_eq!(invalid_escape_warning(r"\N{DASH}", false, true).as_deref(), Some(r"invalid escape sequence '\N'"));
        assert_eq!(invalid_escape_warning(r"\d", true, false), None);
        assert_eq!(invalid_escape_warning("\\\u{e9} \\n \\x41 \\101", false, false), None);
    }
}
