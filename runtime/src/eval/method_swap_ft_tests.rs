//! A method replaced on its class while other threads call it, in one free-threaded
//! interpreter without the language lock (`pyrt::run`'s lock is not taken: the threads call
//! the eval loop directly, through `specialize_ft_tests`' harness). Three callers run `o.m()` in a loop;
//! a fourth thread keeps storing freshly made functions as `A.m`, so every replaced function
//! loses its last reference — the class dict's — and is freed at once, while a caller may be
//! between reading the class dict's entry and taking its own reference to the function. Each
//! function returns a number that says which one it is; a caller counts an answer no function
//! could give.

const SOURCE: &str = "\
class A:
    def m(self):
        return 1
o = A()
def work(n):
    bad = 0
    for i in range(n):
        r = o.m()
        if r < 1 or r > 3:
            bad += 1
    return bad
def swap(n):
    for i in range(n):
        if i % 2:
            def m(self):
                return 2
        else:
            m = lambda self: 3
        A.m = m
    return 0
";

#[test]
fn callers_never_use_a_method_freed_by_its_replacement() {
    let n = if cfg!(debug_assertions) { 20_000 } else { 200_000 };
    for bad in super::specialize_ft_tests::readers_and_a_writer(SOURCE, 3, n, "swap", 4) {
        assert_eq!(bad, 0, "a caller got an answer no method gives");
    }
}
