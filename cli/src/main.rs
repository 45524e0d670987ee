//! `pyrt` — the command-line front end.
//!
//! `pyrt demo` runs the same Python loop in N interpreters with their own lock on N threads and
//! shows that they run in parallel, next to N interpreters under one shared lock, N threads of
//! one free-threaded interpreter (which take turns for now: see `pyrt::run`), and the loop
//! compiled from Rust on plain threads (the machine's own limit).
//! `pyrt ast FILE` prints a file's AST as CPython 3.13's `ast.dump` does ([`ast_command`]).
//! `pyrt dis FILE` prints its bytecode as `python3.13 -m dis FILE` does ([`dis_command`]).
//! `pyrt [options] [-c cmd | -m mod | file | -] [args]` runs Python as `python` does
//! ([`options`], [`run_command`]); with nothing to run on a terminal, the prompt ([`repl`]).

mod ast_command;
mod dis_command;
mod options;
mod repl;
mod run_command;
mod system_malloc;

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
    /// Loop iterations per thread, each one `acc += i * i % 7` in Python.
    #[arg(short, long, default_value_t = 2_000_000)]
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
    /// Plain OS threads running the same loop compiled from Rust, no runtime: the machine's own
    /// scaling limit.
    Raw,
    /// One interpreter per thread, each with its own lock (PEP 684).
    Own,
    /// One interpreter per thread, all using the main interpreter's lock.
    Shared,
    /// One free-threaded interpreter (PEP 703) shared by all threads.
    Free,
}

/// The unit of work, as Python: CPython's scaling benchmark loop, checked at the end.
fn python_work(n: u64) -> String {
    let expected: u64 = (0..n).map(|i| i * i % 7).sum();
    format!("acc = 0\nfor i in range({n}):\n    acc += i * i % 7\nassert acc == {expected}, acc\n")
}

/// The same loop compiled from Rust: what the machine does without an interpreter.
fn raw_work(n: u64) -> u64 {
    (0..n).map(|i| black_box(i) * i % 7).sum()
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
    let source = Arc::new(python_work(work));
    let start_line = Arc::new(Barrier::new(threads + 1));
    let handles: Vec<_> = interps
        .iter()
        .cloned()
        .map(|interp| {
            let interp = if setup == Setup::Free { free.clone() } else { interp };
            let start_line = start_line.clone();
            let source = source.clone();
            std::thread::spawn(move || {
                start_line.wait();
                match &interp {
                    None => {
                        black_box(raw_work(work));
                    }
                    Some(i) => i
                        .attach(|py| pyrt::run::exec(py, source.as_bytes(), "<demo>"))
                        .expect("the interpreter is alive")
                        .expect("the demo's Python runs"),
                }
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
const MIN_WORK: u64 = 10_000;

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
    system_malloc::configure();
    let argv: Vec<String> = std::env::args().collect();
    let program = argv.first().cloned().unwrap_or_else(|| "pyrt".into());
    // The tool subcommands; everything else is `python`'s command line.
    if let Some(sub) = argv.get(1).map(String::as_str) {
        if matches!(sub, "demo" | "ast" | "dis" | "help") {
            let cli = Cli::parse();
            let command =
                cli.command.unwrap_or_else(|| Cli::parse_from(["pyrt", "demo"]).command.expect("demo parses"));
            return match command {
                Command::Demo(args) => demo(args),
                Command::Ast { file } => ast_command::run(&file),
                Command::Dis { file } => dis_command::run(&file),
            };
        }
    }
    let stdin_is_terminal = std::io::IsTerminal::is_terminal(&std::io::stdin());
    match options::parse(&argv[1..], stdin_is_terminal) {
        options::Parsed::Run(o) => run_command::run(&o, stdin_is_terminal),
        options::Parsed::Version { verbose: false } => {
            println!("Python 3.13.0");
            ExitCode::SUCCESS
        }
        options::Parsed::Version { verbose: true } => {
            println!("Python 3.13.0 (pyrt {}) [rustc]", env!("CARGO_PKG_VERSION"));
            ExitCode::SUCCESS
        }
        options::Parsed::Help => {
            print!("{}", options::help(&program));
            ExitCode::SUCCESS
        }
        options::Parsed::Fatal(message) => run_command::config_fatal(&message),
        options::Parsed::Usage(message) => {
            eprint!("{message}\n{}", options::usage_tail(&program));
            ExitCode::from(2)
        }
    }
}
