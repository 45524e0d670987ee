//! `memoryview` over `bytes` and `bytearray`: a one-dimensional view with format `'B'`.
//!
//! A view is its base object plus `start`, `step` and `len` in bytes of the base: item `i` is
//! the base's byte `start + i * step`. Slicing a view makes a new view over the same base with
//! composed offsets, so writes through any slice land in the base `bytearray`. While a view of
//! a `bytearray` is alive (not released nor freed) it holds one of the bytearray's exports,
//! which forbids resizing it, so the offsets stay valid. After `release()` (or leaving a
//! `with` block) every operation but `repr`, `release` and identity comparison raises
//! `ValueError: operation forbidden on released memoryview object`.

use std::cell::Cell;
use std::ptr::NonNull;

use super::abstract_ops as ops;
use super::alloc::{alloc, drop_and_free};
use super::builtin::{GetSetDef, MethodDef, args};
use super::bytearray::as_bytearray;
use super::bytes::{buffer_data, bytes_value, hash_bytes, new_bytes};
use super::header::PyObject;
use super::immortal::{immortals, types};
use super::int::{as_int, new_bool, new_int};
use super::list::new_list;
use super::obj::Obj;
use super::typeobj::{CompareOp, TypeObject};
use crate::error::{PyErr, PyResult};

/// A `memoryview`.
#[repr(C)]
pub struct MemoryViewObject {
    /// Header.
    pub ob_base: PyObject,
    base: Obj,
    start: usize,
    step: isize,
    len: usize,
    readonly: bool,
    released: Cell<bool>,
}

/// Whether `obj` is a memoryview.
pub fn is_memoryview(obj: &PyObject) -> bool {
    std::ptr::eq(obj.type_object(), types().memoryview_type)
}

fn as_view(obj: &PyObject) -> Option<&MemoryViewObject> {
    if is_memoryview(obj) {
        // SAFETY: memoryview instances are MemoryViewObject.
        Some(unsafe { obj.cast::<MemoryViewObject>() })
    } else {
        None
    }
}

#[cold]
fn released_error() -> PyErr {
    PyErr::value_error("operation forbidden on released memoryview object")
}

impl MemoryViewObject {
    /// The view's bytes (a copy), or the released error.
    fn data(&self) -> PyResult<Vec<u8>> {
        if self.released.get() {
            return Err(released_error());
        }
        let base = buffer_data(&self.base).unwrap_or_default();
        Ok((0..self.len).map(|i| base[(self.start as isize + i as isize * self.step) as usize]).collect())
    }

    fn live(&self) -> PyResult<&Self> {
        if self.released.get() { Err(released_error()) } else { Ok(self) }
    }

    /// Gives the base's export back (once).
    fn release(&self) {
        if !self.released.replace(true) {
            if let Some(b) = as_bytearray(&self.base) {
                b.release();
            }
        }
    }
}

/// The bytes of a memoryview (`None` if `obj` is not one; empty once released).
pub fn memoryview_data(obj: &PyObject) -> Option<Vec<u8>> {
    as_view(obj).map(|v| v.data().unwrap_or_default())
}

fn new_view(base: Obj, start: usize, step: isize, len: usize) -> PyResult<Obj> {
    let readonly = as_bytearray(&base).is_none();
    if let Some(b) = as_bytearray(&base) {
        b.export();
    }
    // SAFETY: MemoryViewObject starts with the header; its deallocator drops it.
    unsafe {
        alloc(types().memoryview_type, |ob_base| MemoryViewObject {
            ob_base,
            base,
            start,
            step,
            len,
            readonly,
            released: Cell::new(false),
        })
    }
}

fn memoryview_new(_ty: &TypeObject, argv: &[Obj], kwnames: Option<&PyObject>) -> PyResult<Obj> {
    let pos = args::positional(argv, kwnames);
    let mut object = pos.first();
    for (key, v) in args::keywords(argv, kwnames) {
        if key != "object" || object.is_some() {
            return Err(PyErr::type_error(format!("memoryview() got an unexpected keyword argument '{key}'")));
        }
        object = Some(v);
    }
    if pos.len() > 1 {
        return Err(PyErr::type_error(format!("memoryview() takes at most 1 argument ({} given)", pos.len())));
    }
    let Some(o) = object else {
        return Err(PyErr::type_error("memoryview() missing required argument 'object' (pos 1)"));
    };
    if let Some(v) = as_view(o) {
        let v = v.live()?;
        return new_view(v.base.clone(), v.start, v.step, v.len);
    }
    if bytes_value(o).is_some() || as_bytearray(o).is_some() {
        let len = buffer_data(o).map_or(0, |d| d.len());
        return new_view(o.clone(), 0, 1, len);
    }
    Err(PyErr::type_error(format!("memoryview: a bytes-like object is required, not '{}'", o.type_object().name())))
}

