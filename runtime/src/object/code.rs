//! `code` objects: a shared, immutable [`pyrt_compile::CodeObject`] plus this interpreter's
//! materialised constants and names.
//!
//! The compiler's code object is `Send + Sync` and shared by every interpreter behind an `Arc`;
//! its constants are plain Rust data. A `CodeObj` is the per-interpreter view the eval loop
//! runs: `consts` are objects made once (immortal where possible: `None`, small ints, interned
//! strings; nested code objects become `CodeObj`s), `names` are interned strings.

use std::ptr::NonNull;
use std::sync::Arc;

use pyrt_compile::{CodeFlags, CodeObject, Constant};

use super::alloc::{alloc, drop_and_free};
use super::header::PyObject;
use super::immortal::{immortals, intern, types, types_known_made};
use super::obj::Obj;
use crate::error::PyResult;

/// A code object of this interpreter.
#[repr(C)]
pub struct CodeObj {
    /// Header.
    pub ob_base: PyObject,
    /// The compiled code, shared.
    pub code: Arc<CodeObject>,
    /// `co_consts`, materialised.
    pub consts: Box<[Obj]>,
    /// `co_names`, interned.
    pub names: Box<[Obj]>,
    /// The localsplus names, interned (for keyword binding and error messages).
    pub localsplus_names: Box<[Obj]>,
    /// The exception table, decoded.
    pub exception_table: Box<[pyrt_compile::assemble::exception_table::ExceptionEntry]>,
    /// `co_positions()`, one per code unit: decoded from the line table when first asked for
    /// (by a traceback, a trace event, `f_lineno`), not when the code object is made — most
    /// code objects (the import system's, a module's functions never in a traceback) are
    /// never asked ([`CodeObj::positions`]).
    positions_decoded: std::sync::OnceLock<Box<[pyrt_compile::Location]>>,
    /// The instructions the eval loop runs and specialises (`co_code_adaptive`).
    pub adaptive: super::adaptive::AdaptiveCode,
    /// The slots a frame running this code takes on the data stack: its localsplus, its value
    /// stack and a spare slot. Kept here (not computed from `code`, behind its `Arc`) because
    /// every Python-to-Python call reads it.
    pub(crate) window_slots: u32,
    /// The number of positional arguments a call must pass to have them moved straight into
    /// the frame's first locals (`CALL_PY_EXACT_ARGS`): `co_argcount` for a function without
    /// keyword-only parameters or `*args`/`**kwargs` (generator functions included), else
    /// `u32::MAX` (never a count). One compare in the call guards.
    pub(crate) exact_args: u32,
}

/// Code flags that keep a call from entering the frame with its arguments moved in: the
/// collecting parameters. (A generator or coroutine function's frame is entered like any
/// other: its first instruction, `RETURN_GENERATOR`, returns the new object, as in CPython
/// 3.13's `CALL_PY_EXACT_ARGS`; the forms that enter a property getter or an `__init__` test
/// the generator flags themselves, `specialize::exact_args_function`.)
const NOT_EXACT: CodeFlags = CodeFlags::VARARGS.union(CodeFlags::VARKEYWORDS);

impl CodeObj {
    /// `co_positions()`, one per code unit (decoded on first use).
    pub fn positions(&self) -> &[pyrt_compile::Location] {
        self.positions_decoded.get_or_init(|| self.code.positions().into_boxed_slice())
    }
}

/// The `CodeObj` behind `obj`.
pub fn as_code(obj: &PyObject) -> Option<&CodeObj> {
    if std::ptr::eq(obj.type_object(), types_known_made(obj).code_type) {
        // SAFETY: code instances are CodeObj.
        Some(unsafe { obj.cast::<CodeObj>() })
    } else {
        None
    }
}

