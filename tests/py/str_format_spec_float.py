# format() / __format__ of float: e, f, g, %, n, none; grouping, alignment, sign, '#', 'z'.
xs = [0.0, -0.0, 1.0, -1.5, 3.14159265, 2.675, 1e16, 1.5e-7, 123456789.123, 1e100, 0.0001, 9.9999e-5, 1e-320,
      float("inf"), float("-inf"), float("nan"), 0.5, 1.5, 2.5]
specs = ["", "f", ".2f", ".0f", "#.0f", "e", ".3e", "E", "g", ".3g", "G", "#g", ".0g", "%", ".1%", "n", ".3n", ",",
         ",.2f", "_.3f", "+", " ", "z.1f", "z", "10.3", "<10.2f", "^12.1e", "=+12.3f", "012.3f", "*>10", ".10", ".17g",
         "015,.2f", "#.3", "r" * 0 + ".1", "-.2%", "z.0f"]
for x in xs:
    row = []
    for spec in specs:
        try:
            row.append(format(x, spec))
        except Exception as e:
            row.append(type(e).__name__ + ": " + str(e))
    print(repr(x), row)
print(format(3.0, "g"), format(3.0), format(1e22, "g"), format(1e-5, ""), f"{1/3:.5}", f"{2/3!r:>20}", f"{0.1 + 0.2}")
print(repr(0.1), str(1e16), str(1.5e-7), repr(123456789012345678.0), 1e22, 1e-4, 5e-324, 1.7976931348623157e308)
for bad in [lambda: format(1.5, "d"), lambda: format(1.5, "x"), lambda: format(1.5, ",x"), lambda: format(1.5, "c"),
            lambda: format(1.5, "=s"), lambda: format(1.5, "z,d"), lambda: float.__format__(1.0, 2),
            lambda: format(1.5, ".1000000000000000000f"), lambda: format(1.5, "_n")]:
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)
