"""`operator` for interpreters without the standard library: CPython 3.13's own Lib/operator.py.

Used only when `import operator` fails. That file is pure Python (its C accelerator
`_operator` is optional), so it is executed unmodified from CPython's installation
into this module's namespace.
"""

import test as _test_pkg

_path = _test_pkg._CPYTHON_TEST_DIR.rpartition("/")[0] + "/operator.py"
with open(_path) as _f:
    _source = _f.read()
exec(compile(_source, _path, "exec"), globals())
del _f, _source, _path, _test_pkg