/// Materialises one constant.
pub fn constant_to_object(c: &Constant) -> PyResult<Obj> {
    let im = immortals();
    Ok(match c {
        Constant::None => Obj::new_ref(im.none),
        Constant::True => Obj::new_ref(&im.true_.ob_base),
        Constant::False => Obj::new_ref(&im.false_.ob_base),
        Constant::Ellipsis => Obj::new_ref(im.ellipsis),
        Constant::Int(v) => super::int::new_int(*v)?,
        Constant::BigInt(text) => super::int::new_big(text.parse().unwrap_or_default())?,
        Constant::Float(f) => super::float::new_float(*f)?,
        Constant::Str(s) => match s.as_str() {
            Some(t) if t.len() <= 40 && t.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_') => {
                Obj::new_ref(&intern(t).ob_base)
            }
            Some(t) => super::str::new_str(t)?,
            None => super::str::new_str_from_code_points(&s.code_points().collect::<Vec<_>>())?,
        },
        Constant::Tuple(items) => {
            super::tuple::new_tuple(items.iter().map(constant_to_object).collect::<PyResult<_>>()?)?
        }
        Constant::FrozenSet(items) => {
            // CPython builds the folded frozenset from the items in source order, then its
            // constant cache (`_PyCompile_ConstCacheMergeOne`) rebuilds it from that set's
            // table order: the second build decides the table layout, and with it the order.
            let first = super::set::new_frozenset(items.iter().map(constant_to_object).collect::<PyResult<_>>()?)?;
            let in_table_order = super::set::as_set(&first).map(|s| s.keys()).unwrap_or_default();
            super::set::new_frozenset(in_table_order)?
        }
        Constant::Code(code) => new_code(code.clone())?,
        Constant::Bytes(b) => super::bytes::new_bytes(b)?,
        Constant::Complex { re, im } => super::complex::new_complex(*re, *im)?,
    })
}

/// Materialises a compiled code object in the current interpreter.
pub fn new_code(code: Arc<CodeObject>) -> PyResult<Obj> {
    let consts: Box<[Obj]> = code.consts.iter().map(constant_to_object).collect::<PyResult<_>>()?;
    let names: Box<[Obj]> = code.names.iter().map(|n| Obj::new_ref(&intern(n).ob_base)).collect();
    let localsplus_names: Box<[Obj]> = code.localsplus_names.iter().map(|n| Obj::new_ref(&intern(n).ob_base)).collect();
    let exception_table = code.exception_entries().unwrap_or_default().into_boxed_slice();
    let adaptive = super::adaptive::AdaptiveCode::quicken(&code.code);
    let window_slots = u32::try_from(code.nlocalsplus() + code.stacksize as usize + 1)
        .map_err(|_| crate::error::PyErr::from_kind(crate::error::ExcKind::MemoryError))?;
    let exact_args = if code.kwonlyargcount == 0 && code.flags.0 & NOT_EXACT.0 == 0 { code.argcount } else { u32::MAX };
    // SAFETY: CodeObj starts with the header; its deallocator drops it.
    unsafe {
        alloc(types().code_type, |ob_base| CodeObj {
            ob_base,
            code,
            consts,
            names,
            localsplus_names,
            exception_table,
            positions_decoded: std::sync::OnceLock::new(),
            adaptive,
            window_slots,
            exact_args,
        })
    }
}

/// `repr(code)`.
pub(crate) fn code_repr(o: &PyObject) -> PyResult<Obj> {
    let c = as_code(o).expect("a code object");
    super::str::new_str(&format!(
        "<code object {} at {:#x}, file \"{}\", line {}>",
        c.code.name,
        o.addr(),
        c.code.filename,
        c.code.firstlineno
    ))
}

fn code_of(o: &PyObject) -> &CodeObj {
    as_code(o).expect("a code object")
}

fn str_attr(text: &str) -> PyResult<Obj> {
    super::str::new_str(text)
}

/// The localsplus names whose kind has any bit of `kind` (`get_localsplus_names`).
fn names_of_kind(o: &PyObject, kind: pyrt_compile::LocalKind) -> PyResult<Obj> {
    let c = code_of(o);
    let names: Vec<Obj> = c
        .code
        .localsplus_kinds
        .iter()
        .zip(c.localsplus_names.iter())
        .filter(|(k, _)| k.0 & kind.0 != 0)
        .map(|(_, n)| n.clone())
        .collect();
    super::tuple::new_tuple(names)
}

