//! Values as formatted text: `format(value, spec)` and the `__format__` methods of `object`,
//! `int`, `float` and `str`; `str % args`; `str.format` and `str.format_map`.
//!
//! Every rule and message of the three mini-languages lives in pyrt-pylib (`format_spec`,
//! `printf`, `str_format`, ports of CPython 3.13's `formatter_unicode.c`,
//! `PyUnicode_Format` and `unicode_format.h`). This module is the object layer's side of them:
//!
//! * [`format`] is `PyObject_Format`: an empty spec on an exact `str`/`int` short-cuts to
//!   `str(v)`; otherwise `type(v).__format__` is looked up on the type (a special method, never
//!   the instance) and called, and its result must be a `str`. Exact `int`, `float` and `str`
//!   go straight to pylib without the look-up — the common f-string case.
//! * [`printf`] hands pylib the right operand of `%` (a tuple's items, or one value that may
//!   also be a mapping) and answers its questions about values through [`FormatOps`]: `str`,
//!   `repr`, `ascii`, `int(v)`, `operator.index(v)`, `float(v)`, a `%c` argument.
//! * [`str_format`] / [`str_format_map`] answer pylib's field look-ups (`args[i]`,
//!   `kwargs[name]`, `getattr`, `v[key]`), conversions (`!r !s !a`) and nested `format` calls
//!   through [`FieldOps`].
//!
//! pylib reports its errors as [`PyError`] (class name and message); they become exception
//! objects of the same builtin class here.

use pyrt_pylib::PyError;
use pyrt_pylib::bigint::BigInt;
use pyrt_pylib::format_spec;
use pyrt_pylib::printf::{self, CharArg, FormatOps};
use pyrt_pylib::str_format::{self, FieldOps};

use super::abstract_ops as ops;
use super::builtin::args;
use super::float::as_float;
use super::header::PyObject;
use super::immortal::types;
use super::int::{self, IntVal, as_int, new_int};
use super::obj::Obj;
use super::str::{as_str_object, new_str, str_value};
use super::tuple::{self, items};
use crate::error::{PyErr, PyResult};

impl From<PyError> for PyErr {
    fn from(e: PyError) -> PyErr {
        if e.message().is_empty() {
            // A bare class (`MemoryError`): no arguments, as CPython raises it.
            return PyErr::from_kind(crate::error::ExcKind::from_name(e.exception_name()));
        }
        super::exceptions::raise_msg(types().exc.named(e.exception_name()), e.message())
    }
}

/// `ascii()` of a `repr()` text: non-ASCII characters become `\xhh`, `\uhhhh` or `\Uhhhhhhhh`.
pub fn ascii_escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c as u32 {
            0..=0x7f => out.push(c),
            v @ 0x80..=0xff => out.push_str(&format!("\\x{v:02x}")),
            v @ 0x100..=0xffff => out.push_str(&format!("\\u{v:04x}")),
            v => out.push_str(&format!("\\U{v:08x}")),
        }
    }
    out
}

/// The `format_spec` argument of a `__format__` method.
pub(crate) fn spec_arg(spec: &PyObject) -> PyResult<&str> {
    str_value(spec).ok_or_else(|| {
        PyErr::type_error(format!("__format__() argument must be str, not {}", spec.type_object().name()))
    })
}

// ---- format() / __format__ -----------------------------------------------------------------

/// `format(v, spec)` (`PyObject_Format`).
pub fn format(v: &PyObject, spec: &str) -> PyResult<Obj> {
    let ty = v.type_object();
    let t = types();
    if std::ptr::eq(ty, t.str_type) {
        return format_str_value(v, spec);
    }
    if std::ptr::eq(ty, t.int_type) {
        return if spec.is_empty() { ops::str(v) } else { format_int_value(v, spec) };
    }
    if std::ptr::eq(ty, t.float_type) {
        return format_float_value(v, spec);
    }
    let Some(meth) = super::attr::lookup_str(ty, "__format__") else {
        return Err(PyErr::type_error(format!("Type {} doesn't define __format__", ty.name())));
    };
    let spec_obj = new_str(spec)?;
    let mt = meth.type_object();
    let result = if std::ptr::eq(mt, t.method_descriptor_type) || std::ptr::eq(mt, t.function_type) {
        ops::call(&meth, &[Obj::new_ref(v), spec_obj], None)?
    } else if let Some(get) = mt.descr_get {
        let bound = get(&meth, Some(v), ty.as_object())?;
        ops::call(&bound, &[spec_obj], None)?
    } else {
        ops::call(&meth, &[spec_obj], None)?
    };
    if str_value(&result).is_none() {
        return Err(PyErr::type_error(format!("__format__ must return a str, not {}", result.type_object().name())));
    }
    Ok(result)
}

