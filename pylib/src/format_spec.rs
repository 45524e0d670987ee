//! The format-spec mini-language of `format(value, spec)`, as CPython 3.13's
//! `Python/formatter_unicode.c`.
//!
//! A spec is `[[fill]align][sign][z][#][0][width][grouping][.precision][type]`. [`parse`] reads
//! it with CPython's checks and messages (a second character that is an alignment token makes
//! the first one the fill; `0` before the width means fill `0` and, for numbers, `=` alignment;
//! width and precision accept any Unicode decimal digits; `,` and `_` only with the types that
//! allow them; a trailing run of more than one character is `Invalid format specifier`).
//!
//! Numbers are laid out as CPython's `calc_number_widths` + `fill_number` do:
//!
//! ```text
//! <lpadding> <sign> <prefix> <spadding> <grouped digits> <decimal point> <remainder> <rpadding>
//! ```
//!
//! where only one of the three paddings is non-empty (chosen by the alignment: `>` left, `<`
//! right, `^` both, `=` between sign and digits). With `0` fill and `=` alignment the zeros are
//! part of the digits, so grouping separators are inserted between them too
//! (`format(1e6, '015,.2f')` is `'0,001,000,000.00'`). Floats go through
//! [`crate::float::double_to_string`] first and are split into integer digits and the remainder
//! (decimal point, fraction, exponent, `%`). The decimal point is `.` and `n` uses the C
//! locale's conventions (no grouping), as CPython does until a program calls `setlocale`.

use crate::error::{PyError, reserve};
use crate::float::{self, DtsFlags};
use crate::unicode::decimal_value;

/// Alignment of a field.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Align {
    /// `<`
    Left,
    /// `>`
    Right,
    /// `^`
    Center,
    /// `=`: padding after the sign and prefix.
    AfterSign,
}

/// Thousands separator option.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Grouping {
    None,
    /// `,`: every three digits.
    Comma,
    /// `_`: every three digits in decimal, every four in `b`, `o`, `x`, `X`.
    Underscore,
}

/// A parsed format spec (CPython's `InternalFormatSpec`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FormatSpec {
    pub fill: char,
    pub align: Align,
    /// `'+'`, `'-'`, `' '`, or `None` when not given.
    pub sign: Option<char>,
    /// `z`: coerce negative zero to zero (floats and complex only).
    pub no_neg_0: bool,
    /// `#`: the alternate form.
    pub alternate: bool,
    pub width: Option<usize>,
    pub grouping: Grouping,
    pub precision: Option<usize>,
    /// The presentation type; `None` when omitted for `float`/`complex` (whose default is
    /// none) or given as NUL.
    pub kind: Option<char>,
}

