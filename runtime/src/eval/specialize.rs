//! # Specialisation (PEP 659): the specialiser and the specialised forms' fast paths
//!
//! CPython 3.13's adaptive interpreter (`Python/specialize.c`, `Python/bytecodes.c`), over the
//! code object's adaptive copy of its instructions ([`AdaptiveCode`]).
//!
//! **The cycle.** A generic instruction of a family (`BINARY_OP`, `LOAD_ATTR`, ...) counts
//! down the counter in its first inline cache unit; when it reaches zero the loop calls the
//! family's `specialize_*` function here with the instruction's operands. That function picks
//! the specialised form that fits the operands (or none), writes what the form needs into the
//! instruction's cache units, then rewrites the opcode byte ([`AdaptiveCode::set_opcode`]) and
//! stores the cool-down counter; the loop re-dispatches the same instruction, now specialised.
//! A specialised form is a `match` arm of the loop with a *guard* (`Opcode::X if guard(..)`),
//! checked before anything is consumed; when the guard fails (a *miss*) matching falls through
//! to the family's generic arm, which lists the specialised opcodes too, so the miss runs the
//! generic body for this one execution — no flag, no second dispatch (CPython's `DEOPT_IF`).
//! The generic body counts the counter down again: after 53 misses the instruction is
//! specialised anew for whatever its operands are by then. When no form fits, the instruction
//! stays generic and its counter restarts with exponential backoff. A guard that has to compute
//! the form's result to decide (a hinted dict lookup, say) leaves it in a local for the arm.
//!
//! **Guards.** A form is correct whatever the cache holds, as long as its guard passed:
//! - operand forms (`BINARY_OP_ADD_INT`, `COMPARE_OP_FLOAT`, `BINARY_SUBSCR_LIST_INT`,
//!   `FOR_ITER_RANGE`, `UNPACK_SEQUENCE_TWO_TUPLE`, `TO_BOOL_*`, `CONTAINS_OP_DICT`, `CONTAINS_OP_SET`,
//!   `STORE_SUBSCR_*`, `CALL_PY_EXACT_ARGS`, ...) check the exact types (and sizes) of their
//!   operands and read no cache at all;
//! - hinted dict forms (`LOAD_GLOBAL_MODULE`, `LOAD_GLOBAL_BUILTIN`'s builtins half,
//!   `LOAD_ATTR_WITH_HINT`, `STORE_ATTR_WITH_HINT`, `LOAD_ATTR_MODULE`) cache an entry index
//!   and check that the entry at that index has the name itself as its key (names are interned);
//!   a stale or foreign hint misses, it never reads a wrong value;
//! - type forms (`LOAD_ATTR_WITH_HINT`, `LOAD_ATTR_METHOD_*`, `LOAD_ATTR_CLASS`,
//!   `STORE_ATTR_WITH_HINT`) guard on the type's 32-bit version tag, which changes whenever the
//!   dict of the type or of any of its bases changes (`typeobj::modified` reaches subclasses);
//!   a method or class attribute is then re-read through a hint into the dict of the MRO entry
//!   that defines it, so the loop never dereferences a cached pointer;
//! - `LOAD_GLOBAL_BUILTIN` guards on the globals dict's keys version (unique across dicts and
//!   key sets, `DictObject::keys_version`): the name is still absent from globals.
//!
//! **Threads: the publication protocol.** A code object's adaptive instructions are shared
//! by every thread of its interpreter; in a free-threaded one, a thread may execute a
//! specialised instruction while another re-specialises it. CPython 3.14 sidesteps most of
//! this by giving each thread its own copy of the bytecode; pyrt keeps one copy and makes the
//! rewrite itself safe, in the style of an epoch scheme: a form's caches are immutable for as
//! long as any thread may be reading them, and a change waits for a moment when nobody can be.
//!
//! *Ownership.* The code units belong to the code object ([`AdaptiveCode`]); every access is one
//! atomic unit. Three kinds of writers exist, and only these:
//! - the *counter* unit (`i+1`) is written by any thread at any time (the generic body's
//!   countdown, the specialiser's cool-down and backoff), with relaxed stores; a lost update
//!   moves the next attempt by one execution, nothing else (no reader trusts a counter);
//! - the *opcode* byte is written by [`AdaptiveCode::publish`] (a form, after its caches) and
//!   [`AdaptiveCode::deopt`] (back to the family's generic instruction, caches untouched), both
//!   with `Release`; the oparg byte never changes;
//! - the *cache* units after the counter are written only by `publish`, which a thread enters
//!   by claiming the code object (a compare-and-swap on its `publishing` flag, `Acquire`, released
//!   with `Release`; a thread that finds it taken gives up and lets its counter ask again), so
//!   at most one thread writes the caches of a code object at a time and each writer sees every
//!   earlier writer's units.
//!
//! *Readers.* The loop loads an instruction's opcode with a relaxed load
//! ([`AdaptiveCode::opcode_unit`]); a specialised form that reads caches first fences with
//! `Acquire` ([`AdaptiveCode::acquire_caches`]: a relaxed load followed by an acquire fence
//! synchronises with the release store it read, and the dispatch of every other instruction
//! stays a plain load), then reads its caches (relaxed loads) in that same execution, **before anything that can detach, check the eval breaker or run
//! Python code** (`load_attr` and the other readers load every unit first; a traced instruction
//! runs the generic form, because the trace function runs between the load and the body).
//!
//! *Publication.* `publish` stores the units, the cool-down counter, then the opcode — with
//! the world stopped when the instruction is not *fresh*. An instruction is fresh while every
//! cache unit after its counter is still zero, as the compiler left it. Every form that reads
//! a cache of more than one unit writes at least one non-zero unit (the forms guarded by a type
//! version or a keys version write that 32-bit value, and a zero version is never cached), so
//! once such a form has been published its instruction is never fresh again; the one form
//! published with all-zero caches, `LOAD_GLOBAL_MODULE` with entry hint 0, reads a single unit
//! and checks the entry's key itself, so any value it reads is safe.
//!
//! *Why a reader never uses a cache its guard did not validate.* Take a reader executing form
//! `F` at instruction `i`. Its load of the opcode, followed by its acquire fence, read the
//! `Release` store of some `publish` `P`, so every unit `P` stored (and every unit stored before `P` by the earlier
//! writers it saw through the claim) is visible to it. Any later writer `W` of a unit `F` reads
//! is not looking at a fresh instruction (`P` left a non-zero unit, or `F` is the one-unit form),
//! so `W` stores with the world stopped: every other thread of the interpreter is detached or
//! waiting at a breaker check, which the reader reaches only after its last cache load; the
//! stop's hand-shake (the reader's release at its check or detach, the requester's acquire)
//! orders the reader's loads before `W`'s stores, and `W`'s stores before the reader's next
//! opcode load. So the units the reader loads are exactly those of the publication whose opcode
//! it loaded: never a mixture of two, never a unit of another form. Each guard then validates
//! what it reads against the objects (a type's version tag, a keys version, a hint's key); a
//! torn 32-bit version, which could equal an unrelated type's tag, cannot occur. A deopt needs
//! no stop: it changes no cache, and a reader still running the old form reads the old caches.
//! The broken twins of the loom model `specialize` (an opcode published with `Relaxed`; a
//! rewrite without the stop) let a reader take an index from one publication and a version
//! from another, and loom rejects both.
//!
//! *Class changes.* Guards that compare a type's version and then read the class's dict through
//! a hint (the method, class-attribute and property forms) re-read the version after the dict
//! entry (with an `Acquire` fence between): a class mutation takes the tag away before it
//! writes the dict (with a `Release` fence) and again after, so a reader that saw the new entry
//! sees a changed tag and misses; a specialiser asking for a tag between the two gets one that
//! the second removal takes away again. (There is no per-type attribute cache to keep coherent:
//! `_PyType_Lookup` walks the MRO's dicts.)
//!
//! *Cost.* With the interpreter's lock there is no one to stop: the stop is the lock already
//! held. A publication on a fresh instruction (the warm-up) stops nothing; a re-specialisation
//! after a deopt stops the world once. Readers pay nothing beyond loads they made before
//! (an acquire fence compiles to nothing on x86-64 and to one `dmb ishld` on AArch64, only in
//! the forms that read caches; a `Release` store is a plain move on x86-64). Measured: an
//! `Acquire` load at every dispatch instead cost 1% of all instructions of `method_calls.py`.

use pyrt_compile::{CodeFlags, Opcode};

use crate::object::adaptive::{AdaptiveCode, CacheWrites, Counter};
use crate::object::attr::lookup;
use crate::object::dict::as_dict;
use crate::object::function::{FunctionObject, as_function, as_method};
use crate::object::immortal::types_known_made;
use crate::object::int::IntObject;
use crate::object::obj::Obj;
use crate::object::slots::BinOp;
use crate::object::typeobj::{CompareOp, TypeObject, as_type};
use crate::object::{PyObject, types};

/// Rewrites instruction `i` to `form` with the cool-down counter (a form that reads no cache).
pub(super) fn specialize(code: &AdaptiveCode, i: usize, form: Opcode) {
    specialize_with(code, i, form, &CacheWrites::none());
}

/// Rewrites instruction `i` to `form` with its `caches` and the cool-down counter (see the
/// module docs: published, never written in place).
pub(super) fn specialize_with(code: &AdaptiveCode, i: usize, form: Opcode, caches: &CacheWrites) {
    debug_assert!(
        caches.is_empty() || caches.any_nonzero() || form == Opcode::LOAD_GLOBAL_MODULE,
        "a form that reads several cache units leaves its instruction non-fresh"
    );
    code.publish(i, form, caches, Counter::cooldown());
}

/// No form fits: back to the generic instruction, with the counter restarted (backoff).
pub(super) fn fail(code: &AdaptiveCode, i: usize, generic: Opcode) {
    code.deopt(i, generic, code.counter(i + 1).restart());
}

