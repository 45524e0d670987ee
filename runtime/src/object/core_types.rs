//! The core builtin types' slots and method tables: `object`, `type`, `NoneType`,
//! `NotImplementedType`, `ellipsis`, `bool`, `int`, `float`, `str`, `tuple`, `list`, `dict`, the
//! builtin function and descriptor types, and the sequence iterator.

use std::cell::Cell;
use std::ptr::NonNull;

use super::abstract_ops::{self as ops, repr_text};
use super::alloc::{alloc, drop_and_free};
use super::builtin::{self, GetSetDef, MethodDef, args};
use super::dict::{as_dict, new_dict};
use super::float;
use super::header::PyObject;
use super::immortal::{TypeSpec, immortals, intern, new_static_type, types};
use super::int::{self, IntVal, as_int, new_bool, new_int};
use super::list::{as_list, new_list};
use super::obj::Obj;
use super::slots::{MappingMethods, NumberMethods, SequenceMethods};
use super::str::{as_str_object, new_str, str_value};
use super::tuple::{self, items, new_tuple};
use super::typeobj::{CompareOp, TypeObject, as_type, dealloc_static, flags};
use crate::error::{PyErr, PyResult};

/// The core types, as phase one makes them (the non-exception part of `StaticTypes`).
pub struct CoreTypes {
    pub type_type: &'static TypeObject,
    pub object_type: &'static TypeObject,
    pub none_type: &'static TypeObject,
    pub bool_type: &'static TypeObject,
    pub int_type: &'static TypeObject,
    pub float_type: &'static TypeObject,
    pub str_type: &'static TypeObject,
    pub tuple_type: &'static TypeObject,
    pub list_type: &'static TypeObject,
    pub dict_type: &'static TypeObject,
    pub ellipsis_type: &'static TypeObject,
    pub not_implemented_type: &'static TypeObject,
    pub builtin_function_type: &'static TypeObject,
    pub method_descriptor_type: &'static TypeObject,
    pub getset_descriptor_type: &'static TypeObject,
    pub seq_iterator_type: &'static TypeObject,
    pub function_type: &'static TypeObject,
    pub code_type: &'static TypeObject,
    pub cell_type: &'static TypeObject,
    pub method_type: &'static TypeObject,
    pub range_type: &'static TypeObject,
    pub range_iter_type: &'static TypeObject,
    pub slice_type: &'static TypeObject,
    pub traceback_type: &'static TypeObject,
}

