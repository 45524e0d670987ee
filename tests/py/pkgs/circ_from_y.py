from circ_from_x import X
Y = "y"
