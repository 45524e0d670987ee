print("imp_circ_one starts")
ONE = 1
import imp_circ_two
print("imp_circ_one sees TWO =", imp_circ_two.TWO)
