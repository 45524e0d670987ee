//! # Instruction sequences: what code generation emits
//!
//! Code generation walks the AST of one scope (a "code unit") and appends instructions to an
//! [`InstrSeq`], as CPython's `codegen.c` appends to its `_PyInstructionSequence`. Jumps name
//! [`Label`]s rather than offsets; a label is created with [`InstrSeq::new_label`] and placed
//! before the next emitted instruction with [`InstrSeq::use_label`]. Alongside the sequence the
//! code generator fills a [`UnitMetadata`]: the constant and name tables the opargs index, the
//! variable tables, argument counts, flags and names. The pair then goes to
//! [`crate::assemble::assemble_code_unit`], which builds the CFG, runs CPython 3.13's passes
//! (`crate::cfg`) and assembles the [`CodeObject`](crate::code::CodeObject).
//!
//! ## Opargs, as CPython's code generator encodes them
//!
//! | instructions | oparg |
//! |---|---|
//! | `LOAD_CONST`, `RETURN_CONST` | index returned by `meta.consts.add(constant)` |
//! | `LOAD_NAME`, `STORE_NAME`, `LOAD_GLOBAL`, `STORE_ATTR`, `IMPORT_NAME`, ... | index from `meta.names.add(name)`, already shifted/flagged the way the real instruction wants it: `LOAD_GLOBAL` `(i << 1) \| push_null`, `LOAD_ATTR` `i << 1`, pseudo `LOAD_METHOD` `(i << 1) \| 1`, `LOAD_SUPER_ATTR` `(i << 2) \| 2`, `LOAD_SUPER_METHOD` `(i << 2) \| 3`, `LOAD_ZERO_SUPER_ATTR` `i << 2`, `LOAD_ZERO_SUPER_METHOD` `(i << 2) \| 1` |
//! | `LOAD_FAST`, `STORE_FAST`, `DELETE_FAST`, `LOAD_FAST_AND_CLEAR`, `STORE_FAST_MAYBE_NULL` | index from `meta.varnames.add(name)` (parameters first, in order) |
//! | `LOAD_DEREF`, `STORE_DEREF`, `DELETE_DEREF`, `LOAD_FROM_DICT_OR_DEREF`, `MAKE_CELL`, `LOAD_CLOSURE` | a cell's index in `meta.cellvars`, or `meta.cellvars.len() + ` a free variable's index in `meta.freevars`; assembly turns these into localsplus offsets |
//! | jumps and `SETUP_FINALLY`/`SETUP_CLEANUP`/`SETUP_WITH` | a label: use [`InstrSeq::emit_jump`] |
//! | everything else | what CPython emits (`BINARY_OP` `NB_*`, `COMPARE_OP` `(cmp << 5) \| to_bool`, ...), 0 when unused |
//!
//! Exception handling uses CPython's pseudo-instructions: `SETUP_FINALLY handler` (or
//! `SETUP_CLEANUP`/`SETUP_WITH`) opens a protected range, `POP_BLOCK` closes it; the CFG pass
//! `label_exception_targets` turns these into a handler for each instruction, and assembly writes
//! the exception table.
//!
//! ## What CPython 3.13's code generator emits (so that the back end's output matches)
//!
//! - Each unit starts with `RESUME 0` (at the unit's first line, columns 0–0); a generator or
//!   coroutine body is first wrapped in `SETUP_CLEANUP` to a handler doing
//!   `CALL_INTRINSIC_1 INTRINSIC_STOPITERATION_ERROR; RERAISE 1`. The `COPY_FREE_VARS`,
//!   `MAKE_CELL` and `RETURN_GENERATOR; POP_TOP` prefix is *not* emitted: assembly inserts it.
//! - Returns are `LOAD_CONST c; RETURN_VALUE` (never `RETURN_CONST`: the optimiser makes it), the
//!   implicit `return None` at the end without a location (`Location::NO_LOCATION`).
//! - Conditions are followed by `TO_BOOL` before `POP_JUMP_IF_*` (the optimiser merges it into a
//!   preceding `COMPARE_OP`/`IS_OP`/`CONTAINS_OP`); `is None` tests are `LOAD_CONST None; IS_OP`.
//! - Unreachable code, `NOP`s for lines (`pass`, `try:`), redundant jumps are left to the passes.
//!
//! `tests/data/backend_cases_3_13.txt` holds CPython 3.13's raw code generator output for about
//! 1400 code units (format in `tests/data/gen_backend_cases.py`; opcodes are numbers, jump opargs
//! are indices of the target instruction): code generation can be compared with it instruction
//! for instruction before anything goes through the back end.
//!
//! ## Example: `def f(x): return x if x else None`'s body
//!
//! ```
//! use pyrt_compile::instr_seq::{InstrSeq, UnitMetadata};
//! use pyrt_compile::{CodeFlags, Constant, Location, Opcode};
//!
//! let mut meta = UnitMetadata::new("f", "f", 1);
//! meta.flags = CodeFlags::OPTIMIZED | CodeFlags::NEWLOCALS;
//! meta.argcount = 1;
//! let x = meta.varnames.add("x");
//! let mut seq = InstrSeq::new();
//! let at = Location::new(1, 1, 9, 31);
//! seq.emit(Opcode::RESUME, 0, Location::new(1, 1, 0, 0));
//! let orelse = seq.new_label();
//! seq.emit(Opcode::LOAD_FAST, x, Location::new(1, 1, 21, 22));
//! seq.emit(Opcode::TO_BOOL, 0, Location::new(1, 1, 21, 22));
//! seq.emit_jump(Opcode::POP_JUMP_IF_FALSE, orelse, Location::new(1, 1, 21, 22));
//! seq.emit(Opcode::LOAD_FAST, x, Location::new(1, 1, 16, 17));
//! seq.emit(Opcode::RETURN_VALUE, 0, at);
//! seq.use_label(orelse);
//! let none = meta.consts.add(Constant::None);
//! seq.emit(Opcode::LOAD_CONST, none, Location::new(1, 1, 28, 32));
//! seq.emit(Opcode::RETURN_VALUE, 0, at);
//! let code = pyrt_compile::assemble::assemble_code_unit(meta, seq, "<example>".into()).unwrap();
//! assert_eq!(code.varnames().len(), 1);
//! ```

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::sync::Arc;

