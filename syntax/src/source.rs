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
//!    UTF-8, Latin-1, ASCII and a few single-byte codecs (cp1250–1252, KOI8-R/U, ISO 8859-2,
//!    -5, -7, -9, -15, Mac Roman) under their Python names and aliases. Any other name gives
//!    `unknown encoding: NAME`.
//! 3. Bytes that are not valid in the encoding give the codec's message. For UTF-8, CPython's
//!    tokenizer works on bytes: invalid bytes in comments are accepted, and those in a string
//!    literal or a name give `(unicode error) 'utf-8' codec can't decode byte 0xff in position
//!    0: invalid start byte` when its parser decodes the token (see `decode_invalid_utf8`).
//!
//! Errors about the declaration itself have no position (CPython: `lineno` 0, `offset` -1).

use crate::error::{LineIndex, SyntaxError, SyntaxErrorKind, position};
use crate::lexer::Lexer;
use crate::token::TokenKind;
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
            // With a BOM, CPython compares the normalised name itself with "utf-8".
            if bom && name != "utf-8" {
                return Err(unpositioned(format!("encoding problem: {name} with BOM")));
            }
            codec.ok_or_else(|| unpositioned(format!("unknown encoding: {name}")))?
        }
    };
    match codec {
        Codec::Utf8 => match std::str::from_utf8(body) {
            Ok(text) => Ok(Cow::Borrowed(text)),
            Err(_) => decode_invalid_utf8(body),
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
        Codec::Table(_, high) => decode_with_table(body, high).map(Cow::Owned),
        // The whole source, the declaration included, is decoded (CPython's `translate_into_utf8`
        // does so): the text is rarely meaningful, but it is what CPython then tokenizes.
        Codec::Utf16(order) => decode_utf16(body, order).map(Cow::Owned),
        Codec::Utf32(order) => decode_utf32(body, order).map(Cow::Owned),
    }
}

/// The codecs a declaration may name.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
enum Codec {
    Utf8,
    Latin1,
    Ascii,
    /// An ASCII-compatible single-byte codec: its name and the code points of 0x80–0xFF
    /// (0: undefined).
    Table(&'static str, &'static [u16; 128]),
    Utf16(ByteOrder),
    Utf32(ByteOrder),
}

/// The byte order of a UTF-16 or UTF-32 codec: fixed (`utf-16-le`, ...) or taken from a byte
/// order mark, little-endian without one (`utf-16`, `utf-32`).
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
enum ByteOrder {
    Detect,
    Little,
    Big,
}

/// Python's `UnicodeDecodeError` text for the bytes `start..end` of `body`.
fn decode_error(codec: &str, body: &[u8], start: usize, end: usize, reason: &str) -> SyntaxError {
    let what = if end - start == 1 {
        format!("byte 0x{:02x} in position {start}", body[start])
    } else {
        format!("bytes in position {start}-{}", end - 1)
    };
    unpositioned(format!("'{codec}' codec can't decode {what}: {reason}"))
}

/// The byte order and the length of the byte order mark `bom_le` (little-endian form) at the
/// start of `body`, for a codec with `order`.
fn byte_order(body: &[u8], order: ByteOrder, bom_le: &[u8]) -> (bool, usize) {
    let bom_be: Vec<u8> = bom_le.iter().rev().copied().collect();
    match order {
        ByteOrder::Little => (true, 0),
        ByteOrder::Big => (false, 0),
        ByteOrder::Detect if body.starts_with(bom_le) => (true, bom_le.len()),
        ByteOrder::Detect if body.starts_with(&bom_be) => (false, bom_le.len()),
        ByteOrder::Detect => (true, 0),
    }
}

/// Python's UTF-16 decoder (strict), with its error reasons.
fn decode_utf16(body: &[u8], order: ByteOrder) -> Result<String, SyntaxError> {
    let (little, mut i) = byte_order(body, order, &[0xff, 0xfe]);
    let codec = if little { "utf-16-le" } else { "utf-16-be" };
    let unit = |i: usize| {
        let pair = [body[i], body[i + 1]];
        if little { u16::from_le_bytes(pair) } else { u16::from_be_bytes(pair) }
    };
    let mut text = String::with_capacity(body.len() / 2);
    while i < body.len() {
        if body.len() - i < 2 {
            return Err(decode_error(codec, body, i, body.len(), "truncated data"));
        }
        let u = unit(i);
        match u {
            0xd800..=0xdbff => {
                if body.len() - i < 4 {
                    return Err(decode_error(codec, body, i, body.len(), "unexpected end of data"));
                }
                let low = unit(i + 2);
                if !(0xdc00..=0xdfff).contains(&low) {
                    return Err(decode_error(codec, body, i, i + 2, "illegal UTF-16 surrogate"));
                }
                let c = 0x10000 + ((u32::from(u) - 0xd800) << 10) + (u32::from(low) - 0xdc00);
                text.push(char::from_u32(c).unwrap_or(char::REPLACEMENT_CHARACTER));
                i += 4;
            }
            0xdc00..=0xdfff => return Err(decode_error(codec, body, i, i + 2, "illegal encoding")),
            _ => {
                text.push(char::from_u32(u32::from(u)).unwrap_or(char::REPLACEMENT_CHARACTER));
                i += 2;
            }
        }
    }
    Ok(text)
}

/// Python's UTF-32 decoder (strict), with its error reasons.
fn decode_utf32(body: &[u8], order: ByteOrder) -> Result<String, SyntaxError> {
    let (little, mut i) = byte_order(body, order, &[0xff, 0xfe, 0, 0]);
    let codec = if little { "utf-32-le" } else { "utf-32-be" };
    let mut text = String::with_capacity(body.len() / 4);
    while i < body.len() {
        if body.len() - i < 4 {
            return Err(decode_error(codec, body, i, body.len(), "truncated data"));
        }
        let quad = [body[i], body[i + 1], body[i + 2], body[i + 3]];
        let c = if little { u32::from_le_bytes(quad) } else { u32::from_be_bytes(quad) };
        match char::from_u32(c) {
            Some(c) => text.push(c),
            None if c > 0x10ffff => {
                return Err(decode_error(codec, body, i, i + 4, "code point not in range(0x110000)"));
            }
            None => {
                return Err(decode_error(
                    codec,
                    body,
                    i,
                    i + 4,
                    "code point in surrogate code point range(0xd800, 0xe000)",
                ));
            }
        }
        i += 4;
    }
    Ok(text)
}

