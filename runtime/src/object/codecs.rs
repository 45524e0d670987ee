//! The builtin text codecs `str.encode` and `bytes.decode` use: UTF-8 (and `utf-8-sig`, with
//! a byte order mark), ASCII, Latin-1, and
//! UTF-16 / UTF-32 (little- or big-endian, or with a byte order mark: written little-endian,
//! read by the mark), with the error handlers `strict`, `ignore`, `replace`,
//! `backslashreplace` and (encoding) `xmlcharrefreplace`.
//!
//! An encoding name is normalised as CPython's `encodings.normalize_encoding` does (lower case,
//! runs of punctuation and spaces become `_`) and then looked up among the aliases of the three
//! codecs. Errors are reported as CPython's codecs report them: the decoder names the bad byte
//! range (`can't decode byte 0xff in position 0: invalid start byte`, or `bytes in position
//! 0-1` for a range); the encoders group a run of unencodable characters into one error
//! (`can't encode characters in position 1-2`). The UTF-8 decoder's error ranges are the
//! "maximal subparts" of the Unicode standard, as in CPython (Rust's `Utf8Error::error_len`
//! gives the same ranges); `replace` puts one U+FFFD per range. The UTF-16/32 decoders report
//! `truncated data`, `illegal UTF-16 surrogate` (a high surrogate not followed by a low one),
//! `illegal encoding` (a lone low surrogate), `unexpected end of data` and the UTF-32 range
//! errors with CPython's byte ranges. The exceptions carry `encoding`, `object`, `start`, `end`
//! and `reason` attributes: CPython's five constructor arguments, from which `str()` is made.
//!
//! Strings are Rust `str`s here, so they cannot hold lone surrogates: the `surrogateescape` and
//! `surrogatepass` handlers are not provided (they raise `LookupError` like an unknown name).

use super::header::PyObject;
use super::obj::Obj;
use crate::error::{PyErr, PyResult};

/// A getset of a Unicode error reading and writing its argument `$i`.
macro_rules! unicode_error_field {
    ($i:literal) => {
        super::builtin::GetSetDef {
            name: FIELDS[$i],
            get: |o| error_field(o, $i),
            set: Some(|o, v| set_error_field(o, $i, v)),
        }
    };
}

/// The byte order of a UTF-16/32 codec.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum ByteOrder {
    /// With a byte order mark (`utf-16`): written little-endian, read by the mark.
    Marked,
    /// `-le`
    Little,
    /// `-be`
    Big,
}

/// The codecs this module implements.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Codec {
    /// `utf-8`
    Utf8,
    /// `utf-8-sig`: UTF-8 after a byte order mark (written always, skipped when read)
    Utf8Sig,
    /// `ascii`
    Ascii,
    /// `latin-1`
    Latin1,
    /// `utf-16`, `utf-16-le`, `utf-16-be`
    Utf16(ByteOrder),
    /// `utf-32`, `utf-32-le`, `utf-32-be`
    Utf32(ByteOrder),
}

impl Codec {
    /// The name error messages use.
    pub fn name(self) -> &'static str {
        match self {
            Codec::Utf8 => "utf-8",
            Codec::Utf8Sig => "utf-8-sig",
            Codec::Ascii => "ascii",
            Codec::Latin1 => "latin-1",
            Codec::Utf16(ByteOrder::Marked) => "utf-16",
            Codec::Utf16(ByteOrder::Little) => "utf-16-le",
            Codec::Utf16(ByteOrder::Big) => "utf-16-be",
            Codec::Utf32(ByteOrder::Marked) => "utf-32",
            Codec::Utf32(ByteOrder::Little) => "utf-32-le",
            Codec::Utf32(ByteOrder::Big) => "utf-32-be",
        }
    }

    /// The largest code point the codec encodes, plus one (for `ordinal not in range(N)`).
    fn limit(self) -> u32 {
        match self {
            Codec::Ascii => 128,
            Codec::Latin1 => 256,
            _ => 0x110000,
        }
    }
}

