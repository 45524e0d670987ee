//! The `math` module: CPython 3.13's functions over floats and ints, with its error rules.
//!
//! Float functions follow `math_1`/`math_2` in `Modules/mathmodule.c`: the argument is
//! converted to a float (`TypeError: must be real number, not T`), the C library function runs,
//! and a NaN result from a non-NaN argument is `ValueError: math domain error`, an infinite
//! result from a finite argument `OverflowError: math range error` for the functions that can
//! overflow (`exp`, `cosh`, ...) and a domain error for the others (`log(0)`). Integer
//! functions (`gcd`, `lcm`, `factorial`, `comb`, `perm`, `isqrt`) take `__index__` ints and
//! compute exactly with big ints. `fsum` is Shewchuk's exact summation as CPython's `msum`.

use num_bigint::{BigInt, Sign};
use num_integer::Integer;
use num_traits::{One, Signed, ToPrimitive, Zero};

use super::new_builtin_module;
use crate::error::{PyErr, PyResult};
use crate::object::abstract_ops as ops;
use crate::object::builtin::{MethodDef, args};
use crate::object::float::{as_float, new_float};
use crate::object::int::{IntVal, as_int, new_big, new_bool, new_int, to_f64};
use crate::object::obj::Obj;
use crate::object::slots::BinOp;
use crate::object::{PyObject, types};

/// The module, made on import.
pub fn make_module() -> PyResult<Obj> {
    let m = new_builtin_module("math", MATH_FUNCTIONS)?;
    for (name, v) in [
        ("pi", std::f64::consts::PI),
        ("e", std::f64::consts::E),
        ("tau", std::f64::consts::TAU),
        ("inf", f64::INFINITY),
        ("nan", f64::NAN),
    ] {
        super::module_set(&m, name, new_float(v)?)?;
    }
    Ok(m)
}

/// `PyFloat_AsDouble`: a float, an int, or an object whose type converts to float.
pub fn real(v: &PyObject) -> PyResult<f64> {
    if let Some(f) = as_float(v) {
        return Ok(f);
    }
    if let Some(i) = as_int(v) {
        return to_f64(&i);
    }
    if let Some(conv) = v.type_object().number.float {
        let f = conv(v)?;
        return as_float(&f).ok_or_else(|| PyErr::type_error("__float__ returned non-float"));
    }
    // A class defining `__float__` (or `__index__`) in Python.
    for dunder in ["__float__", "__index__"] {
        if let Some(m) = crate::object::attr::lookup_str(v.type_object(), dunder) {
            let r = ops::call(&m, &[Obj::new_ref(v)], None)?;
            if let Some(f) = as_float(&r) {
                return Ok(f);
            }
            if let Some(i) = as_int(&r).filter(|_| dunder == "__index__") {
                return to_f64(&i);
            }
            return Err(PyErr::type_error(format!(
                "{}.{dunder} returned non-{} (type {})",
                v.type_object().name(),
                if dunder == "__float__" { "float" } else { "int" },
                r.type_object().name()
            )));
        }
    }
    Err(PyErr::type_error(format!("must be real number, not {}", v.type_object().name())))
}

