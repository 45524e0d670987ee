//! The abstract object protocols (CPython's `Objects/abstract.c` and `object.c`): what the eval
//! loop and builtins call, dispatching through type slots.
//!
//! Binary operators follow `binary_op1`: the left operand's slot, and the right operand's slot
//! when its type differs — tried *first* when the right type is a proper subclass of the left
//! (so a subclass can override an operator of its base). A slot returns `NotImplemented` when it
//! does not handle the operand types; when every candidate does, the result is
//! `TypeError: unsupported operand type(s) for +: 'int' and 'str'`. Rich comparisons follow
//! `do_richcompare` the same way (with the swapped operator for the reflected call) and fall back
//! to identity for `==`/`!=`.

use super::header::PyObject;
use super::immortal::{immortals, types, types_known_made};
use super::int::{IntVal, as_int, new_bool};
use super::obj::Obj;
use super::slots::BinOp;
use super::str::str_value;
use super::typeobj::{CompareOp, TypeObject};
use crate::error::{PyErr, PyResult};

#[inline]
fn is_not_implemented(o: &PyObject) -> bool {
    o.is(immortals().not_implemented)
}

/// The type's name for messages.
#[inline]
pub fn type_name(o: &PyObject) -> &str {
    o.type_object().name()
}

/// `repr(o)`.
pub fn repr(o: &PyObject) -> PyResult<Obj> {
    crate::object::recursion::guarded(" while getting the repr of an object", || repr_entered(o))
}

/// [`repr`] inside its recursion guard.
fn repr_entered(o: &PyObject) -> PyResult<Obj> {
    let r = match o.type_object().repr {
        Some(f) => f(o),
        None => return default_repr(o),
    };
    // `PyObject_Repr`: a class's `__repr__` must return a `str`.
    match r {
        Ok(r) if !r.type_object().is_subtype(types().str_type) => Err(repr_not_str(&r)),
        r => r,
    }
}

/// Kept out of [`repr`], whose frame is on the stack once per level of a nested repr.
#[cold]
#[inline(never)]
fn repr_not_str(r: &PyObject) -> PyErr {
    PyErr::type_error(format!("__repr__ returned non-string (type {})", type_name(r)))
}

/// `object.__repr__`: `<module.Name object at 0x...>`.
pub fn default_repr(o: &PyObject) -> PyResult<Obj> {
    let ty = o.type_object();
    let module = if ty.is_heap() {
        ty.dict()
            .and_then(super::dict::as_dict)
            .and_then(|d| d.get_str(&super::immortal::intern("__module__").ob_base))
            .and_then(|m| str_value(&m).map(str::to_owned))
    } else {
        None
    };
    let name = match module.as_deref() {
        Some("builtins") | None => ty.name().to_owned(),
        // `object_repr` shows the qualified name after a module.
        Some(m) => format!("{m}.{}", ty.qualname().as_deref().and_then(str_value).unwrap_or(ty.name())),
    };
    super::str::new_str(&format!("<{name} object at {:#x}>", o.addr()))
}

/// `repr(o)` as Rust text.
pub fn repr_text(o: &PyObject) -> PyResult<String> {
    let r = repr(o)?;
    str_value(&r)
        .map(str::to_owned)
        .ok_or_else(|| PyErr::type_error(format!("__repr__ returned non-string (type {})", type_name(&r))))
}

/// `str(o)`.
pub fn str(o: &PyObject) -> PyResult<Obj> {
    if std::ptr::eq(o.type_object(), types_known_made(o).str_type) {
        return Ok(Obj::new_ref(o));
    }
    match o.type_object().str {
        Some(f) => f(o),
        None => repr(o),
    }
}

/// `str(o)` as Rust text.
pub fn str_text(o: &PyObject) -> PyResult<String> {
    let s = str(o)?;
    str_value(&s)
        .map(str::to_owned)
        .ok_or_else(|| PyErr::type_error(format!("__str__ returned non-string (type {})", type_name(&s))))
}

/// `hash(o)`.
pub fn hash(o: &PyObject) -> PyResult<isize> {
    let (ty, t) = (o.type_object(), types());
    if std::ptr::eq(ty, t.str_type) {
        if let Some(s) = super::str::as_str_object(o) {
            return Ok(s.hash());
        }
    } else if std::ptr::eq(ty, t.int_type) {
        // The common set and dict keys: an exact int's hash needs no slot call.
        if let Some(v) = super::int::small_value(o) {
            return Ok(super::int::hash_small(v));
        }
    }
    match o.type_object().hash {
        Some(f) => f(o),
        None => Err(PyErr::type_error(format!("unhashable type: '{}'", type_name(o)))),
    }
}

