//! # The control-flow graph and CPython 3.13's passes over it
//!
//! An [`InstrSeq`] becomes a graph of basic blocks (`Python/flowgraph.c`'s `cfg_builder`):
//! a block ends after a jump or a scope exit (`RETURN_*`, `RAISE_VARARGS`, `RERAISE`) and before
//! every instruction some jump targets. Blocks live in an arena ([`Cfg::blocks`]) and are laid out
//! in a singly linked list (`next`), the order the code will have; passes relink that list to
//! move, insert or drop blocks, exactly as CPython's passes relink `b_next`, because the layout
//! decides which jumps are forward, which are redundant, and which bytes come out.
//!
//! [`optimize_code_unit`] runs `_PyCfg_OptimizeCodeUnit`'s passes in its order:
//!
//! 1. `translate_jump_labels_to_targets` (done while building: targets are block ids),
//! 2. [`passes::exceptions::mark_except_handlers`],
//! 3. [`passes::exceptions::label_exception_targets`]: `SETUP_*`/`POP_BLOCK` become a handler per
//!    instruction,
//! 4. [`passes::optimize::optimize_cfg`]: inlining of small exit blocks, unreachable-code removal,
//!    line numbers, peephole optimisation of each block (constant conditions, tuple folding, jump
//!    threading, swap elimination, ...), redundant NOPs and jumps,
//! 5. [`passes::consts::remove_unused_consts`],
//! 6. [`passes::locals::add_checks_for_loads_of_uninitialized_variables`] (`LOAD_FAST_CHECK`),
//! 7. [`passes::superinstructions::insert_superinstructions`],
//! 8. [`passes::cold::push_cold_blocks_to_end`],
//! 9. [`passes::lineno::resolve_line_numbers`].
//!
//! Then [`finish_code_unit`] does what `_PyCfg_OptimizedCfgToInstructionSequence` does:
//! [`stackdepth::calculate_stackdepth`], [`passes::localsplus::prepare_localsplus`] (cell
//! offsets and the `COPY_FREE_VARS`/`MAKE_CELL`/`RETURN_GENERATOR` prefix),
//! [`passes::localsplus::convert_pseudo_ops`], [`passes::localsplus::normalize_jumps`], and
//! flattens the graph into [`FinalInstr`]s for the assembler.

pub mod passes;
pub mod stackdepth;

use std::fmt;

use crate::code::{CodeFlags, Constant};
use crate::instr_seq::{InstrSeq, UnitMetadata};
use crate::instructions::Opcode;
use crate::location::Location;

/// The index of a block in [`Cfg::blocks`].
pub type BlockId = usize;

/// An error CPython reports as `SystemError` (or `ValueError` for an invalid stack): the
/// instruction sequence is malformed, which is a code generation bug, not bad source.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CfgError {
    pub msg: String,
}

impl CfgError {
    pub(crate) fn new(msg: impl Into<String>) -> CfgError {
        CfgError { msg: msg.into() }
    }
}

impl fmt::Display for CfgError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.msg)
    }
}

impl std::error::Error for CfgError {}

/// An instruction inside the graph.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub struct CfgInstr {
    pub op: Opcode,
    pub oparg: u32,
    pub loc: Location,
    /// The block a jump or `SETUP_*` targets.
    pub target: Option<BlockId>,
    /// The handler that catches exceptions raised here (set by `label_exception_targets`).
    pub except: Option<BlockId>,
}

impl CfgInstr {
    /// An instruction without target or handler.
    pub fn new(op: Opcode, oparg: u32, loc: Location) -> CfgInstr {
        CfgInstr { op, oparg, loc, target: None, except: None }
    }

    /// Turns the instruction into `op` without oparg (CPython's `INSTR_SET_OP0`).
    pub fn set_op0(&mut self, op: Opcode) {
        self.op = op;
        self.oparg = 0;
    }

    /// Turns the instruction into `op oparg` (CPython's `INSTR_SET_OP1`).
    pub fn set_op1(&mut self, op: Opcode, oparg: u32) {
        self.op = op;
        self.oparg = oparg;
    }
}

