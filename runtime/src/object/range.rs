//! `range`, its iterator, and `slice`, as CPython 3.13's `Objects/rangeobject.c` and
//! `Objects/sliceobject.c`.
//!
//! A range keeps `start`, `stop` and `step` as `i128` when they are within [`BOUND_LIMIT`]
//! (every range whose length fits a machine word, and far more); CPython keeps ints of any size,
//! and so does a range beyond that, as `BigInt`s (`range_big.rs`). Everything is computed from the three numbers: the length, membership of an
//! int in O(1) (`(x - start) % step == 0` within the bounds), `index`/`count`, `r[i]`, and
//! `r[a:b:c]`, which is again a range (`start + a*step`, `start + b*step`, `step*c` with the
//! slice's indices taken against the length). Equality compares the sequences (`range(0) ==
//! range(2, 2)`), and the hash is that of `(len, start, step)` with the same reductions.
//!
//! `slice(start, stop, step)` objects compare and hash as the tuple of their three fields
//! (hashable since 3.12); `indices(len)` is `PySlice_AdjustIndices`.

use std::cell::Cell;
use std::ptr::NonNull;

use super::abstract_ops::{self as ops, repr_text};
use super::alloc::{alloc, drop_and_free};
use super::builtin::{GetSetDef, MethodDef, args};
use super::header::PyObject;
use super::immortal::{immortals, types};
use super::int::{IntVal, as_int, new_big, new_bool, new_int};
use super::obj::Obj;
use super::range_big::BigBounds;
use super::slot_dunders::{dunder_compare, dunder_iter_self, dunder_next, dunder_unary};
use super::tuple::new_tuple;
use super::typeobj::{CompareOp, TypeObject};
use crate::error::{PyErr, PyResult};
use num_traits::{ToPrimitive, Zero};

/// A `range`.
#[repr(C)]
pub struct RangeObject {
    /// Header.
    pub ob_base: PyObject,
    /// `start`.
    pub start: i128,
    /// `stop`.
    pub stop: i128,
    /// `step` (never 0).
    pub step: i128,
    /// The bounds when one of them is beyond [`BOUND_LIMIT`] (`range_big.rs`); the three
    /// fields above are then unused.
    big: Option<Box<BigBounds>>,
}

impl RangeObject {
    /// The number of items (exact; may exceed a machine word).
    pub fn length(&self) -> i128 {
        let (lo, hi, step) =
            if self.step > 0 { (self.start, self.stop, self.step) } else { (self.stop, self.start, -self.step) };
        if lo >= hi { 0 } else { (hi - lo - 1) / step + 1 }
    }

    /// Whether the range is empty.
    pub fn is_empty(&self) -> bool {
        self.length() == 0
    }

    /// Whether the int `x` is one of the items.
    fn has(&self, x: i128) -> bool {
        let inside = if self.step > 0 { self.start <= x && x < self.stop } else { self.stop < x && x <= self.start };
        inside && (x - self.start) % self.step == 0
    }
}

fn as_range(o: &PyObject) -> &RangeObject {
    // SAFETY: only called from range slots and methods.
    unsafe { o.cast::<RangeObject>() }
}

/// An int as `i128`, or `None` beyond it.
fn int_i128(v: &IntVal<'_>) -> Option<i128> {
    match v {
        IntVal::Small(x) => Some(*x as i128),
        IntVal::Big(b) => b.to_i128(),
    }
}

pub(crate) fn new_i128(v: i128) -> PyResult<Obj> {
    match i64::try_from(v) {
        Ok(x) => new_int(x),
        Err(_) => new_big(v.into()),
    }
}

pub(crate) fn too_large() -> PyErr {
    PyErr::overflow("Python int too large to convert to C ssize_t")
}

/// The largest magnitude of a range argument or slice field: lengths, offsets and products of
/// an index and a step then stay far inside `i128`.
const BOUND_LIMIT: i128 = 1 << 124;

