//! Source bytes to text: the UTF-8 byte-order mark and PEP 263 encoding declarations, as
//! CPython 3.13's `compile()` of bytes (`Parser/tokenizer/string_tokenizer.c`, `decode_str`).
//!
//! 1. A leading UTF-8 BOM (`EF BB BF`) is dropped; the source is then UTF-8 whatever follows,
//!    and a declaration of another encoding is an error (`encoding problem: iso-8859-1 with
//!    BOM`).
//! 2. A declaration is a comment matching `coding[:=][ \t]*([-\w.]+)` on line 1, or on line 2
//!    when line 1 holds only blanks and/or a comment (`get_coding_spec`). The name is
//!    normalised as CPython's `get_normal_name` does (`utf-8*` → `utf-8`, `latin-1`,
//!    `iso-8859-1`, `iso-latin-1` → `iso-8859-1`), then looked up among the codecs we have:
//!    UTF-8, Latin-1, ASCII and cp1252 under their Python aliases. Any other name gives
//!    `unknown encoding: NAME`.
//! 3. Bytes that are not valid in the encoding give the codec's message. For UTF-8, CPython
//!    reports `(unicode error) 'utf-8' codec can't decode byte 0xff in position 0: invalid
//!    start byte` when its parser decodes the token holding the byte; we report it at the byte
//!    (line and character column), with `position 0` — the exact token-relative position is
//!    not reproduced.
//!
//! Errors about the declaration itself have no position (CPython: `lineno` 0, `offset` -1).

use crate::error::{SyntaxError, SyntaxErrorKind};
use std::borrow::Cow;

/// Decodes Python source bytes to text (borrowed when they are UTF-8 already).
pub fn decode_source(bytes: &[u8]) -> Result<Cow<'_, str>, SyntaxError> {
    let (body, bom) = match bytes.strip_prefix(b"\xef\xbb\xbf") {
        Some(rest) => (rest, true),
        None => (bytes, false),
    };
    let codec = match coding_spec(body) {
        None => Codec::Utf8,
        Some(name) => {
            let codec = Codec::lookup(&name);
            if bom && codec != Some(Codec::Utf8) {
                return Err(unpositioned(format!("encoding problem: {name} with BOM")));
            }
            codec.ok_or_else(|| unpositioned(format!("unknown encoding: {name}")))?
        }
    };
    match codec {
        Codec::Utf8 => match std::str::from_utf8(body) {
            Ok(text) => Ok(Cow::Borrowed(text)),
            Err(e) => Err(utf8_error(body, e)),
        },
        Codec::Latin1 => Ok(Cow::Owned(body.iter().map(|&b| b as char).collect())),
        Codec::Ascii => match body.iter().position(|&b| b >= 128) {
            // ASCII is valid UTF-8.
            None => Ok(Cow::Owned(String::from_utf8_lossy(body).into_owned())),
            Some(i) => Err(unpositioned(format!(
                "'ascii' codec can't decode byte 0x{:02x} in position {i}: ordinal not in range(128)",
                body[i]
            ))),
        },
        Codec::Cp1252 => {
            let mut text = String::with_capacity(body.len());
            for (i, &b) in body.iter().enumerate() {
                match cp1252(b) {
                    Some(ch) => text.push(ch),
                    None => {
                        return Err(unpositioned(format!(
                            "'charmap' codec can't decode byte 0x{b:02x} in position {i}: character maps to <undefined>"
                        )));
                    }
                }
            }
            Ok(Cow::Owned(text))
        }
    }
}

/// The codecs a declaration may name.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
enum Codec {
    Utf8,
    Latin1,
    Ascii,
    Cp1252,
}

impl Codec {
    /// Python's codec lookup: lower case, `-` and blanks as `_`, then the alias tables of
    /// `encodings.aliases` for these four codecs.
    fn lookup(name: &str) -> Option<Codec> {
        let key: String =
            name.chars().map(|c| if c == '-' || c == ' ' { '_' } else { c.to_ascii_lowercase() }).collect();
        Some(match key.as_str() {
            "utf_8" | "utf8" | "u8" | "utf" | "utf8_ucs2" | "utf8_ucs4" | "cp65001" => Codec::Utf8,
            "latin_1" | "latin1" | "latin" | "l1" | "iso_8859_1" | "iso8859_1" | "8859" | "cp819" | "iso_ir_100"
            | "csisolatin1" | "ibm819" | "iso_8859_1:1987" => Codec::Latin1,
            "ascii" | "us_ascii" | "646" | "us" | "ansi_x3.4_1968" | "ansi_x3_4_1968" | "ansi_x3.4_1986"
            | "iso646_us" | "cp367" | "csascii" | "ibm367" | "iso_ir_6" | "iso_646.irv_1991" => Codec::Ascii,
            "cp1252" | "windows_1252" => Codec::Cp1252,
            _ => return None,
        })
    }
}

