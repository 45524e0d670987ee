//! # Code objects and their constants
//!
//! [`CodeObject`] is what the compiler produces for each scope (module, class body, function,
//! lambda, comprehension, annotation scope) and what the eval loop runs. It is immutable after
//! assembly, `Send + Sync`, and shared behind an `Arc`: one compiled module serves every
//! interpreter of the process.
//!
//! That is why constants are plain Rust data ([`Constant`]) rather than runtime objects: a code
//! object must not hold objects that belong to one interpreter's heap. The eval loop materialises
//! `co_consts` per interpreter on first use (or as immortal objects: `None`, `True`, `False`,
//! `Ellipsis`, small ints, interned strings and tuples/frozensets of those), and keeps the
//! materialised objects beside the shared code object, never inside it.
//!
//! ## Layout, as in CPython 3.13
//!
//! - `code`: `co_code` as 16-bit code units. The low byte of a unit is the opcode and the high
//!   byte the oparg, which is how CPython lays out `_Py_CODEUNIT` in memory on a little-endian
//!   machine; [`CodeObject::code_bytes`] gives exactly the bytes of CPython's `co_code`. Each
//!   instruction is followed by [`Opcode::cache_entries`] zeroed `CACHE` units, and opargs wider
//!   than 8 bits are prefixed by `EXTENDED_ARG` units. Jumps are relative, in code units.
//! - the "localsplus" array: local variables, then cells that are not arguments, then free
//!   variables, each with a kind byte ([`LocalKind`]). `co_varnames`, `co_cellvars` and
//!   `co_freevars` are views of it ([`CodeObject::varnames`], ...), as in CPython.
//! - `exceptiontable`: CPython's `co_exceptiontable` (see `assemble::exception_table`), decoded by
//!   [`CodeObject::exception_entries`].
//! - `linetable`: CPython's `co_linetable` (PEP 626/657, `Objects/locations.md`), decoded by
//!   [`CodeObject::positions`].

use std::fmt;
use std::hash::{Hash, Hasher};
use std::sync::Arc;

use crate::assemble::exception_table::{self, ExceptionEntry};
use crate::assemble::linetable;
use crate::instructions::Opcode;
use crate::location::Location;

/// The most blocks (loops, `try`, `with`, ...) that may be statically nested in one code unit
/// (`CO_MAXBLOCKS`); code generation reports "too many statically nested blocks" beyond it.
pub const CO_MAXBLOCKS: usize = 21;

/// `co_flags`, with CPython 3.13's bit values.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Default, Debug)]
pub struct CodeFlags(pub u32);

impl CodeFlags {
    pub const OPTIMIZED: CodeFlags = CodeFlags(0x0001);
    pub const NEWLOCALS: CodeFlags = CodeFlags(0x0002);
    pub const VARARGS: CodeFlags = CodeFlags(0x0004);
    pub const VARKEYWORDS: CodeFlags = CodeFlags(0x0008);
    pub const NESTED: CodeFlags = CodeFlags(0x0010);
    pub const GENERATOR: CodeFlags = CodeFlags(0x0020);
    // 0x0040 was CO_NOFREE, which CPython 3.13 no longer has.
    pub const COROUTINE: CodeFlags = CodeFlags(0x0080);
    pub const ITERABLE_COROUTINE: CodeFlags = CodeFlags(0x0100);
    pub const ASYNC_GENERATOR: CodeFlags = CodeFlags(0x0200);
    pub const FUTURE_DIVISION: CodeFlags = CodeFlags(0x20000);
    pub const FUTURE_ABSOLUTE_IMPORT: CodeFlags = CodeFlags(0x40000);
    pub const FUTURE_WITH_STATEMENT: CodeFlags = CodeFlags(0x80000);
    pub const FUTURE_PRINT_FUNCTION: CodeFlags = CodeFlags(0x100000);
    pub const FUTURE_UNICODE_LITERALS: CodeFlags = CodeFlags(0x200000);
    pub const FUTURE_BARRY_AS_BDFL: CodeFlags = CodeFlags(0x400000);
    pub const FUTURE_GENERATOR_STOP: CodeFlags = CodeFlags(0x800000);
    pub const FUTURE_ANNOTATIONS: CodeFlags = CodeFlags(0x1000000);

