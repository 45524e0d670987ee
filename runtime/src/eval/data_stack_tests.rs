//! The thread's data stack driven by Python code: windows across chunks, the top restored
//! when a run ends (normally, by an exception, through finalisers), chunks freed after a deep
//! recursion.

use super::data_stack;
use crate::Runtime;

fn run(source: &str) -> crate::error::PyResult<()> {
    Runtime::initialize();
    crate::attach(|py| crate::run::exec(py, source.as_bytes(), "<data-stack-test>"))
}

/// Runs `source`, which must end without an exception and assert its own results.
fn check(source: &str) {
    if let Err(e) = run(source) {
        panic!("{source}\nraised {e:?}");
    }
}

#[test]
fn deep_recursion_spans_chunks_and_frees_them_afterwards() {
    // 900 frames of a function with many locals need several 4096-slot chunks.
    check(
        "import sys\nsys.setrecursionlimit(5000)\n\
         def f(n):\n    a = b = c = d = e = g = h = n\n    return 0 if n == 0 else 1 + f(n - 1)\n\
         assert f(3000) == 3000\n\
         assert f(10) == 10\n",
    );
    assert!(data_stack::top().is_null(), "the top goes back when the outermost run ends");
    assert!(data_stack::chunk_count() <= 3, "chunks beyond the spares are freed: {}", data_stack::chunk_count());
}

#[test]
fn recursion_error_unwinds_every_window() {
    check(
        "def f(n):\n    return f(n + 1)\n\
         for _ in range(3):\n    try:\n        f(0)\n    except RecursionError as e:\n        assert 'maximum recursion depth' in str(e)\n\
         def g(n):\n    return n if n == 0 else g(n - 1)\n\
         assert g(500) == 0\n",
    );
    assert!(data_stack::top().is_null());
}

#[test]
fn native_runs_start_above_the_calling_windows() {
    // `sorted(key=...)` starts a run of the loop per key from inside a frame whose stack holds
    // values; a generator resumed natively (`sum`) runs its frame at the top as well.
    check(
        "def key(x):\n    t = [x] * 3\n    return -t[0]\n\
         def gen(n):\n    for i in range(n):\n        yield sorted(range(i), key=key)\n\
         def f(depth):\n    a, b = depth, [depth]\n    if depth:\n        r = f(depth - 1)\n    else:\n        r = sum(len(x) for x in gen(30))\n    assert a == depth and b == [depth]\n    return r\n\
         assert f(200) == sum(range(30))\n",
    );
    assert!(data_stack::top().is_null());
}

#[test]
fn finalisers_run_while_a_frame_is_cleared_do_not_touch_live_windows() {
    // `__del__` runs Python frames while a returning or unwinding frame's slots are cleared.
    check(
        "log = []\n\
         class D:\n    def __del__(self):\n        x, y, z = 1, 2, 3\n        log.append(sum([x, y, z]))\n\
         def ret():\n    d = D()\n    e = D()\n    return 7\n\
         def caller():\n    p, q = 'p', 'q'\n    v = ret()\n    return (p, q, v)\n\
         assert caller() == ('p', 'q', 7)\n\
         def boom():\n    d = D()\n    raise ValueError\n\
         def catcher():\n    k = 'k'\n    try:\n        boom()\n    except ValueError:\n        return k\n\
         assert catcher() == 'k'\n\
         assert log == [6, 6, 6], log\n",
    );
}

#[test]
fn generators_resumed_from_deep_frames_and_calls_from_generator_frames() {
    check(
        "def inner():\n    x = yield 1\n    while True:\n        x = yield helper(x)\n\
         def helper(v):\n    a, b = v, v\n    return a + b\n\
         def drive(depth, g):\n    if depth:\n        return drive(depth - 1, g)\n    return [g.send(i) for i in range(5)]\n\
         g = inner()\n\
         assert next(g) == 1\n\
         assert drive(300, g) == [0, 2, 4, 6, 8]\n\
         def chain(n):\n    if n:\n        r = yield from chain(n - 1)\n        return r + 1\n    yield 'bottom'\n    return 0\n\
         c = chain(400)\n\
         assert next(c) == 'bottom'\n\
         try:\n    c.send(None)\nexcept StopIteration as e:\n    assert e.value == 400\n",
    );
    assert!(data_stack::top().is_null());
}

