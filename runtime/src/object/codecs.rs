//! The builtin text codecs `str.encode` and `bytes.decode` use: UTF-8 (and `utf-8-sig`, with
//! a byte order mark), ASCII, Latin-1, and
//! UTF-16 / UTF-32 (little- or big-endian, or with a byte order mark: written little-endian,
//! read by the mark), `unicode_escape` and `raw_unicode_escape` (`super::codecs_escape`), with
//! CPython's builtin error handlers: `strict`, `ignore`, `replace`,
//! `backslashreplace`, `surrogateescape`, `surrogatepass`, and (encoding only)
//! `xmlcharrefreplace` and `namereplace`.
//!
//! The codecs work on code points, so lone surrogates go both ways: `surrogateescape` decodes
//! each undecodable byte `0xNN` (>= 0x80) to U+DCNN and encodes those back to the byte;
//! `surrogatepass` writes and reads a surrogate in the codec's own form (three bytes in UTF-8,
//! one unit in UTF-16/32). An error is a range (bytes when decoding, characters when encoding)
//! and a reason; the handler answers with a replacement and the position to resume at, as
//! CPython's handler protocol does: the encoders hand a whole run of unencodable characters to
//! one call (UTF-16/32 one character), the decoders one maximal bad subpart.
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
//! Any other handler name is looked up in the codec registry of `_codecs`
//! (`codecs.register_error`), reached through the import seam: the registered callable gets the
//! `UnicodeDecodeError`/`UnicodeEncodeError` and answers `(replacement, position)`; an unknown
//! name is `LookupError: unknown error handler name '...'`.

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
    /// `unicode_escape` (Python string-literal escapes over Latin-1; `super::codecs_escape`)
    UnicodeEscape,
    /// `raw_unicode_escape` (only `\\u`/`\\U` escapes)
    RawUnicodeEscape,
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
            Codec::UnicodeEscape => "unicodeescape",
            Codec::RawUnicodeEscape => "rawunicodeescape",
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
        "unicode_escape" => Ok(Codec::UnicodeEscape),
        "raw_unicode_escape" => Ok(Codec::RawUnicodeEscape),
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
            .map(|s| s.code_point_at(start as usize));
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
    let args = super::exceptions::as_exception(o).and_then(|e| e.args().get());
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

/// An error handler: what a codec does with bytes it cannot decode or characters it cannot
/// encode (CPython's builtin handlers, `Python/codecs.c`), or a handler registered by name with
/// `codecs.register_error`.
#[derive(Clone, Debug)]
enum Handler {
    Strict,
    Ignore,
    Replace,
    BackslashReplace,
    XmlCharRefReplace,
    NameReplace,
    SurrogateEscape,
    SurrogatePass,
    /// A callable taking the Unicode error and answering `(replacement, resume_position)`.
    Registered(Obj),
}

/// The handler named `errors` (looked up only when an error happens, as CPython does): a
/// builtin one, else the registry's (`_codecs.lookup_error`, reached through the import seam,
/// whose `LookupError` says `unknown error handler name '...'`).
fn handler(errors: &str) -> PyResult<Handler> {
    Ok(match errors {
        "strict" => Handler::Strict,
        "ignore" => Handler::Ignore,
        "replace" => Handler::Replace,
        "backslashreplace" => Handler::BackslashReplace,
        "xmlcharrefreplace" => Handler::XmlCharRefReplace,
        "namereplace" => Handler::NameReplace,
        "surrogateescape" => Handler::SurrogateEscape,
        "surrogatepass" => Handler::SurrogatePass,
        _ => Handler::Registered(registered_handler(errors)?),
    })
}

/// `codecs.lookup_error(name)` for a name that is not builtin.
#[cold]
fn registered_handler(errors: &str) -> PyResult<Obj> {
    let registry = super::import_seam::import_module("_codecs").map_err(|_| unknown_handler(errors))?;
    let lookup = super::abstract_ops::get_attr_str(&registry, "lookup_error")?;
    super::abstract_ops::call(&lookup, &[super::str::new_str(errors)?], None)
}

