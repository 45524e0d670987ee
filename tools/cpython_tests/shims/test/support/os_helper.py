"""A minimal test.support.os_helper: TESTFN names and unlink, as in CPython 3.13."""

import os

TESTFN_ASCII = "@test"
TESTFN = "{}_{}_tmp".format(TESTFN_ASCII, os.getpid()) if hasattr(os, "getpid") else TESTFN_ASCII + "_tmp"
TESTFN_UNICODE = TESTFN + "-\xe0\xf2\u0258\u0141\u011f"


def unlink(filename):
    try:
        os.unlink(filename)
    except (FileNotFoundError, NotADirectoryError):
        pass


class EnvironmentVarGuard:
    def __init__(self):
        self._environ = os.environ
        self._changed = {}

    def __setitem__(self, name, value):
        if name not in self._changed:
            self._changed[name] = self._environ.get(name)
        self._environ[name] = value

    def __delitem__(self, name):
        if name not in self._changed:
            self._changed[name] = self._environ.get(name)
        self._environ.pop(name, None)

    def set(self, name, value):
        self[name] = value

    def unset(self, name):
        del self[name]

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        for name, value in self._changed.items():
            if value is None:
                self._environ.pop(name, None)
            else:
                self._environ[name] = value
        return False