/// `str.__format__(s, spec)`.
pub(crate) fn format_str_value(s: &PyObject, spec: &str) -> PyResult<Obj> {
    if spec.is_empty() {
        // `str(s)`: a subclass's `__str__` decides.
        return ops::str(s);
    }
    if as_str_object(s).is_some_and(|o| o.has_lone_surrogates()) {
        // Padding and truncation see the surrogates through a stand-in (`str_surrogates`).
        return super::str_surrogates::on_stand_in(&Obj::new_ref(s), |m| format_str_value(m, spec));
    }
    let text = str_value(s).unwrap_or("");
    let mut out = String::new();
    format_spec::format_str(text, spec, s.type_object().name(), &mut out)?;
    new_str(&out)
}

/// The int → decimal text limit (`sys.get_int_max_str_digits()`, CVE-2020-10735) for the
/// conversions that write decimal digits: a big int whose decimal form may exceed it is
/// converted once to check (only those: below the bound every value fits).
fn check_decimal_limit(b: &BigInt) -> PyResult<()> {
    const LIMIT: usize = pyrt_pylib::int_text::DEFAULT_MAX_STR_DIGITS;
    // A value of `bits` bits has at most ceil(bits * log10(2)) digits.
    if (b.bits() as f64 * std::f64::consts::LOG10_2).ceil() as usize > LIMIT {
        pyrt_pylib::int_text::write_decimal(b, LIMIT, &mut String::new())?;
    }
    Ok(())
}

/// `int.__format__(i, spec)` for a non-empty spec.
fn format_int_value(i: &PyObject, spec: &str) -> PyResult<Obj> {
    let mut out = String::new();
    let name = i.type_object().name();
    match as_int(i) {
        Some(IntVal::Small(v)) => format_spec::format_int(&v, spec, name, &mut out)?,
        Some(IntVal::Big(b)) => {
            // No presentation type (`,`, `>10`, ...), `d` or `n` write decimal digits.
            if !spec.ends_with(|c: char| c.is_ascii_alphabetic() || c == '%') || spec.ends_with(['d', 'n']) {
                check_decimal_limit(b)?;
            }
            format_spec::format_int(b, spec, name, &mut out)?
        }
        None => return Err(PyErr::type_error("descriptor '__format__' requires a 'int' object")),
    }
    new_str(&out)
}

/// `float.__format__(x, spec)`; an empty spec is `str(x)`.
fn format_float_value(x: &PyObject, spec: &str) -> PyResult<Obj> {
    if spec.is_empty() {
        return ops::str(x);
    }
    let mut out = String::new();
    format_spec::format_float(as_float(x).unwrap_or(0.0), spec, x.type_object().name(), &mut out)?;
    new_str(&out)
}

/// `int.__format__`.
pub(crate) fn int_dunder_format(a: &[Obj], k: Option<&PyObject>) -> PyResult<Obj> {
    let (s, r) = args::method("__format__", a, k, 1, 1)?;
    let spec = spec_arg(&r[0])?;
    if spec.is_empty() { ops::str(s) } else { format_int_value(s, spec) }
}

/// `float.__format__`.
pub(crate) fn float_dunder_format(a: &[Obj], k: Option<&PyObject>) -> PyResult<Obj> {
    let (s, r) = args::method("__format__", a, k, 1, 1)?;
    format_float_value(s, spec_arg(&r[0])?)
}

// ---- str % args ----------------------------------------------------------------------------

/// `fmt % args`.
pub(crate) fn printf(fmt: &str, args: &PyObject) -> PyResult<Obj> {
    let holder = Obj::new_ref(args);
    let pargs = if tuple::is_tuple(args) {
        printf::Args::Tuple(items(args))
    } else {
        // `PyMapping_Check`, minus str (`'%s' % 'x'` is one argument, not a mapping).
        let is_mapping = args.type_object().mapping.subscript.is_some() && as_str_object(args).is_none();
        printf::Args::Single { value: &holder, is_mapping }
    };
    let mut out = String::with_capacity(fmt.len());
    printf::format(fmt, pargs, &mut PrintfOps, &mut out)?;
    new_str(&out)
}

/// The value questions `printf` asks.
struct PrintfOps;

