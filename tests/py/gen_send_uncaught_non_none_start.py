def g():
    x = yield
    print(x)
gen = g()
gen.send("too early")
