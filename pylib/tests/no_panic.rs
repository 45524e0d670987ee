//! Random inputs through every text-taking entry point: no input may panic.

use pyrt_pylib::bigint::BigInt;
use pyrt_pylib::str_format::{self, FieldOps};
use pyrt_pylib::{PyError, float, format_spec, int_text, unicode};

/// Every look-up succeeds with an int; values format as ints.
struct IntOps;

impl FieldOps for IntOps {
    type Value = i64;
    type Error = PyError;
    fn positional(&mut self, index: usize) -> Option<i64> {
        (index < 3).then_some(index as i64)
    }
    fn keyword(&mut self, name: &str) -> Result<i64, PyError> {
        Ok(name.len() as i64)
    }
    fn getattr(&mut self, v: &i64, _: &str) -> Result<i64, PyError> {
        Ok(*v)
    }
    fn getitem_index(&mut self, v: &i64, i: usize) -> Result<i64, PyError> {
        Ok(v + i as i64 % 5)
    }
    fn getitem_str(&mut self, v: &i64, _: &str) -> Result<i64, PyError> {
        Ok(*v)
    }
    fn convert(&mut self, v: &i64, _: char) -> Result<i64, PyError> {
        Ok(*v)
    }
    fn format_value(&mut self, v: &i64, spec: &str, out: &mut String) -> Result<(), PyError> {
        format_spec::format_int(v, spec, "int", out)
    }
}

struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        self.0 >> 33
    }

    fn text(&mut self) -> String {
        const ALPHABET: &[char] = &[
            '0', '1', '5', '9', '.', ',', '_', '#', '+', '-', ' ', '<', '>', '=', '^', 'z', 'x', 'X', 'e', 'E', 'f',
            'F', 'g', 'G', 'n', '%', 'b', 'o', 'c', 'd', 's', 'r', 'a', 'i', 'p', 'P', 'I', 'N', '*', '(', ')', 'j',
            '\0', '\n', '{', '}', '{', '}', '[', ']', '!', ':', '\u{a0}', '\u{3000}', '٣', '𝟗', 'Σ', 'ß', 'İ', '€',
            '😀', '\u{85}', '\u{2028}', '\u{345}',
        ];
        let len = (self.next() % 14) as usize;
        (0..len).map(|_| ALPHABET[(self.next() as usize) % ALPHABET.len()]).collect()
    }
}

#[test]
fn random_text_never_panics() {
    let mut rng = Lcg(2024);
    let floats = [0.0, -0.0, 1.5, -2.675, 1e300, 5e-324, f64::NAN, f64::INFINITY, 123456.789];
    let mut out = String::new();
    for round in 0..60_000 {
        let text = rng.text();
        let x = floats[round % floats.len()];
        out.clear();
        let _ = format_spec::format_float(x, &text, "float", &mut out);
        let _ = format_spec::format_complex(x, -x, &text, "complex", &mut out);
        let _ = format_spec::format_int(&(round as i64 - 30_000), &text, "int", &mut out);
        let _ = format_spec::format_int(&(BigInt::from(7).pow(round as u32 % 90)), &text, "int", &mut out);
        let _ = format_spec::format_str(&text, &text, "str", &mut out);
        let _ = str_format::format(&text, &mut IntOps, &mut out);
        let _ = str_format::format_map(&text, &mut IntOps, &mut out);
        let _ = float::parse(&text);
        let _ = pyrt_pylib::complex::parse(&text);
        let _ = float::from_hex(&text);
        let _ = int_text::parse_int(&text, (round % 40) as i64 - 2, 4300);
        unicode::lower(&text, &mut out);
        unicode::title(&text, &mut out);
        let _ = unicode::split_whitespace(&text, (round % 4) as isize - 1);
        let _ = unicode::rsplit_whitespace(&text, (round % 4) as isize - 1);
        let _ = unicode::splitlines(&text, round % 2 == 0).count();
        if out.len() > 1 << 20 {
            out = String::new();
        }
    }
}
