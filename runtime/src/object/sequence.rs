//! What `list` and `tuple` share: a snapshot of the items, lexicographic comparison
//! (CPython's `list_richcompare`/`tuplerichcompare`: the first index where the items are not
//! `==` decides, else the lengths), membership, concatenation, reading by index or slice, the
//! repeat count of `*`, the `start`/`stop` bounds of `index()`, and the reverse iterator.

use std::cell::Cell;
use std::ptr::NonNull;

use super::abstract_ops as ops;
use super::alloc::{alloc, drop_and_free};
use super::header::PyObject;
use super::immortal::{immortals, types, types_known_made};
use super::int::{IntVal, as_int, new_bool};
use super::list::{as_list, new_list};
use super::obj::Obj;
use super::tuple::{self, items, new_tuple};
use super::typeobj::CompareOp;
use crate::error::{PyErr, PyResult};

fn not_implemented() -> PyResult<Obj> {
    Ok(Obj::new_ref(immortals().not_implemented))
}

/// Normalises `i` against `len` for indexing (negative from the end).
pub(crate) fn norm_index(i: isize, len: usize) -> Option<usize> {
    let i = if i < 0 { i + len as isize } else { i };
    (0..len as isize).contains(&i).then_some(i as usize)
}

pub(crate) fn seq_items(o: &PyObject) -> Vec<Obj> {
    match as_list(o) {
        Some(l) => l.items().into_vec(),
        None => items(o).to_vec(),
    }
}

/// The item at `i` of a list or tuple as it is now (lists may change under Python code).
fn item_at(o: &PyObject, i: usize) -> Option<Obj> {
    match as_list(o) {
        Some(l) => l.get_item(i),
        None => items(o).get(i).cloned(),
    }
}

/// The current length of a list or tuple.
fn seq_len(o: &PyObject) -> usize {
    as_list(o).map_or_else(|| items(o).len(), |l| l.len())
}

pub(crate) fn seq_richcompare(a: &PyObject, b: &PyObject, op: CompareOp) -> PyResult<Obj> {
    let same_kind = (tuple::is_tuple(a) && tuple::is_tuple(b)) || (as_list(a).is_some() && as_list(b).is_some());
    if !same_kind {
        return not_implemented();
    }
    if matches!(op, CompareOp::Eq | CompareOp::Ne) && seq_len(a) != seq_len(b) {
        return Ok(new_bool(op == CompareOp::Ne));
    }
    // The first index where the items differ decides; the lengths are re-read at each step
    // because `==` may run code that changes a list.
    let mut i = 0;
    while let (Some(p), Some(q)) = (item_at(a, i), item_at(b, i)) {
        if !p.is(&q) && !ops::rich_compare_bool(&p, &q, CompareOp::Eq)? {
            return match op {
                CompareOp::Eq => Ok(new_bool(false)),
                CompareOp::Ne => Ok(new_bool(true)),
                _ => ops::rich_compare(&p, &q, op),
            };
        }
        i += 1;
    }
    Ok(new_bool(op.test(seq_len(a).cmp(&seq_len(b)))))
}

pub(crate) fn seq_contains(a: &PyObject, b: &PyObject) -> PyResult<bool> {
    let mut i = 0;
    while let Some(x) = item_at(a, i) {
        if x.is(b) || ops::rich_compare_bool(&x, b, CompareOp::Eq)? {
            return Ok(true);
        }
        i += 1;
    }
    Ok(false)
}

pub(crate) fn seq_concat(a: &PyObject, b: &PyObject) -> PyResult<Obj> {
    if let (Some(x), Some(y)) = (as_list(a), as_list(b)) {
        let mut v = x.items().into_vec();
        v.extend_from_slice(&y.items());
        return new_list(v);
    }
    if tuple::is_tuple(a) && tuple::is_tuple(b) {
        let mut v = items(a).to_vec();
        v.extend_from_slice(items(b));
        return new_tuple(v);
    }
    not_implemented()
}

/// The items a slice selects from `its`.
pub(crate) fn slice_items(its: &[Obj], key: &PyObject) -> PyResult<Option<Vec<Obj>>> {
    let Some(sl) = super::range::as_slice(key) else { return Ok(None) };
    let (start, _, step, count) = sl.indices(its.len())?;
    Ok(Some((0..count).map(|k| its[(start + k as isize * step) as usize].clone()).collect()))
}

