//! `%`-formatting of `str` (`'%5.2f %s' % args`), as CPython 3.13's `PyUnicode_Format`.
//!
//! The format is scanned left to right; text between conversions is copied. A conversion is
//! `%[(key)][flags][width][.precision][h|l|L]type` with flags `- + space # 0`, width and
//! precision digits or `*` (taken from the next argument; a negative `*` width left-justifies,
//! a negative `*` precision is 0). `%%` is a literal percent only when written exactly so.
//!
//! Arguments: a tuple supplies them in order; any other object is a single argument; a mapping
//! that is not a tuple or str also serves `%(key)` look-ups (and CPython then does not complain
//! about unused arguments). The argument of a conversion is fetched *before* its type letter is
//! checked, so `'%y' % ()` complains about arguments, not about `y` — as CPython does.
//!
//! Conversions: `s r a` call the object layer's `str`/`repr`/`ascii`, truncated to the
//! precision; `d i u` take `int(v)` (floats truncate), `o x X` take `operator.index(v)`, with
//! the precision as a minimum digit count and `#` adding `0o`/`0x`/`0X`; `e E f F g G` take
//! `float(v)` and use [`crate::float::double_to_string`] (precision 6 by default); `c` takes a
//! one-character str or an int code point. Padding then follows `unicode_format_arg_output`:
//! the fill is `0` only for numbers with the `0` flag, the sign and `0x` prefix go before zero
//! padding and after space padding, and `-` pads on the right with spaces.
//!
//! The object layer supplies the values through [`FormatOps`]; this module holds every rule
//! and every message.

use crate::error::{PyError, reserve};
use crate::float::{self, DtsFlags};
use crate::format_spec::IntValue;

const F_LJUST: u8 = 1;
const F_SIGN: u8 = 2;
const F_BLANK: u8 = 4;
const F_ALT: u8 = 8;
const F_ZERO: u8 = 16;

