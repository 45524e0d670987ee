//! `bytearray`: a mutable byte string.
//!
//! The bytes are a Rust `Vec<u8>` behind an `UnsafeCell`. Every access — a snapshot copy, the
//! length, a mutation — runs inside the object's critical section: free in an interpreter with
//! a lock (the lock serialises it), the object's mutex in a free-threaded one, so a reader never
//! sees the vector mid-reallocation. No reference into the cell outlives one access: the readers
//! copy out (a byte, the length, the bytes), and a mutation ([`ByteArrayObject::with_mut`])
//! *moves the vector out* of the cell, lends it to its closure as a local `&mut Vec<u8>`, and
//! moves it back — like `Cell::take`/`Cell::set`. A closure that reached the same bytearray
//! (Python code it should not run, a nested access) would find it empty and its writes would be
//! overwritten, a wrong result but never an aliased `&mut`. The callers convert every argument
//! (`__index__`, iteration, `__buffer__`) before the closure starts, so none does. `exports`
//! counts the live `memoryview`s over the object: while it is non-zero the size may not change
//! (`BufferError: Existing exports of data: object cannot be re-sized`), which keeps every
//! view's offsets valid. The methods `bytearray` shares with `bytes` are in `bytes_methods`;
//! this file has the layout, the slots and the mutating methods.

use std::cell::{Cell, UnsafeCell};
use std::ptr::NonNull;

use super::abstract_ops as ops;
use super::alloc::drop_and_free;
use super::builtin::args;
use super::bytes::{self as bytes_mod, buffer_data, byte_value, repr_bytes_with};
use super::header::PyObject;
use super::immortal::{immortals, types};
use super::int::{as_int, new_int};
use super::obj::Obj;
use super::typeobj::TypeObject;
use crate::error::{PyErr, PyResult};

/// A `bytearray`.
#[repr(C)]
pub struct ByteArrayObject {
    /// Header.
    pub ob_base: PyObject,
    data: UnsafeCell<Vec<u8>>,
    exports: Cell<usize>,
}

impl ByteArrayObject {
    /// Runs `f` in the object's critical section (see the module docs).
    fn locked<R>(&self, f: impl FnOnce() -> R) -> R {
        super::attachment::critical_section(&self.ob_base, f)
    }

    /// A copy of the bytes.
    pub fn to_vec(&self) -> Vec<u8> {
        // SAFETY: inside the critical section no other access is live, and no Python code runs
        // during the copy.
        self.locked(|| unsafe { (*self.data.get()).clone() })
    }

    /// The byte at `i`, if in range (no copy of the rest: iteration and indexing use it).
    pub fn get(&self, i: usize) -> Option<u8> {
        // SAFETY: as in `to_vec`.
        self.locked(|| unsafe { (&*self.data.get()).get(i).copied() })
    }

    /// The number of bytes.
    pub fn len(&self) -> usize {
        // SAFETY: as in `to_vec`.
        self.locked(|| unsafe { (*self.data.get()).len() })
    }

    /// Runs `f` on the bytes, moved out of the object for the call and moved back after (see
    /// the module docs): `f` should run no Python code — it would see the object empty — but
    /// nothing it does can alias the bytes.
    pub fn with_mut<R>(&self, f: impl FnOnce(&mut Vec<u8>) -> R) -> R {
        self.locked(|| {
            // SAFETY: in the critical section; the exclusive borrow ends with the move (no
            // code runs during it), and the vector's heap block stays where it is.
            let mut bytes = std::mem::take(unsafe { &mut *self.data.get() });
            let out = f(&mut bytes);
            // SAFETY: as above. What a misbehaving `f` may have stored meanwhile is dropped (a
            // `Vec<u8>`: no code runs).
            drop(std::mem::replace(unsafe { &mut *self.data.get() }, bytes));
            out
        })
    }

    /// Like [`Self::with_mut`] for a change of size: `BufferError` while views exist.
    pub fn resize_with<R>(&self, f: impl FnOnce(&mut Vec<u8>) -> R) -> PyResult<R> {
        self.locked(|| {
            if self.exports.get() > 0 {
                return Err(buffer_error());
            }
            Ok(self.with_mut(f))
        })
    }

    /// A new view starts (`memoryview(b)`).
    pub(crate) fn export(&self) {
        self.locked(|| self.exports.set(self.exports.get() + 1));
    }

    /// A view ended (released or freed).
    pub(crate) fn release(&self) {
        self.locked(|| self.exports.set(self.exports.get().saturating_sub(1)));
    }
}

#[cold]
fn buffer_error() -> PyErr {
    super::exceptions::raise_msg(
        types().exc.named("BufferError"),
        "Existing exports of data: object cannot be re-sized",
    )
}

