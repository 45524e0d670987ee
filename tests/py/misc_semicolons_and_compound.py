x = 1; y = 2; z = x + y
if z > 2: print("compound if", z)
for i in range(2): print("compound for", i)
while z > 2: z -= 1; print("compound while", z)
def one_liner(a): return a * 2
class Tiny: pass
print(one_liner(4), Tiny.__name__)
