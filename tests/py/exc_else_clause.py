def check(x):
    try:
        r = 10 / x
    except ZeroDivisionError:
        print("except")
    else:
        print("else", r)
    finally:
        print("finally")
check(2); check(0)
for i in range(2):
    try:
        pass
    except Exception:
        pass
    else:
        print("loop else", i)
try:
    try:
        pass
    except KeyError:
        print("not reached")
    else:
        raise ValueError("from else")
    finally:
        print("inner finally")
except ValueError as e:
    print("caught", e)
