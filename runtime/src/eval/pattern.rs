//! Structural pattern matching: the runtime half of `match` (CPython 3.13's `MATCH_CLASS`,
//! `MATCH_MAPPING`, `MATCH_SEQUENCE`, `MATCH_KEYS`; `Python/ceval.c`'s `_PyEval_MatchClass` and
//! `_PyEval_MatchKeys`).
//!
//! The compiler turns every pattern into plain stack code (`COPY`, `POP_JUMP_IF_*`, `GET_LEN`,
//! `COMPARE_OP`, `UNPACK_SEQUENCE`, `BINARY_SUBSCR`, ...); only four questions need the
//! runtime:
//!
//! - **Is the subject a sequence / a mapping?** CPython answers with the `Py_TPFLAGS_SEQUENCE` /
//!   `Py_TPFLAGS_MAPPING` bits of the subject's type, set on a few builtin types and inherited
//!   along `tp_base`. pyrt derives the same answer from the static types on the subject type's
//!   base chain: `list`, `tuple`, `range`, `memoryview`, `collections.deque` and `array.array`
//!   are sequences, `dict` and `mappingproxy` (`types.MappingProxyType`) are mappings; `str`,
//!   `bytes` and `bytearray` are not sequences here. Classes that only *register* with (or inherit
//!   from) `collections.abc.Sequence` / `Mapping` get the flag in CPython through the ABC
//!   machinery, which pyrt does not have yet: they do not match.
//! - **Class patterns** (`C(p0, p1, k=p2)`): an `isinstance` check, then the positional
//!   sub-patterns name attributes through `C.__match_args__` (a tuple of `str`), except for the
//!   builtin types that match their single positional sub-pattern against the subject itself
//!   (`_Py_TPFLAGS_MATCH_SELF`: `bool`, `bytearray`, `bytes`, `dict`, `float`, `frozenset`,
//!   `int`, `list`, `set`, `str`, `tuple` and their subclasses, unless a subclass defines
//!   `__match_args__`). A missing attribute is a failed match, not an error; naming an attribute
//!   twice is a `TypeError`. The result is the tuple of attributes, or `None` on no match.
//! - **Mapping keys** (`{k0: p0, k1: p1}`): `subject.get(k, dummy)` for each key (the two-argument
//!   `get` so that `defaultdict.__missing__` creates nothing); the tuple of values, or `None`
//!   when a key is absent; a key checked twice is a `ValueError`.

use crate::error::{PyErr, PyResult};
use crate::object::abstract_ops as ops;
use crate::object::dict::{as_dict, new_dict};
use crate::object::obj::Obj;
use crate::object::str::str_value;
use crate::object::tuple::{is_tuple, items, new_tuple};
use crate::object::typeobj::{TypeObject, as_type};
use crate::object::{PyObject, immortals, intern, types};

/// The static types whose instances match a class pattern's single positional sub-pattern
/// themselves (CPython's `_Py_TPFLAGS_MATCH_SELF`).
const MATCH_SELF_TYPES: &[&str] =
    &["bool", "bytearray", "bytes", "dict", "float", "frozenset", "int", "list", "set", "str", "tuple"];

/// The static types flagged `Py_TPFLAGS_SEQUENCE` in CPython 3.13.
const SEQUENCE_TYPES: &[&str] = &["list", "tuple", "range", "memoryview", "deque", "array"];

/// The static types flagged `Py_TPFLAGS_MAPPING` in CPython 3.13.
const MAPPING_TYPES: &[&str] = &["dict", "mappingproxy"];

/// Whether a static type named in `names` is on `ty`'s `tp_base` chain (how CPython's type
/// flags are inherited).
fn has_static_base_in(ty: &TypeObject, names: &[&str]) -> bool {
    let mut t = Some(ty);
    while let Some(cur) = t {
        if !cur.is_heap() && names.contains(&cur.static_name) {
            return true;
        }
        t = cur.base();
    }
    false
}

/// `MATCH_SEQUENCE`'s test.
pub(crate) fn is_sequence(subject: &PyObject) -> bool {
    has_static_base_in(subject.type_object(), SEQUENCE_TYPES)
}

/// `MATCH_MAPPING`'s test.
pub(crate) fn is_mapping(subject: &PyObject) -> bool {
    has_static_base_in(subject.type_object(), MAPPING_TYPES)
}