/// The right operand of `%`.
pub enum Args<'a, V> {
    /// A tuple: its items are the arguments.
    Tuple(&'a [V]),
    /// Any other object: one argument. `is_mapping` is CPython's `PyMapping_Check` (true for
    /// dicts, lists and any object with `__getitem__`; the caller excludes str).
    Single { value: &'a V, is_mapping: bool },
}

/// What `%c` finds in its argument.
pub enum CharArg {
    /// A `str`: its only character, or `None` when its length is not 1.
    Str(Option<char>),
    /// An int (or `__index__` object): its value as a C long, `None` on overflow.
    Int(Option<i64>),
    /// Neither (the int conversion raised `TypeError`).
    Other,
}

/// The object layer's side of `%`-formatting: conversions of one argument value.
pub trait FormatOps {
    /// An argument (an object reference).
    type Value;
    /// An int extracted from an argument.
    type Int: IntValue;
    /// The object layer's exception type; format errors arrive as [`PyError`].
    type Error: From<PyError>;

    /// `type(v).__name__`, for messages.
    fn type_name(&self, v: &Self::Value) -> String;
    /// `mapping[key]` for `%(key)`.
    fn get_item(&mut self, mapping: &Self::Value, key: &str) -> Result<Self::Value, Self::Error>;
    /// Appends `str(v)`.
    fn write_str(&mut self, v: &Self::Value, out: &mut String) -> Result<(), Self::Error>;
    /// Appends `repr(v)`.
    fn write_repr(&mut self, v: &Self::Value, out: &mut String) -> Result<(), Self::Error>;
    /// Appends `ascii(v)`.
    fn write_ascii(&mut self, v: &Self::Value, out: &mut String) -> Result<(), Self::Error>;
    /// `v` itself when it is an int (`PyLong_Check`), for `*` widths; `None` otherwise.
    fn exact_int(&mut self, v: &Self::Value) -> Option<Self::Int>;
    /// For `d i u` (`index_only == false`: `int(v)`, floats truncate) and `o x X`
    /// (`index_only == true`: `operator.index(v)`). `Ok(None)` when `v` is not a number or the
    /// conversion raised `TypeError`; other exceptions (`OverflowError` for `int(inf)`, ...)
    /// are returned as errors.
    fn to_int(&mut self, v: &Self::Value, index_only: bool) -> Result<Option<Self::Int>, Self::Error>;
    /// `float(v)` as `PyFloat_AsDouble` does it; `Ok(None)` when `v` has no `__float__` or
    /// `__index__` (a `TypeError`); other exceptions are returned as errors.
    fn to_float(&mut self, v: &Self::Value) -> Result<Option<f64>, Self::Error>;
    /// Classifies the argument of `%c`.
    fn to_char(&mut self, v: &Self::Value) -> Result<CharArg, Self::Error>;
}

/// The arguments being consumed (CPython's `args`, `arglen`, `argidx`).
enum Source<'a, V> {
    Tuple { items: &'a [V], next: usize },
    Single { value: &'a V, used: bool },
    Keyed { value: V, used: bool },
}

impl<V> Source<'_, V> {
    fn next(&mut self) -> Result<&V, PyError> {
        let not_enough = || PyError::type_error("not enough arguments for format string");
        match self {
            Source::Tuple { items, next } => {
                let v = items.get(*next).ok_or_else(not_enough)?;
                *next += 1;
                Ok(v)
            }
            Source::Single { value, used } => {
                if *used {
                    return Err(not_enough());
                }
                *used = true;
                Ok(value)
            }
            Source::Keyed { value, used } => {
                if *used {
                    return Err(not_enough());
                }
                *used = true;
                Ok(value)
            }
        }
    }

    fn all_used(&self) -> bool {
        match self {
            Source::Tuple { items, next } => *next >= items.len(),
            Source::Single { used, .. } | Source::Keyed { used, .. } => *used,
        }
    }
}

/// A cursor over the format with CPython's bookkeeping: `cnt` is `fmtcnt`, the number of
/// characters left after the one most recently read, negative once the end was passed.
struct Cursor<'a> {
    text: &'a str,
    byte: usize,
    index: usize,
    cnt: isize,
}

impl Cursor<'_> {
    /// `FORMAT_READ` then `fmtpos++`: the character at the position (NUL past the end).
    #[inline]
    fn read(&mut self) -> char {
        match self.text[self.byte..].chars().next() {
            Some(c) => {
                self.byte += c.len_utf8();
                self.index += 1;
                c
            }
            None => {
                self.index += 1;
                '\0'
            }
        }
    }

    #[inline]
    fn peek(&self) -> char {
        self.text[self.byte..].chars().next().unwrap_or('\0')
    }

    /// `--fmtcnt >= 0`
    #[inline]
    fn take(&mut self) -> bool {
        self.cnt -= 1;
        self.cnt >= 0
    }
}

/// Appends `format % args` to `out`.
pub fn format<O: FormatOps>(
    format: &str,
    args: Args<'_, O::Value>,
    ops: &mut O,
    out: &mut String,
) -> Result<(), O::Error> {
    let (mut source, mapping) = match args {
        Args::Tuple(items) => (Source::Tuple { items, next: 0 }, None),
        Args::Single { value, is_mapping } => (Source::Single { value, used: false }, is_mapping.then_some(value)),
    };
    let mut cur = Cursor { text: format, byte: 0, index: 0, cnt: format.chars().count() as isize };
    out.reserve(format.len());
    while cur.take() {
        match format[cur.byte..].find('%') {
            None => {
                out.push_str(&format[cur.byte..]);
                break;
            }
            Some(0) => {}
            Some(offset) => {
                let literal = &format[cur.byte..cur.byte + offset];
                out.push_str(literal);
                let n = literal.chars().count();
                cur.byte += offset;
                cur.index += n;
                cur.cnt -= n as isize;
                if cur.cnt < 0 {
                    break;
                }
            }
        }
        // At a '%'.
        cur.read();
        format_one(&mut cur, &mut source, mapping, ops, out)?;
    }
    if mapping.is_none() && !source.all_used() {
        return Err(PyError::type_error("not all arguments converted during string formatting").into());
    }
    Ok(())
}

