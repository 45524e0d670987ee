vals = [0, 7, -7, 3.14159, -0.001, 1e10, 255]
fmts = ["%d", "%5d", "%-5d|", "%+d", "%05d", "%x", "%o", "%e", "%.2f", "%10.3f", "%g", "%s", "%r"]
for f in fmts:
    row = []
    for v in vals:
        try:
            row.append(f % v)
        except TypeError as e:
            row.append("TypeError")
    print(f, row)
specs = ["", "5", "<5", ">+8.2f", "^9.3e", "08.3f", ",", "_.1f", ".0%", "g", "#x" ]
for s in specs:
    row = []
    for v in vals:
        try:
            row.append(format(v, s))
        except ValueError:
            row.append("ValueError")
    print(repr(s), row)
