try:
    [][1]
except IndexError as e:
    print("IndexError:", e)
try:
    {}["k"]
except KeyError as e:
    print("KeyError:", e, repr(e))
try:
    int("x")
except ValueError as e:
    print("ValueError:", e)
try:
    undefined_name
except NameError as e:
    print("NameError:", e)
try:
    None.foo
except AttributeError as e:
    print("AttributeError:", e)
try:
    1 + "a"
except TypeError as e:
    print("TypeError:", e)
try:
    raise RuntimeError("boom")
except (ValueError, RuntimeError) as e:
    print(type(e).__name__, e.args)
finally:
    print("finally")
def f():
    try:
        return "try"
    finally:
        print("cleanup")
print(f())
