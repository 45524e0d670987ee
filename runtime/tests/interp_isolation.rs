//! Every interpreter has its own `builtins` and `sys` namespaces, although they are copies of
//! per-process templates whose values (builtin functions and types, the immutable facts of
//! `sys`) are immortal objects shared by every interpreter: a change one interpreter makes to
//! its `builtins` or `sys` — rebinding, deleting, adding a name, mutating `sys.path`,
//! `sys.argv`, `sys.modules` — never shows in another, made before or after the change.

use pyrt::{Interpreter, InterpreterConfig, Runtime};

fn exec(interp: &Interpreter, source: &str) {
    interp.attach(|py| pyrt::run::exec(py, source.as_bytes(), "<isolation>")).unwrap().unwrap_or_else(|e| {
        panic!("{source}\nraised {e}");
    });
}

const CHANGE_EVERYTHING: &str = "
import builtins, sys
builtins.len = lambda x: 42
del builtins.print
builtins.newname = 1
builtins.__doc__ = 'changed'
sys.version = 'changed'
del sys.hexversion
sys.marker = 1
sys.path.append('/changed')
sys.argv.append('changed')
sys.orig_argv.append('changed')
sys.warnoptions.append('changed')
sys.modules['changed'] = sys
sys.set_int_max_str_digits(700)
assert len('ab') == 42 and newname == 1 and sys.version == 'changed'
";

const UNCHANGED: &str = "
import builtins, sys
assert len('ab') == 2
print
assert not hasattr(builtins, 'newname'), 'newname'
assert builtins.__doc__ is None, builtins.__doc__
assert sys.version.startswith('3.13.0 ') and sys.hexversion == 0x030D00F0
assert not hasattr(sys, 'marker')
assert '/changed' not in sys.path
assert sys.argv == ['-c'], sys.argv
assert 'changed' not in sys.orig_argv and sys.warnoptions == []
assert 'changed' not in sys.modules and sys.modules['sys'] is sys and sys.modules['builtins'] is builtins
assert sys.get_int_max_str_digits() == 4300, sys.get_int_max_str_digits()
";

#[test]
fn a_change_to_builtins_or_sys_stays_in_its_interpreter() {
    Runtime::initialize();
    let make = || {
        let i = Interpreter::new(InterpreterConfig::isolated()).unwrap();
        i.attach(|py| pyrt::run::configure_main(py, &["-c".to_string()], Some(""), false)).unwrap().unwrap();
        i
    };
    let (before, changed) = (make(), make());
    exec(&before, UNCHANGED);
    exec(&changed, CHANGE_EVERYTHING);
    let after = make();
    exec(&before, UNCHANGED);
    exec(&after, UNCHANGED);
    exec(&changed, "import sys\nassert sys.version == 'changed' and len('') == 42 and sys.marker == 1");
    for i in [before, changed, after] {
        i.destroy().unwrap();
    }
}

#[test]
fn the_shared_facts_of_sys_read_as_in_cpython() {
    Runtime::initialize();
    let i = Interpreter::new(InterpreterConfig::isolated()).unwrap();
    exec(
        &i,
        "
import sys
names = sys.stdlib_module_names
assert type(names) is frozenset and 'os' in names and 'sys' in names and 'nosuchmodule' not in names
assert hash(names) == hash(frozenset(names)) and len(names) > 250
assert type(sys.builtin_module_names) is tuple and 'sys' in sys.builtin_module_names
assert sys.version_info[:2] == (3, 13) and sys.version_info.releaselevel == 'final'
assert sys.implementation.name == 'pyrt' and sys.implementation.version == sys.version_info
assert sys.maxsize == 2**63 - 1 and sys.maxunicode == 0x10FFFF and sys.api_version == 1013
assert sys.float_info.max == 1.7976931348623157e308 and sys.float_info.epsilon == 2.220446049250313e-16
assert sys.int_info.bits_per_digit == 30 and sys.int_info.str_digits_check_threshold == 640
assert sys.flags.dont_write_bytecode == 1 and sys.flags.dev_mode is False and sys.dont_write_bytecode is True
assert sys.__excepthook__ is sys.excepthook and sys.executable == sys._base_executable
assert sys.__stdout__ is sys.stdout and sys.__stderr__ is sys.stderr and sys.__stdin__ is sys.stdin
keys = list(sys.__dict__)
assert keys[:5] == ['__name__', '__doc__', '__package__', '__loader__', '__spec__'], keys[:5]
assert keys.index('modules') < keys.index('__excepthook__') < keys.index('stdin') < keys.index('version')
assert keys[-4:] == ['flags', 'float_info', 'int_info', 'hash_info'], keys[-4:]
try:
    sys.version_info.major = 4
except AttributeError:
    pass
else:
    raise AssertionError('version_info is immutable')
",
    );
    i.destroy().unwrap();
}

#[test]
fn free_threaded_interpreters_read_the_shared_facts_at_once() {
    Runtime::initialize();
    let interps: Vec<_> = (0..2).map(|_| Interpreter::new(InterpreterConfig::free_threaded()).unwrap()).collect();
    std::thread::scope(|s| {
        for i in &interps {
            s.spawn(move || {
                exec(
                    i,
                    "
import sys
names = sys.stdlib_module_names
for _ in range(300):
    assert 'os' in names and 'nope' not in names and names >= {'os', 'sys'}
    assert hash(names) == hash(frozenset(names)) and sys.version_info >= (3, 13)
",
                )
            });
        }
    });
    interps.into_iter().for_each(|i| i.destroy().unwrap());
}
