class P:
    def __init__(self, v):
        self.v = v
    def __eq__(self, o):
        return isinstance(o, P) and self.v == o.v
print(P.__hash__, P(1) == P(1), P(1) != P(1), P(1) != P(2))
try:
    hash(P(1))
except TypeError as e:
    print(e)
try:
    {P(1)}
except TypeError as e:
    print(e)
class H(P):
    def __hash__(self):
        return hash(self.v)
print(len({H(1), H(1), H(2)}), H(1) in {H(1): 0})
class Plain:
    pass
a = Plain()
print(a == a, a == Plain(), a != Plain(), hash(a) == hash(a))
class NeOnly:
    def __ne__(self, o):
        return "custom-ne"
print(NeOnly() != 1, NeOnly() == 1)
class EqNotImpl:
    def __eq__(self, o):
        return NotImplemented
x = EqNotImpl()
print(x == x, x == EqNotImpl(), x != x)
