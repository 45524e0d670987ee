def make():
    fs = []
    for i in range(3):
        fs.append(lambda: i)
    i = "after"
    return fs
print([f() for f in make()])
def make2():
    fs = []
    i = 0
    while i < 3:
        fs.append(lambda i=i: i)
        i += 1
    return fs
print([f() for f in make2()])
