//! Several host threads run Python in one free-threaded interpreter at once, all mutating the
//! same list and dict: nothing is lost, nothing crashes, and the final contents are exact. Only
//! operations that are atomic in CPython are used (`append`, `setdefault`): threads take turns at
//! eval-breaker checks, as under a GIL, so a read-modify-write spread over several instructions
//! (`d[k] = d.get(k, 0) + 1`) may lose updates here exactly as it may in CPython.

use pyrt::{Interpreter, InterpreterConfig, Runtime};

const WORKER: &[u8] = b"
import sys
shared = sys.__dict__.setdefault('shared_list', [])
table = sys.__dict__.setdefault('shared_dict', {})
for i in range(3000):
    shared.append(i)
    table.setdefault(i % 100, []).append(i)
";

#[test]
fn threads_hammering_one_list_and_one_dict_lose_nothing() {
    Runtime::initialize();
    let interp = Interpreter::new(InterpreterConfig::free_threaded()).unwrap();
    const THREADS: usize = 4;
    std::thread::scope(|s| {
        for _ in 0..THREADS {
            s.spawn(|| interp.attach(|py| pyrt::run::exec(py, WORKER, "<worker>")).unwrap().unwrap());
        }
    });
    let check = b"
import sys
assert len(sys.shared_list) == 4 * 3000, len(sys.shared_list)
assert sorted(sys.shared_list) == sorted(list(range(3000)) * 4)
assert sorted(sys.shared_dict) == list(range(100))
assert all(len(v) == 4 * 30 for v in sys.shared_dict.values())
";
    interp.attach(|py| pyrt::run::exec(py, check, "<check>")).unwrap().unwrap();
    interp.destroy().unwrap();
}
