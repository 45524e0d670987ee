import sys
sys.path.insert(0, sys.path[0] + "/pkgs")
from allmod import *
print(public_a, _semi_private)
try:
    public_b
except NameError as e:
    print(e)
from noall import *
print(visible)
try:
    _hidden
except NameError as e:
    print(e)
from shapes import *
print(Square, describe() if False else "describe imported:", "describe" in dir(), "not_exported" in dir())