impl Codec {
    /// Python's codec lookup (`encodings.search_function`): lower case, runs of characters
    /// other than letters, digits and `.` as one `_`, then the alias table, also with `.` as `_`.
    fn lookup(name: &str) -> Option<Codec> {
        let mut key = String::with_capacity(name.len());
        let mut pending_underscore = false;
        for c in name.chars().map(|c| c.to_ascii_lowercase()) {
            if c.is_ascii_alphanumeric() || c == '.' {
                if pending_underscore && !key.is_empty() {
                    key.push('_');
                }
                pending_underscore = false;
                key.push(c);
            } else {
                pending_underscore = true;
            }
        }
        let find = |key: &str| CODEC_NAMES.iter().find(|(alias, _)| *alias == key).map(|&(_, codec)| codec);
        find(&key).or_else(|| find(&key.replace('.', "_")))
    }
}

/// Decodes `body` with a single-byte codec table.
fn decode_with_table(body: &[u8], high: &[u16; 128]) -> Result<String, SyntaxError> {
    let mut text = String::with_capacity(body.len() + body.len() / 8);
    for (i, &b) in body.iter().enumerate() {
        if b < 128 {
            text.push(b as char);
            continue;
        }
        match char::from_u32(high[(b - 128) as usize] as u32).filter(|&c| c != '\0') {
            Some(c) => text.push(c),
            None => {
                return Err(unpositioned(format!(
                    "'charmap' codec can't decode byte 0x{b:02x} in position {i}: character maps to <undefined>"
                )));
            }
        }
    }
    Ok(text)
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

/// An error about the declaration or the decoding as a whole: CPython's `lineno` 0, `offset` -1
/// and no end (`None`, pyrt's 0).
fn unpositioned(msg: String) -> SyntaxError {
    SyntaxError {
        kind: SyntaxErrorKind::SyntaxError,
        msg,
        lineno: 0,
        offset: -1,
        end_lineno: 0,
        end_offset: 0,
        text: None,
    }
}

/// Source that is not valid UTF-8. CPython's tokenizer works on bytes and only decodes what it
/// hands the parser: invalid bytes in comments are accepted, invalid bytes in a name or a string
/// literal are an error when the name or the literal is decoded. So the source is decoded with
/// each invalid sequence replaced by U+FFFD (as Python's "replace" handler does) and tokenized;
/// an invalid sequence inside a string literal or a name is reported with Python's codec
/// message, otherwise the replaced text is the source. (Bytes literals are left to the parser,
/// which rejects their non-ASCII characters; other tokenizer errors surface when the parser
/// tokenizes the text.)
fn decode_invalid_utf8(body: &[u8]) -> Result<Cow<'_, str>, SyntaxError> {
    // The replaced text, and for each invalid sequence: its start in `body` and in the text.
    let mut text = String::with_capacity(body.len() + 16);
    let mut invalid = Vec::new();
    for chunk in body.utf8_chunks() {
        text.push_str(chunk.valid());
        if !chunk.invalid().is_empty() {
            let at = chunk.valid().as_ptr() as usize - body.as_ptr() as usize + chunk.valid().len();
            invalid.push(Replacement { at, len: chunk.invalid().len(), text_at: text.len() });
            text.push('\u{fffd}');
        }
    }
    let mut lexer = Lexer::new(&text);
    let mut tokens = Vec::new();
    let failed_on_name = loop {
        match lexer.next_token() {
            Ok(token) if token.kind == TokenKind::EndOfFile => break false,
            Ok(token) => tokens.push(token),
            Err(e) => break e.msg == "invalid character '\u{fffd}' (U+FFFD)",
        }
    };
    let last_end = tokens.last().map_or(0, |t| t.range.end as usize);
    let decoded = Decoded { body, text: &text, invalid: &invalid };
    for replacement in &invalid {
        let index = tokens.partition_point(|t| (t.range.end as usize) <= replacement.text_at);
        match tokens.get(index).filter(|t| t.range.start as usize <= replacement.text_at) {
            Some(t) if t.kind == TokenKind::String => {
                let literal = &text[t.range.as_range()];
                let prefix = &literal[..literal.find(['\'', '"']).unwrap_or(0)];
                if prefix.contains(['b', 'B']) {
                    continue;
                }
                return Err(decoded.error(replacement, t.range.as_range(), Piece::String));
            }
            Some(t) if t.kind == TokenKind::FStringMiddle => {
                return Err(decoded.error(replacement, t.range.as_range(), Piece::FStringMiddle));
            }
            Some(_) => continue,
            None if failed_on_name && replacement.text_at >= last_end => {
                // The name around the sequence: the bytes CPython scans as a name.
                let is_name_byte = |b: &u8| b.is_ascii_alphanumeric() || *b == b'_' || *b >= 0x80;
                let bytes = text.as_bytes();
                let start = bytes[..replacement.text_at].iter().rposition(|b| !is_name_byte(b)).map_or(0, |i| i + 1);
                let end = bytes[replacement.text_at..]
                    .iter()
                    .position(|b| !is_name_byte(b))
                    .map_or(bytes.len(), |i| replacement.text_at + i);
                return Err(decoded.error(replacement, start..end, Piece::Name));
            }
            None => continue,
        }
    }
    Ok(Cow::Owned(text))
}

/// An invalid UTF-8 sequence: where it is in the source bytes, how long, where its U+FFFD is.
struct Replacement {
    at: usize,
    len: usize,
    text_at: usize,
}

/// What CPython was decoding when it met the invalid sequence.
#[derive(Copy, Clone, PartialEq, Eq)]
enum Piece {
    String,
    FStringMiddle,
    Name,
}

/// The source bytes and their replaced text.
struct Decoded<'a> {
    body: &'a [u8],
    text: &'a str,
    invalid: &'a [Replacement],
}