/// Runs `f`, turning a `TypeError` into `None` (CPython's checks that fall back to a message
/// naming the format code).
fn type_error_to_none<T>(r: PyResult<T>) -> PyResult<Option<T>> {
    match r {
        Ok(v) => Ok(Some(v)),
        Err(e) if e.matches(types().exc.named("TypeError")) => Ok(None),
        Err(e) => Err(e),
    }
}

/// An int argument of `%`: a machine word when it fits (no allocation), else a big int.
enum PrintfInt {
    Small(i64),
    Big(BigInt),
}

impl format_spec::IntValue for PrintfInt {
    fn is_negative(&self) -> bool {
        match self {
            PrintfInt::Small(v) => *v < 0,
            PrintfInt::Big(b) => b.is_negative(),
        }
    }
    fn write_magnitude(&self, base: u32, out: &mut String) {
        match self {
            PrintfInt::Small(v) => v.write_magnitude(base, out),
            PrintfInt::Big(b) => b.write_magnitude(base, out),
        }
    }
    fn to_f64(&self) -> Result<f64, PyError> {
        match self {
            PrintfInt::Small(v) => v.to_f64(),
            PrintfInt::Big(b) => format_spec::IntValue::to_f64(b),
        }
    }
    fn to_i64(&self) -> Option<i64> {
        match self {
            PrintfInt::Small(v) => Some(*v),
            PrintfInt::Big(b) => b.to_i64(),
        }
    }
}

fn int_of(v: &PyObject) -> Option<PrintfInt> {
    as_int(v).map(|i| match i {
        IntVal::Small(v) => PrintfInt::Small(v),
        IntVal::Big(b) => PrintfInt::Big(b.clone()),
    })
}

impl PrintfOps {
    /// `int(v)` (`index_only == false`) or `operator.index(v)` for `%d`-like conversions.
    fn int_argument(v: &Obj, index_only: bool) -> PyResult<Option<PrintfInt>> {
        if let Some(i) = int_of(v) {
            return Ok(Some(i));
        }
        if let Some(f) = as_float(v) {
            if index_only {
                return Ok(None);
            }
            return float_to_int(f).map(|b| Some(PrintfInt::Big(b)));
        }
        let number = &v.type_object().number;
        // `%d` converts as `int(v)` (`__int__` before `__index__`), `%x` as `operator.index(v)`.
        let converted = match (number.index, number.int) {
            (_, Some(f)) if !index_only => f(v),
            (Some(f), _) => f(v),
            _ => return Ok(None),
        };
        Ok(type_error_to_none(converted)?.and_then(|i| int_of(&i)))
    }
}

impl FormatOps for PrintfOps {
    type Value = Obj;
    type Int = PrintfInt;
    type Error = PyErr;

    fn type_name(&self, v: &Obj) -> String {
        v.type_object().name().to_owned()
    }

    fn get_item(&mut self, mapping: &Obj, key: &str) -> PyResult<Obj> {
        ops::get_item(mapping, &*new_str(key)?)
    }

    fn write_str(&mut self, v: &Obj, out: &mut String) -> PyResult<()> {
        // An exact str is its own text; a subclass's `__str__` decides.
        match str_value(v).filter(|_| std::ptr::eq(v.type_object(), types().str_type)) {
            Some(t) => out.push_str(t),
            None => out.push_str(&ops::str_text(v)?),
        }
        Ok(())
    }

    fn write_repr(&mut self, v: &Obj, out: &mut String) -> PyResult<()> {
        out.push_str(&ops::repr_text(v)?);
        Ok(())
    }

    fn write_ascii(&mut self, v: &Obj, out: &mut String) -> PyResult<()> {
        out.push_str(&ascii_escape(&ops::repr_text(v)?));
        Ok(())
    }

    fn exact_int(&mut self, v: &Obj) -> Option<PrintfInt> {
        int_of(v)
    }

    fn to_int(&mut self, v: &Obj, index_only: bool) -> PyResult<Option<PrintfInt>> {
        let r = Self::int_argument(v, index_only)?;
        if let Some(PrintfInt::Big(b)) = &r {
            if !index_only {
                // `d i u` write decimal digits.
                check_decimal_limit(b)?;
            }
        }
        Ok(r)
    }

    fn to_float(&mut self, v: &Obj) -> PyResult<Option<f64>> {
        if let Some(f) = as_float(v) {
            return Ok(Some(f));
        }
        if let Some(i) = as_int(v) {
            return int::to_f64(&i).map(Some);
        }
        let number = &v.type_object().number;
        if let Some(f) = number.float {
            let r = f(v)?;
            return Ok(as_float(&r));
        }
        if let Some(f) = number.index {
            let r = f(v)?;
            return as_int(&r).map(|i| int::to_f64(&i)).transpose();
        }
        Ok(None)
    }