/// The `bytearray` behind `obj` (an instance of `bytearray` or a subclass).
pub fn as_bytearray(obj: &PyObject) -> Option<&ByteArrayObject> {
    let ty = types().bytearray_type;
    let t = obj.type_object();
    if std::ptr::eq(t, ty) || (t.is_heap() && t.is_subtype(ty)) {
        // SAFETY: bytearray instances (and subclasses') start with ByteArrayObject.
        Some(unsafe { obj.cast::<ByteArrayObject>() })
    } else {
        None
    }
}

/// A new `bytearray`.
pub fn new_bytearray(data: Vec<u8>) -> PyResult<Obj> {
    new_bytearray_of_type(types().bytearray_type, data)
}

/// A new instance of `bytearray` or a subclass.
pub fn new_bytearray_of_type(ty: &TypeObject, data: Vec<u8>) -> PyResult<Obj> {
    // SAFETY: ByteArrayObject starts with the header; the deallocator drops it; a subclass's
    // dict pointer is written right after.
    unsafe {
        let obj = super::alloc::alloc_sized(ty, ty.basic_size.max(size_of::<ByteArrayObject>()), |ob_base| {
            ByteArrayObject { ob_base, data: UnsafeCell::new(data), exports: Cell::new(0) }
        })?;
        if ty.dict_offset != 0 {
            (obj.as_ptr().as_ptr() as *mut u8).add(ty.dict_offset).cast::<Option<Obj>>().write(None);
        }
        Ok(obj)
    }
}

/// `bytearray`'s deallocator.
///
/// # Safety
///
/// See [`super::typeobj::DeallocFn`].
pub(crate) unsafe fn dealloc_bytearray(op: NonNull<PyObject>) {
    // SAFETY: forwarded contract.
    unsafe {
        let ty = op.as_ref().type_object();
        if ty.dict_offset != 0 {
            std::ptr::drop_in_place((op.as_ptr() as *mut u8).add(ty.dict_offset).cast::<Option<Obj>>());
        }
        drop_and_free::<ByteArrayObject>(op)
    }
}

fn receiver(o: &PyObject) -> &ByteArrayObject {
    as_bytearray(o).expect("a bytearray receiver")
}

fn bytearray_new(ty: &TypeObject, _argv: &[Obj], _kwnames: Option<&PyObject>) -> PyResult<Obj> {
    new_bytearray_of_type(ty, Vec::new())
}

fn bytearray_init(o: &PyObject, argv: &[Obj], kwnames: Option<&PyObject>) -> PyResult<()> {
    let data = bytes_mod::constructor_data("bytearray", argv, kwnames)?;
    receiver(o).resize_with(|v| *v = data)
}

fn bytearray_repr(o: &PyObject) -> PyResult<Obj> {
    let mut out = String::from(o.type_object().name());
    out.push('(');
    repr_bytes_with(&receiver(o).to_vec(), true, &mut out);
    out.push(')');
    super::str::new_str(&out)
}

/// Normalises an index for item access (`bytearray index out of range` outside).
fn item_index(i: isize, len: usize) -> PyResult<usize> {
    let j = if i < 0 { i + len as isize } else { i };
    if j < 0 || j as usize >= len {
        return Err(PyErr::index_error("bytearray index out of range"));
    }
    Ok(j as usize)
}

/// The bytes a slice assignment stores: bytes-like or an iterable of ints (not an int or str).
fn assigned_bytes(value: &PyObject) -> PyResult<Vec<u8>> {
    if let Some(b) = buffer_data(value) {
        return Ok(b.into_owned());
    }
    let bad = || PyErr::type_error("can assign only bytes, buffers, or iterables of ints in range(0, 256)");
    if as_int(value).is_some() || super::str::str_value(value).is_some() {
        return Err(bad());
    }
    let ty = value.type_object();
    if ty.iter.is_none() && ty.mapping.subscript.is_none() {
        return Err(bad());
    }
    bytes_mod::bytes_from_object(value, false)
}

