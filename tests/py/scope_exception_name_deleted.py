e = "outer value"
try:
    raise ValueError("x")
except ValueError as e:
    pass
try:
    print(e)
except NameError as err:
    print("e was deleted:", err)
def f():
    err = 1
    try:
        1 / 0
    except ZeroDivisionError as err:
        pass
    return "err" in locals()
print(f())
