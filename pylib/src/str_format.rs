//! `str.format()` and `str.format_map()`, as CPython 3.13's `Objects/stringlib/unicode_format.h`.
//!
//! The format string is cut into literal text and replacement fields (`MarkupIterator`):
//! `{{` and `}}` are escaped braces, a lone `}` is an error, and a field runs to its matching
//! `}`. A field is `field_name[!conversion][:format_spec]` (`parse_field`): the name stops at
//! `!`, `:` or `}` but not inside `[...]`; the conversion is one character followed by `:` or
//! `}`; the spec counts nested braces, and when it contains any it is itself formatted first
//! (at most two levels deep: `Max string recursion exceeded`).
//!
//! A field name is `first(.attr|[key])*` (`field_name_split`, `FieldNameIterator`): `first`
//! made of decimal digits (any script) is a positional index, empty means automatic numbering
//! (which cannot be mixed with explicit indices), anything else is a keyword. `[key]` with an
//! all-digit key indexes by integer, otherwise by the string.
//!
//! The object layer supplies look-ups, conversions and `__format__` through [`FieldOps`].

use crate::error::PyError;
use crate::unicode::decimal_value;

/// The object layer's side of `str.format`.
pub trait FieldOps {
    /// An object reference.
    type Value;
    /// The object layer's exception type; format errors arrive as [`PyError`].
    type Error: From<PyError>;

    /// `args[index]`, or `None` past the end. Not called for `format_map` (see
    /// [`format_map`]).
    fn positional(&mut self, index: usize) -> Option<Self::Value>;
    /// `kwargs[name]` (`mapping[name]` for `format_map`), raising `KeyError` when missing.
    fn keyword(&mut self, name: &str) -> Result<Self::Value, Self::Error>;
    /// `getattr(v, name)`.
    fn getattr(&mut self, v: &Self::Value, name: &str) -> Result<Self::Value, Self::Error>;
    /// `v[index]` for an all-digit key.
    fn getitem_index(&mut self, v: &Self::Value, index: usize) -> Result<Self::Value, Self::Error>;
    /// `v[key]` for any other key.
    fn getitem_str(&mut self, v: &Self::Value, key: &str) -> Result<Self::Value, Self::Error>;
    /// `repr(v)`, `str(v)` or `ascii(v)` for the conversions `r`, `s`, `a`.
    fn convert(&mut self, v: &Self::Value, conversion: char) -> Result<Self::Value, Self::Error>;
    /// Appends `format(v, spec)`.
    fn format_value(&mut self, v: &Self::Value, spec: &str, out: &mut String) -> Result<(), Self::Error>;
}

/// Automatic field numbering state (`AutoNumber`).
#[derive(Clone, Copy, PartialEq, Eq)]
enum Numbering {
    Init,
    Auto,
    Manual,
}

struct Formatter<'o, O: FieldOps> {
    ops: &'o mut O,
    /// `false` for `format_map`, which has no positional arguments.
    has_args: bool,
    numbering: Numbering,
    next_auto: usize,
}

/// Appends `format.format(*args, **kwargs)` to `out`.
pub fn format<O: FieldOps>(format: &str, ops: &mut O, out: &mut String) -> Result<(), O::Error> {
    let mut f = Formatter { ops, has_args: true, numbering: Numbering::Init, next_auto: 0 };
    f.build(format, 2, out)
}

/// Appends `format.format_map(mapping)` to `out`: keyword look-ups only.
pub fn format_map<O: FieldOps>(format: &str, ops: &mut O, out: &mut String) -> Result<(), O::Error> {
    let mut f = Formatter { ops, has_args: false, numbering: Numbering::Init, next_auto: 0 };
    f.build(format, 2, out)
}

/// One parsed replacement field.
struct Field<'a> {
    name: &'a str,
    conversion: Option<char>,
    spec: &'a str,
    spec_needs_expanding: bool,
}