    /// The names `dis.pretty_flags` prints, lowest bit first.
    pub const NAMES: [(CodeFlags, &'static str); 10] = [
        (Self::OPTIMIZED, "OPTIMIZED"),
        (Self::NEWLOCALS, "NEWLOCALS"),
        (Self::VARARGS, "VARARGS"),
        (Self::VARKEYWORDS, "VARKEYWORDS"),
        (Self::NESTED, "NESTED"),
        (Self::GENERATOR, "GENERATOR"),
        (CodeFlags(0x0040), "NOFREE"),
        (Self::COROUTINE, "COROUTINE"),
        (Self::ITERABLE_COROUTINE, "ITERABLE_COROUTINE"),
        (Self::ASYNC_GENERATOR, "ASYNC_GENERATOR"),
    ];

    /// Whether all bits of `other` are set.
    pub const fn contains(self, other: CodeFlags) -> bool {
        self.0 & other.0 == other.0
    }

    /// `self` with the bits of `other` added.
    pub const fn union(self, other: CodeFlags) -> CodeFlags {
        CodeFlags(self.0 | other.0)
    }
}

impl std::ops::BitOr for CodeFlags {
    type Output = CodeFlags;
    fn bitor(self, rhs: CodeFlags) -> CodeFlags {
        self.union(rhs)
    }
}

impl std::ops::BitOrAssign for CodeFlags {
    fn bitor_assign(&mut self, rhs: CodeFlags) {
        *self = self.union(rhs);
    }
}

/// The kind byte of a localsplus slot (`_PyLocals_Kind`, CPython 3.13's `CO_FAST_*`).
#[derive(Clone, Copy, PartialEq, Eq, Hash, Default, Debug)]
pub struct LocalKind(pub u8);

impl LocalKind {
    /// A hidden local: the iteration variable of an inlined comprehension (PEP 709).
    pub const HIDDEN: LocalKind = LocalKind(0x10);
    /// A local variable (in `co_varnames`).
    pub const LOCAL: LocalKind = LocalKind(0x20);
    /// A cell: a local captured by an inner scope (in `co_cellvars`).
    pub const CELL: LocalKind = LocalKind(0x40);
    /// A free variable: a cell of an outer scope (in `co_freevars`).
    pub const FREE: LocalKind = LocalKind(0x80);

    /// Whether all bits of `other` are set.
    pub const fn contains(self, other: LocalKind) -> bool {
        self.0 & other.0 == other.0
    }

    /// `self` with the bits of `other` added.
    pub const fn union(self, other: LocalKind) -> LocalKind {
        LocalKind(self.0 | other.0)
    }
}

/// A Python `str` value: a sequence of code points, lone surrogates included (`"\ud800"` is a valid
/// literal). Stored as generalised UTF-8: every code point encoded on its own, surrogates as three
/// bytes, and a surrogate pair is *not* combined into one code point (CPython's `surrogatepass`
/// encoding). Without surrogates the bytes are plain UTF-8 and [`PyStr::as_str`] succeeds.
#[derive(Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct PyStr(Arc<[u8]>);

impl PyStr {
    /// A string without surrogates.
    pub fn new(text: &str) -> PyStr {
        PyStr(Arc::from(text.as_bytes()))
    }

    /// A string from code points (`0..=0x10FFFF`, surrogates allowed); `None` if one is out of range.
    pub fn from_code_points(points: impl IntoIterator<Item = u32>) -> Option<PyStr> {
        let mut bytes = Vec::new();
        for cp in points {
            match cp {
                0..=0x7F => bytes.push(cp as u8),
                0x80..=0x7FF => bytes.extend_from_slice(&[0xC0 | (cp >> 6) as u8, 0x80 | (cp & 0x3F) as u8]),
                0x800..=0xFFFF => bytes.extend_from_slice(&[
                    0xE0 | (cp >> 12) as u8,
                    0x80 | ((cp >> 6) & 0x3F) as u8,
                    0x80 | (cp & 0x3F) as u8,
                ]),
                0x10000..=0x10FFFF => bytes.extend_from_slice(&[
                    0xF0 | (cp >> 18) as u8,
                    0x80 | ((cp >> 12) & 0x3F) as u8,
                    0x80 | ((cp >> 6) & 0x3F) as u8,
                    0x80 | (cp & 0x3F) as u8,
                ]),
                _ => return None,
            }
        }
        Some(PyStr(Arc::from(bytes)))
    }