impl Decoded<'_> {
    /// Position in the source bytes of position `pos` of the text: each replacement grew the
    /// text by `3 - len` bytes.
    fn original(&self, pos: usize) -> usize {
        pos - self.invalid.iter().filter(|r| r.text_at < pos).map(|r| 3 - r.len.min(3)).sum::<usize>()
    }

    /// Python's message for `bad`, inside `piece` (a range of the text), at CPython's positions:
    /// from the start of the piece to its end for a literal, without an end for a name.
    fn error(&self, bad: &Replacement, piece: std::ops::Range<usize>, kind: Piece) -> SyntaxError {
        let (body, text) = (self.body, self.text);
        let index = LineIndex::new(text);
        let (lineno, _) = index.line_col(piece.start as u32);
        let line_start = index.line_start(lineno) as usize;
        let line_len = text[line_start..].find(['\n', '\r']).unwrap_or(text.len() - line_start);
        let line_text = &text[line_start..line_start + line_len];
        let original_col = |pos: usize| self.original(pos) - self.original(line_start);
        // CPython converts a 1-based byte column against the replaced line re-encoded to UTF-8.
        let to_chars = |byte_col: usize| {
            let n = (byte_col + 1).min(line_text.len());
            position(String::from_utf8_lossy(&line_text.as_bytes()[..n]).chars().count() as u32)
        };
        // The bytes CPython decodes in one go: a string's body (or, when it holds escapes, the
        // run of non-ASCII bytes), or the whole token.
        let (start, end) = (self.original(piece.start), self.original(piece.end));
        let (chunk_start, chunk_end) = match kind {
            Piece::String => {
                let token = &body[start..end];
                let quote = token.iter().position(|&b| b == b'\'' || b == b'"').unwrap_or(0);
                let triple =
                    token.len() >= quote + 6 && token[quote + 1] == token[quote] && token[quote + 2] == token[quote];
                let quotes = if triple { 3 } else { 1 };
                let (body_start, body_end) = (start + quote + quotes, end - quotes);
                let raw = token[..quote].iter().any(|b| b.eq_ignore_ascii_case(&b'r'));
                if raw || !body[body_start..body_end].contains(&b'\\') {
                    (body_start, body_end)
                } else {
                    let run_start = body[body_start..bad.at]
                        .iter()
                        .rposition(|&b| b < 0x80)
                        .map_or(body_start, |i| body_start + i + 1);
                    let run_end =
                        body[bad.at..body_end].iter().position(|&b| b < 0x80).map_or(body_end, |i| bad.at + i);
                    (run_start, run_end)
                }
            }
            Piece::FStringMiddle | Piece::Name => (start, end),
        };
        let chunk = &body[bad.at..chunk_end.max(bad.at + 1).min(body.len())];
        let (reason, len) = match std::str::from_utf8(chunk).err().and_then(|e| e.error_len()) {
            None => ("unexpected end of data", chunk.len().min(bad.len).max(1)),
            Some(n) if !(0xc2..=0xf4).contains(&body[bad.at]) => ("invalid start byte", n),
            Some(n) => ("invalid continuation byte", n),
        };
        let position = bad.at - chunk_start;
        let what = if len > 1 {
            format!("bytes in position {position}-{}", position + len - 1)
        } else {
            format!("byte 0x{:02x} in position {position}", body[bad.at])
        };
        let mut line = line_text.to_string();
        line.push('\n');
        SyntaxError {
            kind: SyntaxErrorKind::SyntaxError,
            msg: format!("(unicode error) 'utf-8' codec can't decode {what}: {reason}"),
            lineno: crate::error::position(lineno),
            // A name is reported at the invalid sequence (CPython's own position there depends
            // on the tokens before it; this matches it in the common cases).
            offset: to_chars(original_col(if kind == Piece::Name { bad.text_at } else { piece.start })),
            end_lineno: crate::error::position(lineno),
            end_offset: if kind == Piece::Name { -1 } else { to_chars(original_col(piece.end)) },
            text: Some(line),
        }
    }
}

// BEGIN GENERATED by tools/lexer/gen_codecs.py

