"""A minimal `unittest` for running CPython's test files before the standard library exists.

It provides what CPython 3.13's test_int ... test_grammar (and their helper modules
list_tests, seq_tests, mapping_tests, string_tests) use: `TestCase` with its assert*
methods, `assertRaises`/`assertRaisesRegex`/`assertWarns` as context managers and as
callables, `subTest`, `skipTest`, `addCleanup`, `setUp`/`tearDown`/`setUpClass`, the
`skip`/`skipIf`/`skipUnless`/`expectedFailure` decorators and `main()`.

Running tests is the job of `run.py` (collection, outcomes, counts); this module only
defines how one test method executes (`TestCase._cpyt_run`) and what counts as a
failure (`AssertionError`), an error (any other exception) or a skip (`SkipTest`).
Regular expressions go through `_cpyt_regex` (the same code under CPython and pyrt,
so the CPython run validates it); a pattern outside its subset skips the test.
`unittest.mock` is not provided: it is a placeholder whose use skips the test.
"""

import sys

import _cpyt_regex


class SkipTest(Exception):
    """Raise to skip a test (also raised by the shims for anything they cannot provide)."""


class _ShouldStop(Exception):
    pass


def _regex_search(pattern, text):
    if not isinstance(pattern, str):
        pattern = getattr(pattern, "pattern", pattern)
    try:
        return _cpyt_regex.search(pattern, text)
    except _cpyt_regex.Unsupported as exc:
        raise SkipTest("regex outside the shim's subset: %s" % exc)


# ---------------------------------------------------------------- decorators


def skip(reason):
    def decorator(test_item):
        test_item.__unittest_skip__ = True
        test_item.__unittest_skip_why__ = reason
        return test_item

    if callable(reason) and not isinstance(reason, str):
        # used bare: @skip
        func = reason
        reason = ""
        return decorator(func)
    return decorator


def _identity(obj):
    return obj


def skipIf(condition, reason):
    if condition:
        return skip(reason)
    return _identity


def skipUnless(condition, reason):
    if not condition:
        return skip(reason)
    return _identity


def expectedFailure(test_item):
    test_item.__unittest_expecting_failure__ = True
    return test_item


# ---------------------------------------------------------------- context managers


class _AssertRaisesContext:
    def __init__(self, expected, test_case, expected_regex=None, msg=None):
        self.expected = expected
        self.test_case = test_case
        self.expected_regex = expected_regex
        self.msg = msg
        self.exception = None

    def _name(self):
        if isinstance(self.expected, tuple):
            return ", ".join(e.__name__ for e in self.expected)
        return self.expected.__name__

    def __enter__(self):
        return self

    def __exit__(self, exc_type, exc_value, tb):
        if exc_type is None:
            text = "%s not raised" % self._name()
            if self.msg is not None:
                text += " : %s" % self.msg
            raise self.test_case.failureException(text)
        if not issubclass(exc_type, self.expected):
            return False
        self.exception = exc_value
        if self.expected_regex is not None:
            if not _regex_search(self.expected_regex, str(exc_value)):
                raise self.test_case.failureException(
                    '"%s" does not match "%s"' % (self.expected_regex, str(exc_value))
                )
        return True

    def handle(self, args, kwargs):
        if not args:
            if kwargs:
                self.msg = kwargs.pop("msg", None)
            return self
        func = args[0]
        with self:
            func(*args[1:], **kwargs)
        return None