fn view(o: &PyObject) -> &MemoryViewObject {
    as_view(o).expect("a memoryview receiver")
}

fn memoryview_repr(o: &PyObject) -> PyResult<Obj> {
    let what = if view(o).released.get() { "released memory" } else { "memory" };
    super::str::new_str(&format!("<{what} at {:#x}>", o.addr()))
}

fn item_index(v: &MemoryViewObject, key: &PyObject) -> PyResult<usize> {
    if !super::bytes::is_index_like(key) {
        return Err(PyErr::type_error("memoryview: invalid slice key"));
    }
    let i = ops::index_isize(key)?;
    let j = if i < 0 { i + v.len as isize } else { i };
    if j < 0 || j as usize >= v.len {
        return Err(PyErr::index_error("index out of bounds on dimension 1"));
    }
    Ok((v.start as isize + j * v.step) as usize)
}

fn memoryview_subscript(o: &PyObject, key: &PyObject) -> PyResult<Obj> {
    let v = view(o).live()?;
    if let Some(sl) = super::range::as_slice(key) {
        let (start, _, step, count) = sl.indices(v.len)?;
        let base_start = if count == 0 { v.start } else { (v.start as isize + start * v.step) as usize };
        return new_view(v.base.clone(), base_start, v.step * step, count);
    }
    let at = item_index(v, key)?;
    new_int(super::bytes::byte_at(&v.base, at).unwrap_or(0) as i64)
}

fn memoryview_ass_subscript(o: &PyObject, key: &PyObject, value: Option<&PyObject>) -> PyResult<()> {
    let v = view(o).live()?;
    if v.readonly {
        return Err(PyErr::type_error("cannot modify read-only memory"));
    }
    let Some(value) = value else { return Err(PyErr::type_error("cannot delete memory")) };
    let target = as_bytearray(&v.base).expect("a writable view is over a bytearray");
    if let Some(sl) = super::range::as_slice(key) {
        let (start, _, step, count) = sl.indices(v.len)?;
        let src = buffer_data(value).ok_or_else(|| {
            PyErr::type_error(format!("a bytes-like object is required, not '{}'", value.type_object().name()))
        })?;
        if src.len() != count {
            return Err(PyErr::value_error("memoryview assignment: lvalue and rvalue have different structures"));
        }
        let src = src.into_owned();
        target.with_mut(|d| {
            for (k, &x) in src.iter().enumerate() {
                d[(v.start as isize + (start + k as isize * step) * v.step) as usize] = x;
            }
        });
        return Ok(());
    }
    let at = item_index(v, key)?;
    if as_int(value).is_none() {
        return Err(PyErr::type_error("memoryview: invalid type for format 'B'"));
    }
    let x = match super::bytes::byte_value(value) {
        Ok(x) => x,
        Err(_) => return Err(PyErr::value_error("memoryview: invalid value for format 'B'")),
    };
    target.with_mut(|d| d[at] = x);
    Ok(())
}

fn memoryview_richcompare(a: &PyObject, b: &PyObject, op: CompareOp) -> PyResult<Obj> {
    if !matches!(op, CompareOp::Eq | CompareOp::Ne) {
        return Ok(Obj::new_ref(immortals().not_implemented));
    }
    let va = view(a);
    let equal = if a.is(b) {
        true
    } else if va.released.get() || as_view(b).is_some_and(|w| w.released.get()) {
        false
    } else {
        match buffer_data(b) {
            Some(other) => va.data()? == other.as_ref(),
            None => return Ok(Obj::new_ref(immortals().not_implemented)),
        }
    };
    Ok(new_bool(equal == (op == CompareOp::Eq)))
}

fn memoryview_hash(o: &PyObject) -> PyResult<isize> {
    let v = view(o).live()?;
    if !v.readonly {
        return Err(PyErr::value_error("cannot hash writable memoryview object"));
    }
    Ok(hash_bytes(&v.data()?))
}

/// # Safety
///
/// See [`super::typeobj::DeallocFn`].
pub(crate) unsafe fn dealloc_memoryview(op: NonNull<PyObject>) {
    // SAFETY: forwarded contract; the export is given back before the base reference drops.
    unsafe {
        view(op.as_ref()).release();
        drop_and_free::<MemoryViewObject>(op)
    }
}