pub(crate) fn make_core_types(specs: &mut Vec<TypeSpec>) -> CoreTypes {
    let type_type = new_static_type(
        std::ptr::null(),
        "type",
        size_of::<TypeObject>(),
        flags::BASETYPE | flags::TYPE_SUBCLASS,
        super::classobj::dealloc_type,
        |t| {
            t.getattro = super::attr::type_getattro;
            t.setattro = Some(super::attr::type_setattro);
            t.call = Some(super::classobj::type_call);
            t.repr = Some(type_repr);
            t.hash = Some(object_hash);
            t.richcompare = Some(object_richcompare);
            t.new = Some(super::classobj::type_new);
            t.init = Some(super::classobj::type_init);
        },
    );
    // SAFETY: `type` is its own type; patched before anyone sees it.
    unsafe { (*(type_type as *const TypeObject as *mut TypeObject)).ob_base.ob_type = type_type };
    let mk = |name, size, fl, dealloc, fill: &dyn Fn(&mut TypeObject)| {
        new_static_type(type_type, name, size, fl, dealloc, fill)
    };
    let object_type = mk("object", size_of::<PyObject>(), flags::BASETYPE, super::classobj::dealloc_instance, &|t| {
        t.setattro = Some(super::attr::generic_setattr);
        t.hash = Some(object_hash);
        t.richcompare = Some(object_richcompare);
        t.new = Some(super::classobj::object_new);
        t.init = Some(super::classobj::object_init);
        t.str = None;
    });
    let singleton = |name, repr: fn(&PyObject) -> PyResult<Obj>| {
        mk(name, size_of::<PyObject>(), 0, dealloc_static, &move |t| {
            t.repr = Some(repr);
            // CPython 3.12+: `hash(None)` is a constant (`0xFCA86420`), so sets and dicts
            // holding None lay out alike in every process.
            t.hash = Some(if name == "NoneType" { |_| Ok(0xFCA8_6420) } else { object_hash });
            t.richcompare = Some(object_richcompare);
            t.number.bool = if name == "NoneType" { Some(false_bool) } else { None };
        })
    };
    let none_type = singleton("NoneType", |_| Ok(Obj::new_ref(&intern("None").ob_base)));
    let not_implemented_type = singleton("NotImplementedType", |_| Ok(Obj::new_ref(&intern("NotImplemented").ob_base)));
    let ellipsis_type = singleton("ellipsis", |_| Ok(Obj::new_ref(&intern("Ellipsis").ob_base)));
    let int_type =
        mk("int", size_of::<int::IntObject>(), flags::BASETYPE | flags::LONG_SUBCLASS, int::dealloc_int, &|t| {
            t.repr = Some(int::int_repr);
            t.hash = Some(int::int_hash);
            t.richcompare = Some(int::int_richcompare);
            t.new = Some(int_new);
            t.number = INT_NUMBER;
        });
    let bool_type = mk("bool", size_of::<int::IntObject>(), flags::LONG_SUBCLASS, dealloc_static, &|t| {
        t.repr = Some(int::bool_repr);
        t.hash = Some(int::int_hash);
        t.richcompare = Some(int::int_richcompare);
        t.new = Some(bool_new);
        t.number = INT_NUMBER;
    });
    let float_type = mk("float", size_of::<float::FloatObject>(), flags::BASETYPE, float::dealloc_float, &|t| {
        t.repr = Some(float::float_repr);
        t.hash = Some(float::float_hash);
        t.richcompare = Some(float::float_richcompare);
        t.new = Some(float_new);
        t.number = NumberMethods {
            add: Some(float::float_add),
            subtract: Some(float::float_sub),
            multiply: Some(float::float_mul),
            true_divide: Some(float::float_truediv),
            floor_divide: Some(float::float_floordiv),
            remainder: Some(float::float_mod),
            power: Some(float::float_pow),
            negative: Some(float::float_neg),
            positive: Some(float::float_pos),
            absolute: Some(float::float_abs),
            bool: Some(float::float_bool),
            int: Some(float::float_int),
            float: Some(float::float_float),
            ..NumberMethods::EMPTY
        };
    });
    let str_type = mk(
        "str",
        size_of::<super::str::StrObject>(),
        flags::BASETYPE | flags::UNICODE_SUBCLASS,
        super::str::dealloc_str,
        &|t| {
            t.repr = Some(str_repr);
            t.str = Some(str_str);
            t.hash = Some(|o| Ok(as_str_object(o).map_or(0, |s| s.hash())));
            t.richcompare = Some(str_richcompare);
            t.iter = Some(|o| new_seq_iter(Obj::new_ref(o)));
            t.new = Some(str_new);
            t.number.add = Some(str_add);
            t.number.multiply = Some(seq_repeat);
            t.sequence = SequenceMethods {
                length: Some(|o| Ok(as_str_object(o).map_or(0, |s| s.len()))),
                contains: Some(str_contains),
            };
            t.mapping.subscript = Some(str_subscript);
        },
    );
    let tuple_type = mk(
        "tuple",
        size_of::<tuple::TupleObject>(),
        flags::BASETYPE | flags::TUPLE_SUBCLASS,
        tuple::dealloc_tuple,
        &|t| {
            t.repr = Some(tuple_repr);
            t.hash = Some(tuple_hash);
            t.richcompare = Some(seq_richcompare);
            t.iter = Some(|o| new_seq_iter(Obj::new_ref(o)));
            t.new = Some(tuple_new);
            t.number.add = Some(seq_concat);
            t.number.multiply = Some(seq_repeat);
            t.sequence = SequenceMethods { length: Some(|o| Ok(items(o).len())), contains: Some(seq_contains) };
            t.mapping.subscript = Some(seq_subscript);
        },
    );
    let list_type = mk(
        "list",
        size_of::<super::list::ListObject>(),
        flags::BASETYPE | flags::LIST_SUBCLASS,
        super::list::dealloc_list,
        &|t| {
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
            t.mapping = MappingMethods {
                length: None,
                subscript: Some(seq_subscript),
                ass_subscript: Some(list_ass_subscript),
            };
        },
    );
    let dict_type = mk(
        "dict",
        size_of::<super::dict::DictObject>(),
        flags::BASETYPE | flags::DICT_SUBCLASS,
        super::dict::dealloc_dict,
        &|t| {
            t.repr = Some(dict_repr);
            t.richcompare = Some(dict_richcompare);
            t.iter = Some(dict_iter);
            t.new = Some(dict_new);
            t.init = Some(dict_init);
            t.sequence.contains = Some(|d, k| Ok(as_dict(d).map(|d| d.get(k)).transpose()?.flatten().is_some()));
            t.mapping = MappingMethods {
                length: Some(|o| Ok(as_dict(o).map_or(0, |d| d.len()))),
                subscript: Some(dict_subscript),
                ass_subscript: Some(dict_ass_subscript),
            };
        },
    );
    let builtin_function_type =
        mk("builtin_function_or_method", size_of::<builtin::BuiltinFunction>(), 0, builtin::dealloc_builtin, &|t| {
            t.call = Some(builtin::builtin_call);
            t.repr = Some(builtin::builtin_repr);
            t.hash = Some(object_hash);
            t.richcompare = Some(object_richcompare);
        });
    let method_descriptor_type = mk("method_descriptor", size_of::<builtin::MethodDescr>(), 0, dealloc_static, &|t| {
        t.call = Some(builtin::method_descr_call);
        t.descr_get = Some(builtin::method_descr_get);
        t.repr = Some(builtin::method_descr_repr);
        t.hash = Some(object_hash);
    });
    let getset_descriptor_type = mk("getset_descriptor", size_of::<builtin::GetSetDescr>(), 0, dealloc_static, &|t| {
        t.descr_get = Some(builtin::getset_get);
        t.descr_set = Some(builtin::getset_set);
        t.hash = Some(object_hash);
    });
    let seq_iterator_type = mk("iterator", size_of::<SeqIter>(), 0, dealloc_seq_iter, &|t| {
        t.iter = Some(|o| Ok(Obj::new_ref(o)));
        t.iternext = Some(seq_iter_next);
        t.hash = Some(object_hash);
    });
    let function_type =
        mk("function", size_of::<super::function::FunctionObject>(), 0, super::function::dealloc_function, &|t| {
            t.call = Some(crate::eval::call_function);
            t.descr_get = Some(super::function::function_get);
            t.repr = Some(super::function::function_repr);
            t.hash = Some(object_hash);
            t.richcompare = Some(object_richcompare);
            t.dict_offset = std::mem::offset_of!(super::function::FunctionObject, dict);
            t.setattro = Some(super::attr::generic_setattr);
        });
    let code_type = mk("code", size_of::<super::code::CodeObj>(), 0, super::code::dealloc_code, &|t| {
        t.repr = Some(super::code::code_repr);
        t.hash = Some(object_hash);
        t.richcompare = Some(object_richcompare);
    });
    let cell_type = mk("cell", size_of::<super::function::CellObject>(), 0, super::function::dealloc_cell, &|t| {
        t.hash = Some(object_hash);
    });
    let method_type =
        mk("method", size_of::<super::function::MethodObject>(), 0, super::function::dealloc_method, &|t| {
            t.call = Some(super::function::method_call);
            t.repr = Some(super::function::method_repr);
            t.hash = Some(super::function::method_hash);
            t.richcompare = Some(super::function::method_richcompare);
            t.getattro = super::function::method_getattro;
            t.descr_get = Some(|m, _, _| Ok(Obj::new_ref(m)));
        });
    let range_type = mk("range", size_of::<super::range::RangeObject>(), 0, super::range::dealloc_range, &|t| {
        t.new = Some(super::range::range_new);
        t.repr = Some(super::range::range_repr);
        t.iter = Some(super::range::range_iter);
        t.hash = Some(object_hash);
        t.richcompare = Some(super::range::range_richcompare);
        t.sequence =
            SequenceMethods { length: Some(super::range::range_len), contains: Some(super::range::range_contains) };
        t.mapping.subscript = Some(super::range::range_subscript);
    });
    let range_iter_type =
        mk("range_iterator", size_of::<super::range::RangeIter>(), 0, super::range::dealloc_range_iter, &|t| {
            t.iter = Some(|o| Ok(Obj::new_ref(o)));
            t.iternext = Some(super::range::range_iter_next);
            t.hash = Some(object_hash);
        });
    let slice_type = mk("slice", size_of::<super::range::SliceObject>(), 0, super::range::dealloc_slice, &|t| {
        t.repr = Some(super::range::slice_repr);
    });
    let traceback_type = mk(
        "traceback",
        size_of::<crate::eval::traceback::TracebackObject>(),
        0,
        crate::eval::traceback::dealloc_traceback,
        &|t| {
            t.hash = Some(object_hash);
        },
    );
    let spec = |ty, base: Option<&'static TypeObject>, methods, getsets| TypeSpec { ty, base, methods, getsets };
    let obj = Some(object_type);
    specs.push(spec(object_type, None, OBJECT_METHODS, OBJECT_GETSETS));
    specs.push(spec(type_type, obj, TYPE_METHODS, TYPE_GETSETS));
    for t in [
        none_type,
        not_implemented_type,
        ellipsis_type,
        builtin_function_type,
        method_descriptor_type,
        getset_descriptor_type,
        seq_iterator_type,
    ] {
        specs.push(spec(t, obj, &[], &[]));
    }
    specs.push(spec(function_type, obj, &[], FUNCTION_GETSETS));
    specs.push(spec(method_type, obj, &[], super::function::METHOD_GETSETS));
    specs.push(spec(cell_type, obj, &[], super::function::CELL_GETSETS));
    specs.push(spec(range_iter_type, obj, super::iterators::RANGE_ITER_METHODS, &[]));
    specs.push(spec(int_type, obj, INT_METHODS, &[]));
    specs.push(spec(bool_type, Some(int_type), &[], &[]));
    specs.push(spec(float_type, obj, FLOAT_METHODS, &[]));
    specs.push(spec(str_type, obj, STR_METHODS, &[]));
    specs.push(spec(tuple_type, obj, TUPLE_METHODS, &[]));
    specs.push(spec(list_type, obj, LIST_METHODS, &[]));
    specs.push(spec(dict_type, obj, DICT_METHODS, &[]));
    CoreTypes {
        type_type,
        object_type,
        none_type,
        bool_type,
        int_type,
        float_type,
        str_type,
        tuple_type,
        list_type,
        dict_type,
        ellipsis_type,
        not_implemented_type,
        builtin_function_type,
        method_descriptor_type,
        getset_descriptor_type,
        seq_iterator_type,
        function_type,
        code_type,
        cell_type,
        method_type,
        range_type,
        range_iter_type,
        slice_type,
        traceback_type,
    }
}