    fn to_char(&mut self, v: &Obj) -> PyResult<CharArg> {
        if let Some(s) = as_str_object(v) {
            return Ok(CharArg::Str((s.len() == 1).then(|| s.char_at(0))));
        }
        let i = if as_int(v).is_some() {
            Obj::new_ref(v)
        } else if let Some(f) = v.type_object().number.index {
            match type_error_to_none(f(v))? {
                Some(i) => i,
                None => return Ok(CharArg::Other),
            }
        } else {
            return Ok(CharArg::Other);
        };
        Ok(CharArg::Int(match as_int(&i) {
            Some(IntVal::Small(c)) => Some(c),
            _ => None,
        }))
    }
}

/// `int(f)` for a float: truncation, with CPython's errors for NaN and infinities.
fn float_to_int(f: f64) -> PyResult<BigInt> {
    if f.is_nan() {
        return Err(PyErr::value_error("cannot convert float NaN to integer"));
    }
    if f.is_infinite() {
        return Err(PyErr::overflow("cannot convert float infinity to integer"));
    }
    Ok(num_traits::FromPrimitive::from_f64(f.trunc()).unwrap_or_default())
}

// ---- str.format / str.format_map ------------------------------------------------------------

/// The arguments of `str.format(*args, **kwargs)`, or the mapping of `format_map`.
enum FieldSource<'a> {
    Call { positional: &'a [Obj], names: &'a [Obj], values: &'a [Obj] },
    Mapping(&'a PyObject),
}

struct StrFormatOps<'a> {
    source: FieldSource<'a>,
}

impl FieldOps for StrFormatOps<'_> {
    type Value = Obj;
    type Error = PyErr;

    fn positional(&mut self, index: usize) -> Option<Obj> {
        match &self.source {
            FieldSource::Call { positional, .. } => positional.get(index).cloned(),
            FieldSource::Mapping(_) => None,
        }
    }

    fn keyword(&mut self, name: &str) -> PyResult<Obj> {
        match &self.source {
            FieldSource::Call { names, values, .. } => match names.iter().position(|n| str_value(n) == Some(name)) {
                Some(i) => Ok(values[i].clone()),
                None => Err(PyErr::key_error(&*new_str(name)?)),
            },
            FieldSource::Mapping(m) => ops::get_item(m, &*new_str(name)?),
        }
    }

    fn getattr(&mut self, v: &Obj, name: &str) -> PyResult<Obj> {
        ops::get_attr_str(v, name)
    }

    fn getitem_index(&mut self, v: &Obj, index: usize) -> PyResult<Obj> {
        let key = match i64::try_from(index) {
            Ok(i) => new_int(i)?,
            Err(_) => int::new_big(BigInt::from(index))?,
        };
        ops::get_item(v, &key)
    }

    fn getitem_str(&mut self, v: &Obj, key: &str) -> PyResult<Obj> {
        ops::get_item(v, &*new_str(key)?)
    }

    fn convert(&mut self, v: &Obj, conversion: char) -> PyResult<Obj> {
        match conversion {
            'r' => ops::repr(v),
            's' => ops::str(v),
            'a' => new_str(&ascii_escape(&ops::repr_text(v)?)),
            c => Err(PyErr::value_error(format!("Unknown conversion specifier {c}"))),
        }
    }

    fn format_value(&mut self, v: &Obj, spec: &str, out: &mut String) -> PyResult<()> {
        let r = format(v, spec)?;
        out.push_str(str_value(&r).unwrap_or(""));
        Ok(())
    }
}

/// `fmt.format(*args, **kwargs)`; `a` holds the positional arguments then the keyword values
/// named by `kwnames`.
pub(crate) fn str_format(fmt: &str, a: &[Obj], kwnames: Option<&PyObject>) -> PyResult<Obj> {
    let names = kwnames.map_or(&[][..], items);
    let (positional, values) = a.split_at(a.len() - names.len());
    let mut fops = StrFormatOps { source: FieldSource::Call { positional, names, values } };
    let mut out = String::with_capacity(fmt.len());
    str_format::format(fmt, &mut fops, &mut out)?;
    new_str(&out)
}

