import builtins
import sys
sys.path.insert(0, sys.path[0] + "/imp_mods")
import imp_pkg.sub
original = builtins.__import__
seen = []


def logging_import(name, globals=None, locals=None, fromlist=(), level=0):
    if name != "_io":  # CPython's source loader imports _io through __import__
        seen.append((name, fromlist, level))
    return original(name, globals, locals, fromlist, level)


builtins.__import__ = logging_import
import imp_star_all
from imp_star_noall import visible
import imp_pkg.sub.quiet
builtins.__import__ = original
print(seen)
print(visible, imp_pkg.sub.quiet.QUIET, __import__ is original)