pub(crate) fn seq_subscript(o: &PyObject, key: &PyObject) -> PyResult<Obj> {
    let is_list = as_list(o).is_some();
    let name = if is_list { "list" } else { "tuple" };
    if as_int(key).is_some() || key.type_object().number.index.is_some() {
        let i = ops::index_isize(key)?;
        let item = match as_list(o) {
            Some(l) => norm_index(i, l.len()).and_then(|i| l.get_item(i)),
            None => norm_index(i, items(o).len()).map(|i| items(o)[i].clone()),
        };
        return item.ok_or_else(|| PyErr::index_error(format!("{name} index out of range")));
    }
    if let Some(sl) = super::range::as_slice(key) {
        // A full slice of an exact tuple is the tuple itself.
        if !is_list && std::ptr::eq(o.type_object(), types().tuple_type) {
            let (start, _, step, count) = sl.indices(items(o).len())?;
            if start == 0 && step == 1 && count == items(o).len() {
                return Ok(Obj::new_ref(o));
            }
        }
    }
    if let Some(v) = slice_items(&seq_items(o), key)? {
        return if is_list { new_list(v) } else { new_tuple(v) };
    }
    Err(PyErr::type_error(format!("{name} indices must be integers or slices, not {}", key.type_object().name())))
}

/// The count `n` of `seq * n`: `Ok(None)` (the slot answers `NotImplemented`) when `n` is not an
/// integer but its type may still handle the operation reflected (`__rmul__`); negative counts
/// are 0.
pub(crate) fn repeat_count(n: &PyObject) -> PyResult<Option<usize>> {
    if as_int(n).is_none() && n.type_object().number.index.is_none() {
        // A class may still answer through `__rmul__`; builtin types never do.
        if n.type_object().is_heap() && super::attr::lookup_str(n.type_object(), "__rmul__").is_some() {
            return Ok(None);
        }
        return Err(PyErr::type_error(format!(
            "can't multiply sequence by non-int of type '{}'",
            n.type_object().name()
        )));
    }
    let v = ops::index(n)?;
    match as_int(&v) {
        Some(IntVal::Small(c)) => Ok(Some(usize::try_from(c).unwrap_or(0))),
        Some(IntVal::Big(b)) if b.sign() == num_bigint::Sign::Minus => Ok(Some(0)),
        _ => Err(PyErr::overflow(format!("cannot fit '{}' into an index-sized integer", n.type_object().name()))),
    }
}

/// One bound of `index(x, start, stop)`: CPython's `_PyEval_SliceIndexNotNone`, then adjusted
/// against `len` (negative from the end, clamped to `0..=len`).
fn search_bound(v: &PyObject, len: usize) -> PyResult<usize> {
    if as_int(v).is_none() && v.type_object().number.index.is_none() {
        return Err(PyErr::type_error("slice indices must be integers or have an __index__ method"));
    }
    let i = ops::index(v)?;
    let i = match as_int(&i) {
        Some(IntVal::Small(x)) => x as i128,
        Some(IntVal::Big(b)) if b.sign() == num_bigint::Sign::Minus => i64::MIN as i128,
        _ => i64::MAX as i128,
    };
    let i = if i < 0 { i + len as i128 } else { i };
    Ok(i.clamp(0, len as i128) as usize)
}

/// The `(start, stop)` of `index(x, start=0, stop=sys.maxsize)` over `len` items.
pub(crate) fn search_bounds(start: Option<&Obj>, stop: Option<&Obj>, len: usize) -> PyResult<(usize, usize)> {
    let start = match start {
        Some(s) => search_bound(s, len)?,
        None => 0,
    };
    let stop = match stop {
        Some(s) => search_bound(s, len)?,
        None => len,
    };
    Ok((start, stop))
}

/// `iter(list)` / `iter(tuple)`: CPython's `listiterobject` (`list_iterator`) and
/// `tupleiterobject` (`tuple_iterator`). The index moves forward; the first time it runs past
/// the end the iterator drops its sequence, so it stays exhausted even if the list grows.
#[repr(C)]
pub struct SeqForwardIter {
    /// Header.
    pub ob_base: PyObject,
    seq: std::cell::RefCell<Option<Obj>>,
    next: Cell<usize>,
}

/// A forward iterator over a list or tuple.
pub(crate) fn new_forward_iter(seq: Obj) -> PyResult<Obj> {
    let ty = if as_list(&seq).is_some() { types().list_iter_type } else { types().tuple_iter_type };
    // SAFETY: SeqForwardIter starts with the header; its deallocator drops it.
    unsafe {
        alloc(ty, |ob_base| SeqForwardIter { ob_base, seq: std::cell::RefCell::new(Some(seq)), next: Cell::new(0) })
    }
}