/// Calls a registered handler with the Unicode error `exc` and checks its answer, CPython's
/// `(str, int)` tuple (`bytes` too when encoding): the replacement and the position to resume
/// at, a negative one counted from the end of `len` items.
#[cold]
fn call_registered(f: &PyObject, exc: PyErr, encoding: bool, len: usize) -> PyResult<(Obj, usize)> {
    let exc = exc.into_object();
    let answer = super::abstract_ops::call(f, &[exc], None)?;
    let shape_error = || {
        PyErr::type_error(if encoding {
            "encoding error handler must return (str/bytes, int) tuple"
        } else {
            "decoding error handler must return (str, int) tuple"
        })
    };
    if !super::abstract_ops::is_instance(&answer, super::immortal::types().tuple_type) {
        return Err(shape_error());
    }
    let [replacement, position] = super::tuple::items(&answer) else { return Err(shape_error()) };
    let is_text = super::str::as_str_object(replacement).is_some();
    let is_bytes = encoding && super::bytes::bytes_value(replacement).is_some();
    let Some(position) = super::int::int_value(position).filter(|_| is_text || is_bytes) else {
        return Err(shape_error());
    };
    let resolved = if position < 0 { len as i64 + position } else { position };
    if resolved < 0 || resolved > len as i64 {
        return Err(super::exceptions::raise_msg(
            super::immortal::types().exc.named("IndexError"),
            &format!("position {position} from error handler out of bounds"),
        ));
    }
    Ok((replacement.clone(), resolved as usize))
}

/// The `TypeError` a handler that only encodes raises for a decode error.
#[cold]
fn wrong_direction(kind: &str) -> PyErr {
    PyErr::type_error(format!("don't know how to handle {kind} in error callback"))
}

/// The UTF-8 byte order mark `utf-8-sig` writes and skips.
const UTF8_BOM: [u8; 3] = [0xef, 0xbb, 0xbf];

/// Whether CPython codes `encoding` without its codec registry (`PyUnicode_Decode` and
/// `PyUnicode_AsEncodedString` special-case these spellings); an error from any other name gets
/// the note `encoding with 'NAME' codec failed`, as the registry's `wrap_codec_error` adds.
fn is_fast_path_name(encoding: &str) -> bool {
    let mut norm = String::with_capacity(encoding.len());
    let mut punct = false;
    for c in encoding.chars() {
        if c.is_ascii_alphanumeric() || c == '.' {
            if punct && !norm.is_empty() {
                norm.push('_');
            }
            punct = false;
            norm.push(c.to_ascii_lowercase());
        } else {
            punct = true;
        }
    }
    if let Some(rest) = norm.strip_prefix("utf") {
        return matches!(rest.strip_prefix('_').unwrap_or(rest), "8" | "16" | "32");
    }
    matches!(norm.as_str(), "ascii" | "us_ascii" | "latin1" | "latin_1" | "iso_8859_1" | "iso8859_1")
}

/// Adds CPython's registry note to an error of a codec named `encoding` (see above).
#[cold]
fn with_codec_note(err: PyErr, operation: &str, encoding: &str) -> PyErr {
    if is_fast_path_name(encoding) {
        return err;
    }
    let exc = err.into_object();
    let note = super::str::new_str(&format!("{operation} with '{encoding}' codec failed"));
    match note.and_then(|n| super::exceptions::add_note(&exc, n)) {
        Ok(()) => PyErr::from_object(exc),
        Err(e) => e,
    }
}

/// `data.decode(encoding, errors)`: a `str` (which may hold lone surrogates, from
/// `surrogateescape` / `surrogatepass`).
pub fn decode(data: &[u8], encoding: &str, errors: &str) -> PyResult<Obj> {
    let codec = lookup(encoding)?;
    decode_as(data, codec, errors).map_err(|e| with_codec_note(e, "decoding", encoding))
}

