# importlib, importlib.util and importlib.machinery as CPython 3.13 freezes them.
import sys, os
import importlib, importlib.util, importlib.machinery as machinery
here = os.path.dirname(__file__)
pkgs = os.path.join(here, "pkgs")

print(importlib.util.__spec__)
print(importlib.machinery.__spec__)
print(importlib.util.__loader__, importlib.util.__package__)
print(machinery.ModuleSpec, machinery.BuiltinImporter, machinery.FrozenImporter)
print(machinery.PathFinder, machinery.FileFinder, machinery.SourceFileLoader)
print(machinery.SOURCE_SUFFIXES, machinery.BYTECODE_SUFFIXES)
print(sys.modules['importlib._bootstrap'] is sys.modules['_frozen_importlib'])
print(sys.modules['importlib._bootstrap_external'] is sys.modules['_frozen_importlib_external'])

# spec_from_file_location + module_from_spec + exec_module, without sys.modules.
path = os.path.join(pkgs, 'simplemod.py')
spec = importlib.util.spec_from_file_location('loaded_by_hand', path)
print(spec.name, type(spec.loader).__name__, spec.origin == path, spec.has_location, spec.parent == '')
mod = importlib.util.module_from_spec(spec)
print(mod.__name__, mod.__file__ == path, 'loaded_by_hand' in sys.modules)
spec.loader.exec_module(mod)
print(sorted(k for k in vars(mod) if not k.startswith('__')))

# spec_from_loader with is_package, and a loader's is_package.
class L:
    def is_package(self, name):
        return name == 'p'

print(importlib.util.spec_from_loader('p', L()).submodule_search_locations)
print(importlib.util.spec_from_loader('q', L()).submodule_search_locations)
r = importlib.util.spec_from_loader('r', L(), origin='somewhere')
print(r.origin, r.submodule_search_locations, r.has_location, r.cached)

# find_spec: already imported modules give their spec; others are searched for.
print(importlib.util.find_spec('sys') is sys.__spec__)
print(importlib.util.find_spec('gc'))
print(importlib.util.find_spec('no_such_module_at_all'))
sys.path.insert(0, pkgs)
s = importlib.util.find_spec('shapes.square')
print(s.name, s.parent, 'shapes' in sys.modules, 'shapes.square' in sys.modules)
try:
    importlib.util.find_spec('simplemod.x')
except ModuleNotFoundError as e:
    print("ModuleNotFoundError:", e)
print(importlib.util.resolve_name('.square', 'shapes'))
try:
    importlib.util.resolve_name('.x', None)
except ImportError as e:
    print("ImportError:", e)

# import_module, reload.
m = importlib.import_module('.square', 'shapes')
print(m.__name__, sys.modules['shapes'].square is m)
try:
    importlib.import_module('.x')
except TypeError as e:
    print("TypeError:", e)
import counter_mod
before = counter_mod.__dict__.get('count')
again = importlib.reload(counter_mod)
print(again is counter_mod)
try:
    importlib.reload(42)
except TypeError as e:
    print("TypeError:", e)

# BuiltinImporter / FrozenImporter.
print(machinery.BuiltinImporter.find_spec('gc'))
print(machinery.BuiltinImporter.find_spec('importlib'))
print(machinery.FrozenImporter.find_spec('importlib.util'))
print(machinery.FrozenImporter.find_spec('gc'))
print(machinery.FrozenImporter.is_package('importlib.util'), machinery.FrozenImporter.get_source('importlib.util'))
try:
    machinery.FrozenImporter.get_code('gc')
except ImportError as e:
    print("ImportError:", e)
print(machinery.FrozenImporter.get_code('importlib.util').co_filename)
print(importlib.util.cache_from_source.__name__)
print(importlib.util.decode_source(b'# -*- coding: latin-1 -*-\nx = "\xe9"\r\n'))
