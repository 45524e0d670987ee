def booh(self):
    raise AttributeError("booh")
class E:
    __eq__ = property(booh)
print(E() == E())
class I:
    __init__ = property(booh)
try:
    I()
except AttributeError as e:
    print("AE", e)
class H:
    __hash__ = property(booh)
try: hash(H())
except AttributeError as e: print("AE", e)
class R:
    __repr__ = property(booh)
try: repr(R())
except AttributeError as e: print("AE", e)
print(repr(R()).startswith("<__main__.R object"))
