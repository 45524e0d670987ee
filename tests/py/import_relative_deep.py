import sys
sys.path.insert(0, sys.path[0] + "/pkgs")
import layered
from layered import *
print(layered.VERSION, engine.NAME, engine.run(5))
print(sorted(m for m in sys.modules if m.startswith("layered")))
from layered.helpers.fmt import render
print(render("x"), layered.core.engine is engine)