    /// The text, if it has no surrogates.
    pub fn as_str(&self) -> Option<&str> {
        std::str::from_utf8(&self.0).ok()
    }

    /// The generalised UTF-8 bytes.
    pub fn as_bytes(&self) -> &[u8] {
        &self.0
    }

    /// The code points.
    pub fn code_points(&self) -> impl Iterator<Item = u32> + '_ {
        let bytes = &self.0;
        let mut i = 0;
        std::iter::from_fn(move || {
            let b0 = *bytes.get(i)? as u32;
            let (len, init) = match b0 {
                0..=0x7F => (1, b0),
                0xC0..=0xDF => (2, b0 & 0x1F),
                0xE0..=0xEF => (3, b0 & 0x0F),
                _ => (4, b0 & 0x07),
            };
            let cp = bytes[i + 1..i + len].iter().fold(init, |acc, &b| (acc << 6) | (b as u32 & 0x3F));
            i += len;
            Some(cp)
        })
    }

    /// The number of code points (`len()` in Python).
    pub fn len(&self) -> usize {
        self.0.iter().filter(|&&b| b & 0xC0 != 0x80).count()
    }

    /// Whether the string is empty.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// `repr()` as CPython prints it: quotes chosen as CPython chooses them, and the characters
    /// `str.isprintable()` rejects escaped (`\\xNN`, `\\uNNNN`, `\\UNNNNNNNN`).
    pub fn repr(&self) -> String {
        let mut out = String::new();
        pyrt_syntax::literal::str_repr(&mut out, pyrt_syntax::ast::Wtf8::from_wtf8_bytes(&self.0));
        out
    }
}

impl fmt::Debug for PyStr {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.repr())
    }
}

impl From<&str> for PyStr {
    fn from(text: &str) -> PyStr {
        PyStr::new(text)
    }
}

/// A constant of `co_consts`: plain data, shared by every interpreter (see the module doc).
///
/// Equality and hashing follow CPython's `_PyCode_ConstantKey`, which decides which constants the
/// compiler merges: values of different types never merge (`1`, `1.0` and `True` are three
/// constants), floats compare by bit pattern (`0.0` and `-0.0` stay apart; a NaN equals nothing,
/// not even itself, as separate NaN objects never merge in CPython), tuples and frozensets element
/// by element, and code objects by identity.
#[derive(Clone)]
pub enum Constant {
    None,
    True,
    False,
    Ellipsis,
    /// An int that fits in `i64`.
    Int(i64),
    /// Any other int, as canonical decimal text: an optional `-`, then digits without leading zeros.
    BigInt(Arc<str>),
    Float(f64),
    Complex {
        re: f64,
        im: f64,
    },
    Str(PyStr),
    Bytes(Arc<[u8]>),
    Tuple(Arc<[Constant]>),
    /// A frozenset; the elements are distinct (in the order the compiler met them).
    FrozenSet(Arc<[Constant]>),
    Code(Arc<CodeObject>),
}

impl Constant {
    /// A `str` constant without surrogates.
    pub fn str(text: &str) -> Constant {
        Constant::Str(PyStr::new(text))
    }

    /// A tuple constant.
    pub fn tuple(items: impl IntoIterator<Item = Constant>) -> Constant {
        Constant::Tuple(items.into_iter().collect())
    }