/// A range argument: any object with `__index__`, within [`BOUND_LIMIT`].
fn bound(o: &PyObject) -> PyResult<i128> {
    let i = ops::index(o)?;
    as_int(&i).and_then(|v| int_i128(&v)).filter(|v| v.abs() <= BOUND_LIMIT).ok_or_else(too_large)
}

fn make_range(start: i128, stop: i128, step: i128) -> PyResult<Obj> {
    // SAFETY: RangeObject starts with the header; its deallocator drops it.
    unsafe { alloc(types().range_type, |ob_base| RangeObject { ob_base, start, stop, step, big: None }) }
}

/// A range from bounds of any size: the fast form when they fit it.
fn make_range_big(b: BigBounds) -> PyResult<Obj> {
    let fast = |v: &num_bigint::BigInt| v.to_i128().filter(|v| v.abs() <= BOUND_LIMIT);
    if let (Some(start), Some(stop), Some(step)) = (fast(&b.start), fast(&b.stop), fast(&b.step)) {
        return make_range(start, stop, step);
    }
    let big = Some(Box::new(b));
    // SAFETY: as in `make_range`.
    unsafe { alloc(types().range_type, |ob_base| RangeObject { ob_base, start: 0, stop: 0, step: 0, big }) }
}

/// The bounds of any range as `BigInt`s.
fn bounds(r: &RangeObject) -> BigBounds {
    match &r.big {
        Some(b) => BigBounds { start: b.start.clone(), stop: b.stop.clone(), step: b.step.clone() },
        None => BigBounds { start: r.start.into(), stop: r.stop.into(), step: r.step.into() },
    }
}

pub(crate) fn range_new(_ty: &TypeObject, argv: &[Obj], kwnames: Option<&PyObject>) -> PyResult<Obj> {
    args::no_keywords("range", kwnames)?;
    let fast = match argv {
        [stop] => bound(stop).map(|stop| (0, stop, 1)),
        [start, stop] => bound(start).and_then(|start| Ok((start, bound(stop)?, 1))),
        [start, stop, step] => bound(start).and_then(|start| Ok((start, bound(stop)?, bound(step)?))),
        _ => Ok((0, 0, 1)),
    };
    if let Err(e) = fast {
        if !e.matches(types().exc.named("OverflowError")) {
            return Err(e);
        }
        // A bound beyond the fast form (`range_big.rs`).
        let big = |o: &PyObject| super::range_big::index_big(o);
        let one = || num_bigint::BigInt::from(1);
        let b = match argv {
            [stop] => BigBounds { start: 0.into(), stop: big(stop)?, step: one() },
            [start, stop] => BigBounds { start: big(start)?, stop: big(stop)?, step: one() },
            [start, stop, step] => BigBounds { start: big(start)?, stop: big(stop)?, step: big(step)? },
            _ => unreachable!("the fast parse fails only for one to three arguments"),
        };
        if b.step == 0.into() {
            return Err(PyErr::value_error("range() arg 3 must not be zero"));
        }
        return make_range_big(b);
    }
    let (start, stop, step) = match argv {
        [stop] => (0, bound(stop)?, 1),
        [start, stop] => (bound(start)?, bound(stop)?, 1),
        [start, stop, step] => (bound(start)?, bound(stop)?, bound(step)?),
        [] => return Err(PyErr::type_error("range expected at least 1 argument, got 0")),
        _ => return Err(PyErr::type_error(format!("range expected at most 3 arguments, got {}", argv.len()))),
    };
    if step == 0 {
        return Err(PyErr::value_error("range() arg 3 must not be zero"));
    }
    make_range(start, stop, step)
}

pub(crate) fn range_repr(o: &PyObject) -> PyResult<Obj> {
    let r = as_range(o);
    if let Some(b) = &r.big {
        return super::str::new_str(&super::range_big::repr(b));
    }
    let text = if r.step == 1 {
        format!("range({}, {})", r.start, r.stop)
    } else {
        format!("range({}, {}, {})", r.start, r.stop, r.step)
    };
    super::str::new_str(&text)
}

