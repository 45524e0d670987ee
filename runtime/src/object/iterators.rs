//! The lazy iterator builtins as types: `map`, `filter`, `zip`, `enumerate`, `reversed` and
//! `callable_iterator` (`iter(callable, sentinel)`) — CPython's `Python/bltinmodule.c`,
//! `Objects/enumobject.c` and `Objects/iterobject.c`.
//!
//! Each is an object holding its source iterator(s) and a little state; `__next__` pulls one
//! item from the sources on demand, so they work on infinite iterators and interleave with the
//! caller's side effects exactly as CPython's do. An exhausted `callable_iterator` or
//! `reversed` drops its source and stays exhausted. `zip(strict=True)` checks, when the first
//! source runs out, that the others are exhausted too, with CPython's messages.
//!
//! The types may be subclassed: instances are allocated at the (sub)type's size and a
//! subclass's `__dict__` slot sits after the fixed part, as for `list`.

use std::cell::{Cell, UnsafeCell};
use std::ptr::NonNull;

use super::abstract_ops::{self as ops, type_name};
use super::alloc::drop_and_free;
use super::builtin::{GetSetDef, MethodDef, args};
use super::header::PyObject;
use super::immortal::{TypeSpec, immortals, new_static_type, types};
use super::int::{IntVal, as_int, new_int};
use super::obj::Obj;
use super::slots::BinOp;
use super::tuple::new_tuple;
use super::typeobj::{TypeObject, flags};
use crate::error::{PyErr, PyResult};

/// Allocates an instance of `ty` (a static iterator type or a subclass of one).
fn alloc_instance<T>(ty: &TypeObject, init: impl FnOnce(PyObject) -> T) -> PyResult<Obj> {
    // SAFETY: every `T` here starts with the header; the type's deallocator drops it; a
    // subclass's dict slot (at `dict_offset`, past `T`) is initialised here.
    unsafe {
        let obj = super::alloc::alloc_sized(ty, ty.basic_size.max(size_of::<T>()), init)?;
        if ty.dict_offset != 0 {
            (obj.as_ptr().as_ptr() as *mut u8).add(ty.dict_offset).cast::<Option<Obj>>().write(None);
        }
        Ok(obj)
    }
}

/// Drops an instance made by [`alloc_instance`].
///
/// # Safety
///
/// See [`super::typeobj::DeallocFn`]; `op` must be a `T` made by [`alloc_instance`].
unsafe fn dealloc_instance<T>(op: NonNull<PyObject>) {
    // SAFETY: forwarded contract.
    unsafe {
        let ty = op.as_ref().type_object();
        if ty.dict_offset != 0 {
            std::ptr::drop_in_place((op.as_ptr() as *mut u8).add(ty.dict_offset).cast::<Option<Obj>>());
        }
        drop_and_free::<T>(op)
    }
}

fn self_iter(o: &PyObject) -> PyResult<Obj> {
    Ok(Obj::new_ref(o))
}

/// A source slot that can be dropped once exhausted.
struct Source(UnsafeCell<Option<Obj>>);

impl Source {
    fn new(o: Obj) -> Source {
        Source(UnsafeCell::new(Some(o)))
    }

    fn get(&self) -> Option<Obj> {
        // SAFETY: serialised by the interpreter lock; the borrow ends here.
        unsafe { (*self.0.get()).clone() }
    }

    fn clear(&self) {
        // SAFETY: as above; the old value is dropped after the borrow ends.
        let old = unsafe { (*self.0.get()).take() };
        drop(old);
    }
}

// ---- map ----------------------------------------------------------------------------------

/// `map(func, *iterables)`.
#[repr(C)]
pub struct MapObject {
    /// Header.
    pub ob_base: PyObject,
    func: Obj,
    iters: Vec<Obj>,
}

fn map_new(ty: &TypeObject, argv: &[Obj], kwnames: Option<&PyObject>) -> PyResult<Obj> {
    if std::ptr::eq(ty, types().iters.map_type) {
        args::no_keywords("map", kwnames)?;
    }
    let pos = args::positional(argv, kwnames);
    if pos.len() < 2 {
        return Err(PyErr::type_error("map() must have at least two arguments."));
    }
    let iters = pos[1..].iter().map(|x| ops::get_iter(x)).collect::<PyResult<Vec<_>>>()?;
    alloc_instance(ty, |ob_base| MapObject { ob_base, func: pos[0].clone(), iters })
}

