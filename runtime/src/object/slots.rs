//! The protocol tables of a type: number, sequence and mapping (CPython's `PyNumberMethods`,
//! `PySequenceMethods`, `PyMappingMethods`), reduced to the slots pyrt dispatches through.
//!
//! A binary number slot receives both operands and returns `NotImplemented` when it does not
//! handle their types; [`super::abstract_ops::binary_op`] implements CPython's dispatch over the
//! left operand's slot, the right operand's (first, when the right type is a subclass of the
//! left) and the reflected dunder methods.

use super::header::PyObject;
use super::obj::Obj;
use crate::error::PyResult;

/// A binary number slot.
pub type BinaryFn = fn(&PyObject, &PyObject) -> PyResult<Obj>;
/// A unary number slot.
pub type UnaryNumFn = fn(&PyObject) -> PyResult<Obj>;
/// `nb_bool`.
pub type InquiryFn = fn(&PyObject) -> PyResult<bool>;
/// `sq_length` / `mp_length`.
pub type LenFn = fn(&PyObject) -> PyResult<usize>;
/// `mp_subscript`.
pub type SubscriptFn = fn(&PyObject, &PyObject) -> PyResult<Obj>;
/// `mp_ass_subscript`: set, or delete when the value is `None`.
pub type AssSubscriptFn = fn(&PyObject, &PyObject, Option<&PyObject>) -> PyResult<()>;
/// `sq_contains`.
pub type ContainsFn = fn(&PyObject, &PyObject) -> PyResult<bool>;

/// The binary operators of `BINARY_OP`, in CPython 3.13's `NB_*` order.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum BinOp {
    Add,
    And,
    FloorDivide,
    Lshift,
    MatrixMultiply,
    Multiply,
    Remainder,
    Or,
    Power,
    Rshift,
    Subtract,
    TrueDivide,
    Xor,
}

impl BinOp {
    const ALL: [BinOp; 13] = [
        BinOp::Add,
        BinOp::And,
        BinOp::FloorDivide,
        BinOp::Lshift,
        BinOp::MatrixMultiply,
        BinOp::Multiply,
        BinOp::Remainder,
        BinOp::Or,
        BinOp::Power,
        BinOp::Rshift,
        BinOp::Subtract,
        BinOp::TrueDivide,
        BinOp::Xor,
    ];

    /// Decodes `BINARY_OP`'s oparg: `(operator, inplace)`.
    pub fn from_oparg(oparg: u32) -> Option<(BinOp, bool)> {
        let i = oparg as usize;
        if i < 13 {
            Some((Self::ALL[i], false))
        } else if i < 26 {
            Some((Self::ALL[i - 13], true))
        } else {
            None
        }
    }

    /// The operator symbol as error messages print it (`+`, `//`, ...).
    pub fn symbol(self) -> &'static str {
        match self {
            BinOp::Add => "+",
            BinOp::And => "&",
            BinOp::FloorDivide => "//",
            BinOp::Lshift => "<<",
            BinOp::MatrixMultiply => "@",
            BinOp::Multiply => "*",
            BinOp::Remainder => "%",
            BinOp::Or => "|",
            BinOp::Power => "**",
            BinOp::Rshift => ">>",
            BinOp::Subtract => "-",
            BinOp::TrueDivide => "/",
            BinOp::Xor => "^",
        }
    }

    /// `__add__`, ... and the reflected `__radd__`, ... and in-place `__iadd__`, ...
    pub fn dunders(self) -> (&'static str, &'static str, &'static str) {
        match self {
            BinOp::Add => ("__add__", "__radd__", "__iadd__"),
            BinOp::And => ("__and__", "__rand__", "__iand__"),
            BinOp::FloorDivide => ("__floordiv__", "__rfloordiv__", "__ifloordiv__"),
            BinOp::Lshift => ("__lshift__", "__rlshift__", "__ilshift__"),
            BinOp::MatrixMultiply => ("__matmul__", "__rmatmul__", "__imatmul__"),
            BinOp::Multiply => ("__mul__", "__rmul__", "__imul__"),
            BinOp::Remainder => ("__mod__", "__rmod__", "__imod__"),
            BinOp::Or => ("__or__", "__ror__", "__ior__"),
            BinOp::Power => ("__pow__", "__rpow__", "__ipow__"),
            BinOp::Rshift => ("__rshift__", "__rrshift__", "__irshift__"),
            BinOp::Subtract => ("__sub__", "__rsub__", "__isub__"),
            BinOp::TrueDivide => ("__truediv__", "__rtruediv__", "__itruediv__"),
            BinOp::Xor => ("__xor__", "__rxor__", "__ixor__"),
        }
    }
}

