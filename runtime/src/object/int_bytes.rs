//! `int.to_bytes` and `int.from_bytes`: an int as a fixed-length two's-complement (`signed`) or
//! unsigned byte string, big- or little-endian (CPython's `_PyLong_AsByteArray` and
//! `_PyLong_FromByteArray`).

use num_bigint::{BigInt, Sign};

use super::builtin::args;
use super::bytes::{bytes_from_object, new_bytes};
use super::header::PyObject;
use super::int::{as_int, new_big};
use super::obj::Obj;
use super::str::str_value;
use crate::error::{PyErr, PyResult};

/// The arguments `(length, byteorder, *, signed)` / `(bytes, byteorder, *, signed)`, each
/// optional; `first` names the first one.
fn parse<'a>(
    name: &str,
    a: &'a [Obj],
    k: Option<&'a PyObject>,
    first: &str,
) -> PyResult<(&'a Obj, [Option<&'a Obj>; 3])> {
    let pos = args::positional(a, k);
    let (recv, rest) = pos.split_first().ok_or_else(|| PyErr::type_error(format!("{name}() needs a receiver")))?;
    if rest.len() > 2 {
        return Err(PyErr::type_error(format!("{name}() takes at most 2 positional arguments ({} given)", rest.len())));
    }
    let mut out = [rest.first(), rest.get(1), None];
    for (key, v) in args::keywords(a, k) {
        let i = match key {
            _ if key == first => 0,
            "byteorder" => 1,
            "signed" => 2,
            _ => return Err(PyErr::type_error(format!("{name}() got an unexpected keyword argument '{key}'"))),
        };
        if out[i].is_some() {
            return Err(PyErr::type_error(format!(
                "argument for {name}() given by name ('{key}') and position ({})",
                i + 1
            )));
        }
        out[i] = Some(v);
    }
    Ok((recv, out))
}

/// `byteorder`: `true` for little-endian.
fn little_endian(o: Option<&Obj>, name: &str) -> PyResult<bool> {
    let Some(o) = o else { return Ok(false) };
    match str_value(o) {
        Some("little") => Ok(true),
        Some("big") => Ok(false),
        Some(_) => Err(PyErr::value_error("byteorder must be either 'little' or 'big'")),
        None => {
            Err(PyErr::type_error(format!("{name}() argument 'byteorder' must be str, not {}", o.type_object().name())))
        }
    }
}

fn signed(o: Option<&Obj>) -> PyResult<bool> {
    o.map_or(Ok(false), |v| super::abstract_ops::is_true(v))
}

/// The `length`-byte encoding of `v`, big-endian; `None` if it does not fit.
pub fn to_bytes_be(v: &BigInt, length: usize, is_signed: bool) -> Result<Vec<u8>, &'static str> {
    if !is_signed && v.sign() == Sign::Minus {
        return Err("can't convert negative int to unsigned");
    }
    let raw = if is_signed { v.to_signed_bytes_be() } else { v.to_bytes_be().1 };
    // Zero needs no bytes, and neither does -1 (all ones: CPython's conversion writes nothing
    // and sees no overflow, so `(-1).to_bytes(0, signed=True)` is `b''`).
    let raw = if v.sign() == Sign::NoSign || (is_signed && raw == [0xff]) { Vec::new() } else { raw };
    if raw.len() > length {
        return Err("int too big to convert");
    }
    let pad = if v.sign() == Sign::Minus { 0xff } else { 0 };
    let mut out = vec![pad; length - raw.len()];
    out.extend_from_slice(&raw);
    Ok(out)
}

/// `int.to_bytes(length=1, byteorder='big', *, signed=False)`.
pub(crate) fn int_to_bytes(a: &[Obj], k: Option<&PyObject>) -> PyResult<Obj> {
    let (recv, [length, order, sign]) = parse("to_bytes", a, k, "length")?;
    let length = match length {
        Some(l) => super::abstract_ops::index_isize(l)?,
        None => 1,
    };
    if length < 0 {
        return Err(PyErr::value_error("length argument must be non-negative"));
    }
    let little = little_endian(order, "to_bytes")?;
    // The result's room, checked before the conversion allocates it.
    drop(super::bytes::reserve(length as usize)?);
    let v = as_int(recv).map(|v| v.to_big()).unwrap_or_default();
    let mut out = to_bytes_be(&v, length as usize, signed(sign)?).map_err(PyErr::overflow)?;
    if little {
        out.reverse();
    }
    new_bytes(&out)
}

/// `int.from_bytes(bytes, byteorder='big', *, signed=False)` (a class method).
pub(crate) fn int_from_bytes(a: &[Obj], k: Option<&PyObject>) -> PyResult<Obj> {
    let (cls, [data, order, sign]) = parse("from_bytes", a, k, "bytes")?;
    let Some(data) = data else {
        return Err(PyErr::type_error("from_bytes() missing required argument 'bytes' (pos 1)"));
    };
    let little = little_endian(order, "from_bytes")?;
    // `PyBytes_FromObject`: a buffer or an iterable of ints; an int is not a count here.
    let ty = data.type_object();
    let convertible = super::bytes::buffer_data(data).is_some() || ty.iter.is_some() || ty.mapping.subscript.is_some();
    if str_value(data).is_some() || !convertible {
        return Err(PyErr::type_error(format!("cannot convert '{}' object to bytes", ty.name())));
    }
    let mut bytes = bytes_from_object(data, true)?;
    if little {
        bytes.reverse();
    }
    let v =
        if signed(sign)? { BigInt::from_signed_bytes_be(&bytes) } else { BigInt::from_bytes_be(Sign::Plus, &bytes) };
    let r = new_big(v)?;
    match super::typeobj::as_type(cls) {
        Some(t) if !std::ptr::eq(t, super::immortal::types().int_type) => super::abstract_ops::call(cls, &[r], None),
        _ => Ok(r),
    }
}

/// `int(b, base)` for a bytes-like `b`: its ASCII text parsed as `int(str)` does; the error
/// shows the bytes' repr.
pub(crate) fn int_from_buffer(data: &[u8], base: u32) -> PyResult<Obj> {
    let parsed = std::str::from_utf8(data).ok().and_then(|t| super::int::parse_int(t, base));
    match parsed {
        Some(v) => new_big(v),
        None => {
            let mut shown = String::new();
            super::bytes::repr_bytes(data, &mut shown);
            Err(PyErr::value_error(format!("invalid literal for int() with base {base}: {shown}")))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fixed_length_encodings() {
        assert_eq!(to_bytes_be(&BigInt::from(258), 2, false), Ok(vec![1, 2]));
        assert_eq!(to_bytes_be(&BigInt::from(-1), 2, true), Ok(vec![0xff, 0xff]));
        assert_eq!(to_bytes_be(&BigInt::from(0), 0, false), Ok(vec![]));
        assert_eq!(to_bytes_be(&BigInt::from(-1), 0, true), Ok(vec![]));
        assert_eq!(to_bytes_be(&BigInt::from(-2), 0, true), Err("int too big to convert"));
        assert_eq!(to_bytes_be(&BigInt::from(128), 1, true), Err("int too big to convert"));
        assert_eq!(to_bytes_be(&BigInt::from(-129), 1, true), Err("int too big to convert"));
        assert_eq!(to_bytes_be(&BigInt::from(-128), 1, true), Ok(vec![0x80]));
        assert_eq!(to_bytes_be(&BigInt::from(-1), 1, false), Err("can't convert negative int to unsigned"));
    }
}