/// `b[key] = value` and `del b[key]`.
///
/// The indices are computed before the bytes are touched (that may run `__index__`), so each
/// mutation re-checks them against the length it finds: a size changed meanwhile (by that
/// code, or by another thread of a free-threaded interpreter) clamps a slice and makes an item
/// index an `IndexError`, never an out-of-bounds access.
pub(crate) fn bytearray_ass_subscript(o: &PyObject, key: &PyObject, value: Option<&PyObject>) -> PyResult<()> {
    let b = receiver(o);
    if let Some(sl) = super::range::as_slice(key) {
        if value.is_some_and(|v| v.is(o) || as_bytearray(v).is_none()) {
            // CPython unpacks the slice, copies such a value into a new bytearray and starts
            // again: the bounds' `__index__` run twice, the first time before the conversion.
            sl.indices_with(|| b.len())?;
        }
        let new = value.map(assigned_bytes).transpose()?;
        let (start, stop, step, count) = sl.indices_with(|| b.len())?;
        if step == 1 {
            let new = new.unwrap_or_default();
            let (start, stop) = (start as usize, stop.max(start) as usize);
            if new.len() == stop - start
                && b.with_mut(|v| match v.get_mut(start..stop) {
                    Some(dst) => {
                        dst.copy_from_slice(&new);
                        true
                    }
                    None => false,
                })
            {
                return Ok(());
            }
            return b.resize_with(|v| {
                let stop = stop.min(v.len());
                v.splice(start.min(stop)..stop, new);
            });
        }
        let positions: Vec<usize> = (0..count).map(|k| (start + k as isize * step) as usize).collect();
        return match new {
            Some(new) => {
                if new.len() != count {
                    return Err(PyErr::value_error(format!(
                        "attempt to assign bytes of size {} to extended slice of size {count}",
                        new.len()
                    )));
                }
                b.with_mut(|v| {
                    for (p, x) in positions.iter().zip(new) {
                        if let Some(slot) = v.get_mut(*p) {
                            *slot = x;
                        }
                    }
                });
                Ok(())
            }
            None if count == 0 => Ok(()),
            None => b.resize_with(|v| {
                let mut drop = vec![false; v.len()];
                for p in positions {
                    if let Some(d) = drop.get_mut(p) {
                        *d = true;
                    }
                }
                let mut i = 0;
                v.retain(|_| {
                    i += 1;
                    !drop[i - 1]
                });
            }),
        };
    }
    if !super::bytes::is_index_like(key) {
        return Err(PyErr::type_error(format!(
            "bytearray indices must be integers or slices, not {}",
            key.type_object().name()
        )));
    }
    let i = ops::index_isize(key)?;
    let out_of_range = || PyErr::index_error("bytearray index out of range");
    match value {
        Some(v) => {
            let x = byte_value(v)?;
            let done = b.with_mut(|d| match item_index(i, d.len()).ok().and_then(|i| d.get_mut(i)) {
                Some(slot) => {
                    *slot = x;
                    true
                }
                None => false,
            });
            if done { Ok(()) } else { Err(out_of_range()) }
        }
        None => {
            item_index(i, b.len())?;
            let removed = b.resize_with(|d| item_index(i, d.len()).ok().map(|i| d.remove(i)))?;
            removed.map(drop).ok_or_else(out_of_range)
        }
    }
}

fn bytearray_iadd(a: &PyObject, other: &PyObject) -> PyResult<Obj> {
    let Some(extra) = buffer_data(other) else {
        return Err(PyErr::type_error(format!("can't concat {} to bytearray", other.type_object().name())));
    };
    let extra = extra.into_owned();
    receiver(a).resize_with(|v| v.extend_from_slice(&extra))?;
    Ok(Obj::new_ref(a))
}

fn bytearray_imul(a: &PyObject, n: &PyObject) -> PyResult<Obj> {
    if !super::bytes::is_index_like(n) {
        return Ok(Obj::new_ref(immortals().not_implemented));
    }
    let count = ops::index_isize(n)?.max(0) as usize;
    let b = receiver(a);
    if count != 1 {
        let data = bytes_mod::repeated(&b.to_vec(), count)?;
        b.resize_with(|v| *v = data)?;
    }
    Ok(Obj::new_ref(a))
}

/// Fills the `bytearray` type's slots.
pub(crate) fn fill_bytearray_type(t: &mut TypeObject) {
    t.repr = Some(bytearray_repr);
    t.str = Some(bytearray_repr);
    t.richcompare = Some(bytes_mod::bytes_richcompare);
    t.iter = Some(|o| super::core_types::new_seq_iter(Obj::new_ref(o)));
    t.new = Some(bytearray_new);
    t.init = Some(bytearray_init);
    t.number.add = Some(bytes_mod::seq_concat);
    t.number.multiply = Some(bytes_mod::seq_repeat);
    t.number.remainder = Some(super::bytes_methods::bytes_mod);
    t.number.inplace_add = Some(bytearray_iadd);
    t.number.inplace_multiply = Some(bytearray_imul);
    t.sequence.length = Some(|o| Ok(receiver(o).len()));
    t.sequence.contains = Some(bytes_mod::seq_contains);
    t.mapping.subscript = Some(bytes_mod::seq_subscript);
    t.mapping.ass_subscript = Some(bytearray_ass_subscript);
}

