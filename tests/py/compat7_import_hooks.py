# The import system's hooks: sys.meta_path, sys.path_hooks, sys.path_importer_cache, and
# finders/loaders written in Python, as CPython 3.13's importlib consults them.
import sys

print(sys.meta_path)
print(type(sys.path_hooks).__name__, sys.path_hooks[-1].__name__, sys.path_hooks[-1].__qualname__)
print(type(sys.path_importer_cache).__name__)


class StringLoader:
    sources = {
        'virt_a': 'X = 1\ndef f():\n    return __name__\n',
        'virt_pkg': 'P = "pkg"\n',
        'virt_pkg.child': 'from . import sibling\nC = sibling.S * 2\n',
        'virt_pkg.sibling': 'S = 21\n',
        'virt_bad': 'raise ValueError("boom in virt_bad")\n',
    }

    def create_module(self, spec):
        return None

    def exec_module(self, module):
        print("exec", module.__name__, module.__spec__.name, module.__loader__ is self)
        exec(self.sources[module.__name__], module.__dict__)


class StringFinder:
    loader = StringLoader()

    def find_spec(self, fullname, path, target=None):
        if fullname not in self.loader.sources:
            return None
        print("find_spec", fullname, None if path is None else type(path).__name__, target)
        import importlib.util
        return importlib.util.spec_from_loader(fullname, self.loader, is_package=(fullname == 'virt_pkg'))


finder = StringFinder()
sys.meta_path.append(finder)
import virt_a
print(virt_a.X, virt_a.f(), virt_a.__spec__.origin, virt_a.__package__, '__file__' in vars(virt_a))
print(sys.modules['virt_a'] is virt_a)
import virt_pkg.child
print(virt_pkg.child.C, virt_pkg.__path__, virt_pkg.__spec__.submodule_search_locations, virt_pkg.child.__package__)
try:
    import virt_bad
except ValueError as e:
    print("ValueError:", e, 'virt_bad' in sys.modules)
try:
    import virt_missing
except ModuleNotFoundError as e:
    print("ModuleNotFoundError:", e, e.name)


# A finder put first shadows a module written in Rust.
class Shadow:
    @classmethod
    def find_spec(cls, name, path=None, target=None):
        if name == 'time':
            import importlib.machinery
            return importlib.machinery.ModuleSpec(name, cls, origin='shadow')
        return None

    @staticmethod
    def create_module(spec):
        m = type(sys)(spec.name)
        m.time = 3
        return m

    @staticmethod
    def exec_module(module):
        module.shadowed = True


sys.meta_path.insert(0, Shadow)
sys.modules.pop('time', None)
import time
print(time.time, time.shadowed, time.__spec__, time.__loader__ is Shadow)
sys.meta_path.remove(Shadow)
del sys.modules['time']
import time
print(callable(time.time), time.__spec__)


# A finder without find_spec is skipped; a loader with exec_module needs create_module.
class NoFindSpec:
    pass


class ExecOnly:
    def exec_module(self, module):
        pass


class ExecOnlyFinder:
    def find_spec(self, name, path=None, target=None):
        if name == 'exec_only_mod':
            import importlib.machinery
            return importlib.machinery.ModuleSpec(name, ExecOnly())
        if name == 'no_loader_mod':
            import importlib.machinery
            return importlib.machinery.ModuleSpec(name, None)


sys.meta_path.insert(0, NoFindSpec())
sys.meta_path.append(ExecOnlyFinder())
for name in ('exec_only_mod', 'no_loader_mod'):
    try:
        __import__(name)
    except ImportError as e:
        print(type(e).__name__, e)


# A finder that raises: the exception propagates.
class Raising:
    def find_spec(self, name, path=None, target=None):
        if name == 'raising_mod':
            raise RuntimeError("finder failed")


sys.meta_path.insert(0, Raising())
try:
    import raising_mod
except RuntimeError as e:
    print("RuntimeError:", e)


# An empty meta_path finds nothing, not even modules written in Rust.
saved = sys.meta_path[:]
sys.meta_path.clear()
sys.modules.pop('time', None)
try:
    import time
except ModuleNotFoundError as e:
    print("ModuleNotFoundError:", e)
sys.meta_path[:] = saved
sys.meta_path = None
try:
    import time
except ImportError as e:
    print("ImportError:", e)
sys.meta_path = saved
import time
print(time.__name__)
