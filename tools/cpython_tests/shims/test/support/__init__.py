"""A minimal `test.support` for running CPython's test files under the runner.

Each helper is either a real implementation (written here for interpreters without
the standard library, following CPython 3.13's Lib/test/support/__init__.py) or a
skip marker: a helper that needs something the shim cannot provide (gc, _testcapi,
subprocesses, locales, decimal, struct) raises `unittest.SkipTest`, so the test that
uses it is counted as skipped and never as passed.

Submodules not in this directory (test.support.testcase) come from CPython's own
Lib/test/support, unmodified.
"""

import sys
import time
import unittest

import test as _test_pkg

__path__ = [__path__[0], _test_pkg._CPYTHON_TEST_DIR + "/support"]

verbose = False
is_jython = False
is_android = False
is_emscripten = False
is_wasi = False
is_apple_mobile = False
has_fork_support = False
has_subprocess_support = False
Py_DEBUG = hasattr(sys, "gettotalrefcount")
Py_TRACE_REFS = hasattr(sys, "getobjects")
Py_GIL_DISABLED = False
MAX_Py_ssize_t = sys.maxsize
_1M = 1024 * 1024
_1G = 1024 * _1M
_2G = 2 * _1G
_4G = 4 * _1G
HAVE_DOCSTRINGS = True
MISSING_C_DOCSTRINGS = False
SHORT_TIMEOUT = 30.0
LOOPBACK_TIMEOUT = 10.0
hash_info = getattr(sys, "hash_info", None)
NHASHBITS = hash_info.width if hash_info is not None else 64

SkipTest = unittest.SkipTest


class Error(Exception):
    """Base class for regression test exceptions."""


class TestFailed(Error):
    """Test failed."""


class ResourceDenied(unittest.SkipTest):
    """A test needs a resource the run did not enable."""


def is_resource_enabled(resource):
    return False


def requires(resource, msg=None):
    raise ResourceDenied(msg or "Use of the %r resource not enabled" % resource)


def requires_resource(resource):
    return unittest.skip("resource %r is not enabled" % resource)


def _needs(what):
    return unittest.skip("the shim cannot provide " + what)


# ------------------------------------------------------------ implementation details


def _implementation_name():
    return sys.implementation.name.lower()


def check_impl_detail(**guards):
    """True when the running implementation is selected by `guards` (e.g. cpython=True)."""
    guards, default = _parse_guards(guards)
    return guards.get(_implementation_name(), default)


def _parse_guards(guards):
    if not guards:
        return ({"cpython": True}, False)
    is_true = list(guards.values())[0]
    return (guards, not is_true)


def impl_detail(msg=None, **guards):
    if check_impl_detail(**guards):
        return _identity
    if msg is None:
        guardnames, default = _parse_guards(guards)
        if default:
            msg = "implementation detail not available on {0}"
        else:
            msg = "implementation detail specific to {0}"
        msg = msg.format(" or ".join(sorted(guardnames.keys())))
    return unittest.skip(msg)


def cpython_only(test):
    return impl_detail(cpython=True)(test)


def _identity(obj):
    return obj


refcount_test = cpython_only
requires_debug_ranges = _identity
requires_limited_api = _needs("the limited C API")
bigaddrspacetest = _needs("a big address space")
skip_on_s390x = _identity


def force_not_colorized(func):
    # The runner never colours tracebacks, so there is nothing to switch off.
    return func


def no_tracing(func):
    if not hasattr(sys, "gettrace"):
        return func

    def wrapper(*args, **kwargs):
        original = sys.gettrace()
        try:
            sys.settrace(None)
            return func(*args, **kwargs)
        finally:
            sys.settrace(original)

    # (pyrt cannot assign function __name__ yet; the name is only cosmetic)
    return wrapper


def requires_IEEE_754(func):
    getformat = getattr(float, "__getformat__", None)
    if getformat is None:
        return unittest.skip("float.__getformat__ is missing")(func)
    return unittest.skipUnless(getformat("double").startswith("IEEE"), "test requires IEEE 754 doubles")(func)


def get_attribute(obj, name):
    try:
        return getattr(obj, name)
    except AttributeError:
        raise unittest.SkipTest("object %r has no attribute %r" % (obj, name))


def get_c_recursion_limit():
    try:
        import _testcapi

        return _testcapi.Py_C_RECURSION_LIMIT
    except ImportError:
        raise unittest.SkipTest("requires _testcapi")


def exceeds_recursion_limit():
    return get_c_recursion_limit() * 3


def infinite_recursion(max_depth=None):
    if max_depth is None:
        max_depth = 20000 if _implementation_name() != "cpython" else 75_000
    return _RecursionLimit(max_depth)