/// `fmt.format_map(mapping)`.
pub(crate) fn str_format_map(fmt: &str, mapping: &PyObject) -> PyResult<Obj> {
    let mut fops = StrFormatOps { source: FieldSource::Mapping(mapping) };
    let mut out = String::with_capacity(fmt.len());
    str_format::format_map(fmt, &mut fops, &mut out)?;
    new_str(&out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::object::float::new_float;
    use crate::object::tuple::new_tuple;

    fn with<R>(f: impl FnOnce() -> R) -> R {
        crate::Runtime::initialize();
        crate::attach(|_py| f())
    }

    fn text(r: PyResult<Obj>) -> String {
        match r {
            Ok(v) => str_value(&v).unwrap_or("<not a str>").to_owned(),
            Err(e) => e.to_string(),
        }
    }

    fn s(t: &str) -> Obj {
        new_str(t).unwrap()
    }

    #[test]
    fn ascii_escapes_by_code_point_size() {
        assert_eq!(ascii_escape("a'é"), "a'\\xe9");
        assert_eq!(ascii_escape("Ā€"), "\\u0100\\u20ac");
        assert_eq!(ascii_escape("😀"), "\\U0001f600");
    }

    #[test]
    fn format_dispatches_to_the_types_format() {
        with(|| {
            let f = |v: Obj, spec: &str| text(format(&v, spec));
            assert_eq!(f(new_float(3.0).unwrap(), "g"), "3");
            assert_eq!(f(new_float(1234567.891).unwrap(), ",.2f"), "1,234,567.89");
            assert_eq!(f(new_float(-0.0).unwrap(), "z.1f"), "0.0");
            assert_eq!(f(new_int(255).unwrap(), "#010_x"), "0x000_00ff");
            assert_eq!(
                f(new_int(5).unwrap(), "zd"),
                "ValueError: Negative zero coercion (z) not allowed in integer format specifier"
            );
            assert_eq!(f(s("ab"), "*^6"), "**ab**");
            assert_eq!(f(s("ab"), "d"), "ValueError: Unknown format code 'd' for object of type 'str'");
            assert_eq!(f(Obj::new_ref(types().none_type.as_object()), ""), "<class 'NoneType'>");
            assert_eq!(f(args::none(), "x"), "TypeError: unsupported format string passed to NoneType.__format__");
        });
    }

    #[test]
    fn printf_converts_and_reports_cpythons_errors() {
        with(|| {
            let tuple = |v: Vec<Obj>| new_tuple(v).unwrap();
            let p = |fmt: &str, a: Obj| text(printf(fmt, &a));
            assert_eq!(
                p(
                    "%5.2f|%-4d|%x|%r|%a|%c%%",
                    tuple(vec![
                        new_float(3.14659).unwrap(),
                        new_int(7).unwrap(),
                        new_int(255).unwrap(),
                        s("é"),
                        s("é"),
                        new_int(65).unwrap()
                    ])
                ),
                " 3.15|7   |ff|'é'|'\\xe9'|A%"
            );
            assert_eq!(p("%*d", tuple(vec![new_int(4).unwrap(), new_int(1).unwrap()])), "   1");
            assert_eq!(p("%d", s("x")), "TypeError: %d format: a real number is required, not str");
            assert_eq!(p("%s %s", new_int(1).unwrap()), "TypeError: not enough arguments for format string");
            assert_eq!(
                p("%s", tuple(vec![new_int(1).unwrap(), new_int(2).unwrap()])),
                "TypeError: not all arguments converted during string formatting"
            );
            assert_eq!(p("%d", new_float(2.9).unwrap()), "2");
            assert_eq!(
                p("%d", new_float(f64::INFINITY).unwrap()),
                "OverflowError: cannot convert float infinity to integer"
            );
        });
    }

    #[test]
    fn str_format_resolves_fields_and_nested_specs() {
        with(|| {
            let argv = [s("x"), new_float(2.5).unwrap(), new_int(7).unwrap()];
            let names = new_tuple(vec![s("w")]).unwrap();
            assert_eq!(
                text(str_format("{0}|{}", &argv[..2], None)),
                "ValueError: cannot switch from manual field specification to automatic field numbering"
            );
            assert_eq!(text(str_format("{0!r:>5}|{1:.{w}f}", &argv, Some(&names))), "  'x'|2.5000000");
            assert_eq!(
                text(str_format("{}", &[], None)),
                "IndexError: Replacement index 0 out of range for positional args tuple"
            );
            assert_eq!(text(str_format("{a}", &[], None)), "KeyError: 'a'");
        });
    }
}