static CP1252: [u16; 128] = [
    0x20AC, 0x0000, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x0000,
    0x017D, 0x0000, 0x0000, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A,
    0x0153, 0x0000, 0x017E, 0x0178, 0x00A0, 0x00A1, 0x00A2, 0x00A3, 0x00A4, 0x00A5, 0x00A6, 0x00A7, 0x00A8, 0x00A9,
    0x00AA, 0x00AB, 0x00AC, 0x00AD, 0x00AE, 0x00AF, 0x00B0, 0x00B1, 0x00B2, 0x00B3, 0x00B4, 0x00B5, 0x00B6, 0x00B7,
    0x00B8, 0x00B9, 0x00BA, 0x00BB, 0x00BC, 0x00BD, 0x00BE, 0x00BF, 0x00C0, 0x00C1, 0x00C2, 0x00C3, 0x00C4, 0x00C5,
    0x00C6, 0x00C7, 0x00C8, 0x00C9, 0x00CA, 0x00CB, 0x00CC, 0x00CD, 0x00CE, 0x00CF, 0x00D0, 0x00D1, 0x00D2, 0x00D3,
    0x00D4, 0x00D5, 0x00D6, 0x00D7, 0x00D8, 0x00D9, 0x00DA, 0x00DB, 0x00DC, 0x00DD, 0x00DE, 0x00DF, 0x00E0, 0x00E1,
    0x00E2, 0x00E3, 0x00E4, 0x00E5, 0x00E6, 0x00E7, 0x00E8, 0x00E9, 0x00EA, 0x00EB, 0x00EC, 0x00ED, 0x00EE, 0x00EF,
    0x00F0, 0x00F1, 0x00F2, 0x00F3, 0x00F4, 0x00F5, 0x00F6, 0x00F7, 0x00F8, 0x00F9, 0x00FA, 0x00FB, 0x00FC, 0x00FD,
    0x00FE, 0x00FF,
];
static CP1250: [u16; 128] = [
    0x20AC, 0x0000, 0x201A, 0x0000, 0x201E, 0x2026, 0x2020, 0x2021, 0x0000, 0x2030, 0x0160, 0x2039, 0x015A, 0x0164,
    0x017D, 0x0179, 0x0000, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x0000, 0x2122, 0x0161, 0x203A,
    0x015B, 0x0165, 0x017E, 0x017A, 0x00A0, 0x02C7, 0x02D8, 0x0141, 0x00A4, 0x0104, 0x00A6, 0x00A7, 0x00A8, 0x00A9,
    0x015E, 0x00AB, 0x00AC, 0x00AD, 0x00AE, 0x017B, 0x00B0, 0x00B1, 0x02DB, 0x0142, 0x00B4, 0x00B5, 0x00B6, 0x00B7,
    0x00B8, 0x0105, 0x015F, 0x00BB, 0x013D, 0x02DD, 0x013E, 0x017C, 0x0154, 0x00C1, 0x00C2, 0x0102, 0x00C4, 0x0139,
    0x0106, 0x00C7, 0x010C, 0x00C9, 0x0118, 0x00CB, 0x011A, 0x00CD, 0x00CE, 0x010E, 0x0110, 0x0143, 0x0147, 0x00D3,
    0x00D4, 0x0150, 0x00D6, 0x00D7, 0x0158, 0x016E, 0x00DA, 0x0170, 0x00DC, 0x00DD, 0x0162, 0x00DF, 0x0155, 0x00E1,
    0x00E2, 0x0103, 0x00E4, 0x013A, 0x0107, 0x00E7, 0x010D, 0x00E9, 0x0119, 0x00EB, 0x011B, 0x00ED, 0x00EE, 0x010F,
    0x0111, 0x0144, 0x0148, 0x00F3, 0x00F4, 0x0151, 0x00F6, 0x00F7, 0x0159, 0x016F, 0x00FA, 0x0171, 0x00FC, 0x00FD,
    0x0163, 0x02D9,
];
static CP1251: [u16; 128] = [
    0x0402, 0x0403, 0x201A, 0x0453, 0x201E, 0x2026, 0x2020, 0x2021, 0x20AC, 0x2030, 0x0409, 0x2039, 0x040A, 0x040C,
    0x040B, 0x040F, 0x0452, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x0000, 0x2122, 0x0459, 0x203A,
    0x045A, 0x045C, 0x045B, 0x045F, 0x00A0, 0x040E, 0x045E, 0x0408, 0x00A4, 0x0490, 0x00A6, 0x00A7, 0x0401, 0x00A9,
    0x0404, 0x00AB, 0x00AC, 0x00AD, 0x00AE, 0x0407, 0x00B0, 0x00B1, 0x0406, 0x0456, 0x0491, 0x00B5, 0x00B6, 0x00B7,
    0x0451, 0x2116, 0x0454, 0x00BB, 0x0458, 0x0405, 0x0455, 0x0457, 0x0410, 0x0411, 0x0412, 0x0413, 0x0414, 0x0415,
    0x0416, 0x0417, 0x0418, 0x0419, 0x041A, 0x041B, 0x041C, 0x041D, 0x041E, 0x041F, 0x0420, 0x0421, 0x0422, 0x0423,
    0x0424, 0x0425, 0x0426, 0x0427, 0x0428, 0x0429, 0x042A, 0x042B, 0x042C, 0x042D, 0x042E, 0x042F, 0x0430, 0x0431,
    0x0432, 0x0433, 0x0434, 0x0435, 0x0436, 0x0437, 0x0438, 0x0439, 0x043A, 0x043B, 0x043C, 0x043D, 0x043E, 0x043F,
    0x0440, 0x0441, 0x0442, 0x0443, 0x0444, 0x0445, 0x0446, 0x0447, 0x0448, 0x0449, 0x044A, 0x044B, 0x044C, 0x044D,
    0x044E, 0x044F,
];
static KOI8_R: [u16; 128] = [
    0x2500, 0x2502, 0x250C, 0x2510, 0x2514, 0x2518, 0x251C, 0x2524, 0x252C, 0x2534, 0x253C, 0x2580, 0x2584, 0x2588,
    0x258C, 0x2590, 0x2591, 0x2592, 0x2593, 0x2320, 0x25A0, 0x2219, 0x221A, 0x2248, 0x2264, 0x2265, 0x00A0, 0x2321,
    0x00B0, 0x00B2, 0x00B7, 0x00F7, 0x2550, 0x2551, 0x2552, 0x0451, 0x2553, 0x2554, 0x2555, 0x2556, 0x2557, 0x2558,
    0x2559, 0x255A, 0x255B, 0x255C, 0x255D, 0x255E, 0x255F, 0x2560, 0x2561, 0x0401, 0x2562, 0x2563, 0x2564, 0x2565,
    0x2566, 0x2567, 0x2568, 0x2569, 0x256A, 0x256B, 0x256C, 0x00A9, 0x044E, 0x0430, 0x0431, 0x0446, 0x0434, 0x0435,
    0x0444, 0x0433, 0x0445, 0x0438, 0x0439, 0x043A, 0x043B, 0x043C, 0x043D, 0x043E, 0x043F, 0x044F, 0x0440, 0x0441,
    0x0442, 0x0443, 0x0436, 0x0432, 0x044C, 0x044B, 0x0437, 0x0448, 0x044D, 0x0449, 0x0447, 0x044A, 0x042E, 0x0410,
    0x0411, 0x0426, 0x0414, 0x0415, 0x0424, 0x0413, 0x0425, 0x0418, 0x0419, 0x041A, 0x041B, 0x041C, 0x041D, 0x041E,
    0x041F, 0x042F, 0x0420, 0x0421, 0x0422, 0x0423, 0x0416, 0x0412, 0x042C, 0x042B, 0x0417, 0x0428, 0x042D, 0x0429,
    0x0427, 0x042A,
];
static KOI8_U: [u16; 128] = [
    0x2500, 0x2502, 0x250C, 0x2510, 0x2514, 0x2518, 0x251C, 0x2524, 0x252C, 0x2534, 0x253C, 0x2580, 0x2584, 0x2588,
    0x258C, 0x2590, 0x2591, 0x2592, 0x2593, 0x2320, 0x25A0, 0x2219, 0x221A, 0x2248, 0x2264, 0x2265, 0x00A0, 0x2321,
    0x00B0, 0x00B2, 0x00B7, 0x00F7, 0x2550, 0x2551, 0x2552, 0x0451, 0x0454, 0x2554, 0x0456, 0x0457, 0x2557, 0x2558,
    0x2559, 0x255A, 0x255B, 0x0491, 0x255D, 0x255E, 0x255F, 0x2560, 0x2561, 0x0401, 0x0404, 0x2563, 0x0406, 0x0407,
    0x2566, 0x2567, 0x2568, 0x2569, 0x256A, 0x0490, 0x256C, 0x00A9, 0x044E, 0x0430, 0x0431, 0x0446, 0x0434, 0x0435,
    0x0444, 0x0433, 0x0445, 0x0438, 0x0439, 0x043A, 0x043B, 0x043C, 0x043D, 0x043E, 0x043F, 0x044F, 0x0440, 0x0441,
    0x0442, 0x0443, 0x0436, 0x0432, 0x044C, 0x044B, 0x0437, 0x0448, 0x044D, 0x0449, 0x0447, 0x044A, 0x042E, 0x0410,
    0x0411, 0x0426, 0x0414, 0x0415, 0x0424, 0x0413, 0x0425, 0x0418, 0x0419, 0x041A, 0x041B, 0x041C, 0x041D, 0x041E,
    0x041F, 0x042F, 0x0420, 0x0421, 0x0422, 0x0423, 0x0416, 0x0412, 0x042C, 0x042B, 0x0417, 0x0428, 0x042D, 0x0429,
    0x0427, 0x042A,
];
static ISO8859_2: [u16; 128] = [
    0x0080, 0x0081, 0x0082, 0x0083, 0x0084, 0x0085, 0x0086, 0x0087, 0x0088, 0x0089, 0x008A, 0x008B, 0x008C, 0x008D,
    0x008E, 0x008F, 0x0090, 0x0091, 0x0092, 0x0093, 0x0094, 0x0095, 0x0096, 0x0097, 0x0098, 0x0099, 0x009A, 0x009B,
    0x009C, 0x009D, 0x009E, 0x009F, 0x00A0, 0x0104, 0x02D8, 0x0141, 0x00A4, 0x013D, 0x015A, 0x00A7, 0x00A8, 0x0160,
    0x015E, 0x0164, 0x0179, 0x00AD, 0x017D, 0x017B, 0x00B0, 0x0105, 0x02DB, 0x0142, 0x00B4, 0x013E, 0x015B, 0x02C7,
    0x00B8, 0x0161, 0x015F, 0x0165, 0x017A, 0x02DD, 0x017E, 0x017C, 0x0154, 0x00C1, 0x00C2, 0x0102, 0x00C4, 0x0139,
    0x0106, 0x00C7, 0x010C, 0x00C9, 0x0118, 0x00CB, 0x011A, 0x00CD, 0x00CE, 0x010E, 0x0110, 0x0143, 0x0147, 0x00D3,
    0x00D4, 0x0150, 0x00D6, 0x00D7, 0x0158, 0x016E, 0x00DA, 0x0170, 0x00DC, 0x00DD, 0x0162, 0x00DF, 0x0155, 0x00E1,
    0x00E2, 0x0103, 0x00E4, 0x013A, 0x0107, 0x00E7, 0x010D, 0x00E9, 0x0119, 0x00EB, 0x011B, 0x00ED, 0x00EE, 0x010F,
    0x0111, 0x0144, 0x0148, 0x00F3, 0x00F4, 0x0151, 0x00F6, 0x00F7, 0x0159, 0x016F, 0x00FA, 0x0171, 0x00FC, 0x00FD,
    0x0163, 0x02D9,
];
static ISO8859_5: [u16; 128] = [
    0x0080, 0x0081, 0x0082, 0x0083, 0x0084, 0x0085, 0x0086, 0x0087, 0x0088, 0x0089, 0x008A, 0x008B, 0x008C, 0x008D,
    0x008E, 0x008F, 0x0090, 0x0091, 0x0092, 0x0093, 0x0094, 0x0095, 0x0096, 0x0097, 0x0098, 0x0099, 0x009A, 0x009B,
    0x009C, 0x009D, 0x009E, 0x009F, 0x00A0, 0x0401, 0x0402, 0x0403, 0x0404, 0x0405, 0x0406, 0x0407, 0x0408, 0x0409,
    0x040A, 0x040B, 0x040C, 0x00AD, 0x040E, 0x040F, 0x0410, 0x0411, 0x0412, 0x0413, 0x0414, 0x0415, 0x0416, 0x0417,
    0x0418, 0x0419, 0x041A, 0x041B, 0x041C, 0x041D, 0x041E, 0x041F, 0x0420, 0x0421, 0x0422, 0x0423, 0x0424, 0x0425,
    0x0426, 0x0427, 0x0428, 0x0429, 0x042A, 0x042B, 0x042C, 0x042D, 0x042E, 0x042F, 0x0430, 0x0431, 0x0432, 0x0433,
    0x0434, 0x0435, 0x0436, 0x0437, 0x0438, 0x0439, 0x043A, 0x043B, 0x043C, 0x043D, 0x043E, 0x043F, 0x0440, 0x0441,
    0x0442, 0x0443, 0x0444, 0x0445, 0x0446, 0x0447, 0x0448, 0x0449, 0x044A, 0x044B, 0x044C, 0x044D, 0x044E, 0x044F,
    0x2116, 0x0451, 0x0452, 0x0453, 0x0454, 0x0455, 0x0456, 0x0457, 0x0458, 0x0459, 0x045A, 0x045B, 0x045C, 0x00A7,
    0x045E, 0x045F,
];
static ISO8859_7: [u16; 128] = [
    0x0080, 0x0081, 0x0082, 0x0083, 0x0084, 0x0085, 0x0086, 0x0087, 0x0088, 0x0089, 0x008A, 0x008B, 0x008C, 0x008D,
    0x008E, 0x008F, 0x0090, 0x0091, 0x0092, 0x0093, 0x0094, 0x0095, 0x0096, 0x0097, 0x0098, 0x0099, 0x009A, 0x009B,
    0x009C, 0x009D, 0x009E, 0x009F, 0x00A0, 0x2018, 0x2019, 0x00A3, 0x20AC, 0x20AF, 0x00A6, 0x00A7, 0x00A8, 0x00A9,
    0x037A, 0x00AB, 0x00AC, 0x00AD, 0x0000, 0x2015, 0x00B0, 0x00B1, 0x00B2, 0x00B3, 0x0384, 0x0385, 0x0386, 0x00B7,
    0x0388, 0x0389, 0x038A, 0x00BB, 0x038C, 0x00BD, 0x038E, 0x038F, 0x0390, 0x0391, 0x0392, 0x0393, 0x0394, 0x0395,
    0x0396, 0x0397, 0x0398, 0x0399, 0x039A, 0x039B, 0x039C, 0x039D, 0x039E, 0x039F, 0x03A0, 0x03A1, 0x0000, 0x03A3,
    0x03A4, 0x03A5, 0x03A6, 0x03A7, 0x03A8, 0x03A9, 0x03AA, 0x03AB, 0x03AC, 0x03AD, 0x03AE, 0x03AF, 0x03B0, 0x03B1,
    0x03B2, 0x03B3, 0x03B4, 0x03B5, 0x03B6, 0x03B7, 0x03B8, 0x03B9, 0x03BA, 0x03BB, 0x03BC, 0x03BD, 0x03BE, 0x03BF,
    0x03C0, 0x03C1, 0x03C2, 0x03C3, 0x03C4, 0x03C5, 0x03C6, 0x03C7, 0x03C8, 0x03C9, 0x03CA, 0x03CB, 0x03CC, 0x03CD,
    0x03CE, 0x0000,
];
static ISO8859_9: [u16; 128] = [
    0x0080, 0x0081, 0x0082, 0x0083, 0x0084, 0x0085, 0x0086, 0x0087, 0x0088, 0x0089, 0x008A, 0x008B, 0x008C, 0x008D,
    0x008E, 0x008F, 0x0090, 0x0091, 0x0092, 0x0093, 0x0094, 0x0095, 0x0096, 0x0097, 0x0098, 0x0099, 0x009A, 0x009B,
    0x009C, 0x009D, 0x009E, 0x009F, 0x00A0, 0x00A1, 0x00A2, 0x00A3, 0x00A4, 0x00A5, 0x00A6, 0x00A7, 0x00A8, 0x00A9,
    0x00AA, 0x00AB, 0x00AC, 0x00AD, 0x00AE, 0x00AF, 0x00B0, 0x00B1, 0x00B2, 0x00B3, 0x00B4, 0x00B5, 0x00B6, 0x00B7,
    0x00B8, 0x00B9, 0x00BA, 0x00BB, 0x00BC, 0x00BD, 0x00BE, 0x00BF, 0x00C0, 0x00C1, 0x00C2, 0x00C3, 0x00C4, 0x00C5,
    0x00C6, 0x00C7, 0x00C8, 0x00C9, 0x00CA, 0x00CB, 0x00CC, 0x00CD, 0x00CE, 0x00CF, 0x011E, 0x00D1, 0x00D2, 0x00D3,
    0x00D4, 0x00D5, 0x00D6, 0x00D7, 0x00D8, 0x00D9, 0x00DA, 0x00DB, 0x00DC, 0x0130, 0x015E, 0x00DF, 0x00E0, 0x00E1,
    0x00E2, 0x00E3, 0x00E4, 0x00E5, 0x00E6, 0x00E7, 0x00E8, 0x00E9, 0x00EA, 0x00EB, 0x00EC, 0x00ED, 0x00EE, 0x00EF,
    0x011F, 0x00F1, 0x00F2, 0x00F3, 0x00F4, 0x00F5, 0x00F6, 0x00F7, 0x00F8, 0x00F9, 0x00FA, 0x00FB, 0x00FC, 0x0131,
    0x015F, 0x00FF,
];
static ISO8859_15: [u16; 128] = [
    0x0080, 0x0081, 0x0082, 0x0083, 0x0084, 0x0085, 0x0086, 0x0087, 0x0088, 0x0089, 0x008A, 0x008B, 0x008C, 0x008D,
    0x008E, 0x008F, 0x0090, 0x0091, 0x0092, 0x0093, 0x0094, 0x0095, 0x0096, 0x0097, 0x0098, 0x0099, 0x009A, 0x009B,
    0x009C, 0x009D, 0x009E, 0x009F, 0x00A0, 0x00A1, 0x00A2, 0x00A3, 0x20AC, 0x00A5, 0x0160, 0x00A7, 0x0161, 0x00A9,
    0x00AA, 0x00AB, 0x00AC, 0x00AD, 0x00AE, 0x00AF, 0x00B0, 0x00B1, 0x00B2, 0x00B3, 0x017D, 0x00B5, 0x00B6, 0x00B7,
    0x017E, 0x00B9, 0x00BA, 0x00BB, 0x0152, 0x0153, 0x0178, 0x00BF, 0x00C0, 0x00C1, 0x00C2, 0x00C3, 0x00C4, 0x00C5,
    0x00C6, 0x00C7, 0x00C8, 0x00C9, 0x00CA, 0x00CB, 0x00CC, 0x00CD, 0x00CE, 0x00CF, 0x00D0, 0x00D1, 0x00D2, 0x00D3,
    0x00D4, 0x00D5, 0x00D6, 0x00D7, 0x00D8, 0x00D9, 0x00DA, 0x00DB, 0x00DC, 0x00DD, 0x00DE, 0x00DF, 0x00E0, 0x00E1,
    0x00E2, 0x00E3, 0x00E4, 0x00E5, 0x00E6, 0x00E7, 0x00E8, 0x00E9, 0x00EA, 0x00EB, 0x00EC, 0x00ED, 0x00EE, 0x00EF,
    0x00F0, 0x00F1, 0x00F2, 0x00F3, 0x00F4, 0x00F5, 0x00F6, 0x00F7, 0x00F8, 0x00F9, 0x00FA, 0x00FB, 0x00FC, 0x00FD,
    0x00FE, 0x00FF,
];
static MAC_ROMAN: [u16; 128] = [
    0x00C4, 0x00C5, 0x00C7, 0x00C9, 0x00D1, 0x00D6, 0x00DC, 0x00E1, 0x00E0, 0x00E2, 0x00E4, 0x00E3, 0x00E5, 0x00E7,
    0x00E9, 0x00E8, 0x00EA, 0x00EB, 0x00ED, 0x00EC, 0x00EE, 0x00EF, 0x00F1, 0x00F3, 0x00F2, 0x00F4, 0x00F6, 0x00F5,
    0x00FA, 0x00F9, 0x00FB, 0x00FC, 0x2020, 0x00B0, 0x00A2, 0x00A3, 0x00A7, 0x2022, 0x00B6, 0x00DF, 0x00AE, 0x00A9,
    0x2122, 0x00B4, 0x00A8, 0x2260, 0x00C6, 0x00D8, 0x221E, 0x00B1, 0x2264, 0x2265, 0x00A5, 0x00B5, 0x2202, 0x2211,
    0x220F, 0x03C0, 0x222B, 0x00AA, 0x00BA, 0x03A9, 0x00E6, 0x00F8, 0x00BF, 0x00A1, 0x00AC, 0x221A, 0x0192, 0x2248,
    0x2206, 0x00AB, 0x00BB, 0x2026, 0x00A0, 0x00C0, 0x00C3, 0x00D5, 0x0152, 0x0153, 0x2013, 0x2014, 0x201C, 0x201D,
    0x2018, 0x2019, 0x00F7, 0x25CA, 0x00FF, 0x0178, 0x2044, 0x20AC, 0x2039, 0x203A, 0xFB01, 0xFB02, 0x2021, 0x00B7,
    0x201A, 0x201E, 0x2030, 0x00C2, 0x00CA, 0x00C1, 0x00CB, 0x00C8, 0x00CD, 0x00CE, 0x00CF, 0x00CC, 0x00D3, 0x00D4,
    0xF8FF, 0x00D2, 0x00DA, 0x00DB, 0x00D9, 0x0131, 0x02C6, 0x02DC, 0x00AF, 0x02D8, 0x02D9, 0x02DA, 0x00B8, 0x02DD,
    0x02DB, 0x02C7,
];

