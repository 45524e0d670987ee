//! A compact binary form of compiled code ([`encode`], [`decode`]), for Python source that is
//! compiled when the program that embeds it is built: the runtime's own modules written in
//! Python (the import system, `codecs`, `abc`, ...) are compiled by its build script and the
//! runtime loads the result, which costs a small fraction of compiling (CPython freezes the
//! same modules as marshalled code objects for the same reason).
//!
//! The format is pyrt's own and private to one build (writer and reader are the same
//! compiler version): little-endian, lengths as `u32`; first a table of the names (each
//! distinct name once: the reader makes one `Arc<str>` per name, shared by every code object
//! that uses it), then the code object's fields in declaration order, names as table indices,
//! its constants tagged by kind and nested code objects inline. The file name is
//! not stored: the reader gives every code object the name it is asked to (the build script
//! compiles each source once, whatever name its module is made under). A reader never panics:
//! input that is not a well-formed encoding is an error.

use std::sync::Arc;

use crate::code::{CodeFlags, CodeObject, Constant, LocalKind, PyStr};

/// Why [`decode`] refused its input.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DecodeError(pub &'static str);

impl std::fmt::Display for DecodeError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "malformed frozen code: {}", self.0)
    }
}

impl std::error::Error for DecodeError {}

/// The encoding of `code` and the code objects nested in its constants (file names left out).
pub fn encode(code: &CodeObject) -> Vec<u8> {
    let mut names = Names::default();
    names.collect(code);
    let mut out = Vec::new();
    write_len(&mut out, names.list.len());
    for n in &names.list {
        write_bytes(&mut out, n.as_bytes());
    }
    write_code(&mut out, code, &names);
    out
}

/// The names of a code object and of those nested in it, each once, in the order met.
#[derive(Default)]
struct Names<'c> {
    list: Vec<&'c str>,
    index: std::collections::HashMap<&'c str, u32>,
}

impl<'c> Names<'c> {
    fn add(&mut self, name: &'c str) {
        if !self.index.contains_key(name) {
            self.index.insert(name, self.list.len() as u32);
            self.list.push(name);
        }
    }

    fn collect(&mut self, c: &'c CodeObject) {
        for n in c.names.iter().chain(c.localsplus_names.iter()).chain([&c.name, &c.qualname]) {
            self.add(n);
        }
        for k in c.consts.iter() {
            self.collect_constant(k);
        }
    }

    fn collect_constant(&mut self, k: &'c Constant) {
        match k {
            Constant::Code(code) => self.collect(code),
            Constant::Tuple(items) | Constant::FrozenSet(items) => items.iter().for_each(|i| self.collect_constant(i)),
            _ => {}
        }
    }

    fn write(&self, out: &mut Vec<u8>, name: &str) {
        write_u32(out, self.index[name]);
    }
}

/// The code object `bytes` encodes, every nested code object's file name `filename`.
pub fn decode(bytes: &[u8], filename: &str) -> Result<Arc<CodeObject>, DecodeError> {
    let mut r = Reader { bytes, at: 0, filename: Arc::from(filename), depth: 0, names: Vec::new() };
    let n = r.len(4)?;
    r.names = (0..n).map(|_| r.text()).collect::<Result<_, _>>()?;
    let code = r.code()?;
    if r.at != bytes.len() {
        return Err(DecodeError("trailing bytes"));
    }
    Ok(code)
}

// Constant tags.
const NONE: u8 = 0;
const TRUE: u8 = 1;
const FALSE: u8 = 2;
const ELLIPSIS: u8 = 3;
const INT: u8 = 4;
const BIG_INT: u8 = 5;
const FLOAT: u8 = 6;
const COMPLEX: u8 = 7;
const STR: u8 = 8;
const BYTES: u8 = 9;
const TUPLE: u8 = 10;
const FROZEN_SET: u8 = 11;
const CODE: u8 = 12;