/// Parses `spec` for a value of type `type_name` (used in the messages) whose default
/// presentation type is `default_kind` (`'s'` for `str`, `'d'` for `int`, none for `float`
/// and `complex`) and default alignment `default_align` (`Left` for `str`, `Right` for
/// numbers).
pub fn parse(
    spec: &str,
    type_name: &str,
    default_kind: Option<char>,
    default_align: Align,
) -> Result<FormatSpec, PyError> {
    // Specs are short: decode into a stack buffer, and only long ones onto the heap.
    let mut inline = ['\0'; 32];
    let heap: Vec<char>;
    let chars: &[char] = if spec.len() <= inline.len() {
        let mut n = 0;
        for c in spec.chars() {
            inline[n] = c;
            n += 1;
        }
        &inline[..n]
    } else {
        heap = spec.chars().collect();
        &heap
    };
    let end = chars.len();
    let mut pos = 0;
    let mut f = FormatSpec {
        fill: ' ',
        align: default_align,
        sign: None,
        no_neg_0: false,
        alternate: false,
        width: None,
        grouping: Grouping::None,
        precision: None,
        kind: default_kind,
    };
    let mut fill_specified = false;
    let mut align_specified = false;
    if end >= 2 && alignment(chars[1]).is_some() {
        f.align = alignment(chars[1]).unwrap_or(default_align);
        f.fill = chars[0];
        fill_specified = true;
        align_specified = true;
        pos = 2;
    } else if end >= 1 && alignment(chars[0]).is_some() {
        f.align = alignment(chars[0]).unwrap_or(default_align);
        align_specified = true;
        pos = 1;
    }
    if pos < end && matches!(chars[pos], '+' | '-' | ' ') {
        f.sign = Some(chars[pos]);
        pos += 1;
    }
    if pos < end && chars[pos] == 'z' {
        f.no_neg_0 = true;
        pos += 1;
    }
    if pos < end && chars[pos] == '#' {
        f.alternate = true;
        pos += 1;
    }
    if !fill_specified && pos < end && chars[pos] == '0' {
        f.fill = '0';
        if !align_specified && default_align == Align::Right {
            f.align = Align::AfterSign;
        }
        pos += 1;
    }
    let (width, consumed) = get_integer(chars, &mut pos)?;
    if consumed > 0 {
        f.width = Some(width);
    }
    if pos < end && chars[pos] == ',' {
        f.grouping = Grouping::Comma;
        pos += 1;
    }
    if pos < end && chars[pos] == '_' {
        if f.grouping != Grouping::None {
            return Err(PyError::value("Cannot specify both ',' and '_'."));
        }
        f.grouping = Grouping::Underscore;
        pos += 1;
    }
    if pos < end && chars[pos] == ',' && f.grouping == Grouping::Underscore {
        return Err(PyError::value("Cannot specify both ',' and '_'."));
    }
    if pos < end && chars[pos] == '.' {
        pos += 1;
        let (precision, consumed) = get_integer(chars, &mut pos)?;
        if consumed == 0 {
            return Err(PyError::value("Format specifier missing precision"));
        }
        f.precision = Some(precision);
    }
    if end - pos > 1 {
        return Err(PyError::value(format!("Invalid format specifier '{spec}' for object of type '{type_name}'")));
    }
    if end - pos == 1 {
        // CPython spells "no type" as NUL, so an explicit NUL type code means none.
        f.kind = Some(chars[pos]).filter(|&c| c != '\0');
    }
    if f.grouping != Grouping::None {
        match f.kind {
            None | Some('d' | 'e' | 'f' | 'g' | 'E' | 'G' | '%' | 'F') => {}
            Some('b' | 'o' | 'x' | 'X') if f.grouping == Grouping::Underscore => {}
            Some(t) => {
                let sep = if f.grouping == Grouping::Comma { ',' } else { '_' };
                return Err(PyError::value(format!("Cannot specify '{sep}' with {}.", quoted_code(t))));
            }
        }
    }
    Ok(f)
}

fn alignment(c: char) -> Option<Align> {
    match c {
        '<' => Some(Align::Left),
        '>' => Some(Align::Right),
        '^' => Some(Align::Center),
        '=' => Some(Align::AfterSign),
        _ => None,
    }
}

/// Reads decimal digits (any script) at `pos`: `(value, digits consumed)`.
fn get_integer(chars: &[char], pos: &mut usize) -> Result<(usize, usize), PyError> {
    let mut acc: usize = 0;
    let mut consumed = 0;
    while let Some(d) = chars.get(*pos).and_then(|&c| decimal_value(c)) {
        // Py_ssize_t overflow check, as CPython's get_integer.
        if acc > (isize::MAX as usize - d as usize) / 10 {
            return Err(PyError::value("Too many decimal digits in format string"));
        }
        acc = acc * 10 + d as usize;
        consumed += 1;
        *pos += 1;
    }
    Ok((acc, consumed))
}

/// `'c'` for printable ASCII codes, `'\xNN'` otherwise, as CPython quotes a type code.
fn quoted_code(t: char) -> String {
    let v = t as u32;
    if v > 32 && v < 128 { format!("'{t}'") } else { format!("'\\x{v:x}'") }
}

fn unknown_code(t: char, type_name: &str) -> PyError {
    PyError::value(format!("Unknown format code {} for object of type '{type_name}'", quoted_code(t)))
}

