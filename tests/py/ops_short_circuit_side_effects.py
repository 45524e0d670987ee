log = []
def v(x):
    log.append(x)
    return x
r = v(0) and v(1)
r2 = v(1) and v(2) and v(0) and v(3)
r3 = v(0) or v("") or v("yes") or v("never")
print(r, r2, r3, log)
log.clear()
x = v(1) if v(True) else v(2)
print(x, log)