/// The codec named `name`, or `LookupError: unknown encoding: NAME`.
pub fn lookup(name: &str) -> PyResult<Codec> {
    let mut norm = String::with_capacity(name.len());
    let mut pending_sep = false;
    for c in name.chars() {
        if c.is_alphanumeric() || c == '.' {
            if pending_sep && !norm.is_empty() {
                norm.push('_');
            }
            pending_sep = false;
            norm.extend(c.to_lowercase());
        } else {
            pending_sep = true;
        }
    }
    match norm.as_str() {
        "utf_8" | "utf8" | "u8" | "utf" | "utf8_ucs2" | "utf8_ucs4" | "cp65001" => Ok(Codec::Utf8),
        "utf_8_sig" | "utf8_sig" => Ok(Codec::Utf8Sig),
        "ascii" | "us_ascii" | "646" | "ansi_x3.4_1968" | "ansi_x3_4_1968" | "ansi_x3.4_1986" | "cp367" | "csascii"
        | "ibm367" | "iso646_us" | "iso_646.irv_1991" | "iso_ir_6" | "us" => Ok(Codec::Ascii),
        "latin_1" | "latin1" | "latin" | "l1" | "iso8859_1" | "iso_8859_1" | "8859" | "cp819" | "iso_ir_100"
        | "ibm819" | "iso8859" | "iso_8859_1_1987" | "csisolatin1" => Ok(Codec::Latin1),
        "utf_16" | "utf16" | "u16" => Ok(Codec::Utf16(ByteOrder::Marked)),
        "utf_16_le" | "utf_16le" | "unicodelittleunmarked" => Ok(Codec::Utf16(ByteOrder::Little)),
        "utf_16_be" | "utf_16be" | "unicodebigunmarked" => Ok(Codec::Utf16(ByteOrder::Big)),
        "utf_32" | "utf32" | "u32" => Ok(Codec::Utf32(ByteOrder::Marked)),
        "utf_32_le" | "utf_32le" => Ok(Codec::Utf32(ByteOrder::Little)),
        "utf_32_be" | "utf_32be" => Ok(Codec::Utf32(ByteOrder::Big)),
        _ => Err(lookup_error(format!("unknown encoding: {name}"))),
    }
}

#[cold]
fn lookup_error(msg: String) -> PyErr {
    super::exceptions::raise_msg(super::immortal::types().exc.named("LookupError"), &msg)
}

#[cold]
fn unknown_handler(errors: &str) -> PyErr {
    lookup_error(format!("unknown error handler name '{errors}'"))
}

/// A `UnicodeDecodeError`/`UnicodeEncodeError` with CPython's five arguments
/// `(encoding, object, start, end, reason)`; its `str()` is computed from them.
#[cold]
fn unicode_error(kind: &str, codec: Codec, object: PyResult<Obj>, start: usize, end: usize, reason: &str) -> PyErr {
    let made = (|| {
        let args = super::tuple::new_tuple(vec![
            super::str::new_str(codec.name())?,
            object?,
            super::int::new_int(start as i64)?,
            super::int::new_int(end as i64)?,
            super::str::new_str(reason)?,
        ])?;
        super::exceptions::new_exception(super::immortal::types().exc.named(kind), args)
    })();
    match made {
        Ok(e) => PyErr::from_object(e),
        Err(e) => e,
    }
}

/// The `UnicodeDecodeError` for `data[start..end]`.
#[cold]
fn decode_error(codec: Codec, data: &[u8], start: usize, end: usize, reason: &str) -> PyErr {
    unicode_error("UnicodeDecodeError", codec, super::bytes::new_bytes(data), start, end, reason)
}