/// A basic block and the per-pass scratch fields CPython keeps in `basicblock`.
#[derive(Clone, Debug)]
pub struct Block {
    pub instrs: Vec<CfgInstr>,
    /// The next block in layout order.
    pub next: Option<BlockId>,
    /// The label the block starts at, if any (blocks reached only by fall-through have none).
    pub label: Option<u32>,
    /// Stack depth on entry (`i32::MIN` until computed).
    pub startdepth: i32,
    pub predecessors: u32,
    pub visited: bool,
    /// The block is the target of a `SETUP_*`.
    pub except_handler: bool,
    /// The handler wants `lasti` pushed (`SETUP_CLEANUP`, `SETUP_WITH`).
    pub preserve_lasti: bool,
    pub cold: bool,
    pub warm: bool,
    /// Locals (below 64) that may be unbound on entry.
    pub unsafe_locals_mask: u64,
}

impl Block {
    fn new() -> Block {
        Block {
            instrs: Vec::new(),
            next: None,
            label: None,
            startdepth: i32::MIN,
            predecessors: 0,
            visited: false,
            except_handler: false,
            preserve_lasti: false,
            cold: false,
            warm: false,
            unsafe_locals_mask: 0,
        }
    }

    /// The last instruction.
    pub fn last(&self) -> Option<&CfgInstr> {
        self.instrs.last()
    }

    /// Whether control never falls into the next block (`BB_NO_FALLTHROUGH`).
    pub fn no_fallthrough(&self) -> bool {
        self.last().is_some_and(|i| i.op.is_scope_exit() || i.op.is_unconditional_jump())
    }

    /// Whether control may fall into the next block (`BB_HAS_FALLTHROUGH`).
    pub fn has_fallthrough(&self) -> bool {
        !self.no_fallthrough()
    }

    /// Whether the block ends by returning or raising (`basicblock_exits_scope`).
    pub fn exits_scope(&self) -> bool {
        self.last().is_some_and(|i| i.op.is_scope_exit())
    }

    /// Whether no instruction has a line number (`basicblock_has_no_lineno`).
    pub fn has_no_lineno(&self) -> bool {
        self.instrs.iter().all(|i| i.loc.lineno < 0)
    }
}

/// Whether `op` must end its block (`IS_TERMINATOR_OPCODE`: any jump, or a scope exit).
pub fn ends_block(op: Opcode) -> bool {
    op.has_jump() || op.is_scope_exit()
}

/// Whether `op` is one of the four conditional jumps (`IS_CONDITIONAL_JUMP_OPCODE`).
pub fn is_conditional_jump(op: Opcode) -> bool {
    matches!(
        op,
        Opcode::POP_JUMP_IF_FALSE | Opcode::POP_JUMP_IF_TRUE | Opcode::POP_JUMP_IF_NONE | Opcode::POP_JUMP_IF_NOT_NONE
    )
}

/// A control-flow graph of one code unit.
#[derive(Clone, Debug)]
pub struct Cfg {
    pub blocks: Vec<Block>,
    pub entry: BlockId,
}

