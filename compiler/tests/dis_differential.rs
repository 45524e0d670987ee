//! The disassembler and the table decoders against CPython 3.13.
//!
//! `tests/data/dis_cases_3_13.txt` (from `gen_dis_cases.py`) holds code objects CPython 3.13
//! compiled, field by field, with their `co_positions()`, their decoded exception table and the
//! text `dis.dis` printed for each module. The code objects are rebuilt as pyrt `CodeObject`s; then
//! `positions()` and `exception_entries()` must equal CPython's decoding, and
//! `dis::disassemble` must print CPython's text, line for line (code-object addresses aside).

mod common;
mod data_format;

use std::collections::HashMap;
use std::sync::Arc;

use data_format::{dec_name, hex, parse_const};
use pyrt_compile::dis::disassemble;
use pyrt_compile::{CodeFlags, CodeObject, LocalKind};

const DATA_FILE: &str = "dis_cases_3_13.txt";

fn field<'a>(line: Option<&'a str>, key: &str) -> &'a str {
    let line = line.expect("truncated data");
    line.strip_prefix(key)
        .and_then(|r| r.strip_prefix(' ').or(Some(r)))
        .unwrap_or_else(|| panic!("expected {key}: {line}"))
}

/// Replaces every `at 0x<hex>` by `at 0x?`, as the generator did to CPython's text.
fn normalize_addresses(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(i) = rest.find(" at 0x") {
        out.push_str(&rest[..i + 6]);
        let after = &rest[i + 6..];
        let digits = after.len() - after.trim_start_matches(|c: char| matches!(c, '0'..='9' | 'a'..='f')).len();
        if digits > 0 {
            out.push('?');
        }
        rest = &after[digits..];
    }
    out.push_str(rest);
    out
}