/// The `UnicodeEncodeError` for the characters `start..end` (character indices) of `text`.
#[cold]
fn encode_error(codec: Codec, text: &str, start: usize, end: usize) -> PyErr {
    let reason = format!("ordinal not in range({})", codec.limit());
    unicode_error("UnicodeEncodeError", codec, super::str::new_str(text), start, end, &reason)
}

/// The five fields of a Unicode error, when they have the right types.
fn error_parts(o: &PyObject) -> Option<(String, Obj, i64, i64, String)> {
    let field = |i| error_field(o, i).ok();
    let (enc, obj, start, end, reason) = (field(0)?, field(1)?, field(2)?, field(3)?, field(4)?);
    Some((
        super::str::str_value(&enc)?.to_owned(),
        obj,
        super::int::int_value(&start)?,
        super::int::int_value(&end)?,
        super::str::str_value(&reason)?.to_owned(),
    ))
}

/// `str()` of a `UnicodeDecodeError` / `UnicodeEncodeError` (CPython's
/// `UnicodeDecodeError_str` / `UnicodeEncodeError_str`): the bad byte or character when the
/// range is one long, else the position range. Other argument shapes print as any exception.
pub(crate) fn unicode_error_str(o: &PyObject) -> PyResult<Obj> {
    let Some((enc, object, start, end, reason)) = error_parts(o) else {
        return super::exceptions::plain_str(o);
    };
    let one = end == start + 1;
    let text = if let Some(data) = super::bytes::bytes_value(&object) {
        match usize::try_from(start).ok().and_then(|i| data.get(i)).filter(|_| one) {
            Some(byte) => format!("'{enc}' codec can't decode byte 0x{byte:02x} in position {start}: {reason}"),
            None => format!("'{enc}' codec can't decode bytes in position {start}-{}: {reason}", end - 1),
        }
    } else {
        let ch = super::str::as_str_object(&object)
            .filter(|s| one && start >= 0 && (start as usize) < s.len())
            .map(|s| s.char_at(start as usize) as u32);
        match ch {
            Some(cp) => {
                let shown = if cp <= 0xff {
                    format!("\\x{cp:02x}")
                } else if cp <= 0xffff {
                    format!("\\u{cp:04x}")
                } else {
                    format!("\\U{cp:08x}")
                };
                format!("'{enc}' codec can't encode character '{shown}' in position {start}: {reason}")
            }
            None => format!("'{enc}' codec can't encode characters in position {start}-{}: {reason}", end - 1),
        }
    };
    super::str::new_str(&text)
}

const FIELDS: [&str; 5] = ["encoding", "object", "start", "end", "reason"];

/// `encoding`, `object`, `start`, `end`, `reason`: the constructor's arguments until assigned
/// (an assignment is kept in the instance dict and leaves `args` alone, as in CPython).
pub(crate) static UNICODE_ERROR_GETSETS: &[super::builtin::GetSetDef] = &[
    unicode_error_field!(0),
    unicode_error_field!(1),
    unicode_error_field!(2),
    unicode_error_field!(3),
    unicode_error_field!(4),
];

/// Field `i` of a Unicode error: its assigned value, else argument `i` (`None` if missing).
fn error_field(o: &PyObject, i: usize) -> PyResult<Obj> {
    let key = &super::immortal::intern(FIELDS[i]).ob_base;
    if let Some(assigned) = super::attr::instance_dict(o)?.and_then(|d| super::dict::as_dict(&d)?.get_str(key)) {
        return Ok(assigned);
    }
    let args = super::exceptions::as_exception(o).and_then(|e| e.fields().args.clone());
    Ok(args
        .and_then(|a| super::tuple::items(&a).get(i).cloned())
        .unwrap_or_else(|| Obj::new_ref(super::immortal::immortals().none)))
}

/// Assigns field `i` of a Unicode error.
fn set_error_field(o: &PyObject, i: usize, v: Option<&PyObject>) -> PyResult<()> {
    let v = v.ok_or_else(|| PyErr::type_error("can't delete attribute"))?;
    match super::attr::instance_dict(o)? {
        Some(d) => super::dict::as_dict(&d)
            .expect("an instance dict")
            .set(Obj::new_ref(&super::immortal::intern(FIELDS[i]).ob_base), Obj::new_ref(v)),
        None => Ok(()),
    }
}