pub(crate) fn range_len(o: &PyObject) -> PyResult<usize> {
    if let Some(b) = &as_range(o).big {
        return super::range_big::len(b);
    }
    let n = as_range(o).length();
    if n > isize::MAX as i128 {
        return Err(too_large());
    }
    Ok(n as usize)
}

pub(crate) fn range_subscript(o: &PyObject, key: &PyObject) -> PyResult<Obj> {
    let r = as_range(o);
    if r.big.is_some() {
        return big_subscript(r, key);
    }
    let n = r.length();
    if let Some(sl) = as_slice(key) {
        // `indices` clamps a huge step, but the new range's step is the product: big ints.
        if as_int(&sl.step).is_some_and(|v| int_i128(&v).is_none_or(|v| v.abs() > BOUND_LIMIT)) {
            return big_subscript(r, key);
        }
        let (start, stop, step) = match sl.indices_i128(n) {
            Ok(indices) => indices,
            // A field beyond the fast form: the same arithmetic on big ints.
            Err(e) if e.matches(types().exc.named("OverflowError")) => return big_subscript(r, key),
            Err(e) => return Err(e),
        };
        // `start` and `stop` are within `-1..=len`; the step product may exceed the bounds.
        return match r.step.checked_mul(step).filter(|v| v.abs() <= BOUND_LIMIT) {
            Some(step) => make_range(r.start + start * r.step, r.start + stop * r.step, step),
            None => big_subscript(r, key),
        };
    }
    if as_int(key).is_none() && key.type_object().number.index.is_none() {
        return Err(PyErr::type_error(format!(
            "range indices must be integers or slices, not {}",
            key.type_object().name()
        )));
    }
    let i = match bound(key) {
        Ok(i) => i,
        Err(e) if e.matches(types().exc.named("OverflowError")) => {
            return Err(PyErr::index_error("range object index out of range"));
        }
        Err(e) => return Err(e),
    };
    let i = if i < 0 { i + n } else { i };
    if !(0..n).contains(&i) {
        return Err(PyErr::index_error("range object index out of range"));
    }
    new_i128(r.start + i * r.step)
}

/// `r[key]` through the big-int arithmetic (a big range, or a slice with huge fields).
fn big_subscript(r: &RangeObject, key: &PyObject) -> PyResult<Obj> {
    let b = bounds(r);
    if let Some(sl) = as_slice(key) {
        return make_range_big(super::range_big::slice(&b, sl)?);
    }
    if as_int(key).is_none() && key.type_object().number.index.is_none() {
        return Err(PyErr::type_error(format!(
            "range indices must be integers or slices, not {}",
            key.type_object().name()
        )));
    }
    super::range_big::item(&b, key)
}

/// The int value of `v` when `in`/`index`/`count` may use arithmetic (an exact `int` or
/// `bool`; subclasses may redefine `==`).
fn exact_int(v: &PyObject) -> Option<Option<i128>> {
    let t = v.type_object();
    if std::ptr::eq(t, types().int_type) || std::ptr::eq(t, types().bool_type) {
        Some(as_int(v).and_then(|x| int_i128(&x)))
    } else {
        None
    }
}

pub(crate) fn range_contains(o: &PyObject, v: &PyObject) -> PyResult<bool> {
    let r = as_range(o);
    if let Some(b) = &r.big
        && exact_int(v).is_some()
    {
        return Ok(b.has(&as_int(v).expect("an int").to_big()));
    }
    if let Some(x) = exact_int(v) {
        return Ok(x.is_some_and(|x| r.has(x)));
    }
    let it = range_iter(o)?;
    while let Some(x) = ops::next(&it)? {
        if ops::rich_compare_bool(&x, v, CompareOp::Eq)? {
            return Ok(true);
        }
    }
    Ok(false)
}

