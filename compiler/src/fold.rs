//! The constant folding of CPython 3.13's AST optimizer (`Python/ast_opt.c`), evaluated on
//! demand.
//!
//! CPython rewrites the tree before building symbol tables: unary and binary operators on
//! constants, tuples of constants and subscripts of constants become constants, `__debug__`
//! becomes `True`. pyrt's tree is immutable and its `Constant` cannot hold a tuple, so instead the
//! code generator asks [`fold_expr`] whether an expression *would* have been folded, and to what.
//! The same limits as CPython's apply, so that the constants are the same: integers of at most
//! 128 bits from `*`, `**` and `<<`, strings and bytes of at most 4096 items from `*`, tuples of
//! at most 256 items from `*`; an operation that would raise is not folded.
//!
//! [`percent_format`] is the optimizer's other rewrite that changes code: `"%s: %r" % (a, b)`
//! becomes the f-string `f"{a!s}: {b!r}"` when the format only uses `%s`, `%r`, `%a`.

use std::sync::Arc;

use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::{Signed, ToPrimitive, Zero};
use pyrt_syntax::ast::{Expr, ExprContext, ExprKind, Operator, UnaryOp};

use crate::code::{Constant, PyStr};
use crate::codegen::constant_value;

const MAX_INT_SIZE: u64 = 128;
const MAX_COLLECTION_SIZE: usize = 256;
const MAX_STR_SIZE: usize = 4096;
const MAX_TOTAL_ITEMS: usize = 1024;

/// The constant `e` folds to, if CPython's optimizer folds it.
pub fn fold_expr(e: &Expr<'_>) -> Option<Constant> {
    crate::deep::grow(|| fold_expr_inner(e))
}

fn fold_expr_inner(e: &Expr<'_>) -> Option<Constant> {
    match &e.node {
        ExprKind::Constant { value, .. } => Some(constant_value(value)),
        ExprKind::Name { id: "__debug__", ctx: ExprContext::Load } => Some(Constant::True),
        ExprKind::UnaryOp { op, operand } => unary(*op, &fold_expr(operand)?),
        ExprKind::BinOp { left, op, right } => {
            let l = fold_expr(left)?;
            let r = fold_expr(right)?;
            binary(&l, *op, &r)
        }
        ExprKind::Tuple { elts, ctx: ExprContext::Load } => {
            elts.iter().map(fold_expr).collect::<Option<Vec<_>>>().map(Constant::tuple)
        }
        ExprKind::Subscript { value, slice, ctx: ExprContext::Load } => {
            subscript(&fold_expr(value)?, &fold_expr(slice)?)
        }
        _ => None,
    }
}

/// A frozenset constant of `items` (duplicates removed, first occurrence kept).
pub fn frozenset(items: Vec<Constant>) -> Constant {
    let mut unique: Vec<Constant> = Vec::with_capacity(items.len());
    for item in items {
        if !unique.iter().any(|u| python_eq(u, &item)) {
            unique.push(item);
        }
    }
    Constant::FrozenSet(Arc::from(unique))
}

/// Equality as a Python set sees it for hashable constants (`1 == 1.0 == True`).
pub(crate) fn python_eq(a: &Constant, b: &Constant) -> bool {
    match (number(a), number(b)) {
        (Some(x), Some(y)) => x.eq_num(&y),
        _ => a == b,
    }
}

// ----- numbers ---------------------------------------------------------------------------------

#[derive(Clone, Debug)]
enum Num {
    Int(BigInt),
    Float(f64),
    Complex(f64, f64),
}

impl Num {
    fn eq_num(&self, other: &Num) -> bool {
        match (self, other) {
            (Num::Int(a), Num::Int(b)) => a == b,
            _ => {
                let (ar, ai) = self.as_complex();
                let (br, bi) = other.as_complex();
                ar == br && ai == bi
            }
        }
    }

    fn as_float(&self) -> Option<f64> {
        match self {
            Num::Int(i) => i.to_f64().filter(|f| f.is_finite()),
            Num::Float(f) => Some(*f),
            Num::Complex(..) => None,
        }
    }

