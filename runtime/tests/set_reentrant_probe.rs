//! A set probe that runs a key's `__eq__` must not write into a slot that `__eq__` filled
//! meanwhile. CPython 3.13 loses the added key there (and its `len` then counts it, so `pop`
//! of the emptied set never ends); pyrt re-probes and keeps both keys.

use pyrt::{Interpreter, InterpreterConfig, Runtime};

const SCRIPT: &str = r#"
class K:
    def __init__(self, name, hook=None):
        self.name = name
        self.hook = hook
    def __hash__(self):
        return 1
    def __eq__(self, other):
        if self.hook:
            hook, self.hook = self.hook, None
            hook()
        return self is other

a, b, c = K("a"), K("b"), K("c")
s = {a, b, c}
s.discard(a)                  # a dummy slot at the head of the chain
y = K("y")
b.hook = lambda: s.add(y)     # runs while the probe for x compares x with b
x = K("x")
s.add(x)
assert sorted(k.name for k in s) == ["b", "c", "x", "y"], sorted(k.name for k in s)
assert len(s) == 4
popped = [s.pop().name for _ in range(4)]
assert sorted(popped) == ["b", "c", "x", "y"] and len(s) == 0
"#;

#[test]
fn an_eq_that_fills_the_chosen_dummy_slot_loses_no_key() {
    Runtime::initialize();
    let interp = Interpreter::new(InterpreterConfig::default()).expect("an interpreter");
    interp.attach(|py| pyrt::run::exec(py, SCRIPT.as_bytes(), "<set>")).expect("attached").expect("runs");
}
