//! Creates, readies and destroys interpreters in a loop, outside criterion, so that the cost
//! of one cycle can be counted in instructions (`valgrind --tool=callgrind`, deterministic on a
//! shared machine) as well as timed:
//!
//! ```text
//! cargo build --release -p pyrt-benches --bin interp_cycle
//! valgrind --tool=callgrind target/release/interp_cycle 1000   # then subtract a run of 0
//! target/release/interp_cycle 20000                            # wall clock per cycle
//! ```
//!
//! One cycle is `interp/create_ready_destroy_own` of `benches/runtime_core.rs`: an isolated
//! interpreter made ready as `pyrt -c pass` leaves it (`pyrt_benches::make_ready`), then
//! destroyed.

use std::time::Instant;

use pyrt::{Interpreter, InterpreterConfig, Runtime};

fn main() {
    let cycles: u32 = match std::env::args().nth(1).map(|a| a.parse()) {
        None => 1000,
        Some(Ok(n)) => n,
        Some(Err(_)) => {
            eprintln!("usage: interp_cycle [CYCLES]");
            std::process::exit(2);
        }
    };
    Runtime::initialize();
    let start = Instant::now();
    for _ in 0..cycles {
        let i = Interpreter::new(InterpreterConfig::isolated()).expect("an interpreter");
        i.attach(pyrt_benches::make_ready).expect("attached");
        i.destroy().expect("destroyed");
    }
    let took = start.elapsed();
    if cycles > 0 {
        println!(
            "{cycles} cycles, {:.2} µs per create + ready + destroy",
            took.as_secs_f64() * 1e6 / f64::from(cycles)
        );
    }
}