class _AssertWarnsContext:
    """Records warnings through the `warnings` module (real under CPython, the fallback under pyrt)."""

    def __init__(self, expected, test_case, expected_regex=None):
        self.expected = expected
        self.test_case = test_case
        self.expected_regex = expected_regex
        self.warning = None
        self.warnings = None

    def __enter__(self):
        import warnings

        self._catcher = warnings.catch_warnings(record=True)
        self.warnings = self._catcher.__enter__()
        warnings.simplefilter("always")
        return self

    def __exit__(self, exc_type, exc_value, tb):
        self._catcher.__exit__(exc_type, exc_value, tb)
        if exc_type is not None:
            return False
        for record in self.warnings:
            if not isinstance(record.message, self.expected):
                continue
            if self.expected_regex is not None and not _regex_search(self.expected_regex, str(record.message)):
                continue
            self.warning = record.message
            self.filename = record.filename
            self.lineno = record.lineno
            return False
        name = getattr(self.expected, "__name__", str(self.expected))
        raise self.test_case.failureException("%s not triggered" % name)

    def handle(self, args, kwargs):
        if not args:
            return self
        func = args[0]
        with self:
            func(*args[1:], **kwargs)
        return None


class _SubTest:
    def __init__(self, test_case, msg, params):
        self.test_case = test_case
        self.msg = msg
        self.params = params

    def __enter__(self):
        return None

    def __exit__(self, exc_type, exc_value, tb):
        if exc_type is None:
            return False
        if issubclass(exc_type, SkipTest):
            self.test_case._cpyt_subtest_skips += 1
            if self.test_case._cpyt_subtest_skips == 1:
                self.test_case._cpyt_first_subtest_skip = exc_value
            return True
        if issubclass(exc_type, KeyboardInterrupt) or issubclass(exc_type, _ShouldStop):
            return False
        label = self.msg if self.msg is not None else ""
        if self.params:
            label += " " + ", ".join("%s=%r" % (k, v) for k, v in self.params.items())
        kind = "fail" if isinstance(exc_value, AssertionError) else "error"
        self.test_case._cpyt_subtest_failures.append((kind, label.strip(), exc_value))
        return True


def _safe_repr(obj, limit=300):
    try:
        text = repr(obj)
    except Exception:
        text = object.__repr__(obj)
    if len(text) > limit:
        text = text[:limit] + "..."
    return text


# ---------------------------------------------------------------- TestCase