fn decode_as(data: &[u8], codec: Codec, errors: &str) -> PyResult<Obj> {
    let (codec, data) = match codec {
        // The rest is plain UTF-8, and its errors are the UTF-8 codec's (positions after the mark).
        Codec::Utf8Sig => (Codec::Utf8, data.strip_prefix(&UTF8_BOM[..]).unwrap_or(data)),
        codec => (codec, data),
    };
    // Fast paths: input the codec takes without an error becomes the text directly.
    match codec {
        Codec::Utf8 => {
            if let Ok(text) = std::str::from_utf8(data) {
                return super::str::new_str(text);
            }
        }
        Codec::Ascii if data.is_ascii() => {
            // ASCII bytes are valid UTF-8.
            return super::str::new_str(std::str::from_utf8(data).unwrap_or_default());
        }
        Codec::Latin1 => return super::str::new_str(&data.iter().map(|&b| b as char).collect::<String>()),
        _ => {}
    }
    super::str::new_str_from_code_points(&decode_code_points(data, codec, errors)?)
}

/// `X_decode(data, errors, final)` of the `_codecs` functions: the text of the longest prefix
/// of `data` that holds no incomplete sequence at its end (all of it when `is_final`), and that
/// prefix's length — what an incremental decoder consumed.
pub(crate) fn decode_partial(data: &[u8], codec: Codec, errors: &str, is_final: bool) -> PyResult<(Obj, usize)> {
    let cut = if is_final { data.len() } else { complete_prefix(codec, data) };
    Ok((decode_as(&data[..cut], codec, errors)?, cut))
}

/// The length of `data` without an incomplete sequence at its end.
fn complete_prefix(codec: Codec, data: &[u8]) -> usize {
    match codec {
        Codec::Utf8 | Codec::Utf8Sig => data.len() - incomplete_utf8_tail(data),
        Codec::Utf16(order) => {
            let mut end = data.len() - data.len() % 2;
            let big = order == ByteOrder::Big || (order == ByteOrder::Marked && data.starts_with(&[0xfe, 0xff]));
            if end >= 2 {
                let pair = [data[end - 2], data[end - 1]];
                let unit = if big { u16::from_be_bytes(pair) } else { u16::from_le_bytes(pair) };
                if (0xD800..=0xDBFF).contains(&unit) {
                    // A high surrogate waits for its low half.
                    end -= 2;
                }
            }
            end
        }
        Codec::Utf32(_) => data.len() - data.len() % 4,
        Codec::Ascii | Codec::Latin1 | Codec::UnicodeEscape | Codec::RawUnicodeEscape => data.len(),
    }
}

/// How many bytes at the end of `data` start a UTF-8 sequence that is valid so far but not
/// complete (0 when none): a lead byte and fewer continuation bytes than it announces.
fn incomplete_utf8_tail(data: &[u8]) -> usize {
    for k in 1..=data.len().min(3) {
        let tail = &data[data.len() - k..];
        let need = match tail[0] {
            0xC2..=0xDF => 2,
            0xE0..=0xEF => 3,
            0xF0..=0xF4 => 4,
            0x80..=0xBF => continue,
            _ => return 0,
        };
        let second_ok = |b: u8| match tail[0] {
            0xE0 => (0xA0..=0xBF).contains(&b),
            0xED => (0x80..=0x9F).contains(&b),
            0xF0 => (0x90..=0xBF).contains(&b),
            0xF4 => (0x80..=0x8F).contains(&b),
            _ => (0x80..=0xBF).contains(&b),
        };
        let rest_ok =
            tail[1..].iter().enumerate().all(|(i, &b)| if i == 0 { second_ok(b) } else { (0x80..=0xBF).contains(&b) });
        return if need > k && rest_ok { k } else { 0 };
    }
    0
}

/// Decodes `data` with a codec already looked up into generalised UTF-8 (a lone surrogate a
/// handler produced as its three-byte pattern), for text files.
pub(crate) fn decode_wtf8(data: &[u8], codec: Codec, errors: &str) -> PyResult<Vec<u8>> {
    if matches!(codec, Codec::Utf8 | Codec::Utf8Sig) && std::str::from_utf8(data).is_ok() {
        return Ok(data.to_vec());
    }
    let mut out = Vec::with_capacity(data.len());
    for c in decode_code_points(data, codec, errors)? {
        put_code_point(&mut out, Codec::Utf8, c);
    }
    Ok(out)
}