#[inline]
/// Makes room for the field's width before it is laid out: a width the allocator refuses is
/// `MemoryError` (as CPython's failed allocation), not an aborted process.
fn reserve_width(f: &FormatSpec, out: &mut String) -> Result<(), PyError> {
    let w = f.width.unwrap_or(0);
    reserve(out, w.checked_mul(f.fill.len_utf8().max(1)).ok_or(PyError::MemoryError)?)
}

fn push_fill(out: &mut String, fill: char, n: usize) {
    out.extend(std::iter::repeat_n(fill, n));
}

/// Left and right padding of `nchars` characters in a field (CPython's `calc_padding`).
fn calc_padding(nchars: usize, width: Option<usize>, align: Align) -> (usize, usize) {
    let total = width.map_or(nchars, |w| w.max(nchars));
    let left = match align {
        Align::Right => total - nchars,
        Align::Center => (total - nchars) / 2,
        Align::Left | Align::AfterSign => 0,
    };
    (left, total - nchars - left)
}

/// `format(s, spec)` for a `str` (or a `str` subclass named `type_name`). An empty spec is
/// `str(value)`, which the caller handles for subclasses; here it appends `s`.
pub fn format_str(s: &str, spec: &str, type_name: &str, out: &mut String) -> Result<(), PyError> {
    if spec.is_empty() {
        out.push_str(s);
        return Ok(());
    }
    let f = parse(spec, type_name, Some('s'), Align::Left)?;
    match f.kind {
        Some('s') => {}
        t => return Err(unknown_code(t.unwrap_or('\0'), type_name)),
    }
    match f.sign {
        Some(' ') => return Err(PyError::value("Space not allowed in string format specifier")),
        Some(_) => return Err(PyError::value("Sign not allowed in string format specifier")),
        None => {}
    }
    if f.no_neg_0 {
        return Err(PyError::value("Negative zero coercion (z) not allowed in string format specifier"));
    }
    if f.alternate {
        return Err(PyError::value("Alternate form (#) not allowed in string format specifier"));
    }
    if f.align == Align::AfterSign {
        return Err(PyError::value("'=' alignment not allowed in string format specifier"));
    }
    reserve_width(&f, out)?;
    pad_str(s, &f, out);
    Ok(())
}

/// Appends `s` truncated to the precision and padded to the width (code points).
fn pad_str(s: &str, f: &FormatSpec, out: &mut String) {
    let (text, len) = match f.precision {
        Some(p) => match s.char_indices().nth(p) {
            Some((byte, _)) => (&s[..byte], p),
            None => (s, s.chars().count()),
        },
        None => (s, if f.width.is_some() { s.chars().count() } else { 0 }),
    };
    let (left, right) = calc_padding(len, f.width, f.align);
    push_fill(out, f.fill, left);
    out.push_str(text);
    push_fill(out, f.fill, right);
}

/// An integer of any size as the formatter needs it. Implemented for machine integers and
/// for [`crate::bigint::BigInt`]; the object layer may implement it for its own int.
pub trait IntValue {
    fn is_negative(&self) -> bool;
    /// Appends the digits of `|self|` in `base` (2, 8, 10 or 16; lower-case letters).
    fn write_magnitude(&self, base: u32, out: &mut String);
    /// The value as a float (`float(int)`), for the float presentation types.
    fn to_f64(&self) -> Result<f64, PyError>;
    /// The value as a C long, or `None` when it does not fit.
    fn to_i64(&self) -> Option<i64>;
}

impl IntValue for i64 {
    fn is_negative(&self) -> bool {
        *self < 0
    }
    fn write_magnitude(&self, base: u32, out: &mut String) {
        (*self as i128).write_magnitude(base, out)
    }
    fn to_f64(&self) -> Result<f64, PyError> {
        Ok(*self as f64)
    }
    fn to_i64(&self) -> Option<i64> {
        Some(*self)
    }
}

