"""Load one of CPython's test files, collect its TestCase methods, run them and count outcomes.

Loading: the file is read unmodified from CPython's Lib/test, compiled with the
interpreter's own `compile` and executed as module `test.<name>` (so its
`from test import ...` imports resolve through the shim `test` package). Before
that, every module the file (or a `test.*` helper it imports) names in an import
statement is imported once; a module that fails to import is replaced by a
placeholder from `_cpyt_missing`, so a missing `pickle` skips the tests that use
it instead of failing the whole file.

Collection follows unittest's loader: every TestCase subclass in the module's
namespace, and in each the attributes whose names start with "test" and are
callable, sorted by name.

Outcomes per test method: passed, failed (AssertionError), errored (any other
exception), skipped (SkipTest: skip decorators, missing modules, shim limits).
An expected failure that fails counts as passed (unittest reports it as OK), an
unexpected success as failed.
"""

import sys

import unittest

import _cpyt_missing

STREAM_PREFIX = "##CPYT "


def _test_dir():
    import test

    return test._CPYTHON_TEST_DIR


def _read(path):
    with open(path) as f:
        return f.read()


def _imported_names(source):
    """Module names in the import statements of `source` (absolute imports only).

    Modules imported directly inside a `try:` block anywhere in the file are left out:
    the file handles their ImportError itself (`try: import _testcapi except
    ImportError: _testcapi = None`), and a placeholder would defeat that.
    """
    names = []
    names_guarded = []
    try_body_indent = None
    for raw in source.split("\n"):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        indent = len(raw) - len(raw.lstrip())
        if line == "try:":
            try_body_indent = -1
            continue
        if try_body_indent == -1:
            try_body_indent = indent
        elif try_body_indent is not None and indent < try_body_indent:
            try_body_indent = None
        guarded = try_body_indent is not None and indent == try_body_indent
        if guarded:
            target = names_guarded
        else:
            target = names
        if line.startswith("import "):
            rest = line[len("import ") :].split("#")[0]
            for part in rest.split(","):
                words = part.split()
                if words and _is_dotted_name(words[0]):
                    target.append(words[0])
        elif line.startswith("from "):
            words = line.split()
            if len(words) >= 4 and words[2] == "import" and _is_dotted_name(words[1]):
                target.append(words[1])
                if words[1] == "test" or words[1].startswith("test."):
                    # `from test import seq_tests` imports a submodule; `from test.support import
                    # cpython_only` an attribute: "?" marks names that are modules only if not attributes.
                    for item in " ".join(words[3:]).strip("()").split(","):
                        sub = item.split()
                        if sub and sub[0].isidentifier():
                            target.append("?" + words[1] + "." + sub[0])
    # A module the file imports under try/except anywhere stays absent (its handler runs).
    guarded = set(n.lstrip("?") for n in names_guarded)
    return [n for n in names if n.lstrip("?") not in guarded]


def _is_dotted_name(text):
    if text.startswith("."):
        return False
    for part in text.split("."):
        if not part.isidentifier():
            return False
    return True


def _source_of_test_module(name):
    """Source of CPython's test-package module `name` (test.x.y), or None if it is not a file there."""
    if name == "test" or name == "test.support" or name.startswith("test.support."):
        return None
    rel = name[len("test.") :].replace(".", "/")
    base = _test_dir() + "/" + rel
    for path in (base + ".py", base + "/__init__.py"):
        try:
            return _read(path)
        except OSError:
            continue
    return None


def prepare_imports(source, notes):
    """Import what `source` imports; put placeholders in place of what fails. Appends notes.

    Helper modules of the test package (test.list_tests, test.test_grammar, ...) are
    scanned first: their own imports happen when they load.
    """
    scanned = set()

    def scan(text):
        for name in _imported_names(text):
            if name.startswith("?"):
                name = name[1:]
                parent, _, attr = name.rpartition(".")
                _ensure_module(parent, notes)
                if hasattr(sys.modules[parent], attr):
                    continue
            if name.startswith("test.") and name not in scanned and name not in sys.modules:
                scanned.add(name)
                helper_source = _source_of_test_module(name)
                if helper_source is not None:
                    scan(helper_source)
            _ensure_module(name, notes)

    scan(source)


def _ensure_module(name, notes):
    if name in sys.modules:
        return
    try:
        __import__(name)
        return
    except unittest.SkipTest as exc:
        reason = "SkipTest: %s" % exc
    except ImportError as exc:
        reason = "%s: %s" % (type(exc).__name__, exc)
    except Exception as exc:
        reason = "%s: %s" % (type(exc).__name__, exc)
    if name.startswith("test.") and name in sys.modules:
        del sys.modules[name]
    _cpyt_missing.install(name)
    notes.append("placeholder for %s (%s)" % (name, reason))


def load_test_file(name):
    """Execute CPython's test file `name` as module test.<name>; returns (module, notes)."""
    path = _test_dir() + "/" + name + ".py"
    source = _read(path)
    notes = []
    prepare_imports(source, notes)
    module = type(sys)("test." + name)
    module.__file__ = path
    sys.modules["test." + name] = module
    code = compile(source, path, "exec")
    _cpyt_missing.loading = True
    try:
        exec(code, module.__dict__)
    finally:
        _cpyt_missing.loading = False
    return module, notes


def collect(module):
    """[(class, [method names])] in the order unittest's loader would find them."""
    loader = unittest.TestLoader()
    found = []
    for value in list(module.__dict__.values()):
        if isinstance(value, type) and issubclass(value, unittest.TestCase):
            names = loader.getTestCaseNames(value)
            if names:
                found.append((value, names))
    found.sort(key=lambda item: item[0].__name__)
    return found


