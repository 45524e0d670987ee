//! The `time` module's clocks and `sleep`.
//!
//! `time()`/`time_ns()` read the system clock; `perf_counter()`, `monotonic()` and their `_ns`
//! forms read `CLOCK_MONOTONIC` (as CPython does on Linux); `process_time()` reads
//! `CLOCK_PROCESS_CPUTIME_ID`. `sleep(secs)` sleeps detached from the interpreter
//! (`Py_BEGIN_ALLOW_THREADS`), so other threads of the same interpreter run meanwhile — in a
//! free-threaded one, the language lock is released with the thread's critical sections.
//!
//! Calendar time goes through the C library as CPython's does: `gmtime`/`localtime` give a
//! `struct_time` (a struct sequence of the nine `tm_*` fields, Monday = 0, `tm_yday` from 1;
//! the named-only `tm_zone`/`tm_gmtoff` are not there), `mktime` and `strftime` take one.

use super::new_builtin_module;
use crate::error::{PyErr, PyResult};
use crate::object::builtin::{MethodDef, args};
use crate::object::float::new_float;
use crate::object::int::{new_big, new_int};
use crate::object::obj::Obj;
use crate::object::structseq::{StructSeq, new_struct_seq};

/// The module, made on import.
pub fn make_module() -> PyResult<Obj> {
    let m = new_builtin_module("time", TIME_FUNCTIONS)?;
    let st = crate::object::types().modules.struct_seq_types[StructSeq::StructTime as usize];
    super::module_set(&m, "struct_time", Obj::new_ref(st.as_object()))?;
    Ok(m)
}

/// `secs` (now when absent or `None`) as a C `time_t`.
fn time_t_arg(a: &[Obj]) -> PyResult<libc::time_t> {
    match a.first() {
        None => Ok((clock_ns(libc::CLOCK_REALTIME)? / 1_000_000_000) as libc::time_t),
        Some(v) if v.is(crate::object::immortals().none) => {
            Ok((clock_ns(libc::CLOCK_REALTIME)? / 1_000_000_000) as libc::time_t)
        }
        Some(v) => {
            let f = super::math::real(v)?;
            if !f.is_finite() {
                return Err(if f.is_nan() {
                    PyErr::value_error("Invalid value NaN (not a number)")
                } else {
                    PyErr::overflow("timestamp out of range for platform time_t")
                });
            }
            Ok(f.floor() as libc::time_t)
        }
    }
}

fn struct_time(tm: &libc::tm) -> PyResult<Obj> {
    let v = [
        i64::from(tm.tm_year) + 1900,
        i64::from(tm.tm_mon) + 1,
        i64::from(tm.tm_mday),
        i64::from(tm.tm_hour),
        i64::from(tm.tm_min),
        i64::from(tm.tm_sec),
        (i64::from(tm.tm_wday) + 6) % 7,
        i64::from(tm.tm_yday) + 1,
        i64::from(tm.tm_isdst),
    ];
    let items: PyResult<Vec<Obj>> = v.iter().map(|x| new_int(*x)).collect();
    new_struct_seq(StructSeq::StructTime, items?)
}

/// A `struct_time` (or 9-sequence) as a C `tm`.
fn tm_arg(fname: &str, t: &crate::object::PyObject) -> PyResult<libc::tm> {
    let items = crate::object::abstract_ops::collect(t)?;
    if items.len() != 9 {
        return Err(PyErr::type_error(format!("{fname}(): illegal time tuple argument")));
    }
    let mut f = [0i32; 9];
    for (slot, v) in f.iter_mut().zip(&items) {
        *slot = i32::try_from(crate::object::abstract_ops::index_isize(v)?)
            .map_err(|_| PyErr::overflow("Python int too large to convert to C int"))?;
    }
    // SAFETY: an all-zero `tm` is valid (its pointer field `tm_zone` null).
    let mut tm: libc::tm = unsafe { std::mem::zeroed() };
    tm.tm_year = f[0] - 1900;
    tm.tm_mon = f[1] - 1;
    tm.tm_mday = f[2];
    tm.tm_hour = f[3];
    tm.tm_min = f[4];
    tm.tm_sec = f[5];
    tm.tm_wday = (f[6] + 1) % 7;
    tm.tm_yday = f[7] - 1;
    tm.tm_isdst = f[8];
    Ok(tm)
}

fn broken_down(a: &[Obj], local: bool) -> PyResult<Obj> {
    let t = time_t_arg(a)?;
    // SAFETY: an all-zero `tm` is valid; `gmtime_r`/`localtime_r` write it and only read `t`.
    let mut tm: libc::tm = unsafe { std::mem::zeroed() };
    // SAFETY: as above.
    let ok = unsafe { if local { libc::localtime_r(&t, &mut tm) } else { libc::gmtime_r(&t, &mut tm) } };
    if ok.is_null() {
        return Err(PyErr::overflow("timestamp out of range for platform time_t"));
    }
    struct_time(&tm)
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
    MethodDef::function("gmtime", |a, k| broken_down(args::exact("gmtime", a, k, 0, 1)?, false)),
    MethodDef::function("localtime", |a, k| broken_down(args::exact("localtime", a, k, 0, 1)?, true)),
    MethodDef::function("mktime", |a, k| {
        let a = args::exact("time.mktime", a, k, 1, 1)?;
        let mut tm = tm_arg("mktime", &a[0])?;
        // SAFETY: `tm` is a valid, writable `tm`.
        let t = unsafe { libc::mktime(&mut tm) };
        if t == -1 && tm.tm_wday == -1 {
            return Err(PyErr::overflow("mktime argument out of range"));
        }
        crate::object::float::new_float(t as f64)
    }),
    MethodDef::function("strftime", |a, k| {
        let a = args::exact("strftime", a, k, 1, 2)?;
        let format = crate::object::str::str_value(&a[0]).ok_or_else(|| {
            PyErr::type_error(format!("strftime() argument 1 must be str, not {}", a[0].type_object().name()))
        })?;
        let tm = match a.get(1) {
            Some(t) => tm_arg("strftime", t)?,
            None => {
                let now = broken_down(&[], true)?;
                tm_arg("strftime", &now)?
            }
        };
        let c_format = std::ffi::CString::new(format).map_err(|_| PyErr::value_error("embedded null character"))?;
        if format.is_empty() {
            return crate::object::str::new_str("");
        }
        let mut buf = vec![0u8; 256 + format.len() * 16];
        // SAFETY: `buf` is writable for its length; `c_format` is NUL-terminated; `tm` is valid.
        let n = unsafe { libc::strftime(buf.as_mut_ptr().cast(), buf.len(), c_format.as_ptr(), &tm) };
        crate::object::str::new_str(&String::from_utf8_lossy(&buf[..n]))
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
        let length = std::time::Duration::from_secs_f64(secs.min(1e9));
        super::thread::detached(|| std::thread::sleep(length));
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
