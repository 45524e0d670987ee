//! The intrinsic functions of `CALL_INTRINSIC_1` / `CALL_INTRINSIC_2` that need more than a
//! line (CPython 3.13's `Python/intrinsics.c`).
//!
//! `CALL_INTRINSIC_1`: 1 `PRINT` (interactive echo), 2 `IMPORT_STAR`, 3 `STOPITERATION_ERROR`,
//! 4 `ASYNC_GEN_WRAP`, 5 `UNARY_POSITIVE`, 6 `LIST_TO_TUPLE`, 7 `TYPEVAR`, 8 `PARAMSPEC`,
//! 9 `TYPEVARTUPLE`, 10 `SUBSCRIPT_GENERIC`, 11 `TYPEALIAS`. `CALL_INTRINSIC_2`:
//! 1 `PREP_RERAISE_STAR` ([`crate::object::exception_group::prep_reraise_star`]),
//! 2 `TYPEVAR_WITH_BOUND`, 3 `TYPEVAR_WITH_CONSTRAINTS`, 4 `SET_FUNCTION_TYPE_PARAMS`,
//! 5 `SET_TYPEPARAM_DEFAULT`. The PEP 695 ones (type parameters) need `typing`'s objects,
//! which pyrt does not have yet.

use pyrt_compile::CodeFlags;

use crate::error::PyResult;
use crate::object::abstract_ops as ops;
use crate::object::exception_group::given_exception_matches;
use crate::object::obj::Obj;
use crate::object::str::new_str;
use crate::object::{PyObject, intern, types};

/// `STOPITERATION_ERROR` (PEP 479): the exception to re-raise when `exc` leaks out of a
/// generator, coroutine or async generator whose code has `flags`. A `StopIteration` (or a
/// `StopAsyncIteration` from an async generator) becomes a `RuntimeError` with `exc` as its
/// cause and context; anything else is returned unchanged.
pub(crate) fn stopiteration_error(exc: &PyObject, flags: CodeFlags) -> PyResult<Obj> {
    let exc_type = |name| types().exc.named(name).as_object();
    let async_gen = flags.contains(CodeFlags::ASYNC_GENERATOR);
    let msg = if given_exception_matches(exc, exc_type("StopIteration")) {
        Some(if async_gen {
            "async generator raised StopIteration"
        } else if flags.contains(CodeFlags::COROUTINE) {
            "coroutine raised StopIteration"
        } else {
            "generator raised StopIteration"
        })
    } else if async_gen && given_exception_matches(exc, exc_type("StopAsyncIteration")) {
        Some("async generator raised StopAsyncIteration")
    } else {
        None
    };
    let Some(msg) = msg else { return Ok(Obj::new_ref(exc)) };
    let error = ops::call(exc_type("RuntimeError"), &[new_str(msg)?], None)?;
    ops::set_attr(&error, &intern("__cause__").ob_base, Some(exc))?;
    ops::set_attr(&error, &intern("__context__").ob_base, Some(exc))?;
    Ok(error)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stop_iteration_becomes_runtime_error_and_others_pass_through() {
        crate::Runtime::initialize();
        crate::attach(|_py| {
            let stop = ops::call(types().exc.named("StopIteration").as_object(), &[], None).unwrap();
            let r = stopiteration_error(&stop, CodeFlags::GENERATOR).unwrap();
            assert_eq!(ops::repr_text(&r).unwrap(), "RuntimeError('generator raised StopIteration')");
            assert!(ops::get_attr_str(&r, "__cause__").unwrap().is(&stop));
            let r = stopiteration_error(&stop, CodeFlags::COROUTINE).unwrap();
            assert_eq!(ops::str_text(&r).unwrap(), "coroutine raised StopIteration");
            let stop_async = ops::call(types().exc.named("StopAsyncIteration").as_object(), &[], None).unwrap();
            let r = stopiteration_error(&stop_async, CodeFlags::ASYNC_GENERATOR).unwrap();
            assert_eq!(ops::str_text(&r).unwrap(), "async generator raised StopAsyncIteration");
            assert!(stopiteration_error(&stop_async, CodeFlags::GENERATOR).unwrap().is(&stop_async));
            let value_error = ops::call(types().exc.named("ValueError").as_object(), &[], None).unwrap();
            assert!(stopiteration_error(&value_error, CodeFlags::GENERATOR).unwrap().is(&value_error));
        });
    }
}