/// The number of bytes the generalised UTF-8 `text` takes in `codec` (no byte order mark):
/// how far a text file's position moves over text it returned.
pub(crate) fn encoded_len(codec: Codec, text: &[u8]) -> usize {
    let leads = || text.iter().filter(|&&b| b & 0xC0 != 0x80);
    match codec {
        Codec::Utf8 | Codec::Utf8Sig => text.len(),
        Codec::Ascii | Codec::Latin1 | Codec::UnicodeEscape | Codec::RawUnicodeEscape => leads().count(),
        Codec::Utf16(_) => leads().map(|&b| if b >= 0xF0 { 4 } else { 2 }).sum(),
        Codec::Utf32(_) => 4 * leads().count(),
    }
}

/// A decoding error: the bad bytes `data[start..end]` and why.
pub(super) struct DecodeError<'a> {
    pub(super) data: &'a [u8],
    pub(super) codec: Codec,
    pub(super) start: usize,
    pub(super) end: usize,
    pub(super) reason: &'a str,
}

/// Runs the handler named `errors` on a decoding error: appends its replacement to `out` and
/// gives the position decoding resumes at, or the error to raise.
pub(super) fn handle_decode_error(e: DecodeError<'_>, errors: &str, out: &mut Vec<u32>) -> PyResult<usize> {
    let DecodeError { data, codec, start, end, reason } = e;
    let raise = || decode_error(codec, data, start, end, reason);
    match handler(errors)? {
        Handler::Registered(f) => {
            let (replacement, resume) = call_registered(&f, raise(), false, data.len())?;
            let text = super::str::as_str_object(&replacement).expect("checked to be a str");
            out.extend(text.code_points());
            Ok(resume)
        }
        Handler::Strict => Err(raise()),
        Handler::Ignore => Ok(end),
        Handler::Replace => {
            out.push(0xFFFD);
            Ok(end)
        }
        Handler::BackslashReplace => {
            for b in &data[start..end] {
                out.extend(format!("\\x{b:02x}").chars().map(u32::from));
            }
            Ok(end)
        }
        Handler::XmlCharRefReplace | Handler::NameReplace => Err(wrong_direction("UnicodeDecodeError")),
        Handler::SurrogateEscape => {
            // At most four bytes, each >= 0x80 (an ASCII byte cannot be smuggled).
            let taken = data[start..end].iter().take(4).take_while(|&&b| b >= 0x80).count();
            if taken == 0 {
                return Err(raise());
            }
            out.extend(data[start..start + taken].iter().map(|&b| 0xDC00 + b as u32));
            Ok(start + taken)
        }
        Handler::SurrogatePass => match encoded_surrogate(codec, &data[start..]) {
            Some((cp, len)) => {
                out.push(cp);
                Ok(start + len)
            }
            None => Err(raise()),
        },
    }
}