/// Nesting deeper than this (constants in constants, code in code) is refused: the reader
/// recurses once per level.
const MAX_DEPTH: u32 = 200;

fn write_u32(out: &mut Vec<u8>, v: u32) {
    out.extend_from_slice(&v.to_le_bytes());
}

fn write_len(out: &mut Vec<u8>, n: usize) {
    write_u32(out, u32::try_from(n).expect("a code object's parts are below 4 GiB"));
}

fn write_bytes(out: &mut Vec<u8>, b: &[u8]) {
    write_len(out, b.len());
    out.extend_from_slice(b);
}

fn write_code(out: &mut Vec<u8>, c: &CodeObject, table: &Names<'_>) {
    for v in [c.argcount, c.posonlyargcount, c.kwonlyargcount, c.stacksize, c.flags.0] {
        write_u32(out, v);
    }
    out.extend_from_slice(&c.firstlineno.to_le_bytes());
    write_len(out, c.code.len());
    for unit in c.code.iter() {
        out.extend_from_slice(&unit.to_le_bytes());
    }
    write_len(out, c.consts.len());
    for k in c.consts.iter() {
        write_constant(out, k, table);
    }
    for names in [&c.names, &c.localsplus_names] {
        write_len(out, names.len());
        for n in names.iter() {
            table.write(out, n);
        }
    }
    write_bytes(out, &c.localsplus_kinds.iter().map(|k| k.0).collect::<Vec<u8>>());
    table.write(out, &c.name);
    table.write(out, &c.qualname);
    write_bytes(out, &c.linetable);
    write_bytes(out, &c.exceptiontable);
}

fn write_constant(out: &mut Vec<u8>, k: &Constant, table: &Names<'_>) {
    match k {
        Constant::None => out.push(NONE),
        Constant::True => out.push(TRUE),
        Constant::False => out.push(FALSE),
        Constant::Ellipsis => out.push(ELLIPSIS),
        Constant::Int(i) => {
            out.push(INT);
            out.extend_from_slice(&i.to_le_bytes());
        }
        Constant::BigInt(text) => {
            out.push(BIG_INT);
            write_bytes(out, text.as_bytes());
        }
        Constant::Float(f) => {
            out.push(FLOAT);
            out.extend_from_slice(&f.to_bits().to_le_bytes());
        }
        Constant::Complex { re, im } => {
            out.push(COMPLEX);
            out.extend_from_slice(&re.to_bits().to_le_bytes());
            out.extend_from_slice(&im.to_bits().to_le_bytes());
        }
        Constant::Str(s) => {
            out.push(STR);
            write_bytes(out, s.as_bytes());
        }
        Constant::Bytes(b) => {
            out.push(BYTES);
            write_bytes(out, b);
        }
        Constant::Tuple(items) | Constant::FrozenSet(items) => {
            out.push(if matches!(k, Constant::Tuple(_)) { TUPLE } else { FROZEN_SET });
            write_len(out, items.len());
            for item in items.iter() {
                write_constant(out, item, table);
            }
        }
        Constant::Code(code) => {
            out.push(CODE);
            write_code(out, code, table);
        }
    }
}

struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
    filename: Arc<str>,
    depth: u32,
    /// The table of names at the start.
    names: Vec<Arc<str>>,
}

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Result<&'a [u8], DecodeError> {
        let end = self.at.checked_add(n).filter(|&e| e <= self.bytes.len()).ok_or(DecodeError("truncated"))?;
        let b = &self.bytes[self.at..end];
        self.at = end;
        Ok(b)
    }

    fn array<const N: usize>(&mut self) -> Result<[u8; N], DecodeError> {
        let mut a = [0; N];
        a.copy_from_slice(self.take(N)?);
        Ok(a)
    }

    fn u32(&mut self) -> Result<u32, DecodeError> {
        Ok(u32::from_le_bytes(self.array()?))
    }

    fn u64(&mut self) -> Result<u64, DecodeError> {
        Ok(u64::from_le_bytes(self.array()?))
    }

    /// A length, checked against what is left (each item takes at least `item_size` bytes),
    /// so that a corrupt length cannot make the reader reserve memory it never fills.
    fn len(&mut self, item_size: usize) -> Result<usize, DecodeError> {
        let n = self.u32()? as usize;
        if n.saturating_mul(item_size) > self.bytes.len() - self.at {
            return Err(DecodeError("a length past the end"));
        }
        Ok(n)
    }

    fn bytes(&mut self) -> Result<&'a [u8], DecodeError> {
        let n = self.len(1)?;
        self.take(n)
    }

    /// Text stored in place (a table entry, a big int's digits).
    fn text(&mut self) -> Result<Arc<str>, DecodeError> {
        std::str::from_utf8(self.bytes()?).map(Arc::from).map_err(|_| DecodeError("a name that is not UTF-8"))
    }

    /// A name: an index into the table.
    fn name(&mut self) -> Result<Arc<str>, DecodeError> {
        let i = self.u32()? as usize;
        self.names.get(i).cloned().ok_or(DecodeError("a name index past the table"))
    }

    fn names(&mut self) -> Result<Box<[Arc<str>]>, DecodeError> {
        let n = self.len(4)?;
        (0..n).map(|_| self.name()).collect()
    }

    fn nested<T>(&mut self, read: impl FnOnce(&mut Self) -> Result<T, DecodeError>) -> Result<T, DecodeError> {
        if self.depth >= MAX_DEPTH {
            return Err(DecodeError("nested too deeply"));
        }
        self.depth += 1;
        let r = read(self);
        self.depth -= 1;
        r
    }

    fn code(&mut self) -> Result<Arc<CodeObject>, DecodeError> {
        let [argcount, posonlyargcount, kwonlyargcount, stacksize, flags] =
            [self.u32()?, self.u32()?, self.u32()?, self.u32()?, self.u32()?];
        let firstlineno = i32::from_le_bytes(self.array()?);
        let n = self.len(2)?;
        let code = (0..n).map(|_| Ok(u16::from_le_bytes(self.array()?))).collect::<Result<Box<[u16]>, _>>()?;
        let n = self.len(1)?;
        let consts = (0..n).map(|_| self.constant()).collect::<Result<Box<[Constant]>, _>>()?;
        let names = self.names()?;
        let localsplus_names = self.names()?;
        let localsplus_kinds: Box<[LocalKind]> = self.bytes()?.iter().map(|&k| LocalKind(k)).collect();
        if localsplus_kinds.len() != localsplus_names.len() {
            return Err(DecodeError("local kinds and names differ in number"));
        }
        Ok(Arc::new(CodeObject {
            argcount,
            posonlyargcount,
            kwonlyargcount,
            stacksize,
            flags: CodeFlags(flags),
            firstlineno,
            code,
            consts,
            names,
            localsplus_names,
            localsplus_kinds,
            filename: self.filename.clone(),
            name: self.name()?,
            qualname: self.name()?,
            linetable: self.bytes()?.into(),
            exceptiontable: self.bytes()?.into(),
        }))
    }

    fn constant(&mut self) -> Result<Constant, DecodeError> {
        let [tag] = self.array()?;
        Ok(match tag {
            NONE => Constant::None,
            TRUE => Constant::True,
            FALSE => Constant::False,
            ELLIPSIS => Constant::Ellipsis,
            INT => Constant::Int(self.u64()? as i64),
            BIG_INT => Constant::BigInt(self.text()?),
            FLOAT => Constant::Float(f64::from_bits(self.u64()?)),
            COMPLEX => Constant::Complex { re: f64::from_bits(self.u64()?), im: f64::from_bits(self.u64()?) },
            STR => Constant::Str(py_str(self.bytes()?).ok_or(DecodeError("a str constant that is not UTF-8"))?),
            BYTES => Constant::Bytes(Arc::from(self.bytes()?)),
            TUPLE | FROZEN_SET => {
                let n = self.len(1)?;
                let items = self.nested(|r| (0..n).map(|_| r.constant()).collect::<Result<Arc<[Constant]>, _>>())?;
                if tag == TUPLE { Constant::Tuple(items) } else { Constant::FrozenSet(items) }
            }
            CODE => Constant::Code(self.nested(Self::code)?),
            _ => return Err(DecodeError("an unknown constant tag")),
        })
    }
}

