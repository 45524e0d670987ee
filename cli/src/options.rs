//! `python`'s command line, as CPython 3.13 parses it (`Python/getopt.c`, `Python/initconfig.c`):
//! options first, then what to run — `-c cmd`, `-m mod`, `file`, `-` (stdin) or nothing (the
//! interactive prompt on a terminal, else stdin as a script) — then the script's arguments.
//!
//! Short options combine (`-ubc 'code'`); an option's argument is the rest of its word or the next
//! word (`-cpass`, `-c pass`). Usage errors print CPython's text and exit with status 2.

/// What to run.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    /// `-c CODE`.
    Code(String),
    /// `-m MODULE`.
    Module(String),
    /// A script file.
    File(String),
    /// `-`, or no target with stdin not a terminal: the script comes from stdin.
    Stdin,
    /// No target with stdin a terminal: the interactive prompt.
    Interactive,
}

/// A parsed command line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Options {
    pub target: Target,
    /// `sys.argv`: the script (or `-c`, `-m`'s full path later, `-`, `''`) and its arguments.
    pub argv: Vec<String>,
    /// `-X gil=0|1` (`None`: not given; `PYTHON_GIL` then decides unless `-E`/`-I`).
    pub gil: Option<bool>,
    /// `-i`: the prompt after the script.
    pub inspect: bool,
    /// `-E` or `-I`: ignore `PYTHON*` environment variables.
    pub ignore_environment: bool,
    /// `-I`: isolated mode (also `-E`, `-s`, `-P`: the script's directory is not put on `sys.path`).
    pub isolated: bool,
    /// `-u`: unbuffered stdout and stderr.
    pub unbuffered: bool,
    /// `-q`: no banner at the prompt.
    pub quiet: bool,
    /// `-W` options, in order (`sys.warnoptions` after `PYTHONWARNINGS`'s).
    pub warnoptions: Vec<String>,
}

/// The outcome of parsing: run something, or print and exit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Parsed {
    Run(Options),
    /// `-V` / `--version` (twice: the long form).
    Version {
        verbose: bool,
    },
    /// `-h` / `--help`.
    Help,
    /// A usage error: the message to print before the usage lines.
    Usage(String),
    /// What CPython treats as a fatal error at configuration time: `Fatal Python error: <this>`.
    Fatal(String),
}

/// The fatal error for a `-X gil` / `PYTHON_GIL` value other than 0 or 1.
pub const GIL_VALUE: &str = "config_read_gil: PYTHON_GIL / -X gil must be \"0\" or \"1\"";

/// Options that take no argument and change nothing pyrt does differently: `-b` (bytes
/// warnings), `-B` (pyrt writes no bytecode files), `-d`, `-O`, `-OO`, `-P`, `-R`, `-s`, `-S`, `-v`,
/// `-x`.
const ACCEPTED_FLAGS: &str = "bBdOPRsSvx";

/// Parses `args` (without the program name). `stdin_is_terminal` decides what no target means.
pub fn parse(args: &[String], stdin_is_terminal: bool) -> Parsed {
    let mut o = Options {
        target: Target::Interactive,
        argv: Vec::new(),
        gil: None,
        inspect: false,
        ignore_environment: false,
        isolated: false,
        unbuffered: false,
        quiet: false,
        warnoptions: Vec::new(),
    };
    let mut version = 0;
    let mut i = 0;
    while i < args.len() {
        let word = &args[i];
        if word == "--" {
            i += 1;
            break;
        }
        if !word.starts_with('-') || word == "-" {
            break;
        }
        if let Some(long) = word.strip_prefix("--") {
            match long {
                "version" => version += 1,
                "help" | "help-env" | "help-xoptions" | "help-all" => return Parsed::Help,
                "check-hash-based-pycs" => {
                    i += 1;
                    if i >= args.len() {
                        return Parsed::Usage("Argument expected for the --check-hash-based-pycs option".into());
                    }
                }
                _ => return Parsed::Usage(format!("unknown option {word}")),
            }
            i += 1;
            continue;
        }
        let chars: Vec<char> = word[1..].chars().collect();
        let mut j = 0;
        while j < chars.len() {
            let c = chars[j];
            j += 1;
            match c {
                'c' | 'm' | 'X' | 'W' => {
                    let rest: String = chars[j..].iter().collect();
                    let value = if !rest.is_empty() {
                        rest
                    } else if i + 1 < args.len() {
                        i += 1;
                        args[i].clone()
                    } else {
                        return Parsed::Usage(format!("Argument expected for the -{c} option"));
                    };
                    match c {
                        'c' => {
                            o.target = Target::Code(value);
                            o.argv.push("-c".into());
                            o.argv.extend(args[i + 1..].iter().cloned());
                            return finish(o, version);
                        }
                        'm' => {
                            o.target = Target::Module(value);
                            o.argv.push("-m".into());
                            o.argv.extend(args[i + 1..].iter().cloned());
                            return finish(o, version);
                        }
                        'X' => {
                            if let Some(g) = value.strip_prefix("gil=") {
                                o.gil = match g {
                                    "0" => Some(false),
                                    "1" => Some(true),
                                    _ => return Parsed::Fatal(GIL_VALUE.into()),
                                };
                            }
                        }
                        _ => o.warnoptions.push(value),
                    }
                    j = chars.len();
                }
                'E' => o.ignore_environment = true,
                'I' => {
                    o.isolated = true;
                    o.ignore_environment = true;
                }
                'i' => o.inspect = true,
                'u' => o.unbuffered = true,
                'q' => o.quiet = true,
                'V' => version += 1,
                'h' | '?' => return Parsed::Help,
                c if ACCEPTED_FLAGS.contains(c) => {}
                c => return Parsed::Usage(format!("Unknown option: -{c}")),
            }
        }
        i += 1;
    }
    match args.get(i) {
        Some(dash) if dash == "-" => {
            o.target = Target::Stdin;
            o.argv = args[i..].to_vec();
        }
        Some(file) => {
            o.target = Target::File(file.clone());
            o.argv = args[i..].to_vec();
        }
        None => {
            o.target = if stdin_is_terminal { Target::Interactive } else { Target::Stdin };
            o.argv = vec![String::new()];
        }
    }
    finish(o, version)
}

