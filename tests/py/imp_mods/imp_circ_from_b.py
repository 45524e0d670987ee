from imp_circ_from_a import A
B = "b"