pub(crate) fn forward_iter_next(o: &PyObject) -> PyResult<Option<Obj>> {
    // SAFETY: only installed on the list and tuple iterator types.
    Ok(forward_iter_step(unsafe { o.cast::<SeqForwardIter>() }))
}

/// The eval loop's `FOR_ITER_LIST` (`list` true) / `FOR_ITER_TUPLE`: the next item of a
/// `list_iterator` / `tuple_iterator`, `None` when `it` is not one (the forms' guard; like
/// CPython's, it tests the iterator's type only), `Some(None)` once exhausted.
#[inline(always)]
pub(crate) fn forward_iter_next_exact(it: &PyObject, list: bool) -> Option<Option<Obj>> {
    let t = types_known_made(it);
    if !std::ptr::eq(it.type_object(), if list { t.list_iter_type } else { t.tuple_iter_type }) {
        return None;
    }
    // SAFETY: instances of the list and tuple iterator types are SeqForwardIter.
    Some(forward_iter_step(unsafe { it.cast::<SeqForwardIter>() }))
}

/// Whether `it` is a `list_iterator` (`Some(true)`) or a `tuple_iterator` (`Some(false)`), for
/// the specialiser.
pub(crate) fn forward_iter_kind(it: &PyObject) -> Option<bool> {
    let t = types();
    let ty = it.type_object();
    if std::ptr::eq(ty, t.list_iter_type) {
        Some(true)
    } else if std::ptr::eq(ty, t.tuple_iter_type) {
        Some(false)
    } else {
        None
    }
}

#[inline(always)]
fn forward_iter_step(it: &SeqForwardIter) -> Option<Obj> {
    let i = it.next.get();
    let item = match &*it.seq.borrow() {
        None => return None,
        Some(seq) => item_at(seq, i),
    };
    match item {
        Some(x) => {
            it.next.set(i + 1);
            Some(x)
        }
        None => {
            forward_iter_exhausted(it);
            None
        }
    }
}

/// The first step past the end: the iterator lets its sequence go for good.
#[cold]
#[inline(never)]
fn forward_iter_exhausted(it: &SeqForwardIter) {
    // Dropped outside the borrow: the sequence's destructor may run Python code.
    let seq = it.seq.borrow_mut().take();
    drop(seq);
}

fn forward_iter_len(o: &PyObject) -> usize {
    // SAFETY: only called on the list and tuple iterator types.
    let it = unsafe { o.cast::<SeqForwardIter>() };
    it.seq.borrow().as_ref().map_or(0, |s| seq_len(s).saturating_sub(it.next.get()))
}

pub(crate) static FORWARD_ITER_METHODS: &[super::builtin::MethodDef] = &[
    super::builtin::MethodDef::method("__length_hint__", |a, k| {
        let (s, _) = super::builtin::args::method("__length_hint__", a, k, 0, 0)?;
        super::int::new_int(forward_iter_len(s) as i64)
    }),
    super::slot_dunders::dunder_iter_self!(),
    super::slot_dunders::dunder_next!(forward_iter_next),
];

/// # Safety
///
/// See [`super::typeobj::DeallocFn`].
pub(crate) unsafe fn dealloc_forward_iter(op: NonNull<PyObject>) {
    // SAFETY: forwarded contract.
    unsafe { drop_and_free::<SeqForwardIter>(op) }
}

/// `reversed(list)`: CPython's `listreviterobject` (`list_reverseiterator`). It walks down from
/// the last index and stops early if the list shrinks below the next index.
#[repr(C)]
pub struct ReversedSeqIter {
    /// Header.
    pub ob_base: PyObject,
    /// The sequence; let go once a step finds no item at its index (CPython's `it_seq = NULL`).
    seq: std::cell::RefCell<Option<Obj>>,
    /// The next index to yield; -1 when exhausted.
    next: Cell<isize>,
}

/// A reverse iterator over a list, a tuple, or any sequence (`__len__` and `__getitem__`).
pub(crate) fn new_reversed_iter(seq: Obj) -> PyResult<Obj> {
    let len = if let Some(l) = as_list(&seq) {
        l.len()
    } else if tuple::is_tuple(&seq) {
        items(&seq).len()
    } else {
        ops::len(&seq)?
    };
    // SAFETY: ReversedSeqIter starts with the header; its deallocator drops it.
    unsafe {
        alloc(types().list_reverse_iter_type, |ob_base| ReversedSeqIter {
            ob_base,
            seq: std::cell::RefCell::new(Some(seq)),
            next: Cell::new(len as isize - 1),
        })
    }
}

