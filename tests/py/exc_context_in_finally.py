def f():
    try:
        raise ValueError("first")
    finally:
        print("in finally")
try:
    f()
except ValueError as e:
    print("caught", e, e.__context__)
try:
    try:
        raise ValueError("a")
    finally:
        raise TypeError("b")
except TypeError as e:
    print(e, repr(e.__context__))