    fn as_complex(&self) -> (f64, f64) {
        match self {
            Num::Int(i) => (i.to_f64().unwrap_or(f64::INFINITY), 0.0),
            Num::Float(f) => (*f, 0.0),
            Num::Complex(r, i) => (*r, *i),
        }
    }
}

fn number(c: &Constant) -> Option<Num> {
    match c {
        Constant::True => Some(Num::Int(BigInt::from(1))),
        Constant::False => Some(Num::Int(BigInt::from(0))),
        Constant::Int(i) => Some(Num::Int(BigInt::from(*i))),
        Constant::BigInt(s) => s.parse::<BigInt>().ok().map(Num::Int),
        Constant::Float(f) => Some(Num::Float(*f)),
        Constant::Complex { re, im } => Some(Num::Complex(*re, *im)),
        _ => None,
    }
}

fn int_constant(i: BigInt) -> Constant {
    match i.to_i64() {
        Some(v) => Constant::Int(v),
        None => Constant::BigInt(Arc::from(i.to_string())),
    }
}

fn num_constant(n: Num) -> Option<Constant> {
    Some(match n {
        Num::Int(i) => int_constant(i),
        Num::Float(f) => Constant::Float(f),
        Num::Complex(re, im) => Constant::Complex { re, im },
    })
}

fn bits(i: &BigInt) -> u64 {
    i.bits()
}

fn unary(op: UnaryOp, v: &Constant) -> Option<Constant> {
    if op == UnaryOp::Not {
        return Some(if v.is_truthy() { Constant::False } else { Constant::True });
    }
    let n = number(v)?;
    let r = match (op, n) {
        (UnaryOp::USub, Num::Int(i)) => Num::Int(-i),
        (UnaryOp::USub, Num::Float(f)) => Num::Float(-f),
        (UnaryOp::USub, Num::Complex(r, i)) => Num::Complex(-r, -i),
        (UnaryOp::UAdd, n) => n,
        (UnaryOp::Invert, Num::Int(i)) => Num::Int(-i - 1),
        _ => return None,
    };
    num_constant(r)
}

/// Python's float floor division and modulo (`float_divmod`).
fn float_divmod(a: f64, b: f64) -> Option<(f64, f64)> {
    if b == 0.0 {
        return None;
    }
    let mut m = a % b;
    let mut div = (a - m) / b;
    if m != 0.0 {
        if (b < 0.0) != (m < 0.0) {
            m += b;
            div -= 1.0;
        }
    } else {
        m = 0.0f64.copysign(b);
    }
    let floordiv = if div != 0.0 {
        let mut f = div.floor();
        if div - f > 0.5 {
            f += 1.0;
        }
        f
    } else {
        0.0f64.copysign(a / b)
    };
    Some((floordiv, m))
}