fn func(o: &PyObject) -> &super::function::FunctionObject {
    super::function::as_function(o).expect("a function")
}

/// A function attribute that must be set to a `str` (`__name__`, `__qualname__`).
fn set_func_text(v: Option<&PyObject>, what: &str, slot: &mut Obj) -> PyResult<()> {
    match v {
        Some(v) if str_value(v).is_some() => {
            let old = std::mem::replace(slot, Obj::new_ref(v));
            drop(old);
            Ok(())
        }
        _ => Err(PyErr::type_error(format!("{what} must be set to a string object"))),
    }
}

/// A function attribute that is a tuple/dict or `None` (`__defaults__`, `__kwdefaults__`).
fn set_func_optional(
    v: Option<&PyObject>,
    what: &str,
    ok: fn(&PyObject) -> bool,
    slot: &mut Option<Obj>,
) -> PyResult<()> {
    let new = match v {
        None => None,
        Some(v) if v.is(immortals().none) => None,
        Some(v) if ok(v) => Some(Obj::new_ref(v)),
        Some(_) => return Err(PyErr::type_error(what.to_owned())),
    };
    let old = std::mem::replace(slot, new);
    drop(old);
    Ok(())
}

static FUNCTION_GETSETS: &[GetSetDef] = &[
    GetSetDef {
        name: "__name__",
        get: |o| Ok(func(o).fields().name.clone()),
        set: Some(|o, v| set_func_text(v, "__name__", &mut func(o).fields().name)),
    },
    GetSetDef {
        name: "__qualname__",
        get: |o| Ok(func(o).fields().qualname.clone()),
        set: Some(|o, v| set_func_text(v, "__qualname__", &mut func(o).fields().qualname)),
    },
    GetSetDef { name: "__code__", get: |o| Ok(func(o).code.clone()), set: None },
    GetSetDef {
        name: "__doc__",
        get: |o| Ok(func(o).fields().doc.clone().unwrap_or_else(args::none)),
        set: Some(|o, v| {
            let old = std::mem::replace(&mut func(o).fields().doc, v.map(Obj::new_ref));
            drop(old);
            Ok(())
        }),
    },
    GetSetDef { name: "__globals__", get: |o| Ok(func(o).globals.clone()), set: None },
    GetSetDef {
        name: "__closure__",
        get: |o| Ok(func(o).fields().closure.clone().unwrap_or_else(args::none)),
        set: None,
    },
    GetSetDef {
        name: "__defaults__",
        get: |o| Ok(func(o).fields().defaults.clone().unwrap_or_else(args::none)),
        set: Some(|o, v| {
            set_func_optional(
                v,
                "__defaults__ must be set to a tuple object",
                tuple::is_tuple,
                &mut func(o).fields().defaults,
            )
        }),
    },
    GetSetDef {
        name: "__kwdefaults__",
        get: |o| Ok(func(o).fields().kwdefaults.clone().unwrap_or_else(args::none)),
        set: Some(|o, v| {
            set_func_optional(
                v,
                "__kwdefaults__ must be set to a dict object",
                |d| as_dict(d).is_some(),
                &mut func(o).fields().kwdefaults,
            )
        }),
    },
    GetSetDef {
        name: "__module__",
        get: |o| {
            let f = func(o);
            if let Some(m) =
                f.dict.as_ref().and_then(|d| as_dict(d)).and_then(|d| d.get_str(&intern("__module__").ob_base))
            {
                return Ok(m);
            }
            Ok(as_dict(&f.globals).and_then(|g| g.get_str(&intern("__name__").ob_base)).unwrap_or_else(args::none))
        },
        set: None,
    },
];

const INT_NUMBER: NumberMethods = NumberMethods {
    add: Some(int::int_add),
    subtract: Some(int::int_sub),
    multiply: Some(int_mul_or_repeat),
    remainder: Some(int::int_mod),
    power: Some(int::int_pow),
    floor_divide: Some(int::int_floordiv),
    true_divide: Some(int::int_truediv),
    lshift: Some(int::int_lshift),
    rshift: Some(int::int_rshift),
    and: Some(int::int_and),
    or: Some(int::int_or),
    xor: Some(int::int_xor),
    negative: Some(int::int_neg),
    positive: Some(int::int_pos),
    absolute: Some(int::int_abs),
    invert: Some(int::int_invert),
    bool: Some(int::int_bool),
    int: Some(int::int_int),
    float: Some(int::int_float),
    index: Some(int::int_int),
    ..NumberMethods::EMPTY
};

fn false_bool(_: &PyObject) -> PyResult<bool> {
    Ok(false)
}

fn not_implemented() -> PyResult<Obj> {
    Ok(Obj::new_ref(immortals().not_implemented))
}

/// `object.__hash__`: by identity.
pub(crate) fn object_hash(o: &PyObject) -> PyResult<isize> {
    Ok((o.addr() >> 4) as isize)
}

/// `object.__eq__`/`__ne__`: identity; ordering is `NotImplemented`.
pub(crate) fn object_richcompare(a: &PyObject, b: &PyObject, op: CompareOp) -> PyResult<Obj> {
    match op {
        CompareOp::Eq if a.is(b) => Ok(new_bool(true)),
        CompareOp::Ne => {
            // `__ne__` inverts `__eq__` unless that is NotImplemented.
            let Some(eq) = a.type_object().richcompare else { return not_implemented() };
            if std::ptr::fn_addr_eq(eq, object_richcompare as super::typeobj::RichCompareFn) {
                return if a.is(b) { Ok(new_bool(false)) } else { not_implemented() };
            }
            let r = eq(a, b, CompareOp::Eq)?;
            if r.is(immortals().not_implemented) { Ok(r) } else { Ok(new_bool(!ops::is_true(&r)?)) }
        }
        _ => not_implemented(),
    }
}

fn type_repr(o: &PyObject) -> PyResult<Obj> {
    let t = as_type(o).expect("a type");
    let module = if t.is_heap() {
        t.dict()
            .and_then(as_dict)
            .and_then(|d| d.get_str(&intern("__module__").ob_base))
            .and_then(|m| str_value(&m).map(str::to_owned))
    } else {
        None
    };
    match module.as_deref() {
        Some("builtins") | None => new_str(&format!("<class '{}'>", t.name())),
        Some(m) => new_str(&format!("<class '{m}.{}'>", t.name())),
    }
}

