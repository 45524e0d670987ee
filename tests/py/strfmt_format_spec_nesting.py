for width in [5, 10]:
    for prec in [1, 3]:
        print(f"[{3.14159265:{width}.{prec}f}] [{'text':>{width}.{prec}}] [{42:{'0'}{width}d}]")
spec = "^12,.2f"
print(f"{1234567.891:{spec}}", "{:{}}".format(1.5, "08.3f"), "{0:{1}{2}}".format("x", "*", "^5"))