pub(super) fn is_exact(o: &PyObject, ty: &TypeObject) -> bool {
    std::ptr::eq(o.type_object(), ty)
}

/// The word value of an exact `int` (not a subclass, not a big int).
#[inline(always)]
pub(crate) fn exact_small_int(o: &PyObject) -> Option<i64> {
    if is_exact(o, types_known_made(o).int_type) {
        // SAFETY: exact ints are IntObject.
        let i = unsafe { o.cast::<IntObject>() };
        if i.big.is_none() {
            return Some(i.value);
        }
    }
    None
}

/// The word value of an int that [`exact_small_int`] accepted (a specialised form's guard):
/// read without testing its type again.
///
/// # Safety
///
/// `o` is an exact `int` holding a machine word (`exact_small_int(o).is_some()`).
#[inline(always)]
unsafe fn guarded_small_int(o: &PyObject) -> i64 {
    debug_assert!(exact_small_int(o).is_some(), "the form's guard");
    // SAFETY: the caller's contract: an exact int is an IntObject, and ints are immutable.
    unsafe { o.cast::<IntObject>() }.value
}

/// The value of an exact `float`.
#[inline(always)]
pub(crate) fn exact_float(o: &PyObject) -> Option<f64> {
    if is_exact(o, types_known_made(o).float_type) {
        // SAFETY: exact floats are FloatObject.
        Some(unsafe { o.cast::<crate::object::float::FloatObject>() }.value)
    } else {
        None
    }
}

/// The text of an exact `str`.
#[inline(always)]
pub(crate) fn exact_str(o: &PyObject) -> Option<&str> {
    if is_exact(o, types_known_made(o).str_type) {
        crate::object::str::as_str_object(o).map(|s| s.as_str())
    } else {
        None
    }
}

/// The dict behind an exact `dict`.
#[inline(always)]
pub(crate) fn exact_dict(o: &PyObject) -> Option<&crate::object::dict::DictObject> {
    if is_exact(o, types_known_made(o).dict_type) { as_dict(o) } else { None }
}

// ---- BINARY_OP ------------------------------------------------------------------------------

/// Whether a `BINARY_OP` with this oparg has specialised forms (`+`, `-`, `*` and their
/// in-place forms). The others never specialise (3.13 has no form for them), so the loop skips
/// their counter: the same behaviour as counting down and failing, without the cost.
#[inline(always)]
pub(crate) fn binary_op_has_forms(oparg: u32) -> bool {
    matches!(BinOp::from_oparg(oparg), Some((BinOp::Add | BinOp::Subtract | BinOp::Multiply, _)))
}

/// `_Py_Specialize_BinaryOp`; `stores_lhs`: the next instruction is a `STORE_FAST` into the
/// local that holds `lhs` (`s += t`, `s = s + t`), which `BINARY_OP_INPLACE_ADD_UNICODE` does.
pub(crate) fn specialize_binary_op(
    code: &AdaptiveCode,
    i: usize,
    lhs: &PyObject,
    rhs: &PyObject,
    oparg: u32,
    stores_lhs: bool,
) {
    let form = match BinOp::from_oparg(oparg) {
        Some((op @ (BinOp::Add | BinOp::Subtract | BinOp::Multiply), _)) => {
            if exact_small_int(lhs).is_some() && exact_small_int(rhs).is_some() {
                Some(match op {
                    BinOp::Add => Opcode::BINARY_OP_ADD_INT,
                    BinOp::Subtract => Opcode::BINARY_OP_SUBTRACT_INT,
                    _ => Opcode::BINARY_OP_MULTIPLY_INT,
                })
            } else if exact_float(lhs).is_some() && exact_float(rhs).is_some() {
                Some(match op {
                    BinOp::Add => Opcode::BINARY_OP_ADD_FLOAT,
                    BinOp::Subtract => Opcode::BINARY_OP_SUBTRACT_FLOAT,
                    _ => Opcode::BINARY_OP_MULTIPLY_FLOAT,
                })
            } else if op == BinOp::Add && exact_str(lhs).is_some() && exact_str(rhs).is_some() {
                Some(if stores_lhs { Opcode::BINARY_OP_INPLACE_ADD_UNICODE } else { Opcode::BINARY_OP_ADD_UNICODE })
            } else {
                None
            }
        }
        _ => None,
    };
    match form {
        Some(f) => specialize(code, i, f),
        None => fail(code, i, Opcode::BINARY_OP),
    }
}

/// The guard of `BINARY_OP_*_INT` and `COMPARE_OP_INT`: two exact word-sized ints.
#[inline(always)]
pub(crate) fn both_small_ints(lhs: &PyObject, rhs: &PyObject) -> bool {
    exact_small_int(lhs).is_some() && exact_small_int(rhs).is_some()
}

/// The guard of `BINARY_OP_*_FLOAT` and `COMPARE_OP_FLOAT`: two exact floats.
#[inline(always)]
pub(crate) fn both_floats(lhs: &PyObject, rhs: &PyObject) -> bool {
    is_exact(lhs, types_known_made(lhs).float_type) && is_exact(rhs, types_known_made(rhs).float_type)
}

/// The guard of `BINARY_OP_ADD_UNICODE` and `COMPARE_OP_STR`: two exact strs.
#[inline(always)]
pub(crate) fn both_strs(lhs: &PyObject, rhs: &PyObject) -> bool {
    exact_str(lhs).is_some() && exact_str(rhs).is_some()
}

/// `BINARY_OP_{ADD,SUBTRACT,MULTIPLY}_INT` (after [`both_small_ints`]); an overflow of the
/// machine word goes to the generic operation (a big int), which is not a miss.
///
/// # Safety
///
/// `both_small_ints(&lhs, &rhs)`: the form's guard (the values are read without testing their
/// types again).
#[inline(always)]
pub(crate) unsafe fn binary_op_int(form: Opcode, lhs: Obj, rhs: Obj) -> crate::error::PyResult<Obj> {
    // SAFETY: the caller's contract.
    let (a, b) = unsafe { (guarded_small_int(&lhs), guarded_small_int(&rhs)) };
    let (r, op) = match form {
        Opcode::BINARY_OP_ADD_INT => (a.checked_add(b), BinOp::Add),
        Opcode::BINARY_OP_SUBTRACT_INT => (a.checked_sub(b), BinOp::Subtract),
        _ => (a.checked_mul(b), BinOp::Multiply),
    };
    match r {
        Some(v) => crate::object::arith_fast::int_result_reusing(v, lhs, rhs),
        None => crate::object::abstract_ops::binary_op(&lhs, &rhs, op),
    }
}

/// The value of `BINARY_OP_{ADD,SUBTRACT,MULTIPLY}_FLOAT` on two exact floats (the guard,
/// [`both_floats`]).
#[inline(always)]
fn float_op_value(form: Opcode, lhs: &PyObject, rhs: &PyObject) -> f64 {
    debug_assert!(both_floats(lhs, rhs), "the form's guard");
    // SAFETY: exact floats (the form's guard) are FloatObject.
    let (a, b) = unsafe {
        (lhs.cast::<crate::object::float::FloatObject>().value, rhs.cast::<crate::object::float::FloatObject>().value)
    };
    match form {
        Opcode::BINARY_OP_ADD_FLOAT => a + b,
        Opcode::BINARY_OP_SUBTRACT_FLOAT => a - b,
        _ => a * b,
    }
}

/// `BINARY_OP_{ADD,SUBTRACT,MULTIPLY}_FLOAT` (after [`both_floats`]).
#[inline(always)]
pub(crate) fn binary_op_float(form: Opcode, lhs: Obj, rhs: Obj) -> crate::error::PyResult<Obj> {
    let r = float_op_value(form, &lhs, &rhs);
    crate::object::arith_fast::float_result_reusing(r, lhs, rhs)
}

/// `BINARY_OP_{ADD,SUBTRACT,MULTIPLY}_FLOAT` (after [`both_floats`]) followed by `STORE_FAST`
/// into `slot`, which it does (see `arith_fast::float_result_into_local`).
#[inline(always)]
pub(crate) fn binary_op_float_into(
    form: Opcode,
    lhs: Obj,
    rhs: Obj,
    slot: &mut Option<Obj>,
) -> crate::error::PyResult<()> {
    let r = float_op_value(form, &lhs, &rhs);
    crate::object::arith_fast::float_result_into_local(r, lhs, rhs, slot)
}

/// The guard of `BINARY_OP_INPLACE_ADD_UNICODE` (CPython's `_GUARD_BOTH_UNICODE` and
/// `DEOPT_IF(*target_local != left)`): two exact strs, and `target`, the value of the local
/// that the following `STORE_FAST` stores into, is `lhs` itself.
#[inline(always)]
pub(crate) fn inplace_add_str_guard(lhs: &PyObject, rhs: &PyObject, target: Option<&PyObject>) -> bool {
    target.is_some_and(|t| t.is(lhs)) && both_strs(lhs, rhs)
}

/// [`inplace_add_str_guard`] over the window `values` whose stack ends at `sp`, `next` the unit
/// after the instruction's cache: the local of the `STORE_FAST` it fuses (the specialiser's test).
pub(crate) fn inplace_add_str_target(values: &[Option<Obj>], sp: usize, next: u16) -> Option<usize> {
    let local = store_fast_local(next)?;
    let lhs = values.get(sp.checked_sub(2)?)?.as_deref()?;
    let rhs = values.get(sp - 1)?.as_deref()?;
    inplace_add_str_guard(lhs, rhs, values.get(local)?.as_deref()).then_some(local)
}