static OBJECT_METHODS: &[MethodDef] = &[
    MethodDef::method("__repr__", |a, k| ops::default_repr(args::method("__repr__", a, k, 0, 0)?.0)),
    MethodDef::method("__str__", |a, k| ops::str(args::method("__str__", a, k, 0, 0)?.0)),
    MethodDef::method("__init__", |a, k| {
        let (s, rest) = a.split_first().ok_or_else(|| PyErr::type_error("__init__() needs a receiver"))?;
        super::classobj::object_init(s, rest, k)?;
        Ok(args::none())
    }),
    MethodDef::method("__eq__", |a, k| {
        let (s, r) = args::method("__eq__", a, k, 1, 1)?;
        if s.is(&r[0]) { Ok(new_bool(true)) } else { not_implemented() }
    }),
    MethodDef::method("__ne__", |a, k| {
        let (s, r) = args::method("__ne__", a, k, 1, 1)?;
        object_richcompare(s, &r[0], CompareOp::Ne)
    }),
    MethodDef::method("__hash__", |a, k| new_int(object_hash(args::method("__hash__", a, k, 0, 0)?.0)? as i64)),
    MethodDef::method("__setattr__", |a, k| {
        let (s, r) = args::method("__setattr__", a, k, 2, 2)?;
        super::attr::generic_setattr(s, &r[0], Some(&r[1]))?;
        Ok(args::none())
    }),
    MethodDef::method("__getattribute__", |a, k| {
        let (s, r) = args::method("__getattribute__", a, k, 1, 1)?;
        super::attr::generic_getattr(s, &r[0])
    }),
    MethodDef::classmethod("__init_subclass__", super::descriptors::object_init_subclass),
    MethodDef::method("__format__", super::object_methods::object_format),
    MethodDef::method("__dir__", super::object_methods::object_dir),
    MethodDef::method("__sizeof__", super::object_methods::object_sizeof),
    MethodDef::classmethod("__subclasshook__", super::object_methods::object_subclasshook),
];

static OBJECT_GETSETS: &[GetSetDef] = &[
    GetSetDef { name: "__class__", get: |o| Ok(Obj::new_ref(o.type_object().as_object())), set: None },
    GetSetDef {
        name: "__dict__",
        get: |o| {
            super::attr::instance_dict(o)?.ok_or_else(|| super::attr::no_attribute(o, &intern("__dict__").ob_base))
        },
        set: None,
    },
];

static TYPE_METHODS: &[MethodDef] = &[
    MethodDef::classmethod("__class_getitem__", super::generic_alias::class_getitem),
    MethodDef::method("mro", |a, k| {
        let (s, _) = args::method("mro", a, k, 0, 0)?;
        let t = as_type(s).ok_or_else(|| PyErr::type_error("mro() needs a type"))?;
        new_list(t.mro().to_vec())
    }),
    MethodDef::method("__subclasses__", |a, k| {
        let (s, _) = args::method("__subclasses__", a, k, 0, 0)?;
        super::classobj::subclasses(s)
    }),
];

static TYPE_GETSETS: &[GetSetDef] = &[
    GetSetDef { name: "__name__", get: |o| new_str(as_type(o).map_or("", |t| t.name())), set: None },
    GetSetDef {
        name: "__qualname__",
        get: |o| {
            let t = as_type(o).expect("a type");
            // SAFETY: read attached.
            match unsafe { (*t.mutable.get()).qualname.clone() } {
                Some(q) => Ok(q),
                None => new_str(t.name()),
            }
        },
        set: None,
    },
    GetSetDef { name: "__mro__", get: |o| new_tuple(as_type(o).map_or(Vec::new(), |t| t.mro().to_vec())), set: None },
    GetSetDef {
        name: "__bases__",
        get: |o| {
            Ok(as_type(o)
                .and_then(|t| t.bases())
                .map_or_else(|| Obj::new_ref(super::immortal::empty_tuple()), Obj::new_ref))
        },
        set: None,
    },
    GetSetDef {
        name: "__base__",
        get: |o| {
            Ok(as_type(o)
                .and_then(|t| t.base())
                .map_or_else(|| Obj::new_ref(immortals().none), |b| Obj::new_ref(b.as_object())))
        },
        set: None,
    },
    GetSetDef {
        name: "__dict__",
        get: |o| Ok(as_type(o).and_then(|t| t.dict()).map_or_else(|| Obj::new_ref(immortals().none), Obj::new_ref)),
        set: None,
    },
    GetSetDef {
        name: "__module__",
        get: |o| {
            let t = as_type(o).expect("a type");
            match t.dict().and_then(as_dict).and_then(|d| d.get_str(&intern("__module__").ob_base)) {
                Some(m) if t.is_heap() => Ok(m),
                _ => Ok(Obj::new_ref(&intern("builtins").ob_base)),
            }
        },
        set: None,
    },
];

// ---- int / bool / float constructors and methods -------------------------------------------

fn int_mul_or_repeat(a: &PyObject, b: &PyObject) -> PyResult<Obj> {
    if as_int(b).is_none() && (as_str_object(b).is_some() || tuple::is_tuple(b) || as_list(b).is_some()) {
        return seq_repeat(b, a);
    }
    int::int_mul(a, b)
}

fn int_new(ty: &TypeObject, argv: &[Obj], kwnames: Option<&PyObject>) -> PyResult<Obj> {
    let pos = args::exact("int", argv, kwnames, 0, 2)?;
    let value: Obj = match pos {
        [] => new_int(0)?,
        [x] => to_int(x)?,
        [x, base] => {
            let b = ops::index_isize(base)?;
            let text =
                str_value(x).ok_or_else(|| PyErr::type_error("int() can't convert non-string with explicit base"))?;
            if b != 0 && !(2..=36).contains(&b) {
                return Err(PyErr::value_error("int() base must be >= 2 and <= 36, or 0"));
            }
            parse_int_obj(text, b as u32)?
        }
        _ => unreachable!("checked by args::exact"),
    };
    if std::ptr::eq(ty, types().int_type) {
        return Ok(value);
    }
    int::new_int_of_type(ty, as_int(&value).expect("an int"))
}

fn parse_int_obj(text: &str, base: u32) -> PyResult<Obj> {
    match int::parse_int(text, base) {
        Some(v) => int::new_big(v),
        None => Err(PyErr::value_error(format!(
            "invalid literal for int() with base {base}: {}",
            pyrt_compile::PyStr::new(text).repr()
        ))),
    }
}

/// `int(x)`.
pub fn to_int(x: &PyObject) -> PyResult<Obj> {
    if let Some(v) = as_int(x) {
        return match v {
            IntVal::Small(v) => new_int(v),
            IntVal::Big(b) => int::new_big(b.clone()),
        };
    }
    if let Some(s) = str_value(x) {
        return parse_int_obj(s, 10);
    }
    if let Some(f) = x.type_object().number.int {
        return f(x);
    }
    if let Some(f) = x.type_object().number.index {
        return f(x);
    }
    Err(PyErr::type_error(format!(
        "int() argument must be a string, a bytes-like object or a real number, not '{}'",
        x.type_object().name()
    )))
}

fn bool_new(_ty: &TypeObject, argv: &[Obj], kwnames: Option<&PyObject>) -> PyResult<Obj> {
    let pos = args::exact("bool", argv, kwnames, 0, 1)?;
    Ok(new_bool(match pos.first() {
        Some(x) => ops::is_true(x)?,
        None => false,
    }))
}

fn float_new(_ty: &TypeObject, argv: &[Obj], kwnames: Option<&PyObject>) -> PyResult<Obj> {
    let pos = args::exact("float", argv, kwnames, 0, 1)?;
    let Some(x) = pos.first() else { return float::new_float(0.0) };
    if let Some(f) = float::as_float(x) {
        return float::new_float(f);
    }
    if let Some(v) = as_int(x) {
        return float::new_float(int::to_f64(&v)?);
    }
    if let Some(s) = str_value(x) {
        let t = s.trim().to_ascii_lowercase().replace('_', "");
        let v = match t.as_str() {
            "inf" | "+inf" | "infinity" | "+infinity" => Some(f64::INFINITY),
            "-inf" | "-infinity" => Some(f64::NEG_INFINITY),
            "nan" | "+nan" | "-nan" => Some(f64::NAN),
            _ => t.parse::<f64>().ok().filter(|_| !t.is_empty() && !t.starts_with("0x")),
        };
        return match v {
            Some(v) => float::new_float(v),
            None => Err(PyErr::value_error(format!(
                "could not convert string to float: {}",
                pyrt_compile::PyStr::new(s).repr()
            ))),
        };
    }
    match x.type_object().number.float {
        Some(f) => f(x),
        None => Err(PyErr::type_error(format!(
            "float() argument must be a string or a real number, not '{}'",
            x.type_object().name()
        ))),
    }
}