/// One conversion after its `%` (CPython's `unicode_format_arg`).
fn format_one<'a, O: FormatOps>(
    cur: &mut Cursor<'_>,
    source: &mut Source<'a, O::Value>,
    mapping: Option<&'a O::Value>,
    ops: &mut O,
    out: &mut String,
) -> Result<(), O::Error> {
    let mut ch = cur.peek();
    if ch == '%' {
        cur.read();
        cur.cnt -= 1;
        out.push('%');
        return Ok(());
    }
    let mut flags = 0u8;
    let mut width: isize = -1;
    let mut prec: i64 = -1;

    if ch == '(' {
        let Some(mapping) = mapping else {
            return Err(PyError::type_error("format requires a mapping").into());
        };
        cur.read();
        cur.cnt -= 1;
        let key_start = cur.byte;
        let mut depth = 1;
        while depth > 0 && cur.take() {
            ch = cur.read();
            if ch == ')' {
                depth -= 1;
            } else if ch == '(' {
                depth += 1;
            }
        }
        if cur.cnt < 0 || depth > 0 {
            return Err(PyError::value("incomplete format key").into());
        }
        let key = &cur.text[key_start..cur.byte - 1];
        let value = ops.get_item(mapping, key)?;
        *source = Source::Keyed { value, used: false };
    }
    while cur.take() {
        ch = cur.read();
        match ch {
            '-' => flags |= F_LJUST,
            '+' => flags |= F_SIGN,
            ' ' => flags |= F_BLANK,
            '#' => flags |= F_ALT,
            '0' => flags |= F_ZERO,
            _ => break,
        }
    }
    if ch == '*' {
        let v = source.next()?;
        let w = star_value(ops, v)?;
        width = isize::try_from(w).map_err(|_| PyError::overflow("Python int too large to convert to C ssize_t"))?;
        if width < 0 {
            flags |= F_LJUST;
            width = width.checked_neg().unwrap_or(isize::MAX);
        }
        if cur.take() {
            ch = cur.read();
        }
    } else if ch.is_ascii_digit() {
        width = (ch as u8 - b'0') as isize;
        while cur.take() {
            ch = cur.read();
            if !ch.is_ascii_digit() {
                break;
            }
            let d = (ch as u8 - b'0') as isize;
            if width > (isize::MAX - d) / 10 {
                return Err(PyError::value("width too big").into());
            }
            width = width * 10 + d;
        }
    }
    if ch == '.' {
        prec = 0;
        if cur.take() {
            ch = cur.read();
        }
        if ch == '*' {
            let v = source.next()?;
            let p = star_value(ops, v)?;
            prec =
                i64::from(i32::try_from(p).map_err(|_| PyError::overflow("Python int too large to convert to C int"))?)
                    .max(0);
            if cur.take() {
                ch = cur.read();
            }
        } else if ch.is_ascii_digit() {
            prec = i64::from(ch as u8 - b'0');
            while cur.take() {
                ch = cur.read();
                if !ch.is_ascii_digit() {
                    break;
                }
                let d = i64::from(ch as u8 - b'0');
                if prec > (i64::from(i32::MAX) - d) / 10 {
                    return Err(PyError::value("precision too big").into());
                }
                prec = prec * 10 + d;
            }
        }
    }
    if cur.cnt >= 0 && matches!(ch, 'h' | 'l' | 'L') && cur.take() {
        ch = cur.read();
    }
    if cur.cnt < 0 {
        return Err(PyError::value("incomplete format").into());
    }

    // unicode_format_arg_format: fetch the argument, then convert by type.
    let v = source.next()?;
    let mut text = String::new();
    let mut numeric = false;
    match ch {
        's' | 'r' | 'a' => match ch {
            's' => ops.write_str(v, &mut text)?,
            'r' => ops.write_repr(v, &mut text)?,
            _ => ops.write_ascii(v, &mut text)?,
        },
        'i' | 'd' | 'u' | 'o' | 'x' | 'X' => {
            let index_only = matches!(ch, 'o' | 'x' | 'X');
            let Some(i) = ops.to_int(v, index_only)? else {
                let what = if index_only { "an integer" } else { "a real number" };
                let msg = format!("%{ch} format: {what} is required, not {}", ops.type_name(v));
                return Err(PyError::type_error(msg).into());
            };
            format_long(&i, flags & F_ALT != 0, prec, ch, &mut text)?;
            numeric = true;
        }
        'e' | 'E' | 'f' | 'F' | 'g' | 'G' => {
            let Some(x) = ops.to_float(v)? else {
                return Err(PyError::type_error(format!("must be real number, not {}", ops.type_name(v))).into());
            };
            let precision = if prec < 0 { 6 } else { prec as usize };
            let dts = DtsFlags { alt: flags & F_ALT != 0, ..DtsFlags::default() };
            float::double_to_string(x, ch as u8, precision, dts, &mut text);
            numeric = true;
        }
        'c' => {
            let c = match ops.to_char(v)? {
                CharArg::Str(Some(c)) => c,
                CharArg::Str(None) | CharArg::Other => {
                    return Err(PyError::type_error("%c requires int or char").into());
                }
                CharArg::Int(code) => match code.and_then(|c| u32::try_from(c).ok()).filter(|&c| c < 0x110000) {
                    Some(c) => char::from_u32(c).ok_or_else(|| {
                        // A lone surrogate cannot live in a Rust string (CPython makes a
                        // one-character str holding it).
                        PyError::value("%c of a surrogate code point needs the object layer's str")
                    })?,
                    None => return Err(PyError::overflow("%c arg not in range(0x110000)").into()),
                },
            };
            text.push(c);
        }
        _ => {
            let shown = if (31..=126).contains(&(ch as u32)) { ch } else { '?' };
            let msg = format!("unsupported format character '{shown}' (0x{:x}) at index {}", ch as u32, cur.index - 1);
            return Err(PyError::value(msg).into());
        }
    }
    // A width the allocator refuses is `MemoryError`, as in CPython.
    reserve(out, text.len() + width.max(0) as usize)?;
    write_padded(&text, ch, flags, width, prec, numeric, out);
    Ok(())
}