/// Equal ranges are equal sequences: same length, and (when not empty) same first item, and
/// (when longer than one) same step.
fn ranges_equal(x: &RangeObject, y: &RangeObject) -> bool {
    if x.big.is_some() || y.big.is_some() {
        return super::range_big::equal(&bounds(x), &bounds(y));
    }
    let n = x.length();
    n == y.length() && (n == 0 || (x.start == y.start && (n == 1 || x.step == y.step)))
}

pub(crate) fn range_richcompare(a: &PyObject, b: &PyObject, op: CompareOp) -> PyResult<Obj> {
    if !std::ptr::eq(b.type_object(), types().range_type) || !matches!(op, CompareOp::Eq | CompareOp::Ne) {
        return Ok(Obj::new_ref(immortals().not_implemented));
    }
    let eq = ranges_equal(as_range(a), as_range(b));
    Ok(new_bool(eq == (op == CompareOp::Eq)))
}

/// `hash(range)`: the hash of `(len, start, step)`, with `start` and `step` replaced by `None`
/// where they do not matter to equality.
pub(crate) fn range_hash(o: &PyObject) -> PyResult<isize> {
    let r = as_range(o);
    if let Some(b) = &r.big {
        return super::range_big::hash(b);
    }
    let n = r.length();
    let none = || Obj::new_ref(immortals().none);
    let t = match n {
        0 => new_tuple(vec![new_i128(0)?, none(), none()])?,
        1 => new_tuple(vec![new_i128(1)?, new_i128(r.start)?, none()])?,
        _ => new_tuple(vec![new_i128(n)?, new_i128(r.start)?, new_i128(r.step)?])?,
    };
    ops::hash(&t)
}

fn range_index(a: &[Obj], k: Option<&PyObject>) -> PyResult<Obj> {
    let (s, rest) = args::method("range.index", a, k, 1, 1)?;
    let r = as_range(s);
    let v = &rest[0];
    if let Some(b) = &r.big
        && exact_int(v).is_some()
    {
        let x = as_int(v).expect("an int").to_big();
        if !b.has(&x) {
            return Err(PyErr::value_error(format!("{} is not in range", repr_text(v)?)));
        }
        return new_big(super::range_big::position(b, &x));
    }
    if let Some(x) = exact_int(v) {
        return match x.filter(|&x| r.has(x)) {
            Some(x) => new_i128((x - r.start) / r.step),
            None => Err(PyErr::value_error(format!("{} is not in range", repr_text(v)?))),
        };
    }
    let it = range_iter(s)?;
    let mut i = 0i64;
    while let Some(x) = ops::next(&it)? {
        if ops::rich_compare_bool(&x, v, CompareOp::Eq)? {
            return new_int(i);
        }
        i += 1;
    }
    Err(PyErr::value_error("sequence.index(x): x not in sequence"))
}

fn range_count(a: &[Obj], k: Option<&PyObject>) -> PyResult<Obj> {
    let (s, rest) = args::method("range.count", a, k, 1, 1)?;
    let r = as_range(s);
    if let Some(b) = &r.big
        && exact_int(&rest[0]).is_some()
    {
        return new_int(b.has(&as_int(&rest[0]).expect("an int").to_big()) as i64);
    }
    if let Some(x) = exact_int(&rest[0]) {
        return new_int(x.is_some_and(|x| r.has(x)) as i64);
    }
    let it = range_iter(s)?;
    let mut n = 0i64;
    while let Some(x) = ops::next(&it)? {
        n += ops::rich_compare_bool(&x, &rest[0], CompareOp::Eq)? as i64;
    }
    new_int(n)
}

/// `bool(range)`: non-empty (without `len()`'s machine-word limit).
pub(crate) fn range_bool(o: &PyObject) -> PyResult<bool> {
    if let Some(b) = &as_range(o).big {
        return Ok(!b.length().is_zero());
    }
    Ok(!as_range(o).is_empty())
}

