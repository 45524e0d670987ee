//! Several host threads run Python in one free-threaded interpreter at once, all mutating the
//! same list, dict and `sys.modules`: nothing is lost, nothing crashes, and the final contents are
//! exact (the run API's language lock serialises Python code per interpreter for now; see
//! `pyrt::run`).

use pyrt::{Interpreter, InterpreterConfig, Runtime};

const WORKER: &[u8] = b"
import sys
shared = sys.__dict__.setdefault('shared_list', [])
table = sys.__dict__.setdefault('shared_dict', {})
for i in range(3000):
    shared.append(i)
    table[i % 100] = table.get(i % 100, 0) + 1
sys.modules['worker_done_' + str(len(shared))] = None
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
assert sys.shared_dict == {k: 120 for k in range(100)}, sys.shared_dict
assert len([m for m in sys.modules if m.startswith('worker_done_')]) == 4
";
    interp.attach(|py| pyrt::run::exec(py, check, "<check>")).unwrap().unwrap();
    interp.destroy().unwrap();
}
