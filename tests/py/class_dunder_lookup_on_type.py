class C:
    def __len__(self):
        return 1
c = C()
c.__len__ = lambda: 100
print(len(c), c.__len__())
class D:
    pass
d = D()
d.__add__ = lambda o: "instance add"
try:
    d + 1
except TypeError as e:
    print(e)
D.__add__ = lambda self, o: "class add"
print(d + 1)
class E:
    def __eq__(self, o):
        return "eq result"
print(E() == 1, E() != 1)