    /// The Python type name.
    pub fn type_name(&self) -> &'static str {
        match self {
            Constant::None => "NoneType",
            Constant::True | Constant::False => "bool",
            Constant::Ellipsis => "ellipsis",
            Constant::Int(_) | Constant::BigInt(_) => "int",
            Constant::Float(_) => "float",
            Constant::Complex { .. } => "complex",
            Constant::Str(_) => "str",
            Constant::Bytes(_) => "bytes",
            Constant::Tuple(_) => "tuple",
            Constant::FrozenSet(_) => "frozenset",
            Constant::Code(_) => "code",
        }
    }

    /// The truth value, as `bool(c)` (used to fold constant conditions).
    pub fn is_truthy(&self) -> bool {
        match self {
            Constant::None | Constant::False => false,
            Constant::True | Constant::Ellipsis | Constant::Code(_) | Constant::BigInt(_) => true,
            Constant::Int(v) => *v != 0,
            Constant::Float(v) => *v != 0.0,
            Constant::Complex { re, im } => *re != 0.0 || *im != 0.0,
            Constant::Str(s) => !s.is_empty(),
            Constant::Bytes(b) => !b.is_empty(),
            Constant::Tuple(items) | Constant::FrozenSet(items) => !items.is_empty(),
        }
    }

    /// `repr()` as CPython prints it (what `dis` shows in parentheses).
    pub fn repr(&self) -> String {
        match self {
            Constant::None => "None".into(),
            Constant::True => "True".into(),
            Constant::False => "False".into(),
            Constant::Ellipsis => "Ellipsis".into(),
            Constant::Int(v) => v.to_string(),
            Constant::BigInt(text) => text.to_string(),
            Constant::Float(v) => float_repr(*v),
            Constant::Complex { re, im } => {
                let imag = float_repr(*im);
                let imag = imag.strip_suffix(".0").unwrap_or(&imag).to_string();
                if *re == 0.0 && re.is_sign_positive() {
                    format!("{imag}j")
                } else {
                    let real = float_repr(*re);
                    let real = real.strip_suffix(".0").unwrap_or(&real).to_string();
                    let sign = if imag.starts_with('-') { "" } else { "+" };
                    format!("({real}{sign}{imag}j)")
                }
            }
            Constant::Str(s) => s.repr(),
            Constant::Bytes(b) => bytes_repr(b),
            Constant::Tuple(items) => match items.len() {
                1 => format!("({},)", items[0].repr()),
                _ => format!("({})", items.iter().map(Constant::repr).collect::<Vec<_>>().join(", ")),
            },
            Constant::FrozenSet(items) if items.is_empty() => "frozenset()".into(),
            Constant::FrozenSet(items) => {
                format!("frozenset({{{}}})", items.iter().map(Constant::repr).collect::<Vec<_>>().join(", "))
            }
            Constant::Code(code) => code.repr(),
        }
    }
}

/// `repr(float)`: the shortest text that round-trips, in CPython's layout (`1e+16`, `1.5e-07`,
/// `inf`, `nan`, `-0.0`).
pub fn float_repr(v: f64) -> String {
    if v.is_nan() {
        return "nan".into();
    }
    if v.is_infinite() {
        return if v > 0.0 { "inf".into() } else { "-inf".into() };
    }
    // Rust's `{:e}` gives the shortest round-tripping digits, but where two such strings are
    // equally close to the value it may not pick the even one as Python's dtoa does
    // (2.9802322387695312e-08). The value rounded exactly to that many digits (half to even) is
    // Python's choice whenever it round-trips too.
    let shortest = format!("{:e}", v.abs());
    let ndigits = shortest.split('e').next().unwrap_or("").chars().filter(|c| c.is_ascii_digit()).count();
    let even = format!("{:.*e}", ndigits.saturating_sub(1), v.abs());
    let sci = if even.parse::<f64>() == Ok(v.abs()) { even } else { shortest };
    let (mantissa, exp) = sci.split_once('e').unwrap_or((&sci, "0"));
    let exp: i32 = exp.parse().unwrap_or(0);
    let digits: String = mantissa.chars().filter(|c| c.is_ascii_digit()).collect();
    let sign = if v.is_sign_negative() { "-" } else { "" };
    let body = if (-4..16).contains(&exp) {
        if exp >= 0 {
            let int_len = exp as usize + 1;
            if digits.len() <= int_len {
                format!("{}{}.0", digits, "0".repeat(int_len - digits.len()))
            } else {
                format!("{}.{}", &digits[..int_len], &digits[int_len..])
            }
        } else {
            format!("0.{}{}", "0".repeat((-exp - 1) as usize), digits)
        }
    } else {
        let frac = if digits.len() > 1 { format!("{}.{}", &digits[..1], &digits[1..]) } else { digits.clone() };
        format!("{frac}e{}{:02}", if exp < 0 { '-' } else { '+' }, exp.abs())
    };
    format!("{sign}{body}")
}

