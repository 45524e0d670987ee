//! The sequence iterator: CPython's `seqiterobject` (`iterator`, over anything with
//! `__getitem__`) and `listiterobject` / `tupleiterobject` / ... in one layout — a sequence and
//! the next index. Each walks its sequence's storage directly when it is a `list`, `tuple` or
//! `str`, and calls `__getitem__` otherwise, ending at `IndexError` or `StopIteration`.
//!
//! The iterator's type names its sequence as CPython 3.13's do: `list_iterator`,
//! `tuple_iterator`, `str_ascii_iterator` (an ASCII string) or `str_iterator`,
//! `bytes_iterator`, `bytearray_iterator`, `memory_iterator`, and `iterator` for the rest.

use std::cell::Cell;
use std::ptr::NonNull;

use super::abstract_ops as ops;
use super::alloc::{alloc, drop_and_free};
use super::core_types::object_hash;
use super::header::PyObject;
use super::immortal::types;
use super::int::new_int;
use super::list::as_list;
use super::obj::Obj;
use super::str::as_str_object;
use super::tuple::{self, items};
use super::typeobj::TypeObject;
use crate::error::PyResult;

/// The named sequence iterator types (see the module docs).
pub struct SeqIterTypes {
    pub list: &'static TypeObject,
    pub tuple: &'static TypeObject,
    pub str_ascii: &'static TypeObject,
    pub str: &'static TypeObject,
    pub bytes: &'static TypeObject,
    pub bytearray: &'static TypeObject,
    pub memory: &'static TypeObject,
}

impl SeqIterTypes {
    fn all(&self) -> [&'static TypeObject; 7] {
        [self.list, self.tuple, self.str_ascii, self.str, self.bytes, self.bytearray, self.memory]
    }
}

/// Makes the named sequence iterator types; their specs (no methods) go to `specs`.
pub(crate) fn make_seq_iter_types(
    mk: &dyn Fn(&'static str, usize, u64, super::typeobj::DeallocFn, &dyn Fn(&mut TypeObject)) -> &'static TypeObject,
    object_type: &'static TypeObject,
    specs: &mut Vec<super::immortal::TypeSpec>,
) -> SeqIterTypes {
    let t = SeqIterTypes {
        list: make_seq_iter_type(mk, "list_iterator"),
        tuple: make_seq_iter_type(mk, "tuple_iterator"),
        str_ascii: make_seq_iter_type(mk, "str_ascii_iterator"),
        str: make_seq_iter_type(mk, "str_iterator"),
        bytes: make_seq_iter_type(mk, "bytes_iterator"),
        bytearray: make_seq_iter_type(mk, "bytearray_iterator"),
        memory: make_seq_iter_type(mk, "memory_iterator"),
    };
    for ty in t.all() {
        specs.push(super::immortal::TypeSpec { ty, base: Some(object_type), methods: &[], getsets: &[] });
    }
    t
}

/// The iterator type for `seq` (see the module docs).
fn iter_type_for(seq: &PyObject) -> &'static TypeObject {
    let t = types();
    let ty = seq.type_object();
    if ty.is_subtype(t.list_type) {
        t.seq_iters.list
    } else if ty.is_subtype(t.tuple_type) {
        t.seq_iters.tuple
    } else if let Some(s) = as_str_object(seq) {
        if s.is_ascii() { t.seq_iters.str_ascii } else { t.seq_iters.str }
    } else if ty.is_subtype(t.bytes_type) {
        t.seq_iters.bytes
    } else if ty.is_subtype(t.bytearray_type) {
        t.seq_iters.bytearray
    } else if ty.is_subtype(t.memoryview_type) {
        t.seq_iters.memory
    } else {
        t.seq_iterator_type
    }
}

/// A sequence iterator type named `name` (all share one layout and these slots).
pub(crate) fn make_seq_iter_type(
    mk: &dyn Fn(&'static str, usize, u64, super::typeobj::DeallocFn, &dyn Fn(&mut TypeObject)) -> &'static TypeObject,
    name: &'static str,
) -> &'static TypeObject {
    mk(name, size_of::<SeqIter>(), 0, dealloc_seq_iter, &|t| {
        t.iter = Some(|o| Ok(Obj::new_ref(o)));
        t.iternext = Some(seq_iter_next);
        t.hash = Some(object_hash);
    })
}

/// An iterator over anything indexable by position (`list`, `tuple`, `str`, or a type with
/// `__getitem__`): CPython's `seqiterobject` and `listiterobject` in one.
#[repr(C)]
pub struct SeqIter {
    /// Header.
    pub ob_base: PyObject,
    /// The sequence; `None` once exhausted (the iterator lets go of it then, as CPython's).
    seq: std::cell::RefCell<Option<Obj>>,
    index: Cell<usize>,
}

/// A new sequence iterator.
pub fn new_seq_iter(seq: Obj) -> PyResult<Obj> {
    // SAFETY: SeqIter starts with the header; its deallocator drops it.
    let ty = iter_type_for(&seq);
    unsafe { alloc(ty, |ob_base| SeqIter { ob_base, seq: std::cell::RefCell::new(Some(seq)), index: Cell::new(0) }) }
}

fn seq_iter_next(it: &PyObject) -> PyResult<Option<Obj>> {
    // SAFETY: only installed on the sequence iterator type.
    let it = unsafe { it.cast::<SeqIter>() };
    let i = it.index.get();
    // What the borrow of the sequence found: the built-in sequences are read under it (no
    // Python code runs, nothing is allocated); a string's code point becomes a string after
    // it (an allocation may start a collection, whose finalisers run Python code), and any
    // other sequence is indexed through `__getitem__` with a reference of its own.
    enum Step {
        Item(Option<Obj>),
        CodePoint(Option<u32>),
        GetItem(Obj),
    }
    let step = {
        let seq = it.seq.borrow();
        let Some(seq) = &*seq else { return Ok(None) };
        if let Some(l) = as_list(seq) {
            Step::Item(l.get_item(i))
        } else if tuple::is_tuple(seq) {
            Step::Item(items(seq).get(i).cloned())
        } else if let Some(s) = as_str_object(seq) {
            Step::CodePoint((i < s.len()).then(|| s.code_point_at(i)))
        } else {
            Step::GetItem(seq.clone())
        }
    };
    let item = match step {
        Step::Item(item) => item,
        Step::CodePoint(cp) => cp.map(super::str::new_str_of_code_point).transpose()?,
        Step::GetItem(seq) => match ops::get_item(&seq, &*new_int(i as i64)?) {
            Ok(v) => Some(v),
            Err(e) if e.matches(types().exc.named("IndexError")) || e.matches(types().exc.named("StopIteration")) => {
                None
            }
            Err(e) => return Err(e),
        },
    };
    match item {
        Some(_) => it.index.set(i + 1),
        None => {
            // Dropped after the borrow has ended (not inside its statement): the sequence's
            // destructor may run Python code that advances this iterator.
            let seq = it.seq.borrow_mut().take();
            drop(seq);
        }
    }
    Ok(item)
}

/// # Safety
///
/// See [`super::typeobj::DeallocFn`].
unsafe fn dealloc_seq_iter(op: NonNull<PyObject>) {
    // SAFETY: forwarded contract.
    unsafe { drop_and_free::<SeqIter>(op) }
}
