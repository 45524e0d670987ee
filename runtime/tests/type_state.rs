//! Per-interpreter state of the shared builtin types: a class made in one interpreter shows in
//! that interpreter's `int.__subclasses__()` only, goes away with it, and subclass lists stay
//! consistent while several threads of a free-threaded interpreter make classes and read them.
//! Also: dunder assignment after class creation in every interpreter kind.

use pyrt::{Interpreter, InterpreterConfig, Runtime};

fn exec(interp: &Interpreter, src: &str) {
    interp.attach(|py| pyrt::run::exec(py, src.as_bytes(), "<type_state>")).unwrap().unwrap_or_else(|e| {
        panic!("{e}\nin:\n{src}");
    });
}

/// Makes `names` as subclasses of `int` and `list` in `interp`, kept alive in `sys`.
fn make_classes(interp: &Interpreter, names: &[&str]) {
    let mut src = String::from("import sys\nkept = sys.__dict__.setdefault('kept', [])\n");
    for n in names {
        src.push_str(&format!("class {n}(int): pass\nclass {n}List(list): pass\nkept += [{n}, {n}List]\n"));
    }
    exec(interp, &src);
}

/// Asserts that `int.__subclasses__()` (besides `bool`) and `list.__subclasses__()` are exactly
/// the classes called `names`, in order.
fn check_subclasses(interp: &Interpreter, names: &[&str]) {
    let ints: Vec<String> = names.iter().map(|n| format!("'{n}'")).collect();
    let lists: Vec<String> = names.iter().map(|n| format!("'{n}List'")).collect();
    exec(
        interp,
        &format!(
            "got = [c.__name__ for c in int.__subclasses__()]\n\
             assert got == ['bool', {ints}], got\n\
             got = [c.__name__ for c in list.__subclasses__()]\n\
             assert got == [{lists}], got\n\
             assert bool.__subclasses__() == []\n",
            ints = ints.join(", "),
            lists = lists.join(", "),
        ),
    );
}

fn two_interpreters_keep_their_own_subclass_lists(config: fn() -> InterpreterConfig) {
    Runtime::initialize();
    let a = Interpreter::new(config()).unwrap();
    let b = Interpreter::new(config()).unwrap();
    make_classes(&a, &["A1"]);
    make_classes(&b, &["B1", "B2"]);
    make_classes(&a, &["A2"]);
    check_subclasses(&a, &["A1", "A2"]);
    check_subclasses(&b, &["B1", "B2"]);
    // The subclass's own list is per class as well.
    exec(
        &a,
        "import sys\nclass Deeper(sys.kept[0]): pass\nsys.kept.append(Deeper)\nassert sys.kept[0].__subclasses__() == [Deeper]\n",
    );
    check_subclasses(&b, &["B1", "B2"]);
    // Destroying one interpreter leaves the other's lists intact, and a new interpreter starts
    // with none of either's classes.
    a.destroy().unwrap();
    check_subclasses(&b, &["B1", "B2"]);
    let c = Interpreter::new(config()).unwrap();
    check_subclasses(&c, &[]);
    make_classes(&b, &["B3"]);
    check_subclasses(&b, &["B1", "B2", "B3"]);
    check_subclasses(&c, &[]);
    b.destroy().unwrap();
    c.destroy().unwrap();
}

#[test]
fn isolated_interpreters_keep_their_own_subclass_lists() {
    two_interpreters_keep_their_own_subclass_lists(InterpreterConfig::isolated);
}

#[test]
fn free_threaded_interpreters_keep_their_own_subclass_lists() {
    two_interpreters_keep_their_own_subclass_lists(InterpreterConfig::free_threaded);
}

#[test]
fn an_isolated_and_a_free_threaded_interpreter_do_not_share_subclasses() {
    Runtime::initialize();
    let a = Interpreter::new(InterpreterConfig::isolated()).unwrap();
    let b = Interpreter::new(InterpreterConfig::free_threaded()).unwrap();
    make_classes(&a, &["Iso"]);
    make_classes(&b, &["Free"]);
    check_subclasses(&a, &["Iso"]);
    check_subclasses(&b, &["Free"]);
    a.destroy().unwrap();
    b.destroy().unwrap();
}

/// Threads make subclasses of `int` and of a shared class, and read the lists, at once.
const WORKER: &str = "
import sys
base = sys.base
mine = []
for i in range(40):
    mine.append(type(f'W{sys.tag}_{i}', (int,), {}))
    mine.append(type(f'S{sys.tag}_{i}', (base,), {}))
    subs = int.__subclasses__()
    assert all(issubclass(c, int) for c in subs)
    assert len(base.__subclasses__()) >= len(mine) // 2
    base.__add__ = lambda a, b: 1
    del base.__add__
sys.kept.extend(mine)
";

#[test]
fn free_threaded_threads_make_and_read_subclasses_at_once() {
    Runtime::initialize();
    let interp = Interpreter::new(InterpreterConfig::free_threaded()).unwrap();
    exec(&interp, "import sys\nsys.kept = []\nclass Base: pass\nsys.base = Base\nsys.tag = 0\n");
    const THREADS: usize = 4;
    std::thread::scope(|s| {
        for t in 0..THREADS {
            let interp = &interp;
            s.spawn(move || exec(interp, &WORKER.replace("sys.tag", &t.to_string())));
        }
    });
    exec(
        &interp,
        "import sys\n\
         assert len(sys.kept) == 4 * 80, len(sys.kept)\n\
         ints = [c for c in int.__subclasses__() if c is not bool]\n\
         assert len(ints) == 4 * 40 and set(ints) <= set(sys.kept), len(ints)\n\
         assert len(sys.base.__subclasses__()) == 4 * 40\n\
         for c in sys.base.__subclasses__():\n    assert c.__bases__ == (sys.base,)\n",
    );
    interp.destroy().unwrap();
}

const DUNDERS: &str = "
class V:
    def __init__(self, x):
        self.x = x
class W(V):
    pass
V.__add__ = lambda a, b: a.x + b.x
assert W(1) + W(2) == 3
V.__eq__ = lambda a, b: a.x == b.x
assert W(1) == W(1) and W(1) != W(2)
del V.__add__
try:
    W(1) + W(2)
except TypeError as e:
    assert str(e) == \"unsupported operand type(s) for +: 'W' and 'W'\", str(e)
else:
    raise AssertionError('no TypeError')
V.__repr__ = lambda self: 'v'
assert repr(W(0)) == 'v'
V.__name__ = 'Renamed'
assert V.__name__ == 'Renamed'
try:
    int.__add__ = None
except TypeError as e:
    assert str(e) == \"cannot set '__add__' attribute of immutable type 'int'\"
assert 1 + 1 == 2
";

#[test]
fn dunder_assignment_works_in_every_interpreter_kind() {
    Runtime::initialize();
    for config in [InterpreterConfig::isolated(), InterpreterConfig::free_threaded()] {
        let interp = Interpreter::new(config).unwrap();
        exec(&interp, DUNDERS);
        interp.destroy().unwrap();
    }
}