// ---- the methods only `bytearray` has (the mutating ones; `bytes_methods` lists them in the
// type's table together with the shared ones) ---------------------------------------------------

/// `bytearray.append`.
pub(crate) fn append(a: &[Obj], k: Option<&PyObject>) -> PyResult<Obj> {
    let (s, r) = super::bytes_methods::method("append", a, k, 1, 1)?;
    let x = byte_value(&r[0])?;
    receiver(s).resize_with(|v| v.push(x))?;
    Ok(args::none())
}

/// `bytearray.extend`.
pub(crate) fn extend(a: &[Obj], k: Option<&PyObject>) -> PyResult<Obj> {
    let (s, r) = super::bytes_methods::method("extend", a, k, 1, 1)?;
    if super::str::str_value(&r[0]).is_some() {
        return Err(PyErr::type_error("expected iterable of integers; got: 'str'"));
    }
    let ty = r[0].type_object();
    if buffer_data(&r[0]).is_none() && ty.iter.is_none() && ty.mapping.subscript.is_none() {
        return Err(PyErr::type_error(format!("can't extend bytearray with {}", ty.name())));
    }
    let extra = bytes_mod::bytes_from_object(&r[0], false)?;
    receiver(s).resize_with(|v| v.extend_from_slice(&extra))?;
    Ok(args::none())
}

/// `bytearray.pop`.
pub(crate) fn pop(a: &[Obj], k: Option<&PyObject>) -> PyResult<Obj> {
    let (s, r) = args::method("pop", a, k, 0, 1)?;
    let b = receiver(s);
    let i = match r.first() {
        Some(i) => ops::index_isize(i)?,
        None => -1,
    };
    let len = b.len() as isize;
    if len == 0 {
        return Err(PyErr::index_error("pop from empty bytearray"));
    }
    if !(-len..len).contains(&i) {
        return Err(PyErr::index_error("pop index out of range"));
    }
    // Checked again against the length found in the same access (see `bytearray_ass_subscript`).
    let popped = b.resize_with(|v| {
        if v.is_empty() {
            return Err("pop from empty bytearray");
        }
        let j = if i < 0 { i + v.len() as isize } else { i };
        if j < 0 || j as usize >= v.len() {
            return Err("pop index out of range");
        }
        Ok(v.remove(j as usize))
    })?;
    new_int(popped.map_err(PyErr::index_error)? as i64)
}

/// `bytearray.insert`.
pub(crate) fn insert(a: &[Obj], k: Option<&PyObject>) -> PyResult<Obj> {
    let (s, r) = super::bytes_methods::method("insert", a, k, 2, 2)?;
    let b = receiver(s);
    let i = ops::index_isize(&r[0])?;
    let x = byte_value(&r[1])?;
    b.resize_with(|v| {
        let len = v.len() as isize;
        let i = if i < 0 { (i + len).max(0) } else { i.min(len) } as usize;
        v.insert(i, x)
    })?;
    Ok(args::none())
}

/// `bytearray.remove`.
pub(crate) fn remove(a: &[Obj], k: Option<&PyObject>) -> PyResult<Obj> {
    let (s, r) = super::bytes_methods::method("remove", a, k, 1, 1)?;
    let b = receiver(s);
    let x = byte_value(&r[0])?;
    if !b.to_vec().contains(&x) {
        return Err(PyErr::value_error("value not found in bytearray"));
    }
    let found = b.resize_with(|v| v.iter().position(|&y| y == x).map(|i| v.remove(i)))?;
    match found {
        Some(_) => Ok(args::none()),
        None => Err(PyErr::value_error("value not found in bytearray")),
    }
}

/// `bytearray.reverse`.
pub(crate) fn reverse(a: &[Obj], k: Option<&PyObject>) -> PyResult<Obj> {
    let (s, _) = super::bytes_methods::method("reverse", a, k, 0, 0)?;
    receiver(s).with_mut(|v| v.reverse());
    Ok(args::none())
}

/// `bytearray.clear`.
pub(crate) fn clear(a: &[Obj], k: Option<&PyObject>) -> PyResult<Obj> {
    let (s, _) = super::bytes_methods::method("clear", a, k, 0, 0)?;
    receiver(s).resize_with(Vec::clear)?;
    Ok(args::none())
}

/// `bytearray.copy`.
pub(crate) fn copy(a: &[Obj], k: Option<&PyObject>) -> PyResult<Obj> {
    let (s, _) = super::bytes_methods::method("copy", a, k, 0, 0)?;
    new_bytearray(receiver(s).to_vec())
}