/// The `PyStr` whose bytes are `b`: UTF-8, in which a lone surrogate is encoded as any other
/// code point (what `PyStr` holds); `None` for anything else.
fn py_str(b: &[u8]) -> Option<PyStr> {
    if let Ok(text) = std::str::from_utf8(b) {
        return Some(PyStr::new(text));
    }
    let mut points = Vec::new();
    let mut i = 0;
    while i < b.len() {
        let lead = b[i];
        let (len, mut cp) = match lead {
            0..=0x7F => (1, u32::from(lead)),
            0xC2..=0xDF => (2, u32::from(lead & 0x1F)),
            0xE0..=0xEF => (3, u32::from(lead & 0x0F)),
            0xF0..=0xF4 => (4, u32::from(lead & 0x07)),
            _ => return None,
        };
        for k in 1..len {
            let next = *b.get(i + k)?;
            if next & 0xC0 != 0x80 {
                return None;
            }
            cp = (cp << 6) | u32::from(next & 0x3F);
        }
        let shortest = [0, 0, 0x80, 0x800, 0x1_0000][len];
        if cp < shortest {
            return None; // an overlong form
        }
        points.push(cp);
        i += len;
    }
    PyStr::from_code_points(points)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn roundtrip(source: &str) {
        let code = crate::compile(source, "<build>", pyrt_syntax::Mode::Module).unwrap();
        let bytes = encode(&code);
        let back = decode(&bytes, "<frozen x>").unwrap();
        assert_eq!(&*back.filename, "<frozen x>");
        // Everything but the file name survives (the encoding of the decoded code is the same).
        assert_eq!(encode(&back), bytes);
        assert_eq!(back.code, code.code);
        assert_eq!(back.linetable, code.linetable);
    }

    #[test]
    fn every_kind_of_constant_survives() {
        roundtrip(
            "def f(a, /, b, *c, d=1.5, **e):\n    return (None, True, False, ..., 10**30, -3, 2j, 'é\\ud800', b'x',\n        frozenset({1, 2}), (1, (2, 'three')))\nclass C:\n    def g(self):\n        try:\n            return [x for x in self]\n        except E:\n            pass\n",
        );
    }

    #[test]
    fn malformed_input_is_an_error_not_a_panic() {
        let code = crate::compile("x = (1, 'a', b'b')\n", "<build>", pyrt_syntax::Mode::Module).unwrap();
        let bytes = encode(&code);
        for cut in 0..bytes.len() {
            assert!(decode(&bytes[..cut], "f").is_err(), "cut at {cut}");
        }
        let mut long = bytes.clone();
        long.push(0);
        assert_eq!(decode(&long, "f").unwrap_err(), DecodeError("trailing bytes"));
        let mut huge = bytes.clone();
        huge[0..4].copy_from_slice(&u32::MAX.to_le_bytes()); // the table's length
        assert!(decode(&huge, "f").is_err());
        // A name index past the table: the module's qualname, which its line table and
        // (empty) exception table follow.
        assert!(code.exceptiontable.is_empty());
        let mut far = bytes;
        let at = far.len() - 4 - (4 + code.linetable.len()) - 4;
        far[at..at + 4].copy_from_slice(&1000u32.to_le_bytes());
        assert_eq!(decode(&far, "f").unwrap_err(), DecodeError("a name index past the table"));
    }
}