fn int_binary(a: &BigInt, op: Operator, b: &BigInt) -> Option<Num> {
    Some(match op {
        Operator::Add => Num::Int(a + b),
        Operator::Sub => Num::Int(a - b),
        Operator::Mult => {
            if !a.is_zero() && !b.is_zero() && bits(a) + bits(b) > MAX_INT_SIZE {
                return None;
            }
            Num::Int(a * b)
        }
        Operator::FloorDiv => {
            if b.is_zero() {
                return None;
            }
            Num::Int(a.div_floor(b))
        }
        Operator::Mod => {
            if b.is_zero() {
                return None;
            }
            Num::Int(a.mod_floor(b))
        }
        Operator::Div => {
            if b.is_zero() {
                return None;
            }
            // Exact for operands below 2**53; larger ones are left to run time.
            let limit = BigInt::from(1u64 << 53);
            if a.abs() > limit || b.abs() > limit {
                return None;
            }
            Num::Float(a.to_f64()? / b.to_f64()?)
        }
        Operator::Pow => {
            if b.is_negative() {
                if a.is_zero() {
                    return None;
                }
                let r = a.to_f64()?.powf(b.to_f64()?);
                if !r.is_finite() {
                    return None;
                }
                Num::Float(r)
            } else {
                let exp = b.to_u64()?;
                if !a.is_zero() && exp > 0 && bits(a) > MAX_INT_SIZE / exp {
                    return None;
                }
                Num::Int(num_traits::pow::pow(a.clone(), usize::try_from(exp).ok()?))
            }
        }
        Operator::LShift => {
            if b.is_negative() {
                return None;
            }
            if !a.is_zero() && !b.is_zero() {
                let w = b.to_u64()?;
                if w > MAX_INT_SIZE || bits(a) > MAX_INT_SIZE - w {
                    return None;
                }
            }
            Num::Int(a << b.to_usize()?)
        }
        Operator::RShift => {
            if b.is_negative() {
                return None;
            }
            let shift = b.to_usize().unwrap_or(usize::MAX).min(1 << 20);
            Num::Int(a >> shift)
        }
        Operator::BitAnd => Num::Int(a & b),
        Operator::BitOr => Num::Int(a | b),
        Operator::BitXor => Num::Int(a ^ b),
        Operator::MatMult => return None,
    })
}

fn float_binary(a: f64, op: Operator, b: f64) -> Option<Num> {
    let r = match op {
        Operator::Add => a + b,
        Operator::Sub => a - b,
        Operator::Mult => a * b,
        Operator::Div => {
            if b == 0.0 {
                return None;
            }
            a / b
        }
        Operator::FloorDiv => float_divmod(a, b)?.0,
        Operator::Mod => float_divmod(a, b)?.1,
        Operator::Pow => {
            if a == 0.0 && b < 0.0 {
                return None;
            }
            if a < 0.0 && b.fract() != 0.0 && b.is_finite() {
                return None; // a complex result
            }
            let r = a.powf(b);
            if !r.is_finite() && a.is_finite() && b.is_finite() {
                return None; // OverflowError
            }
            r
        }
        _ => return None,
    };
    // `+`, `-`, `*` and `/` overflow to infinity without an error; only `**` raises.
    Some(Num::Float(r))
}

fn complex_binary((ar, ai): (f64, f64), op: Operator, (br, bi): (f64, f64)) -> Option<Num> {
    Some(match op {
        Operator::Add => Num::Complex(ar + br, ai + bi),
        Operator::Sub => Num::Complex(ar - br, ai - bi),
        Operator::Mult => Num::Complex(ar * br - ai * bi, ar * bi + ai * br),
        Operator::Pow => {
            // `complex_pow`: small integral real exponents by repeated squaring (`c_powi`);
            // other exponents, division by zero and overflow are left to run time.
            if bi != 0.0 || br != br.floor() || br.abs() > 100.0 {
                return None;
            }
            let n = br as i64;
            let mut r = (1.0, 0.0);
            let mut p = (ar, ai);
            let mut m = n.unsigned_abs();
            while m > 0 {
                if m & 1 == 1 {
                    r = (r.0 * p.0 - r.1 * p.1, r.0 * p.1 + r.1 * p.0);
                }
                p = (p.0 * p.0 - p.1 * p.1, 2.0 * p.0 * p.1);
                m >>= 1;
            }
            let (re, im) = if n < 0 {
                match complex_binary((1.0, 0.0), Operator::Div, r)? {
                    Num::Complex(re, im) => (re, im),
                    _ => return None,
                }
            } else {
                r
            };
            if !re.is_finite() || !im.is_finite() {
                return None;
            }
            Num::Complex(re, im)
        }
        Operator::Div => {
            // `_Py_c_quot` (Smith's algorithm); division by zero is left to run time.
            let (abs_br, abs_bi) = (br.abs(), bi.abs());
            if abs_br >= abs_bi {
                if abs_br == 0.0 {
                    return None;
                }
                let ratio = bi / br;
                let denom = br + bi * ratio;
                Num::Complex((ar + ai * ratio) / denom, (ai - ar * ratio) / denom)
            } else if abs_bi >= abs_br {
                let ratio = br / bi;
                let denom = br * ratio + bi;
                Num::Complex((ar * ratio + ai) / denom, (ai * ratio - ar) / denom)
            } else {
                return None;
            }
        }
        _ => return None,
    })
}