impl IntValue for i128 {
    fn is_negative(&self) -> bool {
        *self < 0
    }
    fn write_magnitude(&self, base: u32, out: &mut String) {
        let mut v = self.unsigned_abs();
        let mut tmp = [0u8; 128];
        let mut i = tmp.len();
        loop {
            i -= 1;
            let d = (v % base as u128) as u8;
            tmp[i] = if d < 10 { b'0' + d } else { b'a' + d - 10 };
            v /= base as u128;
            if v == 0 {
                break;
            }
        }
        out.extend(tmp[i..].iter().map(|&b| b as char));
    }
    fn to_f64(&self) -> Result<f64, PyError> {
        Ok(*self as f64)
    }
    fn to_i64(&self) -> Option<i64> {
        i64::try_from(*self).ok()
    }
}

impl IntValue for crate::bigint::BigInt {
    fn is_negative(&self) -> bool {
        self.sign() == num_bigint::Sign::Minus
    }
    fn write_magnitude(&self, base: u32, out: &mut String) {
        out.push_str(&self.magnitude().to_str_radix(base));
    }
    fn to_f64(&self) -> Result<f64, PyError> {
        crate::bigint::to_f64(self)
    }
    fn to_i64(&self) -> Option<i64> {
        num_traits::ToPrimitive::to_i64(self)
    }
}

/// The parts of a formatted number before padding.
struct Number<'a> {
    negative: bool,
    prefix: &'a str,
    /// ASCII integer digits (grouped and zero-extended by the layout).
    digits: &'a str,
    has_decimal: bool,
    /// What follows the digits and decimal point: fraction, exponent, `%`, or a `c` character.
    remainder: &'a str,
}

/// Appends `n` laid out per `f` (CPython's `calc_number_widths` + `fill_number`).
fn write_number(n: &Number<'_>, f: &FormatSpec, grouping: Option<(u8, usize)>, out: &mut String) {
    let sign = match (f.sign, n.negative) {
        (_, true) => Some('-'),
        (Some('+'), false) => Some('+'),
        (Some(' '), false) => Some(' '),
        _ => None,
    };
    let remainder_len = n.remainder.chars().count();
    let non_digit = sign.is_some() as usize + n.prefix.len() + n.has_decimal as usize + remainder_len;
    let width = f.width.map_or(-1, |w| w as isize);
    let min_width = if f.fill == '0' && f.align == Align::AfterSign { width - non_digit as isize } else { 0 };
    // Without separators the digits are only zero-extended to `min_width`: no buffer needed.
    let mut grouped = Vec::new();
    let grouped_len = if n.digits.is_empty() {
        0
    } else if grouping.is_none() {
        n.digits.len().max(min_width.max(0) as usize)
    } else {
        group_digits(n.digits.as_bytes(), min_width, grouping, &mut grouped);
        grouped.len()
    };
    let padding = width - (non_digit + grouped_len) as isize;
    let (mut left, mut middle, mut right) = (0, 0, 0);
    if padding > 0 {
        let padding = padding as usize;
        match f.align {
            Align::Left => right = padding,
            Align::Center => {
                left = padding / 2;
                right = padding - left;
            }
            Align::AfterSign => middle = padding,
            Align::Right => left = padding,
        }
    }
    push_fill(out, f.fill, left);
    if let Some(s) = sign {
        out.push(s);
    }
    out.push_str(n.prefix);
    push_fill(out, f.fill, middle);
    if grouping.is_none() {
        push_fill(out, '0', grouped_len - n.digits.len());
        out.push_str(n.digits);
    } else {
        out.extend(grouped.iter().map(|&b| b as char));
    }
    if n.has_decimal {
        out.push('.');
    }
    out.push_str(n.remainder);
    push_fill(out, f.fill, right);
}

