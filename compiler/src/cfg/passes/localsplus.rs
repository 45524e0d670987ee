//! The last steps before linearisation (`_PyCfg_OptimizedCfgToInstructionSequence`):
//!
//! - [`prepare_localsplus`]: the frame's "localsplus" layout is locals, then cells that are not
//!   parameters, then free variables. Code generation numbered cells and free variables in their
//!   own tables; this pass maps those numbers to localsplus offsets (a cell that is also a
//!   parameter lives in the parameter's slot) and inserts the prefix CPython runs before
//!   `RESUME`: `COPY_FREE_VARS n`, a `MAKE_CELL` per cell (in slot order), and for generators and
//!   coroutines `RETURN_GENERATOR; POP_TOP`.
//! - [`convert_pseudo_ops`]: `SETUP_*` become `NOP`s (removed where they carry no line),
//!   `LOAD_CLOSURE` becomes `LOAD_FAST`, `STORE_FAST_MAYBE_NULL` becomes `STORE_FAST`, and the
//!   name-loading pseudo-instructions their real forms (their opargs are already encoded).
//! - [`normalize_jumps`]: a conditional jump backwards becomes the inverted conditional jump
//!   forward over a new block holding `JUMP` backwards (conditional jumps only go forward).
//!   `JUMP`/`JUMP_NO_INTERRUPT` get their direction in the assembler, once the order is final.

use super::optimize::remove_redundant_nops_and_jumps;
use crate::cfg::{Cfg, CfgError, CfgInstr, is_conditional_jump};
use crate::code::CodeFlags;
use crate::instr_seq::UnitMetadata;
use crate::instructions::Opcode;
use crate::location::Location;

/// Maps each cell/free index of code generation to its localsplus offset
/// (`build_cellfixedoffsets`).
fn build_cellfixedoffsets(meta: &UnitMetadata) -> Vec<usize> {
    let nlocals = meta.varnames.len();
    let ncells = meta.cellvars.len();
    let nfrees = meta.freevars.len();
    let mut fixed: Vec<usize> = (0..ncells + nfrees).map(|i| nlocals + i).collect();
    for (cellindex, name) in meta.cellvars.names().iter().enumerate() {
        if let Some(varindex) = meta.varnames.get(name) {
            fixed[cellindex] = varindex as usize;
        }
    }
    fixed
}

fn insert_prefix_instructions(
    cfg: &mut Cfg,
    meta: &UnitMetadata,
    fixed: &[usize],
    flags: CodeFlags,
) -> Result<(), CfgError> {
    let entry = cfg.entry;
    let is_generator = flags.contains(CodeFlags::GENERATOR)
        || flags.contains(CodeFlags::COROUTINE)
        || flags.contains(CodeFlags::ASYNC_GENERATOR);
    if is_generator {
        let loc = Location::new(meta.firstlineno, meta.firstlineno, -1, -1);
        let instrs = &mut cfg.blocks[entry].instrs;
        instrs.insert(0, CfgInstr::new(Opcode::RETURN_GENERATOR, 0, loc));
        instrs.insert(1, CfgInstr::new(Opcode::POP_TOP, 0, loc));
    }
    let ncells = meta.cellvars.len();
    if ncells > 0 {
        // MAKE_CELLs in localsplus order (cells that are parameters come first).
        let nvars = ncells + meta.varnames.len();
        let mut sorted = vec![0usize; nvars];
        for (i, &offset) in fixed.iter().take(ncells).enumerate() {
            sorted[offset] = i + 1;
        }
        let mut used = 0;
        for &slot in &sorted {
            if used == ncells {
                break;
            }
            if slot == 0 {
                continue;
            }
            // The oparg is the cell index; fix_cell_offsets turns it into the offset.
            let make_cell = CfgInstr::new(Opcode::MAKE_CELL, slot as u32 - 1, Location::NO_LOCATION);
            cfg.blocks[entry].instrs.insert(used, make_cell);
            used += 1;
        }
    }
    let nfrees = meta.freevars.len();
    if nfrees > 0 {
        let copy = CfgInstr::new(Opcode::COPY_FREE_VARS, nfrees as u32, Location::NO_LOCATION);
        cfg.blocks[entry].instrs.insert(0, copy);
    }
    Ok(())
}

