//! The core builtin types' slots and method tables: `object`, `type`, `NoneType`,
//! `NotImplementedType`, `ellipsis`, `bool`, `str`, the builtin function and descriptor types. `int`, `float`, `tuple`, `list` and `dict` are made here from the
//! slots their own modules fill (`int_methods`, `float_methods`, `tuple_methods`,
//! `list_methods`, `dict_methods`). The sequence iterator lives in `seq_iter`.

use super::abstract_ops as ops;
use super::builtin::{self, GetSetDef, MethodDef, args};
use super::dict::as_dict;
use super::float;
use super::header::PyObject;
use super::immortal::{TypeSpec, immortals, intern, new_static_type};
use super::int::{self, new_bool, new_int};
use super::list::new_list;
use super::obj::Obj;
use super::slots::SequenceMethods;
use super::str::{new_str, str_value};
use super::tuple::{self, new_tuple};
use super::typeobj::{CompareOp, TypeObject, as_type, dealloc_static, flags};
use crate::error::{PyErr, PyResult};

pub(crate) use super::seq_iter::new_seq_iter;

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
    /// `list_iterator`, `tuple_iterator`, `str_ascii_iterator`, ... (see `seq_iter`).
    pub seq_iters: super::seq_iter::SeqIterTypes,
    pub function_type: &'static TypeObject,
    pub code_type: &'static TypeObject,
    pub cell_type: &'static TypeObject,
    pub method_type: &'static TypeObject,
    pub range_type: &'static TypeObject,
    pub range_iter_type: &'static TypeObject,
    pub slice_type: &'static TypeObject,
    pub traceback_type: &'static TypeObject,
    pub bytes_type: &'static TypeObject,
    pub bytearray_type: &'static TypeObject,
    pub memoryview_type: &'static TypeObject,
    pub complex_type: &'static TypeObject,
    pub list_reverse_iter_type: &'static TypeObject,
    pub dict_views: super::dict_views::DictViewTypes,
    pub mappingproxy_type: &'static TypeObject,
    pub list_iter_type: &'static TypeObject,
    pub tuple_iter_type: &'static TypeObject,
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
            t.number.or = Some(super::union_type::union_or);
        },
    );
    // `type` is its own type; patched before anyone sees it.
    type_type
        .ob_base
        .ob_type
        .store(type_type as *const TypeObject as *mut TypeObject, std::sync::atomic::Ordering::Relaxed);
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
            t.number.bool = match name {
                "NoneType" => Some(false_bool),
                "NotImplementedType" => Some(not_implemented_bool),
                _ => None,
            };
            t.new = Some(singleton_new);
        })
    };
    let none_type = singleton("NoneType", |_| Ok(Obj::new_ref(&intern("None").ob_base)));
    let not_implemented_type = singleton("NotImplementedType", |_| Ok(Obj::new_ref(&intern("NotImplemented").ob_base)));
    let ellipsis_type = singleton("ellipsis", |_| Ok(Obj::new_ref(&intern("Ellipsis").ob_base)));
    let int_type = mk(
        "int",
        size_of::<int::IntObject>(),
        flags::BASETYPE | flags::LONG_SUBCLASS,
        int::dealloc_int,
        &super::int_methods::fill_int_type,
    );
    let bool_type = mk("bool", size_of::<int::IntObject>(), flags::LONG_SUBCLASS, dealloc_static, &|t| {
        t.repr = Some(int::bool_repr);
        t.hash = Some(int::int_hash);
        t.richcompare = Some(int::int_richcompare);
        t.new = Some(bool_new);
        t.number = super::int_methods::INT_NUMBER;
    });
    let float_type = mk(
        "float",
        size_of::<float::FloatObject>(),
        flags::BASETYPE,
        float::dealloc_float,
        &super::float_methods::fill_float_type,
    );
    let str_type = mk(
        "str",
        size_of::<super::str::StrObject>(),
        flags::BASETYPE | flags::UNICODE_SUBCLASS,
        super::str::dealloc_str,
        &super::str_methods::fill_str_type,
    );
    let tuple_type = mk(
        "tuple",
        size_of::<tuple::TupleObject>(),
        flags::BASETYPE | flags::TUPLE_SUBCLASS,
        tuple::dealloc_tuple,
        &super::tuple_methods::fill_tuple_type,
    );
    let list_type = mk(
        "list",
        size_of::<super::list::ListObject>(),
        flags::BASETYPE | flags::LIST_SUBCLASS,
        super::list::dealloc_list,
        &super::list_methods::fill_list_type,
    );
    let dict_type = mk(
        "dict",
        size_of::<super::dict::DictObject>(),
        flags::BASETYPE | flags::DICT_SUBCLASS,
        super::dict::dealloc_dict,
        &super::dict_methods::fill_dict_type,
    );
    let builtin_function_type =
        mk("builtin_function_or_method", size_of::<builtin::BuiltinFunction>(), 0, builtin::dealloc_builtin, &|t| {
            t.call = Some(builtin::builtin_call);
            t.repr = Some(builtin::builtin_repr);
            t.hash = Some(builtin::builtin_hash);
            t.richcompare = Some(builtin::builtin_richcompare);
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
        t.repr = Some(builtin::getset_repr);
        t.hash = Some(object_hash);
    });
    let seq_iterator_type = super::seq_iter::make_seq_iter_type(&mk, "iterator");
    let seq_iters = super::seq_iter::make_seq_iter_types(&mk, object_type, specs);
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
            t.hash = Some(super::function_attrs::method_hash);
            t.richcompare = Some(super::function_attrs::method_richcompare);
            t.getattro = super::function_attrs::method_getattro;
            t.new = Some(super::function_attrs::method_new);
            t.descr_get = Some(|m, _, _| Ok(Obj::new_ref(m)));
        });
    let range_type = mk("range", size_of::<super::range::RangeObject>(), 0, super::range::dealloc_range, &|t| {
        t.new = Some(super::range::range_new);
        t.repr = Some(super::range::range_repr);
        t.iter = Some(super::range::range_iter);
        t.hash = Some(super::range::range_hash);
        t.richcompare = Some(super::range::range_richcompare);
        t.sequence =
            SequenceMethods { length: Some(super::range::range_len), contains: Some(super::range::range_contains) };
        t.mapping.subscript = Some(super::range::range_subscript);
        t.number.bool = Some(super::range::range_bool);
    });
    let range_iter_type =
        mk("range_iterator", size_of::<super::range::RangeIter>(), 0, super::range::dealloc_range_iter, &|t| {
            t.iter = Some(|o| Ok(Obj::new_ref(o)));
            t.iternext = Some(super::range::range_iter_next);
            t.hash = Some(object_hash);
        });
    let slice_type = mk("slice", size_of::<super::range::SliceObject>(), 0, super::range::dealloc_slice, &|t| {
        t.repr = Some(super::range::slice_repr);
        t.new = Some(super::range::slice_new);
        t.richcompare = Some(super::range::slice_richcompare);
        t.hash = Some(super::range::slice_hash);
    });
    let traceback_type = crate::eval::traceback::make_traceback_type(type_type, object_type, specs);
    let list_reverse_iter_type = mk(
        "list_reverseiterator",
        size_of::<super::sequence::ReversedSeqIter>(),
        0,
        super::sequence::dealloc_reversed_iter,
        &|t| {
            t.iter = Some(|o| Ok(Obj::new_ref(o)));
            t.iternext = Some(super::sequence::reversed_iter_next);
        },
    );
    let forward_iter = |name| {
        mk(name, size_of::<super::sequence::SeqForwardIter>(), 0, super::sequence::dealloc_forward_iter, &|t| {
            t.iter = Some(|o| Ok(Obj::new_ref(o)));
            t.iternext = Some(super::sequence::forward_iter_next);
        })
    };
    let list_iter_type = forward_iter("list_iterator");
    let tuple_iter_type = forward_iter("tuple_iterator");
    let mappingproxy_type = mk(
        "mappingproxy",
        size_of::<super::mappingproxy::MappingProxy>(),
        0,
        super::mappingproxy::dealloc_mappingproxy,
        &super::mappingproxy::fill_mappingproxy_type,
    );
    let (dict_views, dict_view_specs) =
        super::dict_views::make_types(&|name, size, dealloc, fill| mk(name, size, 0, dealloc, fill));
    let bytes_type = mk(
        "bytes",
        size_of::<super::bytes::BytesObject>(),
        flags::BASETYPE | flags::BYTES_SUBCLASS,
        super::bytes::dealloc_bytes,
        &super::bytes::fill_bytes_type,
    );
    let bytearray_type = mk(
        "bytearray",
        size_of::<super::bytearray::ByteArrayObject>(),
        flags::BASETYPE,
        super::bytearray::dealloc_bytearray,
        &super::bytearray::fill_bytearray_type,
    );
    let memoryview_type = mk(
        "memoryview",
        size_of::<super::memoryview::MemoryViewObject>(),
        0,
        super::memoryview::dealloc_memoryview,
        &super::memoryview::fill_memoryview_type,
    );
    let complex_type = mk(
        "complex",
        size_of::<super::complex::ComplexObject>(),
        flags::BASETYPE,
        super::complex::dealloc_complex,
        &super::complex::fill_complex_type,
    );
    let spec = |ty, base: Option<&'static TypeObject>, methods, getsets| TypeSpec { ty, base, methods, getsets };
    let obj = Some(object_type);
    specs.push(spec(object_type, None, OBJECT_METHODS, OBJECT_GETSETS));
    specs.push(spec(type_type, obj, TYPE_METHODS, TYPE_GETSETS));
    specs.push(spec(builtin_function_type, obj, &[], builtin::BUILTIN_FUNCTION_GETSETS));
    specs.push(spec(method_descriptor_type, obj, &[], builtin::METHOD_DESCR_GETSETS));
    specs.push(spec(getset_descriptor_type, obj, &[], builtin::GETSET_DESCR_GETSETS));
    for t in [none_type, not_implemented_type, ellipsis_type, seq_iterator_type] {
        specs.push(spec(t, obj, &[], &[]));
    }
    specs.push(spec(list_reverse_iter_type, obj, super::sequence::REVERSED_ITER_METHODS, &[]));
    specs.push(spec(mappingproxy_type, obj, super::mappingproxy::MAPPINGPROXY_METHODS, &[]));
    specs.push(spec(list_iter_type, obj, super::sequence::FORWARD_ITER_METHODS, &[]));
    specs.push(spec(tuple_iter_type, obj, super::sequence::FORWARD_ITER_METHODS, &[]));
    for (t, methods, getsets) in dict_view_specs {
        specs.push(spec(t, obj, methods, getsets));
    }
    specs.push(spec(function_type, obj, &[], super::function_attrs::FUNCTION_GETSETS));
    specs.push(spec(code_type, obj, super::code::CODE_METHODS, super::code::CODE_GETSETS));
    specs.push(spec(cell_type, obj, &[], super::function_attrs::CELL_GETSETS));
    specs.push(spec(method_type, obj, &[], super::function_attrs::METHOD_GETSETS));
    specs.push(spec(int_type, obj, super::int_methods::INT_METHODS, super::int_methods::INT_GETSETS));
    specs.push(spec(bool_type, Some(int_type), &[], &[]));
    specs.push(spec(float_type, obj, super::float_methods::FLOAT_METHODS, super::float_methods::FLOAT_GETSETS));
    specs.push(spec(str_type, obj, super::str_methods::STR_METHODS, &[]));
    specs.push(spec(tuple_type, obj, super::tuple_methods::TUPLE_METHODS, &[]));
    specs.push(spec(list_type, obj, super::list_methods::LIST_METHODS, &[]));
    specs.push(spec(dict_type, obj, super::dict_methods::DICT_METHODS, &[]));
    specs.push(spec(range_type, obj, super::range::RANGE_METHODS, super::range::RANGE_GETSETS));
    specs.push(spec(range_iter_type, obj, super::range::RANGE_ITER_METHODS, &[]));
    specs.push(spec(slice_type, obj, super::range::SLICE_METHODS, super::range::SLICE_GETSETS));
    specs.push(spec(bytes_type, obj, super::bytes_methods::BYTES_METHODS, &[]));
    specs.push(spec(bytearray_type, obj, super::bytes_methods::BYTEARRAY_METHODS, &[]));
    let (mv_methods, mv_getsets) = (super::memoryview::MEMORYVIEW_METHODS, super::memoryview::MEMORYVIEW_GETSETS);
    specs.push(spec(memoryview_type, obj, mv_methods, mv_getsets));
    specs.push(spec(complex_type, obj, super::complex::COMPLEX_METHODS, super::complex::COMPLEX_GETSETS));
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
        seq_iters,
        function_type,
        code_type,
        cell_type,
        method_type,
        range_type,
        range_iter_type,
        slice_type,
        traceback_type,
        bytes_type,
        bytearray_type,
        memoryview_type,
        complex_type,
        list_reverse_iter_type,
        dict_views,
        mappingproxy_type,
        list_iter_type,
        tuple_iter_type,
    }
}

