//! `push_cold_blocks_to_end`: exception handlers, and the blocks only they reach, move to the end
//! of the code, so the normal path is contiguous.
//!
//! "Warm" blocks are those reachable from the entry without an exception edge; "cold" ones are
//! reachable from a handler but not warm. A cold block that falls through into a warm one gets an
//! explicit `JUMP_NO_INTERRUPT` first; then each run of cold blocks is unlinked and appended after
//! the last warm block, and jumps that became redundant go.

use super::optimize::remove_redundant_nops_and_jumps;
use crate::cfg::{Cfg, CfgError, CfgInstr};
use crate::instructions::Opcode;
use crate::location::Location;

fn mark_warm(cfg: &mut Cfg) {
    cfg.clear_visited();
    let entry = cfg.entry;
    let mut stack = vec![entry];
    cfg.blocks[entry].visited = true;
    while let Some(b) = stack.pop() {
        cfg.blocks[b].warm = true;
        if let Some(next) = cfg.blocks[b].next {
            if cfg.blocks[b].has_fallthrough() && !cfg.blocks[next].visited {
                stack.push(next);
                cfg.blocks[next].visited = true;
            }
        }
        for i in 0..cfg.blocks[b].instrs.len() {
            let instr = cfg.blocks[b].instrs[i];
            if instr.op.has_jump() {
                if let Some(t) = instr.target {
                    if !cfg.blocks[t].visited {
                        stack.push(t);
                        cfg.blocks[t].visited = true;
                    }
                }
            }
        }
    }
}

fn mark_cold(cfg: &mut Cfg) {
    mark_warm(cfg);
    cfg.clear_visited();
    let mut stack = Vec::new();
    for b in cfg.order() {
        if cfg.blocks[b].except_handler {
            stack.push(b);
            cfg.blocks[b].visited = true;
        }
    }
    while let Some(b) = stack.pop() {
        cfg.blocks[b].cold = true;
        if let Some(next) = cfg.blocks[b].next {
            if cfg.blocks[b].has_fallthrough() && !cfg.blocks[next].warm && !cfg.blocks[next].visited {
                stack.push(next);
                cfg.blocks[next].visited = true;
            }
        }
        for i in 0..cfg.blocks[b].instrs.len() {
            let instr = cfg.blocks[b].instrs[i];
            if instr.op.has_jump() {
                if let Some(t) = instr.target {
                    if !cfg.blocks[t].warm && !cfg.blocks[t].visited {
                        stack.push(t);
                        cfg.blocks[t].visited = true;
                    }
                }
            }
        }
    }
}

/// The pass (see the module doc).
pub fn push_cold_blocks_to_end(cfg: &mut Cfg) -> Result<(), CfgError> {
    let entry = cfg.entry;
    if cfg.blocks[entry].next.is_none() {
        return Ok(());
    }
    mark_cold(cfg);
    let mut next_label = cfg.max_label() + 1;

    // A cold block falling through into a warm one gets an explicit jump.
    let mut b = Some(entry);
    while let Some(id) = b {
        let block = &cfg.blocks[id];
        if let Some(next) = block.next {
            if block.cold && block.has_fallthrough() && cfg.blocks[next].warm {
                let label = match cfg.blocks[next].label {
                    Some(l) => l,
                    None => {
                        let l = next_label as u32;
                        next_label += 1;
                        cfg.blocks[next].label = Some(l);
                        l
                    }
                };
                let jump_block = cfg.new_block();
                let mut jump = CfgInstr::new(Opcode::JUMP_NO_INTERRUPT, label, Location::NO_LOCATION);
                jump.target = Some(next);
                cfg.blocks[jump_block].instrs.push(jump);
                cfg.blocks[jump_block].cold = true;
                cfg.blocks[jump_block].next = Some(next);
                cfg.blocks[jump_block].predecessors = 1;
                cfg.blocks[id].next = Some(jump_block);
            }
        }
        b = cfg.blocks[id].next;
    }

    if cfg.blocks[entry].cold {
        return Err(CfgError::new("the entry block cannot be cold"));
    }
    // Unlink each run of cold blocks and chain the runs after the last warm block.
    let mut cold_head: Option<usize> = None;
    let mut cold_tail: Option<usize> = None;
    let mut b = entry;
    while cfg.blocks[b].next.is_some() {
        while let Some(next) = cfg.blocks[b].next {
            if cfg.blocks[next].cold {
                break;
            }
            b = next;
        }
        let Some(run_start) = cfg.blocks[b].next else { break };
        let mut run_end = run_start;
        while let Some(next) = cfg.blocks[run_end].next {
            if !cfg.blocks[next].cold {
                break;
            }
            run_end = next;
        }
        match cold_tail {
            None => cold_head = Some(run_start),
            Some(tail) => cfg.blocks[tail].next = Some(run_start),
        }
        cold_tail = Some(run_end);
        cfg.blocks[b].next = cfg.blocks[run_end].next;
        cfg.blocks[run_end].next = None;
    }
    cfg.blocks[b].next = cold_head;
    if cold_head.is_some() {
        remove_redundant_nops_and_jumps(cfg)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::super::super::test_util::{listing, seq};
    use super::super::exceptions::{label_exception_targets, mark_except_handlers};
    use super::*;

    #[test]
    fn handlers_move_after_the_normal_path() {
        let s = seq(&[
            ("SETUP_FINALLY", 0, 1),
            ("LOAD_NAME", 0, 1),
            ("POP_TOP", 0, 1),
            ("POP_BLOCK", 0, 1),
            ("JUMP", 1, 1),
            ("L0:", 0, 0),
            ("POP_TOP", 0, 2),
            ("JUMP", 1, 2),
            ("L1:", 0, 0),
            ("LOAD_NAME", 1, 3),
            ("RETURN_VALUE", 0, 3),
        ]);
        let mut cfg = Cfg::from_seq(&s).unwrap();
        mark_except_handlers(&mut cfg).unwrap();
        label_exception_targets(&mut cfg).unwrap();
        push_cold_blocks_to_end(&mut cfg).unwrap();
        let out = listing(&cfg);
        // The handler (POP_TOP; JUMP) is now last; the warm path's jump to L1 became redundant.
        assert_eq!(out.last().unwrap(), "JUMP -> LOAD_NAME");
        let handler_at = out.iter().rposition(|l| l == "POP_TOP").unwrap();
        let return_at = out.iter().position(|l| l == "RETURN_VALUE").unwrap();
        assert!(return_at < handler_at, "{out:?}");
    }
}
