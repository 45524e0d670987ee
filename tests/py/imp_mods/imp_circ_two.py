print("imp_circ_two starts")
import imp_circ_one
print("imp_circ_two sees ONE =", imp_circ_one.ONE)
try:
    imp_circ_one.LATER
except AttributeError as e:
    print("AttributeError:", e)
TWO = 2