fn numeric_binary(a: &Num, op: Operator, b: &Num) -> Option<Num> {
    match (a, b) {
        (Num::Int(x), Num::Int(y)) => int_binary(x, op, y),
        (Num::Complex(..), _) | (_, Num::Complex(..)) => complex_binary(a.as_complex(), op, b.as_complex()),
        _ => float_binary(a.as_float()?, op, b.as_float()?),
    }
}

fn total_items(c: &Constant, limit: usize) -> Option<usize> {
    match c {
        Constant::Tuple(items) | Constant::FrozenSet(items) => {
            let mut n = items.len();
            for item in items.iter() {
                if n > limit {
                    return None;
                }
                n += total_items(item, limit)?;
            }
            (n <= limit).then_some(n)
        }
        _ => Some(0),
    }
}

fn repeat(seq: &Constant, n: &Constant) -> Option<Constant> {
    let Some(Num::Int(count)) = number(n) else { return None };
    let len = match seq {
        Constant::Str(s) => s.code_points().count(),
        Constant::Bytes(b) => b.len(),
        Constant::Tuple(t) => t.len(),
        _ => return None,
    };
    let count = if len == 0 {
        count.to_i64().map(|c| c.max(0) as usize)?
    } else {
        let c = count.to_i64()?;
        let max = if matches!(seq, Constant::Tuple(_)) { MAX_COLLECTION_SIZE } else { MAX_STR_SIZE };
        if c < 0 || c as usize > max.checked_div(len)? {
            return None;
        }
        if c > 0 && matches!(seq, Constant::Tuple(_)) {
            total_items(seq, MAX_TOTAL_ITEMS / c as usize)?;
        }
        c as usize
    };
    Some(match seq {
        Constant::Str(s) => {
            let cps: Vec<u32> = s.code_points().collect();
            Constant::Str(PyStr::from_code_points(cps.iter().copied().cycle().take(cps.len() * count))?)
        }
        Constant::Bytes(b) => Constant::Bytes(Arc::from(b.repeat(count))),
        Constant::Tuple(t) => Constant::Tuple(t.iter().cloned().cycle().take(t.len() * count).collect()),
        _ => return None,
    })
}

fn binary(l: &Constant, op: Operator, r: &Constant) -> Option<Constant> {
    // bool & bool (and |, ^) stay bools.
    if let (Some(a), Some(b)) = (as_bool(l), as_bool(r)) {
        match op {
            Operator::BitAnd => return Some(bool_constant(a & b)),
            Operator::BitOr => return Some(bool_constant(a | b)),
            Operator::BitXor => return Some(bool_constant(a ^ b)),
            _ => {}
        }
    }
    if let (Some(a), Some(b)) = (number(l), number(r)) {
        return num_constant(numeric_binary(&a, op, &b)?);
    }
    match (l, op, r) {
        (Constant::Str(a), Operator::Add, Constant::Str(b)) => {
            Some(Constant::Str(PyStr::from_code_points(a.code_points().chain(b.code_points()))?))
        }
        (Constant::Bytes(a), Operator::Add, Constant::Bytes(b)) => {
            Some(Constant::Bytes(Arc::from([&a[..], &b[..]].concat())))
        }
        (Constant::Tuple(a), Operator::Add, Constant::Tuple(b)) => {
            Some(Constant::Tuple(a.iter().chain(b.iter()).cloned().collect()))
        }
        (seq @ (Constant::Str(_) | Constant::Bytes(_) | Constant::Tuple(_)), Operator::Mult, n) => repeat(seq, n),
        (n, Operator::Mult, seq @ (Constant::Str(_) | Constant::Bytes(_) | Constant::Tuple(_))) => repeat(seq, n),
        _ => None,
    }
}

