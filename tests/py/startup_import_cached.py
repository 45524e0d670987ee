# A module already in sys.modules is the import's result without asking sys.meta_path's
# finders (CPython's PyImport_ImportModuleLevelObject); only a miss calls them.
import sys
class Spy:
    calls = []
    def find_spec(self, name, path=None, target=None):
        Spy.calls.append(name)
        return None
sys.meta_path.insert(0, Spy())
import sys as again
print(again is sys)
import math
import math
from math import pi
print(Spy.calls)
def in_function():
    import math
    return math.floor(2.5)
print(in_function(), in_function())
# A non-module object in sys.modules is the result too.
sys.modules["not_a_module"] = 42
import not_a_module
print(not_a_module)
from not_a_module import real
print(real)
# import_ensure_initialized reads __spec__ (an error there is the import's)...
class Odd:
    @property
    def __spec__(self):
        raise ValueError("spec read")
sys.modules["odd"] = Odd()
try:
    import odd
    print("imported", type(odd).__name__)
except ValueError as e:
    print("ValueError", e)
# ... and __spec__._initializing.
class BadSpec:
    class __spec__:
        @property
        def _initializing(self):
            raise KeyError("initializing read")
    __spec__ = __spec__()
sys.modules["badspec"] = BadSpec()
try:
    import badspec
except KeyError as e:
    print("KeyError", e)
class Init:
    class __spec__:
        _initializing = True
sys.modules["init"] = Init()
import init
print(type(init).__name__)
# None blocks the import.
sys.modules["blocked"] = None
try:
    import blocked
except ImportError as e:
    print(type(e).__name__, e, e.name)
try:
    from blocked import x
except ImportError as e:
    print(type(e).__name__, e)
try:
    import blocked.sub
except ImportError as e:
    print(type(e).__name__, e)
print(Spy.calls)
# A spec loaded from a file says it is initialising while its module runs.
sys.path.insert(0, sys.path[0] + "/pkgs")
import startup_spec_state
print(startup_spec_state.during, startup_spec_state.__spec__._initializing)
print(math.__spec__._initializing, sorted(vars(math.__spec__)))
print("_initializing" in vars(sys.__spec__))