/// The C library's functions (libm, which Rust's std links on every Unix target): CPython
/// calls these, and some of Rust's own versions round differently (`cbrt(27.0)` is `3.0` in
/// Rust's, `3.0000000000000004` in glibc's, as CPython prints it).
mod libm {
    unsafe extern "C" {
        pub safe fn remainder(x: f64, y: f64) -> f64;
        pub safe fn ldexp(x: f64, e: i32) -> f64;
        pub safe fn exp(x: f64) -> f64;
        pub safe fn exp2(x: f64) -> f64;
        pub safe fn expm1(x: f64) -> f64;
        pub safe fn log(x: f64) -> f64;
        pub safe fn log1p(x: f64) -> f64;
        pub safe fn log2(x: f64) -> f64;
        pub safe fn log10(x: f64) -> f64;
        pub safe fn sin(x: f64) -> f64;
        pub safe fn cos(x: f64) -> f64;
        pub safe fn tan(x: f64) -> f64;
        pub safe fn asin(x: f64) -> f64;
        pub safe fn acos(x: f64) -> f64;
        pub safe fn atan(x: f64) -> f64;
        pub safe fn atan2(y: f64, x: f64) -> f64;
        pub safe fn sinh(x: f64) -> f64;
        pub safe fn cosh(x: f64) -> f64;
        pub safe fn tanh(x: f64) -> f64;
        pub safe fn asinh(x: f64) -> f64;
        pub safe fn acosh(x: f64) -> f64;
        pub safe fn atanh(x: f64) -> f64;
        pub safe fn hypot(x: f64, y: f64) -> f64;
        pub safe fn pow(x: f64, y: f64) -> f64;
        pub safe fn fmod(x: f64, y: f64) -> f64;
    }

    /// The C library's `cbrt`. A plain `extern` declaration links Rust's compiler-builtins copy
    /// (a local symbol of the executable, which rounds differently), so the C library's is
    /// looked up by name in the loaded libraries; without one, Rust's.
    pub fn cbrt(x: f64) -> f64 {
        static CBRT: std::sync::OnceLock<Option<extern "C" fn(f64) -> f64>> = std::sync::OnceLock::new();
        let f = CBRT.get_or_init(|| {
            // SAFETY: a NUL-terminated symbol name looked up in the global scope.
            let p = unsafe { libc::dlsym(libc::RTLD_DEFAULT, c"cbrt".as_ptr()) };
            // SAFETY: the C library's `cbrt` has this signature.
            (!p.is_null()).then(|| unsafe { std::mem::transmute::<*mut libc::c_void, extern "C" fn(f64) -> f64>(p) })
        });
        match f {
            Some(f) => f(x),
            None => x.cbrt(),
        }
    }
}

fn domain() -> PyErr {
    PyErr::value_error("math domain error")
}

fn range() -> PyErr {
    PyErr::overflow("math range error")
}

/// `math_1`: one float in, one out, with CPython's error rules.
fn math_1(a: &[Obj], k: Option<&PyObject>, name: &str, f: impl Fn(f64) -> f64, can_overflow: bool) -> PyResult<Obj> {
    let a = one_arg(name, a, k)?;
    let x = real(&a[0])?;
    let r = f(x);
    if r.is_nan() && !x.is_nan() {
        return Err(domain());
    }
    if r.is_infinite() && x.is_finite() {
        return Err(if can_overflow { range() } else { domain() });
    }
    new_float(r)
}

fn one_arg<'a>(name: &str, a: &'a [Obj], k: Option<&PyObject>) -> PyResult<&'a [Obj]> {
    args::no_keywords(name, k)?;
    if a.len() != 1 {
        return Err(PyErr::type_error(format!("math.{name}() takes exactly one argument ({} given)", a.len())));
    }
    Ok(a)
}

fn two_args<'a>(name: &str, a: &'a [Obj], k: Option<&PyObject>) -> PyResult<(&'a Obj, &'a Obj)> {
    args::no_keywords(name, k)?;
    match a {
        [x, y] => Ok((x, y)),
        _ => Err(PyErr::type_error(format!("{name} expected 2 arguments, got {}", a.len()))),
    }
}

/// An `__index__` int as a big int (`TypeError` for floats and others).
fn big_index(v: &PyObject) -> PyResult<BigInt> {
    let i = ops::index(v)?;
    Ok(as_int(&i).map(|x| x.to_big()).unwrap_or_default())
}

fn float_to_int(f: f64) -> PyResult<Obj> {
    if f.is_nan() {
        return Err(PyErr::value_error("cannot convert float NaN to integer"));
    }
    if f.is_infinite() {
        return Err(PyErr::overflow("cannot convert float infinity to integer"));
    }
    if f.abs() < 9.0e18 {
        return new_int(f as i64);
    }
    new_big(num_traits::FromPrimitive::from_f64(f).unwrap_or_default())
}