/// `bool(o)` (`PyObject_IsTrue`).
#[inline]
pub fn is_true(o: &PyObject) -> PyResult<bool> {
    let im = immortals();
    if o.is(&im.true_.ob_base) {
        return Ok(true);
    }
    if o.is(&im.false_.ob_base) || o.is(im.none) {
        return Ok(false);
    }
    let ty = o.type_object();
    if let Some(f) = ty.number.bool {
        return f(o);
    }
    if let Some(f) = ty.mapping.length.or(ty.sequence.length) {
        return Ok(f(o)? != 0);
    }
    Ok(true)
}

/// `a <op> b`.
pub fn rich_compare(a: &PyObject, b: &PyObject, op: CompareOp) -> PyResult<Obj> {
    crate::object::recursion::guarded(" in comparison", || rich_compare_entered(a, b, op))
}

/// [`rich_compare`] inside its recursion guard.
fn rich_compare_entered(a: &PyObject, b: &PyObject, op: CompareOp) -> PyResult<Obj> {
    let (ta, tb) = (a.type_object(), b.type_object());
    let mut checked_reverse = false;
    if !std::ptr::eq(ta, tb) && tb.is_subtype(ta) {
        if let Some(f) = tb.richcompare {
            checked_reverse = true;
            let r = f(b, a, op.swapped())?;
            if !is_not_implemented(&r) {
                return Ok(r);
            }
        }
    }
    if let Some(f) = ta.richcompare {
        let r = f(a, b, op)?;
        if !is_not_implemented(&r) {
            return Ok(r);
        }
    }
    if !checked_reverse {
        if let Some(f) = tb.richcompare {
            let r = f(b, a, op.swapped())?;
            if !is_not_implemented(&r) {
                return Ok(r);
            }
        }
    }
    match op {
        CompareOp::Eq => Ok(new_bool(a.is(b))),
        CompareOp::Ne => Ok(new_bool(!a.is(b))),
        _ => Err(PyErr::type_error(format!(
            "'{}' not supported between instances of '{}' and '{}'",
            op.symbol(),
            ta.name(),
            tb.name()
        ))),
    }
}

/// `a <op> b` as a Rust bool (identity implies equality, as in `PyObject_RichCompareBool`).
#[inline]
pub fn rich_compare_bool(a: &PyObject, b: &PyObject, op: CompareOp) -> PyResult<bool> {
    if a.is(b) {
        match op {
            CompareOp::Eq => return Ok(true),
            CompareOp::Ne => return Ok(false),
            _ => {}
        }
    }
    let r = rich_compare(a, b, op)?;
    is_true(&r)
}

/// `binary_op1`: `None` when no operand handles the operation.
fn binary_op1(a: &PyObject, b: &PyObject, op: BinOp) -> PyResult<Option<Obj>> {
    let (ta, tb) = (a.type_object(), b.type_object());
    let slotv = ta.number.binary(op);
    let mut slotw = if std::ptr::eq(ta, tb) { None } else { tb.number.binary(op) };
    if let (Some(v), Some(w)) = (slotv, slotw) {
        if std::ptr::fn_addr_eq(v, w) {
            slotw = None;
        }
    }
    if let Some(v) = slotv {
        if let Some(w) = slotw {
            if tb.is_subtype(ta) {
                let r = w(a, b)?;
                if !is_not_implemented(&r) {
                    return Ok(Some(r));
                }
                slotw = None;
            }
        }
        let r = v(a, b)?;
        if !is_not_implemented(&r) {
            return Ok(Some(r));
        }
    }
    if let Some(w) = slotw {
        let r = w(a, b)?;
        if !is_not_implemented(&r) {
            return Ok(Some(r));
        }
    }
    Ok(None)
}

#[cold]
fn unsupported(a: &PyObject, b: &PyObject, op: BinOp, inplace: bool) -> PyErr {
    let ts = types();
    let (ta, tb) = (a.type_object(), b.type_object());
    if op == BinOp::Add {
        for (t, n) in [(ts.str_type, "str"), (ts.list_type, "list"), (ts.tuple_type, "tuple")] {
            if ta.is_subtype(t) {
                return PyErr::type_error(format!("can only concatenate {n} (not \"{}\") to {n}", tb.name()));
            }
        }
    }
    if op == BinOp::Multiply {
        // CPython's `sq_repeat` fallback after both `nb_multiply` slots declined.
        let is_seq = |t: &TypeObject| [ts.str_type, ts.list_type, ts.tuple_type].iter().any(|s| t.is_subtype(s));
        if is_seq(ta) || is_seq(tb) {
            let other = if is_seq(ta) { tb } else { ta };
            return PyErr::type_error(format!("can't multiply sequence by non-int of type '{}'", other.name()));
        }
    }
    let sym = if inplace { format!("{}=", op.symbol()) } else { op.symbol().to_owned() };
    let sym = if op == BinOp::Power && !inplace { "** or pow()".to_owned() } else { sym };
    PyErr::type_error(format!("unsupported operand type(s) for {sym}: '{}' and '{}'", ta.name(), tb.name()))
}