#[test]
fn a_window_that_cannot_be_had_is_a_memory_error() {
    // A window too large to count, then one no allocator gives (8 TiB): each is CPython's
    // `MemoryError` from `_PyThreadState_PushFrame`, and the thread's chunks and top stay.
    Runtime::initialize();
    crate::attach(|_| {
        let stack = data_stack::RunStack::enter();
        let (top, chunks) = (data_stack::top(), data_stack::chunk_count());
        for size in [usize::MAX / 4, 1 << 40] {
            let err = stack.alloc_entry(size).err().expect("no window of that size");
            assert!(err.is(&crate::ExcKind::MemoryError), "{err:?}");
            assert_eq!(data_stack::top(), top);
            assert_eq!(data_stack::chunk_count(), chunks);
        }
        let w = stack.alloc_entry(8).expect("a small window");
        assert_eq!(data_stack::top(), w.base.as_ptr().wrapping_add(8));
        drop(stack);
        assert_eq!(data_stack::top(), top);
    });
}

#[test]
fn generator_frames_run_in_their_block_and_their_callees_cross_chunks() {
    // A generator frame's window is its generator's block; its callees go on the data stack
    // above its resumer's stack. Resumers at every depth of a recursion that spans several
    // chunks make some callees start near a chunk's end (and move to the next chunk), and the
    // callees' own recursion crosses chunks from a window that is on no chunk.
    check(
        "import sys\nsys.setrecursionlimit(6000)\n\
         def deep(n):\n    a = b = c = d = e = g = h = n\n    return 0 if n == 0 else 1 + deep(n - 1)\n\
         def gen(k):\n    total = 0\n    while True:\n        x = yield total\n        total += deep(x) + k\n\
         def resume_at(depth, g, x):\n    pad = [depth] * 3\n    if depth:\n        return resume_at(depth - 1, g, x)\n    return g.send(x)\n\
         def loop_at(depth, it):\n    p, q = depth, depth\n    if depth:\n        return loop_at(depth - 1, it)\n    return [v for v in it]\n\
         g = gen(1)\n\
         assert next(g) == 0\n\
         expected = 0\n\
         for depth in range(0, 1200, 97):\n    expected += (depth % 50) + 1\n    assert resume_at(depth, g, depth % 50) == expected\n\
         def squares(n):\n    for i in range(n):\n        yield deep(i % 700) * 2\n\
         for depth in (0, 350, 900):\n    assert loop_at(depth, squares(40)) == [2 * (i % 700) for i in range(40)]\n",
    );
    assert!(data_stack::top().is_null());
}

#[test]
fn the_collector_sees_a_suspended_generators_values_in_its_block() {
    // A suspended generator whose local refers back to it is a cycle only the traversal of its
    // block can find; a running generator's values are left to its frame.
    check(
        "import gc, _weakref as weakref\n\
         class Box:\n    pass\n\
         def gen(box):\n    me = box\n    yield 1\n    yield 2\n\
         b = Box()\n\
         g = gen(b)\n\
         b.g = g\n\
         assert next(g) == 1\n\
         r = weakref.ref(b)\n\
         del b, g\n\
         gc.collect()\n\
         assert r() is None, 'the cycle through the block was collected'\n\
         def running():\n    gc.collect()\n    x = [1, 2, 3]\n    yield sum(x)\n    yield x\n\
         it = running()\n\
         assert next(it) == 6\n\
         assert next(it) == [1, 2, 3]\n\
         fr = it.gi_frame\n\
         assert fr.f_locals['x'] == [1, 2, 3]\n",
    );
}
