import sys
sys.path.insert(0, sys.path[0] + "/imp_mods")
from imp_star_all import *
print(public, _chosen)
try:
    other
except NameError as e:
    print("NameError", e)
from imp_star_noall import *
print(visible, helper())
try:
    _invisible
except NameError as e:
    print("NameError", e)
try:
    _sys
except NameError as e:
    print("NameError", e)
try:
    from imp_star_badall import *
except TypeError as e:
    print("TypeError", e)
try:
    from imp_star_missing import *
except AttributeError as e:
    print("AttributeError", e)
print(present)


class Namespace:
    from imp_star_all import public as in_class


print(Namespace.in_class)
