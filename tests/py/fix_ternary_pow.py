# Three-argument pow: a class's __pow__(exp, mod), float's refusal, the three-type error.
class N:
    def __pow__(self, o, m=None): return ("pow", o, m)
    def __rpow__(self, o): return "rpow"
print(pow(N(), 2, 5), pow(N(), 2))
for a in [(1.5, 2, 3), ("a", 2, 3), (2, 2, 2.0), (2, N(), 3)]:
    try: print(pow(*a))
    except TypeError as e: print(e)
