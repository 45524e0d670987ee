g = 1
def read():
    return g
def write():
    global g
    g = 2
print(read())
write()
print(read(), g)
def shadow():
    g = 3
    return g
print(shadow(), g)