/// The value of a `*` argument, which must be an int; saturated to `i128` (the callers range
/// check it against `ssize_t` / `int`).
fn star_value<O: FormatOps>(ops: &mut O, v: &O::Value) -> Result<i128, O::Error> {
    let Some(i) = ops.exact_int(v) else {
        return Err(PyError::type_error("* wants int").into());
    };
    // Only the magnitude's size matters beyond i64: anything larger overflows either way.
    Ok(match i.to_i64() {
        Some(n) => i128::from(n),
        None if i.is_negative() => i128::MIN,
        None => i128::MAX,
    })
}

/// `_PyUnicode_FormatLong`: `[-][0x|0X|0o]digits`, digits zero-extended to `prec`.
fn format_long<I: IntValue>(i: &I, alt: bool, prec: i64, kind: char, out: &mut String) -> Result<(), PyError> {
    if prec > i64::from(i32::MAX) - 3 {
        return Err(PyError::overflow("precision too large"));
    }
    if i.is_negative() {
        out.push('-');
    }
    let base = match kind {
        'o' => 8,
        'x' | 'X' => 16,
        _ => 10,
    };
    if alt && base != 10 {
        out.push('0');
        out.push(if kind == 'o' { 'o' } else { kind });
    }
    let digits_start = out.len();
    i.write_magnitude(base, out);
    let ndigits = (out.len() - digits_start) as i64;
    if prec > ndigits {
        let mut zeros = String::new();
        reserve(&mut zeros, (prec - ndigits) as usize)?;
        zeros.extend(std::iter::repeat_n('0', (prec - ndigits) as usize));
        out.insert_str(digits_start, &zeros);
    }
    if kind == 'X' {
        out[digits_start..].make_ascii_uppercase();
    }
    Ok(())
}

