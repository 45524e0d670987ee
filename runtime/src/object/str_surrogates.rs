//! `str` methods on text holding lone surrogates.
//!
//! A string with a lone surrogate (`'\ud800'`) keeps its code points in its index array, but its
//! UTF-8 form — what the methods in `str_methods` read, because they work on Rust `&str` — is a
//! lossy view with U+FFFD in each surrogate's place (see `super::str`). Rather than a second,
//! code-point copy of every method, a method called with such a string runs on *stand-ins*:
//!
//! 1. pick a block of 2,048 private-use code points (planes 15–16, U+F0000..U+10FFFF) that no
//!    string among the arguments uses;
//! 2. copy each string that holds lone surrogates (`self`, arguments, the items of a tuple
//!    argument such as `startswith`'s prefixes or `%`'s values, the keys and values of a
//!    `translate` table) with surrogate `U+D800 + i` moved to `block + i` — a valid `char`, so
//!    the UTF-8 view of the copy is exact;
//! 3. run the method on the copies, and move the block's code points of the result (a string, or
//!    the strings of a list or tuple) back to surrogates.
//!
//! This is exact because the move is one code point for one code point (indexes, lengths,
//! `count`/`find` results and widths are unchanged) and because a private-use code point
//! behaves as a surrogate does in every method: both are uncased (case mappings leave them),
//! neither is alphanumeric, a digit, whitespace, a line break or printable, and neither is part
//! of an identifier. No method creates a private-use code point from other text, so every one
//! of the block's code points in a result came from a surrogate.
//!
//! Formatting (`format`, `format_map`, `%`) runs on stand-ins too; while it does, the thread
//! records the block, and `repr` of a string renders the block's code points as the surrogate
//! escapes (`'\ud800'`) their originals would give — a `repr` is text, with no surrogate in it.
//! (Python code run meanwhile, a `__format__` say, that takes the `repr` of some other string
//! with code points of that very block would see them escaped that way too: the block is
//! chosen free in the method's own strings only.)
//!
//! When every block is in use (a string with code points in all 64 blocks), the method runs on
//! the lossy views.

use std::cell::Cell;

use super::builtin::NativeFn;
use super::dict::{as_dict, new_dict};
use super::header::PyObject;
use super::int::{IntVal, as_int, new_int};
use super::list::{as_list, new_list};
use super::obj::Obj;
use super::str::{StrObject, as_str_object, is_surrogate, new_str_from_code_points};
use super::tuple::{is_tuple, items, new_tuple};
use crate::error::PyResult;

/// The first code point of the private-use planes the stand-ins use.
const PRIVATE_USE: u32 = 0xF0000;
/// Code points per block: as many as there are surrogates.
const BLOCK: u32 = 0x800;
/// Blocks in planes 15 and 16.
const BLOCKS: u32 = 0x20000 / BLOCK;

/// Runs the `str` method `method` (`args`: `self`, then the arguments, keyword values last) so
/// that lone surrogates in its strings are seen as themselves (see the module doc).
#[inline]
pub(crate) fn call(args: &[Obj], kwnames: Option<&PyObject>, method: NativeFn) -> PyResult<Obj> {
    if !args.iter().any(|a| holds_surrogates(a)) {
        return method(args, kwnames);
    }
    call_on_stand_ins(args, kwnames, method)
}

/// Whether `o` is a string with a lone surrogate, or a tuple or dict holding one.
pub(crate) fn holds_surrogates(o: &PyObject) -> bool {
    if let Some(s) = as_str_object(o) {
        return s.has_lone_surrogates();
    }
    if is_tuple(o) {
        return items(o).iter().any(|x| as_str_object(x).is_some_and(StrObject::has_lone_surrogates));
    }
    if let Some(d) = as_dict(o) {
        return d.items().iter().any(|(_, v)| as_str_object(v).is_some_and(StrObject::has_lone_surrogates));
    }
    false
}