/// CPython's `_PyUnicode_InsertThousandsGrouping`: `digits` with a separator every `size`
/// digits from the right, zero-extended to at least `min_width` characters (zeros grouped
/// too). Without grouping the digits are only zero-extended.
fn group_digits(digits: &[u8], min_width: isize, grouping: Option<(u8, usize)>, out: &mut Vec<u8>) {
    // Built right to left, then reversed.
    let mut min_width = min_width.max(0);
    let mut remaining = digits.len() as isize;
    let mut use_separator = false;
    let emit = |out: &mut Vec<u8>, remaining: &mut isize, len: isize, sep: Option<u8>| {
        let zeros = (len - *remaining).max(0);
        let chars = (*remaining).min(len).max(0);
        if let Some(s) = sep {
            out.push(s);
        }
        let end = *remaining as usize;
        out.extend(digits[end - chars as usize..end].iter().rev());
        out.extend(std::iter::repeat_n(b'0', zeros as usize));
        *remaining -= chars;
    };
    let mut broke = false;
    if let Some((sep, size)) = grouping {
        loop {
            let len = (size as isize).min(remaining.max(min_width).max(1));
            emit(out, &mut remaining, len, use_separator.then_some(sep));
            use_separator = true;
            min_width -= len;
            if remaining <= 0 && min_width <= 0 {
                broke = true;
                break;
            }
            min_width -= 1;
        }
    }
    if !broke {
        let len = remaining.max(min_width).max(1);
        let sep = grouping.map(|(s, _)| s).filter(|_| use_separator);
        emit(out, &mut remaining, len, sep);
    }
    out.reverse();
}

/// `format(i, spec)` for an `int` (or `bool`, with `type_name` `"bool"`). An empty spec
/// appends `str(i)` for an exact int (the caller handles subclasses, whose `str` may differ).
pub fn format_int<I: IntValue + ?Sized>(i: &I, spec: &str, type_name: &str, out: &mut String) -> Result<(), PyError> {
    if spec.is_empty() {
        if i.is_negative() {
            out.push('-');
        }
        i.write_magnitude(10, out);
        return Ok(());
    }
    let f = parse(spec, type_name, Some('d'), Align::Right)?;
    let kind = f.kind.unwrap_or('\0');
    match kind {
        'b' | 'c' | 'd' | 'o' | 'x' | 'X' | 'n' => {}
        'e' | 'E' | 'f' | 'F' | 'g' | 'G' | '%' => return format_float_spec(i.to_f64()?, &f, out),
        t => return Err(unknown_code(t, type_name)),
    }
    if f.precision.is_some() {
        return Err(PyError::value("Precision not allowed in integer format specifier"));
    }
    if f.no_neg_0 {
        return Err(PyError::value("Negative zero coercion (z) not allowed in integer format specifier"));
    }
    if kind == 'c' {
        if f.sign.is_some() {
            return Err(PyError::value("Sign not allowed with integer format specifier 'c'"));
        }
        if f.alternate {
            return Err(PyError::value("Alternate form (#) not allowed with integer format specifier 'c'"));
        }
        let code = i.to_i64().ok_or_else(|| PyError::overflow("Python int too large to convert to C long"))?;
        if (0xd800..0xe000).contains(&code) {
            // CPython gives a one-character str holding the lone surrogate; a Rust `String`
            // cannot hold one, so the object layer must format surrogates itself.
            return Err(PyError::value("%c of a surrogate code point needs the object layer's str"));
        }
        let c = u32::try_from(code)
            .ok()
            .and_then(char::from_u32)
            .ok_or_else(|| PyError::overflow("%c arg not in range(0x110000)"))?;
        let mut buf = [0u8; 4];
        let n =
            Number { negative: false, prefix: "", digits: "", has_decimal: false, remainder: c.encode_utf8(&mut buf) };
        reserve_width(&f, out)?;
        write_number(&n, &f, None, out);
        return Ok(());
    }
    let (base, prefix) = match kind {
        'b' => (2, "0b"),
        'o' => (8, "0o"),
        'x' => (16, "0x"),
        'X' => (16, "0X"),
        _ => (10, ""),
    };
    if f.width.is_none() && f.grouping == Grouping::None && !matches!(f.sign, Some('+' | ' ')) && kind != 'X' {
        // Nothing to pad, group or upper-case: write sign, prefix and digits directly.
        if i.is_negative() {
            out.push('-');
        }
        if f.alternate {
            out.push_str(prefix);
        }
        i.write_magnitude(base, out);
        return Ok(());
    }
    let mut digits = String::new();
    i.write_magnitude(base, &mut digits);
    if kind == 'X' {
        digits.make_ascii_uppercase();
    }
    let grouping = match (f.grouping, kind) {
        (Grouping::None, _) | (_, 'n') => None,
        (Grouping::Comma, _) => Some((b',', 3)),
        (Grouping::Underscore, 'd') => Some((b'_', 3)),
        (Grouping::Underscore, _) => Some((b'_', 4)),
    };
    let n = Number {
        negative: i.is_negative(),
        prefix: if f.alternate { prefix } else { "" },
        digits: &digits,
        has_decimal: false,
        remainder: "",
    };
    reserve_width(&f, out)?;
    write_number(&n, &f, grouping, out);
    Ok(())
}

