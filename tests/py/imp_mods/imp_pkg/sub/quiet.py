from . import sibling
from ..leaf import LEAF
QUIET = sibling.SIB + LEAF