/// `repr(bytes)`.
pub fn bytes_repr(bytes: &[u8]) -> String {
    let quote = if bytes.contains(&b'\'') && !bytes.contains(&b'"') { '"' } else { '\'' };
    let mut out = format!("b{quote}");
    for &b in bytes {
        match b {
            b'\\' => out.push_str("\\\\"),
            b'\t' => out.push_str("\\t"),
            b'\n' => out.push_str("\\n"),
            b'\r' => out.push_str("\\r"),
            _ if b as char == quote => {
                out.push('\\');
                out.push(quote);
            }
            0x20..=0x7e => out.push(b as char),
            _ => out.push_str(&format!("\\x{b:02x}")),
        }
    }
    out.push(quote);
    out
}

/// Floats are the same constant when their bits are, except NaNs, which never are: CPython merges
/// two NaN constants only when they are one object, and separate NaN literals never are.
fn same_float(a: f64, b: f64) -> bool {
    a.to_bits() == b.to_bits() && !a.is_nan()
}

impl PartialEq for Constant {
    fn eq(&self, other: &Constant) -> bool {
        use Constant::*;
        match (self, other) {
            (None, None) | (True, True) | (False, False) | (Ellipsis, Ellipsis) => true,
            (Int(a), Int(b)) => a == b,
            (BigInt(a), BigInt(b)) => a == b,
            (Float(a), Float(b)) => same_float(*a, *b),
            (Complex { re: a, im: b }, Complex { re: c, im: d }) => same_float(*a, *c) && same_float(*b, *d),
            (Str(a), Str(b)) => a == b,
            (Bytes(a), Bytes(b)) => a == b,
            (Tuple(a), Tuple(b)) => a == b,
            (FrozenSet(a), FrozenSet(b)) => a.len() == b.len() && a.iter().all(|x| b.contains(x)),
            (Code(a), Code(b)) => Arc::ptr_eq(a, b),
            _ => false,
        }
    }
}

impl Eq for Constant {}

impl Hash for Constant {
    fn hash<H: Hasher>(&self, state: &mut H) {
        std::mem::discriminant(self).hash(state);
        match self {
            Constant::None | Constant::True | Constant::False | Constant::Ellipsis => {}
            Constant::Int(v) => v.hash(state),
            Constant::BigInt(v) => v.hash(state),
            Constant::Float(v) => v.to_bits().hash(state),
            Constant::Complex { re, im } => (re.to_bits(), im.to_bits()).hash(state),
            Constant::Str(s) => s.hash(state),
            Constant::Bytes(b) => b.hash(state),
            Constant::Tuple(items) => items.hash(state),
            // Order-independent, like the equality.
            Constant::FrozenSet(items) => items.len().hash(state),
            Constant::Code(code) => (Arc::as_ptr(code) as usize).hash(state),
        }
    }
}

impl fmt::Debug for Constant {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Constant::Code(code) => write!(f, "<code {}>", code.qualname),
            other => f.write_str(&other.repr()),
        }
    }
}

/// A compiled scope: everything the eval loop needs to run it (see the module doc).
#[derive(Debug)]
pub struct CodeObject {
    /// `co_argcount`: positional parameters, positional-only ones included.
    pub argcount: u32,
    /// `co_posonlyargcount`.
    pub posonlyargcount: u32,
    /// `co_kwonlyargcount`.
    pub kwonlyargcount: u32,
    /// `co_stacksize`: the most values the evaluation stack holds.
    pub stacksize: u32,
    /// `co_flags`.
    pub flags: CodeFlags,
    /// `co_firstlineno`.
    pub firstlineno: i32,
    /// `co_code`, as code units (low byte: opcode, high byte: oparg).
    pub code: Box<[u16]>,
    /// `co_consts`.
    pub consts: Box<[Constant]>,
    /// `co_names`: globals, attributes and imported names used by the code.
    pub names: Box<[Arc<str>]>,
    /// The names of the localsplus slots.
    pub localsplus_names: Box<[Arc<str>]>,
    /// The kind of each localsplus slot.
    pub localsplus_kinds: Box<[LocalKind]>,
    /// `co_filename`.
    pub filename: Arc<str>,
    /// `co_name`.
    pub name: Arc<str>,
    /// `co_qualname`.
    pub qualname: Arc<str>,
    /// `co_linetable`.
    pub linetable: Box<[u8]>,
    /// `co_exceptiontable`.
    pub exceptiontable: Box<[u8]>,
}

