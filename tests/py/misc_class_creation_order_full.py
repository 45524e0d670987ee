log = []
class Meta(type):
    @classmethod
    def __prepare__(mcls, name, bases, **kw):
        log.append(f"prepare {name}")
        return {}
    def __new__(mcls, name, bases, ns, **kw):
        log.append(f"new {name} keys={[k for k in ns if not k.startswith('__')]}")
        return super().__new__(mcls, name, bases, ns)
    def __init__(cls, name, bases, ns, **kw):
        log.append(f"init {name}")
        super().__init__(name, bases, ns)
class Desc:
    def __set_name__(self, owner, name):
        log.append(f"set_name {name}")
class Base(metaclass=Meta):
    def __init_subclass__(cls, **kw):
        log.append(f"init_subclass {cls.__name__} {kw}")
def deco(cls):
    log.append(f"decorator {cls.__name__}")
    return cls
@deco
class Child(Base, flag=1):
    log.append("body start")
    d = Desc()
    def method(self):
        pass
    log.append("body end")
print("\n".join(log))
