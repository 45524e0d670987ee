//! `mappingproxy` (CPython's `types.MappingProxyType`, `Objects/descrobject.c`): a read-only
//! view of a mapping. Reading goes to the mapping (`[]`, `len`, `in`, iteration, `get`,
//! `keys`/`values`/`items`, comparison, `|`); there is no way to write through it. Dict views
//! hand one out as their `.mapping`.

use std::ptr::NonNull;

use super::abstract_ops::{self as ops, repr_text};
use super::alloc::{alloc, drop_and_free};
use super::builtin::{MethodDef, args};
use super::dict::as_dict;
use super::header::PyObject;
use super::immortal::types;
use super::obj::Obj;
use super::slots::BinOp;
use super::str::new_str;
use super::typeobj::{CompareOp, TypeObject};
use crate::error::{PyErr, PyResult};

/// A `mappingproxy`.
#[repr(C)]
pub struct MappingProxy {
    /// Header.
    pub ob_base: PyObject,
    mapping: Obj,
}

fn mapping_of(o: &PyObject) -> &Obj {
    // SAFETY: only called from the mappingproxy type's slots and methods.
    &unsafe { o.cast::<MappingProxy>() }.mapping
}

/// A read-only proxy of `mapping`.
pub(crate) fn new_mappingproxy(mapping: Obj) -> PyResult<Obj> {
    // SAFETY: MappingProxy starts with the header; its deallocator drops it.
    unsafe { alloc(types().mappingproxy_type, |ob_base| MappingProxy { ob_base, mapping }) }
}

/// Fills `mappingproxy`'s slots.
pub(crate) fn fill_mappingproxy_type(t: &mut TypeObject) {
    t.new = Some(mappingproxy_new);
    t.repr = Some(|o| new_str(&format!("mappingproxy({})", repr_text(mapping_of(o))?)));
    t.str = Some(|o| ops::str(mapping_of(o)));
    t.iter = Some(|o| ops::get_iter(mapping_of(o)));
    t.richcompare = Some(|a, b, op: CompareOp| ops::rich_compare(mapping_of(a), b, op));
    t.number.or = Some(mappingproxy_or);
    t.sequence.length = Some(|o| ops::len(mapping_of(o)));
    t.sequence.contains = Some(|o, k| ops::contains(mapping_of(o), k));
    t.mapping.length = Some(|o| ops::len(mapping_of(o)));
    t.mapping.subscript = Some(|o, k| ops::get_item(mapping_of(o), k));
}

/// `mappingproxy(mapping)`: anything with `keys` and `__getitem__`, but not a list or tuple.
fn mappingproxy_new(_ty: &TypeObject, argv: &[Obj], kwnames: Option<&PyObject>) -> PyResult<Obj> {
    let pos = args::exact("mappingproxy", argv, kwnames, 1, 1)?;
    let m = &pos[0];
    let is_mapping = as_dict(m).is_some()
        || (m.type_object().mapping.subscript.is_some()
            && super::list::as_list(m).is_none()
            && !super::tuple::is_tuple(m)
            && super::attr::lookup_str(m.type_object(), "keys").is_some());
    if !is_mapping {
        return Err(PyErr::type_error(format!(
            "mappingproxy() argument must be a mapping, not {}",
            m.type_object().name()
        )));
    }
    new_mappingproxy(m.clone())
}

/// `proxy | other` / `other | proxy`: the mappings' `|` (a new dict for dicts).
fn mappingproxy_or(a: &PyObject, b: &PyObject) -> PyResult<Obj> {
    let unwrap = |o: &PyObject| {
        if std::ptr::eq(o.type_object(), types().mappingproxy_type) { mapping_of(o).clone() } else { Obj::new_ref(o) }
    };
    ops::binary_op(&unwrap(a), &unwrap(b), BinOp::Or)
}

/// Calls the mapping's method `name` with `rest`.
fn forward(a: &[Obj], k: Option<&PyObject>, name: &'static str, min: usize, max: usize) -> PyResult<Obj> {
    let (s, rest) = args::method(name, a, k, min, max)?;
    let f = ops::get_attr_str(mapping_of(s), name)?;
    ops::call(&f, rest, None)
}

pub(crate) static MAPPINGPROXY_METHODS: &[MethodDef] = &[
    MethodDef::method("get", |a, k| forward(a, k, "get", 1, 2)),
    MethodDef::method("keys", |a, k| forward(a, k, "keys", 0, 0)),
    MethodDef::method("values", |a, k| forward(a, k, "values", 0, 0)),
    MethodDef::method("items", |a, k| forward(a, k, "items", 0, 0)),
    MethodDef::method("copy", |a, k| forward(a, k, "copy", 0, 0)),
    MethodDef::method("__reversed__", |a, k| forward(a, k, "__reversed__", 0, 0)),
    MethodDef::method("__getitem__", |a, k| {
        let (s, r) = args::method("__getitem__", a, k, 1, 1)?;
        ops::get_item(mapping_of(s), &r[0])
    }),
    MethodDef::method("__len__", |a, k| {
        super::int::new_int(ops::len(mapping_of(args::method("__len__", a, k, 0, 0)?.0))? as i64)
    }),
    MethodDef::method("__contains__", |a, k| {
        let (s, r) = args::method("__contains__", a, k, 1, 1)?;
        Ok(super::int::new_bool(ops::contains(mapping_of(s), &r[0])?))
    }),
    MethodDef::method("__iter__", |a, k| ops::get_iter(mapping_of(args::method("__iter__", a, k, 0, 0)?.0))),
];

/// # Safety
///
/// See [`super::typeobj::DeallocFn`].
pub(crate) unsafe fn dealloc_mappingproxy(op: NonNull<PyObject>) {
    // SAFETY: forwarded contract.
    unsafe { drop_and_free::<MappingProxy>(op) }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::object::dict::new_dict;
    use crate::object::int::new_int;

    #[test]
    fn reads_go_to_the_mapping_and_nothing_writes() {
        crate::Runtime::initialize();
        crate::attach(|_py| {
            let d = new_dict().expect("a dict");
            as_dict(&d).expect("a dict").set(new_str("a").expect("a str"), new_int(1).expect("an int")).expect("set");
            let p = new_mappingproxy(d.clone()).expect("a proxy");
            assert_eq!(repr_text(&p).expect("repr"), "mappingproxy({'a': 1})");
            assert_eq!(ops::len(&p).expect("len"), 1);
            let key = new_str("a").expect("a str");
            assert_eq!(repr_text(&ops::get_item(&p, &key).expect("item")).expect("repr"), "1");
            let e = ops::set_item(&p, &key, Some(&key)).unwrap_err();
            assert!(e.to_string().starts_with("TypeError"), "{e}");
        });
    }
}