/// `f(s)` for the string `s`, on its stand-in when it holds lone surrogates (what `format(s,
/// spec)` and f-strings use, which reach `str.__format__` without the method table).
pub(crate) fn on_stand_in(s: &Obj, f: impl FnOnce(&Obj) -> PyResult<Obj>) -> PyResult<Obj> {
    if !holds_surrogates(s) {
        return f(s);
    }
    let Some(block) = free_block(std::slice::from_ref(s)) else { return f(s) };
    let mapped = stand_in(s, block, true)?;
    let result = in_block(block, || f(&mapped))?;
    restore(result, block)
}

thread_local! {
    /// The block of the stand-ins a method of this thread is running on (0: none).
    static ACTIVE_BLOCK: Cell<u32> = const { Cell::new(0) };
}

/// Runs `f` with `block` recorded as this thread's active one (nested calls restore the outer).
fn in_block<R>(block: u32, f: impl FnOnce() -> R) -> R {
    struct Restore(u32);
    impl Drop for Restore {
        fn drop(&mut self) {
            ACTIVE_BLOCK.with(|b| b.set(self.0));
        }
    }
    let _restore = Restore(ACTIVE_BLOCK.with(|b| b.replace(block)));
    f()
}

/// For `repr`: the code points of `text` with the active block's moved back to the surrogates
/// they stand for, when a stand-in method is running and `text` has some (`None` otherwise).
pub(crate) fn original_code_points(text: &str) -> Option<Vec<u32>> {
    let block = ACTIVE_BLOCK.with(Cell::get);
    if block == 0 {
        return None;
    }
    let in_block = |c: u32| (block..block + BLOCK).contains(&c);
    if !text.chars().any(|c| in_block(u32::from(c))) {
        return None;
    }
    Some(text.chars().map(u32::from).map(|c| if in_block(c) { 0xD800 + (c - block) } else { c }).collect())
}

#[cold]
#[inline(never)]
fn call_on_stand_ins(args: &[Obj], kwnames: Option<&PyObject>, method: NativeFn) -> PyResult<Obj> {
    let Some(block) = free_block(args) else { return method(args, kwnames) };
    let self_holds = args.first().is_some_and(|s| holds_surrogates(s));
    let mapped = args.iter().map(|a| stand_in(a, block, self_holds)).collect::<PyResult<Vec<Obj>>>()?;
    let result = in_block(block, || method(&mapped, kwnames))?;
    restore(result, block)
}

/// A block of the private-use planes that none of the strings in `args` touches.
fn free_block(args: &[Obj]) -> Option<u32> {
    let mut used = 0u64;
    let mut mark = |s: &StrObject| {
        for cp in s.as_str().chars().map(u32::from).filter(|&c| c >= PRIVATE_USE) {
            used |= 1 << ((cp - PRIVATE_USE) / BLOCK);
        }
    };
    for a in args {
        if let Some(s) = as_str_object(a) {
            mark(s);
        } else if is_tuple(a) {
            items(a).iter().filter_map(|x| as_str_object(x)).for_each(&mut mark);
        } else if let Some(d) = as_dict(a) {
            d.items().iter().filter_map(|(_, v)| as_str_object(v)).for_each(&mut mark);
        }
    }
    (0..BLOCKS).find(|b| used & (1 << b) == 0).map(|b| PRIVATE_USE + b * BLOCK)
}