/// `NoneType()`, `NotImplementedType()`, `type(...)()`: the singleton, with no arguments.
fn singleton_new(ty: &TypeObject, argv: &[Obj], kwnames: Option<&PyObject>) -> PyResult<Obj> {
    if !argv.is_empty() || kwnames.is_some_and(|k| !tuple::items(k).is_empty()) {
        // CPython's `ellipsis_new` names the type `EllipsisType` here.
        let name = if ty.name() == "ellipsis" { "EllipsisType" } else { ty.name() };
        return Err(PyErr::type_error(format!("{name} takes no arguments")));
    }
    let i = immortals();
    Ok(Obj::new_ref(match ty.name() {
        "NoneType" => i.none,
        "NotImplementedType" => i.not_implemented,
        _ => i.ellipsis,
    }))
}

/// `bool(NotImplemented)`: true, with 3.9's `DeprecationWarning`.
fn not_implemented_bool(_: &PyObject) -> PyResult<bool> {
    let msg = "NotImplemented should not be used in a boolean context";
    crate::modules::warnings::warn(super::types().exc.named("DeprecationWarning"), msg, 1)?;
    Ok(true)
}

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

/// `__name__` of a type: a static type's name after its module's (`_PyType_Name`).
fn short_name(t: &TypeObject) -> &str {
    let name = t.name();
    if t.is_heap() { name } else { name.rsplit_once('.').map_or(name, |(_, n)| n) }
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
    // `type_repr` shows the qualified name (`<class '__main__.Outer.Inner'>`).
    // SAFETY: read attached.
    let qualname = if t.is_heap() { unsafe { (*t.mutable.get()).qualname.clone() } } else { None };
    let name = qualname.as_deref().and_then(str_value).unwrap_or(t.name()).to_owned();
    match module.as_deref() {
        Some("builtins") | None => new_str(&format!("<class '{name}'>")),
        Some(m) => new_str(&format!("<class '{m}.{name}'>")),
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
        super::attr::attr_name_check(&r[0])?;
        super::attr::generic_setattr(s, &r[0], Some(&r[1]))?;
        Ok(args::none())
    }),
    MethodDef::method("__getattribute__", |a, k| {
        let (s, r) = args::method("__getattribute__", a, k, 1, 1)?;
        super::attr::attr_name_check(&r[0])?;
        super::attr::generic_getattr(s, &r[0])
    }),
    MethodDef::classmethod("__init_subclass__", super::descriptors::object_init_subclass),
    MethodDef::method("__format__", super::object_methods::object_format),
    MethodDef::method("__dir__", super::object_methods::object_dir),
    MethodDef::method("__sizeof__", super::object_methods::object_sizeof),
    MethodDef::classmethod("__subclasshook__", super::object_methods::object_subclasshook),
    MethodDef::method("__reduce_ex__", super::object_reduce::object_reduce_ex),
    MethodDef::method("__reduce__", super::object_reduce::object_reduce),
    MethodDef::method("__getstate__", super::object_reduce::object_getstate),
];