/// `a <op> b`.
pub fn binary_op(a: &PyObject, b: &PyObject, op: BinOp) -> PyResult<Obj> {
    match binary_op1(a, b, op)? {
        Some(r) => Ok(r),
        None => Err(unsupported(a, b, op, false)),
    }
}

/// `a <op>= b`: the in-place slot, then the binary operator.
pub fn inplace_op(a: &PyObject, b: &PyObject, op: BinOp) -> PyResult<Obj> {
    let ty = a.type_object();
    // A class's `__iadd__`, ... (CPython's `slot_nb_inplace_*`), looked up at each use so a
    // method assigned after the class was made counts too; it overrides an inherited slot.
    let class_method = if ty.is_heap() { super::attr::lookup_str(ty, op.dunders().2) } else { None };
    if let Some(f) = class_method {
        let bound = match f.type_object().descr_get {
            Some(get) => get(&f, Some(a), ty.as_object())?,
            None => f,
        };
        let r = call(&bound, &[Obj::new_ref(b)], None)?;
        if !is_not_implemented(&r) {
            return Ok(r);
        }
    } else if let Some(f) = ty.number.inplace(op) {
        let r = f(a, b)?;
        if !is_not_implemented(&r) {
            return Ok(r);
        }
    }
    match binary_op1(a, b, op)? {
        Some(r) => Ok(r),
        None => Err(unsupported(a, b, op, true)),
    }
}

/// The unary operators.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum UnaryOp {
    Negative,
    Positive,
    Invert,
    Absolute,
}

/// `-a`, `+a`, `~a`, `abs(a)`.
pub fn unary_op(a: &PyObject, op: UnaryOp) -> PyResult<Obj> {
    let nb = &a.type_object().number;
    let (slot, sym) = match op {
        UnaryOp::Negative => (nb.negative, "unary -"),
        UnaryOp::Positive => (nb.positive, "unary +"),
        UnaryOp::Invert => (nb.invert, "unary ~"),
        UnaryOp::Absolute => (nb.absolute, "abs()"),
    };
    match slot {
        Some(f) => f(a),
        None => Err(PyErr::type_error(format!("bad operand type for {sym}: '{}'", type_name(a)))),
    }
}

/// `callable(*args, **kwargs)` in the vectorcall shape.
#[inline]
pub fn call(callable: &PyObject, args: &[Obj], kwnames: Option<&PyObject>) -> PyResult<Obj> {
    match callable.type_object().call {
        Some(f) => crate::object::recursion::guarded(" while calling a Python object", || f(callable, args, kwnames)),
        None => Err(PyErr::type_error(format!("'{}' object is not callable", type_name(callable)))),
    }
}

/// `getattr(o, name)`.
#[inline]
pub fn get_attr(o: &PyObject, name: &PyObject) -> PyResult<Obj> {
    (o.type_object().getattro)(o, name).map_err(|e| super::exceptions::with_attribute_context(e, o, name))
}

/// `_PyObject_LookupSpecial`: `name` looked up on `o`'s type (not the instance) and bound to
/// `o`; `None` when the type has no such attribute.
pub(crate) fn lookup_special(o: &PyObject, name: &str) -> PyResult<Option<Obj>> {
    let ty = o.type_object();
    let Some(f) = super::attr::lookup_str(ty, name) else { return Ok(None) };
    match f.type_object().descr_get {
        Some(get) => get(&f, Some(o), ty.as_object()).map(Some),
        None => Ok(Some(f)),
    }
}

/// `getattr(o, "name")`.
pub fn get_attr_str(o: &PyObject, name: &str) -> PyResult<Obj> {
    get_attr(o, &super::immortal::intern(name).ob_base)
}

/// `setattr(o, name, value)` / `delattr(o, name)` when `value` is `None`.
pub fn set_attr(o: &PyObject, name: &PyObject, value: Option<&PyObject>) -> PyResult<()> {
    match o.type_object().setattro {
        Some(f) => f(o, name, value),
        None => super::attr::generic_setattr(o, name, value),
    }
}

