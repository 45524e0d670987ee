//! `pyrt` — the command-line front end.
//!
//! `pyrt demo` starts N interpreters with their own lock on N threads and shows that they run in
//! parallel, next to the same work under one shared lock, in one free-threaded interpreter, and on
//! plain threads (the machine's own limit).
//! `pyrt ast FILE` prints a file's AST as CPython 3.13's `ast.dump` does ([`ast_command`]).
//! `pyrt dis FILE` prints its bytecode as `python3.13 -m dis FILE` does ([`dis_command`]).
//! `pyrt FILE [ARGS]` and `pyrt -c CODE` run Python as `python` does ([`run_command`]).

mod ast_command;
mod dis_command;
mod run_command;

use std::hint::black_box;
use std::process::ExitCode;
use std::sync::{Arc, Barrier};
use std::time::{Duration, Instant};

use clap::{Parser, Subcommand, ValueEnum};
use pyrt::{Interpreter, InterpreterConfig, LockKind, Runtime};

#[derive(Parser)]
#[command(name = "pyrt", version, about = "An embeddable runtime with CPython's execution model on every core")]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Subcommand)]
enum Command {
    /// Run N interpreters on N threads and report how they scale (the default command).
    Demo(DemoArgs),
    /// Print FILE's AST as CPython 3.13's `ast.dump(ast.parse(source))` prints it.
    Ast {
        /// A Python source file.
        file: std::path::PathBuf,
    },
    /// Print FILE's bytecode as CPython 3.13's `python3 -m dis FILE` prints it.
    Dis {
        /// A Python source file.
        file: std::path::PathBuf,
    },
}

#[derive(clap::Args, Clone)]
struct DemoArgs {
    /// Number of threads (and interpreters); defaults to the number of cores.
    #[arg(short = 'n', long)]
    threads: Option<usize>,
    /// Loop iterations per thread ("bytecodes"), each one `acc += i * i % 7`.
    #[arg(short, long, default_value_t = 60_000_000)]
    work: u64,
    /// Which setups to run.
    #[arg(short, long, value_enum, value_delimiter = ',', default_values_t = [Setup::Raw, Setup::Own, Setup::Shared, Setup::Free])]
    setups: Vec<Setup>,
    /// Repetitions; the median is reported.
    #[arg(short, long, default_value_t = 3)]
    repeat: usize,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum, Debug)]
enum Setup {
    /// Plain OS threads, no runtime: the machine's own scaling limit.
    Raw,
    /// One interpreter per thread, each with its own lock (PEP 684).
    Own,
    /// One interpreter per thread, all using the main interpreter's lock.
    Shared,
    /// One free-threaded interpreter (PEP 703) shared by all threads.
    Free,
}

/// The unit of work: CPython's scaling benchmark loop (`sum(i * i % 7 for i in range(n))`), with
/// an eval-breaker check every 256 iterations as the eval loop's backward jumps would do.
fn work_unit(n: u64, py: Option<pyrt::Python<'_>>) -> u64 {
    let mut acc = 0u64;
    let mut i = 0u64;
    while i < n {
        acc = acc.wrapping_add(black_box(i) * i % 7);
        i += 1;
        if i % 256 == 0 {
            if let Some(py) = py {
                py.check_eval_breaker().expect("no exception is expected in the demo");
            }
        }
    }
    acc
}

fn run_threads(setup: Setup, threads: usize, work: u64) -> Duration {
    let interps: Vec<Option<Interpreter>> = (0..threads)
        .map(|i| match setup {
            Setup::Raw => None,
            Setup::Own => Some(Interpreter::new(InterpreterConfig::isolated()).unwrap()),
            Setup::Shared => Some(Interpreter::new(InterpreterConfig::legacy()).unwrap()),
            Setup::Free if i == 0 => Some(Interpreter::new(InterpreterConfig::free_threaded()).unwrap()),
            Setup::Free => None,
        })
        .collect();
    let free = interps[0].clone();
    let start_line = Arc::new(Barrier::new(threads + 1));
    let handles: Vec<_> = interps
        .iter()
        .cloned()
        .map(|interp| {
            let interp = if setup == Setup::Free { free.clone() } else { interp };
            let start_line = start_line.clone();
            std::thread::spawn(move || {
                start_line.wait();
                match &interp {
                    None => black_box(work_unit(work, None)),
                    Some(i) => i.attach(|py| black_box(work_unit(work, Some(py)))).unwrap(),
                };
            })
        })
        .collect();
    start_line.wait();
    let start = Instant::now();
    for h in handles {
        h.join().unwrap();
    }
    let elapsed = start.elapsed();
    let mut seen = Vec::new();
    for i in interps.into_iter().flatten() {
        if !seen.contains(&i) {
            seen.push(i);
        }
    }
    for i in seen {
        i.destroy().unwrap();
    }
    elapsed
}

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
}