/// The decoder: code points of `data`, the handler named `errors` deciding each bad range.
/// Each error is a byte range `start..end` with a reason; the handler gives what to append and
/// where decoding resumes (`surrogateescape` may take fewer bytes than the range, and
/// `surrogatepass` reads an encoded surrogate that starts at `start`).
fn decode_code_points(data: &[u8], codec: Codec, errors: &str) -> PyResult<Vec<u32>> {
    // A byte order mark decides the byte order of a marked UTF-16/32 codec before anything is
    // decoded, and errors then name the order read (`'utf-16-le' codec can't decode ...`).
    let (codec, mark_len) = match codec {
        Codec::Utf16(order) => {
            let (little, at) = read_mark(data, order, &[0xff, 0xfe], &[0xfe, 0xff]);
            (Codec::Utf16(if little { ByteOrder::Little } else { ByteOrder::Big }), at)
        }
        Codec::Utf32(order) => {
            let (little, at) = read_mark(data, order, &[0xff, 0xfe, 0, 0], &[0, 0, 0xfe, 0xff]);
            (Codec::Utf32(if little { ByteOrder::Little } else { ByteOrder::Big }), at)
        }
        codec => (codec, 0),
    };
    let mut out: Vec<u32> = Vec::with_capacity(data.len());
    let bad = |out: &mut Vec<u32>, start: usize, end: usize, reason: &str| {
        handle_decode_error(DecodeError { data, codec, start, end, reason }, errors, out)
    };
    match codec {
        Codec::UnicodeEscape | Codec::RawUnicodeEscape => return super::codecs_escape::decode(data, codec, errors),
        Codec::Latin1 => out.extend(data.iter().map(|&b| b as u32)),
        Codec::Ascii => {
            let mut at = 0;
            while at < data.len() {
                if data[at] < 0x80 {
                    out.push(data[at] as u32);
                    at += 1;
                } else {
                    at = bad(&mut out, at, at + 1, "ordinal not in range(128)")?;
                }
            }
        }
        Codec::Utf8 | Codec::Utf8Sig => {
            let mut at = 0;
            while at < data.len() {
                match std::str::from_utf8(&data[at..]) {
                    Ok(s) => {
                        out.extend(s.chars().map(u32::from));
                        break;
                    }
                    Err(e) => {
                        let good = e.valid_up_to();
                        // The prefix was just validated, so this never falls back.
                        out.extend(
                            std::str::from_utf8(&data[at..at + good]).unwrap_or_default().chars().map(u32::from),
                        );
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
                        at = bad(&mut out, start, start + len, reason)?;
                    }
                }
            }
        }
        Codec::Utf16(order) => {
            let (little, mut at) = (order == ByteOrder::Little, mark_len);
            let unit = |i: usize| {
                let pair = [data[i], data[i + 1]];
                if little { u16::from_le_bytes(pair) } else { u16::from_be_bytes(pair) }
            };
            while at < data.len() {
                if at + 2 > data.len() {
                    at = bad(&mut out, at, data.len(), "truncated data")?;
                    continue;
                }
                let u = unit(at);
                match u {
                    0xD800..=0xDBFF => {
                        if at + 4 > data.len() {
                            // A high surrogate with no room for its pair.
                            at = bad(&mut out, at, data.len(), "unexpected end of data")?;
                            continue;
                        }
                        let low = unit(at + 2);
                        if (0xDC00..=0xDFFF).contains(&low) {
                            out.push(0x10000 + ((u as u32 - 0xD800) << 10) + (low as u32 - 0xDC00));
                            at += 4;
                        } else {
                            at = bad(&mut out, at, at + 2, "illegal UTF-16 surrogate")?;
                        }
                    }
                    0xDC00..=0xDFFF => at = bad(&mut out, at, at + 2, "illegal encoding")?,
                    _ => {
                        out.push(u as u32);
                        at += 2;
                    }
                }
            }
        }
        Codec::Utf32(order) => {
            let (little, mut at) = (order == ByteOrder::Little, mark_len);
            while at < data.len() {
                if at + 4 > data.len() {
                    at = bad(&mut out, at, data.len(), "truncated data")?;
                    continue;
                }
                let quad = [data[at], data[at + 1], data[at + 2], data[at + 3]];
                let cp = if little { u32::from_le_bytes(quad) } else { u32::from_be_bytes(quad) };
                at = match cp {
                    0xD800..=0xDFFF => {
                        bad(&mut out, at, at + 4, "code point in surrogate code point range(0xd800, 0xe000)")?
                    }
                    0x110000.. => bad(&mut out, at, at + 4, "code point not in range(0x110000)")?,
                    _ => {
                        out.push(cp);
                        at + 4
                    }
                };
            }
        }
    }
    Ok(out)
}