static INT_METHODS: &[MethodDef] = &[
    MethodDef::method("bit_length", |a, k| {
        let (s, _) = args::method("bit_length", a, k, 0, 0)?;
        new_int(as_int(s).map_or(0, |v| v.to_big().bits() as i64))
    }),
    MethodDef::method("__index__", |a, k| int::int_int(args::method("__index__", a, k, 0, 0)?.0)),
    MethodDef::method("__add__", |a, k| {
        let (s, r) = args::method("__add__", a, k, 1, 1)?;
        int::int_add(s, &r[0])
    }),
];

static FLOAT_METHODS: &[MethodDef] = &[
    MethodDef::method("is_integer", |a, k| {
        let (s, _) = args::method("is_integer", a, k, 0, 0)?;
        let v = float::as_float(s).unwrap_or(0.0);
        Ok(new_bool(v.is_finite() && v == v.trunc()))
    }),
    MethodDef::method("__round__", |a, k| {
        let (s, r) = args::method("__round__", a, k, 0, 1)?;
        let v = float::as_float(s).unwrap_or(0.0);
        match r.first().filter(|n| !n.is(immortals().none)) {
            None => {
                let r = v.round();
                let r = if (v - v.trunc()).abs() == 0.5 { 2.0 * (v / 2.0).round() } else { r };
                float::float_int(&*float::new_float(r)?)
            }
            Some(n) => float::new_float(float::round_float(v, ops::index_isize(n)? as i64)),
        }
    }),
];

// ---- str ---------------------------------------------------------------------------------

fn str_repr(o: &PyObject) -> PyResult<Obj> {
    new_str(&pyrt_compile::PyStr::new(str_value(o).unwrap_or("")).repr())
}

fn str_str(o: &PyObject) -> PyResult<Obj> {
    if std::ptr::eq(o.type_object(), types().str_type) {
        Ok(Obj::new_ref(o))
    } else {
        new_str(str_value(o).unwrap_or(""))
    }
}

fn str_new(ty: &TypeObject, argv: &[Obj], kwnames: Option<&PyObject>) -> PyResult<Obj> {
    let pos = args::exact("str", argv, kwnames, 0, 1)?;
    let text = match pos.first() {
        Some(x) => ops::str_text(x)?,
        None => String::new(),
    };
    super::str::new_str_of_type(ty, &text)
}

fn str_richcompare(a: &PyObject, b: &PyObject, op: CompareOp) -> PyResult<Obj> {
    match (str_value(a), str_value(b)) {
        (Some(x), Some(y)) => Ok(new_bool(op.test(x.cmp(y)))),
        _ => not_implemented(),
    }
}

fn str_add(a: &PyObject, b: &PyObject) -> PyResult<Obj> {
    match (str_value(a), str_value(b)) {
        (Some(x), Some(y)) => {
            let mut s = String::with_capacity(x.len() + y.len());
            s.push_str(x);
            s.push_str(y);
            new_str(&s)
        }
        _ => not_implemented(),
    }
}

fn str_contains(a: &PyObject, b: &PyObject) -> PyResult<bool> {
    match str_value(b) {
        Some(needle) => Ok(str_value(a).unwrap_or("").contains(needle)),
        None => Err(PyErr::type_error(format!(
            "'in <string>' requires string as left operand, not {}",
            b.type_object().name()
        ))),
    }
}

/// Normalises `i` against `len` for indexing (negative from the end).
fn norm_index(i: isize, len: usize) -> Option<usize> {
    let i = if i < 0 { i + len as isize } else { i };
    (0..len as isize).contains(&i).then_some(i as usize)
}

fn str_subscript(o: &PyObject, key: &PyObject) -> PyResult<Obj> {
    let s = as_str_object(o).expect("a str");
    if let Some(sl) = super::range::as_slice(key) {
        let (start, _, step, count) = sl.indices(s.len())?;
        let text: String = (0..count).map(|k| s.char_at((start + k as isize * step) as usize)).collect();
        return new_str(&text);
    }
    if as_int(key).is_some() || key.type_object().number.index.is_some() {
        let i = ops::index_isize(key)?;
        let i = norm_index(i, s.len()).ok_or_else(|| PyErr::index_error("string index out of range"))?;
        let c = s.char_at(i);
        let mut buf = [0u8; 4];
        return new_str(c.encode_utf8(&mut buf));
    }
    Err(PyErr::type_error(format!("string indices must be integers, not '{}'", key.type_object().name())))
}

fn seq_repeat(seq: &PyObject, n: &PyObject) -> PyResult<Obj> {
    let Some(count) = as_int(n) else { return not_implemented() };
    let count = match count {
        IntVal::Small(c) => c.max(0) as usize,
        IntVal::Big(_) => return Err(PyErr::overflow("cannot fit 'int' into an index-sized integer")),
    };
    if let Some(s) = str_value(seq) {
        return new_str(&s.repeat(count));
    }
    let src: Vec<Obj> = if let Some(l) = as_list(seq) { l.items().to_vec() } else { items(seq).to_vec() };
    let mut out = Vec::with_capacity(src.len() * count);
    for _ in 0..count {
        out.extend_from_slice(&src);
    }
    if as_list(seq).is_some() { new_list(out) } else { new_tuple(out) }
}

fn str_join(a: &[Obj], k: Option<&PyObject>) -> PyResult<Obj> {
    let (s, r) = args::method("join", a, k, 1, 1)?;
    let sep = str_value(s).unwrap_or("");
    let parts = ops::collect(&r[0])?;
    let mut out = String::new();
    for (i, p) in parts.iter().enumerate() {
        let Some(t) = str_value(p) else {
            return Err(PyErr::type_error(format!(
                "sequence item {i}: expected str instance, {} found",
                p.type_object().name()
            )));
        };
        if i > 0 {
            out.push_str(sep);
        }
        out.push_str(t);
    }
    new_str(&out)
}

fn str_split(a: &[Obj], k: Option<&PyObject>) -> PyResult<Obj> {
    let (s, r) = args::method("split", a, k, 0, 2)?;
    let text = str_value(s).unwrap_or("");
    let sep = r.first().filter(|x| !x.is(immortals().none));
    let maxsplit = match r.get(1) {
        Some(m) => ops::index_isize(m)?,
        None => -1,
    };
    let parts: Vec<&str> = match sep {
        None => {
            if maxsplit < 0 {
                text.split_whitespace().collect()
            } else {
                let mut v = Vec::new();
                let mut rest = text.trim_start();
                while !rest.is_empty() && (v.len() as isize) < maxsplit {
                    let end = rest.find(char::is_whitespace).unwrap_or(rest.len());
                    v.push(&rest[..end]);
                    rest = rest[end..].trim_start();
                }
                if !rest.is_empty() {
                    v.push(rest);
                }
                v
            }
        }
        Some(sep) => {
            let sep = str_value(sep)
                .ok_or_else(|| PyErr::type_error(format!("must be str or None, not {}", sep.type_object().name())))?;
            if sep.is_empty() {
                return Err(PyErr::value_error("empty separator"));
            }
            if maxsplit < 0 { text.split(sep).collect() } else { text.splitn(maxsplit as usize + 1, sep).collect() }
        }
    };
    new_list(parts.into_iter().map(new_str).collect::<PyResult<_>>()?)
}

