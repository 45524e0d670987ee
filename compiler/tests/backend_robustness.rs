//! The back end never panics, whatever instruction sequence it is handed: a malformed sequence
//! (a code generation bug) is an error, not a crash. Random sequences of real and pseudo
//! instructions, random opargs, labels and locations go through the whole pipeline.
//! `PYRT_ROBUSTNESS_ITERATIONS=N` runs more of them (default 3000).

use pyrt_compile::assemble::assemble_code_unit;
use pyrt_compile::instr_seq::{InstrSeq, UnitMetadata};
use pyrt_compile::{CodeFlags, Constant, Location, Opcode};

/// A small deterministic generator (xorshift64*), so failures reproduce.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

/// Instructions code generation emits (specialised and instrumented forms excluded).
fn emittable() -> Vec<Opcode> {
    Opcode::ALL
        .iter()
        .copied()
        .filter(|op| {
            !op.is_specialized()
                && !op.is_instrumented()
                && !matches!(
                    op,
                    Opcode::CACHE
                        | Opcode::RESERVED
                        | Opcode::EXTENDED_ARG
                        | Opcode::ENTER_EXECUTOR
                        | Opcode::JUMP_FORWARD
                        | Opcode::JUMP_BACKWARD
                        | Opcode::JUMP_BACKWARD_NO_INTERRUPT
                )
        })
        .collect()
}

fn random_unit(rng: &mut Rng, ops: &[Opcode]) -> (UnitMetadata, InstrSeq) {
    let mut meta = UnitMetadata::new("f", "f", 1 + rng.below(5) as i32);
    for i in 0..rng.below(4) {
        meta.consts.add(Constant::Int(i as i64));
    }
    meta.consts.add(Constant::None);
    for name in ["a", "b", "c"].iter().take(rng.below(4) as usize) {
        meta.varnames.add(name);
        meta.names.add(name);
    }
    if rng.below(3) == 0 {
        meta.cellvars.add("a");
    }
    if rng.below(3) == 0 {
        meta.freevars.add("z");
    }
    meta.flags = CodeFlags(rng.below(0x400) as u32);
    meta.argcount = rng.below(3) as u32;
    let mut seq = InstrSeq::new();
    let labels: Vec<_> = (0..1 + rng.below(6)).map(|_| seq.new_label()).collect();
    let n = 1 + rng.below(40);
    for _ in 0..n {
        if rng.below(5) == 0 {
            seq.use_label(labels[rng.below(labels.len() as u64) as usize]);
        }
        let op = ops[rng.below(ops.len() as u64) as usize];
        let line = rng.below(6) as i32 - 1;
        let loc =
            if line < 0 { Location::NO_LOCATION } else { Location::new(line + 1, line + 1, 0, rng.below(100) as i32) };
        if op.has_target() {
            seq.emit_jump(op, labels[rng.below(labels.len() as u64) as usize], loc);
        } else {
            let oparg = match rng.below(4) {
                0 => 0,
                1 => rng.below(4) as u32,
                2 => rng.below(300) as u32,
                _ => rng.next() as u32,
            };
            seq.emit(op, oparg, loc);
        }
    }
    // Usually end properly, sometimes not at all.
    if rng.below(4) != 0 {
        seq.emit(Opcode::RETURN_CONST, 0, Location::NO_LOCATION);
    }
    (meta, seq)
}

#[test]
fn random_sequences_give_code_or_errors_never_panics() {
    let ops = emittable();
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let (mut ok, mut errors) = (0, 0);
    let iterations = std::env::var("PYRT_ROBUSTNESS_ITERATIONS").ok().and_then(|v| v.parse().ok()).unwrap_or(3000);
    for _ in 0..iterations {
        let (meta, seq) = random_unit(&mut rng, &ops);
        match assemble_code_unit(meta, seq, "<random>".into()) {
            Ok(code) => {
                ok += 1;
                // Whatever was produced decodes again.
                let _ = code.positions();
                let _ = code.exception_entries();
                let _ = pyrt_compile::dis::disassemble(&code);
            }
            Err(_) => errors += 1,
        }
    }
    eprintln!("random sequences: {ok} assembled, {errors} rejected");
    assert!(ok > 0 && errors > 0);
}

/// Emits random statements shaped like CPython's code generation output (balanced stack, jumps
/// at depth 0, `try` blocks with handlers), so every sequence is valid.
struct Structured<'a> {
    rng: &'a mut Rng,
    seq: InstrSeq,
    line: i32,
    nlocals: u32,
}