impl Cfg {
    /// Builds the graph from a sequence (`instr_sequence_to_cfg`): every label that some
    /// instruction targets starts a block; jumps get their target block.
    pub fn from_seq(seq: &InstrSeq) -> Result<Cfg, CfgError> {
        let instrs = seq.instrs();
        // Resolve labels to instruction indices (`_PyInstructionSequence_ApplyLabelMap`).
        let mut targets_of = Vec::with_capacity(instrs.len());
        let mut is_target = vec![false; instrs.len() + 1];
        for instr in instrs {
            match instr.target() {
                Some(label) => {
                    let pos = seq.label_position(label).ok_or_else(|| {
                        CfgError::new(format!("{} targets label {} which was never placed", instr.op, label.index()))
                    })?;
                    is_target[pos] = true;
                    targets_of.push(Some(pos));
                }
                None => targets_of.push(None),
            }
        }
        let mut cfg = Cfg { blocks: vec![Block::new()], entry: 0 };
        let mut current = 0;
        let mut block_at = vec![None; instrs.len() + 1];
        for (i, instr) in instrs.iter().enumerate() {
            let pending_label = is_target[i].then_some(i as u32);
            current = cfg.maybe_start_new_block(current, pending_label);
            if pending_label.is_some() {
                block_at[i] = Some(current);
            }
            cfg.blocks[current].instrs.push(CfgInstr::new(instr.op, instr.oparg, instr.loc));
        }
        if is_target[instrs.len()] {
            // A label after the last instruction: an empty final block.
            current = cfg.maybe_start_new_block(current, Some(instrs.len() as u32));
            block_at[instrs.len()] = Some(current);
        }
        // translate_jump_labels_to_targets
        let mut b = Some(cfg.entry);
        let mut index = 0;
        while let Some(id) = b {
            for instr in cfg.blocks[id].instrs.iter_mut() {
                if let Some(pos) = targets_of[index] {
                    instr.target = block_at[pos];
                    instr.oparg = pos as u32;
                }
                index += 1;
            }
            b = cfg.blocks[id].next;
        }
        if cfg.blocks[cfg.entry].instrs.is_empty() && cfg.blocks[cfg.entry].next.is_none() {
            return Err(CfgError::new("empty code unit"));
        }
        Ok(cfg)
    }

    /// `cfg_builder_maybe_start_new_block` for the next instruction, `label` being the label
    /// placed before it (if any). Returns the block to append to.
    fn maybe_start_new_block(&mut self, current: BlockId, label: Option<u32>) -> BlockId {
        let block = &mut self.blocks[current];
        let terminated = block.last().is_some_and(|i| ends_block(i.op));
        let needs_new = terminated
            || match label {
                Some(l) if block.last().is_none() && block.label.is_none() => {
                    block.label = Some(l);
                    false
                }
                Some(_) => true,
                None => false,
            };
        if !needs_new {
            return current;
        }
        let new = self.new_block();
        self.blocks[new].label = label;
        self.blocks[current].next = Some(new);
        new
    }

    /// A new, unlinked, empty block (`cfg_builder_new_block`).
    pub fn new_block(&mut self) -> BlockId {
        self.blocks.push(Block::new());
        self.blocks.len() - 1
    }

    /// The blocks in layout order.
    pub fn order(&self) -> Vec<BlockId> {
        let mut out = Vec::new();
        let mut b = Some(self.entry);
        while let Some(id) = b {
            out.push(id);
            b = self.blocks[id].next;
        }
        out
    }

    /// The first non-empty block from `b` on, in layout order (`next_nonempty_block`).
    pub fn next_nonempty(&self, mut b: Option<BlockId>) -> Option<BlockId> {
        while let Some(id) = b {
            if !self.blocks[id].instrs.is_empty() {
                return Some(id);
            }
            b = self.blocks[id].next;
        }
        None
    }

    /// The largest label in use (`get_max_label`), -1 if none.
    pub fn max_label(&self) -> i64 {
        self.order().iter().filter_map(|&b| self.blocks[b].label).map(i64::from).max().unwrap_or(-1)
    }

    /// Resets `visited` on every block in the layout (`make_cfg_traversal_stack`).
    pub fn clear_visited(&mut self) {
        for id in self.order() {
            self.blocks[id].visited = false;
        }
    }

    /// The jump target of `instr`, or an error for a jump without one.
    pub fn target_of(instr: &CfgInstr) -> Result<BlockId, CfgError> {
        instr.target.ok_or_else(|| CfgError::new(format!("{} without a target", instr.op)))
    }