class _RecursionLimit:
    def __init__(self, depth):
        self.depth = depth

    def __enter__(self):
        self.original = sys.getrecursionlimit()
        sys.setrecursionlimit(self.depth)

    def __exit__(self, *exc):
        sys.setrecursionlimit(self.original)
        return False


def gc_collect():
    try:
        import gc
    except ImportError:
        raise unittest.SkipTest("needs gc")
    if getattr(gc, "_cpyt_missing", False):
        raise unittest.SkipTest("needs gc")
    gc.collect()
    gc.collect()
    gc.collect()


def check_free_after_iterating(test, iter, cls, args=()):
    done = False

    def wrapper():
        class A(cls):
            def __del__(self):
                nonlocal done
                done = True
                try:
                    next(it)
                except StopIteration:
                    pass

        it = iter(A(*args))
        test.assertRaises(StopIteration, next, it)

    wrapper()
    gc_collect()
    test.assertTrue(done)


def calcobjsize(fmt):
    raise unittest.SkipTest("calcobjsize needs struct and _testinternalcapi")


def calcvobjsize(fmt):
    raise unittest.SkipTest("calcvobjsize needs struct and _testinternalcapi")


def run_in_subinterp(code):
    raise unittest.SkipTest("run_in_subinterp needs _testcapi")


def collision_stats(nbins, nballs):
    raise unittest.SkipTest("collision_stats needs decimal")


def check_syntax_error(testcase, statement, errtext="", *, lineno=None, offset=None):
    with testcase.assertRaisesRegex(SyntaxError, errtext) as cm:
        compile(statement, "<test string>", "exec")
    err = cm.exception
    testcase.assertIsNotNone(err.lineno)
    if lineno is not None:
        testcase.assertEqual(err.lineno, lineno)
    testcase.assertIsNotNone(err.offset)
    if offset is not None:
        testcase.assertEqual(err.offset, offset)


def bigmemtest(size, memuse, dry_run=True):
    """Run the test with a small size (CPython's behaviour without -M), or skip when dry_run is False."""

    def decorator(f):
        def wrapper(self):
            if not dry_run:
                raise unittest.SkipTest("not enough memory: bigmem limit not set")
            return f(self, 5147)

        # (pyrt cannot assign function __name__ yet; the name is only cosmetic)
        return wrapper

    return decorator


def run_with_locale(catstr, *locales):
    def decorator(func):
        def inner(*args, **kwds):
            try:
                import locale
            except ImportError:
                locale = None
            if locale is None or getattr(locale, "_cpyt_missing", False):
                # CPython's helper runs the test unchanged when the locale cannot be set.
                return func(*args, **kwds)
            category = getattr(locale, catstr)
            orig_locale = locale.setlocale(category)
            for loc in locales:
                try:
                    locale.setlocale(category, loc)
                    break
                except Exception:
                    pass
            try:
                return func(*args, **kwds)
            finally:
                locale.setlocale(category, orig_locale)

        # (pyrt cannot assign function __name__ yet; the name is only cosmetic)
        return inner

    return decorator


class _Adjuster:
    """adjust_int_max_str_digits: a context manager and a decorator."""

    def __init__(self, max_digits):
        self.max_digits = max_digits

    def __enter__(self):
        if not hasattr(sys, "set_int_max_str_digits"):
            raise unittest.SkipTest("sys.set_int_max_str_digits is missing")
        self.current = sys.get_int_max_str_digits()
        sys.set_int_max_str_digits(self.max_digits)
        return self

    def __exit__(self, *exc):
        sys.set_int_max_str_digits(self.current)
        return False

    def __call__(self, func):
        adjuster = self

        def wrapper(*args, **kwargs):
            with _Adjuster(adjuster.max_digits):
                return func(*args, **kwargs)

        # (pyrt cannot assign function __name__ yet; the name is only cosmetic)
        return wrapper


def adjust_int_max_str_digits(max_digits):
    return _Adjuster(max_digits)


class CPUStopwatch:
    """Context manager timing a CPU-bound operation (CPython's: process time, else monotonic)."""

    def __enter__(self):
        if not hasattr(time, "get_clock_info") or not hasattr(time, "process_time"):
            raise unittest.SkipTest("CPUStopwatch needs time.process_time and time.get_clock_info")
        get_time = time.process_time
        clock_info = time.get_clock_info("process_time")
        if get_time() <= 0:
            get_time = time.monotonic
            clock_info = time.get_clock_info("monotonic")
        self.get_time = get_time
        self.clock_info = clock_info
        self.start_time = get_time()
        return self

    def __exit__(self, *exc):
        self.seconds = self.get_time() - self.start_time
        return False


