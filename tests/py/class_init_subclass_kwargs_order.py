log = []
class Base:
    def __init_subclass__(cls, /, tag="none", **kwargs):
        log.append((cls.__name__, tag, sorted(kwargs)))
        super().__init_subclass__()
class Meta(type):
    def __new__(mcls, name, bases, ns, **kw):
        log.append(("meta new", name, sorted(kw)))
        return super().__new__(mcls, name, bases, ns, **kw)
class X(Base, tag="x"):
    pass
class Y(Base, metaclass=Meta, tag="y", extra=1):
    pass
print(log)
