"""A minimal test.support.import_helper: import_module skips when the module is missing."""

import sys
import unittest


def import_module(name, deprecated=False, *, required_on=()):
    try:
        module = __import__(name)
    except ImportError as msg:
        raise unittest.SkipTest(str(msg))
    for part in name.split(".")[1:]:
        module = getattr(module, part)
    if getattr(module, "_cpyt_missing", False):
        raise unittest.SkipTest("No module named %r" % name)
    return module


def import_fresh_module(name, fresh=(), blocked=(), *, deprecated=False, usefrozen=False):
    raise unittest.SkipTest("import_fresh_module needs importlib")


class CleanImport:
    def __init__(self, *module_names, usefrozen=False):
        self.original_modules = dict(sys.modules)
        for name in module_names:
            sys.modules.pop(name, None)

    def __enter__(self):
        return self

    def __exit__(self, *ignore_exc):
        sys.modules.update(self.original_modules)
        return False


class DirsOnSysPath:
    def __init__(self, *paths):
        self.original_value = sys.path[:]
        sys.path.extend(paths)

    def __enter__(self):
        return self

    def __exit__(self, *ignore_exc):
        sys.path[:] = self.original_value
        return False