pub(crate) fn reversed_iter_next(o: &PyObject) -> PyResult<Option<Obj>> {
    // SAFETY: only installed on the reverse iterator type.
    let it = unsafe { o.cast::<ReversedSeqIter>() };
    let i = it.next.get();
    // A reference of its own: a sequence's `__getitem__` may run code that steps this iterator.
    // Past the front the sequence is kept (CPython's `listreviter_next` returns at once); a
    // step that finds the index beyond a shrunken list lets it go.
    if i < 0 {
        return Ok(None);
    }
    let Some(seq) = it.seq.borrow().clone() else { return Ok(None) };
    let item = if let Some(l) = as_list(&seq) {
        l.get_item(i as usize)
    } else if tuple::is_tuple(&seq) {
        items(&seq).get(i as usize).cloned()
    } else {
        match ops::get_item(&seq, &*super::int::new_int(i as i64)?) {
            Ok(v) => Some(v),
            Err(e) if e.matches(types().exc.named("IndexError")) || e.matches(types().exc.named("StopIteration")) => {
                None
            }
            Err(e) => return Err(e),
        }
    };
    match &item {
        // From the index as it is now: a `__getitem__` may have stepped this iterator meanwhile
        // (CPython's `ro->index--` after the call).
        Some(_) => it.next.set(it.next.get() - 1),
        None => {
            it.next.set(-1);
            reversed_iter_release(it);
        }
    }
    Ok(item)
}

/// A step that found nothing: the iterator lets its sequence go for good (dropped outside the
/// borrow: its destructor may run Python code that steps this iterator again).
#[cold]
fn reversed_iter_release(it: &ReversedSeqIter) {
    let seq = it.seq.borrow_mut().take();
    drop(seq);
}

/// `__length_hint__` of the reverse iterator: the items left (0 once a list shrank below the
/// next index).
fn reversed_iter_len(o: &PyObject) -> usize {
    // SAFETY: only called on the reverse iterator type.
    let it = unsafe { o.cast::<ReversedSeqIter>() };
    let next = it.next.get();
    let seq = it.seq.borrow();
    let Some(seq) = seq.as_ref() else { return 0 };
    let len = as_list(seq).map(|l| l.len() as isize);
    if next < 0 || len.is_some_and(|n| next >= n) { 0 } else { next as usize + 1 }
}

pub(crate) static REVERSED_ITER_METHODS: &[super::builtin::MethodDef] = &[
    super::builtin::MethodDef::method("__length_hint__", |a, k| {
        let (s, _) = super::builtin::args::method("__length_hint__", a, k, 0, 0)?;
        super::int::new_int(reversed_iter_len(s) as i64)
    }),
    super::slot_dunders::dunder_iter_self!(),
    super::slot_dunders::dunder_next!(reversed_iter_next),
];

/// # Safety
///
/// See [`super::typeobj::DeallocFn`].
pub(crate) unsafe fn dealloc_reversed_iter(op: NonNull<PyObject>) {
    // SAFETY: forwarded contract.
    unsafe { drop_and_free::<ReversedSeqIter>(op) }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::object::int::new_int;

    #[test]
    fn index_normalisation_counts_from_the_end() {
        assert_eq!(norm_index(0, 3), Some(0));
        assert_eq!(norm_index(-1, 3), Some(2));
        assert_eq!(norm_index(-4, 3), None);
        assert_eq!(norm_index(3, 3), None);
    }

    #[test]
    fn search_bounds_clamp_like_list_index() {
        crate::Runtime::initialize();
        crate::attach(|_py| {
            let n = |v: i64| new_int(v).expect("an int");
            assert_eq!(search_bounds(None, None, 5).expect("bounds"), (0, 5));
            assert_eq!(search_bounds(Some(&n(-2)), None, 5).expect("bounds"), (3, 5));
            assert_eq!(search_bounds(Some(&n(-9)), Some(&n(99)), 5).expect("bounds"), (0, 5));
            assert_eq!(search_bounds(Some(&n(1)), Some(&n(-1)), 5).expect("bounds"), (1, 4));
            let err = search_bounds(Some(&crate::object::str::new_str("x").expect("a str")), None, 5).unwrap_err();
            assert_eq!(err.to_string(), "TypeError: slice indices must be integers or have an __index__ method");
        });
    }
}
