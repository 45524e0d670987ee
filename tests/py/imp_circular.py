import sys
sys.path.insert(0, sys.path[0] + "/imp_mods")
import imp_circ_one
print(imp_circ_one.imp_circ_two.TWO, imp_circ_one.imp_circ_two.imp_circ_one is imp_circ_one)
try:
    import imp_circ_from_a
except ImportError as e:
    print(type(e).__name__, str(e).split(" (")[0], e.name)
    print("(most likely due to a circular import)" in str(e), str(e).endswith("imp_circ_from_a.py)"))
print("imp_circ_from_a" in sys.modules, "imp_circ_from_b" in sys.modules)