/// `BINARY_OP_INPLACE_ADD_UNICODE` (after [`inplace_add_str_guard`]), its `STORE_FAST` included:
/// the local's reference to `lhs` is dropped first (CPython's `_Py_DECREF_NO_DEALLOC(left)`),
/// so the stack's may be the only one left and the text is appended in place when the string's
/// block has room (`str::append`); the result goes into the local. On an error the local stays
/// unbound, as in CPython (`PyUnicode_Append` clears it).
#[inline]
pub(crate) fn binary_op_inplace_add_str(lhs: Obj, rhs: Obj, local: &mut Option<Obj>) -> crate::error::PyResult<()> {
    debug_assert!(local.as_deref().is_some_and(|v| v.is(&lhs)), "the form's guard");
    // The same object as `lhs`: this drop does not deallocate.
    drop(local.take());
    let r = crate::object::str::append(lhs, &rhs);
    drop(rhs);
    *local = Some(r?);
    Ok(())
}

/// `BINARY_OP_ADD_UNICODE` (after [`both_strs`]).
#[inline]
pub(crate) fn binary_op_add_str(lhs: &PyObject, rhs: &PyObject) -> crate::error::PyResult<Obj> {
    crate::object::str::concat(lhs, rhs)
}

// ---- COMPARE_OP -----------------------------------------------------------------------------

/// `_Py_Specialize_CompareOp`.
pub(crate) fn specialize_compare_op(code: &AdaptiveCode, i: usize, lhs: &PyObject, rhs: &PyObject, oparg: u32) {
    let cmp = CompareOp::from_index(oparg >> 5);
    let form = if exact_small_int(lhs).is_some() && exact_small_int(rhs).is_some() {
        Some(Opcode::COMPARE_OP_INT)
    } else if exact_float(lhs).is_some() && exact_float(rhs).is_some() {
        Some(Opcode::COMPARE_OP_FLOAT)
    } else if exact_str(lhs).is_some() && exact_str(rhs).is_some() && matches!(cmp, Some(CompareOp::Eq | CompareOp::Ne))
    {
        // As CPython: only equality is specialised for strings.
        Some(Opcode::COMPARE_OP_STR)
    } else {
        None
    };
    match form {
        Some(f) if cmp.is_some() => specialize(code, i, f),
        _ => fail(code, i, Opcode::COMPARE_OP),
    }
}

fn compare<T: PartialOrd + ?Sized>(a: &T, b: &T, op: u32) -> bool {
    match op {
        0 => a < b,
        1 => a <= b,
        2 => a == b,
        3 => a != b,
        4 => a > b,
        _ => a >= b,
    }
}

/// The guard of `COMPARE_OP_{INT,FLOAT,STR}`.
#[inline(always)]
pub(crate) fn compare_guard(form: Opcode, lhs: &PyObject, rhs: &PyObject) -> bool {
    match form {
        Opcode::COMPARE_OP_INT => both_small_ints(lhs, rhs),
        Opcode::COMPARE_OP_FLOAT => both_floats(lhs, rhs),
        _ => both_strs(lhs, rhs),
    }
}

/// `COMPARE_OP_{INT,FLOAT,STR}` (after [`compare_guard`]): the result, always a bool (so
/// `oparg & 16` changes nothing).
///
/// # Safety
///
/// `compare_guard(form, lhs, rhs)`: the form's guard (the ints are read without testing their
/// types again).
#[inline(always)]
pub(crate) unsafe fn compare_op(form: Opcode, lhs: &PyObject, rhs: &PyObject, oparg: u32) -> bool {
    let op = oparg >> 5;
    match form {
        Opcode::COMPARE_OP_INT => {
            // SAFETY: the caller's contract (`compare_guard` of `COMPARE_OP_INT`: `both_small_ints`).
            let (a, b) = unsafe { (guarded_small_int(lhs), guarded_small_int(rhs)) };
            compare(&a, &b, op)
        }
        Opcode::COMPARE_OP_FLOAT => compare(&exact_float(lhs), &exact_float(rhs), op),
        _ => compare(&exact_str(lhs), &exact_str(rhs), op),
    }
}

// ---- subscripts, containment, truth ---------------------------------------------------------

/// `_Py_Specialize_BinarySubscr`.
pub(crate) fn specialize_binary_subscr(code: &AdaptiveCode, i: usize, container: &PyObject, key: &PyObject) {
    let t = types();
    let form = if is_exact(container, t.list_type) && exact_small_int(key).is_some() {
        Some(Opcode::BINARY_SUBSCR_LIST_INT)
    } else if is_exact(container, t.tuple_type) && exact_small_int(key).is_some() {
        Some(Opcode::BINARY_SUBSCR_TUPLE_INT)
    } else if is_exact(container, t.dict_type) {
        Some(Opcode::BINARY_SUBSCR_DICT)
    } else {
        None
    };
    match form {
        Some(f) => specialize(code, i, f),
        None => fail(code, i, Opcode::BINARY_SUBSCR),
    }
}

/// `BINARY_SUBSCR_{LIST,TUPLE}_INT`: the item, `None` on a miss (wrong types, or an index that
/// is negative or out of range: the generic path raises `IndexError` or counts from the end).
#[inline(always)]
pub(crate) fn subscr_seq_int(form: Opcode, container: &PyObject, key: &PyObject) -> Option<Obj> {
    let t = types_known_made(container);
    let index = usize::try_from(exact_small_int(key)?).ok()?;
    if form == Opcode::BINARY_SUBSCR_LIST_INT {
        if !is_exact(container, t.list_type) {
            return None;
        }
        // SAFETY: an exact list (just checked).
        unsafe { crate::object::list::as_exact_list(container) }.get_item(index)
    } else {
        if !is_exact(container, t.tuple_type) {
            return None;
        }
        crate::object::tuple::items(container).get(index).cloned()
    }
}

/// `_Py_Specialize_StoreSubscr`.
pub(crate) fn specialize_store_subscr(code: &AdaptiveCode, i: usize, container: &PyObject, key: &PyObject) {
    let t = types();
    if is_exact(container, t.list_type) && exact_small_int(key).is_some() {
        specialize(code, i, Opcode::STORE_SUBSCR_LIST_INT);
    } else if is_exact(container, t.dict_type) {
        specialize(code, i, Opcode::STORE_SUBSCR_DICT);
    } else {
        fail(code, i, Opcode::STORE_SUBSCR);
    }
}

/// The guard of `STORE_SUBSCR_LIST_INT`: an exact list and an exact int index in range
/// (a negative or out-of-range index takes the generic path, which counts from the end or
/// raises `IndexError`). The index, on a hit.
#[inline(always)]
pub(crate) fn store_list_int_guard(container: &PyObject, key: &PyObject) -> Option<usize> {
    let index = usize::try_from(exact_small_int(key)?).ok()?;
    if !is_exact(container, types_known_made(container).list_type) {
        return None;
    }
    // SAFETY: an exact list (just checked).
    (index < unsafe { crate::object::list::as_exact_list(container) }.len()).then_some(index)
}

/// `STORE_SUBSCR_LIST_INT` at `index` (after [`store_list_int_guard`], which gave `index`). The
/// replaced item is dropped once the list is no longer borrowed, a float the fast way
/// (`v[0] -= x` replaces a float that often dies there). If another thread shrank the list
/// between the guard and the store, the store fails as the generic one would (`IndexError`),
/// and the value is dropped.
///
/// # Safety
///
/// `container` is an exact list (the guard's test).
#[inline(always)]
pub(crate) unsafe fn store_list_int(container: &PyObject, index: usize, value: Obj) -> crate::error::PyResult<()> {
    // SAFETY: the caller's contract.
    let l = unsafe { crate::object::list::as_exact_list(container) };
    // Under the list's mutex, held briefly when free-threaded (one slot store; nothing is
    // dropped inside).
    match l.replace_item(index, value) {
        Ok(old) => {
            crate::object::float::release_value(old);
            Ok(())
        }
        Err(value) => {
            drop(value);
            Err(crate::error::PyErr::index_error("list assignment index out of range"))
        }
    }
}

/// `_Py_Specialize_ContainsOp`: an exact dict, or an exact set or frozenset.
pub(crate) fn specialize_contains_op(code: &AdaptiveCode, i: usize, container: &PyObject) {
    if is_exact(container, types_known_made(container).dict_type) {
        specialize(code, i, Opcode::CONTAINS_OP_DICT);
    } else if crate::object::set::is_exact_set(container) {
        specialize(code, i, Opcode::CONTAINS_OP_SET);
    } else {
        fail(code, i, Opcode::CONTAINS_OP);
    }
}

/// `_Py_Specialize_ToBool`.
pub(crate) fn specialize_to_bool(code: &AdaptiveCode, i: usize, v: &PyObject) {
    let t = types();
    let form = if is_exact(v, t.bool_type) {
        Some(Opcode::TO_BOOL_BOOL)
    } else if is_exact(v, t.int_type) {
        Some(Opcode::TO_BOOL_INT)
    } else if is_exact(v, t.list_type) {
        Some(Opcode::TO_BOOL_LIST)
    } else if v.is(crate::object::immortals().none) {
        Some(Opcode::TO_BOOL_NONE)
    } else if is_exact(v, t.str_type) {
        Some(Opcode::TO_BOOL_STR)
    } else {
        None
    };
    match form {
        Some(f) => specialize(code, i, f),
        None => fail(code, i, Opcode::TO_BOOL),
    }
}

/// `TO_BOOL_*`: the truth of `v`, `None` on a guard miss.
#[inline(always)]
pub(crate) fn to_bool(form: Opcode, v: &PyObject) -> Option<bool> {
    let t = types_known_made(v);
    match form {
        Opcode::TO_BOOL_BOOL if is_exact(v, t.bool_type) => Some(v.is(&crate::object::immortals().true_.ob_base)),
        Opcode::TO_BOOL_INT if is_exact(v, t.int_type) => {
            // SAFETY: exact ints are IntObject.
            let i = unsafe { v.cast::<IntObject>() };
            Some(i.big.is_some() || i.value != 0)
        }
        Opcode::TO_BOOL_LIST if is_exact(v, t.list_type) => Some(!crate::object::list::as_list(v)?.is_empty()),
        Opcode::TO_BOOL_NONE if v.is(crate::object::immortals().none) => Some(false),
        Opcode::TO_BOOL_STR => Some(!exact_str(v)?.is_empty()),
        _ => None,
    }
}

