# Replacing an instance's __dict__, and attribute access through it afterwards.
class C:
    def __init__(self):
        self.a = 1
        self.b = 2

c = C()
c.__dict__ = {"z": 26, "a": 100}
print(c.__dict__, c.a, c.z)
try:
    c.b
except AttributeError as e:
    print("AttributeError:", e)
c.b = 5
print(c.__dict__)
new = {"k": "v"}
c.__dict__ = new
print(c.__dict__ is new, c.k)
new["k2"] = "v2"
print(c.k2)
for bad in (1, [("a", 1)], None):
    try:
        c.__dict__ = bad
    except TypeError as e:
        print("TypeError:", e)
try:
    del c.__dict__
except TypeError as e:
    print("TypeError:", e)
print(c.__dict__)

class D(dict):
    pass

c.__dict__ = D(q=1)
print(type(c.__dict__).__name__, c.q)

# Instances of the same class are independent.
c2 = C()
print(vars(c2))
c2.__dict__.clear()
print(vars(c2), hasattr(c2, "a"))
c2.a = 3
print(vars(c2))

# vars() of objects with and without __dict__.
print("__init__" in vars(C), vars(C)["__module__"])
try:
    vars(1)
except TypeError as e:
    print("TypeError:", e)