    /// A human-readable dump, for tests and debugging (like `_PyCfgBuilder_DumpGraph`).
    pub fn dump(&self) -> String {
        let mut out = String::new();
        for id in self.order() {
            let b = &self.blocks[id];
            out.push_str(&format!("block {id}{}:\n", if b.cold { " (cold)" } else { "" }));
            for i in &b.instrs {
                match i.target {
                    Some(t) => out.push_str(&format!("  {} -> block {t}\n", i.op)),
                    None if i.op.has_arg() => out.push_str(&format!("  {} {}\n", i.op, i.oparg)),
                    None => out.push_str(&format!("  {}\n", i.op)),
                }
            }
        }
        out
    }
}

/// The per-unit inputs the passes need besides the graph.
pub struct UnitInputs<'a> {
    pub consts: &'a mut Vec<Constant>,
    pub nlocals: usize,
    pub nparams: usize,
    pub firstlineno: i32,
}

/// `_PyCfg_OptimizeCodeUnit`: the passes, in CPython 3.13's order (see the module doc).
pub fn optimize_code_unit(cfg: &mut Cfg, unit: UnitInputs<'_>) -> Result<(), CfgError> {
    passes::exceptions::mark_except_handlers(cfg)?;
    passes::exceptions::label_exception_targets(cfg)?;
    passes::optimize::optimize_cfg(cfg, unit.consts, unit.firstlineno)?;
    passes::consts::remove_unused_consts(cfg, unit.consts)?;
    passes::locals::add_checks_for_loads_of_uninitialized_variables(cfg, unit.nlocals, unit.nparams);
    passes::superinstructions::insert_superinstructions(cfg);
    passes::cold::push_cold_blocks_to_end(cfg)?;
    passes::lineno::resolve_line_numbers(cfg, unit.firstlineno)?;
    Ok(())
}

/// An instruction of the final, linear sequence handed to the assembler.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub struct FinalInstr {
    pub op: Opcode,
    /// For jumps: the index (in the final sequence) of the target instruction.
    pub oparg: u32,
    pub loc: Location,
    /// The handler: index of its first instruction, its stack depth on entry, whether it
    /// wants `lasti`.
    pub handler: Option<Handler>,
}

/// Exception-handler information of one instruction (`_PyExceptHandlerInfo`).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub struct Handler {
    pub target: usize,
    pub startdepth: i32,
    pub preserve_lasti: bool,
}

/// The result of [`finish_code_unit`].
pub struct FinishedUnit {
    pub instrs: Vec<FinalInstr>,
    pub stackdepth: u32,
    pub nlocalsplus: usize,
}

/// `_PyCfg_OptimizedCfgToInstructionSequence`: stack depth, localsplus layout, pseudo-instruction
/// conversion, jump normalisation, and the linear sequence.
pub fn finish_code_unit(cfg: &mut Cfg, meta: &UnitMetadata, flags: CodeFlags) -> Result<FinishedUnit, CfgError> {
    let stackdepth = stackdepth::calculate_stackdepth(cfg)?;
    let nlocalsplus = passes::localsplus::prepare_localsplus(cfg, meta, flags)?;
    passes::localsplus::convert_pseudo_ops(cfg)?;
    passes::localsplus::normalize_jumps(cfg)?;
    let instrs = to_instructions(cfg)?;
    Ok(FinishedUnit { instrs, stackdepth: stackdepth as u32, nlocalsplus })
}

/// `_PyCfg_ToInstructionSequence`: flattens the graph, jump targets and handlers becoming
/// indices of instructions.
pub fn to_instructions(cfg: &Cfg) -> Result<Vec<FinalInstr>, CfgError> {
    let order = cfg.order();
    // Index of the first instruction of each block; an empty block maps to the next instruction.
    let mut start = vec![usize::MAX; cfg.blocks.len()];
    let mut n = 0;
    for &b in &order {
        start[b] = n;
        n += cfg.blocks[b].instrs.len();
    }
    let mut out = Vec::with_capacity(n);
    for &b in &order {
        for instr in &cfg.blocks[b].instrs {
            let oparg = match instr.target {
                Some(t) if instr.op.has_target() => {
                    let pos = start[t];
                    if pos == usize::MAX {
                        return Err(CfgError::new(format!("{} targets a block outside the layout", instr.op)));
                    }
                    pos as u32
                }
                _ => instr.oparg,
            };
            let handler = match instr.except {
                Some(h) => {
                    let target = start[h];
                    if target == usize::MAX {
                        return Err(CfgError::new("exception handler outside the layout"));
                    }
                    Some(Handler {
                        target,
                        startdepth: cfg.blocks[h].startdepth,
                        preserve_lasti: cfg.blocks[h].preserve_lasti,
                    })
                }
                None => None,
            };
            out.push(FinalInstr { op: instr.op, oparg, loc: instr.loc, handler });
        }
    }
    Ok(out)
}

