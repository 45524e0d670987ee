//! The whole back end against CPython 3.13, on code no one here wrote.
//!
//! `tests/data/backend_cases_3_13.txt` (from `gen_backend_cases.py`) holds, for every code unit of
//! a set of standard-library modules, the instruction sequence CPython 3.13's code generator
//! emitted, the unit's metadata, and the code object CPython made of it. Each sequence goes through
//! pyrt's CFG passes and assembler ([`assemble_code_unit`]); the bytecode, constants, names,
//! localsplus layout, stack size, location table and exception table must equal CPython's byte for
//! byte.

mod common;
mod data_format;

use std::collections::HashMap;
use std::sync::Arc;

use data_format::{dec_name, hex, parse_const};
use pyrt_compile::assemble::assemble_code_unit;
use pyrt_compile::instr_seq::{InstrSeq, Label, UnitMetadata};
use pyrt_compile::{CodeFlags, CodeObject, Constant, LocalKind, Location, Opcode};

const DATA_FILE: &str = "backend_cases_3_13.txt";

fn one_const(line: &str, codes: &HashMap<usize, Arc<CodeObject>>) -> Constant {
    let tokens: Vec<&str> = line.strip_prefix("c ").expect("constant line").split(' ').collect();
    let mut pos = 0;
    let c = parse_const(&tokens, &mut pos, codes);
    assert_eq!(pos, tokens.len(), "trailing tokens in {line}");
    c
}

fn words(line: &str, key: &str) -> Vec<String> {
    let rest = line.strip_prefix(key).unwrap_or_else(|| panic!("expected {key}: {line}"));
    rest.split(' ').filter(|w| !w.is_empty()).map(str::to_string).collect()
}

/// A line of name tokens (see `dec_name`).
fn name_list(line: &str, key: &str) -> Vec<String> {
    words(line, key).iter().map(|w| dec_name(w)).collect()
}

fn placeholder(name: &str) -> Arc<CodeObject> {
    Arc::new(CodeObject {
        argcount: 0,
        posonlyargcount: 0,
        kwonlyargcount: 0,
        stacksize: 0,
        flags: CodeFlags::default(),
        firstlineno: 1,
        code: Box::new([]),
        consts: Box::new([]),
        names: Box::new([]),
        localsplus_names: Box::new([]),
        localsplus_kinds: Box::new([]),
        filename: Arc::from("<opaque>"),
        name: Arc::from(name),
        qualname: Arc::from(name),
        linetable: Box::new([]),
        exceptiontable: Box::new([]),
    })
}

struct Outcome {
    compared: usize,
    failures: Vec<String>,
    /// Time spent in `assemble_code_unit`, and the instructions it was given.
    backend_time: std::time::Duration,
    instructions: usize,
}

fn describe_const(c: &Constant, ids: &HashMap<usize, usize>) -> String {
    match c {
        Constant::Code(code) => format!("C{}", ids.get(&(Arc::as_ptr(code) as usize)).copied().unwrap_or(usize::MAX)),
        Constant::Tuple(items) => {
            format!("({})", items.iter().map(|c| describe_const(c, ids)).collect::<Vec<_>>().join(", "))
        }
        other => other.repr(),
    }
}

