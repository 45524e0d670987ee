//! Struct sequences (`PyStructSequence`): tuples whose items are also named attributes, as
//! `sys.version_info`, `sys.flags`, `sys.float_info`, `sys.int_info` and `time.struct_time` are.
//!
//! Each kind is a static subtype of `tuple` (it shares tuple's layout and slots, so comparison
//! with plain tuples, indexing, slicing, `len` and iteration are tuple's); only attribute lookup
//! (a field name gives its item) and `repr` (`sys.version_info(major=3, ...)`) differ. The field
//! names live in [`KINDS`], in the same order as the types in `ModuleTypes::struct_seq_types`.

use super::attr::generic_getattr;
use super::core_types::CoreTypes;
use super::header::PyObject;
use super::immortal::{TypeSpec, new_static_type, types};
use super::obj::Obj;
use super::str::{new_str, str_value};
use super::tuple::{items, new_tuple_of_type};
use super::typeobj::{TypeObject, flags};
use crate::error::{PyErr, PyResult};

/// A kind of struct sequence: its type name, the module it belongs to and its field names.
pub struct StructSeqKind {
    /// `__name__` of the type.
    pub name: &'static str,
    /// The qualified name its repr prints (`sys.version_info`).
    pub repr_name: &'static str,
    /// The field names, in item order.
    pub fields: &'static [&'static str],
}

/// The struct sequences the runtime makes.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum StructSeq {
    VersionInfo = 0,
    Flags = 1,
    FloatInfo = 2,
    IntInfo = 3,
    Implementation = 4,
    StructTime = 5,
    HashInfo = 6,
}

/// The kinds, indexed by [`StructSeq`].
pub static KINDS: &[StructSeqKind] = &[
    StructSeqKind {
        name: "version_info",
        repr_name: "sys.version_info",
        fields: &["major", "minor", "micro", "releaselevel", "serial"],
    },
    StructSeqKind {
        name: "flags",
        repr_name: "sys.flags",
        fields: &[
            "debug",
            "inspect",
            "interactive",
            "optimize",
            "dont_write_bytecode",
            "no_user_site",
            "no_site",
            "ignore_environment",
            "verbose",
            "bytes_warning",
            "quiet",
            "hash_randomization",
            "isolated",
            "dev_mode",
            "utf8_mode",
            "warn_default_encoding",
            "safe_path",
            "int_max_str_digits",
        ],
    },
    StructSeqKind {
        name: "float_info",
        repr_name: "sys.float_info",
        fields: &[
            "max",
            "max_exp",
            "max_10_exp",
            "min",
            "min_exp",
            "min_10_exp",
            "dig",
            "mant_dig",
            "epsilon",
            "radix",
            "rounds",
        ],
    },
    StructSeqKind {
        name: "int_info",
        repr_name: "sys.int_info",
        fields: &["bits_per_digit", "sizeof_digit", "default_max_str_digits", "str_digits_check_threshold"],
    },
    // CPython's `sys.implementation` is a `types.SimpleNamespace`; here a struct sequence with
    // the four required attributes (its repr says `namespace(...)` as CPython's does).
    StructSeqKind {
        name: "namespace",
        repr_name: "namespace",
        fields: &["name", "cache_tag", "version", "hexversion"],
    },
    StructSeqKind {
        name: "struct_time",
        repr_name: "time.struct_time",
        fields: &["tm_year", "tm_mon", "tm_mday", "tm_hour", "tm_min", "tm_sec", "tm_wday", "tm_yday", "tm_isdst"],
    },
    StructSeqKind {
        name: "hash_info",
        repr_name: "sys.hash_info",
        fields: &["width", "modulus", "inf", "nan", "imag", "algorithm", "hash_bits", "seed_bits", "cutoff"],
    },
];

