//! The builtin text codecs `str.encode` and `bytes.decode` use: UTF-8, ASCII and Latin-1, with
//! the error handlers `strict`, `ignore`, `replace`, `backslashreplace` and (encoding)
//! `xmlcharrefreplace`.
//!
//! An encoding name is normalised as CPython's `encodings.normalize_encoding` does (lower case,
//! runs of punctuation and spaces become `_`) and then looked up among the aliases of the three
//! codecs. Errors are reported as CPython's codecs report them: the decoder names the bad byte
//! range (`can't decode byte 0xff in position 0: invalid start byte`, or `bytes in position
//! 0-1` for a range); the encoders group a run of unencodable characters into one error
//! (`can't encode characters in position 1-2`). The UTF-8 decoder's error ranges are the
//! "maximal subparts" of the Unicode standard, as in CPython (Rust's `Utf8Error::error_len`
//! gives the same ranges); `replace` puts one U+FFFD per range.
//!
//! Strings are Rust `str`s here, so they cannot hold lone surrogates: the `surrogateescape` and
//! `surrogatepass` handlers are not provided (they raise `LookupError` like an unknown name).

use crate::error::{PyErr, PyResult};

/// The codecs this module implements.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Codec {
    /// `utf-8`
    Utf8,
    /// `ascii`
    Ascii,
    /// `latin-1`
    Latin1,
}

impl Codec {
    /// The name error messages use.
    pub fn name(self) -> &'static str {
        match self {
            Codec::Utf8 => "utf-8",
            Codec::Ascii => "ascii",
            Codec::Latin1 => "latin-1",
        }
    }

    /// The largest code point the codec encodes, plus one (for `ordinal not in range(N)`).
    fn limit(self) -> u32 {
        match self {
            Codec::Utf8 => 0x110000,
            Codec::Ascii => 128,
            Codec::Latin1 => 256,
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
        "ascii" | "us_ascii" | "646" | "ansi_x3.4_1968" | "ansi_x3_4_1968" | "ansi_x3.4_1986" | "cp367" | "csascii"
        | "ibm367" | "iso646_us" | "iso_646.irv_1991" | "iso_ir_6" | "us" => Ok(Codec::Ascii),
        "latin_1" | "latin1" | "latin" | "l1" | "iso8859_1" | "iso_8859_1" | "8859" | "cp819" | "iso_ir_100"
        | "ibm819" | "iso8859" | "iso_8859_1_1987" | "csisolatin1" => Ok(Codec::Latin1),
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

/// `position N` or `position N-M` (inclusive end) as CPython's codec errors print it.
fn position(start: usize, end: usize) -> String {
    if end - start == 1 { format!("position {start}") } else { format!("position {start}-{}", end - 1) }
}

/// The `UnicodeDecodeError` for `data[start..end]`.
#[cold]
fn decode_error(codec: Codec, data: &[u8], start: usize, end: usize, reason: &str) -> PyErr {
    let msg = if end - start == 1 {
        format!("'{}' codec can't decode byte 0x{:02x} in position {start}: {reason}", codec.name(), data[start])
    } else {
        format!("'{}' codec can't decode bytes in {}: {reason}", codec.name(), position(start, end))
    };
    super::exceptions::raise_msg(super::immortal::types().exc.named("UnicodeDecodeError"), &msg)
}

/// The `UnicodeEncodeError` for the characters `start..end` (character indices).
#[cold]
fn encode_error(codec: Codec, first: char, start: usize, end: usize) -> PyErr {
    let reason = format!("ordinal not in range({})", codec.limit());
    let msg = if end - start == 1 {
        let cp = first as u32;
        let shown = if cp < 0x100 {
            format!("\\x{cp:02x}")
        } else if cp < 0x10000 {
            format!("\\u{cp:04x}")
        } else {
            format!("\\U{cp:08x}")
        };
        format!("'{}' codec can't encode character '{shown}' in position {start}: {reason}", codec.name())
    } else {
        format!("'{}' codec can't encode characters in {}: {reason}", codec.name(), position(start, end))
    };
    super::exceptions::raise_msg(super::immortal::types().exc.named("UnicodeEncodeError"), &msg)
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

/// `data.decode(encoding, errors)`.
pub fn decode(data: &[u8], encoding: &str, errors: &str) -> PyResult<String> {
    let codec = lookup(encoding)?;
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
        Codec::Utf8 => {
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
    }
    Ok(out)
}

/// `text.encode(encoding, errors)`.
pub fn encode(text: &str, encoding: &str, errors: &str) -> PyResult<Vec<u8>> {
    let codec = lookup(encoding)?;
    if codec == Codec::Utf8 {
        return Ok(text.as_bytes().to_vec());
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
            "strict" => return Err(encode_error(codec, c, i, end)),
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
    }

    #[test]
    fn positions_print_inclusive_ranges() {
        assert_eq!(position(3, 4), "position 3");
        assert_eq!(position(0, 2), "position 0-1");
    }
}
