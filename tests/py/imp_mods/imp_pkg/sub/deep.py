print("imp_pkg.sub.deep runs")
from .. import leaf
from ..leaf import LEAF
from . import sibling
from .sibling import SIB
DEEP = LEAF + "/" + SIB