use crate::code::{CodeFlags, Constant};
use crate::instructions::Opcode;
use crate::location::Location;

/// A jump target inside one [`InstrSeq`].
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug, PartialOrd, Ord)]
pub struct Label(pub(crate) u32);

impl Label {
    /// The label's number (dense, from 0, in creation order).
    pub const fn index(self) -> usize {
        self.0 as usize
    }
}

/// One emitted instruction. For instructions with a target ([`Opcode::has_target`]) the oparg
/// is the label's number until the CFG resolves it.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub struct Instr {
    pub op: Opcode,
    pub oparg: u32,
    pub loc: Location,
}

impl Instr {
    /// The label this instruction jumps to (or whose handler it sets up).
    pub fn target(&self) -> Option<Label> {
        self.op.has_target().then_some(Label(self.oparg))
    }
}

/// A code unit's instructions in emission order, with labels (CPython's `_PyInstructionSequence`).
#[derive(Clone, Default, Debug)]
pub struct InstrSeq {
    instrs: Vec<Instr>,
    /// For each label, the index of the instruction it precedes (`None` until used).
    label_positions: Vec<Option<usize>>,
}

impl InstrSeq {
    /// An empty sequence.
    pub fn new() -> InstrSeq {
        InstrSeq::default()
    }

    /// A fresh label, not yet placed.
    pub fn new_label(&mut self) -> Label {
        self.label_positions.push(None);
        Label(self.label_positions.len() as u32 - 1)
    }

    /// Places `label` before the next instruction emitted. Several labels may share a place;
    /// placing a label again moves it (as CPython's `_PyInstructionSequence_UseLabel` does).
    pub fn use_label(&mut self, label: Label) {
        self.label_positions[label.index()] = Some(self.instrs.len());
    }

    /// Appends an instruction that has no target. Instructions without an oparg take 0.
    pub fn emit(&mut self, op: Opcode, oparg: u32, loc: Location) {
        debug_assert!(!op.has_target(), "{op} takes a label: use emit_jump");
        self.instrs.push(Instr { op, oparg, loc });
    }

    /// Appends a jump (or an exception-handler setup) to `target`.
    pub fn emit_jump(&mut self, op: Opcode, target: Label, loc: Location) {
        debug_assert!(op.has_target(), "{op} has no target: use emit");
        self.instrs.push(Instr { op, oparg: target.0, loc });
    }

