//! `insert_superinstructions`: pairs of local accesses on one line become one instruction whose
//! oparg packs both local indices in 4 bits each (so only locals 0..=15 qualify):
//! `LOAD_FAST a; LOAD_FAST b` → `LOAD_FAST_LOAD_FAST (a << 4 | b)`, and likewise
//! `STORE_FAST_LOAD_FAST` and `STORE_FAST_STORE_FAST`.

use super::optimize::remove_redundant_nops;
use crate::cfg::{Cfg, CfgInstr};
use crate::instructions::Opcode;

fn make_super_instruction(first: &mut CfgInstr, second: &mut CfgInstr, op: Opcode) {
    if first.loc.lineno != second.loc.lineno || first.oparg >= 16 || second.oparg >= 16 {
        return;
    }
    first.set_op1(op, (first.oparg << 4) | second.oparg);
    second.set_op0(Opcode::NOP);
}

/// The pass (see the module doc).
pub fn insert_superinstructions(cfg: &mut Cfg) {
    for b in cfg.order() {
        let instrs = &mut cfg.blocks[b].instrs;
        for i in 0..instrs.len() {
            let Some(next) = instrs.get(i + 1).map(|n| n.op) else { continue };
            let op = match (instrs[i].op, next) {
                (Opcode::LOAD_FAST, Opcode::LOAD_FAST) => Opcode::LOAD_FAST_LOAD_FAST,
                (Opcode::STORE_FAST, Opcode::LOAD_FAST) => Opcode::STORE_FAST_LOAD_FAST,
                (Opcode::STORE_FAST, Opcode::STORE_FAST) => Opcode::STORE_FAST_STORE_FAST,
                _ => continue,
            };
            let (head, tail) = instrs.split_at_mut(i + 1);
            make_super_instruction(&mut head[i], &mut tail[0], op);
        }
    }
    remove_redundant_nops(cfg);
}

#[cfg(test)]
mod tests {
    use super::super::super::test_util::{listing, seq};
    use super::*;

    #[test]
    fn pairs_of_small_indices_on_one_line_combine() {
        let s = seq(&[
            ("LOAD_FAST", 1, 1),
            ("LOAD_FAST", 2, 1),
            ("STORE_FAST", 3, 1),
            ("STORE_FAST", 4, 1),
            ("LOAD_FAST", 15, 2),
            ("LOAD_FAST", 16, 2),
            ("LOAD_FAST", 5, 3),
            ("LOAD_FAST", 6, 4),
            ("RETURN_VALUE", 0, 4),
        ]);
        let mut cfg = Cfg::from_seq(&s).unwrap();
        insert_superinstructions(&mut cfg);
        assert_eq!(
            listing(&cfg),
            vec![
                "LOAD_FAST_LOAD_FAST 18",
                "STORE_FAST_STORE_FAST 52",
                "LOAD_FAST 15",
                "LOAD_FAST 16",
                "LOAD_FAST 5",
                "LOAD_FAST 6",
                "RETURN_VALUE",
            ]
        );
    }
}