impl CodeObject {
    /// `repr()` as CPython prints it: `<code object NAME at 0xADDRESS, file "FILE", line N>`.
    pub fn repr(&self) -> String {
        format!(
            "<code object {} at {:#x}, file \"{}\", line {}>",
            self.name, self as *const CodeObject as usize, self.filename, self.firstlineno
        )
    }

    /// `co_code` as CPython's bytes (opcode, oparg, opcode, oparg, ...).
    pub fn code_bytes(&self) -> Vec<u8> {
        self.code.iter().flat_map(|unit| unit.to_le_bytes()).collect()
    }

    /// The opcode and oparg byte of the code unit at `index`.
    pub fn unit(&self, index: usize) -> (u8, u8) {
        let unit = self.code[index];
        ((unit & 0xFF) as u8, (unit >> 8) as u8)
    }

    fn localsplus_of(&self, kind: LocalKind) -> impl Iterator<Item = &Arc<str>> {
        self.localsplus_names
            .iter()
            .zip(self.localsplus_kinds.iter())
            .filter(move |(_, k)| k.contains(kind))
            .map(|(n, _)| n)
    }

    /// `co_varnames`: the slots of kind LOCAL.
    pub fn varnames(&self) -> Vec<Arc<str>> {
        self.localsplus_of(LocalKind::LOCAL).cloned().collect()
    }

    /// `co_cellvars`: the slots of kind CELL (arguments that are cells included).
    pub fn cellvars(&self) -> Vec<Arc<str>> {
        self.localsplus_of(LocalKind::CELL).cloned().collect()
    }

    /// `co_freevars`: the slots of kind FREE.
    pub fn freevars(&self) -> Vec<Arc<str>> {
        self.localsplus_of(LocalKind::FREE).cloned().collect()
    }

    /// `co_nlocals`.
    pub fn nlocals(&self) -> usize {
        self.localsplus_kinds.iter().filter(|k| k.contains(LocalKind::LOCAL)).count()
    }

    /// The number of localsplus slots (the size of the frame's locals).
    pub fn nlocalsplus(&self) -> usize {
        self.localsplus_names.len()
    }

    /// `co_positions()`: the source location of each code unit, caches and `EXTENDED_ARG`s included.
    pub fn positions(&self) -> Vec<Location> {
        linetable::decode(&self.linetable, self.firstlineno)
    }

    /// The location of the code unit at `index` (what `co_positions()` yields for it), decoding
    /// the table only up to that unit — for a traceback or a line event, without decoding it all.
    pub fn location_of(&self, index: usize) -> Location {
        linetable::location_of(&self.linetable, self.firstlineno, index)
    }

    /// The decoded exception table (offsets in code units).
    pub fn exception_entries(&self) -> Result<Vec<ExceptionEntry>, exception_table::DecodeError> {
        exception_table::decode(&self.exceptiontable)
    }