/// Smallest `--work` whose timings mean something (thread start-up is tens of microseconds).
const MIN_WORK: u64 = 100_000;

fn demo(args: DemoArgs) -> ExitCode {
    let threads = args.threads.unwrap_or_else(|| std::thread::available_parallelism().map_or(2, |n| n.get()));
    if threads == 0 || args.repeat == 0 {
        eprintln!("pyrt demo: --threads and --repeat must be at least 1");
        return ExitCode::from(2);
    }
    if args.work < MIN_WORK {
        eprintln!("pyrt demo: --work must be at least {MIN_WORK} iterations to time anything");
        return ExitCode::from(2);
    }
    Runtime::initialize();
    let result = demo_table(&args, threads);
    // SAFETY: no token, guard or object handle is alive at this point.
    unsafe { Runtime::finalize() };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        // A closed pipe (`pyrt demo | head`) is not an error worth a message.
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("pyrt demo: {e}");
            ExitCode::FAILURE
        }
    }
}

fn demo_table(args: &DemoArgs, threads: usize) -> std::io::Result<()> {
    use std::io::Write;
    let mut out = std::io::stdout().lock();
    writeln!(out, "pyrt demo: {threads} threads, {} iterations each, median of {}", args.work, args.repeat)?;
    writeln!(out, "{:<8} {:>12} {:>12} {:>10} {:>10}", "setup", "1 thread", "N threads", "speed-up", "vs raw")?;
    let mut raw_speedup = None;
    for setup in &args.setups {
        let t1 = median((0..args.repeat).map(|_| run_threads(*setup, 1, args.work)).collect());
        let tn = median((0..args.repeat).map(|_| run_threads(*setup, threads, args.work)).collect());
        let speedup = threads as f64 * t1.as_secs_f64() / tn.as_secs_f64();
        if *setup == Setup::Raw {
            raw_speedup = Some(speedup);
        }
        let vs_raw = raw_speedup.map_or("-".to_string(), |r| format!("{:.2}", speedup / r));
        writeln!(
            out,
            "{:<8} {:>10.1}ms {:>10.1}ms {:>9.2}x {:>10}",
            format!("{setup:?}").to_lowercase(),
            t1.as_secs_f64() * 1e3,
            tn.as_secs_f64() * 1e3,
            speedup,
            vs_raw
        )?;
        out.flush()?;
    }
    writeln!(
        out,
        "(own = LockKind::{:?}, shared = LockKind::{:?}, free = LockKind::{:?}; speed-up = N x t1 / tN, as CPython's ftscalingbench)",
        LockKind::Own,
        LockKind::Shared,
        LockKind::None
    )
}

fn main() -> ExitCode {
    let argv: Vec<String> = std::env::args().collect();
    match argv.get(1).map(String::as_str) {
        Some("-c") => {
            return match argv.get(2) {
                Some(code) => {
                    let mut sys_argv = vec!["-c".to_owned()];
                    sys_argv.extend(argv[3..].iter().cloned());
                    run_command::run_source(code.as_bytes(), "<string>", &sys_argv, None)
                }
                None => {
                    eprintln!("Argument expected for the -c option");
                    ExitCode::from(2)
                }
            };
        }
        Some(arg) if !arg.starts_with('-') && !matches!(arg, "demo" | "ast" | "dis" | "help") => {
            return run_command::run_file(arg, &argv[1..]);
        }
        _ => {}
    }
    let cli = Cli::parse();
    let command = cli.command.unwrap_or_else(|| Cli::parse_from(["pyrt", "demo"]).command.expect("demo parses"));
    match command {
        Command::Demo(args) => demo(args),
        Command::Ast { file } => ast_command::run(&file),
        Command::Dis { file } => dis_command::run(&file),
    }
}
