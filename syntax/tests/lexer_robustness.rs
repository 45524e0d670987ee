//! The lexer never panics, never loops, and keeps its ranges sane, whatever the input.
//!
//! A small property test without a fuzzing crate: random byte strings, and random mutations
//! (insertions of the characters the tokenizer cares about, deletions, duplications) of Python
//! snippets and of a few standard-library modules when they are installed. For each input the
//! lexer must stop (an error or `EndOfFile`) within a bounded number of tokens, and every token
//! must lie inside the source, on character boundaries, in order.

use pyrt_syntax::TokenKind;
use pyrt_syntax::lexer::Lexer;

/// xorshift64*: deterministic and good enough to pick mutations.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

const INTERESTING: &[&str] = &[
    "'",
    "\"",
    "'''",
    "\"\"\"",
    "f'",
    "f\"",
    "rf'",
    "b'",
    "{",
    "}",
    "{{",
    "}}",
    "(",
    ")",
    "[",
    "]",
    ":",
    "!",
    "=",
    "\\",
    "\n",
    "\r",
    "\r\n",
    "\t",
    " ",
    "    ",
    "\x0c",
    "#",
    "0",
    "1_",
    "0x",
    "0o",
    "0b",
    "e",
    "j",
    ".",
    "_",
    "é",
    "€",
    "\u{a0}",
    "\u{2028}",
    "if ",
    "else",
    "in",
    "\0",
    "$",
    "?",
    "`",
    "\x01",
    "N{",
    "\\N{BULLET}",
    "!r",
    ":>10",
];

const SEEDS: &[&str] = &[
    "def f(a, b=1, *c, **d):\n    if a:\n        return f'{a!r:>{b}} {{x}}'\n    return [x for x in c]\n",
    "class C:\n\tdef m(self):\n\t\tx = 0x_ff + 0o17 + 1_000.5e-3j\n\t\treturn x\n",
    "s = '''multi\nline''' + \"a\\\"b\" + rb'\\d'\nt = f\"\"\"{\n  x  # c\n}\"\"\"\n",
    "x = (1,\n     2)  # comment\ny = [\n]\nz = {a: b for a, b in c}\n",
    "match p:\n    case {'k': [1, *r]} if r:\n        pass\n",
    "f'{f\"{f'{x}'}\"}' f'{x:{y:{z}}}' f'\\{x}' f'{x=!s:^{w}.{p}f}'\n",
];

fn check(source: &str) {
    let mut lexer = Lexer::new(source);
    let limit = 4 * source.len() + 64;
    let mut last_start = 0;
    for _ in 0..limit {
        match lexer.next_token() {
            Err(e) => {
                assert!(!e.msg.is_empty());
                // The error stays.
                assert_eq!(lexer.next_token(), Err(e));
                return;
            }
            Ok(token) => {
                let r = token.range;
                assert!(r.start <= r.end && r.end as usize <= source.len(), "{r:?} out of {source:?}");
                assert!(source.is_char_boundary(r.start as usize) && source.is_char_boundary(r.end as usize));
                assert!(r.start >= last_start, "tokens out of order in {source:?}");
                last_start = r.start;
                if token.kind == TokenKind::EndOfFile {
                    assert_eq!(lexer.next_token().map(|t| t.kind), Ok(TokenKind::EndOfFile));
                    return;
                }
            }
        }
    }
    panic!("no end after {limit} tokens: {source:?}");
}

fn mutate(rng: &mut Rng, seed: &str) -> String {
    let mut s = seed.to_string();
    for _ in 0..1 + rng.below(4) {
        let mut at = rng.below(s.len() + 1);
        while !s.is_char_boundary(at) {
            at -= 1;
        }
        match rng.below(3) {
            0 => s.insert_str(at, INTERESTING[rng.below(INTERESTING.len())]),
            1 => {
                let mut end = (at + 1 + rng.below(8)).min(s.len());
                while !s.is_char_boundary(end) {
                    end += 1;
                }
                s.replace_range(at..end, "");
            }
            _ => {
                let mut end = (at + rng.below(16)).min(s.len());
                while !s.is_char_boundary(end) {
                    end += 1;
                }
                let piece = s[at..end].to_string();
                s.insert_str(at, &piece);
            }
        }
    }
    s
}

#[test]
fn random_bytes_never_panic() {
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    for _ in 0..20_000 {
        let len = rng.below(64);
        let bytes: Vec<u8> = (0..len)
            .map(|_| match rng.below(4) {
                0 => rng.below(256) as u8,
                _ => {
                    let alphabet = b" \t\n\r(){}[]'\"\\#:!=.0123456789abefjorxFRB_\x0c";
                    alphabet[rng.below(alphabet.len())]
                }
            })
            .collect();
        check(&String::from_utf8_lossy(&bytes));
    }
}

#[test]
fn mutated_python_never_panics() {
    let mut rng = Rng(0x1234_5678_9abc_def1);
    let mut seeds: Vec<String> = SEEDS.iter().map(|s| s.to_string()).collect();
    for module in ["tokenize.py", "string.py", "textwrap.py"] {
        if let Ok(text) = std::fs::read_to_string(format!("/root/.pyenv/versions/3.13.0/lib/python3.13/{module}")) {
            // A slice of the module keeps each run quick.
            let mut end = text.len().min(6000);
            while !text.is_char_boundary(end) {
                end -= 1;
            }
            seeds.push(text[..end].to_string());
        }
    }
    for seed in &seeds {
        check(seed);
        for _ in 0..1500 {
            check(&mutate(&mut rng, seed));
        }
    }
}

#[test]
fn deep_nesting_is_an_error_not_a_crash() {
    check(&"(".repeat(100_000));
    check(&"[{(".repeat(1000));
    check(&"f'{".repeat(1000));
    check(&"f'{x:{".repeat(200));
    check(&" ".repeat(10_000));
    let deep: String = (0..150).map(|i| format!("{}if x:\n", " ".repeat(i))).collect();
    check(&deep);
}

#[test]
fn decoding_random_bytes_never_panics() {
    let mut rng = Rng(0x0bad_c0de_dead_beef);
    let heads: &[&[u8]] =
        &[b"", b"\xef\xbb\xbf", b"# coding: latin-1\n", b"# coding: cp1252\n", b"#\n# coding=koi8-r\n"];
    for _ in 0..5000 {
        let mut bytes = heads[rng.below(heads.len())].to_vec();
        for _ in 0..rng.below(48) {
            bytes.push(match rng.below(3) {
                0 => rng.below(256) as u8,
                1 => b"'\"\\#\n xb=1"[rng.below(10)],
                _ => 0x80 + rng.below(0x80) as u8,
            });
        }
        if let Ok(text) = pyrt_syntax::decode_source(&bytes) {
            check(&text);
        }
    }
}