    /// Inserts an instruction at `pos`; labels placed at or after `pos` move with the instructions
    /// they precede, so the new instruction is not a jump target (CPython's
    /// `_PyInstructionSequence_InsertInstruction`).
    pub fn insert(&mut self, pos: usize, op: Opcode, oparg: u32, loc: Location) {
        self.instrs.insert(pos, Instr { op, oparg, loc });
        for place in self.label_positions.iter_mut().flatten() {
            if *place >= pos {
                *place += 1;
            }
        }
    }

    /// The instructions emitted so far.
    pub fn instrs(&self) -> &[Instr] {
        &self.instrs
    }

    /// The number of instructions.
    pub fn len(&self) -> usize {
        self.instrs.len()
    }

    /// Whether nothing was emitted.
    pub fn is_empty(&self) -> bool {
        self.instrs.is_empty()
    }

    /// The last instruction emitted.
    pub fn last(&self) -> Option<&Instr> {
        self.instrs.last()
    }

    /// The last instruction emitted, to adjust (CPython's code generator moves the location of
    /// the instruction it just emitted in a few places).
    pub fn last_mut(&mut self) -> Option<&mut Instr> {
        self.instrs.last_mut()
    }

    /// How many labels were created.
    pub fn label_count(&self) -> usize {
        self.label_positions.len()
    }

    /// Where `label` was placed (the index of the instruction it precedes).
    pub fn label_position(&self, label: Label) -> Option<usize> {
        self.label_positions.get(label.index()).copied().flatten()
    }
}

/// Names in first-use order, each with its index (CPython keeps these as dicts name → index).
#[derive(Clone, Default, Debug)]
pub struct NameTable {
    names: Vec<Arc<str>>,
    index: HashMap<Arc<str>, u32>,
}

impl NameTable {
    /// An empty table.
    pub fn new() -> NameTable {
        NameTable::default()
    }

    /// The index of `name`, added at the end if absent.
    pub fn add(&mut self, name: &str) -> u32 {
        if let Some(&i) = self.index.get(name) {
            return i;
        }
        let name: Arc<str> = Arc::from(name);
        let i = self.names.len() as u32;
        self.names.push(name.clone());
        self.index.insert(name, i);
        i
    }

    /// The index of `name`, if present.
    pub fn get(&self, name: &str) -> Option<u32> {
        self.index.get(name).copied()
    }

    /// Whether `name` is present.
    pub fn contains(&self, name: &str) -> bool {
        self.index.contains_key(name)
    }

    /// The names in index order.
    pub fn names(&self) -> &[Arc<str>] {
        &self.names
    }

    /// The number of names.
    pub fn len(&self) -> usize {
        self.names.len()
    }

    /// Whether the table is empty.
    pub fn is_empty(&self) -> bool {
        self.names.is_empty()
    }
}

impl<S: AsRef<str>> FromIterator<S> for NameTable {
    fn from_iter<I: IntoIterator<Item = S>>(iter: I) -> NameTable {
        let mut table = NameTable::new();
        for name in iter {
            table.add(name.as_ref());
        }
        table
    }
}

/// Constants in first-use order, merged by CPython's constant key (see [`Constant`]'s equality).
#[derive(Clone, Default, Debug)]
pub struct ConstTable {
    consts: Vec<Constant>,
    index: HashMap<Constant, u32>,
}

impl ConstTable {
    /// An empty table.
    pub fn new() -> ConstTable {
        ConstTable::default()
    }

    /// The index of `constant`, added at the end if absent (`_PyCompile_AddConst`).
    pub fn add(&mut self, constant: Constant) -> u32 {
        if let Some(&i) = self.index.get(&constant) {
            return i;
        }
        let i = self.consts.len() as u32;
        self.consts.push(constant.clone());
        self.index.insert(constant, i);
        i
    }

    /// The index of `constant`, if present.
    pub fn get(&self, constant: &Constant) -> Option<u32> {
        self.index.get(constant).copied()
    }

    /// The constants in index order.
    pub fn as_slice(&self) -> &[Constant] {
        &self.consts
    }

    /// The number of constants.
    pub fn len(&self) -> usize {
        self.consts.len()
    }

    /// Whether the table is empty.
    pub fn is_empty(&self) -> bool {
        self.consts.is_empty()
    }

    /// The constants, consumed.
    pub fn into_vec(self) -> Vec<Constant> {
        self.consts
    }
}