fn finish(o: Options, version: u32) -> Parsed {
    match version {
        0 => Parsed::Run(o),
        1 => Parsed::Version { verbose: false },
        _ => Parsed::Version { verbose: true },
    }
}

/// CPython's usage lines after a usage error (`program` is argv[0]).
pub fn usage_tail(program: &str) -> String {
    format!(
        "usage: {program} [option] ... [-c cmd | -m mod | file | -] [arg] ...\nTry `python -h' for more information.\n"
    )
}

/// `-h`'s text: the options pyrt acts on, in CPython's words.
pub fn help(program: &str) -> String {
    format!(
        "usage: {program} [option] ... [-c cmd | -m mod | file | -] [arg] ...
Options (and corresponding environment variables):
-c cmd : program passed in as string (terminates option list)
-E     : ignore PYTHON* environment variables (such as PYTHONPATH)
-h     : print this help message and exit (also -? or --help)
-i     : inspect interactively after running script
-I     : isolate Python from the user's environment (implies -E and -s)
-m mod : run library module as a script (terminates option list)
-q     : don't print version and copyright messages on interactive startup
-u     : force the stdout and stderr streams to be unbuffered
-V     : print the Python version number and exit (also --version)
-X gil=0|1 : run the main interpreter without (0) or with (1) its lock; also PYTHON_GIL
-b -B -d -O -P -R -s -S -v -x -W arg : accepted, no effect in pyrt
file   : program read from script file
-      : program read from stdin (default; interactive mode if a tty)
arg ...: arguments passed to program in sys.argv[1:]

pyrt subcommands: `pyrt demo`, `pyrt ast FILE`, `pyrt dis FILE`
"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(args: &[&str]) -> Options {
        match parse(&args.iter().map(|s| s.to_string()).collect::<Vec<_>>(), true) {
            Parsed::Run(o) => o,
            other => panic!("{other:?}"),
        }
    }

    fn parsed(args: &[&str], tty: bool) -> Parsed {
        parse(&args.iter().map(|s| s.to_string()).collect::<Vec<_>>(), tty)
    }

    #[test]
    fn targets_and_argv_as_cpython() {
        let o = run(&["-c", "print(1)", "x", "-y"]);
        assert_eq!(o.target, Target::Code("print(1)".into()));
        assert_eq!(o.argv, ["-c", "x", "-y"]);
        assert_eq!(run(&["-cpass"]).target, Target::Code("pass".into()));
        let o = run(&["-ubc", "print(3)"]);
        assert!(o.unbuffered);
        assert_eq!(o.target, Target::Code("print(3)".into()));
        let o = run(&["-m", "mod", "a"]);
        assert_eq!((o.target, o.argv), (Target::Module("mod".into()), vec!["-m".into(), "a".into()]));
        let o = run(&["-I", "script.py", "-c", "arg"]);
        assert!(o.isolated && o.ignore_environment);
        assert_eq!(o.target, Target::File("script.py".into()));
        assert_eq!(o.argv, ["script.py", "-c", "arg"]);
        let o = run(&["-", "a", "b"]);
        assert_eq!((o.target, o.argv), (Target::Stdin, vec!["-".into(), "a".into(), "b".into()]));
        assert_eq!(run(&[]).target, Target::Interactive);
        assert_eq!(run(&[]).argv, [""]);
        assert_eq!(parsed(&[], false), Parsed::Run(Options { target: Target::Stdin, ..run(&[]) }));
        assert_eq!(run(&["--", "-file"]).target, Target::File("-file".into()));
    }

    #[test]
    fn flags_versions_and_usage_errors() {
        assert_eq!(run(&["-X", "gil=0", "f.py"]).gil, Some(false));
        assert_eq!(run(&["-Xgil=1", "f.py"]).gil, Some(true));
        assert_eq!(
            run(&["-W", "error", "-Wignore::DeprecationWarning", "f.py"]).warnoptions,
            ["error", "ignore::DeprecationWarning"]
        );
        assert_eq!(run(&["-B", "-E", "-q", "-i", "f.py"]).inspect, true);
        assert_eq!(parsed(&["-V"], true), Parsed::Version { verbose: false });
        assert_eq!(parsed(&["--version", "-V"], true), Parsed::Version { verbose: true });
        assert_eq!(parsed(&["-Z"], true), Parsed::Usage("Unknown option: -Z".into()));
        assert_eq!(parsed(&["-X"], true), Parsed::Usage("Argument expected for the -X option".into()));
        assert_eq!(parsed(&["-c"], true), Parsed::Usage("Argument expected for the -c option".into()));
        assert_eq!(parsed(&["--frob"], true), Parsed::Usage("unknown option --frob".into()));
        assert_eq!(parsed(&["-h"], true), Parsed::Help);
        assert_eq!(parsed(&["-X", "gil=2"], true), Parsed::Fatal(GIL_VALUE.into()));
    }
}
