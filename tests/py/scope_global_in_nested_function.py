total = 0
def outer():
    total = 100
    def inner():
        global total
        total += 1
        return total
    r = inner()
    return r, total
print(outer(), total)
def declares_global_but_reads():
    global never_assigned
    try:
        return never_assigned
    except NameError as e:
        return str(e)
print(declares_global_but_reads())