def _where(exc):
    tb = getattr(exc, "__traceback__", None)
    last = None
    while tb is not None and hasattr(tb, "tb_next"):
        last = tb
        tb = tb.tb_next
    if last is None:
        return ""
    code = last.tb_frame.f_code
    return " [%s:%s in %s]" % (code.co_filename.rpartition("/")[2], last.tb_lineno, code.co_name)


def describe(exc):
    if exc is None:
        return ""
    try:
        text = str(exc)
    except Exception:
        text = "<unprintable>"
    text = text.replace("\n", "\\n")
    if len(text) > 300:
        text = text[:300] + "..."
    return "%s: %s%s" % (type(exc).__name__, text, _where(exc))


_COUNT_KEY = {"pass": "passed", "xfail": "passed", "fail": "failed", "xpass": "failed", "error": "errored", "skip": "skipped"}


def _emit(line):
    sys.stdout.write(line + "\n")
    sys.stdout.flush()


def _excluded(test_id, exclude):
    for pattern in exclude:
        if test_id == pattern or test_id.startswith(pattern + ".") or (
            pattern.endswith("*") and test_id.startswith(pattern[:-1])
        ):
            return True
    return False


def run_module(module, verbose=False, stream=False, selected=None, after=None, exclude=()):
    counts = {"collected": 0, "passed": 0, "failed": 0, "errored": 0, "skipped": 0}
    started = after is None
    for cls, names in collect(module):
        ids = [cls.__name__ + "." + name for name in names]
        if selected is not None:
            pairs = [(n, i) for n, i in zip(names, ids) if i in selected or cls.__name__ in selected]
        else:
            pairs = list(zip(names, ids))
        pairs = [(n, i) for n, i in pairs if not _excluded(i, exclude)]
        if not pairs:
            continue
        counts["collected"] += len(pairs)
        todo = []
        for name, test_id in pairs:
            if not started:
                if test_id == after:
                    started = True
                continue
            todo.append((name, test_id))
        if not todo:
            continue
        class_outcome = None
        if getattr(cls, "__unittest_skip__", False):
            class_outcome = ("skip", unittest.SkipTest(getattr(cls, "__unittest_skip_why__", "")))
        else:
            try:
                cls.setUpClass()
            except unittest.SkipTest as exc:
                class_outcome = ("skip", exc)
            except Exception as exc:
                class_outcome = ("error", exc)
        for name, test_id in todo:
            if stream:
                _emit(STREAM_PREFIX + "START " + test_id)
            if class_outcome is not None:
                outcome, exc = class_outcome
            else:
                try:
                    outcome, exc = cls(name)._cpyt_run()
                except Exception as err:
                    outcome, exc = "error", err
            counts[_COUNT_KEY[outcome]] += 1
            detail = describe(exc) if outcome != "pass" else ""
            if stream:
                _emit(STREAM_PREFIX + "END " + test_id + " " + outcome + " " + detail)
            elif verbose:
                _emit("%-5s %s %s" % (outcome.upper(), test_id, detail))
        if class_outcome is None:
            try:
                cls.tearDownClass()
            except Exception as exc:
                if verbose or stream:
                    _emit("tearDownClass of %s: %s" % (cls.__name__, describe(exc)))
    return counts


def _summary(name, counts):
    return "SUMMARY %s collected=%d passed=%d failed=%d errored=%d skipped=%d" % (
        name,
        counts["collected"],
        counts["passed"],
        counts["failed"],
        counts["errored"],
        counts["skipped"],
    )


USAGE = """usage: run.py [-v] [--stream] [--list] [--after CLASS.METHOD] [--exclude PATTERN]... TEST_NAME [CLASS[.METHOD] ...]

Runs CPython 3.13's Lib/test/TEST_NAME.py with the shim unittest and prints per-file counts.
  -v        one line per test: outcome, Class.method, exception
  --stream  machine-readable START/END lines (used by report.py)
  --list    only list the collected tests
  --after   skip tests up to and including CLASS.METHOD (report.py restarts after a crash)
  --exclude leave out (and do not count) CLASS, CLASS.METHOD or a PREFIX* of test ids
"""


def main(argv):
    verbose = stream = listing = False
    after = None
    exclude = []
    positional = []
    i = 0
    while i < len(argv):
        arg = argv[i]
        if arg == "-v":
            verbose = True
        elif arg == "--stream":
            stream = True
        elif arg == "--list":
            listing = True
        elif arg == "--after":
            i += 1
            after = argv[i]
        elif arg == "--exclude":
            i += 1
            exclude.append(argv[i])
        elif arg in ("-h", "--help"):
            sys.stdout.write(USAGE)
            return 0
        else:
            positional.append(arg)
        i += 1
    if not positional:
        sys.stdout.write(USAGE)
        return 2
    name = positional[0]
    selected = set(positional[1:]) or None
    try:
        module, notes = load_test_file(name)
    except BaseException as exc:
        _emit("LOADERROR %s %s" % (name, describe(exc)))
        _emit(_summary(name, {"collected": 0, "passed": 0, "failed": 0, "errored": 0, "skipped": 0}))
        return 1
    if verbose or stream:
        for note in notes:
            _emit("NOTE " + note)
    if listing:
        for cls, names in collect(module):
            for method in names:
                _emit(cls.__name__ + "." + method)
        return 0
    counts = run_module(module, verbose=verbose, stream=stream, selected=selected, after=after, exclude=exclude)
    _emit(_summary(name, counts))
    return 0
