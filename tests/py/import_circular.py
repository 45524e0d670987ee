import sys
sys.path.insert(0, sys.path[0] + "/pkgs")
import circ_a
print(circ_a.use_b(), circ_a.circ_b.circ_a is circ_a)
try:
    import circ_from_x
except ImportError as e:
    print(type(e).__name__, str(e).rsplit(" (/", 1)[0])