impl<O: FieldOps> Formatter<'_, O> {
    fn build(&mut self, input: &str, depth: u32, out: &mut String) -> Result<(), O::Error> {
        if depth == 0 {
            return Err(PyError::value("Max string recursion exceeded").into());
        }
        let mut rest = input;
        while !rest.is_empty() {
            let (literal, field, after) = next_markup(rest)?;
            out.push_str(literal);
            if let Some(field) = field {
                self.output_field(&field, depth, out)?;
            }
            rest = after;
        }
        Ok(())
    }

    fn output_field(&mut self, field: &Field<'_>, depth: u32, out: &mut String) -> Result<(), O::Error> {
        let mut value = self.field_object(field.name)?;
        if let Some(conversion) = field.conversion {
            if !matches!(conversion, 'r' | 's' | 'a') {
                let v = conversion as u32;
                let msg = if v > 32 && v < 127 {
                    format!("Unknown conversion specifier {conversion}")
                } else {
                    format!("Unknown conversion specifier \\x{v:x}")
                };
                return Err(PyError::value(msg).into());
            }
            value = self.ops.convert(&value, conversion)?;
        }
        if field.spec_needs_expanding {
            let mut spec = String::new();
            self.build(field.spec, depth - 1, &mut spec)?;
            self.ops.format_value(&value, &spec, out)
        } else {
            self.ops.format_value(&value, field.spec, out)
        }
    }

    /// `get_field_object`: resolves `first(.attr|[key])*`.
    fn field_object(&mut self, name: &str) -> Result<O::Value, O::Error> {
        let first_end = name.find(['.', '[']).unwrap_or(name.len());
        let first = &name[..first_end];
        let mut index = get_integer(first)?;
        let empty = first.is_empty();
        let numeric = empty || index.is_some();
        if self.numbering == Numbering::Init && numeric {
            self.numbering = if empty { Numbering::Auto } else { Numbering::Manual };
        }
        if numeric {
            match (self.numbering, empty) {
                (Numbering::Manual, true) => {
                    return Err(PyError::value(
                        "cannot switch from manual field specification to automatic field numbering",
                    )
                    .into());
                }
                (Numbering::Auto, false) => {
                    return Err(PyError::value(
                        "cannot switch from automatic field numbering to manual field specification",
                    )
                    .into());
                }
                _ => {}
            }
        }
        if empty {
            index = Some(self.next_auto);
            self.next_auto += 1;
        }
        let mut value = match index {
            None => self.ops.keyword(first)?,
            Some(i) => {
                if !self.has_args {
                    return Err(PyError::value("Format string contains positional fields").into());
                }
                self.ops.positional(i).ok_or_else(|| {
                    PyError::IndexError(format!("Replacement index {i} out of range for positional args tuple").into())
                })?
            }
        };
        // FieldNameIterator over the rest.
        let mut rest = &name[first_end..];
        while let Some(c) = rest.chars().next() {
            rest = &rest[c.len_utf8()..];
            match c {
                '.' => {
                    let end = rest.find(['.', '[']).unwrap_or(rest.len());
                    let attr = &rest[..end];
                    rest = &rest[end..];
                    if attr.is_empty() {
                        return Err(PyError::value("Empty attribute in format string").into());
                    }
                    value = self.ops.getattr(&value, attr)?;
                }
                '[' => {
                    let Some(end) = rest.find(']') else {
                        return Err(PyError::value("Missing ']' in format string").into());
                    };
                    let key = &rest[..end];
                    rest = &rest[end + 1..];
                    let key_index = get_integer(key)?;
                    if key.is_empty() {
                        return Err(PyError::value("Empty attribute in format string").into());
                    }
                    value = match key_index {
                        Some(i) => self.ops.getitem_index(&value, i)?,
                        None => self.ops.getitem_str(&value, key)?,
                    };
                }
                _ => {
                    return Err(PyError::value("Only '.' or '[' may follow ']' in format field specifier").into());
                }
            }
        }
        Ok(value)
    }
}

/// CPython's `get_integer` for field names: `None` unless `s` is non-empty and all decimal
/// digits (any script); overflow of `Py_ssize_t` is an error.
fn get_integer(s: &str) -> Result<Option<usize>, PyError> {
    if s.is_empty() {
        return Ok(None);
    }
    let mut acc: usize = 0;
    for c in s.chars() {
        let Some(d) = decimal_value(c) else {
            return Ok(None);
        };
        if acc > (isize::MAX as usize - d as usize) / 10 {
            return Err(PyError::value("Too many decimal digits in format string"));
        }
        acc = acc * 10 + d as usize;
    }
    Ok(Some(acc))
}

/// `MarkupIterator_next`: the literal text before the next field (with an escaped brace
/// included), the field if one follows, and the rest of the input.
fn next_markup(s: &str) -> Result<(&str, Option<Field<'_>>, &str), PyError> {
    let Some(pos) = s.find(['{', '}']) else {
        return Ok((s, None, ""));
    };
    let brace = s.as_bytes()[pos];
    let after = &s[pos + 1..];
    if after.as_bytes().first() == Some(&brace) {
        // Escaped brace: the literal includes one brace, the next call continues after both.
        return Ok((&s[..pos + 1], None, &after[1..]));
    }
    if brace == b'}' {
        return Err(PyError::value("Single '}' encountered in format string"));
    }
    if after.is_empty() {
        return Err(PyError::value("Single '{' encountered in format string"));
    }
    let (field, rest) = parse_field(after)?;
    Ok((&s[..pos], Some(field), rest))
}