// ---- iteration and unpacking ----------------------------------------------------------------

/// `_Py_Specialize_ForIter`: range iterators, and the sequence iterator over an exact list or
/// tuple.
pub(crate) fn specialize_for_iter(code: &AdaptiveCode, i: usize, iter: &PyObject) {
    let t = types();
    let forward = crate::object::sequence::forward_iter_kind(iter);
    if is_exact(iter, t.range_iter_type) {
        specialize(code, i, Opcode::FOR_ITER_RANGE);
    } else if forward == Some(true) {
        specialize(code, i, Opcode::FOR_ITER_LIST);
    } else if forward == Some(false) {
        specialize(code, i, Opcode::FOR_ITER_TUPLE);
    } else if is_exact(iter, t.gens.generator) {
        specialize(code, i, Opcode::FOR_ITER_GEN);
    } else {
        fail(code, i, Opcode::FOR_ITER);
    }
}

/// The code byte of an opcode the loop compares raw units with.
const fn byte_of(op: Opcode) -> u8 {
    match op.code_byte() {
        Some(b) => b,
        None => panic!("a real instruction"),
    }
}

const STORE_FAST_BYTE: u8 = byte_of(Opcode::STORE_FAST);
// The forms that do a following `STORE_FAST` skip it as one unit.
const _: () = assert!(Opcode::STORE_FAST.cache_entries() == 0);
const POP_TOP_BYTE: u8 = byte_of(Opcode::POP_TOP);
const _: () = assert!(Opcode::POP_TOP.cache_entries() == 0);
const POP_JUMP_IF_FALSE_BYTE: u8 = byte_of(Opcode::POP_JUMP_IF_FALSE);
const POP_JUMP_IF_TRUE_BYTE: u8 = byte_of(Opcode::POP_JUMP_IF_TRUE);

/// The local that the instruction `unit` stores into when it is a `STORE_FAST` (without an
/// `EXTENDED_ARG`, which would not be the unit's own byte): `FOR_ITER_RANGE` does that store
/// itself (see [`for_iter_range_store`]).
#[inline(always)]
pub(crate) fn store_fast_local(unit: u16) -> Option<usize> {
    ((unit & 0xff) as u8 == STORE_FAST_BYTE).then_some((unit >> 8) as usize)
}

const COPY_2_UNIT: u16 = byte_of(Opcode::COPY) as u16 | 2 << 8;
const SWAP_2_UNIT: u16 = byte_of(Opcode::SWAP) as u16 | 2 << 8;
// `COPY` and `SWAP` fuse a following `COPY 2` / `SWAP 2` by skipping it as one unit.
const _: () = assert!(Opcode::COPY.cache_entries() == 0 && Opcode::SWAP.cache_entries() == 0);

/// Whether the instruction `unit` is `COPY 2` (the augmented subscript assignment
/// `a[i] op= x` compiles to `COPY 2; COPY 2`, which the loop runs as one duplication of the
/// top two values when not tracing).
#[inline(always)]
pub(crate) fn is_copy_2(unit: u16) -> bool {
    unit == COPY_2_UNIT
}

/// Whether the instruction `unit` is `SWAP 2` (`a[i] op= x` stores with `SWAP 3; SWAP 2`,
/// which the loop runs as one rotation of the top three values when not tracing).
#[inline(always)]
pub(crate) fn is_swap_2(unit: u16) -> bool {
    unit == SWAP_2_UNIT
}

/// Whether the instruction `unit` is a `POP_TOP` (which `CALL_LIST_APPEND` skips over, as
/// CPython's does, instead of pushing the `None` it would drop).
#[inline(always)]
pub(crate) fn is_pop_top(unit: u16) -> bool {
    (unit & 0xff) as u8 == POP_TOP_BYTE
}

/// When the instruction `unit` is a `POP_JUMP_IF_FALSE` / `POP_JUMP_IF_TRUE`: the truth it
/// jumps on, the units it spans (itself and its cache) and its jump distance. The specialised
/// comparisons consume such a jump with their result instead of pushing a bool for it (CPython
/// 3.13 pushes the bool; the outcome is the same, one dispatch fewer).
#[inline(always)]
pub(crate) fn pop_jump(unit: u16) -> Option<(bool, usize, usize)> {
    let (on, jump) = match (unit & 0xff) as u8 {
        POP_JUMP_IF_FALSE_BYTE => (false, Opcode::POP_JUMP_IF_FALSE),
        POP_JUMP_IF_TRUE_BYTE => (true, Opcode::POP_JUMP_IF_TRUE),
        _ => return None,
    };
    Some((on, 1 + jump.cache_entries(), (unit >> 8) as usize))
}

/// `FOR_ITER_RANGE` followed by `STORE_FAST` into `slot`: the next value goes straight into the
/// local (whether there was one; `false`: the range is exhausted, nothing stored). A loop
/// variable that nothing else references is renewed in place rather than freed and made again
/// (a value with a cached small int is that int, as in CPython).
///
/// # Safety
///
/// `iter` is an exact range iterator (the form's guard).
#[inline(always)]
pub(crate) unsafe fn for_iter_range_store(iter: &PyObject, slot: &mut Option<Obj>) -> crate::error::PyResult<bool> {
    // SAFETY: the caller's contract.
    let Some(v) = (unsafe { crate::object::range::range_iter_next_value(iter) }) else { return Ok(false) };
    if let (Ok(w), Some(old)) = (i64::try_from(v), slot.as_ref()) {
        if crate::object::arith_fast::reuse_unique_int(old, w) {
            return Ok(true);
        }
    }
    let new = crate::object::range::new_i128(v)?;
    // The old value goes after the store, as `STORE_FAST` drops it.
    drop(slot.replace(new));
    Ok(true)
}

/// `_Py_Specialize_UnpackSequence`.
pub(crate) fn specialize_unpack_sequence(code: &AdaptiveCode, i: usize, seq: &PyObject, n: u32) {
    let t = types();
    let form = if is_exact(seq, t.tuple_type) && crate::object::tuple::items(seq).len() == n as usize {
        Some(if n == 2 { Opcode::UNPACK_SEQUENCE_TWO_TUPLE } else { Opcode::UNPACK_SEQUENCE_TUPLE })
    } else if is_exact(seq, t.list_type) {
        // Free-threaded too: the form's guard and its pushes run in one section (`unpack_list_onto`).
        Some(Opcode::UNPACK_SEQUENCE_LIST)
    } else {
        None
    };
    match form {
        Some(f) => specialize(code, i, f),
        None => fail(code, i, Opcode::UNPACK_SEQUENCE),
    }
}

/// `UNPACK_SEQUENCE_{TWO_TUPLE,TUPLE}`: the items, `None` on a miss (type or length).
#[inline(always)]
pub(crate) fn unpack_items(form: Opcode, seq: &PyObject, n: usize) -> Option<&[Obj]> {
    let items = match form {
        Opcode::UNPACK_SEQUENCE_TUPLE | Opcode::UNPACK_SEQUENCE_TWO_TUPLE
            if is_exact(seq, types_known_made(seq).tuple_type) =>
        {
            crate::object::tuple::items(seq)
        }
        _ => return None,
    };
    (items.len() == n).then_some(items)
}

/// `UNPACK_SEQUENCE_LIST`, guard and body in one: `stack[0]` holds the sequence; on a hit (an
/// exact list of `n` items) its items replace it, last item lowest as the pushes of the generic
/// form leave them, and the result is `true`; on a miss nothing changes.
///
/// The length test and the reads of the items run in one brief hold of the list's mutex
/// (`mutation::try_hold_briefly`, as `locked_briefly`: free-threaded only), so another thread
/// cannot resize the list between them; no copy of the items is made. CPython 3.13 has no section
/// here because 3.13t does not specialise at all; the section is what a free-threaded build needs.
/// The fill only clones (increments), it runs no Python code and drops nothing: the old
/// sequence reference is dropped after the hold ends.
#[inline(always)]
pub(crate) fn unpack_list_onto(stack: &mut [Option<Obj>], n: usize) -> bool {
    let Some((head, above)) = stack.split_first_mut() else { return false };
    let Some(seq) = head.as_deref() else { return false };
    if !is_exact(seq, types_known_made(seq).list_type) {
        return false;
    }
    // SAFETY: an exact list (just checked).
    let list = unsafe { crate::object::list::as_exact_list(seq) };
    // With a lock the fill runs directly: through `locked_briefly` it stayed an out-of-line
    // closure call (+2.4 M instructions on nbody).
    // Free-threaded, the fill is written twice (the brief hold, the section when the mutex is
    // taken) rather than passed to `locked_briefly`: there it stayed an out-of-line closure
    // (+8 M instructions on nbody).
    let lowest = if crate::object::attachment::free_threaded() {
        match crate::object::mutation::try_hold_briefly(seq) {
            Some(_hold) => fill_from_list(list.items_in_section(), above, n),
            None => unpack_list_locked(seq, list, above, n),
        }
    } else {
        fill_from_list(list.items_in_section(), above, n)
    };
    match lowest {
        Some(v) => {
            drop(std::mem::replace(head, v));
            true
        }
        None => false,
    }
}

/// [`unpack_list_onto`]'s fill in the list's critical section, when another thread (or a section
/// of this one) holds the list's mutex.
#[cold]
#[inline(never)]
fn unpack_list_locked(
    seq: &PyObject,
    list: &crate::object::list::ListObject,
    above: &mut [Option<Obj>],
    n: usize,
) -> Option<Option<Obj>> {
    crate::object::mutation::locked(seq, || fill_from_list(list.items_in_section(), above, n))
}

