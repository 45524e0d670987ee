//! `list`'s slots and methods (the layout is in [`super::list`]).

use super::abstract_ops::{self as ops, repr_text};
use super::builtin::{MethodDef, args};
use super::core_types::{new_seq_iter, seq_repeat};
use super::header::PyObject;
use super::immortal::immortals;
use super::int::{as_int, new_int};
use super::list::{as_list, new_list};
use super::obj::Obj;
use super::sequence::{norm_index, seq_concat, seq_contains, seq_items, seq_richcompare, seq_subscript};
use super::slots::{MappingMethods, SequenceMethods};
use super::str::new_str;
use super::typeobj::{CompareOp, TypeObject};
use crate::error::{PyErr, PyResult};

fn not_implemented() -> PyResult<Obj> {
    Ok(Obj::new_ref(immortals().not_implemented))
}

/// Fills `list`'s slots.
pub(crate) fn fill_list_type(t: &mut TypeObject) {
    t.repr = Some(list_repr);
    t.richcompare = Some(seq_richcompare);
    t.iter = Some(|o| new_seq_iter(Obj::new_ref(o)));
    t.new = Some(list_new);
    t.init = Some(list_init);
    t.number.add = Some(seq_concat);
    t.number.multiply = Some(seq_repeat);
    t.number.inplace_add = Some(list_iadd);
    t.sequence = SequenceMethods {
        length: Some(|o| Ok(as_list(o).map_or(0, |l| l.items().len()))),
        contains: Some(seq_contains),
    };
    t.mapping =
        MappingMethods { length: None, subscript: Some(seq_subscript), ass_subscript: Some(list_ass_subscript) };
}

fn list_repr(o: &PyObject) -> PyResult<Obj> {
    let its = seq_items(o);
    let mut out = String::from("[");
    for (i, x) in its.iter().enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        out.push_str(&repr_text(x)?);
    }
    out.push(']');
    new_str(&out)
}

fn list_ass_subscript(o: &PyObject, key: &PyObject, value: Option<&PyObject>) -> PyResult<()> {
    let l = as_list(o).expect("a list");
    if as_int(key).is_none() && key.type_object().number.index.is_none() {
        return Err(PyErr::type_error(format!(
            "list indices must be integers or slices, not {}",
            key.type_object().name()
        )));
    }
    let i = ops::index_isize(key)?;
    let len = l.items().len();
    let i = norm_index(i, len).ok_or_else(|| {
        PyErr::index_error(if value.is_some() {
            "list assignment index out of range"
        } else {
            "list assignment index out of range"
        })
    })?;
    // SAFETY: short exclusive access; the old value is dropped after it ends.
    let old = unsafe {
        let v = l.items_mut();
        match value {
            Some(x) => std::mem::replace(&mut v[i], Obj::new_ref(x)),
            None => v.remove(i),
        }
    };
    drop(old);
    Ok(())
}

fn list_iadd(a: &PyObject, b: &PyObject) -> PyResult<Obj> {
    let Some(l) = as_list(a) else { return not_implemented() };
    let extra = ops::collect(b)?;
    // SAFETY: short exclusive access.
    unsafe { l.items_mut() }.extend(extra);
    Ok(Obj::new_ref(a))
}

fn list_new(ty: &TypeObject, _argv: &[Obj], _kwnames: Option<&PyObject>) -> PyResult<Obj> {
    super::list::new_list_of_type(ty, Vec::new())
}

fn list_init(o: &PyObject, argv: &[Obj], kwnames: Option<&PyObject>) -> PyResult<()> {
    let pos = args::exact("list", argv, kwnames, 0, 1)?;
    if let Some(x) = pos.first() {
        let v = ops::collect(x)?;
        let old = as_list(o).expect("a list").replace(v);
        drop(old);
    }
    Ok(())
}

fn list_of(o: &PyObject) -> &super::list::ListObject {
    as_list(o).expect("a list receiver")
}

pub(crate) static LIST_METHODS: &[MethodDef] = &[
    MethodDef::method("append", |a, k| {
        let (s, r) = args::method("append", a, k, 1, 1)?;
        list_of(s).push(r[0].clone());
        Ok(args::none())
    }),
    MethodDef::method("extend", |a, k| {
        let (s, r) = args::method("extend", a, k, 1, 1)?;
        let extra = ops::collect(&r[0])?;
        // SAFETY: short exclusive access.
        unsafe { list_of(s).items_mut() }.extend(extra);
        Ok(args::none())
    }),
    MethodDef::method("pop", |a, k| {
        let (s, r) = args::method("pop", a, k, 0, 1)?;
        let l = list_of(s);
        let len = l.items().len();
        if len == 0 {
            return Err(PyErr::index_error("pop from empty list"));
        }
        let i = match r.first() {
            Some(i) => {
                norm_index(ops::index_isize(i)?, len).ok_or_else(|| PyErr::index_error("pop index out of range"))?
            }
            None => len - 1,
        };
        // SAFETY: short exclusive access.
        Ok(unsafe { l.items_mut() }.remove(i))
    }),
    MethodDef::method("insert", |a, k| {
        let (s, r) = args::method("insert", a, k, 2, 2)?;
        let l = list_of(s);
        let len = l.items().len() as isize;
        let i = ops::index_isize(&r[0])?;
        let i = if i < 0 { (i + len).max(0) } else { i.min(len) } as usize;
        // SAFETY: short exclusive access.
        unsafe { l.items_mut() }.insert(i, r[1].clone());
        Ok(args::none())
    }),
    MethodDef::method("reverse", |a, k| {
        let (s, _) = args::method("reverse", a, k, 0, 0)?;
        // SAFETY: short exclusive access.
        unsafe { list_of(s).items_mut() }.reverse();
        Ok(args::none())
    }),
    MethodDef::method("clear", |a, k| {
        let (s, _) = args::method("clear", a, k, 0, 0)?;
        let old = list_of(s).replace(Vec::new());
        drop(old);
        Ok(args::none())
    }),
    MethodDef::method("copy", |a, k| {
        let (s, _) = args::method("copy", a, k, 0, 0)?;
        new_list(list_of(s).items().to_vec())
    }),
    MethodDef::method("index", |a, k| {
        let (s, r) = args::method("index", a, k, 1, 1)?;
        for (i, x) in list_of(s).items().to_vec().iter().enumerate() {
            if ops::rich_compare_bool(x, &r[0], CompareOp::Eq)? {
                return new_int(i as i64);
            }
        }
        Err(PyErr::value_error(format!("{} is not in list", repr_text(&r[0])?)))
    }),
    MethodDef::method("count", |a, k| {
        let (s, r) = args::method("count", a, k, 1, 1)?;
        let mut n = 0;
        for x in list_of(s).items().to_vec() {
            n += ops::rich_compare_bool(&x, &r[0], CompareOp::Eq)? as i64;
        }
        new_int(n)
    }),
    MethodDef::method("remove", |a, k| {
        let (s, r) = args::method("remove", a, k, 1, 1)?;
        let l = list_of(s);
        for (i, x) in l.items().to_vec().iter().enumerate() {
            if ops::rich_compare_bool(x, &r[0], CompareOp::Eq)? {
                // SAFETY: short exclusive access.
                let old = unsafe { l.items_mut() }.remove(i);
                drop(old);
                return Ok(args::none());
            }
        }
        Err(PyErr::value_error("list.remove(x): x not in list"))
    }),
];
