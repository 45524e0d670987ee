//! Random inputs through every text-taking entry point: no input may panic.

use pyrt_pylib::bigint::BigInt;
use pyrt_pylib::{float, format_spec, int_text, unicode};

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
            '\0', '\n', '\u{a0}', '\u{3000}', '٣', '𝟗', 'Σ', 'ß', 'İ', '€', '😀', '\u{85}', '\u{2028}', '\u{345}',
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
        let _ = float::parse(&text);
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