fn strip_chars<'a>(text: &'a str, chars: Option<&PyObject>, left: bool, right: bool) -> PyResult<&'a str> {
    let set: Option<Vec<char>> = match chars.filter(|c| !c.is(immortals().none)) {
        Some(c) => {
            Some(str_value(c).ok_or_else(|| PyErr::type_error("strip arg must be None or str"))?.chars().collect())
        }
        None => None,
    };
    let pred = |c: char| match &set {
        Some(s) => s.contains(&c),
        None => c.is_whitespace(),
    };
    let mut t = text;
    if left {
        t = t.trim_start_matches(pred);
    }
    if right {
        t = t.trim_end_matches(pred);
    }
    Ok(t)
}

macro_rules! str_strip {
    ($name:literal, $l:expr, $r:expr) => {
        MethodDef::method($name, |a, k| {
            let (s, r) = args::method($name, a, k, 0, 1)?;
            new_str(strip_chars(str_value(s).unwrap_or(""), r.first().map(|o| &**o), $l, $r)?)
        })
    };
}

macro_rules! str_map {
    ($name:literal, $f:expr) => {
        MethodDef::method($name, |a, k| {
            let (s, _) = args::method($name, a, k, 0, 0)?;
            let f: fn(&str) -> String = $f;
            new_str(&f(str_value(s).unwrap_or("")))
        })
    };
}

macro_rules! str_pred {
    ($name:literal, $f:expr) => {
        MethodDef::method($name, |a, k| {
            let (s, _) = args::method($name, a, k, 0, 0)?;
            let t = str_value(s).unwrap_or("");
            let f: fn(char) -> bool = $f;
            Ok(new_bool(!t.is_empty() && t.chars().all(f)))
        })
    };
}

fn affix_test(a: &[Obj], k: Option<&PyObject>, name: &str, start: bool) -> PyResult<Obj> {
    let (s, r) = args::method(name, a, k, 1, 1)?;
    let text = str_value(s).unwrap_or("");
    let test = |p: &PyObject| -> PyResult<bool> {
        let p = str_value(p).ok_or_else(|| {
            PyErr::type_error(format!("{name} first arg must be str or a tuple of str, not {}", p.type_object().name()))
        })?;
        Ok(if start { text.starts_with(p) } else { text.ends_with(p) })
    };
    if tuple::is_tuple(&r[0]) {
        for p in items(&r[0]) {
            if test(p)? {
                return Ok(new_bool(true));
            }
        }
        return Ok(new_bool(false));
    }
    Ok(new_bool(test(&r[0])?))
}

fn char_index(text: &str, byte: usize) -> usize {
    text[..byte].chars().count()
}

static STR_METHODS: &[MethodDef] = &[
    MethodDef::method("join", str_join),
    MethodDef::method("split", str_split),
    str_strip!("strip", true, true),
    str_strip!("lstrip", true, false),
    str_strip!("rstrip", false, true),
    str_map!("upper", |s| s.to_uppercase()),
    str_map!("lower", |s| s.to_lowercase()),
    str_map!("casefold", |s| s.to_lowercase()),
    str_map!("swapcase", |s| s
        .chars()
        .flat_map(|c| if c.is_uppercase() { c.to_lowercase().collect::<Vec<_>>() } else { c.to_uppercase().collect() })
        .collect()),
    str_map!("capitalize", |s| {
        let mut cs = s.chars();
        match cs.next() {
            Some(f) => f.to_uppercase().chain(cs.flat_map(char::to_lowercase)).collect(),
            None => String::new(),
        }
    }),
    str_map!("title", |s| {
        let mut out = String::new();
        let mut prev_cased = false;
        for c in s.chars() {
            if prev_cased {
                out.extend(c.to_lowercase())
            } else {
                out.extend(c.to_uppercase())
            }
            prev_cased = c.is_alphabetic();
        }
        out
    }),
    str_pred!("isdigit", |c| c.is_ascii_digit() || c.is_numeric()),
    str_pred!("isdecimal", |c| c.is_ascii_digit()),
    str_pred!("isnumeric", char::is_numeric),
    str_pred!("isalpha", char::is_alphabetic),
    str_pred!("isalnum", char::is_alphanumeric),
    str_pred!("isspace", char::is_whitespace),
    MethodDef::method("isupper", |a, k| {
        let t = str_value(args::method("isupper", a, k, 0, 0)?.0).unwrap_or("");
        Ok(new_bool(t.chars().any(char::is_uppercase) && !t.chars().any(char::is_lowercase)))
    }),
    MethodDef::method("islower", |a, k| {
        let t = str_value(args::method("islower", a, k, 0, 0)?.0).unwrap_or("");
        Ok(new_bool(t.chars().any(char::is_lowercase) && !t.chars().any(char::is_uppercase)))
    }),
    MethodDef::method("startswith", |a, k| affix_test(a, k, "startswith", true)),
    MethodDef::method("endswith", |a, k| affix_test(a, k, "endswith", false)),
    MethodDef::method("find", |a, k| {
        let (s, r) = args::method("find", a, k, 1, 1)?;
        let t = str_value(s).unwrap_or("");
        let n = str_value(&r[0]).ok_or_else(|| PyErr::type_error("must be str"))?;
        new_int(t.find(n).map_or(-1, |b| char_index(t, b) as i64))
    }),
    MethodDef::method("rfind", |a, k| {
        let (s, r) = args::method("rfind", a, k, 1, 1)?;
        let t = str_value(s).unwrap_or("");
        let n = str_value(&r[0]).ok_or_else(|| PyErr::type_error("must be str"))?;
        new_int(t.rfind(n).map_or(-1, |b| char_index(t, b) as i64))
    }),
    MethodDef::method("index", |a, k| {
        let (s, r) = args::method("index", a, k, 1, 1)?;
        let t = str_value(s).unwrap_or("");
        let n = str_value(&r[0]).ok_or_else(|| PyErr::type_error("must be str"))?;
        match t.find(n) {
            Some(b) => new_int(char_index(t, b) as i64),
            None => Err(PyErr::value_error("substring not found")),
        }
    }),
    MethodDef::method("count", |a, k| {
        let (s, r) = args::method("count", a, k, 1, 1)?;
        let t = str_value(s).unwrap_or("");
        let n = str_value(&r[0]).ok_or_else(|| PyErr::type_error("must be str"))?;
        new_int(if n.is_empty() { t.chars().count() as i64 + 1 } else { t.matches(n).count() as i64 })
    }),
    MethodDef::method("replace", |a, k| {
        let (s, r) = args::method("replace", a, k, 2, 3)?;
        let t = str_value(s).unwrap_or("");
        let (Some(old), Some(new)) = (str_value(&r[0]), str_value(&r[1])) else {
            return Err(PyErr::type_error("replace() arguments must be str"));
        };
        let count = match r.get(2) {
            Some(c) => ops::index_isize(c)?,
            None => -1,
        };
        new_str(&if count < 0 { t.replace(old, new) } else { t.replacen(old, new, count as usize) })
    }),
    MethodDef::method("zfill", |a, k| {
        let (s, r) = args::method("zfill", a, k, 1, 1)?;
        let t = str_value(s).unwrap_or("");
        let w = ops::index_isize(&r[0])?.max(0) as usize;
        let n = t.chars().count();
        if n >= w {
            return new_str(t);
        }
        let (sign, rest) = match t.chars().next() {
            Some(c @ ('+' | '-')) => (c.to_string(), &t[1..]),
            _ => (String::new(), t),
        };
        new_str(&format!("{sign}{}{rest}", "0".repeat(w - n)))
    }),
];

