//! `_codecs`: the codec registry and the builtin codecs' functions, under CPython's `codecs`
//! module (`codecs_module.py`, CPython's pure-Python `Lib/codecs.py`) and the `encodings`
//! search function (`encodings_module.py`).
//!
//! The codec functions are Rust, over `object::codecs`: `utf_8_encode(str, errors=None)`
//! gives `(bytes, len(str))`, `utf_8_decode(data, errors=None, final=False)` gives `(str,
//! consumed)` — when `final` is false an incomplete sequence at the end (a UTF-8 lead byte
//! waiting for its continuation bytes, an odd byte or a high surrogate of UTF-16, a partial
//! UTF-32 unit) is left unconsumed, which is what the incremental decoders buffer; likewise for
//! `latin_1`, `ascii`, `utf_16[_le|_be]`, `utf_32[_le|_be]`, `unicode_escape`,
//! `raw_unicode_escape`.
//!
//! The registry is Python (`codecs_registry.py`, run in this module's namespace after the
//! functions are in it), as CPython keeps it per interpreter: `register(search_function)`,
//! `lookup(encoding)` (the name lower-cased with spaces as underscores, then each search
//! function in order, the result cached; the `encodings` search function, registered first,
//! answers for the builtin codecs), `encode`/`decode` through the registry,
//! `register_error`/`lookup_error` with the builtin handlers as callables (`strict_errors`,
//! ...). `str.encode`/`bytes.decode` with an error handler name that is not builtin call
//! `lookup_error` here (`object::codecs`, through the import seam).

use super::clinic::{Signature, bind};
use super::new_builtin_module;
use crate::error::{PyErr, PyResult};
use crate::object::PyObject;
use crate::object::builtin::MethodDef;
use crate::object::codecs::{ByteOrder, Codec};
use crate::object::obj::Obj;
use crate::object::str::str_value;

const REGISTRY: &str = include_str!("codecs_registry.py");

/// `_codecs`, made on import.
pub fn make_module() -> PyResult<Obj> {
    let m = new_builtin_module("_codecs", FUNCTIONS)?;
    super::embedded::run_in_module(&m, REGISTRY, "<frozen _codecs>")?;
    Ok(m)
}

/// `codecs`: CPython's `Lib/codecs.py` over `_codecs`.
pub fn make_codecs_module() -> PyResult<Obj> {
    let m = new_builtin_module("codecs", &[])?;
    super::embedded::run_in_module(&m, include_str!("codecs_module.py"), "<frozen codecs>")?;
    Ok(m)
}

/// `encodings`: the search function for the builtin codecs (registered when it is imported).
pub fn make_encodings_module() -> PyResult<Obj> {
    let m = new_builtin_module("encodings", &[])?;
    super::embedded::run_in_module(&m, include_str!("encodings_module.py"), "<frozen encodings>")?;
    Ok(m)
}

/// `errors`: a str or `None` (then `strict`).
fn errors_arg(name: &str, o: Option<&Obj>, pos: usize) -> PyResult<String> {
    match o {
        None => Ok("strict".to_owned()),
        Some(v) if v.is(crate::object::immortals().none) => Ok("strict".to_owned()),
        Some(v) => str_value(v).map(str::to_owned).ok_or_else(|| {
            PyErr::type_error(format!("{name}() argument {pos} must be str or None, not {}", v.type_object().name()))
        }),
    }
}

/// `X_encode(str, errors=None, /)`: `(bytes, len(str))`.
fn encode_with(name: &'static str, codec: Codec, a: &[Obj], k: Option<&PyObject>) -> PyResult<Obj> {
    let sig = Signature { name, params: &["str", "errors"], posonly: 2, required: 1, maxpos: 2 };
    let bound = bind(&sig, a, k)?;
    let text = bound[0].expect("required");
    let Some(s) = crate::object::str::as_str_object(text) else {
        return Err(PyErr::type_error(format!("{name}() argument 1 must be str, not {}", text.type_object().name())));
    };
    let errors = errors_arg(name, bound[1], 2)?;
    let length = s.len();
    let data = crate::object::codecs::encode_as(text, codec, &errors)?;
    crate::object::tuple::new_tuple(vec![
        crate::object::bytes::new_bytes(&data)?,
        crate::object::int::new_int(length as i64)?,
    ])
}

