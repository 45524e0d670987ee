"""test.support.script_helper needs subprocesses: every entry point skips the test."""

import unittest


def _no_subprocess(*args, **kwargs):
    raise unittest.SkipTest("script_helper needs subprocess")


assert_python_ok = _no_subprocess
assert_python_failure = _no_subprocess
spawn_python = _no_subprocess
run_python_until_end = _no_subprocess
make_script = _no_subprocess


def interpreter_requires_environment():
    return False
