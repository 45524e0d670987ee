x = 3.14159265358979
for spec in ["", ".2f", ".0f", "10.3f", "<10.2f", "^12.4e", "e", "E", ".3g", "g", "G", "%", ".1%", "+.2f", " .2f", "010.2f", ",.2f", "_.3f", ".10g", "#.0f", "a" if False else "n"]:
    print(repr(spec), format(x, spec))
for v in [0.0, -0.0, 1e100, 1.5e-10, 123456789.0, 0.5, 2.5, float("inf"), float("nan")]:
    print(format(v, "g"), format(v, ".3e"), format(v, "f") if abs(v) < 1e20 else "big", format(v, "r") if False else repr(v))