class _StringIO:
    """A text buffer with the write/getvalue interface print() and the tests use."""

    def __init__(self):
        self._parts = []

    def write(self, text):
        if not isinstance(text, str):
            raise TypeError("string argument expected, got '%s'" % type(text).__name__)
        self._parts.append(text)
        return len(text)

    def flush(self):
        pass

    def getvalue(self):
        return "".join(self._parts)


def _string_io():
    try:
        import io

        return io.StringIO()
    except ImportError:
        return _StringIO()


class captured_output:
    def __init__(self, stream_name):
        self.stream_name = stream_name

    def __enter__(self):
        self.original = getattr(sys, self.stream_name)
        self.buffer = _string_io()
        setattr(sys, self.stream_name, self.buffer)
        return self.buffer

    def __exit__(self, *exc):
        setattr(sys, self.stream_name, self.original)
        return False


def captured_stdout():
    return captured_output("stdout")


def captured_stderr():
    return captured_output("stderr")


def captured_stdin():
    return captured_output("stdin")


class catch_unraisable_exception:
    def __init__(self):
        self.unraisable = None

    def _hook(self, unraisable):
        self.unraisable = unraisable

    def __enter__(self):
        if not hasattr(sys, "unraisablehook"):
            raise unittest.SkipTest("sys.unraisablehook is missing")
        self._old_hook = sys.unraisablehook
        sys.unraisablehook = self._hook
        return self

    def __exit__(self, *exc_info):
        sys.unraisablehook = self._old_hook
        del self.unraisable


class suppress_immortalization:
    """No-op without _testinternalcapi, as CPython's helper is when the hook is absent."""

    def __init__(self, suppress=True):
        self.suppress = suppress

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False

    def __call__(self, func):
        return func


class SuppressCrashReport:
    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False


class swap_attr:
    def __init__(self, obj, attr, new_val):
        self.obj, self.attr, self.new_val = obj, attr, new_val

    def __enter__(self):
        self.had = hasattr(self.obj, self.attr)
        if self.had:
            self.real_val = getattr(self.obj, self.attr)
        setattr(self.obj, self.attr, self.new_val)
        return self.real_val if self.had else None

    def __exit__(self, *exc):
        if self.had:
            setattr(self.obj, self.attr, self.real_val)
        else:
            delattr(self.obj, self.attr)
        return False


class swap_item:
    def __init__(self, obj, item, new_val):
        self.obj, self.item, self.new_val = obj, item, new_val

    def __enter__(self):
        self.had = self.item in self.obj
        if self.had:
            self.real_val = self.obj[self.item]
        self.obj[self.item] = self.new_val
        return self.real_val if self.had else None

    def __exit__(self, *exc):
        if self.had:
            self.obj[self.item] = self.real_val
        else:
            del self.obj[self.item]
        return False


def maybe_get_event_loop_policy():
    raise unittest.SkipTest("needs asyncio")


class _ALWAYS_EQ:
    def __eq__(self, other):
        return True

    def __ne__(self, other):
        return False


ALWAYS_EQ = _ALWAYS_EQ()


class _NEVER_EQ:
    def __eq__(self, other):
        return False

    def __ne__(self, other):
        return True

    def __hash__(self):
        return 1


NEVER_EQ = _NEVER_EQ()


class _LARGEST:
    # functools.total_ordering spelled out: the comparisons it would derive.
    def __eq__(self, other):
        return isinstance(other, _LARGEST)

    def __lt__(self, other):
        return False

    def __gt__(self, other):
        return not isinstance(other, _LARGEST)

    def __le__(self, other):
        return isinstance(other, _LARGEST)

    def __ge__(self, other):
        return True

    __hash__ = object.__hash__


LARGEST = _LARGEST()


class _SMALLEST:
    def __eq__(self, other):
        return isinstance(other, _SMALLEST)

    def __gt__(self, other):
        return False

    def __lt__(self, other):
        return not isinstance(other, _SMALLEST)

    def __ge__(self, other):
        return isinstance(other, _SMALLEST)

    def __le__(self, other):
        return True

    __hash__ = object.__hash__


SMALLEST = _SMALLEST()


class BrokenIter:
    def __init__(self, init_raises=False, next_raises=False, iter_raises=False):
        if init_raises:
            1 / 0
        self.next_raises = next_raises
        self.iter_raises = iter_raises

    def __next__(self):
        if self.next_raises:
            1 / 0

    def __iter__(self):
        if self.iter_raises:
            1 / 0
        return self