/// `format(x, spec)` for a `float` named `type_name`. An empty spec appends `str(x)`.
pub fn format_float(x: f64, spec: &str, type_name: &str, out: &mut String) -> Result<(), PyError> {
    if spec.is_empty() {
        float::repr(x, out);
        return Ok(());
    }
    let f = parse(spec, type_name, None, Align::Right)?;
    match f.kind {
        None | Some('e' | 'E' | 'f' | 'F' | 'g' | 'G' | 'n' | '%') => format_float_spec(x, &f, out),
        Some(t) => Err(unknown_code(t, type_name)),
    }
}

/// The float presentation step (`format_float_internal`) on a parsed spec.
fn format_float_spec(x: f64, f: &FormatSpec, out: &mut String) -> Result<(), PyError> {
    let precision = checked_precision(f)?;
    if f.width.is_none() && f.grouping == Grouping::None && !matches!(f.sign, Some('+' | ' ')) && f.kind != Some('n') {
        // Nothing to pad or group: CPython's fast path writes the digits directly.
        float_text(x, f, precision, None, out);
        return Ok(());
    }
    let mut text = String::with_capacity(32);
    float_text(x, f, precision, None, &mut text);
    let grouping = float_grouping(f);
    let n = split_float(&text);
    reserve_width(f, out)?;
    write_number(&n, f, grouping, out);
    Ok(())
}

fn checked_precision(f: &FormatSpec) -> Result<Option<usize>, PyError> {
    match f.precision {
        Some(p) if p > i32::MAX as usize => Err(PyError::value("precision too big")),
        p => Ok(p),
    }
}

fn float_grouping(f: &FormatSpec) -> Option<(u8, usize)> {
    match (f.grouping, f.kind) {
        (_, Some('n')) | (Grouping::None, _) => None,
        (Grouping::Comma, _) => Some((b',', 3)),
        (Grouping::Underscore, _) => Some((b'_', 3)),
    }
}

/// Formats one float per the presentation type into `text` (sign included), as
/// `format_float_internal` calls `PyOS_double_to_string`. `complex_default` is `Some(())` for
/// the omitted type of complex formatting, which is repr without the added `.0`.
fn float_text(x: f64, f: &FormatSpec, precision: Option<usize>, complex_default: Option<()>, text: &mut String) {
    let mut flags = DtsFlags { alt: f.alternate, no_neg_0: f.no_neg_0, ..DtsFlags::default() };
    let mut kind = f.kind.unwrap_or('r');
    let mut default_precision = 6;
    if f.kind.is_none() {
        flags.add_dot_0 = complex_default.is_none();
        default_precision = 0;
    }
    if kind == 'n' {
        kind = 'g';
    }
    let mut value = x;
    let percent = kind == '%';
    if percent {
        kind = 'f';
        value *= 100.0;
    }
    let precision = match precision {
        Some(p) => {
            if kind == 'r' {
                kind = 'g';
            }
            p
        }
        None => default_precision,
    };
    float::double_to_string(value, kind as u8, precision, flags, text);
    if percent {
        text.push('%');
    }
}

