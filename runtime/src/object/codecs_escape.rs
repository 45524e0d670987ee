//! The escape codecs: `unicode_escape` (the escapes of a Python string literal, everything else
//! Latin-1) and `raw_unicode_escape` (only `\uXXXX` and `\UXXXXXXXX`), as CPython 3.13's
//! `_PyUnicode_DecodeUnicodeEscapeInternal2`, `_PyUnicode_DecodeRawUnicodeEscapeStateful` and
//! their encoders.
//!
//! Encoding never fails: `unicode_escape` writes printable ASCII as itself (a backslash doubled),
//! `\t \n \r` as their escapes, the rest of Latin-1 as `\xhh`, the BMP as `\uhhhh` and beyond as
//! `\Uhhhhhhhh`; `raw_unicode_escape` writes Latin-1 as its bytes and the rest as `\u`/`\U`
//! escapes. Decoding reports CPython's errors (`truncated \xXX escape`, `\ at end of string`,
//! `unknown Unicode character name`, `illegal Unicode character`, ...) with the byte range from
//! the backslash to where the escape went wrong, through the shared error handlers. CPython's
//! `DeprecationWarning` for an invalid escape (`\z`, an octal escape above `\377`) is not given.

use super::codecs::{Codec, DecodeError, handle_decode_error};
use crate::error::PyResult;

/// The escape form of code point `c` in `codec` (one of the two escape codecs), appended.
pub(super) fn put_code_point(out: &mut Vec<u8>, codec: Codec, c: u32) {
    let raw = codec == Codec::RawUnicodeEscape;
    let text = match c {
        0..=0xff if raw => {
            out.push(c as u8);
            return;
        }
        0x5c => "\\\\".to_owned(),
        0x20..=0x7e => {
            out.push(c as u8);
            return;
        }
        0x09 => "\\t".to_owned(),
        0x0a => "\\n".to_owned(),
        0x0d => "\\r".to_owned(),
        0..=0xff => format!("\\x{c:02x}"),
        0x100..=0xffff => format!("\\u{c:04x}"),
        _ => format!("\\U{c:08x}"),
    };
    out.extend_from_slice(text.as_bytes());
}

/// The value of hex digit `b`.
fn hex_value(b: u8) -> Option<u32> {
    (b as char).to_digit(16)
}

/// Decodes `data` with `codec` (one of the two escape codecs) and the handler named `errors`.
pub(super) fn decode(data: &[u8], codec: Codec, errors: &str) -> PyResult<Vec<u32>> {
    let raw = codec == Codec::RawUnicodeEscape;
    let mut out: Vec<u32> = Vec::with_capacity(data.len());
    let mut at = 0;
    while at < data.len() {
        let c = data[at];
        at += 1;
        if c != b'\\' || (raw && at >= data.len()) {
            out.push(c as u32);
            continue;
        }
        let start = at - 1;
        // `Err((reason, end))`: the escape at `start` is bad up to `end`.
        let escape: Result<Option<u32>, (&str, usize)> = (|| {
            let Some(&kind) = data.get(at) else { return Err(("\\ at end of string", data.len())) };
            at += 1;
            let count = match kind {
                b'u' => 4,
                b'U' => 8,
                _ if raw => {
                    out.push(u32::from(b'\\'));
                    return Ok(Some(kind as u32));
                }
                b'x' => 2,
                b'\n' => return Ok(None),
                b'\\' | b'\'' | b'"' => return Ok(Some(kind as u32)),
                b'b' => return Ok(Some(0x08)),
                b'f' => return Ok(Some(0x0c)),
                b't' => return Ok(Some(0x09)),
                b'n' => return Ok(Some(0x0a)),
                b'r' => return Ok(Some(0x0d)),
                b'v' => return Ok(Some(0x0b)),
                b'a' => return Ok(Some(0x07)),
                b'0'..=b'7' => {
                    let mut value = (kind - b'0') as u32;
                    for _ in 0..2 {
                        match data.get(at) {
                            Some(&d @ b'0'..=b'7') => {
                                value = (value << 3) + (d - b'0') as u32;
                                at += 1;
                            }
                            _ => break,
                        }
                    }
                    return Ok(Some(value));
                }
                b'N' => {
                    const MALFORMED: &str = "malformed \\N character escape";
                    if data.get(at) != Some(&b'{') {
                        return Err((MALFORMED, at));
                    }
                    at += 1;
                    let name_start = at;
                    let Some(len) = data[at..].iter().position(|&b| b == b'}') else {
                        return Err((MALFORMED, data.len()));
                    };
                    at += len;
                    if len == 0 {
                        return Err((MALFORMED, at));
                    }
                    at += 1;
                    let name = std::str::from_utf8(&data[name_start..name_start + len]).ok();
                    return match name.and_then(pyrt_syntax_lookup_name) {
                        Some(c) => Ok(Some(c)),
                        None => Err(("unknown Unicode character name", at)),
                    };
                }
                _ => {
                    // An invalid escape keeps its backslash.
                    out.push(u32::from(b'\\'));
                    return Ok(Some(kind as u32));
                }
            };
            let truncated = match count {
                2 => "truncated \\xXX escape",
                4 => "truncated \\uXXXX escape",
                _ => "truncated \\UXXXXXXXX escape",
            };
            let mut value = 0u32;
            for _ in 0..count {
                match data.get(at).and_then(|&d| hex_value(d)) {
                    Some(v) => {
                        value = (value << 4) | v;
                        at += 1;
                    }
                    None => return Err((truncated, at)),
                }
            }
            if value > 0x10FFFF {
                return Err((if raw { "\\Uxxxxxxxx out of range" } else { "illegal Unicode character" }, at));
            }
            Ok(Some(value))
        })();
        match escape {
            Ok(Some(c)) => out.push(c),
            Ok(None) => {}
            Err((reason, end)) => {
                at = handle_decode_error(DecodeError { data, codec, start, end, reason }, errors, &mut out)?;
            }
        }
    }
    Ok(out)
}

/// The code point named `name` (`\N{...}`: the Unicode name or an alias, as CPython's
/// `unicodedata` lookup accepts).
fn pyrt_syntax_lookup_name(name: &str) -> Option<u32> {
    unicode_names2::character(name).map(u32::from)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn encoded(codec: Codec, points: &[u32]) -> Vec<u8> {
        let mut out = Vec::new();
        points.iter().for_each(|&c| put_code_point(&mut out, codec, c));
        out
    }

    #[test]
    fn escapes_are_written_as_cpython_writes_them() {
        let points = [0x61, 0x5c, 0x27, 0x09, 0x0a, 0xe9, 0x20ac, 0xd800, 0x1f600];
        assert_eq!(encoded(Codec::UnicodeEscape, &points), b"a\\\\'\\t\\n\\xe9\\u20ac\\ud800\\U0001f600");
        assert_eq!(encoded(Codec::RawUnicodeEscape, &points), b"a\\'\t\n\xe9\\u20ac\\ud800\\U0001f600");
    }

    #[test]
    fn raw_escapes_decode_only_u_forms() {
        let raw = Codec::RawUnicodeEscape;
        let decoded = |d: &[u8]| decode(d, raw, "strict").unwrap_or_default();
        assert_eq!(decoded(b"\\u20ac\\x41\\"), vec![0x20ac, 0x5c, 0x78, 0x34, 0x31, 0x5c]);
        assert_eq!(decoded(b"\\U0001f600"), vec![0x1f600]);
    }
}
