class Eq:
    def __eq__(self, other):
        return self == other
try:
    Eq() == Eq()
except RecursionError as e:
    print("RecursionError in __eq__:", e)
class H:
    def __hash__(self):
        return hash(self)
try:
    {H()}
except RecursionError as e:
    print("RecursionError in __hash__:", e)
d = {}
cur = d
for _ in range(30000):
    cur["k"] = {}
    cur = cur["k"]
try:
    str(d)
except RecursionError as e:
    print("RecursionError in dict repr:", e)
print("interpreter still usable", sum(range(10)))