/// Splits a formatted float into sign, integer digits, decimal point and remainder
/// (CPython's `parse_number`).
fn split_float(text: &str) -> Number<'_> {
    let (negative, body) = match text.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, text),
    };
    let digits_end = body.bytes().position(|b| !b.is_ascii_digit()).unwrap_or(body.len());
    let rest = &body[digits_end..];
    let (has_decimal, remainder) = match rest.strip_prefix('.') {
        Some(r) => (true, r),
        None => (false, rest),
    };
    Number { negative, prefix: "", digits: &body[..digits_end], has_decimal, remainder }
}

/// `format(z, spec)` for a `complex` with parts `re` and `im`. An empty spec appends `str(z)`.
pub fn format_complex(re: f64, im: f64, spec: &str, type_name: &str, out: &mut String) -> Result<(), PyError> {
    let f = if spec.is_empty() {
        FormatSpec {
            fill: ' ',
            align: Align::Right,
            sign: None,
            no_neg_0: false,
            alternate: false,
            width: None,
            grouping: Grouping::None,
            precision: None,
            kind: None,
        }
    } else {
        parse(spec, type_name, None, Align::Right)?
    };
    match f.kind {
        None | Some('e' | 'E' | 'f' | 'F' | 'g' | 'G' | 'n') => {}
        Some(t) => return Err(unknown_code(t, type_name)),
    }
    let precision = checked_precision(&f)?;
    if f.fill == '0' {
        return Err(PyError::value("Zero padding is not allowed in complex format specifier"));
    }
    if f.align == Align::AfterSign {
        return Err(PyError::value("'=' alignment flag is not allowed in complex format specifier"));
    }
    let mut skip_re = false;
    let mut add_parens = false;
    if f.kind.is_none() {
        if re == 0.0 && re.is_sign_positive() {
            skip_re = true;
        } else {
            add_parens = true;
        }
    }
    let mut re_text = String::with_capacity(24);
    let mut im_text = String::with_capacity(24);
    float_text(re, &f, precision, Some(()), &mut re_text);
    float_text(im, &f, precision, Some(()), &mut im_text);
    let grouping = float_grouping(&f);
    // The parts are laid out unpadded; the whole is padded afterwards.
    let unpadded = FormatSpec { fill: '\0', align: Align::Left, width: None, ..f };
    let mut body = String::with_capacity(re_text.len() + im_text.len() + 8);
    if add_parens {
        body.push('(');
    }
    if !skip_re {
        write_number(&split_float(&re_text), &unpadded, grouping, &mut body);
    }
    let im_spec = if skip_re { unpadded } else { FormatSpec { sign: Some('+'), ..unpadded } };
    write_number(&split_float(&im_text), &im_spec, grouping, &mut body);
    body.push('j');
    if add_parens {
        body.push(')');
    }
    let (left, right) = calc_padding(body.chars().count(), f.width, f.align);
    reserve_width(&f, out)?;
    push_fill(out, f.fill, left);
    out.push_str(&body);
    push_fill(out, f.fill, right);
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fs(s: &str, spec: &str) -> Result<String, String> {
        let mut out = String::new();
        format_str(s, spec, "str", &mut out).map(|_| out).map_err(|e| e.message().to_string())
    }
    fn fi(i: i128, spec: &str) -> Result<String, String> {
        let mut out = String::new();
        format_int(&i, spec, "int", &mut out).map(|_| out).map_err(|e| e.message().to_string())
    }
    fn ff(x: f64, spec: &str) -> Result<String, String> {
        let mut out = String::new();
        format_float(x, spec, "float", &mut out).map(|_| out).map_err(|e| e.message().to_string())
    }
    fn fc(re: f64, im: f64, spec: &str) -> Result<String, String> {
        let mut out = String::new();
        format_complex(re, im, spec, "complex", &mut out).map(|_| out).map_err(|e| e.message().to_string())
    }

    #[test]
    fn a_width_the_allocator_refuses_is_memory_error() {
        let huge = "1000000000000000000";
        let mut out = String::new();
        assert_eq!(format_int(&1i64, huge, "int", &mut out), Err(PyError::MemoryError));
        assert_eq!(format_float(1.5, huge, "float", &mut out), Err(PyError::MemoryError));
        assert_eq!(format_str("a", huge, "str", &mut out), Err(PyError::MemoryError));
        assert_eq!(format_complex(1.0, 2.0, huge, "complex", &mut out), Err(PyError::MemoryError));
        // Spec errors come first, as in CPython.
        assert_eq!(fs("a", "1000000000000000000d").unwrap_err(), "Unknown format code 'd' for object of type 'str'");
    }

    #[test]
    fn strings() {
        assert_eq!(fs("ab", "010").unwrap(), "ab00000000");
        assert_eq!(fs("a", "😀^5").unwrap(), "😀😀a😀😀");
        assert_eq!(fs("hello", ".2").unwrap(), "he");
        assert_eq!(fs("é", "^5").unwrap(), "  é  ");
        assert_eq!(fs("s", "+").unwrap_err(), "Sign not allowed in string format specifier");
        assert_eq!(fs("s", ",").unwrap_err(), "Cannot specify ',' with 's'.");
        assert_eq!(fs("s", "x").unwrap_err(), "Unknown format code 'x' for object of type 'str'");
        assert_eq!(fs("s", "<€").unwrap_err(), "Unknown format code '\\x20ac' for object of type 'str'");
    }

    #[test]
    fn ints() {
        assert_eq!(fi(-255, "=+#12_x").unwrap(), "-0x       ff");
        assert_eq!(fi(12345678, "020,").unwrap(), "0,000,000,012,345,678");
        assert_eq!(fi(-12345678, "0=20_x").unwrap(), "-0000_0000_00bc_614e");
        assert_eq!(fi(255, "#_X").unwrap(), "0XFF");
        assert_eq!(fi(65, "^5c").unwrap(), "  A  ");
        assert_eq!(fi(5, "%").unwrap(), "500.000000%");
        assert_eq!(fi(5, "١٠").unwrap(), "         5");
        assert_eq!(fi(5, "xx").unwrap_err(), "Invalid format specifier 'xx' for object of type 'int'");
        assert_eq!(fi(5, ".2").unwrap_err(), "Precision not allowed in integer format specifier");
        assert_eq!(fi(-1, "c").unwrap_err(), "%c arg not in range(0x110000)");
        assert_eq!(fi(5, "_n").unwrap_err(), "Cannot specify '_' with 'n'.");
        assert_eq!(fi(5, "99999999999999999999").unwrap_err(), "Too many decimal digits in format string");
    }

    #[test]
    fn floats() {
        assert_eq!(ff(1e6, "015,.2f").unwrap(), "0,001,000,000.00");
        assert_eq!(ff(1e6, "017,.2f").unwrap(), "00,001,000,000.00");
        assert_eq!(ff(f64::NAN, "010,").unwrap(), "0000000nan");
        assert_eq!(ff(-0.0, "z").unwrap(), "0.0");
        assert_eq!(ff(1.0, "#.0").unwrap(), "1.e+00");
        assert_eq!(ff(0.1, ".0%").unwrap(), "10%");
        assert_eq!(ff(1.5, "d").unwrap_err(), "Unknown format code 'd' for object of type 'float'");
        assert_eq!(ff(5.0, ".,f").unwrap_err(), "Format specifier missing precision");
    }

    #[test]
    fn complexes() {
        assert_eq!(fc(0.0, 1.0, "").unwrap(), "1j");
        assert_eq!(fc(1.0, 2.0, "^20.2f").unwrap(), "     1.00+2.00j     ");
        assert_eq!(fc(-0.0, -0.0, "z").unwrap(), "(0+0j)");
        assert_eq!(fc(0.0, 1.0, "#.0f").unwrap(), "0.+1.j");
        assert_eq!(fc(0.0, 1.0, "0").unwrap_err(), "Zero padding is not allowed in complex format specifier");
    }
}