/// [`unpack_list_onto`]'s body, in the list's section: `None` when `items` are not `n`, else
/// `items[..n - 1]` written reversed into `above` and the last item (`None` for `n == 0`) for
/// the sequence's slot.
#[inline(always)]
fn fill_from_list(items: &[Obj], above: &mut [Option<Obj>], n: usize) -> Option<Option<Obj>> {
    if items.len() != n {
        return None;
    }
    let Some((last, rest)) = items.split_last() else { return Some(None) };
    // Two slices of one length: the zip compiles to one indexed loop.
    let Some(slots) = above.get_mut(..rest.len()) else { return None };
    for (slot, x) in slots.iter_mut().zip(rest.iter().rev()) {
        debug_assert!(slot.is_none(), "a stack slot above the stack pointer holds a value");
        *slot = Some(x.clone());
    }
    Some(Some(last.clone()))
}

// ---- LOAD_GLOBAL ----------------------------------------------------------------------------

/// `_Py_Specialize_LoadGlobal`: cache units after the counter: `i+2..i+3` the globals keys
/// version (builtin form), `i+4` the entry index.
pub(crate) fn specialize_load_global(
    code: &AdaptiveCode,
    i: usize,
    globals: &PyObject,
    builtins: &PyObject,
    name: &PyObject,
) {
    let (Some(g), Some(b)) = (as_dict(globals), as_dict(builtins)) else {
        return fail(code, i, Opcode::LOAD_GLOBAL);
    };
    if !is_exact(globals, types_known_made(globals).dict_type)
        || !is_exact(builtins, types_known_made(builtins).dict_type)
    {
        return fail(code, i, Opcode::LOAD_GLOBAL);
    }
    if let Some(ix) = g.index_of_identical(name) {
        return match u16::try_from(ix) {
            Ok(ix) => specialize_with(code, i, Opcode::LOAD_GLOBAL_MODULE, CacheWrites::none().unit(4, ix)),
            Err(_) => fail(code, i, Opcode::LOAD_GLOBAL),
        };
    }
    if g.get_str(name).is_some() {
        // Present under an equal but distinct key object.
        return fail(code, i, Opcode::LOAD_GLOBAL);
    }
    let version = g.keys_version();
    match b.index_of_identical(name).map(u16::try_from) {
        Some(Ok(ix)) if version != 0 => {
            specialize_with(code, i, Opcode::LOAD_GLOBAL_BUILTIN, CacheWrites::none().u32(2, version).unit(4, ix))
        }
        _ => fail(code, i, Opcode::LOAD_GLOBAL),
    }
}

/// `LOAD_GLOBAL_MODULE` / `LOAD_GLOBAL_BUILTIN`: the value, `None` on a miss.
#[inline(always)]
pub(crate) fn load_global(
    form: Opcode,
    code: &AdaptiveCode,
    i: usize,
    globals: &PyObject,
    builtins: &PyObject,
    name: &PyObject,
) -> Option<Obj> {
    code.acquire_caches();
    let ix = code.cache(i + 4) as usize;
    if form == Opcode::LOAD_GLOBAL_MODULE {
        crate::object::owned_read::hinted_value_ref(as_dict(globals)?, ix, name)
    } else {
        let version = code.cache_u32(i + 2);
        if !as_dict(globals)?.keys_version_is(version) {
            return None;
        }
        crate::object::owned_read::hinted_value_ref(as_dict(builtins)?, ix, name)
    }
}

// ---- LOAD_SUPER_ATTR ------------------------------------------------------------------------

/// `_Py_Specialize_LoadSuperAttr`: `super` is the builtin `super` and the class a type (the
/// zero-argument form's `__class__`, or the first argument of `super(C, obj)`).
pub(crate) fn specialize_load_super_attr(
    code: &AdaptiveCode,
    i: usize,
    global_super: &PyObject,
    class: &PyObject,
    oparg: u32,
) {
    if load_super_guard(global_super, class) {
        let form = if oparg & 1 != 0 { Opcode::LOAD_SUPER_ATTR_METHOD } else { Opcode::LOAD_SUPER_ATTR_ATTR };
        specialize(code, i, form);
    } else {
        fail(code, i, Opcode::LOAD_SUPER_ATTR);
    }
}

/// The guard of `LOAD_SUPER_ATTR_ATTR` / `_METHOD` (CPython's two `DEOPT_IF`s): the name
/// `super` still means the builtin type, and the class operand is a type. The form then looks
/// the name up as the generic instruction does after the same two tests, without making a
/// `super` object.
#[inline(always)]
pub(crate) fn load_super_guard(global_super: &PyObject, class: &PyObject) -> bool {
    let t = types_known_made(global_super);
    global_super.is(t.descr.super_type.as_object()) && as_type(class).is_some()
}

// ---- LOAD_ATTR / STORE_ATTR: `specialize_attr.rs` -------------------------------------------

pub(crate) use super::specialize_attr::{
    load_attr, specialize_load_attr, specialize_store_attr, store_attr, store_attr_guard,
};

// ---- CALL -----------------------------------------------------------------------------------

/// The function a call with `nargs` positional arguments (self included) can enter with its
/// arguments moved straight into the new frame (`_CHECK_FUNCTION_EXACT_ARGS`): no defaults
/// needed, no `*args`/`**kwargs`, no keyword-only parameters — and a plain function, for the
/// forms that enter a property getter or an `__init__` (a generator or coroutine function
/// there takes the generic path). The `CALL` forms take generator functions too
/// ([`exact_args_call`]).
#[inline(always)]
pub(crate) fn exact_args_function(callable: &PyObject, nargs: usize) -> Option<&FunctionObject> {
    const MAKES_GENERATOR: CodeFlags = CodeFlags::GENERATOR
        .union(CodeFlags::COROUTINE)
        .union(CodeFlags::ITERABLE_COROUTINE)
        .union(CodeFlags::ASYNC_GENERATOR);
    let f = exact_args_call(callable, nargs)?;
    (f.code_obj().code.flags.0 & MAKES_GENERATOR.0 == 0).then_some(f)
}

/// [`exact_args_function`] for the `CALL` forms (`CALL_PY_EXACT_ARGS`,
/// `CALL_BOUND_METHOD_EXACT_ARGS`, the `*_GENERAL` ones through [`positional_args_function`]):
/// generator, coroutine and async generator functions too, as CPython 3.13's
/// `CALL_PY_EXACT_ARGS` — their frame is entered like any other and its first instruction,
/// `RETURN_GENERATOR`, returns the new generator to the caller (a `list(x for x in xs)` in a
/// loop binds no argument vector for its generator expression's function).
#[inline(always)]
pub(crate) fn exact_args_call(callable: &PyObject, nargs: usize) -> Option<&FunctionObject> {
    let f = as_function(callable)?;
    // `CodeObj::exact_args`: the argument count when the code qualifies, else no count.
    (f.code_obj().exact_args as usize == nargs).then_some(f)
}

/// Like [`exact_args_call`], but the trailing parameters the call leaves out may come from
/// the function's defaults (`f(x)` for `def f(x, i=0)`): the function, with the positional
/// `nargs` in `argcount - len(__defaults__) ..= argcount`. The frame is entered the same way,
/// the defaults copied after the arguments (3.12's `CALL_PY_WITH_DEFAULTS`; 3.13 files such
/// calls under `CALL_PY_GENERAL`).
#[inline(always)]
pub(crate) fn positional_args_function(callable: &PyObject, nargs: usize) -> Option<&FunctionObject> {
    if let Some(f) = exact_args_call(callable, nargs) {
        return Some(f);
    }
    let f = as_function(callable)?;
    let co = &f.code_obj().code;
    let argcount = co.argcount as usize;
    let ndefaults = f.defaults_len();
    (nargs < argcount && nargs + ndefaults >= argcount && exact_args_call(callable, argcount).is_some()).then_some(f)
}

/// The interned `"__init__"`, looked up once (interning takes the table's lock).
fn init_name() -> &'static PyObject {
    static INIT: std::sync::OnceLock<usize> = std::sync::OnceLock::new();
    let addr = *INIT.get_or_init(|| &crate::object::intern("__init__").ob_base as *const PyObject as usize);
    // SAFETY: interned strings are immortal and process-wide, so the address stays valid.
    unsafe { &*(addr as *const PyObject) }
}

/// The `__init__` to enter for `cls(*args)` (`CALL_ALLOC_AND_ENTER_INIT`): `cls` is a class
/// made by `type` whose instances come from `object.__new__`, and whose `__init__` is a Python
/// function taking the instance and `argc` arguments exactly. Read through the class's
/// `init_hint` while its version tag is the one the hint was taken under (CPython's
/// `_spec_cache.init`, guarded by `tp_version_tag`), else looked up (so the form is correct
/// whatever the hint says, in every interpreter kind).
#[inline]
pub(crate) fn init_for_alloc(callable: &PyObject, argc: usize) -> Option<Obj> {
    let ty = as_type(callable)?;
    if !is_exact(callable, types_known_made(callable).type_type) || !ty.is_heap() {
        return None;
    }
    if !ty.new.is_some_and(allocates_for_init) {
        return None;
    }
    let init = hinted_init(ty).or_else(|| lookup(ty, init_name()))?;
    exact_args_function(&init, argc + 1)?;
    Some(init)
}

/// Whether `new` is a `__new__` that [`alloc_for_init`] runs: `object.__new__`, or
/// `BaseException.__new__` (an exception class with an `__init__` of its own, `class
/// AppError(Exception)`, whose call CPython runs through `type_call` and `slot_tp_init`, a
/// second evaluation loop).
#[inline(always)]
fn allocates_for_init(new: crate::object::typeobj::NewFn) -> bool {
    std::ptr::fn_addr_eq(new, crate::object::classobj::object_new as crate::object::typeobj::NewFn)
        || std::ptr::fn_addr_eq(new, crate::object::exceptions::exc_new as crate::object::typeobj::NewFn)
}

