def a():
    raise ValueError("a")
def b():
    try:
        a()
    except ValueError as e:
        raise TypeError("b") from e
def c():
    try:
        b()
    except TypeError:
        raise RuntimeError("c")
c()