/// Phase one: one tuple subtype per kind, with tuple's slots.
pub(crate) fn make_struct_seq_types(core: &CoreTypes, specs: &mut Vec<TypeSpec>) -> Vec<&'static TypeObject> {
    let tuple = core.tuple_type;
    KINDS
        .iter()
        .map(|kind| {
            let ty = new_static_type(
                core.type_type,
                kind.name,
                tuple.basic_size,
                flags::TUPLE_SUBCLASS,
                tuple.dealloc,
                |t| {
                    t.getattro = struct_seq_getattro;
                    t.repr = Some(struct_seq_repr);
                    t.richcompare = tuple.richcompare;
                    t.hash = tuple.hash;
                    t.iter = tuple.iter;
                    t.number = tuple.number;
                    t.sequence = tuple.sequence;
                    t.mapping = tuple.mapping;
                },
            );
            specs.push(TypeSpec { ty, base: Some(tuple), methods: &[], getsets: &[] });
            ty
        })
        .collect()
}

/// A new struct sequence of `kind` holding `values` (one per field).
pub fn new_struct_seq(kind: StructSeq, values: Vec<Obj>) -> PyResult<Obj> {
    debug_assert_eq!(values.len(), KINDS[kind as usize].fields.len());
    new_tuple_of_type(types().modules.struct_seq_types[kind as usize], values)
}

/// An immortal struct sequence of `kind` holding `values` (immortal objects, one per field),
/// shared by every interpreter: `sys.version_info`, `sys.flags`, ... are immutable.
pub(crate) fn leak_struct_seq(kind: StructSeq, values: Vec<Obj>) -> &'static PyObject {
    debug_assert_eq!(values.len(), KINDS[kind as usize].fields.len());
    debug_assert!(values.iter().all(|v| v.is_immortal()));
    super::tuple::leak_tuple(types().modules.struct_seq_types[kind as usize], values)
}

fn kind_of(o: &PyObject) -> Option<&'static StructSeqKind> {
    let ty = o.type_object();
    let i = types().modules.struct_seq_types.iter().position(|t| std::ptr::eq(*t, ty))?;
    KINDS.get(i)
}

fn struct_seq_getattro(o: &PyObject, name: &PyObject) -> PyResult<Obj> {
    if let (Some(kind), Some(n)) = (kind_of(o), str_value(name)) {
        if let Some(i) = kind.fields.iter().position(|f| *f == n) {
            if let Some(v) = items(o).get(i) {
                return Ok(v.clone());
            }
        }
    }
    generic_getattr(o, name)
}

fn struct_seq_repr(o: &PyObject) -> PyResult<Obj> {
    let kind = kind_of(o).ok_or_else(|| PyErr::type_error("not a struct sequence"))?;
    let mut out = format!("{}(", kind.repr_name);
    for (i, (field, v)) in kind.fields.iter().zip(items(o)).enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        out.push_str(field);
        out.push('=');
        out.push_str(&super::abstract_ops::repr_text(v)?);
    }
    out.push(')');
    new_str(&out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::object::abstract_ops::{get_attr_str, repr_text};
    use crate::object::int::new_int;

    #[test]
    fn fields_are_attributes_and_items() {
        crate::Runtime::initialize();
        crate::attach(|_py| {
            let v = new_struct_seq(
                StructSeq::IntInfo,
                vec![new_int(30).unwrap(), new_int(4).unwrap(), new_int(4300).unwrap(), new_int(640).unwrap()],
            )
            .unwrap();
            assert_eq!(repr_text(&get_attr_str(&v, "sizeof_digit").unwrap()).unwrap(), "4");
            assert_eq!(items(&v).len(), 4);
            assert_eq!(
                repr_text(&v).unwrap(),
                "sys.int_info(bits_per_digit=30, sizeof_digit=4, default_max_str_digits=4300, str_digits_check_threshold=640)"
            );
            assert!(get_attr_str(&v, "nope").is_err());
            assert_eq!(types().modules.struct_seq_types.len(), KINDS.len());
        });
    }
}
