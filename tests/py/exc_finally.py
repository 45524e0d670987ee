def f():
    try:
        return "try"
    finally:
        print("finally runs")
print(f())
def g():
    try:
        return "try"
    finally:
        return "finally wins"
print(g())
def h():
    for i in range(3):
        try:
            if i == 1:
                continue
            if i == 2:
                break
            print("body", i)
        finally:
            print("finally", i)
    return "done"
print(h())
def k():
    try:
        raise ValueError("lost")
    finally:
        return "swallowed"
print(k())
def order():
    log = []
    try:
        try:
            log.append("try")
            raise KeyError
        except KeyError:
            log.append("except")
            raise TypeError
        finally:
            log.append("finally")
    except TypeError:
        log.append("outer")
    return log
print(order())