/// `iter(o)`.
pub fn get_iter(o: &PyObject) -> PyResult<Obj> {
    let ty = o.type_object();
    if let Some(f) = ty.iter {
        let it = f(o)?;
        if it.type_object().iternext.is_none() {
            return Err(PyErr::type_error(format!("iter() returned non-iterator of type '{}'", type_name(&it))));
        }
        return Ok(it);
    }
    if ty.mapping.subscript.is_some() && !ty.is_subtype(types().dict_type) {
        return super::core_types::new_seq_iter(Obj::new_ref(o));
    }
    Err(PyErr::type_error(format!("'{}' object is not iterable", type_name(o))))
}

/// `next(it)`: `Ok(None)` when exhausted.
#[inline]
pub fn next(it: &PyObject) -> PyResult<Option<Obj>> {
    match it.type_object().iternext {
        // An iterator may end with `StopIteration(value)` (a generator's return value):
        // consumers treat it as the end, as CPython's do.
        Some(f) => match f(it) {
            Err(e) if e.matches(types().exc.named("StopIteration")) => Ok(None),
            r => r,
        },
        None => Err(PyErr::type_error(format!("'{}' object is not an iterator", type_name(it)))),
    }
}

/// Collects an iterable into a vector.
/// Exact lists and tuples are copied; anything else (their subclasses included, which may
/// define `__iter__`) is iterated, as CPython's `PySequence_List`/`list_extend`.
pub fn collect(o: &PyObject) -> PyResult<Vec<Obj>> {
    let (ty, t) = (o.type_object(), types());
    if let Some(l) = super::list::as_list(o).filter(|_| std::ptr::eq(ty, t.list_type)) {
        return Ok(l.items().into_vec());
    }
    if std::ptr::eq(ty, t.tuple_type) {
        return Ok(super::tuple::items(o).to_vec());
    }
    let it = get_iter(o)?;
    let mut out = Vec::new();
    while let Some(v) = next(&it)? {
        out.push(v);
    }
    Ok(out)
}

/// [`collect`] for `list(o)`, `list.extend(o)` and `tuple(o)`, which CPython (`list_extend`,
/// `PySequence_Tuple`) sizes by the iterable's length hint — that runs its `__len__` or
/// `__length_hint__`, which a program can see. The reservation is capped, so a hint that lies
/// cannot make a huge allocation.
pub(crate) fn collect_sized(o: &PyObject, default: usize) -> PyResult<Vec<Obj>> {
    if super::list::as_list(o).is_some() || super::tuple::is_tuple(o) {
        return collect(o);
    }
    let it = get_iter(o)?;
    let hint = length_hint(o, default)?;
    let mut out = Vec::with_capacity(hint.min(1 << 16));
    while let Some(v) = next(&it)? {
        out.push(v);
    }
    Ok(out)
}

/// `operator.length_hint(o, default)` (CPython's `PyObject_LengthHint`): `len(o)` when its type
/// has a length (a `TypeError` from it is ignored), else its `__length_hint__` looked up as a
/// special method (a `TypeError` from the call or `NotImplemented` gives `default`).
pub(crate) fn length_hint(o: &PyObject, default: usize) -> PyResult<usize> {
    let ty = o.type_object();
    let type_error = || types().exc.named("TypeError");
    if ty.sequence.length.or(ty.mapping.length).is_some() {
        match len(o) {
            Ok(n) => return Ok(n),
            Err(e) if e.matches(type_error()) => {}
            Err(e) => return Err(e),
        }
    }
    let Some(hint) = lookup_special(o, "__length_hint__")? else { return Ok(default) };
    let r = match call(&hint, &[], None) {
        Ok(r) => r,
        Err(e) if e.matches(type_error()) => return Ok(default),
        Err(e) => return Err(e),
    };
    if r.is(super::immortal::immortals().not_implemented) {
        return Ok(default);
    }
    if super::int::as_int(&r).is_none() {
        return Err(PyErr::type_error(format!("__length_hint__ must be an integer, not {}", r.type_object().name())));
    }
    let n = index_isize(&r)?;
    usize::try_from(n).map_err(|_| PyErr::value_error("__length_hint__() should return >= 0"))
}

