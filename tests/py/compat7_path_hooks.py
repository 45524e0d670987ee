# sys.path_hooks and sys.path_importer_cache: PathFinder asks the cache, else the hooks, for
# the finder of each path entry.
import sys, os
here = os.path.dirname(__file__)
pkgs = os.path.join(here, "pkgs")


class DictFinder:
    def __init__(self, entry):
        self.entry = entry

    def find_spec(self, fullname, target=None):
        if fullname.startswith('hooked_'):
            import importlib.util
            return importlib.util.spec_from_loader(fullname, DictLoader())
        return None

    def invalidate_caches(self):
        print("invalidate", self.entry)


class DictLoader:
    def create_module(self, spec):
        return None

    def exec_module(self, module):
        module.value = module.__name__.upper()


def hook(entry):
    if entry != 'dict-entry':
        raise ImportError("not mine")
    print("hook called for", entry)
    return DictFinder(entry)


sys.path_hooks.insert(0, hook)
sys.path.append('dict-entry')
import hooked_one
print(hooked_one.value, type(sys.path_importer_cache['dict-entry']).__name__)
import hooked_two
print(hooked_two.value)

# The default FileFinder fills the cache for a directory entry.
sys.path.insert(0, pkgs)
import simplemod
f = sys.path_importer_cache[pkgs]
print(type(f).__name__, f.path == pkgs, repr(f) == f"FileFinder({pkgs!r})")
print(f.find_spec('simplemod').name, f.find_spec('shapes').submodule_search_locations == [os.path.join(pkgs, 'shapes')])
print(f.find_spec('nope'))

# A None in the cache means "no finder": the entry is skipped.
sys.path_importer_cache['/nonexistent-dir'] = None
sys.path.append('/nonexistent-dir')

print('dict-entry' in sys.path_importer_cache, sys.path_importer_cache['/nonexistent-dir'])
sys.path.remove('dict-entry')
sys.path.remove('/nonexistent-dir')
sys.path_importer_cache['/abs-entry'] = DictFinder('/abs-entry')
import importlib
importlib.invalidate_caches()
print('dict-entry' in sys.path_importer_cache, '/nonexistent-dir' in sys.path_importer_cache, '/abs-entry' in sys.path_importer_cache)

# A finder in the cache is used without asking the hooks again.
sys.path_importer_cache['manual'] = DictFinder('manual')
sys.path.append('manual')
import hooked_three
print(hooked_three.value)

from importlib.machinery import PathFinder, FileFinder, SourceFileLoader
spec = PathFinder.find_spec('shapes', [pkgs])
print(spec.name, type(spec.loader).__name__, spec.origin.endswith('shapes/__init__.py'))
print(PathFinder.find_spec('shapes', ['/nonexistent-dir']))
ff = FileFinder(pkgs, (SourceFileLoader, ['.py']))
print(ff.find_spec('circ_a').loader.name, ff.path == pkgs)
hook2 = FileFinder.path_hook((SourceFileLoader, ['.py']))
try:
    hook2('/nonexistent-dir')
except ImportError as e:
    print("ImportError:", e, e.path)
