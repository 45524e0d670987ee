"""A minimal test.support.warnings_helper on top of `warnings.catch_warnings(record=True)`."""

import sys
import unittest


class WarningsRecorder:
    """Convenience wrapper for the warnings list returned on entry to catch_warnings()."""

    def __init__(self, warnings_list):
        self._warnings = warnings_list
        self._last = 0

    def __getattr__(self, attr):
        if len(self._warnings) > self._last:
            return getattr(self._warnings[-1], attr)
        elif attr in ("message", "category", "filename", "lineno", "line"):
            return None
        raise AttributeError("%r has no attribute %r" % (self, attr))

    @property
    def warnings(self):
        return self._warnings[self._last :]

    def reset(self):
        self._last = len(self._warnings)


class _CheckWarnings:
    def __init__(self, filters, quiet):
        self.filters = filters
        self.quiet = quiet

    def __enter__(self):
        import warnings

        registry = getattr(sys.modules.get("__main__"), "__warningregistry__", None)
        if registry:
            registry.clear()
        self.catcher = warnings.catch_warnings(record=True)
        caught = self.catcher.__enter__()
        warnings.simplefilter("always")
        self.recorder = WarningsRecorder(caught)
        return self.recorder

    def __exit__(self, exc_type, exc, tb):
        self.catcher.__exit__(exc_type, exc, tb)
        if exc_type is not None:
            return False
        reraise = list(self.recorder.warnings)
        missing = []
        for msg, cat in self.filters:
            seen = False
            for w in reraise[:]:
                warning = w.message
                if _msg_matches(msg, str(warning)) and issubclass(warning.__class__, cat):
                    seen = True
                    reraise.remove(w)
            if not seen and not self.quiet:
                missing.append((msg, cat.__name__))
        if reraise:
            raise AssertionError("unhandled warning %s" % reraise[0])
        if missing:
            raise AssertionError("filter (%r, %s) did not catch any warning" % missing[0])
        return False


def _msg_matches(pattern, text):
    import _cpyt_regex

    if pattern == "":
        return True
    try:
        return _cpyt_regex.search("^(?:" + pattern + ")", text)
    except _cpyt_regex.Unsupported as exc:
        raise unittest.SkipTest("regex outside the shim's subset: %s" % exc)


def check_warnings(*filters, **kwargs):
    quiet = kwargs.get("quiet")
    if not filters:
        filters = (("", Warning),)
        if quiet is None:
            quiet = True
    return _CheckWarnings(filters, quiet)


def check_no_warnings(testcase, message="", category=Warning, force_gc=False):
    return _CheckNoWarnings(testcase)


class _CheckNoWarnings:
    def __init__(self, testcase):
        self.testcase = testcase

    def __enter__(self):
        import warnings

        self.catcher = warnings.catch_warnings(record=True)
        self.caught = self.catcher.__enter__()
        warnings.simplefilter("always")
        return self

    def __exit__(self, *exc):
        self.catcher.__exit__(*exc)
        if exc[0] is None:
            self.testcase.assertEqual(self.caught, [])
        return False


def check_syntax_warning(testcase, statement, errtext="", *, lineno=1, offset=None):
    import warnings

    with warnings.catch_warnings(record=True) as warns:
        warnings.simplefilter("always", SyntaxWarning)
        compile(statement, "<testcase>", "exec")
    testcase.assertEqual(len(warns), 1, warns)
    (warn,) = warns
    testcase.assertTrue(issubclass(warn.category, SyntaxWarning), warn.category)
    if errtext:
        testcase.assertRegex(str(warn.message), errtext)
    testcase.assertEqual(warn.filename, "<testcase>")
    testcase.assertIsNotNone(warn.lineno)
    if lineno is not None:
        testcase.assertEqual(warn.lineno, lineno)
    with warnings.catch_warnings(record=True) as warns:
        warnings.simplefilter("error", SyntaxWarning)
        from test.support import check_syntax_error

        check_syntax_error(testcase, statement, errtext, lineno=lineno, offset=offset)
    testcase.assertEqual(warns, [])


def ignore_warnings(*, category):
    def decorator(test):
        def wrapper(self, *args, **kwargs):
            import warnings

            with warnings.catch_warnings():
                warnings.simplefilter("ignore", category=category)
                return test(self, *args, **kwargs)

        # (pyrt cannot assign function __name__ yet; the name is only cosmetic)
        return wrapper

    return decorator