// ---- tuple / list ------------------------------------------------------------------------

fn seq_items(o: &PyObject) -> Vec<Obj> {
    match as_list(o) {
        Some(l) => l.items().to_vec(),
        None => items(o).to_vec(),
    }
}

fn tuple_repr(o: &PyObject) -> PyResult<Obj> {
    let its = items(o);
    let mut out = String::from("(");
    for (i, x) in its.iter().enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        out.push_str(&repr_text(x)?);
    }
    if its.len() == 1 {
        out.push(',');
    }
    out.push(')');
    new_str(&out)
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

fn tuple_hash(o: &PyObject) -> PyResult<isize> {
    // CPython's xxHash-based tuple hash.
    const P1: u64 = 11400714785074694791;
    const P2: u64 = 14029467366897019727;
    const P5: u64 = 2870177450012600261;
    let its = items(o);
    let mut acc: u64 = P5;
    for x in its {
        let lane = ops::hash(x)? as u64;
        acc = acc.wrapping_add(lane.wrapping_mul(P2));
        acc = acc.rotate_left(31);
        acc = acc.wrapping_mul(P1);
    }
    acc = acc.wrapping_add(its.len() as u64 ^ (P5 ^ 3527539));
    if acc == u64::MAX {
        return Ok(1546275796);
    }
    Ok(acc as isize)
}

fn seq_richcompare(a: &PyObject, b: &PyObject, op: CompareOp) -> PyResult<Obj> {
    let same_kind = (tuple::is_tuple(a) && tuple::is_tuple(b)) || (as_list(a).is_some() && as_list(b).is_some());
    if !same_kind {
        return not_implemented();
    }
    let (x, y) = (seq_items(a), seq_items(b));
    if matches!(op, CompareOp::Eq | CompareOp::Ne) && x.len() != y.len() {
        return Ok(new_bool(op == CompareOp::Ne));
    }
    for (p, q) in x.iter().zip(&y) {
        if !ops::rich_compare_bool(p, q, CompareOp::Eq)? {
            return match op {
                CompareOp::Eq => Ok(new_bool(false)),
                CompareOp::Ne => Ok(new_bool(true)),
                _ => ops::rich_compare(p, q, op),
            };
        }
    }
    Ok(new_bool(op.test(x.len().cmp(&y.len()))))
}

fn seq_contains(a: &PyObject, b: &PyObject) -> PyResult<bool> {
    for x in seq_items(a) {
        if ops::rich_compare_bool(&x, b, CompareOp::Eq)? {
            return Ok(true);
        }
    }
    Ok(false)
}

fn seq_concat(a: &PyObject, b: &PyObject) -> PyResult<Obj> {
    if let (Some(x), Some(y)) = (as_list(a), as_list(b)) {
        let mut v = x.items().to_vec();
        v.extend_from_slice(y.items());
        return new_list(v);
    }
    if tuple::is_tuple(a) && tuple::is_tuple(b) {
        let mut v = items(a).to_vec();
        v.extend_from_slice(items(b));
        return new_tuple(v);
    }
    not_implemented()
}

/// The items a slice selects from `its`.
fn slice_items(its: &[Obj], key: &PyObject) -> PyResult<Option<Vec<Obj>>> {
    let Some(sl) = super::range::as_slice(key) else { return Ok(None) };
    let (start, _, step, count) = sl.indices(its.len())?;
    Ok(Some((0..count).map(|k| its[(start + k as isize * step) as usize].clone()).collect()))
}