/// Python's codec names and aliases (normalised) for the codecs above.
static CODEC_NAMES: &[(&str, Codec)] = &[
    ("1250", Codec::Table("cp1250", &CP1250)),
    ("1251", Codec::Table("cp1251", &CP1251)),
    ("1252", Codec::Table("cp1252", &CP1252)),
    ("646", Codec::Ascii),
    ("8859", Codec::Latin1),
    ("ansi_x3.4_1968", Codec::Ascii),
    ("ansi_x3.4_1986", Codec::Ascii),
    ("ansi_x3_4_1968", Codec::Ascii),
    ("ascii", Codec::Ascii),
    ("cp1250", Codec::Table("cp1250", &CP1250)),
    ("cp1251", Codec::Table("cp1251", &CP1251)),
    ("cp1252", Codec::Table("cp1252", &CP1252)),
    ("cp367", Codec::Ascii),
    ("cp65001", Codec::Utf8),
    ("cp819", Codec::Latin1),
    ("csascii", Codec::Ascii),
    ("csisolatin1", Codec::Latin1),
    ("csisolatin2", Codec::Table("iso8859_2", &ISO8859_2)),
    ("csisolatin5", Codec::Table("iso8859_9", &ISO8859_9)),
    ("csisolatincyrillic", Codec::Table("iso8859_5", &ISO8859_5)),
    ("csisolatingreek", Codec::Table("iso8859_7", &ISO8859_7)),
    ("cskoi8r", Codec::Table("koi8_r", &KOI8_R)),
    ("cyrillic", Codec::Table("iso8859_5", &ISO8859_5)),
    ("ecma_118", Codec::Table("iso8859_7", &ISO8859_7)),
    ("elot_928", Codec::Table("iso8859_7", &ISO8859_7)),
    ("greek", Codec::Table("iso8859_7", &ISO8859_7)),
    ("greek8", Codec::Table("iso8859_7", &ISO8859_7)),
    ("ibm367", Codec::Ascii),
    ("ibm819", Codec::Latin1),
    ("iso646_us", Codec::Ascii),
    ("iso8859", Codec::Latin1),
    ("iso8859_1", Codec::Latin1),
    ("iso8859_15", Codec::Table("iso8859_15", &ISO8859_15)),
    ("iso8859_2", Codec::Table("iso8859_2", &ISO8859_2)),
    ("iso8859_5", Codec::Table("iso8859_5", &ISO8859_5)),
    ("iso8859_7", Codec::Table("iso8859_7", &ISO8859_7)),
    ("iso8859_9", Codec::Table("iso8859_9", &ISO8859_9)),
    ("iso_646.irv_1991", Codec::Ascii),
    ("iso_8859_1", Codec::Latin1),
    ("iso_8859_15", Codec::Table("iso8859_15", &ISO8859_15)),
    ("iso_8859_1_1987", Codec::Latin1),
    ("iso_8859_2", Codec::Table("iso8859_2", &ISO8859_2)),
    ("iso_8859_2_1987", Codec::Table("iso8859_2", &ISO8859_2)),
    ("iso_8859_5", Codec::Table("iso8859_5", &ISO8859_5)),
    ("iso_8859_5_1988", Codec::Table("iso8859_5", &ISO8859_5)),
    ("iso_8859_7", Codec::Table("iso8859_7", &ISO8859_7)),
    ("iso_8859_7_1987", Codec::Table("iso8859_7", &ISO8859_7)),
    ("iso_8859_9", Codec::Table("iso8859_9", &ISO8859_9)),
    ("iso_8859_9_1989", Codec::Table("iso8859_9", &ISO8859_9)),
    ("iso_ir_100", Codec::Latin1),
    ("iso_ir_101", Codec::Table("iso8859_2", &ISO8859_2)),
    ("iso_ir_126", Codec::Table("iso8859_7", &ISO8859_7)),
    ("iso_ir_144", Codec::Table("iso8859_5", &ISO8859_5)),
    ("iso_ir_148", Codec::Table("iso8859_9", &ISO8859_9)),
    ("iso_ir_6", Codec::Ascii),
    ("koi8_r", Codec::Table("koi8_r", &KOI8_R)),
    ("koi8_u", Codec::Table("koi8_u", &KOI8_U)),
    ("l1", Codec::Latin1),
    ("l2", Codec::Table("iso8859_2", &ISO8859_2)),
    ("l5", Codec::Table("iso8859_9", &ISO8859_9)),
    ("l9", Codec::Table("iso8859_15", &ISO8859_15)),
    ("latin", Codec::Latin1),
    ("latin1", Codec::Latin1),
    ("latin2", Codec::Table("iso8859_2", &ISO8859_2)),
    ("latin5", Codec::Table("iso8859_9", &ISO8859_9)),
    ("latin9", Codec::Table("iso8859_15", &ISO8859_15)),
    ("latin_1", Codec::Latin1),
    ("mac_roman", Codec::Table("mac_roman", &MAC_ROMAN)),
    ("macintosh", Codec::Table("mac_roman", &MAC_ROMAN)),
    ("macroman", Codec::Table("mac_roman", &MAC_ROMAN)),
    ("u16", Codec::Utf16(ByteOrder::Detect)),
    ("u32", Codec::Utf32(ByteOrder::Detect)),
    ("u8", Codec::Utf8),
    ("unicodebigunmarked", Codec::Utf16(ByteOrder::Big)),
    ("unicodelittleunmarked", Codec::Utf16(ByteOrder::Little)),
    ("us", Codec::Ascii),
    ("us_ascii", Codec::Ascii),
    ("utf", Codec::Utf8),
    ("utf16", Codec::Utf16(ByteOrder::Detect)),
    ("utf32", Codec::Utf32(ByteOrder::Detect)),
    ("utf8", Codec::Utf8),
    ("utf8_ucs2", Codec::Utf8),
    ("utf8_ucs4", Codec::Utf8),
    ("utf_16", Codec::Utf16(ByteOrder::Detect)),
    ("utf_16_be", Codec::Utf16(ByteOrder::Big)),
    ("utf_16_le", Codec::Utf16(ByteOrder::Little)),
    ("utf_16be", Codec::Utf16(ByteOrder::Big)),
    ("utf_16le", Codec::Utf16(ByteOrder::Little)),
    ("utf_32", Codec::Utf32(ByteOrder::Detect)),
    ("utf_32_be", Codec::Utf32(ByteOrder::Big)),
    ("utf_32_le", Codec::Utf32(ByteOrder::Little)),
    ("utf_32be", Codec::Utf32(ByteOrder::Big)),
    ("utf_32le", Codec::Utf32(ByteOrder::Little)),
    ("utf_8", Codec::Utf8),
    ("windows_1250", Codec::Table("cp1250", &CP1250)),
    ("windows_1251", Codec::Table("cp1251", &CP1251)),
    ("windows_1252", Codec::Table("cp1252", &CP1252)),
];
// END GENERATED

