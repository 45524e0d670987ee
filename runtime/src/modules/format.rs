//! `format(value, spec)`: the format-specification mini-language for `int`, `float` and `str`
//! (`[[fill]align][sign][z][#][0][width][grouping][.precision][type]`).

use crate::error::{PyErr, PyResult};
use crate::object::abstract_ops as ops;
use crate::object::float::{as_float, float_repr_text};
use crate::object::int::{IntVal, as_int};
use crate::object::obj::Obj;
use crate::object::str::{new_str, str_value};
use crate::object::{PyObject, types};

struct Spec {
    fill: char,
    align: Option<char>,
    sign: char,
    alternate: bool,
    width: usize,
    grouping: Option<char>,
    precision: Option<usize>,
    ty: Option<char>,
}

fn parse(spec: &str) -> Option<Spec> {
    let cs: Vec<char> = spec.chars().collect();
    let mut i = 0;
    let mut s = Spec {
        fill: ' ',
        align: None,
        sign: '-',
        alternate: false,
        width: 0,
        grouping: None,
        precision: None,
        ty: None,
    };
    let is_align = |c: char| matches!(c, '<' | '>' | '^' | '=');
    if cs.len() >= 2 && is_align(cs[1]) {
        s.fill = cs[0];
        s.align = Some(cs[1]);
        i = 2;
    } else if !cs.is_empty() && is_align(cs[0]) {
        s.align = Some(cs[0]);
        i = 1;
    }
    if i < cs.len() && matches!(cs[i], '+' | '-' | ' ') {
        s.sign = cs[i];
        i += 1;
    }
    if i < cs.len() && cs[i] == '#' {
        s.alternate = true;
        i += 1;
    }
    if i < cs.len() && cs[i] == '0' {
        if s.align.is_none() {
            s.fill = '0';
            s.align = Some('=');
        }
        i += 1;
    }
    let start = i;
    while i < cs.len() && cs[i].is_ascii_digit() {
        i += 1;
    }
    if i > start {
        s.width = cs[start..i].iter().collect::<String>().parse().ok()?;
    }
    if i < cs.len() && matches!(cs[i], ',' | '_') {
        s.grouping = Some(cs[i]);
        i += 1;
    }
    if i < cs.len() && cs[i] == '.' {
        i += 1;
        let st = i;
        while i < cs.len() && cs[i].is_ascii_digit() {
            i += 1;
        }
        s.precision = Some(cs[st..i].iter().collect::<String>().parse().ok()?);
    }
    if i < cs.len() {
        s.ty = Some(cs[i]);
        i += 1;
    }
    (i == cs.len()).then_some(s)
}

fn group(digits: &str, sep: char) -> String {
    let mut out = String::new();
    for (k, c) in digits.chars().enumerate() {
        if k > 0 && (digits.len() - k) % 3 == 0 {
            out.push(sep);
        }
        out.push(c);
    }
    out
}

fn pad(body: String, sign: &str, s: &Spec, default_align: char) -> String {
    let len = body.chars().count() + sign.chars().count();
    if len >= s.width {
        return format!("{sign}{body}");
    }
    let n = s.width - len;
    let fill = |k: usize| s.fill.to_string().repeat(k);
    match s.align.unwrap_or(default_align) {
        '<' => format!("{sign}{body}{}", fill(n)),
        '^' => format!("{}{sign}{body}{}", fill(n / 2), fill(n - n / 2)),
        '=' => format!("{sign}{}{body}", fill(n)),
        _ => format!("{}{sign}{body}", fill(n)),
    }
}

fn sign_text(neg: bool, s: &Spec) -> &'static str {
    match (neg, s.sign) {
        (true, _) => "-",
        (false, '+') => "+",
        (false, ' ') => " ",
        _ => "",
    }
}

fn bad(spec: &str, v: &PyObject) -> PyErr {
    let _ = spec;
    PyErr::value_error(format!("Invalid format specifier '{spec}' for object of type '{}'", v.type_object().name()))
}

