//! The parser never panics and never overflows the stack, whatever the input: real modules cut
//! at many points and with bytes deleted or swapped, on a small thread stack. Each input must
//! either parse or give a `SyntaxError` whose line exists in the source (and both passes of the
//! parser run on broken input, so the diagnostic rules are exercised too). Uses CPython 3.13's
//! standard library when it is installed and a built-in sample otherwise.

use pyrt_syntax::{Mode, ast, parse};

const SAMPLE: &str = r#"
import os, sys as s
from . import a
@dec(1)
class C(B, metaclass=M):
    x: int = 0
    async def g(self, a, /, b=1, *args, c, **kw) -> None:
        '''doc'''
        await z
        return [i async for i in y if i], {k: v for k, v in d.items()}, (x for x in y)
match p:
    case [1, *rest] | {"k": v, **kw} if v: pass
    case Point(x=0, y=_) as pt: pass
try:
    pass
except* (A, B) as e:
    raise X from e
type T[X: int = str, *Ys, **P] = list[X]
print(f"{x!r:>{w}} {y=} {{}}", b'\x00', 'a' 'b', 1e100, lambda a, *, b=1: (yield))
with (open(x) as f, g()):
    del a, b[0]
"#;

fn sources() -> Vec<String> {
    let root = std::path::Path::new("/root/.pyenv/versions/3.13.0/lib/python3.13");
    let names = ["ast.py", "dataclasses.py", "typing.py", "enum.py", "functools.py", "inspect.py", "textwrap.py"];
    let mut out: Vec<String> = names.iter().filter_map(|n| std::fs::read_to_string(root.join(n)).ok()).collect();
    if out.is_empty() {
        println!("notice: CPython 3.13's stdlib not found; robustness runs on the built-in sample only");
    }
    out.push(SAMPLE.to_string());
    out
}

/// A small deterministic generator (no dependency needed for a test's randomness).
struct Lcg(u64);

impl Lcg {
    fn next(&mut self, bound: usize) -> usize {
        self.0 = self.0.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        ((self.0 >> 33) as usize) % bound.max(1)
    }
}

fn check(src: &str) {
    let arena = bumpalo::Bump::new();
    match parse(src, Mode::Module, &arena) {
        Ok(tree) => {
            let _ = ast::dump(&tree);
        }
        Err(e) => {
            let lines = src.split('\n').count() as i32 + 1;
            assert!(e.lineno <= lines, "error line {} past the end ({lines} lines): {}", e.lineno, e.msg);
            assert!(!e.msg.is_empty());
        }
    }
}

fn floor_char_boundary(s: &str, mut i: usize) -> usize {
    while i > 0 && !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// Random sequences of Python tokens: mostly invalid, they drive the second (diagnostic) pass
/// through every `invalid_*` rule.
#[test]
fn token_soup_never_panics() {
    const WORDS: &[&str] = &[
        "x", "f", "print", "match", "case", "type", "_", "1", "2.5", "3j", "'s'", "b'b'", "f'{x}'", "f'{", "}'", "(",
        ")", "[", "]", "{", "}", ",", ":", ";", ".", "=", "==", ":=", "+", "-", "*", "**", "/", "|", "&", "~", "<",
        "->", "@", "not", "and", "or", "in", "is", "if", "else", "elif", "for", "while", "def", "class", "return",
        "yield", "from", "import", "as", "with", "try", "except", "except*", "finally", "lambda", "await", "async",
        "del", "global", "pass", "raise", "assert", "None", "True", "\n", "\n    ", "\n  ", "!r", "...",
    ];
    let handle = std::thread::Builder::new()
        .stack_size(512 * 1024)
        .spawn(|| {
            let mut rng = Lcg(0xc0ffee);
            for _ in 0..3000 {
                let n = 1 + rng.next(14);
                let mut src = String::new();
                for _ in 0..n {
                    src.push_str(WORDS[rng.next(WORDS.len())]);
                    src.push(' ');
                }
                check(&src);
            }
        })
        .expect("spawn");
    handle.join().expect("the parser panicked or overflowed");
}

#[test]
fn broken_sources_never_panic() {
    let handle = std::thread::Builder::new()
        .stack_size(512 * 1024)
        .spawn(|| {
            let mut rng = Lcg(0x5eed);
            let mut runs = 0;
            for src in sources() {
                // Truncations.
                let step = (src.len() / 25).max(1);
                for cut in (0..src.len()).step_by(step) {
                    check(&src[..floor_char_boundary(&src, cut)]);
                    runs += 1;
                }
                // Deletions and swaps of short spans.
                for _ in 0..25 {
                    let mut bytes = src.clone().into_bytes();
                    let at = rng.next(bytes.len());
                    let len = 1 + rng.next(6);
                    let end = (at + len).min(bytes.len());
                    if rng.next(2) == 0 {
                        bytes.drain(at..end);
                    } else {
                        let other = rng.next(bytes.len());
                        bytes.swap(at, other);
                    }
                    if let Ok(s) = String::from_utf8(bytes) {
                        check(&s);
                        runs += 1;
                    }
                }
            }
            runs
        })
        .expect("spawn");
    let runs = handle.join().expect("the parser panicked or overflowed");
    assert!(runs > 50, "only {runs} inputs");
}
