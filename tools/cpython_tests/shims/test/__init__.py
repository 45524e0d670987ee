"""The `test` package for the runner: this shim directory first, CPython's Lib/test second.

`test.support` comes from the shim; every other submodule (test.test_grammar,
test.list_tests, test.seq_tests, test.typinganndata, ...) is CPython 3.13's own file,
read unmodified from its installation.
"""

import os as _os

_CPYTHON_TEST_DIR = _os.environ.get("CPYT_TEST_DIR", "/root/.pyenv/versions/3.13.0/lib/python3.13/test")

__path__ = [__path__[0], _CPYTHON_TEST_DIR] if "__path__" in globals() else [_CPYTHON_TEST_DIR]