impl Structured<'_> {
    fn loc(&mut self) -> Location {
        self.line += 1 + self.rng.below(2) as i32;
        Location::new(self.line, self.line, self.rng.below(8) as i32, 8 + self.rng.below(8) as i32)
    }

    /// Pushes one value, made of up to `budget` loads and operations.
    fn expr(&mut self, loc: Location, budget: u32) {
        match self.rng.below(if budget == 0 { 3 } else { 6 }) {
            0 => self.seq.emit(Opcode::LOAD_CONST, self.rng.below(3) as u32, loc),
            1 => self.seq.emit(Opcode::LOAD_FAST, self.rng.below(self.nlocals as u64) as u32, loc),
            2 => self.seq.emit(Opcode::LOAD_NAME, self.rng.below(3) as u32, loc),
            3 => {
                self.expr(loc, budget - 1);
                self.expr(loc, budget - 1);
                self.seq.emit(Opcode::BINARY_OP, self.rng.below(13) as u32, loc);
            }
            4 => {
                let n = 1 + self.rng.below(3) as u32;
                for _ in 0..n {
                    self.expr(loc, budget - 1);
                }
                self.seq.emit(Opcode::BUILD_TUPLE, n, loc);
            }
            _ => {
                self.expr(loc, budget - 1);
                self.expr(loc, budget - 1);
                self.seq.emit(Opcode::SWAP, 2, loc);
                self.seq.emit(Opcode::BINARY_OP, 10, loc);
            }
        }
    }

    fn condition(&mut self, loc: Location) {
        self.expr(loc, 2);
        self.seq.emit(Opcode::TO_BOOL, 0, loc);
    }

    fn statements(&mut self, depth: u32) {
        for _ in 0..1 + self.rng.below(4) {
            self.statement(depth);
        }
    }

    fn statement(&mut self, depth: u32) {
        let loc = self.loc();
        match self.rng.below(if depth > 3 { 3 } else { 8 }) {
            0 => {
                self.expr(loc, 3);
                self.seq.emit(Opcode::STORE_FAST, self.rng.below(self.nlocals as u64) as u32, loc);
            }
            1 => {
                self.expr(loc, 3);
                self.seq.emit(Opcode::POP_TOP, 0, loc);
            }
            2 => self.seq.emit(Opcode::DELETE_FAST, self.rng.below(self.nlocals as u64) as u32, loc),
            3 => {
                // if / else
                let (orelse, end) = (self.seq.new_label(), self.seq.new_label());
                self.condition(loc);
                self.seq.emit_jump(Opcode::POP_JUMP_IF_FALSE, orelse, loc);
                self.statements(depth + 1);
                self.seq.emit_jump(Opcode::JUMP_NO_INTERRUPT, end, Location::NO_LOCATION);
                self.seq.use_label(orelse);
                self.statements(depth + 1);
                self.seq.use_label(end);
            }
            4 => {
                // while
                let (top, end) = (self.seq.new_label(), self.seq.new_label());
                self.seq.use_label(top);
                self.condition(loc);
                self.seq.emit_jump(Opcode::POP_JUMP_IF_FALSE, end, loc);
                self.statements(depth + 1);
                self.seq.emit_jump(Opcode::JUMP, top, loc);
                self.seq.use_label(end);
            }
            5 => {
                // try / except: everything
                let (handler, cleanup, end) = (self.seq.new_label(), self.seq.new_label(), self.seq.new_label());
                self.seq.emit_jump(Opcode::SETUP_FINALLY, handler, loc);
                self.statements(depth + 1);
                self.seq.emit(Opcode::POP_BLOCK, 0, Location::NO_LOCATION);
                self.seq.emit_jump(Opcode::JUMP_NO_INTERRUPT, end, Location::NO_LOCATION);
                self.seq.use_label(handler);
                self.seq.emit_jump(Opcode::SETUP_CLEANUP, cleanup, Location::NO_LOCATION);
                self.seq.emit(Opcode::PUSH_EXC_INFO, 0, Location::NO_LOCATION);
                self.seq.emit(Opcode::POP_TOP, 0, loc);
                self.statements(depth + 1);
                self.seq.emit(Opcode::POP_BLOCK, 0, Location::NO_LOCATION);
                self.seq.emit(Opcode::POP_EXCEPT, 0, Location::NO_LOCATION);
                self.seq.emit_jump(Opcode::JUMP_NO_INTERRUPT, end, Location::NO_LOCATION);
                self.seq.use_label(cleanup);
                self.seq.emit(Opcode::COPY, 3, Location::NO_LOCATION);
                self.seq.emit(Opcode::POP_EXCEPT, 0, Location::NO_LOCATION);
                self.seq.emit(Opcode::RERAISE, 1, Location::NO_LOCATION);
                self.seq.use_label(end);
            }
            6 => {
                // return from the middle: what follows is unreachable until a label
                let after = self.seq.new_label();
                self.condition(loc);
                self.seq.emit_jump(Opcode::POP_JUMP_IF_TRUE, after, loc);
                self.expr(loc, 1);
                self.seq.emit(Opcode::RETURN_VALUE, 0, loc);
                self.seq.use_label(after);
            }
            _ => {
                // a constant condition
                let end = self.seq.new_label();
                self.seq.emit(Opcode::LOAD_CONST, self.rng.below(3) as u32, loc);
                self.seq.emit_jump(Opcode::POP_JUMP_IF_FALSE, end, loc);
                self.statements(depth + 1);
                self.seq.use_label(end);
            }
        }
    }
}