#[cfg(test)]
mod tests {
    use super::*;

    fn err(bytes: &[u8]) -> (String, i32, i32) {
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
        assert_eq!(
            decode_source(b"# -*- coding: koi8-r -*-\nx='\xf0'\n").unwrap(),
            "# -*- coding: koi8-r -*-\nx='П'\n"
        );
        assert_eq!(decode_source(b"# coding: ISO_8859-15\nx='\xa4'\n").unwrap(), "# coding: ISO_8859-15\nx='€'\n");
        assert_eq!(decode_source(b"# coding: cyrillic\nx='\xbf'\n").unwrap(), "# coding: cyrillic\nx='П'\n");
        assert_eq!(decode_source(b"#!/usr/bin/python\n# vim: set fileencoding=utf8 :\n").unwrap().len(), 49);
    }

    #[test]
    fn utf16_and_utf32_decode_the_whole_source_as_cpython_313() {
        // CPython decodes the declaration too: "# " is U+2023 in UTF-16-LE.
        assert!(decode_source(b"# coding=utf-16\nx = 1\n").unwrap().starts_with('\u{2023}'));
        assert_eq!(
            err(b"# coding=utf-16\nx = 1\n\n"),
            ("'utf-16-le' codec can't decode byte 0x0a in position 22: truncated data".into(), 0, -1)
        );
        assert_eq!(
            err(b"# coding=utf-16-be\nx = 1\n").0,
            "'utf-16-be' codec can't decode byte 0x0a in position 24: truncated data"
        );
        assert_eq!(
            err(b"# coding=utf-32\nx = 1\n").0,
            "'utf-32-le' codec can't decode bytes in position 0-3: code point not in range(0x110000)"
        );
        assert_eq!(decode_utf16(b"\x00\xd8\x00\xdc", ByteOrder::Detect).unwrap(), "\u{10000}");
        assert_eq!(
            decode_utf16(b"\x00\xd8a\x00", ByteOrder::Little).unwrap_err().msg,
            "'utf-16-le' codec can't decode bytes in position 0-1: illegal UTF-16 surrogate"
        );
        assert_eq!(
            decode_utf16(b"\x00\xd8\x00", ByteOrder::Little).unwrap_err().msg,
            "'utf-16-le' codec can't decode bytes in position 0-2: unexpected end of data"
        );
        assert_eq!(
            decode_utf16(b"\x00\xdc", ByteOrder::Little).unwrap_err().msg,
            "'utf-16-le' codec can't decode bytes in position 0-1: illegal encoding"
        );
        assert_eq!(
            decode_utf16(b"\xfe\xff\x00", ByteOrder::Detect).unwrap_err().msg,
            "'utf-16-be' codec can't decode byte 0x00 in position 2: truncated data"
        );
        assert_eq!(
            decode_utf32(b"\x00\x00\xfe\xff\x00", ByteOrder::Detect).unwrap_err().msg,
            "'utf-32-be' codec can't decode byte 0x00 in position 4: truncated data"
        );
    }

