print("circ_b start")
import circ_a
print("circ_b sees circ_a partially:", hasattr(circ_a, "A_VALUE"))
B_VALUE = "b"
print("circ_b end")
