print("imp_pkg init, __package__ =", __package__)
from . import leaf
from .leaf import LEAF as LEAF_FROM_INIT
PKG_NAME = __name__
