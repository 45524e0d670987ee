from imp_circ_from_b import B
A = "a"