/// Windows-1252: Latin-1 except 0x80–0x9F.
fn cp1252(b: u8) -> Option<char> {
    const HIGH: [u16; 32] = [
        0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017D,
        0, 0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,
        0x017E, 0x0178,
    ];
    match b {
        0x80..=0x9f => match HIGH[(b - 0x80) as usize] {
            0 => None,
            c => char::from_u32(c as u32),
        },
        _ => Some(b as char),
    }
}

/// The encoding declared on line 1 or 2, normalised as CPython's `get_normal_name`.
fn coding_spec(body: &[u8]) -> Option<String> {
    let mut lines = body.split_inclusive(|&b| b == b'\n');
    let first = lines.next()?;
    if let Some(spec) = line_coding_spec(first) {
        return Some(spec);
    }
    // Line 2 counts only after a line of blanks and/or a comment.
    let only_comment = first
        .iter()
        .take_while(|&&b| b != b'#' && b != b'\n' && b != b'\r')
        .all(|&b| b == b' ' || b == b'\t' || b == 0x0c);
    if !only_comment {
        return None;
    }
    line_coding_spec(lines.next()?)
}

/// CPython's `get_coding_spec` on one line.
fn line_coding_spec(line: &[u8]) -> Option<String> {
    let size = line.len();
    if size < 7 {
        return None;
    }
    let mut i = 0;
    while i < size - 6 {
        match line[i] {
            b'#' => break,
            b' ' | b'\t' | 0x0c => i += 1,
            _ => return None,
        }
    }
    while i < size - 6 {
        if &line[i..i + 6] == b"coding" && matches!(line.get(i + 6), Some(b':' | b'=')) {
            let mut t = i + 7;
            while matches!(line.get(t), Some(b' ' | b'\t')) {
                t += 1;
            }
            let begin = t;
            while line.get(t).is_some_and(|&b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_' || b == b'.') {
                t += 1;
            }
            if begin < t {
                let name = String::from_utf8_lossy(&line[begin..t]).into_owned();
                return Some(normal_name(&name));
            }
        }
        i += 1;
    }
    None
}

/// CPython's `get_normal_name`: its first 12 characters, lower case with `_` as `-`, decide.
fn normal_name(name: &str) -> String {
    let buf: String = name.chars().take(12).map(|c| if c == '_' { '-' } else { c.to_ascii_lowercase() }).collect();
    if buf == "utf-8" || buf.starts_with("utf-8-") {
        return "utf-8".to_string();
    }
    for latin in ["latin-1", "iso-8859-1", "iso-latin-1"] {
        if buf == latin || (buf.starts_with(latin) && buf[latin.len()..].starts_with('-')) {
            return "iso-8859-1".to_string();
        }
    }
    name.to_string()
}

fn unpositioned(msg: String) -> SyntaxError {
    SyntaxError {
        kind: SyntaxErrorKind::SyntaxError,
        msg,
        lineno: 0,
        offset: 0,
        end_lineno: 0,
        end_offset: 0,
        text: None,
    }
}