/// `parse_field`: `s` starts just after the `{`.
fn parse_field(s: &str) -> Result<(Field<'_>, &str), PyError> {
    let bytes = s.as_bytes();
    let mut i = 0;
    let mut stop = 0u8;
    while i < bytes.len() {
        let c = bytes[i];
        i += 1;
        match c {
            b'{' => return Err(PyError::value("unexpected '{' in field name")),
            b'[' => {
                while i < bytes.len() && bytes[i] != b']' {
                    i += 1;
                }
            }
            b'}' | b':' | b'!' => {
                stop = c;
                break;
            }
            _ => {}
        }
    }
    if stop == 0 {
        return Err(PyError::value("expected '}' before end of string"));
    }
    let name = &s[..i - 1];
    let mut field = Field { name, conversion: None, spec: "", spec_needs_expanding: false };
    if stop == b'}' {
        return Ok((field, &s[i..]));
    }
    if stop == b'!' {
        let Some(conversion) = s[i..].chars().next() else {
            return Err(PyError::value("end of string while looking for conversion specifier"));
        };
        field.conversion = Some(conversion);
        i += conversion.len_utf8();
        if i < bytes.len() {
            let c = bytes[i];
            i += 1;
            if c == b'}' {
                return Ok((field, &s[i..]));
            }
            if c != b':' {
                return Err(PyError::value("expected ':' after conversion specifier"));
            }
        }
    }
    // The spec runs to the matching '}', counting nested braces.
    let spec_start = i;
    let mut depth = 1;
    while i < bytes.len() {
        let c = bytes[i];
        i += 1;
        match c {
            b'{' => {
                field.spec_needs_expanding = true;
                depth += 1;
            }
            b'}' => {
                depth -= 1;
                if depth == 0 {
                    field.spec = &s[spec_start..i - 1];
                    return Ok((field, &s[i..]));
                }
            }
            _ => {}
        }
    }
    Err(PyError::value("unmatched '{' in format spec"))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Positional ints and keyword strs; `format_value` is `format_spec` for ints.
    struct Ops {
        args: Vec<i64>,
    }

    impl FieldOps for Ops {
        type Value = i64;
        type Error = PyError;
        fn positional(&mut self, index: usize) -> Option<i64> {
            self.args.get(index).copied()
        }
        fn keyword(&mut self, name: &str) -> Result<i64, PyError> {
            if name == "a" { Ok(42) } else { Err(PyError::KeyError(format!("'{name}'").into())) }
        }
        fn getattr(&mut self, v: &i64, name: &str) -> Result<i64, PyError> {
            if name == "real" { Ok(*v) } else { Err(PyError::value("no attribute")) }
        }
        fn getitem_index(&mut self, _: &i64, _: usize) -> Result<i64, PyError> {
            Err(PyError::type_error("'int' object is not subscriptable"))
        }
        fn getitem_str(&mut self, _: &i64, _: &str) -> Result<i64, PyError> {
            Err(PyError::type_error("'int' object is not subscriptable"))
        }
        fn convert(&mut self, v: &i64, _: char) -> Result<i64, PyError> {
            Ok(*v)
        }
        fn format_value(&mut self, v: &i64, spec: &str, out: &mut String) -> Result<(), PyError> {
            crate::format_spec::format_int(v, spec, "int", out)
        }
    }

    fn f(s: &str) -> Result<String, String> {
        let mut out = String::new();
        format(s, &mut Ops { args: vec![1, 2, 3, 5] }, &mut out).map(|_| out).map_err(|e| e.message().to_string())
    }

    #[test]
    fn fields() {
        assert_eq!(f("{{}}x{0}{1:>{3}}|{a:x}{0.real}").unwrap(), "{}x1    2|2a1");
        assert_eq!(f("{}{}{:0{}}").unwrap(), "1200003");
        assert_eq!(f("{0!r:}").unwrap(), "1");
    }

    #[test]
    fn errors() {
        assert_eq!(f("{").unwrap_err(), "Single '{' encountered in format string");
        assert_eq!(f("}").unwrap_err(), "Single '}' encountered in format string");
        assert_eq!(
            f("{0}{}").unwrap_err(),
            "cannot switch from manual field specification to automatic field numbering"
        );
        assert_eq!(
            f("{}{0}").unwrap_err(),
            "cannot switch from automatic field numbering to manual field specification"
        );
        assert_eq!(f("{0!}").unwrap_err(), "unmatched '{' in format spec");
        assert_eq!(f("{0!x}").unwrap_err(), "Unknown conversion specifier x");
        assert_eq!(f("{0!rr}").unwrap_err(), "expected ':' after conversion specifier");
        assert_eq!(f("{0:{1:{2}}}").unwrap_err(), "Max string recursion exceeded");
        assert_eq!(f("{0[}").unwrap_err(), "expected '}' before end of string");
        assert_eq!(f("{0[]}").unwrap_err(), "Empty attribute in format string");
        assert_eq!(f("{0.real]x}").unwrap_err(), "no attribute");
        assert_eq!(f("{9}").unwrap_err(), "Replacement index 9 out of range for positional args tuple");
        assert_eq!(f("{a{}").unwrap_err(), "unexpected '{' in field name");
        assert_eq!(f("{!").unwrap_err(), "end of string while looking for conversion specifier");
        let mut out = String::new();
        let e = format_map("{0}", &mut Ops { args: vec![] }, &mut out).unwrap_err();
        assert_eq!(e.message(), "Format string contains positional fields");
    }
}
