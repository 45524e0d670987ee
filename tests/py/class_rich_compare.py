class R:
    def __init__(self, v):
        self.v = v
    def __lt__(self, o):
        print("lt", self.v, o.v if isinstance(o, R) else o)
        return self.v < (o.v if isinstance(o, R) else o)
    def __repr__(self):
        return f"R{self.v}"
print(R(1) < R(2), R(3) > R(2), R(1) < 5)
print(sorted([R(3), R(1), R(2)]))
try:
    R(1) <= R(2)
except TypeError as e:
    print(e)
class Sub(R):
    def __gt__(self, o):
        print("Sub.gt")
        return True
print(R(1) < Sub(2))
