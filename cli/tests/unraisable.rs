//! Errors nobody can catch — in `__del__`, in a weak-reference callback, in a finalizer that
//! runs at exit — print as CPython 3.13's default `sys.unraisablehook` prints them. The
//! messages name functions by address, so the differential corpus cannot hold them; this test
//! compares with addresses masked. The expected text is what `python3.13` printed for the same
//! script (at exit, CPython's tracebacks show no source lines).

use std::process::Command;

const SCRIPT: &str = "\
import _weakref


class C:
    def __del__(self):
        1 / 0


class D:
    pass


def callback(ref):
    raise ValueError(\"in callback\")


c = C()
del c
d = D()
r = _weakref.ref(d, callback)
del d
print(\"still running\")
at_exit = C()
";

const EXPECTED: &str = "\
Exception ignored in: <function C.__del__ at 0xADDR>
Traceback (most recent call last):
  File \"$SCRIPT\", line 6, in __del__
    1 / 0
ZeroDivisionError: division by zero
Exception ignored in: <function callback at 0xADDR>
Traceback (most recent call last):
  File \"$SCRIPT\", line 14, in callback
    raise ValueError(\"in callback\")
ValueError: in callback
Exception ignored in: <function C.__del__ at 0xADDR>
Traceback (most recent call last):
  File \"$SCRIPT\", line 6, in __del__
ZeroDivisionError: division by zero
";

/// Replaces every `0x<hex>` with `0xADDR`.
fn mask_addresses(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find("0x") {
        out.push_str(&rest[..at]);
        out.push_str("0xADDR");
        rest = rest[at + 2..].trim_start_matches(|c: char| c.is_ascii_hexdigit());
    }
    out.push_str(rest);
    out
}

#[test]
fn unraisable_errors_print_as_cpythons_default_hook() {
    let dir = std::env::temp_dir().join(format!("pyrt_unraisable_{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let script = dir.join("unraisable.py");
    std::fs::write(&script, SCRIPT).unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_pyrt")).arg(&script).output().expect("pyrt runs");
    std::fs::remove_dir_all(&dir).unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(String::from_utf8_lossy(&out.stdout), "still running\n");
    let expected = EXPECTED.replace("$SCRIPT", &script.display().to_string());
    assert_eq!(mask_addresses(&String::from_utf8_lossy(&out.stderr)), expected);
}