/// `floor`/`ceil`: ints as they are, the dunder of other types, else through float.
fn rounding(a: &[Obj], k: Option<&PyObject>, name: &str, dunder: &str, f: fn(f64) -> f64) -> PyResult<Obj> {
    let a = one_arg(name, a, k)?;
    let x = &a[0];
    if std::ptr::eq(x.type_object(), types().int_type) {
        return Ok(x.clone());
    }
    if as_float(x).is_none() {
        if let Some(m) = crate::object::attr::lookup_str(x.type_object(), dunder) {
            let bound = match m.type_object().descr_get {
                Some(get) => get(&m, Some(x), x.type_object().as_object())?,
                None => m,
            };
            return ops::call(&bound, &[], None);
        }
    }
    float_to_int(f(real(x)?))
}

/// CPython's `loghelper`: `f(x)`, with ints too large for a float as `f(m) + e*f(2)` where
/// `x = m * 2**e`.
fn log_of(x: &PyObject, f: impl Fn(f64) -> f64) -> PyResult<f64> {
    if let Some(IntVal::Big(b)) = as_int(x) {
        if b.sign() != Sign::Plus {
            return Err(domain());
        }
        if b.to_f64().is_none_or(f64::is_infinite) {
            let shift = b.bits() - 60;
            let m = (b >> shift).to_f64().unwrap_or(0.0);
            return Ok(f(m) + shift as f64 * f(2.0));
        }
    }
    let v = real(x)?;
    if v.is_nan() {
        return Ok(v);
    }
    if v <= 0.0 {
        return Err(domain());
    }
    Ok(f(v))
}

fn fsum(it: &PyObject) -> PyResult<f64> {
    let iter = ops::get_iter(it)?;
    let mut partials: Vec<f64> = Vec::new();
    let (mut special, mut inf_sum) = (0.0f64, 0.0f64);
    while let Some(item) = ops::next(&iter)? {
        let mut x = real(&item)?;
        let xsave = x;
        let mut i = 0;
        for j in 0..partials.len() {
            let mut y = partials[j];
            if x.abs() < y.abs() {
                std::mem::swap(&mut x, &mut y);
            }
            let hi = x + y;
            let lo = y - (hi - x);
            if lo != 0.0 {
                partials[i] = lo;
                i += 1;
            }
            x = hi;
        }
        partials.truncate(i);
        if x != 0.0 {
            if !x.is_finite() {
                // A non-finite partial: from an inf or nan input, or an intermediate overflow.
                if xsave.is_finite() {
                    return Err(PyErr::overflow("intermediate overflow in fsum"));
                }
                if xsave.is_infinite() {
                    inf_sum += xsave;
                }
                special += xsave;
                partials.clear();
            } else {
                partials.push(x);
            }
        }
    }
    if special != 0.0 {
        if inf_sum.is_nan() {
            return Err(PyErr::value_error("-inf + inf in fsum"));
        }
        return Ok(special);
    }
    let mut n = partials.len();
    let mut hi = 0.0;
    if n > 0 {
        n -= 1;
        hi = partials[n];
        let mut lo = 0.0;
        while n > 0 {
            let x = hi;
            n -= 1;
            let y = partials[n];
            hi = x + y;
            let yr = hi - x;
            lo = y - yr;
            if lo != 0.0 {
                break;
            }
        }
        if n > 0 && ((lo < 0.0 && partials[n - 1] < 0.0) || (lo > 0.0 && partials[n - 1] > 0.0)) {
            let y = lo * 2.0;
            let x = hi + y;
            let yr = x - hi;
            if y == yr {
                hi = x;
            }
        }
    }
    Ok(hi)
}

