# Importing modules written in Rust does not make the import system's Python objects; what
# they would have set is made when first used, with CPython's values.
import sys, time, gc
print(time.__spec__)
print(time.__loader__.__name__, repr(time.__package__))
print(gc.__spec__.name, gc.__spec__.origin)
print([f.__name__ for f in sys.meta_path])
print(sys.__spec__)
print(type(sys.path_importer_cache).__name__, type(sys.path_hooks).__name__)
import builtins
print(builtins.__spec__.name, builtins.__loader__.__name__)
print("_frozen_importlib" in sys.modules, "_imp" in sys.modules)
print(repr(time))