fn as_bool(c: &Constant) -> Option<bool> {
    match c {
        Constant::True => Some(true),
        Constant::False => Some(false),
        _ => None,
    }
}

fn bool_constant(b: bool) -> Constant {
    if b { Constant::True } else { Constant::False }
}

fn subscript(value: &Constant, index: &Constant) -> Option<Constant> {
    let Some(Num::Int(i)) = number(index) else { return None };
    let i = i.to_i64()?;
    let at = |len: usize| -> Option<usize> {
        let idx = if i < 0 { i + len as i64 } else { i };
        (0..len as i64).contains(&idx).then_some(idx as usize)
    };
    match value {
        Constant::Str(s) => {
            let cps: Vec<u32> = s.code_points().collect();
            let k = at(cps.len())?;
            Some(Constant::Str(PyStr::from_code_points([cps[k]])?))
        }
        Constant::Bytes(b) => Some(Constant::Int(b[at(b.len())?] as i64)),
        Constant::Tuple(t) => Some(t[at(t.len())?].clone()),
        _ => None,
    }
}

// ----- "%" formatting ----------------------------------------------------------------------------

/// One piece of the f-string the optimizer makes of `"..." % (...)`.
#[derive(Clone, Debug)]
pub enum Folded<'a> {
    Literal(PyStr),
    /// `{value!conversion:spec}`; `conversion` is the `CONVERT_VALUE` oparg.
    Format {
        value: &'a Expr<'a>,
        conversion: u32,
        spec: Option<String>,
    },
}

/// `optimize_format`: the parts of the f-string equivalent to the `%` expression `e`, when the
/// optimizer rewrites it.
pub fn percent_format<'a>(e: &'a Expr<'a>) -> Option<Vec<Folded<'a>>> {
    let ExprKind::BinOp { left, op: Operator::Mod, right } = &e.node else { return None };
    let ExprKind::Tuple { elts, ctx: ExprContext::Load } = &right.node else { return None };
    if fold_expr(right).is_some() || elts.iter().any(|x| matches!(x.node, ExprKind::Starred { .. })) {
        return None;
    }
    let Some(Constant::Str(fmt)) = fold_expr(left) else { return None };
    let fmt: Vec<u32> = fmt.code_points().collect();
    let percent = '%' as u32;
    let mut parts = Vec::new();
    let mut pos = 0;
    let mut cnt = 0;
    loop {
        // A literal run, with "%%" as "%".
        let mut lit = Vec::new();
        while pos < fmt.len() {
            if fmt[pos] != percent {
                lit.push(fmt[pos]);
                pos += 1;
            } else if pos + 1 < fmt.len() && fmt[pos + 1] == percent {
                lit.push(percent);
                pos += 2;
            } else {
                break;
            }
        }
        if !lit.is_empty() {
            parts.push(Folded::Literal(PyStr::from_code_points(lit)?));
        }
        if pos >= fmt.len() {
            break;
        }
        if cnt >= elts.len() {
            return None;
        }
        pos += 1; // the '%'
        let (spec_char, flags_ljust, width, prec) = parse_format_unit(&fmt, &mut pos)?;
        let conversion = match char::from_u32(spec_char)? {
            's' => 1,
            'r' => 2,
            'a' => 3,
            _ => return None,
        };
        let mut spec = String::new();
        if !flags_ljust && width.is_some_and(|w| w > 0) {
            spec.push('>');
        }
        if let Some(w) = width {
            spec.push_str(&w.to_string());
        }
        if let Some(p) = prec {
            spec.push_str(&format!(".{p}"));
        }
        parts.push(Folded::Format { value: &elts[cnt], conversion, spec: (!spec.is_empty()).then_some(spec) });
        cnt += 1;
    }
    if cnt < elts.len() {
        return None;
    }
    Some(parts)
}