/// `fix_cell_offsets`: rewrites cell/free opargs as localsplus offsets; returns how many cells
/// share a parameter's slot.
fn fix_cell_offsets(cfg: &mut Cfg, meta: &UnitMetadata, fixed: &mut [usize]) -> Result<usize, CfgError> {
    let nlocals = meta.varnames.len();
    let mut dropped = 0;
    for (i, slot) in fixed.iter_mut().enumerate() {
        if *slot == i + nlocals {
            *slot -= dropped;
        } else {
            dropped += 1;
        }
    }
    for b in cfg.order() {
        for instr in cfg.blocks[b].instrs.iter_mut() {
            if matches!(
                instr.op,
                Opcode::MAKE_CELL
                    | Opcode::LOAD_CLOSURE
                    | Opcode::LOAD_DEREF
                    | Opcode::STORE_DEREF
                    | Opcode::DELETE_DEREF
                    | Opcode::LOAD_FROM_DICT_OR_DEREF
            ) {
                let offset = fixed.get(instr.oparg as usize).ok_or_else(|| {
                    CfgError::new(format!("{} {}: no such cell or free variable", instr.op, instr.oparg))
                })?;
                instr.oparg = *offset as u32;
            }
        }
    }
    Ok(dropped)
}

/// `prepare_localsplus`: returns the number of localsplus slots.
pub fn prepare_localsplus(cfg: &mut Cfg, meta: &UnitMetadata, flags: CodeFlags) -> Result<usize, CfgError> {
    let nlocalsplus = meta.varnames.len() + meta.cellvars.len() + meta.freevars.len();
    let mut fixed = build_cellfixedoffsets(meta);
    insert_prefix_instructions(cfg, meta, &fixed, flags)?;
    let dropped = fix_cell_offsets(cfg, meta, &mut fixed)?;
    Ok(nlocalsplus - dropped)
}

/// `convert_pseudo_ops` (see the module doc).
pub fn convert_pseudo_ops(cfg: &mut Cfg) -> Result<(), CfgError> {
    for b in cfg.order() {
        for instr in cfg.blocks[b].instrs.iter_mut() {
            match instr.op {
                op if op.is_block_push() || op == Opcode::POP_BLOCK => {
                    instr.set_op0(Opcode::NOP);
                    instr.target = None;
                }
                Opcode::LOAD_CLOSURE => instr.op = Opcode::LOAD_FAST,
                Opcode::STORE_FAST_MAYBE_NULL => instr.op = Opcode::STORE_FAST,
                Opcode::LOAD_METHOD => instr.op = Opcode::LOAD_ATTR,
                Opcode::LOAD_SUPER_METHOD | Opcode::LOAD_ZERO_SUPER_METHOD | Opcode::LOAD_ZERO_SUPER_ATTR => {
                    instr.op = Opcode::LOAD_SUPER_ATTR
                }
                _ => {}
            }
        }
    }
    remove_redundant_nops_and_jumps(cfg)
}

/// `normalize_jumps` (see the module doc).
pub fn normalize_jumps(cfg: &mut Cfg) -> Result<(), CfgError> {
    let order = cfg.order();
    for &b in &order {
        cfg.blocks[b].visited = false;
    }
    let mut b = Some(cfg.entry);
    while let Some(id) = b {
        cfg.blocks[id].visited = true;
        if let Some(&last) = cfg.blocks[id].last() {
            if is_conditional_jump(last.op) {
                let target = Cfg::target_of(&last)?;
                if cfg.blocks[target].visited {
                    let reversed = match last.op {
                        Opcode::POP_JUMP_IF_NOT_NONE => Opcode::POP_JUMP_IF_NONE,
                        Opcode::POP_JUMP_IF_NONE => Opcode::POP_JUMP_IF_NOT_NONE,
                        Opcode::POP_JUMP_IF_FALSE => Opcode::POP_JUMP_IF_TRUE,
                        _ => Opcode::POP_JUMP_IF_FALSE,
                    };
                    let next = cfg.blocks[id].next;
                    let backwards = cfg.new_block();
                    let mut jump = CfgInstr::new(Opcode::JUMP, target as u32, last.loc);
                    jump.target = Some(target);
                    cfg.blocks[backwards].instrs.push(jump);
                    cfg.blocks[backwards].cold = cfg.blocks[id].cold;
                    cfg.blocks[backwards].next = next;
                    let n = cfg.blocks[id].instrs.len();
                    let cond = &mut cfg.blocks[id].instrs[n - 1];
                    cond.op = reversed;
                    cond.target = next;
                    cfg.blocks[id].next = Some(backwards);
                    if next.is_none() {
                        return Err(CfgError::new("conditional jump at the end of the code"));
                    }
                }
            }
        }
        b = cfg.blocks[id].next;
    }
    Ok(())
}