class TestCase:
    failureException = AssertionError
    longMessage = True
    maxDiff = 80 * 8

    def __init__(self, methodName="runTest"):
        self._testMethodName = methodName
        self._cleanups = []
        self._cpyt_subtest_failures = []
        self._cpyt_subtest_skips = 0

    def __repr__(self):
        return "<%s testMethod=%s>" % (type(self).__qualname__, self._testMethodName)

    def id(self):
        return "%s.%s.%s" % (type(self).__module__, type(self).__qualname__, self._testMethodName)

    def __str__(self):
        return "%s (%s.%s)" % (self._testMethodName, type(self).__module__, type(self).__qualname__)

    def shortDescription(self):
        return None

    @classmethod
    def setUpClass(cls):
        pass

    @classmethod
    def tearDownClass(cls):
        pass

    def setUp(self):
        pass

    def tearDown(self):
        pass

    def addCleanup(self, function, *args, **kwargs):
        self._cleanups.append((function, args, kwargs))

    def enterContext(self, cm):
        result = type(cm).__enter__(cm)
        self.addCleanup(type(cm).__exit__, cm, None, None, None)
        return result

    def doCleanups(self):
        errors = []
        while self._cleanups:
            function, args, kwargs = self._cleanups.pop()
            try:
                function(*args, **kwargs)
            except Exception as exc:
                errors.append(exc)
        return errors

    def skipTest(self, reason):
        raise SkipTest(reason)

    def subTest(self, msg=None, **params):
        return _SubTest(self, msg, params)

    def fail(self, msg=None):
        raise self.failureException(msg)

    def _formatMessage(self, msg, standardMsg):
        if msg is None:
            return standardMsg
        if not self.longMessage:
            return msg
        return "%s : %s" % (standardMsg, msg)

    # -- truth and identity
    def assertTrue(self, expr, msg=None):
        if not expr:
            self.fail(self._formatMessage(msg, "%s is not true" % _safe_repr(expr)))

    def assertFalse(self, expr, msg=None):
        if expr:
            self.fail(self._formatMessage(msg, "%s is not false" % _safe_repr(expr)))

    def assertIs(self, expr1, expr2, msg=None):
        if expr1 is not expr2:
            self.fail(self._formatMessage(msg, "%s is not %s" % (_safe_repr(expr1), _safe_repr(expr2))))

    def assertIsNot(self, expr1, expr2, msg=None):
        if expr1 is expr2:
            self.fail(self._formatMessage(msg, "unexpectedly identical: %s" % _safe_repr(expr1)))

    def assertIsNone(self, obj, msg=None):
        if obj is not None:
            self.fail(self._formatMessage(msg, "%s is not None" % _safe_repr(obj)))

    def assertIsNotNone(self, obj, msg=None):
        if obj is None:
            self.fail(self._formatMessage(msg, "unexpectedly None"))

    def assertIsInstance(self, obj, cls, msg=None):
        if not isinstance(obj, cls):
            self.fail(self._formatMessage(msg, "%s is not an instance of %r" % (_safe_repr(obj), cls)))

    def assertNotIsInstance(self, obj, cls, msg=None):
        if isinstance(obj, cls):
            self.fail(self._formatMessage(msg, "%s is an instance of %r" % (_safe_repr(obj), cls)))

    # -- equality and ordering
    def assertEqual(self, first, second, msg=None):
        if not first == second:
            self.fail(self._formatMessage(msg, "%s != %s" % (_safe_repr(first), _safe_repr(second))))

    def assertNotEqual(self, first, second, msg=None):
        if not first != second:
            self.fail(self._formatMessage(msg, "%s == %s" % (_safe_repr(first), _safe_repr(second))))

    assertEquals = assertEqual
    assertNotEquals = assertNotEqual

    def assertSequenceEqual(self, seq1, seq2, msg=None, seq_type=None):
        if seq_type is not None:
            if not isinstance(seq1, seq_type):
                self.fail(self._formatMessage(msg, "First sequence is not a %s: %s" % (seq_type.__name__, _safe_repr(seq1))))
            if not isinstance(seq2, seq_type):
                self.fail(self._formatMessage(msg, "Second sequence is not a %s: %s" % (seq_type.__name__, _safe_repr(seq2))))
        if len(seq1) != len(seq2) or any(not a == b for a, b in zip(seq1, seq2)):
            self.fail(self._formatMessage(msg, "Sequences differ: %s != %s" % (_safe_repr(seq1), _safe_repr(seq2))))

    def assertListEqual(self, list1, list2, msg=None):
        self.assertSequenceEqual(list1, list2, msg, seq_type=list)

    def assertTupleEqual(self, tuple1, tuple2, msg=None):
        self.assertSequenceEqual(tuple1, tuple2, msg, seq_type=tuple)

    def assertDictEqual(self, d1, d2, msg=None):
        self.assertIsInstance(d1, dict, "First argument is not a dictionary")
        self.assertIsInstance(d2, dict, "Second argument is not a dictionary")
        self.assertEqual(d1, d2, msg)

    def assertSetEqual(self, set1, set2, msg=None):
        self.assertEqual(set1, set2, msg)

    def assertMultiLineEqual(self, first, second, msg=None):
        self.assertIsInstance(first, str, "First argument is not a string")
        self.assertIsInstance(second, str, "Second argument is not a string")
        self.assertEqual(first, second, msg)

    def assertCountEqual(self, first, second, msg=None):
        first, second = list(first), list(second)
        remaining = list(second)
        for item in first:
            for index, other in enumerate(remaining):
                if item == other:
                    del remaining[index]
                    break
            else:
                self.fail(self._formatMessage(msg, "Element counts were not equal: %s" % _safe_repr(item)))
        if remaining:
            self.fail(self._formatMessage(msg, "Element counts were not equal: %s" % _safe_repr(remaining)))

    def assertLess(self, a, b, msg=None):
        if not a < b:
            self.fail(self._formatMessage(msg, "%s not less than %s" % (_safe_repr(a), _safe_repr(b))))

    def assertLessEqual(self, a, b, msg=None):
        if not a <= b:
            self.fail(self._formatMessage(msg, "%s not less than or equal to %s" % (_safe_repr(a), _safe_repr(b))))

    def assertGreater(self, a, b, msg=None):
        if not a > b:
            self.fail(self._formatMessage(msg, "%s not greater than %s" % (_safe_repr(a), _safe_repr(b))))

    def assertGreaterEqual(self, a, b, msg=None):
        if not a >= b:
            self.fail(self._formatMessage(msg, "%s not greater than or equal to %s" % (_safe_repr(a), _safe_repr(b))))

    def assertAlmostEqual(self, first, second, places=None, msg=None, delta=None):
        if first == second:
            return
        if delta is not None and places is not None:
            raise TypeError("specify delta or places not both")
        diff = abs(first - second)
        if delta is not None:
            if diff <= delta:
                return
            standard = "%s != %s within %s delta (%s difference)" % (_safe_repr(first), _safe_repr(second), delta, diff)
        else:
            if places is None:
                places = 7
            if round(diff, places) == 0:
                return
            standard = "%s != %s within %r places (%s difference)" % (_safe_repr(first), _safe_repr(second), places, diff)
        self.fail(self._formatMessage(msg, standard))

    def assertNotAlmostEqual(self, first, second, places=None, msg=None, delta=None):
        if delta is not None:
            if not (first == second) and abs(first - second) > delta:
                return
        else:
            if places is None:
                places = 7
            if not (first == second) and round(abs(first - second), places) != 0:
                return
        self.fail(self._formatMessage(msg, "%s == %s" % (_safe_repr(first), _safe_repr(second))))

    # -- containment and attributes
    def assertIn(self, member, container, msg=None):
        if member not in container:
            self.fail(self._formatMessage(msg, "%s not found in %s" % (_safe_repr(member), _safe_repr(container))))

    def assertNotIn(self, member, container, msg=None):
        if member in container:
            self.fail(self._formatMessage(msg, "%s unexpectedly found in %s" % (_safe_repr(member), _safe_repr(container))))

    def assertHasAttr(self, obj, name, msg=None):
        if not hasattr(obj, name):
            self.fail(self._formatMessage(msg, "%s has no attribute %r" % (_safe_repr(obj), name)))

    def assertNotHasAttr(self, obj, name, msg=None):
        if hasattr(obj, name):
            self.fail(self._formatMessage(msg, "%s has unexpected attribute %r" % (_safe_repr(obj), name)))

    # -- regular expressions
    def assertRegex(self, text, expected_regex, msg=None):
        if not _regex_search(expected_regex, text):
            self.fail(self._formatMessage(msg, "Regex didn't match: %r not found in %r" % (expected_regex, text)))

    def assertNotRegex(self, text, unexpected_regex, msg=None):
        if _regex_search(unexpected_regex, text):
            self.fail(self._formatMessage(msg, "Regex matched: %r matches in %r" % (unexpected_regex, text)))

    # -- exceptions and warnings
    def assertRaises(self, expected_exception, *args, **kwargs):
        return _AssertRaisesContext(expected_exception, self).handle(args, kwargs)

    def assertRaisesRegex(self, expected_exception, expected_regex, *args, **kwargs):
        return _AssertRaisesContext(expected_exception, self, expected_regex).handle(args, kwargs)

    def assertWarns(self, expected_warning, *args, **kwargs):
        return _AssertWarnsContext(expected_warning, self).handle(args, kwargs)

    def assertWarnsRegex(self, expected_warning, expected_regex, *args, **kwargs):
        return _AssertWarnsContext(expected_warning, self, expected_regex).handle(args, kwargs)

    def assertLogs(self, *args, **kwargs):
        raise SkipTest("assertLogs needs logging")

    def assertNoLogs(self, *args, **kwargs):
        raise SkipTest("assertNoLogs needs logging")

    # -- running one test
    def _cpyt_run(self):
        """Run setUp, the test method, tearDown and cleanups.

        Returns (outcome, exception) with outcome one of "pass", "fail", "error",
        "skip", "xfail" (expected failure that failed: unittest's OK) or
        "xpass" (unexpected success: unittest's failure).
        """
        method = getattr(self, self._testMethodName)
        cls = type(self)
        # Decorator marks are read from the plain function in the class (pyrt's bound
        # methods do not forward attribute reads to __func__ yet).
        function = getattr(cls, self._testMethodName)
        if getattr(cls, "__unittest_skip__", False):
            return "skip", SkipTest(getattr(cls, "__unittest_skip_why__", ""))
        if getattr(function, "__unittest_skip__", False):
            return "skip", SkipTest(getattr(function, "__unittest_skip_why__", ""))
        expecting_failure = getattr(function, "__unittest_expecting_failure__", False) or getattr(
            cls, "__unittest_expecting_failure__", False
        )
        outcome, error = "pass", None
        try:
            self.setUp()
        except SkipTest as exc:
            return "skip", exc
        except KeyboardInterrupt:
            raise
        except BaseException as exc:
            self.doCleanups()
            return ("fail" if isinstance(exc, self.failureException) else "error"), exc
        try:
            method()
        except SkipTest as exc:
            outcome, error = "skip", exc
        except ModuleNotFoundError as exc:
            # A module the interpreter does not have yet (imported inside the test): skipped, not failed.
            outcome, error = "skip", exc
        except KeyboardInterrupt:
            raise
        except BaseException as exc:
            outcome = "fail" if isinstance(exc, self.failureException) else "error"
            error = exc
        if outcome == "pass" and self._cpyt_subtest_failures:
            kind, label, exc = self._cpyt_subtest_failures[0]
            outcome, error = kind, exc
        try:
            self.tearDown()
        except KeyboardInterrupt:
            raise
        except BaseException as exc:
            if outcome in ("pass", "skip"):
                outcome, error = "error", exc
        for exc in self.doCleanups():
            if outcome in ("pass", "skip"):
                outcome, error = "error", exc
        if outcome == "pass" and self._cpyt_subtest_skips:
            # part of the test did not run: never count it as passed
            outcome, error = "skip", SkipTest(
                "%d subtest(s) skipped, first: %s" % (self._cpyt_subtest_skips, self._cpyt_first_subtest_skip)
            )
        if expecting_failure:
            if outcome in ("fail", "error"):
                return "xfail", error
            if outcome == "pass":
                return "xpass", None
        return outcome, error