fn format_float(x: f64, s: &Spec, spec: &str, v: &PyObject) -> PyResult<String> {
    let neg = x.is_sign_negative() && !(x == 0.0 && false);
    let a = x.abs();
    let body = if !a.is_finite() {
        let t = if a.is_nan() { "nan" } else { "inf" };
        if matches!(s.ty, Some('F' | 'E' | 'G')) { t.to_uppercase() } else { t.to_owned() }
    } else {
        match s.ty {
            Some('f' | 'F') => format!("{:.*}", s.precision.unwrap_or(6), a),
            Some('%') => format!("{:.*}%", s.precision.unwrap_or(6), a * 100.0),
            Some('e' | 'E') => {
                let t = format!("{:.*e}", s.precision.unwrap_or(6), a);
                let (m, e) = t.split_once('e').unwrap_or((&t, "0"));
                let e: i32 = e.parse().unwrap_or(0);
                let t = format!("{m}e{}{:02}", if e < 0 { '-' } else { '+' }, e.abs());
                if s.ty == Some('E') { t.to_uppercase() } else { t }
            }
            Some('g' | 'G') | None if s.precision.is_some() => {
                let p = s.precision.unwrap_or(6).max(1);
                let exp = if a == 0.0 { 0 } else { a.log10().floor() as i32 };
                let t = if exp < -4 || exp >= p as i32 {
                    let t = format!("{:.*e}", p - 1, a);
                    let (m, e) = t.split_once('e').unwrap_or((&t, "0"));
                    let m = if s.alternate { m.to_owned() } else { trim_zeros(m) };
                    let e: i32 = e.parse().unwrap_or(0);
                    format!("{m}e{}{:02}", if e < 0 { '-' } else { '+' }, e.abs())
                } else {
                    let t = format!("{:.*}", (p as i32 - 1 - exp).max(0) as usize, a);
                    if s.alternate { t } else { trim_zeros(&t) }
                };
                if s.ty == Some('G') { t.to_uppercase() } else { t }
            }
            None => float_repr_text(a),
            _ => return Err(bad(spec, v)),
        }
    };
    let body = match s.grouping {
        Some(g) if a.is_finite() => {
            let (int_part, rest) = body.split_at(body.find(['.', 'e', '%']).unwrap_or(body.len()));
            format!("{}{rest}", group(int_part, g))
        }
        _ => body,
    };
    Ok(pad(body, sign_text(neg && !(x == 0.0 && !x.is_sign_negative()), s), s, '>'))
}

fn trim_zeros(t: &str) -> String {
    if t.contains('.') { t.trim_end_matches('0').trim_end_matches('.').to_owned() } else { t.to_owned() }
}

/// `format(value, spec)`.
pub fn format(v: &PyObject, spec: &str) -> PyResult<Obj> {
    // A class's own `__format__` (`PyObject_Format`), which must return a `str`.
    if v.type_object().is_heap() {
        if let Some(f) = crate::object::attr::lookup_str(v.type_object(), "__format__") {
            let r = ops::call(&f, &[Obj::new_ref(v), new_str(spec)?], None)?;
            if str_value(&r).is_none() {
                return Err(PyErr::type_error(format!("__format__ must return a str, not {}", r.type_object().name())));
            }
            return Ok(r);
        }
    }
    if spec.is_empty() {
        return ops::str(v);
    }
    let s = parse(spec).ok_or_else(|| PyErr::value_error("Invalid format specifier"))?;
    if let Some(text) = str_value(v) {
        if s.ty.is_some_and(|t| t != 's') {
            return Err(PyErr::value_error(format!(
                "Unknown format code '{}' for object of type 'str'",
                s.ty.unwrap_or('?')
            )));
        }
        let t: String = match s.precision {
            Some(p) => text.chars().take(p).collect(),
            None => text.to_owned(),
        };
        return new_str(&pad(t, "", &s, '<'));
    }
    if let Some(i) = as_int(v) {
        if v.type_object().is_subtype(types().bool_type) && s.ty.is_none() {
            return new_str(&pad(ops::str_text(v)?, "", &s, '<'));
        }
        let big = i.to_big();
        let neg = big.sign() == num_bigint::Sign::Minus;
        let mag = if neg { -big.clone() } else { big.clone() };
        let body = match s.ty {
            None | Some('d' | 'n') => mag.to_string(),
            Some('x') => format!("{}{}", if s.alternate { "0x" } else { "" }, mag.to_str_radix(16)),
            Some('X') => format!("{}{}", if s.alternate { "0X" } else { "" }, mag.to_str_radix(16).to_uppercase()),
            Some('o') => format!("{}{}", if s.alternate { "0o" } else { "" }, mag.to_str_radix(8)),
            Some('b') => format!("{}{}", if s.alternate { "0b" } else { "" }, mag.to_str_radix(2)),
            Some('c') => char::from_u32(match i {
                IntVal::Small(c) => c as u32,
                IntVal::Big(_) => u32::MAX,
            })
            .map(String::from)
            .ok_or_else(|| PyErr::overflow("%c arg not in range(0x110000)"))?,
            Some('f' | 'F' | 'e' | 'E' | 'g' | 'G' | '%') => {
                return new_str(&format_float(crate::object::int::to_f64(&i)?, &s, spec, v)?);
            }
            Some(c) => {
                return Err(PyErr::value_error(format!("Unknown format code '{c}' for object of type 'int'")));
            }
        };
        let body = match s.grouping {
            Some(g) => group(&body, g),
            None => body,
        };
        return new_str(&pad(body, sign_text(neg, &s), &s, '>'));
    }
    if let Some(x) = as_float(v) {
        return new_str(&format_float(x, &s, spec, v)?);
    }
    Err(PyErr::type_error(format!("unsupported format string passed to {}.__format__", v.type_object().name())))
}