/// Fills the `memoryview` type's slots.
pub(crate) fn fill_memoryview_type(t: &mut TypeObject) {
    t.new = Some(memoryview_new);
    t.repr = Some(memoryview_repr);
    t.hash = Some(memoryview_hash);
    t.richcompare = Some(memoryview_richcompare);
    t.iter = Some(|o| {
        view(o).live()?;
        super::core_types::new_seq_iter(Obj::new_ref(o))
    });
    t.sequence.length = Some(|o| Ok(view(o).live()?.len));
    t.mapping.subscript = Some(memoryview_subscript);
    t.mapping.ass_subscript = Some(memoryview_ass_subscript);
}

pub(crate) static MEMORYVIEW_METHODS: &[MethodDef] = &[
    MethodDef::method("tobytes", |a, k| {
        let (s, _) = args::method("tobytes", a, k, 0, 1)?;
        new_bytes(&view(s).data()?)
    }),
    MethodDef::method("tolist", |a, k| {
        let (s, _) = super::bytes_methods::method("tolist", a, k, 0, 0)?;
        new_list(view(s).data()?.into_iter().map(|b| new_int(b as i64)).collect::<PyResult<_>>()?)
    }),
    MethodDef::method("hex", |a, k| {
        let pos = args::positional(a, k);
        let s = pos.first().ok_or_else(|| PyErr::type_error("hex() needs a receiver"))?;
        let data = view(s).data()?;
        let mut sep = pos.get(1);
        let mut per = pos.get(2);
        for (key, v) in args::keywords(a, k) {
            match key {
                "sep" => sep = Some(v),
                "bytes_per_sep" => per = Some(v),
                _ => return Err(PyErr::type_error(format!("hex() got an unexpected keyword argument '{key}'"))),
            }
        }
        super::bytes_methods::hex_text(&data, sep, per)
    }),
    MethodDef::method("release", |a, k| {
        let (s, _) = super::bytes_methods::method("release", a, k, 0, 0)?;
        view(s).release();
        Ok(args::none())
    }),
    MethodDef::method("toreadonly", |a, k| {
        let (s, _) = super::bytes_methods::method("toreadonly", a, k, 0, 0)?;
        let v = view(s).live()?;
        let r = new_view(v.base.clone(), v.start, v.step, v.len)?;
        // SAFETY: the view was just made and no one else has seen it.
        unsafe { (*(r.as_ptr().as_ptr() as *mut MemoryViewObject)).readonly = true };
        Ok(r)
    }),
    MethodDef::method("__enter__", |a, k| {
        let (s, _) = super::bytes_methods::method("__enter__", a, k, 0, 0)?;
        view(s).live()?;
        Ok(s.clone())
    }),
    MethodDef::method("__exit__", |a, _| {
        let s = a.first().ok_or_else(|| PyErr::type_error("__exit__() needs a receiver"))?;
        view(s).release();
        Ok(args::none())
    }),
];

pub(crate) static MEMORYVIEW_GETSETS: &[GetSetDef] = &[
    GetSetDef { name: "obj", get: |o| Ok(view(o).live()?.base.clone()), set: None },
    GetSetDef { name: "nbytes", get: |o| new_int(view(o).live()?.len as i64), set: None },
    GetSetDef { name: "readonly", get: |o| Ok(new_bool(view(o).live()?.readonly)), set: None },
    GetSetDef {
        name: "format",
        get: |o| {
            view(o).live()?;
            super::str::new_str("B")
        },
        set: None,
    },
    GetSetDef {
        name: "itemsize",
        get: |o| {
            view(o).live()?;
            new_int(1)
        },
        set: None,
    },
    GetSetDef {
        name: "ndim",
        get: |o| {
            view(o).live()?;
            new_int(1)
        },
        set: None,
    },
    GetSetDef {
        name: "shape",
        get: |o| super::tuple::new_tuple(vec![new_int(view(o).live()?.len as i64)?]),
        set: None,
    },
    GetSetDef {
        name: "strides",
        get: |o| super::tuple::new_tuple(vec![new_int(view(o).live()?.step as i64)?]),
        set: None,
    },
    GetSetDef { name: "contiguous", get: contiguous, set: None },
    GetSetDef { name: "c_contiguous", get: contiguous, set: None },
    GetSetDef { name: "f_contiguous", get: contiguous, set: None },
];

fn contiguous(o: &PyObject) -> PyResult<Obj> {
    let v = view(o).live()?;
    Ok(new_bool(v.step == 1 || v.len <= 1))
}