/// Invalid UTF-8 with Python's codec message. CPython's parser reports it when it decodes the
/// string literal holding the byte: at the literal, with the position in the literal's body.
/// We take the last quote before the byte on its line as the literal's start; outside a
/// literal the byte itself is reported.
fn utf8_error(body: &[u8], e: std::str::Utf8Error) -> SyntaxError {
    let at = e.valid_up_to();
    let line_start = body[..at].iter().rposition(|&b| b == b'\n').map_or(0, |i| i + 1);
    let lineno = body[..at].iter().filter(|&&b| b == b'\n').count() as u32 + 1;
    let line_end = body[at..].iter().position(|&b| b == b'\n').map_or(body.len(), |i| at + i);
    let quote = body[line_start..at].iter().rposition(|&b| b == b'\'' || b == b'"').map(|i| line_start + i);
    // The chunk CPython decodes: the rest of the literal's body, or of the line.
    let (token_start, chunk_start, chunk_end) = match quote {
        Some(q) => {
            let close = body[at..line_end].iter().position(|&b| b == body[q]).map_or(line_end, |i| at + i);
            let mut prefix = q;
            while prefix > line_start && body[prefix - 1].is_ascii_alphabetic() {
                prefix -= 1;
            }
            (prefix, q + 1, close)
        }
        None => (at, at, line_end),
    };
    let reason = match std::str::from_utf8(&body[at..chunk_end]).err().and_then(|e| e.error_len()) {
        None => "unexpected end of data",
        Some(_) if !(0xc2..=0xf4).contains(&body[at]) => "invalid start byte",
        Some(_) => "invalid continuation byte",
    };
    let col = String::from_utf8_lossy(&body[line_start..token_start]).chars().count() as u32;
    let mut text = String::from_utf8_lossy(&body[line_start..line_end]).into_owned();
    text.push('\n');
    SyntaxError {
        kind: SyntaxErrorKind::SyntaxError,
        msg: format!(
            "(unicode error) 'utf-8' codec can't decode byte 0x{:02x} in position {}: {reason}",
            body[at],
            at - chunk_start
        ),
        lineno,
        offset: col + 1,
        end_lineno: lineno,
        end_offset: if quote.is_some() { col + 2 } else { 0 },
        text: Some(text),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn err(bytes: &[u8]) -> (String, u32, u32) {
        let e = decode_source(bytes).unwrap_err();
        (e.msg, e.lineno, e.offset)
    }

    #[test]
    fn utf8_is_borrowed_and_the_bom_dropped() {
        assert!(matches!(decode_source(b"x = 1\n").unwrap(), Cow::Borrowed("x = 1\n")));
        assert_eq!(decode_source(b"\xef\xbb\xbfx = 1\n").unwrap(), "x = 1\n");
        assert_eq!(decode_source(b"\xef\xbb\xbf# coding: utf-8\nx=1\n").unwrap(), "# coding: utf-8\nx=1\n");
    }

    #[test]
    fn latin1_and_friends_by_cookie() {
        assert_eq!(
            decode_source(b"# -*- coding: latin-1 -*-\nx = '\xe9'\n").unwrap(),
            "# -*- coding: latin-1 -*-\nx = 'é'\n"
        );
        assert_eq!(decode_source(b"\n# coding: latin-1\nx = '\xe9'\n").unwrap(), "\n# coding: latin-1\nx = 'é'\n");
        assert_eq!(decode_source(b"# coding=cp1252\nx='\x80'\n").unwrap(), "# coding=cp1252\nx='€'\n");
        assert_eq!(decode_source(b"# coding: UTF-8-unix\nx=1\n").unwrap(), "# coding: UTF-8-unix\nx=1\n");
        assert_eq!(decode_source(b"#!/usr/bin/python\n# vim: set fileencoding=utf8 :\n").unwrap().len(), 49);
    }

    #[test]
    fn cookie_errors_as_cpython_313() {
        assert_eq!(err(b"\xef\xbb\xbf# coding: latin-1\nx = 1\n").0, "encoding problem: iso-8859-1 with BOM");
        assert_eq!(err(b"# coding: foo\nx = 1\n"), ("unknown encoding: foo".into(), 0, 0));
        assert_eq!(
            err(b"# coding: ascii\nx='\xe9'\n").0,
            "'ascii' codec can't decode byte 0xe9 in position 19: ordinal not in range(128)"
        );
        // A cookie on line 2 after code does not count: the source is UTF-8.
        let (msg, line, offset) = err(b"x = 1\n# coding: latin-1\nx = '\xe9'\n");
        assert_eq!(
            (msg.as_str(), line, offset),
            ("(unicode error) 'utf-8' codec can't decode byte 0xe9 in position 0: unexpected end of data", 3, 5)
        );
    }

    #[test]
    fn invalid_utf8_messages() {
        assert_eq!(
            err(b"x = '\xff'\n"),
            ("(unicode error) 'utf-8' codec can't decode byte 0xff in position 0: invalid start byte".into(), 1, 5)
        );
        assert_eq!(
            err(b"x = 1\ny = 2\nz = '\xc3('\n"),
            (
                "(unicode error) 'utf-8' codec can't decode byte 0xc3 in position 0: invalid continuation byte".into(),
                3,
                5
            )
        );
        assert_eq!(err(b"# coding: utf_8\n\xe9\n").1, 2);
        assert_eq!(
            err(b"x = '\xed\xa0\x80'\n").0,
            "(unicode error) 'utf-8' codec can't decode byte 0xed in position 0: invalid continuation byte"
        );
    }
}