/// `simple_format_arg_parse`: flags, width, precision and the conversion character.
fn parse_format_unit(fmt: &[u32], pos: &mut usize) -> Option<(u32, bool, Option<u64>, Option<u64>)> {
    let mut next = || -> Option<u32> {
        let c = *fmt.get(*pos)?;
        *pos += 1;
        Some(c)
    };
    let mut ljust = false;
    let mut ch;
    loop {
        ch = next()?;
        match char::from_u32(ch)? {
            '-' => ljust = true,
            '+' | ' ' | '#' | '0' => {}
            _ => break,
        }
    }
    let is_digit = |c: u32| (b'0' as u32..=b'9' as u32).contains(&c);
    // Widths and precisions of three or more digits are left to run time (`MAXDIGITS`).
    let mut width = None;
    if is_digit(ch) {
        let (mut w, mut digits) = (0u64, 0);
        while is_digit(ch) {
            w = w * 10 + (ch - b'0' as u32) as u64;
            ch = next()?;
            digits += 1;
            if digits >= 3 {
                return None;
            }
        }
        width = Some(w);
    }
    let mut prec = None;
    if ch == '.' as u32 {
        ch = next()?;
        let (mut p, mut digits) = (0u64, 0);
        while is_digit(ch) {
            p = p * 10 + (ch - b'0' as u32) as u64;
            ch = next()?;
            digits += 1;
            if digits >= 3 {
                return None;
            }
        }
        prec = Some(p);
    }
    Some((ch, ljust, width, prec))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn c_int(i: i64) -> Constant {
        Constant::Int(i)
    }

    #[test]
    fn integer_folding_follows_python() {
        assert_eq!(binary(&c_int(-7), Operator::FloorDiv, &c_int(2)), Some(c_int(-4)));
        assert_eq!(binary(&c_int(-7), Operator::Mod, &c_int(2)), Some(c_int(1)));
        assert_eq!(binary(&c_int(1), Operator::Div, &c_int(0)), None);
        assert_eq!(
            binary(&c_int(2), Operator::Pow, &c_int(64)),
            Some(Constant::BigInt(Arc::from("18446744073709551616")))
        );
        assert_eq!(binary(&c_int(2), Operator::Pow, &c_int(100)), None, "bits(2) > 128 / 100, as in CPython");
        assert!(binary(&c_int(1), Operator::LShift, &c_int(127)).is_some());
        assert_eq!(binary(&c_int(1), Operator::LShift, &c_int(128)), None);
        assert_eq!(binary(&Constant::True, Operator::Add, &Constant::True), Some(c_int(2)));
        assert_eq!(binary(&Constant::True, Operator::BitAnd, &Constant::False), Some(Constant::False));
        assert_eq!(unary(UnaryOp::Invert, &c_int(5)), Some(c_int(-6)));
        assert_eq!(unary(UnaryOp::Not, &c_int(0)), Some(Constant::True));
    }

    #[test]
    fn sequence_folding_respects_limits() {
        let s = Constant::str("ab");
        assert_eq!(binary(&s, Operator::Mult, &c_int(3)), Some(Constant::str("ababab")));
        assert_eq!(binary(&s, Operator::Mult, &c_int(3000)), None);
        assert_eq!(binary(&s, Operator::Mod, &c_int(1)), None);
        assert_eq!(subscript(&Constant::str("abc"), &c_int(-1)), Some(Constant::str("c")));
        assert_eq!(subscript(&Constant::str("abc"), &c_int(3)), None);
    }

    #[test]
    fn float_division_and_modulo_follow_python() {
        assert_eq!(
            binary(&Constant::Float(-7.0), Operator::FloorDiv, &Constant::Float(2.0)),
            Some(Constant::Float(-4.0))
        );
        assert_eq!(binary(&Constant::Float(-7.0), Operator::Mod, &Constant::Float(2.0)), Some(Constant::Float(1.0)));
        assert_eq!(binary(&c_int(1), Operator::Div, &c_int(4)), Some(Constant::Float(0.25)));
    }
}
