//! `range`, its iterator, and `slice`.

use std::cell::Cell;
use std::ptr::NonNull;

use super::abstract_ops::{self as ops, repr_text};
use super::alloc::{alloc, drop_and_free};
use super::builtin::args;
use super::header::PyObject;
use super::immortal::{immortals, types};
use super::int::{IntVal, as_int, new_bool, new_int};
use super::obj::Obj;
use super::typeobj::{CompareOp, TypeObject};
use crate::error::{PyErr, PyResult};

/// A `range` of machine words.
#[repr(C)]
pub struct RangeObject {
    /// Header.
    pub ob_base: PyObject,
    /// `start`.
    pub start: i64,
    /// `stop`.
    pub stop: i64,
    /// `step` (never 0).
    pub step: i64,
}

impl RangeObject {
    /// `len(range)`.
    pub fn len(&self) -> i64 {
        let (lo, hi, step) =
            if self.step > 0 { (self.start, self.stop, self.step) } else { (self.stop, self.start, -self.step) };
        if lo >= hi { 0 } else { (hi - lo - 1) / step + 1 }
    }

    /// Whether the range is empty.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

fn as_range(o: &PyObject) -> &RangeObject {
    // SAFETY: only called from range slots.
    unsafe { o.cast::<RangeObject>() }
}

fn word(o: &PyObject) -> PyResult<i64> {
    let i = ops::index(o)?;
    match as_int(&i) {
        Some(IntVal::Small(v)) => Ok(v),
        _ => Err(PyErr::overflow("Python int too large to convert to C ssize_t")),
    }
}

pub(crate) fn range_new(_ty: &TypeObject, argv: &[Obj], kwnames: Option<&PyObject>) -> PyResult<Obj> {
    args::no_keywords("range", kwnames)?;
    let (start, stop, step) = match argv {
        [stop] => (0, word(stop)?, 1),
        [start, stop] => (word(start)?, word(stop)?, 1),
        [start, stop, step] => (word(start)?, word(stop)?, word(step)?),
        [] => return Err(PyErr::type_error("range expected at least 1 argument, got 0")),
        _ => return Err(PyErr::type_error(format!("range expected at most 3 arguments, got {}", argv.len()))),
    };
    if step == 0 {
        return Err(PyErr::value_error("range() arg 3 must not be zero"));
    }
    // SAFETY: RangeObject starts with the header; its deallocator drops it.
    unsafe { alloc(types().range_type, |ob_base| RangeObject { ob_base, start, stop, step }) }
}

pub(crate) fn range_repr(o: &PyObject) -> PyResult<Obj> {
    let r = as_range(o);
    let text = if r.step == 1 {
        format!("range({}, {})", r.start, r.stop)
    } else {
        format!("range({}, {}, {})", r.start, r.stop, r.step)
    };
    super::str::new_str(&text)
}

pub(crate) fn range_len(o: &PyObject) -> PyResult<usize> {
    Ok(as_range(o).len() as usize)
}

pub(crate) fn range_subscript(o: &PyObject, key: &PyObject) -> PyResult<Obj> {
    let r = as_range(o);
    let i = word(key)?;
    let n = r.len();
    let i = if i < 0 { i + n } else { i };
    if !(0..n).contains(&i) {
        return Err(PyErr::index_error("range object index out of range"));
    }
    new_int(r.start + i * r.step)
}

pub(crate) fn range_contains(o: &PyObject, v: &PyObject) -> PyResult<bool> {
    let r = as_range(o);
    if let Some(IntVal::Small(x)) = as_int(v) {
        let inside = if r.step > 0 { r.start <= x && x < r.stop } else { r.stop < x && x <= r.start };
        return Ok(inside && (x - r.start) % r.step == 0);
    }
    let it = range_iter(o)?;
    while let Some(x) = ops::next(&it)? {
        if ops::rich_compare_bool(&x, v, CompareOp::Eq)? {
            return Ok(true);
        }
    }
    Ok(false)
}

pub(crate) fn range_richcompare(a: &PyObject, b: &PyObject, op: CompareOp) -> PyResult<Obj> {
    if !std::ptr::eq(b.type_object(), types().range_type) || !matches!(op, CompareOp::Eq | CompareOp::Ne) {
        return Ok(Obj::new_ref(immortals().not_implemented));
    }
    let (x, y) = (as_range(a), as_range(b));
    let eq = x.len() == y.len() && (x.len() == 0 || (x.start == y.start && (x.len() == 1 || x.step == y.step)));
    Ok(new_bool(eq == (op == CompareOp::Eq)))
}

/// A range iterator.
#[repr(C)]
pub struct RangeIter {
    /// Header.
    pub ob_base: PyObject,
    /// The next value.
    pub next: Cell<i64>,
    /// Values left.
    pub remaining: Cell<i64>,
    /// The step.
    pub step: i64,
}

pub(crate) fn range_iter(o: &PyObject) -> PyResult<Obj> {
    let r = as_range(o);
    // SAFETY: RangeIter starts with the header; its deallocator drops it.
    unsafe {
        alloc(types().range_iter_type, |ob_base| RangeIter {
            ob_base,
            next: Cell::new(r.start),
            remaining: Cell::new(r.len()),
            step: r.step,
        })
    }
}

/// `next()` of a range iterator (also the eval loop's `FOR_ITER` fast path).
#[inline]
pub fn range_iter_next_value(o: &PyObject) -> Option<i64> {
    // SAFETY: only called on range iterators.
    let it = unsafe { o.cast::<RangeIter>() };
    let left = it.remaining.get();
    if left <= 0 {
        return None;
    }
    let v = it.next.get();
    it.remaining.set(left - 1);
    it.next.set(v.wrapping_add(it.step));
    Some(v)
}

pub(crate) fn range_iter_next(o: &PyObject) -> PyResult<Option<Obj>> {
    range_iter_next_value(o).map(new_int).transpose()
}

/// # Safety
///
/// See [`super::typeobj::DeallocFn`].
pub(crate) unsafe fn dealloc_range(op: NonNull<PyObject>) {
    // SAFETY: forwarded contract.
    unsafe { drop_and_free::<RangeObject>(op) }
}

/// # Safety
///
/// See [`super::typeobj::DeallocFn`].
pub(crate) unsafe fn dealloc_range_iter(op: NonNull<PyObject>) {
    // SAFETY: forwarded contract.
    unsafe { drop_and_free::<RangeIter>(op) }
}

/// A `slice`.
#[repr(C)]
pub struct SliceObject {
    /// Header.
    pub ob_base: PyObject,
    /// `start`, `stop`, `step` (each may be `None`).
    pub start: Obj,
    pub stop: Obj,
    pub step: Obj,
}

/// A new slice.
pub fn new_slice(start: Obj, stop: Obj, step: Obj) -> PyResult<Obj> {
    // SAFETY: SliceObject starts with the header; its deallocator drops it.
    unsafe { alloc(types().slice_type, |ob_base| SliceObject { ob_base, start, stop, step }) }
}

/// The slice behind `obj`.
pub fn as_slice(obj: &PyObject) -> Option<&SliceObject> {
    if std::ptr::eq(obj.type_object(), types().slice_type) {
        // SAFETY: slice instances are SliceObject.
        Some(unsafe { obj.cast::<SliceObject>() })
    } else {
        None
    }
}

impl SliceObject {
    /// `slice.indices(len)`: `(start, stop, step, count)` (CPython's `PySlice_AdjustIndices`).
    pub fn indices(&self, len: usize) -> PyResult<(isize, isize, isize, usize)> {
        let none = immortals().none;
        let len = len as isize;
        let step = if self.step.is(none) { 1 } else { ops::index_isize(&self.step)? };
        if step == 0 {
            return Err(PyErr::value_error("slice step cannot be zero"));
        }
        let adjust = |v: &Obj, default: isize| -> PyResult<isize> {
            if v.is(none) {
                return Ok(default);
            }
            let mut i = ops::index_isize(v)?;
            if i < 0 {
                i += len;
                if i < 0 {
                    i = if step < 0 { -1 } else { 0 };
                }
            } else if i >= len {
                i = if step < 0 { len - 1 } else { len };
            }
            Ok(i)
        };
        let start = adjust(&self.start, if step < 0 { len - 1 } else { 0 })?;
        let stop = adjust(&self.stop, if step < 0 { -1 } else { len })?;
        let count = if step < 0 {
            if stop < start { ((start - stop - 1) / -step + 1) as usize } else { 0 }
        } else if start < stop {
            ((stop - start - 1) / step + 1) as usize
        } else {
            0
        };
        Ok((start, stop, step, count))
    }
}

pub(crate) fn slice_repr(o: &PyObject) -> PyResult<Obj> {
    let s = as_slice(o).expect("a slice");
    super::str::new_str(&format!("slice({}, {}, {})", repr_text(&s.start)?, repr_text(&s.stop)?, repr_text(&s.step)?))
}

/// # Safety
///
/// See [`super::typeobj::DeallocFn`].
pub(crate) unsafe fn dealloc_slice(op: NonNull<PyObject>) {
    // SAFETY: forwarded contract.
    unsafe { drop_and_free::<SliceObject>(op) }
}
