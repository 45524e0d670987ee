//! `resolve_line_numbers`: give every instruction that can be observed a line (PEP 626).
//!
//! Exit blocks without a line number (an implicit `return None`, a re-raise) that several jumps
//! reach are duplicated so each copy has a single predecessor
//! ([`duplicate_exits_without_lineno`]); then [`propagate_line_numbers`] copies locations forward
//! within blocks and into successors that have only one predecessor. A frame's line is thus right
//! when it returns or raises, without updating it at run time.

use crate::cfg::{Block, Cfg, CfgError};

/// `resolve_line_numbers`.
pub fn resolve_line_numbers(cfg: &mut Cfg, _firstlineno: i32) -> Result<(), CfgError> {
    duplicate_exits_without_lineno(cfg)?;
    propagate_line_numbers(cfg);
    Ok(())
}

/// Whether the block exits the scope or checks the eval breaker, and has no line at all.
fn is_exit_or_eval_check_without_lineno(b: &Block) -> bool {
    let has_eval_break = b.instrs.iter().any(|i| i.op.flags().contains(crate::instructions::OpFlags::EVAL_BREAK));
    (b.exits_scope() || has_eval_break) && b.has_no_lineno()
}

/// `duplicate_exits_without_lineno` (see the module doc).
pub fn duplicate_exits_without_lineno(cfg: &mut Cfg) -> Result<(), CfgError> {
    let mut next_label = cfg.max_label() + 1;
    let mut b = Some(cfg.entry);
    while let Some(id) = b {
        if let Some(&last) = cfg.blocks[id].last() {
            if last.op.has_jump() {
                let target = cfg.next_nonempty(Some(Cfg::target_of(&last)?));
                if let Some(target) = target {
                    if is_exit_or_eval_check_without_lineno(&cfg.blocks[target]) && cfg.blocks[target].predecessors > 1
                    {
                        let new_target = cfg.new_block();
                        let mut instrs = cfg.blocks[target].instrs.clone();
                        instrs[0].loc = last.loc;
                        cfg.blocks[new_target].instrs = instrs;
                        let n = cfg.blocks[id].instrs.len();
                        cfg.blocks[id].instrs[n - 1].target = Some(new_target);
                        cfg.blocks[target].predecessors -= 1;
                        cfg.blocks[new_target].predecessors = 1;
                        cfg.blocks[new_target].next = cfg.blocks[target].next;
                        cfg.blocks[new_target].label = Some(next_label as u32);
                        next_label += 1;
                        cfg.blocks[target].next = Some(new_target);
                    }
                }
            }
        }
        b = cfg.blocks[id].next;
    }
    // The remaining exits without a line are reached only by falling through: take the line of
    // the block before.
    let mut b = Some(cfg.entry);
    while let Some(id) = b {
        if cfg.blocks[id].has_fallthrough() && !cfg.blocks[id].instrs.is_empty() {
            if let Some(next) = cfg.blocks[id].next {
                if is_exit_or_eval_check_without_lineno(&cfg.blocks[next]) {
                    let loc = cfg.blocks[id].instrs.last().map(|i| i.loc).unwrap_or_default();
                    cfg.blocks[next].instrs[0].loc = loc;
                }
            }
        }
        b = cfg.blocks[id].next;
    }
    Ok(())
}

/// `propagate_line_numbers` (see the module doc).
pub fn propagate_line_numbers(cfg: &mut Cfg) {
    let mut b = Some(cfg.entry);
    while let Some(id) = b {
        b = cfg.blocks[id].next;
        let Some(&last) = cfg.blocks[id].last() else { continue };
        let mut prev = crate::location::Location::NO_LOCATION;
        for instr in cfg.blocks[id].instrs.iter_mut() {
            if instr.loc.lineno < 0 {
                instr.loc = prev;
            } else {
                prev = instr.loc;
            }
        }
        if cfg.blocks[id].has_fallthrough() {
            if let Some(next) = cfg.blocks[id].next {
                let nb = &mut cfg.blocks[next];
                if nb.predecessors == 1 && !nb.instrs.is_empty() && nb.instrs[0].loc.lineno < 0 {
                    nb.instrs[0].loc = prev;
                }
            }
        }
        if last.op.has_jump() {
            if let Some(target) = last.target {
                let tb = &mut cfg.blocks[target];
                if tb.predecessors == 1 && !tb.instrs.is_empty() && tb.instrs[0].loc.lineno < 0 {
                    tb.instrs[0].loc = prev;
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::super::test_util::seq;
    use super::super::optimize::remove_unreachable;
    use super::*;
    use crate::location::Location;

    #[test]
    fn shared_exit_without_line_is_duplicated_per_jump() {
        let s = seq(&[
            ("LOAD_NAME", 0, 1),
            ("POP_JUMP_IF_FALSE", 0, 1),
            ("LOAD_NAME", 1, 2),
            ("POP_JUMP_IF_TRUE", 0, 2),
            ("LOAD_NAME", 2, 3),
            ("POP_TOP", 0, 3),
            ("L0:", 0, 0),
            ("RETURN_CONST", 0, -1),
        ]);
        let mut cfg = Cfg::from_seq(&s).unwrap();
        remove_unreachable(&mut cfg).unwrap();
        resolve_line_numbers(&mut cfg, 1).unwrap();
        let returns: Vec<Location> = cfg
            .order()
            .iter()
            .flat_map(|&b| cfg.blocks[b].instrs.iter())
            .filter(|i| i.op == crate::instructions::Opcode::RETURN_CONST)
            .map(|i| i.loc)
            .collect();
        // One copy per jump plus the fall-through original; every one has a line now.
        assert_eq!(returns.len(), 3);
        assert!(returns.iter().all(|l| l.lineno > 0), "{returns:?}");
    }
}
