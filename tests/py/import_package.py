import sys
sys.path.insert(0, sys.path[0] + "/pkgs")
import shapes
print(shapes.describe(), shapes.Square(3).area(), shapes.circle.area(1))
import shapes.util.consts as c
print(c.PI, c.UNIT, c.__name__, c.__package__, shapes.util.consts is c)
print(shapes.__package__, shapes.__name__, shapes.__path__[0].endswith("shapes"), hasattr(shapes, "square"))
print(sorted(m for m in sys.modules if m.startswith("shapes")))