fn run() -> Outcome {
    // PYRT_BACKEND_CASES=path runs the comparison on another file the generator wrote (e.g. the
    // whole standard library with PYRT_ALL_STDLIB=1).
    let path = std::env::var("PYRT_BACKEND_CASES")
        .map(std::path::PathBuf::from)
        .unwrap_or_else(|_| common::data_dir().join(DATA_FILE));
    let text = std::fs::read_to_string(path).expect("read backend cases");
    let mut lines = text.lines().filter(|l| !l.starts_with('#')).peekable();
    let mut codes: HashMap<usize, Arc<CodeObject>> = HashMap::new();
    let mut ids: HashMap<usize, usize> = HashMap::new();
    let mut filename: Arc<str> = Arc::from("");
    let mut outcome =
        Outcome { compared: 0, failures: Vec::new(), backend_time: std::time::Duration::ZERO, instructions: 0 };
    while let Some(line) = lines.next() {
        if let Some(name) = line.strip_prefix("file ") {
            filename = Arc::from(name);
            continue;
        }
        let head: Vec<&str> = line.splitn(4, ' ').collect();
        assert_eq!(head[0], "unit", "unexpected line {line}");
        let id: usize = head[1].parse().unwrap();
        let name = head[3];
        if head[2] == "opaque" {
            let code = placeholder(name);
            ids.insert(Arc::as_ptr(&code) as usize, id);
            codes.insert(id, code);
            continue;
        }
        let qualname = lines.next().unwrap().strip_prefix("qualname ").unwrap().to_string();
        let firstlineno: i32 = lines.next().unwrap().strip_prefix("firstlineno ").unwrap().parse().unwrap();
        let flags: u32 = lines.next().unwrap().strip_prefix("flags ").unwrap().parse().unwrap();
        let args: Vec<u32> = words(lines.next().unwrap(), "args").iter().map(|w| w.parse().unwrap()).collect();
        let mut meta = UnitMetadata::new(name, &qualname, firstlineno);
        meta.flags = CodeFlags(flags);
        meta.argcount = args[0];
        meta.posonlyargcount = args[1];
        meta.kwonlyargcount = args[2];
        let nconsts: usize = lines.next().unwrap().strip_prefix("consts ").unwrap().parse().unwrap();
        let mut raw_consts = Vec::new();
        for _ in 0..nconsts {
            raw_consts.push(one_const(lines.next().unwrap(), &codes));
        }
        // The raw table may hold keys that CPython's dict kept apart but our merge would not;
        // push them without merging so indices stay CPython's.
        for c in &raw_consts {
            let index = meta.consts.add(c.clone());
            assert_eq!(index as usize, meta.consts.len() - 1, "{qualname}: constant {} merged", c.repr());
        }
        for n in name_list(lines.next().unwrap(), "names") {
            meta.names.add(&n);
        }
        for n in name_list(lines.next().unwrap(), "varnames") {
            meta.varnames.add(&n);
        }
        for n in name_list(lines.next().unwrap(), "cellvars") {
            meta.cellvars.add(&n);
        }
        for n in name_list(lines.next().unwrap(), "freevars") {
            meta.freevars.add(&n);
        }
        let ninstrs: usize = lines.next().unwrap().strip_prefix("instrs ").unwrap().parse().unwrap();
        let mut raw = Vec::new();
        let mut loc = Location::NO_LOCATION;
        for _ in 0..ninstrs {
            let w: Vec<&str> = lines.next().unwrap().split(' ').collect();
            let op = Opcode::from_number(w[0].parse().unwrap()).unwrap_or_else(|| panic!("opcode {}", w[0]));
            let arg: i64 = w[1].parse().unwrap();
            if w[2] != "=" {
                let n: Vec<i32> = w[2..].iter().map(|s| s.parse().unwrap()).collect();
                loc = Location::new(n[0], n[1], n[2], n[3]);
            }
            raw.push((op, arg, loc));
        }
        let mut seq = InstrSeq::new();
        let mut labels: HashMap<usize, Label> = HashMap::new();
        for &(op, arg, _) in &raw {
            if op.has_target() {
                labels.entry(arg as usize).or_insert_with(|| seq.new_label());
            }
        }
        for (i, &(op, arg, loc)) in raw.iter().enumerate() {
            if let Some(&l) = labels.get(&i) {
                seq.use_label(l);
            }
            if op.has_target() {
                seq.emit_jump(op, labels[&(arg as usize)], loc);
            } else {
                seq.emit(op, arg as u32, loc);
            }
        }
        if let Some(&l) = labels.get(&raw.len()) {
            seq.use_label(l);
        }
        let expect_code = hex(lines.next().unwrap().strip_prefix("expect_code ").unwrap());
        let nexpect: usize = lines.next().unwrap().strip_prefix("expect_consts ").unwrap().parse().unwrap();
        let mut expect_consts = Vec::new();
        for _ in 0..nexpect {
            let line = lines.next().unwrap();
            match line.strip_prefix("c r") {
                Some(k) => expect_consts.push(raw_consts[k.parse::<usize>().unwrap()].clone()),
                None => expect_consts.push(one_const(line, &codes)),
            }
        }
        let expect_names = name_list(lines.next().unwrap(), "expect_names");
        let expect_localsplus: Vec<String> = words(lines.next().unwrap(), "expect_localsplus")
            .iter()
            .map(|w| {
                let (name, kind) = w.rsplit_once(':').unwrap();
                format!("{}:{kind}", dec_name(name))
            })
            .collect();
        let expect_stacksize: u32 = lines.next().unwrap().strip_prefix("expect_stacksize ").unwrap().parse().unwrap();
        let expect_linetable = hex(lines.next().unwrap().strip_prefix("expect_linetable ").unwrap_or(""));
        let expect_exctable = hex(lines.next().unwrap().strip_prefix("expect_exceptiontable ").unwrap_or(""));
        assert_eq!(lines.next(), Some("end"));

        outcome.compared += 1;
        // PYRT_BACKEND_REPEAT=n assembles each unit n more times, for a steadier timing.
        let repeat: usize = std::env::var("PYRT_BACKEND_REPEAT").ok().and_then(|v| v.parse().ok()).unwrap_or(0);
        let copies: Vec<_> = (0..repeat).map(|_| (meta.clone(), seq.clone())).collect();
        let started = std::time::Instant::now();
        for (meta, seq) in copies {
            let _ = assemble_code_unit(meta, seq, filename.clone());
        }
        outcome.instructions += seq.len() * (repeat + 1);
        let assembled = assemble_code_unit(meta, seq, filename.clone());
        outcome.backend_time += started.elapsed();
        let code = match assembled {
            Ok(code) => code,
            Err(e) => {
                outcome.failures.push(format!("{filename} {qualname}: error {e}"));
                codes.insert(id, placeholder(name));
                continue;
            }
        };
        ids.insert(Arc::as_ptr(&code) as usize, id);
        let mut problems = Vec::new();
        if code.code_bytes() != expect_code {
            problems.push(format!("code\n  ours  {}\n  cpython {}", hexs(&code.code_bytes()), hexs(&expect_code)));
        }
        let ours: Vec<String> = code.consts.iter().map(|c| describe_const(c, &ids)).collect();
        let theirs: Vec<String> = expect_consts.iter().map(|c| describe_const(c, &ids)).collect();
        if ours != theirs {
            problems.push(format!("consts {ours:?} vs {theirs:?}"));
        }
        let names: Vec<String> = code.names.iter().map(|n| n.to_string()).collect();
        if names != expect_names {
            problems.push(format!("names {names:?} vs {expect_names:?}"));
        }
        let mask = LocalKind::LOCAL.0 | LocalKind::CELL.0 | LocalKind::FREE.0;
        let lp: Vec<String> = code
            .localsplus_names
            .iter()
            .zip(code.localsplus_kinds.iter())
            .map(|(n, k)| format!("{n}:{}", k.0 & mask))
            .collect();
        if lp != expect_localsplus {
            problems.push(format!("localsplus {lp:?} vs {expect_localsplus:?}"));
        }
        if code.stacksize != expect_stacksize {
            problems.push(format!("stacksize {} vs {expect_stacksize}", code.stacksize));
        }
        if *code.linetable != *expect_linetable {
            problems.push(format!(
                "linetable\n  ours  {}\n  cpython {}",
                hexs(&code.linetable),
                hexs(&expect_linetable)
            ));
        }
        if *code.exceptiontable != *expect_exctable {
            problems.push(format!(
                "exceptiontable\n  ours  {}\n  cpython {}",
                hexs(&code.exceptiontable),
                hexs(&expect_exctable)
            ));
        }
        if !problems.is_empty() {
            outcome.failures.push(format!("{filename} {qualname}: {}", problems.join("; ")));
        }
        codes.insert(id, code);
    }
    outcome
}

