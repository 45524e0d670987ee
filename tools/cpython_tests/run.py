"""Run CPython 3.13's own test files with the project's shim unittest (see README.md).

    pyrt tools/cpython_tests/run.py [-v] test_int
    PYENV_VERSION=3.13.0 python3 tools/cpython_tests/run.py [-v] test_int
"""

import sys

_HERE = __file__.rpartition("/")[0] or "."
sys.path.insert(0, _HERE + "/shims")
sys.path.append(_HERE + "/fallback")

import _cpyt_runner  # noqa: E402

sys.exit(_cpyt_runner.main(sys.argv[1:]))
