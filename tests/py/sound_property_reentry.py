# Python code run while a property's accessors are read or replaced may change the property
# itself: its fields are copied in and out, so nothing it reads is freed under it.
class Tricky:
    @property
    def __isabstractmethod__(self):
        # Re-initialise the property being inspected, dropping this very accessor's owner.
        outer.__init__(None, None, None, "new doc")
        return False

def getter(self):
    return "got"

outer = property(Tricky(), Tricky(), Tricky())
print(outer.__isabstractmethod__)
print(outer.fget, outer.fset, outer.__doc__)

# A replaced __doc__ whose finaliser reads and writes the same property.
class Doc:
    def __init__(self, text):
        self.text = text
    def __del__(self):
        print("old doc goes:", self.text, "| now:", p.__doc__)
        p.__doc__ = "set from __del__"

p = property(getter, doc=Doc("first"))
p.__doc__ = "second"
print(p.__doc__)

# A __set_name__ name replaced the same way.
class Name(str):
    def __del__(self):
        print("old name goes; fget is", p2.fget.__name__)

p2 = property(getter)
p2.__set_name__(object, Name("a"))
p2.__set_name__(object, "b")

class C:
    x = p2
try:
    C().x = 1
except AttributeError as e:
    print(e)

# getter/setter/deleter copies keep the name.
class D:
    @property
    def v(self):
        return 1
    @v.setter
    def v(self, value):
        print("set", value)
d = D()
d.v = 5
print(d.v, D.v.fset.__name__)
try:
    del d.v
except AttributeError as e:
    print(e)