#[test]
fn random_well_formed_programs_always_assemble() {
    let iterations = std::env::var("PYRT_ROBUSTNESS_ITERATIONS").ok().and_then(|v| v.parse().ok()).unwrap_or(2000);
    let mut rng = Rng(0xDEAD_BEEF_CAFE_F00D);
    for _ in 0..iterations {
        let nlocals = 1 + rng.below(20) as u32;
        let mut meta = UnitMetadata::new("h", "h", 1);
        meta.flags = CodeFlags::OPTIMIZED | CodeFlags::NEWLOCALS;
        meta.argcount = rng.below(nlocals as u64 + 1) as u32;
        for c in [Constant::Int(0), Constant::Int(7), Constant::None] {
            meta.consts.add(c);
        }
        for i in 0..nlocals {
            meta.varnames.add(&format!("v{i}"));
        }
        for n in ["x", "y", "z"] {
            meta.names.add(n);
        }
        let mut program = Structured { rng: &mut rng, seq: InstrSeq::new(), line: 1, nlocals };
        program.seq.emit(Opcode::RESUME, 0, Location::new(1, 1, 0, 0));
        program.statements(0);
        program.seq.emit(Opcode::RETURN_CONST, 2, Location::NO_LOCATION);
        let seq = program.seq;
        let code = assemble_code_unit(meta, seq.clone(), "<structured>".into())
            .unwrap_or_else(|e| panic!("a well-formed program was rejected: {e}\n{seq:?}"));
        assert!(code.stacksize >= 1);
        assert_eq!(code.positions().len(), code.code.len());
        let _ = pyrt_compile::dis::disassemble(&code);
    }
}

#[test]
fn well_formed_straight_line_code_always_assembles() {
    let mut rng = Rng(42);
    for _ in 0..500 {
        let mut meta = UnitMetadata::new("g", "g", 1);
        let k = meta.consts.add(Constant::Int(rng.below(1000) as i64));
        let mut seq = InstrSeq::new();
        let mut depth = 0;
        for line in 1..=rng.below(30) as i32 + 1 {
            let loc = Location::new(line, line, 0, 4);
            if depth > 0 && rng.below(2) == 0 {
                seq.emit(Opcode::POP_TOP, 0, loc);
                depth -= 1;
            } else {
                seq.emit(Opcode::LOAD_CONST, k, loc);
                depth += 1;
            }
        }
        for _ in 0..depth {
            seq.emit(Opcode::POP_TOP, 0, Location::NO_LOCATION);
        }
        seq.emit(Opcode::RETURN_CONST, k, Location::NO_LOCATION);
        let code = assemble_code_unit(meta, seq, "<straight>".into()).expect("well-formed code assembles");
        assert_eq!(code.consts.len(), 1);
    }
}

#[test]
fn decoders_and_disassembler_survive_random_bytes() {
    use pyrt_compile::assemble::{exception_table, linetable};
    use pyrt_compile::{CodeObject, LocalKind};
    use std::sync::Arc;
    let mut rng = Rng(7);
    for _ in 0..20_000 {
        let bytes: Vec<u8> = (0..rng.below(64)).map(|_| rng.next() as u8).collect();
        let _ = linetable::decode(&bytes, rng.below(1000) as i32);
        let _ = exception_table::decode(&bytes);
        let units: Vec<u16> = (0..rng.below(40)).map(|_| rng.next() as u16).collect();
        let code = CodeObject {
            argcount: 0,
            posonlyargcount: 0,
            kwonlyargcount: 0,
            stacksize: 1,
            flags: CodeFlags::default(),
            firstlineno: 1,
            code: units.into(),
            consts: vec![Constant::None].into(),
            names: vec![Arc::from("n")].into(),
            localsplus_names: vec![Arc::from("x")].into(),
            localsplus_kinds: vec![LocalKind::LOCAL].into(),
            filename: Arc::from("<random>"),
            name: Arc::from("r"),
            qualname: Arc::from("r"),
            linetable: bytes.clone().into(),
            exceptiontable: bytes.into(),
        };
        let _ = pyrt_compile::dis::disassemble(&code);
        let _ = code.instructions();
        let _ = code.location_of(rng.below(50) as usize);
    }
}
