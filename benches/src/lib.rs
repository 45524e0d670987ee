//! Benchmarks live in benches/; this library holds what several of them share.

use pyrt::Python;
use pyrt::alloc::size_class::{CLASS_SIZES, class_of};

/// How many size classes [`objects_in_8_classes`] touches.
pub const CLASSES_TOUCHED: usize = 8;

/// Allocates one `str` in each of the 8 smallest size classes a `str` can take and leaves them
/// alive (leaked): the objects an interpreter with builtins holds when it sits idle or is
/// destroyed. Returns the classes touched.
pub fn objects_in_8_classes(py: Python<'_>) -> [usize; CLASSES_TOUCHED] {
    let header = pyrt::object::ascii_str_size(0);
    let mut touched = [0; CLASSES_TOUCHED];
    let sizes = CLASS_SIZES.iter().filter(|&&s| s >= header).take(CLASSES_TOUCHED);
    for (slot, &size) in touched.iter_mut().zip(sizes) {
        let text = "x".repeat(size - header);
        let obj = pyrt::object::new_str(py, &text).expect("a small str");
        *slot = class_of(pyrt::object::ascii_str_size(text.len()));
        // Alive until the interpreter goes: its arena releases it in bulk.
        std::mem::forget(obj);
    }
    touched
}

/// Makes an interpreter ready as `pyrt -c pass` leaves it: `sys` configured (`sys.argv`,
/// `sys.path[0]`, which makes the `sys` module), then `pass` run as `__main__` (which makes the
/// `builtins` dict and module, `sys.modules` and `__main__`).
pub fn make_ready(py: Python<'_>) {
    pyrt::run::configure_main(py, &["-c".to_string()], Some(""), false).expect("sys configured");
    pyrt::run::exec(py, b"pass", "<string>").expect("`pass` runs");
}

#[cfg(test)]
mod tests {
    use super::*;
    use pyrt::{Interpreter, InterpreterConfig, Runtime};

    #[test]
    fn touches_eight_distinct_classes() {
        Runtime::initialize();
        let i = Interpreter::new(InterpreterConfig::isolated()).unwrap();
        let touched = i.attach(|py| objects_in_8_classes(py)).unwrap();
        let mut distinct = touched.to_vec();
        distinct.dedup();
        assert_eq!(distinct.len(), CLASSES_TOUCHED, "{touched:?}");
        let live = i.arena_stats().live_per_class.iter().filter(|(_, n)| *n > 0).count();
        assert_eq!(live, CLASSES_TOUCHED);
        i.destroy().unwrap();
    }

    #[test]
    fn make_ready_leaves_builtins_sys_and_main() {
        Runtime::initialize();
        let i = Interpreter::new(InterpreterConfig::isolated()).unwrap();
        let before = i.arena_stats().live_bytes;
        i.attach(|py| {
            make_ready(py);
            // Everything `make_ready` promises is there: a program using it runs.
            pyrt::run::exec(py, b"import sys\nassert sys.argv == ['-c'] and sys.path[0] == ''\nlen('x')", "<string>")
                .unwrap();
        })
        .unwrap();
        assert!(i.arena_stats().live_bytes > before);
        i.destroy().unwrap();
    }
}