fn map_next(o: &PyObject) -> PyResult<Option<Obj>> {
    // SAFETY: only installed on map and its subclasses.
    let m = unsafe { o.cast::<MapObject>() };
    let mut argv = Vec::with_capacity(m.iters.len());
    for it in &m.iters {
        match ops::next(it)? {
            Some(x) => argv.push(x),
            None => return Ok(None),
        }
    }
    ops::call(&m.func, &argv, None).map(Some)
}

// ---- filter -------------------------------------------------------------------------------

/// `filter(function or None, iterable)`.
#[repr(C)]
pub struct FilterObject {
    /// Header.
    pub ob_base: PyObject,
    func: Obj,
    it: Obj,
}

fn filter_new(ty: &TypeObject, argv: &[Obj], kwnames: Option<&PyObject>) -> PyResult<Obj> {
    if std::ptr::eq(ty, types().iters.filter_type) {
        args::no_keywords("filter", kwnames)?;
    }
    let pos = args::positional(argv, kwnames);
    if pos.len() != 2 {
        return Err(PyErr::type_error(format!("filter expected 2 arguments, got {}", pos.len())));
    }
    let it = ops::get_iter(&pos[1])?;
    alloc_instance(ty, |ob_base| FilterObject { ob_base, func: pos[0].clone(), it })
}

fn filter_next(o: &PyObject) -> PyResult<Option<Obj>> {
    // SAFETY: only installed on filter and its subclasses.
    let f = unsafe { o.cast::<FilterObject>() };
    let plain_truth = f.func.is(immortals().none) || f.func.is(types().bool_type.as_object());
    while let Some(x) = ops::next(&f.it)? {
        let keep =
            if plain_truth { ops::is_true(&x)? } else { ops::is_true(&*ops::call(&f.func, &[x.clone()], None)?)? };
        if keep {
            return Ok(Some(x));
        }
    }
    Ok(None)
}

// ---- zip ----------------------------------------------------------------------------------

/// `zip(*iterables, strict=False)`.
#[repr(C)]
pub struct ZipObject {
    /// Header.
    pub ob_base: PyObject,
    iters: Vec<Obj>,
    strict: bool,
}

fn zip_new(ty: &TypeObject, argv: &[Obj], kwnames: Option<&PyObject>) -> PyResult<Obj> {
    let pos = args::positional(argv, kwnames);
    let mut strict = false;
    let kw: Vec<_> = args::keywords(argv, kwnames).collect();
    if kw.len() > 1 {
        return Err(PyErr::type_error(format!("zip() takes at most 1 keyword argument ({} given)", kw.len())));
    }
    for (name, v) in kw {
        if name != "strict" {
            return Err(PyErr::type_error(format!("zip() got an unexpected keyword argument '{name}'")));
        }
        strict = ops::is_true(v)?;
    }
    let iters = pos.iter().map(|x| ops::get_iter(x)).collect::<PyResult<Vec<_>>>()?;
    alloc_instance(ty, |ob_base| ZipObject { ob_base, iters, strict })
}

/// `zip(strict=True)`'s error when source `i` (0-based) ran out first (`shorter`) or outlived
/// the sources before it.
fn zip_length_error(i: usize, shorter: bool) -> PyErr {
    let (plural, range) = if i == 1 { ("", "1".to_owned()) } else { ("s", format!("1-{i}")) };
    let which = if shorter { "shorter" } else { "longer" };
    PyErr::value_error(format!("zip() argument {} is {which} than argument{plural} {range}", i + 1))
}

fn zip_next(o: &PyObject) -> PyResult<Option<Obj>> {
    // SAFETY: only installed on zip and its subclasses.
    let z = unsafe { o.cast::<ZipObject>() };
    if z.iters.is_empty() {
        return Ok(None);
    }
    let mut row = Vec::with_capacity(z.iters.len());
    for (i, it) in z.iters.iter().enumerate() {
        match ops::next(it)? {
            Some(x) => row.push(x),
            None => {
                if !z.strict {
                    return Ok(None);
                }
                if i > 0 {
                    return Err(zip_length_error(i, true));
                }
                for (j, other) in z.iters.iter().enumerate().skip(1) {
                    if ops::next(other)?.is_some() {
                        return Err(zip_length_error(j, false));
                    }
                }
                return Ok(None);
            }
        }
    }
    new_tuple(row).map(Some)
}