class TestSuite:
    def __init__(self, tests=()):
        self._tests = list(tests)

    def addTest(self, test):
        self._tests.append(test)

    def addTests(self, tests):
        for test in tests:
            self.addTest(test)

    def __iter__(self):
        return iter(self._tests)


class TestLoader:
    testMethodPrefix = "test"

    def getTestCaseNames(self, testCaseClass):
        names = []
        for name in dir(testCaseClass):
            if name.startswith(self.testMethodPrefix) and callable(getattr(testCaseClass, name)):
                names.append(name)
        names.sort()
        return names

    def loadTestsFromTestCase(self, testCaseClass):
        return TestSuite([testCaseClass(name) for name in self.getTestCaseNames(testCaseClass)])


defaultTestLoader = TestLoader()


def _make_mock_placeholder():
    import _cpyt_missing

    return _cpyt_missing.missing_module("unittest.mock")


mock = _make_mock_placeholder()


def main(module="__main__", **kwargs):
    """Run the TestCase classes of `module` with run.py's collector and exit with its status."""
    import _cpyt_runner

    if isinstance(module, str):
        module = sys.modules[module]
    counts = _cpyt_runner.run_module(module, verbose=True)
    raise SystemExit(0 if counts["failed"] == 0 and counts["errored"] == 0 else 1)
