import sys
sys.path.insert(0, sys.path[0] + "/pkgs")
import replaces_itself
print(type(replaces_itself).__name__, replaces_itself.value)
sys.modules["fake_module"] = type(sys)("fake_module")
sys.modules["fake_module"].attr = 42
import fake_module
print(fake_module.attr, fake_module.__name__)
sys.modules["blocked"] = None
try:
    import blocked
except ImportError as e:
    print(type(e).__name__, e)