pub(crate) static RANGE_ITER_METHODS: &[MethodDef] = &[
    dunder_iter_self!(),
    dunder_next!(range_iter_next),
    MethodDef::method("__length_hint__", |a, k| {
        let (o, _) = args::method("__length_hint__", a, k, 0, 0)?;
        if !std::ptr::eq(o.type_object(), types().range_iter_type) {
            return Err(PyErr::type_error("__length_hint__ needs a range_iterator"));
        }
        // SAFETY: range iterator instances are RangeIter (checked just above).
        new_i128(unsafe { o.cast::<RangeIter>() }.remaining.get().max(0))
    }),
];

pub(crate) static RANGE_METHODS: &[MethodDef] = &[
    MethodDef::method("__iter__", |a, k| range_iter(args::method("__iter__", a, k, 0, 0)?.0)),
    dunder_unary!("__hash__", |o| new_int(range_hash(o)? as i64)),
    dunder_unary!("__bool__", |o| Ok::<_, PyErr>(new_bool(range_bool(o)?))),
    dunder_compare!("__eq__", CompareOp::Eq, range_richcompare),
    dunder_compare!("__ne__", CompareOp::Ne, range_richcompare),
    MethodDef::method("__len__", |a, k| new_int(range_len(args::method("__len__", a, k, 0, 0)?.0)? as i64)),
    MethodDef::method("__contains__", |a, k| {
        let (s, r) = args::method("__contains__", a, k, 1, 1)?;
        Ok(new_bool(range_contains(s, &r[0])?))
    }),
    MethodDef::method("__getitem__", |a, k| {
        let (s, r) = args::method("__getitem__", a, k, 1, 1)?;
        range_subscript(s, &r[0])
    }),
    MethodDef::method("index", range_index),
    MethodDef::method("count", range_count),
    MethodDef::method("__reversed__", |a, k| {
        let (s, _) = args::method("__reversed__", a, k, 0, 0)?;
        let r = as_range(s);
        if let Some(b) = &r.big {
            return super::seq_iter::new_seq_iter(make_range_big(super::range_big::reversed(b))?);
        }
        let n = r.length();
        new_range_iter(r.start + (n - 1) * r.step, n, -r.step)
    }),
];

pub(crate) static RANGE_GETSETS: &[GetSetDef] = &[
    GetSetDef { name: "start", get: |o| new_big(bounds(as_range(o)).start), set: None },
    GetSetDef { name: "stop", get: |o| new_big(bounds(as_range(o)).stop), set: None },
    GetSetDef { name: "step", get: |o| new_big(bounds(as_range(o)).step), set: None },
];

/// A range iterator.
#[repr(C)]
pub struct RangeIter {
    /// Header.
    pub ob_base: PyObject,
    /// The next value.
    pub next: Cell<i128>,
    /// Values left.
    pub remaining: Cell<i128>,
    /// The step.
    pub step: i128,
}

fn new_range_iter(next: i128, remaining: i128, step: i128) -> PyResult<Obj> {
    // SAFETY: RangeIter starts with the header; its deallocator drops it.
    unsafe {
        alloc(types().range_iter_type, |ob_base| RangeIter {
            ob_base,
            next: Cell::new(next),
            remaining: Cell::new(remaining),
            step,
        })
    }
}

pub(crate) fn range_iter(o: &PyObject) -> PyResult<Obj> {
    let r = as_range(o);
    if r.big.is_some() {
        // Lazily, item by item (`range_big.rs`).
        return super::seq_iter::new_seq_iter(Obj::new_ref(o));
    }
    new_range_iter(r.start, r.length(), r.step)
}

