class Descriptor(object):
    counter = 0
    def __get__(self, obj, objtype=None):
        def getter(name):
            self.counter += 1
            raise AttributeError(name)
        return getter
descr = Descriptor()
class A(object):
    __getattribute__ = descr
class B(object):
    __getattr__ = descr
class C(object):
    __getattribute__ = descr
    __getattr__ = descr
for cls in (A, B, C):
    try:
        getattr(cls(), "attr")
    except AttributeError as e:
        print(cls.__name__, "AttributeError", e, descr.counter)
class S:
    @staticmethod
    def __getattr__(name):
        return "static " + name
print(S().zz)
class K:
    @classmethod
    def __getattr__(cls, name):
        return cls.__name__ + "." + name
print(K().yy)