/// What a decoder does with a bad byte range.
#[derive(Clone, Copy, PartialEq, Eq)]
enum DecodeHandler {
    Strict,
    Ignore,
    Replace,
    BackslashReplace,
}

fn decode_handler(errors: &str) -> PyResult<DecodeHandler> {
    Ok(match errors {
        "strict" => DecodeHandler::Strict,
        "ignore" => DecodeHandler::Ignore,
        "replace" => DecodeHandler::Replace,
        "backslashreplace" => DecodeHandler::BackslashReplace,
        _ => return Err(unknown_handler(errors)),
    })
}

/// The UTF-8 byte order mark `utf-8-sig` writes and skips.
const UTF8_BOM: [u8; 3] = [0xef, 0xbb, 0xbf];

/// `data.decode(encoding, errors)`.
pub fn decode(data: &[u8], encoding: &str, errors: &str) -> PyResult<String> {
    match lookup(encoding)? {
        // The rest is plain UTF-8, and its errors are the UTF-8 codec's (positions after the mark).
        Codec::Utf8Sig => decode_with(data.strip_prefix(&UTF8_BOM[..]).unwrap_or(data), Codec::Utf8, errors),
        codec => decode_with(data, codec, errors),
    }
}

fn decode_with(data: &[u8], codec: Codec, errors: &str) -> PyResult<String> {
    // CPython looks the handler up only when an error happens; so do we.
    let handler = || decode_handler(errors);
    let mut out = String::with_capacity(data.len());
    let bad = |out: &mut String, start: usize, end: usize, reason: &str| -> PyResult<()> {
        match handler()? {
            DecodeHandler::Strict => return Err(decode_error(codec, data, start, end, reason)),
            DecodeHandler::Ignore => {}
            DecodeHandler::Replace => out.push('\u{FFFD}'),
            DecodeHandler::BackslashReplace => {
                for b in &data[start..end] {
                    out.push_str(&format!("\\x{b:02x}"));
                }
            }
        }
        Ok(())
    };
    match codec {
        Codec::Latin1 => out.extend(data.iter().map(|&b| b as char)),
        Codec::Ascii => {
            for (i, &b) in data.iter().enumerate() {
                if b < 0x80 {
                    out.push(b as char);
                } else {
                    bad(&mut out, i, i + 1, "ordinal not in range(128)")?;
                }
            }
        }
        Codec::Utf8 | Codec::Utf8Sig => {
            let mut at = 0;
            while at < data.len() {
                match std::str::from_utf8(&data[at..]) {
                    Ok(s) => {
                        out.push_str(s);
                        break;
                    }
                    Err(e) => {
                        let good = e.valid_up_to();
                        // The prefix was just validated, so this never falls back.
                        out.push_str(std::str::from_utf8(&data[at..at + good]).unwrap_or_default());
                        let start = at + good;
                        let (len, reason) = match e.error_len() {
                            None => (data.len() - start, "unexpected end of data"),
                            Some(n) => {
                                let lead = data[start];
                                let valid_lead = (0xC2..=0xF4).contains(&lead);
                                (
                                    n,
                                    if n == 1 && !valid_lead {
                                        "invalid start byte"
                                    } else {
                                        "invalid continuation byte"
                                    },
                                )
                            }
                        };
                        bad(&mut out, start, start + len, reason)?;
                        at = start + len;
                    }
                }
            }
        }
        Codec::Utf16(order) => {
            let (little, mut at) = read_mark(data, order, &[0xff, 0xfe], &[0xfe, 0xff]);
            let unit = |i: usize| {
                let pair = [data[i], data[i + 1]];
                if little { u16::from_le_bytes(pair) } else { u16::from_be_bytes(pair) }
            };
            while at < data.len() {
                if at + 2 > data.len() {
                    bad(&mut out, at, data.len(), "truncated data")?;
                    break;
                }
                let u = unit(at);
                match u {
                    0xD800..=0xDBFF => {
                        if at + 4 > data.len() {
                            // A high surrogate with no room for its pair.
                            let end = data.len();
                            bad(&mut out, at, end, "unexpected end of data")?;
                            break;
                        }
                        let low = unit(at + 2);
                        if (0xDC00..=0xDFFF).contains(&low) {
                            let cp = 0x10000 + ((u as u32 - 0xD800) << 10) + (low as u32 - 0xDC00);
                            out.push(char::from_u32(cp).unwrap_or('\u{FFFD}'));
                            at += 4;
                        } else {
                            bad(&mut out, at, at + 2, "illegal UTF-16 surrogate")?;
                            at += 2;
                        }
                    }
                    0xDC00..=0xDFFF => {
                        bad(&mut out, at, at + 2, "illegal encoding")?;
                        at += 2;
                    }
                    _ => {
                        out.push(char::from_u32(u as u32).unwrap_or('\u{FFFD}'));
                        at += 2;
                    }
                }
            }
        }
        Codec::Utf32(order) => {
            let (little, mut at) = read_mark(data, order, &[0xff, 0xfe, 0, 0], &[0, 0, 0xfe, 0xff]);
            while at < data.len() {
                if at + 4 > data.len() {
                    bad(&mut out, at, data.len(), "truncated data")?;
                    break;
                }
                let quad = [data[at], data[at + 1], data[at + 2], data[at + 3]];
                let cp = if little { u32::from_le_bytes(quad) } else { u32::from_be_bytes(quad) };
                match char::from_u32(cp) {
                    Some(c) => out.push(c),
                    None if (0xD800..0xE000).contains(&cp) => {
                        bad(&mut out, at, at + 4, "code point in surrogate code point range(0xd800, 0xe000)")?
                    }
                    None => bad(&mut out, at, at + 4, "code point not in range(0x110000)")?,
                }
                at += 4;
            }
        }
    }
    Ok(out)
}

