//! Numeric builtins beyond the operators: `hex`, `oct`, `bin` (through `__index__`) and
//! three-argument `pow` (modular exponentiation with CPython's rules: a negative exponent
//! needs an invertible base, the result takes the modulus's sign).

use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::{One, Signed, Zero};

use crate::error::{PyErr, PyResult};
use crate::object::abstract_ops as ops;
use crate::object::builtin::args;
use crate::object::int::{as_int, new_big};
use crate::object::obj::Obj;
use crate::object::slots::BinOp;
use crate::object::str::new_str;
use crate::object::{PyObject, immortals};

/// `hex`/`oct`/`bin`: `prefix` and the digits of `|x|` in `radix`, signed.
fn int_text(name: &str, a: &[Obj], k: Option<&PyObject>, radix: u32, prefix: &str) -> PyResult<Obj> {
    let a = args::exact(name, a, k, 1, 1)?;
    let v = ops::index(&a[0])?;
    let big = as_int(&v).expect("__index__ gives an int").to_big();
    let sign = if big.is_negative() { "-" } else { "" };
    new_str(&format!("{sign}{prefix}{}", big.abs().to_str_radix(radix)))
}

/// `hex(x)`.
pub(crate) fn builtin_hex(a: &[Obj], k: Option<&PyObject>) -> PyResult<Obj> {
    int_text("hex", a, k, 16, "0x")
}

/// `oct(x)`.
pub(crate) fn builtin_oct(a: &[Obj], k: Option<&PyObject>) -> PyResult<Obj> {
    int_text("oct", a, k, 8, "0o")
}

/// `bin(x)`.
pub(crate) fn builtin_bin(a: &[Obj], k: Option<&PyObject>) -> PyResult<Obj> {
    int_text("bin", a, k, 2, "0b")
}

/// The inverse of `a` modulo `m` (`m > 0`), if `gcd(a, m) == 1`.
fn mod_inverse(a: &BigInt, m: &BigInt) -> Option<BigInt> {
    let e = a.mod_floor(m).extended_gcd(m);
    e.gcd.is_one().then(|| e.x.mod_floor(m))
}

/// `pow(base, exp, mod)` on ints.
fn int_pow_mod(base: &BigInt, exp: &BigInt, modulus: &BigInt) -> PyResult<BigInt> {
    if modulus.is_zero() {
        return Err(PyErr::value_error("pow() 3rd argument cannot be 0"));
    }
    let m = modulus.abs();
    let mut b = base.mod_floor(&m);
    if exp.is_negative() {
        b = mod_inverse(&b, &m).ok_or_else(|| PyErr::value_error("base is not invertible for the given modulus"))?;
    }
    let r = b.modpow(&exp.abs(), &m);
    Ok(if modulus.is_negative() && !r.is_zero() { r + modulus } else { r })
}

/// `pow(base, exp, mod=None)`.
pub(crate) fn builtin_pow(a: &[Obj], k: Option<&PyObject>) -> PyResult<Obj> {
    const SIG: super::clinic::Signature =
        super::clinic::Signature { name: "pow", params: &["base", "exp", "mod"], posonly: 0, required: 2, maxpos: 3 };
    let slots = super::clinic::bind(&SIG, a, k)?;
    let (base, exp) = (slots[0].expect("required"), slots[1].expect("required"));
    match slots[2].filter(|m| !m.is(immortals().none)) {
        None => ops::binary_op(base, exp, BinOp::Power),
        // Ints whose class takes `**` as `int` does: a subclass's own `__pow__` decides first
        // (CPython's `ternary_op` calls the base's `nb_power`, `slot_nb_power` for it).
        Some(m) if [base, exp, m].iter().all(|o| int_power(o)) => match (as_int(base), as_int(exp), as_int(m)) {
            (Some(b), Some(e), Some(m)) => new_big(int_pow_mod(&b.to_big(), &e.to_big(), &m.to_big())?),
            _ => ternary_pow(base, exp, m),
        },
        Some(m) => ternary_pow(base, exp, m),
    }
}

/// Whether `o`'s class computes `**` with `int`'s own slot (an `int`, or a subclass that does not
/// define `__pow__`/`__rpow__`).
fn int_power(o: &PyObject) -> bool {
    let int_slot = crate::object::types().int_type.number.binary(BinOp::Power);
    match (o.type_object().number.binary(BinOp::Power), int_slot) {
        (Some(a), Some(b)) => std::ptr::fn_addr_eq(a, b),
        _ => false,
    }
}

/// Three-argument `pow` beyond ints (CPython's `ternary_op`): a class's `__pow__(exp, mod)` of
/// the base (three-argument power never reflects), then `float`'s refusal, then the
/// unsupported-operands error naming all three types.
fn ternary_pow(base: &Obj, exp: &Obj, m: &Obj) -> PyResult<Obj> {
    let ty = base.type_object();
    if ty.is_heap() {
        if let Some(f) = crate::object::attr::lookup_str(ty, "__pow__") {
            let r = ops::call(&f, &[base.clone(), exp.clone(), m.clone()], None)?;
            if !r.is(immortals().not_implemented) {
                return Ok(r);
            }
        }
    }
    let float = crate::object::types().float_type;
    if [base, exp, m].iter().any(|o| o.type_object().is_subtype(float)) {
        return Err(PyErr::type_error("pow() 3rd argument not allowed unless all arguments are integers"));
    }
    Err(PyErr::type_error(format!(
        "unsupported operand type(s) for ** or pow(): '{}', '{}', '{}'",
        ty.name(),
        exp.type_object().name(),
        m.type_object().name()
    )))
}

/// `round(int, ndigits)`: exact, halves to even (`long_round`).
pub(crate) fn round_int(v: &BigInt, ndigits: isize) -> PyResult<Obj> {
    if ndigits >= 0 {
        return new_big(v.clone());
    }
    let Ok(exp) = u32::try_from(ndigits.unsigned_abs()) else { return new_big(BigInt::zero()) };
    let pow = num_traits::pow(BigInt::from(10), exp as usize);
    let (q, r) = v.div_mod_floor(&pow);
    let twice = &r * 2;
    let up = twice > pow || (twice == pow && q.is_odd());
    new_big(if up { (q + 1) * pow } else { q * pow })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn modular_power_follows_the_modulus_sign() {
        crate::Runtime::initialize();
        crate::attach(|_py| modular_power_cases());
    }

    fn modular_power_cases() {
        let p = |b: i64, e: i64, m: i64| {
            int_pow_mod(&BigInt::from(b), &BigInt::from(e), &BigInt::from(m)).ok().map(|r| r.to_string())
        };
        assert_eq!(p(2, 10, 1000).as_deref(), Some("24"));
        assert_eq!(p(2, 3, -5).as_deref(), Some("-2"));
        assert_eq!(p(3, -1, 7).as_deref(), Some("5"));
        assert_eq!(p(-2, 3, 5).as_deref(), Some("2"));
        assert_eq!(p(2, -1, 4), None);
    }
}
