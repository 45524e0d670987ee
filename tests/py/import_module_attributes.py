import sys
sys.path.insert(0, sys.path[0] + "/pkgs")
import simplemod, shapes
for m in (simplemod, shapes):
    print(m.__name__, m.__package__, m.__spec__.name if m.__spec__ else None, m.__file__.rsplit("/", 2)[-2:], hasattr(m, "__path__"), m.__loader__ is not None)
print(__name__, __package__, __spec__)
