class A:
    blech = None
obj = A()
try:
    obj.bluch
except AttributeError as exc:
    print(exc.name, exc.obj is obj)
try:
    object.__getattribute__(obj, "bluch")
except AttributeError as exc:
    print(exc.name, exc.obj is obj)
try:
    getattr(obj, "x2")
except AttributeError as exc:
    print(exc.name, exc.obj is obj)