/// `next()` of a range iterator: the value, before it becomes an object.
///
/// # Safety
///
/// `o` is a range iterator (an exact `range_iterator`, the only kind).
#[inline]
pub(crate) unsafe fn range_iter_next_value(o: &PyObject) -> Option<i128> {
    // SAFETY: the caller's contract.
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

/// `next()` of a range iterator (also the eval loop's `FOR_ITER` fast path).
pub(crate) fn range_iter_next(o: &PyObject) -> PyResult<Option<Obj>> {
    // SAFETY: only called on range iterators.
    unsafe { range_iter_next_value(o) }.map(new_i128).transpose()
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
        self.indices_with(|| len)
    }

    /// [`SliceObject::indices`] against a length read *after* the fields were converted (their
    /// `__index__` may resize the sequence being sliced): CPython's `PySlice_Unpack`, then
    /// `PySlice_AdjustIndices` with the size at that moment.
    pub(crate) fn indices_with(&self, len: impl FnOnce() -> usize) -> PyResult<(isize, isize, isize, usize)> {
        let (start, stop, step) = self.indices_i128_with(|| len() as i128)?;
        let count = if step < 0 {
            if stop < start { (start - stop - 1) / -step + 1 } else { 0 }
        } else if start < stop {
            (stop - start - 1) / step + 1
        } else {
            0
        };
        let step = step.clamp(-(isize::MAX as i128), isize::MAX as i128);
        Ok((start as isize, stop as isize, step as isize, count as usize))
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

/// One field of a slice as CPython's `_PyEval_SliceIndex` reads it for `indices()` and
/// `range[slice]`: `None`, or an int (any object with `__index__`), clamped.
fn slice_field(v: &PyObject) -> PyResult<Option<i128>> {
    if v.is(immortals().none) {
        return Ok(None);
    }
    if as_int(v).is_none() && v.type_object().number.index.is_none() {
        return Err(PyErr::type_error("slice indices must be integers or None or have an __index__ method"));
    }
    let i = ops::index(v)?;
    // Clamped to [`BOUND_LIMIT`] (CPython clamps to `Py_ssize_t`; `indices()` returns a huge
    // step as given).
    Ok(Some(as_int(&i).map_or(0, |x| match int_i128(&x) {
        Some(v) => v.clamp(-BOUND_LIMIT, BOUND_LIMIT),
        None if x.to_big().sign() == num_bigint::Sign::Minus => -BOUND_LIMIT,
        None => BOUND_LIMIT,
    })))
}

impl SliceObject {
    /// `(start, stop, step)` adjusted against `len` (`PySlice_Unpack` + `PySlice_AdjustIndices`,
    /// without the count).
    pub fn indices_i128(&self, len: i128) -> PyResult<(i128, i128, i128)> {
        self.indices_i128_with(|| len)
    }

    fn indices_i128_with(&self, len: impl FnOnce() -> i128) -> PyResult<(i128, i128, i128)> {
        let step = slice_field(&self.step)?.unwrap_or(1);
        if step == 0 {
            return Err(PyErr::value_error("slice step cannot be zero"));
        }
        let (start, stop) = (slice_field(&self.start)?, slice_field(&self.stop)?);
        let len = len();
        let adjust = |v: Option<i128>, default: i128| -> i128 {
            let Some(mut i) = v else { return default };
            if i < 0 {
                i = i.saturating_add(len);
                if i < 0 {
                    i = if step < 0 { -1 } else { 0 };
                }
            } else if i >= len {
                i = if step < 0 { len - 1 } else { len };
            }
            i
        };
        let start = adjust(start, if step < 0 { len - 1 } else { 0 });
        let stop = adjust(stop, if step < 0 { -1 } else { len });
        Ok((start, stop, step))
    }

    fn as_tuple(&self) -> PyResult<Obj> {
        new_tuple(vec![self.start.clone(), self.stop.clone(), self.step.clone()])
    }
}

pub(crate) fn slice_new(_ty: &TypeObject, argv: &[Obj], kwnames: Option<&PyObject>) -> PyResult<Obj> {
    args::no_keywords("slice", kwnames)?;
    let none = || Obj::new_ref(immortals().none);
    match argv {
        [stop] => new_slice(none(), stop.clone(), none()),
        [start, stop] => new_slice(start.clone(), stop.clone(), none()),
        [start, stop, step] => new_slice(start.clone(), stop.clone(), step.clone()),
        [] => Err(PyErr::type_error("slice expected at least 1 argument, got 0")),
        _ => Err(PyErr::type_error(format!("slice expected at most 3 arguments, got {}", argv.len()))),
    }
}

/// Slices compare as the tuples of their fields.
pub(crate) fn slice_richcompare(a: &PyObject, b: &PyObject, op: CompareOp) -> PyResult<Obj> {
    let (Some(x), Some(y)) = (as_slice(a), as_slice(b)) else {
        return Ok(Obj::new_ref(immortals().not_implemented));
    };
    let (x, y) = (x.as_tuple()?, y.as_tuple()?);
    ops::rich_compare(&x, &y, op)
}

/// `hash(slice)`: the hash of `(start, stop, step)` (3.12+).
pub(crate) fn slice_hash(o: &PyObject) -> PyResult<isize> {
    let t = as_slice(o).expect("a slice").as_tuple()?;
    ops::hash(&t)
}

pub(crate) static SLICE_METHODS: &[MethodDef] = &[
    dunder_unary!("__hash__", |o| new_int(slice_hash(o)? as i64)),
    dunder_compare!("__eq__", CompareOp::Eq, slice_richcompare),
    dunder_compare!("__ne__", CompareOp::Ne, slice_richcompare),
    dunder_compare!("__lt__", CompareOp::Lt, slice_richcompare),
    dunder_compare!("__le__", CompareOp::Le, slice_richcompare),
    dunder_compare!("__gt__", CompareOp::Gt, slice_richcompare),
    dunder_compare!("__ge__", CompareOp::Ge, slice_richcompare),
    MethodDef::method("indices", |a, k| {
        let (s, r) = args::method("slice.indices", a, k, 1, 1)?;
        let len = bound(&r[0])?;
        if len < 0 {
            return Err(PyErr::value_error("length should not be negative"));
        }
        let sl = as_slice(s).expect("a slice");
        let (start, stop, step) = sl.indices_i128(len)?;
        // A step beyond the clamp is returned as given.
        let step = if step.abs() == BOUND_LIMIT { ops::index(&sl.step)? } else { new_i128(step)? };
        new_tuple(vec![new_i128(start)?, new_i128(stop)?, step])
    }),
];

pub(crate) static SLICE_GETSETS: &[GetSetDef] = &[
    GetSetDef { name: "start", get: |o| Ok(as_slice(o).expect("a slice").start.clone()), set: None },
    GetSetDef { name: "stop", get: |o| Ok(as_slice(o).expect("a slice").stop.clone()), set: None },
    GetSetDef { name: "step", get: |o| Ok(as_slice(o).expect("a slice").step.clone()), set: None },
];

#[cfg(test)]
mod tests {
    use super::*;

    fn range(start: i128, stop: i128, step: i128) -> RangeObject {
        // SAFETY: the header is never used as an object here (only the three numbers are read).
        let ob_base = unsafe { PyObject::new_immortal(std::ptr::null()) };
        RangeObject { ob_base, start, stop, step, big: None }
    }

    #[test]
    fn length_and_membership_follow_the_arithmetic() {
        let r = range(0, 20, 3);
        assert_eq!(r.length(), 7);
        assert!(r.has(18) && r.has(0) && !r.has(20) && !r.has(19) && !r.has(-3));
        let down = range(5, 0, -2);
        assert_eq!(down.length(), 3);
        assert!(down.has(5) && down.has(1) && !down.has(0) && !down.has(6));
        assert_eq!(range(5, 5, 1).length(), 0);
        assert_eq!(range(0, 10i128.pow(30), 7).length(), (10i128.pow(30) - 1) / 7 + 1);
    }

    #[test]
    fn equal_ranges_are_equal_sequences() {
        assert!(ranges_equal(&range(0, 0, 1), &range(5, 2, 3)));
        assert!(ranges_equal(&range(1, 2, 1), &range(1, 5, 10)));
        assert!(ranges_equal(&range(0, 10, 2), &range(0, 9, 2)));
        assert!(!ranges_equal(&range(0, 3, 1), &range(0, 4, 1)));
    }
}