    /// The instructions of `co_code` with their offsets in code units: `(offset, opcode, oparg)`,
    /// `EXTENDED_ARG` prefixes folded into the oparg and cache units skipped. An unknown opcode
    /// byte yields `None` for the opcode.
    pub fn instructions(&self) -> Vec<(usize, Option<Opcode>, u32)> {
        let mut out = Vec::new();
        let mut i = 0;
        let mut extended: u32 = 0;
        while i < self.code.len() {
            let (op, arg) = self.unit(i);
            let oparg = (extended << 8) | arg as u32;
            let opcode = Opcode::from_u8(op);
            out.push((i, opcode, oparg));
            extended = if opcode == Some(Opcode::EXTENDED_ARG) { oparg } else { 0 };
            i += 1 + opcode.map_or(0, |o| o.cache_entries());
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn assert_send_sync<T: Send + Sync>() {}

    #[test]
    fn code_objects_and_constants_are_shareable() {
        assert_send_sync::<CodeObject>();
        assert_send_sync::<Constant>();
    }

    #[test]
    fn constant_keys_follow_cpython() {
        assert_ne!(Constant::Int(1), Constant::True);
        assert_ne!(Constant::Float(0.0), Constant::Float(-0.0));
        assert_eq!(Constant::Float(1.5), Constant::Float(1.5));
        assert_ne!(Constant::Float(f64::NAN), Constant::Float(f64::NAN));
        assert_eq!(
            Constant::tuple([Constant::Int(1), Constant::str("a")]),
            Constant::tuple([Constant::Int(1), Constant::str("a")])
        );
        assert_ne!(Constant::tuple([Constant::Int(1)]), Constant::tuple([Constant::True]));
    }

    #[test]
    fn strings_keep_lone_surrogates() {
        let s = PyStr::from_code_points([0x61, 0xD800, 0xDC00, 0x1F600]).unwrap();
        assert_eq!(s.code_points().collect::<Vec<_>>(), vec![0x61, 0xD800, 0xDC00, 0x1F600]);
        assert_eq!(s.len(), 4);
        assert!(s.as_str().is_none());
        assert_eq!(s.repr(), "'a\\ud800\\udc00\u{1F600}'");
        assert_eq!(PyStr::new("it's").repr(), "\"it's\"");
        assert_eq!(PyStr::new("é\u{a0}\u{fffe}\u{2028}").repr(), "'é\\xa0\\ufffe\\u2028'");
        assert!(PyStr::from_code_points([0x110000]).is_none());
    }

    #[test]
    fn location_of_one_unit_agrees_with_the_whole_table() {
        let instrs = [(Location::new(3, 3, 4, 9), 2), (Location::NO_LOCATION, 9), (Location::line(7), 1)];
        let code = CodeObject {
            argcount: 0,
            posonlyargcount: 0,
            kwonlyargcount: 0,
            stacksize: 1,
            flags: CodeFlags::default(),
            firstlineno: 1,
            code: vec![0; 12].into(),
            consts: Box::new([]),
            names: Box::new([]),
            localsplus_names: Box::new([]),
            localsplus_kinds: Box::new([]),
            filename: Arc::from("x.py"),
            name: Arc::from("f"),
            qualname: Arc::from("f"),
            linetable: linetable::encode(instrs, 1).into(),
            exceptiontable: Box::new([]),
        };
        let all = code.positions();
        assert_eq!(all.len(), 12);
        for (i, loc) in all.iter().enumerate() {
            assert_eq!(code.location_of(i), *loc);
        }
        assert_eq!(code.location_of(12), Location::NO_LOCATION);
    }

    #[test]
    fn reprs_match_cpython() {
        let cases = [
            (Constant::Float(1.0), "1.0"),
            (Constant::Float(0.1), "0.1"),
            (Constant::Float(1e16), "1e+16"),
            (Constant::Float(1.5e-7), "1.5e-07"),
            (Constant::Float(123456789012345.6), "123456789012345.6"),
            (Constant::Float(-0.0), "-0.0"),
            (Constant::Float(0.0001), "0.0001"),
            (Constant::Float(2f64.powi(-25)), "2.9802322387695312e-08"),
            (Constant::Float(1e22), "1e+22"),
            (Constant::Float(2f64.powi(-24)), "5.960464477539063e-08"),
            (Constant::Complex { re: 0.0, im: 2.0 }, "2j"),
            (Constant::Complex { re: 1.0, im: -2.5 }, "(1-2.5j)"),
            (Constant::Bytes(Arc::from(&b"a'\x00"[..])), "b\"a'\\x00\""),
            (Constant::tuple([Constant::Int(1)]), "(1,)"),
            (Constant::tuple([Constant::None, Constant::Ellipsis]), "(None, Ellipsis)"),
        ];
        for (c, want) in cases {
            assert_eq!(c.repr(), want);
        }
    }
}