/// `o[key]`.
pub fn get_item(o: &PyObject, key: &PyObject) -> PyResult<Obj> {
    match o.type_object().mapping.subscript {
        Some(f) => f(o, key),
        None => {
            if let Some(t) = super::typeobj::as_type(o) {
                // `type[X]` (CPython's `PyObject_GetItem` special case: `type` has no
                // `__class_getitem__` of its own, which its subclasses would inherit).
                if std::ptr::eq(t, types().type_type) {
                    return super::generic_alias::new_generic_alias(Obj::new_ref(o), Obj::new_ref(key));
                }
                if let Some(cgi) = super::attr::lookup_str(t, "__class_getitem__") {
                    // A class method (implicitly so in a class body): bound to the class.
                    let cgi = match cgi.type_object().descr_get {
                        Some(get) => get(&cgi, None, o)?,
                        None => cgi,
                    };
                    return call(&cgi, &[Obj::new_ref(key)], None);
                }
                return Err(PyErr::type_error(format!("type '{}' is not subscriptable", t.name())));
            }
            Err(PyErr::type_error(format!("'{}' object is not subscriptable", type_name(o))))
        }
    }
}

/// `o[key] = value` (`value` `None`: `del o[key]`).
pub fn set_item(o: &PyObject, key: &PyObject, value: Option<&PyObject>) -> PyResult<()> {
    match o.type_object().mapping.ass_subscript {
        Some(f) => f(o, key, value),
        None => Err(PyErr::type_error(match value {
            Some(_) => format!("'{}' object does not support item assignment", type_name(o)),
            // `PySequence_DelItem`'s wording when the key is an index and the type has sequence
            // methods (a class always has them), `PyObject_DelItem`'s otherwise.
            None if is_index(key) && (o.type_object().is_heap() || has_sequence_methods(o.type_object())) => {
                format!("'{}' object doesn't support item deletion", type_name(o))
            }
            None => format!("'{}' object does not support item deletion", type_name(o)),
        })),
    }
}

/// Whether `key` can be used as a sequence index (`_PyIndex_Check`).
fn is_index(key: &PyObject) -> bool {
    key.type_object().number.index.is_some() || as_int(key).is_some()
}

/// Whether a builtin type has sequence methods (CPython's `tp_as_sequence`).
fn has_sequence_methods(t: &TypeObject) -> bool {
    t.sequence.length.is_some() || t.sequence.contains.is_some()
}

/// `len(o)`.
pub fn len(o: &PyObject) -> PyResult<usize> {
    let ty = o.type_object();
    match ty.sequence.length.or(ty.mapping.length) {
        Some(f) => f(o),
        None => Err(PyErr::type_error(format!("object of type '{}' has no len()", type_name(o)))),
    }
}

/// `item in container`.
pub fn contains(container: &PyObject, item: &PyObject) -> PyResult<bool> {
    if let Some(f) = container.type_object().sequence.contains {
        return f(container, item);
    }
    let ty = container.type_object();
    if ty.iter.is_none() && ty.mapping.subscript.is_none() {
        return Err(PyErr::type_error(format!("argument of type '{}' is not iterable", type_name(container))));
    }
    let it = get_iter(container)?;
    while let Some(v) = next(&it)? {
        if rich_compare_bool(&v, item, CompareOp::Eq)? {
            return Ok(true);
        }
    }
    Ok(false)
}

/// `operator.index(o)`.
pub fn index(o: &PyObject) -> PyResult<Obj> {
    if as_int(o).is_some() {
        return Ok(Obj::new_ref(o));
    }
    match o.type_object().number.index {
        Some(f) => f(o),
        // A class defining `__index__` in Python (heap types get no slot for it yet).
        None => match super::attr::lookup_str(o.type_object(), "__index__") {
            Some(f) => {
                let r = call(&f, &[Obj::new_ref(o)], None)?;
                if as_int(&r).is_none() {
                    return Err(PyErr::type_error(format!("__index__ returned non-int (type {})", type_name(&r))));
                }
                Ok(r)
            }
            None => Err(PyErr::type_error(format!("'{}' object cannot be interpreted as an integer", type_name(o)))),
        },
    }
}

/// `operator.index(o)` as an `isize`, with CPython's `OverflowError`.
pub fn index_isize(o: &PyObject) -> PyResult<isize> {
    let i = index(o)?;
    match as_int(&i) {
        Some(IntVal::Small(v)) => isize::try_from(v).map_err(|_| overflow_ssize()),
        _ => Err(overflow_ssize()),
    }
}

#[cold]
fn overflow_ssize() -> PyErr {
    PyErr::index_error("cannot fit 'int' into an index-sized integer")
}

/// `isinstance(o, ty)` for a type (no `__instancecheck__` yet).
#[inline]
pub fn is_instance(o: &PyObject, ty: &TypeObject) -> bool {
    o.type_object().is_subtype(ty)
}