// ---- enumerate ----------------------------------------------------------------------------

/// `enumerate(iterable, start=0)`: a machine-word counter, an int object past it.
#[repr(C)]
pub struct EnumerateObject {
    /// Header.
    pub ob_base: PyObject,
    it: Obj,
    index: Cell<i64>,
    /// The counter once it no longer fits a word (or when `start` did not).
    big: UnsafeCell<Option<Obj>>,
}

fn enumerate_new(ty: &TypeObject, argv: &[Obj], kwnames: Option<&PyObject>) -> PyResult<Obj> {
    let pos = args::positional(argv, kwnames);
    let kw: Vec<_> = args::keywords(argv, kwnames).collect();
    if pos.len() + kw.len() > 2 {
        return Err(PyErr::type_error(format!(
            "enumerate() takes at most 2 arguments ({} given)",
            pos.len() + kw.len()
        )));
    }
    let (mut iterable, mut start) = (pos.first(), pos.get(1));
    for (name, v) in kw {
        match name {
            "iterable" if iterable.is_none() => iterable = Some(v),
            "start" if start.is_none() => start = Some(v),
            "iterable" | "start" => {
                return Err(PyErr::type_error(format!(
                    "argument for enumerate() given by name ('{name}') and position ({})",
                    if name == "iterable" { 1 } else { 2 }
                )));
            }
            other => {
                return Err(PyErr::type_error(format!("'{other}' is an invalid keyword argument for enumerate()")));
            }
        }
    }
    let iterable = iterable.ok_or_else(|| PyErr::type_error("enumerate() missing required argument 'iterable'"))?;
    let (index, big) = match start {
        None => (0, None),
        Some(s) => {
            let s = ops::index(s)?;
            match as_int(&s) {
                Some(IntVal::Small(v)) if v < i64::MAX => (v, None),
                // An exact int (`PyNumber_Index` copies an int subclass's value), so stepping
                // it runs no Python code.
                Some(v) => (0, Some(super::int::new_big(v.to_big())?)),
                None => (0, Some(s)),
            }
        }
    };
    let it = ops::get_iter(iterable)?;
    alloc_instance(ty, |ob_base| EnumerateObject { ob_base, it, index: Cell::new(index), big: UnsafeCell::new(big) })
}

fn enumerate_next(o: &PyObject) -> PyResult<Option<Obj>> {
    // SAFETY: only installed on enumerate and its subclasses.
    let e = unsafe { o.cast::<EnumerateObject>() };
    let Some(x) = ops::next(&e.it)? else { return Ok(None) };
    // SAFETY: serialised by the interpreter lock; one read (a clone, an incref), so no borrow of
    // the cell is live while the addition below runs (an int subclass's `__add__` is not
    // reached: `big` is an exact int, but the code does not rely on it).
    let current = unsafe { (*e.big.get()).clone() };
    let n = match current {
        Some(n) => {
            let next = ops::binary_op(&n, &*new_int(1)?, BinOp::Add)?;
            // SAFETY: one write under the lock; the old value moves out and is dropped after.
            drop(unsafe { std::ptr::replace(e.big.get(), Some(next)) });
            n
        }
        None => {
            let i = e.index.get();
            if i == i64::MAX - 1 {
                let next = ops::binary_op(&*new_int(i)?, &*new_int(1)?, BinOp::Add)?;
                // SAFETY: as above.
                drop(unsafe { std::ptr::replace(e.big.get(), Some(next)) });
            } else {
                e.index.set(i + 1);
            }
            new_int(i)?
        }
    };
    new_tuple(vec![n, x]).map(Some)
}

// ---- reversed -----------------------------------------------------------------------------

/// `reversed(seq)` over the sequence protocol: indices `len - 1` down to 0.
#[repr(C)]
pub struct ReversedObject {
    /// Header.
    pub ob_base: PyObject,
    seq: Source,
    index: Cell<isize>,
}

