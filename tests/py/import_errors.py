import sys
sys.path.insert(0, sys.path[0] + "/pkgs")
try:
    import no_such_module_xyz
except ModuleNotFoundError as e:
    print(type(e).__name__, e, e.name)
try:
    from simplemod import nothing_here
except ImportError as e:
    print(type(e).__name__, str(e).rsplit(" (/", 1)[0])
try:
    import broken_mod
except ValueError as e:
    print("ValueError", e)
print("broken_mod" in sys.modules)
try:
    import relative_beyond
except ImportError as e:
    print(type(e).__name__, str(e).rsplit(" (/", 1)[0])
try:
    import simplemod.sub
except ModuleNotFoundError as e:
    print(e)
