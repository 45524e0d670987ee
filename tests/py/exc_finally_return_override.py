def f():
    for i in range(3):
        try:
            return i
        finally:
            if i < 2:
                continue
    return "loop end"
print(f())
def g():
    while True:
        try:
            raise ValueError
        finally:
            break
    return "break discarded exception"
print(g())
def h():
    try:
        return "first"
    finally:
        print("cleanup sees return pending")
print(h())