fn reversed_new(ty: &TypeObject, argv: &[Obj], kwnames: Option<&PyObject>) -> PyResult<Obj> {
    if std::ptr::eq(ty, types().iters.reversed_type) {
        args::no_keywords("reversed", kwnames)?;
    }
    let pos = args::positional(argv, kwnames);
    if pos.len() != 1 {
        return Err(PyErr::type_error(format!("reversed expected 1 argument, got {}", pos.len())));
    }
    let seq = &pos[0];
    let st = seq.type_object();
    if let Some(r) = ops::lookup_special(seq, "__reversed__")? {
        if r.is(immortals().none) {
            return Err(not_reversible(seq));
        }
        return ops::call(&r, &[], None);
    }
    if st.is_subtype(types().dict_type) {
        let keys: Vec<Obj> =
            super::dict::as_dict(seq).map(|d| d.items()).unwrap_or_default().into_iter().map(|(k, _)| k).collect();
        let list = super::list::new_list(keys)?;
        let n = keys_len(&list);
        return alloc_instance(ty, |ob_base| ReversedObject {
            ob_base,
            seq: Source::new(list),
            index: Cell::new(n - 1),
        });
    }
    if st.mapping.subscript.is_none() || st.is_subtype(types().dict_type) || is_set_like(seq) {
        return Err(not_reversible(seq));
    }
    let n = ops::len(seq)? as isize;
    alloc_instance(ty, |ob_base| ReversedObject { ob_base, seq: Source::new(seq.clone()), index: Cell::new(n - 1) })
}

fn keys_len(list: &PyObject) -> isize {
    super::list::as_list(list).map_or(0, |l| l.len() as isize)
}

fn is_set_like(o: &PyObject) -> bool {
    super::set::as_set(o).is_some()
}

#[cold]
fn not_reversible(o: &PyObject) -> PyErr {
    PyErr::type_error(format!("'{}' object is not reversible", type_name(o)))
}

fn reversed_next(o: &PyObject) -> PyResult<Option<Obj>> {
    // SAFETY: only installed on reversed and its subclasses.
    let r = unsafe { o.cast::<ReversedObject>() };
    let i = r.index.get();
    let Some(seq) = r.seq.get() else { return Ok(None) };
    if i >= 0 {
        match ops::get_item(&seq, &*new_int(i as i64)?) {
            Ok(v) => {
                // From the index as it is now: `__getitem__` may have stepped this iterator
                // meanwhile (CPython's `ro->index--` after the call).
                r.index.set(r.index.get() - 1);
                return Ok(Some(v));
            }
            Err(e) if e.matches(types().exc.named("IndexError")) || e.matches(types().exc.named("StopIteration")) => {}
            Err(e) => return Err(e),
        }
    }
    r.index.set(-1);
    r.seq.clear();
    Ok(None)
}

fn reversed_length_hint(a: &[Obj], k: Option<&PyObject>) -> PyResult<Obj> {
    let (o, _) = args::method("__length_hint__", a, k, 0, 0)?;
    // SAFETY: the method descriptor checked the receiver's type.
    let r = unsafe { o.cast::<ReversedObject>() };
    let n = if r.seq.get().is_some() { r.index.get() + 1 } else { 0 };
    new_int(n.max(0) as i64)
}

// ---- callable_iterator --------------------------------------------------------------------

/// `iter(callable, sentinel)`: calls `callable()` until it returns `sentinel`.
#[repr(C)]
pub struct CallableIterator {
    /// Header.
    pub ob_base: PyObject,
    func: Source,
    sentinel: Obj,
}

/// `iter(callable, sentinel)`.
pub fn new_callable_iterator(func: Obj, sentinel: Obj) -> PyResult<Obj> {
    if func.type_object().call.is_none() {
        return Err(PyErr::type_error("iter(v, w): v must be callable"));
    }
    alloc_instance(types().iters.callable_iterator_type, |ob_base| CallableIterator {
        ob_base,
        func: Source::new(func),
        sentinel,
    })
}

fn callable_iter_next(o: &PyObject) -> PyResult<Option<Obj>> {
    // SAFETY: only installed on callable_iterator.
    let c = unsafe { o.cast::<CallableIterator>() };
    let Some(f) = c.func.get() else { return Ok(None) };
    let v = match ops::call(&f, &[], None) {
        Ok(v) => v,
        Err(e) if e.matches(types().exc.named("StopIteration")) => {
            c.func.clear();
            return Ok(None);
        }
        Err(e) => return Err(e),
    };
    if ops::rich_compare_bool(&v, &c.sentinel, super::typeobj::CompareOp::Eq)? {
        c.func.clear();
        return Ok(None);
    }
    Ok(Some(v))
}

