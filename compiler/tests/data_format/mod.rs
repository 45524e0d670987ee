//! The encoding of constants and names shared by the stored CPython data files (written by
//! `gen_backend_cases.py` and `gen_dis_cases.py`).

use std::collections::HashMap;
use std::sync::Arc;

use pyrt_compile::{CodeObject, Constant, PyStr};

/// A name token of the data files: percent-encoded UTF-8, `~` for the empty name.
pub fn dec_name(token: &str) -> String {
    if token == "~" { String::new() } else { String::from_utf8(unpercent(token)).expect("names are UTF-8") }
}

pub fn hex(text: &str) -> Vec<u8> {
    (0..text.len()).step_by(2).map(|i| u8::from_str_radix(&text[i..i + 2], 16).unwrap()).collect()
}

pub fn parse_const(tokens: &[&str], pos: &mut usize, codes: &HashMap<usize, Arc<CodeObject>>) -> Constant {
    let tok = tokens[*pos];
    *pos += 1;
    let (tag, rest) = tok.split_at(1);
    match tag {
        "N" => Constant::None,
        "T" => Constant::True,
        "F" => Constant::False,
        "E" => Constant::Ellipsis,
        "i" => rest.parse::<i64>().map(Constant::Int).unwrap_or_else(|_| Constant::BigInt(Arc::from(rest))),
        "f" => Constant::Float(f64::from_bits(u64::from_str_radix(rest, 16).unwrap())),
        "c" => {
            let (re, im) = rest.split_once(',').unwrap();
            Constant::Complex {
                re: f64::from_bits(u64::from_str_radix(re, 16).unwrap()),
                im: f64::from_bits(u64::from_str_radix(im, 16).unwrap()),
            }
        }
        "s" => {
            let bytes = unpercent(rest);
            match std::str::from_utf8(&bytes) {
                Ok(text) => Constant::Str(PyStr::new(text)),
                Err(_) => Constant::Str(decode_surrogatepass(&bytes)),
            }
        }
        "b" => Constant::Bytes(hex(rest).into()),
        "(" | "{" => {
            let close = if tag == "(" { ")" } else { "}" };
            let mut items = Vec::new();
            while tokens[*pos] != close {
                items.push(parse_const(tokens, pos, codes));
            }
            *pos += 1;
            if tag == "(" { Constant::Tuple(items.into()) } else { Constant::FrozenSet(items.into()) }
        }
        "C" => Constant::Code(codes[&rest.parse::<usize>().unwrap()].clone()),
        other => panic!("unknown constant tag {other}"),
    }
}

/// `%XX` escapes back to bytes.
pub fn unpercent(text: &str) -> Vec<u8> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            out.push(u8::from_str_radix(&text[i + 1..i + 3], 16).unwrap());
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    out
}

pub fn decode_surrogatepass(bytes: &[u8]) -> PyStr {
    let mut points = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        let b0 = bytes[i] as u32;
        let (len, init) = match b0 {
            0..=0x7F => (1, b0),
            0xC0..=0xDF => (2, b0 & 0x1F),
            0xE0..=0xEF => (3, b0 & 0x0F),
            _ => (4, b0 & 0x07),
        };
        points.push(bytes[i + 1..i + len].iter().fold(init, |acc, &b| (acc << 6) | (b as u32 & 0x3F)));
        i += len;
    }
    PyStr::from_code_points(points).unwrap()
}