fn seq_subscript(o: &PyObject, key: &PyObject) -> PyResult<Obj> {
    let is_list = as_list(o).is_some();
    let name = if is_list { "list" } else { "tuple" };
    if let Some(v) = slice_items(&seq_items(o), key)? {
        return if is_list { new_list(v) } else { new_tuple(v) };
    }
    if as_int(key).is_some() || key.type_object().number.index.is_some() {
        let i = ops::index_isize(key)?;
        let its = seq_items(o);
        let i = norm_index(i, its.len()).ok_or_else(|| PyErr::index_error(format!("{name} index out of range")))?;
        return Ok(its[i].clone());
    }
    Err(PyErr::type_error(format!("{name} indices must be integers or slices, not {}", key.type_object().name())))
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

fn tuple_new(ty: &TypeObject, argv: &[Obj], kwnames: Option<&PyObject>) -> PyResult<Obj> {
    let pos = args::exact("tuple", argv, kwnames, 0, 1)?;
    let v = match pos.first() {
        Some(x) => ops::collect(x)?,
        None => Vec::new(),
    };
    tuple::new_tuple_of_type(ty, v)
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

static TUPLE_METHODS: &[MethodDef] = &[
    MethodDef::classmethod("__class_getitem__", super::generic_alias::class_getitem),
    MethodDef::method("count", |a, k| {
        let (s, r) = args::method("count", a, k, 1, 1)?;
        let mut n = 0;
        for x in items(s) {
            n += ops::rich_compare_bool(x, &r[0], CompareOp::Eq)? as i64;
        }
        new_int(n)
    }),
    MethodDef::method("index", |a, k| {
        let (s, r) = args::method("index", a, k, 1, 1)?;
        for (i, x) in items(s).iter().enumerate() {
            if ops::rich_compare_bool(x, &r[0], CompareOp::Eq)? {
                return new_int(i as i64);
            }
        }
        Err(PyErr::value_error("tuple.index(x): x not in tuple"))
    }),
];

fn list_of(o: &PyObject) -> &super::list::ListObject {
    as_list(o).expect("a list receiver")
}

static LIST_METHODS: &[MethodDef] = &[
    MethodDef::classmethod("__class_getitem__", super::generic_alias::class_getitem),
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

// ---- dict --------------------------------------------------------------------------------

fn dict_of(o: &PyObject) -> &super::dict::DictObject {
    as_dict(o).expect("a dict receiver")
}

fn dict_repr(o: &PyObject) -> PyResult<Obj> {
    let mut out = String::from("{");
    for (i, (k, v)) in dict_of(o).items().iter().enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        out.push_str(&repr_text(k)?);
        out.push_str(": ");
        out.push_str(&repr_text(v)?);
    }
    out.push('}');
    new_str(&out)
}

fn dict_richcompare(a: &PyObject, b: &PyObject, op: CompareOp) -> PyResult<Obj> {
    let (Some(x), Some(y)) = (as_dict(a), as_dict(b)) else { return not_implemented() };
    if !matches!(op, CompareOp::Eq | CompareOp::Ne) {
        return not_implemented();
    }
    let mut eq = x.len() == y.len();
    if eq {
        for (k, v) in x.items() {
            match y.get(&k)? {
                Some(w) if ops::rich_compare_bool(&v, &w, CompareOp::Eq)? => {}
                _ => {
                    eq = false;
                    break;
                }
            }
        }
    }
    Ok(new_bool(eq == (op == CompareOp::Eq)))
}

fn dict_subscript(o: &PyObject, key: &PyObject) -> PyResult<Obj> {
    match dict_of(o).get(key)? {
        Some(v) => Ok(v),
        None => {
            if !std::ptr::eq(o.type_object(), types().dict_type) {
                if let Some(missing) = super::attr::lookup_str(o.type_object(), "__missing__") {
                    return ops::call(&missing, &[Obj::new_ref(o), Obj::new_ref(key)], None);
                }
            }
            Err(PyErr::key_error(key))
        }
    }
}

fn dict_ass_subscript(o: &PyObject, key: &PyObject, value: Option<&PyObject>) -> PyResult<()> {
    let d = dict_of(o);
    match value {
        Some(v) => d.set(Obj::new_ref(key), Obj::new_ref(v)),
        None => match d.remove(key)? {
            Some(_) => Ok(()),
            None => Err(PyErr::key_error(key)),
        },
    }
}

fn dict_iter(o: &PyObject) -> PyResult<Obj> {
    let keys: Vec<Obj> = dict_of(o).items().into_iter().map(|(k, _)| k).collect();
    new_seq_iter(new_list(keys)?)
}

fn dict_new(ty: &TypeObject, _argv: &[Obj], _kwnames: Option<&PyObject>) -> PyResult<Obj> {
    super::dict::new_dict_of_type(ty)
}

fn dict_update_from(d: &super::dict::DictObject, src: &PyObject) -> PyResult<()> {
    if let Some(s) = as_dict(src) {
        for (k, v) in s.items() {
            d.set(k, v)?;
        }
        return Ok(());
    }
    for (i, pair) in ops::collect(src)?.into_iter().enumerate() {
        let kv = ops::collect(&pair).map_err(|_| {
            PyErr::type_error(format!("cannot convert dictionary update sequence element #{i} to a sequence"))
        })?;
        if kv.len() != 2 {
            return Err(PyErr::value_error(format!(
                "dictionary update sequence element #{i} has length {}; 2 is required",
                kv.len()
            )));
        }
        let mut kv = kv.into_iter();
        let (k, v) = (kv.next().expect("two"), kv.next().expect("two"));
        d.set(k, v)?;
    }
    Ok(())
}

fn dict_init(o: &PyObject, argv: &[Obj], kwnames: Option<&PyObject>) -> PyResult<()> {
    let d = dict_of(o);
    let pos = args::positional(argv, kwnames);
    if pos.len() > 1 {
        return Err(PyErr::type_error(format!("dict expected at most 1 argument, got {}", pos.len())));
    }
    if let Some(src) = pos.first() {
        dict_update_from(d, src)?;
    }
    for (name, v) in args::keywords(argv, kwnames) {
        d.set(new_str(name)?, v.clone())?;
    }
    Ok(())
}

static DICT_METHODS: &[MethodDef] = &[
    MethodDef::classmethod("__class_getitem__", super::generic_alias::class_getitem),
    MethodDef::method("get", |a, k| {
        let (s, r) = args::method("get", a, k, 1, 2)?;
        Ok(dict_of(s).get(&r[0])?.unwrap_or_else(|| r.get(1).cloned().unwrap_or_else(args::none)))
    }),
    MethodDef::method("keys", |a, k| {
        let (s, _) = args::method("keys", a, k, 0, 0)?;
        new_list(dict_of(s).items().into_iter().map(|(k, _)| k).collect())
    }),
    MethodDef::method("values", |a, k| {
        let (s, _) = args::method("values", a, k, 0, 0)?;
        new_list(dict_of(s).items().into_iter().map(|(_, v)| v).collect())
    }),
    MethodDef::method("items", |a, k| {
        let (s, _) = args::method("items", a, k, 0, 0)?;
        new_list(dict_of(s).items().into_iter().map(|(k, v)| new_tuple(vec![k, v])).collect::<PyResult<_>>()?)
    }),
    MethodDef::method("pop", |a, k| {
        let (s, r) = args::method("pop", a, k, 1, 2)?;
        match dict_of(s).remove(&r[0])? {
            Some(v) => Ok(v),
            None => r.get(1).cloned().ok_or_else(|| PyErr::key_error(&r[0])),
        }
    }),
    MethodDef::method("setdefault", |a, k| {
        let (s, r) = args::method("setdefault", a, k, 1, 2)?;
        let d = dict_of(s);
        if let Some(v) = d.get(&r[0])? {
            return Ok(v);
        }
        let v = r.get(1).cloned().unwrap_or_else(args::none);
        d.set(r[0].clone(), v.clone())?;
        Ok(v)
    }),
    MethodDef::method("update", |a, k| {
        let s = a.first().ok_or_else(|| PyErr::type_error("update() needs a receiver"))?;
        dict_init(s, &a[1..], k)?;
        Ok(args::none())
    }),
    MethodDef::method("clear", |a, k| {
        let (s, _) = args::method("clear", a, k, 0, 0)?;
        dict_of(s).clear();
        Ok(args::none())
    }),
    MethodDef::method("copy", |a, k| {
        let (s, _) = args::method("copy", a, k, 0, 0)?;
        let n = new_dict()?;
        for (k, v) in dict_of(s).items() {
            dict_of(&n).set(k, v)?;
        }
        Ok(n)
    }),
    MethodDef::method("popitem", |a, k| {
        let (s, _) = args::method("popitem", a, k, 0, 0)?;
        match dict_of(s).pop_last() {
            Some((k, v)) => new_tuple(vec![k, v]),
            None => Err(PyErr::key_error_msg("popitem(): dictionary is empty")),
        }
    }),
];

impl PyErr {
    /// `KeyError(msg)` with a string message.
    #[cold]
    pub fn key_error_msg(msg: &str) -> PyErr {
        super::exceptions::raise_msg(types().exc.named("KeyError"), msg)
    }
}

// ---- the sequence iterator ---------------------------------------------------------------

/// An iterator over anything indexable by position (`list`, `tuple`, `str`, or a type with
/// `__getitem__`): CPython's `seqiterobject` and `listiterobject` in one.
#[repr(C)]
pub struct SeqIter {
    /// Header.
    pub ob_base: PyObject,
    seq: Option<Obj>,
    index: Cell<usize>,
}

/// A new sequence iterator.
pub fn new_seq_iter(seq: Obj) -> PyResult<Obj> {
    // SAFETY: SeqIter starts with the header; its deallocator drops it.
    unsafe { alloc(types().seq_iterator_type, |ob_base| SeqIter { ob_base, seq: Some(seq), index: Cell::new(0) }) }
}

fn seq_iter_next(it: &PyObject) -> PyResult<Option<Obj>> {
    // SAFETY: only installed on the sequence iterator type.
    let it = unsafe { it.cast::<SeqIter>() };
    let Some(seq) = &it.seq else { return Ok(None) };
    let i = it.index.get();
    let item = if let Some(l) = as_list(seq) {
        l.items().get(i).cloned()
    } else if tuple::is_tuple(seq) {
        items(seq).get(i).cloned()
    } else if let Some(s) = as_str_object(seq) {
        if i < s.len() {
            let mut buf = [0u8; 4];
            Some(new_str(s.char_at(i).encode_utf8(&mut buf))?)
        } else {
            None
        }
    } else {
        match ops::get_item(seq, &*new_int(i as i64)?) {
            Ok(v) => Some(v),
            Err(e) if e.matches(types().exc.named("IndexError")) || e.matches(types().exc.named("StopIteration")) => {
                None
            }
            Err(e) => return Err(e),
        }
    };
    it.index.set(i + 1);
    Ok(item)
}

/// # Safety
///
/// See [`super::typeobj::DeallocFn`].
unsafe fn dealloc_seq_iter(op: NonNull<PyObject>) {
    // SAFETY: forwarded contract.
    unsafe { drop_and_free::<SeqIter>(op) }
}