// ---- the types ----------------------------------------------------------------------------

/// The iterator types.
pub struct IterTypes {
    /// `map`
    pub map_type: &'static TypeObject,
    /// `filter`
    pub filter_type: &'static TypeObject,
    /// `zip`
    pub zip_type: &'static TypeObject,
    /// `enumerate`
    pub enumerate_type: &'static TypeObject,
    /// `reversed`
    pub reversed_type: &'static TypeObject,
    /// `callable_iterator`
    pub callable_iterator_type: &'static TypeObject,
}

static NO_METHODS: &[MethodDef] = &[];
static NO_GETSETS: &[GetSetDef] = &[];
static REVERSED_METHODS: &[MethodDef] = &[MethodDef::method("__length_hint__", reversed_length_hint)];
static ENUMERATE_METHODS: &[MethodDef] =
    &[MethodDef::classmethod("__class_getitem__", super::generic_alias::class_getitem)];

/// Phase one of the static types: the iterator types.
pub(crate) fn make_iter_types(
    type_type: &'static TypeObject,
    object_type: &'static TypeObject,
    specs: &mut Vec<TypeSpec>,
) -> IterTypes {
    type Next = super::typeobj::IterNextFn;
    let mk = |name: &'static str,
              size: usize,
              base_ok: bool,
              dealloc: super::typeobj::DeallocFn,
              new: Option<super::typeobj::NewFn>,
              next: Next| {
        new_static_type(type_type, name, size, if base_ok { flags::BASETYPE } else { 0 }, dealloc, |t| {
            t.iter = Some(self_iter);
            t.iternext = Some(next);
            t.new = new;
            t.hash = Some(super::core_types::object_hash);
            t.richcompare = Some(super::core_types::object_richcompare);
        })
    };
    let map_type = mk("map", size_of::<MapObject>(), true, dealloc_instance::<MapObject>, Some(map_new), map_next);
    let filter_type =
        mk("filter", size_of::<FilterObject>(), true, dealloc_instance::<FilterObject>, Some(filter_new), filter_next);
    let zip_type = mk("zip", size_of::<ZipObject>(), true, dealloc_instance::<ZipObject>, Some(zip_new), zip_next);
    let enumerate_type = mk(
        "enumerate",
        size_of::<EnumerateObject>(),
        true,
        dealloc_instance::<EnumerateObject>,
        Some(enumerate_new),
        enumerate_next,
    );
    let reversed_type = mk(
        "reversed",
        size_of::<ReversedObject>(),
        true,
        dealloc_instance::<ReversedObject>,
        Some(reversed_new),
        reversed_next,
    );
    let callable_iterator_type = mk(
        "callable_iterator",
        size_of::<CallableIterator>(),
        false,
        dealloc_instance::<CallableIterator>,
        None,
        callable_iter_next,
    );
    specs.push(TypeSpec {
        ty: enumerate_type,
        base: Some(object_type),
        methods: ENUMERATE_METHODS,
        getsets: NO_GETSETS,
    });
    for t in [map_type, filter_type, zip_type, callable_iterator_type] {
        specs.push(TypeSpec { ty: t, base: Some(object_type), methods: NO_METHODS, getsets: NO_GETSETS });
    }
    specs.push(TypeSpec { ty: reversed_type, base: Some(object_type), methods: REVERSED_METHODS, getsets: NO_GETSETS });
    IterTypes { map_type, filter_type, zip_type, enumerate_type, reversed_type, callable_iterator_type }
}

/// `iter(o)` / `iter(callable, sentinel)` (the builtin).
pub(crate) fn builtin_iter(a: &[Obj], k: Option<&PyObject>) -> PyResult<Obj> {
    args::no_keywords("iter", k)?;
    match a {
        [] => Err(PyErr::type_error("iter expected at least 1 argument, got 0")),
        [o] => ops::get_iter(o),
        [f, sentinel] => new_callable_iterator(f.clone(), sentinel.clone()),
        _ => Err(PyErr::type_error(format!("iter expected at most 2 arguments, got {}", a.len()))),
    }
}