/// `X_decode(data, errors=None, final=False, /)`: `(str, consumed)`. `final_default` is the
/// default of `final` (`True` for the escape codecs); `with_final` whether the codec takes it.
fn decode_with(
    name: &'static str,
    codec: Codec,
    with_final: bool,
    final_default: bool,
    a: &[Obj],
    k: Option<&PyObject>,
) -> PyResult<Obj> {
    let sig = if with_final {
        Signature { name, params: &["data", "errors", "final"], posonly: 3, required: 1, maxpos: 3 }
    } else {
        Signature { name, params: &["data", "errors"], posonly: 2, required: 1, maxpos: 2 }
    };
    let bound = bind(&sig, a, k)?;
    let data_obj = bound[0].expect("required");
    let Some(data) = crate::object::bytes::buffer_data(data_obj) else {
        return Err(PyErr::type_error(format!(
            "a bytes-like object is required, not '{}'",
            data_obj.type_object().name()
        )));
    };
    let errors = errors_arg(name, bound[1], 2)?;
    let is_final = match bound.get(2).copied().flatten() {
        Some(f) => crate::object::abstract_ops::is_true(f)?,
        None => final_default,
    };
    let (text, consumed) = crate::object::codecs::decode_partial(&data, codec, &errors, is_final)?;
    crate::object::tuple::new_tuple(vec![text, crate::object::int::new_int(consumed as i64)?])
}

/// `_codecs._normalize(name)`: the name as `object::codecs::lookup` reads it, or `None` when
/// it names no builtin codec (the `encodings` search function asks this).
fn builtin_codec_name(a: &[Obj], k: Option<&PyObject>) -> PyResult<Obj> {
    let sig = Signature { name: "_builtin_codec", params: &["encoding"], posonly: 1, required: 1, maxpos: 1 };
    let bound = bind(&sig, a, k)?;
    let name = str_value(bound[0].expect("required"))
        .ok_or_else(|| PyErr::type_error("_builtin_codec() argument must be str"))?;
    let codec_name = match crate::object::codecs::lookup(name) {
        Ok(codec) => match codec {
            Codec::Utf8 => "utf_8",
            Codec::Utf8Sig => "utf_8_sig",
            Codec::Ascii => "ascii",
            Codec::Latin1 => "latin_1",
            Codec::Utf16(ByteOrder::Marked) => "utf_16",
            Codec::Utf16(ByteOrder::Little) => "utf_16_le",
            Codec::Utf16(ByteOrder::Big) => "utf_16_be",
            Codec::Utf32(ByteOrder::Marked) => "utf_32",
            Codec::Utf32(ByteOrder::Little) => "utf_32_le",
            Codec::Utf32(ByteOrder::Big) => "utf_32_be",
            Codec::UnicodeEscape => "unicode_escape",
            Codec::RawUnicodeEscape => "raw_unicode_escape",
        },
        Err(e) if e.matches(crate::object::types().exc.named("LookupError")) => {
            return Ok(Obj::new_ref(crate::object::immortals().none));
        }
        Err(e) => return Err(e),
    };
    crate::object::str::new_str(codec_name)
}

/// `_codecs._char_name(code_point)`: the Unicode name of a character, or `None`
/// (`namereplace_errors`).
fn char_name(a: &[Obj], k: Option<&PyObject>) -> PyResult<Obj> {
    let sig = Signature { name: "_char_name", params: &["code_point"], posonly: 1, required: 1, maxpos: 1 };
    let bound = bind(&sig, a, k)?;
    let cp = crate::object::abstract_ops::index_isize(bound[0].expect("required"))?;
    match u32::try_from(cp).ok().and_then(char::from_u32).and_then(unicode_names2::name) {
        Some(name) => crate::object::str::new_str(&name.to_string()),
        None => Ok(Obj::new_ref(crate::object::immortals().none)),
    }
}

macro_rules! codec_functions {
    ($($enc:literal, $dec:literal, $codec:expr, $with_final:expr, $final_default:expr;)*) => {
        &[
            $(
                MethodDef::function($enc, |a, k| encode_with($enc, $codec, a, k)),
                MethodDef::function($dec, |a, k| decode_with($dec, $codec, $with_final, $final_default, a, k)),
            )*
            MethodDef::function("_builtin_codec", builtin_codec_name),
            MethodDef::function("_char_name", char_name),
        ]
    };
}

static FUNCTIONS: &[MethodDef] = codec_functions! {
    "utf_8_encode", "utf_8_decode", Codec::Utf8, true, false;
    "latin_1_encode", "latin_1_decode", Codec::Latin1, false, true;
    "ascii_encode", "ascii_decode", Codec::Ascii, false, true;
    "utf_16_encode", "utf_16_decode", Codec::Utf16(ByteOrder::Marked), true, false;
    "utf_16_le_encode", "utf_16_le_decode", Codec::Utf16(ByteOrder::Little), true, false;
    "utf_16_be_encode", "utf_16_be_decode", Codec::Utf16(ByteOrder::Big), true, false;
    "utf_32_encode", "utf_32_decode", Codec::Utf32(ByteOrder::Marked), true, false;
    "utf_32_le_encode", "utf_32_le_decode", Codec::Utf32(ByteOrder::Little), true, false;
    "utf_32_be_encode", "utf_32_be_decode", Codec::Utf32(ByteOrder::Big), true, false;
    "unicode_escape_encode", "unicode_escape_decode", Codec::UnicodeEscape, true, true;
    "raw_unicode_escape_encode", "raw_unicode_escape_decode", Codec::RawUnicodeEscape, true, true;
};
