print(format(3.14159, ".2f"), format(42), format("s", ">3"), format(True), format(None), format(1e100), format([1, 2]), format(255, "#06x"))
print(format(-0.0, "+"), format(10, ",d"), format(0.5, "%"), format(1.0), format(123, "e"))
try:
    format(3, "z")
except ValueError as e:
    print(e)
try:
    format([1], "x")
except TypeError as e:
    print(e)
