print("imp_pkg.leaf runs, __package__ =", __package__)
LEAF = "leaf"
