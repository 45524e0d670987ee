//! `add_checks_for_loads_of_uninitialized_variables`: `LOAD_FAST` where the local is surely bound,
//! `LOAD_FAST_CHECK` (which raises `UnboundLocalError`) where it may not be.
//!
//! A forward data-flow analysis over the first 64 locals, one bit each: a local is "unsafe" at
//! the entry unless it is a parameter, becomes unsafe after `DELETE_FAST`, `LOAD_FAST_AND_CLEAR`
//! or `STORE_FAST_MAYBE_NULL`, and safe after a store or a checked load. Masks flow along
//! fall-through, jumps and exception edges until nothing changes. Locals beyond 64 are only
//! tracked inside one block at a time (CPython's `fast_scan_many_locals`), to stay linear.

use crate::cfg::{BlockId, Cfg};
use crate::instructions::Opcode;

fn maybe_push(cfg: &mut Cfg, b: BlockId, unsafe_mask: u64, stack: &mut Vec<BlockId>) {
    let block = &mut cfg.blocks[b];
    let both = block.unsafe_locals_mask | unsafe_mask;
    if block.unsafe_locals_mask != both {
        block.unsafe_locals_mask = both;
        if !block.visited {
            stack.push(b);
            block.visited = true;
        }
    }
}

fn scan_block_for_locals(cfg: &mut Cfg, b: BlockId, stack: &mut Vec<BlockId>) {
    let mut unsafe_mask = cfg.blocks[b].unsafe_locals_mask;
    for i in 0..cfg.blocks[b].instrs.len() {
        let instr = cfg.blocks[b].instrs[i];
        if let Some(handler) = instr.except {
            maybe_push(cfg, handler, unsafe_mask, stack);
        }
        if instr.oparg >= 64 {
            continue;
        }
        let bit = 1u64 << instr.oparg;
        match instr.op {
            Opcode::DELETE_FAST | Opcode::LOAD_FAST_AND_CLEAR | Opcode::STORE_FAST_MAYBE_NULL => unsafe_mask |= bit,
            Opcode::STORE_FAST | Opcode::LOAD_FAST_CHECK => unsafe_mask &= !bit,
            Opcode::LOAD_FAST => {
                if unsafe_mask & bit != 0 {
                    cfg.blocks[b].instrs[i].op = Opcode::LOAD_FAST_CHECK;
                }
                unsafe_mask &= !bit;
            }
            _ => {}
        }
    }
    if cfg.blocks[b].has_fallthrough() {
        if let Some(next) = cfg.blocks[b].next {
            maybe_push(cfg, next, unsafe_mask, stack);
        }
    }
    if let Some(&last) = cfg.blocks[b].last() {
        if last.op.has_jump() {
            if let Some(target) = last.target {
                maybe_push(cfg, target, unsafe_mask, stack);
            }
        }
    }
}

fn fast_scan_many_locals(cfg: &mut Cfg, nlocals: usize) {
    // states[i - 64] == block number where local i is known bound.
    let mut states = vec![0usize; nlocals - 64];
    let mut blocknum = 0;
    for b in cfg.order() {
        blocknum += 1;
        for instr in cfg.blocks[b].instrs.iter_mut() {
            let arg = instr.oparg as usize;
            if arg < 64 || arg >= nlocals {
                continue;
            }
            match instr.op {
                Opcode::DELETE_FAST | Opcode::LOAD_FAST_AND_CLEAR | Opcode::STORE_FAST_MAYBE_NULL => {
                    states[arg - 64] = blocknum - 1
                }
                Opcode::STORE_FAST => states[arg - 64] = blocknum,
                Opcode::LOAD_FAST => {
                    if states[arg - 64] != blocknum {
                        instr.op = Opcode::LOAD_FAST_CHECK;
                    }
                    states[arg - 64] = blocknum;
                }
                _ => {}
            }
        }
    }
}

/// The pass (see the module doc). `nparams` locals at the start are bound on entry.
pub fn add_checks_for_loads_of_uninitialized_variables(cfg: &mut Cfg, nlocals: usize, nparams: usize) {
    if nlocals == 0 {
        return;
    }
    let mut nlocals = nlocals;
    if nlocals > 64 {
        fast_scan_many_locals(cfg, nlocals);
        nlocals = 64;
    }
    cfg.clear_visited();
    let mut stack = Vec::new();
    let mut start_mask = 0u64;
    for i in nparams..nlocals {
        start_mask |= 1u64 << i;
    }
    let entry = cfg.entry;
    maybe_push(cfg, entry, start_mask, &mut stack);
    for b in cfg.order() {
        scan_block_for_locals(cfg, b, &mut stack);
    }
    while let Some(b) = stack.pop() {
        cfg.blocks[b].visited = false;
        scan_block_for_locals(cfg, b, &mut stack);
    }
}

#[cfg(test)]
mod tests {
    use super::super::super::test_util::{listing, seq};
    use super::*;

    #[test]
    fn a_possibly_unbound_local_gets_a_checked_load() {
        // def f(p): if p: x = 1 ; return x, p
        let s = seq(&[
            ("LOAD_FAST", 0, 1),
            ("POP_JUMP_IF_FALSE", 0, 1),
            ("LOAD_CONST", 0, 2),
            ("STORE_FAST", 1, 2),
            ("L0:", 0, 0),
            ("LOAD_FAST", 1, 3),
            ("LOAD_FAST", 0, 3),
            ("BUILD_TUPLE", 2, 3),
            ("RETURN_VALUE", 0, 3),
        ]);
        let mut cfg = Cfg::from_seq(&s).unwrap();
        add_checks_for_loads_of_uninitialized_variables(&mut cfg, 2, 1);
        let out = listing(&cfg);
        assert_eq!(out[0], "LOAD_FAST 0");
        assert_eq!(out[4], "LOAD_FAST_CHECK 1");
        assert_eq!(out[5], "LOAD_FAST 0");
    }

    #[test]
    fn a_local_stored_on_every_path_is_safe() {
        let s = seq(&[("LOAD_CONST", 0, 1), ("STORE_FAST", 0, 1), ("LOAD_FAST", 0, 2), ("RETURN_VALUE", 0, 2)]);
        let mut cfg = Cfg::from_seq(&s).unwrap();
        add_checks_for_loads_of_uninitialized_variables(&mut cfg, 1, 0);
        assert_eq!(listing(&cfg)[2], "LOAD_FAST 0");
        // ... but not after a del.
        let s = seq(&[
            ("LOAD_CONST", 0, 1),
            ("STORE_FAST", 0, 1),
            ("DELETE_FAST", 0, 1),
            ("LOAD_FAST", 0, 2),
            ("RETURN_VALUE", 0, 2),
        ]);
        let mut cfg = Cfg::from_seq(&s).unwrap();
        add_checks_for_loads_of_uninitialized_variables(&mut cfg, 1, 0);
        assert_eq!(listing(&cfg)[3], "LOAD_FAST_CHECK 0");
    }
}
