x = "global"
def f():
    global x
    x = "changed"
    y = 1
    def g():
        nonlocal y
        y += 1
        return y
    return g(), g()
print(f(), x)
def h():
    x = "local"
    def k():
        global x
        return x
    return k()
print(h())
def unbound():
    print(z)
    z = 1
try:
    unbound()
except UnboundLocalError as e:
    print(type(e).__name__, e)
def free_unbound():
    def inner():
        return v
    try:
        inner()
    except NameError as e:
        print(type(e).__name__, e)
    v = 1
free_unbound()