/// The byte order of UTF-16/32 input and where the text starts (after a byte order mark, which
/// only the marked codec reads; without one it reads little-endian).
fn read_mark(data: &[u8], order: ByteOrder, le_mark: &[u8], be_mark: &[u8]) -> (bool, usize) {
    match order {
        ByteOrder::Little => (true, 0),
        ByteOrder::Big => (false, 0),
        ByteOrder::Marked if data.starts_with(le_mark) => (true, le_mark.len()),
        ByteOrder::Marked if data.starts_with(be_mark) => (false, be_mark.len()),
        ByteOrder::Marked => (true, 0),
    }
}

/// `text.encode(encoding, errors)`.
pub fn encode(text: &str, encoding: &str, errors: &str) -> PyResult<Vec<u8>> {
    let codec = lookup(encoding)?;
    match codec {
        Codec::Utf8 => return Ok(text.as_bytes().to_vec()),
        Codec::Utf8Sig => return Ok([&UTF8_BOM[..], text.as_bytes()].concat()),
        Codec::Utf16(order) => {
            let mut out = Vec::with_capacity(text.len() * 2 + 2);
            if order == ByteOrder::Marked {
                out.extend_from_slice(&[0xff, 0xfe]);
            }
            for u in text.encode_utf16() {
                out.extend_from_slice(&if order == ByteOrder::Big { u.to_be_bytes() } else { u.to_le_bytes() });
            }
            return Ok(out);
        }
        Codec::Utf32(order) => {
            let mut out = Vec::with_capacity(text.len() * 4 + 4);
            if order == ByteOrder::Marked {
                out.extend_from_slice(&[0xff, 0xfe, 0, 0]);
            }
            for c in text.chars() {
                let c = c as u32;
                out.extend_from_slice(&if order == ByteOrder::Big { c.to_be_bytes() } else { c.to_le_bytes() });
            }
            return Ok(out);
        }
        Codec::Ascii | Codec::Latin1 => {}
    }
    let limit = codec.limit();
    let chars: Vec<char> = text.chars().collect();
    let mut out = Vec::with_capacity(chars.len());
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if (c as u32) < limit {
            out.push(c as u32 as u8);
            i += 1;
            continue;
        }
        let end = chars[i..].iter().position(|&c| (c as u32) < limit).map_or(chars.len(), |n| i + n);
        match errors {
            "strict" => return Err(encode_error(codec, text, i, end)),
            "ignore" => {}
            "replace" => out.extend(std::iter::repeat_n(b'?', end - i)),
            "backslashreplace" => {
                for &c in &chars[i..end] {
                    let cp = c as u32;
                    let esc = if cp < 0x100 {
                        format!("\\x{cp:02x}")
                    } else if cp < 0x10000 {
                        format!("\\u{cp:04x}")
                    } else {
                        format!("\\U{cp:08x}")
                    };
                    out.extend_from_slice(esc.as_bytes());
                }
            }
            "xmlcharrefreplace" => {
                for &c in &chars[i..end] {
                    out.extend_from_slice(format!("&#{};", c as u32).as_bytes());
                }
            }
            _ => return Err(unknown_handler(errors)),
        }
        i = end;
    }
    Ok(out)
}