/// The instance `cls(*args)` makes before `CALL_ALLOC_AND_ENTER_INIT` enters its `__init__`
/// (`cls` passed [`init_for_alloc`]): `object.__new__(cls)`, or `BaseException.__new__(cls,
/// *args)`, which keeps the arguments as the exception's `args`, as `type_call` would.
#[inline]
pub(crate) fn alloc_for_init(ty: &TypeObject, args: &[Obj]) -> crate::error::PyResult<Obj> {
    match ty.new {
        Some(new) if std::ptr::fn_addr_eq(new, crate::object::exceptions::exc_new as crate::object::typeobj::NewFn) => {
            new(ty, args, None)
        }
        _ => crate::object::classobj::object_new(ty, &[], None),
    }
}

/// The class's `__init__` through its `init_hint`, `None` when the hint is not the current
/// version tag's (the class or a base changed since) or its entry is not `__init__`: read as
/// the class-attribute forms read theirs (`class_entry`: the tag checked before and after the
/// dict read, with an `Acquire` fence between).
#[inline(always)]
fn hinted_init(ty: &TypeObject) -> Option<Obj> {
    let hint = ty.init_hint.load(std::sync::atomic::Ordering::Relaxed);
    let version = (hint >> 32) as u32;
    if version == 0 {
        return None;
    }
    super::specialize_attr::class_entry(ty, version, (hint >> 16) as u16 as usize, hint as u16 as usize, init_name())
}

/// Leaves in the class the hint to its `__init__` for [`hinted_init`] (when `CALL` is
/// specialised to `CALL_ALLOC_AND_ENTER_INIT`): under a version tag taken first, so that a
/// change of the class or a base made meanwhile has taken that tag away again.
fn remember_init(callable: &PyObject) {
    let Some(ty) = as_type(callable) else { return };
    let version = ty.version_for_cache();
    if version == 0 {
        return;
    }
    if let Some((pos, ix)) = super::specialize_attr::mro_hint(ty, init_name()) {
        let hint = (u64::from(version) << 32) | (u64::from(pos) << 16) | u64::from(ix);
        ty.init_hint.store(hint, std::sync::atomic::Ordering::Relaxed);
    }
}

/// The builtin functions with a form of their own, by address (immortal, process-wide).
fn builtin_addr(cell: &'static std::sync::OnceLock<usize>, name: &str) -> usize {
    *cell.get_or_init(|| crate::modules::builtins::builtin_function(name).map_or(0, |o| o as *const PyObject as usize))
}

/// Whether `callable` is the builtin `len`.
#[inline(always)]
pub(crate) fn is_builtin_len(callable: &PyObject) -> bool {
    static LEN: std::sync::OnceLock<usize> = std::sync::OnceLock::new();
    callable as *const PyObject as usize == builtin_addr(&LEN, "len")
}

/// Whether `callable` is the builtin `isinstance`.
#[inline(always)]
pub(crate) fn is_builtin_isinstance(callable: &PyObject) -> bool {
    static ISINSTANCE: std::sync::OnceLock<usize> = std::sync::OnceLock::new();
    callable as *const PyObject as usize == builtin_addr(&ISINSTANCE, "isinstance")
}

/// The native function behind a builtin function object that is not bound to a receiver
/// (`CALL_BUILTIN_FAST`: called with the argument vector as it sits on the stack).
#[inline(always)]
pub(crate) fn unbound_builtin(callable: &PyObject) -> Option<crate::object::builtin::NativeFn> {
    if !is_exact(callable, types_known_made(callable).builtin_function_type) {
        return None;
    }
    // SAFETY: builtin function objects are BuiltinFunction.
    let f = unsafe { callable.cast::<crate::object::builtin::BuiltinFunction>() };
    // A bound instance or class method receives its receiver first, which the fast path does not
    // pass: only functions that take nothing extra (module functions, static methods) qualify.
    (f.self_.is_none() || f.def.kind == crate::object::builtin::MethodKind::Static).then_some(f.def.func)
}

/// The native function behind a method descriptor called with its receiver first
/// (`CALL_METHOD_DESCRIPTOR_FAST`), when the receiver is of the descriptor's type.
#[inline(always)]
pub(crate) fn method_descriptor_for(
    callable: &PyObject,
    receiver: &PyObject,
) -> Option<crate::object::builtin::NativeFn> {
    if !is_exact(callable, types_known_made(callable).method_descriptor_type) {
        return None;
    }
    // SAFETY: method descriptors are MethodDescr.
    let d = unsafe { callable.cast::<crate::object::builtin::MethodDescr>() };
    (d.def.kind == crate::object::builtin::MethodKind::Instance && receiver.type_object().is_subtype(d.owner))
        .then_some(d.def.func)
}

/// The guard of `CALL_PY_EXACT_ARGS` / `CALL_BOUND_METHOD_EXACT_ARGS` / `CALL_PY_GENERAL` (a
/// positional call filled up from defaults) / `CALL_BOUND_METHOD_GENERAL` (the same through a
/// bound method) over the stack `[callable, self_or_null, args...]`
/// ending at `sp`.
#[inline(always)]
pub(crate) fn call_exact_guard(form: Opcode, values: &[Option<Obj>], sp: usize, argc: usize) -> bool {
    let callable_at = sp - argc - 2;
    debug_assert!(callable_at + 1 < sp && sp <= values.len());
    // SAFETY: the call window `[callable, self_or_null, args...]` lies below the stack pointer,
    // inside the frame's window: the compiler's stack effects put it there before every `CALL`
    // (as `pop!`/`peek!` read below the stack pointer unchecked; debug builds check it).
    let (callable, self_or_null) =
        unsafe { (values.get_unchecked(callable_at), values.get_unchecked(callable_at + 1)) };
    let Some(callable) = callable.as_deref() else { return false };
    let has_self = self_or_null.is_some();
    match form {
        Opcode::CALL_BOUND_METHOD_EXACT_ARGS => {
            !has_self && as_method(callable).is_some_and(|m| exact_args_call(&m.func, argc + 1).is_some())
        }
        Opcode::CALL_BOUND_METHOD_GENERAL => {
            !has_self && as_method(callable).is_some_and(|m| positional_args_function(&m.func, argc + 1).is_some())
        }
        Opcode::CALL_PY_GENERAL => positional_args_function(callable, argc + usize::from(has_self)).is_some(),
        _ => exact_args_call(callable, argc + usize::from(has_self)).is_some(),
    }
}

