class D:
    def __get__(self, obj, owner):
        return "descriptor"
class C:
    pass
c = C()
c.attr = D()
print(type(c.attr).__name__)
C.attr2 = D()
print(c.attr2, C.attr2)
class Meta(type):
    meta_attr = D()
class K(metaclass=Meta):
    pass
print(K.meta_attr)
try:
    K().meta_attr
except AttributeError as e:
    print(e)
