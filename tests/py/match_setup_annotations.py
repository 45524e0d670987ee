# SETUP_ANNOTATIONS (not pattern matching, but in this helper's corpus prefix): module and
# class bodies with annotated names get an __annotations__ dict; a local annotation stores nothing.
x: int = 5
y: "str"
print(__annotations__)
try:
    y
except NameError as e:
    print("annotation only:", e)

class C:
    a: int
    b: float = 1.5
    print("in body", __annotations__)

print(C.__annotations__, C.b)

class Preset:
    __annotations__ = {"kept": True}
    z: int = 0

print(Preset.__annotations__)

def f():
    z: int = 3
    return z

print(f())