fn factorial(v: &PyObject) -> PyResult<Obj> {
    if as_float(v).is_some() {
        return Err(PyErr::type_error("'float' object cannot be interpreted as an integer"));
    }
    let n = big_index(v)?;
    if n.is_negative() {
        return Err(PyErr::value_error("factorial() not defined for negative values"));
    }
    let n = n.to_i64().ok_or_else(|| PyErr::overflow("factorial() argument should not exceed 9223372036854775807"))?;
    let mut acc = BigInt::one();
    for i in 2..=n {
        acc *= i;
    }
    new_big(acc)
}

/// `n! / (n-k)!`, and `/ k!` for `comb`.
fn comb_perm(n: &PyObject, k: &PyObject, comb: bool) -> PyResult<Obj> {
    let (n, k) = (big_index(n)?, big_index(k)?);
    if n.is_negative() {
        return Err(PyErr::value_error("n must be a non-negative integer"));
    }
    if k.is_negative() {
        return Err(PyErr::value_error("k must be a non-negative integer"));
    }
    if k > n {
        return new_int(0);
    }
    let k = if comb { std::cmp::min(k.clone(), &n - &k) } else { k };
    let k = k.to_u64().ok_or_else(|| PyErr::overflow(format!("min(n - k, k) must not exceed {}", i64::MAX)))?;
    let mut acc = BigInt::one();
    for i in 0..k {
        acc *= &n - i;
        if comb {
            acc /= i + 1;
        }
    }
    new_big(acc)
}

fn isclose(a: &[Obj], k: Option<&PyObject>) -> PyResult<Obj> {
    let pos = args::positional(a, k);
    if pos.len() != 2 {
        return Err(PyErr::type_error(format!("isclose() takes exactly 2 positional arguments ({} given)", pos.len())));
    }
    let (x, y) = (real(&pos[0])?, real(&pos[1])?);
    let (mut rel, mut abs) = (1e-9, 0.0);
    for (name, v) in args::keywords(a, k) {
        match name {
            "rel_tol" => rel = real(v)?,
            "abs_tol" => abs = real(v)?,
            other => {
                return Err(PyErr::type_error(format!("isclose() got an unexpected keyword argument '{other}'")));
            }
        }
    }
    if rel < 0.0 || abs < 0.0 {
        return Err(PyErr::value_error("tolerances must be non-negative"));
    }
    if x == y {
        return Ok(new_bool(true));
    }
    if x.is_infinite() || y.is_infinite() {
        return Ok(new_bool(false));
    }
    let diff = (y - x).abs();
    Ok(new_bool(diff <= (rel * y).abs() || diff <= (rel * x).abs() || diff <= abs))
}

/// The Euclidean norm, scaled by the largest magnitude so squares cannot overflow.
fn norm(v: &[f64]) -> f64 {
    let max = v.iter().fold(0.0f64, |m, x| m.max(x.abs()));
    if v.iter().any(|x| x.is_infinite()) {
        return f64::INFINITY;
    }
    if max.is_nan() || v.iter().any(|x| x.is_nan()) {
        return f64::NAN;
    }
    if max == 0.0 || v.len() <= 1 {
        return max;
    }
    if v.len() == 2 {
        return libm::hypot(v[0], v[1]);
    }
    let sum: f64 = v.iter().map(|x| (x / max) * (x / max)).sum();
    max * sum.sqrt()
}

fn pow(x: f64, y: f64) -> PyResult<f64> {
    let r = libm::pow(x, y);
    if x.is_finite() && y.is_finite() {
        if r.is_nan() {
            return Err(domain());
        }
        if r.is_infinite() {
            return Err(if x == 0.0 { domain() } else { range() });
        }
    }
    Ok(r)
}

