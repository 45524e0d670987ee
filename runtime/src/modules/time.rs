//! The `time` module's clocks and `sleep`.
//!
//! `time()`/`time_ns()` read the system clock; `perf_counter()`, `monotonic()` and their `_ns`
//! forms read `CLOCK_MONOTONIC` (as CPython does on Linux); `process_time()` reads
//! `CLOCK_PROCESS_CPUTIME_ID`. `sleep(secs)` sleeps without releasing the interpreter lock
//! (the eval loop has no detach around native calls yet), so other threads of the same
//! interpreter wait too. The calendar functions (`gmtime`, `strftime`, `mktime`, ...) are not
//! here yet.

use super::new_builtin_module;
use crate::error::{PyErr, PyResult};
use crate::object::builtin::{MethodDef, args};
use crate::object::float::new_float;
use crate::object::int::{new_big, new_int};
use crate::object::obj::Obj;

/// The module, made on import.
pub fn make_module() -> PyResult<Obj> {
    new_builtin_module("time", TIME_FUNCTIONS)
}

/// Nanoseconds on `clock` (`clock_gettime`).
fn clock_ns(clock: libc::clockid_t) -> PyResult<i128> {
    let mut ts = libc::timespec { tv_sec: 0, tv_nsec: 0 };
    // SAFETY: `ts` is a valid, writable timespec.
    if unsafe { libc::clock_gettime(clock, &mut ts) } != 0 {
        return Err(crate::object::textio::os_error(&std::io::Error::last_os_error(), None));
    }
    Ok(i128::from(ts.tv_sec) * 1_000_000_000 + i128::from(ts.tv_nsec))
}

fn ns_int(ns: i128) -> PyResult<Obj> {
    match i64::try_from(ns) {
        Ok(v) => new_int(v),
        Err(_) => new_big(ns.into()),
    }
}

fn seconds(ns: i128) -> PyResult<Obj> {
    new_float(ns as f64 / 1e9)
}

static TIME_FUNCTIONS: &[MethodDef] = &[
    MethodDef::function("time", |a, k| {
        args::exact("time.time", a, k, 0, 0)?;
        seconds(clock_ns(libc::CLOCK_REALTIME)?)
    }),
    MethodDef::function("time_ns", |a, k| {
        args::exact("time.time_ns", a, k, 0, 0)?;
        ns_int(clock_ns(libc::CLOCK_REALTIME)?)
    }),
    MethodDef::function("perf_counter", |a, k| {
        args::exact("time.perf_counter", a, k, 0, 0)?;
        seconds(clock_ns(libc::CLOCK_MONOTONIC)?)
    }),
    MethodDef::function("perf_counter_ns", |a, k| {
        args::exact("time.perf_counter_ns", a, k, 0, 0)?;
        ns_int(clock_ns(libc::CLOCK_MONOTONIC)?)
    }),
    MethodDef::function("monotonic", |a, k| {
        args::exact("time.monotonic", a, k, 0, 0)?;
        seconds(clock_ns(libc::CLOCK_MONOTONIC)?)
    }),
    MethodDef::function("monotonic_ns", |a, k| {
        args::exact("time.monotonic_ns", a, k, 0, 0)?;
        ns_int(clock_ns(libc::CLOCK_MONOTONIC)?)
    }),
    MethodDef::function("process_time", |a, k| {
        args::exact("time.process_time", a, k, 0, 0)?;
        seconds(clock_ns(libc::CLOCK_PROCESS_CPUTIME_ID)?)
    }),
    MethodDef::function("process_time_ns", |a, k| {
        args::exact("time.process_time_ns", a, k, 0, 0)?;
        ns_int(clock_ns(libc::CLOCK_PROCESS_CPUTIME_ID)?)
    }),
    MethodDef::function("sleep", |a, k| {
        let a = args::exact("time.sleep", a, k, 1, 1)?;
        let secs = if crate::object::int::as_int(&a[0]).is_some() || crate::object::float::as_float(&a[0]).is_some() {
            super::math::real(&a[0])?
        } else {
            return Err(PyErr::type_error(format!(
                "'{}' object cannot be interpreted as an integer",
                a[0].type_object().name()
            )));
        };
        if secs.is_nan() {
            return Err(PyErr::value_error("Invalid value NaN (not a number)"));
        }
        if secs < 0.0 {
            return Err(PyErr::value_error("sleep length must be non-negative"));
        }
        std::thread::sleep(std::time::Duration::from_secs_f64(secs.min(1e9)));
        Ok(args::none())
    }),
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn monotonic_clock_does_not_go_back() {
        let a = clock_ns(libc::CLOCK_MONOTONIC).unwrap();
        let b = clock_ns(libc::CLOCK_MONOTONIC).unwrap();
        assert!(b >= a && a > 0);
    }
}
