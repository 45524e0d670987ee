"""Placeholders for modules the running interpreter lacks.

A test file's top-level `import pickle` must not stop the whole file from loading
when pyrt has no `pickle` yet. `run.py` installs, for each module a test file
imports that fails to import, a placeholder module: any attribute of it is a
placeholder class (so `from pickle import dumps`, `pickle.HIGHEST_PROTOCOL`,
`typing.Optional[int]` and `class S(weakref.WeakSet)` all still evaluate), and
*calling* a placeholder (or instantiating a subclass of one) raises
`unittest.SkipTest("needs pickle.dumps")`. A test that touches a missing module
is therefore counted as skipped, never as passed; iteration, arithmetic and
comparisons on a placeholder also skip.

While the runner executes a test file's top level (`loading` is true), calls are
lazy instead, so decorators built from a missing module still evaluate:
`@mock.patch.object(...)` yields a placeholder, and a placeholder applied to a
function or class marks it skipped ("needs unittest.mock.patch.object").
"""

import sys

from unittest import SkipTest


# True while a test file's top level runs (set by _cpyt_runner.load_test_file).
loading = False


class _MissingMeta(type):
    def __getattr__(cls, name):
        if name.startswith("__") and name.endswith("__"):
            raise AttributeError(name)
        return missing_object(cls._cpyt_qualname + "." + name)

    def __getitem__(cls, key):
        return cls

    def __call__(cls, *args, **kwargs):
        if not loading:
            raise SkipTest("needs " + cls._cpyt_qualname)
        if len(args) == 1 and not kwargs and (isinstance(args[0], type) or hasattr(args[0], "__code__")):
            target = args[0]
            target.__unittest_skip__ = True
            target.__unittest_skip_why__ = "needs " + cls._cpyt_qualname
            return target
        return missing_object(cls._cpyt_qualname + "()")

    def __iter__(cls):
        raise SkipTest("needs " + cls._cpyt_qualname)

    def __or__(cls, other):
        return cls

    def __ror__(cls, other):
        return cls

    def _cpyt_skip(cls, *args):
        raise SkipTest("needs " + cls._cpyt_qualname)

    # Arithmetic, ordering and conversions on a placeholder mean the test needs the module.
    __add__ = __radd__ = __sub__ = __rsub__ = __mul__ = __rmul__ = _cpyt_skip
    __truediv__ = __floordiv__ = __mod__ = __pow__ = __neg__ = __and__ = _cpyt_skip
    __lt__ = __le__ = __gt__ = __ge__ = _cpyt_skip
    __index__ = __int__ = __float__ = __len__ = __contains__ = _cpyt_skip


def missing_object(qualname):
    return _MissingMeta(qualname.rpartition(".")[2], (), {"_cpyt_qualname": qualname})


def missing_module(name):
    module = type(sys)(name)

    def module_getattr(attr):
        if attr.startswith("__") and attr.endswith("__"):
            raise AttributeError(attr)
        return missing_object(name + "." + attr)

    module.__getattr__ = module_getattr
    module.__path__ = []
    module._cpyt_missing = True
    return module


def install(name):
    """Put a placeholder for `name` (and its parent packages) into sys.modules; return it."""
    parts = name.split(".")
    parent = None
    for depth in range(1, len(parts) + 1):
        prefix = ".".join(parts[:depth])
        module = sys.modules.get(prefix)
        if module is None:
            module = missing_module(prefix)
            sys.modules[prefix] = module
        if parent is not None and getattr(parent, "_cpyt_missing", False):
            setattr(parent, parts[depth - 1], module)
        parent = module
    return parent