/// `str.encode(encoding='utf-8', errors='strict')`.
pub(crate) fn str_encode(a: &[super::obj::Obj], k: Option<&super::header::PyObject>) -> PyResult<super::obj::Obj> {
    use super::builtin::args;
    use super::str::str_value;
    let pos = args::positional(a, k);
    let (recv, rest) = pos.split_first().ok_or_else(|| PyErr::type_error("encode() needs a receiver"))?;
    let total = rest.len() + args::keywords(a, k).count();
    if total > 2 {
        return Err(PyErr::type_error(format!("encode() takes at most 2 arguments ({total} given)")));
    }
    let mut slots = [rest.first(), rest.get(1)];
    for (key, v) in args::keywords(a, k) {
        let i = match key {
            "encoding" => 0,
            "errors" => 1,
            _ => return Err(PyErr::type_error(format!("encode() got an unexpected keyword argument '{key}'"))),
        };
        slots[i] = Some(v);
    }
    let text_arg = |o: Option<&super::obj::Obj>, what: &str, default: &'static str| -> PyResult<String> {
        match o {
            None => Ok(default.to_owned()),
            Some(v) => str_value(v).map(str::to_owned).ok_or_else(|| {
                PyErr::type_error(format!("encode() argument '{what}' must be str, not {}", v.type_object().name()))
            }),
        }
    };
    let encoding = text_arg(slots[0], "encoding", "utf-8")?;
    let errors = text_arg(slots[1], "errors", "strict")?;
    super::bytes::new_bytes(&encode(str_value(recv).unwrap_or(""), &encoding, &errors)?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn encoding_names_normalise_like_cpython() {
        assert_eq!(lookup("UTF-8").ok(), Some(Codec::Utf8));
        assert_eq!(lookup("utf8").ok(), Some(Codec::Utf8));
        assert_eq!(lookup("Latin-1").ok(), Some(Codec::Latin1));
        assert_eq!(lookup("iso-8859-1").ok(), Some(Codec::Latin1));
        assert_eq!(lookup("US-ASCII").ok(), Some(Codec::Ascii));
        assert_eq!(lookup("UTF-16LE").ok(), Some(Codec::Utf16(ByteOrder::Little)));
        assert_eq!(lookup("utf_32_be").ok(), Some(Codec::Utf32(ByteOrder::Big)));
        assert_eq!(lookup("UTF-8-SIG").ok(), Some(Codec::Utf8Sig));
    }
}