static OBJECT_GETSETS: &[GetSetDef] = &[
    GetSetDef {
        name: "__class__",
        get: |o| Ok(Obj::new_ref(o.type_object().as_object())),
        set: Some(super::class_assign::object_set_class),
    },
    GetSetDef {
        name: "__dict__",
        get: |o| {
            super::attr::instance_dict(o)?.ok_or_else(|| super::attr::no_attribute(o, &intern("__dict__").ob_base))
        },
        set: Some(super::inline_values::set_instance_dict),
    },
];

static TYPE_METHODS: &[MethodDef] = &[
    MethodDef::method("__instancecheck__", super::class_check::type_instancecheck),
    MethodDef::method("__subclasscheck__", super::class_check::type_subclasscheck),
    MethodDef::method("mro", |a, k| {
        let (s, _) = args::method("mro", a, k, 0, 0)?;
        let t = as_type(s).ok_or_else(|| PyErr::type_error("mro() needs a type"))?;
        // `mro_implementation`: C3 over the bases (a metaclass's `mro()` override may have
        // given the class another MRO; this is the default it starts from).
        match t.bases().filter(|_| t.is_heap()) {
            Some(bases) => new_list(super::classobj::c3_mro(Obj::new_ref(s), super::tuple::items(bases))?),
            None => new_list(t.mro().to_vec()),
        }
    }),
    MethodDef::method("__subclasses__", |a, k| {
        let (s, _) = args::method("__subclasses__", a, k, 0, 0)?;
        super::classobj::subclasses(s)
    }),
];

