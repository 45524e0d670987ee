# Instance __dict__ order follows each instance's own insertion order, with inline values.
class P:
    def __init__(self, x, y):
        self.x = x
        self.y = y

a = P(1, 2)
print(a.__dict__, vars(a))
b = P(3, 4)
b.z = 5
del b.x
print(b.__dict__)
b.x = 6
print(b.__dict__, b.x, b.y, b.z)

class Q:
    pass

q1 = Q()
q1.b = 1
q1.a = 2
q2 = Q()
q2.a = 3
q2.b = 4
print(vars(q1), vars(q2))
del q1.b
q1.b = 5
print(list(vars(q1)), list(q2.__dict__.keys()))

# More attributes than the class expects: the dict takes over, order kept.
many = Q()
for i in range(45):
    setattr(many, "attr%d" % i, i * i)
d = vars(many)
print(len(d), list(d)[:3], list(d)[-3:], many.attr44)
for i in range(0, 45, 2):
    delattr(many, "attr%d" % i)
print(len(vars(many)), list(vars(many))[:4])

# Names built at run time are the same attributes as literal names.
r = P(0, 0)
setattr(r, "".join(["x"]), 10)
print(r.x, getattr(r, "y"), r.__dict__)
print(hasattr(r, "zz"), getattr(r, "zz", "default"))

# Deleting a missing attribute.
try:
    del r.zz
except AttributeError as e:
    print("AttributeError:", e)
del r.x
try:
    del r.x
except AttributeError as e:
    print("AttributeError:", e)
try:
    r.x
except AttributeError as e:
    print("AttributeError:", e)
print(r.__dict__)

# Subclasses share nothing with their base's keys but see the same behaviour.
class R(P):
    def __init__(self):
        super().__init__(7, 8)
        self.w = 9

s = R()
print(vars(s))
s.x = -1
del s.y
print(vars(s), s.w)

# __dict__ of the instance is a real dict and stays the same object.
t = P(1, 2)
d1 = t.__dict__
t.c = 3
print(d1 is t.__dict__, d1)
d1["e"] = 4
del d1["x"]
print(t.e, hasattr(t, "x"), vars(t))
t.y = 20
print(d1)