fn gcd_lcm(a: &[Obj], k: Option<&PyObject>, name: &str, lcm: bool) -> PyResult<Obj> {
    args::no_keywords(name, k)?;
    let mut acc = if lcm { BigInt::one() } else { BigInt::zero() };
    for v in a {
        let x = big_index(v)?;
        acc = if lcm { if acc.is_zero() || x.is_zero() { BigInt::zero() } else { acc.lcm(&x) } } else { acc.gcd(&x) };
    }
    new_big(acc.abs())
}

static MATH_FUNCTIONS: &[MethodDef] = &[
    MethodDef::function("sqrt", |a, k| math_1(a, k, "sqrt", f64::sqrt, false)),
    MethodDef::function("exp", |a, k| math_1(a, k, "exp", |x| libm::exp(x), true)),
    MethodDef::function("exp2", |a, k| math_1(a, k, "exp2", |x| libm::exp2(x), true)),
    MethodDef::function("expm1", |a, k| math_1(a, k, "expm1", |x| libm::expm1(x), true)),
    MethodDef::function("log1p", |a, k| math_1(a, k, "log1p", |x| libm::log1p(x), false)),
    MethodDef::function("cbrt", |a, k| math_1(a, k, "cbrt", libm::cbrt, false)),
    MethodDef::function("sin", |a, k| math_1(a, k, "sin", |x| libm::sin(x), false)),
    MethodDef::function("cos", |a, k| math_1(a, k, "cos", |x| libm::cos(x), false)),
    MethodDef::function("tan", |a, k| math_1(a, k, "tan", |x| libm::tan(x), false)),
    MethodDef::function("asin", |a, k| math_1(a, k, "asin", |x| libm::asin(x), false)),
    MethodDef::function("acos", |a, k| math_1(a, k, "acos", |x| libm::acos(x), false)),
    MethodDef::function("atan", |a, k| math_1(a, k, "atan", |x| libm::atan(x), false)),
    MethodDef::function("sinh", |a, k| math_1(a, k, "sinh", |x| libm::sinh(x), true)),
    MethodDef::function("cosh", |a, k| math_1(a, k, "cosh", |x| libm::cosh(x), true)),
    MethodDef::function("tanh", |a, k| math_1(a, k, "tanh", |x| libm::tanh(x), false)),
    MethodDef::function("asinh", |a, k| math_1(a, k, "asinh", |x| libm::asinh(x), false)),
    MethodDef::function("acosh", |a, k| math_1(a, k, "acosh", |x| libm::acosh(x), false)),
    MethodDef::function("atanh", |a, k| math_1(a, k, "atanh", |x| libm::atanh(x), false)),
    MethodDef::function("fabs", |a, k| math_1(a, k, "fabs", f64::abs, false)),
    MethodDef::function("degrees", |a, k| math_1(a, k, "degrees", f64::to_degrees, true)),
    MethodDef::function("radians", |a, k| math_1(a, k, "radians", f64::to_radians, false)),
    MethodDef::function("floor", |a, k| rounding(a, k, "floor", "__floor__", f64::floor)),
    MethodDef::function("ceil", |a, k| rounding(a, k, "ceil", "__ceil__", f64::ceil)),
    MethodDef::function("trunc", |a, k| {
        let a = one_arg("trunc", a, k)?;
        let x = &a[0];
        if std::ptr::eq(x.type_object(), types().int_type) {
            return Ok(x.clone());
        }
        if let Some(f) = as_float(x) {
            return float_to_int(f.trunc());
        }
        match ops::lookup_special(x, "__trunc__")? {
            Some(m) => ops::call(&m, &[], None),
            None => Err(PyErr::type_error(format!("type {} doesn't define __trunc__ method", x.type_object().name()))),
        }
    }),
    MethodDef::function("log", |a, k| {
        args::no_keywords("log", k)?;
        let (x, base) = match a {
            [x] => (x, None),
            [x, b] => (x, Some(b)),
            _ => {
                return Err(PyErr::type_error(if a.is_empty() {
                    "log expected at least 1 argument, got 0".to_owned()
                } else {
                    format!("log expected at most 2 arguments, got {}", a.len())
                }));
            }
        };
        let num = log_of(x, |v| libm::log(v))?;
        match base {
            None => new_float(num),
            Some(b) => {
                let den = log_of(b, |v| libm::log(v))?;
                if den == 0.0 {
                    return Err(PyErr::zero_division("float division by zero"));
                }
                new_float(num / den)
            }
        }
    }),
    MethodDef::function("log2", |a, k| new_float(log_of(&one_arg("log2", a, k)?[0], |v| libm::log2(v))?)),
    MethodDef::function("log10", |a, k| new_float(log_of(&one_arg("log10", a, k)?[0], |v| libm::log10(v))?)),
    MethodDef::function("pow", |a, k| {
        let (x, y) = two_args("pow", a, k)?;
        new_float(pow(real(x)?, real(y)?)?)
    }),
    MethodDef::function("atan2", |a, k| {
        let (y, x) = two_args("atan2", a, k)?;
        new_float(libm::atan2(real(y)?, real(x)?))
    }),
    MethodDef::function("copysign", |a, k| {
        let (x, y) = two_args("copysign", a, k)?;
        new_float(real(x)?.copysign(real(y)?))
    }),
    MethodDef::function("fmod", |a, k| {
        let (x, y) = two_args("fmod", a, k)?;
        let (x, y) = (real(x)?, real(y)?);
        if y.is_infinite() && x.is_finite() {
            return new_float(x);
        }
        let r = libm::fmod(x, y);
        if r.is_nan() && !x.is_nan() && !y.is_nan() {
            return Err(domain());
        }
        new_float(r)
    }),
    MethodDef::function("remainder", |a, k| {
        let (x, y) = two_args("remainder", a, k)?;
        let (x, y) = (real(x)?, real(y)?);
        if x.is_nan() || y.is_nan() {
            return new_float(f64::NAN);
        }
        if x.is_infinite() || y == 0.0 {
            return Err(domain());
        }
        if y.is_infinite() {
            return new_float(x);
        }
        new_float(libm::remainder(x, y))
    }),
    MethodDef::function("modf", |a, k| {
        let a = one_arg("modf", a, k)?;
        let x = real(&a[0])?;
        let (frac, int) = if x.is_infinite() { (0.0f64.copysign(x), x) } else { (x.fract(), x.trunc()) };
        crate::object::tuple::new_tuple(vec![new_float(frac)?, new_float(int)?])
    }),
    MethodDef::function("frexp", |a, k| {
        let a = one_arg("frexp", a, k)?;
        let (m, e) = crate::object::float::frexp(real(&a[0])?);
        crate::object::tuple::new_tuple(vec![new_float(m)?, new_int(i64::from(e))?])
    }),
    MethodDef::function("ldexp", |a, k| {
        let (x, i) = two_args("ldexp", a, k)?;
        let x = real(x)?;
        let Some(i) = as_int(i) else {
            return Err(PyErr::type_error("Expected an int as second argument to ldexp."));
        };
        let e = match i {
            IntVal::Small(v) => v.clamp(-100_000, 100_000) as i32,
            IntVal::Big(b) => {
                if b.is_negative() {
                    -100_000
                } else {
                    100_000
                }
            }
        };
        let r = libm::ldexp(x, e);
        if r.is_infinite() && x.is_finite() {
            return Err(range());
        }
        new_float(r)
    }),
    MethodDef::function("isnan", |a, k| Ok(new_bool(real(&one_arg("isnan", a, k)?[0])?.is_nan()))),
    MethodDef::function("isinf", |a, k| Ok(new_bool(real(&one_arg("isinf", a, k)?[0])?.is_infinite()))),
    MethodDef::function("isfinite", |a, k| Ok(new_bool(real(&one_arg("isfinite", a, k)?[0])?.is_finite()))),
    MethodDef::function("isclose", isclose),
    MethodDef::function("gcd", |a, k| gcd_lcm(a, k, "gcd", false)),
    MethodDef::function("lcm", |a, k| gcd_lcm(a, k, "lcm", true)),
    MethodDef::function("factorial", |a, k| factorial(&one_arg("factorial", a, k)?[0])),
    MethodDef::function("comb", |a, k| {
        let (n, r) = two_args("comb", a, k)?;
        comb_perm(n, r, true)
    }),
    MethodDef::function("perm", |a, k| {
        args::no_keywords("perm", k)?;
        match a {
            [n] => factorial(n),
            [n, r] if r.is(crate::object::immortals().none) => factorial(n),
            [n, r] => comb_perm(n, r, false),
            _ => Err(PyErr::type_error(format!("perm expected at most 2 arguments, got {}", a.len()))),
        }
    }),
    MethodDef::function("isqrt", |a, k| {
        let a = one_arg("isqrt", a, k)?;
        let n = big_index(&a[0])?;
        if n.is_negative() {
            return Err(PyErr::value_error("isqrt() argument must be nonnegative"));
        }
        new_big(n.sqrt())
    }),
    MethodDef::function("fsum", |a, k| new_float(fsum(&one_arg("fsum", a, k)?[0])?)),
    MethodDef::function("prod", |a, k| {
        let pos = args::positional(a, k);
        if pos.len() != 1 {
            return Err(PyErr::type_error(format!("prod() takes exactly 1 positional argument ({} given)", pos.len())));
        }
        let mut acc = new_int(1)?;
        for (name, v) in args::keywords(a, k) {
            if name != "start" {
                return Err(PyErr::type_error(format!("prod() got an unexpected keyword argument '{name}'")));
            }
            acc = v.clone();
        }
        let it = ops::get_iter(&pos[0])?;
        while let Some(x) = ops::next(&it)? {
            acc = ops::binary_op(&acc, &x, BinOp::Multiply)?;
        }
        Ok(acc)
    }),
    MethodDef::function("hypot", |a, k| {
        args::no_keywords("hypot", k)?;
        let v: PyResult<Vec<f64>> = a.iter().map(|x| real(x)).collect();
        new_float(norm(&v?))
    }),
    MethodDef::function("dist", |a, k| {
        let (p, q) = two_args("dist", a, k)?;
        let (p, q) = (ops::collect(p)?, ops::collect(q)?);
        if p.len() != q.len() {
            return Err(PyErr::value_error("both points must have the same number of dimensions"));
        }
        let d: PyResult<Vec<f64>> = p.iter().zip(&q).map(|(x, y)| Ok(real(x)? - real(y)?)).collect();
        new_float(norm(&d?))
    }),
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fsum_is_exact() {
        crate::state::Runtime::initialize();
        crate::attach(|_py| {
            let items: Vec<Obj> = [0.1f64; 10].iter().map(|v| new_float(*v).unwrap()).collect();
            let l = crate::object::list::new_list(items).unwrap();
            assert_eq!(fsum(&l).unwrap(), 1.0);
            let l = crate::object::list::new_list(vec![
                new_float(1e100).unwrap(),
                new_float(1.0).unwrap(),
                new_float(-1e100).unwrap(),
            ])
            .unwrap();
            assert_eq!(fsum(&l).unwrap(), 1.0);
        });
    }

    #[test]
    fn norms_and_pow_errors() {
        assert_eq!(norm(&[3.0, 4.0]), 5.0);
        assert_eq!(norm(&[]), 0.0);
        assert!(norm(&[f64::NAN, f64::INFINITY]).is_infinite());
        crate::state::Runtime::initialize();
        crate::attach(|_py| {
            assert!(pow(0.0, -1.0).unwrap_err().matches(types().exc.named("ValueError")));
            assert!(pow(10.0, 400.0).unwrap_err().matches(types().exc.named("OverflowError")));
            assert_eq!(pow(2.0, 10.0).unwrap(), 1024.0);
        });
    }
}
