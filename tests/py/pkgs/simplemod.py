print("simplemod executing, __name__ =", __name__)
VALUE = 42
_private = "hidden"
def greet(name):
    return f"hello {name}"
class Thing:
    pass