static TYPE_GETSETS: &[GetSetDef] = &[
    GetSetDef {
        name: "__name__",
        get: |o| new_str(as_type(o).map_or("", short_name)),
        set: Some(super::type_attrs::set_name),
    },
    GetSetDef {
        name: "__qualname__",
        get: |o| {
            let t = as_type(o).expect("a type");
            // SAFETY: read attached.
            match unsafe { (*t.mutable.get()).qualname.clone() } {
                Some(q) => Ok(q),
                None => new_str(short_name(t)),
            }
        },
        set: Some(super::type_attrs::set_qualname),
    },
    GetSetDef {
        name: "__flags__",
        get: |o| new_int(as_type(o).map_or(0, super::type_flags::cpython_flags) as i64),
        // A read-only member in CPython (`T_LONG`, `READONLY`): its message, for `del` too.
        set: Some(|_, _| Err(PyErr::attribute_error("readonly attribute"))),
    },
    GetSetDef { name: "__mro__", get: |o| new_tuple(as_type(o).map_or(Vec::new(), |t| t.mro().to_vec())), set: None },
    GetSetDef {
        name: "__bases__",
        get: |o| {
            Ok(as_type(o)
                .and_then(|t| t.bases())
                .map_or_else(|| Obj::new_ref(super::immortal::empty_tuple()), Obj::new_ref))
        },
        set: Some(super::class_assign::type_set_bases),
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
        // A read-only view: a builtin type's dict is shared by every interpreter and must never
        // change, a class's changes only through `setattr` (which keeps its slots and tags right).
        get: |o| match as_type(o).and_then(|t| t.dict()) {
            Some(d) => super::mappingproxy::new_mappingproxy(Obj::new_ref(d)),
            None => Ok(Obj::new_ref(immortals().none)),
        },
        set: None,
    },
    GetSetDef {
        name: "__module__",
        get: |o| {
            let t = as_type(o).expect("a type");
            match t.dict().and_then(as_dict).and_then(|d| d.get_str(&intern("__module__").ob_base)) {
                Some(m) if t.is_heap() => Ok(m),
                // A static type named `module.Name` belongs to that module (`type_module`).
                _ => match t.name().rsplit_once('.') {
                    Some((module, _)) if !t.is_heap() => new_str(module),
                    _ => Ok(Obj::new_ref(&intern("builtins").ob_base)),
                },
            }
        },
        set: Some(super::type_attrs::set_module),
    },
    GetSetDef { name: "__doc__", get: super::type_attrs::get_doc, set: Some(super::type_attrs::set_doc) },
    GetSetDef {
        name: "__annotations__",
        get: super::type_attrs::get_annotations,
        set: Some(super::type_attrs::set_annotations),
    },
];

// ---- int / bool / float constructors and methods -------------------------------------------

fn bool_new(_ty: &TypeObject, argv: &[Obj], kwnames: Option<&PyObject>) -> PyResult<Obj> {
    let pos = args::exact("bool", argv, kwnames, 0, 1)?;
    Ok(new_bool(match pos.first() {
        Some(x) => ops::is_true(x)?,
        None => false,
    }))
}