/// `unicode_format_arg_output`: precision truncation for strings, sign, `0x` prefix and
/// padding.
fn write_padded(text: &str, kind: char, flags: u8, width: isize, prec: i64, numeric: bool, out: &mut String) {
    let mut len = text.chars().count() as isize;
    if (width == -1 || width <= len) && (prec == -1 || prec >= len as i64) && flags & (F_SIGN | F_BLANK) == 0 {
        out.push_str(text);
        return;
    }
    let mut body = text;
    if matches!(kind, 's' | 'r' | 'a') && prec >= 0 && len as i64 > prec {
        len = prec as isize;
        let end = body.char_indices().nth(prec as usize).map_or(body.len(), |(b, _)| b);
        body = &body[..end];
    }
    let fill = if numeric && flags & F_ZERO != 0 { '0' } else { ' ' };
    let mut sign = None;
    if numeric {
        match body.chars().next() {
            Some(c @ ('-' | '+')) => {
                sign = Some(c);
                body = &body[1..];
                len -= 1;
            }
            _ if flags & F_SIGN != 0 => sign = Some('+'),
            _ if flags & F_BLANK != 0 => sign = Some(' '),
            _ => {}
        }
    }
    let mut width = width.max(len);
    if let Some(s) = sign {
        if fill != ' ' {
            out.push(s);
        }
        if width > len {
            width -= 1;
        }
    }
    let has_prefix = flags & F_ALT != 0 && matches!(kind, 'x' | 'X' | 'o');
    let mut prefix = "";
    if has_prefix {
        prefix = &body[..2];
        body = &body[2..];
        if fill != ' ' {
            out.push_str(prefix);
        }
        width = (width - 2).max(0);
        len -= 2;
    }
    if width > len && flags & F_LJUST == 0 {
        out.extend(std::iter::repeat_n(fill, (width - len) as usize));
        width = len;
    }
    if fill == ' ' {
        if let Some(s) = sign {
            out.push(s);
        }
        out.push_str(prefix);
    }
    out.push_str(body);
    if width > len {
        out.extend(std::iter::repeat_n(' ', (width - len) as usize));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A miniature object model: ints, floats and strs.
    #[derive(Clone, Debug)]
    enum V {
        I(i64),
        F(f64),
        S(&'static str),
    }

    struct Ops;

    impl FormatOps for Ops {
        type Value = V;
        type Int = i64;
        type Error = PyError;
        fn type_name(&self, v: &V) -> String {
            match v {
                V::I(_) => "int",
                V::F(_) => "float",
                V::S(_) => "str",
            }
            .to_string()
        }
        fn get_item(&mut self, _: &V, key: &str) -> Result<V, PyError> {
            Err(PyError::KeyError(format!("'{key}'").into()))
        }
        fn write_str(&mut self, v: &V, out: &mut String) -> Result<(), PyError> {
            match v {
                V::I(i) => out.push_str(&i.to_string()),
                V::F(x) => float::repr(*x, out),
                V::S(s) => out.push_str(s),
            }
            Ok(())
        }
        fn write_repr(&mut self, v: &V, out: &mut String) -> Result<(), PyError> {
            match v {
                V::S(s) => crate::str_repr::repr_str(s, out),
                other => self.write_str(other, out)?,
            }
            Ok(())
        }
        fn write_ascii(&mut self, v: &V, out: &mut String) -> Result<(), PyError> {
            self.write_repr(v, out)
        }
        fn exact_int(&mut self, v: &V) -> Option<i64> {
            if let V::I(i) = v { Some(*i) } else { None }
        }
        fn to_int(&mut self, v: &V, index_only: bool) -> Result<Option<i64>, PyError> {
            Ok(match v {
                V::I(i) => Some(*i),
                V::F(x) if !index_only => Some(x.trunc() as i64),
                _ => None,
            })
        }
        fn to_float(&mut self, v: &V) -> Result<Option<f64>, PyError> {
            Ok(match v {
                V::I(i) => Some(*i as f64),
                V::F(x) => Some(*x),
                V::S(_) => None,
            })
        }
        fn to_char(&mut self, v: &V) -> Result<CharArg, PyError> {
            Ok(match v {
                V::I(i) => CharArg::Int(Some(*i)),
                V::S(s) => CharArg::Str(Some(*s).filter(|s| s.chars().count() == 1).and_then(|s| s.chars().next())),
                V::F(_) => CharArg::Other,
            })
        }
    }

    fn fmt(f: &str, args: &[V]) -> Result<String, String> {
        let mut out = String::new();
        format(f, Args::Tuple(args), &mut Ops, &mut out).map(|_| out).map_err(|e| e.message().to_string())
    }

    #[test]
    fn conversions() {
        assert_eq!(
            fmt(
                "%5.2f %s %r %d %x %o %e %g %c %%",
                &[V::F(1.23456), V::S("s"), V::S("r"), V::I(42), V::I(255), V::I(8), V::F(1e100), V::F(1e-5), V::I(65)]
            )
            .unwrap(),
            " 1.23 s 'r' 42 ff 10 1.000000e+100 1e-05 A %"
        );
        assert_eq!(
            fmt("%#08x|%-#8o|%+.3d|% 05d", &[V::I(-255), V::I(8), V::I(5), V::I(3)]).unwrap(),
            "-0x000ff|0o10    |+005| 0003"
        );
        assert_eq!(fmt("%*.*f|%-*d|", &[V::I(8), V::I(2), V::F(1.23456), V::I(3), V::I(1)]).unwrap(), "    1.23|1  |");
        assert_eq!(fmt("%010.2f", &[V::F(f64::NEG_INFINITY)]).unwrap(), "-000000inf");
    }

    #[test]
    fn errors() {
        assert_eq!(fmt("%s %s", &[V::I(1)]).unwrap_err(), "not enough arguments for format string");
        assert_eq!(fmt("%s", &[V::I(1), V::I(2)]).unwrap_err(), "not all arguments converted during string formatting");
        assert_eq!(fmt("%d", &[V::S("x")]).unwrap_err(), "%d format: a real number is required, not str");
        assert_eq!(fmt("%x", &[V::F(1.5)]).unwrap_err(), "%x format: an integer is required, not float");
        assert_eq!(fmt("%y", &[V::I(1)]).unwrap_err(), "unsupported format character 'y' (0x79) at index 1");
        assert_eq!(fmt("%€", &[V::I(1)]).unwrap_err(), "unsupported format character '?' (0x20ac) at index 1");
        assert_eq!(fmt("%5%", &[V::I(1)]).unwrap_err(), "unsupported format character '%' (0x25) at index 2");
        assert_eq!(fmt("abc%", &[]).unwrap_err(), "incomplete format");
        assert_eq!(fmt("%(a)s", &[]).unwrap_err(), "format requires a mapping");
        assert_eq!(fmt("%c", &[V::S("ab")]).unwrap_err(), "%c requires int or char");
        assert_eq!(fmt("%c", &[V::I(-1)]).unwrap_err(), "%c arg not in range(0x110000)");
        assert_eq!(fmt("%f", &[V::S("s")]).unwrap_err(), "must be real number, not str");
    }

    #[test]
    fn a_width_the_allocator_refuses_is_memory_error() {
        let mut out = String::new();
        let err = format("%1000000000000000000d", Args::Tuple(&[V::I(1)]), &mut Ops, &mut out).unwrap_err();
        assert_eq!(err, PyError::MemoryError);
        let err = format("%.3000000000d", Args::Tuple(&[V::I(1)]), &mut Ops, &mut out).unwrap_err();
        assert_eq!(err.exception_name(), "ValueError");
    }
}