fn hexs(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

#[test]
fn backend_reproduces_cpython_code_objects() {
    let outcome = run();
    let failed = outcome.failures.len();
    eprintln!("backend differential: {} of {} code units identical", outcome.compared - failed, outcome.compared);
    eprintln!(
        "back end: {} instructions in {:.1} ms ({:.2} M instructions/s; debug builds are much slower)",
        outcome.instructions,
        outcome.backend_time.as_secs_f64() * 1e3,
        outcome.instructions as f64 / outcome.backend_time.as_secs_f64() / 1e6
    );
    // PYRT_BACKEND_FAILURES=path writes every difference there.
    if let Ok(path) = std::env::var("PYRT_BACKEND_FAILURES") {
        std::fs::write(path, outcome.failures.join("\n\n")).expect("write failures");
    }
    for f in outcome.failures.iter().take(5) {
        eprintln!("{f}\n");
    }
    assert!(outcome.compared > 1000, "only {} units compared", outcome.compared);
    assert_eq!(failed, 0, "{failed} code units differ from CPython 3.13");
}

#[test]
fn stored_cases_are_what_cpython_3_13_writes() {
    if let Some(fresh) = common::regenerate_with_cpython_3_13("gen_backend_cases.py", DATA_FILE) {
        let stored = std::fs::read_to_string(common::data_dir().join(DATA_FILE)).unwrap();
        assert!(fresh == stored, "tests/data/{DATA_FILE} is stale: rerun gen_backend_cases.py with CPython 3.13");
    }
}