/// What a native call form runs (the guard's finding).
pub(crate) enum NativeCall {
    /// `len(x)`.
    Len,
    /// `isinstance(x, class)` for a plain class.
    IsInstance(&'static TypeObject),
    /// `type(x)`.
    TypeOf,
    /// `str(x)`.
    StrOf,
    /// A builtin function or method descriptor, called with the arguments as they are.
    Native(crate::object::builtin::NativeFn),
    /// `CALL_BUILTIN_CLASS` and `CALL_NON_PY_GENERAL`: the callable's own call (`ops::call`),
    /// without the generic arm's tests for Python functions and bound methods.
    Call,
}

/// Whether `callable` is a builtin class called through `type.__call__` (`CALL_BUILTIN_CLASS`:
/// `int(x)`, `KeyError(k)`, `tuple(xs)`, ...): a static type whose metatype is `type` itself,
/// other than `type` (whose one- and three-argument calls are other forms) and `str`
/// (`CALL_STR_1`), that can make instances.
#[inline(always)]
pub(crate) fn is_builtin_class(callable: &PyObject) -> bool {
    let t = types_known_made(callable);
    is_exact(callable, t.type_type)
        && as_type(callable).is_some_and(|c| {
            !c.is_heap() && c.new.is_some() && !std::ptr::eq(c, t.type_type) && !std::ptr::eq(c, t.str_type)
        })
}

/// Whether `callable` is called by `CALL_NON_PY_GENERAL` (CPython's two `DEOPT_IF`s): neither a
/// Python function nor a bound method (which the generic arm unpacks to enter a frame).
#[inline(always)]
pub(crate) fn is_non_py_callable(callable: &PyObject) -> bool {
    as_function(callable).is_none() && as_method(callable).is_none()
}

/// The guard of `CALL_LEN`, `CALL_ISINSTANCE`, `CALL_TYPE_1`, `CALL_STR_1`, `CALL_BUILTIN_O`, `CALL_BUILTIN_FAST` and
/// `CALL_METHOD_DESCRIPTOR_FAST` over the stack `[callable, self_or_null, args...]`.
#[inline(always)]
pub(crate) fn call_native_guard(form: Opcode, values: &[Option<Obj>], sp: usize, argc: usize) -> Option<NativeCall> {
    let callable_at = sp - argc - 2;
    let callable = values[callable_at].as_deref()?;
    let has_self = values[callable_at + 1].is_some();
    let args_start = if has_self { callable_at + 1 } else { callable_at + 2 };
    let nargs = sp - args_start;
    let arg = |k: usize| values[args_start + k].as_deref();
    match form {
        Opcode::CALL_LEN if nargs == 1 && is_builtin_len(callable) => Some(NativeCall::Len),
        Opcode::CALL_ISINSTANCE if nargs == 2 && is_builtin_isinstance(callable) => {
            let class = arg(1)?;
            if !is_exact(class, types_known_made(class).type_type) {
                return None;
            }
            // SAFETY: an exact `type` instance is a TypeObject; the stack keeps it alive while
            // the call runs, and the reference does not outlive the instruction.
            Some(NativeCall::IsInstance(unsafe { &*(as_type(class)? as *const TypeObject) }))
        }
        Opcode::CALL_TYPE_1 if nargs == 1 && !has_self && callable.is(types().type_type.as_object()) => {
            Some(NativeCall::TypeOf)
        }
        Opcode::CALL_STR_1
            if nargs == 1 && !has_self && callable.is(types_known_made(callable).str_type.as_object()) =>
        {
            Some(NativeCall::StrOf)
        }
        Opcode::CALL_BUILTIN_O if nargs == 1 && !has_self => unbound_builtin(callable).map(NativeCall::Native),
        Opcode::CALL_BUILTIN_FAST if !has_self => unbound_builtin(callable).map(NativeCall::Native),
        Opcode::CALL_METHOD_DESCRIPTOR_FAST if nargs > 0 => {
            method_descriptor_for(callable, arg(0)?).map(NativeCall::Native)
        }
        Opcode::CALL_BUILTIN_CLASS if !has_self && is_builtin_class(callable) => Some(NativeCall::Call),
        Opcode::CALL_NON_PY_GENERAL if is_non_py_callable(callable) => Some(NativeCall::Call),
        _ => None,
    }
}

/// Whether `callable` is the `list.append` method descriptor.
#[inline(always)]
fn is_list_append(callable: &PyObject) -> bool {
    is_exact(callable, types_known_made(callable).method_descriptor_type) && {
        // SAFETY: method descriptors are MethodDescr.
        let d = unsafe { callable.cast::<crate::object::builtin::MethodDescr>() };
        crate::object::list_methods::is_list_append(d.def)
    }
}

/// Whether `callable` is the generator type's `send` method descriptor (`CALL_GEN_SEND`, a
/// pyrt form: the generator's frame is resumed in the running loop, see `generator`).
#[inline(always)]
fn is_gen_send(callable: &PyObject) -> bool {
    is_exact(callable, types_known_made(callable).method_descriptor_type) && {
        // SAFETY: method descriptors are MethodDescr.
        let d = unsafe { callable.cast::<crate::object::builtin::MethodDescr>() };
        crate::object::generator::is_gen_send(d.def)
    }
}

/// The guard of `CALL_LIST_APPEND` over the stack `[callable, self, item]` ending at `sp`
/// (CPython's: the callable is `list.append`, the receiver a list or a list subclass's
/// instance, one argument).
#[inline(always)]
pub(crate) fn list_append_guard(values: &[Option<Obj>], sp: usize, argc: usize) -> bool {
    if argc != 1 || sp < 3 {
        return false;
    }
    let (Some(callable), Some(receiver)) = (values[sp - 3].as_deref(), values[sp - 2].as_deref()) else {
        return false;
    };
    is_list_append(callable) && crate::object::list::as_list(receiver).is_some()
}

/// The guard of `CALL_ALLOC_AND_ENTER_INIT`: the `__init__` to enter.
#[inline(always)]
pub(crate) fn init_for_alloc_guard(values: &[Option<Obj>], sp: usize, argc: usize) -> Option<Obj> {
    let callable_at = sp - argc - 2;
    if values[callable_at + 1].is_some() {
        return None;
    }
    init_for_alloc(values[callable_at].as_deref()?, argc)
}

/// `_Py_Specialize_Call` (Python functions and bound methods with exact arguments).
pub(crate) fn specialize_call(code: &AdaptiveCode, i: usize, callable: &PyObject, has_self: bool, argc: usize) {
    let nargs = argc + usize::from(has_self);
    let form = if exact_args_call(callable, nargs).is_some() {
        Some(Opcode::CALL_PY_EXACT_ARGS)
    } else if positional_args_function(callable, nargs).is_some() {
        Some(Opcode::CALL_PY_GENERAL)
    } else if !has_self && init_for_alloc(callable, argc).is_some() {
        remember_init(callable);
        Some(Opcode::CALL_ALLOC_AND_ENTER_INIT)
    } else if is_builtin_len(callable) && nargs == 1 {
        Some(Opcode::CALL_LEN)
    } else if is_builtin_isinstance(callable) && nargs == 2 {
        Some(Opcode::CALL_ISINSTANCE)
    } else if std::ptr::eq(callable, types().type_type.as_object()) && nargs == 1 {
        Some(Opcode::CALL_TYPE_1)
    } else if std::ptr::eq(callable, types().str_type.as_object()) && nargs == 1 && !has_self {
        Some(Opcode::CALL_STR_1)
    } else if unbound_builtin(callable).is_some() && !has_self {
        Some(if argc == 1 { Opcode::CALL_BUILTIN_O } else { Opcode::CALL_BUILTIN_FAST })
    } else if !has_self && is_builtin_class(callable) {
        Some(Opcode::CALL_BUILTIN_CLASS)
    } else if has_self && argc == 1 && is_list_append(callable) {
        Some(Opcode::CALL_LIST_APPEND)
    } else if has_self && argc == 1 && is_gen_send(callable) {
        Some(Opcode::CALL_GEN_SEND)
    } else if is_exact(callable, types_known_made(callable).method_descriptor_type) && has_self {
        Some(Opcode::CALL_METHOD_DESCRIPTOR_FAST)
    } else if let Some(m) = as_method(callable).filter(|_| !has_self) {
        if exact_args_call(&m.func, argc + 1).is_some() {
            Some(Opcode::CALL_BOUND_METHOD_EXACT_ARGS)
        } else {
            positional_args_function(&m.func, argc + 1).map(|_| Opcode::CALL_BOUND_METHOD_GENERAL)
        }
    } else if is_non_py_callable(callable) {
        // Anything else that is not Python code: a bound builtin, an instance with `__call__`,
        // a class whose `__init__` is not entered as a frame, ...
        Some(Opcode::CALL_NON_PY_GENERAL)
    } else {
        None
    };
    match form {
        Some(f) => specialize(code, i, f),
        None => fail(code, i, Opcode::CALL),
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::object::int::new_int;

    fn op(o: Opcode, arg: u16) -> u16 {
        u16::from(o.code_byte().unwrap()) | (arg << 8)
    }

    #[test]
    fn failure_backs_off_and_success_cools_down() {
        let code = AdaptiveCode::quicken(&[op(Opcode::BINARY_OP, 0), 0]);
        specialize(&code, 0, Opcode::BINARY_OP_ADD_INT);
        assert_eq!(code.opcode_unit(0) & 0xff, u16::from(Opcode::BINARY_OP_ADD_INT.code_byte().unwrap()));
        assert_eq!(code.opcode_unit(0) >> 8, 0, "the oparg is kept");
        assert_eq!(code.counter(1), Counter::cooldown());
        code.set_counter(1, Counter::new(0, 1));
        fail(&code, 0, Opcode::BINARY_OP);
        assert_eq!(code.opcode_unit(0) & 0xff, u16::from(Opcode::BINARY_OP.code_byte().unwrap()));
        assert_eq!(code.counter(1), Counter::new(3, 2));
    }

    /// Runs `src` as `__main__` in a new interpreter of `config`: the repr of its global
    /// `result`, and the instructions of its function `f` after the run (also used by
    /// `specialize_attr`'s tests).
    pub(crate) fn run_in(config: crate::InterpreterConfig, src: &str) -> (String, Vec<Opcode>) {
        crate::Runtime::initialize();
        let interp = crate::Interpreter::new(config).expect("an interpreter");
        interp
            .attach(|_py| {
                let code = pyrt_compile::compile(src, "<spec>", pyrt_compile::Mode::Module).expect("compiles");
                let globals = crate::eval::run_module(code, "__main__", "<spec>").expect("runs");
                let g = as_dict(&globals).expect("a dict");
                let result = g.get_str(&crate::object::intern("result").ob_base).expect("a result");
                let text = crate::object::abstract_ops::repr_text(&result).expect("a repr");
                let f = g.get_str(&crate::object::intern("f").ob_base).expect("a function f");
                let code = crate::object::code::as_code(&as_function(&f).expect("a function").code).expect("code");
                let mut ops = Vec::new();
                let mut i = 0;
                while i < code.adaptive.len() {
                    let op = Opcode::from_u8((code.adaptive.opcode_unit(i) & 0xff) as u8).expect("an opcode");
                    ops.push(op);
                    i += 1 + op.cache_entries();
                }
                (text, ops)
            })
            .expect("attached")
    }

    const PROGRAM: &str = "\
class P:
    def __init__(self, x):
        self.x = x
    def get(self):
        return self.x
def f(p, items, n):
    t = 0
    for i in range(n):
        t = t + p.x + items[i % 2] + len(items)
        t = t + p.get()
        a, b = list(items)
    return t + a - a
p = P(3)
result = [f(p, [1, 2], 10)]
P.get = lambda self: 100
result.append(f(p, [1, 2], 10))
p.x = 2.5
result.append(f(p, (1, 2), 4))
result.append(f(p, [2**62, 2**62], 3))
";

    #[test]
    fn specialises_and_deoptimises_in_every_interpreter_kind() {
        let expected = "[95, 1065, 424.0, 1.3835058055282164e+19]";
        let (with_lock, ops) = run_in(crate::InterpreterConfig::isolated(), PROGRAM);
        assert_eq!(with_lock, expected);
        // Instructions that saw one kind of operand at the end stay specialised for it.
        for form in
            [Opcode::LOAD_ATTR_INSTANCE_VALUE, Opcode::LOAD_ATTR_METHOD_WITH_VALUES, Opcode::LOAD_GLOBAL_BUILTIN]
        {
            assert!(ops.contains(&form), "{form:?} in {ops:?}");
        }
        assert!(ops.contains(&Opcode::FOR_ITER_RANGE), "{ops:?}");
        assert!(ops.contains(&Opcode::UNPACK_SEQUENCE_LIST), "{ops:?}");
        let (free_threaded, ops) = run_in(crate::InterpreterConfig::free_threaded(), PROGRAM);
        assert_eq!(free_threaded, expected);
        // Free-threaded: every form, the ones with multi-unit caches included.
        for form in [
            Opcode::FOR_ITER_RANGE,
            Opcode::UNPACK_SEQUENCE_LIST,
            Opcode::LOAD_ATTR_INSTANCE_VALUE,
            Opcode::LOAD_ATTR_METHOD_WITH_VALUES,
            Opcode::LOAD_GLOBAL_BUILTIN,
        ] {
            assert!(ops.contains(&form), "{form:?} in {ops:?}");
        }
    }

    #[test]
    fn version_tags_reach_subclasses_and_keys_versions_follow_key_sets() {
        crate::Runtime::initialize();
        let interp = crate::Interpreter::new(crate::InterpreterConfig::isolated()).expect("an interpreter");
        interp
            .attach(|_py| {
                let src = "class A:\n    pass\nclass B(A):\n    pass\nclass C:\n    pass\n";
                let code = pyrt_compile::compile(src, "<spec>", pyrt_compile::Mode::Module).expect("compiles");
                let globals = crate::eval::run_module(code, "__main__", "<spec>").expect("runs");
                let g = as_dict(&globals).expect("a dict");
                let class = |n: &str| g.get_str(&crate::object::intern(n).ob_base).expect("a class");
                let (a, b, c) = (class("A"), class("B"), class("C"));
                let (a, b, c) = (as_type(&a).unwrap(), as_type(&b).unwrap(), as_type(&c).unwrap());
                let (va, vb, vc) = (a.version(), b.version(), c.version());
                assert!(va != vb && vb != vc && va != vc, "tags are unique");
                crate::object::typeobj::modified(a);
                assert_ne!(a.version(), va);
                assert_ne!(b.version(), vb, "a subclass sees its base's change");
                assert_eq!(c.version(), vc, "an unrelated class keeps its tag");

                let d1 = crate::object::dict::new_dict().unwrap();
                let d2 = crate::object::dict::new_dict().unwrap();
                let (d1, d2) = (as_dict(&d1).unwrap(), as_dict(&d2).unwrap());
                let k1 = d1.keys_version();
                assert!(d1.keys_version_is(k1));
                assert_eq!(d1.keys_version(), k1, "stable while the key set is");
                assert_ne!(d2.keys_version(), k1, "unique across dicts");
                let key = Obj::new_ref(&crate::object::intern("x").ob_base);
                d1.set(key.clone(), new_int(1).unwrap()).unwrap();
                assert!(!d1.keys_version_is(k1), "a new key invalidates");
                let k2 = d1.keys_version();
                d1.set(key.clone(), new_int(2).unwrap()).unwrap();
                assert!(d1.keys_version_is(k2), "a new value keeps the key set");
                let ix = d1.index_of_identical(&key).expect("the key");
                assert_eq!(d1.value_ref_at_if_key(ix, &key).and_then(|v| crate::object::int::small_value(&v)), Some(2));
                assert!(d1.value_ref_at_if_key(ix + 1, &key).is_none(), "a wrong hint misses");
            })
            .expect("attached");
    }

    #[test]
    fn a_builtin_called_with_one_argument_gets_its_own_form() {
        let src = "\
def f(n):
    t = 0
    for i in range(n):
        t = t + abs(-i) + max(i, 1)
    return t
result = [f(10)]
abs = lambda x: 1000
result.append(f(2))
";
        let (text, ops) = run_in(crate::InterpreterConfig::isolated(), src);
        assert_eq!(text, "[91, 2002]");
        assert!(ops.contains(&Opcode::CALL_BUILTIN_FAST), "{ops:?}");
        let (text, ops) = run_in(
            crate::InterpreterConfig::isolated(),
            "def f(n):\n    return [abs(-i) for i in range(n)]\nresult = f(5)\n",
        );
        assert_eq!(text, "[0, 1, 2, 3, 4]");
        assert!(ops.contains(&Opcode::CALL_BUILTIN_O), "{ops:?}");
    }

    #[test]
    fn a_bound_method_object_with_defaults_gets_the_general_form() {
        let src = "\
class A:
    def __init__(self):
        self.k = 10
    def m(self, x, y=1):
        return self.k * x + y
def f(n):
    bm = A().m
    return [bm(i) for i in range(n)]
result = f(6)
";
        let (text, ops) = run_in(crate::InterpreterConfig::isolated(), src);
        assert_eq!(text, "[1, 11, 21, 31, 41, 51]");
        assert!(ops.contains(&Opcode::CALL_BOUND_METHOD_GENERAL), "{ops:?}");
    }

    #[test]
    fn super_loads_get_their_forms_and_miss_when_super_is_rebound() {
        let src = "\
class A:
    def m(self):
        return 1
    k = 10
class B(A):
    def m(self):
        return super().m() + super().k
def f(b, n):
    return [b.m() for i in range(n)]
def g(b, n):
    t = 0
    for i in range(n):
        t += super(B, b).m()
    return t
result = [sum(f(B(), 10))]
f = B.m
A.m = lambda self: 5
result.append(B().m())
import builtins
real = builtins.super
builtins.super = lambda *a: A()
result.append(B().m())
builtins.super = real
";
        for config in [crate::InterpreterConfig::isolated(), crate::InterpreterConfig::free_threaded()] {
            let (text, ops) = run_in(config, src);
            assert_eq!(text, "[110, 15, 15]");
            assert!(ops.contains(&Opcode::LOAD_SUPER_ATTR_METHOD), "{ops:?}");
            assert!(ops.contains(&Opcode::LOAD_SUPER_ATTR_ATTR), "{ops:?}");
        }
    }

    #[test]
    fn a_str_extended_in_its_local_gets_the_inplace_form() {
        let src = "\
def f(parts):
    s = '-'
    kept = []
    for p in parts:
        s += p
        t = s + '.'
        if len(s) == 7:
            kept.append(s)
    return s, t, kept
result = [f(['ab', 'c'] * 30)]
result.append(f(['x', 'y', 7][:2] * 3))
try:
    f(['ab'] * 3 + [1])
except TypeError as e:
    result.append(str(e))
";
        let s = "-".to_owned() + &"abc".repeat(30);
        let expected = format!(
            "[('{s}', '{s}.', ['-abcabc']), ('-xyxyxy', '-xyxyxy.', ['-xyxyxy']), \
             'can only concatenate str (not \"int\") to str']"
        );
        for config in [crate::InterpreterConfig::isolated(), crate::InterpreterConfig::free_threaded()] {
            let (text, ops) = run_in(config, src);
            assert_eq!(text, expected);
            assert!(ops.contains(&Opcode::BINARY_OP_INPLACE_ADD_UNICODE), "{ops:?}");
            assert!(ops.contains(&Opcode::BINARY_OP_ADD_UNICODE), "`t = s + '.'` stores elsewhere: {ops:?}");
        }
    }

    #[test]
    fn augmented_list_items_get_their_forms_and_miss_on_other_containers() {
        // `v[i] op= x` runs `COPY 2; COPY 2` and `SWAP 3; SWAP 2` fused (untraced), the list
        // item read and store specialised; a dict, a negative index and an int list miss.
        let src = "\
def f(v, n):
    for i in range(n):
        v[i % 3] -= 0.5
        v[i % 3] *= 2.0
    return v
result = [f([1.0, 2.0, 3.0], 60)]
result.append(f({0: 1.0, 1: 2.0, 2: 3.0}, 3))
result.append(f([1, 2, 3], 3))
result.append(f([1.0, 2.0, 3.0], 60))
";
        let expected = "[[1.0, 1048577.0, 2097153.0], {0: 1.0, 1: 3.0, 2: 5.0}, [1.0, 3.0, 5.0], \
                        [1.0, 1048577.0, 2097153.0]]";
        for config in [crate::InterpreterConfig::isolated(), crate::InterpreterConfig::free_threaded()] {
            let (text, ops) = run_in(config, src);
            assert_eq!(text, expected);
            for form in [Opcode::BINARY_SUBSCR_LIST_INT, Opcode::STORE_SUBSCR_LIST_INT] {
                assert!(ops.contains(&form), "{form:?} in {ops:?}");
            }
        }
    }

    #[test]
    fn copy_and_swap_fuse_only_their_second_halves() {
        assert!(is_copy_2(op(Opcode::COPY, 2)));
        assert!(!is_copy_2(op(Opcode::COPY, 1)));
        assert!(!is_copy_2(op(Opcode::SWAP, 2)));
        assert!(is_swap_2(op(Opcode::SWAP, 2)));
        assert!(!is_swap_2(op(Opcode::SWAP, 3)));
        assert!(!is_swap_2(op(Opcode::COPY, 2)));
    }

    #[test]
    fn list_append_gets_its_form_and_misses_on_other_receivers() {
        let src = "\
class D:
    def __init__(self):
        self.items = []
    def append(self, x):
        self.items.append(-x)
def f(target, n):
    for i in range(n):
        target.append(i)
    return target
result = [f([], 70)[-1]]
d = D()
result.append(f(d, 3).items)
result.append(len(f([], 70)))
";
        for config in [crate::InterpreterConfig::isolated(), crate::InterpreterConfig::free_threaded()] {
            let (text, ops) = run_in(config, src);
            assert_eq!(text, "[69, [0, -1, -2], 70]");
            assert!(ops.contains(&Opcode::CALL_LIST_APPEND), "{ops:?}");
        }
    }

    #[test]
    fn builtin_classes_other_callables_and_slotted_class_attributes_get_their_forms() {
        let src = "\
class Adder:
    def __call__(self, x):
        return x + 1
class P:
    __slots__ = ('x',)
    k = 3
    def __init__(self, x):
        self.x = x
def f(n, add, p):
    t = 0
    for i in range(n):
        t += int(float(i)) + add(i) + p.k
    return t
result = [f(10, Adder(), P(1))]
P.k = 4
result.append(f(10, abs, P(1)))
";
        for config in [crate::InterpreterConfig::isolated(), crate::InterpreterConfig::free_threaded()] {
            let (text, ops) = run_in(config, src);
            assert_eq!(text, "[130, 130]");
            assert!(ops.contains(&Opcode::CALL_BUILTIN_CLASS), "{ops:?}");
            assert!(ops.contains(&Opcode::CALL_NON_PY_GENERAL), "{ops:?}");
            assert!(ops.contains(&Opcode::LOAD_ATTR_NONDESCRIPTOR_NO_DICT), "{ops:?}");
        }
    }

    #[test]
    fn compare_follows_the_oparg_order() {
        // oparg >> 5: Lt, Le, Eq, Ne, Gt, Ge
        let r: Vec<bool> = (0..6).map(|o| compare(&1, &2, o)).collect();
        assert_eq!(r, [true, true, false, true, false, false]);
        assert!(compare("a", "a", 2));
    }
}