    #[test]
    fn cookie_errors_as_cpython_313() {
        assert_eq!(err(b"\xef\xbb\xbf# coding: latin-1\nx = 1\n").0, "encoding problem: iso-8859-1 with BOM");
        assert_eq!(err(b"\xef\xbb\xbf#coding: utf8\nprint('x')\n").0, "encoding problem: utf8 with BOM");
        assert_eq!(err(b"# coding: foo\nx = 1\n"), ("unknown encoding: foo".into(), 0, -1));
        assert_eq!(
            err(b"# coding: cp1252\nx = '\x81'\n").0,
            "'charmap' codec can't decode byte 0x81 in position 22: character maps to <undefined>"
        );
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
        // Comments are not decoded by CPython: invalid bytes there are accepted.
        assert_eq!(
            decode_source(b"x = 1 # \xf6\n# \xff\xfe\ny = 2\n").unwrap(),
            "x = 1 # \u{fffd}\n# \u{fffd}\u{fffd}\ny = 2\n"
        );
        let e = decode_source(b"print(\"b\xf6se\")\n").unwrap_err();
        assert_eq!(
            (e.msg.as_str(), e.lineno, e.offset, e.end_offset),
            ("(unicode error) 'utf-8' codec can't decode byte 0xf6 in position 1: invalid start byte", 1, 7, 11)
        );
        let e = decode_source(b"print(\"\xf6sterreich\")\n").unwrap_err();
        assert_eq!((e.offset, e.end_offset), (7, 17));
        let e = decode_source(b"a = xy\xe9zw + 1\n").unwrap_err();
        assert_eq!(
            (e.msg.as_str(), e.offset, e.end_offset),
            ("(unicode error) 'utf-8' codec can't decode byte 0xe9 in position 2: invalid continuation byte", 7, -1)
        );
        let e = decode_source(b"x = 'a\\n\xe9'\n").unwrap_err();
        assert_eq!(
            (e.msg.as_str(), e.offset, e.end_offset),
            ("(unicode error) 'utf-8' codec can't decode byte 0xe9 in position 0: unexpected end of data", 5, 9)
        );
        let e = decode_source(b"x = '\xe2\x82'\n").unwrap_err();
        assert_eq!(e.msg, "(unicode error) 'utf-8' codec can't decode bytes in position 0-1: unexpected end of data");
        // Bytes literals are the parser's ("bytes can only contain ASCII literal characters").
        assert!(decode_source(b"x = b'\xe9'\n").is_ok());
        let e = decode_source(b"x = 1\n\xf6 = 2\n").unwrap_err();
        assert_eq!(
            (e.msg.as_str(), e.lineno, e.offset, e.end_offset),
            ("(unicode error) 'utf-8' codec can't decode byte 0xf6 in position 0: invalid start byte", 2, 1, -1)
        );
        assert_eq!(
            err(b"x = '\xed\xa0\x80'\n").0,
            "(unicode error) 'utf-8' codec can't decode byte 0xed in position 0: invalid continuation byte"
        );
    }
}
