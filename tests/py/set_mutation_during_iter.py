s = {1, 2, 3}
try:
    for x in s:
        s.add(x + 10)
except RuntimeError as e:
    print(e)
s2 = {1, 2, 3}
for x in list(s2):
    s2.discard(x)
print(s2, set.__name__, {1, 2}.copy(), {1}.__len__())
class H:
    def __init__(self, v):
        self.v = v
    def __hash__(self):
        return hash(self.v % 3)
    def __eq__(self, other):
        return isinstance(other, H) and self.v % 3 == other.v % 3
print(len({H(1), H(4), H(7), H(2)}))