/// `o` with its lone surrogates moved into `block`: a string, a tuple's strings, or a
/// `translate` table's values (and its surrogate keys, when `self` holds surrogates).
fn stand_in(o: &Obj, block: u32, self_holds: bool) -> PyResult<Obj> {
    if let Some(s) = as_str_object(o) {
        if !s.has_lone_surrogates() {
            return Ok(o.clone());
        }
        let points: Vec<u32> =
            s.code_points().map(|c| if is_surrogate(c) { block + (c - 0xD800) } else { c }).collect();
        return new_str_from_code_points(&points);
    }
    if is_tuple(o) && std::ptr::eq(o.type_object(), super::immortal::types().tuple_type) {
        let parts = items(o).iter().map(|x| stand_in(x, block, self_holds)).collect::<PyResult<Vec<Obj>>>()?;
        return new_tuple(parts);
    }
    if let Some(d) = as_dict(o).filter(|_| std::ptr::eq(o.type_object(), super::immortal::types().dict_type)) {
        let table = new_dict()?;
        let t = as_dict(&table).expect("a dict");
        for (k, v) in d.items() {
            let key = match as_int(&k) {
                Some(IntVal::Small(cp)) if self_holds && (0xD800..=0xDFFF).contains(&cp) => {
                    new_int(i64::from(block) + (cp - 0xD800))?
                }
                _ => k,
            };
            t.set(key, stand_in(&v, block, self_holds)?)?;
        }
        return Ok(table);
    }
    Ok(o.clone())
}

/// `result` with `block`'s code points moved back to surrogates: a string, or the strings of a
/// list or tuple (what `split`, `partition` and friends return).
fn restore(result: Obj, block: u32) -> PyResult<Obj> {
    let in_block = |c: u32| (block..block + BLOCK).contains(&c);
    if let Some(s) = as_str_object(&result) {
        if !s.as_str().chars().any(|c| in_block(u32::from(c))) {
            return Ok(result);
        }
        let points: Vec<u32> = s.code_points().map(|c| if in_block(c) { 0xD800 + (c - block) } else { c }).collect();
        return new_str_from_code_points(&points);
    }
    if let Some(l) = as_list(&result) {
        let parts = l.items().iter().map(|x| restore(x.clone(), block)).collect::<PyResult<Vec<Obj>>>()?;
        return new_list(parts);
    }
    if is_tuple(&result) && std::ptr::eq(result.type_object(), super::immortal::types().tuple_type) {
        let parts = items(&result).iter().map(|x| restore(x.clone(), block)).collect::<PyResult<Vec<Obj>>>()?;
        return new_tuple(parts);
    }
    Ok(result)
}

#[cfg(all(test, not(loom)))]
mod tests {
    use super::*;
    use crate::object::str::new_str;

    fn with<R>(f: impl FnOnce() -> R) -> R {
        crate::Runtime::initialize();
        crate::attach(|_py| f())
    }

    #[test]
    fn the_block_avoids_private_use_code_points_of_the_arguments() {
        with(|| {
            let surrogate = new_str_from_code_points(&[0x61, 0xD800]).unwrap();
            assert_eq!(free_block(&[surrogate.clone()]), Some(PRIVATE_USE));
            let first_two: String = [0xF0000u32, 0xF0801].iter().filter_map(|&c| char::from_u32(c)).collect();
            let other = new_str(&first_two).unwrap();
            assert_eq!(free_block(&[surrogate.clone(), other]), Some(PRIVATE_USE + 2 * BLOCK));
            let every: String = (0..BLOCKS).filter_map(|b| char::from_u32(PRIVATE_USE + b * BLOCK + 5)).collect();
            let full = new_str(&every).unwrap();
            assert_eq!(free_block(&[surrogate, full]), None, "no free block: the lossy views are used");
        });
    }

    #[test]
    fn stand_ins_round_trip_strings_lists_and_tuples() {
        with(|| {
            let s = new_str_from_code_points(&[0xDFFF, 0x62, 0xD800]).unwrap();
            let block = PRIVATE_USE + BLOCK;
            let mapped = stand_in(&s, block, true).unwrap();
            let m = as_str_object(&mapped).unwrap();
            assert!(!m.has_lone_surrogates());
            assert_eq!(m.code_points().collect::<Vec<_>>(), vec![block + 0x7FF, 0x62, block]);
            let list = new_list(vec![mapped.clone(), mapped]).unwrap();
            let back = restore(list, block).unwrap();
            for item in as_list(&back).unwrap().items().iter() {
                assert!(as_str_object(item).unwrap().same_text(as_str_object(&s).unwrap()));
            }
        });
    }
}