/// A `set` of keys seen so far, kept in a dict (same hashing and equality as a set).
struct Seen(Obj);

impl Seen {
    fn new() -> PyResult<Seen> {
        Ok(Seen(new_dict()?))
    }

    /// Adds `key`; `Ok(false)` if it was already there.
    fn insert(&self, key: &PyObject) -> PyResult<bool> {
        let d = as_dict(&self.0).expect("a dict");
        if d.get(key)?.is_some() {
            return Ok(false);
        }
        d.set(Obj::new_ref(key), Obj::new_ref(immortals().none))?;
        Ok(true)
    }
}

/// `getattr(o, name)` with `AttributeError` turned into `None` (`PyObject_GetOptionalAttr`).
fn optional_attr(o: &PyObject, name: &PyObject) -> PyResult<Option<Obj>> {
    match ops::get_attr(o, name) {
        Ok(v) => Ok(Some(v)),
        Err(e) if e.matches(types().exc.named("AttributeError")) => Ok(None),
        Err(e) => Err(e),
    }
}

/// `match_class_attr`: the attribute for one sub-pattern (`None`: the subject lacks it). The
/// names are exact `str`s (checked for `__match_args__`, constants for keywords), so CPython's
/// `seen` set is a list of their texts here.
fn class_attr<'n>(
    subject: &PyObject,
    ty: &TypeObject,
    name: &'n PyObject,
    seen: &mut Vec<&'n str>,
) -> PyResult<Option<Obj>> {
    let text = str_value(name).unwrap_or("");
    if seen.contains(&text) {
        return Err(PyErr::type_error(format!(
            "{}() got multiple sub-patterns for attribute {}",
            ty.name(),
            ops::repr_text(name)?
        )));
    }
    seen.push(text);
    optional_attr(subject, name)
}

/// `MATCH_CLASS`: the attributes for `nargs` positional sub-patterns and the keyword
/// sub-patterns named by `kwargs` (a tuple of `str`), or `None` when the subject does not match.
pub(crate) fn match_class(
    subject: &PyObject,
    cls: &PyObject,
    nargs: usize,
    kwargs: &PyObject,
) -> PyResult<Option<Obj>> {
    let Some(ty) = as_type(cls) else {
        return Err(PyErr::type_error("called match pattern must be a class"));
    };
    if !ops::is_instance(subject, ty) {
        return Ok(None);
    }
    let match_args = if nargs > 0 { optional_attr(cls, &intern("__match_args__").ob_base)? } else { None };
    let mut seen: Vec<&str> = Vec::new();
    let mut attrs: Vec<Obj> = Vec::with_capacity(nargs + items(kwargs).len());
    if nargs > 0 {
        let (names, match_self): (&[Obj], bool) = match &match_args {
            Some(m) if std::ptr::eq(m.type_object(), types().tuple_type) => (items(m), false),
            Some(m) => {
                return Err(PyErr::type_error(format!(
                    "{}.__match_args__ must be a tuple (got {})",
                    ty.name(),
                    m.type_object().name()
                )));
            }
            None => (&[], has_static_base_in(ty, MATCH_SELF_TYPES)),
        };
        let allowed = if match_self { 1 } else { names.len() };
        if allowed < nargs {
            let plural = if allowed == 1 { "" } else { "s" };
            return Err(PyErr::type_error(format!(
                "{}() accepts {allowed} positional sub-pattern{plural} ({nargs} given)",
                ty.name()
            )));
        }
        if match_self {
            attrs.push(Obj::new_ref(subject));
        } else {
            for name in &names[..nargs] {
                if !std::ptr::eq(name.type_object(), types().str_type) {
                    return Err(PyErr::type_error(format!(
                        "__match_args__ elements must be strings (got {})",
                        name.type_object().name()
                    )));
                }
                match class_attr(subject, ty, name, &mut seen)? {
                    Some(a) => attrs.push(a),
                    None => return Ok(None),
                }
            }
        }
    }
    for name in items(kwargs) {
        match class_attr(subject, ty, name, &mut seen)? {
            Some(a) => attrs.push(a),
            None => return Ok(None),
        }
    }
    Ok(Some(new_tuple(attrs)?))
}