impl FromIterator<Constant> for ConstTable {
    fn from_iter<I: IntoIterator<Item = Constant>>(iter: I) -> ConstTable {
        let mut table = ConstTable::new();
        for c in iter {
            table.add(c);
        }
        table
    }
}

/// What assembly needs to know about a code unit besides its instructions (CPython's
/// `_PyCompile_CodeUnitMetadata` plus the code flags).
#[derive(Clone, Debug)]
pub struct UnitMetadata {
    /// `co_name`.
    pub name: Arc<str>,
    /// `co_qualname`.
    pub qualname: Arc<str>,
    /// `co_firstlineno`.
    pub firstlineno: i32,
    /// `co_consts` as emitted (unused ones are dropped by `remove_unused_consts`).
    pub consts: ConstTable,
    /// `co_names`.
    pub names: NameTable,
    /// Local variables: the parameters first, in CPython's order (positional-only, positional,
    /// keyword-only, `*args`, `**kwargs`), then the other locals in first-use order.
    pub varnames: NameTable,
    /// Cell variables (locals captured by inner scopes), in CPython's order: sorted, then
    /// `__class__`/`__classdict__` if the scope needs them.
    pub cellvars: NameTable,
    /// Free variables, sorted as CPython sorts them.
    pub freevars: NameTable,
    /// Locals hidden by inlined comprehensions (PEP 709), marked `CO_FAST_HIDDEN`.
    pub fasthidden: HashSet<Arc<str>>,
    /// `co_argcount`: positional parameters, positional-only ones included.
    pub argcount: u32,
    /// `co_posonlyargcount`.
    pub posonlyargcount: u32,
    /// `co_kwonlyargcount`.
    pub kwonlyargcount: u32,
    /// `co_flags` (CPython's `compute_code_flags`, future flags included).
    pub flags: CodeFlags,
}

impl UnitMetadata {
    /// Metadata for a unit named `name`/`qualname` starting at `firstlineno`, with empty tables.
    pub fn new(name: &str, qualname: &str, firstlineno: i32) -> UnitMetadata {
        UnitMetadata {
            name: Arc::from(name),
            qualname: Arc::from(qualname),
            firstlineno,
            consts: ConstTable::new(),
            names: NameTable::new(),
            varnames: NameTable::new(),
            cellvars: NameTable::new(),
            freevars: NameTable::new(),
            fasthidden: HashSet::default(),
            argcount: 0,
            posonlyargcount: 0,
            kwonlyargcount: 0,
            flags: CodeFlags::default(),
        }
    }

    /// How many of the first varnames are parameters (CPython's `len(ste_varnames)`).
    pub fn nparams(&self) -> usize {
        let star = self.flags.contains(CodeFlags::VARARGS) as u32;
        let starstar = self.flags.contains(CodeFlags::VARKEYWORDS) as u32;
        (self.argcount + self.kwonlyargcount + star + starstar) as usize
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_bind_to_the_next_instruction_and_move_on_insert() {
        let mut seq = InstrSeq::new();
        let top = seq.new_label();
        let end = seq.new_label();
        seq.use_label(top);
        seq.emit(Opcode::NOP, 0, Location::NO_LOCATION);
        seq.emit_jump(Opcode::JUMP, end, Location::NO_LOCATION);
        seq.use_label(end);
        seq.emit(Opcode::RETURN_CONST, 0, Location::NO_LOCATION);
        assert_eq!(seq.label_position(top), Some(0));
        assert_eq!(seq.label_position(end), Some(2));
        assert_eq!(seq.instrs()[1].target(), Some(end));
        seq.insert(0, Opcode::NOP, 0, Location::NO_LOCATION);
        assert_eq!(seq.label_position(top), Some(1));
        assert_eq!(seq.label_position(end), Some(3));
    }

    #[test]
    fn tables_merge_by_key() {
        let mut consts = ConstTable::new();
        assert_eq!(consts.add(Constant::Int(1)), 0);
        assert_eq!(consts.add(Constant::True), 1);
        assert_eq!(consts.add(Constant::Int(1)), 0);
        let mut names = NameTable::new();
        assert_eq!(names.add("a"), 0);
        assert_eq!(names.add("b"), 1);
        assert_eq!(names.add("a"), 0);
        assert_eq!(names.names().len(), 2);
    }
}