/// `PyNumberMethods` (the slots pyrt uses). In-place forms fall back to the binary ones.
#[derive(Clone, Copy)]
pub struct NumberMethods {
    pub add: Option<BinaryFn>,
    pub subtract: Option<BinaryFn>,
    pub multiply: Option<BinaryFn>,
    pub remainder: Option<BinaryFn>,
    pub power: Option<BinaryFn>,
    pub floor_divide: Option<BinaryFn>,
    pub true_divide: Option<BinaryFn>,
    pub lshift: Option<BinaryFn>,
    pub rshift: Option<BinaryFn>,
    pub and: Option<BinaryFn>,
    pub or: Option<BinaryFn>,
    pub xor: Option<BinaryFn>,
    pub matrix_multiply: Option<BinaryFn>,
    pub inplace_add: Option<BinaryFn>,
    pub inplace_multiply: Option<BinaryFn>,
    pub inplace_or: Option<BinaryFn>,
    pub negative: Option<UnaryNumFn>,
    pub positive: Option<UnaryNumFn>,
    pub absolute: Option<UnaryNumFn>,
    pub invert: Option<UnaryNumFn>,
    pub bool: Option<InquiryFn>,
    pub int: Option<UnaryNumFn>,
    pub float: Option<UnaryNumFn>,
    pub index: Option<UnaryNumFn>,
}

impl NumberMethods {
    /// No slot filled.
    pub const EMPTY: NumberMethods = NumberMethods {
        add: None,
        subtract: None,
        multiply: None,
        remainder: None,
        power: None,
        floor_divide: None,
        true_divide: None,
        lshift: None,
        rshift: None,
        and: None,
        or: None,
        xor: None,
        matrix_multiply: None,
        inplace_add: None,
        inplace_multiply: None,
        inplace_or: None,
        negative: None,
        positive: None,
        absolute: None,
        invert: None,
        bool: None,
        int: None,
        float: None,
        index: None,
    };

    /// The binary slot for `op`.
    pub fn binary(&self, op: BinOp) -> Option<BinaryFn> {
        match op {
            BinOp::Add => self.add,
            BinOp::And => self.and,
            BinOp::FloorDivide => self.floor_divide,
            BinOp::Lshift => self.lshift,
            BinOp::MatrixMultiply => self.matrix_multiply,
            BinOp::Multiply => self.multiply,
            BinOp::Remainder => self.remainder,
            BinOp::Or => self.or,
            BinOp::Power => self.power,
            BinOp::Rshift => self.rshift,
            BinOp::Subtract => self.subtract,
            BinOp::TrueDivide => self.true_divide,
            BinOp::Xor => self.xor,
        }
    }

    /// The in-place slot for `op`, where the type has one.
    pub fn inplace(&self, op: BinOp) -> Option<BinaryFn> {
        match op {
            BinOp::Add => self.inplace_add,
            BinOp::Multiply => self.inplace_multiply,
            BinOp::Or => self.inplace_or,
            _ => None,
        }
    }

    /// Mutable access to the binary slot for `op` (class creation fills them).
    pub fn binary_mut(&mut self, op: BinOp) -> &mut Option<BinaryFn> {
        match op {
            BinOp::Add => &mut self.add,
            BinOp::And => &mut self.and,
            BinOp::FloorDivide => &mut self.floor_divide,
            BinOp::Lshift => &mut self.lshift,
            BinOp::MatrixMultiply => &mut self.matrix_multiply,
            BinOp::Multiply => &mut self.multiply,
            BinOp::Remainder => &mut self.remainder,
            BinOp::Or => &mut self.or,
            BinOp::Power => &mut self.power,
            BinOp::Rshift => &mut self.rshift,
            BinOp::Subtract => &mut self.subtract,
            BinOp::TrueDivide => &mut self.true_divide,
            BinOp::Xor => &mut self.xor,
        }
    }

    /// Every binary operator.
    pub fn all_ops() -> &'static [BinOp] {
        &BinOp::ALL
    }
}

/// `PySequenceMethods` (the slots pyrt uses).
#[derive(Clone, Copy)]
pub struct SequenceMethods {
    pub length: Option<LenFn>,
    pub contains: Option<ContainsFn>,
}

impl SequenceMethods {
    /// No slot filled.
    pub const EMPTY: SequenceMethods = SequenceMethods { length: None, contains: None };
}

/// `PyMappingMethods`.
#[derive(Clone, Copy)]
pub struct MappingMethods {
    pub length: Option<LenFn>,
    pub subscript: Option<SubscriptFn>,
    pub ass_subscript: Option<AssSubscriptFn>,
}

impl MappingMethods {
    /// No slot filled.
    pub const EMPTY: MappingMethods = MappingMethods { length: None, subscript: None, ass_subscript: None };
}