/// `surrogatepass` when decoding: the surrogate encoded at the start of `rest` in the codec's
/// form, and its length in bytes (CPython's `PyCodec_SurrogatePassErrors`).
fn encoded_surrogate(codec: Codec, rest: &[u8]) -> Option<(u32, usize)> {
    let (cp, len) = match codec {
        Codec::Utf8 | Codec::Utf8Sig => match rest {
            [a, b, c, ..] if a & 0xf0 == 0xe0 && b & 0xc0 == 0x80 && c & 0xc0 == 0x80 => {
                (((*a as u32 & 0x0f) << 12) | ((*b as u32 & 0x3f) << 6) | (*c as u32 & 0x3f), 3)
            }
            _ => return None,
        },
        Codec::Utf16(order) => match rest {
            [a, b, ..] => (
                if order == ByteOrder::Big { u16::from_be_bytes([*a, *b]) } else { u16::from_le_bytes([*a, *b]) }
                    as u32,
                2,
            ),
            _ => return None,
        },
        Codec::Utf32(order) => match rest {
            [a, b, c, d, ..] => {
                let quad = [*a, *b, *c, *d];
                (if order == ByteOrder::Big { u32::from_be_bytes(quad) } else { u32::from_le_bytes(quad) }, 4)
            }
            _ => return None,
        },
        Codec::Ascii | Codec::Latin1 | Codec::UnicodeEscape | Codec::RawUnicodeEscape => return None,
    };
    super::str::is_surrogate(cp).then_some((cp, len))
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

/// `text.encode(encoding, errors)` of a `str` object `text` (lone surrogates included).
pub fn encode(text: &PyObject, encoding: &str, errors: &str) -> PyResult<Vec<u8>> {
    let codec = lookup(encoding)?;
    encode_as(text, codec, errors).map_err(|e| with_codec_note(e, "encoding", encoding))
}

/// `text.encode()` with a codec already looked up (text files).
pub(crate) fn encode_as(text: &PyObject, codec: Codec, errors: &str) -> PyResult<Vec<u8>> {
    let s = super::str::as_str_object(text).ok_or_else(|| PyErr::type_error("encode() needs a str"))?;
    if !s.has_lone_surrogates() {
        match codec {
            Codec::Utf8 => return Ok(s.as_str().as_bytes().to_vec()),
            Codec::Utf8Sig => return Ok([&UTF8_BOM[..], s.as_str().as_bytes()].concat()),
            Codec::Ascii if s.is_ascii() => return Ok(s.as_str().as_bytes().to_vec()),
            _ => {}
        }
    }
    let points: Vec<u32> = s.code_points().collect();
    let mut out = Vec::with_capacity(points.len() + 4);
    if matches!(codec, Codec::UnicodeEscape | Codec::RawUnicodeEscape) {
        // Every code point has an escape: these encoders never fail.
        points.iter().for_each(|&c| put_code_point(&mut out, codec, c));
        return Ok(out);
    }
    let codec = match codec {
        Codec::Utf8Sig => {
            out.extend_from_slice(&UTF8_BOM);
            Codec::Utf8
        }
        Codec::Utf16(ByteOrder::Marked) => {
            out.extend_from_slice(&[0xff, 0xfe]);
            codec
        }
        Codec::Utf32(ByteOrder::Marked) => {
            out.extend_from_slice(&[0xff, 0xfe, 0, 0]);
            codec
        }
        _ => codec,
    };
    let limit = codec.limit();
    let encodable = |c: u32| c < limit && !super::str::is_surrogate(c);
    let mut i = 0;
    while i < points.len() {
        let c = points[i];
        if encodable(c) {
            put_code_point(&mut out, codec, c);
            i += 1;
            continue;
        }
        // The run of unencodable characters one error covers: a run of them for the 8-bit
        // codecs and UTF-8, one character for UTF-16/32 (as CPython's encoders group them).
        let end = match codec {
            Codec::Utf16(_) | Codec::Utf32(_) => i + 1,
            _ => points[i..].iter().position(|&c| encodable(c)).map_or(points.len(), |n| i + n),
        };
        let reason = if limit == 0x110000 {
            "surrogates not allowed".to_owned()
        } else {
            format!("ordinal not in range({limit})")
        };
        let raise =
            |start: usize| unicode_error("UnicodeEncodeError", codec, Ok(Obj::new_ref(text)), start, end, &reason);
        match handler(errors)? {
            Handler::Registered(f) => {
                let (replacement, resume) = call_registered(&f, raise(i), true, points.len())?;
                match super::bytes::bytes_value(&replacement) {
                    Some(raw) => out.extend_from_slice(raw),
                    None => {
                        let text = super::str::as_str_object(&replacement).expect("checked to be a str");
                        for c in text.code_points() {
                            if !encodable(c) {
                                return Err(raise(i));
                            }
                            put_code_point(&mut out, codec, c);
                        }
                    }
                }
                i = resume;
                continue;
            }
            Handler::Strict => return Err(raise(i)),
            Handler::Ignore => {}
            Handler::Replace => (i..end).for_each(|_| put_code_point(&mut out, codec, '?' as u32)),
            Handler::BackslashReplace => {
                for &c in &points[i..end] {
                    put_ascii(&mut out, codec, &backslash_escape(c));
                }
            }
            Handler::XmlCharRefReplace => {
                for &c in &points[i..end] {
                    put_ascii(&mut out, codec, &format!("&#{c};"));
                }
            }
            Handler::NameReplace => {
                for &c in &points[i..end] {
                    let named = char::from_u32(c).and_then(unicode_names2::name);
                    match named {
                        Some(name) => put_ascii(&mut out, codec, &format!("\\N{{{name}}}")),
                        None => put_ascii(&mut out, codec, &backslash_escape(c)),
                    }
                }
            }
            Handler::SurrogateEscape => {
                // Only U+DC80..U+DCFF go back to the bytes they came from, and only in the
                // 8-bit codecs and UTF-8; the error reports the rest of the run from the
                // first character that is not one of them.
                let smuggled = |c: u32| {
                    (0xDC80..=0xDCFF).contains(&c) && matches!(codec, Codec::Utf8 | Codec::Ascii | Codec::Latin1)
                };
                let k = points[i..end].iter().position(|&c| !smuggled(c)).map_or(end, |n| i + n);
                out.extend(points[i..k].iter().map(|&c| (c - 0xDC00) as u8));
                if k < end {
                    return Err(raise(k));
                }
            }
            Handler::SurrogatePass => {
                if !points[i..end].iter().all(|&c| super::str::is_surrogate(c))
                    || matches!(codec, Codec::Ascii | Codec::Latin1)
                {
                    return Err(raise(i));
                }
                for &c in &points[i..end] {
                    put_code_point(&mut out, codec, c);
                }
            }
        }
        i = end;
    }
    Ok(out)
}

/// `\xhh`, `\uhhhh` or `\Uhhhhhhhh` for code point `c` (`backslashreplace`).
fn backslash_escape(c: u32) -> String {
    if c < 0x100 {
        format!("\\x{c:02x}")
    } else if c < 0x10000 {
        format!("\\u{c:04x}")
    } else {
        format!("\\U{c:08x}")
    }
}

/// Appends ASCII text (a handler's replacement) in the codec's form.
fn put_ascii(out: &mut Vec<u8>, codec: Codec, text: &str) {
    for b in text.bytes() {
        put_code_point(out, codec, b as u32);
    }
}

/// Appends code point `c` (encodable by `codec`, or a surrogate passed through) in the codec's
/// form: UTF-8 writes a surrogate as its three-byte pattern (`surrogatepass`).
fn put_code_point(out: &mut Vec<u8>, codec: Codec, c: u32) {
    match codec {
        Codec::Ascii | Codec::Latin1 => out.push(c as u8),
        Codec::Utf8 | Codec::Utf8Sig => match c {
            0..=0x7F => out.push(c as u8),
            0x80..=0x7FF => out.extend_from_slice(&[0xC0 | (c >> 6) as u8, 0x80 | (c & 0x3F) as u8]),
            0x800..=0xFFFF => out.extend_from_slice(&[
                0xE0 | (c >> 12) as u8,
                0x80 | ((c >> 6) & 0x3F) as u8,
                0x80 | (c & 0x3F) as u8,
            ]),
            _ => out.extend_from_slice(&[
                0xF0 | (c >> 18) as u8,
                0x80 | ((c >> 12) & 0x3F) as u8,
                0x80 | ((c >> 6) & 0x3F) as u8,
                0x80 | (c & 0x3F) as u8,
            ]),
        },
        Codec::Utf16(order) => {
            let mut units = [0u16; 2];
            let units: &[u16] = match char::from_u32(c) {
                Some(ch) => ch.encode_utf16(&mut units),
                None => {
                    units[0] = c as u16;
                    &units[..1]
                }
            };
            for u in units {
                out.extend_from_slice(&if order == ByteOrder::Big { u.to_be_bytes() } else { u.to_le_bytes() });
            }
        }
        Codec::Utf32(order) => {
            out.extend_from_slice(&if order == ByteOrder::Big { c.to_be_bytes() } else { c.to_le_bytes() })
        }
        Codec::UnicodeEscape | Codec::RawUnicodeEscape => super::codecs_escape::put_code_point(out, codec, c),
    }
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
    super::bytes::new_bytes(&encode(recv, &encoding, &errors)?)
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

    #[test]
    fn fast_path_names_are_cpythons() {
        for name in ["utf-8", "UTF8", "utf_16", "UTF-32", "ascii", "US-ASCII", "latin-1", "ISO-8859-1", "iso8859-1"] {
            assert!(is_fast_path_name(name), "{name}");
        }
        for name in ["utf-16-le", "utf_16_be", "utf-8-sig", "u8", "l1", "646", "cp65001"] {
            assert!(!is_fast_path_name(name), "{name}");
        }
    }

    #[test]
    fn surrogatepass_reads_a_surrogate_in_each_form() {
        assert_eq!(encoded_surrogate(Codec::Utf8, b"\xed\xa0\x80x"), Some((0xD800, 3)));
        assert_eq!(encoded_surrogate(Codec::Utf8, b"\xed\x9f\xbf"), None);
        assert_eq!(encoded_surrogate(Codec::Utf16(ByteOrder::Big), b"\xdc\x00"), Some((0xDC00, 2)));
        assert_eq!(encoded_surrogate(Codec::Utf16(ByteOrder::Little), b"\x00\xdc"), Some((0xDC00, 2)));
        assert_eq!(encoded_surrogate(Codec::Utf32(ByteOrder::Little), b"\xff\xdf\x00\x00"), Some((0xDFFF, 4)));
        assert_eq!(encoded_surrogate(Codec::Latin1, b"\xed\xa0\x80"), None);
    }

    #[test]
    fn an_incomplete_end_is_left_for_the_next_chunk() {
        assert_eq!(incomplete_utf8_tail(b"ab\xe2\x82"), 2);
        assert_eq!(incomplete_utf8_tail(b"ab\xf0"), 1);
        assert_eq!(incomplete_utf8_tail(b"ab\xe2\x82\xac"), 0);
        // Not a valid start of a sequence: decoded (as an error) now, not held back.
        assert_eq!(incomplete_utf8_tail(b"\xe0\x80"), 0);
        assert_eq!(incomplete_utf8_tail(b"\xed\xa0"), 0);
        assert_eq!(incomplete_utf8_tail(b"\xff"), 0);
        assert_eq!(complete_prefix(Codec::Utf16(ByteOrder::Little), b"a\x00\x3d\xd8\x00"), 2);
        assert_eq!(complete_prefix(Codec::Utf16(ByteOrder::Marked), b"\xfe\xff\xd8\x3d"), 2);
        assert_eq!(complete_prefix(Codec::Utf32(ByteOrder::Big), b"\x00\x00\x00a\x00"), 4);
        assert_eq!(complete_prefix(Codec::Latin1, b"\xe2"), 1);
    }

    #[test]
    fn code_points_go_out_in_each_form() {
        let mut out = Vec::new();
        put_code_point(&mut out, Codec::Utf8, 0xDC80);
        put_code_point(&mut out, Codec::Utf16(ByteOrder::Big), 0x1F600);
        put_code_point(&mut out, Codec::Utf16(ByteOrder::Little), 0xD800);
        assert_eq!(out, b"\xed\xb2\x80\xd8\x3d\xde\x00\x00\xd8");
        assert_eq!(backslash_escape(0xe9), "\\xe9");
        assert_eq!(backslash_escape(0xd800), "\\ud800");
        assert_eq!(backslash_escape(0x1f600), "\\U0001f600");
    }
}
