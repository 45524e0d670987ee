# The import system's own builtin module, imported first: the one it uses.
import _imp
import sys
print(sys.modules["_imp"] is _imp)
print(_imp.is_frozen("_frozen_importlib"), sys.modules["_frozen_importlib"].__name__)
print([f.__name__ for f in sys.meta_path])