#[cfg(test)]
pub(crate) mod test_util {
    //! Hand-built sequences for the pass tests.
    use super::*;
    use crate::instr_seq::Label;

    /// One line per instruction: `("OPNAME", oparg_or_label, lineno)`; a label is written as
    /// `L<n>` in the oparg column of jumps, and `("L<n>:", 0, 0)` places it.
    pub fn seq(items: &[(&str, i64, i32)]) -> InstrSeq {
        let mut seq = InstrSeq::new();
        let mut labels: Vec<Label> = Vec::new();
        let mut label = |seq: &mut InstrSeq, n: usize| {
            while labels.len() <= n {
                labels.push(seq.new_label());
            }
            labels[n]
        };
        for &(name, arg, line) in items {
            if let Some(n) = name.strip_prefix('L').and_then(|s| s.strip_suffix(':')) {
                let l = label(&mut seq, n.parse().unwrap());
                seq.use_label(l);
                continue;
            }
            let op = Opcode::from_name(name).unwrap_or_else(|| panic!("no opcode {name}"));
            let loc = if line < 0 { Location::NO_LOCATION } else { Location::new(line, line, 0, 1) };
            if op.has_target() {
                let l = label(&mut seq, arg as usize);
                seq.emit_jump(op, l, loc);
            } else {
                seq.emit(op, arg as u32, loc);
            }
        }
        seq
    }

    /// The instructions of the graph in layout order as `OPNAME oparg` strings (`-> OPNAME` for
    /// a jump, naming the first instruction of the target).
    pub fn listing(cfg: &Cfg) -> Vec<String> {
        let mut out = Vec::new();
        for id in cfg.order() {
            for i in &cfg.blocks[id].instrs {
                match i.target {
                    Some(t) if i.op.has_target() => {
                        let first =
                            cfg.next_nonempty(Some(t)).map(|b| cfg.blocks[b].instrs[0].op.name()).unwrap_or("?");
                        out.push(format!("{} -> {first}", i.op));
                    }
                    _ if i.op.has_arg() => out.push(format!("{} {}", i.op, i.oparg)),
                    _ => out.push(i.op.name().to_string()),
                }
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::test_util::*;
    use super::*;

    #[test]
    fn blocks_end_after_jumps_and_exits_and_start_at_targets() {
        let seq = seq(&[
            ("LOAD_CONST", 0, 1),
            ("POP_JUMP_IF_FALSE", 1, 1),
            ("LOAD_CONST", 0, 2),
            ("RETURN_VALUE", 0, 2),
            ("L1:", 0, 0),
            ("RETURN_CONST", 0, 3),
        ]);
        let cfg = Cfg::from_seq(&seq).unwrap();
        let order = cfg.order();
        assert_eq!(order.len(), 3);
        assert_eq!(cfg.blocks[order[0]].instrs.len(), 2);
        assert_eq!(cfg.blocks[order[0]].instrs[1].target, Some(order[2]));
        assert_eq!(cfg.blocks[order[2]].label, Some(4));
        assert_eq!(cfg.blocks[order[1]].label, None);
    }

    #[test]
    fn an_unplaced_label_is_an_error() {
        let mut s = InstrSeq::new();
        let l = s.new_label();
        s.emit_jump(Opcode::JUMP, l, Location::NO_LOCATION);
        assert!(Cfg::from_seq(&s).is_err());
    }
}
