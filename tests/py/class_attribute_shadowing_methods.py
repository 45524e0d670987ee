class C:
    def method(self):
        return "method"
c = C()
c.method = lambda: "instance attribute"
print(c.method(), C.method(c))
del c.method
print(c.method())
class D:
    value = property(lambda self: "prop")
d = D()
try:
    d.value = 1
except AttributeError as e:
    print(e)
d.__dict__["value"] = "in dict"
print(d.value)
