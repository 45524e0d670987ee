import sys
sys.path.insert(0, sys.path[0] + "/pkgs")
import simplemod, shapes, shapes.square
for m in (simplemod, shapes, shapes.square, sys):
    sp = m.__spec__
    print(sp.name, sp.origin.rsplit("/", 2)[-2:] if sp.origin else None, repr(sp.parent), sp.submodule_search_locations is not None, sp.has_location, sp.loader_state)
    print(type(sp).__name__, type(m.__loader__).__name__, '__cached__' in m.__dict__ or m is sys, repr(m.__package__))
    if m is not sys:
        print([k for k in m.__dict__ if k.startswith('__')][:9])
print(shapes.__path__ is shapes.__spec__.submodule_search_locations)
print(simplemod.__loader__.name, simplemod.__loader__.path.rsplit("/", 1)[-1], simplemod.__loader__.is_package("simplemod"), shapes.__loader__.is_package("shapes"))
print(simplemod.__loader__.get_filename() == simplemod.__file__, simplemod.__loader__ == simplemod.__loader__)
print(sys.__loader__, sys.__spec__)
print(repr(simplemod.__spec__).split(", loader=")[0], repr(sys.__spec__))
import builtins
print(builtins.__spec__.origin, builtins.__loader__.is_package("builtins"))
try:
    sys.__loader__.get_code("simplemod")
except ImportError as e:
    print("ImportError:", e)
try:
    simplemod.__loader__.get_filename("other")
except ImportError as e:
    print("ImportError:", e)
print(__spec__, __loader__.__class__.__name__ if False else None)