#[test]
fn decoders_and_disassembly_match_cpython() {
    // PYRT_DIS_CASES=path checks another file the generator wrote (e.g. the whole standard library
    // with PYRT_ALL_STDLIB=1).
    let path = std::env::var("PYRT_DIS_CASES")
        .map(std::path::PathBuf::from)
        .unwrap_or_else(|_| common::data_dir().join(DATA_FILE));
    let text = std::fs::read_to_string(path).expect("read dis cases");
    let mut lines = text.lines().filter(|l| !l.starts_with('#'));
    let mut codes: HashMap<usize, Arc<CodeObject>> = HashMap::new();
    let mut last: Option<Arc<CodeObject>> = None;
    let mut filename: Arc<str> = Arc::from("");
    let (mut modules, mut units, mut dis_lines) = (0, 0, 0);
    while let Some(line) = lines.next() {
        if let Some(name) = line.strip_prefix("file ") {
            filename = Arc::from(name);
            codes.clear();
            continue;
        }
        if let Some(n) = line.strip_prefix("dis ") {
            let n: usize = n.parse().unwrap();
            let expected: Vec<&str> = (0..n).map(|_| lines.next().unwrap().strip_prefix("| ").unwrap_or("")).collect();
            let module = last.clone().expect("a code object before its disassembly");
            let ours = normalize_addresses(&disassemble(&module));
            let ours: Vec<&str> = ours.lines().collect();
            for (i, (a, b)) in ours.iter().zip(&expected).enumerate() {
                assert_eq!(a, b, "{filename}: dis line {} differs", i + 1);
            }
            assert_eq!(ours.len(), expected.len(), "{filename}: number of dis lines");
            modules += 1;
            dis_lines += n;
            continue;
        }
        let head: Vec<&str> = line.splitn(3, ' ').collect();
        assert_eq!(head[0], "code", "unexpected line {line}");
        let id: usize = head[1].parse().unwrap();
        let name = head[2];
        let qualname = field(lines.next(), "qualname");
        let firstlineno: i32 = field(lines.next(), "firstlineno").parse().unwrap();
        let flags: u32 = field(lines.next(), "flags").parse().unwrap();
        let args: Vec<u32> = field(lines.next(), "args").split(' ').map(|w| w.parse().unwrap()).collect();
        let stacksize: u32 = field(lines.next(), "stacksize").parse().unwrap();
        let bytecode = hex(field(lines.next(), "bytecode"));
        let nconsts: usize = field(lines.next(), "consts").parse().unwrap();
        let mut consts = Vec::new();
        for _ in 0..nconsts {
            let tokens: Vec<&str> = field(lines.next(), "c").split(' ').collect();
            let mut pos = 0;
            consts.push(parse_const(&tokens, &mut pos, &codes));
        }
        let names: Vec<Arc<str>> =
            field(lines.next(), "names").split(' ').filter(|w| !w.is_empty()).map(|w| Arc::from(dec_name(w))).collect();
        let mut lp_names = Vec::new();
        let mut lp_kinds = Vec::new();
        for entry in field(lines.next(), "localsplus").split(' ').filter(|w| !w.is_empty()) {
            let (n, k) = entry.rsplit_once(':').unwrap();
            lp_names.push(Arc::from(dec_name(n)));
            lp_kinds.push(LocalKind(k.parse().unwrap()));
        }
        let linetable = hex(field(lines.next(), "linetable"));
        let exceptiontable = hex(field(lines.next(), "exceptiontable"));
        let code = Arc::new(CodeObject {
            argcount: args[0],
            posonlyargcount: args[1],
            kwonlyargcount: args[2],
            stacksize,
            flags: CodeFlags(flags),
            firstlineno,
            code: bytecode.chunks(2).map(|p| u16::from_le_bytes([p[0], p[1]])).collect(),
            consts: consts.into(),
            names: names.into(),
            localsplus_names: lp_names.into(),
            localsplus_kinds: lp_kinds.into(),
            filename: filename.clone(),
            name: Arc::from(name),
            qualname: Arc::from(qualname),
            linetable: linetable.into(),
            exceptiontable: exceptiontable.into(),
        });
        assert_eq!(code.code_bytes(), bytecode_bytes(&code), "code units round-trip");

        let expected_positions: Vec<String> =
            field(lines.next(), "positions").split(' ').filter(|w| !w.is_empty()).map(str::to_string).collect();
        let ours_positions: Vec<String> = code
            .positions()
            .iter()
            .map(|l| {
                let (a, b, c, d) = l.as_positions();
                let f = |v: Option<i32>| v.map_or("-".to_string(), |v| v.to_string());
                format!("{},{},{},{}", f(a), f(b), f(c), f(d))
            })
            .collect();
        assert_eq!(ours_positions, expected_positions, "{filename} {qualname}: co_positions()");

        let expected_entries: Vec<String> =
            field(lines.next(), "exceptions").split(' ').filter(|w| !w.is_empty()).map(str::to_string).collect();
        let ours_entries: Vec<String> = code
            .exception_entries()
            .unwrap()
            .iter()
            .map(|e| format!("{},{},{},{},{}", 2 * e.start, 2 * e.end, 2 * e.target, e.depth, e.lasti as u8))
            .collect();
        assert_eq!(ours_entries, expected_entries, "{filename} {qualname}: exception table");
        units += 1;
        codes.insert(id, code.clone());
        last = Some(code);
    }
    eprintln!("dis differential: {modules} modules, {units} code objects, {dis_lines} lines of dis output identical");
    assert!(units > 100 && modules >= 4);
}

fn bytecode_bytes(code: &CodeObject) -> Vec<u8> {
    code.code.iter().flat_map(|u| [(u & 0xFF) as u8, (u >> 8) as u8]).collect()
}

#[test]
fn stored_dis_cases_are_what_cpython_3_13_writes() {
    if let Some(fresh) = common::regenerate_with_cpython_3_13("gen_dis_cases.py", DATA_FILE) {
        let stored = std::fs::read_to_string(common::data_dir().join(DATA_FILE)).unwrap();
        assert!(fresh == stored, "tests/data/{DATA_FILE} is stale: rerun gen_dis_cases.py with CPython 3.13");
    }
}
