# vars(sys), dir(sys) and sys.modules show the import system's objects as CPython does,
# though only modules written in Rust were imported.
import sys
import time
print(type(vars(sys)["meta_path"]).__name__)
print("path_hooks" in dir(sys))
print(sorted(k for k in sys.modules if "importlib" in k))
print(vars(time)["__spec__"].name)
print(time.__spec__ is vars(time)["__spec__"])
import _imp
print(_imp is sys.modules["_imp"], _imp.is_builtin("time"))
