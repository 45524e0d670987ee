for exc in [KeyError("k"), IndexError("i"), TypeError("t"), ZeroDivisionError("z")]:
    try:
        raise exc
    except (KeyError, IndexError) as e:
        print("lookup", type(e).__name__)
    except (TypeError,) as e:
        print("type", e)
    except ArithmeticError as e:
        print("arith", e)
try:
    try:
        raise ValueError
    except "not a class":
        pass
except TypeError as e:
    print(e)