/// The read-only attributes of code objects.
pub(crate) static CODE_GETSETS: &[super::builtin::GetSetDef] = {
    use super::builtin::GetSetDef;
    use super::int::new_int;
    use pyrt_compile::LocalKind;
    &[
        GetSetDef { name: "co_name", get: |o| str_attr(&code_of(o).code.name), set: None },
        GetSetDef { name: "co_qualname", get: |o| str_attr(&code_of(o).code.qualname), set: None },
        GetSetDef { name: "co_filename", get: |o| str_attr(&code_of(o).code.filename), set: None },
        GetSetDef { name: "co_firstlineno", get: |o| new_int(i64::from(code_of(o).code.firstlineno)), set: None },
        GetSetDef { name: "co_flags", get: |o| new_int(i64::from(code_of(o).code.flags.0)), set: None },
        GetSetDef { name: "co_argcount", get: |o| new_int(i64::from(code_of(o).code.argcount)), set: None },
        GetSetDef {
            name: "co_posonlyargcount",
            get: |o| new_int(i64::from(code_of(o).code.posonlyargcount)),
            set: None,
        },
        GetSetDef { name: "co_kwonlyargcount", get: |o| new_int(i64::from(code_of(o).code.kwonlyargcount)), set: None },
        GetSetDef { name: "co_stacksize", get: |o| new_int(i64::from(code_of(o).code.stacksize)), set: None },
        GetSetDef {
            name: "co_nlocals",
            get: |o| {
                let n = code_of(o).code.localsplus_kinds.iter().filter(|k| k.contains(LocalKind::LOCAL)).count();
                new_int(n as i64)
            },
            set: None,
        },
        GetSetDef { name: "co_varnames", get: |o| names_of_kind(o, LocalKind::LOCAL), set: None },
        GetSetDef { name: "co_cellvars", get: |o| names_of_kind(o, LocalKind::CELL), set: None },
        GetSetDef { name: "co_freevars", get: |o| names_of_kind(o, LocalKind::FREE), set: None },
        GetSetDef { name: "co_names", get: |o| super::tuple::new_tuple(code_of(o).names.to_vec()), set: None },
        GetSetDef { name: "co_consts", get: |o| super::tuple::new_tuple(code_of(o).consts.to_vec()), set: None },
        GetSetDef {
            name: "co_code",
            // The compiler's code units (never the specialised copy), opcode byte first.
            get: |o| {
                let units = &code_of(o).code.code;
                super::bytes::new_bytes(&units.iter().flat_map(|u| u.to_le_bytes()).collect::<Vec<u8>>())
            },
            set: None,
        },
    ]
};

/// A line or column of the location table as Python sees it: `None` for -1.
fn opt_int(v: i32) -> PyResult<Obj> {
    if v < 0 { Ok(super::builtin::args::none()) } else { super::int::new_int(i64::from(v)) }
}

/// `co_positions()`: `(lineno, end_lineno, col_offset, end_col_offset)` per code unit.
fn co_positions(a: &[Obj], k: Option<&PyObject>) -> PyResult<Obj> {
    let a = super::builtin::args::exact("co_positions", a, k, 1, 1)?;
    let c = code_of(&a[0]);
    let mut out = Vec::with_capacity(c.positions().len());
    for p in c.positions().iter() {
        let t = [p.lineno, p.end_lineno, p.col_offset, p.end_col_offset].map(opt_int);
        let [a, b, x, y] = t;
        out.push(super::tuple::new_tuple(vec![a?, b?, x?, y?])?);
    }
    let list = super::list::new_list(out)?;
    super::abstract_ops::get_iter(&list)
}

/// `co_lines()`: `(start, end, line)` byte ranges, consecutive code units of one line merged
/// (CPython's `lineiter_next`).
fn co_lines(a: &[Obj], k: Option<&PyObject>) -> PyResult<Obj> {
    let a = super::builtin::args::exact("co_lines", a, k, 1, 1)?;
    let c = code_of(&a[0]);
    let mut out = Vec::new();
    let positions = c.positions();
    let mut start = 0;
    while start < positions.len() {
        let line = positions[start].lineno;
        let mut end = start + 1;
        while end < positions.len() && positions[end].lineno == line {
            end += 1;
        }
        out.push(super::tuple::new_tuple(vec![
            super::int::new_int(start as i64 * 2)?,
            super::int::new_int(end as i64 * 2)?,
            opt_int(line)?,
        ])?);
        start = end;
    }
    let list = super::list::new_list(out)?;
    super::abstract_ops::get_iter(&list)
}

/// The methods of code objects.
pub(crate) static CODE_METHODS: &[super::builtin::MethodDef] = &[
    super::builtin::MethodDef::method("co_positions", co_positions),
    super::builtin::MethodDef::method("co_lines", co_lines),
];

/// # Safety
///
/// See [`super::typeobj::DeallocFn`].
pub(crate) unsafe fn dealloc_code(op: NonNull<PyObject>) {
    // SAFETY: forwarded contract.
    unsafe { drop_and_free::<CodeObj>(op) }
}