/// `MATCH_KEYS`: the values of `keys` (a tuple) in the mapping `subject`, as a tuple, or `None`
/// when one is missing.
pub(crate) fn match_keys(subject: &PyObject, keys: &PyObject) -> PyResult<Option<Obj>> {
    debug_assert!(is_tuple(keys));
    let keys = items(keys);
    if keys.is_empty() {
        return Ok(Some(new_tuple(Vec::new())?));
    }
    let get = ops::get_attr_str(subject, "get")?;
    let seen = Seen::new()?;
    let dummy = ops::call(types().object_type.as_object(), &[], None)?;
    let mut values = Vec::with_capacity(keys.len());
    for key in keys {
        if !seen.insert(key)? {
            return Err(PyErr::value_error(format!("mapping pattern checks duplicate key ({})", ops::repr_text(key)?)));
        }
        let value = ops::call(&get, &[key.clone(), dummy.clone()], None)?;
        if value.is(&dummy) {
            return Ok(None);
        }
        values.push(value);
    }
    Ok(Some(new_tuple(values)?))
}

/// `DICT_UPDATE` from a mapping that is not a dict (`PyDict_Update`'s generic path: `keys()`,
/// then `src[key]` for each), as `{**rest}` patterns need for user mappings.
pub(crate) fn dict_update_from_mapping(target: &PyObject, src: &PyObject) -> PyResult<()> {
    let d = as_dict(target).expect("DICT_UPDATE targets a dict");
    // `dict_merge`'s fast path: a dict whose iteration is dict's own.
    let dict_iter = types().dict_type.iter;
    let own_iter = match (src.type_object().iter, dict_iter) {
        (Some(a), Some(b)) => std::ptr::fn_addr_eq(a, b),
        (a, b) => a.is_none() && b.is_none(),
    };
    if let Some(sd) = as_dict(src).filter(|_| own_iter) {
        return d.merge_from(sd);
    }
    let keys_method = match optional_attr(src, &intern("keys").ob_base)? {
        Some(k) => k,
        None => {
            return Err(PyErr::type_error(format!("'{}' object is not a mapping", src.type_object().name())));
        }
    };
    let keys = ops::call(&keys_method, &[], None)?;
    for k in ops::collect(&keys)? {
        let v = ops::get_item(src, &k)?;
        d.set(k, v)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::object::int::new_int;
    use crate::object::list::new_list;
    use crate::object::str::new_str;

    fn with_runtime(f: impl FnOnce()) {
        crate::Runtime::initialize();
        crate::attach(|_py| f());
    }

    #[test]
    fn sequences_and_mappings_by_type() {
        with_runtime(|| {
            let l = new_list(vec![]).unwrap();
            let t = new_tuple(vec![]).unwrap();
            let d = new_dict().unwrap();
            let s = new_str("ab").unwrap();
            assert!(is_sequence(&l) && is_sequence(&t));
            assert!(!is_sequence(&s) && !is_sequence(&d));
            assert!(is_mapping(&d) && !is_mapping(&l));
        });
    }

    #[test]
    fn int_matches_itself_and_rejects_two_sub_patterns() {
        with_runtime(|| {
            let five = new_int(5).unwrap();
            let int_type = types().int_type.as_object();
            let none = new_tuple(vec![]).unwrap();
            let r = match_class(&five, int_type, 1, &none).unwrap().unwrap();
            assert!(items(&r)[0].is(&five));
            let e = match_class(&five, int_type, 2, &none).unwrap_err();
            assert_eq!(e.message(), "int() accepts 1 positional sub-pattern (2 given)");
            let s = new_str("x").unwrap();
            assert!(match_class(&s, int_type, 1, &none).unwrap().is_none());
        });
    }

    #[test]
    fn mapping_keys_found_missing_and_duplicate() {
        with_runtime(|| {
            let d = new_dict().unwrap();
            let (a, b) = (new_str("a").unwrap(), new_str("b").unwrap());
            as_dict(&d).unwrap().set(a.clone(), new_int(1).unwrap()).unwrap();
            let found = match_keys(&d, &new_tuple(vec![a.clone()]).unwrap()).unwrap().unwrap();
            assert_eq!(items(&found).len(), 1);
            assert!(match_keys(&d, &new_tuple(vec![b]).unwrap()).unwrap().is_none());
            let e = match_keys(&d, &new_tuple(vec![a.clone(), a]).unwrap()).unwrap_err();
            assert_eq!(e.message(), "mapping pattern checks duplicate key ('a')");
        });
    }
}
